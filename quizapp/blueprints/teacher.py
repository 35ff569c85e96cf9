"""Teacher pages: articles, the review queue, authoring, decks and classes."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from markupsafe import Markup

from .. import charts
from ..forms import ActionForm, ArticleForm, ClassForm, DeckForm, ImportForm, QuestionForm
from ..models import APPROVED, DRAFT, REJECTED, RETIRED
from ..services import NotAllowed, ServiceError, classes, decks, exports, library, quizzes, study
from . import deck_download, send_download, teacher_required
from .auth import safe_next

bp = Blueprint("teacher", __name__, url_prefix="/teach")


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@bp.get("/")
@teacher_required
def dashboard() -> str:
    """Counts of drafts, approved questions, articles and classes."""
    counts = library.dashboard_counts(current_user)
    return render_template(
        "teacher/dashboard.html",
        counts=counts,
        drafts=counts.get(DRAFT, 0),
        classes=classes.classes_of_teacher(current_user),
        articles=counts["articles"],
    )


@bp.route("/articles", methods=["GET", "POST"])
@teacher_required
def articles() -> ResponseReturnValue:
    """List articles; add one by pasting or uploading (drafts are generated)."""
    form = ArticleForm()
    status = 200
    if form.validate_on_submit():
        upload = form.upload.data
        text: str | bytes = form.text.data or ""
        if upload and getattr(upload, "filename", ""):
            text = upload.read()
        if not text or (isinstance(text, str) and not text.strip()):
            flash("Paste the article's text or choose a .txt file.", "error")
            status = 400
        else:
            try:
                article, added = library.add_article(
                    current_user,
                    text,
                    form.title.data or "",
                    form.published.data,
                    form.source_url.data or "",
                )
            except library.DuplicateArticle as exc:
                link = url_for("teacher.article", article_id=exc.article_id)
                flash(
                    Markup('This article is already in the bank: <a href="{}">{}</a>.').format(
                        link, exc.title
                    ),
                    "error",
                )
                status = 400
            except ServiceError as exc:
                flash(str(exc), "error")
                status = 400
            else:
                flash(f"Added “{article.title}” with {added} draft questions to review.", "success")
                return redirect(url_for("teacher.article", article_id=article.id))
    elif form.errors:
        status = 400
    rows = library.articles_of(current_user)
    return render_template("teacher/articles.html", form=form, rows=rows), status


@bp.get("/articles/<int:article_id>")
@teacher_required
def article(article_id: int) -> str:
    """An article and its questions by status."""
    try:
        art, questions = library.managed_article(current_user, article_id)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    return render_template(
        "teacher/article.html", article=art, questions=questions, action=ActionForm()
    )


@bp.get("/review")
@teacher_required
def review() -> str:
    """Drafts waiting for review, with their source sentences."""
    return render_template(
        "teacher/review.html", questions=library.review_queue(current_user), action=ActionForm()
    )


@bp.post("/questions/status")
@teacher_required
def set_status() -> ResponseReturnValue:
    """Approve, reject or retire one or many questions."""
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    status = request.form.get("status", "")
    ids = request.form.getlist("ids")
    if status not in (APPROVED, REJECTED, RETIRED, DRAFT):
        abort(400)
    try:
        changed = library.set_status(current_user, ids, status)
    except NotAllowed:
        abort(403)
    except ServiceError as exc:
        flash(str(exc), "error")
    else:
        verb = {
            APPROVED: "Approved",
            REJECTED: "Rejected",
            RETIRED: "Retired",
            DRAFT: "Moved back to drafts",
        }[status]
        flash(f"{verb} {changed} question{'s' if changed != 1 else ''}.", "success")
    target = safe_next(request.form.get("next")) or ""
    return redirect(target if target.startswith("/teach") else url_for("teacher.review"))


@bp.get("/questions")
@teacher_required
def questions() -> str:
    """Every question the teacher manages, filterable by status."""
    status = request.args.get("status", APPROVED)
    rows = library.questions_of(current_user, status)
    return render_template(
        "teacher/questions.html", questions=rows, status=status, action=ActionForm()
    )


@bp.route("/questions/new", methods=["GET", "POST"])
@teacher_required
def new_question() -> ResponseReturnValue:
    """Write a question by hand (every kind, validated)."""
    form = QuestionForm()
    if form.validate_on_submit():
        try:
            q = library.create_question(
                current_user,
                form.kind.data or "",
                {
                    "prompt": form.prompt.data,
                    "answer": form.answer.data,
                    "accepted": _lines(form.accepted.data),
                    "distractors": _lines(form.distractors.data),
                },
                tags=(form.tags.data or "").split(","),
            )
        except ServiceError as exc:
            flash(str(exc), "error")
            return render_template("teacher/question_form.html", form=form, question=None), 400
        flash("Question saved and approved.", "success")
        return redirect(url_for("teacher.questions", status=APPROVED, _anchor=q.id))
    return render_template("teacher/question_form.html", form=form, question=None), (
        400 if form.errors else 200
    )


@bp.route("/questions/<question_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit_question(question_id: str) -> ResponseReturnValue:
    """Edit a question; it keeps its id. "Save and approve" approves it too."""
    try:
        question = library.managed_question(current_user, question_id)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    form = QuestionForm(obj=None)
    if request.method == "GET":
        form.kind.data = question.kind
        form.prompt.data = question.prompt
        form.answer.data = question.answer
        form.accepted.data = "\n".join(question.accepted or [])
        form.distractors.data = "\n".join(c for c in question.choices or [] if c != question.answer)
        form.tags.data = ", ".join(question.tags or [])
    elif form.validate_on_submit():
        try:
            library.edit_question(
                current_user,
                question.id,
                {
                    "prompt": form.prompt.data,
                    "answer": form.answer.data,
                    "accepted": _lines(form.accepted.data),
                    "distractors": _lines(form.distractors.data),
                },
                approve=request.form.get("approve") == "1",
            )
        except ServiceError as exc:
            flash(str(exc), "error")
            return render_template("teacher/question_form.html", form=form, question=question), 400
        flash("Question saved.", "success")
        return redirect(
            url_for("teacher.review") if question.status == DRAFT else url_for("teacher.questions")
        )
    return render_template("teacher/question_form.html", form=form, question=question), (
        400 if form.errors else 200
    )


@bp.route("/decks", methods=["GET", "POST"])
@teacher_required
def deck_list() -> ResponseReturnValue:
    """The teacher's decks; create one from approved questions."""
    form = DeckForm()
    status = 200
    if form.validate_on_submit():
        try:
            deck = decks.create_deck(
                current_user,
                form.name.data or "",
                form.description.data or "",
                request.form.getlist("ids"),
                form.tag.data or "",
            )
        except NotAllowed:
            abort(403)
        except ServiceError as exc:
            flash(str(exc), "error")
            status = 400
        else:
            flash(f"Deck “{deck.name}” created.", "success")
            return redirect(url_for("student.deck", deck_id=deck.id))
    approved = decks.pickable_questions(current_user)
    return render_template(
        "teacher/decks.html",
        form=form,
        decks=decks.teacher_decks(current_user),
        approved=approved,
        all_decks=quizzes.visible_decks(current_user),
        formats=exports.FORMATS,
    ), status


