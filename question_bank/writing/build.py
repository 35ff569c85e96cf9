"""Drafts of questions, one builder per fact type: wording, answer, forms, choices.

A draft is a question before the article-wide checks of :mod:`.filters`: it carries its
template and slots (the anchor is chosen last, so that it never prints the answer), the
forms a grader accepts, its choices and a confidence from the checks behind it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from lemminflect import getInflection, getLemma

from ..forms import (
    held_before,
    joined_places,
    name_forms,
    offices_overlap,
    place_forms,
    same_place,
    title_forms,
    titles_match,
)
from ..gazetteer import (
    countries_in_title,
    countries_named_in,
    country_of_address,
    country_of_capital,
    country_of_word,
    is_country,
)
from ..lexicon import (
    COURTESY_STYLES,
    HONORIFICS,
    NAME_LIKE_STYLES,
    ORGANISATION_NOUNS,
    ROYAL_STYLES,
    SIGNING_TOPICS,
    TITLE_HEADS,
    TITLE_INITIALS,
)
from ..model import (
    BLANK,
    Article,
    Cue,
    Deadline,
    Fact,
    Invitation,
    Mediation,
    Meeting,
    Occasion,
    Quantity,
    Role,
    Signing,
    Term,
    Trip,
    Visit,
)
from ..numbers import (
    format_number,
    number_variants,
    number_word,
    ordinal_suffix,
    ordinal_variants,
    ordinal_word,
    parse_amount,
    parse_ordinal,
)
from .anchors import (
    Anchor,
    anchor_candidates,
    choose_anchor,
    country_before,
    display,
    full_name,
    trip_noun,
)
from .distractors import (
    FALLBACK_TITLES,
    DistractorPool,
    figure_distractors,
    looks_like_name,
    pick,
    seeded,
    title_rank,
)
from .places import (
    KIND_PLURALS,
    KIND_WORDS,
    contains_or_within,
    country_of_city,
    country_of_city_name,
    peers,
    place_kind,
    with_the,
)
from .templates import Template, template
from .text import (
    contains,
    date_forms,
    dated_forms,
    has_relative_time,
    is_boilerplate,
    mentions_any,
    moved_dates,
    quote_for_prompt,
    resolve_relative,
    trim_around,
    when_phrase,
)

_CANCELLED = re.compile(
    r"\b(?:cancel(?:l)?ed|cancel(?:l)?ing|called off|calls off|postponed|scrapped|"
    r"shelved|abandoned)\b",
    re.IGNORECASE,
)


@dataclass
class Draft:
    """A question before the article-wide checks."""

    fact: Fact
    kind: str
    template: Template
    slots: dict[str, str]
    answer: str
    accepted: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    """Words the anchor must not print: the answer's forms, or a statement's detail."""
    confidence: float = 1.0
    title_question: bool = False
    quoted: bool = False
    """A true/false statement that prints its source sentence."""
    blanked: bool = False
    """A cloze or multiple choice that blanks a word of its source sentence."""
    fallback: bool = False
    """Asked only when no other question of its fact survives the checks."""
    key_forms: tuple[str, ...] = ()
    """The forms of the key itself, when the prompt accepts other right answers too."""
    prompt: str = ""
    anchor: Anchor | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """The key and the accepted forms."""
        return (self.answer, *self.accepted)


_TOPICS = frozenset(
    "trade security defence defense health energy finance culture education tourism "
    "commerce agriculture sport sports business media science climate peace justice".split()
)
_TOPIC_ENDINGS = re.compile(r"(?:ics|ism|ology|ment|ness|tion|sion|ship|ity|acy)$")
"""A field or a topic, never a place visited ("Politics", "Diplomacy", "Development")."""


@dataclass
class Context:
    """What the builders know besides the fact: the article, all its facts, the pool."""

    article: Article
    facts: list[Fact]
    pool: DistractorPool

    @property
    def date(self) -> dt.date | None:
        """The article's date, or None."""
        return self.article.date

    @cached_property
    def tense_of(self) -> dict[int, str]:
        """Each fact's tense: "done", "planned" or "cancelled" (by the fact's sentence)."""
        out: dict[int, str] = {}
        for f in self.facts:
            if _CANCELLED.search(f.source.sentence) and isinstance(f, Visit | Meeting | Trip):
                out[id(f)] = "cancelled"
            else:
                out[id(f)] = "planned" if f.planned else "done"
        return out

    def tense(self, fact: Fact) -> str:
        """The tense of one fact."""
        return self.tense_of.get(id(fact), "planned" if fact.planned else "done")

    @cached_property
    def anchors(self) -> list[Anchor]:
        """The ways to name this article, best first."""
        return anchor_candidates(self.article, self.facts, self.tense_of)

    @cached_property
    def sentences(self) -> list[str]:
        """The article's sentences (roughly: split after . ! ? and at line ends)."""
        parts = re.split(
            r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[A-Z“\"'])|\n+", self.article.text
        )
        return [p for p in parts if p.strip()]

    def forms_of(self, person: str) -> tuple[str, ...]:
        """Every form of a person's name the article supports (of the full name too, when
        the facts name them by one word: see :meth:`full_name`)."""
        full = self.full_name(person)
        if full == person:
            return _cached_forms(self, person)
        if full.startswith(person + " "):
            return _cached_forms(self, full)  # a name cut short ("Ursula von der") is no form
        return tuple(dict.fromkeys([*_cached_forms(self, full), *_cached_forms(self, person)]))

    @cached_property
    def named(self) -> set[str]:
        """The people the facts name, as named and in full."""
        return {*self.people, *(self.full_name(p) for p in self.people)}

    @cached_property
    def signings_closed(self) -> bool:
        """Whether the article names every subject of the agreements it signs (see
        :func:`_signings_closed`), read once per article."""
        return _signings_closed(self)

    def shared_words(self, name: str, also_right: Iterable[str] = ()) -> set[str]:
        """The words of everyone else's name: one of them typed alone names nobody for
        sure ("Obiang" with Obiang Lima and President Obiang Nguema in the story). People
        who are right answers too ("Kiir" when Salva Kiir is also right) do not count."""
        right = {name, *also_right}
        return {
            w.lower()
            for other in self.people
            if other not in right and self.full_name(other) not in right
            for w in other.replace("-", " ").split()
        }

    def full_name(self, person: str) -> str:
        """The full name the article gives a person the facts name by one word."""
        return display(full_name(person, self.article.text))

    def show(self, person: str) -> str:
        """A person's name as a prompt prints it: in full, in ordinary case."""
        return display(person, self.article.text)

    def with_person(self, person: str) -> list[str]:
        """The sentences that name a person (by a form of the name)."""
        forms = [f for f in self.forms_of(person) if len(f) >= 3]
        return [s for s in self.sentences if any(_word_in(f, s) for f in forms)]

    @cached_property
    def people(self) -> list[str]:
        """Everyone the article's facts name, in order."""
        out: list[str] = []
        for f in self.facts:
            names: Iterable[str] = ()
            if isinstance(f, Meeting):
                names = f.participants
            elif isinstance(f, Visit | Trip):
                names = (f.traveler,)
            elif isinstance(f, Role):
                names = (f.person,)
            for n in names:
                if n not in out:
                    out.append(n)
        return out

    @cached_property
    def roles(self) -> list[Role]:
        """The article's role facts."""
        return [f for f in self.facts if isinstance(f, Role)]

    def rank_of(self, person: str) -> str | None:
        """A person's title rank from the article, else from the bank."""
        for r in self.roles:
            if r.person == person:
                return title_rank(r.title)
        return self.pool.ranks.get(person)

    def partners(self, person: str) -> set[str]:
        """Everyone the article says a person met."""
        out: set[str] = set()
        for f in self.facts:
            if isinstance(f, Meeting) and person in f.participants:
                out.update(p for p in f.participants if p != person)
        return out

    def kind_of(self, place: str) -> str:
        """A place's kind, as :func:`place_kind` says, except that a "city" whose country
        the article never names may be another place of that name ("Goa", a state of
        India, is also a town elsewhere): it is then only a place."""
        kind = place_kind(place)
        if kind != "city":
            return kind
        home = country_of_city_name(place)
        text = self.article.text
        named = home is not None and any(_word_in(x, text) for x in place_forms(home))
        if not named and country_of_capital(place) is None:
            return "place"
        return kind

    def country_of(self, person: str) -> str | None:
        """The one country a person's titles in the article name ("Spanish Prime
        Minister": Spain), or None."""
        found = {c for r in self.roles if r.person == person for c in countries_in_title(r.title)}
        return found.pop() if len(found) == 1 else None

    def host_country(self, person: str) -> str | None:
        """The country of a visit where the person, who holds a leader's title naming no
        country, met the visitor: "Çelik visited Guinea-Bissau … was received by President
        X" makes X Guinea-Bissau's president. Only when the visitor's stops are all in that
        one country and the meeting was not placed elsewhere."""
        if not any(
            w in _LEADER_WORDS
            for r in self.roles
            if r.person == person
            for w in r.title.lower().split()
        ):
            return None
        found: set[str] = set()
        for f in self.facts:
            if not isinstance(f, Meeting) or person not in f.participants:
                continue
            for visitor in f.participants:
                if visitor == person:
                    continue
                # the stops whose country is known ("the IPKF Memorial" says none)
                stops = {c for p in self.visited(visitor) if (c := _country_of_place(p))}
                placed = _country_of_place(f.place) if f.place else None
                if placed is not None and placed in stops and _HOST_WORDS.search(f.source.sentence):
                    # "In Côte d'Ivoire, he will be hosted by President X": a tour's stop,
                    # the meeting placed there by a host's verb
                    stops = {placed}
                if len(stops) != 1:
                    continue
                country = stops.pop()
                if f.place and _country_of_place(f.place) not in (None, country):
                    continue
                # the sentence must put the meeting there: a host's verb ("was received
                # by"), or the place itself ("arrived in La Paz to meet President X"); "a
                # talk with the Prime Minister before leaving for China" is at home
                there = "|".join(re.escape(p) for p in self.visited(visitor))
                sentence = f.source.sentence
                if not (
                    _HOST_WORDS.search(sentence)
                    or (
                        there
                        and re.search(rf"\b(?:in|at|visit(?:ed|ing)?)\s+(?:{there})\b", sentence)
                    )
                ):
                    continue
                own_stops = {_country_of_place(p) for p in self.visited(person)}
                if country is not None and country != self.country_of(visitor):
                    if country in own_stops:
                        continue  # "looked forward to meeting at the forum in Fiji": both go
                    found.add(country)
        return found.pop() if len(found) == 1 else None

    def visited(self, traveler: str, tense: str | None = None) -> list[str]:
        """Every place the article says a traveller visits (in one tense, if given)."""
        out: list[str] = []
        for f in self.facts:
            if isinstance(f, Visit) and f.traveler == traveler and tense in (None, self.tense(f)):
                out.extend(
                    p for p in f.places if p not in out and _is_place_word(p) and self.placed(p)
                )
        return out

    def placed(self, place: str) -> bool:
        """Whether a place the gazetteer does not know may be one: not a field or a topic
        read as a place ("Politics", "Security", "Development")."""
        if self.kind_of(place) != "place":
            return True
        bare = re.sub(r"^the\s+", "", place, flags=re.IGNORECASE)
        return not (
            len(bare.split()) == 1
            and (bare.lower() in _TOPICS or _TOPIC_ENDINGS.search(bare.lower()) is not None)
        )

    @cached_property
    def figures(self) -> set[float]:
        """Every figure the article's facts give."""
        return {
            float(f.value)
            for f in self.facts
            if isinstance(f, Term | Quantity) and f.value is not None
        }


@lru_cache(maxsize=2048)
def _forms_in(person: str, text: str) -> tuple[str, ...]:
    """A person's name forms in one article's text, kept (keyed by the text itself, never
    by an object's id, which a later article may reuse)."""
    return name_forms(person, text)


def _cached_forms(ctx: Context, person: str) -> tuple[str, ...]:
    return _forms_in(person, ctx.article.text)


def _word_in(needle: str, haystack: str) -> bool:
    """Whole-word, case-sensitive containment."""
    return needle in haystack and _whole_word(needle).search(haystack) is not None


@lru_cache(maxsize=8192)
def _whole_word(needle: str) -> re.Pattern[str]:
    """A compiled whole-word pattern for a needle."""
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")


def _mcq(
    f: Fact,
    tpl: Template,
    slots: dict[str, str],
    key: str,
    wrong: Sequence[str],
    *,
    avoid: tuple[str, ...],
    confidence: float,
    title_question: bool = False,
) -> Draft:
    """A multiple-choice draft: the key first among its choices, the shuffle comes later."""
    return Draft(
        f,
        "mcq",
        tpl,
        slots,
        key,
        (),
        (key, *wrong),
        avoid=avoid,
        confidence=confidence,
        title_question=title_question,
    )


# How often a statement that could be made false is kept true. Below one half, because
# some facts have nothing to swap in and are always stated true: over a bank, about as
# many statements end up false as true, and "True" is no safe guess.
TRUE_SHARE = 0.35


def _statement(
    f: Fact,
    tpl: Template,
    slots: dict[str, str],
    truth: bool,
    *,
    avoid: tuple[str, ...],
    confidence: float,
    title_question: bool = False,
    quoted: bool = False,
) -> Draft:
    """A true/false draft: the statement's slots say it, ``truth`` keys it."""
    return Draft(
        f,
        "true_false",
        tpl,
        slots,
        "True" if truth else "False",
        (),
        ("True", "False"),
        avoid=avoid,
        confidence=confidence,
        title_question=title_question,
        quoted=quoted,
    )


def _seed_key(tag: str, ctx: Context, f: Fact) -> str:
    """A seed for a fact's random choices that is the same on every run (a fact's key may
    hold a set, whose order changes with Python's hash seed)."""
    from .generate import question_id

    return f"{tag}:{question_id(ctx.article.id, f, tag)}"


def possessive(name: str) -> str:
    """ "Kamikawa Yoko's", "Abbas'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


# ---- cloze ---------------------------------------------------------------------------


def cloze(
    fact: Fact,
    ctx: Context,
    start: int,
    text: str,
    accepted: Iterable[str],
    confidence: float,
    kind: str = "cloze",
    tpl: Template | None = None,
    choices: tuple[str, ...] = (),
) -> Draft | None:
    """A draft that blanks ``text`` at offset ``start`` of the fact's sentence."""
    s = fact.source.sentence
    rel = start - fact.source.start
    if rel < 0 or s[rel : rel + len(text)] != text:
        return None
    # a longer accepted form the sentence prints around the key ("Salvador Valdes Mesa"
    # around "Mesa"): blank it all, or the rest of the answer stays printed
    for form in sorted(accepted, key=len, reverse=True):
        at = form.find(text) if len(form) > len(text) else -1
        if (
            at >= 0
            and rel >= at
            and s[rel - at : rel - at + len(form)] == form
            and _name_words_only(form[:at] + " " + form[at + len(text) :])
        ):
            rel, text = rel - at, form
            break
    blanked = s[:rel] + BLANK + s[rel + len(text) :]
    quote = quote_for_prompt(blanked, ctx.date, fact.planned)
    at = quote.find(BLANK)
    if at < 0:
        return None
    forms = tuple(a for a in dict.fromkeys(accepted) if a and a != text)
    # the key again, or its figure in another form ("90-day" for "90 days"); a name's
    # part may be someone else's ("Al Nahyan"), so names are cut only whole
    low = quote.lower()
    figures = [
        f
        for f in forms
        if f.lower() in low and (parse_ordinal(f) is not None or parse_amount(f) is not None)
    ]
    quote = _without_repeats(quote, (text, *figures))
    t = tpl or template("any", "cloze", "any", "blank")
    # "U.S. President _____", "the Ukrainian president, _____": a head of state or
    # government named right after the office is general knowledge; such a blank stands
    # in only when the fact has nothing else, and never for the office itself (a role)
    leader = bool(_LEADER_BEFORE.search(s[:rel]))
    if leader and isinstance(fact, Role):
        return None
    return Draft(
        fact,
        kind,
        t,
        {"quote": quote},
        text,
        forms if kind == "cloze" else (),
        choices,
        avoid=(text, *forms),
        confidence=t.confidence * confidence * (0.8 if leader else 1.0),
        blanked=True,
        fallback=leader,
    )


def _name_words_only(words: str) -> bool:
    """Whether the words are parts of a name ("Salvador Valdes"), not a title or style
    ("President")."""
    parts = words.split()
    return bool(parts) and all(
        w[:1].isupper() and w.lower().strip(".,") not in _NOT_NAME_WORDS for w in parts
    )


_NOT_NAME_WORDS = HONORIFICS | TITLE_HEADS | NAME_LIKE_STYLES | COURTESY_STYLES | ROYAL_STYLES


def _without_repeats(quote: str, forms: Sequence[str]) -> str:
    """The quote cut at a clause break so that it does not print its blank's answer a
    second time ("his _____ official visit …, which was also the first visit by a
    Chinese premier" keeps only the clause with the blank); as it was when no break
    lies between the two."""
    at = quote.find(BLANK)
    end = at + len(BLANK)
    low = quote.lower()
    if at < 0 or not any(f and f.lower() in low for f in forms):
        return quote  # most quotes print none of the forms: no pattern to build
    words = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True) if f)
    for m in re.finditer(rf"(?<!\w)(?:{words})(?!\w)", quote, re.IGNORECASE):
        if m.start() >= end:
            breaks = [b.start() for b in _CLAUSE_BREAK.finditer(quote, end, m.start())]
            if breaks:
                quote = quote[: breaks[0]].rstrip(" ,;") + "…"
            break
        if m.end() <= at:
            breaks = [b.end() for b in _CLAUSE_BREAK.finditer(quote, m.end(), at)]
            if breaks:
                cut = breaks[-1]
                quote = "…" + quote[cut:].lstrip()
                return _without_repeats(quote, forms)
    return quote


