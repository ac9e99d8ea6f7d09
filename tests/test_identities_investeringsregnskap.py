"""The investment chapter's identities: helpers, and that the checks react to altered data."""

from __future__ import annotations

import pytest

from aarsevaluering import checks, findings
from aarsevaluering.checks import altered, from_disk
from aarsevaluering.identities import investeringsregnskap as inv

CH = inv.CHAPTER


@pytest.fixture(scope="module")
def base():
    return checks.run(CH)


def test_label_key_ignores_case_and_dashes():
    assert inv.label_key("DEKF P06 Krokstad sykehjem – infrastruktur") == inv.label_key(
        "DEKF P06 Krokstad sykehjem - infrastruktur"
    )
    assert inv.label_key("(Mjøndalen–Nordbykollen)") == inv.label_key("(Mjøndalen - Nordbykollen)")
    assert inv.label_key("Inventar og utstyr Hjemmetjenester") == inv.label_key("inventar og utstyr hjemmetjenester")
    assert inv.label_key("KK P11 Vei") != inv.label_key("KK P11 Bybru")


def test_sections_of_2a_follow_the_printed_subtotals():
    frame = from_disk(inv.T2A)
    sections = inv.section_of_2a(frame).set_axis(frame["label"])
    assert sections["Avdrag på lån"] == "Sum investeringsutgifter"
    assert sections["Bruk av lån"] == "Sum investeringsinntekter"
    assert sections["Mottatte avdrag på videreutlån"] == "Netto utgifter videreutlån"
    assert sections["Dekning av tidligere års udekket beløp"] == "Sum overføring fra drift og netto avsetninger"
    assert sections["Fremført til inndekning i senere år (udekket)"] == "total"


def test_check_ids_unique_and_every_discrepancy_in_a_finding(base):
    assert base["check_id"].is_unique
    problems = [p for p in findings.problems(checks.run()) if "inv" in p]
    assert problems == []


def test_sums_count_their_terms_and_restatements_have_no_band(base):
    by_id = base.set_index("check_id")
    assert by_id.loc["inv_2a.balance.actual_2023", "terms"] == 4
    assert by_id.loc["inv_2b_part1.total.actual_2022", "terms"] == 17
    assert by_id.loc["inv_2b.sum_parts.actual_2023", "terms"] == 4
    assert by_id.loc["inv_dk.kk_fixed_assets_vs_2b.actual_2023", "terms"] > 40
    assert by_id.loc["inv_2a.same_in_dk.videreutlån.actual_2023", "kind"] == checks.RESTATEMENT
    assert set(base["kind"]) <= set(checks.KINDS)
    # Explanations live in findings/investeringsregnskap.yaml, not in the identities.
    assert "explanation" not in base


def test_claims_follow_the_tables():
    tried = checks.run(CH, only=["claims_in_words"]).set_index("check_id")
    assert tried.loc["inv_claim.bybru_on_schedule", "status"] == checks.EXACT
    assert tried.loc["inv_claim.p11_projects_on_schedule", "status"] == checks.DISCREPANCY
    get = altered(inv.TPROJ, "status", "Iht. plan", label="KK P11 Samarbeid med andre utbyggere")
    again = checks.run(CH, get=get, only=["claims_in_words"]).set_index("check_id")
    assert again.loc["inv_claim.p11_projects_on_schedule", "status"] == checks.EXACT


def test_every_project_has_one_2b_line():
    matches = inv.project_matches(from_disk)
    projects = from_disk(inv.TPROJ)
    assert len(matches) == (projects["row_kind"] != "total").sum()
    # Table and 2B differ only by the grants to others' investments (and at most one unit of rounding).
    gap = matches["difference_actual"] - matches["actual_grants"]
    assert gap.abs().max() <= 1


