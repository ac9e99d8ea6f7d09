"""Report-style tables: the printed rows in the printed order, numbers in the book's format,
totals set apart, labels shown as text (never as HTML), and fixed ids so stored outputs are stable."""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Mapping
from typing import NamedTuple

import pandas as pd
from pandas.io.formats.style import Styler

from .data import resource
from .fmt import NBSP, fmt, fmt_difference, pad_decimals, unit_name


class ReportTable(Styler):
    """A pandas Styler whose plain-text form names its table instead of a memory address, so a stored
    notebook's outputs are the same on every run (a Styler's own repr changes with each process)."""

    def __repr__(self) -> str:
        return f"<report table {self.uuid}>"


TOTAL_KINDS = ("total", "subtotal", "result")


def _decimals(table: str | None, column: str) -> int:
    """Decimals the report prints in ``column`` of ``table`` (0 for a derived column)."""
    if table is None:
        return 0
    try:
        return int(resource(table).field(column).get("decimals", 0))
    except KeyError:
        return 0


# Every report table: cells padded so neighbouring figures never run together, numbers right-aligned in
# tabular figures and never wrapped, text (labels) wrapping within its column, headers wrapping at spaces
# and set over their column (right over numbers), totals set apart by a rule above and some air. The
# rules go into the table's own <style> (scoped to its id by the Styler), so the table looks the same
# in JupyterLab and in the book; _static/aarsevaluering.css adds only what depends on the book's theme.
CELL = "padding: 0.3em 0.55em; vertical-align: top;"
NUMBER = "text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums lining-nums;"
TEXT = "text-align: left; white-space: normal; overflow-wrap: break-word; min-width: 6em;"
HEADER = "padding: 0.3em 0.55em; vertical-align: bottom; white-space: normal; font-weight: 600;"
TOTAL = "font-weight: 600; border-top: 1px solid currentColor; padding-top: 0.45em;"


def _report_styles(numeric: list[int], text: list[int], totals: list[int]) -> list[dict]:
    """Table styles for columns at these positions (Styler's ``col<n>``/``row<n>`` classes)."""
    styles = [
        {"selector": "", "props": "border-collapse: collapse; font-variant-numeric: tabular-nums lining-nums;"},
        {"selector": "caption", "props": "caption-side: top; text-align: left; padding: 0 0 0.4em 0;"},
        {"selector": "caption .table-unit", "props": "font-weight: normal;"},
        {"selector": "th", "props": HEADER + " text-align: left;"},
        {"selector": "thead th", "props": "border-bottom: 1px solid currentColor;"},
        {"selector": "td", "props": CELL},
    ]
    styles += [{"selector": f"th.col{i}", "props": "text-align: right;"} for i in numeric]
    styles += [{"selector": f"td.col{i}", "props": NUMBER} for i in numeric]
    styles += [{"selector": f"td.col{i}", "props": TEXT} for i in text]
    styles += [{"selector": f"td.row{i}", "props": TOTAL} for i in totals]
    return styles


def _caption(caption: str, unit: str | None) -> str:
    """The caption as HTML: the caption's text escaped, then the unit stated once for the whole table."""
    text = html.escape(caption)
    if unit:
        text += f'<span class="table-unit"> ({html.escape(unit_name(unit))})</span>'
    return text


def styled(
    frame: pd.DataFrame,
    table_id: str,
    columns: Mapping[str, str] | None = None,
    decimals: Mapping[str, int] | None = None,
    caption: str = "",
    total_mask: pd.Series | None = None,
    unit: str | None = None,
) -> Styler:
    """A report table of ``frame``: ``columns`` maps column -> header to show (in that order),
    ``decimals`` overrides the decimals per column, rows in ``total_mask`` (by default the rows whose
    ``row_kind`` is a total, subtotal or result) are set apart by a rule above them, and ``unit``
    (e.g. ``"NOK thousand"``) is stated once, after the caption, instead of in every header.

    Text is HTML-escaped, numbers are formatted with :func:`aarsevaluering.fmt.fmt`, right-aligned in
    tabular figures and never wrapped; text columns (the labels) wrap within their column. The table
    carries ``table_id`` as its id so the stored HTML is the same on every run.

    Every table should have a ``caption``: ``tests/test_table_captions.py`` finds the stored tables
    without one. (It is optional here only until every notebook passes that test.)
    """
    table = frame.attrs.get("table")
    if total_mask is None and "row_kind" in frame:
        total_mask = frame["row_kind"].isin(TOTAL_KINDS)
    shown = frame[list(columns)] if columns else frame
    view = shown.rename(columns=dict(columns) if columns else {}).reset_index(drop=True)
    formats, numeric, text = {}, [], []
    for position, (original, header) in enumerate(zip(shown.columns, view.columns, strict=True)):
        if pd.api.types.is_numeric_dtype(shown[original]):
            places = (decimals or {}).get(original, _decimals(table, original))
            formats[header] = lambda v, places=places: fmt(v, places)
            numeric.append(position)
        else:
            formats[header] = lambda v: "" if pd.isna(v) else html.escape(str(v))
            # A column of numbers already written as text (a mixed-unit column formatted row by row) is
            # still a column of numbers: right-aligned in tabular figures, like the others.
            (numeric if _written_numbers(shown[original]) else text).append(position)
    styler = ReportTable(view).format(formats).hide(axis="index").set_uuid(table_id)
    styler = styler.set_table_attributes('class="report-table"')
    if caption or unit:
        styler = styler.set_caption(_caption(caption, unit))
    totals = []
    if total_mask is not None:
        flags = total_mask.reindex(frame.index, fill_value=False).to_numpy()
        totals = [i for i, total in enumerate(flags) if bool(total)]
    return styler.set_table_styles(_report_styles(numeric, text, totals))


