"""Grading a student's response to a bank question, leniently and fairly.

``grade(question, response)`` is a pure function: it takes a :class:`Question` or
a bank dict and any string, and returns a :class:`Grade`. It never raises on the
response. One grader per kind is registered in :data:`GRADERS`.

Lenient means: case, accents, punctuation, curly quotes, hyphens, leading articles,
the way a number or an ordinal is written and small misspellings of a name do not
matter. Fair means: a different number, a different ordinal, a different time unit,
a different choice or a response closer to another name the question mentions is
never accepted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from rapidfuzz import distance

from .forms import same_place, titles_match
from .gazetteer import (
    country_of_capital,
    country_of_city,
    country_of_word,
    is_city,
    is_country,
    is_firm_place,
)
from .lexicon import HONORIFICS, TITLE_HEADS, TITLE_MODIFIERS
from .model import REASONS, Grade, Question
from .numbers import (
    Amount,
    number_variants,
    ordinal_variants,
    ordinal_word,
    parse_amount,
    parse_duration,
    parse_ordinal,
)

__all__ = ["GRADERS", "MAX_RESPONSE", "REASONS", "Grade", "Keyed", "grade", "normalize"]

MAX_RESPONSE = 500
"""Responses are graded on their first this many characters."""


@dataclass(frozen=True)
class Keyed:
    """What a grader needs from a question: its kind, keyed answer, forms, choices, fact."""

    kind: str
    answer: str
    accepted: tuple[str, ...]
    choices: tuple[str, ...]
    fact: Mapping[str, Any]

    @property
    def forms(self) -> tuple[str, ...]:
        """The answer and the accepted forms, answer first, without blanks or repeats."""
        return tuple(dict.fromkeys(f for f in (self.answer, *self.accepted) if f.strip()))


Outcome = tuple[bool, str | None, str]
"""What a grader returns: (correct, matched form or None, reason)."""


# ---- normalisation ---------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": '"',
        "\u203a": '"',
    }
)
# Letters that Unicode decomposition leaves alone but a reader sees as plain Latin.
_LATIN = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)
_DASHES = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
_POSSESSIVE = re.compile(r"'s(?![a-z0-9])")
_THOUSANDS_COMMA = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
# Apostrophes and full stops go ("U.S." -> "us"), except a decimal point ("1.5").
_DROPPED = re.compile(r"'|(?<![0-9])\.|\.(?![0-9])")
_SPACED = re.compile(r"[,;:!?\"()\[\]{}…]")
_ARTICLES = frozenset({"the", "a", "an"})


def _strip_accents(text: str) -> str:
    """Drop combining marks after canonical decomposition ("Goïta" -> "Goita")."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept).translate(_LATIN)


def _dash(match: re.Match[str]) -> str:
    """A dash becomes a space, except a minus sign that starts a number ("-5")."""
    text, at = match.string, match.start()
    starts_word = at == 0 or text[at - 1].isspace()
    return "-" if starts_word and text[at + 1 : at + 2].isdigit() else " "


