"""The library's types, in one module: an article, the facts read from it, the
questions written from them, the question kinds, the blank marker and a grade.

Everything else in ``question_bank`` produces or consumes these. This module imports
nothing heavy (no spaCy), so grading and the exporters can use the types without
loading the generator.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any, ClassVar

# ---- articles ------------------------------------------------------------------------


class ArticleError(ValueError):
    """An article that cannot be used, with a message that says why."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


@dataclass(frozen=True)
class Article:
    """One news article: its id, its body text and optional metadata."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    author: str | None = None
    """The byline's author, when the article came from a web page."""
    site_name: str | None = None
    """The publication, when the article came from a web page."""
    path: str | None = field(default=None, compare=False)
    warnings: tuple[str, ...] = field(default=(), compare=False)
    """Problems that did not stop the article from being read (an unreadable date)."""

    @cached_property
    def display_title(self) -> str:
        """The title, or one derived from the first line of the text."""
        if self.title:
            return self.title
        from .articles import derive_title  # the reading rules live with the reader

        return derive_title(self.text)

    @property
    def nlp_text(self) -> str:
        """The body with typographic characters made plain, at the same offsets."""
        from .articles import normalize_same_length

        return normalize_same_length(self.text)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping of the article."""
        return {
            "id": self.id,
            "title": self.title,
            "display_title": self.display_title,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "author": self.author,
            "site_name": self.site_name,
            "text": self.text,
        }


# ---- facts ---------------------------------------------------------------------------


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


@dataclass(frozen=True, kw_only=True)
class Mediation(Fact):
    """Who brokered or mediated an agreement or talks: "the swap, brokered by Qatar"."""

    type: ClassVar[str] = "mediation"
    mediator: str
    agreement: str
    """What was mediated, as the article names it ("the prisoner swap", "the talks")."""

    def key(self) -> tuple[Any, ...]:
        return ("mediation", self.mediator.lower(), self.agreement.lower())

    def fields(self) -> dict[str, Any]:
        return {"mediator": self.mediator, "agreement": self.agreement}


@dataclass(frozen=True, kw_only=True)
class Deadline(Fact):
    """A date by which an agreement has something done: "Armenia is to hand back the
    Kalbajar district by 15 November"."""

    type: ClassVar[str] = "deadline"
    agreement: str
    """The agreement, as the article names it ("the ceasefire")."""
    action: str
    """What is to be done, in the article's words ("hand back the Kalbajar district")."""
    date: str
    """The date as the article writes it ("15 November")."""

    def key(self) -> tuple[Any, ...]:
        return ("deadline", self.date.lower(), self.action.lower())

    def fields(self) -> dict[str, Any]:
        return {"agreement": self.agreement, "action": self.action, "date": self.date}


@dataclass(frozen=True, kw_only=True)
class Signing(Fact):
    """An agreement signed and what it covers: "agreements were signed on air services"
    (one fact per subject the sentence names)."""

    type: ClassVar[str] = "signing"
    agreement: str
    """The document, as the article names it ("agreements", "a memorandum of
    understanding")."""
    topic: str
    """What it covers, in the article's words ("air services")."""

    def key(self) -> tuple[Any, ...]:
        return ("signing", self.topic.lower())

    def fields(self) -> dict[str, Any]:
        return {"agreement": self.agreement, "topic": self.topic}


@dataclass(frozen=True, kw_only=True)
class Invitation(Fact):
    """Who invited a visitor: "Putin is visiting Mongolia at the invitation of President
    Battulga"."""

    type: ClassVar[str] = "invitation"
    guest: str
    host: str

    def key(self) -> tuple[Any, ...]:
        return ("invitation", self.guest.lower(), self.host.lower())

    def fields(self) -> dict[str, Any]:
        return {"guest": self.guest, "host": self.host}


