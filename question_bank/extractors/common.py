"""Grammar helpers the extractors share: subjects, conjuncts, places, cues."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..analysis import Analysis
from ..gazetteer import (
    capital_of,
    country_of_city,
    country_of_word,
    is_city,
    is_country,
    is_firm_place,
)
from ..lexicon import (
    COUNTERPART_WORDS,
    FACILITY_NOUNS,
    GENERIC_PLACE_NOUNS,
    GROUP_WORDS,
    HONORIFICS,
    INCLUDING_WORDS,
    LEADING_VERBS,
    OBJECT_CONTROL_VERBS,
    SITUATION_NOUNS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_TAILS,
    TRAVEL_GROUP_NOUNS,
    VEHICLE_NOUNS,
)
from ..model import Cue

SUBJECTS = ("nsubj", "nsubjpass")
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "csubj", "parataxis"})
# Places are looked for inside these phrases only.
PLACE_STOP_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "xcomp", "parataxis", "mark"})


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("A, B and C")."""
    out = [token]
    out.extend(token.conjuncts)
    return sorted(out, key=lambda t: t.i)


def subjects_of(verb: Token, analysis: Analysis) -> list[str]:
    """The people doing what ``verb`` says, climbing through "is set to" and "after meeting".

    Returns the distinct people among the subject and its conjuncts; an
    organisation or country subject gives an empty list.
    """
    cur: Token | None = verb
    for _ in range(6):
        if cur is None:
            break
        passengers = _vehicle_passengers(cur, analysis)
        if passengers:
            return passengers
        subj = [c for c in cur.children if c.dep_ in SUBJECTS]
        if not subj:
            # "Steinmeier was on Tuesday set to start": the parser hung the subject on "was"
            subj = [
                s
                for aux in cur.children
                if aux.dep_ in ("aux", "auxpass") and aux.i < cur.i
                for s in aux.children
                if s.dep_ in SUBJECTS
            ]
        if cur is not verb and len(subj) == 1 and _expletive(subj[0], cur):
            # "It is wonderful to be back in Jakarta": whoever says so, the reporting
            # verb's subject ("..., Brenner said") or the speaker of a quote or turn
            if cur.dep_ == "ccomp" and cur.head.pos_ == "VERB":
                cur = cur.head
                continue
            speaker = analysis.quote_speaker(subj[0])
            return [speaker] if speaker else []
        if subj:
            people: list[str] = []
            # two subjects on one verb are a coordination the parser split: "Minister
            # X and visiting Minister Y held talks"
            for head in subj:
                if head.lower_ in ("who", "that", "which") and cur.dep_ == "relcl":
                    head = cur.head
                    if (
                        head.lemma_.lower() in GROUP_WORDS
                        and head.dep_ == "dobj"
                        and head.head.lemma_.lower() in LEADING_VERBS
                    ):
                        # "X led a delegation that met with Y": the delegation's leader
                        people.extend(
                            p for p in subjects_of(head.head, analysis) if p not in people
                        )
                        continue
                for p in np_people(head, analysis):
                    if p not in people:
                        people.append(p)
                for p in _slipped_conjunct(head, analysis):
                    if p not in people:
                        people.append(p)
            return people
        if cur is verb and verb.pos_ == "VERB" and verb.dep_ == "ROOT":
            # "On the invitation of X, Russian Defence Minister Y visited Islamabad", parsed
            # with no subject: the name written right before the verb is who does it
            i = verb.i - 1
            while i >= verb.sent.start and verb.doc[i].dep_ in ("aux", "neg", "advmod"):
                i -= 1
            named = analysis.person_at(verb.doc[i]) if i >= verb.sent.start else None
            if named and verb.doc[i].dep_ not in ("pobj", "dobj"):
                return [named, *_slipped_conjunct(verb.doc[i], analysis)]
        if cur.dep_ == "conj" and any(c.dep_ == "auxpass" for c in cur.children):
            # "X arrived ... and was received by Y": X is who was received
            cur = cur.head
            continue
        agent = _agent(cur, analysis)
        if agent:
            return [agent]
        doer = _controller(cur)
        if doer is not None:
            # "Osinbajo thanked the Ghanaian President for visiting Nigeria": the visitor
            # is whom he thanked
            return [p for p in np_people(doer, analysis)]
        if cur.dep_ == "acl" and cur.head.pos_ in ("PROPN", "NOUN", "PRON"):
            # "Blinken, speaking Monday after meeting ..."
            owner = analysis.person_of_np(cur.head)
            return [owner] if owner else []
        if cur.dep_ in ("xcomp", "advcl", "pcomp", "conj", "ccomp", "prep", "pobj", "acomp"):
            cur = cur.head
            continue
        if cur.dep_ == "dep" and cur.pos_ == "VERB" and cur.head.lemma_ == "be":
            cur = cur.head  # "X was on Tuesday set to start ...", "set" left hanging
            continue
        break
    return []


