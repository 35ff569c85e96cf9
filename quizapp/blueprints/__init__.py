"""Blueprints and the role checks every route uses."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast
from urllib.parse import quote

from flask import Response, abort, flash, redirect, render_template, request, send_file, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required
from werkzeug.wrappers import Response as BaseResponse

from question_bank.exporters import ascii_filename

F = TypeVar("F", bound=Callable[..., Any])


def teacher_required(view: F) -> F:
    """Logged in as a teacher, or 403 (anonymous users go to the login page)."""

    @wraps(view)
    @login_required
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_teacher:
            abort(403)
        return view(*args, **kwargs)

    return cast(F, wrapped)


def student_required(view: F) -> F:
    """Logged in as a student, or 403 (anonymous users go to the login page)."""

    @wraps(view)
    @login_required
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if current_user.is_teacher:
            abort(403)
        return view(*args, **kwargs)

    return cast(F, wrapped)


def read_only(view: F) -> F:
    """Marks a view whose GET only reads the database: on PostgreSQL it runs outside a
    transaction (autocommit), which spares its BEGIN and ROLLBACK round trips (see
    ``quizapp._read_only_views``). Each statement sees the data committed when it
    starts, as it would in a READ COMMITTED transaction; a view that writes must not
    carry this mark (a write would be committed statement by statement)."""
    setattr(view, "read_only", True)  # noqa: B010 (an attribute of a function)
    return view


def send_download(data: bytes, filename: str, mimetype: str) -> Response:
    """Send bytes as a file download, its name in UTF-8 with an ASCII stand-in.

    ``filename*`` (RFC 6266/5987) carries the name with its letters in any script;
    ``filename`` is for old clients: accents dropped, "news-quiz" when nothing Latin
    is left (Werkzeug's own stand-in for "Ειδήσεις.csv" would be ".csv").
    """
    response = send_file(io.BytesIO(data), mimetype=mimetype)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{ascii_filename(filename)}"; '
        f"filename*=UTF-8''{quote(filename, safe='')}"
    )
    return response


def deck_download(deck_id: int, fmt: str) -> BaseResponse:
    """A deck exported in a format, sent as a download; or why not (403, or a message)."""
    from ..services import NotAllowed, ServiceError, exports

    try:
        download = exports.export_decks(current_user, [deck_id], fmt)
    except NotAllowed:
        abort(403)
    except ServiceError as exc:
        flash(str(exc), "error")
        return redirect(url_for("student.deck", deck_id=deck_id))
    return send_download(download.data, download.filename, download.mimetype)


def confirmed(
    act: Callable[[], ResponseReturnValue],
    show: Callable[[], dict[str, Any]],
    template: str,
) -> ResponseReturnValue:
    """A change that asks first: GET shows what it will do (``show`` gives the page's
    context), a confirmed POST does it (``act``); another POST is 400, someone else's
    object 403, a missing one 404."""
    from ..forms import ConfirmForm
    from ..services import NotAllowed, ServiceError

    form = ConfirmForm()
    try:
        if form.validate_on_submit():
            return act()
        if request.method == "POST":
            abort(400)
        context = show()
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    return render_template(template, form=form, **context)
