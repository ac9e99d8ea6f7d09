"""Identities of the pension chapter, and the small calculations the chapter narrates.

Tables: ``pension_central_items`` (D04, *Status sentrale pensjonsposter i 2023*), ``pension_prose_figures``
(figures the section *Pensjonskostnader* gives in sentences) and the ``Pensjon`` row of
``drift_central_expenses`` (D03). The driftsregnskap chapter checks D03 as a whole; the checks here compare
D04 with itself, with D03's pension row and with the prose.

Besides the identities the module holds what the notebook computes from the figures: the walk from
premiums paid to pension cost (:func:`cost_waterfall`), the schedule on which a premium deviation is
charged back (:func:`amortisation_schedule`), which earlier years' deviations a year's amortisation
comes from under the regulation's rules (:func:`amortisation_origins`) and the previous year's figure
implied by a stated growth rate (:func:`implied_previous_year`).
"""

from __future__ import annotations

import pandas as pd

from ..checks import (
    RESTATEMENT,
    Check,
    Getter,
    claim,
    identity,
    lines_of,
    meta,
    row_checks,
    sum_checks,
    value,
)
from ..fmt import fmt

CHAPTER = "pensjon"
CENTRAL = "pension_central_items"  # D04
PROSE = "pension_prose_figures"
DRIFT = "drift_central_expenses"  # D03
DRIFT_PENSION_LABEL = "Pensjon"
CHURCH_LABEL = "Tilskudd Den norske kirke, kapitalkostnader og pensjon"

# D04 row labels, as printed.
TOTAL = "Sentrale pensjonsposter"
REGULATION = "Reguleringspremie"
PREMIUM_FUND = "Bruk av premiefond"
DEVIATION = "Premieavvik"
AMORTISATION = "Amortisering tidligere premieavvik"
OTHER = "Diverse pensjon inkl. reserveavsetning"
# Each D04 label in English, set beside the printed Norwegian (what a reader searches the report for).
CENTRAL_ENGLISH = {
    TOTAL: "central pension items, total",
    REGULATION: "regulation premium",
    PREMIUM_FUND: "use of premium fund",
    DEVIATION: "premium deviation",
    AMORTISATION: "amortisation of earlier deviations",
    OTHER: "other items incl. reserve provision",
}

# The year the report covers: a premium deviation arising in it is charged from the next year on.
REPORT_YEAR = 2023

# Amortisation periods of the accounting regulation for premium deviations that arose before 2014
# (first year, last year, years). Deviations from 2014 on use the period the report states (7 years,
# prose figure ``amortisation_period``). A municipality could instead charge a deviation in full the
# next year; the chapter assumes the long periods throughout.
EARLIER_AMORTISATION_RULES = ((2002, 2010, 15), (2011, 2013, 10))
CURRENT_RULE_FROM = 2014
# The periods today's regulation allows for a new deviation: in full the next year, or over seven years.
CURRENT_RULE_PERIODS = (1, 7)

THOUSAND_PER_MILLION = 1000
# The level after the premium deviation. Under the regulation the deviation is measured on the net premium
# (after use of the premium fund) without its administration costs (the interest-guarantee premium among
# them: "administration" in the labels below includes it), which are charged as paid, and the employer's
# contribution is handled as a deviation of its own in the same way. The walk starts from premiums incl.
# employer's contribution and ends at the stated cost incl. it, so this level is the actuaries' net pension
# cost plus administration costs plus employer's contribution on both.
CALCULATED_COST = "Calculated cost incl. administration and employer's contribution"


# ---------------------------------------------------------------------------------------------
# Small accessors.


def prose(get: Getter, label: str) -> float:
    """A figure the prose states (in the unit of its ``unit`` column)."""
    return value(get(PROSE), "value", label=label)


def prose_line(get: Getter, label: str) -> int:
    return int(value(get(PROSE), "source_line", label=label))


def central(get: Getter, label: str, column: str = "actual_2023") -> float:
    """A figure of D04 (NOK thousand)."""
    return value(get(CENTRAL), column, label=label)


def central_line(get: Getter, label: str) -> int:
    return int(value(get(CENTRAL), "source_line", label=label))


def drift_row(get: Getter, label: str = DRIFT_PENSION_LABEL) -> pd.Series:
    """One row of D03 (by default the ``Pensjon`` row)."""
    frame = get(DRIFT)
    rows = frame[frame["label"] == label]
    if len(rows) != 1:
        raise KeyError(f"{DRIFT}: {len(rows)} rows labelled {label!r} (expected one)")
    return rows.iloc[0]


