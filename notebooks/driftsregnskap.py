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
# # Driftsregnskapet: the operating account
#
# *Download* this chapter as a notebook with its outputs, {download}`driftsregnskap.ipynb <driftsregnskap.ipynb>`,
# or as a script, {download}`driftsregnskap.py <driftsregnskap.py>`;
# its tables are on the {doc}`data page <../book/data>`.
#
# A Norwegian municipality keeps two accounts. The *{term}`Driftsregnskap`* (operating account) holds
# the year's running income and costs: taxes and grants on one side, schools, care and administration
# on the other. The *{term}`Investeringsregnskap`* (investment account) holds buildings, roads and
# lending. What the operating account leaves over, the *{term}`Netto driftsresultat`* (net operating
# result), pays for part of the investments and fills the reserves; a shortfall is met from the
# reserves. Drammen's own *{term}`Finansielle handlingsregler`* (financial rules of action), which the
# Local Government Act asks every municipality to set, aim for a surplus of a given share of income.
#
# This chapter covers the *{term}`Kommunekasse`* (the municipal treasury, the municipality without its
# enterprises). It tells the year first: what the result was, how the budget got there and what lies
# behind it. The sections after that rebuild each of the report's tables, the central income and costs,
# finance, dividends and the *{term}`Lånefond`* (loan fund), the *{term}`Programområde`* (programme
# areas), the *{term}`Årsoppgjørsdisposisjoner`* (year-end dispositions) and the
# *{term}`Disposisjonsfond`* (discretionary fund), and check every total and every figure the text
# restates against them.

# %% tags=["remove-input"]
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from aarsevaluering import checks, findings, style
from aarsevaluering.data import catalogue
from aarsevaluering.fmt import fmt, fmt_million
from aarsevaluering.identities import driftsregnskap as dr
from aarsevaluering.prose import Figures
from aarsevaluering.tables import checks_table, styled

txt = Figures()  # every figure the prose prints, shown there as {eval}`txt.<name>`
style.use_book_style()
get = checks.from_disk
CH = dr.CHAPTER
all_checks = checks.run(CH)  # every check of the chapter; the findings quote their figures


def g(key, text):
    """Keep a pre-formatted text for the chapter's prose, shown there as {eval}`txt.<key>`."""
    txt[key] = text


def mill(thousands, decimals=1):
    """An amount in NOK thousand written in NOK million, without sign (the prose says which way)."""
    return fmt_million(abs(thousands), decimals)


def row(frame, label, column):
    return checks.value(frame, column, label=label)


def pm(label):
    """A figure of the report's sentences (drift_prose_figures), as printed."""
    prose = get(dr.PROSE)
    return float(prose.loc[prose["label"] == label, "value"].iloc[0])


def show_section(name, *tables):
    """Keep a section's one-line count for the prose and return its checks (the findings boxes follow)."""
    part = dr.section(all_checks, *tables)
    g(f"{name}_summary", findings.summary_line(part))
    return part


d01, d02, d03, d05, d06, d07, d08, d09 = (
    get(t) for t in (dr.D01, dr.D02, dr.D03, dr.D05, dr.D06, dr.D07, dr.D08, dr.D09)
)
prog = get(dr.PROGRAMMES)

# %% tags=["remove-input"]
result = dr.result_vs_target(get)
revised, original = (dr.net_operating_surplus(get, c) for c in ("revised_budget_2023", "original_budget_2023"))
surplus_2022 = dr.net_operating_surplus(get, "actual_2022")
g("surplus", mill(result["net_operating_surplus"]))
g("revised_deficit", mill(revised))
g("original_surplus", mill(original))
g("original_surplus_text", fmt(pm("original_budget_net_operating_result"), 1, "NOK million"))
g("revisions", mill(revised - original))
g("improvement", mill(result["net_operating_surplus"] - revised))
g("surplus_2022", mill(surplus_2022))
g("gross_income", mill(result["gross_operating_income"]))
g("resultatgrad", fmt(result["resultatgrad_pct"], 2, "percent"))
g("resultatgrad_1", fmt(result["resultatgrad_pct"], 1, "percent"))
g("target", fmt(result["target_pct"], 2, "percent"))
g("required", mill(result["required_surplus"]))
g("shortfall", mill(result["shortfall"]))
g("state_extra", fmt(pm("state_extra_income_for_2024_costs"), 0, "NOK million"))
g("extra_dividend", fmt(pm("extraordinary_dividend_2023"), 0, "NOK million"))
g("withdrawal_2022", fmt(pm("extraordinary_owner_withdrawal_2022"), 0, "NOK million"))
path = dr.budget_path(get)
by_disp = path.set_index("disposition")
g("revision_disp_use", mill(1000 * by_disp.loc[dr.DISP_USE, "revision"]))
g("revision_bound_use", mill(1000 * by_disp.loc[dr.BOUND_USE, "revision"]))
g("revision_transfer", mill(1000 * by_disp.loc[dr.TO_INVESTMENT, "revision"]))
g("revision_provisions", mill(1000 * (by_disp.loc[dr.BOUND_ADD, "revision"] + by_disp.loc[dr.DISP_ADD, "revision"])))
one_offs = dr.result_without_one_offs(get)
for i, key in enumerate(["result", "excl_bound", "excl_dividend", "excl_state"]):
    g(f"oneoff_{key}", fmt(one_offs["nok_million"].iloc[i], 1, "NOK million"))
    g(f"oneoff_{key}_pct", fmt(one_offs["pct_of_income"].iloc[i], 2, "percent"))
g("bound_net", mill(dr.bound_funds_net(get)))
causes = dr.report_causes(get)
g("causes_sum", fmt(causes["printed"].sum(), 1, "NOK million"))
g("improvement_text", fmt(pm("improvement_on_revised_budget"), 1, "NOK million"))
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

