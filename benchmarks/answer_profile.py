"""Benchmark: server CPU and queries of one answer cycle, in-process, one request at a time.

    python benchmarks/answer_profile.py [--db sqlite|postgres] [--cycles 60] [--rounds 10]
                                        [--profile cprofile] [--top 40]

An answer cycle is what a student's browser does for one question: GET the question
page, POST the answer with its CSRF token, GET the feedback page the POST redirects
to. The app runs in this process with CSRF on, on a fresh database made by the
migrations (SQLite in a temporary folder, or PostgreSQL ``quizapp_profile``). A WSGI
wrapper measures the thread CPU time spent inside the app for each request (the test
client's own work is not counted) and an SQLAlchemy listener counts the statements
each request sends. The quiz is restarted between quizzes, outside the measurement.

It prints, per page and per cycle, the median CPU in ms over ``--rounds`` rounds (with
the spread of the rounds, as this machine is noisy) and the statements per request.
The machine this runs on is shared, and CPU time per request grows when other
processes compete for the cores: compare versions in alternating runs, and look at the
best round as well as the median. With ``--profile cprofile`` it also prints the
functions that cost most over one round.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import operator
import os
import pstats
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web import PASSWORD, prepare

PG_URL = "postgresql://postgres@127.0.0.1:5432/quizapp_profile"
QUIZ = 50  # questions in a quiz (the most a quiz can have)
PAGES = ("question", "answer", "feedback")


class Meter:
    """Wraps the WSGI app: thread CPU and statements per request, by page."""

    def __init__(self, app: Any) -> None:
        self.inner = app.wsgi_app
        self.cpu: dict[str, list[float]] = defaultdict(list)
        self.queries: dict[str, list[int]] = defaultdict(list)
        self.statements: list[str] = []
        self.page = ""
        self.recording = False
        self._count = 0
        app.wsgi_app = self

    def on_statement(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        """Counts every statement sent to the database during a request."""
        self._count += 1
        if self.recording:
            self.statements.append(f"{self.page:9s} " + " ".join(statement.split())[:110])

    def respond(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> bytes:
        """The app's response body, consumed."""
        return b"".join(self.inner(environ, start_response))

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        """Runs the app and consumes its body, timing both."""
        self._count = 0
        t0 = time.thread_time()
        if self.page:
            # a measured page runs inside operator.call, a C function nothing else calls,
            # so that Valgrind can count its instructions alone (answer_instructions.py)
            body = operator.call(self.respond, environ, start_response)
        else:
            body = self.respond(environ, start_response)
        spent = time.thread_time() - t0
        if self.page:
            self.cpu[self.page].append(spent * 1000)
            self.queries[self.page].append(self._count)
        return [body]


def token_and_position(html: str) -> tuple[str, int]:
    """The CSRF token and the question's position from a question page."""
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    pos = re.search(r'name="position" type="hidden" value="(\d+)"', html)
    if not csrf or not pos:
        raise RuntimeError("no answer form on the question page:\n" + html[:2000])
    return csrf.group(1), int(pos.group(1))


def main() -> None:
    """Prepare a database, log in, answer questions and report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--cycles", type=int, default=60, help="answer cycles per round")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--profile", choices=["cprofile"], default=None)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--show-queries", action="store_true", help="list one cycle's SQL")
    args = parser.parse_args()

    if args.db == "postgres":
        import psycopg

        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as conn:
            conn.execute("DROP DATABASE IF EXISTS quizapp_profile WITH (FORCE)")
            conn.execute("CREATE DATABASE quizapp_profile")
        url = PG_URL
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='quizapp-profile-')) / 'p.sqlite'}"
    deck_id = prepare(url, 1, QUIZ)

    os.environ["DATABASE_URL"] = url
    from quizapp import create_app
    from quizapp.extensions import db

    app = create_app({"IMPORT_SEEDS": False, "SECRET_KEY": "profile-secret"})
    meter = Meter(app)
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", meter.on_statement)
    client = app.test_client()

    def csrf_of(url: str) -> str:
        html = client.get(url).get_data(as_text=True)
        m = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
        assert m, url
        return m.group(1)

    login = client.post(
        "/login",
        data={"email": "s0@bench.example", "password": PASSWORD, "csrf_token": csrf_of("/login")},
    )
    assert login.status_code == 302, login.status_code
    quiz_url = ""
    left = 0

    def new_quiz() -> None:
        nonlocal quiz_url, left
        meter.page = ""
        token = csrf_of(f"/decks/{deck_id}")
        resp = client.post(f"/decks/{deck_id}", data={"length": QUIZ, "csrf_token": token})
        quiz_url = resp.headers["Location"]
        left = QUIZ

    def cycle() -> None:
        nonlocal left
        if left == 0:
            new_quiz()
        meter.page = "question"
        page = client.get(quiz_url)
        assert page.status_code == 200, page.status_code
        token, position = token_and_position(page.get_data(as_text=True))
        meter.page = "answer"
        resp = client.post(
            quiz_url + "/answer",
            data={"position": position, "response": "Oslo", "csrf_token": token},
        )
        assert resp.status_code == 302, resp.status_code
        meter.page = "feedback"
        feedback = client.get(resp.headers["Location"])
        assert feedback.status_code == 200, feedback.status_code
        meter.page = ""
        left -= 1

    for _ in range(20):  # warm up: caches, compiled statements, pools
        cycle()
    if args.show_queries:
        meter.recording = True
        cycle()
        meter.recording = False
        print(f"-- one cycle's statements ({len(meter.statements)}):")
        print("\n".join(meter.statements))
    rounds: list[dict[str, float]] = []
    queries: dict[str, list[int]] = defaultdict(list)
    for _ in range(args.rounds):
        meter.cpu.clear()
        meter.queries.clear()
        for _ in range(args.cycles):
            cycle()
        rounds.append({p: statistics.mean(meter.cpu[p]) for p in PAGES})
        for p in PAGES:
            queries[p].extend(meter.queries[p])

    def spread(values: Iterable[float]) -> str:
        vals = sorted(values)
        middle = statistics.median(vals)
        return f"{middle:6.2f} ms  (best round {vals[0]:.2f}, worst {vals[-1]:.2f})"

    print(f"\n== answer cycle, in-process, {args.db}, {args.rounds} rounds x {args.cycles} cycles")
    print("CPU per request (mean of a round; median of the rounds) and statements per request:")
    for p in PAGES:
        q = queries[p]
        q_text = f"{min(q)}" if min(q) == max(q) else f"{min(q)} to {max(q)}"
        print(f"  {p:9s} {spread(r[p] for r in rounds)}   statements: {q_text}")
    print(f"  {'cycle':9s} {spread(sum(r.values()) for r in rounds)}")
    cycles = [sum(r.values()) for r in rounds]
    stmts = sum(statistics.mean(queries[p]) for p in PAGES)
    print(
        f"cpu_ms_per_cycle={statistics.median(cycles):.2f} best_round={min(cycles):.2f} "
        f"statements_per_cycle={stmts:.1f}"
    )

    if args.profile == "cprofile":
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.cycles):
            cycle()
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(args.top)
        print(out.getvalue())
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(args.top)
        print(out.getvalue())
    with app.app_context():
        db.engine.dispose()


if __name__ == "__main__":
    main()
