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
# # Audit: every check, and what the report gets wrong
#
# *Download* this page as a notebook with its outputs, {download}`audit.ipynb <audit.ipynb>`,
# or as a script, {download}`audit.py <audit.py>`; the checks, the register, the book's estimates and
# the management letter are offered as CSV files {ref}`below <audit-download>`.
#
# Each chapter compares figures the report prints with the same figures recomputed from other
# printed figures. This page runs every one of those checks again, from the same code the chapters
# use, judges each under the book's one tolerance rule (see {doc}`../book/data_and_methods`), and
# gathers the checks that fall outside it into *findings*, weighed as an auditor would weigh them.
# It adds no check of its own.

# %% tags=["remove-input"]
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from aarsevaluering import checks, findings
from aarsevaluering.audit import (
    CHAPTERS,
    HALF_WAY,
    NUMBER_WORDS,
    PAGE_PLACES,
    aggregation_html,
    audit_checks,
    audit_estimates,
    audit_findings,
    audit_letter,
    every_check_html,
    factor_table_html,
    finding_labels,
    materiality_chart,
    not_drawn_note,
    page_places,
    report_table,
    shown_precision,
)
from aarsevaluering.data import write_csv
from aarsevaluering.fmt import fmt
from aarsevaluering.identities.driftsregnskap import GENERAL_RESERVE_PCT
from aarsevaluering.prose import Figures
from aarsevaluering.style import use_book_style
from aarsevaluering.tables import styled

use_book_style()

# %% tags=["hide-input"]
txt = Figures()  # every figure the prose prints, shown there as {eval}`txt.<name>`
all_checks = checks.run()
findings.require_consistent(all_checks)  # a discrepancy without a finding, or a stale one, stops here
register = findings.table(all_checks)
letter = findings.letter(all_checks)
counts = findings.counts(all_checks)
for key, count in counts.items():
    txt[key] = fmt(count)
txt.agree = fmt(counts["exact"] + counts["rounding"])
txt.other_checks = fmt(counts["truncated"] + counts["estimate"])
thresholds = findings.materiality()
txt.reserve_pct = fmt(GENERAL_RESERVE_PCT, 0, "%")  # D09's general reserve, a share of gross operating income
txt.base = fmt(thresholds["base"], 1, "NOK million")
txt.materiality_pct = fmt(findings.MATERIALITY_PCT, 0, "%")
txt.overall = fmt(thresholds["overall"], 1, "NOK million")
txt.performance_pct = fmt(findings.PERFORMANCE_PCT, 0, "%")
txt.performance = fmt(thresholds["performance"], 1, "NOK million")
txt.trivial_pct = fmt(findings.TRIVIAL_SHARE_PCT, 0, "%")
txt.trivial = fmt(thresholds["trivial"], 1, "NOK million")
labels = finding_labels(register)  # a finding by its short name in the prose; its id only in links
material = register[register["materiality"] == findings.MATERIAL]
# Material by size alone, but weighed lower by a qualitative factor (a mistyped cell whose total is right).
lowered = register[(register["materiality_by_size"] == findings.MATERIAL)
                   & ~register["materiality"].isin([findings.MATERIAL, findings.NOT_WEIGHED])]  # fmt: skip
