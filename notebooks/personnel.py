# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Personnel: staff, time and pay
#
# *Download* this chapter as a notebook with its outputs, {download}`personnel.ipynb <personnel.ipynb>`,
# or as a script, {download}`personnel.py <personnel.py>`; its tables are on the
# {doc}`data page <../book/data>`.
#
# The last part of the *{term}`Årsevaluering`* is about the people who deliver the municipality's
# services: how many there are and in how large positions, how much they are away sick, how many
# leave and are hired, how much overtime they work and how often the working-time rules of the
# *{term}`Arbeidsmiljøloven`* are broken, and how staff, part time and pay divide between women and
# men. Its figures are persons, *{term}`årsverk <Årsverk>`* (full-time equivalents, FTEs), hours and
# percentages, mostly by *{term}`Programområde`* (P01 Schools to P14–P19 Central units).

# %% tags=["remove-input"]
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

from aarsevaluering import checks, findings, style
from aarsevaluering.checks import from_disk as get
from aarsevaluering.fmt import fmt
from aarsevaluering.identities import personnel as pers
from aarsevaluering.prose import Figures
from aarsevaluering.tables import checks_table, styled

txt = Figures()  # every figure the prose prints, shown there as {eval}`txt.<name>`
style.use_book_style()


def g(key, value, decimals=0, unit=""):
    """Keep a number for the prose, formatted the book's way."""
    txt[key] = fmt(value, decimals, unit)


def gt(key, text):
    """Keep a piece of text computed from the data (an area name, a list of codes)."""
    txt[key] = text


def gs(key, section):
    """Keep the one-line count of a section's checks."""
    txt[key] = findings.summary_line(section)


def row(frame, **where):
    return pers.row_of(frame, **where)


all_checks = checks.run("personnel")
counts = findings.counts(all_checks, findings.load("personnel"))
staff = get(pers.STAFF)
total = row(staff, label=pers.TOTAL)
full_time = get(pers.FULL_TIME)
sick = get(pers.SICK)
sick_total = row(sick, label=pers.TOTAL)
turn = get(pers.TURNOVER)
turn_total = row(turn, label=pers.TOTAL)
hires = get(pers.HIRES)
overtime = get(pers.OVERTIME)
ot_total = row(overtime, label=pers.TOTAL)
breach_area = get(pers.BREACH_AREA)
br_total = row(breach_area, label=pers.TOTAL)
ages = get(pers.GENDER_AGE)
pay_total = row(get(pers.PAY_TOTAL), label="Gjennomsnitt av Årslønn")
flow = pers.flows(get)
intensity = pers.overtime_intensity(get).set_index("employment_type")
baseline = pers.sick_leave_baseline(get)
base_total = baseline[baseline["row_kind"] == "total"].iloc[0]
decomposition = pers.pay_decomposition(get)
rates = pers.part_time_rates(get).set_index("label")
permanent_total = row(ages, staff_group="permanent", label="Totalt")

g("fte_2023", total["fte_2023"])
g("head_2023", total["headcount_2023"])
g("fte_change", total["fte_change_pct"], 1, "%")
g("temp_fte", pers.prose_value(get, "temporary_fte_end_2023"))
g("temp_head", pers.prose_value(get, "temporary_employees_dec_2023"))
g("ft_2023", row(full_time, label="2023")["full_time_share_pct"], 1, "%")
g("sick_2023", sick_total["sick_leave_2023_pct"], 1, "%")
g("sick_target", sick_total["target_2023_pct"], 1, "%")
g("sick_base", base_total["baseline_2021_pct"], 1, "%")
g("turn_2023", turn_total["turnover_2023_pct"], 1, "%")
g("hires_2023", flow["hires"])
g("leavers_at_rate", round(flow["leavers_at_rate"], -1))
g("ot_2023", ot_total["overtime_hours_2023"], 0, "hours")
g("ot_change", pers.pct_change(ot_total["overtime_hours_2022"], ot_total["overtime_hours_2023"]), 0, "%")
g("br_2023", br_total["breaches_2023"])
g("br_change", pers.pct_change(br_total["breaches_2022"], br_total["breaches_2023"]), 0, "%")
g("ot_perm_fte", intensity.loc["Permanent employees", "hours_per_fte"], 0, "hours")
g("ot_temp_fte", intensity.loc["Temporary employees", "hours_per_fte"], 0, "hours")
g("pt_women_rate", rates.loc["Totalt", "women_rate_pct"], 0, "%")
g("pt_men_rate", rates.loc["Totalt", "men_rate_pct"], 0, "%")
g("pay_headline", decomposition["headline"], 1, "%")
g("pay_within", decomposition["within_groups"], 1, "%")
g("women_share_perm", 100 * permanent_total["women_count"] / permanent_total["total_count"], 1, "%")
g("n_checks", counts["checks"])
g("n_exact", counts["exact"])
g("n_rounding", counts["rounding"])
g("n_estimate", counts["estimate"])
g("n_discrepancy", counts["discrepancy"])
g("n_findings", counts["findings"])
g("n_error", counts["error"])
VERDICT_WORDS = {
    "inconsistency": ("contradiction that nothing printed settles", "contradictions that nothing printed settles"),
    "scope": ("difference of scope", "differences of scope"),
    "unstated": ("comparison the report never states", "comparisons the report never states"),
}
gt("other_verdicts", ", ".join(
    f"{fmt(counts[v])} {words[counts[v] != 1]}" for v, words in VERDICT_WORDS.items() if counts[v]
))  # fmt: skip

# %% [markdown]
# ## The year in brief
#
# **Staff.** At the end of 2023 the municipality had {eval}`txt.head_2023` permanent
# employees in {eval}`txt.fte_2023` FTEs, {eval}`txt.fte_change` more FTEs
# than a year earlier, and another {eval}`txt.temp_fte` FTEs held by
# {eval}`txt.temp_head` temporary employees (*{term}`midlertidig ansatte <Midlertidig ansatt>`*).
# Of the permanent positions, {eval}`txt.ft_2023` were full time (*{term}`heltid <Heltid>`*).
#
# **Flows.** Turnover was {eval}`txt.turn_2023`, the highest of the four years printed.
# The report does not say what it is a rate of; applied to the permanent staff (the book's assumption),
# it means about {eval}`txt.leavers_at_rate` leavers, while the municipality made {eval}`txt.hires_2023` permanent hires and the
# permanent staff still grew: read that way, the three figures do not describe the same flow (see *Who
# leaves and who is hired*).
#
# **Time.** Sick leave was {eval}`txt.sick_2023` against a target of
# {eval}`txt.sick_target`. Read as a tenth below the 2021 rate, as the report describes it,
# the target implies a 2021 rate of {eval}`txt.sick_base` (derived), so sick leave is above
# the level it was meant to fall from.
# Overtime came to {eval}`txt.ot_2023` ({eval}`txt.ot_change` more than in
# 2022), and temporary staff carry far more of it per FTE ({eval}`txt.ot_temp_fte`
# against {eval}`txt.ot_perm_fte` for permanent staff). Registered breaches of the
# working-time limits rose faster, by {eval}`txt.br_change` to
# {eval}`txt.br_2023`.
#
# **Gender and pay.** Women are {eval}`txt.women_share_perm` of the permanent staff. Part
# time is more common among women ({eval}`txt.pt_women_rate` of permanent women against
# {eval}`txt.pt_men_rate` of men), except under forty. Women's average pay is {eval}`txt.pay_headline` of
# men's; within the same job groups it is {eval}`txt.pay_within` (derived).
#
# **The checks.** The chapter recomputes every total, change and share it can and holds the text's
# figures and claims against the tables: {eval}`txt.n_checks` checks, of which
# {eval}`txt.n_exact` exact, {eval}`txt.n_rounding` within rounding and
# {eval}`txt.n_estimate` estimates (relations the report never states, shown but not
# graded). The {eval}`txt.n_discrepancy` discrepancies come down to
# {eval}`txt.n_findings` findings, shown where they arise: {eval}`txt.n_error`
# are the report's own figures contradicting each other where its figures show which is wrong, most of
# them percentages of the gender and age tables that do not follow from their counts; the others are
# {eval}`txt.other_verdicts`.
#
# ```{admonition} A break in the series
# :class: note
# The report warns (lines 3716–3718) that new routines for registering personnel data make its 2023
# statistics not directly comparable with earlier years. Every change from 2022 to 2023 in this chapter
# is the report's own comparison, taken as printed; where the populations plainly differ, the section
# says so.
# ```
#
# ## How many people, and in how large positions
#
# The report counts *{term}`fast ansatte <Fast ansatt>`* (permanent employees) and their FTEs,
# computed from the position percentage in each contract, in December of each year.