def test_a_typo_in_2b_is_caught_from_several_sides(base):
    get = altered(inv.T1, "actual_2023", 1000, add=True, label="KK P11 Bybru")
    tried = checks.run(CH, get=get)
    moved = set(tried.loc[tried["status"] != base["status"], "check_id"])
    assert "inv_2b_part1.p11.sum.actual_2023" in moved
    assert "inv_dk.kk_fixed_assets_vs_2b.actual_2023" in moved
    assert "inv_net_projects.fixed_vs_2b.kk_p11_bybru.actual_2023" in moved
    assert "inv_programme_projects.vs_2b.p11.kk_p11_bybru.actual_2023" in moved


def test_a_typo_in_2a_breaks_the_balance():
    get = altered(inv.T2A, "actual_2023", 10, add=True, label="Bruk av lån")
    tried = checks.run(CH, get=get, only=["two_a_balances"]).set_index("check_id")
    assert tried.loc["inv_2a.section.sum_investeringsinntekter.actual_2023", "status"] == checks.DISCREPANCY


def test_self_financing_amount_rebuilt():
    sf = inv.self_financing(from_disk)
    assert sf["numerator"] == 295846 + 70529 + 26203
    assert round(sf["numerator"] / 1000, 1) == inv.prose(from_disk, "self_financing_non_profitable_investments")
    assert sf["implied_base_low"] < sf["implied_base"] < sf["implied_base_high"] < sf["base"]


def test_prose_table_is_the_csv_and_a_changed_figure_is_caught():
    table = inv.prose_table(from_disk)
    assert list(table.columns) == list(from_disk("drift_prose_figures").columns)
    assert table["label"].is_unique
    assert set(inv.PROSE_RECIPES) <= set(table["label"])
    assert not hasattr(inv, "PROSE_FIGURES")  # one home for every number: no copy in code

    get = altered(inv.TPROSE, "value", 800.0, label="p11_spent")
    tried = checks.run(CH, get=get, only=["prose_figures"]).set_index("check_id")
    assert tried.loc["inv_prose.p11_spent", "status"] == checks.DISCREPANCY


def test_financing_bridge_closes_on_the_printed_expenditure():
    bridge = inv.financing_bridge(from_disk).set_index("step")["amount"]
    assert bridge["= investment expenditure (recomputed)"] == bridge["Sum investeringsutgifter as printed"]
    mix = inv.financing_mix(from_disk)
    assert mix["share"].sum() == pytest.approx(100)
    assert (mix["amount"] >= 0).all()


def test_financing_parts_hatch_the_land_in_kind_with_the_share_purchase():
    parts = inv.financing_parts(from_disk).set_index("source")
    havn = inv.value(from_disk(inv.T3), "actual_2023", label="Aksjekapital Drammen Havn as")
    land = 1000 * inv.prose(from_disk, "nee_settlement_land_in_kind")
    assert parts.loc["Sales of shares and holdings", "matched"] == havn + land
    assert (parts["matched"] + parts["other"] == parts["amount"]).all()
    # The land is the year's actual only: no budget holds it.
    budget = inv.financing_parts(from_disk, "revised_budget_2023").set_index("source")
    assert budget.loc["Sales of shares and holdings", "matched"] == inv.value(
        from_disk(inv.T3), "revised_budget_2023", label="Aksjekapital Drammen Havn as"
    )


# The analyses of the year (views, never graded): they must follow the data, not today's figures.


def test_the_causes_add_up_to_the_uncovered_amount_and_follow_the_vat_line():
    causes = inv.uncovered_by_cause(from_disk).set_index("key")["effect"]
    dk = from_disk(inv.TDK)
    printed = sum(
        inv.dk_section_value(dk, s, "actual_2023") - inv.dk_section_value(dk, s, "revised_budget_2023")
        for s in inv.SECTIONS_2A
    )
    assert causes.drop("total").sum() == pytest.approx(causes["total"]) == pytest.approx(printed)
    # A larger VAT refund lowers the VAT cause by as much and leaves the other named causes alone.
    more_vat = altered(inv.TDK, "actual_2023", -10_000, add=True, label="Kompensasjon for merverdiavgift")
    moved = inv.uncovered_by_cause(more_vat).set_index("key")["effect"]
    assert moved["vat"] == pytest.approx(causes["vat"] - 10_000)
    assert moved[["overspend", "partners", "relending", "shares", "sale"]].equals(
        causes[["overspend", "partners", "relending", "shares", "sale"]]
    )


