"""Visit facts: who travels where ("Blinken will visit Egypt, Israel and Qatar")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..analysis import Analysis
from ..gazetteer import country_of_city, is_country
from ..lexicon import (
    MEETING_NOUNS,
    POSTED_TITLE_HEADS,
    PRESENCE_VERBS,
    RULER_WORDS,
    SEND_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TITLE_HEADS,
    TOPIC_VERBS,
    TRIP_NOUNS,
    TRIP_PART_NOUNS,
)
from ..model import Cue, Visit
from ..wordings import HOST_VERBS, MEETING_VERBS, TRAVEL_VERBS, TRIP_NOUN_VERBS
from .common import (
    agent_objects,
    cue_for,
    meeting_place_token,
    people_in_objects,
    places_in,
    possessor,
    prep_objects,
    subjects_of,
    with_segment,
)

_NOUN_PREPS = ("to", "in", "of", "at", "into", "on")
Found = tuple[list[str], list[tuple[str, Token]]]


def _verb_trigger(tok: Token, analysis: Analysis) -> Found | None:
    """Travelers and places for a travel verb, a send verb or "was in X"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    if lemma == "touch" and not any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in tok.children
    ):
        return None  # "touched on the issue": no journey
    if lemma in TRAVEL_VERBS:
        preps = TRAVEL_VERBS[lemma]
        heads: list[Token] = []
        if "" in preps:
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                if obj.lemma_.lower() in TITLE_HEADS | RULER_WORDS and not obj.ent_type_:
                    # "visit the head of its Legislature": a person visited, not a place
                    continue
                heads.append(obj)
                # "toured a treatment centre in Kassala": the place is the centre's
                heads.extend(prep_objects(obj, ("in",)))
        named = tuple(p for p in preps if p)
        heads.extend(prep_objects(tok, named))
        if any(c.lower_ in ("back", "home") for c in tok.children if c.dep_ in ("prt", "advmod")):
            return None  # "flying back to Moscow": going home is not a visit
        for c in tok.children:
            # "set off for", "flies on to Stavanger" (the parser may call "on" a preposition)
            if c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("off", "out", "on"):
                heads.extend(prep_objects(c, named))
        if not heads:
            return None
        found = _continue_list(places_in(heads, analysis), analysis)
        if not found and any(analysis.is_person_head(h) for h in heads):
            # "visited Osinbajo at his residence ..., Abuja": the one visited is a
            # person; the place is where they met
            met_at = meeting_place_token(tok, analysis)
            if met_at is not None and analysis.is_place(met_at[1]):
                found = [met_at]
        return subjects_of(tok, analysis), found
    if lemma in SEND_VERBS:
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        heads = prep_objects(tok, ("to",))
        if objs and heads:
            return people_in_objects(objs, analysis), places_in(heads, analysis)
        return None
    if lemma in PRESENCE_VERBS:
        # "is expected in Cairo", "speaking at a news conference in Kyiv"
        heads = prep_objects(tok, ("in", "at"))
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "at":
                for obj in c.children:
                    heads.extend(prep_objects(obj, ("in",)))
            if c.dep_ == "dobj" and lemma not in TOPIC_VERBS:  # "inspected troops in Tartu"
                heads.extend(prep_objects(c, ("in",)))
        if lemma == "expect" and not any(c.dep_ == "nsubjpass" for c in tok.children):
            return None
        if heads:
            return subjects_of(tok, analysis), places_in(heads, analysis)
    if lemma in SPEECH_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS for c in tok.children
    ):
        # "will give a speech at the summit this weekend in Bahrain"
        heads = prep_objects(tok, ("in", "at"))
        for c in tok.children:
            if c.dep_ == "dobj":
                for place in prep_objects(c, ("at", "in")):
                    heads += [place, *prep_objects(place, ("in",))]
        found = [p for p in places_in(heads, analysis) if analysis.is_place(p[1])]
        return (subjects_of(tok, analysis), found) if found else None
    if lemma in ("be", "remain"):
        heads = prep_objects(tok, ("in",))
        if heads and any(
            c.dep_ == "acomp" and c.i < heads[0].i and c.lower_ not in _STAY_STATES
            for c in tok.children
        ):
            return None  # "is highly respected in Fiji": what someone is there, not a stay
        for c in tok.children:
            if c.dep_ == "advmod" and c.lower_ in ("here", "there", "back"):
                heads.extend(prep_objects(c, ("in",)))  # "to be back here in Jakarta"
        infinitive = tok.dep_ == "xcomp" and any(c.dep_ == "aux" for c in tok.children)
        if heads and (infinitive or any(c.dep_ == "nsubj" for c in tok.children)):
            return subjects_of(tok, analysis), places_in(heads, analysis)
    return None


