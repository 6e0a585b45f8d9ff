"""The web app's pages: thin routes that call services and render templates."""

from __future__ import annotations

import hmac
import secrets
from importlib.resources import files
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from openreel.api.deps import (
    SESSION_COOKIE,
    Caller,
    PlatformDep,
    SessionDep,
    client_address,
    looking_up,
)
from openreel.api.errors import retry_headers, status_of
from openreel.api.present import avatar_url, user_out, videos_out, viewed_video_out
from openreel.api.schemas import IdPath
from openreel.db.models import CameoPermission, User
from openreel.pipeline import SIZES
from openreel.services import (
    accounts,
    batches,
    cameos,
    engagement,
    provenance,
    saved,
    videos,
)
from openreel.services.errors import (
    Busy,
    InvalidInput,
    NotSignedIn,
    QuotaExceeded,
    ServiceError,
)
from openreel.services.render_job import notes_of
from openreel.services.uploads import CAPTURES, PICTURES, VERIFIABLE, read_limited
from openreel.spec import Style

ANON_CSRF_COOKIE = "openreel_csrf"
# A batch row's state in words for its page
_ROW_STATES = {"queued": "waiting", "running": "being made", "succeeded": "ready",
               "failed": "failed", "cancelled": "cancelled", "skipped": "skipped"}
templates = Jinja2Templates(directory=str(files("openreel.web") / "templates"))
# What each upload takes, for the file pickers and their hints (said once, in uploads)
templates.env.globals.update(pictures=PICTURES, verifiable=VERIFIABLE, captures=CAPTURES)


def page_caller(request: Request, db: SessionDep, platform: PlatformDep) -> Caller:
    """The caller of a page: GETs resolve the cookie; form POSTs check the form's token."""
    cookie = request.cookies.get(SESSION_COOKIE)
    with looking_up(db, platform):
        web = accounts.resolve_session(db, cookie) if cookie else None
        if web is None:
            return Caller.of(None, "anonymous")
        return Caller.of(web.user, "session", web.csrf_token)


PageCaller = Annotated[Caller, Depends(page_caller)]


def _render(request: Request, caller: Caller, name: str, status: int = 200,
            **context: Any) -> HTMLResponse:
    anon_csrf = request.cookies.get(ANON_CSRF_COOKIE) or secrets.token_urlsafe(24)
    unread = context.pop("unread", None)
    response = templates.TemplateResponse(request, name, status_code=status, context={
        "me": caller.user, "csrf": caller.csrf_token or anon_csrf, "unread": unread,
        "avatar_url": avatar_url, **context})
    if caller.user is None and request.cookies.get(ANON_CSRF_COOKIE) != anon_csrf:
        response.set_cookie(ANON_CSRF_COOKIE, anon_csrf, httponly=True, samesite="lax")
    return response


def _check_form_csrf(request: Request, caller: Caller, sent: str) -> None:
    expected = caller.csrf_token or request.cookies.get(ANON_CSRF_COOKIE) or ""
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise CsrfMissing()


class CsrfMissing(Exception):
    """A page form came without the token that proves it came from our page."""


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """An error as a page, for people rather than scripts."""
    me, csrf = None, ""
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        # The header still shows who is signed in, so a 404 does not look like a sign-out.
        with request.app.state.platform.reading() as session:
            web = accounts.resolve_session(session, cookie)
            if web is not None:
                me, csrf = web.user, web.csrf_token
    return templates.TemplateResponse(request, "error.html", status_code=status, context={
        "me": me, "csrf": csrf, "unread": None, "avatar_url": avatar_url,
        "message": message, "status": status})


def _create_page(request: Request, caller: Caller, db: SessionDep, platform: PlatformDep,
                 status: int = 200, values: dict[str, str] | None = None,
                 error: str | None = None) -> HTMLResponse:
    assert caller.user is not None
    return _render(request, caller, "create.html", status, sizes=list(SIZES),
                   styles=[s.value for s in Style], values=values or {}, error=error,
                   max_prompt=videos.MAX_PROMPT,
                   quota=videos.daily_quota(db, platform, caller.user))


