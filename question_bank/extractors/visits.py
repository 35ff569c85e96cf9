"""Visit facts: who travels where ("Blinken will visit Egypt, Israel and Qatar")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..analysis import Analysis
from ..facts import Visit
from ..lexicon import SEND_VERBS, TRAVEL_VERBS, TRIP_NOUNS, TRIP_PART_NOUNS
from .common import cue_for, people_in_objects, places_in, possessor, prep_objects, subjects_of

_NOUN_PREPS = ("to", "in", "of", "at", "into")


def _verb_trigger(tok: Token, analysis: Analysis) -> tuple[list[str], list[Token]] | None:
    """Travelers and place phrases for a travel verb, a send verb or "was in X"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in TRAVEL_VERBS:
        preps = TRAVEL_VERBS[lemma]
        heads: list[Token] = []
        if "" in preps:
            heads.extend(c for c in tok.children if c.dep_ in ("dobj",))
        named = tuple(p for p in preps if p)
        heads.extend(prep_objects(tok, named))
        # "took off for a visit to Israel" is handled by the noun; "head back to"
        for c in tok.children:
            if c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "off", "out", "on"):
                heads.extend(prep_objects(c, named))
        if not heads:
            return None
        return subjects_of(tok, analysis), heads
    if lemma in SEND_VERBS:
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        heads = prep_objects(tok, ("to",))
        if objs and heads:
            return people_in_objects(objs, analysis), heads
        return None
    if lemma == "be":
        heads = prep_objects(tok, ("in",))
        if heads and any(c.dep_ in ("nsubj",) for c in tok.children):
            return subjects_of(tok, analysis), heads
    return None


def _noun_trigger(tok: Token, analysis: Analysis) -> tuple[list[str], list[Token]] | None:
    """Travelers and place phrases for "his visit to Muscat" or "a stop in Jordan"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or (lemma not in TRIP_NOUNS and lemma not in TRIP_PART_NOUNS and lemma != "ride"):
        return None
    heads = prep_objects(tok, _NOUN_PREPS)
    if not heads:
        return None
    return _noun_travelers(tok, analysis), heads


def _noun_travelers(noun: Token, analysis: Analysis, depth: int = 0) -> list[str]:
    """Who makes the trip a noun names."""
    poss = possessor(noun)
    if poss is not None:
        p = analysis.person_of_np(poss)
        return [p] if p else []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            objs = [o for o in c.children if o.dep_ == "pobj"]
            return people_in_objects(objs, analysis)
    if depth > 2:
        return []
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        return subjects_of(head, analysis)
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        gov = head.head
        if gov.pos_ in ("VERB", "AUX"):
            return subjects_of(gov, analysis)
        if gov.pos_ == "NOUN" and gov.lemma_.lower() in TRIP_NOUNS | TRIP_PART_NOUNS:
            return _noun_travelers(gov, analysis, depth + 1)
    if noun.dep_ in ("dobj", "nsubj") and head.dep_ == "relcl":
        # "Blinken's trip, which will include a stop in Jordan"
        return _noun_travelers(head.head, analysis, depth + 1)
    return []


def extract_visits(analysis: Analysis) -> Iterator[Visit]:
    """Visits by named people to named places."""
    for sent in analysis.sentences:
        for tok in sent:
            found = _verb_trigger(tok, analysis) or _noun_trigger(tok, analysis)
            if not found:
                continue
            travelers, heads = found
            places = places_in(heads, analysis)
            if not travelers or not places:
                continue
            names = tuple(name for name, _ in places)
            cue_tokens = [anchor for _, anchor in places]
            when = analysis.date_phrase(tok)
            for traveler in travelers:
                yield Visit(
                    traveler=traveler,
                    places=names,
                    when=when,
                    source=analysis.source(sent),
                    cue=cue_for(analysis, [cue_tokens[0]]),
                    planned=analysis.planned(tok if tok.pos_ in ("VERB", "AUX") else tok.head),
                )
