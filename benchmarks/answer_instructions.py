"""Benchmark: instructions per answer cycle, counted by Valgrind (noise-free).

    python benchmarks/answer_instructions.py [--db sqlite|postgres] [--cycles 100]

CPU time on a shared machine moves with the load; the instructions a program executes
do not. This runs ``answer_profile.py`` twice under ``valgrind --tool=callgrind``: once
with a short round and once with ``--cycles`` more answer cycles, everything else the
same (the same warm-up, the same hash seed). Callgrind counts only inside the measured
pages' requests (``answer_profile`` runs each through ``operator.call``, which callgrind
is told to toggle on), which is what ``answer_profile`` times: the app, and on SQLite
the database engine too; not the test client, nor the quiz starts between quizzes, nor
on PostgreSQL the server's own work. The difference of the two counts, divided by the
extra cycles, is the instructions of one answer cycle (the warm-up cancels out).

Point ``PYTHONPATH`` at the checkout to measure; compare versions by the ratio. Each
run takes about a minute (Valgrind runs the program about 35 times slower).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHORT = 10  # cycles of the short round (after answer_profile's warm-up)


def instructions(db: str, cycles: int) -> int:
    """Instructions callgrind counted over a whole answer_profile run."""
    with tempfile.TemporaryDirectory(prefix="quizapp-callgrind-") as tmp:
        out = Path(tmp) / "callgrind.out"
        cmd = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            "--collect-atstart=no",
            "--toggle-collect=_operator_call",
            sys.executable,
            str(HERE / "answer_profile.py"),
            "--db",
            db,
            "--rounds",
            "1",
            "--cycles",
            str(cycles),
        ]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        run = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        found = re.search(r"Collected : (\d+)", run.stderr)
        if not found:
            raise RuntimeError("no instruction count from callgrind:\n" + run.stderr[-2000:])
        return int(found.group(1))


def main() -> None:
    """Run both lengths and print the instructions per answer cycle."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--cycles", type=int, default=100, help="extra answer cycles")
    args = parser.parse_args()
    short = instructions(args.db, SHORT)
    long = instructions(args.db, SHORT + args.cycles)
    per_cycle = (long - short) / args.cycles
    print(
        f"db={args.db} instructions_short={short} instructions_long={long} "
        f"extra_cycles={args.cycles} minstr_per_cycle={per_cycle / 1e6:.3f}"
    )


if __name__ == "__main__":
    main()
