"""Benchmark: students taking quizzes against gunicorn on loopback.

Closed loop (every student answers as fast as the server lets them):

    python benchmarks/web.py [--students 32] [--answers 20] [--db sqlite|postgres|both]

For each database: start gunicorn on 127.0.0.1 with a fresh database, create the
students and a deck, then measure in the same run
  1. a trivial route (/healthz) hit by the same number of concurrent clients: the baseline;
  2. N students, each logging in, starting a quiz and answering questions (CSRF on).
It reports answers per second, p50/p99 latency of an answer, errors, the ratio of
answer throughput to the trivial route's, and checks that every answer sent is stored.

Open loop (a class: answers arrive at a rate, whatever the server's latency):

    python benchmarks/web.py --db sqlite|postgres --rate R --duration S --json
                             [--kill-worker] [--pg-restart]

Arrivals come as a Poisson process at R answer cycles per second for S seconds, spread
over enough logged-in students (8 R, at least 64) that none answers more often than
every 5 s. Each arrival GETs its student's question page, POSTs the answer with the
page's CSRF token and GETs the feedback page the POST redirects to, as a browser does.
Latency is counted from the arrival's scheduled time to the feedback page, so a
generator that falls behind shows up in it (and in ``lag_p99_ms``). A request that
fails in flight (connection reset, 502/503/504) is retried with the same form until it
succeeds or 30 s have passed. The same generator (threads, http.client, a connection
per arrival) first measures the trivial route's throughput.

``--kill-worker`` SIGKILLs one gunicorn worker half-way; ``--pg-restart`` restarts the
PostgreSQL cluster half-way (pg_ctlcluster). Afterwards the answer rows are counted in
the database: ``stored`` are rows whose attempt and position match an answer sent,
``lost`` are answers acknowledged (302) but not stored, ``doubled`` are rows beyond one
per answer sent. The last line printed is one JSON object.

All traffic stays on the loopback interface; request loops are bounded.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import json
import math
import os
import random
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
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


# -- open loop ---------------------------------------------------------------------------

QUIZ = 50  # questions per quiz (the most a quiz can have)
MIN_GAP_S = 5.0  # no student answers more often than this
RETRY_FOR_S = 30.0  # a request that fails in flight is retried for this long
RETRIED_STATUS = {502, 503, 504}
CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
POSITION_RE = re.compile(r'name="position" type="hidden" value="(\d+)"')


def prepare_quizzes(database_url: str, students: int) -> list[tuple[str, int]]:
    """Students, a deck of QUIZ questions and one started quiz per student (in the
    database directly: starting quizzes is not what is measured). (email, attempt id)."""
    deck_id = prepare(database_url, students, QUIZ)
    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.models import QuizAttempt, User

    rng = random.Random(12)
    app = create_app({"IMPORT_SEEDS": False})
    with app.app_context():
        users = db.session.execute(db.select(User.id, User.email).order_by(User.id)).all()
        attempts = [
            QuizAttempt(
                student_id=uid, deck_id=deck_id, question_ids=rng.sample(list_ids(QUIZ), QUIZ)
            )
            for uid, _ in users
        ]
        db.session.add_all(attempts)
        db.session.commit()
        out = [(email, a.id) for (_, email), a in zip(users, attempts, strict=True)]
        db.engine.dispose()
    return out


def list_ids(n: int) -> list[str]:
    """The question ids ``prepare`` makes."""
    return [f"b{i}" for i in range(n)]


class Failed(Exception):
    """A request that did not succeed within RETRY_FOR_S."""


@dataclass
class Client:
    """One logged-in student: the session cookie and the quiz being answered."""

    email: str
    attempt: int
    cookie: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float = -1e9


@dataclass
class Tally:
    """What the open loop saw (shared by the worker threads, under ``lock``)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    cycle_ms: list[float] = field(default_factory=list)
    request_ms: list[float] = field(default_factory=list)
    lag_ms: list[float] = field(default_factory=list)
    sent: set[tuple[int, int]] = field(default_factory=set)
    acked: set[tuple[int, int]] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    retries: int = 0
    retried_posts: int = 0
    status_503: int = 0
    posting: int = 0  # answer POSTs in flight now
    too_soon: int = 0
    min_gap_s: float = math.inf


