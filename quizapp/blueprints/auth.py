"""Register, log in, log out, change the password, and the first teacher's setup link."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_limiter import RouteLimit
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import limiter
from ..forms import ActionForm, LoginForm, PasswordForm, RegisterForm, SetupForm
from ..services import ServiceError, accounts, classes

bp = Blueprint("auth", __name__)

# What a browser ignores or reads as a slash in a URL: ASCII controls (tab and line
# breaks are dropped, so "/\t/evil" is "//evil"), spaces (stripped at the ends) and
# backslashes ("/\\evil" is "//evil"). A ``next`` holding any of them is refused.
_UNSAFE_IN_NEXT = re.compile(r"[\x00-\x20\x7f\\]")


def safe_next(target: str | None) -> str | None:
    """``target`` when a browser would read it as a path on this site, else None.

    Only a path from the root is followed: no scheme, no host, no ``//`` at the start."""
    if not target or _UNSAFE_IN_NEXT.search(target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


# --- throttling: the limits are config keys, read on each request (see create_app)


def _limit(key: str) -> Callable[[], str]:
    """The limit in config key ``key`` (for example "5 per minute;20 per hour")."""
    return lambda: str(current_app.config[key])


def _limits_off() -> bool:
    """True when this app does not throttle (RATELIMIT_ENABLED is false)."""
    return not current_app.config.get("RATELIMIT_ENABLED", True)


def _refused(response: Response) -> bool:
    """Only refused attempts count: a class logging in from one address is not throttled."""
    return response.status_code >= 400


def _email_and_address() -> str:
    """The email being tried (hashed, to keep addresses out of the storage) and the client."""
    email = request.form.get("email", "").strip().lower()
    digest = hashlib.sha256(email.encode("utf-8", "replace")).hexdigest()[:32]
    return f"{digest}@{get_remote_address()}"


def _user_and_address() -> str:
    """The logged-in user and the client address."""
    return f"user{current_user.id}@{get_remote_address()}"


def _throttled(key: str, key_func: Callable[[], str], refused_only: bool = True) -> RouteLimit:
    """A limit on POSTs, from config key ``key``, counting only the refused ones or all."""
    return limiter.limit(
        _limit(key),
        key_func=key_func,
        methods=["POST"],
        scope=key.lower(),
        exempt_when=_limits_off,
        deduct_when=_refused if refused_only else None,
    )


@bp.route("/register", methods=["GET", "POST"])
@_throttled("REGISTER_LIMIT_PER_ADDRESS", get_remote_address, refused_only=False)
def register() -> ResponseReturnValue:
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
@_throttled("LOGIN_LIMIT_PER_ACCOUNT", _email_and_address)
@_throttled("LOGIN_LIMIT_PER_ADDRESS", get_remote_address)
def login() -> ResponseReturnValue:
    """Log in with email and password."""
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(form.email.data or "", form.password.data or "")
        if user is None:
            # the same answer for an unknown email and a wrong password
            flash("That email and password do not match an account.", "error")
            return render_template("auth/login.html", form=form), 401
        else:
            login_user(user, remember=bool(form.remember.data))
            return redirect(safe_next(request.args.get("next")) or url_for("main.index"))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout() -> ResponseReturnValue:
    """Log out everywhere: every session of the user ends, remember-me cookies included.

    A POST with a CSRF token, so no link can log you out."""
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    accounts.end_sessions(current_user.id)
    logout_user()
    flash("You are logged out.", "success")
    return redirect(url_for("main.index"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
@_throttled("PASSWORD_CHANGE_LIMIT", _user_and_address)
def change_password() -> ResponseReturnValue:
    """Change one's password: every other session of the user ends, this one stays."""
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            user = accounts.change_password(
                current_user.id, form.current_password.data or "", form.password.data or ""
            )
        except ServiceError as exc:
            flash(str(exc), "error")
        else:
            remembered = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
            login_user(user, remember=remembered in request.cookies)
            flash("Your password is changed. Every other session is logged out.", "success")
            return redirect(url_for("main.index"))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/password.html", form=form), status


@bp.route("/setup/<token>", methods=["GET", "POST"])
def setup(token: str) -> ResponseReturnValue:
    """Create the first teacher account with the link `quizapp run` printed."""
    if not accounts.setup_token_valid(token):
        abort(404)
    form = SetupForm()
    if form.validate_on_submit():
        try:
            user = accounts.create_first_teacher(
                token,
                form.email.data or "",
                form.name.data or "",
                form.password.data or "",
                form.timezone.data or "UTC",
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
