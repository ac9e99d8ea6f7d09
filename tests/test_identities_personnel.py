"""The personnel chapter's identities and derived measures: helpers, classes on the printed data, and
that the checks react to altered data."""

from __future__ import annotations

import pandas as pd
import pytest

from aarsevaluering import areas, checks
from aarsevaluering.identities import personnel as pers


def status(frame, check_id):
    return frame.set_index("check_id").loc[check_id, "status"]


@pytest.fixture(scope="module")
def printed():
    return checks.run("personnel")


# --- helpers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("P06 Hjemmetjenester og institusjon", "P06"),
        ("P14-P19 Sentrale enheter", "P14-P19"),
        ("P09 Kultur, fritid og idrett", "P09"),
        ("Totalsum", "Totalsum"),
    ],
)
def test_area_code(label, code):
    assert pers.area_code(label) == code


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("P06 Hjemmetjenester og institusjon", "P06 Home care"),  # the book's one short name (areas.label)
        ("P03 Forebyggende tjenester og barnevern", "P03 Prevention"),
        ("P14-P19 Sentrale enheter", "P14\u2013P19 Central units"),  # the joint row, en dash as in the text
        ("Totalsum", "All areas"),
    ],
)
def test_area_name_is_the_books_short_name(label, name):
    assert pers.area_name(label) == name


def test_word_list_joins_as_a_sentence_does():
    assert pers.word_list([]) == "" and pers.word_list(["a"]) == "a"
    assert pers.word_list(["a", "b"]) == "a and b" and pers.word_list(["a", "b", "c"]) == "a, b and c"


def test_en_dash_only_touches_the_joint_code():
    assert pers.en_dash("P14-P19 Sentrale enheter") == "P14\u2013P19 Sentrale enheter"
    assert pers.en_dash("20-29") == "20-29"


def test_job_group_key_joins_the_two_spellings():
    assert pers.job_group_key("Høyere akademisk utdanning, kap 5") == pers.job_group_key(
        "Høyere akademisk utdanning, kapittel 5"
    )
    assert pers.job_group_key("Leder kapittel 4") == "Leder kapittel 4"


def test_slug():
    assert pers.slug("Under 20 år") == "under_20"
    assert pers.slug("Over 70 år") == "over_70"
    assert pers.slug("20-29") == "20-29"


def test_pct_change_range_brackets_the_change():
    low, high = pers.pct_change_range(78, 83)
    assert low == pytest.approx(100 * (82.5 - 78.5) / 78.5)
    assert high == pytest.approx(100 * (83.5 - 77.5) / 77.5)
    assert low < pers.pct_change(78, 83) < high


def test_implied_women_share():
    # 80 % women at 500, 20 % men at 600 -> average 520
    assert pers.implied_women_share(500, 600, 520) == pytest.approx(80)


# --- the checks on the printed data ----------------------------------------------------------


def test_ids_unique_and_every_discrepancy_in_a_finding(printed):
    from aarsevaluering import findings

    assert printed["check_id"].is_unique
    assigned = findings.assign(printed, findings.load("personnel"))
    loose = assigned[(assigned["status"] == checks.DISCREPANCY) & (assigned["finding_id"] == "")]
    assert loose.empty, list(loose["check_id"])


def test_no_explanations_left_in_code(printed):
    assert "explanation" not in printed


