"""Accounts: sign up, API tokens, the signed-in user's profile and avatar."""

from __future__ import annotations

from fastapi import APIRouter, File, Request, UploadFile

from openreel.api.deps import CurrentUser, PlatformDep, SessionDep, client_address
from openreel.api.present import me_out
from openreel.api.schemas import (
    IdPath,
    MeOut,
    ProfileUpdate,
    QuotaOut,
    SignUp,
    TokenName,
    TokenOut,
    TokenRequest,
)
from openreel.api.strict_json import FiniteJSONRoute
from openreel.services import accounts, cameos, videos
from openreel.services.uploads import PICTURES, open_picture, read_limited

router = APIRouter(tags=["accounts"], route_class=FiniteJSONRoute)


@router.post("/auth/signup", status_code=201, response_model=MeOut)
def sign_up(body: SignUp, request: Request, db: SessionDep) -> MeOut:
    """Create an account; then ask for a token with POST /auth/token."""
    user = accounts.sign_up(db, handle=body.handle, email=body.email, password=body.password,
                            display_name=body.display_name, birth_year=body.birth_year,
                            client=client_address(request))
    return me_out(db, user)


@router.post("/auth/token", status_code=201, response_model=TokenOut)
def create_token(body: TokenRequest, request: Request, db: SessionDep) -> TokenOut:
    """Exchange a handle (or email) and password for a personal API token.

    Too many wrong passwords for an account or from an address lately answer 429 with
    Retry-After, before any password is checked."""
    row, secret = accounts.issue_api_token(db, body.login, body.password, body.name,
                                           client_address(request))
    return TokenOut(id=row.id, name=row.name, created_at=row.created_at, secret=secret)


@router.get("/me", response_model=MeOut)
def me(user: CurrentUser, db: SessionDep) -> MeOut:
    """The signed-in user's profile and unread notification count."""
    return me_out(db, user)


@router.patch("/me", response_model=MeOut)
def update_me(body: ProfileUpdate, user: CurrentUser, db: SessionDep) -> MeOut:
    """Change the display name or bio."""
    accounts.update_profile(db, user, display_name=body.display_name, bio=body.bio)
    return me_out(db, user)


@router.put("/me/avatar", response_model=MeOut)
def set_avatar(user: CurrentUser, db: SessionDep, platform: PlatformDep,
               avatar: UploadFile = File(..., description=PICTURES.words)
               ) -> MeOut:
    """Upload a new avatar (cropped to a square)."""
    picture = open_picture(read_limited(avatar.file, platform.settings.max_upload_bytes),
                           "avatar")
    cameos.check_picture(db, user, picture)  # nobody else's registered face
    return me_out(db, accounts.set_avatar(db, platform.blobs, user, picture))


@router.get("/me/quota", response_model=QuotaOut)
def my_quota(user: CurrentUser, db: SessionDep, platform: PlatformDep) -> QuotaOut:
    """How many videos you may still start today; the count resets at midnight UTC."""
    quota = videos.daily_quota(db, platform, user)
    return QuotaOut(limit=quota.limit, used=quota.used, left=quota.left,
                    resets_at=quota.resets_at)


@router.get("/me/tokens", response_model=list[TokenOut])
def list_tokens(user: CurrentUser, db: SessionDep) -> list[TokenOut]:
    """The user's API tokens (never their secrets)."""
    return [TokenOut(id=t.id, name=t.name, created_at=t.created_at, last_used_at=t.last_used_at)
            for t in accounts.list_api_tokens(db, user)]


@router.post("/me/tokens", status_code=201, response_model=TokenOut)
def new_token(body: TokenName, user: CurrentUser, db: SessionDep) -> TokenOut:
    """Create another API token; its secret is shown this once."""
    row, secret = accounts.create_api_token(db, user, body.name)
    return TokenOut(id=row.id, name=row.name, created_at=row.created_at, secret=secret)


@router.delete("/me/tokens/{token_id}", status_code=204)
def delete_token(token_id: IdPath, user: CurrentUser, db: SessionDep) -> None:
    """Revoke an API token."""
    accounts.revoke_api_token(db, user, token_id)