_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[—–-]\s+")


_LEADER_BEFORE = re.compile(
    r"(?<!vice )(?<!vice-)(?<!deputy )\b(?:president|prime\s+minister|premier|chancellor|"
    r"king|queen|emir|sultan)(?:\s*,)?\s*$",
    re.IGNORECASE,
)


# ---- trips -----------------------------------------------------------------------------


def trip_drafts(f: Trip, ctx: Context) -> list[Draft]:
    """Which trip it is: question, choices, statement, cloze."""
    tense = ctx.tense(f)
    digits = bool(f.cue and f.cue.text[:1].isdigit())
    write = ordinal_suffix if digits else ordinal_word
    word = write(f.ordinal)
    accepted = tuple(v for v in ordinal_variants(f.ordinal) if v != word)
    noun = trip_noun(f)
    dest = f.destination or ""
    if dest and place_kind(dest) == "vague" and dest.lower() != "the region":
        # "his second visit to the country": the country the traveller was last said to
        # visit, up to this sentence
        dest = country_before(ctx.facts, f) or ""
    since = f.since or ""
    sentence = f.source.sentence
    garbled = bool(since) and (
        re.search(rf"\bsince\b[^.;]{{0,40}}{re.escape(since)}", sentence, re.IGNORECASE) is None
        or has_relative_time(since)
        or re.match(r"^(?:earlier|later|this|last|ago)\b", since, re.IGNORECASE) is not None
    )
    out: list[Draft] = []
    c = 1.0 if f.cue else 0.9
    if f.cue:
        d = cloze(f, ctx, f.cue.start, f.cue.text, (f.cue.text, *ordinal_variants(f.ordinal)), c)
        if d:
            out.append(d)
    window = re.search(
        r"\b(?:(?:in|within|over)\s+(?:less\s+than\s+|more\s+than\s+|the\s+(?:last|past)\s+)?"
        r"(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)"
        r"|(?:so\s+far\s+)?this\s+(?:year|month|week))\b",  # "his second to Australia this year"
        sentence[sentence.lower().find(word.lower()) :] if word.lower() in sentence.lower() else "",
        re.IGNORECASE,
    )
    if garbled or (window and not since):
        # "since earlier this year" lost its event; "her second trip in less than 15 days",
        # "his second to Australia this year" count within a window the question would
        # drop: only the sentence says it
        return out
    others = [
        g for g in ctx.facts if isinstance(g, Trip) and g.traveler == f.traveler and g is not f
    ]
    if not dest and not since and others:
        return out  # "which trip was it?" has several right answers: only the sentence asks
    in_sentence = {
        n for n in (parse_ordinal(w) for w in re.findall(r"[\w-]+", sentence)) if n is not None
    }
    wrong = [write(n) for n in (f.ordinal + d for d in (1, -1, 2, -2, 3, 4)) if n >= 1]
    wrong = [w for w in wrong if parse_ordinal(w) not in in_sentence]
    slots = {
        "noun": noun,
        "to": f" to {with_the(dest)}" if dest else "",
        "since": f" since {since}" if since else "",
        "traveler": ctx.show(f.traveler),
        "traveler_poss": possessive(ctx.show(f.traveler)),
    }
    q = template("trip", "question", tense, "which")
    avoid = (word, *accepted)
    out.append(
        Draft(f, "short_answer", q, slots, word, accepted, avoid=avoid, confidence=q.confidence * c)
    )
    if len(wrong) >= 3:
        choices = (word, *wrong[:3])
        out.append(
            Draft(f, "mcq", q, slots, word, (), choices, avoid=avoid, confidence=q.confidence * c)
        )
    st = template("trip", "statement", tense, "ordinal")
    truth = seeded(_seed_key("tf", ctx, f)).random() < TRUE_SHARE or not wrong
    ordinal = word if truth else wrong[0]
    out.append(
        _statement(
            f,
            st,
            {**slots, "ordinal": ordinal},
            truth,
            avoid=(word, ordinal),
            confidence=st.confidence * c,
        )
    )
    return out


