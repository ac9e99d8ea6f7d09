"""The book's one tolerance rule, at each kind's boundary, and the findings that every check outside it
belongs to."""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
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
from aarsevaluering.data import DataError, package


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
    # A Sum of one row in the same table and unit is rounded from the same amount as the row: no cut, so
    # one unit below it is a discrepancy (2B's «Prosjekt mangler», issue 24's audit round 1).
    assert _sum(16482, 16483, 1) == DISCREPANCY
    assert _sum(16483, 16482, 1) == DISCREPANCY  # above its row: not a cut
    assert _sum(16482, 16484, 1) == DISCREPANCY
    assert _sum(16482, 16482.4, 1) == EXACT


def test_each_part_of_a_sum_counts_half_of_its_own_unit():
    # Four causes in tenths of a million and one in whole millions (the bridge's dividends), in NOK million.
    check = Check("x", "t", "x", 78.1, 78.0, "NOK million", 1, "t", "1", kind=SUM, terms=5,
                  input_decimals=(1, 1, 1, 1, 0))  # fmt: skip
    assert check.tolerance == pytest.approx(0.05 + 4 * 0.05 + 0.5)
    assert _sum(78.1, 77.4, 5, decimals=1, input_decimals=(1, 1, 1, 1, 0)) == ROUNDING
    assert _sum(78.1, 77.4, 5, decimals=1, input_decimals=1) == DISCREPANCY
    with pytest.raises(ValueError, match="parts' decimals"):
        Check("x", "t", "x", 1, 1, "NOK", 0, "t", "1", kind=SUM, terms=3, input_decimals=(0, 0))


def test_the_probability_of_a_gap_when_the_total_is_rounded_from_the_same_amounts():
    # Two parts in the total's unit: the gap is their summed errors (triangular on ±1) rounded, so
    # P(|gap| >= 1) = P(|E| >= 0.5) = 1/4; a gap of 0 always happens or is exceeded.
    assert checks.rounding_probability(11, 10, 0, [0, 0]) == pytest.approx(0.25)
    assert checks.rounding_probability(10, 10, 0, [0, 0]) == pytest.approx(1.0)
    # Five parts, gap 2: P(|E| >= 1.5) = 2/5! = 1.67 % (the total's own rounding is no further error);
    # four parts, gap 2: 2 × 0.5⁴/4! = 0.52 %.
    assert checks.rounding_probability(102, 100, 0, [0] * 5) == pytest.approx(2 / 120)
    assert checks.rounding_probability(98, 100, 0, [0] * 4) == pytest.approx(2 * 0.5**4 / 24)
    # Three parts cannot leave 2 units (|E| < 1.5): the rule's band of (n + 1)/2 is the worst case.
    assert checks.rounding_probability(102, 100, 0, [0] * 3) == 0.0
    # A 46-term sum may be 23.5 units off under the rule; a gap of 23 units is next to impossible.
    assert checks.rounding_probability(123, 100, 0, [0] * 46) < 1e-60


@pytest.mark.parametrize(
    ("decimals", "part_decimals", "gap"),
    [(0, (0,) * 5, 2), (0, (0,) * 4, 2), (0, (0,) * 3, 1), (1, (1, 1, 1, 1, 0), 0.4), (1, (3, 3, 3), 0.1)],
)
def test_the_probability_of_a_gap_against_a_simulation(decimals, part_decimals, gap):
    """Draw true amounts, print each part and the total rounded from their exact sum, and count how
    often the printed total and the sum of the printed parts lie at least ``gap`` apart."""
    rng = np.random.default_rng(24)
    draws = 400_000
    amounts = rng.uniform(0, 1000, (len(part_decimals), draws))
    printed_parts = np.stack([np.round(a, d) for a, d in zip(amounts, part_decimals, strict=True)])
    gaps = np.round(amounts.sum(axis=0), decimals) - printed_parts.sum(axis=0)
    simulated = (np.abs(gaps) >= gap - 1e-9).mean()
    # The parts' sum on the total's grid, here at 100 (the gap does not depend on where it lies).
    exact = checks.rounding_probability(100 + gap, 100, decimals, part_decimals)
    assert exact == pytest.approx(simulated, abs=4 * np.sqrt(max(simulated, 1e-4) / draws) + 1e-4)


