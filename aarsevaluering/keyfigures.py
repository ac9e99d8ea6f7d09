"""The year in key figures: the front page's table and chart, computed from the printed tables by the
same identity functions the chapters use (so the front page can never show another figure than they do).

Each figure comes with the year before (2022, where the report prints it) and the target the report
sets for it (where it sets one), as numbers; the unit is said once, in the table's Unit column, as the
house style has it, so the cells hold only numbers and line up right-aligned. A target says which way it
points (a floor the figure should reach, a ceiling it should stay under), and each figure names the report's
tables it comes from. The front page also names the audit's largest findings (:func:`largest_findings`).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import pandas as pd

from . import checks
from . import findings as fnd
from .fmt import NBSP, fmt, pad_decimals
from .identities import balanse as bal
from .identities import driftsregnskap as dr
from .identities import investeringsregnskap as inv
from .identities import pensjon as pj
from .identities import personnel as pers

NA = float("nan")
THOUSAND = 1000.0
# Which way a target points, and the mark its cell carries: the financial rules' surplus target («målkravet»)
# and the fund's minimum («minstekravet») are floors; the sick-leave target («Måltall») is a ceiling.
AT_LEAST, AT_MOST = "at least", "at most"
DIRECTION_MARKS = {AT_LEAST: "\u2265", AT_MOST: "\u2264"}
# A row's basis, said in the table itself (not only in a note): printed as it stands, or which number the book
# made and how. The front page sets the book's numbers in italics as well.
PRINTED = "printed"


@dataclass(frozen=True)
class KeyFigure:
    """One row of the front page: a measure, its unit and decimals, and three values in that unit."""

    key: str
    measure: str
    unit: str
    decimals: int
    chapter: str
    value: float
    value_2022: float = NA
    target: float = NA
    target_note: str = ""
    direction: str = ""  # AT_LEAST (a floor) or AT_MOST (a ceiling) where there is a target
    tables: tuple[str, ...] = ()  # the data package's tables the figure comes from (the report's text too)
    basis: str = PRINTED  # which of the row's numbers are printed and which the book's (the table's Basis column)
    lines: str = ""  # the report's line(s) of a figure it gives only in a sentence ("text, line 3541")


def _million(thousands: float) -> float:
    return thousands / THOUSAND


def figures(get: checks.Getter = checks.from_disk) -> list[KeyFigure]:
    """The key figures in the order the front page lists them."""
    result = dr.result_vs_target(get)
    d09 = get(dr.D09)
    fund_open = checks.value(d09, "value_2023", label="Saldo disposisjonsfond per 1.1.")
    fund_close = checks.value(d09, "value_2023", label="Saldo disposisjonsfond per 31.12 *")
    requirement = checks.value(d09, "value_2023", row_kind="requirement")
    t2a = get(inv.T2A)
    staff = pers.row_of(get(pers.STAFF), label=pers.TOTAL)
    sick = pers.row_of(get(pers.SICK), label=pers.TOTAL)
    debt = bal.loan_fund_debt(get)
    return [
        KeyFigure("surplus", "Net operating surplus", "NOK million", 1, "driftsregnskap",
                  _million(result["net_operating_surplus"]),
                  _million(dr.net_operating_surplus(get, "actual_2022")),
                  _million(result["required_surplus"]),
                  f"{fmt(result['target_pct'], 2, '%')} of gross operating income", AT_LEAST, (dr.D08, dr.D09),
                  "target: the book's estimate"),
        KeyFigure("resultatgrad", "Surplus as a share of gross operating income", "%", 2,
                  "driftsregnskap", result["resultatgrad_pct"], NA, result["target_pct"], "", AT_LEAST,
                  (dr.D08, dr.D09),
                  "2023: the book's, on its estimate of income (the text prints the share to one decimal)"),
        KeyFigure("fund_close", "Discretionary fund at 31 December", "NOK million", 1, "driftsregnskap",
                  _million(fund_close), _million(fund_open), _million(requirement), "the reserve requirement",
                  AT_LEAST, (dr.D09,), "2022 column: the balance on 1 January 2023"),
        KeyFigure("investment", "Investment expenses", "NOK million", 1, "investeringsregnskap",
                  _million(inv.value(t2a, "actual_2023", label="Sum investeringsutgifter")),
                  _million(inv.value(t2a, "actual_2022", label="Sum investeringsutgifter")), tables=(inv.T2A,)),
        KeyFigure("debt", "Loan debt at 31 December, in whole millions as printed", "NOK million", 0, "balanse",
                  debt["prose_end"], debt["prose_start"], tables=(bal.PROSE,),
                  # the caveat in the row itself, not only in the closed notes (designer s12_1): a reader who
                  # copies the table sees that the report's B01 sums to other figures in both years (fact-check
                  # s12b: the 2023 gap is balanse's largest finding)
                  basis=f"the text's totals, whole millions; 2022: 2023 less the stated rise; B01's rows sum to "
                  f"{fmt(debt['b01_end'], 1)} and {fmt(debt['b01_start'], 1)} (ch. 3)",
                  lines=bal.prose_line(get, "loan_fund_debt_end_2023", "loan_fund_debt_increase_2023")),
        KeyFigure("pension_cost", "Pension cost, as the report states it", "NOK million", 1, "pensjon",
                  pj.prose(get, "actual_pension_cost"), tables=(pj.PROSE,),
                  lines=str(pj.prose_line(get, "actual_pension_cost"))),
        KeyFigure("fte", "Permanent staff", "FTE", 0, "personnel", staff["fte_2023"], staff["fte_2022"],
                  tables=(pers.STAFF,)),
        KeyFigure("sick_leave", "Sick leave", "%", 1, "personnel", sick["sick_leave_2023_pct"],
                  sick["sick_leave_2022_pct"], sick["target_2023_pct"], "", AT_MOST, (pers.SICK,),
                  "target read as a ceiling"),
    ]  # fmt: skip


def key_figures(get: checks.Getter = checks.from_disk) -> pd.DataFrame:
    """One row per key figure: ``key``, ``measure``, ``chapter``, ``unit``, the numbers (``value_2023``,
    ``value_2022``, ``target``: NaN where the report gives none) and the ``value`` as prose prints it,
    unit included (``NOK 78.3 million``), and ``cell_2023``, ``cell_2022``, ``cell_target``: the numbers as
    the front page's table shows them, without the unit (it has a column of its own, ``unit``), the target
    marked with its direction (≥ a floor, ≤ a ceiling); ``source``: the report's tables it comes from, as
    the report names them (``D08, D09``, ``statement 2A``, ``text, line 3541`` with the line of a figure
    given in a sentence; ``lines``: that line alone, ``3541``); ``basis``: ``printed``, or which number the book
    made and how, in a few words (``target estimated``)."""
    rows = []
    for f in figures(get):
        rows.append(
            {
                "key": f.key,
                "measure": f.measure,
                "chapter": f.chapter,
                "unit": f.unit,
                "decimals": f.decimals,
                "value_2023": f.value,
                "value_2022": f.value_2022,
                "target": f.target,
                "target_note": f.target_note,
                "direction": f.direction,
                "source": report_tables(f.tables) + (f", line {f.lines}" if f.lines else ""),
                "basis": f.basis,
                "lines": f.lines,
                "value": fmt(f.value, f.decimals, f.unit),
                "cell_2023": cell(f.value, f.decimals),
                "cell_2022": cell(f.value_2022, f.decimals),
                "cell_target": target_cell(f.target, f.decimals, f.direction),
            }
        )
    frame = pd.DataFrame(rows)
    # One column, the decimal points in line (the house rule; designer s11r4: "9 564" under "2 054.4" and
    # "0.86" read ragged): each figure padded to the column's most decimals with figure spaces.
    for column in ("cell_2023", "cell_2022", "cell_target"):
        frame[column] = pad_decimals(list(frame[column]))
    return frame


def cell(value: float, decimals: int) -> str:
    """A number of the front page's table: no unit (its column says it), an en dash where there is none."""
    return "\u2013" if value is None or math.isnan(value) else fmt(value, decimals)


