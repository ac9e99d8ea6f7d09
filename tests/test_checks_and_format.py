"""The check classifier, the number format and the report-table renderer."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from aarsevaluering.checks import DISCREPANCY, EXACT, ROUNDING, Check, classify, run
from aarsevaluering.fmt import MINUS, NBSP, fmt, fmt_difference, fmt_million
from aarsevaluering.tables import styled


@pytest.mark.parametrize(
    ("printed", "recomputed", "decimals", "status"),
    [
        (19177, 19177, 0, EXACT),
        (19177, 19176, 0, ROUNDING),
        (19177, 19175, 0, DISCREPANCY),  # a difference of two figures may be off by 1.5 units at most
        (0.0, 0.0474, 1, EXACT),  # 1 226 / 2 586 636 prints as 0,0 %
        (0.3, 0.2, 1, ROUNDING),
        (-0.4, 0.4, 1, DISCREPANCY),  # a sign error is never rounding
        (-71600000, -371600000, 0, DISCREPANCY),
        (5.0, float("nan"), 0, DISCREPANCY),
    ],
)
def test_classify(printed, recomputed, decimals, status):
    assert classify(printed, recomputed, decimals) == status


def test_check_difference_is_printed_minus_recomputed():
    check = Check("x", "test", "x", 25243, 25242, "NOK 1000", 0, "t", "1")
    assert check.difference == 1 and check.status == ROUNDING
    assert check.as_row()["status"] == ROUNDING


def test_fmt():
    assert fmt(0.24, 1, "percent") == f"0.2{NBSP}%"
    assert fmt(1.5, 1, "percentage points") == f"1.5{NBSP}percentage points"
    assert fmt(-0.04, 1) == "0.0"  # no negative zero
    assert fmt(15, sign=True) == "+15"
    assert fmt(1234) == f"1{NBSP}234"  # a ledger cell: the unit is in the caption, never in the cell
    assert fmt(None) == fmt(float("nan")) == fmt(pd.NA) == "\u2013"
    # Halves round away from zero, as the report rounds, read from the figure's decimal form: the
    # float 326.65 lies a hair below the half, and round() gives 326.6 (specialist read, balanse).
    assert fmt(326.65, 1) == "326.7"
    assert fmt(-2.5) == f"{MINUS}3"
    assert fmt(0.5) == "1"


@pytest.mark.parametrize(
    ("args", "text"),
    [
        # One form for money: currency, number, scale word; the sign before the currency.
        ((78.327, 1, "NOK million"), "NOK 78.3 million"),
        ((-3.2, 1, "NOK million"), f"{MINUS}NOK 3.2 million"),
        ((0.4, 1, "NOK million", True), "+NOK 0.4 million"),
        ((-3584884, 0, "NOK 1000"), f"{MINUS}NOK 3 584 884 thousand"),  # a printed figure quoted as printed
        ((15, 0, "NOK thousand"), "NOK 15 thousand"),
        ((1234, 0, "NOK"), "NOK 1 234"),
        ((650000, 0, "NOK per year"), "NOK 650 000 per year"),
        ((5, 0, "FTE"), "5 FTE"),
    ],
)
def test_money_has_one_form(args, text):
    assert fmt(*args).replace(NBSP, " ") == text
    assert f"NOK{NBSP}" in fmt(*args) or "NOK" not in text  # "NOK" never ends a line apart from its number


def test_fmt_million():
    assert fmt_million(75663) == f"NOK{NBSP}75.7{NBSP}million"
    assert fmt_million(-3249).replace(NBSP, " ") == f"{MINUS}NOK 3.2 million"
    assert fmt_million(412, sign=True).replace(NBSP, " ") == "+NOK 0.4 million"
    # NOK million carries one decimal at most; finer amounts are written in NOK thousand.
    assert fmt_difference(0.25, 1, "NOK million").replace(NBSP, " ") == "+NOK 250 thousand"
    assert fmt(603.023, 3, "NOK million").replace(NBSP, " ") == "NOK 603 023 thousand"
    assert fmt(-0.0005, 4, "NOK million").replace(NBSP, " ") == f"{MINUS}NOK 0.5 thousand"
    assert fmt_difference(0.2, 1, "NOK million").replace(NBSP, " ") == "+NOK 0.2 million"


def test_styled_escapes_labels_and_has_a_fixed_id():
    frame = pd.DataFrame({"label": ["<script>alert(1)</script> & <b>x</b>"], "value": [1234]})
    html = styled(frame, table_id="escape-test").to_html()
    assert "<script>" not in html and "<b>x</b>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert 'id="T_escape-test"' in html
    assert f"1{NBSP}234" in html


def test_check_ids_are_unique():
    assert run()["check_id"].is_unique


def test_a_check_tables_recomputed_figure_subtracts_to_the_difference_shown():
    """A check table's columns read as arithmetic (a designer's read: "25.3 | 25.2 | +0.06" subtracts to
    0.1): the recomputed figure has the difference's decimals, so 6.65 against a printed 6.6 reads "6.65"
    (not "6.7", which would contradict an exact check) and 25.2365 against 25.3 reads "25.24" beside
    "+0.06"; a difference of whole printed units keeps the printed decimals (12 against 10, "+2")."""
    import pandas as pd

    from aarsevaluering.tables import checks_table

    frame = pd.DataFrame(
        {"what": ["a", "b", "c"], "unit": ["NOK million"] * 3, "source_lines": ["1", "2", "3"],
         "printed": [6.6, 25.3, 12.0], "recomputed": [6.65, 25.2365, 10.0], "difference": [-0.05, 0.0635, 2.0],
         "decimals": [1, 1, 0], "status": ["exact", "exact", "discrepancy"]}
    )  # fmt: skip
    data = checks_table(frame, table_id="t").data
    shown = {column: [text.rstrip("\u2007\u2008") for text in data[column]] for column in data}
    assert shown["Recomputed"] == ["6.65", "25.24", "10"]
    assert shown["Difference"] == ["\u22120.05", "+0.06", "+2"]
    for printed, recomputed, difference in zip(frame["printed"], shown["Recomputed"], shown["Difference"], strict=True):
        assert round(printed - float(recomputed), 6) == float(difference.replace("\u2212", "-"))
    # the digits line up down a column: as much after the whole number in every text (decimals, or a
    # punctuation space and figure spaces as wide)
    assert len({len(text) - len(re.match(r"[\u2212+]?[\d\u00a0]+", text).group(0)) for text in data["Recomputed"]}) == 1


def test_a_unit_is_named_in_the_books_one_form_with_the_reports_words_kept():
    """``fmt.unit_name``: the descriptor's units as the book writes them; a unit followed by the report's own
    words (D09's 'NOK 1000 ("Beløp i 1000 – 2023-krone")') gets the book's form and keeps the words."""
    from aarsevaluering.fmt import unit_name

    assert unit_name("NOK 1000") == "NOK thousand"
    assert unit_name("percent") == "%"
    assert unit_name('NOK 1000 ("Beløp i 1000 – 2023-krone")') == 'NOK thousand ("Beløp i 1000 – 2023-krone")'
    assert unit_name("NOK 1000 (last row: percent)") == "NOK thousand (last row: percent)"
    assert unit_name("mixed (see unit column)") == "mixed (see unit column)"


def test_figures_of_one_column_line_up_whatever_their_decimals():
    """``fmt.fmt_aligned``/``pad_decimals``: 892 (printed whole) stands under 1 026.7 digit for digit,
    padded with a punctuation space and figure spaces; a missing value's dash is left alone."""
    from aarsevaluering.fmt import FIGURE_SPACE, PUNCTUATION_SPACE, fmt_aligned, pad_decimals

    assert fmt_aligned([(892, 0), (1026.7, 1), (float("nan"), 1)]) == [
        "892" + PUNCTUATION_SPACE + FIGURE_SPACE,
        "1\u00a0026.7",
        "\u2013",
    ]
    assert pad_decimals(["+1", "\u22120.05"]) == ["+1" + PUNCTUATION_SPACE + FIGURE_SPACE * 2, "\u22120.05"]
    assert pad_decimals(["1.5", "2.5"]) == ["1.5", "2.5"]


def test_rounding_gap_speaks_of_the_figures_as_printed():
    """Parts each rounded as fmt prints them (halves away from zero) against the total as printed: the gap
    where they part (96.651 − 106.815 prints 96.7 and −106.8, adding to −10.1 against −10.2), None where
    they agree, and a half rounded up as the page shows it (0.25 prints 0.3), not to even."""
    from aarsevaluering.fmt import rounding_gap

    assert rounding_gap([96.651, -106.815], 96.651 - 106.815) == (-10.1, -10.2)
    assert rounding_gap([1.01, 2.02], 3.03) is None
    assert rounding_gap([0.25, 0.25], 0.5) == (0.6, 0.5)
