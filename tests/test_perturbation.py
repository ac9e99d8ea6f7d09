"""Change every numeric cell of every table, one at a time, and count what the checks catch.

Every change must be caught (by the schema, the transcription test or an identity): with the report's
text, and without it, with the committed index of its figures. The identities alone catch a share
that says how self-checking the printed tables are; the figures are printed at the end of the test
run, and README.md states them.

How much runs: every change goes through the schema and the transcription test (on the index, and on
the text when it is at hand) in every run, so "every change is caught" is always checked in full. The
identities are what costs (the whole sweep through them takes several minutes on two cores), so by
default only a sample goes through them: one change of every table, kind of change and kind of cell,
drawn with a seed (``AARSEVALUERING_PERTURBATION_SEED``, by default the commit checked out, so each
commit draws its own sample and a failure can be re-run with the seed the summary prints), and every
change of the rows the working tree or the last commit changed (``perturbation.changed_rows``). The
shares the identities catch are then estimates from the sample, and README.md's figures for them are
checked only in a full run: ``AARSEVALUERING_PERTURBATION=full make test`` (or ``python -m
aarsevaluering.perturbation``).
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess

import pytest
from conftest import REPO, TINY_CSV, TINY_DESCRIPTOR

from aarsevaluering import data as data_module
from aarsevaluering import perturbation
from aarsevaluering.data import DataError, package, read_rows, validate_rows
from aarsevaluering.perturbation import KINDS, changed_text
from aarsevaluering.source_index import load_index
from aarsevaluering.transcription import SOURCE_ENV, read_source, source_path

MODE_ENV, SEED_ENV = "AARSEVALUERING_PERTURBATION", "AARSEVALUERING_PERTURBATION_SEED"


def full_sweep() -> bool:
    """Every change through the identities too: ``AARSEVALUERING_PERTURBATION=full``."""
    mode = os.environ.get(MODE_ENV, "sample")
    assert mode in ("sample", "full"), f"{MODE_ENV}={mode!r}: expected 'sample' (the default) or 'full'"
    return mode == "full"


def seed() -> str:
    """The sample's seed: ``AARSEVALUERING_PERTURBATION_SEED``, else the commit checked out."""
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return os.environ.get(SEED_ENV) or (head.stdout.strip() if head.returncode == 0 else "") or "0"


@pytest.fixture(scope="module")
def measured():
    """Every change, through the schema, the transcription test on the index and (when
    AARSEVALUERING_SOURCE names it) on the text, and the identities (all, or a sample and the tables
    just changed): one run of the identities for both."""
    path = source_path()
    source = read_source(path) if path else None
    sample_seed, rows = (None, {}) if full_sweep() else (seed(), perturbation.changed_rows())
    results = perturbation.run(
        source=source, index=load_index(), workers=os.cpu_count() or 1, sample_seed=sample_seed, rows_in_full=rows
    )
    if sample_seed is None:
        how = "every change through the identities (full sweep)"
    else:
        how = (
            f"identities on a sample of {sum(r.identities is not None for r in results)} changes, seed "
            f"{sample_seed} ({SEED_ENV}={sample_seed} draws it again; {MODE_ENV}=full runs every change), "
            "and every change of the rows changed since the last commit or by it: "
            + (", ".join(f"{table} {len(changed)}" for table, changed in rows.items()) or "none")
        )
    return source, results, perturbation.shares(results), how


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
    change, and README.md states the figures this run finds (the identities' shares in a full run)."""
    _, results, shares, how = measured
    record_property("summary", f"Perturbation test (% of changes detected; {how}):\n" + shares.to_string())
    missed = [r.perturbation for r in results if not (r.schema or r.index or r.identities)]
    assert not missed, f"{len(missed)} changes not detected without the text, e.g. {missed[:5]}"
    # Every numeric cell was changed, twice, but for ×10 of a zero.
    assert len(results) > 6000
    assert shares.loc["all tables", "with_index"] == 100.0
    assert 0 < shares.loc["all value cells", "identities"] < 100
    assert shares.loc["all tables", "without_source"] < 100  # the index is needed
    computed = {"changes": str(len(results)), "with_index": f"{shares.loc['all tables', 'with_index']:.0f}"}
    if full_sweep():
        computed |= {
            "without_source": f"{shares.loc['all tables', 'without_source']:.1f}",
            "identities_values": f"{shares.loc['all value cells', 'identities']:.1f}",
            "identities": f"{shares.loc['all tables', 'identities']:.1f}",
        }
    stated = {key: value for key, value in readme_figures().items() if key in computed}
    assert stated == computed, f"README.md states {stated}, the test finds {computed}"


def test_the_identities_see_every_table_and_kind_of_change(measured):
    """A sampled run still puts changes of every table, every kind of change and every kind of cell
    through the identities, so an identity that stopped noticing could fail the test for any table."""
    _, results, _, _ = measured
    strata = {(r.perturbation.table, r.perturbation.kind, perturbation.cell_kind(r.perturbation)) for r in results}
    tried = {
        (r.perturbation.table, r.perturbation.kind, perturbation.cell_kind(r.perturbation))
        for r in results
        if r.identities is not None
    }
    assert tried == strata, f"never through the identities: {sorted(strata - tried)[:10]}"
    assert {r.perturbation.table for r in results} == set(package())


def test_every_change_is_caught_with_the_source_text(measured):
    source, results, shares, _ = measured
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


def test_the_quick_schema_check_is_the_whole_tables(tmp_path, monkeypatch):
    """Each change checked against the schema in its row (and its row key against the others') is
    refused or accepted as validating the whole changed table refuses or accepts it: on a few real
    tables, and on a tiny one keyed by its source line, where moving a row onto the next line repeats
    a key."""
    descriptor = copy.deepcopy(TINY_DESCRIPTOR)
    descriptor["resources"][0]["schema"]["primaryKey"] = ["source_line"]
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    (tmp_path / "tiny_table.csv").write_text(TINY_CSV, encoding="utf-8")
    monkeypatch.setenv("AARSEVALUERING_DATA", str(tmp_path))
    data_module._package.cache_clear()
    refused = quick_and_whole_agree(["tiny_table"])
    assert refused == 1  # line 1 moved onto line 2
    monkeypatch.delenv("AARSEVALUERING_DATA")
    data_module._package.cache_clear()
    quick_and_whole_agree(SMALL_TABLES)


def quick_and_whole_agree(tables: list[str]) -> int:
    """Assert that the quick schema check and the whole table's agree on every change; the number refused."""
    refused = 0
    for name in tables:
        res = package()[name]
        header, body = read_rows(res)
        rows = validate_rows(res, header, body)
        for p in perturbation.perturbations(res, rows):
            cells = [list(row) for row in body]
            cells[p.row][header.index(p.column)] = p.changed
            try:
                whole = validate_rows(res, header, cells)
            except DataError:
                whole = None
            assert perturbation._changed_rows(res, header, body, rows, p) == whole, p
            refused += whole is None
    return refused
