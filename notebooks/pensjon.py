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
# # Pensjon: from premiums paid to pension cost
#
# *Download* this chapter as a notebook with its outputs, {download}`pensjon.ipynb <pensjon.ipynb>`,
# or as a script, {download}`pensjon.py <pensjon.py>`;
# its tables are on the {doc}`data page <../book/data>`.
#
# Drammen kommune, like every Norwegian municipality, owes its employees an occupational pension
# (*{term}`tjenestepensjon <Tjenestepensjon>`*) on top of the state old-age pension. It pays for it
# through pension funds: most staff are members of the municipality's own fund,
# *{term}`Drammen kommunale pensjonskasse <Drammen kommunale pensjonskasse>`* (DKP); nurses are insured
# with *{term}`KLP <KLP>`* (Kommunal Landspensjonskasse) and teachers with
# *{term}`Statens pensjonskasse <Statens pensjonskasse>`* (SPK).
#
# The money paid to these funds in a year, the *premium*, is not what the year's accounts show as the
# cost of pensions. Municipal accounting rules replace the premium by a smoother, actuarially calculated
# *{term}`pensjonskostnad <Pensjonskostnad>`* (pension cost), and carry the difference between the two,
# the *{term}`premieavvik <Premieavvik>`* (premium deviation), into later years. In 2023 the two were
# far apart.

# %% tags=["remove-input"]
import textwrap

import matplotlib.pyplot as plt

from aarsevaluering import checks, findings
from aarsevaluering.checks import from_disk as get
from aarsevaluering.data import catalogue
from aarsevaluering.fmt import fmt, fmt_million
from aarsevaluering.identities import pensjon as pj
from aarsevaluering.prose import Figures
from aarsevaluering.style import NEUTRAL, PALETTE, finish, use_book_style
from aarsevaluering.tables import checks_table, styled

txt = Figures()  # every figure the prose prints, shown there as {eval}`txt.<name>`
use_book_style()
CH = pj.CHAPTER


def million(label):
    """A prose figure in NOK million, formatted as the prose prints it."""
    number = pj.prose(get, label)
    return fmt(number, pj._decimals(number), "NOK million")


all_checks = checks.run(CH)  # the figures the chapter's findings quote
walk = pj.cost_waterfall(get)
level = dict(zip(walk["step"], walk["end"], strict=True))
stated_cost = pj.prose(get, "actual_pension_cost")
growth = pj.cost_growth(get)
txt.cost_stated = fmt(stated_cost, 1, "NOK million")
txt.premiums_due = fmt_million(level["Premiums due"])
txt.premiums_net = fmt_million(level["Premiums paid by the treasury"])
txt.growth = fmt(growth["growth"], 1, "%")
txt.wage_growth = fmt(growth["wage_growth"], 1, "%")
txt.wage_growth_first = fmt(growth["wage_growth_first"], 1, "%")
txt.cost_2022 = fmt(growth["cost_2022"], 1, "NOK million")
txt.ordinary_2022 = fmt(growth["ordinary_2022"], 1, "NOK million")
txt.central_2022 = fmt(growth["central_2022"], 1, "NOK million")
txt.ordinary_growth = fmt(growth["ordinary_growth"], 1, "%")
txt.central_growth_split = fmt(growth["central_growth"], 1, "%")
txt.ordinary_contribution = fmt(growth["ordinary_contribution"], 1, "NOK million")
txt.central_contribution = fmt(growth["central_contribution"], 1, "NOK million")
txt.increase = fmt(growth["cost_2023"] - growth["cost_2022"], 1, "NOK million")
txt.regulation_premium_story = fmt_million(pj.central(get, pj.REGULATION))
txt.premium_fund_story = fmt_million(-pj.central(get, pj.PREMIUM_FUND))
txt.deviation_story = fmt_million(-pj.central(get, pj.DEVIATION))
txt.amortisation_story = fmt_million(pj.central(get, pj.AMORTISATION))
txt.period = fmt(pj.prose(get, "amortisation_period"), 0, "years")


