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
# This chapter rebuilds pensions: premiums, premium deviations, their amortisation and the year's pension cost from the tables printed in the report.
# It is being written: for now it lists the tables it draws on, each transcribed into `data/`.

# %%
from aarsevaluering.data import catalogue

catalogue("pensjon")[["table", "title", "unit", "source_lines", "rows"]]
