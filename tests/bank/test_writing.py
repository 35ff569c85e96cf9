"""The question writer's rules, each on sentences and articles written for the test.

Most tests build the facts by hand (no spaCy), so they test the writer alone; a few run
the whole pipeline. The events are invented.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

import pytest

from question_bank import Article, Question, parse_article
from question_bank.forms import name_forms, offices_overlap, place_forms, title_forms, titles_match
from question_bank.grading import grade
from question_bank.model import KINDS, Cue, Meeting, Quantity, Role, Source, Term, Visit
from question_bank.writing import DistractorPool, generate_questions
from question_bank.writing.anchors import anchor_candidates, choose_anchor, detect_headline
from question_bank.writing.distractors import figure_distractors, pick, seeded
from question_bank.writing.filters import TITLE_SHARE
from question_bank.writing.places import contains_or_within, place_kind, with_the
from question_bank.writing.templates import TEMPLATES
from question_bank.writing.text import (
    contains,
    quote_for_prompt,
    resolve_relative,
    strip_dateline,
    trim_around,
    when_phrase,
)

# ---- helpers -----------------------------------------------------------------------


def article(text: str, **meta: str) -> Article:
    header = "".join(f"{k.title()}: {v}\n" for k, v in meta.items())
    return parse_article(header + ("\n" if header else "") + text, "w")


def src(a: Article, sentence: str) -> Source:
    start = a.text.index(sentence)
    return Source(sentence, start, start + len(sentence))


def cue(a: Article, sentence: str, words: str) -> Cue:
    start = a.text.index(sentence) + sentence.index(words)
    return Cue(words, start, start + len(words))


def ask(  # type: ignore[no-untyped-def]
    a: Article,
    facts: list,
    pool: DistractorPool | None = None,
    kinds=KINDS,  # type: ignore[type-arg]
) -> list[Question]:
    return list(generate_questions(a, facts, pool, kinds))


def of_kind(questions: list[Question], kind: str, fact_type: str | None = None) -> list[Question]:
    return [
        q
        for q in questions
        if q.kind == kind and (fact_type is None or q.fact["type"] == fact_type)
    ]


FOLD = re.compile(r"[^\w%$]+")


def printed(prompt: str, forms: tuple[str, ...]) -> bool:
    return any(len(f) >= 2 and contains(prompt, f) for f in forms)


# An invented story, used by several tests.
VISIT_TEXT = (
    "Novak visits Oslo for fishing talks\n\n"
    "Croatian Foreign Minister Lea Novak arrived in Oslo on Monday for two days of talks.\n"
    "Ms Novak met Norwegian Prime Minister Erik Lunde at his office.\n"
    "She also held talks with Trade Minister Ingrid Berg.\n"
    "The two countries signed three agreements on fishing quotas.\n"
    "Government spokesman Tomas Holm said the visit was the first by a Croatian minister "
    "since 2015.\n"
    "Norway will raise its quota by 12 percent under the deal.\n"
)


def visit_story(**meta: str) -> tuple[Article, list]:  # type: ignore[type-arg]
    a = article(VISIT_TEXT, **meta)
    s1 = "Croatian Foreign Minister Lea Novak arrived in Oslo on Monday for two days of talks."
    s2 = "Ms Novak met Norwegian Prime Minister Erik Lunde at his office."
    s3 = "She also held talks with Trade Minister Ingrid Berg."
    s4 = "The two countries signed three agreements on fishing quotas."
    s5 = (
        "Government spokesman Tomas Holm said the visit was the first by a Croatian minister "
        "since 2015."
    )
    s6 = "Norway will raise its quota by 12 percent under the deal."
    facts = [
        Role(
            source=src(a, s1),
            cue=cue(a, s1, "Croatian Foreign Minister"),
            person="Lea Novak",
            title="Croatian Foreign Minister",
        ),
        Visit(
            source=src(a, s1),
            cue=cue(a, s1, "Oslo"),
            traveler="Lea Novak",
            places=("Oslo",),
            when="on Monday",
        ),
        Meeting(
            source=src(a, s2),
            cue=cue(a, s2, "Erik Lunde"),
            participants=("Lea Novak", "Erik Lunde"),
        ),
        Role(
            source=src(a, s2),
            cue=cue(a, s2, "Norwegian Prime Minister"),
            person="Erik Lunde",
            title="Norwegian Prime Minister",
        ),
        Meeting(
            source=src(a, s3),
            cue=cue(a, s3, "Ingrid Berg"),
            participants=("Lea Novak", "Ingrid Berg"),
        ),
        Role(
            source=src(a, s3),
            cue=cue(a, s3, "Trade Minister"),
            person="Ingrid Berg",
            title="Trade Minister",
        ),
        Term(
            source=src(a, s4),
            cue=cue(a, s4, "three"),
            agreement="agreement",
            text="signed three agreements",
            value=3,
            unit="agreements signed",
            ask="How many agreements did the two countries sign",
        ),
        Role(
            source=src(a, s5),
            cue=cue(a, s5, "Government spokesman"),
            person="Tomas Holm",
            title="Government spokesman",
        ),
        Quantity(
            source=src(a, s6),
            cue=cue(a, s6, "12 percent"),
            value=12,
            unit="percent",
            text="raise its quota by 12 percent",
        ),
    ]
    return a, facts


# ---- templates -----------------------------------------------------------------------


@pytest.mark.parametrize("tpl", TEMPLATES, ids=lambda t: t.key)
def test_every_template_renders_its_example(tpl) -> None:  # type: ignore[no-untyped-def]
    assert tpl.render(**tpl.example) == tpl.rendered
    assert 0 < tpl.confidence <= 1
    body = tpl.rendered.split(", ", 1)[-1]
    assert len(body.split()) <= 35


def test_every_fact_type_has_each_tense_where_tense_matters() -> None:
    keys = {t.key.rsplit(".", 1)[0] for t in TEMPLATES}
    for fact in ("trip", "meeting", "visit"):
        for kind in ("question", "statement"):
            for tense in ("done", "planned", "cancelled"):
                assert f"{fact}.{kind}.{tense}" in keys


# ---- anchors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        (
            "KATHMANDU, May 6: The minister arrived in the capital.",
            "The minister arrived in the capital.",
        ),
        (
            "TEHRAN, Iran – Iran's minister met his counterpart.",
            "Iran's minister met his counterpart.",
        ),
        (
            "New Delhi: Prime Minister Omar Said will arrive today.",
            "Prime Minister Omar Said will arrive today.",
        ),
        (
            "ISLAMABAD, Jan. 28 (Xinhua) -- Visiting Minister Lea Novak held talks.",
            "Visiting Minister Lea Novak held talks.",
        ),
        (
            "(CNN) — The world agreed to a new climate deal.",
            "The world agreed to a new climate deal.",
        ),
        (
            "Pretoria- Deputy President Omar Said will host talks.",
            "Deputy President Omar Said will host talks.",
        ),
        (
            "US-China talks resumed in Geneva on trade.",
            "US-China talks resumed in Geneva on trade.",
        ),
        (
            "Oslo, Mar 4 (NTB) Croatian Foreign Minister Lea Novak arrived for talks.",
            "Croatian Foreign Minister Lea Novak arrived for talks.",
        ),
        (
            "BERGEN, MAR.5: More than 3,000 dock workers will return to work.",
            "More than 3,000 dock workers will return to work.",
        ),
        (
            "OSLO, (Reuters) – Prime Minister Erik Lunde named a new finance minister.",
            "Prime Minister Erik Lunde named a new finance minister.",
        ),
        (
            "Lima, May 26 (Andes Agency) The Croatian minister arrived for talks.",
            "The Croatian minister arrived for talks.",
        ),
        (
            "OSLO, Nov 9 (NTB):Norway and Croatia signed a fishing deal.",
            "Norway and Croatia signed a fishing deal.",
        ),
    ],
)
def test_datelines_and_credits_are_stripped(line: str, rest: str) -> None:
    assert strip_dateline(line) == rest


def test_a_headline_is_found_but_never_a_credit_caption_or_label() -> None:
    assert detect_headline("Novak visits Oslo for fishing talks\n\nThe minister said.") == (
        "Novak visits Oslo for fishing talks"
    )
    for top in (
        "Kremlin Press Service\nPresident Omar Said met the envoy in Cairo on the sidelines.",
        "Live updates: Follow the latest news on the talks\nThe minister said.",
        "Lea Novak\nThe minister said so on the record.",
        "BANGUI\nThe militias signed a deal to disarm on the same day.",
        "Photo : Valley News\nThe minister said so on the record.",
        "The minister arrived in Oslo on Monday for talks with her counterpart.\nMore text.",
    ):
        assert detect_headline(top) is None, top


def test_the_anchor_names_the_event_and_date_and_never_the_key() -> None:
    a, facts = visit_story(Date="2025-03-12")
    questions = ask(a, facts)
    assert questions
    for q in questions:
        assert "12 March 2025" in q.prompt or "(March 2025)" in q.prompt  # day = the key 12
        assert "report “Croatian Foreign Minister" not in q.prompt  # never the first sentence
        if q.kind != "true_false":
            assert not printed(q.prompt, (q.answer, *q.accepted)), q.prompt
    oslo = [q for q in questions if q.answer == "Oslo"]
    assert oslo and all("Oslo" not in q.prompt for q in oslo)


def test_without_a_headline_an_event_label_is_used() -> None:
    text = VISIT_TEXT.split("\n\n", 1)[1]
    a, facts = visit_story()
    a = article(text)
    facts = [
        type(f)(
            **{
                **f.__dict__,
                "source": src(a, f.source.sentence),
                "cue": cue(a, f.source.sentence, f.cue.text),
            }
        )
        for f in facts
    ]
    anchors = anchor_candidates(a, facts, {})
    assert anchors[0].text == "According to the report on Lea Novak's visit to Oslo"
    # asked where she went, the anchor must not say it
    chosen = choose_anchor(anchors, ("Oslo",))
    assert "Oslo" not in chosen.text and "Lea Novak" in chosen.text


def test_a_headline_that_prints_the_key_is_masked_or_replaced() -> None:
    a, facts = visit_story()
    chosen = choose_anchor(anchor_candidates(a, facts, {}), ("Oslo",))
    assert "Oslo" not in chosen.text
    assert chosen.text.startswith("According to the report")


def test_a_key_is_not_given_away_in_another_spelling() -> None:
    """ "six" is printed as "6" in a headline, "Egypt" is the short name of the key "the
    Arab Republic of Egypt": the headline gives the answer away either way."""
    headline = "Novak and Lunde sign 6 fishing deals in Oslo"
    s = "The two ministers signed six agreements on fishing in Oslo on Monday."
    a = article(f"{headline}\n\n{s}\n", date="2025-03-12")
    chosen = choose_anchor(anchor_candidates(a, [], {}), ("six",))
    assert "6" not in chosen.text and "six" not in chosen.text
    chosen = choose_anchor(anchor_candidates(a, [], {}), ("6", "six"))
    assert "6" not in chosen.text
    term = Term(
        source=src(a, s),
        cue=cue(a, s, "six"),
        agreement="fishing deal",
        text="six agreements",
        value=6,
        unit="agreements",
    )
    for q in ask(a, [term]):
        if q.kind != "true_false":
            assert not re.search(r"\b(6|six)\b", q.prompt, re.I), q.prompt
    headline = "Fidan on visit to Egypt for talks"
    s = "Turkish Foreign Minister Hakan Fidan is on an official visit to the Arab Republic of Egypt."
    a = article(f"{headline}\n\n{s}\n", date="2025-03-12")
    visit = Visit(
        source=src(a, s),
        cue=cue(a, s, "the Arab Republic of Egypt"),
        traveler="Hakan Fidan",
        places=("the Arab Republic of Egypt",),
    )
    asked = [q for q in ask(a, [visit]) if q.kind in ("short_answer", "cloze")]
    assert asked
    for q in asked:
        assert "Egypt" not in q.prompt.replace("_____", "")
        assert grade(q, "Egypt").correct and grade(q, "Arab Republic of Egypt").correct
        assert not grade(q, "Turkey").correct


# ---- times ---------------------------------------------------------------------------


def test_relative_days_become_dates_with_the_article_date() -> None:
    wednesday = dt.date(2025, 3, 12)
    assert resolve_relative("She arrived on Monday.", wednesday) == "She arrived on 10 March 2025."
    assert resolve_relative("She will leave on Friday.", wednesday, planned=True) == (
        "She will leave on 14 March 2025."
    )
    assert resolve_relative("They met today.", wednesday) == "They met on 12 March 2025."
    saturday = dt.date(2024, 11, 23)  # a story dated Saturday, updated after the gavel fell
    assert resolve_relative("The deal was agreed on Sunday.", saturday) == (
        "The deal was agreed on 24 November 2024."
    )
    assert resolve_relative("He flies next week.", wednesday, planned=True) == (
        "He flies in the week after 12 March 2025."
    )
    assert when_phrase("on Monday", wednesday, planned=False) == "on 10 March 2025"
    # a weekday written with its date is no relative day: the date is the date
    assert resolve_relative("He starts on Monday 17 March.", wednesday, planned=True) == (
        "He starts on 17 March."
    )
    assert resolve_relative("He starts Monday, March 17, in Oslo.", wednesday) == (
        "He starts March 17, in Oslo."
    )
    # "today (12)": the article's own day, dated once
    assert quote_for_prompt("They met today (12) in Oslo.", wednesday) == (
        "They met today [12 March 2025] in Oslo."
    )
    assert quote_for_prompt("They met today (11) in Oslo.", wednesday) == (
        "They met today (11) in Oslo."
    )
    assert quote_for_prompt("He starts on Monday 17 March, she on Friday.", wednesday, True) == (
        "He starts on Monday 17 March, she on Friday [14 March 2025]."
    )
    assert when_phrase("on 2019", None, planned=False) == "in 2019"
    assert when_phrase("on November last year", wednesday, planned=False) == "in November 2024"
    # a time that points at another sentence's date says nothing in a prompt
    assert when_phrase("the same day", wednesday, planned=False) == ""
    assert when_phrase("later that day", wednesday, planned=False) == ""
    assert when_phrase("on 31 May and", wednesday, planned=True) == "on 31 May 2025"
    assert resolve_relative("how many will return over the next week", None, planned=True) == (
        "how many will return"
    )
    assert resolve_relative("how many will return over the coming week", wednesday) == (
        "how many will return in the week after 12 March 2025"
    )