# %% [markdown]
# ## The year in brief
#
# **What happened.** The pension premiums, including employer's social security contribution, came to
# about {eval}`txt.premiums_due`, of which {eval}`txt.regulation_premium_story` was the
# regulation premium, very high because of high wage growth and the adjustment of the National Insurance
# basic amount, the report says (lines 2373–2374). The
# municipality paid {eval}`txt.premium_fund_story` of it from its premium funds. Yet the year's
# pension cost in the accounts was only {eval}`txt.cost_stated`: the premium deviation of
# {eval}`txt.deviation_story` was credited to the year, and {eval}`txt.amortisation_story`
# of earlier years' deviations was charged to it.
#
# **How the cost grew.** The report says the cost rose {eval}`txt.growth` from 2022, well above
# wage growth; the budget's assumption for wage growth was raised from {eval}`txt.wage_growth_first`
# to {eval}`txt.wage_growth` during the year (line 2419), so the statement holds against it. The
# report prints neither the 2022 cost nor its parts. The book infers them (an estimate, figure below): the
# stated growth puts the 2022 cost at about {eval}`txt.cost_2022`; the central items of 2022
# (D03's pension line, {eval}`txt.central_2022`) leave about {eval}`txt.ordinary_2022`
# for the ordinary premium. On that reading the ordinary premium, which follows pay, grew about
# {eval}`txt.ordinary_growth` and the central items about {eval}`txt.central_growth_split`:
# of the {eval}`txt.increase` increase, {eval}`txt.ordinary_contribution` came from
# the ordinary premium and {eval}`txt.central_contribution` from the central items.
#
# **What it means.** A low cost in a year of very high premiums is paid for later: the 2023 deviation comes
# back as a charge in each of the next {eval}`txt.period` (last section). The chapter rebuilds the cost from the
# premiums step by step, checks every figure the section prints against every other, and follows the 2023
# deviation into the years it will be charged.

# %% tags=["remove-input"] mystnb={"figure": {"caption": "Growth of the pension cost from 2022 to 2023, split into the ordinary premium and the central pension items, against the wage growth the budget assumed, in %. Source: Årsevaluering 2023, lines 2370, 2388–2389, 2419 and tables D03–D04; the 2022 split is the book's estimate.", "name": "fig-pensjon-growth"}, "image": {"alt": "Horizontal bar chart in percent: the central pension items grew about 10.3 %, the total pension cost 7.2 % as the report states, the ordinary premium about 6.1 %, and the wage growth the budget assumed 5.4 %."}}
bars = [("Central pension items (book's estimate)", growth["central_growth"], PALETTE["orange"]),
        ("Pension cost, as stated", growth["growth"], NEUTRAL),
        ("Ordinary premium (book's estimate)", growth["ordinary_growth"], PALETTE["blue"]),
        ("Wage growth the budget assumed", growth["wage_growth"], PALETTE["sky"])]  # fmt: skip
fig, ax = plt.subplots(figsize=(7, 2.8))
for y, (_name, pct, colour) in enumerate(bars):
    ax.barh(y, pct, color=colour, height=0.6)
    ax.text(pct + 0.15, y, fmt(pct, 1, "%"), va="center", fontsize=8)
ax.set_yticks(range(len(bars)), [name for name, _, _ in bars], fontsize=8)
ax.invert_yaxis()
ax.set_xlim(0, max(b[1] for b in bars) * 1.2)
ax.set_xlabel("Growth from 2022 to 2023 (%)")
ax.set_title("Both parts of the pension cost grew faster than wages")
ax.grid(axis="y", visible=False)
finish(fig, table="pension_prose_figures, pension_central_items and drift_central_expenses")
plt.show()


# %% [markdown]
# ## The tables
#
# The section draws on one printed table, *Status sentrale pensjonsposter i 2023* (D04), on the
# figures its sentences give (kept in a small table of their own), and on the `Pensjon` row of the
# table of central costs, *{term}`Sentrale utgifter <Sentrale utgifter>`* (D03), which the chapter on
# {doc}`the operating account <driftsregnskap>` covers as a whole.

