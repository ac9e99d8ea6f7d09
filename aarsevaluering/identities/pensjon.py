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

from ..checks import RESTATEMENT, Check, Getter, identity, lines_of, meta, row_checks, sum_checks, value
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

# The year the report covers: a premium deviation arising in it is charged from the next year on.
REPORT_YEAR = 2023

# Amortisation periods of the accounting regulation for premium deviations that arose before 2014
# (first year, last year, years). Deviations from 2014 on use the period the report states (7 years,
# prose figure ``amortisation_period``). A municipality could instead charge a deviation in full the
# next year; the chapter assumes the long periods throughout.
EARLIER_AMORTISATION_RULES = ((2002, 2010, 15), (2011, 2013, 10))
CURRENT_RULE_FROM = 2014

THOUSAND_PER_MILLION = 1000


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


def cost_waterfall(get: Getter) -> pd.DataFrame:
    """The walk from premiums paid to the year's pension cost, in NOK thousand.

    One row per step: ``step`` (English name), ``source`` (where the amount is printed), ``kind``
    (``step``, ``subtotal`` or ``total``), ``amount`` (the change; for subtotals and the total the level),
    and ``start``/``end`` (the bar's base and top). The ordinary premium is the prose figure in NOK
    million turned into NOK thousand; every other step is a row of D04, so the last level equals
    ordinary premium + D04's items.
    """
    ordinary = prose(get, "ordinary_premium_incl_employer_tax") * THOUSAND_PER_MILLION
    steps = [
        ("Ordinary premium", "prose, line " + str(prose_line(get, "ordinary_premium_incl_employer_tax")), ordinary),
        ("Regulation premium", f"D04, line {central_line(get, REGULATION)}", central(get, REGULATION)),
        ("Premiums paid", "", None),
        ("Use of premium fund", f"D04, line {central_line(get, PREMIUM_FUND)}", central(get, PREMIUM_FUND)),
        (f"Premium deviation {REPORT_YEAR}", f"D04, line {central_line(get, DEVIATION)}", central(get, DEVIATION)),
        ("Calculated pension cost", "", None),
        ("Amortisation of earlier deviations", f"D04, line {central_line(get, AMORTISATION)}",
         central(get, AMORTISATION)),
        ("Other pension items", f"D04, line {central_line(get, OTHER)}", central(get, OTHER)),
        ("Pension cost", "", None),
    ]  # fmt: skip
    rows, level = [], 0.0
    for number, (step, source, amount) in enumerate(steps):
        if amount is None:
            kind = "total" if number == len(steps) - 1 else "subtotal"
            rows.append({"step": step, "source": "recomputed", "kind": kind, "amount": level, "start": 0.0,
                         "end": level})  # fmt: skip
        else:
            rows.append({"step": step, "source": source, "kind": "step", "amount": amount, "start": level,
                         "end": level + amount})  # fmt: skip
            level += amount
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


def _million(thousand: float) -> str:
    return fmt(thousand / THOUSAND_PER_MILLION, 1, "NOK million")


@identity(CHAPTER)
def central_items_total(get: Getter) -> list[Check]:
    """D04's first row, 'Sentrale pensjonsposter', against the sum of the items below it."""
    frame = get(CENTRAL)
    is_item = frame["row_kind"] == "item"
    items = frame.loc[is_item, "revised_budget_2023"].sum()
    printed = value(frame, "revised_budget_2023", row_kind="total")
    budget_note = (
        f"The {int(is_item.sum())} items' budgets add up to {fmt(items, 0, 'NOK 1000')}, the printed total is "
        f"{fmt(printed, 0, 'NOK 1000')}: a difference of {fmt(printed - items, 0, 'NOK 1000', sign=True)}, "
        "what adding figures rounded to the nearest thousand kroner produces."
        if items != printed
        else ""
    )
    out = []
    for column in ("actual_2023", "revised_budget_2023", "deviation_nok"):
        out += sum_checks(
            CHAPTER, get, CENTRAL, [column], total={"row_kind": "total"}, check_id=CENTRAL,
            explanation=budget_note if column == "revised_budget_2023" else "",
        )  # fmt: skip
    return out


@identity(CHAPTER)
def central_items_deviations(get: Getter) -> list[Check]:
    """Each D04 deviation against revised budget − actual (positive = lower cost than budgeted)."""

    def note(row) -> str:
        gap = row["deviation_nok"] - (row["revised_budget_2023"] - row["actual_2023"])
        if gap == 0:
            return ""
        return (
            f"{fmt(row['revised_budget_2023'], 0)} − {fmt(row['actual_2023'], 0)} = "
            f"{fmt(row['revised_budget_2023'] - row['actual_2023'], 0)}, printed {fmt(row['deviation_nok'], 0)}: "
            + (
                "the deviation was most likely taken from the amounts in kroner before they were rounded to thousands."
                if abs(gap) <= 2
                else "more than rounding can explain; the report gives no reason."
            )
        )

    return row_checks(
        CHAPTER, get, CENTRAL, "deviation_nok",
        lambda row: row["revised_budget_2023"] - row["actual_2023"],
        "Deviation = revised budget − actual", explanation=note,
    )  # fmt: skip