def target_cell(value: float, decimals: int, direction: str) -> str:
    """A target as the table shows it: its direction's mark (≥ a floor, ≤ a ceiling), then the number."""
    shown = cell(value, decimals)
    mark = DIRECTION_MARKS.get(direction, "")
    return f"{mark}{NBSP}{shown}" if mark and shown != "\u2013" else shown


def report_tables(tables: tuple[str, ...]) -> str:
    """The report's tables a figure comes from, short, as the report names them: ``D08, D09``, ``statement
    2A``, ``text`` (a figure the report gives only in a sentence)."""
    from .style import public_source

    names = [public_source(t).removeprefix("table ").replace("the report's text", "text") for t in tables]
    return ", ".join(dict.fromkeys(names))


# ---------------------------------------------------------------------------------------------
# The audit's largest findings, named on the front page with a link to each one's row in the register.

REGISTER_PAGE = "../notebooks/audit.html"  # from the front page (book/intro.html)


def largest_findings(register: pd.DataFrame, letter: pd.DataFrame) -> pd.DataFrame:
    """The findings the front page names: the largest contradiction in NOK (an error or an inconsistency,
    :data:`findings.CONTRADICTED`) and the first correction of the management letter, which ranks by
    materiality before size (once, where they are the same finding). Columns: ``why`` (why it is named),
    then the register's columns for it."""
    named = []
    money = register[register["verdict"].isin(fnd.CONTRADICTED) & register["size_nok_million"].notna()]
    if len(money):
        row = money.loc[money["size_nok_million"].idxmax()]
        named.append(("Largest in NOK", row["finding_id"]))
    if len(letter) and letter["finding_id"].iloc[0] not in [i for _, i in named]:
        named.append(("First in the management letter", letter["finding_id"].iloc[0]))
    rows = register.set_index("finding_id")
    frame = pd.DataFrame([{"why": why, "finding_id": i, **rows.loc[i].to_dict()} for why, i in named])
    return frame