# %% tags=["remove-input"]
tables = catalogue(CH)[["table", "title", "unit", "source_lines", "rows"]]
styled(tables, table_id="pensjon-catalogue", caption="The chapter's tables",
       columns={"table": "Table", "title": "Title as printed", "unit": "Unit", "source_lines": "Lines",
                "rows": "Rows"})  # fmt: skip

# %% tags=["remove-input"]
# The amounts the vocabulary below refers to (prose figures in NOK million, D04 in NOK thousand).
txt.ordinary_premium = million("ordinary_premium_incl_employer_tax")
txt.regulation_premium = fmt_million(pj.central(get, pj.REGULATION))
txt.premium_fund_use = fmt_million(-pj.central(get, pj.PREMIUM_FUND))
txt.premium_deviation = fmt_million(-pj.central(get, pj.DEVIATION))
txt.amortisation = fmt_million(pj.central(get, pj.AMORTISATION))
txt.church_share = fmt(pj.prose(get, "church_council_regulation_premium_share_covered"), 0, "%")  # fmt: skip
equity = get("inv_2b_shares_and_equity")
txt.equity_klp = fmt_million(checks.value(equity, "actual_2023", label="Egenkapitalinnskudd KLP"))  # fmt: skip
txt.equity_dkp = fmt_million(checks.value(equity, "actual_2023", label="Egenkapitalinnskudd DKP"))  # fmt: skip
txt.first_rule_year = str(pj.EARLIER_AMORTISATION_RULES[0][0])
first_10, last_10, _ = pj.EARLIER_AMORTISATION_RULES[1]
txt.rule_10_years = f"{first_10}–{last_10}"

# %% [markdown]
# ## Premiums and cost: the vocabulary
#
# These are defined-benefit schemes: the pension promised depends on the member's salary and years
# of service, not on what was paid in. The fund must hold enough to pay what members have earned so
# far, and it charges the employer whatever keeps it there. These payments and bookings meet in the
# report's section:
#
# *{term}`Ordinær pensjonspremie <Ordinær pensjonspremie>`* (ordinary premium)
# : paid through the year for the pension rights employees earn. It is charged to the accounts of the
#   service units where people work. In 2023 the municipal treasury
#   (*{term}`kommunekassen <Kommunekassen>`*) paid {eval}`txt.ordinary_premium`, including
#   employer's social security contribution (*{term}`arbeidsgiveravgift <Arbeidsgiveravgift>`*).
#
# *{term}`Reguleringspremie <Reguleringspremie>`* (regulation premium)
# : pension rights already earned rise with wages (the year's pay settlement,
#   *{term}`lønnsoppgjør <Lønnsoppgjør>`*) and with the adjustment of the National Insurance basic
#   amount G (*{term}`G-regulering <G-regulering>`*). DKP and KLP call in the cost of that rise in the
#   second half of the year. It swings from year to year, so Drammen books it centrally rather than in
#   the service units. High wage growth and the adjustment of G made it very large in 2023:
#   {eval}`txt.regulation_premium`.
#
# *{term}`Premiefond <Premiefond>`* (premium fund)
# : surpluses a pension fund returns to the employer are held in a premium fund that can only pay
#   future premiums. Drammen used {eval}`txt.premium_fund_use` from DKP's and KLP's premium
#   funds to pay part of the regulation premium. That lowers what the treasury pays in cash, and with it
#   the premium deviation (below); it does not lower the year's calculated pension cost.
#
# *{term}`Premieavvik <Premieavvik>`* (premium deviation)
# : the accounts do not charge the premium but a pension cost calculated by actuaries on assumptions
#   set nationally (wage growth, adjustment of G, return on the funds), which moves far more slowly.
#   The premium paid (after use of the premium fund) minus that calculated cost is the premium
#   deviation; that is the book's reading of the accounting rules, as the report itself does not spell
#   the definition out. When the premium is the larger, as in 2023, the difference is credited to the year as
#   income, {eval}`txt.premium_deviation`, and held in the balance sheet as cost still to come.
#
# *{term}`Amortisering av premieavvik <Amortisering av premieavvik>`* (amortisation)
# : each year's premium deviation is charged back in equal parts over the following
#   {eval}`txt.period`, as the accounting regulations
#   (*{term}`regnskapsforskriften <Regnskapsforskriften>`*) require. 2023 carried
#   {eval}`txt.amortisation` of deviations from earlier years.
#
# The arrangement has existed since {eval}`txt.first_rule_year` to spread premium peaks over
# several budgets. Its price is that a year with a high premium shows a low cost now and passes the rest on.
#
# Two things near the section are not part of the pension cost. The grant to the church council
# (*{term}`Kirkelig fellesråd <Kirkelig fellesråd>`*) covers {eval}`txt.church_share` of
# *its* regulation premium and sits on its own line of the central costs. And the municipality's equity
# contributions (*{term}`egenkapitalinnskudd <Egenkapitalinnskudd>`*) to KLP
# ({eval}`txt.equity_klp`) and DKP ({eval}`txt.equity_dkp`) are investments,
# booked in the {doc}`investment account <investeringsregnskap>`.

