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
# # Pensjon: from premiums paid to pension cost
#
# *Download* this chapter as a notebook with its outputs, {download}`pensjon.ipynb <pensjon.ipynb>`,
# or as a script, {download}`pensjon.py <pensjon.py>`;
# its tables are on the {doc}`data page <../book/data>`.
#
# Drammen kommune, like every Norwegian municipality, owes its employees an occupational pension
# (*{term}`tjenestepensjon <Tjenestepensjon>`*) on top of the state old-age pension. It pays for it
# through three pension schemes: the municipality's own fund,
# *{term}`Drammen kommunale pensjonskasse <Drammen kommunale pensjonskasse>`* (DKP),
# *{term}`KLP <KLP>`* (Kommunal Landspensjonskasse) for nurses and
# *{term}`Statens pensjonskasse <Statens pensjonskasse>`* (SPK) for teachers. The schemes are
# defined-benefit: the pension depends on the member's salary and years of service, not on what was paid
# in. Only DKP and KLP are funded, holding assets against what members have earned and charging the
# employer whatever keeps them able to pay it; SPK's scheme for teachers holds none of its own. This
# background is the book's: the report does not give it. The report names only DKP and KLP where it
# speaks of the regulation premium and the premium funds, and does not say how many staff each scheme
# covers.
#
# A line cited ("line 2419") is a line of the report's plain-text extraction
# ({ref}`references-text`); the {doc}`data page <../book/data>` gives each table's section and printed
# title, to find it in the report's PDF. Amounts are in NOK million, the book's with one decimal; a figure
# the report prints keeps the report's precision and is called the report's where it could be taken for the
# book's. The reproduced ledgers are in NOK thousand, as printed, and so are differences too small for a
# tenth of a million, in the ledgers' last digits.

# %% tags=["remove-input"]
import html

import matplotlib.pyplot as plt
import pandas as pd

from aarsevaluering import checks, findings
from aarsevaluering.checks import from_disk as get
from aarsevaluering.data import catalogue
from aarsevaluering.fmt import fmt, fmt_million, rounding_gap
from aarsevaluering.identities import pensjon as pj
from aarsevaluering.identities.driftsregnskap import net_operating_surplus
from aarsevaluering.prose import Figures
from aarsevaluering.style import (
    FAVOURABLE,
    LEVEL,
    TEXT,
    UNFAVOURABLE,
    direct_labels,
    estimate_style,
    finish,
    key_above,
    public_source,
    use_book_style,
    waterfall,
)
from aarsevaluering.tables import checks_table, styled

use_book_style()


def million(label):
    """A prose figure in NOK million, formatted as the prose prints it."""
    number = pj.prose(get, label)
    return fmt(number, pj._decimals(number), "NOK million")


# %% tags=["hide-input"]
txt = Figures()  # every figure the prose prints, shown there as {eval}`txt.<name>`
CH = pj.CHAPTER
all_checks = checks.run(CH)  # the figures the chapter's findings quote
walk = pj.cost_waterfall(get)
# The same walk closed at the stated cost by a step for the rounding between the printed figures (if any):
# drawn in the waterfall and listed in its table, so the bars end where the report does.
walk_closed = pj.cost_waterfall(get, close_at_stated=True)
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
txt.rebuilt_gap = fmt(abs(growth["rebuilt_gap"]), 1, "NOK million")
txt.split_sum = fmt(growth["ordinary_contribution"] + growth["central_contribution"], 1, "NOK million")
txt.regulation_text = million("regulation_premium_incl_employer_tax")
txt.regulation_premium_story = fmt_million(pj.central(get, pj.REGULATION))
txt.premium_fund_story = fmt_million(-pj.central(get, pj.PREMIUM_FUND))
txt.deviation_story = fmt_million(-pj.central(get, pj.DEVIATION))
txt.amortisation_story = fmt_million(pj.central(get, pj.AMORTISATION))
txt.other_items_story = fmt_million(pj.central(get, pj.OTHER))
txt.period = fmt(pj.prose(get, "amortisation_period"), 0, "years")
txt.net_premium_story = fmt_million(pj.net_premium_deviation(get))
txt.rule_long = fmt(pj.CURRENT_RULE_PERIODS[1], 0, "years")
period = int(pj.prose(get, "amortisation_period"))
txt.charge_years = f"{pj.REPORT_YEAR + 1}–{pj.REPORT_YEAR + period}"
surplus = net_operating_surplus(get)
against_result = pj.net_deviation_and_result(get)
txt.net_premium_share = fmt(against_result["share"], 1, "%")
txt.premium_vs_surplus = "more than" if against_result["net_deviation"] > surplus else "less than"
txt.result_without_kind = "a deficit" if against_result["result_without"] < 0 else "a surplus"
txt.result_without = fmt_million(abs(against_result["result_without"]))
txt.result_without_share = fmt(abs(against_result["result_without_share"]), 1, "%")
# The terms' periods, and amounts the sections below print (prose figures in NOK million, D04 in NOK thousand).
txt.current_rule_from = str(pj.CURRENT_RULE_FROM)
txt.first_rule_year = str(pj.EARLIER_AMORTISATION_RULES[0][0])
first_10, last_10, _ = pj.EARLIER_AMORTISATION_RULES[1]
txt.rule_10_years = f"{first_10}–{last_10}"
txt.rule_10_period = str(pj.EARLIER_AMORTISATION_RULES[1][2])
txt.rule_next_year = str(pj.CURRENT_RULE_PERIODS[0])
txt.ordinary_premium = million("ordinary_premium_incl_employer_tax")
txt.amortisation = fmt_million(pj.central(get, pj.AMORTISATION))


# %% [markdown]
# ## The year in brief
#
# **In 2023 the pension premiums came to {eval}`txt.premiums_due` and the accounts charged a pension cost
# of {eval}`txt.cost_stated`: the premium deviation of {eval}`txt.deviation_story` credited to the year is
# to be charged over the next {eval}`txt.period`, {eval}`txt.charge_years`, the report says.**

# %% tags=["hide-input"]
# The year in figures: each printed figure or the book's computation, and where it comes from; beside
# the chapter's key figures, the three the brief's bullets rest on (the regulation premium and the premium
# funds' share, from D04; what the treasury paid and the result without the net deviation, recomputed).
key = pj.key_figures(get)
after = {  # the rows to add, by the key figure they follow
    0: [("· the regulation premium", pj.central(get, pj.REGULATION) / 1000, "D04"),
        ("Less: paid from the premium funds (of the regulation premium)", pj.central(get, pj.PREMIUM_FUND) / 1000,
         "D04"),
        ("Premiums paid by the treasury", level["Premiums paid by the treasury"] / 1000, "recomputed")],
    5: [("Net operating result without the net premium deviation", against_result["result_without"] / 1000,
         "recomputed")],
}  # fmt: skip
rows_in_order = []
for position, key_row in enumerate(key.itertuples(index=False)):
    rows_in_order += [tuple(key_row), *after.get(position, [])]
key = pd.DataFrame(rows_in_order, columns=key.columns)
# Each row is rounded on its own: the treasury's figure, from unrounded amounts, may differ in the last
# decimal from the difference of the two rounded rows above it; the caption says so where it does.
paid_gap = rounding_gap(
    [level["Premiums due"] / 1000, pj.central(get, pj.PREMIUM_FUND) / 1000],
    level["Premiums paid by the treasury"] / 1000,
)
# The rounding note goes under the table (the markdown below), not into its caption (designer s11r4).
assert paid_gap, "the note under the table says the rows do not add up"
# The rows it names: the first row (the premiums due) less the premium funds' share (the row above the
# treasury's), as the reader finds them in the table (reader s12: not "the two rows above it").
txt.key_rounding_note = (f"Each row is rounded on its own: the premiums in the first row, "
                         f"{fmt(level['Premiums due'] / 1000, 1)}, less the {fmt(-pj.central(get, pj.PREMIUM_FUND) / 1000, 1)} "
                         f"paid from the premium funds give {fmt(paid_gap[0], 1)} for the premiums the treasury "
                         f"paid; the unrounded amounts give {fmt(paid_gap[1], 1)}.")  # fmt: skip
