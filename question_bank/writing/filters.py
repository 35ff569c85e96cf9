"""Article-wide checks on the drafts: what a teacher would strike out, and what must stay.

In order:

1. no question whose key (or an accepted form) is printed in its own prompt, in any
   spelling, nor one that names a country key by its people's adjective (unless the
   fact has nothing else);
2. one figure gives one fact: a second fact read from the same words of a sentence
   asks nothing more;
3. no exact duplicates;
4. one prompt, one key: drafts of one kind with the same prompt keep the first, which
   accepts every right answer (a multiple choice never offers two right answers);
5. a true/false statement never prints a sentence that another question blanks out;
6. title questions are at most a quarter of the article's questions;
7. prompts over 60 words go;
8. one answer keys at most three questions of an article ("five" for five prisoners,
   five detainees and five days is asked three times, not eleven);
9. one fact is asked at most twice: its most trusted question that makes the student
   recall the answer (short answer or cloze) and its most trusted one that makes them
   recognise it (multiple choice or true/false), so a deck does not drill one fact in
   four forms;

a stand-in question (a head of state's title) stays only when its fact has no other, and
a fact never loses its last question to checks 5-7 (a fact the generator found
stays in the bank, with its most trusted question).
"""

from __future__ import annotations

import json
import re
import zlib
from collections import defaultdict

from ..forms import same_place
from ..gazetteer import country_of_capital, country_of_word, is_city, is_country
from ..numbers import parse_amount, parse_ordinal
from .build import Draft
from .text import fold, mentions_any, same_answers, words

TITLE_SHARE = 0.25
"""Title questions may make up at most this share of an article's questions."""

MAX_PER_KEY = 3
"""At most this many questions of an article share one key (true/false aside)."""

MAX_PER_FACT = 2
"""At most this many questions ask one fact."""

TRUST_MARGIN = 0.1
"""Kinds of one family whose confidence differs by less than this are equally good."""

RECALL_KINDS = frozenset({"short_answer", "cloze"})
"""Kinds where the student writes the answer; the others offer it to be recognised."""

MAX_WORDS = 60
"""Longer prompts are dropped (a cloze may quote a sentence up to about 40 words)."""


def answer_in_prompt(d: Draft) -> bool:
    """Whether a question prints its own key or an accepted form of it, in any spelling
    ("$3 bn" for "$3 billion")."""
    if d.kind == "true_false":
        return False
    if mentions_any(d.prompt, same_answers(d.forms)):
        return True
    return d.fact.type in ("term", "quantity") and _same_figure_printed(d)


_FIGURE = re.compile(
    r"(?:US\$|[$€£¥₦])?\s?\d[\d,.]*\s?(?:bn|mn|billion|million|trillion|thousand)?\b", re.I
)


def _same_figure_printed(d: Draft) -> bool:
    """Whether the prompt writes the key's amount in another form, outside the blank."""
    if any(parse_ordinal(f) is not None for f in d.forms if f):
        return False
    key = parse_amount(d.answer)
    if key is None:
        return False
    for m in _FIGURE.finditer(d.prompt):
        found = parse_amount(m.group(0).strip())
        if (
            found is not None
            and found.value == key.value
            and found.percent == key.percent
            and (found.currency is None or key.currency is None or found.currency == key.currency)
        ):
            return True
    return False


_LIST = re.compile(
    r"[A-Z][^,;:.()“”\[\]]*?(?:(?:,\s+(?:and\s+)?|\s+and\s+)[A-Z][^,;:.()“”\[\]]*?)+"
    r"(?=[,;:.()“”\[\]]|$)"
)