def test_expected_classes(printed):
    expected = {
        "pers_permanent_staff_by_area.sum.headcount_2023": checks.DISCREPANCY,
        "pers_permanent_staff_by_area.sum.fte_2023": checks.EXACT,
        "pers_permanent_staff_by_area.headcount_change_pct.P12": checks.EXACT,
        # 78 -> 83 FTEs gives 6.4 %, printed 5.6 %: inside what the rounding of the FTEs allows
        "pers_permanent_staff_by_area.fte_change_pct.P12": checks.ROUNDING,
        "pers_gender_by_job_group.headcount_total.vs_gender_age": checks.DISCREPANCY,
        "pers_gender_by_job_group.sum.headcount_total": checks.EXACT,
        "pers_full_time_share.avg_position_size_pct.2023.vs_fte_per_head": checks.ESTIMATE,
        "pers_full_time_share.full_time_share_pct.2023.vs_part_time_count": checks.ESTIMATE,
        "pers_aml_breaches_by_area.breaches_2023.vs_by_type": checks.EXACT,
        "pers_prose_figures.overtime_hours_total_2023.split": checks.EXACT,
        "pers_gender_age_distribution.temporary.share.total.under_20": checks.DISCREPANCY,
        # a printed share of exact counts must round from the count's share: 513 of 6 268 is 8.18 %, not 8.1 %
        "pers_gender_age_distribution.permanent.share.women.20-29": checks.DISCREPANCY,
        "pers_gender_age_distribution.permanent_part_time.pct_women_plus_men.60-69": checks.DISCREPANCY,
        "pers_gender_age_distribution.permanent_part_time.within_permanent.women.over_70": checks.DISCREPANCY,
        "pers_gender_age_distribution.permanent_part_time.within_permanent.women.under_20": checks.EXACT,
        "pers_prose_figures.part_time_permanent_women_share": checks.DISCREPANCY,
        "pers_prose_figures.permanent_men_share_dec_2023.vs_pay_average": checks.ESTIMATE,
        "pers_average_pay_by_job_group.avg_pay_total.avdelingsleder.weighted": checks.ESTIMATE,
        "pers_average_pay_total.avg_pay_all.weighted": checks.ESTIMATE,
        # 88.50 % printed for both years does not bear out the rise (a failed claim); the finding grades the
        # tie unstated, since the table is in effect rounded to a tenth
        "pers_full_time_share.claim.avg_position_size_rose": checks.DISCREPANCY,
        # graded in 2022, the one year both are printed for: 11.0 % against the sector's 11 % is not higher
        "pers_turnover_by_area.claim.above_sector": checks.DISCREPANCY,
        "pers_turnover_by_area.claim.largest_increase": checks.EXACT,
        "pers_aml_breaches_by_area.claim.rose_with_overtime": checks.DISCREPANCY,
        # «toppledelsen» is the book's reading (two job groups pooled): an estimate
        "pers_gender_by_job_group.claim.top_management_balanced": checks.ESTIMATE,
    }
    for check_id, wanted in expected.items():
        assert status(printed, check_id) == wanted, check_id


def test_kinds_and_terms(printed):
    frame = printed.set_index("check_id")
    assert frame.loc["pers_permanent_staff_by_area.sum.headcount_2023", "terms"] == 14
    assert frame.loc["pers_new_permanent_hires_by_month.sum.hires_2023", "terms"] == 12
    assert frame.loc["pers_prose_figures.overtime_hours_total_2023.split", "terms"] == 3
    assert frame.loc["pers_gender_age_distribution.temporary.sum.total_pct", "terms"] == 7
    assert frame.loc["pers_prose_figures.turnover_2023", "kind"] == checks.RESTATEMENT
    shares = frame[frame.index.str.contains(r"\.share\.")]
    assert (shares["kind"] == checks.SHARE).all()
    assert (frame.loc[frame["unit"] == pers.CLAIM_UNIT, "kind"].isin([checks.CLAIM, checks.ESTIMATE_KIND])).all()


# --- the checks react to altered data ----------------------------------------------------------


def test_fte_change_outside_the_rounding_range_is_a_discrepancy():
    get = checks.altered(pers.STAFF, "fte_change_pct", 8.5, label="P12 Vann, avløp og renovasjon")
    frame = checks.run("personnel", get=get, only=["staff_changes"])
    assert status(frame, "pers_permanent_staff_by_area.fte_change_pct.P12") == checks.DISCREPANCY


def test_corrected_share_becomes_exact():
    get = checks.altered(pers.GENDER_AGE, "total_pct", 3.2, staff_group="temporary", label="Under 20 år")
    frame = checks.run("personnel", get=get, only=["gender_age_shares"])
    assert status(frame, "pers_gender_age_distribution.temporary.share.total.under_20") == checks.EXACT
    # the women's and men's shares (2.8 % + 1.1 %) no longer add up to the corrected 3.2 %
    assert status(frame, "pers_gender_age_distribution.temporary.pct_women_plus_men.under_20") == checks.DISCREPANCY


def test_claim_follows_the_table():
    get = checks.altered(pers.FULL_TIME, "avg_position_size_pct", 88.7, label="2023")
    frame = checks.run("personnel", get=get, only=["prose_claims"])
    assert status(frame, "pers_full_time_share.claim.avg_position_size_rose") == checks.EXACT
    for lower_or_tie in (88.4, 88.5):  # 2022 is printed as 88.50 %: a tie bears out no rise
        get = checks.altered(pers.FULL_TIME, "avg_position_size_pct", lower_or_tie, label="2023")
        frame = checks.run("personnel", get=get, only=["prose_claims"])
        assert status(frame, "pers_full_time_share.claim.avg_position_size_rose") == checks.DISCREPANCY


