"""Trip facts: which trip number ("his eighth trip to the region since October 7")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from ..analysis import Analysis
from ..lexicon import FIRST_TRIP_WORDS, TITLE_HEADS, TRIP_NOUNS, TRIP_QUALIFIERS, VISIT_VERBS
from ..model import Trip
from ..numbers import parse_ordinal
from ..wordings import TRAVEL_VERBS
from .common import cue_for, possessor, prep_objects, subjects_of

_ORDINAL_SHAPE = re.compile(r"^(\d+(st|nd|rd|th)|[a-z]+(st|nd|rd|th)|first|second|third)$", re.I)


def _trip_noun(ordinal: Token) -> Token | None:
    """The trip noun an ordinal counts, or the ordinal itself when the noun is elided."""
    head = ordinal.head
    if ordinal.dep_ in ("amod", "nummod", "compound") and head.lemma_.lower() in TRIP_NOUNS:
        return head
    # Parse slips: "his fifth crisis trip" with the ordinal hung elsewhere.
    doc = ordinal.doc
    for j in range(ordinal.i + 1, min(len(doc), ordinal.i + 4)):
        tok = doc[j]
        if tok.lemma_.lower() in TRIP_NOUNS and tok.pos_ == "NOUN":
            between = doc[ordinal.i + 1 : j]
            if all(t.pos_ in ("NOUN", "ADJ", "PROPN") or t.lower_ == "such" for t in between):
                return tok
            break
        if tok.pos_ not in ("NOUN", "ADJ", "PROPN") and tok.lower_ != "such":
            break
    # "her 9th trip to the region, and her second to Lebanon": an elided noun; also
    # "his first visit since ..., and second overall"
    trip = _conjoined_trip(ordinal)
    if trip is not None and (possessor(ordinal) is not None or possessor(trip) is not None):
        return ordinal
    # "The latest trip is his 11th": the ordinal stands for the noun.
    if ordinal.dep_ in ("attr", "dobj", "acomp") and ordinal.pos_ in (
        "NOUN",
        "ADJ",
        "NUM",
        "PROPN",
    ):
        verb = ordinal.head
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in TRIP_NOUNS:
                return ordinal
    return None


def _conjoined_trip(ordinal: Token) -> Token | None:
    """The trip noun an elided ordinal is conjoined to ("and second overall"), or None."""
    anchor = ordinal if ordinal.dep_ in ("conj", "appos") else ordinal.head
    if anchor is not ordinal and anchor.pos_ in ("NOUN", "PROPN"):
        return None  # "the second time he met her" counts times, not trips
    if anchor.dep_ in ("conj", "appos") and anchor.head.lemma_.lower() in TRIP_NOUNS:
        return anchor.head
    verb = anchor.head
    if anchor.dep_ in ("conj", "advmod") and verb.pos_ in ("AUX", "VERB"):
        # "It is his first trip since ..., and his second overall": hung on the verb
        return next(
            (c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() in TRIP_NOUNS),
            None,
        )
    return None


def _time_visited(ordinal: Token, analysis: Analysis) -> tuple[Token, str] | None:
    """ "the third time Blinken has visited Israel": the verb and who visited."""
    time = ordinal.head
    if time.lower_ != "time" or ordinal.dep_ != "amod":
        return None
    for child in time.children:
        if child.dep_ != "relcl":
            continue
        if child.lemma_ in VISIT_VERBS or _leaves_home(child):
            people = subjects_of(child, analysis)
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            root = child.sent.root
            if (
                not people
                and subject is not None
                and subject.lower_ in TITLE_HEADS
                and root.lemma_.lower() in TRAVEL_VERBS
            ):
                # "X arrived in Egypt, the first time the head of the council has left the
                # country": the office stands for the sentence's traveller
                people = subjects_of(root, analysis)
            if len(people) == 1:
                return child, people[0]
    return None


def _leaves_home(verb: Token) -> bool:
    """ "has left the country", "left home": travels abroad, to no place named."""
    return verb.lemma_ == "leave" and any(
        c.dep_ == "dobj" and c.lower_ in ("country", "home") for c in verb.children
    )


def _traveler(noun: Token, ordinal: Token, analysis: Analysis) -> str | None:
    """Who makes the trip: the possessor, or the subject the trip belongs to."""
    holders = [noun, ordinal]
    trip = _conjoined_trip(ordinal) if noun is ordinal else None
    if trip is not None:
        holders.append(trip)  # "his first visit ..., and second overall"
    for holder in holders:
        poss = possessor(holder)
        if poss is not None:
            return analysis.person_of_np(poss)
    if noun is ordinal and ordinal.i > 0:
        # "her third to the region" with the possessive parsed apart
        prev = ordinal.doc[ordinal.i - 1]
        if prev.tag_ == "PRP$" or prev.tag_ == "POS":
            owner = prev if prev.tag_ == "PRP$" else ordinal.doc[prev.i - 1]
            return analysis.person_at(owner)
    if noun is ordinal:
        verb = ordinal.head
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                poss = possessor(c)
                if poss is not None:
                    return analysis.person_of_np(poss)
        return None
    # "Blinken, on his fifth trip, ..." has a possessor; "Blinken made a fifth trip" does not.
    if noun.dep_ in ("dobj", "pobj"):
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_ in (
            "make",
            "take",
            "begin",
            "start",
            "pay",
            "embark",
        ):
            people = subjects_of(verb, analysis)
            if len(people) == 1:
                return people[0]
    return None


def _phrase_after(noun: Token, prep: str) -> Token | None:
    """The object of ``prep`` attached to the noun."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == prep:
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return None


