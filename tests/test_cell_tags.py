"""Code where it helps the reader: one rule for the cell tags of every chapter (book/data_and_methods.md,
"How the pages are made").

- A cell that only glues or formats values (every statement is a ``glue(...)`` call, an assignment
  whose name a ``glue(...)`` call of the cell reads, an import, or a ``for`` loop of these) carries
  ``remove-input``, or ``remove-cell`` when it displays nothing (every glue has ``display=False``).
- Every other code cell carries ``hide-input`` (a "Show code" toggle) or ``remove-input``.
- No cell is hidden from nbval: no ``nbval-skip``, ``nbval-ignore-output``, ``skip-execution`` or
  ``raises-exception`` tag.

The tags only change the built page: JupyterLab and Binder show every cell, and nbval runs and
compares every cell. The rule is checked on ``notebooks/*.py`` (the reviewed source, read with
jupytext); ``tests/test_pairing.py`` keeps the ``.ipynb`` in step.
"""

from __future__ import annotations

import ast
from pathlib import Path

import jupytext
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
SOURCES = sorted(NOTEBOOKS.glob("*.py"))
SHOWN_AS_CODE = {"hide-input", "remove-input"}
GLUE_TAGS = {"remove-input", "remove-cell"}
HIDDEN_FROM_NBVAL = {"nbval-skip", "nbval-ignore-output", "skip-execution", "raises-exception"}


def _is_glue(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)):
        return False
    func = node.value.func
    return (isinstance(func, ast.Name) and func.id == "glue") or (
        isinstance(func, ast.Attribute) and func.attr == "glue"
    )


def _glues(statements: list[ast.stmt]) -> list[ast.Call]:
    """Every ``glue(...)`` call among ``statements`` (and inside their ``for`` loops)."""
    out = []
    for node in statements:
        if _is_glue(node):
            out.append(node.value)
        elif isinstance(node, ast.For):
            out += _glues(node.body)
    return out


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def glue_only(source: str) -> bool | None:
    """Whether a cell only glues or formats values (None when it does not parse, e.g. a magic)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    glues = _glues(tree.body)
    if not glues:
        return False
    read = set().union(*(_names(call) for call in glues))

    def only_glue(statements: list[ast.stmt]) -> bool:
        for node in statements:
            if isinstance(node, ast.Import | ast.ImportFrom) or _is_glue(node):
                continue
            if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if all(_names(target) <= read for target in targets):
                    continue
                return False
            if isinstance(node, ast.For) and not node.orelse and only_glue(node.body):
                continue
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):  # a docstring-like note
                continue
            return False
        return True

    return only_glue(tree.body)


def displays_nothing(source: str) -> bool:
    """Every glue of a glue-only cell is ``display=False`` (so removing the whole cell hides nothing)."""
    for call in _glues(ast.parse(source).body):
        display = next((k.value for k in call.keywords if k.arg == "display"), None)
        if not (isinstance(display, ast.Constant) and display.value is False):
            return False
    return True


def violations(path: Path) -> list[str]:
    """The cells of one notebook that break the rule, one line each."""
    notebook = jupytext.read(path)
    out = []
    number = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        number += 1
        tags = set(cell.metadata.get("tags", []))
        first = next((line for line in cell.source.splitlines() if line.strip()), "")[:60]
        where = f"{path.name} code cell {number} ({first!r})"
        if tags & HIDDEN_FROM_NBVAL:
            out.append(f"{where}: hidden from nbval by {sorted(tags & HIDDEN_FROM_NBVAL)}")
        kind = glue_only(cell.source)
        if kind:
            if not tags & GLUE_TAGS:
                out.append(f"{where}: only glues values; tag it remove-input (remove-cell if it displays nothing)")
            elif "remove-cell" in tags and not displays_nothing(cell.source):
                out.append(f"{where}: remove-cell on a cell that displays a glued value; tag it remove-input")
        elif not tags & SHOWN_AS_CODE:
            out.append(f"{where}: tag it hide-input (code worth a look) or remove-input (only its output matters)")
    return out


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_cells_are_tagged_by_the_rule(path):
    found = violations(path)
    assert not found, f"{path.name}: {len(found)} code cells break the tag rule:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('glue("a", fmt(1), display=False)', True),
        ('from myst_nb import glue\nx = fmt(2)\nglue("x", x, display=False)', True),
        ("for k, v in pairs:\n    glue(k, fmt(v), display=False)", True),
        ('x = compute()\nprint(x)\nglue("x", x)', False),  # prints: not only glue
        ('table = load()\ny = 3\nglue("x", table)', False),  # y feeds no glue
        ("styled(frame, table_id='t')", False),
        ("import pandas as pd", False),  # no glue: an ordinary cell
        ("%matplotlib inline", None),
    ],
)
def test_what_counts_as_a_glue_only_cell(source, expected):
    assert glue_only(source) is expected


def test_remove_cell_only_when_nothing_is_displayed():
    assert displays_nothing('glue("a", 1, display=False)')
    assert not displays_nothing('glue("a", 1)')
