"""Times as a person reads them: stored in UTC, shown in the user's own time zone.

Every datetime a page shows goes through the ``localtime`` template filter, which names
the zone it converted to ("30 Nov 2026, 14:05 (Europe/Paris)"), so nobody has to guess
whether a time is theirs or the server's. Anonymous pages use UTC.
"""

from __future__ import annotations

import datetime as dt

from flask import has_request_context
from flask_login import current_user

from . import srs

DEFAULT_FORMAT = "%d %b %Y, %H:%M"


def format_local(
    value: dt.datetime | None, zone_name: str | None, fmt: str = DEFAULT_FORMAT
) -> str:
    """``value`` in the named zone, formatted with ``fmt`` and followed by the zone's name.

    A naive value is read as UTC (the database stores UTC); an empty or unknown zone
    name is UTC; no value gives an en dash."""
    if value is None:
        return "–"
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    tz = srs.zone(zone_name)
    return f"{value.astimezone(tz).strftime(fmt)} ({tz.key})"


def user_zone() -> str:
    """The current user's time zone name; UTC when nobody is logged in."""
    if not has_request_context() or not current_user.is_authenticated:
        return "UTC"
    return str(getattr(current_user, "timezone", None) or "UTC")


def localtime_filter(value: dt.datetime | None, fmt: str = DEFAULT_FORMAT) -> str:
    """Template filter: ``{{ attempt.started_at|localtime }}`` in the current user's zone."""
    return format_local(value, user_zone(), fmt)
