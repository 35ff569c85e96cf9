"""Role facts: who holds which title ("State Department spokesman Matthew Miller")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..gazetteer import country_of_word
from ..model import Cue, Role


def extract_roles(analysis: Analysis) -> Iterator[Role]:
    """One role per person and office, from titles before names, appositives and "is the".

    Of the titles that name one office, the fullest is kept: "Minister" and "Foreign
    Minister" give way to "Minister of Foreign Affairs" (its words hold theirs)."""
    doc = analysis.doc
    current = {m.person for m in analysis.titles}
    # "former Prime Minister X": an office held before, for someone who holds none now
    past = [m for m in analysis.past_titles if m.person not in current]
    mentions = [m for m in [*analysis.titles, *past] if analysis.is_story(doc[m.start : m.end][0])]
    words = {id(m): _words(m.title) for m in mentions}
    written: dict[str, list[frozenset[str]]] = {}
    for m in mentions:
        written.setdefault(m.person, []).append(words[id(m)])
    kept: dict[str, list[frozenset[str]]] = {}
    for mention in mentions:
        mine = words[id(mention)]
        if any(mine < other for other in written[mention.person]):
            continue  # a fuller title of the same office is written elsewhere
        titles = kept.setdefault(mention.person, [])
        if any(mine <= t for t in titles):
            continue
        titles.append(mine)
        span = doc[mention.start : mention.end]
        sent = span.sent
        cue_start = span[0].idx
        cue_end = span[-1].idx + len(span[-1].text)
        yield Role(
            person=mention.person,
            title=mention.title,
            source=analysis.source(sent),
            cue=Cue(analysis.original(cue_start, cue_end), cue_start, cue_end),
        )


_LINKS = frozenset("of for the and to on".split())


def _words(title: str) -> frozenset[str]:
    """A title's words without its possessor or linking words, for spotting one office
    written twice."""
    core = title.split("'s ", 1)[-1]
    # "Russian" and "of Russia" name one country
    words = [(country_of_word(w) or w).lower() for w in re.findall(r"\w+", core)]
    return frozenset(w for w in words if w not in _LINKS)