@identity(CHAPTER)
def central_items_vs_drift_pension_row(get: Getter) -> list[Check]:
    """D03's 'Pensjon' row against D04's total: the same central pension items in two tables."""
    row = drift_row(get)
    frame = get(CENTRAL)
    total = {c: value(frame, c, row_kind="total") for c in ("actual_2023", "revised_budget_2023", "deviation_nok")}
    items_budget = frame.loc[frame["row_kind"] == "item", "revised_budget_2023"].sum()
    extra = row["actual_2023"] - total["actual_2023"]
    ordinary = prose(get, "ordinary_premium_incl_employer_tax") * THOUSAND_PER_MILLION
    scope = (
        f"D03's 'Pensjon' line is {fmt(extra, 0, 'NOK 1000')} "
        f"({fmt(100 * extra / total['actual_2023'], 1, '%')}) higher than the sum of D04's central pension items. "
        "The report does not say what the extra is: the line in D03 evidently covers a slightly wider scope than "
        "the five items of D04 (some pension cost booked centrally outside them). The prose's pension cost agrees "
        f"with D04 (ordinary premium + D04 = {_million(ordinary + total['actual_2023'])}), not with D03 "
        f"({_million(ordinary + row['actual_2023'])})."
    )
    budget_gap = row["revised_budget_2023"] - total["revised_budget_2023"]
    budget_note = (
        f"The two budgets differ by {fmt(budget_gap, 0, 'NOK 1000')}, and D04's own total differs from the sum "
        f"of its items by {fmt(total['revised_budget_2023'] - items_budget, 0, 'NOK 1000')}: the same budget, "
        "rounded to thousands at different stages."
    )
    deviation_note = (
        f"Follows from the two rows above: {fmt(budget_gap, 0)} − {fmt(extra, 0)} = {fmt(budget_gap - extra, 0)}. "
        "The wider D03 line carries the larger overspend."
    )
    specs = [
        ("actual_2023", "Accounts 2023", scope),
        ("revised_budget_2023", "Revised budget 2023", budget_note),
        ("deviation_nok", "Deviation", deviation_note),
    ]  # fmt: skip
    info = meta(CENTRAL)
    out = []
    for column, title, note in specs:
        printed, recomputed = float(row[column]), float(total[column])
        out.append(
            Check(
                check_id=f"{CENTRAL}.vs_{DRIFT}.{column}",
                chapter=CHAPTER,
                what=f"D03 'Pensjon' = D04 'Sentrale pensjonsposter' ({title})",
                printed=printed,
                recomputed=recomputed,
                unit="NOK 1000",
                decimals=0,
                table=f"{DRIFT}; {CENTRAL}",
                source_lines=f"{int(row['source_line'])}; {central_line(get, TOTAL)}",
                section=info["section"],
                explanation=note if abs(printed - recomputed) > 0 else "",
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


def _restatement_note(get: Getter, label: str, printed: float, recomputed: float, table_figure: float) -> str:
    if round(recomputed, _decimals(printed)) == printed:
        return ""
    if label == "regulation_premium_incl_employer_tax":
        return (
            f"The table's {fmt(table_figure, 0, 'NOK 1000')} is {fmt(recomputed, 1, 'NOK million')}, the prose says "
            f"{fmt(printed, 1, 'NOK million')}: {fmt(printed - recomputed, 3, 'NOK million', sign=True)} "
            f"({fmt(100 * (printed - recomputed) / recomputed, 2, '%', sign=True)}). No rounding explains it. "
            "The table's premium, budget and deviation agree with each other and with its total, so the table "
            "is the likelier reading; the prose may quote an earlier figure. The effect on the year is negligible."
        )
    if label == "regulation_premium_above_budget":
        budget = central(get, REGULATION, "revised_budget_2023")
        return (
            f"The table's deviation {fmt(table_figure, 0, 'NOK 1000')} is {fmt(recomputed, 1, 'NOK million')} "
            f"above budget, the prose says {fmt(printed, 1, 'NOK million')}. It goes with the prose's regulation "
            f"premium, which is also higher than the table's: the prose's own figures imply a budget of "
            f"{fmt(prose(get, 'regulation_premium_incl_employer_tax') - printed, 1, 'NOK million')} against the "
            f"table's {fmt(budget / THOUSAND_PER_MILLION, 1, 'NOK million')}. Likely the same earlier figure; "
            f"effect {fmt(printed - recomputed, 3, 'NOK million', sign=True)}."
        )
    if label == "church_council_capital_grant_and_regulation_premium_above_budget":
        row = drift_row(get, CHURCH_LABEL)
        actual, budget = row["actual_2023"] / THOUSAND_PER_MILLION, row["revised_budget_2023"] / THOUSAND_PER_MILLION
        return (
            f"D03 prints a deviation of {fmt(table_figure, 0, 'NOK 1000')}, {fmt(recomputed, 1, 'NOK million')}. "
            f"The prose's figure is what the rounded accounts and budget give: {fmt(actual, 1)} − {fmt(budget, 1)} = "
            f"{fmt(round(actual, 1) - round(budget, 1), 1, 'NOK million')}. A rounding slip of "
            f"{fmt(printed - recomputed, 3, 'NOK million', sign=True)}. The D03 row also holds the capital grant, "
            "so it is not pension alone."
        )
    return f"The prose states {fmt(printed, _decimals(printed))}; the table gives {fmt(recomputed, 3)}."


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
                explanation=_restatement_note(get, label, printed, recomputed, table_figure),
                kind=RESTATEMENT,
            )
        )
    return out


