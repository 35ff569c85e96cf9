"""Article jobs on a real Redis with real RQ workers: in-process (SimpleWorker) and
``quizapp worker`` processes, one of them killed in the middle of a job."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from redis import Redis
from rq import Queue, SimpleWorker
from rq.registry import StartedJobRegistry
from sqlalchemy import func, select

from question_bank import parse_article
from quizapp.extensions import db
from quizapp.models import Article, ArticleJob, Deck, Question, User
from quizapp.services import jobs, library

from ..bank import newsite
from .conftest import login, logout

ARTICLE = (
    "Foreign Minister Anna Lindqvist of Sweden arrived in Oslo on Monday for talks with "
    "Norwegian Prime Minister Jonas Berg. It is Ms Lindqvist's third visit to Norway since "
    "taking office, her spokesman said. The two leaders discussed a fishing accord under which "
    "about 1,200 boats would share the northern grounds for five years."
)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def big_article() -> str:
    """A long real-news text (the seed articles, several times over, ~95,000
    characters): generating its questions takes seconds, time to kill a worker in."""
    bodies = [parse_article(p.read_text(), p.stem).text for p in sorted(SEEDS.glob("*.txt"))]
    text = "\n\n".join(bodies)
    while len(text) < 95_000:
        text += "\n\n" + "\n\n".join(bodies)
    return "Date: 2025-01-01\n\n" + text[:95_000].rsplit("\n\n", 1)[0]


@pytest.fixture
def queued_app(app: Flask, redis_url: str, queue_name: str) -> Flask:
    """The app with background generation on: jobs go to a queue of the test's own."""
    app.config.update(REDIS_URL=redis_url, ARTICLE_QUEUE=queue_name)
    return app


def teacher(app: Flask, make_user: Callable[..., int], email: str = "t@example.org") -> int:
    """A teacher's id."""
    return make_user(email, "teacher")


def add(app: Flask, user_id: int, text: str = ARTICLE, title: str = "Talks in Oslo") -> int:
    """Hand in an article as the teacher; returns the job's id."""
    with app.app_context():
        user = db.session.get(User, user_id)
        assert user is not None
        return jobs.add_text(user, text, title).id


def run_worker(app: Flask) -> bool:
    """An RQ SimpleWorker in this process, until the queue is empty."""
    with app.app_context():
        worker = SimpleWorker([jobs.article_queue()], connection=jobs.redis_connection())
        return bool(worker.work(burst=True, logging_level="WARNING"))


def job_row(app: Flask, job_id: int) -> ArticleJob:
    """A job's row, read afresh."""
    with app.app_context():
        job = db.session.get(ArticleJob, job_id)
        assert job is not None
        db.session.expunge(job)
        return job


def stored(app: Flask) -> tuple[int, int, int]:
    """How many articles, decks and questions the bank holds."""
    with app.app_context():
        return (
            db.session.scalar(select(func.count(Article.id))) or 0,
            db.session.scalar(select(func.count(Deck.id))) or 0,
            db.session.scalar(select(func.count()).select_from(Question)) or 0,
        )


def test_a_queued_job_is_run_by_a_worker_and_stored_once(
    queued_app: Flask, make_user: Callable[..., int]
) -> None:
    app = queued_app
    job_id = add(app, teacher(app, make_user))
    job = job_row(app, job_id)
    assert job.state == "queued" and job.rq_id
    assert stored(app) == (0, 0, 0)  # the request returned before any generation
    with app.app_context():
        assert jobs.article_queue().job_ids == [job.rq_id]

    assert run_worker(app)
    job = job_row(app, job_id)
    assert (job.state, job.attempts, job.error) == ("done", 1, None)
    assert job.drafts and job.drafts > 3
    assert job.text is None  # the article holds the text now
    assert stored(app) == (1, 1, job.drafts)
    with app.app_context():
        article = db.session.get(Article, job.article_id)
        assert article is not None and article.title == "Talks in Oslo"

    # the same job delivered again (a retry, or a second worker): nothing doubles
    with app.app_context():
        jobs._enqueue(db.session.get(ArticleJob, job_id), jobs.article_queue())  # type: ignore[arg-type]
    assert run_worker(app)
    with app.app_context():
        assert jobs.run(job_id) == "done"
    assert stored(app) == (1, 1, job.drafts)
    assert job_row(app, job_id).attempts == 1