def test_the_float_slack_is_noise_only(all_checks, monkeypatch):
    """The slack for floating-point noise is far below the printed unit for every check, and neither a
    hundredth nor a hundred times of it changes any check's class."""
    unit = 10.0 ** -all_checks["decimals"].astype(float)
    size = all_checks[["printed", "recomputed"]].abs().max(axis=1)
    slack = checks.UNIT_SLACK * unit + checks.SIZE_SLACK * size
    assert (slack < 1e-3 * unit).all()
    for factor in (0.01, 100):
        monkeypatch.setattr(checks, "UNIT_SLACK", checks.UNIT_SLACK * factor)
        monkeypatch.setattr(checks, "SIZE_SLACK", checks.SIZE_SLACK * factor)
        assert list(checks.run()["status"]) == list(all_checks["status"]), factor
        monkeypatch.undo()


def test_a_sum_of_finer_figures_has_only_their_rounding_besides_its_own():
    # A prose figure in NOK million (1 decimal) against 3 table figures in NOK thousand (0.003 million).
    assert _sum(56.1, 56.0515, 3, decimals=1, input_decimals=3) == EXACT
    assert _sum(56.1, 56.0485, 3, decimals=1, input_decimals=3) == ROUNDING
    assert _sum(56.1, 56.0480, 3, decimals=1, input_decimals=3) == DISCREPANCY


def test_a_truncation_allows_half_the_restated_figures_own_unit_only_where_given():
    """Data and methods: a cut figure may lie up to one printed unit plus half a unit of the table's figure
    below it. The half unit is the table figure's (``source_decimals``), not the printed figure's."""
    assert classify(113.2, 113.3, 1, RESTATEMENT, source_decimals=1) == TRUNCATED  # 113.26 behind 113.3
    assert classify(113.2, 113.31, 1, RESTATEMENT, source_decimals=3) == DISCREPANCY  # 113.3095 at least: 113.3
    assert classify(1.618, 1.619, 3, RESTATEMENT, source_decimals=3) == TRUNCATED  # P03: 1 618 6xx kroner
    assert classify(1.618, 1.6195, 3, RESTATEMENT, source_decimals=3) == DISCREPANCY
    assert classify(605, 605.694, 0, RESTATEMENT) == TRUNCATED  # under one unit: a cut with no half unit
    frame = checks.run()
    restated = frame[(frame["kind"] == RESTATEMENT) & (frame["status"] == TRUNCATED)]
    assert len(restated) and (restated["input_decimals"] != "").all()  # each gives its table's decimals


@pytest.mark.parametrize(
    ("printed", "recomputed", "decimals", "status"),
    [
        (603.0, 603.023, 1, EXACT),
        (113.2, 113.261, 1, TRUNCATED),  # cut at the printed digit, not rounded
        (-113.2, -113.261, 1, TRUNCATED),
        (113.2, 113.3, 1, DISCREPANCY),  # one unit up, the restated figure's own unit not given: not a cut
        (113.2, 113.4, 1, DISCREPANCY),  # two units: neither
        (113.3, 113.2, 1, DISCREPANCY),  # larger than the figure it restates: not a cut
        (603.2, 603.023, 1, DISCREPANCY),  # no band for a restatement
        (-0.2, 0.0, 1, DISCREPANCY),
        (9564, 9504.6, 0, DISCREPANCY),
    ],
)
def test_a_restatement_rounds_or_truncates_and_has_no_band(printed, recomputed, decimals, status):
    assert classify(printed, recomputed, decimals, RESTATEMENT) == status


def test_a_truncated_restatement_allows_one_unit_and_half_the_source_unit():
    # P03's frame: 1 619 thousand in its table, 1.618 million in the text (kroner cut at the thousand).
    assert classify(1.618, 1.619, 3, RESTATEMENT, source_decimals=3) == TRUNCATED
    # A text figure in tenths restating thousands: at most a tenth and half a thousandth.
    assert classify(97.3, 97.3995, 1, RESTATEMENT, source_decimals=3) == TRUNCATED
    assert classify(97.4, 97.324, 1, RESTATEMENT, source_decimals=3) == DISCREPANCY
    assert classify(97.3, 97.4006, 1, RESTATEMENT, source_decimals=3) == DISCREPANCY


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