# A number as the book writes it: a qualifier the report prints with it ("about 38", "over 50"), sign,
# digits grouped by (no-break) spaces, decimals, an optional unit word of a mixed-unit column (%,
# percentage points, FTE, NOK ... million); or an en dash for none.
_WRITTEN_NUMBER = re.compile(
    r"(?:(?:about|over|under|almost|nearly)[\s\u00a0])?[\u2212+-]?(?:NOK[\s\u00a0])?\d{1,3}(?:[\s\u00a0]\d{3})*(?:\.\d+)?"
    r"(?:[\s\u00a0](?:%|percentage points|FTE|persons|hours|years|million|thousand|per year))?|\u2013|"
)


def _written_numbers(column: pd.Series) -> bool:
    """True when every cell of a text column is a number written out (or empty), and one at least is."""
    cells = [str(v).strip() for v in column if not pd.isna(v)]
    return any(cells) and all(_WRITTEN_NUMBER.fullmatch(c) for c in cells)


# A check's class marked as the book marks a finding's verdict (``_static/aarsevaluering.css``): a
# discrepancy with the vermilion bar on its cell's left edge; exact and rounding plain. (Green, yellow and
# pink tints, used nowhere else in the book, were read as a colour key of their own.)
CLASS_CELL = {"discrepancy": "check-class-discrepancy"}


# A space inside a number written in words ("9 564", "1.75 %") that must not break a line.
_NUMBER_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d)|%)")


def _unbreakable_numbers(text: str) -> str:
    """``text`` with the spaces inside its numbers (thousands, before %) made no-break spaces."""
    return _NUMBER_SPACE.sub(NBSP, text)


def _check_text(checks: pd.DataFrame) -> list[str]:
    """The check's wording with its unit and source lines folded in under it, as escaped HTML."""
    out = []
    for what, unit, lines in zip(checks["what"], checks["unit"], checks["source_lines"], strict=True):
        notes = [html.escape(unit_name(unit))] if isinstance(unit, str) and unit else []
        if not pd.isna(lines) and str(lines).strip():
            # "line 2115" for one line, "lines 2110–2115" or "lines 2110, 2115" for more
            word = "line" if str(lines).strip().isdigit() else "lines"
            notes.append(f"{word} {html.escape(str(lines).strip())}")
        note = f'<br><span class="check-note">{" · ".join(notes)}</span>' if notes else ""
        out.append(html.escape(_unbreakable_numbers(str(what))) + note)
    return out


def _recomputed_text(value, decimals: int) -> str:
    """A recomputed figure at the printed figure's decimals; one exactly half-way between two printed
    values (6.65 against 6.6) gets one decimal more, since rounded it would read as the other one."""
    try:
        scaled = abs(float(value)) * 10**decimals
    except (TypeError, ValueError):
        return fmt(value, decimals)
    halfway = math.isfinite(scaled) and abs(scaled - math.floor(scaled) - 0.5) < 1e-9
    return fmt(value, decimals + 1 if halfway else decimals)


