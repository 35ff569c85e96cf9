"""Tests for question_bank.numbers: reading and writing numbers in news text."""

from __future__ import annotations

import inflect
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank.numbers import (
    Amount,
    format_number,
    number_variants,
    number_word,
    ordinal_suffix,
    ordinal_variants,
    ordinal_word,
    parse_amount,
    parse_compound_count,
    parse_duration,
    parse_ordinal,
)

# --------------------------------------------------------------------------
# parse_amount


def _amount(
    value: float,
    approx: str | None = None,
    currency: str | None = None,
    percent: bool = False,
) -> Amount:
    """Build the Amount a test expects."""
    return Amount(value=value, approx=approx, currency=currency, percent=percent)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits with thousands separators
        ("1,200", _amount(1200)),
        ("36,600", _amount(36600)),
        ("27,131", _amount(27131)),
        ("1,234,567", _amount(1234567)),
        ("1,234.5", _amount(1234.5)),
        # European thousands dot
        ("1.200", _amount(1200)),
        ("2.500", _amount(2500)),
        ("1.200.000", _amount(1_200_000)),
        ("1.5", _amount(1.5)),
        ("0.500", _amount(0.5)),
        ("1.200 billion", _amount(1.2e9)),
        # decimals, scale words and currencies
        ("1.5 billion", _amount(1.5e9)),
        ("$1.5 billion", _amount(1.5e9, currency="US dollars")),
        ("$717 million", _amount(717e6, currency="US dollars")),
        ("600 billion pounds", _amount(6e11, currency="pounds")),
        ("£2bn", _amount(2e9, currency="pounds")),
        ("€3.2m", _amount(3.2e6, currency="euros")),
        ("US$ 40 million", _amount(40e6, currency="US dollars")),
        ("US$40 million", _amount(40e6, currency="US dollars")),
        ("40 million dollars", _amount(40e6, currency="dollars")),
        ("40 million US dollars", _amount(40e6, currency="US dollars")),
        ("a million", _amount(1e6)),
        ("1.2 trillion", _amount(1.2e12)),
        ("£2 bn", _amount(2e9, currency="pounds")),
        ("5k", _amount(5000)),
        ("$1.5B", _amount(1.5e9, currency="US dollars")),
        ("€3.2 m", _amount(3.2e6, currency="euros")),
        ("5 thousand", _amount(5000)),
        ("Rs 500 crore", _amount(5e9, currency="rupees")),
        ("40 million yuan", _amount(40e6, currency="yuan")),
        ("3 billion rupees", _amount(3e9, currency="rupees")),
        ("200 shekels", _amount(200, currency="shekels")),
        ("5 million euros", _amount(5e6, currency="euros")),
        ("3 trillion won", _amount(3e12, currency="won")),
        ("USD 40 million", _amount(40e6, currency="US dollars")),
        ("¥500", _amount(500, currency="yen")),
        ("a million dollars", _amount(1e6, currency="dollars")),
        ("5-million-pound", _amount(5e6, currency="pounds")),
        # words
        ("two", _amount(2)),
        ("twenty-five", _amount(25)),
        ("twenty five", _amount(25)),
        ("one hundred and fifty", _amount(150)),
        ("one hundred fifty", _amount(150)),
        ("a dozen", _amount(12)),
        ("two dozen", _amount(24)),
        ("one", _amount(1)),
        ("zero", _amount(0)),
        ("Two", _amount(2)),
        ("Four", _amount(4)),
        ("fifteen hundred", _amount(1500)),
        ("two million five hundred thousand", _amount(2_500_000)),
        ("one thousand and one", _amount(1001)),
        ("half a million", _amount(500_000)),
        ("two and a half million", _amount(2_500_000)),
        ("a hundred", _amount(100)),
        ("one hundred and a half", _amount(100)),
        # hedges
        ("about 50", _amount(50, approx="about")),
        ("around 150", _amount(150, approx="around")),
        ("more than 36,600", _amount(36600, approx="more than")),
        ("at least 27", _amount(27, approx="at least")),
        ("nearly 3,800", _amount(3800, approx="nearly")),
        ("approximately 25", _amount(25, approx="approximately")),
        ("over 37,000", _amount(37000, approx="over")),
        ("some 300", _amount(300, approx="some")),
        ("up to 40", _amount(40, approx="up to")),
        ("almost 2,000", _amount(2000, approx="almost")),
        ("fewer than 10", _amount(10, approx="fewer than")),
        ("less than 10", _amount(10, approx="less than")),
        ("roughly 1,000", _amount(1000, approx="roughly")),
        ("an estimated 5,000", _amount(5000, approx="an estimated")),
        ("More than 36,600", _amount(36600, approx="more than")),
        ("more  than 50", _amount(50, approx="more than")),
        ("more than $1.5 billion", _amount(1.5e9, approx="more than", currency="US dollars")),
        ("about a dozen", _amount(12, approx="about")),
        ("more than a million", _amount(1e6, approx="more than")),
        # percent
        ("30%", _amount(30, percent=True)),
        ("30 %", _amount(30, percent=True)),
        ("30 percent", _amount(30, percent=True)),
        ("30 per cent", _amount(30, percent=True)),
        ("30pc", _amount(30, percent=True)),
        ("thirty percent", _amount(30, percent=True)),
        ("about 2.5%", _amount(2.5, approx="about", percent=True)),
        ("1.125%", _amount(1.125, percent=True)),
        ("1.200 percent", _amount(1.2, percent=True)),
        ("115 percentage points", _amount(115)),
        # the rest of the text is ignored
        ("1,200 people", _amount(1200)),
        ("about 250 others", _amount(250, approx="about")),
        ("four people died", _amount(4)),
        ("1,200, the ministry said", _amount(1200)),
        ("5.", _amount(5)),
        ("four-day", _amount(4)),
        ("two-second", _amount(2)),
        ("2023", _amount(2023)),
        # Unicode
        ("four\u2011day", _amount(4)),
        ("more\u00a0than\u00a01,200", _amount(1200, approx="more than")),
        ("\u201c1,200\u201d", _amount(1200)),
        ("36\u202f600", _amount(36600)),
        ("$1.5\u00a0billion", _amount(1.5e9, currency="US dollars")),
    ],
)
def test_parse_amount(text: str, expected: Amount) -> None:
    """Each spec example reads to the expected amount."""
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "the",
        "dozens",
        "hundreds",
        "thousands",
        "tens of thousands",
        "half",
        "a few",
        "several",
        "a",
        "about",
        "$",
        "October 7",
        "7 October",
        "G7",
        "Covid-19",
        "7:30",
        "4 AM",
        "4am",
        "4 p.m.",
        "10.30pm",
        "four p.m.",
        "1800 GMT",
        "7th",
        "1990s",
        "5G",
        "10kg",
        "3-1",
        "10-15",
        "24/7",
        "12,34",
        "twenty-first",
        "one-third",
        "two-thirds",
        "twenty-second",
        "the 1,200 people",
        "-5",
        "9" * 5000,
        "1e5",
    ],
)
def test_parse_amount_rejects(text: str) -> None:
    """Things that are not amounts read as None."""
    assert parse_amount(text) is None


