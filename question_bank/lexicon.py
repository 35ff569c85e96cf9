"""Word lists of news English that the extractors share.

These describe the language of news writing (titles, travel verbs, agreement
nouns), not any particular article.
"""

from __future__ import annotations

import re

HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady madam mx mx. prof prof. professor "
    "sheikh sheikha shaikh prince princess king queen emir amir ameer sultan emperor empress crown "
    "h.e. h.e hm hrh "
    "excellency hon hon. rt rt.".split()
)

# A ruler's style, written before the name like an honorific but a title all the same:
# "King Felipe", "Crown Prince Mohammed", "Emir Tamim".
ROYAL_STYLES = frozenset(
    "king queen crown prince princess emir amir sultan emperor empress".split()
)
# Letters written after a name for a seat or an honour ("Helen McEntee T.D.", "Jane Smith
# MP", "Sir Ian Hart KC"): no part of the name.
POST_NOMINALS = frozenset(
    "t.d. td mp mep mla msp mpp qc kc obe mbe cbe kbe dbe cmg kcmg gcmg frs".split()
)

# Words that introduce someone's relative ("First Lady Melania Trump", "his wife Ana"):
# the relative shares the family name, and the bare family name stays the principal's.
RELATIVE_WORDS = frozenset(
    "wife husband spouse son daughter brother sister mother father widow lady consort".split()
)

# Rulers' styles that news also uses as given names and surnames ("Amir Ohana", "Sultan Al
# Jaber", "Mr King"): a name when an office or a style stands right before them, or the name
# after them is given an office that no ruler holds.
NAME_LIKE_STYLES = frozenset("king queen emir amir ameer sultan emperor empress".split())
# Office fields that are also family names ("Jude Law"): a name may end in them.
SURNAME_LIKE_FIELDS = frozenset("law justice police".split())

# Title words that are also family names ("Angus King", "John Major"): a name may end in
# them; it never ends in another title word ("BNP Chairperson" is no name).
SURNAME_LIKE_TITLES = frozenset(
    "king queen prince major general marshal bishop dean judge speaker coach captain "
    "chancellor pope sultan emir amir ameer chief counsel rector provost officer".split()
)
# Title heads a ruler may be given in apposition: "King Abdullah II, the Jordanian monarch".
RULER_WORDS = frozenset("monarch ruler head leader sovereign".split())
# Styles of birth rather than office: a title only for someone who holds no office.
COURTESY_STYLES = frozenset("prince princess sheikh sheikha".split())

# Military and police ranks: written before a name like an honorific, not a job title.
RANKS = frozenset(
    "general gen gen. captain capt capt. colonel col col. lieutenant lt lt. sergeant sgt sgt. "
    "major maj maj. admiral adm adm. corporal cpl cpl. brigadier brig brig.".split()
)
HONORIFICS = HONORIFICS | RANKS

# Abbreviations written with a full stop before a name ("Hon. Derek Sikua", "Lt. Col.
# Ana Rios"): kept one token, and never the end of a sentence.
NAME_ABBREVIATIONS = frozenset(
    "Hon. Rt. Amb. Lt. Col. Maj. Capt. Sgt. Cpl. Cmdr. Brig. Supt. Insp. Fr. Engr. Gen. "
    "Sen. Rep. Gov. Prof. Dr. Mr. Mrs. Ms. Adm. Rev. "
    # name particles of Philippine and Portuguese names: "Jose Santiago Sta. Romana"
    "Sta. Sto. St.".split()
)
# What "His" or "Her" styles before a name: "His Excellency", "Her Majesty".
STYLE_NOUNS = frozenset("excellency majesty highness holiness eminence".split())