# %% tags=["remove-input"]
styled(
    staff,
    table_id="personnel-staff",
    columns={"label": "Programme area", "headcount_2022": "Staff 2022", "fte_2022": "FTE 2022",
             "headcount_2023": "Staff 2023", "fte_2023": "FTE 2023", "headcount_change_pct": "Staff %",
             "fte_change_pct": "FTE %"},
    caption="Permanent employees (staff) and FTEs by programme area, December 2022 and 2023, and the "
    "percent change (Ansatte med fast stillingsforhold, lines 3643–3706)",
)  # fmt: skip

# %% tags=["remove-input"]
items = staff[staff["row_kind"] == "item"]
g("head_2022", total["headcount_2022"])
g("fte_2022", total["fte_2022"])
g("head_change", total["headcount_change_pct"], 1, "%")
p06 = items[items["label"].map(pers.area_code) == "P06"].iloc[0]
g("p06_share", 100 * p06["fte_2023"] / total["fte_2023"], 0, "%")
p01 = items[items["label"].map(pers.area_code) == "P01"].iloc[0]
g("p01_share", 100 * p01["fte_2023"] / total["fte_2023"], 0, "%")
gt("fell", ", ".join(items.loc[items["fte_change_pct"] < 0, "label"].map(pers.area_code)))
ft = full_time.set_index("label")
g("ft_2020", ft.loc["2020", "full_time_share_pct"], 1, "%")
g("size_2023", ft.loc["2023", "avg_position_size_pct"], 1, "%")
g("temp_size", 100 * pers.prose_value(get, "temporary_fte_end_2023")
  / pers.prose_value(get, "temporary_employees_dec_2023"), 0, "%")  # fmt: skip
part_total = row(ages, staff_group="permanent_part_time", label="Totalt")
g("part_time_head", part_total["total_count"])
g("ft_from_part", 100 * (total["headcount_2023"] - part_total["total_count"]) / total["headcount_2023"], 2, "%")

# %% [markdown]
# Permanent staff grew from {eval}`txt.head_2022` to {eval}`txt.head_2023`
# ({eval}`txt.head_change`) and from {eval}`txt.fte_2022` to
# {eval}`txt.fte_2023` FTEs. Schools (P01) and home services and institutions (P06) hold
# {eval}`txt.p01_share` and {eval}`txt.p06_share` of the FTEs; FTEs fell in
# {eval}`txt.fell`. The report's reading that the largest relative growth was in P03, P05
# and P12 holds for FTEs (see *What the text claims*).
#
# The full-time share has risen every year since 2020, from {eval}`txt.ft_2020` to
# {eval}`txt.ft_2023`. The text credits long weekend shifts, which reduce the need for
# small weekend positions (lines 3721–3723), and mentions a new pool of substitutes, most in full
# positions, in P06 (lines 3729–3730). The average position
# was {eval}`txt.size_2023`. Of the permanent staff, {eval}`txt.part_time_head`
# work part time (the part-time table counts someone whose several positions add up to a full one as
# full time), which gives back the printed full-time share, {eval}`txt.ft_2023`, as
# {eval}`txt.ft_from_part` (an estimate: the report does not say the two measures are
# computed on the same footing). The
# {eval}`txt.temp_fte` temporary FTEs over {eval}`txt.temp_head` temporary
# employees make an average temporary position of about {eval}`txt.temp_size` (derived).

# %% tags=["remove-input"]
styled(
    full_time,
    table_id="personnel-full-time",
    columns={"label": "Year", "full_time_share_pct": "Full-time positions (%)",
             "avg_position_size_pct": "Average position (%)"},
    caption="Share of full-time positions and average position size, 2020–2023 (lines 3732–3742)",
)  # fmt: skip

# %% tags=["remove-input"]
staff_section = pd.concat(
    [
        checks.run("personnel", only=["staff_totals", "staff_changes", "staff_across_tables", "position_size"]),
        all_checks[all_checks["check_id"].str.startswith((f"{pers.STAFF}.claim", f"{pers.FULL_TIME}.claim"))],
    ],
    ignore_index=True,
)
gs("staff_summary", staff_section)
findings.show(staff_section, all_checks)

# %% [markdown]
# {eval}`txt.staff_summary` The percentage changes follow from the counts; for FTEs,
# printed as whole numbers, a change is judged against the range their rounding leaves open. The
# text's figures (staff, FTEs, the FTE increase) restate the table. The table below the button lists
# every check of this section.

# %% tags=["remove-input", "hide-output"]
checks_table(staff_section, table_id="personnel-staff-checks", caption="Staff and positions: every check")

# %% [markdown]
# ## Who leaves and who is hired
#
# Turnover is usually the share of employees who leave in a year; the report does not define its own.
# It prints the rate by area for four years, and the number of people hired on permanent terms per month.

# %% tags=["remove-input"] mystnb={"figure": {"caption": "Turnover by programme area, 2020–2023, in per cent of employees. Source: Årsevaluering 2023, lines 3905–3937.", "name": "fig-personnel-turnover"}, "image": {"alt": "Heat map with programme areas as rows and the years 2020 to 2023 as columns, each cell labelled with its rate; the all-areas row at the bottom rises every year from 10.2 to 12.4 per cent, and most areas are darker in 2023 than in 2022."}}
heat = turn.set_index(turn["label"].map(pers.area_name))[
    ["turnover_2020_pct", "turnover_2021_pct", "turnover_2022_pct", "turnover_2023_pct"]
].astype(float)
fig, ax = plt.subplots(figsize=(7, 5.4))
image = ax.imshow(heat.to_numpy(), cmap="Blues", vmin=0, aspect="auto")
ax.set_xticks(range(4), ["2020", "2021", "2022", "2023"])
ax.set_yticks(range(len(heat)), heat.index)
ax.grid(False)
for (i, j), v in np.ndenumerate(heat.to_numpy()):
    ax.text(j, i, fmt(v, 1), ha="center", va="center", fontsize=8,
            color="white" if v > 0.5 * heat.to_numpy().max() else "black")  # fmt: skip
ax.axhline(len(heat) - 1.5, color="white", lw=3)
fig.colorbar(image, ax=ax, label="Turnover (% of employees)")
ax.set_title("Turnover by programme area (%)")
style.finish(fig, table=pers.TURNOVER)
plt.show()

# %% tags=["remove-input"]
turn_items = turn[turn["row_kind"] == "item"]
change = pers.turnover_changes(get)
g("turn_2020", turn_total["turnover_2020_pct"], 1, "%")
g("turn_2022", turn_total["turnover_2022_pct"], 1, "%")
g("turn_rose", (change > 0).sum())
g("turn_areas", len(change))
g("sector_turn", pers.prose_value(get, "municipal_sector_turnover_2022"), 1, "%")
g("sector_turn_excl", pers.prose_value(get, "municipal_sector_turnover_2022_excl_hourly_paid"), 0, "%")
g("avg_head", flow["average_headcount"])
g("net_change", flow["net_change"], 0)
g("implied_leavers", flow["implied_leavers"])
g("implied_rate", flow["implied_rate"], 1, "%")
g("hires_needed", round(flow["hires_needed"], -1))
g("other_entries", round(flow["other_entries"], -1))
hire_total = row(hires, label="Totalt")
g("hires_2022", hire_total["hires_2022"])
profile = pers.hires_profile(get)
peak = profile.sort_values("mean_share", ascending=False).iloc[0]
gt("peak_month", peak["month"])
g("peak_share", peak["mean_share"], 0, "%")

