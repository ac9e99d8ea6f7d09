"""Identities of the chapter *Driftsregnskapet* (the operating account) and its helpers.

Tables: D01 ``drift_overview_by_committee``, D02 ``drift_central_income``, D03
``drift_central_expenses``, D05 ``drift_financial_items``, D06 ``drift_loan_fund_accounts`` (whole
kroner), D07 ``drift_dividends``, D08 ``drift_year_end_dispositions``, D09 ``drift_disposition_fund``,
D10–D25 ``drift_programme_area_economy``, and the sentences' figures ``drift_prose_figures`` when that
table is in the data package (its identity yields nothing otherwise).

Deviation conventions, found from the rows (see :func:`deviation_conventions`):

* D01, D02, D03, D05, D07 and D10–D25: deviation = budget − accounts, whatever the sign of the
  amounts, so a positive deviation is favourable (an underspend, or more income than budgeted);
  deviation % = deviation / |budget| × 100, so it carries the sign of the deviation; a zero budget
  prints 0.0 %. One exception: D02's Sum row divides by the signed (negative) budget.
* D06 (the loan fund): deviation = accounts − revised budget, so a positive deviation is
  unfavourable; where the budget is printed '-', the deviation is the accounts figure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..checks import (
    CLAIM,
    CLAIM_UNIT,
    ESTIMATE_KIND,
    RESTATEMENT,
    SHARE,
    SUM,
    Check,
    Getter,
    claim,
    corner_range,
    identity,
    lines_of,
    rounded,
    row_checks,
    sum_checks,
    value,
)
from ..checks import check as make_check
from ..data import DataError, resource

CHAPTER = "driftsregnskap"

# Constants the report states.
TARGET_RESULTATGRAD_PCT = 1.75  # target net operating result, % of gross operating income (line 2053)
GENERAL_RESERVE_PCT = 3.0  # general reserve, % of gross operating income (D09, line 2702)
INTEREST_RESERVE_PCT = 1.0  # «Rentesikringsfond», % of gross loan debt (D09, line 2704)

D01, D02, D03, D05 = (
    "drift_overview_by_committee",
    "drift_central_income",
    "drift_central_expenses",
    "drift_financial_items",
)
D06, D07, D08, D09 = (
    "drift_loan_fund_accounts",
    "drift_dividends",
    "drift_year_end_dispositions",
    "drift_disposition_fund",
)
PROGRAMMES, PROSE = "drift_programme_area_economy", "drift_prose_figures"

# The programme areas under each committee, as the report's 'Omtale av programområdene' lists them
# (lines 4648–4670, 5082–5123, 5813–5831, 6016–6037 and, for the Formannskap, 6640–6673). The
# Formannskap's list ends with P19 «Sentrale poster», which it refers to the opening chapter (line 6673);
# the book reads its items as the central income and costs of D02 and D03, outside D01, so P19 is not
# among the areas that add up to the Formannskap's line.
COMMITTEE_AREAS = {
    "Hovedutvalg for oppvekst og utdanning": ["P01", "P02", "P03"],
    "Hovedutvalg for helse, sosial og omsorg": ["P04", "P05", "P06", "P07", "P08"],
    "Hovedutvalg for kultur, idrett og frivillighet": ["P09", "P10"],
    "Hovedutvalg for tekniske tjenester": ["P11", "P12", "P13"],
    "Formannskap": ["P14", "P15", "P16", "P17", "P18"],
}
FORMANNSKAP_LIST_LINES = "6640–6673"
# Short, stable keys of the committees for check ids.
COMMITTEE_KEYS = dict(zip(COMMITTEE_AREAS, ["oppvekst", "helse", "kultur", "tekniske", "formannskap"], strict=True))
# Programme areas of D01 that print no 'Status økonomi' table (P17 has no budget either, line 6667).
UNPRINTED_AREAS = ["P16", "P17"]

# Labels used more than once below.
NDR = "Netto driftsresultat"
DISP_USE, DISP_ADD = "Bruk av disposisjonsfond", "Avsetninger til disposisjonsfond"
BOUND_USE, BOUND_ADD = "Bruk av bundne driftsfond", "Avsetninger til bundne driftsfond"
TO_INVESTMENT = "Overføring til investering"
D05_TRANSFER, D06_TRANSFER = "Overføring til/fra lånefondet", "Lånefond overføring til kommunekassa"


# ---------------------------------------------------------------------------------------------
# Small helpers.


def pct_of_budget(deviation: float, budget: float) -> float:
    """The report's deviation %: deviation / |budget| × 100, and 0 where the budget is 0."""
    if pd.isna(budget) or budget == 0:
        return 0.0
    return 100.0 * float(deviation) / abs(float(budget))


def _num(x) -> float:
    return 0.0 if pd.isna(x) else float(x)


def _check(check_id, what, printed, recomputed, table, lines, decimals=0, unit=None, section=None, **kind):
    """A check of this chapter; ``kind`` passes ``kind=``, ``terms=``, ``input_decimals=``, ``bounds=``."""
    return make_check(CHAPTER, check_id, what, printed, recomputed, table, lines, decimals, unit, section, **kind)


def pct_bounds(deviation: float, budget: float) -> tuple[float, float]:
    """Range of the report's deviation % allowed by a deviation and a budget printed to the unit
    (a zero budget prints 0.0 % by convention: the range is that)."""
    if pd.isna(budget) or budget == 0:
        return 0.0, 0.0
    return corner_range(lambda d, b: 100.0 * d / abs(b), rounded(deviation), rounded(budget))


def _line(frame: pd.DataFrame, **where) -> str:
    return str(int(value(frame, "source_line", **where)))


def source_id(table: str) -> str:
    """The report's table id of a table (D01, D10–D25 ...), or '' for none."""
    return str(resource(table).spec.get("source_table", "")) if table else ""


def report_columns(table: str, label: str = "label") -> dict[str, str]:
    """Column -> printed header for :func:`aarsevaluering.tables.styled`: the label column and the
    printed value columns of ``table`` in printed order."""
    res = resource(table)
    columns = {label: res.field(label).get("title", "") if label == "label" else label}
    columns.update({f["name"]: f.get("title", f["name"]) for f in res.fields_with_role("value")})
    return columns


# ---------------------------------------------------------------------------------------------
# The deviation conventions, found from the data.

# table -> (budget column, accounts column)
DEVIATION_TABLES = {
    D01: ("budget_2023", "actual_2023"),
    D02: ("revised_budget_2023", "actual_2023"),
    D03: ("revised_budget_2023", "actual_2023"),
    D05: ("revised_budget_2023", "actual_2023"),
    D06: ("revised_budget_2023", "actual_2023"),
    D07: ("revised_budget_2023", "actual_2023"),
    PROGRAMMES: ("revised_budget_2023", "actual_2023"),
}


def deviation_conventions(get: Getter) -> pd.DataFrame:
    """For each table with a deviation column: how many rows each candidate convention fits
    (within 1 in the last digit for NOK, 0.1 for %). A printed budget '-' counts as 0."""
    rows = []
    for table, (budget_col, actual_col) in DEVIATION_TABLES.items():
        frame = get(table)
        frame = frame[frame["deviation_nok"].notna()]
        budget, actual = frame[budget_col].astype("Float64").fillna(0), frame[actual_col].astype("Float64").fillna(0)
        dev = frame["deviation_nok"].astype("Float64")
        fits = {
            "budget − accounts": int(((budget - actual - dev).abs() <= 1).sum()),
            "accounts − budget": int(((actual - budget - dev).abs() <= 1).sum()),
        }
        title = f"{source_id(table)} {frame.attrs.get('title', table)}"
        row = {"table": table, "title": title, "rows": len(frame)} | fits
        if "deviation_pct" in frame:
            pcts = frame["deviation_pct"].astype("Float64")
            by_abs = [pct_of_budget(d, b) for d, b in zip(dev, budget, strict=True)]
            by_signed = [0.0 if b == 0 else 100.0 * d / b for d, b in zip(dev, budget, strict=True)]
            row["% = deviation / |budget|"] = int(sum(abs(p - q) <= 0.1 for p, q in zip(pcts, by_abs, strict=True)))
            row["% = deviation / budget"] = int(sum(abs(p - q) <= 0.1 for p, q in zip(pcts, by_signed, strict=True)))
        rows.append(row)
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# Gross operating income and the year's result.


def gross_operating_income(get: Getter) -> float:
    """Gross operating income (NOK 1000) implied by D09's general reserve, 3 % of it."""
    d09 = get(D09)
    reserve = value(d09, "value_2023", row_kind="component", label=_general_reserve_label(d09))
    return reserve * 100.0 / GENERAL_RESERVE_PCT


def _general_reserve_label(d09: pd.DataFrame) -> str:
    return str(d09.loc[d09["label"].str.startswith("Generell reserve"), "label"].iloc[0])


def net_operating_surplus(get: Getter, column: str = "actual_2023") -> float:
    """The net operating result as a surplus (NOK 1000): D08 prints a surplus as a negative number."""
    return -value(get(D08), column, label=NDR)


def result_vs_target(get: Getter, target_pct: float = TARGET_RESULTATGRAD_PCT) -> pd.Series:
    """The 2023 net operating surplus against a target share of gross operating income (NOK 1000)."""
    income = gross_operating_income(get)
    surplus = net_operating_surplus(get)
    required = income * target_pct / 100.0
    return pd.Series(
        {
            "gross_operating_income": income,
            "net_operating_surplus": surplus,
            "resultatgrad_pct": 100.0 * surplus / income,
            "target_pct": target_pct,
            "required_surplus": required,
            "shortfall": required - surplus,
        }
    )


def _prose(get: Getter) -> pd.DataFrame | None:
    """The sentences' figures, or None when ``drift_prose_figures`` is not in the data package."""
    try:
        return get(PROSE)
    except (DataError, KeyError):
        return None


def _interval(figure: float, share_pct: float, decimals: int) -> tuple[float, float]:
    """Range of a whole W such that ``figure`` / W × 100 rounds to ``share_pct``."""
    half = 0.5 * 10.0**-decimals
    return figure * 100.0 / (share_pct + half), figure * 100.0 / (share_pct - half)


def gross_income_bounds(get: Getter) -> pd.DataFrame:
    """What each printed relation says about gross operating income (NOK 1000): a low and a high
    end, from the figure and the printed share with its rounding; ``share_decimals`` is the share's
    printed precision (D09 prints the general reserve's «3%» whole)."""
    d09 = get(D09)
    reserve = value(d09, "value_2023", label=_general_reserve_label(d09))
    balance = value(d09, "value_2023", row_kind="balance", label="Saldo disposisjonsfond per 31.12 *")
    ratio = value(d09, "value_2023", row_kind="ratio")
    rows = [
        # The reserve is printed to the thousand: ± 0.5 in it.
        (
            "General reserve = 3 % of gross operating income (the fund's table)",
            reserve,
            GENERAL_RESERVE_PCT,
            0,
            (reserve - 0.5) * 100 / GENERAL_RESERVE_PCT,
            (reserve + 0.5) * 100 / GENERAL_RESERVE_PCT,
        ),
        (
            "Discretionary fund at 31 December as % of gross operating income (the fund's table)",
            balance,
            ratio,
            1,
            *_interval(balance, ratio, 1),
        ),
    ]
    prose = _prose(get)
    if prose is not None:
        surplus = net_operating_surplus(get)
        for _, row in prose[prose["label"] == "resultatgrad_2023"].iterrows():
            rows.append(
                (
                    f"Net operating result as % of gross operating income (prose, line {int(row['source_line'])})",
                    surplus,
                    float(row["value"]),
                    int(row["decimals"]),
                    *_interval(surplus, float(row["value"]), int(row["decimals"])),
                )
            )
    frame = pd.DataFrame(rows, columns=["relation", "figure", "share_pct", "share_decimals", "low", "high"])
    return frame.drop_duplicates(subset=["figure", "share_pct"]).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Programme areas and committees.


