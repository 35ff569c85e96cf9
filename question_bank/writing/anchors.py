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

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ..forms import is_title_word, name_forms
from ..gazetteer import (
    countries_named_in,
    country_of_address,
    country_of_word,
    is_country,
)
from ..lexicon import ORGANISATION_NOUNS
from ..model import Article, Fact, Mediation, Meeting, Role, Term, Trip, Visit
from .places import contains_or_within, place_kind, with_the
from .text import (
    fold,
    format_date,
    has_absolute_date,
    has_relative_time,
    is_boilerplate,
    mentions_any,
    resolve_relative,
    same_answers,
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
        # "BREAKING: S. Sudan government and rebels sign ceasefire", "Nigeria: Buhari
        # Hosts ...": a section label before the headline
        line = _HEADLINE_LABEL.sub("", line)
        country = re.match(r"^([A-Z][\w .'-]{2,30}):\s+(?=[A-Z])", line)
        if country and is_country(country.group(1)):
            line = line[country.end() :]  # "Nigeria: Buhari Hosts Nigerien President ..."
        line = re.sub(r"\s+\|\s+[^|]{1,40}$", "", line)  # "… to Colombia | News": the site
        n = len(line.split())
        if not 3 <= n <= 20 or _DATE_LINE.fullmatch(line):
            continue  # "March 4, 2022": a date line, not a headline
        if line.endswith((".", ",", ";", ":", "…")) or re.search(
            r"(?<!\b[A-Z])[.!?]\s+[A-Z]", line
        ):
            continue
        if line.upper() == line or is_boilerplate(line) or strip_dateline(line) != line:
            continue
        if not line[:1].isupper() or _letterhead(line):
            continue
        return line
    return None


_DATE_LINE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
    r"(?:\s+\d{1,2}:\d{2}.*)?"
)
_HEADLINE_LABEL = re.compile(
    r"^(?:BREAKING|UPDATE[D]?|EXCLUSIVE|WATCH|LIVE|ANALYSIS|OPINION|Breaking|Update|"
    r"Exclusive|Analysis)(?: NEWS)?:\s+(?=[A-Z])"
)


def _letterhead(line: str) -> bool:
    """A line of titles, offices and places only, as a letterhead or a signature writes it
    ("Minister for Foreign Affairs", "Office of the Prime Minister of Fiji"): it names
    whoever wrote, not the event."""
    words = re.findall(r"[\w'’-]+", line)
    return bool(words) and all(
        is_title_word(w)
        or w.lower() in _LINKS
        or w.lower() in ORGANISATION_NOUNS
        or country_of_word(w) is not None
        for w in words
    )


_LINKS = frozenset("of for the and on in at to".split())

# "Deji Elumoye in Abuja", "By Ana Ruiz in Lima": a reporter and where they file from.
_BYLINE = re.compile(r"^(?:By\s+)?((?:[A-Z][\w'’.-]+\s+){1,3})(?:in|from)\s+[A-Z][\w'’ .-]+$")


def _byline(line: str, facts: list[Fact]) -> bool:
    """A name and a place on the headline's line, the name nobody in the story: a byline
    ("Deji Elumoye in Abuja"), not "Obama Lands in Mexico"."""
    m = _BYLINE.match(line)
    if m is None:
        return False
    words = set(m.group(1).split())
    named = {w for f in facts for n in _fact_names(f) for w in n.split()}
    return not words & named


def _fact_names(f: Fact) -> tuple[str, ...]:
    """The people a fact names."""
    if isinstance(f, Visit | Trip):
        return (f.traveler,)
    if isinstance(f, Meeting):
        return f.participants
    if isinstance(f, Role):
        return (f.person,)
    return ()


