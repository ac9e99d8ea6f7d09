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
# # Investeringsregnskapet: the investment account
#
# *Download* this chapter as a notebook with its outputs, {download}`investeringsregnskap.ipynb <investeringsregnskap.ipynb>`,
# or as a script, {download}`investeringsregnskap.py <investeringsregnskap.py>`;
# its tables are on the {doc}`data page <../book/data>`.
#
# A Norwegian municipality keeps two accounts side by side. The {term}`Driftsregnskap` (operating
# account) holds what the services cost and earn year by year. The {term}`Investeringsregnskap`
# (investment account) holds what is built or bought to last: schools, roads, water pipes, a new
# bridge, shares in companies, and loans the municipality passes on to its residents. The investment
# account has to balance: every krone spent is financed by loans, grants, sales, the refund of VAT,
# a transfer from the operating account or money set aside in funds. What is left unfinanced is
# carried forward as *uncovered* ({term}`Udekket`) and must be covered in later years.
#
# In Drammen two bodies invest: the municipal treasury, {term}`Kommunekassen`, and the municipality's
# property company {term}`Drammen Eiendom KF`, a {term}`Kommunalt foretak` that owns and upgrades the
# municipal buildings. The report prints the investment account in several forms, and this chapter
# rebuilds each from the data and checks that they agree:
#
# - statement **2A** (*Status investering og finansiering*), expenditure and financing of both bodies together;
# - the same statement for **kommunekassen alone**, printed as four blocks;
# - statement **2B** (*Status investeringer*), the expenditure project by project, in four parts;
# - each {term}`Programområde`'s table of its investment projects, with a status word and the deviation
#   from budget;
# - the **net** tables of programme areas P11 and P12, where each {term}`Hovedprosjekt` is shown after
#   the grants and sales that financed it.
#
# All amounts are in NOK thousand (*Beløp i 1000*) unless stated. Signs are those of the accounts:
# expenditure is positive, income and financing negative.

# %%
import matplotlib.pyplot as plt
import pandas as pd
from myst_nb import glue

from aarsevaluering import checks, style
from aarsevaluering.checks import from_disk as get
from aarsevaluering.data import catalogue
from aarsevaluering.fmt import fmt, fmt_million
from aarsevaluering.identities import investeringsregnskap as inv
from aarsevaluering.tables import checks_table, styled

style.use_book_style()
CH = "investeringsregnskap"


def put(key, text):
    """Glue a pre-formatted number for the prose as investeringsregnskap_<key>."""
    glue(f"{CH}_{key}", text, display=False)


def checks_of(*identities):
    """The chapter's checks made by the named identities."""
    return checks.run(CH, only=identities)


styled(catalogue(CH), table_id="inv-catalogue", caption="The tables of this chapter",
       columns={"table": "Table", "title": "Title as printed", "source_table": "Id", "unit": "Unit",
                "source_lines": "Lines", "rows": "Rows"})  # fmt: skip

# %% [markdown]
# ## Statement 2A: does it balance?
#
# Statement 2A is the investment account on one page, for kommunekassen and Drammen Eiendom KF
# together. It has four sections: investment expenditure, investment income, net
# {term}`Videreutlån` (relending: the {term}`Startlån` the municipality borrows to lend on to
# households), and the {term}`Overføring fra drift` (transfer from the operating account) together
# with provisions to and use of investment funds. The bottom line is what is carried forward as
# uncovered. The table below is the statement as printed.

# %%
a2 = get(inv.T2A)
styled(a2, table_id="inv-2a", caption="Status investering og finansiering (2A), NOK thousand",
       columns={"label": "Beløp i 1000", "actual_2022": "Regnskap 2022", "original_budget_2023": "Oppr. bud. 2023",
                "revised_budget_2023": "Rev. bud. 2023", "actual_2023": "Regnskap 2023"})  # fmt: skip

# %% [markdown]
# If the statement balances, the four section subtotals add up to the amount carried forward, in every
# column. They do: the largest difference between a printed sum and its recomputation is
# {glue:text}`investeringsregnskap_2a_maxdiff:s`, the rounding of the printed lines (the 2023 income
# subtotal, for instance, differs from its own lines by as much).

# %%
balance = inv.two_a_balance_view(get)
checks_2a = checks_of("two_a_balances")
put("2a_maxdiff", fmt(checks_2a["difference"].abs().max(), 0, "NOK 1000"))
uncovered = inv.value(a2, "actual_2023", row_kind="total")
put("uncovered", fmt_million(uncovered))
put("uncovered_thousand", fmt(uncovered, 0, "NOK 1000"))
put("expenditure_2023", fmt_million(inv.value(a2, "actual_2023", label="Sum investeringsutgifter")))
put("income_2023", fmt_million(-inv.value(a2, "actual_2023", label="Sum investeringsinntekter")))
styled(balance, table_id="inv-2a-balance", caption="2A: the four sections and the amount carried forward",
       columns={"label": "Section", "actual_2022": "Regnskap 2022", "original_budget_2023": "Oppr. bud. 2023",
                "revised_budget_2023": "Rev. bud. 2023", "actual_2023": "Regnskap 2023"})  # fmt: skip

# %% [markdown]
# In 2023 kommunekassen and Drammen Eiendom KF spent {glue:text}`investeringsregnskap_expenditure_2023:s`
# on investment and took in {glue:text}`investeringsregnskap_income_2023:s` of investment income. After
# relending and the transfers, {glue:text}`investeringsregnskap_uncovered:s`
# ({glue:text}`investeringsregnskap_uncovered_thousand:s`) was left without financing and carried
# forward. Every check of the statement:

# %%
checks_table(checks_2a, table_id="inv-checks-2a", caption="Checks: statement 2A")

# %% [markdown]
# ## Kommunekassen alone, and what Drammen Eiendom KF adds
#
# Next the report prints the statement for kommunekassen alone, in four blocks, one per section. Each
# block repeats its sum in a *Totalsum* row. The columns are in a different order from 2A (actual
# first, *Regnskap hiå.*, the accounts for the year to date, which at year end is the year), and there
# is no 2022 column.

# %%
dk = get(inv.TDK)
styled(dk, table_id="inv-dk", caption="Status investering og finansiering, Drammen kommunekasse, NOK thousand",
       columns={"block": "Hovedlinje budsjett", "label": "Delsum budsjett", "actual_2023": "Regnskap hiå.",
                "revised_budget_2023": "Revidert årsbudsjett", "original_budget_2023": "Opprinnelig budsjett"})  # fmt: skip

# %%
checks_table(checks_of("dk_blocks_add_up"), table_id="inv-checks-dk", caption="Checks: the kommunekasse blocks")

# %% [markdown]
# Subtracting kommunekassen's figures from 2A leaves Drammen Eiendom KF's part. Two lines of 2A have no
# row in the kommunekasse blocks (*Avdrag på lån* and *Dekning av tidligere års udekket beløp*); they
# count as zero for kommunekassen, so they are Drammen Eiendom KF's entirely.

# %%
part = inv.dekf_part(get)
styled(part, table_id="inv-dekf-part", caption="2A split: both bodies, kommunekassen (DK) and Drammen Eiendom KF (difference)",
       columns={"label": "2A line", "revised_budget_2023_all": "Rev. bud. 2A", "revised_budget_2023_kk": "Rev. bud. DK",
                "revised_budget_2023_dekf": "Rev. bud. DEKF", "actual_2023_all": "Actual 2A",
                "actual_2023_kk": "Actual DK", "actual_2023_dekf": "Actual DEKF"})  # fmt: skip

# %%
dekf = part.set_index("label")["actual_2023_dekf"]
put("dekf_fixed", fmt_million(dekf["Investeringer i varige driftsmidler"]))
put("dekf_grant", fmt_million(dekf["Tilskudd til andres investeringer"]))
put("dekf_repayment", fmt_million(dekf["Avdrag på lån"]))
put("dekf_sales", fmt_million(-dekf["Salg av varige driftsmidler"]))
put("dekf_loans", fmt_million(-dekf["Bruk av lån"]))
put("dekf_vat", fmt_million(-dekf["Kompensasjon for merverdiavgift"]))
put("dekf_grants_in", fmt_million(-dekf["Tilskudd fra andre"]))
put("dekf_funds", fmt_million(dekf["Sum overføring fra drift og netto avsetninger"]))
put("dekf_uncovered", fmt(dekf["Fremført til inndekning i senere år (udekket)"], 0, "NOK 1000"))
put("kk_uncovered", fmt(part.set_index("label")["actual_2023_kk"].iloc[-1], 0, "NOK 1000"))
p1 = get(inv.T1)
dbkf = inv.value(p1, "actual_2023", executor="DBKF")
put("dbkf", fmt(dbkf, 0, "NOK 1000"))

# %% [markdown]
# Drammen Eiendom KF's part of 2023 reads as the story of a property sale. It invested
# {glue:text}`investeringsregnskap_dekf_fixed:s` in buildings, exactly the 2B project lines marked
# `DEKF`, together with the single `DBKF` line of the municipal swimming baths, Drammensbadet KF
# ({glue:text}`investeringsregnskap_dbkf:s`), which the two statements evidently place with Drammen
# Eiendom KF. It sold property for {glue:text}`investeringsregnskap_dekf_sales:s`, used
# {glue:text}`investeringsregnskap_dekf_repayment:s` of it to repay loans early (the *Avdrag på lån* line,
# which exists only in 2A), and passed {glue:text}`investeringsregnskap_dekf_grant:s` to kommunekassen as
# a grant towards its investments (2B part 2, *Investering DEKF*). It borrowed
# {glue:text}`investeringsregnskap_dekf_loans:s`, received {glue:text}`investeringsregnskap_dekf_vat:s` of
# VAT compensation and {glue:text}`investeringsregnskap_dekf_grants_in:s` of grants, and put a net
# {glue:text}`investeringsregnskap_dekf_funds:s` into its funds. What it leaves uncovered is tiny,
# {glue:text}`investeringsregnskap_dekf_uncovered:s`: kommunekassen's blocks alone add to
# {glue:text}`investeringsregnskap_kk_uncovered:s`. Relending, shares, the lending of own funds and the
# transfer from operations print the same in 2A and in kommunekassen's blocks: they are kommunekassen's
# alone.
#
# The report says (line 2772) that Drammen Eiendom KF shows only 2023 figures, as its 2022 accounts
# were not part of the 2022 evaluation; the 2022 column of 2A is therefore kommunekassen's alone, and
# 2B prints zeros for every `DEKF` project in 2022.
#
# The transfer from operations can be compared with the operating chapter's year-end dispositions,
# and the provisions to and use of investment funds with the change in kommunekassen's fund balances
# in the balance sheet chapter. They agree.

# %%
checks_table(checks_of("kommunekassen_and_dekf", "investment_and_other_chapters"), table_id="inv-checks-dk-2a",
             caption="Checks: kommunekassen, Drammen Eiendom KF and the other chapters")  # fmt: skip

