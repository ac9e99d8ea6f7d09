"""``python -m aarsevaluering.sync [--stale] notebooks/<name>.py ...``: execute each chapter's script and
write its paired ``.ipynb`` with outputs, the values of its prose, and stable cell ids.

The script (jupytext percent format) is the source; the ``.ipynb`` is what the book shows, what nbval
re-runs and what a student opens. Three things are done here that ``jupytext --execute`` does not do:

- **Prose values.** A Markdown cell's inline expressions (``{eval}`txt.surplus```) are evaluated in the
  kernel right after the cells above it have run, and stored in the cell's metadata under
  ``user_expressions``, the field jupyterlab-myst reads and writes. A student opening the notebook sees
  every sentence with its numbers before running anything; running it refreshes them; and the stored
  values are compared on re-execution like any output (``tests/test_prose_values.py``).
- **Stable cell ids.** jupytext gives every cell a new random id, so each run changed every cell even
  when no output did. Here a cell's id is its position (``cell-007``) and no execution time is kept:
  a reviewer's diff shows only what changed.
- **Only what is stale** (``--stale``): a pair whose ``.ipynb`` already holds the script's cells is left
  alone, so ``make book`` can bring every pair up to date before it builds, at no cost when none changed.

The notebook is executed in its own folder, as Jupyter Book and nbval run it. A cell that raises stops
the run with the cell's error as the last line.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

# {eval}`expression` in Markdown (MyST's inline expression role)
EVAL_ROLE = re.compile(r"\{eval\}`([^`]+)`")
USER_EXPRESSIONS = "user_expressions"  # jupyterlab-myst's metadata field
TIMEOUT = 600


class ProseError(Exception):
    """An inline expression of the prose that the kernel could not evaluate where it stands."""


def _sources(notebook: nbformat.NotebookNode) -> list[tuple[str, str]]:
    return [(cell.cell_type, cell.source.strip()) for cell in notebook.cells]


def is_stale(script: Path) -> bool:
    """True when the paired ``.ipynb`` is missing or holds other cells than the script (what the pairing
    test compares: each cell's type and source)."""
    notebook = script.with_suffix(".ipynb")
    if not notebook.exists():
        return True
    return _sources(jupytext.read(script)) != _sources(jupytext.read(notebook))


def _evaluate(client: NotebookClient, expressions: list[str]) -> list[dict]:
    """The kernel's values of ``expressions`` in jupyterlab-myst's form: one entry per expression."""
    msg_id = client.kc.execute(
        "", silent=True, store_history=False, user_expressions={str(i): e for i, e in enumerate(expressions)}
    )
    reply = client.wait_for_reply(msg_id)
    results = reply["content"].get(USER_EXPRESSIONS, {})
    out = []
    for i, expression in enumerate(expressions):
        result = dict(results.get(str(i), {"status": "error", "ename": "NoReply", "evalue": expression}))
        result.pop("traceback", None)  # an error shows its name and message, not the kernel's frames
        out.append({"expression": expression, "result": result})
    return out


def execute(notebook: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    """Run every code cell in order and evaluate each Markdown cell's inline expressions where it stands."""
    client = NotebookClient(
        notebook, timeout=TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    )
    failures = []
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type == "code":
                client.execute_cell(cell, index)
            elif cell.cell_type == "markdown":
                expressions = EVAL_ROLE.findall(cell.source)
                if expressions:
                    cell.metadata[USER_EXPRESSIONS] = values = _evaluate(client, expressions)
                    failures += [
                        f"cell {index + 1}: {{eval}}`{v['expression']}`: {v['result'].get('ename')}: "
                        f"{v['result'].get('evalue')}"
                        for v in values
                        if v["result"].get("status") != "ok"
                    ]
                else:
                    cell.metadata.pop(USER_EXPRESSIONS, None)
    if failures:
        raise ProseError(f"{len(failures)} inline expression(s) failed where they stand:\n  " + "\n  ".join(failures))
    return notebook


def stable_ids(notebook: nbformat.NotebookNode) -> None:
    """Give the cells their positions as ids and drop the execution times nbclient records."""
    for number, cell in enumerate(notebook.cells, start=1):
        cell["id"] = f"cell-{number:03d}"
        cell.get("metadata", {}).pop("execution", None)


def sync(script: Path) -> Path:
    """Execute ``script`` and write its ``.ipynb`` with outputs, prose values and stable ids."""
    notebook = jupytext.read(script)
    # The prose values are outputs: jupytext leaves them out of the .py.
    notebook.metadata["jupytext"] = {"cell_metadata_filter": f"all,-{USER_EXPRESSIONS}", "formats": "ipynb,py:percent"}
    execute(notebook, script.parent)
    stable_ids(notebook)
    target = script.with_suffix(".ipynb")
    nbformat.write(notebook, target)
    # The script written back as jupytext writes it from the stored notebook (whose metadata nbformat
    # keeps in sorted order): JupyterLab's jupytext pairing compares the two files' texts and refuses
    # to open a notebook newer than its script when they differ in anything but outputs.
    jupytext.write(nbformat.read(target, as_version=4), script, fmt="py:percent")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aarsevaluering.sync", description=__doc__.splitlines()[0])
    parser.add_argument("--stale", action="store_true", help="only the pairs whose .ipynb differs from the .py")
    parser.add_argument("--failure-file", type=Path, help="also write a failure's one line here (for make)")
    parser.add_argument("scripts", nargs="*", type=Path, help="none: nothing to do (a book without chapters)")
    args = parser.parse_args(argv)
    for script in args.scripts:
        script = script.resolve()
        if args.stale and not is_stale(script):
            continue
        print(f"executing {script.name} and writing {script.with_suffix('.ipynb').name}", file=sys.stderr)
        try:
            sync(script)
        except (ProseError, CellExecutionError) as err:
            if isinstance(err, ProseError):
                message = f"{os.path.relpath(script)}: {err}"
            else:
                last = [line for line in str(err).splitlines() if line.strip()][-1:]
                message = f"{os.path.relpath(script)}: a cell raised {last[0] if last else err}"
            print(message, file=sys.stderr)
            if args.failure_file:
                args.failure_file.write_text(" ".join(message.split()) + "\n", encoding="utf-8")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