# %% [markdown]
# ## The central pension items (D04)
#
# The table prints the centrally booked items against the budget as revised in the second
# four-month report (*{term}`tertialrapport <Tertialrapport>`*, "2T"). Its first row is the total of
# the items below it; costs are positive, the premium fund and the premium deviation negative. The
# deviation is budget minus accounts, so a negative deviation is a cost above budget.

# %% tags=["remove-input"]
d04 = get(pj.CENTRAL)
styled(d04, table_id="pensjon-d04", caption="Status sentrale pensjonsposter i 2023 (NOK thousand)",
       columns={"label": "Beløp i 1000", "actual_2023": "Regnskap 2023",
                "revised_budget_2023": "Revidert budsjett 2023 (2T)", "deviation_nok": "Avvik"})  # fmt: skip

# %% tags=["remove-input"]
d04_checks = checks.run(CH, only=["central_items_total", "central_items_deviations"])
d04_total = checks.value(d04, "actual_2023", row_kind="total")
txt.d04_total = fmt_million(d04_total)
txt.d04_overspend = fmt_million(-checks.value(d04, "deviation_nok", row_kind="total"))
txt.d04_rounding = fmt((d04_checks["status"] == checks.ROUNDING).sum())
txt.d04_checks = fmt(len(d04_checks))
txt.regulation_above_table = fmt_million(-pj.central(get, pj.REGULATION, "deviation_nok"))
txt.deviation_above_table = fmt_million(pj.central(get, pj.DEVIATION, "deviation_nok"))
txt.d04_max_gap = fmt(d04_checks["difference"].abs().max(), 0, "NOK 1000")
txt.d04_summary = findings.summary_line(d04_checks)

# %% tags=["remove-input", "hide-output"]
checks_table(d04_checks, table_id="pensjon-d04-checks", caption="D04: total and deviations recomputed")

# %% [markdown]
# The central items came to {eval}`txt.d04_total`, only {eval}`txt.d04_overspend`
# more than budgeted. The regulation premium alone was {eval}`txt.regulation_above_table`
# above budget, but the premium deviation, a credit {eval}`txt.deviation_above_table`
# larger than budgeted, offset it: a high premium brings a high premium deviation with it.
#
# *Checks.* {eval}`txt.d04_summary` The two that miss, by at most
# {eval}`txt.d04_max_gap` (the total's budget and the amortisation's deviation), are what
# rounding amounts in kroner to thousands produces.

# %% [markdown]
# ## From premiums due to the pension cost
#
# The report adds up the year in sentences: the ordinary premium, plus the regulation premium, less the
# premium fund, less the premium deviation, plus the amortisation of earlier deviations. Taking the
# ordinary premium from the prose (D04 does not carry it, as it is booked in the service units) and
# everything else from D04 rebuilds the cost step by step. The order of the steps matters for what they
# mean. The premium fund pays part of the premiums, so it lowers what the treasury pays; the premium
# deviation is then the difference between that lower premium and the calculated cost. Had the fund not
# been used, the treasury would have paid more and the deviation would have been larger by the same
# amount, leaving the calculated cost where it is. That is the book's reading of the rules; the report
# only says that the fund was used to finance part of the regulation premium (lines 2378–2379) and that a high
# premium deviation lowers the pension cost (lines 2382–2383).