def test_the_settlement_land_is_its_own_cause_and_the_share_sales_count_money():
    causes = inv.uncovered_by_cause(from_disk).set_index("key")["effect"]
    dk = from_disk(inv.TDK)
    sales = inv.dk_value(dk, "Salg av finansielle anleggsmidler", "actual_2023") - inv.dk_value(
        dk, "Salg av finansielle anleggsmidler", "revised_budget_2023"
    )
    moved = 1000 * inv.drift_prose(from_disk, inv.TRANSFER_REDUCTION)
    assert causes["land"] == -16_500  # line 4533, the land received in kind
    assert causes["land"] + causes["shares"] == pytest.approx(sales + moved)  # 62.8 above budget less the 45
    assert causes["shares"] == -1_285  # the settlement's money beyond the 45, and the two small sales
    # A larger share of the settlement in land moves the two bars against each other and nothing else.
    more_land = altered(inv.TPROSE, "value", 1.0, add=True, label="nee_settlement_land_in_kind")
    again = inv.uncovered_by_cause(more_land).set_index("key")["effect"]
    assert again["land"] == pytest.approx(causes["land"] - 1_000)
    assert again["shares"] == pytest.approx(causes["shares"] + 1_000)
    assert again.drop(["land", "shares"]).equals(causes.drop(["land", "shares"]))


def test_the_share_sales_are_the_three_sales_the_report_names(base):
    rows = base.set_index("check_id")
    parts = rows.loc["inv_prose.unbudgeted_share_sales.parts"]
    assert parts["status"] == checks.EXACT and parts["recomputed"] == pytest.approx(62.78)
    assert inv.prose_million(from_disk, "share_sale_norsk_rorsenter") == pytest.approx(0.2)  # printed in kroner
    # A sale a million larger no longer adds up to the printed 62.8.
    bigger = altered(inv.TPROSE, "value", 1_000_000, add=True, label="share_sale_svelviksposten")
    tried = checks.run(CH, get=bigger, only=["prose_relations"]).set_index("check_id")
    assert tried.loc["inv_prose.unbudgeted_share_sales.parts", "status"] == checks.DISCREPANCY
    # The land against 2B's spending on no project is the book's pairing: an estimate, never graded.
    land = rows.loc["inv_prose.nee_settlement_land_in_kind"]
    assert land["status"] == checks.ESTIMATE and land["recomputed"] == pytest.approx(16.483)


def test_partners_grants_leave_out_the_property_sale():
    causes = inv.uncovered_by_cause(from_disk).set_index("key")["effect"]
    # Moving the sale's grant to kommunekassen (2B part 2) changes the sale's cause, not the partners'.
    bigger_grant = altered(inv.T2, "actual_2023", 1_000, add=True, label=inv.DEKF_GRANT_LINE)
    moved = inv.uncovered_by_cause(bigger_grant).set_index("key")["effect"]
    assert moved["sale"] == pytest.approx(causes["sale"] - 1_000)
    assert moved["partners"] == pytest.approx(causes["partners"] + 1_000)


