"""The ways news English says that people met, travelled or brokered a deal: one row per
wording.

Every row names the word that carries the fact, the prepositions that introduce the
other side or the place (``""`` is a direct object), the example sentence it was made
for and the fact that example must give. The extractors compile the rows into the
look-up tables they use (:data:`MEETING_VERBS`, :data:`TRAVEL_VERBS`, ...), and
``tests/bank/test_wordings.py`` runs every example through the whole pipeline and
checks its fact. Adding a wording is one row here, with its example.

The examples are written for this project; they name invented people.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Wording:
    """One way of stating a fact, with the example it was made for."""

    name: str
    fact: str
    """The fact type the wording gives: ``meeting``, ``visit`` or ``mediation``."""
    word: str
    """The lemma of the word that carries it."""
    preps: tuple[str, ...]
    """Prepositions that introduce the other side or the place; ``""`` a direct object."""
    example: str
    expect: dict[str, Any] = field(default_factory=dict)
    """Fields the example's fact must have (people in full, places as written)."""
    host: bool = False
    """For meetings: the object is a guest ("hosted X") and one subject alone suffices."""
    reading: str = ""
    """For roles: the reading of ``reading/titles.py`` that finds it (``appointment``,
    ``serving``, ``copula``, ``heading``; ``name`` for a title written next to a name,
    which no word carries)."""
    title: str = ""
    """For ``heading`` roles: the title the verb gives ("leads X": leader of X)."""


def _meet(name: str, word: str, preps: tuple[str, ...], example: str, *people: str) -> Wording:
    return Wording(name, "meeting", word, preps, example, {"participants": list(people)})


def _host(name: str, word: str, example: str, *people: str) -> Wording:
    return Wording(name, "meeting", word, ("",), example, {"participants": list(people)}, True)


def _travel(name: str, word: str, preps: tuple[str, ...], example: str, *where: str) -> Wording:
    return Wording(name, "visit", word, preps, example, {"places": list(where)})