def committee_rollup(get: Getter) -> pd.DataFrame:
    """Each committee's printed D01 row beside the sum of its programme areas' printed rows."""
    d01, prog = get(D01), get(PROGRAMMES)
    pairs = {
        "actual_2022": "actual_2022",
        "budget_2023": "revised_budget_2023",
        "actual_2023": "actual_2023",
        "deviation_nok": "deviation_nok",
    }
    rows = []
    for committee, areas in COMMITTEE_AREAS.items():
        part = prog[prog["programme_area"].isin(areas)]
        printed_areas = sorted(part["programme_area"])
        row = {
            "committee": committee,
            "areas": ", ".join(areas),
            "unprinted": ", ".join(a for a in areas if a not in printed_areas),
        }
        for d01_col, prog_col in pairs.items():
            row[f"{d01_col}_printed"] = value(d01, d01_col, label=committee)
            row[f"{d01_col}_areas"] = float(part[prog_col].sum())
            row[f"{d01_col}_gap"] = row[f"{d01_col}_printed"] - row[f"{d01_col}_areas"]
        rows.append(row)
    return pd.DataFrame(rows)


def programme_deviations(get: Getter) -> pd.DataFrame:
    """Deviation per programme area (NOK 1000), with the gap of Formannskap as P16 + P17 + P19."""
    prog = get(PROGRAMMES)
    frame = pd.DataFrame(
        {
            "area": prog["programme_area"] + " " + prog["programme_area_name"],
            "deviation_nok": prog["deviation_nok"].astype(float),
            "printed": True,
        }
    )
    gap = committee_rollup(get).set_index("committee").loc["Formannskap", "deviation_nok_gap"]
    implied = pd.DataFrame(
        {"area": [" + ".join(UNPRINTED_AREAS) + " (implied)"], "deviation_nok": [gap], "printed": [False]}
    )
    return (
        pd.concat([frame, implied], ignore_index=True)
        .sort_values("deviation_nok", kind="stable")
        .reset_index(drop=True)
    )


# ---------------------------------------------------------------------------------------------
# The bridge from the revised budget's result to the result.


def _bound_funds_extra(get: Getter) -> float:
    """Net provisions to restricted operating funds above the regulated budget (NOK 1000)."""
    d08 = get(D08)
    actual = value(d08, "actual_2023", label=BOUND_ADD) + value(d08, "actual_2023", label=BOUND_USE)
    budget = value(d08, "revised_budget_2023", label=BOUND_ADD) + value(d08, "revised_budget_2023", label=BOUND_USE)
    return actual - budget


def _total_dev(frame: pd.DataFrame) -> float:
    return value(frame, "deviation_nok", row_kind="total")


def bridge(get: Getter) -> pd.DataFrame:
    """From the revised budget's net operating result to the accounts', by the chapter's causes.

    Amounts in NOK 1000 as surpluses (positive = better result). The programme areas' deviation in
    D01 is after their provisions to restricted funds, so the extra net provisions are added back to
    reach the net operating result; depreciation is left out of central costs because it does not
    affect the net operating result. What the named causes do not explain is the residual.
    """
    d01, d02, d03, d05 = get(D01), get(D02), get(D03), get(D05)
    start = net_operating_surplus(get, "revised_budget_2023")
    end = net_operating_surplus(get, "actual_2023")
    finance = value(d05, "deviation_nok", row_kind="total")
    dividends = value(d05, "deviation_nok", label="Utbytte")
    costs = value(d03, "deviation_nok", row_kind="total") - value(d03, "deviation_nok", label="Avskrivninger")
    steps = [
        ("start", "Revised budget: net operating result", "Revised budget", start, D08),
        ("cause", "Central income above budget", "Central income", _total_dev(d02), D02),
        ("cause", "Central costs below budget (depreciation excluded)", "Central costs", costs, D03),
        ("cause", "Programme areas below budget, after their fund movements", "Programme areas", _total_dev(d01), D01),
        (
            "cause",
            "Extra net provisions to restricted funds (added back)",
            "Restricted funds",
            _bound_funds_extra(get),
            D08,
        ),
        ("cause", "Dividends below budget", "Dividends", dividends, D05),
        ("cause", "Other finance items", "Other finance", finance - dividends, D05),
    ]
    explained = start + sum(s[3] for s in steps if s[0] == "cause")
    steps.append(("residual", "Not explained by the printed figures", "Residual", end - explained, ""))
    steps.append(("end", "Accounts: net operating result", "Accounts", end, D08))
    frame = pd.DataFrame(steps, columns=["kind", "step", "short", "amount", "table"])
    return frame.assign(source=frame["table"].map(source_id))


# ---------------------------------------------------------------------------------------------
# The loan fund.

LOAN_COLUMNS = ["actual_2023", "original_budget_2023", "revised_budget_2023", "deviation_nok"]


def _loan_parts(frame: pd.DataFrame):
    income_line = value(frame, "source_line", label="Sum inntekter")
    cost_line = value(frame, "source_line", label="Sum utgifter")
    items = frame["row_kind"] == "item"
    income = items & (frame["source_line"] < income_line)
    costs = items & (frame["source_line"] > income_line) & (frame["source_line"] < cost_line)
    transfer = items & (frame["source_line"] > cost_line)
    return income, costs, transfer


def loan_fund_balance(get: Getter) -> pd.DataFrame:
    """The loan fund's account (NOK) per printed column: income, costs, transfer, and the result
    they add up to beside the printed result ('-' = not printed)."""
    frame = get(D06)
    income, costs, transfer = _loan_parts(frame)
    rows = {}
    for column in LOAN_COLUMNS:
        col = frame[column].astype("Float64")
        inc, cost, tr = (float(col[m].fillna(0).sum()) for m in (income, costs, transfer))
        if column == "deviation_nok":
            # The deviation of a '-' transfer is nil: accounts and budget agree.
            tr = 0.0
        printed = frame.loc[frame["label"].str.startswith("Resultat før"), column].iloc[0]
        rows[column] = {
            "Income (rows)": inc,
            "Costs (rows)": cost,
            "Transfer to the treasury": tr,
            "Result before dispositions (computed)": inc + cost + tr,
            "Result before dispositions (printed)": float("nan") if pd.isna(printed) else float(printed),
        }
    return pd.DataFrame(rows)


def loan_fund_drivers(get: Getter) -> pd.Series:
    """What moved the loan fund's result away from its budget (NOK), row by row of D06: interest
    (income, costs and fees) and instalments, each against the original budget, whose rows the revised
    budget repeats except for the mistyped interest row; and the printed results."""
    frame = get(D06)
    income, costs, transfer = _loan_parts(frame)
    items = income | costs | transfer
    actual = frame["actual_2023"].astype("Float64").fillna(0)
    budget = frame["original_budget_2023"].astype("Float64").fillna(0)
    diff = actual - budget  # positive = worse for the fund (income is negative)
    interest = frame["label"].str.contains("rente|provisjon", case=False)
    instalments = frame["label"].str.contains("avdrag", case=False)

    def printed(prefix: str) -> float:
        return float(frame.loc[frame["label"].str.startswith(prefix), "actual_2023"].iloc[0])

    return pd.Series(
        {
            "budgeted_result": float(budget[items].sum()),
            "interest_income_gain": -float(diff[income & interest].sum()),
            "interest_cost_rise": float(diff[costs & interest].sum()),
            "interest_net": float(diff[items & interest].sum()),
            "instalments": float(diff[items & instalments].sum()),
            "deficit_before": printed("Resultat før"),
            "fund_use": float(value(frame, "actual_2023", row_kind="disposition")),
            "deficit_after": printed("Resultat etter"),
        }
    )


def bound_funds_net(get: Getter, column: str = "actual_2023") -> float:
    """Net provisions to restricted operating funds (NOK 1000): provisions plus use (use is negative)."""
    d08 = get(D08)
    return value(d08, column, label=BOUND_ADD) + value(d08, column, label=BOUND_USE)


# ---------------------------------------------------------------------------------------------
# Identities: every printed table's sums and deviations.


def _deviation_identities(get, table, budget_col):
    frame = get(table)
    out = row_checks(
        CHAPTER,
        get,
        table,
        "deviation_nok",
        lambda r: _num(r[budget_col]) - _num(r["actual_2023"]),
        "Deviation = budget − accounts",
    )
    if "deviation_pct" in frame:
        out += row_checks(
            CHAPTER,
            get,
            table,
            "deviation_pct",
            lambda r: pct_of_budget(r["deviation_nok"], r[budget_col]),
            "Deviation % = deviation / |budget|",
            kind=SHARE,
            bounds=lambda r: pct_bounds(r["deviation_nok"], r[budget_col]),
        )
    return out


def _table_sums(get, table, columns):
    return sum_checks(CHAPTER, get, table, columns, total={"row_kind": "total"})


@identity(CHAPTER)
def overview_by_committee(get: Getter) -> list[Check]:
    """D01: Totalsum = sum of the committees; deviation and % per row."""
    columns = ["actual_2022", "budget_2023", "actual_2023", "deviation_nok"]
    return _table_sums(get, D01, columns) + _deviation_identities(get, D01, "budget_2023")


@identity(CHAPTER)
def central_income(get: Getter) -> list[Check]:
    """D02: Sum Frie disponible inntekter; deviation and % per row."""
    columns = ["actual_2022", "revised_budget_2023", "actual_2023", "deviation_nok"]
    return _table_sums(get, D02, columns) + _deviation_identities(get, D02, "revised_budget_2023")


@identity(CHAPTER)
def central_expenses(get: Getter) -> list[Check]:
    """D03: Sum Sentrale utgifter; deviation and % per row."""
    columns = ["actual_2022", "revised_budget_2023", "actual_2023", "deviation_nok"]
    return _table_sums(get, D03, columns) + _deviation_identities(get, D03, "revised_budget_2023")


@identity(CHAPTER)
def financial_items(get: Getter) -> list[Check]:
    """D05: Sum Finansinntekter/-utgifter; deviation and % per row."""
    columns = ["actual_2022", "revised_budget_2023", "actual_2023", "deviation_nok"]
    return _table_sums(get, D05, columns) + _deviation_identities(get, D05, "revised_budget_2023")


@identity(CHAPTER)
def dividends(get: Getter) -> list[Check]:
    """D07: Sum utbytte; deviation per company; D05's dividend row against D07's companies."""
    columns = ["actual_2022", "actual_2023", "original_budget_2023", "revised_budget_2023", "deviation_nok"]
    out = _table_sums(get, D07, columns) + _deviation_identities(get, D07, "revised_budget_2023")
    d05, d07 = get(D05), get(D07)
    companies = d07[d07["row_kind"] == "item"]
    lines = f"{_line(d05, label='Utbytte')}, {lines_of(D07)}"
    for column in ["actual_2022", "revised_budget_2023", "actual_2023", "deviation_nok"]:
        title = resource(D05).field(column)["title"]
        parts = companies[column].dropna()
        out.append(
            _check(
                f"{D05}.utbytte_vs_{D07}.{column}",
                f"Dividends in the finance table = sum of the dividend table's companies ({title})",
                value(d05, column, label="Utbytte"),
                float(parts.sum()),
                D05,
                lines,
                kind=SUM,
                terms=len(parts),
            )
        )
    return out


