"""Change every numeric cell of every table, one at a time, and count what the checks catch.

Every change must be caught (by the schema, the transcription test or an identity): with the report's
text, and without it, with the committed index of its figures. The identities alone catch a share
that says how self-checking the printed tables are; the figures are printed at the end of the test
run, and README.md states them.
"""

from __future__ import annotations

import os
import re

import pytest
from conftest import REPO

from aarsevaluering import perturbation
from aarsevaluering.perturbation import KINDS, changed_text
from aarsevaluering.source_index import load_index
from aarsevaluering.transcription import SOURCE_ENV, read_source, source_path


@pytest.fixture(scope="module")
def measured():
    """Every change, through the schema, the identities, and the transcription test on the index and
    (when AARSEVALUERING_SOURCE names it) on the text: one run of the identities for both."""
    path = source_path()
    source = read_source(path) if path else None
    results = perturbation.run(source=source, index=load_index(), workers=os.cpu_count() or 1)
    return source, results, perturbation.shares(results)


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


def readme_figures() -> dict[str, str]:
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    patterns = {
        "changes": r"\((\d+) changes;",
        "with_source": r"With the report's text, \*\*([\d.]+) %\*\* of the changes are caught",
        "with_index": r"against the committed index of its figures[^*]*\*\*([\d.]+) %\*\*",
        "without_source": r"With neither, the schema and the identities catch \*\*([\d.]+) %\*\*",
        "identities_values": r"catch \*\*([\d.]+) %\*\* of the changes to printed values",
        "identities": r"and \*\*([\d.]+) %\*\* of all changes",
    }
    found = {key: re.search(pattern, readme) for key, pattern in patterns.items()}
    missing = [key for key, match in found.items() if not match]
    assert not missing, f"README.md no longer states the perturbation figures {missing}"
    return {key: match.group(1) for key, match in found.items()}


def test_every_change_is_caught_with_the_index(measured, record_property):
    """No text needed: the schema, the identities and the transcription test on the index catch every
    change, and README.md states the figures this run finds."""
    _, results, shares = measured
    record_property("summary", "Perturbation test (% of changes detected):\n" + shares.to_string())
    missed = [r.perturbation for r in results if not (r.schema or r.index or r.identities)]
    assert not missed, f"{len(missed)} changes not detected without the text, e.g. {missed[:5]}"
    # Every numeric cell was changed, twice, but for ×10 of a zero.
    assert len(results) > 6000
    assert shares.loc["all tables", "with_index"] == 100.0
    assert 0 < shares.loc["all value cells", "identities"] < 100
    assert shares.loc["all tables", "without_source"] < 100  # the index is needed
    computed = {
        "changes": str(len(results)),
        "with_index": f"{shares.loc['all tables', 'with_index']:.0f}",
        "without_source": f"{shares.loc['all tables', 'without_source']:.1f}",
        "identities_values": f"{shares.loc['all value cells', 'identities']:.1f}",
        "identities": f"{shares.loc['all tables', 'identities']:.1f}",
    }
    stated = {key: value for key, value in readme_figures().items() if key in computed}
    assert stated == computed, f"README.md states {stated}, the test finds {computed}"


def test_every_change_is_caught_with_the_source_text(measured):
    source, results, shares = measured
    if source is None:
        pytest.skip(f"set {SOURCE_ENV} to the report's text to measure the transcription test on it")
    missed = [r.perturbation for r in results if not (r.schema or r.transcription or r.identities)]
    assert not missed, f"{len(missed)} changes not detected, e.g. {missed[:5]}"
    assert shares.loc["all tables", "with_source"] == 100.0
    assert readme_figures()["with_source"] == f"{shares.loc['all tables', 'with_source']:.0f}"
    # The index judges every change as the text does.
    assert [bool(r.index) for r in results] == [bool(r.transcription) for r in results]


SMALL_TABLES = ["drift_central_income", "bal_fund_reserves", "pension_central_items", "pers_full_time_share"]
SMALL_TABLES += ["pers_average_pay_total"]  # identities comparing cells of one row (a women's share implied by pay)


def test_narrowing_the_identities_loses_nothing():
    """Re-running only the identities that read a cell gives what re-running all of them gives."""
    narrowed = perturbation.run(SMALL_TABLES)
    exhaustive = perturbation.run(SMALL_TABLES, exhaustive=True)
    assert [r.identities for r in narrowed] == [r.identities for r in exhaustive]
    assert any(r.identities for r in narrowed) and not all(r.identities for r in narrowed)
