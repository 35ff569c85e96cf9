"""Wrong answers for multiple choice and false statements: typed, plausible, checked.

- People: from the same article first (never someone the asker met or appears with in a
  sentence), then from the rest of the bank, a head of government for a head of
  government where the titles tell.
- Places: of the key's kind (city, country, region), from the same article first, then
  peers from the gazetteer (same continent, same country), never one the article
  mentions with the traveller, never one that contains or lies inside the key.
- Titles: of the same rank (head, minister, official).
- Figures: spread the way the figure's kind suggests: percentages in sensible steps,
  small counts by one or two, large amounts by magnitude.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from math import floor, log10
from typing import Any

from ..model import Fact, Meeting, Role, Trip, Visit
from .places import place_kind


def seeded(key: str) -> random.Random:
    """A random generator seeded by a key: stable across runs, not predictable by position."""
    return random.Random(int(hashlib.sha1(key.encode()).hexdigest()[:12], 16))


_HEADS = re.compile(
    r"\b(?:president|prime minister|premier|chancellor|king|queen|emir|sultan|monarch|"
    r"crown prince|head of state|head of government|taoiseach|pope)\b",
    re.IGNORECASE,
)
_MINISTERS = re.compile(r"\b(?:minister|secretary|commissioner)\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def title_rank(title: str) -> str:
    """ "head" (of state or government), "deputy", "minister", or "official"."""
    low = title.lower()
    if re.search(r"\b(?:vice|deputy|former|first lady)\b", low):
        return "deputy"
    if re.search(r"\bsecretary[- ]general\b", low):
        return "official"
    if _HEADS.search(low):
        return "head"
    if _MINISTERS.search(low):
        return "minister"
    return "official"


@lru_cache(maxsize=8192)
def looks_like_name(name: str) -> bool:
    """A person's name as a choice: two to five capitalised words, not shouted in capitals,
    not a place or a title word."""
    parts = name.split()
    if not 1 <= len(parts) <= 5 or name.upper() == name:
        return False
    if not all(
        p[:1].isupper()
        or p.lower()
        in (
            "al",
            "bin",
            "van",
            "de",
            "von",
            "el",
            "da",
            "la",
            "le",
            "di",
            "del",
            "bint",
            "ibn",
            "dos",
        )
        for p in parts
    ):
        return False
    return place_kind(name) in ("place",)


@dataclass
class DistractorPool:
    """People, places and titles seen across the bank, bounded so memory stays flat."""

    limit: int = 400
    persons: deque[str] = field(default_factory=deque)
    places: deque[str] = field(default_factory=deque)
    titles: deque[str] = field(default_factory=deque)
    ranks: dict[str, str] = field(default_factory=dict)
    """A person's title rank ("head", "minister", ...) where the bank knows it."""

    def add(self, kind: str, values: Iterable[str]) -> None:
        """Remember values of a kind ("persons", "places", "titles")."""
        store: deque[str] = getattr(self, kind)
        for v in values:
            if v and v not in store:
                store.append(v)
                if len(store) > self.limit:
                    gone = store.popleft()
                    self.ranks.pop(gone, None)

    def add_facts(self, facts: Iterable[Fact]) -> None:
        """Remember the people, places and titles of some facts."""
        for f in facts:
            if isinstance(f, Meeting):
                self.add("persons", f.participants)
            elif isinstance(f, Visit):
                self.add("persons", [f.traveler])
                self.add("places", f.places)
            elif isinstance(f, Role):
                self.add("persons", [f.person])
                self.add("titles", [f.title])
                self.ranks[f.person] = title_rank(f.title)
            elif isinstance(f, Trip):
                self.add("persons", [f.traveler])

    def add_questions(self, questions: Iterable[dict[str, Any]]) -> None:
        """Seed the pool from an existing bank's questions."""
        for q in questions:
            fact = q.get("fact") or {}
            for key in ("traveler", "person"):
                if isinstance(fact.get(key), str):
                    self.add("persons", [fact[key]])
            self.add("persons", [p for p in fact.get("participants") or [] if isinstance(p, str)])
            self.add("places", [p for p in fact.get("places") or [] if isinstance(p, str)])
            if isinstance(fact.get("title"), str):
                self.add("titles", [fact["title"]])
                if isinstance(fact.get("person"), str):
                    self.ranks[fact["person"]] = title_rank(fact["title"])


