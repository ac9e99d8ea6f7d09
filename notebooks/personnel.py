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
# or as a script, {download}`personnel.py <personnel.py>`;
# its tables are on the {doc}`data page <../book/data>`.
#
# The last part of the *{term}`Årsevaluering`* is about the people who deliver the municipality's
# services: how many are employed and in how large positions, how much they are away sick, how many
# leave and how many are hired, how much overtime they work and how often the working-time rules of
# the *{term}`Arbeidsmiljøloven`* are broken, and how staff, age and pay divide between women and men.
# Unlike the accounts, most of these tables are not in kroner but in persons, *{term}`årsverk <Årsverk>`*
# (full-time equivalents, FTEs), hours and percentages, and most of them are broken down by
# *{term}`Programområde`*, the service areas the municipality is organised in (P01 Schools to P14–P19
# Central units).
#
# This chapter shows every table of that part again, from the CSV files in `data/`, recomputes
# everything the tables derive (totals, changes, shares), holds figures printed in several places
# against each other, and holds the numbers and claims of the running text against the tables. Where
# the report does not print a measure a reader would want (overtime per FTE, for instance), the
# chapter derives it and says so.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from myst_nb import glue

from aarsevaluering import checks, style
from aarsevaluering.checks import from_disk as get
from aarsevaluering.data import catalogue
from aarsevaluering.fmt import fmt
from aarsevaluering.identities import personnel as pers
from aarsevaluering.tables import checks_table, styled

style.use_book_style()


def g(key, value, decimals=0, unit=""):
    """Glue a number for the prose, formatted the book's way."""
    glue(f"personnel_{key}", fmt(value, decimals, unit), display=False)


def gt(key, text):
    """Glue a piece of text computed from the data (an area code, a month)."""
    glue(f"personnel_{key}", text, display=False)


all_checks = checks.run("personnel")
tables = catalogue("personnel")
g("n_tables", len(tables))
g("n_checks", len(all_checks))
styled(
    tables[["table", "title", "source_table", "unit", "source_lines", "rows"]],
    table_id="personnel-tables",
    columns={"table": "Table", "title": "Printed title", "source_table": "Id", "unit": "Unit",
             "source_lines": "Lines", "rows": "Rows"},
    caption="The tables of this chapter",
)  # fmt: skip

# %% [markdown]
# The chapter draws on {glue:text}`personnel_n_tables:s` tables (one of them holds the figures that
# stand only in the running text) and makes {glue:text}`personnel_n_checks:s` checks. A check is
# *exact* when the recomputed figure rounds to the printed one, *rounding* when it is within two units
# of the last printed digit and a *discrepancy* otherwise; every discrepancy carries an explanation.
#
# ## How many people, and in how large positions?
#
# The report counts *{term}`fast ansatte <Fast ansatt>`* (permanent employees) and their FTEs,
# computed from the position percentage in each employment contract, in December of each year.

# %%
staff = get(pers.STAFF)
total = staff[staff["label"] == pers.TOTAL].iloc[0]
g("fte_2023", total["fte_2023"])
g("head_2023", total["headcount_2023"])
g("fte_2022", total["fte_2022"])
g("head_2022", total["headcount_2022"])
g("fte_change", total["fte_change_pct"], 1, "%")
g("head_change", total["headcount_change_pct"], 1, "%")
g("temp_fte", pers.prose_value(get, "temporary_fte_end_2023"))
g("head_sum_2023", staff.loc[staff["row_kind"] == "item", "headcount_2023"].sum())
g("head_gap_2023", staff.loc[staff["row_kind"] == "item", "headcount_2023"].sum() - total["headcount_2023"])
styled(
    staff,
    table_id="personnel-staff",
    columns={"label": "Programme area", "headcount_2022": "Employees Dec 2022", "fte_2022": "FTEs Dec 2022",
             "headcount_2023": "Employees Dec 2023", "fte_2023": "FTEs Dec 2023",
             "headcount_change_pct": "Change, employees (%)", "fte_change_pct": "Change, FTEs (%)"},
    caption="Ansatte med fast stillingsforhold (permanent employees and FTEs by programme area)",
)  # fmt: skip

# %% [markdown]
# At the end of 2023 the municipality had {glue:text}`personnel_head_2023:s` permanent employees in
# {glue:text}`personnel_fte_2023:s` FTEs, up from {glue:text}`personnel_head_2022:s` and
# {glue:text}`personnel_fte_2022:s` a year earlier ({glue:text}`personnel_head_change:s` and
# {glue:text}`personnel_fte_change:s`). The text adds {glue:text}`personnel_temp_fte:s` FTEs of
# *{term}`midlertidig ansatte <Midlertidig ansatt>`* (temporary employees), which no table shows.
#
# The areas' employees do not add up to the total: they sum to {glue:text}`personnel_head_sum_2023:s`,
# {glue:text}`personnel_head_gap_2023:s` more than the printed total. The likeliest reason is that
# someone with permanent positions in two areas counts in both areas but once in the total. The
# percentage changes of headcount all follow from the counts. The FTE changes do too, once one allows
# for the FTEs being printed as whole numbers: in a small area such as P12, the rounding of
# {glue:text}`personnel_p12_fte_2022:s` and {glue:text}`personnel_p12_fte_2023:s` FTEs leaves the change
# anywhere between {glue:text}`personnel_p12_low:s` and {glue:text}`personnel_p12_high:s`, so those
# checks are judged against that range rather than against the last printed digit.
#
# The report warns that new routines for registering personnel data make its 2023 statistics not
# directly comparable with earlier years. The comparisons over time in this chapter are the report's
# own figures, taken as printed.

# %%
p12 = staff[staff["label"].map(pers.area_code) == "P12"].iloc[0]
g("p12_fte_2022", p12["fte_2022"])
g("p12_fte_2023", p12["fte_2023"])
low, high = pers.pct_change_range(p12["fte_2022"], p12["fte_2023"])
g("p12_low", low, 1, "%")
g("p12_high", high, 1, "%")
staff_checks = checks.run("personnel", only=["staff_totals", "staff_changes"])
g("staff_exact", (staff_checks["status"] == "exact").sum())
checks_table(
    staff_checks[staff_checks["status"] != "exact"],
    table_id="personnel-staff-checks",
    caption="Staffing table: the checks that are not exact",
)

# %% [markdown]
# The other {glue:text}`personnel_staff_exact:s` checks of the staffing table are exact; the full list
# is under the button below.

