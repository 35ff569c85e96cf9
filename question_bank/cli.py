"""The ``question-bank`` command: generate a question bank from articles (files or URLs)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from typing import IO

from tqdm import tqdm

from .exporters import FORMATS as EXPORT_FORMATS
from .model import KINDS, Article, Question
from .nlp import ModelNotFoundError
from .pipeline import process_articles
from .questions import DistractorPool
from .sources import PendingSource, SourceSettings, plan_sources


def _say(message: str) -> None:
    """A line on stderr, above the progress bar when there is one."""
    tqdm.write(message, file=sys.stderr)


def _articles(
    pending: Sequence[PendingSource], refused: list[str], progress: tqdm
) -> Iterator[Article]:
    """Read each input; report and skip the ones that cannot be used."""
    for source in pending:
        item = source.read()
        if item.article is None:
            refused.append(item.name)
            _say(f"question-bank: {item.error}")
            progress.update(1)
            continue
        for warning in item.article.warnings:
            _say(f"question-bank: {item.name}: warning: {warning}")
        yield item.article


def _open_out(target: str | None) -> tuple[IO[str], str | None]:
    """Stdout, or a temporary file beside the target (renamed into place at the end)."""
    if not target:
        return sys.stdout, None
    directory = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(directory):
        raise FileNotFoundError(f"Cannot write {target}: the folder {directory} does not exist.")
    fd, tmp = tempfile.mkstemp(prefix=".bank-", suffix=".jsonl", dir=directory)
    return os.fdopen(fd, "w", encoding="utf-8"), tmp


def _generate(args: argparse.Namespace) -> int:
    """Write the bank (or the facts) of the given articles as JSON Lines."""
    refused: list[str] = []
    failed: list[str] = []
    pool = DistractorPool()
    if args.pool:
        with open(args.pool, encoding="utf-8") as fh:
            pool.add_questions(json.loads(line) for line in fh if line.strip())
    kinds = tuple(args.kinds.split(",")) if args.kinds else KINDS
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        print(
            f"question-bank: unknown kind(s): {', '.join(unknown)}; choose from {', '.join(KINDS)}",
            file=sys.stderr,
        )
        return 2
    try:
        settings = SourceSettings.from_env()
    except ValueError as exc:
        print(f"question-bank: {exc}", file=sys.stderr)
        return 2
    pending = plan_sources(args.files, settings)
    what = "facts" if args.facts else "questions"
    try:
        out, tmp = _open_out(args.out)
    except OSError as exc:
        print(f"question-bank: {exc}", file=sys.stderr)
        return 2
    count = 0
    read = 0
    # a bar only for a person watching: never in a pipe, a log or a test's capture
    progress = tqdm(
        total=len(pending), file=sys.stderr, unit="article", disable=not sys.stderr.isatty()
    )
    try:
        for result in process_articles(_articles(pending, refused, progress), pool, kinds):
            name = result.article.path or result.article.source or result.article.id
            if result.error is not None:
                failed.append(name)
                err = result.error
                print(
                    f"question-bank: {name}: skipped, the generator failed on it "
                    f"({type(err).__name__}: {err}); the other articles go on. "
                    "Please report this article.",
                    file=sys.stderr,
                )
                progress.update(1)
                continue
            read += 1
            before = count
            if args.facts:
                for fact in result.facts:
                    row = {
                        "article": result.article.id,
                        "fact": fact.to_dict(),
                        "source": fact.source.to_dict(),
                    }
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    count += 1
            else:
                for q in result.questions:
                    out.write(json.dumps(q.to_dict(), ensure_ascii=False) + "\n")
                    count += 1
            _say(f"question-bank: {name}: {count - before} {what} ({result.article.display_title})")
            progress.update(1)
        out.flush()
    except ModelNotFoundError as exc:
        print(f"question-bank: {exc}", file=sys.stderr)
        if tmp:
            out.close()
            os.unlink(tmp)
        return 2
    except BaseException:
        if tmp:
            out.close()
            os.unlink(tmp)
        raise
    finally:
        progress.close()
    if tmp:
        out.close()
        os.replace(tmp, args.out)
    print(
        f"question-bank: {count} {what} from {read} article(s)"
        + (f"; {len(refused)} refused" if refused else "")
        + (f"; {len(failed)} failed" if failed else ""),
        file=sys.stderr,
    )
    if failed:
        return 1
    return 1 if refused else 0


def _read_bank(path: str) -> list[Question]:
    """Questions from a JSON Lines bank; a bad line is an error naming the line."""
    out: list[Question] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                out.append(Question.from_dict(json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise SystemExit(f"question-bank: {path}:{n}: not a bank line ({exc})") from None
    return out


def _export_target(args: argparse.Namespace) -> str:
    """Where to write: ``--out``, or the deck's (or bank's) name as a file name in ``--out``
    when that is a folder, or in the current folder when there is no ``--out``."""
    from .exporters import export_filename

    if args.out and not os.path.isdir(args.out):
        return str(args.out)
    stem = args.deck or os.path.splitext(os.path.basename(args.bank))[0]
    return os.path.join(args.out or ".", export_filename(stem, args.format))


def _export(args: argparse.Namespace) -> int:
    """Write a bank (JSON Lines) as an Anki deck, GIFT, Moodle XML, CSV, TSV or Quizlet text."""
    from .exporters import ExportError, ExportItem, write_export

    try:
        questions = _read_bank(args.bank)
    except OSError as exc:
        print(f"question-bank: {exc}", file=sys.stderr)
        return 2
    items = [
        ExportItem(
            question=q,
            deck=args.deck or q.article or "Questions",
            tags=(),
            article_title=q.article_title,
            article_date=q.article_date,
        )
        for q in questions
    ]
    target = _export_target(args)
    try:
        written = write_export(items, args.format, target)
    except ExportError as exc:
        print(f"question-bank: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"question-bank: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"question-bank: wrote {written} questions to {target}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(
        prog="question-bank",
        description="Turn news articles into quiz questions (JSON Lines).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="generate questions from articles (files or URLs)")
    gen.add_argument(
        "files",
        nargs="+",
        metavar="SOURCE",
        help="an article: a UTF-8 text file, a saved web page (.html), a PDF, a Word file "
        "(.docx), a web address (http:// or https://), a .zip of such files, a text file "
        "listing URLs one per line, or a directory of article files",
    )
    gen.add_argument("-o", "--out", help="write the bank to this file instead of standard output")
    gen.add_argument(
        "--kinds", help=f"comma-separated kinds to generate (default: {','.join(KINDS)})"
    )
    gen.add_argument(
        "--facts", action="store_true", help="write the extracted facts instead of questions"
    )
    gen.add_argument("--pool", help="an existing bank (JSON Lines) to draw distractors from")
    gen.set_defaults(func=_generate)
    exp = sub.add_parser(
        "export",
        help="export a bank as an Anki deck, GIFT, Moodle XML, CSV or TSV (Anki's text "
        "import), or Quizlet text",
    )
    exp.add_argument("format", choices=EXPORT_FORMATS)
    exp.add_argument("bank", help="a bank in JSON Lines (from question-bank generate)")
    exp.add_argument(
        "-o",
        "--out",
        help="the file to write, or a folder to write it in (default: the current folder); "
        "the file is then named after --deck, or the bank",
    )
    exp.add_argument(
        "--deck", help="put every question in this deck (default: one deck per article)"
    )
    exp.set_defaults(func=_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``question-bank`` command."""
    args = build_parser().parse_args(argv)
    # The readers' own log lines ("EOF marker not found") repeat, less clearly,
    # what the command reports for each input.
    for noisy in ("pypdf", "trafilatura", "htmldate"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