def _listed(text: str) -> list[int]:
    """How many names each list of the text gives ("South Africa, Zimbabwe, Rwanda, Gabon
    and Sao Tome and Principe": 5; a name with "and" in it counts once)."""
    counts: list[int] = []
    for m in _LIST.finditer(text):
        items = [i.strip() for i in re.split(r",\s+(?:and\s+)?|\s+and\s+", m.group(0))]
        # the list's ends run into the sentence: "... a tour of South Africa", "Gabon on Monday"
        first = re.search(r"(?:[A-Z][\w'’-]*\s)*[A-Z][\w'’-]*$", items[0])
        last = re.match(r"[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*", items[-1])
        if first is None or last is None:
            continue
        items = [first.group(0), *items[1:-1], last.group(0)]
        if not all(i[:1].isupper() and len(i.split()) <= 4 for i in items):
            continue
        merged: list[str] = []
        for item in items:
            joined = f"{merged[-1]} and {item}" if merged else ""
            if joined and (is_country(joined) or is_city(joined)):
                merged[-1] = joined
            else:
                merged.append(item)
        counts.append(len(merged))
    return counts


def hinted(d: Draft) -> bool:
    """Whether a question names a country key by its people's adjective ("Spain" beside
    "the Spanish Government") or its capital ("Nigeria" under "the visit to Abuja"), or
    counts a list the prompt prints ("a _____-nation tour of South Africa, Zimbabwe and
    Gabon"): it goes, unless it is all its fact has left."""
    if d.kind == "true_false":
        return False
    if d.fact.type in ("term", "quantity"):
        key = parse_amount(d.answer)
        if key is not None and 3 <= key.value <= 20 and key.value in _listed(d.prompt):
            return True
    countries = [f for f in same_answers(d.forms) if is_country(f)]
    if not countries:
        return False
    names = re.findall(r"\b[A-Z][a-zà-ÿ]{3,}(?:\s[A-Z][a-zà-ÿ]+)?\b", d.prompt)
    for name in set(names) | {w for n in names for w in n.split()}:
        adjective = None if is_country(name) else country_of_word(name)
        for country in (adjective, country_of_capital(name)):
            if country and any(same_place(country, c) for c in countries):
                return True
    return False


def bad_choices(d: Draft) -> bool:
    """A multiple choice with fewer than four distinct choices, or one that an accepted
    form of the key also matches."""
    if d.kind != "mcq":
        return False
    folded = [fold(c) for c in d.choices]
    key = fold(d.answer)
    return len(folded) < 4 or len(set(folded)) != len(folded) or folded.count(key) != 1


def apply_filters(drafts: list[Draft]) -> list[Draft]:
    """The drafts a teacher would keep, in their order (see the module's docstring)."""
    kept = [d for d in drafts if not answer_in_prompt(d) and not hinted(d) and not bad_choices(d)]
    kept = _one_fact_per_figure(kept)
    kept = _no_duplicates(kept)
    kept = _one_key_per_prompt(kept)
    kept = _fallbacks_only_alone(kept)
    protected = _last_of_fact(kept)
    kept = _no_printed_blanks(kept, protected)
    kept = _title_share(kept)
    kept = [d for d in kept if words(d.prompt) <= MAX_WORDS or d in _last_of_fact(kept)]
    kept = _few_per_key(kept)
    kept = _few_per_fact(kept)
    return _restore_lost_facts(drafts, kept)


def _few_per_fact(drafts: list[Draft]) -> list[Draft]:
    """Each fact keeps its most trusted recall question and its most trusted recognition
    question, then others by trust up to MAX_PER_FACT. Between kinds of one family
    trusted about as much (within TRUST_MARGIN), the fact's own stable digest chooses, so
    a bank mixes short answers with clozes and true/false with multiple choice."""
    by_fact: dict[int, list[Draft]] = defaultdict(list)
    for d in drafts:
        by_fact[_fact_id(d)].append(d)
    keep: set[int] = set()
    for group in by_fact.values():
        turn = zlib.crc32(json.dumps(group[0].fact.to_dict(), sort_keys=True).encode())
        chosen: list[Draft] = []
        for recall in (True, False):
            family = [d for d in group if (d.kind in RECALL_KINDS) == recall]
            if family:
                top = max(d.confidence for d in family)
                close = [d for d in family if d.confidence >= top - TRUST_MARGIN]
                chosen.append(close[turn % len(close)])
        rest = sorted(group, key=lambda d: -d.confidence)
        chosen += [d for d in rest if all(d is not c for c in chosen)]
        # a cloze and a multiple choice on the same blank of the same sentence are one
        # question asked twice: the second stands only when nothing else is left
        unique: list[Draft] = []
        for d in chosen:
            twin = next((u for u in unique if _twins(d, u)), None)
            if twin is None:
                unique.append(d)
            elif turn % 2:
                # the fact's digest chooses which of the two stays, so a bank keeps
                # multiple choice as well as clozes
                unique[unique.index(twin)] = d
        keep.update(id(d) for d in unique[:MAX_PER_FACT])
    return [d for d in drafts if id(d) in keep]