# %% [markdown]
# ## The year in brief
#
# The treasury closed 2023 with a net operating surplus of {eval}`txt.surplus`. Measured
# as a share of *{term}`Brutto driftsinntekter`* (gross operating income, which the report does not print; the
# book infers it below from the fund's general reserve), the *{term}`Resultatgrad`*, that
# is {eval}`txt.resultatgrad` (the report rounds it to
# {eval}`txt.resultatgrad_1`), well short of the rules' target of
# {eval}`txt.target`. Meeting the target would have taken a surplus of
# {eval}`txt.required`, {eval}`txt.shortfall` more.
#
# **How the budget got there.** The budget adopted for the year planned a surplus of
# {eval}`txt.original_surplus` (the text says {eval}`txt.original_surplus_text`;
# see the finding below). The two *{term}`Tertialrapport`* (four-month report) revisions strengthened the
# programme areas and paid for it from the reserves: the *{term}`Revidert budsjett`* (revised budget) drew
# {eval}`txt.revision_disp_use` more from the discretionary fund and
# {eval}`txt.revision_bound_use` more from the *{term}`Bundne driftsfond`* (bound operating
# funds, earmarked money) than the adopted budget, while it raised the transfer to investment by
# {eval}`txt.revision_transfer` and provisions to funds by
# {eval}`txt.revision_provisions`. The net effect turned the planned surplus into a
# deficit of {eval}`txt.revised_deficit`; in the revised budget's dispositions (D08) the use
# of the discretionary fund pays for that deficit and, with the bound funds, for the transfer to investment. The
# year then came out {eval}`txt.improvement` better than the revised budget, but still
# below the adopted budget, as the report says.


# %% tags=["remove-input"] mystnb={"figure": {"caption": "The net operating result from the adopted budget through the four-month revisions to the revised budget and the accounts, NOK million (surplus positive). Source: Årsevaluering 2023, table D08.", "name": "fig-driftsregnskap-budget-path"}, "image": {"alt": "Waterfall chart: a grey bar for the adopted budget's surplus, an orange-red step down for the four-month revisions to a small deficit in the revised budget, a blue step up for the year, and a grey bar for the accounts' surplus, which lies between the revised and the adopted budget."}}
def waterfall(ax, labels, amounts, kinds):
    """Bars for totals ('start', 'end', 'balance') from zero, and steps floating on the running total."""
    running = 0.0
    for i, (amount, kind) in enumerate(zip(amounts, kinds, strict=True)):
        if kind in ("start", "end", "balance"):
            bottom, height, colour, hatch = 0.0, amount, style.NEUTRAL, None
            running = amount
        else:
            bottom, height = running, amount
            colour = style.POSITIVE if amount >= 0 else style.NEGATIVE
            hatch = "///" if kind == "residual" else None
            running += amount
        ax.bar(i, height, bottom=bottom, color=colour, hatch=hatch, edgecolor="white")
        ax.text(
            i,
            max(bottom, bottom + height) + 4,
            fmt(amount, 1, sign=kind not in ("start", "end", "balance")),
            ha="center",
            va="bottom",
            fontsize=8,
        )
    ax.set_xticks(range(len(labels)), labels, rotation=0, ha="center", fontsize=8)
    low, high = ax.get_ylim()
    ax.set_ylim(low, high + 0.1 * (high - low))  # room for the labels
    ax.axhline(0, color="black", linewidth=0.8)
    ax.grid(axis="x", visible=False)


fig, ax = style.figure(height=3.6)
waterfall(
    ax,
    ["Adopted budget", "Four-month\nrevisions", "Revised budget", "The year", "Accounts"],
    np.array([original, revised - original, revised, result["net_operating_surplus"] - revised,
              result["net_operating_surplus"]]) / 1000,
    ["start", "step", "balance", "step", "end"],
)  # fmt: skip
ax.set_ylabel("Net operating result (NOK million)")
ax.set_title("The revisions turned a planned surplus into a deficit; the year won most of it back")
style.finish(fig, table="table D08 (drift_year_end_dispositions)")
plt.show()

# %% [markdown]
# **Why the year came out better.** The report names five causes (lines 2081–2096): tax and income
# equalisation above budget, integration grants above budget, central costs below budget, the programme
# areas below budget before their provisions to funds, and dividends below budget. As printed, they add up
# to {eval}`txt.causes_sum` against the improvement of
# {eval}`txt.improvement_text` the report states: its own account of the year closes.

# %% tags=["remove-input"]
styled(
    causes.assign(line=causes["line"].astype(str)),
    table_id="drift-report-causes",
    columns={"cause": "Cause (report, lines 2081–2096)", "line": "Line", "printed": "As printed", "tables": "From the tables"},
    decimals={"line": 0, "printed": 1, "tables": 1},
    caption="The causes of the improvement on the revised budget, NOK million (a gain positive; the "
    "programme areas' figure before provisions has no table)",
)  # fmt: skip

# %% [markdown]
# **What the result is made of.** The report says the causes of the improvement are largely one-off (lines
# 2100–2101). It singles out two items that a reader may take out of the result. Provisions to bound funds
# are mainly unused earmarked grants and project money in the programme areas (lines 2727–2728), money tied
# to its purpose: the treasury set aside a net {eval}`txt.bound_net`, and the report itself
# shows the result without it, as several municipalities do to measure their room for manoeuvre (lines
# 2720–2724). The accounts also hold {eval}`txt.extra_dividend` of extra dividend (line
# 2061), which the adopted budget meant for the financing of investments (lines 2068–2069). The book's estimate
# below takes both out; the foreword (lines 9–11) takes out instead
# {eval}`txt.state_extra` of extra state income meant for costs that come in 2024, and
# says that without it the result would have been negative. The report does not say how the state money
# overlaps the provisions, so the book does not add the two.

# %% tags=["remove-input"]
styled(
    one_offs,
    table_id="drift-one-offs",
    columns={"step": "Result", "nok_million": "NOK million", "pct_of_income": "% of gross operating income"},
    decimals={"nok_million": 1, "pct_of_income": 2},
    caption="The net operating result without its one-off items (the book's estimate; gross operating income "
    "from D09's general reserve)",
)

# %% tags=["remove-input"] mystnb={"figure": {"caption": "The result as a share of gross operating income, as booked and without the one-off items the report names, against the target of the financial rules (%). Source: Årsevaluering 2023, tables D08 and D09, lines 9–11, 2061 and 2724; the book's estimate.", "name": "fig-driftsregnskap-one-offs"}, "image": {"alt": "Horizontal bars of the result as a share of gross operating income: the booked result is positive but short of the dashed target line; without the provisions to bound funds it is smaller; without the extra dividend as well it is negative, and so is the result without the extra state income the foreword names."}}
labels = ["As booked", "Without net provisions\nto bound funds", "… and without the\nextra dividend",
          "Without the extra\nstate income (foreword)"]  # fmt: skip