# ---- occasions -------------------------------------------------------------------------


def occasion_drafts(f: Occasion, ctx: Context) -> list[Draft]:
    """Which one of a series it was ("the _____ exchange mediated by the UAE"): a cloze on
    the ordinal, and the same blank with neighbouring ordinals to choose from."""
    if f.cue is None:
        return []
    digits = f.cue.text[:1].isdigit()
    write = ordinal_suffix if digits else ordinal_word
    accepted = (f.cue.text, *ordinal_variants(f.ordinal))
    out: list[Draft] = []
    d = cloze(f, ctx, f.cue.start, f.cue.text, accepted, 0.9)
    if d:
        out.append(d)
    sentence = f.source.sentence
    in_sentence = {
        n for n in (parse_ordinal(w) for w in re.findall(r"[\w-]+", sentence)) if n is not None
    }
    wrong = [write(n) for n in (f.ordinal + k for k in (1, 2, -1, 3, -2, 4)) if n >= 1]
    wrong = [w for w in wrong if parse_ordinal(w) not in in_sentence][:3]
    out += _blank_choice(f, ctx, wrong, accepted, template("number", "choice", "any", "blank"))
    return out


def _blank_choice(
    f: Fact, ctx: Context, wrong: Sequence[str], forms: Sequence[str], tpl: Template
) -> list[Draft]:
    """The cue's blank offered among three wrong answers (none when fewer are left); the
    anchor avoids every form of the answer."""
    if f.cue is None or len(wrong) < 3:
        return []
    d = cloze(
        f,
        ctx,
        f.cue.start,
        f.cue.text,
        (),
        0.9,
        kind="mcq",
        tpl=tpl,
        choices=(f.cue.text, *wrong[:3]),
    )
    if d is None:
        return []
    d.avoid = tuple(forms)
    return [d]


# ---- meetings --------------------------------------------------------------------------


def _people_distractors(
    ctx: Context, person: str, exclude: set[str], key: str
) -> tuple[list[str], float]:
    """People who are certainly not the answer: from the article (never named in a sentence
    with ``person``), then from the bank, of the key's rank first."""
    together = " ".join(ctx.with_person(person))
    # a head of government meets a head of government: without a title of the key's
    # own, the rank is the asker's
    rank = ctx.rank_of(key) or ctx.rank_of(person)
    # whoever met someone the person met was at the same talks or summit: they may have
    # met the person too, so they are no certain wrong answer
    attendees = {q for p in ctx.partners(person) for q in ctx.partners(p)}
    local = [
        p
        for p in ctx.people
        if p not in exclude
        and p != person
        and p not in attendees
        and looks_like_name(p)
        and not any(len(x) >= 3 and _word_in(x, together) for x in ctx.forms_of(p))
    ]
    pooled = [
        p
        for p in reversed(ctx.pool.persons)
        if p not in ctx.people and p not in exclude and looks_like_name(p)
    ]
    # from another article, only a peer of the key's rank, and only one: teachers find
    # strangers from other stories implausible choices
    pooled = [p for p in pooled if rank and ctx.pool.ranks.get(p) == rank][:1]
    if rank:
        local.sort(key=lambda p: ctx.rank_of(p) != rank)
    chosen = pick([*local, *pooled], [key, person, *exclude])
    from_bank = sum(1 for c in chosen if c not in local)
    return chosen, 1.0 - 0.04 * from_bank


def meeting_drafts(f: Meeting, ctx: Context) -> list[Draft]:
    """Who met whom: question, choices, statement, cloze."""
    tense = ctx.tense(f)
    a, b = f.participants[0], f.participants[1]
    # ask from the side whose only partner is the other: the prompt then has one answer
    if len(ctx.partners(a)) > 1 and len(ctx.partners(b)) == 1:
        a, b = b, a
    # and from the guest's side when a meeting place is the host's own country ("who did
    # Sánchez meet in Spain?" reads as if he were visiting)
    home = _country_of_place(f.place) if f.place else None
    if home and ctx.country_of(a) == home and ctx.country_of(b) != home:
        a, b = b, a
    partners = ctx.partners(a) | {b}
    slots = {
        "asker": ctx.show(a),
        "other": ctx.show(b),
        "where": f" in {f.place}" if f.place and not mentions_any(f.place, ctx.forms_of(b)) else "",
        "when": (" " + w) if (w := when_phrase(f.when, ctx.date, f.planned)) else "",
    }
    # every right answer is accepted; asked "in Berlin" or "on 4 May", only those met
    # there and then are right (Sánchez, met in Spain, is no answer for Berlin)
    right = {
        p
        for g in ctx.facts
        if isinstance(g, Meeting)
        and a in g.participants
        # "who was X due to meet?": someone X has already met in the story is right too
        and (ctx.tense(g) == tense or (tense, ctx.tense(g)) == ("planned", "done"))
        and (not slots["where"] or g.place == f.place)
        and (not slots["when"] or g.when == f.when)
        for p in g.participants
        if p != a
    } | {b}
    accepted = tuple(dict.fromkeys(x for p in [b, *sorted(right - {b})] for x in ctx.forms_of(p)))
    if len(right) == 1:
        accepted = (*accepted, *_offices_naming(ctx, b))  # "the Sultan of Oman"
    key = ctx.full_name(b)  # "Anthony Albanese" for an article's "ALBANESE"
    accepted = tuple(x for x in accepted if x != key)
    conf = 0.85 if a.upper() == a or b.upper() == b else 1.0
    out: list[Draft] = []
    if f.cue:
        person = next((p for p in f.participants if f.cue.text in ctx.forms_of(p)), None)
        if person is not None:
            d = cloze(f, ctx, f.cue.start, f.cue.text, ctx.forms_of(person), conf)
            if d:
                out.append(d)
    q = template("meeting", "question", tense, "who")
    avoid = (b, *ctx.forms_of(b))
    out.append(
        Draft(
            f,
            "short_answer",
            q,
            slots,
            key,
            accepted,
            avoid=avoid,
            confidence=q.confidence * conf,
            key_forms=ctx.forms_of(b),
        )
    )
    wrong, wconf = _people_distractors(ctx, a, partners, b)
    wrong = [ctx.full_name(w) for w in wrong]
    if len(wrong) >= 3:
        ch = template("meeting", "choice", tense, "which")
        out.append(
            _mcq(
                f,
                ch,
                slots,
                key,
                wrong,
                avoid=avoid,
                confidence=ch.confidence * conf * wconf,
            )
        )
    # A false statement changes where they met to a place the article rules out; a
    # stranger swapped in for the person met is only unmentioned, not false.
    st = template("meeting", "statement", tense, "met")
    elsewhere = _false_meeting_place(ctx, f) if slots["where"] else None
    truth = seeded(_seed_key("tf", ctx, f)).random() < TRUE_SHARE or elsewhere is None
    where = slots["where"] if truth else f" in {with_the(elsewhere or '')}"
    out.append(
        _statement(
            f,
            st,
            {**slots, "where": where},
            truth,
            avoid=(*ctx.forms_of(b), *([] if truth else [elsewhere or "", f.place or ""])),
            confidence=st.confidence * conf,
        )
    )
    return out


def _offices_naming(ctx: Context, person: str) -> list[str]:
    """A person's offices that name a country and no one else of the article holds ("the
    Sultan of Oman", "Chinese President"): a student may answer "who?" with them."""
    own = [r for r in ctx.roles if r.person == person]
    forms = [
        t
        for r in own
        for t in (r.title, *_title_with_country(ctx, r))
        if countries_in_title(t) and not t.lower().startswith(("former", "then"))
    ]
    others = [r.title for r in ctx.roles if r.person != person]
    return [
        t
        for t in dict.fromkeys(forms)
        if not any(titles_match(t, o) or titles_match(o, t) for o in others)
    ]


def _country_of_place(place: str) -> str | None:
    """The country a meeting place is in (itself, for a country), or None."""
    if place_kind(place) == "country":
        return country_of_word(place)
    return country_of_city_name(place)


