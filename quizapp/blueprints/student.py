"""Student pages: decks, quizzes (one question per page), results, history, classes."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required

from ..forms import JoinClassForm, StartQuizForm
from ..models import QuizAttempt
from ..services import NotAllowed, ServiceError, classes, quizzes, stats, study
from . import confirmed, deck_download, read_only, student_required

bp = Blueprint("student", __name__)
MAX_RESPONSE = 1000
"""The longest answer taken (the answer box's maxlength)."""


@bp.get("/decks")
@login_required
def decks() -> str:
    """Every deck the user can take, with the last and best score."""
    due = {} if current_user.is_teacher else stats.due_by_deck(current_user)
    return render_template(
        "student/decks.html",
        due=due,
        due_total=study.queue(current_user).remaining if not current_user.is_teacher else 0,
        summaries=quizzes.visible_decks(current_user),
        unfinished=[] if current_user.is_teacher else quizzes.unfinished(current_user),
        join_form=JoinClassForm(),
        classes=[] if current_user.is_teacher else classes.classes_of_student(current_user),
    )


@bp.route("/decks/<int:deck_id>", methods=["GET", "POST"])
@login_required
def deck(deck_id: int) -> ResponseReturnValue:
    """A deck's page; students start a quiz from it."""
    try:
        deck = quizzes.get_deck(current_user, deck_id)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    form = StartQuizForm()
    if form.validate_on_submit():
        if current_user.is_teacher:
            abort(403)
        try:
            attempt = quizzes.start_quiz(current_user, deck.id, form.length.data or 10)
        except ServiceError as exc:
            flash(str(exc), "error")
        else:
            return redirect(url_for("student.quiz", attempt_id=attempt.id))
    count = len(quizzes.deck_question_ids(deck))
    done = [] if current_user.is_teacher else stats.finished_attempts(current_user, deck.id)
    if form.length.data is None or form.length.data > count:
        form.length.data = min(10, max(count, 1))
    return render_template("student/deck.html", deck=deck, count=count, done=done, form=form)


def _attempt(attempt_id: int) -> QuizAttempt:
    """The student's own quiz, or 403/404."""
    try:
        return quizzes.get_attempt(current_user, attempt_id)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)


@bp.get("/decks/<int:deck_id>/anki")
@login_required
def deck_anki(deck_id: int) -> ResponseReturnValue:
    """Download the deck's approved questions as an Anki package (.apkg)."""
    return deck_download(deck_id, "anki")


@bp.get("/quiz/<int:attempt_id>")
@read_only
@student_required
def quiz(attempt_id: int) -> ResponseReturnValue:
    """The next unanswered question, or the results when all are answered. Questions
    withdrawn since the quiz started are skipped; ``?skip=N`` asks whether to skip N."""
    try:
        page = quizzes.next_question(current_user, attempt_id)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    if page is None:
        return redirect(url_for("student.results", attempt_id=attempt_id))
    # the answer form is written in the template (a WTForms form
    # costs more to build and render than the rest of the page)
    return render_template(
        "student/question.html",
        page=page,
        confirm_skip=request.args.get("skip", type=int) == page.position,
    )


@bp.post("/quiz/<int:attempt_id>/answer")
@student_required
def answer(attempt_id: int) -> ResponseReturnValue:
    """Record an answer (once: a repeat shows the first answer's feedback).

    The form is read from ``request.form`` (CSRFProtect has checked its token): a
    WTForms form built for its two fields cost as much as one of the page's queries."""
    position_field = request.form.get("position", "")
    response = request.form.get("response", "")
    if not position_field.strip() or len(response) > MAX_RESPONSE:
        _attempt(attempt_id)  # someone else's quiz is 403 (a missing one 404) before 400
        abort(400, "The answer form was incomplete or expired; go back and try again.")
    try:
        position = int(position_field)
        quizzes.submit_answer(
            current_user, attempt_id, position, response, skip=request.form.get("skip") == "1"
        )
    except NotAllowed:
        abort(403)
    except quizzes.NoSuchQuiz:
        abort(404)
    except quizzes.EmptyAnswer:
        # nothing recorded: the question page asks "skip this question?"
        return redirect(
            url_for("student.quiz", attempt_id=attempt_id, skip=position, _anchor="skip")
        )
    except quizzes.Withdrawn as exc:
        flash(str(exc), "info")
        return redirect(url_for("student.quiz", attempt_id=attempt_id))
    except (ValueError, ServiceError):
        abort(400, "That question is not part of this quiz.")
    return redirect(url_for("student.feedback", attempt_id=attempt_id, position=position))


@bp.get("/quiz/<int:attempt_id>/feedback/<int:position>")
@read_only
@student_required
def feedback(attempt_id: int, position: int) -> str:
    """Right or wrong, the right answer and the source sentence."""
    try:
        given = quizzes.feedback(current_user, attempt_id, position)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    return render_template("student/feedback.html", given=given, question=given.question)


@bp.get("/quiz/<int:attempt_id>/results")
@student_required
def results(attempt_id: int) -> str:
    """The score and a review of every question."""
    attempt = _attempt(attempt_id)
    return render_template("student/results.html", result=quizzes.result(current_user, attempt.id))


@bp.get("/history")
@student_required
def history() -> str:
    """Every quiz taken, with its score, and progress per deck."""
    return render_template("student/history.html", rows=stats.history(current_user))


@bp.post("/classes/join")
@student_required
def join() -> ResponseReturnValue:
    """Join a teacher's class with its code."""
    form = JoinClassForm()
    if form.validate_on_submit():
        try:
            classroom = classes.join_class(current_user, form.code.data or "")
        except ServiceError as exc:
            flash(str(exc), "error")
        else:
            flash(f"You joined {classroom.name}.", "success")
    else:
        flash("Enter the class code your teacher gave you.", "error")
    return redirect(url_for("student.decks"))


@bp.route("/classes/<int:class_id>/leave", methods=["GET", "POST"])
@student_required
def leave(class_id: int) -> ResponseReturnValue:
    """Say what leaving a class does; leave it once confirmed."""

    def act() -> ResponseReturnValue:
        done = classes.leave_class(current_user, class_id)
        flash(f"You left {done.classroom.name}.", "success")
        return redirect(url_for("student.decks"))

    return confirmed(
        act,
        lambda: {"plan": classes.leaving_plan(current_user, class_id)},
        "student/leave_class.html",
    )