# %% tags=["hide-output"]
checks_table(staff_checks, table_id="personnel-staff-checks-all", caption="Staffing table: every check")

# %% [markdown]
# ### Full time and position size
#
# The municipality has a policy of more *{term}`heltid <Heltid>`* (full-time positions). The report
# prints the share of full-time positions and the average position size for four years.

# %%
full_time = get(pers.FULL_TIME)
ft22, ft23 = (full_time[full_time["label"] == y].iloc[0] for y in ("2022", "2023"))
g("ft_2023", ft23["full_time_share_pct"], 2, "%")
g("ft_2022", ft22["full_time_share_pct"], 2, "%")
g("size_2023", ft23["avg_position_size_pct"], 2, "%")
g("fte_per_head_2023", 100 * total["fte_2023"] / total["headcount_2023"], 2, "%")
g("temp_head", pers.prose_value(get, "temporary_employees_dec_2023"))
g("temp_size", 100 * pers.prose_value(get, "temporary_fte_end_2023") / pers.prose_value(get, "temporary_employees_dec_2023"), 1, "%")  # fmt: skip
styled(
    full_time,
    table_id="personnel-full-time",
    columns={"label": "Year", "full_time_share_pct": "Full-time positions (%)",
             "avg_position_size_pct": "Average position size (%)"},
    caption="Tabell som viser oversikt over andel heltid i Drammen kommune",
)  # fmt: skip

# %% [markdown]
# The full-time share rose to {glue:text}`personnel_ft_2023:s` (from {glue:text}`personnel_ft_2022:s`),
# and the part-time table further down agrees with it: one minus the permanent part-time employees as
# a share of all permanent employees gives the same figure within rounding. The average position
# size, {glue:text}`personnel_size_2023:s`, is not the same as FTEs per permanent employee in the
# staffing table ({glue:text}`personnel_fte_per_head_2023:s`); the report does not define the measure,
# and the gap is too large to be rounding. The text also says the average position size *rose* in
# 2023, but the table prints the same figure for both years (see the claims below). For comparison
# (derived): the text's {glue:text}`personnel_temp_fte:s` temporary FTEs over the
# {glue:text}`personnel_temp_head:s` temporary employees of the gender and age table give an average
# temporary position of {glue:text}`personnel_temp_size:s`.

# %%
g("job_total", get(pers.JOB_GROUPS).query("label == 'Totalsum'")["headcount_total"].iloc[0])
checks_table(
    checks.run("personnel", only=["position_size", "staff_across_tables"]),
    table_id="personnel-position-checks",
    caption="Position size and head counts across tables and text",
)

# %% [markdown]
# The head counts agree wherever the same population is counted: the staffing table, the gender and
# age table and the text all have {glue:text}`personnel_head_2023:s` permanent employees. The table of
# employees by job group (in the pay section) counts {glue:text}`personnel_job_total:s`, which the
# report does not explain.
#
# ## Sick leave
#
# *{term}`Sykefravær`* (sick leave) is lost working time as a share of contracted working time. The
# report compares each area with a *{term}`måltall <Måltall>`* (target) that follows the
# *{term}`IA-avtalen`*, the national agreement on an inclusive working life: a reduction of
# {glue:text}`personnel_ia_reduction:s` from the area's result in 2021.

# %%
sick = get(pers.SICK)
sick_total = sick[sick["label"] == pers.TOTAL].iloc[0]
gap = pers.sick_leave_gap(get)
area_gaps = gap[gap["row_kind"] == "item"]
widest = area_gaps.sort_values(["gap_pp", "code"], ascending=[False, True]).iloc[0]
g("ia_reduction", pers.prose_value(get, "sick_leave_target_reduction_from_2021"), 0, "%")
g("sick_2023", sick_total["sick_leave_2023_pct"], 1, "%")
g("sick_2022", sick_total["sick_leave_2022_pct"], 1, "%")
g("sick_target", sick_total["target_2023_pct"], 1, "%")
g("sick_gap", sick_total["sick_leave_2023_pct"] - sick_total["target_2023_pct"], 1, "percentage points")
g("sick_above", (area_gaps["gap_pp"] > 0).sum())
g("sick_areas", len(area_gaps))
g("sick_rose", (area_gaps["change_pp"] > 0).sum())
gt("sick_widest", pers.area_name(widest["label"]))
g("sick_widest_gap", widest["gap_pp"], 1, "percentage points")
g("sick_implied_2021", pers.implied_2021_sick_leave(get).query("label == 'Totalsum'")["implied_2021_pct"].iloc[0], 1, "%")  # fmt: skip
styled(
    sick,
    table_id="personnel-sick",
    columns={"label": "Programme area", "sick_leave_2022_pct": "Sick leave 2022 (%)",
             "sick_leave_2023_pct": "Sick leave 2023 (%)", "target_2023_pct": "Target 2023 (%)"},
    caption="Sick leave by programme area, with the 2023 target (P10 left out for its few employees)",
)  # fmt: skip

# %% [markdown]
# Sick leave fell from {glue:text}`personnel_sick_2022:s` to {glue:text}`personnel_sick_2023:s`, but it
# rose in {glue:text}`personnel_sick_rose:s` of the {glue:text}`personnel_sick_areas:s` areas. Against
# the targets (a derived measure: the 2023 rate minus the target, in percentage points) the picture is
# plain: {glue:text}`personnel_sick_above:s` of {glue:text}`personnel_sick_areas:s` areas are above
# target, the municipality as a whole by {glue:text}`personnel_sick_gap:s`, and
# {glue:text}`personnel_sick_widest:s` by the most, {glue:text}`personnel_sick_widest_gap:s`. If the
# overall target of {glue:text}`personnel_sick_target:s` is the 2021 result less
# {glue:text}`personnel_ia_reduction:s`, the 2021 rate was {glue:text}`personnel_sick_implied_2021:s`
# (derived; the report does not print it).

