"""Grading responses: lenient about form, never about substance."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank import KINDS, Question, Source, extract_facts, generate_questions, load_article
from question_bank.grading import GRADERS, MAX_RESPONSE, REASONS, Grade, grade, normalize
from question_bank.numbers import (
    format_number,
    number_variants,
    ordinal_suffix,
    ordinal_variants,
    ordinal_word,
)

from .conftest import SEEDS


def bank(
    kind: str,
    answer: str,
    accepted: tuple[str, ...] = (),
    choices: tuple[str, ...] = (),
    fact: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A bank line (the dict form of a question) with only what grading reads filled in."""
    return {
        "id": "q_test",
        "article": "test",
        "kind": kind,
        "prompt": "?",
        "answer": answer,
        "accepted": list(accepted),
        "choices": list(choices),
        "fact": fact or {},
        "source": {"sentence": "", "start": 0, "end": 0},
    }


def short(answer: str, *accepted: str, **fact: Any) -> dict[str, Any]:
    """A short-answer bank line."""
    return bank("short_answer", answer, accepted, fact=fact)


MCQ = bank("mcq", "Israel", choices=("Finland", "Israel", "Iran", "Nigeria"))
TRUE_FALSE = bank("true_false", "True", choices=("True", "False"))
BLINKEN = short("Antony Blinken", "Blinken", type="role", person="Antony Blinken", title="x")
NETANYAHU = short("Benjamin Netanyahu", "Netanyahu")
BUSAIDI = short(
    "Sayyid Badr al-Busaidi",
    "al-Busaidi",
    "Busaidi",
    type="meeting",
    participants=["David Cameron", "Sayyid Badr al-Busaidi"],
)
FOUR_DAYS = short("four days", "4 days", "4-day", "4", "four", "four\u2011day")
FIFTH = short("fifth")
TWELVE_HUNDRED = short("1,200", "1200")


# ---- the API --------------------------------------------------------------------------


def test_one_grader_per_kind() -> None:
    assert set(GRADERS) == set(KINDS)
    assert GRADERS["short_answer"] is GRADERS["cloze"]


def test_grade_reports_what_it_compared() -> None:
    g = grade(BLINKEN, "  Blinken's ")
    assert g == Grade(
        correct=True,
        expected="Antony Blinken",
        response="  Blinken's ",
        normalized="blinken",
        matched="Blinken",
        reason="variant",
    )
    assert g.reason in REASONS


def test_a_question_object_and_its_bank_dict_grade_alike() -> None:
    q = Question(
        id="q_1",
        article="a",
        kind="short_answer",
        prompt="?",
        answer="Antony Blinken",
        accepted=("Blinken",),
        choices=(),
        fact={"type": "role", "person": "Antony Blinken", "title": "Secretary of State"},
        source=Source("s", 0, 1),
    )
    for response in ("Antony Blinken", "blinken", "Blinkin", "Biden", "", "5"):
        assert grade(q, response) == grade(q.to_dict(), response)


def test_an_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="essay"):
        grade(bank("essay", "x"), "x")


# ---- mcq and true/false -------------------------------------------------------------


@pytest.mark.parametrize("response", ["Israel", "israel", "  ISRAEL\t", "ＩＳＲＡＥＬ"])
def test_mcq_the_keyed_choice_in_any_case(response: str) -> None:
    g = grade(MCQ, response)
    assert (g.correct, g.matched, g.reason) == (True, "Israel", "choice")


@pytest.mark.parametrize("response", ["Finland", "iran", "NIGERIA"])
def test_mcq_another_choice_is_wrong(response: str) -> None:
    g = grade(MCQ, response)
    assert (g.correct, g.matched, g.reason) == (False, None, "wrong")


@pytest.mark.parametrize("response", ["Isreal", "Israel.", "B", "Mars", "Israel or Iran"])
def test_mcq_a_response_that_is_not_a_choice_is_wrong_not_an_error(response: str) -> None:
    g = grade(MCQ, response)
    assert (g.correct, g.reason) == (False, "wrong")