def slug_headline(source: str | None, text: str) -> str | None:
    """Words of the source address's last path part, cased as the article writes them."""
    if not source:
        return None
    try:
        path = urlsplit(source).path
    except ValueError:
        return None
    parts = [p for p in path.split("/") if p and not p.isdigit()]
    if not parts:
        return None  # "https://sun.com.mv/65368": an address of numbers only
    slug = re.sub(r"\.\w{2,5}$", "", parts[-1])
    raw = [w for w in re.split(r"[-_]+", slug) if w and not re.fullmatch(r"\d{3,}|\w*\d{5,}\w*", w)]
    # an address cut inside a word ("…-in-uae-b") or led by a date ("10-20-unions-…")
    if raw and len(raw[-1]) == 1 and raw[-1].lower() != "a":
        raw.pop()
        while raw and raw[-1].lower() in _LINKS | {"a", "an", "with", "from", "by"}:
            raw.pop()  # "…-sign-deal-in-o": the cut word's preposition goes too
    while raw and raw[0].isdigit() and len(raw[0]) <= 2:
        raw.pop(0)
    if len(raw) < 4 or len(raw) > 18:
        return None
    if raw[-1].lower() in _LINKS | {"a", "an", "with", "from", "by", "for"}:
        return None  # "…new aid package for": an address cut short
    out = []
    for w in raw:
        if len(w) <= 2 and w.lower() not in _SHORT_WORDS:
            return None  # "fm", "s Korea": an address's shorthand
        m = re.search(rf"\b({re.escape(w)})\b", text, re.IGNORECASE)
        owner = re.search(rf"\b({re.escape(w[:-1])}['’]s)\b", text, re.IGNORECASE)
        if m is not None:
            found = m.group(1)
            if found.isupper() and len(found) > 3:
                found = found.capitalize()  # "FIJI" in a speaker's label
            out.append(found if found[:1].isupper() else w)
        elif w.lower().endswith("s") and owner is not None:
            out.append(owner.group(1))  # "obamas": the address lost the apostrophe
        elif not _written(w, text):
            # "agrts", "russias": an address's shorthand, not the outlet's headline
            return None
        else:
            out.append(w)
    s = " ".join(out)
    return s[:1].upper() + s[1:]


_SHORT_WORDS = frozenset("of in to on at by a an as is be up us un eu uk".split())


def _written(word: str, text: str) -> bool:
    """Whether the article writes an address's word, or its singular or plural."""
    stem = re.escape(word[:-1] if word.lower().endswith("s") else word)
    return re.search(rf"\b{stem}(?:s|es|'s|’s)?\b", text, re.IGNORECASE) is not None


def _lede(text: str, date: dt.date | None, size: int = 8) -> str | None:
    """The first words of the story's first sentence (no dateline, no relative time left
    unresolved), cut before a comma or after ``size`` words; None for a caption, a credit
    or a sentence too short to say anything."""
    for line in (ln.strip() for ln in text.splitlines()):
        if not line or is_boilerplate(line) or len(line.split()) < 8:
            continue
        sentence = strip_dateline(_SENTENCE.split(line)[0])
        cut = re.split(r"[,;:(—–]", " ".join(sentence.split()[:size]))[0].strip()
        if has_relative_time(cut):
            if date is None:
                return None
            cut = resolve_relative(cut, date)
        words = cut.split()
        # no dangling word: "… their strike last" (night), "… met with his" (counterpart)
        dangling = _LINKS | {"a", "an", "with", "by", "from", "last", "next", "this", "his", "her"}
        while words and words[-1].lower() in dangling:
            words.pop()
        return " ".join(words) if len(words) >= 4 else None
    return None


def _places_text(places: list[str]) -> str:
    """ "Egypt", "Egypt and Israel", "Egypt, Israel and Jordan" (three at most); a city
    and the country it lies in are one place ("Riyadh, Saudi Arabia"; the city alone
    beside other places)."""
    joined: list[str] = []
    for p in places:
        if any(contains_or_within(p, q) for q in places if q != p and place_kind(q) == "city"):
            continue  # the country, written after its city
        within = [q for q in places if q != p and contains_or_within(p, q)]
        alone = len(places) == 2  # "Kyiv, Ukraine and Poland" would read as three
        joined.append(f"{p}, {with_the(within[0])}" if within and alone else p)
    places = [with_the(p) for p in joined[:3]]
    if len(places) == 1:
        return places[0]
    return ", ".join(places[:-1]) + " and " + places[-1]


