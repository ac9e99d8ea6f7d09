# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: all,-user_expressions
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
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
# The *{term}`Årsevaluering`*'s personnel part is about the people who deliver the municipality's
# services: how many there are and in how large positions, sick leave, leavers and hires, overtime and
# breaches of the working-time rules of the *{term}`Arbeidsmiljøloven`* (the Working Environment Act), and
# how staff, part time and pay divide between women and men. Its figures are persons,
# *{term}`årsverk <Årsverk>`* (full-time equivalents, FTEs), hours and percentages, mostly by
# *{term}`Programområde`* (P01 Schools to P14–P19 Central units).
#
# A line cited ("line 2419") is a line of the report's plain-text extraction
# ({ref}`references-text`); the {doc}`data page <../book/data>` gives each table's section and printed
# title, to find it in the report's PDF. Pay per person is in NOK (kroner), as the report prints it; sums of
# pay are in NOK million, the book's with one decimal.
#
# ## The year in brief

# %% tags=["remove-input"]
import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

from aarsevaluering import checks, findings, style
from aarsevaluering.checks import from_disk as get
from aarsevaluering.fmt import fmt
from aarsevaluering.identities import personnel as pers
from aarsevaluering.identities.investeringsregnskap import moved_checks
from aarsevaluering.prose import Figures
from aarsevaluering.tables import check_figures, styled

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


# %% tags=["hide-input"]
txt = Figures()  # every figure the prose prints, shown there as {eval}`txt.<name>`
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
g("temp_fte", pers.prose_value(get, "temporary_fte_end_2023"))
g("temp_head", pers.prose_value(get, "temporary_employees_dec_2023"))
g("ft_2023", row(full_time, label="2023")["full_time_share_pct"], 2, "%")  # two decimals, as printed
g("sick_2023", sick_total["sick_leave_2023_pct"], 1, "%")
g("sick_base", base_total["baseline_2021_pct"], 1, "%")
g("turn_2023", turn_total["turnover_2023_pct"], 1, "%")
g("hires_2023", flow["hires"])
g("ot_2023", ot_total["overtime_hours_2023"], 0, "hours")
g("ot_change", pers.pct_change(ot_total["overtime_hours_2022"], ot_total["overtime_hours_2023"]), 0, "%")
g("br_2023", br_total["breaches_2023"])
g("br_change", pers.pct_change(br_total["breaches_2022"], br_total["breaches_2023"]), 0, "%")
g("pt_women_rate", rates.loc["Totalt", "women_rate_pct"], 0, "%")
g("pt_men_rate", rates.loc["Totalt", "men_rate_pct"], 0, "%")
g("pay_headline", decomposition["headline"], 1, "%")
g("pay_within", decomposition["within_groups"], 1, "%")
g("pay_groups_ratio", decomposition["weighted_groups"], 1, "%")
g("pay_mix", decomposition["mix_groups"], 1, "%")
g("pay_within_w", decomposition["within_groups_w"], 1, "%")
g("pay_mix_w", decomposition["mix_groups_w"], 1, "%")
g("pay_groups", len(pers.pay_gap(get)))
g("pay_exact_groups", (checks.run("personnel", only=["pay_weighted"])
                       .pipe(lambda f: f[f["check_id"].str.startswith(pers.PAY + ".")])
                       .pipe(lambda f: ((f["printed"] - f["recomputed"]).abs() < 0.5).sum())))  # fmt: skip
vs_sector = pers.sick_leave_vs_sector(get).set_index("gender")
sick_parts = pers.sick_gap_decomposition(get).set_index("quarter").loc["Mean"]
g("sick_gap_all", vs_sector.loc["All", "gap_pp"], 1, "percentage points")
g("sick_gap_mix", sick_parts["mix_pp"], 1, "percentage points")
g("sick_gap_mix_bare", sick_parts["mix_pp"], 1)  # after a figure in percentage points: the unit once
# A range in the book's range form, the unit once ("0.0–0.5 percentage points").
gt("sick_mix_range", f"{fmt(sick_parts['mix_low'], 1)}–{fmt(sick_parts['mix_high'], 1, 'percentage points')}")
caps = pers.overtime_against_caps(get)
g("ot_per_fte_all", caps["per_fte"], 0, "hours")
family = pers.breach_change_by_family(get).set_index("family")
g("br_level_rest_sunday", family.loc[["Rest", "Sunday work"], "share_of_level_pct"].sum(), 0, "%")
g("br_change_ot_total", family.loc[["Overtime limits", "Total working time"], "share_of_change_pct"].sum(), 0, "%")
readings = pers.turnover_readings(get).set_index("reading")
turn_years = turn_total[["turnover_2020_pct", "turnover_2021_pct", "turnover_2022_pct", "turnover_2023_pct"]]
gt("turn_rank", ("the highest" if turn_years.astype(float).idxmax() == "turnover_2023_pct" else "not the highest")
   + " of the four years printed (across the break in the series, below)")  # fmt: skip
gt("sick_mix_words", "its larger share of women" if sick_parts["mix_pp"] > 0 else "its gender mix")
national = readings.iloc[0]
weighted_turn = all_checks.set_index("check_id")["recomputed"]
for year in ("2022", "2023"):
    g(f"turn_weighted_{year}", weighted_turn[f"{pers.TURNOVER}.turnover_{year}_pct.totalsum.weighted"], 2, "%")
g("national_leavers", national["leavers"])  # whole persons, as the chart and the table print them
g("national_unaccounted", national["unaccounted"])
ks_span = pers.turnover_reading_range(get)  # the rate printed to a tenth: its range, in whole persons
for key in ("leavers", "entrants_needed", "unaccounted"):
    gt(f"ks_{key}_range", f"{fmt(ks_span[key][0], 0)} to {fmt(ks_span[key][1], 0)}")
g("start_rows", weighted_turn[f"{pers.STAFF}.sum.headcount_2022"])
women_share_counted = 100 * permanent_total["women_count"] / permanent_total["total_count"]
g("women_share_perm", women_share_counted, 1, "%")
gt("women_share_note", "the book's share from the counts" + (
    f"; the table's total row prints {fmt(permanent_total['women_pct'], 1, '%')}"
    if fmt(women_share_counted, 1) != fmt(permanent_total["women_pct"], 1) else ", as the table prints"))  # fmt: skip
g("n_checks", counts["checks"])
g("n_exact", counts["exact"])
g("n_rounding", counts["rounding"])
g("n_estimate", counts["estimate"])
g("n_discrepancy", counts["discrepancy"])
g("n_findings", counts["findings"])
g("n_error", counts["error"])
gt(
    "error_kinds",
    pers.gender_age_error_words(*pers.errors_on_gender_age_shares(all_checks, findings.load("personnel"))),
)
VERDICT_WORDS = {
    "inconsistency": ("contradiction that nothing printed settles", "contradictions that nothing printed settles"),
    "scope": ("difference of scope", "differences of scope"),
    "unstated": (
        "comparison resting on the book's own pairing or reading",
        "comparisons resting on the book's own pairing or reading",
    ),
}
gt("other_verdicts", ", ".join(
    f"{fmt(counts[v])} {words[counts[v] != 1]} (verdict «{v}»)" for v, words in VERDICT_WORDS.items() if counts[v]
))  # fmt: skip
gt("sick_vs_target", "above" if sick_total["sick_leave_2023_pct"] > sick_total["target_2023_pct"] else "not above")
# The brief's headline: which way each of the year's measures moved (2023 against 2022).
MOVES = {"turnover": turn_total[["turnover_2022_pct", "turnover_2023_pct"]],
         "overtime": ot_total[["overtime_hours_2022", "overtime_hours_2023"]],
         "breaches of the working-time rules": br_total[["breaches_2022", "breaches_2023"]]}  # fmt: skip
rose_words = [name for name, (old, new) in MOVES.items() if float(new) > float(old)]
other_words = [name for name in MOVES if name not in rose_words]
sick_fell = sick_total["sick_leave_2023_pct"] < sick_total["sick_leave_2022_pct"]
gt("headline", f"In 2023 the permanent staff {'grew' if flow['net_change'] > 0 else 'did not grow'}"
   + (f"; {pers.word_list(rose_words)} rose" if rose_words else "")
   + (f"; {pers.word_list(other_words)} did not" if other_words else "")
   + f"; sick leave {'fell' if sick_fell else 'did not fall'}"
   + (", but stayed above its target." if sick_total["sick_leave_2023_pct"] > sick_total["target_2023_pct"]
      else "."))  # fmt: skip
rest_sunday = family.loc[["Rest", "Sunday work"], "share_of_level_pct"].sum()
ot_total_types = family.loc[["Overtime limits", "Total working time"], "share_of_change_pct"].sum()
gt("br_brief", f"{'Most' if rest_sunday > 50 else 'Fewer than half of the'} breaches concern rest and Sundays; "
   f"{'most' if ot_total_types > 50 else 'less than half'} of the rise is in the overtime and total-hours types "
   "(the book's grouping).")  # fmt: skip
mix_larger = all(decomposition[m] < decomposition[w] for m, w in (("mix_groups", "within_groups"),
                                                                  ("mix_groups_w", "within_groups_w")))  # fmt: skip
gt("pay_split_words", "Priced at men's or at women's group pay, the spread over the groups accounts for more of "
   "the gap than the differences within them" if mix_larger
   else "Priced at men's and at women's group pay, the two splits disagree on which part is the larger")  # fmt: skip
gt("pay_brief", "more because women and men spread differently over the groups than from gaps within them"
   if mix_larger else "with the split between the groups' spread and the gaps within them unsettled")  # fmt: skip
# The year's key figures as printed (the pay ratio derived from the printed averages), one unit a row.
hire_total = row(hires, label="Totalt")
ft = full_time.set_index("label")
nan = float("nan")
brief = pd.DataFrame(  # the English measure, the report's term to search for, the unit, the figures
    [("Permanent staff", "fast ansatte", "persons", total["headcount_2022"], total["headcount_2023"], 0),
     ("Permanent FTEs", "faste årsverk", "FTEs", total["fte_2022"], total["fte_2023"], 0),
     ("Full-time positions", "Andel heltidstillinger", "%", ft.loc["2022", "full_time_share_pct"],
      ft.loc["2023", "full_time_share_pct"], 2),
     ("Permanent hires", "nyansettelser på fast arbeidsvilkår", "persons", hire_total["hires_2022"],
      hire_total["hires_2023"], 0),
     ("Turnover", "turnover", "%", turn_total["turnover_2022_pct"], turn_total["turnover_2023_pct"], 1),
     ("Sick leave", "sykefravær", "%", sick_total["sick_leave_2022_pct"], sick_total["sick_leave_2023_pct"], 1),
     ("Sick-leave target", "Måltall", "%", nan, sick_total["target_2023_pct"], 1),
     ("Overtime", "overtidstimer", "hours", ot_total["overtime_hours_2022"], ot_total["overtime_hours_2023"], 0),
     ("Breaches of the working-time rules", "brudd på arbeidsmiljøloven", "breaches", br_total["breaches_2022"],
      br_total["breaches_2023"], 0),
     ("Women's average pay", "Lønnsforskjell totalt i virksomheten", "% of men's", nan, decomposition["headline"], 1)],
    columns=["measure", "printed", "unit", "y2022", "y2023", "decimals"],
)  # fmt: skip
# Each row in its own unit and precision (persons, %, hours): the figures set flush right, each at its printed
# decimals, no padding (designer s12b: units digits aligned across rows of different units left three right edges).
for year in ("y2022", "y2023"):
    brief[year] = [fmt(v, d) for v, d in zip(brief[year], brief["decimals"], strict=True)]

# %% [markdown]
# **{eval}`txt.headline`** The book's checks end in {eval}`txt.n_findings` findings, {eval}`txt.n_error` of
# them errors{eval}`txt.error_kinds` (*All checks of the chapter*).

# %% tags=["hide-input"]
styled(
    brief,
    table_id="personnel-brief",
    columns={"measure": "Measure", "printed": "In the report", "unit": "Unit", "y2022": "2022", "y2023": "2023"},
    caption="The year in brief: key figures as printed, 2022 and 2023 (the pay ratio derived; 2023 counted "
    "under new routines, a break in the series; the full-time share to two decimals, as the report prints it)",
)  # fmt: skip

# %% [markdown]
# - **Turnover**, {eval}`txt.turn_2023`, is {eval}`txt.turn_rank`. Read the way KS defines it (the book's
#   reading), it needs about {eval}`txt.national_unaccounted` more entrants than the report's permanent
#   hires ({eval}`txt.ks_unaccounted_range`, as the rate is printed to a tenth; *Turnover read KS's way*).
# - **Sick leave** is {eval}`txt.sick_vs_target` its target. Drammen is on average
#   {eval}`txt.sick_gap_all` above the municipal sector, about {eval}`txt.sick_gap_mix_bare` of them from
#   {eval}`txt.sick_mix_words` (the book's estimate; with the rates printed to a tenth, anywhere in
#   {eval}`txt.sick_mix_range`).
# - **Overtime** rose {eval}`txt.ot_change` and **breaches** of the working-time rules {eval}`txt.br_change`.
#   {eval}`txt.br_brief`
# - **Pay.** On the organisation-wide averages (table H15), women earn {eval}`txt.pay_headline` of men's pay
#   (the book's ratio of H15's printed averages, the last row of the table above). On the job-group tables, which the
#   report does not tie to H15, pooled by head count, it is {eval}`txt.pay_groups_ratio`,
#   {eval}`txt.pay_brief` (the book's rough estimate, *Pay*).
#
# ```{admonition} A break in the series
# :class: note
# New routines for registering personnel data make the 2023 statistics not directly comparable with
# earlier years, the report warns. Every change across years here, the report's or the book's (the rise
# in hires and in breaches, the areas where a rate rose), spans that break; where the populations plainly
# differ, the section says so.
# ```
#
# ## How many people, and in how large positions
#
# The report counts *{term}`fast ansatte <Fast ansatt>`* (permanent employees) and their FTEs,
# computed from the position percentage in each contract, in December of each year.

# %% tags=["hide-input", "hide-output"]
items = staff[staff["row_kind"] == "item"]
g("head_2022", total["headcount_2022"])
g("fte_2022", total["fte_2022"])
g("head_change", total["headcount_change_pct"], 1, "%")
p06 = items[items["label"].map(pers.area_code) == "P06"].iloc[0]
g("p06_share", 100 * p06["fte_2023"] / total["fte_2023"], 0, "%")
p01 = items[items["label"].map(pers.area_code) == "P01"].iloc[0]
g("p01_share", 100 * p01["fte_2023"] / total["fte_2023"], 0, "%")
gt("fell", ", ".join(items.loc[items["fte_change_pct"] < 0, "label"].map(pers.area_code)))
ft_steps = ft["full_time_share_pct"].astype(float).diff().dropna()
gt("ft_path", "has risen every year since 2020" if (ft_steps > 0).all()
   else f"rose in {(ft_steps > 0).sum()} of the {len(ft_steps)} years after 2020")  # fmt: skip
g("ft_2020", ft.loc["2020", "full_time_share_pct"], 2, "%")
g("size_2023", ft.loc["2023", "avg_position_size_pct"], 2, "%")
size_22, size_23 = (float(ft.loc[y, "avg_position_size_pct"]) for y in ("2022", "2023"))
gt(
    "size_claim",
    "the same figure as for 2022"
    if size_22 == size_23
    else f"{'up' if size_23 > size_22 else 'down'} from {fmt(size_22, 1, '%')}",
)
part_total = row(ages, staff_group="permanent_part_time", label="Totalt")
g("part_time_head", part_total["total_count"])
g("pt_avg_position", pers.part_time_average_position(get), 0, "%")
g("ft_from_part", 100 * (total["headcount_2023"] - part_total["total_count"]) / total["headcount_2023"], 2, "%")
styled(
    staff.assign(label=staff["label"].map(pers.area_gloss)),  # the printed label, English beside it
    table_id="personnel-staff",
    columns={"label": "Programme area", "headcount_2022": "Staff 2022", "fte_2022": "FTE 2022",
             "headcount_2023": "Staff 2023", "fte_2023": "FTE 2023", "headcount_change_pct": "Staff %",
             "fte_change_pct": "FTE %"},
    caption="Permanent staff and FTEs by programme area, December 2022 and 2023 (table H01, Ansatte med fast "
    "stillingsforhold), with the change in per cent",
)  # fmt: skip

