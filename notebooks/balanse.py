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
# # Balanse: liquidity, debt and fund reserves
#
# This chapter rebuilds the balance: liquidity, loan debt by use, fund reserves and the reserve requirements from the tables printed in the report.
# It is being written: for now it lists the tables it draws on, each transcribed into `data/`.

# %%
from aarsevaluering.data import catalogue

catalogue("balanse")[["table", "title", "unit", "source_lines", "rows"]]
