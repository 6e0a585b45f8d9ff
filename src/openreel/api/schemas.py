"""What the API sends and takes: plain schemas, separate from the database rows."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import Path
from pydantic import BaseModel, Field

Handle = Annotated[str, Field(min_length=3, max_length=32, pattern=r"^@?[A-Za-z0-9_]+$")]


MAX_ROW_ID = 2**63 - 1  # the largest id a database row can have (a signed 64-bit integer)
# An id sent in a body, and one in a path: anything past a row's range is a 422, not a query.
RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]
IdPath = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]


class Problem(BaseModel):
    """An error: what went wrong, in words a person can act on."""

    detail: str


class FieldProblem(BaseModel):
    """One invalid field."""

    loc: list[str | int]
    msg: str
    type: str


class ValidationProblem(BaseModel):
    """Invalid fields (422)."""

    detail: list[FieldProblem]


class SignUp(BaseModel):
    """A new account."""

    handle: Handle
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=8, max_length=256)
    display_name: str = Field("", max_length=64)
    birth_year: int | None = Field(None, ge=1900, le=2100)


class TokenRequest(BaseModel):
    """Credentials exchanged for a personal API token."""

    login: str = Field(min_length=1, max_length=254, description="handle or email")
    password: str = Field(min_length=1, max_length=256)
    name: str = Field("api", min_length=1, max_length=64)


class TokenName(BaseModel):
    """A name for a new token."""

    name: str = Field(min_length=1, max_length=64)


class TokenOut(BaseModel):
    """A personal API token; ``secret`` is only ever sent when it is created."""

    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None = None
    secret: str | None = None


class UserOut(BaseModel):
    """A public profile."""

    handle: str
    display_name: str
    bio: str
    avatar_url: str | None
    followers: int
    following: int
    videos: int
    is_following: bool
    created_at: datetime


class MeOut(UserOut):
    """The signed-in user's own profile."""

    email: str
    unread_notifications: int
    birth_year: int | None


class QuotaOut(BaseModel):
    """Your daily allowance of new videos; it resets at midnight UTC."""

    limit: int = Field(description="videos you may start per UTC day")
    used: int = Field(description="videos started since midnight UTC (remixes, "
                                  "extensions, stitches and batch rows count)")
    left: int = Field(description="videos you may still start today")
    resets_at: datetime = Field(description="the next midnight UTC")


class ProfileUpdate(BaseModel):
    """Profile fields to change."""

    display_name: str | None = Field(None, min_length=1, max_length=64)
    bio: str | None = Field(None, max_length=500)


class VideoOut(BaseModel):
    """A video as the viewer may see it."""

    id: int
    status: Literal["draft", "published", "deleted"]
    kind: Literal["generate", "remix", "extend", "stitch"]
    owner: str
    prompt: str
    caption: str
    style: str
    engine: str
    seed: int
    seconds: float
    size: str
    width: int
    height: int
    topics: list[str]
    parent_id: int | None
    created_at: datetime
    published_at: datetime | None
    likes: int
    comments: int
    remixes: int
    views: int
    liked: bool
    saved: bool = Field(description="whether the viewer saved it (Save: a bookmark)")
    video_url: str | None
    poster_url: str | None
    download_url: str | None
    share_url: str


class JobOut(BaseModel):
    """A render job."""

    id: int
    kind: str
    status: Literal["queued", "running", "succeeded", "failed", "cancelled"]
    progress: float
    stage: str = ""
    attempts: int
    error: str | None
    video_id: int | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    notes: list[str] = Field(default_factory=list)


class RemixRequest(BaseModel):
    """What to change in a remix."""

    prompt: str = Field(min_length=1, max_length=2000, description="e.g. “make it night”")
    seed: int | None = Field(None, ge=0, le=2**63 - 1)


class ExtendRequest(BaseModel):
    """The shot to append."""

    prompt: str = Field(min_length=1, max_length=2000)
    seconds: float = Field(5.0, ge=1.0, le=59.0)


class StitchRequest(BaseModel):
    """Videos to join, in order."""

    video_ids: list[RowId] = Field(min_length=2, max_length=8)


class PublishRequest(BaseModel):
    """A caption for a published video."""

    caption: str = Field("", max_length=2200)


class CommentRequest(BaseModel):
    """A comment, or a reply to one."""

    body: str = Field(min_length=1, max_length=1000)
    reply_to: RowId | None = None


