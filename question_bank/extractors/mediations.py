"""Mediation facts: who brokered or mediated an agreement or talks.

The wordings are rows of :data:`question_bank.wordings.MEDIATION_WORDINGS`, each with its
example: "X brokered the deal", "the swap, brokered by X", "talks mediated by X", "an
X-brokered truce", "with the mediation of X", "mediators X and Y".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..analysis import Analysis
from ..gazetteer import country_of_word, is_firm_place
from ..lexicon import AGREEMENT_NOUNS, MEDIATED_VERBS, MEETING_NOUNS
from ..model import Mediation
from ..wordings import MEDIATION_WORDS
from .common import agent_objects, cue_for, prep_objects

_PARTY_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC"})
_SERVING_VERBS = frozenset({"act", "serve"})
_MEDIATED = AGREEMENT_NOUNS | MEETING_NOUNS | frozenset({"negotiations", "talks", "dialogue"})


def extract_mediations(analysis: Analysis) -> Iterator[Mediation]:
    """Who mediated what, one fact per mediator."""
    for sent in analysis.sentences:
        for tok in analysis.tokens_of(sent):
            found = _read(tok, sent)
            if found is None:
                continue
            heads, thing = found
            agreement = _agreement_phrase(thing) if thing is not None else _nearest_deal(sent)
            for head in heads:
                named = _party(head, analysis)
                if named is None:
                    continue
                name, tokens = named
                yield Mediation(
                    mediator=name,
                    agreement=agreement,
                    source=analysis.source(sent),
                    cue=cue_for(analysis, tokens),
                    planned=analysis.planned(tok if tok.pos_ in ("VERB", "AUX") else tok.head),
                )


def _read(tok: Token, sent: Span) -> tuple[list[Token], Token | None] | None:
    """The mediators' head tokens and the mediated thing's noun for one wording, if any."""
    lemma = tok.lemma_.lower()
    if lemma not in MEDIATION_WORDS:
        return None
    doc = tok.doc
    if lemma in ("broker", "mediate") and tok.pos_ in ("VERB", "AUX", "ADJ"):
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
            # "a Kenya-brokered truce": the word before the hyphen mediates the noun
            noun = tok.head if tok.head.pos_ in ("NOUN", "PROPN") else None
            return [doc[tok.i - 2]], noun
        # "brokered by Oman", "were mediated by Switzerland", "mediated through Qatar"
        agents = agent_objects(tok) + prep_objects(tok, ("through",))
        if agents:
            thing = tok.head if tok.dep_ in ("acl", "relcl") else _subject(tok)
            return _with_conjuncts(agents), thing
        subject = _subject(tok)
        head = tok
        while subject is None and head.dep_ == "xcomp" and head.head is not head:
            head = head.head  # "Qatar helped broker the deal"
            subject = _subject(head)
        if subject is not None and subject.lower_ in ("which", "who", "that"):
            subject = tok.head if tok.dep_ == "relcl" else None  # "Qatar, which mediated"
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if subject is not None and obj is not None:  # "Norway brokered the deal"
            return _with_conjuncts([subject]), obj
        return None
    if lemma == "mediation" and tok.pos_ == "NOUN":
        # "with the mediation of Norway", "mediation efforts by the regional groups"
        holder = tok.head if tok.dep_ == "compound" else tok
        objs = [
            o
            for c in holder.children
            if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by")
            for o in c.children
            if o.dep_ == "pobj"
        ]
        # "mediation efforts by the regional groupings of X and Y": the groups named
        objs = [
            named
            for o in objs
            for named in (
                [g for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
                if o.pos_ == "NOUN" and o.ent_type_ == ""
                else [o]
            )
        ]
        if objs:
            return _with_conjuncts(objs), None
        return None
    if tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.head.lower_ == "as":
        # "Qatar acted as an intermediary", "Norway served as mediator": the subject of
        # the verb the role hangs on
        verb = tok.head.head
        subject = _subject(verb) if verb.lemma_.lower() in _SERVING_VERBS else None
        if subject is None:
            return None
        thing = next(
            (
                o
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("in", "for", "between")
                for o in c.children
                if o.dep_ == "pobj" and o.lemma_.lower() in _MEDIATED
            ),
            None,
        )
        return _with_conjuncts([subject]), thing
    if lemma == "mediator" and tok.pos_ == "NOUN" and tok.tag_ == "NNS":
        # "mediators Egypt and Ghana": the names beside the plural noun
        names = [c for c in tok.children if c.dep_ in ("appos", "compound")]
        if not names and tok.dep_ == "compound":
            names = [tok.head]
        return (_with_conjuncts(names), None) if names else None
    return None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _with_conjuncts(heads: list[Token]) -> list[Token]:
    out: list[Token] = []
    for h in heads:
        out.append(h)
        out.extend(c for c in h.conjuncts if c not in out)
    return out


def _party(tok: Token, analysis: Analysis) -> tuple[str, list[Token]] | None:
    """The name of a mediator at ``tok``: a person, a country or an organisation."""
    person = analysis.person_at(tok)
    if person:
        return person, [tok]
    doc = tok.doc
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.label_ in _PARTY_LABELS:
        tokens = [t for t in ent if t.lower_ != "the" and t.tag_ != "POS"]
        if not tokens:
            return None
        text = doc[tokens[0].i : tokens[-1].i + 1].text
        if ent.label_ == "NORP":
            country = country_of_word(text)  # "Egyptian mediators": Egypt
            return (country, tokens) if country else None
        if ent.label_ in ("GPE", "ORG") and (country := country_of_word(text)):
            return country, tokens  # "the UAE" and "the United Arab Emirates": one mediator
        return text, tokens
    if tok.pos_ == "PROPN" and is_firm_place(tok.text):
        return tok.text, [tok]
    return None


def _agreement_phrase(noun: Token) -> str:
    """ "the prisoner swap": the noun with its compounds, after "the"."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in _MEDIATED:
        return _nearest_deal(noun.sent, noun)  # "the breakthrough was brokered by X"
    parts = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.is_lower]
    words = " ".join(t.text for t in [*parts, noun])
    return f"the {words}"


def _nearest_deal(sent: Span, at: Token | None = None) -> str:
    """The agreement or talks noun the mediation is about ("the ceasefire"): the
    sentence's first; or, from a word that only points at it ("the breakthrough was
    brokered by Egypt … not related to peace talks"), the nearest before that word, in its
    sentence and then the sentences before (the swap), then after it; else "the talks"."""
    doc = sent.doc
    if at is None:
        order = [
            *range(sent.start, sent.end),
            *reversed(range(max(0, sent.start - 80), sent.start)),
        ]
    else:
        order = [
            *reversed(range(sent.start, at.i)),
            *reversed(range(max(0, sent.start - 80), sent.start)),
            *range(at.i, sent.end),
        ]
    for i in order:
        tok = doc[i]
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _MEDIATED:
            return _agreement_phrase(tok)
    # "Russia and Ukraine exchanged prisoners after the UAE acted as an intermediary": the
    # event a verb of the sentence tells
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in MEDIATED_VERBS:
            return MEDIATED_VERBS[tok.lemma_.lower()]
    return "the talks"