def _level_text(row: pd.Series) -> str:
    """The finding's materiality level, said as a sentence, and the qualitative factor that set it where one
    did: "Its size alone would make it material; the book weighs it down to below materiality because it is a
    typing error in one cell …" (designer s9 and s11: the two levels side by side read as a contradiction
    unless the sentence says that the factor lowers the level)."""
    level = fnd.shown_level(str(row["materiality"]))
    by_size = fnd.shown_level(str(row["materiality_by_size"]))
    factor = str(row["qualitative"]).split(":")[0].strip()
    if factor and by_size != level and not pd.isna(row["size_nok_million"]):
        return f"Its size alone would make it {by_size}; the book weighs it down to {level} because it is {factor}"
    if pd.isna(row["size_nok_million"]):  # a share or a count: weighed by what it is, not by its size
        reason = factor.removeprefix("not in NOK, but ")
        return f"It has no size in NOK to weigh; it is {level}, as {reason}" if factor else f"It is {level}"
    return f"It is {level}: {factor}" if factor else f"It is {level}"


def findings_html(named: pd.DataFrame, page: str = REGISTER_PAGE) -> str:
    """The front page's list of the largest findings: each one's title, linked to its row in the register,
    its verdict, size and materiality level."""
    items = []
    for _, found in named.iterrows():
        row = found.map(lambda v: v.replace("'", "\u2019") if isinstance(v, str) else v)  # as the page's prose
        link = f'<a href="{html.escape(page)}#finding-{html.escape(row["finding_id"])}">{html.escape(row["title"])}</a>'
        size = f" of {row['size_text']}" if row["size_text"] else ""
        what = html.escape(f"An {row['verdict']}{size}. {_level_text(row)}.")
        items.append(f"<li><strong>{html.escape(row['why'])}:</strong> {link}. {what}</li>")
    return f'<ul class="largest-findings">{"".join(items)}</ul>'


def surplus_bars(get: checks.Getter = checks.from_disk) -> pd.DataFrame:
    """The net operating surplus (NOK million) as the front page's chart shows it: the 2022 result,
    the 2023 original and revised budgets and the 2023 result, with the target (1.75 % of gross
    operating income) to set them against."""
    columns = {
        "actual_2022": "Result 2022",
        "original_budget_2023": "Original budget 2023",
        "revised_budget_2023": "Revised budget 2023",
        "actual_2023": "Result 2023",
    }
    result = dr.result_vs_target(get)
    frame = pd.DataFrame(
        {
            "bar": list(columns.values()),
            "nok_million": [_million(dr.net_operating_surplus(get, c)) for c in columns],
        }
    )
    frame.attrs["target"] = _million(result["required_surplus"])
    frame.attrs["target_pct"] = float(result["target_pct"])
    return frame