MEETING_WORDINGS: tuple[Wording, ...] = (
    _meet(
        "opened X with (a joint act)",
        "open",
        ("with",),
        "In Suva, Prime Minister Ana Tuilagi opened the new embassy on Tuesday with Prime "
        "Minister Jone Rabuka.",
        "Ana Tuilagi",
        "Jone Rabuka",
    ),
    _meet(
        "inaugurated X with (a joint act)",
        "inaugurate",
        ("with",),
        "President Omar Said inaugurated the new bridge with President Ana Costa on Friday.",
        "Omar Said",
        "Ana Costa",
    ),
    _meet(
        "met",
        "meet",
        ("",),
        "Foreign Minister Anna Lindqvist met Prime Minister Jonas Berg in Oslo on Monday.",
        "Anna Lindqvist",
        "Jonas Berg",
    ),
    _meet(
        "met with",
        "meet",
        ("with",),
        "Secretary of State Paul Hardy met with President Elena Ruiz in Lima on Tuesday.",
        "Paul Hardy",
        "Elena Ruiz",
    ),
    _meet(
        "conferred with",
        "confer",
        ("with",),
        "Chancellor Greta Holm conferred with President Ivo Baric in Zagreb.",
        "Greta Holm",
        "Ivo Baric",
    ),
    _meet(
        "talked with",
        "talk",
        ("with", "to"),
        "Prime Minister Tomas Varga talked with King Harald Moen at the palace on Friday.",
        "Tomas Varga",
        "Harald Moen",
    ),
    _meet(
        "spoke with",
        "speak",
        ("with", "to"),
        "President Elena Ruiz spoke with Chancellor Greta Holm at the summit on Sunday.",
        "Elena Ruiz",
        "Greta Holm",
    ),
    _meet(
        "speaking alongside",
        "speak",
        ("alongside",),
        "Speaking alongside President Elena Ruiz in Lima, Chancellor Greta Holm said the "
        "deal was fair.",
        "Greta Holm",
        "Elena Ruiz",
    ),
    _meet(
        "stood alongside",
        "stand",
        ("alongside",),
        "Prime Minister Jonas Berg stood alongside President Ivo Baric at the news conference.",
        "Jonas Berg",
        "Ivo Baric",
    ),
    # a person, not a place, as what is visited: the visit is a meeting (a place as the
    # object is read by the journey wordings below, and gives no meeting)
    _meet(
        "visited [a person]",
        "visit",
        ("",),
        "President Kofi Mensah had visited President Lucas Brenner in Abuja last month.",
        "Kofi Mensah",
        "Lucas Brenner",
    ),
    _meet(
        "sat down with",
        "sit",
        ("with",),
        "Envoy Laura Brandt sat down with Foreign Minister Omar Haddad in Amman.",
        "Laura Brandt",
        "Omar Haddad",
    ),
    _host(
        "hosted",
        "host",
        "President Ivo Baric hosted Prime Minister Tomas Varga in Zagreb on Monday.",
        "Ivo Baric",
        "Tomas Varga",
    ),
    _host(
        "received",
        "receive",
        "King Harald Moen received Foreign Minister Anna Lindqvist at the palace on Tuesday.",
        "Harald Moen",
        "Anna Lindqvist",
    ),
    _host(
        "welcomed",
        "welcome",
        "Mayor Rosa Ferreira welcomed President Elena Ruiz to the city hall on Friday.",
        "Rosa Ferreira",
        "Elena Ruiz",
    ),
    _host(
        "greeted",
        "greet",
        "Foreign Minister Omar Haddad greeted Envoy Laura Brandt at the airport.",
        "Omar Haddad",
        "Laura Brandt",
    ),
    _meet(
        "saw",
        "see",
        ("",),
        "On Wednesday Prime Minister Jonas Berg saw President Ivo Baric in Brussels.",
        "Jonas Berg",
        "Ivo Baric",
    ),
    _meet(
        "called on / upon",
        "call",
        ("on", "upon", ""),
        "Foreign Minister Anna Lindqvist called on President Elena Ruiz in Lima on Monday.",
        "Anna Lindqvist",
        "Elena Ruiz",
    ),
    _meet(
        "phoned",
        "phone",
        ("",),
        "Chancellor Greta Holm phoned Prime Minister Tomas Varga on Thursday.",
        "Greta Holm",
        "Tomas Varga",
    ),
    _meet(
        "telephoned",
        "telephone",
        ("",),
        "President Ivo Baric telephoned King Harald Moen on Thursday evening.",
        "Ivo Baric",
        "Harald Moen",
    ),
    _meet(
        "signed with",
        "sign",
        ("with",),
        "Prime Minister Jonas Berg signed a fisheries accord with President Elena Ruiz.",
        "Jonas Berg",
        "Elena Ruiz",
    ),
    _meet(
        "discussed with",
        "discuss",
        ("with",),
        "Foreign Minister Omar Haddad discussed regional security with Envoy Laura Brandt.",
        "Omar Haddad",
        "Laura Brandt",
    ),
    _meet(
        "huddled with",
        "huddle",
        ("with",),
        "Chancellor Greta Holm huddled with Prime Minister Tomas Varga before the vote.",
        "Greta Holm",
        "Tomas Varga",
    ),
    _meet(
        "negotiated with",
        "negotiate",
        ("with",),
        "Envoy Laura Brandt negotiated with Foreign Minister Omar Haddad for six hours.",
        "Laura Brandt",
        "Omar Haddad",
    ),
    _meet(
        "held talks (two subjects; the noun is in MEETING_NOUNS)",
        "hold",
        (),
        "Prime Minister Jonas Berg and President Ivo Baric held talks in Brussels.",
        "Jonas Berg",
        "Ivo Baric",
    ),
)

