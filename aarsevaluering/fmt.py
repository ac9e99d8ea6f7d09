"""One number format for the whole book: SI style, as used in English publications from Norway.

Thousands are grouped by a no-break space (so a number never wraps inside a table cell), the decimal
mark is a point, negatives carry a true minus sign, and the unit is stated.

Money has one form in prose, charts and finding sizes: the currency first, then the number, then the
scale word, ``NOK 78.3 million`` (``fmt(78.3, 1, "NOK million")``, or ``fmt_million(78_327)`` from NOK
thousand). A sign goes before the currency, as English financial writing puts it before a currency
symbol: ``−NOK 3.2 million``, ``+NOK 0.4 million``. The spaces inside are no-break spaces, so
"NOK" never ends a line apart from its number. Prose and charts use NOK million with one decimal;
NOK thousand stays inside reproduced ledgers, where the unit is said once in the caption or header
(``fmt(value, 0)`` without a unit), and in a printed figure quoted as printed (``NOK 3 584 884
thousand``). NOK million carries one decimal at most: an amount asked for with more (a difference
of NOK 0.07 million, a restatement to the thousand) is written in NOK thousand instead (``NOK 70
thousand``, ``NOK 603 023 thousand``). Percentages end in ``%``; a difference of two percentages in
``percentage points``.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
MINUS = "\u2212"
CURRENCY = "NOK"

# How each unit of the descriptor is named: after the number, or, for money, split into the currency
# (before the number) and the scale word (after it).
UNIT_SUFFIX = {
    "NOK 1000": "NOK thousand",
    "NOK thousand": "NOK thousand",
    "NOK": "NOK",
    "NOK million": "NOK million",
    "NOK per year": "NOK per year",
    "percent": "%",
    "%": "%",
    "percentage points": "percentage points",
    "FTE": "FTE",
    "persons": "persons",
    "hours": "hours",
    "count": "",
    "years": "years",
    "": "",
}


def unit_name(unit: str) -> str:
    """The unit as a caption or header names it: ``"NOK 1000"`` -> ``"NOK thousand"``, ``"percent"`` -> ``"%"``."""
    if unit in UNIT_SUFFIX:
        return UNIT_SUFFIX[unit]
    # A unit with the report's own words after it ('NOK 1000 ("Beløp i 1000 – 2023-krone")'): the book's
    # form of the unit, the words kept.
    head = next((key for key in UNIT_SUFFIX if key and unit.startswith(key + " ")), None)
    return UNIT_SUFFIX[head] + unit[len(head) :] if head else unit


def _with_unit(sign: str, body: str, unit: str) -> str:
    """``sign`` and ``body`` (the digits) with the unit in the book's one form."""
    name = unit_name(unit)
    if name == CURRENCY or name.startswith(CURRENCY + " "):
        scale = name[len(CURRENCY) :].strip()
        return f"{sign}{CURRENCY}{NBSP}{body}" + (f"{NBSP}{scale}" if scale else "")
    return f"{sign}{body}{NBSP}{name}" if name else f"{sign}{body}"


def half_away_from_zero(value, decimals: int = 0) -> float:
    """``value`` rounded as a printed report rounds: halves away from zero, read from the shortest
    decimal form of the float (326.65 -> 326.7; Python's ``round`` gives 326.6, since the binary
    float 326.65 lies a hair below the half, and it rounds exact halves to even)."""
    exact = Decimal(repr(float(value)))
    return float(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def rounding_gap(parts, total, decimals: int = 1) -> tuple[float, float] | None:
    """Where figures each rounded on their own do not add up as printed: ``(the parts as printed, added; the
    total as printed)``, or None when they do. Rounded as :func:`fmt` prints them (halves away from zero), so
    a chart's or table's note on its rounding speaks of the figures the reader sees."""
    added = half_away_from_zero(sum(half_away_from_zero(p, decimals) for p in parts), decimals)
    shown = half_away_from_zero(total, decimals)
    return None if added == shown else (added, shown)


def fmt(value, decimals: int = 0, unit: str = "", sign: bool = False) -> str:
    """``value`` formatted for the book: ``fmt(-3.2, 1, "NOK million")`` -> '−NOK 3.2 million',
    ``fmt(0.24, 1, "percent")`` -> '0.2 %', ``fmt(1234)`` -> '1 234' (a ledger cell: no unit).

    ``sign=True`` writes a plus sign on positive numbers (for changes and deviations). Missing
    values (``None``, NaN, ``<NA>``) come out as an en dash.
    """
    try:
        missing = value is None or math.isnan(float(value))
    except TypeError:
        missing = True
    if missing:
        return "\u2013"
    if unit_name(unit) == "NOK million" and decimals > 1:
        # NOK million carries one decimal at most: an amount asked for more precisely (a difference of
        # NOK 0.07 million, a restatement of 603.023) is written in NOK thousand, where it is whole.
        return fmt(float(value) * 1000, decimals - 3 if decimals > 3 else 0, "NOK thousand", sign)
    rounded = half_away_from_zero(value, decimals)
    if rounded == 0:
        rounded = 0.0  # no "−0"
    body = f"{abs(rounded):,.{decimals}f}".replace(",", NBSP)
    prefix = MINUS if rounded < 0 else ("+" if sign and rounded > 0 else "")
    return _with_unit(prefix, body, unit)


def fmt_million(value_in_thousands, decimals: int = 1, sign: bool = False) -> str:
    """An amount held in NOK thousand, written in NOK million: 75663 -> 'NOK 75.7 million'."""
    return fmt(float(value_in_thousands) / 1000, decimals, "NOK million", sign)


def fmt_difference(value, decimals: int = 0, unit: str = "") -> str:
    """A check's difference (printed − recomputed), signed: with the printed figure's decimals when it
    is a whole number of the printed unit, else with one decimal more, so that a difference smaller
    than half the printed unit (an exact check) never reads as a whole unit (``+0.05``, not ``+0.1``)."""
    try:
        whole = abs(float(value) * 10**decimals - round(float(value) * 10**decimals)) < 1e-6
    except (TypeError, ValueError):
        whole = True
    return fmt(value, decimals if whole else decimals + 1, unit, sign=True)


# Figures of one right-aligned column at different precisions (a figure quoted as printed keeps the
# report's): padded on the right so their digits line up, in plain text (a pandas table escapes HTML).
PUNCTUATION_SPACE, FIGURE_SPACE = "\u2008", "\u2007"  # the width of a full stop, and of a digit


def pad_decimals(texts: list[str]) -> list[str]:
    """Figures already written, each padded with a punctuation space (where it has no point) and figure
    spaces to the column's most decimals, so ``892`` stands under ``1 026.7`` digit for digit. A text
    without a digit (an en dash for a missing value) is left as it is."""
    places = [len(t.split(".")[1]) if "." in t else 0 for t in texts]
    most = max((p for t, p in zip(texts, places, strict=True) if any(c.isdigit() for c in t)), default=0)
    return [
        t + (PUNCTUATION_SPACE if p == 0 else "") + FIGURE_SPACE * (most - p)
        if p < most and any(c.isdigit() for c in t)
        else t
        for t, p in zip(texts, places, strict=True)
    ]


def fmt_aligned(cells: list[tuple[float, int]]) -> list[str]:
    """Each ``(value, decimals)`` written with its own decimals, then :func:`pad_decimals`."""
    return pad_decimals([fmt(v, d) for v, d in cells])
