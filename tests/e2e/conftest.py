"""A real server on loopback and a real browser (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from quizapp import create_app
from quizapp.extensions import db

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHOTS = os.environ.get("QUIZAPP_SCREENSHOTS")  # a folder: save screenshots there


@dataclass(frozen=True)
class Live:
    """A running server: its base URL and the app behind it."""

    url: str
    app: Flask


@pytest.fixture
def serve_app(tmp_path: Path) -> Iterator[Callable[..., Live]]:
    """Serve the app over HTTP on 127.0.0.1 with a fresh SQLite database and extra
    settings; every server started is stopped at the end."""
    servers: list[tuple[Any, Flask]] = []

    def serve(**config: Any) -> Live:
        app = create_app(
            {
                "SECRET_KEY": "e2e-secret",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / f'e2e{len(servers)}.sqlite'}",
                "IMPORT_SEEDS": False,
                "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
                **config,
            }
        )
        with app.app_context():
            from flask_migrate import upgrade

            upgrade(directory=app.extensions["migrate"].directory)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append((server, app))
        return Live(f"http://127.0.0.1:{server.server_port}", app)

    yield serve
    for server, app in servers:
        server.shutdown()
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def live_server(serve_app: Callable[..., Live]) -> Live:
    """The app served over HTTP on 127.0.0.1 with a fresh SQLite database."""
    return serve_app()


@pytest.fixture
def browser():  # type: ignore[no-untyped-def]
    """Headless chromium; the test is skipped where no chromium is installed."""
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Save a full-page screenshot when QUIZAPP_SCREENSHOTS names a folder."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)
