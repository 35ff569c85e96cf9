"""Reading and writing numbers as they appear in news text.

Parsing functions take a short span of article text (an entity, a phrase) and
read the number expression at its start: ``parse_amount("about 250 others")``
reads "about 250" and ignores the rest. They return ``None`` for anything that
is not clearly a number of the requested kind (times, dates, model names such
as "G7", vague quantities such as "dozens").

Writing functions produce the forms a quiz shows (``format_number``) and the
forms a grader should accept from a student (``number_variants``,
``ordinal_variants``). Spelled-out English follows the British "and" style
("one hundred and first"), which is also what ``inflect`` produces.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "Amount",
    "format_number",
    "number_variants",
    "number_word",
    "ordinal_suffix",
    "ordinal_variants",
    "ordinal_word",
    "parse_amount",
    "parse_compound_count",
    "parse_duration",
    "parse_ordinal",
]


@dataclass(frozen=True)
class Amount:
    """A number read from text, with its hedge, currency and percent marker.

    ``value`` is the number itself (whole numbers are int-valued floats),
    ``approx`` the hedge as written and lower-cased ("about", "more than") or
    ``None`` when the number is stated exactly, ``currency`` a plain-English
    currency name ("US dollars", "pounds") or ``None``, and ``percent`` whether
    the number was written as a percentage ("30%", "30 per cent").
    """

    value: float
    approx: str | None = None
    currency: str | None = None
    percent: bool = False

    def as_int(self) -> int | None:
        """Return the value as an int when it is a whole number, else None."""
        return _whole(self.value)


def _whole(value: float) -> int | None:
    """Return value as an int when it is a finite whole number (ints included), else None."""
    if isinstance(value, int):
        return value
    if math.isfinite(value) and value.is_integer():
        return int(value)
    return None


# --------------------------------------------------------------------------
# Text normalisation

_CHAR_MAP = str.maketrans(
    {
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2004": " ",
        "\u2005": " ",
        "\u2006": " ",
        "\u2007": " ",
        "\u2008": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u205f": " ",
        "\u3000": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
        "\u00ad": "",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2212": "-",
        "\ufe63": "-",
        "\uff0d": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\uff05": "%",
        "\ufe6a": "%",
    }
)
_SPACES = re.compile(r"\s+")
# A space between digit groups is a thousands separator ("36\u202f600", and "70 000" as
# South African and French house styles write it), but not after a month ("May 12 500").
_SPACE_THOUSANDS = re.compile(
    r"(?<![0-9.,])([1-9][0-9]{0,2})((?:[ \u00a0\u2007\u2009\u202f][0-9]{3})+)(?![0-9])"
)
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? $", re.IGNORECASE
)


def _join_groups(m: re.Match[str]) -> str:
    if " " in m.group(2) and _MONTH_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return m.group(0)
    return m.group(1) + re.sub(r"\s", ",", m.group(2))


def _normalise(text: str) -> str:
    """Map Unicode spaces, hyphens and quotes to ASCII and collapse whitespace."""
    cleaned = _SPACES.sub(" ", _SPACE_THOUSANDS.sub(_join_groups, text).translate(_CHAR_MAP))
    return cleaned.strip().lstrip("\"'").lstrip()


# --------------------------------------------------------------------------
# Number words

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALE_WORDS = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_BELOW_100 = {**_UNITS, **_TEENS, **_TENS}
_NUMBER_WORDS = frozenset({"zero", "hundred", *_BELOW_100, *_SCALE_WORDS})
_HALF_OF = {"dozen": 12, "hundred": 100, **_SCALE_WORDS}

_WORD_OF = {value: word for word, value in _BELOW_100.items()}
_WORD_OF[0] = "zero"

_IRREGULAR_ORDINALS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _ordinal_of_word(word: str) -> str:
    """Turn one cardinal word into its ordinal ("twenty" -> "twentieth")."""
    if word in _IRREGULAR_ORDINALS:
        return _IRREGULAR_ORDINALS[word]
    if word.endswith("y"):
        return word[:-1] + "ieth"
    return word + "th"


_ORDINAL_TO_CARDINAL = {
    _ordinal_of_word(word): word for word in ("zero", "hundred", *_BELOW_100, *_SCALE_WORDS)
}

# Words that, glued to a number by a hyphen, make a fraction or an ordinal
# ("one-third", "twenty-first"). "second" is left out: "two-second" is a duration.
_FRACTION_WORDS = frozenset(
    {
        *(w for w in _ORDINAL_TO_CARDINAL if w != "second"),
        *(w + "s" for w in _ORDINAL_TO_CARDINAL if w != "second"),
        "half",
        "halves",
        "quarter",
        "quarters",
    }
)


def _cardinal_prefix(
    words: Sequence[str], allow_article: bool = True
) -> tuple[Decimal, int] | None:
    """Read spelled-out cardinal words from the start; return (value, words used)."""
    if not words:
        return None
    first = words[0]
    if first == "zero":
        return Decimal(0), 1
    if first == "half":
        if len(words) >= 3 and words[1] in ("a", "an") and words[2] in _HALF_OF:
            return Decimal(_HALF_OF[words[2]]) / 2, 3
        return None
    total = 0  # completed thousand/million/... groups
    hundreds = 0  # hundreds of the current group, already multiplied
    sub = 0  # tens and units of the current group
    sub_kind = ""  # "", "a", "unit", "teen", "tens", "tens_unit"
    prev = ""  # what the previous word was: "num", "hundred", "scale", "and"
    last_scale = 10**18
    i = 0
    if first in ("a", "an"):
        follows = words[1] if len(words) > 1 else ""
        if not allow_article or not (follows in _SCALE_WORDS or follows in ("hundred", "dozen")):
            return None
        sub, sub_kind, i = 1, "a", 1
    used = i
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in _UNITS and sub_kind in ("", "tens"):
            sub += _UNITS[word]
            sub_kind = "unit" if sub_kind == "" else "tens_unit"
            prev = "num"
        elif word in _TEENS and sub_kind == "":
            sub, sub_kind, prev = _TEENS[word], "teen", "num"
        elif word in _TENS and sub_kind == "":
            sub, sub_kind, prev = _TENS[word], "tens", "num"
        elif word == "hundred" and sub_kind != "" and hundreds == 0:
            hundreds, sub, sub_kind, prev = sub * 100, 0, "", "hundred"
        elif word in _SCALE_WORDS and (hundreds or sub) and _SCALE_WORDS[word] < last_scale:
            last_scale = _SCALE_WORDS[word]
            total += (hundreds + sub) * last_scale
            hundreds, sub, sub_kind, prev = 0, 0, "", "scale"
        elif word == "and" and prev in ("hundred", "scale") and nxt in _BELOW_100:
            prev = "and"
            i += 1
            continue
        elif (
            word == "and"
            and total == 0
            and prev == "num"
            and tuple(words[i + 1 : i + 3]) == ("a", "half")
        ):
            value = Decimal(hundreds + sub) + Decimal("0.5")
            i += 3
            if i < len(words) and words[i] in _SCALE_WORDS:
                value *= _SCALE_WORDS[words[i]]
                i += 1
            return value, i
        elif word == "dozen" and total == 0 and hundreds == 0 and sub_kind in ("a", "unit"):
            return Decimal(sub * 12), i + 1
        else:
            break
        i += 1
        used = i
    if used == 0 or sub_kind == "a":
        return None
    return Decimal(total + hundreds + sub), used


def _spell_below_1000(n: int) -> list[str]:
    """Spell 1..999 as a list of words ("one hundred and five")."""
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [_WORD_OF[hundreds], "hundred"]
    if rest:
        if hundreds:
            words.append("and")
        if rest in _WORD_OF:
            words.append(_WORD_OF[rest])
        else:
            words.append(f"{_WORD_OF[rest - rest % 10]}-{_WORD_OF[rest % 10]}")
    return words


def _spell(n: int) -> str:
    """Spell a non-negative integer in English words, British "and" style."""
    if n == 0:
        return "zero"
    words: list[str] = []
    rest = n
    for name, scale in sorted(_SCALE_WORDS.items(), key=lambda item: -item[1]):
        count, rest = divmod(rest, scale)
        if count:
            words += [_spell(count), name]
    if rest:
        if words and rest < 100:
            words.append("and")
        words += _spell_below_1000(rest)
    return " ".join(words)


# --------------------------------------------------------------------------
# Reading a number at a position

_WORD_AT = re.compile(r"[A-Za-z]+")
_MAX_TOKENS = 48


def _word_tokens(s: str, pos: int) -> list[tuple[str, int, int]]:
    """Return the run of words at pos joined by single spaces or hyphens."""
    tokens: list[tuple[str, int, int]] = []
    while len(tokens) < _MAX_TOKENS:
        match = _WORD_AT.match(s, pos)
        if match is None:
            break
        tokens.append((match.group().lower(), match.start(), match.end()))
        end = match.end()
        if end + 1 < len(s) and s[end] in " -" and _WORD_AT.match(s, end + 1):
            pos = end + 1
        else:
            break
    return tokens


_EURO_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?![0-9])")
_COMMA_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])")
_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")

_GLUED_SCALES = {
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "tn": 10**12,
    "trn": 10**12,
}
_GLUED_PERCENT = frozenset({"pc", "pct", "percent"})
_SPACED_SCALES = {
    **_GLUED_SCALES,
    **_SCALE_WORDS,
    "lakh": 10**5,
    "lakhs": 10**5,
    "crore": 10**7,
    "crores": 10**7,
}
_SINGLE_LETTER_SCALES = frozenset({"k", "m", "b"})
_SPACED_SCALE = re.compile(
    r"[ -](" + "|".join(sorted(_SPACED_SCALES, key=len, reverse=True)) + r")(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(
    r"(?: ?[AaPp]\.? ?[Mm]\.?(?![A-Za-z])"
    r"| (?:GMT|UTC|BST|CET|CEST|EET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|IST|JST|AEST|AEDT)"
    r"(?![A-Za-z])| local time\b)"
)


def clock_time_after(s: str, pos: int) -> bool:
    """Whether the text at pos makes the number before it a clock time: "4 pm", "2100 GMT",
    "at 9 local time"."""
    return _TIME_AFTER.match(s, pos) is not None


_MONTH_AFTER = re.compile(
    r" (?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?![A-Za-z])"
)
_SECOND_AFTER = re.compile(r"-seconds?(?![A-Za-z])", re.IGNORECASE)


@dataclass(frozen=True)
class _Reading:
    """A number expression found in text: its value, where it ends and how it was written."""

    value: Decimal
    end: int
    scaled: bool
    last_word: str


def _scale_at(s: str, pos: int, currency: bool) -> tuple[int, int] | None:
    """Return (multiplier, end) for a scale word glued to or following pos."""
    glued = _WORD_AT.match(s, pos)
    if glued is not None:
        suffix = glued.group().lower()
        if suffix in _GLUED_SCALES and not s[glued.end() : glued.end() + 1].isdigit():
            return _GLUED_SCALES[suffix], glued.end()
        return None
    spaced = _SPACED_SCALE.match(s, pos)
    if spaced is None:
        return None
    word = spaced.group(1).lower()
    if word in _SINGLE_LETTER_SCALES and not currency:
        return None
    return _SPACED_SCALES[word], spaced.end()


def _percent_follows(s: str, pos: int) -> bool:
    """Tell whether a percent sign or word follows pos."""
    return _PERCENT.match(s, pos) is not None


def _read_digits(s: str, pos: int, currency: bool) -> _Reading | None:
    """Read a number written in digits, with any scale word, at pos."""
    euro = _EURO_THOUSANDS.match(s, pos)
    literal: str
    if euro is not None and not (
        _scale_at(s, euro.end(), currency)
        or _percent_follows(s, euro.end())
        # "S$2.351 a share": with a currency, one group after the point is decimals
        or (currency and euro.group().count(".") == 1)
    ):
        literal, end = euro.group().replace(".", ""), euro.end()
    else:
        if euro is not None and euro.group().count(".") > 1:
            return None
        match = _COMMA_THOUSANDS.match(s, pos) or _PLAIN_NUMBER.match(s, pos)
        if match is None:
            return None
        literal, end = match.group().replace(",", ""), match.end()
    try:
        value = Decimal(literal)
    except InvalidOperation:  # pragma: no cover - the regexes only admit valid literals
        return None
    after = s[end : end + 2]
    if after[:1] == ":" or (len(after) == 2 and after[0] in ",.-/" and after[1].isdigit()):
        return None  # a time, a range, a score, a fraction or a malformed number
    if _TIME_AFTER.match(s, end):
        return None
    scale = _scale_at(s, end, currency)
    if scale is not None:
        return _Reading(value * scale[0], scale[1], True, "")
    glued = _WORD_AT.match(s, end)
    if glued is not None and glued.group().lower() not in _GLUED_PERCENT:
        return None  # "7th", "5G", "1990s", "10kg"
    day_like = literal.isdigit() and len(literal) <= 2 and 1 <= int(literal) <= 31
    if day_like and _MONTH_AFTER.match(s, end):
        return None  # "7 October"
    return _Reading(value, end, False, "")


def _read_words(s: str, pos: int) -> _Reading | None:
    """Read a spelled-out number at pos."""
    tokens = _word_tokens(s, pos)
    words = [token[0] for token in tokens]
    found = _cardinal_prefix(words)
    if found is None:
        return None
    value, used = found
    if used < len(tokens):
        start = tokens[used][1]
        if s[start - 1] == "-" and words[used] in _FRACTION_WORDS:
            return None  # "twenty-first", "two-thirds"
    scaled = any(word in _SCALE_WORDS for word in words[:used])
    return _Reading(value, tokens[used - 1][2], scaled, words[used - 1])


def _read_number(s: str, pos: int, currency: bool) -> _Reading | None:
    """Read the number expression (digits or words) that starts at pos."""
    if pos >= len(s):
        return None
    if s[pos].isdigit() or (s[pos] == "." and s[pos + 1 : pos + 2].isdigit()):
        reading = _read_digits(s, pos, currency)
    elif _WORD_AT.match(s, pos):
        reading = _read_words(s, pos)
    else:
        return None
    if reading is None or _TIME_AFTER.match(s, reading.end):
        return None
    return reading


# --------------------------------------------------------------------------
# parse_amount

_HEDGES = (
    "about",
    "around",
    "approximately",
    "approx.",
    "approx",
    "roughly",
    "some",
    "nearly",
    "almost",
    "close to",
    "more than",
    "over",
    "just over",
    "well over",
    "above",
    "in excess of",
    "upwards of",
    "at least",
    "no fewer than",
    "no less than",
    "as many as",
    "as much as",
    "as few as",
    "as little as",
    "up to",
    "at most",
    "no more than",
    "fewer than",
    "less than",
    "under",
    "just under",
    "below",
    "an estimated",
    "estimated",
    "circa",
)
_HEDGE = re.compile(
    r"(" + "|".join(re.escape(h) for h in sorted(_HEDGES, key=len, reverse=True)) + r") ",
    re.IGNORECASE,
)

_CURRENCY_SYMBOLS = {
    "US$": "US dollars",
    "$US": "US dollars",  # "$US810 million", as Pacific and Australian papers write it
    "$A": "Australian dollars",
    "$": "US dollars",
    "A$": "Australian dollars",
    "AU$": "Australian dollars",
    "C$": "Canadian dollars",
    "CA$": "Canadian dollars",
    "NZ$": "New Zealand dollars",
    "HK$": "Hong Kong dollars",
    "S$": "Singapore dollars",
    "NT$": "Taiwan dollars",
    "R$": "Brazilian reais",
    "£": "pounds",
    "€": "euros",
    "¥": "yen",
    "₹": "rupees",
    "₪": "shekels",
    "₩": "won",
    "₽": "roubles",
    "₦": "naira",
    "USD": "US dollars",
    "HKD": "Hong Kong dollars",
    "AUD": "Australian dollars",
    "CAD": "Canadian dollars",
    "NZD": "New Zealand dollars",
    "SGD": "Singapore dollars",
    "EUR": "euros",
    "GBP": "pounds",
    "JPY": "yen",
    "CNY": "yuan",
    "RMB": "yuan",
    "INR": "rupees",
    "ILS": "shekels",
    "Rs": "rupees",
    "R": "rand",
    "N": "naira",
    "ZAR": "rand",
}
_CURRENCY_PREFIX = re.compile(
    r"(?:(U\.?S\.? ?\$|\$US|\$A|AU?\$|CA?\$|NZ\$|HK\$|S\$|NT\$|R\$|[$£€¥₹₪₩₽₦]) ?"
    r"|(USD|HKD|AUD|CAD|NZD|SGD|EUR|GBP|JPY|CNY|RMB|INR|ILS|ZAR|Rs\.?) ?(?=[0-9])"
    # South African rand, "R350 million", "R4 400": only with a scale or a thousands
    # group, so "R2" stays a name
    r"|(R)(?=[0-9][0-9,.]* ?(?:million|billion|trillion|bn|mn|m|tn)\b|[0-9]{1,3}(?:,[0-9]{3})+\b)"
    # Nigerian naira written with a plain N: "N60,000", "N2.5 trillion"
    r"|(N)(?=[0-9][0-9,.]* ?(?:million|billion|trillion|bn|mn|m|tn)\b|[0-9]{1,3}(?:,[0-9]{3})+\b))"
)

_CURRENCY_WORDS = {
    "us dollars": "US dollars",
    "us dollar": "US dollars",
    "u.s. dollars": "US dollars",
    "u.s. dollar": "US dollars",
    "american dollars": "US dollars",
    "australian dollars": "Australian dollars",
    "canadian dollars": "Canadian dollars",
    "hong kong dollars": "Hong Kong dollars",
    "new zealand dollars": "New Zealand dollars",
    "singapore dollars": "Singapore dollars",
    "dollars": "dollars",
    "dollar": "dollars",
    "pounds sterling": "pounds",
    "pound sterling": "pounds",
    "pounds": "pounds",
    "pound": "pounds",
    "sterling": "pounds",
    "euros": "euros",
    "euro": "euros",
    "yen": "yen",
    "yuan": "yuan",
    "renminbi": "yuan",
    "rupees": "rupees",
    "rupee": "rupees",
    "shekels": "shekels",
    "shekel": "shekels",
    "roubles": "roubles",
    "rouble": "roubles",
    "rubles": "roubles",
    "ruble": "roubles",
    "won": "won",
    "naira": "naira",
    "rand": "rand",
    "pesos": "pesos",
    "peso": "pesos",
    "swiss francs": "Swiss francs",
    "francs": "francs",
    "franc": "francs",
    "usd": "US dollars",
    "eur": "euros",
    "gbp": "pounds",
    "jpy": "yen",
    "cny": "yuan",
    "inr": "rupees",
    "ils": "shekels",
}
# Currency words that are also common English words count only after a scale word.
_CURRENCY_NEEDS_SCALE = frozenset({"won", "rand"})
_CURRENCY_SUFFIX = re.compile(
    r"[ -]("
    + "|".join(re.escape(w) for w in sorted(_CURRENCY_WORDS, key=len, reverse=True))
    + r")(?![A-Za-z])",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?: ?%|[ -]?(?:per ?cent|pct|pc))(?![A-Za-z])", re.IGNORECASE)
_PERCENTAGE_POINTS = re.compile(r"[ -]percentage[ -]points?(?![A-Za-z])", re.IGNORECASE)


def parse_amount(text: str) -> Amount | None:
    """Read the number expression at the start of ``text`` as an :class:`Amount`.

    The expression is an optional hedge ("about", "more than", "an estimated"),
    an optional currency sign or code ("$", "US$", "£", "€", "USD"), a number in
    digits ("1,200", "1.5", European "2.500") or words ("twenty-five",
    "a dozen", "one hundred and fifty"), an optional scale ("million", "bn",
    glued "m"/"k"), then optionally a percent marker or a currency word. Text
    after that is ignored. Returns ``None`` when the text does not start with a
    number, or when the number is really a time ("7:30", "4 pm"), a date
    ("7 October"), a range or score ("3-1"), a fraction or ordinal ("one-third",
    "7th"), a name ("G7", "Covid-19", "5G") or a vague quantity ("dozens").
    "percentage points" keeps ``percent`` False: the caller decides what it is.
    """
    s = _normalise(text)
    pos = 0
    approx: str | None = None
    hedge = _HEDGE.match(s)
    if hedge is not None:
        approx = hedge.group(1).lower()
        pos = hedge.end()
    currency: str | None = None
    prefix = _CURRENCY_PREFIX.match(s, pos)
    if prefix is not None:
        symbol = (
            (prefix.group(1) or prefix.group(2) or prefix.group(3) or prefix.group(4))
            .replace(" ", "")
            .replace(".", "")
        )
        currency = _CURRENCY_SYMBOLS[symbol]
        pos = prefix.end()
    reading = _read_number(s, pos, currency is not None)
    if reading is None:
        return None
    if reading.last_word in _TENS and _SECOND_AFTER.match(s, reading.end):
        return None  # "twenty-second" is more likely 22nd than 20 seconds
    value = float(reading.value)
    if not math.isfinite(value):
        return None
    percent = False
    if _PERCENT.match(s, reading.end):
        percent = True
    elif currency is None and not _PERCENTAGE_POINTS.match(s, reading.end):
        word = _CURRENCY_SUFFIX.match(s, reading.end)
        if word is not None:
            key = _SPACES.sub(" ", word.group(1).lower())
            if key not in _CURRENCY_NEEDS_SCALE or reading.scaled:
                currency = _CURRENCY_WORDS[key]
    return Amount(value=value, approx=approx, currency=currency, percent=percent)


# --------------------------------------------------------------------------
# Ordinals

_DIGIT_ORDINAL = re.compile(
    r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(st|nd|rd|th)(?![A-Za-z0-9])", re.IGNORECASE
)


def ordinal_suffix(n: int) -> str:
    """Write ``n`` as digits with its English ordinal suffix: 22 -> "22nd", 113 -> "113th"."""
    if n < 0:
        raise ValueError(f"ordinals are not negative: {n}")
    return f"{n}{_suffix(n)}"


def _suffix(n: int) -> str:
    """Return the ordinal suffix ("st", "nd", "rd" or "th") for n."""
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def ordinal_word(n: int) -> str:
    """Spell ``n`` as an English ordinal: 5 -> "fifth", 21 -> "twenty-first".

    Above 100 the British "and" is used, as ``inflect`` does:
    101 -> "one hundred and first".
    """
    if n < 0:
        raise ValueError(f"ordinals are not negative: {n}")
    cardinal = _spell(n)
    cut = max(cardinal.rfind(" "), cardinal.rfind("-")) + 1
    return cardinal[:cut] + _ordinal_of_word(cardinal[cut:])


def ordinal_variants(n: int) -> list[str]:
    """List the ways a student may write the ordinal ``n``, the word form first.

    ``ordinal_variants(5) == ["fifth", "5th", "5"]``. Hyphenated words also
    appear with a space ("twenty first"), words with "and" also without it
    ("one hundred first"), and numbers from 1,000 also with a comma ("1,000th").
    """
    word = ordinal_word(n)
    variants = [word, ordinal_suffix(n), str(n)]
    spaced = word.replace("-", " ")
    without_and = word.replace(" and ", " ")
    variants += [spaced, without_and, without_and.replace("-", " ")]
    if word.startswith("one ") and " " not in word[4:] and "-" not in word[4:]:
        variants.append(word[4:])  # "hundredth", "thousandth"
    if n >= 1000:
        variants += [f"{n:,}{_suffix(n)}", f"{n:,}"]
    return _unique(variants)


def parse_ordinal(text: str) -> int | None:
    """Read the ordinal at the start of ``text``: "fifth", "11th", "twenty-first".

    Digit ordinals need the right suffix ("22nd", not "22th"); plain digits
    ("5"), plurals ("fifths") and words such as "latest" or "last" give ``None``.
    """
    s = _normalise(text)
    digits = _DIGIT_ORDINAL.match(s)
    if digits is not None:
        literal = digits.group(1).replace(",", "")
        if len(literal) > 30:
            return None
        n = int(literal)
        return n if _suffix(n) == digits.group(2).lower() else None
    words = [token[0] for token in _word_tokens(s, 0)]
    index = next((i for i, word in enumerate(words) if word in _ORDINAL_TO_CARDINAL), None)
    if index is None or any(w not in _NUMBER_WORDS and w != "and" for w in words[:index]):
        return None
    cardinal = [*words[:index], _ORDINAL_TO_CARDINAL[words[index]]]
    if cardinal[0] == "hundred" or cardinal[0] in _SCALE_WORDS:
        cardinal.insert(0, "one")  # "hundredth", "thousandth"
    found = _cardinal_prefix(cardinal, allow_article=False)
    if found is None or found[1] != len(cardinal):
        return None
    return int(found[0])


# --------------------------------------------------------------------------
# Writing numbers


def number_word(n: int) -> str | None:
    """Spell ``n`` in words for 0 to 100 ("twenty-five"); ``None`` outside that range.

    News style spells out small numbers only, so larger numbers have no word form here.
    """
    if not 0 <= n <= 100:
        return None
    return _spell(n)


_FORMAT_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def format_number(value: float) -> str:
    """Write a number the way a news article would.

    Whole numbers below a million get thousands separators ("36,600"); round
    millions, billions and trillions with at most two decimals use the scale
    word ("717 million", "1.5 billion"); other numbers are written in full
    ("1,234,567", "0.5"). Whole-valued floats print without a decimal point.
    """
    if not math.isfinite(value):
        return str(value)
    if value < 0:
        return "-" + format_number(-value)
    n = _whole(value)
    if n is not None:
        for scale, name in _FORMAT_SCALES:
            if n >= scale and (n * 100) % scale == 0:
                return f"{Decimal(n) / Decimal(scale):,f} {name}"
        return f"{n:,}"
    return _plain_decimal(value, commas=True)


def _plain_decimal(value: float, commas: bool) -> str:
    """Write a non-whole float in positional notation, rounded to 15 significant digits."""
    rounded = Decimal(repr(float(f"{value:.15g}")))
    return format(rounded, ",f" if commas else "f")


def number_variants(value: float) -> list[str]:
    """List the ways a student may type ``value``, the :func:`format_number` form first.

    Digits come with and without thousands separators; numbers up to 100 are
    also spelled out ("four", "twenty-five", "twenty five"), as are round
    hundreds, thousands, millions, billions and trillions with a small count
    ("five thousand", "two million", "a million"). ``number_variants(1.5e9)``
    is ``["1.5 billion", "1,500,000,000", "1500000000"]``.
    """
    if not math.isfinite(value):
        return []
    variants = [format_number(value)]
    n = _whole(value)
    if n is None:
        variants.append(_plain_decimal(value, commas=False))
        return _unique(variants)
    variants += [f"{n:,}", str(n)]
    if n < 0:
        return _unique(variants)
    words: list[str] = []
    small = number_word(n)
    if small is not None:
        words.append(small)
    else:
        for name, scale in (("hundred", 100), *_SCALE_WORDS.items()):
            count, rest = divmod(n, scale)
            limit = 9 if scale == 100 else 100
            if rest == 0 and 1 <= count <= limit:
                words.append(f"{number_word(count)} {name}")
                if count == 1:
                    words.append(f"a {name}")
    for word in words:
        variants += [word, word.replace("-", " ")]
    return _unique(variants)


def _unique(items: list[str]) -> list[str]:
    """Drop repeated strings, keeping the first occurrence of each."""
    return list(dict.fromkeys(items))


# --------------------------------------------------------------------------
# Compounds and durations

_DURATION_UNITS = {
    "second": "second",
    "seconds": "second",
    "sec": "second",
    "secs": "second",
    "minute": "minute",
    "minutes": "minute",
    "min": "minute",
    "mins": "minute",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "hrs": "hour",
    "day": "day",
    "days": "day",
    "night": "night",
    "nights": "night",
    "week": "week",
    "weeks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "yr": "year",
    "yrs": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
    "millennium": "millennium",
    "millennia": "millennium",
}
_ARTICLE = re.compile(r"(?:a|an|the) ", re.IGNORECASE)
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)(?![A-Za-z0-9])")
_SPACE_OR_HYPHEN_WORD = re.compile(r"[ -]([A-Za-z]+)(?![A-Za-z0-9])")
# Words that follow "one-" without making a NUMBER-NOUN compound ("one-on-one", "one-off").
_NOT_NOUNS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "in", "of", "off", "on", "or", "the", "to", "up"}
)


def _leading_number(s: str) -> _Reading | None:
    """Read a number at the start of s, skipping an article before it ("a six-week")."""
    reading = _read_number(s, 0, currency=False)
    if reading is None:
        article = _ARTICLE.match(s)
        if article is not None:
            reading = _read_number(s, article.end(), currency=False)
    return reading


def parse_duration(text: str) -> tuple[float, str] | None:
    """Read a written-out length of time: "four-day" -> (4.0, "day").

    The number comes first (digits or words, after an optional article), then a
    time unit joined by a hyphen or a space, which is returned singular:
    "60 days" -> (60.0, "day"), "two-month-old" -> (2.0, "month"). Returns
    ``None`` when no number is written ("weeklong", "a week"), when the noun is
    not a unit of time ("three-phase") or when the number is hedged ("about 60 days").
    """
    s = _normalise(text)
    reading = _leading_number(s)
    if reading is None:
        return None
    unit = _SPACE_OR_HYPHEN_WORD.match(s, reading.end)
    if unit is None or unit.group(1).lower() not in _DURATION_UNITS:
        return None
    value = float(reading.value)
    if not math.isfinite(value):
        return None
    return value, _DURATION_UNITS[unit.group(1).lower()]


def parse_compound_count(text: str) -> tuple[float, str] | None:
    """Read a NUMBER-NOUN compound adjective: "three-phase" -> (3.0, "phase").

    The number (digits or words, after an optional article) must be joined to
    the noun by a hyphen; the noun is returned lower-cased as written:
    "5-year" -> (5.0, "year"), "two-state" -> (2.0, "state"). Names such as
    "G7" or "Covid-19", fractions ("one-third") and phrases such as "one-off"
    give ``None``.
    """
    s = _normalise(text)
    reading = _leading_number(s)
    if reading is None:
        return None
    noun_match = _HYPHEN_WORD.match(s, reading.end)
    if noun_match is None:
        return None
    noun = noun_match.group(1).lower()
    if noun in _NUMBER_WORDS or noun in _FRACTION_WORDS or noun in _NOT_NOUNS:
        return None
    value = float(reading.value)
    if not math.isfinite(value):
        return None
    return value, noun


HEDGE_STARTS = frozenset(
    "about around more over nearly almost approximately some up at roughly fewer less an".split()
)

SCALE_WORDS = frozenset(
    "m mn mln bn bln b k tn trn million billion trillion thousand lakh lakhs crore".split()
)

CURRENCY_SIGNS = frozenset("$ € £ ¥ ₹ ₪ US$ A$ C$ HK$".split())

CURRENCY_NOUNS = frozenset(
    "dollars dollar pounds pound euros euro yen yuan won rupees rupee shekels francs rand "
    "riyals dirhams".split()
)

HEDGE_WORDS = frozenset(
    "about around nearly almost approximately some roughly over under more less fewer than "
    "at least most up to an estimated as many much high".split()
)

NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion dozen".split()
)