# ---------------------------------------------------------------------------------------------
# What the chapter computes.


ROUNDING_STEP = "Rounding in the printed figures"


def cost_waterfall(get: Getter, *, close_at_stated: bool = False) -> pd.DataFrame:
    """The walk from the premiums due to the year's pension cost, in NOK thousand.

    The premium fund pays part of the premium, so it lowers what the treasury pays; the premium
    deviation is measured on that lower premium (premium paid after use of the premium fund, less the
    calculated net pension cost), so the calculated cost, the level after the deviation, is the same
    whether or not the fund is used.

    One row per step: ``step`` (English name), ``source`` (where the amount is printed), ``kind``
    (``step``, ``subtotal`` or ``total``), ``amount`` (the change; for subtotals and the total the level),
    and ``start``/``end`` (the bar's base and top). The ordinary premium is the prose figure in NOK
    million turned into NOK thousand; every other step is a row of D04, so the last level equals
    ordinary premium + D04's items.

    ``close_at_stated=True`` adds, before the total, a step :data:`ROUNDING_STEP`: the cost the text
    states less the sum of the steps, the rounding between the report's printed figures (the book's
    figure). It is added only where the two print differently at the stated cost's one decimal, and the
    walk then ends at the stated cost.
    """
    ordinary = prose(get, "ordinary_premium_incl_employer_tax") * THOUSAND_PER_MILLION
    steps = [
        ("Ordinary premium", "prose, line " + str(prose_line(get, "ordinary_premium_incl_employer_tax")), ordinary),
        ("Regulation premium", f"D04, line {central_line(get, REGULATION)}", central(get, REGULATION)),
        ("Premiums due", "", None),
        ("Use of premium fund", f"D04, line {central_line(get, PREMIUM_FUND)}", central(get, PREMIUM_FUND)),
        ("Premiums paid by the treasury", "", None),
        (f"Premium deviation {REPORT_YEAR}", f"D04, line {central_line(get, DEVIATION)}", central(get, DEVIATION)),
        (CALCULATED_COST, "", None),
        ("Amortisation of earlier deviations", f"D04, line {central_line(get, AMORTISATION)}",
         central(get, AMORTISATION)),
        ("Other pension items", f"D04, line {central_line(get, OTHER)}", central(get, OTHER)),
        ("Pension cost", "", None),
    ]  # fmt: skip
    if close_at_stated:
        stated = prose(get, "actual_pension_cost")
        summed = sum(amount for _, _, amount in steps if amount is not None) / THOUSAND_PER_MILLION
        if round(stated, 1) != round(summed, 1):
            steps.insert(-1, (ROUNDING_STEP, "recomputed: the stated cost less the steps",
                              (stated - summed) * THOUSAND_PER_MILLION))  # fmt: skip
    rows, level = [], 0.0
    for number, (step, source, amount) in enumerate(steps):
        if amount is None:
            kind = "total" if number == len(steps) - 1 else "subtotal"
            # The calculated-cost level's content (employer's contribution included) is the book's reading.
            source = "recomputed; what it holds is the book's reading" if step == CALCULATED_COST else "recomputed"
            rows.append({"step": step, "source": source, "kind": kind, "amount": level, "start": 0.0,
                         "end": level})  # fmt: skip
        else:
            rows.append({"step": step, "source": source, "kind": "step", "amount": amount, "start": level,
                         "end": level + amount})  # fmt: skip
            level += amount
    if steps[-2][0] == ROUNDING_STEP:  # closed at the stated cost: the total is the figure the text prints
        rows[-1]["source"] = f"prose, line {prose_line(get, 'actual_pension_cost')}"
    return pd.DataFrame(rows)


def amortisation_schedule(amount: float, first_year: int, period: int) -> pd.DataFrame:
    """Charge ``amount`` back in equal instalments over ``period`` years from ``first_year``.

    Returns one row per year: ``year``, ``instalment`` and ``remaining`` (what is still to be charged
    after that year's instalment). The instalments add up to ``amount``.
    """
    if int(period) != period or period < 1:
        raise ValueError(f"the amortisation period must be a whole number of years ≥ 1, not {period!r}")
    period = int(period)
    instalment = amount / period
    years = list(range(first_year, first_year + period))
    remaining = [amount - instalment * (n + 1) for n in range(period)]
    remaining[-1] = 0.0  # no floating-point crumbs after the last instalment
    return pd.DataFrame({"year": years, "instalment": [instalment] * period, "remaining": remaining})