by_nature = counts["level_by_nature_material"]
# What the findings material by nature are: key figures (``findings.FACTORS``), printed wrongly where all are errors.
nature_rows = register[register["materiality"] == findings.BY_NATURE_MATERIAL]
nature_wrong = " printed wrongly" if (nature_rows["verdict"] == "error").all() else " the report gives two ways"
# All in percentage points: shares; otherwise shares and counts.
nature_kinds = "shares" if (nature_rows["size_unit_shown"] == "percentage points").all() else "shares and counts"
txt.by_nature_what = f"{'a figure' if by_nature == 1 else 'figures'} a reader quotes{nature_wrong} ({nature_kinds})"
# Two of them take their size from one age group's share (the reader's read, s9r2): that size, and how far
# their headline shares (women and men in all, in the table and the text) miss.
CELL_SIZED = ["pers-temporary-shares", "pers-permanent-shares"]
assert set(CELL_SIZED) <= set(nature_rows["finding_id"]), "a cell-sized gender share is no longer material by nature"
cell_members = findings.assign(all_checks).query("finding_id in @CELL_SIZED")
headline = cell_members["check_id"].str.endswith(".totalt") | cell_members["check_id"].str.startswith(
    "pers_prose_figures."
)
cell_sized = register.set_index("finding_id").loc[CELL_SIZED]
assert (cell_sized["size_unit_shown"] == "percentage points").all()
txt.cell_sizes = " and ".join(cell_sized["size_figure"]) + " percentage points"
txt.headline_gap = f"{fmt(cell_members.loc[headline, 'difference'].abs().max(), 2)} percentage points"
# How many findings are material, by nature and in NOK together (Table A.8's two rows), in short sentences
# (the designer's read, s11: two colons and a parenthesis in one claim).
material_all = len(material) + by_nature
txt.material_brief = " ".join(
    s
    for s in (
        f"{fmt(material_all)} {'finding is' if material_all == 1 else 'findings are'} material.",
        f"{'It is' if by_nature == 1 else 'All are' if not len(material) else f'{fmt(by_nature)} are'} material by "
        f"nature: {txt.by_nature_what}."
        if by_nature
        else "",
        f"{fmt(len(material))} {'is' if len(material) == 1 else 'are'} material in NOK "
        f"({', '.join(labels[i] for i in material['finding_id'])})."
        if len(material)
        else "",
        "No misstatement in NOK is material." if by_nature and not len(material) else "",
        f"By size alone, {fmt(len(lowered))} {'misstatement' if len(lowered) == 1 else 'misstatements'} in NOK "
        "would be material: "
        f"{' and '.join(labels[i] for i in lowered['finding_id'])}."
        if len(lowered)
        else "",
        f"{'Its qualitative factor lowers it' if len(lowered) == 1 else 'Their qualitative factors lower them'} "
        "(Table A.7)."
        if len(lowered)
        else "",
    )
    if s
)
# The largest finding a qualitative factor lowered below overall materiality, as the key's example.
txt.lowered_example = (
    f": so {findings.money_text(lowered['size_nok_million'].max())} can stand below materiality" if len(lowered) else ""
)
schedule = findings.aggregation(register, thresholds)
summed, no_flow, narrative = (schedule.iloc[i] for i in range(3))
txt.summed_n = fmt(summed["findings"])
txt.summed_total = findings.money_text(summed["total_nok_million"])
txt.no_flow_n = fmt(no_flow["findings"])
txt.narrative_n = fmt(narrative["findings"])
txt.brief_sum = (
    f"The {txt.summed_n} errors and inconsistencies in NOK that flow into the accounts and tables come to "
    f"{txt.summed_total}, {'at or above' if summed['exceeds'] else 'below'} overall materiality ({txt.overall})"
)
# Left out of the sum but at or above overall materiality alone: not material only by the book's qualitative
# judgement (the reader's read, s10: "each ... not material" was not what the sizes say).
over = register[register["finding_id"].isin(" ".join(schedule["finding_ids"].iloc[1:]).split())
                & (register["size_nok_million"] >= thresholds["overall"])]  # fmt: skip
txt.left_out_over = (
    f". {NUMBER_WORDS.get(len(over), fmt(len(over))).capitalize()} left out of the sum, "
    f"{' and '.join(labels[i] for i in over['finding_id'])}, {'is' if len(over) == 1 else 'are each'} above "
    f"overall materiality by size and weighed below it only by the book's qualitative judgement (Table A.7)"
    if len(over)
    else ""
)
# A finding material by a qualitative factor is material alone, whatever the sum (ISA 450).
material_alone = ", ".join(labels[i] for i in material["finding_id"])
txt.isa450_conclusion = (
    "at or above overall materiality: together they would be material, and the book would ask for them to be "
    "corrected before it could call the figures free of material misstatement"
    if summed["exceeds"]
    else "below overall materiality, so together they are not material by size; but "
    f"{material_alone} {'is' if len(material) == 1 else 'are'} material on {'its' if len(material) == 1 else 'their'} "
    "own, by the qualitative factor on its box, and until it is reconciled the book cannot call the figures "
    "free of material misstatement"
    if len(material)
    else f"below overall materiality, so together they are not material by size{txt.left_out_over}. The "
    "misstatements in NOK would not make the book qualify its reading of the figures"
    + (f" (the {fmt(by_nature)} findings material by nature are not in NOK, Table A.8)" if by_nature else "")
    + "; the letter still recommends their correction"
)