def _twins(a: Draft, b: Draft) -> bool:
    """Two questions that blank the same words of the same quote."""
    return (
        a.blanked
        and b.blanked
        and a.answer == b.answer
        and a.slots.get("quote") is not None
        and a.slots.get("quote") == b.slots.get("quote")
    )


def _few_per_key(drafts: list[Draft]) -> list[Draft]:
    """Keep the most trusted questions of each key, never a fact's last question."""
    by_key: dict[str, list[Draft]] = defaultdict(list)
    for d in drafts:
        if d.kind != "true_false":
            by_key[fold(d.answer)].append(d)
    protected = {id(d) for d in _last_of_fact(drafts)}
    drop: set[int] = set()
    for group in by_key.values():
        if len(group) <= MAX_PER_KEY:
            continue
        ranked = sorted(group, key=lambda d: (id(d) not in protected, -d.confidence))
        drop.update(id(d) for d in ranked[MAX_PER_KEY:] if id(d) not in protected)
    return [d for d in drafts if id(d) not in drop]


def _restore_lost_facts(drafts: list[Draft], kept: list[Draft]) -> list[Draft]:
    """A fact that lost every question gets back its most trusted one that prints no key,
    has sound choices, repeats no kept prompt and, if it can, is not overlong (a
    true/false statement, most often)."""
    have = {_fact_id(d) for d in kept}
    prompts = {(d.kind, fold(d.prompt)) for d in kept}
    same = {k for d in kept for k in _dup_keys(d)}
    back: dict[int, Draft] = {}
    for d in drafts:
        if _fact_id(d) in have or answer_in_prompt(d) or bad_choices(d):
            continue
        if (d.kind, fold(d.prompt)) in prompts or any(k in same for k in _dup_keys(d)):
            continue
        best = back.get(_fact_id(d))
        if best is None or _restore_rank(d) > _restore_rank(best):
            back[_fact_id(d)] = d
    if not back:
        return kept
    chosen = {id(d) for d in back.values()}
    chosen |= {id(d) for d in kept}
    return [d for d in drafts if id(d) in chosen]


def _restore_rank(d: Draft) -> tuple[bool, float]:
    """A prompt of a readable length first, then the more trusted."""
    return words(d.prompt) <= MAX_WORDS, d.confidence


def _fallbacks_only_alone(drafts: list[Draft]) -> list[Draft]:
    """A stand-in question stays only when its fact has no other question."""
    has_main = {_fact_id(d) for d in drafts if not d.fallback}
    out: list[Draft] = []
    spare: set[int] = set()
    for d in drafts:
        if d.fallback:
            if _fact_id(d) in has_main or _fact_id(d) in spare:
                continue
            spare.add(_fact_id(d))
        out.append(d)
    return out


def _fact_id(d: Draft) -> int:
    return id(d.fact)


def _last_of_fact(drafts: list[Draft]) -> list[Draft]:
    """For each fact, its draft with the highest confidence (kept whatever the checks say)."""
    best: dict[int, Draft] = {}
    for d in drafts:
        b = best.get(_fact_id(d))
        if b is None or d.confidence > b.confidence:
            best[_fact_id(d)] = d
    return list(best.values())


