"""Report-style tables: the printed rows in the printed order, numbers in the book's format,
totals set apart, labels shown as text (never as HTML), and fixed ids so stored outputs are stable."""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd
from pandas.io.formats.style import Styler

from .data import resource
from .fmt import fmt

TOTAL_KINDS = ("total", "subtotal", "result")


def _decimals(table: str | None, column: str) -> int:
    """Decimals the report prints in ``column`` of ``table`` (0 for a derived column)."""
    if table is None:
        return 0
    try:
        return int(resource(table).field(column).get("decimals", 0))
    except KeyError:
        return 0


def styled(
    frame: pd.DataFrame,
    table_id: str,
    columns: Mapping[str, str] | None = None,
    decimals: Mapping[str, int] | None = None,
    caption: str = "",
    total_mask: pd.Series | None = None,
) -> Styler:
    """A Styler of ``frame``: ``columns`` maps column -> header to show (in that order),
    ``decimals`` overrides the decimals per column, rows in ``total_mask`` are bold.

    Text is HTML-escaped, numbers are formatted with :func:`aarsevaluering.fmt.fmt`, and the table
    carries ``table_id`` as its id so the stored HTML is the same on every run.
    """
    table = frame.attrs.get("table")
    if total_mask is None and "row_kind" in frame:
        total_mask = frame["row_kind"].isin(TOTAL_KINDS)
    shown = frame[list(columns)] if columns else frame
    view = shown.rename(columns=dict(columns) if columns else {})
    formats = {}
    for original, header in zip(shown.columns, view.columns, strict=True):
        if pd.api.types.is_numeric_dtype(shown[original]):
            places = (decimals or {}).get(original, _decimals(table, original))
            formats[header] = lambda v, places=places: fmt(v, places)
        else:
            formats[header] = lambda v: "" if pd.isna(v) else html.escape(str(v))
    styler = view.style.format(formats).hide(axis="index").set_uuid(table_id)
    styler = styler.set_table_attributes('class="report-table"')
    if caption:
        styler = styler.set_caption(html.escape(caption))
    numeric = [h for o, h in zip(shown.columns, view.columns, strict=True) if pd.api.types.is_numeric_dtype(shown[o])]
    styler = styler.set_properties(subset=numeric, **{"text-align": "right", "white-space": "nowrap"})
    if total_mask is not None and total_mask.any():
        rows = list(view.index[total_mask.reindex(view.index, fill_value=False).to_numpy()])
        styler = styler.set_properties(subset=pd.IndexSlice[rows, :], **{"font-weight": "bold"})
    styler = styler.set_table_styles([{"selector": "th", "props": "text-align: left; white-space: nowrap;"}])
    return styler


STATUS_COLOURS = {"exact": "#e7f4ec", "rounding": "#fff4d6", "discrepancy": "#fbe0dc"}


def checks_table(checks: pd.DataFrame, table_id: str, caption: str = "") -> Styler:
    """The checks of a chapter as a table: what, printed, recomputed, difference, status."""
    view = checks.assign(
        printed_text=[fmt(v, int(d)) for v, d in zip(checks["printed"], checks["decimals"], strict=True)],
        recomputed_text=[fmt(v, int(d)) for v, d in zip(checks["recomputed"], checks["decimals"], strict=True)],
        difference_text=[
            fmt(v, int(d), sign=True) for v, d in zip(checks["difference"], checks["decimals"], strict=True)
        ],
    )
    columns = {
        "what": "Check",
        "printed_text": "Printed",
        "recomputed_text": "Recomputed",
        "difference_text": "Difference",
        "unit": "Unit",
        "status": "Class",
        "source_lines": "Lines",
    }
    shown = view[list(columns)].rename(columns=columns)
    styler = shown.style.format(lambda v: html.escape(str(v))).hide(axis="index").set_uuid(table_id)
    styler = styler.set_table_attributes('class="report-table checks-table"')
    styler = styler.map(lambda v: f"background-color: {STATUS_COLOURS.get(v, 'inherit')}", subset=["Class"])
    styler = styler.set_properties(subset=["Printed", "Recomputed", "Difference"], **{"text-align": "right"})
    styler = styler.set_properties(subset=["Printed", "Recomputed", "Difference", "Class"], **{"white-space": "nowrap"})
    if caption:
        styler = styler.set_caption(html.escape(caption))
    return styler