@identity(CHAPTER)
def loan_fund(get: Getter) -> list[Check]:
    """D06 (whole kroner): Sum inntekter and Sum utgifter per column, the results, deviation per row,
    and the transfer to the treasury against D05."""
    frame = get(D06)
    income, costs, _ = _loan_parts(frame)
    out = []
    for label, mask in (("Sum inntekter", income), ("Sum utgifter", costs)):
        out += sum_checks(
            CHAPTER,
            get,
            D06,
            LOAN_COLUMNS,
            total={"label": label},
            parts=lambda f, m=mask: m,
            check_id=f"{D06}.{label.split()[1]}",
        )
    before_label = frame.loc[frame["label"].str.startswith("Resultat før"), "label"].iloc[0]
    after_label = frame.loc[frame["label"].str.startswith("Resultat etter"), "label"].iloc[0]
    transfer = value(frame, "actual_2023", label="Lånefond overføring til kommunekassa")
    before = value(frame, "actual_2023", label=before_label)
    out.append(
        _check(
            f"{D06}.result_before",
            "Loan fund: result before dispositions = Sum inntekter + Sum utgifter + transfer",
            before,
            sum(value(frame, "actual_2023", label=x) for x in ("Sum inntekter", "Sum utgifter")) + transfer,
            D06,
            lines_of(D06),
            kind=SUM,
            terms=3,
        )
    )
    out.append(
        _check(
            f"{D06}.result_after",
            "Loan fund: result after dispositions = result before + use of discretionary fund",
            value(frame, "actual_2023", label=after_label),
            before + value(frame, "actual_2023", row_kind="disposition"),
            D06,
            f"{_line(frame, label=before_label)}–{_line(frame, label=after_label)}",
            kind=SUM,
            terms=2,
        )
    )
    out += row_checks(
        CHAPTER,
        get,
        D06,
        "deviation_nok",
        lambda r: _num(r["actual_2023"]) - _num(r["revised_budget_2023"]),
        "Deviation = accounts − revised budget",
    )
    # Cells printed '-': the transfer's deviation (nil when accounts and budget agree), and the budget
    # columns' results, which the report leaves out (the book's sum of the rows is shown, not graded).
    transfer_budget = value(frame, "revised_budget_2023", label=D06_TRANSFER)
    out.append(
        _check(
            f"{D06}.transfer_deviation_nil",
            "Claim: the transfer's deviation is printed '-', nil: accounts = revised budget",
            1.0,
            1.0 if transfer == transfer_budget and pd.isna(value(frame, "deviation_nok", label=D06_TRANSFER)) else 0.0,
            D06,
            _line(frame, label=D06_TRANSFER),
            unit=CLAIM_UNIT,
            kind=CLAIM,
        )
    )
    for column in ["original_budget_2023", "revised_budget_2023"]:
        rows = frame[income | costs | _loan_parts(frame)[2]]
        out.append(
            _check(
                f"{D06}.result_before.{column}",
                f"Loan fund: the budget's result before dispositions, printed '-' "
                f"({resource(D06).field(column)['title']}), against the sum of its rows",
                value(frame, column, label=before_label),
                float(rows[column].astype("Float64").fillna(0).sum()),
                D06,
                _line(frame, label=before_label),
                kind=ESTIMATE_KIND,
            )
        )
    d05 = get(D05)
    for column in ["actual_2023", "revised_budget_2023"]:
        out.append(
            _check(
                f"{D05}.loan_fund_transfer_vs_{D06}.{column}",
                f"Transfer from the loan fund in the finance table = the loan fund's transfer (kr / 1000, "
                f"{resource(D05).field(column)['title']})",
                value(d05, column, label="Overføring til/fra lånefondet"),
                -value(frame, column, label="Lånefond overføring til kommunekassa") / 1000.0,
                D05,
                f"{_line(d05, label=D05_TRANSFER)}, {_line(frame, label=D06_TRANSFER)}",
                unit="NOK 1000",
                kind=RESTATEMENT,
            )
        )
    return out


def _replace(check: Check, **changes) -> Check:
    from dataclasses import replace

    return replace(check, **changes)


@identity(CHAPTER)
def year_end_dispositions(get: Getter) -> list[Check]:
    """D08: the dispositions sum to minus the net operating result; transfer to investment against
    the investment chapter's 2A statement."""
    frame = get(D08)
    columns = ["actual_2023", "revised_budget_2023", "original_budget_2023", "actual_2022"]
    out = sum_checks(
        CHAPTER, get, D08, columns, total={"row_kind": "total"}, parts=lambda f: f["row_kind"] == "disposition"
    )
    for column in columns:
        title = resource(D08).field(column)["title"]
        out.append(
            _check(
                f"{D08}.result_vs_dispositions.{column}",
                f"Netto driftsresultat = − sum of dispositions as printed ({title})",
                value(frame, column, label=NDR),
                -value(frame, column, row_kind="total"),
                D08,
                f"{_line(frame, label=NDR)}, {_line(frame, row_kind='total')}",
                kind=RESTATEMENT,
            )
        )
    try:
        inv = get("inv_2a_financing")
    except (DataError, KeyError):
        return out
    for column in columns:
        title = resource(D08).field(column)["title"]
        out.append(
            _check(
                f"{D08}.transfer_vs_inv_2a_financing.{column}",
                f"Transfer to investment = − 'Overføring fra drift' in the investment statement 2A ({title})",
                value(frame, column, label=TO_INVESTMENT),
                -value(inv, column, label="Overføring fra drift"),
                D08,
                f"{_line(frame, label=TO_INVESTMENT)}, {_line(inv, label='Overføring fra drift')}",
                kind=RESTATEMENT,
            )
        )
    return out


@identity(CHAPTER)
def programme_areas(get: Getter) -> list[Check]:
    """D10–D25: deviation and % of each programme area's Sum row."""
    out = row_checks(
        CHAPTER,
        get,
        PROGRAMMES,
        "deviation_nok",
        lambda r: _num(r["revised_budget_2023"]) - _num(r["actual_2023"]),
        "Deviation = revised budget − accounts",
        key="programme_area",
    )
    out += row_checks(
        CHAPTER,
        get,
        PROGRAMMES,
        "deviation_pct",
        lambda r: pct_of_budget(r["deviation_nok"], r["revised_budget_2023"]),
        "Deviation % = deviation / |revised budget|",
        key="programme_area",
        kind=SHARE,
        bounds=lambda r: pct_bounds(r["deviation_nok"], r["revised_budget_2023"]),
    )
    return out


@identity(CHAPTER)
def committee_totals(get: Getter) -> list[Check]:
    """D01 committee rows = the sum of their programme areas' Sum rows (D10–D25), in every column."""
    roll = committee_rollup(get)
    d01 = get(D01)
    titles = {
        "actual_2022": "Regnskap 2022",
        "budget_2023": "Budsjett 2023",
        "actual_2023": "Regnskap 2023",
        "deviation_nok": "Avvik i kr",
    }
    out = []
    for _, row in roll.iterrows():
        printed_areas = [a for a in row["areas"].split(", ") if a not in row["unprinted"].split(", ")]
        lines = _line(d01, label=row["committee"])
        if row["unprinted"]:
            lines += f", {FORMANNSKAP_LIST_LINES}"
        for column, title in titles.items():
            out.append(
                _check(
                    f"{D01}.rollup.{COMMITTEE_KEYS[row['committee']]}.{column}",
                    f"{row['committee']} = sum of {', '.join(printed_areas)} ({title})",
                    row[f"{column}_printed"],
                    row[f"{column}_areas"],
                    D01,
                    lines,
                    kind=SUM,
                    terms=len(printed_areas),
                )
            )
    return out


@identity(CHAPTER)
def disposition_fund(get: Getter) -> list[Check]:
    """D09: the balance rolled forward, the reserve requirement and margin, the fund's share of gross
    operating income; the movements against D08."""
    d09, d08 = get(D09), get(D08)

    def v(**where) -> float:
        return value(d09, "value_2023", **where)

    def lines(*kinds) -> str:
        return lines_of(D09, d09, d09["row_kind"].isin(kinds))

    def d08_net(column: str) -> float:
        return value(d08, column, label=DISP_USE) + value(d08, column, label=DISP_ADD)

    year_end, adopted = "Saldering netto bruk regnskap 2023", "Vedtatt budsjett - bruk"
    opening, closing = v(label="Saldo disposisjonsfond per 1.1."), v(label="Saldo disposisjonsfond per 31.12 *")
    moves = d09.loc[d09["row_kind"] == "movement"]
    budgeted_moves = moves.loc[moves["label"] != year_end, "value_2023"]
    requirement = v(row_kind="requirement")
    components = d09.loc[d09["row_kind"] == "component", "value_2023"]
    reserve = v(label=_general_reserve_label(d09))
    d08_use = _line(d08, label=DISP_USE)
    return [
        _check(
            f"{D09}.roll_forward",
            "Balance 31.12 = balance 1.1. + the six movements",
            closing,
            opening + float(moves["value_2023"].sum()),
            D09,
            lines("balance", "movement"),
            kind=SUM,
            terms=1 + len(moves),
            unit="NOK 1000",  # the table's unit, without its last row's percent
        ),
        _check(
            f"{D09}.requirement",
            "Reserve requirement = sum of its three components",
            requirement,
            float(components.sum()),
            D09,
            lines("component", "requirement"),
            kind=SUM,
            terms=len(components),
            unit="NOK 1000",  # the table's unit, without its last row's percent
        ),
        _check(
            f"{D09}.margin",
            "Margin = balance 31.12 − reserve requirement",
            v(row_kind="margin"),
            closing - requirement,
            D09,
            _line(d09, row_kind="margin"),
            unit="NOK 1000",  # the table's unit, without its last row's percent
        ),
        _check(
            f"{D09}.ratio",
            "Fund as % of gross operating income (income = general reserve / 3 %)",
            v(row_kind="ratio"),
            100.0 * closing / gross_operating_income(get),
            D09,
            _line(d09, row_kind="ratio"),
            decimals=1,
            unit="percent",
            kind=SHARE,
            bounds=corner_range(
                lambda c, r: 100.0 * c * GENERAL_RESERVE_PCT / (100.0 * r), rounded(closing), rounded(reserve)
            ),
        ),
        _check(
            f"{D09}.change_vs_{D08}",
            "Change in the balance (31.12 − 1.1.) = net use in the dispositions (D08)",
            closing - opening,
            d08_net("actual_2023"),
            D09,
            f"{lines('balance')}, {d08_use}",
            kind=SUM,
            terms=4,
            unit="NOK 1000",  # the table's unit, without its last row's percent
        ),
        _check(
            f"{D09}.budgeted_use_vs_{D08}",
            "Budgeted movements (the five before the year-end one) = regulated budget's net use in D08",
            float(budgeted_moves.sum()),
            d08_net("revised_budget_2023"),
            D09,
            f"{lines('movement')}, {d08_use}",
            kind=SUM,
            terms=len(budgeted_moves) + 2,
            unit="NOK 1000",  # the table's unit, without its last row's percent
        ),
        _check(
            f"{D09}.year_end_vs_{D08}",
            "Year-end reduction of use = accounts − regulated budget of 'Bruk av disposisjonsfond' (D08)",
            v(label=year_end),
            value(d08, "actual_2023", label=DISP_USE) - value(d08, "revised_budget_2023", label=DISP_USE),
            D09,
            f"{_line(d09, label=year_end)}, {d08_use}",
            unit="NOK 1000",  # the table's unit, without its last row's percent
        ),
        _check(
            f"{D09}.adopted_use_vs_{D08}",
            "Adopted budget's use = original budget's 'Bruk av disposisjonsfond' (D08)",
            v(label=adopted),
            value(d08, "original_budget_2023", label=DISP_USE),
            D09,
            f"{_line(d09, label=adopted)}, {d08_use}",
            kind=RESTATEMENT,
            unit="NOK 1000",  # the table's unit, without its last row's percent
        ),
    ]