# %% [markdown]
# Permanent staff grew from {eval}`txt.head_2022` to {eval}`txt.head_2023`
# ({eval}`txt.head_change`) and from {eval}`txt.fte_2022` to
# {eval}`txt.fte_2023` FTEs. Schools (P01) and home care (P06) hold
# {eval}`txt.p01_share` and {eval}`txt.p06_share` of the FTEs; FTEs fell in
# {eval}`txt.fell`. The report's reading that the largest relative growth was in P03, P05
# and P12 holds for FTEs (see *What the text claims*). The report also counts {eval}`txt.temp_fte`
# temporary FTEs and, in December, {eval}`txt.temp_head` temporary employees
# (*{term}`midlertidig ansatte <Midlertidig ansatt>`*), without saying whether the two counts cover the
# same people or whether its full-time share counts them.
#
# The share in {term}`full-time <Heltid>` positions {eval}`txt.ft_path`, from {eval}`txt.ft_2020` to {eval}`txt.ft_2023` (across the
# break in the series). The report's section «Heltid» credits long weekend shifts, which reduce the need for small
# weekend positions; it also reports a new pool of substitutes in P06, most in full positions, without
# crediting it. It says the
# average position rose too; the table prints {eval}`txt.size_2023`, {eval}`txt.size_claim`
# (see the finding below).
#
# Of the permanent staff, {eval}`txt.part_time_head` work part time (the part-time table counts someone
# whose several positions add up to a full one as full time), which gives back the printed full-time
# share as {eval}`txt.ft_from_part` (an estimate: the report does not say the two measures share a
# footing). If each full-timer holds one FTE, the part-timers' positions average about
# {eval}`txt.pt_avg_position` (an estimate).

# %% tags=["hide-input", "hide-output"]
# The report prints both shares with two decimals: shown so, as the finding below and the claims table
# quote them (the finding turns on the printed figures).
styled(
    full_time,
    table_id="personnel-full-time",
    columns={"label": "Year", "full_time_share_pct": "Full-time positions (%)",
             "avg_position_size_pct": "Average position (%)"},
    decimals={"full_time_share_pct": 2, "avg_position_size_pct": 2},
    caption="Share of full-time positions and average position size, 2020–2023 (table H02: Andel heltidstillinger, "
    "Gjennomsnittlig stillingstørrelse)",
)  # fmt: skip

# %% tags=["hide-input"]
staff_section = pd.concat(
    [
        checks.run("personnel", only=["staff_totals", "staff_changes", "staff_across_tables", "position_size"]),
        all_checks[all_checks["check_id"].str.startswith((f"{pers.STAFF}.claim", f"{pers.FULL_TIME}.claim"))],
    ],
    ignore_index=True,
)
gs("staff_summary", staff_section)
g("pt_text", pers.prose_value(get, "part_time_employees_dec_2023"))
findings.show(staff_section, all_checks)

# %% [markdown]
# *Checks.* {eval}`txt.staff_summary` The percentage changes follow from the counts; for FTEs,
# printed as whole numbers, a change is judged against the range their rounding leaves open. The
# text's figures (staff, FTEs, the FTE increase) restate the table. Its {eval}`txt.pt_text` part-timers
# (line 4297) are the part-time table's total, though the text calls them all employees where the table
# counts permanent staff only.

# %% tags=["hide-input", "hide-output"]
pers.check_table(staff_section, table_id="personnel-staff-checks", caption="Every check of staff and positions")

# %% [markdown]
# ## Who leaves and who is hired
#
# The report prints turnover by area for four years, and the number of people hired on permanent terms
# per month. It does not define its turnover: neither what counts as leaving (the municipality, or an
# area) nor whom the rate is taken over (permanent staff, or temporary staff too).

# %% mystnb={"figure": {"caption": "Turnover by programme area, 2020\u20132023, in per cent; 2023 is counted under new routines (a break in the series).", "name": "fig-personnel-turnover"}, "image": {"alt": "Heat map with programme areas as rows and the years 2020 to 2023 as columns, each cell labelled with its rate, in shades from white to mid-grey; the all-areas row at the bottom rises every year, and the 2023 cell of every area whose rate rose from 2022, and of the all-areas row, is marked with an upward triangle. The row for P10 Democracy, an area of a handful of staff printed with a rate of zero in every year, is left without colour or mark, the book's reading, and labelled."}} tags=["hide-input"]
heat = turn.set_index(turn["label"].map(pers.area_chart_label))[
    ["turnover_2020_pct", "turnover_2021_pct", "turnover_2022_pct", "turnover_2023_pct"]
].astype(float)
too_small = turn["label"].map(pers.area_code).eq("P10").to_numpy()  # a handful of staff: no rate
values = np.ma.masked_array(heat.to_numpy(), mask=np.repeat(too_small[:, None], 4, axis=1))
fig, ax = plt.subplots(figsize=(7, 5.6))
# A grey ramp from white to the book's level grey: a rate is a level, neither favourable nor unfavourable
# in itself. Its darkest cell stays light enough for black digits on every cell (contrast over 6:1; white
# or black digits on a mid-grey ramp stood near 4.5:1). The key is under the plot.
greys = mpl.colors.LinearSegmentedColormap.from_list("book_levels", ["white", style.LEVEL])
DARK_CELL = 1.01  # no cell dark enough for white digits
rates_shown = heat.to_numpy()[~too_small]
norm = mpl.colors.Normalize(vmin=np.floor(rates_shown.min()) - 2, vmax=np.ceil(rates_shown.max()))
ax.imshow(values, cmap=greys, norm=norm, aspect="auto")
ax.set_xticks(range(4), ["2020", "2021", "2022", "2023\n(new routines)"])
ax.set_yticks(range(len(heat)), heat.index)
ax.grid(False)
# The title's claim drawn: a 2023 cell whose rate rose from 2022 carries a "▲" after its figure.
codes = turn["label"].map(pers.area_code).to_numpy()
rose_in = set(pers.turnover_changes(get).drop("P10").pipe(lambda c: c[c > 0]).index)
# The all-areas row, last, follows the same rule as the areas (fact-check s11r2: the legend applies to it too).
total_rose = float(turn_total["turnover_2023_pct"]) > float(turn_total["turnover_2022_pct"])
marked = [codes[i] in rose_in or (i == len(heat) - 1 and total_rose) for i in range(len(heat))]
for (i, j), v in np.ndenumerate(heat.to_numpy()):
    if not too_small[i]:
        ax.text(
            j,
            i,
            fmt(v, 1) + (" \u25b2" if j == 3 and marked[i] else ""),
            ha="center",
            va="center",
            fontsize=style.MIN_TEXT_PT,
            color="white" if norm(v) > DARK_CELL else "black",
        )
staff = get(pers.STAFF)
p10_staff = staff.loc[staff["label"].map(pers.area_code).eq("P10"), "headcount_2023"].iloc[0]
# The note starts inside the row's first cell (clear of the row label) and runs on to the right, past the plot,
# into the room the key's title spans below: left out of the layout, so the plot is not narrowed for it.
p10_note = ax.text(-0.45, int(np.flatnonzero(too_small)[0]), f"{fmt(0.0, 1)} printed each year; {fmt(p10_staff)} staff: left unmarked (the book's reading)",
        ha="left", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT, style="italic", bbox=style.LABEL_BOX,
        zorder=4)  # fmt: skip
p10_note.set_in_layout(False)
ax.axhline(len(heat) - 1.5, color="white", lw=3)
# The break in the series: 2023 counted under new routines, set apart by a dark rule and named at its head.
ax.axvline(2.5, color=style.TEXT, lw=2)
ax.text(2.5, -0.6, "break in the series", ha="center", va="bottom", fontsize=style.MIN_TEXT_PT, color=style.TEXT)
# The shades' key under the years: three sample cells.
swatches = [mpl.patches.Patch(facecolor=greys(norm(v)), edgecolor=style.NEUTRAL, lw=0.5) for v in (5, 10, 15)]
ax.legend(swatches, ["5 %", "10 %", "15 %"],
          title="Shade of a cell: the turnover rate, darker is higher;\n\u25b2 2023 above 2022 (an area, or all areas)",
          loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=3, frameon=False, handlelength=2.2,
          fontsize=style.MIN_TEXT_PT, title_fontsize=style.MIN_TEXT_PT)  # fmt: skip
rose = (pers.turnover_changes(get).drop("P10") > 0).to_numpy()
assert rose.sum() == len(rose_in)  # the title counts the cells marked
assert total_rose  # the title says the all-areas rate rose
# Broken by hand (style.finish wraps at any space, and once split "12.4" from its "%").
ax.set_title(f"Turnover rose (\u25b2) in {fmt(rose.sum())} of the {fmt(len(rose))} rows other than P10,\n"
             f"and to {fmt(turn_total['turnover_2023_pct'], 1, '%')} for all areas, across a break in the series", pad=20)  # fmt: skip
style.finish(fig, table="table H06")
plt.show()
g("turn_2022", turn_total["turnover_2022_pct"], 1, "%")
g("sector_turn", pers.prose_value(get, "municipal_sector_turnover_2022"), 1, "%")
g("sector_turn_excl", pers.prose_value(get, "municipal_sector_turnover_2022_excl_hourly_paid"), 0, "%")
sector_excl = pers.prose_value(get, "municipal_sector_turnover_2022_excl_hourly_paid")
gt("sector_turn_range", f"{fmt(sector_excl - 0.5, 1, '%')} to just under {fmt(sector_excl + 0.5, 1, '%')}")
narrow = pers.prose_value(get, "municipal_sector_turnover_2022_excl_hourly_paid")
wide = pers.prose_value(get, "municipal_sector_turnover_2022")
gt("turn_2022_narrow", pers.compare_word(float(turn_total["turnover_2022_pct"]), narrow))
gt("turn_2023_narrow", pers.compare_word(float(turn_total["turnover_2023_pct"]), narrow))
gt("turn_2023_wide", pers.compare_word(float(turn_total["turnover_2023_pct"]), wide))
g("net_change", flow["net_change"], 0)
g("start_head", national["base"])
g("national_needed", national["entrants_needed"])
allowed = readings.iloc[-1]
g("implied_leavers", allowed["leavers"])
g("implied_rate", allowed["rate_pct"], 1, "%")
hire_total = row(hires, label="Totalt")
g("hires_2022", hire_total["hires_2022"])
gt("hires_change", fmt(pers.pct_change(hire_total["hires_2022"], hire_total["hires_2023"]), 0, "%", sign=True))
gt("turn_dir", "rose" if turn_total["turnover_2023_pct"] > turn_total["turnover_2022_pct"] else "did not rise")
profile = pers.hires_profile(get)
peak = profile.sort_values("mean_share", ascending=False).iloc[0]
gt("peak_month", peak["month"])
g("peak_share", peak["mean_share"], 0, "%")

# %% [markdown]
# The report has data on the reasons for leaving, but not enough to act on (section «Turnover»), and prints
# no breakdown by cause, age or job group. It offered permanent posts to several staff hired temporarily
# under § 14-9 (2) of the Act, without a number (section «Midlertidig ansatte»).
#
# ### Turnover read KS's way
#
# **In short** (the book's reading): the printed {eval}`txt.turn_2023` cannot be KS's measure over the
# permanent staff alone unless about {eval}`txt.national_unaccounted` people entered permanent posts other
# than by hire, a number the report does not print. The derivation follows, step by step.
#
# KS, the source of the report's sector figure (section «Turnover»), counts as leavers those employed in
# the municipal sector one year who hold no position in it the next (a definition from outside the
# report). A move to another municipality thus leaves Drammen but not the sector. For one municipality,
# the nearest form counts the staff at the start of a year who are gone a year later; a move between
# areas is then no leaver (the book's reading).
#
# Read that way (all derived; the ranges in brackets are what a rate printed to a tenth leaves open):
#
# 1. *Leavers.* Over the {eval}`txt.start_head` permanent staff of December 2022, the printed
#    {eval}`txt.turn_2023` means about {eval}`txt.national_leavers` leavers ({eval}`txt.ks_leavers_range`).
# 2. *Entrants.* To end the year {eval}`txt.net_change` up, the staff then needed about
#    {eval}`txt.national_needed` entrants ({eval}`txt.ks_entrants_needed_range`).
# 3. *The gap.* That is about {eval}`txt.national_unaccounted` ({eval}`txt.ks_unaccounted_range`) more than
#    the {eval}`txt.hires_2023` permanent hires. Read from the other end, the hires less the net change leave
#    {eval}`txt.implied_leavers` leavers, a turnover of {eval}`txt.implied_rate` (the chart below).
#
# So the rate is not KS's measure over the permanent staff alone, unless that many people entered
# permanent posts other than by hire (temporary staff given permanent contracts; the report gives no
# number). More likely it takes in temporary staff too, as the KS figure does, the report says, or it
# counts a move between areas as leaving. The base is loose too: counted under the old routines, and the
# areas' rows add up to {eval}`txt.start_rows`, not to it (the finding under *How many people*).
#
# The tables cannot tell which: weighted by their staff, the areas' rates give the total back almost
# exactly ({eval}`txt.turn_weighted_2023` against {eval}`txt.turn_2023`; {eval}`txt.turn_weighted_2022`
# against {eval}`txt.turn_2022` in 2022; estimates), as they would if areas and total counted leavers
# alike, moves or not.

# %% tags=["hide-input", "hide-output"]
SHORT_READING = {"KS's form: of the staff at the start": "Staff at start (KS)", "Of the average staff": "Average staff",
                 "What the hires allow: hires − net change": "Hires − net change"}  # fmt: skip
SHORT_READING = {long: short.replace(" ", "\u00a0") for long, short in SHORT_READING.items()}  # each on one line
styled(
    pers.turnover_readings(get).replace({"reading": SHORT_READING}),
    table_id="personnel-turnover-readings",
    columns={"reading": "Reading of the rate", "base": "Base (persons)", "rate_pct": "Rate (%)",
             "leavers": "Leavers", "entrants_needed": "Entrants needed", "unaccounted": "Other entrants needed"},
    decimals={"base": 0, "rate_pct": 1, "leavers": 0, "entrants_needed": 0, "unaccounted": 0},
    caption="Permanent staff's flows in 2023 on three readings of the printed rate (derived from the staff, "
    "turnover and hires tables)",
)  # fmt: skip

