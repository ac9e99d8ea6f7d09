"""The year in key figures: the front page's table, computed from the printed tables by the same
identity functions the chapters use (so the front page can never show another figure than they do)."""

from __future__ import annotations

import pandas as pd

from . import checks
from .fmt import fmt, fmt_million
from .identities import balanse as bal
from .identities import driftsregnskap as dr
from .identities import investeringsregnskap as inv
from .identities import pensjon as pj
from .identities import personnel as pers

# (key, measure, chapter) in the order the front page lists them
KEY_FIGURES = [
    ("surplus", "Net operating surplus", "driftsregnskap"),
    ("resultatgrad", "Surplus as a share of gross operating income, recomputed", "driftsregnskap"),
    ("target", "Target share", "driftsregnskap"),
    ("fund_close", "Discretionary fund at 31 December", "driftsregnskap"),
    ("investment", "Investment expenses (statement 2A)", "investeringsregnskap"),
    ("debt", "Loan debt at 31 December, as the text states it", "balanse"),
    ("pension_cost", "Pension cost, as the report states it", "pensjon"),
    ("fte", "Permanent staff, full-time equivalents", "personnel"),
    ("sick_leave", "Sick leave", "personnel"),
]


def key_figures(get: checks.Getter = checks.from_disk) -> pd.DataFrame:
    """One row per key figure: ``key``, ``measure``, ``chapter``, the ``value`` as the book prints it."""
    result = dr.result_vs_target(get)
    fund_close = checks.value(get(dr.D09), "value_2023", label="Saldo disposisjonsfond per 31.12 *")
    expenditure = inv.value(get(inv.T2A), "actual_2023", label="Sum investeringsutgifter")
    staff = pers.row_of(get(pers.STAFF), label=pers.TOTAL)
    sick = pers.row_of(get(pers.SICK), label=pers.TOTAL)
    values = [
        fmt_million(abs(result["net_operating_surplus"])),
        fmt(result["resultatgrad_pct"], 2, "percent"),
        fmt(result["target_pct"], 2, "percent"),
        fmt_million(abs(fund_close)),
        fmt_million(expenditure),
        fmt(bal.loan_fund_debt(get)["prose_end"], 0, "NOK million"),
        fmt(pj.prose(get, "actual_pension_cost"), 1, "NOK million"),
        fmt(staff["fte_2023"], 0),
        fmt(sick["sick_leave_2023_pct"], 1, "%"),
    ]
    return pd.DataFrame(
        [(*figure, value) for figure, value in zip(KEY_FIGURES, values, strict=True)],
        columns=["key", "measure", "chapter", "value"],
    )
