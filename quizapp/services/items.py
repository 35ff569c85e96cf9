"""Item analysis of a class's quiz answers, per question, as Moodle's statistics report
has it: facility (the share of answers that were right) and a discrimination index.

The discrimination index is the upper/lower 27% index (Kelley): the students who
answered the question are ranked by their score on the *other* questions (the share of
their other answers that were right, so that the question does not count towards its
own ranking); the index is the upper 27%'s share right on the question minus the lower
27%'s. It runs from -1 to 1: near 0, the question does not tell stronger students from
weaker ones; below 0, weaker students do better on it (often a wrong key or a trick).

Everything is counted from the append-only answer rows; a skipped question counts as a
wrong answer. The mcq, short-answer, cloze and true/false versions of one prompt are
separate questions, each with its own row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

GROUP_SHARE = 0.27
MIN_STUDENTS = 5  # fewer students ranked than this: no discrimination index


@dataclass(frozen=True)
class ItemFigures:
    """One question's figures."""

    answers: int
    correct: int
    students: int
    discrimination: float | None

    @property
    def facility(self) -> float | None:
        """The share of the answers that were right (None before any answer)."""
        return self.correct / self.answers if self.answers else None


def analyse(rows: Iterable[tuple[int, str, bool]]) -> dict[str, ItemFigures]:
    """Facility and discrimination per question from (student id, question id, right)
    answer rows. A student's score on a question is the share of their answers to it
    that were right (a student may meet a question in several quizzes)."""
    per_item: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for student, question, right in rows:
        cell = per_item[question][student]
        cell[0] += 1
        cell[1] += bool(right)
        totals[student][0] += 1
        totals[student][1] += bool(right)
    out = {}
    for question, by_student in per_item.items():
        answers = sum(n for n, _ in by_student.values())
        correct = sum(c for _, c in by_student.values())
        ranked = []
        for student, (n, c) in by_student.items():
            other_n = totals[student][0] - n
            if other_n > 0:
                rest = (totals[student][1] - c) / other_n
                ranked.append((rest, student, c / n))
        out[question] = ItemFigures(answers, correct, len(by_student), _kelley(ranked))
    return out


def _kelley(ranked: list[tuple[float, int, float]]) -> float | None:
    """Upper 27% minus lower 27% mean item score, ranked by rest score (ties by id)."""
    if len(ranked) < MIN_STUDENTS:
        return None
    ranked.sort()
    size = max(1, round(GROUP_SHARE * len(ranked)))
    lower = [score for _, _, score in ranked[:size]]
    upper = [score for _, _, score in ranked[-size:]]
    return sum(upper) / size - sum(lower) / size
