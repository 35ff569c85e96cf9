"""Questions: right answers, supported by their sentences, stable, well-formed."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import pytest

from question_bank import Article, Question, extract_facts, generate_questions, load_article
from question_bank.forms import name_forms, titles_match
from question_bank.numbers import ordinal_variants
from question_bank.questions import DistractorPool
from question_bank.writing.build import states_country

from .conftest import OWN_ARTICLES, SEEDS


def normalise(text: str) -> str:
    """Lower case, plain quotes and hyphens, no thousands separators."""
    text = text.lower().translate(str.maketrans("‘’“”‑–—-", "''\"\"    "))
    text = re.sub(r"(?<=\d)[,.](?=\d{3}\b)", "", text)
    return " ".join(text.split())


def fact_key(q: Question) -> str:
    """Questions about the same fact share this key."""
    return json.dumps([q.article, q.fact], sort_keys=True)


def supported(q: Question, forms: set[str]) -> bool:
    """The keyed answer, or a form of it that questions on the same fact accept, is in
    the source sentence; the answer itself must be one of those forms."""
    sentence = normalise(q.source.sentence)
    if q.kind == "true_false":
        return True  # checked separately below, per answer
    if normalise(q.answer) not in {normalise(f) for f in forms}:
        return False
    if q.fact["type"] == "visit" and states_country(q.source.sentence, q.answer):
        return True  # "his Mexican counterpart" states Mexico
    return any(normalise(f) and normalise(f) in sentence for f in forms)


def bank(paths: Iterable[str], nlp) -> list[tuple[Article, list[Question]]]:  # type: ignore[no-untyped-def]
    """Questions per article, sharing one distractor pool."""
    pool = DistractorPool()
    out = []
    for path in paths:
        art = load_article(path)
        facts = extract_facts(art, nlp=nlp)
        out.append((art, list(generate_questions(art, facts, pool))))
    return out


@pytest.fixture(scope="module")
def seed_bank(nlp):  # type: ignore[no-untyped-def]
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    paths += sorted(str(p) for p in OWN_ARTICLES.glob("*.txt"))
    return bank(paths, nlp)


def all_questions(seed_bank) -> list[Question]:  # type: ignore[no-untyped-def]
    return [q for _, qs in seed_bank for q in qs]


def test_every_kind_is_generated(seed_bank) -> None:
    kinds = Counter(q.kind for q in all_questions(seed_bank))
    assert set(kinds) == {"mcq", "short_answer", "cloze", "true_false"}
    assert min(kinds.values()) >= 50


def test_every_fact_keeps_a_question(nlp) -> None:  # type: ignore[no-untyped-def]
    """The writer's filters never take a fact's last question: the fact scores are read
    from the questions' facts ("the Middle East" is a place, a head of state keeps a
    cloze, a duplicate prompt leaves its fact another kind)."""
    pool = DistractorPool()
    paths = sorted(SEEDS.glob("*.txt")) + sorted(OWN_ARTICLES.glob("*.txt"))
    lost = []
    for path in paths:
        art = load_article(path)
        facts = extract_facts(art, nlp=nlp)
        asked = {json.dumps(q.fact, sort_keys=True) for q in generate_questions(art, facts, pool)}
        lost += [
            (art.id, f.to_dict())
            for f in facts
            if json.dumps(f.to_dict(), sort_keys=True) not in asked
        ]
    assert lost == []


def test_source_offsets_point_at_the_sentence(seed_bank) -> None:
    for art, questions in seed_bank:
        for q in questions:
            assert art.text[q.source.start : q.source.end] == q.source.sentence
            assert q.article == art.id


def test_every_answer_is_supported_by_its_sentence(seed_bank) -> None:
    forms: dict[str, set[str]] = defaultdict(set)
    for q in all_questions(seed_bank):
        if q.kind in ("short_answer", "cloze"):
            forms[fact_key(q)].update((q.answer, *q.accepted))
    bad = [
        (q.kind, q.answer, q.source.sentence)
        for q in all_questions(seed_bank)
        if q.kind != "true_false" and not supported(q, forms[fact_key(q)] | {q.answer, *q.accepted})
    ]
    assert bad == []


def test_false_statements_are_false(seed_bank) -> None:
    """A false statement changes the one detail the fact is about, to a wrong value."""
    for art, questions in seed_bank:
        facts = [q.fact for q in questions]
        for q in questions:
            if q.kind != "true_false" or q.answer != "False":
                continue
            f = q.fact
            claim = q.prompt.split("? ", 1)[1]
            if f["type"] == "role":
                m = re.search(r", (.+?) was (?:the )?(.+)\.$", claim)
                assert m, claim
                person, title = m.groups()
                assert not any(
                    g["person"] == person and titles_match(title, g["title"])
                    for g in facts
                    if g["type"] == "role"
                )
            elif f["type"] == "meeting":
                # the same two people, moved to a place the article never names
                m = re.search(
                    r", ([^,]+?) (?:met|was due to meet) (.+?) in (.+?)(?: on \d.*)?\.$", claim
                )
                assert m, claim
                a, other, place = m.groups()
                assert {a, other} <= set(f["participants"]), claim
                assert place != f["place"] and place not in art.text, claim
            elif f["type"] == "visit":
                m = re.search(
                    r"(?:visited|was due to visit) (.+?)(?: (?:on|in|next|last|this|earlier) .*)?\.$",
                    claim,
                )
                assert m, claim
                place = m.group(1)
                # from the same article or a peer, never a place the traveller visits, nor
                # one named in a sentence with the traveller
                visited = {
                    p
                    for g in facts
                    if g["type"] == "visit" and g["traveler"] == f["traveler"]
                    for p in g["places"]
                }
                assert place not in visited, claim
                surname = f["traveler"].split()[-1]
                for sentence in re.split(r"(?<=[.!?])\s+", art.text):
                    if surname in sentence:
                        assert place not in sentence, (claim, sentence)
            elif f["type"] == "trip":
                right = ordinal_variants(f["ordinal"])[:2]  # "fifth", "5th"
                assert not any(re.search(rf"\b{re.escape(r)}\b", claim) for r in right), claim
            elif f["type"] == "mediation":
                # another country, one the article never names
                m = re.search(r", (.+?) mediated ", claim)
                assert m and m.group(1) != f["mediator"], claim
                assert m.group(1).removeprefix("the ") not in art.text, claim
            else:
                quoted = claim.split("“", 1)[1].rstrip("”.")
                assert normalise(quoted) != normalise(q.source.sentence)


def test_true_false_answers_are_balanced(seed_bank) -> None:
    answers = Counter(q.answer for q in all_questions(seed_bank) if q.kind == "true_false")
    assert answers["True"] > 0.3 * sum(answers.values())
    assert answers["False"] > 0.3 * sum(answers.values())


def test_mcq_choices_are_sound(seed_bank) -> None:
    positions: Counter[int] = Counter()
    for q in all_questions(seed_bank):
        if q.kind != "mcq":
            continue
        lowered = [c.lower() for c in q.choices]
        assert len(q.choices) == 4
        assert len(set(lowered)) == 4, q.choices
        assert lowered.count(q.answer.lower()) == 1
        assert q.accepted == ()
        positions[q.choices.index(q.answer)] += 1
    # The answer's position is not predictable: every slot is used, none dominates.
    assert set(positions) == {0, 1, 2, 3}
    assert max(positions.values()) < 0.4 * sum(positions.values())


def test_mcq_distractors_are_never_a_second_right_answer(seed_bank) -> None:
    for _art, questions in seed_bank:
        facts = [q.fact for q in questions]
        met: dict[str, set[str]] = {}
        for f in facts:
            if f["type"] == "meeting":
                a, b = f["participants"][:2]
                met.setdefault(a, set()).add(b)
                met.setdefault(b, set()).add(a)
        for q in questions:
            if q.kind != "mcq":
                continue
            wrong = [c for c in q.choices if c != q.answer]
            if q.fact["type"] == "meeting":
                [asker] = [
                    p
                    for p in q.fact["participants"]
                    if f"did {p} meet" in q.prompt or f"was {p} due" in q.prompt
                ]
                assert not met.get(asker, set()) & set(wrong)
            if q.fact["type"] == "visit":
                visited = {
                    p
                    for f in facts
                    if f["type"] == "visit" and f["traveler"] == q.fact["traveler"]
                    for p in f["places"]
                }
                assert not visited & set(wrong)


def test_ids_are_stable_and_unique(nlp, seed_bank) -> None:  # type: ignore[no-untyped-def]
    first = [q.id for q in all_questions(seed_bank)]
    assert len(first) == len(set(first))
    again = bank(sorted(str(p) for p in SEEDS.glob("*.txt")), nlp)
    second = {q.id for _, qs in again for q in qs}
    assert second <= set(first)


def test_prompts_are_anchored_and_stand_alone(seed_bank) -> None:
    for q in all_questions(seed_bank):
        assert q.prompt.startswith(("According to the report", "True or false? According to")), (
            q.prompt
        )
        assert "  " not in q.prompt
        if q.kind in ("short_answer", "mcq"):
            # a question, a quote, or an instruction ("name one of the cities ...", "fill in
            # the blank: the visit was X's _____ visit to Nepal.")
            assert q.prompt.rstrip().endswith(("?", "”", ")", ".")), q.prompt
            if q.prompt.rstrip().endswith("."):
                assert ", name one of the " in q.prompt or "fill in the blank" in q.prompt


def test_dated_articles_are_anchored_by_date(nlp, article) -> None:  # type: ignore[no-untyped-def]
    art = article(
        "Foreign Minister Lea Novak will travel to Oslo on Monday. "
        "It will be Ms Novak's third trip to Norway since taking office, her office said.",
        date="2025-03-14",
    )
    questions = list(generate_questions(art, extract_facts(art, nlp=nlp)))
    assert questions
    assert all("14 March 2025" in q.prompt for q in questions)


def test_a_person_the_article_calls_by_the_family_name_is_asked_and_accepted(nlp, article) -> None:  # type: ignore[no-untyped-def]
    """ "Ms Seo" is Seo Eun-ji: the sentence states her, and "Seo" is a right answer; a
    pronoun still states nobody."""
    from question_bank.grading import grade

    art = article(
        "Seo Eun-ji, the governor of the Bank of Korea, flew to Basel on Friday. "
        "Agnès Morel, the BIS general manager, also held talks with Ms Seo on payments. "
        "Later Ms Morel met her again."
    )
    questions = [
        q
        for q in generate_questions(art, extract_facts(art, nlp=nlp), kinds=("short_answer",))
        if q.fact["type"] == "meeting"
    ]
    assert [q.source.sentence for q in questions] == [
        "Agnès Morel, the BIS general manager, also held talks with Ms Seo on payments."
    ]
    [q] = questions
    assert grade(q.to_dict(), "Seo").correct
    assert not grade(q.to_dict(), "Morel").correct


def test_the_bank_is_the_same_whatever_the_hash_seed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Choices, true/false and answers are seeded by the fact, never by set order."""
    import os
    import subprocess
    import sys

    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))[:2]]
    out = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-m", "question_bank", "generate", *paths],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        out.append(run.stdout)
    assert out[0] and out[0] == out[1]