def _continue_list(found: list[tuple[str, Token]], analysis: Analysis) -> list[tuple[str, Token]]:
    """A list of places the parser broke at a bracketed aside: "visited Maldives,
    Kyrgyzstan (for the SCO summit) and Japan (for the G20 summit)" goes on to Japan."""
    if not found:
        return found
    doc = analysis.doc
    last = max(t.i for _, t in found)
    ent = analysis.entity_starting(doc[last])
    i = ent.end if ent is not None else last + 1
    end = doc[last].sent.end
    out = list(found)
    names = {n.lower() for n, _ in found}
    while i < end:
        tok = doc[i]
        if tok.text == "(":
            close = next((j for j in range(i, min(end, i + 12)) if doc[j].text == ")"), None)
            if close is None:
                break
            i = close + 1
            continue
        if tok.text == "," or tok.lower_ == "and":
            i += 1
            continue
        if analysis.is_place(tok) and tok.ent_iob_ == "B":
            more = places_in([tok], analysis)
            if not more or more[0][0].lower() in names:
                break
            out.append(more[0])
            names.add(more[0][0].lower())
            span = analysis.entity_starting(tok)
            i = span.end if span is not None else i + 1
            continue
        break
    return out


def _noun_trigger(tok: Token, analysis: Analysis) -> Found | None:
    """Travelers and places for "his visit to Muscat" or "a stop in Jordan"."""
    lemma = tok.lemma_.lower()
    if lemma == "mission" and tok.pos_ == "NOUN":
        # "a five-day mission to Sudan and Chad" travels; "the mission in Colombia" is a body
        heads = prep_objects(tok, ("to",))
        return (noun_travelers(tok, analysis), places_in(heads, analysis)) if heads else None
    # "a five-day State Visit to Lisbon": a trip noun capitalised in a house style
    noun = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_)
    if not noun or (lemma not in TRIP_NOUNS and lemma not in TRIP_PART_NOUNS and lemma != "ride"):
        return None
    heads = prep_objects(tok, _NOUN_PREPS)
    carrier = tok.head.lemma_.lower() if tok.dep_ == "dobj" else ""
    if not heads and carrier in TRIP_NOUN_VERBS:
        heads = prep_objects(tok.head, TRIP_NOUN_VERBS[carrier])  # "made a visit ... to X"
    if not heads:
        # "his first visit as prime minister to Estonia": the parser may hang the
        # destination on the office (an "ambassador to X" is a title, not a trip)
        for office in prep_objects(tok, ("as",)):
            if office.lower_ in TITLE_HEADS and office.lower_ not in POSTED_TITLE_HEADS:
                heads = prep_objects(office, ("to",))
    if not heads:
        return None
    return noun_travelers(tok, analysis), places_in(heads, analysis)


