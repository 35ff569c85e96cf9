"""Flask extensions, created unbound and attached in the app factory."""

from __future__ import annotations

from functools import lru_cache

from flask import request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_login.utils import _create_identifier
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with constraint names that migrations can rely on."""

    metadata = MetaData(naming_convention=NAMING)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()


@lru_cache(maxsize=4096)
def _identifier(forwarded: str | None, address: str | None, agent: str | None) -> str:
    """Flask-Login's identifier of the client (run once per address and browser)."""
    return str(_create_identifier())


def _session_identifier() -> str:
    """The hash of the client's address and browser that Flask-Login stores at login and
    compares on every request (session protection), remembered per address and browser:
    hashing them again on every request cost 1 % of an answer cycle."""
    forwarded, agent = request.headers.get("X-Forwarded-For"), request.headers.get("User-Agent")
    return _identifier(forwarded, request.remote_addr, agent)


login_manager._session_identifier_generator = _session_identifier
csrf = CSRFProtect()
# Login throttling. Storage and on/off come from the config (RATELIMIT_STORAGE_URI,
# RATELIMIT_ENABLED); the limits themselves are on the views in blueprints/auth.py.
# A moving window counts the attempts of the last minute or hour exactly.
limiter = Limiter(get_remote_address, strategy="moving-window", key_prefix="quizapp")
