"""The forms of an answer a student may rightly write: names, titles and places.

One module decides them for both sides: the question writer lists them as a question's
accepted answers (and checks that its source sentence states one of them), and the
grader uses the same rules for titles and places. It imports nothing heavy.

- A person: the full name, the surname (with its particle: "Al Thani", "al-Busaidi"),
  and the other names the article itself uses for them ("Prince Mohammed", "Ms Seo",
  "King Felipe VI").
- A title: with or without the country or nationality ("Prime Minister",
  "Israeli Prime Minister", "Prime Minister of Israel"), and in its other word order
  ("Treasury Secretary" is "Secretary of the Treasury").
- A place: with or without "the", and its common other names ("Türkiye", "Turkey").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from .lexicon import (
    EAST_ASIAN_FAMILY_NAMES,
    HONORIFICS,
    OFFICE_EQUIVALENTS,
    PATRONYMICS,
    TITLE_HEADS,
    TITLE_INITIALS,
    TITLE_TAILS,
)

__all__ = [
    "is_title_word",
    "joined_places",
    "name_forms",
    "offices_overlap",
    "place_forms",
    "same_place",
    "surname",
    "title_forms",
    "titles_match",
]

_SUFFIX = re.compile(r"^(?:jr\.?|sr\.?|[ivx]{1,4})$", re.IGNORECASE)
_PARTICLES = frozenset(
    "al el bin ibn bint abu abul aboul abou ould ul ben van von der den de da di du del della "
    "dos das le la st".split()
)


def _name_words(name: str) -> list[str]:
    """The words of a name without a trailing suffix ("Jr.", "VI")."""
    words = name.split()
    while len(words) > 1 and _SUFFIX.match(words[-1]):
        words.pop()
    return words


_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua"
    r"|ue|ui|un|uo|a|e|i|o|u|v))+"
)
_KOREAN_SYLLABLES = re.compile(
    r"(?:(?:kk|tt|pp|ss|jj|ch|k|g|n|d|t|r|l|m|b|p|s|j|h|y|w)?"
    r"(?:yeo|yae|wae|ae|eo|eu|ui|oe|wi|wa|wo|ya|yo|yu|ye|a|e|i|o|u)(?:ng|n|k|l|m|p|t)?)+"
)


def held_before(title: str) -> bool:
    """Whether a title says the office was held before ("former Prime Minister",
    "ex-president"): a role of the past, written with "a", never the person's title."""
    return re.match(r"(?:former|ex-)\s*\w", title, re.IGNORECASE) is not None


def family_first(name: str) -> bool:
    """Whether a name is written family name first, as Chinese and Korean names are:
    "Wang Yi", "Xi Jinping", "Moon Jae-in", "Kim Jong Un" (the first word a known family
    name and the rest a given name of those languages; "Kim Darroch" is not)."""
    words = _name_words(name)
    if not 2 <= len(words) <= 3 or words[0].lower() not in EAST_ASIAN_FAMILY_NAMES:
        return False
    given = [w.lower() for w in words[1:]]
    if len(given) == 1 and "-" in given[0]:
        given = given[0].split("-")  # "Jae-in"
    return all(_PINYIN.fullmatch(g) or _KOREAN_SYLLABLES.fullmatch(g) for g in given) and all(
        len(g) <= 7 for g in given
    )


def surname(name: str) -> str:
    """The surname with its particle ("Antony Blinken" -> "Blinken", "Tamim Al Thani" ->
    "Al Thani", "Wang Yi" -> "Wang"); a one-word name is itself."""
    words = _name_words(name)
    if family_first(name):
        return words[0]
    start = len(words) - 1
    # every particle before it: "von der Leyen", "Abul Gheit", never the given name
    while start >= 2 and words[start - 1].lower().rstrip("-") in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


_CALLERS = frozenset(w.rstrip(".") for w in HONORIFICS) | TITLE_HEADS | {"pm", "fm", "dpm"}


