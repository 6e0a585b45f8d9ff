"""Batch variants over the API: a template and rows → a video per row, its progress, a zip."""

from __future__ import annotations

import io
import json
import zipfile

from api_client import PlatformApp
from sqlalchemy import func, select

from openreel.db.models import Job

TEMPLATE = "{product} on a table in {city}"


def test_a_batch_makes_a_clip_per_row_reports_bad_rows_and_downloads_as_a_zip(
        platform_app: PlatformApp) -> None:
    client = platform_app.client
    auth = platform_app.sign_up("shop")
    made = client.post("/api/v1/batches", headers=auth, json={
        "template": TEMPLATE, "seconds": 1, "seed": 40, "rows": [
            {"product": "a red apple", "city": "Rome", "caption": "Fresh in Rome"},
            {"product": "a blue cup"},
            {"product": "a green bottle", "city": "Oslo"}]})
    assert made.status_code == 202, made.text
    batch = made.json()
    assert batch["counts"] == {"queued": 2, "skipped": 1} and batch["progress"] == 0.0
    skipped = batch["rows"][1]
    assert skipped["status"] == "skipped" and skipped["error"] == "no value for {city}"
    assert batch["rows"][0]["prompt"] == "a red apple on a table in Rome"
    platform_app.run_jobs()
    done = client.get(f"/api/v1/batches/{batch['id']}", headers=auth).json()
    assert done["counts"] == {"succeeded": 2, "skipped": 1} and done["progress"] == 1.0
    ids = [r["video_id"] for r in done["rows"]]
    assert ids[1] is None and all(ids[i] for i in (0, 2))
    drafts = {v["id"] for v in client.get("/api/v1/drafts", headers=auth).json()}
    assert {ids[0], ids[2]} <= drafts  # every clip lands in drafts
    # seeds count up by row: the first row's clip has the batch's seed
    assert client.get(f"/api/v1/videos/{ids[0]}", headers=auth).json()["seed"] == 40
    archive = client.get(done["zip_url"], headers=auth)
    assert archive.status_code == 200
    assert archive.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(archive.content)) as bundle:
        assert sorted(bundle.namelist()) == ["001.mp4", "003.mp4", "batch.json"]
        listing = json.loads(bundle.read("batch.json"))
        assert listing["rows"][0]["caption"] == "Fresh in Rome"
        assert bundle.read("001.mp4")[4:8] == b"ftyp"
    # published together, each with its row's caption (else its prompt)
    assert client.post(f"/api/v1/batches/{batch['id']}/publish",
                       headers=auth).status_code == 200
    shown = [client.get(f"/api/v1/videos/{ids[i]}").json() for i in (0, 2)]
    assert [v["status"] for v in shown] == ["published", "published"]
    assert [v["caption"] for v in shown] == ["Fresh in Rome", "a green bottle on a table in Oslo"]
    # another person sees no such batch
    other = platform_app.sign_up("nosy")
    assert client.get(f"/api/v1/batches/{batch['id']}", headers=other).status_code == 404
    assert client.get(done["zip_url"], headers=other).status_code == 404


