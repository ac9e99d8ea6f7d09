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
# # Driftsregnskapet: the operating account
#
# This chapter rebuilds the operating account: central income and costs, finance, the loan fund, dividends, the year-end dispositions, the programme areas and the financial rules from the tables printed in the report.
# It is being written: for now it lists the tables it draws on, each transcribed into `data/`.

# %%
from aarsevaluering.data import catalogue

catalogue("driftsregnskap")[["table", "title", "unit", "source_lines", "rows"]]
