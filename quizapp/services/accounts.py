"""Accounts: students register, teachers are created by CLI or a one-time setup link."""

from __future__ import annotations

import hashlib
import re
import secrets

from flask import current_app
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from .. import srs
from ..extensions import db
from ..models import STUDENT, TEACHER, SetupToken, User
from ..types import utcnow
from . import ServiceError

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 8


def _check(email: str, name: str, password: str) -> str:
    """Validate account fields; returns the normalised email."""
    email = email.strip().lower()
    if not EMAIL.match(email) or len(email) > 254:
        raise ServiceError("Enter a valid email address.")
    if not name.strip() or len(name) > 120:
        raise ServiceError("Enter your name (at most 120 characters).")
    if len(password) < MIN_PASSWORD:
        raise ServiceError(f"Choose a password of at least {MIN_PASSWORD} characters.")
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        raise ServiceError("An account with that email already exists; log in instead.")
    return email


def _create(email: str, name: str, password: str, role: str) -> User:
    """Insert a user (not committed)."""
    user = User(
        email=_check(email, name, password),
        name=name.strip(),
        password_hash=generate_password_hash(
            password, method=current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
        ),
        role=role,
    )
    db.session.add(user)
    return user


def register_student(email: str, name: str, password: str, timezone: str = "UTC") -> User:
    """Create a student account; an unknown time zone name falls back to UTC."""
    user = _create(email, name, password, STUDENT)
    user.timezone = timezone if timezone in srs.timezone_names() else "UTC"
    db.session.commit()
    return user


def create_teacher(email: str, name: str, password: str) -> User:
    """Create a teacher account (CLI and setup link)."""
    user = _create(email, name, password, TEACHER)
    db.session.commit()
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user with these credentials, or None."""
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or not check_password_hash(user.password_hash, password):
        return None
    return user


def has_teacher() -> bool:
    """True once any teacher account exists."""
    return bool(db.session.scalar(select(func.count(User.id)).where(User.role == TEACHER)))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_setup_token() -> str | None:
    """A one-time token for creating the first teacher, or None once a teacher exists."""
    if has_teacher():
        return None
    token = secrets.token_urlsafe(24)
    db.session.add(SetupToken(token_hash=_digest(token)))
    db.session.commit()
    return token


def setup_token_valid(token: str) -> bool:
    """True for an unused setup token while no teacher exists."""
    if has_teacher():
        return False
    row = db.session.scalar(select(SetupToken).where(SetupToken.token_hash == _digest(token)))
    return row is not None and row.used_at is None


def create_first_teacher(token: str, email: str, name: str, password: str) -> User:
    """Use a setup token to create the first teacher; the token then stops working."""
    if not setup_token_valid(token):
        raise ServiceError("This setup link has expired or was already used.")
    row = db.session.scalar(select(SetupToken).where(SetupToken.token_hash == _digest(token)))
    assert row is not None
    user = _create(email, name, password, TEACHER)
    row.used_at = utcnow()
    db.session.commit()
    return user