styled(key, table_id="pensjon-key-figures", caption="The year in figures, NOK million",
       columns={"figure": "Key figure", "value": str(pj.REPORT_YEAR), "source": "From"},
       decimals={"value": 1})  # fmt: skip

# %% [markdown]
# *Note to the table.* {eval}`txt.key_rounding_note`
#
# - *Premiums.* The regulation premium was the largest part, very high because of high wage growth and
#   the adjustment of G, the report says; the premium funds paid part of it (the table above).
# - *Cost.* The premium deviation is the chief reason the cost is so far below the premiums
#   ({ref}`the waterfall <fig-pensjon-waterfall>`). The report calls the cost's growth of {eval}`txt.growth`
#   well above wage growth; it is above the {eval}`txt.wage_growth` the budget assumed ({ref}`pensjon-2022`).
# - *Result.* The net premium deviation lifted the result by {eval}`txt.premium_vs_surplus` the whole
#   surplus: without it the year closes with {eval}`txt.result_without_kind` (the book's computation), a
#   measure that still counts the draw on the premium funds as relief ({ref}`driftsregnskap-result-quality`).
# - *Later years.* The 2023 deviation comes back as an equal charge in each of the years
#   {eval}`txt.charge_years`, on top of what earlier deviations still charge ({ref}`pensjon-forward`).
#
# D04 and D08 are the book's ids for the report's tables *Status sentrale pensjonsposter i 2023*
# (reproduced below) and *Avsetninger og årsoppgjørsdisposisjoner*; the chapter's tables are listed at its
# end. Each section counts its checks in one line and shows its findings.

# %% [markdown]
# (pensjon-terms)=
# ## Premiums and cost: the terms
#
# The report describes the two premiums; the other terms are defined here as the pension provisions of the
# budget and accounting regulation (*budsjett- og regnskapsforskriften*) define them, which is the book's
# reading where the report does not say so.
#
# *{term}`Ordinær pensjonspremie <Ordinær pensjonspremie>`* (ordinary premium)
# : paid through the year for the pension rights employees earn, and charged to the service units where
#   people work; the report gives it including employer's social security contribution
#   (*{term}`arbeidsgiveravgift <Arbeidsgiveravgift>`*).
#
# *{term}`Reguleringspremie <Reguleringspremie>`* (regulation premium)
# : rights already earned rise with wages (*{term}`lønnsoppgjør <Lønnsoppgjør>`*) and with the National
#   Insurance basic amount G (*{term}`G-regulering <G-regulering>`*); DKP and KLP call in the cost in the
#   second half of the year. Drammen books it centrally, as it can swing much from year to year.
#
# *{term}`Premiefond <Premiefond>`* (premium fund)
# : surpluses a pension fund returns to the employer, which can only pay future premiums.
#
# Calculated cost
# : the net pension cost the actuaries calculate on nationally set assumptions (*netto
#   pensjonskostnad*), meant to be steadier than the premium. The chapter's walk adds to it the
#   administration costs (the interest-guarantee premium among them), which are charged as paid, and
#   employer's contribution.
#
# *{term}`Premieavvik <Premieavvik>`* (premium deviation)
# : the premium paid less the net pension cost, both without the administration costs. The premium
#   counted is what the treasury paid, after the premium fund's share; employer's contribution is a
#   deviation of its own, handled the same way. When the premium is the larger, the difference is
#   credited to the year as income and held in the balance sheet as cost still to come.
#
# *{term}`Amortisering av premieavvik <Amortisering av premieavvik>`* (amortisation)
# : the charging back of each year's deviation in later years, in full the next year or in equal parts
#   over the next {eval}`txt.rule_long` (longer for deviations before {eval}`txt.current_rule_from`).
#
# *{term}`Pensjonskostnad <Pensjonskostnad>`* (pension cost)
# : the cost the accounts charge: the calculated cost plus the amortisation and a few other items.
#
# The arrangement dates from {eval}`txt.first_rule_year`; the report gives neither its start nor its
# purpose. The book reads it as a way to spread premium peaks over several budgets, at the price that a
# year with a high premium shows a low cost now and passes the rest on.

# %% [markdown]
# In these terms the year runs from the premiums due to the pension cost the accounts charge,
# as the waterfall below draws it.

# %% mystnb={"figure": {"caption": "The 2023 pension cost rebuilt step by step from the premiums due, NOK million; blue steps lower the running amount, vermilion steps raise it; hatched or unfilled, the book's estimates: the calculated cost (hatched) and the rounding in the printed figures (an unfilled dot). The two smallest steps, too small to draw as bars, are a dot at the level with their value. On the book's reading of the regulation, the premium fund lowers what the treasury paid, not the 2023 cost (see the premium fund, below).", "name": "fig-pensjon-waterfall"}, "image": {"alt": "Horizontal waterfall chart in NOK million: the ordinary premium and the regulation premium add up to the premiums due; the use of the premium fund lowers them to the premiums the treasury paid; the 2023 premium deviation, credited now and charged back in later years, brings them down to the calculated pension cost, well under half the premiums due; the amortisation of earlier deviations and other items bring the cost part of the way back up; a last step too small to draw, the book's estimate, is the rounding in the report's printed figures, which closes the steps at the pension cost the report states, the figure the title and the last bar give; the two smallest steps, other items and the rounding, are too small to draw as bars: each is a small vermilion dot at the level with a short leader line to its value, solid for other items and unfilled for the rounding, whose label names it the book's estimate; the key names blue a step down and vermilion a step up, and the premium fund's label says it lowers what the treasury paid, not the cost."}} tags=["hide-input"]
# The calculated cost's long name on two lines, so the bars keep their width; the deviation named with
# the years it is charged to, as in the forward chart below, where the same amount is a charge.
deviation_step = walk.loc[walk["step"].str.startswith("Premium deviation"), "step"].iloc[0]
chart_names = {"Use of premium fund": "Use of premium fund\n(lowers what the treasury paid)",
               pj.CALCULATED_COST: "Calculated cost incl. administration\nand employer's contribution",
               deviation_step: f"Premium deviation, credited to {pj.REPORT_YEAR},\ncharged back {txt.charge_years}",
               # too small for a hatched bar: its row's name says it is the book's estimate (one mark for it)
               pj.ROUNDING_STEP: f"{pj.ROUNDING_STEP}\n(the book's estimate)"}  # fmt: skip
# The calculated-cost level rests on the regulation's definition (the book's reading), and the rounding
# step is the stated cost less the steps (the book's figure): both drawn as estimates. With that step the
# bars end at the cost the report states, the figure of the title.
kinds = {pj.CALCULATED_COST: "total estimate", pj.ROUNDING_STEP: "estimate"}
steps = [(chart_names.get(step, step), amount / 1000,
          kinds.get(step, "total" if kind != "step" or number == 0 else ""))
         for number, (step, amount, kind) in enumerate(zip(walk_closed["step"], walk_closed["amount"],
                                                           walk_closed["kind"], strict=True))]  # fmt: skip
