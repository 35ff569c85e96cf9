"""Deadline facts: the date by which an agreement has something done.

"Armenia is to hand back the Kalbajar district by 15 November", "troops will withdraw by
1 December 2020", "the first phase must be completed by March 31": a "by" whose object is
a day of a month (with or without its year), hung on the verb or the noun of what is to be
done, in a sentence about an agreement (it, or one of the two before it, names one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..analysis import Analysis
from ..lexicon import AGREEMENT_NOUNS, MONTHS
from ..model import Deadline
from .common import cue_for

_MONTH = "|".join(sorted((m.rstrip(".") for m in MONTHS), key=len, reverse=True))
_DAY_OF_MONTH = re.compile(
    rf"^(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\.?"
    rf"|(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+(?:19|20)\d\d)?$"
    rf"|^(?:(?:the\s+end\s+of\s+)?(?:{_MONTH})\s+)?(?:19|20)\d\d$",
    re.IGNORECASE,
)
"""A day of a month ("15 November", "November 15", "the 1st of December 2020"), a month of
a year ("March 2025") or a year ("2035")."""

_ACTION_WORDS = 14
"""An action longer than this is cut at its object."""


def extract_deadlines(analysis: Analysis) -> Iterator[Deadline]:
    """Every "by <day of a month>" on an action, in a sentence about an agreement."""
    sentences = list(analysis.sentences)
    for k, sent in enumerate(sentences):
        for by in analysis.tokens_of(sent):
            if by.lower_ != "by" or by.dep_ not in ("prep", "agent"):
                continue
            date = _date_after(by)
            if date is None:
                continue
            head = by.head
            if head.pos_ not in ("VERB", "AUX", "NOUN"):
                continue
            # the sentence or the two before it name the agreement; else, for something
            # still to be done ("Armenia has to return X by 15 November"), the story does
            agreement = _agreement(sentences[max(0, k - 2) : k + 1])
            verb = (
                head
                if head.pos_ != "NOUN"
                else next((a for a in head.ancestors if a.pos_ == "VERB"), head)
            )
            if agreement is None and (analysis.planned(verb) or _owed(verb)):
                agreement = _agreement(sentences)
            if agreement is None:
                continue
            action = _action(head, by)
            if not action:
                continue
            yield Deadline(
                agreement=agreement,
                action=action,
                date=date.text,
                source=analysis.source(sent),
                cue=cue_for(analysis, date),
                planned=True,
            )


def _owed(verb: Token) -> bool:
    """Whether the verb says something is to be done: "must be returned", "has to return",
    "is to withdraw", "will hand over"."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _OBLIGING for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in ("have", "be", "agree", "need")


_OBLIGING = frozenset("must will shall should would".split())


def _date_after(by: Token) -> Span | None:
    """The day of a month that is the object of this "by", or None."""
    obj = next((c for c in by.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    # the date's own words, without what is joined to it ("15 November and the Lake
    # district by 1 December")
    cut = {t.i for c in obj.children if c.dep_ in ("conj", "cc", "prep") for t in c.subtree}
    end = max(t.i for t in obj.subtree if t.i not in cut)
    span = by.doc[by.i + 1 : end + 1]
    while len(span) and span[-1].is_punct:
        span = span[:-1]
    if not len(span) or not _DAY_OF_MONTH.match(span.text):
        return None
    return span if any(t.ent_type_ == "DATE" for t in span) else None


def _agreement(sentences: list[Span]) -> str | None:
    """The agreement the nearest of these sentences names ("the ceasefire"), or None."""
    for sent in reversed(sentences):
        for tok in sent:
            if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in AGREEMENT_NOUNS:
                words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
                return "the " + " ".join(t.text for t in [*words, tok]).lower()
    return None


def _action(head: Token, by: Token) -> str:
    """What is to be done: the verb with its objects and particles ("hand back the
    Kalbajar district"), or the noun with its phrase ("the withdrawal of troops"), without
    the "by" phrase, clauses or anything before a verb's own subject."""
    skip = {t.i for t in by.subtree}
    keep: list[Token] = []
    for child in head.children:
        if child.i in skip or child.dep_ in (
            "nsubj",
            "nsubjpass",
            "aux",
            "auxpass",
            "mark",
            "advmod",
            "advcl",
            "relcl",
            "ccomp",
            "conj",
            "cc",
            "punct",
        ):
            continue
        if child.dep_ == "prep" and (child.i < head.i or child.lower_ == "by"):
            continue  # a phrase before the verb, or another deadline's "by"
        keep.extend(t for t in child.subtree if t.i not in skip)
    if head.pos_ == "NOUN":
        keep = [t for t in keep if t.i < head.i and t.dep_ in ("det", "amod", "compound")] + [
            t for t in keep if t.i > head.i
        ]
        verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
        if head.dep_ == "conj" and verb is not None:
            # "return X by 15 November and the Lachin district by 1 December": the verb is
            # the first object's
            keep = [*keep, verb]
    words = sorted({head, *keep}, key=lambda t: t.i)
    text = ""
    for prev, tok in zip([None, *words], words, strict=False):
        if prev is not None:
            text += prev.whitespace_ if tok.i == prev.i + 1 else " "
        text += tok.text
    text = text.strip(" ,;:")
    return " ".join(text.split()[:_ACTION_WORDS])
