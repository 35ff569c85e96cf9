"""How a prompt names its article: the event and the date, never the answer.

Candidates, best first:

1. the title the teacher gave (the ``Title:`` header);
2. the headline line of the text, when it has one (a short line without a full stop,
   not a dateline, caption, credit or label);
3. short event labels built from the article's central facts ("Kamikawa Yoko's visit to
   Nepal", "the talks between X and Y");
4. the words of the source address ("…/nurses-reach-pay-agreement");
5. the date alone, or, with nothing else, "the report".

The article's date is added when it is known. A question takes the first candidate that
does not print its answer (nor, for a true/false statement, the detail it tests).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ..forms import is_title_word, name_forms
from ..gazetteer import country_of_word
from ..model import Article, Fact, Meeting, Trip, Visit
from .places import place_kind, with_the
from .text import (
    fold,
    format_date,
    has_absolute_date,
    has_relative_time,
    is_boilerplate,
    mentions_any,
    resolve_relative,
    strip_dateline,
)


@dataclass(frozen=True)
class Anchor:
    """One way to name the article in a prompt, and how well it identifies it."""

    text: str
    confidence: float
    kind: str


def detect_headline(text: str) -> str | None:
    """The headline line at the top of an article's text, or None.

    A headline is one of the first lines: 3 to 20 words, no full stop at its end or
    inside, not all capitals, and not a caption, credit, dateline or label line.
    """
    lines = [ln.strip() for ln in text.splitlines()]
    for line in [ln for ln in lines if ln][:2]:
        n = len(line.split())
        if not 3 <= n <= 20:
            continue
        if line.endswith((".", ",", ";", ":", "…")) or re.search(r"[.!?]\s+[A-Z]", line):
            continue
        if line.upper() == line or is_boilerplate(line) or strip_dateline(line) != line:
            continue
        if not line[:1].isupper():
            continue
        return line
    return None


def slug_headline(source: str | None, text: str) -> str | None:
    """Words of the source address's last path part, cased as the article writes them."""
    if not source:
        return None
    try:
        path = urlsplit(source).path
    except ValueError:
        return None
    parts = [p for p in path.split("/") if p]
    if not parts:
        return None
    slug = re.sub(r"\.\w{2,5}$", "", parts[-1] if not parts[-1].isdigit() else parts[-2])
    raw = [w for w in re.split(r"[-_]+", slug) if w and not re.fullmatch(r"\d{3,}|\w*\d{5,}\w*", w)]
    if len(raw) < 4 or len(raw) > 18:
        return None
    out = []
    for w in raw:
        m = re.search(rf"\b({re.escape(w)})\b", text, re.IGNORECASE)
        out.append(m.group(1) if m and m.group(1)[:1].isupper() else w)
    s = " ".join(out)
    return s[:1].upper() + s[1:]


def _places_text(places: list[str]) -> str:
    """ "Egypt", "Egypt and Israel", "Egypt, Israel and Jordan" (three at most)."""
    places = [with_the(p) for p in places[:3]]
    if len(places) == 1:
        return places[0]
    return ", ".join(places[:-1]) + " and " + places[-1]


def _prominence(facts: list[Fact]) -> dict[str, int]:
    """How many facts name each person: the story's main people name most of them."""
    out: dict[str, int] = {}
    for f in facts:
        names: tuple[str, ...] = ()
        if isinstance(f, Visit | Trip):
            names = (f.traveler,)
        elif isinstance(f, Meeting):
            names = f.participants
        for n in names:
            out[n] = out.get(n, 0) + 1
    return out