def _false_meeting_place(ctx: Context, f: Meeting) -> str | None:
    """A place of the meeting place's kind that the article never names, near it (a
    meeting in Berlin becomes one in Vienna), or None."""
    if not f.place:
        return None
    kind = place_kind(f.place)
    if kind not in ("country", "city"):
        return None
    text = ctx.article.text
    if kind == "city":
        # a city's country must be the article's, or the name may be another town's
        home = country_of_city_name(f.place)
        if home is None or not any(_word_in(x, text) for x in place_forms(home)):
            return None
    for p in peers(f.place, kind)[:12]:
        if kind == "city" and country_of_city(p) != country_of_city(f.place):
            continue  # another city of the same country: Berlin becomes Hamburg
        if not any(_word_in(x, text) for x in place_forms(p)) and not contains_or_within(
            p, f.place
        ):
            return p
    return None


# ---- visits ----------------------------------------------------------------------------


def _place_distractors(ctx: Context, f: Visit, key: str, kind: str) -> tuple[list[str], float]:
    """Places of the key's kind that the traveller certainly did not visit."""
    visited = ctx.visited(f.traveler)
    with_traveler = " ".join(ctx.with_person(f.traveler))
    text = ctx.article.text

    def fine(p: str) -> bool:
        return (
            place_kind(p) == kind
            and not any(contains_or_within(p, v) for v in visited)
            and not any(_word_in(x, with_traveler) for x in place_forms(p))
        )

    local = [
        p
        for g in ctx.facts
        if isinstance(g, Visit) and g.traveler != f.traveler
        for p in g.places
        if fine(p)
    ]
    rng = seeded(f"places:{ctx.article.id}:{key}")
    near = [
        p
        for p in peers(key, kind)[:25]
        if fine(p) and not any(_word_in(x, text) for x in place_forms(p))
    ][:8]
    rng.shuffle(near)  # the nearest eight, in an order the key's position does not tell
    chosen = pick(dict.fromkeys([*local, *near]), [key, *visited])
    return chosen, 1.0


def _country_written_after(place: str, text: str) -> str | None:
    """The country the text names right after a place and a comma ("Goa, India"), as the
    text writes it, or None."""
    if f"{place}," not in text:
        return None
    m = re.search(rf"\b{re.escape(place)},\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})", text)
    if m is None:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        if is_country(name):
            return name
    return None


def visit_drafts(f: Visit, ctx: Context) -> list[Draft]:
    """Who went where: question, choices, statement, cloze."""
    tense = ctx.tense(f)
    kinds = {p: ctx.kind_of(p) for p in f.places}
    good = [
        p
        for p in f.places
        if kinds[p] in ("country", "city", "region", "place")
        and _is_place_word(p)
        and ctx.placed(p)
    ]
    if not good:
        return []
    rng = seeded(_seed_key("visit", ctx, f))
    # a country or a city is the key before a region ("Africa" for a tour of four countries)
    firm = (
        [p for p in good if kinds[p] in ("country", "city")]
        or [p for p in good if kinds[p] != "place"]
        or good
    )
    answer = firm[rng.randrange(len(firm))]
    kind = kinds[answer]
    visited = ctx.visited(f.traveler, tense)
    if tense == "planned":
        # "which city was X due to visit?": where the story has X already is right too
        # ("arrived in Oslo … will later fly to Berlin"); not the other way round
        visited += [p for p in ctx.visited(f.traveler, "done") if p not in visited]
    when = when_phrase(f.when, ctx.date, f.planned)
    right = visited if not when else [p for p in good if p in visited or p == answer]
    # "Riyadh" and "Saudi Arabia" are one stop: a country whose city is listed is no other
    distinct = [
        p
        for p in right
        if not any(
            q != p
            and (
                ((kinds.get(q) or place_kind(q)) == "city" and contains_or_within(q, p))
                or _country_written_after(q, ctx.article.text) == p  # "Goa, India"
            )
            for q in right
        )
    ]
    if answer not in distinct and all(contains_or_within(p, answer) for p in distinct):
        distinct = [answer]  # "which country?": Pakistan, where both cities lie
    many = len(distinct) > 1
    what = KIND_WORDS.get(kind, "place")
    if many:
        kinds_all = {kinds.get(p) or place_kind(p) for p in distinct}
        what = KIND_PLURALS.get(kinds_all.pop(), "places") if len(kinds_all) == 1 else "places"
    cities = what in (KIND_WORDS.get("city"), KIND_PLURALS.get("city"))
    # asked for a city, a country is no answer ("which cities ...? Name one." is not
    # answered "Pakistan")
    accepted_places = [
        answer,
        *[p for p in right if p != answer and not (cities and ctx.kind_of(p) == "country")],
    ]
    if not cities:
        # "which places (countries) did X visit?": Poland is right when he went to Warsaw
        accepted_places += [
            c
            for p in accepted_places
            if kinds.get(p, ctx.kind_of(p)) == "city"
            and (c := country_of_city_name(p))
            and c not in accepted_places
        ]
        # "On my way to Goa, India": the country the article writes after a place is right
        # when a place is asked, and so is the place with it
        for p in list(accepted_places):
            country = _country_written_after(p, ctx.article.text)
            if country:
                accepted_places += [
                    c for c in (country, f"{p}, {country}") if c not in accepted_places
                ]
    accepted = tuple(
        dict.fromkeys(
            x
            for p in [*accepted_places, *joined_places(f.places, ctx.article.text)]
            for x in place_forms(p)
        )
    )
    accepted = tuple(x for x in accepted if x != answer)
    slots = {
        "traveler": ctx.show(f.traveler),
        "what": what,
        "whats": KIND_PLURALS.get(kind, "places"),
        "when": f" {when}" if when else "",
        "name_one": " Name one." if many else "",
        "place": answer,
    }
    conf = 1.0 if kind != "place" else 0.8
    out: list[Draft] = []
    if f.cue:
        blank = f.cue.text
        forms = [blank, *place_forms(blank)]
        d = cloze(f, ctx, f.cue.start, blank, forms, conf)
        if d:
            out.append(d)
    avoid = tuple(dict.fromkeys(x for p in visited for x in place_forms(p)))
    q = template("visit", "question", tense, "name_one" if many else "which")
    own = tuple(x for p in f.places for x in place_forms(p))
    out.append(
        Draft(
            f,
            "short_answer",
            q,
            slots,
            answer,
            accepted,
            avoid=avoid,
            confidence=q.confidence * conf,
            key_forms=own,
        )
    )
    wrong: list[str] = []
    if kind in ("country", "city", "region"):
        wrong, wconf = _place_distractors(ctx, f, answer, kind)
        if len(wrong) >= 3:
            ch = template("visit", "choice", tense, "which")
            out.append(
                _mcq(
                    f,
                    ch,
                    slots,
                    answer,
                    wrong,
                    avoid=avoid,
                    confidence=ch.confidence * conf * wconf,
                )
            )
    st = template("visit", "statement", tense, "visited")
    # "X visited Pakistan" may be true of another trip: a false statement is bound to
    # the day the article gives; a visit that gives none gets no statement (one that
    # could only ever be true would tell students the answer)
    bound = bool(when) and re.search(r"\d", when) is not None and when.startswith("on ")
    if not bound:
        return out
    truth = seeded(_seed_key("tf", ctx, f)).random() < TRUE_SHARE or not wrong
    place = answer if truth else wrong[0]
    out.append(
        _statement(
            f,
            st,
            {**slots, "place": with_the(place)},
            truth,
            avoid=(*avoid, place),
            confidence=st.confidence * conf,
        )
    )
    return out


def _is_place_word(p: str) -> bool:
    """A place name, not a title word or a lower-case word read as one."""
    bare = re.sub(r"^the\s+", "", p, flags=re.IGNORECASE)
    return (
        bare[:1].isupper()
        and bare.lower() not in TITLE_HEADS
        and bare.split()[-1].lower() not in ORGANISATION_NOUNS  # "Office", "Ministry"
        and not bare.lower().startswith(("president", "minister", "secretary"))
    )


# ---- roles -----------------------------------------------------------------------------

_QUALIFIED = re.compile(
    r"['’]s\b|\b(?:of|for)\s+(?:the\s+)?[A-Z]|^(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?:an|ian|ese|ish|i|ch)\b"
)


_TITLE_WORDS_BEFORE = frozenset(
    "visiting former acting the then outgoing incoming new late us u.s. uk eu un".split()
)
_TITLE_OPENERS = frozenset(
    "foreign deputy vice chief senior special top acting interim former prime state "
    "government defense defence finance trade national general executive managing".split()
)


def _the(title: str) -> str:
    """The title with "the" in front, unless it has a possessor ("Joe Biden's adviser");
    one held before takes "a" ("a former Prime Minister": there may be others)."""
    if re.search(r"['’]s\b", title):
        return title
    return f"a {title}" if held_before(title) else f"the {title}"