def amortisation_origins(year: int, current_period: int, earlier_rules=EARLIER_AMORTISATION_RULES) -> pd.DataFrame:
    """Which years' premium deviations are charged (in part) in ``year``, and what share of each.

    A deviation of year *y* amortised over *p* years is charged in *y*+1 … *y*+*p*, one *p*-th a year.
    ``earlier_rules`` gives the periods of deviations that arose before :data:`CURRENT_RULE_FROM`;
    later ones use ``current_period``. Returns ``origin_year``, ``period`` and ``share`` (1/p), oldest first.
    """
    rules = list(earlier_rules) + [(CURRENT_RULE_FROM, year - 1, current_period)]
    rows = []
    for first, last, period in rules:
        for origin in range(first, min(last, year - 1) + 1):
            if origin + 1 <= year <= origin + period:
                rows.append({"origin_year": origin, "period": period, "share": 1 / period})
    return pd.DataFrame(rows, columns=["origin_year", "period", "share"])


def net_premium_deviation(get: Getter) -> float:
    """The year's net premium deviation (NOK thousand, a credit positive): the premium deviation
    credited to the year less the amortisation of earlier deviations charged to it (D04). This is what
    the accounts' pension cost was lowered by against charging the premium paid (apart from the small
    other items): the part of the net operating result that later years pay for."""
    return -central(get, DEVIATION) - central(get, AMORTISATION)


def items_against_regulation(get: Getter) -> dict[str, list[str]]:
    """D04's items other than the regulation premium, by English name, split by the sign D04 prints them
    with (accounts 2023): ``"offset"`` those of the opposite sign to the regulation premium, which offset
    it in the central items' total, ``"add"`` those of the same sign, which add to it."""
    regulation = central(get, REGULATION)
    split = {"offset": [], "add": []}
    for label in (PREMIUM_FUND, DEVIATION, AMORTISATION, OTHER):
        value = central(get, label)
        if value:
            split["add" if (value > 0) == (regulation > 0) else "offset"].append(CENTRAL_ENGLISH[label])
    return split


def premium_fund_effect(get: Getter, period: int) -> dict[str, float]:
    """What the year's use of the premium fund does to the amortisation of the year's deviation (NOK
    thousand), on the book's reading of the accounting rules: the fund pays part of the premium, so the
    premium paid and with it the premium deviation are lower by the amount used, and each later year's
    instalment is lower by that amount over ``period``. The year's own pension cost does not change.

    Returns the deviation as booked and as it would have been without the fund, the instalment of each
    over ``period`` years, and the difference per year (the later years' saving)."""
    booked = -central(get, DEVIATION)
    fund = -central(get, PREMIUM_FUND)
    without = booked + fund
    with_fund = amortisation_schedule(booked, REPORT_YEAR + 1, period)["instalment"].iloc[0]
    no_fund = amortisation_schedule(without, REPORT_YEAR + 1, period)["instalment"].iloc[0]
    return {
        "fund_use": fund,
        "deviation": booked,
        "deviation_without_fund": without,
        "instalment": with_fund,
        "instalment_without_fund": no_fund,
        "saving_per_year": no_fund - with_fund,
        "first_year": REPORT_YEAR + 1,
        "last_year": REPORT_YEAR + int(period),
    }


def budget_bridge(get: Getter) -> dict[str, float]:
    """The regulation premium's overrun net of the premium fund, beside the premium deviation's excess over
    budget (NOK thousand; the book's figures from D04's deviations, which are budget minus accounts). The
    treasury paid more than budgeted for the regulation premium by its overrun plus the premium fund used
    below budget. The deviation is measured on all premiums paid, the ordinary premium included, against a
    calculated cost; the report prints a budget for neither, so its excess over budget is not a share of
    that overrun and is returned beside it, not set against it."""
    regulation = -central(get, REGULATION, "deviation_nok")
    fund_short = -central(get, PREMIUM_FUND, "deviation_nok")
    return {
        "regulation_overrun": regulation,
        "fund_below_budget": fund_short,
        "paid_more": regulation + fund_short,
        "deviation_above_budget": central(get, DEVIATION, "deviation_nok"),
    }


FUND_END = "Saldo disposisjonsfond per 31.12 *"
FUND_ABOVE_REQUIREMENT = "Avvik fra handlingsreglenes krav"


