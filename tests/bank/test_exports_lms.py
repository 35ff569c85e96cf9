"""LMS and flashcard exports: GIFT (written and read back), Moodle XML, CSV and TSV."""

from __future__ import annotations

import csv
import html
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank import extract_facts, generate_questions, load_article
from question_bank.exporters import ExportError, ExportItem
from question_bank.exporters.gift import (
    GiftError,
    GiftQuestion,
    item_tags,
    parse_gift,
    to_gift,
)
from question_bank.exporters.moodle import to_moodle_xml
from question_bank.exporters.tabular import to_csv, to_tsv
from question_bank.model import Question, Source
from question_bank.questions import DistractorPool

from .conftest import SEEDS

SPECIAL = "~=#{}:"
TRIM = " \t\n\r\x00\x0b"


def make(
    qid: str,
    kind: str,
    prompt: str,
    answer: str,
    accepted: tuple[str, ...] = (),
    choices: tuple[str, ...] = (),
    fact_type: str = "meeting",
) -> Question:
    """A question with a fixed article and source."""
    return Question(
        id=qid,
        article="art-1",
        kind=kind,
        prompt=prompt,
        answer=answer,
        accepted=accepted,
        choices=choices,
        fact={"type": fact_type},
        source=Source("Blinken met Sheikh Mohammed in Doha on {Monday} & <b>left</b>.", 0, 60),
    )


def hand_made() -> list[ExportItem]:
    """Questions of every kind, with GIFT's special characters and some HTML."""
    return [
        ExportItem(
            make(
                "q_mcq",
                "mcq",
                "Who met Blinken {in Doha}? a=b, c~d #1: <script>alert('x')</script> \\ end",
                "Sheikh #Mohammed",
                choices=("Omar ~Said", "Sheikh #Mohammed", "Lea {Novak}", "Kenji: Sato"),
            ),
            deck="Middle East",
            tags=("week 3", "review]"),
            article_title="Blinken in Doha",
            article_date="2024-01-04",
        ),
        ExportItem(
            make(
                "q_short",
                "short_answer",
                "Where did Blinken go? (2 = two) {sic}",
                "Doha",
                accepted=("doha:qatar", "Ad-Dawhah #1", "%50% of Qatar", "[html]Doha"),
                fact_type="visit",
            ),
            deck="Middle East",
        ),
        ExportItem(
            make(
                "q_cloze",
                "cloze",
                "According to the report: fill in the blank. “Blinken met _____ in Doha ~ {today}.”",
                "Sheikh Mohammed",
                accepted=("Mohammed",),
            ),
            deck="Gulf/Qatar",
            tags=("cloze practice",),
        ),
        ExportItem(
            make("q_cloze_end", "cloze", "Fill in: Blinken met _____", "Sheikh Mohammed"),
            deck="Gulf/Qatar",
        ),
        ExportItem(
            make("q_cloze_start", "cloze", "_____ met Sheikh Mohammed.", "Blinken"),
            deck="Gulf/Qatar",
        ),
        ExportItem(
            make(
                "q_true",
                "true_false",
                "True or false? Blinken met #2: {Sheikh} Mohammed.",
                "True",
                choices=("True", "False"),
            ),
            deck="Middle East",
        ),
        ExportItem(
            make(
                "q_false",
                "true_false",
                "True or false? It was his 9th trip.",
                "False",
                choices=("True", "False"),
                fact_type="trip",
            ),
            deck="Middle East",
        ),
    ]


def expected_category(deck: str) -> str:
    """The GIFT category a deck's questions are filed under (spaces tidied, "/" doubled)."""
    return "News Quiz/" + " ".join(deck.split()).replace("/", "//")


def assert_same(parsed: list[GiftQuestion], items: list[ExportItem]) -> None:
    """Parsed GIFT questions match the exported items field by field."""
    assert len(parsed) == len(items)
    by_id = {g.id: g for g in parsed}
    assert len(by_id) == len(items)
    for item in items:
        q = item.question
        g = by_id[q.id]
        assert g.kind == q.kind, q.id
        assert g.prompt == q.prompt, q.id
        assert g.answer == q.answer, q.id
        assert g.accepted == q.accepted, q.id
        assert g.choices == q.choices, q.id
        assert g.tags == item_tags(item), q.id
        assert g.category == expected_category(item.deck), q.id
        assert g.title == q.id


