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

# %% tags=["hide-input"]
from pathlib import Path

from IPython.display import HTML

from aarsevaluering import checks, findings
from aarsevaluering.audit import (
    audit_checks,
    audit_estimates,
    audit_findings,
    audit_letter,
    every_check_html,
    letter_html,
)
from aarsevaluering.data import write_csv
from aarsevaluering.fmt import fmt
from aarsevaluering.identities.driftsregnskap import GENERAL_RESERVE_PCT
from aarsevaluering.prose import Figures
from aarsevaluering.tables import styled

txt = Figures()  # every figure the prose prints, shown there as {eval}`txt.<name>`
all_checks = checks.run()
findings.require_consistent(all_checks)  # a discrepancy without a finding, or a stale one, stops here
register = findings.table(all_checks)
letter = findings.letter(all_checks)
for key, count in findings.counts(all_checks).items():
    txt[key] = fmt(count)

# %% tags=["hide-input"]
thresholds = findings.materiality()
txt.reserve_pct = fmt(GENERAL_RESERVE_PCT, 0, "%")  # D09's general reserve, a share of gross operating income
txt.base = fmt(thresholds["base"], 1, "NOK million")
txt.materiality_pct = fmt(findings.MATERIALITY_PCT, 0, "%")
txt.overall = fmt(thresholds["overall"], 1, "NOK million")
txt.trivial_pct = fmt(findings.TRIVIAL_SHARE_PCT, 0, "%")
txt.trivial = fmt(thresholds["trivial"], 1, "NOK million")
material = register[register["materiality"] == findings.MATERIAL]
txt.material_ids = ", ".join(material["finding_id"]) or "none"

# %% [markdown]
# ## Materiality
#
# An auditor weighs a misstatement against *materiality*, a threshold set from a benchmark that suits
# the entity (ISA 320). For a municipality the usual benchmark is gross operating income: here
# {eval}`txt.base`, as D09's general reserve, which the report prints as {eval}`txt.reserve_pct` of it, implies (the
# report does not print the income itself). The book takes {eval}`txt.materiality_pct` of it as
# overall materiality, {eval}`txt.overall`, and a *clearly trivial* line at {eval}`txt.trivial_pct`
# of that, {eval}`txt.trivial`: a misstatement below it would not change any reader's view even
# added to the others. Findings not in kroner (percentages, head counts, claims in words) cannot be
# weighed this way and are judged by their nature.
#
# Of the {eval}`txt.findings` findings in the register, {eval}`txt.level_material` are material
# ({eval}`txt.material_ids`), {eval}`txt.level_below_materiality` lie between the two lines,
# {eval}`txt.level_clearly_trivial` are clearly trivial and {eval}`txt.level_not_in_NOK` are not in
# kroner. By nature, {eval}`txt.nature_statutory` concern the statutory accounts,
# {eval}`txt.nature_budget` the budget columns, {eval}`txt.nature_narrative` the narrative text and
# {eval}`txt.nature_hr` the HR statistics.

# %% tags=["hide-input"]
by_nature = register.groupby(["nature", "materiality"]).size().unstack(fill_value=0)
by_nature = by_nature.reindex(index=list(findings.NATURES), columns=list(findings.LEVELS), fill_value=0)
styled(by_nature.reset_index(), table_id="audit-materiality", caption="Findings by nature and materiality",
       columns={"nature": "Nature", **{level: level.capitalize() for level in findings.LEVELS}})  # fmt: skip

# %% [markdown]
# (audit-letter)=
# ## Management letter
#
# The {eval}`txt.corrections` corrections the book would recommend to the municipality, ranked as an
# auditor ranks them: material findings first, then by size in kroner, then those not in kroner.
# Each names the printed figure, where it stands in the published report (its section's headings, the
# table's printed caption and printed words to search for; the line is the book's own reference to
# its text extraction), what it should read, and the finding that explains it. Where the report's own
# figures do not show which of two figures is wrong (an *inconsistency*), the recommendation is to
# reconcile them. `python -m aarsevaluering.audit --letter` writes the same list as CSV.

# %% tags=["hide-input"]
HTML(letter_html(letter))

# %% [markdown]
# ## What the checks found
#
# The book makes {eval}`txt.checks` checks. Of these, {eval}`txt.exact` are exact and
# {eval}`txt.rounding` are within the difference that rounding can produce;
# {eval}`txt.truncated` restate a figure cut off rather than rounded, and
# {eval}`txt.estimate` rest on relations the report never states and are shown without a
# grade. The {eval}`txt.discrepancy` discrepancies come down to {eval}`txt.findings` findings
# about what the report prints.
#
# **{eval}`txt.contradicted` findings are the report contradicting itself**:
# {eval}`txt.error` where its own figures show which figure is wrong (*error*) and
# {eval}`txt.inconsistency` where they do not (*inconsistency*). The other
# {eval}`txt.not_contradicted` are not errors of the report: {eval}`txt.scope`
# compare figures that measure different things (*scope*) and {eval}`txt.unstated` rest on
# a relation the report never states (*unstated*). Apart from the register stand
# {eval}`txt.book_estimates` of the book's own estimates, {ref}`below <audit-estimates>`.