class CommentOut(BaseModel):
    """A comment and, for a top-level one, its replies."""

    id: int
    author: str
    body: str
    created_at: datetime
    reply_to: int | None
    replies: list[CommentOut] = Field(default_factory=list)


class ViewRequest(BaseModel):
    """How long a video was watched."""

    watched_seconds: float = Field(ge=0, le=3600)


class Reason(BaseModel):
    """Why a feed item was shown: one signal and how much it counted."""

    signal: str
    contribution: float
    text: str


class FeedItem(BaseModel):
    """A video in a feed, with the reasons it is there."""

    video: VideoOut
    score: float
    reasons: list[Reason]
    following: bool = Field(False, description="whether the viewer follows its creator")
    owner_avatar_url: str | None = None


class FeedPage(BaseModel):
    """One page of a feed; pass ``next_cursor`` to get the next."""

    mode: Literal["for_you", "following"]
    items: list[FeedItem]
    next_cursor: str | None


class SavedPage(BaseModel):
    """One page of your saved videos, newest save first; pass ``next_cursor`` for more."""

    items: list[VideoOut]
    next_cursor: str | None


class SteerRequest(BaseModel):
    """A sentence that steers the feed, e.g. “more animals, less sports”."""

    sentence: str = Field(min_length=1, max_length=500)


class TopicWeight(BaseModel):
    """How much a topic is wanted: above 0 more, below 0 less."""

    topic: str
    weight: float


class SteerOut(BaseModel):
    """The feed preferences after steering, and what the sentence changed."""

    changed: list[TopicWeight]
    hidden: list[str]
    not_understood: list[str]
    preferences: list[TopicWeight]
    allowed: list[str] = Field(default_factory=list,
                               description="labels this sentence said were fine again")
    fine: list[str] = Field(default_factory=list,
                            description="labels said to be fine: shown though a broader "
                                        "topic is hidden or lowered")


class NotificationOut(BaseModel):
    """Something that happened."""

    id: int
    kind: Literal["like", "comment", "follow", "remix", "job_finished", "cameo_used"]
    actor: str | None
    video_id: int | None
    job_id: int | None
    text: str
    read: bool
    created_at: datetime


class UnreadCount(BaseModel):
    """How many notifications are unread."""

    unread: int


class ReadRequest(BaseModel):
    """Mark notifications read: all, or up to an id."""

    up_to_id: RowId | None = None


class Count(BaseModel):
    """How many rows an action changed."""

    changed: int


class MarkOut(BaseModel):
    """What an invisible-mark detector read."""

    payload: str | None = Field(description="the 8-byte mark id (hex), null when none")
    confidence: float = Field(description="1 minus the bound on a false find")
    bit_errors: int | None
    public_key: bool = Field(False, description="read under openreel's public key of older "
                             "versions, which anyone can write with: evidence only where "
                             "something else agrees")
    view: str = Field("", description="how the copy shows the marked picture when not as it "
                      "was: mirrored, turned 90°/180°/270°, boxed in (bars, a border or a "
                      "blurred background)")


class IngredientOut(BaseModel):
    """A file the manifest names as an ingredient (a remix's parent)."""

    title: str
    relationship: str
    video_id: str | None


class ManifestOut(BaseModel):
    """The C2PA manifest's state and what it says."""

    state: Literal["absent", "valid", "trusted", "tampered", "invalid"]
    signer: str | None
    creator: str | None
    created_at: str | None
    generator: str | None
    digital_source_type: str | None
    mark: str | None
    ingredients: list[IngredientOut]
    failures: list[str]


class MatchOut(BaseModel):
    """A stored video the file's pictures or sound match (id null when private)."""

    video_id: int | None
    confidence: float
    picture_share: float = Field(description="the part of the file's pictures (by time) "
                                 "that come from the video, 0-1")
    sound_share: float = Field(description="the part of its sound that does, 0-1")
    picture_ranges: list[list[float]] = Field(description="those stretches of the file, "
                                              "[start, end] in seconds")
    sound_ranges: list[list[float]]
    picture_view: str = Field("", description="how the file shows the video's pictures when "
                              "not as they were (mirrored, turned, boxed in)")
    sound_change: str = Field("", description="what was done to the video's sound when it "
                              "matched changed (played faster or slower, pitched)")