def test_without_a_date_no_bare_relative_time_is_printed() -> None:
    assert resolve_relative("The minister will on Saturday arrive in Oslo.", None) == (
        "The minister will arrive in Oslo."
    )
    assert when_phrase("on Monday", None, planned=True) == ""
    a, facts = visit_story()
    for q in ask(a, facts):
        assert not re.search(r"\b(?:on Monday|today|tomorrow|this week)\b", q.prompt), q.prompt


def test_a_quoted_sentence_keeps_its_words_and_gains_the_date() -> None:
    quoted = quote_for_prompt("KATHMANDU, May 6: The talks ended on Sunday.", dt.date(2024, 5, 6))
    assert quoted == "The talks ended on Sunday [5 May 2024]."
    # a dateline with the agency after a second comma
    quoted = quote_for_prompt("GEORGETOWN, Guyana, (GINA) – The talks ended well.", None)
    assert quoted == "The talks ended well."


def test_initials_that_spell_the_name_before_them_leave_the_quote() -> None:
    quoted = quote_for_prompt(
        "He arrived for a three-day visit, the official Norland News Agency (NNA) reported, "
        "as the Coastal Defence Force (JCDF) stood by.",
        None,
    )
    # the agency's initials read as a credit line; initials the words do not spell stay
    assert quoted == (
        "He arrived for a three-day visit, the official Norland News Agency reported, "
        "as the Coastal Defence Force (JCDF) stood by."
    )


def test_a_city_and_its_country_are_one_place_in_a_label() -> None:
    from question_bank.writing.anchors import _places_text

    assert _places_text(["Saudi Arabia", "Riyadh"]) == "Riyadh, Saudi Arabia"
    assert _places_text(["Kyiv", "Ukraine", "Poland"]) == "Kyiv and Poland"
    assert _places_text(["Egypt", "Israel"]) == "Egypt and Israel"


def test_a_long_sentence_is_cut_around_its_blank() -> None:
    long = (
        "During the minister's state visit to the island, on 6-8 December, the president "
        "announced that the country would offer an assistance package of _____ to help with "
        "farming projects as well as the reconstruction of roads and bridges damaged by the "
        "storms of the previous year in the north of the island."
    )
    at = long.index("_____")
    cut = trim_around(long, at, at + 5, limit=20)
    assert "_____" in cut and len(cut.split()) <= 21
    assert cut.startswith("…") and cut.endswith("…")
    short = "The talks, held in Oslo, ended with _____ agreements."
    assert trim_around(short, short.index("_____"), short.index("_____") + 5, limit=40) == short


# ---- filters -------------------------------------------------------------------------


def test_no_key_in_its_prompt_and_one_question_per_fact_and_kind() -> None:
    a, facts = visit_story(Date="2025-03-12")
    questions = ask(a, facts)
    per = Counter((repr(q.fact), q.kind) for q in questions)
    assert max(per.values()) == 1
    for q in questions:
        if q.kind != "true_false":
            assert not printed(q.prompt, (q.answer, *q.accepted)), (q.prompt, q.answer)
    assert len({(q.kind, q.prompt, q.answer) for q in questions}) == len(questions)


def test_title_questions_are_at_most_a_quarter_unless_a_fact_would_lose_its_last() -> None:
    a, facts = visit_story(Date="2025-03-12")
    questions = ask(a, facts)
    roles = [q for q in questions if q.fact["type"] == "role"]
    role_facts = {q.fact["person"] for q in roles}
    assert role_facts == {"Lea Novak", "Erik Lunde", "Ingrid Berg", "Tomas Holm"}  # none lost
    assert len(roles) <= max(TITLE_SHARE * len(questions), len(role_facts))


def test_a_head_of_government_gets_no_who_is_question() -> None:
    a, facts = visit_story(Date="2025-03-12")
    lunde = [q for q in ask(a, facts) if q.fact.get("person") == "Erik Lunde"]
    assert lunde
    assert not any(q.kind in ("mcq", "true_false") for q in lunde)
    assert not any(q.prompt.endswith("who was the Norwegian Prime Minister?") for q in lunde)


def test_one_figure_gives_one_fact_worth_of_questions() -> None:
    a, facts = visit_story()
    s6 = "Norway will raise its quota by 12 percent under the deal."
    twin = Quantity(
        source=src(a, s6),
        cue=cue(a, s6, "12 percent"),
        value=12,
        unit="percent raise",
        text="raise its quota by 12 percent",
    )
    questions = ask(a, [*facts, twin])
    on_figure = [q for q in questions if q.fact.get("value") == 12 and q.kind != "true_false"]
    assert len({q.kind for q in on_figure}) == len(on_figure)


def test_the_same_prompt_never_has_two_keys() -> None:
    a = article(
        "Minister Lea Novak met Omar Said in Cairo. Minister Lea Novak met Anna Lindqvist in Cairo. "
        "Both meetings were short, officials said to reporters."
    )
    s1 = "Minister Lea Novak met Omar Said in Cairo."
    s2 = "Minister Lea Novak met Anna Lindqvist in Cairo."
    facts = [
        Meeting(
            source=src(a, s1), cue=cue(a, s1, "Omar Said"), participants=("Lea Novak", "Omar Said")
        ),
        Meeting(
            source=src(a, s2),
            cue=cue(a, s2, "Anna Lindqvist"),
            participants=("Lea Novak", "Anna Lindqvist"),
        ),
    ]
    questions = ask(a, facts)
    by_prompt: dict[tuple[str, str], set[str]] = {}
    for q in questions:
        by_prompt.setdefault((q.kind, q.prompt), set()).add(q.answer)
    assert all(len(keys) == 1 for keys in by_prompt.values())
    # each meeting is still asked, and every right answer is accepted where asked of Novak
    assert {tuple(q.fact["participants"]) for q in questions} == {
        ("Lea Novak", "Omar Said"),
        ("Lea Novak", "Anna Lindqvist"),
    }
    for q in of_kind(questions, "short_answer"):
        if "Lea Novak meet" in q.prompt:
            assert grade(q, "Omar Said").correct and grade(q, "Anna Lindqvist").correct


# ---- accepted answers ------------------------------------------------------------------


def test_names_the_article_uses_are_accepted() -> None:
    text = (
        "Crown Prince Mohammed bin Tariq met the envoy. Prince Mohammed said the talks went well. "
        "King Felipe VI hosted a dinner. Emir Tamim bin Hamad Al Thani arrived later."
    )
    # "Tariq" alone is his father, not him
    assert "Tariq" not in name_forms("Mohammed bin Tariq", text)
    assert {"Mohammed", "Prince Mohammed", "bin Tariq"} <= set(
        name_forms("Mohammed bin Tariq", text)
    )
    assert {"King Felipe VI", "Felipe"} <= set(name_forms("Felipe VI", text))
    assert {"Al Thani", "Thani"} <= set(name_forms("Tamim bin Hamad Al Thani", text))
    assert "Busaidi" in name_forms("Sayyid Badr al-Busaidi")


def test_titles_with_and_without_the_country_and_in_either_order() -> None:
    assert titles_match("Foreign Minister", "Minister for Foreign Affairs of Japan")
    assert titles_match("Japanese Foreign Minister", "Minister for Foreign Affairs of Japan")
    assert not titles_match("Nepalese Foreign Minister", "Minister for Foreign Affairs of Japan")
    assert titles_match("Treasury Secretary", "Secretary of the Treasury")
    assert titles_match("Prime Minister", "Israeli Prime Minister")
    assert titles_match("French President", "President of France")
    assert not titles_match("Russian President", "Ukrainian President")
    assert not titles_match("Finance Minister", "Foreign Minister")
    # where an envoy is posted is not where they come from
    assert not titles_match("Chilean Ambassador to Peru", "Peruvian Ambassador to Chile")
    assert not titles_match("Chilean Ambassador", "Peruvian Ambassador to Chile")
    assert titles_match("Ambassador of Peru to Chile", "Peruvian Ambassador to Chile")
    assert titles_match("Ambassador to Chile", "Peruvian Ambassador to Chile")
    assert offices_overlap("spokesperson", "Government spokesman")  # never two choices
    assert not offices_overlap("Finance Minister", "Foreign Minister")
    # one office under two names: never a false statement's swap, nor two choices
    assert offices_overlap("Vice President", "Deputy President")
    assert offices_overlap("Vice Premier", "Deputy Prime Minister")
    assert "Prime Minister" in title_forms("Israeli Prime Minister")
    assert "Foreign Secretary" in title_forms("Nepal's Foreign Secretary")


def test_places_by_their_other_names_and_nothing_malformed() -> None:
    assert {"Türkiye", "Turkey"} <= set(place_forms("Turkey"))
    assert "United States" in place_forms("the United States")
    assert not any(
        f.lower().startswith("the the") or f == "the Turkey" for f in place_forms("Turkey")
    )
    q = {
        "kind": "short_answer",
        "answer": "Türkiye",
        "accepted": [],
        "choices": [],
        "fact": {"type": "visit", "traveler": "Lea Novak", "places": ["Türkiye"]},
    }
    assert grade(q, "Turkey").correct and grade(q, "Turkiye").correct
    assert not grade(q, "Greece").correct


def test_typed_titles_are_graded_by_office() -> None:
    q = {
        "kind": "short_answer",
        "answer": "Secretary of the Treasury",
        "accepted": [],
        "choices": [],
        "fact": {"type": "role", "person": "Ana Ruiz", "title": "Secretary of the Treasury"},
    }
    assert grade(q, "Treasury Secretary").correct
    assert not grade(q, "Secretary of State").correct


def test_every_generated_form_is_graded_right() -> None:
    a, facts = visit_story(Date="2025-03-12")
    for q in ask(a, facts):
        for form in (q.answer, *q.accepted):
            assert grade(q, form).correct, (q.prompt, form)


# ---- distractors ----------------------------------------------------------------------


def test_places_read_as_a_sentence_writes_them() -> None:
    assert with_the("US") == "the US" and with_the("Netherlands") == "the Netherlands"
    assert with_the("Oman") == "Oman" and with_the("the Gulf") == "the Gulf"
    assert quote_for_prompt(", Hamas agree to a truce today", None) == "Hamas agree to a truce"


def test_place_kinds_and_containment() -> None:
    assert place_kind("Oman") == "country"
    assert place_kind("Muscat") == "city"
    assert place_kind("the Middle East") == "region"
    assert place_kind("the region") == "vague"
    assert contains_or_within("Muscat", "Oman") and contains_or_within("Oman", "Muscat")
    assert not contains_or_within("Muscat", "Qatar")


def test_choices_are_of_the_keys_kind_and_never_overlap() -> None:
    a, facts = visit_story(Date="2025-03-12")
    [mcq] = of_kind(ask(a, facts), "mcq", "visit")
    assert mcq.answer == "Oslo"
    assert all(place_kind(c) == "city" for c in mcq.choices)
    assert not any(contains_or_within(c, "Oslo") for c in mcq.choices if c != "Oslo")
    assert not any(c in VISIT_TEXT for c in mcq.choices if c != "Oslo")


def test_people_choices_never_repeat_a_name() -> None:
    assert pick(
        ["Raza Gilani", "Omar Said", "Anna Lindqvist", "Kenji Sato"], ["Syed Yousuf Raza Gilani"]
    ) == ["Omar Said", "Anna Lindqvist", "Kenji Sato"]


def test_meeting_choices_come_from_the_article_first_and_are_never_partners() -> None:
    a, facts = visit_story(Date="2025-03-12")
    pool = DistractorPool()
    pool.add("persons", ["Paul Reyes", "Kenji Sato", "Mara Cole", "Ivo Petrov"])
    for q in of_kind(ask(a, facts, pool), "mcq", "meeting"):
        asker = "Lea Novak" if "Lea Novak" in q.prompt else None
        wrong = set(q.choices) - {q.answer}
        if asker:
            assert not wrong & {"Erik Lunde", "Ingrid Berg"}


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (12, "percent"),
        (45, "percent"),
        (2.5, "percent"),
        (3, "count"),
        (36600, "count"),
        (45, "duration"),
        (1_500_000_000, "money"),
    ],
)
def test_figures_spread_by_their_kind(value: float, kind: str) -> None:
    wrong = figure_distractors(value, kind, seeded(f"{value}{kind}"), avoid=[value + 1])
    assert len(wrong) >= 3
    assert value not in wrong and value + 1 not in wrong  # nor another figure of the article
    if kind == "percent":
        assert all(0 < w <= 100 for w in wrong)
        if value >= 10:
            assert all(abs(w - value) % 5 == 0 for w in wrong)
    if kind == "count" and value <= 12:
        assert all(abs(w - value) <= 5 for w in wrong)
    if value > 1000:
        assert all(value / 5 <= w <= value * 5 for w in wrong)


def test_a_figure_choice_is_never_another_figure_of_the_article() -> None:
    a, facts = visit_story(Date="2025-03-12")
    for q in ask(a, facts):
        if q.kind == "mcq" and q.fact["type"] in ("term", "quantity"):
            assert "three" not in [c for c in q.choices if c != q.answer] or q.fact["value"] == 3


# ---- true/false -------------------------------------------------------------------------


def test_false_statements_change_one_detail_the_article_rules_out() -> None:
    a, facts = visit_story(Date="2025-03-12")
    people = {"Lea Novak", "Erik Lunde", "Ingrid Berg", "Tomas Holm"}
    for q in of_kind(ask(a, facts), "true_false"):
        if q.fact["type"] == "meeting" and q.answer == "False":
            # a stranger swapped in for the person met is only unmentioned, not false
            raise AssertionError(f"meeting statement false by absence: {q.prompt}")
        if q.fact["type"] == "role" and q.answer == "False":
            m = re.search(r", (.+?) was (?:the )?(.+)\.$", q.prompt)
            assert m and m.group(1) in people, q.prompt
            assert not any(
                isinstance(f, Role) and f.person == m.group(1) and titles_match(m.group(2), f.title)
                for f in facts
            )


MEETING_TEXT = (
    "Minister Lea Novak met Chancellor Erik Lunde in Berlin on Monday, officials said. "
    "Germany and Croatia agreed to meet again in the spring."
)