# %% mystnb={"figure": {"caption": "Permanent staff in 2023, from the printed hires to the leavers the printed rate gives read KS's way, in persons; the levels in the house grey of a level, the steps between them (floating, with a signed label) in a lighter grey; hatched: the book's estimates.", "name": "fig-personnel-flows"}, "image": {"alt": "Waterfall in persons. A key above names dark grey bars as levels, light grey bars as steps and hatching as the book's estimate; the axis says a step's + adds to the running count. The printed permanent hires, a solid grey bar, less the net change in permanent staff, a light grey step, leave the leavers the hires allow, a short hatched bar. A long light grey hatched step of entrants other than the hires, which the reading needs but the report does not print, leads to the leavers at the printed rate read KS's way, a hatched bar about three times as long."}} tags=["hide-input"]
# Leavers = entrants − net change: the hires less the net change are the leavers if the hires were the only
# entrants; read KS's way, the rate needs the other entrants of the step between. Staff flows are neither
# favourable nor unfavourable to the finances, so no blue or vermilion: levels in the house grey, the steps in
# the lighter grey of the palette (designer s12b: steps in the levels' grey were told apart only by their labels),
# each step signed, the axis saying what + means; the book's estimates hatched; a key above says so.
fig, ax = plt.subplots(figsize=(7, 3.5))
style.waterfall(
    ax,
    [("Hires (printed)", flow["hires"], "total"),
     ("Less net change in staff", -flow["net_change"]),
     ("Leavers the hires allow", allowed["leavers"], "total estimate"),
     ("Other entrants needed", national["unaccounted"], "estimate"),
     (f"Leavers at {fmt(turn_total['turnover_2023_pct'], 1, '%')}, KS's way", national["leavers"],
      "total estimate")],
    formatter=lambda v: fmt(v, 0),
    neutral=True,
)  # fmt: skip
for step in (1, 3):  # the steps (net change, other entrants) lighter than the levels; a hatched one keeps its hatch
    ax.patches[step].set_facecolor(style.EARLIER)
ax.set_xlabel("Persons, 2023 (a step: + adds to the running count, − takes from it)")
# One point, the range left to the text (designer s12b: the title repeated the derivation).
ax.set_title(f"Read KS's way, about {fmt(national['leavers'])} left, about {fmt(national['unaccounted'])} "
             "more than the hires allow")  # fmt: skip
# The key after the title: setting a title resets the room the key makes above the plot.
style.key_above(ax, [("level", {"color": style.LEVEL}), ("step (floating, signed)", {"color": style.EARLIER}),
                     ("the book's estimate", style.estimate_style(style.LEVEL))], ncol=3)  # fmt: skip
style.finish(fig, table="tables H01, H06 and H07")
plt.show()

# %% [markdown]
# The text compares turnover with the municipal sector's in 2022 ({eval}`txt.sector_turn` with temporary
# staff, {eval}`txt.sector_turn_excl` without hourly paid staff) and concludes that Drammen's is higher.
# Drammen's 2023 rate, {eval}`txt.turn_2023`, is {eval}`txt.turn_2023_narrow` the narrower and
# {eval}`txt.turn_2023_wide` the wider, but that sets one year against another. In 2022, the one year
# both are printed for, Drammen's {eval}`txt.turn_2022` is {eval}`txt.turn_2022_narrow` the narrower,
# which, printed as a whole number, may be anything from {eval}`txt.sector_turn_range`: the printed
# figures cannot settle the claim (a finding of scope, below).
#
# Hiring has a strong rhythm: {eval}`txt.peak_month` alone brings on average {eval}`txt.peak_share` of a
# year's permanent hires (the report gives no reason; the book guesses the start of the school and
# kindergarten year, but hires are not printed by area). In 2023 the municipality hired
# {eval}`txt.hires_2023` people on permanent terms, against {eval}`txt.hires_2022` in 2022
# ({eval}`txt.hires_change`), in a year when turnover {eval}`txt.turn_dir` too.

# %% mystnb={"figure": {"caption": "New permanent hires by month, 2020\u20132023, in persons: 2023 as a line, 2020\u20132022 as the range they span; 2023 is counted under new routines (a break in the series).", "name": "fig-personnel-hires"}, "image": {"alt": "Line chart of permanent hires per month: 2023 as a dark line over a light grey band spanning 2020 to 2022. Every year peaks sharply in August, 2023 highest, above the band; July is the low point of the band and of 2023."}} tags=["hide-input"]
fig, ax = plt.subplots(figsize=(7, 3.6))
months = list(range(1, 13))
earlier = profile[["hires_2020", "hires_2021", "hires_2022"]]
# The three earlier years as one band (their lowest to highest month by month), 2023 as the one line.
ax.fill_between(months, earlier.min(axis=1), earlier.max(axis=1), color=style.EARLIER, lw=0,
                label="2020–2022 (lowest to highest)")  # fmt: skip
ax.plot(months, profile["hires_2023"], marker="o", ms=3, color=style.TEXT, lw=2.2, label="2023 (new routines)")
ax.set_xticks(months, [m[:3] for m in profile["month"]])
ax.set_ylabel("New permanent hires (persons)")
ax.set_title("Permanent hires peak in August every year", pad=22)  # room for the legend above
style.legend_above(ax, ncol=2)
style.finish(fig, table="table H07")
plt.show()

# %% tags=["hide-input"]
within_rows = checks.run("personnel", only=["rate_totals_within_their_rows"])  # sick leave and turnover


def within_words(prefix, every, what):
    """Whether each printed total of a rate lies between its rows' rates, in words."""
    rows = within_rows[within_rows["check_id"].str.startswith(prefix)]
    held = int(rows["status"].isin(["exact", "rounding"]).sum())
    return f"every {every} lies" if held == len(rows) else f"{fmt(held)} of {fmt(len(rows))} {what} lie"


gt("turn_within", within_words(pers.TURNOVER, "year's total", "years' totals"))
gt("sick_within", within_words(pers.SICK_Q, "quarter's total, Drammen's and the sector's,", "quarterly totals"))
flow_section = pd.concat(
    [
        checks.run("personnel", only=["turnover", "staff_flows", "hires_totals"]),
        within_rows[within_rows["check_id"].str.startswith(pers.TURNOVER)],
        all_checks[all_checks["check_id"].str.startswith(f"{pers.TURNOVER}.claim")],
    ],
    ignore_index=True,
)
gs("flow_summary", flow_section)
findings.show(flow_section, all_checks)

# %% [markdown]
# *Checks.* {eval}`txt.flow_summary` The months add up to each year's total, the text restates the
# table's turnover, and {eval}`txt.turn_within` between the areas' rates, as an average of them must.

# %% tags=["hide-input", "hide-output"]
pers.check_table(flow_section, table_id="personnel-flow-checks", caption="Every check of turnover and hiring")

# %% [markdown]
# ## Sick leave
#
# The report prints sick leave by area for 2022 and 2023 with a target for 2023, and by quarter of 2023
# for Drammen and the municipal sector.

# %% tags=["hide-input", "hide-output"]
g("ia_reduction", pers.prose_value(get, "sick_leave_target_reduction_from_2021"), 0, "%")
g("ia_factor", 1 - pers.prose_value(get, "sick_leave_target_reduction_from_2021") / 100, 2)
area_base = baseline[baseline["row_kind"] == "item"]
g("sick_2022", sick_total["sick_leave_2022_pct"], 1, "%")
g("sick_fall", sick_total["sick_leave_2022_pct"] - sick_total["sick_leave_2023_pct"], 1, "percentage points")
g("sick_from_base", base_total["from_baseline_pp"], 1, "percentage points")
g("sick_from_base_pct", base_total["from_baseline_pct"], 0, "%")
g("sick_areas", len(area_base))
g("sick_above_base", (area_base["from_baseline_pp"] > 0).sum())
gt("sick_below_base", " and ".join(area_base.loc[area_base["from_baseline_pp"] < 0, "code"]))
g("sick_rose", len(pers.sick_leave_rose(get)))
worst = area_base.sort_values(["from_baseline_pp", "code"], ascending=[False, True]).iloc[0]
gt("sick_worst", pers.area_name(worst["label"]))
g("sick_worst_pp", worst["from_baseline_pp"], 1, "percentage points")
fte_eq = pers.fte_equivalents(get)
g("fte_base", fte_eq["fte"])
g("sick_fte", fte_eq["sick_fte"], 0, "FTEs")
g("above_target_fte", fte_eq["above_target_fte"], 0, "FTEs")
styled(
    sick.assign(label=sick["label"].map(pers.area_gloss)),  # the printed label, English beside it
    table_id="personnel-sick",
    columns={"label": "Programme area", "sick_leave_2022_pct": "2022 (%)", "sick_leave_2023_pct": "2023 (%)",
             "target_2023_pct": "Target 2023 (%)"},
    caption="Sick leave by programme area, 2022 and 2023, and the 2023 target (table H03; P10 is left out for "
    "its few employees)",
)  # fmt: skip

# %% [markdown]
# *{term}`Sykefravær`* (sick leave) is usually working time lost to sickness as a share of contracted
# working time; the report states no definition of its own. Each area's *{term}`måltall <Måltall>`*
# (target) follows the *{term}`IA-avtalen`*, the national agreement on an inclusive working life: a
# reduction of {eval}`txt.ia_reduction` from the area's result in 2021 (the note above the report's sick-leave table). The 2021 rates are
# not printed, but each target implies one: the target divided by {eval}`txt.ia_factor` (derived, on the
# reading that the reduction is relative).
#
# Sick leave fell from {eval}`txt.sick_2022` to {eval}`txt.sick_2023`, by {eval}`txt.sick_fall` (the
# report writes "0,2 prosent"; it is percentage points), and rose in {eval}`txt.sick_rose` of
# {eval}`txt.sick_areas` areas. Against the implied 2021 rate of {eval}`txt.sick_base` the municipality
# is {eval}`txt.sick_from_base` higher ({eval}`txt.sick_from_base_pct`, where the agreement aims at a
# tenth lower), and {eval}`txt.sick_above_base` of {eval}`txt.sick_areas` areas are above their own 2021
# level; only {eval}`txt.sick_below_base` are below it. {eval}`txt.sick_worst` has moved furthest the
# wrong way, by {eval}`txt.sick_worst_pp`.
#
# The report names no cause backed by its own figures. Its section «Sykefravær» notes that short-term
# absence has been rising and that sick leave with a diagnosis of mental illness has risen most in the country, which
# it assumes holds for its own staff too. In FTEs (an estimate: the rate applied to the
# {eval}`txt.fte_base` permanent and temporary FTEs at year end), sick leave took about
# {eval}`txt.sick_fte`, of which about {eval}`txt.above_target_fte` are the distance to the target.

# %% mystnb={"figure": {"caption": "Sick leave in 2023 by programme area against the 2023 target and the 2021 rate the target implies (derived), in per cent; each target a short dotted line, the rate in vermilion where it is above it. The report prints the all-areas target with an asterisk it does not explain.", "name": "fig-personnel-sick-target"}, "image": {"alt": "Dot plot with one row per programme area and one for all areas. For every row the 2023 rate, a filled vermilion dot joined to the target by a vermilion line (vermilion: above target), lies to the right of the target, a short dotted black line; it also lies to the right of the implied 2021 rate, an open grey diamond, in every row except P02 Kindergartens and P05 Disabilities."}} tags=["hide-input"]
rows = baseline.iloc[::-1].reset_index(drop=True)
y = np.arange(len(rows))
fig, ax = plt.subplots(figsize=(7, 5.4))
# Above target is a cost (sick pay, cover): vermilion, below it blue; the target a reference level, in the
# house's dotted reference line, one short line per row (designer s12: it was a thick solid tick).
above = rows["sick_leave_2023_pct"] > rows["target_2023_pct"]
gap_colour = np.where(above, style.UNFAVOURABLE, style.FAVOURABLE)
ax.hlines(y, rows["target_2023_pct"], rows["sick_leave_2023_pct"], color=gap_colour, lw=1.2)
ax.vlines(rows["target_2023_pct"], y - 0.35, y + 0.35, label="Target 2023", **style.REFERENCE_LINE)
ax.scatter(rows["baseline_2021_pct"], y, marker="D", s=28, facecolors="white", edgecolors=style.NEUTRAL,
           label="2021 rate the target implies (book's estimate)", zorder=3)  # fmt: skip
ax.scatter(rows["sick_leave_2023_pct"], y, color=gap_colour, s=36, label="2023", zorder=4)
ax.set_yticks(y, rows["label"].map(pers.area_chart_label))
ax.set_xlabel("Sick leave (%)")
n_above, n_areas = int((area_base["gap_pp"] > 0).sum()), len(area_base)
ax.set_title(f"{'All ' + fmt(n_areas) if n_above == n_areas else fmt(n_above) + ' of ' + fmt(n_areas)} areas shown (P10 left out, as printed) are "
             "above their 2023 sick-leave target")  # fmt: skip
# The area the report leaves out (line 3817), said in the figure's note under the axis: the plot has no empty
# corner (inside it, the note covered P13's 2023 dot: reader s11r2).
p10_name = pers.area_chart_label(staff.loc[staff["label"].map(pers.area_code).eq("P10"), "label"].iloc[0])
style.legend_above(ax, ncol=3)
style.finish(
    fig, table="table H03", note=f"Not shown: {p10_name}, left out of the report's table for its few employees"
)
plt.show()

# %% [markdown]
# ### Against the sector, by gender
#
# The report prints the 2023 rate per quarter for women, men and all, in Drammen and in the
# *{term}`kommunesektoren <Kommunesektoren>`*, and says Drammen is throughout somewhat above the sector's
# national average (section «Sykefravær»). It does not say where the sector's figures come from, what they
# count (doctor-certified absence only, or self-certified too; counties as well as municipalities), or
# whether Drammen's are measured the same way. The comparison below takes both as printed; it allows for
# the gender mix, but not for the mix of services, which the report does not print for the sector.

# %% mystnb={"figure": {"caption": "Sick leave per quarter of 2023, one panel per gender, Drammen (solid) and the municipal sector (dashed), in per cent, shaded vermilion where Drammen is above (higher sick leave, coloured as the chart before colours sick leave above target; here the yardstick is the sector's mean, not a target); the axis does not start at zero.", "name": "fig-personnel-sick-quarter"}, "image": {"alt": "Three line charts side by side on one scale, women, men and all, each over four quarters with Drammen solid and the sector dashed: women's sick leave is far above men's in both populations, and all lines dip in the third quarter. Drammen is above the sector for men and for all in every quarter; for women Drammen is above in the first two quarters, below in the third and level in the fourth."}} tags=["hide-input"]
quarters = get(pers.SICK_Q)
# One panel per gender on one scale, Drammen solid and the sector dashed: six lines on one axis crowded at Q4.
fig, axes = plt.subplots(1, 3, figsize=(7, 3.4), sharey=True)
above = {}
for ax, gender in zip(axes, ["Kvinne", "Mann", pers.TOTAL], strict=True):
    lines = quarters[quarters["label"] == gender].set_index("population")[pers.QUARTERS].astype(float)
    for population, look in (("drammen", {"color": style.TEXT, "ls": "-"}),
                             ("municipal_sector", {"color": style.NEUTRAL, "ls": "--"})):  # fmt: skip
        ax.plot([1, 2, 3, 4], lines.loc[population], marker="o", ms=4, lw=1.8, **look)
    higher = (lines.loc["drammen"] > lines.loc["municipal_sector"]).to_numpy()
    above[gender] = int(higher.sum())
    # The title's claim drawn: the quarters in which Drammen is above the sector shaded in the vermilion the
    # chart before gives sick leave above its target (designer s12b: one colour for "above the yardstick").
    for q in np.flatnonzero(higher):
        ax.axvspan(q + 0.5, q + 1.5, color=style.UNFAVOURABLE, alpha=0.15, lw=0, zorder=0)
    ax.set_title(pers.SICK_GENDER_EN[gender], fontsize=style.MIN_TEXT_PT + 1)
    ax.set_xticks([1, 2, 3, 4], ["Q1", "Q2", "Q3", "Q4"])
    ax.set_xlim(0.7, 4.3)