@pytest.mark.parametrize("chapter", ["balanse", "driftsregnskap", "investeringsregnskap", "pensjon", "personnel"])
def test_a_chapter_s_findings_render_from_its_own_checks(chapter):
    """A chapter shows its findings from its own checks (``checks.run(chapter)``), so every placeholder
    of its findings names a check of that chapter (a figure from elsewhere is pasted as a printed cell)."""
    own = checks.run(chapter)
    assert findings.problems(own, findings.load(chapter)) == []
    findings.counts(own, findings.load(chapter))


def test_findings_name_their_figures_by_placeholder_never_by_hand():
    """A finding's words carry no typed amount: figures come from checks or cells through placeholders.
    Line numbers, table ids (D08, P16, 2A), years and sections of law may be written."""
    allowed = re.compile(
        r"\b[Ll]ines? \d+(?:[–-]\d+)?(?:(?:, | and | to |–)\d+)*"  # line references
        r"|\b[A-Z]{1,3}\d{1,3}[a-z]?\b|\b2[AB]\b"  # table and programme-area ids, statements 2A and 2B
        r"|§ ?\d+-\d+|\b(?:19|20)\d\d\b"  # sections of law, years
    )
    typed = []
    for finding in findings.load():
        texts = (finding.title, finding.explanation, finding.wrong_figure, finding.should_read, finding.rests_on)
        for text in (*texts, finding.figure):
            bare = allowed.sub("", findings.PLACEHOLDER.sub("", text))
            if re.search(r"\d", bare):
                typed.append(f"{finding.finding_id}: {re.findall(r'.{0,30}[0-9].{0,10}', bare)[:2]}")
    assert not typed, "figures typed by hand in findings:\n" + "\n".join(typed)


def test_a_bad_findings_file_names_the_file_and_the_finding(tmp_path, monkeypatch):
    (tmp_path / "pensjon.yaml").write_text(
        "- id: x\n  label: X\n  title: t\n  verdict: wrong\n  checks: [a]\n  explanation: e\n"
    )
    monkeypatch.setattr(findings, "FINDINGS_DIR", tmp_path)
    with pytest.raises(DataError, match=r"pensjon\.yaml, finding 1 \(x\): verdict 'wrong'"):
        findings.load()


ENTRY = "- id: {id}\n{label}  title: t\n  verdict: unstated\n  nature: hr\n  checks: [a]\n  explanation: e\n"


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ([None], r"personnel\.yaml, finding 1 \(p-1\): missing \['label'\]"),
        (["Fine", ""], r"personnel\.yaml, finding 2 \(p-2\): label '' must be 1 to 32 characters, not 0"),
        (["x" * 33], r"personnel\.yaml, finding 1 \(p-1\): label 'x{33}' must be 1 to 32 characters, not 33"),
        (
            ["Same words", "same  words"],
            r"one label for two findings: p-1 \(personnel\.yaml\), p-2 \(personnel\.yaml\)",
        ),
    ],
)
def test_every_finding_has_a_short_label_of_its_own(tmp_path, monkeypatch, labels, message):
    """A finding's label names its row in the materiality chart: a missing, empty, too long (over
    ``LABEL_CHARS``) or shared label stops loading, naming the file and the finding."""
    entries = [
        ENTRY.format(id=f"p-{n}", label="" if label is None else f"  label: {label!r}\n")
        for n, label in enumerate(labels, start=1)
    ]
    (tmp_path / "personnel.yaml").write_text("".join(entries))
    monkeypatch.setattr(findings, "FINDINGS_DIR", tmp_path)
    with pytest.raises(DataError, match=message):
        findings.load()


