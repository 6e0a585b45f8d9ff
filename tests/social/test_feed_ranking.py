"""Pure ranking: each signal moves a video the right way, with the right explanation."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from openreel.social.ranking import (
    MAX_RUN,
    CandidateTable,
    ViewerSignals,
    age_text,
    order,
    rank,
    score,
)

NOW = 1_800_000_000.0
HOUR = 3600.0


def table(n: int = 6, *, owners: Sequence[int] | None = None, hours: Sequence[float] = (),
          topics: Sequence[Sequence[str]] = (), **columns: Sequence[float]) -> CandidateTable:
    """``n`` alike videos 10 hours old, ids 1..n, one creator each unless told otherwise."""
    published = [NOW - (hours[i] if i < len(hours) else 10.0) * HOUR for i in range(n)]

    def column(name: str, default: float) -> list[float]:
        return list(columns.get(name, [default] * n))

    return CandidateTable(
        video_ids=list(range(1, n + 1)), owner_ids=list(owners or range(101, 101 + n)),
        published_at=published, likes=column("likes", 0), comments=column("comments", 0),
        remixes=column("remixes", 0), views=column("views", 0),
        watch_seconds=column("watch_seconds", 0), seconds=column("seconds", 10),
        topics=list(topics) or [["nature"]] * n,
        handles={101: "ada", 102: "bob", 103: "cy"})


def ids(items: list) -> list[int]:
    return [item.video_id for item in items]


def first(candidates: CandidateTable, viewer: ViewerSignals | None = None) -> int:
    return rank(candidates, viewer or ViewerSignals(), now=NOW, limit=1)[0].video_id


def test_ties_go_to_the_newer_id() -> None:
    assert ids(rank(table(), ViewerSignals(), now=NOW, limit=6)) == [6, 5, 4, 3, 2, 1]


def test_each_popularity_signal_lifts_a_video() -> None:
    for name in ("likes", "comments", "remixes", "views"):
        counts = [0] * 6
        counts[1] = 12
        # Views come with an ordinary half-watched share, so only their number differs.
        watched = [c * 10 * 0.5 for c in counts] if name == "views" else [0] * 6
        assert first(table(**{name: counts, "watch_seconds": watched})) == 2, name


def test_a_newer_video_rises_and_says_how_new() -> None:
    items = rank(table(hours=[30, 2, 30, 30, 30, 30]), ViewerSignals(), now=NOW, limit=6)
    assert items[0].video_id == 2
    assert any(r.signal == "recency" and r.text == "new: 2 hours ago" for r in items[0].reasons)


def test_watch_fraction_lifts_what_people_finish_and_sinks_what_they_skip() -> None:
    views = [20] * 6
    watched = [100.0] * 6  # half of 20 views x 10 s
    watched[2], watched[4] = 200.0, 20.0
    items = rank(table(views=views, watch_seconds=watched), ViewerSignals(), now=NOW, limit=6)
    assert items[0].video_id == 3
    assert items[-1].video_id == 5
    assert any(r.text == "viewers watch 100% of it on average" for r in items[0].reasons)
    skipped = next(r for r in items[-1].reasons if r.signal == "watch")
    assert skipped.contribution < 0 and "skip" in skipped.text


def test_following_a_creator_lifts_their_video_and_names_them() -> None:
    items = rank(table(), ViewerSignals(viewer_id=1, followees=frozenset({101})), now=NOW,
                 limit=3)
    assert items[0].video_id == 1
    assert items[0].reasons[0].signal == "follow"
    assert items[0].reasons[0].text == "you follow @ada"


def test_topic_preferences_lift_and_sink() -> None:
    topics = [["nature"], ["animals", "pets"], ["nature"], ["sports"], ["nature"], ["nature"]]
    viewer = ViewerSignals(viewer_id=1, preferences={"animals": 1.0, "sports": -1.0})
    items = rank(table(topics=topics), viewer, now=NOW, limit=6)
    assert items[0].video_id == 2
    assert items[-1].video_id == 4
    assert "matches your interest in animals" in [r.text for r in items[0].reasons]
    assert "you asked for less sports" in [r.text for r in items[-1].reasons]


def test_popularity_reason_counts_likes() -> None:
    items = rank(table(likes=[0, 12, 0, 0, 0, 1]), ViewerSignals(), now=NOW, limit=6)
    assert "popular: 12 likes" in [r.text for r in items[0].reasons]
    one = next(i for i in items if i.video_id == 6)
    assert "popular: 1 like" in [r.text for r in one.reasons]


def test_reasons_add_up_to_the_score_and_come_largest_first() -> None:
    viewer = ViewerSignals(viewer_id=1, followees=frozenset({102}), watched={3: 2},
                           preferences={"nature": 0.5})
    for item in rank(table(likes=[5, 9, 3, 0, 1, 0]), viewer, now=NOW, limit=6):
        shares = [r.contribution for r in item.reasons]
        assert shares == sorted(shares, reverse=True)
        assert abs(sum(shares) - item.score) < 0.1 * len(score(table(), viewer, NOW).parts)


def test_show_me_less_removes_the_video_and_lowers_its_topics() -> None:
    topics = [["sports"], ["sports"], ["nature"], ["nature"], ["nature"], ["nature"]]
    candidates = table(topics=topics)
    viewer = ViewerSignals(viewer_id=1, not_interested=frozenset({2}))
    items = rank(candidates, viewer, now=NOW, limit=6)
    assert 2 not in ids(items)
    assert ids(items)[-1] == 1  # the other sports video now comes last
    sports = next(i for i in items if i.video_id == 1)
    assert any(r.signal == "topics" and r.contribution < 0 for r in sports.reasons)


def test_hidden_and_blocked_topics_and_own_videos_never_appear() -> None:
    topics = [["sports"], ["nature", "action"], ["nature"], ["nature"], ["nature"], ["nature"]]
    viewer = ViewerSignals(viewer_id=103, hidden_topics=frozenset({"sports"}),
                           blocked_topics=frozenset({"action"}))
    shown = ids(rank(table(topics=topics), viewer, now=NOW, limit=6))
    assert sorted(shown) == [4, 5, 6]  # 1 hidden, 2 blocked, 3 is the viewer's own


def test_watched_videos_fall_and_say_so() -> None:
    items = rank(table(), ViewerSignals(viewer_id=1, watched={6: 1, 5: 3}), now=NOW, limit=6)
    assert ids(items)[-2:] == [6, 5]  # watched three times sinks further
    texts = {i.video_id: [r.text for r in i.reasons] for i in items}
    assert "you have watched it" in texts[6]
    assert "you have watched it 3 times" in texts[5]


def test_no_creator_holds_more_than_two_places_in_a_row() -> None:
    owners = [101] * 6 + [102, 103]
    candidates = table(8, owners=owners, likes=[50, 49, 48, 47, 46, 45, 0, 0])
    feed = rank(candidates, ViewerSignals(), now=NOW, limit=8)
    creators = [int(candidates.owner_ids[candidates.rows_of([i.video_id])[0]]) for i in feed]
    assert creators[:6] == [101, 101, 103, 101, 101, 102]  # 8 (by 103) is newer than 7
    assert sorted(ids(feed)) == list(range(1, 9))  # nothing is lost, only moved


def test_later_pages_continue_the_same_order() -> None:
    rng = np.random.default_rng(3)
    n = 200
    candidates = table(n, owners=list(rng.integers(101, 111, n)),
                       likes=list(rng.integers(0, 50, n)), hours=list(rng.uniform(0, 100, n)))
    whole = ids(rank(candidates, ViewerSignals(), now=NOW, limit=n))
    pages = [ids(rank(candidates, ViewerSignals(), now=NOW, limit=7, offset=o))
             for o in range(0, n, 7)]
    assert [i for page in pages for i in page] == whole
    assert sorted(whole) == list(range(1, n + 1))
    creators = candidates.owner_ids[candidates.rows_of(whole)]
    runs = [len(set(creators[i:i + MAX_RUN + 1].tolist())) for i in range(len(whole) - MAX_RUN)]
    assert min(runs[:150]) > 1


def test_order_and_score_handle_an_empty_table() -> None:
    empty = table(0)
    scores = score(empty, ViewerSignals(viewer_id=1, followees=frozenset({5})), NOW)
    assert len(order(empty, scores, 10)) == 0
    assert rank(empty, ViewerSignals(), now=NOW, limit=5) == []


def test_age_text_uses_the_largest_unit() -> None:
    assert age_text(30) == "just now"
    assert age_text(60) == "1 minute ago"
    assert age_text(2 * 3600 + 59) == "2 hours ago"
    assert age_text(3 * 86400) == "3 days ago"