# %% tags=["remove-input"]
walk_view = walk.assign(amount_million=walk["amount"] / 1000)
styled(walk_view, table_id="pensjon-waterfall-table", caption="From premiums due to pension cost, 2023",
       columns={"step": "Step", "amount_million": "NOK million", "source": "Printed in"},
       decimals={"amount_million": 1}, total_mask=walk_view["kind"] != "step")  # fmt: skip

# %% tags=["remove-input"]
txt.premiums_paid = fmt_million(level["Premiums due"])
txt.total_premium_prose = fmt(pj.prose(get, "total_pension_premium"), 0, "NOK million")
txt.calculated_cost = fmt_million(level["Calculated pension cost"])
txt.cost_recomputed = fmt_million(level["Pension cost"])
txt.cost_share_of_premiums = fmt(100 * level["Pension cost"] / level["Premiums due"], 0, "%")  # fmt: skip

# %% tags=["remove-input"] mystnb={"figure": {"caption": "The year's pension cost rebuilt from the premiums due, in NOK million. The premium fund lowers the premium the treasury pays; the premium deviation, measured on that premium, brings it down to the calculated cost; the amortisation of earlier deviations adds part back. Source: Årsevaluering 2023, line 2370 and table D04.", "name": "fig-pensjon-waterfall"}, "image": {"alt": "Waterfall chart in NOK million. Ordinary premium 426.3 and regulation premium 603.0 rise to premiums due of 1029.3. Use of the premium fund (minus 170.1) lowers the premium paid by the treasury to 859.2. The 2023 premium deviation (minus 479.0) brings it down to a calculated pension cost of 380.3. Amortisation of earlier deviations (plus 200.7) and other items (plus 2.2) lead to a pension cost of 583.1, next to the 583.2 the report states."}}
fig, ax = plt.subplots(figsize=(7.5, 4.6))
colours = [NEUTRAL if k != "step" else (PALETTE["orange"] if a > 0 else PALETTE["blue"])
           for k, a in zip(walk["kind"], walk["amount"], strict=True)]  # fmt: skip
bottoms = walk[["start", "end"]].min(axis=1) / 1000
heights = (walk["end"] - walk["start"]).abs() / 1000
ax.bar(range(len(walk)), heights, bottom=bottoms, color=colours, width=0.7)
tops = walk[["start", "end"]].max(axis=1) / 1000
for x, (amount, top, kind) in enumerate(zip(walk["amount"], tops, walk["kind"], strict=True)):
    ax.text(x, top + 12, fmt(amount / 1000, 1, sign=kind == "step"), ha="center", fontsize=8)
# The cost the report states, as a black mark across the last bar.
(stated_mark,) = ax.plot([len(walk) - 1.4, len(walk) - 0.6], [stated_cost] * 2, color="black", linewidth=2)
ax.set_xticks(range(len(walk)), [textwrap.fill(s, 10, break_long_words=False) for s in walk["step"]], fontsize=6.5)
ax.set_ylabel("NOK million")
ax.set_title(f"Premiums of {fmt_million(level['Premiums due'], 0)} became a cost of "
             f"{fmt_million(level['Pension cost'], 0)}")  # fmt: skip
ax.grid(axis="x", visible=False)
handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in (PALETTE["orange"], PALETTE["blue"], NEUTRAL)]
labels = ["adds", "takes off", "level", f"cost the report states ({fmt(stated_cost, 1)})"]
ax.legend([*handles, stated_mark], labels, frameon=False, fontsize=8, loc="upper right")
finish(fig, table="pension_central_items and pension_prose_figures")
plt.show()

# %% [markdown]
# The premiums due, {eval}`txt.premiums_paid` ("almost
# {eval}`txt.total_premium_prose`" in the prose), shrink to {eval}`txt.premiums_net` paid by
# the treasury once the premium fund has paid its part, and to a calculated pension cost of
# {eval}`txt.calculated_cost` once the premium deviation is taken off.
# The amortisation of earlier years' deviations brings the cost back up to
# {eval}`txt.cost_recomputed`, about {eval}`txt.cost_share_of_premiums` of the
# premiums. The report states {eval}`txt.cost_stated`; the checks below show that the two agree
# within the rounding of the ordinary premium.