@identity(CHAPTER)
def result_bridge(get: Getter) -> list[Check]:
    """The book's bridge from the revised budget to the result (an estimate: the report never says how
    much of the extra provisions to restricted funds the programme areas made), and the year-end reduction
    in the use of the discretionary fund, which D08 and D09 tie exactly."""
    steps = bridge(get)
    d08, d09 = get(D08), get(D09)
    start = float(steps.loc[steps["kind"] == "start", "amount"].iloc[0])
    end = float(steps.loc[steps["kind"] == "end", "amount"].iloc[0])
    causes = float(steps.loc[steps["kind"] == "cause", "amount"].sum())
    improvement = end - start
    transfer_cut = value(d08, "revised_budget_2023", label=TO_INVESTMENT) - value(
        d08, "actual_2023", label=TO_INVESTMENT
    )
    d08_lines = lines_of(D08)
    return [
        _check(
            "drift_bridge.improvement_vs_causes",
            "Improvement of the net operating result on the revised budget (D08) = the book's bridge: "
            "the causes the chapter names, from D01, D02, D03, D05, with all extra provisions to restricted "
            "funds (D08) counted to the programme areas",
            improvement,
            causes,
            D08,
            d08_lines,
            kind=ESTIMATE_KIND,
        ),
        _check(
            "drift_bridge.year_end_reduction",
            "Year-end reduction of the discretionary fund's use (D09) = "
            "improvement − extra net provisions to restricted funds + cut in the transfer to investment (D08)",
            value(d09, "value_2023", label="Saldering netto bruk regnskap 2023"),
            improvement - _bound_funds_extra(get) + transfer_cut,
            D09,
            f"{_line(d09, label='Saldering netto bruk regnskap 2023')}, {d08_lines}",
            unit="NOK 1000",
            kind=SUM,
            terms=8,
        ),
    ]


# ---------------------------------------------------------------------------------------------
# The sentences' figures (drift_prose_figures), each recomputed from the tables.
#
# Each figure has a kind (see aarsevaluering.checks.classify): one table cell said again in NOK
# million is a ``restatement`` (it must round, or truncate, to the cell); a figure combining
# ``terms`` table cells is a ``sum`` whose inputs are finer (NOK thousand: 3 decimals in NOK million);
# a percentage is a ``share`` with the range its rounded inputs allow; a relation the report never
# states (the book's model) is an ``estimate``.


@dataclass(frozen=True)
class Prose:
    what: str
    recompute: Callable[[Getter, pd.DataFrame], float]  # in the prose figure's unit
    table: str
    kind: str = RESTATEMENT
    terms: int = 2
    input_decimals: int | None = 3  # NOK thousand, in NOK million
    bounds: Callable[[Getter, pd.DataFrame], tuple[float, float]] | None = None


def _sum(what, recompute, table, terms=2, input_decimals=3) -> Prose:
    return Prose(what, recompute, table, SUM, terms, input_decimals)


def _share(what, recompute, table, bounds) -> Prose:
    return Prose(what, recompute, table, SHARE, bounds=bounds)


def _m(x: float) -> float:
    """NOK 1000 -> NOK million."""
    return x / 1000.0


def _p(prose: pd.DataFrame, label: str) -> float:
    return float(prose.loc[prose["label"] == label, "value"].iloc[0])


def _resultatgrad(get: Getter) -> float:
    return float(result_vs_target(get)["resultatgrad_pct"])


def _income_interval(get: Getter) -> tuple[float, float]:
    """Gross operating income (NOK 1000) allowed by the general reserve printed to the thousand."""
    d09 = get(D09)
    low, high = rounded(value(d09, "value_2023", label=_general_reserve_label(d09)))
    return low * 100.0 / GENERAL_RESERVE_PCT, high * 100.0 / GENERAL_RESERVE_PCT


def _resultatgrad_bounds(get: Getter, _) -> tuple[float, float]:
    surplus = net_operating_surplus(get)
    return corner_range(lambda s, w: 100.0 * s / w, rounded(surplus), _income_interval(get))


def _d01_dev(label: str) -> Callable[[Getter, pd.DataFrame], float]:
    return lambda get, _: _m(value(get(D01), "deviation_nok", label=label))


def _prog(area: str, column: str, sign: float = 1.0) -> Callable[[Getter, pd.DataFrame], float]:
    return lambda get, _: sign * _m(value(get(PROGRAMMES), column, programme_area=area))


def _prog_dev(area: str, sign: float = 1.0) -> Callable[[Getter, pd.DataFrame], float]:
    return _prog(area, "deviation_nok", sign)


def _prog_pct(area: str) -> Prose:
    """A programme area's deviation % as its narrative restates it: the size of the deviation over
    its frame (one narrative, P15's, prints the minus sign; the sign is compared where it is printed)."""

    def row(get):
        prog = get(PROGRAMMES)
        return (
            value(prog, "deviation_nok", programme_area=area),
            value(prog, "revised_budget_2023", programme_area=area),
        )

    def signed(prose, number):
        printed = prose.loc[prose["label"] == f"{area.lower()}_deviation_pct", "value"]
        return -abs(number) if len(printed) and float(printed.iloc[0]) < 0 else abs(number)

    def recompute(get, prose):
        return signed(prose, pct_of_budget(*row(get)))

    def bounds(get, prose):
        low, high = pct_bounds(*row(get))
        ends = sorted(signed(prose, x) for x in (low, high))
        return ends[0], ends[1]

    return _share(f"{area}'s deviation as % of its frame (its Status økonomi table)", recompute, PROGRAMMES, bounds)


def _row(table: str, column: str, label: str, sign: float = 1.0) -> Callable[[Getter, pd.DataFrame], float]:
    return lambda get, _: sign * _m(value(get(table), column, label=label))


def _total(table: str, column: str, sign: float = 1.0) -> Callable[[Getter, pd.DataFrame], float]:
    return lambda get, _: sign * _m(value(get(table), column, row_kind="total"))


def _disp_net(column: str) -> Callable[[Getter, pd.DataFrame], float]:
    return lambda get, _: -_m(value(get(D08), column, label=DISP_USE) + value(get(D08), column, label=DISP_ADD))


def _bound_net(column: str) -> Callable[[Getter], float]:
    return lambda get: value(get(D08), column, label=BOUND_ADD) + value(get(D08), column, label=BOUND_USE)


def _d09(label: str, scale: Callable[[float], float] = _m) -> Callable[[Getter, pd.DataFrame], float]:
    return lambda get, _: scale(value(get(D09), "value_2023", label=label))


def _other_committees(get: Getter, _) -> float:
    d01 = get(D01)
    items = d01[(d01["row_kind"] == "item") & (d01["label"] != "Formannskap")]
    return _m(float(items["deviation_nok"].sum()))


def _tax(column: str) -> Callable[[Getter], float]:
    return lambda get: value(get(D02), column, label="Skatt på inntekt og formue")


def tax_fall_pct(get: Getter) -> float:
    """Drammen's fall in tax income from 2022 to 2023, % (D02)."""
    return 100.0 * (1 - _tax("actual_2023")(get) / _tax("actual_2022")(get))


def _tax_fall_bounds(get: Getter, _) -> tuple[float, float]:
    return corner_range(
        lambda a, b: 100.0 * (1 - a / b), rounded(_tax("actual_2023")(get)), rounded(_tax("actual_2022")(get))
    )


def _committee_share_bounds(get: Getter, _) -> tuple[float, float]:
    d01 = get(D01)
    return pct_bounds(value(d01, "deviation_nok", row_kind="total"), value(d01, "budget_2023", row_kind="total"))


