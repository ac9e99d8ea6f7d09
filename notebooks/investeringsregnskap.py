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
# # Investeringsregnskapet: the investment account
#
# *Download* this chapter as a notebook with its outputs, {download}`investeringsregnskap.ipynb <investeringsregnskap.ipynb>`,
# or as a script, {download}`investeringsregnskap.py <investeringsregnskap.py>`;
# its tables, under the ids the captions and source lines cite (I01 to I22, the book's), are on the
# {doc}`data page <../book/data>`. A line cited ("line 2419") is a line of the report's plain-text extraction
# ({ref}`references-text`); the {doc}`data page <../book/data>` gives each table's section and printed
# title, to find it in the report's PDF.
#
# A Norwegian municipality keeps two accounts side by side. The {term}`Driftsregnskap` (operating
# account) holds what the services cost and earn year by year; the {term}`Investeringsregnskap`
# (investment account) holds what is built or bought to last (schools, roads, water pipes, a new
# bridge), shares in companies, and the loans the municipality passes on to its residents.
#
# The investment account has to balance: spending is financed by loans, grants, sales, the refund of
# VAT, a transfer from the operating account or money set aside in funds. What is left unfinanced is
# carried forward as *uncovered* ({term}`Udekket`), to be covered in later years (2A's bottom line,
# *Fremført til inndekning i senere år*).
#
# The report names two bodies that invest: the municipal treasury, {term}`Kommunekassen`, and the
# property company {term}`Drammen Eiendom KF`, a {term}`Kommunalt foretak` that manages, runs and develops
# the municipality's own buildings. The tables also hold one project line of a second enterprise, the
# swimming baths Drammensbadet KF.
#
# The report's tables are in NOK thousand (*Beløp i 1000*), and so are their reproductions here, with
# the accounts' signs (expenditure positive, income and financing negative); the text, the charts and the
# book's own tables use NOK million, with one decimal where the book computes a figure. A figure the report's
# text prints keeps the precision it is printed with (whole millions stay whole) and is called the report's where it
# could be taken for the book's. The chapter first tells what happened in 2023 and why, then rebuilds
# each investment table and checks it against the others and against the text.
#
# ## The year in brief

# %% tags=["remove-input"]
import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from aarsevaluering import areas, checks, findings, style
from aarsevaluering.checks import from_disk as get
from aarsevaluering.data import catalogue
from aarsevaluering.fmt import fmt, fmt_difference, fmt_million, pad_decimals, rounding_gap, unit_name
from aarsevaluering.identities import investeringsregnskap as inv
from aarsevaluering.prose import Figures
from aarsevaluering.tables import checks_table, styled

style.use_book_style()
CH = "investeringsregnskap"
SALE_FINDING = "inv-dekf-sale-lines"  # shown once, where the chapter first reads the property sale
SALE_ELSEWHERE = {"inv-dekf-sale-lines": "with the enterprises' part"}


def put(key, text):
    """Keep a pre-formatted number for the prose, shown there as {eval}`txt.<key>`."""
    txt[key] = text


def section_checks(key, *identities, counted_with=None):
    """The checks the named identities make, with their count line kept as txt.<key>_summary (counting
    ``counted_with`` too, when its checks share the section's table); the property sale's box, shown with
    the enterprises' part, is named there by what it is, not by its id."""
    made_by = all_checks["identity"].str.rsplit(".", n=1).str[-1]  # the function that made each check
    section = all_checks[made_by.isin(identities)]
    counted = section if counted_with is None else pd.concat([counted_with, section])
    line = findings.summary_line(counted, None if key == "dk" else SALE_ELSEWHERE)
    put(f"{key}_summary", line.replace(f" {SALE_FINDING} is shown", " on the property sale's lines is shown"))
    return section


def show_findings(section, keep_sale=False):
    """The findings of a section's checks as boxes (the property sale's only where it arises)."""
    return findings.show(section, all_checks, None if keep_sale else SALE_ELSEWHERE)


def pct(part, whole, decimals=1):
    return fmt(100 * part / whole, decimals, "percent")


def said(label):
    """A figure of the report's text, formatted as printed (its unit and decimals)."""
    row = prose.loc[label]
    return fmt(row["value"], int(row["decimals"]), row["unit"])


def m(v):
    """NOK thousand as signed NOK million, for the arithmetic of the bars."""
    return fmt(v / 1000, 1, sign=True)


def deviation_key(ax):
    """The key of a chart of deviations from budget: + an overspend (vermilion), − an underspend (blue)."""
    return style.key_above(
        ax, [("overspend (+)", {"color": style.UNFAVOURABLE}), ("underspend (−)", {"color": style.FAVOURABLE})]
    )


# %% tags=["hide-input"]
txt = Figures()  # every figure the prose prints, shown there as {eval}`txt.<name>`
all_checks = checks.run(CH)
all_checks["what"] = all_checks["what"].map(inv.spelled_out)  # DK, kommunekassen's statement, by its name
put("all_summary", findings.summary_line(all_checks))  # the chapter's count, for its last section
sale_is_estimate = any(f.finding_id == SALE_FINDING and f.is_estimate for f in findings.load(CH))
put("sale_entry", "the book's estimate" if sale_is_estimate else "the finding")  # what the sale's box is
a2 = get(inv.T2A)
dk = get(inv.TDK)
prose = inv.prose_table(get).set_index("label")
expenditure = inv.value(a2, "actual_2023", label="Sum investeringsutgifter")
for label in ("kk_investment_expenditure_overspend", "unbudgeted_share_sales", "vat_compensation_shortfall",
              "vat_withheld_bane_nor", "p11_cooperation_projects_overspend_gross",
              "p11_cooperation_projects_overspend_net", "p09_vassenga_unused", "dekf_property_sale_booked_as_loans",
              "dekf_property_sale_booked_as_grants", "dekf_property_sale_budgeted",
              "grants_from_others_excess_excl_dekf_sale", "p11_cooperation_budget_entered_by_mistake",
              "p11_cooperation_budget_intended", "p11_cooperation_budget_missing", "kk_investment_expenditure_actual",
              "kk_uncovered_carried_forward", "nee_settlement_booked"):  # fmt: skip
    put(f"said_{label}", said(label))
# The cooperation project's printed budgets (net and gross, original and revised, NOK thousand) against the
# text's 4 million entered by mistake and 20 million meant: which of the two they show.
COOP = "KK P11 Samarbeid med andre utbyggere"
coop_net = get(inv.TNET).query("row_kind == 'main_project' and label == @COOP").iloc[0]
coop_gross = get(inv.T1).query("label == @COOP").iloc[0]
coop_budgets = {}
for key, row in (("net", coop_net), ("gross", coop_gross)):
    for column in ("original_budget_2023", "revised_budget_2023"):
        put(f"coop_{key}_{column[:4]}", fmt_million(row[column]))
        coop_budgets[f"{column.split('_')[0]} {key} budget"] = row[column]
said_coop = {
    label: said(label) for label in ("p11_cooperation_budget_entered_by_mistake", "p11_cooperation_budget_intended")
}
shown = [text for label, text in said_coop.items() if 1000 * prose.loc[label, "value"] in coop_budgets.values()]
put("coop_budgets_show", f"neither {' nor '.join(said_coop.values())}" if not shown else " and ".join(shown))
# The printed budget nearest the 20 million meant, named when it lies within 5 % of it (none equals it).
meant = 1000 * prose.loc["p11_cooperation_budget_intended", "value"]
nearest = min(coop_budgets, key=lambda k: abs(coop_budgets[k] - meant))
near_gap = abs(coop_budgets[nearest] - meant)
put("coop_near", "" if shown or near_gap > 0.05 * meant else
    f", though its {nearest}, {fmt_million(coop_budgets[nearest])}, lies within {fmt_million(near_gap)} of the "
    f"{said_coop['p11_cooperation_budget_intended']} meant (whether it is that budget, the report does not say)")  # fmt: skip
kk_areas = inv.kk_area_overspend(get).set_index("programme_area")["overspend"]
put("kk_p11_over", fmt_million(kk_areas["P11"]))
put("kk_p12_over", fmt_million(kk_areas["P12"]))
put("kk_p11_p12_share", pct(kk_areas["P11"] + kk_areas["P12"], kk_areas[kk_areas > 0].sum()))
ratio = min(kk_areas["P11"], kk_areas["P12"]) / max(kk_areas["P11"], kk_areas["P12"])
put("p11_p12_balance", "about equally, on the book's reading" if ratio > 0.8
    else "P11 more than P12" if kk_areas["P11"] > kk_areas["P12"] else "P12 more than P11")  # fmt: skip
# The overspend the report prints (113.2) against the tables' figure: name a cut where it first appears.
checked = all_checks.set_index("check_id")
over = checked.loc["inv_prose.kk_investment_expenditure_overspend"]
over_tables = fmt(over["recomputed"], 1, "NOK million")
put("kk_overspend_note", {checks.TRUNCATED: f" (the book reads it as the table's {over_tables} cut at its last digit)",
                          checks.DISCREPANCY: f" (the table gives {over_tables})"}.get(over["status"], ""))  # fmt: skip
kk_text = [f"inv_prose.kk_{k}" for k in ("investment_expenditure_actual", "investment_income_actual",
                                         "investment_income_excess", "uncovered_carried_forward")]  # fmt: skip
put("kk_text_rest", "its other figures for kommunekassen's year round to the table's"
    if checked.loc[kk_text, "status"].isin([checks.EXACT, checks.ROUNDING]).all()
    else "not all its other figures for kommunekassen's year round to the table's (see *What the text says*)")  # fmt: skip
brief = inv.year_in_brief(get)
rows = brief.set_index("label")
ends = {
    k: "above" if rows.loc[k, "kk_actual"] > rows.loc[k, "kk_revised"] else "below"
    for k in ("Investment expenditure", "− Investment income")
}
put("kk_budget_ends", f"its spending ended {ends['Investment expenditure']} its revised budget and its income "
    f"{ends['− Investment income']} it")  # fmt: skip
kk_part = rows.loc["= Carried forward uncovered", "kk_actual"] / rows.loc["= Carried forward uncovered", "both"]
put("unfinanced_whose", "almost all kommunekassen's" if 0.95 <= kk_part <= 1.05 else
    f"{pct(kk_part, 1, 0)} kommunekassen's")  # fmt: skip
put("kk_overspend_tables", fmt_million(rows.loc["Investment expenditure", "kk_effect"]))
put("kk_uncovered_tables", fmt_million(rows.loc["= Carried forward uncovered", "kk_actual"]))
# The year's financing for the brief: the largest source (2A) and the printed self-financing against the rule
brief_mix = inv.financing_parts(get).set_index("source")["amount"]
put("brief_top_source", brief_mix.idxmax().lower())
put("brief_top_amount", fmt_million(brief_mix.max()))
put("brief_top_share", pct(brief_mix.max(), brief_mix.sum()))
put("brief_sf", said("self_financing_non_profitable_investments"))
put("brief_sf_share", said("self_financing_share"))
put("brief_sf_rule", said("min_self_financing_share"))
put("brief_sf_vs", "above" if prose.loc["self_financing_share", "value"] > prose.loc["min_self_financing_share", "value"]
    else "below")  # fmt: skip

# %% [markdown]
# In 2023 kommunekassen, the municipal treasury, spent {eval}`txt.kk_overspend_tables` more on investment
# than its revised budget allowed and carried {eval}`txt.kk_uncovered_tables` forward uncovered, to be
# covered in later years. The figure groups its deviations from budget by cause, on the report's
# explanations (the grouping is the book's).


# %% mystnb={"figure": {"caption": "Kommunekassen's deviations from its revised budget 2023 by cause, NOK million.", "name": "fig-investeringsregnskap-uncovered"}, "image": {"alt": "Horizontal waterfall chart in NOK million. Spending above budget adds 113.3; the land received in kind in a company's settlement takes 16.5 back off (hatched, the book's reading); partners' grants used, above budget less the contributions set aside, take away 31.4 (hatched, the book's estimate); the VAT compensation shortfall adds 38.2 (solid: a printed deviation; the report puts it largely down to the Bane NOR dispute, which raised the uncovered amount only if the invoices are booked in full); relending and the restricted funds together take away 12.9 (hatched, the book's grouping); share sales in money beyond the moved dividend take away 1.3 (hatched: it rests on the land reading); the property sale above budget takes away 4.7 and other lines 9.0; the uncovered amount carried forward is 75.6."}} tags=["hide-input"]
causes = inv.uncovered_by_cause(get)
effect = causes.set_index("key")["effect"]
bar_names = {"overspend": "Spending above budget", "land": "Land received in kind (Miletomta)",
         "partners": "Partners' grants used", "vat": "VAT short of budget",
         "relending": "Relending and funds", "shares": "Share sales' money beyond the dividend",
         "sale": "Property sale above its budget", "other": "Other lines", "total": "Carried forward uncovered"}  # fmt: skip
fig, ax = style.figure(height=4.8)
ESTIMATED = {"land", "partners", "relending", "shares"}  # bars that rest on the book's readings: hatched
# The bars that are printed lines carry the printed Norwegian over the English; the others are the book's groupings.
PRINTED_LINE = {"overspend": "Sum investeringsutgifter", "vat": "Kompensasjon for merverdiavgift",
                "total": "Udekket"}  # fmt: skip
chart_names = {
    k: f"{PRINTED_LINE[k]}\n({v if v[:2].isupper() else v[0].lower() + v[1:]})" if k in PRINTED_LINE else v
    for k, v in bar_names.items()
}  # an acronym (VAT) keeps its capitals
style.waterfall(ax, [(chart_names[k], v / 1000, "total" if k == "total" else "estimate" if k in ESTIMATED else "")
                     for k, v in zip(causes["key"], causes["effect"], strict=True)], up_is_favourable=False)  # fmt: skip
ax.set_xlabel("NOK million (+ adds to the uncovered amount)")
adders = effect.drop("total")[lambda e: e > 0].sort_values(ascending=False)  # the bars that add to it
CAUSE_WORDS = {"overspend": "Overspending", "vat": "the VAT shortfall"}
named = [CAUSE_WORDS.get(k, bar_names[k].lower()) for k in adders.index]
named[0] = named[0][0].upper() + named[0][1:]
ax.set_title(f"{' and '.join([', '.join(named[:-1]), named[-1]] if len(named) > 1 else named)} left "
             f"{fmt_million(effect['total'])} uncovered")  # fmt: skip
