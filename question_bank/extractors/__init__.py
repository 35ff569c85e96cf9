"""Fact extractors, one per fact type, looked up in :data:`EXTRACTORS`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, replace
from typing import Any

from ..analysis import Analysis
from ..model import Fact
from .deadlines import extract_deadlines
from .figures import extract_figures
from .invitations import extract_invitations
from .mediations import extract_mediations
from .meetings import extract_meetings
from .occasions import extract_occasions
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
    "occasion": extract_occasions,
}
"""Every extractor by name; ``figure`` yields both ``term`` and ``quantity`` facts."""


def run_extractors(analysis: Analysis, names: Iterable[str] | None = None) -> Iterator[Fact]:
    """Run the named extractors (all by default) and merge facts stated twice. A
    relative's fact that only repeats the principal's ("President Tomas Varga and First
    Lady Elena Varga arrived in Lisbon": her visit beside his) is left out."""
    seen: dict[tuple[object, ...], Fact] = {}
    for name in names or EXTRACTORS:
        for fact in EXTRACTORS[name](analysis):
            key = fact.key()
            if key not in seen:
                seen[key] = fact
    for fact in seen.values():
        principal = _as_principal(analysis, fact)
        if principal is not None and principal.key() in seen:
            continue
        yield analysis.cite_people(fact)


def _as_principal(analysis: Analysis, fact: Fact) -> Fact | None:
    """The fact with each relative in it replaced by the principal, or None when it names
    no relative."""
    changes: dict[str, Any] = {}
    for field in fields(fact):
        value = getattr(fact, field.name)
        if isinstance(value, str) and (p := analysis.principal_of(value)):
            changes[field.name] = p
        elif isinstance(value, tuple) and any(
            isinstance(v, str) and analysis.principal_of(v) for v in value
        ):
            changes[field.name] = tuple(analysis.principal_of(v) or v for v in value)
    if not changes:
        return None
    return replace(fact, **changes)
