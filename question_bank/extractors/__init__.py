"""Fact extractors, one per fact type, looked up in :data:`EXTRACTORS`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..analysis import Analysis
from ..model import Fact
from .deadlines import extract_deadlines
from .figures import extract_figures
from .invitations import extract_invitations
from .mediations import extract_mediations
from .meetings import extract_meetings
from .roles import extract_roles
from .signings import extract_signings
from .trips import extract_trips
from .visits import extract_visits

Extractor = Callable[[Analysis], Iterable[Fact]]

EXTRACTORS: dict[str, Extractor] = {
    "role": extract_roles,
    "trip": extract_trips,
    "visit": extract_visits,
    "meeting": extract_meetings,
    "figure": extract_figures,
    "mediation": extract_mediations,
    "deadline": extract_deadlines,
    "signing": extract_signings,
    "invitation": extract_invitations,
}
"""Every extractor by name; ``figure`` yields both ``term`` and ``quantity`` facts."""


def run_extractors(analysis: Analysis, names: Iterable[str] | None = None) -> Iterator[Fact]:
    """Run the named extractors (all by default) and merge facts stated twice."""
    seen: dict[tuple[object, ...], Fact] = {}
    for name in names or EXTRACTORS:
        for fact in EXTRACTORS[name](analysis):
            key = fact.key()
            if key in seen:
                continue
            seen[key] = fact
            yield analysis.cite_people(fact)