values = quarters[pers.QUARTERS].astype(float).to_numpy()
axes[0].set_ylim(values.min() - 0.6, values.max() + 1.3)
# The shade named on every panel over the shaded quarters (designer s12b: a label across Q1-Q3 over two shaded
# quarters), in a strip the limits leave clear above the highest point.
for ax, gender in zip(axes, ["Kvinne", "Mann", pers.TOTAL], strict=True):
    lines = quarters[quarters["label"] == gender].set_index("population")[pers.QUARTERS].astype(float)
    shaded = np.flatnonzero((lines.loc["drammen"] > lines.loc["municipal_sector"]).to_numpy()) + 1
    if len(shaded):
        ax.text(shaded.mean(), values.max() + 1.25, "Drammen above", ha="center", va="top",
                fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
axes[0].set_ylabel("Sick leave (%)")
# The key written on every panel, at the middle of the Q1–Q2 segment, off the markers: the higher line's name
# above it and the other's below, each on the side the segment slopes away from.
for ax, gender in zip(axes, ["Kvinne", "Mann", pers.TOTAL], strict=True):
    lines = quarters[quarters["label"] == gender].set_index("population")[pers.QUARTERS].astype(float)
    early = lines.iloc[:, :2]
    high, low = ("drammen", "municipal_sector") if early.loc["drammen"].mean() >= early.loc["municipal_sector"].mean() \
        else ("municipal_sector", "drammen")  # fmt: skip
    names = {"drammen": "Drammen", "municipal_sector": "sector"}
    falls = early.loc[high].iloc[1] < early.loc[high].iloc[0]
    ax.annotate(names[high], (1.5, early.loc[high].mean()), xytext=(3 if falls else -3, 5), textcoords="offset points",
                ha="left" if falls else "right", va="bottom", fontsize=style.MIN_TEXT_PT)  # fmt: skip
    # Below the lower line, centred and far enough down to clear its slope and the axis at the left.
    ax.annotate(names[low], (1.5, early.loc[low].mean()), xytext=(0, -16), textcoords="offset points",
                ha="center", va="top", fontsize=style.MIN_TEXT_PT)  # fmt: skip
together = {}  # the genders by how many quarters Drammen is above the sector
for gender, name in (("Mann", "men"), (pers.TOTAL, "all staff"), ("Kvinne", "women")):
    together.setdefault(above[gender], []).append(name)
parts = [f"in {'every quarter' if n == 4 else f'{fmt(n)} of 4 quarters'} for {' and '.join(names)}"
         for n, names in sorted(together.items(), reverse=True)]  # fmt: skip
fig.suptitle("Drammen above the sector " + "; ".join(parts), x=0.01, ha="left", fontweight="bold",
             fontsize=plt.rcParams["axes.titlesize"])  # fmt: skip
style.finish(fig, table="tables H04 and H05")
plt.show()

# %% tags=["hide-input", "hide-output"]
by_gender = pers.sick_leave_vs_sector(get)
shares = pers.sick_gap_decomposition(get)
mean = shares.set_index("quarter").loc["Mean"]
g("sick_gap_women_bare", vs_sector.loc["Women", "gap_pp"], 1)  # after the men's figure: the unit once
g("sick_gap_men", vs_sector.loc["Men", "gap_pp"], 1, "percentage points")
g("sick_mean_drammen", vs_sector.loc["All", "drammen_mean_pct"], 2, "%")
g("sick_mean_sector", vs_sector.loc["All", "sector_mean_pct"], 2, "%")
g("w_drammen", 100 * mean["women_weight_drammen"], 0, "%")
g("w_sector", 100 * mean["women_weight_sector"], 0, "%")
g("sick_gap_rates", mean["rates_pp"], 1, "percentage points")
g("sick_mix_share", 100 * mean["mix_pp"] / mean["gap_pp"], 0, "%")
styled(
    by_gender[["gender", "drammen_mean_pct", "sector_mean_pct", "gap_pp"]],
    table_id="personnel-sick-sector",
    columns={"gender": "Gender", "drammen_mean_pct": "Drammen (%)", "sector_mean_pct": "Municipal sector (%)",
             "gap_pp": "Difference (percentage points)"},
    decimals={"drammen_mean_pct": 2, "sector_mean_pct": 2, "gap_pp": 2},
    caption="Sick leave 2023, Drammen against the sector, mean of the quarters (derived)",
)  # fmt: skip

# %% [markdown]
# Averaged over the four quarters (the report prints no annual rate for the sector), Drammen is
# {eval}`txt.sick_mean_drammen` against the sector's {eval}`txt.sick_mean_sector`, a difference of
# {eval}`txt.sick_gap_all`. By gender the gap is uneven: {eval}`txt.sick_gap_men` for men, against
# {eval}`txt.sick_gap_women_bare` for women.
#
# **How much the gender mix explains.** Women lose far more working time to sickness than men in both
# populations, so a workforce with more women has a higher rate with no gender's rate higher. Each
# population's total is a weighted mean of its women's and men's rates, so the printed rates imply the
# weights: women carry about {eval}`txt.w_drammen` of Drammen's working time and {eval}`txt.w_sector` of
# the sector's (an estimate; these weigh working time, not heads).
#
# Split this way (the book's decomposition, on the sector's rates), Drammen's gender mix accounts for
# about {eval}`txt.sick_gap_mix` ({eval}`txt.sick_mix_share` of the gap) and its rates within each
# gender for {eval}`txt.sick_gap_rates`. The rates are printed to one decimal, which leaves the weights
# loose: the mix part may be anywhere in {eval}`txt.sick_mix_range` (each
# quarter's split is behind the button below).

# %% tags=["hide-input", "hide-output"]
styled(
    shares.assign(mix_range=[f"{fmt(lo, 2)}\u00a0to\u00a0{fmt(hi, 2)}"  # one line
                             for lo, hi in zip(shares["mix_low"], shares["mix_high"], strict=True)]),
    table_id="personnel-sick-decomposition",
    columns={"quarter": "Quarter", "gap_pp": "Gap (pp)", "women_weight_drammen": "Weight, Drammen",
             "women_weight_sector": "Weight, sector", "mix_pp": "Mix (pp)", "rates_pp": "Within (pp)",
             "mix_range": "Mix range (pp)"},
    decimals={"gap_pp": 1, "women_weight_drammen": 2, "women_weight_sector": 2, "mix_pp": 2, "rates_pp": 2},
    caption="The sick-leave gap to the sector by quarter: gender mix and rates within gender, in percentage "
    "points (pp; derived)",
)  # fmt: skip

# %% tags=["hide-input", "hide-output"]
sick_section = pd.concat(
    [
        checks.run("personnel", only=["sick_leave"]),
        within_rows[within_rows["check_id"].str.startswith(pers.SICK_Q)],
        all_checks[all_checks["check_id"].str.startswith((f"{pers.SICK}.claim", f"{pers.SICK_Q}.claim"))],
    ],
    ignore_index=True,
)
gs("sick_summary", sick_section)
pers.check_table(sick_section, table_id="personnel-sick-checks", caption="Every check of sick leave")

# %% [markdown]
# *Checks.* {eval}`txt.sick_summary` The organisation-wide rates are not sums: the areas' rates
# weighted by their FTEs, the mean of the quarters, and the women's and men's quarterly rates weighted
# by the staff's gender shares all come close to the printed totals (estimates, since the report
# prints no weights), and {eval}`txt.sick_within` between the rows' rates.

# %% [markdown]
# ## Overtime and the working-time rules
#
# **What the report counts.** The report's section «Overtidsbruk, brudd på arbeidstidsbestemmelser og hviletid og bruk av midlertidige ansettelser»
# speaks of *pålagt {term}`overtid <Overtid>`*, overtime the
# employer orders; its table counts the overtime hours registered in the year, the
# book's "overtime", without saying which hours it registers. Under the Act, overtime is work beyond the
# ordinary working time (§ 10-6 (1)); a part-timer's hours up to full time are *merarbeid*, not overtime,
# and pay agreements may count otherwise. Holding the registered hours against the Act's caps is
# therefore the book's approximation.

# %% tags=["hide-input", "hide-output"]
# The Act's limits (Working Environment Act §§ 10-4, 10-6 and 10-8): law, not report figures, except the
# ordinary working time, which the report gives (line 4052).
max_day = pers.prose_value(get, "max_ordinary_working_hours_per_24_hours")
max_week = pers.prose_value(get, "max_ordinary_working_hours_per_7_days")
caps_by = pers.OVERTIME_CAPS
LAW_HOURS = {"all_day": 13, "all_week": 48, "rest_day": 11, "rest_week": 35, "rota_week": 38, "rota_week_low": 36}
g("cap_year_agreed", caps_by["year"]["agreed"], 0, "hours")
g("rota_week", LAW_HOURS["rota_week"])
g("rota_week_low", LAW_HOURS["rota_week_low"], 0, "hours")
nan = float("nan")
law = pd.DataFrame(
    [("Ordinary working time (as the report gives it)", max_day, max_week, nan, nan, "§ 10-4 (1)"),
     ("Overtime", nan, caps_by["week"]["hours"], caps_by["four_weeks"]["hours"], caps_by["year"]["hours"],
      "§ 10-6 (4)"),
     ("Overtime by agreement with the union representatives", nan, caps_by["week"]["agreed"], caps_by["four_weeks"]["agreed"],
      caps_by["year"]["agreed"], "§ 10-6 (5)"),
     ("All work, overtime included", LAW_HOURS["all_day"], LAW_HOURS["all_week"], nan, nan, "§ 10-6 (8)"),
     ("Rest, at least", LAW_HOURS["rest_day"], LAW_HOURS["rest_week"], nan, nan, "§ 10-8 (1), (2)")],
    columns=["limit", "day", "week", "four_weeks", "year", "section"],
)  # fmt: skip
law["section"] = law["section"].str.replace(" ", "\u00a0").str.replace("-", "\u2011")  # never broken over lines
styled(
    law,
    table_id="personnel-working-time-limits",
    columns={"limit": "Limit", "day": "24 hours", "week": "7 days", "four_weeks": "4 weeks", "year": "52 weeks",
             "section": "Act"},
    decimals={"day": 0, "week": 0, "four_weeks": 0, "year": 0},
    caption="The Working Environment Act's working-time limits: from the law, not the report, except the first row",
    unit="hours",
)  # fmt: skip

# %% [markdown]
# For shift and rota work the Act sets lower weekly limits, {eval}`txt.rota_week` or
# {eval}`txt.rota_week_low` (§ 10-4 (4), (5)), and the next Sunday off after one worked, or every other
# on average by agreement (§ 10-8 (4)); the report mentions neither. It says that work beyond the ordinary
# hours "triggers breaches" (section «Brudd på arbeidsmiljøloven – AML-brudd»); under the Act such work is overtime, lawful within the caps.
# Limits can be widened, and rest shortened, by agreement, it adds; the report does not say
# whether its breach counts allow for that.
#
# **Why, as the report gives it.** Some areas used much ordered overtime, with temporary hires, to cover
# shifts and staffing, above all in the services that work a *{term}`turnus <Turnus>`* (shift
# rota); services short of basic staff through vacancies, recruitment problems and sick leave also
# have breaches. Schools' overtime has other causes: teachers working on public
# holidays, 17 May, competitions and projects such as camp school, evenings and weekends (below the report's breach tables).

# %% tags=["hide-input", "hide-output"]
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
    overtime.assign(
        label=overtime["label"].map(pers.area_gloss)
    ),  # as printed (P14-P19 hyphen and all), English beside
    table_id="personnel-overtime",
    columns={"label": "Programme area", "overtime_hours_2022": "2022 (hours)", "overtime_hours_2023": "2023 (hours)"},
    caption="Overtime hours by programme area, 2022 and 2023 (table H08)",
)

# %% [markdown]
# Overtime rose from {eval}`txt.ot_2022` to {eval}`txt.ot_2023`. Home care (P06) alone worked
# {eval}`txt.p06_ot_share` of it. Set against each area's permanent FTEs (all the area's overtime hours,
# whoever worked them, over its permanent FTEs; derived), {eval}`txt.top_ot` worked the most,
# {eval}`txt.top_ot_value` per permanent FTE, against {eval}`txt.all_ot` for the municipality.

# %% tags=["hide-input", "hide-output"]
bph = pers.breach_intensity(get)
bph_items = bph[bph["row_kind"] == "item"]
p01_bph = bph_items[bph_items["code"] == "P01"].iloc[0]
g("p01_breaches", p01_bph["breaches_2023"])
g("p01_hours", p01_bph["overtime_hours_2023"], 0, "hours")
g("p02_hours", bph_items[bph_items["code"] == "P02"]["overtime_hours_2023"].iloc[0], 0, "hours")
p13_bph = bph_items[bph_items["code"] == "P13"].iloc[0]
g("p13_breaches", p13_bph["breaches_2023"])
g("p13_hours", p13_bph["overtime_hours_2023"], 0, "hours")
registered = bph_items[bph_items["registered"] == "yes"].sort_values(["per_1000_hours_2023", "code"],
                                                                      ascending=[False, True])  # fmt: skip
gt("top_bph", pers.area_name(registered.iloc[0]["label"]))
g("top_bph_value", registered.iloc[0]["per_1000_hours_2023"], 0)
g("all_bph", bph[bph["row_kind"] == "total"]["per_1000_hours_2023"].iloc[0], 0)
g("all_bph_totals", pers.breach_rate_all_areas(get), 0)
g("n_registered", len(registered))
unregistered = bph_items[bph_items["registered"] != "yes"]
g("unreg_hours", unregistered["overtime_hours_2023"].sum(), 0, "hours")
gt("unreg_codes", ", ".join(unregistered["code"].iloc[:-1]) + " and " + unregistered["code"].iloc[-1])
unreg_breaches = unregistered.dropna(subset=["breaches_2023"])
unreg_breaches = unreg_breaches[unreg_breaches["breaches_2023"] > 0]
n_unreg = int(unreg_breaches["breaches_2023"].sum())
gt("unreg_breaches", f"with {fmt(n_unreg)} registered {'breach' if n_unreg == 1 else 'breaches'} "
   f"({', '.join(unreg_breaches['code'])})" if n_unreg else "with no registered breaches")  # fmt: skip
styled(
    breach_area.assign(label=breach_area["label"].map(pers.area_gloss)),  # as printed, English beside
    table_id="personnel-breach-area",
    columns={"label": "Programme area", "breaches_2022": "2022", "breaches_2023": "2023"},
    caption="Breaches by programme area, 2022 and 2023 (table H10; no row is printed for P02 and P10)",
)

# %% [markdown]
# **Breaches per overtime hour** (derived) set each area's registered breaches against its overtime. They
# do not show how much overtime turns into breaches, since the rest and Sunday rules need no overtime.
# The rate compares only the {eval}`txt.n_registered` areas that register breaches, and the report does
# not say they register alike:
#
# - schools have no system that registers working time, so their breaches must be estimated from the
#   overtime, the report says; the book leaves out their printed {eval}`txt.p01_breaches` (against
#   {eval}`txt.p01_hours` of overtime), not knowing whether it is that estimate;
# - the breach table prints no row for P02 (which worked {eval}`txt.p02_hours` of overtime) or P10.
#
# Among the areas that register, {eval}`txt.top_bph` has the most, {eval}`txt.top_bph_value` per 1 000
# hours, against {eval}`txt.all_bph` for those areas together (the dotted line). All printed breaches over
# all overtime give {eval}`txt.all_bph_totals`, lower because the {eval}`txt.unreg_hours` of overtime in
# {eval}`txt.unreg_codes` come {eval}`txt.unreg_breaches`. P13's rate rests on
# {eval}`txt.p13_breaches` breaches in {eval}`txt.p13_hours` of overtime.