# Malaysian and Brunei styles written before a name: "Datuk Seri Amran", "Tengku Zafrul".
HONORIFICS = HONORIFICS | {"datuk", "dato", "dato'", "datin", "seri", "tengku", "tunku", "hajah"}
# Malay styles that also stand inside a name, before the father's: "Zafrul Tengku Abdul
# Aziz" is one name (the style starts a name only where nothing named comes before it).
NAME_INTERNAL_STYLES = frozenset({"tengku", "tunku", "tun", "wan"})
HONORIFICS = HONORIFICS | {"amb", "amb.", "cmdr", "cmdr.", "cpl.", "engr", "engr."}
# Styles that news writes as part of a name ("Sayyid Badr al-Busaidi"): kept in the name,
# but no sign that two names are two people.
NAME_STYLES = frozenset({"sayyid", "sayyida"})

# Family names written first in Chinese and Korean names ("Wang Yi", "Moon Jae-in"): the
# family name is the first word when the rest reads as a given name of those languages
# (see forms.family_first).
EAST_ASIAN_FAMILY_NAMES = frozenset(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
    zheng liang xie song tang xi han feng deng cao peng zeng xiao tian dong yuan pan jiang
    cai lu wei qin ye du cheng su lyu ding shen ren yao jia fu fang bai zou meng xiong qiu
    hou jin tan duan lei kong shao mao wan qian yin hao gu long shi kim lee park choi jung
    chung cho yoon jang lim oh seo shin kwon hwang ahn moon yoo hong suh chun ban roh
    """.split()
)

# Name suffixes that are not surnames: "Ferdinand Marcos Jr."
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())

# Head words of a job title: "Foreign *Minister*", "State Department *spokesman*".
TITLE_HEADS = frozenset(
    """
    secretary minister president premier spokesman spokeswoman spokesperson spokespeople
    director adviser advisor chief leader ambassador envoy chancellor king queen prince princess
    emir amir ameer sultan monarch governor senator congressman congresswoman representative
    lawmaker
    general commander chairman chairwoman chair ceo mayor diplomat negotiator judge
    secretary-general commissioner coordinator speaker officer attorney prosecutor
    head deputy administrator counsel mediator ruler pope cardinal archbishop
    president-elect chief-of-staff superintendent lieutenant colonel admiral marshal
    ombudsman ombudswoman professor analyst economist researcher lecturer scholar
    chairperson co-chair provost chancellor rector dean bishop imam rabbi
    mp executive councillor councilor alderman alderwoman manager captain coach legislator
    pm dpm fm cs mos eam nsa coas taoiseach tánaiste tanaiste
    undersecretary under-secretary consul consul-general patriarch catholicos
    """.split()
)
# Malay for a state's chief minister, as Malaysian English writes it: "Johor Menteri Besar
# Onn Hafiz Ghazi" (two words, each a title word there, "besar" never a name).
TITLE_HEADS = TITLE_HEADS | {"menteri", "besar"}

# Words that stand for a country the reader must already know: "a visit to the Kingdom".
GENERIC_PLACE_NOUNS = frozenset(
    "kingdom republic sultanate emirate emirates state country nation federation "
    "principality realm homeland island islands capital city region".split()
)

# Words that make talks remote, so no meeting: "by telephone", "a video call".
REMOTE_WORDS = frozenset(
    "phone telephone telephonic video videoconference teleconference virtual virtually "
    "online videolink link zoom".split()
)

# Nouns that stand for the two people last named together: "the couple", "the two leaders".
PAIR_NOUNS = frozenset("couple pair duo royals".split())
PAIR_PLURALS = frozenset("leaders presidents ministers premiers monarchs heads men women".split())

# Nouns that, after "the visiting", stand for the article's traveller.
VISITOR_NOUNS = frozenset(
    "dignitary guest visitor leader premier president minister chancellor king queen emir "
    "prince envoy delegation official head".split()
)

# Titles of someone posted to a country or body: "Ambassador to Qatar".
POSTED_TITLE_HEADS = frozenset(
    "ambassador envoy commissioner representative delegate consul chargé charge".split()
)

# Titles of diplomats who live in the country they serve: "met the Iraqi ambassador in
# Washington" says nothing of a trip to Washington.
RESIDENT_TITLE_WORDS = frozenset(
    "ambassador ambassadors chargé charge consul consul-general commissioner attaché".split()
)

# Offices only a person holds (a firm can be "legal counsel" or "adviser", never
# "president"): the subject of "is/became <office>" is a person.
OFFICE_HEADS = frozenset(
    """
    president minister premier chancellor king queen prince princess emir sultan monarch
    governor senator mayor ambassador envoy secretary speaker pope president-elect
    prime-minister vice-president
    """.split()
)

# Words that end a title's "of" phrase and never start a name: "Minister for Foreign
# *Affairs* Narayan Shrestha" (the model sometimes starts the person there).
TITLE_TAILS = frozenset(
    "affairs relations cooperation co-operation defence defense development trade commerce "
    "finance economy security justice health education interior information labour labor "
    "agriculture energy transport environment tourism culture communications housing "
    "petroleum mines works youth sports industry law fisheries planning welfare digital "
    "technology innovation science arts heritage women family social water resources "
    "infrastructure investment climate change emergency emergencies disaster disasters "
    "management diaspora veterans immigration citizenship revenue treasury police "
    "corrections customs statistics".split()
)

# Title heads that are too vague to be a role on their own ("the official said").
WEAK_TITLE_HEADS = frozenset("official officials source sources".split())

# Words that can sit inside a title but are not capitalised proper names.
TITLE_FILLERS = frozenset("of for the and on to at in".split())

# Nouns that name a trip.
TRIP_NOUNS = frozenset("trip visit tour journey voyage swing".split())

# Words that say which kind of trip is counted: "her first state visit to Mexico" may
# not be her first visit there.
TRIP_QUALIFIERS = frozenset("state official foreign overseas international working".split())

# Nouns for a part of a trip: "a stop in Jordan", "the first leg in Oman".
TRIP_PART_NOUNS = frozenset("stop leg stopover arrival".split())

# Verbs that place their subject somewhere: "speaking at a news conference in Kyiv",
# "attended the summit in Rome", "is expected in Cairo".
PRESENCE_VERBS = frozenset(
    "speak address attend expect arrive tour spend inspect inaugurate open lay review".split()
)

# Nouns of a talk given in person: "gave a speech at the summit in Bahrain" puts the
# speaker there ("give" and "deliver" carry them).
SPEECH_NOUNS = frozenset("speech address lecture keynote remarks talk announcement".split())
# The verbs that carry them: "gave a speech", "delivered remarks", "made the announcement".
SPEECH_VERBS = frozenset("give deliver make".split())

# Presence verbs whose object is a topic, not a thing at the place: "address the crisis in
# Venezuela" puts nobody in Venezuela ("addressed parliament in Kyiv" still does, through
# the verb's own "in").
TOPIC_VERBS = frozenset("address speak".split())

# Vehicles whose passengers travel: "the plane carrying Pope Clement landed in Luanda".
VEHICLE_NOUNS = frozenset("plane aircraft jet motorcade convoy helicopter train ship".split())

# Verbs whose object is sent to a place: "the UK dispatched Cameron to Oman",
# "a trip that will take her to Amman".
SEND_VERBS = frozenset("dispatch send despatch take bring".split())

# Nouns that make a meeting with the verb that governs them: "held talks with".
# Events a host gives for guests: "a welcome ceremony hosted by X" (the guests meet X).
HOSTED_EVENT_NOUNS = frozenset("ceremony reception banquet luncheon gala".split())

MEETING_NOUNS = frozenset(
    "talks meeting meetings discussions discussion conversation call phone talk summit "
    "negotiations consultations audience bilateral dinner lunch breakfast welcome briefing "
    "dialogue sit-down greetings pleasantries tête tete tête-à-tête tete-a-tete".split()
)

# Nouns that make a number before them part of a set phrase, not a count: "a two-state
# solution", "a three-way dialogue", "a two-fold rise", "a four-eyes meeting" ("a six-member
# delegation" counts).
SET_PHRASE_NOUNS = frozenset("state way sided fold eyed eyes track pronged tier".split())
# Nouns too vague for a count to be worth asking: "to update two things".
VAGUE_COUNT_NOUNS = frozenset("thing things stuff".split())

# Words that mark an agreement as one the story's deal replaces: "the previous agreement".
SUPERSEDED_WORDS = frozenset("previous earlier old former prior expired expiring last".split())

# What a visitor's day is planned in: "Steinmeier's itinerary includes a meeting with X".
PROGRAMME_NOUNS = frozenset(
    "itinerary agenda programme program schedule plans plan engagement engagements".split()
)

# Words that count a trip as the first without an ordinal: "his maiden visit to India".
FIRST_TRIP_WORDS = frozenset("maiden inaugural".split())

# Words of a region rather than a country or a party: "the European envoy" is nobody whose
# title names another country ("US envoy"); "the Socialist president" may be.
REGION_WORDS = frozenset(
    "european african asian arab latin gulf nordic baltic balkan pacific caribbean western "
    "eastern".split()
)

# Participles that list who took part in a meeting: "a meeting here attended by A, B and
# C", "talks joined by X and Y".
ATTENDANCE_VERBS = frozenset("attend join".split())

# Verbs whose object does what the "for/on ...-ing" phrase after them says:
# "thanked the president for visiting", "congratulated her on winning".
OBJECT_CONTROL_VERBS = frozenset(
    "thank congratulate praise commend criticise criticize blame accuse fault".split()
)

# Verbs whose agent leads a group: "a delegation led by X", "a team headed by Y".
LEADING_VERBS = frozenset("lead head".split())


# Words that introduce the named members of a group: "officials, including X".
INCLUDING_WORDS = frozenset("including include among notably".split())

# Words before "of" that put an event still ahead: "ahead of meetings with X".
AHEAD_WORDS = frozenset("ahead before prior".split())

# Nouns that only count the meeting noun in their "of" phrase: "a series of talks".
PARTITIVE_NOUNS = frozenset(
    "series round rounds number couple string day days hour hours week weeks".split()
)

# Prepositions a meeting noun takes for the other side besides "with" and "for":
# "a courtesy call on X", "a welcome to X", "an audience to X".
MEETING_NOUN_PREPS = {"call": ("on", "upon"), "welcome": ("to",), "audience": ("to",)}

# Nouns that make a number a condition of an agreement.
# Events that come in a series, so that an ordinal before them says which one this was
# ("the seventh exchange", "the third round of talks", "their second summit").
OCCASION_NOUNS = frozenset(
    "exchange swap round summit session meeting edition conference dialogue consultation "
    "consultations talks negotiations election".split()
)

# The event a verb tells, for a mediation told beside it ("exchanged prisoners after Qatar
# acted as an intermediary": the exchange).
MEDIATED_VERBS = {
    "exchange": "the exchange",
    "swap": "the swap",
    "negotiate": "the negotiations",
    "agree": "the agreement",
}

AGREEMENT_NOUNS = frozenset(
    """
    ceasefire cease-fire truce deal agreement proposal accord pact plan arrangement treaty
    framework exchange swap armistice settlement memorandum package compromise roadmap
    """.split()
)

# Person-like nouns that are not people for our purposes.
GROUP_WORDS = frozenset(
    "officials leaders delegation delegations team partners counterparts militants fighters "
    "forces troops people government administration".split()
)

# Words for the person who holds the same office elsewhere: "her counterpart from Ecuador,
# X", "his peers from Argentina and Brazil, X and Y".
COUNTERPART_WORDS = frozenset("counterpart peer".split())

PRONOUNS_MALE = frozenset("he him his himself".split())
PRONOUNS_FEMALE = frozenset("she her hers herself".split())
PRONOUNS_FIRST = frozenset("i me my myself".split())

# Words of a title reference that stand for the person holding the title.
TITLE_SYNONYMS = {
    "diplomat": ("secretary of state", "foreign minister", "foreign secretary", "diplomat"),
    "leader": ("prime minister", "president", "chancellor", "leader", "premier", "king"),
    "minister": ("minister",),
    "secretary": ("secretary",),
    "president": ("president",),
    "envoy": ("envoy", "ambassador"),
    "spokesman": ("spokes",),
    "spokeswoman": ("spokes",),
    "spokesperson": ("spokes",),
    "premier": ("prime minister", "premier"),
    "pm": ("prime minister", "premier", "pm"),
}

# "the head of state", "the head of government": the offices they stand for.
HEAD_OF = {
    "state": ("president", "king", "queen", "emir", "amir", "sultan", "monarch", "head of state"),
    "government": ("prime minister", "premier", "chancellor", "head of government"),
}

# Lines that are credits, bylines or captions rather than the story.
CREDIT_PATTERNS = re.compile(
    r"(©|\(c\)\s*\d{4}|all rights reserved|\b(?:reporting|editing|writing|additional reporting)"
    r" by\b|\bphoto(?:graph)?s?\s*(?:by|:)|\bimage\s*(?:by|:)|\bcredit\s*:|getty images|"
    r"\b(?:REUTERS|AFP|AP|EPA|XINHUA|ANADOLU)\s*/|/\s*(?:REUTERS|AFP|AP|EPA)\b|"
    r"^\s*by\s+[A-Z][a-z]+\s+[A-Z]|\bwith\s+(?:AFP|Reuters|AP|agencies|wires)\s*\.?\s*$)",
    re.IGNORECASE | re.MULTILINE,
)

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. "
    "oct oct. nov nov. dec dec.".split()
)
# Words that make a number a fraction: "two-thirds", "three quarters".
FRACTION_WORDS = frozenset(
    "half halves third thirds quarter quarters fifth fifths sixth sixths eighth eighths "
    "tenth tenths".split()
)

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
RELATIVE_DAYS = frozenset("today tomorrow yesterday tonight".split())

# Nouns for people, counted in news figures ("33 hostages", "two Russian women").
HUMAN_NOUNS = frozenset(
    """
    person people civilian soldier troop hostage prisoner captive detainee woman man child
    journalist worker citizen national migrant refugee fighter militant police officer sailor
    fisherman crew passenger patient student family resident victim member delegate voter
    """.split()
)

# Nouns for bodies a person can head or lead ("who heads the verification mission").
ORGANISATION_NOUNS = frozenset(
    """
    party group team delegation mission agency ministry department commission council committee
    government coalition alliance organisation organization movement union bank fund office
    service force army navy court parliament senate assembly board company firm institute
    chamber brigade division corps battalion regiment federation association bureau
    """.split()
)

# Places people go, as the last word of a name: "King Khalid International Airport",
# "Nelson Mandela Square" are no people. Words that are also surnames ("Park", "Hall",
# "Church", "Street") are left out: "Joe Park" is a person.
FACILITY_NOUNS = frozenset(
    """
    airport university hospital stadium palace hotel centre center square avenue mosque
    cathedral museum memorial cemetery cemeteries harbour harbor highway boulevard mausoleum
    academy complex terminal pavilion auditorium house villa lodge residence
    """.split()
)

# Documents that are signed: "signed a memorandum of understanding on tourism".
SIGNED_DOCUMENTS = frozenset(
    """
    agreement agreements memorandum memoranda mou mous memorandums accord accords treaty
    treaties pact pacts protocol protocols deal deals convention conventions declaration
    contract contracts
    """.split()
)

# What governments sign agreements on, for the wrong choices of "on which of these was an
# agreement signed?", each with the words that name it or something close to it: a subject
# is offered only when the article writes none of them ("civil aviation" is no wrong choice
# beside "air services").
SIGNING_TOPICS: dict[str, tuple[str, ...]] = {
    "trade": ("trade", "commerce", "commercial", "export", "import", "tariff"),
    "energy": ("energy", "oil", "gas", "power", "electricity", "nuclear"),
    "defence cooperation": ("defence", "defense", "military", "security", "arms"),
    "education": ("education", "school", "schools", "university", "student", "students"),
    "health": ("health", "medical", "medicine", "hospital", "vaccine", "vaccines"),
    "tourism": ("tourism", "tourist", "tourists", "travel"),
    "agriculture": ("agriculture", "agricultural", "farming", "food", "fishery", "fisheries"),
    "culture": ("culture", "cultural", "arts", "heritage", "archives"),
    "visa exemption": ("visa", "visas", "passport", "migration", "mobility"),
    "climate change": ("climate", "environment", "environmental", "emissions"),
    "customs": ("customs", "border"),
    "civil aviation": ("aviation", "air", "airline", "airlines", "flights"),
    "maritime security": ("maritime", "sea", "naval", "shipping", "port"),
    "science and technology": ("science", "technology", "technologies", "digital", "research"),
    "mining": ("mining", "minerals", "mineral"),
    "youth and sports": ("youth", "sport", "sports"),
    "water resources": ("water", "irrigation", "river"),
    "investment protection": ("investment", "investments", "investor"),
    "double taxation": ("tax", "taxation"),
}

# Events two people hold side by side when "joint": "a joint press conference".
JOINT_EVENT_NOUNS = frozenset("conference briefing appearance".split())

# Nouns whose "in X" names what they are about, not where anyone is: "a truce in
# Karabakh", "the war in Ukraine", "peace in the Middle East".
SITUATION_NOUNS = frozenset(
    "truce ceasefire cease-fire war conflict peace fighting crisis situation violence "
    "tension tensions dispute hostilities stability security unrest insurgency".split()
)

# Offices news copy writes as initials: a question keys the office in full and accepts
# the initials ("PM Modi" holds the title "Prime Minister").
TITLE_INITIALS = {
    "pm": "Prime Minister",
    "fm": "Foreign Minister",
    "dpm": "Deputy Prime Minister",
    "cs": "Cabinet Secretary",
    "mp": "Member of Parliament",
    "dg": "Director General",
    "eam": "External Affairs Minister",
    "nsa": "National Security Adviser",
}

# Offices some countries name their own way, and the name students know them by.
OFFICE_EQUIVALENTS = {
    "president of the government": "Prime Minister",  # Spain
    "president of the council of ministers": "Prime Minister",  # Italy
    "premier": "Prime Minister",
}

TRAVEL_GROUP_NOUNS = frozenset("delegation team mission group party entourage".split())

TERM_VERBS = frozenset(
    "release free exchange swap withdraw pull hand return transfer halt pause cap cut "
    "reduce lift allow deliver".split()
)

DISTANCE_UNITS = frozenset("kilometre kilometer km mile metre meter yard foot".split())

COMPOUND_COUNT_NOUNS = frozenset("phase stage step point part tier round".split())

DURATION_UNITS = frozenset("second minute hour day week month year decade".split())

PRESS_NOUNS = frozenset(
    "correspondent reporter journalist interviewer presenter anchor editor columnist".split()
)

VISIT_VERBS = frozenset("visit travel come go tour".split())

BARE_MODIFIERS = frozenset("deputy chief general vice acting senior".split())
# Title words that, alone, name no office a student could learn ("Kenya's leader X").
VAGUE_TITLES = frozenset("leader head".split())

PARTICLES = frozenset("al el bin ibn van von de da di der le la du bint abu".split())
# Particles after which a name is the father's: "Mohammed bin Salman" is not "Salman".
PATRONYMICS = frozenset("bin ibn bint".split())

REPORTING_VERBS = frozenset(
    "say tell add note confirm state announce explain stress emphasize emphasise write "
    "report".split()
)

TITLE_MODIFIERS = frozenset(
    "top senior former acting interim caretaker chief deputy outgoing incoming veteran "
    "foreign defence defense interior finance prime military presidential parliamentary "
    "opposition external".split()
)

# Words of the figures a story gives as a country's background (its size, its number of
# inhabitants): in a sentence that names no one, they are not asked. Not "population" nor
# "GDP": "90 percent of the population displaced", "debt at 119% of GDP" are the story.
BACKGROUND_FIGURE_WORDS = frozenset("area km2 km² square inhabitants".split())