def normalize(text: str) -> str:
    """Fold text for comparison: case, accents, quotes, dashes, punctuation, articles."""
    s = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    s = _POSSESSIVE.sub("", s)
    s = _DASHES.sub(_dash, s)
    s = _THOUSANDS_COMMA.sub("", s)
    s = _DROPPED.sub("", s)
    s = _SPACED.sub(" ", s)
    words = _strip_accents(s).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _choice_key(text: str) -> str:
    """How a choice is matched: NFKC, case-folded, trimmed, inner spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _trimmed(text: str) -> str:
    """The text trimmed, with runs of whitespace collapsed to one space."""
    return " ".join(text.split())


def _is_blank(text: str) -> bool:
    """Whether the text holds nothing but whitespace and invisible format characters."""
    return not "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()


# ---- numbers and ordinals ----------------------------------------------------------

_BARE_DOLLAR = re.compile(r"\s*\$")
_SPACE_THOUSANDS = re.compile(r"(?<=[0-9]) (?=[0-9]{3}(?![0-9]))")
_BARE_DIGITS = re.compile(r"[0-9]+")
_HAS_DIGIT = re.compile(r"[0-9]")
_CARDINAL_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion dozen bn mn tn".split()
)
_ORDINAL_WORDS = frozenset(
    part
    for n in (*range(100), 100, 1000, 10**6, 10**9)
    for part in ordinal_word(n).replace("-", " ").split()
    if part != "and"
)
_NUMBER_WORDS = _CARDINAL_WORDS | _ORDINAL_WORDS
_JOINING_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})


def _numeric_text(text: str) -> str:
    """Prepare text for the number parsers: "1 200" is one number, 1,200."""
    return _SPACE_THOUSANDS.sub(",", _trimmed(text))


def _number_runs(normalized: str) -> int:
    """How many separate number expressions a normalised text holds."""
    runs = 0
    previous = ""  # the previous word when it was part of a number, else ""
    words = normalized.split()
    i = 0
    while i < len(words):
        word = words[i]
        i += 1
        if _HAS_DIGIT.search(word) or word in _NUMBER_WORDS:
            runs += 0 if previous else 1
            previous = word
        elif word == "and" and previous in _JOINING_SCALES:
            continue  # "one hundred and fifty" is one number
        elif word == "and" and previous and words[i : i + 2] == ["a", "half"]:
            i += 2  # "one and a half million" is one number
        else:
            previous = ""
    return runs


_T = TypeVar("_T")


def _read(text: str, parser: Callable[[str], _T | None]) -> _T | None:
    """Parse a text's number, reading the raw text first, then its normalised form."""
    raw = _numeric_text(text)
    found = parser(raw)
    return found if found is not None else parser(normalize(raw))


def _amount(text: str) -> Amount | None:
    """The amount a text starts with."""
    return _read(text, parse_amount)


def _ordinal(text: str) -> int | None:
    """The ordinal a text starts with."""
    return _read(text, parse_ordinal)


def _duration_unit(text: str) -> str | None:
    """The time unit a text gives with its number ("four-day" -> "day"), if any."""
    found = _read(text, parse_duration)
    return found[1] if found else None


def _same_currency(a: str | None, b: str | None) -> bool:
    """Currencies agree when either is unstated, equal, or plain "dollars" and some dollars."""
    if a is None or b is None or a == b:
        return True
    return "dollars" in (a, b) and a.endswith("dollars") and b.endswith("dollars")


@dataclass(frozen=True)
class _Figure:
    """What the keyed forms say about a number: ordinal values or amounts and a unit."""

    ordinals: dict[int, str]
    amounts: dict[float, str]
    unit: str | None
    currencies: frozenset[str]
    percent: bool

    @property
    def numeric(self) -> bool:
        """Whether the expected answer is a number or an ordinal."""
        return bool(self.ordinals or self.amounts)


_NAMED_FACTS = frozenset(
    {"role", "meeting", "visit", "mediation", "deadline", "signing", "invitation"}
)
"""Fact types whose keys are names, titles and dates, never figures ("First Deputy President",
"15 November")."""


def _figure(key: Keyed) -> _Figure:
    """Read the keyed forms as ordinals, or failing that as amounts with a unit."""
    if key.fact.get("type") in _NAMED_FACTS:
        return _Figure({}, {}, None, frozenset(), False)
    ordinals: dict[int, str] = {}
    for form in key.forms:
        n = _ordinal(form)
        if n is not None:
            ordinals.setdefault(n, form)
    if ordinals:
        for form in key.forms:  # "5" next to "fifth" is the bare-digit ordinal
            bare = normalize(form)
            if _BARE_DIGITS.fullmatch(bare) and len(bare) <= 30:
                ordinals.setdefault(int(bare), form)
        return _Figure(ordinals, {}, None, frozenset(), False)
    amounts: dict[float, str] = {}
    currencies: set[str] = set()
    percent = False
    unit: str | None = None
    for form in key.forms:
        found = _amount(form)
        if found is None:
            continue
        amounts.setdefault(found.value, form)
        if found.currency:
            currencies.add(found.currency)
        percent = percent or found.percent
        unit = unit or _duration_unit(form)
    fact_unit = key.fact.get("unit")
    if amounts and unit is None and isinstance(fact_unit, str):
        unit = _duration_unit(f"1 {fact_unit}")
    return _Figure({}, amounts, unit, frozenset(currencies), percent)