def role_drafts(f: Role, ctx: Context) -> list[Draft]:
    """Who holds which title: a "who was" question when the title says whose it is and one
    person holds it, else "what position did X hold"; statement; cloze of the name. An
    office written as initials ("PM") is asked in full, the initials accepted."""
    full = TITLE_INITIALS.get(f.title.lower())
    if full:
        f = replace(f, title=full)
    holders = {
        r.person
        for r in ctx.roles
        if titles_match(r.title, f.title) or titles_match(f.title, r.title)
    }
    qualified = bool(_QUALIFIED.search(f.title)) and len(f.title.split()) >= 2
    rank = title_rank(f.title)
    conf = 0.8 if rank == "head" else 1.0
    if f.person.upper() == f.person:
        conf *= 0.8
    person_forms = ctx.forms_of(f.person)
    t_forms = (*title_forms(f.title), *_monarch_with_country(ctx, f), *_title_with_country(ctx, f))
    out: list[Draft] = []
    # cloze: blank the person's name beside the title
    sentence = f.source.sentence
    bare = [x for x in person_forms if x.split()[0] in f.person.split()]
    written = [x for x in bare if len(x) >= 3 and _word_in(x, sentence)]
    if written:
        name = max(written, key=len)
        at = sentence.find(name)
        if f.cue:
            near = [m.start() for m in re.finditer(re.escape(name), sentence)]
            rel = f.cue.start - f.source.start
            at = min(near, key=lambda i: abs(i - rel))
        d = cloze(f, ctx, f.source.start + at, name, person_forms, conf)
        if d:
            d.title_question = True
            d.avoid = (*d.avoid, *t_forms)
            out.append(d)
    head = rank == "head"
    first = f.title.split()[0]
    garbled = first[:1].islower() and first.lower() not in _TITLE_OPENERS
    # "Deputy Minister of": a title cut before its office is no key
    garbled = garbled or f.title.split()[-1].lower() in _TITLE_LINKS - _TITLE_OPENERS
    if f.cue is not None and f.cue.text == f.title:
        # "Electronics For Imaging CEO": a title cut out of a longer name is no key
        before = f.source.sentence[: f.cue.start - f.source.start].split()
        if before and before[-1][:1].isupper() and before[-1].lower() not in _TITLE_WORDS_BEFORE:
            garbled = garbled or (len(before) > 1 and not before[-2].endswith((".", ":", '"', "”")))
    # a head's title is general knowledge and a cut title is no key: their questions
    # stand in only when the name cloze does not survive the checks
    spare = garbled or (head and bool(out))
    if qualified and holders == {f.person} and not head:
        slots = {"the_title": _the(f.title), "person": ctx.show(f.person)}
        q = template("role", "question", "any", "who")
        avoid = (*person_forms,)
        out.append(
            Draft(
                f,
                "short_answer",
                q,
                slots,
                ctx.full_name(f.person),
                tuple(x for x in person_forms if x != ctx.full_name(f.person)),
                avoid=avoid,
                confidence=q.confidence * conf,
                title_question=True,
            )
        )
        wrong = [ctx.full_name(p) for p in _people_for_title(ctx, f) if p not in holders]
        chosen = pick(wrong, [ctx.full_name(f.person)])
        if len(chosen) >= 3 and not head:
            ch = template("role", "choice", "any", "who")
            out.append(
                _mcq(
                    f,
                    ch,
                    slots,
                    ctx.full_name(f.person),
                    chosen,
                    avoid=avoid,
                    confidence=ch.confidence * conf * 0.95,
                    title_question=True,
                )
            )
    else:
        slots = {"person": ctx.show(f.person), "the_title": _the(f.title)}
        q = template("role", "question", "any", "position")
        avoid = (*t_forms, *person_forms)
        out.append(
            Draft(
                f,
                "short_answer",
                q,
                slots,
                f.title,
                tuple(x for x in t_forms if x != f.title),
                avoid=avoid,
                confidence=q.confidence * conf,
                title_question=True,
            )
        )
        own = [r.title for r in ctx.roles if r.person == f.person]
        titles = _titles_of_rank(ctx, rank, own)
        if len(titles) >= 3 and not head:
            ch = template("role", "choice", "any", "position")
            out.append(
                _mcq(
                    f,
                    ch,
                    slots,
                    f.title,
                    titles[:3],
                    avoid=avoid,
                    confidence=ch.confidence * conf * 0.9,
                    title_question=True,
                )
            )
    if spare:
        for d in out[1:]:
            d.fallback = True
    if head or garbled:
        return [d for d in out if d.kind != "mcq"]
    # statement: swap the person for someone of the same rank, or keep it true
    st = template("role", "statement", "any", "was")
    truth = seeded(_seed_key("tf", ctx, f)).random() < TRUE_SHARE
    person = f.person
    if not truth:
        # someone of the same article, and a head of state or government only for a
        # head's title: "Vladimir Putin was the UK Foreign Secretary" is false in a way no
        # student needs the article for, and a stranger from another story is only
        # unmentioned
        others = [
            p
            for p in _people_for_title(ctx, f)
            if p not in holders
            and p in ctx.people
            and (head or "counterpart" in f.title.lower() or ctx.rank_of(p) != "head")
        ]
        others = [
            p
            for p in others
            # "First Deputy President" is a deputy president: no false "was the Deputy
            # President" for them
            if not any(offices_overlap(r.title, f.title) for r in ctx.roles if r.person == p)
            and not any(len(x) >= 3 and _word_in(x, f.title) for x in p.split())
        ]
        chosen = pick(others, [f.person], limit=1)
        if chosen:
            person = chosen[0]
        else:
            truth = True
    # "the Vice President" says whose when the article ties the person to a country:
    # "the Cuban Vice President"
    tied = _title_with_country(ctx, f)  # ["Vice President of Cuba", "Cuban Vice President"]
    shown = tied[-1] if tied else f.title
    out.append(
        _statement(
            f,
            st,
            {"person": ctx.show(person), "the_title": _the(shown)},
            truth,
            avoid=(*person_forms, person),
            confidence=st.confidence * conf,
            title_question=True,
        )
    )
    return out


_MONARCHS = frozenset("king queen emir sultan monarch prince princess crown".split())
_COUNTRY_WORDS = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")


def _monarch_with_country(ctx: Context, f: Role) -> list[str]:
    """ "King of Bhutan" and "Bhutanese King" for a "King" whose country the title leaves
    out, when the sentences that name the monarch (and the one before the first of them)
    name one country only: a student may well write the title with it."""
    words = f.title.lower().split()
    if not words or not set(words) <= _MONARCHS | {"the"} or countries_in_title(f.title):
        return []
    near = ctx.with_person(f.person)
    found = _countries_named(near)
    if near and not found:
        # "He will also call on King X.": the sentence before says where
        at = ctx.sentences.index(near[0])
        found = _countries_named(ctx.sentences[max(0, at - 1) : at])
    if len(found) != 1:
        return []
    country, word = next(iter(found.items()))
    out = [f"{f.title} of {country}"]
    if word and word != country:
        out.append(f"{word} {f.title}")
    return out


def _title_with_country(ctx: Context, f: Role) -> list[str]:
    """ "Prime Minister of Fiji" and "Fijian Prime Minister" for a "Prime Minister" whose
    country the title leaves out, when the article ties the person to one country: another
    title of theirs names it, or the article writes the title with a country beside the
    name ("X, Prime Minister of Fiji", "Fiji's Prime Minister X", "Fijian Prime Minister
    X"). The country of a sentence around the name is no tie: a visitor's sentences name
    the host."""
    words = f.title.lower().split()
    if not words or set(words) <= _MONARCHS | {"the"} or countries_in_title(f.title):
        return []
    if not any(w in TITLE_HEADS for w in words) or re.search(r"['’]s\b|\b(?:to|of|for)\b", f.title):
        return []
    found = {c for c in [ctx.country_of(f.person)] if c}
    found |= _countries_beside(ctx.article.text, f.title, ctx.forms_of(f.person))
    if not found:
        found = {c for c in [ctx.host_country(f.person)] if c}
    if not found and f.title.lower() in _DOMESTIC_HEADS:
        # a New Zealand site's story about "Prime Minister Jacinda Ardern" that names no
        # country at all: the site's own country's prime minister
        press = country_of_address(ctx.article.source)
        if press and not countries_named_in(ctx.article.text) - {press}:
            found = {press}
    if len(found) != 1:
        return []
    country = found.pop()
    the = (
        "the "
        if re.match(
            r"(?:United|Republic|Democratic|Kingdom|Netherlands|Philippines|Gambia)\b", country
        )
        else ""
    )
    out = [f"{f.title} of {the}{country}"]
    # "Fijian", "South Sudanese": the article's own word for the country's people
    for word in _capitalised_runs(ctx.article.text):
        if (
            word != country
            and country_of_word(word) == country
            and word.endswith(("an", "ese", "i", "ish", "ch"))
        ):
            out.append(f"{word} {f.title}")
            break
    return out


_DOMESTIC_HEADS = frozenset({"prime minister", "president", "premier", "chancellor"})
"""Offices a national outlet names without the country when they are its own."""


@lru_cache(maxsize=64)
def _capitalised_runs(text: str) -> tuple[str, ...]:
    """A text's capitalised words and runs of two, two-word runs first: where to look for
    its word for a country's people ("South Sudanese", "Fijian"), read once per article."""
    words = re.findall(r"\b[A-Z][a-z]{3,}\b", text)
    words += re.findall(r"\b(?=([A-Z][a-z]+ [A-Z][a-z]{3,}))\b", text)
    return tuple(sorted(set(words), key=lambda w: (-len(w.split()), w)))


_COUNTRY_RUN = r"(?P<c>[A-Za-z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,2})"


def _countries_beside(text: str, title: str, names: Sequence[str]) -> set[str]:
    """The countries the text writes with a title right beside a person's name, in any
    case ("SITIVENI RABUKA, PRIME MINISTER OF FIJI")."""
    patterns = _beside_patterns(title)
    found: set[str] = set()
    for name in (n for n in names if len(n) >= 3):
        for window in _windows_around(text, name):
            for pattern in patterns:
                for m in pattern.finditer(window):
                    country = _country_in_run(m.group("c"))
                    if country:
                        found.add(country)
    return found


_NAME_MARK = "\x00"
"""Stands for the person's name in a window of text (see :func:`_windows_around`)."""


@lru_cache(maxsize=256)
def _beside_patterns(title: str) -> tuple[re.Pattern[str], ...]:
    """The shapes of "NAME, TITLE of COUNTRY" and the like, compiled once per title."""
    spaced = r"\s+".join(re.escape(w) for w in title.split())
    who = re.escape(_NAME_MARK)
    return tuple(
        re.compile(p, re.IGNORECASE)
        for p in (
            rf"{who},?\s+(?:the\s+)?{spaced}\s+of\s+(?:the\s+)?{_COUNTRY_RUN}",
            rf"{spaced}\s+of\s+(?:the\s+)?{_COUNTRY_RUN},?\s+{who}",
            rf"(?P<c>[A-Za-z][\w.]*)(?:['’]s)?\s+{spaced},?\s+{who}",
            rf"{who},\s+(?P<c>[A-Za-z][\w.]*)(?:['’]s)?\s+{spaced}\b",
            # "Prime Minister Nuno Gomes Nabiam of Guinea-Bissau"
            rf"{spaced}\s+{who}\s+of\s+(?:the\s+)?{_COUNTRY_RUN}",
            # "his South Sudanese counterpart President Salva Kiir": a counterpart holds
            # the office in the country the adjective names
            rf"(?:his|her|their)\s+{_COUNTRY_RUN}\s+counterparts?,?\s+{spaced}\s+{who}",
        )
    )