# %% [markdown]
# Turnover rose from {eval}`txt.turn_2020` in 2020 to {eval}`txt.turn_2023`
# in 2023, and from 2022 to 2023 in {eval}`txt.turn_rose` of
# {eval}`txt.turn_areas` areas. The report says it has collected data on the reasons but
# not enough to act on (lines 3901–3903); it prints no breakdown by cause, age or job.
#
# **The flows do not add up, on the book's reading.** If {eval}`txt.turn_2023` of an average permanent staff of
# about {eval}`txt.avg_head` left, that is about {eval}`txt.leavers_at_rate`
# leavers. To end the year {eval}`txt.net_change` up, the permanent staff then needed
# about {eval}`txt.hires_needed` entrants, but the report prints
# {eval}`txt.hires_2023` permanent hires. Read the other way, hires less the net change
# leave {eval}`txt.implied_leavers` leavers, a turnover of
# {eval}`txt.implied_rate`. About {eval}`txt.other_entries` people are
# unaccounted for. The report does not define its turnover, so the book can only list what would
# reconcile the figures: a rate taken over more than the permanent staff (the sector figure it is
# compared with includes temporary staff), moves between areas counted as leaving, or entry to
# permanent posts other than by new hire, such as temporary staff given permanent contracts, which the
# text mentions (lines 4268–4270) without a number. The staff counts themselves are affected by the
# break in the series.

# %% tags=["remove-input"] mystnb={"figure": {"caption": "The flows of permanent staff in 2023 that the printed figures imply, in persons (derived). Source: Årsevaluering 2023, lines 3706, 3937 and 3996.", "name": "fig-personnel-flows"}, "image": {"alt": "Four horizontal bars in persons: leavers at the printed turnover rate, about 770, is three times the leavers implied by hires and net growth, 254; the permanent hires printed are 363 and the net change in permanent staff is plus 109."}}
bars = pd.DataFrame(
    {
        "what": ["Leavers at the printed turnover rate", "Permanent hires printed", "Net change in permanent staff",
                 "Leavers implied: hires − net change"],
        "value": [flow["leavers_at_rate"], flow["hires"], flow["net_change"], flow["implied_leavers"]],
        "colour": [style.NEGATIVE, style.POSITIVE, style.NEUTRAL, style.PALETTE["orange"]],
    }
).iloc[::-1]  # fmt: skip
fig, ax = plt.subplots(figsize=(7, 2.8))
ax.barh(bars["what"], bars["value"], color=bars["colour"])
for y, v in enumerate(bars["value"]):
    ax.text(v + 8, y, fmt(v, 0), va="center", fontsize=9)
ax.set_xlabel("Persons, 2023")
ax.set_xlim(0, bars["value"].max() * 1.15)
ax.grid(axis="y", visible=False)
ax.set_title("Turnover read as a rate of permanent staff: three times the leavers hires allow")
style.finish(fig, table=f"{pers.TURNOVER}, {pers.HIRES}, {pers.STAFF}")
plt.show()

# %% [markdown]
# The text compares turnover with the municipal sector: in 2022 the sector's turnover was
# {eval}`txt.sector_turn` with temporary staff and {eval}`txt.sector_turn_excl`
# without hourly paid staff, and the text concludes that Drammen's is higher. Drammen's 2022 rate was
# {eval}`txt.turn_2022`, level with the narrower sector figure; only its 2023 rate is
# higher, and that sets one year against another and Drammen's staff against a population defined
# otherwise. The printed figures cannot establish the comparison either way, so the book shows it as
# an estimate rather than judging it.
#
# Hiring has a strong rhythm: {eval}`txt.peak_month` alone brings on average
# {eval}`txt.peak_share` of a year's permanent hires. The report gives no reason; the book
# guesses the start of the school and kindergarten year, but the hires are not printed by area. In 2023 the municipality hired {eval}`txt.hires_2023` people on permanent
# terms, against {eval}`txt.hires_2022` in 2022.

# %% tags=["remove-input"] mystnb={"figure": {"caption": "New permanent hires by month, 2020–2023, in persons. Source: Årsevaluering 2023, lines 3968–3996.", "name": "fig-personnel-hires"}, "image": {"alt": "Line chart of permanent hires per month with one line per year from 2020 to 2023; every line peaks sharply in August, highest in 2023 at 95. July is the lowest month in 2021, 2022 and 2023; in 2020 July ties with April, November and December at 12."}}
fig, ax = plt.subplots(figsize=(7, 3.6))
months = range(1, 13)
for colour, year in zip(["grey", "sky", "green", "blue"], ["2020", "2021", "2022", "2023"], strict=True):
    ax.plot(months, profile[f"hires_{year}"], marker="o", ms=3, color=style.PALETTE[colour], label=year,
            lw=2.2 if year == "2023" else 1.2)  # fmt: skip
ax.set_xticks(list(months), [m[:3] for m in profile["month"]])
ax.set_ylabel("New permanent hires (persons)")
ax.set_title("Permanent hires peak in August every year", pad=22)  # room for the legend above
style.legend_above(ax, ncol=4)
style.finish(fig, table=pers.HIRES)
plt.show()

# %% tags=["remove-input"]
flow_section = pd.concat(
    [
        checks.run("personnel", only=["turnover", "staff_flows", "hires_totals"]),
        all_checks[all_checks["check_id"].str.startswith(f"{pers.TURNOVER}.claim")],
    ],
    ignore_index=True,
)
gs("flow_summary", flow_section)

# %% [markdown]
# {eval}`txt.flow_summary` The months add up to each year's total, the text restates the
# table's turnover, and the organisation-wide rate is close to the areas' rates weighted by their
# staff (an estimate: the report prints no weights).

# %% tags=["remove-input", "hide-output"]
checks_table(flow_section, table_id="personnel-flow-checks", caption="Turnover and hiring: every check")

# %% [markdown]
# ## Sick leave

# %% tags=["remove-input"]
g("ia_reduction", pers.prose_value(get, "sick_leave_target_reduction_from_2021"), 0, "%")
g("ia_factor", 1 - pers.prose_value(get, "sick_leave_target_reduction_from_2021") / 100, 2)

# %% [markdown]
# *{term}`Sykefravær`* (sick leave) is lost working time as a share of contracted working time. The
# report compares each area with a *{term}`måltall <Måltall>`* (target) that follows the
# *{term}`IA-avtalen`*, the national agreement on an inclusive working life: a reduction of
# {eval}`txt.ia_reduction` from the area's result in 2021 (line 3772). The report does not
# print the 2021 rates, but each target implies one: the target divided by
# {eval}`txt.ia_factor` (derived, on the reading that the reduction is relative).

# %% tags=["remove-input"]
area_base = baseline[baseline["row_kind"] == "item"]
g("sick_2022", sick_total["sick_leave_2022_pct"], 1, "%")
g("sick_fall", sick_total["sick_leave_2022_pct"] - sick_total["sick_leave_2023_pct"], 1, "percentage points")
g("sick_from_base", base_total["from_baseline_pp"], 1, "percentage points")
g("sick_from_base_pct", base_total["from_baseline_pct"], 0, "%")
g("sick_areas", len(area_base))
g("sick_above_target", (area_base["gap_pp"] > 0).sum())
g("sick_above_base", (area_base["from_baseline_pp"] > 0).sum())
gt("sick_below_base", " and ".join(area_base.loc[area_base["from_baseline_pp"] < 0, "code"]))
g("sick_rose", len(pers.sick_leave_rose(get)))
worst = area_base.sort_values(["from_baseline_pp", "code"], ascending=[False, True]).iloc[0]
gt("sick_worst", pers.area_name(worst["label"]))
g("sick_worst_pp", worst["from_baseline_pp"], 1, "percentage points")
styled(
    sick,
    table_id="personnel-sick",
    columns={"label": "Programme area", "sick_leave_2022_pct": "2022 (%)", "sick_leave_2023_pct": "2023 (%)",
             "target_2023_pct": "Target 2023 (%)"},
    caption="Sick leave by programme area, 2022 and 2023, and the 2023 target (lines 3775–3818; P10 is left "
    "out for its few employees)",
)  # fmt: skip