def _one_fact_per_figure(drafts: list[Draft]) -> list[Draft]:
    """Facts read from the same figure of a sentence: the first asks, the others keep one
    question each only when they are different facts to the scorer (never a duplicate)."""
    owner: dict[tuple[int, int], int] = {}
    for d in drafts:
        cue = d.fact.cue
        if d.fact.type in ("term", "quantity") and cue is not None:
            owner.setdefault((cue.start, cue.end), _fact_id(d))
    out: list[Draft] = []
    seen_other: set[int] = set()
    for d in drafts:
        cue = d.fact.cue
        if d.fact.type in ("term", "quantity") and cue is not None:
            first = owner[(cue.start, cue.end)]
            if first != _fact_id(d):
                # the same figure read twice: keep only a statement for the second reading
                if d.kind != "true_false" or _fact_id(d) in seen_other:
                    continue
                seen_other.add(_fact_id(d))
        out.append(d)
    return out


def _no_duplicates(drafts: list[Draft]) -> list[Draft]:
    """Drop a draft whose kind, prompt and key an earlier one already has, or that blanks
    the same key in the same sentence as an earlier one of its kind (two meetings of one
    sentence give one cloze of the name they share, whatever their anchors say)."""
    seen: set[tuple[object, ...]] = set()
    out: list[Draft] = []
    for d in drafts:
        keys = _dup_keys(d)
        if any(k in seen for k in keys):
            continue
        seen.update(keys)
        out.append(d)
    return out


def _dup_keys(d: Draft) -> list[tuple[object, ...]]:
    """What makes two drafts the same question to a teacher: kind, prompt and key; or
    kind, sentence and key for a blank, and for a meeting ("who was A due to meet?" and
    "who was B due to meet?", both keyed C from one sentence; two true statements of
    it)."""
    keys: list[tuple[object, ...]] = [(d.kind, fold(d.prompt), fold(d.answer))]
    span = (d.fact.source.start, d.fact.source.end)
    if d.blanked or d.fact.type == "meeting":
        keys.append((d.kind, span, fold(d.answer)))
    return keys


def _one_key_per_prompt(drafts: list[Draft]) -> list[Draft]:
    """Same kind and prompt, different keys: keep the first, accepting the others' keys."""
    groups: dict[tuple[str, str], list[Draft]] = defaultdict(list)
    for d in drafts:
        groups[(d.kind, fold(d.prompt))].append(d)
    drop: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        first = group[0]
        keys = {fold(g.answer) for g in group}
        if len(keys) == 1:
            continue
        for other in group[1:]:
            drop.add(id(other))
        if first.kind in ("short_answer", "cloze"):
            extra = [x for g in group[1:] for x in g.forms if x not in first.forms]
            first.accepted = (*first.accepted, *extra)
        elif first.kind == "mcq":
            others = {fold(x) for g in group[1:] for x in g.forms}
            if any(fold(c) in others for c in first.choices if c != first.answer):
                drop.add(id(first))
    return [d for d in drafts if id(d) not in drop]


def _no_printed_blanks(drafts: list[Draft], protected: list[Draft]) -> list[Draft]:
    """A statement that quotes a sentence some other question blanks gives that answer away."""
    blanked = {(d.fact.source.start, d.fact.source.end) for d in drafts if d.blanked}
    keep_ids = {id(d) for d in protected}
    out = []
    for d in drafts:
        span = (d.fact.source.start, d.fact.source.end)
        if d.quoted and span in blanked and id(d) not in keep_ids:
            continue
        out.append(d)
    return out


def _title_share(drafts: list[Draft]) -> list[Draft]:
    """Drop the least trusted title questions until they are at most a quarter of the
    article's questions, never a fact's last question."""
    out = list(drafts)
    while True:
        titles = [d for d in out if d.title_question]
        if not titles or len(titles) <= TITLE_SHARE * len(out):
            return out
        per_fact: dict[int, int] = defaultdict(int)
        for d in out:
            per_fact[_fact_id(d)] += 1
        removable = [d for d in titles if per_fact[_fact_id(d)] > 1]
        if not removable:
            return out
        # the fact with most questions left loses its least trusted one first
        worst = min(removable, key=lambda d: (-per_fact[_fact_id(d)], d.confidence))
        out.remove(worst)