# %% mystnb={"figure": {"caption": "Sick leave by programme area in 2022 and 2023 against the 2023 target. Derived gap = 2023 rate minus target.", "name": "fig-personnel-sick-target"}, "image": {"alt": "Dot plot with one row per programme area: a grey dot for 2022, a blue dot for 2023 and an orange bar for the target; every blue dot lies to the right of its target."}}
rows = gap.iloc[::-1].reset_index(drop=True)
names = rows["label"].map(pers.area_name)
fig, ax = plt.subplots(figsize=(7.5, 5.2))
y = np.arange(len(rows))
ax.hlines(y, rows["target_2023_pct"], rows["sick_leave_2023_pct"], color=style.NEUTRAL, lw=1)
ax.scatter(rows["sick_leave_2022_pct"], y, facecolors="none", edgecolors=style.NEUTRAL, label="2022", zorder=3)
ax.scatter(rows["sick_leave_2023_pct"], y, color=style.POSITIVE, label="2023", zorder=3)
ax.scatter(rows["target_2023_pct"], y, marker="|", s=200, color=style.PALETTE["orange"], label="Target 2023", zorder=3)
ax.set_yticks(y, names)
ax.set_xlabel("Sick leave (% of contracted working time)")
above = (area_gaps["gap_pp"] > 0).all()
ax.set_title("Every area is above its sick-leave target" if above else "Sick leave against target by area")
ax.legend(loc="lower right", frameon=False)
style.finish(fig, table=pers.SICK)
plt.show()

# %% [markdown]
# ### Sick leave through the year, and against the municipal sector
#
# Two small tables give the 2023 rate per quarter for women, men and all, in Drammen and in the
# *{term}`kommunesektoren <Kommunesektoren>`* (all Norwegian municipalities and counties) as a whole.

# %%
quarters = get(pers.SICK_Q)
for population, caption in (("drammen", "Sykefravær per kvartal i Drammen kommune 2023"),
                            ("municipal_sector", "Sykefravær per kvartal i kommunesektoren 2023")):  # fmt: skip
    display(
        styled(
            quarters[quarters["population"] == population],
            table_id=f"personnel-sick-quarter-{population}",
            columns={"label": "Gender", "q1_pct": "Q1 (%)", "q2_pct": "Q2 (%)", "q3_pct": "Q3 (%)", "q4_pct": "Q4 (%)"},
            caption=caption,
        )  # fmt: skip
    )

# %% mystnb={"figure": {"caption": "Sick leave per quarter of 2023 by gender, Drammen (solid) and the municipal sector (dashed).", "name": "fig-personnel-sick-quarter"}, "image": {"alt": "Line chart over four quarters: women's sick leave is far above men's in both Drammen and the sector, all lines dip in the third quarter, and Drammen's lines lie mostly above the sector's."}}
qcols = ["q1_pct", "q2_pct", "q3_pct", "q4_pct"]
colours = {"Kvinne": style.PALETTE["orange"], "Mann": style.PALETTE["blue"], pers.TOTAL: "#333333"}
english = {"Kvinne": "women", "Mann": "men", pers.TOTAL: "all"}
fig, ax = plt.subplots()
for _, row in quarters.iterrows():
    dashed = row["population"] == "municipal_sector"
    where = "sector" if dashed else "Drammen"
    ax.plot([1, 2, 3, 4], row[qcols].astype(float), marker="o", color=colours[row["label"]],
            ls="--" if dashed else "-", label=f"{where}, {english[row['label']]}")  # fmt: skip
ax.set_xticks([1, 2, 3, 4], ["Q1", "Q2", "Q3", "Q4"])
ax.set_xlabel("Quarter of 2023")
ax.set_ylabel("Sick leave (%)")
ax.set_title("Drammen's overall sick leave is above the sector's in every quarter")
ax.legend(ncol=2, frameon=False, fontsize=8)
style.finish(fig, table=pers.SICK_Q)
plt.show()

# %% [markdown]
# Women's sick leave is well above men's in both populations, and all rates dip in the summer
# quarter. The organisation-wide rates in the tables are not sums: weighted by each area's FTEs, the
# areas' rates give back the printed totals within rounding, and the mean of the four quarters gives
# the annual rate.

# %%
checks_table(checks.run("personnel", only=["sick_leave"]), table_id="personnel-sick-checks",
             caption="Sick leave: totals, quarters and text")  # fmt: skip

# %% [markdown]
# ## Turnover
#
# Turnover is the share of employees who leave in a year. The report prints it by area for four
# years.

# %%
turn = get(pers.TURNOVER)
turn_total = turn[turn["label"] == pers.TOTAL].iloc[0]
turn_items = turn[turn["row_kind"] == "item"]
g("turn_2023", turn_total["turnover_2023_pct"], 1, "%")
g("turn_2020", turn_total["turnover_2020_pct"], 1, "%")
g("turn_rose", (turn_items["turnover_2023_pct"] > turn_items["turnover_2022_pct"]).sum())
g("turn_areas", len(turn_items))
g("sector_turn", pers.prose_value(get, "municipal_sector_turnover_2022"), 1, "%")
g("sector_turn_excl", pers.prose_value(get, "municipal_sector_turnover_2022_excl_hourly_paid"), 0, "%")
g("turn_2022", turn_total["turnover_2022_pct"], 1, "%")
styled(
    turn,
    table_id="personnel-turnover",
    columns={"label": "Programme area", "turnover_2020_pct": "2020 (%)", "turnover_2021_pct": "2021 (%)",
             "turnover_2022_pct": "2022 (%)", "turnover_2023_pct": "2023 (%)"},
    caption="Turnover i kommunen for perioden 2020–2023.",
)  # fmt: skip

# %% mystnb={"figure": {"caption": "Turnover by programme area, 2020–2023 (per cent of employees).", "name": "fig-personnel-turnover"}, "image": {"alt": "Heat map with programme areas as rows and the years 2020 to 2023 as columns; the 2023 column is darker in most rows, and the all-areas row rises steadily."}}
heat = turn.set_index(turn["label"].map(pers.area_name))[
    ["turnover_2020_pct", "turnover_2021_pct", "turnover_2022_pct", "turnover_2023_pct"]
].astype(float)
fig, ax = plt.subplots(figsize=(7.5, 5.6))
image = ax.imshow(heat.to_numpy(), cmap="Blues", vmin=0, aspect="auto")
ax.set_xticks(range(4), ["2020", "2021", "2022", "2023"])
ax.set_yticks(range(len(heat)), heat.index)
ax.grid(False)
for (i, j), v in np.ndenumerate(heat.to_numpy()):
    ax.text(
        j,
        i,
        fmt(v, 1),
        ha="center",
        va="center",
        fontsize=8,
        color="white" if v > 0.5 * heat.to_numpy().max() else "black",
    )