def test_rows_as_csv_text_work_the_same(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("shop")
    made = platform_app.client.post("/api/v1/batches", headers=auth, json={
        "template": TEMPLATE, "seconds": 1, "csv": "product,city\na pen,Lima\n"})
    assert made.status_code == 202 and made.json()["counts"] == {"queued": 1}


def test_bad_batches_are_refused_with_the_reason_and_queue_nothing(
        platform_app: PlatformApp) -> None:
    client = platform_app.client
    auth = platform_app.sign_up("shop")

    def post(body: dict[str, object]) -> tuple[int, str]:
        answer = client.post("/api/v1/batches", headers=auth, json=body)
        return answer.status_code, answer.text

    status, text = post({"template": "a dog runs", "rows": [{"x": "1"}]})
    assert status == 422 and "at least one field" in text
    assert "either as a list of objects or as csv" in post({"template": TEMPLATE})[1]
    status, text = post({"template": TEMPLATE, "rows": [{"product": "a pen"}]})
    assert status == 422 and "no row could be made" in text
    # the daily quota (20 here) is checked for every row at once
    rows = [{"product": f"a pen {i}", "city": "Lima"} for i in range(21)]
    status, text = post({"template": TEMPLATE, "seconds": 1, "rows": rows})
    assert status == 429 and "21 asked for" in text
    with platform_app.platform.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 0
    status, _ = post({"template": TEMPLATE, "rows": [{"product": "x", "city": "y"}] * 101})
    assert status == 422


def test_the_web_app_makes_follows_and_publishes_a_batch(platform_app: PlatformApp) -> None:
    client = platform_app.client
    platform_app.sign_up("shop")
    client.get("/signin")
    client.post("/signin", data={"login": "shop", "password": "correct horse battery",
                                 "csrf_token": client.cookies.get("openreel_csrf")})
    form = client.get("/batches/new")
    assert form.status_code == 200 and "{fields}" in form.text
    csrf = form.text.split('name="csrf_token" value="')[1].split('"')[0]
    bad = client.post("/batches/new", data={"template": "no fields here", "rows": "a\nb\n",
                                            "csrf_token": csrf})
    assert bad.status_code == 422 and "at least one field" in bad.text
    made = client.post("/batches/new", follow_redirects=False, data={
        "template": TEMPLATE, "seconds": "1", "csrf_token": csrf,
        "rows": "product,city,caption\na red apple,Rome,Rome!\na pen,,\n"})
    assert made.status_code == 303 and made.headers["location"].startswith("/batches/")
    page = client.get(made.headers["location"])
    assert page.status_code == 200 and 'data-pending="true"' in page.text
    assert "Stop the clips not made yet" in page.text
    assert "a red apple on a table in Rome" in page.text and "no value for {city}" in page.text
    platform_app.run_jobs()
    page = client.get(made.headers["location"])
    assert 'data-pending="false"' in page.text and 'data-status="succeeded"' in page.text
    assert "Publish all" in page.text and 'id="batch-zip"' in page.text
    published = client.post(made.headers["location"] + "/publish", data={"csrf_token": csrf},
                            follow_redirects=False)
    assert published.status_code == 303
    assert "Publish all" not in client.get(made.headers["location"]).text
    # a second batch, stopped from its page before anything is made
    other = client.post("/batches/new", follow_redirects=False, data={
        "template": TEMPLATE, "seconds": "1", "csrf_token": csrf,
        "rows": "product,city\na cup,Oslo\n"})
    stopped = client.post(other.headers["location"] + "/cancel", data={"csrf_token": csrf},
                          follow_redirects=False)
    assert stopped.status_code == 303
    page = client.get(other.headers["location"])
    assert 'data-status="cancelled"' in page.text and 'data-pending="false"' in page.text
    assert "Stop the clips not made yet" not in page.text
    refused = client.post(other.headers["location"] + "/cancel", data={"csrf_token": "nope"})
    assert refused.status_code == 403


def test_rows_uploaded_as_a_file_in_a_form(platform_app: PlatformApp) -> None:
    client = platform_app.client
    auth = platform_app.sign_up("shop")

    def upload(name: str, data: bytes, **form: str) -> tuple[int, dict]:
        answer = client.post("/api/v1/batches/upload", headers=auth,
                             data={"template": TEMPLATE, "seconds": "1", **form},
                             files={"table": (name, data, "text/csv")})
        return answer.status_code, answer.json()

    status, batch = upload("rows.csv", b"\xef\xbb\xbfproduct,city\na pen,Lima\na cup,\n",
                           seed="7")
    assert status == 202, batch
    assert batch["counts"] == {"queued": 1, "skipped": 1}
    assert batch["rows"][0]["prompt"] == "a pen on a table in Lima"
    status, batch = upload("rows.json", json.dumps([{"product": "a hat", "city": "Oslo"}])
                           .encode())
    assert status == 202 and batch["rows"][0]["prompt"] == "a hat on a table in Oslo"
    status, refused = upload("rows.csv", "product,city\nun café,Zürich\n".encode("latin-1"))
    assert status == 422
    assert refused["detail"][0]["loc"] == ["body", "table"]
    assert "UTF-8" in refused["detail"][0]["msg"]
    status, refused = upload("rows.csv", b"product,city\n" + b"a pen,Lima\n" * 120_000)
    assert status == 413 and "larger than" in refused["detail"]
    status, refused = upload("rows.csv", b"product,city\na pen,Lima\n", seconds="600")
    assert status == 422
    status, refused = upload("rows.csv", b"product,city\na pen,Lima\n", style="claymation")
    assert status == 422
    with platform_app.platform.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 2


def test_a_whole_batch_can_be_stopped(platform_app: PlatformApp) -> None:
    client = platform_app.client
    auth = platform_app.sign_up("shop")
    made = client.post("/api/v1/batches", headers=auth, json={
        "template": TEMPLATE, "seconds": 1,
        "rows": [{"product": p, "city": "Rome"} for p in ("a pen", "a cup", "a hat")]}).json()
    other = platform_app.sign_up("nosy")
    assert client.post(f"/api/v1/batches/{made['id']}/cancel",
                       headers=other).status_code == 404
    stopped = client.post(f"/api/v1/batches/{made['id']}/cancel", headers=auth)
    assert stopped.status_code == 200, stopped.text
    assert stopped.json()["counts"] == {"cancelled": 3}
    platform_app.run_jobs()
    after = client.get(f"/api/v1/batches/{made['id']}", headers=auth).json()
    assert after["counts"] == {"cancelled": 3}
    assert all(r["video_id"] is None for r in after["rows"])
    assert client.get("/api/v1/drafts", headers=auth).json() == []
    # nothing left to stop: the batch stays as it is
    again = client.post(f"/api/v1/batches/{made['id']}/cancel", headers=auth)
    assert again.status_code == 200 and again.json()["counts"] == {"cancelled": 3}


def test_stopping_keeps_the_clips_already_made(platform_app: PlatformApp) -> None:
    client = platform_app.client
    auth = platform_app.sign_up("shop")
    first = client.post("/api/v1/batches", headers=auth, json={
        "template": TEMPLATE, "seconds": 1, "rows": [{"product": "a pen", "city": "Rome"}]})
    platform_app.run_jobs()
    done = client.post(f"/api/v1/batches/{first.json()['id']}/cancel", headers=auth).json()
    assert done["counts"] == {"succeeded": 1} and done["rows"][0]["video_id"]