TRAVEL_WORDINGS: tuple[Wording, ...] = (
    _travel(
        "visited",
        "visit",
        ("", "in"),
        "Foreign Minister Anna Lindqvist visited Peru last week.",
        "Peru",
    ),
    _travel(
        "toured",
        "tour",
        ("", "in"),
        "President Elena Ruiz toured Chile and Bolivia in March.",
        "Chile",
        "Bolivia",
    ),
    _travel(
        "travelled to",
        "travel",
        ("to",),
        "Prime Minister Tomas Varga travelled to Vienna on Monday.",
        "Vienna",
    ),
    _travel(
        "went to",
        "go",
        ("to",),
        "Chancellor Greta Holm went to Warsaw for the summit.",
        "Warsaw",
    ),
    _travel(
        "headed to / for",
        "head",
        ("to", "for"),
        "Envoy Laura Brandt headed to Cairo after the talks.",
        "Cairo",
    ),
    _travel(
        "flew to / into",
        "fly",
        ("to", "into"),
        "President Ivo Baric flew to Lisbon on Tuesday.",
        "Lisbon",
    ),
    _travel(
        "arrived in / at",
        "arrive",
        ("in", "at"),
        "Foreign Minister Omar Haddad arrived in Rome on Wednesday.",
        "Rome",
    ),
    _travel(
        "arrived to (as translations write it)",
        "arrive",
        ("to",),
        "President Ivo Baric arrived at noon from Spain to the city of Berlin.",
        "Berlin",
    ),
    _travel(
        "landed in / at",
        "land",
        ("in", "at"),
        "Prime Minister Jonas Berg landed in Madrid late on Friday.",
        "Madrid",
    ),
    _travel(
        "departed for",
        "depart",
        ("for",),
        "King Harald Moen departed for Tokyo on Saturday.",
        "Tokyo",
    ),
    _travel(
        "left for",
        "leave",
        ("for",),
        "Chancellor Greta Holm left for Ottawa on Sunday morning.",
        "Ottawa",
    ),
    _travel(
        "came to",
        "come",
        ("to",),
        "President Elena Ruiz came to Quito for two days of talks.",
        "Quito",
    ),
    _travel(
        "jetted to / into",
        "jet",
        ("to", "into"),
        "Envoy Laura Brandt jetted into Doha on Thursday.",
        "Doha",
    ),
    _travel(
        "stopped in / at",
        "stop",
        ("in", "at"),
        "Prime Minister Tomas Varga stopped in Athens on his way home.",
        "Athens",
    ),
    _travel(
        "reached",
        "reach",
        ("",),
        "Foreign Minister Anna Lindqvist reached Nairobi on Monday evening.",
        "Nairobi",
    ),
    _travel(
        "crossed into",
        "cross",
        ("into",),
        "President Ivo Baric crossed into Slovenia by car on Friday.",
        "Slovenia",
    ),
    _travel(
        "touched down in / at",
        "touch",
        ("in", "at"),
        "Prime Minister Jonas Berg touched down in Hanoi on Tuesday.",
        "Hanoi",
    ),
    _travel(
        "led to",
        "lead",
        ("to",),
        "Foreign Minister Omar Haddad led the delegation to Geneva on Monday.",
        "Geneva",
    ),
    _travel(
        "embarked on a tour of",
        "embark",
        (),
        "President Elena Ruiz embarked on a tour of Asia with a stop in Hanoi.",
        "Hanoi",
    ),
)


def _noun(name: str, verb: str, preps: tuple[str, ...], example: str, *people: str) -> Wording:
    return Wording(name, "meeting", verb, preps, example, {"participants": list(people)})


