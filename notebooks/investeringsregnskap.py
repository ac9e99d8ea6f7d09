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
# This chapter rebuilds the investment account: the 2A financing statement, the 2B investments by project, shares and loans from the tables printed in the report.
# It is being written: for now it lists the tables it draws on, each transcribed into `data/`.

# %%
from aarsevaluering.data import catalogue

catalogue("investeringsregnskap")[["table", "title", "unit", "source_lines", "rows"]]
