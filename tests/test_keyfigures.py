"""The front page's key figures (aarsevaluering.keyfigures): targets marked with their direction, each
figure's report tables named as the report names them, and the largest findings the page names."""

from __future__ import annotations

import math
import re

import pandas as pd

from aarsevaluering import keyfigures as kf
from aarsevaluering import pipeline


def test_a_target_carries_its_direction():
    assert kf.target_cell(159.7, 1, kf.AT_LEAST) == "\u2265\u00a0159.7"
    assert kf.target_cell(8.1, 1, kf.AT_MOST) == "\u2264\u00a08.1"
    assert kf.target_cell(math.nan, 1, kf.AT_LEAST) == "\u2013"  # no target: a dash, no mark
    assert kf.target_cell(math.nan, 1, "") == "\u2013"


def test_report_tables_are_named_as_the_report_names_them():
    assert kf.report_tables(("drift_year_end_dispositions", "drift_disposition_fund")) == "D08, D09"
    assert kf.report_tables(("inv_2a_financing",)) == "statement 2A"
    assert kf.report_tables(("bal_prose_figures",)) == "text"


def test_every_target_has_a_direction_and_every_figure_a_source():
    frame = kf.key_figures()
    with_target = frame[frame["target"].notna()]
    assert set(with_target["direction"]) <= {kf.AT_LEAST, kf.AT_MOST} and (with_target["direction"] != "").all()
    assert (frame["source"] != "").all()
    assert frame.set_index("key").loc["sick_leave", "direction"] == kf.AT_MOST
    assert frame.set_index("key").loc["debt", "source"] == "text, line 3541"  # a sentence's figure gives its line


def test_the_front_page_links_each_figures_tables_to_their_rows_on_the_data_page():
    """Table F.1's Source cell links every table id a figure comes from to its row's anchor on the data page
    (written in book/intro.md, since an inline expression prints text, not links): the links must be the
    figure's own tables, no more and no fewer."""
    from pathlib import Path

    intro = (Path(__file__).resolve().parent.parent / "book" / "intro.md").read_text(encoding="utf-8")
    for row in kf.key_figures().itertuples():
        (line,) = [s for s in intro.splitlines() if f"txt.{row.key}_2023`" in s]
        linked = re.findall(r'<a href="data\.html#table-(\w+)">([^<]+)</a>', line)
        names = [kf.report_tables((t,)) for t in kf.figures()[row.Index].tables if kf.report_tables((t,)) != "text"]
        assert [text.replace("&nbsp;", " ") for _, text in linked] == names, row.key  # "statement 2A" kept whole
        assert all(code.upper() in {"I01"} or code.upper() == text for code, text in linked), row.key


def _register(rows):
    columns = ["finding_id", "title", "verdict", "size_text", "size_nok_million", "materiality",
               "materiality_by_size", "qualitative"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def test_the_largest_contradiction_in_nok_and_the_letters_first_are_named_once_each():
    register = _register([
        ("scope-big", "Big scope", "scope", "NOK 900.0 million", 900.0, "not weighed", "", ""),
        ("err-big", "Big error", "error", "NOK 300.0 million", 300.0, "below materiality", "material",
         "a typing error in one cell: one level lower"),
        ("pp", "Share", "error", "1.0 percentage points", math.nan, "not in NOK: material by nature",
         "not in NOK: not material by nature", "not in NOK, but a headline figure: material by nature"),
    ])  # fmt: skip
    named = kf.largest_findings(register, pd.DataFrame({"finding_id": ["pp", "err-big"]}))
    assert list(named["finding_id"]) == ["err-big", "pp"]  # a finding of scope is not the report's mistake
    html = kf.findings_html(named)
    assert 'href="../notebooks/audit.html#finding-err-big"' in html
    assert (
        "Its size alone would make it material; the book weighs it down to below materiality because it is a "
        "typing error in one cell"
    ) in html
    assert "It has no size in NOK to weigh; it is material by nature, as a headline figure" in html
    once = kf.largest_findings(register, pd.DataFrame({"finding_id": ["err-big"]}))
    assert list(once["finding_id"]) == ["err-big"]


def test_the_pipeline_carries_this_builds_counts():
    counts = {"checks": 1452, "discrepancy": 90, "findings": 36, "contradicted": 22}
    shown = pipeline.steps(counts, tables=38)
    assert [s.name for s in shown] == ["Text", "CSV", "Check", "Class", "Finding", "Verdict"]
    # each step counts what it yields (five classes, four verdicts), so the row reads as no funnel
    assert [s.count for s in shown[1:]] == ["38 files", "1\u00a0452 checks", "5 classes", "36 findings",
                                            "4 verdicts"]  # fmt: skip
    assert shown[3].what.startswith("90 ") and shown[5].what.startswith("22 ")


def test_the_worked_example_lists_the_rows_its_sum_adds():
    rows = pipeline.summed_rows(pipeline.EXAMPLE_CHECK, "Sum inntekter = sum of its rows (Rev. Bud. 2023)", 1e6)
    assert [line for _, line, _, _ in rows] == ["2509", "2511", "2513", "2515"]
    assert rows[1][3] == "blank" and rows[1][2] == "-" and rows[-1][0] == "Sum inntekter"
    assert rows[0][2] == "\u221271\u00a0600\u00a0000"  # as printed, in whole kroner (D06's unit)
    assert rows[-1][3] == "\u2212NOK\u00a0791.4\u00a0million"
    assert (
        pipeline.cell_as_printed(pipeline.EXAMPLE_CHECK, "2509", "original_budget_2023")
        == "\u2212371\u00a0600\u00a0000"
    )