def http_call(
    port: int,
    conn: list[http.client.HTTPConnection | None],
    method: str,
    path: str,
    client: Client,
    tally: Tally,
    body: str | None = None,
) -> tuple[int, str, str]:
    """One request, retried with the same form while it fails in flight; returns
    (status, Location, body). ``conn`` holds the arrival's keep-alive connection."""
    headers = {"Cookie": client.cookie}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    deadline = time.perf_counter() + RETRY_FOR_S
    pause = 0.05
    while True:
        t0 = time.perf_counter()
        try:
            if conn[0] is None:
                conn[0] = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
            conn[0].request(method, path, body=body, headers=headers)
            resp = conn[0].getresponse()
            text = resp.read().decode()
            status = resp.status
            if resp.will_close:
                conn[0].close()
                conn[0] = None
        except (OSError, http.client.HTTPException) as exc:
            if conn[0] is not None:
                conn[0].close()
            conn[0] = None
            problem = f"{method} {type(exc).__name__}"
        else:
            with tally.lock:
                tally.request_ms.append(1000 * (time.perf_counter() - t0))
            for value in resp.headers.get_all("Set-Cookie") or []:
                if value.startswith("session="):
                    client.cookie = value.split(";", 1)[0]
            if status not in RETRIED_STATUS:
                return status, resp.headers.get("Location", ""), text
            problem = f"{method} {status}"
            if status == 503:
                with tally.lock:
                    tally.status_503 += 1
        if time.perf_counter() + pause > deadline:
            raise Failed(problem)
        with tally.lock:
            tally.retries += 1
            tally.retried_posts += method == "POST"
        time.sleep(pause)
        pause = min(1.0, pause * 2)


def arrival(port: int, client: Client, scheduled: float, tally: Tally) -> None:
    """One answer cycle of one student: question page, answer POST, feedback page."""
    started = time.perf_counter()
    with client.lock:  # a student waits for their own previous page
        gap = scheduled - client.last
        client.last = scheduled
        conn: list[http.client.HTTPConnection | None] = [None]
        quiz = f"/quiz/{client.attempt}"
        sent = None
        try:
            status, _, html = http_call(port, conn, "GET", quiz, client, tally)
            csrf, position = CSRF_RE.search(html), POSITION_RE.search(html)
            if status != 200 or not csrf or not position:
                raise Failed(f"question page {status}")
            sent = (client.attempt, int(position.group(1)))
            with tally.lock:
                tally.sent.add(sent)
            form = urllib.parse.urlencode(
                {"position": sent[1], "response": "Oslo", "csrf_token": csrf.group(1)}
            )
            with tally.lock:
                tally.posting += 1
            try:
                status, location, _ = http_call(
                    port, conn, "POST", quiz + "/answer", client, tally, form
                )
            finally:
                with tally.lock:
                    tally.posting -= 1
            if status != 302 or "/feedback/" not in location:
                raise Failed(f"answer {status}")
            with tally.lock:
                tally.acked.add(sent)
            path = urllib.parse.urlsplit(location).path
            status, _, _ = http_call(port, conn, "GET", path, client, tally)
            if status != 200:
                raise Failed(f"feedback {status}")
        except Failed as exc:
            with tally.lock:
                tally.errors.append(str(exc))
            return
        finally:
            if conn[0] is not None:
                conn[0].close()
        done = time.perf_counter()
    with tally.lock:
        tally.cycle_ms.append(1000 * (done - scheduled))
        tally.lag_ms.append(1000 * max(0.0, started - scheduled))
        tally.min_gap_s = min(tally.min_gap_s, gap)
        if gap < MIN_GAP_S:
            tally.too_soon += 1