# %% [markdown]
# Sick leave fell from {eval}`txt.sick_2022` to {eval}`txt.sick_2023`, a fall
# of {eval}`txt.sick_fall` (the report writes "0,2 prosent"; it is percentage points), and
# rose in {eval}`txt.sick_rose` of {eval}`txt.sick_areas` areas;
# {eval}`txt.sick_above_target` of {eval}`txt.sick_areas` areas are above their target.
# Against the baseline the target refers to, the picture is starker: the municipality
# is {eval}`txt.sick_from_base` above its implied 2021 rate of
# {eval}`txt.sick_base` ({eval}`txt.sick_from_base_pct` higher, where the
# agreement aims at a tenth lower), and {eval}`txt.sick_above_base` of
# {eval}`txt.sick_areas` areas are above their own 2021 level; only
# {eval}`txt.sick_below_base` are below it. {eval}`txt.sick_worst` has moved
# furthest the wrong way, by {eval}`txt.sick_worst_pp`. The report names no cause beyond
# rising short-term absence and, nationally, mental illness (lines 3843–3847).

# %% tags=["remove-input"] mystnb={"figure": {"caption": "Sick leave in 2023 by programme area against the 2023 target and the 2021 rate the target implies (target ÷ 0.9, derived), in per cent of contracted working time. Source: Årsevaluering 2023, lines 3772–3816.", "name": "fig-personnel-sick-target"}, "image": {"alt": "Dot plot with one row per programme area and one for all areas. For every row the 2023 rate, a filled blue dot, lies to the right of the target, an orange bar; it also lies to the right of the implied 2021 rate, an open grey diamond, in every row except P02 Kindergartens and P05 People with disabilities."}}
rows = baseline.iloc[::-1].reset_index(drop=True)
y = np.arange(len(rows))
fig, ax = plt.subplots(figsize=(7, 5.4))
ax.hlines(y, rows["target_2023_pct"], rows["sick_leave_2023_pct"], color=style.NEUTRAL, lw=1)
ax.scatter(rows["target_2023_pct"], y, marker="|", s=220, linewidths=2.5, color=style.PALETTE["orange"],
           label="Target 2023", zorder=3)  # fmt: skip
ax.scatter(rows["baseline_2021_pct"], y, marker="D", s=28, facecolors="white", edgecolors=style.NEUTRAL,
           label="2021 rate the target implies", zorder=3)  # fmt: skip
ax.scatter(rows["sick_leave_2023_pct"], y, color=style.POSITIVE, s=36, label="2023", zorder=4)
ax.set_yticks(y, rows["label"].map(pers.area_name))
ax.set_xlabel("Sick leave (% of contracted working time)")
ax.set_title("Every area is above its target; most are above their implied 2021 level")
ax.legend(loc="upper center", bbox_to_anchor=(0.35, -0.12), ncol=3, frameon=False)
style.finish(fig, table=pers.SICK)
plt.show()

# %% [markdown]
# Two small tables give the 2023 rate per quarter for women, men and all, in Drammen and in the
# *{term}`kommunesektoren <Kommunesektoren>`* (all Norwegian municipalities and counties).

# %% tags=["remove-input"]
quarters = get(pers.SICK_Q)
qcols = ["q1_pct", "q2_pct", "q3_pct", "q4_pct"]
for population, caption in (
    ("drammen", "Sick leave per quarter 2023 by gender, Drammen (lines 3823–3831)"),
    ("municipal_sector", "Sick leave per quarter 2023 by gender, the municipal sector (lines 3833–3841)"),
):
    display(
        styled(
            quarters[quarters["population"] == population],
            table_id=f"personnel-sick-quarter-{population}",
            columns={"label": "Gender", "q1_pct": "Q1 (%)", "q2_pct": "Q2 (%)", "q3_pct": "Q3 (%)", "q4_pct": "Q4 (%)"},
            caption=caption,
        )
    )

# %% tags=["remove-input"] mystnb={"figure": {"caption": "Sick leave per quarter of 2023 by gender, Drammen (solid) and the municipal sector (dashed), in per cent. Source: Årsevaluering 2023, lines 3823–3841.", "name": "fig-personnel-sick-quarter"}, "image": {"alt": "Line chart over four quarters: women's sick leave is far above men's in Drammen and in the sector, and all lines dip in the third quarter. Drammen is above the sector for men and for all in every quarter; for women Drammen is above in the first two quarters, below in the third and level in the fourth."}}
colours = {"Kvinne": style.PALETTE["orange"], "Mann": style.PALETTE["blue"], pers.TOTAL: "#333333"}
english = {"Kvinne": "women", "Mann": "men", pers.TOTAL: "all"}
fig, ax = plt.subplots(figsize=(7, 3.8))
for _, q in quarters.iterrows():
    dashed = q["population"] == "municipal_sector"
    ax.plot([1, 2, 3, 4], q[qcols].astype(float), marker="o", ms=4, color=colours[q["label"]],
            ls="--" if dashed else "-", label=f"{'sector' if dashed else 'Drammen'}, {english[q['label']]}")  # fmt: skip
ax.set_xticks([1, 2, 3, 4], ["Q1", "Q2", "Q3", "Q4"])
ax.set_ylabel("Sick leave (%)")
ax.set_title("All staff: Drammen above the sector every quarter; women not in Q3–Q4")
ax.legend(ncol=3, frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1))
style.finish(fig, table=pers.SICK_Q)
plt.show()

# %% tags=["remove-input"]
sick_section = pd.concat(
    [
        checks.run("personnel", only=["sick_leave"]),
        all_checks[all_checks["check_id"].str.startswith((f"{pers.SICK}.claim", f"{pers.SICK_Q}.claim"))],
    ],
    ignore_index=True,
)
gs("sick_summary", sick_section)

# %% [markdown]
# {eval}`txt.sick_summary` The organisation-wide rates are not sums: the areas' rates
# weighted by their FTEs, the mean of the quarters, and the women's and men's quarterly rates weighted
# by the staff's gender shares all come close to the printed totals (estimates, since the report
# prints no weights).

# %% tags=["remove-input", "hide-output"]
checks_table(sick_section, table_id="personnel-sick-checks", caption="Sick leave: every check")

# %% [markdown]
# ## Overtime and the working-time rules

# %% tags=["remove-input"]
g("max_day", pers.prose_value(get, "max_ordinary_working_hours_per_24_hours"), 0, "hours")
g("max_week", pers.prose_value(get, "max_ordinary_working_hours_per_7_days"), 0, "hours")
# The Act's limits (Working Environment Act §§ 10-6 and 10-8, without agreed extensions): not report figures.
LAW_HOURS = {"law_ot_week": 10, "law_ot_4w": 25, "law_ot_year": 200, "law_day_total": 13, "law_rest_day": 11,
             "law_rest_week": 35}  # fmt: skip
for key, hours in LAW_HOURS.items():
    g(key, hours, 0, "hours")

# %% [markdown]
# *{term}`Overtid`* (overtime) fills gaps in the *{term}`turnus <Turnus>`* (the shift rota): vacancies,
# sick leave, recruitment problems (lines 4000–4004). Work beyond the ordinary working time of
# {eval}`txt.max_day` in 24 hours and {eval}`txt.max_week` in seven days
# (Working Environment Act § 10-4) is overtime, and overtime is lawful within the limits of § 10-6: no
# more than {eval}`txt.law_ot_week` in seven days, {eval}`txt.law_ot_4w` in
# four weeks and {eval}`txt.law_ot_year` in 52 weeks, and no more than
# {eval}`txt.law_day_total` of work in all in 24 hours, unless wider limits are agreed. A
# *breach* is work beyond those limits or too little rest: less than {eval}`txt.law_rest_day`
# off between two shifts and {eval}`txt.law_rest_week` off in seven days (§ 10-8), and the
# rules on Sunday work (§ 10-10). The report itself says that work beyond the ordinary hours "triggers
# breaches" (lines 4052–4053); that is loose wording, since such work is overtime, not a breach in
# itself.

# %% tags=["remove-input"]
g("ot_2022", ot_total["overtime_hours_2022"], 0, "hours")
split = pers.overtime_split(get).set_index("employment_type")
g("ot_temp_share", split.loc["Temporary employees", "share_pct"], 0, "%")
g("temp_fte_share", 100 * pers.prose_value(get, "temporary_fte_end_2023")
  / (pers.prose_value(get, "temporary_fte_end_2023") + total["fte_2023"]), 0, "%")  # fmt: skip