def test_parse_amount_scale_letters_need_gluing_or_currency() -> None:
    """A spaced "m" is metres unless a currency marks the amount as money."""
    assert parse_amount("100 m") == _amount(100)
    assert parse_amount("100m") == _amount(100e6)


def test_ambiguous_currency_words_need_a_scale() -> None:
    """The word "won" after a bare number is the verb, not the currency."""
    assert parse_amount("3 won") == _amount(3)


def test_amount_as_int() -> None:
    """as_int gives an int for whole values and None otherwise."""
    assert _amount(1200.0).as_int() == 1200
    assert isinstance(_amount(1200.0).as_int(), int)
    assert _amount(1.5).as_int() is None
    assert _amount(float("inf")).as_int() is None


def test_amount_is_frozen() -> None:
    """Amounts are immutable values."""
    amount = _amount(1)
    with pytest.raises(AttributeError):
        amount.value = 2  # type: ignore[misc]


# --------------------------------------------------------------------------
# Ordinals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fifth", 5),
        ("Fifth", 5),
        ("11th", 11),
        ("eleventh", 11),
        ("tenth", 10),
        ("twenty-first", 21),
        ("twenty first", 21),
        ("twenty\u2011first", 21),
        ("1st", 1),
        ("2nd", 2),
        ("3rd", 3),
        ("22nd", 22),
        ("113th", 113),
        ("1,000th", 1000),
        ("hundredth", 100),
        ("one hundredth", 100),
        ("two hundredth", 200),
        ("one hundred and first", 101),
        ("one hundred first", 101),
        ("thousandth", 1000),
        ("first", 1),
        ("second", 2),
        ("twelfth", 12),
        ("ninetieth", 90),
        ("fifth-largest", 5),
        ("latest", None),
        ("last", None),
        ("5", None),
        ("fifths", None),
        ("22th", None),
        ("1th", None),
        ("a hundredth", None),
        ("the fifth", None),
        ("one first", None),
        ("", None),
    ],
)
def test_parse_ordinal(text: str, expected: int | None) -> None:
    """Ordinal words and digit ordinals read to their number; other text to None."""
    assert parse_ordinal(text) == expected