def name_forms(name: str, text: str = "") -> tuple[str, ...]:
    """Every way to write a person's name that a grader should accept.

    The full name, the surname (and the part after a hyphen in it), the surname's last
    word after a particle ("Thani" of "Al Thani"), and, when the article's ``text`` is
    given, the names it uses itself: a name word it writes after an honorific or a title
    without the next name word ("Ms Seo" for Seo Eun-ji, "Prince Mohammed" for Mohammed
    bin Salman), and the name written after an honorific ("King Felipe VI").
    """
    out = [name]
    words = _name_words(name)
    if len(words) > 1 or words[0] != name:
        out.append(" ".join(words))
        last = surname(name)
        first_of_last = len(words) - len(last.split())
        # "Haitham bin Tarik": "Tarik" alone is his father, never him
        fathers = last.split()[0].lower() in PATRONYMICS or (
            first_of_last >= 1 and words[first_of_last - 1].lower() in PATRONYMICS
        )
        out.append(last)  # "bin Salman", as the news calls Mohammed bin Salman
        tail = last.split()[-1]
        if tail != last and not fathers:
            out.append(tail)
        if "-" in tail and len(tail.split("-")[-1]) >= 3:
            out.append(tail.split("-")[-1])
        lineage = [k for k, w in enumerate(words[1:-1], 1) if w.lower() in PATRONYMICS]
        if lineage:
            out.append(words[0])  # "Tamim" ("Sheikh Tamim") of Tamim bin Hamad Al Thani
            if lineage[0] + 2 < len(words):
                # "Abdullah bin Zayed" of Abdullah bin Zayed Al Nahyan
                out.append(" ".join(words[: lineage[0] + 2]))
    if text:
        out.extend(_forms_in_text(name, words, text))
        # "Antonio García" for "Garcia", "Eduardo Enrique Reina" for "Enrique Reina"
        out.extend(_fuller_names(name, text))
    return tuple(dict.fromkeys(f for f in out if f.strip()))


_ACCENTED = {
    "a": "aáàâäã",
    "e": "eéèêë",
    "i": "iíìîï",
    "o": "oóòôöõ",
    "u": "uúùûü",
    "n": "nñ",
    "c": "cç",
}


def _fuller_names(name: str, text: str) -> list[str]:
    """A name the article also writes with a given name before it, accents or not:
    "Antonio García" for "Garcia", "Eduardo Enrique Reina" for "Enrique Reina"."""
    pattern = "".join(
        f"[{_ACCENTED[ch.lower()]}{_ACCENTED[ch.lower()].upper()}]"
        if ch.lower() in _ACCENTED
        else re.escape(ch)
        for ch in name
    )
    out = []
    for m in _compiled(rf"\b([A-Z][a-zà-ÿ]{{2,}})\s+({pattern})\b").finditer(text):
        given = m.group(1)
        if given.lower() in _CALLERS or given.lower() in _FILLERS or given in ("The", "In"):
            continue
        if is_title_word(given) or given.lower() in TITLE_TAILS or _nationality_or_country(given):
            continue  # "Minister Enrique Reina", "Minister for Law K Shanmugam", "Honduran X"
        out += [f"{given} {m.group(2)}", m.group(2)]
    return out


def _nationality_or_country(word: str) -> bool:
    """A country or its nationality ("Honduras", "Honduran"): never a given name."""
    from .gazetteer import country_of_word

    return country_of_word(word) is not None


@lru_cache(maxsize=8192)
def _compiled(pattern: str) -> re.Pattern[str]:
    """A compiled pattern, kept (name patterns repeat across a bank's articles)."""
    return re.compile(pattern)


def _forms_in_text(name: str, words: list[str], text: str) -> list[str]:
    """Names the article uses for the person: a name word it writes on its own ("Kamikawa"
    for Kamikawa Yoko, "Ms Seo" for Seo Eun-ji, "Prince Mohammed" for Mohammed bin
    Salman), and the name after an honorific or title ("King Felipe VI")."""
    out: list[str] = []
    caller = r"(?P<caller>\b[A-Z][A-Za-z]{1,12}\.?)\s+"
    for m in _compiled(caller + re.escape(name) + r"\b").finditer(text):
        if m.group("caller").rstrip(".").lower() in _CALLERS and not _glued(text, m.start()):
            out.append(f"{m.group('caller')} {name}")
    for i, word in enumerate(words):
        if len(word) < 2 or not word[:1].isupper() or word.lower() in _PARTICLES:
            continue
        before = rf"(?<!{re.escape(words[i - 1])}\s)" if i > 0 else ""
        after = rf"(?!\s+{re.escape(words[i + 1])})" if i + 1 < len(words) else ""
        alone = _compiled(rf"{before}(?<![\w-]){re.escape(word)}(?![\w-]){after}")
        for m in alone.finditer(text):
            if re.match(r"[ \t]+[A-Z][a-zà-ÿ]", text[m.end() :]) and i == 0:
                continue  # "Luiz" of "Luiz Alberto Figuereido" is another man's given name
            out.append(word)
            lead = re.search(
                r"\b([A-Z][A-Za-z]{1,12}\.?)\s+$", text[max(0, m.start() - 16) : m.start()]
            )
            if (
                lead
                and lead.group(1).rstrip(".").lower() in _CALLERS
                and not _glued(text, m.start() - len(lead.group(0)))
            ):
                out.append(f"{lead.group(1)} {word}")
    return out