def deferral_against_fund(get: Getter, fund_table: str = "drift_disposition_fund") -> dict[str, float]:
    """The year's net addition to deviations still to be charged (:func:`net_premium_deviation`) against the
    discretionary fund at the end of the year (D09), NOK thousand and %: against its closing balance and
    against the part above the reserve the financial rules require (D09's printed margin), the part the
    council has not set aside as a minimum."""
    d09 = get(fund_table)
    fund = value(d09, "value_2023", label=FUND_END)
    above = value(d09, "value_2023", label=FUND_ABOVE_REQUIREMENT)
    net = net_premium_deviation(get)
    return {
        "fund_end": fund,
        "above_requirement": above,
        "net_deferral": net,
        "share": 100 * net / fund,
        "share_of_above_requirement": 100 * net / above,
    }


def net_deviation_and_result(get: Getter) -> dict[str, float]:
    """The year's net premium deviation (:func:`net_premium_deviation`) against the net operating result
    (D08) and gross operating income (the income D09's general reserve of 3 % implies; the report does not
    print it), NOK thousand and %: its share of that income, and the result without it (the surplus less the
    net deviation) with that result's share of the income."""
    from .driftsregnskap import gross_operating_income, net_operating_surplus  # the operating chapter's reading

    income = gross_operating_income(get)
    surplus = net_operating_surplus(get)
    net = net_premium_deviation(get)
    without = surplus - net
    return {
        "gross_operating_income": income,
        "net_deviation": net,
        "share": 100 * net / income,
        "surplus": surplus,
        "result_without": without,
        "result_without_share": 100 * without / income,
    }


def coming_charges(get: Getter, period: int) -> pd.DataFrame:
    """The charge the year's premium deviation puts on each coming year (NOK thousand), beside what it
    would have been had the premium fund not been used (:func:`premium_fund_effect`), and the year's
    own figures for comparison: ``year``, ``instalment``, ``instalment_without_fund``, ``remaining``.
    The earlier deviations' charges after the year are not in it: the report prints neither their
    balance nor their sizes."""
    effect = premium_fund_effect(get, period)
    booked = amortisation_schedule(effect["deviation"], REPORT_YEAR + 1, period)
    without = amortisation_schedule(effect["deviation_without_fund"], REPORT_YEAR + 1, period)
    return booked.assign(instalment_without_fund=without["instalment"])[
        ["year", "instalment", "instalment_without_fund", "remaining"]
    ]


def key_figures(get: Getter) -> pd.DataFrame:
    """The year in figures (NOK million), for the chapter's opening table: ``figure``, ``value`` and
    ``source`` (where it is printed, or that the book computed it). The premiums due and the pension cost
    bracket the year; the deviation credited and the earlier ones charged make the net premium deviation,
    set beside the net operating result it lifted; the last row is the charge the 2023 deviation puts on
    each coming year in equal instalments over the report's period (the book's estimate: the report
    prints the period, not a schedule)."""
    from .driftsregnskap import net_operating_surplus  # the operating chapter's reading of D08

    period = int(prose(get, "amortisation_period"))
    schedule = coming_charges(get, period)
    first, last = schedule["year"].iloc[0], schedule["year"].iloc[-1]
    years = str(first) if first == last else f"{first}–{last}"
    ordinary = prose(get, "ordinary_premium_incl_employer_tax") * THOUSAND_PER_MILLION
    rows = [
        ("Pension premiums, incl. employer's contribution",
         ordinary + central(get, REGULATION), "the text and D04"),
        ("Pension cost in the accounts", prose(get, "actual_pension_cost") * THOUSAND_PER_MILLION, "the text"),
        (f"Premium deviation credited to {REPORT_YEAR}", -central(get, DEVIATION), "D04"),
        (f"Earlier deviations charged to {REPORT_YEAR}", central(get, AMORTISATION), "D04"),
        ("Net premium deviation: what it lifted the result by", net_premium_deviation(get), "recomputed"),
        ("Net operating result", net_operating_surplus(get), "D08"),
        (f"{REPORT_YEAR} deviation charged each year, {years}", schedule["instalment"].iloc[0],
         "the book's estimate"),
    ]  # fmt: skip
    return pd.DataFrame(
        {"figure": [r[0] for r in rows], "value": [r[1] / THOUSAND_PER_MILLION for r in rows],
         "source": [r[2] for r in rows]}
    )  # fmt: skip


