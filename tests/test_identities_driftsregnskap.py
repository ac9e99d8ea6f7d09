"""The operating-account chapter's identities and helpers, on the data and on altered data."""

from __future__ import annotations

import pandas as pd
import pytest

from aarsevaluering import checks, findings
from aarsevaluering.data import DataError
from aarsevaluering.identities import driftsregnskap as dr

CH = dr.CHAPTER


def getter(overrides: dict[str, pd.DataFrame] | None = None, missing: tuple[str, ...] = ()):
    """A table getter reading data/, with some tables replaced or made missing."""

    def get(name: str) -> pd.DataFrame:
        if name in missing:
            raise DataError(f"no table {name!r}")
        if overrides and name in overrides:
            return overrides[name].copy()
        return checks.from_disk(name)

    return get


def prose_frame(rows):
    frame = pd.DataFrame(rows, columns=["source_line", "label", "row_kind", "unit", "decimals", "value"])
    frame.attrs["table"] = dr.PROSE
    return frame


def test_pct_of_budget_follows_the_report():
    assert dr.pct_of_budget(15456, -150674) == pytest.approx(10.258, abs=1e-3)  # sign of the deviation
    assert dr.pct_of_budget(-960, 0) == 0.0  # a zero budget prints 0,0 %
    assert dr.pct_of_budget(25243, -7176052) > 0  # the Sum row of D02 prints it negative


def test_deviation_conventions_found_from_the_rows():
    conv = dr.deviation_conventions(checks.from_disk).set_index("table")
    for table in [dr.D01, dr.D02, dr.D03, dr.D05, dr.D07, dr.PROGRAMMES]:
        assert conv.loc[table, "budget − accounts"] == conv.loc[table, "rows"], table
    # The loan fund subtracts the other way; only the typo row fits neither.
    assert conv.loc[dr.D06, "accounts − budget"] == conv.loc[dr.D06, "rows"] - 1
    # D02: every row but the Sum row divides by |budget|.
    assert conv.loc[dr.D02, "% = deviation / |budget|"] == conv.loc[dr.D02, "rows"] - 1


def test_chapter_checks_are_classified_and_each_discrepancy_is_in_a_finding():
    frame = checks.run(CH)
    assert frame["check_id"].is_unique
    assert set(frame["kind"]) <= set(checks.KINDS)
    assigned = findings.assign(frame, findings.load(CH))
    bad = assigned[assigned["status"] == "discrepancy"]
    assert (bad["finding_id"] != "").all(), list(bad.loc[bad["finding_id"] == "", "check_id"])
    assert set(bad["table"]) <= {dr.D01, dr.D02, dr.D06, dr.D09, dr.PROSE}
    # The words live in findings/driftsregnskap.yaml, not in the identities.
    assert "explanation" not in frame


def test_every_check_has_the_kind_and_terms_of_its_relation():
    frame = checks.run(CH).set_index("check_id")
    # A committee's roll-up adds as many figures as it has printed programme areas.
    assert frame.loc[f"{dr.D01}.rollup.helse.actual_2023", "terms"] == 5
    assert frame.loc[f"{dr.D01}.rollup.formannskap.budget_2023", "terms"] == 3
    assert frame.loc[f"{dr.D01}.rollup.helse.actual_2023", "status"] == "rounding"
    # Percentages are shares with a range; the prose restates in NOK million.
    assert (frame.loc[frame.index.str.contains(".deviation_pct."), "kind"] == "share").all()
    assert frame.loc[f"{dr.PROSE}.disposition_fund_end_2023.2056", "status"] == "truncated"
    assert frame.loc[f"{dr.PROSE}.loan_fund_transfer_to_treasury.2485", "status"] == "truncated"
    # The book's bridge is its own model: shown, never graded.
    assert frame.loc["drift_bridge.improvement_vs_causes", "status"] == "estimate"
    assert frame.loc[f"{dr.PROSE}.programme_areas_underspend_before_bound_fund_provisions.2091", "kind"] == "estimate"


