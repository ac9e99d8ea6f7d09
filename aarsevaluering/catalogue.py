"""The book's data page, ``book/data.md``, written from ``data/datapackage.json``.

The page lists every table of the data package with its printed title, report table, unit (in the
book's forms: "NOK thousand", "%") and row count, one captioned table per chapter with a total row, each
file linked for download, and the package's descriptor, README and licence. It is generated, not
written by hand, so that it cannot drift from the data: ``tests/test_catalogue.py`` fails when the
committed page differs from what this module writes.

    python -m aarsevaluering.catalogue           # rewrite book/data.md
    python -m aarsevaluering.catalogue --check   # exit 1 if book/data.md is out of date
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pandas as pd
import yaml

from .areas import full_name
from .citation import BUNDLE_NAME, BUNDLE_PATH
from .data import DESCRIPTOR_NAME, REPO_ROOT, read_descriptor, validate
from .fmt import fmt

PAGE = REPO_ROOT / "book" / "data.md"
DATA = REPO_ROOT / "data"
NOTEBOOKS = REPO_ROOT / "notebooks"
# Where the audit page offers its table of every check (a label in notebooks/audit.py).
AUDIT_DOWNLOAD_LABEL = "audit-download"
# The audit page's CSV files, written by the build when it runs the audit (notebooks/_generated/), and
# offered there with Sphinx's download role.
AUDIT_FILES = ["audit_checks.csv", "audit_findings.csv"]
AUDIT_SOURCE = "notebooks/_generated"


def audit_download(name: str) -> str:
    """Where the built book keeps an audit CSV that the audit page offers: Sphinx copies a file named by a
    download role to ``_downloads/<md5 of its path from the book's root>/<name>``, so the data page can link
    the same copy (the file does not exist before the audit page runs, so this page cannot name it with a
    role of its own). ``tests/test_catalogue.py`` checks the link in a built book."""
    digest = hashlib.md5(f"{AUDIT_SOURCE}/{name}".encode(), usedforsecurity=False).hexdigest()
    return f"../_downloads/{digest}/{name}"


# Files of the package other than the tables, with what each holds.
PACKAGE_FILES = [
    (
        DESCRIPTOR_NAME,
        "the descriptor ([Frictionless Data Package](https://datapackage.org/)): each table's title as printed "
        "and in English, "
        "report section, unit, sign convention, lines in the source text, and a schema for every column",
    ),
    (
        "source_index.json",
        "the index of the report's figures: for every line a table covers or a row cites, the figures it "
        "prints, in order, with the words replaced by `…`, and a checksum of the line, so that the transcription "
        "test can check every row without the report's text, which is not republished here "
        "(`python -m aarsevaluering.source_index` writes it)",
    ),
    ("README.md", "the conventions the files follow"),
    ("LICENSE.md", "the licence (NLOD 2.0) and the attribution to Drammen kommune"),
]

# The descriptor's units in the book's forms (Data and methods, "House style"): "NOK thousand", "%".
# A count (only the working-time tables use it) says what it counts, as "persons" and "hours" do: the tables
# count breaches («brudd», lines 4084 and 4114), several to one case (line 4050).
_UNIT_WORDS = [
    (re.compile(r"\bNOK 1000\b"), "NOK thousand"),
    (re.compile(r"\bpercent\b"), "%"),
    (re.compile(r"^count$"), "breaches"),
    # D06 prints whole kroner (Table M.7's caption): a bare "NOK" beside "NOK thousand" read as a typo (designer s11r4)
    (re.compile(r"^NOK$"), "NOK (whole kroner)"),
]
_MIXED = re.compile(r"^mixed\W+see (?:the )?(?:column unit|unit column)\W*$")
# What a file of mixed units says of them: each row states its own (designer s11: "see the unit column", in a
# table with a Unit column of its own, sent the reader to the wrong column).
MIXED = "mixed (each row gives its own)"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|$~#])")


# The columns of every chapter's table, and their widths in per cent of the page's text.
# The file's name is shown whole, with its ".csv", as the prose names files (designer s10); the longest fits
# the column. Where the table stands in the report (its section, the words to search its PDF for, and, second,
# its lines in the text) is a small line under the title (designer s11: the line ranges alone could not be
# checked against the PDF), so the lines need no column of their own.
COLUMNS = ["Id", "Title as printed (English); where in the report; CSV file", "Unit", "Rows"]
WIDTHS = [14, 56, 21, 9]
# One fixed grid for every chapter's table (designer s11: the columns moved from table to table, as the
# browser widened a column to its longest unbreakable word): a style for the page's own tables.
GRID_STYLE = "\n".join(
    [
        "<style>",
        "/* The data page's tables: one fixed grid, so the columns stand in the same place in each (the table",
        "   directive's widths reach no colgroup in this theme, so they are set here). */",
        'table[id^="tab-data-"] { table-layout: fixed; width: 100%; }',
        *(f'table[id^="tab-data-"] th:nth-child({n}) {{ width: {w}%; }}' for n, w in enumerate(WIDTHS, start=1)),
        'table[id^="tab-data-"] small { color: var(--pst-color-text-muted); }',
        "/* A printed table's row under its file's (D10 under D10–D25): indented and smaller",
        "   (designer s11r3: the same type and edge as the file's row hid where a group starts and ends). */",
        'table[id^="tab-data-"] tr:has(.data-sub) td { font-size: 0.88em; padding-top: 0.2rem; '
        "padding-bottom: 0.2rem; }",
        'table[id^="tab-data-"] tr:has(.data-sub) td:first-child { padding-left: 1.4em; }',
        # indented, without a bar on the left edge: that mark is a finding's verdict (designer s11r4)
        'table[id^="tab-data-"] tr:has(.data-sub) td:nth-child(2) { padding-left: 1.6em; }',
        "/* ... marked by an arrow in the muted text colour before its title (designer s11r4: a grey bar on the left",
        "   edge is a finding's verdict elsewhere in the book) */",
        'table[id^="tab-data-"] .data-sub::before { content: "↳"; color: var(--pst-color-text-muted); '
        "margin: 0 0.35em 0 -1.1em; }",
        "/* a file's run of ids on one line */",
        'table[id^="tab-data-"] .data-ids { white-space: nowrap; }',
        "/* a sub-row's count, unbracketed so its digits line up under its file's (designer s12: a hanging bracket",
        "   pushed them 6 px right), in the muted colour: a part of the file's count, not a count of its own */",
        'table[id^="tab-data-"] tr:has(.data-sub) td:last-child { color: var(--pst-color-text-muted); }',
        "/* the header repeated down a long table, so Unit and Rows stay labelled on every screen (designer s12) */",
        'table[id^="tab-data-"] tr:has(.data-rehead) td { font-weight: 600; font-size: 0.85em; '
        "background: var(--pst-color-surface); border-top: 1px solid var(--pst-color-border); "
        "border-bottom: 1px solid var(--pst-color-border); padding-top: 0.25rem; padding-bottom: 0.25rem; }",
        "/* the overview's runs of ids each on one line (B01–B02 broke after its dash) */",
        "table#tab-package .data-ids { white-space: nowrap; }",
        "</style>",
    ]
)
# The English of the printed titles of tables that share a file (the file's own English covers them
# together), and of the blocks of one printed table, by the Norwegian as printed.
ENGLISH = {
    "Sykefravær per kvartal i Drammen kommune 2023": "Sick leave by quarter, Drammen kommune, 2023",
    "Sykefravær per kvartal i kommunesektoren 2023": "Sick leave by quarter, the municipal sector, 2023",
    "Kjønns- og aldersmessig fordeling på faste ansatte per desember 2023": (
        "Permanent staff by gender and age, December 2023"
    ),
    "Kjønns- og aldersmessig fordeling på midlertidig ansatte per desember 2023": (
        "Temporary staff by gender and age, December 2023"
    ),
    "Fast ansatte i deltidsstilling, fordelt på kjønn og alder per desember 2023": (
        "Permanent part-time staff by gender and age, December 2023"
    ),
    "Netto utgifter videreutlån": "Net relending expenses",
    "Sum investeringsinntekter": "Total investment income",
    "Sum investeringsutgifter": "Total investment expenses",
    "Sum overføring fra drift og netto avsetninger": "Total transfer from operations and net provisions",
}


def escape(text: str) -> str:
    """``text`` as literal MyST inline text (a table cell: no markup, no pipes)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def unit_label(unit: str) -> str:
    """A table's unit as the book writes it: ``"NOK 1000 (last row: percent)"`` -> ``"NOK thousand (last
    row: %)"``; the tables of mixed units all send the reader to their ``unit`` column in one form."""
    if _MIXED.match(unit):
        return MIXED
    for pattern, word in _UNIT_WORDS:
        unit = pattern.sub(word, unit)
    return unit