def check_figures(checks: pd.DataFrame) -> dict[str, list[str]]:
    """The printed, recomputed and difference figures of checks as a table shows them: the printed one as
    printed; the difference at the printed decimals, or one more where it is not a whole printed unit
    (:func:`fmt_difference`); the recomputed one at the difference's decimals, so that printed minus
    recomputed reads as the difference shown (25.3 against 25.24, difference +0.06; at the printed
    decimals it read 25.2, which subtracts to 0.1) and a figure half-way between two printed values is
    never rounded to one of them. Each column's digits line up (:func:`pad_decimals`)."""
    printed, recomputed, difference = [], [], []
    for p, r, d, places in zip(
        checks["printed"], checks["recomputed"], checks["difference"], checks["decimals"].astype(int), strict=True
    ):
        shown = fmt_difference(d, places)
        finer = len(shown.split(".")[1]) if "." in shown else places
        printed.append(fmt(p, places))
        recomputed.append(_recomputed_text(r, max(places, finer)))
        difference.append(shown)
    return {
        "Printed": pad_decimals(printed),
        "Recomputed": pad_decimals(recomputed),
        "Difference": pad_decimals(difference),
    }


def checks_table(checks: pd.DataFrame, table_id: str, caption: str = "") -> Styler:
    """The checks of a chapter as a table that fits the 688 px text column: the check (its wording,
    with the unit and the source lines in small type under it; it wraps), printed, recomputed,
    difference (right-aligned, never wrapped; :func:`check_figures`) and the class."""
    view = pd.DataFrame(
        {
            "Check": _check_text(checks),
            **check_figures(checks),
            "Class": [html.escape(str(v)) for v in checks["status"]],
        }
    )
    styler = ReportTable(view).hide(axis="index").set_uuid(table_id)  # cells are escaped above
    styler = styler.set_table_attributes('class="report-table checks-table"')
    marks = pd.DataFrame("", index=view.index, columns=view.columns)
    marks["Class"] = [CLASS_CELL.get(str(v), "") for v in checks["status"]]
    styler = styler.set_td_classes(marks)
    if caption:
        styler = styler.set_caption(html.escape(caption))
    styles = _report_styles(numeric=[1, 2, 3], text=[0], totals=[])
    styles += [
        # Slightly smaller type and a narrower floor for the check's words: four number columns of
        # nine-digit kroner (D06) and the class still fit the 688 px column.
        {"selector": "", "props": "font-size: 0.9em;"},
        {"selector": "td.col0", "props": "min-width: 9em; overflow-wrap: anywhere;"},
        {"selector": "td, th", "props": "padding-left: 0.4em; padding-right: 0.4em;"},
        {"selector": "td.col4", "props": "white-space: nowrap;"},
        {"selector": ".check-note", "props": "font-size: 0.85em;"},
    ]
    return styler.set_table_styles(styles)


def interactive(
    frame: pd.DataFrame,
    table_id: str,
    caption: str,
    columns: Mapping[str, str] | None = None,
    filters: tuple[str, ...] = ("chapter", "status", "verdict"),
    decimals: Mapping[str, int] | None = None,
    unit: str | None = None,
) -> Styler:
    """A report table the reader can search, sort and filter in the book: a search box over every
    column, a drop-down per column named in ``filters`` (by its column in ``frame``; those absent
    are skipped), and a sort button in every header. ``columns``, ``decimals`` and ``unit`` are as in
    :func:`styled`; the table shows inside a box of its own height with a fixed header.

    The table is the same static, escaped report table :func:`styled` writes (so JupyterLab, a reader
    without JavaScript and nbval see the whole table, and the stored HTML is byte-identical on every
    run); ``_static/interactive-table.js``, which Jupyter Book loads on every page, turns every
    ``table.interactive-table`` into the searchable one. It reads and writes cells as text only.

    Why not a library: itables' offline mode stores the DataTables bundle (about 700 kB of JavaScript
    and CSS, base64) in the notebook's outputs and draws the rows from JSON, so the stored HTML holds
    an empty ``<table>`` (no header for the accessibility test, nothing for a reader without
    JavaScript) and its column filters are inputs without labels; sphinx-datatables loads DataTables
    from a CDN. About 150 lines of plain JavaScript do what the audit page needs, offline, with
    labelled controls, and leave the table itself as the report writes it.
    """
    styler = styled(frame, table_id, columns=columns, decimals=decimals, caption=caption, unit=unit)
    shown = dict(columns) if columns else {c: c for c in frame.columns}
    headers = [shown[c] for c in filters if c in shown]
    attributes = 'class="report-table interactive-table"'
    if headers:
        attributes += f' data-filter-columns="{html.escape("|".join(headers), quote=True)}"'
    # Slightly smaller type: a long list of checks with its sort buttons still fits the text column.
    styler = styler.set_table_styles([{"selector": "", "props": "font-size: 0.9em;"}], overwrite=False)
    return styler.set_table_attributes(attributes)