def _meeting_trigger(tok: Token, analysis: Analysis) -> Found | None:
    """A meeting somewhere means the visiting side was there ("hosted in Almaty")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in MEETING_VERBS and lemma not in TRAVEL_VERBS:
        carrier = tok
        preps = MEETING_VERBS[lemma]
        if lemma not in PRESENCE_VERBS:
            objs = [c for c in tok.children if c.dep_ == "dobj"] if "" in preps else []
            objs += prep_objects(tok, tuple(p for p in preps if p)) + agent_objects(tok)
            if not objs and len(subjects_of(tok, analysis)) < 2:
                return None  # "called for calm in Gaza" is no "called on": no one was met
    elif tok.pos_ == "NOUN" and tok.lower_ in MEETING_NOUNS and tok.dep_ == "dobj":
        carrier = tok.head
    else:
        return None
    place = meeting_place_token(carrier, analysis)
    if place is None and carrier is not tok:
        # "held talks with the Taliban in Kabul": the place may hang off the noun
        found = places_in(prep_objects(tok, ("in", "at")), analysis)
        place = found[0] if found else None
    if place is None:
        return None
    anchor = place[1]
    if (
        anchor.i > 0
        and analysis.doc[anchor.i - 1].lower_ == "the"
        and not analysis.is_place(anchor)
    ):
        # "welcomed at the Guildhall": a building, not a destination; but "at the
        # Presidential Villa, Abuja" names its city after it
        doc = analysis.doc
        after = anchor.i + 1
        while after < len(doc) and doc[after].dep_ == "compound":
            after += 1
        if not (
            after + 1 < len(doc)
            and doc[after].text == ","
            and analysis.is_place(doc[after + 1])
            and (found := places_in([doc[after + 1]], analysis))
        ):
            return None
        place = found[0]
    if lemma in HOST_VERBS and carrier is tok:
        if tok.tag_ == "VBN" and agent_objects(tok):
            travelers = subjects_of(tok, analysis)  # "was received by the emir"
        else:
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            travelers = people_in_objects(objs, analysis)
    else:
        travelers = subjects_of(carrier, analysis)
        if len(travelers) >= 2 and not prep_objects(carrier, ("with",)):
            # "Wang and Jaishankar held talks in New Delhi": when the article ties one of
            # them to another country, the one it ties to none is the likely host
            known = [t for t in travelers if analysis.country_of_person(t) is not None]
            travelers = known or travelers
        # "Macron met with German Chancellor Olaf Scholz in Paris": whoever was met there
        # and whose title ties them to another country came to the place
        met = [c for c in carrier.children if c.dep_ == "dobj" and carrier is tok]
        met += prep_objects(carrier, tuple(p for p in MEETING_VERBS.get(lemma, ("with",)) if p))
        if carrier is not tok:
            met += prep_objects(tok, ("with",))  # "held talks with X in Zagreb"
        guests = [
            g
            for g in people_in_objects(met, analysis)
            if g not in travelers
            and analysis.is_abroad(g, place[0])
            # "met in Guatemala with A and on Friday with B": B was not met there
            and _met_there(carrier, g, place[1], analysis)
        ]
        if guests:
            # the one met came from abroad: a subject the article ties to no country is
            # their host ("President X held talks with the Amir of Qatar in Zagreb")
            travelers = [t for t in travelers if analysis.country_of_person(t) is not None]
        travelers = travelers + guests
    places = [place]
    # "met with X in Paris and later with Y in Brussels": each "with" may have its place
    for obj in prep_objects(carrier, ("with",)):
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                pobjs = [o for o in prep.children if o.dep_ == "pobj"]
                for name, at in places_in(pobjs, analysis):
                    if at.i not in {t.i for _, t in places} and analysis.is_place(at):
                        places.append((name, at))
    return travelers, places


def _met_there(carrier: Token, guest: str, place: Token, analysis: Analysis) -> bool:
    """Whether the place belongs to the "with" phrase that names the guest (always, when
    the verb has one "with" phrase)."""
    tokens = analysis.name_tokens(guest, carrier.sent)
    segment = with_segment(carrier, tokens[0]) if tokens else None
    return segment is None or segment[0] <= place.i < segment[1]


def _hosted_trigger(tok: Token, analysis: Analysis) -> Found | None:
    """ "Boric was received by his Mexican counterpart", "the UAE President hosted the
    Sultan": a guest received by a host whose title names a country, with no place
    written, is in the host's country."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    if lemma in ("arrive", "land"):
        # "arrived for a state visit and met with UAE President X": whom the traveller
        # meets in the same sentence says where they arrived
        if prep_objects(tok, ("in", "at", "to")):
            return None  # a written place is the travel trigger's
        guests = subjects_of(tok, analysis)
        hosts = [
            p
            for m in tok.sent
            if m.pos_ == "VERB"
            and m.lemma_.lower() in MEETING_VERBS
            and m is not tok
            and set(subjects_of(m, analysis)) & set(guests)
            for p in people_in_objects(
                [c for c in m.children if c.dep_ == "dobj"]
                + prep_objects(m, tuple(x for x in MEETING_VERBS[m.lemma_.lower()] if x))
                + agent_objects(m),
                analysis,
            )
            if p not in guests
        ]
    elif lemma in HOST_VERBS:
        if meeting_place_token(tok, analysis) is not None:
            return None  # a written place is the meeting trigger's
        if tok.tag_ == "VBN" and agent_objects(tok):
            guests = subjects_of(tok, analysis)
            hosts = people_in_objects(agent_objects(tok), analysis)
        else:
            hosts = subjects_of(tok, analysis)
            guests = people_in_objects([c for c in tok.children if c.dep_ == "dobj"], analysis)
    else:
        return None
    countries = {c for h in hosts if (c := analysis.country_of_person(h))}
    if len(countries) != 1 or not guests:
        return None
    country = countries.pop()
    if any(c != country for c in _gathering_countries(analysis)):
        return None  # "Kuwait's Emir greeted the crown prince" at a summit in Doha
    guests = [g for g in guests if analysis.country_of_person(g) not in (None, country)]
    return (guests, [(country, tok)]) if guests else None