def _figure_variants(figure: _Figure) -> Iterator[str]:
    """The library's written forms of the expected figure ("8th", "eight", "4 days")."""
    for n in figure.ordinals:
        yield from ordinal_variants(n)
    for value in figure.amounts:
        for variant in number_variants(value):
            yield variant
            if figure.unit:
                yield f"{variant} {figure.unit}s"
                yield f"{variant}-{figure.unit}"


_SPANS = ({"hour": 1, "day": 24, "week": 168}, {"month": 1, "year": 12})
"""Durations that convert exactly: hours, days and weeks; months and years."""


def _in_unit(value: float, unit: str, wanted: str) -> float | None:
    """A duration in another unit of its kind ("2" weeks in days is 14), or None when the
    two units do not convert exactly."""
    for span in _SPANS:
        if unit in span and wanted in span:
            converted = value * span[unit] / span[wanted]
            return float(converted) if converted != int(converted) else int(converted)
    return None


def _figure_outcome(figure: _Figure, response: str) -> Outcome | None:
    """Grade a response to a numeric question by value; None when it states no number."""
    normalized = normalize(_numeric_text(response))
    if figure.ordinals:
        n = _ordinal(response)
        if n is None and _BARE_DIGITS.fullmatch(normalized) and len(normalized) <= 30:
            n = int(normalized)
        if n is None:
            return None
        if _number_runs(normalized) == 1 and n in figure.ordinals:
            return True, figure.ordinals[n], "ordinal"
        return False, None, "wrong"
    found = _amount(response)
    if found is None:
        return None
    if _BARE_DOLLAR.match(response) and found.currency == "US dollars":
        # a student types "$860" for HK$860: the dollars of the question
        found = Amount(found.value, found.approx, "dollars", found.percent)
    unit = _duration_unit(response)
    if unit and figure.unit and unit != figure.unit:
        converted = _in_unit(found.value, unit, figure.unit)
        if converted is not None and _number_runs(normalized) == 1:
            # "two weeks" for 14 days, "a year and a half" is not asked: exact spans only
            if converted in figure.amounts:
                return True, figure.amounts[converted], "number"
            return False, None, "wrong"
    agrees = (
        _number_runs(normalized) == 1
        and found.value in figure.amounts
        and (unit is None or unit == figure.unit)
        and all(_same_currency(found.currency, c) for c in figure.currencies)
        and (figure.percent or not found.percent)
    )
    if agrees:
        return True, figure.amounts[found.value], "number"
    return False, None, "wrong"


# ---- close spellings of names ---------------------------------------------------------


def _letters(normalized: str) -> str:
    """The letters of a normalised text, or "" when it has anything but letters and spaces."""
    joined = normalized.replace(" ", "")
    return joined if joined.isalpha() else ""


def _max_edits(letters: int) -> int:
    """How many edits a name of this many letters may take: 1 up to 7 letters, then 2."""
    if letters < 4:
        return 0
    return 1 if letters <= 7 else 2


def _name_forms(name: str) -> Iterator[str]:
    """A name and the short forms a student may give: the last word, the part after a hyphen."""
    yield name
    words = name.split()
    if len(words) > 1:
        yield words[-1]
    if words and "-" in words[-1]:
        yield words[-1].split("-")[-1]


_NAME_FIELDS = (
    "participants",
    "traveler",
    "person",
    "guest",
    "host",
    "places",
    "place",
    "destination",
    "title",
)