def d03_against_d04(get: Getter) -> pd.DataFrame:
    """D03's «Pensjon» row beside D04's printed total, and D03 less D04 (NOK thousand): ``label``,
    ``actual_2023``, ``revised_budget_2023``, ``deviation_nok`` (budget minus accounts in both tables) and
    ``row_kind`` (``item`` for the two printed rows, ``total`` for the difference, ruled off)."""
    columns = ["actual_2023", "revised_budget_2023", "deviation_nok"]
    d03 = drift_row(get)
    d04 = get(CENTRAL)
    d04_total = {c: value(d04, c, row_kind="total") for c in columns}
    rows = [
        {"label": f"{DRIFT_PENSION_LABEL} (D03, central costs)", **{c: float(d03[c]) for c in columns}},
        {"label": f"{TOTAL} (D04, total)", **d04_total},
        {"label": "D03 less D04", **{c: float(d03[c]) - d04_total[c] for c in columns}},
    ]
    frame = pd.DataFrame(rows)
    frame["row_kind"] = ["item", "item", "total"]
    return frame


def still_to_charge(get: Getter, period: int) -> pd.DataFrame:
    """What of the year's premium deviation is still to be charged at the end of the year and of each
    year of its amortisation (NOK thousand), as booked and had the premium fund not been used
    (:func:`coming_charges`): ``year`` (from :data:`REPORT_YEAR`, when the whole deviation is still to
    come, to the last instalment's year, when none is), ``remaining``, ``remaining_without_fund``."""
    effect = premium_fund_effect(get, period)
    booked = amortisation_schedule(effect["deviation"], REPORT_YEAR + 1, period)
    without = amortisation_schedule(effect["deviation_without_fund"], REPORT_YEAR + 1, period)
    return pd.DataFrame(
        {
            "year": [REPORT_YEAR, *booked["year"]],
            "remaining": [effect["deviation"], *booked["remaining"]],
            "remaining_without_fund": [effect["deviation_without_fund"], *without["remaining"]],
        }
    )


def implied_previous_year(current: float, growth_pct: float, current_decimals: int = 1,
                          growth_decimals: int = 1) -> tuple[float, float, float]:  # fmt: skip
    """The previous year's figure a stated growth implies: ``current / (1 + growth/100)``.

    Returns (central, low, high); low and high take both printed figures at the ends of their
    rounding intervals (half a unit of the last printed digit).
    """
    half_value = 0.5 * 10.0**-current_decimals
    half_growth = 0.5 * 10.0**-growth_decimals
    central_value = current / (1 + growth_pct / 100)
    low = (current - half_value) / (1 + (growth_pct + half_growth) / 100)
    high = (current + half_value) / (1 + (growth_pct - half_growth) / 100)
    return central_value, low, high


# ---------------------------------------------------------------------------------------------
# Identities.


@identity(CHAPTER)
def central_items_total(get: Getter) -> list[Check]:
    """D04's first row, 'Sentrale pensjonsposter', against the sum of the items below it (five terms)."""
    out = []
    for column in ("actual_2023", "revised_budget_2023", "deviation_nok"):
        out += sum_checks(CHAPTER, get, CENTRAL, [column], total={"row_kind": "total"}, check_id=CENTRAL)
    return out


@identity(CHAPTER)
def central_items_deviations(get: Getter) -> list[Check]:
    """Each D04 deviation against revised budget − actual (positive = lower cost than budgeted)."""
    return row_checks(
        CHAPTER, get, CENTRAL, "deviation_nok",
        lambda row: row["revised_budget_2023"] - row["actual_2023"],
        "Deviation = revised budget − actual",
    )  # fmt: skip


@identity(CHAPTER)
def central_items_vs_drift_pension_row(get: Getter) -> list[Check]:
    """D03's 'Pensjon' row against the sum of D04's five central pension items: the same items in two
    tables (their budgets agree), each table rounding its own figures to the thousand."""
    row = drift_row(get)
    frame = get(CENTRAL)
    items = frame[frame["row_kind"] == "item"]
    info = meta(CENTRAL)
    out = []
    for column, title in (("actual_2023", "Accounts 2023"), ("revised_budget_2023", "Revised budget 2023"),
                          ("deviation_nok", "Deviation")):  # fmt: skip
        out.append(
            Check(
                check_id=f"{CENTRAL}.vs_{DRIFT}.{column}",
                chapter=CHAPTER,
                what=f"D03 'Pensjon' = the sum of D04's five items ({title})",
                printed=float(row[column]),
                recomputed=float(items[column].sum()),
                unit="NOK 1000",
                decimals=0,
                table=f"{DRIFT}; {CENTRAL}",
                source_lines=f"{int(row['source_line'])}; {lines_of(CENTRAL, frame, frame['row_kind'] == 'item')}",
                section=info["section"],
                terms=len(items),
            )
        )
    return out


