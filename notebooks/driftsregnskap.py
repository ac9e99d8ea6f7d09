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
# # Driftsregnskapet: the operating account
#
# *Download* this chapter as a notebook with its outputs, {download}`driftsregnskap.ipynb <driftsregnskap.ipynb>`,
# or as a script, {download}`driftsregnskap.py <driftsregnskap.py>`;
# its tables are on the {doc}`data page <../book/data>`. A line cited ("line 2419") is a line of the report's
# plain-text extraction ({ref}`references-text`); the {doc}`data page <../book/data>` gives each table's
# section and printed title, to find it in the report's PDF. Amounts are in NOK million: the book's with
# one decimal, the report's as printed (in whole millions where it rounds so), marked as the report's where
# they could be taken for the book's.
#
# A Norwegian municipality keeps two accounts. The *{term}`Driftsregnskap`* (operating account) holds
# the year's running income and costs: taxes and grants on one side, schools, care and administration
# on the other. The *{term}`Investeringsregnskap`* (investment account) holds buildings, roads and
# lending.
#
# What the operating account leaves over, the *{term}`Netto driftsresultat`* (net operating result),
# pays for part of the investments and fills the reserves; a shortfall is met from the reserves.
# Drammen's own *{term}`Finansielle handlingsregler`* (financial rules of action), which the Local
# Government Act asks every municipality to set, aim for a surplus of a given share of income.
#
# This chapter covers the *{term}`Kommunekasse`* (the municipal treasury, the municipality without its
# enterprises). It tells the year first. The sections after that rebuild the report's tables and check
# their totals and the figures the text restates from them: the central income and costs, finance,
# dividends and the *{term}`Lånefond`* (loan fund), the *{term}`Programområde`* (programme areas), the
# *{term}`Årsoppgjørsdisposisjoner`* (year-end dispositions) and the *{term}`Disposisjonsfond`*
# (discretionary fund). The text's pension figures are checked in the pension chapter.

# %% tags=["remove-input"]
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from matplotlib.patches import Patch

from aarsevaluering import areas, checks, findings, style
from aarsevaluering.checks import from_disk as get
from aarsevaluering.data import catalogue
from aarsevaluering.fmt import fmt, fmt_aligned, fmt_million, rounding_gap, unit_name
from aarsevaluering.identities import driftsregnskap as dr
from aarsevaluering.identities import pensjon as pj
from aarsevaluering.prose import Figures
from aarsevaluering.tables import checks_table, styled

style.use_book_style()


def g(key, text):
    """Keep a pre-formatted text for the chapter's prose, shown there as {eval}`txt.<key>`."""
    txt[key] = text


def mill(thousands, decimals=1):
    """An amount in NOK thousand written in NOK million, without sign (the prose says which way)."""
    return fmt_million(abs(thousands), decimals)


def mill_small(thousands):
    """Like ``mill``, but an amount that rounds to zero in NOK million is said to be less than 0.1."""
    return f"less than {fmt(0.1, 1, 'NOK million')}" if abs(thousands) < 50 else mill(thousands)


def row(frame, label, column):
    return checks.value(frame, column, label=label)


def pm(label):
    """A figure of the report's sentences (drift_prose_figures), as printed."""
    prose = get(dr.PROSE)
    return float(prose.loc[prose["label"] == label, "value"].iloc[0])


def show_section(name):
    """Keep a section's one-line count for the prose and return its checks (the findings boxes follow)."""
    part = dr.section(all_checks, *dr.SECTION_TABLES[name]) if name != "brief" else dr.unsectioned(all_checks)
    g(f"{name}_summary", findings.summary_line(part))
    counted[name] = len(part)  # the sections' counts add up to every check (asserted at the end)
    return part


def aligned(table, *columns):
    """Keep the padding of figures written at different precisions (fmt_aligned) in ``columns``: a
    right-aligned cell otherwise lets its trailing figure spaces hang, and the digits do not line up."""
    return table.set_properties(subset=list(columns), **{"white-space": "pre"})


def value_label(ax, value, y, text, x=None):
    """A bar's value just past its far end, on its own side of zero (left of a negative bar), or at ``x``."""
    ahead = value >= 0
    return ax.annotate(text, (value if x is None else x, y), xytext=(4 if ahead else -4, 0),
                       textcoords="offset points", ha="left" if ahead else "right", va="center",
                       fontsize=style.MIN_TEXT_PT, color=style.TEXT, bbox=style.LABEL_BOX)  # fmt: skip


# %% [markdown]
# ## The year in brief

# %% mystnb={"figure": {"caption": "The net operating result from the original budget through the four-month revisions to the revised budget and the accounts, NOK million (surplus positive).", "name": "fig-driftsregnskap-budget-path"}, "image": {"alt": "Horizontal waterfall chart, read from the top: a grey bar for the original budget's surplus, a vermilion step down for the four-month revisions to a small deficit in the revised budget, a blue step up for the year, and a grey bar for the accounts' surplus, which lies between the revised and the original budget. A key above names the colours."}} tags=["hide-input"]
txt = Figures()  # every figure the prose prints, shown there as {eval}`txt.<name>`
counted = {}  # each section's number of checks
# What the colours of a chart mean, named the same way on every chart's key in the chapter.
LEVEL_KEY = ("level", {"color": style.LEVEL})
# Two rules for a chart of changes, each said on its chart's key. A change in NOK within the year's income
# (central income, Fig. 1.3) is coloured by its own effect on the finances: more income blue, less vermilion.
# A growth rate from 2022 (the programme areas' growth, income against cost) is coloured against the
# wage-growth estimate, the dotted line: a cost that grew faster, or an income that grew slower, vermilion;
# the reverse blue (fact-check s12: a nominal rise of 2.1 % in a year of 5.4 % wage growth does not help).
# Short, one entry a row: a key wider than the plotting area narrows it (the layout fits the key in the figure).
HELPS_KEY = ("more income than in 2022: helps", {"color": style.FAVOURABLE})
HURTS_KEY = ("less income: hurts", {"color": style.UNFAVOURABLE})
WAGE_HURTS_KEY = ("income slower or cost faster: hurts", {"color": style.UNFAVOURABLE})
WAGE_HELPS_KEY = ("income faster or cost slower: helps", {"color": style.FAVOURABLE})
CH = dr.CHAPTER
all_checks = checks.run(CH)  # every check of the chapter
# The figures the findings quote: the chapter's checks and the investment chapter's (two findings here
# quote its check of the budgeted transfer to investment).
quoted = pd.concat([all_checks, checks.run("investeringsregnskap")], ignore_index=True)
d01, d02, d03, d05, d06, d07, d08, d09 = (
    get(t) for t in (dr.D01, dr.D02, dr.D03, dr.D05, dr.D06, dr.D07, dr.D08, dr.D09)
)
prog = get(dr.PROGRAMMES)
result = dr.result_vs_target(get)
revised, original = (dr.net_operating_surplus(get, c) for c in ("revised_budget_2023", "original_budget_2023"))
for key, amount in (("surplus", result["net_operating_surplus"]), ("revised_deficit", revised),
                    ("original_surplus", original), ("improvement", result["net_operating_surplus"] - revised),
                    ("required", result["required_surplus"]), ("shortfall", result["shortfall"])):  # fmt: skip
    g(key, mill(amount))
g("original_surplus_text", fmt(pm("original_budget_net_operating_result"), 1, "NOK million"))
g("resultatgrad", fmt(result["resultatgrad_pct"], 2, "percent"))
g("resultatgrad_1", fmt(result["resultatgrad_pct"], 1, "percent"))
g("target", fmt(result["target_pct"], 2, "percent"))
g("gross_income", mill(result["gross_operating_income"]))  # inferred from the fund's general reserve (D09)
g("reserve_pct", fmt(dr.GENERAL_RESERVE_PCT, 0, "percent"))
g("interest_pct", fmt(dr.INTEREST_RESERVE_PCT, 0, "percent"))
# The revisions in D08 (NOK million): a use is printed negative and a provision positive, so their sum is
# the net draw on a fund.
revision = dr.budget_path(get).set_index("disposition")["revision"]
g("revision_transfer", mill(1000 * revision[dr.TO_INVESTMENT]))
strengthened = [pm("programme_frames_strengthened_first_tertial"), pm("programme_frames_strengthened_second_tertial")]
g("strengthened_t1", fmt(strengthened[0], 0, "NOK million"))
g("strengthened_t2", fmt(strengthened[1], 0, "NOK million"))
g("strengthened_total", fmt(sum(strengthened), 0, "NOK million"))
t1_draw = -checks.value(d09, "value_2023", label="1. tertial 2023 - netto bruk")
t2_cut = checks.value(d09, "value_2023", label="2. tertial 2023 - redusert bruk saldering")
g("t_net_draw", mill(t1_draw - t2_cut))
g("t1_draw", mill(t1_draw))
g("t2_cut", mill(t2_cut))
g("tax_raised", fmt(pm("tax_estimate_raised_in_four_month_reports"), 1, "NOK million"))
# The squeeze the year is about, in brief (its section: Income against cost): free income and the programme
# areas' net cost from 2022 to 2023, the book's growth rates from D02 and D01 (and D08 for the cost without
# the restricted-fund provisions, the book's estimate), against the wage growth the report estimates.
growth_pct = dr.free_income_vs_cost(get).set_index("item")["change_pct"]
fi_pct, cost_pct = growth_pct["Free income (tax + block grant)"], growth_pct["Programme areas' net cost"]
spent_pct = growth_pct[dr.NET_COST_SPENT]
wage_pct = pm("wage_growth_estimate_2023_pct")


def moved(pct):
    return f"{'rose' if pct >= 0 else 'fell'} by {fmt(abs(pct), 1, 'percent')}"


g("brief_fi_growth", moved(fi_pct))
g("brief_cost_growth", moved(cost_pct))
g("brief_wage", fmt(wage_pct, 1, "percent"))
g("brief_wage_first", fmt(pj.prose(get, "wage_growth_estimate_budget_2023"), 1, "percent"))
g("brief_spent", fmt(spent_pct, 1, "percent"))
g(
    "brief_squeeze",
    "free income fell behind both"
    if fi_pct < min(cost_pct, spent_pct, wage_pct)
    else ("free income fell behind the cost" if fi_pct < min(cost_pct, spent_pct) else "free income kept pace"),
)
causes = dr.report_causes(get)
g("causes_sum", fmt(causes["printed"].sum(), 1, "NOK million"))
g("improvement_text", fmt(pm("improvement_on_revised_budget"), 1, "NOK million"))
g("largest_cause", causes.loc[causes["printed"].idxmax(), "cause"].lower())
assert (
    len(causes) == 5
    and (causes["printed"] < 0).sum() == 1
    and causes.loc[causes["printed"].idxmin(), "cause"].startswith("Dividends")
)

# The brief's other figures: 2022, the reserves.
surplus_2022 = dr.net_operating_surplus(get, "actual_2022")
g("surplus_2022", mill(surplus_2022))
g("withdrawal_2022", fmt(pm("extraordinary_owner_withdrawal_2022"), 0, "NOK million"))
tax = "Skatt på inntekt og formue"
g("tax_fall_2022", mill(row(d02, tax, "actual_2023") - row(d02, tax, "actual_2022")))
enterprises = "Overføring fra kommunale foretak"
g("enterprises_2022", mill(row(d02, enterprises, "actual_2022")))
g("enterprises_2023", mill(row(d02, enterprises, "actual_2023")))
opening = checks.value(d09, "value_2023", label="Saldo disposisjonsfond per 1.1.")
closing = checks.value(d09, "value_2023", label="Saldo disposisjonsfond per 31.12 *")
g("fund_open", mill(opening))
g("fund_close", mill(closing))
g("fund_fall", mill(closing - opening))
g("fund_margin", mill(checks.value(d09, "value_2023", row_kind="margin")))
fall = dr.fund_fall_split(get)
g("transfer_2023", mill(fall["transfer"]))
g("transfer_rest", mill(fall["transfer_rest"]))
g("fall_bound", mill(fall["bound_net"]))
runway = dr.fund_runway(get)
g(
    "fund_runway",
    "less than its fall in 2023: on the book's arithmetic, another year like it would take the fund below "
    "the requirement (the report makes no forecast)"
    if runway["years"] < 1
    else f"about {fmt(runway['years'], 1)} times the year's net draw on the fund, {mill(runway['net_draw'])}",
)

fig, ax = style.figure(height=3.3)
ax.use_sticky_edges = False  # a margin left of the deficit's bar, which otherwise ends on the axis's edge
ax.margins(x=0.08)
style.waterfall(
    ax,
    [("Original budget", original / 1000, "total"), ("Four-month revisions", (revised - original) / 1000),
     ("Revised budget", None, "total"),
     ("Outturn against\nthe revised budget", (result["net_operating_surplus"] - revised) / 1000),
     ("Accounts", None, "total")],
)  # fmt: skip
ax.set_xlabel("Net operating result (NOK million, + = surplus)")
took, won = original - revised, result["net_operating_surplus"] - revised  # the revisions' cut, the year's gain
share = "all" if won >= took else ("most" if won > took / 2 else "less than half")
ax.set_title(f"The year won back {share} of what the four-month revisions took from the planned result")
style.key_above(ax, [LEVEL_KEY, ("raises the result", {"color": style.FAVOURABLE}),
               ("lowers it", {"color": style.UNFAVOURABLE})])  # fmt: skip
# Each figure is rounded on its own (as under Fig. 1.7), so the rounded steps need not add up as drawn.
surplus = result["net_operating_surplus"]
revision_gap = rounding_gap([original / 1000, (revised - original) / 1000], revised / 1000)
year_gap = rounding_gap([revised / 1000, (surplus - revised) / 1000], surplus / 1000)
g(
    "path_rounding",
    f"Each figure in the chart is rounded on its own, so the original budget's {fmt(original / 1000, 1)} and "
    f"the revisions' {fmt((revised - original) / 1000, 1, sign=True)} add up to {fmt(revision_gap[0], 1)}, not "
    f"the revised budget's {fmt(revision_gap[1], 1)} (NOK million)."
    if revision_gap
    else f"Each figure in the chart is rounded on its own, so the revised budget's {fmt(revised / 1000, 1)} and "
    f"the year's {fmt((surplus - revised) / 1000, 1, sign=True)} add up to {fmt(year_gap[0], 1)}, not the "
    f"accounts' {fmt(year_gap[1], 1)} (NOK million)."
    if year_gap
    else "Each figure in the chart is rounded on its own; the steps still add up as drawn.",
)
style.finish(fig, table="table D08")
plt.show()