# %% [markdown]
# ## In brief
#
# - The book makes {eval}`txt.checks` checks of figures the report prints. {eval}`txt.agree` agree, *exact*
#   or within *rounding*. {eval}`txt.discrepancy` do not: they are *discrepancies*. The other
#   {eval}`txt.other_checks` are *truncated* (a restated figure cut off, not rounded) or the book's
#   *estimates* (shown, not graded).
# - The discrepancies come down to {eval}`txt.findings` findings. In {eval}`txt.contradicted` of them the
#   report contradicts itself: {eval}`txt.error` errors and {eval}`txt.inconsistency` inconsistencies. The
#   other {eval}`txt.not_contradicted` compare figures that measure different things, or rest on a relation the
#   report never states.
# - {eval}`txt.material_brief`
# - {eval}`txt.brief_sum`.
# - The {ref}`management letter <audit-letter>` ranks the {eval}`txt.corrections` corrections the book would
#   recommend; the {ref}`register <audit-register>` gives every finding, each with its id and a permalink;
#   how the book weighs them is under {ref}`Materiality <audit-materiality>`.

# %% tags=["hide-input"]
left_out_n = counts["findings"] - counts["corrections"]  # scope or unstated findings with no sentence to correct
assert left_out_n >= 0 and set(register["finding_id"]) >= set(letter["finding_id"])
assert register.loc[~register["finding_id"].isin(letter["finding_id"]), "verdict"].isin(["scope", "unstated"]).all()
# The brief's counts as one small table, from the checks to the letter (each row a part of the one above it
# where it says "of which").
# Which verdicts the material findings have ("all errors"), so the note does not read as a part of the row
# above it (reader s11r2: beside the scope row it read as three scope findings).
material_ids = set(material["finding_id"]) | set(nature_rows["finding_id"])
material_kinds = register.loc[register["finding_id"].isin(material_ids), "verdict"].unique()
material_verdicts = (
    f"; all {material_kinds[0]}s".replace("cys", "cies")  # errors, inconsistencies
    if len(material_kinds) == 1 and material_all > 1
    else ""
)
funnel = pd.DataFrame(
    [
        ("Checks of figures the report prints", counts["checks"]),
        ("of which agree (exact or within rounding)", counts["exact"] + counts["rounding"]),
        ("of which discrepancies", counts["discrepancy"]),
        (
            "of which truncated within their allowance, or estimates (not graded)",
            counts["truncated"] + counts["estimate"],
        ),
        ("Findings the discrepancies come down to", counts["findings"]),
        ("of which errors", counts["error"]),
        ("of which inconsistencies", counts["inconsistency"]),
        # Scope and unstated apart, as Table A.3 counts them (the designer's read, s11r4: three groupings).
        ("of which scope (not misstatements)", counts["scope"]),
        ("of which unstated (not misstatements)", counts["unstated"]),
        ("less findings of scope or unstated where no sentence needs to say more", left_out_n),
        ("Corrections in the management letter", counts["corrections"]),
        # A count across the verdicts, not a part of any split above: last, as a note (designer s11r3: among
        # the "of which" rows it made them sum to more than the findings).
        (
            f"Note, outside the counts above: findings material (in NOK or by nature), of the {counts['findings']}"
            f"{material_verdicts}",
            material_all,
        ),
    ],
    columns=["step", "count"],
)
assert counts["error"] + counts["inconsistency"] + counts["scope"] + counts["unstated"] == counts["findings"]
assert counts["findings"] - left_out_n == counts["corrections"]
# Only a count its rows add up to is a total (the designer's read, s11): the checks, the findings, and the
# corrections (the findings less those the letter leaves out). The note row last, in italics under a dotted rule.
styled(funnel, table_id="audit-funnel", caption="The year's audit in counts, from the checks to the letter",
       columns={"step": "From checks to corrections", "count": "Count"},
       total_mask=funnel["step"].str.match(r"(Checks|Findings the|Corrections)")).set_table_styles(
    [{"selector": "tbody tr:last-child td", "props": "font-style: italic; border-top: 1px dotted #8c8c8c;"}],
    overwrite=False)  # fmt: skip