def _slipped_conjunct(subject: Token, analysis: Analysis) -> list[str]:
    """ "At the palace, Obama and Mexico's President X will meet": the parser joined the
    first name to the fronted place; written just before "and" and the subject's name
    (and its title), it is one of the subjects."""
    doc = subject.doc
    person = analysis.person_of_np(subject) or analysis.person_at(subject)
    if not person:
        return []
    k = subject.i
    while k > subject.sent.start and analysis.person_at(doc[k - 1]) == person:
        k -= 1  # the name's first word
    k -= 1
    for _ in range(4):  # back over its title: "Mexico's President"
        if k <= subject.sent.start or doc[k].lower_ == "and":
            break
        if not (doc[k].tag_ == "POS" or doc[k].text[:1].isupper()) or analysis.person_at(doc[k]):
            return []
        k -= 1
    if k <= subject.sent.start or doc[k].lower_ != "and":
        return []
    before = doc[k - 1]
    if before.dep_ not in ("conj", "appos") or before.head.i >= k:
        return []
    p = analysis.person_at(before)
    return [p] if p and p != person else []


def _expletive(subject: Token, verb: Token) -> bool:
    """ "It" standing for what follows: "it is great to be here", "it was an honour to"."""
    return subject.lower_ == "it" and any(c.dep_ in ("acomp", "attr") for c in verb.children)


def _controller(verb: Token) -> Token | None:
    """The object that does what a gerund says after an object-control verb:
    "thanked X for visiting", "congratulated X on winning"; else None."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.dep_ != "prep":
        return None
    governor = verb.head.head
    if governor.lemma_.lower() not in OBJECT_CONTROL_VERBS:
        return None
    return next((c for c in governor.children if c.dep_ == "dobj"), None)


def _vehicle_passengers(verb: Token, analysis: Analysis) -> list[str]:
    """ "The plane carrying Pope Clement landed": the passengers travel; so does the
    leader of "a delegation led by the economy minister, X"."""
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lemma_.lower() in TRAVEL_GROUP_NOUNS:
            # "a delegation led by X", "a delegation of 31 companies led by X"
            for acl in c.subtree:
                if (
                    acl.dep_ == "acl"
                    and acl.lemma_ in ("lead", "head")
                    and (acl.head.i == c.i or acl.head.head.head.i == c.i)
                ):
                    leader = _agent(acl, analysis)
                    if leader:
                        return [leader]
            if any(d.dep_ == "det" and d.lower_ == "the" for d in c.children):
                # "The delegation would also be visiting X": the one the story said
                # someone leads
                leader = _delegation_leader(c, analysis)
                if leader:
                    return [leader]
        if c.dep_ == "nsubj" and c.lemma_.lower() in VEHICLE_NOUNS:
            for acl in c.children:
                if acl.dep_ == "acl" and acl.lemma_ in ("carry", "bring", "transport"):
                    objs = [o for o in acl.children if o.dep_ == "dobj"]
                    return people_in_objects(objs, analysis)
    return []


def _delegation_leader(noun: Token, analysis: Analysis) -> str | None:
    """Who leads the group "the delegation" refers back to: the one person told to lead
    or head such a group in an earlier sentence ("X was leading a delegation of MPs",
    "a delegation led by X"), or None when the story names none or several."""
    leaders: set[str] = set()
    for tok in analysis.doc[: noun.sent.start]:
        if tok.lemma_ not in ("lead", "head") or tok.pos_ != "VERB":
            continue
        groups = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_ in TRAVEL_GROUP_NOUNS]
        if groups:
            leaders.update(subjects_of(tok, analysis))
        elif tok.dep_ == "acl" and tok.head.lemma_ in TRAVEL_GROUP_NOUNS:
            leader = _agent(tok, analysis)
            if leader:
                leaders.add(leader)
    return leaders.pop() if len(leaders) == 1 else None


def _agent(verb: Token, analysis: Analysis) -> str | None:
    """The "by" agent of a passive verb or an event noun."""
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return analysis.person_of_np(obj)
    return None


def agent_objects(verb: Token) -> list[Token]:
    """Objects of a passive verb's "by" phrase."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and verb.tag_ == "VBN"):
            out.extend(o for o in c.children if o.dep_ == "pobj")
        elif (
            c.dep_ == "prep"
            and c.lower_ in ("at", "in", "on", "upon", "with")
            and verb.tag_ == "VBN"
        ):
            # "was welcomed at the cathedral by Archbishop X", "received at the hangar at
            # the airport by X", "greeted on arrival by X", "greeted with a handshake by
            # X": the parser hangs the agent on the (last) place, moment or manner
            out.extend(_by_after_place(c))
    return out


