"""Every table the notebooks show has a caption, and appears once per page: the stored outputs of
``notebooks/*.ipynb`` hold no ``<table>`` without a non-empty ``<caption>``, and no table shown twice
(the same caption, or the same rows) outside a toggle.

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


def repeated_tables(path: Path) -> list[str]:
    """Tables shown twice on one page (outside toggles): the same caption, or the same rows under
    another caption. A table appears once per page; a later section refers back to it or shows the
    part that matters there (issue 27)."""
    notebook = nbformat.read(path, as_version=4)
    seen_captions: dict[str, int] = {}
    seen_bodies: dict[str, int] = {}
    out = []
    number = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        number += 1
        if set(cell.get("metadata", {}).get("tags", [])) & {"hide-output", "hide-cell", "remove-output", "remove-cell"}:
            continue
        for output in cell.get("outputs", []):
            markup = output.get("data", {}).get("text/html")
            if not markup:
                continue
            markup = "".join(markup) if isinstance(markup, list) else markup
            soup = BeautifulSoup(markup, "html.parser")
            for hidden in soup.find_all("details"):
                hidden.decompose()
            for table in soup.find_all("table"):
                caption = table.find("caption")
                title = " ".join(caption.get_text(" ").split()) if caption else ""
                body = table.find("tbody") or table
                rows = " | ".join(" ".join(tr.get_text(" ").split()) for tr in body.find_all("tr"))
                if title and title in seen_captions:
                    out.append(
                        f"{path.name} code cell {number}: table {title!r} again (first in cell {seen_captions[title]})"
                    )
                elif rows and rows in seen_bodies:
                    out.append(
                        f"{path.name} code cell {number}: table {title!r} repeats the rows of cell {seen_bodies[rows]}"
                    )
                if title:
                    seen_captions.setdefault(title, number)
                if rows:
                    seen_bodies.setdefault(rows, number)
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_no_table_twice_on_a_page(path):
    found = repeated_tables(path)
    assert not found, "\n".join(found)


def test_a_repeated_table_is_found(tmp_path):
    table = "<table><caption>Statement 2A</caption><tbody><tr><td>Sum</td><td>1</td></tr></tbody></table>"
    other = "<table><caption>Statement 2A, again</caption><tbody><tr><td>Sum</td><td>1</td></tr></tbody></table>"
    notebook = nbformat.v4.new_notebook()
    for markup in (table, table, other):
        cell = nbformat.v4.new_code_cell("x")
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": markup})]
        notebook.cells.append(cell)
    path = tmp_path / "page.ipynb"
    nbformat.write(notebook, path)
    found = repeated_tables(path)
    assert len(found) == 2 and "again (first in cell 1)" in found[0] and "repeats the rows of cell 1" in found[1]