def _prominence(facts: list[Fact]) -> dict[str, int]:
    """How many facts name each person: the story's main people name most of them."""
    out: dict[str, int] = {}
    for f in facts:
        names = () if isinstance(f, Role) else _fact_names(f)
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
            described = trip_phrase(f.traveler, text)
            if described:
                labels.append(f"{who}'s {adj}{described}")  # "seven-day West Africa tour"
            labels.append(f"{who}'s {adj}visit")
            if places:
                labels.append(f"the {adj}visit to {_places_text(places)}")
        elif isinstance(f, Meeting) and len(f.participants) >= 2:
            a, b = display(f.participants[0], text), display(f.participants[1], text)
            labels.append(f"the {adj}talks between {a} and {b}")
            # asked whom one side met, the anchor can still name the other side and the
            # place: "Donald Trump's talks in New York"; with no place, "Barack Obama's
            # talks" says nothing of which talks and points a student at the wrong person
            if f.place:
                where = f" in {with_the(f.place)}"
                spare.append(f"{a}'s {adj}talks{where}")
                spare.append(f"{b}'s {adj}talks{where}")
                spare.append(f"the {adj}talks{where}")
        elif isinstance(f, Trip):
            noun = trip_noun(f, kind=False)
            who = display(f.traveler, text)
            dest = f.destination
            if dest and place_kind(dest) not in ("country", "city", "region"):
                # "his second visit to the country", "the island nation"
                dest = country_before(facts, f)
            if dest:
                labels.append(f"{who}'s {adj}{noun} to {with_the(dest)}")
                labels.append(f"the {adj}{noun} to {with_the(dest)}")
            labels.append(f"{who}'s {adj}{noun}")
    return list(dict.fromkeys([*labels, *spare]))


# The article's own name for a journey, with what tells it apart: "his seven-day West
# Africa tour", "her three-nation Asian trip", "Ruto's state visit".
_TRIP_PHRASE = re.compile(
    r"\b(?:his|her|their|(?P<owner>[A-Z][\w'’-]+)['’]s)\s+"
    r"(?P<phrase>(?:(?:[\w]+-(?:day|nation|country|city|week|leg|stop)|state|official|"
    r"working)\s+)+(?:[A-Z][\w'’-]+\s+){0,3}|(?:[A-Z][\w'’-]+\s+){1,3})"
    r"(?P<noun>tour|trip|visit|journey|mission|swing)\b"
)


@lru_cache(maxsize=256)
def trip_phrase(traveler: str, text: str) -> str | None:
    """The article's own words for the traveller's journey, when they say more than
    "visit" ("seven-day West Africa tour"): the first such phrase in a sentence that names
    the traveller, or None."""
    surname = traveler.split()[-1]
    for sentence in _SENTENCE.split(text):
        if not re.search(rf"\b{re.escape(surname)}\b", sentence):
            continue
        for m in _TRIP_PHRASE.finditer(sentence):
            owner = m.group("owner")
            if owner and owner != surname:
                continue
            phrase = " ".join(m.group("phrase").split())
            if phrase.split()[0][:1].isupper() and is_country(phrase.split()[0]):
                continue  # "his Nigeria visit": a place the question may ask
            return f"{phrase} {m.group('noun')}"
    return None


_AGREED = re.compile(
    r"(?P<a>(?:[Tt]he\s+)?[A-Z][^,;:.]{0,50}?)\s+and\s+(?P<b>(?:the\s+)?[A-Z][^,;:.]{0,50}?)"
    r"\s+(?:have\s+|has\s+|had\s+|will\s+)?(?:\w+ly\s+)?"
    r"(?:agreed|signed|reached|struck|exchanged|concluded|sealed|agree|sign|reach)\b"
)
_BETWEEN = re.compile(
    r"\bbetween\s+(?P<a>(?:the\s+)?[A-Z][^,;:.()\[\]]{0,50}?)\s+and\s+"
    r"(?P<b>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})"
)
_MODIFIER = re.compile(r"^[a-z][a-z-]*$")
_NOT_MODIFIERS = frozenset(
    """a an the this that its their his her new latest first last final significant landmark
    historic major key important immediate proposed possible potential long-awaited broad
    fragile full partial current previous such in of for on at to with by from as and or
    which that was is were are be been""".split()
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])|\n+")