def test_part_time_average_position():
    # 5 529 FTEs less 4 531 full-timers (6 268 − 1 737), over 1 737 part-timers
    assert pers.part_time_average_position(checks.from_disk) == pytest.approx(100 * 998 / 1737, abs=0.01)
    get = checks.altered(pers.STAFF, "fte_2023", 5629, label=pers.TOTAL)
    assert pers.part_time_average_position(get) == pytest.approx(100 * 1098 / 1737, abs=0.01)


def test_fte_equivalents():
    got = pers.fte_equivalents(checks.from_disk)
    assert got["fte"] == 5529 + 569
    assert got["sick_fte"] == pytest.approx(0.096 * 6098)
    assert got["above_target_fte"] == pytest.approx((9.6 - 8.1) / 100 * 6098)
    assert got["overtime_fte"] == pytest.approx(127_554 / 1950)
    get = checks.altered(pers.SICK, "sick_leave_2023_pct", 8.1, label=pers.TOTAL)
    assert pers.fte_equivalents(get)["above_target_fte"] == pytest.approx(0)


def test_totals_react():
    get = checks.altered(pers.OVERTIME, "overtime_hours_2023", 10000, label="P01 Skole")
    frame = checks.run("personnel", get=get, only=["overtime"])
    assert status(frame, "pers_overtime_by_area.sum.overtime_hours_2023") == checks.DISCREPANCY


# --- derived measures --------------------------------------------------------------------------


def test_per_fte():
    rate = pers.per_fte(checks.from_disk).set_index("code")
    assert rate.loc["P12", "overtime_per_fte_2023"] == pytest.approx(7310 / 83)
    assert rate.loc["P06", "breaches_per_100_fte_2023"] == pytest.approx(100 * 7727 / 1201)
    assert pd.isna(rate.loc["P02", "breaches_per_100_fte_2023"])


def test_overtime_split_and_hires_profile():
    split = pers.overtime_split(checks.from_disk)
    assert split["share_pct"].sum() == pytest.approx(100)
    profile = pers.hires_profile(checks.from_disk)
    for year in ("2020", "2021", "2022", "2023"):
        assert profile[f"share_{year}"].sum() == pytest.approx(100)
    assert profile.loc[profile["mean_share"].idxmax(), "month"] == "August"


def test_pay_gap_and_sick_leave_gap():
    ratio = pers.pay_gap(checks.from_disk)
    assert len(ratio) == 14 and ratio["group_en"].notna().all()
    assert ratio["women_pct_of_men"].max() == pytest.approx(100 * 1700000 / 1406650)
    gap = pers.sick_leave_gap(checks.from_disk).set_index("code")
    assert gap.loc["P08", "gap_pp"] == pytest.approx(4.0)


def test_share_matrix_reads_the_checks(printed):
    matrix = pers.share_matrix(printed, "temporary")
    assert list(matrix["label"])[0] == "Under 20 år" and list(matrix["label"])[-1] == "Totalt"
    row = matrix.set_index("label").loc["Under 20 år"]
    assert row["total_printed"] == pytest.approx(4.0)
    assert row["total_counts"] == pytest.approx(100 * 25 / 791)


def test_part_time_subset_reacts():
    get = checks.altered(pers.GENDER_AGE, "women_count", 700, staff_group="permanent_part_time", label="60-69")
    frame = checks.run("personnel", get=get, only=["part_time_subset"])
    assert status(frame, "pers_gender_age_distribution.permanent_part_time.within_permanent.women.60-69") == (
        checks.DISCREPANCY
    )


def test_flows_and_intensities():
    flow = pers.flows(checks.from_disk)
    assert flow["net_change"] == 6268 - 6159
    assert flow["implied_leavers"] == 363 - 109
    assert flow["leavers_at_rate"] == pytest.approx(0.124 * (6159 + 6268) / 2)
    intensity = pers.overtime_intensity(checks.from_disk).set_index("employment_type")
    assert intensity.loc["Temporary employees", "hours_per_fte"] == pytest.approx(35014 / 569)
    breach = pers.breach_intensity(checks.from_disk).set_index("code")
    assert breach.loc["P06", "per_1000_hours_2023"] == pytest.approx(1000 * 7727 / 51686)
    assert breach.loc["P02", "registered"] == "no row" and pd.isna(breach.loc["P02", "per_1000_hours_2023"])
    assert breach.loc["P01", "registered"] == "estimated"


