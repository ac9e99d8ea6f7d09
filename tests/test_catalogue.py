"""Downloads: the data page lists every table of the data package and links each file, and so does the
built book; every chapter page offers its notebook and its script."""

from __future__ import annotations

import csv
import filecmp
import html
import json
import os
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
        link = f"{{download}}`{Path(spec['path']).name} <../data/{spec['path']}>`"
        (section,) = [s for s in sections if link in s]
        assert f"](../notebooks/{spec['chapter']}.ipynb): each printed table" in section, spec["name"]
        (row,) = [line for line in section.splitlines() if f"<br>{link}" in line]
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        first, last = spec["source_lines"]
        title = catalogue.escape(spec["title"])
        if spec["source_table"] == catalogue.PROSE:  # no printed title: the label is the book's
            title = f"*{title}* ({catalogue.escape(spec['title_en'])}): figures in the text (the book's label)"
        else:
            english = spec["title_en"]
            for abbr, reading in catalogue.READINGS.items():  # an abbreviation's expansion: as a note
                if f"{abbr} ({reading})" in english:
                    english = english.replace(f"{abbr} ({reading})", abbr)
                    where = catalogue.SPELT_OUT_AT[abbr]
                    assert f"stands for {reading}: the report prints the same title written out at lines {where}." in (
                        section
                    ), spec["name"]
            title += f" ({catalogue.escape(english)})"  # the book's English beside the printed title
        (where,) = re.findall(r"<br>(<small>In the report: .*?</small>)<br>", row)
        if spec["source_table"] == catalogue.PROSE:  # sentences all over the report: each row gives its line
            assert (
                where == "<small>In the report: sentences; each row's <code>source_line</code> gives its line</small>"
            )
        else:
            assert where.endswith(f"text lines {first}–{last}</small>"), spec["name"]  # the lines, last
            search = catalogue.escape(spec["locator"]["search"])  # the words to search the PDF for
            assert f"; search «{search}»;" in where or f"then the next «{search}»;" in where, spec["name"]
            assert catalogue.escape(spec["locator"]["heading_path"][0]) in where, spec["name"]
        about = f"{title}<br>{where}<br>{link}"
        ids = catalogue.table_ids(spec["source_table"])
        sub_rows = [  # an id with a row of its own under its file's row (D10–D25) has its anchor there
            c for c in ids for line in section.splitlines()
            if line.startswith(f"| {catalogue.id_cell(c, [c])} | ") and "{download}" not in line
        ]  # fmt: skip
        own = [c for c in ids if c not in sub_rows]
        anchors = "".join(f'<span id="table-{c.lower()}"></span>' for c in own)
        shown = catalogue.escape(spec["source_table"])
        if own == [spec["source_table"]]:  # a single id is a link to its own row
            shown = f'<a class="table-id" href="#table-{spec["source_table"].lower()}">{shown}</a>'
        elif len(own) > 1 and own == ids:  # ids sharing their file's row (H04, H05): a link each, one a line
            shown = "<br>".join(f'<a class="table-id" href="#table-{c.lower()}">{c}</a>' for c in own)
        elif ids and not own:  # ids with rows of their own below: links to them, a run written by its ends, unbroken
            ends = [ids[0], ids[-1]] if catalogue.table_ids(f"{ids[0]}–{ids[-1]}") == ids else ids
            sep = "–" if catalogue.table_ids(f"{ids[0]}–{ids[-1]}") == ids else ", "
            links = [f'<a class="table-id" href="#table-{c.lower()}">{c}</a>' for c in ends]
            shown = f'<span class="data-ids">{sep.join(links)}</span>'

        assert cells == [
            anchors + shown,
            about,
            catalogue.unit_cell(spec["unit"]),
            str(spec["rows"]),
        ]
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
        (chapter,) = re.findall(
            r"^```\{table\} The files of \[chapter \d+\]\(\.\./notebooks/(\w+)\.ipynb\)", section, flags=re.MULTILINE
        )
        specs = by_chapter.pop(chapter)
        assert re.search(r"^```\{table\} \S.*\n:name: tab-data-" + chapter + "$", section, re.MULTILINE), chapter
        rows = [line for line in section.splitlines() if line.startswith("| ")]
        files = f"{len(specs)} file" + ("s" if len(specs) > 1 else "")
        assert rows[0] == "| " + " | ".join(catalogue.COLUMNS) + " |", chapter  # one grid for every table
        assert f":widths: {' '.join(map(str, catalogue.WIDTHS))}" in section, chapter
        assert rows[-1] == f"| **All** | **{files}** | | **{fmt(sum(s['rows'] for s in specs))}** |", chapter
        kinds = [line.split(" | ")[0] == "| prose" for line in rows[2:-1]]
        assert kinds == sorted(kinds), f"{chapter}: the figures in sentences come last"
    assert not by_chapter, f"chapters without a section: {sorted(by_chapter)}"


