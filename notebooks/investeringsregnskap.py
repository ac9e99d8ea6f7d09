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
# its tables are on the {doc}`data page <../book/data>`.
#
# A Norwegian municipality keeps two accounts side by side. The {term}`Driftsregnskap` (operating
# account) holds what the services cost and earn year by year. The {term}`Investeringsregnskap`
# (investment account) holds what is built or bought to last (schools, roads, water pipes, a new
# bridge), shares in companies, and the loans the municipality passes on to its residents. The
# investment account has to balance: what is spent is financed by loans, grants, sales, the refund of
# VAT, a transfer from the operating account or money set aside in funds. What is left unfinanced is
# carried forward as *uncovered* ({term}`Udekket`) and must be covered in later years.
#
# The report names two bodies that invest (line 2769): the municipal treasury, {term}`Kommunekassen`, and
# the municipality's property company {term}`Drammen Eiendom KF`, a {term}`Kommunalt foretak` that manages,
# runs and develops the municipality's own buildings (lines 4539–4540); the tables also hold one project line of a second enterprise, the
# swimming baths Drammensbadet KF. The report's tables are in NOK thousand (*Beløp i 1000*), and so are their
# reproductions here; the text, the charts and the book's own tables use NOK million. Signs are those of the
# accounts (expenditure positive, income and financing negative). The chapter first tells what
# happened in 2023 and why, then rebuilds each of the report's investment tables and checks that they
# agree with one another and with what its text says.

# %% tags=["hide-input"]

import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from aarsevaluering import checks, findings, style
from aarsevaluering.checks import from_disk as get
from aarsevaluering.fmt import fmt, fmt_million
from aarsevaluering.identities import investeringsregnskap as inv
from aarsevaluering.prose import Figures
from aarsevaluering.tables import checks_table, styled

txt = Figures()  # every figure the prose prints, shown there as {eval}`txt.<name>`
style.use_book_style()
CH = "investeringsregnskap"
all_checks = checks.run(CH)


def put(key, text):
    """Keep a pre-formatted number for the prose, shown there as {eval}`txt.<key>`."""
    txt[key] = text


def section_checks(key, *identities):
    """The checks the named identities make, with their count line kept as txt.<key>_summary."""
    section = all_checks[all_checks["check_id"].isin(checks.run(CH, only=identities)["check_id"])]
    put(f"{key}_summary", findings.summary_line(section, None if key == "dk" else SALE_ELSEWHERE))
    return section


SALE_FINDING = "inv-dekf-sale-lines"  # shown once, where the chapter first reads the property sale
SALE_ELSEWHERE = {SALE_FINDING: "with the enterprises' part"}
sale_is_estimate = any(f.finding_id == SALE_FINDING and f.is_estimate for f in findings.load(CH))
put("sale_entry", "the book's estimate" if sale_is_estimate else "the finding")  # what the sale's box is


def show_findings(section, keep_sale=False):
    """The findings of a section's checks as boxes (the property sale's only where it arises)."""
    return findings.show(section, all_checks, None if keep_sale else SALE_ELSEWHERE)


def pct(part, whole, decimals=1):
    return fmt(100 * part / whole, decimals, "percent")


# %% tags=["hide-input"]
a2 = get(inv.T2A)
dk = get(inv.TDK)
prose = inv.prose_table(get).set_index("label")


def said(label):
    """A figure of the report's text, formatted as printed (its unit and decimals)."""
    row = prose.loc[label]
    return fmt(row["value"], int(row["decimals"]), row["unit"])


expenditure = inv.value(a2, "actual_2023", label="Sum investeringsutgifter")
put("expenditure_2023", fmt_million(expenditure))
put("expenditure_revised", fmt_million(inv.value(a2, "revised_budget_2023", label="Sum investeringsutgifter")))
put("expenditure_original", fmt_million(inv.value(a2, "original_budget_2023", label="Sum investeringsutgifter")))
put("income_2023", fmt_million(-inv.value(a2, "actual_2023", label="Sum investeringsinntekter")))
put("fixed_2023", fmt_million(inv.value(a2, "actual_2023", label="Investeringer i varige driftsmidler")))
put("shares_2023", fmt_million(inv.value(a2, "actual_2023", label="Investeringer i aksjer og andeler i selskaper")))
put("loans_2023", fmt_million(-inv.value(a2, "actual_2023", label="Bruk av lån")))
put("repayment_2023", fmt_million(inv.value(a2, "actual_2023", label="Avdrag på lån")))
uncovered = inv.value(a2, "actual_2023", row_kind="total")
put("uncovered", fmt_million(uncovered))
put("uncovered_thousand", fmt_million(uncovered))
for label in ("kk_investment_expenditure_actual", "kk_investment_expenditure_overspend", "kk_investment_income_actual",
              "kk_investment_income_excess", "kk_uncovered_carried_forward", "unbudgeted_share_sales",
              "vat_compensation_shortfall", "vat_withheld_bane_nor", "p11_cooperation_projects_overspend_gross",
              "p11_cooperation_projects_overspend_net", "p09_vassenga_unused", "dekf_property_sale_booked_as_loans",
              "dekf_property_sale_booked_as_grants", "dekf_property_sale_budgeted",
              "grants_from_others_excess_excl_dekf_sale", "p11_cooperation_budget_entered_by_mistake",
              "p11_cooperation_budget_intended", "p11_cooperation_budget_missing"):  # fmt: skip
    put(f"said_{label}", said(label))
areas = inv.kk_area_overspend(get).set_index("programme_area")["overspend"]
put("kk_p11_over", fmt_million(areas["P11"]))
put("kk_p12_over", fmt_million(areas["P12"]))
put("no_project_brief", fmt_million(inv.value(get(inv.T1), "actual_2023", label=inv.NO_PROJECT)))
put("said_nee_settlement", said("nee_settlement_booked"))
put("kk_p11_p12_share", pct(areas["P11"] + areas["P12"], areas[areas > 0].sum(), 0))
# The overspend the report prints (113.2) against the tables' figure: name a cut where it first appears.
over = all_checks.set_index("check_id").loc["inv_prose.kk_investment_expenditure_overspend"]
over_tables = fmt(over["recomputed"], 1, "NOK million")
put("kk_overspend_note", {checks.TRUNCATED: f" (the report cuts the tables' {over_tables} at its last digit)",
                          checks.DISCREPANCY: f" (the tables give {over_tables})"}.get(over["status"], ""))  # fmt: skip
ratio = min(areas["P11"], areas["P12"]) / max(areas["P11"], areas["P12"])
put(
    "p11_p12_balance", "and about equally" if ratio > 0.8 else "P11 more" if areas["P11"] > areas["P12"] else "P12 more"
)

# %% [markdown]
# ## The year in brief
#
# Kommunekassen and the municipal enterprises together recorded {eval}`txt.expenditure_2023` of
# *investment expenditure* and {eval}`txt.income_2023` of *investment income* in 2023 (statement 2A), both
# gross: besides {eval}`txt.fixed_2023` of fixed assets, the expenditure holds {eval}`txt.shares_2023` of
# shares and holdings and {eval}`txt.repayment_2023` of debt repaid (*Avdrag på lån*), and the income
# counts {eval}`txt.loans_2023` of loan money used (*Bruk av lån*, not the year's new borrowing). The year
# closed with {eval}`txt.uncovered` unfinanced, carried forward to later years, almost all of it
# kommunekassen's.
#
# Kommunekassen's own statement (lines 3043–3051) gives investment expenditure of
# {eval}`txt.said_kk_investment_expenditure_actual`, {eval}`txt.said_kk_investment_expenditure_overspend`
# above the revised budget{eval}`txt.kk_overspend_note`; income of
# {eval}`txt.said_kk_investment_income_actual`, {eval}`txt.said_kk_investment_income_excess` above it; and
# {eval}`txt.said_kk_uncovered_carried_forward` uncovered. The report places the overspend mainly in roads
# and transport (P11) and water, sewage and waste (P12) (line 3054), {eval}`txt.p11_p12_balance`:
# kommunekassen's project lines in 2B overspent by {eval}`txt.kk_p11_over` in P11 and
# {eval}`txt.kk_p12_over` in P12, {eval}`txt.kk_p11_p12_share` of its areas' overspending. Culture (P09)
# and administration (P14) spent less: the cooling plant at Vassenga ({eval}`txt.said_p09_vassenga_unused`,
# all unused) was postponed when its forecast cost exceeded its frame, and digitalisation projects were
# delayed. A further {eval}`txt.no_project_brief` was spent with no budget and on no project (2B's
# *Prosjekt mangler*, line 3124), which the book reads as land received in kind (below).
#
# In P11 the cooperation projects with developers and others overspent by
# {eval}`txt.said_p11_cooperation_projects_overspend_gross` gross and
# {eval}`txt.said_p11_cooperation_projects_overspend_net` net of the partners' grants, which, the report
# says, widen a project's frame (*investeringsramme*) beyond what the council granted (lines 3061–3062);
# it cites no council decision for that, and whether one is needed is the book's question. A budget of
# {eval}`txt.said_p11_cooperation_budget_entered_by_mistake` was entered by mistake where
# {eval}`txt.said_p11_cooperation_budget_intended` was meant, and how the missing
# {eval}`txt.said_p11_cooperation_budget_missing` were to be financed was never decided. In P12 some
# projects progressed faster than budgeted (lines 3069–3072). On the income side, shares were sold for
# {eval}`txt.said_unbudgeted_share_sales` more than budgeted, most of it the settlement of the wound-up
# Nedre Eiker Eiendomsutvikling AS ({eval}`txt.said_nee_settlement`, line 4474); Drammen Eiendom KF's
# property sale brought kommunekassen grants and loans; and the refund of VAT fell
# {eval}`txt.said_vat_compensation_shortfall` short, largely over Bane NOR's invoices, which do not state
# the VAT ({eval}`txt.said_vat_withheld_bane_nor` held back).
#
# ### Why the year ended uncovered
#
# Kommunekassen's revised budget balances (its four blocks add to zero), so the amount left uncovered is
# the sum of how far each line of its statement (lines 2855–3039) ended from its budget. The figure below groups
# those deviations by cause, following the report's explanations (lines 3053–3105) where it gives them;
# the grouping is the book's, and so is the arithmetic listed under the figure.

# %% tags=["hide-input"]
bal_prose = get("bal_prose_figures").set_index("label")
causes = inv.uncovered_by_cause(get)
effect = causes.set_index("key")["effect"]
other_lines = causes.attrs["other_lines"]
bridge = inv.uncovered_bridge(get)
blocks = bridge[bridge["row_kind"] == "subtotal"].set_index("block")["effect"]
lines = bridge[bridge["row_kind"] == "item"].set_index("label")["effect"]
parts = causes.attrs["parts"]
for key in ("overspend", "vat"):
    put(f"cause_{key}", fmt_million(effect[key]))