# %% [markdown]
# ## Statement 2B: from projects to parts to 2A
#
# Statement 2B lists the expenditure side of 2A line by line. Part 1, investments in fixed assets, runs
# project by project under each programme area, with a printed subtotal per area. The prefix of each
# project says who carries it out: `KK` kommunekassen, `DEKF` Drammen Eiendom KF, `DBKF` Drammensbadet
# KF. Every printed row is below, in the printed order, with the area code in the first column.

# %%
styled(p1, table_id="inv-2b-part1", caption="Status investeringer (2B) – 1. Investeringer i varige driftsmidler, NOK thousand",
       columns={"programme_area": "Area", "label": "Prosjekt", "actual_2022": "Regnskap 2022",
                "original_budget_2023": "Oppr. bud. 2023", "revised_budget_2023": "Rev. bud. 2023",
                "actual_2023": "Regnskap 2023"})  # fmt: skip

# %% [markdown]
# Parts 2 to 4 are short: grants towards other parties' investments, investments in shares and
# holdings, and loans of the municipality's own money (mostly advances of gaming-fund grants to sports
# clubs). Part 4 ends with the 2B total, *Sum del 1–4*.

# %%
b_columns = {"label": "Beløp i 1000", "actual_2022": "Regnskap 2022", "original_budget_2023": "Oppr. bud. 2023",
             "revised_budget_2023": "Rev. bud. 2023", "actual_2023": "Regnskap 2023"}  # fmt: skip
styled(get(inv.T2), table_id="inv-2b-part2", columns=b_columns, caption="2. Tilskudd til andres investeringer")

# %%
styled(get(inv.T3), table_id="inv-2b-part3", columns=b_columns,
       caption="3. Investeringer i aksjer og andeler i selskaper")  # fmt: skip

# %%
styled(get(inv.T4), table_id="inv-2b-part4", columns=b_columns, caption="4. Utlån av egne midler, and Sum del 1–4")

# %%
p4 = get(inv.T4)
sum_parts = inv.value(p4, "actual_2023", label=inv.SUM_PARTS)
expenditure = inv.value(a2, "actual_2023", label="Sum investeringsutgifter")
put("sum_parts", fmt_million(sum_parts))
put("gap_2b_2a", fmt(expenditure - sum_parts, 0, "NOK 1000"))
put("avdrag", fmt(inv.value(a2, "actual_2023", label="Avdrag på lån"), 0, "NOK 1000"))
byarea = inv.programme_budget_actual(get)
p11 = byarea.set_index("programme_area").loc["P11"]
put("p11_revised", fmt_million(p11["revised_budget_2023"]))
put("p11_actual", fmt_million(p11["actual_2023"]))
put("no_project", fmt(byarea.iloc[0]["actual_2023"], 0, "NOK 1000"))
checks_2b = checks_of("two_b_rolls_up")
gap_2022 = checks_2b.set_index("check_id").loc["inv_2b_part1.total.actual_2022", "difference"]
put("part1_gap_2022", fmt(abs(gap_2022), 0, "NOK 1000"))

# %% [markdown]
# Each programme subtotal equals its projects, the part totals equal the 2A lines of the same name,
# and the four parts add to *Sum del 1–4*, {glue:text}`investeringsregnskap_sum_parts:s` in 2023. That
# is {glue:text}`investeringsregnskap_gap_2b_2a:s` less than 2A's investment expenditure: 2A also holds
# *Avdrag på lån*, {glue:text}`investeringsregnskap_avdrag:s`, Drammen Eiendom KF's early repayment of
# loans, which is not an investment and so has no place in 2B. The only difference larger than rounding
# is the 2022 total of part 1, {glue:text}`investeringsregnskap_part1_gap_2022:s` below its subtotals
# (see the checks). Note also the block of
# spending with no project at all (*Prosjekt mangler*, {glue:text}`investeringsregnskap_no_project:s`).
#
# By programme area, roads and transport (P11) dominate, with
# {glue:text}`investeringsregnskap_p11_actual:s` spent against a revised budget of
# {glue:text}`investeringsregnskap_p11_revised:s`, most of it on the new city bridge (*Bybru*).

# %% mystnb={"figure": {"caption": "Revised budget and actual 2023 by programme area (2B part 1).", "name": "fig-investeringsregnskap-areas"}, "image": {"alt": "Horizontal bar chart of revised budget and actual investment in 2023 for each programme area of 2B part 1. P11 Utbygging og samferdsel is by far the largest and, with P12 Vann, avløp og renovasjon, spent more than its budget; most other areas spent less than budgeted."}}
fig, ax = plt.subplots(figsize=(7.5, 6.2))
order = byarea.iloc[::-1].reset_index(drop=True)
ypos = range(len(order))
ax.barh([y + 0.2 for y in ypos], order["revised_budget_2023"] / 1000, height=0.4, color=style.PALETTE["sky"],
        label="Revised budget 2023")  # fmt: skip
ax.barh([y - 0.2 for y in ypos], order["actual_2023"] / 1000, height=0.4, color=style.POSITIVE, label="Actual 2023")
ax.set_yticks(list(ypos), order["area"], fontsize=8)
ax.set_xlabel("NOK million")
ax.set_title("P11 and P12 spent more than budgeted, most areas less")
ax.legend(loc="lower right", frameon=False)
style.finish(fig, table="inv_2b_fixed_assets")
plt.show()

# %%
checks_table(checks_2b, table_id="inv-checks-2b", caption="Checks: statement 2B and 2A")

# %% [markdown]
# ## The programme areas' project tables
#
# Each programme area's chapter closes with a table of its investment projects (*Status
# investeringsprosjekter*): the revised budget for the year, the actual, a status word (*Iht. plan*,
# on plan; *Forsinket*, delayed; *Ikke vurdert*, not assessed) and the deviation in kroner. The
# {glue:text}`investeringsregnskap_n_areas:s` tables are stacked here, in the printed order within each
# area.