def test_provisions_to_restricted_funds_split_between_start_loans_and_partners():
    causes = inv.uncovered_by_cause(from_disk)
    effect, parts = causes.set_index("key")["effect"], causes.attrs["parts"]
    assert parts["startloan_set_aside"] + parts["partners_set_aside"] == pytest.approx(parts["provisions_above_budget"])
    assert effect["partners"] == pytest.approx(parts["grants_above_budget"] + parts["partners_set_aside"])
    assert effect["relending"] == pytest.approx(
        parts["relending_block"] + parts["startloan_set_aside"] + parts["bound_use"]
    )
    # More provided to the funds is partners' money set aside (the start-loan part is the block's surplus).
    more_provided = altered(inv.TDK, "actual_2023", 1_000, add=True, label="Avsetninger til bundne investeringsfond")
    moved = inv.uncovered_by_cause(more_provided).set_index("key")["effect"]
    assert moved["partners"] == pytest.approx(effect["partners"] + 1_000)
    assert moved["relending"] == pytest.approx(effect["relending"])
    # The text's 97.4 million does not move the causes: the split rests on the relending block.
    larger_said = altered(inv.BAL_PROSE, "value", 1.0, add=True, label=inv.STARTLOAN_TO_FUND)
    assert inv.uncovered_by_cause(larger_said).set_index("key")["effect"].equals(effect)
    # More start-loan repayments received: the block's surplus grows, so more of the provisions is start-loan
    # money and less the partners'; relending's bar (the unmade net lending and the funds) stays.
    more_received = altered(inv.TDK, "actual_2023", -1_000, add=True, label="Mottatte avdrag på videreutlån")
    moved = inv.uncovered_by_cause(more_received)
    assert moved.attrs["parts"]["startloan_set_aside"] == pytest.approx(parts["startloan_set_aside"] + 1_000)
    moved = moved.set_index("key")["effect"]
    assert moved["partners"] == pytest.approx(effect["partners"] - 1_000)
    assert moved["relending"] == pytest.approx(effect["relending"])


def test_the_relending_deviation_splits_into_unmade_lending_and_the_repayment_surplus():
    parts = inv.uncovered_by_cause(from_disk).attrs["parts"]
    # Budgeted lending 788 against borrowing 750; in fact as much borrowed as lent: 38.0 of net lending not made.
    assert parts["unmade_net_lending"] == 38_000
    assert parts["repayments_above"] + parts["instalments_below"] == parts["startloan_set_aside"]  # 97 324
    assert parts["unmade_net_lending"] + parts["startloan_set_aside"] == -parts["relending_block"]
    less_lent = altered(inv.TDK, "actual_2023", -5_000, add=True, label="Videreutlån")
    assert inv.uncovered_by_cause(less_lent).attrs["parts"]["unmade_net_lending"] == 43_000


def test_the_company_figures_of_the_text_are_2a_less_dk_less_drammensbadet(base):
    rows = base.set_index("check_id")
    for label in ("dekf_company_gross_investment", "dekf_company_underspend"):
        assert rows.loc[f"inv_prose.{label}", "status"] == checks.EXACT
    # Drammensbadet KF's line is what separates the company's figure from 2A − DK.
    without_baths = altered(inv.T1, "actual_2023", -1_075, add=True, executor="DBKF")
    moved = checks.run(CH, get=without_baths).set_index("check_id")
    assert moved.loc["inv_prose.dekf_company_gross_investment", "recomputed"] == pytest.approx(
        rows.loc["inv_prose.dekf_company_gross_investment", "recomputed"] + 1.075
    )


def test_dekf_expenditure_parts_make_its_deviation():
    parts = inv.dekf_expenditure_parts(from_disk)
    a2 = from_disk(inv.T2A)
    assert parts["repayment"] == inv.value(a2, "actual_2023", label="Avdrag på lån")  # no budget, no DK row
    shares = parts["total"] - parts["fixed"] - parts["repayment"] - parts["grant"]
    assert shares == pytest.approx(0, abs=2)  # lending and shares are kommunekassen's alone


def test_hso_lines_are_the_new_dekf_lines_of_health_and_care():
    lines = inv.hso_lines(from_disk)
    assert (lines["original_budget_2023"] == 0).all() and (lines["revised_budget_2023"] > 0).all()
    assert lines["label"].str.startswith("DEKF").all()
    # A line given an original budget is no longer one of them.
    budgeted = altered(inv.T1, "original_budget_2023", 5_000, label=lines["label"].iloc[0])
    assert len(inv.hso_lines(budgeted)) == len(lines) - 1


