"""Cameos: the liveness challenge, recording one's cameo, seeing, narrowing and erasing it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Path, Response, UploadFile
from sqlalchemy.orm import Session

from openreel.api.deps import CurrentUser, PlatformDep, SessionDep
from openreel.api.present import videos_out
from openreel.api.routes.users import HandlePath
from openreel.api.schemas import (
    CameoChallengeOut,
    CameoOut,
    CameoPermissionIn,
    CameoPermissionName,
    CameoRulesIn,
    IdPath,
    RowId,
    VideoOut,
    VoiceOut,
)
from openreel.api.strict_json import FiniteJSONRoute
from openreel.db.models import Cameo, CameoPermission, User
from openreel.services import cameos, videos
from openreel.services.uploads import CAPTURES

router = APIRouter(prefix="/cameos", tags=["cameos"], route_class=FiniteJSONRoute)


def _out(db: Session, cameo: Cameo, viewer: User) -> CameoOut:
    voice = cameo.voice_parameters
    why_not = None
    try:
        cameos.check_use(db, cameo, viewer)
    except cameos.CameoNotPermitted as exc:
        why_not = exc.message
    return CameoOut(handle=cameo.owner.handle, permission=cameo.permission.value,
                    faces=cameo.chips, voice=VoiceOut(
                        f0_median=round(voice["f0_median"], 1),
                        f0_low=round(voice["f0_low"], 1), f0_high=round(voice["f0_high"], 1),
                        rate=voice["rate"]), created_at=cameo.created_at,
                    you_may_use=why_not is None, why_not=why_not, rules=list(cameo.rules))


@router.post("/challenge", status_code=201, response_model=CameoChallengeOut)
def challenge(user: CurrentUser, db: SessionDep) -> CameoChallengeOut:
    """A liveness challenge to answer in your recording: say the digits, turn your head."""
    row = cameos.issue_challenge(db, user)
    asked = cameos.as_challenge(row)
    return CameoChallengeOut(id=row.id, digits=list(asked.digits), turn=asked.turn,
                             instructions=asked.instructions, expires_at=row.expires_at)


@router.post("", status_code=201, response_model=CameoOut)
def create(user: CurrentUser, db: SessionDep, platform: PlatformDep,
           challenge_id: Annotated[RowId, Form()],
           file: Annotated[UploadFile, File(description=f"the recording: {CAPTURES.words}, "
                                                        "5 to 20 seconds")],
           permission: Annotated[CameoPermissionName, Form()] = "only_me") -> CameoOut:
    """Your cameo, from a recording that answers the challenge: one face (yours), the
    head turned as asked, the digits said aloud. A recording that does not pass is refused
    (422) with every reason; the challenge is spent either way."""
    cameo = cameos.create_cameo(db, platform, user, challenge_id, file.file,
                                file.filename or "", CameoPermission(permission))
    return _out(db, cameo, user)


@router.get("/me", response_model=CameoOut)
def mine(user: CurrentUser, db: SessionDep) -> CameoOut:
    """Your cameo."""
    return _out(db, cameos.own_cameo(db, user), user)


@router.patch("/me", response_model=CameoOut)
def narrow(body: CameoPermissionIn, user: CurrentUser, db: SessionDep) -> CameoOut:
    """Who may use your cameo, from now on."""
    return _out(db, cameos.set_permission(db, user, CameoPermission(body.permission)), user)


@router.put("/me/rules", response_model=CameoOut)
def rules(body: CameoRulesIn, user: CurrentUser, db: SessionDep) -> CameoOut:
    """What you never want your cameo in and how you always want it to look (replacing the
    statements before). Prompts asking for what you rule out are refused with your words."""
    return _out(db, cameos.set_rules(db, user, body.rules), user)


@router.delete("/me", status_code=204)
def erase(user: CurrentUser, db: SessionDep, platform: PlatformDep) -> Response:
    """Erase your cameo: its face images, face and voice are deleted for good."""
    cameos.delete_cameo(db, platform, user)
    return Response(status_code=204)


@router.get("/me/faces/{n}", response_class=Response,
            responses={200: {"content": {"image/png": {}}}})
def face(n: Annotated[int, Path(ge=0, le=63)], user: CurrentUser, db: SessionDep,
         platform: PlatformDep) -> Response:
    """One of your cameo's aligned face images (PNG), as the renderer will use them."""
    data = cameos.face_image(platform, cameos.own_cameo(db, user), n)
    return Response(data, media_type="image/png", headers={"Cache-Control": "private"})


@router.get("/me/videos", response_model=list[VideoOut])
def videos_with_me(user: CurrentUser, db: SessionDep) -> list[VideoOut]:
    """Every video that shows your cameo, other people's drafts included, newest first."""
    return videos_out(db, user, videos.showing_my_cameo(db, user))


@router.delete("/me/videos/{video_id}", status_code=204)
def remove_video_with_me(video_id: IdPath, user: CurrentUser, db: SessionDep,
                         platform: PlatformDep) -> Response:
    """Remove a video that shows your cameo, whoever made it (a draft or published)."""
    videos.remove_showing_my_cameo(db, platform, user, video_id)
    return Response(status_code=204)


@router.get("/me/approved", response_model=list[str])
def approved(user: CurrentUser, db: SessionDep) -> list[str]:
    """The handles of the people you approve to use your cameo."""
    return [person.handle for person in cameos.approved_people(db, user)]


@router.put("/me/approved/{handle}", response_model=list[str])
def approve(handle: HandlePath, user: CurrentUser, db: SessionDep) -> list[str]:
    """Approve someone to use your cameo (while it reaches the people you approve)."""
    cameos.approve(db, user, handle)
    return [person.handle for person in cameos.approved_people(db, user)]


@router.delete("/me/approved/{handle}", status_code=204)
def unapprove(handle: HandlePath, user: CurrentUser, db: SessionDep) -> Response:
    """No longer approve someone to use your cameo."""
    cameos.unapprove(db, user, handle)
    return Response(status_code=204)


@router.get("/{handle}", response_model=CameoOut)
def of(handle: HandlePath, user: CurrentUser, db: SessionDep) -> CameoOut:
    """Someone's cameo: who may use it, and whether you may."""
    return _out(db, cameos.cameo_of(db, handle), user)