def test_units_are_written_in_the_house_style():
    """Units as the book writes them (Data and methods, "House style"), not as the descriptor spells them."""
    assert catalogue.unit_label("NOK 1000") == "NOK thousand"
    assert catalogue.unit_label("NOK 1000 (last row: percent)") == "NOK thousand (last row: %)"
    assert catalogue.unit_label("persons / FTE / percent") == "persons / FTE / %"
    assert catalogue.unit_label("count") == "breaches"  # what it counts, as "persons" and "hours" say
    assert catalogue.unit_label("mixed, see column unit") == catalogue.unit_label("mixed (see unit column)")
    assert (
        catalogue.unit_label('NOK 1000 ("Beløp i 1000 – 2023-krone")') == 'NOK thousand ("Beløp i 1000 – 2023-krone")'
    )
    tables = (REPO / "book" / "data.md").read_text(encoding="utf-8").split("## The tables", 1)[1]
    rows = [line for line in tables.splitlines() if "{download}" in line and line.startswith("| ")]
    assert rows
    units = {line.strip("|").split(" | ")[3].strip() for line in rows}
    assert not [u for u in units if re.search(r"NOK 1000|percent", u)], units


def test_table_ids_and_the_gaps_in_a_run():
    assert catalogue.table_ids("D10–D13") == ["D10", "D11", "D12", "D13"]
    assert catalogue.table_ids("I02a–I02c") == ["I02a", "I02b", "I02c"]
    assert catalogue.table_ids("H11, H12, H13") == ["H11", "H12", "H13"]
    assert catalogue.table_ids("prose") == []
    with pytest.raises(ValueError):
        catalogue.table_ids("D10–I12")
    entries = [{"chapter": "a", "source_table": t} for t in ("D01", "D03", "prose")]
    entries.append({"chapter": "b", "source_table": "D02"})
    assert catalogue.gaps(entries, "a") == [("D02", "b")]
    assert catalogue.gaps(entries[:2], "a") == [("D02", "")]
    assert catalogue.gaps(entries, "b") == []


def test_a_note_names_where_an_absent_id_is():
    """D04 sits in the pension chapter: the operating account's table, which runs D01–D03, D05 …, says so."""
    page = (REPO / "book" / "data.md").read_text(encoding="utf-8")
    section = page.split("### Driftsregnskapet", 1)[1].split("### ", 1)[0]
    assert "D04, missing from the run of ids above, is in chapter 4's table ({doc}`../notebooks/pensjon`)." in section