def test_kk_area_overspend_is_actual_less_revised_budget():
    frame = inv.kk_area_overspend(from_disk)
    assert (frame["overspend"] == frame["actual_2023"] - frame["revised_budget_2023"]).all()
    assert frame["overspend"].is_monotonic_decreasing


def test_moved_checks_lists_what_an_alteration_moves(base):
    tried = checks.run(CH, get=altered(inv.T1, "actual_2023", 1000, add=True, label="KK P11 Bybru"))
    moved = inv.moved_checks(base, tried)
    assert "inv_programme_projects.vs_2b.p11.kk_p11_bybru.actual_2023" in set(moved["check_id"])
    assert moved["status"].str.contains("→").any()
    assert inv.moved_checks(base, base).empty


def test_the_enterprises_growth_splits_into_what_the_summaries_name_and_the_rest():
    eg = inv.enterprise_growth_sources(from_disk)
    assert eg["from_2022"] + eg["from_funds"] + eg["not_named"] == pytest.approx(eg["growth"])
    assert eg["from_2022"] == 34_370  # P01 27.3 + P08 0.37 + P09 6.7 (lines 4838, 5800, 5958)
    # The P08 rent-to-own money (46.5 million, line 5801) rounds from the enterprises' use of restricted funds.
    assert round(eg["fund_use_actual"] / 1000, 1) == eg["from_funds"] / 1000
    assert eg["fund_use_revised"] == eg["fund_use_actual"]
    # A larger figure in a summary is more named and less left over.
    more = altered(inv.TPROSE, "value", 1.0, add=True, label="p09_dekf_carried_from_2022")
    moved = inv.enterprise_growth_sources(more)
    assert moved["not_named"] == pytest.approx(eg["not_named"] - 1_000)


def test_the_transfer_from_operations_is_the_result_plus_the_funds_net():
    ts = inv.transfer_sources(from_disk)
    assert ts["rebuilt"] == ts["transfer"]
    assert ts["transfer"] == -inv.value(from_disk(inv.T2A), "actual_2023", label="Overføring fra drift")
    assert ts["result"] == 78_327 and ts["fund_used"] == 249_106


def test_the_self_financing_base_with_p12_is_larger(base):
    sf = inv.self_financing(from_disk)
    assert sf["base_with_p12"] == sf["base"] + sf["p12_net"] > sf["base"]
    assert round(sf["share_with_p12"], 1) == 34.5
    # The book's base is its own definition, not a bound, and the check says so.
    assert "widest" not in base.set_index("check_id").loc["inv_selffin.share", "what"]


def test_p12s_vat_if_compensated_widens_the_base_by_at_most_its_vat_share():
    sf = inv.self_financing(from_disk)
    assert sf["p12_gross"] == 297_585  # 2B part 1, P12's subtotal (gross of VAT, line 2776)
    assert sf["p12_vat_max"] == pytest.approx(297_585 * 0.25 / 1.25)
    assert sf["base"] < sf["base_p12_vat"] < sf["base_with_p12"]
    assert round(sf["share_p12_vat"], 1) == 40.9 < round(sf["share"], 1) == 43.6


def test_the_book_base_on_the_original_budget_against_the_rule_minimum():
    sf = inv.self_financing(from_disk)
    # 1 287 800 + 9 800 − 200 044 − 108 476 − 243 000 (2A's original budget; P12's net table)
    assert sf["base_original"] == 746_080
    assert sf["rule_base_original"] == pytest.approx(118_800 / 0.15)  # lines 2663–2665