values = one_offs["pct_of_income"].to_numpy()
fig, ax = style.figure(height=3.2)
ax.barh(labels, values, color=[style.POSITIVE if v >= 0 else style.NEGATIVE for v in values])
ax.axvline(dr.TARGET_RESULTATGRAD_PCT, color=style.PALETTE["orange"], linestyle="--", linewidth=1.2)
ax.text(dr.TARGET_RESULTATGRAD_PCT - 0.05, 3.35, "Target", color=style.PALETTE["orange"], fontsize=8, ha="right")
ax.axvline(0, color="black", linewidth=0.8)
for i, v in enumerate(values):
    ax.text(
        v + (0.05 if v >= 0 else -0.05), i, fmt(v, 2, "%"), va="center", ha="left" if v >= 0 else "right", fontsize=8
    )
ax.set_xlim(min(values.min() * 1.5, -1.2), dr.TARGET_RESULTATGRAD_PCT * 1.25)
ax.invert_yaxis()
ax.set_xlabel("Net operating result, % of gross operating income")
ax.set_title("Without its one-off items the result falls below zero")
ax.grid(axis="y", visible=False)
style.finish(fig, table="tables D08 and D09, lines 9–11, 2061, 2724")
plt.show()

# %% [markdown]
# **Against 2022.** The surplus of 2022 was {eval}`txt.surplus_2022`. The report gives
# two reasons it stood so high (lines 2115–2119): very large extraordinary tax income, and an
# extraordinary withdrawal of {eval}`txt.withdrawal_2022` from the municipal enterprise
# Drammen Eiendom KF. The central-income table is consistent with both: tax fell by {eval}`txt.tax_fall_2022`
# in 2023, and the transfer from the municipal enterprises fell from {eval}`txt.enterprises_2022`
# to {eval}`txt.enterprises_2023`.
#
# **The reserves.** The surplus was too small to pay for the transfer to the investment account the budget
# set (lines 2657–2659), so the discretionary fund paid the rest: it fell by {eval}`txt.fund_fall`
# from {eval}`txt.fund_open` to {eval}`txt.fund_close`: still
# {eval}`txt.fund_margin` above the reserve the financial rules require.
#
# The sections below rebuild the tables behind each of these statements. The report's tables print
# income as negative and cost as positive, so a net operating result below zero is a surplus; amounts are
# in NOK thousand (*Beløp i 1000*) except the loan fund's account, printed in whole kroner. Each section
# ends with a line counting its checks, the findings that arise there, and the full list of its checks
# behind a toggle. The list of the chapter's tables is behind the toggle below.

# %% tags=["remove-input", "hide-output"]
styled(catalogue(CH), table_id="drift-catalogue", caption="The tables of this chapter (the data page names their files)",
       columns={"source_table": "Id", "title": "Title as printed", "unit": "Unit", "source_lines": "Lines",
                "rows": "Rows"})  # fmt: skip

# %% [markdown]
# ## How the tables sign a deviation
#
# A deviation can be budget minus accounts or accounts minus budget, and a percentage can divide by the
# budget or by its size. The report does not say which it uses, so the table below tries each convention on
# every printed row and counts the rows it fits (to within the last printed digit); the counts are behind
# the toggle.

# %% tags=["remove-input", "hide-output"]
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
    caption="Rows each deviation convention fits, per table (a printed '-' budget counts as 0)",
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
# the investment account, provisions to and use of bound funds and of the discretionary fund. The
# dispositions add up to minus the result, in every column. The table is shown in two parts so that each
# fits the page.

# %% tags=["remove-input"]
d08_cols = dr.report_columns(dr.D08)
styled(d08, table_id="drift-d08", columns={k: d08_cols[k] for k in ["label", "actual_2023", "revised_budget_2023"]},
       caption="D08 Avsetninger og årsoppgjørsdisposisjoner: the accounts and the regulated budget, 2023 (NOK thousand)")  # fmt: skip

# %% tags=["remove-input"]
styled(d08, table_id="drift-d08-b", columns={k: d08_cols[k] for k in ["label", "original_budget_2023", "actual_2022"]},
       caption="D08 Avsetninger og årsoppgjørsdisposisjoner: the original budget 2023 and the accounts 2022 (NOK thousand)")  # fmt: skip

# %% tags=["hide-input"]
g("reserve_pct", fmt(dr.GENERAL_RESERVE_PCT, 0, "percent"))
bounds = dr.gross_income_bounds(get)

# %% [markdown]
# The report never prints gross operating income, but three printed relations pin it down: the
# discretionary fund's general reserve is {eval}`txt.reserve_pct` of it, the fund is a
# printed share of it, and the text states the result's share. Each allows a range; they overlap, and the
# general reserve fixes the figure most tightly, at about {eval}`txt.gross_income`.

# %% tags=["remove-input"]
styled(
    bounds,
    table_id="drift-income-bounds",
    columns={"relation": "Relation", "share_pct": "Share (%)", "low": "Income from", "high": "to"},
    decimals={"share_pct": 1},
    caption="Gross operating income (NOK thousand) allowed by each printed relation",
)

# %% tags=["remove-input"]
result_checks = show_section("result", dr.D08)
findings.show(result_checks, all_checks)

# %% [markdown]
# *Checks.* The dispositions against the result in every column, the transfer to investment against the
# investment chapter's statement 2A, the text's restatements of the result, and its claims in words (the
# result is below the target, weaker than the adopted budget, too low to cover the transfer to investment,
# negative without the extra state income). {eval}`txt.result_summary`

# %% tags=["remove-input", "hide-output"]
checks_table(result_checks, table_id="drift-checks-d08", caption="The result and the year-end dispositions: checks")

# %% [markdown]
# ## Central income: less tax, more equalisation
#
# The *{term}`Frie disponible inntekter`* (freely disposable income) are the income the council may spend
# as it likes. In the report's table they are income and wealth tax, the state's *{term}`Rammetilskudd`*
# (block grant), several grants (for integration, for unaccompanied minor refugees, interest compensation)
# and the transfer from the municipal enterprises.

# %% tags=["remove-input"]
d02_cols = dr.report_columns(dr.D02)
styled(d02, table_id="drift-d02", columns={k: d02_cols[k] for k in ["label", "actual_2022", "revised_budget_2023", "actual_2023"]},
       caption="D02 Sentrale inntekter: the accounts and the revised budget (NOK thousand; income is negative)")  # fmt: skip

# %% tags=["remove-input"]
styled(d02, table_id="drift-d02-b", columns={k: d02_cols[k] for k in ["label", "deviation_nok", "deviation_pct"]},
       caption="D02 Sentrale inntekter: the deviation from the revised budget (NOK thousand and %; positive = favourable)")  # fmt: skip