# Verbs that govern a meeting noun ("held talks with"), with the prepositions that
# introduce the other side when the parser hangs them on the verb or on the noun.
MEETING_NOUN_WORDINGS: tuple[Wording, ...] = (
    _noun(
        "exchanged greetings with",
        "exchange",
        ("with",),
        "Emperor Kenji later exchanged greetings with Prime Minister Rishi Patel at the palace.",
        "Kenji",
        "Rishi Patel",
    ),
    _noun(
        "held talks with",
        "hold",
        ("with",),
        "Foreign Minister Ana Rios held talks with President Elena Ruiz in Lima on Monday.",
        "Ana Rios",
        "Elena Ruiz",
    ),
    _noun(
        "scheduled meetings with (planned)",
        "schedule",
        ("with",),
        "Foreign Minister Jonas Berg has scheduled meetings with President Ivan Petrenko.",
        "Jonas Berg",
        "Ivan Petrenko",
    ),
    _noun(
        "predicted meetings with (planned)",
        "predict",
        ("with",),
        "Prime Minister Arben Hoxha predicted meetings with President Ilir Basha and Speaker "
        "Dea Ruci.",
        "Arben Hoxha",
        "Ilir Basha",
    ),
    _noun(
        "presided over talks (two subjects)",
        "preside",
        ("over",),
        "President Ali Kone and his host, President Rosa Ibarra, will preside over official "
        "talks on Friday.",
        "Ali Kone",
        "Rosa Ibarra",
    ),
    _noun(
        "took part in talks (two subjects)",
        "take",
        ("in",),
        "Chancellor Greta Holm and Prime Minister Tomas Varga took part in talks on trade.",
        "Greta Holm",
        "Tomas Varga",
    ),
    _noun(
        "had a meeting with",
        "have",
        ("with",),
        "Chancellor Greta Holm had a long meeting with Prime Minister Tomas Varga.",
        "Greta Holm",
        "Tomas Varga",
    ),
    _noun(
        "conducted negotiations with",
        "conduct",
        ("with",),
        "Envoy Laura Brandt conducted negotiations with Foreign Minister Omar Haddad.",
        "Laura Brandt",
        "Omar Haddad",
    ),
    _noun(
        "began talks with",
        "begin",
        ("with",),
        "Prime Minister Jonas Berg began talks with President Ivo Baric on Tuesday.",
        "Jonas Berg",
        "Ivo Baric",
    ),
    _noun(
        "concluded talks with",
        "conclude",
        ("with",),
        "Prime Minister Jonas Berg has concluded official talks with his Ruritanian "
        "counterpart, Sir Ivo Baric in Zagreb yesterday.",
        "Jonas Berg",
        "Ivo Baric",
    ),
    _noun(
        "resumed talks with",
        "resume",
        ("with",),
        "Envoy Laura Brandt resumed negotiations with Foreign Minister Omar Haddad on Friday.",
        "Laura Brandt",
        "Omar Haddad",
    ),
    _noun(
        "continued talks with",
        "continue",
        ("with",),
        "President Elena Ruiz continued her discussions with King Harald Moen at the palace.",
        "Elena Ruiz",
        "Harald Moen",
    ),
    _noun(
        "opened talks with",
        "open",
        ("with",),
        "President Elena Ruiz opened talks with King Harald Moen at the palace.",
        "Elena Ruiz",
        "Harald Moen",
    ),
    _noun(
        "started discussions with",
        "start",
        ("with",),
        "Foreign Minister Omar Haddad started discussions with Chancellor Greta Holm.",
        "Omar Haddad",
        "Greta Holm",
    ),
    _noun(
        "hosted a dinner for",
        "host",
        ("with", "for"),
        "King Harald Moen hosted a dinner for President Ivo Baric on Friday.",
        "Harald Moen",
        "Ivo Baric",
    ),
    _noun(
        "chaired a meeting with",
        "chair",
        ("with",),
        "President Ivo Baric chaired a meeting with Prime Minister Jonas Berg in Zagreb.",
        "Ivo Baric",
        "Jonas Berg",
    ),
    _noun(
        "paid a courtesy call on",
        "pay",
        ("on", "upon"),
        "Foreign Minister Ana Rios paid a courtesy call on President Elena Ruiz in Lima.",
        "Ana Rios",
        "Elena Ruiz",
    ),
    _noun(
        "made a courtesy call on",
        "make",
        ("on", "upon", "to"),
        "Foreign Minister Ana Rios made a courtesy call on President Elena Ruiz in Lima.",
        "Ana Rios",
        "Elena Ruiz",
    ),
    _noun(
        "paid a courtesy call to",
        "pay",
        ("to",),
        "Prime Minister Tomas Varga will pay a courtesy call to President Elena Ruiz at the "
        "palace on Monday.",
        "Tomas Varga",
        "Elena Ruiz",
    ),
    _noun(
        "accorded a warm welcome to",
        "accord",
        ("to",),
        "Deputy Minister Tomas Perera accorded a warm welcome to Foreign Minister Ana Rios.",
        "Tomas Perera",
        "Ana Rios",
    ),
    _noun(
        "extended a welcome to",
        "extend",
        ("to",),
        "Mayor Rosa Ferreira extended a warm welcome to President Elena Ruiz at city hall.",
        "Rosa Ferreira",
        "Elena Ruiz",
    ),
    _noun(
        "held a bilateral briefing with",
        "hold",
        ("with",),
        "Secretary of State Paul Hardy held a bilateral briefing with Foreign Minister Omar "
        "Haddad in Amman.",
        "Paul Hardy",
        "Omar Haddad",
    ),
    _noun(
        "granted an audience to",
        "grant",
        ("to",),
        "King Harald Moen granted an audience to Envoy Laura Brandt on Tuesday.",
        "Harald Moen",
        "Laura Brandt",
    ),
    _noun(
        "received a courtesy call from",
        "receive",
        ("from",),
        "Prime Minister Jonas Berg received a courtesy call from Envoy Laura Brandt today.",
        "Jonas Berg",
        "Laura Brandt",
    ),
    _noun(
        "receive an audience with",
        "receive",
        ("with",),
        "Envoy Laura Brandt will receive an audience with King Harald Moen on Tuesday.",
        "Laura Brandt",
        "Harald Moen",
    ),
)


