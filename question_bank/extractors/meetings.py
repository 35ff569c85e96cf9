"""Meeting facts: who met or held talks with whom ("he met with Omani Foreign Minister ...")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..analysis import Analysis
from ..lexicon import (
    AHEAD_WORDS,
    ATTENDANCE_VERBS,
    HONORIFICS,
    HOSTED_EVENT_NOUNS,
    JOINT_EVENT_NOUNS,
    MEETING_NOUN_PREPS,
    MEETING_NOUNS,
    NAME_STYLES,
    PAIR_NOUNS,
    PARTICLES,
    PARTITIVE_NOUNS,
    PATRONYMICS,
    PRESS_NOUNS,
    PROGRAMME_NOUNS,
    REMOTE_WORDS,
    TRIP_NOUNS,
)
from ..model import Meeting
from ..wordings import HOST_VERBS, MEETING_NOUN_VERBS, MEETING_VERBS, TRAVEL_VERBS
from .common import (
    agent_objects,
    cue_for,
    meeting_place_token,
    members_named,
    people_in_objects,
    possessor,
    prep_objects,
    subjects_of,
    with_segment,
)
from .visits import noun_travelers


def _sides(tok: Token, analysis: Analysis) -> tuple[list[str], list[str], Token] | None:
    """The two sides of a meeting expressed by ``tok`` and the word that carries it."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in MEETING_VERBS:
        preps = MEETING_VERBS[lemma]
        objs: list[Token] = []
        direct = [c for c in tok.children if c.dep_ == "dobj"]
        if not direct:
            # "saw President X": the small model sometimes makes the name a clause
            direct = [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ == "PROPN"]
        late = [c for c in tok.children if c.dep_ == "nsubj" and c.i > tok.i]
        inverted = bool(not direct and late and tok.dep_ in ("dep", "conj") and "" in preps)
        if inverted:
            # "X held talks with Y, then received Z": the parser made Z the subject of
            # "received", after its verb; Z is the one received, X the one receiving
            direct = late
        if direct:
            # "will meet senior officials in Lima, including President X": the parser
            # hangs the group's members on the verb
            direct.extend(members_named(tok))
        if "" in preps:
            objs.extend(direct)
        objs.extend(prep_objects(tok, tuple(p for p in preps if p)))
        if objs:
            # "met with the interior minister, X, and the fisheries minister, Y": the
            # parser may hang the second of the list on the verb
            objs.extend(
                c
                for c in tok.children
                if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > objs[0].i
            )
        if "with" in preps:
            # "discussed regional issues with X": the parser hangs "with" on the object
            objs.extend(o for d in direct for o in prep_objects(d, ("with",)))
        # "he was received by Qatar's emir": the agent is the other side; not of "signed":
        # "a communique signed by the minister and the ambassadors" says nobody met
        if lemma != "sign":
            objs.extend(agent_objects(tok))
        if lemma == "call" and (_calls_for_action(tok) or _names_something(tok)):
            return None  # "called on X to resign", "called the deal fair": no meeting
        if lemma == "call" and not objs:
            # "call on Bhutan Prime Minister Dr X" with the name parsed as a predicate
            objs.extend(c for c in tok.children if c.dep_ == "oprd" and c.pos_ == "PROPN")
        subjects = subjects_of(tok.head if inverted else tok, analysis)
        if not subjects and tok.dep_ == "dep" and tok.head.pos_ == "VERB":
            # "X held talks with Y, then received Z": a verb the parser left loose on the
            # one before shares its subject
            subjects = subjects_of(tok.head, analysis)
        others = people_in_objects(objs, analysis)
        if lemma in TRAVEL_VERBS:
            # "visited President X": a person visited; "visited Adré" is a place
            titled = {m.person for m in analysis.titles}
            # "visited the Nizamuddin Aulia Dargah": a name after "the" is a building
            things = {
                p
                for o in objs
                if any(c.dep_ == "det" and c.lower_ == "the" for c in o.children)
                for p in people_in_objects([o], analysis)
            }
            others = [
                p
                for p in others
                if not analysis.named_as_place(p)
                and (p in titled or (len(p.split()) >= 2 and p not in things))
            ]
            if not others:
                return None
        if not others and len(subjects) >= 2 and lemma not in HOST_VERBS:
            # "Blinken and Lammy met in Kyiv", "Bessent and He Lifeng negotiated"
            return subjects[:1], subjects[1:], tok
        return subjects, others, tok
    if tok.pos_ == "VERB" and lemma == "join":
        # "she joined President Cruz for talks": joining someone for a meeting
        purposes = prep_objects(tok, ("for",))
        if any(p.lower_ in MEETING_NOUNS for p in purposes):
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            return subjects_of(tok, analysis), people_in_objects(objs, analysis), tok
        return None
    if (
        tok.pos_ in ("VERB",)
        and lemma == "shake"
        and any(c.lower_ == "hands" for c in tok.children)
    ):
        subjects = subjects_of(tok, analysis)
        others = people_in_objects(prep_objects(tok, ("with",)), analysis)
        if others:
            return subjects, others, tok
        return subjects[:1], subjects[1:], tok  # "Lee and Kim shook hands"
    if tok.lemma_.lower() in JOINT_EVENT_NOUNS and any(
        c.dep_ == "amod" and c.lower_ == "joint" for c in tok.children
    ):
        # "at a joint press conference in Vientiane between A and his counterpart B"
        pair_objs = prep_objects(tok, ("between",))
        if not pair_objs and tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
            pair_objs = prep_objects(tok.head.head, ("between",))  # hung on the verb
        pair = people_in_objects(pair_objs, analysis)
        if len(pair) >= 2:
            return pair[:1], pair[1:], tok
        # "X said this at a joint press conference with Y", "held a joint news
        # conference with Y": side by side with the one who spoke or held it
        partners = people_in_objects(prep_objects(tok, ("with",)), analysis)
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ == "dobj" else None
        if partners and verb is not None and verb.pos_ in ("VERB", "AUX"):
            return subjects_of(verb, analysis), partners, verb
    if (
        tok.lemma_.lower() in JOINT_EVENT_NOUNS
        and tok.dep_ == "dobj"
        and any(c.dep_ == "amod" and c.lower_ == "joint" for c in tok.children)
    ):
        # "X and his counterpart Y held a joint press conference": side by side
        subjects = subjects_of(tok.head, analysis)
        return (subjects[:1], subjects[1:], tok.head) if len(subjects) >= 2 else None
    if (
        tok.lower_ == "presence"
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "in"
        and tok.head.head.pos_ in ("VERB", "AUX")
    ):
        # "made the announcement in the presence of Prime Minister X": together in one room
        doer = tok.head.head
        others = people_in_objects(prep_objects(tok, ("of",)), analysis)
        subjects = [p for p in subjects_of(doer, analysis) if p not in others]
        if not subjects and len(others) >= 2:
            # "the deals were signed in the presence of President X and Prime Minister Y"
            return others[:1], others[1:], doer
        return (subjects, others, doer) if subjects and others else None
    # "an overnight visit with Stoltenberg": a visit with someone is a meeting with them
    visit_with = tok.lemma_.lower() in TRIP_NOUNS and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in tok.children
    )
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in TRIP_NOUNS:
        # "a working visit to Cuba, hosted by First Deputy President X": host and guest met
        clauses = [c for c in tok.children if c.dep_ == "acl"]
        if tok.dep_ == "dobj":  # the parser may hang the participle on the verb
            clauses += [c for c in tok.head.children if c.dep_ == "advcl"]
        hosts = [
            o
            for acl in clauses
            if acl.tag_ == "VBN" and acl.lemma_.lower() in HOST_VERBS
            for o in agent_objects(acl)
        ]
        if hosts:
            return noun_travelers(tok, analysis), people_in_objects(hosts, analysis), tok
        if not visit_with:
            return None
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in HOSTED_EVENT_NOUNS:
        # "attended a welcome ceremony hosted by President X": the guests meet the host
        hosts = [
            o
            for acl in tok.children
            if acl.dep_ == "acl" and acl.lemma_.lower() in HOST_VERBS | {"give", "offer"}
            for o in agent_objects(acl)
        ]
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
        if hosts and verb is not None and verb.pos_ in ("VERB", "AUX"):
            return subjects_of(verb, analysis), people_in_objects(hosts, analysis), verb
        return None
    if tok.pos_ == "NOUN" and (tok.lower_ in MEETING_NOUNS or visit_with):
        # "paid a courtesy call on the foreign minister";
        # "a series of talks", "a round of negotiations": the frame is the outer noun
        frame = tok.head.head if _partitive(tok) else tok
        gov = frame.head
        verb_preps = MEETING_NOUN_VERBS.get(gov.lemma_, ()) if frame.dep_ == "dobj" else ()
        own = MEETING_NOUN_PREPS.get(tok.lower_, ())
        preps = (
            ("with",) if visit_with else tuple(dict.fromkeys(("with", "for", *own, *verb_preps)))
        )
        objs = prep_objects(tok, preps)
        if tok.lemma_.lower() == "call" and not any(c.lower_ == "courtesy" for c in tok.children):
            # "received a call from X" is a telephone call; "a courtesy call from X" a visit
            objs = [o for o in objs if o.head.lower_ != "from"]
        if frame is not tok:
            # "a series of talks with the leadership, including X": the parser hangs
            # the phrases on the outer noun
            objs += prep_objects(frame, preps) + members_named(frame)
        owner = possessor(tok)
        first = _first_conjunct(frame)  # "include a call on X, and a meeting with Y"
        includes = first.head if first.dep_ == "dobj" else gov
        if (
            owner is None
            and objs
            and frame.dep_ in ("dobj", "conj")
            and includes.lemma_ == "include"
        ):
            # "Steinmeier's itinerary includes a meeting and dinner with X"; "is in Mexico
            # for a visit that includes a meeting with X": the visitor met X
            programme = next((c for c in includes.children if c.dep_ == "nsubj"), None)
            if programme is not None and programme.tag_ == "WDT" and includes.dep_ == "relcl":
                programme = includes.head
            if programme is not None and programme.lemma_ in PROGRAMME_NOUNS | TRIP_NOUNS:
                owner = possessor(programme)
                if owner is None and programme.lemma_ in TRIP_NOUNS:
                    visitors = noun_travelers(programme, analysis)
                    if visitors:
                        return visitors, people_in_objects(objs, analysis), tok
        if owner is None and objs and not visit_with:
            # "a meeting of Blinken with President Boric": the "of" is the one who meets
            owner = next(iter(prep_objects(tok, ("of",))), None)
        if owner is not None and objs:
            # "Blinken's meeting with Netanyahu"
            who = analysis.person_of_np(owner)
            return ([who] if who else []), people_in_objects(objs, analysis), tok
        joined = _joined_names_before(tok, analysis)
        if joined and not visit_with:
            # "the Biden-Xi summit", "the June Biden/Boric summit"
            return joined[:1], joined[1:], tok
        hosts = [
            o
            for acl in tok.children
            if acl.dep_ == "acl" and acl.lemma_ in ("host", "give", "offer", "throw")
            for o in agent_objects(acl)
        ]
        if hosts and frame.dep_ == "pobj" and frame.head.dep_ == "prep":
            # "they ended the day at a dinner hosted by Mayor Park Seo-yeon"
            verb = frame.head.head
            if verb.pos_ in ("VERB", "AUX"):
                return subjects_of(verb, analysis), people_in_objects(hosts, analysis), verb
        between = prep_objects(tok, ("between",))
        # "a meeting here attended by A, B and C": everyone listed took part
        between += [
            o
            for acl in tok.children
            if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_ in ATTENDANCE_VERBS
            for o in agent_objects(acl)
        ]
        if between:
            people = people_in_objects(between, analysis)
            return people[:1], people[1:], tok
        if (
            frame.dep_ == "dobj"
            and gov.pos_ in ("VERB", "AUX")
            and gov.lemma_ in MEETING_NOUN_VERBS
        ):
            objs.extend(prep_objects(gov, MEETING_NOUN_VERBS[gov.lemma_]))
            subjects = subjects_of(gov, analysis)
            others = people_in_objects(objs, analysis)
            if not others and len(subjects) >= 2:
                return subjects[:1], subjects[1:], gov  # "Hegseth and Healey held talks"
            return subjects, others, gov
        if objs and frame.dep_ == "pobj" and gov.dep_ == "prep":
            verb = gov.head
            if verb.pos_ not in ("VERB", "AUX") and verb.lower_ in AHEAD_WORDS:
                verb = verb.head  # "arrived ahead of meetings with X"
            if verb.pos_ == "NOUN" and verb.lower_ == "time" and verb.dep_ == "pobj":
                verb = verb.head.head  # "arrived in time for dinner with X"
            if verb.pos_ in ("VERB", "AUX"):
                return subjects_of(verb, analysis), people_in_objects(objs, analysis), verb
        if not objs and frame.dep_ == "pobj" and gov.dep_ == "prep":
            # "X and host President Y are expected to preside over official talks": two
            # subjects of a verb that takes the meeting noun through its preposition
            verb = gov.head
            if gov.lower_ in MEETING_NOUN_VERBS.get(verb.lemma_, ()):
                subjects = subjects_of(verb, analysis)
                if len(subjects) >= 2:
                    return subjects[:1], subjects[1:], verb
    return None


