"""Every number traceable on the page: one rule for the cell tags of every chapter
(book/data_and_methods.md, "How the pages are made").

- Every code cell that computes something (a table, a figure, the figures a paragraph prints) carries
  ``hide-input``: its code sits behind a "Show code" toggle beside what it shows, so a reader can follow
  any number to its computation.
- Only a set-up cell may carry ``remove-input``: every statement an import, a function or class
  definition, an assignment of a literal, or the call that sets the figure style.
- No ``remove-cell``: with inline execution the build runs a cell when it renders it, and a removed cell
  would leave the sentences after it without their figures.
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
HIDDEN_FROM_NBVAL = {"nbval-skip", "nbval-ignore-output", "skip-execution", "raises-exception"}
STYLE_SETUP = {"use_book_style"}  # calls that only set how figures look


def _is_setup(node: ast.stmt) -> bool:
    if isinstance(node, ast.Import | ast.ImportFrom | ast.FunctionDef | ast.ClassDef):
        return True
    if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
        try:
            ast.literal_eval(node.value)
            return True
        except ValueError:
            return False
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):  # a note as a string
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        func = node.value.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        return name in STYLE_SETUP
    return False


def setup_only(source: str) -> bool:
    """Whether a cell only sets up (imports, definitions, literals, the figure style): nothing to trace."""
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a magic: not set-up
        return False
    return bool(tree.body) and all(_is_setup(node) for node in tree.body)


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
        if "remove-cell" in tags:
            out.append(f"{where}: remove-cell (inline execution would skip it); tag it hide-input")
        elif "hide-input" not in tags and not ("remove-input" in tags and setup_only(cell.source)):
            out.append(f"{where}: it computes what the page shows; tag it hide-input (a Show code toggle)")
    return out


def traceable_share(path: Path) -> tuple[int, int]:
    """(computing cells a reader can open, computing cells) of one notebook."""
    cells = [c for c in jupytext.read(path).cells if c.cell_type == "code" and not setup_only(c.source)]
    return sum("hide-input" in c.metadata.get("tags", []) for c in cells), len(cells)


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_cells_are_tagged_by_the_rule(path):
    found = violations(path)
    assert not found, f"{path.name}: {len(found)} code cells break the tag rule:\n" + "\n".join(found)


def test_every_computing_cell_can_be_opened(record_property):
    """The share of computing cells behind a Show code toggle, by chapter: all of them."""
    shares = {path.stem: traceable_share(path) for path in SOURCES}
    record_property("summary", "\n".join(f"{name}: {a} of {b} computing cells open" for name, (a, b) in shares.items()))
    closed = {name: b - a for name, (a, b) in shares.items() if a < b}
    assert not closed, f"computing cells without a Show code toggle, by notebook: {closed}"
    assert all(b > 0 for _, b in shares.values()), "a chapter with no computing cell: is the rule reading it?"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import pandas as pd\nfrom aarsevaluering import checks", True),
        ('def pct(a, b):\n    return 100 * a / b\n\nCH = "pensjon"', True),
        ("style.use_book_style()", True),
        ("txt = Figures()", False),  # builds the prose's namespace: shown
        ("all_checks = checks.run(CH)", False),
        ("styled(frame, table_id='t')", False),
        ('txt.surplus = fmt(1, 1, "NOK million")', False),
        ("%matplotlib inline", False),
    ],
)
def test_what_counts_as_set_up(source, expected):
    assert setup_only(source) is expected