def log_in(port: int, client: Client) -> None:
    """Log a student in through the login form; keeps the session cookie."""
    tally = Tally()
    conn: list[http.client.HTTPConnection | None] = [None]
    _, _, html = http_call(port, conn, "GET", "/login", client, tally)
    csrf = CSRF_RE.search(html)
    if not csrf:
        raise RuntimeError("no CSRF token on /login")
    form = urllib.parse.urlencode(
        {"email": client.email, "password": PASSWORD, "csrf_token": csrf.group(1)}
    )
    status, _, _ = http_call(port, conn, "POST", "/login", client, tally, form)
    if conn[0] is not None:
        conn[0].close()
    if status != 302:
        raise RuntimeError(f"login {status} for {client.email}")


def trivial_throughput(port: int, clients: int = 32, seconds: float = 3.0) -> tuple[float, int]:
    """Requests per second on /healthz, a connection per request, ``clients`` threads;
    and how many requests that was."""
    stop = time.perf_counter() + seconds
    counts = [0] * clients

    def loop(i: int) -> None:
        while time.perf_counter() < stop:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
            try:
                conn.request("GET", "/healthz")
                conn.getresponse().read()
                counts[i] += 1
            except (OSError, http.client.HTTPException):
                pass
            finally:
                conn.close()

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / (time.perf_counter() - start), sum(counts)


def _cpu_seconds(pid: int) -> float | None:
    """utime + stime of a process, in seconds (None once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _state(pid: int) -> str:
    """A process's state letter (R running, S sleeping, ...)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "?"


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]


class CpuMeter:
    """CPU used by a set of processes between start() and stop(), sampled every 0.2 s so
    that a process killed in between still counts up to its last sample."""

    def __init__(self, pids: Callable[[], list[int]]) -> None:
        self.pids = pids
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self, initial: bool = False) -> None:
        for pid in self.pids():
            cpu = _cpu_seconds(pid)
            if cpu is None:
                continue
            # a process first seen after the start began within the run
            self.first.setdefault(pid, cpu if initial else 0.0)
            self.last[pid] = cpu

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self._sample()

    def start(self) -> None:
        """Take the first sample and keep sampling."""
        self._sample(initial=True)
        self._thread.start()

    def stop(self) -> float:
        """Seconds of CPU used since start()."""
        self._sample()
        self._stop.set()
        self._thread.join()
        return sum(self.last[p] - self.first[p] for p in self.last)


def postgres_backends(database: str) -> Callable[[], list[int]]:
    """Pids of the PostgreSQL backends serving a database (for their CPU)."""
    import psycopg

    def pids() -> list[int]:
        try:
            with psycopg.connect(
                "postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=2
            ) as conn:
                rows = conn.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = %s", (database,)
                ).fetchall()
        except psycopg.Error:
            return []
        return [int(r[0]) for r in rows]

    return pids


def restart_postgres() -> float:
    """Restart the local PostgreSQL cluster; returns how long it took (s)."""
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    t0 = time.perf_counter()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - t0


def answer_rows(database_url: str) -> tuple[dict[tuple[int, int], int], int]:
    """Answer rows per (attempt, position), and answers without their review, counted
    in the database."""
    os.environ["DATABASE_URL"] = database_url
    from sqlalchemy import func, select

    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.models import Answer, Review

    app = create_app({"IMPORT_SEEDS": False})
    with app.app_context():
        rows = db.session.execute(
            select(Answer.attempt_id, Answer.position, func.count(Answer.id)).group_by(
                Answer.attempt_id, Answer.position
            )
        ).all()
        unreviewed = db.session.scalar(
            select(func.count(Answer.id))
            .outerjoin(Review, Review.answer_id == Answer.id)
            .where(Review.id.is_(None))
        )
        db.engine.dispose()
    return {(a, p): int(n) for a, p, n in rows}, int(unreviewed or 0)