# %% tags=["hide-input"]
CHAPTER_NAMES = {"driftsregnskap": "Operating", "investeringsregnskap": "Investment", "balanse": "Balance",
                 "pensjon": "Pensions", "personnel": "Personnel"}  # fmt: skip
by_status = checks.summary(all_checks).rename(index=CHAPTER_NAMES).reset_index()
styled(by_status, table_id="audit-counts", caption="Checks by class, per chapter",
       columns={"chapter": "Chapter", "exact": "Exact", "rounding": "Rounding", "truncated": "Truncated",
                "estimate": "Estimate", "discrepancy": "Discrepancy"})  # fmt: skip

# %% tags=["hide-input"]
verdicts = register.groupby(["chapter", "verdict"]).size().unstack(fill_value=0)
verdicts = verdicts.reindex(index=sorted(checks.IDENTITIES), columns=list(findings.VERDICTS), fill_value=0)
styled(verdicts.rename(index=CHAPTER_NAMES).reset_index(), table_id="audit-verdicts",
       caption="Findings by verdict, per chapter",
       columns={"chapter": "Chapter", "error": "Error", "inconsistency": "Inconsistency", "scope": "Scope",
                "unstated": "Unstated"})  # fmt: skip

# %% [markdown]
# The verdicts are a closed vocabulary:
#
# error
# : the report's figures contradict each other, and its own figures show which one is wrong;
#
# inconsistency
# : the figures contradict each other, and nothing printed says which is right;
#
# scope
# : the figures measure different things, so the difference is not an error, only unstated;
#
# unstated
# : the comparison rests on a relation the report never states, and nothing printed speaks against it.

# %% [markdown]
# (audit-register)=
# ## The register of findings
#
# One row per finding about what the report prints, largest money findings first; click a header to
# sort, choose a chapter, verdict, nature or materiality to narrow the list, and open a row to read
# the finding: what is wrong, how much, how sure the book is, where to find it in the published
# report, what it should read, its checks (with links to the code that makes them) and its
# explanation. The size is the difference of the finding's largest check (or of the check the finding
# names as its measure), in NOK million with one decimal for amounts; a finding not in kroner shows
# its size in its own unit inside the row. Each id is a permalink: `audit.html#finding-<id>`.

# %% tags=["hide-input"]
HTML(findings.register_html(register, caption="The register: every finding, largest first"))

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

# %% tags=["hide-input"]
improbable = all_checks[(all_checks["status"] == checks.ROUNDING) & (all_checks["p_rounding"] < checks.IMPROBABLE)]
txt.improbable_pct = fmt(100 * checks.IMPROBABLE, 0, "%")

# %% [markdown]
# ## Gaps rounding allows but seldom makes
#
# A sum of *n* rounded figures may be off by up to (*n* + 1)/2 units, but a gap near that limit
# needs every rounding error to lean the same way. For each sum, the book computes how likely
# independent rounding errors are to leave a gap at least as large as the one printed. These
# {eval}`txt.improbable` checks stay within the rule, but rounding alone would leave their gap less
# often than {eval}`txt.improbable_pct` of the time: worth a look, not counted as discrepancies.

# %% tags=["hide-input"]
styled(improbable[["check_id", "what", "printed", "recomputed", "terms", "p_rounding", "source_lines"]],
       table_id="audit-improbable", caption="Sums within rounding whose gap is improbable",
       columns={"check_id": "Check", "what": "What", "printed": "Printed", "recomputed": "Recomputed",
                "terms": "Parts", "p_rounding": "Probability", "source_lines": "Report lines"},
       decimals={"p_rounding": 4})  # fmt: skip

# %% [markdown]
# (audit-download)=
# ## Download
#
# `python -m aarsevaluering.audit` writes every check as CSV, with its finding, verdict and a link to
# its code ({download}`audit_checks.csv <_generated/audit_checks.csv>`); `--findings` writes the
# register ({download}`audit_findings.csv <_generated/audit_findings.csv>`), `--estimates` the
# book's estimates ({download}`audit_estimates.csv <_generated/audit_estimates.csv>`) and
# `--letter` the management letter ({download}`audit_letter.csv <_generated/audit_letter.csv>`).
# The build writes the files from the same code; figures are at the precision printed.

# %% tags=["hide-input"]
every_check = audit_checks(all_checks)
for name, frame in [("checks", every_check), ("findings", audit_findings(all_checks)),
                    ("estimates", audit_estimates(all_checks)), ("letter", audit_letter(all_checks))]:  # fmt: skip
    write_csv(frame, Path("_generated") / f"audit_{name}.csv")  # untouched when unchanged
print(f"{len(all_checks)} checks in audit_checks.csv")

# %% [markdown]
# (audit-every-check)=
# ## Every check
#
# The whole list, in the order the chapters make them. Type in the search box to find a table, a
# line, a label or a finding's id; choose a chapter, class or verdict to narrow the list; click a
# header to sort. Each check shows the printed figure, the recomputed one and their difference
# (printed less recomputed) in the unit of the check, the report's lines, and a link to the function
# that makes it. The *class* is the check's own result under the tolerance rule; the *verdict* is its
# finding's judgement of the report (— for a check in no finding).

# %% tags=["hide-input"]
HTML(every_check_html(every_check))