def test_the_reports_own_causes_close_the_improvement():
    frame = checks.run(CH, only=["report_bridge"]).set_index("check_id")
    assert frame.loc["drift_bridge.report_causes", "status"] in ("exact", "rounding")
    assert len(dr.report_causes(checks.from_disk)) == 5


def test_claims_hold_except_the_adopted_budget_label():
    frame = checks.run(CH, only=["claims"]).set_index("check_id")
    assert len(frame) >= 10
    wrong = frame[frame["status"] != "exact"]
    assert list(wrong.index) == ["drift_claims.adopted_budget_fund_use"]


def test_each_programme_narrative_restates_its_table():
    frame = checks.run(CH, only=["prose_figures"])
    areas = frame[frame["check_id"].str.contains(r"\.p\d\d_(?:frame|underspend|overspend|deviation_pct)\.")]
    assert len(areas) >= 45
    assert (areas["status"] == "exact").all(), list(areas.loc[areas["status"] != "exact", "check_id"])


def test_a_wrong_direction_word_in_a_narrative_is_caught():
    prose = checks.from_disk(dr.PROSE)
    prose.loc[prose["label"] == "p02_overspend", "label"] = "p02_underspend"
    frame = checks.run(CH, get=getter({dr.PROSE: prose}), only=["prose_figures"]).set_index("check_id")
    assert frame.loc[f"{dr.PROSE}.p02_underspend.4892", "status"] == "discrepancy"


def test_analyses_add_up():
    path = dr.budget_path(checks.from_disk)
    d08 = checks.from_disk(dr.D08)
    for column, key in (("original_budget_2023", "original"), ("revised_budget_2023", "revised")):
        assert path[key].sum() == pytest.approx(-checks.value(d08, column, label=dr.NDR) / 1000, abs=0.002)
    growth = dr.programme_growth(checks.from_disk).set_index("programme_area")
    assert growth.loc["P05", "growth_pct"] == pytest.approx(100 * (458460 / 382254 - 1))


def test_fixing_the_loan_fund_typo_in_memory_removes_its_discrepancies():
    d06 = checks.from_disk(dr.D06)
    d06.loc[d06["label"] == "Lånefond renteinntekter", "revised_budget_2023"] = -371600000
    frame = checks.run(CH, get=getter({dr.D06: d06}), only=["loan_fund"])
    assert (frame["status"] != "discrepancy").all()


def test_a_changed_total_is_caught():
    d09 = checks.from_disk(dr.D09)
    d09.loc[d09["row_kind"] == "margin", "value_2023"] = 216000
    frame = checks.run(CH, get=getter({dr.D09: d09}), only=["disposition_fund"]).set_index("check_id")
    assert frame.loc[f"{dr.D09}.margin", "status"] == "discrepancy"


def test_bridge_residual_closes_the_bridge():
    steps = dr.bridge(checks.from_disk)
    start, end = (float(steps.loc[steps["kind"] == k, "amount"].iloc[0]) for k in ("start", "end"))
    moves = float(steps.loc[steps["kind"].isin(["cause", "residual"]), "amount"].sum())
    assert start + moves == pytest.approx(end)
    assert start == -10164 and end == 78327


def test_only_formannskap_leaves_a_gap():
    roll = dr.committee_rollup(checks.from_disk).set_index("committee")
    gaps = roll["deviation_nok_gap"].abs()
    assert roll.loc["Formannskap", "areas"] == "P14, P15, P16, P17, P18"  # lines 6640–6673
    assert roll.loc["Formannskap", "unprinted"] == "P16, P17"
    assert (gaps.drop("Formannskap") <= 1).all() and gaps["Formannskap"] > 1000


def test_gross_income_bounds_overlap_and_target():
    bounds = dr.gross_income_bounds(checks.from_disk)
    income = dr.gross_operating_income(checks.from_disk)
    assert ((bounds["low"] <= income) & (income <= bounds["high"])).all()
    met = dr.result_vs_target(checks.from_disk, target_pct=dr.result_vs_target(checks.from_disk)["resultatgrad_pct"])
    assert met["shortfall"] == pytest.approx(0.0, abs=1e-6)