def poisson_arrivals(rate: float, duration: float, seed: int = 7) -> Iterator[float]:
    """Arrival times (s from the start) of a Poisson process."""
    rng = random.Random(seed)
    t = rng.expovariate(rate)
    while t < duration:
        yield t
        t += rng.expovariate(rate)


def open_loop(
    db_name: str,
    database_url: str,
    rate: float,
    duration: float,
    workers: int,
    threads: int,
    kill_worker: bool,
    pg_restart: bool,
) -> dict[str, Any]:
    """Run the open loop once; returns the result as the JSON line's fields."""
    students = max(64, math.ceil(8 * rate), math.ceil(rate * duration / (QUIZ - 5)))
    pairs = prepare_quizzes(database_url, students)
    clients = [Client(email, attempt) for email, attempt in pairs]
    port = free_port()
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as instance:
        proc = start_server(database_url, port, workers, threads, instance)
        try:
            with ThreadPoolExecutor(16) as pool:
                list(pool.map(lambda c: log_in(port, c), clients))
            server_cpu = CpuMeter(lambda: [proc.pid, *_children(proc.pid)])
            server_cpu.start()
            trivial_rps, trivial_requests = trivial_throughput(port)
            trivial_cpu_ms = 1000 * server_cpu.stop() / max(trivial_requests, 1)
            server_cpu = CpuMeter(lambda: [proc.pid, *_children(proc.pid)])
            db_cpu = CpuMeter(
                postgres_backends(database_url.rsplit("/", 1)[1]) if db_name == "postgres" else list
            )
            tally = Tally()
            order = clients[:]
            random.Random(3).shuffle(order)
            faults: list[threading.Timer] = []
            if kill_worker:

                def kill() -> None:
                    # the worker that is running while an answer is in flight, so that
                    # requests are cut off (bounded wait)
                    victim = None
                    for _ in range(5000):
                        if tally.posting >= 1:
                            running = [p for p in _children(proc.pid) if _state(p) == "R"]
                            if running:
                                victim = running[0]
                                break
                        time.sleep(0.002)
                    victim = victim or _children(proc.pid)[0]
                    busy = tally.posting
                    os.kill(victim, signal.SIGKILL)
                    at = time.perf_counter() - start
                    notes.append(f"SIGKILL worker {victim} at {at:.1f} s, {busy} answers in flight")

                faults.append(threading.Timer(duration / 2, kill))
            if pg_restart:

                def restart() -> None:
                    took = restart_postgres()
                    notes.append(f"PostgreSQL restarted at {duration / 2:.0f} s in {took:.1f} s")

                faults.append(threading.Timer(duration / 2, restart))
            client_cpu0 = time.process_time()
            server_cpu.start()
            db_cpu.start()
            start = time.perf_counter()
            for timer in faults:
                timer.start()
            with ThreadPoolExecutor(max(64, math.ceil(rate))) as pool:
                for i, at in enumerate(poisson_arrivals(rate, duration)):
                    delay = start + at - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                    client = order[i % len(order)]  # round robin: the longest idle student
                    pool.submit(arrival, port, client, start + at, tally)
            elapsed = time.perf_counter() - start
            for timer in faults:
                timer.join()
            server_seconds = server_cpu.stop()
            db_seconds = db_cpu.stop()
            client_seconds = time.process_time() - client_cpu0
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
            log = (Path(instance) / "gunicorn.log").read_text(errors="replace")
    rows, unreviewed = answer_rows(database_url)
    stored = len(tally.sent & rows.keys())
    lost = len(tally.acked - rows.keys())
    # rows beyond one per answer sent: repeats of a pair, or pairs no arrival sent
    doubled = sum(n - 1 for n in rows.values()) + sum(
        n for pair, n in rows.items() if pair not in tally.sent
    )
    cycles = len(tally.cycle_ms)

    def pct(values: list[float], p: float) -> float:
        return round(percentile(values, p), 1)

    result: dict[str, Any] = {
        "db": db_name,
        "rate": rate,
        "duration": duration,
        "sent": len(tally.sent),
        "stored": stored,
        "errors": len(tally.errors),
        "answers_per_s": round(cycles / elapsed, 1),
        "p50_ms": pct(tally.cycle_ms, 50),
        "p95_ms": pct(tally.cycle_ms, 95),
        "p99_ms": pct(tally.cycle_ms, 99),
        "trivial_rps": round(trivial_rps),
        "cpu_ms_per_answer": round(1000 * server_seconds / max(cycles, 1), 2),
    }
    result["trivial_cpu_ms_per_request"] = round(trivial_cpu_ms, 3)
    if kill_worker or pg_restart:
        result.update(lost=lost, doubled=doubled)
    result.update(
        acked=len(tally.acked),
        request_p99_ms=pct(tally.request_ms, 99),
        lag_p99_ms=pct(tally.lag_ms, 99),
        retries=tally.retries,
        retried_posts=tally.retried_posts,
        status_503=tally.status_503,
        unreviewed=unreviewed,
        students=students,
        min_gap_s=round(tally.min_gap_s, 2) if cycles else None,
        too_soon=tally.too_soon,
        server=f"gunicorn gthread {workers}x{threads}",
        client_cpu_ms_per_answer=round(1000 * client_seconds / max(cycles, 1), 2),
    )
    if db_name == "postgres":
        result["db_cpu_ms_per_answer"] = round(1000 * db_seconds / max(cycles, 1), 2)
    if tally.errors:
        result["error_kinds"] = sorted(set(tally.errors))[:5]
    if notes:
        result["faults"] = notes
    crashes = [
        line
        for line in log.splitlines()
        if ("Traceback" in line or "ERROR" in line) and "was sent SIGKILL" not in line
    ]
    if crashes:
        result["server_log_errors"] = crashes[:3]
    return result