def surplus_title(get: checks.Getter = checks.from_disk) -> str:
    """The chart's point, in its title: how far 2023's net operating surplus ended from the target."""
    result = dr.result_vs_target(get)
    gap = _million(result["net_operating_surplus"] - result["required_surplus"])
    side = "short of" if gap < 0 else "above"
    # The target in NOK is the book's estimate (the report sets it as a share), and the title says so.
    return f"2023 ended {fmt(abs(gap), 1, 'NOK million')} {side} the estimated target"


def surplus_chart(get: checks.Getter = checks.from_disk):
    """The front page's chart of the year: the net operating surplus of 2022, the two 2023 budgets and
    the 2023 result, each labelled with its value, and under them the target in NOK as a bar of its own,
    hatched, the book's estimate (the house style's mark for it; the designer's read, s11r4: a dotted line
    alone read as a printed figure), with its row name saying so; a dotted line at the target runs up
    through the rows so the 2023 result's gap to it reads, in the unfavourable colour (or the favourable
    one, had it met the target). Every value label stands inside the frame, under the last gridline."""
    import matplotlib.ticker

    from . import style

    bars = surplus_bars(get)
    target = bars.attrs["target"]
    fig, ax = style.figure(height=3.2)
    colours = [style.EARLIER] * (len(bars) - 1) + [style.LEVEL]  # this year's result darker than the rest
    drawn = ax.barh(bars["bar"], bars["nok_million"], color=colours, height=0.6)
    last = len(bars) - 1
    # The target, the book's estimate: a hatched bar in its own row, named so (only the NOK amount is the
    # book's: the share is the rules', «målkravet», line 2053).
    target_row = f"Target 2023, the book's\nestimate of {fmt(bars.attrs['target_pct'], 2, '%')} of income"
    estimate = ax.barh([target_row], [target], height=0.6, **style.estimate_style())
    result = float(bars["nok_million"].iloc[-1])
    gap = result - target
    ax.plot([result, target], [last, last], color=style.UNFAVOURABLE if gap < 0 else style.FAVOURABLE,
            linewidth=2.5, solid_capstyle="butt")  # fmt: skip
    # A reference level, dotted (style.REFERENCE_LINE), from the target's bar up through the rows above it.
    ax.vlines(target, -0.5, last + 1, **style.REFERENCE_LINE)
    ax.axvline(0, color=style.TEXT, linewidth=0.8)
    ax.set_ylim(last + 1.5, -0.6)
    # Set before the labels (which widen the axis from these limits): the last gridline beyond every label
    # (designer s11r4: "466.6" stood past the 500 line).
    step = 100.0
    ax.xaxis.set_major_locator(matplotlib.ticker.MultipleLocator(step))
    ax.set_xlim(ax.get_xlim()[0], math.ceil(max(bars["nok_million"].max(), target) * 1.15 / step) * step)
    label = {"xytext": (4, 0), "textcoords": "offset points", "ha": "left", "va": "center",
             "fontsize": style.MIN_TEXT_PT, "color": style.TEXT}  # fmt: skip
    # The 2023 result's value stands inside its own bar, and the gap the title states past the target line,
    # where its row is empty: a value beside the target line read as the target's (designer s10).
    short = "short" if gap < 0 else "above"
    # in the text colour, bold: white on the level grey fell short of a readable contrast (designer s11)
    inside = {**label, "xytext": (-4, 0), "ha": "right", "fontweight": "bold"} if result > 0 else label
    ax.annotate(fmt(result, 1), (result, last), **inside)
    result_label = ax.annotate(f"{fmt(abs(gap), 1)} {short}", (max(result, target), last), **label)
    style.direct_labels(ax, drawn, labels=[fmt(v, 1) for v in bars["nok_million"].iloc[:-1]] + [""])
    style.direct_labels(ax, estimate, labels=[fmt(target, 1)], fontstyle="italic")
    style.keep_inside(ax, [result_label], horizontal=True)
    ax.set_xlabel("Net operating result, NOK million (+ = surplus, \u2212 = deficit)")
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)  # a tick mark beside a negative label ("−10.2") read as a second minus
    ax.set_title(surplus_title(get))
    return style.finish(
        fig,
        table="drift_year_end_dispositions and drift_disposition_fund",
    )