def agreement_labels(facts: list[Fact], text: str) -> list[str]:
    """Labels of the article's agreement, for an article that tells of no visit or
    meeting: "the free trade agreement between the European Union and the Mercosur
    countries", "the swap between Russia and Ukraine". The agreement is the one its first
    term or mediation names, written with the words before it in the first sentence that
    names it ("free trade"; never a figure), and the two sides that agreed or signed it,
    or that it is between. Without sides, only a noun that says what was agreed
    ("the ceasefire", "the free trade agreement"), never a bare "the deal"."""
    nouns = [
        re.sub(r"^the\s+", "", f.agreement.lower())
        for f in sorted(facts, key=lambda g: g.source.start)
        if isinstance(f, Term | Mediation)
    ]
    out: list[str] = []
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    for noun in dict.fromkeys(n for n in nouns if re.fullmatch(r"[a-z][a-z -]{2,30}", n)):
        for sentence in sentences:
            m = re.search(
                rf"\b((?:[a-z][\w-]*\s+){{0,3}}){re.escape(noun)}\b(?!\s+for\b)", sentence
            )  # "in exchange for the release": an idiom, no agreement
            if m is None:
                continue
            mods: list[str] = []
            for w in reversed(m.group(1).split()):
                if not _MODIFIER.match(w) or w in _NOT_MODIFIERS or _is_figure_word(w):
                    break
                mods.insert(0, w)
            phrase = " ".join([*mods, noun])
            sides = _AGREED.search(sentence) or _BETWEEN.search(sentence)
            if sides:
                a, b = (_side(sides.group(k)) for k in ("a", "b"))
                if all(1 <= len(x.split()) <= 6 and _name_like(x) for x in (a, b)):
                    out.append(f"the {phrase} between {a} and {b}")
            if mods or noun in _SPECIFIC:
                out.append(f"the {phrase}")
            break
    return list(dict.fromkeys(out))


def _name_like(side: str) -> bool:
    """A side written as names: "the European Union", "Israel", never "Qatar said
    Wednesday that Israel"."""
    return not any(w.lower() in _CLAUSE_WORDS for w in side.split())


_CLAUSE_WORDS = frozenset(
    "said says say told tells that which who announced reported added confirmed stated "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _side(text: str) -> str:
    """One side of an agreement as a label names it: no bracketed initials, "the" in
    lower case ("The European Union (EU)" -> "the European Union")."""
    text = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", text)
    text = re.sub(r"^[^()]*\)\s*", "", text)  # "Asian independent) Russia": a credit's tail
    # "… Holding Company also signed": an adverb before the verb is no part of the side
    text = re.sub(
        r"(?:\s+(?:also|too|jointly|formally|officially|finally|then|now|later|"
        r"today|yesterday|\w+ly))+$",
        "",
        text,
    )
    return re.sub(r"^The\b", "the", " ".join(text.split()))


_SPECIFIC = frozenset("ceasefire truce swap exchange treaty settlement merger acquisition".split())
_FIGURE_WORDS = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty|hundred|thousand|million|billion)\b|"
    r"-(?:day|week|month|year|hour)s?$)"
)


def _is_figure_word(word: str) -> bool:
    """A figure or a length ("six-month", "30-day", "three"): an answer, never a label."""
    return bool(_FIGURE_WORDS.search(word))


def trip_noun(f: Trip, kind: bool = True) -> str:
    """How a question names the trip: "state visit" (with ``kind``), "visit", "tour", or
    "trip" for any other noun."""
    base = f.noun.split()[-1]
    if base not in ("trip", "visit", "tour"):
        return "trip"
    return f.noun if kind else base


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


_PARTICLES = frozenset("von van der den de da di du del della al el bin ibn abu la le".split())
_RUN_BEFORE = r"((?:[A-Z][\w'’.-]*\s+){1,4})"