# %%
proj = get(inv.TPROJ)
put("n_areas", fmt(proj["programme_area"].nunique()))
styled(proj, table_id="inv-projects", caption="Status investeringsprosjekter, all programme areas, NOK thousand",
       columns={"programme_area": "Area", "label": "Investering", "revised_budget_2023": "Rev. bud.",
                "actual_2023": "Regnskap", "status": "Status", "deviation_nok": "Avvik i kr"})  # fmt: skip

# %% [markdown]
# The deviation is the revised budget minus the actual (positive = money left unspent). Recomputed for
# every row it agrees within {glue:text}`investeringsregnskap_proj_maxdiff:s`, and each area's *Sum* is
# its projects plus, in P09, P11 and P12, a line *Sum øvrige prosjekter* for projects not listed one by
# one.

# %%
proj_checks = checks_of("project_tables_add_up")
put("proj_checks", fmt(len(proj_checks)))
put("proj_not_exact", fmt((proj_checks["status"] != checks.EXACT).sum()))
put("proj_maxdiff", fmt(proj_checks["difference"].abs().max(), 0, "NOK 1000"))
checks_table(proj_checks[proj_checks["status"] != checks.EXACT], table_id="inv-checks-proj-rounding",
             caption="Checks of the project tables that are not exact")  # fmt: skip

# %% [markdown]
# Of {glue:text}`investeringsregnskap_proj_checks:s` checks, {glue:text}`investeringsregnskap_proj_not_exact:s`
# are not exact, all by rounding; the full list is below (expand it) and on the audit page.

# %% tags=["hide-output"]
checks_table(proj_checks, table_id="inv-checks-proj", caption="Checks: project tables add up (all)")

# %% [markdown]
# ### Each project against its 2B line
#
# The same projects stand in 2B part 1. Matching each project with its 2B line (labels compared
# without regard to case and dashes: the two tables spell *Krokstad sykehjem – infrastruktur* and
# *Mjøndalen–Nordbykollen* with different dashes) shows the two agree on the budget everywhere, and on
# the actual everywhere but {glue:text}`investeringsregnskap_n_grant_projects:s` projects of P11 and P12.
# The difference there is exactly the grants
# towards others' investments that the net tables of P11 and P12 list under those projects: the
# project tables count them, 2B part 1 does not (they are in 2B part 2). The *Sum øvrige prosjekter*
# rows hold the 2B lines the tables do not list, and in P09 the grants to the church and the burial
# grounds from 2B part 2.

# %%
matches = inv.project_matches(get)
shown = matches[(matches["difference_actual"] != 0) | (matches["difference_revised"] != 0)]
put("n_grant_projects", fmt(((matches["row_kind"] == "item") & (matches["actual_grants"] != 0)).sum()))
lek = matches.set_index("label").loc["KK P11 Oppgradering lekeplasser"]
put("lek_rounding", fmt(lek["difference_actual"] - lek["actual_grants"], 0, "NOK 1000"))
styled(shown, table_id="inv-project-matches", caption="Projects whose table figure differs from the 2B part 1 line",
       columns={"programme_area": "Area", "label": "Project", "matched_2b": "2B lines", "actual_project": "Actual, table",
                "actual_2b": "Actual, 2B part 1", "actual_grants": "Grants to others", "difference_actual": "Difference"},
       total_mask=shown["row_kind"] == "total")  # fmt: skip

# %%
put("n_projects", fmt((proj["row_kind"] == "item").sum()))
put("n_matched_equal", fmt(((matches["difference_actual"] == 0) & (matches["row_kind"] == "item")).sum()))
checks_table(checks_of("projects_match_2b"), table_id="inv-checks-proj-2b",
             caption="Checks: projects against 2B")  # fmt: skip

# %% [markdown]
# Of the {glue:text}`investeringsregnskap_n_projects:s` projects, {glue:text}`investeringsregnskap_n_matched_equal:s`
# print the same actual as 2B; the others differ by the grants just described (*Oppgradering
# lekeplasser* by a further {glue:text}`investeringsregnskap_lek_rounding:s` of rounding).
#
# Which projects moved furthest from their budgets? The largest deviations in either direction:

# %% mystnb={"figure": {"caption": "The ten projects with the largest deviation from the revised budget, 2023.", "name": "fig-investeringsregnskap-deviations"}, "image": {"alt": "Horizontal bar chart of the projects with the largest deviations from budget. The two largest are overspends, KK P11 Samarbeid med andre utbyggere and KK P12 Vann/avløp; the largest underspends are the unused budget for housing and nursing homes in P06 and for building upgrades of schools in P01."}}
top = inv.largest_deviations(get)
fig, ax = plt.subplots(figsize=(7.5, 4.6))
shown_top = top.iloc[::-1]
names = [lab if len(lab) <= 50 else lab[:49] + "…" for lab in shown_top["label"]]
colours = [style.POSITIVE if d > 0 else style.NEGATIVE for d in shown_top["deviation_nok"]]
ax.barh(names, shown_top["deviation_nok"] / 1000, color=colours)
ax.axvline(0, color=style.NEUTRAL, linewidth=0.8)
ax.tick_params(axis="y", labelsize=8)
ax.set_xlabel("Revised budget − actual, NOK million (negative = overspend)")
ax.set_title("Developer cooperation and water/sewage overspent most")
style.finish(fig, table="inv_programme_projects")
plt.show()