# %% [markdown]
# {eval}`txt.path_rounding`

# %% [markdown]
# The treasury closed 2023 with a net operating surplus of {eval}`txt.surplus`. As a share of
# *{term}`Brutto driftsinntekter`* (gross operating income, which the report does not print; the book
# infers it below), that is a *{term}`Resultatgrad`* of {eval}`txt.resultatgrad` (the report rounds it to
# {eval}`txt.resultatgrad_1`). The rules' target of {eval}`txt.target` would have taken a surplus of
# {eval}`txt.required`, {eval}`txt.shortfall` more.
#
# **The squeeze.** From 2022, free income (tax and block grant) {eval}`txt.brief_fi_growth` and the
# programme areas' net cost {eval}`txt.brief_cost_growth` ({eval}`txt.brief_spent` without the swing in
# their restricted-fund movements, the book's estimate), against wage growth of {eval}`txt.brief_wage`, the estimate the
# first four-month report raised from {eval}`txt.brief_wage_first` (line 2419). So {eval}`txt.brief_squeeze`,
# measured from a 2022 whose tax income the report calls extraordinarily high (line 2211; the book's growth
# rates, {ref}`driftsregnskap-income-cost`).
#
# **How the budget got there.** The original budget planned a surplus of {eval}`txt.original_surplus`
# (the text says {eval}`txt.original_surplus_text`; see the finding below). The two
# *{term}`Tertialrapport`* (four-month report) revisions turned it into a deficit of
# {eval}`txt.revised_deficit` in the *{term}`Revidert budsjett`* (revised budget):
#
# - **Frames.** The summary says the revisions strengthened the programme areas' frames by
#   {eval}`txt.strengthened_total` in all ({eval}`txt.strengthened_t1` and {eval}`txt.strengthened_t2`),
#   paid for from the discretionary fund. The fund's table (D09) prints each report's net movement, on the
#   book's reading after the revisions' other items too (the first row says net, and the net is less than the
#   strengthening): a draw of {eval}`txt.t1_draw` in the first and {eval}`txt.t2_cut` given
#   back in the second, {eval}`txt.t_net_draw` net.
# - **Income.** One of those other items, as the book reads it: the revisions raised the tax estimate by {eval}`txt.tax_raised`.
#   The tables of the programme areas, central income, central costs and finance (D01–D03, D05) print no
#   original-budget column, so no full bridge between the two budgets can be built.
# - **Financing.** In the year-end dispositions (D08) the revised budget draws more on the discretionary
#   fund and on the *{term}`Bundne driftsfond`* (restricted operating funds, earmarked money) than the
#   original, and raises the transfer to investment by {eval}`txt.revision_transfer`.
#
# The year then came out {eval}`txt.improvement` better than the revised budget, but still below the
# original budget, as the report says.
#
# **Why the year came out better.** The report names five items: four gains, the largest the
# {eval}`txt.largest_cause`, and one shortfall, in dividends; it calls them largely one-off. As printed
# they add up to {eval}`txt.causes_sum` against the {eval}`txt.improvement_text` it states, so its own
# account closes; {ref}`driftsregnskap-bridge` sets each beside the tables.
#
# **What the result is made of.** How much of the surplus was free to use is the question of
# {ref}`driftsregnskap-result-quality` below.
#
# **Against 2022.** The surplus of 2022 was {eval}`txt.surplus_2022`. The report gives two reasons it stood
# so high: very large extraordinary tax income, and an extraordinary withdrawal of
# {eval}`txt.withdrawal_2022` from the municipal enterprise Drammen Eiendom KF. The central-income table
# agrees with both: tax fell by {eval}`txt.tax_fall_2022` in 2023, and the transfer from the municipal
# enterprises fell from {eval}`txt.enterprises_2022` to {eval}`txt.enterprises_2023`.
#
# **The reserves.** The surplus was too small to pay for the transfer to the investment account the budget
# set, {eval}`txt.transfer_2023` in the accounts (D08). The discretionary fund fell by {eval}`txt.fund_fall`,
# from {eval}`txt.fund_open` to {eval}`txt.fund_close`: {eval}`txt.transfer_rest` of that paid the rest of
# the transfer, and {eval}`txt.fall_bound` matched the net provisions to restricted funds. The fund is still
# {eval}`txt.fund_margin` above the reserve the financial rules require, {eval}`txt.fund_runway`.
#
# (driftsregnskap-result-quality)=
# ## The quality of the result
#
# How much of the surplus of {eval}`txt.surplus` was the municipality's to use freely? The chart takes out,
# one at a time and together, the items booked in 2023 that later years pay for or that are tied to a
# purpose; the list under it explains each.

# %% mystnb={"figure": {"caption": "The net operating result as a share of gross operating income (%), as booked and without items later years pay for or that are tied to a purpose; every share is the book's, of the gross operating income it infers.", "name": "fig-driftsregnskap-result-quality"}, "image": {"alt": "Horizontal bars of the net operating result as a share of gross operating income. As booked it is positive but well short of the dotted target line; without the net provisions to restricted funds (a NOK figure the report prints) it is smaller; without the net premium deviation, without it and the premium fund's use, and without both items, it is clearly negative; without the extra dividend and without the foreword's extra state income it is just below zero."}} tags=["hide-input"]
quality = dr.result_quality(get)
net_premium = pj.net_premium_deviation(get)
g("net_premium", mill(net_premium))
g("premium_vs_surplus", "larger than" if net_premium > result["net_operating_surplus"] else "smaller than")
g("premium_deviation", mill(pj.central(get, pj.DEVIATION)))
g("amortisation", mill(pj.central(get, pj.AMORTISATION)))
g("premium_fund_use", mill(pj.central(get, pj.PREMIUM_FUND)))
g("bound_net", mill(dr.bound_funds_net(get)))
g("bound_add", mill(row(d08, dr.BOUND_ADD, "actual_2023")))
g("bound_use", mill(row(d08, dr.BOUND_USE, "actual_2023")))
g("report_without_bound", fmt(pm("net_operating_result_excl_bound_fund_provisions"), 1, "NOK million"))
g("state_extra", fmt(pm("state_extra_income_for_2024_costs"), 0, "NOK million"))
reach = int((quality["pct_of_income"] >= dr.TARGET_RESULTATGRAD_PCT).sum())
fig, ax = style.figure(height=4.9)
bars = ax.barh(range(len(quality)), quality["pct_of_income"], height=0.6, color=style.LEVEL)
for bar, reported in zip(bars, quality["reported"], strict=True):
    if not reported:  # the book's own figure: hatched and unfilled
        bar.set(**style.estimate_style())
ax.set_yticks(range(len(quality)), quality["measure"].map(dr.QUALITY_NAMES))
ax.axvline(dr.TARGET_RESULTATGRAD_PCT, **style.REFERENCE_LINE)
ax.axvline(0, color=style.TEXT, linewidth=0.8)
# Each label at the table's precision just past its bar's far end, on the bar's own side of zero (as on every
# other chart), drawn over the dotted target line where it reaches it (its white box breaks the line), so it
# stays with its bar.
# Every label at its own bar's end (designer s12b: labels parked right of the target line read as the target's).
labels = [value_label(ax, p, i, fmt(p, 2, "%")) for i, p in enumerate(quality["pct_of_income"])]
for label in labels:
    label.set_zorder(5)
style.keep_inside(ax, labels, horizontal=True)
low, high = ax.get_xlim()
ax.set_xlim(low - 0.08 * (high - low), high)  # room between the longest negative bar's label and the axis
ax.set_ylim(len(quality) + 0.1, -0.6)  # room under the last bar for the target's label
ax.annotate(f"Target {fmt(dr.TARGET_RESULTATGRAD_PCT, 2, '%')}", (dr.TARGET_RESULTATGRAD_PCT, len(quality) - 0.25),
            xytext=(3, 0), textcoords="offset points", ha="left", va="center", fontsize=style.MIN_TEXT_PT,
            color=style.TEXT)  # fmt: skip
ax.set_xlabel("% of gross operating income (+ = surplus)")
ax.set_title(
    f"No measure reaches the {fmt(dr.TARGET_RESULTATGRAD_PCT, 2, '%')} target"
    if reach == 0
    else f"{reach} of {len(quality)} measures reach the {fmt(dr.TARGET_RESULTATGRAD_PCT, 2, '%')} target"
)
# Every share is the book's (of the income it infers); what differs is the result in NOK it divides.
style.key_above(ax, [("solid: NOK result as printed", {"color": style.LEVEL}),
                     ("hatched: NOK result the book estimates", style.estimate_style(style.TEXT))])  # fmt: skip
ax.grid(axis="y", visible=False)
# Ticks and the axis line over the bars' range only (every 2 %), so the room the labels take left of the
# longest bar does not read as an empty stretch of axis.
ticks = np.arange(2 * int(quality["pct_of_income"].min() / 2), 2 * np.ceil(dr.TARGET_RESULTATGRAD_PCT / 2) + 1, 2)
ax.set_xticks(ticks)
ax.spines["bottom"].set_bounds(min(quality["pct_of_income"].min(), ticks[0]), ticks[-1])
style.finish(fig, table="tables D04, D08 and D09 and the report's text")
plt.show()

# %% [markdown]
# - **The net premium deviation.** The accounts charge pensions not at the premium paid but at a calculated
#   cost; the difference, the *{term}`Premieavvik`* (premium deviation), is credited to the year and charged
#   back in later years (see the {doc}`pension chapter <pensjon>`). In 2023 the deviation credited,
#   {eval}`txt.premium_deviation`, far exceeded the {eval}`txt.amortisation` of earlier deviations charged:
#   a net {eval}`txt.net_premium` (table D04), {eval}`txt.premium_vs_surplus` the whole surplus. The
#   premiums were paid; their cost falls on the years to come, and the report prints neither the stock of
#   deviations still to be charged nor their yearly sizes ({ref}`pensjon-forward`).
# - **The premium-fund use.** The {eval}`txt.premium_fund_use` taken from the pension funds' premium funds,
#   raised in the first four-month report, is a further draw on reserves: it lowered the premium paid and
#   the deviation, not the booked cost, so it lifts the measure with pensions at the premium paid. The
#   report prints no earlier year's use and no fund balance, so whether it recurs is open.
# - **The net provisions to restricted funds.** The treasury set {eval}`txt.bound_add` aside in restricted operating
#   funds, mostly unused earmarked grants and project money of the programme areas, and used
#   {eval}`txt.bound_use` from them (D08): a net {eval}`txt.bound_net` added to money tied to a purpose, not
#   free to use. The report itself gives the result without it, {eval}`txt.report_without_bound`, as
#   several municipalities do to measure their room for manoeuvre.
# - **The extra state income.** The foreword says the result includes {eval}`txt.state_extra` of extra state
#   income meant for costs that come in 2024, and would have been negative without it. The report does not
#   say how that money overlaps the provisions to restricted funds, so the book sets it beside the other
#   measures, not on top of them.
# - **The extra dividend**, below.

# %% tags=["hide-input", "hide-output"]
# Each measure by its name in the chart, and whose figure it is: the NOK figure the report's or the book's estimate.
quality_view = quality.assign(
    measure=lambda f: f["measure"].map(dr.QUALITY_NAMES).str.replace("\n", " "),
    whose=lambda f: np.where(f["reported"], "report", "book's estimate"),
    nok_million=lambda f: f["nok_thousand"] / 1000,
    to_target_million=lambda f: f["to_target"] / 1000,
)  # fmt: skip
display(
    styled(quality_view, table_id="drift-result-quality",
           columns={"measure": "Net operating result", "whose": "NOK figure", "nok_million": "NOK million",
                    "pct_of_income": "% of gross operating income", "to_target_million": "Short of the target, NOK million"},
           decimals={"nok_million": 1, "pct_of_income": 2, "to_target_million": 1},
           caption="The quality of the result: the chart's measures in NOK million and % (every share the "
           "book's, of the gross operating income inferred from D09)")
)  # fmt: skip
by_measure = quality.set_index("measure")
both, no_dividend = by_measure.loc["Without both"], by_measure.loc["Without the extra dividend"]
g("quality_reach", "None of the measures reaches" if reach == 0 else f"{reach} of the measures reach")
g("quality_both", fmt_million(both["nok_thousand"]))
g("quality_both_pct", fmt(both["pct_of_income"], 2, "%"))
g("quality_both_to_target", mill(both["to_target"]))
g("quality_no_dividend", fmt_million(no_dividend["nok_thousand"]))
g("quality_no_dividend_pct", fmt(no_dividend["pct_of_income"], 2, "%"))
g("quality_no_dividend_premium", fmt_million(no_dividend["nok_thousand"] - net_premium))
# The extraordinary dividend: the report's two sizes, and what its tables say of the larger.
inv_prose = get("inv_prose_figures")
dividend_178 = checks.value(inv_prose, "value", label="extraordinary_dividends_budgeted_for_self_financing")
nedre_eiker_budget = abs(row(d07, dr.NEDRE_EIKER, "revised_budget_2023"))
g("dividend_budget", fmt(pm("extraordinary_dividend_budget"), 0, "NOK million"))
g("dividend_178", fmt(dividend_178, 0, "NOK million"))
g("dividend_178_less", fmt(dividend_178 - nedre_eiker_budget / 1000, 1, "NOK million"))
tp = dr.transfer_path(get)
g("nedre_eiker_adopted", mill(tp["nedre_eiker_adopted"]) if tp["nedre_eiker_adopted"] else "nothing")
g("transfer_raised", mill(tp["raised_at_revision"]))
g("transfer_cut", mill(tp["cut_in_accounts"]))
g("dividends_raised", mill(tp["dividends_raised"]))
g(
    "dividends_others",
    f"{mill(tp['dividends_others'])} {'more' if tp['dividends_others'] > 0 else 'less'} from the others",
)
brief_checks = show_section("brief")  # the checks no later section counts: the claims about the year
# The chapter's largest finding, named in the brief with a link to its box in the loan fund's section.
chapter_findings = findings.table(quoted, findings.load(CH))  # money findings first, largest first
largest = chapter_findings.iloc[0]
assert largest["finding_id"] == "drift-loan-fund-interest-budget", "the brief names the loan fund's finding"
g("largest_title", largest["title"][0].lower() + largest["title"][1:])