ax.axhline(len(heat) - 1.5, color="white", lw=3)
fig.colorbar(image, ax=ax, label="Turnover (% of employees)")
ax.set_xlabel("Year")
rose = (turn_items["turnover_2023_pct"] > turn_items["turnover_2022_pct"]).sum()
ax.set_title("Turnover rose in most areas in 2023" if rose > len(turn_items) / 2 else "Turnover by area")
style.finish(fig, table=pers.TURNOVER)
plt.show()

# %% [markdown]
# Turnover rose from {glue:text}`personnel_turn_2020:s` in 2020 to {glue:text}`personnel_turn_2023:s`
# in 2023, and from 2022 to 2023 it rose in {glue:text}`personnel_turn_rose:s` of
# {glue:text}`personnel_turn_areas:s` areas. The text compares the municipality with the sector: in
# 2022 the sector's turnover was {glue:text}`personnel_sector_turn:s`, or
# {glue:text}`personnel_sector_turn_excl:s` without hourly paid staff, and concludes that Drammen's is
# higher. Drammen's 2022 rate was {glue:text}`personnel_turn_2022:s`, the same as the narrower sector
# figure, so the conclusion holds only if Drammen's 2023 rate is set against the sector's 2022 figure
# (see the claims below).

# %%
checks_table(checks.run("personnel", only=["turnover"]), table_id="personnel-turnover-checks",
             caption="Turnover: totals and text")  # fmt: skip

# %% [markdown]
# ## Hiring
#
# The report counts new hires on permanent terms per month for four years.

# %%
hires = get(pers.HIRES)
profile = pers.hires_profile(get)
peak = profile.sort_values("mean_share", ascending=False).iloc[0]
trough = profile.sort_values("mean_share").iloc[0]
hire_total = hires[hires["label"] == "Totalt"].iloc[0]
gt("peak_month", peak["month"])
g("peak_share", peak["mean_share"], 0, "%")
gt("trough_month", trough["month"])
g("trough_share", trough["mean_share"], 0, "%")
g("hires_2023", hire_total["hires_2023"])
g("hires_2022", hire_total["hires_2022"])
g("hires_change", 100 * (hire_total["hires_2023"] / hire_total["hires_2022"] - 1), 0, "%")
styled(
    hires,
    table_id="personnel-hires",
    columns={"label": "Month", "hires_2020": "2020", "hires_2021": "2021", "hires_2022": "2022", "hires_2023": "2023"},
    caption="Nyansettelser på fast arbeidsvilkår per måned (new permanent hires by month)",
)

# %% mystnb={"figure": {"caption": "New permanent hires by month, 2020–2023.", "name": "fig-personnel-hires"}, "image": {"alt": "Line chart of hires per month with one line per year from 2020 to 2023; every line peaks sharply in August and is lowest in July."}}
fig, ax = plt.subplots()
months = range(1, 13)
for colour, year in zip(["grey", "sky", "green", "blue"], ["2020", "2021", "2022", "2023"], strict=True):
    ax.plot(months, profile[f"hires_{year}"], marker="o", ms=3, color=style.PALETTE[colour], label=year,
            lw=2.2 if year == "2023" else 1.2)  # fmt: skip
ax.set_xticks(list(months), [m[:3] for m in profile["month"]])
ax.set_xlabel("Month")
ax.set_ylabel("New permanent hires (persons)")
peaks = {profile.loc[profile[f"hires_{y}"].idxmax(), "month"] for y in ["2020", "2021", "2022", "2023"]}
ax.set_title(f"Permanent hires peak in {peaks.pop()} every year" if len(peaks) == 1 else "New permanent hires by month")
ax.legend(frameon=False)
style.finish(fig, table=pers.HIRES)
plt.show()

# %% [markdown]
# The year has a strong rhythm (derived from the four years, as a share of each year's hires):
# {glue:text}`personnel_peak_month:s` alone brings {glue:text}`personnel_peak_share:s` of the year's
# new permanent staff, presumably as schools and kindergartens start their year, and
# {glue:text}`personnel_trough_month:s` only {glue:text}`personnel_trough_share:s`. In 2023 the
# municipality hired {glue:text}`personnel_hires_2023:s` people on permanent terms,
# {glue:text}`personnel_hires_change:s` more than the {glue:text}`personnel_hires_2022:s` of 2022. The
# months add up to the printed totals in every year.

# %%
checks_table(checks.run("personnel", only=["hires_totals"]), table_id="personnel-hires-checks",
             caption="Hiring: totals")  # fmt: skip

# %% [markdown]
# ## Overtime and breaches of the working-time rules
#
# *{term}`Overtid`* (overtime) covers gaps in the *{term}`turnus <Turnus>`* (the shift rota):
# vacancies, sick leave, recruitment problems. An employee who works long hours also breaks the
# working-time rules of the Working Environment Act: ordinary working time of no more than
# {glue:text}`personnel_max_day:s` a day and {glue:text}`personnel_max_week:s` a week, and minimum
# rest between shifts. One long shift can set off several breaches at once.

# %%
overtime = get(pers.OVERTIME)
ot_total = overtime[overtime["label"] == pers.TOTAL].iloc[0]
g("max_day", pers.prose_value(get, "max_ordinary_working_hours_per_24_hours"), 0, "hours")
g("max_week", pers.prose_value(get, "max_ordinary_working_hours_per_7_days"), 0, "hours")
g("ot_2023", ot_total["overtime_hours_2023"], 0, "hours")
g("ot_2022", ot_total["overtime_hours_2022"], 0, "hours")
styled(
    overtime,
    table_id="personnel-overtime",
    columns={"label": "Programme area", "overtime_hours_2022": "2022 (hours)", "overtime_hours_2023": "2023 (hours)"},
    caption="Overtidsbruk i kommunen (overtime hours by programme area)",
)

# %% [markdown]
# Overtime rose from {glue:text}`personnel_ot_2022:s` in 2022 to {glue:text}`personnel_ot_2023:s` in
# 2023 ({glue:text}`personnel_ot_change:s`). The text splits the 2023 hours by employment type; the
# shares are derived.

# %%
split = pers.overtime_split(get)
g("ot_temp_share", split.loc[1, "share_pct"], 0, "%")
styled(split, table_id="personnel-overtime-split",
       columns={"employment_type": "Employment type", "hours": "Hours 2023", "share_pct": "Share (%, derived)"},
       decimals={"hours": 0, "share_pct": 1}, caption="Overtime hours 2023 by employment type (from the text)")  # fmt: skip

