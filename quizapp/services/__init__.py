"""Use cases of the app. Services take plain values and ids, and are the only code
that commits; views parse forms, call one service, then flash and redirect."""

from __future__ import annotations


class ServiceError(ValueError):
    """A request the app refuses, with a message the user can act on."""


class NotAllowed(PermissionError):
    """The user may not do this (views turn it into 403)."""