# %%
top_dev = top.iloc[0]
put("top_overspend", fmt_million(-top_dev["deviation_nok"]))
put("top_overspend_project", top_dev["label"])
status = inv.status_counts(get)
put("n_delayed", fmt(status["Forsinket"].sum()))
put("n_not_assessed", fmt(status["Ikke vurdert"].sum()))
put("n_on_plan", fmt(status["Iht. plan"].sum()))
put("p06_not_assessed", fmt(status.set_index("programme_area").loc["P06", "Ikke vurdert"]))

# %% [markdown]
# The largest overspend, {glue:text}`investeringsregnskap_top_overspend:s` on
# *{glue:text}`investeringsregnskap_top_overspend_project:s`*, is the one the report explains at length:
# grants from developers and others raise the project's spending beyond what the council granted, and
# part of the budget was never financed (see the net tables below).
#
# The status words: {glue:text}`investeringsregnskap_n_on_plan:s` projects are on plan,
# {glue:text}`investeringsregnskap_n_delayed:s` delayed, and {glue:text}`investeringsregnskap_n_not_assessed:s`
# not assessed. Every project marked not assessed is one of Drammen Eiendom KF's
# ({glue:text}`investeringsregnskap_p06_not_assessed:s` of them in P06); for those the programme chapters
# refer to the company's own annual report.

# %% mystnb={"figure": {"caption": "Projects by printed status and programme area, 2023.", "name": "fig-investeringsregnskap-status"}, "image": {"alt": "Stacked horizontal bar chart of project counts by programme area and status. Most projects are on plan; P11 has the most projects; the projects of P06 are mostly not assessed; delayed projects are few and spread over several areas."}}
fig, ax = plt.subplots(figsize=(7.5, 4.6))
rows = status.iloc[::-1]
left = [0] * len(rows)
for name, colour in (("Iht. plan", style.POSITIVE), ("Forsinket", style.NEGATIVE), ("Ikke vurdert", style.NEUTRAL)):
    ax.barh(rows["programme_area"], rows[name], left=left, color=colour, label=name)
    left = [x + y for x, y in zip(left, rows[name], strict=True)]
ax.set_xlabel("Number of projects")
ax.set_ylabel("Programme area")
ax.set_title("Most projects are on plan; the not assessed are all DEKF's")
ax.legend(frameon=False, loc="lower right")
style.finish(fig, table="inv_programme_projects")
plt.show()

# %% [markdown]
# ## The net tables of P11 and P12
#
# For roads and transport (P11) and water, sewage and waste (P12) the report also prints each main
# project *net*: its investment in fixed assets, less the grants from others and the sales that
# financed it, plus any grants it passed on to others. The net figure is the part the municipality has
# to finance itself.

# %%
net = get(inv.TNET)
net_columns = {"label": "Hovedprosjekt", "actual_2023": "Regnskap hiå.", "revised_budget_2023": "Revider årsbudsjett",
               "original_budget_2023": "Opprinnelig budsjett"}  # fmt: skip
main_rows = net["row_kind"].isin(["main_project", "total"])
p11_net = net[net["programme_area"] == "P11"]
styled(p11_net, table_id="inv-net-p11", columns=net_columns, caption="Status investeringer netto P11, NOK thousand",
       total_mask=main_rows[p11_net.index])  # fmt: skip

# %%
p12_net = net[net["programme_area"] == "P12"]
styled(p12_net, table_id="inv-net-p12", columns=net_columns, caption="Status investeringer netto P12, NOK thousand",
       total_mask=main_rows[p12_net.index])  # fmt: skip

# %%
coop = net[(net["row_kind"] == "main_project") & (net["label"] == "KK P11 Samarbeid med andre utbyggere")].iloc[0]
put("coop_net_actual", fmt_million(coop["actual_2023"]))
put("coop_net_revised", fmt_million(coop["revised_budget_2023"]))
put("coop_gross", fmt_million(inv.value(p1, "actual_2023", label="KK P11 Samarbeid med andre utbyggere")))
net_checks = checks_of("net_tables_add_up")
put("net_maxdiff", fmt(net_checks["difference"].abs().max(), 0, "NOK 1000"))
checks_table(net_checks, table_id="inv-checks-net", caption="Checks: the net tables")

# %% [markdown]
# Every main project equals the sum of its components within
# {glue:text}`investeringsregnskap_net_maxdiff:s`, each *Sum* equals its main
# projects, each component *Investeringer i varige driftsmidler* is the project's 2B line, and each
# component *Tilskudd til andres investeringer* is a line of 2B part 2. The cooperation projects with
# developers show what netting does: {glue:text}`investeringsregnskap_coop_gross:s` gross becomes
# {glue:text}`investeringsregnskap_coop_net_actual:s` net, against a net budget of
# {glue:text}`investeringsregnskap_coop_net_revised:s`.

# %% [markdown]
# ## How 2023 was financed
#
# Where did the money come from? Adding up the financing lines of 2A (relending left aside, since it
# is financed by its own borrowing and repayments) gives the sources below, as shares of their total.

# %%
mix = inv.financing_mix(get)
styled(mix, table_id="inv-financing-mix", caption="Sources of financing, 2023 actual (2A), NOK thousand and share",
       columns={"source": "Source", "lines": "2A lines", "amount": "NOK thousand", "share": "Share, %"},
       decimals={"share": 1})  # fmt: skip

# %%
shares = mix.set_index("source")["share"]
amounts = mix.set_index("source")["amount"]
for key, source in (("loans", "Loans"), ("vat", "VAT compensation"), ("grants", "Grants from others"),
                    ("sales_fixed", "Sales of fixed assets"), ("sales_shares", "Sales of shares and holdings"),
                    ("transfer", "Transfer from operations"), ("funds", "Use of investment funds")):  # fmt: skip
    put(f"mix_{key}_share", fmt(shares[source], 1, "percent"))
    put(f"mix_{key}", fmt_million(amounts[source]))
