"""The balance chapter's identities: the figures they gather, and that they react to altered data."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from aarsevaluering import checks, findings
from aarsevaluering.fmt import fmt
from aarsevaluering.identities import balanse as bal


def status_of(frame, check_id):
    return frame.set_index("check_id").loc[check_id, "status"]


def test_expected_classes_on_the_printed_data():
    frame = checks.run("balanse").set_index("check_id")["status"]
    assert frame["bal.liquidity.total_31_12"] == checks.EXACT
    assert frame["bal.debt.end_2023.prose_vs_interest_reserve"] == checks.EXACT
    assert frame["bal.debt.change_2023.b01_vs_flows"] == checks.EXACT
    assert frame["bal.debt.change_2023.treasury_vs_flows"] == checks.EXACT
    assert frame["bal.bound_investment_funds.change_vs_dk"] == checks.EXACT
    assert frame["bal.disposition_fund.change_vs_d08"] == checks.EXACT
    assert frame["bal.unbound_investment_funds.change_vs_dk"] == checks.ROUNDING
    for check_id in [
        "bal.debt.end_2023.prose_vs_b01",
        "bal.debt.change_2023.prose_vs_b01",
        "bal.debt.interest_reserve_vs_b01",
        "bal.bound_operating_funds.change_vs_d08",
        "bal.unbound_investment_funds.change_vs_2a",
        "bal.bound_investment_funds.change_vs_2a",
    ]:
        assert frame[check_id] == checks.DISCREPANCY, check_id


def test_every_check_has_the_kind_of_its_relation():
    frame = checks.run("balanse").set_index("check_id")
    assert frame.loc["bal.debt.end_2023.prose_vs_b01", "terms"] == 4  # four B01 rows, no printed total
    assert frame.loc["bal.fund_reserves.sum.balance_2023", "terms"] == 4
    assert frame.loc["bal.debt.instalments_vs_d06", "kind"] == checks.RESTATEMENT
    assert frame.loc["bal.debt.interest_reserve_vs_b01", "kind"] == checks.SHARE
    # The text's start-loan provision restates the relending block's net that DK and 2A print (issue 24).
    assert frame.loc["bal.bound_investment_funds.relending_surplus_vs_prose", "kind"] == checks.RESTATEMENT
    assert frame.loc["bal.bound_investment_funds.relending_surplus_vs_prose", "status"] == checks.DISCREPANCY
    claims = frame[frame["kind"] == checks.CLAIM]
    # Every claim holds but one: the liquidity paragraph dated 2022 repeats 2023's average (issue 24).
    assert len(claims) >= 5
    assert list(claims.index[claims["status"] != checks.EXACT]) == ["bal.liquidity.repeated_paragraph_is_2022"]
    assert (frame.loc[frame.index.str.startswith("bal.foreword."), "status"] == checks.EXACT).all()


def test_every_discrepancy_of_the_chapter_is_in_one_of_its_findings():
    frame = checks.run("balanse")
    assert findings.problems(frame, findings.load("balanse")) == []
    verdicts = findings.assign(frame, findings.load("balanse")).set_index("check_id")["verdict"]
    assert verdicts["bal.debt.end_2023.prose_vs_b01"] == "inconsistency"  # B01 is introduced as the debt's spread
    assert verdicts["bal.bound_investment_funds.change_vs_2a"] == "scope"
    assert verdicts["bal.bound_operating_funds.change_vs_d08"] == "inconsistency"
    # The repeat's date contradicts nothing printed: the check rests on the book's premise (no 2022 average).
    assert verdicts["bal.liquidity.repeated_paragraph_is_2022"] == "unstated"


def test_the_year_result_bridges_to_the_fall_in_the_discretionary_fund():
    bridge = bal.disposition_bridge(checks.from_disk)
    assert bridge["amount"].iloc[-1] == -238036
    margin = bal.reserve_margin(checks.from_disk)
    assert margin["margin_recomputed"] == margin["margin"] == 216354
    burden = bal.debt_burden(checks.from_disk)
    assert burden["one_point"] == pytest.approx(0.43 * 9564 / 100)


def test_debt_by_use_total_and_shares():
    debt = bal.debt_by_use(checks.from_disk).set_index("label")
    total = debt.loc["Sum (recomputed)"]
    assert total["debt_2023_01_01"] == pytest.approx(9316.3)
    assert total["debt_2023_12_31"] == pytest.approx(9504.6)
    items = debt.drop(index="Sum (recomputed)")
    assert items["share_2023_12_31"].sum() == pytest.approx(100.0)
    assert total["change"] == pytest.approx(188.3)


def test_hedging_rule_is_a_third():
    hedge = bal.hedging(checks.from_disk)
    assert hedge["minimum"] == pytest.approx(100 / 3)
    assert hedge["margin_pp"] == pytest.approx(57 - 100 / 3)


def test_fund_flows_and_relending_surplus():
    flows = bal.fund_flows(checks.from_disk).set_index(["fund", "statement"])["net"]
    assert flows[(bal.BOUND_INVESTMENT, "DK")] == 122698
    assert flows[(bal.BOUND_INVESTMENT, "2A")] == 160630
    assert flows[(bal.DISPOSITION_FUND, "D08")] == -238036
    assert bal.relending_surplus(checks.from_disk) == 97324


def test_implied_gross_operating_income():
    ratio = bal.disposition_fund_ratio(checks.from_disk)
    assert ratio["gross_operating_income"] == pytest.approx(273699 / 0.03)
    assert round(ratio["ratio_2023"], 1) == 6.6
    assert ratio["printed_to"] == 6.6


def test_a_changed_fund_balance_is_caught():
    # A typo in B02's change of the restricted operating funds shows in the table and the reconciliation.
    get = checks.altered(bal.FUNDS, "change_2022_2023", 20517, label=bal.BOUND_OPERATING)
    frame = checks.run("balanse", get=get)
    assert status_of(frame, "bal_fund_reserves.change_2022_2023.Bundne driftsfond") == checks.DISCREPANCY
    assert status_of(frame, "bal.bound_operating_funds.change_vs_d08") == checks.EXACT


def test_moving_the_debt_gap_into_b01_breaks_the_flow_reconciliation():
    get = checks.altered(bal.DEBT, "debt_2023_12_31", 5023.6 + 59.4, label="Drammen Eiendom KF")
    frame = checks.run("balanse", get=get, only=["loan_debt_totals", "loan_debt_flows"])
    assert status_of(frame, "bal.debt.end_2023.prose_vs_b01") == checks.EXACT
    assert status_of(frame, "bal.debt.change_2023.b01_vs_flows") == checks.DISCREPANCY
    assert status_of(frame, "bal.debt.change_2023.treasury_vs_flows") == checks.EXACT


def test_a_changed_d08_flow_reaches_the_balance_check():
    get = checks.altered(bal.D08, "actual_2023", -249006, label="Bruk av disposisjonsfond")
    frame = checks.run("balanse", get=get, only=["disposition_fund_reconciliation"])
    assert status_of(frame, "bal.disposition_fund.change_vs_d08") == checks.DISCREPANCY


# The analyses of debt, interest, reserves and cash (views, never graded): they follow the data.


def test_debt_by_payer_holds_b01_and_the_onlending_loans():
    frame = bal.debt_by_payer(checks.from_disk)
    b01 = checks.from_disk(bal.DEBT)
    in_b01 = frame[frame["use"] != "Formidlingslån"]
    assert in_b01["debt"].sum() == pytest.approx(b01["debt_2023_12_31"].sum())
    assert in_b01["share_of_b01"].sum() == pytest.approx(100.0)
    assert set(in_b01["use"]) == set(b01["label"])


def test_floating_exposure_nets_the_fees_and_the_deposits():
    frame = bal.floating_exposure(checks.from_disk).set_index("row_kind")
    items = frame.loc["item", "amount"]
    assert frame.loc["total", "amount"] == pytest.approx(items.sum())
    more_cash = checks.altered(bal.PROSE, "value", 100, add=True, label="group_and_deposit_account_balance_31_12_2023")
    moved = bal.floating_exposure(more_cash).set_index("row_kind")
    assert moved.loc["total", "amount"] == pytest.approx(frame.loc["total", "amount"] - 100)


def test_rates_divide_the_interest_by_the_opening_and_the_average_debt():
    rates = bal.loan_fund_rates(checks.from_disk)
    estimated = rates[rates["source"] == "estimate"]
    assert (estimated["rate_pct"] == 100 * estimated["interest"] / estimated["opening_debt"]).all()
    assert (estimated["rate_avg_pct"] == 100 * estimated["interest"] / estimated["average_debt"]).all()
    # The treasury's intra-group interest is the internal rate on its opening debt (to 0.01 percentage point).
    internal = bal.prose(checks.from_disk)["loan_fund_internal_rate_budget_2023"]
    assert rates["rate_pct"].iloc[2] == pytest.approx(internal, abs=0.01)
    # More debt at 1 January lowers the rate on the opening debt.
    more = bal.debt_added("Drammen kommunekasse", start=100.0)
    assert bal.loan_fund_rates(more)["rate_pct"].iloc[2] < rates["rate_pct"].iloc[2]
    printed = bal.prose(checks.from_disk)
    assert rates["rate_pct"].iloc[-1] == printed["nibor_3m_average_2023"]


def test_years_of_margin_follow_the_draw():
    base = bal.reserves_and_cash(checks.from_disk)
    assert base["years_at_2023_pace"] == pytest.approx(base["margin"] / base["draw_2023"])
    assert base["reserves_less_cash"] == pytest.approx(base["reserves"] - base["cash"])
    uses = bal.adopted_budget_use(checks.from_disk)
    assert uses["revised"] > uses["adopted"] > 0  # the tertial reports added to the adopted budget's use


def test_instalments_against_depreciation():
    got = bal.instalments_and_depreciation(checks.from_disk)
    assert got["instalments_pct_depreciation"] == pytest.approx(100 * got["treasury_instalments"] / got["depreciation"])
    assert got["enterprises_instalments"] == pytest.approx(got["loan_fund_received"] - got["treasury_instalments"])


def test_debt_added_changes_one_row_of_b01_only():
    altered = bal.debt_added("Drammen Eiendom KF", end=10.0, start=-2.0)
    before = checks.from_disk(bal.DEBT).set_index("label")
    after = altered(bal.DEBT).set_index("label")
    assert after.loc["Drammen Eiendom KF", "debt_2023_12_31"] == pytest.approx(
        before.loc["Drammen Eiendom KF", "debt_2023_12_31"] + 10.0
    )
    assert after.loc["Drammen Eiendom KF", "debt_2023_01_01"] == pytest.approx(
        before.loc["Drammen Eiendom KF", "debt_2023_01_01"] - 2.0
    )
    assert after.drop(index="Drammen Eiendom KF").equals(before.drop(index="Drammen Eiendom KF"))
    with pytest.raises(KeyError):
        bal.debt_added("No such row")(bal.DEBT)


def test_margin_after_deficits_takes_off_the_uncovered_amount_and_the_loan_fund_deficit():
    got = bal.margin_after_deficits(checks.from_disk)
    assert got["margin_after"] == pytest.approx(got["margin"] - got["uncovered_investment"] - got["loan_fund_deficit"])
    assert got["loan_fund_deficit"] > 0  # D06 prints a deficit after dispositions
    larger = checks.altered("inv_prose_figures", "value", 10.0, add=True, label="kk_uncovered_carried_forward")
    assert bal.margin_after_deficits(larger)["margin_after"] == pytest.approx(got["margin_after"] - 10.0)


def test_treasury_minimum_condition_is_the_ratio_formula_solved_for_book_value():
    got = bal.treasury_minimum_condition(checks.from_disk)
    # at the least book value the law's formula gives exactly the instalments paid
    minimum = got["debt_end_2022"] * got["depreciation_2022"] / got["book_value_at_least"]
    assert minimum == pytest.approx(got["instalments_2023"])
    assert got["debt_pct_book_value_at_most"] == pytest.approx(100 * got["debt_end_2022"] / got["book_value_at_least"])
    # the prior year's depreciation, not 2023's
    assert got["depreciation_2022"] != pytest.approx(bal.instalments_and_depreciation(checks.from_disk)["depreciation"])


def test_loan_fund_cash_estimate_scales_with_the_assumed_rate():
    at_four = bal.loan_fund_cash_estimate(checks.from_disk)
    at_two = bal.loan_fund_cash_estimate(checks.from_disk, rate_pct=2.0)
    assert at_two["average_cash"] == pytest.approx(2 * at_four["average_cash"])
    assert at_four["average_cash"] * at_four["rate_pct"] / 100 == pytest.approx(at_four["other_interest"])


def test_rents_against_dekf_debt_service_adds_interest_and_instalments():
    got = bal.rents_against_dekf_debt_service(checks.from_disk)
    # the enterprises' interest by difference: the loan fund's interest income less the treasury's (D06, D05)
    assert got["interest"] == pytest.approx(370.444414 - 167.877)
    assert 100 * got["interest"] / got["dekf_debt_start"] < 4.0  # below the internal rate on the opening debt
    assert got["debt_service"] == pytest.approx(got["interest"] + got["instalments"])
    assert got["service_pct_rent"] == pytest.approx(100 * got["debt_service"] / got["rent_line"])


def test_long_term_debt_adds_the_onlending_loans_to_the_loan_fund_debt():
    got = bal.debt_burden(checks.from_disk)
    husbanken = bal.prose(checks.from_disk)["husbanken_onlending_loans_end_2023"]
    assert got["long_term_debt"] == pytest.approx(got["debt"] + husbanken)
    assert got["long_term_pct_income"] == pytest.approx(100 * got["long_term_debt"] / got["income"])
    assert got["long_term_pct_income"] > got["debt_pct_income"]


def test_unlent_borrowing_is_the_gap_between_the_two_debt_figures():
    got = bal.loan_fund_cash_estimate(checks.from_disk)
    debt = bal.loan_fund_debt(checks.from_disk)
    assert got["unlent_end"] == pytest.approx(debt["prose_end"] - debt["b01_end"])
    assert got["unlent_start"] == pytest.approx(debt["prose_start"] - debt["b01_start"])
    assert got["unlent_start"] < 0 < got["unlent_end"]  # on the book's reading, more lent on than borrowed at 1 January
    # a small part of the year-end cash, far below the estimated average cash
    assert got["unlent_end_pct_cash"] < 10
    assert got["unlent_end"] < got["average_cash"] / 5
    wider = bal.debt_added("Drammen Eiendom KF", end=-10.0)
    assert bal.loan_fund_cash_estimate(wider)["unlent_end"] == pytest.approx(got["unlent_end"] + 10.0)


def test_enterprises_interest_shortfall_is_the_extra_repayment_over_the_stated_time():
    got = bal.enterprises_interest_timing(checks.from_disk)
    assert got["rate_pct"] == pytest.approx(100 * got["interest"] / got["debt_start"])
    assert got["rate_pct"] < got["internal_pct"]
    # the extra repayment at the internal rate over years_before_end saves exactly the shortfall
    saved = got["extra_repayment"] * got["internal_pct"] / 100 * got["years_before_end"]
    assert saved == pytest.approx(got["shortfall"])
    assert 0 < got["years_before_end"] < 1
    # the enterprises' opening debt is B01's two enterprise rows
    b01 = checks.from_disk(bal.DEBT).set_index("label")["debt_2023_01_01"]
    assert got["debt_start"] == pytest.approx(b01["Drammen Eiendom KF"] + b01["Drammensbadet KF"])


def test_the_fund_fall_was_the_budgeted_use_less_the_saving():
    got = bal.fund_fall_against_rules(checks.from_disk)
    fall = -bal.fund_flows(checks.from_disk).set_index(["fund", "statement"])["net"][(bal.DISPOSITION_FUND, "D08")]
    assert got["budgeted_use"] - got["use_reduction"] == pytest.approx(fall / 1000)
    # budget against budget: the revised budget's transfer over the rule's budgeted minimum
    assert got["transfer_times_rule"] == pytest.approx(got["transfer_revised"] / got["rule_transfer"])
    assert got["transfer_revised"] > got["transfer"] > got["rule_transfer"]  # beyond the rule's minimum
    # the adopted plan: the rule's minimum plus the earmarked dividends is the original budget's transfer
    assert got["plan_transfer"] == pytest.approx(got["transfer_original"], abs=0.05)
    # the revised budget's draw paid the transfer and the deficit, less the restricted funds' net use
    planned = got["transfer_revised"] + got["revised_deficit"] - got["revised_bound_use"]
    assert planned == pytest.approx(got["budgeted_use"], abs=0.002)  # D08's revised column rounds by a thousand
    assert got["self_financing_pct"] > got["min_self_financing_pct"]


def test_the_cut_in_the_fund_use_has_three_parts_in_d08():
    got = bal.fund_use_reduction_parts(checks.from_disk)
    assert got["fund_rows"] == pytest.approx(got["settlement"])  # D08's fund rows move by D09's settlement
    assert got["sum"] == pytest.approx(got["settlement"], abs=0.0015)  # within D08's own rounding
    assert got["transfer_cut"] == pytest.approx(45.0)  # the dividend booked as a sale of shares (line 2670)
    assert got["result_gain"] > 0 and got["bound_swing"] > 0
    # a better result in the accounts column raises the first part and the sum by as much
    better = checks.altered(bal.D08, "actual_2023", -1000, add=True, label="Netto driftsresultat")
    moved = bal.fund_use_reduction_parts(better)
    assert moved["result_gain"] == pytest.approx(got["result_gain"] + 1.0)
    assert moved["sum"] == pytest.approx(got["sum"] + 1.0)


def test_the_margin_on_b01_debt_moves_by_the_reserve_gap():
    got = bal.margin_on_b01_debt(checks.from_disk)
    frame = checks.run("balanse").set_index("check_id")
    assert got["reserve_lower_by"] == pytest.approx(frame.loc["bal.debt.interest_reserve_vs_b01", "difference"])
    assert 0 < got["shift_pct_margin"] < 1  # a small share of the margin


def test_the_fund_draw_runs_from_the_adopted_budget_to_the_accounts():
    parts = bal.fund_draw_parts(checks.from_disk)
    levels = parts.index[parts["row_kind"] == "level"]
    assert len(levels) == 3
    for start, end in zip(levels[:-1], levels[1:], strict=True):
        between = parts.loc[start + 1 : end - 1, "amount"].sum()
        # D08's revised column rounds by a thousand, so the parts may miss D09 by as much
        assert parts.loc[start, "amount"] + between == pytest.approx(parts.loc[end, "amount"], abs=0.0015)
    uses = bal.adopted_budget_use(checks.from_disk)
    assert parts.loc[levels[0], "amount"] == pytest.approx(uses["adopted"] / 1000)
    assert parts.loc[levels[1], "amount"] == pytest.approx(uses["revised"] / 1000)
    fall = bal.fund_fall_against_rules(checks.from_disk)
    assert parts.loc[levels[2], "amount"] == pytest.approx(fall["budgeted_use"] - fall["use_reduction"], abs=0.0015)
    assert parts["source"].str.contains("line").all()  # each step names its line
    # the adopted budget's draw is its transfer less its surplus (D08's original column; no restricted funds)
    d08 = checks.from_disk(bal.D08).set_index("label")["original_budget_2023"]
    adopted_gap = d08["Overføring til investering"] + d08["Netto driftsresultat"]  # a surplus is printed negative
    assert parts.loc[0, "amount"] == pytest.approx(adopted_gap / 1000, abs=0.0005)

    # a higher transfer in the revised budget moves the second part and nothing before it
    higher = checks.altered(bal.D08, "revised_budget_2023", 1000, add=True, label="Overføring til investering")
    moved = bal.fund_draw_parts(higher)
    assert moved.loc[2, "amount"] == pytest.approx(parts.loc[2, "amount"] + 1.0)
    assert moved.loc[0, "amount"] == pytest.approx(parts.loc[0, "amount"])


def test_the_programme_areas_frames_are_the_two_four_month_reports():
    got = bal.programme_frames_raised(checks.from_disk)
    assert got["raised"] == pytest.approx(got["first"] + got["second"])
    assert got["raised"] == pytest.approx(191.0)  # 139 + 52, line 92
    weaker = bal.fund_draw_parts(checks.from_disk).loc[1, "amount"]
    assert got["result_fall"] == pytest.approx(weaker)
    assert got["raised_less_fall"] > 0  # the result fell by less than the frames were raised
    assert got["fund_net_draw"] == pytest.approx(111.619 - 14.372)  # D09, lines 2690–2692: less than 191


def test_the_loan_fund_result_splits_into_interest_and_instalments():
    got = bal.loan_fund_result_parts(checks.from_disk)
    assert got["result"] == pytest.approx(got["result_printed"])  # D06's printed result, signed as a deficit
    assert got["interest_after_transfer"] + got["instalment_gap"] == pytest.approx(got["result"])
    assert got["instalment_gap"] < got["interest_after_transfer"] < 0  # the instalments weigh more
    assert got["instalments_received"] == pytest.approx(415.646213)  # the text's 415.6 (line 3542)
    more_paid = checks.altered(bal.D06, "actual_2023", 1_000_000, add=True, label="Lånefond avdragsutgifter")
    moved = bal.loan_fund_result_parts(more_paid)
    assert moved["instalment_gap"] == pytest.approx(got["instalment_gap"] - 1.0)
    assert moved["interest_margin"] == pytest.approx(got["interest_margin"])


def test_aligned_pads_fewer_decimals_so_the_digits_line_up():
    from aarsevaluering.fmt import FIGURE_SPACE, PUNCTUATION_SPACE

    cells = bal.aligned([(892, 0), (1026.7, 1), (float("nan"), 1), (9.25, 2)])
    assert cells[0] == "892" + PUNCTUATION_SPACE + FIGURE_SPACE * 2
    assert cells[1] == "1\u00a0026.7" + FIGURE_SPACE
    assert cells[2] == "\u2013"  # missing: a dash, unpadded
    assert cells[3] == "9.25"
    assert bal.aligned([(1.5, 1), (2.5, 1)]) == ["1.5", "2.5"]  # one precision: nothing to pad


def test_round_estimate_keeps_only_the_digits_an_estimate_bears():
    assert bal.round_estimate(1971.7, 100) == 2000
    assert bal.round_estimate(-1248.8, 10) == -1250
    assert bal.round_estimate(19.7, 1) == 20
    assert bal.round_estimate(650.0, 100) == 700 and bal.round_estimate(-650.0, 100) == -700  # halves away
    assert bal.round_estimate(0.0, 10) == 0


def test_moved_view_shows_every_check_in_nok_million_and_marks_the_classes_that_stayed():
    from aarsevaluering.identities.investeringsregnskap import moved_checks

    trial = checks.run("balanse", get=bal.debt_added("Drammen Eiendom KF", end=59.4))
    moved = moved_checks(checks.run("balanse"), trial)
    assert set(moved["unit"]) == {"NOK million", "NOK 1000"}  # D09's reserve is in thousands
    view, unit = bal.moved_view(moved)
    # One unit, in the caption: the reserve's check is shown as the debt its sides imply (the reserve as 1 % of
    # the debt), so no figure in thousands stands in a column of millions.
    assert unit == "NOK million" and "Unit (NOK)" not in view
    assert list(view) == ["Check", "Figure", "Against", "Class"]
    reserve = view[view["Check"].str.startswith("Interest-rate reserve")].iloc[0]
    assert "as 1 % of debt" in reserve["Check"]
    reserve_thousand = float(moved.loc[moved["check_id"] == "bal.debt.interest_reserve_vs_b01", "printed"].iloc[0])
    assert reserve["Figure"].strip("\u2008\u2007") == fmt(reserve_thousand / 10, 1)  # 95 641 thousand -> 9 564.1
    against = float(moved.loc[moved["check_id"] == "bal.debt.interest_reserve_vs_b01", "recomputed"].iloc[0])
    assert reserve["Against"].strip("\u2008\u2007") == fmt(against / 10, 1)  # scaled alike: the class stands
    assert not view["Figure"].str.contains("95\xa0641").any()
    assert any(c.endswith("(unchanged)") for c in view["Class"]) and any("→" in c for c in view["Class"])
    assert not view["Class"].str.contains(" ").any()  # unbreakable spaces only: a class never wraps
    assert set(moved["check_id"]) <= set(bal.TRY_IT_NAMES)  # every moved check has its short name
    same = moved[moved["unit"] == "NOK million"]
    view, unit = bal.moved_view(same)
    assert unit == "NOK million" and "Unit (NOK)" not in view  # one unit: in the caption


def test_fund_names_give_the_norwegian_with_the_english_beside():
    assert bal.fund_name(bal.DISPOSITION_FUND) == "Disposisjonsfond (discretionary fund)"
    assert bal.fund_name(bal.BOUND_OPERATING) == "Bundne driftsfond (restricted operating funds)"
    assert set(bal.FUND_ENGLISH) == set(checks.from_disk(bal.FUNDS)["label"])  # every B02 row has its English


def test_the_result_steps_name_the_difference_they_show():
    """Table 3.2 shows each step as the fund's change (``-amount``); each result step's source names that
    difference, later column less earlier, with the surplus positive."""
    draw = bal.fund_draw_parts(checks.from_disk).set_index("step")
    columns = {"original": "original_budget_2023", "revised": "revised_budget_2023", "accounts": "actual_2023"}
    for step in ("a weaker budgeted result", "a better result than budgeted"):
        named = re.search(r"(\w+) less (\w+) budget", draw.loc[step, "source"])
        later, earlier = (bal._dispositions(checks.from_disk, columns[w])["result"] for w in named.groups())
        assert -draw.loc[step, "amount"] == pytest.approx((later - earlier) / 1000)


def test_checks_by_section_counts_each_class_and_the_findings_once():
    one = pd.DataFrame({"status": ["exact", "discrepancy", "discrepancy"], "finding_id": ["", "f-a", "f-a"]})
    two = pd.DataFrame({"status": ["rounding", "discrepancy"], "finding_id": ["", "f-b"]})
    table = bal.checks_by_section({"One": one, "Two": two}).set_index("section")
    assert table.loc["One", ["checks", "exact", "rounding", "discrepancy", "findings"]].tolist() == [3, 1, 0, 2, 1]
    total = table.loc["The chapter"]
    assert total[["checks", "exact", "rounding", "discrepancy", "findings"]].tolist() == [5, 1, 1, 3, 2]
    assert total["row_kind"] == "total"
    with pytest.raises(ValueError):
        bal.checks_by_section({"Odd": pd.DataFrame({"status": ["truncated"], "finding_id": [""]})})