def _joined_names_before(noun: Token, analysis: Analysis) -> list[str]:
    """Two or more people named right before a meeting noun and joined by a hyphen, a
    dash or a slash ("the Biden-Xi summit", "Biden/Boric talks"), or none."""
    people: list[str] = []
    joiners = 0
    k = noun.i - 1
    doc = noun.doc
    while k >= 0 and noun.i - k <= 8:
        t = doc[k]
        if t.text in ("-", "–", "/"):
            joiners += 1
        elif (p := analysis.person_at(t)) is not None:
            if p not in people:
                people.insert(0, p)
        else:
            break  # "the June summit": the names, if any, end here
        k -= 1
    return people if len(people) >= 2 and joiners >= len(people) - 1 else []


_NOT_NAME_WORDS = HONORIFICS | NAME_STYLES | PARTICLES | PATRONYMICS
"""Words of a written name that do not tell one person from another."""


def _one_person(a: str, b: str) -> bool:
    """Two names of one person, as the reading may keep them apart ("Sayyid Talal bin
    Hamad" and "Talal bin Hamad al-Harthy"): the name words of one, without styles and
    particles, all in the other, two or more of them."""

    def words(name: str) -> set[str]:
        return {w for w in name.lower().replace("-", " ").split() if w not in _NOT_NAME_WORDS}

    x, y = words(a), words(b)
    return a == b or (min(len(x), len(y)) >= 2 and (x <= y or y <= x))