@pytest.mark.parametrize(
    ("n", "word", "suffixed"),
    [
        (0, "zeroth", "0th"),
        (1, "first", "1st"),
        (2, "second", "2nd"),
        (3, "third", "3rd"),
        (5, "fifth", "5th"),
        (11, "eleventh", "11th"),
        (12, "twelfth", "12th"),
        (13, "thirteenth", "13th"),
        (20, "twentieth", "20th"),
        (21, "twenty-first", "21st"),
        (22, "twenty-second", "22nd"),
        (100, "one hundredth", "100th"),
        (101, "one hundred and first", "101st"),
        (111, "one hundred and eleventh", "111th"),
        (113, "one hundred and thirteenth", "113th"),
    ],
)
def test_ordinal_word_and_suffix(n: int, word: str, suffixed: str) -> None:
    """Ordinals are spelled and suffixed as in English."""
    assert ordinal_word(n) == word
    assert ordinal_suffix(n) == suffixed


def test_ordinal_word_matches_inflect() -> None:
    """ordinal_word agrees with inflect's spelling (without its commas)."""
    engine = inflect.engine()
    for n in [*range(0, 1200), 10**6 + 1, 2_000_050, 3 * 10**9 + 21]:
        cardinal = engine.number_to_words(n, comma="")
        assert isinstance(cardinal, str)
        expected = engine.ordinal(cardinal)
        assert ordinal_word(n) == expected, n


def test_ordinal_negative_raises() -> None:
    """Negative numbers have no ordinal."""
    with pytest.raises(ValueError):
        ordinal_word(-1)
    with pytest.raises(ValueError):
        ordinal_suffix(-1)


def test_ordinal_variants() -> None:
    """Word form first, then the suffixed and plain digits, then spacing variants."""
    assert ordinal_variants(5) == ["fifth", "5th", "5"]
    assert ordinal_variants(21) == ["twenty-first", "21st", "21", "twenty first"]
    assert ordinal_variants(113) == [
        "one hundred and thirteenth",
        "113th",
        "113",
        "one hundred thirteenth",
    ]
    assert ordinal_variants(1000) == [
        "one thousandth",
        "1000th",
        "1000",
        "thousandth",
        "1,000th",
        "1,000",
    ]


# --------------------------------------------------------------------------
# Writing numbers


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "zero"), (4, "four"), (13, "thirteen"), (25, "twenty-five"), (100, "one hundred")],
)
def test_number_word(n: int, expected: str) -> None:
    """Small numbers are spelled out."""
    assert number_word(n) == expected


@pytest.mark.parametrize("n", [101, 1000, -1])
def test_number_word_only_small(n: int) -> None:
    """Numbers above 100 (and negatives) have no word form."""
    assert number_word(n) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1200, "1,200"),
        (36600, "36,600"),
        (1.5e9, "1.5 billion"),
        (717e6, "717 million"),
        (1e6, "1 million"),
        (1.25e6, "1.25 million"),
        (1_234_567, "1,234,567"),
        (1.2e12, "1.2 trillion"),
        (0.5, "0.5"),
        (4, "4"),
        (4.0, "4"),
        (0, "0"),
        (1234.5, "1,234.5"),
        (0.1 + 0.2, "0.3"),
        (-1200, "-1,200"),
    ],
)
def test_format_number(value: float, expected: str) -> None:
    """Numbers are written in news style."""
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (4, ["4", "four"]),
        (25, ["25", "twenty-five", "twenty five"]),
        (1200, ["1,200", "1200"]),
        (1.5e9, ["1.5 billion", "1,500,000,000", "1500000000"]),
        (717e6, ["717 million", "717,000,000", "717000000"]),
        (2e6, ["2 million", "2,000,000", "2000000", "two million"]),
        (1e6, ["1 million", "1,000,000", "1000000", "one million", "a million"]),
        (5000, ["5,000", "5000", "five thousand"]),
        (500, ["500", "five hundred"]),
        (0.5, ["0.5"]),
        (1234.5, ["1,234.5", "1234.5"]),
        (float("nan"), []),
    ],
)
def test_number_variants(value: float, expected: list[str]) -> None:
    """Variants cover digits with and without separators and small spelled forms."""
    assert number_variants(value) == expected