# %% tags=["remove-input"]
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
# Central income came in {eval}`txt.income_above_budget` above the revised budget. Tax
# was {eval}`txt.tax_2023`, {eval}`txt.tax_below_budget` below budget
# and {eval}`txt.tax_fall_pct` below 2022. Tax fell across the country too, but less:
# by {eval}`txt.national_tax_fall` (line 2215). So Drammen's tax per inhabitant ended at
# {eval}`txt.tax_per_inhabitant` of the national average, where the revised budget had
# assumed {eval}`txt.tax_per_inhabitant_budget` (lines 2244–2246), and the income
# equalisation in the block grant, which makes up part of a municipality's gap to the average, paid
# {eval}`txt.grant_above_budget` more than budgeted.
#
# The *{term}`Integreringstilskudd`* (integration grant) came {eval}`txt.integration_above_budget`
# above budget. The report splits it (lines 2268–2277): almost {eval}`txt.integration_year1`
# from first-year grants, helped by slightly more refugees settled than planned and including a reward grant
# for settling more than first asked, and
# {eval}`txt.integration_years2_5` from grants for years two to five, among other things
# because refugees settled earlier moved in from other municipalities and grants were paid for people
# settled before. Most of the gain, then, did not come from this year's settlements.

# %% tags=["remove-input"] mystnb={"figure": {"caption": "Central income by source, 2022 and 2023 (NOK million). Source: Årsevaluering 2023, table D02.", "name": "fig-driftsregnskap-central-income"}, "image": {"alt": "Horizontal paired bars for each source of central income in 2022 and 2023. Tax is the largest and fell; the block grant is second and rose; the transfer from the municipal enterprises fell sharply; the other grants are small."}}
items = (
    d02[d02["row_kind"] == "item"]
    .assign(
        y2022=lambda f: -f["actual_2022"].astype(float) / 1000, y2023=lambda f: -f["actual_2023"].astype(float) / 1000
    )
    .sort_values("y2023", kind="stable")
)
fig, ax = style.figure(height=4.4)
pos = np.arange(len(items))
ax.barh(pos + 0.2, items["y2022"], height=0.4, color=style.PALETTE["sky"], label="2022")
ax.barh(pos - 0.2, items["y2023"], height=0.4, color=style.PALETTE["blue"], label="2023")
for p, a, b in zip(pos, items["y2022"], items["y2023"], strict=True):
    ax.text(max(a, b) + 40, p, f"{fmt(a, 0)} → {fmt(b, 0)}", va="center", fontsize=8)
ax.set_yticks(pos, items["label"], fontsize=8)
ax.set_xlim(0, items[["y2022", "y2023"]].to_numpy().max() * 1.4)
ax.set_xlabel("Income (NOK million)")
ax.set_title("Tax fell from 2022 to 2023; the block grant rose", pad=22)  # room for the legend above
style.legend_above(ax)
ax.grid(axis="y", visible=False)
style.finish(fig, table="table D02 (drift_central_income)")
plt.show()

# %% tags=["remove-input"]
income_checks = show_section("income", dr.D02)
findings.show(income_checks, all_checks)

# %% [markdown]
# *Checks.* The sum of each column, each row's deviation and percentage under the convention found above,
# and every figure the text restates from the table. {eval}`txt.income_summary`

# %% tags=["remove-input", "hide-output"]
checks_table(income_checks, table_id="drift-checks-d02", caption="Central income: checks")

# %% [markdown]
# ## Central costs: reserves left unspent, overspends elsewhere
#
# The *{term}`Sentrale utgifter`* (central costs) are costs held outside the programme areas: rent and
# cleaning of the municipality's buildings, depreciation, pensions, and reserves the council keeps back for
# uncertain needs.

# %% tags=["remove-input"]
styled(d03, table_id="drift-d03", columns=dr.report_columns(dr.D03), caption="D03 Sentrale utgifter (NOK thousand)")

# %% tags=["remove-input"]
cost_dev = checks.value(d03, "deviation_nok", row_kind="total")
depreciation = row(d03, "Avskrivninger", "deviation_nok")
reserves = row(d03, "Avsetninger flyktninger", "deviation_nok") + row(
    d03, "Avsetning priskompensasjon", "deviation_nok"
)
g("costs_under", mill(cost_dev))
g("depreciation_under", mill(depreciation))
g("costs_under_excl_dep", mill(cost_dev - depreciation))
g("refugees_unspent", mill(row(d03, "Avsetninger flyktninger", "deviation_nok")))
g("price_unspent", mill(row(d03, "Avsetning priskompensasjon", "deviation_nok")))
g("reserves_unspent", mill(reserves))
g("reserves_excess", mill(reserves - (cost_dev - depreciation)))
g("church_over", mill(row(d03, "Tilskudd Den norske kirke, kapitalkostnader og pensjon", "deviation_nok")))
g("pension_over", mill(row(d03, "Pensjon", "deviation_nok")))
g("rent_under", mill(row(d03, "Husleie og renhold", "deviation_nok")))

# %% [markdown]
# Central costs were {eval}`txt.costs_under` below budget. Of that,
# {eval}`txt.depreciation_under` is lower *{term}`Avskrivninger`* (depreciation), which the
# accounts neutralise before the net operating result; the rest, {eval}`txt.costs_under_excl_dep`,
# reaches the result. Two reserves were left unspent: {eval}`txt.refugees_unspent` set
# aside for settling extra refugees and {eval}`txt.price_unspent` for price compensation,
# together {eval}`txt.reserves_unspent`. That is more than the whole underspend: other
# rows overspent by {eval}`txt.reserves_excess` net. The largest are the grant to the
# Church of Norway's capital costs and pensions, moved here from P09 in 2023 and
# {eval}`txt.church_over` over budget, and pensions, {eval}`txt.pension_over`
# over; rent and cleaning, {eval}`txt.rent_under` under, pulled the other way.

# %% tags=["remove-input"]
cost_checks = show_section("costs", dr.D03)
findings.show(cost_checks, all_checks)

# %% [markdown]
# *Checks.* {eval}`txt.costs_summary`

# %% tags=["remove-input", "hide-output"]
checks_table(cost_checks, table_id="drift-checks-d03", caption="Central costs: checks")

# %% [markdown]
# ## Finance and dividends
#
# The finance table nets the treasury's interest and instalments against interest income, the loan fund's
# transfer and the *{term}`Utbytte`* (dividends) from companies the municipality owns.

# %% tags=["remove-input"]
styled(d05, table_id="drift-d05", columns=dr.report_columns(dr.D05),
       caption="D05 Finansinntekter og -utgifter (NOK thousand)")  # fmt: skip