def extract_meetings(analysis: Analysis) -> Iterator[Meeting]:
    """Meetings between named people, one fact per pair."""
    for sent in analysis.sentences:
        # "the couple": two who travel together do not meet each other
        couples = [
            set(analysis.pairs[t.i])
            for t in analysis.tokens_of(sent)
            if t.i in analysis.pairs and t.lower_ in PAIR_NOUNS
        ]
        for tok in analysis.tokens_of(sent):
            found = _sides(tok, analysis)
            if not found:
                continue
            left, right, carrier = found
            if right and (not left or set(left) == set(right)):
                # "'In a constructive meeting with X today, he confirmed to me ...,' Y
                # wrote": the speaker of the quote is the other side
                speaker = analysis.quote_speaker(tok)
                left = [speaker] if speaker and speaker not in right else left
            elif left and set(left) < set(right) and carrier.tag_ == "VBN":
                # "was received by A; B; C" read with A as its subject: whoever was
                # received is not among them, and the receivers did not meet each other
                left = []
            if not left or not right or analysis.negated(carrier):
                continue
            if set(left) | set(right) in couples:
                continue
            if _remote(tok) or (carrier is not tok and _remote(carrier)):
                continue  # "held a telephone conversation", "spoke by video link": no meeting
            found_place = meeting_place_token(carrier, analysis)
            # "will meet X on Tuesday ahead of talks on Wednesday with Y": the talks' own day
            when = (analysis.date_phrase(tok) if tok is not carrier else None) or (
                analysis.date_phrase(carrier)
            )
            for a in left:
                for b in right:
                    if _one_person(a, b) or _press(a, sent, analysis) or _press(b, sent, analysis):
                        continue
                    name = _mention_of(b, sent, analysis)  # the cloze blanks this name
                    place = found_place[0] if found_place else None
                    b_when = when
                    segment = with_segment(carrier, name[0]) if name else None
                    if segment is not None:
                        # "met in Guatemala with A and on Friday with B": each "with" has
                        # its own place and day
                        lo, hi = segment
                        if found_place is None or not lo <= found_place[1].i < hi:
                            place = None
                        if when and when not in sent.doc[lo:hi].text:
                            b_when = None
                    yield Meeting(
                        participants=(a, b),
                        place=place,
                        when=b_when,
                        source=analysis.source(sent),
                        cue=cue_for(analysis, name) if name else None,
                        planned=analysis.planned(carrier) or _ahead(tok),
                    )


