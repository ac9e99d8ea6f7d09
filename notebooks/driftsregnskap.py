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
# lending. The operating account has to leave a surplus, the *{term}`Netto driftsresultat`* (net
# operating result), and that surplus pays for part of the investments and fills the reserves.
#
# This chapter rebuilds the report's operating-account chapter for the *{term}`Kommunekasse`* (the
# municipal treasury, the municipality without its enterprises): the year's result and the
# *{term}`Finansielle handlingsregler`* (financial rules of action) it is measured against, the central
# income and costs, finance, dividends and the *{term}`Lånefond`* (loan fund), the year-end
# *{term}`Årsoppgjørsdisposisjoner`* (year-end dispositions), the *{term}`Disposisjonsfond`*
# (discretionary fund), and the "Status økonomi" table of each *{term}`Programområde`* (programme area).
#
# Two habits of the accounts matter throughout. Income is printed negative and cost positive, so a
# net operating result below zero is a surplus. And amounts are in NOK thousand (*Beløp i 1000*),
# except the loan fund's account, which is printed in whole kroner.
#
# The chapter draws on these tables, each transcribed as printed:

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from myst_nb import glue

from aarsevaluering import checks, style, tables
from aarsevaluering.data import catalogue
from aarsevaluering.fmt import fmt, fmt_million
from aarsevaluering.identities import driftsregnskap as dr

style.use_book_style()
get = checks.from_disk
CH = dr.CHAPTER


def g(key, text):
    """Glue a pre-formatted text for the chapter's prose."""
    glue(f"{CH}_{key}", text, display=False)


def mill(thousands, decimals=1):
    """An amount in NOK thousand written in NOK million, without sign (the prose says which way)."""
    return fmt_million(abs(thousands), decimals)


def show_checks(names, table_id):
    """Run some of the chapter's identities and show their checks."""
    return tables.checks_table(checks.run(CH, only=names), table_id=table_id)


tables.styled(catalogue(CH), table_id="drift-catalogue", caption="The tables of this chapter",
              columns={"table": "Table", "source_table": "Id", "title": "Title as printed", "unit": "Unit",
                       "source_lines": "Lines", "rows": "Rows"})  # fmt: skip

# %% [markdown]
# ## How does each table sign a deviation?
#
# A deviation can be budget minus accounts or accounts minus budget, and a percentage can divide by
# the budget or by its size. The report does not say which it uses, so the table below tries each
# convention on every printed row and counts the rows it fits (to within the last printed digit).

# %%
conventions = dr.deviation_conventions(get)
tables.styled(
    conventions.drop(columns="table"),
    table_id="drift-conventions",
    columns={
        "title": "Table",
        "rows": "Rows",
        "budget − accounts": "budget − accounts",
        "accounts − budget": "accounts − budget",
        "% = deviation / |budget|": "% = dev. / |budget|",
        "% = deviation / budget": "% = dev. / budget",
    },
    caption="Rows each deviation convention fits, per table (a printed '-' budget counts as 0)",
)

# %% [markdown]
# The result is clear and the chapter applies it throughout:
#
# - **The treasury's tables** (the overview by committee, central income, central costs, finance,
#   dividends and the programme areas) print **budget − accounts**. Income is negative, so for income
#   too a positive deviation is favourable: more income or less cost than budgeted, a
#   *{term}`Mindreforbruk`* (underspend). A negative deviation is a *{term}`Merforbruk`* (overspend).
#   The percentage is the deviation divided by the budget's size, so it carries the deviation's sign,
#   and a row with a zero budget prints a zero percentage.
# - **One row breaks the percentage rule**: the Sum row of central income divides by the signed, negative
#   budget and so prints a favourable deviation with a minus sign.
# - **The loan fund** prints **accounts − budget**, the opposite way: there a positive deviation is
#   unfavourable. Its one row that fits neither way is a typing error in the budget, shown below.

# %% [markdown]
# ## How did the year end?
#
# The year-end table sets the net operating result beside the dispositions that use it up: the
# transfer to the investment account, provisions to and use of the *{term}`Bundne driftsfond`* (bound
# operating funds, earmarked money) and of the discretionary fund. The dispositions add up to minus the
# result, so every krone of the result is accounted for.

# %%
d08 = get(dr.D08)
tables.styled(
    d08,
    table_id="drift-d08",
    columns=dr.report_columns(dr.D08),
    caption="D08 Avsetninger og årsoppgjørsdisposisjoner (NOK thousand)",
)

# %%
result = dr.result_vs_target(get)
revised, original = (dr.net_operating_surplus(get, c) for c in ("revised_budget_2023", "original_budget_2023"))
g("surplus", mill(result["net_operating_surplus"]))
g("revised_deficit", mill(revised))
g("original_surplus", mill(original))
g("improvement", mill(result["net_operating_surplus"] - revised))
g("surplus_2022", mill(dr.net_operating_surplus(get, "actual_2022")))