FALLBACK_TITLES = {
    "head": ("President", "Prime Minister", "Chancellor", "King", "Premier"),
    "deputy": ("Vice President", "Deputy Prime Minister", "Deputy Foreign Minister"),
    "minister": (
        "Foreign Minister",
        "Finance Minister",
        "Defense Minister",
        "Interior Minister",
        "Trade Minister",
        "Health Minister",
        "Justice Minister",
        "Energy Minister",
    ),
    "official": (
        "spokesperson",
        "ambassador",
        "special envoy",
        "national security adviser",
        "chief of staff",
        "chief executive",
    ),
}


# ---- figures -------------------------------------------------------------------------


USUAL_LENGTHS = {
    "second": (10, 15, 30, 45, 60, 90),
    "minute": (5, 10, 15, 20, 30, 45, 60, 90),
    "hour": (2, 6, 8, 12, 24, 36, 48, 72, 96),
    "day": (2, 3, 4, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 365),
    "week": (1, 2, 3, 4, 6, 8, 10, 12, 16, 26, 52),
    "month": (1, 2, 3, 4, 6, 9, 12, 18, 24, 36),
    "year": (1, 2, 3, 4, 5, 7, 10, 15, 20, 25, 30, 50),
}
"""Lengths that agreements, visits and strikes usually have, per unit."""


def figure_distractors(
    value: float,
    kind: str,
    rng: random.Random,
    avoid: Iterable[float] = (),
    unit: str | None = None,
) -> list[float]:
    """Plausible wrong figures for a value of a kind ("percent", "count", "money", "duration").

    Percentages move in steps that suit their size (1 or 2 points under 10, 5 or 10 above)
    and stay within 0-100; small counts move by one to three; large figures and money
    move by magnitude, rounded like the key.
    """
    taken = set(avoid) | {value}
    out: list[float] = []

    def take(candidates: Iterable[float]) -> None:
        for c in candidates:
            c = float(c)
            if c > 0 and c not in taken and c not in out:
                out.append(c)

    if kind == "percent" and value <= 100:
        if not float(value).is_integer():
            step = 0.5 if value < 10 else 2.5
        else:
            step = 1 if value < 10 else 5
        steps = [1, -1, 2, -2, 3, 4, -3]
        rng.shuffle(steps)
        take(round(value + s * step, 2) for s in steps if 0 < value + s * step <= 100)
        return out
    if float(value).is_integer() and value <= 12 and kind != "duration":
        lowest = 2 if value >= 2 else 1  # "two women" never becomes "one women"
        take(value + d for d in (1, -1, 2, -2, 3, 4, 5) if value + d >= lowest)
        return out
    if kind == "duration" and float(value).is_integer():
        # the lengths things usually have in this unit, nearest first
        usual = USUAL_LENGTHS.get(unit or "day", USUAL_LENGTHS["day"])
        take(sorted(usual, key=lambda u: (abs(u - value), rng.random()))[:5])
        take(value + d for d in (1, -1, 2, -2, 3))
        return out
    factors = [0.5, 2, 1.5, 0.75, 3, 0.25, 1.25]
    rng.shuffle(factors)
    take(_round_like(value * f, value) for f in factors)
    return out


def _round_like(x: float, like: float) -> float:
    """Round x to about as many significant figures as ``like`` has; whole stays whole."""
    digits = (
        len(re.sub(r"0+$", "", str(int(like)))) if float(like).is_integer() and like >= 1 else 3
    )
    digits = max(1, min(digits, 4))
    if x == 0:
        return 0
    p = digits - 1 - floor(log10(abs(x)))
    r = round(x, p)
    if float(like).is_integer():
        r = float(max(1, round(r)))
    return float(int(r)) if float(r).is_integer() else r


def pick(candidates: Iterable[str], exclude: Iterable[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` distinct candidates, none sharing a name word with an excluded value
    or with each other ("Raza Gilani" next to "Yousuf Raza Gilani" is one man)."""
    taken: list[set[str]] = [_name_words(e) for e in exclude]
    out: list[str] = []
    for c in candidates:
        w = _name_words(c)
        if not w or any(w & t for t in taken):
            continue
        taken.append(w)
        out.append(c)
        if len(out) >= limit:
            break
    return out


def _name_words(text: str) -> set[str]:
    """The significant lower-case words of a name (no particles or "the")."""
    skip = {"the", "al", "el", "bin", "de", "van", "von", "of", "and", "da", "di", "la", "le"}
    return {w for w in re.findall(r"[\w']+", text.lower()) if w not in skip}
