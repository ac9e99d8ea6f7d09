"""Every printed column of every total row is checked (issue 24): the mechanical list of total and
subtotal rows × their printed numeric columns, deviation columns included, against the checks.

A cell counts as checked when changing it moves at least one graded check (not an estimate) of the
identities that read its table: its printed or recomputed figure, or its class (a total compared with
its rows, a deviation recomputed from its columns, a rate's total held between its rows, a figure
restated elsewhere). An identity that breaks on the change has noticed it too.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from aarsevaluering import checks
from aarsevaluering.data import package
from aarsevaluering.perturbation import _getter, _outcome, readers

TOTAL_KINDS = ("total", "subtotal")
NOT_PRINTED = ("source_line", "source_line_last")  # the book's references, not the report's figures


def total_cells() -> list[tuple[str, int, str, str]]:
    """(table, row position, column, label) of every filled numeric cell of a total or subtotal row."""
    out = []
    for name, res in sorted(package().items()):
        frame = checks.from_disk(name)
        if "row_kind" not in frame:
            continue
        numeric = [f["name"] for f in res.fields if f["type"] in ("integer", "number") and f["name"] not in NOT_PRINTED]
        for position, (_, row) in enumerate(frame.iterrows()):
            if row["row_kind"] not in TOTAL_KINDS:
                continue
            out += [(name, position, column, str(row["label"])) for column in numeric if pd.notna(row[column])]
    return out


@pytest.fixture(scope="module")
def cells() -> list[tuple[str, int, str, str]]:
    return total_cells()


def test_the_list_of_total_cells_covers_every_table_with_totals(cells):
    tables = {name for name, res in package().items() if "row_kind" in checks.from_disk(name)}
    with_totals = {name for name in tables if checks.from_disk(name)["row_kind"].isin(TOTAL_KINDS).any()}
    assert {cell[0] for cell in cells} == with_totals
    assert any(column.startswith("deviation") for _, _, column, _ in cells)  # deviation columns included


def _graded(outcome: tuple) -> set:
    """The checks of an identity's outcome that are graded (every item but estimates), as tuples."""
    return {item for item in outcome if len(item) < 5 or item[4] != checks.ESTIMATE_KIND}


def test_every_printed_column_of_every_total_row_is_checked(cells):
    by_table = readers()
    baseline = {func: _graded(_outcome(func, checks.from_disk)) for funcs in by_table.values() for func in funcs}
    unchecked = []
    for table, position, column, label in cells:
        value = checks.from_disk(table)[column].iloc[position]
        get = _getter(table, {(position, column): str(Decimal(str(value)) + 1000)})
        if not any(_graded(_outcome(func, get)) != baseline[func] for func in by_table.get(table, [])):
            unchecked.append(f"{table} | {label} | {column}")
    assert not unchecked, f"{len(unchecked)} of {len(cells)} total cells in no check:\n" + "\n".join(unchecked)