def test_part_time_rates_and_baseline_and_pay():
    rates = pers.part_time_rates(checks.from_disk).set_index("label")
    assert rates.loc["20-29", "men_rate_pct"] == pytest.approx(100 * 47 / 118)
    assert rates.loc["Totalt", "women_rate_pct"] == pytest.approx(100 * 1434 / 4963)
    assert pd.isna(rates.loc["Over 70 år", "women_rate_pct"])  # 6 part-time women, no permanent ones
    base = pers.sick_leave_baseline(checks.from_disk).set_index("code")
    assert base.loc["Totalsum", "baseline_2021_pct"] == pytest.approx(8.1 / 0.9)
    pay = pers.pay_decomposition(checks.from_disk)
    assert pay["headline"] == pytest.approx(100 * 567153 / 579776)
    assert 90 < pay["within_groups"] < 105


# --- the analyses of an HR researcher ----------------------------------------------------------


def edited(table, change):
    """A getter reading ``data/`` with ``change(frame)`` applied to ``table`` in memory."""

    def get(name):
        frame = checks.from_disk(name)
        return change(frame.copy()) if name == table else frame

    return get


def test_women_weight_gives_back_a_known_mix():
    assert pers.women_weight(0.7 * 10 + 0.3 * 5, 10, 5) == pytest.approx(0.7)
    low, high = pers.women_weight_range(8.5, 10, 5)
    assert low < 0.7 < high


def test_sick_gap_splits_exactly_into_mix_and_rates():
    parts = pers.sick_gap_decomposition(checks.from_disk)
    assert (parts["mix_pp"] + parts["rates_pp"]).to_numpy() == pytest.approx(parts["gap_pp"].to_numpy())
    assert (parts["mix_low"] <= parts["mix_pp"]).all() and (parts["mix_pp"] <= parts["mix_high"]).all()


def test_sick_gap_is_all_mix_when_the_sector_has_drammens_rates_by_gender():
    drammen = checks.from_disk(pers.SICK_Q).query("population == 'drammen'").set_index("label")

    def same_rates(frame):
        for label in ("Kvinne", "Mann"):
            mask = (frame["population"] == "municipal_sector") & (frame["label"] == label)
            frame.loc[mask, pers.QUARTERS] = drammen.loc[label, pers.QUARTERS].to_numpy()
        return frame

    parts = pers.sick_gap_decomposition(edited(pers.SICK_Q, same_rates))
    assert parts["rates_pp"].abs().max() == pytest.approx(0)
    assert parts["mix_pp"].to_numpy() == pytest.approx(parts["gap_pp"].to_numpy())


def test_sick_leave_vs_sector_gap_is_drammen_less_sector():
    frame = pers.sick_leave_vs_sector(checks.from_disk)
    assert list(frame["gender"]) == ["Women", "Men", "All"]
    assert (frame["gap_pp"]).to_numpy() == pytest.approx(
        (frame["drammen_mean_pct"] - frame["sector_mean_pct"]).to_numpy()
    )


def test_pay_ratio_on_one_population_is_within_times_mix():
    parts = pers.pay_decomposition(checks.from_disk)
    assert parts["within_groups"] * parts["mix_groups"] / 100 == pytest.approx(parts["weighted_groups"])


def test_pay_gap_within_groups_vanishes_when_women_earn_mens_pay():
    parts = pers.pay_decomposition(edited(pers.PAY, lambda f: f.assign(avg_pay_women=f["avg_pay_men"])))
    assert parts["within_groups"] == pytest.approx(100)
    assert parts["mix_groups"] == pytest.approx(parts["weighted_groups"])


def test_overtime_against_caps_follows_the_hours():
    base = pers.overtime_against_caps(checks.from_disk)
    assert base["per_fte"] == pytest.approx(base["hours"] / base["fte"])
    assert base["min_hours_year"] == base["breaches_year"] * pers.OVERTIME_CAPS["year"]["hours"]
    doubled = pers.overtime_against_caps(
        edited(pers.OVERTIME, lambda f: f.assign(overtime_hours_2023=2 * f["overtime_hours_2023"]))
    )
    assert doubled["cap_over_average"] == pytest.approx(base["cap_over_average"] / 2)
    assert doubled["min_share_year"] == pytest.approx(base["min_share_year"] / 2)


