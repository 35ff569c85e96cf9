"""The FSRS wrapper against the fsrs package itself, and the student's study day."""

from __future__ import annotations

import datetime as dt
import random

import fsrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp import srs

T0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def _by_library(
    steps: list[tuple[int, dt.timedelta]], retention: float, fuzz: bool
) -> list[fsrs.Card]:
    scheduler = fsrs.Scheduler(desired_retention=retention, enable_fuzzing=fuzz)
    card = fsrs.Card(card_id=1, due=T0)
    now = T0
    out = []
    for rating, wait in steps:
        now += wait
        card, _ = scheduler.review_card(card, fsrs.Rating(rating), now)
        out.append(card)
    return out


def _by_wrapper(
    steps: list[tuple[int, dt.timedelta]], retention: float, fuzz: bool
) -> list[srs.CardState]:
    state = srs.CardState()
    now = T0
    out = []
    for rating, wait in steps:
        now += wait
        state = srs.review(state, rating, now, desired_retention=retention, fuzz=fuzz)
        out.append(state)
    return out


# a new card learnt, lapsed, relearnt and reviewed late: every state of the scheduler
SEQUENCE = [
    (srs.AGAIN, dt.timedelta(0)),
    (srs.GOOD, dt.timedelta(minutes=1)),
    (srs.GOOD, dt.timedelta(minutes=10)),
    (srs.GOOD, dt.timedelta(days=3)),
    (srs.AGAIN, dt.timedelta(days=9)),
    (srs.HARD, dt.timedelta(minutes=10)),
    (srs.GOOD, dt.timedelta(hours=5)),
    (srs.EASY, dt.timedelta(days=30)),
]


@pytest.mark.parametrize("retention", [0.9, 0.8, 0.95])
def test_a_rating_sequence_gives_the_library_s_due_dates(retention: float) -> None:
    ours = _by_wrapper(SEQUENCE, retention, fuzz=False)
    theirs = _by_library(SEQUENCE, retention, fuzz=False)
    for mine, lib in zip(ours, theirs, strict=True):
        assert mine.due == lib.due
        assert mine.state == int(lib.state)
        assert mine.step == lib.step
        assert mine.stability == pytest.approx(lib.stability)
        assert mine.difficulty == pytest.approx(lib.difficulty)
    # the states visited include learning, review and relearning
    assert {s.state for s in ours} == {srs.LEARNING, srs.REVIEW, srs.RELEARNING}


def test_fuzzed_intervals_match_the_library_with_the_same_random_draws() -> None:
    random.seed(7)
    ours = _by_wrapper(SEQUENCE, 0.9, fuzz=True)
    random.seed(7)
    theirs = _by_library(SEQUENCE, 0.9, fuzz=True)
    assert [s.due for s in ours] == [c.due for c in theirs]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 4), st.integers(0, 60 * 24 * 90)),
        min_size=1,
        max_size=12,
    )
)
def test_any_rating_sequence_matches_the_library(raw: list[tuple[int, int]]) -> None:
    steps = [(rating, dt.timedelta(minutes=minutes)) for rating, minutes in raw]
    ours = _by_wrapper(steps, 0.9, fuzz=False)
    theirs = _by_library(steps, 0.9, fuzz=False)
    assert [s.due for s in ours] == [c.due for c in theirs]
    assert [s.state for s in ours] == [int(c.state) for c in theirs]


def test_same_day_learning_steps_are_anki_s() -> None:
    new = srs.CardState()
    gaps = srs.intervals(new, T0)
    assert gaps[srs.AGAIN] == dt.timedelta(minutes=1)
    assert gaps[srs.HARD] == dt.timedelta(minutes=5) + dt.timedelta(seconds=30)
    assert gaps[srs.GOOD] == dt.timedelta(minutes=10)
    assert gaps[srs.EASY] >= dt.timedelta(days=1)
    after_good = srs.review(new, srs.GOOD, T0, fuzz=False)
    assert after_good.state == srs.LEARNING and after_good.step == 1
    graduated = srs.review(after_good, srs.GOOD, T0 + dt.timedelta(minutes=10), fuzz=False)
    assert graduated.state == srs.REVIEW
    assert graduated.due is not None and graduated.due - T0 >= dt.timedelta(days=1)


def test_naive_datetimes_and_bad_ratings_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        srs.review(srs.CardState(), srs.GOOD, dt.datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="rating"):
        srs.review(srs.CardState(), 5, T0)
    with pytest.raises(ValueError, match="retention"):
        srs.scheduler(0.5)


def test_a_non_utc_aware_time_is_converted() -> None:
    oslo = T0.astimezone(srs.zone("Europe/Oslo"))
    assert srs.review(srs.CardState(), srs.GOOD, oslo, fuzz=False).due == T0 + dt.timedelta(
        minutes=10
    )


@pytest.mark.parametrize(
    ("utc", "zone", "hour", "date"),
    [
        # 23:30 UTC is already the next morning in Auckland, still evening in LA
        ("2026-06-10T23:30", "Pacific/Auckland", 0, "2026-06-11"),
        ("2026-06-10T23:30", "America/Los_Angeles", 0, "2026-06-10"),
        # a day that starts at 4 a.m.: 02:00 local still belongs to the evening before
        ("2026-06-11T00:00", "Europe/Paris", 4, "2026-06-10"),
        ("2026-06-11T02:30", "Europe/Paris", 4, "2026-06-11"),
        # just before and just after local midnight in Tokyo (UTC+9)
        ("2026-06-10T14:59", "Asia/Tokyo", 0, "2026-06-10"),
        ("2026-06-10T15:00", "Asia/Tokyo", 0, "2026-06-11"),
        ("2026-06-10T15:00", "not/a-zone", 0, "2026-06-10"),
    ],
)
def test_the_study_day_is_the_student_s_local_day(
    utc: str, zone: str, hour: int, date: str
) -> None:
    now = dt.datetime.fromisoformat(utc).replace(tzinfo=dt.UTC)
    day = srs.study_day(now, zone, hour)
    assert day.date == dt.date.fromisoformat(date)
    assert day.start <= now < day.end


def test_a_study_day_across_a_dst_change_is_23_hours() -> None:
    # Europe/Berlin springs forward on 29 March 2026
    day = srs.day_of(dt.date(2026, 3, 29), "Europe/Berlin", 0)
    assert day.end - day.start == dt.timedelta(hours=23)


def test_streak_counts_back_from_today_or_yesterday() -> None:
    today = dt.date(2026, 5, 10)
    days = {today - dt.timedelta(days=i) for i in (1, 2, 3, 5)}
    assert srs.streak(days, today) == 3  # not yet studied today: the streak still stands
    assert srs.streak(days | {today}, today) == 4
    assert srs.streak({today - dt.timedelta(days=2)}, today) == 0
    assert srs.streak(set(), today) == 0


@pytest.mark.parametrize(
    ("gap", "text"),
    [
        (dt.timedelta(seconds=20), "1 min"),
        (dt.timedelta(minutes=10), "10 min"),
        (dt.timedelta(hours=5), "5 h"),
        (dt.timedelta(days=3), "3 d"),
        (dt.timedelta(days=75), "2.5 mo"),
        (dt.timedelta(days=730), "2.0 y"),
    ],
)
def test_intervals_are_described_briefly(gap: dt.timedelta, text: str) -> None:
    assert srs.describe(gap) == text
