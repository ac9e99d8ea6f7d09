"""Downloads: the data page lists every table of the data package and links each file, and so does the
built book; every chapter page offers its notebook and its script."""

from __future__ import annotations

import csv
import filecmp
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser_support import built_book
from conftest import REPO

from aarsevaluering import catalogue
from aarsevaluering.fmt import fmt

CHAPTERS = ["driftsregnskap", "investeringsregnskap", "balanse", "pensjon", "personnel", "audit"]
PACKAGE_FILES = ["datapackage.json", "source_index.json", "README.md", "LICENSE.md"]
STRAIGHT_QUOTES = str.maketrans("“”‘’", "\"\"''")  # Sphinx's smart quotes, undone


def resources() -> list[dict]:
    """The descriptor's resources, read here without the module, with their CSV's data rows counted."""
    descriptor = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    found = []
    for spec in descriptor["resources"]:
        with open(REPO / "data" / spec["path"], encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.reader(handle) if any(cell.strip() for cell in row)]
        found.append({**spec, "rows": len(rows) - 1})
    return found


def test_data_page_is_what_the_script_writes():
    page = (REPO / "book" / "data.md").read_text(encoding="utf-8")
    assert page == catalogue.render(), "book/data.md is out of date: run python -m aarsevaluering.catalogue"
    assert catalogue.main(["--check"]) == 0


def test_data_page_source_lists_every_resource():
    page = (REPO / "book" / "data.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", page, flags=re.MULTILINE)
    for spec in resources():
        link = f"{{download}}`{spec['path']} <../data/{spec['path']}>`"
        (section,) = [s for s in sections if link in s]
        assert f"{{doc}}`../notebooks/{spec['chapter']}`" in section, spec["name"]
        (row,) = [line for line in section.splitlines() if line.startswith(f"| {link}<br>")]
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        unit = catalogue.escape(catalogue.unit_label(spec["unit"]))
        assert cells == [f"{link}<br>{catalogue.escape(spec['title'])}", catalogue.escape(spec["source_table"]), unit,
                         str(spec["rows"])]  # fmt: skip
    for name in PACKAGE_FILES:
        assert f"{{download}}`{name} <../data/{name}>`" in page
    assert f"{{ref}}`audit page <{catalogue.AUDIT_DOWNLOAD_LABEL}>`" in page
    assert f"({catalogue.AUDIT_DOWNLOAD_LABEL})=\n# ## Download" in (REPO / "notebooks" / "audit.py").read_text(
        encoding="utf-8"
    )


def test_each_chapter_table_has_a_caption_and_a_total():
    """Every chapter's table is a captioned table whose last row, in bold, counts its files and rows."""
    page = (REPO / "book" / "data.md").read_text(encoding="utf-8")
    by_chapter: dict[str, list[dict]] = {}
    for spec in resources():
        by_chapter.setdefault(spec["chapter"], []).append(spec)
    for section in re.split(r"^### ", page, flags=re.MULTILINE)[1:]:
        (chapter,) = re.findall(r"\{doc\}`\.\./notebooks/(\w+)`", section)
        specs = by_chapter.pop(chapter)
        assert re.search(r"^```\{table\} \S.*\n:name: tab-data-" + chapter + "$", section, re.MULTILINE), chapter
        rows = [line for line in section.splitlines() if line.startswith("| ")]
        files = f"{len(specs)} file" + ("s" if len(specs) > 1 else "")
        assert rows[-1] == f"| **All {files}** | | | **{fmt(sum(s['rows'] for s in specs))}** |", chapter
    assert not by_chapter, f"chapters without a section: {sorted(by_chapter)}"


def test_units_are_written_in_the_house_style():
    """Units as the book writes them (Data and methods, "House style"), not as the descriptor spells them."""
    assert catalogue.unit_label("NOK 1000") == "NOK thousand"
    assert catalogue.unit_label("NOK 1000 (last row: percent)") == "NOK thousand (last row: %)"
    assert catalogue.unit_label("persons / FTE / percent") == "persons / FTE / %"
    assert catalogue.unit_label("mixed, see column unit") == catalogue.unit_label("mixed (see unit column)")
    assert (
        catalogue.unit_label('NOK 1000 ("Beløp i 1000 – 2023-krone")') == 'NOK thousand ("Beløp i 1000 – 2023-krone")'
    )
    tables = (REPO / "book" / "data.md").read_text(encoding="utf-8").split("## The tables", 1)[1]
    rows = [line for line in tables.splitlines() if line.startswith("| {download}")]
    units = {line.strip("|").split(" | ")[2].strip() for line in rows}
    assert not [u for u in units if re.search(r"NOK 1000|percent", u)], units


