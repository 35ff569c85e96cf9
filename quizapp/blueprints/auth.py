"""Register, log in, log out, and the first teacher's one-time setup link."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..forms import ActionForm, LoginForm, RegisterForm, SetupForm
from ..services import ServiceError, accounts, classes

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str | None:
    """Only same-site paths are followed after login."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return None


@bp.route("/register", methods=["GET", "POST"])
def register() -> object:
    """A student creates an account (and may join a class at once)."""
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = RegisterForm()
    refused = False
    if form.validate_on_submit():
        try:
            user = accounts.register_student(
                form.email.data or "",
                form.name.data or "",
                form.password.data or "",
                form.timezone.data or "UTC",
            )
        except ServiceError as exc:
            flash(str(exc), "error")
            refused = True
        else:
            login_user(user)
            if form.join_code.data:
                try:
                    joined = classes.join_class(user, form.join_code.data)
                    flash(f"Welcome! You joined {joined.name}.", "success")
                except ServiceError as exc:
                    flash(f"Your account is ready, but: {exc}", "error")
            else:
                flash("Welcome! Your account is ready.", "success")
            return redirect(url_for("student.decks"))
    return render_template("auth/register.html", form=form), (
        400 if form.errors or refused else 200
    )


@bp.route("/login", methods=["GET", "POST"])
def login() -> object:
    """Log in with email and password."""
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(form.email.data or "", form.password.data or "")
        if user is None:
            flash("That email and password do not match an account.", "error")
            return render_template("auth/login.html", form=form), 401
        else:
            login_user(user, remember=bool(form.remember.data))
            return redirect(_safe_next(request.args.get("next")) or url_for("main.index"))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout() -> object:
    """Log out (a POST with a CSRF token, so no link can log you out)."""
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    logout_user()
    flash("You are logged out.", "success")
    return redirect(url_for("main.index"))


@bp.route("/setup/<token>", methods=["GET", "POST"])
def setup(token: str) -> object:
    """Create the first teacher account with the link `quizapp run` printed."""
    if not accounts.setup_token_valid(token):
        abort(404)
    form = SetupForm()
    if form.validate_on_submit():
        try:
            user = accounts.create_first_teacher(
                token, form.email.data or "", form.name.data or "", form.password.data or ""
            )
        except ServiceError as exc:
            flash(str(exc), "error")
            return render_template("auth/setup.html", form=form, token=token), 400
        else:
            login_user(user)
            flash(
                "Your teacher account is ready. "
                "The seed articles' questions are waiting for review.",
                "success",
            )
            return redirect(url_for("teacher.review"))
    return render_template("auth/setup.html", form=form, token=token)