def _strings(value: Any) -> Iterator[str]:
    """The strings of a fact value: a string, or the strings of a list."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            if isinstance(item, str):
                yield item


def _rivals(key: Keyed, forms: Iterable[str]) -> set[str]:
    """Normalised names the question mentions that are not the answer: choices, fact names."""
    own = set(forms)
    out: set[str] = set()
    named = (s for field in _NAME_FIELDS for s in _strings(key.fact.get(field)))
    names = [*key.choices, *named]
    for name in names:
        for short in _name_forms(name):
            n = normalize(short)
            if n and n not in own:
                out.add(n)
    return out


def _is_other_place(response: str, form: str) -> bool:
    """Whether the response is itself a known place other than the form ("Iraq" for "Iran")."""
    candidates = {response.strip().casefold(), normalize(response)}
    if normalize(form) in candidates:
        return False
    return any(c and (is_firm_place(c) or is_city(c)) for c in candidates)


def _close_spelling(key: Keyed, response: str, normalized: str) -> Outcome | None:
    """Accept a near miss of an alphabetic form, unless it is as near another candidate."""
    if not _letters(normalized):
        return None
    forms = {normalize(f): f for f in reversed(key.forms)}  # the answer wins a tie
    best: tuple[int, str] | None = None
    for norm, form in forms.items():
        letters = _letters(norm)
        limit = _max_edits(len(letters))
        if not limit:
            continue
        edits = distance.DamerauLevenshtein.distance(normalized, norm, score_cutoff=limit + 1)
        if edits <= limit and (best is None or edits < best[0]):
            best = (edits, form)
    if best is None:
        return None
    edits, form = best
    for rival in _rivals(key, forms):
        if distance.DamerauLevenshtein.distance(normalized, rival, score_cutoff=edits) <= edits:
            return None
    if _is_other_place(response, form):
        return None
    return True, form, "close_spelling"


# ---- graders -------------------------------------------------------------------------


def _grade_choice(key: Keyed, response: str, aliases: Mapping[str, str]) -> Outcome:
    """Match the response to one choice; correct only when that choice is the answer."""
    typed = _choice_key(response)
    typed = aliases.get(typed, typed)
    for choice in (*key.choices, key.answer):
        if _choice_key(choice) == typed:
            if typed == _choice_key(key.answer):
                return True, choice, "choice"
            return False, None, "wrong"
    return False, None, "wrong"


def grade_mcq(key: Keyed, response: str) -> Outcome:
    """Multiple choice: the response must be one of the choices, and the keyed one."""
    return _grade_choice(key, response, {})


_TRUE_FALSE = {"t": "true", "f": "false"}


def grade_true_false(key: Keyed, response: str) -> Outcome:
    """True/false: "True" or "False" in any case, or "t"/"f"; nothing else."""
    if not key.choices:
        key = Keyed(key.kind, key.answer, key.accepted, ("True", "False"), key.fact)
    return _grade_choice(key, response, _TRUE_FALSE)


def grade_text(key: Keyed, response: str) -> Outcome:
    """Short answer and cloze: exact, normalised, by value, or a close spelling of a name;
    also with the words a student may frame the answer in ("his first visit", "in Kabul",
    "Kabul, Afghanistan")."""
    outcome = _grade_text(key, response)
    if outcome[0]:
        return outcome
    for bare in _unframed(key, response):
        again = _grade_text(key, bare)
        if again[0]:
            return again[0], again[1], "variant"
    return outcome


_FRAME_BEFORE = re.compile(r"^\s*(?:(?:his|her|their|its|in|at|to|on|the)\s+)+", re.IGNORECASE)
_TRIP_AFTER = re.compile(
    r"\s+(?:(?:official|state|foreign|overseas|working)\s+)?(?:visit|trip|tour|journey)s?\s*$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(r"^(?P<place>[^,()]+?)\s*(?:,\s*(?P<a>[^,()]+)|\((?P<b>[^()]+)\))\s*$")


_STYLE_WORDS = HONORIFICS | TITLE_HEADS | TITLE_MODIFIERS
"""Words of an office or a style a student may write before a person's name."""