def test_the_book_s_labels_are_short_words_and_the_register_carries_them(all_checks):
    """Every finding of the book has a label of at most ``LABEL_CHARS`` characters, words rather than its id,
    and the register and its CSV carry it beside the id."""
    every = findings.load()
    assert all(0 < len(f.label) <= findings.LABEL_CHARS and f.label != f.finding_id for f in every)
    assert not [f.finding_id for f in every if re.fullmatch(r"[a-z0-9-]+", f.label)], "a label that is a slug"
    register = findings.table(all_checks)
    by_id = {f.finding_id: f.label for f in every}
    assert list(register["label"]) == [by_id[i] for i in register["finding_id"]]
    assert audit.FINDINGS_EXPORT.index("label") == audit.FINDINGS_EXPORT.index("finding_id") + 2
    # The chart's row name is the name of its row in the register (matched by eye, designer r4b), whose id is
    # the permalink; the title, the finding in a sentence, is in the opened row.
    markup = findings.register_html(register)
    for fid, label, title in zip(register["finding_id"], register["label"], register["title"], strict=True):
        row = re.search(rf'<tbody class="row-group"[^>]*><tr id="finding-{re.escape(fid)}">.*?</tbody>', markup)
        assert row and f"<summary>{html.escape(label)}</summary>" in row.group(0), fid
        assert f'<span class="detail-value">{findings._words(title)}</span>' in row.group(0), fid


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
    assert sum(counts[f"nature_{n}"] for n in findings.NATURES) == counts["findings"]
    levels = [f"level_{findings.LEVEL_KEYS[lvl]}" for lvl in findings.LEVELS]
    assert sum(counts[key] for key in levels) == counts["findings"]


def test_the_register_holds_no_finding_of_estimates_only(all_checks):
    """A finding whose checks are all the book's estimates is listed apart, never in the register; the
    register and the estimates together are every entry of the findings files that gathers a check."""
    assigned = findings.assign(all_checks)
    register, estimates = findings.table(all_checks), findings.estimates(all_checks)
    for fid in register["finding_id"]:
        assert (assigned.loc[assigned["finding_id"] == fid, "status"] != checks.ESTIMATE).any(), fid
    for fid in estimates["finding_id"]:
        assert (assigned.loc[assigned["finding_id"] == fid, "status"] == checks.ESTIMATE).all(), fid
    gathered = set(assigned.loc[assigned["finding_id"] != "", "finding_id"])
    assert gathered == set(register["finding_id"]) | set(estimates["finding_id"])
    assert findings.counts(all_checks)["book_estimates"] == len(estimates) > 0
    a_model = next(f for f in findings.load() if f.finding_id in set(estimates["finding_id"]))
    as_finding = [replace(a_model, verdict="unstated", nature="narrative")]
    assert any("holds only estimates" in p for p in findings.problems(all_checks, as_finding))


def test_materiality_is_a_share_of_gross_operating_income_and_places_each_finding(all_checks):
    thresholds = findings.materiality()
    assert thresholds["overall"] == pytest.approx(thresholds["base"] * findings.MATERIALITY_PCT / 100)
    assert thresholds["trivial"] == pytest.approx(thresholds["overall"] * findings.TRIVIAL_SHARE_PCT / 100)
    register = findings.table(all_checks)
    by_id = {f.finding_id: f for f in findings.load()}
    for _, row in register.iterrows():
        expected = findings.level(row["size_nok_million"], thresholds)
        assert row["materiality_by_size"] == expected, row["finding_id"]
        assert row["materiality"] == findings.weigh(by_id[row["finding_id"]], row["size_nok_million"], thresholds)
        money = row["unit"] in checks.IN_NOK_THOUSAND and row["size_text"] != ""
        assert (row["materiality_by_size"] != findings.QUALITATIVE) == money, row["finding_id"]
        if row["verdict"] not in findings.CONTRADICTED:  # scope and unstated are out of the counts
            assert row["materiality"] == findings.NOT_WEIGHED, row["finding_id"]
    assert findings.level(thresholds["overall"], thresholds) == findings.MATERIAL
    assert findings.level(thresholds["trivial"], thresholds) == findings.TRIVIAL