# %% [markdown]
# {eval}`txt.quality_reach` the target (how far each falls short is in the table behind the toggle
# above). Without both the net premium deviation and the net provisions to restricted funds, the result is
# {eval}`txt.quality_both` ({eval}`txt.quality_both_pct`), {eval}`txt.quality_both_to_target` short of it.
#
# On the book's reading, the year's income did not cover the year's costs once pensions are charged at what
# was paid: the surplus rests on pension cost passed to later years, and part of what is left is earmarked
# money set aside.
#
# **The extra dividend.** One more item is one-off: the extraordinary dividend, which the original budget
# meant for the financing of investments and which went there with the transfer to investment. The report
# gives it two sizes (the table below): {eval}`txt.dividend_budget` in the summary and again under
# *Økonomisk resultat*, booked at that too, and
# {eval}`txt.dividend_178` in the section on the transfer to investment, where with the financial rule's
# amount it makes up the original budget's transfer.
#
# That section says the larger included the payout of Nedre Eiker Eiendomsutvikling AS, booked as a sale
# of shares instead; less the payout it would be {eval}`txt.dividend_178_less`, close to the smaller. The
# dividend section and the tables say otherwise: the original budget has {eval}`txt.nedre_eiker_adopted`
# for the company; the payout first appears in the revised budget, which raised the transfer to investment
# by {eval}`txt.transfer_raised`, about the payout, and the dividends by {eval}`txt.dividends_raised`: the
# payout and a net {eval}`txt.dividends_others` (D07). The accounts cut the transfer again, by {eval}`txt.transfer_cut`.

# %% tags=["hide-input"]
# The two sizes beside the tables. The text's figures keep the precision the report prints them at (130, 178
# and 250 in whole millions); the tables' are the book's, converted from NOK thousand to one decimal; the
# caption says so. The prose's "about the payout": the transfer's rise and cut are within NOK 2 million of it.
sizes = dr.dividend_sizes(get)
assert (
    abs(tp["raised_at_revision"] - tp["nedre_eiker_revised"])
    < 2000
    > abs(tp["cut_in_accounts"] - tp["nedre_eiker_revised"])
)
size_columns = ("original", "revised", "actual")
whole = sorted({fmt(sizes.loc[i, c], 0) for c in size_columns for i in sizes.index
                if sizes.loc[i, f"decimals_{c}"] == 0 and pd.notna(sizes.loc[i, c])}, key=float)  # fmt: skip
whole_text = ", ".join(whole[:-1]) + f" and {whole[-1]}" if len(whole) > 1 else "".join(whole)
display(
    aligned(
        styled(
            sizes.assign(**{c: fmt_aligned(list(zip(sizes[c], sizes[f"decimals_{c}"], strict=True))) for c in size_columns}),
            table_id="drift-dividend-sizes",
            columns={"figure": "Figure", "where": "Where printed", "original": "Original budget", "revised": "Revised budget", "actual": "Accounts"},
            caption="The extraordinary dividend's two sizes and what the tables show",
            unit="NOK million",
        ),
        "Original budget", "Revised budget", "Accounts",
    )
)  # fmt: skip
g(
    "sizes_note",
    f"The text's figures keep the report's precision ({whole_text} "
    f"{'are' if len(whole) > 1 else 'is'} printed in whole millions); the rows of tables D07 and D08 are the "
    "book's conversion from NOK thousand, to one decimal.",
)

# %% [markdown]
# *Note to the table.* {eval}`txt.sizes_note`
#
# Which figure the original budget held, the book cannot tell (the finding below). For the 2023 result only
# the booked figure matters: without it the result is {eval}`txt.quality_no_dividend`
# ({eval}`txt.quality_no_dividend_pct`), and without the net premium deviation as well
# {eval}`txt.quality_no_dividend_premium`. Because the dividend paid for investment, as planned, the book
# leaves it in the other measures.

# %% tags=["hide-input"]
findings.show(brief_checks, quoted)

# %% [markdown]
# *Checks.* {eval}`txt.brief_summary` This check belongs to no later section: the summary's extraordinary
# dividend against the original budget's transfer to investment less the financial rule's amount.

# %% [markdown]
# **The chapter's largest finding** is in a budget column, not the result: {eval}`txt.largest_title`
# (<a href="#finding-drift-loan-fund-interest-budget">the finding's box</a>). It is a typing error in one
# cell; the table's total and deviation were computed from the right figure.
#
# The sections below rebuild the tables behind these statements. The report's tables print income negative
# and cost positive, in NOK thousand (*Beløp i 1000*; the loan fund's account in whole kroner). Each of
# the report's tables the book rebuilds, and each section's checks, is behind a toggle named for it, and a
# section's findings follow its text.
# The list of the chapter's tables is behind the toggle below.

# %% tags=["hide-input", "hide-output"]
# The units in the book's one form (the data package writes thousands as "NOK 1000").
styled(catalogue(CH).assign(unit=lambda f: f["unit"].map(unit_name)),
       table_id="drift-catalogue", caption="The tables of this chapter (the data page names their files)",
       columns={"source_table": "Id", "title": "Title as printed", "unit": "Unit", "source_lines": "Lines",
                "rows": "Rows"})  # fmt: skip

# %% [markdown]
# ## How the tables sign a deviation
#
# A deviation can be budget minus accounts or accounts minus budget, and a percentage can divide by the
# budget or by its size. The report does not say which it uses, so the table below tries each convention on
# every printed row and counts the rows it fits (to within the last printed digit); the counts are behind
# the toggle.

# %% tags=["hide-input", "hide-output"]
conventions = dr.deviation_conventions(get)
styled(
    conventions.drop(columns="table"),
    table_id="drift-conventions",
    columns={
        "title": "Table",
        "rows": "Rows",
        "budget − accounts": "budget − accounts",
        "accounts − budget": "accounts − budget",
        "% = deviation / |budget|": "% of |budget|",
        "% = deviation / budget": "% of budget",
    },
    caption="Rows each deviation convention fits, per table, number of rows (a printed '-' budget counts as 0)",
)

# %% [markdown]
# The treasury's tables print **budget − accounts**: with income negative, a positive deviation is
# favourable for income too, a *{term}`Mindreforbruk`* (underspend) or more income than budgeted; a
# negative one is a *{term}`Merforbruk`* (overspend). The percentage divides by the budget's size, so it
# carries the deviation's sign, and a zero budget prints a zero percentage. One row breaks the percentage
# rule (the Sum row of central income, below). The loan fund prints **accounts − budget**, the other way
# round; its one row that fits neither is a typing error, shown in its section.
#
# ## The result and the year-end dispositions
#
# The year-end table sets the net operating result beside the dispositions that use it up: the transfer to
# the investment account, provisions to and use of restricted funds and of the discretionary fund. The
# dispositions add up to minus the result, in every column (the table, in two parts, behind the toggles).

# %% tags=["hide-input", "hide-output"]
# Two parts, each fitting the page and behind a toggle of its own, named by the caption up to its colon (the
# printed title, the unit and the part), in the report's column order: 2023's accounts and both budgets together.
d08_cols = dr.report_columns(dr.D08)
styled(d08, table_id="drift-d08",
       columns={k: d08_cols[k] for k in ["label", "actual_2023", "revised_budget_2023", "original_budget_2023"]},
       caption="D08 Avsetninger og årsoppgjørsdisposisjoner, NOK thousand, part 1 of 2: 2023's accounts, regulated "
       "and original budget; as printed: the surplus −, provisions and transfers +, use of funds −")  # fmt: skip

# %% tags=["hide-input", "hide-output"]
styled(d08, table_id="drift-d08-b", columns={k: d08_cols[k] for k in ["label", "actual_2022"]},
       caption="D08 Avsetninger og årsoppgjørsdisposisjoner, NOK thousand, part 2 of 2: the accounts 2022; as "
       "printed: the surplus −, provisions and transfers +, use of funds −")  # fmt: skip

# %% [markdown]
# The report never prints gross operating income, the base of every share of income in this chapter, but
# three printed relations pin it down (the table below): the discretionary fund's general reserve is
# {eval}`txt.reserve_pct` of it, the fund is a printed share of it, and the text states the result's share.
# The ranges overlap, and the general reserve fixes the figure most tightly, at about {eval}`txt.gross_income`.

# %% tags=["hide-input"]
bounds = dr.gross_income_bounds(get)
result_checks = show_section("result")
# The book's own table, so in NOK million with one decimal, as the chapter's other figures. The tightest
# range is narrower than that precision: the caption says so when its two ends print alike.
tightest = bounds.loc[(bounds["high"] - bounds["low"]).idxmin()]
alike = round(tightest["low"] / 1000, 1) == round(tightest["high"] / 1000, 1)
display(aligned(
    styled(bounds.assign(relation=bounds["relation"].str.replace(r" \(prose, line \d+\)", " (the report's text)", regex=True),
                         share_pct=fmt_aligned(list(zip(bounds["share_pct"], bounds["share_decimals"], strict=True))),
                         low=bounds["low"] / 1000, high=bounds["high"] / 1000),
           table_id="drift-income-bounds",
           columns={"relation": "Relation", "share_pct": "Share (%)", "low": "Lowest income", "high": "Highest income"},
           decimals={"low": 1, "high": 1},
           caption="Gross operating income allowed by each printed relation, the share as printed",
           unit="NOK million"),
    "Share (%)"))  # fmt: skip
g(
    "bounds_note",
    f"The general reserve's {fmt(dr.GENERAL_RESERVE_PCT, 0, '%')} is taken as the rule's exact share, so only "
    "the reserve's rounding widens its range"
    + (f"; the tightest range is narrower than {fmt(0.1, 1, 'NOK million')}, so its two ends print alike."
       if alike else "."),
)  # fmt: skip

# %% [markdown]
# *Note to the table.* {eval}`txt.bounds_note`

# %% tags=["hide-input"]
findings.show(result_checks, quoted)

# %% [markdown]
# *Checks.* {eval}`txt.result_summary` They compare the dispositions with the result in every column, the
# transfer to investment with the investment chapter's statement 2A, and the text's restatements of the
# result and its claims in words with the tables.

# %% tags=["hide-input", "hide-output"]
checks_table(result_checks, table_id="drift-checks-d08", caption="The result and the year-end dispositions: checks")

# %% [markdown]
# ## Central income: less tax, more equalisation
#
# The *{term}`Frie disponible inntekter`* (freely disposable income) are the income the council may spend
# as it likes. In the report's table they are income and wealth tax, the state's *{term}`Rammetilskudd`*
# (block grant), several grants (for integration, for unaccompanied minor refugees, interest compensation)
# and the transfer from the municipal enterprises. The table, in two parts, is behind the toggle below; the
# chart after the text shows how each row changed from 2022.

# %% tags=["hide-input", "hide-output"]
d02_cols = dr.report_columns(dr.D02)
income_checks = show_section("income")
# Both parts behind one toggle, named by the printed title (the caption up to its bracket), so the section has
# one toggle for its table, not two (designer s11r4: a wall of toggles).
display(
    styled(d02, table_id="drift-d02", columns={k: d02_cols[k] for k in ["label", "actual_2022", "revised_budget_2023", "actual_2023"]},
           caption="D02 Sentrale inntekter (NOK thousand; part 1 of 2): the accounts and the revised budget, income "
           "negative"),
    styled(d02, table_id="drift-d02-b", columns={k: d02_cols[k] for k in ["label", "deviation_nok", "deviation_pct"]},
           caption="D02 Sentrale inntekter (NOK thousand and %; part 2 of 2): the deviation from the revised budget, "
           "positive = favourable"),
)  # fmt: skip
g("income_above_budget", mill(checks.value(d02, "deviation_nok", row_kind="total")))
g("tax_2023", mill(row(d02, tax, "actual_2023")))
g("tax_fall_pct", fmt(dr.tax_fall_pct(get), 1, "percent"))
g("national_tax_fall", fmt(pm("national_tax_income_change_pct"), 1, "percent"))
g("tax_below_budget", mill(row(d02, tax, "deviation_nok")))
g("grant_above_budget", mill(row(d02, "Rammetilskudd", "deviation_nok")))
g("tax_per_inhabitant", fmt(pm("tax_per_inhabitant_pct_of_national_2023"), 1, "percent"))
g("tax_per_inhabitant_budget", fmt(pm("revised_budget_tax_per_inhabitant_pct_of_national"), 1, "percent"))
g("integration_above_budget", mill(row(d02, "Integreringstilskudd", "deviation_nok")))
g("integration_year1", fmt(pm("integration_grant_year1_above_budget"), 0, "NOK million"))
g("integration_years2_5", fmt(pm("integration_grant_years2_5_above_budget"), 1, "NOK million"))

# %% [markdown]
# Central income came in {eval}`txt.income_above_budget` above the revised budget. Tax was
# {eval}`txt.tax_2023`, {eval}`txt.tax_below_budget` below budget and {eval}`txt.tax_fall_pct` below 2022;
# it fell across the country too, but less, by {eval}`txt.national_tax_fall` (the report's section *Skatt fra inntekt og
# formue*). So Drammen's tax
# per inhabitant ended at {eval}`txt.tax_per_inhabitant` of the national average, against the
# {eval}`txt.tax_per_inhabitant_budget` the revised budget assumed (section *Rammetilskuddet*), and the income
# equalisation in the block grant, which makes up part of a municipality's gap to the average, paid
# {eval}`txt.grant_above_budget` more than budgeted.
#
# The *{term}`Integreringstilskudd`* (integration grant) came {eval}`txt.integration_above_budget` above
# budget. The report splits it (section *Integreringstilskudd*): almost {eval}`txt.integration_year1`, as the report
# rounds it, from first-year grants (slightly more refugees settled than planned, and a reward grant for settling more than first
# asked) and {eval}`txt.integration_years2_5` from grants for years two to five, among other things because
# refugees settled earlier moved in from other municipalities and grants were paid for people settled
# before. Most of the gain, then, did not come from this year's settlements.

