"""Shared fixtures for the whole suite: the Redis the job tests run against, and a
worker process of their own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REDIS_URL = os.environ.get("QUIZAPP_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def redis_url() -> str:
    """The real Redis of the job tests; they fail without it in CI (.ci/run starts
    one) and are skipped elsewhere."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as exc:
        message = f"no Redis at {REDIS_URL} ({exc}); start one: redis-server --daemonize yes"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return REDIS_URL


@pytest.fixture
def queue_name(redis_url: str) -> Iterator[str]:
    """An RQ queue of the test's own; its jobs and registries are removed afterwards."""
    import redis

    name = f"test-articles-{uuid.uuid4().hex[:12]}"
    yield name
    conn = redis.Redis.from_url(redis_url)
    for key in conn.scan_iter("rq:job:article-*"):
        if conn.type(key) == b"hash" and conn.hget(key, "origin") == name.encode():
            conn.delete(key)
    for key in conn.scan_iter(f"rq:*{name}*"):
        conn.delete(key)


@pytest.fixture
def start_worker() -> Iterator[Callable[..., subprocess.Popen[str]]]:
    """Start ``quizapp worker`` processes (killed at the end if still running)."""
    procs: list[subprocess.Popen[str]] = []

    def start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
        full = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
            "QUIZAPP_SECRET_KEY": "worker-test-secret",
            **env,
        }
        proc = subprocess.Popen(
            [sys.executable, "-m", "quizapp", "worker", *args],
            env=full,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)  # a warm shutdown: a running job finishes
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)
        if proc.stdout:
            proc.stdout.close()