# %% mystnb={"figure": {"caption": "Breaches of the working-time rules per 1 000 overtime hours by programme area, 2022 and 2023 (derived); a 2023 bar above the rate of the areas that register (the dotted line) in vermilion, the colour sick leave above target has (the dotted line is the registering areas' average, not a target).", "name": "fig-personnel-breach-rate"}, "image": {"alt": "Horizontal bar chart with one row per programme area and two bars, each labelled with its rate, 2022 in light grey and 2023 in dark grey, or in vermilion where above the dotted line of the registering areas' rate. P06 Home care and P04 Health have the most breaches per thousand overtime hours in 2023; P01 Schools is labelled as not registering working time; P02 Kindergartens and P10 Democracy are labelled as having no row in the table instead of a bar."}} tags=["hide-input"]
shown = bph.iloc[::-1].reset_index(drop=True)
y = np.arange(len(shown))
fig, ax = plt.subplots(figsize=(7, 5.6))
benchmark = float(bph[bph["row_kind"] == "total"]["per_1000_hours_2023"].iloc[0])
# Above the yardstick in vermilion, as in the sick-leave charts (designer s12b: one colour for "above"); each bar
# labelled with its rate (the reader had to read every area but two off the grid).
is_total = (shown["row_kind"] == "total").to_numpy()
for offset, year in ((0.2, "2022"), (-0.2, "2023")):
    values = shown[f"per_1000_hours_{year}"].astype(float).fillna(0).where(shown["registered"] == "yes", 0)
    if year == "2022":
        ax.barh(y + offset, values, height=0.4, color=style.EARLIER, label=year)
    else:
        over = (values > benchmark).to_numpy() & ~is_total
        ax.barh(y[~over] + offset, values[~over], height=0.4, color=style.LEVEL, label="2023 (new routines)")
        ax.barh(y[over] + offset, values[over], height=0.4, color=style.UNFAVOURABLE,
                label="2023, above the dotted line")  # fmt: skip
    for i, v in zip(y, values, strict=True):
        if v > 0:
            ax.text(v + 2, i + offset, fmt(v, 0), va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT)
for i, r in shown.iterrows():
    if r["registered"] == "no row":
        ax.text(1, i, "no row in the breach table", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT,
                style="italic")  # fmt: skip
    elif r["registered"] == "estimated":
        ax.text(1, i, "no working-time registration", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT,
                style="italic")  # fmt: skip
# The total row's rate covers only the areas that register breaches: its label says so.
ax.set_yticks(y, [("Areas that register" if kind == "total" else pers.area_chart_label(label))
                  for label, kind in zip(shown["label"], shown["row_kind"], strict=True)])  # fmt: skip
ax.grid(axis="y", visible=False)
ax.axvline(benchmark, **style.REFERENCE_LINE)
ax.set_xlabel(f"Breaches per 1 000 overtime hours\n(dotted line: areas that register, 2023: {fmt(benchmark, 0)})")
ax.set_ylim(-0.5, len(shown) - 0.5)
top_two = " and ".join(registered["code"].head(2))
ax.set_title(f"Breaches per 1 000 overtime hours: in 2023 highest in {top_two}")
style.legend_above(ax)  # the years' key above the plot, clear of the bars and the line
style.finish(fig, table="tables H08 and H10")
plt.show()

# %% [markdown]
# **Temporary staff's overtime.** The text splits the 2023 hours by employment type (below its overtime table).
# Temporary employees, with {eval}`txt.temp_fte_share` of the year-end FTEs, worked
# {eval}`txt.ot_temp_share` of the hours: per FTE of their own, {eval}`txt.ot_ratio` times as much as
# permanent staff (derived; the table below).
#
# The ratio is rough: the FTEs are counted at year end and the hours over the year, while temporary
# staffing varies (summer cover, for one); hourly paid staff in 0 % positions are outside the temporary
# counts (section «Midlertidig ansatte») but their hours may be among the temporary hours; and the report
# does not say the temporary FTEs and the hours cover the same people.

# %% tags=["hide-input"]
shown = pers.overtime_split(get).merge(pers.overtime_intensity(get), on=["employment_type", "hours"], how="left")
other = shown["employment_type"].str.startswith("Other (")  # its list of types goes to the caption
shown.loc[other, "employment_type"] = "Other"
PRINTED_TYPE = {
    "Permanent employees": "faste ansatte",
    "Temporary employees": "midlertidige ansatte",
    "Other": "andre ansettelsestyper",
}  # the text's words (section «Overtidsbruk …»)
shown["employment_type"] = [f"{t} ({PRINTED_TYPE[t]})" for t in shown["employment_type"]]
# The total row is the book's sum of the three printed types (it equals table H08's Totalsum, a check below);
# its FTEs are the permanent and temporary ones, the only types with FTEs printed.
summed = {"employment_type": "All types (the book's sum)", "hours": shown["hours"].sum(),
          "share_pct": shown["share_pct"].sum(), "fte": shown["fte"].sum()}  # fmt: skip
summed["hours_per_fte"] = summed["hours"] / summed["fte"]
shown = pd.concat([shown.assign(row_kind="item"), pd.DataFrame([{**summed, "row_kind": "total"}])], ignore_index=True)
styled(
    shown,
    table_id="personnel-overtime-split",
    columns={"employment_type": "Employment type", "hours": "Hours", "share_pct": "Share (%)",
             "fte": "FTEs, year end", "hours_per_fte": "Hours per FTE of the type"},
    decimals={"hours": 0, "share_pct": 1, "fte": 0, "hours_per_fte": 1},
    caption="Overtime hours 2023 by employment type (from the text), and FTEs at year end; the book's total row "
    "spreads all hours, Other's too, over the permanent and temporary FTEs (Other: trainees, apprentices, "
    "contractors and on-call staff)",
)  # fmt: skip

# %% [markdown]
# ### Overtime against the legal limits
#
# How far is the average from the Act's caps, and how concentrated must overtime be for the breaches
# the report prints? The caps are the law's; the rest is derived from the report's totals.

# %% tags=["hide-input"]
g("fte_all", caps["fte"])
g("per_fte_week", caps["per_fte_week"], 1, "hours")
cap_ratio = caps["cap_over_average"]
gt("cap_ratio", f"{'' if cap_ratio == round(cap_ratio) else 'about '}{fmt(round(cap_ratio))} times")
g("max_persons", caps["max_persons_over_cap"], 0)
g("max_persons_pct", caps["max_persons_over_cap_pct"], 0, "%")
g("employees_all", caps["employees"])
g("br_year", caps["breaches_year"])
g("min_hours_year", caps["min_hours_year"], 0, "hours")
g("min_share_year", caps["min_share_year"], 0, "%")
CAP_GLOSS = {"week": "hours a week", "four_weeks": "hours per 4 weeks", "year": "hours a year"}  # the printed words
cap_rows = pd.DataFrame(
    [
        {"cap": limits["label"].replace(" ", "\u00a0"), "law": limits["hours"], "agreed": limits["agreed"],
         "breach_type": f"{pers.OVERTIME_CAP_BREACH[cap]} ({CAP_GLOSS[cap]})", "breaches": caps[f"breaches_{cap}"],
         "min_hours": caps[f"min_hours_{cap}"], "min_share": caps[f"min_share_{cap}"]}
        for cap, limits in pers.OVERTIME_CAPS.items()
    ]
)  # fmt: skip
styled(
    cap_rows,
    table_id="personnel-overtime-caps",
    columns={"cap": "Period", "law": "Cap (hours)", "breach_type": "Breach type (printed)", "breaches": "Breaches",
             "min_hours": "Least hours", "min_share": "Share of overtime (%)"},
    decimals={"law": 0, "breaches": 0, "min_hours": 0, "min_share": 1},
    caption="The Act's overtime caps and the breaches the book reads as each, 2023 (least hours derived: "
    "each breach one person at the cap)",
)  # fmt: skip

# %% [markdown]
# Spread evenly over the {eval}`txt.fte_all` permanent and temporary FTEs at year end, the year's overtime
# is about {eval}`txt.ot_per_fte_all` per FTE, some {eval}`txt.per_fte_week` a week (derived; the total
# row of the table of employment types above). The annual cap is {eval}`txt.cap_ratio` that average.
#
# Breaches of the overtime caps therefore need overtime concentrated on few people. All the year's
# overtime could take at most {eval}`txt.max_persons` people past the annual cap:
# {eval}`txt.max_persons_pct` of the {eval}`txt.employees_all` permanent and temporary employees. If each
# of the {eval}`txt.br_year` breaches the book reads as that cap were a different employee, they alone
# worked at least
# {eval}`txt.min_hours_year`, {eval}`txt.min_share_year` of all overtime (the table above). The rest and
# Sunday rules, with {eval}`txt.br_level_rest_sunday` of the breaches, can be broken with no overtime.
#
# These bounds are rough, and the book's. A cap runs over any 52 weeks (§ 10-6 (4)), so hours of late
# 2022 may count toward a breach in 2023. An agreed wider limit (up to {eval}`txt.cap_year_agreed` a
# year, § 10-6 (5); possible, the report says) would move them. The report does not say what one breach
# counts: a person, a period or each shift beyond a limit. It says only that some employees work very
# much extra and so break several rules of chapter 10, without tying it to the caps.

# %% [markdown]
# ### Breaches: the level and the change, by type
#
# The breaches are counted by type and by area. The report does not define the types; the family and the
# reading in the table are the book's, from the names and the Act.

# %% tags=["hide-input", "hide-output"]
BREACH_READING = {  # what each printed type probably counts (the book's reading) and the Act's section
    "AML timer per 4 uker": ("four weeks", "§ 10-6"),
    "AML timer per uke": ("a week", "§ 10-6"),
    "AML timer per år": ("52 weeks", "§ 10-6"),
    "Arbeidsfri før vakt": ("between shifts", "§ 10-8"),
    "Planlagt tid per uke": ("planned, a week", "§§ 10-4, 10-5"),
    "Samlet tid per dag": ("24 hours", "§ 10-6 (8)"),
    "Samlet tid per uke": ("seven days", "§ 10-6 (8)"),
    "Søndager på rad": ("in a row", "§ 10-8 (4)"),
    "Søndager på rad (snitt)": ("on average", "§ 10-8 (4)"),
    "Ukentlig arbeidsfri": ("weekly", "§ 10-8"),
}


def reading(family, key):
    """The family, then the book's reading of a printed type; its section of the Act never broken over lines."""
    if key not in BREACH_READING:
        return family
    words, section = BREACH_READING[key]
    section = section.replace(" ", "\u00a0").replace("-", "\u2011")  # no-break space and hyphen
    return f"{family}: {words} ({section})"


by_type = pers.breach_change_by_type(get)
by_type["reading"] = [reading(f, k) for f, k in zip(by_type["family"], by_type["key"], strict=True)]
signed = {"change": lambda f: [fmt(v, 0, sign=True) for v in f["change"]]}  # a change carries its sign, a rise "+"
styled(
    by_type.sort_values("family", key=lambda f: f.map(pers.BREACH_FAMILIES.index), kind="stable").assign(**signed),
    table_id="personnel-breach-type",
    columns={"label": "Type (printed)", "reading": "Family: the book's reading", "breaches_2021": "2021",
             "breaches_2022": "2022", "breaches_2023": "2023", "change": "Change",
             "share_of_change_pct": "Share of change (%)"},
    decimals={"share_of_change_pct": 1},  # shares with one decimal, as in every table here (−8 of 2 086 is −0.4)
    caption="Breaches by type, 2021–2023 (table H09), with the book's reading of each type (2023 under new routines)",
)  # fmt: skip

# %% tags=["hide-input"]
bt = get(pers.BREACH_TYPE).set_index("label")
g("br_2022", br_total["breaches_2022"])
g("br_2021", bt.loc[pers.TOTAL, "breaches_2021"])
g("br_rise", br_total["breaches_2023"] - br_total["breaches_2022"])
gt("br_level_words", "most breaches concern" if family.loc[["Rest", "Sunday work"], "share_of_level_pct"].sum() > 50
   else "fewer than half of the breaches concern")  # fmt: skip
txt.br_rest_change = fmt(family.loc["Rest", "change"], 0, sign=True)
txt.br_sunday_change = fmt(family.loc["Sunday work", "change"], 0, sign=True)
families = pd.concat(
    [family.reset_index().assign(row_kind="item", family=lambda f: f["family"].str.replace(" ", "\u00a0")),
     family.sum(numeric_only=True).to_frame().T.assign(family="All types", row_kind="total")],
    ignore_index=True,
)  # fmt: skip

styled(
    families.assign(**signed),
    table_id="personnel-breach-family",
    columns={"family": "Family", "breaches_2021": "2021", "breaches_2022": "2022", "breaches_2023": "2023",
             "change": "Change 2022–23", "share_of_level_pct": "% of 2023", "share_of_change_pct": "% of change"},
    decimals={"share_of_level_pct": 1, "share_of_change_pct": 1},
    caption="Breaches by family of types, 2021–2023 (the book's grouping; 2023 under new routines)",
)  # fmt: skip

# %% [markdown]
# Breaches rose from {eval}`txt.br_2022` to {eval}`txt.br_2023`, still below the {eval}`txt.br_2021` of
# 2021 (all across the break in the series). The level and the change tell different stories:
# {eval}`txt.br_level_words` rest and Sundays rather than the overtime caps, but the overtime and
# total-hours types account for {eval}`txt.br_change_ot_total` of the rise of {eval}`txt.br_rise`, while
# rest changed by {eval}`txt.br_rest_change` and Sunday work by {eval}`txt.br_sunday_change`.
#
# The report's section «Brudd på arbeidsmiljøloven – AML-brudd» gives two reasons of its own that bear
# on this: one spell of long overtime breaks several
# rules at once, since those who work much also get too little rest, and there was a peak in July
# (of breaches or of overtime: the sentence does not say), a sign, it says, that summer staffing needs a
# closer look. It prints neither by month, so the July peak cannot be checked.

# %% tags=["hide-input"]
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
# *Checks.* {eval}`txt.overtime_summary` The tables add up, the two breach tables agree on their
# totals, and the text's split of overtime adds up to the table's total.

# %% tags=["hide-input", "hide-output"]
pers.check_table(overtime_section, table_id="personnel-overtime-checks", caption="Every check of overtime and breaches")

# %% [markdown]
# ## Across the programme areas
#
# The report prints sick leave, turnover, overtime and breaches in separate tables. Set side by side, one
# row per area (P10, a handful of staff, left out as the report leaves it out of sick leave), they show
# which areas carry several burdens at once. Overtime per permanent FTE sets all of an area's overtime hours
# (table H08) against its permanent FTEs (table H01). Breaches per 1 000 overtime hours are shown for the
# areas that register breaches: the all-areas row sets all breaches against all overtime, the caption gives
# the registering areas' rate (all derived except the two printed rates).

# %% tags=["hide-input"]
areas = pers.area_comparison(get)
patterns = pers.area_patterns(areas)
g("rota_measures_all_above", int((patterns["rota_above"] == patterns["rota_with_value"]).sum()))
g("n_measures", len(patterns))
by_code = areas.set_index("code")
ends = [patterns.loc[c, "highest"] for c in ("sick_leave_2023_pct", "turnover_2023_pct")]  # top sick leave, turnover
ends_apart = all(not by_code.loc[c, "rota"] and by_code.loc[c, "overtime_per_fte_2023"]
                 < patterns.loc["overtime_per_fte_2023", "all"] for c in ends)  # fmt: skip
gt("rota_story", ("The rota services do not stand out on most measures"
                  if (patterns["rota_above"] == patterns["rota_with_value"]).sum() < len(patterns) - 1
                  else "So the three stand out on most measures, but elsewhere the measures do not move together: "
                  f"the highest sick leave ({by_code.loc[ends[0], 'name']}) and the highest turnover "
                  f"({by_code.loc[ends[1], 'name']}) lie outside them, in areas with less overtime per permanent FTE than "
                  "the municipality" if ends_apart
                  else "So the three stand out on most measures"))  # fmt: skip
p12 = areas.set_index("code").loc["P12"]
p13 = areas.set_index("code").loc["P13"]


def side(value, whole):
    """'above', 'below' or 'level with' the municipality's figure."""
    return "above" if value > whole else "below" if value < whole else "level with"


gt("p12_side_ot", side(p12["overtime_per_fte_2023"], patterns.loc["overtime_per_fte_2023", "all"]))
p12_sides = {side(p12["turnover_2023_pct"], patterns.loc["turnover_2023_pct", "all"]),
             side(p12["sick_leave_2023_pct"], patterns.loc["sick_leave_2023_pct", "all"])}  # fmt: skip
