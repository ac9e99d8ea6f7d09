"""nbval compares the outputs of code cells; the figures in a chapter's sentences are not outputs but
inline expressions of Markdown cells (``{eval}`txt.surplus```), whose values ``make sync`` stores in the
cell's metadata (``user_expressions``, as jupyterlab-myst does). This plugin makes nbval compare them
too: for every Markdown cell with inline expressions it adds an item, run in nbval's kernel right where
the cell stands (after the code cells above it), that evaluates the expressions again and compares each
value with the stored one. A stale sentence (a changed table or code, and no ``make sync``) fails as a
changed output does, named by the cell's stable id: ``Prose cell-012``.

Loaded with ``-p nbval_prose`` (``pyproject.toml``), so it applies wherever nbval runs the notebooks.
"""

from __future__ import annotations

import time

import pytest
from nbval.plugin import IPyNbFile

from aarsevaluering.sync import EVAL_ROLE, USER_EXPRESSIONS

TIMEOUT = 120


class ProseMismatch(Exception):
    pass


class ProseValues(pytest.Item):
    """The inline expressions of one Markdown cell, evaluated in the notebook's kernel and compared."""

    def __init__(self, *, cell, **kwargs):
        super().__init__(**kwargs)
        self.cell = cell

    def runtest(self) -> None:
        expressions = EVAL_ROLE.findall(self.cell.source)
        stored = self.cell.metadata.get(USER_EXPRESSIONS, [])
        if [entry.get("expression") for entry in stored] != expressions:
            raise ProseMismatch(
                "the stored prose values are not those of this cell's expressions: run `make sync`\n"
                f"  stored for: {[entry.get('expression') for entry in stored]}\n  cell has:   {expressions}"
            )
        new = self._evaluate(expressions)
        differences = []
        for expression, entry, result in zip(expressions, stored, new, strict=True):
            before, after = _shown(entry.get("result", {})), _shown(result)
            if before != after:
                differences.append(f"  {{eval}}`{expression}`\n    stored output: {before}\n    new output:    {after}")
        if differences:
            raise ProseMismatch("prose values differ from a fresh run (run `make sync`):\n" + "\n".join(differences))

    def _evaluate(self, expressions: list[str]) -> list[dict]:
        kernel = self.parent.kernel
        msg_id = kernel.kc.execute(
            "", silent=True, store_history=False, user_expressions={str(i): e for i, e in enumerate(expressions)}
        )
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            msg = kernel.get_message(stream="shell", timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id:
                values = msg["content"].get(USER_EXPRESSIONS, {})
                return [values.get(str(i), {"status": "error", "evalue": "no reply"}) for i in range(len(expressions))]
        raise ProseMismatch(f"no reply from the kernel within {TIMEOUT} s")

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ProseMismatch):
            return f"{self.path.name}: Markdown cell {self.name.removeprefix('Prose ')}: {excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"{self.path.name}::{self.name}"


def _shown(result: dict) -> str:
    """What a reader sees for an expression's result: its text, or its error."""
    if result.get("status") == "ok":
        return result.get("data", {}).get("text/plain", "")
    return f"error {result.get('ename')}: {result.get('evalue')}"


_collect_code_cells = IPyNbFile.collect


def _collect_with_prose(self):
    """nbval's items for the code cells, and a prose item for each Markdown cell with inline expressions,
    in the notebook's order (so each runs after the code cells above it)."""
    code_items = {id(item.cell): item for item in _collect_code_cells(self)}  # nbval reads self.nb here
    for index, cell in enumerate(self.nb.cells):
        if cell.cell_type == "code":
            yield code_items[id(cell)]
        elif cell.cell_type == "markdown" and EVAL_ROLE.search(cell.source):
            yield ProseValues.from_parent(self, name=f"Prose {cell.get('id') or index}", cell=cell)


IPyNbFile.collect = _collect_with_prose