# %% mystnb={"figure": {"caption": "Misstatements in NOK by size (log scale) against the book's thresholds, each an error or an inconsistency, in their bars' vermilion: disc, in the sum \u25bc (Table A.9); cross, left out of it (a total that is right, or a sentence), with the level it is weighed to under its name where it lies beyond overall materiality. Scope and unstated findings are not misstatements and are not drawn.", "name": "fig-audit-materiality"}, "image": {"alt": "Dot chart of every misstatement in NOK (errors and inconsistencies) on a logarithmic axis in NOK million, one row per finding named in a few words, largest at the top, with dotted lines at the clearly trivial level and at overall materiality, each named with its amount along the line, and above the top row a triangle at the sum of the misstatements that count; filled vermilion discs for the misstatements that count towards materiality, the largest labelled with its share of the sum, vermilion crosses for those left out of the sum, the two beyond overall materiality labelled below materiality with the reason (the title says the crosses beyond overall materiality are left out of the sum)."}} tags=["hide-input"]
chart = materiality_chart(register, thresholds, schedule)  # shown once, as the cell ends
# The findings material by nature, not in NOK and so not drawn: a sentence under the figure, in the text's
# size (the designer's read, s11r3: they stood in the source note's small type).
txt.not_drawn = not_drawn_note(register)

# %% [markdown]
# {eval}`txt.not_drawn`

# %% [markdown]
# ### By chapter
#
# The checks by class and the findings by verdict, chapter by chapter; the classes and the four verdicts
# are defined in {doc}`../book/data_and_methods`. Apart from the register stand {eval}`txt.book_estimates`
# of the book's own estimates, {ref}`below <audit-estimates>`.

# %% tags=["hide-input"]
# In the book's order, with a total row (the designer's read: alphabetical rows and no total).


def in_book_order_with_total(counts: pd.DataFrame) -> pd.DataFrame:
    """Counts by chapter (the index) in the book's chapter order, their titles, and a total row."""
    assert set(counts.index) <= set(CHAPTERS), f"a chapter without an English name: {set(counts.index)}"
    counts = counts.reindex(index=list(CHAPTERS), fill_value=0)
    counts["all"] = counts.sum(axis=1)  # as Table A.2: the checks or findings per chapter without adding
    counts.loc["All chapters"] = counts.sum()
    # Each chapter by its one name on the audit page (the register's Chapter filter), on one line: the
    # two-line titles made every row twice as tall (the designer's read, s11r4).
    return counts.rename(index=findings.CHAPTER_NAMES).rename_axis("chapter").reset_index()


by_status = in_book_order_with_total(checks.summary(all_checks))
styled(by_status, table_id="audit-counts", caption="Checks by class, per chapter",
       columns={"chapter": "Chapter", "exact": "Exact", "rounding": "Rounding", "truncated": "Truncated",
                "estimate": "Estimate", "discrepancy": "Discrepancy", "all": "All"},
       total_mask=by_status["chapter"] == "All chapters").set_table_styles(
    [{"selector": "th:not(:first-child), td:not(:first-child)", "props": "padding-left: 1.2em;"}],
    overwrite=False)  # the headers apart (the designer's read, s11r4: they ran into each other)  # fmt: skip