def test_qualitative_factors_move_findings_as_stated(all_checks):
    """A fiscal-rule indicator is material whatever its size; a cell that flows into no total, or a
    wrong label on a right amount, is one level lower; a key figure not in NOK is material by nature."""
    thresholds = findings.materiality()
    by_id = {f.finding_id: f for f in findings.load()}
    # The adopted surplus's slip touches no indicator of the rules (they measure the actual result): by size.
    surplus = by_id["drift-original-budget-surplus"]
    assert "fiscal-rule" not in surplus.qualitative
    assert findings.weigh(surplus, thresholds["trivial"] / 2, thresholds) == findings.TRIVIAL
    ruled = replace(surplus, qualitative=("fiscal-rule",))
    assert findings.weigh(ruled, thresholds["trivial"] / 2, thresholds) == findings.MATERIAL
    typo = by_id["drift-loan-fund-interest-budget"]
    assert findings.weigh(typo, 2 * thresholds["overall"], thresholds) == findings.BELOW_MATERIALITY
    plain = replace(typo, qualitative=())
    assert findings.weigh(plain, 2 * thresholds["overall"], thresholds) == findings.MATERIAL
    share = by_id["pers-part-time-women-text"]
    assert findings.weigh(share, float("nan"), thresholds) == findings.BY_NATURE_MATERIAL
    assert findings.weigh(replace(share, qualitative=()), float("nan"), thresholds) == findings.BY_NATURE_NOT


def test_the_aggregation_schedule_sums_the_uncorrected_misstatements(all_checks):
    register = findings.table(all_checks)
    thresholds = findings.materiality()
    schedule = findings.aggregation(register, thresholds).set_index("group")
    money = register[register["verdict"].isin(findings.CONTRADICTED) & register["size_nok_million"].notna()]
    assert schedule["findings"].sum() == len(money)
    # Only figures that flow into the accounts and tables are summed: no narrative, no cell in no total.
    by_id = {f.finding_id: f for f in findings.load()}
    summed = [i for i in money["finding_id"] if by_id[i].nature != "narrative"
              and not {"no-total", "label-only"} & set(by_id[i].qualitative)]  # fmt: skip
    total = money.set_index("finding_id").loc[summed, "size_nok_million"].sum()
    assert schedule["total_nok_million"].iloc[0] == pytest.approx(total)
    assert schedule["exceeds"].iloc[0] == (total >= findings.materiality()["overall"])


def test_the_management_letter_ranks_the_corrections(all_checks):
    letter = findings.letter(all_checks)
    assert list(letter["rank"]) == list(range(1, len(letter) + 1)) and len(letter) > 0
    order = letter["materiality"].map({lvl: i for i, lvl in enumerate(findings.LETTER_LEVELS)})
    assert order.is_monotonic_increasing
    for level, group in letter.groupby("materiality"):
        if group["size_nok_million"].notna().all():
            assert group["size_nok_million"].is_monotonic_decreasing, level
    assert (letter["should_read"] != "").all() and (letter["search"] != "").all()
    assert (letter["response"] == findings.NO_RESPONSE).all() and (letter["owner"] != "").all()
    # One unit per column: money in NOK million, the printed form only where the figure is not money.
    money = letter["printed_nok_million"].notna()
    assert (letter.loc[money, "printed_form"] == "").all()
    register = findings.table(all_checks)
    wanted = register.loc[register["should_read"] != "", "finding_id"]
    assert set(letter["finding_id"]) == set(wanted)
    # Every error and inconsistency is a recommended correction.
    contradicted = register.loc[register["verdict"].isin(findings.CONTRADICTED), "finding_id"]
    assert set(contradicted) <= set(letter["finding_id"])


def _source_text() -> str | None:
    path = Path(os.environ.get("AARSEVALUERING_SOURCE", REPO.parent / "shared" / "source" / "aarsevaluering-2023.txt"))
    return " ".join(path.read_text(encoding="utf-8").split()) if path.exists() else None


def test_every_locator_can_be_found_in_the_report(all_checks):
    """Each finding names its section and printed words to search for, and each table its caption and
    words, in data/datapackage.json; where the report's text is at hand, each caption and search string
    is printed in it (whitespace aside), so a reader can find it in the published PDF."""
    register = findings.table(all_checks)
    assert (register["section"] != "").all() and (register["search"] != "").all()
    strings = {s for column in ("caption", "search") for s in register[column] if s}
    for res in package().values():
        spec = res.spec["locator"]
        assert spec["heading_path"], res.name
        strings |= {s for s in (spec["caption"], spec["search"]) if s}
    text = _source_text()
    if text is None:  # without the text, at least each string is printed words, not a line number
        assert all(re.search(r"[A-Za-zÆØÅæøå]{3}", s) for s in strings)
        return
    missing = sorted(s for s in strings if " ".join(s.split()) not in text)
    assert not missing, f"locators not printed in the report: {missing}"


