"""Benchmark: students taking quizzes concurrently against gunicorn on loopback.

    python benchmarks/web.py [--students 32] [--answers 20] [--db sqlite|postgres|both]

For each database: start gunicorn on 127.0.0.1 with a fresh database, create the
students and a deck, then measure in the same run
  1. a trivial route (/healthz) hit by the same number of concurrent clients: the baseline;
  2. N students, each logging in, starting a quiz and answering questions (CSRF on).
It reports answers per second, p50/p99 latency of an answer, errors, the ratio of
answer throughput to the trivial route's, and checks that every answer sent is stored.
All traffic stays on the loopback interface; request loops are bounded.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

PASSWORD = "benchmark password"
PG_URL = "postgresql://postgres@127.0.0.1:5432/quizapp_bench"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Report redirects instead of following them (an answer POST is one request)."""

    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(database_url: str, students: int, questions: int) -> int:
    """Create the schema, the students and an approved deck; returns the deck id."""
    os.environ["DATABASE_URL"] = database_url
    from flask_migrate import upgrade

    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.models import APPROVED, Article, Deck, Question
    from quizapp.services import accounts

    app = create_app({"IMPORT_SEEDS": False, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"})
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        upgrade(directory=app.extensions["migrate"].directory)
        for i in range(students):
            accounts.register_student(f"s{i}@bench.example", f"Student {i}", PASSWORD)
        article = Article(key="bench", title="Benchmark article", text="The minister flew to Oslo.")
        db.session.add(article)
        db.session.flush()
        deck = Deck(name="Benchmark deck", article_id=article.id)
        db.session.add(deck)
        for i in range(questions):
            db.session.add(
                Question(
                    id=f"b{i}",
                    article_id=article.id,
                    kind="short_answer",
                    prompt=f"Question {i}?",
                    answer="Oslo",
                    accepted=[],
                    choices=[],
                    fact={"type": "visit"},
                    status=APPROVED,
                )
            )
        db.session.commit()
        deck_id = deck.id
        db.engine.dispose()
    return deck_id


def stored_answers(database_url: str) -> int:
    os.environ["DATABASE_URL"] = database_url
    from sqlalchemy import func, select

    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.models import Answer

    app = create_app({"IMPORT_SEEDS": False})
    with app.app_context():
        n = db.session.scalar(select(func.count(Answer.id))) or 0
        db.engine.dispose()
    return n


def start_server(
    database_url: str, port: int, workers: int, threads: int, instance: str
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "benchmark-secret",
        "QUIZAPP_IMPORT_SEEDS": "false",
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--worker-class",
            os.environ.get("BENCH_WORKER_CLASS", "gthread"),
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "quizapp:create_app()",
        ],
        env=env,
        cwd=instance,
        stdout=subprocess.DEVNULL,
        stderr=open(Path(instance) / "gunicorn.log", "wb"),  # noqa: SIM115 (lives with the server)
    )
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(
        "gunicorn did not start: " + (Path(instance) / "gunicorn.log").read_text()[-2000:]
    )


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def run_trivial(base: str, clients: int, per_client: int) -> tuple[float, int]:
    """Requests per second on /healthz with ``clients`` concurrent loops."""
    errors = 0
    lock = threading.Lock()

    def loop() -> None:
        nonlocal errors
        for _ in range(per_client):
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=10) as resp:
                    resp.read()
            except OSError:
                with lock:
                    errors += 1

    threads = [threading.Thread(target=loop) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return clients * per_client / (time.perf_counter() - start), errors


def student(
    base: str,
    index: int,
    deck_id: int,
    answers: int,
    latencies: list[float],
    errors: list[str],
    sent: list[int],
) -> None:
    """Log in, start a quiz, answer every question."""
    jar = http.cookiejar.CookieJar()
    follow = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    nofollow = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

    def token(url: str) -> str:
        with follow.open(base + url, timeout=20) as resp:
            html = resp.read().decode()
        m = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
            r'name="csrf_token" value="([^"]+)"', html
        )
        if not m:
            raise RuntimeError(f"no csrf token on {url}")
        return m.group(1)

    def post(url: str, data: dict[str, object]) -> tuple[int, str]:
        """POST without following the redirect; the response is read and closed."""
        body = urllib.parse.urlencode(data, doseq=True).encode()
        try:
            resp = nofollow.open(base + url, data=body, timeout=20)
        except urllib.error.HTTPError as exc:
            resp = exc
        with resp:
            resp.read()
            return resp.status, resp.headers.get("Location", "")

    try:
        status, _ = post(
            "/login",
            {
                "email": f"s{index}@bench.example",
                "password": PASSWORD,
                "csrf_token": token("/login"),
            },
        )
        if status != 302:
            raise RuntimeError(f"login {status}")
        status, location = post(
            f"/decks/{deck_id}", {"length": answers, "csrf_token": token(f"/decks/{deck_id}")}
        )
        attempt = re.search(r"/quiz/(\d+)", location)
        if status != 302 or not attempt:
            raise RuntimeError(f"start {status}")
        quiz = f"/quiz/{attempt.group(1)}"
        for pos in range(answers):
            csrf = token(quiz)
            t0 = time.perf_counter()
            status, _ = post(
                f"{quiz}/answer", {"position": pos, "response": "Oslo", "csrf_token": csrf}
            )
            latencies.append(time.perf_counter() - t0)
            if status != 302:
                errors.append(f"answer {status}")
            else:
                sent.append(1)
    except Exception as exc:
        errors.append(repr(exc))