# Verbs that carry a trip noun whose destination the parser may hang on the verb:
# "made his first visit as prime minister to Indonesia".
TRIP_NOUN_WORDINGS: tuple[Wording, ...] = (
    _travel(
        "made a visit ... to",
        "make",
        ("to",),
        "Prime Minister Tomas Varga made a brief visit on Monday to Estonia.",
        "Estonia",
    ),
    _travel(
        "paid a visit ... to",
        "pay",
        ("to",),
        "President Elena Ruiz paid a state visit on Friday to Latvia.",
        "Latvia",
    ),
    _travel(
        "began a visit to",
        "begin",
        ("to",),
        "Prime Minister Tomas Varga began a four-day official visit to Estonia on Sunday.",
        "Estonia",
    ),
    _travel(
        "was set to start a visit to",
        "start",
        ("to",),
        "President Elena Ruiz was on Tuesday set to start a two-day visit to Latvia.",
        "Latvia",
    ),
    _travel(
        "undertook a tour ... to",
        "undertake",
        ("to",),
        "President Elena Ruiz undertook a week-long tour as president to Kenya in May.",
        "Kenya",
    ),
)


# Frames the extractors recognise by their structure rather than by a table word; their
# examples are run like every other row, but they add nothing to the tables.
FRAME_WORDINGS: tuple[Wording, ...] = (
    _travel(
        "a visit as prime minister to",
        "visit",
        (),
        "Chancellor Greta Holm paid a two-day state visit as chancellor to Latvia last week.",
        "Latvia",
    ),
    _noun(
        "ahead of meetings with (planned)",
        "arrive",
        (),
        "Chancellor Greta Holm arrived in Cairo on Monday ahead of meetings with President "
        "Omar Haddad.",
        "Greta Holm",
        "Omar Haddad",
    ),
    _noun(
        "a visit hosted by",
        "host",
        (),
        "Foreign Minister Ana Rios made a two-day visit to Peru hosted by President Elena Ruiz.",
        "Ana Rios",
        "Elena Ruiz",
    ),
    _noun(
        "held a joint press conference (two subjects)",
        "conference",
        (),
        "Prime Minister Jonas Berg and his counterpart, President Ali Kone, conducted a joint "
        "press conference on Monday.",
        "Jonas Berg",
        "Ali Kone",
    ),
    _noun(
        "did something in the presence of X",
        "presence",
        (),
        "Prime Minister Jonas Berg made the announcement in Oslo in the presence of President "
        "Ali Kone.",
        "Jonas Berg",
        "Ali Kone",
    ),
    _noun(
        "attended a ceremony hosted by",
        "attend",
        (),
        "Foreign Minister Ana Rios attended an official welcome ceremony hosted by President "
        "Elena Ruiz in Lima.",
        "Ana Rios",
        "Elena Ruiz",
    ),
    Wording(
        "the visit of X to Y",
        "visit",
        "visit",
        ("of", "to"),
        "The two sides signed four agreements during the visit of Chilean President Ana Rojas "
        "to Lima on Monday.",
        {"traveler": "Ana Rojas", "places": ["Lima"]},
    ),
    Wording(
        "the visit to Y by X",
        "visit",
        "visit",
        ("to", "by"),
        "Officials met to discuss preparations for the official visit to Peru by Norwegian "
        "Prime Minister Erik Lunde on 20 March.",
        {"traveler": "Erik Lunde", "places": ["Peru"]},
    ),
    Wording(
        "met a guest from abroad in Y (the guest visits)",
        "visit",
        "meet",
        ("with", "in"),
        "Norwegian Prime Minister Erik Lunde met with the new Croatian Foreign Minister Lea "
        "Novak on Friday in Oslo.",
        {"traveler": "Lea Novak", "places": ["Oslo"]},
    ),
    _meet(
        "met by a group of officials including X (passive)",
        "meet",
        ("by",),
        "Croatian President Lea Novak was met at the airport on Monday by a group of ministers "
        "including Trade Minister Erik Lunde.",
        "Lea Novak",
        "Erik Lunde",
    ),
    _meet(
        "the members of a group: met officials, including X",
        "meet",
        ("with", ""),
        "Foreign Minister Anna Lindqvist will meet senior officials in Lima, including "
        "President Elena Ruiz.",
        "Anna Lindqvist",
        "Elena Ruiz",
    ),
)