# %% tags=["hide-input"]
verdicts = register.groupby(["chapter", "verdict"]).size().unstack(fill_value=0)
verdicts = in_book_order_with_total(verdicts.reindex(columns=list(findings.VERDICTS), fill_value=0))
styled(verdicts, table_id="audit-verdicts", caption="Findings by verdict, per chapter",
       columns={"chapter": "Chapter", "error": "Error", "inconsistency": "Inconsistency", "scope": "Scope",
                "unstated": "Unstated", "all": "All"},
       total_mask=verdicts["chapter"] == "All chapters").set_table_styles(
    [{"selector": "th:not(:first-child), td:not(:first-child)", "props": "padding-left: 1.2em;"}],
    overwrite=False)  # as Table A.2  # fmt: skip

# %% [markdown]
# (audit-letter)=
# ## Management letter
#
# The {eval}`txt.corrections` corrections the book would recommend to the municipality, ranked as an
# auditor ranks them: by materiality level, then, within a level, by size (the Size column: amounts in NOK first,
# then percentage points, head counts and claims in words). Every error and inconsistency is here; a finding of scope or unstated
# only where a sentence of the report should say more. Where nothing printed shows which of two figures
# is wrong (an *inconsistency*), the recommendation is to reconcile them.
#
# Under each correction stand its short name, a link to its row in the register, and its owner: the
# authors of the report's section the figure stands in (the book's assignment: the report names no authors
# for its sections, except the foreword's, «Kommunedirektørens forord», the chief municipal executive's).
# Management's response has not yet been received for any. Open a row for the figure, its printed value,
# where it stands in the published report (section, printed caption and words to search for) and what it
# should read. `python -m aarsevaluering.audit --letter` writes the same list as CSV.
#
# **Reading the Materiality column** (the reasons are under {ref}`Materiality <audit-materiality>`):
#
# - *material*: {eval}`txt.overall` or more (overall materiality); *below materiality*: above
#   {eval}`txt.trivial`; *clearly trivial*: {eval}`txt.trivial` or less;
# - a figure not in NOK: *material by nature* if it is a key figure a reader quotes, otherwise not;
# - *not weighed*: a finding of scope or unstated, not a misstatement, so not weighed against materiality
#   (the letter keeps it where a sentence should say more);
# - ↑ or ↓ under a level: a qualitative factor (Table A.7) raised or lowered it from the level its size
#   gives{eval}`txt.lowered_example`.

# %% tags=["hide-input"]
# The levels' key in the letter's caption, at the table (the designer's read, s11r4: the bullets above were
# two screens away by row 20).
# The letter's first rows are material by nature, sized in percentage points: keyed too (reader s12).
letter_key = (f"material: {txt.overall} or more; material by nature: a key figure a reader quotes (not in NOK); "
              f"below materiality: above {txt.trivial}; clearly trivial: {txt.trivial} or less")  # fmt: skip
HTML(findings.letter_html(letter, register, caption=f"{findings.LETTER_CAPTION}; {letter_key}"))

# %% tags=["hide-input"]
query_frame = findings.queries(all_checks)
txt.queries = fmt(len(query_frame) - len(findings.PAY_QUERIES))
txt.pay_queries = ", ".join(findings.PAY_QUERIES)
txt.improbable_pct = fmt(100 * checks.IMPROBABLE, 0, "%")
txt.release_tag = checks.release_tag()
txt.sums_tested = fmt(int(((all_checks["kind"] == checks.SUM) & (all_checks["terms"] >= 2)).sum()))
txt.expected_flags = fmt(checks.expected_flags(all_checks), 1)
assigned = findings.assign(all_checks)  # the estimates among the checks, and those the book's estimates gather
gathered = (assigned["status"] == checks.ESTIMATE) & (assigned["finding_id"] != "")
txt.estimates_gathered = fmt(int((gathered & (assigned["verdict"] == findings.BOOK_ESTIMATE)).sum()))

# %% [markdown]
# ### Queries
#
# Besides the corrections, the book would ask the municipality to confirm {eval}`txt.queries` totals:
# each lies within the rounding rule, but its parts leave a gap that rounding the parts and the total
# from the same amounts would leave less often than {eval}`txt.improbable_pct` of the time (see {ref}`below <audit-improbable-sums>`).
# It would also ask about the average pay of {eval}`txt.pay_queries`: the average of all must lie
# between the women's and the men's, and weighted by their head counts it should come close to the
# printed one (the book's estimate: the report states no weighting), but the printed average implies a
# weight for the men far from their share of the head count (the query gives both).
# They are questions, not findings; open a row for the check, its parts, the gap rounding allows, the
# report's lines and the question.