# %% [markdown]
# The treasury closed 2023 with a net operating surplus of {glue:text}`driftsregnskap_surplus:s`. The
# *{term}`Revidert budsjett`* (revised budget), after the two *{term}`Tertialrapport`* (four-month
# report) revisions, had expected a deficit of {glue:text}`driftsregnskap_revised_deficit:s`, so the
# result is {glue:text}`driftsregnskap_improvement:s` better than the revised budget. It is still below
# the original budget's surplus of {glue:text}`driftsregnskap_original_surplus:s`, and far below 2022's
# {glue:text}`driftsregnskap_surplus_2022:s`, a year of exceptional tax income.
#
# ### The result against the target
#
# The financial rules measure the result as a share of *{term}`Brutto driftsinntekter`* (gross
# operating income), the *{term}`Resultatgrad`*. The report never prints gross operating income, but
# printed relations pin it down: the discretionary fund's general reserve is
# {glue:text}`driftsregnskap_reserve_pct:s` of it, the fund is a printed share of it, and the text states
# the result's share (a row below when the text's figures are in the data). Each relation, with the
# rounding of its printed share, allows a range:

# %%
g("reserve_pct", fmt(dr.GENERAL_RESERVE_PCT, 0, "percent"))
bounds = dr.gross_income_bounds(get)
tables.styled(
    bounds,
    table_id="drift-income-bounds",
    columns={
        "relation": "Relation",
        "figure": "Figure (NOK thousand)",
        "share_pct": "Printed share (%)",
        "low": "Gross income from",
        "high": "to",
    },
    decimals={"share_pct": 1},
    caption="Gross operating income (NOK thousand) allowed by each printed relation",
)

# %%
g("gross_income", mill(result["gross_operating_income"]))
g("resultatgrad", fmt(result["resultatgrad_pct"], 2, "percent"))
g("resultatgrad_1", fmt(result["resultatgrad_pct"], 1, "percent"))
g("target", fmt(result["target_pct"], 2, "percent"))
g("required", mill(result["required_surplus"]))
g("shortfall", mill(result["shortfall"]))

# %% [markdown]
# The ranges overlap, and the general reserve fixes the figure most tightly: gross operating income
# was about {glue:text}`driftsregnskap_gross_income:s`. The surplus is then
# {glue:text}`driftsregnskap_resultatgrad:s` of it, which the report rounds to
# {glue:text}`driftsregnskap_resultatgrad_1:s`. Meeting the target of {glue:text}`driftsregnskap_target:s`
# would have taken a surplus of {glue:text}`driftsregnskap_required:s`, which is
# {glue:text}`driftsregnskap_shortfall:s` more than the treasury achieved.
#
# The checks of the year-end table: the dispositions against the result in every column, and the
# transfer to investment against the investment chapter's statement 2A.

# %%
show_checks(["year_end_dispositions"], "drift-checks-d08")

# %% [markdown]
# ## Central income: less tax, more equalisation
#
# The *{term}`Frie disponible inntekter`* (freely disposable income) are the income the council may
# spend as it likes: income and wealth tax, the state's *{term}`Rammetilskudd`* (block grant) and a
# few general grants.

# %%
d02 = get(dr.D02)
tables.styled(
    d02,
    table_id="drift-d02",
    columns=dr.report_columns(dr.D02),
    caption="D02 Sentrale inntekter (NOK thousand; income is negative)",
)


# %%
def row(frame, label, column):
    return checks.value(frame, column, label=label)


tax = "Skatt på inntekt og formue"
g("income_above_budget", mill(checks.value(d02, "deviation_nok", row_kind="total")))
g("tax_2023", mill(row(d02, tax, "actual_2023")))
g("tax_fall", mill(row(d02, tax, "actual_2023") - row(d02, tax, "actual_2022")))
g("tax_fall_pct", fmt(100 * (1 - row(d02, tax, "actual_2023") / row(d02, tax, "actual_2022")), 1, "percent"))
g("tax_below_budget", mill(row(d02, tax, "deviation_nok")))
g("grant_above_budget", mill(row(d02, "Rammetilskudd", "deviation_nok")))
g("integration_above_budget", mill(row(d02, "Integreringstilskudd", "deviation_nok")))
g(
    "transfer_enterprises_fall",
    mill(
        row(d02, "Overføring fra kommunale foretak", "actual_2022")
        - row(d02, "Overføring fra kommunale foretak", "actual_2023")
    ),
)