# ---- GIFT: writing -------------------------------------------------------------------


def test_gift_groups_questions_under_one_category_per_deck_in_first_seen_order() -> None:
    items = hand_made()
    text = to_gift(items)
    lines = text.splitlines()
    categories = [line for line in lines if line.startswith("$CATEGORY:")]
    assert categories == ["$CATEGORY: News Quiz/Middle East", "$CATEGORY: News Quiz/Gulf//Qatar"]
    middle, gulf = text.split("$CATEGORY: News Quiz/Gulf//Qatar")
    for qid in ("q_mcq", "q_short", "q_true", "q_false"):
        assert f"::{qid}::" in middle
    for qid in ("q_cloze", "q_cloze_end", "q_cloze_start"):
        assert f"::{qid}::" in gulf
    assert text.endswith("\n") and not text.endswith("\n\n\n")
    assert "\n\n// [id:q_short]" in text  # a blank line before every question


def test_gift_comment_title_and_answer_blocks() -> None:
    lines = to_gift(hand_made()).splitlines()

    def question_line(qid: str) -> tuple[str, str]:
        at = next(i for i, line in enumerate(lines) if line.startswith(f"::{qid}::"))
        return lines[at - 1], lines[at]

    comment, line = question_line("q_mcq")
    assert comment == (
        "// [id:q_mcq] [tag:art-1] [tag:meeting] [tag:mcq] [tag:week_3] [tag:review\\]]"
    )
    assert line.startswith("::q_mcq::[plain]Who met Blinken \\{in Doha\\}? a\\=b, c\\~d \\#1\\: ")
    assert "<script>alert('x')</script> \\\\ end {" in line
    assert line.endswith("{~Omar \\~Said =Sheikh \\#Mohammed ~Lea \\{Novak\\} ~Kenji\\: Sato}")

    _, line = question_line("q_short")
    assert line.endswith(
        "(2 \\= two) \\{sic\\} {=Doha =doha\\:qatar =Ad-Dawhah \\#1 =[plain]%50% of Qatar"
        " =[plain][html]Doha}"
    )

    _, line = question_line("q_cloze")
    assert line == (
        "::q_cloze::[plain]According to the report\\: fill in the blank. "
        "“Blinken met {=Sheikh Mohammed =Mohammed} in Doha \\~ \\{today\\}.”"
    )
    _, line = question_line("q_cloze_end")
    assert line == "::q_cloze_end::[plain]Fill in\\: Blinken met {=Sheikh Mohammed}\\n"
    _, line = question_line("q_cloze_start")
    assert line == "::q_cloze_start::[plain]{=Blinken} met Sheikh Mohammed."

    _, line = question_line("q_true")
    assert (
        line == "::q_true::[plain]True or false? Blinken met \\#2\\: \\{Sheikh\\} Mohammed. {TRUE}"
    )
    _, line = question_line("q_false")
    assert line.endswith("{FALSE}")


def test_gift_escapes_every_special_character_outside_the_syntax() -> None:
    for line in to_gift(hand_made()).splitlines():
        if not line.startswith("::"):
            continue
        body = line[line.index("::", 2) + 2 :]
        unescaped: list[tuple[int, str]] = []
        i = 0
        while i < len(body):
            if body[i] == "\\":
                i += 2
                continue
            if body[i] in SPECIAL:
                unescaped.append((i, body[i]))
            i += 1
        braces = [(i, c) for i, c in unescaped if c in "{}"]
        assert [c for _, c in braces] == ["{", "}"], line
        start, end = braces[0][0], braces[1][0]
        inside = [c for i, c in unescaped if start < i < end]
        outside = [c for i, c in unescaped if not start <= i <= end]
        assert outside == [], line
        assert set(inside) <= {"=", "~"}, line


# ---- GIFT: round trips ---------------------------------------------------------------