def test_the_page_returns_at_once_and_shows_the_state_until_done(
    queued_app: Flask, client: FlaskClient, make_user: Callable[..., int]
) -> None:
    app = queued_app
    teacher(app, make_user)
    login(client, "t@example.org")
    response = client.post("/teach/articles", data={"title": "Talks in Oslo", "text": ARTICLE})
    assert response.status_code == 302
    page_url = response.headers["Location"]
    assert "/teach/articles/jobs/" in page_url
    page = client.get(page_url).get_data(as_text=True)
    assert "queued" in page and 'http-equiv="refresh"' in page
    assert "<script" not in page  # the page refreshes without any script
    assert "queued" in client.get("/teach/articles").get_data(as_text=True)

    run_worker(app)
    page = client.get(page_url).get_data(as_text=True)
    assert "added with" in page and "Review the drafts" in page
    assert 'http-equiv="refresh"' not in page


def test_a_job_that_raises_is_retried_by_rq_and_then_fails_with_the_reason(
    queued_app: Flask, make_user: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = queued_app
    user = teacher(app, make_user)
    real = library.add_article
    calls: list[int] = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database went away")
        return real(*args, **kwargs)

    monkeypatch.setattr(library, "add_article", flaky)
    first = add(app, user)
    run_worker(app)
    job = job_row(app, first)
    assert (job.state, job.attempts) == ("done", 2)  # retried once, then stored once
    assert stored(app)[0] == 1

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("still broken")

    monkeypatch.setattr(library, "add_article", broken)
    second = add(app, user, ARTICLE.replace("Oslo", "Bergen"), "Talks in Bergen")
    run_worker(app)
    job = job_row(app, second)
    retries = app.config["ARTICLE_JOB_RETRIES"]
    assert (job.state, job.attempts) == ("failed", retries + 1)
    assert job.error == "generation failed (RuntimeError: still broken)"
    assert stored(app)[0] == 1


def test_a_refused_page_fails_the_job_with_the_libraries_message(
    queued_app: Flask, client: FlaskClient, make_user: Callable[..., int]
) -> None:
    app = queued_app
    app.config["ALLOW_PRIVATE_URLS"] = True
    teacher(app, make_user)
    login(client, "t@example.org")
    with newsite.serve() as site:
        missing = site.url("/missing")
        response = client.post("/teach/articles/bulk", data={"urls": missing})
        assert response.status_code == 302
        report = response.headers["Location"]
        assert "1 still in progress" in client.get(report).get_data(as_text=True)
        run_worker(app)
    page = client.get(report).get_data(as_text=True)
    assert "refused: not found (HTTP 404)" in page
    assert 'http-equiv="refresh"' not in page
    assert stored(app) == (0, 0, 0)


def test_two_runs_of_one_job_at_once_store_one_article(
    app: Flask, make_user: Callable[..., int]
) -> None:
    """Two workers handed the same job at the same moment (a retry racing the first
    run): one article, its questions once, the job done."""
    user = teacher(app, make_user)
    with app.app_context():
        owner = db.session.get(User, user)
        assert owner is not None
        db.session.add(ArticleJob(owner_id=user, name="twice", text=ARTICLE, title="Twice"))
        db.session.commit()
        job_id = db.session.scalar(select(ArticleJob.id))
        assert job_id is not None
    outcomes: list[object] = []
    start = threading.Barrier(2)

    def worker() -> None:
        with app.app_context():
            start.wait()
            try:
                outcomes.append(jobs.run(job_id))
            except Exception as exc:  # a store that lost the race, to be retried by RQ
                outcomes.append(exc)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert "done" in outcomes, outcomes
    job = job_row(app, job_id)
    assert job.state == "done"
    assert stored(app) == (1, 1, job.drafts)


def test_recovery_requeues_a_job_redis_lost(
    queued_app: Flask, make_user: Callable[..., int]
) -> None:
    app = queued_app
    job_id = add(app, teacher(app, make_user))
    with app.app_context():
        queue = jobs.article_queue()
        queue.empty()  # Redis restarted without its data: the job is gone
        assert queue.count == 0
        row = db.session.get(ArticleJob, job_id)
        assert row is not None
        old_rq_id = row.rq_id
        assert jobs.recover() == 0  # a fresh row may still be on its way to Redis
        row = db.session.get(ArticleJob, job_id)
        assert row is not None
        row.created_at = row.created_at - jobs.LOST_AFTER * 2
        db.session.commit()
        assert jobs.recover() == 1
        row = db.session.get(ArticleJob, job_id)
        assert row is not None and row.rq_id != old_rq_id
        assert jobs.article_queue().job_ids == [row.rq_id]
    run_worker(app)
    assert job_row(app, job_id).state == "done"
    assert stored(app)[0] == 1


# --------------------------------------------------------------------------- killed workers


def worker_env(app: Flask) -> dict[str, str]:
    """What a ``quizapp worker`` process needs to share this app's database and queue."""
    return {
        "QUIZAPP_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "QUIZAPP_REDIS_URL": app.config["REDIS_URL"],
        "QUIZAPP_ARTICLE_QUEUE": app.config["ARTICLE_QUEUE"],
        "QUIZAPP_IMPORT_SEEDS": "false",
    }


def wait_for(
    app: Flask, job_id: int, states: tuple[str, ...], timeout: float, proc: Any = None
) -> ArticleJob:
    """Poll a job's row until it reaches one of the states."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = job_row(app, job_id)
        if job.state in states:
            return job
        if proc is not None and proc.poll() is not None:
            output = proc.stdout.read() if proc.stdout else ""
            pytest.fail(f"the worker exited ({proc.returncode}) first:\n{output[-3000:]}")
        time.sleep(0.05)
    pytest.fail(f"job {job_id} still {job_row(app, job_id).state} after {timeout} s")


def horse_pid(job: ArticleJob) -> int:
    """The process that runs the job (its ``host:pid``)."""
    assert job.worker
    return int(job.worker.rsplit(":", 1)[1])


def test_a_killed_work_horse_is_retried_and_nothing_is_half_stored(
    queued_app: Flask,
    make_user: Callable[..., int],
    start_worker: Callable[..., subprocess.Popen[str]],
) -> None:
    app = queued_app
    job_id = add(app, teacher(app, make_user), big_article(), "A long day of talks")
    proc = start_worker(worker_env(app))
    job = wait_for(app, job_id, ("generating",), 90, proc)
    pid = horse_pid(job)
    assert pid != proc.pid  # the job runs in a work-horse forked for it
    time.sleep(0.5)
    os.kill(pid, signal.SIGKILL)  # killed inside generation (the OOM killer, say)
    assert job_row(app, job_id).state == "generating"
    assert stored(app) == (0, 0, 0)  # nothing half-stored

    job = wait_for(app, job_id, ("done", "failed"), 120, proc)
    assert (job.state, job.attempts) == ("done", 2), job.error
    assert horse_pid(job) != pid
    assert stored(app) == (1, 1, job.drafts)


def test_a_worker_killed_mid_job_leaves_the_job_to_the_next_worker(
    queued_app: Flask,
    client: FlaskClient,
    make_user: Callable[..., int],
    start_worker: Callable[..., subprocess.Popen[str]],
) -> None:
    app = queued_app
    job_id = add(app, teacher(app, make_user), big_article(), "A long day of talks")
    first = start_worker(worker_env(app))
    job = wait_for(app, job_id, ("generating",), 90, first)
    time.sleep(0.5)
    # the whole worker dies (the machine, say): the worker first, then its work-horse
    os.kill(first.pid, signal.SIGKILL)
    os.kill(horse_pid(job), signal.SIGKILL)
    first.wait(10)
    assert job_row(app, job_id).state == "generating"
    assert stored(app) == (0, 0, 0)
    with app.app_context():
        registry = StartedJobRegistry(
            queue=Queue(
                app.config["ARTICLE_QUEUE"], connection=Redis.from_url(app.config["REDIS_URL"])
            )
        )
        assert job.rq_id in registry.get_job_ids(cleanup=False)  # RQ still counts it as running

    second = start_worker(worker_env(app), "--burst")  # finds the job abandoned at its start
    output, _ = second.communicate(timeout=180)
    assert second.returncode == 0, output[-3000:]
    job = job_row(app, job_id)
    assert (job.state, job.attempts) == ("done", 2), (job.error, output[-3000:])
    assert stored(app) == (1, 1, job.drafts)
    login(client, "t@example.org")
    page = client.get(f"/teach/articles/jobs/{job_id}").get_data(as_text=True)
    assert f"added with {job.drafts} drafts" in page


def test_the_worker_command_needs_redis(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["worker", "--burst"])
    assert result.exit_code == 1
    assert "set QUIZAPP_REDIS_URL" in result.output


def test_jobs_are_their_teachers_alone(
    queued_app: Flask, client: FlaskClient, make_user: Callable[..., int]
) -> None:
    app = queued_app
    job_id = add(app, teacher(app, make_user))
    make_user("other@example.org", "teacher")
    make_user("s@example.org", "student")
    url = f"/teach/articles/jobs/{job_id}"
    assert client.get(url).status_code == 302  # to the login page
    login(client, "other@example.org")
    assert client.get(url).status_code == 403
    assert client.get("/teach/articles/jobs/999").status_code == 404
    assert "Talks in Oslo" not in client.get("/teach/articles").get_data(as_text=True)
    logout(client)
    login(client, "s@example.org")
    assert client.get(url).status_code == 403