style.key_above(ax, [("adds to the uncovered amount", {"color": style.UNFAVOURABLE}),
               ("reduces it", {"color": style.FAVOURABLE}),
               ("hatched: rests on the book's reading", style.estimate_style()),
               ("the amount carried forward", {"color": style.LEVEL})], ncol=2)  # fmt: skip
# Each bar is rounded on its own: where the rounded bars do not add to the rounded total, the chart says so.
bars_gap = rounding_gap(effect.drop("total") / 1000, effect["total"] / 1000)
rounding_note = ("" if bars_gap is None else
                 f"Each bar is rounded on its own: as printed, the bars add to {fmt(bars_gap[0], 1)}, "
                 f"the unrounded ones to {fmt(bars_gap[1], 1)}")  # fmt: skip
style.finish(fig, table="inv_dk_blocks, statement 2B (part 2, I04) and inv_prose_figures", note=rounding_note)
plt.show()


# %% [markdown]
# Hatched bars rest on the book's reading (of how a cause is booked, or which lines go together); solid bars
# are printed lines or their sums. *The uncovered amount, cause by cause* gives the terms of each.
#
# - **Where.** Mainly (*i hovedsak*) in roads and transport (P11) and water, sewage and waste (P12), the
#   report says; kommunekassen's 2B lines there overspent by {eval}`txt.kk_p11_over` and
#   {eval}`txt.kk_p12_over` (the book's sums).
# - **VAT.** The refund of VAT fell {eval}`txt.said_vat_compensation_shortfall` short of budget, largely over
#   Bane NOR's invoices ({eval}`txt.said_vat_withheld_bane_nor` held back). Whether that dispute raised the
#   uncovered amount depends on how the invoices are booked (*The uncovered amount, cause by cause*).
# - **Offsets.** Partners' grants, land received in kind, relending and funds, and sales reduced it.
# - **The enterprises** underspent. In statement 2A, which adds them, the amount carried forward is
#   {eval}`txt.unfinanced_whose` (next section).
# - **Financing.** The largest source was {eval}`txt.brief_top_source`, {eval}`txt.brief_top_amount`
#   ({eval}`txt.brief_top_share` of all sources in 2A, relending left aside). Self-financing of non-profitable investments was
#   {eval}`txt.brief_sf`, {eval}`txt.brief_sf_share` of their base by the report's count (the base is not
#   printed), {eval}`txt.brief_sf_vs` the rule's minimum of {eval}`txt.brief_sf_rule` (*How 2023 was
#   financed*, *The self-financing rule*).

# %% [markdown]
# ## Two bodies, opposite deviations
#
# Statement 2A adds the municipal enterprises to kommunekassen, and in the sum their deviations from
# budget partly cancel. Subtracting kommunekassen's blocks from 2A line by line leaves the enterprises'
# part (the book's subtraction; the report prints no statement for them here): Drammen Eiendom KF's, and
# the one 2B line of the swimming baths, Drammensbadet KF.

# %% mystnb={"figure": {"caption": "Actual \u2212 revised budget 2023 by section of statement 2A, kommunekassen and the enterprises (2A less kommunekassen's blocks), NOK million.", "name": "fig-investeringsregnskap-bodies"}, "image": {"alt": "Two panels of horizontal bars, kommunekassen above and the enterprises (Drammen Eiendom KF with Drammensbadet KF) below, one row for each of the four sections of statement 2A, vermilion where the deviation adds to the uncovered amount and blue where it reduces it. Kommunekassen's investment expenditure is above budget while the enterprises' is below; both took in more income than budgeted; relending is kommunekassen's alone; in the transfer and funds section both ended above budget, kommunekassen because it received a smaller transfer from operations, drew less from its restricted funds and put more into them (while leaving out a budgeted provision to its unrestricted fund), the enterprises because they put more into their funds. The enterprises' deviations almost cancel out: a grey bottom row gives each body's net, the amount carried forward uncovered, about zero for the enterprises."}} tags=["hide-input"]
bodies = inv.body_deviations(get).set_index("label")
put("dev_exp_all", fmt_million(bodies.loc["Sum investeringsutgifter", "all"]))
put("dev_exp_kk", fmt_million(bodies.loc["Sum investeringsutgifter", "kk"]))
put("dev_exp_dekf", fmt_million(-bodies.loc["Sum investeringsutgifter", "dekf"]))
# Below NOK 0.1 million, with its size in NOK thousand: the last digit is the point (it rounds 2A apart)
put("dev_unc_dekf", findings.money_text(bodies.loc["Fremført til inndekning i senere år (udekket)", "dekf"] / 1000))
# 2A's bottom line is kommunekassen's plus the enterprises' (NOK thousand): say so where the two round apart.
unc_2a, unc_kk = (rows.loc["= Carried forward uncovered", k] for k in ("both_printed", "kk_actual"))
put("unc_rounding", "" if fmt_million(unc_2a) == fmt_million(unc_kk) else
    f": enough to round 2A's amount to {fmt_million(unc_2a)} where kommunekassen's rounds to {fmt_million(unc_kk)}")  # fmt: skip
dekf_exp = inv.dekf_expenditure_parts(get)
put("dekf_fixed_under", fmt_million(-dekf_exp["fixed"]))
put("dekf_fixed_under_pct", pct(-dekf_exp["fixed"], dekf_exp["fixed_revised"]))
put("dekf_fixed_revised", fmt_million(dekf_exp["fixed_revised"]))
put("dekf_repayment_unbudgeted", fmt_million(dekf_exp["repayment"]))
put("dekf_grant_unbudgeted", fmt_million(dekf_exp["grant"]))
dekf_parts = inv.dekf_part(get).set_index("label")
put("dekf_bound_prov", fmt_million(dekf_parts.loc["Avsetninger til bundne investeringsfond", "actual_2023_dekf"]))
put("dekf_bound_prov_budget",
    fmt_million(dekf_parts.loc["Avsetninger til bundne investeringsfond", "revised_budget_2023_dekf"]))  # fmt: skip
put("dekf_unbound_prov", fmt_million(dekf_parts.loc["Avsetninger til ubundet investeringsfond", "actual_2023_dekf"]))
fund_use = ["Bruk av bundne investeringsfond", "Bruk av ubundet investeringsfond"]
put("dekf_fund_use_as_budgeted", "exactly the amounts budgeted" if (
    dekf_parts.loc[fund_use, "actual_2023_dekf"] == dekf_parts.loc[fund_use, "revised_budget_2023_dekf"]).all()
    else "other amounts than budgeted")  # fmt: skip
for label in ("dekf_company_gross_investment", "dekf_company_underspend"):
    put(f"said_{label}", said(label))
sections = bodies.drop(index="Fremført til inndekning i senere år (udekket)")
names = ["Investeringsutgifter\n(investment expenditure)", "Investeringsinntekter\n(investment income)",
         "Videreutlån, netto\n(relending, net)", "Overføring og avsetninger\n(transfer and funds, net)",
         "= Udekket\n(carried forward uncovered)"]  # 2A's four section totals and its bottom line, printed name first  # fmt: skip