# %% [markdown]
# Central income came in {glue:text}`driftsregnskap_income_above_budget:s` above the revised budget.
# Tax was {glue:text}`driftsregnskap_tax_2023:s`: {glue:text}`driftsregnskap_tax_below_budget:s` below
# budget and {glue:text}`driftsregnskap_tax_fall:s` ({glue:text}`driftsregnskap_tax_fall_pct:s`) below
# the exceptional 2022. Because tax grew faster elsewhere in the country, the income equalisation in
# the block grant brought {glue:text}`driftsregnskap_grant_above_budget:s` more than budgeted, and more
# refugees settled than planned lifted the *{term}`Integreringstilskudd`* (integration grant) by
# {glue:text}`driftsregnskap_integration_above_budget:s`. The transfer from the municipal enterprises
# fell by {glue:text}`driftsregnskap_transfer_enterprises_fall:s` from 2022, which had included an
# extraordinary withdrawal.

# %% mystnb={"figure": {"caption": "Central income by source, 2022 and 2023 (NOK million).", "name": "fig-driftsregnskap-central-income"}, "image": {"alt": "Horizontal paired bars for each source of central income in 2022 and 2023. Tax is the largest and fell; the block grant is second and rose; the other grants are small."}}
items = (
    d02[d02["row_kind"] == "item"]
    .assign(
        y2022=lambda f: -f["actual_2022"].astype(float) / 1000, y2023=lambda f: -f["actual_2023"].astype(float) / 1000
    )
    .sort_values("y2023", kind="stable")
)
fig, ax = plt.subplots(figsize=(7.5, 4.6))
pos = np.arange(len(items))
ax.barh(pos + 0.2, items["y2022"], height=0.4, color=style.PALETTE["sky"], label="2022")
ax.barh(pos - 0.2, items["y2023"], height=0.4, color=style.PALETTE["blue"], label="2023")
for p, a, b in zip(pos, items["y2022"], items["y2023"], strict=True):
    ax.text(max(a, b) + 40, p, f"{fmt(a, 0)} → {fmt(b, 0)}", va="center", fontsize=8)
ax.set_yticks(pos, items["label"])
ax.set_xlim(0, items[["y2022", "y2023"]].to_numpy().max() * 1.35)
ax.set_xlabel("Income (NOK million)")
ax.set_title("Tax fell from 2022 to 2023; the block grant rose")
ax.legend(loc="lower right", frameon=False)
ax.grid(axis="y", visible=False)
style.finish(fig, table="table D02 (drift_central_income)")
plt.show()

# %% [markdown]
# The checks of central income: the sum of each column, and each row's deviation and percentage under
# the convention found above. The Sum row's percentage is the one discrepancy: the sign flip noted
# above.

# %%
show_checks(["central_income"], "drift-checks-d02")

# %% [markdown]
# ## Central costs: unspent reserves
#
# The *{term}`Sentrale utgifter`* (central costs) are costs held outside the programme areas: rent and
# cleaning of the municipality's buildings, depreciation, pensions, and reserves the council keeps back
# for uncertain needs.

# %%
d03 = get(dr.D03)
tables.styled(
    d03,
    table_id="drift-d03",
    columns=dr.report_columns(dr.D03),
    caption="D03 Sentrale utgifter (NOK thousand)",
)

# %%
cost_dev = checks.value(d03, "deviation_nok", row_kind="total")
depreciation = row(d03, "Avskrivninger", "deviation_nok")
g("costs_under", mill(cost_dev))
g("depreciation_under", mill(depreciation))
g("costs_under_excl_dep", mill(cost_dev - depreciation))
g("refugees_unspent", mill(row(d03, "Avsetninger flyktninger", "deviation_nok")))
g("price_unspent", mill(row(d03, "Avsetning priskompensasjon", "deviation_nok")))
g("church_over", mill(row(d03, "Tilskudd Den norske kirke, kapitalkostnader og pensjon", "deviation_nok")))

# %% [markdown]
# Central costs were {glue:text}`driftsregnskap_costs_under:s` below budget. Of that,
# {glue:text}`driftsregnskap_depreciation_under:s` is lower *{term}`Avskrivninger`* (depreciation), which
# the accounts add back before the net operating result and which therefore does not change it; the
# rest, {glue:text}`driftsregnskap_costs_under_excl_dep:s`, does. Most of it is two reserves left unspent:
# {glue:text}`driftsregnskap_refugees_unspent:s` set aside for settling extra refugees and
# {glue:text}`driftsregnskap_price_unspent:s` for price compensation. The grant to the Church of Norway's
# capital costs and pensions, moved here from P09 in 2023, ran {glue:text}`driftsregnskap_church_over:s`
# over budget.

# %%
show_checks(["central_expenses"], "drift-checks-d03")