class FoundVideoOut(BaseModel):
    """The openreel video the file comes from."""

    id: int | None = Field(description="null when the video is private to its creator")
    creator: str
    created_at: str
    engine: str
    evidence: list[str]


class TrackOut(BaseModel):
    """Where one track of the file (its pictures or its sound) comes from."""

    video: FoundVideoOut | None = Field(description="null when nothing names a video for "
                                        "this track, or its evidence disagrees")
    share: float | None = Field(description="the part of the track the named video's "
                                "fingerprint matches, 0-1; null without a match")
    ranges: list[list[float]] = Field(description="those stretches, [start, end] seconds")
    words: str = Field(description="what the evidence about this track says")
    conflict: str | None = Field(description="set when this track's mark or manifest and "
                                 "its fingerprint name different videos")


class VerifyOut(BaseModel):
    """Whether a file is an openreel video, whose, and whether it was altered."""

    is_openreel: bool
    summary: str
    reasons: list[str] = Field(description="the reasoning, a sentence per piece of evidence")
    conflicts: list[str] = Field(description="where pieces of evidence disagree")
    tracks: dict[Literal["picture", "sound"], TrackOut]
    kind: Literal["video", "image", "audio"]
    width: int | None
    height: int | None
    seconds: float
    manifest: ManifestOut
    picture_mark: MarkOut | None
    sound_mark: MarkOut | None
    matches: list[MatchOut]
    video: FoundVideoOut | None


class BatchRequest(BaseModel):
    """One idea personalised for many: a template with {fields} and a row per video."""

    template: str = Field(min_length=1, max_length=2000,
                          description='the prompt with fields, e.g. "{product} in {city}"')
    rows: list[dict[str, str | int | float | None]] | None = Field(
        None, max_length=100, description="one object per video (or send csv)")
    csv: str | None = Field(None, max_length=200_000,
                            description="the rows as CSV with a header row (or send rows)")
    seconds: float = Field(10.0, ge=1, le=60)
    size: str = Field("720x1280", pattern=r"^(720x1280|1280x720|1024x1024|1920x1080)$")
    style: str | None = Field(
        None, pattern=r"^(cinematic|animated|anime|photoreal|surreal|noir|watercolor|pixel)?$")
    seed: int | None = Field(None, ge=0, le=2**62,
                             description="seed of the first row; the next rows count up")


class BatchRowOut(BaseModel):
    """One row of a batch: its prompt and its job's state, or why it was skipped."""

    row: int
    prompt: str | None
    caption: str
    status: str = Field(description='"skipped", or the job\'s status')
    progress: float
    job_id: int | None
    video_id: int | None
    error: str | None


class BatchOut(BaseModel):
    """A batch: overall progress, counts by status, and every row."""

    id: int
    template: str
    created_at: datetime
    progress: float = Field(description="0..1 over the rows that have a job")
    counts: dict[str, int]
    rows: list[BatchRowOut]
    zip_url: str


CameoPermissionName = Literal["only_me", "approved", "mutuals", "everyone"]


class CameoChallengeOut(BaseModel):
    """What a cameo recording must show: answer it within a few minutes, once."""

    id: int
    digits: list[int]
    turn: Literal["left", "right"]
    instructions: str
    expires_at: datetime


class VoiceOut(BaseModel):
    """What a cameo's voice is like."""

    f0_median: float = Field(description="median pitch, Hz")
    f0_low: float = Field(description="10th percentile of pitch, Hz")
    f0_high: float = Field(description="90th percentile of pitch, Hz")
    rate: float = Field(description="words a second while speaking")


class CameoOut(BaseModel):
    """A person's cameo."""

    handle: str
    permission: CameoPermissionName
    faces: int = Field(description="aligned face images kept (GET …/faces/{n})")
    voice: VoiceOut
    created_at: datetime
    you_may_use: bool = Field(description="whether the caller may put it in a video now")
    why_not: str | None = Field(default=None, description="why the caller may not")
    rules: list[str] = Field(default_factory=list, description=(
        "the owner's statements in their own words: what they never want it in (prompts "
        "asking for it are refused) and how they always want it to look"))


class CameoRulesIn(BaseModel):
    """What you never want your cameo in, and how you always want it to look, one statement
    each ("never show me drinking or smoking", "always in a blue dress")."""

    rules: list[str] = Field(max_length=10)


class CameoPermissionIn(BaseModel):
    """Who may use your cameo."""

    permission: CameoPermissionName
