"""Facts extracted from an article, one dataclass per fact type.

Each fact keeps the sentence it came from (character offsets into
``Article.text``) and the exact words in that sentence that state its key
detail (``cue``), so a cloze question can blank them and a test can check
that every answer is supported by its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True)
class Source:
    """A sentence of the article, with character offsets into ``Article.text``."""

    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The bank's ``source`` object."""
        return {"sentence": self.sentence, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        """Rebuild from :meth:`to_dict` output."""
        return cls(str(data["sentence"]), int(data["start"]), int(data["end"]))


@dataclass(frozen=True)
class Cue:
    """Words of the source sentence that state the fact's key detail."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Fact:
    """Common fields of every fact."""

    type: ClassVar[str] = "fact"
    source: Source
    cue: Cue | None = field(default=None, compare=False)
    planned: bool = field(default=False, compare=False)
    """True when the sentence announces the event ("will visit") rather than reports it."""

    def key(self) -> tuple[Any, ...]:
        """What makes two facts the same fact (used to merge repeats)."""
        raise NotImplementedError

    def fields(self) -> dict[str, Any]:
        """The fact's fields in the bank's schema, without ``type``."""
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        """The bank's ``fact`` object."""
        return {"type": self.type, **self.fields()}


@dataclass(frozen=True, kw_only=True)
class Trip(Fact):
    """Which trip it is: "his eighth trip to the region since October 7"."""

    type: ClassVar[str] = "trip"
    traveler: str
    ordinal: int
    destination: str | None = None
    since: str | None = None
    noun: str = "trip"

    def key(self) -> tuple[Any, ...]:
        return ("trip", self.traveler, self.ordinal)

    def fields(self) -> dict[str, Any]:
        return {
            "traveler": self.traveler,
            "ordinal": self.ordinal,
            "destination": self.destination,
            "since": self.since,
        }


@dataclass(frozen=True, kw_only=True)
class Meeting(Fact):
    """Who met or held talks with whom, where and when."""

    type: ClassVar[str] = "meeting"
    participants: tuple[str, ...]
    place: str | None = None
    when: str | None = None

    def key(self) -> tuple[Any, ...]:
        return ("meeting", frozenset(self.participants))

    def fields(self) -> dict[str, Any]:
        return {"participants": list(self.participants), "place": self.place, "when": self.when}


@dataclass(frozen=True, kw_only=True)
class Visit(Fact):
    """Who travels where."""

    type: ClassVar[str] = "visit"
    traveler: str
    places: tuple[str, ...]
    when: str | None = None

    def key(self) -> tuple[Any, ...]:
        return ("visit", self.traveler, frozenset(p.lower() for p in self.places))

    def fields(self) -> dict[str, Any]:
        return {"traveler": self.traveler, "places": list(self.places), "when": self.when}


@dataclass(frozen=True, kw_only=True)
class Role(Fact):
    """Who holds which title."""

    type: ClassVar[str] = "role"
    person: str
    title: str

    def key(self) -> tuple[Any, ...]:
        return ("role", self.person, self.title.lower())

    def fields(self) -> dict[str, Any]:
        return {"person": self.person, "title": self.title}


@dataclass(frozen=True, kw_only=True)
class Term(Fact):
    """A condition of a ceasefire, deal or proposal."""

    type: ClassVar[str] = "term"
    agreement: str
    text: str
    value: float | None
    unit: str
    approx: str | None = None
    ask: str | None = field(default=None, compare=False)
    """The sentence's clause turned into a question ("How many hostages did Hamas seize")."""

    def key(self) -> tuple[Any, ...]:
        return ("number", self.value, self.unit.lower())

    def fields(self) -> dict[str, Any]:
        return {
            "agreement": self.agreement,
            "text": self.text,
            "value": _plain_number(self.value),
            "unit": self.unit,
        }


@dataclass(frozen=True, kw_only=True)
class Quantity(Fact):
    """Any other counted figure: people killed, held, money pledged."""

    type: ClassVar[str] = "quantity"
    value: float
    unit: str
    text: str
    approx: str | None = None
    ask: str | None = field(default=None, compare=False)
    """The sentence's clause turned into a question ("How many hostages did Hamas seize")."""

    def key(self) -> tuple[Any, ...]:
        return ("number", self.value, self.unit.lower())

    def fields(self) -> dict[str, Any]:
        return {"value": _plain_number(self.value), "unit": self.unit, "text": self.text}


FACT_TYPES: dict[str, type[Fact]] = {
    cls.type: cls for cls in (Trip, Meeting, Visit, Role, Term, Quantity)
}


def _plain_number(value: float | None) -> float | int | None:
    """Whole numbers as ints, so the JSON says 1200 rather than 1200.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
