"""Pages as a person gets them: signed in through the sign-in form, with its cookies."""

from __future__ import annotations

from api_client import PlatformApp

PASSWORD = "correct horse battery"


def sign_in_pages(platform_app: PlatformApp, handle: str) -> None:
    """Sign ``handle`` (an existing account) in through the form; the client keeps the
    session cookie, so later page requests are theirs."""
    client = platform_app.client
    client.get("/signin")  # the form sets its CSRF cookie
    signed = client.post("/signin", data={"login": handle, "password": PASSWORD,
                                          "csrf_token": client.cookies.get("openreel_csrf")},
                         follow_redirects=False)
    assert signed.status_code == 303, signed.text


def form_token(html: str) -> str:
    """The CSRF token a page's forms carry."""
    return html.split('name="csrf_token" value="')[1].split('"')[0]