def test_gift_round_trip_of_hand_made_questions() -> None:
    items = hand_made()
    assert_same(parse_gift(to_gift(items)), items)


@pytest.fixture(scope="module")
def seed_items(nlp) -> list[ExportItem]:  # type: ignore[no-untyped-def]
    """Every question generated from the seed articles, one deck per article."""
    pool = DistractorPool()
    items: list[ExportItem] = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = load_article(path)
        facts = extract_facts(article, nlp=nlp)
        for q in generate_questions(article, facts, pool):
            items.append(
                ExportItem(
                    q,
                    deck=article.display_title[:40],
                    tags=("seed", "blinken trips"),
                    article_title=article.display_title,
                )
            )
    return items


def test_gift_round_trip_of_seed_questions(seed_items: list[ExportItem]) -> None:
    assert {i.question.kind for i in seed_items} == {"mcq", "short_answer", "cloze", "true_false"}
    assert len(seed_items) > 40
    assert_same(parse_gift(to_gift(seed_items)), seed_items)


printable = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), min_size=1, max_size=60
).filter(lambda s: bool(s.strip(TRIM)))
answer_text = printable.filter(lambda s: "->" not in s)


@settings(max_examples=150, deadline=None)
@given(
    prompt=printable,
    answer=answer_text,
    accepted=st.lists(answer_text, max_size=3),
    wrong=st.lists(answer_text, min_size=1, max_size=3),
    tag=st.text(max_size=20),
)
def test_gift_round_trip_of_any_text(
    prompt: str, answer: str, accepted: list[str], wrong: list[str], tag: str
) -> None:
    answer = answer.strip(TRIM)
    accepted_t = tuple(a.strip(TRIM) for a in accepted)
    wrong_t = tuple(w for w in dict.fromkeys(w.strip(TRIM) for w in wrong) if w != answer)
    prompt = prompt.strip(TRIM)
    items = [
        ExportItem(make("q1", "short_answer", prompt, answer, accepted_t), deck="D", tags=(tag,)),
        ExportItem(make("q2", "cloze", prompt + " _____ " + prompt, answer, accepted_t), deck="D"),
    ]
    if wrong_t:
        items.append(ExportItem(make("q3", "mcq", prompt, answer, (), (*wrong_t, answer)), "D"))
    assert_same(parse_gift(to_gift(items)), items)


# ---- GIFT: reading hand-written files -----------------------------------------------

HAND_WRITTEN = """\
// A quiz written by hand, the way the Moodle docs show it.
$CATEGORY: News Quiz/Hand written

// [id:grant-1] [tag:history] [tag:us\\]pres]
::Grant's tomb::Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}

Grant is {~buried =entombed ~living} in Grant's tomb.

Grant was buried in a tomb in New York City.{T}

The sun rises in the west.{FALSE}

// no title, answers on their own lines, feedback and general feedback
What is the capital
of France?
{
    =Paris#Right!
    =%100%paris
    =Paris, France
    ####The capital is Paris.
}

::escaped::Is 2 \\= 2 \\: \\{really\\} \\~ \\# \\\\ \\n (yes)?{TRUE}

The two-state talks were held in {=Oslo =oslo} in 1993.

[html]Which is <b>bold</b>?{
~%0%this one
~%100%that one#correct
~the other
}

$CATEGORY: $course$/top/Other
A lone short answer {Doha}

::Mixed::It is {TRUE#no it is not#yes it is} true.
"""