@pytest.mark.parametrize("response", ["True", "true", "TRUE", " tRuE ", "t", "T"])
def test_true_false_accepts_true_in_any_case_and_t(response: str) -> None:
    g = grade(TRUE_FALSE, response)
    assert (g.correct, g.matched, g.reason) == (True, "True", "choice")


@pytest.mark.parametrize("response", ["False", "false", "f", "F"])
def test_true_false_the_other_value_is_wrong(response: str) -> None:
    assert not grade(TRUE_FALSE, response).correct
    assert grade(bank("true_false", "False", choices=("True", "False")), response).correct


@pytest.mark.parametrize("response", ["yes", "no", "y", "n", "1", "0", "correct", "tru", "true."])
def test_true_false_accepts_nothing_else(response: str) -> None:
    g = grade(TRUE_FALSE, response)
    assert (g.correct, g.reason) == (False, "wrong")
    g = grade(bank("true_false", "False", choices=("True", "False")), response)
    assert (g.correct, g.reason) == (False, "wrong")


def test_true_false_without_stored_choices() -> None:
    assert grade(bank("true_false", "False"), "f").correct
    assert not grade(bank("true_false", "False"), "t").correct


# ---- normalisation --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Antony   BLINKEN ", "antony blinken"),
        ("ＢＬＩＮＫＥＮ", "blinken"),  # NFKC folds full-width letters
        ("Blinken\u2019s", "blinken"),  # curly apostrophe, trailing possessive
        ("Blinken's", "blinken"),
        ("\u201cDoha\u201d", "doha"),
        ("al-Busaidi", "al busaidi"),
        ("four\u2011day", "four day"),
        ("Middle\u2014East", "middle east"),
        ("U.S.", "us"),
        ("Hello, (world)! [yes]; no: why?", "hello world yes no why"),
        ("The Middle East", "middle east"),
        ("a dozen", "dozen"),
        ("An envoy", "envoy"),
        ("the", "the"),  # an article alone is kept
        ("Türkiye", "turkiye"),
        ("Goïta", "goita"),
        ("Zelenskyy", "zelenskyy"),
        ("São Tomé", "sao tome"),
        ("Łódź", "lodz"),
        ("1,200", "1200"),
        ("1.5 billion", "1.5 billion"),  # a decimal point is a number, not punctuation
        ("12,00", "12 00"),  # not a thousands separator
        ("-5", "-5"),  # a minus sign stays
        ("", ""),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_exact_normalized_and_variant_reasons() -> None:
    assert grade(BLINKEN, "Antony Blinken").reason == "exact"
    assert grade(BLINKEN, "Blinken").reason == "exact"
    assert grade(BLINKEN, "antony  blinken.").reason == "normalized"
    assert grade(BLINKEN, "BLINKEN").reason == "variant"


@pytest.mark.parametrize(
    ("answer", "response"),
    [
        ("Türkiye", "Turkiye"),
        ("Türkiye", "TÜRKIYE"),
        ("Assimi Goïta", "assimi goita"),
        ("the Middle East", "Middle-East"),
        ("the West Bank", "West Bank"),
        ("Joe Biden's top Middle East adviser", "Joe Biden\u2019s top Middle East adviser"),
        ("leader of Iranian - backed Hamas", "leader of Iranian-backed Hamas"),
        ("O'Brien", "OBrien"),
    ],
)
def test_normalised_forms_match(answer: str, response: str) -> None:
    for kind in ("short_answer", "cloze"):
        g = grade(bank(kind, answer), response)
        assert (g.correct, g.matched, g.reason) == (True, answer, "normalized")


def test_an_accepted_form_matches_after_normalisation() -> None:
    g = grade(BUSAIDI, "Al Busaidi")
    assert (g.correct, g.matched, g.reason) == (True, "al-Busaidi", "variant")


