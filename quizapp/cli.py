"""The ``quizapp`` command, built on Flask's CLI (``quizapp run``, ``flask --app quizapp ...``)."""

from __future__ import annotations

import secrets

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, ScriptInfo, run_command, with_appcontext
from flask_migrate import upgrade
from sqlalchemy import inspect

from . import srs
from .extensions import db
from .services import ServiceError, accounts, library


def prepare_database(app: Flask, echo: bool = True, base_url: str | None = None) -> None:
    """Bring the schema up to date; on an empty bank, import the seed articles;
    with no teacher yet, print a one-time setup link."""
    fresh = "question" not in inspect(db.engine).get_table_names()
    upgrade(directory=app.extensions["migrate"].directory)
    if fresh and app.config.get("IMPORT_SEEDS"):
        if echo:
            click.echo("Importing the seed articles (generating draft questions)...")
        count = library.import_seed_articles(app.config["SEED_DIR"])
        if echo:
            click.echo(f"Imported {count} articles.")
    token = accounts.issue_setup_token()
    if token and echo:
        base = app.config.get("PUBLIC_URL") or base_url or "http://127.0.0.1:5000"
        click.echo("No teacher account yet. Create the first one here (the link works once):")
        click.echo(f"    {base.rstrip('/')}/setup/{token}")
        click.echo("or run: quizapp create-teacher EMAIL")


@click.command("run", params=run_command.params, help=run_command.help)
@click.pass_context
def run(ctx: click.Context, /, **kwargs: object) -> None:
    """Prepare the database, then start the development server."""
    app = ctx.ensure_object(ScriptInfo).load_app()
    host = str(kwargs.get("host") or "127.0.0.1")
    port = kwargs.get("port") or 5000
    scheme = "https" if kwargs.get("cert") else "http"
    with app.app_context():
        prepare_database(app, base_url=f"{scheme}://{host}:{port}")
    ctx.invoke(run_command, **kwargs)


@click.command("init")
@with_appcontext
def init_command() -> None:
    """Create or upgrade the schema and import the seeds into an empty bank."""
    prepare_database(current_app)


@click.command("create-teacher")
@click.argument("email")
@click.option("--name", default="Teacher", help="The teacher's display name.")
@click.option(
    "--timezone",
    default="UTC",
    show_default=True,
    help="The teacher's IANA time zone (Europe/Paris): pages show times in it.",
)
@click.password_option()
@with_appcontext
def create_teacher_command(email: str, name: str, timezone: str, password: str) -> None:
    """Create a teacher account."""
    if timezone not in srs.timezone_names():
        raise click.BadParameter(f"unknown time zone {timezone!r}", param_hint="--timezone")
    upgrade(directory=current_app.extensions["migrate"].directory)
    try:
        accounts.create_teacher(email, name, password, timezone)
    except ServiceError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Teacher {email} created.")


@click.command("reset-password")
@click.argument("email")
@click.option(
    "--generate",
    is_flag=True,
    help="Set a random password and print it once, instead of asking for one.",
)
@with_appcontext
def reset_password_command(email: str, generate: bool) -> None:
    """Set a user's password (asked twice, not echoed) and log out every session of theirs.

    The password is never an argument, so it stays out of the shell history and the
    process list. With --generate, a random one is printed once: give it to the user by
    a safe channel and ask them to change it on the Password page."""
    if accounts.find_user(email) is None:
        raise click.ClickException(f"No account has the email {email.strip().lower()}.")
    if generate:
        password = secrets.token_urlsafe(15)
    else:
        password = click.prompt("New password", hide_input=True, confirmation_prompt=True)
    try:
        user = accounts.reset_password(email, password)
    except ServiceError as exc:
        raise click.ClickException(str(exc)) from None
    if generate:
        click.echo(f"New password for {user.email}: {password}")
    click.echo(f"The password of {user.email} is set, and every session of theirs is logged out.")