def _glued(text: str, at: int) -> bool:
    """Whether the word at ``at`` ends a longer title ("Minister" of "Foreign Minister",
    "General" of "Secretary General"): on its own before a name it is no form anyone
    writes ("Minister Toshimitsu Motegi")."""
    before = re.search(r"([A-Za-z][\w-]*)\s+$", text[max(0, at - 24) : at])
    if before is None or before.group(1).lower() not in _TITLE_WORDS - _FILLERS:
        return False
    word = re.match(r"[A-Za-z]+", text[at:])
    # a rank or a style is a name's own ("Defence Minister General X", "Prince X")
    return word is None or word.group(0).lower() not in _STYLES


_STYLES = frozenset(w.rstrip(".") for w in HONORIFICS)


_FILLERS = frozenset("and for of the on at in to".split())


# ---- titles ------------------------------------------------------------------------

# Words that make up titles themselves: any other capitalised word in a title is its
# country, nationality or organisation ("Israeli", "Japan", "Tairawhiti").
_TITLE_WORDS = frozenset(
    """
    foreign affairs prime deputy vice first second acting interim defense defence finance
    interior home justice health education trade economy economic development energy
    environment climate agriculture labour labor transport culture information
    treasury state secretary minister president premier chancellor general attorney
    national security adviser advisor chief executive officer operating financial
    special envoy ambassador senior top spokesman spokeswoman spokesperson head leader
    director commissioner high representative under assistant permanent
    crown king queen prince princess emir sultan monarch ruler supreme
    army navy air force commander staff joint chiefs council cabinet government
    public works industry commerce planning immigration tourism sports youth women
    social welfare legal legislative parliamentary parliament speaker house senate
    majority minority whip party opposition co-chair chair chairman chairwoman
    managing governing board central bank coach manager captain mayor governor
    ceo cfo coo cto president-elect secretary-general spokesperson envoy representative
    negotiator mediator diplomat adviser deputy lawmaker senator mp pm fm dpm
    and for of the on at in to
    """.split()
)
_SYNONYMS = (
    (r"\bforeign affairs\b", "foreign"),
    (r"\bexternal affairs\b", "foreign"),
    (r"\bdefence\b", "defense"),
    (r"\blabour\b", "labor"),
    (r"\badvisor\b", "adviser"),
    (r"\bspokes(?:man|woman|person)\b", "spokesperson"),
    (r"\bchief executive officer\b", "ceo"),
    (r"\bchief executive\b", "ceo"),
    (r"\bchairman\b|\bchairwoman\b|\bchairperson\b", "chair"),
    (r"\bgovernment president\b", "prime minister"),
    (r"\bhead of government\b", "prime minister"),
    (r"\bdpm\b", "deputy prime minister"),
    (r"\bpm\b", "prime minister"),
    (r"\bfm\b", "foreign minister"),
)


