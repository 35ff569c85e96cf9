"""Benchmark: the flashcard due queue and a rating, on a small and a large question bank.

    python benchmarks/study.py [--small 1000] [--large 100000] [--students 1000]
                               [--cards-per-student 100] [--database-url URL]

Two worlds are built in one run, each in its own fresh database made by the migrations
(SQLite in a temporary folder, or the PostgreSQL server given with --database-url):
the same 1,000 students, each with the same study history (100 cards, three reviews
each, about a tenth due today), over a bank of 1,000 and of 100,000 approved questions
(50 per article, each article its deck). For 200 students drawn at random, it times:

1. building the due queue across all decks (``study.queue``);
2. building the due queue of one deck;
3. recording a rating of the first due card (``study.rate``, committed);
4. the progress page's numbers (``stats.progress``).

It prints the median and 95th percentile per call in each world and the ratio of the
large world's median to the small one's. The aim: the large bank costs at most twice
the small one (every query of a student's queue is bounded by an index, none scans the
bank).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask_migrate import upgrade
from sqlalchemy import insert, select

from quizapp import create_app, srs
from quizapp.extensions import db
from quizapp.models import APPROVED, Article, Deck, Question, Review, StudyCard, User
from quizapp.services import stats, study

NOW = dt.datetime(2026, 6, 10, 12, 0, tzinfo=dt.UTC)
PER_ARTICLE = 50


def build(url: str, questions: int, students: int, per_student: int, seed: int = 1) -> None:
    """Fill an empty, migrated database with the world."""
    rng = random.Random(seed)
    created = NOW - dt.timedelta(days=400)
    articles = (questions + PER_ARTICLE - 1) // PER_ARTICLE
    db.session.execute(
        insert(User),
        [
            {
                "email": f"s{i}@example.org",
                "name": f"Student {i}",
                "password_hash": "x",
                "role": "student",
                "created_at": created,
                "timezone": rng.choice(["UTC", "Europe/Oslo", "America/Chicago", "Asia/Tokyo"]),
                "new_per_day": 20,
                "desired_retention": 0.9,
            }
            for i in range(students)
        ],
    )
    db.session.execute(
        insert(Article),
        [
            {
                "key": f"a{i}",
                "title": f"Article {i}",
                "text": "Text.",
                "created_at": created,
            }
            for i in range(articles)
        ],
    )
    article_ids = list(db.session.scalars(select(Article.id).order_by(Article.id)))
    db.session.execute(
        insert(Deck),
        [
            {"name": f"Article {i}", "description": "", "article_id": a, "created_at": created}
            for i, a in enumerate(article_ids)
        ],
    )
    rows = []
    for i in range(questions):
        when = created + dt.timedelta(minutes=i)
        rows.append(
            {
                "id": f"b{i:07d}",
                "article_id": article_ids[i // PER_ARTICLE],
                "kind": "short_answer",
                "prompt": f"Where did minister {i} travel?",
                "answer": f"City {i % 97}",
                "accepted": [],
                "choices": [],
                "fact": {"type": "visit", "n": i},
                "tags": [],
                "status": APPROVED,
                "origin": "generated",
                "version": 1,
                "created_at": when,
                "updated_at": when,
            }
        )
        if len(rows) == 5000:
            db.session.execute(insert(Question), rows)
            rows = []
    if rows:
        db.session.execute(insert(Question), rows)
    student_ids = list(db.session.scalars(select(User.id).order_by(User.id)))
    version = srs.SCHEDULER_VERSION
    card_id = 0
    cards: list[dict[str, Any]] = []
    reviews: list[dict[str, Any]] = []
    for sid in student_ids:
        for q in rng.sample(range(questions), min(per_student, questions)):
            card_id += 1
            due = NOW + dt.timedelta(days=rng.uniform(-3, 30))
            last = due - dt.timedelta(days=rng.uniform(1, 20))
            stability = rng.uniform(1, 60)
            cards.append(
                {
                    "id": card_id,
                    "student_id": sid,
                    "question_id": f"b{q:07d}",
                    "state": srs.REVIEW,
                    "step": None,
                    "stability": stability,
                    "difficulty": 5.0,
                    "due": due,
                    "last_review": last,
                    "reps": 3,
                    "lapses": 0,
                    "scheduler": version,
                    "created_at": last - dt.timedelta(days=10),
                }
            )
            for seq in range(3):
                reviews.append(
                    {
                        "card_id": card_id,
                        "student_id": sid,
                        "question_id": f"b{q:07d}",
                        "question_version": 1,
                        "seq": seq,
                        "rating": rng.choice([1, 3, 3, 3, 4]),
                        "source": "study",
                        "reviewed_at": last - dt.timedelta(days=5 * (2 - seq)),
                        "duration_ms": 4000,
                        "state_before": None if seq == 0 else srs.REVIEW,
                        "state_after": srs.REVIEW,
                        "stability": stability,
                        "difficulty": 5.0,
                        "due": due,
                        "scheduler": version,
                    }
                )
        if len(cards) >= 20000:
            db.session.execute(insert(StudyCard), cards)
            db.session.execute(insert(Review), reviews)
            cards, reviews = [], []
    if cards:
        db.session.execute(insert(StudyCard), cards)
        db.session.execute(insert(Review), reviews)
    db.session.commit()
    # fresh statistics, as autovacuum would gather them on a live server
    if url.startswith("postgresql"):
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(sample: list[int]) -> dict[str, list[float]]:
    """Per-call seconds of each operation for the sampled students."""
    out: dict[str, list[float]] = {
        "queue (all decks)": [],
        "queue (one deck)": [],
        "rate a card": [],
        "progress": [],
    }
    for sid in sample:
        db.session.expire_all()
        student = db.session.get(User, sid)
        assert student is not None
        out["queue (all decks)"].append(timed(lambda s=student: study.queue(s, None, NOW)))
        q = study.queue(student, None, NOW)
        assert q.question is not None, "every sampled student has something to study"
        deck_id = db.session.scalar(select(Deck.id).where(Deck.article_id == q.question.article_id))
        out["queue (one deck)"].append(timed(lambda s=student, d=deck_id: study.queue(s, d, NOW)))
        seq = q.card.reps if q.card else 0
        qid = q.question.id
        out["rate a card"].append(
            timed(lambda s=student, i=qid, n=seq: study.rate(s, i, srs.GOOD, n, now=NOW))
        )
        out["progress"].append(timed(lambda s=student: stats.progress(s, NOW)))
    return out


def make_world(label: str, questions: int, args: argparse.Namespace, base_url: str | None):  # type: ignore[no-untyped-def]
    """A migrated database filled with one world; the app and the sampled students."""
    tmp = Path(tempfile.mkdtemp(prefix="study-bench-"))
    url = f"sqlite:///{tmp / 'bench.sqlite'}"
    if base_url:
        url = f"{base_url}_{label}"
        _fresh_pg(url)
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "bench",
            "IMPORT_SEEDS": False,
            "STUDY_FUZZ": False,
        }
    )
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory)
        start = time.perf_counter()
        build(url, questions, args.students, args.cards_per_student)
        print(
            f"{label}: built {questions:,} questions, {args.students:,} students, "
            f"{args.students * args.cards_per_student:,} cards in "
            f"{time.perf_counter() - start:.1f} s"
        )
        ids = list(db.session.scalars(select(User.id)))
        sample = random.Random(2).sample(ids, min(args.sample, len(ids)))
        measure(sample[:10])  # warm caches and the scheduler
        db.session.remove()
    return app, sample[10:]


def _fresh_pg(url: str) -> None:
    """Drop and recreate the database named in a PostgreSQL URL."""
    import psycopg

    base, name = url.rsplit("/", 1)
    plain = base.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--cards-per-student", type=int, default=100)
    parser.add_argument("--sample", type=int, default=210)
    parser.add_argument("--database-url", help="a PostgreSQL URL (its database is recreated)")
    args = parser.parse_args()
    url = args.database_url
    if url and url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    worlds = [
        make_world("small", args.small, args, url),
        make_world("large", args.large, args, url),
    ]
    # the two worlds are measured in alternating rounds, so neither gets a warmer machine
    results: list[dict[str, list[float]]] = [{}, {}]
    rounds = 5
    for r in range(rounds):
        for i, (app, sample) in enumerate(worlds):
            with app.app_context():
                part = measure(sample[r::rounds])
                db.session.remove()
            for op, times in part.items():
                results[i].setdefault(op, []).extend(times)
    small, large = results
    print(
        f"\n{'operation':<20}{'small median':>14}{'p95':>10}{'large median':>14}{'p95':>10}"
        f"{'ratio':>8}"
    )
    worst = 0.0
    for op in small:
        s_med, l_med = statistics.median(small[op]), statistics.median(large[op])
        s95 = statistics.quantiles(small[op], n=20)[-1]
        l95 = statistics.quantiles(large[op], n=20)[-1]
        ratio = l_med / s_med
        worst = max(worst, ratio)
        print(
            f"{op:<20}{s_med * 1000:>12.2f}ms{s95 * 1000:>8.2f}ms{l_med * 1000:>12.2f}ms"
            f"{l95 * 1000:>8.2f}ms{ratio:>8.2f}"
        )
    print(f"\nworst ratio large/small: {worst:.2f} (aim: at most 2)")


if __name__ == "__main__":
    main()