# %% mystnb={"figure": {"caption": "Central income by source: the change from 2022 to 2023, NOK million (more income positive), coloured by the change's own effect on the finances (more income blue, less vermilion; the growth charts further on are coloured against the wage estimate instead); the two years' levels are in the table behind the toggle above.", "name": "fig-driftsregnskap-central-income"}, "image": {"alt": "Horizontal bars of the change in each source of central income from 2022 to 2023. Income and wealth tax and the transfer from the municipal enterprises fell by similar large amounts, drawn in vermilion to the left; the block grant rose most, in blue to the right, and the integration grant second, by about a quarter as much; the other sources changed little. Each bar is labelled with its change."}} tags=["hide-input"]
# The table prints income negative: turned positive here, so a rise in income is a positive change.
items = (
    d02[d02["row_kind"] == "item"]
    .assign(
        y2022=lambda f: -f["actual_2022"].astype(float) / 1000,
        y2023=lambda f: -f["actual_2023"].astype(float) / 1000,
        change=lambda f: f["y2023"] - f["y2022"],
    )
    .sort_values("change", kind="stable")
    .reset_index(drop=True)
)
english = {
    "Skatt på inntekt og formue": "income and wealth tax",
    "Rammetilskudd": "block grant",
    "Integreringstilskudd": "integration grant",
    "Overføring fra kommunale foretak": "from the municipal enterprises",
    "Tilskudd enslige mindreårige flyktninger": "unaccompanied minor refugees",
    "Rente og inv. kompensasjon fra staten": "interest compensation",
    "Vertskommunetilskudd": "host-municipality grant",
    "Tilskudd lokalt næringsliv": "grant to local business",
}
fig, ax = style.figure(height=5.4)
pos = np.arange(len(items))
# More income helps the finances (blue), less hurts them (vermilion).
bars = ax.barh(pos, items["change"], height=0.6,
               color=[style.FAVOURABLE if c >= 0 else style.UNFAVOURABLE for c in items["change"]])  # fmt: skip
labels = [value_label(ax, c, i, fmt(c, 1, sign=True)) for i, c in enumerate(items["change"])]  # a change: signed
style.keep_inside(ax, labels, horizontal=True)
low, high = ax.get_xlim()
ax.set_xlim(low - 0.04 * (high - low), high)  # the longest fall's label clear of the axis
# The printed Norwegian label (what a reader searches the report for) over its English rendering.
ax.set_yticks(pos, [f"{label}\n({english.get(label, '')})" for label in items["label"]])
ax.invert_yaxis()  # the largest fall at the top
ax.axvline(0, color=style.TEXT, linewidth=0.8)
ax.set_xlabel("Change from 2022 to 2023\n(NOK million, + = more income)")
# The title names the two largest falls, as the chart draws them (one point; the rises are in the text).
named = {label: english[label] if label.startswith("Skatt") else f"the {english[label]}" for label in english}
named["Overføring fra kommunale foretak"] = "the transfer from the municipal enterprises"
falls = [named[label] for label in items.nsmallest(2, "change").query("change < 0")["label"]]
rise = named[items.loc[items["change"].idxmax(), "label"]]
title = f"{' and '.join(falls)} fell most from 2022 to 2023" if falls else f"{rise} rose most"
# The section's point is the offset: tax against the block grant, the largest bar (designer s11r3).
tax_change, grant_change = (
    items.set_index("label")["change"][k] for k in ("Skatt på inntekt og formue", "Rammetilskudd")
)
# With the net of all the rows drawn (the enterprises' transfer fell too: fact-check s11r3), so the title does
# not suggest a gain the rows do not add up to.
net_change = items["change"].sum()
if tax_change < 0 < grant_change:
    title = (
        f"Tax fell and the block grant rose; in all, central income {'rose' if net_change > 0 else 'fell'} "
        f"{fmt(abs(net_change), 1, 'NOK million')}"
    )
ax.set_title(title[0].upper() + title[1:])
# The alt text (in the cell's metadata, which cannot compute) names the block grant's rise as the largest,
# the integration grant's as the next at about a quarter of it, and the other sources as small: held here.
rises = items.set_index("label")["change"].sort_values(ascending=False)
assert list(rises.index[:2]) == ["Rammetilskudd", "Integreringstilskudd"], "the alt text names the two largest rises"
assert 0.15 <= rises["Integreringstilskudd"] / rises["Rammetilskudd"] <= 0.35, "the alt text says about a quarter"
assert rises.drop(["Rammetilskudd", "Integreringstilskudd", "Skatt på inntekt og formue",
                   "Overføring fra kommunale foretak"]).abs().max() < 0.25 * rises["Integreringstilskudd"], "the alt text calls the others small"  # fmt: skip
style.key_above(ax, [HELPS_KEY, HURTS_KEY], ncol=1)
ax.grid(axis="y", visible=False)
style.finish(fig, table="table D02")
plt.show()

# %% tags=["hide-input"]
findings.show(income_checks, quoted)

# %% [markdown]
# *Checks.* {eval}`txt.income_summary` They cover the sum of each column, each row's deviation and
# percentage under the convention found above, and every figure the text restates from the table.

# %% tags=["hide-input", "hide-output"]
checks_table(income_checks, table_id="drift-checks-d02", caption="Central income: checks")

# %% [markdown]
# ## Central costs: reserves left unspent, overspends elsewhere
#
# The *{term}`Sentrale utgifter`* (central costs) are costs held outside the programme areas: rent and
# cleaning of the municipality's buildings, depreciation, pensions, and reserves the council keeps back for
# uncertain needs. The table follows.

# %% tags=["hide-input"]
cost_checks = show_section("costs")
display(
    styled(
        d03,
        table_id="drift-d03",
        columns=dr.report_columns(dr.D03),
        caption="D03 Sentrale utgifter, NOK thousand in every amount column (Avvik i kr too, despite its name), "
        "Avvik i % in per cent; "
        "Avvik as printed: + = underspend (budget − accounts)",
    )
)
# No finding here, so no box follows the section's text (an empty one would leave a bare code toggle).
assert not findings.assign(cost_checks)["finding_id"].ne("").any(), "central costs have a finding: show it"
split = dr.central_cost_reserves(get)
g("costs_under", mill(split["total"]))
g("depreciation_under", mill(split["depreciation"]))
g("costs_under_excl_dep", mill(split["total"] - split["depreciation"]))
g("wage_unspent", mill(split["reserve:Lønnsreserve"]))
g("refugees_unspent", mill(split["reserve:Avsetninger flyktninger"]))
g("price_unspent", mill(split["reserve:Avsetning priskompensasjon"]))
g("reserves_unspent", mill(split["reserves"]))
to_result = split["total"] - split["depreciation"]
g("reserves_share_result", fmt(100 * split["reserves"] / to_result, 0, "%"))
g("reserves_vs_result", "more than" if split["reserves"] > to_result else "less than")
g("other_without_dep", mill(split["other_without_depreciation"]))
g("other_without_dep_way", "underspent" if split["other_without_depreciation"] >= 0 else "overspent")
g("church_over", mill(row(d03, "Tilskudd Den norske kirke, kapitalkostnader og pensjon", "deviation_nok")))
g("pension_over", mill(row(d03, "Pensjon", "deviation_nok")))
rent_building = row(d03, "Husleie og renhold", "deviation_nok") + row(
    d03, "Bygningsrelaterte utgifter", "deviation_nok"
)
g("rent_building", f"{mill(rent_building)} {'under' if rent_building >= 0 else 'over'}")
power = row(d03, "Gjeldsbrevkraft", "deviation_nok")  # a net income row: a positive deviation is more income
g("power_dev", f"{mill(power)} {'above' if power >= 0 else 'below'}")
misc = row(d03, "Diverse fellesutgifter (netto)", "deviation_nok")
g("misc_dev", f"{mill(misc)} {'under' if misc >= 0 else 'over'}")
# The text on the church grant and pensions (lines 2359–2413) is checked in the pension chapter: its findings
# on this part of the report, largest first.
pension_quoted = pd.concat([checks.run("pensjon"), all_checks], ignore_index=True)
pension_here = findings.table(pension_quoted, findings.load("pensjon"))
pension_here = pension_here[pension_here["section"].str.startswith("Driftsregnskapet › Sentrale utgifter")]
g(
    "pension_findings_here",
    f"{len(pension_here)} findings on them, none larger than {pension_here['size_text'].iloc[0]}"
    if len(pension_here) > 1
    else ("one finding on them" if len(pension_here) == 1 else "no finding on them"),
)

# %% [markdown]
# Central costs were {eval}`txt.costs_under` below budget (D03's Sum row; the text under the table says the
# same). Of that, {eval}`txt.depreciation_under` is lower *{term}`Avskrivninger`* (depreciation), which the
# accounts neutralise before the net operating result; the rest, {eval}`txt.costs_under_excl_dep`, reaches
# the result. Three reserves left unused came to {eval}`txt.reserves_unspent`, {eval}`txt.reserves_vs_result`
# that rest ({eval}`txt.reserves_share_result` of it):
#
# - {eval}`txt.refugees_unspent` set aside for settling extra refugees and {eval}`txt.price_unspent` for
#   price compensation (the two the text counts under *Diverse rammebevilgninger*);
# - the {eval}`txt.wage_unspent` left of the wage reserve (under *Øvrige sentrale poster*).
#
# Leaving the reserves and depreciation aside, the other rows {eval}`txt.other_without_dep_way` by
# {eval}`txt.other_without_dep` in all:
#
# - the grant to the Church of Norway's capital costs and pensions, moved here from P09 in 2023,
#   {eval}`txt.church_over` over budget, and pensions, {eval}`txt.pension_over` over;
# - rent, cleaning and other building costs, {eval}`txt.rent_building` net;
# - the net power income (*Gjeldsbrevkraft*), {eval}`txt.power_dev` budget, and
#   miscellaneous shared costs, {eval}`txt.misc_dev`.
#
# The text's figures for the church grant and pensions (the report's sections *Kapitaltilskudd og
# reguleringspremie til Kirkelig fellesråd* and *Pensjonskostnader*) are checked in the {doc}`pension chapter <pensjon>`, which files {eval}`txt.pension_findings_here`.

# %% [markdown]
# *Checks.* {eval}`txt.costs_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(cost_checks, table_id="drift-checks-d03", caption="Central costs: checks")

# %% [markdown]
# ## Finance and dividends
#
# The finance table nets the treasury's interest and instalments against interest income, the loan fund's
# transfer and the *{term}`Utbytte`* (dividends) from companies the municipality owns. The finance table
# follows; the dividend table, in two parts in the report's column order, is behind the toggle under it.

# %% tags=["hide-input"]
styled(
    d05,
    table_id="drift-d05",
    columns=dr.report_columns(dr.D05),
    caption="D05 Finansinntekter og -utgifter, NOK thousand in every amount column (Avvik i kr too, despite its "
    "name), Avvik i % in per cent; "
    "Avvik as printed: + = favourable, less cost or more income (budget − accounts)",
)

# %% tags=["hide-input", "hide-output"]
# Two parts, each fitting the page, in the report's column order: the deviation stays beside its budgets.
d07_cols = dr.report_columns(dr.D07)
finance_checks = show_section("finance")
display(
    styled(d07, table_id="drift-d07", columns={k: d07_cols[k] for k in ["label", "actual_2022", "actual_2023"]},
           caption="D07 Mottatt utbytte 2022 og 2023 (NOK thousand; part 1 of 2): the accounts; a blank cell is "
           "printed blank; as printed: a dividend received −"),
    styled(d07, table_id="drift-d07-b",
           columns={k: d07_cols[k] for k in ["label", "original_budget_2023", "revised_budget_2023", "deviation_nok"]},
           caption="D07 Mottatt utbytte 2022 og 2023 (NOK thousand; part 2 of 2): the budgets and the deviation "
           "from the revised budget; as printed: dividends −, Avvik − = less received than budgeted"),
)  # fmt: skip
finance_dev = checks.value(d05, "deviation_nok", row_kind="total")
dividend_dev = row(d05, "Utbytte", "deviation_nok")
g("finance_cost", mill(checks.value(d05, "actual_2023", row_kind="total")))
g("finance_dev", mill(finance_dev))
g("finance_other_dev", mill_small(finance_dev - dividend_dev))
g("dividends_2023", mill(checks.value(d07, "actual_2023", row_kind="total")))
g("dividends_revised", mill(checks.value(d07, "revised_budget_2023", row_kind="total")))
g("nedre_eiker", mill(row(d07, "Nedre Eiker Eiendomsutvikling AS 2)", "revised_budget_2023")))

# %% [markdown]
# Finance cost the treasury {eval}`txt.finance_cost` net, which is
# {eval}`txt.finance_dev` more than the revised budget. Nearly all of it is dividends: the
# revised budget counted on {eval}`txt.dividends_revised`, the accounts show
# {eval}`txt.dividends_2023`. The missing {eval}`txt.nedre_eiker` is
# Nedre Eiker Eiendomsutvikling AS: its payout on liquidation had to be booked as a sale of shares in the
# investment account, and the transfer from operations to investment was cut by the same amount (the
# report's sections *Utbytte* and *Overføring fra drifts- til investeringsregnskapet*). Higher interest costs and higher interest income almost cancel: the other finance
# rows together differ from budget by {eval}`txt.finance_other_dev`.


# %% tags=["hide-input"]
findings.show(finance_checks, quoted)

# %% [markdown]
# *Checks.* {eval}`txt.finance_summary` They cover each table's sums and deviations, the finance table's
# dividend row against the dividend table's companies, the loan fund's transfer in both tables, and the
# text's restatements.

# %% tags=["hide-input", "hide-output"]
checks_table(finance_checks, table_id="drift-checks-d05-d07", caption="Finance and dividends: checks")

