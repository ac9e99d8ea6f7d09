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
# # Audit: every check in one place
#
# *Download* this page as a notebook with its outputs, {download}`audit.ipynb <audit.ipynb>`,
# or as a script, {download}`audit.py <audit.py>`;
# the table of every check is offered {ref}`below <audit-download>`.
#
# Each chapter compares figures the report prints with the same figures recomputed from other
# printed figures. This page runs every one of those checks again, from the same code the chapters
# use, and lists them in one table that can be cited and downloaded. It adds no check of its own.
#
# A check is *exact* when the recomputed figure rounds to the printed one, *rounding* when the two
# differ by at most two units of the last printed digit, and a *discrepancy* otherwise (see
# {doc}`../book/data_and_methods`).

# %%
from pathlib import Path

from myst_nb import glue

from aarsevaluering import checks
from aarsevaluering.data import write_csv
from aarsevaluering.fmt import fmt
from aarsevaluering.tables import checks_table, styled

all_checks = checks.run()
counts = checks.summary(all_checks)
glue("audit_total_checks", fmt(len(all_checks)), display=False)
glue("audit_discrepancies", fmt((all_checks["status"] == checks.DISCREPANCY).sum()), display=False)
glue("audit_rounding", fmt((all_checks["status"] == checks.ROUNDING).sum()), display=False)
glue("audit_exact", fmt((all_checks["status"] == checks.EXACT).sum()), display=False)

# %% [markdown]
# ## Counts by chapter and class
#
# The book makes {glue:text}`audit_total_checks:s` checks: {glue:text}`audit_exact:s` exact,
# {glue:text}`audit_rounding:s` within rounding and {glue:text}`audit_discrepancies:s` discrepancies.

# %%
counts_view = counts.assign(total=counts.sum(axis=1)).reset_index()
styled(counts_view, table_id="audit-counts", columns={"chapter": "Chapter", "exact": "Exact",
       "rounding": "Rounding", "discrepancy": "Discrepancy", "total": "Total"})  # fmt: skip

# %% [markdown]
# (audit-download)=
# ## Download
#
# The full table, one row per check with the printed and recomputed values, the difference, the
# unit, the class, the table and the source lines, is written by the build as
# {download}`audit_checks.csv <_generated/audit_checks.csv>`.

# %%
write_csv(all_checks, Path("_generated") / "audit_checks.csv")  # untouched when unchanged
print(f"{len(all_checks)} checks in audit_checks.csv")

# %% [markdown]
# ## Discrepancy register
#
# Every check classed as a discrepancy, largest effect first, with the likely cause in the book's
# own words. The effect is the absolute difference between the printed and the recomputed figure,
# in the unit of the printed figure.

# %%
register = checks.register(all_checks)
styled(register, table_id="audit-register", columns={"chapter": "Chapter", "what": "Check",
       "difference_text": "Difference", "unit": "Unit", "source_lines": "Lines",
       "explanation": "Likely cause"})  # fmt: skip

# %% [markdown]
# ## Every check
#
# The whole list, by chapter, in the order the chapters make them.

# %%
checks_table(all_checks, table_id="audit-all", caption="Every check of the book")