@lru_cache(maxsize=4096)
def full_name(name: str, text: str) -> str:
    """The one full name the article writes a one-word name in ("Salvador Valdes Mesa"
    for "Mesa", "ANTHONY ALBANESE" for "Albanese"), or the name itself when it writes
    none or several. Titles, styles and countries before the name are no part of it
    ("Vice President Mesa", "Republic of Cuba Salvador Valdes Mesa")."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _PARTICLES:
        # a name cut after its particle ("Ursula von der"): the word the text writes next
        ends = {m.group(1) for m in re.finditer(rf"{re.escape(name)}\s+([A-Z][\w'’-]+)", text)}
        return f"{name} {ends.pop()}" if len(ends) == 1 else name
    if len(words) != 1 or len(name) < 3:
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


def _told_elsewhere(text: str, country: str) -> bool:
    """Whether the story's opening names countries, none of them ``country`` (the
    country of the site that printed it)."""
    named = countries_named_in(text[:600])
    return bool(named) and country not in named


def anchor_candidates(
    article: Article, facts: list[Fact], tense_of: dict[int, str]
) -> list[Anchor]:
    """The ways to name an article, best first (see the module's docstring)."""
    date = article.date
    when = format_date(date) if date else None
    out: list[Anchor] = []
    # an undated report at least says where it comes from ("the report from New Zealand"),
    # by its address's country ending; where it comes from may be the answer ("which
    # country did X visit?"), so every anchor is also kept without it, a little less
    # trusted, after all the others
    country = None if date else country_of_address(article.source)
    if country and _told_elsewhere(article.text, country):
        # a Turkish outlet's story from Bangui is no "report from Türkiye"
        country = None
    press = f" from {country}" if country else ""
    plain: list[Anchor] = []

    def add(make: Callable[[str], str], confidence: float, kind: str) -> None:
        """One anchor, written by ``make`` with where the report comes from (or "")."""
        out.append(Anchor(make(press), confidence, kind))
        if press:
            plain.append(Anchor(make(""), confidence * 0.9, kind))

    def titled(text: str) -> Callable[[str], str]:
        """ "According to the report “…” (date)", or "(from New Zealand)" undated."""
        dated = f" ({when})" if when and not has_absolute_date(text) else ""

        def make(place: str) -> str:
            suffix = dated or (f" ({place.strip()})" if place and not when else "")
            return f"According to the report “{text}”{suffix}"

        return make

    heads: list[str] = []

    def headline(text: str, kind: str, confidence: float) -> None:
        text = " ".join(strip_dateline(text).split()).rstrip(".")
        text = re.sub(r"\s+\|\s+[^|]{1,40}$", "", text)  # "… | News": the site's name
        if has_relative_time(text):
            if date is None:
                return
            text = resolve_relative(text, date)
        if len(text.split()) > 16:
            return
        add(titled(text), confidence, kind)
        heads.append(text)

    def about(rest: str, confidence: float, kind: str) -> None:
        """ "According to the report of 6 May 2024 on …", or "from New Zealand on …"."""
        add(
            lambda place: f"According to the report{f' of {when}' if when else place}{rest}",
            confidence,
            kind,
        )

    if article.title:
        headline(article.title, "title", 1.0)
    found = detect_headline(article.text)
    if found and not _byline(found, facts):
        headline(found, "headline", 0.95)
    events = [(f" on {label}", 0.95) for label in event_labels(facts, tense_of, article.text)]
    labels = agreement_labels(facts, article.text)
    deals = [(f" on {label}", 0.9) for label in labels if " between " in label]
    # the story's central fact comes first: a deal told before any visit or meeting
    first_event = min(
        (f.source.start for f in facts if isinstance(f, Visit | Meeting | Trip)), default=None
    )
    first_deal = min(
        (f.source.start for f in facts if isinstance(f, Term | Mediation)), default=None
    )
    if first_deal is not None and (first_event is None or first_deal < first_event):
        events, deals = deals, events
    for rest, confidence in [*events, *deals]:
        about(rest, confidence, "event")
    slug = slug_headline(article.source, article.text)
    if slug:
        headline(slug, "address", 0.85)
    # "the climate deal" says less than the words of the address: it comes after them
    for label in labels:
        if " between " not in label:
            about(f" on {label}", 0.85, "event")
    lede = _lede(article.text, date)
    if lede:
        # no headline and no event to name: the story's opening words say which it is
        about(f" that begins “{lede}…”", 0.75, "lede")
    if when:
        # a dated report reads better than a headline with words cut out of it
        out.append(Anchor(f"According to the report of {when}", 0.9, "date"))
    for head in heads[:1]:
        add(titled(head), 0.8, "masked")
    add(lambda place: f"According to the report{place}", 0.5, "bare")
    return [*out, *plain]


_DAY = re.compile(
    r"\b\d{1,2} (?=(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December) \d{4}\b)"
)


def choose_anchor(candidates: list[Anchor], avoid: tuple[str, ...]) -> Anchor:
    """The first candidate that prints none of the words to avoid (the answer's forms); one
    whose date's day is the answer gives the month and year only, and a headline that
    prints the answer is offered with those words left out ("…"). A number is avoided
    in digits and in words, a country by any of its names."""
    avoid = same_answers(avoid)
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