put("cause_relending", fmt_million(abs(effect["relending"])))
put("cause_relending_way", "took" if effect["relending"] < 0 else "added")
put("cause_relending_dir", "off" if effect["relending"] < 0 else "to")
put("cause_partners", fmt_million(-effect["partners"]))
put("cause_grants_above", fmt_million(-parts["grants_above_budget"]))
put("cause_partners_set_aside", fmt_million(parts["partners_set_aside"]))
put("cause_startloan", fmt_million(parts["startloan_set_aside"]))
put("cause_bound_use", fmt_million(parts["bound_use"]))
put("cause_bound_prov_actual", fmt_million(parts["bound_provisions"]))
put("cause_bound_use_actual", fmt_million(parts["bound_use_actual"]))
fund_growth = parts["bound_provisions"] - parts["bound_use_actual"]
put("cause_fund_growth", fmt_million(fund_growth))
put("cause_fund_growth_said", fmt(bal_prose.loc["bound_investment_funds_increase_2023", "value"], 0, "NOK million"))
said_growth = bal_prose.loc["bound_investment_funds_increase_2023", "value"]  # «nesten 123 millioner», line 3618
put(
    "cause_fund_growth_fits",
    "which fits" if said_growth - 1 < fund_growth / 1000 <= said_growth else "which does not fit",
)
put("relending_budget", fmt_million(inv.dk_section_value(dk, "Netto utgifter videreutlån", "revised_budget_2023")))
put("relending_unmade", fmt_million(parts["unmade_net_lending"]))
put("lending_revised", fmt_million(parts["lending_revised"]))
put("borrowing_revised", fmt_million(-inv.dk_value(dk, inv.RELENDING_LINES["borrowed"], "revised_budget_2023")))
put("lent_actual", fmt_million(inv.dk_value(dk, inv.RELENDING_LINES["lent"], "actual_2023")))
put("lending_short", fmt_million(parts["lending_short"]))
put("lending_short_pct", pct(parts["lending_short"], parts["lending_revised"], 0))
lent_net = sum(inv.dk_value(dk, inv.RELENDING_LINES[k], "actual_2023") for k in ("lent", "borrowed"))
put("borrowed_as_lent", "the loan money used for it was booked at the same amount"
    if lent_net == 0 else f"the loan money used for it differed from the lending by {fmt_million(abs(lent_net))}")  # fmt: skip
put("repayments_above", fmt_million(parts["repayments_above"]))
put("instalments_below", fmt_million(parts["instalments_below"]))
said_gap = parts["startloan_said"] - parts["startloan_set_aside"]
put("startloan_said_gap", fmt(abs(said_gap) / 1000, 1, "NOK million"))
put("startloan_said_dir", "more" if said_gap > 0 else "less")
put("bound_use_budget", fmt_million(-inv.dk_value(dk, "Bruk av bundne investeringsfond", "revised_budget_2023")))
put("cause_land", fmt_million(-effect["land"]))
put("cause_net_overspend", fmt_million(effect["overspend"] + effect["land"] + effect["partners"]))
two = effect["overspend"] + effect["land"] + effect["partners"] + effect["vat"]
put("cause_two", fmt_million(two))
put("cause_two_vs_total", "more" if two > effect["total"] else "less")
put("cause_shares_gross", fmt_million(-lines["Salg av finansielle anleggsmidler"]))
put("cause_moved", fmt(inv.drift_prose(get, inv.TRANSFER_REDUCTION), 0, "NOK million"))
put("cause_shares_net", fmt_million(-effect["shares"]))
nee_cash = inv.prose(get, "nee_settlement_booked") - inv.prose(get, "nee_settlement_land_in_kind")
put("nee_cash", fmt(nee_cash, 1, "NOK million"))
nee_beyond = nee_cash - inv.drift_prose(get, inv.TRANSFER_REDUCTION)
put("nee_beyond", fmt(abs(nee_beyond), 1, "NOK million"))
put("nee_beyond_dir", "more" if nee_beyond > 0 else "less")
small_sales = sum(inv.prose_million(get, k) for k in ("share_sale_norsk_rorsenter", "share_sale_svelviksposten"))
put("small_sales", fmt(1000 * small_sales, 0, "NOK 1000"))
put("cause_sale", fmt_million(-effect["sale"]))
put("cause_relending_block", fmt_million(-blocks["Relending (net)"]))
no_project_spent = inv.value(get(inv.T1), "actual_2023", label=inv.NO_PROJECT)
vat_gap = inv.prose(get, "vat_withheld_bane_nor") - inv.prose(get, "vat_compensation_shortfall")
put("vat_without_dispute", fmt(abs(vat_gap), 1, "NOK million"))
put("vat_without_dispute_dir", "above" if vat_gap > 0 else "below")
put("no_project_line_early", fmt(no_project_spent, 0, "NOK 1000"))
put("cause_unbound", fmt_million(-other_lines["unbound_provision"]))
own_repaid_budget = -inv.dk_value(dk, "Mottatte avdrag på utlån av egne midler", "revised_budget_2023")
put("unbound_matches_repaid", "the same amount as" if own_repaid_budget == -other_lines["unbound_provision"]
    else "not the same amount as")  # fmt: skip
put("own_repaid_budget", fmt_million(own_repaid_budget))
unbound_fund = get("bal_fund_reserves").set_index("label").loc["Ubundne investeringsfond"]
put("unbound_fund_end", fmt_million(unbound_fund["balance_2023"]))
put("cause_fixed_sales", fmt_million(-other_lines["fixed_asset_sales"]))
put("cause_other", fmt_million(abs(effect["other"])))
put("cause_other_way", "take" if effect["other"] < 0 else "add")
put("cause_other_dir", "off" if effect["other"] < 0 else "")
put("dk_uncovered", fmt_million(blocks.sum()))
put("cause_total", fmt_million(effect["total"]))
put(
    "relending_net_printed",
    fmt_million(-inv.value(get(inv.TDK), "actual_2023", label="Sum netto utgifter videreutlån")),
)
for key, block in (("exp", "Investment expenditure"), ("inc", "Investment income"), ("rel", "Relending (net)"),
                   ("fund", "Transfer from operations and funds (net)")):  # fmt: skip
    put(f"bridge_{key}", fmt_million(abs(blocks[block])))
put("startloan_to_fund", fmt(bal_prose.loc["startloan_extra_repayments_to_bound_investment_fund_2023", "value"], 1,
                             "NOK million"))  # fmt: skip
put("sl_text", said("startloan_lending_said"))
sl_gap = 1000 * inv.prose(get, "startloan_lending_said") - inv.dk_value(dk, inv.RELENDING_LINES["lent"], "actual_2023")
put("sl_text_gap", fmt(abs(sl_gap) / 1000, 1, "NOK million"))
put("sl_text_dir", "more" if sl_gap > 0 else "less")
# Kommunekassen's use of loans above its budget, against the sale's part the report books there (line 3091).
loans_above = -lines["Bruk av lån"]
sale_loans_said = inv.prose(get, "dekf_property_sale_booked_as_loans")
put("kk_borrowing_vs_budget", "no more loan money than its budget and" if round(loans_above / 1000, 1) == sale_loans_said
    else f"{fmt_million(loans_above)} more loan money than its budget, against")  # fmt: skip
put("kk_borrowing_tail", "no further loan covered the overspend" if round(loans_above / 1000, 1) <= sale_loans_said
    else "the rest of the extra loan money went to other spending")  # fmt: skip

# %% mystnb={"figure": {"caption": "Why kommunekassen's year ended uncovered: its deviations from the revised budget grouped by cause, in NOK million (+ adds to the uncovered amount), adding up, to rounding, to the amount carried forward. The grouping is the book's, on the report's explanations. Hatched bars rest on the book's readings: the land received in kind, the partners' grants net of what was set aside, the VAT shortfall (a cause only if the Bane NOR invoices are booked in full) and relending with the funds. The list below gives each bar's arithmetic.", "name": "fig-investeringsregnskap-uncovered"}, "image": {"alt": "Horizontal waterfall chart in NOK million. Spending above budget adds 113.3; the land received in kind in a company's settlement takes 16.5 back off (hatched, the book's reading); partners' grants used, above budget less the contributions set aside, take away 31.4 (hatched, the book's estimate); the VAT compensation shortfall adds 38.2 (hatched: a cause only if the disputed invoices are booked in full); relending and the restricted funds together take away 12.9 (hatched, the book's grouping); share sales in money beyond the moved dividend take away 1.3, the property sale above budget 4.7 and other lines 9.0; the uncovered amount carried forward is 75.6."}} tags=["hide-input"]
short = {"overspend": "Spending above budget", "land": "Land received in kind (Miletomta)",
         "partners": "Partners' grants used", "vat": "VAT short of budget (if booked gross)",
         "relending": "Relending and funds", "shares": "Share sales' money beyond the dividend",
         "sale": "Property sale above its budget", "other": "Other lines", "total": "Carried forward uncovered"}  # fmt: skip
fig, ax = style.figure(height=4.3)
ESTIMATED = {"land", "partners", "vat", "relending"}  # bars that rest on the book's readings: hatched
style.waterfall(ax, [(short[k], v / 1000, "total" if k == "total" else "estimate" if k in ESTIMATED else "")
                     for k, v in zip(causes["key"], causes["effect"], strict=True)], up_is_favourable=False)  # fmt: skip
ax.set_xlabel("NOK million (+ adds to the uncovered amount)")
ax.set_title("Kommunekassen's deviations from budget, by cause")
style.finish(fig, table="inv_dk_blocks and inv_prose_figures")
plt.show()