def test_a_finding_on_one_of_several_printed_tables_in_a_resource_names_that_table(all_checks):
    """Where one CSV holds several printed tables (its locator's ``parts``), a finding's caption is the
    printed table its figure stands in: the nearest of the resource's captions above the figure's line."""
    path = Path(os.environ.get("AARSEVALUERING_SOURCE", REPO.parent / "shared" / "source" / "aarsevaluering-2023.txt"))
    lines = [" ".join(text.split()) for text in path.read_text(encoding="utf-8").splitlines()]
    register = findings.table(all_checks).set_index("finding_id")
    assigned = findings.assign(all_checks)
    checked = 0
    for res in package().values():
        parts = res.spec["locator"].get("parts", [])
        captions = {res.spec["locator"]["caption"], *(part["caption"] for part in parts)}
        if not parts:
            continue
        for fid in set(assigned.loc[assigned["table"] == res.name, "finding_id"]) & set(register.index):
            line = int(register.loc[fid, "line"])
            above = {c: max((i + 1 for i, text in enumerate(lines[:line]) if c in text), default=0) for c in captions}
            assert register.loc[fid, "caption"] == max(above, key=above.get), fid
            checked += 1
    assert checked >= 2  # the temporary and the part-time tables of the staff's gender and age


# A search string must stand within this many lines of the finding's line, and find at most this many
# places in the whole report, to lead a reader of the PDF to the figure.
NEAR_LINES, AT_MOST_HITS = 40, 3


def test_each_finding_search_string_stands_near_its_line_and_is_specific(all_checks):
    path = Path(os.environ.get("AARSEVALUERING_SOURCE", REPO.parent / "shared" / "source" / "aarsevaluering-2023.txt"))
    lines = path.read_text(encoding="utf-8").splitlines()
    whole = " ".join(" ".join(lines).split())
    register = findings.table(all_checks)
    far, vague = [], []
    for _, row in register.iterrows():
        wanted = " ".join(row["search"].split())
        line = int(re.search(r"\d+", str(row["line"])).group())
        window = " ".join(" ".join(lines[max(0, line - 1 - NEAR_LINES) : line + NEAR_LINES]).split())
        if wanted not in window:
            far.append(f"{row['finding_id']}: «{wanted}» not within {NEAR_LINES} lines of {line}")
        hits = whole.lower().count(wanted.lower())  # a PDF viewer's search ignores case
        if hits > AT_MOST_HITS:
            vague.append(f"{row['finding_id']}: «{wanted}» found {hits} times")
    assert not far and not vague, "\n".join(far + vague)


def test_finding_boxes_show_check_ids_locator_permalink_and_code_links(all_checks):
    register = findings.table(all_checks)
    markup = findings.boxes(register)
    for _, row in register.iterrows():
        fid = row["finding_id"]
        assert f'href="#finding-{fid}"' in markup and f'id="finding-{fid}"' in markup
        for check_id in row["check_ids"].split():
            assert html.escape(check_id) in markup
        assert row["code_urls"].startswith("https://")
    table = findings.register_html(register)
    assert table.count("<details>") == len(register) and "interactive-table" in table


def test_every_check_links_to_the_function_that_makes_it(all_checks):
    for name in sorted(set(all_checks["identity"])):
        url = checks.identity_url(name)
        path, line = re.split(r"/blob/v[\d.]+/", url)[1].split("#L")
        source = (REPO / path).read_text(encoding="utf-8").splitlines()
        assert source[int(line) - 1].startswith(f"def {name.rsplit('.', 1)[1]}("), url


