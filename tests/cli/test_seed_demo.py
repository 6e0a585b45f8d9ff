"""`openreel seed-demo`: a fresh install gets a feed of real videos, once.

This is what `make run` does on a new machine, run as a user would: the installed command
in a process of its own, on an empty data directory. It renders the whole demo.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import av
import pytest
from sqlalchemy import func, select

from openreel.config import Settings
from openreel.db.models import Comment, Follow, Like, User, Video, VideoStatus
from openreel.services.demo import PEOPLE, VIDEOS
from openreel.services.platform import Platform


def _openreel(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OPENREEL_DATA_DIR": str(data), "OPENREEL_X264_PRESET": "ultrafast"}
    env.pop("OPENREEL_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "openreel.cli.main", *args], env=env,
                          cwd=data, capture_output=True, text=True, timeout=900)


@pytest.mark.slow
def test_seed_demo_fills_a_fresh_install_once(tmp_path: Path) -> None:
    assert _openreel(tmp_path, "migrate").returncode == 0
    seeded = _openreel(tmp_path, "seed-demo")
    assert seeded.returncode == 0, seeded.stderr[-2000:]
    published = len(VIDEOS) + 1  # and one remix
    said = seeded.stdout + seeded.stderr  # rich's console writes to stderr
    assert f"demo: {published} published videos" in said, said[-300:]

    platform = Platform.from_settings(Settings(data_dir=tmp_path), migrate=False)
    try:
        with platform.transaction() as db:
            handles = set(db.scalars(select(User.handle)))
            assert handles == {handle for handle, _, _ in PEOPLE}
            shown = list(db.scalars(select(Video).where(Video.status == VideoStatus.PUBLISHED)))
            assert len(shown) == published
            assert sorted(v.prompt for v in shown if v.parent_id is None) == sorted(
                prompt for _, prompt, _ in VIDEOS)
            remix = next(v for v in shown if v.parent_id is not None)
            assert remix.caption == "night shift 🌙"
            assert all(v.topics for v in shown)  # the feed can steer by them
            for table in (Like, Comment, Follow):
                assert (db.scalar(select(func.count()).select_from(table)) or 0) > 0, table
            keys = [(v.id, v.video_key, v.poster_key) for v in shown]
        for video_id, video_key, poster_key in keys:
            assert video_key and poster_key, video_id
            with platform.blobs.open(video_key) as stream, av.open(stream) as clip:
                assert clip.streams.video[0].frames > 0 and clip.streams.audio, video_id
    finally:
        platform.close()

    again = _openreel(tmp_path, "seed-demo")
    assert again.returncode == 0
    assert "demo: users exist, skipped" in again.stdout + again.stderr
    platform = Platform.from_settings(Settings(data_dir=tmp_path), migrate=False)
    try:
        with platform.transaction() as db:
            assert db.scalar(select(func.count()).select_from(Video)) == published
    finally:
        platform.close()
