"""Every table the notebooks show has a caption: the stored outputs of ``notebooks/*.ipynb`` hold no
``<table>`` without a non-empty ``<caption>``.

``aarsevaluering.tables.styled`` still accepts a table without ``caption`` (the notebooks are being
captioned); this test is where a missing caption fails, and names the notebook, the cell and the
table's id.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def uncaptioned(path: Path) -> list[str]:
    """The tables in the stored HTML outputs of one notebook that have no caption, one line each."""
    notebook = nbformat.read(path, as_version=4)
    out = []
    number = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        number += 1
        for output in cell.get("outputs", []):
            markup = output.get("data", {}).get("text/html")
            if not markup:
                continue
            markup = "".join(markup) if isinstance(markup, list) else markup
            for table in BeautifulSoup(markup, "html.parser").find_all("table"):
                caption = table.find("caption")
                if caption is None or not caption.get_text(strip=True):
                    header = table.find("th")
                    name = table.get("id") or (header.get_text(" ", strip=True) if header else "no header")
                    out.append(f"{path.name} code cell {number}: table {name!r} has no caption")
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_stored_table_has_a_caption(path):
    found = uncaptioned(path)
    assert not found, f"{path.name}: {len(found)} tables without a caption:\n" + "\n".join(found)