steps[-1] = ("Pension cost", None, "total")
fig, ax = plt.subplots(figsize=(7, 6.2))
ends = waterfall(ax, steps, up_is_favourable=False)
# A step under 1 % of the premiums would be a sliver a pixel or two wide, its outline heavier than the step
# (a hatched estimate then reads as a solid line): it is drawn as a dot and its value only. Its bar is
# hidden; a dot marks the level in the step's colour and a thin leader line runs to the value.
sliver = abs(level["Premiums due"] / 1000) / 100
labels = [t for t in ax.texts if getattr(t, "xyann", None) == (4, 0)]  # the waterfall's labels, in step order
for row, ((_, amount, kind), end, label) in enumerate(zip(steps, ends, labels, strict=True)):
    if "total" not in kind and 0 < abs(amount) < sliver:
        bar = next(p for p in ax.patches if abs(p.get_y() + p.get_height() / 2 - row) < 1e-6)
        bar.set_visible(False)
        colour = UNFAVOURABLE if amount > 0 else FAVOURABLE
        # A small dot at the level, in the step's colour, and a short leader line to its value: nothing of a
        # bar's size, so it cannot be read as one. Hatching is the chart's one mark for an estimate; a dot too
        # small to hatch is named an estimate in its row's label instead (no second mark, designer s11r4).
        at = max(end, end - amount)
        # The book's estimate (the rounding) is an unfilled dot, as the house marks an estimate (hatched or
        # unfilled); a printed step is a solid one (designer and reader s12).
        estimate = kind == "estimate"
        ax.plot(at, row, marker="o", markersize=5 if estimate else 4, color=colour, markeredgewidth=1.2,
                markerfacecolor="white" if estimate else colour, zorder=5)  # fmt: skip
        label.xyann = (20, 0)
        ax.annotate("", (at, row), xytext=(18, 0), textcoords="offset points",
                    arrowprops={"arrowstyle": "-", "color": LEVEL, "linewidth": 0.8, "shrinkA": 0, "shrinkB": 3})  # fmt: skip
ax.set_xlabel("NOK million (+ = a step up)")
ax.set_title(f"Premiums of {fmt_million(level['Premiums due'])} became\na pension cost of "
             f"{fmt(stated_cost, 1, 'NOK million')}, as the report states")  # fmt: skip
# The key: what the colours and the hatching mean (the steps label themselves). Not "the cost": the fund
# lowers what the treasury paid, not the 2023 cost, and the deviation is credited now and charged back later
# (the chapter's premium fund section; reader s12), so the key names the direction of a step only. Where the
# fund's step stands, before the deviation, is the book's reading of the regulation: said in the text.
key_above(ax, [("level", {"color": LEVEL}), ("step up: raises the amount", {"color": UNFAVOURABLE}),
               ("the book's estimate: hatched, or unfilled", estimate_style()),
               ("step down: lowers the amount", {"color": FAVOURABLE})],
          ncol=2)  # fmt: skip
finish(fig, table="table D04 and the report's text")
plt.show()

# %% tags=["hide-input", "hide-output"]
# The chart's data, step by step, with where each amount is printed.
walk_view = walk_closed.assign(amount_million=walk_closed["amount"] / 1000)
styled(walk_view, table_id="pensjon-waterfall-table",
       caption="The waterfall's steps and sources, NOK million",
       columns={"step": "Step", "amount_million": "Amount", "source": "Printed in"},
       decimals={"amount_million": 1}, total_mask=walk_view["kind"] != "step")  # fmt: skip

# %% [markdown]
# ## The central pension items (D04)
#
# The table prints the centrally booked items against the budget as revised in the second
# four-month report (*{term}`tertialrapport <Tertialrapport>`*, "2T"). Its first row is the total of
# the items below it; costs are positive, the premium fund and the premium deviation negative. The
# deviation is budget minus accounts, so a negative deviation is a cost above budget.

# %% tags=["hide-input"]
d04 = get(pj.CENTRAL)
# As printed, in its order, signs and headers, with the English beside each printed label (the headers'
# English in the caption, so the headers stay short); the total, printed first,
# ruled off from its items; the number columns only as wide as their figures, so the labels need not wrap
# (a label breaks only between the Norwegian and the English).
d04_table = styled(d04, table_id="pensjon-d04",
                   # a short caption; the sign's detail and the headers' English in the note under it (designer s12)
                   caption="Status sentrale pensjonsposter i 2023, NOK thousand; Avvik as printed: − = overspend",
                   columns={"label": "Post (item)", "actual_2023": "Regnskap 2023",
                            # "2023 (2T)" kept on one line: the header ran over four lines (designer s11r4); on one
                            # line, as in the D03 table, it pushes the table past the column
                            "revised_budget_2023": "Revidert budsjett 2023\u00a0(2T)", "deviation_nok": "Avvik"})  # fmt: skip
nowrap = '<span style="white-space: nowrap">{}</span>'
d04_table.format(lambda label: nowrap.format(html.escape(label)) + " " + nowrap.format(f"({pj.CENTRAL_ENGLISH[label]})"),
                 subset=["Post (item)"])  # fmt: skip
d04_table.set_table_styles([{"selector": "td.row0", "props": "border-bottom: 1px solid currentColor;"},
                            *({"selector": f"td.col{n}", "props": "width: 1%;"} for n in (1, 2, 3))],
                           overwrite=False)  # fmt: skip

# %% [markdown]
# *Note to the table.* Avvik is budget − accounts; on a credit row (the row itself printed −), a − Avvik
# means less credit than budgeted and a + more. *Regnskap*: accounts; *Revidert budsjett*: revised budget.

# %% tags=["hide-input", "hide-output"]
d04_checks = checks.run(CH, only=["central_items_total", "central_items_deviations"])
d04_total = checks.value(d04, "actual_2023", row_kind="total")
txt.d04_total = fmt_million(d04_total)
txt.d04_overspend = fmt_million(-checks.value(d04, "deviation_nok", row_kind="total"))
txt.d04_rounding = fmt((d04_checks["status"] == checks.ROUNDING).sum())
txt.d04_checks = fmt(len(d04_checks))
txt.regulation_above_table = fmt_million(-pj.central(get, pj.REGULATION, "deviation_nok"))
txt.deviation_above_table = fmt_million(pj.central(get, pj.DEVIATION, "deviation_nok"))
# What the checks within rounding miss by, in the table's last digit (NOK thousand), said in words.
rounding = d04_checks[d04_checks["status"] == checks.ROUNDING]
words = {1: "one", 2: "two", 3: "three", 4: "four"}
if rounding.empty:
    txt.d04_rounding_text = ""
else:
    n = len(rounding)
    txt.d04_rounding_text = (
        f"The {words.get(n, str(n))} within rounding {'miss' if n > 1 else 'misses'} by at most "
        f"{fmt(rounding['difference'].abs().max(), 0, 'NOK thousand')}, the table's last digit, what "
        "rounding amounts in kroner to thousands produces."
    )
txt.d04_summary = findings.summary_line(d04_checks)
bridge = pj.budget_bridge(get)
txt.bridge_fund_short = fmt_million(bridge["fund_below_budget"])
txt.bridge_paid_more = fmt_million(bridge["paid_more"])
# The walk's introduction, below: what the report's sentences add up to, and the D04 row they leave out.
sentences = pj.prose_sentence_sum(get)
txt.sentence_sum = fmt(sentences["sentence_sum"], 1, "NOK million")
txt.sentence_gap = fmt(sentences["gap"], 1, "NOK million")
txt.sentence_other = fmt(sentences["other_items"], 1, "NOK million")
closes = abs(sentences["rest"]) <= sentences["rounding"]
txt.sentence_rest = ("they reach the stated cost within rounding" if closes
                     else f"they still miss it by {fmt(abs(sentences['rest']), 1, 'NOK million')}")  # fmt: skip
# The two pension-related items outside D04: the church council's grant (D03) and the equity contributions (2B).
txt.church_share = fmt(pj.prose(get, "church_council_regulation_premium_share_covered"), 0, "%")  # fmt: skip
equity = get("inv_2b_shares_and_equity")
txt.equity_klp = fmt_million(checks.value(equity, "actual_2023", label="Egenkapitalinnskudd KLP"))  # fmt: skip
txt.equity_dkp = fmt_million(checks.value(equity, "actual_2023", label="Egenkapitalinnskudd DKP"))  # fmt: skip
equity_budgets = {checks.value(equity, "revised_budget_2023", label=f"Egenkapitalinnskudd {fund}")
                  for fund in ("KLP", "DKP")}  # fmt: skip
