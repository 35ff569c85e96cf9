"""Blueprints and the role checks every route uses."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_login import current_user, login_required

F = TypeVar("F", bound=Callable[..., Any])


def teacher_required(view: F) -> F:
    """Logged in as a teacher, or 403 (anonymous users go to the login page)."""

    @wraps(view)
    @login_required
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_teacher:
            abort(403)
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


def student_required(view: F) -> F:
    """Logged in as a student, or 403 (anonymous users go to the login page)."""

    @wraps(view)
    @login_required
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if current_user.is_teacher:
            abort(403)
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]
