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
# This page will collect every comparison the chapters make between a printed figure and the same
# figure recomputed from other printed figures. For now it counts the tables the checks stand on.

# %%
from aarsevaluering.data import catalogue

catalogue().groupby("chapter")["rows"].agg(["count", "sum"]).rename(columns={"count": "tables", "sum": "rows"})