# %% tags=["remove-input"]
d07_cols = dr.report_columns(dr.D07)
styled(d07, table_id="drift-d07", columns={k: d07_cols[k] for k in ["label", "actual_2022", "actual_2023", "deviation_nok"]},
       caption="D07 Mottatt utbytte 2022 og 2023: the accounts and the deviation (NOK thousand; a blank cell is printed blank)")  # fmt: skip

# %% tags=["remove-input"]
styled(d07, table_id="drift-d07-b", columns={k: d07_cols[k] for k in ["label", "original_budget_2023", "revised_budget_2023"]},
       caption="D07 Mottatt utbytte 2022 og 2023: the budgets (NOK thousand)")  # fmt: skip

# %% tags=["remove-input"]
finance_dev = checks.value(d05, "deviation_nok", row_kind="total")
dividend_dev = row(d05, "Utbytte", "deviation_nok")
g("finance_cost", mill(checks.value(d05, "actual_2023", row_kind="total")))
g("finance_dev", mill(finance_dev))
g("finance_other_dev", fmt(abs(finance_dev - dividend_dev), 0, "NOK 1000"))
g("dividends_2023", mill(checks.value(d07, "actual_2023", row_kind="total")))
g("dividends_revised", mill(checks.value(d07, "revised_budget_2023", row_kind="total")))
g("nedre_eiker", mill(row(d07, "Nedre Eiker Eiendomsutvikling AS 2)", "revised_budget_2023")))

# %% [markdown]
# Finance cost the treasury {eval}`txt.finance_cost` net, which is
# {eval}`txt.finance_dev` more than the revised budget. Nearly all of it is dividends: the
# revised budget counted on {eval}`txt.dividends_revised`, the accounts show
# {eval}`txt.dividends_2023`. The missing {eval}`txt.nedre_eiker` is
# Nedre Eiker Eiendomsutvikling AS: its payout on liquidation had to be booked as a sale of shares in the
# investment account, and the transfer from operations to investment was cut by the same amount (lines
# 2545–2550, 2667–2671). Higher interest costs and higher interest income almost cancel: the other finance
# rows together differ from budget by only {eval}`txt.finance_other_dev`.

# %% tags=["remove-input"]
finance_checks = show_section("finance", dr.D05, dr.D07)
findings.show(finance_checks, all_checks)

# %% [markdown]
# *Checks.* Each table's sums and deviations, the finance table's dividend row against the dividend
# table's companies, the loan fund's transfer in both tables, and the text's restatements.
# {eval}`txt.finance_summary`

# %% tags=["remove-input", "hide-output"]
checks_table(finance_checks, table_id="drift-checks-d05-d07", caption="Finance and dividends: checks")

# %% [markdown]
# ### The loan fund's account
#
# The loan fund is the municipality's internal bank: it borrows in the market and lends on to the treasury
# and the municipal enterprises. Its interest and instalment income should cover its interest and
# instalment costs and a budgeted transfer to the treasury. The table is printed in whole kroner and is
# shown here in two parts.

# %% tags=["remove-input"]
d06_cols = dr.report_columns(dr.D06)
styled(d06, table_id="drift-d06", columns={k: d06_cols[k] for k in ["label", "actual_2023", "deviation_nok"]},
       caption="D06 Lånefondets driftsregnskap for 2023: the accounts and the deviation from the revised budget (NOK)")  # fmt: skip

# %% tags=["remove-input"]
styled(d06, table_id="drift-d06-b", columns={k: d06_cols[k] for k in ["label", "original_budget_2023", "revised_budget_2023"]},
       caption="D06 Lånefondets driftsregnskap for 2023: the budgets (NOK; '–' = printed '-')")  # fmt: skip

# %% tags=["remove-input"]
loan = dr.loan_fund_drivers(get)
g("loan_budget_result", fmt(-loan["budgeted_result"], 0, "NOK"))
g("loan_interest_income_gain", fmt_million(loan["interest_income_gain"] / 1000, 1))
g("loan_interest_cost_rise", fmt_million(loan["interest_cost_rise"] / 1000, 1))
g("loan_interest_net", fmt(abs(loan["interest_net"]), 0, "NOK"))
g("loan_instalments", fmt_million(loan["instalments"] / 1000, 1))
g("loan_deficit_before", fmt_million(loan["deficit_before"] / 1000, 1))
g("loan_fund_use", fmt_million(abs(loan["fund_use"]) / 1000, 1))
g("loan_deficit_after", fmt_million(loan["deficit_after"] / 1000, 1))
g("loan_typo", fmt(row(d06, "Lånefond renteinntekter", "revised_budget_2023"), 0, "NOK"))
g("loan_typo_fixed", fmt(row(d06, "Lånefond renteinntekter", "original_budget_2023"), 0, "NOK"))

# %% [markdown]
# Added up, the original budget's rows leave the loan fund a surplus of only
# {eval}`txt.loan_budget_result` (so would the revised budget's, but for the typing error
# below); the report prints no budgeted result. In the accounts, interest roughly cancelled: interest income,
# including interest the budget did not foresee, came {eval}`txt.loan_interest_income_gain`
# above the budget and interest costs and fees {eval}`txt.loan_interest_cost_rise` above
# it, a net difference of only {eval}`txt.loan_interest_net`. The swing came from
# instalments: less instalment income and more instalment cost than budgeted, together
# {eval}`txt.loan_instalments`. That left a deficit of {eval}`txt.loan_deficit_before`
# before the year-end dispositions. A use of a discretionary fund («Bruk av disposisjonsfond») of {eval}`txt.loan_fund_use`,
# booked in the loan fund's own account, brought it to {eval}`txt.loan_deficit_after`,
# which the report says will be proposed for cover in the first four-month report of 2024 (lines 2486–2488). The treasury's
# discretionary fund (table D09) lists no such movement, so the book infers the loan fund drew on a fund of
# its own; the report does not say.
#
# The revised budget's first row is printed {eval}`txt.loan_typo`, a typing error for
# {eval}`txt.loan_typo_fixed` (the finding below).

# %% tags=["remove-input"]
loan_checks = show_section("loan", dr.D06)
findings.show(loan_checks, all_checks)

# %% [markdown]
# *Checks.* {eval}`txt.loan_summary`

# %% tags=["remove-input", "hide-output"]
checks_table(loan_checks, table_id="drift-checks-d06", caption="The loan fund: checks")

