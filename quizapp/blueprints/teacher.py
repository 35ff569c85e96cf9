"""Teacher pages: articles, the review queue, authoring, decks and classes."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from markupsafe import Markup

from .. import charts
from ..forms import (
    ActionForm,
    ArticleForm,
    BulkArticlesForm,
    ClassForm,
    ConfirmForm,
    DeckEditForm,
    DeckForm,
    ImportForm,
    PreviewForm,
    QuestionForm,
    RenameClassForm,
    SourceForm,
)
from ..models import APPROVED, DRAFT, JOB_DONE, REJECTED, RETIRED, ArticleJob
from ..services import (
    NotAllowed,
    ServiceError,
    classes,
    decks,
    exports,
    jobs,
    library,
    quizzes,
    review,
    sources,
    stats,
)
from . import confirmed, deck_download, send_download, teacher_required
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


def _articles_page(
    status: int = 200,
    form: ArticleForm | None = None,
    source_form: SourceForm | None = None,
    bulk_form: BulkArticlesForm | None = None,
) -> tuple[str, int]:
    """The Articles page: the ways to add articles, recent additions, the list."""
    return render_template(
        "teacher/articles.html",
        form=form or ArticleForm(formdata=None),
        source_form=source_form or SourceForm(formdata=None),
        bulk_form=bulk_form or BulkArticlesForm(formdata=None),
        rows=library.articles_of(current_user),
        jobs=jobs.recent_jobs(current_user),
    ), status


def _added(job: ArticleJob) -> ResponseReturnValue | None:
    """Where to go once an article is handed in: its page when it is done, the job's
    page while it is generated in the background; None (with a message flashed)
    when it was not added."""
    if job.state == JOB_DONE and job.article_id is not None:
        flash(
            f"Added “{job.title}” with {job.drafts} draft questions to review.",
            "success",
        )
        return redirect(url_for("teacher.article", article_id=job.article_id))
    if job.pending:
        flash("The article is queued: its questions are generated in the background.", "info")
        return redirect(url_for("teacher.article_job", job_id=job.id))
    if job.duplicate_of is not None:
        link = url_for("teacher.article", article_id=job.duplicate_of.id)
        message = Markup('This article is already in the bank: <a href="{}">{}</a>.').format(
            link, job.duplicate_of.title
        )
        flash(message, "error")
    else:
        flash(job.error or "The article was not added.", "error")
    return None


@bp.route("/articles", methods=["GET", "POST"])
@teacher_required
def articles() -> ResponseReturnValue:
    """List articles; add one by pasting or uploading a .txt file (drafts are generated)."""
    form = ArticleForm()
    if not form.validate_on_submit():
        return _articles_page(400 if form.errors else 200, form=form)
    upload = form.upload.data
    text: str | bytes = form.text.data or ""
    if upload and getattr(upload, "filename", ""):
        if isinstance(text, str) and text.strip():
            flash(
                "Choose a file or paste the text, not both: nothing was added. "
                "Clear one of them and send again.",
                "error",
            )
            return _articles_page(400, form=form)
        text = upload.read()
    if not text or (isinstance(text, str) and not text.strip()):
        flash("Paste the article's text or choose a .txt file.", "error")
        return _articles_page(400, form=form)
    try:
        job = jobs.add_text(
            current_user,
            text,
            form.title.data or "",
            form.published.data,
            form.source_url.data or "",
        )
    except ServiceError as exc:
        flash(str(exc), "error")
        return _articles_page(400, form=form)
    return _added(job) or _articles_page(400, form=form)


@bp.post("/articles/preview")
@teacher_required
def preview_article() -> ResponseReturnValue:
    """Fetch a page or read a file, and show what was found, to check before adding."""
    source_form = SourceForm()
    if not source_form.validate_on_submit():
        return _articles_page(400, source_form=source_form)
    upload = source_form.upload.data
    try:
        if upload and getattr(upload, "filename", ""):
            found = sources.preview_file(current_user, upload.filename or "", upload.read())
        elif (source_form.url.data or "").strip():
            found = sources.preview_url(current_user, source_form.url.data or "")
        else:
            raise ServiceError("Enter a web address or choose a file.")
    except ServiceError as exc:
        flash(str(exc), "error")
        return _articles_page(400, source_form=source_form)
    form = PreviewForm(
        formdata=None,
        name=found.name,
        title=found.title,
        published=found.published,
        source_url=found.source_url,
        text=found.text,
    )
    return render_template("teacher/preview.html", form=form, preview=found)


@bp.post("/articles/confirm")
@teacher_required
def confirm_article() -> ResponseReturnValue:
    """Add the article the teacher checked on the preview, as it stands in the form."""
    form = PreviewForm()
    if form.validate_on_submit():
        try:
            job = jobs.add_text(
                current_user,
                form.text.data or "",
                form.title.data or "",
                form.published.data,
                form.source_url.data or "",
                name=form.name.data or "previewed article",
            )
        except ServiceError as exc:
            flash(str(exc), "error")
        else:
            done = _added(job)
            if done is not None:
                return done
    return render_template("teacher/preview.html", form=form, preview=None), 400


@bp.post("/articles/bulk")
@teacher_required
def bulk_articles() -> ResponseReturnValue:
    """Several articles in one go: files, zips, URL lists and URLs; one report."""
    bulk_form = BulkArticlesForm()
    if not bulk_form.validate_on_submit():
        return _articles_page(400, bulk_form=bulk_form)
    files = [(f.filename or "", f.read()) for f in bulk_form.uploads.data or [] if f]
    try:
        batch = sources.add_many(current_user, files, bulk_form.urls.data or "")
    except ServiceError as exc:
        flash(str(exc), "error")
        return _articles_page(400, bulk_form=bulk_form)
    return redirect(url_for("teacher.article_batch", batch=batch))


@bp.get("/articles/jobs/<int:job_id>")
@teacher_required
def article_job(job_id: int) -> str:
    """One article on its way in: queued, generating, done or failed (refreshes itself)."""
    try:
        job = jobs.get_job(current_user, job_id)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    return render_template("teacher/job.html", job=job)


@bp.get("/articles/batches/<batch>")
@teacher_required
def article_batch(batch: str) -> str:
    """The report of a bulk upload: each article on its own line (refreshes itself)."""
    try:
        rows = jobs.batch_jobs(current_user, batch)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    pending = sum(1 for job in rows if job.pending)
    return render_template("teacher/batch.html", rows=rows, pending=pending)


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


@bp.route("/articles/<int:article_id>/delete", methods=["GET", "POST"])
@teacher_required
def delete_article(article_id: int) -> ResponseReturnValue:
    """Say what deleting the article does to what; delete it once confirmed."""

    def act() -> ResponseReturnValue:
        done = library.delete_article(current_user, article_id)
        flash(
            f"Deleted “{done.article.title}”: {done.deleted} question"
            f"{'' if done.deleted == 1 else 's'} deleted, {done.kept} kept as retired.",
            "success",
        )
        return redirect(url_for("teacher.articles"))

    return confirmed(
        act,
        lambda: {"plan": library.deletion_plan(current_user, article_id)},
        "teacher/delete_article.html",
    )


@bp.get("/review", endpoint="review")
@teacher_required
def review_queue() -> str:
    """Drafts waiting for review, 25 a page, filtered and searched, one fact's together."""
    filters = review.Filters.from_args(request.args, DRAFT)
    listing = review.listing(
        current_user, replace(filters, status=DRAFT), request.args.get("page", 1, type=int)
    )
    return render_template("teacher/review.html", listing=listing, filters=listing.filters)