def event_labels(facts: list[Fact], tense_of: dict[int, str], text: str = "") -> list[str]:
    """Short labels of the article's central events: its visits, meetings and trips in the
    order the article tells them (news tells the story's event first), those of its main
    people first within one sentence, labels that say where or with whom before bare
    ones."""
    weight = _prominence(facts)

    def main(f: Fact) -> tuple[int, int]:
        if isinstance(f, Visit | Trip):
            return f.source.start, -weight.get(f.traveler, 0)
        if isinstance(f, Meeting):
            return f.source.start, -max(weight.get(p, 0) for p in f.participants)
        return f.source.start, 0

    labels: list[str] = []
    spare: list[str] = []  # one side's talks: only when every full label prints the key
    for f in sorted(facts, key=main):
        tense = tense_of.get(id(f), "done")
        adj = {"planned": "planned ", "cancelled": "cancelled "}.get(tense, "")
        if isinstance(f, Visit):
            places = [p for p in f.places if place_kind(p) in ("country", "city", "region")]
            who = display(f.traveler, text)
            if places:
                labels.append(f"{who}'s {adj}visit to {_places_text(places)}")
            labels.append(f"{who}'s {adj}visit")
            if places:
                labels.append(f"the {adj}visit to {_places_text(places)}")
        elif isinstance(f, Meeting) and len(f.participants) >= 2:
            a, b = display(f.participants[0], text), display(f.participants[1], text)
            labels.append(f"the {adj}talks between {a} and {b}")
            # asked whom one side met, the anchor can still name the other side and the
            # place: "Donald Trump's talks in New York"
            where = f" in {with_the(f.place)}" if f.place else ""
            spare.append(f"{a}'s {adj}talks{where}")
            spare.append(f"{b}'s {adj}talks{where}")
            if where:
                spare.append(f"the {adj}talks{where}")
        elif isinstance(f, Trip):
            noun = f.noun if f.noun in ("trip", "visit", "tour") else "trip"
            who = display(f.traveler, text)
            dest = f.destination
            if dest and place_kind(dest) == "vague":
                dest = country_before(facts, f)  # "his second visit to the country"
            if dest:
                labels.append(f"{who}'s {adj}{noun} to {with_the(dest)}")
                labels.append(f"the {adj}{noun} to {with_the(dest)}")
            labels.append(f"{who}'s {adj}{noun}")
    return list(dict.fromkeys([*labels, *spare]))


def country_before(facts: list[Fact], f: Trip) -> str | None:
    """The one country of the traveller's visit told last before (or in) the trip's
    sentence, or None."""
    best = None
    for g in facts:
        if g.source.start > f.source.start:
            break
        if isinstance(g, Visit) and g.traveler == f.traveler:
            countries = [p for p in g.places if place_kind(p) == "country"]
            if len(countries) == 1:
                best = countries[0]
    return best


def display(name: str, text: str = "") -> str:
    """A name as a prompt prints it: "SITIVENI RABUKA" becomes "Sitiveni Rabuka", and a
    surname alone the full name the article gives (see :func:`full_name`)."""
    if text:
        name = full_name(name, text)
    if name.upper() == name and any(c.isalpha() for c in name):
        return " ".join(w.capitalize() for w in name.split())
    return name


_RUN_BEFORE = r"((?:[A-Z][\w'’.-]*\s+){1,4})"


@lru_cache(maxsize=4096)
def full_name(name: str, text: str) -> str:
    """The one full name the article writes a one-word name in ("Salvador Valdes Mesa"
    for "Mesa", "ANTHONY ALBANESE" for "Albanese"), or the name itself when it writes
    none or several. Titles, styles and countries before the name are no part of it
    ("Vice President Mesa", "Republic of Cuba Salvador Valdes Mesa")."""
    if len(name.split()) != 1 or len(name) < 3:
        return name
    found: set[str] = set()
    for needle, haystack in ((name, text), (name.upper(), text)):
        for m in re.finditer(rf"{_RUN_BEFORE}{re.escape(needle)}(?![\w-])", haystack):
            words = m.group(1).split()
            while words and _not_a_name(words[0]):
                words.pop(0)
            if words and not any(_not_a_name(w) for w in words):
                found.add(" ".join([*words, needle]))
    if len({f.lower() for f in found}) != 1:
        return name
    out = found.pop()
    return display(out) if name.upper() != name and out.upper() == out else out