# %% tags=["hide-input"]
HTML(findings.queries_html(query_frame))

# %% [markdown]
# (audit-register)=
# ## The register of findings
#
# Every finding about what the report prints, by its short name (as Fig. A.1 names a misstatement) and its
# id, a permalink to its row; largest amounts first. Sizes are given as each finding's box gives them, one
# precision per unit: NOK million to one decimal (a size that would round to 0.0 shows as "< 0.1", its exact size
# in NOK thousand under it), percentage points to two decimals ("pp" in the cell), other units whole. Sort by a header, filter by
# chapter, verdict, nature or materiality, and open a row for the whole finding: what is wrong, its checks
# (with links to their code), where it stands in the published report and what it should read. Under a
# level, ↑ or ↓ names the qualitative factor (see {ref}`Materiality <audit-materiality>`) that moved it; the
# rule on a row's left edge marks the verdict, as on the finding boxes: vermilion where the report
# contradicts itself, grey where it does not.

# %% tags=["hide-input"]
HTML(findings.register_html(register))

# %% [markdown]
# (audit-materiality)=
# ## Materiality: how the book weighs a finding
#
# An auditor weighs a misstatement against *materiality* (ISA 320) and reads the report's text against its
# figures as *other information* (ISA 720). The book's thresholds, and why it sets them so, are in
# {doc}`../book/data_and_methods`; for 2023 they are:
#
# - overall materiality {eval}`txt.overall`, {eval}`txt.materiality_pct` of gross operating income
#   ({eval}`txt.base`, implied by D09's general reserve of {eval}`txt.reserve_pct`; the report does not
#   print the income itself);
# - performance materiality {eval}`txt.performance` ({eval}`txt.performance_pct` of it), for planning only;
# - the *clearly trivial* line {eval}`txt.trivial` ({eval}`txt.trivial_pct` of materiality).
#
# Size is not the whole of it (ISA 320 and 450 weigh the nature of a misstatement too), so a finding's
# level can differ from where its mark lies in Fig. A.1. The book applies the qualitative factors of
# Table A.7, each written on the finding it applies to; the last column names the findings each moves
# from the level its size alone would give.

# %% tags=["hide-input"]
HTML(factor_table_html(register))

# %% [markdown]
# Findings not in kroner (percentages, head counts, claims in words) are material by nature when they
# are a key figure, and not otherwise. Findings of *scope* and *unstated* are not misstatements of the
# report and are not weighed.
#
# The gender shares among the HR figures weigh because, in the book's
# reading, they are the report's account of the state of gender equality, which an annual report owes its
# readers by law (the book's understanding of the duty; it does not check the law here). They stand in the
# section «Likestilling og mangfold», under «Kjønnsbalansen totalt i virksomheten», «Midlertidig ansatte»
# and «Ansatte i deltidsstillinger». For the temporary and the permanent staff the size is the miss in one
# age group's printed share ({eval}`txt.cell_sizes`); their headline shares of women and men miss by at most
# {eval}`txt.headline_gap`.
#
# Table A.8 counts every finding of the register by its level (rows, the material ones first) and by the kind of figure it concerns, its *nature* (columns): *statutory*, the financial
# statements the regulations require (2A, 2B); *budget*, the budget columns; *tables*, the report's own
# tables beside its text; *narrative*, the text; *HR*, the HR statistics.