# %% [markdown]
# ## Finance, dividends and the loan fund
#
# The finance table nets the treasury's interest and instalments against interest income, the loan
# fund's transfer and the *{term}`Utbytte`* (dividends) from companies the municipality owns.

# %%
d05, d07 = get(dr.D05), get(dr.D07)
tables.styled(
    d05,
    table_id="drift-d05",
    columns=dr.report_columns(dr.D05),
    caption="D05 Finansinntekter og -utgifter (NOK thousand)",
)

# %%
tables.styled(
    d07,
    table_id="drift-d07",
    columns=dr.report_columns(dr.D07),
    caption="D07 Mottatt utbytte 2022 og 2023 (NOK thousand; a blank cell is printed blank)",
)

# %%
finance_dev = checks.value(d05, "deviation_nok", row_kind="total")
dividend_dev = row(d05, "Utbytte", "deviation_nok")
g("finance_cost", mill(checks.value(d05, "actual_2023", row_kind="total")))
g("finance_dev", mill(finance_dev))
g("dividend_dev", mill(dividend_dev))
g("finance_other_dev", fmt(abs(finance_dev - dividend_dev), 0, "NOK 1000"))
g("dividends_2023", mill(checks.value(d07, "actual_2023", row_kind="total")))
g("dividends_revised", mill(checks.value(d07, "revised_budget_2023", row_kind="total")))
g("nedre_eiker", mill(row(d07, "Nedre Eiker Eiendomsutvikling AS 2)", "revised_budget_2023")))

# %% [markdown]
# Finance cost the treasury {glue:text}`driftsregnskap_finance_cost:s` net, which is
# {glue:text}`driftsregnskap_finance_dev:s` more than the revised budget. Nearly all of it is dividends:
# the revised budget counted on {glue:text}`driftsregnskap_dividends_revised:s`, the accounts show
# {glue:text}`driftsregnskap_dividends_2023:s`. The missing {glue:text}`driftsregnskap_nedre_eiker:s` is
# Nedre Eiker Eiendomsutvikling AS: its payout on liquidation had to be booked as a sale of shares in the
# investment account, and the transfer from operations to investment was cut by the same amount. Higher
# interest costs and higher interest income almost cancel: the other finance rows together differ from
# budget by only {glue:text}`driftsregnskap_finance_other_dev:s`.
#
# The finance table's dividend row and the dividend table's total are the same figure printed twice;
# the checks below compare them, beside each table's sums and deviations.

# %%
show_checks(["financial_items", "dividends"], "drift-checks-d05-d07")

# %% [markdown]
# ### The loan fund's account
#
# The loan fund is the municipality's internal bank: it borrows in the market and lends on to the
# treasury and the municipal enterprises. Its interest and instalment income should cover its interest
# and instalment costs and a budgeted transfer to the treasury. The table is printed in whole kroner.

# %%
d06 = get(dr.D06)
tables.styled(
    d06,
    table_id="drift-d06",
    columns=dr.report_columns(dr.D06),
    caption="D06 Lånefondets driftsregnskap for 2023 (NOK; '–' = printed '-')",
)

# %%
balance = dr.loan_fund_balance(get)
tables.styled(
    balance.rename_axis("line").reset_index(),
    table_id="drift-d06-balance",
    columns={
        "line": "Line",
        "actual_2023": "Accounts 2023",
        "original_budget_2023": "Original budget",
        "revised_budget_2023": "Revised budget",
        "deviation_nok": "Deviation",
    },
    caption="The loan fund's account added up per printed column (NOK; income negative, a positive result a deficit)",
    total_mask=pd.Series([False, False, False, True, True]),
)

# %%
before = balance.loc["Result before dispositions (computed)"]
d06_after = d06.loc[d06["label"].str.startswith("Resultat etter"), "actual_2023"].iloc[0]
d06_typo = row(d06, "Lånefond renteinntekter", "revised_budget_2023")
g("loan_deficit_before", fmt_million(before["actual_2023"] / 1000, 1))
g("loan_deficit_after", fmt_million(d06_after / 1000, 1))
g("loan_budget_result", fmt(-before["original_budget_2023"], 0, "NOK"))
g("loan_typo", fmt(d06_typo, 0, "NOK"))
g("loan_typo_fixed", fmt(row(d06, "Lånefond renteinntekter", "original_budget_2023"), 0, "NOK"))

