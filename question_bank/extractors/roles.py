"""Role facts: who holds which title ("State Department spokesman Matthew Miller")."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import Analysis
from ..model import Cue, Role


def extract_roles(analysis: Analysis) -> Iterator[Role]:
    """One role per person and title, from titles before names, appositives and "is the"."""
    doc = analysis.doc
    kept: dict[str, list[str]] = {}
    current = {m.person for m in analysis.titles}
    # "former Prime Minister X": an office held before, for someone who holds none now
    past = [m for m in analysis.past_titles if m.person not in current]
    for mention in [*analysis.titles, *past]:
        span = doc[mention.start : mention.end]
        if not analysis.is_story(span[0]):
            continue
        titles = kept.setdefault(mention.person, [])
        low = _core(mention.title)
        if any(low in t or t in low for t in titles):
            continue
        titles.append(low)
        sent = span.sent
        cue_start = span[0].idx
        cue_end = span[-1].idx + len(span[-1].text)
        yield Role(
            person=mention.person,
            title=mention.title,
            source=analysis.source(sent),
            cue=Cue(analysis.original(cue_start, cue_end), cue_start, cue_end),
        )


def _core(title: str) -> str:
    """A title without its possessor, for spotting the same title twice."""
    return title.lower().split("'s ", 1)[-1]