# %% [markdown]
# ## The programme areas
#
# The services are organised in programme areas (P01 to P19), grouped under the political committees: four
# *{term}`Hovedutvalg`* (standing committees) and the *{term}`Formannskap`* (executive committee). The overview
# prints one line per committee; each programme area's chapter prints a *Status økonomi* table with a
# single Sum row.

# %% tags=["remove-input"]
styled(d01, table_id="drift-d01", columns=dr.report_columns(dr.D01),
       caption="D01 Totaloversikt drift - fordelt på rammeområder (NOK thousand)")  # fmt: skip

# %% tags=["remove-input"]
prog_view = prog.assign(area=prog["programme_area"] + " " + prog["programme_area_name"])
prog_cols = {"area": "Programområde"} | {k: v for k, v in dr.report_columns(dr.PROGRAMMES).items() if k != "label"}
styled(prog_view, table_id="drift-d10-d25", columns=prog_cols,
       caption="D10–D25 Status økonomi, the Sum row of each programme area (NOK thousand)",
       total_mask=pd.Series(False, index=prog.index))  # fmt: skip

# %% tags=["remove-input"]
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
growth = dr.programme_growth(get)
total_growth = 100 * (
    checks.value(d01, "actual_2023", row_kind="total") / checks.value(d01, "actual_2022", row_kind="total") - 1
)
wage = pm("wage_growth_estimate_2023_pct")
g("wage_growth", fmt(wage, 1, "percent"))
g("total_growth", fmt(total_growth, 1, "percent"))
above = growth[(growth["growth_pct"] > wage) & (growth["actual_2022"] > 0)]
g("n_above_wage", fmt(len(above), 0))
g("n_areas", fmt(int((growth["actual_2022"] > 0).sum()), 0))
for area in ["P04", "P05", "P07", "P08", "P18"]:
    g(f"{area.lower()}_growth", fmt(growth.set_index("programme_area").loc[area, "growth_pct"], 1, "percent"))

# %% [markdown]
# After their own provisions to funds, the programme areas together spent {eval}`txt.programmes_under`
# less than budgeted, {eval}`txt.programmes_under_pct` of their budget. The differences
# between them are larger than the total, and each area's narrative gives its own reasons:
#
# - *Helse, sosial og omsorg* overspent by {eval}`txt.helse_over`. P05 (services for people
#   with disabilities) overspent by {eval}`txt.p05_dev`, mostly on services bought from
#   private providers for new users, on private respite care taken over with too small a frame, and on
#   transport (lines 5398–5412). P04 Helse overspent by {eval}`txt.p04_dev`: hired staff at the
#   health house, doctors' leave with limited refunds, sick leave at the emergency clinic and municipal GP
#   posts (lines 5223–5234). Both had been strengthened in the second four-month report (line 2135). P07
#   (drugs and mental health) underspent by {eval}`txt.p07_dev`, from refunds, an unused
#   grant and lower management costs (lines 5663–5667).
# - P02 Barnehager overspent by {eval}`txt.p02_dev`, on special-needs education and the
#   municipal kindergartens (line 4894).
# - P12 (water, sewerage and waste, a fee-funded service) underspent by {eval}`txt.p12_dev`:
#   posts it could not fill and maintenance put off after the storm «Hans» (lines 6394–6399). It carries
#   *Tekniske tjenester* to {eval}`txt.tekniske_under`, despite the snow-clearing costs that
#   put P11 {eval}`txt.p11_dev` over (lines 6130–6133).
# - P14 (management and administration) underspent by {eval}`txt.p14_dev`, most of the
#   Formannskap's {eval}`txt.formannskap_under`. Its narrative adds that one-off frame
#   increases of {eval}`txt.p14_one_offs` made it so: without them it would have overspent
#   by {eval}`txt.p14_without` (lines 6807–6808).

# %% tags=["remove-input"] mystnb={"figure": {"caption": "Programme areas: the growth of net cost from 2022 to 2023 against the revised wage-growth estimate, and the deviation from the revised budget (%). P12, whose net figure is income, is left out of the growth panel. Source: Årsevaluering 2023, tables D10–D25 and line 2419.", "name": "fig-driftsregnskap-programme-growth"}, "image": {"alt": "Two panels of horizontal bars, one row per programme area. Left: the growth of net cost from 2022 to 2023 in percent, with a dashed line at the wage-growth estimate; most areas lie above it, P05, P08, P11 and P18 far above, P04 and P07 below zero. Right: the deviation from the revised budget in percent of the budget, blue for underspends and orange-red for overspends; P04, P05 and P15 overspent most, P10, P12 and P13 underspent most."}}
view = growth.assign(area=growth["programme_area"])
fig, (left, right) = style.figure(1, 2, height=5, sharey=True)
pos = np.arange(len(view))
g_vals = view["growth_pct"].astype(float).where(view["actual_2022"].astype(float) > 0)
left.barh(pos, g_vals, color=[style.NEUTRAL if v <= wage else style.PALETTE["orange"] for v in g_vals.fillna(0)])
left.axvline(wage, color="black", linestyle="--", linewidth=1)
left.axvline(0, color="black", linewidth=0.8)
left.set_yticks(pos, view["area"], fontsize=8)
left.invert_yaxis()
left.set_xlabel("Net cost, change 2022–2023 (%;\ndashed: wage-growth estimate)")
left.set_title("Growth of net cost", fontsize=10)
d_vals = view["deviation_pct"].astype(float).to_numpy()
right.barh(pos, d_vals, color=[style.POSITIVE if v >= 0 else style.NEGATIVE for v in d_vals])
right.axvline(0, color="black", linewidth=0.8)
right.set_xlabel("Deviation, % of revised\nbudget (+ underspend)")
right.set_title("Deviation from budget", fontsize=10)
fig.suptitle(
    "Most areas' net cost grew faster than the wage-growth estimate; P04 and P05 overspent most",
    fontsize=10,
    fontweight="bold",
    x=0.01,
    ha="left",
)
for ax in (left, right):
    ax.grid(axis="y", visible=False)
style.finish(fig, table="tables D10–D25 (drift_programme_area_economy), line 2419")
plt.show()

