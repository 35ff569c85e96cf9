"""Home page and article reading (with the cited sentence highlighted)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required
from markupsafe import Markup, escape

from question_bank.articles import http_url

from ..localtime import localtime_filter
from ..services import NotAllowed, ServiceError, library

bp = Blueprint("main", __name__)
# every datetime on a page: in the current user's zone, which it names (UTC when anonymous)
bp.add_app_template_filter(localtime_filter, "localtime")


@bp.app_context_processor
def fixed_urls() -> dict[str, Callable[..., str]]:
    """``fixed_url(endpoint, **values)`` for templates: ``url_for`` for the addresses every
    page links to (the menu, the style sheet), built once per worker and script root
    instead of on every page."""
    by_root: dict[str, dict[tuple[Any, ...], str]] = current_app.extensions.setdefault(
        "quizapp.urls", {}
    )
    urls = by_root.setdefault(request.script_root, {})

    def fixed_url(endpoint: str, **values: Any) -> str:
        key = (endpoint, *sorted(values.items()))
        url = urls.get(key)
        if url is None:
            url = urls[key] = url_for(endpoint, **values)
        return url

    return {"fixed_url": fixed_url}


@bp.app_template_filter("http_url")
def http_url_filter(value: str | None) -> str | None:
    """The value when it is an http(s) address, else None: only such links are rendered."""
    return http_url(value) if value else None


@bp.get("/")
def index() -> ResponseReturnValue:
    """Landing page, or the user's own start page."""
    if current_user.is_authenticated:
        return redirect(
            url_for("teacher.dashboard" if current_user.is_teacher else "student.decks")
        )
    return render_template("index.html")


@bp.get("/healthz")
def healthz() -> tuple[str, int, dict[str, str]]:
    """Liveness check for load balancers (no database access)."""
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}


@bp.get("/articles/<int:article_id>")
@login_required
def article(article_id: int) -> str:
    """An article, with ?start=&end= highlighting the sentence a question cites."""
    try:
        art = library.get_article(current_user, article_id)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    start = request.args.get("start", type=int)
    end = request.args.get("end", type=int)
    text = art.text
    if start is not None and end is not None and 0 <= start < end <= len(text):
        body = (
            escape(text[:start])
            + Markup('<mark id="cited">')
            + escape(text[start:end])
            + Markup("</mark>")
            + escape(text[end:])
        )
    else:
        body = escape(text)
    paragraphs = [p for p in str(body).split("\n") if p.strip()]
    return render_template("article.html", article=art, paragraphs=[Markup(p) for p in paragraphs])