# --------------------------------------------------------------------------
# Durations and compounds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("four-day", (4, "day")),
        ("four\u2011day", (4, "day")),
        ("a six-week", (6, "week")),
        ("60 days", (60, "day")),
        ("nine-hour", (9, "hour")),
        ("two-month-old", (2, "month")),
        ("24-hour", (24, "hour")),
        ("1.5 hours", (1.5, "hour")),
        ("two-and-a-half-year", (2.5, "year")),
        ("a hundred days", (100, "day")),
        ("Three weeks", (3, "week")),
        ("two centuries", (2, "century")),
        ("weeklong", None),
        ("a week", None),
        ("three-phase", None),
        ("five dollars", None),
        ("about 60 days", None),
        ("G7", None),
        ("", None),
    ],
)
def test_parse_duration(text: str, expected: tuple[float, str] | None) -> None:
    """A number followed by a time unit reads as (number, singular unit)."""
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three-phase", (3, "phase")),
        ("four-day", (4, "day")),
        ("two-state", (2, "state")),
        ("5-year", (5, "year")),
        ("19-year-old", (19, "year")),
        ("twenty-five-year", (25, "year")),
        ("a three-phase", (3, "phase")),
        ("Two-State", (2, "state")),
        ("G7", None),
        ("Covid-19", None),
        ("one-third", None),
        ("two-thirds", None),
        ("one-off", None),
        ("one-on-one", None),
        ("7-Eleven", None),
        ("twenty-five", None),
        ("60 days", None),
        ("", None),
    ],
)
def test_parse_compound_count(text: str, expected: tuple[float, str] | None) -> None:
    """NUMBER-NOUN hyphenated compounds read as (number, noun)."""
    assert parse_compound_count(text) == expected


# --------------------------------------------------------------------------
# Properties


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**9))
def test_format_number_round_trips(n: int) -> None:
    """Every whole number written by format_number reads back to itself."""
    amount = parse_amount(format_number(n))
    assert amount is not None
    assert amount.value == n
    assert amount.as_int() == n


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**12))
def test_number_variants_all_mean_the_number(n: int) -> None:
    """No variant offered to the grader reads as a different number."""
    for variant in number_variants(n):
        amount = parse_amount(variant)
        assert amount is not None, variant
        assert amount.value == n, variant


@given(st.integers(min_value=1, max_value=200))
def test_ordinals_round_trip(n: int) -> None:
    """Spelled and suffixed ordinals read back to their number."""
    assert parse_ordinal(ordinal_word(n)) == n
    assert parse_ordinal(ordinal_suffix(n)) == n
    for variant in ordinal_variants(n):
        if not variant.replace(",", "").isdigit():
            assert parse_ordinal(variant) == n, variant


@given(st.integers(min_value=0, max_value=100))
def test_number_words_round_trip(n: int) -> None:
    """Spelled small numbers read back to their number."""
    word = number_word(n)
    assert word is not None
    amount = parse_amount(word)
    assert amount is not None
    assert amount.value == n


_NEWSY = st.lists(
    st.sampled_from(
        [*"0123456789,.:-/%$£€ aAbmkMpPt", "\u00a0", "\u2011", "million", " per cent", "one"]
    ),
    max_size=30,
).map("".join)


@given(st.one_of(st.text(), _NEWSY))
def test_parsers_never_raise(text: str) -> None:
    """Every parser returns a value or None on arbitrary text."""
    parse_amount(text)
    parse_ordinal(text)
    parse_duration(text)
    parse_compound_count(text)


@pytest.mark.parametrize("text", ["9" * 5000, "9" * 5000 + "th", "one " * 5000, "1," * 5000])
def test_parsers_cope_with_huge_input(text: str) -> None:
    """Very long digit or word runs neither raise nor give infinite values."""
    amount = parse_amount(text)
    assert amount is None or amount.value < float("inf")
    assert parse_ordinal(text) is None
    parse_duration(text)
    parse_compound_count(text)


def test_rand_and_glued_currency_signs() -> None:
    from question_bank.numbers import parse_amount

    assert parse_amount("R350 million") == Amount(350_000_000.0, None, "rand", False)
    assert parse_amount("ZAR 5 billion") == Amount(5_000_000_000.0, None, "rand", False)
    assert parse_amount("HK$860") == Amount(860.0, None, "Hong Kong dollars", False)
    assert parse_amount("R2") is None  # a name or a road without a scale, never money


def test_space_thousands_decimals_after_a_currency_and_rand() -> None:
    assert parse_amount("70 000 workers").value == 70000  # type: ignore[union-attr]
    assert parse_amount("about 1 200 000 people").value == 1200000  # type: ignore[union-attr]
    rand = parse_amount("R4 400")
    assert rand is not None and rand.value == 4400 and rand.currency == "rand"
    assert parse_amount("R2") is None  # a road or a name, not money
    share = parse_amount("S$2.351")
    assert share is not None and share.value == 2.351
    assert parse_amount("1.500").value == 1500  # type: ignore[union-attr]
    assert parse_amount("May 12 500 people") is None  # a date, then a count
    assert parse_amount("2100 GMT") is None


def test_naira_written_with_a_plain_n() -> None:
    naira = parse_amount("N60,000")
    assert naira is not None and naira.value == 60000 and naira.currency == "naira"
    assert parse_amount("N2.5 trillion").value == 2.5e12  # type: ignore[union-attr]
    assert parse_amount("N5") is None  # a name or a grade, not money