# %% [markdown]
# ### The loan fund's account
#
# The loan fund is the municipality's internal bank: it borrows in the market and lends on to the treasury
# and the municipal enterprises. Its interest and instalment income should cover its interest and
# instalment costs and a budgeted transfer to the treasury. The table, printed in whole kroner, not
# thousands, is behind the toggle below, in two parts in the report's column order.

# %% tags=["hide-input", "hide-output"]
# Two parts, each fitting the page, in the report's column order: the deviation stays beside its budget; both
# behind one toggle named by the printed title. The unit, whole kroner, in each caption and the text above.
d06_cols = dr.report_columns(dr.D06)
loan_checks = show_section("loan")
display(
    styled(d06, table_id="drift-d06", columns={k: d06_cols[k] for k in ["label", "actual_2023", "original_budget_2023"]},
           caption="D06 Lånefondets driftsregnskap 2023 (whole kroner; part 1 of 2): the accounts and the original "
           "budget; '–' = printed '-'"),
    styled(d06, table_id="drift-d06-b", columns={k: d06_cols[k] for k in ["label", "revised_budget_2023", "deviation_nok"]},
           caption="D06 Lånefondets driftsregnskap 2023 (whole kroner; part 2 of 2): the revised budget and the "
           "deviation from it, accounts − revised budget; as printed: income −, cost +, Avvik + = less income or more "
           "cost than budgeted"),
)  # fmt: skip
loan = dr.loan_fund_drivers(get)
g("loan_budget_result", mill_small(loan["budgeted_result"] / 1000))
g("loan_interest_income_gain", fmt_million(loan["interest_income_gain"] / 1000, 1))
g("loan_interest_cost_rise", fmt_million(loan["interest_cost_rise"] / 1000, 1))
g("loan_interest_net", mill_small(loan["interest_net"] / 1000))
g("loan_instalments", fmt_million(loan["instalments"] / 1000, 1))
g("loan_deficit_before", fmt_million(loan["deficit_before"] / 1000, 1))
g("loan_fund_use", fmt_million(abs(loan["fund_use"]) / 1000, 1))
g("loan_deficit_after", fmt_million(loan["deficit_after"] / 1000, 1))
g("loan_typo", fmt(row(d06, "Lånefond renteinntekter", "revised_budget_2023") / 1e6, 1, "NOK million"))
g("loan_typo_fixed", fmt(row(d06, "Lånefond renteinntekter", "original_budget_2023") / 1e6, 1, "NOK million"))

# %% [markdown]
# Added up, the original budget's rows leave the loan fund a surplus of
# {eval}`txt.loan_budget_result` (so would the revised budget's, but for the typing error
# below); the report prints no budgeted result. In the accounts:
#
# - interest roughly cancelled: interest income, including interest the budget did not foresee, came
#   {eval}`txt.loan_interest_income_gain` above the budget and interest costs and fees
#   {eval}`txt.loan_interest_cost_rise` above it, a net difference of {eval}`txt.loan_interest_net`;
# - the swing came from instalments: less instalment income and more instalment cost than budgeted,
#   together {eval}`txt.loan_instalments`.
#
# That left a deficit of {eval}`txt.loan_deficit_before` before the year-end dispositions. A use of a
# discretionary fund (*Bruk av disposisjonsfond*) of {eval}`txt.loan_fund_use`, booked in the loan fund's
# own account, brought it to {eval}`txt.loan_deficit_after`, which the report says will be proposed for
# cover in the first four-month report of 2024 (section *Lånefondets regnskap*).
#
# D09, the treasury's discretionary fund, lists no such movement: on the book's reading the loan fund drew
# on a fund of its own. It paid its transfer to the treasury as budgeted, and its account goes to the
# council as a case of its own (the balance chapter, under the loan fund's debt), so the book reads the
# deficit as outside the treasury's D08 and a charge on 2024. How its cover will be financed, and whether
# the treasury bears it, the report does not say.
#
# The revised budget's first row is printed {eval}`txt.loan_typo`, a typing error for
# {eval}`txt.loan_typo_fixed` (the finding below).

# %% tags=["hide-input"]
findings.show(loan_checks, quoted)

# %% [markdown]
# *Checks.* {eval}`txt.loan_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(loan_checks, table_id="drift-checks-d06", caption="The loan fund: checks")

# %% [markdown]
# ## The programme areas
#
# The services are organised in programme areas (P01 to P19), grouped under the political committees: four
# *{term}`Hovedutvalg`* (standing committees) and the *{term}`Formannskap`* (executive committee). The overview
# prints one line per committee; each programme area's chapter prints a *Status økonomi* table with a
# single Sum row. Both are behind the toggle below; the chart after the text shows each area's figures.

# %% tags=["hide-input", "hide-output"]
# The overview and the areas' Sum rows behind one toggle that names both.
prog_view = prog.assign(area=prog["programme_area"] + " " + prog["programme_area_name"])
prog_cols = {"area": "Programområde"} | {k: v for k, v in dr.report_columns(dr.PROGRAMMES).items() if k != "label"}
display(
    styled(d01, table_id="drift-d01", columns=dr.report_columns(dr.D01),
           caption="D01 Totaloversikt drift – fordelt på rammeområder, NOK thousand (Avvik i kr too), Avvik i % in "
           "per cent; as printed: net cost +, Avvik + = underspend (budget − accounts)"),
    styled(prog_view, table_id="drift-d10-d25", columns=prog_cols,
           caption="D10–D25 Status økonomi (NOK thousand; Avvik i % in per cent): the Sum row of each programme area; "
           "as printed: net cost +, Avvik + = underspend (budget − accounts)",
           total_mask=pd.Series(False, index=prog.index)),
)  # fmt: skip
d01_total = checks.value(d01, "deviation_nok", row_kind="total")
g("programmes_under", mill(d01_total))
g(
    "programmes_under_pct",
    fmt(dr.pct_of_budget(d01_total, checks.value(d01, "budget_2023", row_kind="total")), 1, "percent"),
)
g("formannskap_under", mill(row(d01, "Formannskap", "deviation_nok")))
for area in ["P02", "P04", "P05", "P07", "P11", "P12", "P14"]:
    g(f"{area.lower()}_dev", mill(checks.value(prog, "deviation_nok", programme_area=area)))
g("helse_over", mill(row(d01, "Hovedutvalg for helse, sosial og omsorg", "deviation_nok")))
g("tekniske_under", mill(row(d01, "Hovedutvalg for tekniske tjenester", "deviation_nok")))
g("p14_one_offs", fmt(pm("p14_one_off_frame_adjustments"), 1, "NOK million"))
g("p14_without", fmt(pm("p14_overspend_excl_one_off_adjustments"), 1, "NOK million"))
for service in ("water", "sewage"):
    g(f"{service}_deficit", fmt(pm(f"{service}_self_cost_deficit_2023"), 1, "NOK million"))
    g(f"{service}_carried", fmt(pm(f"{service}_self_cost_deficit_carried_out"), 1, "NOK million"))
    g(f"{service}_interest", fmt(pm(f"{service}_self_cost_interest"), 1, "NOK million"))
sewage_ratio = pm("sewage_self_cost_deficit_carried_out") / pm("sewage_self_cost_deficit_carried_in")
g(
    "sewage_growth_word",
    "about doubled" if 1.9 <= sewage_ratio <= 2.2 else f"grew by {fmt(100 * (sewage_ratio - 1), 0, '%')}",
)
growth = dr.programme_growth(get)
total_growth = 100 * (
    checks.value(d01, "actual_2023", row_kind="total") / checks.value(d01, "actual_2022", row_kind="total") - 1
)
wage = pm("wage_growth_estimate_2023_pct")
g("wage_growth", fmt(wage, 1, "percent"))
g("pension_growth", fmt(pj.prose(get, "actual_pension_cost_growth_from_2022"), 1, "percent"))
g("total_growth", fmt(total_growth, 1, "percent"))
above = growth[(growth["growth_pct"] > wage) & (growth["actual_2022"] > 0)]
BAND = 1.0  # percentage points: how many beat the estimate by a clear margin, as it is rough (fact-check s11r2)
# One count, one denominator, in the figure's title and the text (designer s11r4): the areas with a net cost
# (P12's is a net income) whose net cost grew faster than the wage estimate, exactly the vermilion bars; the
# text adds how many of them by more than a point.
with_cost = growth["actual_2022"] > 0
n_above, n_areas = len(above), int(with_cost.sum())
n_above_band = int((growth.loc[with_cost, "growth_pct"] > wage + BAND).sum())
g("n_above", fmt(n_above, 0))
g("n_above_band", "all of them" if n_above_band == n_above else fmt(n_above_band, 0))
g("n_areas", fmt(n_areas, 0))
for area in ["P04", "P05", "P07", "P08", "P18"]:
    g(f"{area.lower()}_growth", fmt(growth.set_index("programme_area").loc[area, "growth_pct"], 1, "percent"))

# %% [markdown]
# After their own provisions to funds, the programme areas together spent {eval}`txt.programmes_under`
# less than budgeted, {eval}`txt.programmes_under_pct` of their budget. The differences between them are
# larger than the total, and each area's narrative gives its own reasons:
#
# - *Helse, sosial og omsorg* overspent by {eval}`txt.helse_over`:
#   - P05 (disabilities), {eval}`txt.p05_dev` over: services bought from private providers for new users,
#     and private respite care taken over with too small a frame; the commentary also names transport to
#     work and day centres, grown with the users since the merger.
#   - P04 Helse, {eval}`txt.p04_dev` over: hired staff at the health house, doctors' leave with limited
#     refunds, sick leave at the emergency clinic, GP posts. P04 and P05 had both been strengthened in the second
#     four-month report (the chapter's *Økonomisk resultat i programområdene*).
#   - P07 (drugs and mental health), {eval}`txt.p07_dev` under: refunds, an unused grant, lower management
#     costs.
# - P02 Barnehager, {eval}`txt.p02_dev` over: special-needs education and the municipal kindergartens.
# - P12 (water, sewerage and waste), {eval}`txt.p12_dev` under: unfilled posts and maintenance put off
#   after the storm «Hans», most of *Tekniske tjenester*'s {eval}`txt.tekniske_under`
#   despite the snow clearing that put P11 {eval}`txt.p11_dev` over. Part is
#   bookkeeping: the storm's direct costs were moved to central areas.
# - P14 (management and administration), {eval}`txt.p14_dev` under, most of the Formannskap's
#   {eval}`txt.formannskap_under`; without one-off frame increases of {eval}`txt.p14_one_offs` it would
#   have overspent by {eval}`txt.p14_without`.
#
# **P12's underspend is no sign of strength.** The report does not expect it to last into 2024
# (*Økonomisk resultat i programområdene*). On *{term}`Selvkost`* (cost-recovery) terms the fee-funded services ran at a loss in 2023,
# water by {eval}`txt.water_deficit` and sewage by {eval}`txt.sewage_deficit`, and the deficits carried
# forward grew to {eval}`txt.water_carried` and {eval}`txt.sewage_carried`; sewage's
# {eval}`txt.sewage_growth_word` in the year (P12's *Selvkostresultat*).
#
# A self-cost result is not P12's accounts: it counts calculated capital and indirect costs, and the
# deficits include calculated interest ({eval}`txt.water_interest` for water, {eval}`txt.sewage_interest`
# for sewage) that the accounts never book. So the report's figures do not show how
# much of the underspend reaches the deficits, or what the treasury's results carried of them. The
# national self-cost rules, which the report does not quote, allow such deficits to be recovered from later
# fees within a limited time, without requiring it. The book reads the underspend as vacancies and
# maintenance put off, not a lasting saving.

# %% mystnb={"figure": {"caption": "Programme areas: the nominal growth of net cost after fund movements, 2022 to 2023, against the wage-growth estimate, and the deviation from the revised budget (%). Left, colour is measured against the wage-growth estimate (the dotted line), a rough yardstick: a net cost that grew faster than it in vermilion, slower in blue; a bar a few tenths from the line is within the estimate's margin, and the text gives how many grew more than a point faster. Right, an overspend in vermilion, an underspend in blue. P16, P17 (no Status \u00f8konomi table) and P19 (central items) have no row.", "name": "fig-driftsregnskap-programme-growth"}, "image": {"alt": "Two panels of horizontal bars, one row per programme area, named in Norwegian with English under it. Left: the growth of net cost from 2022 to 2023 in percent, with a dotted line labelled as the wage-growth estimate; areas whose cost grew faster than the estimate in vermilion, slower in blue; most areas lie above the line, P05, P08, P11 and P18 far above, P04 and P07 below zero. Right: the deviation from the revised budget in percent of the budget, overspends to the right in vermilion and underspends to the left in blue; P04, P05 and P15 overspent most by share of budget, P10, P12 and P13 underspent most."}} tags=["hide-input"]
# The printed Norwegian name, then the book-wide short English name: on the name's last line where it fits, so
# each row takes at most two lines and the chart stays within about a screen (designer s11r3).


def area_label(code, name, width=31):
    lines = textwrap.wrap(f"{code} {name}", width)
    english = f"({areas.SHORT_NAMES[code].lower()})"
    if len(lines[-1]) + 1 + len(english) <= width:
        lines[-1] += " " + english
    else:
        lines.append(english)
    return "\n".join(lines)


view = growth.assign(area=[area_label(code, name)
                           for code, name in zip(growth["programme_area"], growth["programme_area_name"], strict=True)])  # fmt: skip
rows_tall = max(label.count("\n") + 1 for label in view["area"])
g_vals = view["growth_pct"].astype(float).where(view["actual_2022"].astype(float) > 0)  # P12's is income
# The tables print budget − accounts (+ = underspend); the book's deviation charts draw + = overspend.
d_vals = -view["deviation_pct"].astype(float)
# The title names the overspends within half of the largest, in % as drawn (not in NOK: P15's share is close
# to P04's and P05's); every overspend of at least 0.1 % is labelled, so a reader can compare them.
over = view.loc[d_vals[d_vals >= 0.5 * d_vals.max()].sort_values(ascending=False).index, "programme_area"]
# Equal panels: a wider growth panel made the label room of both panels run away (tried, session 12b); the
# value labels carry the tenths (P10 +5.3 %, P14 +5.7 %).
fig, (left, right) = style.figure(1, 2, height=1.7 + len(view) * (0.06 + 0.18 * rows_tall), sharey=True)
pos = np.arange(len(view))
# Left, colour against the wage estimate (the dotted line; WAGE_HURTS_KEY): a cost that grew faster vermilion,
# slower blue, two colours only, so the title's count is the vermilion bars (fact-check s12). On the right,
# colour marks over- and underspend.