@identity(CHAPTER)
def prose_derived_totals(get: Getter) -> list[Check]:
    """Prose figures that add other figures: total premium and the year's pension cost."""
    ordinary = prose(get, "ordinary_premium_incl_employer_tax")
    regulation = prose(get, "regulation_premium_incl_employer_tax")
    total_premium = prose(get, "total_pension_premium")
    cost = prose(get, "actual_pension_cost")
    d04_total = value(get(CENTRAL), "actual_2023", row_kind="total")
    recomputed_cost = ordinary + d04_total / THOUSAND_PER_MILLION
    # The unrounded ordinary premiums that print as the stated one and, with D04, give the stated cost.
    half = 0.5 * 10.0 ** -_decimals(ordinary)
    low = max(ordinary - half, cost - half - d04_total / THOUSAND_PER_MILLION)
    high = min(ordinary + half, cost + half - d04_total / THOUSAND_PER_MILLION)
    cost_note = (
        ""
        if round(recomputed_cost, _decimals(cost)) == cost
        else f"{fmt(ordinary, 1)} + {fmt(d04_total / THOUSAND_PER_MILLION, 3)} = "
        f"{fmt(recomputed_cost, 2, 'NOK million')}. The ordinary premium is itself rounded: "
        + (
            f"an unrounded premium from {fmt(low, 2)} to {fmt(high, 2)} million prints as {fmt(ordinary, 1)} and gives "
            "the stated cost, so the two figures agree within rounding."
            if low < high
            else "no premium that prints as stated gives the stated cost."
        )
    )
    section = meta(PROSE)["section"]
    return [
        Check(
            check_id=f"{PROSE}.total_pension_premium",
            chapter=CHAPTER,
            what=f"Total premium 'almost {fmt(total_premium, 0)}' (prose) = ordinary + regulation premium (prose)",
            printed=total_premium,
            recomputed=ordinary + regulation,
            unit="NOK million",
            decimals=_decimals(total_premium),
            table=PROSE,
            source_lines=lines_of(
                PROSE,
                get(PROSE),
                get(PROSE)["label"].isin(
                    [
                        "ordinary_premium_incl_employer_tax",
                        "regulation_premium_incl_employer_tax",
                        "total_pension_premium",
                    ]
                ),
            ),
            section=section,
            explanation=(
                f"The prose says 'almost' {fmt(total_premium, 0)}: its own parts give "
                f"{fmt(ordinary + regulation, 1, 'NOK million')}, with D04's regulation premium "
                f"{fmt(ordinary + central(get, REGULATION) / THOUSAND_PER_MILLION, 1, 'NOK million')}."
            ),
        ),  # fmt: skip
        Check(
            check_id=f"{PROSE}.actual_pension_cost",
            chapter=CHAPTER,
            what="Pension cost 2023 (prose) = ordinary premium (prose) + D04 Sentrale pensjonsposter",
            printed=cost,
            recomputed=recomputed_cost,
            unit="NOK million",
            decimals=_decimals(cost),
            table=f"{PROSE}; {CENTRAL}",
            source_lines=f"{prose_line(get, 'ordinary_premium_incl_employer_tax')}, "
            f"{prose_line(get, 'actual_pension_cost')}; {central_line(get, TOTAL)}",
            section=section,
            explanation=cost_note,
        ),
    ]