# %% tags=["hide-input"]
# One row per level (long names wrap in the first column), one short column per nature, totals under a rule.
by_level = register.groupby(["materiality", "nature"]).size().unstack(fill_value=0)
by_level = by_level.reindex(index=list(findings.LETTER_LEVELS), columns=list(findings.NATURES), fill_value=0)
by_level["all"] = by_level.sum(axis=1)
by_level.loc["all findings"] = by_level.sum()
# Each level says whether it weighs amounts in NOK or figures not in NOK, so "material" has one reading.
kind = {level: " (not in NOK)" if level.startswith("not in NOK") else " (NOK)" for level in findings.LEVELS}
kind[findings.NOT_WEIGHED] = ""
by_level.index = [findings.shown_level(lv).capitalize() + kind.get(lv, "") for lv in by_level.index]
by_level.index = [i.replace("Not weighed", "Not weighed (not a misstatement)") for i in by_level.index]
# A level or a nature with no finding is left out, and named in the caption (the designer's read, s11r4: a table
# mostly of zeros, its all-zero row the point the text makes).
empty_rows = [i for i in by_level.index[:-1] if by_level.loc[i, "all"] == 0]
empty_cols = [c for c in findings.NATURES if by_level.iloc[-1][c] == 0]
by_level = by_level.drop(index=empty_rows, columns=empty_cols)
left_out_levels = [lv[0].lower() + lv[1:] for lv in empty_rows] + [
    findings.NATURES[c].split(":")[0] for c in empty_cols
]
level_caption = "Findings by materiality level and by nature (kind of figure)"
if left_out_levels:
    level_caption += f"; no finding is {' or '.join(left_out_levels)}, a row left out"
by_level = by_level.rename_axis("materiality").reset_index()
styled(by_level, table_id="audit-materiality", caption=level_caption,
       columns={"materiality": "Materiality", "statutory": "Statutory", "budget": "Budget", "tables": "Tables",
                "narrative": "Narrative", "hr": "HR", "all": "All"},
       total_mask=by_level["materiality"] == "All findings")  # fmt: skip

# %% [markdown]
# ### Uncorrected misstatements, evaluated
#
# Small misstatements can add up (ISA 450). Table A.9 sums those in NOK in figures that flow into the
# accounts and tables, {eval}`txt.summed_total`: {eval}`txt.isa450_conclusion`. The table also gives the two
# groups left out of the sum, each with why and its amount, marked not summed; every finding with its size.

# %% tags=["hide-input"]
HTML(aggregation_html(schedule, labels, dict(zip(register["finding_id"], register["size_nok_million"], strict=True))))

# %% [markdown]
# (audit-estimates)=
# ## The book's estimates
#
# Some comparisons rest on the book's own model, not on anything the report prints: a bridge that
# needs a split the report does not give, a base it never prints, a pairing of figures with lines it
# does not name. They are not findings about the report, so they stand here, with their size (how far
# the model is from the printed figure) and what they rest on.

# %% tags=["hide-input"]
HTML(findings.boxes(findings._rows(all_checks, None, estimates=True)))

# %% [markdown]
# (audit-improbable-sums)=
# ## Gaps rounding allows but seldom makes
#
# The {eval}`txt.improbable` sums so flagged are the totals the {ref}`queries <audit-letter>` ask about
# (the model is in {doc}`../book/data_and_methods`). Chance alone makes some: across the book's
# {eval}`txt.sums_tested` sums of two or more parts, rounding would flag {eval}`txt.expected_flags` on
# average, so a flag is a question, not evidence of an error.

# %% [markdown]
# (audit-download)=
# ## Download
#
# The build writes four CSV files from the same code as this page; `python -m aarsevaluering.audit` writes
# them too:
#
# - every check, with its finding, verdict and a link to its code:
#   {download}`audit_checks.csv <_generated/audit_checks.csv>` (no option);
# - the register: {download}`audit_findings.csv <_generated/audit_findings.csv>` (`--findings`);
# - the book's estimates: {download}`audit_estimates.csv <_generated/audit_estimates.csv>` (`--estimates`);
# - the management letter: {download}`audit_letter.csv <_generated/audit_letter.csv>` (`--letter`).
#
# Figures are at the precision printed; a difference of two percentages is in percentage points.
#
# Each link to the code names the file and line of the function that makes the check, in the repository
# as tagged for this version of the book, {eval}`txt.release_tag` (the version CITATION.cff gives; the
# release step creates the tag), so that it shows the code that made this page when the main branch
# moves on. The tag exists once this version is released, as the footer says; until then a link does not
# resolve, and the same file and line are on the main branch.