def growth_colour(v):
    return style.UNFAVOURABLE if v > wage else style.FAVOURABLE


left.barh(pos, g_vals, color=[growth_colour(v) for v in g_vals.fillna(0)])
right.barh(pos, d_vals, color=[style.UNFAVOURABLE if v > 0 else style.FAVOURABLE for v in d_vals])
left.axvline(wage, **style.REFERENCE_LINE)
# The dotted line named at its top, over the first bar.
left.annotate(f"wage-growth estimate {fmt(wage, 1, '%')}", (wage, -0.55), xytext=(3, 0), textcoords="offset points", ha="left",
              va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
for i in np.flatnonzero(g_vals.isna().to_numpy()):  # a net income (P12): no growth of cost to draw
    value_label(left, 0, i, "net income", x=wage)  # right of the dotted line, clear of it
# Each panel's range from its own data, a little beyond it, before the labels make room (the labels alone,
# in a half-width panel, had widened the growth panel to several times its data: designer s11r3).
for ax, values in ((left, g_vals), (right, d_vals)):
    low, high = min(0.0, values.min()), max(0.0, values.max())
    ax.set_xlim(low - 0.05 * (high - low), high + 0.05 * (high - low))
# Every growth bar labelled, a positive one's label right of the dotted line (clear of it), and every
# deviation of at least 0.1 %; a long underspend's label inside its blue bar, in white (white on vermilion
# reads too faintly).
for ax, values, picks in ((left, g_vals, g_vals.dropna().index),
                          (right, d_vals, d_vals[d_vals.abs().round(1) >= 0.1].index)):  # fmt: skip
    outside = []
    for i in picks:
        if ax is right and values[i] < 0 and abs(values[i]) >= 0.8 * values.abs().max():  # room for its label
            ax.annotate(fmt(values[i], 1, "%", sign=True), (values[i], i), xytext=(4, 0), textcoords="offset points", ha="left",
                        va="center", fontsize=style.MIN_TEXT_PT, color="white")  # fmt: skip
        else:
            at = max(values[i], wage) if ax is left else None  # growth labels right of the line, signed
            side = max(values[i], 0) if ax is left else values[i]  # a growth label always reads rightwards
            outside.append(value_label(ax, side, i, fmt(values[i], 1, "%", sign=True), x=at))  # changes: signed
    style.keep_inside(ax, outside, horizontal=True)
    # A bar too short to see at this scale (under 1 % of the panel's data range) gets a short upright mark in
    # its colour at its end, as on Fig. 1.7, so its label is tied to something visible.
    span = values.max() - min(0.0, values.min())
    for i in picks:
        if abs(values[i]) < 0.01 * span:
            colour = (
                growth_colour(values[i]) if ax is left else (style.UNFAVOURABLE if values[i] > 0 else style.FAVOURABLE)
            )
            ax.plot([values[i]] * 2, [i - 0.3, i + 0.3], linewidth=2.5, solid_capstyle="butt", color=colour, zorder=4)
right.xaxis.set_major_locator(plt.MultipleLocator(10))  # ticks 5 apart ran together
for ax, title, xlabel, keys in (
    (left, "Growth of net cost", "Net cost, change 2022–2023\n(%, + = more cost; colour:\nagainst the wage estimate)",
     [(style.UNFAVOURABLE, "faster"), (style.FAVOURABLE, "slower")]),
    (right, "Deviation from budget", "Deviation, % of revised budget\n(+ = overspend)",
     [(style.UNFAVOURABLE, "overspend: hurts"), (style.FAVOURABLE, "underspend: helps")]),
):  # fmt: skip
    ax.axvline(0, color=style.TEXT, linewidth=0.8)
    ax.set_xlabel(xlabel)
    ax.set_title(title, fontsize=style.MIN_TEXT_PT, pad=34)  # a panel's title; room for the key (two rows)
    if keys:
        ax.legend(handles=[Patch(color=c, label=k) for c, k in keys], loc="lower left", bbox_to_anchor=(0, 1.0),
                  ncol=1, frameon=False, handlelength=1, borderaxespad=0.1)  # fmt: skip
    ax.grid(axis="y", visible=False)
left.set_yticks(pos, view["area"])
left.set_ylim(len(view) - 0.4, -1.0)  # first area at the top; room above it for the wage line's name
fig.suptitle(
    f"{n_above} of the {n_areas} areas with a net cost grew faster than the wage estimate (vermilion)",
    fontsize=plt.rcParams["axes.titlesize"],  # the size of every chart's title
    fontweight="bold",
    x=0.01,
    ha="left",
)
vermilion = [growth_colour(v) == style.UNFAVOURABLE for v in g_vals.dropna()]
assert n_above == sum(vermilion) == (g_vals > wage).sum() and n_areas == g_vals.notna().sum(), "one count, as drawn"
style.finish(fig, table="tables D10–D25 and the report's text")
plt.show()
# What the alt text states, held here: the fastest growers, the areas that fell, the largest over- and underspends.
code = view["programme_area"]
assert set(code[g_vals.nlargest(4).index]) == {"P05", "P08", "P11", "P18"} and set(code[g_vals < 0]) == {"P04", "P07"}
assert set(over) == {"P04", "P05", "P15"} and set(code[d_vals.nsmallest(3).index]) == {"P10", "P12", "P13"}
assert len(above) > g_vals.notna().sum() / 2, "the alt text says most areas lie above the line"

# %% [markdown]
# **Cost growth against wage growth.** The report's only figure for wage growth in 2023 is the estimate the
# first four-month report raised to {eval}`txt.wage_growth` (under *Øvrige sentrale
# poster*). The programme areas' net cost grew
# by {eval}`txt.total_growth` in all, and {eval}`txt.n_above` of the {eval}`txt.n_areas` areas with a
# net cost grew faster than the wage estimate (the vermilion bars of the figure), {eval}`txt.n_above_band` by
# more than a point, a margin worth keeping in mind as the estimate is rough. The comparison is rough in
# other ways too: frames also moved with tasks shifted between
# areas (the church grant left P09 for the central costs), with the refugee funds of the four-month reports
# and with one-off grants, and the report gives no area's growth net of these.
#
# P05 grew by {eval}`txt.p05_growth` and P08 (social services and housing) by {eval}`txt.p08_growth`,
# probably in part the refugee funds P08 received in the first four-month report (P08's commentary). P18
# (political governance), {eval}`txt.p18_growth`, had an election in 2023 (P18's chapter), though the report
# does not link the two. P04 ({eval}`txt.p04_growth`) and P07 ({eval}`txt.p07_growth`) spent less than in
# 2022.
#
# ### Do the programme areas add up to the committees?
#
# Each committee's line in the overview should be the sum of its programme areas' Sum rows. The
# Formannskap's chapter lists P14 to P19; for P19 *Sentrale poster* it refers to the report's opening
# chapter. The book reads P19's items as the central income and costs of
# tables D02 and D03, which D01 leaves out, so it adds up the Formannskap's line from P14 to P18. The
# committees against their areas are behind the toggle below; a finding explains the Formannskap's
# difference.

# %% tags=["hide-input", "hide-output"]
roll = dr.committee_rollup(get)
programme_checks = show_section("programmes")
display(
    styled(roll, table_id="drift-rollup",
           columns={"committee": "Committee", "unprinted": "No table", "budget_2023_printed": "Budget, D01",
                    "budget_2023_areas": "Budget, areas", "deviation_nok_printed": "Deviation, D01",
                    "deviation_nok_areas": "Deviation, areas"},
           caption="Committee lines against their programme areas, NOK thousand: D01 against the sum of D10–D25"),
)  # fmt: skip

# %% tags=["hide-input"]
findings.show(programme_checks, quoted)

# %% [markdown]
# *Checks.* {eval}`txt.programmes_summary` They cover the overview's sums and deviations, each programme
# area's deviation and percentage, the committees against their areas in all four columns, each programme
# narrative's frame, deviation and percentage against its table, and the text's claims about which area
# carries a committee.

# %% tags=["hide-input", "hide-output"]
checks_table(programme_checks, table_id="drift-checks-programmes", caption="Programme areas: checks")

# %% [markdown]
# (driftsregnskap-income-cost)=
# ## Income against cost
#
# Did the income the council may spend freely keep up with the cost of its services? The national
# statistics count as *{term}`Frie inntekter`* (free income) only the income and wealth tax and the block
# grant; the report's table D02 adds several grants and the transfer from the municipal enterprises. The
# chart sets the change in free income against the change in the programme areas' net cost as D01 prints
# it; the tables after it give the amounts and the other items that moved.

# %% mystnb={"figure": {"caption": "Free income, its two parts and the programme areas' net cost: change from 2022 to 2023 (%), coloured against the report's wage-growth estimate (the dotted line): an income that grew slower than it, or a cost that grew faster, in vermilion; an income that grew faster, or a cost that grew slower, in blue.", "name": "fig-driftsregnskap-income-cost"}, "image": {"alt": "Horizontal bars of the change from 2022 to 2023 in percent, coloured against the dotted line of the wage-growth estimate: tax fell (vermilion), the block grant rose strongly, past the line (blue), free income as a whole rose a little, well short of the line (vermilion: slower than wages), and the programme areas' net cost rose past it (vermilion); a vermilion-hatched bar gives the book's estimate of the cost without restricted-fund provisions, also past the line."}} tags=["hide-input"]
flows = dr.free_income_vs_cost(get)
by_item = flows.set_index("item")
free, cost = by_item.loc["Free income (tax + block grant)"], by_item.loc["Programme areas' net cost"]
spent = by_item.loc[dr.NET_COST_SPENT]
for key, item in (("fi", "Free income (tax + block grant)"), ("cost", "Programme areas' net cost")):
    g(f"{key}_change", mill(by_item.loc[item, "change"]))
    g(f"{key}_change_pct", fmt(abs(by_item.loc[item, "change_pct"]), 1, "%"))
g("tax_way", "fell" if by_item.loc["Income and wealth tax", "change"] < 0 else "rose")
g("cost_vs_wage", "faster" if cost["change_pct"] > wage else "slower")
g("fi_vs_wage", "well below" if free["change_pct"] < wage else "above")
g(
    "fi_colour_note",
    "So the chart draws free income in vermilion: it rose, but more slowly than wages."
    if free["change_pct"] < wage
    else "So the chart draws free income in blue.",
)
g("income_cost_gap", mill(cost["change"] - free["change"]))
g("gap_way", "more" if cost["change"] > free["change"] else "less")
g("spent_change", mill(spent["change"]))
g("spent_change_pct", fmt(spent["change_pct"], 1, "%"))
g("spent_gap", mill(spent["change"] - free["change"]))
g("bound_swing", mill(cost["change"] - spent["change"]))
g("bound_net_2022", mill(dr.bound_funds_net(get, "actual_2022")))
g("bound_net_2022_way", "use" if dr.bound_funds_net(get, "actual_2022") < 0 else "provision")

fig, ax = style.figure(height=4.4)
# Growth rates coloured against the wage estimate, the dotted line (WAGE_HURTS_KEY, WAGE_HELPS_KEY): an income
# that grew slower, or a cost that grew faster, vermilion; the reverse blue (fact-check s12: free income's
# nominal rise fell behind wages). Hatched: the book's estimate.
is_cost = flows["item"].isin(["Programme areas' net cost", dr.NET_COST_SPENT])
hurts = np.where(is_cost, flows["change_pct"] > wage, flows["change_pct"] < wage)
colours = [style.UNFAVOURABLE if h else style.FAVOURABLE for h in hurts]
bars = ax.barh(range(len(flows)), flows["change_pct"], height=0.6, color=colours)
for bar, item, colour in zip(bars, flows["item"], colours, strict=True):
    if item == dr.NET_COST_SPENT:
        bar.set(**style.estimate_style(colour))
# The report's Norwegian labels (D02's rows, D01's Totalsum) over the book's English; the hatched row is the
# book's own and has none.
ax.set_yticks(range(len(flows)), flows["item"].replace({
    "Income and wealth tax": "Skatt på inntekt og formue\n(income and wealth tax)",
    "Block grant": "Rammetilskudd\n(block grant)",
    "Free income (tax + block grant)": "Free income\n(the two together; book's sum)",
    "Programme areas' net cost": "Totalsum\n(programme areas' net cost)",
    dr.NET_COST_SPENT: "Net cost without\nrestricted-fund provisions"}))  # fmt: skip
ax.invert_yaxis()
style.direct_labels(ax, bars, formatter=lambda v: fmt(v, 1, "%", sign=True))  # changes: signed
ax.axvline(wage, **style.REFERENCE_LINE)
ax.axvline(0, color=style.TEXT, linewidth=0.8)
# The dotted line named at its foot, in room under the last bar (as the target line of the result's chart).
ax.set_ylim(len(flows) + 0.1, -0.6)
ax.annotate(f"Wage-growth estimate {fmt(wage, 1, '%')}", (wage, len(flows) - 0.25), xytext=(3, 0),
            textcoords="offset points", ha="left", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
ax.set_xlabel("Change from 2022 to 2023 (%, + = rise)\ncolour: against the wage estimate (dotted)")
ax.set_title("Free income grew far less than the programme areas' net cost")
# One entry a row, the hatched swatch in its bar's colour.
style.key_above(ax, [WAGE_HURTS_KEY, WAGE_HELPS_KEY, ("hatched: the book's estimate", "hatched")], ncol=1)
# What the caption, the alt text and the text say, held here: free income vermilion (slower than wages), the
# block grant blue, the net cost and the book's estimate of it vermilion.
colour_of = dict(zip(flows["item"], colours, strict=True))
assert colour_of["Free income (tax + block grant)"] == style.UNFAVOURABLE == colour_of[dr.NET_COST_SPENT]
assert colour_of["Block grant"] == style.FAVOURABLE and colour_of["Programme areas' net cost"] == style.UNFAVOURABLE
ax.grid(axis="y", visible=False)
style.finish(fig, table="tables D01, D02 and D08 and the report's text")
plt.show()

# %% [markdown]
# Free income grew by {eval}`txt.fi_change` ({eval}`txt.fi_change_pct`), {eval}`txt.fi_vs_wage` the wage
# growth of {eval}`txt.wage_growth` the report estimates for 2023: tax {eval}`txt.tax_way` from the
# extraordinarily high level of 2022, and the block grant rose, part of it higher income equalisation as
# Drammen's tax per inhabitant fell behind the national average. {eval}`txt.fi_colour_note` The programme
# areas' net cost grew by
# {eval}`txt.cost_change` ({eval}`txt.cost_change_pct`), {eval}`txt.cost_vs_wage` than that estimate and
# {eval}`txt.income_cost_gap` {eval}`txt.gap_way` than free income; the report also gives a pension cost
# {eval}`txt.pension_growth` above 2022's.
#
# D01's cost, though, is after the areas' provisions to funds, and the net movement of restricted funds (D08)
# swung from a net {eval}`txt.bound_net_2022_way` of {eval}`txt.bound_net_2022` in 2022 to a net provision
# of {eval}`txt.bound_net` in 2023. If those provisions are the programme areas' (the assumption of the
# book's bridge below), {eval}`txt.bound_swing` of the growth was set aside, not spent; the rest,
# {eval}`txt.spent_change` ({eval}`txt.spent_change_pct`), still outgrew free income by
# {eval}`txt.spent_gap`. The book takes this as the measure of spending.

# %% tags=["hide-input"]
# The report's Norwegian labels where it prints the row, English beside; the book's sums in English; a part
# of the row above indented under it.
NORWEGIAN = {
    "Income and wealth tax": "Skatt på inntekt og formue (income and wealth tax)",
    "Block grant": "Rammetilskudd (block grant)",
    "Free income (tax + block grant)": "Free income, the two together (book's sum)",
    "Programme areas' net cost": "Totalsum (programme areas' net cost)",
    dr.NET_COST_SPENT: "without net provisions to restricted funds (book's estimate)",
    "Other central income (D02)": "Other central income (the rest of Sentrale inntekter)",
    "of which from the municipal enterprises": "of which Overføring fra kommunale foretak",
    "Dividends (D05)": "Utbytte (dividends)",
    "Central costs (D03)": "Sum Sentrale utgifter (central costs)",
    "Central costs without depreciation": "without Avskrivninger (depreciation)",
    "of which rent and cleaning": "of which Husleie og renhold (rent and cleaning)",
    "Net operating result (D08)": "Netto driftsresultat (net operating result)",
}
INDENTED = {dr.NET_COST_SPENT, "of which from the municipal enterprises", "Central costs without depreciation",
            "of which rent and cleaning"}  # fmt: skip


def change_table(frame, table_id, caption, total=None):
    """Levels and change in NOK million, the labels as above; indented rows set in by CSS."""
    # Levels unsigned, changes signed (+ on a rise), as the charts label them.
    shown = frame.assign(
        item=frame["item"].map(NORWEGIAN),
        **{c: frame[c] / 1000 for c in ("y2022", "y2023")},
        change=[fmt(v / 1000, 1, sign=True) for v in frame["change"]],
        change_pct=[fmt(v, 1, sign=True) for v in frame["change_pct"]],
    )
    table = styled(shown, table_id=table_id, caption=caption, unit="NOK million", total_mask=total,
                   columns={"item": "Item", "y2022": "2022", "y2023": "2023", "change": "Change", "change_pct": "Change, %"},
                   decimals={"y2022": 1, "y2023": 1})  # fmt: skip
    rows = [i for i, item in enumerate(frame["item"]) if item in INDENTED]
    return table.set_table_styles([{"selector": f"td.row{i}.col0", "props": "padding-left: 1.6em;"} for i in rows],
                                  overwrite=False)  # fmt: skip


display(change_table(flows, "drift-income-cost", "Free income against the programme areas' net cost, 2022 and 2023",
                     total=flows["item"].str.startswith("Free income")))  # fmt: skip
offsets = dr.gap_offsets(get)
g("other_income_way", "fell" if offsets["other_change"] < 0 else "rose")
g("other_income_widened", "widened the gap" if offsets["other_change"] < 0 else "narrowed the gap")
g("dividends_way", "rose" if offsets["dividends_change"] > 0 else "fell")
g("other_income_change", mill(offsets["other_change"]))
g("enterprises_way", "fell" if offsets["enterprises_change"] < 0 else "rose")
g("enterprises_change", mill(offsets["enterprises_change"]))
g(
    "enterprises_share",
    "more than the whole" if abs(offsets["enterprises_change"]) > abs(offsets["other_change"]) else "most of it",
)
integration = -(row(d02, "Integreringstilskudd", "actual_2023") - row(d02, "Integreringstilskudd", "actual_2022"))
g("integration_way", "rose" if integration > 0 else "fell")
g("integration_change", mill(integration))
central = dr.central_cost_growth(get)
g("central_change_no_dep", mill(central["without_depreciation_change"]))
g("rent_change", mill(central["rent_change"]))

# %% [markdown]
# The comparison is the book's, and rough:
#
# - it is nominal: the report prints free income neither per inhabitant nor in real terms (per inhabitant
#   only tax, as a share of the national average);
# - the areas' frames also hold refugee money that the integration grant pays for, outside free income
#   (the central reserve for it was largely distributed to the areas);
# - the church grant left P09 for the central costs in 2023;
# - the 2022 base is not neutral: the report calls 2022's tax extraordinarily high but does not print how
#   much of it was, so the book cannot take it out of the base, as the national statistics do. On the
#   book's reading, against the inflated base the squeeze looks larger than it was.
#
# Even so, it shows the strain behind the foreword's call for faster cuts in the cost level: services whose
# cost grows with wages, on free income that in 2023 did not.
#
# **What else moved** (the table below). D02's other rows together {eval}`txt.other_income_way` by
# {eval}`txt.other_income_change`, which {eval}`txt.other_income_widened`: the transfer from the municipal
# enterprises {eval}`txt.enterprises_way` by {eval}`txt.enterprises_change`, {eval}`txt.enterprises_share`,
# while the integration grant {eval}`txt.integration_way` by {eval}`txt.integration_change`. Dividends
# (D05) {eval}`txt.dividends_way` and offset part of the gap; central costs (D03) rose by
# {eval}`txt.central_change_no_dep` without depreciation, rent and cleaning alone by {eval}`txt.rent_change`.
# The rest fell on the result, and so on the discretionary fund, which paid for
# the transfer to investment.

# %% tags=["hide-input"]
display(change_table(dr.other_moves(get), "drift-other-moves", "What else moved from 2022 to 2023"))

# %% [markdown]
# *Note to the tables.* Change is 2023 less 2022, each row in its own terms: a fall in income (−), a rise in a
# cost (+) and a fall in the result (−) weigh on the finances.

# %% [markdown]
# (driftsregnskap-bridge)=
# ## From the revised budget to the result: the book's bridge
#
# The report explains the improvement with five causes; the table sets each beside the tables' figure,
# where a table gives one.

# %% tags=["hide-input"]
# Each cause at the precision the report prints it (the dividends' 45 is in whole millions, set digit under
# digit), then their sum and the improvement the report states, beside the tables' (accounts less revised budget).
printed = [*zip(causes["printed"], causes["decimals"].astype(int), strict=True),
           (causes["printed"].sum(), 1), (pm("improvement_on_revised_budget"), 1)]  # fmt: skip
whole_causes = causes.loc[causes["decimals"] == 0, "printed"]  # the caption names them
cause_rows = pd.concat(
    [
        causes,
        pd.DataFrame(
            {
                "cause": ["Sum of the five causes", "Improvement on the revised budget"],
                "tables": [float("nan"), (result["net_operating_surplus"] - revised) / 1000],
            }
        ),
    ],
    ignore_index=True,
).assign(printed=fmt_aligned(printed))
display(
    aligned(
        styled(
            cause_rows,
            table_id="drift-report-causes",
            columns={"cause": "Cause (the report's list)", "printed": "As printed", "tables": "From the tables"},
            decimals={"tables": 1},
            caption="The report's causes of the improvement on the revised budget (a gain positive)",
            unit="NOK million",
            total_mask=cause_rows["cause"].eq("Sum of the five causes"),
        ),
        "As printed",
    )
)
g(
    "causes_note",
    "A dash (–) marks a cause no table gives, so the column has no sum. The printed figures keep the "
    "report's precision ("
    + " and ".join(fmt(v, 0) for v in whole_causes)
    + f" {'is' if len(whole_causes) == 1 else 'are'} printed in whole millions) and their sum is the "
    "book's; the tables' figures are the book's, to one decimal.",
)
# The programme areas' cause: the report's figure against the book's model (D01's deviation plus all extra
# net provisions to restricted funds, the bridge's assumption).
model_steps = dr.bridge(get).set_index("short")["amount"]
g("areas_model", mill(model_steps["Programme areas"] + model_steps["Restricted funds"]))
areas_printed = causes.set_index("cause").loc["Programme areas below budget, before provisions", "printed"]
g("areas_printed", fmt(areas_printed, 1, "NOK million"))

# %% [markdown]
# *Note to the table.* {eval}`txt.causes_note`
#
# The report's figure for the programme areas, though, is *before* their provisions to funds and has no table. The
# book's bridge rebuilds it from the tables:
#
# - central income;
# - central costs without depreciation;
# - D01's deviation of the programme areas after their fund movements;
# - the extra net provisions to restricted funds added back, on the assumption that all of them are the
#   programme areas'.
#
# The report says only that those provisions are *mainly* unused earmarked grants in the programme areas,
# so this bridge is the book's model, an estimate, and what it leaves over measures that assumption. One
# candidate for part of it the report names itself: from 2023 the treasury keeps Buskerudbyen's accounts
# and set its year's result aside in a restricted fund (the report's section *Bundne driftsfond – bruk og
# avsetninger*), money that need not be a programme
# area's. On this model the programme areas' cause comes to {eval}`txt.areas_model`, against the report's
# {eval}`txt.areas_printed`. The chart shows the steps; their table is behind the toggle.

# %% tags=["hide-input", "hide-output"]
steps = dr.bridge(get)
bridge_checks = show_section("bridge")
year_end_tie = bridge_checks.set_index("check_id").loc["drift_bridge.year_end_reduction", "status"]
g("year_end_tie", "exactly" if year_end_tie == checks.EXACT else "to within rounding")
display(
    styled(steps.assign(amount=steps["amount"] / 1000), table_id="drift-bridge",
           columns={"step": "Step", "amount": "NOK million", "source": "Table"}, decimals={"amount": 1},
           caption="The book's bridge to the accounts' result, NOK million: from the revised budget's net operating "
           "result (surplus positive)",
           total_mask=steps["kind"].isin(["start", "end"])),
)  # fmt: skip

# %% mystnb={"figure": {"caption": "The book's model: a bridge from the revised budget's net operating result to the accounts', NOK million (surplus positive); hatched in its effect's colour, the step that rests on the model's assumption; hatched grey, what the model cannot explain, the book's estimate of the model's error, not a cause.", "name": "fig-driftsregnskap-bridge"}, "image": {"alt": "Horizontal waterfall chart starting from a small deficit in the revised budget, rising with central income, central costs, the programme areas and the added-back fund provisions, falling with the dividend shortfall, then a grey-hatched step down for what the model cannot explain (the book's estimate of its error, not a cause), and ending at the surplus of the accounts. The added-back fund provisions, the largest step, are hatched as the book's assumption; a key above names the colours."}} tags=["hide-input"]
fig, ax = style.figure(height=4.8)
# Hatched: the step that rests on the book's assumption (all extra provisions to restricted funds are the
# programme areas') and the residual that assumption leaves; the other steps are the tables' figures.
assumed = steps["step"].str.startswith("Extra net provisions to restricted funds")
kinds = steps["kind"].map({"start": "total", "end": "total", "residual": "estimate"}).fillna("")
kinds = kinds.where(~assumed, "estimate")
# A step under NOK 0.05 million would print as a signed zero at one decimal: folded into the residual, whose
# label names it. The residual is what the model cannot explain, the gap between the model and the accounts,
# not an effect: hatched grey with its own key entry, never an effect's colour (fact-check s12b: in vermilion
# it read as a sixth cause that lowered the result).
tiny = (steps["kind"] == "cause") & (steps["amount"].abs() < 50)
shown = steps[~tiny].assign(
    amount=lambda f: f["amount"].where(f["kind"] != "residual", f["amount"] + steps.loc[tiny, "amount"].sum())
)
folded = " and ".join(steps.loc[tiny, "short"].str.lower())
residual_name = "Not explained by the model\n(the book's estimate" + (
    f";\nwith {folded}, under NOK 0.1 million)" if folded else ")"
)
bars_before = len(ax.patches)
style.waterfall(ax, [(residual_name if k == "residual" else short, amount / 1000, kinds[i])
                     for i, (short, amount, k) in shown[["short", "amount", "kind"]].iterrows()],
                formatter=lambda v: fmt(v, 1))  # fmt: skip
residual_at = list(shown["kind"]).index("residual")
# The waterfall draws one bar per step, in order: the residual's bar redrawn in hatched grey where it stands.
residual_bar = ax.patches[bars_before + residual_at]
(x0, y0), width, height = residual_bar.get_xy(), residual_bar.get_width(), residual_bar.get_height()
residual_bar.remove()
ax.barh(y0 + height / 2, width, left=x0, height=height, **style.estimate_style(style.LEVEL))
residual_colour = style.LEVEL
assumed_colour = style.FAVOURABLE if steps.loc[assumed, "amount"].sum() > 0 else style.UNFAVOURABLE
assert shown["amount"].iloc[residual_at] < 0 and assumed_colour == style.FAVOURABLE, (
    "the alt text's step down and colour"
)
ax.set_xlabel("Net operating result (NOK million, + = surplus)")
cause_steps = steps[steps["kind"] == "cause"]
largest = cause_steps["amount"].abs().idxmax()
ax.set_title(
    "On the book's model, the added-back restricted-fund provisions are the largest step"
    if assumed[largest] else f"The largest step is {cause_steps.loc[largest, 'short'].lower()}"
)  # fmt: skip
# Two columns, filled column by column: "level, raises, lowers" as on the first chart, then the two hatched
# steps, each swatch in its own step's colour.
style.key_above(ax, [LEVEL_KEY, ("raises the result", {"color": style.FAVOURABLE}),
                     ("lowers it", {"color": style.UNFAVOURABLE}),
                     ("hatched: the book's assumption", style.estimate_style(assumed_colour)),
                     ("not explained by the model (the book's estimate)", style.estimate_style(residual_colour))],
                ncol=2)  # fmt: skip
style.finish(fig, table="tables D01, D02, D03, D05 and D08")
plt.show()

# %% tags=["hide-input"]
findings.show(bridge_checks, quoted)

# %% [markdown]
# *Checks.* {eval}`txt.bridge_summary` They cover the report's causes against its improvement, the book's
# bridge (an estimate), and the discretionary fund's year-end correction, which D08 and D09 tie
# {eval}`txt.year_end_tie`: the improvement, less the extra provisions to restricted funds, plus the cut in
# the transfer to investment.

# %% tags=["hide-input", "hide-output"]
checks_table(bridge_checks, table_id="drift-checks-bridge", caption="The bridges: checks")

# %% [markdown]
# ## The discretionary fund and the reserve rule
#
# The discretionary fund is the treasury's free reserve. The financial rules require it to hold at least a
# general reserve of {eval}`txt.reserve_pct` of gross operating income, an interest reserve
# (*{term}`Rentesikringsfond`*) of {eval}`txt.interest_pct` of the gross loan debt, and an
# owner-risk reserve (*{term}`Eier-risikofond`*). The fund's table (D09) is behind the toggle below; the
# chart after the text shows the fund's movements.

# %% tags=["hide-input", "hide-output"]
fund_checks = show_section("fund")
d09_view = d09.assign(
    shown=[
        fmt(v, 1 if u == "percent" else 0, "percent" if u == "percent" else "")
        for v, u in zip(d09["value_2023"], d09["unit"], strict=True)
    ]
)
display(
    styled(
        d09_view,
        table_id="drift-d09",
        columns={"label": "Beløp i 1000", "shown": "2023"},
        caption="D09 Disposisjonsfond avsetning og bruk i 2023, NOK thousand: the last row in %; as printed: a "
        "movement + = into the fund, − = use of it",
        total_mask=d09["row_kind"].isin(["balance", "requirement", "margin"]),
    ).set_properties(subset=["2023"], **{"text-align": "right", "white-space": "nowrap"}),
)
budgeted = d09.loc[(d09["row_kind"] == "movement") & ~d09["label"].str.startswith("Saldering"), "value_2023"].sum()
g("fund_budgeted_use", mill(budgeted))
g("fund_adopted_use", mill(checks.value(d09, "value_2023", label="Vedtatt budsjett - bruk")))
g("fund_year_end", mill(checks.value(d09, "value_2023", label="Saldering netto bruk regnskap 2023")))
g("fund_requirement", mill(checks.value(d09, "value_2023", row_kind="requirement")))
# One decimal, as D09 prints the share (6.6), so the text and Table 1.7 agree (designer s12b).
g("fund_share", fmt(100 * closing / result["gross_operating_income"], 1, "percent"))

# %% [markdown]
# The original budget planned to use {eval}`txt.fund_adopted_use` of the fund; with the two
# four-month revisions and two small decisions the budgeted use came to {eval}`txt.fund_budgeted_use`.
# The better result cut that by {eval}`txt.fund_year_end` at the year end, so the fund fell by
# {eval}`txt.fund_fall` to {eval}`txt.fund_close`. That is
# {eval}`txt.fund_share` of gross operating income and {eval}`txt.fund_margin`
# above the rules' requirement of {eval}`txt.fund_requirement`. It includes sub-funds set aside for named
# purposes, not all of them named (the note under D09), so its free part cannot be computed.

# %% mystnb={"figure": {"caption": "The discretionary fund in 2023, from 1 January to 31 December, against the reserve requirement (NOK million).", "name": "fig-driftsregnskap-disposition-fund"}, "image": {"alt": "Waterfall chart: the fund starts at its 1 January balance, drops with the original budget's and the first four-month report's use, rises a little with the second report and by more with the year-end correction, and ends at the 31 December balance, above a dotted line marking the reserve requirement."}} tags=["hide-input"]
flow = d09[d09["row_kind"].isin(["balance", "movement"])]
short = {
    "Saldo disposisjonsfond per 1.1.": "Balance\n1 January 2023",
    "Vedtatt budsjett - bruk": "Original\nbudget",
    "1. tertial 2023 - netto bruk": "1st four-month\nreport",
    "2. tertial 2023 - redusert bruk saldering": "2nd four-month\nreport",
    "Kommunestyrevedtak - hjelp jordskjelv Tyrkia/Syria": "Earthquake\naid",
    "Fullmakt kommunedirektør - bruk av fond faglig utvikling skole/barnehage": "School\nfund",
    "Saldering netto bruk regnskap 2023": "Year-end\ncorrection",
    "Saldo disposisjonsfond per 31.12 *": "Balance\n31 December 2023",
}
fig, ax = style.figure(height=4.4)
fund_levels = style.waterfall(
    ax, [(short[label].replace("\n", " "), amount / 1000, "total" if kind == "balance" else "")
         for label, amount, kind in zip(flow["label"], flow["value_2023"].astype(float), flow["row_kind"],
                                        strict=True)])  # fmt: skip
# A step too small to draw as a bar at this scale (under 0.5 % of the largest balance) gets a short upright
# mark in its colour at its level, so its label is tied to something visible.
fund_moves = flow["value_2023"].astype(float).to_numpy() / 1000
for i, (move, kind) in enumerate(zip(fund_moves, flow["row_kind"], strict=True)):
    if kind != "balance" and abs(move) < 0.005 * max(fund_levels):
        ax.plot([fund_levels[i]] * 2, [i - 0.3, i + 0.3], linewidth=2.5, solid_capstyle="butt",
                color=style.FAVOURABLE if move > 0 else style.UNFAVOURABLE)  # fmt: skip
requirement = checks.value(d09, "value_2023", row_kind="requirement") / 1000
# The alt text: the second report's step "a little", the year-end correction "more" (fact-check s12).
assert checks.value(d09, "value_2023", label="Saldering netto bruk regnskap 2023") > 3 * t2_cut > 0
ax.axvline(requirement, **style.REFERENCE_LINE)
# The label on one line at the line's foot, in room under the last bar (clear of every step row).
ax.set_ylim(len(flow) + 0.1, -0.6)
ax.annotate(f"Reserve requirement {fmt(requirement, 1)}", (requirement, len(flow) - 0.25), xytext=(3, 0),
            textcoords="offset points", ha="left", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
ax.set_xlabel("Discretionary fund (NOK million; a step: + = into the fund)")
ax.set_title(
    "The fund stays above the requirement, by less than its fall in 2023"
    if runway["years"] < 1
    else "The fund fell in 2023 but stays above the requirement by more than that fall"
)
style.key_above(ax, [("balance", {"color": style.LEVEL}), ("adds to the fund", {"color": style.FAVOURABLE}),
               ("draws on it", {"color": style.UNFAVOURABLE})])  # fmt: skip
# Each figure is rounded on its own, so the rounded steps need not add up to the rounded closing balance.
flow_m = flow["value_2023"].astype(float).div(1000)
fund_gap = rounding_gap(flow_m.iloc[:-1], flow_m.iloc[-1])
g(
    "fund_rounding",
    f"Each figure in the chart is rounded on its own, so its steps add up to {fmt(fund_gap[0], 1, 'NOK million')}, "
    f"not {fmt(fund_gap[1], 1, 'NOK million')}."
    if fund_gap
    else "Each figure in the chart is rounded on its own; the steps still add up to the closing balance.",
)
style.finish(fig, table="table D09")
plt.show()

# %% [markdown]
# {eval}`txt.fund_rounding`

# %% tags=["hide-input"]
findings.show(fund_checks, quoted)

# %% [markdown]
# *Checks.* {eval}`txt.fund_summary` They cover the balance rolled forward, the requirement and margin, the
# fund's share of gross operating income, the movements against the year-end table, the text's
# restatements and the summary's name for the budgeted use.

# %% tags=["hide-input", "hide-output"]
checks_table(fund_checks, table_id="drift-checks-d09", caption="The discretionary fund: checks")

# %% [markdown]
# ## All checks of the chapter
#
# The text's figures are checked where they restate a table:
#
# - here: the foreword and the summary pages (lines 10–135), the financial rules and the chapter itself
#   (lines 2052–2734), and each programme area's narrative under its *Status økonomi* table;
# - elsewhere: the text on the church grant and pensions (lines 2359–2413) in the
#   {doc}`pension chapter <pensjon>`, and the figures of the discretionary-fund summary (lines 140–145) in
#   the {doc}`balance chapter <balanse>` (the name it gives the budgeted use, line 141, is checked here).
#
# Figures the text gives without a table to recompute them from (the national tax figures, the grants of
# the four-month reports, the wage-growth estimate) are read where the chapter uses them but not checked.

# %% tags=["hide-input"]
counts = all_checks["status"].value_counts().reindex(list(checks.STATUSES), fill_value=0)
g("checks_total", fmt(len(all_checks), 0))
for status, n in counts.items():
    g(f"checks_{status}", fmt(n, 0))
chapter_findings = findings.table(quoted, findings.load(CH))
g("n_findings", fmt(len(chapter_findings), 0))
g("n_contradicted", fmt(int(chapter_findings["verdict"].isin(["error", "inconsistency"]).sum()), 0))
# None changes the result as booked, but one, the Formannskap's line, is a gap in D01's accounts columns.
formannskap_gap = dr.committee_accounts_gap(get)
g(
    "statutory_findings",
    "None changes the net operating result as booked; most concern budget columns or the text's figures, "
    "but the Formannskap's line in the overview differs from its programme areas' tables "
    f"in the accounts columns too, by {mill(formannskap_gap['actual_2023'])} in 2023 and "
    f"{mill(formannskap_gap['actual_2022'])} in 2022.",
)
# The exercise's answer, computed here from the report's figures (not from `target`, which it changes).
asss = pm("asss_excl_oslo_resultatgrad_2023")
at_asss = dr.result_vs_target(get, target_pct=asss)
g("try_asss", fmt(asss, 2, "percent"))
g("try_asss_value", fmt(asss, 1))  # what the student types
g(
    "try_asss_verdict",
    "even the large municipalities' average would have been out of reach"
    if at_asss["shortfall"] > 0
    else "the large municipalities' average would have been met",
)
g("try_required", mill(at_asss["required_surplus"]))
g(
    "try_shortfall",
    f"a shortfall of {mill(at_asss['shortfall'])}"
    if at_asss["shortfall"] > 0
    else f"a margin of {mill(at_asss['shortfall'])} above it",
)
assert sum(counted.values()) == len(all_checks), "a check is under no section's Checks line"
# One layout for every chapter's list (findings.chapter_table): the id on one line under the finding's name,
# the size's unit in a column of its own, no line range broken.
findings.chapter_table(
    quoted, CH, "drift-findings", "The chapter's findings, largest first (each is explained in its section)"
)

# %% [markdown]
# Of {eval}`txt.checks_total` checks, {eval}`txt.checks_exact` are exact,
# {eval}`txt.checks_rounding` are within rounding, {eval}`txt.checks_truncated`
# are figures the text truncates rather than rounds, {eval}`txt.checks_estimate` are the
# book's estimates, and {eval}`txt.checks_discrepancy` fall outside the rule. They make
# {eval}`txt.n_findings` findings, {eval}`txt.n_contradicted` of them the
# report contradicting itself. Each is explained in the section where it arises; the table above lists
# them, largest first.
#
# {eval}`txt.statutory_findings`
#
# ## Try it
#
# The financial rules ask for a net operating result of {eval}`txt.target` of gross operating income.
# Open this chapter in JupyterLab (the rocket icon at the top of the page launches it on Binder, or run the
# downloaded notebook). In the cell below, replace `dr.TARGET_RESULTATGRAD_PCT` with {eval}`txt.try_asss_value`, the result the large municipalities
# (*{term}`ASSS`*, without Oslo) achieved in 2023 (the report's section *Økonomisk resultat*), and re-run the cell. The table then shows a
# target of {eval}`txt.try_asss`, a required surplus of {eval}`txt.try_required` and
# {eval}`txt.try_shortfall`: {eval}`txt.try_asss_verdict`. At what
# target would 2023's result just have met the rule? (Hint: the *resultatgrad*, in the table's second row.)

# %% tags=["hide-input"]
target = dr.TARGET_RESULTATGRAD_PCT  # the rules' target; try the ASSS municipalities' 2023 result
attempt = dr.result_vs_target(get, target_pct=target)
a = attempt
attempt_table = pd.DataFrame(
    {
        "figure": ["Gross operating income", "Net operating surplus (its % the resultatgrad)", "Target: the required surplus",
                   "Shortfall" if a["shortfall"] > 0 else "Margin above the target"],
        "nok": [a["gross_operating_income"] / 1000, a["net_operating_surplus"] / 1000, a["required_surplus"] / 1000,
                abs(a["shortfall"]) / 1000],
        "pct": ["", fmt(a["resultatgrad_pct"], 2), fmt(a["target_pct"], 2), ""],  # empty where no share
    }
)  # fmt: skip
styled(
    attempt_table,
    table_id="drift-try-target",
    decimals={"nok": 1},
    columns={"figure": "Figure", "nok": "NOK million", "pct": "%"},
    caption="The financial rule at the chosen target (shares in % of gross operating income)",
).set_table_styles([{"selector": "", "props": "width: 100%;"}], overwrite=False)  # the column's width