@click.command("import-articles")
@click.argument("inputs", metavar="SOURCE...", nargs=-1, required=True)
@with_appcontext
def import_articles_command(inputs: tuple[str, ...]) -> None:
    """Add articles to the bank: text files, saved pages (.html), PDFs, Word files
    (.docx), URLs, .zip files of articles or text files listing URLs. Their
    questions arrive as drafts; each article is reported on its own line."""
    from question_bank.sources import SourceSettings, read_sources

    try:
        settings = SourceSettings.from_env()
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    added = duplicates = refused = 0
    for item in read_sources(inputs, settings):
        if item.article is None:
            refused += 1
            problem = item.error.problem if item.error else "unreadable"
            click.echo(f"{item.name}: refused: {problem}", err=True)
            continue
        found = item.article
        try:
            if item.original_text is not None:  # a text file, stored as before (header included)
                article, drafts = library.add_article(None, item.original_text)
            else:
                article, drafts = library.add_article(
                    None,
                    found.text,
                    title=found.title or "",
                    published=found.date,
                    source_url=found.source or "",
                )
        except library.DuplicateArticle as exc:
            duplicates += 1
            click.echo(f"{item.name}: duplicate: {exc}")
            continue
        except ServiceError as exc:
            refused += 1
            click.echo(f"{item.name}: refused: {exc}", err=True)
            continue
        added += 1
        click.echo(f"{item.name}: added with {drafts} drafts ({article.title})")
    click.echo(f"{added} added, {duplicates} duplicate(s), {refused} refused.")
    if refused:
        raise SystemExit(1)


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop once the queue is empty.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run a worker that generates the articles teachers add (needs QUIZAPP_REDIS_URL).

    Start as many as you like, on any host that reaches the database and Redis. A
    worker requeues the jobs of workers that died (at its start and every minute)."""
    from .services import jobs

    if not jobs.background():
        raise click.ClickException(
            "No Redis configured: set QUIZAPP_REDIS_URL (e.g. redis://127.0.0.1:6379/0). "
            "Without it, articles are generated in the web request and no worker is needed."
        )
    from redis.exceptions import RedisError

    from .worker import work

    try:
        work(burst=burst)
    except RedisError as exc:
        raise click.ClickException(f"Redis at {current_app.config['REDIS_URL']}: {exc}") from None


@click.command("export")
@click.argument(
    "fmt",
    metavar="FORMAT",
    type=click.Choice(["anki", "gift", "moodle-xml", "csv", "tsv", "quizlet"]),
)
@click.option(
    "--deck", "decks", type=int, multiple=True, required=True, help="a deck id (repeatable)"
)
@click.option(
    "-o",
    "--out",
    type=click.Path(),
    help="the file to write, or a folder to write it in (default: the current folder), "
    "named after the deck",
)
@with_appcontext
def export_command(fmt: str, decks: tuple[int, ...], out: str | None) -> None:
    """Export decks' approved questions: Anki (.apkg), GIFT, Moodle XML, CSV or TSV (with
    Anki's import header), or Quizlet text. Files are written with mode 0644."""
    import os

    from question_bank.exporters import ExportError, write_file

    from .services import exports

    try:
        download = exports.export_decks(None, list(decks), fmt)  # the operator sees every deck
    except ServiceError as exc:
        raise click.ClickException(str(exc)) from None
    target = out if out and not os.path.isdir(out) else os.path.join(out or ".", download.filename)
    try:
        write_file(download.data, target)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"Cannot write {target}: {exc.strerror or exc}") from None
    click.echo(f"Wrote {target} ({len(download.data):,} bytes).")


def register_cli(app: Flask) -> None:
    """Add the app's commands to ``flask``/``quizapp``."""
    app.cli.add_command(export_command)
    app.cli.add_command(init_command)
    app.cli.add_command(create_teacher_command)
    app.cli.add_command(reset_password_command)
    app.cli.add_command(import_articles_command)
    app.cli.add_command(worker_command)


def _create() -> Flask:
    from . import create_app

    return create_app()


cli = FlaskGroup(create_app=_create, help="quizapp: news quizzes for students and teachers.")
cli.add_command(run, "run")


def main() -> None:
    """Entry point of the ``quizapp`` console script."""
    cli.main(prog_name="quizapp")
