"""Change every numeric cell of every table, one at a time, and count what the checks catch.

With the report's text, every change must be caught (by the schema, the transcription test or an
identity). Without it, the identities alone catch a share that says how self-checking the printed
tables are; both figures are printed at the end of the test run.
"""

from __future__ import annotations

import os
import re

import pytest
from conftest import REPO

from aarsevaluering import perturbation
from aarsevaluering.perturbation import KINDS, changed_text


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("1234", KINDS[0], "1235"),
        ("-1234", KINDS[0], "-1233"),
        ("0.2", KINDS[0], "0.3"),
        ("-0.1", KINDS[0], "0.0"),
        ("12.40", KINDS[0], "12.41"),
        ("1234", KINDS[1], "12340"),
        ("0.2", KINDS[1], "2.0"),
        ("0", KINDS[1], "0"),
    ],
)
def test_a_change_keeps_the_printed_decimals(text, kind, expected):
    assert changed_text(text, kind) == expected


def test_every_change_is_caught_with_the_source_text(source_lines, record_property):
    results = perturbation.run(source=source_lines, workers=os.cpu_count() or 1)
    shares = perturbation.shares(results)
    record_property("summary", "Perturbation test (% of changes detected):\n" + shares.to_string())
    missed = [r.perturbation for r in results if not (r.schema or r.transcription or r.identities)]
    assert not missed, f"{len(missed)} changes not detected, e.g. {missed[:5]}"
    # Every numeric cell was changed, twice, but for ×10 of a zero.
    assert len(results) > 6000
    assert shares.loc["all tables", "with_source"] == 100.0
    assert 0 < shares.loc["all value cells", "identities"] < 100
    # The figures README.md gives are these.
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"\((\d+) changes;.*?catch \*\*([\d.]+) %\*\* of the\s+changes to printed values and "
                       r"\*\*([\d.]+) %\*\* of all changes", readme, re.DOTALL)  # fmt: skip
    assert stated, "README.md no longer states the perturbation figures"
    computed = (
        str(len(results)),
        f"{shares.loc['all value cells', 'identities']:.1f}",
        f"{shares.loc['all tables', 'identities']:.1f}",
    )
    assert stated.groups() == computed, f"README.md states {stated.groups()}, the test finds {computed}"


SMALL_TABLES = ["drift_central_income", "bal_fund_reserves", "pension_central_items", "pers_full_time_share"]
SMALL_TABLES += ["pers_average_pay_total"]  # identities comparing cells of one row (a women's share implied by pay)


def test_narrowing_the_identities_loses_nothing():
    """Re-running only the identities that read a cell gives what re-running all of them gives."""
    narrowed = perturbation.run(SMALL_TABLES)
    exhaustive = perturbation.run(SMALL_TABLES, exhaustive=True)
    assert [r.identities for r in narrowed] == [r.identities for r in exhaustive]
    assert any(r.identities for r in narrowed) and not all(r.identities for r in narrowed)