# ---- numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "response",
    [
        "1200",
        "1,200",
        "1 200",
        "1\u202f200",
        "1.200",
        "one thousand two hundred",
        "about 1,200",
        "more than 1,200",
        "1,200 people",
    ],
)
def test_equal_numbers_are_correct(response: str) -> None:
    g = grade(short("1,200"), response)
    assert g.correct, g
    assert g.matched == "1,200"


@pytest.mark.parametrize(
    "response", ["about 250", "around 250", "250 abducted", "two hundred and fifty"]
)
def test_a_hedge_does_not_matter(response: str) -> None:
    g = grade(short("250"), response)
    assert (g.correct, g.reason) == (True, "number")


@pytest.mark.parametrize(
    "response",
    [
        "1.5 billion",
        "$1.5 billion",
        "1,500,000,000",
        "1500000000",
        "1.5bn",
        "US$1.5bn",
        "1.5 billion dollars",
    ],
)
def test_money_in_any_form(response: str) -> None:
    assert grade(short("$1.5 billion"), response).correct
    assert grade(short("1.5 billion"), response).correct


@pytest.mark.parametrize(
    ("answer", "response"),
    [
        ("1,200", "1,201"),
        ("1,200", "1199"),
        ("36,600", "36,000"),
        ("36,600", "36,601"),
        ("1,200", "12,00"),
        ("1,200", "120"),
        ("1,200", "12"),
        ("$1.5 billion", "15 billion"),
        ("$1.5 billion", "1.5 million"),
        ("$1.5 billion", "1.5"),
        ("$1.5 billion", "£1.5 billion"),  # another currency
        ("250", "about 251"),
        ("5", "-5"),
        ("-5", "5"),
        ("30", "30%"),
        ("1,200", "1,200 or 1,300"),  # hedging between numbers is not an answer
        ("1,200", "1,300 or 1,200"),
        ("two", "two or three"),
        ("1,200", "1,200 days"),  # a time unit the figure does not have
    ],
)
def test_a_different_number_is_always_wrong(answer: str, response: str) -> None:
    for kind in ("short_answer", "cloze"):
        g = grade(bank(kind, answer), response)
        assert (g.correct, g.reason) == (False, "wrong"), g


def test_one_number_in_several_words_is_one_number() -> None:
    assert grade(short("1.5 million"), "one and a half million").correct
    assert grade(short("150"), "one hundred and fifty").correct
    assert not grade(short("two"), "two and three").correct


def test_a_percentage_without_its_sign() -> None:
    assert grade(short("30%"), "30").correct
    assert grade(short("30%"), "30 per cent").correct
    assert not grade(short("30%"), "31%").correct


# ---- ordinals ---------------------------------------------------------------------------


@pytest.mark.parametrize("response", ["5th", "5", "Fifth trip", "5th time", " 5 "])
def test_ordinals_in_words_suffix_or_bare_digits(response: str) -> None:
    g = grade(FIFTH, response)
    assert (g.correct, g.matched, g.reason) == (True, "fifth", "ordinal")


def test_an_ordinal_keyed_in_digits() -> None:
    q = short("11th")
    assert grade(q, "eleventh").reason == "ordinal"
    assert grade(q, "11").correct
    assert not grade(q, "12th").correct


@pytest.mark.parametrize(
    "response", ["sixth", "6th", "6", "4", "fourth", "5th or 6th", "fifth or sixth"]
)
def test_a_different_ordinal_is_wrong(response: str) -> None:
    g = grade(FIFTH, response)
    assert (g.correct, g.reason) == (False, "wrong")


def test_a_cardinal_word_is_not_an_ordinal() -> None:
    # Only a bare digit stands for an ordinal; "five" answers "how many", not "which".
    assert not grade(FIFTH, "five").correct


def test_ordinals_from_a_generated_question() -> None:
    q = bank("cloze", "eighth", ("8th", "8"))
    for response in ("eighth", "8th", "8", "Eighth", "the eighth"):
        assert grade(q, response).correct
    for response in ("seventh", "7", "9th", "eight"):
        assert not grade(q, response).correct