# Prose figures that restate one printed table figure in NOK million: (prose label, table, row label,
# column, sign, what). The recomputed value is sign × table figure / 1000.
RESTATEMENTS = (
    ("regulation_premium_incl_employer_tax", CENTRAL, REGULATION, "actual_2023", 1,
     "Regulation premium 2023 (prose) = D04 Reguleringspremie"),
    ("regulation_premium_above_budget", CENTRAL, REGULATION, "deviation_nok", -1,
     "Regulation premium above budget (prose) = − D04 deviation"),
    ("premium_fund_use", CENTRAL, PREMIUM_FUND, "actual_2023", -1,
     "Use of premium funds (prose) = − D04 Bruk av premiefond"),
    ("premium_deviation", CENTRAL, DEVIATION, "actual_2023", -1,
     "Premium deviation 2023 (prose) = − D04 Premieavvik"),
    ("premium_deviation_above_budget", CENTRAL, DEVIATION, "deviation_nok", 1,
     "Premium deviation above budget (prose) = D04 deviation"),
    ("amortisation_earlier_premium_deviations", CENTRAL, AMORTISATION, "actual_2023", 1,
     "Amortisation of earlier deviations (prose) = D04 Amortisering"),
    ("church_council_capital_grant_and_regulation_premium_budget", DRIFT, CHURCH_LABEL, "revised_budget_2023", 1,
     "Church council grant, budget (prose) = D03 revised budget"),
    ("church_council_capital_grant_and_regulation_premium_above_budget", DRIFT, CHURCH_LABEL, "deviation_nok", -1,
     "Church council grant above budget (prose) = − D03 deviation"),
)  # fmt: skip


def _decimals(number: float) -> int:
    """Decimals of a prose figure as printed (the CSV keeps the printed digits; prose has no trailing zeros)."""
    text = repr(float(number))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


@identity(CHAPTER)
def prose_restates_tables(get: Getter) -> list[Check]:
    """Each prose figure that restates a printed table figure, against that figure in NOK million."""
    out = []
    for label, table, row_label, column, sign, what in RESTATEMENTS:
        printed = prose(get, label)
        if table == CENTRAL:
            table_figure, table_line = central(get, row_label, column), central_line(get, row_label)
        else:
            row = drift_row(get, row_label)
            table_figure, table_line = float(row[column]), int(row["source_line"])
        recomputed = sign * table_figure / THOUSAND_PER_MILLION
        out.append(
            Check(
                check_id=f"{PROSE}.{label}",
                chapter=CHAPTER,
                what=what,
                printed=printed,
                recomputed=recomputed,
                unit="NOK million",
                decimals=_decimals(printed),
                table=f"{PROSE}; {table}",
                source_lines=f"{prose_line(get, label)}; {table_line}",
                section=meta(PROSE)["section"],
                kind=RESTATEMENT,
            )
        )
    return out


def church_budget_range(get: Getter) -> dict[str, float]:
    """The budgets (NOK million) for which the text's two church-council figures agree with each other,
    given D03's accounts for the row: the text's budget ("om lag", line 2363) rounded to its printed digits,
    and its excess (line 2364) as the accounts less that budget, rounded to its printed digits. Beside it,
    D03's revised budget, which the book pairs the text's budget with (``d03_budget``, ``d03_inside``)."""
    budget = prose(get, "church_council_capital_grant_and_regulation_premium_budget")
    excess = prose(get, "church_council_capital_grant_and_regulation_premium_above_budget")
    row = drift_row(get, CHURCH_LABEL)
    actual = float(row["actual_2023"]) / THOUSAND_PER_MILLION
    d03_budget = float(row["revised_budget_2023"]) / THOUSAND_PER_MILLION
    half_budget = 0.5 * 10 ** -_decimals(budget)
    half_excess = 0.5 * 10 ** -_decimals(excess)
    low = max(budget - half_budget, actual - excess - half_excess)
    high = min(budget + half_budget, actual - excess + half_excess)
    return {"low": low, "high": high, "d03_budget": d03_budget, "d03_inside": low <= d03_budget <= high}