# %% [markdown]
# Added up, the budget columns leave the loan fund a surplus of only
# {glue:text}`driftsregnskap_loan_budget_result:s`; the report prints no budgeted result. In the accounts,
# interest costs overran their budget by more than interest income did, and the fund ended with a deficit of
# {glue:text}`driftsregnskap_loan_deficit_before:s` before, and {glue:text}`driftsregnskap_loan_deficit_after:s`
# after, a contribution from the discretionary fund. The revised budget's first row is printed
# {glue:text}`driftsregnskap_loan_typo:s`, a typing error for {glue:text}`driftsregnskap_loan_typo_fixed:s`:
# with it, the revised column does not add up and the row's deviation cannot be reproduced, while the
# printed sum and deviation fit the corrected figure. The checks below also compare the transfer to
# the treasury with the finance table's row for it.

# %%
show_checks(["loan_fund"], "drift-checks-d06")

# %% [markdown]
# ## The programme areas
#
# The services are organised in programme areas (P01 to P19), grouped under the political committees:
# four *{term}`Hovedutvalg`* (standing committees) and the *{term}`Formannskap`* (executive committee).
# The overview prints one line per committee. Its budget is the revised budget: where a committee's
# programme areas are all printed, their revised budgets add up to it.

# %%
d01 = get(dr.D01)
tables.styled(
    d01,
    table_id="drift-d01",
    columns=dr.report_columns(dr.D01),
    caption="D01 Totaloversikt drift - fordelt på rammeområder (NOK thousand)",
)

# %% [markdown]
# Each programme area's chapter prints a "Status økonomi" table with a single Sum row. Gathered in one
# table, in the report's order:

# %%
prog = get(dr.PROGRAMMES)
prog_view = prog.assign(area=prog["programme_area"] + " " + prog["programme_area_name"])
tables.styled(
    prog_view,
    table_id="drift-d10-d25",
    columns={"area": "Programområde"} | {k: v for k, v in dr.report_columns(dr.PROGRAMMES).items() if k != "label"},
    caption="D10–D25 Status økonomi, the Sum row of each programme area (NOK thousand)",
    total_mask=pd.Series(False, index=prog.index),
)

# %%
d01_total = checks.value(d01, "deviation_nok", row_kind="total")
g("programmes_under", mill(d01_total))
g(
    "programmes_under_pct",
    fmt(dr.pct_of_budget(d01_total, checks.value(d01, "budget_2023", row_kind="total")), 1, "percent"),
)
g("formannskap_under", mill(row(d01, "Formannskap", "deviation_nok")))
for area in ["P02", "P04", "P05", "P12", "P14"]:
    g(f"{area.lower()}_dev", mill(checks.value(prog, "deviation_nok", programme_area=area)))
g("helse_over", mill(row(d01, "Hovedutvalg for helse, sosial og omsorg", "deviation_nok")))
g("tekniske_under", mill(row(d01, "Hovedutvalg for tekniske tjenester", "deviation_nok")))

# %% [markdown]
# After their own provisions to funds, the programme areas spent {glue:text}`driftsregnskap_programmes_under:s`
# less than budgeted, {glue:text}`driftsregnskap_programmes_under_pct:s` of their budget. The
# differences between them are larger than the total. *Helse, sosial og omsorg* overspent by
# {glue:text}`driftsregnskap_helse_over:s`, above all P05 (services for people with disabilities,
# {glue:text}`driftsregnskap_p05_dev:s`) and P04 Helse ({glue:text}`driftsregnskap_p04_dev:s`); P02
# Barnehager overspent by {glue:text}`driftsregnskap_p02_dev:s`. On the other side, P12 (water, sewerage and
# waste, a fee-funded service) was {glue:text}`driftsregnskap_p12_dev:s` under budget, which carries
# *Tekniske tjenester* to {glue:text}`driftsregnskap_tekniske_under:s`, and P14 (management and
# administration) {glue:text}`driftsregnskap_p14_dev:s`, most of the Formannskap's
# {glue:text}`driftsregnskap_formannskap_under:s`.

# %% mystnb={"figure": {"caption": "Deviation from the revised budget by programme area, 2023 (NOK million; positive = underspend).", "name": "fig-driftsregnskap-programme-deviation"}, "image": {"alt": "Horizontal bars sorted from the largest overspend, P05 and P04, to the largest underspend, P12 and P14. A hatched grey bar shows the combined deviation of P16, P17 and P19 implied by the Formannskap's total."}}
devs = dr.programme_deviations(get).assign(mnok=lambda f: f["deviation_nok"] / 1000)
fig, ax = plt.subplots(figsize=(7.5, 5.2))
colours = [
    style.NEUTRAL if not p else (style.POSITIVE if v >= 0 else style.NEGATIVE)
    for p, v in zip(devs["printed"], devs["mnok"], strict=True)
]
bars = ax.barh(devs["area"], devs["mnok"], color=colours)
for bar, printed in zip(bars, devs["printed"], strict=True):
    if not printed:
        bar.set_hatch("///")
        bar.set_edgecolor("white")
