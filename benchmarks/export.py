"""Benchmark: 10,000 questions to an Anki package, against genanki doing it directly.

    python benchmarks/export.py [--questions 10000]

In one run, over the same questions:
1. the baseline: genanki writing plain notes (same field count) straight to a package;
2. ``question_bank.exporters.anki.write_apkg``: our note types, escaping, tags,
   stable GUIDs and deck ids, the atomic write;
3. peak traced memory of our export for a quarter of the questions and for all of them.
Prints the times, the ratio of ours to genanki's, and the memory figures.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
import tracemalloc
from pathlib import Path

import genanki

from question_bank.exporters import ExportItem
from question_bank.exporters.anki import write_apkg
from question_bank.model import Question, Source

KINDS = ("mcq", "short_answer", "cloze", "true_false")


def make_items(n: int) -> list[ExportItem]:
    """n questions of every kind, spread over 20 decks."""
    items = []
    for i in range(n):
        kind = KINDS[i % 4]
        sentence = f"Minister number {i} travelled to City {i % 97} for talks on Monday."
        prompt = {
            "cloze": f"Fill in the blank: “Minister number {i} travelled to _____ on Monday.”",
            "true_false": f"True or false? Minister number {i} travelled to City {i % 97}.",
        }.get(kind, f"Where did minister number {i} travel for talks on Monday?")
        answer = {"true_false": "True"}.get(kind, f"City {i % 97}")
        choices = (answer, f"Town {i}", f"Village {i}", f"Port {i}") if kind == "mcq" else ()
        q = Question(
            id=f"q_{i:08d}",
            article=f"article-{i % 50}",
            kind=kind,
            prompt=prompt,
            answer=answer,
            accepted=(f"city {i % 97}",) if kind in ("short_answer", "cloze") else (),
            choices=choices,
            fact={"type": "visit"},
            source=Source(sentence, 0, len(sentence)),
        )
        items.append(
            ExportItem(
                q,
                deck=f"Deck {i % 20}",
                tags=("geography", "week 3"),
                article_title=f"Article {i % 50}",
                article_date="2025-03-14",
            )
        )
    return items


def genanki_baseline(items: list[ExportItem], path: Path) -> float:
    """Seconds for genanki alone: one basic model, plain fields, the same decks."""
    model = genanki.Model(
        1607392319,
        "Baseline",
        fields=[{"name": n} for n in ("Question", "Answer", "Accepted", "Source", "Article")],
        templates=[
            {"name": "Card 1", "qfmt": "{{Question}}", "afmt": "{{FrontSide}}<hr>{{Answer}}"}
        ],
    )
    start = time.perf_counter()
    decks: dict[str, genanki.Deck] = {}
    for item in items:
        deck = decks.setdefault(item.deck, genanki.Deck(2059400110 + len(decks), item.deck))
        q = item.question
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    q.prompt,
                    q.answer,
                    "; ".join(q.accepted),
                    q.source.sentence,
                    item.article_title or "",
                ],
                guid=genanki.guid_for(q.id),
                tags=["geography", "week_3"],
            )
        )
    genanki.Package(list(decks.values())).write_to_file(str(path))
    return time.perf_counter() - start


def ours(items: list[ExportItem], path: Path) -> float:
    """Seconds for write_apkg."""
    start = time.perf_counter()
    write_apkg(items, path)
    return time.perf_counter() - start


def peak(items: list[ExportItem], path: Path) -> float:
    """Peak traced memory (MiB) of write_apkg."""
    gc.collect()
    tracemalloc.start()
    write_apkg(items, path)
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top / 2**20


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    items = make_items(args.questions)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        baseline_times, our_times = [], []
        for r in range(args.rounds):  # interleaved, best of N for both
            baseline_times.append(genanki_baseline(items, base / f"baseline{r}.apkg"))
            our_times.append(ours(items, base / f"ours{r}.apkg"))
        quarter = peak(items[: args.questions // 4], base / "quarter.apkg")
        full = peak(items, base / "full.apkg")
        size_ours = (base / "ours0.apkg").stat().st_size
        size_base = (base / "baseline0.apkg").stat().st_size
    b, o = min(baseline_times), min(our_times)
    print(f"questions: {args.questions:,} in 20 decks (best of {args.rounds} interleaved rounds)")
    print(f"genanki directly: {b:.2f} s ({size_base / 1e6:.1f} MB)")
    print(f"write_apkg: {o:.2f} s ({size_ours / 1e6:.1f} MB)")
    print(f"ratio write_apkg / genanki: {o / b:.2f}")
    print(
        f"peak traced memory: {quarter:.1f} MiB for {args.questions // 4:,} questions, "
        f"{full:.1f} MiB for {args.questions:,}"
    )


if __name__ == "__main__":
    main()
