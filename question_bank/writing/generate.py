"""From an article's facts to its questions: drafts, anchors, checks, stable ids."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from typing import Any

from ..lexicon import PARTICLES
from ..model import KINDS, Article, Fact, Question
from .build import BUILDERS, Context, Draft, render, stated_by_sentence
from .distractors import DistractorPool, seeded
from .filters import apply_filters


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


def _drafts(ctx: Context, kinds: Sequence[str]) -> list[Draft]:
    """Every draft of every fact whose sentence states its key, rendered."""
    out: list[Draft] = []
    for fact in ctx.facts:
        build = BUILDERS.get(fact.type)
        if build is None:
            continue
        drafts = [render(d, ctx) for d in build(fact, ctx)]
        asked = [d for d in drafts if d.kind != "true_false"]
        if asked and not any(stated_by_sentence(d) for d in asked):
            continue  # never ask what the cited sentence does not say
        out.extend(d for d in drafts if d.kind in kinds and stated_by_sentence(d))
    return out


def _to_question(d: Draft, ctx: Context) -> Question:
    """The final question of a draft: shuffled choices, stable id, rounded confidence;
    no accepted answer that is one word of someone else's name too."""
    article = ctx.article
    qid = question_id(article.id, d.fact, d.kind)
    choices = d.choices
    if d.kind == "mcq":
        shuffled = list(choices)
        seeded(qid).shuffle(shuffled)
        choices = tuple(shuffled)
    also_right = [a for a in d.accepted if a in ctx.named]
    shared = ctx.shared_words(d.answer, also_right) if d.answer in ctx.named else set()
    accepted = tuple(
        a
        for a in dict.fromkeys(d.accepted)
        # another right answer in full ("Jens Holm", also met) stays
        if a and a != d.answer and (a in ctx.named or not _names_another(a, shared))
    )
    return Question(
        id=qid,
        article=article.id,
        kind=d.kind,
        prompt=" ".join(d.prompt.split()),
        answer=d.answer,
        accepted=accepted if d.kind in ("short_answer", "cloze") else (),
        choices=choices,
        fact=d.fact.to_dict(),
        source=d.fact.source,
        confidence=round(max(0.0, min(1.0, d.confidence)), 2),
    )


def generate_questions(
    article: Article,
    facts: Sequence[Fact],
    pool: DistractorPool | None = None,
    kinds: Sequence[str] = KINDS,
) -> Iterator[Question]:
    """Questions of the given kinds for the facts of an article.

    ``pool`` supplies distractors from the rest of the bank; the article's own facts are
    added to it after its questions are written, so a distractor from the bank is always
    from another article. Every question carries a confidence (0-1) from its wording,
    its anchor and its checks.
    """
    pool = pool if pool is not None else DistractorPool()
    ctx = Context(article=article, facts=list(facts), pool=pool)
    kept = apply_filters(_drafts(ctx, kinds))
    pool.add_facts(facts)
    seen: set[str] = set()
    for d in kept:
        q = _to_question(d, ctx)
        # one fact read from two sentences gives one id: its first question stands (an
        # id is what the app upserts by)
        if q.id not in seen:
            seen.add(q.id)
            yield q


def _names_another(form: str, shared: set[str]) -> bool:
    """Whether an accepted form is only words of someone else's name too: "Obiang" with
    two Obiangs in the story, "Al Nahyan" with two of the family."""
    words = [w.lower() for w in form.replace("-", " ").split()]
    named = [w for w in words if w not in PARTICLES]
    return bool(named) and all(w in shared for w in named) and len(words) <= 2