def test_hand_written_gift_is_read() -> None:
    got = parse_gift(HAND_WRITTEN.replace("\n", "\r\n"))
    hand = "News Quiz/Hand written"
    assert got == [
        GiftQuestion(
            "mcq",
            "Who's buried in Grant's tomb?",
            "no one",
            (),
            ("Grant", "Jefferson", "no one"),
            "grant-1",
            ("history", "us]pres"),
            hand,
        ),
        GiftQuestion(
            "mcq",
            "Grant is _____ in Grant's tomb.",
            "entombed",
            (),
            ("buried", "entombed", "living"),
            category=hand,
        ),
        GiftQuestion(
            "true_false",
            "Grant was buried in a tomb in New York City.",
            "True",
            choices=("True", "False"),
            category=hand,
        ),
        GiftQuestion(
            "true_false",
            "The sun rises in the west.",
            "False",
            choices=("True", "False"),
            category=hand,
        ),
        GiftQuestion(
            "short_answer",
            "What is the capital of France?",
            "Paris",
            ("paris", "Paris, France"),
            category=hand,
        ),
        GiftQuestion(
            "true_false",
            "Is 2 = 2 : {really} ~ # \\ \n (yes)?",
            "True",
            choices=("True", "False"),
            category=hand,
        ),
        GiftQuestion(
            "cloze",
            "The two-state talks were held in _____ in 1993.",
            "Oslo",
            ("oslo",),
            category=hand,
        ),
        GiftQuestion(
            "mcq",
            "Which is <b>bold</b>?",
            "that one",
            (),
            ("this one", "that one", "the other"),
            category=hand,
        ),
        GiftQuestion("short_answer", "A lone short answer", "Doha", category="$course$/top/Other"),
        GiftQuestion(
            "true_false",
            "It is _____ true.",
            "True",
            choices=("True", "False"),
            category="$course$/top/Other",
        ),
    ]
    assert [g.title for g in got][:2] == ["Grant's tomb", None]
    assert got[5].title == "escaped"
    assert [g.line for g in got][:5] == [5, 7, 9, 11, 14]


def test_byte_order_mark_and_a_file_of_comments_only() -> None:
    assert parse_gift("\ufeff// nothing here\n\n// still nothing\n") == []
    assert parse_gift("") == []
    (q,) = parse_gift("\ufeff::t::Capital of Chad?{=N'Djamena}\n")
    assert (q.kind, q.answer, q.title, q.category) == ("short_answer", "N'Djamena", "t", None)


MALFORMED = [
    ("Q1?{=a}\n\nWhen was Grant born?{#1822:5}\n", 3, "numerical"),
    ("Q1?{=a}\n\nMatch:{=Canada->Ottawa =Italy->Rome}\n", 3, "matching"),
    ("Write an essay.{}\n", 1, "essay"),
    ("Q?{~%50%a ~%50%b ~c}\n", 1, "%50%"),
    ("Q?{=%50%half =full}\n", 1, "%50%"),
    ("Just a description with no answers.\n", 1, "no answer block"),
    ("::title without end Q?{=a}\n", 1, "unclosed ::"),
    ("Q1?{=a}\n\n// c\n\nQ2?\n{\n=a\n=b\n\n", 6, "unclosed {"),
    ("Q?} {=a}\n", 1, "} without"),
    ("Q?{~a =b =c}\n", 1, "exactly one right answer, found 2"),
    ("Q?{~a ~b}\n", 1, "exactly one right answer, found 0"),
    ("Q?{=a {=b}}\n", 1, "{ inside"),
    ("Q? {=a} and {=b}\n", 1, "second answer block"),
    ("Q?{=}\n", 1, "empty answer"),
    ("::t::{=a}\n", 1, "no text"),
    ("Q?{junk ~a =b}\n", 1, "before the first"),
    ("$CATEGORY:\n\nQ?{=a}\n", 1, "category"),
]


@pytest.mark.parametrize(("text", "line", "words"), MALFORMED)
def test_malformed_gift_names_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(GiftError) as caught:
        parse_gift(text)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"line {line}: ")
    assert words in str(caught.value)


def test_an_error_in_a_long_file_names_its_line_and_returns_nothing() -> None:
    good = to_gift(hand_made())
    bad_line = good.count("\n") + 4
    text = good + "\n// next one is broken\n::broken::How many?\n{=1 =2\n"
    assert bad_line == text.splitlines().index("{=1 =2") + 1
    with pytest.raises(GiftError, match=rf"^line {bad_line}: unclosed \{{ in question$"):
        parse_gift(text)


