"""Each notebook is a pair: notebooks/<name>.py (reviewed) and notebooks/<name>.ipynb (with outputs)."""

from __future__ import annotations

import json
from pathlib import Path

import jupytext
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
PY = sorted(p.stem for p in NOTEBOOKS.glob("*.py"))
IPYNB = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))


def test_every_notebook_has_its_partner():
    assert PY == IPYNB, f"unpaired: {sorted(set(PY) ^ set(IPYNB))}"


def cells(path: Path) -> list[tuple[str, str]]:
    notebook = jupytext.read(path)
    return [(c.cell_type, c.source.strip()) for c in notebook.cells]


@pytest.mark.parametrize("name", IPYNB)
def test_pair_is_in_sync(name):
    py, ipynb = cells(NOTEBOOKS / f"{name}.py"), cells(NOTEBOOKS / f"{name}.ipynb")
    assert len(py) == len(ipynb), f"{name}: {len(py)} cells in .py, {len(ipynb)} in .ipynb; run `make sync`"
    for number, (a, b) in enumerate(zip(py, ipynb, strict=True), start=1):
        assert a == b, f"{name}: cell {number} differs between .py and .ipynb; run `make sync`"


@pytest.mark.parametrize("name", IPYNB)
def test_stored_notebook_is_executed(name):
    """nbval only compares cells stored with an execution count: every code cell must have one."""
    notebook = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    unexecuted = [i for i, c in enumerate(code, start=1) if c.get("execution_count") is None]
    assert code and not unexecuted, f"{name}: code cells {unexecuted} stored without outputs; run `make sync`"


@pytest.mark.parametrize("name", IPYNB)
def test_no_output_is_hidden_from_nbval(name):
    notebook = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    for c in notebook["cells"]:
        tags = c.get("metadata", {}).get("tags", [])
        assert not {"nbval-ignore-output", "nbval-skip", "raises-exception"} & set(tags), f"{name}: {tags}"
        assert "NBVAL_" not in "".join(c["source"]), f"{name}: an NBVAL marker hides a cell"


@pytest.mark.parametrize("name", IPYNB)
def test_cell_ids_are_stable(name):
    """Cell ids are the cells' positions (aarsevaluering.sync), so a re-run changes no id."""
    notebook = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    ids = [c.get("id") for c in notebook["cells"]]
    wanted = [f"cell-{n:03d}" for n in range(1, len(ids) + 1)]
    assert ids == wanted, f"{name}: cell ids are not their positions; run `make sync`"
    timed = [i for i, c in enumerate(notebook["cells"], start=1) if "execution" in c.get("metadata", {})]
    assert not timed, f"{name}: cells {timed} keep the times they ran; run `make sync`"


@pytest.mark.parametrize("name", IPYNB)
def test_no_stored_output_is_a_warning(name):
    """A warning on stderr is a problem to fix at its source, and it names files by their absolute path,
    so nbval would fail in any other checkout than the one that stored it."""
    notebook = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    warned = [
        f"cell {number}: {''.join(out.get('text', ''))[:200]}"
        for number, cell in enumerate(notebook["cells"], start=1)
        for out in cell.get("outputs", [])
        if out.get("name") == "stderr"
    ]
    assert not warned, f"{name}: outputs on stderr:\n" + "\n".join(warned)