def test_equality_indicators_react_to_the_counts():
    base = pers.equality_indicators(checks.from_disk).set_index("indicator")
    managers = base.loc["Share of managers"]
    assert managers["women"] + managers["men"] == pytest.approx(100)
    get = checks.altered(pers.JOB_GROUPS, "headcount_women", 0, label="Avdelingsleder")
    assert pers.equality_indicators(get).set_index("indicator").loc["Share of managers", "women"] < managers["women"]
    assert len(pers.managers_by_level(checks.from_disk)) == len(pers.MANAGER_GROUPS)


def test_area_comparison_leaves_out_p10_and_unregistered_breaches():
    table = pers.area_comparison(checks.from_disk).set_index("code")
    assert "P10" not in table.index
    assert pd.isna(table.loc["P01", "breaches_per_1000_hours"]) and pd.isna(table.loc["P02", "breaches_per_1000_hours"])
    patterns = pers.area_patterns(table.reset_index())
    items = table[table["row_kind"] == "item"]
    for column, row in patterns.iterrows():
        assert row["highest_value"] == pytest.approx(float(items[column].dropna().astype(float).max()))
        assert row["lowest_value"] == pytest.approx(float(items[column].dropna().astype(float).min()))


def test_turnover_readings_balance_the_flows():
    readings = pers.turnover_readings(checks.from_disk)
    assert (readings["entrants_needed"] - readings["hires"]).to_numpy() == pytest.approx(
        readings["unaccounted"].to_numpy()
    )
    allowed = readings.iloc[-1]
    assert allowed["unaccounted"] == 0 and allowed["rate_pct"] == pytest.approx(
        100 * allowed["leavers"] / allowed["base"]
    )
    more_hires = pers.turnover_readings(checks.altered(pers.HIRES, "hires_2023", 100, add=True, label="Totalt"))
    assert more_hires["unaccounted"].iloc[0] == pytest.approx(readings["unaccounted"].iloc[0] - 100)


def test_every_breach_type_has_a_family_and_the_changes_add_up():
    by_type = pers.breach_change_by_type(checks.from_disk)
    assert by_type["family"].notna().all()
    assert by_type["share_of_change_pct"].sum() == pytest.approx(100)
    assert by_type["share_of_level_pct"].sum() == pytest.approx(100)
    families = pers.breach_change_by_family(checks.from_disk)
    assert families["change"].sum() == by_type["change"].sum()


def test_breach_type_key_survives_appended_text():
    assert pers.breach_type_key("AML timer per 4 uker <b>x</b> (t)") == "AML timer per 4 uker"
    assert pers.breach_type_key("Søndager på rad (snitt) & more") == "Søndager på rad (snitt)"
    assert pers.breach_type_key("Søndager på rad") == "Søndager på rad"
    assert pers.breach_type_key(pers.TOTAL) == pers.TOTAL
    longer = checks.altered(pers.BREACH_TYPE, "label", "AML timer per 4 uker (hostile)", label="AML timer per 4 uker")
    by_type = pers.breach_change_by_type(longer)
    assert by_type["family"].notna().all()
    assert (
        pers.overtime_against_caps(longer)["breaches_four_weeks"]
        == pers.overtime_against_caps(checks.from_disk)["breaches_four_weeks"]
    )


def test_persons_over_the_annual_cap_are_whole_and_each_past_the_cap():
    caps = pers.overtime_against_caps(checks.from_disk)
    persons = caps["max_persons_over_cap"]
    assert persons == int(persons)
    assert (
        persons * pers.OVERTIME_CAPS["year"]["hours"]
        <= caps["hours"]
        < (persons + 1) * pers.OVERTIME_CAPS["year"]["hours"]
    )


def test_breach_benchmark_counts_only_areas_that_register():
    bph = pers.breach_intensity(checks.from_disk)
    counted = bph[(bph["row_kind"] == "item") & (bph["registered"] == "yes")]
    total = bph[bph["row_kind"] == "total"].iloc[0]
    expected = 1000 * counted["breaches_2023"].astype(float).sum() / counted["overtime_hours_2023"].astype(float).sum()
    assert float(total["per_1000_hours_2023"]) == pytest.approx(expected)
    assert pers.breach_rate_all_areas(checks.from_disk) < float(total["per_1000_hours_2023"])
    # more breaches in the schools, which do not register, leave the benchmark unchanged
    schools = checks.altered(pers.BREACH_AREA, "breaches_2023", 500, add=True, label="P01 Skole")
    again = pers.breach_intensity(schools)
    assert float(again[again["row_kind"] == "total"].iloc[0]["per_1000_hours_2023"]) == pytest.approx(expected)