def test_prose_identity_is_silent_without_the_table():
    assert checks.run(CH, get=getter(missing=(dr.PROSE,)), only=["prose_figures"]).empty


def test_prose_identity_compares_sentences_with_tables():
    prose = prose_frame(
        [
            (2052, "resultatgrad_2023", "prose", "percent", 1, 0.9),
            (2067, "original_budget_net_operating_result", "prose", "NOK million", 1, 98.7),
            (2114, "asss_excl_oslo_resultatgrad_2023", "prose", "percent", 1, 1.5),
            (2115, "asss_lead_over_drammen_resultatgrad", "prose", "percentage points", 1, 0.6),
        ]
    )
    frame = checks.run(CH, get=getter({dr.PROSE: prose}), only=["prose_figures"]).set_index("check_id")
    assert len(frame) == 3  # the ASSS average is an input, not a check
    assert frame.loc[f"{dr.PROSE}.resultatgrad_2023.2052", "status"] == "exact"
    assert frame.loc[f"{dr.PROSE}.asss_lead_over_drammen_resultatgrad.2115", "status"] == "exact"
    wrong = frame.loc[f"{dr.PROSE}.original_budget_net_operating_result.2067"]
    assert wrong["status"] == "discrepancy"
    # The result's share also bounds gross operating income.
    assert len(dr.gross_income_bounds(getter({dr.PROSE: prose}))) == 3


def test_prose_identity_rejects_an_unknown_figure():
    prose = prose_frame([(2052, "no_such_figure", "prose", "percent", 1, 0.9)])
    with pytest.raises(KeyError, match="no_such_figure"):
        checks.run(CH, get=getter({dr.PROSE: prose}), only=["prose_figures"])


def test_result_quality_takes_out_the_net_premium_deviation_and_the_bound_funds():
    quality = dr.result_quality(checks.from_disk).set_index("measure")
    booked = quality.loc["As booked", "nok_thousand"]
    assert booked == pytest.approx(78327)
    d04 = checks.from_disk("pension_central_items")
    net_premium = -(checks.value(d04, "actual_2023", label="Premieavvik")
                    + checks.value(d04, "actual_2023", label="Amortisering tidligere premieavvik"))  # fmt: skip
    assert quality.loc["Without the net premium deviation", "nok_thousand"] == pytest.approx(booked - net_premium)
    # Without the restricted funds: the report's own figure (line 2724), 57.8 million, to its rounding.
    assert quality.loc["Without the net provisions to restricted funds", "nok_thousand"] / 1000 == pytest.approx(
        57.8, abs=0.05
    )
    both = quality.loc["Without both", "nok_thousand"]
    assert both == pytest.approx(booked - net_premium - dr.bound_funds_net(checks.from_disk))
    assert quality.loc["Without the extra state income (foreword)", "nok_thousand"] == pytest.approx(booked - 87000)
    income = dr.gross_operating_income(checks.from_disk)
    assert quality["to_target"].tolist() == pytest.approx((income * 0.0175 - quality["nok_thousand"]).tolist())
    assert quality.loc["Without the extra dividend", "nok_thousand"] == pytest.approx(booked - 130000)
    # Only the booked result's share is the report's; every other share rests on the book's inferred income.
    assert quality["estimate"].tolist() == [False, True, True, True, True, True, True]
    # Solid in Fig. 1.2: the two measures whose NOK figure the report prints (lines 2052 and 2724).
    assert quality["reported"].tolist() == [True, False, False, True, False, False, False]
    assert set(dr.QUALITY_NAMES) == set(quality.index)  # one name per measure, chart and table alike
    # The premium fund's one-off use lifted the result charged at what was paid: 170 062 thousand (D04).
    fund = -checks.value(d04, "actual_2023", label="Bruk av premiefond")
    assert fund == pytest.approx(170062)
    assert quality.loc[dr.WITHOUT_PREMIUM_AND_FUND, "nok_thousand"] == pytest.approx(booked - net_premium - fund)