gt("p12_side_both", p12_sides.pop() if len(p12_sides) == 1 else "on either side of")
gt("p13_side_turn", side(p13["turnover_2023_pct"], patterns.loc["turnover_2023_pct", "all"]))
gt("p13_side_ot", side(p13["overtime_per_fte_2023"], patterns.loc["overtime_per_fte_2023", "all"]))
g("p12_ot", p12["overtime_per_fte_2023"], 0, "hours")
gt("p12_name", p12["name"])
gt("p13_name", p13["name"])
g("p13_turn", p13["turnover_2023_pct"], 1, "%")
gt(
    "p13_ot",
    f"about {fmt(p13['overtime_per_fte_2023'], 0)} hour" + ("" if round(p13["overtime_per_fte_2023"]) == 1 else "s"),
)  # as the table rounds it
# The all-areas row's breach rate is all printed breaches over all overtime; the registering areas'
# rate (the chart's dashed line, the one the rota services are held against) is in the caption, so no row
# stands below the total.
# Each area by its code and the book's one English name, as in the charts, on one line.
side_by_side = areas.assign(name=[pers.area_chart_label(c).replace(" ", "\u00a0") for c in areas["code"]])
side_by_side.loc[side_by_side["row_kind"] == "total", "breaches_per_1000_hours"] = pers.breach_rate_all_areas(get)
styled(
    side_by_side.drop(columns=["code", "row_kind", "rota", "registered", "fte_2023"]),
    table_id="personnel-areas",
    total_mask=side_by_side["code"].eq(pers.TOTAL),
    columns={"name": "Programme area", "sick_leave_2023_pct": "Sick leave (%)",
             "turnover_2023_pct": "Turnover (%)", "overtime_per_fte_2023": "Overtime per permanent FTE (hours)",
             "breaches_per_1000_hours": "Breaches per 1\u00a0000 hours"},
    decimals={"sick_leave_2023_pct": 1, "turnover_2023_pct": 1, "overtime_per_fte_2023": 0,
              "breaches_per_1000_hours": 0},
    caption="Programme areas in 2023, four measures (tables H01, H03, H06, H08, H10; the areas that register "
    f"breaches, together: {fmt(patterns.loc['breaches_per_1000_hours', 'all'], 0)} per 1\u00a0000 hours)",
)  # fmt: skip

# %% [markdown]
# **The rota services.** The report says the most breaches are in the rota services (below its breach tables) without
# naming them; the book reads them as P04, P05 and P06, the round-the-clock services. On
# {eval}`txt.rota_measures_all_above` of the {eval}`txt.n_measures` measures all three are above the
# municipality. {eval}`txt.rota_story`; the table cannot say which drives which.
#
# **P12 and P13.** {eval}`txt.p12_name` works {eval}`txt.p12_ot` of overtime per permanent FTE, {eval}`txt.p12_side_ot` the
# municipality's {eval}`txt.all_ot`, with turnover and sick leave {eval}`txt.p12_side_both` it;
# {eval}`txt.p13_name` has a
# turnover of {eval}`txt.p13_turn`, {eval}`txt.p13_side_turn` the municipality's, with
# {eval}`txt.p13_ot` of overtime per permanent FTE, {eval}`txt.p13_side_ot` the municipality's. The report gives no
# reason for either.

# %% [markdown]
# ## Gender, age and part time
#
# This part of the report is the municipality's account of gender equality among its staff, which
# equality law asks of public employers (*Equality indicators*, below). Three tables divide the staff by gender and age group in December 2023: permanent
# employees, temporary employees, and permanent employees in part-time positions
# (*{term}`deltid <Deltid>`*), each with a count and a percentage of the table's total for women, men and
# both. The chart shows the counts; the tables as printed are behind the button below it.

# %% mystnb={"figure": {"caption": "Permanent and temporary employees by gender and age group, December 2023, in persons, both panels on one scale; permanent part-time staff dark inside their bars.", "name": "fig-personnel-pyramid"}, "image": {"alt": "Two population pyramids one above the other on one scale, permanent staff above and temporary staff below, women to the left in grey and men to the right in a lighter grey, each bar labelled with its count. Women outnumber men in every age group with staff in both. The temporary bars are far shorter than the permanent ones, and longest in the twenties and thirties. Permanent part-time staff are drawn dark inside the permanent bars. The over-70 row of the permanent panel has no bar, and a note there says the part-time table counts part-time women in it."}} tags=["hide-input"]
pyramids = {group: pers.age_pyramid(get, group).set_index("label") for group in ("permanent", "temporary")}
part_counts = pers.age_pyramid(get, "permanent_part_time").set_index("label")
totals = {group: row(ages, staff_group=group, label="Totalt")["total_count"] for group in pyramids}
# One scale for both panels (a reader compares bar lengths across them), each bar labelled with its count;
# the panels' heights follow their rows. Women left in grey and men right in a lighter grey (the house pair
# for two groups), the permanent part-time staff dark inside, named in the key above.
X_LIMITS = (-1850, 700)  # persons: room for the largest bars and their counts
assert all(X_LIMITS[0] < -450 - p["women_count"].max() and p["men_count"].max() < X_LIMITS[1] - 300
           and p.iloc[-1].fillna(0)["men_count"] == 0 for p in pyramids.values())  # fmt: skip
fig, axes = plt.subplots(2, 1, figsize=(7, 6.4), sharex=True)
for ax, group in zip(axes, pyramids, strict=True):
    pyramid = pyramids[group].fillna(0)
    y = np.arange(len(pyramid))
    women = ax.barh(y, -pyramid["women_count"], color=style.LEVEL, label="Women")
    men = ax.barh(y, pyramid["men_count"], color=style.EARLIER, label="Men")
    staffed = (pyramid["women_count"] + pyramid["men_count"] > 0).to_numpy()
    # An empty cell of the printed table labelled "–", as the table prints it, not "0".
    printed = ages[ages["staff_group"] == group].set_index("label").reindex(pyramid.index)
    # The permanent panel's labels carry the part-time count in brackets, as the key says: "610 (254)".
    part_note = ~staffed & (part_counts.reindex(pyramid.index).fillna(0)[["women_count", "men_count"]].sum(axis=1)
                            > 0).to_numpy() & (group == "permanent")  # fmt: skip
    for bars, column, side in ((women, "women_count", "right"), (men, "men_count", "left")):
        for i, (bar, count) in enumerate(zip(bars, printed[column], strict=True)):
            if part_note[i]:
                continue  # the row carries its note instead
            text = "\u2013" if pd.isna(count) else fmt(count)
            if group == "permanent" and pyramid.index[i] in part_counts.index and not pd.isna(count):
                part = part_counts.loc[pyramid.index[i], column]
                text += " (" + ("\u2013" if pd.isna(part) else fmt(part)) + ")"
            ax.annotate(text, (min(bar.get_x(), bar.get_x() + bar.get_width()) if side == "right" else bar.get_x() + bar.get_width(),
                        bar.get_y() + bar.get_height() / 2), xytext=(-3 if side == "right" else 3, 0),
                        textcoords="offset points", ha=side, va="center", fontsize=style.MIN_TEXT_PT,
                        color=style.TEXT)  # fmt: skip
    if group == "permanent":
        inner = part_counts.reindex(pyramid.index).fillna(0)
        ax.barh(
            y, -inner["women_count"], height=0.45, color=style.TEXT, label="Part time (permanent; count in brackets)"
        )
        ax.barh(y, inner["men_count"], height=0.45, color=style.TEXT)
        # Rows with part-time staff but no permanent staff (over 70): a contradiction between the tables,
        # too small to see as a bar, so said in the row.
        for i in np.flatnonzero(~staffed & (inner["women_count"] + inner["men_count"] > 0).to_numpy()):
            ax.text(-40, i, f"no permanent, yet {fmt(inner['women_count'].iloc[i] + inner['men_count'].iloc[i])} "
                    "part-time", ha="right", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT,
                    style="italic")  # fmt: skip
    ax.axvline(0, color=style.TEXT, lw=0.8)
    ax.set_yticks(y, [label.removesuffix(" år") for label in pyramid.index])  # "Over 70 år" -> "Over 70"
    ax.set_ylabel("Age group (years)")
    ax.grid(axis="y", visible=False)
    # The panel's name over its plot, at the right (the figure's title and key take the left), not on a row.
    ax.set_title(f"{group.capitalize()}, {fmt(totals[group])}", loc="right", fontsize=style.MIN_TEXT_PT + 1,
                 fontweight="bold", color=style.TEXT)  # fmt: skip
axes[1].set_xlim(*X_LIMITS)
axes[1].xaxis.set_major_formatter(lambda v, _: fmt(abs(v)))
axes[1].set_xlabel("Persons (women to the left, men to the right)")
perm = pyramids["permanent"]
staffed_groups = perm[perm["women_count"].fillna(0) + perm["men_count"].fillna(0) > 0]
women_ahead = int((staffed_groups["women_count"].fillna(0) > staffed_groups["men_count"].fillna(0)).sum())
temp = pyramids["temporary"].fillna(0)
temp = temp[temp["women_count"] + temp["men_count"] > 0]
temp_ahead = int((temp["women_count"] > temp["men_count"]).sum())
where = (
    "every age group with permanent staff" if women_ahead == len(staffed_groups)
    else f"{women_ahead} of {len(staffed_groups)} age groups with permanent staff"
)  # fmt: skip
temp_where = (
    "every age group with temporary staff" if temp_ahead == len(temp)
    else f"{temp_ahead} of {len(temp)} age groups with temporary staff"
)  # fmt: skip
axes[0].set_title("Women outnumber men in every age group with staff, permanent and temporary"
                  if (where, temp_where) == ("every age group with permanent staff", "every age group with temporary staff")
                  else f"More women than men in {where}, and in {temp_where}")  # fmt: skip
style.legend_above(axes[0])  # after the title: setting a title resets the room the key makes above the plot
style.finish(fig, table="tables H11–H13")
# The title and key from the figure's left edge, as the one-chart figures have them (finish does that only
# for a figure of one panel): the edge is the row labels' and axis names' leftmost point.
renderer = fig.canvas.get_renderer()
edge = min(a.yaxis.get_tightbbox(renderer).x0 for a in axes)
title_x = (edge - axes[0].bbox.x0) / axes[0].bbox.width
axes[0]._left_title.set_x(title_x)  # as style.finish moves a one-panel figure's title
axes[0].get_legend().set_bbox_to_anchor((title_x, 1.0), transform=axes[0].transAxes)
plt.show()

# %% tags=["hide-input", "hide-output"]
temporary_total = row(ages, staff_group="temporary", label="Totalt")
age_rows = ages[(ages["staff_group"] == "permanent") & (ages["row_kind"] == "item")].fillna(
    {"women_count": 0, "men_count": 0}
)
staffed = age_rows[age_rows["women_count"] + age_rows["men_count"] > 0]
gt("women_outnumber", pers.every_or_count(int((staffed["women_count"] > staffed["men_count"]).sum()), len(staffed),
                                          "age group with permanent staff"))  # fmt: skip
g("pt_share_of_perm", 100 * part_total["total_count"] / permanent_total["total_count"], 0, "%")
g("pt_women_share", 100 * part_total["women_count"] / part_total["total_count"], 1, "%")
g("emp_2022", pers.prose_value(get, "employees_2022_permanent_and_temporary"))
g("emp_2023", permanent_total["total_count"] + temporary_total["total_count"])
g("emp_2022_women", pers.prose_value(get, "women_share_2022"), 1, "%")
g("emp_2023_women", pers.prose_value(get, "women_share_2023_permanent_and_temporary"), 1, "%")
g("temp_2022_implied", pers.prose_value(get, "employees_2022_permanent_and_temporary") - total["headcount_2022"])
g("weekend_min", pers.prose_value(get, "small_weekend_position_size_min"))
g("weekend_max", pers.prose_value(get, "small_weekend_position_size_max"), 0, "%")
age_columns = {"label": "Age group", "women_count": "Women", "women_pct": "%", "men_count": "Men", "men_pct": "% ",
               "total_count": "Total", "total_pct": "%  "}  # fmt: skip
captions = {
    # Each title (to its bracket) fits its third of the toggle's label, which names all three whole.
    "permanent": "Permanent staff by age (women and men, December 2023; table H11; % of all permanent)",
    "temporary": "Temporary staff by age (women and men, December 2023; table H12; % of all temporary)",
    "permanent_part_time": "Permanent part-time by age (women and men, December 2023; table H13; % of all part-time)",
}
for group, caption in captions.items():
    shown = ages[ages["staff_group"] == group]
    shown = shown.assign(label=shown["label"].map(pers.age_gloss))  # the printed label, English beside it
    display(styled(shown, table_id=f"personnel-ages-{group}", columns=age_columns, caption=caption))

# %% [markdown]
# Women are {eval}`txt.women_share_perm` of the permanent staff ({eval}`txt.women_share_note`) and outnumber men
# {eval}`txt.women_outnumber`. Of the permanent staff, {eval}`txt.part_time_head`
# ({eval}`txt.pt_share_of_perm`) work part time, and women are
# {eval}`txt.pt_women_share` of them.

# %% tags=["hide-input"]
gender_section = pd.concat(
    [
        checks.run(
            "personnel", only=["gender_age_counts", "part_time_subset", "gender_age_shares", "gender_shares_prose"]
        ),
        all_checks[all_checks["check_id"].str.startswith(f"{pers.GENDER_AGE}.claim")],
    ],
    ignore_index=True,
)
txt.gender_summary = findings.summary_line(gender_section)  # every finding of the age tables shown here
share_checks = gender_section[gender_section["check_id"].str.contains(r"\.share\.")]
g("share_checks", len(share_checks))
g("share_off", (share_checks["status"] == "discrepancy").sum())

# %% [markdown]
# Within each of the age tables the counts add up in every row and column. Across tables they do not
# fit: permanent part-time staff are permanent staff, so no cell of the part-time table can exceed the
# same cell of the permanent-staff table, and one row does (over 70: women and all). And
# {eval}`txt.share_off` of {eval}`txt.share_checks` printed shares miss the share their own counts give;
# the counts, which add up and agree with the staffing table and the text, are the firmer figures. The
# findings give a share's miss in percentage points with two decimals, their own precision, since a miss
# is set against what the printed share's rounding allows; the chapter's other differences in percentage
# points are between rates printed with one decimal, and have one.

# %% tags=["hide-input"]
findings.show(gender_section, all_checks)  # beside the age tables they are about

# %% [markdown]
# *Checks.* {eval}`txt.gender_summary`

# %% tags=["hide-input", "hide-output"]
pers.check_table(gender_section, table_id="personnel-gender-checks", caption="Every check of gender and age")


# %% [markdown]
# **Part time as a rate.** The part-time table's shares of the part-time total mostly repeat that most
# staff are women. Divided instead by the permanent staff of the same gender and age (derived), part time
# is {eval}`txt.pt_women_rate` for women and {eval}`txt.pt_men_rate` for men, and follows different paths
# over the working life (the chart below).
#
# Whether part time is wanted, the report says it cannot tell: it does not know how many permanent
# part-time staff work involuntary part time (section «Ansatte i deltidsstillinger»), one of the things the law asks employers to map. Nor does
# it print how large the part-time positions are; it mentions only small weekend positions of
# {eval}`txt.weekend_min`–{eval}`txt.weekend_max` (section «Heltid»).