def test_pay_split_on_both_yardsticks_multiplies_to_the_raw_ratio():
    parts = pers.pay_decomposition(checks.from_disk)
    assert parts["within_groups_w"] * parts["mix_groups_w"] / 100 == pytest.approx(parts["weighted_groups"])
    assert parts["within_groups_w"] != pytest.approx(parts["within_groups"])
    same = pers.pay_decomposition(edited(pers.PAY, lambda f: f.assign(avg_pay_women=f["avg_pay_men"])))
    assert same["within_groups_w"] == pytest.approx(100)


def test_pay_shortfall_nets_the_groups_where_women_earn_more():
    frame = pers.pay_shortfall(checks.from_disk)
    assert frame["shortfall"].is_monotonic_decreasing
    gross = frame.loc[frame["shortfall"] > 0, "shortfall"].sum()
    assert frame["shortfall"].sum() < gross
    equal = pers.pay_shortfall(edited(pers.PAY, lambda f: f.assign(avg_pay_women=f["avg_pay_men"])))
    assert equal["shortfall"].abs().sum() == 0


@pytest.mark.parametrize(("value", "other", "word"), [(11.0, 11, "level with"), (12.4, 11, "above"), (10, 11, "below")])
def test_compare_word(value, other, word):
    assert pers.compare_word(value, other) == word


def test_every_or_count():
    assert pers.every_or_count(7, 7, "age group") == "in every age group"
    assert pers.every_or_count(6, 7, "age group") == "in 6 of 7 age groups"


def test_turnover_weighted_by_staff_is_an_estimate_that_follows_the_areas(printed):
    frame = printed.set_index("check_id")
    for year in ("2022", "2023"):
        cid = f"pers_turnover_by_area.turnover_{year}_pct.totalsum.weighted"
        assert frame.loc[cid, "status"] == checks.ESTIMATE
        turn = checks.from_disk(pers.TURNOVER)
        staff = checks.from_disk(pers.STAFF)
        areas = turn[turn["row_kind"] == "item"].assign(code=lambda f: f["label"].map(pers.area_code))
        heads = staff[staff["row_kind"] == "item"].assign(code=lambda f: f["label"].map(pers.area_code))
        joined = areas.merge(heads[["code", f"headcount_{year}"]], on="code")
        weights = joined[f"headcount_{year}"].astype(float)
        expected = (joined[f"turnover_{year}_pct"].astype(float) * weights).sum() / weights.sum()
        assert frame.loc[cid, "recomputed"] == pytest.approx(expected)
    # a higher rate in one large area raises the weighted rate, not the printed total
    get = checks.altered(pers.TURNOVER, "turnover_2023_pct", 30.0, label="P01 Skole")
    moved = checks.run("personnel", get=get, only=["turnover"]).set_index("check_id")
    cid = "pers_turnover_by_area.turnover_2023_pct.totalsum.weighted"
    assert moved.loc[cid, "recomputed"] > frame.loc[cid, "recomputed"]
    assert moved.loc[cid, "printed"] == frame.loc[cid, "printed"]


def test_prose_qualifiers_name_printed_figures():
    # «cirka 38» and «over 50»: the words the prose-figure table shows beside the bare numbers
    labels = set(checks.from_disk(pers.PROSE)["label"])
    assert set(pers.PROSE_QUALIFIERS) <= labels
    assert pers.prose_value(checks.from_disk, "hiring_time_reduction_avg") == 50


def test_planned_time_a_week_is_ordinary_working_time_and_every_family_is_listed():
    assert pers.BREACH_FAMILY["Planlagt tid per uke"] == "Ordinary working time"
    assert set(pers.BREACH_FAMILY.values()) == set(pers.BREACH_FAMILIES)


def test_errors_on_gender_age_shares_counts_the_share_findings():
    from aarsevaluering import findings

    all_checks = checks.run("personnel")
    chapter = findings.load("personnel")
    errors, shares = pers.errors_on_gender_age_shares(all_checks, chapter)
    assert errors == sum(f.verdict == "error" for f in chapter)
    assert 0 <= shares <= errors


