"""The wordings of questions, as data: one template per fact type, kind and tense.

Each template is a format string over named slots, written next to an example of its
slots and the prompt that comes out, so a test renders every template on its example.
A slot that may be empty carries its own leading space (" to the region", " on 6 May
2024"), so an empty one leaves no gap.

Kinds of wording:

- ``question``: a direct question, for short answer and multiple choice;
- ``choice``: a question over the shown choices ("which of these ..."), for multiple choice;
- ``statement``: a statement for true/false (the prompt adds "True or false? ");
- ``cloze``: a sentence of the article with a blank.

Tenses: ``done`` (it happened), ``planned`` (announced), ``cancelled`` (planned, then
called off), ``any`` (the wording does not depend on it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

A = "According to the report of 6 May 2024 on Kamikawa Yoko's visit to Nepal"
"""The anchor the examples use."""


@dataclass(frozen=True)
class Template:
    """One wording: its key, its format string, an example of its slots and the result."""

    fact: str
    kind: str
    tense: str
    name: str
    text: str
    example: dict[str, str] = field(hash=False)
    rendered: str
    confidence: float = 0.9
    """How far a teacher can trust this wording as it is (before the checks behind it)."""

    @property
    def key(self) -> str:
        """ "visit.question.done.which"."""
        return f"{self.fact}.{self.kind}.{self.tense}.{self.name}"

    def render(self, **slots: str) -> str:
        """The template filled with the slots, spaces and punctuation tidied."""
        return tidy(self.text.format_map(slots))


def tidy(text: str) -> str:
    """Single spaces, no space before punctuation."""
    text = " ".join(text.split())
    return re.sub(r"\s+([,.?!;:])", r"\1", text)


T = Template
TEMPLATES: tuple[Template, ...] = (
    # ---- trip: "his fifth trip to the region since October 7" ----------------------
    T(
        "trip",
        "question",
        "done",
        "which",
        "{anchor}, fill in the blank: the {noun} was {traveler_poss} _____ {noun}{to}{since}.",
        {
            "anchor": A,
            "noun": "visit",
            "to": " to Nepal",
            "since": "",
            "traveler_poss": "Kamikawa Yoko's",
        },
        f"{A}, fill in the blank: the visit was Kamikawa Yoko's _____ visit to Nepal.",
        0.9,
    ),
    T(
        "trip",
        "question",
        "planned",
        "which",
        "{anchor}, fill in the blank: the {noun} was to be {traveler_poss} _____ "
        "{noun}{to}{since}.",
        {
            "anchor": A,
            "noun": "trip",
            "to": " to the Middle East",
            "since": " since October 7",
            "traveler_poss": "Antony Blinken's",
        },
        f"{A}, fill in the blank: the trip was to be Antony Blinken's _____ trip to the Middle "
        "East since October 7.",
        0.85,
    ),
    T(
        "trip",
        "question",
        "cancelled",
        "which",
        "{anchor}, fill in the blank: the cancelled {noun} would have been {traveler_poss} _____ "
        "{noun}{to}{since}.",
        {
            "anchor": A,
            "noun": "trip",
            "to": " to Asia",
            "since": "",
            "traveler_poss": "Lea Novak's",
        },
        f"{A}, fill in the blank: the cancelled trip would have been Lea Novak's _____ trip to "
        "Asia.",
        0.8,
    ),
    T(
        "trip",
        "statement",
        "done",
        "ordinal",
        "{anchor}, the {noun} was {traveler_poss} {ordinal} {noun}{to}{since}.",
        {
            "anchor": A,
            "noun": "visit",
            "traveler_poss": "Kamikawa Yoko's",
            "ordinal": "first",
            "to": " to Nepal",
            "since": "",
        },
        f"{A}, the visit was Kamikawa Yoko's first visit to Nepal.",
        0.9,
    ),
    T(
        "trip",
        "statement",
        "planned",
        "ordinal",
        "{anchor}, the {noun} was to be {traveler_poss} {ordinal} {noun}{to}{since}.",
        {
            "anchor": A,
            "noun": "trip",
            "traveler_poss": "Antony Blinken's",
            "ordinal": "eighth",
            "to": " to the region",
            "since": " since October 7",
        },
        f"{A}, the trip was to be Antony Blinken's eighth trip to the region since October 7.",
        0.85,
    ),
    T(
        "trip",
        "statement",
        "cancelled",
        "ordinal",
        "{anchor}, the cancelled {noun} would have been {traveler_poss} {ordinal} {noun}{to}"
        "{since}.",
        {
            "anchor": A,
            "noun": "trip",
            "traveler_poss": "Lea Novak's",
            "ordinal": "third",
            "to": " to Asia",
            "since": "",
        },
        f"{A}, the cancelled trip would have been Lea Novak's third trip to Asia.",
        0.8,
    ),
    # ---- meeting: who met whom ------------------------------------------------------
    T(
        "meeting",
        "question",
        "done",
        "who",
        "{anchor}, who did {asker} meet{where}{when}?",
        {"anchor": A, "asker": "Kamikawa Yoko", "where": " in Kathmandu", "when": " on 5 May 2024"},
        f"{A}, who did Kamikawa Yoko meet in Kathmandu on 5 May 2024?",
        0.9,
    ),
    T(
        "meeting",
        "question",
        "planned",
        "who",
        "{anchor}, who was {asker} due to meet{where}{when}?",
        {"anchor": A, "asker": "Kamikawa Yoko", "where": "", "when": ""},
        f"{A}, who was Kamikawa Yoko due to meet?",
        0.85,
    ),
    T(
        "meeting",
        "question",
        "cancelled",
        "who",
        "{anchor}, who was {asker} due to meet{where}{when} before the meeting was called off?",
        {"anchor": A, "asker": "Lea Novak", "where": " in Oslo", "when": ""},
        f"{A}, who was Lea Novak due to meet in Oslo before the meeting was called off?",
        0.8,
    ),
    T(
        "meeting",
        "choice",
        "done",
        "which",
        "{anchor}, which of these people did {asker} meet{where}{when}?",
        {"anchor": A, "asker": "Kamikawa Yoko", "where": "", "when": " on 5 May 2024"},
        f"{A}, which of these people did Kamikawa Yoko meet on 5 May 2024?",
        0.9,
    ),
    T(
        "meeting",
        "choice",
        "planned",
        "which",
        "{anchor}, which of these people was {asker} due to meet{where}{when}?",
        {"anchor": A, "asker": "Kamikawa Yoko", "where": "", "when": ""},
        f"{A}, which of these people was Kamikawa Yoko due to meet?",
        0.85,
    ),
    T(
        "meeting",
        "choice",
        "cancelled",
        "which",
        "{anchor}, which of these people was {asker} due to meet{where}{when} before the "
        "meeting was called off?",
        {"anchor": A, "asker": "Lea Novak", "where": "", "when": ""},
        f"{A}, which of these people was Lea Novak due to meet before the meeting was called off?",
        0.8,
    ),
    T(
        "meeting",
        "statement",
        "done",
        "met",
        "{anchor}, {asker} met {other}{where}{when}.",
        {
            "anchor": A,
            "asker": "Kamikawa Yoko",
            "other": "Narayankaji Shrestha",
            "where": "",
            "when": " on 5 May 2024",
        },
        f"{A}, Kamikawa Yoko met Narayankaji Shrestha on 5 May 2024.",
        0.9,
    ),
    T(
        "meeting",
        "statement",
        "planned",
        "met",
        "{anchor}, {asker} was due to meet {other}{where}{when}.",
        {
            "anchor": A,
            "asker": "Kamikawa Yoko",
            "other": "Pushpa Kamal Dahal",
            "where": "",
            "when": "",
        },
        f"{A}, Kamikawa Yoko was due to meet Pushpa Kamal Dahal.",
        0.85,
    ),
    T(
        "meeting",
        "statement",
        "cancelled",
        "met",
        "{anchor}, {asker} was due to meet {other}{where}{when}, but the meeting was called off.",
        {"anchor": A, "asker": "Lea Novak", "other": "Omar Said", "where": " in Oslo", "when": ""},
        f"{A}, Lea Novak was due to meet Omar Said in Oslo, but the meeting was called off.",
        0.8,
    ),
    # ---- visit: who went where ------------------------------------------------------
    T(
        "visit",
        "question",
        "done",
        "which",
        "{anchor}, which {what} did {traveler} visit{when}?{name_one}",
        {
            "anchor": A,
            "what": "country",
            "traveler": "Kamikawa Yoko",
            "when": " on 5 May 2024",
            "name_one": "",
        },
        f"{A}, which country did Kamikawa Yoko visit on 5 May 2024?",
        0.9,
    ),
    T(
        "visit",
        "question",
        "planned",
        "which",
        "{anchor}, which {what} was {traveler} due to visit{when}?{name_one}",
        {
            "anchor": A,
            "what": "countries",
            "traveler": "Antony Blinken",
            "when": "",
            "name_one": " Name one.",
        },
        f"{A}, which countries was Antony Blinken due to visit? Name one.",
        0.85,
    ),
    # several right places: one is asked for ("which places was X due to visit? Name one."
    # read badly to teachers)
    T(
        "visit",
        "question",
        "done",
        "name_one",
        "{anchor}, name one of the {what} {traveler} visited{when}.",
        {"anchor": A, "what": "cities", "traveler": "Kamikawa Yoko", "when": " on 5 May 2024"},
        f"{A}, name one of the cities Kamikawa Yoko visited on 5 May 2024.",
        0.9,
    ),
    T(
        "visit",
        "question",
        "planned",
        "name_one",
        "{anchor}, name one of the {what} {traveler} was due to visit{when}.",
        {"anchor": A, "what": "countries", "traveler": "Antony Blinken", "when": ""},
        f"{A}, name one of the countries Antony Blinken was due to visit.",
        0.85,
    ),
    T(
        "visit",
        "question",
        "cancelled",
        "name_one",
        "{anchor}, name one of the {what} {traveler} had planned to visit{when} before the trip "
        "was called off.",
        {"anchor": A, "what": "cities", "traveler": "Lea Novak", "when": ""},
        f"{A}, name one of the cities Lea Novak had planned to visit before the trip was called "
        "off.",
        0.8,
    ),
    T(
        "visit",
        "question",
        "cancelled",
        "which",
        "{anchor}, which {what} had {traveler} planned to visit{when} before the trip was called "
        "off?{name_one}",
        {"anchor": A, "what": "city", "traveler": "Lea Novak", "when": "", "name_one": ""},
        f"{A}, which city had Lea Novak planned to visit before the trip was called off?",
        0.8,
    ),
    T(
        "visit",
        "choice",
        "done",
        "which",
        "{anchor}, which of these {whats} did {traveler} visit{when}?",
        {"anchor": A, "whats": "countries", "traveler": "Kamikawa Yoko", "when": ""},
        f"{A}, which of these countries did Kamikawa Yoko visit?",
        0.9,
    ),
    T(
        "visit",
        "choice",
        "planned",
        "which",
        "{anchor}, which of these {whats} was {traveler} due to visit{when}?",
        {"anchor": A, "whats": "cities", "traveler": "Antony Blinken", "when": ""},
        f"{A}, which of these cities was Antony Blinken due to visit?",
        0.85,
    ),
    T(
        "visit",
        "choice",
        "cancelled",
        "which",
        "{anchor}, which of these {whats} had {traveler} planned to visit{when} before the trip "
        "was called off?",
        {"anchor": A, "whats": "cities", "traveler": "Lea Novak", "when": ""},
        f"{A}, which of these cities had Lea Novak planned to visit before the trip was "
        "called off?",
        0.8,
    ),
    T(
        "visit",
        "statement",
        "done",
        "visited",
        "{anchor}, {traveler} visited {place}{when}.",
        {"anchor": A, "traveler": "Kamikawa Yoko", "place": "Nepal", "when": " on 5 May 2024"},
        f"{A}, Kamikawa Yoko visited Nepal on 5 May 2024.",
        0.9,
    ),
    T(
        "visit",
        "statement",
        "planned",
        "visited",
        "{anchor}, {traveler} was due to visit {place}{when}.",
        {"anchor": A, "traveler": "Antony Blinken", "place": "Qatar", "when": ""},
        f"{A}, Antony Blinken was due to visit Qatar.",
        0.85,
    ),
    T(
        "visit",
        "statement",
        "cancelled",
        "visited",
        "{anchor}, {traveler} had planned to visit {place}{when}, but the trip was called off.",
        {"anchor": A, "traveler": "Lea Novak", "place": "Oslo", "when": ""},
        f"{A}, Lea Novak had planned to visit Oslo, but the trip was called off.",
        0.8,
    ),
    # ---- role: who holds which title ------------------------------------------------
    T(
        "role",
        "question",
        "any",
        "who",
        "{anchor}, who was {the_title}?",
        {"anchor": A, "the_title": "Nepal's Foreign Secretary"},
        f"{A}, who was Nepal's Foreign Secretary?",
        0.85,
    ),
    T(
        "role",
        "question",
        "any",
        "position",
        "{anchor}, what position did {person} hold?",
        {"anchor": A, "person": "Sewa Lamsal"},
        f"{A}, what position did Sewa Lamsal hold?",
        0.85,
    ),
    T(
        "role",
        "choice",
        "any",
        "who",
        "{anchor}, which of these people was {the_title}?",
        {"anchor": A, "the_title": "Nepal's Foreign Secretary"},
        f"{A}, which of these people was Nepal's Foreign Secretary?",
        0.85,
    ),
    T(
        "role",
        "choice",
        "any",
        "position",
        "{anchor}, what position did {person} hold?",
        {"anchor": A, "person": "Sewa Lamsal"},
        f"{A}, what position did Sewa Lamsal hold?",
        0.85,
    ),
    T(
        "role",
        "statement",
        "any",
        "was",
        "{anchor}, {person} was {the_title}.",
        {"anchor": A, "person": "Sewa Lamsal", "the_title": "Nepal's Foreign Secretary"},
        f"{A}, Sewa Lamsal was Nepal's Foreign Secretary.",
        0.85,
    ),
    # ---- numbers: terms of an agreement, other figures ------------------------------
    T(
        "number",
        "question",
        "any",
        "ask",
        "{anchor}, {roughly}{ask}?",
        {"anchor": A, "roughly": "", "ask": "how many agreements did the two sides sign"},
        f"{A}, how many agreements did the two sides sign?",
        0.8,
    ),
    T(
        "number",
        "question",
        "any",
        "lasting",
        "{anchor}, how long was the {agreement} to last?",
        {"anchor": A, "agreement": "ceasefire"},
        f"{A}, how long was the ceasefire to last?",
        0.85,
    ),
    T(
        "number",
        "question",
        "any",
        "parts",
        "{anchor}, how many {units} did the {agreement} have?",
        {"anchor": A, "units": "phases", "agreement": "proposal"},
        f"{A}, how many phases did the proposal have?",
        0.85,
    ),
    T(
        "number",
        "choice",
        "any",
        "blank",
        "{anchor}: which figure fills the blank? “{quote}”",
        {
            "anchor": A,
            "quote": "The two-day visit was the first by a Japanese minister in _____ years.",
        },
        f"{A}: which figure fills the blank? “The two-day visit was the first by a Japanese "
        "minister in _____ years.”",
        0.9,
    ),
    T(
        "number",
        "statement",
        "any",
        "quote",
        "{anchor}: “{quote}”",
        {
            "anchor": A,
            "quote": "The two-day visit was the first by a Japanese minister in seven years.",
        },
        f"{A}: “The two-day visit was the first by a Japanese minister in seven years.”",
        0.85,
    ),
    # ---- deadline: the date by which an agreement has something done ----------------
    T(
        "deadline",
        "choice",
        "any",
        "blank",
        "{anchor}: which date fills the blank? “{quote}”",
        {
            "anchor": A,
            "quote": "Under the ceasefire, the army is to leave the district by _____.",
        },
        f"{A}: which date fills the blank? “Under the ceasefire, the army is to leave the "
        "district by _____.”",
        0.9,
    ),
    # ---- mediation: who brokered an agreement or talks ------------------------------
    T(
        "mediation",
        "question",
        "any",
        "who",
        "{anchor}, {which} mediated {agreement}?{name_one}",
        {"anchor": A, "which": "which country", "agreement": "the prisoner swap", "name_one": ""},
        f"{A}, which country mediated the prisoner swap?",
        0.85,
    ),
    T(
        "mediation",
        "choice",
        "any",
        "which",
        "{anchor}, which of these {whats} mediated {agreement}?",
        {"anchor": A, "whats": "countries", "agreement": "the prisoner swap"},
        f"{A}, which of these countries mediated the prisoner swap?",
        0.85,
    ),
    T(
        "mediation",
        "statement",
        "any",
        "mediated",
        "{anchor}, {mediator} mediated {agreement}.",
        {"anchor": A, "mediator": "Qatar", "agreement": "the prisoner swap"},
        f"{A}, Qatar mediated the prisoner swap.",
        0.85,
    ),
    # ---- signing: what an agreement signed covers -----------------------------------
    T(
        "signing",
        "choice",
        "done",
        "which",
        "{anchor}, on which of these subjects was an agreement signed?",
        {"anchor": A},
        f"{A}, on which of these subjects was an agreement signed?",
        0.85,
    ),
    T(
        "signing",
        "choice",
        "planned",
        "which",
        "{anchor}, on which of these subjects was an agreement to be signed?",
        {"anchor": A},
        f"{A}, on which of these subjects was an agreement to be signed?",
        0.85,
    ),
    T(
        "signing",
        "statement",
        "done",
        "signed",
        "{anchor}, an agreement on {topic} was signed.",
        {"anchor": A, "topic": "civil aviation"},
        f"{A}, an agreement on civil aviation was signed.",
        0.85,
    ),
    T(
        "signing",
        "statement",
        "planned",
        "signed",
        "{anchor}, an agreement on {topic} was to be signed.",
        {"anchor": A, "topic": "civil aviation"},
        f"{A}, an agreement on civil aviation was to be signed.",
        0.85,
    ),
    # ---- invitation: who invited a visitor ------------------------------------------
    T(
        "invitation",
        "question",
        "any",
        "who",
        "{anchor}, who invited {guest}?",
        {"anchor": A, "guest": "Kamikawa Yoko"},
        f"{A}, who invited Kamikawa Yoko?",
        0.85,
    ),
    T(
        "invitation",
        "choice",
        "any",
        "which",
        "{anchor}, which of these people invited {guest}?",
        {"anchor": A, "guest": "Kamikawa Yoko"},
        f"{A}, which of these people invited Kamikawa Yoko?",
        0.85,
    ),
    # ---- any fact: a sentence of the article with a blank ---------------------------
    T(
        "any",
        "cloze",
        "any",
        "blank",
        "{anchor}: fill in the blank. “{quote}”",
        {"anchor": A, "quote": "Foreign Secretary _____ welcomed the minister at the airport."},
        f"{A}: fill in the blank. “Foreign Secretary _____ welcomed the minister at the airport.”",
        0.9,
    ),
)
del T

_BY_KEY = {t.key: t for t in TEMPLATES}


def template(fact: str, kind: str, tense: str, name: str) -> Template:
    """The template for a fact type, wording kind, tense and name; falls back to the
    ``any`` tense, then to the ``done`` tense."""
    for t in (tense, "any", "done"):
        found = _BY_KEY.get(f"{fact}.{kind}.{t}.{name}")
        if found is not None:
            return found
    raise KeyError(f"no template {fact}.{kind}.{tense}.{name}")