# %% mystnb={"figure": {"caption": "Part-time employees as % of the permanent employees of the same gender and age, December 2023 (derived); under 20 and over 70, where the tables disagree (finding above), count only in all ages.", "name": "fig-personnel-part-time-rate"}, "image": {"alt": "Grouped horizontal bars for the age groups 20\u201329 to 60\u201369 and all ages, one bar for women and one for men. Each bar is labelled with its rate. Men's part-time rate is highest in their twenties, falls in their forties and fifties and rises again in their sixties; women's is lowest in their thirties and highest in their sixties."}} tags=["hide-input"]
shown = rates.drop(index=["Under 20 år", "Over 70 år"]).iloc[::-1]
y = np.arange(len(shown))
fig, ax = plt.subplots(figsize=(7, 3.6))
# Gender in greys, women dark and men light (levels, neither good nor bad), with the key above the plot.
ax.barh(y + 0.2, shown["women_rate_pct"], height=0.4, color=style.LEVEL, label="Women")
ax.barh(y - 0.2, shown["men_rate_pct"], height=0.4, color=style.EARLIER, label="Men")
for i, (w, m) in enumerate(zip(shown["women_rate_pct"], shown["men_rate_pct"], strict=True)):
    ax.text(w + 0.5, i + 0.2, fmt(w, 0), va="center", fontsize=style.MIN_TEXT_PT)
    ax.text(m + 0.5, i - 0.2, fmt(m, 0), va="center", fontsize=style.MIN_TEXT_PT)
ax.set_yticks(y, [label.replace("Totalt", "All ages") for label in shown.index])
ax.set_xlabel("Part-time employees (% of permanent employees in the group)")
ax.set_ylabel("Age group (years)")
ax.grid(axis="y", visible=False)
DECADE = {"20-29": "twenties", "30-39": "thirties", "40-49": "forties", "50-59": "fifties", "60-69": "sixties"}
by_age = shown.drop(index="Totalt")
ax.set_title(f"Part time is commonest among men in their {DECADE[by_age['men_rate_pct'].idxmax()]} and women in "
             f"their {DECADE[by_age['women_rate_pct'].idxmax()]}")  # fmt: skip
style.legend_above(ax)
style.finish(fig, table="tables H11–H13")
plt.show()

# %% [markdown]
# ### Equality indicators
#
# The activity and reporting duty (*aktivitets- og redegjørelsesplikt*, *likestillings- og
# diskrimineringsloven* §§ 26 and 26 a) asks a public employer to account for gender balance, pay, part
# time (involuntary too), temporary employment and parental leave by gender (§ 26 a), and, for gender and
# the other protected grounds (ethnicity, religion, disability, sexual orientation and more), to work in
# four steps (§ 26): find the risks of discrimination, analyse their causes, take measures and assess the
# results.
#
# The report's equality section covers gender only (elsewhere it mentions Norwegian lessons for
# minority-language apprentices, in «Lærlinger og fagbrev på jobb»). It describes measures: the «Menn i helse» project and ten
# health recruits a year («Kjønnsbalansen totalt i virksomheten»), part-timers' rights to a larger position and to extra shifts
# («Ansatte i deltidsstillinger»), and the review of temporary hires («Midlertidig ansatte»). It lacks the other steps: a
# mapping of the risks, an analysis of their causes (beyond seniority, which it offers for some pay
# differences) and an assessment of the results.

# %% tags=["hide-input"]
indicators = pers.equality_indicators(get)
ind = indicators.set_index("indicator")
temp_gap = ind.loc["Temporary, of permanent + temporary", "women"] - ind.loc[
    "Temporary, of permanent + temporary", "men"]  # fmt: skip
gt("temp_cmp", "about as common among women as among men" if abs(temp_gap) < 1
   else f"more common among {'women' if temp_gap > 0 else 'men'}")  # fmt: skip
g("mgr_women", ind.loc["Share of managers", "women"], 0, "%")
g("staff_women_jobs", ind.loc["Share of all staff in the job-group table", "women"], 0, "%")
levels = pers.managers_by_level(get)
top_level = levels.iloc[0]
g("mgr_top_women", top_level["headcount_women"])
g("mgr_top_total", top_level["headcount_total"])
g("mgr_dept_women", levels.set_index("label").loc["Avdelingsleder", "women_share_pct"], 0, "%")
g("mgr_units_women", levels.set_index("label").loc["Virksomhetsleder", "women_share_pct"], 0, "%")
g("temp_young_share", pers.temporary_share_by_age(get).set_index("label").loc["20-29", "temporary_share_pct"], 0, "%")
g("parental_women", pers.prose_value(get, "parental_leave_women"))
g("parental_men", pers.prose_value(get, "parental_leave_men"))
g("parental_weeks_women", pers.prose_value(get, "parental_leave_avg_weeks_women"), 1, "weeks")
g("parental_weeks_men", pers.prose_value(get, "parental_leave_avg_weeks_men"), 1, "weeks")
g("parental_men_share", 100 * pers.prose_value(get, "parental_leave_men")
  / (pers.prose_value(get, "parental_leave_men") + pers.prose_value(get, "parental_leave_women")), 0, "%")  # fmt: skip
FATHERS_QUOTA_WEEKS = 15  # the father's quota at full pay (folketrygdloven § 14-12; 19 weeks at 80 %): law
g("quota", FATHERS_QUOTA_WEEKS, 0, "weeks")
styled(
    indicators,
    table_id="personnel-equality",
    columns={"indicator": "Indicator", "women": "Women (%)", "men": "Men (%)"},
    decimals={"women": 1, "men": 1},
    caption="Equality indicators by gender, derived from the counts of the gender and age tables (December 2023) "
    "and the undated job-group table; pay is in the next section",
)  # fmt: skip

# %% [markdown]
# **Temporary work.** Temporary employment is {eval}`txt.temp_cmp`, but only among those the temporary
# table counts: it leaves out hourly paid staff in 0 % positions (section «Midlertidig ansatte»), and does not say how many
# they are (the book suspects many, from the larger 2022 count; see *A break in the series* below).
# Temporary staff are younger: in their twenties they are {eval}`txt.temp_young_share` of all employees of
# that age.
#
# **Managers.** Women hold {eval}`txt.mgr_women` of the manager posts of the job-group table, against
# {eval}`txt.staff_women_jobs` of its staff: {eval}`txt.mgr_dept_women` of heads of departments,
# {eval}`txt.mgr_units_women` of heads of units, and {eval}`txt.mgr_top_women` of the
# {eval}`txt.mgr_top_total` in the chief executive's group. The report reads top management as evenly
# split (below its job-group table); it does not compare the managers' gender balance with the staff's.
#
# **Parental leave.** The report says {eval}`txt.parental_women` women and {eval}`txt.parental_men` men
# took parental leave in 2023 (section «Gjennomsnitt antall uker foreldrepermisjon for kvinner og menn»): men were {eval}`txt.parental_men_share` of those on leave, and
# took {eval}`txt.parental_weeks_men` on average against {eval}`txt.parental_weeks_women` for women. These
# are weeks taken in the calendar year, and a leave spreads over two years, the report notes, so they
# cannot be held against the father's quota of {eval}`txt.quota` at full pay (set by law, not in the
# report); nor does the report say how many fathers took their full quota.

# %% tags=["hide-input", "hide-output"]
styled(
    levels,
    table_id="personnel-managers",
    columns={"group_en": "Manager group", "label": "Printed as", "headcount_women": "Women", "headcount_men": "Men",
             "headcount_total": "All", "women_share_pct": "Women (%)"},
    decimals={"women_share_pct": 1},
    caption="Managers by level and gender (the undated job-group table; women's share derived)",
)  # fmt: skip

# %% [markdown]
# **A break in the series.** The 2022 report counted permanent and temporary staff together,
# {eval}`txt.emp_2022` employees with {eval}`txt.emp_2022_women` women (section «Kjønnsbalansen totalt i virksomheten»); the 2023 tables
# count {eval}`txt.emp_2023` with {eval}`txt.emp_2023_women` women. Against the {eval}`txt.head_2022`
# permanent staff, the 2022 figure implies about {eval}`txt.temp_2022_implied` temporary employees,
# against {eval}`txt.temp_head` in 2023 (without hourly paid staff). The populations differ (the 2022 one
# probably wider, the book infers), so neither the women's share, the number of employees nor temporary
# staff can be compared across the years; the text prints both shares without comparing them.

# %% [markdown]
# ## Pay
#
# Three tables describe pay and gender by *{term}`stillingsgruppe <Stillingsgruppe>`* (job group): the
# average annual pay of women, men and all, the same for the whole organisation, and the number of women
# and men in each group. The report does not say whether "årslønn" is pay for a full position or what
# people were actually paid.

# %% tags=["hide-input", "hide-output"]
pay = get(pers.PAY)
job_groups = get(pers.JOB_GROUPS)
ratio = pers.pay_gap(get)
styled(
    # The English in brackets after the printed label, in one column: two label columns beside five
    # columns of figures ran wider than the page's column.
    # A break allowed after each slash: "Fagarbeiderstilling/tilsvarende fagarbeiderstilling" is one word.
    ratio.assign(
        all_pay=pay["avg_pay_total"].to_numpy(),
        label=ratio["label"].str.replace("/", "/\u200b") + " (" + ratio["group_en"] + ")",
    )[
        ["label", "avg_pay_women", "avg_pay_men", "all_pay", "headcount_women", "headcount_men"]
    ],
    table_id="personnel-pay",
    columns={"label": "Stillingsgruppe as printed (job group)", "avg_pay_women": "Pay, women",
             "avg_pay_men": "Pay, men", "all_pay": "Pay, all", "headcount_women": "Staff, women",
             "headcount_men": "Staff, men"},
    caption="Average annual pay (NOK) and employees (head count) by job group (tables H14 and H16), in the "
    "printed order. "
    "«kapittel 4» and «kapittel 5» are read as chapters of KS's Hovedtariffavtale (the book's reading: the "
    "section names that agreement elsewhere but does not tie these chapters to it)",
)  # fmt: skip

# %% tags=["hide-input", "hide-output"]
ratio = ratio.assign(shortfall=(ratio["avg_pay_men"] - ratio["avg_pay_women"]) * ratio["headcount_women"])
lowest = ratio.sort_values("women_pct_of_men").iloc[0]
gt("pay_lowest_group", lowest["group_en"])
g("pay_lowest_ratio", lowest["women_pct_of_men"], 1, "%")
g("pay_lowest_size", lowest["headcount_women"] + lowest["headcount_men"])
group_size = ratio["headcount_women"] + ratio["headcount_men"]
larger_groups = int((group_size > lowest["headcount_women"] + lowest["headcount_men"]).sum())
g("pay_larger_groups", larger_groups)
g("pay_women_ahead", (ratio["women_pct_of_men"] > 100).sum())
shortfall = pers.pay_shortfall(get)
gaps = shortfall[shortfall["shortfall"] > 0]
gt("pay_shortfall_groups", ", ".join(gaps["group_en"].head(3).str.lower()))
g("pay_shortfall_top3", 100 * gaps["shortfall"].head(3).sum() / gaps["shortfall"].sum(), 0, "%")
g("pay_less_groups", len(gaps))
g("pay_more_groups", int((shortfall["shortfall"] < 0).sum()))
g("pay_gross_shortfall", gaps["shortfall"].sum() / 1e6, 1, "NOK million")
g("pay_offset", -shortfall.loc[shortfall["shortfall"] < 0, "shortfall"].sum() / 1e6, 1, "NOK million")
g("pay_net_shortfall", shortfall["shortfall"].sum() / 1e6, 1, "NOK million")
g("pay_weighted_groups", decomposition["weighted_groups"], 1, "%")
gt(
    "pay_groups_vs_headline",
    "lower than" if decomposition["weighted_groups"] < decomposition["headline"] else "not lower than",
)
g("pay_women_total", pay_total["avg_pay_women"], 0, "NOK")
g("pay_men_total", pay_total["avg_pay_men"], 0, "NOK")
g("pay_implied_men", 100 - pers.implied_women_share(pay_total["avg_pay_women"], pay_total["avg_pay_men"],
                                                    pay_total["avg_pay_all"]), 2, "%")  # fmt: skip
overall = get(pers.PAY_TOTAL)
styled(
    overall,
    table_id="personnel-pay-total",
    columns={"label": "Measure", "avg_pay_women": "Women (NOK)", "avg_pay_men": "Men (NOK)",
             "avg_pay_all": "All (NOK)"},
    caption="Average annual pay, whole organisation (table H15, Lønnsforskjell totalt i virksomheten)",
)  # fmt: skip

# %% [markdown]
# Over the whole organisation women's average pay is {eval}`txt.pay_headline` of men's
# ({eval}`txt.pay_women_total` against {eval}`txt.pay_men_total`). Women earn more than men on average in
# {eval}`txt.pay_women_ahead` of {eval}`txt.pay_groups` job groups. The lowest ratio,
# {eval}`txt.pay_lowest_ratio`, is in {eval}`txt.pay_lowest_group`, a group of
# {eval}`txt.pay_lowest_size` employees; {eval}`txt.pay_larger_groups` of the {eval}`txt.pay_groups`
# groups are larger. The report says there are no large differences within job groups and that some may
# be due to seniority (below the table «Lønnsforskjeller på ulike stillingsnivå/grupper»); it gives no other cause.
#
# Counting each group's gap in average årslønn for each woman in it (derived), the
# {eval}`txt.pay_less_groups` groups where women earn less add up to {eval}`txt.pay_gross_shortfall` and
# the {eval}`txt.pay_more_groups` where they earn more to {eval}`txt.pay_offset` the other way, a net
# {eval}`txt.pay_net_shortfall`: notional sums, not a shortfall in the payroll, since the report does not
# define årslønn and the group tables do not fit its organisation-wide averages (below). Of the sum where
# women earn less, {eval}`txt.pay_shortfall_top3` sits in three groups: {eval}`txt.pay_shortfall_groups`.

# %% mystnb={"figure": {"caption": "Women's average pay as % of men's by job group: the group's employees in brackets, a piece of its printed label in \u00ab\u00bb; \u201cpay agreement ch. 4/5\u201d reads \u00abkapittel 4/5\u00bb as chapters of KS's Hovedtariffavtale (the book's reading).", "name": "fig-personnel-pay"}, "image": {"alt": "Dot chart with one row per job group: the position of each dot is women's pay as a percentage of men's, the group's head count in its label. Most dots lie a few points either side of equal pay; the chief executive's small group is off the scale and marked by an arrow at the right edge with its ratio; the lowest ratio is the large group of higher academic education, with the small group of heads of service areas and staff units close behind. Three dotted lines, each named at its top, mark equal pay, the organisation-wide table's ratio and the book's pooled ratio of the job groups, the last two below equal pay; each dot is labelled with its ratio."}} tags=["hide-input"]
rows = ratio.iloc[::-1].reset_index(drop=True)
y = np.arange(len(rows))
size = (rows["headcount_women"] + rows["headcount_men"]).astype(float)
fig, ax = plt.subplots(figsize=(7, 8.4))
# Three reference levels, each a house reference line named where it ends: the lines rise to staggered
# heights over the rows, the rightmost highest, so each name runs left, above the shorter lines beside it
# and over the empty room above the row labels (left out of the layout, so the plot is not narrowed for it).
pooled, headline = decomposition["weighted_groups"], decomposition["headline"]
top = len(rows) - 0.5
REFERENCES = [(100, "Equal pay, 100 %"), (headline, f"Organisation-wide table, {fmt(headline, 1, '%')}"),
              (pooled, f"Job groups pooled (book's), {fmt(pooled, 1, '%')}")]  # fmt: skip
assert pooled < headline < 100  # the staggering below assumes this order
for k, (x, name) in enumerate(REFERENCES):
    end = top + 0.7 * (len(REFERENCES) - k)
    ax.plot([x, x], [-0.6, end], **style.REFERENCE_LINE)
    ax.text(
        x, end, name + " ", ha="right", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT, clip_on=False
    ).set_in_layout(False)