# %% tags=["remove-input"]
derived_checks = checks.run(CH, only=["prose_derived_totals"])
txt.derived_summary = findings.summary_line(derived_checks)

# %% [markdown]
# *Checks.* The totals the text derives, and its two statements in words ("almost" the total premium; a
# growth well above wage growth). {eval}`txt.derived_summary`

# %% tags=["remove-input", "hide-output"]
checks_table(derived_checks, table_id="pensjon-derived-checks", caption="Totals the prose derives")

# %% [markdown]
# ## Every figure the prose restates
#
# Most of the section's sentences restate a figure of D04 (or of D03) in NOK million. A figure that
# only restates another printed figure must be that figure rounded (or, as the report sometimes does,
# cut off) to the restatement's last digit; anything else is a discrepancy, however small.

# %% tags=["remove-input"]
prose_checks = checks.run(CH, only=["prose_restates_tables"])
regulation = prose_checks.set_index("check_id").loc[f"{pj.PROSE}.regulation_premium_incl_employer_tax"]
txt.regulation_prose = million("regulation_premium_incl_employer_tax")
txt.regulation_table = fmt(regulation["recomputed"], 1, "NOK million")
txt.regulation_above_prose = million("regulation_premium_above_budget")
txt.church_above_prose = million("church_council_capital_grant_and_regulation_premium_above_budget")  # fmt: skip
church_row = get(pj.DRIFT).query("label == @pj.CHURCH_LABEL")
txt.church_above_table = fmt_million(-church_row["deviation_nok"].iloc[0])
txt.prose_discrepancies = fmt((prose_checks["status"] == checks.DISCREPANCY).sum())
txt.prose_checks = fmt(len(prose_checks))
txt.prose_summary = findings.summary_line(prose_checks)
findings.show(prose_checks, all_checks)

# %% [markdown]
# {eval}`txt.prose_summary` The church council's line in D03 is not pension alone: it also
# pays interest and instalments on the council's loans.

# %% tags=["remove-input", "hide-output"]
checks_table(prose_checks, table_id="pensjon-prose-checks", caption="Prose figures against the tables")

# %% [markdown]
# ## D04 and the pension line of the central costs
#
# The central costs (D03) print one line, `Pensjon`, that looks like the same central pension items:
# its budget is D04's, up to rounding. Its accounts and deviation should then be D04's too.

# %% tags=["remove-input"]
pension_row = get(pj.DRIFT).query("label == @pj.DRIFT_PENSION_LABEL")
styled(pension_row, table_id="pensjon-d03-row", caption="Sentrale utgifter (D03), the pension row (NOK thousand)",
       columns={"label": "Beløp i 1000", "actual_2022": "Regnskap 2022", "revised_budget_2023": "Rev.bud. 2023",
                "actual_2023": "Regnskap 2023", "deviation_nok": "Avvik i kr",
                "deviation_pct": "Avvik i %"})  # fmt: skip

# %% tags=["remove-input"]
drift_checks = checks.run(CH, only=["central_items_vs_drift_pension_row"])
extra = pension_row["actual_2023"].iloc[0] - d04_total
txt.d03_extra = fmt(extra, 0, "NOK 1000")
txt.d03_extra_pct = fmt(100 * extra / d04_total, 1, "%")
txt.cost_with_d03 = fmt_million(level["Ordinary premium"] + pension_row["actual_2023"].iloc[0])  # fmt: skip
txt.d03_summary = findings.summary_line(drift_checks)
findings.show(drift_checks, all_checks)

# %% [markdown]
# D03's `Pensjon` line holds {eval}`txt.d03_extra` ({eval}`txt.d03_extra_pct`)
# more cost than D04's items, and the report does not say why. The stated pension cost follows D04: built
# on D03's line instead, it would be {eval}`txt.cost_with_d03`. {eval}`txt.d03_summary`

# %% tags=["remove-input", "hide-output"]
checks_table(drift_checks, table_id="pensjon-d03-checks", caption="D03's pension row against D04's items")

