"""The book's one tolerance rule, at each kind's boundary, and the findings that every check outside it
belongs to."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pandas as pd
import pytest
from conftest import REPO

from aarsevaluering import audit, checks, findings
from aarsevaluering.checks import (
    CLAIM,
    DISCREPANCY,
    ESTIMATE,
    ESTIMATE_KIND,
    EXACT,
    RESTATEMENT,
    ROUNDING,
    SHARE,
    SUM,
    TRUNCATED,
    Check,
    classify,
    corner_range,
    rounded,
    share_range,
)
from aarsevaluering.data import DataError


def _sum(printed, recomputed, terms, decimals=0, input_decimals=None):
    return Check("x", "t", "x", printed, recomputed, "NOK 1000", decimals, "t", "1", kind=SUM, terms=terms,
                 input_decimals=input_decimals).status  # fmt: skip


@pytest.mark.parametrize(
    ("printed", "recomputed", "terms", "status"),
    [
        (100, 100.4, 2, EXACT),
        (100, 101, 2, ROUNDING),  # a difference of two figures: up to (2 + 1)/2 = 1.5 units
        (100, 102, 2, DISCREPANCY),
        (1000, 1003, 5, ROUNDING),  # five parts: up to 3 units
        (1000, 1004, 5, DISCREPANCY),
        (1010058, 1010061, 17, ROUNDING),  # 17 subtotals: up to 9 units
        (1010058, 1010068, 17, DISCREPANCY),
    ],
)
def test_a_sum_of_n_rounded_figures_may_be_off_by_n_plus_one_halves(printed, recomputed, terms, status):
    assert _sum(printed, recomputed, terms) == status


def test_a_total_of_one_printed_row_is_a_restatement_with_no_band():
    assert _sum(16482, 16483, 1) == DISCREPANCY
    assert _sum(16482, 16482.4, 1) == EXACT


def test_a_sum_of_finer_figures_has_only_their_rounding_besides_its_own():
    # A prose figure in NOK million (1 decimal) against 3 table figures in NOK thousand (0.003 million).
    assert _sum(56.1, 56.0515, 3, decimals=1, input_decimals=3) == EXACT
    assert _sum(56.1, 56.0485, 3, decimals=1, input_decimals=3) == ROUNDING
    assert _sum(56.1, 56.0480, 3, decimals=1, input_decimals=3) == DISCREPANCY


@pytest.mark.parametrize(
    ("printed", "recomputed", "decimals", "status"),
    [
        (603.0, 603.023, 1, EXACT),
        (113.2, 113.261, 1, TRUNCATED),  # cut at the printed digit, not rounded
        (-113.2, -113.261, 1, TRUNCATED),
        (113.2, 113.3, 1, DISCREPANCY),  # a whole unit up: neither
        (603.2, 603.023, 1, DISCREPANCY),  # no band for a restatement
        (-0.2, 0.0, 1, DISCREPANCY),
        (9564, 9504.6, 0, DISCREPANCY),
    ],
)
def test_a_restatement_rounds_or_truncates_and_has_no_band(printed, recomputed, decimals, status):
    assert classify(printed, recomputed, decimals, RESTATEMENT) == status


def test_a_share_lies_in_the_range_its_rounded_inputs_allow():
    # 1 151 of 6 268 counts (exact) is 18.36 %: 18.4 is exact, 18.3 and 18.5 are not within the range.
    low, high = share_range(1151, 6268, 6, 6)
    assert classify(18.4, 100 * 1151 / 6268, 1, SHARE, low=low, high=high) == EXACT
    assert classify(18.3, 100 * 1151 / 6268, 1, SHARE, low=low, high=high) == DISCREPANCY
    # An FTE change from figures rounded to whole FTEs: 300 -> 303 is 0.67 % to 1.34 %.
    low, high = corner_range(lambda old, new: 100 * (new - old) / old, rounded(300), rounded(303))
    assert round(low, 2) == 0.67 and round(high, 2) == 1.34
    assert classify(1.3, 1.0, 1, SHARE, low=low, high=high) == ROUNDING
    assert classify(1.5, 1.0, 1, SHARE, low=low, high=high) == DISCREPANCY
    with pytest.raises(ValueError, match="needs the range"):
        Check("x", "t", "x", 1.0, 1.0, "percent", 1, "t", "1", kind=SHARE)


def test_estimates_are_never_graded_and_claims_hold_or_not():
    assert classify(569765, 453386, 0, ESTIMATE_KIND) == ESTIMATE
    assert classify(1, float("nan"), 0, ESTIMATE_KIND) == ESTIMATE
    assert classify(1, 1, 0, CLAIM) == EXACT
    assert classify(1, 0, 0, CLAIM) == DISCREPANCY
    with pytest.raises(ValueError, match="kind"):
        Check("x", "t", "x", 1, 1, "NOK", 0, "t", "1", kind="roughly")


@pytest.fixture(scope="module")
def all_checks() -> pd.DataFrame:
    return checks.run()


def test_every_check_outside_rounding_has_its_finding(all_checks):
    """Every discrepancy is in exactly one finding; no finding is empty or stale; every placeholder
    resolves; no estimate or truncation is judged as the report contradicting itself."""
    assert findings.problems(all_checks) == []


def test_findings_name_their_figures_by_placeholder_never_by_hand():
    """A finding's words carry no typed amount: figures come from checks or cells through placeholders.
    Line numbers, table ids (D08, P16, 2A), years and sections of law may be written."""
    allowed = re.compile(
        r"\blines? \d+(?:[–-]\d+)?(?:(?:, | and | to |–)\d+)*"  # line references
        r"|\b[A-Z]{1,3}\d{1,3}[a-z]?\b|\b2[AB]\b"  # table and programme-area ids, statements 2A and 2B
        r"|§ ?\d+-\d+|\b(?:19|20)\d\d\b"  # sections of law, years
    )
    typed = []
    for finding in findings.load():
        for text in (finding.title, finding.explanation, finding.wrong_figure):
            bare = allowed.sub("", findings.PLACEHOLDER.sub("", text))
            if re.search(r"\d", bare):
                typed.append(f"{finding.finding_id}: {re.findall(r'.{0,30}[0-9].{0,10}', bare)[:2]}")
    assert not typed, "figures typed by hand in findings:\n" + "\n".join(typed)


def test_a_bad_findings_file_names_the_file_and_the_finding(tmp_path, monkeypatch):
    (tmp_path / "pensjon.yaml").write_text("- id: x\n  title: t\n  verdict: wrong\n  checks: [a]\n  explanation: e\n")
    monkeypatch.setattr(findings, "FINDINGS_DIR", tmp_path)
    with pytest.raises(DataError, match=r"pensjon\.yaml, finding 1 \(x\): verdict 'wrong'"):
        findings.load()


def test_a_discrepancy_without_a_finding_is_reported(all_checks):
    loan_fund = [f for f in findings.load() if f.finding_id == "drift-loan-fund-interest-budget"]
    rest = [f for f in findings.load() if f not in loan_fund]
    assert loan_fund, "the loan fund's typo is a finding"
    missing = findings.problems(all_checks, rest)
    assert "discrepancy without a finding: drift_loan_fund_accounts.inntekter.sum.revised_budget_2023" in missing


def test_counts_separate_contradictions_from_the_rest(all_checks):
    counts = findings.counts(all_checks)
    assert counts["contradicted"] + counts["not_contradicted"] == counts["findings"] > 0
    assert sum(counts[s] for s in checks.STATUSES) == counts["checks"] == len(all_checks)


def test_the_audit_command_writes_every_check_and_every_finding(all_checks):
    run = [sys.executable, "-m", "aarsevaluering.audit"]
    written = subprocess.run(run, cwd=REPO, check=True, capture_output=True, text=True).stdout
    by_check = pd.read_csv(io.StringIO(written))
    assert list(by_check.columns[:11]) == ["check_id", "chapter", "what", "printed", "recomputed", "difference",
                                           "unit", "status", "finding_id", "verdict", "source_lines"]  # fmt: skip
    assert len(by_check) == len(all_checks)
    outside = by_check["finding_id"].isna()
    assert (by_check.loc[outside, "verdict"] == by_check.loc[outside, "status"]).all()
    assert set(by_check.loc[~outside, "verdict"]) <= set(findings.VERDICTS)
    out = subprocess.run([*run, "--findings"], cwd=REPO, check=True, capture_output=True, text=True).stdout
    by_finding = pd.read_csv(io.StringIO(out))
    assert list(by_finding.columns) == audit.FINDINGS_EXPORT
    assert set(by_finding["finding_id"]) == set(by_check["finding_id"].dropna())


def test_readme_states_the_counts(all_checks):
    """README gives the counts of checks and findings; they are what the checks give today."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    stated = re.search(
        r"\*\*(\d+) checks\*\*: (\d+) exact, (\d+) within rounding, (\d+) truncated, (\d+)\s+estimates and "
        r"(\d+) discrepancies\. The discrepancies come down to \*\*(\d+) findings\*\*: (\d+) errors and (\d+)\s+"
        r"inconsistencies, where the report contradicts itself, and (\d+) of scope and (\d+) unstated",
        readme,
    )
    assert stated, "README.md no longer states the counts of checks and findings"
    counts = findings.counts(all_checks)
    keys = ["checks", "exact", "rounding", "truncated", "estimate", "discrepancy", "findings", "error",
            "inconsistency", "scope", "unstated"]  # fmt: skip
    assert [int(g) for g in stated.groups()] == [counts[k] for k in keys], f"README.md states {stated.groups()}"