def test_a_false_meeting_statement_moves_the_meeting_to_another_city_of_its_country() -> None:
    falses = []
    for day in range(1, 29):  # the seed decides true or false: try many articles
        a = article(MEETING_TEXT, Date=f"2025-02-{day:02d}")
        s1 = "Minister Lea Novak met Chancellor Erik Lunde in Berlin on Monday, officials said."
        facts = [
            Meeting(
                source=src(a, s1),
                cue=cue(a, s1, "Erik Lunde"),
                participants=("Lea Novak", "Erik Lunde"),
                place="Berlin",
                when="on Monday",
            )
        ]
        for q in of_kind(ask(a, facts), "true_false", "meeting"):
            if q.answer == "False":
                falses.append(q.prompt)
                assert "Berlin" not in q.prompt
                m = re.search(r" in ([A-Z][\w ]+?) on ", q.prompt)
                assert m and place_kind(m.group(1)) == "city", q.prompt
                assert contains_or_within(m.group(1), "Germany"), q.prompt
            else:
                assert "in Berlin" in q.prompt
    assert falses  # some articles do get a false statement


def test_a_meeting_place_whose_country_the_article_never_names_gives_no_false_statement() -> None:
    for day in range(1, 15):
        a = article(
            "Minister Lea Novak met Prime Minister Erik Lunde in Goa on Monday.",
            Date=f"2025-02-{day:02d}",
        )
        s1 = "Minister Lea Novak met Prime Minister Erik Lunde in Goa on Monday."
        facts = [
            Meeting(
                source=src(a, s1),
                cue=cue(a, s1, "Erik Lunde"),
                participants=("Lea Novak", "Erik Lunde"),
                place="Goa",
            )
        ]
        for q in of_kind(ask(a, facts), "true_false", "meeting"):
            assert q.answer == "True", q.prompt


def test_whoever_met_the_same_people_is_no_wrong_choice() -> None:
    text = (
        "Leaders met at the summit in Oslo on Monday. Chancellor Erik Lunde met President "
        "Omar Said. Prime Minister Anna Lindqvist also met Omar Said. Minister Kenji Sato, "
        "Minister Paul Reyes and Minister Mara Cole stayed at home, Ivo Petrov said."
    )
    a = article(text, Date="2025-03-12")
    s2, s3 = (
        "Chancellor Erik Lunde met President Omar Said.",
        "Prime Minister Anna Lindqvist also met Omar Said.",
    )
    facts = [
        Meeting(
            source=src(a, s2), cue=cue(a, s2, "Omar Said"), participants=("Erik Lunde", "Omar Said")
        ),
        Meeting(
            source=src(a, s3),
            cue=cue(a, s3, "Anna Lindqvist"),
            participants=("Anna Lindqvist", "Omar Said"),
        ),
    ]
    s4 = "Minister Kenji Sato, Minister Paul Reyes and Minister Mara Cole stayed at home"
    facts += [
        Role(source=src(a, s4), cue=cue(a, s4, name), person=name, title="Minister")
        for name in ("Kenji Sato", "Paul Reyes", "Mara Cole")
    ]  # the article's own people: strangers from other stories are one choice at most
    pool = DistractorPool()
    pool.add("persons", ["Ivo Petrov", "Lars Berg"])
    mcqs = of_kind(ask(a, facts, pool, kinds=("mcq",)), "mcq", "meeting")
    assert any("Erik Lunde" in q.prompt for q in mcqs)
    for q in mcqs:
        if "Erik Lunde" in q.prompt:
            # Lindqvist met Said too: she was at the same summit and may have met Lunde
            assert "Anna Lindqvist" not in q.choices, q.choices


def test_a_true_statement_never_prints_a_sentence_another_question_blanks() -> None:
    a, facts = visit_story(Date="2025-03-12")
    questions = ask(a, facts)
    blanked = {q.source.sentence for q in questions if "_____" in q.prompt}
    for q in of_kind(questions, "true_false"):
        if q.source.sentence in q.prompt and q.answer == "True":
            assert q.source.sentence not in blanked


# ---- how long a deal lasts ------------------------------------------------------------------


def _term(
    text: str, sentence: str, words: str, agreement: str, value: float, unit: str
) -> tuple[Article, list]:  # type: ignore[type-arg]
    a = article(text)
    return a, [
        Term(
            source=src(a, sentence),
            cue=cue(a, sentence, words),
            agreement=agreement,
            text=sentence,
            value=value,
            unit=unit,
        )
    ]


def test_a_duration_is_the_deals_length_only_when_the_text_says_so() -> None:
    s = "The two sides agreed to a four-day truce that starts at dawn."
    a, facts = _term(
        s + " Aid trucks will follow, officials said on the radio.",
        s,
        "four-day",
        "truce",
        4,
        "day",
    )
    assert any(q.prompt.endswith("how long was the truce to last?") for q in ask(a, facts))
    s = "The gavel fell on the deal more than 30 hours after the deadline had passed."
    a, facts = _term(
        s + " Delegates cheered in the hall, officials said.", s, "30 hours", "deal", 30, "hours"
    )
    assert not any("how long" in q.prompt for q in ask(a, facts))


# ---- confidence ------------------------------------------------------------------------------


def test_every_question_carries_a_confidence_in_its_bank_line() -> None:
    a, facts = visit_story(Date="2025-03-12")
    questions = ask(a, facts)
    for q in questions:
        assert 0 < q.confidence <= 1
        line = q.to_dict()
        assert line["confidence"] == q.confidence
        assert Question.from_dict(line) == q
    # the same figure, named only as "the report" (no date, headline or event), is trusted less
    s = "The two countries signed three agreements on fishing quotas."
    text = s + " Officials from both sides praised the result in the capital."
    facts2 = [
        Term(
            source=src(article(text), s),
            cue=cue(article(text), s, "three"),
            agreement="agreement",
            text=s,
            value=3,
            unit="agreements",
        )
    ]
    bare = ask(article(text), facts2)
    dated = ask(article(text, Date="2025-03-12"), facts2)
    assert bare and dated
    assert max(q.confidence for q in bare) < min(q.confidence for q in dated)


# ---- the sentence states the key in a form the grader accepts ---------------------------------


def test_a_name_part_the_grader_would_not_accept_does_not_state_the_answer() -> None:
    """The counter-example hypothesis found: a name whose only word in the sentence is one
    the accepted forms lack. No short answer is written from it."""
    text = "Anna Lindqvist Foreign Minister Cairo met. Anna Lindqvist Cairo Omar Said Omar Said."
    a = article(text + " The ministers spoke to reporters about the talks in the capital.")
    s = "Anna Lindqvist Foreign Minister Cairo met."
    fact = Meeting(
        source=src(a, s), cue=None, participants=("Omar Said", "Anna Lindqvist Cairo Omar")
    )
    for q in ask(a, [fact]):
        assert q.kind == "true_false" or any(
            contains(q.source.sentence, f) for f in (q.answer, *q.accepted)
        ), (q.answer, q.accepted)


def test_title_abbreviations_name_the_same_office() -> None:
    from question_bank.forms import offices_overlap, titles_match

    # "Wang Yi was the FM" is no false statement when he is the Chinese foreign minister
    assert offices_overlap("FM", "Chinese Foreign Minister")
    assert titles_match("FM", "Foreign Minister") and titles_match("DPM", "Deputy Prime Minister")
    assert not titles_match("PM", "Foreign Minister")