# %% [markdown]
# ## The 2022 cost behind the stated growth
#
# The report says the pension cost grew by a stated percentage from 2022 but does not print the 2022
# cost. Dividing the 2023 cost by one plus the growth gives it back; taking both printed figures at the
# ends of their rounding gives the range the printed figures allow.

# %% tags=["remove-input"]
cost_2022, low_2022, high_2022 = pj.implied_previous_year(stated_cost, growth["growth"])
txt.cost_2022_low = fmt(low_2022, 1)
txt.cost_2022_high = fmt(high_2022, 1, "NOK million")
txt.cost_increase = fmt(stated_cost - cost_2022, 1, "NOK million")
central_growth = 100 * (pension_row["actual_2023"].iloc[0] / pension_row["actual_2022"].iloc[0] - 1)
txt.central_growth = fmt(central_growth, 1, "%")
txt.central_2023_d04 = fmt_million(d04_total)

# %% [markdown]
# A growth of {eval}`txt.growth` to {eval}`txt.cost_stated` means a 2022 cost of
# about {eval}`txt.cost_2022` (between {eval}`txt.cost_2022_low` and
# {eval}`txt.cost_2022_high`), an increase of {eval}`txt.cost_increase`. The report
# calls this well above wage growth, and it is above the {eval}`txt.wage_growth` the budget
# assumed. D03's `Pensjon` line, the only 2022 figure printed for the central part, grew by
# {eval}`txt.central_growth` on its own figures. The split at the top of the chapter sets that
# 2022 figure against D04's {eval}`txt.central_2023_d04` for 2023, the items the stated cost is
# built from, and so shows {eval}`txt.central_growth_split`: the difference is the gap between
# D03 and D04 above, and it assumes D03's 2022 line held the same items as D04. Nothing printed lets the
# 2022 cost itself be checked.

# %% [markdown]
# ## Amortisation: where the 2023 premium deviation goes
#
# The 2023 premium deviation was credited to 2023 and will be charged to the years that follow. The
# schedule below assumes, as the regulation prescribes, equal instalments over the stated period,
# starting the year after the deviation arose; that the whole deviation printed in D04 is amortised
# this way; and that nothing else, such as a later use of premium funds, changes it. The period is a
# parameter: see *Try it* below.

# %% tags=["hide-input"]
AMORTISATION_PERIOD = int(pj.prose(get, "amortisation_period"))  # the report's 7 years; try 10 or 1
deviation_2023 = -pj.central(get, pj.DEVIATION)
schedule = pj.amortisation_schedule(deviation_2023, pj.REPORT_YEAR + 1, AMORTISATION_PERIOD)
txt.instalment = fmt_million(schedule["instalment"].iloc[0])
txt.first_year = str(schedule["year"].iloc[0])
txt.last_year = str(schedule["year"].iloc[-1])
txt.schedule_period = fmt(AMORTISATION_PERIOD, 0, "years")
schedule_view = schedule.assign(year=schedule["year"].astype(str), instalment=schedule["instalment"] / 1000,
                                remaining=schedule["remaining"] / 1000)  # fmt: skip
styled(schedule_view, table_id="pensjon-schedule", decimals={"instalment": 1, "remaining": 1},
       caption="Amortisation of the 2023 premium deviation (NOK million)",
       columns={"year": "Year", "instalment": "Charged in the year",
                "remaining": "Still to charge at year end"})  # fmt: skip

# %% tags=["remove-input"] mystnb={"figure": {"caption": "The 2023 premium deviation, credited as income in 2023, comes back as an equal charge in each year of the amortisation period, and the amount still to be charged falls to zero.", "name": "fig-pensjon-amortisation"}, "image": {"alt": "Bar chart in NOK million: seven equal bars of 68.4 for the years 2024 to 2030, the yearly charge from the 2023 premium deviation, and a falling line for the amount still to be charged, from 479.0 at the end of 2023 to zero at the end of 2030."}}
fig, ax = plt.subplots()
ax.bar(schedule["year"], schedule["instalment"] / 1000, color=PALETTE["orange"], width=0.6,
       label="charged in the year")  # fmt: skip
