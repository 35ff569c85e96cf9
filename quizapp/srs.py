"""Spaced repetition: the FSRS scheduler wrapper and the student's study day.

No database and no Flask here. The study service keeps one card state per student
and question in a row and calls :func:`review` to move it on; this module only
translates between those rows and the ``fsrs`` package, and says where a student's
day starts and ends in their own time zone.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import fsrs

SCHEDULER_VERSION = f"fsrs {importlib.metadata.version('fsrs')}"

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATINGS = {AGAIN: "Again", HARD: "Hard", GOOD: "Good", EASY: "Easy"}

LEARNING, REVIEW, RELEARNING = 1, 2, 3
STATE_NAMES = {None: "New", LEARNING: "Learning", REVIEW: "Review", RELEARNING: "Relearning"}

# As in Anki: a learning card due within this margin may be shown early when nothing
# else is left, so a session does not stall for a minute on a one-minute step.
LEARN_AHEAD = dt.timedelta(minutes=20)
# A card counts as mastered once the memory is expected to last three weeks.
MASTERED_DAYS = 21.0
DEFAULT_RETENTION = 0.9
MIN_RETENTION, MAX_RETENTION = 0.70, 0.99


@dataclass(frozen=True)
class CardState:
    """The scheduling state of one card; ``state`` is None for a card never reviewed."""

    state: int | None = None
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: dt.datetime | None = None
    last_review: dt.datetime | None = None

    @property
    def is_new(self) -> bool:
        """True before the first review."""
        return self.state is None


@functools.lru_cache(maxsize=64)
def scheduler(desired_retention: float = DEFAULT_RETENTION, fuzz: bool = True) -> fsrs.Scheduler:
    """An FSRS scheduler with the default (Anki's) parameters and learning steps."""
    if not MIN_RETENTION <= desired_retention <= MAX_RETENTION:
        raise ValueError(f"desired retention must be between {MIN_RETENTION} and {MAX_RETENTION}")
    return fsrs.Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)


def _utc(when: dt.datetime) -> dt.datetime:
    if when.tzinfo is None:
        raise ValueError("naive datetime: give times in UTC")
    return when.astimezone(dt.UTC)


def _to_fsrs(current: CardState, now: dt.datetime) -> fsrs.Card:
    """The ``fsrs`` package's card for a state (a new card is due now)."""
    if current.state is None:  # new
        return fsrs.Card(card_id=0, due=now)
    return fsrs.Card(
        card_id=0,
        state=fsrs.State(current.state),
        step=current.step,
        stability=current.stability,
        difficulty=current.difficulty,
        due=_utc(current.due) if current.due else now,
        last_review=_utc(current.last_review) if current.last_review else None,
    )


def review(
    current: CardState,
    rating: int,
    now: dt.datetime,
    *,
    desired_retention: float = DEFAULT_RETENTION,
    fuzz: bool = True,
) -> CardState:
    """The card's state after a rating (1 Again, 2 Hard, 3 Good, 4 Easy) at ``now``."""
    if rating not in RATINGS:
        raise ValueError("a rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)")
    now = _utc(now)
    card = _to_fsrs(current, now)
    after, _log = scheduler(desired_retention, fuzz).review_card(card, fsrs.Rating(rating), now)
    return CardState(
        state=int(after.state),
        step=after.step,
        stability=after.stability,
        difficulty=after.difficulty,
        due=after.due,
        last_review=after.last_review,
    )


# -- the student's day ------------------------------------------------------------------


@functools.cache
def timezone_names() -> tuple[str, ...]:
    """Every IANA time zone name, sorted (read once: listing them walks the disk)."""
    return tuple(sorted(available_timezones()))


def zone(name: str | None) -> ZoneInfo:
    """The named time zone; UTC for an empty or unknown name."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


@dataclass(frozen=True)
class StudyDay:
    """One study day in a student's zone: [start, end) in UTC, and its local date."""

    date: dt.date
    start: dt.datetime
    end: dt.datetime


def study_day(now: dt.datetime, tz_name: str | None, starts_at_hour: int = 4) -> StudyDay:
    """The study day that contains ``now``. Like Anki, a day may start after midnight
    (default 4 a.m.), so a late session still counts for the evening before."""
    tz = zone(tz_name)
    local = _utc(now).astimezone(tz)
    date = (local - dt.timedelta(hours=starts_at_hour)).date()
    return day_of(date, tz_name, starts_at_hour)


def day_of(date: dt.date, tz_name: str | None, starts_at_hour: int = 4) -> StudyDay:
    """The study day with this local date (its bounds are right across DST changes)."""
    tz = zone(tz_name)
    start = dt.datetime.combine(date, dt.time(starts_at_hour), tz)
    end = dt.datetime.combine(date + dt.timedelta(days=1), dt.time(starts_at_hour), tz)
    return StudyDay(date, start.astimezone(dt.UTC), end.astimezone(dt.UTC))


def local_date(when: dt.datetime, tz_name: str | None, starts_at_hour: int = 4) -> dt.date:
    """The study day's date a moment belongs to."""
    return study_day(when, tz_name, starts_at_hour).date


def streak(dates: set[dt.date], today: dt.date) -> int:
    """Consecutive study days ending today; a streak not yet extended today still
    counts up to yesterday."""
    day = today if today in dates else today - dt.timedelta(days=1)
    count = 0
    while day in dates:
        count += 1
        day -= dt.timedelta(days=1)
    return count


def intervals(
    current: CardState, now: dt.datetime, desired_retention: float = DEFAULT_RETENTION
) -> dict[int, dt.timedelta]:
    """How long until the card is due again after each rating (without fuzz)."""
    out = {}
    for rating in RATINGS:
        after = review(current, rating, now, desired_retention=desired_retention, fuzz=False)
        out[rating] = (after.due or now) - _utc(now)
    return out


def describe(interval: dt.timedelta) -> str:
    """A short human interval: "1 min", "10 min", "3 h", "4 d", "2.5 mo", "1.2 y"."""
    seconds = max(0.0, interval.total_seconds())
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))} min"
    if seconds < 86400:
        return f"{round(seconds / 3600)} h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)} d"
    if days < 365:
        return f"{days / 30:.1f} mo"
    return f"{days / 365:.1f} y"