def test_round_trip_through_json(seed_bank) -> None:
    for q in all_questions(seed_bank)[:50]:
        assert Question.from_dict(q.to_dict()) == q


def test_a_cloze_accepts_only_forms_of_the_blanked_words(seed_bank) -> None:
    """A role cloze blanks the person beside the title: the title is not an answer to
    it; a place blanked from a list does not accept the other places of the list."""
    for _art, questions in seed_bank:
        for q in questions:
            if q.kind != "cloze":
                continue
            if q.fact["type"] == "role":
                title = q.fact["title"]
                assert title not in q.accepted and not titles_match(q.answer, title), q.accepted
                assert q.answer in name_forms(q.fact["person"], _art.text), q.answer
            if q.fact["type"] == "visit":
                bare = q.answer.lower().removeprefix("the ")
                others = [p for p in q.fact["places"] if p.lower().removeprefix("the ") != bare]
                assert not set(others) & set(q.accepted), (q.answer, q.accepted)


def test_a_trip_is_asked_with_the_kind_of_visit_it_counts(nlp, article) -> None:  # type: ignore[no-untyped-def]
    """ "her first state visit to Peru" may not be her first visit there: the question
    keeps "state"."""
    art = article(
        "Chilean President Ana Rojas arrived in Lima on Tuesday on her first state visit to "
        "Peru, where she will meet President Lucia Vargas to discuss trade and migration."
    )
    asked = [
        q
        for q in generate_questions(art, extract_facts(art, nlp=nlp), kinds=("mcq", "short_answer"))
        if q.fact["type"] == "trip"
    ]
    assert asked
    for q in asked:
        assert "state visit" in q.prompt, q.prompt