# %% [markdown]
# Each bar, in the figure's order:
#
# - **Spending and the land.** Spending ran {eval}`txt.cause_overspend` over budget, but
#   {eval}`txt.cause_land` of it cost no money: that much of Nedre Eiker Eiendomsutvikling AS's settlement
#   was land, part of the Miletomta site (lines 4533–4535). The report gives only the income side; the book
#   reads the land as booked both as a sale of shares and as spending, on 2B's *Prosjekt mangler*
#   ({eval}`txt.no_project_line_early`, by amount), so the two cancel.
# - **Partners' grants.** Without the property sale, grants from others came in
#   {eval}`txt.cause_grants_above` above budget, money the report ties to the P11 and P12 projects (lines
#   3095–3098). Not all of it was spent: the provisions to restricted funds ran over budget too, mainly
#   (*først og fremst*) with start-loan repayments and partners' unused contributions (lines 3618–3625).
#   The book counts the first as the relending block's surplus, {eval}`txt.cause_startloan`, and the rest of
#   the overrun, {eval}`txt.cause_partners_set_aside`, in full as partners' money set aside (the report
#   gives no amount). Net, the partners' grants took {eval}`txt.cause_partners` off, leaving
#   {eval}`txt.cause_net_overspend` of the overspend without the land.
# - **VAT.** The refund fell {eval}`txt.cause_vat` short, largely because Bane NOR's invoices do not state
#   the VAT; the municipality paid the net amounts and held back {eval}`txt.said_vat_withheld_bane_nor`
#   (lines 3101–3105). Whether the shortfall adds to the uncovered amount depends on how the invoices are
#   booked, which the report does not say. Booked in full, with the amount held back as a debt, it does,
#   as the figure counts it: without the dispute the refund would then have ended about
#   {eval}`txt.vat_without_dispute` {eval}`txt.vat_without_dispute_dir` budget (the book's arithmetic), and
#   the net overspend and the VAT shortfall together come to {eval}`txt.cause_two`, {eval}`txt.cause_two_vs_total` than the
#   {eval}`txt.cause_total` carried forward. Booked net, the dispute changed nothing.
# - **Relending and funds** {eval}`txt.cause_relending_way` {eval}`txt.cause_relending`
#   {eval}`txt.cause_relending_dir`. The revised budget planned a net outlay of {eval}`txt.relending_budget`
#   on relending and a use of {eval}`txt.bound_use_budget` of restricted funds, which the book reads as a
#   pair and groups. The relending block ended {eval}`txt.cause_relending_block` better than budgeted:
#   {eval}`txt.relending_unmade` of net lending was never made ({eval}`txt.lent_actual` lent on against
#   {eval}`txt.lending_revised` budgeted, {eval}`txt.lending_short` or {eval}`txt.lending_short_pct` less,
#   and {eval}`txt.borrowed_as_lent`; the line counts loan money used, budgeted at
#   {eval}`txt.borrowing_revised`, not the year's borrowing), and the other
#   {eval}`txt.relending_net_printed` is the block's surplus, repayments received
#   {eval}`txt.repayments_above` above budget and instalments paid {eval}`txt.instalments_below` below. Less
#   was drawn from the funds ({eval}`txt.cause_bound_use` below budget; the report does not say why).
# - **Share sales.** Shares were sold for {eval}`txt.cause_shares_gross` more than budgeted (lines
#   3085–3086): the Nedre Eiker settlement, {eval}`txt.said_nee_settlement` (line 4474), and two small
#   sales of {eval}`txt.small_sales` together (lines 4519 and 4525). Less the land, the settlement brought
#   {eval}`txt.nee_cash` in money, of which the operating budget had expected {eval}`txt.cause_moved` as a
#   dividend: booked as a sale of shares instead, it cut the transfer from operations by as much (lines
#   2544–2549 and 2667–2671). Beyond that the sales brought {eval}`txt.cause_shares_net`:
#   {eval}`txt.nee_beyond` {eval}`txt.nee_beyond_dir` from the settlement than expected, and the small sales.
# - **Property sale.** Drammen Eiendom KF's sale brought {eval}`txt.cause_sale` more than its budget (lines
#   3089–3091). Kommunekassen used {eval}`txt.kk_borrowing_vs_budget` the
#   {eval}`txt.said_dekf_property_sale_booked_as_loans` of the sale relent from the loan fund:
#   {eval}`txt.kk_borrowing_tail`.
# - **Other lines** {eval}`txt.cause_other_way` {eval}`txt.cause_other` {eval}`txt.cause_other_dir`:
#   chiefly a provision to the unrestricted investment fund budgeted at {eval}`txt.cause_unbound` and not
#   made, and {eval}`txt.cause_fixed_sales` of unbudgeted sales of fixed assets. The provision was budgeted
#   at {eval}`txt.unbound_matches_repaid` the expected repayments on loans of the municipality's own money
#   ({eval}`txt.own_repaid_budget`), and the fund still held {eval}`txt.unbound_fund_end` at the year's end
#   (line 3597); the book reads leaving it out as a closing step forced by the deficit, not a cause of it
#   (the report does not say).
#
# On relending, the report gives no reason for the smaller lending, but notes that higher interest and living costs leave fewer households
# able to service a loan (line 5700), which the book reads as a likely one. It says that extraordinary
# repayments and redeemed start loans of {eval}`txt.startloan_to_fund` were set aside for new lending (lines
# 3620–3621), {eval}`txt.startloan_said_gap` {eval}`txt.startloan_said_dir` than the block's surplus (a
# finding of the balance chapter); that the two are the same money is the book's reading, since the surplus
# is all that borrowers repaid, ordinary instalments included, less the instalments on the loans behind
# them. And the funds grew by {eval}`txt.cause_fund_growth` (provisions of {eval}`txt.cause_bound_prov_actual`
# less use of {eval}`txt.cause_bound_use_actual`), {eval}`txt.cause_fund_growth_fits` the «nesten»
# (almost) {eval}`txt.cause_fund_growth_said` of line 3618.
#
# By accounting block the same deviations read: expenditure {eval}`txt.bridge_exp` over budget, income
# {eval}`txt.bridge_inc` above it, relending {eval}`txt.bridge_rel` better, and the transfer from
# operations and the funds {eval}`txt.bridge_fund` short (the table behind the toggle), adding to the same
# {eval}`txt.dk_uncovered` (the report's text: {eval}`txt.said_kk_uncovered_carried_forward`). An
# uncovered investment amount has to be covered in the next year's budget, as the regulations on the
# budget and accounts require (the book's reading of the *forskrift om økonomiplan, årsbudsjett,
# årsregnskap og årsberetning*, which the report names at line 2487 for the loan fund); the report says
# neither how nor when the {eval}`txt.cause_total` will be covered.

# %% tags=["hide-input", "hide-output"]
bridge_view = bridge.assign(label=[("" if k == "subtotal" else "· ") + lab
                                   for k, lab in zip(bridge["row_kind"], bridge["label"], strict=True)])  # fmt: skip
styled(bridge_view, table_id="inv-uncovered-bridge", total_mask=bridge_view["row_kind"] == "subtotal",
       caption="Kommunekassen 2023: each block and line, revised budget, actual and the effect on the uncovered "
               "amount (actual − revised budget), NOK thousand",
       columns={"label": "Block / line", "revised_budget_2023": "Rev. budget", "actual_2023": "Actual",
                "effect": "Effect"})  # fmt: skip

# %% [markdown]
# ### Two bodies, opposite deviations
#
# Statement 2A adds the municipal enterprises to kommunekassen, and in the sum their deviations from
# budget partly cancel. Subtracting kommunekassen's blocks from 2A line by line leaves the enterprises'
# part (the book's subtraction; the report prints no statement for them here): Drammen Eiendom KF's, and
# the one 2B line of the swimming baths, Drammensbadet KF, which is small (see *Kommunekassen alone*
# below).

# %% tags=["hide-input"]
bodies = inv.body_deviations(get).set_index("label")
put("dev_exp_all", fmt_million(bodies.loc["Sum investeringsutgifter", "all"]))
put("dev_exp_kk", fmt_million(bodies.loc["Sum investeringsutgifter", "kk"]))
put("dev_exp_dekf", fmt_million(-bodies.loc["Sum investeringsutgifter", "dekf"]))
put("dev_inc_kk", fmt_million(-bodies.loc["Sum investeringsinntekter", "kk"]))
put("dev_inc_dekf", fmt_million(-bodies.loc["Sum investeringsinntekter", "dekf"]))
put("dev_fund_dekf", fmt_million(bodies.loc["Sum overføring fra drift og netto avsetninger", "dekf"]))
put("dev_unc_dekf", fmt(bodies.loc["Fremført til inndekning i senere år (udekket)", "dekf"], 0, "NOK 1000"))
dekf_exp = inv.dekf_expenditure_parts(get)
put("dekf_fixed_under", fmt_million(-dekf_exp["fixed"]))
put("dekf_fixed_under_pct", pct(-dekf_exp["fixed"], dekf_exp["fixed_revised"], 0))
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