_GATHERING = re.compile(
    r"\b(?:summit|conference|forum|assembly|games)s?\s+(?:in|at)\s+"
    r"(?:the\s+)?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
)


def _gathering_countries(analysis: Analysis) -> set[str]:
    """The countries of the places the story says a summit or conference is held in ("Gulf
    summit in Doha"): there, a host's title no longer says where a guest was met."""
    text = f"{analysis.article.title or ''}\n{analysis.article.text}"
    out: set[str] = set()
    for m in _GATHERING.finditer(text):
        country = country_of_city(m.group(1)) or (m.group(1) if is_country(m.group(1)) else None)
        if country:
            out.add(country)
    return out


def noun_travelers(noun: Token, analysis: Analysis, depth: int = 0) -> list[str]:
    """Who makes the trip a noun names."""
    poss = possessor(noun)
    if poss is not None:
        p = analysis.person_of_np(poss)
        return [p] if p else []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            objs = [o for o in c.children if o.dep_ == "pobj"]
            return people_in_objects(objs, analysis)
    # "the visit to Vietnam by Prime Minister X", with "by" hung elsewhere by the parser:
    # the "by" right after the destination
    doc = noun.doc
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            for o in c.children:
                k = o.right_edge.i + 1
                if o.dep_ == "pobj" and k < len(doc) and doc[k].lower_ == "by":
                    objs = [x for x in doc[k].children if x.dep_ == "pobj"]
                    if found := people_in_objects(objs, analysis):
                        return found
    # "the visit of Turkish President X to Abu Dhabi": the person the visit is "of"
    of_people = people_in_objects(
        [o for c in noun.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"],
        analysis,
    )
    if of_people:
        return of_people
    if depth > 2:
        return []
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        if head.dep_ == "relcl" and any(c.lower_ in ("which", "that") for c in head.children):
            return noun_travelers(head.head, analysis, depth + 1)
        return subjects_of(head, analysis)
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        gov = head.head
        if gov.pos_ in ("VERB", "AUX"):
            return subjects_of(gov, analysis)
        if gov.pos_ == "NOUN" and gov.lemma_.lower() in TRIP_NOUNS | TRIP_PART_NOUNS:
            return noun_travelers(gov, analysis, depth + 1)
    if noun.dep_ == "nsubj" and head.dep_ == "relcl":
        return noun_travelers(head.head, analysis, depth + 1)
    return []


TRIGGERS = (_verb_trigger, _noun_trigger, _meeting_trigger, _hosted_trigger)


def extract_visits(analysis: Analysis) -> Iterator[Visit]:
    """Visits by named people to named places."""
    homecoming: dict[str, int] = {}  # who came home, and at which token
    for sent in analysis.sentences:
        # "will travel to Accra, Ghana, where he will meet X": the meeting's country is
        # a stop the sentence already gave
        stops: dict[str, set[str]] = {}
        for who, at in _came_home(sent, analysis):
            homecoming[who] = at
        for tok in analysis.tokens_of(sent):
            for trigger in TRIGGERS:
                found = trigger(tok, analysis)
                if not found:
                    continue
                travelers, places = found
                if not travelers or not places:
                    continue
                if tok.pos_ in ("VERB", "AUX") and analysis.negated(tok):
                    break
                if tok.pos_ == "NOUN" and analysis.negated_noun(tok):
                    break
                when = analysis.date_phrase(tok)
                segment = with_segment(tok, places[0][1])
                if when and segment and when not in analysis.doc[segment[0] : segment[1]].text:
                    when = None  # "met in Guatemala with A and on Friday with B": not Friday
                for traveler in travelers:
                    # a minister going to their own country or capital is going home
                    hosting = trigger is _meeting_trigger
                    away = [
                        (p, t)
                        for p, t in places
                        if not analysis.is_home(traveler, p, hosting)
                        and not _in_posting(t, traveler, sent, analysis)
                    ]
                    if not away:
                        continue
                    names = {name.lower() for name, _ in away}
                    if names <= stops.get(traveler, set()):
                        continue
                    stops.setdefault(traveler, set()).update(names)
                    back = homecoming.get(traveler)
                    if (
                        back is not None
                        and tok.lemma_.lower() in _ARRIVAL_VERBS
                        and back < tok.i
                        and analysis.doc[back].sent.start >= _previous_start(sent, analysis)
                    ):
                        continue  # "returned to the country ... The plane landed in Manila"
                    yield Visit(
                        traveler=traveler,
                        places=tuple(name for name, _ in away),
                        when=when,
                        source=analysis.source(sent),
                        # a country read off the host's title is not written here
                        cue=None
                        if trigger is _hosted_trigger
                        else _place_cue(away[0][1], analysis),
                        planned=analysis.planned(tok if tok.pos_ in ("VERB", "AUX") else tok.head),
                    )
                break


def _in_posting(place: Token, traveler: str, sent: Span, analysis: Analysis) -> bool:
    """Whether the place is part of the traveller's posting written before their name
    ("the Ambassador of Somalia to Djibouti, Salad Ali Jeleh, attended"): where they
    serve, not where they went."""
    names = analysis.name_tokens(traveler, sent)
    if not names or place.i > names[0].i:
        return False
    doc = analysis.doc
    for k in range(place.i - 1, max(sent.start, place.i - 12) - 1, -1):
        if doc[k].pos_ in ("VERB", "AUX"):
            return False
        if doc[k].lower_ in POSTED_TITLE_HEADS:
            between = doc[place.i : names[0].i]
            return not any(t.pos_ in ("VERB", "AUX") for t in between)
    return False


_ARRIVAL_VERBS = frozenset("land arrive touch fly".split())
# "is due in Riyadh", "was present in Basel": states that put someone somewhere.
_STAY_STATES = frozenset("due expected set scheduled slated present back here there".split())


def _previous_start(sent: Span, analysis: Analysis) -> int:
    """Where the sentence before ``sent`` starts (``sent``'s own start for the first)."""
    if sent.start == 0:
        return 0
    return analysis.doc[sent.start - 1].sent.start


def _came_home(sent: Span, analysis: Analysis) -> list[tuple[str, int]]:
    """Who the sentence says came home, and where: "returned to the country", "flew home",
    "returned home" (an arrival told after it, in the same or the next sentence, is at
    home, not a visit)."""
    out: list[tuple[str, int]] = []
    for tok in analysis.tokens_of(sent):
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("return", "fly", "come", "head"):
            continue
        home = any(c.lower_ == "home" for c in tok.children) or any(
            o.lower_ == "country" and any(d.lower_ in ("the", "his", "her") for d in o.children)
            for o in prep_objects(tok, ("to",))
        )
        if home:
            out.extend((who, tok.i) for who in subjects_of(tok, analysis))
    return out


def _place_cue(anchor: Token, analysis: Analysis) -> Cue:
    """The whole place name as written ("the West Bank" is blanked as "West Bank")."""
    ent = analysis.entity_starting(anchor)
    if ent is not None:
        tokens = [t for t in ent if t.tag_ != "POS"]
        return cue_for(analysis, tokens)
    return cue_for(analysis, [anchor])