net = bodies.loc["Fremført til inndekning i senere år (udekket)"]
fig, axes = style.figure(2, 1, height=7.0, sharex=True)  # one panel under the other, each the column's width
low, high = sections[["kk", "dekf"]].min().min() / 1000, sections[["kk", "dekf"]].max().max() / 1000
for ax, column, body in zip(
    axes, ("kk", "dekf"), ("Kommunekassen", "Drammen Eiendom KF + Drammensbadet KF"), strict=True
):
    values = pd.concat([sections[column], net[[column]]]) / 1000  # + adds to the uncovered amount: unfavourable
    ax.barh(names, values, height=0.6, color=[style.UNFAVOURABLE if v > 0 else style.FAVOURABLE for v in values.iloc[:-1]]
            + [style.LEVEL])  # fmt: skip
    for y, v in enumerate(values):
        ax.annotate("≈ 0" if 0 < abs(v) < 0.05 else fmt(v, 1, sign=y < len(values) - 1), (v, y), xytext=(4 if v >= 0 else -4, 0), textcoords="offset points",
                    ha="left" if v >= 0 else "right", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
    ax.axvline(0, color=style.TEXT, linewidth=0.8)
    ax.set_xlim(low - 0.45 * (high - low), high + 0.3 * (high - low))  # one scale for both, room for the labels
    ax.set_title(body, fontsize=style.MIN_TEXT_PT + 1, fontweight="bold")  # each panel named by its body
    ax.grid(axis="y", visible=False)
    ax.invert_yaxis()
key = style.key_above(axes[0], [("adds to the uncovered amount (+)", {"color": style.UNFAVOURABLE}),
                                ("reduces it (−)", {"color": style.FAVOURABLE}),
                                ("net: carried forward uncovered", {"color": style.LEVEL})], ncol=1,
                      title="Key, for both panels")  # fmt: skip
key._legend_box.align = "left"  # the key's title over its first entry
# The key above the first panel's title, not under it, so that it reads as the key of both panels.
axes[0]._set_title_offset_trans(6)  # the panel's title just above its bars (legend_above had lifted it)
# Its left edge on the figure's, under the title, rather than on the panel's (which the long labels push right).
key.set_bbox_to_anchor((0.01, 1), transform=blended_transform_factory(
    fig.transFigure, axes[0].transAxes + ScaledTranslation(0, 22 / 72, fig.dpi_scale_trans)))  # fmt: skip
axes[1].set_xlabel("Actual − revised budget, NOK million\n(+ = more spent or set aside, or less income)")
spent = {k: "over" if bodies.loc["Sum investeringsutgifter", k] > 0 else "under" for k in ("kk", "dekf")}
fig.suptitle(
    f"Kommunekassen's investment spending ran {spent['kk']} budget, the enterprises' {spent['dekf']} it",
    x=0.01,
    ha="left",
    fontweight="bold",
    fontsize=12,
)
style.finish(fig, table="statement 2A (I01) and inv_dk_blocks")
plt.show()

# %% [markdown]
# In 2A, investment expenditure was {eval}`txt.dev_exp_all` above the revised budget: kommunekassen spent
# {eval}`txt.dev_exp_kk` more than budgeted, the enterprises {eval}`txt.dev_exp_dekf` less. For the
# enterprises:
#
# - **Fixed assets.** They invested {eval}`txt.dekf_fixed_under` less than budgeted,
#   {eval}`txt.dekf_fixed_under_pct` of their revised budget of {eval}`txt.dekf_fixed_revised`. The report's
#   section on the company gives Drammen Eiendom KF's gross investment as
#   {eval}`txt.said_dekf_company_gross_investment`, {eval}`txt.said_dekf_company_underspend` below the
#   revised budget, which the subtraction reproduces once Drammensbadet KF's line is taken out (a check
#   below).
# - **Why.** Projects progressed more slowly than the budget assumed, the report says: Brandengen school is
#   built but not finally settled, Fredholt's interior rebuilding ends in 2024, and Krokstad nursing home's
#   remaining frame is kept for the construction-loan interest until 2028.
# - **Lines with no budget.** Their repayment of debt ({eval}`txt.dekf_repayment_unbudgeted`) and grant to
#   kommunekassen ({eval}`txt.dekf_grant_unbudgeted`), which the book pairs with Drammen Eiendom KF's
#   property sale, had no budget at all.
# - **Funds.** They drew {eval}`txt.dekf_fund_use_as_budgeted` from their funds but put more into them:
#   {eval}`txt.dekf_bound_prov` into restricted investment funds against a budget of
#   {eval}`txt.dekf_bound_prov_budget`, and {eval}`txt.dekf_unbound_prov` unbudgeted into the unrestricted
#   one. Their deviations net to an uncovered amount of only {eval}`txt.dev_unc_dekf`{eval}`txt.unc_rounding`.
#
# ## How the budget grew during the year
#
# The budget was adjusted in the first four-month report ({term}`Tertialrapport`), when unused money of
# 2022 was granted again to projects under way, and revised in the second; the report prints no total for
# this.


# %% mystnb={"figure": {"caption": "Change from the original to the revised budget 2023 by expenditure line of statement 2A, in NOK million, with each line's share of the growth; the table behind the toggle gives the budgets and the actual.", "name": "fig-investeringsregnskap-budget-growth"}, "image": {"alt": "Horizontal bars of the change from the original to the revised budget for the expenditure lines of statement 2A. Shares and holdings grew by 460.5, about 70 % of the growth; fixed assets by 193.8; lending of own funds by 2.4; grants to others and repayment of loans did not change."}} tags=["hide-input"]
growth = inv.budget_growth(get).set_index("label")
shown_growth = growth.loc[["Investeringer i varige driftsmidler", "Investeringer i aksjer og andeler i selskaper",
                           "Tilskudd til andres investeringer", "Utlån av egne midler", "Avdrag på lån"]]  # fmt: skip
short = [
    "Varige driftsmidler\n(fixed assets)",
    "Aksjer og andeler\n(shares and holdings)",
    "Tilskudd til andre\n(grants to others)",
    "Utlån av egne midler\n(lending of own funds)",
    "Avdrag på lån\n(repayment of loans)",
]  # 2A's Norwegian line as printed (shortened), the English under it
grown = growth.loc["Sum investeringsutgifter", "change"]
fig, ax = style.figure(height=3.6)
ax.barh(
    short,
    shown_growth["change"] / 1000,
    height=0.6,
    color=style.LEVEL,
)  # one grey: a budget's growth is neither good nor bad here (vermilion means adds to the uncovered amount)
growth_labels = [ax.annotate(fmt(v / 1000, 1, sign=True) + (f" ({pct(v, grown, 0)})" if round(100 * v / grown) else ""), (v / 1000, y),
                             xytext=(4, 0), textcoords="offset points", va="center", fontsize=style.MIN_TEXT_PT,
                             color=style.TEXT) for y, v in enumerate(shown_growth["change"])]  # fmt: skip
ax.set_xlim(0, None)
style.keep_inside(ax, growth_labels, horizontal=True)
ax.invert_yaxis()
ax.set_xlabel(
    "Revised − original budget, NOK million: spending added to finance\n(grey: budgeted amounts, not deviations from budget)"
)
top = shown_growth["change"].idxmax()
top_name = {"Investeringer i aksjer og andeler i selskaper": "one purchase of shares"}.get(top, top)
ax.set_title(f"{pct(shown_growth.loc[top, 'change'], grown, 0)} of the budget's growth was {top_name}")
ax.grid(axis="y", visible=False)
style.finish(fig, table="statement 2A (I01)")
plt.show()

# %% tags=["hide-input", "hide-output"]
total_growth = growth.loc["Sum investeringsutgifter"]
put("expenditure_revised", fmt_million(total_growth["revised_budget_2023"]))
put("expenditure_original", fmt_million(total_growth["original_budget_2023"]))
put("growth_total", fmt_million(total_growth["change"]))
put("growth_pct", pct(total_growth["change"], total_growth["original_budget_2023"]))
put("growth_shares", fmt_million(growth.loc["Investeringer i aksjer og andeler i selskaper", "change"]))
put("growth_fixed", fmt_million(growth.loc["Investeringer i varige driftsmidler", "change"]))
put("growth_kk", fmt_million(growth.loc["of which kommunekassen (DK)", "change"]))
put("growth_dekf", fmt_million(growth.loc["of which the enterprises, DEKF and DBKF (2A − DK)", "change"]))
dbkf_line = get(inv.T1).query("executor == 'DBKF' and row_kind == 'item'")
dbkf_change = (dbkf_line["revised_budget_2023"] - dbkf_line["original_budget_2023"]).sum()
put("growth_dbkf_part", "all of it Drammen Eiendom KF's: Drammensbadet KF's one line has the same budget in both"
    if dbkf_change == 0 else f"of which Drammensbadet KF's one line {fmt_million(dbkf_change)}")  # fmt: skip
eg = inv.enterprise_growth_sources(get)
put("eg_2022", fmt_million(eg["from_2022"]))
codes_2022 = [label[:3].upper() for label in inv.DEKF_FROM_2022]
put("eg_2022_where", ", ".join(codes_2022[:-1]) + " and " + codes_2022[-1])
put("eg_funds", fmt_million(eg["from_funds"]))
put("eg_funds_where", inv.DEKF_FROM_FUNDS[:3].upper())
put("eg_funds_match", "which is what the enterprises drew from restricted investment funds in 2A, budget and "
    "accounts alike" if eg["fund_use_revised"] == eg["fund_use_actual"]
    and round(eg["fund_use_actual"] / 1000, 1) == eg["from_funds"] / 1000
    else f"against {fmt_million(eg['fund_use_actual'])} the enterprises drew from restricted investment funds in 2A")  # fmt: skip
put("eg_rest", fmt_million(eg["not_named"]))
t3 = get(inv.T3)
put("havn", fmt_million(inv.value(t3, "revised_budget_2023", label="Aksjekapital Drammen Havn as")))
havn_sale = -inv.value(a2, "revised_budget_2023", label="Salg av finansielle anleggsmidler")
put("havn_sale_budget", "the very same amount" if fmt_million(havn_sale) == str(txt.havn)
    else fmt_million(havn_sale))  # fmt: skip
put("havn_iks", fmt_million(inv.value(t3, "actual_2023", label="Selskapskapital Drammen Havn farvannsforvaltning IKS")))
for label in ("upgrade_frames_per_year", "hso_housing_frame_per_year_proposed", "hso_housing_frame_2023",
              "dekf_company_underspend"):  # fmt: skip
    put(f"said_{label}", said(label))
part1_all = get(inv.T1)
hso = part1_all.set_index("label").loc[inv.HSO_LINE]
put("hso_label", inv.HSO_LINE.rstrip("."))  # the label's own full stop would end up before a semicolon
put("hso_revised", fmt_million(hso["revised_budget_2023"]))
put("hso_actual", fmt_million(hso["actual_2023"]))
hso_cut = hso["original_budget_2023"] - hso["revised_budget_2023"]
new_lines = inv.hso_lines(get)
put("hso_cut", fmt_million(hso_cut))
put("hso_new_n", fmt(len(new_lines)))
put("hso_new_hdo", fmt(int(new_lines["label"].str.contains("(HDO)", regex=False).sum())))
put("hso_new_revised", fmt_million(new_lines["revised_budget_2023"].sum()))
put("hso_new_actual", fmt_million(new_lines["actual_2023"].sum()))
put("hso_match", "exactly" if new_lines["revised_budget_2023"].sum() == hso_cut else "not exactly")
unbudgeted = part1_all[(part1_all["row_kind"] == "item") & (part1_all["executor"] == "DEKF")
                       & (part1_all["original_budget_2023"] == 0) & (part1_all["revised_budget_2023"] > 0)]  # fmt: skip
others = unbudgeted[~unbudgeted["label"].isin(new_lines["label"])]
put("hso_other_new", {0: "none", 1: "one more"}.get(len(others), fmt(len(others)) + " more"))
put("hso_other_labels", "; ".join(f"«{r.label}» ({fmt_million(r.revised_budget_2023)})" for r in others.itertuples()))
growth_view = inv.budget_growth(get)
styled(growth_view, table_id="inv-budget-growth", total_mask=growth_view["row_kind"] == "subtotal",
       unit="NOK thousand",
       caption="2A's investment expenditure by line, budgets and actual",
       columns={"label": "2A line", "original_budget_2023": "Original", "revised_budget_2023": "Revised",
                "change": "Change", "actual_2023": "Actual"})  # fmt: skip

# %% [markdown]
# The original budget planned {eval}`txt.expenditure_original` of investment expenditure; the revised
# budget allowed {eval}`txt.expenditure_revised`, {eval}`txt.growth_total` or {eval}`txt.growth_pct` more.
# Of the growth, {eval}`txt.growth_kk` was kommunekassen's and {eval}`txt.growth_dekf` the enterprises'
# ({eval}`txt.growth_dbkf_part`).
#
# - **Shares and holdings, {eval}`txt.growth_shares`.** 2B part 3 shows share capital in Drammen Havn AS
#   of {eval}`txt.havn`, and the revised budget expects {eval}`txt.havn_sale_budget` from sales of
#   shares. The intermunicipal harbour authority became Drammen Havn AS in 2023, the report
#   says, with Drammen Havn Farvannsforvaltning IKS ({eval}`txt.havn_iks` of capital in 2B part 3) set up
#   for its public duties. The book reads the equal purchase and sale as the conversion; the report does
#   not tie them to these lines.
# - **Fixed assets, {eval}`txt.growth_fixed`.** For Drammen Eiendom KF's growth the programme summaries
#   name {eval}`txt.eg_2022` of unused 2022 money ({eval}`txt.eg_2022_where`) and {eval}`txt.eg_funds` of
#   restricted funds used to buy rental housing for rent-to-own ({eval}`txt.eg_funds_where`),
#   {eval}`txt.eg_funds_match` (the book's subtraction). They name no source for the other
#   {eval}`txt.eg_rest`.
# - **Housing and nursing homes** (the committee for health, social affairs and care). The chief
#   executive proposed {eval}`txt.said_hso_housing_frame_per_year_proposed` a year, but
#   {eval}`txt.said_hso_housing_frame_2023` in 2023, because of when the projects were expected to start: the original
#   budget of Drammen Eiendom KF's 2B line *{eval}`txt.hso_label`*, whose revised budget is
#   {eval}`txt.hso_revised` and accounts {eval}`txt.hso_actual`.
#
# The amounts suggest that this money moved (the book's reading). The cut, {eval}`txt.hso_cut`, is
# {eval}`txt.hso_match` the revised budgets of {eval}`txt.hso_new_n` Drammen Eiendom KF lines for housing
# and care that had no original budget (the {eval}`txt.hso_new_hdo` lines marked HDO in P05 and P06, and
# Krokstad nursing home's infrastructure), {eval}`txt.hso_new_revised` together, of which
# {eval}`txt.hso_new_actual` was spent.
#
# The book picked those lines by their names; {eval}`txt.hso_other_new` of the company's lines also got a
# budget only during the year, {eval}`txt.hso_other_labels`, and is not counted. The council's decision in
# 2023 to build Krokstad nursing home, and the rebuilding of Fredholt and Gulskogen for round-the-clock
# care, fit the reading; the report does not describe the move.
#
# The budget rests on the council's guidelines of June 2022 for the plan 2023–26: no new large projects,
# the new city bridge first, and frames for upgrading and renewal of {eval}`txt.said_upgrade_frames_per_year`
# a year. Investment beyond the set frames was to be financed, where possible (*søkes finansiert*), by other means than
# loans: sales of assets, Drammen Eiendom KF's discretionary fund, extraordinary dividends. The tables
# carry no line for those frames, so the book can check neither.

# %% [markdown]
# ## Statement 2A: kommunekassen and the enterprises together
#
# Statement 2A (*Status investering og finansiering*) is the investment account on one page, for
# kommunekassen and the enterprises together. Its four sections are investment expenditure, investment
# income, net {term}`Videreutlån` (relending: the {term}`Startlån` the municipality borrows to lend on to
# households), and the {term}`Overføring fra drift` (transfer from the operating account) with provisions
# to and use of investment funds. The bottom line is what is carried forward as uncovered.
#
# Drammen Eiendom KF shows only 2023 figures (line 2772), so the 2022 column is kommunekassen's alone. The
# statement's four section totals and its bottom line are in the table below; they are the sections of the
# figure in *Two bodies, opposite deviations*. The whole statement is behind the first toggle after it
# (table I01, the book's id for it), its 2022 column behind the second; the third lists the chapter's
# tables by the ids their captions and the charts' source lines cite.

# %% tags=["hide-input"]
# The statement at a glance, left open: its four sections' sums and its bottom line (the whole statement below).
SUM_ROWS = {"Sum investeringsutgifter": "investment expenditure", "Sum investeringsinntekter": "investment income",
            "Netto utgifter videreutlån": "relending, net",
            "Sum overføring fra drift og netto avsetninger": "transfer from operations and funds, net",
            "Fremført til inndekning i senere år (udekket)": "carried forward uncovered"}  # fmt: skip
a2_sums = a2[a2["label"].isin(SUM_ROWS)].assign(label=lambda f: [f"{x} ({SUM_ROWS[x]})" for x in f["label"]])
styled(a2_sums, table_id="inv-2a-sums", total_mask=a2_sums["row_kind"] == "total", unit="NOK thousand",
       caption="Statement 2A in brief, 2023: its four section totals and the amount carried forward, their sum "
       "(as printed: expenditure, provisions and the uncovered amount +; income and financing −) (I01)",
       columns={"label": "Beløp i 1000", "original_budget_2023": "Oppr. bud. 2023",
                "revised_budget_2023": "Rev. bud. 2023", "actual_2023": "Regnskap 2023"})  # fmt: skip

# %% tags=["hide-input", "hide-output"]
checks_2a = section_checks("s2a", "two_a_balances")  # the statement's checks, counted under it
off = sorted({int(abs(d)) for d in checks_2a["difference"].dropna() if d})  # the non-zero differences, NOK thousand
put("s2a_differences", "Each difference that is not zero is of one thousand kroner" if off == [1]
    else "No line differs" if not off
    else f"The differences are of {' to '.join(dict.fromkeys([fmt(off[0]), fmt(off[-1])]))} thousand kroner")  # fmt: skip
styled(a2, table_id="inv-2a", total_mask=a2["row_kind"] != "item", unit="NOK thousand",
       caption="Statement 2A, 2023, kommunekassen and the enterprises together: Status investering og finansiering, "
       "investment and financing status (as printed: expenditure, provisions and the uncovered amount +; income and financing −) (I01)",
       columns={"label": "Beløp i 1000", "original_budget_2023": "Oppr. bud. 2023",
                "revised_budget_2023": "Rev. bud. 2023", "actual_2023": "Regnskap 2023"})  # fmt: skip

# %% tags=["hide-input", "hide-output"]
styled(a2, table_id="inv-2a-2022", total_mask=a2["row_kind"] != "item", unit="NOK thousand",
       caption="Statement 2A's 2022 column, kommunekassen alone: Status investering og finansiering, Regnskap 2022 "
       "(as printed: expenditure, provisions and the uncovered amount +; income and financing −) (I01)",
       columns={"label": "Beløp i 1000", "actual_2022": "Regnskap 2022"})  # fmt: skip

# %% tags=["hide-input", "hide-output"]
# The units in the book's one form (the data package writes thousands as "NOK 1000").
styled(catalogue(CH).assign(unit=lambda f: f["unit"].map(unit_name)),
       table_id="inv-catalogue", caption="The tables of this chapter, by the book's ids (the data page names their files)",
       columns={"source_table": "Id", "title": "Title as printed", "unit": "Unit", "source_lines": "Lines",
                "rows": "Rows"})  # fmt: skip

# %% [markdown]
# If the statement balances, each section's subtotal is the sum of its lines and the four subtotals
# add to the amount carried forward, in every column. {eval}`txt.s2a_differences`, what rounding each
# printed line to the thousand allows.
#
# *Checks.* {eval}`txt.s2a_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(checks_2a, table_id="inv-checks-2a", caption="Statement 2A: checks")

# %% [markdown]
# ## Kommunekassen alone, and the enterprises' part
#
# The report then prints the statement for kommunekassen alone, in four blocks, one per section, each
# repeating its sum in a *Totalsum* row: actual first (*Regnskap hiå.*, the accounts for the year to
# date, which at year end is the year), and no 2022 column. The blocks are the source of *The year in
# brief* and of the section after this one; the checks cite them as DK. The enterprises' part, 2A less
# these blocks, is behind the second toggle. Two lines of 2A have no row in kommunekassen's blocks
# (*Avdrag på lån* and *Dekning av tidligere års udekket beløp*); they count as zero for kommunekassen.

# %% tags=["hide-input", "hide-output"]
styled(dk, table_id="inv-dk", total_mask=dk["row_kind"] != "item", unit="NOK thousand",
       caption="Status investering og finansiering Drammen kommunekasse: kommunekassen's investment and financing "
       "status, by block (as printed: expenditure, provisions and the uncovered amount +; income and financing −) (I02a–I02d)",
       columns={"label": "Delsum budsjett", "actual_2023": "Regnskap hiå.",
                "revised_budget_2023": "Revidert årsbudsjett", "original_budget_2023": "Opprinnelig budsjett"})  # fmt: skip

# %% tags=["hide-input", "hide-output"]
part = inv.dekf_part(get)
dekf = part.set_index("label")["actual_2023_dekf"]
for key, label, sign in (("fixed", "Investeringer i varige driftsmidler", 1), ("grant", "Tilskudd til andres investeringer", 1),
                         ("repayment", "Avdrag på lån", 1), ("sales", "Salg av varige driftsmidler", -1),
                         ("loans", "Bruk av lån", -1), ("vat", "Kompensasjon for merverdiavgift", -1),
                         ("grants_in", "Tilskudd fra andre", -1),
                         ("funds", "Sum overføring fra drift og netto avsetninger", 1)):  # fmt: skip
    put(f"dekf_{key}", fmt_million(sign * dekf[label]))
put("dekf_uncovered", findings.money_text(dekf["Fremført til inndekning i senere år (udekket)"] / 1000))
put("kk_uncovered", fmt_million(part.set_index("label")["actual_2023_kk"].iloc[-1]))
p1 = get(inv.T1)
put("dbkf", fmt_million(inv.value(p1, "actual_2023", executor="DBKF")))
enterprise_lines = p1[(p1["row_kind"] == "item") & p1["executor"].isin(["DEKF", "DBKF"])]
not_property = enterprise_lines[enterprise_lines["label"].str.contains(
    "Inventar og utstyr|Ladeinfrastuktur|Diverse investeringer")]["actual_2023"].sum()  # fmt: skip
put("dekf_not_property", fmt_million(not_property))
put("dekf_fixed_kind", "mostly property" if not_property < dekf["Investeringer i varige driftsmidler"] / 2
    else "much of it not property")  # fmt: skip
put("dekf_sales_printed", said("dekf_property_sales_in_self_financing"))
sales_gap = -dekf["Salg av varige driftsmidler"] - 1000 * inv.prose(get, "dekf_property_sales_in_self_financing")
put("dekf_sales_gap", fmt_million(sales_gap))
# The self-financing's sales figure against the sale's two parts booked in kommunekassen (lines 3090-3091).
sale_parts = sum(inv.prose(get, f"dekf_property_sale_booked_as_{k}") for k in ("grants", "loans"))
put("dekf_sales_parts_sum", "the sum of" if round(sale_parts, 1) == inv.prose(get, "dekf_property_sales_in_self_financing")
    else f"unlike the {fmt(sale_parts, 1, 'NOK million')} of")  # fmt: skip
checks_dk = section_checks("dk", "dk_blocks_add_up", "kommunekassen_and_dekf", "investment_and_other_chapters")
SPLIT = ["actual_2023_kk", "actual_2023_dekf", "revised_budget_2023_dekf"]  # 2A's own figures: the table above
styled(part[["label", "row_kind", *SPLIT]], table_id="inv-dekf-part", total_mask=part["row_kind"] != "item",
       unit="NOK thousand", caption="Statement 2A split by body, 2023 (I01 less I02a–I02d): kommunekassen's actual, and the enterprises' "
       "actual and revised budget (2A less kommunekassen; 2A's signs: expenditure, provisions and the uncovered amount +; income and financing −)",
       columns={"label": "2A line", "actual_2023_kk": "Kommunekassen, actual", "actual_2023_dekf": "Enterprises, actual",
                "revised_budget_2023_dekf": "Enterprises, revised budget"})  # fmt: skip

# %% [markdown]
# Read this way, the enterprises invested {eval}`txt.dekf_fixed` in fixed assets,
# {eval}`txt.dekf_fixed_kind` (all but {eval}`txt.dekf_not_property` on lines for buildings, homes and
# property purchases). That is exactly 2B's `DEKF` lines with the one `DBKF` line of Drammensbadet KF
# ({eval}`txt.dbkf`). Without that line it is Drammen Eiendom KF's gross investment as the report prints
# it, {eval}`txt.said_dekf_company_gross_investment` (line 4552; checked in *What the text says*).
#
# The enterprises' other lines:
#
# - property sold for {eval}`txt.dekf_sales`. The report counts {eval}`txt.dekf_sales_printed` of property
#   sales in Drammen Eiendom KF in its self-financing (line 2061): {eval}`txt.dekf_sales_parts_sum` the
#   sale's two parts booked in kommunekassen, {eval}`txt.said_dekf_property_sale_booked_as_grants` under
#   grants from others and {eval}`txt.said_dekf_property_sale_booked_as_loans` under use of loans (lines
#   3090–3091; the sum is the book's). The rest of the enterprises' sales, {eval}`txt.dekf_sales_gap`,
#   the report does not break down;
# - repayment of debt, {eval}`txt.dekf_repayment` (*Avdrag på lån*, a line only 2A has), and a grant of
#   {eval}`txt.dekf_grant` towards kommunekassen's investments (2B part 2, *Investering DEKF*), both
#   Drammen Eiendom KF's on the book's reading;
# - {eval}`txt.dekf_loans` of loan money used, {eval}`txt.dekf_vat` of VAT refund,
#   {eval}`txt.dekf_grants_in` of grants, and a net {eval}`txt.dekf_funds` put into their funds;
# - {eval}`txt.dekf_uncovered` uncovered, against {eval}`txt.kk_uncovered` in kommunekassen's blocks.
#
# The report says the property sale triggered an extraordinary repayment of debt to the loan fund,
# relent to kommunekassen, which booked the sale's two parts named above (lines 3088–3093). It names
# those income lines only; that the company's grant and repayment are their
# counterparts is the book's pairing, by amount (see {eval}`txt.sale_entry`).
#
# Relending, shares, the lending of own money and the transfer from operations print the same in 2A and
# in kommunekassen's blocks: they are kommunekassen's alone. The transfer also agrees with the operating
# chapter's year-end dispositions.

# %% tags=["hide-input"]
sale_checks = all_checks[
    all_checks["check_id"].str.startswith(("inv_prose.dekf_property_sale", "inv_selffin.dekf_sales"))
]
show_findings(sale_checks, keep_sale=True)

# %% [markdown]
# *Checks.* {eval}`txt.dk_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(checks_dk, table_id="inv-checks-dk", caption="Kommunekassen's blocks, 2A and the other chapters: checks")

# %% [markdown]
# ## The uncovered amount, cause by cause
#
# Kommunekassen's revised budget balances, so the amount it carried forward uncovered is the sum of its
# lines' deviations from budget; {eval}`txt.kk_budget_ends`. The report's text gives the overspend
# as {eval}`txt.said_kk_investment_expenditure_overspend`{eval}`txt.kk_overspend_note`;
# {eval}`txt.kk_text_rest`. The table below gives each bar of the figure in *The year in brief* with its
# terms and their figures; under it, once for each bar, the report's reasons and where the bar rests on the
# book's reading.


# %% tags=["hide-input"]
bal_prose = get("bal_prose_figures").set_index("label")
other_lines = causes.attrs["other_lines"]
bridge = inv.uncovered_bridge(get)
blocks = bridge[bridge["row_kind"] == "subtotal"].set_index("block")["effect"]
lines = bridge[bridge["row_kind"] == "item"].set_index("label")["effect"]
parts = causes.attrs["parts"]
put("cause_bound_prov_actual", fmt_million(parts["bound_provisions"]))
put("cause_bound_use_actual", fmt_million(parts["bound_use_actual"]))
fund_growth = parts["bound_provisions"] - parts["bound_use_actual"]
put("cause_fund_growth", fmt_million(fund_growth))
said_growth = bal_prose.loc["bound_investment_funds_increase_2023", "value"]  # «nesten 123 millioner», line 3618
put("cause_fund_growth_said", fmt(said_growth, 0, "NOK million"))
put("cause_fund_growth_fits", "That fits" if said_growth - 1 < fund_growth / 1000 <= said_growth
    else "That does not fit")  # fmt: skip
put("relending_budget", fmt_million(inv.dk_section_value(dk, "Netto utgifter videreutlån", "revised_budget_2023")))
put("lent_actual", fmt_million(inv.dk_value(dk, inv.RELENDING_LINES["lent"], "actual_2023")))
put("lending_short_pct", pct(parts["lending_short"], parts["lending_revised"]))
lent_net = sum(inv.dk_value(dk, inv.RELENDING_LINES[k], "actual_2023") for k in ("lent", "borrowed"))
put("borrowed_as_lent", "the loan money used for it was booked at the same amount"
    if lent_net == 0 else f"the loan money used for it differed from the lending by {fmt_million(abs(lent_net))}")  # fmt: skip
put("repayments_above", fmt_million(parts["repayments_above"]))
put("instalments_below", fmt_million(parts["instalments_below"]))
said_gap = parts["startloan_said"] - parts["startloan_set_aside"]
put("startloan_said_gap", fmt(abs(said_gap) / 1000, 1, "NOK million"))
put("startloan_said_dir", "more" if said_gap > 0 else "less")
put("bound_use_budget", fmt_million(-inv.dk_value(dk, "Bruk av bundne investeringsfond", "revised_budget_2023")))
put("cause_moved", fmt(inv.drift_prose(get, inv.TRANSFER_REDUCTION), 0, "NOK million"))
nee_cash = inv.prose(get, "nee_settlement_booked") - inv.prose(get, "nee_settlement_land_in_kind")
put("nee_cash", fmt(nee_cash, 1, "NOK million"))
nee_beyond = nee_cash - inv.drift_prose(get, inv.TRANSFER_REDUCTION)
put("nee_beyond", fmt(abs(nee_beyond), 1, "NOK million"))
put("nee_beyond_dir", "more" if nee_beyond > 0 else "less")
vat_gap = inv.prose(get, "vat_withheld_bane_nor") - inv.prose(get, "vat_compensation_shortfall")
put("vat_without_dispute", fmt(abs(vat_gap), 1, "NOK million"))
put("vat_without_dispute_dir", "above" if vat_gap > 0 else "below")
put("cause_land", fmt_million(-effect["land"]))
no_project_early = fmt_million(inv.value(get(inv.T1), "actual_2023", label=inv.NO_PROJECT))
put("no_project_line_early", ("also " if no_project_early == str(txt.cause_land) else "") + no_project_early)
own_repaid_budget = -inv.dk_value(dk, "Mottatte avdrag på utlån av egne midler", "revised_budget_2023")
put("unbound_matches_repaid", "the same amount as" if own_repaid_budget == -other_lines["unbound_provision"]
    else "not the same amount as")  # fmt: skip
unbound_fund = get("bal_fund_reserves").set_index("label").loc["Ubundne investeringsfond"]
put("unbound_fund_end", fmt_million(unbound_fund["balance_2023"]))
put("dk_uncovered", fmt_million(blocks.sum()))
put("relending_net_printed", fmt_million(-inv.value(dk, "actual_2023", label="Sum netto utgifter videreutlån")))
put("startloan_to_fund", fmt(bal_prose.loc[inv.STARTLOAN_TO_FUND, "value"], 1, "NOK million"))
# Kommunekassen's use of loans above its budget, against the sale's part the report books there (line 3091).
loans_above = -lines["Bruk av lån"]
sale_loans_said = inv.prose(get, "dekf_property_sale_booked_as_loans")
put("kk_borrowing_vs_budget", "no more loan money than its budget and" if round(loans_above / 1000, 1) == sale_loans_said
    else f"{fmt_million(loans_above)} more loan money than its budget, against")  # fmt: skip
put("kk_borrowing_tail", "no further loan covered the overspend" if round(loans_above / 1000, 1) <= sale_loans_said
    else "the rest of the extra loan money went to other spending")  # fmt: skip
sale_budget = 1000 * inv.prose(get, "dekf_property_sale_budgeted")
sale_grant = inv.value(get(inv.T2), "actual_2023", label=inv.DEKF_GRANT_LINE)
rest_other = effect["other"] - other_lines["unbound_provision"] - other_lines["fixed_asset_sales"]
how = {
    "overspend": "Kommunekassen's investment expenditure, actual − revised budget",
    "land": "The settlement's land, part of the Miletomta site (the report's text)",
    "partners": f"Grants from others above budget, the property sale left out ({m(parts['grants_above_budget'])}), "
    f"and partners' money set aside in funds ({m(parts['partners_set_aside'])})",
    "vat": "VAT compensation, actual − revised budget",
    "relending": f"Net lending not made ({m(-parts['unmade_net_lending'])}) and less drawn from restricted funds "
    f"({m(parts['bound_use'])})",
    "shares": f"Share sales above budget ({m(lines['Salg av finansielle anleggsmidler'])}), taking out the dividend "
    f"moved from operations ({m(1000 * inv.drift_prose(get, inv.TRANSFER_REDUCTION))}) and the land ({m(-effect['land'])})",
    "sale": f"Its budget ({m(sale_budget)}), and its grant ({m(-sale_grant)}) and loan ({m(-loans_above)}) parts received",
    "other": f"Unrestricted-fund provision not made ({m(other_lines['unbound_provision'])}), unbudgeted sales of "
    f"fixed assets ({m(other_lines['fixed_asset_sales'])}), the rest ({m(rest_other)})",
    "total": "The sum of the bars: the amount carried forward"
    + (f" (the bars above, each rounded on its own, add to {fmt(bars_gap[0], 1)})" if bars_gap else ""),
}
drawn = {k: "grey" if k == "total" else "hatched" if k in ESTIMATED else "solid" for k in causes["key"]}
arithmetic = pd.DataFrame({"bar": [chart_names[k].replace("\n", " ") for k in causes["key"]], "drawn": [drawn[k] for k in causes["key"]],
                           "how": [how[k] for k in causes["key"]],
                           "effect": [fmt(v / 1000, 1, sign=k != "total") for k, v in zip(causes["key"], causes["effect"], strict=True)],
                           "row_kind": ["total" if k == "total" else "item" for k in causes["key"]]})  # fmt: skip
styled(arithmetic, table_id="inv-uncovered-arithmetic", unit="NOK million",
       caption="How each bar of the figure on the uncovered amount is computed (kommunekassen; + adds to the uncovered "
       "amount; hatched bars rest on the book's reading, solid ones are printed lines or their sums)",
       columns={"bar": "Bar", "drawn": "Drawn", "how": "Arithmetic (the terms add to the effect, to rounding)",
                "effect": "Effect"})  # fmt: skip

# %% [markdown]
# What each bar rests on, in the table's order (the figures are the table's, unless the report prints them):
#
# - **Spending above budget.** Mainly in P11 and P12 ({eval}`txt.kk_p11_p12_share` of the overspending of
#   kommunekassen's areas); in P12 some projects progressed faster than budgeted. Culture (P09) and
#   administration (P14) spent less: the cooling plant at Vassenga was postponed when its forecast cost
#   exceeded its frame, and digitalisation projects were delayed. In P11 it was mainly one project, the
#   cooperation with other developers (*Samarbeid med andre utbyggere*), over by
#   {eval}`txt.said_p11_cooperation_projects_overspend_gross` gross and
#   {eval}`txt.said_p11_cooperation_projects_overspend_net` net of the partners' grants. Its budget, the report
#   says, was entered by mistake at {eval}`txt.said_p11_cooperation_budget_entered_by_mistake` instead of
#   {eval}`txt.said_p11_cooperation_budget_intended`, and how the missing
#   {eval}`txt.said_p11_cooperation_budget_missing` were to be financed was never decided (*What the text
#   says* compares the printed budgets).
# - **Land received in kind.** The report counts {eval}`txt.cause_land` of the settlement of the wound-up
#   Nedre Eiker Eiendomsutvikling AS as land acquired (*grunnerverv*), not as financing; that it is 2B's
#   *Prosjekt mangler* ({eval}`txt.no_project_line_early`, with no budget and on no project) is the book's
#   pairing, by amount.
# - **Partners' grants.** Such grants widen a project's frame (*investeringsramme*) beyond what the council
#   granted, the report says of that project; it cites no council decision for that, and whether
#   one is needed is the book's question. It ties the grants above budget to P11 and P12 projects, and puts
#   the restricted funds' growth down first of all (*først og fremst*) to start-loan repayments and
#   partners' unused contributions, with no amount: the book counts the provisions above budget, less the
#   start loans, as the partners'.
# - **VAT short of budget.** Largely over Bane NOR's invoices, which do not state the VAT: the municipality
#   paid them net and held back {eval}`txt.said_vat_withheld_bane_nor`, and the report does not say how the
#   invoices are booked. In full, with the amount held back as a debt, the dispute added to the deficit:
#   without it the refund would have ended about {eval}`txt.vat_without_dispute`
#   {eval}`txt.vat_without_dispute_dir` budget. Net, it changed nothing.
# - **Relending and funds.** Pairing the budget's net relending with its use of restricted funds is the
#   book's. Lending fell {eval}`txt.lending_short_pct` short of budget, and {eval}`txt.borrowed_as_lent`.
#   The report gives no reason for the smaller lending, but notes that higher interest and living costs
#   leave fewer households able to service a loan; the book reads that as a likely reason. Nor does it say
#   why less was drawn from the funds. The relending block also ended with a surplus of
#   {eval}`txt.relending_net_printed` (repayments received above budget, instalments paid below); the report
#   sets {eval}`txt.startloan_to_fund` of extraordinary repayments and redeemed start loans aside for new
#   lending, {eval}`txt.startloan_said_gap` {eval}`txt.startloan_said_dir` than that surplus (a finding of
#   the balance chapter), and
#   that the two are the same money is the book's reading. The restricted funds grew by
#   {eval}`txt.cause_fund_growth`. {eval}`txt.cause_fund_growth_fits` the report's «nesten» (almost)
#   {eval}`txt.cause_fund_growth_said`.
# - **Share sales.** Shares were sold for {eval}`txt.said_unbudgeted_share_sales` more than budgeted, most
#   of it the Nedre Eiker settlement ({eval}`txt.said_nee_settlement_booked`). The revised operating budget
#   had expected {eval}`txt.cause_moved` of it as a dividend; booked as a sale of shares, it cut the
#   transfer from operations by as much. Less the land, the settlement brought {eval}`txt.nee_cash` in
#   money, {eval}`txt.nee_beyond` {eval}`txt.nee_beyond_dir` than that dividend (lines 2095–2096, 2670).
# - **Property sale.** Drammen Eiendom KF's property sale brought kommunekassen grants and loans.
#   Kommunekassen used {eval}`txt.kk_borrowing_vs_budget` the
#   {eval}`txt.said_dekf_property_sale_booked_as_loans` of the sale relent from the loan fund:
#   {eval}`txt.kk_borrowing_tail`.
# - **Other lines.** The unrestricted-fund provision ({eval}`txt.unbound_matches_repaid` the expected
#   repayments on loans of own money) was not made, though the fund held {eval}`txt.unbound_fund_end` at
#   the year's end. The book reads leaving it out as a closing step forced by the deficit, not a cause of it
#   (the report does not say).
#
# By accounting block (kommunekassen's panel of the figure in *Two bodies*, and the table behind the toggle) the
# deviations add to the same {eval}`txt.dk_uncovered`, the report's {eval}`txt.said_kk_uncovered_carried_forward`
# too; the report says neither how nor when it will be covered.

# %% tags=["hide-input", "hide-output"]
bridge_view = bridge.assign(label=[("" if k == "subtotal" else "· ") + lab
                                   for k, lab in zip(bridge["row_kind"], bridge["label"], strict=True)])  # fmt: skip
styled(bridge_view, table_id="inv-uncovered-bridge", total_mask=bridge_view["row_kind"] == "subtotal",
       unit="NOK thousand",
       caption="Kommunekassen's deviations by block and line, 2023: its lines in its statement's order (the report "
               "prints them alphabetically within each block); effect = actual − revised budget in the accounts' "
               "signs: + adds to the uncovered amount, as in the chapter's figures",
       columns={"label": "Block / line", "revised_budget_2023": "Rev. budget", "actual_2023": "Actual",
                "effect": "Effect (+ adds)"})  # fmt: skip

# %% [markdown]
# ## Statement 2B: from projects to parts to 2A
#
# Statement 2B (*Status investeringer*) lists the expenditure side of 2A in four parts. Part 1, investment
# in fixed assets, runs project by project under each {term}`Programområde` (programme area), with a
# subtotal per area; a project's prefix says who carries it out (`KK` kommunekassen, `DEKF` Drammen
# Eiendom KF, `DBKF` Drammensbadet KF).

# %% tags=["hide-input", "hide-output"]
p4 = get(inv.T4)
sum_parts = inv.value(p4, "actual_2023", label=inv.SUM_PARTS)
put("sum_parts", fmt_million(sum_parts))
t2, t3 = get(inv.T2), get(inv.T3)
for key, table in (("t2", t2), ("t3", t3), ("t4", p4)):  # each part's total, its first subtotal row
    put(f"{key}_total", fmt_million(table[table["row_kind"] != "item"].iloc[0]["actual_2023"]))
put("t3_havn", fmt_million(inv.value(t3, "actual_2023", label="Aksjekapital Drammen Havn as")))
put("t2_dekf", fmt_million(inv.value(t2, "actual_2023", label=inv.DEKF_GRANT_LINE)))
put("gap_2b_2a", fmt_million(expenditure - sum_parts))
put("avdrag", fmt_million(inv.value(a2, "actual_2023", label="Avdrag på lån")))
byarea = inv.programme_budget_actual(get)
p11 = byarea.set_index("programme_area").loc["P11"]
level = byarea[(byarea["deviation"] / 1000).round(1) == 0]["programme_area"].tolist()
put("areas_on_budget", "every area ended off its budget" if not level else
    f"{' and '.join([', '.join(level[:-1]), level[-1]] if len(level) > 1 else level)} ended on "
    f"{'it' if len(level) == 1 else 'theirs'} and {'is' if len(level) == 1 else 'are'} not drawn")  # fmt: skip
put("p11_revised", fmt_million(p11["revised_budget_2023"]))
put("p11_actual", fmt_million(p11["actual_2023"]))
put("bybru", fmt_million(inv.value(p1, "actual_2023", label="KK P11 Bybru")))
put("no_project", fmt(byarea.iloc[0]["actual_2023"], 0, "NOK 1000"))
put("no_project_line", fmt(inv.value(p1, "actual_2023", label="Prosjekt mangler"), 0, "NOK 1000"))
checks_2b = section_checks("s2b", "two_b_rolls_up")
sub_off = checks_2b[
    checks_2b["check_id"].str.match(r"inv_2b_part1\.\w+\.sum\.") & (checks_2b["status"] == checks.DISCREPANCY)
]
n_sub_off = sub_off["check_id"].str.split(".").str[1].nunique()
put(
    "s2b_sub_off", {0: "in every case", 1: "in every case but one"}.get(n_sub_off, f"in all but {fmt(n_sub_off)} cases")
)
styled(p1, table_id="inv-2b-part1", total_mask=p1["row_kind"] != "item", unit="NOK thousand",
       caption="2B part 1, investments in fixed assets, project by project: Status investeringer – 1. Investeringer i "
       "varige driftsmidler (as printed: + = spending) (I03)",
       columns={"label": "Prosjekt", "actual_2022": "Regnskap 2022", "original_budget_2023": "Oppr. bud. 2023",
                "revised_budget_2023": "Rev. bud. 2023", "actual_2023": "Regnskap 2023"})  # fmt: skip

# %% [markdown]
# Parts 2 to 4 are short, and reproduced together behind the toggle below: in 2023, grants towards other
# parties' investments came to {eval}`txt.t2_total` (of which Drammen Eiendom KF's grant,
# {eval}`txt.t2_dekf`), shares and holdings to {eval}`txt.t3_total` (the Drammen Havn AS share capital,
# {eval}`txt.t3_havn`), and loans of the municipality's own money to {eval}`txt.t4_total`. Part 4 ends
# with the 2B total, *Sum del 1–4*.

# %% tags=["hide-input", "hide-output"]
b_columns = {"label": "Beløp i 1000", "actual_2022": "Regnskap 2022", "original_budget_2023": "Oppr. bud. 2023",
             "revised_budget_2023": "Rev. bud. 2023", "actual_2023": "Regnskap 2023"}  # fmt: skip
parts_2_4 = pd.concat([t2, t3, p4], ignore_index=True)  # the report's three tables, in its order, each with its sum
styled(parts_2_4, table_id="inv-2b-parts2-4", columns=b_columns, total_mask=parts_2_4["row_kind"] != "item",
       unit="NOK thousand",
       caption="2B parts 2–4, grants, shares and own-funds lending, with Sum del 1–4: Status investeringer – 2. "
               "Tilskudd til andres investeringer, 3. Investeringer i aksjer og andeler i selskaper, 4. Utlån av egne "
               "midler: grants to others' investments, shares and holdings, lending of own funds, and the sum of "
               "parts 1–4 (as printed: + = spending) (I04–I06)")  # fmt: skip

# %% [markdown]
# The programme subtotals agree with their projects (exactly or within rounding)
# {eval}`txt.s2b_sub_off`, the part totals equal the 2A lines of the same name, and the four parts add to
# *Sum del 1–4*, {eval}`txt.sum_parts` in 2023.
#
# *Sum del 1–4* is {eval}`txt.gap_2b_2a` less than 2A's investment expenditure, because 2A also holds
# *Avdrag på lån* ({eval}`txt.avdrag`), a repayment of debt that 2B does not list. Kommunekassen's
# statement prints no such line; the book takes it to be Drammen Eiendom KF's extraordinary repayment
# after its property sale, which the report describes (lines 3091–3093) but does not tie to this line.
#
# One block of spending has no project at all: *Prosjekt mangler* (the Miletomta land, on the book's
# reading), {eval}`txt.no_project_line` on its line but {eval}`txt.no_project` in the one-line subtotal
# under it, the subtotal that does not agree (see the finding below).
#
# By programme area, roads and transport (P11) dominate, with {eval}`txt.p11_actual` spent against a
# revised budget of {eval}`txt.p11_revised`; the new city bridge (*Bybru*) alone took {eval}`txt.bybru`.
# The figure shows how far each area ended from its budget; {eval}`txt.areas_on_budget`.

# %% mystnb={"figure": {"caption": "Actual minus revised budget 2023 by programme area (2B part 1, kommunekassen and the enterprises), in NOK million; areas that ended on their budget are left out. The no-project line is the settlement's land as spending (the book's reading); the first figure draws it blue, as income in kind.", "name": "fig-investeringsregnskap-areas"}, "image": {"alt": "Horizontal bar chart of each programme area's deviation from its revised budget in 2023, largest overspend at the top. Each area is named as printed in Norwegian with its English under it. P11 Utbygging og samferdsel (transport) and P12 Vann, avl\u00f8p og renovasjon (water, sewage) overspent by about 65 and 59; spending on no project (Prosjekt mangler) adds 16.5 with no budget, hatched as the book's reading, which the caption ties to the land received in kind that the first figure takes off as an offset; P04 overspent slightly. P06, P01, P09 and P19 left the most unspent, followed by smaller underspends in the other areas."}} tags=["hide-input"]


def area_label(code, printed):
    """An area's row label: its printed Norwegian name over the English (the no-project line named as the book
    reads it: the land in kind that the figure in *The year in brief* takes off as an offset)."""
    if not isinstance(code, str):
        return "Prosjekt mangler\n(no project: the land,\nthe book's reading)"
    # The printed name wrapped, so the labels leave the bars most of the width (designer s12_3: cramped).
    name = "\n".join(textwrap.wrap(f"{code} {printed.split(' ', 1)[1]}", 22))
    english = areas.SHORT_NAMES.get(code, "")  # the book's one short English name per area, as on every chart
    return f"{name}\n({english[0].lower() + english[1:]})" if english else name


over_area = byarea.assign(
    over=-byarea["deviation"] / 1000,  # actual − revised, NOK million (+ = overspend)
    label=[area_label(c, a) for c, a in zip(byarea["programme_area"], byarea["area"], strict=True)],
)
on_budget = over_area["over"].round(1) == 0
shown_area = over_area[~on_budget].sort_values("over")  # largest overspend at the top
fig, ax = style.figure(height=0.56 * len(shown_area) + 1.6)
for y, (code, v) in enumerate(zip(shown_area["programme_area"], shown_area["over"], strict=True)):
    colour = style.UNFAVOURABLE if v > 0 else style.FAVOURABLE
    # The no-project line is the land in kind only on the book's reading: hatched, as in the first figure.
    ax.barh(y, v, **(style.estimate_style(colour) if not isinstance(code, str) else {"color": colour}))
ax.set_yticks(range(len(shown_area)), shown_area["label"])
for y, v in enumerate(shown_area["over"]):
    label = fmt(v, 1, sign=True)  # the no-project bar's colour against the first figure: in the caption
    ax.annotate(label, (v, y), xytext=(4 if v > 0 else -4, 0), textcoords="offset points",
                ha="left" if v > 0 else "right", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
ax.axvline(0, color=style.TEXT, linewidth=0.8)
ax.set_xlim(shown_area["over"].min() * 1.9, shown_area["over"].max() * 1.35)
ax.set_xlabel("Actual − revised budget, NOK million\n(+ = overspend)")
top_two = over_area.sort_values("over", ascending=False).head(2)
ax.set_title("{} and {} overspent most: NOK {} and {} million".format(*top_two["programme_area"],
                                                                      *(fmt(v, 1) for v in top_two["over"])))  # fmt: skip
style.key_above(ax, [("overspend (+)", {"color": style.UNFAVOURABLE}),
                     ("underspend (−)", {"color": style.FAVOURABLE}),
                     ("hatched: rests on the book's reading", style.estimate_style(style.UNFAVOURABLE))])  # fmt: skip
ax.grid(axis="y", visible=False)
style.finish(fig, table="statement 2B (part 1, I03)")
plt.show()

# %% tags=["hide-input"]
show_findings(checks_2b)

# %% [markdown]
# *Checks.* {eval}`txt.s2b_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(checks_2b, table_id="inv-checks-2b", caption="Statement 2B and 2A: checks")

# %% [markdown]
# ## The programme areas' projects
#
# Each programme area's chapter with lines in 2B prints a table of its investment projects (*Status
# investeringsprosjekter*), except P15's; P10's chapter has no lines in 2B, and P19 (*Sentrale poster*) no
# chapter. Each table is followed by a summary: the revised budget, the actual, a status word (*Iht. plan*, on plan;
# *Forsinket*, delayed; *Ikke vurdert*, not assessed) and the deviation in kroner (revised budget
# minus actual: positive means money left unspent). The tables are stacked in the toggle below, the area
# code before each area's sum rows.

# %% tags=["hide-input", "hide-output"]
proj = get(inv.TPROJ)
top = inv.largest_deviations(get)
status = inv.status_counts(get)
put("n_delayed", fmt(status["Forsinket"].sum()))
put("n_not_assessed", fmt(status["Ikke vurdert"].sum()))
put("n_on_plan", fmt(status["Iht. plan"].sum()))
put("p06_not_assessed", fmt(status.set_index("programme_area").loc["P06", "Ikke vurdert"]))
top_dev = top.iloc[0]
put("top_overspend", fmt_million(-top_dev["deviation_nok"]))
put("top_overspend_project", top_dev["label"])
claims = checks.run(CH, only=["claims_in_words"])
put("claims_n", fmt(len(claims)))
not_assessed = proj[(proj["row_kind"] == "item") & (proj["status"] == "Ikke vurdert")]
put("not_assessed_whose", "every project not assessed is one of" if (not_assessed["executor"] == "DEKF").all()
    else "most projects not assessed are")  # fmt: skip
put("claims_hold", fmt(int((claims["status"] == checks.EXACT).sum())))
failed = claims[claims["status"] != checks.EXACT]
in_p11 = failed["check_id"].str.contains("p11").all()
put(
    "claims_failed",
    "The two that do not are both in P11's summary (lines 6182–6183): it dates the area's frame to 2022, and it "
    "says the projects follow their schedule."
    if len(failed) == 2 and in_p11
    else f"{len(failed)} do not; the findings below say which.",
)
proj_checks = section_checks("proj", "project_tables_add_up", "projects_match_2b", counted_with=claims)
matches = inv.project_matches(get)
put("n_grant_projects", fmt(((matches["row_kind"] == "item") & (matches["actual_grants"] != 0)).sum()))
put("n_projects", fmt((proj["row_kind"] == "item").sum()))
proj_view = proj.assign(label=[lab if kind == "item" else f"{area} {lab}"
                               for area, lab, kind in zip(proj["programme_area"], proj["label"], proj["row_kind"], strict=True)])  # fmt: skip
styled(proj_view, table_id="inv-projects", total_mask=proj_view["row_kind"] != "item", unit="NOK thousand",
       caption="Status investeringsprosjekter, Avvik i kr as printed, + = underspend: investment projects, all "
       "programme areas (Avvik: revised budget − actual, the reverse of the chapter's charts; I07–I20)",
       columns={"label": "Investering", "revised_budget_2023": "Rev. bud.",
                "actual_2023": "Regnskap", "status": "Status", "deviation_nok": "Avvik i kr"})  # fmt: skip

# %% [markdown]
# Which projects moved furthest from their budgets? The largest overspend, {eval}`txt.top_overspend` on
# *{eval}`txt.top_overspend_project`*, is the one the report explains at length (see *The uncovered
# amount, cause by cause*). The report's explanation uses 2B's row, which books a small grant to others in the project's
# name apart, so its figure is a little lower.
#
# Of the projects, {eval}`txt.n_on_plan` are marked on plan, {eval}`txt.n_delayed` delayed and
# {eval}`txt.n_not_assessed` not assessed; {eval}`txt.not_assessed_whose` Drammen Eiendom KF's
# ({eval}`txt.p06_not_assessed` of them in P06), for which the programme chapters refer to the company's
# own annual report.

# %% mystnb={"figure": {"caption": "The ten projects with the largest deviation from the revised budget, 2023, in NOK million (actual minus revised budget: positive = overspend, as in the chapter's other charts); KK is kommunekassen, DEKF Drammen Eiendom KF.", "name": "fig-investeringsregnskap-deviations"}, "image": {"alt": "Horizontal bar chart of the projects with the largest deviations from budget. Each project is named as printed, with its area code, its body (KK, kommunekassen; DEKF, Drammen Eiendom KF) and an English gloss under it. The two largest are overspends, P11 Samarbeid med andre utbyggere (cooperation with other developers) and P12 Vann/avl\u00f8p (water and sewage), both kommunekassen's; the largest underspends are Drammen Eiendom KF's budgets for housing and nursing homes in P06 and for upgrading school buildings in P01."}} tags=["hide-input"]
# The printed project names with their body and area code (added where the name lacks it), the report's
# trailing full stop dropped, and an English gloss under each; a name printed in more than one area gets the
# area's English name too, so that the rows are told apart.
PROJECT_ENGLISH = {
    "Samarbeid med andre utbyggere": "cooperation with other developers",
    "Vann/avløp": "water and sewage",
    "Investeringer HSO i bolig, sykehjem og evnt. nytt helsehus": "HSO investments in housing, nursing homes and "
    "perhaps a new health centre",
    "Oppgradering bygningsmassen": "upgrading the buildings",
    "Konnerud (HDO)": "Konnerud, HDO",
    "Kommunale boliger": "municipal housing",
    "Kjøleannlegg Vassenga": "cooling plant, Vassenga",
    "Merverdiavgift på anleggsbidrag finansiert av utbyggere": "VAT on construction contributions financed by "
    "developers",
}  # fmt: skip


def project_parts(area, printed):
    """(body, name) of a printed project label: 'KK P11 Samarbeid …' -> ('KK', 'Samarbeid …')."""
    body, rest = printed.split(" ", 1)
    return body, rest.removeprefix(f"{area} ").rstrip(".")


parts_top = [project_parts(a, lab) for a, lab in zip(top["programme_area"], top["label"], strict=True)]
repeated = pd.Series([name for _, name in parts_top]).value_counts()


def project_label(area, body, name):
    english = PROJECT_ENGLISH.get(name)
    if english and repeated[name] > 1:
        english += f"; {areas.SHORT_NAMES[area].lower()}"
    first = textwrap.fill(f"{body} {area} {name}", 44)  # the printed order: body, area, name
    return f"{first}\n({textwrap.fill(english, 44)})" if english else first


fig, ax = style.figure(height=7.4)
shown_top = top.iloc[::-1]
names = [project_label(a, *project_parts(a, lab)) for a, lab in zip(shown_top["programme_area"], shown_top["label"],
                                                                     strict=True)]  # fmt: skip
over = -shown_top["deviation_nok"] / 1000  # the tables print revised − actual; the chapter plots actual − revised
ax.barh(names, over, color=[style.UNFAVOURABLE if v > 0 else style.FAVOURABLE for v in over])
for y, v in enumerate(over):
    ax.annotate(fmt(v, 1, sign=True), (v, y), xytext=(4 if v > 0 else -4, 0), textcoords="offset points",
                ha="left" if v > 0 else "right", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
ax.axvline(0, color=style.TEXT, linewidth=0.8)
ax.set_xlim(over.min() * 1.8, over.max() * 1.3)
ax.set_xlabel("Actual − revised budget, NOK million\n(+ = overspend)")
ax.set_title("Two P11 and P12 projects overspent most")
deviation_key(ax)
ax.grid(axis="y", visible=False)
style.finish(fig, table="inv_programme_projects")
plt.show()

# %% [markdown]
# The report's text makes claims in words about these projects and areas: that kommunekassen's overspend
# lies in P11 and P12 and is offset by P09 and P14, that Vassenga's whole budget is unused, that P14's
# digitalisation projects are delayed, that the new city bridge is on schedule (lines 190–191).
#
# Checked against the tables, {eval}`txt.claims_hold` of {eval}`txt.claims_n` hold.
# {eval}`txt.claims_failed`

# %% tags=["hide-input"]
show_findings(claims)

# %% [markdown]
# The project tables reconcile. Each deviation is the revised budget minus the actual, and each area's
# *Sum* is its projects plus, in P09, P11 and P12, a line *Sum øvrige prosjekter* for projects not listed
# one by one.
#
# Each of the {eval}`txt.n_projects` projects also stands in 2B part 1 (labels compared without regard to
# case and dashes). The two agree on the budget everywhere, and on the actual everywhere but in
# {eval}`txt.n_grant_projects` projects of P11 and P12, where the project table also counts the grants
# towards others' investments (2B keeps them in part 2). The count below includes the claims in words above.
#
# *Checks.* {eval}`txt.proj_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(
    pd.concat([claims, proj_checks]),
    table_id="inv-checks-proj",
    caption="Claims in words, project tables and projects against 2B: checks",
)

# %% [markdown]
# ### The net tables of P11 and P12
#
# For roads and transport (P11) and water, sewage and waste (P12) the report also prints each
# {term}`Hovedprosjekt` (main project) *net*: its investment in fixed assets, less the grants from
# others and the sales that financed it, plus grants it passed on to others. The report calls net the
# status after income is deducted (line 6185); VAT compensation is not among the components. The book
# reads the net figure as the part of a project that its own income does not cover.

# %% tags=["hide-input", "hide-output"]
net = get(inv.TNET)
coop = net[(net["row_kind"] == "main_project") & (net["label"] == "KK P11 Samarbeid med andre utbyggere")].iloc[0]
put("coop_net_actual", fmt_million(coop["actual_2023"]))
put("coop_net_revised", fmt_million(coop["revised_budget_2023"]))
put("coop_gross", fmt_million(inv.value(p1, "actual_2023", label="KK P11 Samarbeid med andre utbyggere")))
net_checks = section_checks("net", "net_tables_add_up")
net_columns = {"label": "Hovedprosjekt", "actual_2023": "Regnskap hiå.", "revised_budget_2023": "Revider årsbudsjett",
               "original_budget_2023": "Opprinnelig budsjett"}  # fmt: skip
net_view = net.assign(label=[f"{area} {lab}" if kind == "total" else lab
                              for area, lab, kind in zip(net["programme_area"], net["label"], net["row_kind"], strict=True)])  # fmt: skip
styled(net_view, table_id="inv-net", columns=net_columns, unit="NOK thousand",
       caption="Status investeringer netto P11 / P12: net investment status, each area's table in turn, its Sum last "
       "(as printed: expenditure +, income −) (I21, I22)",
       total_mask=net_view["row_kind"].isin(["main_project", "total"]))  # fmt: skip

# %% [markdown]
# The cooperation projects show what netting does: {eval}`txt.coop_gross` gross
# becomes {eval}`txt.coop_net_actual` net, against a net budget of
# {eval}`txt.coop_net_revised`. Every main project is the sum of its
# components, each *Sum* the sum of its main projects, each component *Investeringer i varige
# driftsmidler* the project's 2B line, and each component *Tilskudd til andres investeringer* a line of
# 2B part 2.
#
# *Checks.* {eval}`txt.net_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(net_checks, table_id="inv-checks-net", caption="The net tables: checks")

# %% [markdown]
# ## How 2023 was financed
#
# Where did the money come from? Adding up the financing lines of 2A, with relending left aside (it is
# financed by its own borrowing and repayments), gives the sources in the figure. Some of that money is not
# new money for the year's investments, and the book marks it (hatched):
#
# - sales of shares hold an amount equal to the share capital bought in Drammen Havn AS (2B part 3),
#   which the revised budget expected to finance by a sale of the same size (see *How the budget grew*);
# - they also hold the land received in kind from Nedre Eiker Eiendomsutvikling AS,
#   {eval}`txt.cause_land`, which the report calls land acquired, not financing;
# - Drammen Eiendom KF's property sale goes round inside 2A, which adds the company to kommunekassen: its
#   grant counts as expenditure and again as kommunekassen's grant income, and its repayment to the loan
#   fund, relent to kommunekassen, as expenditure and again as borrowing.
#
# These pairings are the book's, by amount; the report names only the income lines.

# %% mystnb={"figure": {"caption": "Sources of financing of the 2023 investments (2A, kommunekassen and the enterprises), in NOK million; hatched: the part the book pairs with an expenditure of the same amount, or finds internal to 2A (see the text).", "name": "fig-investeringsregnskap-financing"}, "image": {"alt": "Stacked horizontal bars of the financing sources in NOK million. Loans are the largest source, with a small internal part; sales of shares are the second largest, and most of them match the share purchase or are land received in kind; the transfer from operations, sales of property, VAT compensation and grants from others follow; the use of funds and other sources are smallest."}} tags=["hide-input"]
mix = inv.financing_parts(get)
amounts = mix.set_index("source")["amount"]
matched = mix.set_index("source")["matched"]
total_sources = amounts.sum()
put("mix_total", fmt_million(total_sources))
put("mix_matched", fmt_million(matched.sum()))
put("mix_matched_share", pct(matched.sum(), total_sources))
for key, source in (("loans", "Loans"), ("shares", "Sales of shares and holdings")):
    put(f"mix_{key}", fmt_million(amounts[source]))
    put(f"mix_{key}_share", pct(amounts[source], total_sources))
put("mix_transfer", fmt_million(amounts["Transfer from operations"]))
put("mix_loans_other_share", pct(mix.set_index("source").loc["Loans", "other"], total_sources - matched.sum()))
put("mix_transfer_other_share", pct(amounts["Transfer from operations"], total_sources - matched.sum()))
put("mix_loans_shares_share", pct(amounts["Loans"] + amounts["Sales of shares and holdings"], total_sources))
put("mix_funds", fmt_million(amounts["Use of investment funds"]))
ts = inv.transfer_sources(get)  # the transfer from operations against the year's result (see the self-financing)
put("ts_part", "most of the transfer" if ts["result"] < ts["transfer"] / 2 else "part of the transfer")
ordered = mix.sort_values("amount")
NORWEGIAN = {
    "Loans": "bruk av lån",
    "VAT compensation": "kompensasjon for merverdiavgift",
    "Grants from others": "tilskudd fra andre",
    "Sales of fixed assets": "salg av varige driftsmidler",
    "Sales of shares and holdings": "salg av finansielle anleggsmidler",
    "Transfer from operations": "overføring fra drift",
    "Use of investment funds": "bruk av investeringsfond",
    "Other (repayments, distributions)": "avdrag på utlån, utdeling",
}  # 2A's lines, printed Norwegian first and the English under it
english = {
    source: (source if source.startswith("VAT") else source.lower()).replace(" (", ": ").rstrip(")")
    for source in ordered["source"]
}  # "other: repayments, distributions", no parentheses inside the gloss's
ylabels = [f"{NORWEGIAN[source].capitalize()}\n({english[source]})" for source in ordered["source"]]
fig, ax = style.figure(height=5.2)
ax.barh(ylabels, ordered["other"] / 1000, color=style.LEVEL, label="not matched")
ax.barh(ylabels, ordered["matched"] / 1000, left=ordered["other"] / 1000,
        label="hatched: rests on the book's reading (matched, in kind or internal)", **style.estimate_style())  # fmt: skip
for y, (v, part) in enumerate(zip(ordered["amount"], ordered["matched"], strict=True)):
    text = fmt(v / 1000, 1) + (f" ({fmt(part / 1000, 1)} of it matched)" if round(part / 1000, 1) else "")
    ax.annotate(text, (v / 1000, y), xytext=(4, 0), textcoords="offset points", va="center",
                fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
ax.set_xlim(0, ordered["amount"].max() / 1000 * 1.8)  # the longest label inside the plot
ax.set_xlabel("NOK million")
ax.set_title("Loans led; share sales mostly match a purchase", pad=40)
style.legend_above(ax, ncol=1)
ax.grid(axis="y", visible=False)
style.finish(fig, table="statement 2A (I01) and statement 2B (part 3, I05)")
plt.show()

# %% [markdown]
# Of {eval}`txt.mix_total` of financing, loans gave {eval}`txt.mix_loans` ({eval}`txt.mix_loans_share`)
# and sales of shares {eval}`txt.mix_shares` ({eval}`txt.mix_shares_share`): together
# {eval}`txt.mix_loans_shares_share`. But {eval}`txt.mix_matched` ({eval}`txt.mix_matched_share` of all
# sources) are the matched, in-kind and internal amounts just described, most of them in these two.
#
# Of the sources left once those are removed, loans carry {eval}`txt.mix_loans_other_share` and the
# transfer from operations, {eval}`txt.mix_transfer`, {eval}`txt.mix_transfer_other_share`. Not all of
# the rest is money of the year: it holds {eval}`txt.mix_funds` drawn from investment funds set aside
# earlier, and the book reads {eval}`txt.ts_part` as drawn from reserves (see *The self-financing rule*).
# The table behind the toggle splits each source into the part matched or internal, on the book's
# pairing, and the rest (each figure rounded on its own, so the parts add to rounding).

# %% tags=["hide-input", "hide-output"]
MONEY = ["amount", "matched", "other"]
mix_view = pd.concat([mix.sort_values("amount", ascending=False).assign(row_kind="item"),  # the figure's order
                      pd.DataFrame([{"source": "All sources", "row_kind": "total", **mix[MONEY].sum()}])])  # fmt: skip
styled(mix_view.assign(**{c: mix_view[c] / 1000 for c in MONEY}), table_id="inv-financing-mix", unit="NOK million",
       decimals=dict.fromkeys(MONEY, 1), total_mask=mix_view["row_kind"] == "total",
       caption="Sources of financing, 2A, 2023",
       columns={"source": "Source", "amount": "Amount", "matched": "Matched or internal", "other": "Rest"})  # fmt: skip

# %% [markdown]
# The sources exceed the expenditure; the bridge below shows why. Part of the money went into funds,
# relending brought in more than it cost, and the uncovered amount closes the gap. It lands exactly on
# the printed investment expenditure.

# %% tags=["hide-input"]
fin_bridge = inv.financing_bridge(get)
# The operator in a step's label takes the amount as it stands: a "− provisions" row shows the provisions.
turn = [-1 if step.startswith("−") else 1 for step in fin_bridge["step"]]
styled(fin_bridge.assign(amount=fin_bridge["amount"] * turn / 1000), table_id="inv-financing-bridge", unit="NOK million",
       caption="From the financing sources to 2A's investment expenditure, 2023",
       columns={"step": "Step", "amount": "Amount"}, decimals={"amount": 1},
       total_mask=fin_bridge["step"].str.startswith(("=", "Sum")))  # fmt: skip

# %% [markdown]
# ## The self-financing rule
#
# Drammen's {term}`Finansielle handlingsregler` (financial rules of action) set a minimum share of
# {term}`Egenfinansiering` (self-financing) for {term}`Ikke-rentable investeringer` (non-profitable
# investments), after VAT compensation and grants. The report does not define those investments; the
# usual meaning is investments not paid back by fees or rents. The section sets the report's share beside
# the book's readings of its base.

# %% tags=["hide-input"]
sf = inv.self_financing(get)
put("rule", said("min_self_financing_share"))
put("extra_dividend", said("extra_dividend_booked"))
put("reduction", fmt(inv.drift_prose(get, inv.TRANSFER_REDUCTION), 0, "NOK million"))
put("sf_printed", said("self_financing_non_profitable_investments"))
put("sf_share_printed", said("self_financing_share"))
put("dekf_sales_printed", said("dekf_property_sales_in_self_financing"))
put("rule_budget", said("self_financing_budget_15pct_rule"))
put("extra_dividends", said("extraordinary_dividends_budgeted_for_self_financing"))
put("transfer_original", fmt_million(-inv.value(a2, "original_budget_2023", label="Overføring fra drift")))
put("transfer_revised", fmt_million(-inv.value(a2, "revised_budget_2023", label="Overføring fra drift")))
put("sf_transfer", fmt_million(sf["transfer"]))
put("reduction_book", fmt_million(-inv.value(a2, "revised_budget_2023", label="Overføring fra drift") - sf["transfer"]))
put("sf_gap", fmt_million(sf["base"] - sf["implied_base"], 0))
put("sf_p12_gross", fmt_million(sf["p12_gross"]))
put("sf_vat_rate", fmt(100 * inv.GENERAL_VAT_RATE, 0, "percent"))
put("sf_original_vs_rule", "smaller" if sf["base_original"] < sf["rule_base_original"] else "larger")
rule_band = [
    1000
    * (inv.prose(get, "self_financing_budget_15pct_rule") + d)
    / (inv.prose(get, "min_self_financing_share_rule") / 100)
    for d in (-0.05, 0.05)
]  # the bases whose 15 % rounds to the printed minimum
put("sf_original_follows", "close to the municipality's base there" if rule_band[0] <= sf["base_original"] <= rule_band[1]
    else "so the book's definition does not give the municipality's base there either")  # fmt: skip
put("ts_result", fmt_million(ts["result"]))
put("ts_fund_used", fmt_million(ts["fund_used"]))
put("ts_fund_set_aside", fmt_million(ts["fund_set_aside"]))
put("ts_vs", "larger than" if ts["transfer"] > ts["result"] else "within")
sf_checks = section_checks("sf", "self_financing_rule")

# %% [markdown]
# **What the report says.** 2023's self-financing was {eval}`txt.sf_printed`, or
# {eval}`txt.sf_share_printed` of its base (lines 2059–2060). It was high, the report says, largely because
# {eval}`txt.extra_dividend` of extra dividend and {eval}`txt.dekf_sales_printed` of property sales in
# Drammen Eiendom KF were booked. It does not say what the amount holds. One reading rebuilds it exactly (the table below): the transfer
# from operations plus Drammen Eiendom KF's two lines that match the property sale, its grant *Investering
# DEKF* and its *Avdrag på lån*. The report's own parts of the sale (lines 3090–3091) add to its
# {eval}`txt.dekf_sales_printed` too.
#
# **The budget.**
#
# - The rule's minimum came to {eval}`txt.rule_budget` in the 2023 budget, and {eval}`txt.extra_dividends`
#   of extraordinary dividends were to be added: together the original budget's transfer from operations,
#   {eval}`txt.transfer_original`, exactly (lines 2663–2667).
# - The transfer made, {eval}`txt.sf_transfer`, was {eval}`txt.reduction_book` below the revised budget of
#   {eval}`txt.transfer_revised` (the report's {eval}`txt.reduction`): the expected dividend from
#   Nedre Eiker Eiendomsutvikling AS was booked as a sale of shares instead (lines 2667–2671).
# - Which budget held that dividend, and which dividends the report counts as extra, its sections do not
#   agree: the {doc}`driftsregnskap` chapter sets out the extra dividend's printed sizes (*The quality of
#   the result*) and records the inconsistency among its findings.
#
# **Where the transfer came from.** The transfer was {eval}`txt.ts_vs` the year's surplus. The operating
# account's net result was {eval}`txt.ts_result`, too low to cover the budgeted transfer, the report says,
# so the discretionary fund was drawn on: {eval}`txt.ts_fund_used` used and {eval}`txt.ts_fund_set_aside`
# set aside (lines 2635, 2645–2647, 2656–2659). On the book's reading, {eval}`txt.ts_part`
# came from reserves of earlier years, not from the year's result.

# %% tags=["hide-input"]
sf_view = pd.DataFrame(
    [("Transfer from operations (2A)", sf["transfer"], "item"), ("+ Investering DEKF (2B part 2)", sf["dekf_grant"], "item"),
     ("+ Avdrag på lån (2A)", sf["repayment"], "item"), ("= Self-financing, the book's reading", sf["numerator"], "total"),
     ("Investeringer i varige driftsmidler (2A)", sf["fixed"], "item"),
     ("+ Tilskudd til andres investeringer (2A)", sf["grants_to_others"], "item"),
     ("− Kompensasjon for merverdiavgift (2A)", sf["vat"], "item"), ("− Tilskudd fra andre (2A)", sf["grants"], "item"),
     ("− P12 net investment (net table)", sf["p12_net"], "item"), ("= Base, the book's definition", sf["base"], "total"),
     ("Base the printed share implies", sf["implied_base"], "total")],
    columns=["step", "amount", "row_kind"],
)  # fmt: skip
styled(
    sf_view.assign(amount=sf_view["amount"] / 1000),
    table_id="inv-self-financing",
    unit="NOK million",
    caption="Self-financing 2023 and its base, the book's reading (each line rounded on its own: the sums hold "
    "to rounding)",
    columns={"step": "Step", "amount": "Amount"},
    decimals={"amount": 1},
    total_mask=sf_view["row_kind"] == "total",
).set_table_styles([{"selector": "", "props": "width: 100%;"}], overwrite=False)  # the column's width, as the others

# %% [markdown]
# **The share.** Here the printed figures run out. The book reads the 2023 base three ways (the figure sets
# them beside the report's printed share) and the original budget's base a fourth (in the table after it).
#
# - *The book's base* (built in the table above) is the investment in fixed assets and grants to others,
#   less VAT compensation, grants from others and P12's water and sewage investments at their net figure,
#   taken as financed by fees, as the area's self-cost accounts suggest (line 6418).
# - *P12's VAT* may come off that base twice: 2B's amounts include VAT (line 2776) and P12's net figure
#   deducts only income (line 6185), so VAT compensated on P12 would also be in 2A's VAT line, and no line
#   prints it. The row takes the most it can be: the VAT inside all of P12's {eval}`txt.sf_p12_gross` of
#   spending at the general rate ({eval}`txt.sf_vat_rate`, which applies to the price before VAT).
# - *P12 kept in*: the book's base is no bound either way, as it keeps investments paid back by rents, such
#   as rental housing. The report's base is about {eval}`txt.sf_gap` smaller than the book's, and nothing
#   printed says what it leaves out.
# - *The original budget*: the book's definition gives a base {eval}`txt.sf_original_vs_rule` than the one
#   the rule's {eval}`txt.rule_budget` implies at {eval}`txt.rule`, {eval}`txt.sf_original_follows`.
#
# The minimum of {eval}`txt.rule` is met on any reading (the figure); the table after it gives each reading's
# amounts.

# %% mystnb={"figure": {"caption": "Self-financing of non-profitable investments 2023 as a share of its base, in per cent: the report's printed share (solid) and the book's three readings of the base (hatched), against the rule's minimum (dotted).", "name": "fig-investeringsregnskap-self-financing"}, "image": {"alt": "Horizontal bar chart in per cent with a dotted vertical line at the rule's minimum. The report's printed share is a solid grey bar; hatched grey bars give the book's readings: on the book's base, on that base plus P12's VAT (in case it came off twice), and with P12 kept in. Each bar is labelled with its share, and every bar ends well to the right of the line."}} tags=["hide-input"]
readings = inv.self_financing_readings(get).set_index("reading")
PRINTED_SHARES = {"rule", "report", "original_rule"}  # the readings whose share the report prints
rule_share = fmt(readings.loc["rule", "share"], 0, "percent")
# The 2023 shares against the rule's minimum: the report's printed share solid, the book's readings hatched.
sf_bars = {"report": "The report's share\n(printed, on its own base)",
           "book": "The book's base\n(P12 out at its net figure)",
           "p12_vat": "The book's base plus P12's VAT\n(in case it came off twice)",
           "p12_in": "The book's base\nwith P12 kept in"}  # fmt: skip
sf_min = readings.loc["rule", "share"]
fig, ax = style.figure(height=3.0)
for i, key in enumerate(sf_bars):
    v = readings.loc[key, "share"]
    bar = ax.barh(i, v, height=0.6, **({"color": style.LEVEL} if key in PRINTED_SHARES else style.estimate_style()))
    style.direct_labels(ax, bar, [fmt(v, 0 if key in PRINTED_SHARES else 1, "percent")])
ax.set_yticks(range(len(sf_bars)), list(sf_bars.values()))
ax.invert_yaxis()
ax.axvline(sf_min, **style.REFERENCE_LINE)
ax.annotate(f"The rule's minimum, {rule_share}", (sf_min, len(sf_bars) - 0.2), xytext=(3, 0),
            textcoords="offset points", ha="left", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
ax.set_ylim(len(sf_bars) + 0.15, -0.6)  # room under the last bar for the line's label
ax.set_xlim(0, None)
ax.set_xlabel("Self-financing, per cent of its base")
sf_shares = readings.loc[list(sf_bars), "share"]
ax.set_title(f"Self-financing was above the {rule_share} minimum on every reading" if (sf_shares > sf_min).all()
             else f"Self-financing fell below the {rule_share} minimum on some reading")  # fmt: skip
style.key_above(ax, [("printed by the report", {"color": style.LEVEL}),
                     ("the book's reading", style.estimate_style())])  # fmt: skip
style.finish(fig, table="inv_prose_figures and statement 2A, with P12's net table (the book's readings)")
plt.show()

# %% tags=["hide-input"]
implied_range = "\u2060–\u2060".join(
    fmt(readings.loc["report", k] / 1000, 0) for k in ("base_low", "base_high")
)  # no break
shown = {
    "rule": "The rule's minimum",
    "report": f"The report's {txt.sf_share_printed}, on the base it implies ({implied_range} for any share that "
    "rounds to it)",
    "book": "The book's base, P12 out at its net figure",
    "p12_vat": "The book's base, plus the VAT inside P12's spending (if taken off twice)",
    "p12_in": "The book's base with P12 kept in",
    "original_rule": f"Original budget: the rule's minimum at {rule_share}",
    "original_book": "Original budget: the book's base",
}
readings_view = pd.DataFrame({
    "reading": [shown[k] for k in readings.index],
    "amount": ["–" if pd.isna(v) else fmt(v / 1000, 1) for v in readings["amount"]],  # – for none, as in the ledgers
    "base": ["–" if pd.isna(v) else fmt(v / 1000, 1) for v in readings["base"]],
    # one column of shares: the report's whole, the book's to one decimal, their units digits in line
    "share": pad_decimals(["–" if pd.isna(v) else fmt(v, 0 if k in PRINTED_SHARES else 1)
                           for k, v in readings["share"].items()]),
})  # fmt: skip
styled(readings_view, table_id="inv-self-financing-readings",
       caption="Self-financing 2023 on each reading of its base (amounts in NOK million; shares in per cent, "
       "whole where the report prints them, to one decimal where the book computes them; – where a reading has "
       "no such figure)",
       columns={"reading": "Reading", "amount": "Self\u2011financing", "base": "Base",
                "share": "Share (%)"})  # fmt: skip

# %% tags=["hide-input"]
show_findings(sf_checks)

# %% [markdown]
# *Checks.* {eval}`txt.sf_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(sf_checks, table_id="inv-checks-selffin", caption="The self-financing rule: checks")

# %% [markdown]
# ## What the text says, checked
#
# The report's text restates many table figures: kommunekassen's totals (lines 3041–3106) and each
# programme area's *Sammendrag status investeringer* (summary of the investment status). Each is compared
# with the figure recomputed from the tables: a restated figure must round to it, or be cut from it at
# its last digit. Most round; the boxes below are the findings and the book's estimates among them.

# %% tags=["hide-input"]
prose_checks = section_checks("prose", "prose_figures", "prose_relations")
pc = prose_checks.set_index("check_id")
overspend_table = pc.loc["inv_prose.kk_investment_expenditure_overspend", "recomputed"]
put("overspend_table", fmt_million(1000 * overspend_table))
put("overspend_digits", fmt(1000 * overspend_table, 0, "NOK 1000"))  # the difference of DK's printed figures
put("overspend_rounded", fmt(prose.loc["kk_investment_expenditure_actual", "value"]
                             - prose.loc["kk_investment_expenditure_revised_budget", "value"], 1, "NOK million"))  # fmt: skip
put("p11_prose", said("p11_gross_budget"))
p03 = pc.loc["inv_prose.p03_budget"]
put("p03_gap", fmt(1000 * abs(p03["printed"] - p03["recomputed"]), 0, "NOK 1000"))
p03_parts = pc.loc["inv_prose.p03_budget.parts", "recomputed"]
put("p03_parts", fmt(p03_parts, 3, "NOK million"))
put("p03_reallocated", said("p03_reallocated_from_2022"))
p03_decimals = int(prose.loc["p03_reallocated_from_2022", "decimals"])
put(
    "p03_reallocated_decimals", {1: "one decimal", 2: "two decimals", 3: "three decimals"}.get(p03_decimals, "decimals")
)
half_unit = 0.5 * 10**-p03_decimals  # the band the reallocated 2022 money's printed decimals leave
put("p03_parts_fit", "leaves room for both figures" if max(abs(p03["printed"] - p03_parts),
    abs(p03["recomputed"] - p03_parts)) <= half_unit + 1e-9 else "does not cover both figures")  # fmt: skip
company = pc.loc[["inv_prose.dekf_company_gross_investment", "inv_prose.dekf_company_underspend"], "status"]
put("company_checks", "both equal to" if (company == checks.EXACT).all() else "not both equal to")
put("sl_text", said("startloan_lending_said"))
sl_gap = 1000 * inv.prose(get, "startloan_lending_said") - inv.dk_value(dk, inv.RELENDING_LINES["lent"], "actual_2023")
put("sl_text_gap", fmt(abs(sl_gap) / 1000, 1, "NOK million"))
put("sl_text_dir", "more" if sl_gap > 0 else "less")
show_findings(prose_checks)

# %% [markdown]
# *Checks.* {eval}`txt.prose_summary`
#
# Among the rest:
#
# - **Kommunekassen's overspend**, read as cut: the table's {eval}`txt.overspend_table`
#   ({eval}`txt.overspend_digits`: its actual less its revised budget) is written
#   {eval}`txt.said_kk_investment_expenditure_overspend`. Yet the same sentence rounds the expenditure up
#   to {eval}`txt.said_kk_investment_expenditure_actual`, and the difference of its own rounded figures
#   would be {eval}`txt.overspend_rounded`. A typing slip would fit as well (lines 2976, 3045, 3054).
# - **The property sale's figures** are compared where the report names their lines, and with the book's
#   pairings otherwise (see {eval}`txt.sale_entry` in the section on the enterprises' part). The extra
#   grants from others once the sale is set aside, about
#   {eval}`txt.said_grants_from_others_excess_excl_dekf_sale`, follow from kommunekassen's figures when the
#   sale is taken out as the report describes: its {eval}`txt.said_dekf_property_sale_booked_as_grants`
#   from the actual and its {eval}`txt.said_dekf_property_sale_budgeted` from the budget (line 3096).
# - **The start loans** *formidlet* (arranged) in 2023 are {eval}`txt.sl_text` in the text,
#   {eval}`txt.sl_text_gap` {eval}`txt.sl_text_dir` than the accounts lent on. The text does not define
#   the word, and loans granted rather than paid out could explain the gap (lines 531, 5696).
# - **P03's frame** is {eval}`txt.p03_gap` apart from its table, which the checks grade *truncated* (a cut
#   at the last digit), not a finding. That is one reading. The summary's parts add to
#   {eval}`txt.p03_parts`; one of them, {eval}`txt.p03_reallocated`, is printed to
#   {eval}`txt.p03_reallocated_decimals` of a million, which {eval}`txt.p03_parts_fit` (graded *rounding*;
#   lines 5072–5073).
# - **Drammen Eiendom KF's** gross investment and underspend (lines 4552–4553) are
#   {eval}`txt.company_checks` the book's subtraction, once Drammensbadet KF's line is taken out.
# - **P11's summary** dates its frame of {eval}`txt.p11_prose` to 2022, while the figure is the revised
#   budget of 2023; that slip is checked with the claims in words, above (line 6182).
# - **The cooperation projects' missing** {eval}`txt.said_p11_cooperation_budget_missing` is checked as the
#   {eval}`txt.said_p11_cooperation_budget_intended` intended less the
#   {eval}`txt.said_p11_cooperation_budget_entered_by_mistake` entered by mistake, the text against itself
#   (lines 3063–3065). The printed budgets of the project show {eval}`txt.coop_budgets_show`{eval}`txt.coop_near`. Net, it
#   was budgeted {eval}`txt.coop_net_orig` originally and {eval}`txt.coop_net_revi` in the revised budget.
#   Gross, the two budgets were {eval}`txt.coop_gross_orig` and {eval}`txt.coop_gross_revi`.

# %% tags=["hide-input", "hide-output"]
checks_table(prose_checks, table_id="inv-checks-prose", caption="Figures of the text against the tables: checks")

# %% [markdown]
# ## All checks of the chapter
#
# *Checks.* {eval}`txt.all_summary`
#
# The table below lists them, each explained in its section; the {doc}`audit`
# page lists every check and finding of the book, searchable.

# %% tags=["hide-input"]
# One layout for every chapter's list (findings.chapter_table): the id on one line under the finding's name,
# the size's unit in a column of its own, the report's lines unbroken; then the book's estimates.
findings.chapter_table(
    all_checks, CH, "inv-findings",
    "The chapter's findings, largest first, then the book's estimates with their gap from the book's reading",
    estimates=True,
)  # fmt: skip

# %% [markdown]
# ## Try it
#
# The checks take a *getter*, a function that returns a table by name, so they can run on altered
# data. The cell below adds `DELTA` thousand kroner to one cell of one table (`TABLE`, the row labelled
# `LABEL`, its actual for 2023) and lists every check whose difference or class moves, with the class
# before and after (`exact → discrepancy`; one word when it stayed). As given, it adds 1 000 to the city
# bridge, *KK P11 Bybru*, in 2B part 1: a typing error in one cell.
#
# 1. Run it. Four checks break: the P11 subtotal of 2B, kommunekassen's fixed assets in its own blocks,
#    and the P11 project table and net table, which print the bridge's figure again. One typo in one
#    table is caught from several sides.
# 2. Set `DELTA = 1` and run again. The sums no longer catch it. Kommunekassen's fixed assets in its
#    blocks still read *rounding*, although the check moved: it adds more than forty lines rounded to the
#    thousand, so the sum has room for one. The P11 subtotal even moves to *exact*: its printed sum was
#    one more than its projects, and the alteration makes up the difference. Only the two tables that
#    print the bridge's figure again still read *discrepancy*.
# 3. Set `DELTA = -1`. The sums again read *rounding*, and the two tables that repeat the figure read
#    *discrepancy* once more. An error of one unit, in either direction, slips through the sums but not
#    through a figure the report prints twice.
# 4. Now set `TABLE, LABEL, DELTA = inv.T2, "Investering DEKF", -26203`, which sets Drammen Eiendom KF's
#    grant in 2B part 2 to zero. Two checks turn to *discrepancy*: 2A's grants to others against
#    kommunekassen's plus that line, and 2B part 2's own sum, whose printed total still holds the grant.
#    The book's estimates that rest on the grant move too (the self-financing, the property sale's
#    pairing), though their class stays *estimate*.

# %% tags=["hide-input"]
TABLE, LABEL, DELTA = inv.T1, "KK P11 Bybru", 1000

tried = checks.run(CH, get=checks.altered(TABLE, "actual_2023", DELTA, add=True, label=LABEL))
moved = inv.moved_checks(all_checks, tried)
units = [unit_name(u) if isinstance(u, str) else "" for u in moved["unit"]]
one_unit = len(set(units)) <= 1  # the unit once in the caption, or a column when the checks mix units
decimals = moved["decimals"].astype(int)
moved_view = pd.DataFrame({
    "Check": moved["what"].map(inv.spelled_out), **({} if one_unit else {"Unit": units}),
    "Printed": [fmt(v, d) for v, d in zip(moved["printed"], decimals, strict=True)],
    "Recomputed": [fmt(v, d) for v, d in zip(moved["recomputed"], decimals, strict=True)],
    "Difference (printed − recomputed)": [fmt_difference(v, d) for v, d in zip(moved["difference"], decimals, strict=True)],
    "Class": moved["status"]})  # fmt: skip
styled(moved_view, table_id="inv-try-moved", unit=units[0] if one_unit and units else None,
       caption=f"Checks that move when {LABEL} gets {fmt(DELTA, 0, sign=True)} (difference = printed − recomputed; "
       "class before → after)")  # fmt: skip
