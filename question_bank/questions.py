"""Questions from facts: multiple choice, short answer, cloze and true/false.

The writer lives in :mod:`question_bank.writing`; this module keeps the names the rest
of the project imports.
"""

from __future__ import annotations

from .writing import BUILDERS, DistractorPool, generate_questions, question_id

__all__ = ["BUILDERS", "DistractorPool", "generate_questions", "question_id"]
