"""The RQ worker behind ``quizapp worker``: it generates the articles teachers add.

Run it on any host that reaches the app's database and Redis, as many as you like::

    QUIZAPP_DATABASE_URL=postgresql://... QUIZAPP_REDIS_URL=redis://... quizapp worker

Each job runs in a work-horse forked from the worker, which loads the spaCy model
once before it starts. The worker runs :func:`quizapp.services.jobs.recover` when
it starts and at every maintenance, so jobs left by a dead worker are retried.
"""

from __future__ import annotations

from rq import Queue, Worker
from rq.job import Job

from .extensions import db
from .services import jobs


class ArticleWorker(Worker):
    """RQ's forking worker; it recovers abandoned jobs at every maintenance and gives
    each work-horse its own database connections. Runs inside an app context."""

    def run_maintenance_tasks(self) -> None:
        """Recover what dead workers and a lost Redis left, then RQ's own upkeep."""
        jobs.recover(self.connection)
        super().run_maintenance_tasks()  # type: ignore[no-untyped-call]

    def main_work_horse(self, job: Job, queue: Queue) -> None:
        """In the forked work-horse: drop the parent's pooled connections, unclosed
        (they belong to the parent), so the job opens its own; then run the job."""
        db.engine.dispose(close=False)
        super().main_work_horse(job, queue)


def make_worker(maintenance_interval: int | None = None) -> ArticleWorker:
    """A worker on the app's article queue (call inside an app context)."""
    from flask import current_app

    interval = maintenance_interval or int(current_app.config["ARTICLE_MAINTENANCE_INTERVAL"])
    return ArticleWorker(
        [jobs.article_queue()],
        connection=jobs.redis_connection(),
        maintenance_interval=interval,
    )


def work(burst: bool = False) -> bool:
    """Run a worker until it is stopped (or, with ``burst``, until the queue is
    empty); returns whether it ran any job."""
    from question_bank import gazetteer
    from question_bank.nlp import get_nlp

    get_nlp()  # load the model once: every work-horse forked from here shares it
    gazetteer.load()  # and the place tables
    return bool(make_worker().work(burst=burst, logging_level="INFO"))