# ---- durations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "response", ["four days", "4 days", "4-day", "four-day", "Four Day", "four", "4", "4 day"]
)
def test_durations_in_any_form(response: str) -> None:
    assert grade(FOUR_DAYS, response).correct
    assert grade(short("four days"), response).correct  # without accepted forms too


@pytest.mark.parametrize(
    "response",
    [
        "four weeks",
        "4 weeks",
        "4-week",
        "four months",
        "4 hours",
        "95 hours",
        "five days",
        "5",
        "three",
    ],
)
def test_a_different_duration_or_unit_is_wrong(response: str) -> None:
    assert not grade(FOUR_DAYS, response).correct
    assert not grade(short("four days"), response).correct


def test_the_unit_can_come_from_the_fact() -> None:
    q = short("4", type="term", value=4, unit="day")
    assert grade(q, "4 days").correct
    assert not grade(q, "4 weeks").correct


# ---- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "response", "matched"),
    [
        (BLINKEN, "Blinkin", "Blinken"),
        (BLINKEN, "Antony Blinkin", "Antony Blinken"),
        (BLINKEN, "Anthony Blinken", "Antony Blinken"),
        (NETANYAHU, "Netanyahoo", "Netanyahu"),
        (NETANYAHU, "Benjamin Netanyhau", "Benjamin Netanyahu"),  # a transposition is one edit
        (BUSAIDI, "al-Busaidy", "al-Busaidi"),
        (BUSAIDI, "Busaidy", "Busaidi"),
        (short("Jordan"), "Jordon", "Jordan"),
        (short("Muscat"), "Muskat", "Muscat"),
    ],
)
def test_close_spellings_of_names_and_places(
    question: dict[str, Any], response: str, matched: str
) -> None:
    g = grade(question, response)
    assert (g.correct, g.matched, g.reason) == (True, matched, "close_spelling")


@pytest.mark.parametrize(
    ("answer", "response"),
    [
        ("Kirby", "Kurbi"),  # 5 letters: one edit only
        ("Blinken", "Blinkyn's trip"),
        ("Netanyahu", "Netanyahooo"),  # 9 letters: two edits only
        ("Oman", "Omni"),
        ("Ali", "Aly"),  # under 4 letters: exact only
        ("Doha", "Dohaa bay"),
    ],
)
def test_too_far_or_too_short_is_wrong(answer: str, response: str) -> None:
    g = grade(short(answer), response)
    assert (g.correct, g.reason) == (False, "wrong")


def test_never_a_name_the_question_offers_as_another_choice() -> None:
    q = bank("short_answer", "Karim", choices=("Karim", "Karin"))
    assert not grade(q, "Karin").correct  # equal to another candidate
    assert not grade(q, "Karib").correct  # as close to "Karin" as to "Karim"
    assert grade(q, "Karym").correct


def test_never_the_other_meeting_participant() -> None:
    q = short("Joe Biden", "Biden", type="meeting", participants=["Joe Bidon", "Joe Biden"])
    assert not grade(q, "Joe Bidon").correct
    assert not grade(q, "Bidon").correct
    assert grade(q, "Bidden").correct  # nearer Biden than Bidon


@pytest.mark.parametrize("field", ["traveler", "person"])
def test_never_the_traveler_or_person_when_not_the_answer(field: str) -> None:
    q = short("Karim Khan", "Khan", **{field: "Karin Kahn", "type": "x"})
    assert not grade(q, "Karin Kahn").correct
    assert not grade(q, "Kahn").correct
    assert not grade(q, "Karim Kahn").correct  # one edit from each: a tie is not enough
    assert grade(q, "Karim Khann").correct  # one edit from the answer, more from the rival


def test_never_another_real_place() -> None:
    # One edit away, but a country of its own: a different answer, not a misspelling.
    assert not grade(short("Iran"), "Iraq").correct
    assert grade(short("Iran"), "Irna").correct


