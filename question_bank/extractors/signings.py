"""Signing facts: agreements signed and what each covers.

"Agreements were signed on information technologies and air services", "the two sides
signed a memorandum of understanding on tourism", "they signed deals on energy and
trade": a document (:data:`SIGNED_DOCUMENTS`) that is the object of "sign" (or its subject,
in the passive), and the things after its "on" (or "in", "for"), each one fact. A day
("signed on Tuesday") or the occasion ("on the sidelines of") is no subject.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..analysis import Analysis
from ..lexicon import SIGNED_DOCUMENTS, TRIP_NOUNS, TRIP_PART_NOUNS
from ..model import Signing
from .common import conjuncts, cue_for

_TOPIC_PREPS = ("on", "in", "for", "regarding", "concerning")
_TOPIC_WORDS = 8
"""A subject longer than this is no subject a student can recall."""
_FIELD_NOUNS = frozenset("field fields area areas sector sectors sphere spheres domain".split())
_NOT_TOPIC_LABELS = frozenset(
    "DATE TIME GPE LOC FAC PERSON ORG NORP CARDINAL MONEY QUANTITY".split()
)
_NOT_TOPICS = frozenset(
    "sideline sidelines margin margins occasion behalf basis part presence day side".split()
)


def extract_signings(analysis: Analysis) -> Iterator[Signing]:
    """Every subject of every signed document."""
    for sent in analysis.sentences:
        for verb in analysis.tokens_of(sent):
            # "signed two agreements", "agreements were signed", "the signing of two deals"
            if verb.lemma_.lower() not in ("sign", "signing") or analysis.negated(verb):
                continue
            if verb.pos_ == "VERB":
                objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            elif verb.pos_ == "NOUN":
                objects = [o for p in verb.children if p.lower_ == "of" for o in p.children]
            else:
                continue
            documents = [
                d
                for c in objects
                for d in conjuncts(c)
                if d.lemma_.lower() in SIGNED_DOCUMENTS or d.lower_ in SIGNED_DOCUMENTS
            ]
            if not documents:
                continue
            # the "on" of the document, or of the verb in the passive ("were signed on X")
            chains = {d.i: _noun_chain(d) for d in documents}
            heads = [
                t
                for d in documents
                for t in d.subtree
                if t.dep_ == "prep" and t.lower_ in _TOPIC_PREPS and t.head.i in chains[d.i]
            ]
            if verb.pos_ == "VERB":
                # after the verb only: "On the Qatari side, the MoU was signed by X"
                heads += [
                    c
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS and c.i > verb.i
                ]
            seen: set[str] = set()
            for prep in heads:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                if obj.lemma_.lower() in _FIELD_NOUNS:
                    # "in the fields of education and health", "in areas such as trade"
                    obj = next(
                        (
                            o
                            for p in obj.children
                            if p.dep_ == "prep"
                            for o in p.children
                            if o.dep_ == "pobj"
                        ),
                        None,
                    )
                    if obj is None:
                        continue
                elif prep.lower_ == "in":
                    continue  # "signed in Athens", "in the council chamber": where, not what
                listed = _listed(obj)
                # "agreements on information technologies and the administration of
                # schools": the parser may hang the list's last subject on the document
                listed += [
                    c
                    for d in documents
                    for c in d.conjuncts
                    if c.i > obj.i
                    and c.lemma_.lower() not in SIGNED_DOCUMENTS
                    and c.lower_ not in SIGNED_DOCUMENTS
                    and c.pos_ == "NOUN"
                ]
                for words in _inner_pairs_joined([_topic_words(t) for t in listed]):
                    text = "".join(t.text_with_ws for t in words).strip()
                    if not text or text.lower() in seen:
                        continue
                    seen.add(text.lower())
                    yield Signing(
                        agreement=_document_text(documents[0]),
                        topic=text,
                        source=analysis.source(sent),
                        cue=cue_for(analysis, words),
                        planned=analysis.planned(_governing_verb(verb)),
                    )


def _governing_verb(word: Token) -> Token:
    """The verb itself, or the verb that governs a noun ("are expected to preside over
    talks before the signing of agreements": the signing is as planned as the talks)."""
    if word.pos_ == "VERB":
        return word
    return next((a for a in word.ancestors if a.pos_ in ("VERB", "AUX")), word.head)


def _inner_pairs_joined(items: list[list[Token]]) -> list[list[Token]]:
    """A list's items, with an "and" that is not the list's last joining one item: in "on
    trade, information and communication technologies, and energy", "information and
    communication technologies" is one subject (commas part the items; only the last
    part's "and" is the list's own, and a lone word joined to a phrase shares its head)."""
    items = [w for w in items if w]
    adjacent: list[list[Token]] = []
    for words in items:
        if adjacent and words[0].i == adjacent[-1][-1].i + 1:
            adjacent[-1] = adjacent[-1] + words  # "communication" "technologies": one phrase
        else:
            adjacent.append(words)
    items = adjacent
    if len(items) < 3:
        return items
    doc = items[0][0].doc
    commas = [t.i for t in doc[items[0][0].i : items[-1][-1].i] if t.text in (",", ";")]
    if not commas:
        return items
    last_part = commas[-1]
    out: list[list[Token]] = []
    for words in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and words[0].i < last_part
            and not any(prev[-1].i < c < words[0].i for c in commas)
            # a lone word before a phrase shares its head ("information and communication
            # technologies"); two phrases are two subjects ("information technologies and
            # diplomatic archives")
            and len(prev) == 1
            and len(words) >= 2
        ):
            out[-1] = list(doc[prev[0].i : words[-1].i + 1])  # no comma between: one item
            continue
        out.append(words)
    return out


