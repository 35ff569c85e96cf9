"""The question writer: facts -> questions a teacher can hand out as they are.

- :mod:`.templates`: the wordings as data, per fact type, kind and tense, each with an
  example of what it renders;
- :mod:`.anchors`: how a prompt names its article (title or headline, an event label, the
  date), never printing the answer;
- :mod:`.text`: datelines, relative times made absolute, quoting and trimming sentences;
- :mod:`.places` and :mod:`.distractors`: typed, plausible, checked wrong answers;
- :mod:`.build`: one draft builder per fact type;
- :mod:`.filters`: the article-wide checks (answer in prompt, duplicates, one key per
  prompt, title share, sentences given away), which never drop a fact's last question.

Accepted answers come from :mod:`question_bank.forms`, which the grader shares.
"""

from __future__ import annotations

from .build import BUILDERS
from .distractors import DistractorPool
from .generate import generate_questions, question_id

__all__ = ["BUILDERS", "DistractorPool", "generate_questions", "question_id"]