@lru_cache(maxsize=16384)
def _plain(text: str) -> str:
    """Lower case, accents and punctuation dropped (apostrophes too), single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’]s\b", "", s)
    s = re.sub(r"[^\w\s-]", " ", s).replace("-", " ")
    return " ".join(s.split())


@lru_cache(maxsize=4096)
def _title_parts(title: str) -> tuple[str, frozenset[str]]:
    """A title's office in a canonical word order, and its qualifiers (country, body).

    "Minister for Foreign Affairs of Japan" -> ("foreign minister", {"japan"});
    "Secretary of the Treasury" -> ("treasury secretary", {}); "Japan's Foreign Minister"
    -> ("foreign minister", {"japan"}).
    """
    raw = title.strip()
    qualifiers: set[str] = set()
    possessor = re.match(r"^(.+?)['’]s\s+(.+)$", raw)
    if possessor:
        qualifiers.update(_plain(possessor.group(1)).split())
        raw = possessor.group(2)
    # "Philippine Ambassador to China": where an envoy is posted is no origin; it is kept
    # apart ("to:china"), so "Chinese Ambassador to the Philippines" is another post
    posted = re.match(
        r"^(.*?\b(?:ambassador|envoy|consul|representative|delegate)s?\b.*?)\s+to\s+(.+)$",
        raw,
        re.I,
    )
    if posted:
        qualifiers.update(
            f"to:{w}" for w in _plain(posted.group(2)).split() if w not in ("the", "of", "and")
        )
        raw = posted.group(1)
    words = _plain(raw).split()
    kept = [w for w in words if w in _TITLE_WORDS or w.isdigit()]
    qualifiers.update(w for w in words if w not in _TITLE_WORDS and not w.isdigit())
    fillers = {"the", "of", "for", "and", "on", "at", "in", "to"}
    while kept and kept[-1] in fillers:
        kept.pop()
    while kept and kept[0] in fillers:
        kept.pop(0)
    phrase = " ".join(kept)
    # "X of the Y", "X for Y" -> "Y X": "secretary of the treasury" -> "treasury secretary"
    m = re.match(r"^(.+?) (?:of|for) (?:the )?(.+)$", phrase)
    if m:
        phrase = f"{m.group(2)} {m.group(1)}"
    phrase = re.sub(r"\b(?:the|of|for|and|on|at|in|to)\b", " ", phrase)
    phrase = " ".join(phrase.split())
    for pattern, repl in _SYNONYMS:
        phrase = re.sub(pattern, repl, phrase)
    return " ".join(phrase.split()), frozenset(qualifiers)


def is_title_word(word: str) -> bool:
    """Whether a word makes up titles ("foreign", "minister", "vice") or is a style or an
    honorific ("Dr", "Sheikh"), in any case."""
    low = word.lower().rstrip(".")
    return (low in _TITLE_WORDS and low not in _FILLERS) or low in _STYLES or low in TITLE_HEADS


_DEMONYMS = {
    "french": "france",
    "dutch": "netherlands",
    "british": "britain",
    "uk": "britain",
    "swiss": "switzerland",
    "greek": "greece",
    "turkish": "turkey",
    "turkiye": "turkey",
    "filipino": "philippines",
    "philippine": "philippines",
    "thai": "thailand",
    "welsh": "wales",
    "danish": "denmark",
    "swedish": "sweden",
    "finnish": "finland",
    "polish": "poland",
    "norwegian": "norway",
    "irish": "ireland",
    "emirati": "uae",
    "american": "us",
    "usa": "us",
    "america": "us",
    "spanish": "spain",
    "scottish": "scotland",
    "english": "england",
    "chinese": "china",
    "japanese": "japan",
    "lebanese": "lebanon",
    "nepali": "nepal",
    "nepalese": "nepal",
    "sudanese": "sudan",
    "portuguese": "portugal",
}


def _qualifier_agrees(a: str, b: str) -> bool:
    """A country and its nationality agree ("japan", "japanese"; "israel", "israeli";
    "france", "french")."""
    if a.startswith("to:") or b.startswith("to:"):
        # a post's country agrees only with a post's country
        return a.startswith("to:") and b.startswith("to:") and _qualifier_agrees(a[3:], b[3:])
    a, b = _DEMONYMS.get(a, a), _DEMONYMS.get(b, b)
    if a == b or a in b or b in a:
        return True
    from .gazetteer import country_of_word

    country = country_of_word(a)
    if country is not None and country == country_of_word(b):
        return True  # "cote d ivoire" and "ivory coast"
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 4 or (common >= 3 and min(len(a), len(b)) <= 6)


def titles_match(response: str, title: str) -> bool:
    """Whether a response names the same office as ``title``, with or without its country.

    The country or nationality may be left out; one that is given must agree with the
    title's ("Russian President" is not "Ukrainian President").
    """
    office, quals = _title_parts(title)
    r_office, r_quals = _title_parts(response)
    if not office:
        return _plain(response) == _plain(title)
    if office != r_office:
        return False
    from .gazetteer import countries_in_title

    named, own = countries_in_title(response), countries_in_title(title)
    if named and own and not named & own:
        return False  # "President of Sudan" is not "President of South Sudan"
    if named & own:
        # "President of Côte d'Ivoire" for "President of Ivory Coast": the country's
        # words agree as a whole, whatever name it goes by
        r_quals = r_quals - _country_words(response)
    return all(any(_qualifier_agrees(q, k) for k in quals) for q in r_quals)


def _country_words(text: str) -> frozenset[str]:
    """The plain words of the country names a text writes ("cote", "d", "ivoire")."""
    from .gazetteer import CAPITALISED_RUN, countries_named

    runs = re.findall(CAPITALISED_RUN, text)
    return frozenset(
        w
        for run in runs
        for words, _ in countries_named(run.split())
        for w in _plain(words).split()
    )


def offices_overlap(a: str, b: str) -> bool:
    """Whether one title's office is part of the other's ("spokesperson" and "Government
    spokesman"; "Minister" and "Foreign Minister"): never both choices of one question."""
    oa, ob = set(_title_parts(a)[0].split()), set(_title_parts(b)[0].split())
    if not oa or not ob:
        return _plain(a) == _plain(b)
    # "First Deputy President" is a Vice President: a rank within the office is no other
    oa, ob = (oa - _RANK_WITHIN) or oa, (ob - _RANK_WITHIN) or ob
    if oa <= ob or ob <= oa:
        return True
    # "Foreign Secretary" and "Foreign Minister" name one office in different countries
    return any({" ".join(sorted(oa)), " ".join(sorted(ob))} <= group for group in _SAME_OFFICE)


_RANK_WITHIN = frozenset({"first", "second", "senior"})
"""Words that rank holders of one office ("First Deputy President")."""

_SAME_OFFICE = (
    frozenset({"foreign minister", "foreign secretary", "secretary state"}),
    frozenset({"minister prime", "premier", "chancellor"}),
    frozenset({"defence minister", "defense minister", "defence secretary", "defense secretary"}),
    frozenset({"finance minister", "secretary treasury"}),
    frozenset({"interior minister", "home secretary", "home minister"}),
    frozenset({"president vice", "deputy president"}),
    frozenset({"deputy minister prime", "premier vice", "minister prime vice"}),
)
"""Offices that are one office under other names: never two choices of one question
(each entry is the office's words, sorted, as :func:`_title_parts` leaves them)."""


def title_forms(title: str) -> tuple[str, ...]:
    """Written forms of a title a student may give: as written, and without its country."""
    out = [title]
    full = TITLE_INITIALS.get(title.lower())
    if full:
        out.append(full)
    for initials, office_name in TITLE_INITIALS.items():
        if title.lower() == office_name.lower():
            out.append(initials.upper())
    low = " ".join(title.lower().split())
    for name, known_as in OFFICE_EQUIVALENTS.items():
        # "President of the Spanish Government" is also typed "Prime Minister"
        pattern = name.replace("the ", r"the (?:(\w+) )?")
        m = re.search(rf"\b{pattern}\b", low)
        if m:
            out.append(known_as)
            if m.lastindex and m.group(1):
                out.append(f"{m.group(1).capitalize()} {known_as}")
    office, quals = _title_parts(title)
    bare = re.sub(r"^.*?['’]s\s+", "", title)
    if bare != title:
        out.append(bare)
    if quals:
        stripped = _without_qualifiers(title, quals)
        if stripped and _title_parts(stripped)[0] == office:
            out.append(stripped)
    out.extend(_country_turned(title))
    return tuple(dict.fromkeys(out))


def _without_qualifiers(title: str, quals: frozenset[str]) -> str | None:
    """The title without the country or body that starts or ends it ("Japanese Foreign
    Minister", "Minister for Foreign Affairs of Japan"), or None when a qualifier sits
    inside it ("Foreign Ministry spokesman" is no "Foreign spokesman") or what is left
    ends on a link word ("envoy to the")."""
    toks = title.split()
    marks = [w[:1].isupper() and bool(p := set(_plain(w).split())) and p <= quals for w in toks]
    i, j = 0, len(toks)
    while i < j and marks[i]:
        i += 1
    while j > i and marks[j - 1]:
        j -= 1
    if any(marks[i:j]):
        return None
    stripped = " ".join(toks[i:j])
    stripped = re.sub(r"\s+(?:of|for)(?:\s+the)?$", "", stripped).strip(" ,")
    if not stripped or stripped.split()[-1].lower() in _FILLERS | {"'s", "’s"}:
        return None
    return stripped


def _country_turned(title: str) -> list[str]:
    """ "Japanese Prime Minister" is also "Prime Minister of Japan", and "Japan's Prime
    Minister" both of those."""
    from .gazetteer import country_of_word

    m = re.match(r"^([A-Z][\w.]+)(?:['’]s)?\s+(.+)$", title)
    if m is None:
        return []
    country = country_of_word(m.group(1))
    rest = m.group(2)
    if country is None or not rest[:1].isupper() or " of " in f" {rest} ":
        return []
    if re.match(
        r"(?:United|Republic|Democratic|Kingdom|Netherlands|Philippines|Gambia)\b", country
    ):
        country = f"the {country}"
    out = [f"{rest} of {country}"]
    if "'" in title or "’" in title:
        nationality = [w for w in (m.group(1),) if w.lower() != country.lower()]
        out.extend(f"{n} {rest}" for n in nationality)
    return out


# ---- places ------------------------------------------------------------------------

_PLACE_NAMES: tuple[tuple[str, ...], ...] = (
    ("Türkiye", "Turkey"),
    ("United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    ("United Arab Emirates", "UAE", "U.A.E.", "Emirates"),
    ("Côte d'Ivoire", "Ivory Coast"),
    ("Czechia", "Czech Republic"),
    ("Myanmar", "Burma"),
    ("Eswatini", "Swaziland"),
    ("Cabo Verde", "Cape Verde"),
    ("Timor-Leste", "East Timor"),
    ("North Macedonia", "Macedonia"),
    ("Netherlands", "Holland"),
    ("Russia", "Russian Federation"),
    ("South Korea", "Republic of Korea"),
    ("North Korea", "DPRK"),
    ("Democratic Republic of the Congo", "DR Congo", "DRC"),
    ("Central African Republic", "CAR"),
    ("New Zealand", "NZ", "N.Z.", "Aotearoa"),
    ("Papua New Guinea", "PNG"),
    ("Saudi Arabia", "KSA"),
    ("Bosnia and Herzegovina", "BiH", "Bosnia"),
    ("Trinidad and Tobago", "T&T"),
    ("Kyiv", "Kiev"),
    ("Gaza", "Gaza Strip"),
    ("Vatican", "Vatican City", "Holy See"),
    ("Palestine", "Palestinian territories"),
)
_PLACE_INDEX = {_plain(n): group for group in _PLACE_NAMES for n in group}


@lru_cache(maxsize=1)
def _official_names() -> dict[str, tuple[str, ...]]:
    """A country's official name to the name people use ("Arab Republic of Egypt":
    "Egypt"), from pycountry."""
    import pycountry

    out: dict[str, tuple[str, ...]] = {}
    for country in pycountry.countries:
        names = [
            n
            for n in (
                getattr(country, "common_name", None),
                country.name,
                getattr(country, "official_name", None),
            )
            if n and "," not in n
        ]
        group = tuple(dict.fromkeys(names))
        if len(group) > 1:
            for n in group:
                out[_plain(n)] = group  # "Viet Nam", "Vietnam", "Socialist Republic of Viet Nam"
    return out


def _place_group(plain: str) -> tuple[str, ...]:
    """The other names of a place, by its plain form (none when it has no other)."""
    common = _PLACE_INDEX.get(plain, ())
    official = _official_names().get(plain, ())
    return tuple(dict.fromkeys((*common, *official)))


@lru_cache(maxsize=4096)
def place_forms(place: str) -> tuple[str, ...]:
    """A place as written, without "the", and its common other names."""
    out = [place]
    bare = re.sub(r"^the\s+", "", place, flags=re.IGNORECASE)
    if bare != place:
        out.append(bare)
    out.extend(_place_group(_plain(bare)))
    return tuple(dict.fromkeys(out))


def same_place(a: str, b: str) -> bool:
    """Whether two names are one place ("Turkey", "Türkiye"; "the US", "United States";
    "Egypt", "the Arab Republic of Egypt")."""
    pa = _plain(re.sub(r"^the\s+", "", a, flags=re.IGNORECASE))
    pb = _plain(re.sub(r"^the\s+", "", b, flags=re.IGNORECASE))
    if pa == pb:
        return True
    ga, gb = _place_group(pa), _place_group(pb)
    return pb in {_plain(n) for n in ga} or pa in {_plain(n) for n in gb}


def joined_places(places: Iterable[str], text: str) -> list[str]:
    """Neighbouring places the text writes as one name ("Trinidad and Tobago")."""
    items = list(places)
    out: list[str] = []
    from .gazetteer import is_city, is_country

    for a, b in pairwise(items):
        joined = f"{a} and {b}"
        if joined in text and (is_country(joined) or is_city(joined)):
            out.append(joined)
    return out
