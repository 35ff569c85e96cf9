"""Flashcard study (per deck or across all decks), study settings and the progress page."""

from __future__ import annotations

import time

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from .. import charts, srs
from ..forms import RatingForm, StudySettingsForm
from ..services import NotAllowed, ServiceError, stats, study
from . import student_required

bp = Blueprint("study", __name__)


def _study_url(deck_id: int | None) -> str:
    """The study page of one deck, or of all decks."""
    if deck_id is None:
        return url_for("study.all_decks")
    return url_for("study.deck", deck_id=deck_id)


def _page(deck_id: int | None) -> str:
    """The next card of the queue (front, or back with ``?show=1``), or 'done'."""
    try:
        q = study.queue(current_user, deck_id)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    form = labels = None
    if q.question is not None:
        form = RatingForm(
            question=q.question.id,
            card=str(q.card.id) if q.card else "",
            seq=str(q.card.reps if q.card else 0),
            deck=str(deck_id) if deck_id is not None else "",
            shown_at=str(int(time.time() * 1000)),
        )
        labels = study.interval_labels(current_user, q.card)
    return render_template(
        "student/study.html",
        q=q,
        deck=q.deck,
        form=form,
        labels=labels,
        ratings=srs.RATINGS,
        state_names=srs.STATE_NAMES,
        show=request.args.get("show") == "1",
        study_url=_study_url(deck_id),
    )


@bp.get("/study")
@student_required
def all_decks() -> str:
    """Study across every deck the student can see."""
    return _page(None)


@bp.get("/study/deck/<int:deck_id>")
@student_required
def deck(deck_id: int) -> str:
    """Study one deck."""
    return _page(deck_id)


@bp.post("/study/rate")
@student_required
def rate() -> ResponseReturnValue:
    """Record a rating, then show the next card (a repeat is recorded once)."""
    form = RatingForm()
    deck_id = int(form.deck.data) if form.deck.data and form.deck.data.isdigit() else None
    if not form.validate_on_submit():
        abort(400, "The rating form was incomplete or expired; go back and try again.")
    try:
        seq = int(form.seq.data or "")
        card_id = int(form.card.data) if form.card.data else None
        shown = int(form.shown_at.data) if form.shown_at.data else None
    except ValueError:
        abort(400, "The rating form was not valid; go back and try again.")
    duration = int(time.time() * 1000) - shown if shown else None
    try:
        study.rate(
            current_user,
            form.question.data or "",
            int(form.rating.data or 0),
            seq,
            card_id=card_id,
            deck_id=deck_id,
            duration_ms=duration,
        )
    except NotAllowed as exc:
        abort(403, str(exc))
    except ServiceError as exc:
        flash(str(exc), "error")
    return redirect(_study_url(deck_id))


@bp.route("/study/settings", methods=["GET", "POST"])
@student_required
def settings() -> ResponseReturnValue:
    """Time zone, new cards a day, desired retention."""
    form = StudySettingsForm(obj=current_user)
    # plain names are choices whose value is their label; types-WTForms 3.2 knows only
    # (value, label) tuples, which WTForms 3.3 deprecates
    form.timezone.choices = list(srs.timezone_names())  # type: ignore[arg-type]
    if form.validate_on_submit():
        try:
            study.update_settings(
                current_user,
                form.timezone.data or "UTC",
                int(form.new_per_day.data or 0),
                float(form.desired_retention.data or 0),
            )
        except ServiceError as exc:
            flash(str(exc), "error")
        else:
            flash("Study settings saved.", "success")
            return redirect(url_for("study.settings"))
    return render_template("student/study_settings.html", form=form)


@bp.get("/progress")
@student_required
def progress() -> str:
    """Cards due, reviews per day, streak, retention and mastery per deck."""
    p = stats.progress(current_user)
    forecast = charts.bar_chart(
        "Cards due in the next 7 days",
        [(f"{d.date:%a %d %b}: {d.count} due", f"{d.date:%a}", d.count, 0) for d in p.forecast],
    )
    reviews = charts.reviews_per_day(p.per_day)
    return render_template(
        "student/progress.html", p=p, forecast_chart=forecast, reviews_chart=reviews
    )