txt.equity_budget = " and ".join(fmt(b, 0) for b in sorted(equity_budgets))
# The 2B table's budget line printed just above the two contributions, with no accounts of its own.
txt.kk_budget = fmt_million(checks.value(equity, "revised_budget_2023", label="Finansiering – KK"))
kk_actual = checks.value(equity, "actual_2023", label="Finansiering – KK")
txt.kk_spent = "nothing" if kk_actual == 0 else fmt_million(kk_actual)
checks_table(d04_checks, table_id="pensjon-d04-checks", caption="D04: total and deviations recomputed, NOK thousand")

# %% [markdown]
# The central items came to {eval}`txt.d04_total`, only {eval}`txt.d04_overspend`
# more than budgeted. The regulation premium alone was {eval}`txt.regulation_above_table`
# above budget and, with {eval}`txt.bridge_fund_short` less taken from the premium fund than budgeted, the
# treasury paid {eval}`txt.bridge_paid_more` more than budgeted for it net of the fund (D04's deviations
# added up). In the total the premium deviation, a credit {eval}`txt.deviation_above_table` larger than
# budgeted, stands against that: a high premium brings a high deviation with it. The book does not read
# the one as a share of the other: the deviation is measured on the premiums the treasury paid, the
# ordinary premium included, against the net pension cost, and the report prints a budget for neither the
# ordinary premium nor the net pension cost.
#
# *Checks.* {eval}`txt.d04_summary` {eval}`txt.d04_rounding_text`
#
# Two pension-related items are outside D04 and the pension cost. The grant to the church council
# (*{term}`Kirkelig fellesråd <Kirkelig fellesråd>`*) pays interest and instalments on the council's loans
# and {eval}`txt.church_share` of *its* regulation premium, on a line of its own in D03 (its figures in the
# text are checked below). The equity contributions (*{term}`egenkapitalinnskudd <Egenkapitalinnskudd>`*)
# to KLP ({eval}`txt.equity_klp`) and DKP ({eval}`txt.equity_dkp`) are investments, in the
# {doc}`investment account <investeringsregnskap>`'s statement 2B (part 3). Their rows carry no budget
# (revised budget {eval}`txt.equity_budget`), but the line above them, *Finansiering – KK*, has
# {eval}`txt.kk_budget` budgeted and {eval}`txt.kk_spent` spent: the book reads that budget as possibly
# meant for them.

# %% [markdown]
# (pensjon-walk)=
# ## From premiums due to the pension cost
#
# The report adds up the year in sentences: the ordinary premium, plus the regulation premium, less the
# premium fund, less the premium deviation, plus the amortisation of earlier deviations. As printed, those
# five figures add up to {eval}`txt.sentence_sum`, {eval}`txt.sentence_gap` short of the
# {eval}`txt.cost_stated` the text then states.
#
# The sentences leave out one row of D04, *Diverse pensjon
# inkl. reserveavsetning*, {eval}`txt.sentence_other`: with it, {eval}`txt.sentence_rest`.
#
# Taking the ordinary premium from the text (D04 does not carry it, as it is booked in the service units) and
# everything else from D04 rebuilds the cost step by step, as {ref}`the waterfall <fig-pensjon-waterfall>`
# draws it.
#
# **The order of the steps.** The premium fund's share comes before the deviation, as follows from how the
# regulation measures the deviation ({ref}`pensjon-terms`): the fund lowers what the treasury pays and the
# deviation with it, and leaves the calculated cost where it is.
#
# The printed figures cannot test that order, since either ends at the same booked cost. Nor can they tell
# whether D04's deviation and amortisation include employer's contribution, which the report writes
# (*inkl. arbeidsgiveravgift*) only of the two premiums: the ordinary premium and D04's total give the
# stated cost whatever D04's rows contain. The report says only that the fund was used to finance part of the regulation premium and that a high premium deviation
# lowers the pension cost.

# %% tags=["hide-input"]
# The figures the prose below prints from the walk.
txt.calculated_cost = fmt_million(level[pj.CALCULATED_COST])
txt.cost_recomputed = fmt_million(level["Pension cost"])
txt.cost_share_of_premiums = fmt(100 * level["Pension cost"] / level["Premiums due"], 0, "%")  # fmt: skip
below_ordinary = level["Ordinary premium"] - level[pj.CALCULATED_COST]
txt.calc_vs_ordinary = "below" if below_ordinary > 0 else "above"
txt.credit_without_regulation = fmt_million(abs(below_ordinary))
txt.other_items = fmt_million(pj.central(get, pj.OTHER))
# What rounding explains the gap between the stated cost and the steps: the ordinary premium's half unit
# alone (it is printed to a tenth of a million, D04 to a thousand), or that and the stated cost's too.
cost_gap = abs(stated_cost - level["Pension cost"] / 1000)
half_tenth = 0.05
txt.cost_rounding = ("the rounding of the ordinary premium" if cost_gap <= half_tenth + 0.0005
                     else "the rounding of the ordinary premium and of the stated cost")  # fmt: skip
closed = pj.ROUNDING_STEP in set(walk_closed["step"])
if closed:  # the gap drawn as the waterfall's step for the rounding in the printed figures
    txt.cost_rounding += ", the waterfall's last step"

# %% [markdown]
# The calculated cost the walk reaches, {eval}`txt.calculated_cost`, is {eval}`txt.calc_vs_ordinary` the
# ordinary premium alone, {eval}`txt.ordinary_premium`: even with no regulation premium the year would
# have shown a credit deviation of about {eval}`txt.credit_without_regulation` (an estimate, resting on the
# same definition). The amortisation and the other items (the report does not say what the reserve
# provision in *Diverse pensjon inkl. reserveavsetning* is) bring the cost back up to
# {eval}`txt.cost_recomputed`, about {eval}`txt.cost_share_of_premiums` of the premiums due. The report
# states {eval}`txt.cost_stated`: the two agree within {eval}`txt.cost_rounding`.

# %% tags=["hide-input"]
derived_checks = checks.run(CH, only=["prose_derived_totals"])
txt.derived_summary = findings.summary_line(derived_checks)
# Why "almost 1 030" is exact though its parts fall short of it: a miss within half the printed figure's
# last digit (here whole millions) is exact; D04's checks within rounding miss by a whole last digit.
almost = derived_checks.set_index("check_id").loc[f"{pj.PROSE}.total_pension_premium"]
txt.almost_note = ""
if almost["status"] == checks.EXACT and almost["difference"] > 0:
    txt.almost_note = (
        f"The total premium counts as exact though its parts, {fmt(almost['recomputed'], 1, 'NOK million')}, "
        f"fall {fmt(almost['difference'], 1, 'NOK million')} short of the text's "
        f"{fmt(almost['printed'], 0, 'NOK million')}: the text prints whole millions, and a figure within half "
        "its last digit is exact (D04's checks within rounding above miss by a whole last digit); that the "
        'parts fall short is what "almost" says.'
    )

# %% [markdown]
# *Checks.* The totals the text derives, and its two statements in words ("almost" the total premium; a
# growth well above wage growth). {eval}`txt.derived_summary` {eval}`txt.almost_note`

# %% tags=["hide-input", "hide-output"]
checks_table(derived_checks, table_id="pensjon-derived-checks", caption="Totals the prose derives")

# %% [markdown]
# ## Every figure the prose restates
#
# Most of the section's sentences restate a figure of D04 (or of D03) in NOK million. A figure that
# only restates another printed figure must be that figure rounded (or, as the report sometimes does,
# cut off) to the restatement's last digit; anything else is a discrepancy, however small.