def test_a_unit_stays_on_one_line_and_its_note_goes_below():
    assert catalogue.unit_cell("NOK 1000") == "NOK\u00a0thousand"
    assert catalogue.unit_cell("NOK 1000 (last row: percent)") == "NOK\u00a0thousand<br>(last row: %)"
    assert catalogue.unit_cell("mixed, see column unit") == "mixed<br>(each row gives its own)"
    assert catalogue.unit_cell("persons / FTE / percent") == "persons, FTE, %"
    assert catalogue.unit_cell("NOK per year") == "NOK per\u00a0year"  # may break after NOK, to fit the column


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
    assert (
        f"| {catalogue.id_cell('D02', ['D02'])} | Sentrale inntekter (Central income)<br><small>In the report: "
        "Driftsregnskapet › Sentrale inntekter; search «Sum Frie disponible inntekter»; text lines 2169–2200</small>"
        "<br>{download}`drift_central_income.csv <../data/drift_central_income.csv>` | NOK\u00a0thousand | 10 |" in text
    )
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
    entries = {e["file"]: e for e in catalogue.tables()}
    names = catalogue.area_names(list(entries.values()))
    for spec in resources():
        stem = Path(spec["path"]).name  # the table shows the file's whole name
        href = links.downloads[stem]
        assert filecmp.cmp(page.parent / href, REPO / "data" / spec["path"], shallow=False), spec["path"]
        (row,) = [row for row in links.rows if len(row) > 1 and f" {stem} " in f" {row[1]} "]
        shown = [cell.translate(STRAIGHT_QUOTES) for cell in row]
        first, last = spec["source_lines"]
        prose = spec["source_table"] == catalogue.PROSE
        english = spec.get("title_en", "")
        for abbr, reading in catalogue.READINGS.items():  # the reading stands in a note under the table
            english = english.replace(f"{abbr} ({reading})", abbr)
        title = (
            f"{spec['title']} ({english}): figures in the text (the book's label)"
            if prose
            else f"{spec['title']} ({english})"
        )
        entry = entries[spec["path"]]
        place = re.sub(r"<[^>]+>", "", catalogue.where_cell(entry, catalogue.id_places(entry, names)))
        about = f"{title} {html.unescape(place)} {stem}"
        # The unit as its cell shows it: a list of units comma-separated, a note after a line break.
        unit = " ".join(catalogue.unit_cell(spec["unit"]).replace("<br>", " ").replace("\u00a0", " ").split())
        # Ids that share their file's row are a link each, one a line (H04 H05); with rows of their own
        # under it, the file's row shows them as printed (I21, I22).
        ids = catalogue.table_ids(spec["source_table"])
        assert shown[0] in (spec["source_table"], " ".join(ids), f"{ids[0]}–{ids[-1]}" if ids else "")
        # (the run of areas, P01–P18, comes from the rows under the file's: where_cell is given them)
        assert shown[1:] == [" ".join(about.translate(STRAIGHT_QUOTES).split()), unit, str(spec["rows"])]
        assert prose or f"text lines {first}–{last}" in shown[1]
    for name in PACKAGE_FILES:
        assert filecmp.cmp(page.parent / links.downloads[name], REPO / "data" / name, shallow=False), name
    assert len(links.downloads) == len(resources()) + len(PACKAGE_FILES) + len(catalogue.AUDIT_FILES)
    text = html.unescape(page.read_text(encoding="utf-8"))
    assert 'href="../notebooks/audit.html#audit-download"' in text
    for name in catalogue.AUDIT_FILES:  # the audit page's copy, linked from here
        href = catalogue.audit_download(name)
        assert f'href="{href}"' in text and (page.parent / href).is_file(), name


@pytest.mark.parametrize("name", CHAPTERS)
def test_built_chapter_page_links_its_notebook_and_script(built_html, name):
    page = built_html / "notebooks" / f"{name}.html"
    links = parse(page)
    for suffix in (".ipynb", ".py"):
        href = links.downloads[f"{name}{suffix}"]
        assert filecmp.cmp(page.parent / href, REPO / "notebooks" / f"{name}{suffix}", shallow=False)
    if name == "audit":
        assert (page.parent / links.downloads["audit_checks.csv"]).is_file()