def _mediate(name: str, word: str, example: str, mediator: str, agreement: str) -> Wording:
    expect = {"mediator": mediator, "agreement": agreement}
    return Wording(name, "mediation", word, (), example, expect)


MEDIATION_WORDINGS: tuple[Wording, ...] = (
    _mediate(
        "X brokered the deal",
        "broker",
        "Norway brokered the deal between the two rebel groups in May, officials said.",
        "Norway",
        "the deal",
    ),
    _mediate(
        "X helped broker the deal",
        "broker",
        "Oman helped broker the deal, as the two countries do not maintain diplomatic relations.",
        "Oman",
        "the deal",
    ),
    _mediate(
        "the deal, brokered by X",
        "broker",
        "The prisoner swap, brokered by Oman, took place at the airport on Monday.",
        "Oman",
        "the prisoner swap",
    ),
    _mediate(
        "talks mediated by X",
        "mediate",
        "The talks were mediated by Switzerland and lasted three days, the ministry said.",
        "Switzerland",
        "the talks",
    ),
    _mediate(
        "X mediated the talks",
        "mediate",
        "Former President Rosa Lindgren mediated the talks between the two parties in Oslo.",
        "Rosa Lindgren",
        "the talks",
    ),
    _mediate(
        "an X-brokered truce",
        "broker",
        "A Kenya-brokered truce between the two factions held through the weekend, the army said.",
        "Kenya",
        "truce",
    ),
    _mediate(
        "with the mediation of X",
        "mediation",
        "The two sides signed the accord on Friday with the mediation of Norway, the "
        "statement said.",
        "Norway",
        "the accord",
    ),
    _mediate(
        "a proposal mediated through X",
        "mediate",
        "The minister said there was real hope for a strong proposal mediated through "
        "Oman, officials said on Monday.",
        "Oman",
        "the proposal",
    ),
    _mediate(
        "mediation efforts by X",
        "mediation",
        "The leaders met in Accra following mediation efforts by the African Union, the "
        "statement said.",
        "African Union",
        "the talks",
    ),
    _mediate(
        "X acted as an intermediary",
        "intermediary",
        "The prisoner swap took place on Friday after Qatar acted as an intermediary, "
        "officials said.",
        "Qatar",
        "the prisoner swap",
    ),
    _mediate(
        "X served as mediator",
        "mediator",
        "Norway served as mediator in the talks between the government and the rebels.",
        "Norway",
        "the talks",
    ),
    _mediate(
        "mediators X and Y",
        "mediator",
        "The ceasefire was announced on Monday by mediators Egypt and Ghana after long talks.",
        "Egypt",
        "the ceasefire",
    ),
)


def _role(
    name: str, reading: str, word: str, example: str, person: str, title: str, gives: str = ""
) -> Wording:
    preps = ("as",) if reading in ("appointment", "serving") else ()
    expect = {"person": person, "title": title}
    return Wording(name, "role", word, preps, example, expect, reading=reading, title=gives)