def _remote(tok: Token) -> bool:
    """Whether the talk was held at a distance: a phone or video word modifies it ("a
    telephone conversation", "a phone call") or a phrase on it says so ("by telephone",
    "over video link", "virtually")."""

    def remote(word: Token) -> bool:
        return word.lemma_.lower() in REMOTE_WORDS

    for child in tok.children:
        if child.dep_ in ("compound", "amod", "advmod") and remote(child):
            return True
        if child.dep_ != "prep" or child.lower_ not in ("by", "over", "via", "on"):
            continue
        for obj in (o for o in child.children if o.dep_ == "pobj"):
            if remote(obj) or any(
                remote(g) for g in obj.children if g.dep_ in ("compound", "amod")
            ):
                return True
    return False


def _first_conjunct(tok: Token) -> Token:
    """The first of a run of conjuncts: "a call" of "a call on X, and a meeting with Y"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _ahead(noun: Token) -> bool:
    """ "ahead of meetings with X", "before talks with Y": the meeting is still to come."""
    of = noun.head
    first = _first_conjunct(noun)  # "include a call on X, and a meeting with Y"
    if first.dep_ == "dobj" and first.head.lemma_ == "include":
        # "his itinerary includes a meeting with X": planned, as the programme is
        return any(c.dep_ == "nsubj" and c.lemma_ in PROGRAMME_NOUNS for c in first.head.children)
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in AHEAD_WORDS


def _partitive(noun: Token) -> bool:
    """ "a series of talks", "a round of negotiations": the meeting noun sits in an
    "of" phrase of a noun that only counts it."""
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in PARTITIVE_NOUNS


def _names_something(verb: Token) -> bool:
    """ "called the deal a fair first step", "called him a liar": naming, not phoning.
    "call on Prime Minister X" with the name parsed as a predicate names no one: "on" is
    there, and nothing is named as something."""
    if any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in verb.children) and not any(
        c.dep_ == "dobj" for c in verb.children
    ):
        return False
    return any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr") for c in verb.children)


def _calls_for_action(verb: Token) -> bool:
    """ "call on X to do Y" asks for something; "call on X" pays a visit."""
    return any(
        c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.lower_ == "to" for a in c.children)
        for c in verb.subtree
        if c.i > verb.i
    )


def _press(person: str, sent: Span, analysis: Analysis) -> bool:
    """ "She spoke to our correspondent Kari Dahl": an interview, not a meeting."""
    titles = [t.title.lower() for t in analysis.titles if t.person == person]
    if any(word in PRESS_NOUNS for title in titles for word in title.split()):
        return True
    tokens = analysis.name_tokens(person, sent)
    if not tokens:
        return False
    i = tokens[0].i - 1
    while i >= sent.start and sent.doc[i].lower_ in ("the", "our", "a", "their", ","):
        i -= 1
    return i >= sent.start and sent.doc[i].lower_ in PRESS_NOUNS


def _mention_of(person: str, sent: Span, analysis: Analysis) -> list[Token] | None:
    """The tokens of the last mention in the sentence that names the person."""
    return analysis.name_tokens(person, sent)