@pytest.mark.parametrize(
    ("answer", "response"),
    [
        ("fifth", "fifht"),
        ("seven", "sevn"),
        ("three", "there"),
        ("1200", "1201"),
        ("G7 summit", "G8 summit"),
    ],
)
def test_numbers_and_ordinals_are_never_fuzzy(answer: str, response: str) -> None:
    assert not grade(short(answer), response).correct


def test_mcq_is_never_fuzzy() -> None:
    q = bank("mcq", "Antony Blinken", choices=("Antony Blinken", "Joe Biden", "a", "b"))
    assert not grade(q, "Antony Blinkin").correct


# ---- empty and long responses ----------------------------------------------------------------


@pytest.mark.parametrize("response", ["", " ", "\n\t ", "\u00a0", "\u200b", "\u3000"])
@pytest.mark.parametrize("question", [MCQ, TRUE_FALSE, BLINKEN, FIFTH, bank("cloze", "Doha")])
def test_an_empty_response_is_wrong(question: dict[str, Any], response: str) -> None:
    g = grade(question, response)
    assert (g.correct, g.matched, g.reason) == (False, None, "empty")
    assert g.response == response


def test_a_long_response_is_graded_on_its_first_500_characters() -> None:
    long_right = "Blinken" + " " * 600 + "and many other words"
    g = grade(BLINKEN, long_right)
    assert g.correct
    assert g.response == long_right
    assert not grade(BLINKEN, "x" * MAX_RESPONSE + "Blinken").correct
    assert grade(TRUE_FALSE, "true" + " " * 1000).correct


def test_a_huge_response_does_not_raise() -> None:
    for question in (MCQ, TRUE_FALSE, BLINKEN, FIFTH, FOUR_DAYS, TWELVE_HUNDRED):
        for response in ("9" * 100_000, "é" * 100_000, "one " * 50_000, "\u0301" * 10_000):
            assert not grade(question, response).correct


# ---- properties ----------------------------------------------------------------------------------

PROPERTY = settings(max_examples=150, deadline=None)
QUESTIONS = [
    MCQ,
    TRUE_FALSE,
    BLINKEN,
    BUSAIDI,
    NETANYAHU,
    FIFTH,
    FOUR_DAYS,
    TWELVE_HUNDRED,
    short("$1.5 billion"),
    bank("cloze", "four\u2011day", ("four days", "4")),
    short("30%"),
    bank("short_answer", "", ()),
]


def _visible(text: str) -> bool:
    """Whether a text has something besides whitespace and invisible format characters."""
    return bool("".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip())


nonblank = st.text(min_size=1, max_size=60).filter(_visible)


@PROPERTY
@given(response=st.text(max_size=700), index=st.integers(0, len(QUESTIONS) - 1))
def test_any_text_is_graded_without_raising(response: str, index: int) -> None:
    g = grade(QUESTIONS[index], response)
    assert isinstance(g.correct, bool)
    assert g.reason in REASONS
    assert (g.matched is not None) == g.correct


@PROPERTY
@given(
    kind=st.sampled_from(["short_answer", "cloze"]),
    answer=nonblank,
    accepted=st.lists(nonblank, max_size=4),
    fact_names=st.lists(nonblank, max_size=3),
)
def test_the_answer_and_every_accepted_form_grade_correct(
    kind: str, answer: str, accepted: list[str], fact_names: list[str]
) -> None:
    q = bank(kind, answer, tuple(accepted), fact={"participants": fact_names})
    for form in (answer, *accepted):
        assert grade(q, form).correct, form