PROSE_FIGURES: dict[str, Prose] = {
    "programme_areas_underspend_before_bound_fund_provisions": Prose(
        "Programme areas' underspend before provisions = D01 deviation + all extra net provisions to restricted "
        "funds (D08): the book's model, since the report says only that the provisions are mainly the "
        "programme areas'",
        lambda get, _: _m(value(get(D01), "deviation_nok", row_kind="total") + _bound_funds_extra(get)),
        D01,
        ESTIMATE_KIND,
    ),
    "net_operating_result_2023": Prose(
        "Net operating surplus 2023 (D08)", lambda get, _: _m(net_operating_surplus(get)), D08
    ),
    "resultatgrad_2023": _share(
        "Net operating result as % of gross operating income (D08; income from D09's 3 % reserve)",
        lambda get, _: _resultatgrad(get),
        D08,
        _resultatgrad_bounds,
    ),
    "disposition_fund_net_use_2023": _sum(
        "Net use of the discretionary fund 2023 (D08)", _disp_net("actual_2023"), D08
    ),
    "disposition_fund_end_2023": Prose(
        "Discretionary fund 31.12 (D09)", _d09("Saldo disposisjonsfond per 31.12 *"), D09
    ),
    "disposition_fund_margin_above_requirement": Prose(
        "Fund above the reserve requirement (D09)",
        lambda get, _: _m(value(get(D09), "value_2023", row_kind="margin")),
        D09,
    ),
    "disposition_fund_pct_of_gross_operating_income": Prose(
        "Fund as % of gross operating income (D09's printed %)",
        lambda get, _: value(get(D09), "value_2023", row_kind="ratio"),
        D09,
    ),
    "original_budget_net_operating_result": Prose(
        "Original budget's net operating surplus (D08)",
        lambda get, _: _m(net_operating_surplus(get, "original_budget_2023")),
        D08,
    ),
    "original_budget_resultatgrad": Prose(
        "Original budget's surplus as % of gross operating income (the book divides by the accounts' "
        "income: the budget's own is not printed)",
        lambda get, _: 100.0 * net_operating_surplus(get, "original_budget_2023") / gross_operating_income(get),
        D08,
        ESTIMATE_KIND,
    ),
    "revised_budget_net_operating_deficit": Prose(
        "Revised budget's net operating deficit (D08)", _row(D08, "revised_budget_2023", NDR), D08
    ),
    "improvement_on_revised_budget": _sum(
        "Improvement of the net operating result on the revised budget (D08)",
        lambda get, _: _m(net_operating_surplus(get) - net_operating_surplus(get, "revised_budget_2023")),
        D08,
    ),
    "block_grant_above_budget": Prose(
        "Block grant above budget (D02)", _row(D02, "deviation_nok", "Rammetilskudd"), D02
    ),
    "unused_refugee_settlement_provision": Prose(
        "Unused central provision for refugees (D03)", _row(D03, "deviation_nok", "Avsetninger flyktninger"), D03
    ),
    # Line 2352: the 6,7 withdrawn from the programme areas, as the text's own relation gives it (lines
    # 2348–2354: 141,3 set aside, 130,8 distributed, 17,3 left): three printed figures in tenths.
    # Recomputed from the text's own figures, but about D03's refugee reserve: it belongs with D03's checks.
    "refugee_provision_withdrawn_unused": _sum(
        "Unused refugee funds withdrawn from the programme areas: what remains less the provision not distributed "
        "(the text's 17,3 − (141,3 − 130,8))",
        lambda get, prose: (
            _p(prose, "unused_refugee_settlement_provision")
            - (_p(prose, "refugee_provision_set_aside") - _p(prose, "refugee_provision_distributed"))
        ),
        D03,
        terms=3,
        input_decimals=1,
    ),
    "programme_areas_underspend_after_funds": Prose(
        "Programme areas' underspend after funds (D01 Totalsum)", _total(D01, "deviation_nok"), D01
    ),
    "programme_areas_underspend_after_funds_pct": _share(
        "Programme areas' underspend as % of budget (D01)",
        lambda get, _: pct_of_budget(
            value(get(D01), "deviation_nok", row_kind="total"), value(get(D01), "budget_2023", row_kind="total")
        ),
        D01,
        _committee_share_bounds,
    ),
    "dividends_below_budget": Prose(
        "Dividends below the revised budget (D07)", _total(D07, "deviation_nok", -1.0), D07
    ),
    "disposition_fund_use_reduction": Prose(
        "Year-end reduction of the discretionary fund's use (D09)", _d09("Saldering netto bruk regnskap 2023"), D09
    ),
    "asss_lead_over_drammen_resultatgrad": _sum(
        "ASSS average (prose) − Drammen's resultatgrad (tables)",
        lambda get, prose: _p(prose, "asss_excl_oslo_resultatgrad_2023") - _resultatgrad(get),
        D08,
        input_decimals=1,
    ),
    "formannskap_underspend": Prose("Formannskap's underspend (D01)", _d01_dev("Formannskap"), D01),
    "other_committees_underspend": _sum("The other four committees' underspend (D01)", _other_committees, D01, terms=4),
    "oppvekst_og_utdanning_underspend": Prose(
        "Oppvekst og utdanning's underspend (D01)", _d01_dev("Hovedutvalg for oppvekst og utdanning"), D01
    ),
    "helse_sosial_og_omsorg_overspend": Prose(
        "Helse, sosial og omsorg's overspend (D01)",
        lambda get, _: -_m(value(get(D01), "deviation_nok", label="Hovedutvalg for helse, sosial og omsorg")),
        D01,
    ),
    "kultur_idrett_og_frivillighet_underspend": Prose(
        "Kultur, idrett og frivillighet's underspend (D01)",
        _d01_dev("Hovedutvalg for kultur, idrett og frivillighet"),
        D01,
    ),
    "tekniske_tjenester_underspend": Prose(
        "Tekniske tjenester' underspend (D01)", _d01_dev("Hovedutvalg for tekniske tjenester"), D01
    ),
    "central_income_above_budget": Prose("Central income above budget (D02 Sum)", _total(D02, "deviation_nok"), D02),
    "free_income_above_budget": _sum(
        "Free income (tax and block grant) above budget (D02)",
        lambda get, _: _m(
            value(get(D02), "deviation_nok", label="Skatt på inntekt og formue")
            + value(get(D02), "deviation_nok", label="Rammetilskudd")
        ),
        D02,
    ),
    "tax_income_2023": Prose(
        "Tax income 2023 (D02)", _row(D02, "actual_2023", "Skatt på inntekt og formue", -1.0), D02
    ),
    "tax_income_decrease_from_2022": _sum(
        "Fall in tax income from 2022 (D02)",
        lambda get, _: _m(_tax("actual_2023")(get) - _tax("actual_2022")(get)),
        D02,
    ),
    "tax_income_decrease_from_2022_pct": _share(
        "Fall in tax income from 2022, % (D02)", lambda get, _: tax_fall_pct(get), D02, _tax_fall_bounds
    ),
    "tax_growth_lead_of_country_over_drammen": _sum(
        "Drammen's fall in tax income (D02) − the national fall (prose, line 2215)",
        lambda get, prose: tax_fall_pct(get) - _p(prose, "national_tax_income_change_pct"),
        D02,
        input_decimals=1,
    ),
    "tax_income_below_revised_budget": Prose(
        "Tax income below the revised budget (D02)", _row(D02, "deviation_nok", "Skatt på inntekt og formue", -1.0), D02
    ),
    "block_grant_2023": Prose("Block grant 2023 (D02)", _row(D02, "actual_2023", "Rammetilskudd", -1.0), D02),
    "integration_grant_2023": Prose(
        "Integration grant 2023 (D02)", _row(D02, "actual_2023", "Integreringstilskudd", -1.0), D02
    ),
    "integration_grant_above_budget": Prose(
        "Integration grant above budget (D02)", _row(D02, "deviation_nok", "Integreringstilskudd"), D02
    ),
    "unaccompanied_minors_grant_received_gross": _sum(
        "Grant for unaccompanied minors received = net (D02) + repaid (prose)",
        lambda get, prose: (
            _m(-value(get(D02), "actual_2023", label="Tilskudd enslige mindreårige flyktninger"))
            + _p(prose, "unaccompanied_minors_grant_repaid")
        ),
        D02,
        input_decimals=1,
    ),
    "unaccompanied_minors_grant_net_above_budget": Prose(
        "Grant for unaccompanied minors, net above budget (D02)",
        _row(D02, "deviation_nok", "Tilskudd enslige mindreårige flyktninger"),
        D02,
    ),
    "host_municipality_grant_2023": Prose(
        "Host-municipality grant 2023 (D02)", _row(D02, "actual_2023", "Vertskommunetilskudd", -1.0), D02
    ),
    "host_municipality_grant_above_budget": Prose(
        "Host-municipality grant above budget (D02)", _row(D02, "deviation_nok", "Vertskommunetilskudd"), D02
    ),
    "interest_compensation_2023": Prose(
        "Interest compensation 2023 (D02)", _row(D02, "actual_2023", "Rente og inv. kompensasjon fra staten", -1.0), D02
    ),
    "interest_compensation_increase_from_2022": _sum(
        "Interest compensation, increase from 2022 (D02)",
        lambda get, _: (
            -_m(
                value(get(D02), "actual_2023", label="Rente og inv. kompensasjon fra staten")
                - value(get(D02), "actual_2022", label="Rente og inv. kompensasjon fra staten")
            )
        ),
        D02,
    ),
    "central_costs_underspend": Prose("Central costs' underspend (D03)", _total(D03, "deviation_nok"), D03),
    "central_costs_underspend_excl_depreciation": _sum(
        "Central costs' underspend without depreciation (D03)",
        lambda get, _: _m(
            value(get(D03), "deviation_nok", row_kind="total") - value(get(D03), "deviation_nok", label="Avskrivninger")
        ),
        D03,
    ),
    "framework_appropriations_unspent": _sum(
        "Unspent framework appropriations: refugees + price compensation (D03)",
        lambda get, _: _m(
            value(get(D03), "deviation_nok", label="Avsetninger flyktninger")
            + value(get(D03), "deviation_nok", label="Avsetning priskompensasjon")
        ),
        D03,
    ),
    "wage_reserve_unspent": Prose("Wage reserve left (D03)", _row(D03, "deviation_nok", "Lønnsreserve"), D03),
    "promissory_note_power_net_income_above_budget": Prose(
        "Gjeldsbrevkraft: net income above budget (D03)", _row(D03, "deviation_nok", "Gjeldsbrevkraft"), D03
    ),
    "rent_cleaning_and_building_costs_underspend": _sum(
        "Rent and cleaning plus other building costs, underspend (D03)",
        lambda get, _: _m(
            value(get(D03), "deviation_nok", label="Husleie og renhold")
            + value(get(D03), "deviation_nok", label="Bygningsrelaterte utgifter")
        ),
        D03,
    ),
    "finance_net_cost_2023": Prose("Net cost of finance items 2023 (D05 Sum)", _total(D05, "actual_2023"), D05),
    "finance_cost_below_original_budget": _sum(
        "Finance cost below the original budget = original budget (prose, line 2472) − net cost (D05 Sum)",
        lambda get, prose: (
            _p(prose, "finance_original_budget_net_cost") - _m(value(get(D05), "actual_2023", row_kind="total"))
        ),
        D05,
        input_decimals=0,
    ),
    "loan_fund_transfer_to_treasury": Prose(
        "Loan fund's transfer to the treasury (D06, kr)",
        lambda get, _: value(get(D06), "actual_2023", label="Lånefond overføring til kommunekassa") / 1e6,
        D06,
    ),
    "loan_fund_result_after_dispositions": Prose(
        "Loan fund's deficit after dispositions (D06, kr)",
        lambda get, _: float(
            get(D06).loc[get(D06)["label"].str.startswith("Resultat etter"), "actual_2023"].iloc[0] / 1e6
        ),
        D06,
    ),
    "dividends_original_budget": Prose(
        "Dividends, original budget (D07)", _total(D07, "original_budget_2023", -1.0), D07
    ),
    "dividends_revised_budget": Prose("Dividends, revised budget (D07)", _total(D07, "revised_budget_2023", -1.0), D07),
    "dividends_2023": Prose("Dividends 2023 (D07)", _total(D07, "actual_2023", -1.0), D07),
    "transfer_to_investment_reduction": _sum(
        "Transfer to investment below the regulated budget (D08)",
        lambda get, _: _m(
            value(get(D08), "revised_budget_2023", label=TO_INVESTMENT)
            - value(get(D08), "actual_2023", label=TO_INVESTMENT)
        ),
        D08,
    ),
    "disposition_fund_start_2023": Prose("Discretionary fund 1.1. (D09)", _d09("Saldo disposisjonsfond per 1.1."), D09),
    "disposition_fund_budgeted_net_use": _sum(
        "Budgeted net use of the discretionary fund (D08 regulated budget)", _disp_net("revised_budget_2023"), D08
    ),
    "bound_funds_net_provision_2023": _sum(
        "Net provisions to restricted funds 2023 (D08)", lambda get, _: _m(_bound_net("actual_2023")(get)), D08
    ),
    "bound_funds_budgeted_net_use": _sum(
        "Budgeted net use of restricted funds (D08 regulated budget)",
        lambda get, _: -_m(_bound_net("revised_budget_2023")(get)),
        D08,
    ),
    "net_operating_result_excl_bound_fund_provisions": _sum(
        "Net operating surplus less net provisions to restricted funds (D08)",
        lambda get, _: _m(net_operating_surplus(get) - _bound_net("actual_2023")(get)),
        D08,
        terms=3,
    ),
    "bound_funds_provisions_2023": Prose(
        "Provisions to restricted funds 2023 (D08)", _row(D08, "actual_2023", BOUND_ADD), D08
    ),
    "bound_funds_provisions_budget": Prose(
        "Provisions to restricted funds, regulated budget (D08)", _row(D08, "revised_budget_2023", BOUND_ADD), D08
    ),
    "bound_funds_provisions_increase_from_2022": _sum(
        "Provisions to restricted funds, increase from 2022 (D08)",
        lambda get, _: _m(
            value(get(D08), "actual_2023", label=BOUND_ADD) - value(get(D08), "actual_2022", label=BOUND_ADD)
        ),
        D08,
    ),
    "bound_funds_use_2023": Prose("Use of restricted funds 2023 (D08)", _row(D08, "actual_2023", BOUND_USE, -1.0), D08),
    "bound_funds_use_budget": Prose(
        "Use of restricted funds, regulated budget (D08)", _row(D08, "revised_budget_2023", BOUND_USE, -1.0), D08
    ),
    "p14_one_off_frame_adjustments": _sum(
        "P14's one-off frame adjustments = the 1st and 2nd four-month reports' one-off parts (prose)",
        lambda get, prose: _p(prose, "p14_one_off_first_tertial") + _p(prose, "p14_one_off_second_tertial"),
        PROGRAMMES,
        input_decimals=1,
    ),
    "p14_overspend_excl_one_off_adjustments": _sum(
        "P14's overspend without the one-off adjustments = one-offs (prose) − underspend (D23)",
        lambda get, prose: (
            _p(prose, "p14_one_off_frame_adjustments")
            - _m(value(get(PROGRAMMES), "deviation_nok", programme_area="P14"))
        ),
        PROGRAMMES,
        input_decimals=1,
    ),
}
# P12's narrative rolls each fee-funded service's self-cost deficit forward (lines 6419–6425): the deficit
# carried in, the year's deficit and the calculated interest make the deficit carried out.
for _service, _lines in (("water", "6419–6421"), ("sewage", "6423–6425")):
    PROSE_FIGURES[f"{_service}_self_cost_deficit_carried_out"] = _sum(
        f"P12's {_service} self-cost deficit carried out = carried in + the year's deficit + calculated interest "
        f"(prose, lines {_lines})",
        lambda get, prose, service=_service: sum(
            _p(prose, f"{service}_self_cost_{part}") for part in ("deficit_carried_in", "deficit_2023", "interest")
        ),
        PROGRAMMES,
        terms=3,
        input_decimals=1,
    )