put("mix_sales_share", fmt(shares["Sales of fixed assets"] + shares["Sales of shares and holdings"], 1, "percent"))
put("mix_total", fmt_million(amounts.sum()))
havn = inv.value(get(inv.T3), "actual_2023", label="Aksjekapital Drammen Havn as")
put("havn", fmt_million(havn))
put("unbudgeted_sales", fmt(inv.prose(get, "unbudgeted_share_sales"), 1, "NOK million"))

# %% [markdown]
# Of {glue:text}`investeringsregnskap_mix_total:s` of financing, loans gave
# {glue:text}`investeringsregnskap_mix_loans:s` ({glue:text}`investeringsregnskap_mix_loans_share:s`),
# sales {glue:text}`investeringsregnskap_mix_sales_share:s` (property
# {glue:text}`investeringsregnskap_mix_sales_fixed_share:s`, shares and holdings
# {glue:text}`investeringsregnskap_mix_sales_shares_share:s`), the transfer from operations
# {glue:text}`investeringsregnskap_mix_transfer:s` ({glue:text}`investeringsregnskap_mix_transfer_share:s`),
# grants from others {glue:text}`investeringsregnskap_mix_grants_share:s`, VAT compensation
# {glue:text}`investeringsregnskap_mix_vat_share:s` and the use of investment funds
# {glue:text}`investeringsregnskap_mix_funds_share:s`. The sales of shares are mostly a pass-through:
# {glue:text}`investeringsregnskap_havn:s` of share capital in Drammen Havn AS is a purchase in 2B part 3,
# and the revised budget prints exactly that sum as sales of shares; the actual sales exceed it by the
# {glue:text}`investeringsregnskap_unbudgeted_sales:s` of unbudgeted share sales the report names (line
# 3086). Without the pass-through, loans and the transfer from operations carry a larger share. The
# grants from others also hold the {glue:text}`investeringsregnskap_dekf_grant:s` that Drammen Eiendom KF
# passed to kommunekassen: the combined statement counts that transfer both as expenditure (grants to
# others' investments) and as income, as the report's own reading at lines 3089–3096 implies (the
# prose checks below reproduce it).
#
# The sources exceed the expenditure; the bridge below shows why: part of the money went into funds,
# relending brought in more than it cost, and the uncovered amount closes the gap. It lands exactly on
# the printed investment expenditure.

# %%
styled(inv.financing_bridge(get), table_id="inv-financing-bridge",
       caption="From the financing sources to 2A's investment expenditure, 2023, NOK thousand",
       columns={"step": "Step", "amount": "NOK thousand"})  # fmt: skip

# %% mystnb={"figure": {"caption": "Sources of financing of the 2023 investments, share of total (2A).", "name": "fig-investeringsregnskap-financing"}, "image": {"alt": "Horizontal bar chart of financing shares in 2023. Loans are the largest source, followed by sales of shares and holdings and the transfer from operations; grants from others, sales of property and VAT compensation follow, and the use of funds and other sources are smallest."}}
fig, ax = plt.subplots()
ordered = mix.sort_values("share")
ax.barh(ordered["source"], ordered["share"], color=style.POSITIVE)
for y, v in enumerate(ordered["share"]):
    ax.text(v + 0.4, y, fmt(v, 1, "percent"), va="center", fontsize=8)
ax.set_xlabel("Share of all financing sources, %")
ax.set_title("Loans and share sales financed more than half")
style.finish(fig, table="inv_2a_financing")
plt.show()

# %% [markdown]
# ## The self-financing rule
#
# Drammen's {term}`Finansielle handlingsregler` (financial rules of thumb, line 2663) ask for
# {term}`Egenfinansiering` (self-financing) of at least {glue:text}`investeringsregnskap_rule:s` of
# {term}`Ikke-rentable investeringer` (non-profitable investments: those not paid back by fees or
# rents), after VAT compensation and grants. The report says that 2023's self-financing was
# {glue:text}`investeringsregnskap_sf_printed:s`, or {glue:text}`investeringsregnskap_sf_share_printed:s`
# (line 2059), and explains the high share by {glue:text}`investeringsregnskap_extra_dividend:s` of extra
# dividend and
# {glue:text}`investeringsregnskap_dekf_sales_printed:s` of property sales in Drammen Eiendom KF.

# %%
sf = inv.self_financing(get)
put("rule", fmt(inv.MIN_SELF_FINANCING_PCT, 0, "percent"))
put("extra_dividend", fmt(inv.prose(get, "extra_dividend_booked"), 0, "NOK million"))
put("reduction", fmt(inv.drift_prose(get, inv.TRANSFER_REDUCTION), 0, "NOK million"))
put("sf_printed", fmt(inv.prose(get, "self_financing_non_profitable_investments"), 1, "NOK million"))
put("sf_share_printed", fmt(inv.prose(get, "self_financing_share"), 0, "percent"))
put("dekf_sales_printed", fmt(inv.prose(get, "dekf_property_sales_in_self_financing"), 1, "NOK million"))
put("rule_budget", fmt(inv.prose(get, "self_financing_budget_15pct_rule"), 1, "NOK million"))
put("extra_dividends", fmt(inv.prose(get, "extraordinary_dividends_budgeted_for_self_financing"), 0, "NOK million"))
put("transfer_original", fmt_million(-inv.value(a2, "original_budget_2023", label="Overføring fra drift")))
put("transfer_revised", fmt_million(-inv.value(a2, "revised_budget_2023", label="Overføring fra drift")))
put("sf_transfer", fmt_million(sf["transfer"]))
put("sf_repayment", fmt_million(sf["repayment"]))
put("sf_dekf_grant", fmt_million(sf["dekf_grant"]))
put("sf_numerator", fmt_million(sf["numerator"]))
put("sf_base", fmt_million(sf["base"]))
put("sf_share", fmt(sf["share"], 1, "percent"))
put("sf_implied", fmt_million(sf["implied_base"], 0))
put("sf_implied_low", fmt_million(sf["implied_base_low"], 0))
put("sf_implied_high", fmt_million(sf["implied_base_high"], 0))
put("sf_gap", fmt_million(sf["base"] - sf["implied_base"], 0))
put("sf_p12", fmt_million(sf["p12_net"]))

