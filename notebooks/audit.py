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
# # Audit: every check, and what the report gets wrong
#
# *Download* this page as a notebook with its outputs, {download}`audit.ipynb <audit.ipynb>`,
# or as a script, {download}`audit.py <audit.py>`; the checks and the findings are offered as CSV files
# {ref}`below <audit-download>`.
#
# Each chapter compares figures the report prints with the same figures recomputed from other
# printed figures. This page runs every one of those checks again, from the same code the chapters
# use, judges each under the book's one tolerance rule (see {doc}`../book/data_and_methods`), and
# gathers the checks that fall outside it into *findings*: one underlying slip and every check it
# breaks, with a verdict. It adds no check of its own.

# %% tags=["remove-input"]
from pathlib import Path

from myst_nb import glue

from aarsevaluering import checks, findings
from aarsevaluering.audit import audit_checks, audit_findings
from aarsevaluering.data import write_csv
from aarsevaluering.fmt import UNIT_SUFFIX, fmt, fmt_difference
from aarsevaluering.tables import interactive, styled

all_checks = checks.run()
findings.require_consistent(all_checks)  # a discrepancy without a finding, or a stale one, stops here
counts = findings.counts(all_checks)
# The chapters by their short English names, so that the tables fit the page.
CHAPTER_NAMES = {"driftsregnskap": "Operating", "investeringsregnskap": "Investment", "balanse": "Balance",
                 "pensjon": "Pensions", "personnel": "Personnel"}  # fmt: skip
for key, count in counts.items():
    glue(f"audit_{key}", fmt(count), display=False)

# %% [markdown]
# ## What the checks found
#
# The book makes {glue:text}`audit_checks:s` checks. Of these, {glue:text}`audit_exact:s` are exact and
# {glue:text}`audit_rounding:s` are within the difference that rounding can produce;
# {glue:text}`audit_truncated:s` restate a figure cut off rather than rounded, and
# {glue:text}`audit_estimate:s` rest on relations the report never states and are shown without a
# grade. The {glue:text}`audit_discrepancy:s` discrepancies come down to
# {glue:text}`audit_findings:s` findings.
#
# **{glue:text}`audit_contradicted:s` findings are the report contradicting itself**:
# {glue:text}`audit_error:s` where its own figures show which figure is wrong (*error*) and
# {glue:text}`audit_inconsistency:s` where they do not (*inconsistency*). The other
# {glue:text}`audit_not_contradicted:s` are not errors of the report: {glue:text}`audit_scope:s`
# compare figures that measure different things (*scope*) and {glue:text}`audit_unstated:s` rest on
# a relation the report never states (*unstated*).

# %% tags=["remove-input"]
by_status = checks.summary(all_checks).rename(index=CHAPTER_NAMES).reset_index()
styled(by_status, table_id="audit-counts", caption="Checks by class, per chapter",
       columns={"chapter": "Chapter", "exact": "Exact", "rounding": "Rounding", "truncated": "Truncated",
                "estimate": "Estimate", "discrepancy": "Discrepancy"})  # fmt: skip

# %% tags=["remove-input"]
verdicts = findings.table(all_checks).groupby(["chapter", "verdict"]).size().unstack(fill_value=0)
verdicts = verdicts.reindex(index=sorted(checks.IDENTITIES), columns=list(findings.VERDICTS), fill_value=0)
styled(verdicts.rename(index=CHAPTER_NAMES).reset_index(), table_id="audit-verdicts", caption="Findings by verdict, per chapter",
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
# Every finding, largest first: money findings ranked together in NOK thousand, then the others
# (percentage points, counts, claims). Each box says *what* is wrong (its title), *how much* (its
# size) and *how sure* the book is (its verdict and, where the report's own figures tell, the printed
# figure most likely wrong). The size is the difference of the finding's largest check, or of the
# check the finding names as its measure, and, for amounts, that difference relative to the printed
# figure; a claim in words has no size. The explanation names the printed figures and report lines
# the finding rests on, and says where the book infers rather than reads. Each finding has a stable
# id for citing it; the table {ref}`below <audit-every-check>` lists its checks.

# %% tags=["remove-input"]
findings.show(all_checks)

# %% [markdown]
# (audit-download)=
# ## Download
#
# `python -m aarsevaluering.audit` writes every check as CSV, with its finding and verdict
# ({download}`audit_checks.csv <_generated/audit_checks.csv>`); `python -m aarsevaluering.audit
# --findings` writes the findings ({download}`audit_findings.csv <_generated/audit_findings.csv>`).
# The build writes both files from the same code.

# %% tags=["hide-input"]
write_csv(audit_checks(all_checks), Path("_generated") / "audit_checks.csv")  # untouched when unchanged
write_csv(audit_findings(all_checks), Path("_generated") / "audit_findings.csv")
print(f"{len(all_checks)} checks in audit_checks.csv")

# %% [markdown]
# (audit-every-check)=
# ## Every check
#
# The whole list, in the order the chapters make them. Type in the search box to find a table, a
# line, a label or a finding's id; choose a chapter, class or verdict to narrow the list; click a
# header to sort. The difference is printed less recomputed, in the unit named after the check. A
# check that belongs to a finding ends with the finding's id and carries its verdict; a check in no
# finding has no verdict (—). The *class* is the check's own result under the tolerance rule; the
# *verdict* is the finding's judgement of the report, so a finding's checks share one verdict.

# %% tags=["remove-input"]
every_check = audit_checks(all_checks)
every_check = every_check.assign(
    check_text=[(f"{what} ({UNIT_SUFFIX.get(unit, unit)})" if unit else what) + (f" · {fid}" if fid else "")
                for what, unit, fid in zip(all_checks["what"], all_checks["unit"], every_check["finding_id"],
                                           strict=True)],
    chapter_name=all_checks["chapter"].map(CHAPTER_NAMES),
    difference_text=[fmt_difference(v, int(d)) for v, d in
                     zip(all_checks["difference"], all_checks["decimals"], strict=True)],
    # A verdict belongs to a finding; a check in no finding has none (the CSV repeats its class there).
    verdict_text=[verdict if fid else "—" for verdict, fid in
                  zip(every_check["verdict"], every_check["finding_id"], strict=True)],
)  # fmt: skip
interactive(every_check, table_id="audit-all", caption="Every check of the book",
            filters=("chapter_name", "status", "verdict_text"),
            columns={"check_text": "Check", "chapter_name": "Chapter", "difference_text": "Difference",
                     "status": "Class", "verdict_text": "Verdict"})  # fmt: skip