# %% tags=["hide-input"]
prose_checks = checks.run(CH, only=["prose_restates_tables"])
# The D03 section's opening, below: D03's «Pensjon» budget against D04's printed total and its rows' sum.
d03_budget = pj.drift_row(get)["revised_budget_2023"]
d04_budget_printed = checks.value(d04, "revised_budget_2023", row_kind="total")
d04_budget_rows = d04.loc[d04["row_kind"] == "item", "revised_budget_2023"].sum()
txt.d03_budget = fmt_million(d03_budget)
# The gaps are a few thousand kroner, below what NOK million with one decimal shows: in NOK thousand.
txt.d03_budget_gap = fmt(abs(d04_budget_printed - d03_budget), 0, "NOK thousand")
txt.d03_rows_gap = fmt(abs(d04_budget_rows - d03_budget), 0, "NOK thousand")
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
church = pj.church_budget_range(get)
txt.church_budget_prose = million("church_council_capital_grant_and_regulation_premium_budget")
# Where that range lies against D03's budget: the distances are below a tenth of a million, which NOK
# million with one decimal cannot show, so they stay in NOK thousand.
# D03's budget in its printed thousands: distances of a few dozen thousand are measured from it, and
# rounded to NOK 3.3 million it would not subtract to the range (a reader's check).
# Distances of a few dozen thousand: in NOK thousand, the ledgers' last digits (the money rule's exception).
d03_church = f"D03's revised budget of {fmt(church['d03_budget'], 3, 'NOK million')}"
to_low, to_high = (church[end] - church["d03_budget"] for end in ("low", "high"))
if church["d03_inside"]:
    txt.church_fit = (f"for any budget from {fmt(-to_low, 3, 'NOK million')} below to "
                      f"{fmt(to_high, 3, 'NOK million')} above {d03_church}, that budget among them")  # fmt: skip
else:
    near, far = sorted((abs(to_low), abs(to_high)))
    # fmt writes a few dozen thousand as "NOK 77 thousand": the range is put in place of its figure.
    far_text = fmt(far, 3, "NOK million")
    spread = far_text.replace(fmt(far * 1000, 0), f"{fmt(near * 1000, 0)}–{fmt(far * 1000, 0)}", 1)
    assert spread != far_text, "the range's near end must be in the sentence"
    side = "below" if to_high < 0 else "above"
    txt.church_fit = f"only for a budget {spread} {side} {d03_church}, not for that budget itself"

# %% tags=["hide-input"]
findings.show(prose_checks, all_checks)

# %% [markdown]
# *Checks.* {eval}`txt.prose_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(prose_checks, table_id="pensjon-prose-checks", caption="Prose figures against the tables, NOK million")

# %% [markdown]
# On the church council's figures: the text's budget of "about" {eval}`txt.church_budget_prose` and its
# excess of {eval}`txt.church_above_prose` agree with each other and D03's accounts {eval}`txt.church_fit`.
# Pairing the text's budget with D03's is the book's reading: the check of the budget is graded as a
# rounding of D03's, but that it is D03's budget the text means is not printed.

# %% [markdown]
# ## D04 and the pension line of the central costs
#
# The central costs (D03, in full in the {doc}`operating account <driftsregnskap>`) print one line,
# «Pensjon», that looks like the same central pension items. Its
# revised budget, {eval}`txt.d03_budget`, differs from D04's printed total by {eval}`txt.d03_budget_gap`
# and from the sum of D04's rows by {eval}`txt.d03_rows_gap`, in the ledgers' last digit: close, though two
# roundings of one amount would print the same. The text books the regulation premium, the premium
# deviation, the amortisation and the premium fund "på sentralt ansvar", on the central account, in its
# section on the central costs; the book reads D03's line and D04's items as the same items on that
# ground. Their accounts and deviation should then agree too.

# %% tags=["hide-input"]
pension_row = get(pj.DRIFT).query("label == @pj.DRIFT_PENSION_LABEL")
# The two printed lines side by side, in D04's column order and headers, and what D03 holds more, ruled off.
styled(pj.d03_against_d04(get), table_id="pensjon-d03-row",
       # a short caption; the last row's reading in the note under it (designer s12)
       caption="D03's «Pensjon» against D04's total, NOK thousand; Avvik as printed: − = overspend",
       columns={"label": "Line", "actual_2023": "Regnskap 2023", "revised_budget_2023": "Revidert budsjett 2023",
                "deviation_nok": "Avvik"})  # fmt: skip

# %% [markdown]
# *Note to the table.* Headers as in D04's table above; Avvik is budget − accounts, and both lines are net
# costs. The last row is D03's figure less D04's in each column, so its Avvik − means D03's line is the
# further over budget.

# %% tags=["hide-input"]
drift_checks = checks.run(CH, only=["central_items_vs_drift_pension_row"])
extra = pension_row["actual_2023"].iloc[0] - d04_total
txt.d03_extra = fmt_million(extra)
txt.d03_extra_pct = fmt(100 * extra / d04_total, 1, "%")
txt.cost_with_d03 = fmt_million(level["Ordinary premium"] + pension_row["actual_2023"].iloc[0])  # fmt: skip
txt.d03_summary = findings.summary_line(drift_checks)

# %% [markdown]
# D03's «Pensjon» line holds {eval}`txt.d03_extra` ({eval}`txt.d03_extra_pct`) more cost than D04's
# items, and the report does not say why. The stated pension cost follows D04: built on D03's line
# instead, it would be {eval}`txt.cost_with_d03`.

# %% tags=["hide-input"]
findings.show(drift_checks, all_checks)

# %% [markdown]
# *Checks.* {eval}`txt.d03_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(drift_checks, table_id="pensjon-d03-checks", caption="D03's pension row against D04's items, NOK thousand")

# %% [markdown]
# (pensjon-2022)=
# ## The 2022 cost behind the stated growth
#
# The report says the pension cost grew by a stated percentage from 2022 but does not print the 2022
# cost. Dividing the 2023 cost by one plus the growth gives it back; taking both printed figures at the
# ends of their rounding gives the range the printed figures allow.

# %% tags=["hide-input"]
cost_2022, low_2022, high_2022 = pj.implied_previous_year(stated_cost, growth["growth"])
# The range the printed figures allow, in the book's range form (the currency and unit once).
txt.cost_2022_range = fmt(high_2022, 1, "NOK million").replace(fmt(high_2022, 1), f"{fmt(low_2022, 1)}–{fmt(high_2022, 1)}", 1)  # fmt: skip
txt.cost_increase = fmt(stated_cost - cost_2022, 1, "NOK million")
central_growth = 100 * (pension_row["actual_2023"].iloc[0] / pension_row["actual_2022"].iloc[0] - 1)
txt.central_growth = fmt(central_growth, 1, "%")
txt.central_2023_d04 = fmt_million(d04_total)
# D04's other items by the sign it prints them with: those that offset the regulation premium, those that add.
against = pj.items_against_regulation(get)
txt.items_offsetting, txt.items_adding = (" and ".join(f"the {name}" for name in against[side]) or "nothing"
                                          for side in ("offset", "add"))  # fmt: skip

# %% [markdown]
# A growth of {eval}`txt.growth` to {eval}`txt.cost_stated` means a 2022 cost of
# about {eval}`txt.cost_2022` ({eval}`txt.cost_2022_range`), an increase of {eval}`txt.cost_increase`. The report
# calls this well above wage growth without printing the wage growth it means; it is above the
# {eval}`txt.wage_growth` the budget assumed as revised at the first four-month report, as the chart below
# shows.
#
# Of 2022 the report prints only D03's «Pensjon» line, {eval}`txt.central_2022`, not the ordinary premium.
# Setting that line against D04's {eval}`txt.central_2023_d04` for 2023, the items the stated cost is built
# from, the increase splits as follows (an estimate):
#
# - less D03's 2022 line, the 2022 cost leaves about {eval}`txt.ordinary_2022` for the ordinary premium;
# - on that reading the ordinary premium grew about {eval}`txt.ordinary_growth` and the central items about
#   {eval}`txt.central_growth_split`;
# - of the {eval}`txt.increase` increase, {eval}`txt.ordinary_contribution` came from the ordinary premium
#   and {eval}`txt.central_contribution` from the central items, together {eval}`txt.split_sum`; the other
#   {eval}`txt.rebuilt_gap` is the gap between the stated cost and the cost rebuilt from its printed parts
#   (ordinary premium plus D04's items).