# %% [markdown]
# **The budget.** The rule's 15 % came to {glue:text}`investeringsregnskap_rule_budget:s` in the 2023
# budget, and {glue:text}`investeringsregnskap_extra_dividends:s` of extraordinary dividends were to be
# added (lines 2663–2671). Together they make the original budget's transfer from operations,
# {glue:text}`investeringsregnskap_transfer_original:s`, exactly. The transfer actually made,
# {glue:text}`investeringsregnskap_sf_transfer:s`, was {glue:text}`investeringsregnskap_reduction:s` below
# the revised budget of
# {glue:text}`investeringsregnskap_transfer_revised:s`, because the expected dividend from Nedre Eiker
# Eiendomsutvikling AS was booked as a sale of shares in the investment account instead (the operating
# chapter's dividend table budgets exactly that sum).
#
# **The amount.** The {glue:text}`investeringsregnskap_sf_printed:s` can be rebuilt from the tables: the
# transfer from operations, {glue:text}`investeringsregnskap_sf_transfer:s`, plus the
# {glue:text}`investeringsregnskap_dekf_sales_printed:s` from Drammen Eiendom KF's property sale, which
# the report (lines 3089–3093) says was booked as {glue:text}`investeringsregnskap_sf_dekf_grant:s` of grant
# (*Investering DEKF*) and {glue:text}`investeringsregnskap_sf_repayment:s` of loan repayment (*Avdrag på
# lån*). Together: {glue:text}`investeringsregnskap_sf_numerator:s`.
#
# **The share.** Here the printed figures run out. A share of
# {glue:text}`investeringsregnskap_sf_share_printed:s` on that amount implies a base of
# about {glue:text}`investeringsregnskap_sf_implied:s` (between
# {glue:text}`investeringsregnskap_sf_implied_low:s` and {glue:text}`investeringsregnskap_sf_implied_high:s`
# for anything that rounds to {glue:text}`investeringsregnskap_sf_share_printed:s`). The widest base the printed tables allow, reading the rule
# literally, is the investment in fixed assets and grants to others, less VAT compensation and grants
# from others, less the water and sewage investments of P12, which are financed by fees (their net
# figure, {glue:text}`investeringsregnskap_sf_p12:s`, is printed in the P12 net table):
# {glue:text}`investeringsregnskap_sf_base:s`, giving {glue:text}`investeringsregnskap_sf_share:s`. The
# report's base is about {glue:text}`investeringsregnskap_sf_gap:s` smaller. What is missing to close the
# gap is not printed anywhere in the report:
#
# - which other investments the municipality counts as profitable (rental housing such as P08's
#   *Kommunale boliger* is the usual candidate, but the report does not say);
# - the VAT compensation and grants by project or programme area (only P11 and P12 print grants per
#   project, and no table prints VAT compensation below the total);
# - whether the other sales of property (beyond the {glue:text}`investeringsregnskap_dekf_sales_printed:s`)
#   and the use of investment funds reduce the base or count as financing.
#
# So the {glue:text}`investeringsregnskap_sf_printed:s` is confirmed, the
# {glue:text}`investeringsregnskap_sf_share_printed:s` is not contradicted, and the
# {glue:text}`investeringsregnskap_rule:s` minimum is met on any reading: even the widest base gives
# {glue:text}`investeringsregnskap_sf_share:s`.

# %%
sf_view = pd.DataFrame(
    [("Transfer from operations (2A)", sf["transfer"]), ("+ Investering DEKF (2B part 2)", sf["dekf_grant"]),
     ("+ Avdrag på lån (2A)", sf["repayment"]), ("= Self-financing", sf["numerator"]),
     ("Investeringer i varige driftsmidler (2A)", sf["fixed"]),
     ("+ Tilskudd til andres investeringer (2A)", sf["grants_to_others"]),
     ("− Kompensasjon for merverdiavgift (2A)", -sf["vat"]), ("− Tilskudd fra andre (2A)", -sf["grants"]),
     ("− P12 net investment (net table)", -sf["p12_net"]), ("= Widest base", sf["base"]),
     ("Base implied by 51 %", sf["implied_base"])],
    columns=["step", "amount"],
)  # fmt: skip
styled(sf_view, table_id="inv-self-financing", caption="Self-financing 2023 and its base, NOK thousand",
       columns={"step": "Step", "amount": "NOK thousand"},
       total_mask=sf_view["step"].str.startswith("=") | sf_view["step"].str.startswith("Base"))  # fmt: skip

# %%
checks_table(checks_of("self_financing_rule"), table_id="inv-checks-selffin", caption="Checks: the self-financing rule")

# %% [markdown]
# ## What the prose says, checked
#
# The report's text restates many table figures: kommunekassen's totals (lines 3041–3106) and each
# programme area's *Sammendrag status investeringer*. Each is compared with the figure recomputed from
# the tables. Since a prose figure restates a single printed figure, one unit of its last digit is the
# only rounding allowed.