g("ot_ratio", intensity.loc["Temporary employees", "hours_per_fte"] / intensity.loc["Permanent employees",
  "hours_per_fte"], 1)  # fmt: skip
rate = pers.per_fte(get)
rate_items = rate[rate["row_kind"] == "item"]
top_ot = rate_items.sort_values(["overtime_per_fte_2023", "code"], ascending=[False, True]).iloc[0]
gt("top_ot", pers.area_name(top_ot["label"]))
g("top_ot_value", top_ot["overtime_per_fte_2023"], 0, "hours")
g("p06_ot_share", 100 * row(overtime, label="P06 Hjemmetjenester og institusjon")["overtime_hours_2023"]
  / ot_total["overtime_hours_2023"], 0, "%")  # fmt: skip
g("all_ot", rate[rate["row_kind"] == "total"]["overtime_per_fte_2023"].iloc[0], 0, "hours")
styled(
    overtime,
    table_id="personnel-overtime",
    columns={"label": "Programme area", "overtime_hours_2022": "2022 (hours)", "overtime_hours_2023": "2023 (hours)"},
    caption="Overtime hours by programme area, 2022 and 2023 (lines 4006–4038)",
)

# %% [markdown]
# Overtime rose from {eval}`txt.ot_2022` to {eval}`txt.ot_2023`. Home
# services and institutions (P06) alone worked {eval}`txt.p06_ot_share` of it; per
# permanent FTE (derived) {eval}`txt.top_ot` worked the most,
# {eval}`txt.top_ot_value`, against {eval}`txt.all_ot` for the municipality.
#
# **Temporary staff work far more overtime per FTE.** The text splits the 2023 hours by employment type (lines
# 4040–4042). Temporary employees, with {eval}`txt.temp_fte_share` of the FTEs, worked
# {eval}`txt.ot_temp_share` of the overtime hours: {eval}`txt.ot_temp_fte` per
# temporary FTE against {eval}`txt.ot_perm_fte` per permanent FTE,
# {eval}`txt.ot_ratio` times as much (derived). The temporary FTEs are a count at the end of
# the year, while the hours are the whole year's, and temporary staffing varies over the year (summer
# cover, for one), so the per-FTE figure is rough. The report itself says overtime was combined with
# temporary hires to cover shifts, especially in the rota services (lines 3999–4000); the book infers
# from the split that much of the overtime rests on staff whose positions are temporary to begin with.

# %% tags=["remove-input"]
shown = pers.overtime_split(get).merge(pers.overtime_intensity(get), on=["employment_type", "hours"], how="left")
styled(
    shown,
    table_id="personnel-overtime-split",
    columns={"employment_type": "Employment type", "hours": "Hours 2023", "share_pct": "Share (%)", "fte": "FTEs",
             "hours_per_fte": "Hours per FTE"},
    decimals={"hours": 0, "share_pct": 1, "fte": 0, "hours_per_fte": 1},
    caption="Overtime hours 2023 by employment type (lines 4040–4042), with FTEs (lines 3637–3638); shares "
    "and hours per FTE derived",
)  # fmt: skip

# %% [markdown]
# The breaches are counted by type and by area. The report does not define the types; the reading in the
# second column is the book's, from the names and the Act.

# %% tags=["remove-input"]
BREACH_READING = {
    "AML timer per 4 uker": "Overtime over four weeks (§ 10-6)",
    "AML timer per uke": "Overtime in a week (§ 10-6)",
    "AML timer per år": "Overtime over 52 weeks (§ 10-6)",
    "Arbeidsfri før vakt": "Rest between shifts (§ 10-8)",
    "Planlagt tid per uke": "Planned working time in a week (§§ 10-4, 10-5)",
    "Samlet tid per dag": "Total working time in 24 hours (§ 10-6)",
    "Samlet tid per uke": "Total working time in seven days (§ 10-6)",
    "Søndager på rad": "Sundays worked in a row (§ 10-10)",
    "Søndager på rad (snitt)": "Sundays worked on average (§ 10-10)",
    "Ukentlig arbeidsfri": "Weekly rest (§ 10-8)",
}
breach_type = get(pers.BREACH_TYPE)
styled(
    breach_type.assign(reading=breach_type["label"].map(BREACH_READING).fillna("")),
    table_id="personnel-breach-type",
    columns={"label": "Type of breach", "reading": "Probably (the book's reading)", "breaches_2021": "2021",
             "breaches_2022": "2022", "breaches_2023": "2023"},
    caption="Breaches of the working-time rules by type, 2021–2023 (lines 4059–4084)",
)  # fmt: skip

# %% tags=["remove-input"]
bt = breach_type.set_index("label")
rest = ["Arbeidsfri før vakt", "Ukentlig arbeidsfri"]
sunday = ["Søndager på rad", "Søndager på rad (snitt)"]
g("br_2022", br_total["breaches_2022"])
g("br_2021", bt.loc[pers.TOTAL, "breaches_2021"])
g("br_rest_share", 100 * bt.loc[rest, "breaches_2023"].sum() / bt.loc[pers.TOTAL, "breaches_2023"], 0, "%")
g("br_sunday_share", 100 * bt.loc[sunday, "breaches_2023"].sum() / bt.loc[pers.TOTAL, "breaches_2023"], 0, "%")
styled(
    breach_area,
    table_id="personnel-breach-area",
    columns={"label": "Programme area", "breaches_2022": "2022", "breaches_2023": "2023"},
    caption="Breaches by programme area, 2022 and 2023 (lines 4086–4114; no row is printed for P02 and P10)",
)

# %% tags=["remove-input"]
bph = pers.breach_intensity(get)
bph_items = bph[bph["row_kind"] == "item"]
p01_bph = bph_items[bph_items["code"] == "P01"].iloc[0]
g("p01_breaches", p01_bph["breaches_2023"])
g("p01_hours", p01_bph["overtime_hours_2023"], 0, "hours")
g("p02_hours", bph_items[bph_items["code"] == "P02"]["overtime_hours_2023"].iloc[0], 0, "hours")
registered = bph_items[bph_items["registered"] == "yes"].sort_values(["per_1000_hours_2023", "code"],
                                                                      ascending=[False, True])  # fmt: skip
gt("top_bph", pers.area_name(registered.iloc[0]["label"]))
g("top_bph_value", registered.iloc[0]["per_1000_hours_2023"], 0)
g("all_bph", bph[bph["row_kind"] == "total"]["per_1000_hours_2023"].iloc[0], 0)

# %% [markdown]
# Breaches rose from {eval}`txt.br_2022` to {eval}`txt.br_2023`, still below
# the {eval}`txt.br_2021` of 2021. Too little rest (between shifts and in the week) makes up
# {eval}`txt.br_rest_share` of the 2023 breaches and Sunday work
# {eval}`txt.br_sunday_share`: most breaches concern rest and Sundays rather than the
# overtime limits themselves.
#
# **Breaches per overtime hour** (derived) show where overtime turns into breaches, and where the
# registration differs. The text says that schools have no system that registers working time, so their
# breaches "must be estimated" from their overtime (lines 4122–4123); the schools' row of
# {eval}`txt.p01_breaches` against {eval}`txt.p01_hours` of overtime is
# therefore no measure of breaches at all. The breach table prints no row for P02 Kindergartens (which
# worked {eval}`txt.p02_hours` of overtime) or P10; the chart leaves them empty rather
# than drawing them as zero. Among the areas that register, {eval}`txt.top_bph` has the
# most breaches per overtime hour, {eval}`txt.top_bph_value` per 1 000 hours against
# {eval}`txt.all_bph` overall.

# %% tags=["remove-input"] mystnb={"figure": {"caption": "Breaches of the working-time rules per 1 000 overtime hours by programme area, 2022 and 2023 (derived). Schools cannot register working time; P02 and P10 have no row in the breach table. Source: Årsevaluering 2023, lines 4006–4038 and 4086–4114.", "name": "fig-personnel-breach-rate"}, "image": {"alt": "Horizontal bar chart with one row per programme area and two bars, 2022 and 2023. Home services and institutions and health have the most breaches per 1 000 overtime hours, around 130 to 150 in 2023; schools show almost none and are labelled as not registering working time; kindergartens and participation and local democracy are labelled as having no row in the table instead of a bar."}}
shown = bph.iloc[::-1].reset_index(drop=True)
y = np.arange(len(shown))
fig, ax = plt.subplots(figsize=(7, 5.4))
for offset, year, colour in ((0.2, "2022", style.NEUTRAL), (-0.2, "2023", style.POSITIVE)):
    values = shown[f"per_1000_hours_{year}"].astype(float)
    ax.barh(y + offset, values.fillna(0).where(shown["registered"] == "yes", 0), height=0.4, color=colour,
            label=year)  # fmt: skip