def _windows_around(text: str, name: str, reach: int = 160) -> list[str]:
    """The stretches of ``text`` around each place it writes ``name`` as a whole word (in
    any case), with the name written as :data:`_NAME_MARK`, so that the patterns above
    scan a few lines, not the whole article for every name."""
    low, key = text.lower(), name.lower()
    out: list[str] = []
    at = low.find(key)
    while at != -1:
        end = at + len(key)
        whole = (at == 0 or not (low[at - 1].isalnum() or low[at - 1] in "-_")) and (
            end >= len(low) or not (low[end].isalnum() or low[end] in "-_")
        )
        if whole:
            out.append(text[max(0, at - reach) : at] + _NAME_MARK + text[end : end + reach])
        at = low.find(key, end)
    return out


def _country_in_run(run: str) -> str | None:
    """The country a run of up to three words starts with ("Fiji", "South Korea"), in any
    case, or None."""
    words = run.split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        for form in (phrase, phrase.title()):
            country = country_of_word(form)
            if country:
                return country
    return None


def _countries_named(sentences: Iterable[str]) -> dict[str, str]:
    """The countries some sentences name, each with the word that names it: the country,
    its nationality ("Bhutanese") or its capital ("Nuku'alofa": Tonga)."""
    found: dict[str, str] = {}
    for sentence in sentences:
        for m in _COUNTRY_WORDS.finditer(sentence):
            run = m.group(0)
            for word in (run, *run.split()) if " " in run else (run,):
                country = country_of_word(word)
                if country is not None:
                    found.setdefault(country, word)
                elif (capital_of := country_of_capital(word)) is not None:
                    found.setdefault(capital_of, "")
                else:
                    continue
                if word == run:
                    break
    return found


def _people_for_title(ctx: Context, f: Role) -> list[str]:
    """People of the article with a title of the same rank first, then others from it."""
    rank = title_rank(f.title)
    same = [r.person for r in ctx.roles if r.person != f.person and title_rank(r.title) == rank]
    rest = [p for p in ctx.people if p != f.person and p not in same]
    pooled = [
        p
        for p in reversed(ctx.pool.persons)
        if ctx.pool.ranks.get(p) == rank and p not in ctx.people
    ][:1]  # one stranger from another story at most
    # "Narendra Modi's counterpart": the person the title is relative to is no choice
    return [
        p
        for p in dict.fromkeys([*same, *rest, *pooled])
        if looks_like_name(p) and not _word_in(p, f.title)
    ]


def _titles_of_rank(ctx: Context, rank: str, own: list[str]) -> list[str]:
    """Titles of a rank that none of ``own`` matches: the article's first, then the bank's,
    then common ones."""
    found = [r.title for r in ctx.roles if title_rank(r.title) == rank]
    pooled = [t for t in list(reversed(ctx.pool.titles))[:60] if title_rank(t) == rank]
    # "Afghan Defense Minister" is no plausible wrong position for a "Foreign Minister"
    # of another story: a choice names no country the key's titles do not
    countries = {c for o in own for c in countries_in_title(o)}
    out: list[str] = []
    for t in [*found, *pooled, *FALLBACK_TITLES[rank]]:
        if not _plain_title(t) or any(offices_overlap(t, o) for o in [*own, *out]):
            continue
        if not countries_in_title(t) <= countries:
            continue
        out.append(t)
    return out


def _plain_title(title: str) -> bool:
    """A title fit to be a choice: a few words, each a capitalised name or office word, a
    title word or a linking word ("ambassador to Switzerland", not "currently the principal
    officer at the consulate" nor "career diplomat"); no initials."""
    parts = title.replace("'s", "").replace("’s", "").split()
    if not 1 <= len(parts) <= 6 or title.lower() in TITLE_INITIALS:
        return False
    if not any(p.lower() in TITLE_HEADS for p in parts):
        return False
    return all(
        p[:1].isupper() or p.lower() in TITLE_HEADS or p.lower() in _TITLE_LINKS for p in parts
    )


_TITLE_LINKS = frozenset("of for to the and on in at".split()) | _TITLE_OPENERS


# ---- figures ---------------------------------------------------------------------------

_DURATIONS = ("second", "minute", "hour", "day", "week", "month", "year")
_ASK = re.compile(
    r"^how (?:many|much) [\w\s'’,-]+? (?:did|does|do|will|would|was|were|is|are|has|have|had|"
    r"can|could|should|might|must|may)\b[\w\s'’,-]*$",
    re.IGNORECASE,
)


def _duration_unit(f: Term | Quantity) -> str | None:
    """ "day" for a four-day ceasefire or "60 days"."""
    unit = f.unit.lower().rstrip("s")
    return unit if unit in _DURATIONS else None


def _figure_kind(f: Term | Quantity) -> str:
    """ "percent", "duration", "money" or "count"."""
    text = f"{f.unit} {f.cue.text if f.cue else ''}".lower()
    if "percent" in text or "%" in text or "per cent" in text:
        return "percent"
    if _duration_unit(f):
        return "duration"
    if re.search(r"[$€£¥₹₪]|dollar|euro|pound|yuan|rupee|yen", text):
        return "money"
    return "count"


def _currency_sign(text: str) -> str:
    """The currency sign a figure was written with ("$", "€"), or nothing."""
    m = re.match(r"^\s*((?:US|A|C|HK)?[$€£¥₹₪])", text)
    return m.group(1) if m else ""


def _duration_text(value: float, unit: str, words: bool = True) -> str:
    """ "four days" (as "four-day" is written), "72 hours"."""
    word = number_word(int(value)) if words and float(value).is_integer() else None
    return f"{word or format_number(value)} {unit}{'' if value == 1 else 's'}"


_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred|dozen"
)
_NUMBER_IN_TEXT = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)"  # "70 000": thousands set off by spaces
    r"|\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m)\b)?|\b(?:(?:"
    + _NUMBER_WORDS
    + r")(?:[\s-](?:and\s)?)?)+(?:(?:million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def swap_number(original: str, value: float) -> str | None:
    """Write another number where the original one stands, in the same style.

    "four-day" -> "five-day"; "more than 36,600" -> "more than 27,400"; "$1.5 billion" ->
    "$750 million"; "two Russian women" -> "three Russian women".
    """
    m = _NUMBER_IN_TEXT.search(original)
    if m is None:
        return None
    written = m.group(0)
    trailing = ""
    if written.endswith(("-", " ")):
        trailing = written[len(written.rstrip(" -")) :]
        written = written.rstrip(" -")
    if written[:1].isalpha():
        word = number_word(int(value)) if float(value).is_integer() else None
        for size, scale in _SCALES:
            # "two billion" -> "three billion", never "3 billion billion"
            small = value / size
            if word is None and float(small).is_integer() and number_word(int(small)):
                word = f"{number_word(int(small))} {scale}"
                break
        new = word or format_number(value)
        if written[:1].isupper():
            new = new[:1].upper() + new[1:]
    else:
        new = format_number(value)
        cents = re.search(r"\d\.(\d\d)$", written)
        if cents:
            new = f"{value:,.2f}"  # "£13.20" becomes "£19.80", not "£19.8"
        if re.search(r"\d,\d{3}", written) and float(value).is_integer() and value < 1e6:
            new = f"{int(value):,}"
        spaced = re.search(r"\d([ \u00a0\u202f])\d{3}", written)
        if spaced and float(value).is_integer():
            new = f"{int(value):,}".replace(",", spaced.group(1))  # the article's own style
    rest = original[m.start() + len(m.group(0)) :]
    if value == 1 and not trailing.strip():
        # "two days" -> "one day", never "one days"
        rest = _PLURAL_UNIT.sub(lambda u: u.group(1) + u.group(2), trailing + rest, count=1)
        trailing = ""
    return original[: m.start()] + new + trailing + rest


_PLURAL_UNIT = re.compile(r"^(\s+)(day|week|month|year|hour|minute|round|time)s\b")


def _lasts(f: Term, sentence: str, cue_rel: int, cue_len: int) -> bool:
    """Whether the sentence says the agreement itself lasts the figure: "a four-day truce",
    "a truce of four days", "the ceasefire will last 60 days"."""
    agreement = re.escape(f.agreement.lower())
    after = sentence[cue_rel + cue_len : cue_rel + cue_len + 30].lower()
    before = sentence[max(0, cue_rel - 50) : cue_rel].lower()
    if re.match(rf"^[\s-]*(?:\w+[\s-]+)?{agreement}\b", after):
        return True
    return (
        re.search(rf"\b{agreement}\b[^,.;]{{0,25}}\b(?:of|lasting|last|lasts|for)\s*$", before)
        is not None
    )