def test_result_quality_follows_the_pension_table():
    d04 = checks.from_disk("pension_central_items")
    d04.loc[d04["label"] == "Premieavvik", "actual_2023"] = -200655.0  # a deviation equal to the amortisation
    quality = dr.result_quality(getter({"pension_central_items": d04})).set_index("measure")
    assert quality.loc["Without the net premium deviation", "nok_thousand"] == pytest.approx(78327)


def test_central_cost_reserves_split_the_whole_underspend():
    split = dr.central_cost_reserves(checks.from_disk)
    assert split["total"] == 25145  # D03's Sum row, line 2336
    assert split["reserves"] == 1259 + 17272 + 6315  # three reserves unused, the wage reserve included
    assert split["reserves"] + split["other_with_depreciation"] == split["total"]
    assert split["other_with_depreciation"] > 0 > split["other_without_depreciation"]
    assert split["other_with_depreciation"] - split["other_without_depreciation"] == split["depreciation"]


def test_free_income_is_tax_and_block_grant():
    flows = dr.free_income_vs_cost(checks.from_disk).set_index("item")
    free = flows.loc["Free income (tax + block grant)"]
    assert free["y2023"] == pytest.approx(3584884 + 3230176)
    assert free["y2022"] == pytest.approx(3797187 + 2876222)
    cost = flows.loc["Programme areas' net cost"]
    assert cost["change_pct"] == pytest.approx(100 * (6156479 / 5762434 - 1))
    assert cost["change_pct"] > free["change_pct"]
    d02 = checks.from_disk(dr.D02)
    d02.loc[d02["label"] == "Rammetilskudd", "actual_2023"] -= 1_000_000  # a million thousand more grant
    altered = dr.free_income_vs_cost(getter({dr.D02: d02})).set_index("item")
    assert altered.loc["Free income (tax + block grant)", "change"] == pytest.approx(free["change"] + 1_000_000)


def test_self_cost_deficits_roll_forward_and_a_wrong_figure_is_caught():
    frame = checks.run(CH, only=["prose_figures"]).set_index("check_id")
    for service, line in (("water", 6421), ("sewage", 6425)):
        assert frame.loc[f"{dr.PROSE}.{service}_self_cost_deficit_carried_out.{line}", "status"] in (
            "exact",
            "rounding",
        )
    prose = checks.from_disk(dr.PROSE)
    prose.loc[prose["label"] == "sewage_self_cost_interest", "value"] = 2.6
    altered = checks.run(CH, get=getter({dr.PROSE: prose}), only=["prose_figures"]).set_index("check_id")
    assert altered.loc[f"{dr.PROSE}.sewage_self_cost_deficit_carried_out.6425", "status"] == "discrepancy"


def test_net_cost_without_bound_fund_provisions_takes_out_the_swing():
    """D08's net restricted-fund movement went from a net use (2022) to a net provision (2023): taking it out
    of D01's cost lowers the growth by the swing."""
    flows = dr.free_income_vs_cost(checks.from_disk).set_index("item")
    swing = dr.bound_funds_net(checks.from_disk) - dr.bound_funds_net(checks.from_disk, "actual_2022")
    assert swing == pytest.approx(20517 - (72117 - 99890))
    spent, d01 = flows.loc[dr.NET_COST_SPENT], flows.loc["Programme areas' net cost"]
    assert spent["change"] == pytest.approx(d01["change"] - swing)
    assert free_gap(flows, dr.NET_COST_SPENT) == pytest.approx(free_gap(flows, "Programme areas' net cost") - swing)


def free_gap(flows, item):
    return flows.loc[item, "change"] - flows.loc["Free income (tax + block grant)", "change"]