def test_one_key_is_asked_at_most_a_few_times_in_an_article(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from question_bank.pipeline import generate_bank
    from question_bank.writing import filters

    text = (
        "Five prisoners were freed on Monday under the deal, officials in Oslo said. "
        "In return, five detainees were released by the other side. "
        "Five mediators from the region oversaw the exchange."
    )

    def fives() -> tuple[int, int]:
        questions = list(generate_bank([article(text, Date="2025-03-12")]))
        keyed = [q for q in questions if q.kind != "true_false" and q.answer.lower() == "five"]
        return len(keyed), len({q.source.sentence for q in questions})

    monkeypatch.setattr(filters, "MAX_PER_KEY", 100)
    uncapped, facts_before = fives()
    monkeypatch.setattr(filters, "MAX_PER_KEY", 3)
    capped, facts_after = fives()
    assert uncapped > 3 and capped <= 3
    assert facts_after == facts_before  # every figure keeps a question


def test_offices_written_as_initials_or_in_a_countrys_own_way_are_typed_as_students_know_them() -> (
    None
):
    assert "Prime Minister" in title_forms("PM")
    assert "Prime Minister of Japan" in title_forms("Japanese Prime Minister")
    assert "Foreign Secretary of Nepal" in title_forms("Nepal's Foreign Secretary")
    assert "President of the United Arab Emirates" in title_forms("UAE President")
    assert "PM" in title_forms("Prime Minister")
    forms = title_forms("President of the Spanish Government")
    assert {"Prime Minister", "Spanish Prime Minister"} <= set(forms)
    q = {"kind": "short_answer", "answer": "President of the Spanish Government", "prompt": "x"}
    q["accepted"] = list(forms[1:])
    assert grade(q, "Spanish Prime Minister").correct
    assert not grade(q, "Foreign Minister").correct


def test_a_title_in_initials_is_asked_in_full() -> None:
    text = "FM Lea Novak met the visiting minister Erik Lunde in Oslo on Monday for talks."
    a = article(text, Date="2025-03-12")
    f = Role(source=src(a, text), cue=cue(a, text, "FM"), person="Lea Novak", title="FM")
    from question_bank.writing.build import Context, role_drafts

    # the drafts, before the quarter of title questions is applied to this one-fact article
    asked = [
        d for d in role_drafts(f, Context(a, [f], DistractorPool())) if d.kind == "short_answer"
    ]
    assert asked
    for q in asked:
        assert q.answer == "Foreign Minister" and "FM" in q.accepted


def test_title_choices_are_plain_titles() -> None:
    from question_bank.writing.build import _plain_title

    assert _plain_title("ambassador to Switzerland and Liechtenstein")
    assert _plain_title("Foreign Ministry spokesman")
    assert not _plain_title("currently the principal officer at the US consulate in Montreal")
    assert not _plain_title("career diplomat")
    assert not _plain_title("PM")


def test_a_military_rank_before_the_name_is_not_part_of_the_office(facts) -> None:  # type: ignore[no-untyped-def]
    found = facts(
        "Visiting Afghan Defense Minister General Amir Khan Durrani held talks with army "
        "chief General Tariq Aziz on Monday."
    )
    titles = {f.to_dict()["title"] for f in found if f.type == "role"}
    assert "Afghan Defense Minister" in titles
    assert not any(t.endswith("General") for t in titles)


def test_an_office_named_general_keeps_the_word(facts) -> None:  # type: ignore[no-untyped-def]
    found = facts("NATO Secretary General Mark Rutte has arrived in Vilnius for talks on Monday.")
    titles = {f.to_dict()["title"] for f in found if f.type == "role"}
    assert "NATO Secretary General" in titles


# ---- mediations -----------------------------------------------------------------------


def test_who_mediated_is_asked_with_choices_the_article_never_names() -> None:
    from question_bank.model import Mediation

    text = (
        "The prisoner swap, brokered by Oman, took place at the airport on Monday. Iran and "
        "the United States have no diplomatic ties, officials said in Tehran."
    )
    a = article(text, Date="2025-03-12")
    s1 = "The prisoner swap, brokered by Oman, took place at the airport on Monday."
    f = Mediation(
        source=src(a, s1), cue=cue(a, s1, "Oman"), mediator="Oman", agreement="the prisoner swap"
    )
    questions = ask(a, [f])
    kinds = {q.kind for q in questions}
    assert "cloze" in kinds or "short_answer" in kinds
    for q in questions:
        assert "Oman" not in q.prompt or q.kind == "true_false"
        if q.kind == "mcq":
            assert q.answer == "Oman"
            for c in set(q.choices) - {"Oman"}:
                assert c not in text and place_kind(c) == "country"
        if q.kind == "true_false" and q.answer == "False":
            assert "Oman" not in q.prompt


def test_a_trip_counted_within_a_window_is_asked_only_with_its_sentence() -> None:
    from question_bank.model import Trip

    text = (
        "Prime Minister Lea Novak arrived in Oslo on Monday. It was her second trip to Norway "
        "in less than 15 days, officials said."
    )
    a = article(text, Date="2025-03-12")
    s1 = "It was her second trip to Norway in less than 15 days, officials said."
    f = Trip(
        source=src(a, s1),
        cue=cue(a, s1, "second"),
        traveler="Lea Novak",
        ordinal=2,
        destination="Norway",
    )
    questions = ask(a, [f])
    assert [q.kind for q in questions] == ["cloze"]
    assert "in less than 15 days" in questions[0].prompt


def test_asked_whom_one_side_met_the_anchor_still_names_the_other_side() -> None:
    text = "Chancellor Erik Lunde met Minister Lea Novak in Oslo on Monday, officials said."
    a = article(text, Date="2025-03-12")
    f = Meeting(
        source=src(a, text),
        cue=cue(a, text, "Lea Novak"),
        participants=("Erik Lunde", "Lea Novak"),
        place="Oslo",
    )
    anchors = anchor_candidates(a, [f], {})
    chosen = choose_anchor(anchors, ("Lea Novak", "Novak"))
    assert chosen.text == "According to the report of 12 March 2025 on Erik Lunde's talks in Oslo"


def test_one_office_under_two_names_is_never_two_choices() -> None:
    assert offices_overlap("Foreign Secretary", "Foreign Minister")
    assert offices_overlap("Secretary of State", "Foreign Minister")
    assert not offices_overlap("Foreign Minister", "Finance Minister")


def test_a_body_is_no_place_visited() -> None:
    from question_bank.writing.build import _is_place_word

    assert not _is_place_word("Office")
    assert not _is_place_word("the Ministry")
    assert _is_place_word("Oslo")


def test_asked_where_they_met_only_those_met_there_are_right() -> None:
    text = (
        "President Lea Novak met Chancellor Erik Lunde in Berlin on Monday. On Tuesday she "
        "met Prime Minister Omar Said in Madrid, officials said. Lunde and Said met in Paris "
        "on Friday."
    )
    a = article(text, Date="2025-03-12")
    s1 = "President Lea Novak met Chancellor Erik Lunde in Berlin on Monday."
    s2 = "On Tuesday she met Prime Minister Omar Said in Madrid, officials said."
    s3 = "Lunde and Said met in Paris on Friday."
    facts = [
        Meeting(
            source=src(a, s1),
            cue=cue(a, s1, "Erik Lunde"),
            participants=("Lea Novak", "Erik Lunde"),
            place="Berlin",
        ),
        Meeting(
            source=src(a, s2),
            cue=cue(a, s2, "Omar Said"),
            participants=("Lea Novak", "Omar Said"),
            place="Madrid",
        ),
        Meeting(
            source=src(a, s3),
            cue=cue(a, s3, "Said"),
            participants=("Erik Lunde", "Omar Said"),
            place="Paris",
        ),
    ]
    asked = [q for q in ask(a, facts) if q.kind == "short_answer" and q.fact["type"] == "meeting"]
    assert any("Lea Novak meet in Berlin" in q.prompt for q in asked), [q.prompt for q in asked]
    for q in asked:
        right = {q.answer, *q.accepted}
        if "Lea Novak meet in Berlin" in q.prompt:
            assert "Erik Lunde" in right and not right & {"Omar Said", "Said"}, q
        if "Lea Novak meet in Madrid" in q.prompt:
            assert "Omar Said" in right and not right & {"Erik Lunde", "Lunde"}, q


def test_a_city_of_a_country_the_article_never_names_is_only_a_place() -> None:
    from question_bank.writing.build import Context

    text = "Minister Lea Novak met Minister Erik Lunde in a beach resort of Goa on Thursday."
    a = article(text, Date="2025-03-12")
    ctx = Context(a, [], DistractorPool())
    assert place_kind("Goa") == "city"  # the gazetteer's Goa is a town elsewhere
    assert ctx.kind_of("Goa") == "place"
    assert ctx.kind_of("Oslo") == "city"  # a capital is a city wherever it is named


def test_a_body_that_mediated_is_named_with_its_article() -> None:
    from question_bank.model import Mediation

    text = "The truce, brokered by African Union envoys, held through the weekend, officials said."
    a = article(text, Date="2025-03-12")
    f = Mediation(
        source=src(a, text),
        cue=cue(a, text, "African Union"),
        mediator="African Union",
        agreement="the truce",
    )
    statements = [q for q in ask(a, [f]) if q.kind == "true_false"]
    assert statements
    for q in statements:
        assert "the African Union mediated the truce" in q.prompt


@pytest.mark.parametrize(
    ("written", "value", "swapped"),
    [
        ("about two billion dollars in loans", 3e9, "about three billion dollars in loans"),
        ("Two million tourists", 4e6, "Four million tourists"),
        ("some two billion euros", 2.5e9, "some 2.5 billion euros"),
        ("$1.5 billion", 7.5e8, "$750 million"),
    ],
)
def test_a_figure_written_in_words_with_its_scale_is_swapped_whole(
    written: str, value: float, swapped: str
) -> None:
    from question_bank.writing.build import swap_number

    assert swap_number(written, value) == swapped


def test_a_surname_keeps_its_arabic_particle() -> None:
    forms = name_forms("Karim Abul Nasr")
    assert {"Abul Nasr", "Nasr"} <= set(forms)
    assert "Ould Salem" in name_forms("Ahmed Ould Salem")


def test_a_monarchs_title_is_accepted_with_the_country_the_article_gives() -> None:
    from question_bank.writing.build import Context, role_drafts

    def asked(first: str) -> list[dict[str, object]]:
        a = article(first + "\nShe was received by King Dorji Penjor Namgyal at the palace.\n")
        s = "She was received by King Dorji Penjor Namgyal at the palace."
        role = Role(
            source=src(a, s), cue=cue(a, s, "King"), person="Dorji Penjor Namgyal", title="King"
        )
        ctx = Context(a, [role], DistractorPool())
        found = [
            {"kind": d.kind, "answer": d.answer, "accepted": d.accepted, "fact": role.to_dict()}
            for d in role_drafts(role, ctx)
            if d.kind == "short_answer" and d.answer == "King"
        ]
        assert found
        return found

    for q in asked("Ms Novak flew on to Thimphu for talks with the Bhutanese government."):
        assert grade(q, "King of Bhutan").correct
        assert grade(q, "Bhutanese king").correct
        assert not grade(q, "King of Croatia").correct
    # two countries nearby: which one is his is not certain, so neither is added
    for q in asked("The Croatian minister flew on to Thimphu to meet the Bhutanese government."):
        assert not grade(q, "King of Bhutan").correct
        assert not grade(q, "King of Croatia").correct


def test_a_false_visit_statement_is_bound_to_the_day_the_article_gives() -> None:
    falses = {"undated": 0, "dated": 0}
    trues = {"undated": 0, "dated": 0}
    for i in range(12):
        for label, when in (("undated", None), ("dated", "on Monday")):
            s = "Foreign Minister Lea Novak arrived in Norway on Monday for two days of talks."
            a = parse_article(f"Date: 2025-03-12\n\n{s}", f"story{i}")  # seeds differ by id
            visit = Visit(
                source=src(a, s),
                cue=cue(a, s, "Norway"),
                traveler="Lea Novak",
                places=("Norway",),
                when=when,
            )
            for q in of_kind(ask(a, [visit]), "true_false", "visit"):
                trues[label] += q.answer == "True"
                if q.answer == "False":
                    falses[label] += 1
                    # "Lea Novak visited Sweden" may be true of another trip: not so on a day
                    assert "on 10 March 2025" in q.prompt
    # a statement that could only be true would give its answer away: none is asked
    assert falses["undated"] == trues["undated"] == 0
    assert falses["dated"] > 0 and trues["dated"] > 0


@pytest.mark.parametrize(
    ("text", "sentence", "mediator", "other"),
    [
        (
            "The border talks were held in Quito after mediation by the Andean Council and "
            "the Pacific Forum. Both sides agreed to meet again in May.",
            "The border talks were held in Quito after mediation by the Andean Council and "
            "the Pacific Forum.",
            "Pacific Forum",
            "Andean Council",
        ),
        (
            "The prisoner swap, brokered by Oman, took place at the airport on Monday. The "
            "minister then flew to Oman and Jordan, the mediators of the swap, for more talks.",
            "The prisoner swap, brokered by Oman, took place at the airport on Monday.",
            "Oman",
            "Jordan",
        ),
    ],
)
def test_every_mediator_the_article_names_is_a_right_answer_and_no_choice(
    text: str, sentence: str, mediator: str, other: str
) -> None:
    from question_bank.model import Mediation

    a = article(text, Date="2025-03-12")
    f = Mediation(
        source=src(a, sentence),
        cue=cue(a, sentence, mediator),
        mediator=mediator,
        agreement="the talks",
    )
    questions = [q for kind in KINDS for q in ask(a, [f], kinds=(kind,))]
    short = of_kind(questions, "short_answer")
    assert short and of_kind(questions, "true_false")
    for q in short:
        assert grade(q, other).correct and grade(q, mediator).correct
        assert q.prompt.endswith("Name one.")
    for q in of_kind(questions, "mcq"):
        assert other not in q.choices
    for q in of_kind(questions, "true_false"):
        assert other not in q.prompt


def test_a_topic_read_as_a_place_is_never_a_place_visited() -> None:
    s = "Lea Novak visited Oslo and Bergen, and spoke on Politics at the university."
    a = article(s + " She flew home on Friday.", Date="2025-03-12")
    visit = Visit(
        source=src(a, s),
        cue=cue(a, s, "Oslo"),
        traveler="Lea Novak",
        places=("Oslo", "Bergen", "Politics"),
    )
    questions = ask(a, [visit])
    assert questions
    for q in questions:
        assert q.answer != "Politics" and "Politics" not in q.accepted
        if q.kind == "short_answer":
            assert not grade(q, "Politics").correct


def test_a_title_word_that_ends_a_longer_title_is_never_glued_to_the_name() -> None:
    text = (
        "Croatian Foreign Minister Lea Novak met Prime Minister Erik Lunde in Oslo. "
        "Defence Minister General Ivo Marin joined them, as did Deputy President Ana Berg. "
        "Minister Novak said the talks went well."
    )
    assert "Minister Lea Novak" not in name_forms("Lea Novak", text)
    assert "Minister Novak" in name_forms("Lea Novak", text)  # the article writes it so
    assert "Minister Erik Lunde" not in name_forms("Erik Lunde", text)
    # a deputy president is no president; a rank stays the name's own
    assert "President Ana Berg" not in name_forms("Ana Berg", text)
    assert "General Ivo Marin" in name_forms("Ivo Marin", text)


def test_a_title_is_never_cut_into_a_malformed_form() -> None:
    assert "Foreign spokesman" not in title_forms("Foreign Ministry spokesman")
    forms = title_forms("President Lea Novak's envoy to the Middle East")
    assert "envoy to the Middle East" in forms
    assert not any(f.endswith(" the") for f in forms)
    assert "Prime Minister" in title_forms("Croatian Prime Minister")


def test_a_bare_title_is_accepted_with_the_country_the_article_ties_to_the_person() -> None:
    from question_bank.writing.build import Context, role_drafts

    def asked(text: str, sentence: str) -> list[dict[str, object]]:
        a = article(text)
        role = Role(
            source=src(a, sentence),
            cue=cue(a, sentence, "Prime Minister"),
            person="Erik Lunde",
            title="Prime Minister",
        )
        ctx = Context(a, [role], DistractorPool())
        return [
            {"kind": d.kind, "answer": d.answer, "accepted": d.accepted, "fact": role.to_dict()}
            for d in role_drafts(role, ctx)
            if d.kind == "short_answer" and d.answer == "Prime Minister"
        ]

    said = "Prime Minister Lunde thanked his guest for the visit."
    tied = f"ERIK LUNDE, PRIME MINISTER OF NORWAY: Welcome to Oslo.\n{said}\n"
    for q in asked(tied, said):
        assert grade(q, "Prime Minister of Norway").correct
        assert grade(q, "Norwegian Prime Minister").correct
        assert not grade(q, "Prime Minister of Croatia").correct
    # "Prime Minister Erik Lunde of Norway": the country after the name
    after = f"Ms Novak met Prime Minister Erik Lunde of Norway in Oslo.\n{said}\n"
    found = asked(after, said)
    assert found
    for q in found:
        assert grade(q, "Prime Minister of Norway").correct
        assert grade(q, "Norway's Prime Minister").correct
    # the sentences around him name the guest's country: no tie, nothing added
    loose = f"Croatian Foreign Minister Lea Novak arrived in Oslo.\n{said}\n"
    found = asked(loose, said)
    assert found
    for q in found:
        assert not grade(q, "Prime Minister of Croatia").correct
        assert not grade(q, "Prime Minister of Norway").correct


def test_a_person_named_by_one_word_is_asked_and_keyed_by_the_full_name_the_article_gives() -> None:
    from question_bank.writing.anchors import full_name

    text = (
        "Foreign Minister Lea Novak met the Vice President of the Republic of Norway "
        "Kari Anne Holt in Oslo on Monday.\n"
        "Vice President Holt said the talks had been useful.\n"
    )
    assert full_name("Holt", text) == "Kari Anne Holt"
    assert full_name("HOLT", "KARI ANNE HOLT, VICE PRESIDENT: Welcome.") == "KARI ANNE HOLT"
    # two people of that surname: the name stays as the facts give it
    assert full_name("Holt", text + "Her brother Jon Holt also came.\n") == "Holt"

    a = article(text, date="2025-03-12")
    s = "Vice President Holt said the talks had been useful."
    met = "Foreign Minister Lea Novak met the Vice President of the Republic of Norway Kari Anne Holt in Oslo on Monday."
    facts = [
        Meeting(source=src(a, met), participants=("Lea Novak", "Holt"), place="Oslo"),
        Role(
            source=src(a, s), cue=cue(a, s, "Vice President"), person="Holt", title="Vice President"
        ),
    ]
    qs = ask(a, facts)
    assert qs
    for q in qs:
        assert not re.search(r"(?<!Anne )\bHolt\b", q.prompt.split("“")[0]), q.prompt
    for q in of_kind(qs, "short_answer", "meeting"):
        if q.answer != "Lea Novak":
            assert q.answer == "Kari Anne Holt"
            assert grade(q.to_dict(), "Holt").correct
            assert grade(q.to_dict(), "Kari Anne Holt").correct


def test_an_article_about_a_deal_is_named_by_the_deal_and_its_sides() -> None:
    from question_bank.writing.anchors import agreement_labels

    first = "Norway and the Croatian government (CG) have signed a six-month fishing agreement."
    then = "Under the agreement, Croatian boats may land 12,000 tonnes of cod a year."
    a = article(f"{first}\n{then}\n")  # no headline, no date, no address
    facts = [
        Term(
            source=src(a, then),
            cue=cue(a, then, "12,000"),
            agreement="agreement",
            text="12,000 tonnes of cod",
            value=12000,
            unit="tonnes",
        )
    ]
    label = "the fishing agreement between Norway and the Croatian government"
    assert agreement_labels(facts, a.text)[0] == label  # no figure, no initials
    qs = ask(a, facts)
    assert qs
    for q in qs:
        assert f"According to the report on {label}" in q.prompt, q.prompt
    # without sides, a deal that says nothing of itself is no label
    s = "Under the deal, boats may land 12,000 tonnes of cod each year."
    b = article(f"The deal was welcomed by the fishermen of both countries.\n{s}\n")
    deal = Term(source=src(b, s), agreement="deal", text="12,000 tonnes", value=12000, unit="t")
    assert agreement_labels([deal], b.text) == []


def test_a_deal_s_side_ends_with_its_name() -> None:
    from question_bank.writing.anchors import agreement_labels

    s = "The Norwegian firm Nordfisk and Croatia Fishing Holding Company also signed a fishing deal."
    a = article(f"{s}\nThe deal is worth $3 billion, officials said.\n", date="2025-03-12")
    t = "The deal is worth $3 billion, officials said."
    term = Term(
        source=src(a, t),
        cue=cue(a, t, "$3 billion"),
        agreement="deal",
        text="worth $3 billion",
        value=3e9,
        unit="US dollars",
    )
    labels = agreement_labels([term], a.text)
    assert labels and all(not label.endswith(" also") for label in labels), labels


def test_a_letterhead_line_is_no_headline_and_a_cut_address_loses_its_stub() -> None:
    from question_bank.writing.anchors import slug_headline

    body = "\n\nThe minister met her Norwegian counterpart in Oslo on Monday for talks on fish."
    assert detect_headline("Minister for Foreign Affairs" + body) is None
    assert detect_headline("Office of the Prime Minister of Croatia" + body) is None
    assert detect_headline("Novak in Oslo for fishing talks" + body) == (
        "Novak in Oslo for fishing talks"
    )
    address = "https://example.org/2025/03/12-03-novak-and-lunde-sign-fishing-deal-in-o/"
    text = "Novak and Lunde will sign a fishing deal in Oslo."
    assert slug_headline(address, text) == "Novak and Lunde sign fishing deal"
    # an address's shorthand is not the outlet's headline: no quote is made of it
    for short in ("pak-fm-novak-meets-lunde-in-oslo", "novak-announces-cost-of-agrts-signed"):
        assert slug_headline(f"https://example.org/{short}", text + " Costs were signed.") is None
    # nor is an address cut short, and a lost apostrophe is put back
    assert slug_headline("https://example.org/novak-to-announce-new-deal-for", text) is None
    assert slug_headline(
        "https://example.org/novaks-envoy-signs-fishing-deal",
        "Novak's envoy will sign the fishing deal.",
    ) == ("Novak's envoy signs fishing deal")


def test_a_name_cut_after_its_particle_is_asked_whole() -> None:
    from question_bank.writing.anchors import full_name

    text = "The deal was signed by Commission President Anna van der Berg in Oslo on Monday."
    assert full_name("Anna van der", text) == "Anna van der Berg"
    forms = name_forms("Anna van der Berg")
    assert "van der Berg" in forms
    assert not any(f.endswith((" der", " van")) or f == "der Berg" for f in forms)


@pytest.mark.parametrize(
    ("when", "planned", "phrase"),
    [
        ("a ceremony Tuesday", False, "on 11 March 2025"),
        ("on June 7-8", False, "on 7-8 June 2024"),
        ("on March 20", True, "on 20 March 2025"),
        ("on December 30", False, "on 30 December 2024"),
        ("a ceremony in 2019", False, "in 2019"),
        ("on November last year", False, "in November 2024"),
    ],
)
def test_a_when_phrase_is_the_time_alone_with_its_year(
    when: str, planned: bool, phrase: str
) -> None:
    from question_bank.writing.text import when_phrase

    assert when_phrase(when, dt.date(2025, 3, 12), planned) == phrase


def test_people_from_other_articles_are_choices_only_as_peers_of_the_asker() -> None:
    s = "President Lea Novak met Erik Lunde in Oslo on Monday for talks on fishing."
    t = "President Lea Novak said the talks had been friendly and useful for both sides."
    a = article(f"{s}\n{t}\n", date="2025-03-12")
    facts = [
        Meeting(source=src(a, s), participants=("Lea Novak", "Erik Lunde"), place="Oslo"),
        Role(source=src(a, t), cue=cue(a, t, "President"), person="Lea Novak", title="President"),
    ]
    pool = DistractorPool()
    heads = ["Paul Reyes", "Kenji Sato", "Mara Cole", "Ivo Petrov"]
    for name, title in [*((h, "Prime Minister") for h in heads), ("Tom Hale", "Trade Minister")]:
        pool.add("persons", [name])
        pool.ranks[name] = title_rank_of(title)
    from question_bank.writing.build import Context, _people_distractors

    chosen, _ = _people_distractors(Context(a, facts, pool), "Lea Novak", set(), "Erik Lunde")
    # Erik Lunde has no title here: a president meets a head, so a trade minister from
    # another story is no plausible wrong answer; and a stranger is one choice at most
    assert chosen and set(chosen) <= set(heads) and len(chosen) == 1
    mcqs = of_kind(ask(a, facts, pool, kinds=("mcq",)), "mcq", "meeting")
    assert mcqs == []  # too few plausible choices: no multiple choice


def title_rank_of(title: str) -> str:
    from question_bank.writing.distractors import title_rank

    return title_rank(title)


def test_a_role_statement_names_the_country_and_is_never_false_for_a_holder_of_the_office() -> None:
    from question_bank.writing.build import Context, role_drafts

    s = "ERIK LUNDE, FOREIGN MINISTER OF NORWAY: Welcome to Oslo, said Foreign Minister Lunde."
    t = "First Deputy Foreign Minister Ana Berg and Deputy Foreign Minister Ivo Marin attended."
    a = article(f"{s}\n{t}\n")

    def role(sentence: str, words: str, person: str, title: str) -> Role:
        return Role(
            source=src(a, sentence), cue=cue(a, sentence, words), person=person, title=title
        )

    lunde = role(s, "Foreign Minister Lunde", "Erik Lunde", "Foreign Minister")
    berg = role(t, "First Deputy Foreign Minister", "Ana Berg", "First Deputy Foreign Minister")
    marin = role(t, "Deputy Foreign Minister Ivo", "Ivo Marin", "Deputy Foreign Minister")
    ctx = Context(a, [lunde, berg, marin], DistractorPool())
    said = [d for d in role_drafts(lunde, ctx) if d.kind == "true_false"]
    assert said and all(d.slots["the_title"] == "the Foreign Minister of Norway" for d in said)
    for d in role_drafts(marin, ctx):
        if d.kind == "true_false":
            # a first deputy foreign minister is a deputy foreign minister too
            assert d.answer == "True" or d.slots["person"] != "Ana Berg"


def test_a_false_role_statement_swaps_in_no_head_of_government_nor_a_stranger() -> None:
    from question_bank.writing.build import Context, role_drafts

    s = "Prime Minister Erik Lunde welcomed Foreign Minister Lea Novak in Oslo on Monday."
    text = s + "\nThe two sides discussed fishing rights and trade in the Adriatic.\n"
    pool = DistractorPool()
    pool.add("persons", ["Tom Hale", "Ivo Petrov"])
    for name in ("Tom Hale", "Ivo Petrov"):
        pool.ranks[name] = "minister"
    said: set[str] = set()
    for i in range(12):  # the truth is drawn by the article's id: try a few
        a = parse_article(text, f"story{i}")
        lunde = Role(
            source=src(a, s),
            cue=cue(a, s, "Prime Minister"),
            person="Erik Lunde",
            title="Prime Minister",
        )
        novak = Role(
            source=src(a, s),
            cue=cue(a, s, "Foreign Minister"),
            person="Lea Novak",
            title="Foreign Minister",
        )
        for d in role_drafts(novak, Context(a, [lunde, novak], pool)):
            if d.kind == "true_false":
                said.add(d.slots["person"])
    # the prime minister is no plausible foreign minister, and someone from another story
    # is only unmentioned: the statement stays true
    assert said == {"Lea Novak"}


def test_a_title_cut_before_its_office_is_no_key() -> None:
    from question_bank.writing.build import Context, role_drafts

    s = "Deputy Minister of Trade Ana Berg met the visiting delegation in Oslo on Monday."
    a = article(s + "\nThe two sides discussed fishing rights and trade in the Adriatic.\n")
    cut = Role(
        source=src(a, s),
        cue=cue(a, s, "Deputy Minister of"),
        person="Ana Berg",
        title="Deputy Minister of",
    )
    drafts = role_drafts(cut, Context(a, [cut], DistractorPool()))
    assert all(d.answer != "Deputy Minister of" for d in drafts if not d.fallback)


def replace_source(f: Role, b: Article) -> Role:
    from dataclasses import replace

    return replace(f, source=src(b, f.source.sentence))


def test_one_fact_read_from_two_sentences_gives_questions_with_distinct_ids() -> None:
    s = "Foreign Minister Lea Novak arrived in Oslo on Monday for two days of talks."
    t = "Foreign Minister Lea Novak later met fishermen in the harbour of Bergen."
    a = article(f"{s}\n{t}\n")
    facts = [
        Role(
            source=src(a, x),
            cue=cue(a, x, "Foreign Minister"),
            person="Lea Novak",
            title="Foreign Minister",
        )
        for x in (s, t)
    ]
    ids = [q.id for q in ask(a, facts)]
    assert ids and len(ids) == len(set(ids))


def test_a_two_letter_name_the_article_writes_alone_is_accepted() -> None:
    from question_bank.forms import name_forms

    text = "Chinese President Xi Jinping met President Ana Lima. Xi said the talks were good."
    assert "Xi" in name_forms("Xi Jinping", text)
    text = "Foreign Minister Wang Yi arrived on Monday. Wang told reporters the visit was useful."
    assert "Wang" in name_forms("Wang Yi", text)
    assert "Ana" not in name_forms("Ana Lima", "Ana Lima met Xi Jinping. Lima said it went well.")


def test_rt_hon_is_a_style_not_a_name(facts) -> None:  # type: ignore[no-untyped-def]
    found = facts(
        "Foreign Minister Rt Hon Winston Pedersen met Prime Minister Jeremiah Manu in Honiara on "
        "Monday, the ministry said."
    )
    people = {p for f in found if f.type == "meeting" for p in f.to_dict()["participants"]}
    assert "Winston Pedersen" in people and not any(p.startswith("Rt") for p in people)


def test_quotes_inside_a_quoted_sentence_become_single() -> None:
    from question_bank.writing.text import quote_for_prompt

    assert (
        quote_for_prompt('“We will stay,” he said, calling it a "good plan".', None)
        == "‘We will stay,’ he said, calling it a ‘good plan’."
    )
    assert quote_for_prompt("The talks’ second round is set.", None) == (
        "The talks’ second round is set."
    )


def test_a_byline_line_is_no_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank import extract_facts

    a = article(
        "Ama Owusu in Abuja\n\nPresident Kofi Mensah arrived in Accra on Monday for talks with "
        "President Lucas Brenner on trade and roads.",
        date="2025-01-07",
    )
    qs = ask(a, extract_facts(a, nlp=nlp))
    assert qs and not any("Ama Owusu" in q.prompt for q in qs)
    # a headline that names the story's own people is still one
    b = article(
        "Kofi Mensah Lands in Accra\n\nPresident Kofi Mensah arrived in Accra on Monday for "
        "talks with President Lucas Brenner on trade and roads.",
        date="2025-01-07",
    )
    assert any(
        "“Kofi Mensah Lands in Accra”" in q.prompt for q in ask(b, extract_facts(b, nlp=nlp))
    )


def test_an_amount_with_spaced_thousands_is_asked_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank import extract_facts

    a = article(
        "The minimum wage in the sector was raised to R4 400 under the agreement signed on "
        "Monday by the unions and the employers, officials said.",
        date="2025-01-07",
    )
    qs = ask(a, extract_facts(a, nlp=nlp))
    figures = [q for q in qs if q.fact["type"] in ("term", "quantity") and q.kind != "true_false"]
    assert figures and all(q.answer == "R4 400" for q in figures)
    for q in of_kind(qs, "mcq"):
        assert all(re.fullmatch(r"R\d{1,2} \d{3}", c) for c in q.choices), q.choices


def test_a_previous_agreements_figure_is_no_term_of_the_deal(facts) -> None:  # type: ignore[no-untyped-def]
    found = facts(
        "The deal will run for a period of one year, following the previous agreement, "
        "which was effective for two years, officials said on Monday."
    )
    terms = {(f.value, getattr(f, "agreement", None)) for f in found if f.type == "term"}
    assert (1, "deal") in terms
    assert not any(v == 2 for v, _ in terms)


def test_a_one_word_name_accepts_the_fuller_name_the_article_gives() -> None:
    text = "Petro and Garcia signed it. Chamorro, also known as Antonio García, said so."
    assert {"Antonio García", "García"} <= set(name_forms("Garcia", text))
    # a title before the name is no given name
    assert name_forms("Garcia", "President Garcia and Mr Garcia met.") == (
        "Garcia",
        "President Garcia",
        "Mr Garcia",
    )


def test_a_photo_credit_line_is_no_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank import extract_facts

    a = article(
        "Cabinet meeting\nCabinet meetingAnna Levi/GPO\n\nThe government approved the deal on "
        "Tuesday for the release of 50 hostages held in Gaza, officials said.",
        date="2023-11-22",
    )
    qs = ask(a, extract_facts(a, nlp=nlp))
    assert qs and not any("GPO" in q.prompt or "meetingAnna" in q.prompt for q in qs)


def test_which_places_accepts_the_country_of_a_city_visited(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank import extract_facts

    a = article(
        "Chancellor Lena Vogt travelled to Paris and Belgium on Wednesday for talks on trade, "
        "and then flew on to Warsaw for talks with Prime Minister Jan Nowak.",
        date="2025-05-07",
    )
    places = [
        q
        for q in ask(a, extract_facts(a, nlp=nlp))
        if q.kind == "short_answer" and q.fact["type"] == "visit" and "name one" in q.prompt
    ]
    assert places
    checked = False
    for q in places:
        forms = {q.answer, *q.accepted}
        if "cities" in q.prompt:
            assert "Poland" not in forms  # a country is no answer to "which cities"
        else:
            assert "France" in forms
            checked = True
    assert checked


def test_an_address_of_numbers_only_gives_no_headline_and_no_crash(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank import extract_facts
    from question_bank.writing.anchors import slug_headline

    assert slug_headline("https://news.example.mv/65368", "text") is None
    text = "Kenya and Ghana will sign trade pacts, officials said."
    assert slug_headline("https://example.org/news/kenya-and-ghana-sign-trade-pacts/96/", text) == (
        "Kenya and Ghana sign trade pacts"
    )
    a = article(
        "President Kofi Mensah arrived in Male on Monday for talks with President Ali Nasheed "
        "on trade and fisheries.",
        source="https://news.example.mv/65368",
    )
    assert ask(a, extract_facts(a, nlp=nlp))


def test_a_quote_is_never_cut_inside_brackets() -> None:
    s = (
        "The leaders met at the summit (held in Lima on 28 October 2015, the first in years, "
        "with aides) and agreed that the two sides would hold regular meetings and exchange "
        "visits, officials said on Monday in a statement."
    )
    i = s.index("regular")
    cut = trim_around(s, i, i + 7, limit=24)
    assert "regular meetings" in cut
    assert not cut.lstrip("…").startswith(("the first", "with aides", "2015"))


def test_a_section_label_before_a_headline_is_dropped() -> None:
    body = "\n\nThe government and the rebels signed a ceasefire in Addis Ababa on Thursday, officials said."
    assert detect_headline("BREAKING: S. Sudan government and rebels sign ceasefire" + body) == (
        "S. Sudan government and rebels sign ceasefire"
    )
    assert detect_headline("Nigeria: Bello Hosts Nigerien President, Amadou Issa" + body) == (
        "Bello Hosts Nigerien President, Amadou Issa"
    )
    # two sentences on the line are still no headline
    assert detect_headline("He said no. Then she left the room for good" + body) is None


def test_date_lines_site_names_idioms_and_clauses_make_no_anchor() -> None:
    from question_bank.model import Source, Term
    from question_bank.writing.anchors import agreement_labels

    body = (
        "\n\nThe Prime Minister said on Friday that he will travel to Europe next week for talks."
    )
    assert detect_headline("March 4, 2022" + body) is None
    assert detect_headline("President begins official visit to Colombia | News" + body) == (
        "President begins official visit to Colombia"
    )
    text = (
        "Qatar said Wednesday that Israel and Hamas agreed to a truce. Hamas will free 33 "
        "hostages in exchange for the release of Palestinian prisoners."
    )
    term = Term(
        agreement="truce",
        text="33 hostages",
        value=33,
        unit="hostages",
        source=Source(text[text.index("Hamas will") :], text.index("Hamas will"), len(text)),
    )
    labels = agreement_labels([term], text)
    assert all("said" not in lab and " in exchange" not in lab for lab in labels), labels
    assert "the truce" in labels


def test_last_year_is_in_a_year() -> None:
    assert when_phrase("last year", dt.date(2023, 7, 18), False) == "in 2022"
    assert when_phrase("next year", dt.date(2023, 7, 18), True) == "in 2024"


def test_a_fact_is_asked_at_most_twice_once_to_recall_and_once_to_recognise() -> None:
    """Four forms of one fact drill it; two (one typed, one chosen) test it. Which kinds a
    fact keeps turns with the fact, so the bank still mixes every kind."""
    a, facts = visit_story(Date="2025-03-12")
    every = [q for kind in KINDS for q in ask(a, facts, kinds=(kind,))]
    questions = ask(a, facts)
    per_fact: dict[str, list[str]] = {}
    for q in questions:
        per_fact.setdefault(repr(sorted(q.fact.items())), []).append(q.kind)
    asked_before = Counter(repr(sorted(q.fact.items())) for q in every)
    assert max(asked_before.values()) >= 3  # the story's facts have many forms each
    assert set(per_fact) == set(asked_before)  # no fact lost
    for kinds in per_fact.values():
        assert len(kinds) <= 2
        if len(kinds) == 2:
            recall = [k in ("short_answer", "cloze") for k in kinds]
            assert sorted(recall) == [False, True], kinds
    assert {q.kind for q in questions} == set(KINDS)


def test_a_title_choice_names_no_country_the_key_does_not() -> None:
    s = "Foreign Minister Lin Hao said the talks in Oslo had gone well for both sides."
    a = article(f"{s}\n", date="2025-03-12")
    role = Role(
        source=src(a, s),
        cue=cue(a, s, "Foreign Minister"),
        person="Lin Hao",
        title="Foreign Minister",
    )
    pool = DistractorPool()
    for t in (
        "Afghan Defense Minister",
        "Interior Minister",
        "Finance Minister",
        "Trade Minister",
        "Japanese Justice Minister",
    ):
        pool.titles.append(t)
    mcqs = of_kind(ask(a, [role], pool, kinds=("mcq",)), "mcq")
    assert mcqs
    for q in mcqs:
        assert not {"Afghan Defense Minister", "Japanese Justice Minister"} & set(q.choices)


def test_two_meetings_of_one_sentence_are_not_asked_twice_the_same_way() -> None:
    s = "Foreign Minister Lin Hao will meet President Ana Rojas and Prime Minister Erik Lunde."
    a = article(f"{s}\nThe talks are about trade, officials said on Monday.\n", date="2025-03-12")
    facts = [
        Meeting(
            source=src(a, s),
            cue=cue(a, s, "Ana Rojas"),
            participants=("Lin Hao", "Ana Rojas"),
            planned=True,
        ),
        Meeting(
            source=src(a, s),
            cue=cue(a, s, "Erik Lunde"),
            participants=("Lin Hao", "Erik Lunde"),
            planned=True,
        ),
    ]
    questions = ask(a, facts)
    seen = Counter((q.kind, q.answer if q.kind != "true_false" else "") for q in questions)
    assert max(seen.values()) == 1, questions
    # every meeting still has a question
    assert {tuple(sorted(q.fact["participants"])) for q in questions} == {
        ("Ana Rojas", "Lin Hao"),
        ("Erik Lunde", "Lin Hao"),
    }


def test_a_country_key_is_not_given_away_by_its_people_s_adjective() -> None:
    s = "Croatian Foreign Minister Lea Novak visited Spain on Monday and praised the Spanish economy."
    a = article(f"{s}\nThe talks were about trade, officials said.\n", date="2025-03-12")
    visit = Visit(source=src(a, s), cue=cue(a, s, "Spain"), traveler="Lea Novak", places=("Spain",))
    questions = ask(a, [visit], kinds=("cloze", "mcq"))
    assert questions
    for q in questions:
        assert "Spanish" not in q.prompt, q.prompt
    # the adjective alone left: the fact keeps that question rather than none
    only = ask(a, [visit], kinds=("cloze",))
    assert len(only) == 1 and "Spanish" in only[0].prompt


def test_a_country_key_is_not_given_away_by_its_capital() -> None:
    s = "Croatian Foreign Minister Lea Novak landed in Abuja on Monday for talks in Nigeria."
    a = article(f"{s}\nThe talks were about trade, officials said.\n", date="2025-03-12")
    visit = Visit(
        source=src(a, s), cue=cue(a, s, "Nigeria"), traveler="Lea Novak", places=("Nigeria",)
    )
    questions = ask(a, [visit], kinds=("cloze", "mcq"))
    assert questions
    for q in questions:
        assert "Abuja" not in q.prompt, q.prompt


def test_a_figure_or_an_office_is_not_given_away_in_other_words() -> None:
    """ "$3 bn" in a headline over a blank keyed "$3 billion"; "top diplomat" over "what
    position did X hold?" keyed "Foreign Minister"."""
    headline = "Norway, Croatia sign $3 bn fishing deal"
    s = "The two countries signed a fishing deal worth $3 billion in Oslo on Monday."
    a = article(
        f"{headline}\n\n{s}\nThe deal runs for ten years, officials said.\n", date="2025-03-12"
    )
    term = Term(
        source=src(a, s),
        cue=cue(a, s, "$3 billion"),
        agreement="fishing deal",
        text="worth $3 billion",
        value=3e9,
        unit="US dollars",
    )
    asked = [q for q in ask(a, [term]) if q.kind != "true_false"]
    assert asked
    for q in asked:
        assert "3 bn" not in q.prompt, q.prompt
    headline = "Croatia's top diplomat visits Norway for fishing talks"
    s = "Foreign Minister Lea Novak arrived in Oslo on Monday for two days of fishing talks."
    a = article(f"{headline}\n\n{s}\nThe talks went well, officials said.\n", date="2025-03-12")
    role = Role(
        source=src(a, s),
        cue=cue(a, s, "Foreign Minister"),
        person="Lea Novak",
        title="Foreign Minister",
    )
    for q in ask(a, [role], kinds=("short_answer", "mcq")):
        if q.answer == "Foreign Minister":
            assert "diplomat" not in q.prompt, q.prompt


def test_a_count_is_not_asked_beside_the_list_it_counts() -> None:
    s = (
        "Foreign Minister Lea Novak began a four-nation tour on Monday, with stops in Chile, "
        "Peru, Trinidad and Tobago and Brazil."
    )
    a = article(f"{s}\nThe tour is about trade, officials said.\n", date="2025-03-12")
    quantity = Quantity(
        source=src(a, s), cue=cue(a, s, "four"), value=4, unit="nation", text="a four-nation tour"
    )
    only = ask(a, [quantity], kinds=("cloze",))
    assert len(only) == 1  # all its fact has: kept
    mixed = ask(a, [quantity], kinds=("cloze", "short_answer", "mcq", "true_false"))
    assert not any(
        "Chile, Peru" in q.prompt
        for q in mixed
        if q.kind != "true_false" and q.answer in ("four", "4")
    )


def test_a_host_who_received_the_visitor_is_accepted_with_the_visited_country(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "President" for the leader who received a visitor to Ruritania (the only country of
    the visit) is also right as "President of Ruritania"; never with another country."""
    text = (
        "Foreign Minister Lea Novak visited Moldova on 10 September 2020.\n\n"
        "Later that day, Minister Novak was received by President Ion Rusu and conveyed to "
        "him the greetings of President Tomas Varga.\n"
    )
    questions = _bank(text, nlp, "host")
    asked = _asked(questions, "short_answer", "role", person="Ion Rusu")
    assert asked, [q["prompt"] for q in questions]
    for q in asked:
        assert grade(q, "President of Moldova").correct
        assert grade(q, "Moldova's President").correct
        assert not grade(q, "President of Croatia").correct
    for q in questions:
        if q["kind"] == "short_answer" and q["fact"].get("person") == "Tomas Varga":
            assert not grade(q, "President of Moldova").correct


def test_a_time_left_out_of_a_quote_leaves_no_stray_comma() -> None:
    from question_bank.writing.text import resolve_relative

    said = "He toured Chile (for the summit). Earlier this year, he also visited Peru."
    assert resolve_relative(said, None) == "He toured Chile (for the summit). He also visited Peru."
    assert resolve_relative("On Monday, he met the U.S. envoy.", None) == "He met the U.S. envoy."


def test_a_host_country_needs_the_meeting_to_be_there(nlp) -> None:  # type: ignore[no-untyped-def]
    """A talk with the home leader "before leaving" for the visit gives him no host
    country; "arrived in La Paz to meet President X" does."""
    from question_bank import extract_facts, generate_questions, parse_article

    def accepted(text: str, person: str) -> list[list[str]]:
        a = parse_article(text, "host")
        return [
            q.to_dict()["accepted"]
            for q in generate_questions(a, extract_facts(a, nlp=nlp))
            if q.kind == "short_answer" and q.to_dict()["fact"].get("person") == person
        ]

    home = (
        "Foreign Minister Ali Raza left for Beijing on Friday for talks with his counterpart.\n\n"
        "In a video message released before his departure, Raza said he was going on an "
        "important trip to China and that he had a discussion with Prime Minister Omar Khan "
        "before leaving.\n"
    )
    for forms in accepted(home, "Omar Khan"):
        assert not any("China" in f or "Chinese" in f for f in forms), forms
    abroad = (
        "Foreign Minister Lea Novak arrived in La Paz on Thursday to meet with President "
        "Luis Arce and discuss trade.\n"
    )
    found = accepted(abroad, "Luis Arce")
    assert any("President of Bolivia" in forms for forms in found), found


def test_a_given_name_two_people_share_is_no_accepted_form() -> None:
    from question_bank.forms import name_forms

    text = (
        "Foreign Minister Mauro Vieira met President Luiz Inacio Lula da Silva. He came with "
        "the climate ambassador, Luiz Alberto Figueiredo."
    )
    assert "Luiz" not in name_forms("Luiz Alberto Figueiredo", text)
    assert "Luiz" not in name_forms("Luiz Inacio Lula da Silva", text)
    assert "Figueiredo" in name_forms("Luiz Alberto Figueiredo", text)


def test_a_possessive_today_and_a_day_of_this_month() -> None:
    import datetime as dt

    from question_bank.writing.text import quote_for_prompt, resolve_relative

    day = dt.date(2023, 5, 4)
    assert resolve_relative("Today's meeting will be held in Lima.", None) == (
        "The meeting will be held in Lima."
    )
    assert quote_for_prompt("Today's meeting will be held in Lima.", day) == (
        "Today's [4 May 2023] meeting will be held in Lima."
    )
    said = "We intend to hold it on the 30th of this month, he said."
    assert resolve_relative(said, None) == "We intend to hold it, he said."
    assert resolve_relative(said, day) == "We intend to hold it on 30 May 2023, he said."


def test_another_sum_keeps_the_pence() -> None:
    from question_bank.writing.build import swap_number

    assert swap_number("£13.20", 19.8) == "£19.80"
    assert swap_number("$1.5 billion", 750_000_000) == "$750 million"


def test_a_deadline_is_asked_as_its_date_in_any_common_writing(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank import extract_facts, generate_questions, parse_article
    from question_bank.writing.text import date_forms, moved_dates

    text = (
        "Title: Novak in Oslo for fishing talks\nDate: 2025-03-12\n\n"
        "The two governments agreed a five-year fishing deal on Tuesday. Under the deal, "
        "Croatian boats must leave the northern fishing zone by 1 June, and Norway will cut "
        "its landing fees by 15 percent.\n"
    )
    a = parse_article(text, "deadline")
    facts = extract_facts(a, nlp=nlp)
    # asked with every kind, the cloze and the choice on the same blank are twins: one
    # of them stands; each kind on its own is still written
    both = [q.to_dict() for q in generate_questions(a, facts)]
    assert len([q for q in both if q["fact"]["type"] == "deadline"]) == 1
    asked = [
        q.to_dict()
        for kind in ("cloze", "mcq")
        for q in generate_questions(a, facts, kinds=(kind,))
        if q.to_dict()["fact"]["type"] == "deadline"
    ]
    kinds = {q["kind"] for q in asked}
    assert kinds == {"cloze", "mcq"}, kinds
    cloze = next(q for q in asked if q["kind"] == "cloze")
    assert "by _____" in cloze["prompt"] and cloze["answer"] == "1 June"
    for typed in ("1 June", "June 1", "1st June", "1st of June", "june 1st"):
        assert grade(cloze, typed).correct, typed
    for typed in ("1", "2 June", "June", "1 July"):
        assert not grade(cloze, typed).correct, typed
    mcq = next(q for q in asked if q["kind"] == "mcq")
    assert len(set(mcq["choices"])) == 4 and mcq["answer"] in mcq["choices"]
    assert date_forms("November 15, 2020")[0] == "November 15, 2020"
    assert "15 November 2020" in date_forms("November 15, 2020")
    import random

    assert set(moved_dates("2035", random.Random(1))) == {"2025", "2030", "2040", "2045"}


def test_where_the_story_already_has_the_traveller_is_right_for_where_they_are_due(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "arrived in Oslo … will later fly to Berlin": asked where he was due to go or whom
    he was due to meet, where he already is and whom he already met are right too; asked
    where he went, the place still to come is not."""
    text = (
        "Title: Lunde signs energy deal with Norway\nDate: 2012-06-06\n\n"
        "Prime Minister Erik Lunde arrived in Oslo on Wednesday night for dinner with his "
        "Norwegian counterpart, Jens Holm. Lunde and Holm will later fly to Berlin for a town "
        "hall meeting with Chancellor Greta Brandt.\n"
    )
    asked = _bank(text, nlp, "tenses")
    visits = _asked(asked, "short_answer", "visit", traveler="Erik Lunde")
    assert visits
    for q in visits:
        assert grade(q, "Oslo").correct, q["prompt"]  # already there: right either way
        # due there: right when asked where he is due; not there yet: wrong for "did visit"
        assert grade(q, "Berlin").correct is ("due to" in q["prompt"]), q["prompt"]
        assert not grade(q, "Paris").correct
    meets = [
        q
        for q in asked
        if q["kind"] == "short_answer"
        and q["fact"]["type"] == "meeting"
        and "Erik Lunde" in q["fact"]["participants"]
        and not q["fact"]["place"]
    ]
    assert any("due to" in q["prompt"] for q in [*visits, *meets])
    for q in meets:
        assert grade(q, "Jens Holm").correct, q["prompt"]  # met already: right either way
        if "due to" in q["prompt"]:
            assert grade(q, "Greta Brandt").correct, q["prompt"]


def _bank(text: str, nlp, name: str = "written") -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """The bank lines the generator writes for a text."""
    from question_bank import extract_facts, generate_questions, parse_article

    a = parse_article(text, name)
    return [q.to_dict() for q in generate_questions(a, extract_facts(a, nlp=nlp))]


def _asked(
    bank: list[dict[str, object]], kind: str, fact: str, **fields: str
) -> list[dict[str, Any]]:
    """The questions of one kind about facts of one type with these field values."""
    return [
        q
        for q in bank
        if q["kind"] == kind
        and q["fact"]["type"] == fact  # type: ignore[index]
        and all(q["fact"].get(k) == v for k, v in fields.items())  # type: ignore[attr-defined]
    ]


def test_a_surname_two_people_share_is_no_accepted_answer(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "President Ivo Rajan Baric met Foreign Minister Ana Rios in Zagreb on Monday. Later "
        "that day, the minister Tomas Baric Lima signed a joint statement with Ana Rios.\n",
        nlp,
    )
    for q in bank:
        if q["kind"] in ("short_answer", "cloze") and "Baric" in str(q["answer"]):
            assert "Baric" not in q["accepted"], q  # whose "Baric"?


def test_a_deadline_is_right_with_its_year_and_short_forms(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank import extract_facts, generate_questions

    a = parse_article(
        "Title: Truce signed\nDate: 2020-11-09\n\n"
        "Under the ceasefire agreement signed on Monday, Ruritania has to return the Marsh "
        "district to Moldova by November 15, officials said.\n",
        "written",
    )
    asked = generate_questions(a, extract_facts(a, nlp=nlp), kinds=("cloze",))
    [q] = _asked([x.to_dict() for x in asked], "cloze", "deadline")
    for typed in ("15 November 2020", "Nov 15th", "15th Nov", "November 15"):
        assert grade(q, typed).correct, typed
    for typed in ("15 November 2021", "16 November", "15"):
        assert not grade(q, typed).correct, typed


def test_a_host_met_during_the_visit_is_right_with_the_visited_country(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Indian Prime Minister Arjun Mehta arrived in Sri Lanka on Friday for a two-day state "
        "visit. He will also visit the Peace Keeping Force Memorial in Colombo.\n\n"
        "During his stay, Mehta is expected to hold discussions with President Ravi Perera "
        "and government officials.\n",
        nlp,
    )
    asked = _asked(bank, "short_answer", "role", person="Ravi Perera")
    assert asked, [q["prompt"] for q in bank]
    for q in asked:
        assert grade(q, "President of Sri Lanka").correct
        assert not grade(q, "President of India").correct


def test_a_city_and_its_country_are_asked_as_one_stop(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Date: 2025-03-12\n\nChilean President Rosa Ibarra arrived in Lima, Peru, on "
        "Wednesday for a three-day state visit, her office said. Ibarra will hold talks with "
        "President Pablo Sosa on trade and water.",
        nlp,
    )
    visits = [q for q in bank if q["fact"]["type"] == "visit" and q["kind"] != "cloze"]
    assert visits
    for q in visits:
        assert "name one" not in q["prompt"].lower(), q["prompt"]
        assert "Lima and Peru" not in q["prompt"] and "Peru and Lima" not in q["prompt"]


def test_an_agreement_label_leaves_out_a_credit_before_its_sides() -> None:
    from question_bank.writing.anchors import _side

    assert _side("Wire Service) Chile") == "Chile"
    assert _side("The European Union (EU)") == "the European Union"


def test_the_country_written_after_a_place_is_right_for_the_place(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank.grading import grade

    bank = _bank(
        "Date: 2025-03-12\n\nChilean Foreign Minister Ana Rios flew to Goa, India, on "
        "Thursday for a regional meeting, her office said. Rios will hold talks with "
        "officials on trade and water during the visit.",
        nlp,
    )
    asked = _asked(bank, "short_answer", "visit")
    assert asked
    for q in asked:
        assert grade(q, "India").correct and grade(q, "Goa").correct
        assert grade(q, "Goa, India").correct
        assert not grade(q, "Chile").correct


def test_asked_for_cities_a_country_is_no_answer(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank.grading import grade

    bank = _bank(
        "Afghan Defence Minister Omar Rahimi arrived in Pakistan on Monday. Rahimi visited "
        "the army headquarters in Rawalpindi and held talks in Islamabad with the army "
        "chief, General Tariq Aziz.",
        nlp,
    )
    asked = _asked(bank, "short_answer", "visit")
    assert asked
    for q in asked:
        assert "name one" not in q["prompt"].lower(), q["prompt"]  # one country, its two cities
        if "cities" in q["prompt"] or "which city" in q["prompt"]:
            assert not grade(q, "Pakistan").correct, q
        if "which country" in q["prompt"]:
            assert q["answer"] == "Pakistan" and grade(q, "Islamabad").correct


def test_without_headline_date_or_event_the_anchor_quotes_the_opening_words() -> None:
    from question_bank.writing.anchors import _lede

    text = (
        "Dock workers called off their 20-day strike last night after talks with employers.\n"
        "About 300 of them voted to accept the offer."
    )
    assert _lede(text, None) == "Dock workers called off their 20-day strike"
    # a speaker's label is left out, and what is left too short to name anything
    assert _lede("ANA RIOS, MINISTER: Well, thank you all for coming today.", None) is None


def test_a_signed_agreements_subject_is_asked_with_subjects_the_article_never_names(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank.grading import grade

    text = (
        "Date: 2025-03-12\n\nChilean Foreign Minister Ana Rios visited Lima on Tuesday. During "
        "the visit, agreements were signed on air services and diplomatic archives, her "
        "office said. Rios also held talks with President Pablo Sosa on trade."
    )
    bank = _bank(text, nlp)
    asked = [q for q in bank if q["fact"]["type"] == "signing"]
    kinds = {q["kind"] for q in asked}
    assert {"cloze", "mcq"} <= kinds
    for q in asked:
        if q["kind"] == "mcq":
            wrong = [c for c in q["choices"] if c != q["answer"]]
            assert len(wrong) == 3
            # never a subject the article names, nor one close to it ("civil aviation"
            # beside "air services", "trade" beside talks on trade)
            assert not {"civil aviation", "trade", "culture"} & set(wrong), wrong
        if q["kind"] == "cloze":
            assert grade(q, q["answer"]).correct
        if q["kind"] == "true_false" and q["answer"] == "False":
            assert "air services" not in q["prompt"] and "diplomatic archives" not in q["prompt"]


def test_a_trip_counted_within_this_year_is_asked_only_with_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Date: 2023-02-20\n\nIndian External Affairs Minister Ravi Menon arrived in Canberra "
        "on Monday for a three-day visit, his second to Australia this year, the ministry "
        "said in a statement. Menon will hold talks with Claire Dawson on Tuesday.",
        nlp,
    )
    trips = [q for q in bank if q["fact"]["type"] == "trip"]
    assert trips
    # "which trip to Australia was this?" would drop "this year": the sentence asks it
    assert {q["kind"] for q in trips} == {"cloze"}


def test_a_name_the_article_writes_longer_and_a_subject_without_cooperation_are_right() -> None:
    from question_bank.writing.build import _topic_forms

    text = "He met the Minister of Foreign Affairs of Honduras HE Eduardo Enrique Reina."
    forms = name_forms("Enrique Reina", text)
    assert "Eduardo Enrique Reina" in forms
    assert not any(f.startswith(("HE ", "Honduras ", "Minister ")) for f in forms)
    law = "He met the Minister for Foreign Affairs and Minister for Law K Shanmugam."
    assert "Law K Shanmugam" not in name_forms("K Shanmugam", law)
    assert "Tourism" in _topic_forms("Tourism Cooperation")
    assert "ceasefire" in _topic_forms("truce")


def test_an_open_list_of_signed_subjects_asks_only_what_it_names(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Date: 2025-03-12\n\nChilean Foreign Minister Ana Rios visited Lima on Tuesday. "
        "Several agreements were signed in fields like education and health, among others.",
        nlp,
    )
    asked = [q for q in bank if q["fact"]["type"] == "signing"]
    assert asked
    # agriculture may have been signed too: no subject is certainly wrong
    assert {q["kind"] for q in asked} == {"cloze"}


def test_a_signing_after_planned_talks_is_planned_and_an_inner_and_joins_one_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Date: 2025-03-12\n\nPresident Tomas Ruiz arrived in Quito on Thursday. Ruiz and "
        "President Elena Vera are on Friday expected to preside over talks before the signing "
        "of agreements on defence cooperation, information and communication technologies, "
        "energy and employment, the office said."
    )
    from question_bank.pipeline import extract_facts

    facts = [f for f in extract_facts(parse_article(text, "t"), nlp=nlp) if f.type == "signing"]
    topics = {f.topic for f in facts}
    assert "information and communication technologies" in topics
    assert not {"information", "technologies"} & topics
    assert all(f.planned for f in facts)
    bank = _bank(text, nlp)
    statements = [q for q in bank if q["fact"]["type"] == "signing" and q["kind"] == "true_false"]
    assert statements and all("to be signed" in q["prompt"] for q in statements)


def test_review_20_typed_answers_and_a_ranked_office() -> None:
    from question_bank.forms import offices_overlap
    from question_bank.writing.build import _topic_forms

    # "First Deputy President" is a Vice President: never false of its holder
    assert offices_overlap("First Deputy President", "Vice President")
    assert "information technology" in _topic_forms("information technologies")
    assert "Tourism cooperations" not in _topic_forms("Tourism Cooperation")
    q = {
        "kind": "short_answer",
        "answer": "Enrique Peña Nieto",
        "accepted": ["Peña Nieto", "Nieto"],
        "choices": [],
        "fact": {"type": "meeting", "participants": ["Justin Trudeau", "Enrique Peña Nieto"]},
    }
    assert grade(q, "President Peña Nieto").correct
    assert grade(q, "President Pena Nieto").correct
    assert not grade(q, "President Trudeau").correct


HOST_AND_COUNTERPART = (
    "Date: 2023-08-20\n\nKenyan President Paul Kamau will host Indonesian President Budi "
    "Santoso for talks. Earlier, President Kamau held talks with his South Sudanese "
    "counterpart President Peter Lual at State House. Foreign Minister Ali Mwangi will "
    "receive Santoso at the airport."
)
"""A visit planned, a counterpart met before it, and a host's minister (written for these
tests)."""


def test_a_counterparts_country_is_accepted_with_the_office(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        HOST_AND_COUNTERPART,
        nlp,
    )
    asked = [
        q
        for q in bank
        if q["fact"]["type"] == "role"
        and q["fact"]["person"] == "Peter Lual"
        and q["kind"] == "short_answer"
    ]
    assert asked
    for q in asked:
        assert grade(q, "President of South Sudan").correct
        assert grade(q, "South Sudanese President").correct
        assert not grade(q, "President of Sudan").correct


def test_a_cut_quote_starts_on_a_whole_word_whatever_the_spacing() -> None:
    from question_bank.writing.text import trim_around

    s = (
        "The Prime Minister and the President  emphasized the significant benefits the "
        "trade agreement  has brought to all _____ partner countries and expressed optimism "
        "that negotiators will continue to make progress on the remaining chapters."
    )
    at = s.find("_____")
    cut = trim_around(s, at, at + 5, limit=20)
    first = cut.lstrip("…").split()[0]
    assert first in s.split(), cut  # never "…resident" or "…mphasized"


def test_a_lineage_name_is_typed_to_its_fathers_name_and_a_shared_clan_name_is_no_answer(
    nlp,
) -> None:  # type: ignore[no-untyped-def]
    forms = name_forms("Abdullah bin Zayed Al Nahyan")
    assert "Abdullah bin Zayed" in forms
    assert "Tarik" not in name_forms("Haitham bin Tarik")
    bank = _bank(
        "Date: 2023-10-17\n\nUAE Foreign Minister Sheikh Abdullah bin Zayed Al Nahyan arrived "
        "in Muscat on Tuesday, carrying a message from President Sheikh Mohamed bin Zayed Al "
        "Nahyan. He was received by Sultan Haitham bin Tarik at Al Alam Palace.",
        nlp,
    )
    asked = [
        q
        for q in bank
        if q["kind"] in ("short_answer", "cloze")
        and q["answer"] in ("Abdullah bin Zayed Al Nahyan", "Haitham bin Tarik")
    ]
    assert asked
    for q in asked:
        assert not grade(q, "Al Nahyan").correct  # the President is an Al Nahyan too
        assert not grade(q, "Tarik").correct  # the Sultan's father
        if q["answer"].startswith("Abdullah"):
            assert grade(q, "Abdullah bin Zayed").correct


def test_an_undated_report_says_where_it_comes_from(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank.gazetteer import country_of_address

    assert country_of_address("https://pro.newsroom.co.nz/articles/1-nurses") == "New Zealand"
    assert country_of_address("https://www.bbc.co.uk/news/x") == "United Kingdom"
    assert country_of_address("https://www.example.com/news") is None
    assert country_of_address("https://news.example.tv/a") is None  # sold anywhere
    assert country_of_address("Regional desk") is None
    undated = _bank(
        "Source: https://news.example.co.nz/nurses-pay\n\nNurses reach pay agreement\n\nNurses "
        "have voted to accept the latest pay deal. The agreement, worth $520 million, is the "
        "fifth offer to nurses, union official Mere Tane said.",
        nlp,
    )
    assert undated and all("from New Zealand" in q["prompt"] for q in undated)
    dated = _bank(
        "Source: https://news.example.co.nz/nurses-pay\nDate: 2018-08-06\n\nNurses reach pay "
        "agreement\n\nNurses have voted to accept the latest pay deal. The agreement, worth "
        "$520 million, is the fifth offer to nurses, union official Mere Tane said.",
        nlp,
    )
    assert dated and not any("from New Zealand" in q["prompt"] for q in dated)


def test_where_an_undated_report_comes_from_never_gives_an_answer_away(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Source: https://news.example.co.za/visit\n\nCuban Vice President Luis Mesa arrived in "
        "South Africa on Monday for a working visit. Mesa met Deputy President Sipho Dube in "
        "Pretoria, the Presidency said.",
        nlp,
    )
    visits = [q for q in bank if q["fact"]["type"] == "visit" and q["kind"] != "cloze"]
    assert visits
    for q in visits:
        if q["answer"] in ("South Africa", "Pretoria"):
            assert "from South Africa" not in q["prompt"], q["prompt"]


def test_who_invited_a_visitor_is_asked_and_graded(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Date: 2024-05-06\n\nJapanese Foreign Minister Kenji Sato arrived in Kathmandu on "
        "Sunday at the invitation of Deputy Prime Minister Narayan Thapa. Sato also called on "
        "Prime Minister Ram Dahal and met Foreign Secretary Sewa Lamsal and Home Minister Rabi "
        "Lama.",
        nlp,
    )
    asked = [q for q in bank if q["fact"]["type"] == "invitation"]
    kinds = {q["kind"] for q in asked}
    # asked by name: a question or a cloze (a deputy prime minister's name is no general
    # knowledge, so the blank after the office stands)
    assert kinds & {"short_answer", "cloze"}
    for q in asked:
        if q["kind"] in ("short_answer", "cloze"):
            assert grade(q, "Thapa").correct and grade(q, "Narayan Thapa").correct
            assert not grade(q, "Dahal").correct
        if q["kind"] == "short_answer":
            assert q["prompt"].endswith("who invited Kenji Sato?")
        if q["kind"] == "mcq":
            others = set(q["choices"]) - {q["answer"]}
            # the article's own people, never the guest
            assert others <= {"Ram Dahal", "Sewa Lamsal", "Rabi Lama"}, others


def test_strangers_from_other_stories_are_one_choice_at_most() -> None:
    from question_bank.writing.distractors import title_rank

    s = "President Omar Said met Chancellor Erik Lunde in Oslo on Monday."
    a = article(s + "\nThe two leaders discussed trade and fishing rights at length.\n")
    facts = [
        Meeting(
            source=src(a, s), cue=cue(a, s, "Erik Lunde"), participants=("Omar Said", "Erik Lunde")
        ),
    ]
    pool = DistractorPool()
    strangers = ["Kenji Sato", "Paul Reyes", "Mara Cole", "Ivo Petrov", "Lars Berg"]
    pool.add("persons", strangers)
    for name in strangers:
        pool.ranks[name] = title_rank("Chancellor")
    mcqs = of_kind(ask(a, facts, pool, kinds=("mcq",)), "mcq", "meeting")
    for q in mcqs:
        assert len(set(q.choices) & set(strangers)) <= 1, q.choices


def test_another_right_answers_surname_is_right_too(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        HOST_AND_COUNTERPART,
        nlp,
    )
    asked = [
        q
        for q in bank
        if q["kind"] == "short_answer"
        and q["fact"]["type"] == "meeting"
        and "Peter Lual" in q["accepted"]
    ]
    assert asked
    for q in asked:
        assert grade(q, "Lual").correct  # Lual is a right answer too, and his alone


def test_who_was_met_is_right_by_an_office_only_they_hold(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Date: 2013-06-10\n\nChinese President Li Wen met US President Tom Baker at "
        "Sunnylands on Friday. Li also met Mexican President Ana Ortiz in Mexico City on "
        "Tuesday, officials said.",
        nlp,
    )
    asked = [
        q
        for q in bank
        if q["kind"] == "short_answer"
        and q["fact"]["type"] == "meeting"
        and q["answer"] == "Li Wen"
    ]
    assert asked
    for q in asked:
        assert grade(q, "the Chinese President").correct
        assert not grade(q, "the Mexican President").correct


def test_an_undated_visit_is_named_by_the_articles_own_words_for_the_journey() -> None:
    text = (
        "President Lea Novak expects deals from her five-day East Asia tour, which began "
        "in Seoul on Monday. Novak landed in Seoul to a warm welcome."
    )
    a = article(text)
    f = Visit(
        source=src(a, text), cue=cue(a, text, "Seoul"), traveler="Lea Novak", places=("Seoul",)
    )
    anchors = anchor_candidates(a, [f], {})
    chosen = choose_anchor(anchors, ("Seoul",))
    assert chosen.text == "According to the report on Lea Novak's five-day East Asia tour"


def test_a_meetings_country_already_given_as_a_stop_is_no_second_visit(facts) -> None:  # type: ignore[no-untyped-def]
    from .conftest import of_type

    found = facts(
        "President Lea Novak of Croatia began a tour of West Africa on Monday. She will "
        "then travel to Accra, Ghana, where she will meet President Kofi Mensah."
    )
    visits = [tuple(f["places"]) for f in of_type(found, "visit") if f["traveler"] == "Lea Novak"]
    assert ("Accra", "Ghana") in visits
    assert ("Ghana",) not in visits


def test_a_cloze_quote_stops_before_its_answer_is_printed_again() -> None:
    from question_bank.writing.build import BLANK, _without_repeats

    quote = (
        f"The hosts welcomed Lea Novak on her {BLANK} official visit to Chile, which was "
        "also the first visit by a Croatian leader in 11 years."
    )
    cut = _without_repeats(quote, ("first", "1st"))
    assert cut.endswith("visit to Chile…") and "first" not in cut
    before = f"On the first day, she began her {BLANK} visit to the region."
    assert _without_repeats(before, ("first",)) == f"…she began her {BLANK} visit to the region."
    # no clause break between the two: the quote stays as it was (the filter drops it)
    same = f"Her {BLANK} visit was the first in years."
    assert _without_repeats(same, ("first",)) == same


def test_a_trip_ordinal_repeated_later_in_its_sentence_is_still_asked(facts) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Premier Lin Wei of China arrived in Hanoi on Monday for talks. Vietnamese leaders "
        "welcomed Lin on his first official visit to Vietnam as premier, which was also the "
        "first visit by a Chinese premier in 11 years."
    )
    a = article(text, Date="2025-10-14")
    questions = generate_questions(a, facts(text))
    assert any(q.fact["type"] == "trip" and q.answer == "first" for q in questions)


def test_a_head_of_states_name_after_the_office_is_no_role_cloze_but_a_deputys_is(
    nlp,
) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Date: 2024-08-24\n\nThe Ukrainian president, Taras Hrytsenko, thanked the mediators "
        "on Saturday. Deputy Prime Minister Olha Marchenko said 115 prisoners had returned "
        "home. US President Daniel Hale welcomed the exchange.",
        nlp,
    )
    clozes = [q for q in bank if q["kind"] == "cloze" and q["fact"]["type"] == "role"]
    blanked = {q["answer"] for q in clozes}
    # "The Ukrainian president, _____", "US President _____": general knowledge
    assert not blanked & {"Taras Hrytsenko", "Daniel Hale"}
    assert "Olha Marchenko" in blanked  # a deputy's name is the article's to teach


def test_a_cloze_blanks_the_whole_name_the_sentence_prints_around_the_key() -> None:
    s = "Deputy President Ana Costa received Cuban Vice President Salvador Valdes Mesa in Pretoria."
    a = article(
        s + "\nMesa later toured a hospital. Salvador Valdes Mesa said the talks went well.\n"
    )
    facts = [
        Meeting(
            source=src(a, s),
            cue=cue(a, s, "Mesa"),
            participants=("Ana Costa", "Mesa"),
        ),
    ]
    clozes = of_kind(ask(a, facts, kinds=("cloze",)), "cloze", "meeting")
    assert clozes
    for q in clozes:
        assert "Salvador Valdes" not in q.prompt, q.prompt  # no half of the answer printed
        assert q.answer == "Salvador Valdes Mesa"
        assert "President _____" in q.prompt  # the office stays printed: no title blanked


def test_an_anchor_never_names_one_sides_talks_without_saying_where(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Date: 2016-09-05\n\nPresident Omar Said met Chancellor Erik Lunde on Sunday. Prime "
        "Minister Greta Holm met Lunde on Monday and discussed trade.",
        nlp,
    )
    assert bank
    for q in bank:
        # "on Omar Said's talks, who did Greta Holm meet?" points at the wrong person
        assert not re.search(r"on [A-Z][\w ]+'s talks(?! in)", q["prompt"]), q["prompt"]


def test_an_undated_report_from_a_site_abroad_is_not_from_the_sites_country(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Source: https://news.example.com.tr/world/militias-sign-deal\n\nRival militias in "
        "the Central African Republic signed a deal on Sunday to disarm within 30 days. The "
        "deal was signed in Bangui in the presence of Defence Minister Marie Koyara.",
        nlp,
    )
    assert bank
    assert not any("from Türkiye" in q["prompt"] or "from Turkey" in q["prompt"] for q in bank)


def test_an_anchor_never_names_the_country_whose_capital_is_the_answer(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Date: 2023-05-07\n\nJapan Prime Minister Fumio Kishida landed in South Korea on "
        "Sunday for a two-day visit. Kishida met President Yoon Suk Yeol in Seoul.\n",
        nlp,
    )
    seoul = [q for q in bank if q["answer"] == "Seoul"]
    assert seoul
    for q in seoul:
        # "on Fumio Kishida's visit to South Korea: … met Yoon in _____" gives Seoul away
        assert "South Korea" not in q["prompt"], q["prompt"]


def test_an_occasion_is_asked_as_its_ordinal_in_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Date: 2024-08-24\n\nArmenia and Georgia exchanged 40 detainees each on Saturday. "
        "It was the third exchange mediated by Qatar this year.\n",
        nlp,
    )
    asked = [q for q in bank if q["fact"]["type"] == "occasion"]
    # the cloze and the choice on the same blank are twins: one of them stands
    assert len(asked) == 1 and asked[0]["kind"] in ("cloze", "mcq")
    for q in asked:
        assert "the _____ exchange mediated by Qatar" in q["prompt"]
        assert q["answer"] == "third"
        if q["kind"] == "cloze":
            assert grade(q, "3rd").correct and grade(q, "3").correct
            assert not grade(q, "second").correct
        else:
            assert len(set(q["choices"])) == 4 and "third" in q["choices"]


def test_a_leader_who_also_travels_to_a_meeting_place_is_not_its_host(nlp) -> None:  # type: ignore[no-untyped-def]
    bank = _bank(
        "Date: 2022-06-28\n\nPrime Minister Ben Carter says his phone call with Solomon Islands "
        "counterpart Jonah Tavake was constructive. Speaking after arriving in Madrid, Mr "
        "Carter said he and Mr Tavake looked forward to meeting at the forum, to be held in "
        "Fiji in July.\n",
        nlp,
    )
    for q in bank:
        if q["fact"]["type"] == "role" and q["fact"]["person"] == "Ben Carter":
            # both go to Fiji: neither is the Prime Minister of Fiji
            assert not grade(q, "Prime Minister of Fiji").correct or q["kind"] == "true_false"
            assert "Prime Minister of Fiji" not in q["accepted"]


def test_a_national_sites_own_head_of_government_takes_the_sites_country(nlp) -> None:  # type: ignore[no-untyped-def]
    home = _bank(
        "Source: https://news.example.co.nz/nurses-pay\n\nNurses reach pay agreement\n\n"
        "Prime Minister Mara Tane has welcomed nurses accepting the latest pay deal. Prime "
        "Minister Mara Tane said nurses had felt undervalued, but more work was needed.",
        nlp,
    )
    asked = [q for q in home if q["fact"]["type"] == "role" and q["kind"] == "short_answer"]
    assert asked
    for q in asked:
        assert grade(q, "Prime Minister of New Zealand").correct, q["prompt"]
    abroad = _bank(
        "Source: https://news.example.co.nz/talks\n\nTalks in Suva\n\nPrime Minister Mara "
        "Tane held talks with Fijian officials in Suva on trade. Prime Minister Mara Tane "
        "said the talks had gone well.",
        nlp,
    )
    for q in abroad:
        if q["fact"]["type"] == "role":
            # the story names another country: the site's country is no safe guess
            assert "Prime Minister of New Zealand" not in q["accepted"]


def test_one_of_a_plural_unit_is_singular_and_half_a_dozen_is_no_count(nlp) -> None:  # type: ignore[no-untyped-def]
    from question_bank.writing.build import swap_number

    assert swap_number("two days", 1) == "one day"
    assert swap_number("2 days of talks", 1) == "1 day of talks"
    assert swap_number("two-day", 1) == "one-day"
    assert swap_number("two days", 3) == "three days"
    bank = _bank(
        "Date: 2024-01-10\n\nThe visitor was given half a dozen military welcome ceremonies "
        "during the visit. The talks lasted two days.\n",
        nlp,
    )
    assert not any(q["answer"] == "dozen" or "dozen" in q["accepted"] for q in bank)


def test_a_city_written_without_its_accents_is_still_that_city() -> None:
    from question_bank.writing.places import country_of_city_name

    # "Sao Paulo" and "Iasi" as English copy writes them: São Paulo and Iași
    assert country_of_city_name("Sao Paulo") == "Brazil"
    assert country_of_city_name("Iasi") == "Romania"
    assert country_of_city_name("São Paulo") == "Brazil"
    assert country_of_city_name("Berlin") == "Germany"