def cost_growth(get: Getter) -> dict[str, float]:
    """The growth of the pension cost from 2022 split into the ordinary premium and the central items,
    against the wage growth the report assumed (NOK million, %). The book's estimate: the report prints
    neither the 2022 cost nor the 2022 ordinary premium. The 2022 cost is the stated cost divided by one
    plus the stated growth; the 2022 central items are D03's 'Pensjon' row for 2022 (the only 2022 figure
    printed for them); the 2022 ordinary premium is what is left."""
    cost = prose(get, "actual_pension_cost")
    growth = prose(get, "actual_pension_cost_growth_from_2022")
    cost_2022 = cost / (1 + growth / 100)
    central_2023 = value(get(CENTRAL), "actual_2023", row_kind="total") / THOUSAND_PER_MILLION
    central_2022 = float(drift_row(get)["actual_2022"]) / THOUSAND_PER_MILLION
    ordinary_2023 = prose(get, "ordinary_premium_incl_employer_tax")
    ordinary_2022 = cost_2022 - central_2022
    return {
        "cost_2023": cost,
        "cost_2022": cost_2022,
        "growth": growth,
        "ordinary_2023": ordinary_2023,
        "ordinary_2022": ordinary_2022,
        "ordinary_growth": 100 * (ordinary_2023 / ordinary_2022 - 1),
        "central_2023": central_2023,
        "central_2022": central_2022,
        "central_growth": 100 * (central_2023 / central_2022 - 1),
        "ordinary_contribution": ordinary_2023 - ordinary_2022,
        "central_contribution": central_2023 - central_2022,
        # The stated cost less the cost rebuilt from its printed parts: the part of the increase the split
        # into ordinary premium and central items does not hold.
        "rebuilt_gap": cost - ordinary_2023 - central_2023,
        "wage_growth": prose(get, "wage_growth_estimate_revised_2023"),
        "wage_growth_first": prose(get, "wage_growth_estimate_budget_2023"),
    }


# The steps of the report's sentences that arrive at the year's cost (lines 2370–2386), each with its sign.
SENTENCE_STEPS = (
    ("ordinary_premium_incl_employer_tax", 1),
    ("regulation_premium_incl_employer_tax", 1),
    ("premium_fund_use", -1),
    ("premium_deviation", -1),
    ("amortisation_earlier_premium_deviations", 1),
)


def prose_sentence_sum(get: Getter) -> dict[str, float]:
    """What the report's sentences add up to (NOK million): the ordinary premium, plus the regulation premium,
    less the premium fund, less the premium deviation, plus the amortisation, each as the text prints it,
    against the cost the text then states ("blir etter dette"). The sentences leave out D04's «Diverse pensjon
    inkl. reserveavsetning»: ``rest`` is what is left of the gap once it is counted, ``rounding`` the most
    that rounding the six printed figures (and D04's, to thousands) can explain."""
    total = sum(sign * prose(get, label) for label, sign in SENTENCE_STEPS)
    stated = prose(get, "actual_pension_cost")
    other = central(get, OTHER) / THOUSAND_PER_MILLION
    labels = [label for label, _ in SENTENCE_STEPS] + ["actual_pension_cost"]
    rounding = sum(0.5 * 10 ** -_decimals(prose(get, label)) for label in labels) + 0.5 / THOUSAND_PER_MILLION
    return {
        "sentence_sum": total,
        "stated": stated,
        "gap": stated - total,
        "other_items": other,
        "rest": stated - total - other,
        "rounding": rounding,
    }


def _claim(check_id: str, what: str, holds: bool, lines: str) -> Check:
    return claim(CHAPTER, check_id, what, holds, PROSE, lines, meta(PROSE)["section"])


