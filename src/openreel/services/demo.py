"""A demo community so a fresh install has a feed: a few people and a dozen real videos."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from openreel.db.models import Job, User, Video, VideoStatus
from openreel.services import accounts, engagement, videos
from openreel.services.platform import Platform

PEOPLE = [
    ("ada", "Ada", "Physics nerd. Things that bounce."),
    ("ben", "Ben", "Animals doing animal things."),
    ("chloe", "Chloe", "Moody skies and anime light."),
    ("dev", "Dev", "Space, rockets, and the occasional ufo."),
]
# (author, prompt, caption)
VIDEOS = [
    ("ben", 'Shot 1: a golden hour beach, a dog chases a red ball. Shot 2: close-up, the dog '
            'says "best day ever"', "beach day 🐕"),
    ("ada", "a red ball bounces on a wooden floor in a living room", "restitution, visualised"),
    ("dev", "a rocket launches from the desert at dawn, cinematic", "liftoff"),
    ("chloe", "anime style, a girl walks through a rainy city street at night", "rain walk"),
    ("ben", "two cats play with a ball of yarn on a sofa", "the cats are at it again"),
    ("ada", "a glass jug pours water into a glass on a table", "pour"),
    ("dev", "a ufo hovers over a forest at night, surreal", "they're here"),
    ("chloe", "a horse gallops across a meadow at sunset, watercolor style", "golden"),
    ("ada", "three balls fall onto the moon surface in slow motion", "moon gravity"),
    ("ben", "a penguin slides on snow while it snows, playful", "wheee"),
    ("dev", 'a robot waves and says "hello, earthlings" on mars', "greetings"),
    ("chloe", "noir, a man walks down an empty street in the rain", "noir nights"),
]
DEMO_SECONDS = 6.0
DEMO_SIZE = "720x1280"


def seed_demo(platform: Platform, drain: Callable[[], object],
              report: Callable[[str], None] = lambda _line: None) -> int:
    """Create the demo people and videos unless any users exist; returns videos made.

    ``drain`` runs queued render jobs to completion in the caller's process.
    """
    with platform.transaction() as session:
        if (session.scalar(select(func.count()).select_from(User)) or 0) > 0:
            return 0
        people = {}
        for handle, name, bio in PEOPLE:
            user = accounts.sign_up(session, handle=handle, email=f"{handle}@demo.openreel.local",
                                    password=secrets.token_urlsafe(24), display_name=name)
            user.bio = bio
            people[handle] = user.id
        jobs = []
        for seed, (handle, prompt, caption) in enumerate(VIDEOS):
            author = session.get(User, people[handle])
            assert author is not None
            planned = videos.create_generation(session, platform, author, videos.CreateRequest(
                prompt=prompt, seconds=DEMO_SECONDS, size=DEMO_SIZE, seed=seed + 1))
            jobs.append((planned.job.id, caption))
    report(f"rendering {len(jobs)} demo videos …")
    drain()
    with platform.transaction() as session:
        users = {u.handle: u for u in session.scalars(select(User))}
        made = []
        for job_id, caption in jobs:
            job = session.get(Job, job_id)
            if job is None or job.video_id is None:
                continue  # a render that failed stays visible in its author's drafts page
            video = session.get(Video, job.video_id)
            assert video is not None
            videos.publish(session, video.owner, video.id, caption)
            made.append(video)
        _socialise(session, users, made)
        remix_job = None
        if made:
            remix = videos.create_remix(session, platform, users["chloe"], made[0].id,
                                        "make it night, anime style")
            remix_job = remix.job.id
    drain()
    with platform.transaction() as session:
        job = session.get(Job, remix_job) if remix_job is not None else None
        if job is not None and job.video_id is not None:
            remixed = session.get(Video, job.video_id)
            assert remixed is not None
            videos.publish(session, remixed.owner, remixed.id, "night shift 🌙")
        count = session.scalar(select(func.count()).select_from(Video).where(
            Video.status == VideoStatus.PUBLISHED)) or 0
    return int(count)


def _socialise(session: Session, users: dict[str, User], made: list[Video]) -> None:
    """Follows, likes and comments so the ranking has signals to work with."""
    handles = list(users)
    for i, handle in enumerate(handles):
        for other in handles[i + 1:] + handles[:i][:1]:
            engagement.follow(session, users[handle], users[other])
    for i, video in enumerate(made):
        for j, handle in enumerate(handles):
            if users[handle].id != video.owner_id and (i + j) % 3 != 0:
                engagement.like(session, users[handle], video.id)
        if i % 2 == 0:
            fan = users[handles[(i + 1) % len(handles)]]
            if fan.id != video.owner_id:
                comment = engagement.add_comment(session, fan, video.id, "love this one")
                engagement.add_comment(session, video.owner, video.id, "thank you!",
                                       reply_to=comment.id)