def number_drafts(f: Term | Quantity, ctx: Context) -> list[Draft]:
    """A figure: a question when the sentence tells what it counts, choices, a blank, a
    statement that quotes the sentence (true, or with another figure)."""
    if f.value is None or f.cue is None:
        return []
    value = float(f.value)
    cue = f.cue
    trimmed = cue.text.rstrip("'’\"”,;:. ")
    if trimmed != cue.text and trimmed:
        cue = Cue(trimmed, cue.start, cue.start + len(trimmed))  # "eight hours'" -> "eight hours"
    sentence = f.source.sentence
    rel = cue.start - f.source.start
    kind = _figure_kind(f)
    unit = _duration_unit(f)
    words = cue.text[:1].isalpha()
    sign = _currency_sign(cue.text)
    rng = seeded(_seed_key(f"figure:{cue.start}", ctx, f))
    in_sentence = set()
    for m in _NUMBER_IN_TEXT.finditer(sentence):
        a = parse_amount(m.group(0))
        if a is not None:
            in_sentence.add(float(a.value))
    wrong_values = figure_distractors(
        value, kind, rng, avoid={*ctx.figures, *in_sentence} - {value}
    )

    def display(v: float) -> str:
        if unit:
            return _duration_text(v, unit, words)
        if kind == "percent":
            return f"{format_number(v)}%"
        if words and float(v).is_integer() and number_word(int(v)):
            return number_word(int(v)) or format_number(v)
        return sign + format_number(v)

    shown = format_number(value)
    variants = [display(value), shown, *number_variants(value), cue.text]
    if unit:
        variants += [f"{shown} {unit}s", f"{shown}-{unit}", _duration_text(value, unit, False)]
    if sign:
        variants.append(sign + shown)
    if kind == "percent":
        variants += [f"{shown}%", f"{shown} percent", f"{shown} per cent"]
    out: list[Draft] = []
    conf = 0.95 if f.approx else 1.0
    month = (
        r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    )
    around = sentence[max(0, rel - 12) : rel + len(cue.text) + 14]
    is_day = re.search(rf"{month}\s*$", sentence[max(0, rel - 12) : rel]) or re.match(
        rf"^\s*(?:[–-]\s*\d{{1,2}}\s+)?{month}\b", sentence[rel + len(cue.text) :]
    )
    # cloze
    d = cloze(f, ctx, cue.start, cue.text, variants, conf * (0.5 if is_day else 1.0))
    if d:
        out.append(d)
    if is_day or not around:
        return out  # a day of a month is a date, not a figure to drill
    # a question that says what the figure counts
    question: tuple[Template, dict[str, str]] | None = None
    ask = (f.ask or "").strip().rstrip("?")
    # "how many inaugurations are also scheduled": "also" points back into the article
    ask = re.sub(r"\s+(?:also|too|as well)\b", "", ask, flags=re.IGNORECASE)
    # "due to be signed on Thursday": a date when the report has one, else nothing
    ask = resolve_relative(ask, ctx.date, f.planned)
    ask = re.sub(
        r"\b(The|A|An|This|That|These|Those|Its|Their|His|Her)\b",
        lambda m: m.group(1).lower(),
        ask[:1].lower() + ask[1:],
    )
    if ask and _ASK.match(ask):
        tpl = template("number", "question", "any", "ask")
        question = (tpl, {"ask": ask, "roughly": "roughly " if f.approx else ""})
    elif isinstance(f, Term) and unit and _lasts(f, sentence, rel, len(cue.text)):
        tpl = template("number", "question", "any", "lasting")
        question = (tpl, {"agreement": f.agreement})
    elif (
        isinstance(f, Term)
        and f.unit in ("phase", "stage", "step", "part")
        and re.search(rf"{re.escape(cue.text)}[\s-]*{f.unit}", sentence)
        and f.agreement.lower() in sentence.lower()
    ):
        tpl = template("number", "question", "any", "parts")
        question = (tpl, {"units": f.unit + "s", "agreement": f.agreement})
    answer = display(value)
    accepted = tuple(v for v in dict.fromkeys(variants) if v != answer)
    if question is not None:
        tpl, slots = question
        out.append(
            Draft(
                f,
                "short_answer",
                tpl,
                slots,
                answer,
                accepted,
                avoid=(answer, *accepted),
                confidence=tpl.confidence * conf,
            )
        )
        shown_wrong = list(dict.fromkeys(display(w) for w in wrong_values if display(w) != answer))
        if len(shown_wrong) >= 3:
            out.append(
                _mcq(
                    f,
                    tpl,
                    slots,
                    answer,
                    shown_wrong[:3],
                    avoid=(answer, *accepted),
                    confidence=tpl.confidence * conf,
                )
            )
    else:
        swapped = [
            s for s in (swap_number(cue.text, w) for w in wrong_values) if s and s != cue.text
        ]
        swapped = list(dict.fromkeys(swapped))
        if len(swapped) >= 3:
            tpl = template("number", "choice", "any", "blank")
            d = cloze(
                f,
                ctx,
                cue.start,
                cue.text,
                (),
                conf,
                kind="mcq",
                tpl=tpl,
                choices=(cue.text, *swapped[:3]),
            )
            if d:
                d.avoid = (cue.text, *accepted)
                out.append(d)
    # statement: the sentence, true or with another figure
    st = template("number", "statement", "any", "quote")
    truth = rng.random() < TRUE_SHARE
    s = sentence
    if not truth:
        replacement = next((swap_number(cue.text, w) for w in wrong_values), None)
        if replacement is None:
            truth = True
        else:
            s = sentence[:rel] + replacement + sentence[rel + len(cue.text) :]
    quote = quote_for_prompt(s, ctx.date, f.planned)
    if len(quote.split()) <= 45:
        out.append(
            _statement(
                f,
                st,
                {"quote": quote},
                truth,
                avoid=(cue.text,),
                confidence=st.confidence * conf,
                quoted=True,
            )
        )
    return out


# ---- mediations -------------------------------------------------------------------------


_BODY_WORDS = frozenset("community nations league forum bloc".split())
"""Last words of a body's name besides :data:`ORGANISATION_NOUNS` ("Caribbean Community")."""