# %% [markdown]
# **Cost growth against wage growth.** The report's only figure for wage growth in 2023 is the estimate the
# first four-month report raised to {eval}`txt.wage_growth` (line 2419). The programme
# areas' net cost grew by {eval}`txt.total_growth` in all, and {eval}`txt.n_above_wage`
# of the {eval}`txt.n_areas` areas with a net cost grew faster than that estimate. The
# comparison is rough: frames also moved for tasks shifted between areas (the church grant left P09 for the
# central costs), for the refugee funds of the four-month reports, and for one-off grants, and the report
# does not give the growth of any area net of these. P05 grew by {eval}`txt.p05_growth` and
# P08 (social services and housing) by {eval}`txt.p08_growth`, probably in part the
# refugee funds that P08 received in the first four-month report (line 5761); P18 (political governance),
# {eval}`txt.p18_growth`, had an election in 2023 (line 6961), though the report does not
# link the two. P04 ({eval}`txt.p04_growth`) and P07 ({eval}`txt.p07_growth`)
# spent less than in 2022.
#
# ### Do the programme areas add up to the committees?
#
# Each committee's line in the overview should be the sum of its programme areas' Sum rows. The report
# lists the Formannskap's areas as P14 to P18 (lines 6640–6672); P19 *Sentrale poster* is left out of the
# list and described in the report's opening chapter (line 6673).

# %% tags=["remove-input"]
roll = dr.committee_rollup(get)
styled(roll, table_id="drift-rollup",
       columns={"committee": "Committee", "unprinted": "No table", "budget_2023_printed": "Budget, D01",
                "budget_2023_areas": "Budget, areas", "deviation_nok_printed": "Deviation, D01",
                "deviation_nok_areas": "Deviation, areas"},
       caption="Committee lines (D01) against the sum of their programme areas (D10–D25), NOK thousand")  # fmt: skip

# %% tags=["remove-input"]
programme_checks = show_section("programmes", dr.D01, dr.PROGRAMMES)
findings.show(programme_checks, all_checks)

# %% [markdown]
# *Checks.* The overview's sums and deviations, each programme area's deviation and percentage, the
# committees against their areas in all four columns, each programme narrative's frame, deviation and
# percentage against its table, and the text's claims about which area carries a committee.
# {eval}`txt.programmes_summary`

# %% tags=["remove-input", "hide-output"]
checks_table(programme_checks, table_id="drift-checks-programmes", caption="Programme areas: checks")

# %% [markdown]
# ## From the revised budget to the result: the book's bridge
#
# The report explains the improvement with five causes, and they close (above). Its figure for the
# programme areas, though, is *before* their provisions to funds and has no table. The book's bridge rebuilds
# it from the tables: central income, central costs without depreciation, D01's deviation of the programme
# areas after their fund movements, and the extra net provisions to bound funds added back, on the
# assumption that all of them are the programme areas'. The report says only that they are *mainly* unused
# earmarked grants in the programme areas, so this bridge is the book's model, an estimate, and what it
# leaves over measures that assumption.

# %% tags=["remove-input"]
steps = dr.bridge(get)
styled(steps, table_id="drift-bridge", columns={"step": "Step", "amount": "NOK thousand", "source": "Table"},
       caption="The book's bridge from the revised budget's net operating result to the accounts' (surplus positive)",
       total_mask=steps["kind"].isin(["start", "end"]))  # fmt: skip

# %% tags=["remove-input"] mystnb={"figure": {"caption": "The book's bridge from the revised budget's net operating result to the accounts', NOK million (surplus positive). Source: Årsevaluering 2023, tables D01, D02, D03, D05 and D08.", "name": "fig-driftsregnskap-bridge"}, "image": {"alt": "Waterfall chart starting from a small deficit in the revised budget, rising with central income, central costs, the programme areas and the added-back fund provisions, falling with the dividend shortfall and a hatched residual, and ending at the surplus of the accounts."}}
fig, ax = style.figure(height=4.2)
short = steps["short"].str.replace(" ", "\n", n=1)
waterfall(ax, short, steps["amount"] / 1000, steps["kind"])
ax.tick_params(axis="x", labelsize=7)
ax.set_ylabel("Net operating result (NOK million)")
ax.set_title("Income, costs and programme areas lifted the result; dividends fell short")
style.finish(fig, table="tables D01, D02, D03, D05 and D08")
plt.show()

# %% tags=["remove-input"]
bridge_checks = show_section("bridge", dr.BRIDGE)
findings.show(bridge_checks, all_checks)

# %% [markdown]
# *Checks.* The report's causes against its improvement, the book's bridge (an estimate), and the
# discretionary fund's year-end correction, which D08 and D09 tie exactly: the improvement, less the extra
# provisions to bound funds, plus the cut in the transfer to investment. {eval}`txt.bridge_summary`

# %% tags=["remove-input", "hide-output"]
checks_table(bridge_checks, table_id="drift-checks-bridge", caption="The bridges: checks")

# %% [markdown]
# ## The discretionary fund and the reserve rule

# %% tags=["hide-input"]
g("interest_pct", fmt(dr.INTEREST_RESERVE_PCT, 0, "percent"))

# %% [markdown]
#
# The discretionary fund is the treasury's free reserve. The financial rules require it to hold at least a
# general reserve of {eval}`txt.reserve_pct` of gross operating income, an interest reserve
# (*{term}`Rentesikringsfond`*) of {eval}`txt.interest_pct` of the gross loan debt, and an
# owner-risk reserve (*{term}`Eier-risikofond`*).

# %% tags=["remove-input"]
d09_view = d09.assign(
    shown=[
        fmt(v, 1 if u == "percent" else 0, "percent" if u == "percent" else "")
        for v, u in zip(d09["value_2023"], d09["unit"], strict=True)
    ]
)
styled(
    d09_view,
    table_id="drift-d09",
    columns={"label": "Beløp i 1000", "shown": "2023"},
    caption="D09 Disposisjonsfond avsetning og bruk i 2023 (NOK thousand; last row %)",
    total_mask=d09["row_kind"].isin(["balance", "requirement", "margin"]),
).set_properties(subset=["2023"], **{"text-align": "right", "white-space": "nowrap"})

# %% tags=["remove-input"]
budgeted = d09.loc[(d09["row_kind"] == "movement") & ~d09["label"].str.startswith("Saldering"), "value_2023"].sum()
g("fund_budgeted_use", mill(budgeted))
g("fund_adopted_use", mill(checks.value(d09, "value_2023", label="Vedtatt budsjett - bruk")))
g("fund_year_end", mill(checks.value(d09, "value_2023", label="Saldering netto bruk regnskap 2023")))
g("fund_requirement", mill(checks.value(d09, "value_2023", row_kind="requirement")))
g("fund_share", fmt(100 * closing / result["gross_operating_income"], 2, "percent"))