def _as_choice(text: str) -> str:
    """How a typed choice is compared: NFKC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@PROPERTY
@given(answer=nonblank, others=st.lists(nonblank, min_size=1, max_size=3), data=st.data())
def test_the_keyed_choice_grades_correct(
    answer: str, others: list[str], data: st.DataObject
) -> None:
    choices = [answer, *others]
    data.draw(st.randoms()).shuffle(choices)
    q = bank("mcq", answer, choices=tuple(choices))
    assert grade(q, answer).correct
    for other in others:
        if _as_choice(other) != _as_choice(answer):
            assert not grade(q, other).correct


@PROPERTY
@given(answer=st.sampled_from(["True", "False"]))
def test_true_false_keyed_answer_grades_correct(answer: str) -> None:
    assert grade(bank("true_false", answer, choices=("True", "False")), answer).correct


def _written(n: int) -> list[str]:
    """Ways to write an integer, with and without a hedge."""
    hedged = [f"about {format_number(n)}", f"more than {n}"] if n >= 0 else []
    return [*number_variants(n), *hedged]


@PROPERTY
@given(
    n=st.integers(-1000, 10**12),
    k=st.integers(-1000, 10**12),
    kind=st.sampled_from(["short_answer", "cloze"]),
)
def test_a_different_integer_never_grades_correct(n: int, k: int, kind: str) -> None:
    if n == k:
        k = n + 1
    q = bank(kind, format_number(n), tuple(number_variants(n)))
    for response in _written(k):
        assert not grade(q, response).correct, (n, response)
    for response in _written(n):
        assert grade(q, response).correct, (n, response)


@PROPERTY
@given(n=st.integers(1, 10**6), k=st.integers(1, 10**6))
def test_a_different_ordinal_never_grades_correct(n: int, k: int) -> None:
    if n == k:
        k = n + 1
    q = short(ordinal_word(n), *ordinal_variants(n)[1:])
    bare = short(ordinal_suffix(n))
    for response in ordinal_variants(k):
        assert not grade(q, response).correct, (n, response)
        assert not grade(bare, response).correct, (n, response)
    for response in ordinal_variants(n):
        assert grade(q, response).correct, (n, response)
        assert grade(bare, response).correct, (n, response)


# ---- the seed articles ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_questions(nlp) -> list[Question]:  # type: ignore[no-untyped-def]
    out: list[Question] = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = load_article(path)
        out += generate_questions(article, extract_facts(article, nlp=nlp))
    return out


def test_every_seed_question_grades_its_own_answers(seed_questions: list[Question]) -> None:
    assert seed_questions
    failures: list[str] = []
    for q in seed_questions:
        for form in (q.answer, *q.accepted):
            g = grade(q, form)
            if not g.correct:
                failures.append(f"{q.id} {q.kind}: {form!r} for {q.answer!r} graded {g.reason}")
            if not grade(q.to_dict(), form).correct:
                failures.append(f"{q.id} {q.kind}: {form!r} wrong from the bank dict")
        if q.kind == "mcq":
            for choice in q.choices:
                if choice != q.answer and grade(q, choice).correct:
                    failures.append(f"{q.id} mcq: other choice {choice!r} graded correct")
    assert not failures, "generated questions the grader disagrees with:\n" + "\n".join(failures)


def test_a_name_with_a_title_before_it_or_its_last_words_is_right() -> None:
    from question_bank.grading import grade

    q = {
        "kind": "short_answer",
        "answer": "Nicolás Maduro",
        "accepted": ["Maduro"],
        "prompt": "Who did Irfaan Ali meet?",
        "fact": {"type": "meeting"},
    }
    for typed in ("President Maduro", "Mr Maduro", "president nicolas maduro"):
        assert grade(q, typed).correct, typed
    for typed in ("President", "Mr Smith", "Nicolas"):
        assert not grade(q, typed).correct, typed
    lula = dict(q, answer="Luiz Inacio Lula da Silva", accepted=["Lula"])
    assert grade(lula, "Lula da Silva").correct
    assert not grade(lula, "Silva").correct  # one word that is no form of his name
    title = dict(q, answer="Minister", accepted=[], fact={"type": "role", "title": "Minister"})
    assert not grade(title, "Prime Minister").correct


def test_a_name_typed_with_its_country_and_title_is_right() -> None:
    """ "Trinidad and Tobago Prime Minister Keith Rowley", "US Senator Mitchell": the
    article's own way of naming someone, country and title first, is the name."""
    from question_bank.grading import grade

    q = {
        "kind": "short_answer",
        "answer": "Erik Lunde",
        "accepted": ["Lunde"],
        "prompt": "Who did Lea Novak meet in Oslo?",
        "fact": {"type": "meeting"},
    }
    for typed in (
        "Norwegian Prime Minister Erik Lunde",
        "Trinidad and Tobago Prime Minister Erik Lunde",
        "US Senator Lunde",
    ):
        assert grade(q, typed).correct, typed
    for typed in ("Norwegian Prime Minister", "Norway", "Trinidad Lunde", "Norwegian Erik Berg"):
        assert not grade(q, typed).correct, typed