@dataclass(frozen=True, kw_only=True)
class Occasion(Fact):
    """Which one of a series an event was: "It was the seventh exchange mediated by the
    UAE", "the third round of talks", "their second summit in two months"."""

    type: ClassVar[str] = "occasion"
    event: str
    """The event with its ordinal, in the article's words ("seventh exchange mediated by
    the UAE")."""
    ordinal: int

    def key(self) -> tuple[Any, ...]:
        return ("occasion", self.event.lower())

    def fields(self) -> dict[str, Any]:
        return {"event": self.event, "ordinal": self.ordinal}


FACT_TYPES: dict[str, type[Fact]] = {
    cls.type: cls
    for cls in (
        Trip,
        Meeting,
        Visit,
        Role,
        Term,
        Quantity,
        Mediation,
        Deadline,
        Signing,
        Invitation,
        Occasion,
    )
}


def _plain_number(value: float | None) -> float | int | None:
    """Whole numbers as ints, so the JSON says 1200 rather than 1200.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


# ---- questions -----------------------------------------------------------------------


class Kind(StrEnum):
    """The kinds of question."""

    MCQ = "mcq"
    SHORT_ANSWER = "short_answer"
    CLOZE = "cloze"
    TRUE_FALSE = "true_false"


KINDS: tuple[str, ...] = tuple(k.value for k in Kind)
"""The kinds' names, in the order the generator writes them."""

BLANK = "_____"
"""The blank the generator writes in a cloze prompt."""

BLANK_RE = re.compile(r"_{3,}")
"""Any blank a person writes: three or more underscores (the authoring form asks for ___)."""


def find_blank(prompt: str) -> re.Match[str] | None:
    """The first blank in a cloze prompt, whatever its length, or None."""
    return BLANK_RE.search(prompt)


@dataclass(frozen=True)
class Question:
    """One question of the bank, in the bank's JSON Lines format."""

    id: str
    article: str
    kind: str
    prompt: str
    answer: str
    accepted: tuple[str, ...]
    choices: tuple[str, ...]
    fact: dict[str, Any]
    source: Source
    article_title: str | None = None
    """The article's title, for a card's back (the generator sets it; optional)."""
    article_date: str | None = None
    """The article's date as ``YYYY-MM-DD``, when it has one."""
    confidence: float = 1.0
    """How far the generator trusts the question (0-1), from the patterns and checks
    behind it; a teacher's question is 1."""

    def to_dict(self) -> dict[str, Any]:
        """The bank's JSON object for this question."""
        return {
            "id": self.id,
            "article": self.article,
            "kind": self.kind,
            "prompt": self.prompt,
            "answer": self.answer,
            "accepted": list(self.accepted),
            "choices": list(self.choices),
            "fact": self.fact,
            "source": self.source.to_dict(),
            "article_title": self.article_title,
            "article_date": self.article_date,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        """Rebuild a question from :meth:`to_dict` output (one bank line)."""
        return cls(
            id=str(data["id"]),
            article=str(data["article"]),
            kind=str(data["kind"]),
            prompt=str(data["prompt"]),
            answer=str(data["answer"]),
            accepted=tuple(str(a) for a in data.get("accepted") or ()),
            choices=tuple(str(c) for c in data.get("choices") or ()),
            fact=dict(data.get("fact") or {}),
            source=Source.from_dict(data["source"]),
            article_title=_optional_text(data.get("article_title")),
            article_date=_optional_text(data.get("article_date")),
            confidence=float(data.get("confidence", 1.0)),
        )


def _optional_text(value: Any) -> str | None:
    """A bank line's optional text field: ``None`` when absent, null or blank."""
    return str(value) if value not in (None, "") else None


# ---- grading -------------------------------------------------------------------------

REASONS = (
    "exact",
    "normalized",
    "variant",
    "number",
    "ordinal",
    "close_spelling",
    "choice",
    "empty",
    "wrong",
)


@dataclass(frozen=True)
class Grade:
    """The verdict on one response, with what it was compared to and why."""

    correct: bool
    expected: str
    response: str
    normalized: str
    matched: str | None
    reason: str
