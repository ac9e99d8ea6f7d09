"""``python -m aarsevaluering.sync notebooks/<name>.py ...``: execute each chapter's script and write its
paired ``.ipynb`` with outputs and stable cell ids.

jupytext gives every cell of a notebook it writes from a script a new random id, so each run changed
every cell of the stored notebook even when no output did; a reviewer's diff then shows nothing but
ids (and the times each cell ran). Here a cell's id is its position (``cell-007``) and no time is
kept: the same on every run, and a diff shows only what changed. The notebook is executed in its own
folder, as Jupyter Book and nbval run it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat


def stable_ids(path: Path) -> bool:
    """Give the cells of the notebook at ``path`` their positions as ids and drop the execution
    timestamps nbclient records in each cell's metadata; True when it changed."""
    notebook = nbformat.read(path, as_version=4)
    changed = False
    for number, cell in enumerate(notebook.cells, start=1):
        wanted = f"cell-{number:03d}"
        if cell.get("id") != wanted:
            cell["id"] = wanted
            changed = True
        if cell.get("metadata", {}).pop("execution", None) is not None:
            changed = True
    if changed:
        nbformat.write(notebook, path)
    return changed


def sync(script: Path) -> Path:
    """Execute ``script`` (jupytext percent format) and write its ``.ipynb`` with outputs and stable ids."""
    jupytext = Path(sys.executable).with_name("jupytext")
    subprocess.run([str(jupytext), "--to", "ipynb", "--execute", script.name], cwd=script.parent, check=True)
    notebook = script.with_suffix(".ipynb")
    stable_ids(notebook)
    return notebook


def main(argv: list[str] | None = None) -> int:
    scripts = [Path(a) for a in (sys.argv[1:] if argv is None else argv)]
    if not scripts:
        print("usage: python -m aarsevaluering.sync notebooks/<name>.py ...", file=sys.stderr)
        return 2
    for script in scripts:
        sync(script.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
