"""Accounts: students register, teachers are created by CLI or a one-time setup link."""

from __future__ import annotations

import hashlib
import re
import secrets

from flask import current_app
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import defer
from werkzeug.security import check_password_hash, generate_password_hash

from .. import srs
from ..extensions import db
from ..models import STUDENT, TEACHER, Enrollment, SetupToken, User
from ..types import utcnow
from . import ServiceError, classes

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 8


def _fields(email: str, name: str, password: str) -> str:
    """Validate account fields, whoever has the email; returns the normalised email."""
    email = email.strip().lower()
    if not EMAIL.match(email) or len(email) > 254:
        raise ServiceError("Enter a valid email address.")
    if not name.strip() or len(name) > 120:
        raise ServiceError("Enter your name (at most 120 characters).")
    if len(password) < MIN_PASSWORD:
        raise ServiceError(f"Choose a password of at least {MIN_PASSWORD} characters.")
    return email


def _taken(email: str) -> bool:
    """True when an account has this (normalised) email."""
    return db.session.scalar(select(User.id).where(User.email == email)) is not None


def _check(email: str, name: str, password: str) -> str:
    """Validate account fields for the operator (CLI, setup link): a taken email is said."""
    email = _fields(email, name, password)
    if _taken(email):
        raise ServiceError("An account with that email already exists; log in instead.")
    return email


def _hash(password: str) -> str:
    """A password hash by the configured method (scrypt in production)."""
    return generate_password_hash(
        password, method=current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
    )


# one hash of a random password per method, checked when no account has the email
_DUMMY_HASHES: dict[str, str] = {}


def _dummy_hash() -> str:
    """A hash made like a real one, so an unknown email costs the same check."""
    method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
    if method not in _DUMMY_HASHES:
        _DUMMY_HASHES[method] = _hash(secrets.token_urlsafe(16))
    return _DUMMY_HASHES[method]


def _create(email: str, name: str, password: str, role: str) -> User:
    """Insert a user (not committed)."""
    user = User(
        email=_check(email, name, password),
        name=name.strip(),
        password_hash=_hash(password),
        role=role,
    )
    db.session.add(user)
    return user


def _zone(name: str) -> str:
    """A known IANA time zone name, else UTC."""
    return name if name in srs.timezone_names() else "UTC"


def register_student(email: str, name: str, password: str, timezone: str = "UTC") -> User:
    """Create a student account; an unknown time zone name falls back to UTC."""
    user = _create(email, name, password, STUDENT)
    user.timezone = _zone(timezone)
    db.session.commit()
    return user


def register(
    email: str, name: str, password: str, timezone: str = "UTC", join_code: str = ""
) -> None:
    """A student registers on the page, with the same outcome whether the email is new
    or already has an account, so the page tells nobody which emails have accounts.

    Refusals depend only on what was typed (a bad field, an unknown or archived class
    code), never on the email's owner. A new email gets a student account (in the class
    of ``join_code``); an email that has an account is left alone. Both cost one
    password hash, and the caller answers both alike: "now log in"."""
    email = _fields(email, name, password)
    classroom = classes.joinable(join_code) if join_code.strip() else None
    password_hash = _hash(password)  # before the lookup: both ways cost the hash
    if _taken(email):
        db.session.rollback()
        return
    user = User(
        email=email,
        name=name.strip(),
        password_hash=password_hash,
        role=STUDENT,
        timezone=_zone(timezone),
    )
    db.session.add(user)
    try:
        db.session.flush()
        if classroom is not None:
            db.session.add(Enrollment(classroom_id=classroom.id, student_id=user.id))
        db.session.commit()
    except IntegrityError:
        # the same email registered at the same moment: the first one stands
        db.session.rollback()


def create_teacher(email: str, name: str, password: str, timezone: str = "UTC") -> User:
    """Create a teacher account (CLI); an unknown time zone name falls back to UTC."""
    user = _create(email, name, password, TEACHER)
    user.timezone = _zone(timezone)
    db.session.commit()
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user with these credentials, or None.

    An unknown email costs one password check too (against a dummy hash made by the
    same method), so the answer's timing does not tell which emails have accounts."""
    user = find_user(email)
    if user is None:
        check_password_hash(_dummy_hash(), password)
        return None
    if not check_password_hash(user.password_hash, password):
        return None
    return user


# Built once: every request loads its user, and building the statement (its cache key)
# cost more than running it. The columns a page never shows (the password hash, the
# email, the creation time) are left to load when first read, which only the account
# pages do: each column loaded is work on every request.
_SESSION_USER = (
    select(User)
    .options(defer(User.password_hash), defer(User.email), defer(User.created_at))
    .where(User.id == bindparam("id"))
)


def user_for_session(login_id: str) -> User | None:
    """The user a session or remember-me cookie names, while its session version holds.

    ``login_id`` is ``User.get_id()``: "id:version". An id from an older version (the
    user logged out or changed the password since) or in another form gives None."""
    user_id, _, version = login_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    user: User | None = db.session.execute(_SESSION_USER, {"id": int(user_id)}).scalar()
    if user is None or user.session_version != int(version):
        return None
    return user


def end_sessions(user_id: int) -> None:
    """End every session of the user, on every device (their login ids stop working)."""
    db.session.execute(
        update(User)
        .where(User.id == user_id)
        .values(session_version=User.session_version + 1)
        .execution_options(synchronize_session="fetch")
    )
    db.session.commit()


def _set_password(user: User, password: str) -> None:
    """Store a new password and end the user's sessions (not committed)."""
    if len(password) < MIN_PASSWORD:
        raise ServiceError(f"Choose a password of at least {MIN_PASSWORD} characters.")
    user.password_hash = _hash(password)
    user.session_version = User.session_version + 1  # in SQL: two changes both count


def change_password(user_id: int, current: str, new: str) -> User:
    """A user changes their own password; every other session of theirs ends.

    The caller logs the current session in again with the returned user."""
    user = db.session.get(User, user_id)
    if user is None:
        raise ServiceError("That account no longer exists.")
    if not check_password_hash(user.password_hash, current):
        raise ServiceError("Your current password is not right.")
    if new == current:
        raise ServiceError("Choose a new password that differs from the current one.")
    _set_password(user, new)
    db.session.commit()
    return user


def find_user(email: str) -> User | None:
    """The account with this email, or None."""
    user: User | None = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    return user


def reset_password(email: str, password: str) -> User:
    """The administrator sets a user's password; every session of the user ends."""
    user = find_user(email)
    if user is None:
        raise ServiceError(f"No account has the email {email.strip().lower()}.")
    _set_password(user, password)
    db.session.commit()
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


def create_first_teacher(
    token: str, email: str, name: str, password: str, timezone: str = "UTC"
) -> User:
    """Use a setup token to create the first teacher; the token then stops working."""
    if not setup_token_valid(token):
        raise ServiceError("This setup link has expired or was already used.")
    row = db.session.scalar(select(SetupToken).where(SetupToken.token_hash == _digest(token)))
    assert row is not None
    user = _create(email, name, password, TEACHER)
    user.timezone = _zone(timezone)
    row.used_at = utcnow()
    db.session.commit()
    return user