def test_gap_offsets_other_income_fell_and_dividends_rose():
    gap = dr.gap_offsets(checks.from_disk)
    assert gap["other_change"] == pytest.approx(386235 - 504402)
    assert gap["enterprises_change"] == pytest.approx(-(302435 - 106651))
    assert gap["dividends_change"] == pytest.approx(260184 - 147614)
    assert gap["result_2022"] == pytest.approx(466583) and gap["result_2023"] == pytest.approx(78327)
    d05 = checks.from_disk(dr.D05)
    d05.loc[d05["label"] == "Utbytte", "actual_2023"] -= 1000  # a million more dividend
    assert dr.gap_offsets(getter({dr.D05: d05}))["dividends_change"] == pytest.approx(gap["dividends_change"] + 1000)


def test_the_fund_fall_paid_the_transfer_rest_and_the_bound_provisions():
    split = dr.fund_fall_split(checks.from_disk)
    assert split["transfer_rest"] == pytest.approx(295846 - 78327)
    assert split["transfer_rest"] + split["bound_net"] == pytest.approx(split["net_draw"])
    d08 = checks.from_disk(dr.D08)
    d08.loc[d08["label"] == dr.TO_INVESTMENT, "actual_2023"] += 500
    altered = dr.fund_fall_split(getter({dr.D08: d08}))
    assert altered["transfer_rest"] + altered["bound_net"] != pytest.approx(altered["net_draw"])


def test_fund_runway_sets_the_margin_against_the_years_net_draw():
    runway = dr.fund_runway(checks.from_disk)
    assert runway["margin"] == 216354  # D09's margin above the requirement, line 2710
    assert runway["net_draw"] == 249106 - 11070  # D08's use of the fund less its provisions
    assert runway["net_draw"] == pytest.approx(843729 - 605694, abs=1)  # D09's fall in the year, to rounding
    assert runway["years"] == pytest.approx(216354 / 238036)
    assert runway["years"] < 1  # another year like 2023 would take the fund below the requirement
    d08 = checks.from_disk(dr.D08)
    d08.loc[d08["label"] == dr.DISP_USE, "actual_2023"] = -111070  # a net draw of 100 million
    assert dr.fund_runway(getter({dr.D08: d08}))["years"] == pytest.approx(2.16354)


def test_central_cost_growth_without_depreciation():
    growth = dr.central_cost_growth(checks.from_disk)
    assert growth["total_change"] == pytest.approx(1266966 - 1087607)
    assert growth["without_depreciation_change"] == pytest.approx(179359 - (326650 - 306070))
    assert growth["rent_change"] == pytest.approx(777903 - 641821)


def test_other_moves_restate_the_offsets_and_central_costs():
    moves = dr.other_moves(checks.from_disk).set_index("item")
    gap, central = dr.gap_offsets(checks.from_disk), dr.central_cost_growth(checks.from_disk)
    assert moves.loc["Other central income (D02)", "change"] == pytest.approx(gap["other_change"])
    assert moves.loc["of which from the municipal enterprises", "change"] == pytest.approx(gap["enterprises_change"])
    assert moves.loc["Dividends (D05)", "change"] == pytest.approx(gap["dividends_change"])
    assert moves.loc["Central costs (D03)", "change"] == pytest.approx(central["total_change"])
    assert moves.loc["Central costs without depreciation", "change"] == pytest.approx(
        central["without_depreciation_change"]
    )
    assert moves.loc["of which rent and cleaning", "y2023"] == pytest.approx(777903)
    assert moves.loc["Net operating result (D08)", "y2022"] == pytest.approx(466583)
    assert moves.loc["Dividends (D05)", "change_pct"] == pytest.approx(100 * (260184 / 147614 - 1))
    d03 = checks.from_disk(dr.D03)
    d03.loc[d03["label"] == "Avskrivninger", "actual_2023"] += (
        1000  # a million more of the printed total is depreciation
    )
    altered = dr.other_moves(getter({dr.D03: d03})).set_index("item")
    assert altered.loc["Central costs without depreciation", "y2023"] == pytest.approx(
        moves.loc["Central costs without depreciation", "y2023"] - 1000
    )


def test_the_formannskap_gap_is_in_the_accounts_columns():
    gap = dr.committee_accounts_gap(checks.from_disk)
    assert gap["actual_2023"] != 0 and gap["actual_2022"] != 0


