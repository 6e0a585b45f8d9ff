"""Verifying files: is this an openreel video, whose, and was it altered?"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile

from openreel.api.deps import PlatformDep, ViewerDep
from openreel.api.schemas import VerifyOut
from openreel.api.strict_json import FiniteJSONRoute
from openreel.services.provenance import verdict_json, verify_upload
from openreel.services.uploads import VERIFIABLE

router = APIRouter(tags=["provenance"], route_class=FiniteJSONRoute)


@router.post("/verify", response_model=VerifyOut)
def verify(viewer: ViewerDep, platform: PlatformDep,
           file: Annotated[UploadFile, File(description=VERIFIABLE.words)]
           ) -> VerifyOut:
    """Examine a file: C2PA manifest, invisible picture and sound marks, fingerprint matches.

    Anyone may ask; videos that are private to their creator are described without their id.
    At most a few files are examined at once, each within a time and memory budget: past
    them the answer is 503 with Retry-After (busy), 422 (too slow) or 413 (too large).
    """
    with platform.reading() as session:  # it writes nothing: no write lock is taken
        verdict = verify_upload(session, platform, file.file, file.filename or "",
                                viewer)
        return VerifyOut.model_validate(verdict_json(verdict))