# ---------------------------------------------------------------------------------------------
# Tables whose rows open: a few short columns to scan, each row's details in a row of its own below it.


def row_toggle(summary: str, after: str = "") -> str:
    """A cell that opens its row's details: ``summary`` (HTML, escaped by the caller) as the summary of
    an empty ``<details>``; the book's CSS shows the row's details row while it is open (``:has``), so
    the details get the table's whole width and no JavaScript is needed to read them. ``after`` (HTML)
    follows the toggle in the cell: a link there stays outside the summary, as axe-core's
    nested-interactive rule requires (a link inside a summary is a control inside a control)."""
    return f'<td class="row-summary"><details><summary>{summary}</summary></details>{after}</td>'


class OpenRow(NamedTuple):
    """A row of :func:`expandable_table`: its cells (HTML, one of them a :func:`row_toggle`), the facts its
    details show as (term, HTML) pairs, the facets the drop-down filters read where no column of that
    name is shown, and an optional id for the row (a permalink)."""

    cells: list[str]
    facts: list[tuple[str, str]]
    facets: Mapping[str, str] = {}
    row_id: str = ""


def expandable_table(
    table_id: str,
    caption: str,
    headers: list[str],
    rows: list[OpenRow],
    numeric: tuple[int, ...] = (),
    filters: tuple[str, ...] = (),
    css_class: str = "",
    interactive: bool = True,
    compact: bool = False,
) -> str:
    """A compact table whose rows open: each :class:`OpenRow` shows its cells, and once opened its facts,
    one short row each across the whole table (a term, then its text), so no cell grows taller than a
    paragraph and nothing needs the width of a narrow column. With ``compact``, a row's facts (a few short
    ones) share one details row as one definition list: the audit page's list of every check had 70 000
    elements with a row per fact, which a browser lays out (and axe-core checks) slowly; three elements
    per fact made it 56 000, a ``<dt>``/``<dd>`` pair makes it about 45 000. Empty facts are left out. A row and its
    facts are one ``<tbody>``, so sorting and filtering (``_static/interactive-table.js``) move and hide
    them together; the drop-downs are the columns or facets named in ``filters``. Headers over the
    columns in ``numeric`` are set right, over their numbers; a short table (``interactive=False``) gets
    no search box. Cells and facts are the caller's HTML (escaped there); the caption, headers, terms
    and facets are escaped here."""
    head = "".join(
        f'<th scope="col"{NUMBER_HEAD if i in numeric else ""}>{html.escape(h)}</th>' for i, h in enumerate(headers)
    )
    groups = []
    for row in rows:
        values = html.escape(json.dumps(dict(row.facets), ensure_ascii=False), quote=True)
        data = f' data-facets="{values}"' if row.facets else ""
        ident = f' id="{html.escape(row.row_id, quote=True)}"' if row.row_id else ""
        given = [(term, value) for term, value in row.facts if value]
        if compact:  # one details row for all the facts (a few short ones), as one definition list
            pairs = "".join(f"<dt>{html.escape(term)}</dt><dd>{value}</dd>" for term, value in given)
            shown = [f'<dl class="detail-facts">{pairs}</dl>'] if given else []
        else:
            shown = [
                f'<div class="detail-fact{_long(value)}">'
                f'<span class="detail-term">{html.escape(term)}</span><span class="detail-value">{value}</span></div>'
                for term, value in given
            ]
        facts = "".join(f'<tr class="row-detail"><td colspan="{len(headers)}">{fact}</td></tr>' for fact in shown)
        groups.append(f'<tbody class="row-group"{data}><tr{ident}>{"".join(row.cells)}</tr>{facts}</tbody>')
    attrs = f' data-filter-columns="{html.escape("|".join(filters), quote=True)}"' if filters else ""
    classes = " ".join(["report-table", *(["interactive-table"] if interactive else []), "expandable-table", css_class])
    return (
        f'<table id="{html.escape(table_id)}" class="{classes.strip()}"'
        f"{attrs}><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>{''.join(groups)}</table>"
    )


def _long(value: str) -> str:
    """The class of a fact too long for the term's column beside it (it then takes the whole width)."""
    return " detail-long" if len(re.sub(r"<[^>]+>", "", value)) > LONG_FACT else ""


LONG_FACT = 250  # characters of text
# A header over numbers, set right (not the class "number": the book's CSS keeps those from wrapping).
NUMBER_HEAD = ' class="number-head"'
