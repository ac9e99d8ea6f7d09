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
# # Balanse: liquidity, debt and fund reserves
#
# *Download* this chapter as a notebook with its outputs, {download}`balanse.ipynb <balanse.ipynb>`,
# or as a script, {download}`balanse.py <balanse.py>`;
# its tables are on the {doc}`data page <../book/data>`. B01, D09 and the like are the book's ids for the
# report's tables (B for its balance tables, D for its operating account's); the captions and the charts'
# source lines cite them. A line cited ("line 2419") is a line of the report's plain-text
# extraction ({ref}`references-text`); the {doc}`data page <../book/data>` gives each table's section and
# printed title, to find it in the report's PDF.
#
# The *{term}`Balanse`* (balance sheet) sets what the municipality owns against what it owes, at
# 31 December. The report does not reprint it; its balance section comments on the cash, the loan debt,
# its interest-rate risk and the fund reserves. These belong to different parts of the municipality:
#
# - *the fund reserves* to the *{term}`Kommunekasse`* (the municipal treasury, without its enterprises);
# - *the cash* partly to a group account that holds every unit of the legal entity (the enterprises too,
#   on the book's reading), partly to a deposit account whose owner the report does not name;
# - *the loan fund's debt* to the treasury and the enterprises together.
#
# Amounts are in NOK million: a figure the report prints keeps the precision it is printed with (whole
# millions stay whole) and is called the report's where it could be taken for the book's; the book's own
# figures have one decimal, except its estimates, rounded to the step their inputs allow and called estimates
# (a difference from a figure printed in whole millions is uncertain by half a million, as that figure is).

# %% tags=["remove-input"]
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from aarsevaluering import areas, checks, findings, style
from aarsevaluering.checks import from_disk as get
from aarsevaluering.fmt import fmt, fmt_million, pad_decimals, rounding_gap
from aarsevaluering.identities import balanse as bal
from aarsevaluering.identities.investeringsregnskap import moved_checks
from aarsevaluering.prose import Figures
from aarsevaluering.tables import checks_table, styled

style.use_book_style()


def labels_at_far_end(ax, kinds, levels):
    """Each waterfall label outside its bar, at the end farther from zero (the bars run below zero here)."""
    starts = [0.0 if kind else before for kind, before in zip(kinds, [0.0, *levels[:-1]], strict=True)]
    for label, start, end in zip(ax.texts, starts, levels, strict=True):
        far = start if abs(start) > abs(end) else end
        label.xy = (far, label.xy[1])
        label.set_position((4 if far > 0 else -4, 0))
        label.set_horizontalalignment("left" if far > 0 else "right")


# %% tags=["hide-input"]
txt = Figures()  # every figure the prose prints, shown there as {eval}`txt.<name>`
CH = bal.CHAPTER
all_checks = checks.run(CH)  # the figures the findings quote
p = bal.prose(get)
liq = bal.liquidity(get)
ldebt = bal.loan_fund_debt(get)
hedge = bal.hedging(get)
margin = bal.reserve_margin(get)
b02 = get(bal.FUNDS)
funds = b02.set_index("label")
fund_keys = {bal.DISPOSITION_FUND: "disposition", bal.BOUND_OPERATING: "bound_operating",
             bal.UNBOUND_INVESTMENT: "unbound_investment", bal.BOUND_INVESTMENT: "bound_investment",
             bal.FUND_TOTAL: "total"}  # fmt: skip
for label, key in fund_keys.items():
    txt[f"fund_{key}_2023"] = fmt_million(funds.loc[label, "balance_2023"])
    txt[f"fund_{key}_change"] = fmt_million(funds.loc[label, "change_2022_2023"], sign=True)
    txt[f"fund_{key}_growth"] = fmt_million(abs(funds.loc[label, "change_2022_2023"]))
txt.fund_total_fall = fmt_million(-funds.loc[bal.FUND_TOTAL, "change_2022_2023"])
txt.fund_disposition_fall = fmt_million(-funds.loc[bal.DISPOSITION_FUND, "change_2022_2023"])
disposition_fall = -funds.loc[bal.DISPOSITION_FUND, "change_2022_2023"]
txt.fall_where = (
    "all of it and more" if disposition_fall > -funds.loc[bal.FUND_TOTAL, "change_2022_2023"] else "most of it"
)
txt.total_printed = fmt(liq["total_printed"], 0, "NOK million")
txt.debt_prose_end = fmt(ldebt["prose_end"], 0, "NOK million")
txt.debt_prose_change = fmt(ldebt["prose_change"], 1, "NOK million")
txt.debt_b01_change = fmt(ldebt["b01_change"], 1, "NOK million")
b01_lower = (ldebt["b01_end"] < ldebt["prose_end"], ldebt["b01_change"] < ldebt["prose_change"])
txt.b01_vs_text = {(True, True): "a smaller debt and rise", (False, False): "a larger debt and rise"}.get(
    b01_lower, "a different debt and rise"
)
txt.hedged = fmt(hedge["hedged"], 0, "%")
txt.floating = fmt(hedge["floating"], 0, "%")
txt.margin = fmt_million(margin["margin"])
txt.margin_side = "above" if margin["margin"] > 0 else "below"
txt.hedge_within = "within" if hedge["margin_pp"] >= 0 else "outside"
txt.fund_drawn = "drew down" if disposition_fall > 0 else "added to"

# %% [markdown]
# ## The year in brief
#
# **In 2023 the municipality kept what the report calls good liquidity and its loan portfolio hedged
# {eval}`txt.hedge_within` the rules, but {eval}`txt.fund_drawn` its discretionary fund; and the report
# gives two different figures for one loan debt.**

# %% tags=["hide-input"]
key = [  # (figure, (end, its decimals: the text's figures as printed), change, from)
    ("Bank deposits, group and deposit accounts (as printed)", (liq["total_printed"], 0), np.nan, "the text"),
    ("Loan fund's debt, the text (as printed)", (ldebt["prose_end"], 0), ldebt["prose_change"], "the text"),
    ("Loan fund's debt, B01's rows", (ldebt["b01_end"], 1), ldebt["b01_change"], "B01"),
    ("Fund reserves", (funds.loc[bal.FUND_TOTAL, "balance_2023"] / 1000, 1),
     funds.loc[bal.FUND_TOTAL, "change_2022_2023"] / 1000, "B02"),
    ("\u2003of which the discretionary fund", (funds.loc[bal.DISPOSITION_FUND, "balance_2023"] / 1000, 1),
     funds.loc[bal.DISPOSITION_FUND, "change_2022_2023"] / 1000, "B02"),
    ("Discretionary fund above the council's minimum", (margin["margin"] / 1000, 1), np.nan, "D09"),
]  # fmt: skip
key = pd.DataFrame({"figure": [k[0] for k in key], "end": bal.aligned([k[1] for k in key]),
                    "change": [fmt(k[2], 1, sign=True) for k in key], "source": [k[3] for k in key]})  # fmt: skip
styled(key, table_id="balanse-key-figures",
       columns={"figure": "Key figure", "end": "31.12.2023", "change": "Change in 2023", "source": "From"},
       caption="The year in figures (the loan fund's debt twice: the text's total and the sum of B01's rows differ, "
       "the chapter's largest finding; Debt, below, and the section Loan debt by use explain it)",
       unit="NOK million")  # fmt: skip

# %% [markdown]
# - *Cash.* The municipality ended 2023 with {eval}`txt.total_printed` in the bank, which the report calls
#   good liquidity (section *Liquidity at the end of the year*).
# - *Debt.* The *{term}`Lånefond`* (loan fund, which borrows for the treasury and the municipal
#   enterprises) owed {eval}`txt.debt_prose_change` more, the text says; B01, its breakdown, shows
#   {eval}`txt.b01_vs_text`, the chapter's largest finding ({ref}`balanse-debt-total`).
# - *Rates.* About {eval}`txt.hedged` of the loan portfolio was protected against rising rates, above the
#   council's minimum of one third (*Interest-rate exposure*).
# - *Funds.* The fund reserves fell by {eval}`txt.fund_total_fall`, {eval}`txt.fall_where` in the
#   *{term}`Disposisjonsfond`* (discretionary fund), which still stands {eval}`txt.margin`
#   {eval}`txt.margin_side` the council's minimum (*The discretionary fund against income*).
#
# Each section counts its checks in one line and shows its findings; the {doc}`audit page <audit>` lists
# them all.

# %% [markdown]
# ## Liquidity at the end of the year
#
# *How much cash did the municipality hold at 31 December 2023, and where?*
#
# The report gives liquidity in its sentences and in two charts whose values it does not print (the
# group account's balance through 2022 and 2023, and the balance with the deposits). Day-to-day money
# sits on a *{term}`Konsernkonto`* (group account: one account structure for all units of the legal
# entity) and surplus cash on a *{term}`Plasseringskonto`* (deposit account) at the main bank, which pays
# a somewhat higher rate but needs notice before a withdrawal.

# %% mystnb={"figure": {"caption": "Cash on the group and deposit accounts at 31 December 2023, and the credit line on top (a dotted line: a limit, not cash), in NOK million as printed.", "name": "fig-balanse-liquidity"}, "image": {"alt": "Two horizontal bars in NOK million: year-end cash of 892 split into the group account, 236, and the larger deposit account, 656; below it a thin dotted line to 400, labelled as the credit line available on top, not cash."}} tags=["hide-input"]
for key in ["group_account", "deposit_account", "average_group_account", "credit_line", "money_market_funds"]:
    txt[key] = fmt(liq[key], 0, "NOK million")
txt.notice_days = fmt(liq["notice_days"], 0, "days")
liquidity_checks = checks.run(CH, only=["liquidity_year_end"])
txt.liquidity_summary = findings.summary_line(liquidity_checks)
fig, ax = style.figure(height=2.4)
left = 0.0
for name, amount, colour in (("Konsernkonto\n(group account)", liq["group_account"], style.EARLIER),
                             ("Plasseringskonto\n(deposit account)", liq["deposit_account"], style.LEVEL)):  # fmt: skip
    ax.barh(0, amount, left=left, color=colour, height=0.6)
    ax.text(left + amount / 2, 0, f"{name}\n{fmt(amount)}", ha="center", va="center", color=style.TEXT,
            fontsize=style.MIN_TEXT_PT)  # fmt: skip
    left += amount