def _unframed(key: Keyed, response: str) -> Iterator[str]:
    """The response without the words framing its answer: a pronoun or preposition before
    it, "visit" after an ordinal, and the country after a place that lies in it."""
    bare = _FRAME_BEFORE.sub("", response)
    if key.fact.get("type") == "trip":
        bare = _TRIP_AFTER.sub("", bare)
    if bare.strip() and bare != response:
        yield bare
    people = {
        normalize(x)
        for f in ("participants", "traveler", "person")
        for x in _strings(key.fact.get(f))
    }
    if normalize(key.answer) in people:
        # "President Peña Nieto" for "Enrique Peña Nieto": the office before the name
        words = bare.split()
        k = 0
        while k < len(words) - 1 and k < 4 and words[k].lower().strip(".") in _STYLE_WORDS:
            k += 1
        if k:
            yield " ".join(words[k:])
    found = _PLACE_AFTER.match(bare)
    if found:
        place = found.group("place").strip()
        country = country_of_word((found.group("a") or found.group("b") or "").strip())
        if country and country in (country_of_capital(place), country_of_city(place)):
            yield place


def _grade_text(key: Keyed, response: str) -> Outcome:
    """One reading of a typed answer (see :func:`grade_text`)."""
    forms = key.forms
    trimmed = _trimmed(response)
    for form in forms:
        if _trimmed(form) == trimmed:
            return True, form, "exact"
    normalized = normalize(response)
    figure = _figure(key)
    by_value = _figure_outcome(figure, response) if figure.numeric else None
    if by_value is not None and not by_value[0]:
        return by_value  # a different number is wrong, however it is written
    if normalized:
        for form in forms:
            if normalize(form) == normalized:
                return True, form, "normalized" if form == key.answer else "variant"
    if by_value is not None:
        return by_value
    if normalized:
        for variant in _figure_variants(figure):
            if normalize(variant) == normalized:
                return True, variant, "variant"
    if figure.numeric or _HAS_DIGIT.search(normalized):
        return False, None, "wrong"  # numbers and ordinals are never fuzzy
    other_form = _same_office_or_place(key, response)
    if other_form is not None:
        return True, other_form, "variant"
    if _amount(response) is not None or _ordinal(response) is not None:
        return False, None, "wrong"
    named = _name_with_title_or_part(key, normalized)
    if named is not None:
        return True, named, "variant"
    return _close_spelling(key, response, normalized) or (False, None, "wrong")


def _name_with_title_or_part(key: Keyed, normalized: str) -> str | None:
    """The keyed name a response gives with a title or honorific before it ("President
    Maduro", "Secretary Blinken") or as the last words of the full name ("Lula da Silva"
    for Luiz Inacio Lula da Silva)."""
    words = normalized.split()
    k = 0
    while k < len(words) - 1:
        if words[k] in _STYLE_WORDS or words[k] in TITLE_HEADS:
            k += 1
        elif country := _country_prefix(words[k:-1]):
            k += country  # "Trinidad and Tobago Prime Minister Keith Rowley"
        else:
            break
    rest = " ".join(words[k:])
    for form in key.forms:
        norm = normalize(form)
        if any(w in TITLE_HEADS for w in norm.split()):
            continue  # a title is asked: "Prime Minister" is not "Minister"
        if k and rest == norm:
            return form
        if len(words) >= 2 and len(norm.split()) > len(words) and norm.endswith(" " + normalized):
            return form
        if _first_and_last(rest.split(), norm.split()):
            return form  # "Hina Khar" for Hina Rabbani Khar
        if len(words) >= 2 and len(norm.split()) >= 2 and sorted(words) == sorted(norm.split()):
            return form  # "Yoko Kamikawa" for Kamikawa Yoko: the other order names are written in
    return None


def _first_and_last(typed: list[str], name: list[str]) -> bool:
    """Whether typed words are the name's first and last words with some of the middle
    ones left out ("Ashfaq Kayani" for Ashfaq Parvez Kayani)."""
    if len(typed) < 2 or len(name) <= len(typed) or typed[0] != name[0] or typed[-1] != name[-1]:
        return False
    rest = iter(name[1:-1])
    return all(any(w == x for x in rest) for w in typed[1:-1])


