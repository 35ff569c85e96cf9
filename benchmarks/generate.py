"""Benchmark: question generation over a corpus of articles.

    python benchmarks/generate.py [--articles 1000] [--small 200]

The corpus is the seed articles and the project's own test articles, repeated
(each copy gets its own id) until it holds ``--articles`` articles. In one run:

1. spaCy's parsing alone (``nlp.pipe`` over the same texts): the baseline;
2. the whole pipeline (parse, extract facts, generate questions), streamed;
3. peak memory on a small and on the full corpus, to show that memory stays flat
   as the corpus grows (articles are streamed, not held). Each peak is the resident
   set of a fresh child process after the same warm-up (Linux's ``VmHWM``, reset
   once the model is loaded), for the pipeline and, as the baseline, for spaCy's
   parsing alone over the same articles; ``--traced`` adds
   Python's traced-memory peak instead, which is exact for Python objects but slows
   the pipeline several times over.

It prints articles per second, words per second, the ratio of the pipeline's
time to parsing alone, and the memory peaks. Numbers are ratios against a
baseline measured in the same script, never absolute thresholds.
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from question_bank import Article, gazetteer, load_article, process_articles
from question_bank.nlp import get_nlp
from question_bank.questions import DistractorPool

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "seeds",
    ROOT / "tests" / "bank" / "articles",
    ROOT / "tests" / "bank" / "holdout",
]


def base_articles() -> list[Article]:
    """Every article the project ships."""
    out = []
    for folder in SOURCES:
        out.extend(load_article(p) for p in sorted(folder.glob("*.txt")))
    return out


def corpus(n: int, base: list[Article]) -> Iterator[Article]:
    """``n`` articles cycling through ``base``, each copy with its own id."""
    i = 0
    while i < n:
        for art in base:
            if i >= n:
                return
            yield Article(id=f"{art.id}-{i}", text=art.text, title=art.title, date=art.date)
            i += 1


def time_parse(texts: list[str]) -> float:
    """Seconds for spaCy to parse the texts with nlp.pipe."""
    nlp = get_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


def time_pipeline(n: int, base: list[Article]) -> tuple[float, int]:
    """Seconds for the whole pipeline over ``n`` articles, and the number of questions."""
    start = time.perf_counter()
    count = 0
    for result in process_articles(corpus(n, base), DistractorPool()):
        count += len(result.questions)
    return time.perf_counter() - start, count


def peak_memory(n: int, base: list[Article]) -> float:
    """Peak traced memory (MiB) of the pipeline over ``n`` articles."""
    gc.collect()
    tracemalloc.start()
    for _ in process_articles(corpus(n, base), DistractorPool()):
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def peak_rss(n: int, base: list[Article], *, parse_only: bool) -> float:
    """Peak resident memory (MiB) of this process while the pipeline (or, for the
    baseline, spaCy's parsing alone) runs over ``n`` articles, after the same warm-up
    (model, place tables, five articles). Linux: the peak is reset after the warm-up
    (``/proc/self/clear_refs``) and read from ``VmHWM``. Run it in a fresh child."""
    nlp = get_nlp()
    gazetteer.load()
    list(islice(process_articles(iter(base[:5])), 5))
    Path("/proc/self/clear_refs").write_text("5")  # the peak so far is the warm-up's
    if parse_only:
        for _ in nlp.pipe((a.nlp_text for a in corpus(n, base)), batch_size=32):
            pass
    else:
        for _ in process_articles(corpus(n, base), DistractorPool()):
            pass
    status = Path("/proc/self/status").read_text()
    kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
    return kib / 1024


def child_rss(n: int, *, parse_only: bool) -> float:
    """:func:`peak_rss` measured in a fresh Python process, so that no earlier run's
    peak or cache counts."""
    mode = "--rss-parse" if parse_only else "--rss"
    out = subprocess.run(
        [sys.executable, __file__, mode, str(n)], check=True, capture_output=True, text=True
    )
    return float(out.stdout.split()[-1])


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--traced", action="store_true", help="also trace Python's memory")
    parser.add_argument("--rss", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--rss-parse", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    base = base_articles()
    if args.rss or args.rss_parse:  # a child measuring one peak
        n = args.rss or args.rss_parse
        print(f"{peak_rss(n, base, parse_only=bool(args.rss_parse)):.1f}")
        return
    nlp = get_nlp()
    gazetteer.load()  # warm up: the place tables, read once per process like the model
    list(islice(process_articles(iter(base[:5])), 5))  # warm up: model, vectors, caches
    texts = [a.nlp_text for a in corpus(args.articles, base)]
    words = sum(len(t.split()) for t in texts)

    parse_s = time_parse(texts)
    total_s, questions = time_pipeline(args.articles, base)
    rss = {
        (n, parse_only): child_rss(n, parse_only=parse_only)
        for n in (args.small, args.articles)
        for parse_only in (True, False)
    }

    print(f"model: {nlp.meta.get('name')} {nlp.meta.get('version')}")
    print(f"corpus: {args.articles} articles, {words:,} words ({len(base)} distinct texts)")
    print(f"questions generated: {questions:,}")
    print(f"spaCy parsing alone: {parse_s:.1f} s ({args.articles / parse_s:.1f} articles/s)")
    print(
        f"whole pipeline: {total_s:.1f} s = {args.articles / total_s:.1f} articles/s, "
        f"{words / total_s:,.0f} words/s"
    )
    print(f"ratio pipeline / parsing: {total_s / parse_s:.2f}")
    for n in (args.small, args.articles):
        parse_mb, pipe_mb = rss[n, True], rss[n, False]
        print(
            f"peak resident memory, {n} articles: parsing alone {parse_mb:.1f} MiB, "
            f"pipeline {pipe_mb:.1f} MiB (x{pipe_mb / parse_mb:.2f})"
        )
    grow = rss[args.articles, False] / rss[args.small, False]
    print(f"pipeline's peak: x{grow:.2f} for x{args.articles / args.small:.0f} the articles")
    if args.traced:
        small_mb = peak_memory(args.small, base)
        full_mb = peak_memory(args.articles, base)
        print(
            f"peak traced memory: {small_mb:.1f} MiB for {args.small} articles, "
            f"{full_mb:.1f} MiB for {args.articles} (x{full_mb / small_mb:.2f} for "
            f"x{args.articles / args.small:.0f} the articles)"
        )


if __name__ == "__main__":
    main()