ax.axvline(0, color="black", linewidth=0.8)
ax.set_xlabel("Deviation from revised budget (NOK million; + underspend, − overspend)")
ax.set_title("Care for the disabled and health overspent; water and administration underspent")
ax.grid(axis="y", visible=False)
style.finish(fig, table="tables D10–D25 (drift_programme_area_economy) and D01")
plt.show()

# %% [markdown]
# ### Do the programme areas add up to the committees?
#
# Each committee's line in the overview should be the sum of its programme areas' Sum rows.

# %%
roll = dr.committee_rollup(get)
tables.styled(
    roll,
    table_id="drift-rollup",
    columns={
        "committee": "Committee",
        "areas": "Programme areas",
        "unprinted": "Without a table",
        "budget_2023_printed": "Budget, D01",
        "budget_2023_areas": "Budget, areas",
        "actual_2023_printed": "Accounts, D01",
        "actual_2023_areas": "Accounts, areas",
        "deviation_nok_printed": "Deviation, D01",
        "deviation_nok_areas": "Deviation, areas",
    },
    caption="Committee lines (D01) against the sum of their programme areas (D10–D25), NOK thousand",
)

# %%
gap = roll.set_index("committee").loc["Formannskap"]
g("gap_budget", mill(gap["budget_2023_gap"]))
g("gap_actual", mill(gap["actual_2023_gap"]))
g("gap_dev", mill(gap["deviation_nok_gap"]))
g("gap_2022", mill(gap["actual_2022_gap"]))

# %% [markdown]
# Four committees reconcile to within the rounding of the printed rows. The Formannskap does not: its
# areas P16 Næring, P17 Arbeid og inkludering and P19 Sentrale poster print no table. The report says
# P17 has no budget. So P16 and P19 together must account for a budget of
# {glue:text}`driftsregnskap_gap_budget:s`, accounts of {glue:text}`driftsregnskap_gap_actual:s` (and
# {glue:text}`driftsregnskap_gap_2022:s` in 2022) and an underspend of {glue:text}`driftsregnskap_gap_dev:s`,
# which the report leaves unexplained. The checks:

# %%
show_checks(["overview_by_committee", "programme_areas", "committee_totals"], "drift-checks-programmes")

# %% [markdown]
# ## From the revised budget to the result
#
# The report names the causes of the improvement on the revised budget: central income, central costs,
# the programme areas, finance and dividends, and the funds. The bridge below takes each from the
# printed tables, counting a gain as positive. Two adjustments put them on the same footing as the net
# operating result. Depreciation is left out of central costs, because it does not reach the result.
# The programme areas' deviation is measured after their provisions to bound funds, while the result
# comes before any provisions, so the extra net provisions to bound funds are added back. Whatever the
# named causes do not explain is shown as a residual.

# %%
steps = dr.bridge(get)
tables.styled(
    steps,
    table_id="drift-bridge",
    columns={"step": "Step", "amount": "NOK thousand", "source": "From table"},
    caption="Bridge from the revised budget's net operating result to the accounts' (surplus positive)",
    total_mask=steps["kind"].isin(["start", "end"]),
)

# %%
residual = steps.loc[steps["kind"] == "residual", "amount"].iloc[0]
named = steps.loc[steps["kind"] == "cause", "amount"].sum()
extra_funds = steps.loc[steps["step"].str.startswith("Extra net provisions"), "amount"].iloc[0]
g("causes", mill(named))
g("residual", mill(residual))
g("extra_funds", mill(extra_funds))


# %%
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
    ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right", fontsize=8)
    low, high = ax.get_ylim()
    ax.set_ylim(low, high + 0.1 * (high - low))  # room for the labels
    ax.axhline(0, color="black", linewidth=0.8)
    ax.grid(axis="x", visible=False)


# %% mystnb={"figure": {"caption": "From the revised budget's net operating result to the accounts' (NOK million; surplus positive).", "name": "fig-driftsregnskap-bridge"}, "image": {"alt": "Waterfall chart starting from a small deficit in the revised budget, rising with central income, central costs, the programme areas and the added-back fund provisions, falling with the dividend shortfall and a hatched residual, and ending at the surplus of the accounts."}}
fig, ax = plt.subplots(figsize=(7.5, 4.8))
waterfall(ax, steps["short"], steps["amount"] / 1000, steps["kind"])
ax.set_ylabel("Net operating result (NOK million)")
ax.set_title("Central income, costs and programme areas lifted the result; dividends fell short")
style.finish(fig, table="tables D01, D02, D03, D05 and D08")
plt.show()