def fresh_database(db_name: str) -> str:
    """A new empty database: an SQLite file in a temporary folder, or quizapp_bench."""
    if db_name == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="quizapp-bench-"))
        return f"sqlite:///{folder / 'bench.sqlite'}"
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS quizapp_bench WITH (FORCE)")
        conn.execute("CREATE DATABASE quizapp_bench")
    return PG_URL


def main() -> None:
    """Closed loop by default; the open loop with --rate."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=32)
    parser.add_argument("--answers", type=int, default=20)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--rate", type=float, help="open loop: answer cycles per second")
    parser.add_argument("--duration", type=float, default=30.0, help="open loop: seconds")
    parser.add_argument("--json", action="store_true", help="open loop: end with a JSON line")
    parser.add_argument("--kill-worker", action="store_true", help="SIGKILL a worker half-way")
    parser.add_argument("--pg-restart", action="store_true", help="restart PostgreSQL half-way")
    args = parser.parse_args()
    if args.rate is not None:
        if args.db == "both":
            parser.error("the open loop runs on one database: --db sqlite or --db postgres")
        if args.pg_restart and args.db != "postgres":
            parser.error("--pg-restart needs --db postgres")
        result = open_loop(
            args.db,
            fresh_database(args.db),
            args.rate,
            args.duration,
            args.workers,
            args.threads,
            args.kill_worker,
            args.pg_restart,
        )
        if not args.json:
            for key, value in result.items():
                print(f"{key}: {value}")
        print(json.dumps(result))
        return
    if args.db in ("sqlite", "both"):
        measure(
            "SQLite",
            fresh_database("sqlite"),
            args.students,
            args.answers,
            args.workers,
            args.threads,
        )
    if args.db in ("postgres", "both"):
        measure(
            "PostgreSQL",
            fresh_database("postgres"),
            args.students,
            args.answers,
            args.workers,
            args.threads,
        )


if __name__ == "__main__":
    main()