def test_the_start_loans_of_the_text_are_an_estimate_against_the_accounts(base):
    row = base.set_index("check_id").loc["inv_prose.startloan_lending_said"]
    assert row["status"] == checks.ESTIMATE and row["recomputed"] == pytest.approx(615.374)
    assert "inv-startloan-formidlet" in set(findings.assign(base)["finding_id"])


def test_the_year_in_brief_is_2a_and_kommunekassens_blocks():
    brief = inv.year_in_brief(from_disk).set_index("label")
    a2 = from_disk(inv.T2A)
    assert brief.loc["Investment expenditure", "both"] == inv.value(a2, "actual_2023", label=inv.SUM_UT)
    assert brief.loc["− Investment income", "both"] == -inv.value(a2, "actual_2023", label=inv.SUM_INN)  # positive
    uncovered = brief.loc["= Carried forward uncovered"]
    assert uncovered["kk_revised"] == 0  # kommunekassen's revised budget balances
    assert uncovered["kk_actual"] == uncovered["kk_effect"] == pytest.approx(75648)
    # Kommunekassen's blocks print no repayment of debt: it counts as zero there.
    assert brief.loc["· debt repaid", "kk_actual"] == 0
    # The effect is + where a line adds to the uncovered amount: spending above budget, income below it.
    signs_all = [-1 if label.startswith("−") or label.startswith("· loan") else 1 for label in brief.index]
    assert (brief["kk_effect"] == (brief["kk_actual"] - brief["kk_revised"]) * signs_all).all()
    assert brief.loc["Investment expenditure", "kk_effect"] > 0 > brief.loc["− Investment income", "kk_effect"]
    # The four sections, with the sign their labels give them, add to the amount carried forward, in every
    # column (the · rows are lines of a section, not added again), to the printed lines' rounding: 2A's
    # subtotals are each rounded to the thousand, so they may miss their sum by a thousand or two.
    sections = brief[brief["row_kind"] == "item"]
    signs = [-1 if label.startswith("−") else 1 for label in sections.index]
    for column in ("both", "kk_revised", "kk_actual"):
        assert (sections[column] * signs).sum() == pytest.approx(uncovered[column], abs=2)
    assert sections["kk_effect"].sum() == pytest.approx(uncovered["kk_effect"], abs=2)  # no sign turned


def test_dk_is_spelled_out_in_the_checks_texts(base):
    assert inv.spelled_out("DK: Totalsum = Sum investeringsutgifter (actual 2023)") == (
        "Kommunekassen's statement: Totalsum = Sum investeringsutgifter (actual 2023)"
    )
    assert inv.spelled_out("DK fixed assets = 2B part 1 lines").startswith("Kommunekassen's fixed assets = ")
    assert inv.spelled_out("2A grants to others = DK + 2B line") == "2A grants to others = kommunekassen's + 2B line"
    texts = base["what"]
    assert not texts.map(inv.spelled_out).str.contains(r"\bDK\b").any()


def test_the_self_financing_readings_follow_the_book_and_the_report():
    sf = inv.self_financing(from_disk)
    readings = inv.self_financing_readings(from_disk).set_index("reading")
    assert readings.loc["book", "share"] == pytest.approx(sf["share"])
    assert readings.loc["report", "base_low"] < readings.loc["report", "base"] < readings.loc["report", "base_high"]
    assert readings.loc["original_rule", "base"] * readings.loc["original_rule", "share"] / 100 == pytest.approx(
        readings.loc["original_rule", "amount"]
    )
    # Each variant of the book's base widens it, so the share falls.
    shares = readings.loc[["book", "p12_vat", "p12_in"], "share"]
    assert shares.is_monotonic_decreasing


def test_the_year_in_brief_names_each_row_by_its_printed_2a_line():
    brief = inv.year_in_brief(from_disk)
    a2_lines = set(from_disk(inv.T2A)["label"])
    assert brief["line"].isin(a2_lines).all()  # every row searchable by the report's own words
    assert brief.set_index("label").loc["= Carried forward uncovered", "line"].startswith("Fremført til inndekning")