def _not_a_name(word: str) -> bool:
    """A title word, style, country or nationality, or a word with a possessive or a
    full stop ("Minister", "Dr.", "Cuba", "Fiji's"), never part of a name."""
    bare = word.rstrip(".,;:")
    low = bare.lower()
    return (
        bare != word
        or low.endswith(("'s", "’s"))
        or is_title_word(low)
        or country_of_word(bare) is not None
        or country_of_word(bare.capitalize()) is not None
    )


def anchor_candidates(
    article: Article, facts: list[Fact], tense_of: dict[int, str]
) -> list[Anchor]:
    """The ways to name an article, best first (see the module's docstring)."""
    date = article.date
    when = format_date(date) if date else None
    out: list[Anchor] = []

    heads: list[str] = []

    def headline(text: str, kind: str, confidence: float) -> None:
        text = " ".join(strip_dateline(text).split()).rstrip(".")
        if has_relative_time(text):
            if date is None:
                return
            text = resolve_relative(text, date)
        if len(text.split()) > 16:
            return
        suffix = f" ({when})" if when and not has_absolute_date(text) else ""
        out.append(Anchor(f"According to the report “{text}”{suffix}", confidence, kind))
        heads.append(text)

    if article.title:
        headline(article.title, "title", 1.0)
    found = detect_headline(article.text)
    if found:
        headline(found, "headline", 0.95)
    for label in event_labels(facts, tense_of, article.text):
        of = f" of {when}" if when else ""
        out.append(Anchor(f"According to the report{of} on {label}", 0.95, "event"))
    slug = slug_headline(article.source, article.text)
    if slug:
        headline(slug, "address", 0.85)
    if when:
        # a dated report reads better than a headline with words cut out of it
        out.append(Anchor(f"According to the report of {when}", 0.9, "date"))
    for head in heads[:1]:
        suffix = f" ({when})" if when and not has_absolute_date(head) else ""
        out.append(Anchor(f"According to the report “{head}”{suffix}", 0.8, "masked"))
    out.append(Anchor("According to the report", 0.5, "bare"))
    return out


_DAY = re.compile(
    r"\b\d{1,2} (?=(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December) \d{4}\b)"
)


def choose_anchor(candidates: list[Anchor], avoid: tuple[str, ...]) -> Anchor:
    """The first candidate that prints none of the words to avoid (the answer's forms); one
    whose date's day is the answer gives the month and year only, and a headline that
    prints the answer is offered with those words left out ("…")."""
    for c in candidates:
        text = c.text
        if c.kind == "masked":
            masked = mask(text, avoid)
            if masked is not None:
                return Anchor(masked, c.confidence, c.kind)
            continue
        if mentions_any(text, avoid):
            text = _DAY.sub("", text)
        if not mentions_any(text, avoid):
            return c if text == c.text else Anchor(text, c.confidence * 0.95, c.kind)
    return candidates[-1]


def mask(text: str, avoid: tuple[str, ...]) -> str | None:
    """The quoted headline with every word to avoid replaced by "…", when enough of it is
    left (the date after it is kept whole, or given as month and year)."""
    m = re.match(r"^(.*?“)(.*)(”.*)$", text)
    if m is None:
        return None
    head, quoted, tail = m.groups()
    if mentions_any(tail, avoid):
        tail = _DAY.sub("", tail)
    out = quoted
    for form in sorted((a for a in avoid if len(fold(a)) >= 2), key=len, reverse=True):
        out = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", "…", out, flags=re.IGNORECASE)
    if mentions_any(out, avoid) or out == quoted or mentions_any(tail, avoid):
        return None
    if len(re.findall(r"[A-Za-z]{3,}", out)) < 4:
        return None
    return head + out + tail


def person_forms(name: str, text: str) -> tuple[str, ...]:
    """The forms of a person's name worth avoiding in an anchor (full name and surname)."""
    return name_forms(name, text)