ax.text(left + 10, 0, f"= {fmt(left)}", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT)
# The credit line is a printed limit, not cash and not an estimate: a thin dotted reference line, labelled at its end.
ax.plot([0, liq["credit_line"]], [1, 1], color=style.TEXT, linewidth=1.0, linestyle=(0, (1, 2)))
ax.plot([liq["credit_line"]], [1], marker="|", markersize=10, color=style.TEXT)
ax.text(liq["credit_line"] + 10, 1, f"{fmt(liq['credit_line'])} available, not cash", va="center",
        fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
ax.set_yticks([0, 1], ["Saldo ved årsskiftet\n(cash at year end)", "Kassekreditt\n(credit line)"])
ax.set_ylim(1.5, -0.5)
ax.set_xlim(0, left * 1.15)
ax.set_xlabel("NOK million")
ax.set_title(f"{fmt(100 * liq['deposit_account'] / left, 0, '%')} of the year-end cash sat on the deposit account")
ax.grid(axis="y", visible=False)
style.finish(fig, table="bal_prose_figures")
plt.show()

# %% [markdown]
# At the turn of the year the group account held {eval}`txt.group_account` and the deposit account, with
# a notice period of {eval}`txt.notice_days`, {eval}`txt.deposit_account`: together
# {eval}`txt.total_printed`, as the report says. The group account averaged
# {eval}`txt.average_group_account` over 2023. A *{term}`Kassekreditt`* (credit line) of
# {eval}`txt.credit_line` comes on top; the report says it was drawn on one day in 2023. A placement of
# just over {eval}`txt.money_market_funds` in *{term}`Pengemarkedsfond`* (money-market funds) was wound up
# in February 2023 and moved to the municipality's operating account. The report does not say where that
# money was at year end, so the book neither adds it to the year-end cash nor assumes it is inside it.
#
# The two balances add up to the stated total. The liquidity paragraph is printed again at the end of the
# balance section, dated 2022 instead of 2023, with the same average. The book reads it as one paragraph
# printed twice and takes the average as 2023's (the finding below weighs the two dates).

# %% tags=["hide-input"]
findings.show(liquidity_checks, all_checks)

# %% [markdown]
# *Checks.* {eval}`txt.liquidity_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(liquidity_checks, table_id="balanse-checks-liquidity", caption="Liquidity: checks")

# %% [markdown]
# ## Loan debt by use
#
# *How much does the loan fund owe, who uses the money, and how did that change in 2023?*
#
# The report says that the external financing of investments, beyond VAT compensation and grants, is
# borrowed through the loan fund, which lends it on to the treasury and the *{term}`Kommunalt foretak`*
# (municipal enterprises, KF): Drammen Eiendom KF (the municipality's property company) and Drammensbadet
# KF (the public swimming baths). Investments paid for with the municipality's own money (transfers from
# the operating account, funds, sales) are not borrowed. Table B01 shows the debt by use and prints no
# total. *{term}`Formidlingslån`* (loans from Husbanken, the state housing bank, that the municipality
# lends on as start loans) are kept outside it, in the treasury's own balance.

# %% tags=["hide-input"]
debt = bal.debt_by_use(get)
by_label = debt.set_index("label")
keys = {"Drammen Eiendom KF": "dekf", "Drammen kommunekasse Vann/avløp": "va", "Drammen kommunekasse": "kk",
        "Sum (recomputed)": "total"}  # fmt: skip
for label, key in keys.items():
    row = by_label.loc[label]
    txt[f"debt_{key}_start"] = fmt(row["debt_2023_01_01"], 1, "NOK million")
    txt[f"debt_{key}_end"] = fmt(row["debt_2023_12_31"], 1, "NOK million")
    txt[f"debt_{key}_share_end"] = fmt(row["share_2023_12_31"], 1, "%")
    txt[f"debt_{key}_growth"] = fmt(abs(row["change"]), 1, "NOK million")
treasury = by_label.loc[list(bal.TREASURY_DEBT)].sum(numeric_only=True)
txt.debt_treasury_share_end = fmt(treasury["share_2023_12_31"], 1, "%")
txt.debt_treasury_change = fmt(abs(treasury["change"]), 1, "NOK million")
va_change = by_label.loc["Drammen kommunekasse Vann/avløp", "change"]
txt.va_part = "most of it" if va_change > treasury["change"] / 2 else "part of it"
txt.debt_dekf_paid_down = fmt(-by_label.loc["Drammen Eiendom KF", "change"], 1, "NOK million")
flows = bal.debt_flows(get)
txt.extra_instalments = fmt(flows["extra_instalments_2a"], 1, "NOK million")
txt.debt_implied = fmt(ldebt["implied_by_reserve"], 1, "NOK million")
signed = {column: [fmt(v, 1, sign=True) for v in debt[column]] for column in ("change", "change_pct")}
styled(debt.assign(**signed), table_id="balanse-b01",
       columns={"label": "Use (anvendelse)", "debt_2023_01_01": "1 January 2023",
                "debt_2023_12_31": "31 December 2023", "change": "Change", "change_pct": "Change (%)"},
       total_mask=debt["row_kind"] == "total",
       caption="Drammen kommunes lånefond – lånegjeld etter anvendelse: the loan fund's debt by use, the printed "
               "rows, with the total and the change recomputed (B01)", unit="NOK million")  # fmt: skip

# %% [markdown]
# Drammen Eiendom KF carries the largest part of B01's debt, {eval}`txt.debt_dekf_share_end` at year end;
# the report says the treasury largely finances it, through the rents its services pay the company. The
# treasury holds {eval}`txt.debt_treasury_share_end`: its water and sewage debt, financed through the
# fees, and its other investment debt. Over the year the treasury's debt grew by
# {eval}`txt.debt_treasury_change`, {eval}`txt.va_part` water and sewage, while Drammen Eiendom KF's fell
# (figure below). Part of the two movements is one debt changing rows: after selling loan-financed
# properties, Drammen Eiendom KF repaid {eval}`txt.extra_instalments` early to the loan fund, which lent
# the money on to the treasury (the report's comment on the treasury's investment income).

# %% mystnb={"figure": {"caption": "The change in the loan fund's debt in 2023 by use: B01's rows as printed (not the text's total), in NOK million; the last bar is the change of their sum.", "name": "fig-balanse-debt"}, "image": {"alt": "Waterfall chart in NOK million of the change in 2023 by use: the treasury's water and sewage debt rises most, its other investment debt rises, Drammen Eiendom KF's falls and Drammensbadet KF's is unchanged; the last bar, the change of B01's sum, is a rise."}} tags=["hide-input"]
english = {
    "Drammen kommunekasse Vann/avløp": "treasury: water and sewage",
    "Drammen kommunekasse": "treasury: other",
    "Drammen Eiendom KF": "",
    "Drammensbadet KF": "",
}  # B01's rows as printed, English beside where needed
fig, ax = style.figure(height=3.2)
steps = [(f"{label}\n({name})" if name else label, by_label.loc[label, "change"]) for label, name in english.items()]
style.waterfall(ax, [*steps, ("Sum (B01's rows, recomputed)", by_label.loc["Sum (recomputed)", "change"], "total")],
                up_is_favourable=False, formatter=lambda v: fmt(v, 1, sign=True))  # fmt: skip
ax.set_xlabel("Change in 2023, NOK million (+ = more debt)")
ax.set_title("Water and sewage debt grew most; Drammen Eiendom KF's fell")
style.key_above(ax, {style.UNFAVOURABLE: "more debt", style.FAVOURABLE: "less debt", style.LEVEL: "the net: B01's sum"})
style.finish(fig, table="bal_loan_debt_by_use")
plt.show()

# %% [markdown]
# (balanse-debt-total)=
# ### The debt total: two figures for one debt
#
# The text gives the loan fund's debt at year end as {eval}`txt.debt_prose_end`, up
# {eval}`txt.debt_prose_change` in the year. B01's rows add up to {eval}`txt.debt_total_end`, up
# {eval}`txt.debt_total_growth`. Yet the text introduces B01 as that same debt, spread over its uses.
# Each figure agrees with another table:
#
# - *The text's total* with the *{term}`Rentesikringsfond`* (interest-rate reserve) in D09, a share of
#   gross loan debt: it implies a debt of {eval}`txt.debt_implied`.
# - *B01's change* with its borrowers' flows (table below): the loans they used in statement 2A (the
#   treasury and the enterprises), less their ordinary instalments to the
#   loan fund and Drammen Eiendom KF's extra repayment.

# %% tags=["hide-input"]
flow_total = flows["loans_used_2a"] - flows["loan_fund_instalments_received"] - flows["extra_instalments_2a"]
flow_treasury = flows["loans_used_treasury"] - flows["treasury_instalments"]
rebuilt = pd.DataFrame(
    [
        ("New loans used", flows["loans_used_2a"], flows["loans_used_treasury"], "2A; DK"),
        ("Ordinary instalments to the loan fund", -flows["loan_fund_instalments_received"],
         -flows["treasury_instalments"], "D06's instalment income; D05"),
        ("Extra instalments", -flows["extra_instalments_2a"], np.nan, "2A"),
        ("Change in 2023, from the flows", flow_total, flow_treasury, ""),
        ("Change in B01's rows", ldebt["b01_change"], treasury["change"], "B01"),
        ("Change in the text's total", ldebt["prose_change"], np.nan, "the text"),
    ],
    columns=["step", "all", "treasury", "source"],
)  # fmt: skip
# The book's subtractions on the text's whole-million total: one decimal, as the book's figures take.
txt.debt_gap = fmt(ldebt["prose_end"] - ldebt["b01_end"], 1, "NOK million")
txt.debt_prose_start = fmt(ldebt["prose_start"], 1, "NOK million")
start_gap = ldebt["prose_start"] - ldebt["b01_start"]
txt.debt_start_gap = fmt(abs(start_gap), 1, "NOK million")
txt.debt_start_side = "below" if start_gap < 0 else "above"
txt.debt_start_lent = "more" if start_gap < 0 else "less"
txt.debt_start_bridge = (
    "The report says the municipality uses spare cash to time new borrowing (lines 3509–3511), which would "
    "bridge the difference."
    if start_gap < 0
    else "That would be money borrowed ahead of lending."
)
txt.instalments_prose = fmt(p["loan_fund_instalments_paid_2023"], 1, "NOK million")
txt.instalments = fmt(flows["loan_fund_instalments_received"], 1, "NOK million")
txt.instalments_paid = fmt(flows["loan_fund_instalments_paid"], 1, "NOK million")
# The instalment gap two ways: from D06's own income (Fig. 3.5), and from the text's rounded figure (the finding).
txt.instalment_gap_d06 = fmt(flows["loan_fund_instalments_paid"] - flows["loan_fund_instalments_received"], 1,
                             "NOK million")  # fmt: skip
txt.instalment_gap_text = fmt(flows["loan_fund_instalments_paid"] - p["loan_fund_instalments_paid_2023"], 1,
                              "NOK million")  # fmt: skip
txt.husbanken = fmt(ldebt["husbanken_onlending"], 0, "NOK million")
debt_checks = checks.run(CH, only=["loan_debt_totals", "loan_debt_flows"])
txt.debt_summary = findings.summary_line(debt_checks)
signed = {column: [fmt(v, 1, sign=True) for v in rebuilt[column]] for column in ("all", "treasury")}
styled(rebuilt.assign(**signed), table_id="balanse-debt-flows",
       columns={"step": "In 2023", "all": "All borrowers", "treasury": "The treasury", "source": "From"},
       total_mask=rebuilt["source"] == "",
       caption="B01's change rebuilt from its borrowers' flows, beside the text's change", unit="NOK million")  # fmt: skip

# %% [markdown]
# The book's reading: the text's total is what the loan fund owes its lenders, B01 what it has lent on.
# That would explain the {eval}`txt.debt_gap` between them at year end (give or take half a million: the
# text's total is printed in whole millions). At 1 January the text's debt (its
# year-end figure less the rise) was {eval}`txt.debt_prose_start`, {eval}`txt.debt_start_gap`
# {eval}`txt.debt_start_side` B01's {eval}`txt.debt_total_start` (again give or take half a million): on the
# same reading the loan fund had
# then lent on {eval}`txt.debt_start_lent` than it had borrowed. {eval}`txt.debt_start_bridge` Nothing
# printed contradicts the reading, but the report does not state it, so the gap stays unexplained: the
# first finding below gives the verdict.
#
# The text's next sentence (line 3542) says {eval}`txt.instalments_prose` "was paid in instalments". That
# is D06's instalment *income*, what the treasury and the enterprises paid the loan fund. The loan fund
# itself paid its lenders {eval}`txt.instalments_paid` (D06's instalment expense),
# {eval}`txt.instalment_gap_d06` more than D06's income and {eval}`txt.instalment_gap_text` more than the
# text's rounded {eval}`txt.instalments_prose`; the second finding below measures from the text's figure.
# The {eval}`txt.husbanken` of Husbanken loans for on-lending come on top of both debt figures.

# %% tags=["hide-input"]
findings.show(debt_checks, all_checks)

# %% [markdown]
# *Checks.* {eval}`txt.debt_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(debt_checks, table_id="balanse-checks-debt", caption="Loan debt: checks")

# %% [markdown]
# ## Interest-rate exposure
#
# *How much of the debt is protected against rising rates, and what would a rise cost?*
#
# A loan at a floating rate costs more as soon as market rates rise; a fixed-rate loan or a
# *{term}`Rentebytteavtale`* (interest-rate swap, which exchanges a floating rate for a fixed one) does
# not. The *{term}`Finans- og gjeldsreglement`* (the municipality's financial and debt rules) sets a
# minimum for the share hedged in one of these ways.

# %% tags=["hide-input"]
burden = bal.debt_burden(get)  # the text's debt total; its floating part and a point's cost
# The cost of a point is an estimate on "about 43 %": whole NOK million, as its amount is rounded (EXPOSURE_STEP).
txt.one_point = fmt(burden["one_point"], 0, "NOK million")
txt.floating_debt_10 = fmt(bal.round_estimate(burden["floating_debt"], bal.EXPOSURE_STEP), 0, "NOK million")
txt.income = fmt(burden["income"], 1, "NOK million")  # the figures of "Against income", below
txt.debt_pct_income = fmt(burden["debt_pct_income"], 0, "%")
txt.general_reserve_pct = fmt(bal.GENERAL_RESERVE_PCT, 0, "%")
txt.long_term_debt = fmt(burden["long_term_debt"], 0, "NOK million")  # two whole-million amounts: no decimal
txt.long_term_pct_income = fmt(burden["long_term_pct_income"], 0, "%")
txt.rule = f"{fmt(p['min_hedged_share_rule_numerator'])}/{fmt(p['min_hedged_share_rule_denominator'])}"
txt.min_hedged = fmt(hedge["minimum"], 1, "%")
txt.hedge_margin = fmt(hedge["margin_pp"], 1, "percentage points")
hedging_checks = checks.run(CH, only=["interest_rate_hedging"])
txt.hedging_summary = findings.summary_line(hedging_checks)
hedging_view = pd.DataFrame(
    [
        (f"Hedged: fixed rate or swapped ({fmt(hedge['hedged'], 0, '%')})", hedge["hedged_amount"]),
        (f"The rules' minimum ({txt.rule} of the debt)", hedge["minimum_amount"]),
        (f"Floating ({fmt(hedge['floating'], 0, '%')})", burden["floating_debt"]),
    ],
    columns=["part", "amount"],
)
hedging_view["amount"] = hedging_view["amount"].map(
    lambda v: bal.round_estimate(v, bal.EXPOSURE_STEP)
)  # as the net-floating chart rounds
styled(hedging_view, table_id="balanse-hedging",
       columns={"part": "The report's shares at 31.12.2023", "amount": "On the text's debt total"},
       decimals={"amount": 0},
       caption=f"The report's hedged share and the rule on the text's debt total of {txt.debt_prose_end}, in NOK "
               f"million (the book's estimates, to the nearest {fmt(bal.EXPOSURE_STEP)})",
       ).set_table_styles([{"selector": "", "props": "width: 100%;"}], overwrite=False)  # fmt: skip

# %% [markdown]
# At the end of 2023 about {eval}`txt.floating` of the portfolio carried a floating rate and
# {eval}`txt.hedged` was hedged, against the rules' minimum of {eval}`txt.rule` ({eval}`txt.min_hedged`):
# a margin of {eval}`txt.hedge_margin`, so the report's statement that the portfolio is within the rule
# holds. The report gives shares, not amounts. The table applies them to the text's debt total (B01's
# sum is lower, {ref}`balanse-debt-total`), taking the "loan portfolio" to leave out the Husbanken loans for
# on-lending. One percentage point more on the floating part, about {eval}`txt.floating_debt_10`, would
# cost about {eval}`txt.one_point` a year, before what the next section nets. The report does not say when
# the fixed rates and swaps expire.
#
# *Checks.* {eval}`txt.hedging_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(hedging_checks, table_id="balanse-checks-hedging", caption="Interest-rate exposure: checks")

# %% [markdown]
# ## Debt and interest: who pays, and what a rise in rates costs
#
# *Whose budget services the debt, do the instalments keep pace with depreciation, how exposed is the
# treasury to rates once what is passed on is netted, and what did the loan fund pay for its money?*
#
# This section is the book's analysis of the report's figures: where it assumes something, it says so,
# and its estimates are drawn hatched.
#
# **Against income.** The text's debt total is about {eval}`txt.debt_pct_income` of the treasury's gross
# operating income ({eval}`txt.income`, inferred from D09's general reserve of
# {eval}`txt.general_reserve_pct`). That is not a loan-debt ratio: the debt includes Drammen Eiendom KF's,
# the income is the treasury's alone. With the {eval}`txt.husbanken` of Husbanken loans for on-lending,
# the legal entity's long-term loan debt is {eval}`txt.long_term_debt`, {eval}`txt.long_term_pct_income`
# of that income (the book's sum of two amounts printed in whole millions). The report prints nothing a
# net loan debt would deduct.
#
# ### Who services the debt

# %% tags=["hide-input"]
payer_view = bal.debt_by_payer(get)
payers = payer_view.set_index("use")
budget_share = payers.loc[list(bal.TREASURY_BUDGET_ROWS), "share_of_b01"].sum()
txt.budget_share = fmt(budget_share, 1, "%")
txt.budget_most = "Most" if budget_share > 50 else "Less than half"
# The column keeps who says so ("the report", "the book's reading"); what qualifies it (the lines, the
# reading) goes to a numbered note under the table, so the column stays narrow enough to read.
basis = payer_view["basis"].str.split(" (", n=1, regex=False, expand=True)
who_says, detail = basis[0], basis[1]
notes = dict(zip(detail.dropna().unique(), "¹²³⁴⁵", strict=False))  # a note cited twice keeps one mark
marks = detail.dropna().map(notes)
txt.payer_notes = "; ".join(f"{mark} {note.replace(')', '', 1)}" for note, mark in notes.items())
onlending = payer_view["use"] == "Formidlingslån"  # not a B01 row: the text's amount (line 3539), in whole millions
who_short = who_says.str.replace(r"^the ", "", regex=True).str.replace(r", “(\w+)”", r" (“\1”)", regex=True)
shown_payers = payer_view.assign(
    basis=who_short + payer_view.index.map(marks).fillna(""),
    use=payer_view["use"].where(~onlending, "Formidlingslån (text)"),
    debt=bal.aligned([(v, 0 if outside else 1) for v, outside in zip(payer_view["debt"], onlending, strict=True)]),
)
by_use = payer_view.set_index("use")
txt.budget_amount = fmt(by_use.loc[list(bal.TREASURY_BUDGET_ROWS), "debt"].sum(), 1, "NOK million")
txt.badet = fmt(by_use.loc["Drammensbadet KF", "debt"], 1, "NOK million")
dk_table = get(bal.DK)
txt.startloan_repaid = fmt_million(-checks.value(dk_table, "actual_2023", label="Mottatte avdrag på videreutlån"))
txt.husbanken_paid = fmt_million(checks.value(dk_table, "actual_2023", label="Avdrag på lån til videreutlån"))
service = bal.rents_against_dekf_debt_service(get)
txt.rent_line = fmt(service["rent_line"], 1, "NOK million")
txt.dekf_interest = fmt(service["interest"], 1, "NOK million")
txt.dekf_instalments = fmt(service["instalments"], 1, "NOK million")
txt.dekf_service = fmt(service["debt_service"], 1, "NOK million")
txt.dekf_service_pct = fmt(service["service_pct_rent"], 0, "%")
txt.rent_carries = ("is large enough to carry that debt service, consistent with the report's \"largely\""
                    if service["service_pct_rent"] < 100 else "falls short of that debt service")  # fmt: skip
# The figures of "Instalments against depreciation", below.
inst = bal.instalments_and_depreciation(get)
txt.treasury_instalments_paid = fmt(inst["treasury_instalments"], 1, "NOK million")
txt.depreciation = fmt(inst["depreciation"], 1, "NOK million")
txt.instalments_pct_depreciation = fmt(inst["instalments_pct_depreciation"], 0, "%")
txt.instalments_pct_debt = fmt(inst["instalments_pct_debt"], 1, "%")
minimum = bal.treasury_minimum_condition(get)
txt.min_debt = fmt(minimum["debt_end_2022"], 1, "NOK million")
txt.min_depreciation = fmt(minimum["depreciation_2022"], 1, "NOK million")
txt.min_book_value = fmt(minimum["book_value_at_least"], 1, "NOK million")
txt.min_debt_pct = fmt(minimum["debt_pct_book_value_at_most"], 0, "%")
styled(shown_payers, table_id="balanse-debt-payers",
       columns={"payer": "Who pays", "use": "Row as printed (B01, or the text)", "debt": "31.12.2023",
                "share_of_b01": "Share (%)", "basis": "Who says so"},
       decimals={"share_of_b01": 1}, total_mask=payer_view["use"] == "",
       caption="The loan fund's debt by who services it: B01's rows (not the text's total), and the Husbanken "
               "loans for on-lending outside B01",
       unit="NOK million")  # fmt: skip

# %% [markdown]
# *Notes to the table:* {eval}`txt.payer_notes`.
#
# {eval}`txt.budget_most` of the debt in B01, at most {eval}`txt.budget_amount` ({eval}`txt.budget_share`),
# is serviced from the treasury's general budget: its own investment debt directly, and Drammen Eiendom
# KF's through the rents its services pay the company, which is how the report says the treasury "largely"
# finances that debt. "Largely" leaves room for the company's own income, such as its property sales, so
# the figure is an upper bound. The report does not say how Drammensbadet KF's {eval}`txt.badet` is
# serviced.
#
# Start loans are repaid by the households that borrowed them (the book's reading): in 2023 the treasury
# received {eval}`txt.startloan_repaid` in repayments on them and paid Husbanken {eval}`txt.husbanken_paid`
# in instalments (DK's relending block).
#
# **Can the rents carry the company's debt?** The treasury's central line for rent and cleaning was
# {eval}`txt.rent_line` in 2023 (D03's row *Husleie og renhold*). Drammen Eiendom KF's debt service is not
# printed. The enterprises paid the loan fund {eval}`txt.dekf_interest` in interest and
# {eval}`txt.dekf_instalments` in ordinary instalments (D06's income less the treasury's payments in D05):
# about {eval}`txt.dekf_service`, {eval}`txt.dekf_service_pct` of the line. That is the book's estimate,
# and the line also covers cleaning and any rent paid to other landlords. On that estimate the line
# {eval}`txt.rent_carries`.
#
# ### Instalments against depreciation
#
# The treasury paid the loan fund {eval}`txt.treasury_instalments_paid` in instalments in 2023 (D05),
# {eval}`txt.instalments_pct_depreciation` of its depreciation of {eval}`txt.depreciation` (D03) and
# {eval}`txt.instalments_pct_debt` of its debt at the start of the year.
#
# The *{term}`Minsteavdrag`* (minimum instalment, kommuneloven § 14-18 (1)) is the debt at the end of the
# last accounts times that year's depreciation over the book value of the depreciable assets. The report
# says the instalments meet it and refers to note 10 of the treasury's annual accounts (section
# *Lånefondets regnskap*), which it does not print. For the treasury (the book's arithmetic, taking D03's
# depreciation to be all its own), with a debt of {eval}`txt.min_debt` at the end of 2022 (B01) and 2022
# depreciation of {eval}`txt.min_depreciation` (D03), the 2023 instalments meet the minimum if the
# depreciable assets stood in the books at {eval}`txt.min_book_value` or more: a debt of at most
# {eval}`txt.min_debt_pct` of their book value. The report prints no book value, so this is a condition,
# not a test.
#
# ### Net floating exposure


# %% mystnb={"figure": {"caption": "From the floating-rate debt to the net floating exposure, in NOK million: the book's estimates hatched, the printed deposits solid; each bar names the figure it rests on.", "name": "fig-balanse-floating"}, "image": {"alt": "Waterfall chart in NOK million, the book's estimates hatched: floating-rate debt of about 4 110, less about 1 250 passed on in the water and sewage fees, less the 892 of year-end bank deposits (printed, solid), leaves a net floating exposure of about 1 970, all to the nearest 10."}} tags=["hide-input"]
def deposits_as_printed(v):
    """The book's estimates to the nearest NOK 10 million (what they can bear), the deposits as printed."""
    return (
        f"{fmt(v)} (printed)"
        if abs(abs(v) - cover["cash"]) < 1e-6
        else fmt(bal.round_estimate(v, bal.EXPOSURE_STEP), 0)
    )


cover = bal.reserves_and_cash(get)
exposure_view = bal.floating_exposure(get)
txt.net_one_point = fmt(bal.round_estimate(exposure_view["one_point"].iloc[-1], 1), 0, "NOK million")
comp = bal.interest_compensation(get)
txt.water_floating = fmt(bal.round_estimate(-exposure_view["amount"].iloc[1], bal.EXPOSURE_STEP), 0, "NOK million")
txt.floating_debt_10 = fmt(bal.round_estimate(exposure_view["amount"].iloc[0], bal.EXPOSURE_STEP), 0, "NOK million")
txt.net_floating = fmt(bal.round_estimate(exposure_view["amount"].iloc[-1], bal.EXPOSURE_STEP), 0, "NOK million")
txt.compensation = fmt(comp["grant"], 1, "NOK million")
txt.compensation_rise = fmt(comp["rise"], 1, "NOK million")
txt.internal_rate_budget = fmt(p["loan_fund_internal_rate_budget_2023"], 0, "%")
fig, ax = style.figure(height=3.4)
share = txt.floating  # the report's floating share, applied to the text's total and to B01's row
short = [f"Floating-rate debt\n({share} of the text's total)", f"Water and sewage fees\n({share} of B01's row)",
         "Bank deposits, year end", "Net floating exposure"]  # fmt: skip
# The first bar is a level, the debt, and grey like the net; the steps between are coloured by meaning.
# The deposits are printed (solid); the rest rests on the book's assumptions (hatched).
levels_at = [i == 0 or kind == "total" for i, kind in enumerate(exposure_view["row_kind"])]
printed_at = [abs(abs(v) - cover["cash"]) < 1e-6 for v in exposure_view["amount"]]
style.waterfall(ax, [(name, amount, ("total " if level else "") + ("" if printed else "estimate"))
                     for name, amount, level, printed in zip(short, exposure_view["amount"], levels_at, printed_at,
                                                             strict=True)],
                up_is_favourable=False, formatter=deposits_as_printed)  # fmt: skip
ax.set_xlabel(
    f"NOK million (+ = debt exposed to floating rates, − = lowers it;\n"
    f"estimates to the nearest {fmt(bal.EXPOSURE_STEP)})"
)
ax.set_title(f"Fees and deposits leave about {txt.net_floating} of the {txt.floating_debt_10} floating-rate debt "
             "exposed (the book's estimate)")  # fmt: skip
style.key_above(ax, [("lowers it, printed", {"color": style.FAVOURABLE}),
                     ("lowers it, the book's estimate", style.estimate_style(style.FAVOURABLE)),
                     ("level, the book's estimate", style.estimate_style(style.LEVEL))])  # fmt: skip
style.finish(fig, table="bal_prose_figures and bal_loan_debt_by_use")
plt.show()

# %% [markdown]
# Not all of the floating-rate debt (figure above) reaches the
# treasury's general budget, and what does reaches it late:
#
# - *The internal rate.* The borrowers pay the loan fund a rate set in the budget
#   ({eval}`txt.internal_rate_budget` for 2023, section *Renteutviklingen*), so a rise in market rates lands first in the
#   loan fund's own result; the treasury feels it when the internal rate is raised.
# - *The fees.* The water and sewage fees pay for that area's debt (section *Utviklingen i lånegjelden*):
#   if B01's water and sewage row carries the portfolio's floating share, about {eval}`txt.water_floating`
#   of the floating debt is on the fee payers' side.
#   The pass-through is rough: the self-cost rules charge the fees a calculated interest on the whole capital base
#   (usually a 5-year swap rate plus a margin), so the fees follow market rates their own way.
# - *The deposits.* Money in the bank earns more when rates rise; the report says higher interest on loans
#   was mainly offset by higher interest income on deposits in 2023 (section *Finansinntekter og -utgifter*).
#
# Taking the year-end deposits of {eval}`txt.total_printed` to earn a floating rate, the net floating
# exposure is about {eval}`txt.net_floating`. One percentage point more then costs about
# {eval}`txt.net_one_point` a year rather than {eval}`txt.one_point`, and reaches the treasury's budget
# with a lag, through the internal rate. Each step is an assumption: which debt the floating share applies
# to, the same share for water and sewage, and year-end deposits as typical (the report's only average,
# {eval}`txt.average_group_account`, is the group account's). So this is an order of magnitude, not a
# figure of the report. Husbanken's interest-compensation grant, {eval}`txt.compensation` in 2023, up
# {eval}`txt.compensation_rise` (section *Rentekompensasjon fra Husbanken*), offsets a little more; the
# book does not net it, as the report does not print the loans it is computed on.
#
# ### The loan fund's rates

# %% tags=["hide-input"]
rates = bal.loan_fund_rates(get)
rate = rates.set_index("rate")["rate_pct"]
paid, charged, treasury_rate = rate.iloc[0], rate.iloc[1], rate.iloc[2]
internal, nibor = rate.iloc[3], rate.iloc[4]
txt.rate_paid = fmt(paid, 2, "%")
txt.rate_charged = fmt(charged, 2, "%")
txt.rate_treasury = fmt(treasury_rate, 2, "%")
txt.rate_nibor = fmt(nibor, 2, "%")
txt.paid_vs_market = ("below both" if paid < min(internal, nibor) else "above both" if paid > max(internal, nibor)
                      else "between")  # fmt: skip
txt.charged_vs_internal = "below" if charged < internal else "above" if charged > internal else "at"
txt.treasury_at_internal = "exactly" if round(treasury_rate, 2) == round(internal, 2) else "close to"
d06 = get(bal.D06)
txt.lf_transfer = fmt_million(checks.value(d06, "actual_2023", label="Lånefond overføring til kommunekassa") / 1000)
txt.lf_deficit = fmt_million(checks.value(d06, "actual_2023", label=bal.LOAN_FUND_RESULT) / 1000)
txt.lf_other_interest = fmt_million(
    -checks.value(d06, "actual_2023", label="Lånefondets renteinntekter (øvrige)") / 1000
)
txt.lf_before = fmt_million(checks.value(d06, "actual_2023", label=bal.LOAN_FUND_RESULT.replace("etter", "før")) / 1000)
txt.lf_fund_draw = fmt_million(-checks.value(d06, "actual_2023", label="Bruk av disposisjonsfond (årsoppgjørsdisposisjon)")
                               / 1000)  # fmt: skip
lf_parts = bal.loan_fund_result_parts(get)
txt.lf_interest_income = fmt(lf_parts["interest_income"], 1, "NOK million")
txt.lf_interest_costs = fmt(lf_parts["interest_costs"], 1, "NOK million")
txt.lf_interest_margin = fmt(lf_parts["interest_margin"], 1, "NOK million")
txt.lf_interest_after = fmt(abs(lf_parts["interest_after_transfer"]), 1, "NOK million")
txt.lf_interest_side = "short of" if lf_parts["interest_after_transfer"] < 0 else "more than"
txt.lf_instalment_gap = fmt(abs(lf_parts["instalment_gap"]), 1, "NOK million")
txt.lf_instalment_side = "more than it received" if lf_parts["instalment_gap"] < 0 else "less than it received"
txt.lf_interest_verdict = ("nearly earned" if abs(lf_parts["interest_after_transfer"]) < abs(lf_parts["instalment_gap"])
                           else "fell well short of")  # fmt: skip
gap_share = lf_parts["instalment_gap"] / lf_parts["result"]
txt.lf_deficit_cause = "mostly the instalment gap" if gap_share > 0.5 else "partly the instalment gap"
rate_costs_over = checks.value(d06, "deviation_nok", label="Lånefond renteutgifter") / 1000
other_unbudgeted = -checks.value(d06, "deviation_nok", label="Lånefondets renteinntekter (øvrige)") / 1000
txt.lf_rate_costs_over = fmt_million(rate_costs_over)
txt.lf_other_offset = "more than made up for them" if other_unbudgeted > rate_costs_over else "made up part of them"
lf_cash = bal.loan_fund_cash_estimate(get)
txt.lf_cash_rate = fmt(lf_cash["rate_pct"], 0, "%")
txt.lf_cash = fmt(bal.round_estimate(lf_cash["average_cash"], bal.CASH_STEP), 0, "NOK million")
txt.cash_step = fmt(bal.CASH_STEP, 0, "NOK million")
txt.unlent_end = fmt(lf_cash["unlent_end"], 1, "NOK million")  # the book's subtraction on the text's total: one decimal
txt.unlent_pct_cash = fmt(lf_cash["unlent_end_pct_cash"], 0, "%")
timing = bal.enterprises_interest_timing(get)
txt.rate_enterprises = fmt(timing["rate_pct"], 2, "%")
txt.repayment_years = fmt(timing["years_before_end"], 1, "years")
printed_rate = rates["rate_avg_pct"].isna()  # the budget's internal rate and NIBOR: rates on no debt
# As printed: "4 prosent" is 4, not 4.00 (a value's decimals are those its shortest form has).
as_printed = [fmt(v, len(repr(float(v)).split(".")[1].rstrip("0"))) if ok else "\u2013"
              for v, ok in zip(rates["rate_pct"], printed_rate, strict=True)]  # fmt: skip
rates_view = rates.assign(printed_pct=pad_decimals(as_printed), rate_pct=rates["rate_pct"].mask(printed_rate))
styled(rates_view, table_id="balanse-rates",
       columns={"rate": "Rate", "rate_pct": "On 1 Jan. debt", "rate_avg_pct": "On average debt",
                "printed_pct": "Printed", "from": "From"},
       decimals={"rate_pct": 2, "rate_avg_pct": 2},
       caption="Interest rates of 2023: the book's estimates and the two rates the report prints", unit="%")  # fmt: skip

# %% [markdown]
# The treasury paid the loan fund {eval}`txt.rate_treasury` of its debt at 1 January,
# {eval}`txt.treasury_at_internal` the internal rate the budget set. That fits interest on the opening
# balances, so the book divides each year's interest by the debt at 1 January (the averages give lower
# rates). On that base the loan fund charged all its borrowers {eval}`txt.rate_charged`, a little
# {eval}`txt.charged_vs_internal` the internal rate; the enterprises alone paid {eval}`txt.rate_enterprises`.
# The report prints no interest terms; one timing that fits (the book's arithmetic) counts Drammen Eiendom
# KF's extra repayment of {eval}`txt.extra_instalments` from about {eval}`txt.repayment_years` before year
# end, and the same money, lent on to the treasury, only from year end.
#
# The loan fund paid its lenders about {eval}`txt.rate_paid`, {eval}`txt.paid_vs_market` the internal rate
# and the 3-month NIBOR average of {eval}`txt.rate_nibor` (as printed; the book takes it as the market
# rate). That is what a portfolio with {eval}`txt.hedged` at fixed rates or swapped does while rates rise:
# it follows the market with a lag (the book's reading; the report prints neither the fixed rates nor
# their terms, and its «god spredning i låneforfallene», a good spread of maturities, concerns
# refinancing).
#
# **The loan fund's result.** The loan fund transferred {eval}`txt.lf_transfer` to the treasury as budgeted
# and ended with a deficit of {eval}`txt.lf_before` before its year-end dispositions (D06). D06
# splits that deficit in two (the book's subtraction):
#
# - *interest*: its interest income, {eval}`txt.lf_interest_income`, less its interest and fees,
#   {eval}`txt.lf_interest_costs`, left {eval}`txt.lf_interest_margin`, {eval}`txt.lf_interest_after`
#   {eval}`txt.lf_interest_side` the transfer;
# - *instalments*: it received {eval}`txt.instalments` from its borrowers and paid its lenders
#   {eval}`txt.instalments_paid`, {eval}`txt.lf_instalment_gap` {eval}`txt.lf_instalment_side`.

# %% mystnb={"figure": {"caption": "The loan fund's result before its year-end dispositions, split into its interest and its instalments, in NOK million (the book's subtraction on D06).", "name": "fig-balanse-loan-fund-result"}, "image": {"alt": "Waterfall chart in NOK million: interest after the transfer to the treasury is slightly negative, the instalments paid above those received are a larger negative step, and together they make the loan fund's deficit before dispositions."}} tags=["hide-input"]
fig, ax = style.figure(height=2.8)
lf_steps = [("Interest less the transfer", lf_parts["interest_after_transfer"]),
            ("Instalments received less paid", lf_parts["instalment_gap"]),
            ("Result before dispositions", lf_parts["result"], "total")]  # fmt: skip
lf_levels = style.waterfall(ax, lf_steps, formatter=lambda v: fmt(v, 1, sign=True))
labels_at_far_end(ax, [len(step) > 2 for step in lf_steps], lf_levels)  # each value beside its own bar
lf_low = min(0.0, min(lf_levels))
ax.set_xlim(lf_low * 1.3, -0.05 * lf_low)  # room for the labels left of the bars
style.keep_inside(ax, [], horizontal=True)
ax.set_xlabel("NOK million (+ = surplus, − = deficit)")
ax.set_title(f"The deficit is {txt.lf_deficit_cause}")
style.key_above(ax, {style.UNFAVOURABLE: "adds to the deficit", style.FAVOURABLE: "reduces it",
                     style.LEVEL: "the result"})  # fmt: skip
style.finish(fig, table="drift_loan_fund_accounts")
plt.show()

# %% [markdown]
# On interest the loan fund {eval}`txt.lf_interest_verdict` the transfer (figure above). Rising rates
# did reach it, but were offset: its interest expenses ran {eval}`txt.lf_rate_costs_over` above budget,
# and other interest income (*renteinntekter (øvrige)*), {eval}`txt.lf_other_interest` and not budgeted
# (both D06), {eval}`txt.lf_other_offset`. A draw of {eval}`txt.lf_fund_draw` on a discretionary fund
# of its own (D06; the treasury's D09 shows no such draw) left {eval}`txt.lf_deficit`, to be proposed
# covered in the first four-month report of 2024 (section *Lånefondets regnskap*).
#
# At about {eval}`txt.lf_cash_rate`, that other interest income means roughly {eval}`txt.lf_cash` of cash
# on average during the year, perhaps money borrowed ahead of use (the book's estimate, to the nearest
# {eval}`txt.cash_step`; the report prints neither the loan fund's cash nor the rate it earned). Little of
# it was left at year end: on the book's reading of the two debt figures ({ref}`balanse-debt-total`),
# {eval}`txt.unlent_end` borrowed and not lent on, {eval}`txt.unlent_pct_cash` of the deposits netted above.

# %% [markdown]
# ## Fund reserves 2022 → 2023
#
# *How much did the treasury hold in funds, and which funds grew or shrank?*
#
# The treasury keeps four kinds of fund. The discretionary fund is free money that the council can use
# for operations or investments. *{term}`Bundne driftsfond`* (restricted operating funds) hold money
# earmarked by law or by the giver, such as unspent grants. The *{term}`Ubundne investeringsfond`*
# (unrestricted investment funds) can be used for investments only, and the
# *{term}`Bundne investeringsfond`* (restricted investment funds) hold money earmarked for given
# investments or for new loans.

# %% mystnb={"figure": {"caption": "The treasury's fund reserves at the end of 2022 and 2023, each fund's change over its bars (\u25b2 blue: up, \u25bc vermilion: down), in NOK million (table B02, printed in NOK thousand in the table that follows it).", "name": "fig-balanse-funds"}, "image": {"alt": "Grouped bars in NOK million for the four funds of table B02 at the end of 2022 and 2023, each labelled with its value; the discretionary fund is by far the largest and falls, the restricted investment funds rise."}} tags=["hide-input"]
items = b02[b02["row_kind"] == "item"].reset_index(drop=True)
x = np.arange(len(items))
fig, ax = style.figure(height=4.2)
for offset, (column, year), colour in zip((-0.2, 0.2), (("balance_2022", "2022"), ("balance_2023", "2023")),
                                          (style.EARLIER, style.LEVEL), strict=True):  # fmt: skip
    heights = items[column] / 1000
    ax.bar(x + offset, heights, width=0.4, color=colour, label=f"End of {year}")
    for xi, h in zip(x, heights, strict=True):
        ax.annotate(fmt(h, 1), (xi + offset, h), xytext=(0, 3), textcoords="offset points", ha="center",
                    fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
# Each fund's change (B02's Endring column) over its pair, the title's point, coloured by its effect on the
# reserves (designer s11r3: it was only a line of the tick text); the printed name, its English under it.
top = items[["balance_2022", "balance_2023"]].max(axis=1) / 1000
for xi, h, change in zip(x, top, items["change_2022_2023"] / 1000, strict=True):
    ax.annotate(f"{'▲' if change > 0 else '▼'} change {fmt(change, 1, sign=True)}", (xi, h), xytext=(0, 18), textcoords="offset points",
                ha="center", fontsize=style.MIN_TEXT_PT, fontweight="bold",
                color=style.FAVOURABLE if change > 0 else style.UNFAVOURABLE)  # fmt: skip
ax.set_xticks(x, [f"{label.replace(' ', chr(10), 1)}\n{textwrap.fill(f'({bal.FUND_ENGLISH[label]})', 20)}"
                 for label in items["label"]])  # fmt: skip
ax.set_ylim(0, items["balance_2022"].max() / 1000 * 1.22)
ax.set_ylabel("NOK million")
fell, rose = items.loc[items["change_2022_2023"].idxmin()], items.loc[items["change_2022_2023"].idxmax()]
ax.set_title(f"{bal.FUND_ENGLISH[fell['label']].capitalize()} down, {bal.FUND_ENGLISH[rose['label']]} up most", pad=22)
style.legend_above(ax)
ax.grid(axis="x", visible=False)
style.finish(fig, table="bal_fund_reserves")
plt.show()
txt.restricted = fmt_million(margin["restricted"])
txt.unrestricted = fmt_million(margin["unrestricted"])
free = bal.free_for_any_use(get)
txt.free_any_use = fmt_million(free["any_use"])
txt.free_investment_only = fmt_million(free["investment_only"])
txt.subfund_school = fmt(p["d09_footnote_subfund_school_kindergarten_development"], 1, "NOK million")
txt.subfund_climate = fmt(p["d09_footnote_subfund_climate"], 0, "NOK million")
txt.subfund_fines = fmt(p["d09_footnote_subfund_building_coercive_fines"], 1, "NOK million")
txt.subfunds_named = fmt(sum(p[k] for k in p if k.startswith("d09_footnote_subfund_")), 1, "NOK million")
fund_table_checks = checks.run(CH, only=["fund_reserves_table", "fund_reserves_prose"])
txt.fund_table_summary = findings.summary_line(fund_table_checks)

# %% [markdown]
# The reserves fell by {eval}`txt.fund_total_fall`, {eval}`txt.fall_where` in the discretionary fund,
# which the report gives as the main cause; the restricted operating and investment funds grew, as the
# report says both did (figure above).
#
# At the end of 2023, {eval}`txt.restricted` of the {eval}`txt.fund_total_2023` was in restricted funds.
# Of the other {eval}`txt.unrestricted`, the discretionary fund's {eval}`txt.free_any_use` may pay for
# operations or investments, the {eval}`txt.free_investment_only` in unrestricted investment funds for
# investments only. Even part of the discretionary fund is earmarked: D09's footnote
# names sub-funds set aside by decision, among them for professional development in schools and
# kindergartens ({eval}`txt.subfund_school`), the climate fund ({eval}`txt.subfund_climate`, as printed)
# and the building-case coercive-fine fund ({eval}`txt.subfund_fines`): at least
# {eval}`txt.subfunds_named`, with no total given.
#
# B02's totals add up and each change is the difference of the two balances, to within one thousand (each
# figure is rounded on its own). The text's total, its fall, the discretionary fund's fall and the rise of
# the restricted investment funds ("almost" the stated figure) restate the table, and its statements in
# words hold.
#
# *Checks.* {eval}`txt.fund_table_summary`

# %% tags=["hide-input", "hide-output"]
styled(b02.assign(english=b02["label"].map(bal.FUND_ENGLISH)), table_id="balanse-b02",
       columns={"label": "Fond", "english": "(in English)", "balance_2022": "2022", "balance_2023": "2023",
                "change_2022_2023": "Endring 2022–2023 (change)"},
       total_mask=b02["row_kind"] == "total",
       caption="The treasury's fund reserves as printed (B02): Drammen kommunekasse – fondsreserver 2022–2023",
       unit="NOK thousand")  # fmt: skip

# %% tags=["hide-input", "hide-output"]
checks_table(fund_table_checks, table_id="balanse-checks-b02", caption="Fund reserves (B02): checks")

# %% [markdown]
# ## Each fund's change reconciled with the accounts
#
# *Do the provisions and use booked in the operating and investment accounts explain each fund's change?*
#
# A fund's balance moves with provisions (money put in) and use (money taken out). Those are booked in
# the operating account's *{term}`Årsoppgjørsdisposisjoner`* (year-end dispositions, D08) for the
# operating funds, and in the investment statement for the investment funds. The investment statement
# is printed twice: statement 2A, which covers the treasury and the enterprises together (its heading, line
# 2786, does not name its scope, but 2B's part 1, which adds to 2A's investment line, holds Drammen Eiendom
# KF's projects and Drammensbadet KF's one line, line 3385; a finding below), and the treasury's own
# statement (DK) in four blocks. DK is the like-for-like comparison with B02; 2A is kept to show what
# the enterprises add.

# %% tags=["hide-input"]
fund_flows = bal.fund_flows(get)
drift_said = get("drift_prose_figures").set_index("label")["value"]  # the operating chapter's text figures
flow = fund_flows.set_index(["fund", "statement"])
for (fund, statement), row in flow.iterrows():
    key = f"flow_{fund_keys[fund]}_{statement.lower()}"
    txt[f"{key}_provisions"] = fmt_million(row["provisions"])
    txt[f"{key}_use"] = fmt_million(-row["use"])
    txt[f"{key}_net"] = fmt_million(row["net"], sign=True)
dekf = flow.loc[(bal.BOUND_INVESTMENT, "2A")] - flow.loc[(bal.BOUND_INVESTMENT, "DK")]
txt.flow_bound_investment_dekf_use = fmt_million(-dekf["use"])
txt.p08 = areas.label("P08")
txt.bound_net_said = fmt(drift_said["bound_funds_net_provision_2023"], 1, "NOK million")
txt.bound_prov_said = fmt(drift_said["bound_funds_provisions_2023"], 1, "NOK million")
txt.bound_use_said = fmt(drift_said["bound_funds_use_2023"], 1, "NOK million")
# The text's figure named only where it differs from D08's; where they agree, its line alone.
said_vs_d08 = {"prov": (txt.bound_prov_said, txt.flow_bound_operating_d08_provisions),
               "use": (txt.bound_use_said, txt.flow_bound_operating_d08_use),
               "net": (txt.bound_net_said, txt.flow_bound_operating_d08_net.replace("+", ""))}  # fmt: skip
for key, (said, d08_says) in said_vs_d08.items():
    txt[f"bound_{key}_note"] = "" if said == d08_says else f" (the text: {said})"
txt.bound_text_same = ("the same flows" if all(said == d08 for said, d08 in said_vs_d08.values())
                       else "them too, not all alike")  # fmt: skip
surplus = -checks.value(get(bal.DK), "actual_2023", label="Sum netto utgifter videreutlån")
txt.relending_surplus = fmt_million(surplus)
txt.relending_prose = fmt(p["startloan_extra_repayments_to_bound_investment_fund_2023"], 1, "NOK million")  # fmt: skip
other = (
    funds.loc[bal.BOUND_INVESTMENT, "change_2022_2023"] / 1000
    - p["startloan_extra_repayments_to_bound_investment_fund_2023"]
)
txt.bound_investment_other = fmt(abs(other), 1, "NOK million")
flow_checks = checks.run(CH, only=["disposition_fund_reconciliation", "bound_operating_funds_reconciliation",
                                   "investment_funds_reconciliation"])  # fmt: skip
txt.flow_summary = findings.summary_line(flow_checks)
first = ~fund_flows["fund"].duplicated()  # each fund named once, over its statements' rows
flows_view = fund_flows.assign(
    fund=fund_flows["fund"].map(bal.fund_name).where(first, ""), net=[fmt(v, 0, sign=True) for v in fund_flows["net"]]
)  # a change is signed
styled(flows_view, table_id="balanse-fund-flows",
       columns={"fund": "Fund (B02 row)", "statement": "Statement", "provisions": "Provisions", "use": "Use",
                "net": "Net flow"},
       caption="Provisions to and use of each fund in 2023 as the accounts print them (use negative)",
       unit="NOK thousand").set_table_styles(
    [{"selector": f"td.row{i}", "props": "border-top: 1px solid var(--pst-color-border, #ccc);"}
     for i in first[first].index[1:]], overwrite=False)  # fmt: skip

# %% [markdown]
# **The discretionary fund** reconciles fully. D08 sets aside {eval}`txt.flow_disposition_d08_provisions`
# and uses {eval}`txt.flow_disposition_d08_use`, net {eval}`txt.flow_disposition_d08_net`: B02's change to
# the thousand. D09 opens and closes at B02's two balances, and its movements (the budgeted use, the
# adjustments during the year and the saving at year end) add up to the same change, as does the bridge
# from the year's result (*Why the fund fell*, below).
#
# **The restricted operating funds** do not quite. D08 and the text (lines 2719–2734) give
# {eval}`txt.bound_text_same`: provisions of {eval}`txt.flow_bound_operating_d08_provisions`{eval}`txt.bound_prov_note`
# and use of {eval}`txt.flow_bound_operating_d08_use`{eval}`txt.bound_use_note`, net
# {eval}`txt.flow_bound_operating_d08_net`{eval}`txt.bound_net_note`. B02's change is
# {eval}`txt.fund_bound_operating_change`: a small difference, a finding below. The report explains both
# sides: the provisions are mostly earmarked grants and project money of 2023 not yet spent (lines
# 2726–2733), the use mostly 2022's unspent earmarked money taken back (lines 2734–2736).
#
# **The investment funds** reconcile with the treasury's own DK statement: the restricted funds' net flow
# there, {eval}`txt.flow_bound_investment_dk_net`, is B02's change to the thousand, and the unrestricted
# funds' {eval}`txt.flow_unbound_investment_dk_net` is B02's within rounding. Statement 2A adds Drammen
# Eiendom KF's flows (a finding of scope, below). The extra use of restricted funds in 2A,
# {eval}`txt.flow_bound_investment_dekf_use`, matches the amount the programme text of
# {eval}`txt.p08` (lines 5799–5801) says was added to Drammen Eiendom KF's investment budget as use of
# restricted funds for rent-to-own purchases of rental homes (as budget, not as spending).
#
# **Why the restricted investment funds grew.** The report names two reasons:
#
# - *Start loans.* Extraordinary repayments and redemptions of *{term}`Startlån`* (start loans, housing
#   loans financed by Husbanken loans) were set aside: {eval}`txt.relending_prose`, the text says (lines
#   3620–3621). The book reads this as the relending surplus, which the regulations set aside to these
#   funds. DK and 2A print that surplus as {eval}`txt.relending_surplus`: all repayments received on
#   on-lent loans less the instalments to Husbanken (and lending less borrowing). It comes to the extra
#   repayments alone when the ordinary repayments about match the instalments. The difference between the
#   two figures is a finding below.
# - *Developer contributions.* *{term}`Anleggsbidrag`* from joint projects and development agreements,
#   not yet spent; the report gives no amount. B02's growth less the start-loan figure leaves
#   {eval}`txt.bound_investment_other` for them and any other provisions, net of the year's use (the
#   book's subtraction; the report says only that the two reasons come "first and foremost").

# %% tags=["hide-input"]
findings.show(flow_checks, all_checks)

# %% [markdown]
# *Checks.* {eval}`txt.flow_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(flow_checks, table_id="balanse-checks-flows", caption="Fund flows: checks")

# %% [markdown]
# ## The discretionary fund against income and the council's rules
#
# *Is the discretionary fund large or small, and how much room is left above the council's minimum?*
#
# The report measures the fund against *{term}`Brutto driftsinntekter`* (gross operating income) and
# compares it with the average of the *{term}`ASSS`* municipalities (a network of ten large Norwegian
# municipalities; the average leaves Oslo out). The council's financial rules
# (*{term}`handlingsregler <Finansielle handlingsregler>`*) also set a minimum the fund must hold, the sum
# of three reserves in D09 (table below).

# %% tags=["hide-input"]
ratio = bal.disposition_fund_ratio(get)
txt.ratio_2023 = fmt(ratio["ratio_2023"], 2, "%")
txt.ratio_printed = fmt(ratio["printed_to"], 1, "%")
txt.ratio_from = fmt(ratio["printed_from"], 1, "%")
txt.income_2022_implied = fmt_million(ratio["implied_income_2022"])
txt.asss = fmt(ratio["asss"], 1, "%")
txt.asss_gap = fmt(ratio["gap_pp"], 1, "percentage points")
txt.fund_at_asss = fmt_million(ratio["fund_at_asss_level"])
txt.asss_shortfall = fmt_million(ratio["shortfall_to_asss"])
ratio_checks = checks.run(CH, only=["disposition_fund_share_of_income", "foreword_disposition_fund"])
txt.ratio_summary = findings.summary_line(ratio_checks)
uses = bal.adopted_budget_use(get)
txt.adopted_use = fmt_million(uses["adopted"])
txt.revised_use = fmt_million(uses["revised"])
txt.foreword_use = fmt(bal.foreword_fund_figures(get)["budgeted_use"], 1, "NOK million")
# The figures of "Reserves and cash", below.
txt.margin_years = fmt(cover["years_at_2023_pace"], 1, "years")
txt.draw_2023 = fmt(cover["draw_2023"], 1, "NOK million")
txt.years_budgeted = fmt(cover["years_at_budgeted_pace"], 1, "years")
txt.budgeted_draw = fmt(cover["budgeted_draw"], 1, "NOK million")
txt.margin_vs_draw = "smaller" if cover["margin"] < cover["draw_2023"] else "larger"
after = bal.margin_after_deficits(get)
txt.uncovered_investment = fmt(after["uncovered_investment"], 1, "NOK million")
txt.loan_fund_deficit = fmt(after["loan_fund_deficit"], 1, "NOK million")
txt.margin_after = fmt(after["margin_after"], 1, "NOK million")
minimum_view = pd.DataFrame(
    [
        (f"General reserve, {txt.general_reserve_pct} of gross operating income", margin["general"], "D09"),
        ("Interest-rate reserve (rentesikringsfond)", margin["interest"], "D09"),
        ("Owner-risk reserve (eier-risikofond)", margin["owner"], "D09"),
        ("Minimum the rules require", margin["requirement"], "D09"),
        ("Discretionary fund, 31.12.2023", margin["fund"], "B02"),
        ("Above the minimum", margin["margin"], "D09"),
    ],
    columns=["item", "amount", "source"],
)
minimum_view["amount"] = minimum_view["amount"] / 1000
styled(minimum_view, table_id="balanse-fund-minimum",
       columns={"item": "The discretionary fund and the rules", "amount": "Amount", "source": "From"},
       decimals={"amount": 1}, total_mask=minimum_view["item"].str.startswith(("Minimum", "Above")),
       caption="The minimum the council's financial rules set for the discretionary fund, and the margin above it",
       unit="NOK million").set_table_styles([{"selector": "", "props": "width: 100%;"}], overwrite=False)  # fmt: skip

# %% [markdown]
# The fund stands {eval}`txt.margin` above the minimum, as both D09 and the report's summary say.
# Against gross operating income (inferred from the general reserve, as above) it was {eval}`txt.ratio_2023`
# at the end of 2023, printed as {eval}`txt.ratio_printed`. The ASSS municipalities held {eval}`txt.asss`
# on average, {eval}`txt.asss_gap` more (the report does not say whether their average is, like
# Drammen's, the treasury's alone): at that level Drammen's fund would be {eval}`txt.fund_at_asss`,
# {eval}`txt.asss_shortfall` more than it is.
#
# - *A garbled sentence.* The sentence that gives the ratio says the fund "in 2023" is
#   {eval}`txt.ratio_from` "to" {eval}`txt.ratio_printed`, with a word missing. The {eval}`txt.ratio_from`
#   is probably the level at the end of 2022; the report does not print the 2022 income, so it cannot be
#   checked. Taken as such, it implies a 2022 income of about {eval}`txt.income_2022_implied`.
# - *A label.* The report's summary (lines 140–145) restates the fund's balances, its budgeted and actual
#   use and its margin above the rules, and the amounts agree with B02 and D09. Its label does not: line
#   141 gives the {eval}`txt.foreword_use` of budgeted use as the original budget's (*vedtatt budsjett*),
#   but D09 shows the original budget using {eval}`txt.adopted_use`, and {eval}`txt.revised_use` only after
#   the changes in the four-month reports and two later decisions (lines 2688–2696). The report's own
#   section on the fund says so correctly ("vedtatt budsjett og senere justeringer", line 2675);
#   {doc}`the operating account chapter <driftsregnskap>` records the label as a finding.
#
# *Checks.* {eval}`txt.ratio_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(ratio_checks, table_id="balanse-checks-ratio", caption="Discretionary fund: the summary and the ratio")

# %% [markdown]
# ### Why the fund fell
#
# *What drew the discretionary fund down, and how did the draw change from the original budget to the
# accounts?*

# %% tags=["hide-input"]
fall = bal.fund_fall_against_rules(get)
txt.self_financing = fmt(fall["self_financing"], 1, "NOK million")
txt.self_financing_pct = fmt(fall["self_financing_pct"], 0, "%")
txt.min_self_financing_pct = fmt(fall["min_self_financing_pct"], 0, "%")
txt.extra_dividend = fmt(fall["extra_dividend"], 0, "NOK million")
txt.dekf_sales = fmt(fall["dekf_property_sales"], 1, "NOK million")
bridge = bal.disposition_bridge(get)  # drawn below
d08 = get(bal.D08)
d08_fund = sum(
    checks.value(d08, "actual_2023", label=f"{kind} disposisjonsfond") for kind in ("Avsetninger til", "Bruk av")
)
bridge_gap = abs(bridge["amount"].iloc[-1] - d08_fund)
txt.bridge_fit = "to the thousand" if bridge_gap == 0 else f"to within {fmt(bridge_gap, 0, 'NOK thousand')}"

# %% [markdown]
# Self-financing of the treasury's and Drammen Eiendom KF's non-profitable investments came to
# {eval}`txt.self_financing`, {eval}`txt.self_financing_pct` against a minimum of
# {eval}`txt.min_self_financing_pct`, largely from {eval}`txt.extra_dividend` of extra dividend and Drammen
# Eiendom KF's {eval}`txt.dekf_sales` of property sales, the report says. The year's result was too low to
# cover the budgeted transfer to investment, so the discretionary fund was drawn on (the report's section
# *Avsetninger og årsoppgjørsdisposisjoner*). In D08's dispositions, the year's result less the transfer
# and the net provisions to restricted funds gives the fund's change {eval}`txt.bridge_fit` (the book's
# arithmetic, figure below).

# %% mystnb={"figure": {"caption": "From the net operating result of 2023 to the change in the discretionary fund, in NOK million (+ = adds to the fund, \u2212 = drawn from it, as in the figure after it); the last bar is recomputed and equals B02's change.", "name": "fig-balanse-bridge"}, "image": {"alt": "Waterfall chart in NOK million: the net operating result of 78.3 adds to the fund; the transfer to the investment account of 295.8 and the net provisions to restricted operating funds of 20.5 take it below zero; the last bar, the change in the discretionary fund, is minus 238.0."}} tags=["hide-input"]
fig, ax = style.figure(height=3.2)
shown = bridge[(bridge["amount"] != 0) | (bridge["source"] == "recomputed")]
kinds = ["total" if source == "recomputed" else "" for source in shown["source"]]
running = np.cumsum([0.0 if kind else v for v, kind in zip(shown["amount"] / 1000, kinds, strict=True)])
low, high = min(0.0, running.min()), max(0.0, running.max())
ax.set_xlim(low - 0.45 * (high - low), high + 0.15 * (high - low))  # room for the labels, clear of the spine
levels = style.waterfall(ax, list(zip(shown["step"], shown["amount"] / 1000, kinds, strict=True)))
labels_at_far_end(ax, kinds, levels)
style.keep_inside(ax, [], horizontal=True)
ax.set_xlabel("NOK million, flows of the accounts\n(+ = adds to the fund; − = drawn from it)")
ax.set_title("What the result could not pay for came out of the discretionary fund")
style.key_above(ax, {style.FAVOURABLE: "adds to the fund", style.UNFAVOURABLE: "takes from the fund",
                     style.LEVEL: "the net: the fund's change"})  # fmt: skip
style.finish(fig, table="drift_year_end_dispositions")
plt.show()

# %% [markdown]
# The figure below follows the same draw from the original budget to the accounts.

# %% mystnb={"figure": {"caption": "The draw on the discretionary fund in 2023, from the original budget to the accounts, in NOK million (signed as the figure above: + = adds to the fund, \u2212 = drawn from it; the book's breakdown of D09 and D08; its rows and sources in the table that follows it).", "name": "fig-balanse-fund-draw"}, "image": {"alt": "Waterfall chart in NOK million of the fund's change, drawn left of zero as in the figure above: the original budget's draw, a weaker budgeted result and a higher transfer take from the fund (vermilion), restricted operating funds used give back (blue), giving the draw after the year's changes; at year end a better result and a lower transfer give back (blue) and provisions to restricted funds take more (vermilion), giving the accounts' change of minus 238.0."}} tags=["hide-input"]
draw = bal.fund_draw_parts(get)
# Signed as the bridge above: + = adds to the fund, − = drawn from it, so the accounts' bar is the bridge's last
# (designer s11r3: the same 238.0 had opposite signs); colour by effect (drawn more: vermilion). Short labels.
draw_short = ["Original budget", "Weaker budgeted result", "Higher transfer", "Restricted funds used",
              "After the year's changes", "Better result", "Lower transfer", "Restricted funds provided for",
              "Accounts"]  # fmt: skip
draw_kinds = ["total" if kind == "level" else "" for kind in draw["row_kind"]]
fig, ax = style.figure(height=4.6)  # nine bars: room for each
draw_levels = style.waterfall(ax, list(zip(draw_short, -draw["amount"], draw_kinds, strict=True)))
labels_at_far_end(ax, draw_kinds, draw_levels)
draw_low = min(0.0, min(draw_levels))
ax.set_xlim(draw_low * 1.3, -0.05 * draw_low)  # room for the labels left of the bars
style.keep_inside(ax, [], horizontal=True)
ax.set_xlabel("Change in the discretionary fund, NOK million\n(+ = adds to the fund; − = drawn from it)")
draw_uses = draw.loc[draw["row_kind"] == "level", "amount"].to_list()  # original, after the changes, accounts
ax.set_title(
    f"The year's changes {'deepened' if draw_uses[1] > draw_uses[0] else 'eased'} the draw; "
    f"the year end {'eased' if draw_uses[2] < draw_uses[1] else 'deepened'} it"
)
# The key in the bridge's order above (adds, takes, the change), not in the order the bars first use each colour.
style.key_above(ax, [("draws more (−)", {"color": style.UNFAVOURABLE}),
                     ("draws less (+)", {"color": style.FAVOURABLE}),
                     ("the fund's change, net", {"color": style.LEVEL})])  # fmt: skip
style.finish(fig, table="drift_disposition_fund, drift_year_end_dispositions and bal_fund_reserves")
plt.show()

# %% tags=["hide-input", "hide-output"]
frames = bal.programme_frames_raised(get)
parts = bal.fund_use_reduction_parts(get)
txt.draw_adopted = fmt(draw.loc[0, "amount"], 1, "NOK million")
txt.draw_added = fmt(draw.loc[4, "amount"] - draw.loc[0, "amount"], 1, "NOK million")
txt.draw_result_fall = fmt(draw.loc[1, "amount"], 1, "NOK million")
txt.draw_transfer_rise = fmt(draw.loc[2, "amount"], 1, "NOK million")
txt.draw_bound_use = fmt(-draw.loc[3, "amount"], 1, "NOK million")
txt.draw_larger = "The larger part" if draw.loc[1, "amount"] > draw.loc[2, "amount"] else "A smaller part"
original_surplus = -checks.value(get(bal.D08), "original_budget_2023", label="Netto driftsresultat")
txt.original_surplus = fmt_million(original_surplus)
txt.surplus_said = fmt(drift_said.loc[["original_budget_net_operating_result"]].iloc[0], 1, "NOK million")
txt.frames_first = fmt(frames["first"], 0, "NOK million")
txt.frames_second = fmt(frames["second"], 0, "NOK million")
txt.frames_fund_draw = fmt(frames["fund_net_draw"], 1, "NOK million")
txt.dividends_summary = fmt(drift_said["extraordinary_dividend_budget"], 0, "NOK million")
txt.rule_transfer = fmt(fall["rule_transfer"], 1, "NOK million")
txt.dividends_planned = fmt(fall["dividends_planned"], 0, "NOK million")
txt.transfer_original = fmt(fall["transfer_original"], 1, "NOK million")
txt.plan_vs_original = (
    "exactly" if round(fall["plan_transfer"], 1) == round(fall["transfer_original"], 1) else "close to"
)
txt.revised_deficit = fmt(fall["revised_deficit"], 1, "NOK million")
txt.revised_bound_use = fmt(fall["revised_bound_use"], 1, "NOK million")
txt.fall_use_reduction = fmt(fall["use_reduction"], 1, "NOK million")
txt.cut_result = fmt(parts["result_gain"], 1, "NOK million")
txt.cut_transfer = fmt(parts["transfer_cut"], 1, "NOK million")
txt.cut_bound = fmt(parts["bound_swing"], 1, "NOK million")
txt.bound_net = fmt_million(-bridge.set_index("step").loc["Net provisions to restricted operating funds", "amount"])
txt.bound_budget_use = fmt(drift_said["bound_funds_budgeted_net_use"], 1, "NOK million")
level_names = {"Original budget: use": "Original budget", "After the year's changes: use": "After the year's changes",
          "Accounts: net use": "Accounts"}  # fmt: skip
draw_view = draw.assign(
    step=draw["step"].replace(level_names),
    change=[fmt(-v, 1, sign=True) if kind == "part" else "" for v, kind in zip(draw["amount"], draw["row_kind"], strict=True)],
    level=[fmt(-v, 1) if kind == "level" else "" for v, kind in zip(draw["amount"], draw["row_kind"], strict=True)],
    source=draw["source"].str.replace(r", lines? [\d–]+", "", regex=True),  # the tables; the lines are in the data
)  # fmt: skip
# Each figure is rounded on its own: where a level's printed steps do not add to the next level as printed,
# the caption says so (fact-check s11r3: the year's steps add to −298.1 against the −298.2 printed).
rounded_sums, segment = [], []  # each level with the steps after it, up to the next level
for v, kind in zip(-draw["amount"], draw["row_kind"], strict=True):
    if kind == "level" and segment and (gap := rounding_gap(segment, v)):
        rounded_sums.append(gap)
    segment = [v] if kind == "level" else [*segment, v]
rounding_note = "".join(
    f"; each figure is rounded on its own, so the steps add to {fmt(a, 1)} where the level prints {fmt(b, 1)}"
    for a, b in rounded_sums
)
styled(draw_view, table_id="balanse-fund-draw",
       columns={"step": "The discretionary fund in 2023", "change": "Step (+ adds, − draws)",
                "level": "The fund's change", "source": "From"},
       total_mask=draw["row_kind"] == "level",
       caption="The discretionary fund from the original budget to the accounts (the book's breakdown of D09 "
               f"and D08{rounding_note})", unit="NOK million")  # fmt: skip

# %% [markdown]
# The original budget drew {eval}`txt.draw_adopted`: its transfer to the investment account,
# {eval}`txt.transfer_original`, exceeded its surplus of {eval}`txt.original_surplus` (D08). The text
# gives that surplus as {eval}`txt.surplus_said`, in the foreword (*Stramt budsjettopplegg*) and in the
# section *Økonomisk resultat*: a slip recorded in {doc}`chapter 1 <driftsregnskap>`. The transfer was
# {eval}`txt.plan_vs_original` the {eval}`txt.rule_transfer` the financial rules' minimum of
# self-financing asked for plus {eval}`txt.dividends_planned` of extraordinary dividends earmarked for
# self-financing: one-off income passed on to investment. The summary and the operating chapter give that
# earmark as {eval}`txt.dividends_summary`, an inconsistency recorded in {doc}`chapter 1 <driftsregnskap>`.
#
# - *During the year* the draw grew by {eval}`txt.draw_added`, only {eval}`txt.draw_transfer_rise` of it a
#   higher transfer. {eval}`txt.draw_larger` was money for services: the programme areas' frames were raised
#   by {eval}`txt.frames_first` and {eval}`txt.frames_second` at the four-month reports, financed from the
#   fund (D09: a net {eval}`txt.frames_fund_draw`). Other changes, a higher tax estimate among them, offset
#   part of it (the book's subtraction), so the budgeted result fell by {eval}`txt.draw_result_fall`, to a deficit
#   of {eval}`txt.revised_deficit`. Restricted operating funds were to carry {eval}`txt.draw_bound_use` instead.
# - *At year end* the accounts drew {eval}`txt.fall_use_reduction` less (D09): the result beat the revised
#   budget by {eval}`txt.cut_result` and the transfer came {eval}`txt.cut_transfer` lower (the liquidation
#   dividend was booked in the investment account as a sale of shares, and was missing from the result).
#   But the restricted operating funds took {eval}`txt.bound_net` net instead of giving up
#   {eval}`txt.revised_bound_use`, a swing of {eval}`txt.cut_bound`, mostly earmarked grants of 2023 not yet
#   spent. (The text gives the budgeted use as {eval}`txt.bound_budget_use`, a slip recorded in
#   {doc}`chapter 1 <driftsregnskap>`.)

# %% [markdown]
# ### Reserves and cash
#
# *How long would the margin above the rules last, and is there cash behind the fund reserves?*
#
# The margin above the rules, {eval}`txt.margin`, is {eval}`txt.margin_vs_draw` than the fund's net draw
# in 2023, {eval}`txt.draw_2023`. At that pace it would last {eval}`txt.margin_years`; at the pace the
# revised budget planned ({eval}`txt.budgeted_draw`), {eval}`txt.years_budgeted`. Neither is a forecast:
# the report gives no plan for the fund's use after 2023, and the requirement moves with income and debt.
#
# Two deficits of 2023 are still to be covered, and the report does not say from what:
#
# - the investment account's uncovered {eval}`txt.uncovered_investment` (the text on the treasury's
#   investment statement);
# - the loan fund's {eval}`txt.loan_fund_deficit` (D06), to be covered in 2024 (section *Lånefondets
#   regnskap*).
#
# Were both taken from the discretionary fund, the margin would shrink to about {eval}`txt.margin_after`.

# %% tags=["hide-input"]
txt.reserves_cash_gap = fmt(abs(cover["reserves_less_cash"]), 1, "NOK million")
txt.reserves_vs_cash = "more" if cover["reserves_less_cash"] > 0 else "less"
txt.vat_withheld = fmt(get("inv_prose_figures").set_index("label").loc["vat_withheld_bane_nor", "value"], 1,
                       "NOK million")  # fmt: skip
# The figures of "All checks of the chapter", below.
chapter_checks = checks.run(CH)
txt.chapter_summary = findings.summary_line(chapter_checks)
register = findings.table(chapter_checks, findings.load(CH))
verdicts = register["verdict"].value_counts()
VERDICT_WORDS = {"error": ("error", "errors"), "inconsistency": ("inconsistency", "inconsistencies"),
                 "scope": ("difference of scope", "differences of scope"),
                 "unstated": ("unstated claim", "unstated claims")}  # fmt: skip
txt.verdict_counts = ", ".join(f"{n} {VERDICT_WORDS[verdict][n != 1]}" for verdict, n in verdicts.items())
assigned = findings.assign(chapter_checks, findings.load(CH))
discrepant = assigned[assigned["status"] == checks.DISCREPANCY]
contradicted = discrepant["verdict"].isin(findings.CONTRADICTED)
txt.n_discrepancies = fmt(len(discrepant))
txt.n_contradicted = fmt(int(contradicted.sum()))
txt.n_not_misstated = fmt(int((~contradicted).sum()))
txt.debt_materiality = register.set_index("finding_id").loc["bal-debt-borrowed-vs-lent", "materiality"]
scopes = pd.DataFrame(
    [
        ("Fund reserves (B02)", "the treasury"),
        ("of which restricted", "the treasury"),
        ("Bank deposits, group and deposit accounts (as printed)", "the legal entity (the book's reading)"),
    ],
    columns=["item", "scope"],
).assign(amount=bal.aligned([(cover["reserves"], 1), (cover["restricted"], 1), (cover["cash"], 0)]))  # fmt: skip
styled(scopes, table_id="balanse-reserves-cash",
       columns={"item": "At 31 December 2023", "scope": "Whose", "amount": "Amount"},
       caption="The treasury's fund reserves and the bank deposits: two scopes, not a coverage ratio",
       unit="NOK million")  # fmt: skip

# %% [markdown]
# At year end the treasury's fund reserves were {eval}`txt.fund_total_2023`, {eval}`txt.reserves_cash_gap`
# {eval}`txt.reserves_vs_cash` than the {eval}`txt.total_printed` in the bank (table above). The book draws
# no coverage ratio from the two:
#
# - *Two scopes.* The reserves are the treasury's. The cash is the legal entity's, on the book's reading:
#   the group account holds every unit of it. The report does not say whose money sits on the deposit
#   account.
# - *A fund is not an account.* A fund is part of the equity, set aside in the accounts. The cash also
#   stands behind short-term liabilities and borrowed money not yet spent. One example, on the book's
#   reading, is the {eval}`txt.vat_withheld` held back from Bane NOR; the report does not say how those
#   invoices are booked.
# - *Little borrowed cash was left.* The loan fund's other interest income points to roughly
#   {eval}`txt.lf_cash` of its own cash on average, but only {eval}`txt.unlent_end` of borrowing was unlent at year end (the book's estimates, in *The
#   loan fund's rates*).
#
# Reserves above the cash mean, on the book's reading, that part of them was spent ahead of borrowing or
# is held in other assets. The report prints no balance sheet that would say which.

# %% [markdown]
# ## All checks of the chapter
#
# {eval}`txt.chapter_summary` By verdict the chapter's findings are {eval}`txt.verdict_counts`. Of the
# {eval}`txt.n_discrepancies` discrepancies, {eval}`txt.n_contradicted` belong to errors and
# inconsistencies; the other {eval}`txt.n_not_misstated` are of scope or rest on the book's reading of a
# sentence, and are not misstatements. Each section lists its checks behind the toggle at its end (table
# below); the {doc}`audit page <audit>` lists them with the rest of the book's.

# %% tags=["hide-input"]
by_section = bal.checks_by_section({  # named as each section's checks toggle is
    section: findings.assign(frame) for section, frame in [
        ("Liquidity", liquidity_checks), ("Loan debt", debt_checks), ("Interest-rate exposure", hedging_checks),
        ("Fund reserves (B02)", fund_table_checks), ("Fund flows", flow_checks),
        ("Discretionary fund", ratio_checks),
    ]
})  # fmt: skip
assert by_section["checks"].iloc[-1] == len(chapter_checks)  # every check of the chapter, once
styled(by_section, table_id="balanse-checks-by-section",
       columns={"section": "Checks of", "checks": "Checks", "exact": "Exact", "rounding": "Within rounding",
                "discrepancy": "Discrepancies", "findings": "Findings"},
       caption="The chapter's checks by the section whose toggle lists them")  # fmt: skip

# %% [markdown]
# - *The loan debt's two totals* are the largest finding; weighed by its size, as its box says, it is
#   {eval}`txt.debt_materiality` ({ref}`balanse-debt-total`).
# - *Statement 2A and B02* differ, on the book's reading, by scope: what 2A adds would be Drammen Eiendom
#   KF's flows.
#
# The table below lists the chapter's findings, each with its size and the report's lines, as the other
# chapters end.

# %% tags=["hide-input"]
# One layout for every chapter's list (findings.chapter_table), as the other chapters have it.
findings.chapter_table(
    all_checks, CH, "balanse-findings", "The chapter's findings, largest first (each is explained in its section)"
)

# %% [markdown]
# ## Try it
#
# Could the gap between B01 and the text's total ({ref}`balanse-debt-total`) be a row missing from B01, or
# a typing error in it?
# The cell below adds `END_GAP` (the text's year-end debt less B01's sum) to Drammen Eiendom KF's debt at
# 31 December and `START_GAP` (0 as given) to its debt at 1 January, runs the chapter's checks again and
# lists every check that moves, with its class before and after.
#
# 1. Run it. The year-end total now agrees with the text (*discrepancy → exact*) and the interest-rate
#    reserve within rounding (*discrepancy → rounding*), but the change in 2023 still does not, and the
#    reconciliation with the borrowing and instalments, exact before, now fails (*exact → discrepancy*):
#    a missing amount at year end alone cannot explain both gaps.
# 2. Set `START_GAP = round(ldebt["prose_start"] - ldebt["b01_start"], 1)`, the gap at 1 January
#    (negative: there the text's figure is the smaller one), and run it again. Now the change in 2023
#    agrees with the text too, yet the reconciliation with the borrowing and instalments still fails: the
#    text's figures and the borrowers' flows cannot both describe B01, so no single typing error in the
#    table closes the gap.

# %% tags=["hide-input"]
END_GAP, START_GAP = round(ldebt["prose_end"] - ldebt["b01_end"], 1), 0.0

trial = checks.run(CH, get=bal.debt_added("Drammen Eiendom KF", end=END_GAP, start=START_GAP))
moved = moved_checks(all_checks, trial)
# A discrepancy's difference at the check's own decimals: one precision per column, as printed.
big = moved["difference"].abs() * 10.0 ** moved["decimals"] >= 1
moved.loc[big, "difference"] = [round(v, int(d)) for v, d in zip(moved.loc[big, "difference"],
                                                               moved.loc[big, "decimals"], strict=True)]  # fmt: skip
moved_view, unit = bal.moved_view(moved)  # each check in its own unit, named when they mix
styled(moved_view, table_id="balanse-try-it", unit=unit,
       caption="Checks that move when Drammen Eiendom KF's debt in B01 is altered: both sides after the change, "
               "the class before → after")  # fmt: skip