def test_the_audit_command_writes_every_check_and_every_finding(all_checks):
    run = [sys.executable, "-m", "aarsevaluering.audit"]
    written = subprocess.run(run, cwd=REPO, check=True, capture_output=True, text=True).stdout
    by_check = pd.read_csv(io.StringIO(written))
    assert list(by_check.columns[:12]) == ["check_id", "chapter", "what", "printed", "recomputed", "difference",
                                           "unit", "difference_unit", "status", "finding_id", "verdict",
                                           "source_lines"]  # fmt: skip
    # A difference of two percentages is in percentage points (and so labelled), not percent.
    percent = by_check["unit"].isin(["percent", "%"])
    assert (by_check.loc[percent, "difference_unit"] == "percentage points").all() and percent.any()
    assert len(by_check) == len(all_checks)
    outside = by_check["finding_id"].isna()
    assert (by_check.loc[outside, "verdict"] == by_check.loc[outside, "status"]).all()
    assert set(by_check.loc[~outside, "verdict"]) <= {*findings.VERDICTS, findings.BOOK_ESTIMATE}
    out = subprocess.run([*run, "--findings"], cwd=REPO, check=True, capture_output=True, text=True).stdout
    by_finding = pd.read_csv(io.StringIO(out))
    assert list(by_finding.columns) == audit.FINDINGS_EXPORT
    estimates = findings.estimates(all_checks)["finding_id"]
    assert set(by_finding["finding_id"]) | set(estimates) == set(by_check["finding_id"].dropna())
    out = subprocess.run([*run, "--letter"], cwd=REPO, check=True, capture_output=True, text=True).stdout
    letter = pd.read_csv(io.StringIO(out))
    assert list(letter.columns) == findings.LETTER_COLUMNS
    assert list(letter["finding_id"]) == list(findings.letter(all_checks)["finding_id"])
    # Figures at the precision printed: no binary floating-point noise in any figure column.
    for column in ("printed", "recomputed", "difference", "tolerance", "low", "high"):
        text = by_check[column].dropna().map(repr)
        noisy = text[text.str.contains(r"\.\d*(?:0{6,}[1-9]|9{6,})\d*$")]
        assert noisy.empty, f"{column}: {list(noisy[:3])}"
    decimals = by_check["printed"].map(lambda v: len(repr(v).split(".")[1].rstrip("0")) if "." in repr(v) else 0)
    assert (decimals <= by_check["decimals"].clip(lower=0)).all()
    assert by_check["code_url"].str.contains(r"/blob/v\d+\.\d+\.\d+/aarsevaluering/identities/\w+\.py#L\d+$").all()


def test_readme_states_the_counts(all_checks):
    """README gives the counts of checks, findings, the book's estimates and materiality; they are what
    the checks give today."""
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    stated = re.search(
        r"\*\*(\d+) checks\*\*: (\d+) exact, (\d+) within rounding, (\d+) truncated, (\d+) estimates and "
        r"(\d+) discrepancies\. The discrepancies come down to \*\*(\d+) findings\*\*: (\d+) errors and (\d+) "
        r"inconsistencies, where the report contradicts itself, and (\d+) of scope and (\d+) unstated, where it "
        r"does not; (\d+) more entries are the book's own estimates, listed apart\. Against materiality, (\d+) "
        r"(?:finding is|findings are) material, (\d+) lie between materiality and the clearly-trivial line and "
        r"(\d+) are clearly trivial; of those not in kroner, (\d+) are material by nature and (\d+) are not; "
        r"(\d+) are not weighed \(scope, unstated\)\.",
        readme,
    )
    assert stated, "README.md no longer states the counts of checks and findings"
    counts = findings.counts(all_checks)
    keys = ["checks", "exact", "rounding", "truncated", "estimate", "discrepancy", "findings", "error",
            "inconsistency", "scope", "unstated", "book_estimates", "level_material", "level_below_materiality",
            "level_clearly_trivial", "level_by_nature_material", "level_by_nature_not_material",
            "level_not_weighed"]  # fmt: skip
    assert [int(g) for g in stated.groups()] == [counts[k] for k in keys], f"README.md states {stated.groups()}"


def test_changelog_states_the_counts(all_checks):
    """CHANGELOG's summary of what was found gives the counts the checks give today."""
    text = " ".join((REPO / "CHANGELOG.md").read_text(encoding="utf-8").split())
    stated = re.search(
        r"The audit page lists every check \(([\d\s\u00a0\u202f]+)\) and every finding of the register \((\d+): "
        r"(\d+) errors and (\d+) inconsistencies, where the report contradicts itself; (\d+) of scope and (\d+) "
        r"resting on relations the report never states\), and apart from them (\d+) of the book's own estimates",
        text,
    )
    assert stated, "CHANGELOG.md no longer states the counts of checks and findings"
    counts = findings.counts(all_checks)
    keys = ["checks", "findings", "error", "inconsistency", "scope", "unstated", "book_estimates"]
    numbers = [int(re.sub(r"\D", "", group)) for group in stated.groups()]
    assert numbers == [counts[k] for k in keys], f"CHANGELOG.md states {stated.groups()}"