# %% [markdown]
# The adopted budget planned to use {eval}`txt.fund_adopted_use` of the fund; with the two
# four-month revisions and two small decisions the budgeted use came to {eval}`txt.fund_budgeted_use`.
# The better result cut that by {eval}`txt.fund_year_end` at the year end, so the fund fell by
# {eval}`txt.fund_fall` to {eval}`txt.fund_close`. That is
# {eval}`txt.fund_share` of gross operating income and {eval}`txt.fund_margin`
# above the rules' requirement of {eval}`txt.fund_requirement`.

# %% tags=["remove-input"] mystnb={"figure": {"caption": "The discretionary fund in 2023, from 1 January to 31 December, against the reserve requirement (NOK million). Source: Årsevaluering 2023, table D09.", "name": "fig-driftsregnskap-disposition-fund"}, "image": {"alt": "Waterfall chart: the fund starts at its 1 January balance, drops with the adopted budget's and the first four-month report's use, rises slightly with the second report and the year-end correction, and ends at the 31 December balance, above a dashed line marking the reserve requirement."}}
flow = d09[d09["row_kind"].isin(["balance", "movement"])]
short = {
    "Saldo disposisjonsfond per 1.1.": "Balance\n1.1.",
    "Vedtatt budsjett - bruk": "Adopted\nbudget",
    "1. tertial 2023 - netto bruk": "1st\ntertial",
    "2. tertial 2023 - redusert bruk saldering": "2nd\ntertial",
    "Kommunestyrevedtak - hjelp jordskjelv Tyrkia/Syria": "Earthquake\naid",
    "Fullmakt kommunedirektør - bruk av fond faglig utvikling skole/barnehage": "School\nfund",
    "Saldering netto bruk regnskap 2023": "Year-end\ncorrection",
    "Saldo disposisjonsfond per 31.12 *": "Balance\n31.12",
}
fig, ax = style.figure(height=4.2)
waterfall(ax, flow["label"].map(short), flow["value_2023"].astype(float) / 1000, flow["row_kind"])
ax.tick_params(axis="x", labelsize=7)
requirement = checks.value(d09, "value_2023", row_kind="requirement") / 1000
ax.axhline(requirement, color=style.PALETTE["orange"], linestyle="--", linewidth=1.2)
ax.text(
    3.5, requirement + 10, "Reserve requirement", ha="center", va="bottom", fontsize=8, color=style.PALETTE["orange"]
)
ax.set_ylabel("Discretionary fund (NOK million)")
ax.set_title("The fund fell in 2023 but stays well above the requirement")
style.finish(fig, table="table D09 (drift_disposition_fund)")
plt.show()

# %% tags=["remove-input"]
fund_checks = show_section("fund", dr.D09)
findings.show(fund_checks, all_checks)

# %% [markdown]
# *Checks.* The balance rolled forward, the requirement and margin, the fund's share of gross operating
# income, the movements against the year-end table, the text's restatements and the summary's name for the
# budgeted use. {eval}`txt.fund_summary`

# %% tags=["remove-input", "hide-output"]
checks_table(fund_checks, table_id="drift-checks-d09", caption="The discretionary fund: checks")

# %% [markdown]
# ## All checks of the chapter
#
# The text's figures are checked where they restate a table: the foreword and the summary pages (lines 10
# to 135), the financial rules and the chapter itself (lines 2052–2734), and each programme area's
# narrative under its *Status økonomi* table. The figures of the report's discretionary-fund summary (lines
# 140–145) are checked in the {doc}`balance chapter <balanse>`; the name it gives the budgeted use (line 141) is
# checked here. Figures the text gives without a table to recompute them
# from (the national tax figures, the grants of the four-month reports, the wage-growth estimate) are read
# where the chapter uses them but not checked.

# %% tags=["remove-input"]
counts = all_checks["status"].value_counts().reindex(list(checks.STATUSES), fill_value=0)
g("checks_total", fmt(len(all_checks), 0))
for status, n in counts.items():
    g(f"checks_{status}", fmt(n, 0))
chapter_findings = findings.table(all_checks, findings.load(CH))
g("n_findings", fmt(len(chapter_findings), 0))
g("n_contradicted", fmt(int(chapter_findings["verdict"].isin(["error", "inconsistency"]).sum()), 0))
styled(chapter_findings, table_id="drift-findings",
       columns={"finding_id": "Finding", "verdict": "Verdict", "size_text": "Size", "source_lines": "Lines"},
       caption="The chapter's findings, largest first (each is explained in its section)")  # fmt: skip

# %% [markdown]
# Of {eval}`txt.checks_total` checks, {eval}`txt.checks_exact` are exact,
# {eval}`txt.checks_rounding` are within rounding, {eval}`txt.checks_truncated`
# are figures the text truncates rather than rounds, {eval}`txt.checks_estimate` are the
# book's estimates, and {eval}`txt.checks_discrepancy` fall outside the rule. They make
# {eval}`txt.n_findings` findings, {eval}`txt.n_contradicted` of them the
# report contradicting itself. None touches the year's result: they are a typing error in the loan fund's
# budget, a flipped sign, a committee whose areas are not all printed, sentences that state a figure
# differently from the tables or give the budgeted use of the fund the adopted budget's name, and one gap
# that measures the book's own bridge, not a slip of the report.
#
# ## Try it
#
# The financial rules ask for a net operating result of {eval}`txt.target` of gross
# operating income. Change `target` below, for example to the result the large municipalities
# (*{term}`ASSS`*, without Oslo) achieved in 2023 (line 2114) or to a stricter target, and re-run the cell. Watch the required surplus and the
# shortfall: at what target would 2023's result just have met the rule? (Hint: compare with the
# *resultatgrad* row.)

# %% tags=["hide-input"]
target = dr.TARGET_RESULTATGRAD_PCT  # try 1.5 (the ASSS municipalities' result without Oslo, 2023) or 2.0
attempt = dr.result_vs_target(get, target_pct=target)
attempt_table = pd.DataFrame(
    {
        "figure": ["Gross operating income", "Net operating surplus", "Resultatgrad", "Target", "Required surplus",
                   "Shortfall"],
        "value": [mill(attempt["gross_operating_income"]), mill(attempt["net_operating_surplus"]),
                  fmt(attempt["resultatgrad_pct"], 2, "percent"), fmt(attempt["target_pct"], 2, "percent"),
                  mill(attempt["required_surplus"]), fmt_million(attempt["shortfall"], 1, sign=True)],
    }
)  # fmt: skip
styled(attempt_table, table_id="drift-try-target", columns={"figure": "Figure", "value": "Value"},
       caption="The financial rule at the chosen target")  # fmt: skip