# %% [markdown]
# The named causes add up to {glue:text}`driftsregnskap_causes:s` against an improvement of
# {glue:text}`driftsregnskap_improvement:s`: {glue:text}`driftsregnskap_residual:s` more than the
# result moved. The likely reason is the added-back {glue:text}`driftsregnskap_extra_funds:s` of extra
# provisions to bound funds: not all of it belongs to the programme areas, and the tables do not show
# the split. The same year-end table also gives the second check below, which does close: the
# discretionary fund's year-end correction equals the improvement, less the extra provisions, plus the
# cut in the transfer to investment.

# %%
show_checks(["result_bridge"], "drift-checks-bridge")

# %% [markdown]
# ## The discretionary fund and the reserve rule
#
# The discretionary fund is the treasury's free reserve. The year's budgets planned to draw on it; at the
# year end, the improved result reduced the draw. The financial rules require the fund to hold at least a
# general reserve of {glue:text}`driftsregnskap_reserve_pct:s` of gross operating income, an interest
# reserve (*{term}`Rentesikringsfond`*) of {glue:text}`driftsregnskap_interest_pct:s` of the gross loan
# debt, and an owner-risk reserve (*{term}`Eier-risikofond`*).

# %%
d09 = get(dr.D09)
d09_view = d09.assign(
    shown=[
        fmt(v, 1 if u == "percent" else 0, "percent" if u == "percent" else "")
        for v, u in zip(d09["value_2023"], d09["unit"], strict=True)
    ]
)
tables.styled(
    d09_view,
    table_id="drift-d09",
    columns={"label": "Beløp i 1000", "shown": "2023"},
    caption="D09 Disposisjonsfond avsetning og bruk i 2023 (NOK thousand; last row %)",
    total_mask=d09["row_kind"].isin(["balance", "requirement", "margin"]),
).set_properties(subset=["2023"], **{"text-align": "right", "white-space": "nowrap"})

# %%
g("interest_pct", fmt(dr.INTEREST_RESERVE_PCT, 0, "percent"))
opening = checks.value(d09, "value_2023", label="Saldo disposisjonsfond per 1.1.")
closing = checks.value(d09, "value_2023", label="Saldo disposisjonsfond per 31.12 *")
budgeted = d09.loc[(d09["row_kind"] == "movement") & ~d09["label"].str.startswith("Saldering"), "value_2023"].sum()
g("fund_open", mill(opening))
g("fund_close", mill(closing))
g("fund_fall", mill(closing - opening))
g("fund_budgeted_use", mill(budgeted))
g("fund_year_end", mill(checks.value(d09, "value_2023", label="Saldering netto bruk regnskap 2023")))
g("fund_requirement", mill(checks.value(d09, "value_2023", row_kind="requirement")))
g("fund_margin", mill(checks.value(d09, "value_2023", row_kind="margin")))
g("fund_share", fmt(100 * closing / result["gross_operating_income"], 2, "percent"))

# %% [markdown]
# The fund opened the year at {glue:text}`driftsregnskap_fund_open:s`. The adopted budget and the two
# four-month revisions planned to use {glue:text}`driftsregnskap_fund_budgeted_use:s` of it; the better
# result cut that by {glue:text}`driftsregnskap_fund_year_end:s` at the year end, so the fund fell by
# {glue:text}`driftsregnskap_fund_fall:s` to {glue:text}`driftsregnskap_fund_close:s`. That is
# {glue:text}`driftsregnskap_fund_share:s` of gross operating income and
# {glue:text}`driftsregnskap_fund_margin:s` above the rules' requirement of
# {glue:text}`driftsregnskap_fund_requirement:s`.

# %% mystnb={"figure": {"caption": "The discretionary fund in 2023, from 1 January to 31 December, against the reserve requirement (NOK million).", "name": "fig-driftsregnskap-disposition-fund"}, "image": {"alt": "Waterfall chart: the fund starts at its 1 January balance, drops with the adopted budget's and the first four-month report's use, rises slightly with the second report and the year-end correction, and ends at the 31 December balance, above a dashed line marking the reserve requirement."}}
flow = d09[d09["row_kind"].isin(["balance", "movement"])]
short = {
    "Saldo disposisjonsfond per 1.1.": "Balance 1.1.",
    "Vedtatt budsjett - bruk": "Adopted budget",
    "1. tertial 2023 - netto bruk": "1st tertial",
    "2. tertial 2023 - redusert bruk saldering": "2nd tertial",
    "Kommunestyrevedtak - hjelp jordskjelv Tyrkia/Syria": "Earthquake aid",
    "Fullmakt kommunedirektør - bruk av fond faglig utvikling skole/barnehage": "School fund",
    "Saldering netto bruk regnskap 2023": "Year-end correction",
    "Saldo disposisjonsfond per 31.12 *": "Balance 31.12",
}
fig, ax = plt.subplots(figsize=(7.5, 4.6))
waterfall(ax, flow["label"].map(short), flow["value_2023"].astype(float) / 1000, flow["row_kind"])
requirement = checks.value(d09, "value_2023", row_kind="requirement") / 1000
ax.axhline(requirement, color=style.PALETTE["orange"], linestyle="--", linewidth=1.2)
ax.text(
    3.5,
    requirement + 10,
    "Reserve requirement",
    ha="center",
    va="bottom",
    fontsize=8,
    color=style.PALETTE["orange"],
)
ax.set_ylabel("Discretionary fund (NOK million)")
ax.set_title("The fund fell in 2023 but stays well above the requirement")
style.finish(fig, table="table D09 (drift_disposition_fund)")
plt.show()