# %%
prose_checks = checks_of("prose_figures")
put("prose_n", fmt(len(prose_checks)))
put("prose_discrepancies", fmt((prose_checks["status"] == checks.DISCREPANCY).sum()))
pc = prose_checks.set_index("check_id")
for key, check_id in (("arena", "p09_arena_unused"), ("machines", "p09_machines_unused"), ("p15", "p15_budget"),
                      ("overspend", "kk_investment_expenditure_overspend"), ("p03", "p03_budget"),
                      ("p11", "p11_gross_budget")):  # fmt: skip
    row = pc.loc[f"inv_prose.{check_id}"]
    put(f"{key}_prose", fmt(row["printed"], int(row["decimals"]), "NOK million"))
    put(f"{key}_table", fmt(row["recomputed"] * 1000, 0, "NOK 1000"))
for key, label in (("bane_nor", "vat_withheld_bane_nor"), ("coop_mistake", "p11_cooperation_budget_entered_by_mistake"),
                   ("coop_intended", "p11_cooperation_budget_intended"),
                   ("p01_from_ops", "p01_kk_transfer_from_operations"), ("p01_unused", "p01_kk_unused_from_2022"),
                   ("p09_carried", "p09_carried_from_2022"), ("p09_spent", "p09_spent_from_investment_budget")):  # fmt: skip
    figure = inv.prose(get, label)
    put(key, fmt(figure, 0 if float(figure).is_integer() else 1, "NOK million"))
checks_table(prose_checks, table_id="inv-checks-prose", caption="Checks: prose figures against the tables")

# %% [markdown]
# Of {glue:text}`investeringsregnskap_prose_n:s` figures, {glue:text}`investeringsregnskap_prose_discrepancies:s`
# disagree with the tables. In P09 the prose says {glue:text}`investeringsregnskap_arena_prose:s` was left
# unused on arenas and facilities, where the project table prints {glue:text}`investeringsregnskap_arena_table:s`;
# the same figure appears in the next paragraph for machines and equipment, where it fits
# ({glue:text}`investeringsregnskap_machines_table:s`), so it was most likely repeated by mistake. In P15
# the prose speaks of a budget and a spending of {glue:text}`investeringsregnskap_p15_prose:s`, where 2B
# prints {glue:text}`investeringsregnskap_p15_table:s`. Two slips are of rounding only: kommunekassen's
# overspend of {glue:text}`investeringsregnskap_overspend_table:s` is written
# {glue:text}`investeringsregnskap_overspend_prose:s`, and P03's budget of
# {glue:text}`investeringsregnskap_p03_table:s` is written {glue:text}`investeringsregnskap_p03_prose:s`.
# The P11 summary also dates its budget of {glue:text}`investeringsregnskap_p11_prose:s` to the previous
# year (line 6182), while the table is for 2023.
#
# Some prose figures cannot be checked because no table holds them: the VAT of
# {glue:text}`investeringsregnskap_bane_nor:s` withheld from Bane NOR (line 3105), the budget history of the
# cooperation projects ({glue:text}`investeringsregnskap_coop_mistake:s` entered instead of
# {glue:text}`investeringsregnskap_coop_intended:s`, line 3064), amounts moved between years or from
# operations in the programme summaries (for instance {glue:text}`investeringsregnskap_p01_from_ops:s` and
# {glue:text}`investeringsregnskap_p01_unused:s` in P01, {glue:text}`investeringsregnskap_p09_carried:s`
# and {glue:text}`investeringsregnskap_p09_spent:s` in P09), and the
# {glue:text}`investeringsregnskap_extra_dividend:s` of extra dividend (an operating item).

# %% [markdown]
# ## All checks of the chapter

# %%
all_checks = checks.run(CH)
summary = checks.summary(all_checks).reset_index()
put("n_checks", fmt(len(all_checks)))
styled(summary, table_id="inv-checks-summary", caption="Checks of this chapter by class",
       columns={"chapter": "Chapter", "exact": "Exact", "rounding": "Rounding", "discrepancy": "Discrepancy"})  # fmt: skip

# %%
checks_table(all_checks[all_checks["status"] == checks.DISCREPANCY], table_id="inv-checks-discrepancies",
             caption="The discrepancies of this chapter")  # fmt: skip

# %% [markdown]
# The chapter makes {glue:text}`investeringsregnskap_n_checks:s` checks. The explanations of the
# discrepancies are on the {doc}`audit` page.
#
# ## Try it
#
# The checks take a *getter*, a function that returns a table by name, so they can run on altered data.
# The cell below adds `DELTA` thousand kroner to the actual of the city bridge, *KK P11 Bybru*, in 2B
# part 1 (a typing error in one cell) and lists the checks whose class changes.
#
# 1. Run it and look at which checks break: the P11 subtotal of 2B, kommunekassen's fixed assets in its
#    own blocks, the net table's component and the P11 project table. One typo in one table is caught
#    from several sides.
# 2. Set `DELTA = 1` and run again. Which checks now say *rounding* rather than *discrepancy*, and why
#    would an error of one unit in a real report go unnoticed by these checks?
# 3. Instead alter `inv_2b_grants_to_others`: set *Investering DEKF* to 0. Which identity shows that
#    Drammen Eiendom KF's grant is what separates 2A from kommunekassen's own blocks?


# %%
DELTA = 1000


altered = checks.altered(inv.T1, "actual_2023", DELTA, add=True, label="KK P11 Bybru")
tried = checks.run(CH, get=altered)
moved = tried[tried["status"] != all_checks["status"]]
checks_table(moved, table_id="inv-try-moved")