# %% tags=["hide-input", "remove-output"]
every_check = audit_checks(all_checks)
for name, frame in [("checks", every_check), ("findings", audit_findings(all_checks)),
                    ("estimates", audit_estimates(all_checks)), ("letter", audit_letter(all_checks))]:  # fmt: skip
    write_csv(frame, Path("_generated") / f"audit_{name}.csv")  # untouched when unchanged
print(f"{len(all_checks)} checks in audit_checks.csv")
DECIMALS = {1: "one decimal", 2: "two decimals", 3: "three decimals"}
txt.page_places = (f"NOK million with {DECIMALS[PAGE_PLACES['NOK million']]}, percentages and percentage points "
                   f"with {DECIMALS[PAGE_PLACES['percent']]}, every other unit whole")  # fmt: skip
# Where the unit's precision would show a difference at half a printed unit or on its wrong side: finer
# digits (a row, as it reads and as it would), or the mark of a recomputed figure half-way between two.
precision = shown_precision(every_check)
finer_only = precision["finer"] & ~precision["half_way"]
txt.finer_n = fmt(int(finer_only.sum()))
finer, places = every_check[finer_only].iloc[0], int(precision.loc[finer_only, "places"].iloc[0])
coarse = page_places(finer["unit"], int(finer["decimals"]))
txt.finer_printed = fmt(finer["printed"], int(finer["decimals"]))
txt.finer_example, txt.finer_coarse = (
    f"recomputed {fmt(finer['recomputed'], n)}, difference {fmt(finer['difference'], n, sign=True)}"
    for n in (places, coarse)
)
txt.finer_status = finer["status"]
# The example's unit, as the list's unit column gives it: a percentage's difference is in percentage points.
txt.finer_what = finer["what"]
txt.finer_unit = "per cent, its difference in percentage points" if finer["unit"] in ("percent", "%") else finer["unit"]
txt.finer_table = report_table(finer["table"], what=finer["what"])
txt.half_way_n = fmt(int(precision["half_way"].sum()))
txt.half_way = HALF_WAY

# %% [markdown]
# (audit-every-check)=
# ## Every check
#
# The whole list, chapter by chapter in the book's order and each chapter's checks as it makes them, in a
# box of its own that scrolls (at full height it would be many times the page).
#
# - **Find and sort.** Type in the search box to find a table, a line, a label or a finding's id; choose a
#   chapter, unit, class or verdict to narrow the list; click a header to sort.
# - **A row.** What the check compares, and under the words the report's table its figures stand in (the
#   book's id, D01 …, with the printed caption where it is short; the data page lists them) and their unit (a
#   difference of two percentages is in percentage points, pp); the figure as printed; the recomputed one;
#   their difference (printed less recomputed), with the check's class under it.
# - **Open a row** for its id, chapter, the report's table in full, verdict and finding, the report's lines
#   and a link to the function that makes it.
#
# - **Precision.** One precision per unit: {eval}`txt.page_places`, never coarser than the printed figure
#   (the CSV keeps more digits).
# - **A digit more** where that precision would put a difference at half the printed figure's last unit
#   (the line between *exact* and the rest) or on its wrong side: {eval}`txt.finer_n` rows. One,
#   *{eval}`txt.finer_what`* ({eval}`txt.finer_table`, in {eval}`txt.finer_unit`), prints
#   {eval}`txt.finer_printed`, with {eval}`txt.finer_example` and the class *{eval}`txt.finer_status`*; at
#   the unit's precision it would read {eval}`txt.finer_coarse`, as if it broke its class.
# - **Half-way.** A recomputed figure half-way between two printed values rounds to either; the rule counts
#   it exact, marked *({eval}`txt.half_way`)* under its class ({eval}`txt.half_way_n` rows).
#
# The *class* is the check's own result under the tolerance rule (*exact*,
# *rounding*, *truncated*, *estimate* or *discrepancy*; see {doc}`../book/data_and_methods`); the *verdict*
# is its finding's judgement of the report (— for a check in no finding).

# %% tags=["hide-input"]
HTML(every_check_html(every_check))