# who may use a cameo, as its owner chooses
CAMEO_PERMISSIONS = (("only_me", "Only me"), ("approved", "People I approve"),
                     ("mutuals", "Mutuals (people I follow who follow me)"),
                     ("everyone", "Everyone"))


def _permission(value: str) -> CameoPermission:
    try:
        return CameoPermission(value)
    except ValueError:
        raise InvalidInput("permission", "choose only_me, approved, mutuals or "
                           "everyone") from None


def _cameo_page(request: Request, caller: Caller, db: SessionDep, status: int = 200,
                reasons: list[str] | None = None, error: str | None = None,
                rules_error: str | None = None, rules: str | None = None) -> HTMLResponse:
    assert caller.user is not None
    cameo = cameos.find_cameo(db, caller.user)
    challenge = None
    approved = cameos.approved_people(db, caller.user) if cameo is not None else []
    showing = videos.showing_my_cameo(db, caller.user) if cameo is not None else []
    if cameo is None:
        row = cameos.issue_challenge(db, caller.user)
        challenge = {"id": row.id, "digits": list(cameos.as_challenge(row).digits),
                     "turn": row.turn}
    return _render(request, caller, "cameo.html", status, cameo=cameo, challenge=challenge,
                   reasons=reasons or [], permissions=CAMEO_PERMISSIONS, approved=approved,
                   showing=showing, error=error, rules_error=rules_error,
                   rules="\n".join(cameo.rules) if rules is None and cameo else rules or "")


def _form_user(request: Request, caller: Caller, csrf_token: str) -> User | Response:
    """Who sent a page's form (its token checked), or where to sign in first."""
    _check_form_csrf(request, caller, csrf_token)
    if caller.user is None:
        return RedirectResponse(f"/signin?next={request.url.path}", status_code=303)
    return caller.user


def _signed_in(caller: Caller, request: Request) -> Any:
    if caller.user is None:
        return RedirectResponse(f"/signin?next={request.url.path}", status_code=303)
    return None


def _set_session(response: Response, token: str, days: int, secure: bool) -> None:
    response.set_cookie(SESSION_COOKIE, token, max_age=days * 86400, httponly=True,
                        samesite="lax", secure=secure)