def test_gift_export_refuses_what_gift_cannot_carry() -> None:
    with pytest.raises(ExportError, match="q_arrow"):
        to_gift([ExportItem(make("q_arrow", "short_answer", "Q?", "A->B"), "D")])
    with pytest.raises(ExportError, match="q_one"):
        to_gift([ExportItem(make("q_one", "mcq", "Q?", "A", choices=("A",)), "D")])
    with pytest.raises(ExportError, match="q_tf"):
        to_gift([ExportItem(make("q_tf", "true_false", "Q?", "Maybe"), "D")])
    with pytest.raises(ExportError, match="q_empty"):
        to_gift([ExportItem(make("q_empty", "short_answer", "  ", "A"), "D")])


# ---- Moodle XML ----------------------------------------------------------------------


def parse_xml(text: str) -> ET.Element:
    """The Moodle XML as a tree, after checking the declaration."""
    assert text.startswith("<?xml version='1.0' encoding='UTF-8'?>\n<quiz>")
    return ET.fromstring(text.encode("utf-8"))


def text_of(element: ET.Element, path: str) -> str:
    """The ``<text>`` under a child element."""
    node = element.find(f"{path}/text")
    assert node is not None, path
    return node.text or ""


def check_moodle(root: ET.Element, items: list[ExportItem]) -> None:
    """The quiz has a category per deck and each question as Moodle expects it."""
    assert root.tag == "quiz"
    by_id = {i.question.id: i for i in items}
    decks: list[str] = []
    current: str | None = None
    seen = 0
    for question in root.findall("question"):
        qtype = question.get("type")
        if qtype == "category":
            current = text_of(question, "category")
            decks.append(current)
            continue
        seen += 1
        qid = question.findtext("idnumber")
        assert qid is not None
        item = by_id[qid]
        q = item.question
        assert current == "$course$/" + expected_category(item.deck)
        assert (
            qtype
            == {
                "mcq": "multichoice",
                "short_answer": "shortanswer",
                "cloze": "shortanswer",
                "true_false": "truefalse",
            }[q.kind]
        )
        assert text_of(question, "name") == q.id
        qtext = question.find("questiontext")
        assert qtext is not None and qtext.get("format") == "html"
        shown = text_of(question, "questiontext")
        assert "<" not in shown  # HTML-escaped: Moodle shows it, never runs it
        assert html.unescape(shown) == q.prompt
        feedback = html.unescape(text_of(question, "generalfeedback"))
        assert " ".join(q.source.sentence.split()) in feedback
        tags = [t.text for t in question.findall("tags/tag/text")]
        assert tags == list(item_tags(item))
        answers = question.findall("answer")
        fractions = [float(a.get("fraction", "nan")) for a in answers]
        texts = [a.findtext("text") or "" for a in answers]
        if qtype == "multichoice":
            assert question.findtext("single") == "true"
            assert question.findtext("shuffleanswers") in ("true", "1")
            assert sorted(fractions) == [0.0] * (len(answers) - 1) + [100.0]
            assert [html.unescape(t) for t in texts] == list(q.choices)
            assert html.unescape(texts[fractions.index(100.0)]) == q.answer
        elif qtype == "shortanswer":
            assert question.findtext("usecase") == "0"
            assert fractions and all(f == 100.0 for f in fractions)
            assert texts[0] == q.answer.replace("*", "\\*")
            assert set(texts) <= {a.replace("*", "\\*") for a in (q.answer, *q.accepted)}
            if q.kind == "cloze":
                assert "_____" in shown
        else:
            assert sorted(texts) == ["false", "true"]
            assert sorted(fractions) == [0.0, 100.0]
            assert texts[fractions.index(100.0)] == q.answer.lower()
    assert seen == len(items)
    assert len(decks) == len(set(decks)) == len({i.deck for i in items})


def test_moodle_xml_structure_of_hand_made_questions() -> None:
    items = hand_made()
    text = to_moodle_xml(items)
    root = parse_xml(text)
    check_moodle(root, items)
    assert [text_of(q, "category") for q in root.findall("question[@type='category']")] == [
        "$course$/News Quiz/Middle East",
        "$course$/News Quiz/Gulf//Qatar",
    ]
    assert "&amp;lt;script&amp;gt;" in text  # escaped as HTML, then as XML
    assert "\n  <question" in text  # pretty-printed
    mcq = root.find("question[idnumber='q_mcq']")
    assert mcq is not None
    feedback = html.unescape(text_of(mcq, "generalfeedback"))
    assert "Blinken in Doha" in feedback and "2024-01-04" in feedback


