"""Invitation facts: who invited a visitor.

"Putin is visiting Mongolia at the invitation of President Battulga", "arrived on an
official visit at the invitation of his counterpart X", "at the President's invitation":
the object of "invitation of" (or the possessor of "invitation") is the host; the guest is
whoever makes the journey the phrase hangs on, the subject of the verb or the traveller of
the visit noun.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..analysis import Analysis
from ..lexicon import TRIP_NOUNS
from ..model import Invitation
from .common import cue_for, people_in_objects, possessor, prep_objects, subjects_of
from .visits import noun_travelers


def extract_invitations(analysis: Analysis) -> Iterator[Invitation]:
    """Every visitor and the person whose invitation brought them."""
    for sent in analysis.sentences:
        for tok in analysis.tokens_of(sent):
            if tok.lemma_.lower() != "invitation" or tok.dep_ != "pobj":
                continue
            owner = possessor(tok)
            hosts = (
                [h for h in [analysis.person_of_np(owner)] if h]
                if owner is not None
                else people_in_objects(prep_objects(tok, ("of",)), analysis)
            )
            if len(hosts) != 1:
                continue  # none named, or a list: no one host to ask for
            guests = _guests(tok.head.head, analysis)
            host = hosts[0]
            names = analysis.name_tokens(host, sent)
            for guest in guests:
                if guest == host:
                    continue
                yield Invitation(
                    guest=guest,
                    host=host,
                    source=analysis.source(sent),
                    cue=cue_for(analysis, names) if names else None,
                    planned=analysis.planned(_verb_of(tok)),
                )


def _guests(head: Token, analysis: Analysis) -> list[str]:
    """Who travels: the traveller of a visit noun the phrase hangs on ("a visit at the
    invitation of"), else the subject of its verb ("arrived at the invitation of")."""
    if head.pos_ == "NOUN" and head.lemma_.lower() in TRIP_NOUNS:
        return noun_travelers(head, analysis)
    if head.pos_ in ("VERB", "AUX"):
        return subjects_of(head, analysis)
    return []


def _verb_of(tok: Token) -> Token:
    """The verb above the phrase, for its tense."""
    return next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), tok.head)