def test_names_in_their_own_order_and_parts_and_titles_that_start_with_an_ordinal() -> None:
    from question_bank.forms import name_forms
    from question_bank.grading import grade

    def who(answer: str) -> dict[str, object]:
        return {
            "kind": "short_answer",
            "answer": answer,
            "accepted": list(name_forms(answer))[1:],
            "prompt": "Who did Erik Lunde meet in Oslo?",
            "fact": {"type": "meeting"},
        }

    # a Chinese or Korean name leads with the family name; "Kim Darroch" does not
    assert grade(who("Lin Hao"), "Lin").correct and not grade(who("Lin Hao"), "Hao").correct
    assert grade(who("Moon Jae-in"), "Moon").correct
    assert grade(who("Kim Darroch"), "Darroch").correct
    assert not grade(who("Kim Darroch"), "Kim").correct
    # the other order a name is written in ("Yoko Kamikawa" for Kamikawa Yoko)
    assert grade(who("Kamikawa Yoko"), "Yoko Kamikawa").correct
    assert not grade(who("Kamikawa Yoko"), "Yoko Tanaka").correct
    # the first and last words of a longer name; a Gulf ruler by his given name
    assert grade(who("Hina Rabbani Khar"), "Hina Khar").correct
    assert not grade(who("Hina Rabbani Khar"), "Hina").correct
    tamim = who("Tamim bin Hamad Al Thani")
    assert grade(tamim, "Sheikh Tamim").correct and grade(tamim, "Tamim Al Thani").correct
    assert not grade(tamim, "Hamad").correct
    # "First Deputy President" is a title, not the ordinal "first"
    title = {
        "kind": "short_answer",
        "answer": "First Deputy President",
        "accepted": [],
        "prompt": "What position did Ana Rojas hold?",
        "fact": {"type": "role", "title": "First Deputy President"},
    }
    assert grade(title, "first deputy president").correct
    for typed in ("first", "First Secretary", "first lady"):
        assert not grade(title, typed).correct, typed


def test_a_country_by_any_of_its_names() -> None:
    from question_bank.grading import grade

    q = {
        "kind": "short_answer",
        "answer": "Vietnam",
        "accepted": [],
        "prompt": "Which country did Lea Novak visit?",
        "fact": {"type": "visit", "places": ["Vietnam"]},
    }
    for typed in ("Viet Nam", "Vietnam", "Socialist Republic of Viet Nam"):
        assert grade(q, typed).correct, typed
    assert not grade(q, "Laos").correct


def test_an_answer_framed_in_the_words_a_student_adds() -> None:
    """ "his first visit", "in Kabul", "Kabul, Afghanistan", "$860" for HK$860; never a
    wrong ordinal, a wrong country beside the place, or another currency."""
    from question_bank.grading import grade

    trip = {
        "kind": "short_answer",
        "answer": "first",
        "accepted": ["1st"],
        "fact": {"type": "trip", "traveler": "Ana Rios", "ordinal": 1},
    }
    for typed in ("his first visit", "her first", "first official visit", "the first"):
        assert grade(trip, typed).correct, typed
    for typed in ("his second visit", "second"):
        assert not grade(trip, typed).correct, typed
    place = {
        "kind": "cloze",
        "answer": "Kabul",
        "accepted": [],
        "fact": {"type": "visit", "traveler": "Ana Rios", "places": ["Kabul"]},
    }
    for typed in ("in Kabul", "Kabul, Afghanistan", "Kabul (Afghanistan)"):
        assert grade(place, typed).correct, typed
    for typed in ("Kabul, Pakistan", "in Herat", "Afghanistan, Kabul province"):
        assert not grade(place, typed).correct, typed
    wage = {
        "kind": "cloze",
        "answer": "HK$860",
        "accepted": [],
        "fact": {"type": "term", "value": 860, "unit": "Hong Kong dollars"},
    }
    for typed in ("$860", "HKD 860", "HK$ 860"):
        assert grade(wage, typed).correct, typed
    for typed in ("US$860", "$870", "HKD 680"):
        assert not grade(wage, typed).correct, typed