def test_moodle_xml_of_seed_questions(seed_items: list[ExportItem]) -> None:
    check_moodle(parse_xml(to_moodle_xml(seed_items)), seed_items)


def test_moodle_xml_drops_characters_xml_cannot_hold_and_escapes_wildcards() -> None:
    items = [
        ExportItem(make("q_ctl", "short_answer", "Bell\x07 and\x00 NUL?", "5*3", ("15",)), "D"),
    ]
    root = parse_xml(to_moodle_xml(items))
    question = root.find("question[@type='shortanswer']")
    assert question is not None
    assert text_of(question, "questiontext") == "Bell and NUL?"
    assert [a.findtext("text") for a in question.findall("answer")] == ["5\\*3", "15"]


# ---- CSV / TSV -----------------------------------------------------------------------


def rows(text: str, delimiter: str) -> list[list[str]]:
    """The records of a CSV/TSV text."""
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_csv_and_tsv_columns_and_tags(delimiter: str) -> None:
    items = hand_made()
    items.append(
        ExportItem(
            make("q_quote", "short_answer", 'He said "yes,\tno"\nand left; ok?', "yes, no"),
            "D",
            tags=("two words", "x"),
        )
    )
    text = to_csv(items, delimiter=delimiter)
    assert text.count("\n") == len(items)  # one line per card: Quizlet reads raw lines
    got = rows(text, delimiter)
    assert len(got) == len(items)
    for (front, back, tags), item in zip(got, items, strict=True):
        q = item.question
        assert tags.split(" ") == list(item_tags(item))
        assert all(" " not in t for t in tags.split(" "))
        assert q.answer in back
        if q.kind == "mcq":
            for letter, choice in zip("ABCD", q.choices, strict=True):
                assert f"{letter}) {choice}" in front
            assert back == "B) Sheikh #Mohammed"
        else:
            assert front == " ".join(q.prompt.replace("\t", " ").split("\n"))
        for accepted in q.accepted:
            assert accepted in back
    assert got[-1][:2] == ['He said "yes, no" and left; ok?', "yes, no"]


def test_tabular_options() -> None:
    items = hand_made()[:2]
    assert rows(to_csv(items), ",")[0][0].startswith("Who met Blinken")  # no header by default
    with_header = rows(to_csv(items, header=True), ",")
    assert with_header[0] == ["front", "back", "tags"] and len(with_header) == 3
    assert to_tsv(items) == to_csv(items, delimiter="\t")
    two = rows(to_tsv(items, tags=False), "\t")
    assert [len(r) for r in two] == [2, 2]
    anki = to_tsv(items, anki_header=True).splitlines()
    assert anki[:5] == [
        "#separator:Tab",
        "#html:false",
        "#notetype:Basic",
        "#tags column:3",
        "#deck column:4",
    ]
    assert len(anki) == 7 and [len(r) for r in rows("\n".join(anki[5:]), "\t")] == [4, 4]
    untagged = to_csv(items, tags=False, anki_header=True).splitlines()
    assert untagged[3] == "#deck column:3" and "#tags column:3" not in untagged


def test_seed_questions_as_tsv(seed_items: list[ExportItem]) -> None:
    got = rows(to_tsv(seed_items), "\t")
    assert len(got) == len(seed_items)
    assert all(len(r) == 3 and r[0] and r[1] for r in got)


# ---- nothing to export ----------------------------------------------------------------


def _nothing() -> Iterator[ExportItem]:
    """An empty selection, as a generator."""
    yield from ()


@pytest.mark.parametrize(
    "export",
    [to_gift, to_moodle_xml, to_csv, to_tsv],
    ids=["gift", "moodle", "csv", "tsv"],
)
def test_empty_selection_raises(export) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ExportError):
        export([])
    with pytest.raises(ExportError):
        export(_nothing())