def _by_after_place(prep: Token, depth: int = 0) -> list[Token]:
    """Objects of a "by" hung on the object of this place phrase, or of one after it."""
    out: list[Token] = []
    for place in (o for o in prep.children if o.dep_ == "pobj"):
        for c in place.children:
            if c.dep_ in ("prep", "agent") and c.lower_ == "by":
                out.extend(o for o in c.children if o.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ in ("at", "in", "of") and depth < 2:
                out.extend(_by_after_place(c, depth + 1))
    return out


def meeting_place(verb: Token, analysis: Analysis) -> str | None:
    """Where a meeting happened, as a place name."""
    found = meeting_place_token(verb, analysis)
    return found[0] if found else None


def with_segment(verb: Token, token: Token) -> tuple[int, int] | None:
    """The stretch of the sentence that belongs to the "with" phrase holding ``token``,
    when the verb has two or more ("met in Guatemala with A and on Friday with B"): from
    after the previous "with" phrase to the end of this one. None when the verb has one
    "with" phrase, or the token is in none."""
    withs = sorted(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), key=lambda c: c.i
    )
    if len(withs) < 2:
        return None
    lo = verb.sent.start
    for w in withs:
        # the last phrase runs to the sentence's end (", Nayib Bukele" hung elsewhere)
        hi = w.right_edge.i + 1 if w is not withs[-1] else verb.sent.end
        if lo <= token.i < hi:
            return lo, hi
        lo = hi
    return None


def meeting_place_token(verb: Token, analysis: Analysis) -> tuple[str, Token] | None:
    """Where a meeting happened: "in Paris", or "where" pointing back to a place."""
    objects = prep_objects(verb, ("in", "at"))
    places = places_in(objects, analysis)
    if places:
        return places[0]
    for obj in objects:
        # "at the Presidential Villa, Abuja": a building, then its city
        for city in (c for c in obj.children if c.dep_ in ("appos", "npadvmod")):
            if city.pos_ == "PROPN" and (analysis.is_place(city) or country_of_city(city.text)):
                return city.text, city
    where = next((c for c in verb.children if c.lower_ == "where"), None)
    if verb.dep_ == "relcl" and where is not None:
        antecedent = verb.head
        if analysis.is_place(antecedent) or antecedent.pos_ == "PROPN":
            found = places_in([antecedent], analysis)
            if found:
                return found[0]
        # "was in Rome on Tuesday, where he met ...": the nearest place before "where"
        sent_start = where.sent.start
        for i in range(where.i - 1, max(sent_start, where.i - 10) - 1, -1):
            tok = verb.doc[i]
            if analysis.is_place(tok) and tok.ent_iob_ == "B":
                found = places_in([tok], analysis)
                if found:
                    return found[0]
    # "sat down with X in Havana", "received X in Riyadh", "held talks with his
    # counterpart, X in Port Moresby": the phrase may hang off the person met, or off
    # the name in apposition to them.
    met = [*prep_objects(verb, ("with",)), *(c for c in verb.children if c.dep_ == "dobj")]
    met += [o for noun in list(met) for o in prep_objects(noun, ("with",))]
    met += [c for obj in list(met) for c in obj.children if c.dep_ == "appos"]
    # ... or off that name when the parser hung it loose on the verb
    met += [c for c in verb.children if c.dep_ in ("dep", "npadvmod") and c.pos_ == "PROPN"]
    for obj in met:
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                found = places_in([o for o in prep.children if o.dep_ == "pobj"], analysis)
                if found:
                    return found[0]
    # "In Beirut she will hold talks ...": the phrase can sit on a governing verb.
    if verb.dep_ in ("xcomp",):
        places = places_in(prep_objects(verb.head, ("in",)), analysis)
        if places:
            return places[0]
    return _place_after_buildings(verb, analysis)