X_MAX = 112  # the chief executive's group of three lies far beyond: marked at the edge, not plotted to scale
inside = rows["women_pct_of_men"] <= X_MAX
# One marker size for every group: the head count stands in each label.
ax.scatter(rows.loc[inside, "women_pct_of_men"], y[inside], s=60, color=style.LEVEL, edgecolors=style.TEXT,
           linewidths=0.6, zorder=3)  # fmt: skip
# Each dot's value on the side away from equal pay, so the title's count can be read off the labels.
for i in np.flatnonzero(inside):
    v = rows["women_pct_of_men"].iloc[i]
    ax.annotate(fmt(v, 1), (v, y[i]), xytext=(-7 if v < 100 else 7, 0), textcoords="offset points",
                ha="right" if v < 100 else "left", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT,
                bbox=style.LABEL_BOX, zorder=2)  # fmt: skip
for i in np.flatnonzero(~inside):
    ax.scatter([X_MAX - 0.3], [y[i]], marker=">", s=40, color=style.LEVEL, zorder=3)
    ax.text(X_MAX - 0.9, y[i], f"{fmt(rows['women_pct_of_men'].iloc[i], 1)} →", ha="right", va="center",
            fontsize=style.MIN_TEXT_PT)  # fmt: skip
ax.set_xlim(88, X_MAX)
ax.set_xticks([90, 95, 100, 105, 110])
ax.set_ylim(-0.6, top + 0.7 * len(REFERENCES) + 0.4)
ax.grid(axis="x", visible=False)  # the grid drawn only under the rows
ax.vlines([v for v in ax.get_xticks() if 88 < v < X_MAX and v != 100], -0.6, top, color=plt.rcParams["grid.color"],
          lw=plt.rcParams["grid.linewidth"], zorder=0)  # fmt: skip
ax.set_yticks(y, [pers.job_group_chart_label(label, n) for label, n in zip(rows["label"], size, strict=True)])
ax.spines["left"].set_bounds(-0.6, top)
ax.set_xlabel("Women's average pay as % of men's")
ax.set_title(f"Women earn less than men on average in {fmt((rows['women_pct_of_men'] < 100).sum())} of "
             f"{fmt(len(rows))} job groups")  # fmt: skip
style.finish(fig, table="tables H14–H16")
plt.show()

# %% [markdown]
# **The gap on one population.** The report does not tie the organisation-wide table to the job-group
# tables, so the book splits the gap on the job-group tables alone, weighting each group's averages by its
# head counts (derived). Pooled this way, women earn {eval}`txt.pay_weighted_groups` of men's,
# {eval}`txt.pay_groups_vs_headline` the organisation-wide {eval}`txt.pay_headline`.

# %% tags=["hide-input"]
# The gap on one population: the job-group tables pooled by their head counts, and each gender priced at the
# other's group averages (all derived), beside the organisation-wide table as printed.
d = decomposition
pay_split = pd.DataFrame(
    [("Organisation-wide table, printed", pay_total["avg_pay_women"], pay_total["avg_pay_men"], d["headline"]),
     ("Job groups pooled", d["women_avg_groups"], d["men_avg_groups"], d["weighted_groups"]),
     ("Women at men's group pay", d["women_at_men_pay"], d["men_avg_groups"], d["mix_groups"]),
     ("Men at women's group pay", d["women_avg_groups"], d["men_at_women_pay"], d["mix_groups_w"])],
    columns=["basis", "women", "men", "ratio"],
)  # fmt: skip
above = (pay_split.loc[1, ["women", "men"]] > pay_split.loc[0, ["women", "men"]]).all()
gt("pay_pooled_side", "lie above" if above else "do not both lie above")
styled(pay_split, table_id="personnel-pay-split", decimals={"women": 0, "men": 0, "ratio": 1},
       columns={"basis": "Basis", "women": "Women (NOK)", "men": "Men (NOK)", "ratio": "Women ÷ men (%)"},
       caption="Average annual pay of women and men on four bases: the organisation-wide table as printed, "
       "and the book's calculations on the job-group tables")  # fmt: skip

# %% [markdown]
# Paid men's average in their own groups, women would earn {eval}`txt.pay_mix` of men's: that part of the
# gap comes from how women and men spread over the groups, men more often in the better-paid ones. What
# women actually earn is {eval}`txt.pay_within` of that, the gap within groups; the two parts multiply to
# the pooled ratio. Priced at women's group averages instead (the index-number problem), the parts are
# {eval}`txt.pay_mix_w` and {eval}`txt.pay_within_w`. {eval}`txt.pay_split_words`.
#
# **What the tables cannot show.** Job groups are bands of required education and of management level
# («stillingsnivå/grupper», as its tables' titles say). The law asks for a survey of women's and men's pay (§ 26) and gives
# a right to equal pay for work of equal value, judged on the competence the work requires, effort,
# responsibility and working conditions (§ 34 (3)); the report does not say how it drew its bands, and
# nothing printed shows whether each holds work of equal value.
#
# Nor do the tables fit together: the pooled averages {eval}`txt.pay_pooled_side` the organisation-wide
# ones, a group's average for all is the head-count-weighted mean of its women and men in only
# {eval}`txt.pay_exact_groups` of {eval}`txt.pay_groups` groups, and the organisation-wide averages imply a
# men's share of {eval}`txt.pay_implied_men`, the text's figure for the permanent staff (see the finding
# under *Gender, age and part time*). The report never says these tables cover the same people, so the
# book shows these comparisons as estimates, not as the report's errors.
#
# Whether "årslønn" is pay for a full position cannot be settled from the printed figures. Women work part
# time more often than men ({eval}`txt.pt_women_rate` against {eval}`txt.pt_men_rate`); if the averages
# were pay actually received, that alone would pull women's averages down, yet women earn more than men in
# {eval}`txt.pay_women_ahead` groups. The book infers that the averages are probably full-time or
# contractual pay; the report does not say.

# %% tags=["hide-input", "hide-output"]
pay_section = pd.concat(
    [
        checks.run("personnel", only=["job_group_counts", "pay_weighted"]),
        all_checks[all_checks["check_id"].str.startswith(f"{pers.JOB_GROUPS}.claim")],
    ],
    ignore_index=True,
)
gs("pay_summary", pay_section)
top_claim = pay_section.set_index("check_id").loc[f"{pers.JOB_GROUPS}.claim.top_management_balanced"]
gt("top_claim", ("holds" if top_claim["recomputed"] == 1 else "does not hold")
   + (" if «toppledelsen» means the two top job groups pooled, which the report does not say"
      if top_claim["status"] == "estimate" else ""))  # fmt: skip
pers.check_table(pay_section, table_id="personnel-pay-checks", caption="Every check of pay and job groups")

# %% [markdown]
# *Checks.* {eval}`txt.pay_summary` The job groups add up to the table's total, and the text's claim
# that top management is evenly split {eval}`txt.top_claim`.

# %% [markdown]
# ## What the text claims
#
# Besides figures, the text makes claims about trends and comparisons, each held against the tables:
# *holds* (the tables bear it out), *not borne out* (they contradict it) or *cannot be settled* (figures of
# different years, a tie within the printed precision, or a verdict resting on a reading the report does
# not state).

# %% tags=["hide-input", "hide-output"]
claims = all_checks[all_checks["unit"] == pers.CLAIM_UNIT]
basis = pers.claim_basis(get)
# A claim whose finding's verdict is 'unstated' (a reading the report does not state) or 'scope' (figures of
# different years or populations) is neither borne out nor contradicted.
unstated = {c for f in findings.load("personnel") if f.verdict in ("unstated", "scope") for c in f.checks}
verdict = np.select(
    [(claims["status"] == "estimate") | claims["check_id"].isin(unstated), claims["recomputed"] == 1],
    ["cannot be settled", "holds"],
    "not borne out",
)
shown = claims[~claims["check_id"].str.contains("within_permanent")].assign(
    verdict=verdict[~claims["check_id"].str.contains("within_permanent").to_numpy()],
    basis=lambda f: f["check_id"].map(basis).map(pers.en_dash, na_action="ignore"),
)
# The position sizes are printed with two decimals whose last is always 0: in effect rounded to a tenth.
sizes = full_time["avg_position_size_pct"].astype(float)
step = next(10.0**-d for d in range(4) if ((sizes * 10**d).round(6) % 1 == 0).all())
size_claim = shown["check_id"] == f"{pers.FULL_TIME}.claim.avg_position_size_rose"
shown.loc[size_claim, "basis"] += (f" (the last decimal is always 0, so a rise under "
                                   f"{fmt(step / 2, 2, 'percentage points')} would print as a tie)")  # fmt: skip
g("n_claims", len(shown))
CLAIM_SHORT = {  # the claims' subjects in a few words, for the sentence below the table
    "claim.avg_position_size_rose": "the average position size rose",
    "claim.rose_with_overtime": "breaches rose in step with overtime, which holds if it means 'along with' and not "
    "if it means 'at the same rate'",
    "pers_turnover_by_area.claim.above_sector": "turnover above the sector",
    "pers_sick_leave_by_quarter.claim.above_sector": "sick leave above the sector",
    "claim.top_management_balanced": "top management evenly split",
}


def claim_list(which):
    """The claims with a verdict, in a few words each."""
    ids = shown.loc[shown["verdict"] == which, "check_id"]
    words = [next((v for k, v in CLAIM_SHORT.items() if i.endswith(k)), i.split(".claim.")[-1]) for i in ids]
    return "; ".join(dict.fromkeys(words)) or "none"


n_not, n_open = (shown["verdict"] == "not borne out").sum(), (shown["verdict"] == "cannot be settled").sum()
gt("claims_sentence", (f"{fmt(n_not)} {'is' if n_not == 1 else 'are'} not borne out ({claim_list('not borne out')})"
                       if n_not else "the tables contradict none")
   + (f"; {fmt(n_open)} cannot be settled ({claim_list('cannot be settled')})" if n_open else ""))  # fmt: skip
styled(
    shown.assign(what=shown["what"].str.removeprefix("Text: ")),  # every claim is the text's: said once, above
    table_id="personnel-claims",
    columns={"what": "Claim of the text", "source_lines": "Lines", "verdict": "Verdict", "basis": "Printed figures"},
    caption="Claims of the running text held against the tables",
)  # fmt: skip

# %% [markdown]
# Of the {eval}`txt.n_claims` claims, {eval}`txt.claims_sentence`. The figures the text states are listed below the button, with whether a check uses them.

# %% tags=["hide-input", "hide-output"]
prose_figures = get(pers.PROSE)
# Every check once on the page: the sections' tables hold theirs, the last table of the chapter the rest.
in_sections = pd.concat([staff_section, flow_section, sick_section, overtime_section, gender_section, pay_section])
rest = all_checks[~all_checks["check_id"].isin(in_sections["check_id"])]
# Every check stands in its section's table: a table of all of them here would repeat 307 rows.
assert rest.empty, f"checks no section lists: {list(rest['check_id'])}"
used = {cid.split(".")[1] for cid in all_checks["check_id"] if cid.startswith(pers.PROSE)}
styled(
    prose_figures.assign(
        line=prose_figures["source_line"].astype(str),
        figure=prose_figures["label"].map(lambda k: pers.PROSE_FIGURE_EN.get(k, k.replace("_", " "))),
        value_text=[
            " ".join(filter(None, (pers.PROSE_QUALIFIERS.get(k), fmt(v, len(f"{v:g}".partition(".")[2])))))
            for k, v in zip(prose_figures["label"], prose_figures["value"], strict=True)
        ],
        checked=np.where(prose_figures["label"].isin(used), "yes", ""),
        unit=[
            pers.PROSE_UNIT_BY_FIGURE.get(k, pers.PROSE_UNITS.get(u, u))
            for k, u in zip(prose_figures["label"], prose_figures["unit"], strict=True)
        ],
    ),
    table_id="personnel-prose-figures",
    columns={"line": "Line", "figure": "Figure", "value_text": "Value", "unit": "Unit", "checked": "Checked"},
    caption="Figures stated in the running text (value as printed)",
)

# %% [markdown]
# ## All checks of the chapter
#
# {eval}`txt.n_checks` checks: {eval}`txt.n_exact` exact, {eval}`txt.n_rounding` within rounding,
# {eval}`txt.n_estimate` estimates (not graded). The {eval}`txt.n_discrepancy` discrepancies come down to
# {eval}`txt.n_findings` findings: {eval}`txt.n_error` errors, where the figures show which is
# wrong{eval}`txt.error_kinds`; {eval}`txt.other_verdicts`. The counts by table are behind the button below.
# Each check is listed once, in its own section's table of checks ("Every check of staff and positions"
# and the like), and the {doc}`audit` page lists every check of the book.

# %% tags=["hide-input", "hide-output"]
by_table = pers.by_table(all_checks)
by_table["table"] = by_table["table"].map(lambda t: pers.CHECK_TABLE_EN.get(t, t))  # the book's ids, in English
styled(by_table, table_id="personnel-checks-by-table",
       columns={"table": "Table", "exact": "Exact", "rounding": "Rounding", "estimate": "Estimate",
                "discrepancy": "Discrepancy", "total": "Total"}, caption="Checks by table and class")  # fmt: skip

# %% [markdown]
# ## Try it
#
# The checks take their tables from a *getter*, so they can be run on altered data without touching
# the CSV files.
#
# 1. Suppose the part-time table's men in their sixties were printed with the share their count gives.
#    The cell below changes that one figure in memory, runs the gender and age checks again and lists
#    every check that moves, with its class before and after.

# %% tags=["hide-input"]
GROUP, AGE, COLUMN = "permanent_part_time", "60-69", "men_pct"  # the printed share to set from its count
table = ages[ages["staff_group"] == GROUP].set_index("label")
count = table.loc[AGE, COLUMN.replace("_pct", "_count")]
from_counts = round(100 * count / table.loc["Totalt", "total_count"], 1)
corrected = checks.altered(pers.GENDER_AGE, COLUMN, from_counts, staff_group=GROUP, label=AGE)
before = checks.run("personnel", only=["gender_age_shares"])
after = checks.run("personnel", get=corrected, only=["gender_age_shares"])
moved = moved_checks(before, after)  # the class written before → after, as on the other chapters' Try it
units = set(moved["unit"])
diff_unit = "percentage points" if units <= {"%", "percent"} else "the check's unit"
tried = pers.check_table(moved, table_id="personnel-try-it",
                         caption="Checks that move when the printed share is set from its count (figures and class: "
                                 f"before → after; difference: printed − recomputed, in {diff_unit}, two decimals)")  # fmt: skip
# Each figure that moved written before → after, as the class is, so the value that changed the class shows.
was = check_figures(before.set_index("check_id").loc[moved["check_id"]].reset_index())
now = check_figures(moved)
# The difference at one precision, before and after (designer s12b: "+0.35 → −0.05" beside "−0.3 → +0.1").
was["Difference"] = [fmt(d, 2, sign=True) for d in before.set_index("check_id").loc[moved["check_id"], "difference"]]
now["Difference"] = [fmt(d, 2, sign=True) for d in moved["difference"]]
for column in was:
    tried.data[column] = [a if a == b else f"{a.strip()}\u00a0→\u00a0{b.strip()}"
                          for a, b in zip(was[column], now[column], strict=True)]  # fmt: skip
# The class may break at its arrow, so the figures written before → after keep the table in the column.
tried.set_table_styles([{"selector": "td.col4", "props": "white-space: normal;"}], overwrite=False)
display(tried)

# %% [markdown]
# The three checks the misprint broke pass: the share and the men's column against its total become
# exact, and the row's women and men against its total falls within rounding.
#
# 2. Now try the permanent-staff table: change the cell's first line to
#    `GROUP, AGE, COLUMN = "permanent", "50-59", "women_pct"` and run it. The women's share of the row
#    becomes exact, but the row's women and men, which matched its printed total before, no longer do:
#    the row's printed total does not follow from its count either, so that row holds more than one slip.
