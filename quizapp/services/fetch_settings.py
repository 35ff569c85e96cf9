"""The library's fetch settings as this app configures them (used by the article pages
and by the background jobs alike, so neither imports the other)."""

from __future__ import annotations

import ipaddress
from dataclasses import replace

from flask import current_app

from question_bank.sources import SourceSettings

from . import ServiceError


def source_settings() -> SourceSettings:
    """The library's fetch settings, with private addresses allowed when the app's
    ``ALLOW_PRIVATE_URLS`` (``QUIZAPP_ALLOW_PRIVATE_URLS``) or the library's own
    ``QUESTION_BANK_ALLOW_PRIVATE_URLS`` says so.

    ``ALLOW_PRIVATE_URLS`` is true (``1``) to allow every private address, or a
    comma-separated list of networks to allow only those. ``SOURCE_SETTINGS``, a
    mapping of :class:`~question_bank.sources.SourceSettings` fields, changes the
    limits (``{"max_download_bytes": 5_000_000, "total_timeout": 20}``).
    """
    settings = replace(
        SourceSettings.from_env(), **(current_app.config.get("SOURCE_SETTINGS") or {})
    )
    value = current_app.config.get("ALLOW_PRIVATE_URLS")
    if value is True or (isinstance(value, int) and value == 1):
        return replace(settings, allow_private=True)
    if isinstance(value, str) and value.strip():
        text = value.strip().lower()
        if text in ("1", "true", "yes", "on"):
            return replace(settings, allow_private=True)
        if text not in ("0", "false", "no", "off"):
            try:
                networks = tuple(
                    ipaddress.ip_network(part.strip(), strict=False)
                    for part in text.split(",")
                    if part.strip()
                )
            except ValueError:
                raise ServiceError(
                    f"ALLOW_PRIVATE_URLS={value!r} is neither 1 nor a list of networks."
                ) from None
            return replace(settings, allowed_networks=settings.allowed_networks + networks)
    return settings