# %% mystnb={"figure": {"caption": "Actual minus revised budget 2023 by section of statement 2A, for kommunekassen (its own blocks) and for the enterprises, Drammen Eiendom KF with Drammensbadet KF's one line (2A minus those blocks), in NOK million. Signs follow the accounts: + adds to the uncovered amount (spending above budget, income below it, or more set aside), drawn vermilion; \u2212 reduces it, blue.", "name": "fig-investeringsregnskap-bodies"}, "image": {"alt": "Two panels of horizontal bars, kommunekassen on the left and the enterprises (Drammen Eiendom KF with Drammensbadet KF) on the right, one row for each of the four sections of statement 2A, vermilion where the deviation adds to the uncovered amount and blue where it reduces it. Kommunekassen's investment expenditure is above budget while the enterprises' is below; both took in more income than budgeted; relending is kommunekassen's alone; in the transfer and funds section both ended above budget, kommunekassen because it received a smaller transfer from operations, drew less from its restricted funds and put more into them (while leaving out a budgeted provision to its unrestricted fund), the enterprises because they put more into their funds. The enterprises' deviations almost cancel out."}} tags=["hide-input"]
sections = bodies.drop(index="Fremført til inndekning i senere år (udekket)")
names = ["Investment expenditure", "Investment income", "Relending (net)", "Transfer and funds (net)"]
fig, axes = style.figure(1, 2, height=3.2, sharey=True)
low, high = sections[["kk", "dekf"]].min().min() / 1000, sections[["kk", "dekf"]].max().max() / 1000
for ax, column, body in zip(axes, ("kk", "dekf"), ("Kommunekassen", "Enterprises (DEKF, DBKF)"), strict=True):
    values = sections[column] / 1000  # + adds to the uncovered amount: unfavourable
    ax.barh(names, values, height=0.6, color=[style.UNFAVOURABLE if v > 0 else style.FAVOURABLE for v in values])
    for y, v in enumerate(values):
        ax.annotate(fmt(v, 1, sign=True), (v, y), xytext=(4 if v >= 0 else -4, 0), textcoords="offset points",
                    ha="left" if v >= 0 else "right", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
    ax.axvline(0, color=style.TEXT, linewidth=0.8)
    ax.set_xlim(low - 0.7 * (high - low), high + 0.35 * (high - low))  # one scale for both, room for the labels
    ax.set_title(body, fontsize=style.MIN_TEXT_PT + 1)  # each panel named by its body
    ax.grid(axis="y", visible=False)
axes[0].invert_yaxis()
fig.supxlabel("Actual − revised budget, NOK million\n(+ = overspend or shortfall: adds to the uncovered amount)",
              fontsize=style.MIN_TEXT_PT)  # fmt: skip
fig.suptitle("Kommunekassen overspent, the enterprises underspent", x=0.01, ha="left", fontweight="bold", fontsize=12)
style.finish(fig, table="inv_2a_financing")
plt.show()

# %% [markdown]
# In 2A, investment expenditure was {eval}`txt.dev_exp_all` above the revised
# budget. That figure hides two opposite movements: kommunekassen spent
# {eval}`txt.dev_exp_kk` more than budgeted, the enterprises
# {eval}`txt.dev_exp_dekf` less. Both took in more than budgeted
# (kommunekassen {eval}`txt.dev_inc_kk`, the enterprises
# {eval}`txt.dev_inc_dekf`). The enterprises drew {eval}`txt.dekf_fund_use_as_budgeted` from their funds,
# but put more into them: {eval}`txt.dekf_bound_prov` into restricted investment funds against a budget of
# {eval}`txt.dekf_bound_prov_budget`, and {eval}`txt.dekf_unbound_prov` unbudgeted into the unrestricted
# one, so that their funds section ended {eval}`txt.dev_fund_dekf` above budget and their deviations net to an
# uncovered amount of only {eval}`txt.dev_unc_dekf`.
# The net figure hides a larger gap on fixed assets: the enterprises invested {eval}`txt.dekf_fixed_under`
# less than budgeted in fixed assets, {eval}`txt.dekf_fixed_under_pct` of their revised budget of
# {eval}`txt.dekf_fixed_revised`, while their repayment of debt
# ({eval}`txt.dekf_repayment_unbudgeted`) and grant to kommunekassen ({eval}`txt.dekf_grant_unbudgeted`),
# both of which the book pairs with Drammen Eiendom KF's property sale, had no budget at all. The report's section on the
# municipal companies gives Drammen Eiendom KF's own figures: gross investment of
# {eval}`txt.said_dekf_company_gross_investment`, {eval}`txt.said_dekf_company_underspend` below the revised
# budget (lines 4552–4553), which the subtraction reproduces once Drammensbadet KF's line is taken out (a
# check below). It also says why: projects progressed more slowly than the budget assumed, among them
# Brandengen school (built, but the final settlement not made and the money for rehabilitating the old
# buildings used later), the interior rebuilding of Fredholt sheltered housing (to be finished in 2024)
# and Krokstad nursing home, whose remaining frame is kept for the construction-loan interest until it is
# finished in 2028 (lines 4553–4565).
#
# ### How the budget grew during the year

# %% tags=["hide-input"]
growth = inv.budget_growth(get).set_index("label")
total_growth = growth.loc["Sum investeringsutgifter"]
put("growth_total", fmt_million(total_growth["change"]))
put("growth_pct", pct(total_growth["change"], total_growth["original_budget_2023"]))
put("growth_shares", fmt_million(growth.loc["Investeringer i aksjer og andeler i selskaper", "change"]))
put("growth_fixed", fmt_million(growth.loc["Investeringer i varige driftsmidler", "change"]))
put("growth_kk", fmt_million(growth.loc["of which kommunekassen (DK)", "change"]))
enterprises_growth = growth.loc["of which the enterprises, DEKF and DBKF (2A − DK)", "change"]
put("growth_dekf", fmt_million(enterprises_growth))
dbkf_line = get(inv.T1).query("executor == 'DBKF' and row_kind == 'item'")
dbkf_change = (dbkf_line["revised_budget_2023"] - dbkf_line["original_budget_2023"]).sum()
put("growth_dbkf_part", "all of it Drammen Eiendom KF's: Drammensbadet KF's one line has the same budget in both"
    if dbkf_change == 0 else f"of which Drammensbadet KF's one line {fmt_million(dbkf_change)}")  # fmt: skip
eg = inv.enterprise_growth_sources(get)
put("eg_2022", fmt_million(eg["from_2022"]))
put("eg_2022_where", "{}: lines {}".format(
    ", ".join(label[:3].upper() for label in inv.DEKF_FROM_2022[:-1]) + " and " + inv.DEKF_FROM_2022[-1][:3].upper(),
    ", ".join(inv.prose_line(get, label) for label in inv.DEKF_FROM_2022)))  # fmt: skip
put("eg_funds", fmt_million(eg["from_funds"]))
put("eg_funds_where", f"{inv.DEKF_FROM_FUNDS[:3].upper()}, line {inv.prose_line(get, inv.DEKF_FROM_FUNDS)}")
put("eg_funds_match", "which is what the enterprises drew from restricted investment funds in 2A, budget and "
    "accounts alike" if eg["fund_use_revised"] == eg["fund_use_actual"]
    and round(eg["fund_use_actual"] / 1000, 1) == eg["from_funds"] / 1000
    else f"against {fmt_million(eg['fund_use_actual'])} the enterprises drew from restricted investment funds in 2A")  # fmt: skip
put("eg_rest", fmt_million(eg["not_named"]))
havn = inv.value(get(inv.T3), "revised_budget_2023", label="Aksjekapital Drammen Havn as")
put("havn", fmt_million(havn))
put("havn_sale_budget", fmt_million(-inv.value(a2, "revised_budget_2023", label="Salg av finansielle anleggsmidler")))
for label in ("upgrade_frames_per_year", "hso_housing_frame_per_year_proposed", "hso_housing_frame_2023"):
    put(f"said_{label}", said(label))
HSO = "DEKF Investeringer HSO i bolig, sykehjem og evnt. nytt helsehus."
put("hso_label", HSO.rstrip("."))  # the label's own full stop would end up before a semicolon
put("hso_revised", fmt_million(inv.value(get(inv.T1), "revised_budget_2023", label=HSO)))
put("hso_actual", fmt_million(inv.value(get(inv.T1), "actual_2023", label=HSO)))
hso_cut = inv.value(get(inv.T1), "original_budget_2023", label=HSO) - inv.value(
    get(inv.T1), "revised_budget_2023", label=HSO
)
new_lines = inv.hso_lines(get)
put("hso_cut", fmt_million(hso_cut))
put("hso_new_n", fmt(len(new_lines)))
put("hso_new_hdo", fmt(int(new_lines["label"].str.contains("(HDO)", regex=False).sum())))
put("hso_new_revised", fmt_million(new_lines["revised_budget_2023"].sum()))
put("hso_new_actual", fmt_million(new_lines["actual_2023"].sum()))
part1_all = get(inv.T1)
unbudgeted = part1_all[(part1_all["row_kind"] == "item") & (part1_all["executor"] == "DEKF")
                       & (part1_all["original_budget_2023"] == 0) & (part1_all["revised_budget_2023"] > 0)]  # fmt: skip
others = unbudgeted[~unbudgeted["label"].isin(new_lines["label"])]
put("hso_other_new", {0: "none", 1: "one more"}.get(len(others), fmt(len(others)) + " more"))
put("hso_other_labels", "; ".join(f"«{r.label}» ({fmt_million(r.revised_budget_2023)})" for r in others.itertuples()))
put("hso_match", "exactly" if new_lines["revised_budget_2023"].sum() == hso_cut else "not exactly")
put(
    "havn_iks",
    fmt_million(inv.value(get(inv.T3), "actual_2023", label="Selskapskapital Drammen Havn farvannsforvaltning IKS")),
)

# %% [markdown]
# The council's original budget planned {eval}`txt.expenditure_original` of
# investment expenditure; the revised budget allowed {eval}`txt.expenditure_revised`,
# {eval}`txt.growth_total` or {eval}`txt.growth_pct` more.
# The report says the budget was adjusted in the first four-month report ({term}`Tertialrapport`), when
# unused money of 2022 was
# granted again to projects under way, and revised in the second (lines 2765–2767); it prints no total
# here, but the programme areas' summaries name the 2022 money for several areas. Statement 2A shows where the
# growth went. Most of it is one
# purchase of shares: the revised budget added {eval}`txt.growth_shares` for
# shares and holdings, which 2B part 3 shows as share capital in Drammen Havn AS
# ({eval}`txt.havn`), and the same revised budget expects
# {eval}`txt.havn_sale_budget` from sales of shares, the very same amount. The report's section on the
# municipality's companies says that the intermunicipal harbour authority (Drammensregionens
# interkommunale havnevesen) was converted into Drammen Havn AS in 2023, with Drammen Havn
# Farvannsforvaltning IKS set up for its public duties (lines 4491–4492); 2B part 3 also lists
# {eval}`txt.havn_iks` of capital for that IKS. The book reads the equal purchase and sale as that
# conversion; the report does not tie them to these lines. Investment in fixed assets grew by
# {eval}`txt.growth_fixed`. Of the whole growth,
# {eval}`txt.growth_kk` was kommunekassen's and
# {eval}`txt.growth_dekf` the enterprises' ({eval}`txt.growth_dbkf_part`). For Drammen Eiendom KF the
# summaries name {eval}`txt.eg_2022` of unused 2022 money ({eval}`txt.eg_2022_where`) and
# {eval}`txt.eg_funds` of restricted funds used to buy rental housing for rent-to-own ({eval}`txt.eg_funds_where`),
# {eval}`txt.eg_funds_match` (the book's subtraction); the other {eval}`txt.eg_rest` they do not explain. The
# company left {eval}`txt.said_dekf_company_underspend` of its revised budget unused (line 4552).
#
# The budget itself rests on the council's guidelines of June 2022 for the plan 2023–26 (lines
# 2738–2751): no new large projects, the new city bridge first, and frames for upgrading and renewal
# of {eval}`txt.said_upgrade_frames_per_year` a year, with more investment beyond the frames to be
# financed, where possible (*søkes finansiert*), by other means than loans, such as sales of assets,
# Drammen Eiendom KF's discretionary fund and extraordinary dividends (lines 2751–2752). The tables carry no line for those frames, so the book can check neither. For housing and nursing homes under the committee
# for health, social affairs and care, the chief executive proposed
# {eval}`txt.said_hso_housing_frame_per_year_proposed` a year, but
# {eval}`txt.said_hso_housing_frame_2023` in 2023, when the projects were
# expected to start (lines 2757–2759). That is the original budget of Drammen Eiendom KF's 2B line
# *{eval}`txt.hso_label`*; the revised budget holds
# {eval}`txt.hso_revised` for it and the accounts
# {eval}`txt.hso_actual`. The amounts suggest that the money moved (the book's reading): the cut,
# {eval}`txt.hso_cut`, is {eval}`txt.hso_match` the revised budgets of {eval}`txt.hso_new_n` Drammen
# Eiendom KF lines for housing and care that had no original budget (the {eval}`txt.hso_new_hdo` lines
# marked HDO in P05 and P06, and the line for Krokstad nursing home's infrastructure),
# {eval}`txt.hso_new_revised` together, of which {eval}`txt.hso_new_actual` was spent. The book picked
# those lines by their names; {eval}`txt.hso_other_new` of the company's lines also had no original budget
# and got one during the year, {eval}`txt.hso_other_labels`, and it is not counted. The council's decision
# in 2023 to build Krokstad nursing home (line 17) and the conversion of Fredholt and Gulskogen into
# homes with round-the-clock care (line 20) fit the reading; the report does not describe the move.

# %% mystnb={"figure": {"caption": "Investment expenditure of statement 2A by line: original budget, revised budget and actual 2023, in NOK million.", "name": "fig-investeringsregnskap-budget-growth"}, "image": {"alt": "Grouped horizontal bars for the expenditure lines of statement 2A, each with original budget, revised budget and actual. Investment in fixed assets is the largest line and grew moderately; shares and holdings had almost no original budget and a large revised budget, matched by the actual; the remaining lines are small."}} tags=["hide-input"]
shown_growth = growth.loc[["Investeringer i varige driftsmidler", "Investeringer i aksjer og andeler i selskaper",
                           "Tilskudd til andres investeringer", "Utlån av egne midler", "Avdrag på lån"]]  # fmt: skip
short = ["Fixed assets", "Shares and holdings", "Grants to others", "Lending of own funds", "Repayment of loans"]
fig, ax = style.figure(height=3.8)
ypos = range(len(shown_growth))
ORIGINAL = "#e4e4e4"  # a lighter grey than the revised budget's: the earliest of three printed levels
for offset, column, colour, name in ((-0.27, "original_budget_2023", ORIGINAL, "Original budget"),
                                     (0.0, "revised_budget_2023", style.EARLIER, "Revised budget"),
                                     (0.27, "actual_2023", style.LEVEL, "Actual")):  # fmt: skip
    ax.barh([y + offset for y in ypos], shown_growth[column] / 1000, height=0.27, color=colour, label=name,
            edgecolor=style.LEVEL, linewidth=0.8)  # fmt: skip
ax.set_yticks(list(ypos), short)
ax.invert_yaxis()
ax.set_xlabel("NOK million")
ax.set_title("The budget grew mostly by one purchase of shares", pad=24)  # room for the legend above the axes
style.legend_above(ax)
ax.grid(axis="y", visible=False)
style.finish(fig, table="inv_2a_financing")
plt.show()

# %% tags=["hide-input"]
growth_view = inv.budget_growth(get)
styled(growth_view, table_id="inv-budget-growth", total_mask=growth_view["row_kind"] == "subtotal",
       caption="Investment expenditure (2A): original and revised budget, the change between them, and the "
               "actual 2023, NOK thousand",
       columns={"label": "2A line", "original_budget_2023": "Original", "revised_budget_2023": "Revised",
                "change": "Change", "actual_2023": "Actual"})  # fmt: skip

# %% [markdown]
# ## Statement 2A: both bodies together
#
# Statement 2A (*Status investering og finansiering*) is the investment account on one page, for
# kommunekassen and the enterprises together (the report names Drammen Eiendom KF, line 2769; one line is
# Drammensbadet KF's). It has four sections: investment expenditure,
# investment income, net {term}`Videreutlån` (relending: the {term}`Startlån` the municipality borrows
# to lend on to households), and the {term}`Overføring fra drift` (transfer from the operating
# account) together with provisions to and use of investment funds. The bottom line is what is carried
# forward as uncovered ({eval}`txt.uncovered_thousand` in 2023). The report
# says (line 2772) that Drammen Eiendom KF shows only 2023 figures; the 2022 column is therefore
# kommunekassen's alone. The statement is reproduced behind the toggles below.

# %% tags=["hide-input", "hide-output"]
styled(a2, table_id="inv-2a", total_mask=a2["row_kind"] != "item",
       caption="Status investering og finansiering (2A), 2023, NOK thousand (the 2022 column is in the next table)",
       columns={"label": "Beløp i 1000", "original_budget_2023": "Oppr. bud. 2023",
                "revised_budget_2023": "Rev. bud. 2023", "actual_2023": "Regnskap 2023"})  # fmt: skip

# %% tags=["hide-input", "hide-output"]
styled(a2, table_id="inv-2a-2022", total_mask=a2["row_kind"] != "item",
       caption="Status investering og finansiering (2A), Regnskap 2022 (kommunekassen alone), NOK thousand",
       columns={"label": "Beløp i 1000", "actual_2022": "Regnskap 2022"})  # fmt: skip

# %% tags=["hide-input"]
checks_2a = section_checks("s2a", "two_a_balances")

# %% [markdown]
# If the statement balances, each section's subtotal is the sum of its lines and the four subtotals
# add to the amount carried forward, in every column. {eval}`txt.s2a_summary`
# The differences are of one or two thousand kroner, what rounding each printed line to the thousand
# allows.

# %% tags=["hide-input", "hide-output"]
checks_table(checks_2a, table_id="inv-checks-2a", caption="Statement 2A: checks")

# %% [markdown]
# ## Kommunekassen alone, and the enterprises' part
#
# The report then prints the statement for kommunekassen alone, in four blocks, one per section, each
# repeating its sum in a *Totalsum* row. The columns are in another order (actual first, *Regnskap
# hiå.*, the accounts for the year to date, which at year end is the year) and there is no 2022 column.
# The blocks are the source of the story above; the full table is behind the toggle.

# %% tags=["hide-input", "hide-output"]
styled(dk, table_id="inv-dk", total_mask=dk["row_kind"] != "item",
       caption="Status investering og finansiering, Drammen kommunekasse, NOK thousand",
       columns={"label": "Delsum budsjett", "actual_2023": "Regnskap hiå.",
                "revised_budget_2023": "Revidert årsbudsjett", "original_budget_2023": "Opprinnelig budsjett"})  # fmt: skip

# %% tags=["hide-input"]
part = inv.dekf_part(get)
dekf = part.set_index("label")["actual_2023_dekf"]
for key, label, sign in (("fixed", "Investeringer i varige driftsmidler", 1), ("grant", "Tilskudd til andres investeringer", 1),
                         ("repayment", "Avdrag på lån", 1), ("sales", "Salg av varige driftsmidler", -1),
                         ("loans", "Bruk av lån", -1), ("vat", "Kompensasjon for merverdiavgift", -1),
                         ("grants_in", "Tilskudd fra andre", -1),
                         ("funds", "Sum overføring fra drift og netto avsetninger", 1)):  # fmt: skip
    put(f"dekf_{key}", fmt_million(sign * dekf[label]))
put("dekf_uncovered", fmt(dekf["Fremført til inndekning i senere år (udekket)"], 0, "NOK 1000"))
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
to_funds = dekf["Avsetninger til bundne investeringsfond"]
put("dekf_sales_gap_vs_funds", "close to" if abs(sales_gap - to_funds) < 0.05 * to_funds else "unlike")
checks_dk = section_checks("dk", "dk_blocks_add_up", "kommunekassen_and_dekf", "investment_and_other_chapters")

# %% [markdown]
# Subtracting kommunekassen's figures from 2A leaves the enterprises' part (the split is behind the toggles
# below). Two lines of 2A have
# no row in kommunekassen's blocks (*Avdrag på lån* and *Dekning av tidligere års udekket beløp*); they
# count as zero for kommunekassen. Read this way, the enterprises invested
# {eval}`txt.dekf_fixed` in fixed assets, {eval}`txt.dekf_fixed_kind` (all but
# {eval}`txt.dekf_not_property` on lines for buildings, homes and property purchases; the rest is equipment,
# charging points and *Diverse investeringer*), which is exactly the 2B project lines
# marked `DEKF` together with the single `DBKF` line of the municipal swimming baths, Drammensbadet KF
# ({eval}`txt.dbkf`): 2A holds Drammensbadet KF beside Drammen Eiendom KF. Without that line the
# subtraction gives Drammen Eiendom KF's gross investment as the report's section on the company prints
# it, {eval}`txt.said_dekf_company_gross_investment` (line 4552; checked in *What the text says*).
# The enterprises sold property for {eval}`txt.dekf_sales` (the report counts
# {eval}`txt.dekf_sales_printed` of property sales in Drammen Eiendom KF in its self-financing, line 2061;
# the difference, {eval}`txt.dekf_sales_gap`, is {eval}`txt.dekf_sales_gap_vs_funds` the
# {eval}`txt.dekf_bound_prov` the enterprises put into restricted funds, a likeness the report does not
# explain). The enterprises' part also holds {eval}`txt.dekf_repayment` of repayment of debt (*Avdrag på
# lån*, a line only 2A has) and a grant of {eval}`txt.dekf_grant` towards kommunekassen's investments (2B
# part 2, *Investering DEKF*); the book takes both to be Drammen Eiendom KF's. The report says that the property sale triggered an extraordinary repayment
# of debt to the loan fund, relent to kommunekassen, and that kommunekassen booked
# {eval}`txt.said_dekf_property_sale_booked_as_grants` of the sale under grants
# from others and {eval}`txt.said_dekf_property_sale_booked_as_loans` under use
# of loans (lines 3088–3093). It names those income lines only; that the company's grant and repayment
# are their counterparts is the book's pairing, by amount (see {eval}`txt.sale_entry`). The enterprises also
# used {eval}`txt.dekf_loans` of loan money, received
# {eval}`txt.dekf_vat` of VAT refund and {eval}`txt.dekf_grants_in`
# of grants, and put a net {eval}`txt.dekf_funds` into their funds. What they
# leave uncovered is {eval}`txt.dekf_uncovered`; kommunekassen's blocks alone
# add to {eval}`txt.kk_uncovered`. Relending, shares, the lending of own money
# and the transfer from operations print the same in 2A and in kommunekassen's blocks: they are
# kommunekassen's alone. The transfer from operations also agrees with the operating chapter's
# year-end dispositions. {eval}`txt.dk_summary`

# %% tags=["hide-input"]
sale_checks = all_checks[
    all_checks["check_id"].str.startswith(("inv_prose.dekf_property_sale", "inv_selffin.dekf_sales"))
]
show_findings(sale_checks, keep_sale=True)

# %% tags=["hide-input", "hide-output"]
part_actual = part[["label", "row_kind", "actual_2023_all", "actual_2023_kk", "actual_2023_dekf"]]
styled(part_actual, table_id="inv-dekf-part", total_mask=part_actual["row_kind"] != "item",
       caption="Statement 2A, actual 2023, split into kommunekassen (its own blocks) and the enterprises, "
               "Drammen Eiendom KF with Drammensbadet KF's one line (the difference), NOK thousand",
       columns={"label": "2A line", "actual_2023_all": "2A", "actual_2023_kk": "Kommunekassen",
                "actual_2023_dekf": "DEKF, DBKF"})  # fmt: skip

# %% tags=["hide-input", "hide-output"]
part_revised = part[
    ["label", "row_kind", "revised_budget_2023_all", "revised_budget_2023_kk", "revised_budget_2023_dekf"]
]
styled(part_revised, table_id="inv-dekf-part-revised", total_mask=part_revised["row_kind"] != "item",
       caption="Statement 2A, revised budget 2023, split the same way, NOK thousand",
       columns={"label": "2A line", "revised_budget_2023_all": "2A", "revised_budget_2023_kk": "Kommunekassen",
                "revised_budget_2023_dekf": "DEKF, DBKF"})  # fmt: skip

# %% tags=["hide-input", "hide-output"]
checks_table(checks_dk, table_id="inv-checks-dk", caption="Kommunekassen's blocks, 2A and the other chapters: checks")

# %% [markdown]
# ## Statement 2B: from projects to parts to 2A
#
# Statement 2B (*Status investeringer*) lists the expenditure side of 2A in four parts. Part 1,
# investment in fixed assets, runs project by project under each {term}`Programområde` (programme
# area), with a subtotal per area; the prefix of a project says who carries it out (`KK`
# kommunekassen, `DEKF` Drammen Eiendom KF, `DBKF` Drammensbadet KF). Parts 2 to 4 are short (each
# reproduced behind a toggle below): grants
# towards other parties' investments, shares and holdings, and loans of the municipality's own money;
# part 4 ends with the 2B total, *Sum del 1–4*.

# %% tags=["hide-input"]
p4 = get(inv.T4)
sum_parts = inv.value(p4, "actual_2023", label=inv.SUM_PARTS)
put("sum_parts", fmt_million(sum_parts))
put("gap_2b_2a", fmt_million(expenditure - sum_parts))
put("avdrag", fmt_million(inv.value(a2, "actual_2023", label="Avdrag på lån")))
byarea = inv.programme_budget_actual(get)
p11 = byarea.set_index("programme_area").loc["P11"]
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

# %% [markdown]
# The programme subtotals agree with their projects (exactly or within rounding)
# {eval}`txt.s2b_sub_off`, the part totals equal the 2A lines of the same name, and the four parts add to *Sum del 1–4*,
# {eval}`txt.sum_parts` in 2023. That is
# {eval}`txt.gap_2b_2a` less than 2A's investment expenditure, because 2A also
# holds *Avdrag på lån* ({eval}`txt.avdrag`), a repayment of debt that 2B does
# not list. Kommunekassen's own statement prints no such line; the book takes it to be Drammen Eiendom
# KF's extraordinary repayment after its property sale, which the report describes but does not tie to
# this line (lines 3091–3093). One block of spending has no project at all: *Prosjekt mangler* (on the
# book's reading the Miletomta land, see *Why the year ended uncovered*), {eval}`txt.no_project_line` on its line but
# {eval}`txt.no_project` in the one-line subtotal under it, the subtotal that
# does not agree (see the finding below).
# {eval}`txt.s2b_summary` By programme area, roads and transport (P11)
# dominate, with {eval}`txt.p11_actual` spent against a revised budget of
# {eval}`txt.p11_revised`; the new city bridge (*Bybru*) alone took
# {eval}`txt.bybru`.

# %% mystnb={"figure": {"caption": "Revised budget and actual 2023 by programme area, in NOK million (2B part 1, both bodies); the spending on no project is, on the book's reading, the land received in kind from Nedre Eiker Eiendomsutvikling AS.", "name": "fig-investeringsregnskap-areas"}, "image": {"alt": "Horizontal bar chart of revised budget and actual investment in 2023 for each programme area of 2B part 1. P11 Utbygging og samferdsel is by far the largest and, with P12 Vann, avl\u00f8p og renovasjon, spent more than its budget; most other areas spent less than budgeted. A bar for spending on no project (Prosjekt mangler) has no budget and an actual of 16.5."}} tags=["hide-input"]
fig, ax = style.figure(height=7.0)
order = byarea.iloc[::-1].reset_index(drop=True)
ypos = range(len(order))
ax.barh([y + 0.2 for y in ypos], order["revised_budget_2023"] / 1000, height=0.4, color=style.EARLIER,
        label="Revised budget 2023")  # fmt: skip
ax.barh([y - 0.2 for y in ypos], order["actual_2023"] / 1000, height=0.4, color=style.LEVEL, label="Actual 2023")
ax.set_yticks(list(ypos), order["area"])
ax.set_xlabel("NOK million")
ax.set_title("P11 and P12 spent more than budgeted", pad=24)  # room for the legend above the axes
style.legend_above(ax)
ax.grid(axis="y", visible=False)
style.finish(fig, table="inv_2b_fixed_assets")
plt.show()

# %% tags=["hide-input", "hide-output"]
styled(p1, table_id="inv-2b-part1", total_mask=p1["row_kind"] != "item",
       caption="Status investeringer (2B), 1. Investeringer i varige driftsmidler, NOK thousand",
       columns={"label": "Prosjekt", "actual_2022": "Regnskap 2022", "original_budget_2023": "Oppr. bud. 2023",
                "revised_budget_2023": "Rev. bud. 2023", "actual_2023": "Regnskap 2023"})  # fmt: skip

# %% tags=["hide-input", "hide-output"]
b_columns = {"label": "Beløp i 1000", "actual_2022": "Regnskap 2022", "original_budget_2023": "Oppr. bud. 2023",
             "revised_budget_2023": "Rev. bud. 2023", "actual_2023": "Regnskap 2023"}  # fmt: skip
t2 = get(inv.T2)
styled(t2, table_id="inv-2b-part2", columns=b_columns, total_mask=t2["row_kind"] != "item",
       caption="2B, 2. Tilskudd til andres investeringer, NOK thousand")  # fmt: skip

# %% tags=["hide-input", "hide-output"]
t3 = get(inv.T3)
styled(t3, table_id="inv-2b-part3", columns=b_columns, total_mask=t3["row_kind"] != "item",
       caption="2B, 3. Investeringer i aksjer og andeler i selskaper, NOK thousand")  # fmt: skip

# %% tags=["hide-input", "hide-output"]
styled(p4, table_id="inv-2b-part4", columns=b_columns, total_mask=p4["row_kind"] != "item",
       caption="2B, 4. Utlån av egne midler, and Sum del 1–4, NOK thousand")  # fmt: skip

# %% tags=["hide-input"]
show_findings(checks_2b)

# %% tags=["hide-input", "hide-output"]
checks_table(checks_2b, table_id="inv-checks-2b", caption="Statement 2B and 2A: checks")

# %% tags=["hide-input"]
proj = get(inv.TPROJ)
put("n_areas", fmt(proj["programme_area"].nunique()))
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

# %% [markdown]
# ## The programme areas' projects
#
# Every programme area's chapter but P15's prints a table of its investment projects (*Status
# investeringsprosjekter*), followed by a summary: the revised budget, the actual, a status word (*Iht. plan*, on plan;
# *Forsinket*, delayed; *Ikke vurdert*, not assessed) and the deviation in kroner (revised budget
# minus actual: positive means money left unspent). The {eval}`txt.n_areas`
# tables are stacked in the toggle below.

# %% tags=["hide-input", "hide-output"]
proj_view = proj.assign(label=[lab if kind == "item" else f"{area} {lab}"
                               for area, lab, kind in zip(proj["programme_area"], proj["label"], proj["row_kind"], strict=True)])  # fmt: skip
styled(proj_view, table_id="inv-projects", total_mask=proj_view["row_kind"] != "item",
       caption="Status investeringsprosjekter, all programme areas, NOK thousand (the area code stands before "
               "each area's sum rows)",
       columns={"label": "Investering", "revised_budget_2023": "Rev. bud.",
                "actual_2023": "Regnskap", "status": "Status", "deviation_nok": "Avvik i kr"})  # fmt: skip

# %% [markdown]
# Which projects moved furthest from their budgets? The largest overspend,
# {eval}`txt.top_overspend` on
# *{eval}`txt.top_overspend_project`*, is the one the report explains at
# length (see *The year in brief*); the report's explanation uses 2B's row, which books a small grant to others
# in the project's name apart, so its figure is a little lower. Of the projects, {eval}`txt.n_on_plan` are
# marked on plan, {eval}`txt.n_delayed` delayed and
# {eval}`txt.n_not_assessed` not assessed; {eval}`txt.not_assessed_whose`
# Drammen Eiendom KF's ({eval}`txt.p06_not_assessed` of them in P06), for which
# the programme chapters refer to the company's own annual report.

# %% mystnb={"figure": {"caption": "The ten projects with the largest deviation from the revised budget, 2023, in NOK million (actual minus revised budget: positive = overspend, as in the chapter's other charts).", "name": "fig-investeringsregnskap-deviations"}, "image": {"alt": "Horizontal bar chart of the projects with the largest deviations from budget. The two largest are overspends, KK P11 Samarbeid med andre utbyggere and KK P12 Vann/avl\u00f8p; the largest underspends are Drammen Eiendom KF's budgets for housing and nursing homes in P06 and for school buildings in P01."}} tags=["hide-input"]
fig, ax = style.figure(height=5.6)
shown_top = top.iloc[::-1]
names = [textwrap.fill(lab, 40) for lab in shown_top["label"]]
over = -shown_top["deviation_nok"] / 1000  # the tables print revised − actual; the chapter plots actual − revised
ax.barh(names, over, color=[style.UNFAVOURABLE if v > 0 else style.FAVOURABLE for v in over])
for y, v in enumerate(over):
    ax.annotate(fmt(v, 1, sign=True), (v, y), xytext=(4 if v > 0 else -4, 0), textcoords="offset points",
                ha="left" if v > 0 else "right", va="center", fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
ax.axvline(0, color=style.TEXT, linewidth=0.8)
ax.set_xlim(over.min() * 1.7, over.max() * 1.3)
ax.set_xlabel("Actual − revised budget, NOK million (+ = overspend)")
ax.set_title("Two P11 and P12 projects overspent most")
ax.grid(axis="y", visible=False)
style.finish(fig, table="inv_programme_projects")
plt.show()

# %% [markdown]
# The report's text makes claims in words about these projects and areas: that kommunekassen's
# overspend lies in P11 and P12 and is offset by P09 and P14, that Vassenga's whole budget is unused,
# that P14's digitalisation projects are delayed, that the new city bridge is on schedule (lines 190–191).
# Each is checked against the tables: {eval}`txt.claims_hold` of
# {eval}`txt.claims_n` hold. {eval}`txt.claims_failed`

# %% tags=["hide-input"]
show_findings(claims)

# %% tags=["hide-input", "hide-output"]
checks_table(claims, table_id="inv-checks-claims", caption="Claims in words: checks")

# %% tags=["hide-input"]
proj_checks = section_checks("proj", "project_tables_add_up", "projects_match_2b")
matches = inv.project_matches(get)
put("n_grant_projects", fmt(((matches["row_kind"] == "item") & (matches["actual_grants"] != 0)).sum()))
put("n_projects", fmt((proj["row_kind"] == "item").sum()))

# %% [markdown]
# The project tables reconcile. Each deviation is the revised budget minus the actual, and each area's
# *Sum* is its projects plus, in P09, P11 and P12, a line *Sum øvrige prosjekter* for projects not
# listed one by one. Each of the {eval}`txt.n_projects` projects also stands in
# 2B part 1 (labels compared without regard to case and dashes). The two agree on the budget
# everywhere, and on the actual everywhere but in {eval}`txt.n_grant_projects`
# projects of P11 and P12, where the project table also counts the grants towards others' investments
# that the P11 and P12 net tables list under the project (2B keeps them in part 2).
# {eval}`txt.proj_summary`

# %% tags=["hide-input", "hide-output"]
checks_table(proj_checks, table_id="inv-checks-proj", caption="Project tables, and projects against 2B: checks")

# %% [markdown]
# ### The net tables of P11 and P12
#
# For roads and transport (P11) and water, sewage and waste (P12) the report also prints each
# {term}`Hovedprosjekt` (main project) *net*: its investment in fixed assets, less the grants from
# others and the sales that financed it, plus grants it passed on to others. The report calls net the
# status after income is deducted (line 6185); VAT compensation is not among the components. The book
# reads the net figure as the part of a project that its own income does not cover.

# %% tags=["hide-input"]
net = get(inv.TNET)
coop = net[(net["row_kind"] == "main_project") & (net["label"] == "KK P11 Samarbeid med andre utbyggere")].iloc[0]
put("coop_net_actual", fmt_million(coop["actual_2023"]))
put("coop_net_revised", fmt_million(coop["revised_budget_2023"]))
put("coop_gross", fmt_million(inv.value(p1, "actual_2023", label="KK P11 Samarbeid med andre utbyggere")))
net_checks = section_checks("net", "net_tables_add_up")

# %% [markdown]
# The cooperation projects show what netting does: {eval}`txt.coop_gross` gross
# becomes {eval}`txt.coop_net_actual` net, against a net budget of
# {eval}`txt.coop_net_revised`. Every main project is the sum of its
# components, each *Sum* the sum of its main projects, each component *Investeringer i varige
# driftsmidler* the project's 2B line, and each component *Tilskudd til andres investeringer* a line of
# 2B part 2. {eval}`txt.net_summary`

# %% tags=["hide-input", "hide-output"]
net_columns = {"label": "Hovedprosjekt", "actual_2023": "Regnskap hiå.", "revised_budget_2023": "Revider årsbudsjett",
               "original_budget_2023": "Opprinnelig budsjett"}  # fmt: skip
p11_net = net[net["programme_area"] == "P11"]
styled(p11_net, table_id="inv-net-p11", columns=net_columns, caption="Status investeringer netto P11, NOK thousand",
       total_mask=p11_net["row_kind"].isin(["main_project", "total"]))  # fmt: skip

# %% tags=["hide-input", "hide-output"]
p12_net = net[net["programme_area"] == "P12"]
styled(p12_net, table_id="inv-net-p12", columns=net_columns, caption="Status investeringer netto P12, NOK thousand",
       total_mask=p12_net["row_kind"].isin(["main_project", "total"]))  # fmt: skip

# %% tags=["hide-input", "hide-output"]
checks_table(net_checks, table_id="inv-checks-net", caption="The net tables: checks")

# %% [markdown]
# ## How 2023 was financed
#
# Where did the money come from? Adding up the financing lines of 2A (relending left aside, since it is
# financed by its own borrowing and repayments) gives the sources below. Some of the money in them is
# not new money for the year's investments, and the book marks it. Sales of shares hold an amount
# equal to the purchase of share capital in Drammen Havn AS (2B part 3), which the revised budget
# expected to finance by a sale of the same size (see *How the budget grew*), and the land received in
# kind from Nedre Eiker Eiendomsutvikling AS, {eval}`txt.cause_land`, income with no money in it that is
# booked as spending too (see *Why the year ended uncovered*). And because 2A adds
# kommunekassen and Drammen Eiendom KF together, the company's property sale goes round inside it: its
# grant to kommunekassen is counted as expenditure and again as kommunekassen's grant income, and its
# repayment to the loan fund, relent to kommunekassen, as expenditure and again as borrowing. These
# pairings are the book's, by amount; the report names only the income lines.

# %% tags=["hide-input"]
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

# %% [markdown]
# Of {eval}`txt.mix_total` of financing, loans gave
# {eval}`txt.mix_loans` ({eval}`txt.mix_loans_share`)
# and sales of shares {eval}`txt.mix_shares`
# ({eval}`txt.mix_shares_share`): together
# {eval}`txt.mix_loans_shares_share`. But
# {eval}`txt.mix_matched` ({eval}`txt.mix_matched_share`
# of all sources) are the matched, in-kind and internal amounts just described, most of them in exactly
# these two sources. Without them, loans carry {eval}`txt.mix_loans_other_share`
# of the new money, and the transfer from operations, {eval}`txt.mix_transfer`,
# {eval}`txt.mix_transfer_other_share`.

# %% mystnb={"figure": {"caption": "Sources of financing of the 2023 investments (2A, both bodies), in NOK million; the hatched part of a bar is matched by an expenditure of the same amount (the Drammen Havn AS share purchase; the land received in kind from Nedre Eiker Eiendomsutvikling AS, which brought no money) or goes round inside the combined statement (Drammen Eiendom KF's grant and loan repayment to kommunekassen), as the book pairs them.", "name": "fig-investeringsregnskap-financing"}, "image": {"alt": "Stacked horizontal bars of the financing sources in NOK million. Loans are the largest source, with a small internal part; sales of shares are the second largest, and most of them match the share purchase or are land received in kind; the transfer from operations, sales of property, VAT compensation and grants from others follow; the use of funds and other sources are smallest."}} tags=["hide-input"]
ordered = mix.sort_values("amount")
fig, ax = style.figure(height=4.0)
ax.barh(ordered["source"], ordered["other"] / 1000, color=style.LEVEL, label="Other financing")
ax.barh(ordered["source"], ordered["matched"] / 1000, left=ordered["other"] / 1000,
        label="Matched, in kind or internal (book's pairing)", **style.estimate_style())  # fmt: skip
for y, v in enumerate(ordered["amount"]):
    ax.annotate(fmt(v / 1000, 1), (v / 1000, y), xytext=(4, 0), textcoords="offset points", va="center",
                fontsize=style.MIN_TEXT_PT, color=style.TEXT)  # fmt: skip
ax.set_xlim(0, ordered["amount"].max() / 1000 * 1.2)
ax.set_xlabel("NOK million")
ax.set_title("Loans led; share sales mostly match a purchase", pad=40)
style.legend_above(ax, ncol=1)
ax.grid(axis="y", visible=False)
style.finish(fig, table="inv_2a_financing and inv_2b_shares_and_equity")
plt.show()

# %% tags=["hide-input"]
MONEY = ["amount", "matched", "other"]
styled(mix.assign(**{c: mix[c] / 1000 for c in MONEY}), table_id="inv-financing-mix", decimals=dict.fromkeys(MONEY, 1),
       caption="Sources of financing, 2023 actual (2A), NOK million: the whole, the part matched or internal "
               "(the book's pairing) and the rest",
       columns={"source": "Source", "amount": "Amount", "matched": "Matched", "other": "Rest"})  # fmt: skip

# %% [markdown]
# The sources exceed the expenditure; the bridge below shows why. Part of the money went into funds,
# relending brought in more than it cost, and the uncovered amount closes the gap. It lands exactly on
# the printed investment expenditure.

# %% tags=["hide-input"]
fin_bridge = inv.financing_bridge(get)
styled(fin_bridge.assign(amount=fin_bridge["amount"] / 1000), table_id="inv-financing-bridge",
       caption="From the financing sources to 2A's investment expenditure, 2023, NOK million",
       columns={"step": "Step", "amount": "NOK million"}, decimals={"amount": 1},
       total_mask=fin_bridge["step"].str.startswith(("=", "Sum")))  # fmt: skip

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
summary_dividend = inv.drift_prose(get, "extraordinary_dividend_budget")
plan_less_moved = inv.prose(get, "extraordinary_dividends_budgeted_for_self_financing") - inv.drift_prose(
    get, inv.TRANSFER_REDUCTION
)
put("dividend_summary", fmt(summary_dividend, 0, "NOK million"))
put("div_original", fmt(inv.drift_prose(get, "dividends_original_budget"), 0, "NOK million"))
put("div_revised", fmt(inv.drift_prose(get, "dividends_revised_budget"), 1, "NOK million"))
put("dividend_plan_less_moved", fmt(plan_less_moved, 0, "NOK million"))
put("dividend_reconciled", "equal to" if plan_less_moved == summary_dividend else "close to, but not,")
for key in ("transfer", "repayment", "dekf_grant", "numerator", "base", "p12_net"):
    put(f"sf_{key}", fmt_million(sf[key]))
put("sf_share", fmt(sf["share"], 1, "percent"))
put("sf_implied", fmt_million(sf["implied_base"], 0))
put("sf_implied_low", fmt_million(sf["implied_base_low"], 0))
put("sf_implied_high", fmt_million(sf["implied_base_high"], 0))
put("sf_gap", fmt_million(sf["base"] - sf["implied_base"], 0))
put("sf_base_p12", fmt_million(sf["base_with_p12"]))
put("sf_share_p12", fmt(sf["share_with_p12"], 1, "percent"))
ts = inv.transfer_sources(get)
put("ts_result", fmt_million(ts["result"]))
put("ts_fund_used", fmt_million(ts["fund_used"]))
put("ts_fund_set_aside", fmt_million(ts["fund_set_aside"]))
put("ts_vs", "larger than" if ts["transfer"] > ts["result"] else "within")
put("ts_part", "most of the transfer" if ts["result"] < ts["transfer"] / 2 else "part of the transfer")
sf_checks = section_checks("sf", "self_financing_rule")

# %% [markdown]
# ## The self-financing rule
#
# Drammen's {term}`Finansielle handlingsregler` (financial rules of action, line 2663) ask for
# {term}`Egenfinansiering` (self-financing) of at least {eval}`txt.rule` of
# {term}`Ikke-rentable investeringer` (non-profitable investments; the report does not define them,
# the usual meaning is investments not paid back by fees or rents), after VAT compensation and grants. The report says that 2023's self-financing was
# {eval}`txt.sf_printed`, or {eval}`txt.sf_share_printed`
# (lines 2059–2060), and that the high figure is largely due to
# {eval}`txt.extra_dividend` of extra dividend and
# {eval}`txt.dekf_sales_printed` of property sales in Drammen Eiendom KF.

# %% [markdown]
# **The budget.** The rule's minimum came to {eval}`txt.rule_budget` in the 2023
# budget, and {eval}`txt.extra_dividends` of extraordinary dividends were to be
# added (lines 2663–2667). Together they make the original budget's transfer from operations,
# {eval}`txt.transfer_original`, exactly. The transfer actually made,
# {eval}`txt.sf_transfer`, was {eval}`txt.reduction`
# below the revised budget of {eval}`txt.transfer_revised`, because the
# expected dividend from Nedre Eiker Eiendomsutvikling AS was booked as a sale of shares in the
# investment account instead (lines 2667–2671). The budget meant is the revised one: the report's section
# on dividends says the revised budget raised the expected dividends from {eval}`txt.div_original` to
# {eval}`txt.div_revised` because that company's dividend was expected in 2023 (lines 2544–2549), and the
# dividend table gives the company the sum in the revised budget and nothing in the adopted one (line
# 2616). That contradicts line 2667, which says the plan's {eval}`txt.extra_dividends` in the adopted
# budget already included it; nothing printed says which account is right.
#
# The extra dividend has other amounts elsewhere: {eval}`txt.dividend_summary` in the adopted budget, to
# raise the self-financing (the summary, lines 87–88), and {eval}`txt.extra_dividend` booked (line 2061).
# The plan's {eval}`txt.extra_dividends` less the {eval}`txt.reduction` moved to the investment account is
# {eval}`txt.dividend_plan_less_moved`, {eval}`txt.dividend_reconciled` the summary's figure; the report
# does not say which dividends it counts as extra.
#
# **The amount.** The report does not say what the {eval}`txt.sf_printed`
# holds. One reading rebuilds it: the transfer from operations,
# {eval}`txt.sf_transfer`, plus the two lines of Drammen Eiendom KF that match
# the property sale, its grant *Investering DEKF* ({eval}`txt.sf_dekf_grant`)
# and its *Avdrag på lån* ({eval}`txt.sf_repayment`), together
# {eval}`txt.sf_numerator`. The report's own parts of the sale
# (lines 3090–3091) add to its {eval}`txt.dekf_sales_printed` too. The transfer was {eval}`txt.ts_vs` the
# year's surplus: the operating account's net result was {eval}`txt.ts_result` (line 2635), too low to cover
# the budgeted transfer, the report says, so the discretionary fund was drawn on (lines 2656–2659):
# {eval}`txt.ts_fund_used` used and {eval}`txt.ts_fund_set_aside` set aside (lines 2645–2647). On the
# book's reading, {eval}`txt.ts_part` came from reserves of earlier years, not from the year's result.
#
# **The share.** Here the printed figures run out. A share of
# {eval}`txt.sf_share_printed` on that amount implies a base of about
# {eval}`txt.sf_implied` (between {eval}`txt.sf_implied_low`
# and {eval}`txt.sf_implied_high` for any share that rounds to it). A base on the
# book's definition is the investment in fixed assets and grants to others, less VAT compensation and
# grants from others, less the water and sewage investments of P12, which the book takes as financed by
# fees, as the area's self-cost accounts (line 6418) suggest (their net figure, {eval}`txt.sf_p12_net`, is
# printed in the P12 net table): {eval}`txt.sf_base`, giving {eval}`txt.sf_share`. It is neither an upper
# nor a lower bound: it keeps investments paid back by rents, such as rental housing, and with P12 kept
# in the base would be {eval}`txt.sf_base_p12` and the share {eval}`txt.sf_share_p12`. The
# report's base is about {eval}`txt.sf_gap` smaller, and nothing printed says
# what it leaves out: which other investments count as profitable, how VAT compensation and grants
# divide between areas, or how sales and funds are treated. The minimum of
# {eval}`txt.rule` is met on any reading. {eval}`txt.sf_summary`

# %% tags=["hide-input"]
sf_view = pd.DataFrame(
    [("Transfer from operations (2A)", sf["transfer"], "item"), ("+ Investering DEKF (2B part 2)", sf["dekf_grant"], "item"),
     ("+ Avdrag på lån (2A)", sf["repayment"], "item"), ("= Self-financing, the book's reading", sf["numerator"], "total"),
     ("Investeringer i varige driftsmidler (2A)", sf["fixed"], "item"),
     ("+ Tilskudd til andres investeringer (2A)", sf["grants_to_others"], "item"),
     ("− Kompensasjon for merverdiavgift (2A)", -sf["vat"], "item"), ("− Tilskudd fra andre (2A)", -sf["grants"], "item"),
     ("− P12 net investment (net table)", -sf["p12_net"], "item"), ("= Base, the book's definition", sf["base"], "total"),
     ("Base the printed share implies", sf["implied_base"], "total")],
    columns=["step", "amount", "row_kind"],
)  # fmt: skip
styled(sf_view.assign(amount=sf_view["amount"] / 1000), table_id="inv-self-financing",
       caption="Self-financing 2023 and its base, NOK million", columns={"step": "Step", "amount": "NOK million"},
       decimals={"amount": 1}, total_mask=sf_view["row_kind"] == "total")  # fmt: skip

# %% tags=["hide-input"]
show_findings(sf_checks)

# %% tags=["hide-input", "hide-output"]
checks_table(sf_checks, table_id="inv-checks-selffin", caption="The self-financing rule: checks")

# %% tags=["hide-input"]
prose_checks = section_checks("prose", "prose_figures", "prose_relations")
pc = prose_checks.set_index("check_id")
put("overspend_table", fmt(pc.loc["inv_prose.kk_investment_expenditure_overspend", "recomputed"], 3, "NOK million"))
put("overspend_rounded", fmt(prose.loc["kk_investment_expenditure_actual", "value"]
                             - prose.loc["kk_investment_expenditure_revised_budget", "value"], 1, "NOK million"))  # fmt: skip
put("p11_prose", said("p11_gross_budget"))
p03 = pc.loc["inv_prose.p03_budget"]
put("p03_gap", fmt(1000 * abs(p03["printed"] - p03["recomputed"]), 0, "NOK 1000"))
assigned = findings.assign(prose_checks)
own = assigned[(assigned["finding_id"] != "") & (assigned["finding_id"] != SALE_FINDING)]
book_estimates = {f.finding_id for f in findings.load(CH) if f.is_estimate}
register = own[~own["finding_id"].isin(book_estimates)]
areas = sorted({m.upper() for m in register["check_id"].str.extract(r"\.(p\d\d)_", expand=False).dropna()})
n_own = register["finding_id"].nunique()
estimates_here = set(own.loc[own["finding_id"].isin(book_estimates), "finding_id"])
STARTLOAN_ESTIMATE = "inv-startloan-formidlet"
other_estimates = len(estimates_here - {STARTLOAN_ESTIMATE})
estimate_parts = (["the book's estimate for the start loans of the text"] if STARTLOAN_ESTIMATE in estimates_here
                  else []) + ([f"{fmt(other_estimates)} other estimate{'s' if other_estimates != 1 else ''} of the "
                               "book"] if other_estimates else [])  # fmt: skip
put("prose_findings", (f"{fmt(n_own)} finding{'s' if n_own != 1 else ''}, on the summaries of "
    + " and ".join(filter(None, [", ".join(areas[:-1]), areas[-1]])) if n_own else "no finding")
    + "".join(f", and {part}" for part in estimate_parts))  # fmt: skip
company = pc.loc[["inv_prose.dekf_company_gross_investment", "inv_prose.dekf_company_underspend"], "status"]
put("company_checks", "both equal to" if (company == checks.EXACT).all() else "not both equal to")
COOP = "KK P11 Samarbeid med andre utbyggere"
coop_net = get(inv.TNET).query("row_kind == 'main_project' and label == @COOP").iloc[0]
coop_gross = get(inv.T1).query("label == @COOP").iloc[0]
for key, row in (("net", coop_net), ("gross", coop_gross)):
    for column in ("original_budget_2023", "revised_budget_2023"):
        put(f"coop_{key}_{column[:4]}", fmt_million(row[column]))

# %% [markdown]
# ## What the text says, checked
#
# The report's text restates many table figures: kommunekassen's totals (lines 3041–3106) and each
# programme area's *Sammendrag status investeringer* (summary of the investment status). Each is
# compared with the figure recomputed from the tables. A figure restated from the tables must round to
# the recomputed figure, or be cut from it at its last digit. Most round. Kommunekassen's overspend is
# cut: {eval}`txt.overspend_table` is written
# {eval}`txt.said_kk_investment_expenditure_overspend` (lines 3045 and 3054),
# although the same sentence rounds the expenditure up to
# {eval}`txt.said_kk_investment_expenditure_actual`, and the difference of its
# own rounded figures would be {eval}`txt.overspend_rounded`. The property
# sale's figures are compared where the report names their lines, and with the book's pairings
# otherwise (see {eval}`txt.sale_entry` in the section on the enterprises' part). The extra grants from others once the sale is set aside, about
# {eval}`txt.said_grants_from_others_excess_excl_dekf_sale` (line 3096), follow
# from kommunekassen's figures when the sale is taken out as the report describes: its
# {eval}`txt.said_dekf_property_sale_booked_as_grants` from the actual and its
# {eval}`txt.said_dekf_property_sale_budgeted` from the budget.

# %% [markdown]
# {eval}`txt.prose_summary` Below: {eval}`txt.prose_findings`. The text puts the start loans *formidlet*
# (arranged) in 2023 at {eval}`txt.sl_text` (lines 531 and 5696), {eval}`txt.sl_text_gap`
# {eval}`txt.sl_text_dir` than the accounts lent on; it does not define the word, and loans granted rather
# than paid out could explain the gap. P03's frame is
# {eval}`txt.p03_gap` apart from its table, which the checks grade *truncated* (a cut at the last digit),
# not a finding; that is one reading, since the summary's own parts (lines 5072–5075) add to neither figure. Drammen Eiendom KF's gross investment and underspend in the report's section on the
# company (lines 4552–4553) are {eval}`txt.company_checks` the book's subtraction, once Drammensbadet KF's
# line is taken out. P11's summary also dates its frame of
# {eval}`txt.p11_prose` to 2022 (line 6182), while the figure is the revised
# budget of 2023; that slip is checked with the claims in words, in the section on the programme areas'
# projects above. The {eval}`txt.said_p11_cooperation_budget_missing` missing for the cooperation projects
# is checked as the {eval}`txt.said_p11_cooperation_budget_intended` intended less the
# {eval}`txt.said_p11_cooperation_budget_entered_by_mistake` entered by mistake (lines 3063–3065), which
# tests the text against itself: the printed budgets of the projects show neither figure (net
# {eval}`txt.coop_net_orig` in the original budget and {eval}`txt.coop_net_revi` in the revised one; gross
# {eval}`txt.coop_gross_orig` and {eval}`txt.coop_gross_revi`).

# %% tags=["hide-input"]
show_findings(prose_checks)

# %% tags=["hide-input", "hide-output"]
checks_table(prose_checks, table_id="inv-checks-prose", caption="Figures of the text against the tables: checks")

# %% [markdown]
# ## All checks of the chapter

# %% tags=["hide-input"]
put("all_summary", findings.summary_line(all_checks))

# %% [markdown]
# {eval}`txt.all_summary` The {doc}`audit` page lists every check and finding of
# the book, searchable.

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
# 2. Set `DELTA = 1` and run again. The sums no longer catch it. Kommunekassen's fixed assets in its own
#    blocks still read *rounding*, although the check moved: it adds more than forty lines, each rounded
#    to the thousand, so the sum has room for a difference of one. The P11 subtotal even moves to
#    *exact*: its printed sum was one more than its projects add up to, and the alteration makes up the
#    difference. Only the two tables that print the bridge's figure again still read *discrepancy*: a
#    figure printed again in the same unit must be the same figure, so one unit off is caught there.
# 3. Set `DELTA = -1`. The sums again read *rounding*, and the two tables that print the figure again
#    again read *discrepancy*. An error of one unit, in either direction, slips through the sums but not
#    through a figure the report prints twice.
# 4. Now set `TABLE, LABEL, DELTA = inv.T2, "Investering DEKF", -26203`, which sets Drammen Eiendom KF's
#    grant in 2B part 2 to zero. Two checks turn to *discrepancy*: that 2A's grants to others equal
#    kommunekassen's plus that line, the identity that shows the grant is what separates 2A from
#    kommunekassen's own blocks, and 2B part 2's own sum, whose printed total still holds the grant. The
#    book's estimates that rest on the grant move as well (its reading of the self-financing, and its
#    pairing of the property sale with the company's lines), though their class stays *estimate*.

# %% tags=["hide-input"]
TABLE, LABEL, DELTA = inv.T1, "KK P11 Bybru", 1000

tried = checks.run(CH, get=checks.altered(TABLE, "actual_2023", DELTA, add=True, label=LABEL))
moved = inv.moved_checks(all_checks, tried)
checks_table(
    moved, table_id="inv-try-moved", caption=f"Checks that move when {LABEL} gets {DELTA:+} (class before → after)"
)