def _listed(obj: Token) -> list[Token]:
    """The subjects of a list: the object and its conjuncts, or, when the parser made "trade,
    energy and visa exemption" modifiers of the last noun, each modifier and the last noun
    (whose own words are then only its own: "visa exemption")."""
    mod = _listed_modifier(obj)
    if mod is not None:
        return sorted([mod, *mod.conjuncts[:-1], obj], key=lambda t: t.i)
    return conjuncts(obj)


def _listed_modifier(noun: Token) -> Token | None:
    """The first item of a list the parser hung on a noun as its modifier ("trade" in
    "trade, energy and visa exemption"), or None."""
    return next(
        (
            c
            for c in noun.children
            if c.dep_ in ("nmod", "compound", "amod") and c.i < noun.i and c.conjuncts
        ),
        None,
    )


def _noun_chain(document: Token) -> set[int]:
    """The document and the nouns its "of" phrases add ("memorandum of understanding")."""
    out = {document.i}
    for t in document.subtree:
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i in out:
            out.add(t.i)
    return out


def _topic_tokens(topic: Token) -> list[Token]:
    """The subject's words: the noun with what modifies it, without the next subject of
    the list, a clause or a trailing comma."""
    cut = {
        t.i
        for c in topic.children
        if c.dep_ in ("conj", "cc", "relcl", "acl", "appos", "punct")
        # "trade, energy and visa exemption" read as modifiers of "exemption"
        or (c.dep_ in ("nmod", "compound", "amod") and c.conjuncts)
        # "friendly relations in Athens", "trade between the two countries": where and
        # between whom, not what
        or (c.dep_ == "prep" and c.lower_ not in ("of", "for", "on"))
        for t in c.subtree
    }
    words = [t for t in topic.subtree if t.i not in cut]
    listed = _listed_modifier(topic)
    if listed is not None:
        # "... and visa exemption": the list's last words before the noun are its own
        last = max(listed.conjuncts, key=lambda t: t.i)
        words = sorted([*last.subtree, *words], key=lambda t: t.i)
        words = [t for t in words if t.i >= last.left_edge.i]
    while words and (words[0].dep_ == "det" or words[0].is_punct):
        words = words[1:]
    # one run of words, as the sentence writes it
    run = words[:1]
    for t in words[1:]:
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    while run and run[-1].is_punct:
        run = run[:-1]
    return run


def _topic_words(topic: Token) -> list[Token]:
    """The subject's words as a question can name it, or none for a day, a time, an
    occasion, a place, a person or an organisation."""
    if topic.ent_type_ in _NOT_TOPIC_LABELS or topic.pos_ not in ("NOUN", "PROPN"):
        return []
    if topic.lemma_.lower() in _NOT_TOPICS | TRIP_NOUNS | TRIP_PART_NOUNS:
        return []  # "signed on his first official foreign trip": when, not what
    words = _topic_tokens(topic)
    if len(words) > _TOPIC_WORDS or any(t.ent_type_ in ("DATE", "TIME") for t in words):
        return []
    return words


def _document_text(document: Token) -> str:
    """The document as the article names it, with its own modifiers ("two agreements",
    "a memorandum of understanding")."""
    doc = document.doc
    return doc[document.left_edge.i : max(_noun_chain(document)) + 1].text