# Who holds which title. The ``name`` rows are the shapes of a title written next to a
# name (no word carries them); the others are the verbs that state one.
ROLE_WORDINGS: tuple[Wording, ...] = (
    _role(
        "title before the name",
        "name",
        "",
        "Foreign Minister Anna Lindqvist arrived in Oslo on Monday for talks.",
        "Anna Lindqvist",
        "Foreign Minister",
    ),
    _role(
        "title, then the name in commas",
        "name",
        "",
        "Ruritania's defence minister, Omar Haddad, said the talks were useful.",
        "Omar Haddad",
        "defence minister",
    ),
    _role(
        "name, then the title in commas",
        "name",
        "",
        "Jonas Berg, the leader of the Green Party, said the vote was fair.",
        "Jonas Berg",
        "leader of the Green Party",
    ),
    _role(
        "X as title, in a list of appointments",
        "name",
        "",
        "The minister announced Paul Rata as High Commissioner to India, Mark Tain as "
        "Ambassador to Russia and David Pino as High Commissioner to Sri Lanka.",
        "Mark Tain",
        "Ambassador to Russia",
    ),
    _role(
        "plural title before a list of names",
        "name",
        "",
        "Among those taking part are Deputy Foreign Ministers Alexandra Papas and Kostas "
        "Frangos, the ministry said.",
        "Kostas Frangos",
        "Deputy Foreign Minister",
    ),
    _role(
        "X is the title",
        "copula",
        "be",
        "Greta Holm is the foreign minister of Ruritania and has held the post since May.",
        "Greta Holm",
        "foreign minister of Ruritania",
    ),
    _role(
        "X became title",
        "copula",
        "become",
        "Ivo Baric became prime minister in March after the election.",
        "Ivo Baric",
        "prime minister",
    ),
    _role(
        "X was appointed title",
        "appointment",
        "appoint",
        "Laura Brandt was appointed finance minister on Tuesday.",
        "Laura Brandt",
        "finance minister",
    ),
    _role(
        "they appointed X title",
        "appointment",
        "appoint",
        "Parliament appointed Laura Brandt finance minister on Tuesday.",
        "Laura Brandt",
        "finance minister",
    ),
    _role(
        "named X as title",
        "appointment",
        "name",
        "The president named Paul Hardy as special envoy to the region.",
        "Paul Hardy",
        "special envoy",
    ),
    _role(
        "they elected X title",
        "appointment",
        "elect",
        "Parliament elected Laura Brandt speaker on Tuesday.",
        "Laura Brandt",
        "speaker",
    ),
    _role(
        "X was elected title",
        "appointment",
        "elect",
        "Paul Hardy was elected mayor of Lima in a close vote.",
        "Paul Hardy",
        "mayor of Lima",
    ),
    _role(
        "X was nominated as title",
        "appointment",
        "nominate",
        "Rosa Ferreira was nominated as ambassador to Chile last week.",
        "Rosa Ferreira",
        "ambassador",
    ),
    _role(
        "X was installed as title",
        "appointment",
        "instal",
        "Jonas Berg was installed as archbishop at a service on Sunday.",
        "Jonas Berg",
        "archbishop",
    ),
    _role(
        "X was sworn in as title",
        "appointment",
        "swear",
        "Tomas Varga was sworn in as president on Sunday.",
        "Tomas Varga",
        "president",
    ),
    _role(
        "X, who serves as title",
        "serving",
        "serve",
        "Elena Ruiz, who serves as chief of staff, joined the talks.",
        "Elena Ruiz",
        "chief of staff",
    ),
    _role(
        "X acts as title",
        "serving",
        "act",
        "Omar Haddad, who acts as spokesman for the rebels, denied the report.",
        "Omar Haddad",
        "spokesman",
    ),
    _role(
        "X will continue as title",
        "serving",
        "continue",
        "The club confirmed Ruud van Dalen will continue as interim manager.",
        "Ruud van Dalen",
        "interim manager",
    ),
    _role(
        "X remains as title",
        "serving",
        "remain",
        "Greta Holm remains as acting chairwoman until the vote.",
        "Greta Holm",
        "acting chairwoman",
    ),
    _role(
        "X stays on as title",
        "serving",
        "stay",
        "Omar Haddad will stay on as defence minister in the new cabinet.",
        "Omar Haddad",
        "defence minister",
    ),
    _role(
        "X, who heads the organisation",
        "heading",
        "head",
        "Ruud Moen, who heads the country's central bank, said rates would stay.",
        "Ruud Moen",
        "head of the country's central bank",
        "head",
    ),
    _role(
        "X, who runs the organisation",
        "heading",
        "run",
        "Kari Nord, who runs the state oil company, said output would rise.",
        "Kari Nord",
        "head of the state oil company",
        "head",
    ),
    _role(
        "X, who leads the party",
        "heading",
        "lead",
        "Sara Lind, who leads the opposition Labour Party, said the vote was fair.",
        "Sara Lind",
        "leader of the opposition Labour Party",
        "leader",
    ),
    _role(
        "X, who chairs the committee",
        "heading",
        "chair",
        "Kari Nord, who chairs the senate's foreign affairs committee, said the vote was fair.",
        "Kari Nord",
        "chair of the senate's foreign affairs committee",
        "chair",
    ),
    _role(
        "X, who commands the army",
        "heading",
        "command",
        "General Omar Haddad, who commands the national army, said the truce held.",
        "Omar Haddad",
        "commander of the national army",
        "commander",
    ),
)