LOCATOR_REACH = 40
LOCATOR_BELOW = 5  # a table's search words may be its total row, a few lines under the figure's row


def test_every_locator_phrase_leads_to_its_line(all_checks, source_lines):
    """A finding's locator names a phrase to search for and the line of the figure: the phrase starts on
    that line, at most LOCATOR_REACH lines above it (a heading or caption over the figure) or at most
    LOCATOR_BELOW lines under it (a table's total row), so a reader who searches for it lands at the figure."""
    text = [" ".join(line.split()) for line in source_lines]
    stray = []
    for _, r in findings.table(all_checks).iterrows():  # every finding of the register, not only the letter's
        phrase, line = " ".join(str(r["search"]).split()), int(r["line"])
        window = range(max(line - LOCATOR_REACH, 1), line + LOCATOR_BELOW + 1)
        # The phrase may wrap onto the next lines; it must start on line n itself.
        if not any(" ".join(text[n - 1 : n + 2]).find(phrase) in range(len(text[n - 1])) for n in window):
            stray.append(f"{r['finding_id']}: «{phrase[:40]}» not at or above line {line}")
    assert not stray, stray


def test_a_section_count_never_calls_an_estimate_a_finding(all_checks):
    """The sentence under a section counts findings and the book's estimates apart (a specialist read
    found "9 findings shown here" where 3 of the 9 were the book's estimates)."""
    for chapter, rows in all_checks.groupby("chapter"):
        line = findings.summary_line(rows)
        ids = set(findings.assign(rows).query("finding_id != ''")["finding_id"])
        verdicts = {f.finding_id: f.verdict for f in findings.load()}
        n_estimates = sum(verdicts[i] == findings.BOOK_ESTIMATE for i in ids)
        n_findings = len(ids) - n_estimates
        assert (f"{n_findings} finding" in line) == bool(n_findings), (chapter, line)
        assert (f"{n_estimates} of the book's estimate" in line) == bool(n_estimates), (chapter, line)


def test_the_register_is_worked_out_again_when_a_finding_file_changes(all_checks, tmp_path, monkeypatch):
    """The rows are kept for one frame of checks and the finding files as they stood: an edited file (a
    student's, in JupyterLab) or a new frame of checks is worked out afresh, never served stale."""
    folder, original = tmp_path / "findings", findings.FINDINGS_DIR
    shutil.copytree(original, folder)
    monkeypatch.setattr(findings, "FINDINGS_DIR", folder)
    before = findings.table(all_checks)
    assert findings.table(all_checks).equals(before)  # kept: the same answer
    first = before["finding_id"].iloc[0]
    path = next(p for p in folder.glob("*.yaml") if f"id: {first}" in p.read_text(encoding="utf-8"))
    path.unlink()  # the chapter's findings gone: the register must lose them
    assert first not in set(findings.table(all_checks)["finding_id"])
    path.write_text((original / path.name).read_text(encoding="utf-8"), encoding="utf-8")
    assert first in set(findings.table(all_checks)["finding_id"])
    fresh = all_checks.copy()  # another frame: worked out for it, the same answer
    assert findings.table(fresh).equals(before)
    monkeypatch.undo()
    assert findings.table(all_checks).equals(before)


def test_merge_lines_gives_each_line_once():
    assert findings.merge_lines("140–141; 2674–2675; 2688–2696; 141; 2688") == "140–141; 2674–2675; 2688–2696"
    assert findings.merge_lines("2493–2540; 2509; 2530") == "2493–2540"
    assert findings.merge_lines("88; 2839; 2665–2666") == "88; 2665–2666; 2839"
    assert findings.merge_lines("10; 11; 13") == "10–11; 13"
    assert findings.merge_lines("") == ""
    # a table's name before a line is not a line: "2A 2809" is line 2809, "net P12 6526" line 6526
    assert findings.merge_lines("2059; 2A 2809; 2060; 2A 2801–2815; net P12 6526") == "2059–2060; 2801–2815; 6526"