def test_a_changed_table_makes_the_page_stale(tmp_path, monkeypatch):
    """One more row in one CSV, and the committed page no longer matches: the test above would fail."""
    data = tmp_path / "data"
    data.mkdir()
    for path in (REPO / "data").iterdir():
        data.joinpath(path.name).write_bytes(path.read_bytes())
    table = data / "drift_central_income.csv"
    with table.open("a", encoding="utf-8") as handle:
        handle.write("2186,A row added for the test,item,1,1,1,0,0.0\n")
    monkeypatch.setattr(catalogue, "DATA", data)
    text = catalogue.render()
    assert text != (REPO / "book" / "data.md").read_text(encoding="utf-8")
    assert "<br>Sentrale inntekter | D02 | NOK thousand | 10 |" in text
    monkeypatch.setattr(catalogue, "PAGE", tmp_path / "data.md")
    (tmp_path / "data.md").write_text((REPO / "book" / "data.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert catalogue.main(["--check"]) == 1


@pytest.mark.parametrize("name", CHAPTERS)
def test_each_chapter_offers_its_notebook_and_script(name):
    source = (REPO / "notebooks" / f"{name}.py").read_text(encoding="utf-8")
    first_markdown = source.split("# %% [markdown]\n", 1)[1].split("\n# %%", 1)[0]
    assert f"{{download}}`{name}.ipynb <{name}.ipynb>`" in first_markdown
    assert f"{{download}}`{name}.py <{name}.py>`" in first_markdown


class Links(HTMLParser):
    """The download links of a page, and the cells of each table row as text."""

    def __init__(self):
        super().__init__()
        self.downloads: dict[str, str] = {}  # link text -> href
        self.rows: list[list[str]] = []
        self._href = None
        self._cell: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "download" in (attrs.get("class") or "").split():
            self._href, self._text = attrs["href"], []
        elif tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if tag == "a" and self._href:
            self.downloads["".join(self._text).strip()] = self._href
            self._href = None
        elif tag == "td" and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._href:
            self._text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def parse(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


@pytest.fixture(scope="module")
def built_html(tmp_path_factory) -> Path:
    """The book as ``make book`` builds it, shared with the browser and layout tests (one build per run)."""
    return built_book(tmp_path_factory)


def test_built_data_page_links_every_file(built_html):
    page = built_html / "book" / "data.html"
    links = parse(page)
    rows = {row[0].split(" ", 1)[0]: row for row in links.rows if row}  # a file's name, then its title
    for spec in resources():
        href = links.downloads[spec["path"]]
        assert filecmp.cmp(page.parent / href, REPO / "data" / spec["path"], shallow=False), spec["path"]
        row = rows[spec["path"]]
        shown = [cell.translate(STRAIGHT_QUOTES) for cell in [row[0].split(" ", 1)[1], *row[1:4]]]
        title = " ".join(spec["title"].split())
        assert shown == [title, spec["source_table"], catalogue.unit_label(spec["unit"]), str(spec["rows"])]
    for name in PACKAGE_FILES:
        assert filecmp.cmp(page.parent / links.downloads[name], REPO / "data" / name, shallow=False), name
    assert len(links.downloads) == len(resources()) + len(PACKAGE_FILES)
    text = html.unescape(page.read_text(encoding="utf-8"))
    assert 'href="../notebooks/audit.html#audit-download"' in text


@pytest.mark.parametrize("name", CHAPTERS)
def test_built_chapter_page_links_its_notebook_and_script(built_html, name):
    page = built_html / "notebooks" / f"{name}.html"
    links = parse(page)
    for suffix in (".ipynb", ".py"):
        href = links.downloads[f"{name}{suffix}"]
        assert filecmp.cmp(page.parent / href, REPO / "notebooks" / f"{name}{suffix}", shallow=False)
    if name == "audit":
        assert (page.parent / links.downloads["audit_checks.csv"]).is_file()
