"""Occasion facts: which one of a series an event was.

"It was the seventh exchange mediated by the UAE", "after the third round of talks",
"their second summit in less than two months": an ordinal modifying a noun of
:data:`question_bank.lexicon.OCCASION_NOUNS`. Journeys ("his second visit") are trips,
and an office's term or a capitalised event's name ("the 7th Summit") is no occasion.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..analysis import Analysis
from ..lexicon import OCCASION_NOUNS
from ..model import Occasion
from ..numbers import parse_ordinal
from .common import cue_for

_EVENT_WORDS = 9
"""An event phrase longer than this is cut at its noun: no student recalls more."""


def extract_occasions(analysis: Analysis) -> Iterator[Occasion]:
    """Every ordinal event of a series the article counts."""
    for sent in analysis.sentences:
        for tok in analysis.tokens_of(sent):
            if tok.dep_ != "amod" or tok.ent_type_ != "ORDINAL":
                continue
            ordinal = parse_ordinal(tok.text)
            noun = tok.head
            if ordinal is None or ordinal < 1 or noun.i < tok.i:
                continue
            if noun.lemma_.lower() == "round" or noun.lower_ == "round":
                # "the third round of talks": a round counts only as a round of something
                if not any(
                    o.dep_ == "pobj"
                    for p in noun.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children
                ):
                    continue
            elif noun.lower_ not in OCCASION_NOUNS and noun.lemma_.lower() not in OCCASION_NOUNS:
                continue
            if noun.text[:1].isupper() or analysis.negated_noun(noun):
                continue  # "the 7th Summit": a name, not a count told in the story
            words = _event_words(tok, noun)
            if not words:
                continue
            yield Occasion(
                event="".join(t.text_with_ws for t in words).strip(),
                ordinal=ordinal,
                source=analysis.source(sent),
                cue=cue_for(analysis, [tok]),
                planned=False,
            )


def _event_words(ordinal: Token, noun: Token) -> list[Token]:
    """The ordinal, the noun and what tells the event apart after it ("of talks",
    "mediated by the UAE"), up to a comma or a clause, as the sentence writes them."""
    doc = noun.doc
    end = noun.i + 1
    for c in noun.children:
        if c.i < noun.i or c.dep_ not in ("prep", "acl", "compound", "amod"):
            continue
        right = max(t.i for t in c.subtree) + 1
        if any(t.text in (",", ";", "(") for t in doc[noun.i : right]):
            break
        end = max(end, right)
    words = list(doc[ordinal.i : end])
    if len(words) > _EVENT_WORDS:
        words = list(doc[ordinal.i : noun.i + 1])
    while words and words[-1].is_punct:
        words.pop()
    return words