def test_gender_age_error_words_follow_the_counts():
    assert pers.gender_age_error_words(5, 5).startswith(", all of them gender and age")
    assert pers.gender_age_error_words(5, 3).startswith(", most of them")
    assert pers.gender_age_error_words(5, 2).startswith(", 2 of them")
    assert pers.gender_age_error_words(1, 1) == ", a gender or age percentage that does not follow from its counts"
    assert pers.gender_age_error_words(4, 0) == ""


def test_job_group_chart_labels_can_be_searched_for():
    get = checks.from_disk
    """Every job group has a chart label whose Norwegian piece stands in both tables' printed labels, in either
    table's spelling alike, so a reader can search the report for it."""
    for table in (pers.PAY, pers.JOB_GROUPS):
        labels = pers.items(get(table))["label"]
        for label in labels:
            english, printed = pers.JOB_GROUP_CHART[pers.job_group_key(label)]
            assert printed in label and english
            assert pers.job_group_chart_label(label, 1348) == f"{english} ({pers.fmt(1348)})\n«{printed}»"
    assert set(pers.JOB_GROUP_CHART) == set(pers.JOB_GROUP_EN)


@pytest.mark.parametrize(
    ("label", "glossed"),
    [
        (
            "P05 Mennesker med nedsatt funksjonsevne",
            "P05 Mennesker med nedsatt funksjonsevne (People with disabilities)",
        ),
        (  # a full translation, not the charts' short name
            "P06 Hjemmetjenester og institusjon",
            "P06 Hjemmetjenester og institusjon (Home care and institutions)",
        ),
        ("P07 Rus og psykisk helse", "P07 Rus og psykisk helse (Substance use and mental health)"),
        (
            "P03 Forebyggende tjenester (inkl. barnevern)",
            "P03 Forebyggende tjenester (inkl. barnevern) (Prevention services, incl. child welfare)",
        ),
        (  # the English of the printed name, not of the area's other name (H08, H10; line 4026)
            "P09 Kultur, fritid og idrett",
            "P09 Kultur, fritid og idrett (Culture, leisure and sport)",
        ),
        (
            "P09 Kultur, idrett og frivillighet",
            "P09 Kultur, idrett og frivillighet (Culture, sport and voluntary work)",
        ),
        (
            "P08 Sosialtjeneste, etablering og bolig",
            "P08 Sosialtjeneste, etablering og bolig (Social services, getting established and housing)",
        ),
        ("P14-P19 Sentrale enheter", "P14-P19 Sentrale enheter (Central units)"),  # as printed, hyphen and all
        ("Totalsum", "Totalsum (all areas)"),
        ("P09 Kultur", "P09 Kultur"),  # a name the book has no translation of: no other name's English
        ("Something else", "Something else"),
    ],
)
def test_area_gloss_puts_english_beside_the_printed_label(label, glossed):
    assert pers.area_gloss(label) == glossed


@pytest.mark.parametrize(
    ("label", "glossed"),
    [("Under 20 år", "Under 20 år (under 20)"), ("20-29", "20-29"), ("Totalt", "Totalt (total)")],
)
def test_age_gloss_glosses_only_labels_with_words(label, glossed):
    assert pers.age_gloss(label) == glossed


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("P06 Hjemmetjenester og institusjon", "P06 Home care"),
        ("P07 Rus og psykisk helse", "P07 Mental health"),
        ("P08 Sosialtjeneste, etablering og bolig", "P08 Social, housing"),
        ("P14-P19 Sentrale enheter", "P14\u2013P19 Central units"),
        ("Totalsum", "Totalsum (all areas)"),
        ("Something else", "Something else"),
    ],
)
def test_area_chart_label_is_the_code_and_the_books_one_english_name(label, shown):
    assert pers.area_chart_label(label) == shown


def test_every_area_has_one_english_name_in_tables_and_charts():
    """A table's gloss translates the printed label in full; a chart's label is the code and a short name that
    shortens the same English (its words all in the gloss), never a cut printed name."""
    for table in (pers.STAFF, pers.TURNOVER, pers.SICK, pers.OVERTIME, pers.BREACH_AREA):
        for label in checks.from_disk(table)["label"]:
            chart, glossed = pers.area_chart_label(label), pers.area_gloss(label)
            assert "\u2026" not in chart and glossed.startswith(str(label)), label
            if pers.area_code(label) != pers.TOTAL:
                english = glossed[len(str(label)) + 2 : -1].lower()
                short = chart.split(" ", 1)[1].lower()
                assert all(word.rstrip(",") in english for word in short.split()), (label, short, english)


