"""Questions from facts: multiple choice, short answer, cloze and true/false.

Every question names its article, cites its source sentence with offsets and
has a stable id: a hash of the article id, the fact's identity and the kind.
Prompts carry an anchor (the article's date, or its headline) so a question
stays unambiguous in a bank that holds many articles saying different things.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .model import (
    BLANK,
    KINDS,
    Article,
    Fact,
    Meeting,
    Quantity,
    Question,
    Role,
    Term,
    Trip,
    Visit,
)
from .numbers import (
    format_number,
    number_variants,
    number_word,
    ordinal_suffix,
    ordinal_variants,
    ordinal_word,
)

# Places used as distractors when the bank has too few of its own.
FALLBACK_PLACES = (
    "Argentina",
    "Australia",
    "Brazil",
    "Canada",
    "Chile",
    "China",
    "Denmark",
    "Ethiopia",
    "Finland",
    "France",
    "Germany",
    "Ghana",
    "India",
    "Indonesia",
    "Ireland",
    "Italy",
    "Japan",
    "Kenya",
    "Malaysia",
    "Mexico",
    "Morocco",
    "Nigeria",
    "Norway",
    "Peru",
    "Poland",
    "Portugal",
    "Singapore",
    "South Africa",
    "South Korea",
    "Spain",
    "Sweden",
    "Switzerland",
    "Thailand",
    "Vietnam",
    "Geneva",
    "Vienna",
    "Oslo",
    "Tokyo",
    "Nairobi",
    "Ottawa",
    "Canberra",
    "Lima",
)
FALLBACK_TITLES = (
    "Finance Minister",
    "Interior Minister",
    "Defense Minister",
    "Foreign Minister",
    "Trade Commissioner",
    "UN Special Envoy",
    "Chief of Staff",
    "National Security Adviser",
    "Ambassador to the United Nations",
    "Health Secretary",
    "Energy Secretary",
    "Justice Minister",
    "Prime Minister",
    "President",
    "Speaker of Parliament",
)


@dataclass
class DistractorPool:
    """Names, places and titles seen across the bank, bounded so memory stays flat."""

    limit: int = 400
    persons: deque[str] = field(default_factory=deque)
    places: deque[str] = field(default_factory=deque)
    titles: deque[str] = field(default_factory=deque)

    def add(self, kind: str, values: Iterable[str]) -> None:
        """Remember values of a kind ("persons", "places", "titles")."""
        store: deque[str] = getattr(self, kind)
        for v in values:
            if v and v not in store:
                store.append(v)
                if len(store) > self.limit:
                    store.popleft()

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


@dataclass
class Context:
    """What a generator knows besides the fact: the article, its facts, the pool."""

    article: Article
    facts: Sequence[Fact]
    pool: DistractorPool

    @cached_property
    def anchor(self) -> str:
        """ "According to the report of 4 January 2024" or the report's headline."""
        return anchor_phrase(self.article)

    def people(self) -> list[str]:
        """Everyone the article's facts name."""
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


def anchor_phrase(article: Article) -> str:
    """How a prompt points at its article: by date when known, else by headline."""
    if article.date:
        return f"According to the report of {article.date.day} {article.date:%B %Y}"
    return f"According to the report “{short_headline(article.display_title)}”"


_FUNCTION_WORDS = frozenset(
    "a an the of to in on at for and or but with by from as that which".split()
)


def short_headline(title: str, limit: int = 12) -> str:
    """A headline cut to about ``limit`` words at a clean point."""
    words = title.split()
    if len(words) <= limit + 2:
        return title
    cut = words[:limit]
    for i in range(len(cut) - 1, max(len(cut) - 5, 3), -1):
        if cut[i].endswith((",", ";", ":")):
            cut = cut[: i + 1]
            break
    while len(cut) > 4 and cut[-1].lower().strip(",;:") in _FUNCTION_WORDS:
        cut.pop()
    return " ".join(cut).rstrip(",;:.") + "…"