@bp.route("/review/approve-all", methods=["GET", "POST"])
@teacher_required
def approve_all() -> ResponseReturnValue:
    """Say how many drafts "approve all" approves; approve them once confirmed."""
    form = ConfirmForm()
    source = request.form if request.method == "POST" else request.args
    filters = replace(review.Filters.from_args(source, DRAFT), status=DRAFT)
    if form.validate_on_submit():
        try:
            approved = review.approve_all(
                current_user, filters, request.form.get("expected", -1, type=int)
            )
        except ServiceError as exc:
            flash(str(exc), "error")
            return redirect(url_for("teacher.approve_all", **filters.args()))
        flash(f"Approved {approved} question{'s' if approved != 1 else ''}.", "success")
        return redirect(url_for("teacher.review", **filters.args()))
    if request.method == "POST":
        abort(400)
    count = review.count_matching(current_user, filters)
    return render_template("teacher/approve_all.html", filters=filters, count=count, form=form)


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
    """Every question the teacher manages, by status, 25 a page, filtered and searched."""
    filters = review.Filters.from_args(request.args, APPROVED)
    listing = review.listing(current_user, filters, request.args.get("page", 1, type=int))
    return render_template("teacher/questions.html", listing=listing, filters=listing.filters)


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
            return redirect(url_for("teacher.edit_deck", deck_id=deck.id))
    filters = review.Filters.from_args(request.args, APPROVED)
    picks = decks.pick_list(current_user, filters, request.args.get("page", 1, type=int))
    return render_template(
        "teacher/decks.html",
        form=form,
        decks=decks.teacher_decks(current_user),
        picks=picks,
        filters=picks.filters,
        all_decks=quizzes.visible_decks(current_user),
        formats=exports.FORMATS,
    ), status