# Each programme area's narrative restates its frame (revised budget), its deviation and its %.
for _area in [f"P{n:02d}" for n in range(1, 19) if n not in (16, 17)]:
    _key = _area.lower()
    PROSE_FIGURES[f"{_key}_frame"] = Prose(
        f"{_area}'s frame = its revised budget (its Status økonomi table)",
        _prog(_area, "revised_budget_2023"),
        PROGRAMMES,
    )
    PROSE_FIGURES[f"{_key}_underspend"] = Prose(
        f"{_area}'s underspend (its Status økonomi table)", _prog_dev(_area), PROGRAMMES
    )
    PROSE_FIGURES[f"{_key}_overspend"] = Prose(
        f"{_area}'s overspend (its Status økonomi table)", _prog_dev(_area, -1.0), PROGRAMMES
    )
    PROSE_FIGURES[f"{_key}_deviation_pct"] = _prog_pct(_area)

# Prose figures the chapter reads but does not recompute (inputs to other rows and to the analyses).
PROSE_INPUTS = {
    # Lines 2348–2354: the refugee provision set aside and distributed; checked through the relation the
    # text states with them (set aside − distributed + withdrawn = what remains, 17,3).
    "refugee_provision_set_aside",
    "refugee_provision_distributed",
    "asss_excl_oslo_resultatgrad_2023",
    "unaccompanied_minors_grant_repaid",
    "state_extra_income_for_2024_costs",
    "extraordinary_dividend_budget",
    "extraordinary_dividend_2023",
    "national_tax_income_change_pct",
    "integration_grant_year1_above_budget",
    "integration_grant_years2_5_above_budget",
    "wage_growth_estimate_2023_pct",
    "finance_original_budget_net_cost",
    "extraordinary_owner_withdrawal_2022",
    "tax_per_inhabitant_pct_of_national_2023",
    "revised_budget_tax_per_inhabitant_pct_of_national",
    "p14_one_off_first_tertial",
    "p14_one_off_second_tertial",
    "programme_frames_strengthened_first_tertial",
    "programme_frames_strengthened_second_tertial",
    # Line 2226: the tax estimate raised in the two four-month reports (no adopted budget in D02).
    "tax_estimate_raised_in_four_month_reports",
    "water_self_cost_deficit_2023",
    "water_self_cost_deficit_carried_in",
    "water_self_cost_interest",
    "sewage_self_cost_deficit_2023",
    "sewage_self_cost_deficit_carried_in",
    "sewage_self_cost_interest",
}