# %% mystnb={"figure": {"caption": "Growth from 2022 to 2023, %: the pension cost and the ordinary premium (hatched, the book's estimate), against the wage growth the budget assumed (dotted line).", "name": "fig-pensjon-growth"}, "image": {"alt": "Horizontal bar chart in percent, two bars: the total pension cost as the report states it grew most, then the ordinary premium (hatched, the book's estimate); a dotted vertical line marks the wage growth the budget assumed, as revised at the first four-month report, which both bars pass."}} tags=["hide-input"]
# The central items are a net figure, a wage-driven premium mixed with items that offset it: the text gives
# their growth, the chart sets beside the wage assumption only the cost and the part that pays for the
# year's pension rights.
# The wage growth is the benchmark, not a measured growth: a dotted reference line named where it stands.
bars = [("Pension cost, as stated", growth["growth"], False),
        ("Ordinary premium (book's estimate)", growth["ordinary_growth"], True)]  # fmt: skip
# Each bar's name above it, not in a left margin: the plot takes the figure's full width (designer s11r3:
# the names' margin had left the bars a third of the figure).
fig, ax = plt.subplots(figsize=(7, 2.9))
drawn = [ax.barh(y, pct, height=0.5, **(estimate_style() if estimate else {"color": LEVEL}))
         for y, (_name, pct, estimate) in enumerate(bars)]  # fmt: skip
for bar in drawn:
    direct_labels(ax, bar, formatter=lambda v: fmt(v, 1, "%"))
for y, (name, _, _) in enumerate(bars):
    ax.text(0, y - 0.3, name, ha="left", va="bottom", color=TEXT, fontsize=plt.rcParams["font.size"])
ax.set_yticks([])
ax.set_ylim(len(bars) - 0.6, -1.1)  # room above the bars for their names and the reference line's name
ax.axvline(growth["wage_growth"], color=TEXT, linewidth=1.2, linestyle=":")
# Its name beside it, short (the title says which assumption), above the bars.
ax.annotate(f"wage growth assumed, {fmt(growth['wage_growth'], 1, '%')}", (growth["wage_growth"], -0.75), xytext=(4, 0),
            textcoords="offset points", ha="left", va="center", color=TEXT, fontsize=plt.rcParams["font.size"])  # fmt: skip
ax.set_xlim(0, 1.25 * max(pct for _, pct, _ in bars))  # room right of the longest bar for its label
ax.set_xlabel("Growth from 2022 to 2023 (%)")
above = "above" if growth["growth"] > growth["wage_growth"] else "not above"
ax.set_title(f"The pension cost grew {fmt(growth['growth'], 1, '%')}, {above} the "
             f"{fmt(growth['wage_growth'], 1, '%')} wage growth assumed\nas revised at the first four-month report")  # fmt: skip
ax.grid(axis="y", visible=False)
finish(fig, table="tables D03 and D04 and the report's text")
plt.show()


# %% [markdown]
# The chart leaves the central items out: their growth mixes the regulation premium, which the report ties
# to wage growth and the adjustment of G, with {eval}`txt.items_offsetting`, which offset it, and
# {eval}`txt.items_adding`, which add to it (D04's signs), so it cannot be set against wage growth. D03's line grew
# {eval}`txt.central_growth` on its own figures; the split's {eval}`txt.central_growth_split` differs by the
# gap between D03 and D04 above, and assumes D03's 2022 line held the same items as D04. Nothing printed
# lets the 2022 cost itself be checked; the 2022 annual report, outside this book, would.

# %% [markdown]
# (pensjon-forward)=
# ## Pensions forward: what 2023 leaves to the coming years
#
# The 2023 premium deviation, a credit to 2023, is a charge on the years that follow: the waterfall draws
# it blue, as it lowers 2023's cost, the chart below in vermilion, as what is left to charge.
#
# **The book's schedule.** It assumes equal instalments over the period the report states, from the year after the deviation arose, and that the whole deviation
# printed in D04 is amortised this way; the report prints the deviation and the period, not a schedule, so
# the chart hatches it as the book's estimate. Beside it, in grey, is the schedule had the premium fund not
# been used: the deviation would then have been larger by the amount the fund paid (the book's reading of
# the regulation, {ref}`pensjon-terms`).
# The period is a parameter: see *Try it* below.

# %% tags=["hide-input", "hide-output"]
AMORTISATION_PERIOD = int(pj.prose(get, "amortisation_period"))  # the report's period; Try it changes it
deviation_2023 = -pj.central(get, pj.DEVIATION)
schedule = pj.coming_charges(get, AMORTISATION_PERIOD)
effect = pj.premium_fund_effect(get, AMORTISATION_PERIOD)
txt.instalment = fmt_million(schedule["instalment"].iloc[0])
txt.first_year = str(schedule["year"].iloc[0])
txt.last_year = str(schedule["year"].iloc[-1])
txt.schedule_period = fmt(AMORTISATION_PERIOD, 0, "year" if AMORTISATION_PERIOD == 1 else "years")
txt.instalment_without_fund = fmt_million(effect["instalment_without_fund"])
txt.deviation_without_fund = fmt_million(effect["deviation_without_fund"])
txt.fund_saving = fmt_million(effect["saving_per_year"])
txt.fund_saving_total = fmt_million(effect["fund_use"])
left = pj.still_to_charge(get, AMORTISATION_PERIOD)
left_view = left.assign(year=left["year"].astype(str), remaining=left["remaining"] / 1000,
                        remaining_without_fund=left["remaining_without_fund"] / 1000)  # fmt: skip
styled(left_view, table_id="pensjon-schedule", decimals={"remaining": 1, "remaining_without_fund": 1},
       caption=f"The 2023 deviation still to charge, NOK million (an estimate: "
               f"{txt.instalment} a year, {txt.instalment_without_fund} had the premium fund not been used)",
       columns={"year": "At the end of", "remaining": "Still to charge",
                "remaining_without_fund": "Had the premium fund not been used"})  # fmt: skip

# %% mystnb={"figure": {"caption": "What is left to charge of the 2023 premium deviation at each year-end, NOK million, in equal instalments over the report's period: the book's estimate. Vermilion here, as a charge on the years after; the same amount is blue in the chapter's waterfall, where it lowers 2023's cost. The thin dashed grey outlines: what would be left had the premium fund not been used, on the book's reading of the regulation (the fund's use lowers the premium the deviation is measured on).", "name": "fig-pensjon-amortisation"}, "image": {"alt": "Horizontal bar chart in NOK million, a pair of bars for the end of each year from 2023 to the last year of the amortisation period: a vermilion hatched bar for the 2023 premium deviation still to charge, falling in equal steps to nothing, and under it a thin dashed grey outline, unfilled, for what would be left had the premium fund not been used, falling the same way from a larger deviation; every bar labelled with its value, the last year-end marked as nothing left to charge."}} tags=["hide-input"]
# Both series are the book's estimates, so both hatched: a pair of bars for each year's end, side by side
# (neither overlaid nor stacked), each labelled with its value, the years down the side as in the table.
fig, ax = plt.subplots(figsize=(plt.rcParams["figure.figsize"][0], 1.6 + 0.45 * len(left)))
rows = range(len(left))
# The schedule in D04's deviation is the chart's point: the wider bar; the counterfactual a thin one under it.
booked_bars = ax.barh([r - 0.12 for r in rows], left["remaining"] / 1000, height=0.5, **estimate_style(UNFAVOURABLE))
# The counterfactual recedes: a thin dashed grey outline, no fill or hatching, so the eye goes to the schedule.
COUNTERFACTUAL = {"facecolor": "white", "edgecolor": LEVEL, "linewidth": 0.8, "linestyle": (0, (3, 2))}
without_bars = ax.barh([r + 0.27 for r in rows], left["remaining_without_fund"] / 1000, height=0.2,
                       **COUNTERFACTUAL)  # fmt: skip