for i, r in shown.iterrows():
    if r["registered"] == "no row":
        ax.text(1, i, "no row in the breach table", va="center", fontsize=8, color=style.NEUTRAL, style="italic")
    elif r["registered"] == "estimated":
        ax.text(1, i, "no working-time registration (breaches estimated)", va="center", fontsize=8,
                color=style.NEUTRAL, style="italic")  # fmt: skip
ax.set_yticks(y, shown["label"].map(pers.area_name))
ax.set_xlabel("Breaches per 1 000 overtime hours")
ax.grid(axis="y", visible=False)
ax.set_title("Breaches per overtime hour are highest in P06 and P04")
ax.legend(frameon=False, loc="lower right")
style.finish(fig, table=f"{pers.OVERTIME}, {pers.BREACH_AREA}")
plt.show()

# %% tags=["remove-input"]
overtime_section = pd.concat(
    [
        checks.run("personnel", only=["overtime", "breaches"]),
        all_checks[all_checks["check_id"].str.startswith((f"{pers.OVERTIME}.claim", f"{pers.BREACH_AREA}.claim"))],
    ],
    ignore_index=True,
)
gs("overtime_summary", overtime_section)
findings.show(overtime_section, all_checks)

# %% [markdown]
# {eval}`txt.overtime_summary` The tables add up, the two breach tables agree on their
# totals, and the text's split of overtime adds up to the table's total.

# %% tags=["remove-input", "hide-output"]
checks_table(overtime_section, table_id="personnel-overtime-checks", caption="Overtime and breaches: every check")

# %% [markdown]
# ## Gender, age and part time
#
# This section of the report (lines 4190–4321) is the municipality's account of the state of gender
# equality among its staff, which Norwegian equality law (*likestillings- og diskrimineringsloven*,
# §§ 26 and 26 a) asks public employers to map and report; its heading at line 4235 uses the law's words. Three tables
# divide the staff by gender and age group in December 2023: permanent employees, temporary employees,
# and permanent employees in part-time positions (*{term}`deltid <Deltid>`*). Each prints a count and a
# percentage of the table's total for women, men and both. A printed dash is shown as –.

# %% tags=["remove-input"]
age_columns = {"label": "Age group", "women_count": "Women", "women_pct": "%", "men_count": "Men", "men_pct": "% ",
               "total_count": "Total", "total_pct": "%  "}  # fmt: skip
captions = {
    "permanent": "Permanent employees by gender and age, December 2023 (lines 4192–4215; % of all permanent)",
    "temporary": "Temporary employees by gender and age, December 2023 (lines 4242–4262; % of all temporary)",
    "permanent_part_time": "Permanent employees in part-time positions by gender and age, December 2023 "
    "(lines 4274–4292; % of all part-time)",
}
for group, caption in captions.items():
    display(styled(ages[ages["staff_group"] == group], table_id=f"personnel-ages-{group}", columns=age_columns,
                   caption=caption))  # fmt: skip

# %% tags=["remove-input"]
temporary_total = row(ages, staff_group="temporary", label="Totalt")
g("pt_share_of_perm", 100 * part_total["total_count"] / permanent_total["total_count"], 0, "%")
g("pt_women_share", 100 * part_total["women_count"] / part_total["total_count"], 1, "%")
young = rates.loc["20-29"]
g("pt_young_men", young["men_rate_pct"], 0, "%")
g("pt_young_women", young["women_rate_pct"], 0, "%")
old = rates.loc["60-69"]
g("pt_old_women", old["women_rate_pct"], 0, "%")
g("pt_old_men", old["men_rate_pct"], 0, "%")
g("temp_young_share", pers.temporary_share_by_age(get).set_index("label").loc["20-29", "temporary_share_pct"], 0, "%")
g("parental_women", pers.prose_value(get, "parental_leave_women"))
g("parental_men", pers.prose_value(get, "parental_leave_men"))
g("parental_weeks_women", pers.prose_value(get, "parental_leave_avg_weeks_women"), 1, "weeks")
g("parental_weeks_men", pers.prose_value(get, "parental_leave_avg_weeks_men"), 1, "weeks")
g("parental_men_share", 100 * pers.prose_value(get, "parental_leave_men")
  / (pers.prose_value(get, "parental_leave_men") + pers.prose_value(get, "parental_leave_women")), 0, "%")  # fmt: skip
g("emp_2022", pers.prose_value(get, "employees_2022_permanent_and_temporary"))
g("emp_2023", permanent_total["total_count"] + temporary_total["total_count"])
g("emp_2022_women", pers.prose_value(get, "women_share_2022"), 1, "%")
g("emp_2023_women", pers.prose_value(get, "women_share_2023_permanent_and_temporary"), 1, "%")
g("temp_2022_implied", pers.prose_value(get, "employees_2022_permanent_and_temporary") - total["headcount_2022"])

# %% [markdown]
# Women are {eval}`txt.women_share_perm` of the permanent staff and outnumber men in every
# age group. Of the permanent staff, {eval}`txt.part_time_head`
# ({eval}`txt.pt_share_of_perm`) work part time, and women are
# {eval}`txt.pt_women_share` of them.
#
# **Part time as a rate.** The part-time table gives shares of the part-time total, which mostly
# repeat that most staff are women. Divided instead by the permanent staff of the same gender and age
# (derived), part time is {eval}`txt.pt_women_rate` for women and
# {eval}`txt.pt_men_rate` for men, and it follows different paths over the working life:
# among staff in their twenties {eval}`txt.pt_young_men` of men work part time against
# {eval}`txt.pt_young_women` of women, while among staff in their sixties it is
# {eval}`txt.pt_old_women` of women against {eval}`txt.pt_old_men` of men. The
# report has no figures on whether part time is wanted: it says it cannot tell how many permanent
# part-time staff work involuntary part time (line 4314), which is one of the things the law asks
# employers to map.

# %% tags=["remove-input"] mystnb={"figure": {"caption": "Permanent employees in part-time positions as a percentage of permanent employees of the same gender and age group, December 2023 (derived). The youngest and oldest groups are left out: the two tables disagree there (see the finding below). Source: Årsevaluering 2023, lines 4192–4292.", "name": "fig-personnel-part-time-rate"}, "image": {"alt": "Grouped horizontal bars for the age groups 20–29 to 60–69 and all ages, one bar for women and one for men. Men's part-time rate is highest in their twenties, 40 per cent, falls to 19 per cent in their forties and fifties and is 26 per cent in their sixties; women's is lowest in their thirties, 22 per cent, and rises to 42 per cent in their sixties."}}
shown = rates.drop(index=["Under 20 år", "Over 70 år"]).iloc[::-1]
y = np.arange(len(shown))
fig, ax = plt.subplots(figsize=(7, 3.6))
ax.barh(y + 0.2, shown["women_rate_pct"], height=0.4, color=style.PALETTE["orange"], label="Women")
ax.barh(y - 0.2, shown["men_rate_pct"], height=0.4, color=style.PALETTE["blue"], label="Men")
for i, (w, m) in enumerate(zip(shown["women_rate_pct"], shown["men_rate_pct"], strict=True)):
    ax.text(w + 0.5, i + 0.2, fmt(w, 0), va="center", fontsize=8)
    ax.text(m + 0.5, i - 0.2, fmt(m, 0), va="center", fontsize=8)
ax.set_yticks(y, [label.replace("Totalt", "All ages") for label in shown.index])
ax.set_xlabel("Part-time employees (% of permanent employees in the group)")
ax.set_ylabel("Age group (years)")
ax.grid(axis="y", visible=False)
ax.set_title("Young men and older women work part time most often")
ax.legend(frameon=False, loc="lower right")
style.finish(fig, table=pers.GENDER_AGE)
plt.show()