# %% [markdown]
# The checks of the fund: the balance rolled forward, the requirement and margin, the fund's share of
# gross operating income (taken from the general reserve), the movements against the year-end table,
# and the interest reserve against the loan debt that the balance chapter states.

# %%
show_checks(["disposition_fund"], "drift-checks-d09")

# %% [markdown]
# ## What the report's sentences say
#
# The report's text restates many of these figures, rounded to NOK million, and derives some of its own.
# Each figure of the chapter's sentences is kept in the table `drift_prose_figures` with its line and
# compared with the same figure recomputed from the tables:

# %%
prose_checks = checks.run(CH, only=["prose_figures"])
if len(prose_checks):
    display(tables.checks_table(prose_checks, table_id="drift-checks-prose"))
else:
    print("The table drift_prose_figures is not in data/ yet, so no sentence is compared here.")

# %% [markdown]
# ## All checks of the chapter
#
# Every check of this chapter by class, and each discrepancy with its explanation:

# %%
chapter_checks = checks.run(CH)
counts = checks.summary(chapter_checks)
g("checks_total", fmt(len(chapter_checks), 0))
for status in counts.columns:
    g(f"checks_{status}", fmt(counts.loc[CH, status], 0))
tables.styled(counts.reset_index(), table_id="drift-check-counts", caption="The chapter's checks by class",
              columns={"chapter": "Chapter", "exact": "Exact", "rounding": "Rounding", "discrepancy": "Discrepancy"})  # fmt: skip

# %%
explained = dr.unexplained(chapter_checks).assign(
    difference_text=lambda f: [fmt(v, int(d), sign=True) for v, d in zip(f["difference"], f["decimals"], strict=True)]
)
tables.styled(
    explained,
    table_id="drift-discrepancies",
    columns={
        "what": "Check",
        "difference_text": "Difference",
        "unit": "Unit",
        "source_lines": "Lines",
        "explanation": "Explanation",
    },
    caption="The chapter's discrepancies and what explains them",
)

# %% [markdown]
# Of {glue:text}`driftsregnskap_checks_total:s` checks, {glue:text}`driftsregnskap_checks_exact:s` are
# exact, {glue:text}`driftsregnskap_checks_rounding:s` differ by rounding only and
# {glue:text}`driftsregnskap_checks_discrepancy:s` are discrepancies. None of the discrepancies touches
# the year's result: they are a typing error in the loan fund's budget, a flipped sign, the programme
# areas without a table, a bridge the printed figures cannot close and, where the text is compared,
# sentences that state a figure differently from the tables.
#
# ## Try it
#
# The financial rules ask for a net operating result of {glue:text}`driftsregnskap_target:s` of gross
# operating income. Change `target` below, for example to the average of the large municipalities
# (*{term}`ASSS`*) or to a stricter target, and re-run the cell. Watch the required surplus and the
# shortfall: at what target would 2023's result just have met the rule? (Hint: compare with the
# *resultatgrad* row.)

# %%
target = dr.TARGET_RESULTATGRAD_PCT  # try 1.5 (the ASSS average in 2023) or 2.0
attempt = dr.result_vs_target(get, target_pct=target)
attempt_table = pd.DataFrame(
    {
        "figure": [
            "Gross operating income",
            "Net operating surplus",
            "Resultatgrad",
            "Target",
            "Required surplus",
            "Shortfall",
        ],
        "value": [
            mill(attempt["gross_operating_income"]),
            mill(attempt["net_operating_surplus"]),
            fmt(attempt["resultatgrad_pct"], 2, "percent"),
            fmt(attempt["target_pct"], 2, "percent"),
            mill(attempt["required_surplus"]),
            fmt_million(attempt["shortfall"], 1, sign=True),
        ],
    }
)
tables.styled(attempt_table, table_id="drift-try-target", columns={"figure": "Figure", "value": "Value"},
              caption="The financial rule at the chosen target")  # fmt: skip