@bp.route("/decks/<int:deck_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit_deck(deck_id: int) -> ResponseReturnValue:
    """A deck's name, description and questions; a searchable list of questions to add."""
    form = DeckEditForm()
    status = 200
    try:
        if form.validate_on_submit():
            decks.update_deck(
                current_user, deck_id, form.name.data or "", form.description.data or ""
            )
            flash("Deck saved.", "success")
            return redirect(url_for("teacher.edit_deck", deck_id=deck_id))
        if form.errors:
            status = 400
        page = decks.editor(
            current_user,
            deck_id,
            review.Filters.from_args(request.args, APPROVED),
            request.args.get("page", 1, type=int),
        )
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    if request.method == "GET":
        form.name.data = page.contents.deck.name
        form.description.data = page.contents.deck.description
    return render_template(
        "teacher/deck_edit.html",
        contents=page.contents,
        form=form,
        picks=page.picks,
        filters=page.picks.filters,
    ), status


@bp.route("/decks/<int:deck_id>/delete", methods=["GET", "POST"])
@teacher_required
def delete_deck(deck_id: int) -> ResponseReturnValue:
    """Say what deleting the deck does to what; delete it once confirmed."""

    def act() -> ResponseReturnValue:
        done = decks.delete_deck(current_user, deck_id)
        flash(
            f"Deleted the deck “{done.deck.name}”; its {done.questions} question"
            f"{'' if done.questions == 1 else 's'} stay in the bank.",
            "success",
        )
        return redirect(url_for("teacher.deck_list"))

    return confirmed(
        act,
        lambda: {"plan": decks.deletion_plan(current_user, deck_id)},
        "teacher/delete_deck.html",
    )


@bp.post("/decks/<int:deck_id>/questions")
@teacher_required
def deck_questions(deck_id: int) -> ResponseReturnValue:
    """Add the picked questions to a deck, or take questions out (after a confirmation
    that says they stay in the bank with their history)."""
    form = ConfirmForm()
    add = request.form.getlist("add")
    remove = request.form.getlist("remove")
    back = safe_next(request.form.get("next")) or ""
    if not back.startswith(f"/teach/decks/{deck_id}/edit"):
        back = url_for("teacher.edit_deck", deck_id=deck_id)
    try:
        if remove and not form.validate_on_submit():
            if not ActionForm().validate_on_submit():
                abort(400)
            contents = decks.deck_contents(current_user, deck_id)
            chosen = [q for q in contents.questions if q.id in set(remove)]
            if not chosen:
                raise ServiceError("Select the questions to take out.")
            return render_template(
                "teacher/deck_remove.html", contents=contents, chosen=chosen, form=form, back=back
            )
        if not ActionForm().validate_on_submit():
            abort(400)
        added, removed = decks.change_questions(current_user, deck_id, add=add, remove=remove)
    except NotAllowed:
        abort(403)
    except ServiceError as exc:
        flash(str(exc), "error")
        return redirect(back)
    parts = []
    if added:
        parts.append(f"added {added} question{'s' if added != 1 else ''}")
    if removed:
        parts.append(f"took {removed} question{'s' if removed != 1 else ''} out")
    flash("Deck changed: " + " and ".join(parts) + ".", "success")
    return redirect(back)


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
        "teacher/classes.html",
        form=form,
        classes=classes.classes_of_teacher(current_user),
        archived=classes.classes_of_teacher(current_user, archived=True),
    )