def _since(noun: Token, analysis: Analysis) -> str | None:
    """ "since October 7": the date the count runs from."""
    sent = noun.sent
    doc = noun.doc
    for tok in doc[noun.i : sent.end]:
        if tok.lower_ != "since":
            continue
        window = doc[tok.i + 1 : min(sent.end, tok.i + 20)]
        if tok.dep_ == "mark" and tok.head.pos_ in ("VERB", "AUX"):
            # "since Biden took office": the clause, up to its first comma
            end = tok.i + 1
            while end < sent.end and not doc[end].is_punct and end <= tok.head.right_edge.i:
                end += 1
            if 2 <= end - tok.i - 1 <= 8:
                return doc[tok.i + 1 : end].text.strip(" ,")
        if window and (window[0].tag_ == "VBG" or not window[0].ent_type_):
            # "since taking office last year", "since his re-election earlier this year":
            # the event, up to the date or the clause that follows it
            end = 0
            while end < min(len(window), 6) and not (
                window[end].ent_type_ == "DATE"
                or (window[end].is_punct and window[end].text != "-")
                or (window[end].pos_ in ("VERB", "AUX") and end > 0)
            ):
                end += 1
            while end < min(len(window), 10) and (
                window[end].pos_ == "PROPN" and window[end - 1].pos_ in ("PROPN", "PART")
            ):
                end += 1  # a name is never cut: "as Japan's Foreign Affairs Minister"
            while end and window[end - 1].pos_ in ("ADP", "DET", "CCONJ"):
                end -= 1  # "since his victory in [the spring]"
            if end:
                return window[:end].text.strip(" ,")
        for t in window:
            if t.ent_type_ == "DATE" and t.ent_iob_ == "B":
                end = t.i
                while (
                    end + 1 < sent.end
                    and doc[end + 1].ent_type_ == "DATE"
                    and doc[end + 1].ent_iob_ == "I"
                ):
                    end += 1
                return doc[t.i : end + 1].text.strip(" ,")
        obj = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]
        if obj:
            phrase = doc[obj[0].left_edge.i : obj[0].right_edge.i + 1]
            if len(phrase) <= 5:
                return phrase.text
        return None
    return None


def extract_trips(analysis: Analysis) -> Iterator[Trip]:
    """Trips counted with an ordinal and made by a named person."""
    for sent in analysis.sentences:
        for tok in analysis.tokens_of(sent):
            first_word = tok.lower_ in FIRST_TRIP_WORDS and tok.dep_ in ("amod", "compound")
            if not _ORDINAL_SHAPE.match(tok.text) and not first_word:
                continue
            n = 1 if first_word else parse_ordinal(tok.text)
            if n is None:
                continue
            noun = _trip_noun(tok)
            if noun is None:
                visited = _time_visited(tok, analysis)
                if visited is not None:
                    verb, who = visited
                    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                    objs = [obj] if obj is not None else prep_objects(verb, ("to",))
                    if _leaves_home(verb):
                        objs = []  # "left the country": where to is not said
                    dest = (
                        sent.doc[objs[0].left_edge.i : objs[0].right_edge.i + 1].text
                        if objs
                        else None
                    )
                    yield Trip(
                        traveler=who,
                        ordinal=n,
                        destination=dest,
                        since=_since(verb, analysis),
                        noun="visit",
                        source=analysis.source(sent),
                        cue=cue_for(analysis, [tok]),
                    )
                continue
            if noun is not tok and noun.tag_ == "NNS":
                continue  # "one of my first visits": more than one trip, no ordinal
            traveler = _traveler(noun, tok, analysis)
            if not traveler:
                continue
            of_place = _phrase_after(noun, "of")
            if of_place is not None and not analysis.is_place(of_place):
                of_place = None  # "his first visit of the new term": a time, not where
            dest_tok = _phrase_after(noun, "to") or of_place or _phrase_after(tok, "to")
            destination = None
            if dest_tok is not None:
                phrase = sent.doc[dest_tok.left_edge.i : dest_tok.right_edge.i + 1]
                # "to Banjul and his second overseas visit": the place, not what it joins
                cut = next((t.i for t in phrase if t.dep_ == "cc" and t.head.i == dest_tok.i), None)
                if cut is not None:
                    phrase = sent.doc[phrase.start : cut]
                destination = " ".join(
                    (phrase.text if len(phrase) <= 6 else dest_tok.text).split()
                )  # no line break a headline ends with
            yield Trip(
                traveler=traveler,
                ordinal=n,
                destination=destination,
                since=_since(noun, analysis),
                noun=_noun_words(noun) if noun is not tok else "trip",
                source=analysis.source(sent),
                cue=cue_for(analysis, [tok]),
                planned=analysis.planned(noun.head if noun.head.pos_ in ("VERB", "AUX") else noun),
            )


def _noun_words(noun: Token) -> str:
    """The trip noun with the word that says which kind of trip is counted ("state
    visit", "foreign trip"), or the noun alone."""
    kind = [
        c.lower_
        for c in noun.children
        if c.dep_ in ("amod", "compound") and c.lower_ in TRIP_QUALIFIERS and c.i < noun.i
    ]
    return " ".join([*kind[-1:], noun.lemma_.lower()])
