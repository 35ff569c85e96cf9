"""``tools/external_check.py`` against a real ``quizapp run`` process (it passes), and
against a deliberately bad server on loopback (its checks fail)."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "external_check.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("external_check", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["external_check"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


check = _load()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(port: int, process: subprocess.Popen[str], log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"quizapp run exited: {log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("quizapp run did not listen in time")


@pytest.fixture
def quizapp_run(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """``quizapp run`` in its own process on a free loopback port, with a temporary
    SQLite database; CSRF, scrypt, throttling and the headers as configured by default."""
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'external.sqlite'}",
        "SECRET_KEY": "external-check-secret",
        "QUIZAPP_IMPORT_SEEDS": "false",
    }
    env.pop("TEST_DATABASE_URL", None)
    log = tmp_path / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "quizapp", "run", "--port", str(port)],
            env=env,
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            _wait_for(port, process, log)
            yield f"http://127.0.0.1:{port}", env
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_the_external_checks_pass_against_quizapp_run(
    quizapp_run: tuple[str, dict[str, str]],
) -> None:
    base, env = quizapp_run
    done = subprocess.run(
        [sys.executable, str(SCRIPT), base, "--cli", f"{sys.executable} -m quizapp"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(line.split(":")[0] for line in lines if line.startswith("PASS")) == sorted(
        f"PASS {name}" for name in check.CHECKS
    )
    assert not [line for line in lines if line.startswith("FAIL")]
    assert lines[-1] == f"{len(check.CHECKS)} passed, 0 failed"


# -- a deliberately bad server: every check must be able to fail ----------------------------


class _Bad(BaseHTTPRequestHandler):
    """Logs anyone in, sends them off-site, never ends a session, sends no headers."""

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: str = "", headers: tuple[tuple[str, str], ...] = ()) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        data = body.encode()
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        form = '<form><input name="csrf_token" type="hidden" value="t"></form>'
        page = form + '<script>alert(1)</script><a href="javascript:alert(1)">x</a>'
        self._send(200, page)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.startswith("/login"):
            cookies = ("session=s; Path=/", "remember_token=r; Max-Age=31536000; Path=/")
            self._send(
                302,
                headers=(("Location", "//evil.example"), *(("Set-Cookie", c) for c in cookies)),
            )
            return
        self._send(302, headers=(("Location", "/"),))


@pytest.fixture
def bad_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Bad)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_the_checks_fail_against_a_bad_server(
    bad_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    checker = check.Checker(bad_server)
    account = check.Account("s@example.org", "pw")
    checker.redirect(account)
    checker.logout(check.Account("s@example.org", "pw"))
    checker.headers()
    checker.close()
    results = {r.name: r for r in checker.results}
    assert not any(r.ok for r in results.values())
    assert "/%09/evil.example -> '//evil.example'" in results["redirect"].detail
    assert "a local next was not followed" in results["redirect"].detail
    assert "remember-me lasts 365 days" in results["logout"].detail
    for problem in (
        "no Content-Security-Policy",
        "no X-Content-Type-Options: nosniff",
        "no Referrer-Policy",
        "an inline <script>",
        "a javascript: link",
    ):
        assert problem in results["headers"].detail
    out = capsys.readouterr().out
    assert out.count("FAIL ") == 3 and "PASS" not in out
    # the command's exit status: not 0 (here the setup itself is refused: 2)
    assert check.main([bad_server, "--teacher", "a@x.org", "p", "--teacher", "b@x.org", "p"]) == 2


def test_the_header_check_reads_the_policy() -> None:
    """A CSP that allows inline script, or lacks frame-ancestors, is a failure."""
    import httpx

    def problems(**headers: str) -> list[str]:
        base = {"x-content-type-options": "nosniff", "referrer-policy": "same-origin"}
        named = {name.replace("_", "-"): value for name, value in headers.items()}
        response = httpx.Response(200, headers={**base, **named}, text="ok")
        return list(check._header_problems(response))

    good = "default-src 'self'; script-src 'self'; frame-ancestors 'none'"
    assert problems(content_security_policy=good) == []
    assert problems(
        content_security_policy="default-src 'self'; script-src 'self' 'unsafe-inline'; "
        "frame-ancestors 'none'"
    ) == ["script-src allows inline script"]
    assert problems(content_security_policy="default-src 'self'") == ["no frame-ancestors"]
    assert problems(
        content_security_policy=good, x_content_type_options="", referrer_policy="unsafe-url"
    ) == ["no X-Content-Type-Options: nosniff", "no Referrer-Policy"]


@pytest.mark.parametrize(
    ("location", "same"),
    [
        ("/history", True),
        ("http://127.0.0.1:1/x", True),
        ("//evil.example", False),
        ("/\t/evil.example", False),
        ("/\\evil.example", False),
        ("https://evil.example/", False),
    ],
)
def test_same_site_reads_locations_as_a_browser(location: str, same: bool) -> None:
    assert check._same_site("http://127.0.0.1:1", location, "127.0.0.1:1") is same
