"""One number format for the whole book: SI style, as used in English publications from Norway.

Thousands are grouped by a no-break space (so a number never wraps inside a table cell), the decimal
mark is a point, negatives carry a true minus sign, and the unit is stated.
"""

from __future__ import annotations

import math

NBSP = "\u00a0"
MINUS = "\u2212"

# How each unit of the descriptor is named after a number.
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


def fmt(value, decimals: int = 0, unit: str = "", sign: bool = False) -> str:
    """``value`` formatted for the book: ``fmt(-3584884, unit="NOK 1000")`` -> '−3 584 884 NOK thousand'.

    ``sign=True`` writes a plus sign on positive numbers (for changes and deviations). Missing
    values (``None``, NaN, ``<NA>``) come out as an en dash.
    """
    try:
        missing = value is None or math.isnan(float(value))
    except TypeError:
        missing = True
    if missing:
        return "\u2013"
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0  # no "−0"
    body = f"{abs(rounded):,.{decimals}f}".replace(",", NBSP)
    prefix = MINUS if rounded < 0 else ("+" if sign and rounded > 0 else "")
    suffix = UNIT_SUFFIX.get(unit, unit)
    return f"{prefix}{body}{NBSP}{suffix}" if suffix else f"{prefix}{body}"


def fmt_million(value_in_thousands, decimals: int = 1, sign: bool = False) -> str:
    """An amount held in NOK thousand, written in NOK million: 75663 -> '75.7 NOK million'."""
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
