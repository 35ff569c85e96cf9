"""Signed session cookies and CSRF tokens, verified and signed once per worker.

A browser sends the same session cookie with every request until its session changes,
and every page with a form carries a CSRF token signed from the same session value.
Checking that signature and decoding the cookie, and signing a new token, cost about a
tenth of an answer page; the answers never change for the same input. So each worker
remembers the cookies it has verified and the tokens it has signed, keyed by the
secret keys in use: a new key verifies and signs anew. Nothing unsigned is ever
trusted: a cookie is taken from memory only when it is, byte for byte, one this worker
verified with the same keys.
"""

from __future__ import annotations

import time
from typing import Any

from flask import Flask, Request, current_app, g, session
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask_wtf.csrf import generate_csrf
from itsdangerous import BadSignature

CACHE_SIZE = 10_000
"""Entries per cache and worker; a full cache drops its oldest entries."""

_SCALARS = (str, int, float, bool, type(None))


def _make_room(cache: dict[Any, Any]) -> None:
    """Drop the oldest entries of a full cache (never the one just used: emptying it
    all would re-sign a page's token between two requests of one session)."""
    while len(cache) >= CACHE_SIZE:
        cache.pop(next(iter(cache)))


def _keys(app: Flask) -> tuple[Any, ...]:
    """The secret keys that sign and verify: the current one and any fallbacks."""
    return (app.secret_key, *(app.config.get("SECRET_KEY_FALLBACKS") or ()))


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie sessions; each worker remembers the cookies it verified.

    A remembered cookie gives a new session with the same data, after the same age check
    as Flask's (``PERMANENT_SESSION_LIFETIME`` from the time it was signed). Only
    sessions whose values are all plain strings, numbers or booleans are remembered (a
    list in the session, such as flashed messages, may be changed in place)."""

    def __init__(self) -> None:
        self._verified: dict[tuple[Any, ...], tuple[int, dict[str, Any]]] = {}

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        """The request's session, verified once per cookie and worker."""
        val = request.cookies.get(self.get_cookie_name(app))
        if not val or not app.secret_key:
            return super().open_session(app, request)
        max_age = int(app.permanent_session_lifetime.total_seconds())
        key = (val, *_keys(app))
        known = self._verified.get(key)
        if known is not None:
            signed_at, data = known
            if 0 <= int(time.time()) - signed_at <= max_age:
                return self.session_class(data)
            return self.session_class()
        serializer = self.get_signing_serializer(app)
        if serializer is None:
            return None
        try:
            data, signed = serializer.loads(val, max_age=max_age, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        if isinstance(data, dict) and all(isinstance(v, _SCALARS) for v in data.values()):
            _make_room(self._verified)
            self._verified[key] = (int(signed.timestamp()), dict(data))
        return self.session_class(data)


_TOKENS: dict[tuple[Any, ...], str] = {}


def csrf_token() -> str:
    """The CSRF token for the page's forms (Flask-WTF's ``csrf_token()``), signed once per
    session value and worker.

    A token only has to be signed from the session's value with the secret key; while
    tokens do not expire (``WTF_CSRF_TIME_LIMIT`` is None) one signed earlier is as
    valid as a new one. With a time limit, each request signs its own as Flask-WTF does."""
    config = current_app.config
    field = config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    if config.get("WTF_CSRF_TIME_LIMIT") is not None:
        return str(generate_csrf())
    secret = config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key
    raw = session.get(field)
    if field in g:
        # signed this request already, maybe by a form's own field: remember it, or the
        # next page would sign another
        signed = str(g.get(field))
        if raw is not None and (raw, field, secret) not in _TOKENS:
            _make_room(_TOKENS)
            _TOKENS[(raw, field, secret)] = signed
        return signed
    token = _TOKENS.get((raw, field, secret)) if raw is not None else None
    if token is None:
        token = str(generate_csrf())
        # a session without one gets its value from generate_csrf: remember the token
        # under it too, or the next page would sign another
        raw = session.get(field)
        if raw is not None:
            _make_room(_TOKENS)
            _TOKENS[(raw, field, secret)] = token
    setattr(g, field, token)
    return token


def init_app(app: Flask) -> None:
    """Use the remembering session interface and token signer (after CSRFProtect)."""
    app.session_interface = SessionInterface()
    app.jinja_env.globals["csrf_token"] = csrf_token
    # Flask-WTF's context processor also puts its own csrf_token into every template
    app.context_processor(lambda: {"csrf_token": csrf_token})
