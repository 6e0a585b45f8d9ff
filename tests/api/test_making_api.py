"""Making videos over HTTP: generate, progress, drafts, publish, files, remix, extend, stitch."""

from __future__ import annotations

import io

import av
import pytest
from api_client import SMALL, PlatformApp
from PIL import Image
from sqlalchemy import func, select

from openreel.db.models import Job, JobStatus, Notification, User, Video


def test_generation_lands_in_drafts_then_publishes(platform_app: PlatformApp) -> None:
    client = platform_app.client
    auth = platform_app.sign_up("ada")
    started = client.post("/api/v1/generations", headers=auth,
                          data={"prompt": "a red ball bounces on a wooden floor", **SMALL,
                                "seed": "7"})
    assert started.status_code == 202
    job = started.json()
    assert job["status"] == "queued" and job["video_id"] is None
    runs = platform_app.run_jobs()
    assert [r.status for r in runs] == [JobStatus.SUCCEEDED]
    done = client.get(f"/api/v1/jobs/{job['id']}", headers=auth).json()
    assert done["status"] == "succeeded" and done["progress"] == 1.0
    drafts = client.get("/api/v1/drafts", headers=auth).json()
    assert [d["id"] for d in drafts] == [done["video_id"]]
    draft = drafts[0]
    assert draft["status"] == "draft" and draft["seed"] == 7
    assert draft["width"] == 720 and draft["height"] == 1280
    assert "sports" in draft["topics"] or draft["topics"]
    # Nobody else sees a draft.
    other = platform_app.sign_up("ben")
    assert client.get(f"/api/v1/videos/{draft['id']}", headers=other).status_code == 404
    assert client.get(f"/api/v1/videos/{draft['id']}/file").status_code == 404
    published = client.post(f"/api/v1/videos/{draft['id']}/publish", headers=auth,
                            json={"caption": "bounce"})
    assert published.json()["status"] == "published"
    assert client.get(f"/api/v1/videos/{draft['id']}", headers=other).status_code == 200
    notes = client.get("/api/v1/notifications", headers=auth).json()
    assert [n["kind"] for n in notes] == ["job_finished"]


