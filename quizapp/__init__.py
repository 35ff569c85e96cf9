"""quizapp: the Flask web app built on question_bank.

Students take quizzes on approved questions and see their scores; teachers add
articles, review the generated drafts, write their own questions, build decks and
follow their classes. Create the app with :func:`create_app`.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import secrets
import select
import time
from pathlib import Path
from typing import Any

from flask import Flask, Response, render_template, request
from sqlalchemy import event, exc
from sqlalchemy.engine import Engine
from werkzeug.exceptions import Forbidden
from werkzeug.middleware.proxy_fix import ProxyFix

from . import signing
from .extensions import csrf, db, limiter, login_manager, migrate

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
ARTICLE_UPLOAD_ENDPOINTS = ("teacher.preview_article", "teacher.bulk_articles")
"""Pages that take article files (PDFs, zips): ``ARTICLE_UPLOAD_MAX_BYTES`` applies."""

# No inline script or style anywhere: scripts and styles are files under static/.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def _secret_key(instance: Path) -> str:
    """SECRET_KEY from the environment, or one generated once into the instance folder."""
    from_env = os.environ.get("SECRET_KEY") or os.environ.get("QUIZAPP_SECRET_KEY")
    if from_env:
        return from_env
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def _database_url(app: Flask) -> str:
    """DATABASE_URL when set (PostgreSQL), else SQLite in the instance folder."""
    url = os.environ.get("DATABASE_URL") or os.environ.get("QUIZAPP_DATABASE_URL")
    if url:
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://") :]
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://") :]
        return url
    return "sqlite:///" + str(Path(app.instance_path) / "quizapp.sqlite")


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then the instance config, then env vars, then ``test_config``."""
    app = Flask(__name__, instance_relative_config=True)
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=_database_url(app),
        SQLALCHEMY_ENGINE_OPTIONS=_engine_options(_database_url(app)),
        MAX_CONTENT_LENGTH=MAX_UPLOAD_BYTES,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=os.environ.get("QUIZAPP_SECURE_COOKIES", "") == "1",
        REMEMBER_COOKIE_SECURE=os.environ.get("QUIZAPP_SECURE_COOKIES", "") == "1",
        REMEMBER_COOKIE_DURATION=dt.timedelta(days=30),
        WTF_CSRF_TIME_LIMIT=None,
        STUDY_DAY_STARTS_AT=4,
        STUDY_FUZZ=True,
        SEED_DIR=str(Path(__file__).resolve().parents[1] / "seeds"),
        IMPORT_SEEDS=True,
        PASSWORD_HASH_METHOD="scrypt",
        # login throttling (Flask-Limiter): counts in memory, or in Redis when
        # QUIZAPP_RATELIMIT_STORAGE_URI=redis://host:6379 (shared by every worker)
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI="memory://",
        # Redis unreachable: count in this process's memory meanwhile (logins keep working)
        RATELIMIT_IN_MEMORY_FALLBACK_ENABLED=True,
        # refused attempts per email and client address, and per client address
        LOGIN_LIMIT_PER_ACCOUNT="5 per minute;20 per hour",
        LOGIN_LIMIT_PER_ADDRESS="30 per minute;200 per hour",
        # registrations per client address (every attempt counts)
        REGISTER_LIMIT_PER_ADDRESS="60 per hour",
        # refused password changes per user and client address
        PASSWORD_CHANGE_LIMIT="5 per minute;20 per hour",
        # how many proxies in front of the app set X-Forwarded-For (0: none, trust no header)
        TRUSTED_PROXIES=0,
        CONTENT_SECURITY_POLICY=CONTENT_SECURITY_POLICY,
        # articles by URL and file: private addresses (loopback, intranets) are
        # refused unless this is 1, or a comma-separated list of networks
        ALLOW_PRIVATE_URLS=False,
        SOURCE_SETTINGS={},  # question_bank.sources.SourceSettings fields: fetch limits
        ARTICLE_UPLOAD_MAX_BYTES=25 * 1024 * 1024,
        ARTICLE_BULK_MAX=200,
        # background generation: with a Redis URL, adding articles enqueues RQ jobs
        # that `quizapp worker` runs; without one, they run in the request
        REDIS_URL=None,
        ARTICLE_QUEUE="articles",
        ARTICLE_JOB_RETRIES=2,
        ARTICLE_JOB_TIMEOUT=600,
        ARTICLE_MAINTENANCE_INTERVAL=60,
        JOB_PAGE_REFRESH=2,
    )
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("QUIZAPP")
    if test_config:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(instance)

    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]

    db.init_app(app)
    _check_on_checkout(app)
    _read_only_views(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    _article_upload_limit(app)  # before CSRF, which reads the form
    csrf.init_app(app)
    signing.init_app(app)  # after CSRFProtect: its csrf_token() is replaced
    limiter.init_app(app)
    _limits_on_views_only(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to see that page."

    from . import models
    from .blueprints import auth, main, student, study, teacher
    from .cli import register_cli
    from .services import accounts

    app.register_blueprint(main.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(student.bp)
    app.register_blueprint(study.bp)
    app.register_blueprint(teacher.bp)
    register_cli(app)
    _register_errors(app)
    _add_security_headers(app)

    @login_manager.user_loader
    def load_user(login_id: str) -> models.User | None:
        """The session's user while its session version holds (remember-me cookies too)."""
        return accounts.user_for_session(login_id)

    return app


def _engine_options(url: str) -> dict[str, Any]:
    """Pool settings by database (override any of them with, for example,
    ``QUIZAPP_SQLALCHEMY_ENGINE_OPTIONS__pool_size=20``).

    PostgreSQL: keep up to 10 connections per worker, so that a gthread worker with up
    to 10 threads never opens and closes connections under load (a new connection
    costs the server a process). A connection the server dropped is found as it leaves
    the pool by :func:`_check_on_checkout`, without a round trip (with
    ``pool_pre_ping`` set, SQLAlchemy pings each one instead). SQLite: a local file."""
    if url.startswith("sqlite"):
        return {}
    return {"pool_size": 10, "max_overflow": 5}


def _check_on_checkout(app: Flask) -> None:
    """PostgreSQL: a pooled connection the server has closed is replaced as it leaves the
    pool, so that after a database restart the pool reconnects by itself.

    A server that ends a connection (a restart, ``pg_terminate_backend``, an idle
    timeout) sends its last message and closes the socket; an idle connection's socket
    has nothing to read otherwise. So a socket with something to read, polled without
    waiting, is pinged (SQLAlchemy's own ping), and one that fails is raised as
    ``DisconnectionError``: the pool discards it and hands out a new connection
    (SQLAlchemy's documented checkout hook). A healthy connection costs one ``poll``
    system call instead of pre-ping's ``SELECT 1`` round trip on every request. A
    connection lost without a word (a network cut) fails its first statement instead:
    that request gets the 503 page and SQLAlchemy discards the pool's older connections.
    With ``pool_pre_ping`` in the engine options, or without ``select.poll``, this
    stays out and SQLAlchemy's pre-ping does the work."""
    options = app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {}
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql" or not hasattr(select, "poll"):
        return
    if options.get("pool_pre_ping"):
        return
    dialect = engine.dialect

    @event.listens_for(engine, "checkout")
    def dropped_by_server(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        try:
            poller = select.poll()
            poller.register(dbapi_connection.fileno(), select.POLLIN)
            if not poller.poll(0):
                return  # nothing to read: the connection is as the last request left it
            dialect.do_ping(dbapi_connection)
            dbapi_connection.rollback()  # the ping's transaction: leave the connection idle
        except Exception as error:
            raise exc.DisconnectionError(f"the server closed the connection: {error}") from error


def _read_only_views(app: Flask) -> None:
    """PostgreSQL: a GET of a view marked ``read_only`` (``blueprints.read_only``) runs
    its statements without a transaction.

    psycopg opens a transaction before a request's first statement (a BEGIN round
    trip), and the pool rolls it back when the request ends (a ROLLBACK round trip,
    after which psycopg also drops its prepared statements). For a page that only
    reads, autocommit gives each statement the same view of the data as a READ
    COMMITTED transaction does, without either round trip. The connection is taken at
    the start of the request with SQLAlchemy's per-connection ``isolation_level``
    option, which the pool resets when the connection is returned. SQLite opens no
    transaction for a read, so nothing changes there."""
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            return
    autocommit = {"isolation_level": "AUTOCOMMIT"}

    @app.before_request
    def no_transaction_to_read() -> None:
        view = app.view_functions.get(request.endpoint or "")
        if request.method in ("GET", "HEAD") and getattr(view, "read_only", False):
            db.session.connection(execution_options=autocommit)


def _limits_on_views_only(app: Flask) -> None:
    """Run Flask-Limiter's hooks only where a limit is, when no limit needs them elsewhere.

    The app's throttles are all on views of the auth blueprint (blueprints/auth.py), and
    Flask-Limiter checks those when the view runs. Its before-request check is for
    default and application-wide limits, which the app does not set: it is taken out
    (finding on every request that a page has none cost 4.5 % of an answer cycle's
    instructions). Its after-request hook (which counts a refused login) and its
    teardown move to the auth blueprint, the only one whose requests use them. With
    ``RATELIMIT_DEFAULT`` or ``RATELIMIT_APPLICATION`` set, every hook stays."""
    if app.config.get("RATELIMIT_DEFAULT") or app.config.get("RATELIMIT_APPLICATION"):
        return

    def ours(hook: Any) -> bool:
        bound = hook.args[0] if isinstance(hook, functools.partial) and hook.args else None
        return limiter in (getattr(hook, "__self__", None), bound)

    every: list[dict[Any, list[Any]]] = [
        app.before_request_funcs,
        app.after_request_funcs,
        app.teardown_request_funcs,
    ]
    for hooks in every:
        found = [hook for hook in hooks.get(None, []) if ours(hook)]
        hooks[None] = [hook for hook in hooks.get(None, []) if not ours(hook)]
        if hooks is not app.before_request_funcs:
            hooks.setdefault("auth", []).extend(found)


def _article_upload_limit(app: Flask) -> None:
    """Let the article upload pages take files up to ``ARTICLE_UPLOAD_MAX_BYTES``."""

    @app.before_request
    def article_upload_limit() -> None:
        if request.endpoint in ARTICLE_UPLOAD_ENDPOINTS:
            request.max_content_length = app.config["ARTICLE_UPLOAD_MAX_BYTES"]


def _add_security_headers(app: Flask) -> None:
    """Every response carries the security headers (a view may set its own)."""

    @app.after_request
    def security_headers(response: Response) -> Response:
        security = (
            ("Content-Security-Policy", app.config["CONTENT_SECURITY_POLICY"]),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        )
        headers = response.headers
        present = {name.lower() for name, _ in headers}
        # one pass over the response's few headers (a setdefault per header searched
        # them four times, raising a KeyError for each one missing)
        headers.extend((name, value) for name, value in security if name.lower() not in present)
        return response


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    """SQLite: write-ahead log, a busy timeout and enforced foreign keys."""
    module = type(dbapi_connection).__module__
    if "sqlite" not in module:
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=5000")
    # Switching the journal mode takes a lock; WAL persists in the file, so only
    # the first connection to a new database needs to switch it.
    mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    if str(mode).lower() != "wal":
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _register_database_down(app: Flask) -> None:
    """503 while the database cannot be reached (a restart, a failover, a full pool, or
    SQLite locked past its busy timeout). Nothing of the request was saved; the page says
    so and asks to try again. The pool reconnects by itself once the database is back
    (:func:`_check_on_checkout`, or pre-ping), so no restart of the app is needed.

    The page is rendered without the context processors and does not extend base.html:
    both read the logged-in user, which may need the database that just failed."""
    import contextlib

    @app.errorhandler(exc.OperationalError)
    @app.errorhandler(exc.InterfaceError)
    @app.errorhandler(exc.TimeoutError)
    def database_down(error: Exception) -> tuple[str, int, dict[str, str]]:
        app.logger.warning("database unavailable: %s", error)
        with contextlib.suppress(exc.SQLAlchemyError):  # the connection may be gone
            db.session.rollback()
        body = app.jinja_env.get_template("unavailable.html").render()
        return body, 503, {"Retry-After": "5"}


def _register_errors(app: Flask) -> None:
    """Friendly error pages; a failed request rolls the session back."""

    def page(code: int, title: str, message: str) -> tuple[str, int]:
        return render_template("error.html", code=code, title=title, message=message), code

    _register_database_down(app)

    @app.errorhandler(400)
    def bad_request(error: Exception) -> tuple[str, int]:
        return page(400, "Bad request", getattr(error, "description", "The request was not valid."))

    @app.errorhandler(403)
    def forbidden(error: Exception) -> tuple[str, int]:
        message = getattr(error, "description", "")
        if not message or message == Forbidden.description:
            message = "You do not have access to this page."
        return page(403, "Not allowed", message)

    @app.errorhandler(404)
    def not_found(error: Exception) -> tuple[str, int]:
        return page(404, "Not found", "There is nothing at this address.")

    @app.errorhandler(413)
    def too_large(error: Exception) -> tuple[str, int]:
        limit = (request.max_content_length or app.config["MAX_CONTENT_LENGTH"]) // 1024 // 1024
        return page(413, "Too large", f"That upload is too large: the limit is {limit} MB.")

    @app.errorhandler(429)
    def too_many(error: Exception) -> tuple[str, int, dict[str, str]]:
        current = limiter.current_limit  # the breached limit: when its window frees a try
        wait = max(1, math.ceil(current.window[0] - time.time())) if current else 60
        minutes = math.ceil(wait / 60)
        when = "a minute" if minutes == 1 else f"{minutes} minutes"
        message = (
            f"Too many attempts. To protect the account, please wait {when} before you try again."
        )
        body, code = page(429, "Too many attempts", message)
        return body, code, {"Retry-After": str(wait)}

    @app.errorhandler(500)
    def server_error(error: Exception) -> tuple[str, int]:
        db.session.rollback()
        return page(500, "Something went wrong", "The error was logged; nothing was saved.")
