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
# # Personnel: staff, time and pay
#
# This chapter rebuilds personnel: full-time equivalents, part-time, sick leave, turnover, hiring, overtime, working-time breaches, gender, age and pay from the tables printed in the report.
# It is being written: for now it lists the tables it draws on, each transcribed into `data/`.

# %%
from aarsevaluering.data import catalogue

catalogue("personnel")[["table", "title", "unit", "source_lines", "rows"]]