@identity(CHAPTER)
def prose_derived_totals(get: Getter) -> list[Check]:
    """Prose figures that add other figures (the total premium, the year's pension cost), and the
    section's statements in words about them."""
    ordinary = prose(get, "ordinary_premium_incl_employer_tax")
    regulation = prose(get, "regulation_premium_incl_employer_tax")
    total_premium = prose(get, "total_pension_premium")
    cost = prose(get, "actual_pension_cost")
    d04_total = value(get(CENTRAL), "actual_2023", row_kind="total")
    frame = get(PROSE)
    parts = ["ordinary_premium_incl_employer_tax", "regulation_premium_incl_employer_tax", "total_pension_premium"]
    premium_lines = lines_of(PROSE, frame, frame["label"].isin(parts))
    section = meta(PROSE)["section"]
    growth_line = prose_line(get, "actual_pension_cost_growth_from_2022")
    wage_line = prose_line(get, "wage_growth_estimate_revised_2023")
    # The total with D04's regulation premium, which the text's own (line 2374) does not restate exactly:
    # the 'almost' holds with either.
    with_d04 = ordinary + central(get, REGULATION) / THOUSAND_PER_MILLION
    return [
        Check(
            check_id=f"{PROSE}.total_pension_premium",
            chapter=CHAPTER,
            # Why the row is exact, in its own words: the text prints whole millions, so half a million is half
            # its last digit (D04's NOK 1 thousand is a whole unit of its), and 'almost' claims less.
            what=f"Total premium 'almost {fmt(total_premium, 0)}' (prose) = ordinary + regulation premium (prose), "
            f"{fmt(ordinary + regulation, 1)} ({fmt(with_d04, 1)} with D04's regulation premium): less than "
            f"{fmt(total_premium, 0)}, as 'almost' says, and within half the text's last digit, a whole million",
            printed=total_premium,
            recomputed=ordinary + regulation,
            unit="NOK million",
            decimals=_decimals(total_premium),
            table=PROSE,
            source_lines=premium_lines,
            section=section,
            terms=2,
            input_decimals=1,
        ),
        _claim(f"{PROSE}.claim_almost_total_premium",
               "The total premium is 'almost' (nesten) the stated figure: its parts add up to less, with the text's "
               "regulation premium and with D04's",
               max(ordinary + regulation, with_d04) < total_premium, premium_lines),
        Check(
            check_id=f"{PROSE}.actual_pension_cost",
            chapter=CHAPTER,
            what="Pension cost 2023 (prose) = ordinary premium (prose) + D04 Sentrale pensjonsposter",
            printed=cost,
            recomputed=ordinary + d04_total / THOUSAND_PER_MILLION,
            unit="NOK million",
            decimals=_decimals(cost),
            table=f"{PROSE}; {CENTRAL}",
            source_lines=f"{prose_line(get, 'ordinary_premium_incl_employer_tax')}, "
            f"{prose_line(get, 'actual_pension_cost')}; {central_line(get, TOTAL)}",
            section=section,
            # Two figures, each at its own precision: the ordinary premium in tenths of a million and
            # D04's total in thousands.
            terms=2,
            input_decimals=(1, 3),
        ),
        _claim(f"{PROSE}.claim_growth_above_wage_growth",
               "The pension cost grew 'considerably more' than wages: its stated growth against the wage growth "
               "the budget assumed after the first four-month report",
               prose(get, "actual_pension_cost_growth_from_2022") > prose(get, "wage_growth_estimate_revised_2023"),
               f"{growth_line}; {wage_line}"),
    ]  # fmt: skip


def checks_by_section(sections: dict[str, pd.DataFrame], chapter_findings: pd.DataFrame) -> pd.DataFrame:
    """The chapter's checks counted by the section that runs them, with a total row: ``section``,
    ``checks``, ``exact``, ``rounding``, ``discrepancy`` and ``findings`` (the findings any of the
    section's checks belongs to; ``chapter_findings`` as :func:`findings.table` gives it, its ``check_ids``
    space-separated), and ``row_kind`` (``item``, or ``total`` for the last row)."""
    from ..checks import DISCREPANCY, EXACT, ROUNDING

    owners = [set(str(ids).split()) for ids in chapter_findings.get("check_ids", pd.Series(dtype=str))]
    rows = []
    for name, frame in sections.items():
        ids = set(frame["check_id"])
        rows.append({"section": name, "checks": len(frame), "exact": int((frame["status"] == EXACT).sum()),
                     "rounding": int((frame["status"] == ROUNDING).sum()),
                     "discrepancy": int((frame["status"] == DISCREPANCY).sum()),
                     "findings": sum(1 for owned in owners if owned & ids), "row_kind": "item"})  # fmt: skip
    table = pd.DataFrame(rows)
    total = {c: int(table[c].sum()) for c in ("checks", "exact", "rounding", "discrepancy", "findings")}
    return pd.concat([table, pd.DataFrame([{"section": "All", **total, "row_kind": "total"}])], ignore_index=True)