# %% [markdown]
# Temporary employees worked {glue:text}`personnel_ot_temp_share:s` of the overtime hours. The
# breaches are counted by type of rule and by area; both tables give the same totals.

# %%
breach_type = get(pers.BREACH_TYPE)
breach_area = get(pers.BREACH_AREA)
br_total = breach_area[breach_area["label"] == pers.TOTAL].iloc[0]
bt_total = breach_type[breach_type["label"] == pers.TOTAL].iloc[0]
g("br_2023", br_total["breaches_2023"])
g("br_2022", br_total["breaches_2022"])
g("br_2021", bt_total["breaches_2021"])
g("br_change", 100 * (br_total["breaches_2023"] / br_total["breaches_2022"] - 1), 1, "%")
g("ot_change", 100 * (ot_total["overtime_hours_2023"] / ot_total["overtime_hours_2022"] - 1), 1, "%")
display(
    styled(
        breach_type,
        table_id="personnel-breach-type",
        columns={"label": "Type of breach", "breaches_2021": "2021", "breaches_2022": "2022", "breaches_2023": "2023"},
        caption="Brudd på arbeidstidsbestemmelsene (breaches by type)",
    )
)
styled(
    breach_area,
    table_id="personnel-breach-area",
    columns={"label": "Programme area", "breaches_2022": "2022", "breaches_2023": "2023"},
    caption="Fordeling AML-brudd per programområde (breaches by programme area; no row for P02 and P10)",
)

# %% [markdown]
# Breaches rose from {glue:text}`personnel_br_2022:s` to {glue:text}`personnel_br_2023:s`
# ({glue:text}`personnel_br_change:s`), faster than overtime hours ({glue:text}`personnel_ot_change:s`),
# though still well below the {glue:text}`personnel_br_2021:s` of 2021.
#
# Large areas have more overtime and more breaches simply because they are large. Dividing by each
# area's permanent FTEs (a derived measure, which the report does not print) makes the areas
# comparable. Two caveats: the overtime includes hours worked by temporary staff while the FTEs are
# permanent only, and the breaches table has no row for P02 and P10.

# %%
rate = pers.per_fte(get)
rate_items = rate[rate["row_kind"] == "item"]
top_ot = rate_items.sort_values("overtime_per_fte_2023", ascending=False).iloc[0]
top_br = rate_items.sort_values("breaches_per_100_fte_2023", ascending=False).iloc[0]
p06 = rate_items[rate_items["code"] == "P06"].iloc[0]
rate_total = rate[rate["row_kind"] == "total"].iloc[0]
gt("top_ot", pers.area_name(top_ot["label"]))
g("top_ot_value", top_ot["overtime_per_fte_2023"], 0, "hours")
gt("top_br", pers.area_name(top_br["label"]))
g("top_br_value", top_br["breaches_per_100_fte_2023"], 0)
g("p06_ot", p06["overtime_per_fte_2023"], 0, "hours")
g("p06_ot_share", 100 * p06["overtime_hours_2023"] / rate_total["overtime_hours_2023"], 0, "%")
g("all_ot", rate_total["overtime_per_fte_2023"], 0, "hours")
g("all_br", rate_total["breaches_per_100_fte_2023"], 0)
styled(
    rate,
    table_id="personnel-per-fte",
    columns={"label": "Programme area", "fte_2023": "FTEs 2023", "overtime_hours_2023": "Overtime 2023 (hours)",
             "overtime_per_fte_2022": "Hours per FTE 2022", "overtime_per_fte_2023": "Hours per FTE 2023",
             "breaches_2023": "Breaches 2023", "breaches_per_100_fte_2022": "Per 100 FTEs 2022",
             "breaches_per_100_fte_2023": "Per 100 FTEs 2023"},
    decimals={"overtime_per_fte_2022": 1, "overtime_per_fte_2023": 1, "breaches_per_100_fte_2022": 0,
              "breaches_per_100_fte_2023": 0},
    caption="Derived: overtime hours per permanent FTE and breaches per 100 permanent FTEs",
)  # fmt: skip

# %% mystnb={"figure": {"caption": "Derived: overtime hours per permanent FTE and breaches of the working-time rules per 100 permanent FTEs, by programme area, 2022 and 2023.", "name": "fig-personnel-overtime"}, "image": {"alt": "Two bar charts side by side with one row per programme area: overtime hours per FTE on the left and breaches per 100 FTEs on the right, each for 2022 and 2023; water, sewerage and waste, health, people with disabilities and home services have the longest bars."}}
shown = rate.iloc[::-1].reset_index(drop=True)
y = np.arange(len(shown))
fig, axes = plt.subplots(1, 2, figsize=(8.5, 5.4), sharey=True)
for ax, measure, xlabel in ((axes[0], "overtime_per_fte", "Overtime hours per FTE"),
                            (axes[1], "breaches_per_100_fte", "Breaches per 100 FTEs")):  # fmt: skip
    ax.barh(y + 0.2, shown[f"{measure}_2022"].astype(float).fillna(0), height=0.4, color=style.NEUTRAL, label="2022")
    ax.barh(y - 0.2, shown[f"{measure}_2023"].astype(float).fillna(0), height=0.4, color=style.POSITIVE, label="2023")
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
axes[0].set_yticks(y, shown["label"].map(pers.area_name))
axes[1].legend(frameon=False, loc="lower right")
fig.suptitle(f"Per FTE, {pers.area_code(top_ot['label'])} has the most overtime"
             + (" and breaches" if top_ot["code"] == top_br["code"] else ""),
             x=0.01, ha="left", fontweight="bold")  # fmt: skip
style.finish(fig, table=f"{pers.OVERTIME}, {pers.BREACH_AREA}, {pers.STAFF}")
plt.show()

# %% [markdown]
# In hours, home services and institutions (P06) dominate, with {glue:text}`personnel_p06_ot_share:s`
# of all overtime, but per FTE
# {glue:text}`personnel_top_ot:s` stands out with {glue:text}`personnel_top_ot_value:s` of overtime per
# permanent FTE in 2023, against {glue:text}`personnel_p06_ot:s` in P06 and
# {glue:text}`personnel_all_ot:s` for the municipality as a whole. The most breaches per 100 FTEs are
# in {glue:text}`personnel_top_br:s` ({glue:text}`personnel_top_br_value:s` breaches per 100 FTEs,
# against {glue:text}`personnel_all_br:s` overall). All the tables add up, and the text's split of overtime by
# employment type adds up to the table's total.