# Each bar labelled with its value; a year-end with nothing left is said once, not as two labels "0.0".
for bars in (booked_bars, without_bars):
    direct_labels(ax, bars, labels=[fmt(b.get_width(), 1) if b.get_width() else "" for b in bars])
for row, (booked, without) in enumerate(zip(left["remaining"], left["remaining_without_fund"], strict=True)):
    if booked == 0 and without == 0:
        ax.annotate("nothing left to charge", (0, row), xytext=(4, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=plt.rcParams["font.size"], color=TEXT)  # fmt: skip
ax.set_yticks(list(rows), [str(year) for year in left["year"]])  # years, never grouped as "2 023"
ax.set_ylim(len(left) - 0.5, -0.5)  # the end of 2023 at the top
# The title says what the bars show: what is left to charge at each year-end (the yearly charge is in the key).
ax.set_title(f"What is left to charge of the {pj.REPORT_YEAR} premium deviation,\n"
             f"{fmt_million(deviation_2023)}, at each year-end: the book's estimate")  # fmt: skip
# The key names each series and its yearly charge: a charge on the years after (blue in the waterfall).
first, last = schedule["year"].iloc[0], schedule["year"].iloc[-1]
charged_on = str(first) if first == last else f"{first}–{last}"
key_above(ax, [(f"the deviation in D04, credited to {pj.REPORT_YEAR} (blue in the waterfall), now a charge:\n"
                f"{txt.instalment} a year, {charged_on}", estimate_style(UNFAVOURABLE)),
               (f"had the premium fund not been used (the book's reading): {txt.instalment_without_fund} a year",
                COUNTERFACTUAL)],
          ncol=1)  # fmt: skip
ax.set_ylabel("End of year")
ax.set_xlabel("NOK million still to charge")
ax.grid(axis="y", visible=False)
finish(fig, table="table D04 and the report's text")
plt.show()

# %% [markdown]
# Over {eval}`txt.schedule_period` the 2023 deviation of {eval}`txt.deviation_story` adds {eval}`txt.instalment` to the pension cost of
# every year from {eval}`txt.first_year` to {eval}`txt.last_year`, on top of what is still to be charged from
# earlier deviations.
#
# **The premium fund.** The {eval}`txt.fund_saving_total` taken from the premium funds in 2023 settled part
# of the regulation premium inside the pension funds, so the treasury paid that much less. On the book's
# reading of the regulation ({ref}`pensjon-terms`), it did not lower 2023's pension cost of
# {eval}`txt.cost_stated`, which is the calculated cost plus the amortisation and other items, whatever pays
# the premium; it lowered the deviation, which would otherwise have been {eval}`txt.deviation_without_fund`,
# charged back at {eval}`txt.instalment_without_fund` a year.
#
# On the same reading the fund is not free money: left unused it would have paid a later year's premium and lowered
# that year's deviation (and earned a return in the scheme meanwhile, which the report does not give).
# Its use in 2023 changes when its relief reaches the accounts, as {eval}`txt.fund_saving` a year less charge
# in each of the years {eval}`txt.first_year` to {eval}`txt.last_year` and none in 2023, not whether it
# does.
#
# The report says the use of the fund was raised when the first four-month report was treated; on
# the book's reading, that raise did nothing for the 2023 result.
#
# **The earlier deviations.** What earlier years' deviations will still charge cannot be read from the
# report: it gives neither those still to be amortised at the end of 2023 nor their yearly sizes, nor the
# 2024 budget's amortisation, the premium funds' balance after 2023, or how much of the deviation is
# employer's contribution and of the calculated cost administration.
#
# It attaches its annual accounts, with
# their notes, as Appendix 1 (*Vedlegg 1 Drammen kommunes årsregnskap 2023*), but points to no pension note
# there; the 2024 budget is outside this evaluation.
#
# D04 does show that 2023 carried {eval}`txt.amortisation` of earlier deviations. Under the regulation's periods, and assuming Drammen (and the
# municipalities it was merged from) always chose the long period rather than charging a deviation in full
# the next year, that charge was a slice of each of these years' deviations:

# %% tags=["hide-input"]
# The history follows the rules' periods (the report's period for deviations since 2014), not the Try it
# parameter: changing the period for 2023's deviation does not change how earlier ones were charged.
origins = pj.amortisation_origins(pj.REPORT_YEAR, int(pj.prose(get, "amortisation_period")))
by_rule = origins.groupby("period", sort=False).agg(first=("origin_year", "min"), last=("origin_year", "max"),
                                                     years=("origin_year", "size")).reset_index()  # fmt: skip
by_rule = by_rule.assign(origin=[str(a) if a == b else f"{a}–{b}" for a, b in zip(by_rule["first"], by_rule["last"], strict=True)],
                         share=[f"1/{p} of each" for p in by_rule["period"]])  # fmt: skip
styled(by_rule, table_id="pensjon-origins",
       caption=f"Deviations amortised in {pj.REPORT_YEAR} under the regulation's periods (the book's assumption)",
       columns={"origin": "Deviations of", "period": "Amortised over (years)", "years": "Years of deviations",
                "share": "Charged in the year"})  # fmt: skip

# %% [markdown]
# *Note.* The report gives {eval}`txt.period` for the annual deviations (lines 2384–2385) and prints no
# schedule. That the earlier deviations, those of the municipalities merged into Drammen included, were
# spread over the long period of their years and never charged in full the next year is the book's
# assumption.

# %% tags=["hide-input"]
net_deferral = pj.net_premium_deviation(get)
txt.net_deferral = fmt_million(net_deferral)
# The premiums the treasury paid (after the premium fund) less the cost the report states, NOK million.
txt.paid_over_cost = fmt(level["Premiums paid by the treasury"] / 1000 - stated_cost, 1, "NOK million")
txt.deviation_multiple = fmt(deviation_2023 / pj.central(get, pj.AMORTISATION), 1)
txt.report_year = str(pj.REPORT_YEAR)
ending = origins.loc[origins["origin_year"] + origins["period"] == pj.REPORT_YEAR, "origin_year"].astype(str).tolist()
txt.ending_years = ", ".join(ending[:-1]) + (" and " if len(ending) > 1 else "") + ending[-1] if ending else "none"
txt.next_year = str(pj.REPORT_YEAR + 1)
against_fund = pj.deferral_against_fund(get)
txt.fund_end = fmt_million(against_fund["fund_end"])
txt.fund_above_requirement = fmt_million(against_fund["above_requirement"])
txt.deferral_share_of_margin = fmt(against_fund["share_of_above_requirement"], 0, "%")

# %% [markdown]
# In {eval}`txt.next_year` the last slices of the deviations of {eval}`txt.ending_years` fall away and the
# first slice of 2023's comes in. How the total moves depends on sizes the report does not give; as
# earlier deviations may have been charges rather than credits, the printed figures set no bound on
# {eval}`txt.next_year`'s amortisation either way.
#
# What the figures do show is the balance of the year: {eval}`txt.report_year` credited a deviation
# {eval}`txt.deviation_multiple` times the amortisation it carried, so the cost still to be charged in later
# years grew by {eval}`txt.net_deferral`, the net premium deviation that lifted the year's result
# (chapter 1, {ref}`driftsregnskap-result-quality`). That is the price of a low pension cost in a year of very high
# premiums: the premium was paid in 2023, and its cost is booked in the years to come.
#
# - **Cash.** The treasury paid {eval}`txt.paid_over_cost` more in premiums ({eval}`txt.premiums_net`) than
#   the cost the report states ({eval}`txt.cost_stated`): the net addition less the {eval}`txt.other_items`
#   of other items, which the cost includes and the premiums do not. That cash has
#   already left the liquidity the {doc}`balance chapter <balanse>` covers, while its cost is still to come.
# - **Where it lands.** The 2023 deviation comes back as {eval}`txt.instalment` a year on each coming year's
#   operating result, not on the discretionary fund, which closed the year at {eval}`txt.fund_end`,
#   {eval}`txt.fund_above_requirement` above the reserve the financial rules require (table D09).
# - **For scale only** (the fund would bear the charges only if the council chose to cover them from it):
#   the year's net addition of {eval}`txt.net_deferral` is about {eval}`txt.deferral_share_of_margin` of
#   that margin (a comparison the report does not make).

# %% [markdown]
# ## All checks of the chapter

# %% tags=["hide-input"]
txt.chapter_summary = findings.summary_line(all_checks)
chapter_findings = findings.table(all_checks, findings.load(CH))
if chapter_findings.empty:
    txt.largest_finding = ""
else:
    largest = chapter_findings.iloc[0]  # the table lists the largest first
    # Named by its title, as its box above is (the id is the register's permalink, not a name to read).
    title = largest["title"].rstrip(".")
    title = title[0].lower() + title[1:] if title.startswith("The ") else title
    txt.largest_finding = f"The largest, {largest['size_text']}: {title}."

# %% [markdown]
# {eval}`txt.chapter_summary` The table counts them by the section that lists them; the
# {doc}`audit page <audit>` lists them with the rest of the book's. {eval}`txt.largest_finding`

# %% tags=["hide-input"]
# The chapter's checks by the section whose toggle lists them, and the findings they belong to.
sections = {"The central pension items (D04)": d04_checks, "From premiums due to the pension cost": derived_checks,
            "Every figure the prose restates": prose_checks, "D04 and the pension line of the central costs": drift_checks}  # fmt: skip
assert sum(len(frame) for frame in sections.values()) == len(all_checks), "every check in one section"
styled(pj.checks_by_section(sections, chapter_findings), table_id="pensjon-checks-by-section",
       caption="The chapter's checks by section",
       columns={"section": "Section", "checks": "Checks", "exact": "Exact", "rounding": "Within rounding",
                "discrepancy": "Discrepancies", "findings": "Findings"})  # fmt: skip

# %% [markdown]
# The chapter reads D04 and the figures in the section's text, and takes rows from the other tables
# listed behind the toggle below; the {doc}`data page <../book/data>` gives each table's lines. Ids such as
# D03 and D04 are the book's: the report numbers only its two statements, 2A and 2B.

# %% tags=["hide-input", "hide-output"]
# Every table the chapter reads, its own two first, and what it reads of each.
read = {pj.PROSE: "all", pj.CENTRAL: "all", pj.DRIFT: f"«{pj.DRIFT_PENSION_LABEL}», «{pj.CHURCH_LABEL}»",
        "drift_year_end_dispositions": "«Netto driftsresultat»",
        "drift_disposition_fund": f"«{pj.FUND_END.rstrip(' *')}», «Generell reserve …», «{pj.FUND_ABOVE_REQUIREMENT}»",
        "inv_2b_shares_and_equity": "«Finansiering – KK», «Egenkapitalinnskudd KLP», «Egenkapitalinnskudd DKP»"}  # fmt: skip
tables = catalogue(names=read).set_index("table").loc[list(read)].reset_index()
# Each by the book's id (D04 …; the report prints only 2B's, beside which stands the data page's id of the
# part) and its printed title.
named = [public_source(t).removeprefix("table ").removeprefix("statement ") for t in tables["table"]]
code = ["prose" if s == "prose" else n if n == s else f"{n}, {s}" for n, s in zip(named, tables["source_table"], strict=True)]  # fmt: skip
tables = tables.assign(code=code, read=tables["table"].map(read))[["table", "code", "title", "read"]]
# The prose figures have no printed title: name the headings of the three passages they come from.
tables.loc[tables["table"] == pj.PROSE, "title"] = (
    "Figures in the text under «Kapitaltilskudd og reguleringspremie til Kirkelig fellesråd», "
    "«Pensjonskostnader» and «Øvrige sentrale poster»")  # fmt: skip
# Units and line ranges are on the data page: here, what each table is and what the chapter reads of it.
styled(tables.drop(columns="table"), table_id="pensjon-catalogue", caption="The chapter's tables",
       columns={"code": "Book's id", "title": "Title or heading as printed", "read": "Read here"})  # fmt: skip

# %% [markdown]
# ## Try it

# %% tags=["hide-input"]
# The exercise's answers, computed here from the report's figures (not from AMORTISATION_PERIOD, which the
# exercise changes): the report's period, 10 years and 1 year.
report_period = int(pj.prose(get, "amortisation_period"))
ten, one = pj.EARLIER_AMORTISATION_RULES[1][2], pj.CURRENT_RULE_PERIODS[0]
tries = {p: pj.amortisation_schedule(deviation_2023, pj.REPORT_YEAR + 1, p) for p in (report_period, ten, one)}
without_fund = {p: pj.premium_fund_effect(get, p)["instalment_without_fund"] for p in (ten, one)}
base = tries[report_period]
txt.try_base_instalment = fmt_million(base["instalment"].iloc[0])
txt.try_base_last = str(base["year"].iloc[-1])
txt.try_first = str(base["year"].iloc[0])
txt.try_10_instalment = fmt_million(tries[ten]["instalment"].iloc[0])
txt.try_10_last = str(tries[ten]["year"].iloc[-1])
txt.try_10_left = fmt_million(tries[ten].set_index("year").loc[base["year"].iloc[-1], "remaining"])
txt.try_10_without = fmt_million(without_fund[ten])
txt.try_1_instalment = fmt_million(tries[one]["instalment"].iloc[0])
txt.try_1_without = fmt_million(without_fund[one])
txt.try_deviation = fmt_million(deviation_2023)

# %% [markdown]
#
# The amortisation period is set by regulation. In the cell that starts `AMORTISATION_PERIOD = ...`, try
# other periods. A 2023 deviation may only be charged in full the next year or over {eval}`txt.rule_long`,
# so the first exercise is a counterfactual: the longer periods applied to deviations of earlier years only
# (see the table above). None of the 2023 figures moves (the cost of {eval}`txt.cost_stated`, the deviation of
# {eval}`txt.try_deviation`, the net premium deviation of {eval}`txt.net_deferral`): the period only moves the
# charge between the years after 2023.
#
# 1. Replace the right-hand side with {eval}`txt.rule_10_period`, the period for deviations of
#    {eval}`txt.rule_10_years`, and run that cell and the ones after it. The schedule and the figure then
#    fall by {eval}`txt.try_10_instalment` a year from {eval}`txt.try_first` to {eval}`txt.try_10_last`, in
#    place of {eval}`txt.try_base_instalment` to {eval}`txt.try_base_last`, and the charge had the premium
#    fund not been used drops to {eval}`txt.try_10_without` a year: a longer period makes the charge
#    per year smaller but lasts longer, so that at the end of {eval}`txt.try_base_last`
#    {eval}`txt.try_10_left` of the 2023 deviation would still be to charge. The table of the deviations
#    amortised in 2023 does not change: it follows the periods the rules gave each year's deviation.
# 2. Then try {eval}`txt.rule_next_year`: the whole {eval}`txt.try_1_instalment` lands on
#    {eval}`txt.try_first` ({eval}`txt.try_1_without` had the premium fund not been used). Only the 2023
#    deviation's schedule is shown: a municipality that charges its deviations in full the next year would
#    also have carried all of 2022's deviation in 2023.