def web_router() -> APIRouter:
    """The routes of the web pages."""
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def home(request: Request, caller: PageCaller, db: SessionDep) -> Response:
        unread = engagement.unread_count(db, caller.user) if caller.user else None
        return _render(request, caller, "feed.html", mode="for_you", unread=unread)

    @router.get("/following", response_class=HTMLResponse)
    def following(request: Request, caller: PageCaller, db: SessionDep) -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        unread = engagement.unread_count(db, caller.user) if caller.user else None
        return _render(request, caller, "feed.html", mode="following", unread=unread)

    @router.get("/signup", response_class=HTMLResponse)
    def signup_page(request: Request, caller: PageCaller) -> Response:
        return _render(request, caller, "signup.html", values={}, error=None)

    @router.post("/signup", response_class=HTMLResponse)
    def signup(request: Request, caller: PageCaller, db: SessionDep, platform: PlatformDep,
               handle: Annotated[str, Form()] = "", email: Annotated[str, Form()] = "",
               password: Annotated[str, Form()] = "",
               birth_year: Annotated[str, Form()] = "",
               csrf_token: Annotated[str, Form()] = "") -> Response:
        _check_form_csrf(request, caller, csrf_token)
        values = {"handle": handle, "email": email, "birth_year": birth_year}
        try:
            year = int(birth_year) if birth_year.strip() else None
        except ValueError:
            return _render(request, caller, "signup.html", 422, values=values,
                           error="birth year: a year like 1990")
        try:
            signed = accounts.sign_up_and_sign_in(
                db, handle=handle, email=email, password=password, birth_year=year,
                client=client_address(request), days=platform.settings.session_days)
        except ServiceError as exc:
            status = status_of(exc, 409)
            # the field as the form labels it ("birth year", not "birth_year")
            error = (f"{exc.field.replace('_', ' ')}: {exc.reason}"
                     if isinstance(exc, InvalidInput) else exc.message)
            page = _render(request, caller, "signup.html", status, values=values, error=error)
            page.headers.update(retry_headers(exc))
            return page
        response = RedirectResponse("/", status_code=303)
        _set_session(response, signed.token, platform.settings.session_days,
                     platform.settings.secure_cookies)
        return response

    @router.get("/signin", response_class=HTMLResponse)
    def signin_page(request: Request, caller: PageCaller, next: str = "/") -> Response:
        return _render(request, caller, "signin.html", error=None, next=_safe_next(next),
                       login="")

    @router.post("/signin", response_class=HTMLResponse)
    def signin(request: Request, caller: PageCaller, db: SessionDep, platform: PlatformDep,
               login: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "",
               next: Annotated[str, Form()] = "/",
               csrf_token: Annotated[str, Form()] = "") -> Response:
        _check_form_csrf(request, caller, csrf_token)
        try:
            signed = accounts.sign_in(db, login, password, client_address(request),
                                      days=platform.settings.session_days)
        except (NotSignedIn, QuotaExceeded, Busy) as exc:
            status = status_of(exc)
            page = _render(request, caller, "signin.html", status, error=exc.message,
                           next=_safe_next(next), login=login)
            page.headers.update(retry_headers(exc))
            return page
        response = RedirectResponse(_safe_next(next), status_code=303)
        _set_session(response, signed.token, platform.settings.session_days,
                     platform.settings.secure_cookies)
        return response

    @router.post("/signout")
    def signout(request: Request, caller: PageCaller, db: SessionDep,
                csrf_token: Annotated[str, Form()] = "") -> Response:
        _check_form_csrf(request, caller, csrf_token)
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            accounts.end_session(db, token)
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @router.get("/batches/new", response_class=HTMLResponse)
    def batch_new_page(request: Request, caller: PageCaller) -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        return _render(request, caller, "batch_new.html", styles=[s.value for s in Style],
                       values={}, error=None, max_rows=batches.MAX_ROWS)

    @router.post("/batches/new", response_class=HTMLResponse)
    def batch_new(request: Request, caller: PageCaller, db: SessionDep, platform: PlatformDep,
                  template: Annotated[str, Form()] = "",
                  rows: Annotated[str, Form()] = "",
                  table: Annotated[UploadFile | None, File()] = None,
                  seconds: Annotated[str, Form()] = "10",
                  style: Annotated[str, Form()] = "",
                  csrf_token: Annotated[str, Form()] = "") -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        _check_form_csrf(request, caller, csrf_token)
        assert caller.user is not None
        values = {"template": template, "rows": rows, "seconds": seconds, "style": style}
        try:
            try:
                secs = float(seconds)
            except ValueError:
                raise InvalidInput("seconds", "a number of seconds") from None
            if table is not None and table.filename:
                table_rows = batches.read_table(
                    table.filename, read_limited(table.file, batches.MAX_TABLE_BYTES))
            else:
                table_rows = batches.read_rows(rows, batches.rows_kind("rows.csv", rows))
            batch = batches.create_batch(
                db, platform, caller.user, template, table_rows,
                videos.CreateRequest(prompt="", seconds=secs, style=style or None))
        except ServiceError as exc:
            status = status_of(exc)
            error = (f"{exc.field}: {exc.reason}" if isinstance(exc, InvalidInput)
                     else exc.message)
            return _render(request, caller, "batch_new.html", status,
                           styles=[s.value for s in Style], values=values, error=error,
                           max_rows=batches.MAX_ROWS)
        return RedirectResponse(f"/batches/{batch.id}", status_code=303)

    @router.get("/batches/{batch_id}", response_class=HTMLResponse)
    def batch_page(batch_id: IdPath, request: Request, caller: PageCaller,
                   db: SessionDep) -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        assert caller.user is not None
        batch, rows = batches.batch_for(db, caller.user, batch_id)
        pending = any(r.pending for r in rows)
        drafts = {v.id for _, v in batches.batch_clips(db, rows) if v.status.value == "draft"}
        return _render(request, caller, "batch.html", batch=batch, rows=rows,
                       progress=round(100 * batches.batch_progress(rows)), pending=pending,
                       drafts=drafts,
                       words=_ROW_STATES)

    @router.post("/batches/{batch_id}/publish")
    def batch_publish(batch_id: IdPath, request: Request, caller: PageCaller,
                      db: SessionDep, csrf_token: Annotated[str, Form()] = "") -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        _check_form_csrf(request, caller, csrf_token)
        assert caller.user is not None
        batches.publish_batch(db, caller.user, batch_id)
        return RedirectResponse(f"/batches/{batch_id}", status_code=303)

    @router.post("/batches/{batch_id}/cancel")
    def batch_cancel(batch_id: IdPath, request: Request, caller: PageCaller, db: SessionDep,
                     platform: PlatformDep, csrf_token: Annotated[str, Form()] = "") -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        _check_form_csrf(request, caller, csrf_token)
        assert caller.user is not None
        batches.cancel_batch(db, platform, caller.user, batch_id)
        return RedirectResponse(f"/batches/{batch_id}", status_code=303)

    @router.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        # Browsers ask for this path on their own; the mark is the SVG every page links to.
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @router.get("/create", response_class=HTMLResponse)
    def create_page(request: Request, caller: PageCaller, db: SessionDep,
                    platform: PlatformDep) -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        return _create_page(request, caller, db, platform)

    @router.post("/create", response_class=HTMLResponse)
    def create(request: Request, caller: PageCaller, db: SessionDep, platform: PlatformDep,
               prompt: Annotated[str, Form()] = "",
               seconds: Annotated[str, Form()] = "10",
               size: Annotated[str, Form()] = "720x1280",
               style: Annotated[str, Form()] = "",
               seed: Annotated[str, Form()] = "",
               engine: Annotated[str, Form()] = "procedural",
               image: Annotated[UploadFile | None, File()] = None,
               csrf_token: Annotated[str, Form()] = "") -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        _check_form_csrf(request, caller, csrf_token)
        values = {"prompt": prompt, "seconds": seconds, "size": size, "style": style,
                  "seed": seed}
        assert caller.user is not None
        try:
            try:
                secs = float(seconds)
            except ValueError:
                raise InvalidInput("seconds", "a number of seconds") from None
            try:
                seed_value = int(seed) if seed.strip() else None
            except ValueError:
                raise InvalidInput("seed", "a whole number") from None
            data = None
            if image is not None and image.filename:
                data = read_limited(image.file, platform.settings.max_upload_bytes)
            planned = videos.create_generation(db, platform, caller.user, videos.CreateRequest(
                prompt=prompt, seconds=secs, size=size, style=style or None, seed=seed_value,
                engine=engine, image=data))
        except ServiceError as exc:
            status = status_of(exc)
            page = _create_page(request, caller, db, platform, status, values, exc.message)
            page.headers.update(retry_headers(exc))
            return page
        return RedirectResponse(f"/jobs/{planned.job.id}", status_code=303)

    @router.get("/verify", response_class=HTMLResponse)
    def verify_page(request: Request, caller: PageCaller) -> Response:
        return _render(request, caller, "verify.html", report=None, error=None, filename="")

    @router.post("/verify", response_class=HTMLResponse)
    def verify(request: Request, caller: PageCaller, db: SessionDep, platform: PlatformDep,
               file: Annotated[UploadFile | None, File()] = None,
               csrf_token: Annotated[str, Form()] = "") -> Response:
        _check_form_csrf(request, caller, csrf_token)
        name = (file.filename or "") if file is not None else ""
        try:
            if file is None or not name:
                raise InvalidInput("file", f"choose a file to verify: {VERIFIABLE.words}")
            with platform.reading() as session:  # it writes nothing: no write lock
                verdict = provenance.verify_upload(session, platform, file.file,
                                                   name, caller.user)
        except ServiceError as exc:
            status = status_of(exc)
            message = exc.said
            return _render(request, caller, "verify.html", status, report=None, error=message,
                           filename=name)
        return _render(request, caller, "verify.html", report=provenance.verdict_json(verdict),
                       error=None, filename=name)

    @router.get("/jobs/{job_id}", response_class=HTMLResponse)
    def job_page(job_id: IdPath, request: Request, caller: PageCaller, db: SessionDep) -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        assert caller.user is not None
        job = videos.job_for(db, caller.user, job_id)
        return _render(request, caller, "job.html", job=job,
                       notes=notes_of(job.payload),
                       prompt=job.payload.get("video", {}).get("prompt", ""))

    @router.get("/drafts", response_class=HTMLResponse)
    def drafts_page(request: Request, caller: PageCaller, db: SessionDep) -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        assert caller.user is not None
        return _render(request, caller, "drafts.html",
                       drafts=videos_out(db, caller.user, videos.drafts(db, caller.user)),
                       jobs=[j for j in videos.user_jobs(db, caller.user)
                             if j.status.value in ("queued", "running", "failed")],
                       mine=videos_out(db, caller.user, videos.videos_by(
                           db, caller.user, caller.user)))

    @router.get("/saved", response_class=HTMLResponse)
    def saved_page(request: Request, caller: PageCaller, db: SessionDep,
                   cursor: Annotated[str | None, Query(max_length=200)] = None) -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        assert caller.user is not None
        page = saved.saved_videos(db, caller.user, limit=saved.MAX_PAGE, before=cursor)
        return _render(request, caller, "saved.html",
                       videos=videos_out(db, caller.user, page.videos),
                       next_cursor=page.next_cursor, first=cursor is None)

    @router.get("/v/{video_id}", response_class=HTMLResponse)
    def video_page(video_id: IdPath, request: Request, caller: PageCaller,
                   db: SessionDep) -> Response:
        video = videos.visible_video(db, caller.user, video_id)
        chain = [(v, videos.can_see(caller.user, v))
                 for v in videos.ancestry(db, caller.user, video)]
        return _render(request, caller, "video.html",
                       video=viewed_video_out(db, caller.user, video),
                       owner=user_out(db, video.owner, caller.user),
                       threads=engagement.comment_threads(db, caller.user, video.id),
                       chain=chain, remixes=videos_out(db, caller.user,
                                                       videos.remixes_of(db, caller.user, video)),
                       is_owner=caller.user is not None and caller.user.id == video.owner_id)

    @router.get("/@{handle}", response_class=HTMLResponse)
    def profile_page(handle: str, request: Request, caller: PageCaller,
                     db: SessionDep) -> Response:
        user = accounts.user_by_handle(db, handle)
        originals = videos.videos_by(db, caller.user, user, remixes=False)
        remixed = videos.videos_by(db, caller.user, user, remixes=True)
        return _render(request, caller, "profile.html", profile=user_out(db, user, caller.user),
                       originals=videos_out(db, caller.user, originals),
                       remixed=videos_out(db, caller.user, remixed))

    @router.get("/settings", response_class=HTMLResponse)
    def settings_page(request: Request, caller: PageCaller, db: SessionDep) -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        assert caller.user is not None
        return _render(request, caller, "settings.html",
                       tokens=accounts.list_api_tokens(db, caller.user))

    @router.get("/cameo", response_class=HTMLResponse)
    def cameo_page(request: Request, caller: PageCaller, db: SessionDep) -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        return _cameo_page(request, caller, db)

    @router.post("/cameo", response_class=HTMLResponse)
    def cameo_record(request: Request, caller: PageCaller, db: SessionDep,
                     platform: PlatformDep, challenge_id: Annotated[int, Form()] = 0,
                     permission: Annotated[str, Form()] = "only_me",
                     file: Annotated[UploadFile | None, File()] = None,
                     csrf_token: Annotated[str, Form()] = "") -> Response:
        if isinstance(user := _form_user(request, caller, csrf_token), Response):
            return user
        try:
            if file is None or not file.filename:
                raise InvalidInput("file", f"record yourself, or choose a recording: "
                                   f"{CAPTURES.words}")
            cameos.create_cameo(db, platform, user, challenge_id, file.file,
                                file.filename, _permission(permission))
        except ServiceError as exc:
            reasons = (exc.reasons if isinstance(exc, cameos.CaptureRefused) else
                       [exc.said])
            return _cameo_page(request, caller, db, status_of(exc), reasons)
        return RedirectResponse("/cameo", status_code=303)

    @router.post("/cameo/permission")
    def cameo_permission(request: Request, caller: PageCaller, db: SessionDep,
                         permission: Annotated[str, Form()] = "",
                         csrf_token: Annotated[str, Form()] = "") -> Response:
        if isinstance(user := _form_user(request, caller, csrf_token), Response):
            return user
        cameos.set_permission(db, user, _permission(permission))
        return RedirectResponse("/cameo", status_code=303)

    @router.post("/cameo/rules", response_class=HTMLResponse)
    def cameo_rules(request: Request, caller: PageCaller, db: SessionDep,
                    rules: Annotated[str, Form(max_length=4000)] = "",
                    csrf_token: Annotated[str, Form()] = "") -> Response:
        if isinstance(user := _form_user(request, caller, csrf_token), Response):
            return user
        try:
            cameos.set_rules(db, user, rules.splitlines())
        except ServiceError as exc:
            return _cameo_page(request, caller, db, status_of(exc), rules_error=exc.said,
                               rules=rules)
        return RedirectResponse("/cameo", status_code=303)

    @router.post("/cameo/approved", response_class=HTMLResponse)
    def cameo_approve(request: Request, caller: PageCaller, db: SessionDep,
                      handle: Annotated[str, Form()] = "",
                      csrf_token: Annotated[str, Form()] = "") -> Response:
        if isinstance(user := _form_user(request, caller, csrf_token), Response):
            return user
        try:
            cameos.approve(db, user, handle.strip().lstrip("@"))
        except ServiceError as exc:
            message = exc.said
            return _cameo_page(request, caller, db, status_of(exc), error=message)
        return RedirectResponse("/cameo", status_code=303)

    @router.post("/cameo/approved/remove")
    def cameo_unapprove(request: Request, caller: PageCaller, db: SessionDep,
                        handle: Annotated[str, Form()] = "",
                        csrf_token: Annotated[str, Form()] = "") -> Response:
        if isinstance(user := _form_user(request, caller, csrf_token), Response):
            return user
        cameos.unapprove(db, user, handle)
        return RedirectResponse("/cameo", status_code=303)

    @router.post("/cameo/videos/{video_id}/remove")
    def cameo_remove_video(video_id: IdPath, request: Request, caller: PageCaller,
                           db: SessionDep, platform: PlatformDep,
                           csrf_token: Annotated[str, Form()] = "") -> Response:
        if isinstance(user := _form_user(request, caller, csrf_token), Response):
            return user
        videos.remove_showing_my_cameo(db, platform, user, video_id)
        return RedirectResponse("/cameo", status_code=303)

    @router.post("/cameo/delete")
    def cameo_delete(request: Request, caller: PageCaller, db: SessionDep,
                     platform: PlatformDep, csrf_token: Annotated[str, Form()] = "") -> Response:
        if isinstance(user := _form_user(request, caller, csrf_token), Response):
            return user
        cameos.delete_cameo(db, platform, user)
        return RedirectResponse("/cameo", status_code=303)

    @router.get("/notifications", response_class=HTMLResponse)
    def notifications_page(request: Request, caller: PageCaller, db: SessionDep) -> Response:
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        assert caller.user is not None
        notes = engagement.notifications(db, caller.user)
        rows = [(n, engagement.describe(db, n), engagement.linked_video(db, n)) for n in notes]
        # Opening the page reads; marking read is the reader's choice (the button)
        return _render(request, caller, "notifications.html", rows=rows,
                       newest=notes[0].id if notes else None,
                       unread=engagement.unread_count(db, caller.user))

    @router.post("/notifications/read")
    def notifications_read(request: Request, caller: PageCaller, db: SessionDep,
                           up_to: Annotated[int | None, Form(ge=1, le=2**63 - 1)] = None,
                           csrf_token: Annotated[str, Form()] = "") -> Response:
        _check_form_csrf(request, caller, csrf_token)
        if (redirect := _signed_in(caller, request)) is not None:
            return redirect
        assert caller.user is not None
        engagement.mark_read(db, caller.user, up_to)
        return RedirectResponse("/notifications", status_code=303)

    return router


def _safe_next(target: str) -> str:
    """Only same-site paths are followed after signing in."""
    return target if target.startswith("/") and not target.startswith("//") else "/"