# %%
checks_table(checks.run("personnel", only=["overtime", "breaches"]), table_id="personnel-overtime-checks",
             caption="Overtime and breaches: totals, text, and the two breach tables")  # fmt: skip

# %% [markdown]
# ## Gender and age
#
# Three tables divide the staff by gender and age group in December 2023: permanent employees,
# temporary employees, and permanent employees in part-time positions (*{term}`deltid <Deltid>`*).
# Each prints a count and a percentage for women, men and both; the percentages are shares of the
# table's grand total, so women's and men's shares add up to the total's, and the total column adds up
# to the whole.

# %%
ages = get(pers.GENDER_AGE)
age_columns = {"label": "Age group", "women_count": "Women", "women_pct": "Women (%)", "men_count": "Men",
               "men_pct": "Men (%)", "total_count": "Total", "total_pct": "Total (%)"}  # fmt: skip
captions = {
    "permanent": "Kjønns- og aldersmessig fordeling på faste ansatte per desember 2023",
    "temporary": "Kjønns- og aldersmessig fordeling på midlertidig ansatte per desember 2023",
    "permanent_part_time": "Fast ansatte i deltidsstilling, fordelt på kjønn og alder per desember 2023",
}
for group, caption in captions.items():
    display(styled(ages[ages["staff_group"] == group], table_id=f"personnel-ages-{group}", columns=age_columns,
                   caption=caption))  # fmt: skip

# %% [markdown]
# A printed dash is shown as –: no one in the group. The counts add up in every row and column. The
# percentages often do not follow from the counts, and the mismatch is largest in the table of
# temporary employees. The table below shows the printed percentages next to the same shares computed
# from the printed counts, for every row where at least one of the three differs after rounding.

# %%
shares = checks.run("personnel", only=["gender_age_shares"])
matrix = pd.concat(
    [pers.share_matrix(shares, group).assign(group=pers.STAFF_GROUPS[group]) for group in pers.STAFF_GROUPS],
    ignore_index=True,
)
differs = np.zeros(len(matrix), dtype=bool)
for gender in pers.GENDER_COLUMNS:
    differs |= (matrix[f"{gender}_printed"] - matrix[f"{gender}_counts"].round(1)).abs().to_numpy() > 0.05
g("share_rows_differ", differs.sum())
worst = shares.assign(gap=(shares["printed"] - shares["recomputed"]).abs()).sort_values(
    ["gap", "check_id"], ascending=[False, True]).iloc[0]  # fmt: skip
g("share_max_gap", worst["gap"], 1, "percentage points")
_, group, _, gender, _ = worst["check_id"].split(".")
gt(
    "share_max_where",
    f"{pers.STAFF_GROUPS[group]}, age group ‘{worst['what'].rsplit('(', 1)[1].rstrip(')')}’, {gender} column",
)
g("share_rows", len(matrix))
styled(
    matrix[differs].reset_index(drop=True),
    table_id="personnel-share-matrix",
    columns={"group": "Staff group", "label": "Age group", "women_printed": "Women, printed (%)",
             "women_counts": "Women, from counts (%)", "men_printed": "Men, printed (%)",
             "men_counts": "Men, from counts (%)", "total_printed": "Total, printed (%)",
             "total_counts": "Total, from counts (%)"},
    decimals={c: 1 for c in matrix.columns if c.endswith(("_printed", "_counts"))},
    caption="Printed percentages and the same shares from the counts, rows that differ",
)  # fmt: skip

# %% [markdown]
# In {glue:text}`personnel_share_rows_differ:s` of the {glue:text}`personnel_share_rows:s` rows at least
# one printed percentage differs from its count. Because the counts add up both ways, the counts are the
# firmer figures; the percentages were probably computed from another extraction of the data, or
# typed by hand. The largest gap, {glue:text}`personnel_share_max_gap:s`, is in the table of
# {glue:text}`personnel_share_max_where:s`. The checks behind this table are counted below by staff
# group and kind; the discrepancies follow, and the full list is under the button.

# %%
age_checks = checks.run("personnel", only=["gender_age_counts", "gender_age_shares"])
kind = age_checks["check_id"].str.split(".").str[2].map(
    {"sum": "age groups add up", "women_plus_men": "women + men = total (counts)", "share": "share from counts",
     "pct_women_plus_men": "women % + men % = total %"}
)  # fmt: skip
summary = (
    age_checks.assign(kind=kind, group=age_checks["check_id"].str.split(".").str[1].map(pers.STAFF_GROUPS))
    .groupby(["group", "kind"], sort=False)["status"].value_counts().unstack(fill_value=0)
    .reindex(columns=["exact", "rounding", "discrepancy"], fill_value=0).reset_index()
)  # fmt: skip
styled(summary, table_id="personnel-age-summary",
       columns={"group": "Staff group", "kind": "Check", "exact": "Exact", "rounding": "Rounding",
                "discrepancy": "Discrepancy"}, caption="Gender and age checks by staff group, kind and class")  # fmt: skip

# %%
checks_table(
    age_checks[age_checks["status"] == "discrepancy"],
    table_id="personnel-age-discrepancies",
    caption="Gender and age: the discrepancies",
)

# %% tags=["hide-output"]
checks_table(age_checks, table_id="personnel-age-checks-all", caption="Gender and age: every check")

# %% mystnb={"figure": {"caption": "Permanent employees by age group and gender, December 2023.", "name": "fig-personnel-pyramid"}, "image": {"alt": "Population pyramid of permanent staff with men to the left and women to the right; the women's bars are about four times as long as the men's in every age group, and both are longest between 30 and 59."}}
pyramid = pers.age_pyramid(get, "permanent")
y = np.arange(len(pyramid))
fig, ax = plt.subplots()
ax.barh(y, -pyramid["men_count"].astype(float), color=style.PALETTE["blue"], label="Men")
ax.barh(y, pyramid["women_count"].astype(float), color=style.PALETTE["orange"], label="Women")
ax.set_yticks(y, [label.replace(" år", "") for label in pyramid["label"]])
ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: fmt(abs(v))))
ax.axvline(0, color="black", lw=0.8)
ax.set_xlabel("Permanent employees (persons; men to the left, women to the right)")
ax.set_ylabel("Age group (years)")
ax.set_title("Women outnumber men in every age group")
ax.legend(frameon=False, loc="upper right")
style.finish(fig, table=pers.GENDER_AGE)
plt.show()