def measure(
    name: str, database_url: str, students: int, answers: int, workers: int, threads: int
) -> None:
    deck_id = prepare(database_url, students, max(answers, 10))
    port = free_port()
    with tempfile.TemporaryDirectory() as instance:
        proc = start_server(database_url, port, workers, threads, instance)
        base = f"http://127.0.0.1:{port}"
        try:
            trivial_rps, trivial_errors = run_trivial(base, students, 50)
            latencies: list[float] = []
            errors: list[str] = []
            sent: list[int] = []
            pool = [
                threading.Thread(
                    target=student, args=(base, i, deck_id, answers, latencies, errors, sent)
                )
                for i in range(students)
            ]
            start = time.perf_counter()
            for t in pool:
                t.start()
            for t in pool:
                t.join()
            elapsed = time.perf_counter() - start
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=20)
            log = (Path(instance) / "gunicorn.log").read_text(errors="replace")
            if log.strip():
                print("gunicorn log (last lines):\n" + "\n".join(log.splitlines()[-8:]))
    answers_sent = len(sent)
    answer_rps = len(latencies) / sum(latencies) * students if latencies else 0.0
    stored = stored_answers(database_url)
    setup = f"gunicorn gthread {workers}x{threads}"
    print(f"\n== {name}: {students} students x {answers} answers, {setup}")
    print(f"trivial route /healthz: {trivial_rps:,.0f} requests/s ({trivial_errors} errors)")
    print(f"answers: {answers_sent} sent in {elapsed:.1f} s of quizzing (pages and answers)")
    ratio = answer_rps / trivial_rps
    print(
        f"answer throughput: {answer_rps:,.0f} answers/s (ratio to the trivial route: {ratio:.2f})"
    )
    if latencies:
        print(
            f"answer latency: p50 {1000 * percentile(latencies, 50):.1f} ms, "
            f"p99 {1000 * percentile(latencies, 99):.1f} ms, "
            f"mean {1000 * statistics.mean(latencies):.1f} ms"
        )
    print(f"errors: {len(errors)}{' e.g. ' + errors[0] if errors else ''}")
    verdict = "OK" if stored == answers_sent else "MISMATCH"
    print(f"stored answers: {stored} (answers sent: {answers_sent}) -> {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=32)
    parser.add_argument("--answers", type=int, default=20)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    if args.db in ("sqlite", "both"):
        folder = Path(tempfile.mkdtemp(prefix="quizapp-bench-"))
        measure(
            "SQLite",
            f"sqlite:///{folder / 'bench.sqlite'}",
            args.students,
            args.answers,
            args.workers,
            args.threads,
        )
    if args.db in ("postgres", "both"):
        import psycopg

        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as conn:
            conn.execute("DROP DATABASE IF EXISTS quizapp_bench")
            conn.execute("CREATE DATABASE quizapp_bench")
        measure("PostgreSQL", PG_URL, args.students, args.answers, args.workers, args.threads)


if __name__ == "__main__":
    main()