def chapter_order() -> list[str]:
    """The chapters' notebook names in the order of ``_toc.yml``."""
    toc = yaml.safe_load((REPO_ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [c["file"] for part in toc.get("parts", []) for c in part.get("chapters", [])]
    return [f.split("/", 1)[1] for f in files if f.startswith("notebooks/")]


def chapter_title(chapter: str) -> str:
    """The first heading of the chapter's notebook (its ``.py``)."""
    for line in (NOTEBOOKS / f"{chapter}.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("# # "):
            return line[4:].strip()
    raise ValueError(f"notebooks/{chapter}.py has no title heading")


def tables() -> list[dict]:
    """One entry per resource of ``data/datapackage.json``, in the descriptor's order."""
    entries = []
    for res in read_descriptor(DATA / DESCRIPTOR_NAME):
        spec = res.spec
        frame = validate(res)
        entries.append(
            {
                "file": spec["path"],
                "notes": spec.get("notes", ""),
                "frame": frame,
                "title": spec.get("title", res.name),
                "title_en": spec.get("title_en", ""),
                "unit": spec.get("unit", ""),
                "rows": len(frame),
                "chapter": spec["chapter"],
                "source_table": spec.get("source_table", ""),
                "section": spec.get("report_section", ""),
                "lines": spec.get("source_lines"),
                "locator": spec.get("locator", {}),
            }
        )
    return entries


# A book's id: a letter, a number and an optional letter (D01, I02a); ids run in ranges ("D10–D25",
# "I02a–I02d") or lists ("H04, H05"); "prose" marks figures the report gives in sentences.
_ID = re.compile(r"^([A-Z])(\d+)([a-z]?)$")
PROSE = "prose"


def table_ids(source_table: str) -> list[str]:
    """The printed tables a file holds, by the book's ids: ``"D10–D13"`` -> D10, D11, D12, D13;
    ``"I02a–I02c"`` -> I02a, I02b, I02c; ``"H04, H05"`` -> both; ``"prose"`` -> none."""
    ids = []
    for part in (p.strip() for p in source_table.split(",")):
        if part in ("", PROSE):
            continue
        first, _, last = part.partition("–")
        start = _ID.match(first)
        if start is None:
            raise ValueError(f"not a table id: {part!r}")
        if not last:
            ids.append(first)
            continue
        end = _ID.match(last)
        if end is None or end.group(1) != start.group(1):
            raise ValueError(f"not a range of table ids: {part!r}")
        letter, digits = start.group(1), len(start.group(2))
        if start.group(3):  # I02a–I02d: one number, a run of letters
            ids += [f"{letter}{start.group(2)}{chr(c)}" for c in range(ord(start.group(3)), ord(end.group(3)) + 1)]
        else:
            ids += [f"{letter}{n:0{digits}d}" for n in range(int(start.group(2)), int(end.group(2)) + 1)]
    return ids


def gaps(entries: list[dict], chapter: str) -> list[tuple[str, str]]:
    """Ids missing from a run in one chapter's table (D04 between D03 and D05), each with the chapter
    that holds it (or ``""`` when no file does)."""
    holder = {i: e["chapter"] for e in entries for i in table_ids(e["source_table"])}
    numbers: dict[str, set[int]] = {}
    for e in entries:
        if e["chapter"] == chapter:
            for i in table_ids(e["source_table"]):
                numbers.setdefault(i[0], set()).add(int(_ID.match(i).group(2)))
    missing = []
    for letter, found in sorted(numbers.items()):
        for n in range(min(found), max(found) + 1):
            if n not in found:
                code = next(
                    (i for i in holder if i[0] == letter and int(_ID.match(i).group(2)) == n), f"{letter}{n:02d}"
                )
                missing.append((code, holder.get(code, "")))
    return missing


def _unbroken(unit: str) -> str:
    """A unit's words joined by no-break spaces (``NOK thousand``), but a unit of three words or more may
    break after its first (``NOK`` / ``per year``): unbroken, "NOK per year" pushed its table past the
    column (designer s10r3)."""
    words = unit.split(" ")
    if len(words) > 2:
        return words[0] + " " + "\u00a0".join(words[1:])
    return "\u00a0".join(words)


def unit_cell(unit: str) -> str:
    """A table's unit as a cell: each unit on one line (its words joined by no-break spaces; a list of units,
    one per kind of column, is written ``persons, FTE, %`` and may break after a comma), a note in brackets
    on the next (``NOK thousand<br>(last row: %)``)."""
    label = unit_label(unit)
    head, bracket, note = label.partition(" (")
    # Each unit on one line; a list of units ("persons, FTE, %") may break after a comma.
    cell = ", ".join(_unbroken(escape(u)) for u in head.split(" / "))
    return cell + (f"<br>{escape(bracket.strip() + note)}" if bracket else "")


# Abbreviations in printed titles that the report never spells out, and how the descriptor's English reads
# them: the title cell keeps the abbreviation, and a note under the chapter's table gives the reading as the
# book's (reader s10r3: the report uses «DK» in I02's title only and never expands it).
# An abbreviation in a printed title, what it stands for, and the report's lines that write that title out.
READINGS = {"DK": "Drammen kommunekasse, the municipal treasury"}
SPELT_OUT_AT = {"DK": "3041–3042"}


def _readings(entry: dict) -> list[str]:
    """The abbreviations of :data:`READINGS` in the table's printed title whose English spells them out."""
    return [
        abbr
        for abbr, reading in READINGS.items()
        if re.search(rf"\b{abbr}\b", entry["title"]) and f"{abbr} ({reading})" in entry.get("title_en", "")
    ]


def reading_note(entry: dict) -> str:
    """The note under a chapter's table for a title with an abbreviation, and where the report writes it out."""
    notes = []
    for abbr in _readings(entry):
        first = entry["lines"][0] if entry.get("lines") else None
        where = f" (line {first})" if first else ""
        notes.append(
            f"*{abbr}* in the printed title of {escape(entry['source_table'])}{where} stands for {READINGS[abbr]}: "
            f"the report prints the same title written out at lines {SPELT_OUT_AT[abbr]}."
        )
    return " ".join(notes)


def title_cell(entry: dict) -> str:
    """The table's title as printed, with the book's English for it in brackets (the descriptor's
    ``title_en``). The figures in sentences have no printed title: their file's title is the book's label,
    set in italics and said to be the book's (reader s9)."""
    title = escape(entry["title"])
    english = entry.get("title_en", "")
    if entry["source_table"] == PROSE:
        return f"*{title}*" + (f" ({escape(english)})" if english else "") + ": figures in the text (the book's label)"
    for abbr in _readings(entry):  # the reading is given, as the book's, under the table
        english = english.replace(f"{abbr} ({READINGS[abbr]})", abbr)
    return title + (f" ({escape(english)})" if english else "")


def where(section: str, search: str, first: int, last: int) -> str:
    """Where a table stands in the report, as a small line: the section's headings, the printed words to
    search the PDF for, and its lines in the text (the book's own reference, so last)."""
    found = f"; search «{escape(search)}»" if search else ""
    return f"<small>In the report: {escape(section)}{found}; text lines {first}–{last}</small>"


# The placeholder for the programme area's heading in the locator of a file of one table per area.
AREA = "<programområde>"


def _section(path: list[str], area: str = "") -> str:
    """A locator's heading path as one line; the programme area's heading, a placeholder in a file of one table
    per area, given as the area (``P01 Skole``) or, for the file, as the run of areas (``P01–P18``)."""
    return " › ".join(area if h == AREA else h for h in path)


def where_cell(entry: dict, places: list[tuple[str, str, int, int]] | None = None) -> str:
    """A file's place in the report (:func:`where`): the figures in sentences stand on lines of their own,
    each named in the row's ``source_line``."""
    first, last = entry["lines"]
    if entry["source_table"] == PROSE:
        # The sentences stand all over the report (lines 10–7015): the file's range locates nothing
        # (designer s11r4), so the cell sends the reader to each row's line.
        return "<small>In the report: sentences; each row's <code>source_line</code> gives its line</small>"
    locator = entry["locator"]
    areas = [w.split(" ")[0] for _, w, _, _ in places or [] if re.match(r"P\d\d\b", w)]
    run = f"{areas[0]}–{areas[-1]}" if areas else "each programme area"
    path = locator.get("heading_path", [])
    if AREA in path and areas and len(areas) == len(places or []):
        # One table per area: how to find each, said once here; the rows below give the area and lines.
        return (
            f"<small>In the report: {escape(_section(path, run))}; one table per area: search the area's "
            f"heading as each row below names it («{escape(places[0][1])}» for the first), then the next "
            f"«{escape(locator.get('search', ''))}»; text lines {first}–{last}</small>"
        )
    return where(_section(path, run), locator.get("search", ""), first, last)


def place_cell(entry: dict, code: str, what: str, first: int, last: int) -> str:
    """The row of one printed table of a file holding several: what it covers, in Norwegian and English, and
    where it stands in the report (:func:`where`): its own section and search words where the descriptor's
    locator has a part for it; else the file's section, searched for by its printed title (H04), its block's
    sum row (I02a) or its area's printed title (I21), the area's heading taking the place of the file's
    placeholder (D10: «Status økonomi» under P01 Skole)."""
    locator = entry["locator"]
    area = what if re.match(r"P\d\d\b", what) else ""
    english = full_name(*what.split(" ", 1)) if area else ENGLISH.get(what, "")
    section, search = _section(locator.get("heading_path", []), area), locator.get("search", "")
    frame = pd.DataFrame(entry["frame"])
    lines = pd.to_numeric(frame["source_line"])
    rows = frame[(lines >= first) & (lines <= last)]
    parts = [p for p in locator.get("parts", []) if p["lines"][0] <= last and first <= p["lines"][1]]
    if parts:
        section, search = _section(parts[0]["heading_path"]), parts[0]["search"]
    elif re.search(rf"{re.escape(code)} «", entry["notes"]):  # a printed title of its own
        search = what
    elif "block" in rows and (rows["row_kind"] == "subtotal").any():
        search = str(rows[rows["row_kind"] == "subtotal"]["label"].iloc[0])
    elif area and " / " in entry["title"]:  # one printed title per area: the area's own
        search = next((t for t in entry["title"].split(" / ") if area.split(" ")[0] in t), search)
    elif area and AREA in locator.get("heading_path", []):
        # One table per area under one caption, printed 16 or 14 times: the file's row says once how to find
        # them (the area's heading, then the caption's next hit below it; designer s11r4: the sentence stood
        # in each of 30 rows), so the row gives the area and its lines only. tests/test_catalogue.py checks
        # each heading and caption against the report's text.
        return (
            f'<span class="data-sub"></span>{escape(what)}'
            + (f" ({escape(english)})" if english else "")
            + f"<br><small>text lines {first}–{last}</small>"
        )
    title = escape(what) + (f" ({escape(english)})" if english else "")
    return '<span class="data-sub"></span>' + title + "<br>" + where(section, search, first, last)


def place_rows(entry: dict, first: int, last: int) -> int:
    """The rows of a file that one of its printed tables holds (those on its lines)."""
    lines = pd.to_numeric(pd.DataFrame(entry["frame"])["source_line"])
    return int(((lines >= first) & (lines <= last)).sum())


def report_cell(entry: dict, places: list[tuple[str, str, int, int]] | None = None) -> str:
    """The table's title as printed, in Norwegian and English (:func:`title_cell`), where it stands in the
    report (:func:`where_cell`), and its file below. A reader of the PDF finds a table by its section and by
    searching for its printed words (designer s11); the line range is the book's own reference."""
    return title_cell(entry) + "<br>" + where_cell(entry, places) + "<br>" + download(f"data/{entry['file']}")


def anchor(code: str) -> str:
    """The HTML anchor of a table id's row on the data page (``table-d08``), which other pages link to as
    ``data.html#table-d08``."""
    return f"table-{code.casefold()}"


def id_cell(text: str, codes: list[str]) -> str:
    """An Id cell: the ids as printed, each with its anchor (an empty span, so a link lands on the row); an
    id with a row of its own is a link to that anchor, so a reader sees it can be linked and copies the
    address from it (designer s10: the anchors were invisible)."""
    spans = "".join(f'<span id="{anchor(c)}"></span>' for c in codes)
    if len(codes) == 1 and codes[0] == text:
        return f'{spans}<a class="table-id" href="#{anchor(text)}">{escape(text)}</a>'
    if codes and len(codes) == len(table_ids(text)):
        # Ids that share their file's row (H04, H05): each a link of its own, one a line (reader s10r3:
        # shown as plain text, they were the only ids without a link).
        return spans + "<br>".join(f'<a class="table-id" href="#{anchor(c)}">{escape(c)}</a>' for c in codes)
    # Ids with rows of their own under the file's (D10–D25, H11, H12, H13): links to those rows, a run of
    # consecutive ids written as its ends (H11–H13), kept on one line (designer s11r4: plain text that
    # wrapped, beside single ids that were links).
    ids = table_ids(text)
    if len(ids) > 1 and table_ids(f"{ids[0]}–{ids[-1]}") == ids:
        shown = [ids[0], ids[-1]]
        sep = "–"
    else:
        shown, sep = ids, ", "
    links = sep.join(f'<a class="table-id" href="#{anchor(c)}">{escape(c)}</a>' for c in shown)
    return spans + f'<span class="data-ids">{links}</span>' if ids else spans + escape(text)


# Where the descriptor's notes place each printed table of a file that holds several: "P01 (D10) lines
# 4751–4765", "I07 P01 lines 4800–4820", "I21 (P11) is printed on lines 6207–6316", "block I02b lines 2906–2944",
# "H04 «Sykefravær per kvartal i Drammen kommune 2023» lines 3823–3831" (its printed title, what it covers).
_PLACES = [
    r"{id} «(?P<title>[^»]+)» lines (?P<first>\d+)–(?P<last>\d+)",
    r"(?P<area>P\d\d) \({id}\) lines (?P<first>\d+)–(?P<last>\d+)",
    r"{id} (?P<area>P\d\d) lines (?P<first>\d+)–(?P<last>\d+)",
    r"{id} \((?P<area>P\d\d)\) (?:is printed )?on lines (?P<first>\d+)–(?P<last>\d+)",
    r"[Bb]lock {id} \(?lines (?P<first>\d+)–(?P<last>\d+)",
]


def id_places(entry: dict, names: dict[str, str] | None = None) -> list[tuple[str, str, int, int]]:
    """Each printed table of a file holding several, as (id, what it covers, first line, last line): the
    programme area (``P01 Skole``) or the block named in the file's rows on those lines. Ids the notes do
    not place are left out. ``names`` gives a programme area's name where the file has none."""
    ids = table_ids(entry["source_table"])
    if len(ids) < 2:
        return []
    frame = pd.DataFrame(entry["frame"])
    lines = pd.to_numeric(frame["source_line"])
    places = []
    for code in ids:
        for pattern in _PLACES:
            found = re.search(pattern.format(id=re.escape(code)), entry["notes"])
            if found:
                break
        else:
            continue
        first, last = int(found["first"]), int(found["last"])
        rows = frame[(lines >= first) & (lines <= last)]
        if found.groupdict().get("title"):
            what = found["title"]
        elif "programme_area" in frame and len(rows):
            area = rows["programme_area"].iloc[0]
            name = rows["programme_area_name"].iloc[0] if "programme_area_name" in rows else (names or {}).get(area, "")
            what = f"{area} {name}".strip()
        elif "block" in frame and len(rows):
            what = str(rows["block"].iloc[0])
        else:
            what = found.groupdict().get("area") or ""
        places.append((code, what, first, last))
    return places


def area_gaps(entries: list[dict], chapter: str, names: dict[str, str]) -> str:
    """A note for a chapter's run of one table per programme area that skips areas another run has (the
    investment projects, I07–I20, have none for P10 and P15, whose parts print Status økonomi only)."""
    runs = {}
    for e in entries:
        areas = [w.split(" ")[0] for _, w, _, _ in id_places(e, names) if re.match(r"P\d\d\b", w)]
        if len(areas) > 2:
            runs[e["source_table"]] = (e, areas)
    notes = []
    for run, (e, areas) in runs.items():
        if e["chapter"] != chapter:
            continue
        held = {
            a: (c, o["title"])
            for r, (o, found) in runs.items()
            if r != run
            for c, a in zip(table_ids(r), found, strict=True)
        }
        missing = [a for a in sorted(held) if a not in areas]
        if missing:
            listed = " or ".join(f"{a} {names.get(a, '')}".strip() for a in missing)
            theirs = " and ".join(held[a][0] for a in missing)
            notes.append(
                f"The run {escape(run)} has no table for {listed}: the report prints no "
                f"«{escape(e['locator'].get('search', ''))}» in their parts (their {escape(held[missing[0]][1])} "
                f"table{'s are' if len(missing) > 1 else ' is'} {theirs})."
            )
    # Areas no run has (P16, P17) and why the runs stop at P18, said under the first run, where a reader checking
    # that the catalogue is complete meets the gap (designer s12: only the glossary said it).
    first = min(runs.items(), key=lambda r: table_ids(r[0])[0], default=None)
    if first and first[1][0]["chapter"] == chapter:
        seen = {a for _, areas in runs.values() for a in areas}
        numbers = sorted(int(a[1:]) for a in seen)
        none = [f"P{n:02d}" for n in range(numbers[0], numbers[-1] + 1) if f"P{n:02d}" not in seen]
        if none:
            listed = " or ".join(none)
            notes.append(
                f"No file has a table for {listed}, and the runs end at P{numbers[-1]:02d}: the report gives "
                "those areas a few lines and no table, and says it treats P19 in its introductory chapter (the "
                "{term}`glossary's P01–P19 <P01–P19>` gives the lines)."
            )
    return " ".join(notes)


def download(path: str, text: str | None = None) -> str:
    """A MyST download link from ``book/`` to ``path`` (relative to the repository root).

    A role's text is taken literally (no Markdown escapes): file names must not hold a backtick or ``<``.
    """
    text = text or Path(path).name
    if re.search(r"[`<>]", text + path):
        raise ValueError(f"cannot link {path!r} as {text!r}: a backtick or angle bracket in the name")
    return f"{{download}}`{text} <../{path}>`"


def _audit_link(name: str) -> str:
    """A link to an audit CSV marked up as Sphinx marks up a download role's, so it has the same icon."""
    return (
        f'<a class="reference download internal" download href="{audit_download(name)}">'
        f'<code class="xref download docutils literal notranslate"><span class="pre">{name}</span></code></a>'
    )


def section_label(chapter: str) -> str:
    """The label of a chapter's heading on this page, which the overview links to."""
    return f"data-{chapter}"


def id_runs(codes: list[str]) -> str:
    """A chapter's printed tables as runs of ids by letter: ``D01–D25``, ``I01–I22``."""
    runs = []
    for letter in dict.fromkeys(c[0] for c in codes):
        mine = sorted((c for c in codes if c[0] == letter), key=lambda c: (int(_ID.match(c).group(2)), c))
        numbers = {int(_ID.match(c).group(2)) for c in mine}
        skipped = [f"{letter}{n:02d}" for n in range(min(numbers), max(numbers) + 1) if n not in numbers]
        run = mine[0] if len(mine) == 1 else f'<span class="data-ids">{mine[0]}–{mine[-1]}</span>'
        runs.append(run + (f" (not {', '.join(skipped)})" if skipped else ""))
    return ", ".join(runs)


def chapter_units(chosen: list[dict]) -> str:
    """The units of a chapter's printed tables, the commonest first (``NOK thousand``; ``%, persons, FTE``), so
    the overview shows which chapters are in money (designer s11r4). A unit a table gives one row of its own
    ("last row: %", D09) counts too, and the files of mixed units (the figures in sentences) add "mixed", last
    (reader s12: the column read as if a chapter's files were all in NOK thousand)."""
    counts: dict[str, int] = {}
    mixed = False
    for e in chosen:
        label = unit_label(e["unit"])
        if label == MIXED:
            mixed = True
            continue
        units = re.split(r" / |, ", label.split(" (")[0])
        units += [u.strip() for u in re.findall(r"\(last rows?: ([^)]+)\)", label)]
        for u in units:
            u = label if u == "NOK" else u  # "NOK (whole kroner)": a bare NOK reads as a slip
            counts[u] = counts.get(u, 0) + 1
    ranked = sorted(counts, key=lambda u: -counts[u])  # stable: ties keep their first appearance
    return ", ".join([*(_unbroken(escape(u)) for u in ranked), *(["mixed"] if mixed else [])])


def overview(entries: list[dict], order: list[str]) -> list[str]:
    """A small table before the chapters' tables: per chapter, its ids, files, printed tables and rows, each
    chapter a link to its table (designer s11r3: the counts stood only at the foot of five long tables)."""
    lines = [
        "```{table} The package by chapter: the ids of its printed tables, their units (the commonest first; "
        "*mixed*: the figures in sentences, each row with its own unit), its files, printed tables and rows",
        ":name: tab-package",
        "",
        "| Chapter | Ids | Units | Files | Tables | Rows |",
        "| :--- | :--- | :--- | ---: | ---: | ---: |",
    ]
    for number, chapter in enumerate(order, start=1):
        chosen = [e for e in entries if e["chapter"] == chapter]
        if not chosen:
            continue
        codes = [i for e in chosen for i in table_ids(e["source_table"])]
        lines.append(
            f"| {{ref}}`{number}. {escape(chapter_title(chapter).split(': ')[0].split('. ', 1)[-1])} "
            f"<{section_label(chapter)}>` | {id_runs(codes)} | {chapter_units(chosen)} | {len(chosen)} | {len(codes)} "
            f"| {fmt(sum(e['rows'] for e in chosen))} |"
        )
    lines.append(
        f"| **All** | | | **{len(entries)}** | **{sum(len(table_ids(e['source_table'])) for e in entries)}** "
        f"| **{fmt(sum(e['rows'] for e in entries))}** |"
    )
    return [*lines, "```"]


def area_names(entries: list[dict]) -> dict[str, str]:
    """The programme areas' names by number, for a file that gives only their numbers."""
    return {
        row["programme_area"]: row["programme_area_name"]
        for e in entries
        for row in e["frame"]
        if row.get("programme_area_name")
    }


# A chapter's table repeats its header after this many rows (a file's or a table's), so its Unit and Rows columns
# stay labelled on every screen of a long table (designer s12: T.2 and T.3 ran four to five screens without one).
REPEAT_HEADER_EVERY = 8
REHEAD_MARK = '<span class="data-rehead"></span>'


def _repeat_header(lines: list[str]) -> list[str]:
    """``lines`` with the header row of the table they end in repeated (marked, as a body row) before every
    :data:`REPEAT_HEADER_EVERY`-th row after it, where at least two rows follow (never just before the total),
    and only before a file's row, never among the rows of the tables under it (fact-check s12b: a header inside
    a group split it, and its rows' "as above" then pointed at the header)."""
    start = max(i for i, line in enumerate(lines) if line.startswith("| :---")) + 1
    body = lines[start:]
    out, since = [], 0
    for n, line in enumerate(body):
        if since >= REPEAT_HEADER_EVERY and len(body) - n >= 2 and "data-sub" not in line:
            out.append("| " + " | ".join([REHEAD_MARK + COLUMNS[0], *COLUMNS[1:]]) + " |")
            since = 0
        out.append(line)
        since += 1
    return lines[:start] + out


def render() -> str:
    """The Markdown of ``book/data.md``."""
    entries = tables()
    names = area_names(entries)
    printed = [i for e in entries for i in table_ids(e["source_table"])]
    tabled = [e for e in entries if table_ids(e["source_table"])]
    prose = [e for e in entries if e["source_table"] == PROSE]
    order = chapter_order()
    unknown = sorted({e["chapter"] for e in entries} - set(order))
    if unknown:
        raise ValueError(f"tables of chapters that are not in _toc.yml: {unknown}")
    lines = [
        "# Data: every table, for download",
        "",
        "<!-- Written by `python -m aarsevaluering.catalogue` from data/datapackage.json: do not edit by hand. -->",
        "",
        # The download first (designer s11r4: the page opened on how it is built, the zip below the fold).
        # The build writes the zip (aarsevaluering.citation); a plain link, since it is not a source file.
        f'Download every table in one file: <a href="../{BUNDLE_PATH}" download>{BUNDLE_NAME}.zip</a>, one '
        "folder with every table beside `datapackage.json` (so the descriptor's paths resolve), the files listed "
        "under *The package* except the audit tables, and `CITATION.cff` for citing the book.",
        "",
        "Every table the book uses is a CSV file transcribed from Drammen kommune's *Årsevaluering 2023*, with",
        "values exactly as printed (see {doc}`data_and_methods`). Each file below can be downloaded and read with",
        "any spreadsheet or data tool: UTF-8, comma-separated, one header row, one printed row per line, and a",
        "`source_line` column naming the line of the report's text where the row's numbers stand.",
        "",
        "The figures are Drammen kommune's. The transcription is offered under the Norwegian Licence for Open",
        "Government Data (NLOD 2.0), with attribution to Drammen kommune as the source.",
        "",
        "## The package",
        "",
        "Besides the tables, the package holds:",
        "",
    ]
    for name, what in PACKAGE_FILES:
        lines.append(f"- {download(f'data/{name}')}: {what}.")
    lines += [
        f"- {_audit_link(AUDIT_FILES[0])} and {_audit_link(AUDIT_FILES[1])}: every check the book makes, one row "
        f"each, with the printed and the recomputed figure, the difference, the class, the finding and its "
        f"verdict; and every finding, with its verdict, size, lines and explanation. The build writes them when "
        f"it runs the audit (`python -m aarsevaluering.audit` does the same); the "
        f"{{ref}}`audit page <{AUDIT_DOWNLOAD_LABEL}>` offers them with the book's estimates and the "
        f"management letter.",
        "",
        "This page is generated from the package's descriptor by `python -m aarsevaluering.catalogue`, so its "
        "lists, counts and line ranges are the descriptor's and the files' own.",
        "",
        "## The tables",
        "",
        f"{len(entries)} files, {fmt(sum(e['rows'] for e in entries))} rows in all, by chapter. The files hold "
        f"{len(printed)} of the report's printed tables ({len(tabled)} files, some with several tables of one "
        f"layout, such as one per programme area) and the figures the report gives in sentences ({len(prose)} "
        "files, one per chapter).",
        "",
        *overview(entries, order),
        "",
        "Every chapter's table has the same columns:",
        "",
        "- *Id*: the book's id for each printed table (the report numbers none, though it names its statements "
        "2A and 2B), by which the chapters cite it; each id is a link to the row that holds it (its file's row, "
        "or a row of its own under the file's), for a link or a citation "
        "(`data.html#table-d08`). `prose`: the figures the report gives in sentences, under the book's label.",
        "- *Title*: as printed, with the book's English; under it, in small type, where the table stands in the "
        "report: its section's headings (› between a heading and the one under it), the printed words to search "
        "the PDF for, and its lines in the report's text ({ref}`references-text`); then the CSV file. A file "
        "holding several printed tables has a row under it for each, marked ↳, with its own place and lines "
        "(for one table per programme area, the file's row says once how to find each). The figures in "
        "sentences stand all over the report: each row of their file gives its own line.",
        "- *Unit*: as the chapters write it; a table's row under its file has the file's unit (*as above*).",
        "- *Rows*: printed rows, totals included; a table's row under its file gives, in grey, how many of "
        "the file's rows it holds. A long table repeats its header every few rows.",
        "",
        GRID_STYLE,
    ]
    for number, chapter in enumerate(order, start=1):
        # The printed tables in the descriptor's order, the figures in sentences last.
        chosen = [e for e in entries if e["chapter"] == chapter and e["source_table"] != PROSE]
        chosen += [e for e in entries if e["chapter"] == chapter and e["source_table"] == PROSE]
        if not chosen:
            continue
        title = escape(chapter_title(chapter))
        lines += [
            "",
            f"({section_label(chapter)})=",
            f"### {title}",
            "",
            # The heading names the chapter; the caption links it (designer s10: a line under the heading
            # repeated it).
            # (a Markdown link: a role's backticks would end the fence's info string)
            f"```{{table}} The files of [chapter {number}](../notebooks/{chapter}.ipynb): each printed table, "
            "where it is in the report, its file, unit and rows",
            f":name: tab-data-{chapter}",
            # One grid for every chapter's table, so the columns do not move from table to table.
            f":widths: {' '.join(str(w) for w in WIDTHS)}",
            "",
            # The file's name and its title share a cell, the name above: the names are long and never
            # break, and a title's long Norwegian words neither, so a column each would not fit the page.
            "| " + " | ".join(COLUMNS) + " |",
            "| :--- | :--- | :--- | ---: |",
        ]
        for e in chosen:
            places = id_places(e, names)
            # Each id has an anchor on its own row: a file's row for the ids it holds alone, the rows
            # under it for the ids of a file holding several tables.
            own = [c for c in table_ids(e["source_table"]) if c not in {p[0] for p in places}]
            first = id_cell(e["source_table"], own)
            cells = [first, report_cell(e, places), unit_cell(e["unit"]), fmt(e["rows"])]
            lines.append(f"| {' | '.join(cells)} |")
            # A file holding several printed tables: a row for each, with what it covers and where; its unit is
            # the file's, and its rows are counted in the file's (designer s11: blank cells said neither).
            for code, what, a, b in places:
                lines.append(
                    f"| {id_cell(code, [code])} | {place_cell(e, code, what, a, b)} | as above "
                    f"| {fmt(place_rows(e, a, b))} |"
                )
        lines = _repeat_header(lines)
        # The chapter's total, bold, as the last row: the book's CSS sets it under a rule.
        files = f"{len(chosen)} file" + ("s" if len(chosen) > 1 else "")
        lines += [f"| **All** | **{files}** | | **{fmt(sum(e['rows'] for e in chosen))}** |", "```"]
        for e in chosen:
            if note := reading_note(e):
                lines += ["", note]
        for code, holder in gaps(entries, chapter):
            where = (
                f"in chapter {order.index(holder) + 1}'s table ({{doc}}`../notebooks/{holder}`)"
                if holder
                else "in no file: the book transcribes no such table"
            )
            lines += ["", f"{code}, missing from the run of ids above, is {where}."]
        if note := area_gaps(entries, chapter, names):
            lines += ["", note]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if args == ["--check"]:
        if PAGE.read_text(encoding="utf-8") != text:
            print(f"{PAGE} is out of date: run python -m aarsevaluering.catalogue")
            return 1
        return 0
    if args:
        print(__doc__)
        return 2
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