for year, instalment in zip(schedule["year"], schedule["instalment"], strict=True):
    ax.text(year, instalment / 2000, fmt(instalment / 1000, 1), ha="center", va="center", fontsize=8)
ax.plot([pj.REPORT_YEAR, *schedule["year"]], [deviation_2023 / 1000, *(schedule["remaining"] / 1000)],
        color=PALETTE["blue"], marker="o", label="still to charge at year end")  # fmt: skip
ax.set_xticks([pj.REPORT_YEAR, *schedule["year"]])
ax.set_xlabel("Year")
ax.set_ylabel("NOK million")
ax.set_title(f"The 2023 premium deviation returns as {fmt_million(schedule['instalment'].iloc[0], 1)} a year")
ax.grid(axis="x", visible=False)
ax.legend(frameon=False, fontsize=8)
finish(fig, table="pension_central_items", note=f"Equal instalments over {AMORTISATION_PERIOD} years")
plt.show()

# %% [markdown]
# Over {eval}`txt.schedule_period` the 2023 deviation adds {eval}`txt.instalment`
# to the pension cost of every year from {eval}`txt.first_year` to
# {eval}`txt.last_year`, on top of what is still to be charged from earlier deviations.
#
# What did 2023 itself carry? Its {eval}`txt.amortisation` is a slice of each earlier
# deviation still being charged. Under the regulation's periods, longer for older deviations, and
# assuming Drammen (and the municipalities it was merged from) always chose the long period rather than
# charging a deviation in full the next year, these are:

# %% tags=["remove-input"]
origins = pj.amortisation_origins(pj.REPORT_YEAR, AMORTISATION_PERIOD)
by_rule = origins.groupby("period", sort=False).agg(first=("origin_year", "min"), last=("origin_year", "max"),
                                                     years=("origin_year", "size")).reset_index()  # fmt: skip
by_rule = by_rule.assign(origin=[str(a) if a == b else f"{a}–{b}" for a, b in zip(by_rule["first"], by_rule["last"], strict=True)],
                         share=[f"1/{p} of each" for p in by_rule["period"]])  # fmt: skip
styled(by_rule, table_id="pensjon-origins", caption=f"Deviations amortised in {pj.REPORT_YEAR}",
       columns={"origin": "Deviations of", "period": "Period (years)", "years": "Years",
                "share": "Charged in the year"})  # fmt: skip

# %% tags=["remove-input"]
net_deferral = deviation_2023 - pj.central(get, pj.AMORTISATION)
txt.net_deferral = fmt_million(net_deferral)
txt.deviation_multiple = fmt(deviation_2023 / pj.central(get, pj.AMORTISATION), 1)
txt.report_year = str(pj.REPORT_YEAR)

# %% [markdown]
# The report does not print the earlier deviations, so their sizes cannot be recovered one by one. What
# the figures do show is the balance of the year: {eval}`txt.report_year` credited a
# deviation {eval}`txt.deviation_multiple` times the amortisation it carried. Cost still
# to be charged in later years therefore grew by {eval}`txt.net_deferral` in the year. That
# is the price of a low pension cost in a year of very high premiums.

# %% [markdown]
# ## All checks of the chapter

# %% tags=["remove-input"]
txt.chapter_summary = findings.summary_line(all_checks)

# %% [markdown]
# {eval}`txt.chapter_summary` They are listed in the sections above and on the
# {doc}`audit page <audit>`. All are small: prose figures a little off the tables, and a D03 pension line
# that holds more than D04's items. None changes the picture of the year.
#
# ## Try it
#
# The amortisation period is set by regulation, and it has changed: deviations of earlier years were
# spread over longer periods (see the table above). In the cell that starts
# `AMORTISATION_PERIOD = ...`, replace the right-hand side with `10`, the period for deviations of
# {eval}`txt.rule_10_years`, and run that cell and the ones after it. Watch the instalment in
# the table and the figure: a longer period makes the charge per year smaller but lasts longer, so more
# of 2023's premium is still unpaid for at the end of the decade. Then try `1`: the whole deviation lands
# on {eval}`txt.first_year`, which is what a municipality that does not spread its premium
# deviations would see.