def _country_prefix(words: list[str]) -> int:
    """How many of the first words name a country or a nationality ("us", "trinidad and
    tobago", "kenyan"), or 0."""
    for n in range(min(len(words), 4), 0, -1):
        phrase = " ".join(words[:n])
        if is_country(phrase) or country_of_word(phrase):
            return n
    return 0


_STYLE_WORDS = frozenset(w.rstrip(".") for w in HONORIFICS) | {"foreign", "prime", "vice"}


def _same_office_or_place(key: Keyed, response: str) -> str | None:
    """The keyed form a response names in other words: a title with or without its country
    or in another word order ("Treasury Secretary" for "Secretary of the Treasury"), or a
    place by another of its names ("Turkey" for "Türkiye")."""
    kind = key.fact.get("type")
    if kind == "role":
        title = key.fact.get("title")
        if isinstance(title, str) and normalize(key.answer) == normalize(title):
            for form in key.forms:
                if titles_match(response, form):
                    return form
    if kind == "visit" or any(isinstance(p, str) for p in _strings(key.fact.get("places"))):
        for form in key.forms:
            if same_place(response, form):
                return form
    return None


GRADERS: dict[str, Callable[[Keyed, str], Outcome]] = {
    "mcq": grade_mcq,
    "true_false": grade_true_false,
    "short_answer": grade_text,
    "cloze": grade_text,
}


# ---- entry point ------------------------------------------------------------------------


def _keyed(question: Question | Mapping[str, Any]) -> Keyed:
    """Read a Question or a bank dict into what the graders need."""
    if isinstance(question, Question):
        return Keyed(
            question.kind,
            question.answer,
            question.accepted,
            question.choices,
            question.fact,
        )
    fact = question.get("fact")
    return Keyed(
        kind=str(question.get("kind") or ""),
        answer=str(question.get("answer") or ""),
        accepted=tuple(str(a) for a in question.get("accepted") or ()),
        choices=tuple(str(c) for c in question.get("choices") or ()),
        fact=fact if isinstance(fact, Mapping) else {},
    )


def grade(question: Question | Mapping[str, Any], response: str) -> Grade:
    """Grade a student's response to a question.

    ``question`` is a :class:`Question` or a bank dict with the same keys as
    :meth:`Question.to_dict`. The response is graded on its first
    :data:`MAX_RESPONSE` characters; any string is handled without raising.

    - mcq and true_false: the response must be one of the choices (case-insensitive,
      trimmed; "t"/"f" for true/false) and it is correct only when it is the answer.
    - short_answer and cloze: correct when the response equals the answer or an
      accepted form exactly ("exact"), after :func:`normalize` ("normalized" for the
      answer, "variant" for an accepted or library-written form), by value when the
      answer is a number ("number": "1,200" = "1200" = "1 200", "$1.5 billion" =
      "1.5bn"; a time unit must match) or an ordinal ("ordinal": "fifth" = "5th" =
      "5"), or as a close misspelling of an alphabetic name ("close_spelling"; never
      when the response is as close to another name the question mentions).

    A blank response is wrong with reason "empty"; anything else that does not match
    is wrong with reason "wrong". Raises ``ValueError`` only for a question whose kind
    has no grader.
    """
    key = _keyed(question)
    grader = GRADERS.get(key.kind)
    if grader is None:
        raise ValueError(f"no grader for question kind {key.kind!r}; known: {sorted(GRADERS)}")
    text = response if isinstance(response, str) else ("" if response is None else str(response))
    text = text[:MAX_RESPONSE]
    normalized = normalize(text)
    if _is_blank(text):
        return Grade(False, key.answer, response, normalized, None, "empty")
    correct, matched, reason = grader(key, text)
    return Grade(correct, key.answer, response, normalized, matched, reason)