# %% [markdown]
# The text restates these shares, sometimes with a different figure. Its men's share of the permanent
# staff, {glue:text}`personnel_text_men_share:s`, does not follow from the table's counts
# ({glue:text}`personnel_table_men_share:s`), but it is exactly the men's share implied by the pay
# statistics' overall averages further down: the sentence seems to rest on the pay data. In the
# part-time section the text has {glue:text}`personnel_text_pt_women:s` women where the table has
# {glue:text}`personnel_table_pt_women:s`, a typo that makes women and men add up to
# {glue:text}`personnel_text_pt_sum:s`.

# %%
permanent_total = ages.query("staff_group == 'permanent' and label == 'Totalt'").iloc[0]
part_total = ages.query("staff_group == 'permanent_part_time' and label == 'Totalt'").iloc[0]
g("text_men_share", pers.prose_value(get, "permanent_men_share_dec_2023"), 2, "%")
g("table_men_share", 100 * permanent_total["men_count"] / permanent_total["total_count"], 2, "%")
g("text_pt_women", pers.prose_value(get, "part_time_permanent_women_share"), 1, "%")
g("table_pt_women", part_total["women_pct"], 1, "%")
g("text_pt_sum", pers.prose_value(get, "part_time_permanent_women_share")
  + pers.prose_value(get, "part_time_permanent_men_share"), 1, "%")  # fmt: skip
checks_table(checks.run("personnel", only=["gender_shares_prose"]), table_id="personnel-gender-text-checks",
             caption="Gender shares in the text against the counts")  # fmt: skip

# %% [markdown]
# ## Pay
#
# Three tables describe pay and gender by *{term}`stillingsgruppe <Stillingsgruppe>`* (job group): the
# average annual pay of women, men and all, the same for the whole organisation, and the number of
# women and men in each group.

# %%
pay = get(pers.PAY)
pay_total = get(pers.PAY_TOTAL)
job_groups = get(pers.JOB_GROUPS)
display(styled(pay, table_id="personnel-pay",
               columns={"label": "Job group", "avg_pay_women": "Women (NOK)", "avg_pay_men": "Men (NOK)",
                        "avg_pay_total": "All (NOK)"},
               caption="Lønnsforskjeller på ulike stillingsnivå/grupper (average annual pay)"))  # fmt: skip
display(styled(pay_total, table_id="personnel-pay-total",
               columns={"label": "Measure", "avg_pay_women": "Women (NOK)", "avg_pay_men": "Men (NOK)",
                        "avg_pay_all": "All (NOK)"},
               caption="Lønnsforskjell totalt i virksomheten (average annual pay, whole organisation)"))  # fmt: skip
styled(job_groups, table_id="personnel-job-groups",
       columns={"label": "Job group", "headcount_women": "Women", "headcount_men": "Men", "headcount_total": "All"},
       caption="Kjønnsfordeling på ulike stillingsnivåer/grupper (employees by job group)")  # fmt: skip

# %% [markdown]
# The report says there are no large pay differences between women and men within job groups. The
# derived measure below, women's average pay as a percentage of men's, lets a reader judge: women earn
# more than men on average in {glue:text}`personnel_women_ahead:s` of {glue:text}`personnel_groups:s`
# groups, and the ratio runs from {glue:text}`personnel_ratio_min:s` to
# {glue:text}`personnel_ratio_max:s`. Over the whole organisation women's average pay is
# {glue:text}`personnel_ratio_all:s` of men's. The extremes are small groups: the chief executive's
# group has {glue:text}`personnel_exec_size:s` people.

# %%
ratio = pers.pay_gap(get)
overall = pay_total.iloc[0]
g("women_ahead", (ratio["women_pct_of_men"] > 100).sum())
g("groups", len(ratio))
g("ratio_min", ratio["women_pct_of_men"].min(), 1, "%")
g("ratio_max", ratio["women_pct_of_men"].max(), 1, "%")
g("ratio_all", 100 * overall["avg_pay_women"] / overall["avg_pay_men"], 1, "%")
g("exec_size", job_groups.query("label == 'Kommunedirektør og direktørgruppe'")["headcount_total"].iloc[0])
styled(
    ratio,
    table_id="personnel-pay-ratio",
    columns={"label": "Job group", "headcount_women": "Women", "headcount_men": "Men",
             "women_share_pct": "Women's share (%)", "women_pct_of_men": "Women's pay as % of men's"},
    decimals={"women_share_pct": 1, "women_pct_of_men": 1},
    caption="Derived: women's average pay as a percentage of men's, by job group",
)  # fmt: skip

# %% mystnb={"figure": {"caption": "Average annual pay of women and men by job group (NOK thousand).", "name": "fig-personnel-pay"}, "image": {"alt": "Dot plot with one row per job group, a dot for women and a dot for men joined by a line; the two dots lie close together in most groups, with pay rising from about 450 to 800 thousand kroner and the leadership groups far to the right."}}
rows = ratio.iloc[::-1].reset_index(drop=True)
y = np.arange(len(rows))
women, men = rows["avg_pay_women"].astype(float) / 1000, rows["avg_pay_men"].astype(float) / 1000
fig, ax = plt.subplots(figsize=(7.5, 5.0))
ax.hlines(y, np.minimum(women, men), np.maximum(women, men), color=style.NEUTRAL, lw=1)
ax.scatter(women, y, color=style.PALETTE["orange"], label="Women", zorder=3)
ax.scatter(men, y, color=style.PALETTE["blue"], label="Men", zorder=3)
ax.set_yticks(y, rows["group_en"])
ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: fmt(v)))
ax.set_xlabel("Average annual pay (NOK thousand)")
ax.set_title("Women's and men's pay are close in most job groups")
ax.legend(frameon=False, loc="lower right")
style.finish(fig, table=pers.PAY)
plt.show()

# %% [markdown]
# The three tables do not fit together as one population. If they did, each group's average for all
# employees would be the women's and men's averages weighted by the numbers of women and men; that
# holds in only {glue:text}`personnel_pay_fit:s` of {glue:text}`personnel_groups:s` groups (the top
# management), and the organisation-wide averages cannot be rebuilt
# from the groups either. The report does not say whom each table covers, so the checks below are
# discrepancies of definition rather than of arithmetic. The three organisation-wide averages do fit
# each other: they imply a women's share of {glue:text}`personnel_pay_women_share:s`, close to the
# {glue:text}`personnel_job_women_share:s` of the job-group table, and the men's share that goes with
# it is the text's {glue:text}`personnel_text_men_share:s`.

