"""Benchmark: question generation over a corpus of articles.

    python benchmarks/generate.py [--articles 1000] [--small 200]

The corpus is the seed articles and the project's own test articles, repeated
(each copy gets its own id) until it holds ``--articles`` articles. In one run:

1. spaCy's parsing alone (``nlp.pipe`` over the same texts): the baseline;
2. the whole pipeline (parse, extract facts, generate questions), streamed;
3. peak traced memory of the pipeline on a small and on the full corpus, to show
   that memory stays flat as the corpus grows (articles are streamed, not held).

It prints articles per second, words per second, the ratio of the pipeline's
time to parsing alone, and the two memory peaks. Numbers are ratios against a
baseline measured in the same process, never absolute thresholds.
"""

from __future__ import annotations

import argparse
import gc
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


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--small", type=int, default=200)
    args = parser.parse_args()

    base = base_articles()
    nlp = get_nlp()
    gazetteer.load()  # warm up: the place tables, read once per process like the model
    list(islice(process_articles(iter(base[:5])), 5))  # warm up: model, vectors, caches
    texts = [a.nlp_text for a in corpus(args.articles, base)]
    words = sum(len(t.split()) for t in texts)

    parse_s = time_parse(texts)
    total_s, questions = time_pipeline(args.articles, base)
    small_mb = peak_memory(args.small, base)
    full_mb = peak_memory(args.articles, base)

    print(f"model: {nlp.meta.get('name')} {nlp.meta.get('version')}")
    print(f"corpus: {args.articles} articles, {words:,} words ({len(base)} distinct texts)")
    print(f"questions generated: {questions:,}")
    print(f"spaCy parsing alone: {parse_s:.1f} s ({args.articles / parse_s:.1f} articles/s)")
    print(
        f"whole pipeline: {total_s:.1f} s = {args.articles / total_s:.1f} articles/s, "
        f"{words / total_s:,.0f} words/s"
    )
    print(f"ratio pipeline / parsing: {total_s / parse_s:.2f}")
    print(
        f"peak traced memory: {small_mb:.1f} MiB for {args.small} articles, "
        f"{full_mb:.1f} MiB for {args.articles} (x{full_mb / small_mb:.2f} for "
        f"x{args.articles / args.small:.0f} the articles)"
    )


if __name__ == "__main__":
    main()
