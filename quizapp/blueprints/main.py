"""Home page and article reading (with the cited sentence highlighted)."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from markupsafe import Markup, escape

from ..extensions import db
from ..models import Article

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> object:
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
    art = db.session.get(Article, article_id)
    if art is None:
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