def test_a_signed_agreements_subject_is_graded_as_words() -> None:
    q = {
        "kind": "cloze",
        "answer": "5G networks",
        "accepted": [],
        "fact": {"type": "signing", "agreement": "agreements", "topic": "5G networks"},
    }
    assert grade(q, "5G networks").correct
    assert not grade(q, "6G networks").correct


def test_a_span_in_another_unit_that_converts_exactly_is_right() -> None:
    days = {
        "kind": "cloze",
        "answer": "14 days",
        "accepted": ["14", "fourteen", "14-day"],
        "fact": {"type": "quantity", "value": 14, "unit": "days", "text": "for 14 days"},
    }
    assert grade(days, "two weeks").correct and grade(days, "2 weeks").correct
    assert grade(FOUR_DAYS, "96 hours").correct  # four days exactly
    assert not grade(days, "three weeks").correct and not grade(days, "one week").correct
    years = {
        "kind": "cloze",
        "answer": "two years",
        "accepted": [],
        "fact": {"type": "quantity", "value": 2, "unit": "years", "text": "a two-year deal"},
    }
    assert grade(years, "24 months").correct
    assert not grade(years, "18 months").correct


def test_a_countrys_other_names_agree_in_a_title_and_a_host_on_a_tour_gets_the_country(  # type: ignore[no-untyped-def]
    article, nlp
) -> None:
    from question_bank.forms import titles_match
    from question_bank.gazetteer import country_of_word

    assert country_of_word("Côte d’Ivoire") == country_of_word("Ivory Coast") is not None
    assert country_of_word("Türkiye") == "Turkey"
    assert country_of_word("Korea") is None  # two countries go by it
    assert titles_match("President of Côte d'Ivoire", "President of Ivory Coast")
    assert titles_match("Cote d'Ivoire's president", "President of Ivory Coast")
    assert not titles_match("President of Ghana", "President of Ivory Coast")

    text = (
        "President Lea Novak of Croatia began a five-day tour of West Africa in Senegal "
        "on Monday. She will also visit Côte d'Ivoire and Ghana. In Côte d'Ivoire, she "
        "will be hosted by President Amadou Kone for a state visit."
    )
    a = article(text)
    questions = generate_questions(a, extract_facts(a, nlp=nlp), None, ("short_answer",))
    role = next(
        q for q in questions if q.kind == "short_answer" and q.fact.get("person") == "Amadou Kone"
    )
    assert grade(role, "President of Côte d'Ivoire").correct
    assert grade(role, "President").correct
    assert not grade(role, "President of Ghana").correct


def test_common_short_forms_of_a_country_are_right_and_official_names_stay() -> None:
    from question_bank.forms import place_forms

    q = {
        "kind": "short_answer",
        "answer": "New Zealand",
        "accepted": [],
        "prompt": "Which country did Lea Novak visit?",
        "fact": {"type": "visit"},
    }
    assert grade(q, "NZ").correct
    assert not grade(q, "NK").correct
    assert {"PNG", "Independent State of Papua New Guinea"} <= set(place_forms("Papua New Guinea"))
    assert {"KSA", "Kingdom of Saudi Arabia"} <= set(place_forms("Saudi Arabia"))