_BUILDING_WAY = frozenset("at inside in the his her their its official , -".split())
_WHEN = frozenset({"DATE", "TIME"})


def _place_after_buildings(verb: Token, analysis: Analysis) -> tuple[str, Token] | None:
    """ "visited X at his official residence, Aguda House, inside the Presidential
    Villa, Abuja": the city written after a chain of buildings, whatever the parse (only
    names, "at", "inside", "in" and commas between the verb's object and the city)."""
    doc = verb.doc
    end = min(verb.sent.end, verb.i + 18)
    k = verb.i + 1
    while k < end and (analysis.person_at(doc[k]) is not None or doc[k].text == "-"):
        k += 1  # the one visited
    if k >= end or doc[k].lower_ not in ("at", "inside"):
        return None
    for i in range(k + 1, end):
        tok = doc[i]
        if (
            doc[i - 1].text == ","
            and tok.ent_iob_ in ("B", "O")
            and analysis.is_place(tok)
            and (i + 1 >= end or not doc[i + 1].text[:1].isupper())
        ):
            found = places_in([tok], analysis)
            if found:
                return found[0]
            if is_city(tok.text) or is_country(tok.text):
                return tok.text, tok  # a city the model left unlabelled
        if not (
            tok.lower_ in _BUILDING_WAY
            or (tok.pos_ in ("NOUN", "PROPN", "ADJ", "DET") and tok.ent_type_ not in _WHEN)
        ):
            return None
    return None


def _object_of_a_title(name: Token) -> bool:
    """Whether the name ends "Envoy of President X", however the parser split it."""
    doc = name.doc
    k = name.left_edge.i - 1
    while k > name.sent.start and doc[k].text != "," and name.i - k < 8:
        k -= 1
    return any(
        t.lower_ in ("of", "to") and t.head.lower_ in TITLE_HEADS for t in doc[k + 1 : name.i]
    )


def _core_phrase(head: Token, analysis: Analysis) -> Iterator[Token]:
    """A noun phrase without possessors, prepositional phrases or clauses."""
    yield head
    for child in head.children:
        if child.dep_ in ("poss", "prep", "relcl", "acl", "advcl", "conj", "cc", "punct"):
            continue
        if (
            child.dep_ == "appos"
            and analysis.person_at(head) not in (None, analysis.person_at(child))
            and _object_of_a_title(child)
        ):
            continue  # "Ana Rios, Special Envoy of President Ivo Baric": not Baric too
        yield from _core_phrase(child, analysis)


def people_in_objects(heads: list[Token], analysis: Analysis) -> list[str]:
    """People named by these object heads and their conjuncts."""
    people: list[str] = []
    for head in heads:
        for p in np_people(head, analysis):
            if p not in people:
                people.append(p)
    return people