# %%
g("pay_women_share", pers.implied_women_share(overall["avg_pay_women"], overall["avg_pay_men"],
                                              overall["avg_pay_all"]), 2, "%")  # fmt: skip
job_total_row = job_groups[job_groups["label"] == pers.TOTAL].iloc[0]
g("job_women_share", 100 * job_total_row["headcount_women"] / job_total_row["headcount_total"], 2, "%")
pay_checks = checks.run("personnel", only=["pay_weighted"])
g("pay_fit", (pay_checks["check_id"].str.startswith(pers.PAY + ".") & (pay_checks["status"] == "exact")).sum())
checks_table(pay_checks, table_id="personnel-pay-checks", caption="Pay: averages against head counts")

# %% [markdown]
# ## What the text claims
#
# Besides figures, the running text makes claims about trends and comparisons: that something rose,
# that an area had the largest increase, that Drammen is above the sector. Each is held against the
# tables below; *holds* means the tables bear the claim out.

# %%
claims = checks.run("personnel", only=["prose_claims"])
g("claims", len(claims))
g("claims_fail", (claims["status"] == "discrepancy").sum())
styled(
    claims.assign(holds=np.where(claims["recomputed"] == 1, "yes", "no")),
    table_id="personnel-claims",
    columns={"what": "Claim", "source_lines": "Lines", "holds": "Holds", "explanation": "What the tables show"},
    caption="Claims of the running text held against the tables",
)

# %% [markdown]
# Of {glue:text}`personnel_claims:s` claims, {glue:text}`personnel_claims_fail:s` are not borne out:
# the average position size did not rise in the table, and Drammen's turnover was not higher than the
# sector's in the year the sector figures are for. The figures the text states are in the table
# `pers_prose_figures`; those that can be recomputed are among the checks above.

# %% tags=["hide-output"]
prose_figures = get(pers.PROSE)
checked = {cid.split(".")[1] for cid in all_checks["check_id"] if cid.startswith(pers.PROSE)}
styled(
    prose_figures.assign(
        line=prose_figures["source_line"].astype(str),
        value_text=[fmt(v, len(f"{v:g}".partition(".")[2])) for v in prose_figures["value"]],
        checked=np.where(prose_figures["label"].isin(checked), "yes", ""),
    ),
    table_id="personnel-prose-figures",
    columns={"line": "Line", "label": "Figure", "value_text": "Value", "unit": "Unit", "checked": "Checked"},
    caption="Figures stated in the running text (value as printed)",
)

# %% [markdown]
# ## All checks of the chapter
#
# The table counts the checks by the table whose printed figure they test. The discrepancies follow;
# the {glue:text}`personnel_audit_exact:s` exact and {glue:text}`personnel_audit_rounding:s` rounding
# checks are in the full list under the button, and on the {doc}`audit` page.

# %%
g("audit_exact", (all_checks["status"] == "exact").sum())
g("audit_rounding", (all_checks["status"] == "rounding").sum())
by_table = pers.by_table(all_checks)
styled(by_table, table_id="personnel-checks-by-table",
       columns={"table": "Table", "exact": "Exact", "rounding": "Rounding", "discrepancy": "Discrepancy",
                "total": "Total"}, caption="Checks by table and class")  # fmt: skip

# %%
discrepancies = all_checks[all_checks["status"] == "discrepancy"]
styled(
    discrepancies.assign(
        printed_text=[fmt(v, d) for v, d in zip(discrepancies["printed"], discrepancies["decimals"], strict=True)],
        recomputed_text=[fmt(v, d) for v, d in zip(discrepancies["recomputed"], discrepancies["decimals"], strict=True)],
    ),
    table_id="personnel-discrepancies",
    columns={"what": "Check", "printed_text": "Printed", "recomputed_text": "Recomputed", "unit": "Unit",
             "source_lines": "Lines", "explanation": "Likely cause"},
    caption="Every discrepancy of the chapter, with its likely cause",
)  # fmt: skip

# %% tags=["hide-output"]
checks_table(all_checks, table_id="personnel-checks-all", caption="Every check of the chapter")

# %% [markdown]
# ## Try it
#
# The checks take their tables from a *getter*, so they can be run on altered data without touching
# the CSV files. Suppose the printed share of temporary employees under 20 ({glue:text}`personnel_try_printed:s`)
# were a typo for the share the counts give ({glue:text}`personnel_try_counts:s`). The cell below
# changes that one figure in memory and runs the gender and age checks again.


# %%
# The share the counts give for temporary employees under 20, put in place of the printed one.
temporary = ages[ages["staff_group"] == "temporary"].set_index("label")
from_counts = round(100 * temporary.loc["Under 20 år", "total_count"] / temporary.loc["Totalt", "total_count"], 1)
corrected = checks.altered(pers.GENDER_AGE, "total_pct", from_counts, staff_group="temporary", label="Under 20 år")
g("try_printed", temporary.loc["Under 20 år", "total_pct"], 1, "%")
g("try_counts", from_counts, 1, "%")

before = checks.run("personnel", only=["gender_age_shares"])
after = checks.run("personnel", get=corrected, only=["gender_age_shares"])
changed = before[["check_id", "what", "status"]].merge(after[["check_id", "status"]], on="check_id",
                                                       suffixes=("_before", "_after"))  # fmt: skip
styled(changed[changed["status_before"] != changed["status_after"]], table_id="personnel-try-it",
       columns={"what": "Check", "status_before": "Before", "status_after": "After"},
       caption="Checks whose class changes with the corrected figure")  # fmt: skip

# %% [markdown]
# The share check of that row becomes exact, but two checks now fail that passed within rounding: the
# women's and men's shares of the row no longer add up to its total, and the age groups no longer add
# up to the table's total share. The printed women's and men's shares of the row are wrong too, and
# the printed total happened to agree with them.
#
# Now try it yourself: in `corrected`, set `women_pct` and `men_pct` of the same row to the shares the
# counts give (look them up in the table of printed and recomputed shares above) and run the cell
# again. Which checks change class, and is any discrepancy left in that row? Then try the same with
# the part-time table's `men_pct` for 60–69, and watch the column sum for men.