_RUN = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|and|for|the|[A-Z][\w'’.-]*))*?"
_MEDIATORS_LIST = re.compile(
    rf"(?P<a>{_RUN})(?:,\s+(?P<b>{_RUN}))*,?\s+and\s+(?P<c>{_RUN})\s*[—–,-]*\s*"
    r"(?:the|as|both|were|are)?\s*(?:the\s+)?(?:co-?)?mediators\b"
)


def _is_broker(name: str) -> bool:
    """A country, a body ("the Caribbean Community") or a person's name."""
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    last = bare.split()[-1].lower() if bare.split() else ""
    return bool(bare) and (
        place_kind(bare) == "country"
        or last in ORGANISATION_NOUNS | _BODY_WORDS
        or last in {"states", "union", "nations"}
    )


def _co_mediators(ctx: Context, f: Mediation) -> list[str]:
    """The others the article names as mediating beside ``f.mediator``: those joined to it
    in its own sentence ("mediation by the X and the Y"), and those a sentence calls
    mediators ("Qatar and Egypt, the mediators of the proposal"). Each is a right answer to
    "who mediated?", and no choice."""
    out: list[str] = []
    sentence = f.source.sentence
    me = re.escape(re.sub(r"^the\s+", "", f.mediator, flags=re.IGNORECASE))
    for m in re.finditer(
        rf"(?P<x>{_RUN})\s+and\s+(?:the\s+)?{me}\b|\b{me}\s+and\s+(?P<y>{_RUN})(?![\w'-])",
        sentence,
    ):
        other = m.group("x") or m.group("y")
        if other:
            out.append(re.sub(r"^the\s+", "", other))
    for s in ctx.sentences:
        if "mediator" not in s:
            continue
        for m in _MEDIATORS_LIST.finditer(s):
            for part in (m.group("a"), m.group("b"), m.group("c")):
                if part:
                    out.append(re.sub(r"^the\s+", "", part))
    names = [o for o in dict.fromkeys(out) if _is_broker(o)]
    if not any(same_place(n, f.mediator) or n == f.mediator for n in names) and not any(
        f.mediator in o for o in out
    ):
        # a list of mediators that leaves this one out is about another deal
        names = [n for n in names if f.source.sentence.find(n) >= 0]
    return [n for n in names if not same_place(n, f.mediator) and n != f.mediator]


def mediation_drafts(f: Mediation, ctx: Context) -> list[Draft]:
    """Who mediated: question, choices (countries near the mediator that the article never
    names), statement (true, or with such a country swapped in), cloze of the mediator."""
    kind = place_kind(f.mediator)
    body = f.mediator.split()[-1].lower() in ORGANISATION_NOUNS | _BODY_WORDS
    person = not body and kind not in ("country", "city")
    if kind == "country":
        forms = place_forms(f.mediator)
        which, whats = "which country", "countries"
    elif person and looks_like_name(f.mediator):
        forms = ctx.forms_of(f.mediator)
        which, whats = "who", "people"
    else:
        forms = (f.mediator,)
        which, whats = "who", ""
    said_as = f.mediator
    if body and not f.mediator.isupper() and not f.mediator.lower().startswith("the "):
        said_as = f"the {f.mediator}"  # "the African Union mediated the talks"
    slots = {
        "which": which,
        "whats": whats,
        "agreement": f.agreement,
        "mediator": said_as,
        "name_one": "",
    }
    out: list[Draft] = []
    if f.cue:
        d = cloze(f, ctx, f.cue.start, f.cue.text, (f.cue.text, *forms), 1.0)
        if d:
            out.append(d)
    brokers = {g.mediator for g in ctx.facts if isinstance(g, Mediation)}
    brokers |= set(_co_mediators(ctx, f))
    if any(not same_place(b, f.mediator) and b != f.mediator for b in brokers):
        slots["name_one"] = " Name one."
    accepted = tuple(
        dict.fromkeys(
            x
            for m in [f.mediator, *sorted(brokers - {f.mediator})]
            for x in (place_forms(m) if place_kind(m) == "country" else (m,))
        )
    )
    q = template("mediation", "question", "any", "who")
    avoid = tuple(forms)
    out.append(
        Draft(
            f,
            "short_answer",
            q,
            slots,
            f.mediator,
            tuple(x for x in accepted if x != f.mediator),
            avoid=avoid,
            confidence=q.confidence,
            key_forms=tuple(forms),
        )
    )
    text = ctx.article.text
    wrong: list[str] = []
    if kind == "country":
        wrong = [
            p
            for p in peers(f.mediator, "country")[:20]
            if not any(_word_in(x, text) for x in place_forms(p))
        ][:3]
        if len(wrong) == 3:
            ch = template("mediation", "choice", "any", "which")
            out.append(_mcq(f, ch, slots, f.mediator, wrong, avoid=avoid, confidence=ch.confidence))
    st = template("mediation", "statement", "any", "mediated")
    truth = seeded(_seed_key("tf", ctx, f)).random() < TRUE_SHARE or not wrong
    said = f.mediator if truth else wrong[0]
    out.append(
        _statement(
            f,
            st,
            {**slots, "mediator": with_the(said) if kind == "country" else said_as},
            truth,
            avoid=(*avoid, said),
            confidence=st.confidence,
        )
    )
    return out


def deadline_drafts(f: Deadline, ctx: Context) -> list[Draft]:
    """The date by which an agreement has something done: the sentence with the date
    blanked, typed or chosen among other dates (the article's other deadlines first, then
    the date moved by a week or a month, or a year by five)."""
    if f.cue is None:
        return []
    forms = dated_forms(f.date, ctx.date)
    out: list[Draft] = []
    d = cloze(f, ctx, f.cue.start, f.cue.text, forms, 0.9)
    if d:
        out.append(d)
    others = [g.date for g in ctx.facts if isinstance(g, Deadline) and g.date != f.date]
    rng = seeded(_seed_key("deadline", ctx, f))
    wrong = list(dict.fromkeys([*others, *moved_dates(f.date, rng)]))
    wrong = [w for w in wrong if not set(date_forms(w)) & set(forms)][:3]
    out += _blank_choice(f, ctx, wrong, forms, template("deadline", "choice", "any", "blank"))
    return out


_TOPIC_FILLERS = re.compile(
    r"\s*\b(?:cooperation|co-operation|collaboration|partnership|relations)\b\s*", re.I
)
_TOPIC_SYNONYMS = ({"truce", "ceasefire", "cease-fire", "cessation of hostilities"},)


def _topic_forms(topic: str) -> tuple[str, ...]:
    """What a student may type for an agreement's subject: the words without "cooperation"
    ("tourism" for "Tourism Cooperation"), and another name of the same thing ("ceasefire"
    for "truce")."""
    out = [topic]
    bare = " ".join(_TOPIC_FILLERS.sub(" ", topic).split())
    if bare and bare.lower() != topic.lower() and not re.fullmatch(r"(?i)(?:and|in|of|the)", bare):
        out.append(bare)
    for group in _TOPIC_SYNONYMS:
        if topic.lower() in group:
            out.extend(sorted(group - {topic.lower()}))
    # "information technology" for "information technologies": a plural's singular
    for form in out[:2]:
        *head, last = form.split()
        base = (getLemma(last.lower(), upos="NOUN") or (last.lower(),))[0]
        if base != last.lower() and last.lower() in getInflection(base, tag="NNS"):
            out.append(" ".join([*head, base]))  # a plural's singular only
    return tuple(dict.fromkeys(out))


def signing_drafts(f: Signing, ctx: Context) -> list[Draft]:
    """What an agreement signed covers: the sentence with the subject blanked, the subject
    chosen among others governments sign agreements on (none of them named anywhere in the
    article, so none is a second right answer), and a statement, true or with such a
    subject swapped in."""
    out: list[Draft] = []
    same_sentence = [
        g for g in ctx.facts if isinstance(g, Signing) and g.source.start == f.source.start
    ]
    first = min(same_sentence, key=lambda g: g.cue.start if g.cue else 0, default=f)
    if f.cue is not None and first is f:
        # one blank per sentence: the list's other subjects are asked the other ways
        d = cloze(f, ctx, f.cue.start, f.cue.text, _topic_forms(f.topic), 0.85)
        if d:
            out.append(d)
    text = ctx.article.text
    rng = seeded(_seed_key("signing", ctx, f))
    pool = [
        topic
        for topic, words in SIGNING_TOPICS.items()
        if not any(_word_in(w, text) for w in words)
        and not set(topic.split()) & set(f.topic.lower().split())
    ]
    rng.shuffle(pool)
    tense = "planned" if f.planned else "done"
    avoid = (f.topic,)
    if not ctx.signings_closed:
        # "MoUs in fields like education, among others": the article does not name every
        # subject, so no other subject is certainly wrong; only the cloze is asked
        return out
    if len(pool) >= 3:
        ch = template("signing", "choice", tense, "which")
        out.append(_mcq(f, ch, {}, f.topic, pool[:3], avoid=avoid, confidence=ch.confidence))
    if pool:
        st = template("signing", "statement", tense, "signed")
        truth = rng.random() < TRUE_SHARE
        said = f.topic if truth else pool[-1]
        out.append(
            _statement(
                f, st, {"topic": said}, truth, avoid=(*avoid, said), confidence=st.confidence
            )
        )
    return out


_OPEN_LIST = re.compile(
    r"\b(?:like|such as|among others|among them|including|inter alia|etc|several|various|"
    r"a number of|many|some|other|others|series of)\b",
    re.IGNORECASE,
)
"""Words that leave a list of subjects open: what else was signed is not said."""


def _signings_closed(ctx: Context) -> bool:
    """Whether the article names every subject of the agreements it says were signed: no
    sentence of its signings leaves the list open ("in fields like education", "several
    MoUs") or counts more documents than subjects ("seven agreements" on two subjects)."""
    sentences: dict[int, list[Signing]] = {}
    for g in ctx.facts:
        if isinstance(g, Signing):
            sentences.setdefault(g.source.start, []).append(g)
    for group in sentences.values():
        if _OPEN_LIST.search(group[0].source.sentence):
            return False
        count = parse_amount(group[0].agreement.split()[0]) if group[0].agreement else None
        if count is not None and count.value > len(group):
            return False
    return True


def invitation_drafts(f: Invitation, ctx: Context) -> list[Draft]:
    """Who invited a visitor: the question, choices among the article's other people (no
    one from another article: a stranger is no plausible host), and the cloze of the host.
    No statement: a false one would need someone the article says did not invite them."""
    forms = ctx.forms_of(f.host)
    slots = {"guest": ctx.show(f.guest)}
    out: list[Draft] = []
    if f.cue:
        d = cloze(f, ctx, f.cue.start, f.cue.text, (f.cue.text, *forms), 1.0)
        if d:
            out.append(d)
    hosts = {g.host for g in ctx.facts if isinstance(g, Invitation) and g.guest == f.guest}
    q = template("invitation", "question", "any", "who")
    avoid = (*forms, *ctx.forms_of(f.guest))
    accepted = tuple(x for h in sorted(hosts - {f.host}) for x in ctx.forms_of(h))
    out.append(
        Draft(
            f,
            "short_answer",
            q,
            slots,
            ctx.show(f.host),
            tuple(x for x in (*forms, *accepted) if x != ctx.show(f.host)),
            avoid=tuple(forms),
            confidence=q.confidence,
            key_forms=tuple(forms),
        )
    )
    others = [
        ctx.show(p) for p in ctx.people if p not in hosts and p != f.guest and looks_like_name(p)
    ]
    if len(others) >= 3:
        ch = template("invitation", "choice", "any", "which")
        out.append(
            _mcq(f, ch, slots, ctx.show(f.host), others[:3], avoid=avoid, confidence=ch.confidence)
        )
    return out


BUILDERS: dict[str, Callable[[Fact, Context], list[Draft]]] = {
    "trip": trip_drafts,  # type: ignore[dict-item]
    "meeting": meeting_drafts,  # type: ignore[dict-item]
    "visit": visit_drafts,  # type: ignore[dict-item]
    "role": role_drafts,  # type: ignore[dict-item]
    "occasion": occasion_drafts,  # type: ignore[dict-item]
    "term": number_drafts,  # type: ignore[dict-item]
    "quantity": number_drafts,  # type: ignore[dict-item]
    "mediation": mediation_drafts,  # type: ignore[dict-item]
    "deadline": deadline_drafts,  # type: ignore[dict-item]
    "signing": signing_drafts,  # type: ignore[dict-item]
    "invitation": invitation_drafts,  # type: ignore[dict-item]
}
"""One draft builder per fact type."""


def _capital_of_answer(d: Draft) -> tuple[str, ...]:
    """The country whose capital the answer is: an anchor that names it ("on the visit to
    South Korea", asked "… in _____" for Seoul) gives the answer away."""
    if d.kind == "true_false" or not isinstance(d.fact, Visit | Meeting):
        return ()
    country = country_of_capital(d.answer)
    return (country,) if country else ()


PROMPT_WORDS = 55
"""A prompt with a quoted sentence is cut to about this many words."""


def render(d: Draft, ctx: Context) -> Draft:
    """Choose the anchor (one that prints none of the words to avoid) and write the prompt."""
    anchor = choose_anchor(ctx.anchors, (*d.avoid, *_capital_of_answer(d)))
    slots = dict(d.slots)
    quote = slots.get("quote", "")
    at = quote.find(BLANK)
    if at >= 0:
        # the whole prompt stays within about 55 words: the quote is cut at clause ends
        room = PROMPT_WORDS - len(d.template.render(anchor=anchor.text, quote="").split())
        slots["quote"] = trim_around(quote, at, at + len(BLANK), limit=max(12, min(40, room)))
    body = d.template.render(anchor=anchor.text, **slots)
    prompt = f"True or false? {body}" if d.kind == "true_false" else body
    if d.kind == "true_false" and not prompt.endswith((".", "?", "!", "”", '"')):
        prompt += "."
    trust = anchor.confidence
    sentence = d.fact.source.sentence
    if is_boilerplate(sentence):
        trust *= 0.5  # a caption or credit line
    elif not re.search(r"[.!?”\"')’]\s*$", sentence):
        trust *= 0.75  # a headline or a cut sentence
    return replace(d, slots=slots, prompt=prompt, anchor=anchor, confidence=d.confidence * trust)


def stated_by_sentence(d: Draft) -> bool:
    """The key, in one of its own accepted forms, is written in the fact's source sentence.

    The forms are the ones a grader accepts (:func:`question_bank.forms.name_forms` for a
    person), so a sentence never "states" a person by a word the grader would not take.
    """
    if d.kind == "true_false":
        return True
    sentence = d.fact.source.sentence
    if any(contains(sentence, x) for x in (d.key_forms or d.forms)):
        return True
    # "received by his Mexican counterpart" states that the visit was to Mexico
    return isinstance(d.fact, Visit) and states_country(sentence, d.answer)


def states_country(sentence: str, country: str) -> bool:
    """Whether a sentence names a country by its nationality ("Mexican" for Mexico)."""
    return any(country_of_word(w) == country for w in re.findall(r"\b[A-Z][a-z]{3,}\b", sentence))


_HOST_WORDS = re.compile(
    r"\b(?:received|welcomed|hosted|greeted|called on|calls on|courtesy call"
    r"|during (?:his|her|their|the) (?:stay|visit|trip|tour))\b",
    re.IGNORECASE,
)
"""Words of a sentence in which a host meets a visitor ("During his stay, X is to hold
talks with President Y")."""

_LEADER_WORDS = frozenset("president prime premier king queen emir amir sultan chancellor".split())
"""Words of a head of state's or government's title: the host a visitor calls on."""