def test_file_is_a_real_mp4_served_with_ranges(platform_app: PlatformApp) -> None:
    client = platform_app.client
    auth = platform_app.sign_up("ada")
    video = platform_app.make_video(auth, "a blue cube slides down a hill")
    whole = client.get(video["video_url"])
    assert whole.status_code == 200 and whole.headers["accept-ranges"] == "bytes"
    size = len(whole.content)
    with av.open(io.BytesIO(whole.content)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == (720, 1280)
        assert container.streams.audio, "the clip has its soundtrack"
        frame = next(container.decode(video=0)).to_ndarray(format="rgb24")
        assert frame.std() > 5, "the first frame is not blank"
    part = client.get(video["video_url"], headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part.content == whole.content[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{size}"
    tail = client.get(video["video_url"], headers={"Range": "bytes=-10"})
    assert tail.content == whole.content[-10:]
    beyond = client.get(video["video_url"], headers={"Range": f"bytes={size + 5}-"})
    assert beyond.status_code == 416
    download = client.get(video["download_url"])
    assert download.headers["content-disposition"].startswith("attachment")
    poster = client.get(video["poster_url"])
    assert Image.open(io.BytesIO(poster.content)).size == (720, 1280)


def test_image_to_video_uses_the_picture(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("ada")
    buffer = io.BytesIO()
    Image.new("RGB", (360, 640), (250, 200, 0)).save(buffer, format="PNG")
    response = platform_app.client.post(
        "/api/v1/generations", headers=auth, data={"prompt": "a cat walks", **SMALL},
        files={"image": ("first.png", buffer.getvalue(), "image/png")})
    assert response.status_code == 202, response.text
    platform_app.run_jobs()
    video_id = platform_app.client.get(f"/api/v1/jobs/{response.json()['id']}",
                                       headers=auth).json()["video_id"]
    poster = platform_app.client.get(f"/api/v1/videos/{video_id}/poster", headers=auth)
    pixels = Image.open(io.BytesIO(poster.content)).convert("RGB").resize((9, 16))
    r, g, b = pixels.getpixel((4, 2))
    assert r > 180 and g > 140 and b < 90, "the first frame shows the uploaded picture"


def test_bad_fields_are_422_and_queue_nothing(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("ada")
    client = platform_app.client
    for data, field in [({"prompt": "", **SMALL}, "prompt"),
                        ({"prompt": "a ball", "seconds": "99"}, "seconds"),
                        ({"prompt": "a ball", "size": "10x10"}, "size"),
                        ({"prompt": "a ball", "style": "vaporwave"}, "style"),
                        ({"prompt": "a ball", "seed": "-3"}, "seed")]:
        response = client.post("/api/v1/generations", headers=auth, data=data)
        assert response.status_code == 422, (data, response.text)
        assert response.json()["detail"][0]["loc"][-1] == field
    not_image = client.post("/api/v1/generations", headers=auth, data={"prompt": "a ball"},
                            files={"image": ("x.png", b"%PDF-1.4 not a picture", "image/png")})
    assert not_image.status_code == 415
    with platform_app.platform.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 0


def test_daily_quota_is_429_with_retry_after(platform_app: PlatformApp) -> None:
    platform_app.platform.settings.daily_quota = 2
    auth = platform_app.sign_up("ada")
    for _ in range(2):
        ok = platform_app.client.post("/api/v1/generations", headers=auth,
                                      data={"prompt": "a ball", **SMALL})
        assert ok.status_code == 202
    refused = platform_app.client.post("/api/v1/generations", headers=auth,
                                       data={"prompt": "a ball", **SMALL})
    assert refused.status_code == 429
    assert "daily limit" in refused.json()["detail"]
    assert int(refused.headers["retry-after"]) > 0


def test_cancel_a_queued_job(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("ada")
    job = platform_app.client.post("/api/v1/generations", headers=auth,
                                   data={"prompt": "a ball", **SMALL}).json()
    cancelled = platform_app.client.post(f"/api/v1/jobs/{job['id']}/cancel", headers=auth)
    assert cancelled.json()["status"] == "cancelled"
    assert platform_app.run_jobs() == []
    again = platform_app.client.post(f"/api/v1/jobs/{job['id']}/cancel", headers=auth)
    assert again.status_code == 409


def test_progress_streams_as_server_sent_events(platform_app: PlatformApp) -> None:
    auth = platform_app.sign_up("ada")
    job = platform_app.client.post("/api/v1/generations", headers=auth,
                                   data={"prompt": "a ball", **SMALL}).json()
    platform_app.run_jobs()
    with platform_app.client.stream("GET", f"/api/v1/jobs/{job['id']}/events",
                                    headers=auth) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        text = "".join(stream.iter_text())
    assert "event: progress" in text and '"status":"succeeded"' in text
    assert text.rstrip().endswith("}") and "event: done" in text


def test_remix_keeps_the_chain_and_notifies(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada = platform_app.sign_up("ada")
    ben = platform_app.sign_up("ben")
    parent = platform_app.make_video(ada, "a dog chases a red ball on a beach")
    started = client.post(f"/api/v1/videos/{parent['id']}/remix", headers=ben,
                          json={"prompt": "make it night"})
    assert started.status_code == 202, started.text
    platform_app.run_jobs()
    job = client.get(f"/api/v1/jobs/{started.json()['id']}", headers=ben).json()
    remix_id = job["video_id"]
    remix = client.get(f"/api/v1/videos/{remix_id}", headers=ben).json()
    assert remix["parent_id"] == parent["id"] and remix["kind"] == "remix"
    board = client.get(f"/api/v1/videos/{remix_id}/storyboard", headers=ben).json()
    parent_board = client.get(f"/api/v1/videos/{parent['id']}/storyboard").json()
    assert len(board["shots"]) == len(parent_board["shots"])
    assert board["environment"]["time_of_day"] == "night"
    assert parent_board["environment"]["time_of_day"] != "night"
    client.post(f"/api/v1/videos/{remix_id}/publish", headers=ben, json={"caption": "night"})
    assert [v["id"] for v in client.get(f"/api/v1/videos/{parent['id']}/remixes").json()] \
        == [remix_id]
    assert [v["id"] for v in client.get(f"/api/v1/videos/{remix_id}/chain").json()] \
        == [parent["id"]]
    assert client.get(f"/api/v1/videos/{parent['id']}").json()["remixes"] == 1
    kinds = [n["kind"] for n in client.get("/api/v1/notifications", headers=ada).json()]
    assert "remix" in kinds
    nothing = client.post(f"/api/v1/videos/{parent['id']}/remix", headers=ben,
                          json={"prompt": "qwzx vrrb"})
    assert nothing.status_code == 422


def test_extend_appends_a_shot_and_stitch_joins(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada = platform_app.sign_up("ada")
    first = platform_app.make_video(ada, "a dog runs on grass", publish=False)
    started = client.post(f"/api/v1/videos/{first['id']}/extend", headers=ada,
                          json={"prompt": "then the dog jumps", "seconds": 2})
    assert started.status_code == 202, started.text
    platform_app.run_jobs()
    longer_id = client.get(f"/api/v1/jobs/{started.json()['id']}", headers=ada).json()["video_id"]
    longer = client.get(f"/api/v1/videos/{longer_id}", headers=ada).json()
    assert longer["kind"] == "extend" and abs(longer["seconds"] - 4.0) < 0.2
    second = platform_app.make_video(ada, "a cat sleeps", publish=False)
    stitched = client.post("/api/v1/stitches", headers=ada,
                           json={"video_ids": [first["id"], second["id"]]})
    assert stitched.status_code == 202, stitched.text
    platform_app.run_jobs()
    joined_id = client.get(f"/api/v1/jobs/{stitched.json()['id']}", headers=ada).json()["video_id"]
    joined = client.get(f"/api/v1/videos/{joined_id}", headers=ada).json()
    assert joined["kind"] == "stitch" and abs(joined["seconds"] - 4.0) < 0.2
    ben = platform_app.sign_up("ben")
    theirs = client.post("/api/v1/stitches", headers=ben,
                         json={"video_ids": [first["id"], second["id"]]})
    assert theirs.status_code == 404


def test_delete_removes_files_but_keeps_the_chain(platform_app: PlatformApp) -> None:
    client = platform_app.client
    ada = platform_app.sign_up("ada")
    video = platform_app.make_video(ada, "a ball rolls")
    with platform_app.platform.transaction() as session:
        row = session.get(Video, video["id"])
        assert row is not None
        keys = [row.video_key, row.poster_key]
    assert client.delete(f"/api/v1/videos/{video['id']}", headers=ada).status_code == 204
    assert client.get(f"/api/v1/videos/{video['id']}").status_code == 404
    assert not any(platform_app.platform.blobs.exists(k) for k in keys if k)
    with platform_app.platform.transaction() as session:
        assert session.get(Video, video["id"]) is not None
        assert session.scalar(select(func.count()).select_from(Notification)) >= 1


def test_progress_streams_per_person_are_bounded_and_given_back(
        platform_app: PlatformApp, monkeypatch: pytest.MonkeyPatch) -> None:
    auth = platform_app.sign_up("ada")
    job = platform_app.client.post("/api/v1/generations", headers=auth,
                                   data={"prompt": "a ball", **SMALL}).json()
    platform_app.run_jobs()
    path = f"/api/v1/jobs/{job['id']}/events"
    streams = platform_app.platform.streams
    for _ in range(streams.limit + 2):  # each ended stream gives its place back
        answer = platform_app.client.get(path, headers=auth)
        assert answer.status_code == 200 and "event: done" in answer.text
    monkeypatch.setattr(streams, "limit", 1)
    with platform_app.platform.sessions() as session:
        ada = session.scalar(select(User.id).where(User.handle == "ada"))
    assert ada is not None
    assert streams.open(ada)  # another tab is watching a job
    try:
        refused = platform_app.client.get(path, headers=auth)
    finally:
        streams.close(ada)
    assert refused.status_code == 429 and "retry-after" in refused.headers
    assert "progress streams at once" in refused.json()["detail"]
    assert platform_app.client.get(path, headers=auth).status_code == 200