def np_people(head: Token, analysis: Analysis, depth: int = 0) -> list[str]:
    """People a noun phrase names, following "A, B and C" and "the minister, X, and Y".

    Coordination can hang off an appositive name ("Pakistan's interior minister,
    Rashid Mahmood, and Afghanistan's defence minister, Abdul Karim Hanafi").
    """
    out: list[str] = []
    p = analysis.person_of_np(head)
    if p:
        out.append(p)
    elif head.i in analysis.pairs:
        return list(analysis.pairs[head.i])  # "the imperial couple": the two named last
    if not out and head.tag_ == "NNS" and head.lemma_.lower() in COUNTERPART_WORDS | TITLE_HEADS:
        out.extend(analysis.names_in_apposition(head))  # "his peers ..., X and Y"
    if depth > 6:
        return out
    # Names the parser tucked inside the phrase ("Prime Minister Ivo Baric and Defence
    # Minister Lea Novak" parsed as one noun phrase): every name in it, but not in
    # possessors ("his counterpart") or in phrases and clauses hanging off it.
    for tok in _core_phrase(head, analysis):
        other = analysis.person_at(tok)
        if other and other not in out and tok.pos_ == "PROPN":
            out.append(other)
    if not out and head.lower_ in TITLE_HEADS:
        # "with the Vice President of the Republic who is President of X, Ana Rios": the
        # name right after the phrase the title heads, read with a title of its own
        last = max(t.i for t in head.subtree)
        for mention in analysis.titles:
            if head.i <= mention.start and mention.end - 1 <= last < mention.name_start <= last + 2:
                out.append(mention.person)
                break
    if not out and head.lower_ in TITLE_HEADS:
        # "greeted by Prime Cabinet Secretary and Cabinet Secretary for Foreign Affairs
        # Musalia Mudavadi" with the name hung elsewhere: the title read as the name's
        for mention in analysis.titles:
            if (
                mention.start <= head.i < mention.end
                and head.i < mention.name_start < head.sent.end
                and mention.person not in out
            ):
                out.append(mention.person)
                break
    if head.lower_ in TITLE_HEADS:
        # "Minister for Foreign Affairs Narayankaji Shrestha": the parser may make the
        # holder's name the object of the title's "for"
        holders = [
            other
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of")
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and (other := analysis.person_at(obj))
        ]
        if holders and p and head.pos_ != "PROPN" and p not in holders:
            # "The president of Burundi Évariste Ndayishimiye was welcomed": the title
            # is the named holder's, not a reference to the last president named
            out = [x for x in out if x != p]
        out.extend(x for x in dict.fromkeys(holders) if x not in out)
    for child in head.children:
        if child.dep_ == "conj" or (
            child.dep_ == "appos" and child.i in {c.i for c in head.children}
        ):
            if child.dep_ == "appos" and analysis.person_of_np(child) == p:
                # the appositive is the same person: follow its conjuncts only
                for grand in child.children:
                    if grand.dep_ == "conj":
                        out.extend(x for x in np_people(grand, analysis, depth + 1) if x not in out)
                continue
            if child.dep_ == "conj":
                out.extend(x for x in np_people(child, analysis, depth + 1) if x not in out)
    if depth == 0 and out:
        # "met with the President, A, Speaker of Parliament, B, and the Foreign Minister,
        # C": everyone of the list of names and titles the object opens
        listed = analysis.listed_with(head)
        if out[0] in listed:
            out.extend(x for x in listed if x not in out)
    if depth == 0:
        # "with A and B, Ministers representing X, Y and Z, and Secretary General C": a
        # name listed last that the parser joined to the list of places before it
        for tok in head.subtree:
            other = analysis.person_at(tok)
            if (
                other
                and other not in out
                and tok.dep_ == "conj"
                and tok.pos_ == "PROPN"
                and analysis.is_place(tok.head)
                and tok.head.i > head.i
            ):
                out.append(other)
    if not p:
        # "other Iranian officials, including Raisi and ...": the group's named members
        for member in members_named(head):
            out.extend(x for x in np_people(member, analysis, depth + 1) if x not in out)
        named = _named_after_comma(head, analysis)
        if named and not out:
            out.append(named)
    return out


def _named_after_comma(head: Token, analysis: Analysis) -> str | None:
    """ "talks with his counterpart, President Jean Kodjo": the name written after a bare
    title and a comma, whatever the parser hung it on (it may make it a modifier of the
    verb instead of an appositive)."""
    if head.lower_ not in TITLE_HEADS and head.lemma_.lower() not in COUNTERPART_WORDS:
        return None
    doc = head.doc
    j = head.right_edge.i + 1
    # "his counterpart, X" or "the president of the Senate, Senator X": nothing but an
    # "of" phrase may stand between the title and the comma
    tail = [c for c in head.children if c.i > head.i]
    if j >= len(doc) or doc[j].text != "," or any(c.lower_ != "of" for c in tail):
        return None
    j += 1
    while (
        j < len(doc)
        and (doc[j].lower_ in HONORIFICS or doc[j].lower_ in TITLE_HEADS)
        and doc[j].text[:1].isupper()
    ):
        j += 1
    if j >= len(doc) or j >= head.sent.end:
        return None
    person = analysis.person_at(doc[j])
    if person is None:
        return None
    k = j
    while k + 1 < len(doc) and analysis.person_at(doc[k + 1]) == person:
        k += 1
    if doc[k].dep_ in ("nsubj", "nsubjpass") or doc[k].head.i == head.i:
        return None  # "his counterpart, Jean Kodjo, said": a clause of its own
    return person