# %% [markdown]
# **Temporary staff and parental leave.** Temporary staff are younger: in their twenties they are
# {eval}`txt.temp_young_share` of all employees of that age. The report says
# {eval}`txt.parental_women` women and {eval}`txt.parental_men` men took
# parental leave in 2023 (line 4318): men were {eval}`txt.parental_men_share` of those who
# took leave, and took {eval}`txt.parental_weeks_men` on average against
# {eval}`txt.parental_weeks_women` for women. The report warns that leave spreads over
# calendar years, so these are weeks taken in 2023, not the length of a leave; it does not comment on
# the difference, and neither figure can be checked against a table.
#
# **A break in the series.** The 2022 report counted permanent and temporary staff together,
# {eval}`txt.emp_2022` employees with {eval}`txt.emp_2022_women` women
# (lines 4220–4222); the 2023 tables count {eval}`txt.emp_2023` with
# {eval}`txt.emp_2023_women` women. Against the {eval}`txt.head_2022` permanent
# staff of the staffing table, the 2022 figure implies about {eval}`txt.temp_2022_implied`
# temporary employees, against {eval}`txt.temp_head` in 2023, which leave out hourly paid
# staff without a set position (line 4265). The populations differ, so the women's share, the number of
# employees and any change in temporary staff cannot be compared from 2022 to 2023. The text prints the
# women's share of permanent and temporary staff together for both years (lines 4221–4225) without
# comparing them; since the 2022 count probably takes in staff the 2023 tables leave out (the book's
# inference from the sizes), even the small difference between the two may come from the population
# rather than from the staff.

# %% tags=["remove-input"]
gender_section = pd.concat(
    [
        checks.run(
            "personnel", only=["gender_age_counts", "part_time_subset", "gender_age_shares", "gender_shares_prose"]
        ),
        all_checks[all_checks["check_id"].str.startswith(f"{pers.GENDER_AGE}.claim")],
    ],
    ignore_index=True,
)
gs("gender_summary", gender_section)
share_checks = gender_section[gender_section["check_id"].str.contains(r"\.share\.")]
g("share_checks", len(share_checks))
g("share_off", (share_checks["status"] == "discrepancy").sum())

# %% [markdown]
# **The checks.** Within each table the counts add up in every row and column. Across tables they do
# not fit: permanent part-time staff are permanent staff, so no cell of the part-time table can exceed
# the same cell of the permanent-staff table, and one does. And the percentages often do not follow from
# the counts: {eval}`txt.share_off` of {eval}`txt.share_checks` printed shares
# miss the share their own counts give. Since the counts add up both ways and agree with the staffing
# table and the text, the counts are the firmer figures. {eval}`txt.gender_summary`

# %% tags=["remove-input"]
findings.show(gender_section, all_checks)

# %% tags=["remove-input", "hide-output"]
checks_table(gender_section, table_id="personnel-gender-checks", caption="Gender and age: every check")

# %% [markdown]
# ## Pay
#
# Three tables describe pay and gender by *{term}`stillingsgruppe <Stillingsgruppe>`* (job group): the
# average annual pay of women, men and all, the same for the whole organisation, and the number of women
# and men in each group. The report does not say whether "årslønn" is pay for a full position or what
# people were actually paid.

# %% tags=["remove-input"]
pay = get(pers.PAY)
job_groups = get(pers.JOB_GROUPS)
ratio = pers.pay_gap(get)
styled(
    ratio.assign(all_pay=pay["avg_pay_total"].to_numpy()),
    table_id="personnel-pay",
    columns={"group_en": "Job group", "avg_pay_women": "Women (NOK)", "avg_pay_men": "Men (NOK)",
             "all_pay": "All (NOK)", "headcount_women": "Women", "headcount_men": "Men"},
    caption="Average annual pay (lines 4323–4390) and employees (lines 4404–4463) by job group; job groups in "
    "English, in the printed order",
)  # fmt: skip

# %% tags=["remove-input"]
overall = get(pers.PAY_TOTAL)
styled(
    overall,
    table_id="personnel-pay-total",
    columns={"label": "Measure", "avg_pay_women": "Women (NOK)", "avg_pay_men": "Men (NOK)",
             "avg_pay_all": "All (NOK)"},
    caption="Average annual pay, whole organisation (lines 4395–4399)",
)  # fmt: skip

# %% tags=["remove-input"]
ratio = ratio.assign(shortfall=(ratio["avg_pay_men"] - ratio["avg_pay_women"]) * ratio["headcount_women"])
lowest = ratio.sort_values("women_pct_of_men").iloc[0]
gt("pay_lowest_group", lowest["group_en"])
g("pay_lowest_ratio", lowest["women_pct_of_men"], 1, "%")
g("pay_lowest_size", lowest["headcount_women"] + lowest["headcount_men"])
group_size = ratio["headcount_women"] + ratio["headcount_men"]
g("pay_larger_groups", int((group_size > lowest["headcount_women"] + lowest["headcount_men"]).sum()))
g("pay_groups", len(ratio))
g("pay_women_ahead", (ratio["women_pct_of_men"] > 100).sum())
gaps = ratio[ratio["shortfall"] > 0].sort_values("shortfall", ascending=False)
gt("pay_shortfall_groups", ", ".join(gaps["group_en"].head(3).str.lower()))
g("pay_shortfall_top3", 100 * gaps["shortfall"].head(3).sum() / gaps["shortfall"].sum(), 0, "%")
g("pay_groups_women_avg", decomposition["women_avg_groups"], 0, "NOK")
g("pay_groups_men_avg", decomposition["men_avg_groups"], 0, "NOK")
g("pay_weighted_groups", decomposition["weighted_groups"], 1, "%")
g("pay_women_total", pay_total["avg_pay_women"], 0, "NOK")
g("pay_men_total", pay_total["avg_pay_men"], 0, "NOK")
g("pay_implied_men", 100 - pers.implied_women_share(pay_total["avg_pay_women"], pay_total["avg_pay_men"],
                                                    pay_total["avg_pay_all"]), 2, "%")  # fmt: skip
g("pay_exact_groups", (checks.run("personnel", only=["pay_weighted"])
                       .pipe(lambda f: f[f["check_id"].str.startswith(pers.PAY + ".")])
                       .pipe(lambda f: ((f["printed"] - f["recomputed"]).abs() < 0.5).sum())))  # fmt: skip

# %% [markdown]
# Over the whole organisation women's average pay is {eval}`txt.pay_headline` of men's
# ({eval}`txt.pay_women_total` against {eval}`txt.pay_men_total`). Women
# earn more than men on average in {eval}`txt.pay_women_ahead` of
# {eval}`txt.pay_groups` job groups. The lowest ratio, {eval}`txt.pay_lowest_ratio`,
# is not in a small group but in one of the largest: {eval}`txt.pay_lowest_group`,
# {eval}`txt.pay_lowest_size` employees, with only {eval}`txt.pay_larger_groups`
# larger groups. Counting each group's gap for each woman in it
# (derived), {eval}`txt.pay_shortfall_top3` of the women's shortfall sits in three groups:
# {eval}`txt.pay_shortfall_groups`. The report says there are no large differences within
# job groups and that some may be due to seniority (lines 4392–4393); it gives no other cause.

# %% tags=["remove-input"] mystnb={"figure": {"caption": "Women's average pay as a percentage of men's by job group; the area of each marker is the number of employees in the group, and the dashed line is the organisation-wide ratio (derived); a group beyond 112 % is marked at the right edge with its ratio. Source: Årsevaluering 2023, lines 4323–4463.", "name": "fig-personnel-pay"}, "image": {"alt": "Dot chart with one row per job group: the position of each dot is women's pay as a percentage of men's, its size the group's head count. Most dots lie between 96 and 104 per cent; the chief executive's group of three, at about 121 per cent, is off the scale and marked by an arrow at the right edge; the lowest ratio, 92.5 per cent, is the large group of higher academic education, with the small group of heads of service areas and staff close behind at 92.8 per cent."}}
rows = ratio.iloc[::-1].reset_index(drop=True)
y = np.arange(len(rows))
size = (rows["headcount_women"] + rows["headcount_men"]).astype(float)
fig, ax = plt.subplots(figsize=(7, 5.2))
ax.axvline(100, color="black", lw=0.8)
ax.axvline(decomposition["headline"], color=style.NEUTRAL, lw=1, ls="--")
ax.text(decomposition["headline"], -0.9, "all staff ", color=style.NEUTRAL, fontsize=8, ha="right", va="center")
colour = np.where(rows["women_pct_of_men"] < 100, style.NEGATIVE, style.POSITIVE)
X_MAX = 112  # the chief executive's group of three lies far beyond: marked at the edge, not plotted to scale
inside = rows["women_pct_of_men"] <= X_MAX
ax.scatter(rows.loc[inside, "women_pct_of_men"], y[inside], s=12 + size[inside] / 4, color=colour[inside], alpha=0.8,
           edgecolors="white", zorder=3)  # fmt: skip
