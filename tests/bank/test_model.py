"""The library's types in one module, the layering around them, and the blank marker."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import question_bank
from question_bank.exporters import ExportItem
from question_bank.exporters.anki import CLOZE_MODEL_ID, build_note
from question_bank.exporters.gift import parse_gift, to_gift
from question_bank.model import BLANK, KINDS, Kind, Question, Source, find_blank

PACKAGE = Path(question_bank.__file__).parent


def _imports(path: Path) -> set[str]:
    """Every module a source file imports, absolute or relative, by its first name."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_question_bank_never_imports_flask_or_the_app() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): bad
        for path in PACKAGE.rglob("*.py")
        if (bad := _imports(path) & {"flask", "quizapp", "flask_sqlalchemy", "werkzeug"})
    }
    assert offenders == {}


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize(
    "statement",
    [
        "import question_bank.grading",
        "from question_bank import grading, Question, Article",
        "import question_bank.exporters.anki, question_bank.exporters.gift",
        "import question_bank.exporters.moodle, question_bank.exporters.tabular",
    ],
)
def test_grading_and_exporters_load_neither_spacy_nor_the_generator(statement: str) -> None:
    loaded = _modules_after(statement)
    assert "spacy" not in loaded
    assert not loaded & {"question_bank.analysis", "question_bank.pipeline", "flask"}


def test_the_generator_is_still_reachable_from_the_package() -> None:
    loaded = _modules_after("from question_bank import extract_facts, generate_questions")
    assert {"question_bank.pipeline", "question_bank.questions"} <= loaded


def test_kinds_are_one_enum() -> None:
    assert KINDS == ("mcq", "short_answer", "cloze", "true_false")
    assert [k.value for k in Kind] == list(KINDS) and Kind("cloze") is Kind.CLOZE


@pytest.mark.parametrize("blank", ["___", "____", BLANK, "__________"])
def test_any_written_blank_is_the_blank(blank: str) -> None:
    prompt = f"The minister flew to {blank} on Monday."
    match = find_blank(prompt)
    assert match is not None and match.group() == blank
    assert find_blank("The minister flew to Oslo_ on Monday.") is None


def _teachers_cloze(blank: str) -> Question:
    return Question(
        id="t_cloze",
        article="",
        kind="cloze",
        prompt=f"The minister flew to {blank} on Monday.",
        answer="Oslo",
        accepted=(),
        choices=(),
        fact={"type": "authored"},
        source=Source("", 0, 0),
    )


@pytest.mark.parametrize("blank", ["___", BLANK])
def test_a_teacher_s_cloze_with_three_underscores_exports_as_a_cloze(blank: str) -> None:
    item = ExportItem(_teachers_cloze(blank), "Handmade")
    note = build_note(item)
    assert note.model.model_id == CLOZE_MODEL_ID
    assert note.fields[0] == "The minister flew to {{c1::Oslo}} on Monday."
    gift = to_gift([item])
    assert "The minister flew to {=Oslo} on Monday." in gift
    [back] = parse_gift(gift)
    assert back.kind == "cloze" and back.answer == "Oslo"