def test_each_id_of_a_file_with_several_tables_is_listed_with_its_area():
    """A range such as D10–D25 is resolved in the chapter's table itself: each id a row of its own under the
    file's row, with what it covers and its lines, so it can be cited as part of the numbered table."""
    page = (REPO / "book" / "data.md").read_text(encoding="utf-8")
    d17 = (
        f'| {catalogue.id_cell("D17", ["D17"])} | <span class="data-sub"></span>P08 Sosialtjeneste, etablering og '
        "bolig (Social services, getting established and housing)<br><small>text lines 5738–5752</small> "
        "| as above | 1 |"
    )
    assert d17 in page
    assert (
        f'| {catalogue.id_cell("I12", ["I12"])} | <span class="data-sub"></span>P06 Hjemmetjenester og institusjon ('
        in page
    )
    assert "search «Status investeringer netto P11»; text lines 6207–6316</small> | as above |" in page
    # one table per area: said once, on the file's row (designer s11r4: the sentence stood in 30 rows)
    assert page.count("one table per area: search the area's heading") == 2
    assert "search «Sykefravær per kvartal i kommunesektoren 2023»; text lines 3833–3841" in page
    assert "› Midlertidig ansatte; search «Kjønns- og aldersmessig fordeling på midlertidig ansatte»" in page
    assert "The run I07–I20 has no table for P10 Medvirkning og lokaldemokrati or P15 Samfunnssikkerhet" in page
    for spec in resources():
        ids = catalogue.table_ids(spec["source_table"])
        if len(ids) > 1 and "–" in spec["source_table"]:
            for code in ids:
                assert f"\n| {catalogue.id_cell(code, [code])} | " in page, code


def test_each_area_search_finds_its_table_in_the_report():
    """A table of one per programme area is found by its area's heading, then the next hit of the caption the
    tables share: checked against the report's text (AARSEVALUERING_SOURCE), where the heading is the last hit
    of the area's name before the table and no hit of the caption (any case) lies between them."""
    source = os.environ.get("AARSEVALUERING_SOURCE")
    if not source:
        pytest.skip("AARSEVALUERING_SOURCE not set")
    text = Path(source).read_text(encoding="utf-8").split("\n")
    page = (REPO / "book" / "data.md").read_text(encoding="utf-8")
    found, caption = [], None
    for line in page.splitlines():  # a file's row says what to search after each area's heading; its rows give lines
        if next_hit := re.search(r"one table per area: .*?, then the next «([^»]+)»;", line):
            caption = next_hit[1]
        elif "{download}" in line:
            caption = None
        elif caption and (
            row := re.search(r'data-sub"></span>(P\d\d [^(<]+?)(?: \([^<]*\))?<br><small>text lines (\d+)–', line)
        ):
            found.append((row[1], caption, row[2]))
    assert len(found) == 16 + 14
    for heading, caption, first in found:
        first = int(first)
        # The heading: a line of its own, under the last «Omtale av programområdene» before the table.
        section = max(n for n, line in enumerate(text[:first], start=1) if line.strip() == "Omtale av programområdene")
        hits = [n for n, line in enumerate(text[:first], start=1) if " ".join(line.split()) == heading]
        assert len(hits) and hits[-1] > section, heading
        between = [n for n in range(hits[-1], first) if caption.casefold() in text[n - 1].casefold()]
        assert not between, (heading, between)
        assert text[first - 1].strip() == caption, (heading, first)


def test_prose_title_is_marked_as_the_books():
    """A file of figures in sentences has no printed title: its cell says the label is the book's."""
    entry = {"title": "Personell", "title_en": "Personnel", "file": "pers_prose_figures.csv", "source_table": "prose",
             "section": "Personell", "lines": [3636, 4466], "locator": {}}  # fmt: skip
    assert catalogue.report_cell(entry).startswith(
        "*Personell* (Personnel): figures in the text (the book's label)<br><small>In the report: sentences"
    )


def test_a_repeated_header_never_splits_a_file_from_its_tables():
    """The header comes back down a long table, but only before a file's row: the rows of the tables under a
    file stay together, so their "as above" means the file (fact-check s12b)."""
    from aarsevaluering.catalogue import REHEAD_MARK, render

    lines = render().splitlines()
    repeated = [n for n, line in enumerate(lines) if REHEAD_MARK in line]
    assert repeated, "no long table repeats its header"
    split = [lines[n + 1][:80] for n in repeated if "data-sub" in lines[n + 1]]
    assert not split, f"a repeated header before a table's row under its file: {split}"