def test_line_92_frames_against_the_funds_net_draws():
    """The summary's 139 + 52 million «financed by use of the discretionary fund» against D09's net draws of
    the two four-month reports: a discrepancy on the printed data, exact when D09's draws add up to it."""
    frame = checks.run(CH, only=["adopted_budget_figures"]).set_index("check_id")
    check = frame.loc["drift_claims.frames_strengthened_from_fund"]
    assert check["printed"] == pytest.approx(191) and check["recomputed"] == pytest.approx(97.247)
    assert check["status"] == "discrepancy"
    d09 = checks.from_disk(dr.D09)
    d09.loc[d09["label"] == "1. tertial 2023 - netto bruk", "value_2023"] = -191000.0
    d09.loc[d09["label"] == "2. tertial 2023 - redusert bruk saldering", "value_2023"] = 0.0
    altered = checks.run(CH, get=getter({dr.D09: d09}), only=["adopted_budget_figures"]).set_index("check_id")
    assert altered.loc["drift_claims.frames_strengthened_from_fund", "status"] == "exact"


def test_the_transfer_path_follows_d08_and_the_payout_d07():
    """Lines 2639 and 2616: the transfer 296 800 → 340 846 → 295 846; Nedre Eiker 0 adopted, 45 000 revised."""
    path = dr.transfer_path(checks.from_disk)
    assert (path["adopted"], path["revised"], path["actual"]) == (296800, 340846, 295846)
    assert path["raised_at_revision"] == 44046
    assert path["cut_in_accounts"] == 45000
    assert path["actual_less_adopted"] == -954
    assert (path["nedre_eiker_adopted"], path["nedre_eiker_revised"]) == (0, 45000)


def test_the_transfer_path_moves_with_the_revised_budget():
    get = checks.altered(dr.D08, "revised_budget_2023", 1000, add=True, label=dr.TO_INVESTMENT)
    path = dr.transfer_path(get)
    assert path["raised_at_revision"] == 45046 and path["cut_in_accounts"] == 46000


def test_every_check_is_in_one_section_or_the_year_in_brief():
    frame = checks.run(CH)
    counted = sum(len(dr.section(frame, *tables)) for tables in dr.SECTION_TABLES.values())
    rest = dr.unsectioned(frame)
    assert counted + len(rest) == len(frame)
    assert rest["check_id"].str.startswith("drift_claims.").all()  # the claims about the year as a whole


def test_the_dividend_sizes_set_the_two_figures_beside_the_tables():
    """Lines 88, 2061, 2545–2550, 2665–2666, 2639 and 2616: 130 and 178 = 296.8 − 118.8; the payout only revised."""
    sizes = dr.dividend_sizes(checks.from_disk).set_index("where")
    assert sizes["original"].tolist()[:3] == [130, 178, 118.8]
    assert sizes.loc["D08, Overføring til investering", ["original", "revised", "actual"]].tolist() == pytest.approx(
        [296.8, 340.846, 295.846]
    )
    assert sizes.loc["D07", ["original", "revised", "actual"]].tolist() == [0, 45, 0]
    assert sizes.loc["section Utbytte", "revised"] == pytest.approx(305.2)
    assert sizes.iloc[1]["original"] + sizes.iloc[2]["original"] == pytest.approx(
        sizes.loc["D08, Overføring til investering", "original"]
    )


def test_the_revision_raised_the_transfer_by_about_the_payout_and_the_dividends_by_more():
    """Lines 2545–2546, D07 (2560–2618) and D08: the transfer +44.0, the dividends +55.2 = 45.0 + 10.2 others."""
    tp = dr.transfer_path(checks.from_disk)
    assert tp["raised_at_revision"] == pytest.approx(44_046)
    assert tp["dividends_raised"] == pytest.approx(55_200)
    assert tp["dividends_others"] == pytest.approx(10_200)
    assert tp["dividends_raised"] == pytest.approx(tp["nedre_eiker_revised"] + tp["dividends_others"])