def test_full_names_cover_the_short_names():
    assert set(areas.FULL_NAMES) == set(areas.SHORT_NAMES)


def test_every_printed_label_of_the_personnel_tables_has_a_translation_of_that_very_label():
    """Each printed name of an area has its own English, looked up by the name as printed (never by the code
    alone, so «Kultur, fritid og idrett» is not glossed with «Kultur, idrett og frivillighet»'s English); so do
    the job groups and the age groups with words."""
    english_of = {}
    for table in (pers.STAFF, pers.TURNOVER, pers.SICK, pers.OVERTIME, pers.BREACH_AREA):
        for label in checks.from_disk(table)["label"].unique():
            code = pers.area_code(label)
            name = str(label)[len(code) :].strip()
            english = areas.full_name(code, name) or (pers.AREA_EN[code] if label in pers.AREA_PRINTED else None)
            assert english, label
            assert pers.area_gloss(label) in (f"{label} ({english})", f"{label} ({english.lower()})"), label
            english_of[label] = english
    # Two printed names of one area get two Englishes (P09 is printed two ways).
    p09 = {label: en for label, en in english_of.items() if pers.area_code(label) == "P09"}
    assert len(p09) == 2 and len(set(p09.values())) == 2, p09
    for table in (pers.PAY, pers.JOB_GROUPS):
        for label in pers.items(checks.from_disk(table))["label"]:
            assert pers.job_group_key(label) in pers.JOB_GROUP_EN, label
    for label in ("Under 20 år", "Over 70 år", "Totalt"):
        assert pers.age_gloss(label) == f"{label} ({pers.AGE_EN[label]})"


def test_rate_checks_name_no_internal_columns(printed):
    words = printed[printed["check_id"].str.endswith("total_within_rows")]["what"]
    assert len(words) and not words.str.contains("_pct").any()


def test_check_source_ids_name_the_report_table_of_each_check():
    frame = pd.DataFrame(
        {
            "check_id": [
                "pers_turnover_by_area.x",
                "pers_gender_age_distribution.temporary.share.x",
                "pers_gender_age_distribution.permanent_part_time.within_permanent.x",
                "pers_gender_age_distribution.claim.temporary_younger",
                "pers_prose_figures.x",
            ],
            "table": [pers.TURNOVER, pers.GENDER_AGE, pers.GENDER_AGE, pers.GENDER_AGE, "pers_prose_figures"],
        }
    )
    assert pers.check_source_ids(frame) == ["H06", "H12", "H11, H13", "H11, H12, H13", ""]


def test_check_table_puts_the_table_id_before_the_unit_and_lines():
    shown = pers.check_table(
        checks.run("personnel", only=["turnover"]).query("table == @pers.TURNOVER").head(1), table_id="t"
    )
    assert '<span class="check-note">H06 · ' in shown.data["Check"].iloc[0]


def test_turnover_reading_range_brackets_the_reading():
    get = checks.from_disk
    ks = pers.turnover_readings(get).iloc[0]
    spans = pers.turnover_reading_range(get)
    for key in ("leavers", "entrants_needed", "unaccounted"):
        low, high = spans[key]
        assert low < ks[key] < high
        assert high - low == pytest.approx(0.1 / 100 * ks["base"])
    assert [round(v) for v in spans["leavers"]] == [761, 767]
    assert [round(v) for v in spans["unaccounted"]] == [507, 513]


def test_check_table_names_breaches_as_the_unit():
    shown = pers.check_table(
        checks.run("personnel", only=["breaches"]).query("table == @pers.BREACH_TYPE").head(1), table_id="t"
    )
    assert '<span class="check-note">H09 · breaches · ' in shown.data["Check"].iloc[0]


def test_prose_figures_and_check_tables_have_plain_names():
    assert set(checks.from_disk(pers.PROSE)["label"]) <= set(pers.PROSE_FIGURE_EN)
    tables = {pers.STAFF, pers.FULL_TIME, pers.SICK, pers.SICK_Q, pers.TURNOVER, pers.HIRES, pers.OVERTIME}
    tables |= {pers.BREACH_TYPE, pers.BREACH_AREA, pers.GENDER_AGE, pers.PAY, pers.PAY_TOTAL, pers.JOB_GROUPS}
    assert set(pers.CHECK_TABLE_EN) == tables | {pers.PROSE}
    assert not any("_" in name for name in pers.CHECK_TABLE_EN.values())