for i in np.flatnonzero(~inside):
    ax.scatter([X_MAX - 0.3], [y[i]], marker=">", s=40, color=colour[i], zorder=3)
    ax.text(X_MAX - 0.9, y[i], f"{fmt(rows['women_pct_of_men'].iloc[i], 1)} →", ha="right", va="center", fontsize=8)
ax.set_xlim(91, X_MAX)
ax.tick_params(axis="y", labelsize=8)
ax.set_yticks(y, [f"{n} ({fmt(s)})" for n, s in zip(rows["group_en"], size, strict=True)])
ax.set_xlabel("Women's average pay as % of men's")
ax.set_title("Women's pay as a share of men's, by job group (employees)")
style.finish(fig, table=f"{pers.PAY}, {pers.JOB_GROUPS}, {pers.PAY_TOTAL}")
plt.show()

# %% [markdown]
# **The gap with job groups held equal.** The job-group tables can be weighted by their head counts
# (derived): they give women an average of {eval}`txt.pay_groups_women_avg` and men
# {eval}`txt.pay_groups_men_avg`, a ratio of {eval}`txt.pay_weighted_groups`.
# Were each woman paid men's average in her own job group, the ratio would be
# {eval}`txt.pay_within`. By these tables, then, most of the gap is composition, men being
# more often in the better-paid groups, rather than lower pay for the same kind of job. The tables do not
# fit the headline exactly: the weighted averages lie well above the organisation-wide ones, and each
# group's average for all is the head-count-weighted mean of its women and men in only
# {eval}`txt.pay_exact_groups` of {eval}`txt.pay_groups` groups. The
# organisation-wide averages, for their part, imply a men's share of
# {eval}`txt.pay_implied_men`, the text's figure for the permanent staff (see the finding
# under *Gender, age and part time*). The report never says these tables cover the same people, so the
# book shows these comparisons as estimates, not as the report's errors.
#
# Whether "årslønn" is pay for a full position cannot be settled from the printed figures. Women work
# part time more often than men ({eval}`txt.pt_women_rate` against
# {eval}`txt.pt_men_rate`); if the averages were pay actually received, that alone would
# pull women's averages down, yet women earn more than men in {eval}`txt.pay_women_ahead`
# groups. The book infers that the averages are probably full-time or contractual pay, but the report
# does not say so.

# %% tags=["remove-input"]
pay_section = pd.concat(
    [
        checks.run("personnel", only=["job_group_counts", "pay_weighted"]),
        all_checks[all_checks["check_id"].str.startswith(f"{pers.JOB_GROUPS}.claim")],
    ],
    ignore_index=True,
)
gs("pay_summary", pay_section)

# %% [markdown]
# {eval}`txt.pay_summary` The job groups add up to the table's total, and the text's claim
# that top management is evenly split holds.

# %% tags=["remove-input", "hide-output"]
checks_table(pay_section, table_id="personnel-pay-checks", caption="Pay and job groups: every check")

# %% [markdown]
# ## What the text claims
#
# Besides figures, the text makes claims about trends and comparisons. Each is held against the tables:
# *holds* means the tables bear it out, *not borne out* that they contradict it, and *cannot be settled*
# that the printed figures do not allow a verdict.

# %% tags=["remove-input"]
claims = all_checks[all_checks["unit"] == pers.CLAIM_UNIT]
basis = pers.claim_basis(get)
verdict = np.select(
    [claims["status"] == "estimate", claims["recomputed"] == 1], ["cannot be settled", "holds"], "not borne out"
)
shown = claims[~claims["check_id"].str.contains("within_permanent")].assign(
    verdict=verdict[~claims["check_id"].str.contains("within_permanent").to_numpy()],
    basis=lambda f: f["check_id"].map(basis),
)
g("n_claims", len(shown))
g("n_claims_not", (shown["verdict"] == "not borne out").sum())
g("n_claims_open", (shown["verdict"] == "cannot be settled").sum())
styled(
    shown,
    table_id="personnel-claims",
    columns={"what": "Claim", "source_lines": "Lines", "verdict": "Verdict", "basis": "Printed figures"},
    caption="Claims of the running text held against the tables",
)

# %% [markdown]
# Of the {eval}`txt.n_claims` claims, {eval}`txt.n_claims_not` are not borne
# out on the book's reading (the average position size did not rise in the table; breaches rose faster
# than overtime, which contradicts "in step with" only if it means the same rate, a reading the report
# does not state; both are findings above) and {eval}`txt.n_claims_open` cannot be settled (turnover
# against the sector). The figures the text states are listed below the button, with whether a check uses them.

# %% tags=["remove-input", "hide-output"]
prose_figures = get(pers.PROSE)
used = {cid.split(".")[1] for cid in all_checks["check_id"] if cid.startswith(pers.PROSE)}
styled(
    prose_figures.assign(
        line=prose_figures["source_line"].astype(str),
        figure=prose_figures["label"].str.replace("_", " "),
        value_text=[fmt(v, len(f"{v:g}".partition(".")[2])) for v in prose_figures["value"]],
        checked=np.where(prose_figures["label"].isin(used), "yes", ""),
    ),
    table_id="personnel-prose-figures",
    columns={"line": "Line", "figure": "Figure", "value_text": "Value", "unit": "Unit", "checked": "Checked"},
    caption="Figures stated in the running text (value as printed)",
)

# %% [markdown]
# ## All checks of the chapter
#
# The counts by table follow; every check is in the list below the button and on the {doc}`audit` page.

# %% tags=["remove-input"]
by_table = pers.by_table(all_checks)
by_table["table"] = by_table["table"].str.removeprefix("pers_").str.replace("_", " ")
styled(by_table, table_id="personnel-checks-by-table",
       columns={"table": "Table", "exact": "Exact", "rounding": "Rounding", "estimate": "Estimate",
                "discrepancy": "Discrepancy", "total": "Total"}, caption="Checks by table and class")  # fmt: skip

# %% tags=["remove-input", "hide-output"]
checks_table(all_checks, table_id="personnel-checks-all", caption="Every check of the chapter")

# %% [markdown]
# ## Try it
#
# The checks take their tables from a *getter*, so they can be run on altered data without touching
# the CSV files. Suppose the part-time table's men in their sixties were printed with the share their
# count gives. The cell below changes that one figure in memory and runs the gender and age checks again.

# %% tags=["hide-input"]
part = ages[ages["staff_group"] == "permanent_part_time"].set_index("label")
from_counts = round(100 * part.loc["60-69", "men_count"] / part.loc["Totalt", "total_count"], 1)
corrected = checks.altered(pers.GENDER_AGE, "men_pct", from_counts, staff_group="permanent_part_time", label="60-69")
before = checks.run("personnel", only=["gender_age_shares"])
after = checks.run("personnel", get=corrected, only=["gender_age_shares"])
changed = before[["check_id", "what", "status"]].merge(after[["check_id", "status"]], on="check_id",
                                                       suffixes=("_before", "_after"))  # fmt: skip
styled(changed[changed["status_before"] != changed["status_after"]], table_id="personnel-try-it",
       columns={"what": "Check", "status_before": "Before", "status_after": "After"},
       caption="Checks whose class changes with the corrected figure")  # fmt: skip

# %% [markdown]
# The three checks the misprint broke pass: the share and the men's column against its total become
# exact, and the row's women and men against its total falls within rounding. Now try the permanent-staff table: set `women_pct` of
# the row `50-59` to the share its count gives, and see which checks change class.