@bp.get("/classes/<int:class_id>")
@teacher_required
def class_report(class_id: int) -> str:
    """Each student's scores and activity; per question, the share answered right."""
    try:
        classroom, students, question_rows = stats.class_report(current_user, class_id)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    studying = stats.class_study(current_user, classroom)
    return render_template(
        "teacher/class.html",
        classroom=classroom,
        students=students,
        questions=question_rows,
        studying=studying,
        reviews_chart=charts.reviews_per_day(studying.per_day),
        rename_form=RenameClassForm(name=classroom.name),
        action=ActionForm(),
    )


@bp.post("/classes/<int:class_id>/rename")
@teacher_required
def rename_class(class_id: int) -> ResponseReturnValue:
    """Give a class another name."""
    form = RenameClassForm()
    if not form.validate_on_submit():
        flash("Give the class a name (at most 120 characters).", "error")
        return redirect(url_for("teacher.class_report", class_id=class_id))
    try:
        classes.rename_class(current_user, class_id, form.name.data or "")
    except NotAllowed:
        abort(403)
    except ServiceError as exc:
        flash(str(exc), "error")
    else:
        flash("Class renamed.", "success")
    return redirect(url_for("teacher.class_report", class_id=class_id))


@bp.route("/classes/<int:class_id>/archive", methods=["GET", "POST"])
@teacher_required
def archive_class(class_id: int) -> ResponseReturnValue:
    """Say what archiving does; archive once confirmed."""

    def act() -> ResponseReturnValue:
        classroom = classes.set_archived(current_user, class_id, True)
        flash(f"{classroom.name} is archived; its code no longer works.", "success")
        return redirect(url_for("teacher.class_list"))

    return confirmed(
        act,
        lambda: {"classroom": classes.get_class(current_user, class_id)},
        "teacher/archive_class.html",
    )


@bp.post("/classes/<int:class_id>/unarchive")
@teacher_required
def unarchive_class(class_id: int) -> ResponseReturnValue:
    """Bring an archived class back: its code works again."""
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        classroom = classes.set_archived(current_user, class_id, False)
    except NotAllowed:
        abort(403)
    except ServiceError:
        abort(404)
    flash(f"{classroom.name} is current again; its code works again.", "success")
    return redirect(url_for("teacher.class_report", class_id=class_id))


@bp.route("/classes/<int:class_id>/students/<int:student_id>/remove", methods=["GET", "POST"])
@teacher_required
def remove_student(class_id: int, student_id: int) -> ResponseReturnValue:
    """Say what removing a student does; remove them once confirmed."""

    def act() -> ResponseReturnValue:
        done = classes.remove_student(current_user, class_id, student_id)
        flash(f"{done.student.name} is no longer in {done.classroom.name}.", "success")
        return redirect(url_for("teacher.class_report", class_id=class_id))

    return confirmed(
        act,
        lambda: {"plan": classes.removal_plan(current_user, class_id, student_id)},
        "teacher/remove_student.html",
    )