WORDINGS: tuple[Wording, ...] = (
    MEETING_WORDINGS
    + MEETING_NOUN_WORDINGS
    + TRAVEL_WORDINGS
    + TRIP_NOUN_WORDINGS
    + FRAME_WORDINGS
    + MEDIATION_WORDINGS
    + ROLE_WORDINGS
)
"""Every wording, for the tests that run their examples."""


def _table(rows: Iterable[Wording]) -> dict[str, tuple[str, ...]]:
    """word -> the prepositions of all its rows, in order, without repeats."""
    table: dict[str, tuple[str, ...]] = {}
    for row in rows:
        table[row.word] = tuple(dict.fromkeys((*table.get(row.word, ()), *row.preps)))
    return table


MEETING_VERBS: dict[str, tuple[str, ...]] = _table(MEETING_WORDINGS)
"""Verbs that make a meeting, with the prepositions that introduce the other side."""

HOST_VERBS: frozenset[str] = frozenset(w.word for w in MEETING_WORDINGS if w.host)
"""Meeting verbs whose object is the guest: one subject alone makes the meeting."""

MEETING_NOUN_VERBS: dict[str, tuple[str, ...]] = _table(MEETING_NOUN_WORDINGS)
"""Verbs that make a meeting of the meeting noun they govern ("held talks with")."""

TRAVEL_VERBS: dict[str, tuple[str, ...]] = _table(TRAVEL_WORDINGS)
"""Verbs whose subject travels to the place their prepositions introduce."""

TRIP_NOUN_VERBS: dict[str, tuple[str, ...]] = _table(TRIP_NOUN_WORDINGS)
"""Verbs that carry a trip noun, with the prepositions of its destination."""

MEDIATION_WORDS: frozenset[str] = frozenset(w.word for w in MEDIATION_WORDINGS)
"""Words that make a mediation: "brokered", "mediated", "the mediation of", "mediators"."""

APPOINTMENT_VERBS: frozenset[str] = frozenset(
    w.word for w in ROLE_WORDINGS if w.reading == "appointment"
)
"""Verbs that give their object or passive subject a title: "was appointed finance minister"."""

SERVING_VERBS: frozenset[str] = frozenset(w.word for w in ROLE_WORDINGS if w.reading == "serving")
"""Verbs whose "as" phrase is a title the subject holds: "serves as chief of staff"."""

COPULAS: frozenset[str] = frozenset(w.word for w in ROLE_WORDINGS if w.reading == "copula")
"""Copulas that state a title: "X is the foreign minister", "X became president"."""

HEADING_TITLES: dict[str, str] = {w.word: w.title for w in ROLE_WORDINGS if w.reading == "heading"}
"""Verbs of a relative clause that give a title over their object: "who leads X"."""