@bp.get("/decks/<int:deck_id>/export/<fmt>")
@teacher_required
def export_deck(deck_id: int, fmt: str) -> ResponseReturnValue:
    """One deck as GIFT, Moodle XML, CSV, TSV or an Anki package."""
    if fmt not in exports.FORMATS:
        abort(404)
    return deck_download(deck_id, fmt)


@bp.post("/export")
@teacher_required
def export_many() -> ResponseReturnValue:
    """Several decks at once, in one file."""
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    fmt = request.form.get("format", "")
    try:
        ids = [int(x) for x in request.form.getlist("decks")]
    except ValueError:
        abort(400)
    try:
        download = exports.export_decks(current_user, ids, fmt)
    except NotAllowed:
        abort(403)
    except ServiceError as exc:
        flash(str(exc), "error")
        return redirect(url_for("teacher.deck_list"))
    return send_download(download.data, download.filename, download.mimetype)


@bp.route("/import", methods=["GET", "POST"])
@teacher_required
def import_gift() -> ResponseReturnValue:
    """Upload a GIFT file; its questions arrive as drafts (all or nothing)."""
    form = ImportForm()
    if form.validate_on_submit():
        upload = form.upload.data
        try:
            added = exports.import_gift(current_user, upload.read() if upload else b"")
        except ServiceError as exc:
            flash(str(exc), "error")
            return render_template("teacher/import.html", form=form), 400
        flash(f"Imported {added} questions as drafts.", "success")
        return redirect(url_for("teacher.review"))
    return render_template("teacher/import.html", form=form), (400 if form.errors else 200)


@bp.route("/classes", methods=["GET", "POST"])
@teacher_required
def class_list() -> ResponseReturnValue:
    """The teacher's classes and their join codes."""
    form = ClassForm()
    if form.validate_on_submit():
        try:
            classroom = classes.create_class(current_user, form.name.data or "")
        except ServiceError as exc:
            flash(str(exc), "error")
        else:
            flash(f"Class created. Its join code is {classroom.join_code}.", "success")
            return redirect(url_for("teacher.class_report", class_id=classroom.id))
    return render_template(
        "teacher/classes.html", form=form, classes=classes.classes_of_teacher(current_user)
    )


@bp.get("/classes/<int:class_id>")
@teacher_required
def class_report(class_id: int) -> str:
    """Each student's scores and activity; per question, the share answered right."""
    try:
        classroom, students, question_rows = classes.report(current_user, class_id)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    studying = study.class_study(current_user, classroom)
    return render_template(
        "teacher/class.html",
        classroom=classroom,
        students=students,
        questions=question_rows,
        studying=studying,
        reviews_chart=charts.reviews_per_day(studying.per_day),
    )