def question_id(article_id: str, fact: Fact, kind: str) -> str:
    """A stable id from the article, the fact's identity and the kind."""
    key = json.dumps([article_id, _canonical(fact.key()), kind], sort_keys=True, ensure_ascii=True)
    return "q_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _canonical(value: Any) -> Any:
    """A JSON-able, order-independent form of a fact key."""
    if isinstance(value, frozenset | set):
        return sorted(_canonical(v) for v in value)
    if isinstance(value, tuple | list):
        return [_canonical(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# ---- shared pieces -------------------------------------------------------------


@dataclass(frozen=True)
class Parts:
    """What a fact type gives the kinds: a question, its answer and statements."""

    question: str | None
    answer: str
    accepted: tuple[str, ...]
    wrong: tuple[str, ...]
    true_statement: str | None
    false_statement: Callable[[str], str] | None
    mcq_question: str | None = None


def _rng(qid: str) -> random.Random:
    """A random generator seeded by a question id: stable, not predictable by position."""
    return random.Random(int(hashlib.sha1(qid.encode()).hexdigest()[:12], 16))


_SUFFIXES = re.compile(r"^(jr\.?|sr\.?|[ivx]+)$", re.IGNORECASE)


def _name_variants(name: str, text: str = "") -> tuple[str, ...]:
    """Ways to write a person's name a grader should accept: the surname alone too.

    The surname is the last word that is not a suffix ("Tupou VI" -> "Tupou"). With the
    article's ``text``, a name word the article uses on its own counts as well: "Ms Seo"
    for Seo Eun-ji, whose family name comes first.
    """
    parts = [p for p in name.split()]
    while len(parts) > 1 and _SUFFIXES.match(parts[-1]):
        parts.pop()
    out = [name]
    if len(parts) > 1 or parts[0] != name:
        out.append(parts[-1])
        if "-" in parts[-1]:
            out.append(parts[-1].split("-")[-1])
    for i, word in enumerate(parts[:-1]):
        if len(word) < 3 or not word[:1].isupper():
            continue
        alone = rf"\b{re.escape(word)}\b(?!\s+{re.escape(parts[i + 1])})"
        if text and re.search(rf"\b(?:Mr|Ms|Mrs|Dr|Miss)\.?\s+{alone}", text):
            out.append(word)
    return tuple(dict.fromkeys(out))


def _distinct(values: Iterable[str], exclude: Iterable[str], limit: int = 12) -> list[str]:
    """Up to ``limit`` unique values, none equal (case-insensitively) to an excluded one."""
    seen = {e.lower() for e in exclude}
    out: list[str] = []
    for v in values:
        low = v.lower()
        if low in seen:
            continue
        seen.add(low)
        out.append(v)
        if len(out) >= limit:
            break
    return out


def _with_tail(s: str) -> str:
    """End a statement with a full stop."""
    s = s.strip()
    return s if s.endswith((".", "?", "!", "”", '"')) else s + "."


# ---- per fact type ---------------------------------------------------------------


def _trip_parts(f: Trip, ctx: Context) -> Parts:
    digits = bool(f.cue and f.cue.text[:1].isdigit())
    write = ordinal_suffix if digits else ordinal_word
    word = write(f.ordinal)
    noun = f.noun if f.noun in ("trip", "visit", "tour") else "trip"
    where = f" to {f.destination}" if f.destination else ""
    since = f" since {f.since}" if f.since else ""
    verb = "would it be" if f.planned else "was it"
    q = f"{ctx.anchor}, which {noun}{where}{since} {verb} for {f.traveler}?"
    near = [f.ordinal + d for d in (-1, 1, -2, 2, 3, -3, 4) if f.ordinal + d >= 1]
    wrong = tuple(write(n) for n in near)

    def state(ordinal: str) -> str:
        be = "would be" if f.planned else "was"
        return f"{ctx.anchor}, the {noun} {be} {f.traveler}'s {ordinal} {noun}{where}{since}."

    return Parts(
        question=q,
        answer=word,
        accepted=tuple(v for v in ordinal_variants(f.ordinal) if v != word),
        wrong=wrong,
        true_statement=state(word),
        false_statement=state,
    )


def _meeting_parts(f: Meeting, ctx: Context) -> Parts:
    a, b = f.participants[0], f.participants[1]
    partners: set[str] = set()
    for other in ctx.facts:
        if isinstance(other, Meeting) and a in other.participants:
            partners.update(other.participants)
    where = f" in {f.place}" if f.place else ""
    if f.planned:
        q = f"{ctx.anchor}, who was {a} due to meet{where}?"
    else:
        q = f"{ctx.anchor}, who did {a} meet or hold talks with{where}?"
    candidates = [p for p in ctx.people() if p not in partners] + [
        p for p in reversed(ctx.pool.persons) if p not in partners
    ]
    wrong = tuple(_distinct(candidates, [a, b, *partners]))

    def state(person: str) -> str:
        verb = "was due to meet" if f.planned else "met"
        return f"{ctx.anchor}, {a} {verb} {person}{where}."

    return Parts(
        question=q,
        answer=b,
        accepted=_name_variants(b, ctx.article.text),
        wrong=wrong,
        true_statement=state(b),
        false_statement=state,
    )


def _visit_parts(f: Visit, ctx: Context, qid_seed: str) -> Parts:
    rng = _rng(qid_seed)
    answer = f.places[rng.randrange(len(f.places))]
    text = ctx.article.text.lower()
    visited = {p.lower() for v in ctx.facts if isinstance(v, Visit) for p in v.places}
    fallback = list(FALLBACK_PLACES)
    rng.shuffle(fallback)
    candidates = [
        p
        for p in [*reversed(ctx.pool.places), *fallback]
        if p.lower() not in visited and p.lower() not in text
    ]
    wrong = tuple(_distinct(candidates, f.places))
    when = (
        f" {f.when}"
        if f.when and not f.when.lower().startswith(("on ", "in "))
        else (f" {f.when}" if f.when else "")
    )
    many = len(f.places) > 1
    if f.planned:
        ask = "which places were" if many else "where was"
        q = f"{ctx.anchor}, {ask} {f.traveler} due to visit{when}?"
        mcq = f"{ctx.anchor}, which of these places was {f.traveler} due to visit{when}?"
    else:
        q = f"{ctx.anchor}, {'which places did' if many else 'where did'} {f.traveler} visit{when}?"
        mcq = f"{ctx.anchor}, which of these places did {f.traveler} visit{when}?"
    if many:
        q = q.replace("?", "? Name one.")

    def state(place: str) -> str:
        verb = "was due to visit" if f.planned else "visited"
        return f"{ctx.anchor}, {f.traveler} {verb} {place}{when}."

    others = tuple(p for p in f.places if p != answer)
    return Parts(
        question=q,
        answer=answer,
        accepted=(answer, *others, *_place_variants(answer)),
        wrong=wrong,
        true_statement=state(answer),
        false_statement=state,
        mcq_question=mcq,
    )


def _place_variants(place: str) -> tuple[str, ...]:
    """ "the West Bank" is also "West Bank"."""
    if place.lower().startswith("the "):
        return (place[4:],)
    return ()


def _role_parts(f: Role, ctx: Context) -> Parts:
    holders = {r.person for r in ctx.facts if isinstance(r, Role) and _same_title(r.title, f.title)}
    specific = len(f.title.split()) >= 2 or "'s" in f.title
    if specific and len(holders) == 1:
        q = f"{ctx.anchor}, who is {_the(f.title)}?"
        candidates = [p for p in ctx.people() if p not in holders] + list(
            reversed(ctx.pool.persons)
        )
        wrong = tuple(_distinct(candidates, [f.person, *holders]))

        def state(person: str) -> str:
            return f"{ctx.anchor}, {person} is {_the(f.title)}."

        return Parts(
            question=q,
            answer=f.person,
            accepted=_name_variants(f.person, ctx.article.text),
            wrong=wrong,
            true_statement=state(f.person),
            false_statement=state,
        )
    q = f"{ctx.anchor}, what title does {f.person} hold?"
    own = [r.title for r in ctx.facts if isinstance(r, Role) and r.person == f.person]
    candidates = [t for t in [*reversed(ctx.pool.titles), *FALLBACK_TITLES]]
    wrong = tuple(t for t in _distinct(candidates, own) if not any(_same_title(t, o) for o in own))

    def state_title(title: str) -> str:
        return f"{ctx.anchor}, {f.person} is {_the(title)}."

    return Parts(
        question=q,
        answer=f.title,
        accepted=(f.title,),
        wrong=wrong,
        true_statement=state_title(f.title),
        false_statement=state_title,
    )


def _same_title(a: str, b: str) -> bool:
    """Titles that name the same office ("Prime Minister", "Israeli Prime Minister")."""
    x, y = a.lower(), b.lower()
    return x in y or y in x


def _the(title: str) -> str:
    """The title with "the" in front when it needs one."""
    article = _article_for(title)
    return f"{article} {title}" if article else title


def _article_for(title: str) -> str:
    """ "the" before a title, unless it has a possessor ("Joe Biden's top adviser")."""
    return "" if re.search(r"['’]s\b", title) else "the"


def _number_parts(f: Term | Quantity, ctx: Context, qid_seed: str) -> Parts:
    value = f.value if f.value is not None else 0.0
    shown = format_number(value)
    unit = _duration_unit(f)
    words = bool(f.cue and f.cue.text[:1].isalpha())
    sign = _currency_sign(f.cue.text if f.cue else "")

    def display(v: float) -> str:
        if unit:
            return _duration_text(v, unit, words)
        if words and float(v).is_integer() and number_word(int(v)):
            return number_word(int(v)) or format_number(v)
        return sign + format_number(v)

    answer = display(value)
    variants = [shown, *number_variants(value)]
    if unit:
        variants = [f"{shown} {unit}s", f"{shown}-{unit}", *variants]
    if sign:
        variants = [sign + shown, *variants]
    if f.cue:
        variants.append(f.cue.text)
    accepted = tuple(v for v in dict.fromkeys(variants) if v != answer)
    wrong_values = _figure_distractors(value, _rng(qid_seed))
    shown_wrong = {display(w): w for w in wrong_values}
    hedge = f" (the report gives it as “{f.approx} …”)" if f.approx else ""
    q: str | None = None
    if f.ask:
        q = f"{ctx.anchor}, {f.ask[0].lower()}{f.ask[1:]}?{hedge}".replace(" ,", ",")
    elif isinstance(f, Term) and unit and f.agreement:
        q = f"{ctx.anchor}, how long was the {f.agreement} set to last?"
    elif isinstance(f, Term) and f.unit in ("phase", "stage", "step", "point", "part"):
        q = f"{ctx.anchor}, how many {f.unit}s did the {f.agreement} have?"
    cue = f.cue
    mcq_q = q
    if q is None and cue is not None:
        s = f.source.sentence
        rel = cue.start - f.source.start
        blanked = s[:rel] + BLANK + s[rel + len(cue.text) :]
        mcq_q = f"{ctx.anchor}: which figure fills the blank? “{blanked}”"

    def state(figure: str) -> str:
        if cue is None:
            return ""
        number = shown_wrong.get(figure, value)
        s = f.source.sentence
        rel = cue.start - f.source.start
        original = s[rel : rel + len(cue.text)]
        replacement = _swap_number(original, number)
        if replacement is None:
            return ""
        return f"{ctx.anchor}: “{s[:rel]}{replacement}{s[rel + len(cue.text) :]}”"

    return Parts(
        question=q,
        answer=answer,
        accepted=(answer, *accepted),
        wrong=tuple(shown_wrong),
        true_statement=f"{ctx.anchor}: “{f.source.sentence}”" if cue else None,
        false_statement=state if cue else None,
        mcq_question=mcq_q,
    )


def _duration_unit(f: Term | Quantity) -> str | None:
    """ "day" for a four-day ceasefire or "60 days"."""
    unit = f.unit.lower().rstrip("s")
    if unit in ("second", "minute", "hour", "day", "week", "month", "year"):
        return unit
    return None


def _duration_text(value: float, unit: str, words: bool = True) -> str:
    """ "four days" (as "four-day" is written), "72 hours" (as "72-hour" is written)."""
    word = number_word(int(value)) if words and float(value).is_integer() else None
    return f"{word or format_number(value)} {unit}{'' if value == 1 else 's'}"


def _currency_sign(text: str) -> str:
    """The currency sign a figure was written with ("$", "€"), or nothing."""
    m = re.match(r"^\s*((?:US|A|C|HK)?[$€£¥₹₪])", text)
    return m.group(1) if m else ""


_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred|dozen"
)
_NUMBER_IN_TEXT = re.compile(
    r"\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m)\b)?|\b(?:(?:"
    + _NUMBER_WORDS
    + r")(?:[\s-](?:and\s)?)?)+",
    re.IGNORECASE,
)


def _swap_number(original: str, value: float) -> str | None:
    """Write another number where the original one stands, in the same style.

    "four-day" -> "five-day"; "more than 36,600" -> "more than 27,400";
    "$1.5 billion" -> "$750 million"; "two Russian women" -> "three Russian women".
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
        new = word or format_number(value)
        if written[:1].isupper():
            new = new[:1].upper() + new[1:]
    else:
        new = format_number(value)
    return original[: m.start()] + new + trailing + original[m.start() + len(m.group(0)) :]


def _figure_distractors(value: float, rng: random.Random) -> list[float]:
    """Plausible wrong figures: near for small counts, scaled for large ones."""
    if value <= 12 and float(value).is_integer():
        lowest = 2 if value >= 2 else 1  # "two women" never becomes "one women"
        return [value + d for d in (-1, 1, 2, -2, 3, 4, 5) if value + d >= lowest]
    factors = [0.5, 2, 1.5, 0.75, 3, 0.25, 1.25]
    rng.shuffle(factors)
    out: list[float] = []
    for fct in factors:
        w = _round_like(value * fct, value)
        if w != value and w not in out and w > 0:
            out.append(w)
    return out


def _round_like(x: float, like: float) -> float:
    """Round x to about as many significant figures as ``like`` has; whole stays whole."""
    digits = (
        len(re.sub(r"0+$", "", str(int(like)))) if float(like).is_integer() and like >= 1 else 3
    )
    digits = max(1, min(digits, 4))
    if x == 0:
        return 0
    from math import floor, log10

    p = digits - 1 - floor(log10(abs(x)))
    r = round(x, p)
    if float(like).is_integer():
        r = float(max(1, round(r)))
    return float(int(r)) if float(r).is_integer() else r


PARTS_BY_TYPE: dict[str, Callable[[Any, Context, str], Parts]] = {
    "trip": lambda f, c, s: _trip_parts(f, c),
    "meeting": lambda f, c, s: _meeting_parts(f, c),
    "visit": _visit_parts,
    "role": lambda f, c, s: _role_parts(f, c),
    "term": _number_parts,
    "quantity": _number_parts,
}


# ---- kinds -------------------------------------------------------------------------


def _mcq(fact: Fact, parts: Parts, ctx: Context, qid: str) -> Question | None:
    prompt = parts.mcq_question or parts.question
    wrong = _distinct(parts.wrong, parts.accepted)[:3]
    if prompt is None or len(wrong) < 3:
        return None
    choices = [parts.answer, *wrong]
    _rng(qid).shuffle(choices)
    return _question(qid, ctx, fact, "mcq", prompt, parts.answer, (), tuple(choices))


def _short(fact: Fact, parts: Parts, ctx: Context, qid: str) -> Question | None:
    if parts.question is None:
        return None
    accepted = tuple(a for a in dict.fromkeys(parts.accepted) if a != parts.answer)
    return _question(qid, ctx, fact, "short_answer", parts.question, parts.answer, accepted, ())


def _cloze(fact: Fact, parts: Parts, ctx: Context, qid: str) -> Question | None:
    cue = fact.cue
    if cue is None:
        return None
    s = fact.source
    rel = cue.start - s.start
    if rel < 0 or s.sentence[rel : rel + len(cue.text)] != cue.text:
        return None
    blanked = s.sentence[:rel] + BLANK + s.sentence[rel + len(cue.text) :]
    prompt = f"{ctx.anchor}: fill in the blank. “{blanked}”"
    forms = CLOZE_FORMS[fact.type](fact, cue.text)
    accepted = tuple(a for a in dict.fromkeys(forms) if a and a != cue.text)
    return _question(qid, ctx, fact, "cloze", prompt, cue.text, accepted, ())


def _cloze_person(fact: Fact, blanked: str) -> list[str]:
    """A blanked name: the person's full name and surname (only that person's)."""
    people = list(getattr(fact, "participants", ()))
    for person in people:
        if blanked in person or person.split()[-1] in blanked:
            return [*_name_variants(person)]
    return []


def _cloze_place(fact: Fact, blanked: str) -> list[str]:
    """A blanked place: that place with or without "the", never the other places."""
    return (
        [blanked, *_place_variants(blanked), f"the {blanked}"]
        if not blanked.lower().startswith("the ")
        else [blanked, *_place_variants(blanked)]
    )


def _cloze_title(fact: Fact, blanked: str) -> list[str]:
    """A blanked title: as written, and without its possessor ("Mr Biden's adviser")."""
    core = re.sub(r"^.*?['’]s\s+", "", blanked)
    title = getattr(fact, "title", "")
    return [blanked, core, title]


def _cloze_ordinal(fact: Fact, blanked: str) -> list[str]:
    """A blanked ordinal: "fifth", "5th", "5"."""
    return list(ordinal_variants(getattr(fact, "ordinal", 0) or 0))


def _cloze_figure(fact: Fact, blanked: str) -> list[str]:
    """A blanked figure: the number as written and in the other forms of the same value."""
    value = getattr(fact, "value", None)
    if value is None:
        return [blanked]
    forms = [blanked, format_number(value), *number_variants(value)]
    unit = _duration_unit(fact)  # type: ignore[arg-type]
    if unit and "-" in blanked:
        forms += [_duration_text(value, unit), _duration_text(value, unit, words=False)]
    sign = _currency_sign(blanked)
    if sign:
        forms.append(sign + format_number(value))
    return forms


CLOZE_FORMS: dict[str, Callable[[Fact, str], list[str]]] = {
    "trip": _cloze_ordinal,
    "meeting": _cloze_person,
    "visit": _cloze_place,
    "role": _cloze_title,
    "term": _cloze_figure,
    "quantity": _cloze_figure,
}
"""What a cloze accepts, per fact type: only forms of the words it blanks."""


def _true_false(fact: Fact, parts: Parts, ctx: Context, qid: str) -> Question | None:
    if parts.true_statement is None or parts.false_statement is None:
        return None
    wrong = _distinct(parts.wrong, parts.accepted)
    make_false = _rng(qid).random() < 0.5 and bool(wrong)
    if make_false:
        statement = parts.false_statement(wrong[0])
        answer = "False"
    else:
        statement = parts.true_statement
        answer = "True"
    if not statement:
        return None
    prompt = f"True or false? {_with_tail(statement)}"
    return _question(qid, ctx, fact, "true_false", prompt, answer, (), ("True", "False"))


KIND_BUILDERS: dict[str, Callable[[Fact, Parts, Context, str], Question | None]] = {
    "mcq": _mcq,
    "short_answer": _short,
    "cloze": _cloze,
    "true_false": _true_false,
}


def _question(
    qid: str,
    ctx: Context,
    fact: Fact,
    kind: str,
    prompt: str,
    answer: str,
    accepted: tuple[str, ...],
    choices: tuple[str, ...],
) -> Question:
    return Question(
        id=qid,
        article=ctx.article.id,
        kind=kind,
        prompt=" ".join(prompt.split()),
        answer=answer,
        accepted=accepted,
        choices=choices,
        fact=fact.to_dict(),
        source=fact.source,
    )


def _plain(text: str) -> str:
    """Lower case, plain quotes and hyphens, no thousands separators, single spaces."""
    text = text.lower().translate(str.maketrans("‘’“”‑–—-", "''\"\"    "))
    text = re.sub(r"(?<=\d)[,.](?=\d{3}\b)", "", text)
    return " ".join(text.split())


def _stated_by_sentence(parts: Parts, fact: Fact) -> bool:
    """The answer, in some accepted form, is written in the source sentence."""
    sentence = _plain(fact.source.sentence)
    forms = [parts.answer, *parts.accepted]
    if any(_plain(f) and _plain(f) in sentence for f in forms):
        return True
    # a person named by another part of the name: "Ms Seo" is Seo Eun-ji (family name
    # first); a pronoun ("she") still does not count
    people = {
        getattr(fact, "person", None),
        getattr(fact, "traveler", None),
        *getattr(fact, "participants", ()),
    }
    if parts.answer in people:
        words = set(re.findall(r"\w+", sentence))
        return any(
            w[:1].isupper() and len(w) >= 3 and w.lower() in words
            for w in re.split(r"[\s-]+", parts.answer)
        )
    return False


def generate_questions(
    article: Article,
    facts: Sequence[Fact],
    pool: DistractorPool | None = None,
    kinds: Sequence[str] = KINDS,
) -> Iterator[Question]:
    """Questions of the given kinds for each fact of an article.

    ``pool`` supplies distractors from the rest of the bank; the article's own
    facts are added to it first.
    """
    pool = pool if pool is not None else DistractorPool()
    pool.add_facts(facts)
    ctx = Context(article=article, facts=facts, pool=pool)
    for fact in facts:
        make_parts = PARTS_BY_TYPE.get(fact.type)
        if make_parts is None:
            continue
        seed = question_id(article.id, fact, "parts")
        parts = make_parts(fact, ctx, seed)
        if not _stated_by_sentence(parts, fact):
            continue  # never ask what the cited sentence does not say
        for kind in kinds:
            qid = question_id(article.id, fact, kind)
            q = KIND_BUILDERS[kind](fact, parts, ctx, qid)
            if q is not None:
                yield q