def members_named(group: Token) -> list[Token]:
    """Heads of the members a group noun names: "officials, including X and Y" (a
    preposition, or a participle the parser made of it), "leaders such as X", and the
    leader of "a delegation led by X"."""
    out: list[Token] = []
    for child in group.children:
        if child.lower_ in INCLUDING_WORDS and child.dep_ in ("prep", "acl"):
            out.extend(o for o in child.children if o.dep_ in ("pobj", "dobj"))
        elif (
            child.dep_ in ("acl", "advcl")
            and child.tag_ == "VBN"
            and child.lemma_.lower() in LEADING_VERBS
        ):
            # "the delegation from China, led by Chang Wan": its leader speaks for it
            out.extend(agent_objects(child))
        elif child.dep_ == "prep" and child.lower_ == "such":
            for as_ in child.children:
                if as_.lower_ == "as":
                    out.extend(o for o in as_.children if o.dep_ == "pobj")
            out.extend(o for o in child.children if o.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "of" and group.pos_ == "NOUN":
            # "an assembly of politicians including X": the members of what it is made of
            for part in child.children:
                if part.dep_ == "pobj" and part.pos_ == "NOUN":
                    out.extend(members_named(part))
    return out


def prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``head`` (a "to" or "for" the
    parser calls a dative counts: "accorded a welcome to X")."""
    out: list[Token] = []
    for c in head.children:
        # "met with X, and with Y": the second "with" hangs on the verb as a conjunct
        if c.dep_ not in ("prep", "dative") and not (c.dep_ == "conj" and c.pos_ == "ADP"):
            continue
        if c.lower_ in preps:
            out.extend(o for o in c.children if o.dep_ == "pobj")
        # "to Kuwait City on Tuesday and to Riyadh on Wednesday"
        for other in c.conjuncts:
            if other.lower_ in preps:
                out.extend(o for o in other.children if o.dep_ == "pobj")
    return list(dict.fromkeys(out))


def restricted_subtree(head: Token) -> Iterator[Token]:
    """The subtree of ``head`` without clauses hanging off it."""
    yield head
    for child in head.children:
        if child.dep_ in PLACE_STOP_DEPS:
            continue
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            continue
        if child.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in child.children):
            continue
        if child.i < head.i and child.dep_ in SUBJECTS:
            continue
        yield from restricted_subtree(child)


def places_in(heads: list[Token], analysis: Analysis) -> list[tuple[str, Token]]:
    """Place names (entities, or bare proper nouns in a place slot) under these heads."""
    found: list[tuple[str, Token]] = []
    seen: set[str] = set()
    doc = analysis.doc
    for head in heads:
        tokens = sorted(set(restricted_subtree(head)), key=lambda t: t.i)
        for tok in tokens:
            name: str | None = None
            anchor = tok
            base = tok
            while base.dep_ in ("det", "compound", "amod") and base.head.i != base.i:
                base = base.head  # "the Southern Province": from "the" to "Province"
            prep = base.head if base.dep_ == "pobj" else None
            if (
                prep is not None
                and prep.lower_ == "in"
                and (
                    (prep.head.i != head.i and analysis.is_place(prep.head))
                    or (
                        prep.i >= 2
                        and doc[prep.i - 1].text == ","
                        and analysis.is_place(doc[prep.i - 2])
                    )
                )
            ):
                continue  # "Huye, in the Southern Province": where Huye is, not a stop
            if (
                prep is not None
                and prep.lower_ in ("in", "over")
                and prep.i >= 1
                and doc[prep.i - 1].lemma_.lower() in SITUATION_NOUNS
            ):
                continue  # "an agreement on a truce in Karabakh": what it is about
            if prep is not None and prep.lower_ == "of" and prep.head.lower_ == "charge":
                continue  # "Minister in charge of Economic Revitalization": an office
            if (
                prep is not None
                and prep.lower_ in ("near", "outside")
                and analysis.is_place(prep.head)
            ):
                continue  # "in Rawalpindi near Islamabad": where Rawalpindi is, no stop
            if (
                tok.i >= 2
                and (doc[tok.i - 1].tag_ == "POS" or doc[tok.i - 1].text in ("'", "’", "'s", "’s"))
                and doc[tok.i - 2].text[:1].isupper()
                and not is_firm_place(doc[tok.i - 2].text)
                and not is_city(doc[tok.i - 2].text)
                and country_of_word(doc[tok.i - 2].text) is None
                and analysis.person_at(doc[tok.i - 2]) is None
            ):
                continue  # "Heroes' Acre", "People's Square": a landmark's name
            run = _hyphen_run(tok)
            if run is not None:
                # "Guinea-Bissau" is one country; "US-China talks" names no destination
                if run.start == tok.i and is_firm_place(run.text):
                    name = run.text
                    if name.lower() not in seen:
                        seen.add(name.lower())
                        found.append((name, anchor))
                continue
            if (capital := _capital_named(tok)) is not None:
                name = capital  # "in the Kenyan capital": Nairobi
            elif analysis.is_place(tok) and tok.ent_iob_ == "B":
                ent = analysis.entity_starting(tok)
                if ent is not None and not _modifies_other_noun(ent, analysis):
                    name = _place_name(ent)
            elif (
                tok.pos_ == "PROPN"
                and (
                    tok.ent_type_ in ("", "PERSON", "ORG")
                    # "travel to Mombasa" read as a people: a city, and no nationality
                    or (
                        tok.ent_type_ == "NORP"
                        and is_city(tok.text)
                        and country_of_word(tok.text) is None
                    )
                )
                and (tok.ent_type_ != "ORG" or tok.dep_ == "pobj")
                and tok.dep_ in ("pobj", "dobj", "conj")
                and not analysis.is_person_head(tok)
                and tok.text[:1].isupper()
                and tok.lower_ not in TITLE_HEADS  # "to visit the President of X"
                and tok.lower_ not in FACILITY_NOUNS  # "landed at the VIP Complex"
                and tok.lower_ not in TITLE_TAILS  # "the Agreement in the Cooperation"
                # "the Port of Antwerp", "the Palace of Westminster": the place is the one
                # after "of"
                and not any(
                    c.lower_ == "of" and any(analysis.is_place(o) for o in c.children)
                    for c in tok.children
                )
                # "visited the Alley of Martyrs": a name inside a landmark's is no place
                # ("the southern city of Nabatieh" still is)
                and not (
                    tok.dep_ == "pobj"
                    and tok.head.lower_ == "of"
                    and tok.head.head.text[:1].isupper()
                )
                and (tok.i == 0 or doc[tok.i - 1].pos_ != "PROPN")
                # "Yadgar-e-Shuhada": the tail of a hyphenated name is no place alone
                and not (
                    tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
                )
            ):
                name = tok.text
            elif (
                tok.dep_ == "compound"
                and tok.ent_type_ in ("", "PERSON")
                and tok.text[:1].isupper()
                and (tok.i == 0 or doc[tok.i - 1].pos_ != "PROPN")
            ):
                # "Bodh Gaya" in a list of stops: a name of two unknown words
                last = tok.head
                run = doc[tok.i : last.i + 1]
                if (
                    last.dep_ in ("pobj", "dobj", "conj")
                    and last.i - tok.i <= 2
                    and all(
                        t.pos_ == "PROPN"
                        and t.ent_type_ == tok.ent_type_
                        and t.text[:1].isupper()
                        and analysis.person_at(t) is None
                        for t in run
                    )
                    and not any(analysis.is_person_head(t) for t in run)
                    and not any(t.lower_ in TITLE_HEADS | TITLE_MODIFIERS for t in run)
                    and not (last.dep_ == "pobj" and last.head.head.lower_ in TITLE_HEADS)
                ):
                    name = run.text
            merged = tok.ent_type_ not in ("PERSON", "DATE") and not analysis.is_place(tok)
            # "Port Moresby" tagged as a place "Port" before a noun "Moresby": the
            # gazetteer knows the whole run
            cut = analysis.is_place(tok) and tok.ent_iob_ == "B" and tok.dep_ == "compound"
            if name is None and (merged or cut):
                name = _gazetteer_run(tok)  # "Vanuatu, Papua New Guinea" read as one body
                ent = analysis.entity_starting(tok)
                if cut and name and ent is not None and len(name.split()) <= len(ent):
                    name = None  # "the Manama Dialogue": the place only names the event
            if name:
                joined = _joined_country(name, tok, analysis)
                if joined:  # "Trinidad and Tobago" is one country, not two places
                    seen.add(joined[1].lower())
                    name = joined[0]
            if name and name.lower().removeprefix("the ") in GENERIC_PLACE_NOUNS:
                name = None  # "his visit to the Kingdom": which kingdom, the reader must know
            if name and name.lower() not in seen:
                seen.add(name.lower())
                found.append((name, anchor))
    return found


def _capital_named(tok: Token) -> str | None:
    """The city "the Kenyan capital" or "the Austrian capital" names, when the text does
    not name it beside ("the Kenyan capital, Nairobi" names it itself), or None."""
    if tok.lower_ != "capital" or tok.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    if any(c.dep_ == "appos" for c in tok.children) or (
        tok.i + 1 < len(tok.doc) and (tok.doc[tok.i + 1].pos_ == "PROPN")
    ):
        return None
    countries = {
        country
        for c in tok.children
        if c.dep_ in ("amod", "compound") and (country := country_of_word(c.text))
    }
    return capital_of(countries.pop()) if len(countries) == 1 else None


def _hyphen_run(tok: Token) -> Span | None:
    """The capitalised words joined by hyphens without spaces around ``tok`` ("Guinea-Bissau",
    "US-China"), or None when ``tok`` is not in such a run."""
    doc = tok.doc
    if not tok.text[:1].isupper():
        return None
    start = end = tok.i
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
        and doc[start - 2].text[:1].isupper()
    ):
        start -= 2
    while (
        end + 2 < len(doc)
        and doc[end + 1].text == "-"
        and not doc[end].whitespace_
        and not doc[end + 1].whitespace_
        and doc[end + 2].text[:1].isupper()
    ):
        end += 2
    return doc[start : end + 1] if end > start else None


def _gazetteer_run(tok: Token) -> str | None:
    """A country or capital written at ``tok`` that the model merged into a longer entity
    (a list of names read as one organisation): the longest run of proper nouns from
    ``tok`` that the gazetteer knows, or None."""
    doc = tok.doc
    if tok.pos_ != "PROPN" or (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN"):
        return None
    end = tok.i
    while end + 1 < len(doc) and end - tok.i < 3 and doc[end + 1].pos_ == "PROPN":
        end += 1
    for last in range(end, tok.i - 1, -1):
        text = doc[tok.i : last + 1].text
        if is_firm_place(text):
            return text
    return None


def _joined_country(name: str, tok: Token, analysis: Analysis) -> tuple[str, str] | None:
    """ "Trinidad" followed by "and Tobago": the country's whole name and its second part."""
    doc = analysis.doc
    ent = analysis.entity_starting(tok)
    end = ent.end if ent is not None else tok.i + 1
    if end + 1 >= len(doc) or doc[end].lower_ != "and":
        return None
    second = analysis.entity_starting(doc[end + 1])
    tail = second.text if second is not None else doc[end + 1].text
    whole = f"{name} and {tail}"
    return (whole, tail) if is_country(whole) else None


def _modifies_other_noun(ent: Span, analysis: Analysis) -> bool:
    """ "Middle East" in "top Middle East adviser" names no destination."""
    root = ent.root
    if root.dep_ not in ("compound", "amod", "nmod", "poss"):
        return False
    head = root.head
    return (
        head.pos_ in ("NOUN", "PROPN")
        and not analysis.is_place(head)
        and head.lower_
        not in (
            "city",
            "capital",
            "town",
            "region",
            "province",
            "port",
            "village",
            "state",
        )
    )


def _place_name(ent: Span) -> str:
    """An entity as a place name: "the West Bank", "Qatar" (no possessive)."""
    tokens = list(ent)
    while tokens and tokens[-1].tag_ == "POS":
        tokens.pop()
    text = "".join(t.text_with_ws for t in tokens).strip()
    if (
        ent.start > 0
        and ent.doc[ent.start - 1].lower_ == "the"
        and not text.lower().startswith("the ")
        and ent.root.dep_ not in ("compound", "amod", "nmod")
    ):
        text = "the " + text  # "the West Bank", "the US", as the article writes it
    return text


def cue_for(analysis: Analysis, tokens: list[Token] | Span) -> Cue:
    """The article's own words for these tokens."""
    toks = list(tokens)
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1].text)
    return Cue(analysis.original(start, end), start, end)


def possessor(noun: Token) -> Token | None:
    """The possessor of a noun: "Blinken's" in "Blinken's fifth trip"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    return None