@identity(CHAPTER)
def prose_figures(get: Getter) -> list[Check]:
    """Each figure of the operating account's sentences against the same figure recomputed from the tables."""
    prose = _prose(get)
    if prose is None:
        return []
    out = []
    for _, row in prose.iterrows():
        label = str(row["label"])
        if label in PROSE_INPUTS:
            continue
        spec = PROSE_FIGURES.get(label)
        if spec is None:
            raise KeyError(f"{PROSE}: no recomputation for {label!r}")
        out.append(
            Check(
                check_id=f"{PROSE}.{label}.{int(row['source_line'])}",
                chapter=CHAPTER,
                what=f"Prose: {spec.what}",
                printed=float(row["value"]),
                recomputed=float(spec.recompute(get, prose)),
                unit=str(row["unit"]),
                decimals=int(row["decimals"]),
                table=PROSE,
                source_lines=str(int(row["source_line"])),
                section="Driftsregnskapet (text)",
                kind=spec.kind,
                terms=spec.terms,
                # A restatement's input_decimals are the table figure's (the truncation rule's half unit).
                input_decimals=spec.input_decimals if spec.kind in (SUM, RESTATEMENT) else None,
                low=spec.bounds(get, prose)[0] if spec.bounds else float("nan"),
                high=spec.bounds(get, prose)[1] if spec.bounds else float("nan"),
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Claims in words: printed 1 (the report says so), recomputed 1 if the figures bear it out.


def _claim(check_id: str, what: str, holds: bool, lines: str, table: str = PROSE) -> Check:
    return claim(CHAPTER, f"drift_claims.{check_id}", f"Claim: {what}", holds, table, lines, "Driftsregnskapet (text)")


@identity(CHAPTER)
def claims(get: Getter) -> list[Check]:
    """Statements in words about the operating account, checked against the printed figures."""
    prose = _prose(get)
    d01, d02, d08, prog = get(D01), get(D02), get(D08), get(PROGRAMMES)
    result = result_vs_target(get)
    surplus = float(result["net_operating_surplus"])
    out = [
        _claim(
            "below_target",
            "the result's share of gross operating income is below the 1.75 % target (line 2053)",
            result["resultatgrad_pct"] < TARGET_RESULTATGRAD_PCT,
            "2052–2053",
            D08,
        ),
        _claim(
            "weaker_than_original_budget",
            "the result is weaker than the original budget's (lines 98–99, 2076–2077; D08)",
            surplus < net_operating_surplus(get, "original_budget_2023"),
            "98–99, 2076–2077",
            D08,
        ),
        _claim(
            "result_too_low_for_transfer",
            "the result was too low to cover the budgeted transfer to investment (lines 2657–2658; D08)",
            surplus < value(d08, "revised_budget_2023", label=TO_INVESTMENT),
            "2657–2658",
            D08,
        ),
        _claim(
            "tax_fell_from_2022",
            "tax income fell from 2022 to 2023 (line 2212; D02)",
            abs(_tax("actual_2023")(get)) < abs(_tax("actual_2022")(get)),
            "2211–2212",
            D02,
        ),
        _claim(
            "interest_compensation_rose",
            "interest compensation rose from 2022 (line 2293; D02)",
            abs(value(d02, "actual_2023", label="Rente og inv. kompensasjon fra staten"))
            > abs(value(d02, "actual_2022", label="Rente og inv. kompensasjon fra staten")),
            "2292–2293",
            D02,
        ),
        _claim(
            "bound_provisions_above_2022",
            "provisions to restricted funds were higher than in 2022 (line 2729; D08)",
            value(d08, "actual_2023", label=BOUND_ADD) > value(d08, "actual_2022", label=BOUND_ADD),
            "2728–2729",
            D08,
        ),
        _claim(
            "formannskap_mostly_p14",
            "most of the Formannskap's underspend is P14's (lines 125–126, 2126; D01, D23)",
            value(prog, "deviation_nok", programme_area="P14") > value(d01, "deviation_nok", label="Formannskap") / 2,
            "125–126, 2126",
            D01,
        ),
        _claim(
            "tekniske_mostly_p12",
            "most of Tekniske tjenester' underspend is P12's (line 2140; D01, D21)",
            value(prog, "deviation_nok", programme_area="P12")
            > value(d01, "deviation_nok", label="Hovedutvalg for tekniske tjenester") / 2,
            "2139–2140",
            D01,
        ),
        _claim(
            "p09_in_line_with_budget",
            "P09's result is in line with its revised budget (line 5882; D18 prints 0.0 %)",
            abs(pct_of_budget(value(prog, "deviation_nok", programme_area="P09"),
                              value(prog, "revised_budget_2023", programme_area="P09"))) < 0.05,
            "5881–5882",
            PROGRAMMES,
        ),
    ]  # fmt: skip
    d09 = get(D09)
    adopted = value(d09, "value_2023", label="Vedtatt budsjett - bruk")
    budgeted = d09.loc[(d09["row_kind"] == "movement") & (d09["label"] != "Saldering netto bruk regnskap 2023")]
    out.append(
        _claim(
            "adopted_budget_fund_use",
            "the net use of the discretionary fund budgeted for the year (D09's five budgeted movements) is "
            "the adopted budget's, as line 141 calls it (D09 prints the adopted budget's use apart)",
            round(_m(adopted), 1) == round(_m(float(budgeted["value_2023"].sum())), 1),
            "140–141, 2674–2675, 2688–2696",
            D09,
        )
    )
    if prose is not None and "state_extra_income_for_2024_costs" in set(prose["label"]):
        out.append(
            _claim(
                "negative_without_extra_state_income",
                "without the extra state income the result would have been negative (lines 9–11)",
                _m(surplus) - _p(prose, "state_extra_income_for_2024_costs") < 0,
                "9–11",
                D08,
            )
        )
    if prose is not None and "revised_budget_tax_per_inhabitant_pct_of_national" in set(prose["label"]):
        out.append(
            _claim(
                "equalisation_above_budget",
                "tax per inhabitant ended below the revised budget's assumption and the income equalisation "
                "in the block grant above budget (lines 2241–2246; D02)",
                _p(prose, "tax_per_inhabitant_pct_of_national_2023")
                < _p(prose, "revised_budget_tax_per_inhabitant_pct_of_national")
                and value(d02, "deviation_nok", label="Rammetilskudd") > 0,
                "2241–2246",
                D02,
            )
        )
    if prose is not None and "national_tax_income_change_pct" in set(prose["label"]):
        out.append(
            _claim(
                "national_tax_fell_less",
                "tax developed better nationally than in Drammen (lines 2082, 2217, 2243; D02 and line 2215)",
                _p(prose, "national_tax_income_change_pct") < tax_fall_pct(get),
                "2082, 2215–2217, 2243",
                D02,
            )
        )
    return out


@identity(CHAPTER)
def adopted_budget_figures(get: Getter) -> list[Check]:
    """What the text says the adopted budget held, against the tables' adopted (original) budget: its
    net use of the discretionary fund (line 141 against D09's adopted use) and its extraordinary
    dividends for self-financing (the summary's, line 88, against what 2A's budgeted transfer leaves
    after the 15 % rule's amount, lines 2665–2666)."""
    d09, a2 = get(D09), get("inv_2a_financing")
    foreword = get("bal_prose_figures")
    inv = get("inv_prose_figures")
    budgeted_use = value(foreword, "value", label="foreword_budgeted_use")
    rule = value(inv, "value", label="self_financing_budget_15pct_rule")
    transfer = -value(a2, "original_budget_2023", label="Overføring fra drift")
    dividends = value(_prose(get), "value", label="extraordinary_dividend_budget")
    # Line 92: the frames strengthened in the two four-month reports, «financed by use of the discretionary
    # fund»; D09 prints what the two reports drew from the fund, net.
    strengthened = sum(
        value(_prose(get), "value", label=f"programme_frames_strengthened_{n}_tertial") for n in ("first", "second")
    )
    tertial_labels = ("1. tertial 2023 - netto bruk", "2. tertial 2023 - redusert bruk saldering")
    tertial_draw = -sum(value(d09, "value_2023", label=label) for label in tertial_labels)
    return [
        _check(
            "drift_claims.frames_strengthened_from_fund",
            "The programme areas' frames strengthened in the four-month reports, financed from the discretionary "
            "fund (line 92) = D09's net draws of the two reports",
            strengthened,
            _m(tertial_draw),
            D09,
            f"92; {_line(d09, label=tertial_labels[0])}–{_line(d09, label=tertial_labels[1])}",
            decimals=0,
            unit="NOK million",
            section="Driftsregnskapet (text)",
            kind=RESTATEMENT,
            input_decimals=3,
        ),
        _check(
            "drift_claims.adopted_budget_fund_use.figure",
            "The adopted budget's net use of the discretionary fund (line 141) = D09's adopted use",
            budgeted_use,
            -_m(value(d09, "value_2023", label="Vedtatt budsjett - bruk")),
            D09,
            f"141; {_line(d09, label='Vedtatt budsjett - bruk')}",
            decimals=1,
            unit="NOK million",
            section="Driftsregnskapet (text)",
            kind=RESTATEMENT,
            input_decimals=3,
        ),
        _check(
            "drift_claims.adopted_budget_extraordinary_dividends",
            "The adopted budget's extraordinary dividends (line 88) = 2A's budgeted transfer from operations − "
            "the 15 % rule's amount (line 2665), as line 2666 gives them",
            dividends,
            _m(transfer) - rule,
            PROSE,
            f"88; {_line(a2, label='Overføring fra drift')}; 2665–2666",
            decimals=0,
            unit="NOK million",
            section="Driftsregnskapet (text)",
            kind=SUM,
            terms=2,
            input_decimals=(3, 1),  # 2A in thousands, the rule's amount in tenths of a million
        ),
    ]


# ---------------------------------------------------------------------------------------------
# The analyses of the chapter (shown, never graded).


def report_causes(get: Getter) -> pd.DataFrame:
    """The causes the report lists for the improvement on the revised budget (lines 2079–2098), as
    printed, in NOK million (a gain positive), beside the same cause from the tables where one exists."""
    prose = _prose(get)
    d02, d03, d05 = get(D02), get(D03), get(D05)
    rows = [
        ("Tax and income equalisation above budget", "free_income_above_budget", 1.0,
         value(d02, "deviation_nok", label="Skatt på inntekt og formue")
         + value(d02, "deviation_nok", label="Rammetilskudd")),
        ("Integration grants above budget", "integration_grant_above_budget", 1.0,
         value(d02, "deviation_nok", label="Integreringstilskudd")),
        ("Central costs below budget, without depreciation", "central_costs_underspend_excl_depreciation", 1.0,
         value(d03, "deviation_nok", row_kind="total") - value(d03, "deviation_nok", label="Avskrivninger")),
        ("Programme areas below budget, before provisions", "programme_areas_underspend_before_bound_fund_provisions",
         1.0, float("nan")),
        ("Dividends below budget", "dividends_below_budget", -1.0, value(d05, "deviation_nok", label="Utbytte")),
    ]  # fmt: skip
    out = []
    for cause, label, sign, table in rows:
        line = int(
            prose.loc[(prose["label"] == label) & (prose["source_line"].between(2079, 2098)), "source_line"].iloc[0]
        )
        decimals = int(prose.loc[(prose["label"] == label) & (prose["source_line"] == line), "decimals"].iloc[0])
        out.append({"cause": cause, "line": line, "printed": sign * _p(prose, label), "decimals": decimals,
                    "tables": _m(table)})  # fmt: skip
    return pd.DataFrame(out)


@identity(CHAPTER)
def report_bridge(get: Getter) -> list[Check]:
    """The improvement the report prints (line 2076) against the causes it lists (lines 2081–2096)."""
    prose = _prose(get)
    if prose is None or "free_income_above_budget" not in set(prose["label"]):
        return []
    causes = report_causes(get)
    return [
        _check(
            "drift_bridge.report_causes",
            "Improvement on the revised budget (line 2076) = the five causes the report lists (lines 2081–2096)",
            _p(prose, "improvement_on_revised_budget"),
            float(causes["printed"].sum()),
            PROSE,
            "2076, 2081–2096",
            decimals=1,
            unit="NOK million",
            section="Driftsregnskapet (text)",
            kind=SUM,
            terms=len(causes),
            # Each cause at its own printed precision (the dividends' 45 is printed in whole millions).
            input_decimals=tuple(int(d) for d in causes["decimals"]),
        )
    ]


WITHOUT_PREMIUM_AND_FUND = "Without the net premium deviation and the premium-fund use"
# The measures whose NOK figure the report prints (the result as booked, line 2052, and without the net provisions
# to restricted funds, line 2724); the others are the book's estimates.
REPORTED_MEASURES = ("As booked", "Without the net provisions to restricted funds")
# One name per measure, the same in the chart (Fig. 1.2) and its table (Table 1.2); a newline where the chart
# breaks a long one.
QUALITY_NAMES = {  # the chart's row names, wrapped short so the bars keep the column's width (designer s11r4)
    "As booked": "As booked",
    "Without the net premium deviation": "Without net premium\ndeviation",
    WITHOUT_PREMIUM_AND_FUND: "Without net premium\ndeviation and\npremium-fund use",
    "Without the net provisions to restricted funds": "Without net provisions\nto restricted funds",
    "Without both": "Without net premium\ndeviation and net\nrestricted-fund provisions",
    "Without the extra dividend": "Without extra dividend",
    "Without the extra state income (foreword)": "Without extra\nstate income",
}


def result_quality(get: Getter) -> pd.DataFrame:
    """The quality of the year's result: the net operating result as booked, without the net premium
    deviation (the premium deviation credited less the amortisation charged, D04), without it and the
    year's use of the premium fund as well (D04: the premium at what the pension funds charged), without the net
    provisions to restricted funds (D08, the measure the report itself gives at lines 2719–2724), without
    both, without the extraordinary dividend booked in 2023 (line 2061), and, beside them, without the
    extra state income the foreword names (lines 9–11; the report does not say how it overlaps the others,
    so it is not combined with them). One row per measure:
    ``measure``, ``nok_thousand``, ``pct_of_income`` (of gross operating income, inferred from D09),
    ``to_target`` (NOK thousand still needed to reach the target, negative when above it) and
    ``estimate`` (False only for the booked result, whose share the report also states; the restricted-fund
    measure's NOK figure is the report's, but its share rests on the book's inferred income) and
    ``reported`` (the NOK figure is printed by the report: the booked result and the restricted-fund measure;
    the others are the book's estimates)."""
    from .pensjon import PREMIUM_FUND, central, net_premium_deviation  # the pension chapter's figures

    income = gross_operating_income(get)
    surplus = net_operating_surplus(get)
    premium = net_premium_deviation(get)
    # The premium fund lowered the premium paid (and with it the deviation), not the calculated cost: charged
    # at what was paid, the year was lifted by the fund's use as well (whether that use recurs, the report
    # does not say: it prints no earlier year's use and no fund balance).
    fund_use = -central(get, PREMIUM_FUND)
    bound = bound_funds_net(get)
    state = 1000.0 * _p(_prose(get), "state_extra_income_for_2024_costs")
    dividend = 1000.0 * _p(_prose(get), "extraordinary_dividend_2023")
    rows = [
        ("As booked", surplus, False),
        ("Without the net premium deviation", surplus - premium, True),
        (WITHOUT_PREMIUM_AND_FUND, surplus - premium - fund_use, True),
        ("Without the net provisions to restricted funds", surplus - bound, True),
        ("Without both", surplus - premium - bound, True),
        ("Without the extra dividend", surplus - dividend, True),
        ("Without the extra state income (foreword)", surplus - state, True),
    ]
    required = income * TARGET_RESULTATGRAD_PCT / 100.0
    return pd.DataFrame(
        [
            {"measure": m, "nok_thousand": x, "pct_of_income": 100.0 * x / income, "to_target": required - x,
             "estimate": e, "reported": m in REPORTED_MEASURES}
            for m, x, e in rows
        ]
    )  # fmt: skip


def central_cost_reserves(get: Getter) -> dict[str, float]:
    """D03's underspend split (NOK thousand, underspend positive): the three reserves left unused (the
    wage reserve, the refugee provision and the price compensation, lines 2309, 2325 and 2332), the
    depreciation, and the other rows, with and without depreciation (which does not reach the net
    operating result)."""
    d03 = get(D03)
    reserves = {label: value(d03, "deviation_nok", label=label) for label in RESERVE_LABELS}
    total = value(d03, "deviation_nok", row_kind="total")
    depreciation = value(d03, "deviation_nok", label="Avskrivninger")
    unused = sum(reserves.values())
    return {
        "total": total,
        "depreciation": depreciation,
        "reserves": unused,
        **{f"reserve:{label}": v for label, v in reserves.items()},
        "other_with_depreciation": total - unused,
        "other_without_depreciation": total - unused - depreciation,
    }


RESERVE_LABELS = ("Lønnsreserve", "Avsetninger flyktninger", "Avsetning priskompensasjon")


NET_COST_SPENT = "Net cost without net restricted-fund provisions"


def free_income_vs_cost(get: Getter) -> pd.DataFrame:
    """Free income in the national statistics' sense (income and wealth tax and the block grant, D02)
    from 2022 to 2023 against the programme areas' net cost (D01's total), and that cost without the net
    provisions to restricted funds (D08; the book's estimate, :data:`NET_COST_SPENT`): ``item``, ``y2022``,
    ``y2023`` (NOK thousand, income positive), ``change`` (NOK thousand) and ``change_pct``."""
    d02, d01 = get(D02), get(D01)
    tax = [-value(d02, c, label="Skatt på inntekt og formue") for c in ("actual_2022", "actual_2023")]
    grant = [-value(d02, c, label="Rammetilskudd") for c in ("actual_2022", "actual_2023")]
    cost = [value(d01, c, row_kind="total") for c in ("actual_2022", "actual_2023")]
    rows = [
        ("Income and wealth tax", *tax),
        ("Block grant", *grant),
        ("Free income (tax + block grant)", tax[0] + grant[0], tax[1] + grant[1]),
        ("Programme areas' net cost", *cost),
    ]
    # D01 counts the areas' provisions to restricted funds as cost. On the book's bridge assumption (all of
    # D08's net provisions are the areas'), the cost they spent is D01 less those net provisions.
    bound = [bound_funds_net(get, c) for c in ("actual_2022", "actual_2023")]
    rows.append((NET_COST_SPENT, cost[0] - bound[0], cost[1] - bound[1]))
    frame = pd.DataFrame(rows, columns=["item", "y2022", "y2023"])
    frame["change"] = frame["y2023"] - frame["y2022"]
    frame["change_pct"] = 100.0 * frame["change"] / frame["y2022"]
    return frame


def budget_path(get: Getter) -> pd.DataFrame:
    """The net operating result (NOK million, surplus positive) from the original budget through the
    revised budget to the accounts, with the dispositions that moved between them (D08)."""
    d08 = get(D08)
    rows = []
    for label in d08.loc[d08["row_kind"] == "disposition", "label"]:
        rows.append(
            {
                "disposition": label,
                "original": _m(value(d08, "original_budget_2023", label=label)),
                "revised": _m(value(d08, "revised_budget_2023", label=label)),
                "actual": _m(value(d08, "actual_2023", label=label)),
            }
        )
    frame = pd.DataFrame(rows)
    frame["revision"] = frame["revised"] - frame["original"]
    frame["year"] = frame["actual"] - frame["revised"]
    return frame


NEDRE_EIKER = "Nedre Eiker Eiendomsutvikling AS 2)"


def transfer_path(get: Getter) -> dict[str, float]:
    """The transfer to investment from the adopted budget through the revised budget to the accounts (D08),
    beside the Nedre Eiker payout in the dividend table's two budgets (D07), NOK thousand, payouts positive.
    The tables' side of the two dividend sizes: if the adopted 178 million had held the payout, the adopted
    budget's D07 column would show it; instead it appears at revision, as the transfer rises by about as much,
    and the accounts cut the transfer by about as much again. The dividends rose by more at revision (other
    companies' dividends changed too): ``dividends_raised`` and ``dividends_others``."""
    d08, d07 = get(D08), get(D07)
    adopted, revised, actual = (value(d08, c, label=TO_INVESTMENT) for c in
                                ("original_budget_2023", "revised_budget_2023", "actual_2023"))  # fmt: skip
    dividends_raised = value(d07, "original_budget_2023", row_kind="total") - value(
        d07, "revised_budget_2023", row_kind="total"
    )
    return {
        "adopted": adopted,
        "revised": revised,
        "actual": actual,
        "raised_at_revision": revised - adopted,
        "cut_in_accounts": revised - actual,
        "actual_less_adopted": actual - adopted,
        "nedre_eiker_adopted": -value(d07, "original_budget_2023", label=NEDRE_EIKER),
        "nedre_eiker_revised": -value(d07, "revised_budget_2023", label=NEDRE_EIKER),
        # All dividends raised at revision (D07's Sum row, a rise positive), and the other companies' part.
        "dividends_raised": dividends_raised,
        "dividends_others": dividends_raised
        + value(d07, "revised_budget_2023", label=NEDRE_EIKER)
        - value(d07, "original_budget_2023", label=NEDRE_EIKER),
    }


def dividend_sizes(get: Getter) -> pd.DataFrame:
    """The extraordinary dividend's two sizes beside what the tables show of the transfer to investment,
    all dividends and the Nedre Eiker payout (NOK million, as printed or from the tables, payouts
    positive): ``figure`` (in English: the sizes are the text's, not table rows), ``where`` (the report's
    section or table, with the printed row's name), ``printed`` (True where the figures are the text's,
    False where the book converts a table's NOK thousand), the columns ``original``, ``revised``,
    ``actual`` (NaN where the report gives none) and each one's decimals, ``decimals_original`` ...: a
    text's figure at the precision it is printed (130, not 130.0), a table's at one decimal."""
    prose, inv, path, d07 = get(PROSE), get("inv_prose_figures"), transfer_path(get), get(D07)
    nan = float("nan")

    def text(frame: pd.DataFrame, label: str) -> tuple[float, int]:
        row = frame.loc[frame["label"] == label].iloc[0]
        return float(row["value"]), int(row["decimals"])

    none = (nan, 1)
    rows = [
        ("Extra dividend", "summary; Økonomisk resultat (booked: Finansielle handlingsregler)", True,
         text(prose, "extraordinary_dividend_budget"), none, text(prose, "extraordinary_dividend_2023")),
        ("Extra dividend", "Overføring fra drifts- til investeringsregnskapet", True,
         text(inv, "extraordinary_dividends_budgeted_for_self_financing"), none, none),
        ("Self-financing, the 15 % rule", "the same section", True,
         text(inv, "self_financing_budget_15pct_rule"), none, none),
        ("Transfer to investment", "D08, Overføring til investering", False,
         (_m(path["adopted"]), 1), (_m(path["revised"]), 1), (_m(path["actual"]), 1)),
        ("All dividends", "section Utbytte", True,
         text(prose, "dividends_original_budget"), text(prose, "dividends_revised_budget"),
         text(prose, "dividends_2023")),
        ("Nedre Eiker Eiendomsutvikling AS", "D07", False,
         (_m(path["nedre_eiker_adopted"]), 1), (_m(path["nedre_eiker_revised"]), 1),
         (_m(-value(d07, "actual_2023", label=NEDRE_EIKER)), 1)),
    ]  # fmt: skip
    columns = ("original", "revised", "actual")
    return pd.DataFrame(
        [
            {"figure": figure, "where": where, "printed": printed}
            | {c: cell[0] for c, cell in zip(columns, cells, strict=True)}
            | {f"decimals_{c}": cell[1] for c, cell in zip(columns, cells, strict=True)}
            for figure, where, printed, *cells in rows
        ]
    )


def programme_growth(get: Getter) -> pd.DataFrame:
    """Each programme area's net cost 2022 and 2023 (NOK thousand), its growth in %, and its deviation
    as % of its revised budget (printed), from D10–D25. P12's net figures are income (negative)."""
    prog = get(PROGRAMMES)
    frame = prog[["programme_area", "programme_area_name", "actual_2022", "actual_2023", "revised_budget_2023",
                  "deviation_nok", "deviation_pct"]].copy()  # fmt: skip
    frame["growth_pct"] = 100.0 * (frame["actual_2023"] / frame["actual_2022"] - 1.0)
    return frame.reset_index(drop=True)


def gap_offsets(get: Getter) -> dict[str, float]:
    """What met the gap between free income and the programme areas' cost from 2022 to 2023 (NOK
    thousand, a rise positive): the other central income of D02 (all rows but tax and block grant), the
    transfer from the municipal enterprises within it, dividends (D05) and the net operating result (D08,
    surplus positive)."""
    d02, d05 = get(D02), get(D05)

    def other(column: str) -> float:
        total = value(d02, column, row_kind="total")
        return -(
            total - value(d02, column, label="Skatt på inntekt og formue") - value(d02, column, label="Rammetilskudd")
        )

    enterprises = [-value(d02, c, label="Overføring fra kommunale foretak") for c in ("actual_2022", "actual_2023")]
    dividends = [-value(d05, c, label="Utbytte") for c in ("actual_2022", "actual_2023")]
    return {
        "other_2022": other("actual_2022"),
        "other_2023": other("actual_2023"),
        "other_change": other("actual_2023") - other("actual_2022"),
        "enterprises_change": enterprises[1] - enterprises[0],
        "dividends_2022": dividends[0],
        "dividends_2023": dividends[1],
        "dividends_change": dividends[1] - dividends[0],
        "result_2022": net_operating_surplus(get, "actual_2022"),
        "result_2023": net_operating_surplus(get),
    }


def fund_fall_split(get: Getter) -> dict[str, float]:
    """What the discretionary fund's net fall in 2023 paid for (D08, NOK thousand): the part of the
    transfer to investment the surplus did not cover, and the net provisions to restricted funds. The two add
    up to the net draw (use less provisions) whenever D08's dispositions add up to the result."""
    d08 = get(D08)
    transfer = value(d08, "actual_2023", label=TO_INVESTMENT)
    surplus = net_operating_surplus(get)
    net_draw = -(value(d08, "actual_2023", label=DISP_USE) + value(d08, "actual_2023", label=DISP_ADD))
    return {
        "transfer": transfer,
        "surplus": surplus,
        "transfer_rest": transfer - surplus,
        "bound_net": bound_funds_net(get),
        "net_draw": net_draw,
    }


def fund_runway(get: Getter) -> dict[str, float]:
    """The discretionary fund's margin above the reserve requirement (D09) against the year's net draw on
    the fund (D08's use less provisions, NOK thousand), and how many years of such draws the margin would
    cover (the book's arithmetic: the report makes no forecast, and the requirement moves with income and
    debt)."""
    margin = value(get(D09), "value_2023", row_kind="margin")
    net_draw = fund_fall_split(get)["net_draw"]
    return {"margin": margin, "net_draw": net_draw, "years": margin / net_draw if net_draw > 0 else float("inf")}


def central_cost_growth(get: Getter) -> dict[str, float]:
    """D03's central costs from 2022 to 2023 (NOK thousand): the total, the total without depreciation
    (which the accounts neutralise) and rent and cleaning, the largest row."""
    d03 = get(D03)
    out = {}
    for key, pick in (("total", {"row_kind": "total"}), ("depreciation", {"label": "Avskrivninger"}),
                      ("rent", {"label": "Husleie og renhold"})):  # fmt: skip
        out[f"{key}_2022"] = value(d03, "actual_2022", **pick)
        out[f"{key}_2023"] = value(d03, "actual_2023", **pick)
    out["total_change"] = out["total_2023"] - out["total_2022"]
    out["without_depreciation_change"] = out["total_change"] - (out["depreciation_2023"] - out["depreciation_2022"])
    out["rent_change"] = out["rent_2023"] - out["rent_2022"]
    return out


def other_moves(get: Getter) -> pd.DataFrame:
    """What else moved from 2022 to 2023 beside free income and the programme areas' cost (NOK thousand,
    income and cost positive, the result a surplus positive): D02's other rows and the transfer from the
    municipal enterprises among them, dividends (D05), central costs (D03) with and without depreciation
    and rent and cleaning among them, and the net operating result (D08). Columns as
    :func:`free_income_vs_cost`'s: ``item``, ``y2022``, ``y2023``, ``change``, ``change_pct``."""
    offsets, central, d02 = gap_offsets(get), central_cost_growth(get), get(D02)
    enterprises = [-value(d02, c, label="Overføring fra kommunale foretak") for c in ("actual_2022", "actual_2023")]
    rows = [
        ("Other central income (D02)", offsets["other_2022"], offsets["other_2023"]),
        ("of which from the municipal enterprises", *enterprises),
        ("Dividends (D05)", offsets["dividends_2022"], offsets["dividends_2023"]),
        ("Central costs (D03)", central["total_2022"], central["total_2023"]),
        ("Central costs without depreciation", central["total_2022"] - central["depreciation_2022"],
         central["total_2023"] - central["depreciation_2023"]),
        ("of which rent and cleaning", central["rent_2022"], central["rent_2023"]),
        ("Net operating result (D08)", offsets["result_2022"], offsets["result_2023"]),
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["item", "y2022", "y2023"])
    frame["change"] = frame["y2023"] - frame["y2022"]
    frame["change_pct"] = 100.0 * frame["change"] / frame["y2022"]
    return frame


def committee_accounts_gap(get: Getter, committee: str = "Formannskap") -> dict[str, float]:
    """A committee's D01 accounts less the sum of its programme areas' accounts, 2022 and 2023 (NOK
    thousand); non-zero means the gap lies in the accounts columns, not only in a budget."""
    roll = committee_rollup(get).set_index("committee")
    return {c: float(roll.loc[committee, f"{c}_gap"]) for c in ("actual_2022", "actual_2023")}


# ---------------------------------------------------------------------------------------------
# Where each check belongs in the chapter.

BRIDGE = "bridge"
# Sentences' figures that only the book's bridge can recompute.
BRIDGE_PROSE = {"programme_areas_underspend_before_bound_fund_provisions"}


def home(check_id: str, table: str) -> str:
    """The table a check is about: a sentence's figure belongs with the table it restates, the
    bridges with each other (``BRIDGE``), every other check with its own table."""
    if check_id.startswith("drift_bridge."):
        return BRIDGE
    if table == PROSE:
        if check_id.split(".")[1] in BRIDGE_PROSE:
            return BRIDGE
        spec = PROSE_FIGURES.get(check_id.split(".")[1])
        return spec.table if spec is not None else table
    return table


def section(frame: pd.DataFrame, *tables: str) -> pd.DataFrame:
    """The checks of ``frame`` that belong with any of ``tables`` (see :func:`home`)."""
    mask = [home(c, t) in tables for c, t in zip(frame["check_id"], frame["table"], strict=True)]
    return frame[mask].reset_index(drop=True)


# The chapter's sections in page order, each with the tables whose checks its *Checks* line counts; the
# checks of none of them (the report's claims in words about the year as a whole) are counted under
# "The year in brief" (:func:`unsectioned`).
SECTION_TABLES: dict[str, tuple[str, ...]] = {
    "result": (D08,),
    "income": (D02,),
    "costs": (D03,),
    "finance": (D05, D07),
    "loan": (D06,),
    "programmes": (D01, PROGRAMMES),
    "bridge": (BRIDGE,),
    "fund": (D09,),
}


def unsectioned(frame: pd.DataFrame) -> pd.DataFrame:
    """The checks of ``frame`` that no section of ``SECTION_TABLES`` counts."""
    homes = {t for tables in SECTION_TABLES.values() for t in tables}
    mask = [home(c, t) not in homes for c, t in zip(frame["check_id"], frame["table"], strict=True)]
    return frame[mask].reset_index(drop=True)
