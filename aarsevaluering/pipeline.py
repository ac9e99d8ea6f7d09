"""The book's method in one picture, for Data and methods: the report's text becomes CSV files, the files'
figures are checked, each check ends in a class, the discrepancies come down to findings and each finding
gets a verdict. Every count on the picture is this build's, from the data package and the checks."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import NamedTuple

from .checks import STATUSES
from .findings import VERDICTS
from .fmt import fmt


class Step(NamedTuple):
    """One box of the pipeline: its name, the count this build has at that step, and what the step does."""

    name: str
    count: str
    what: str


def steps(counts: Mapping[str, int], tables: int) -> list[Step]:
    """The six steps, with this build's counts: ``counts`` as :func:`aarsevaluering.findings.counts`
    gives them, ``tables`` the number of CSV files in the data package."""
    return [
        Step("Text", "1 report", "the published report as plain text"),
        Step("CSV", f"{fmt(tables)} files", "one per printed table, each row found in the text"),
        Step("Check", f"{fmt(counts['checks'])} checks", "a printed figure against it recomputed"),
        Step("Class", f"{fmt(len(STATUSES))} classes",
             f"{fmt(counts['discrepancy'])} of the checks are discrepancies"),
        Step("Finding", f"{fmt(counts['findings'])} findings", "one slip, with every check it breaks"),
        Step("Verdict", f"{fmt(len(VERDICTS))} verdicts",
             f"{fmt(counts['contradicted'])} where the report contradicts itself"),
    ]  # fmt: skip


TITLE = "From the report's text to a verdict on each finding"
BOX_WIDTH = 0.11  # of the figure's width: six boxes, with room between them for the arrows
WRAP = 14  # characters a line of a step's description holds at the chart's smallest text


def chart(counts: Mapping[str, int], tables: int):
    """The pipeline as six boxes in a row joined by arrows: each box names its step and this build's count
    there, the line under it says what the step does. One colour (the text's), so it needs no key."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    from . import style

    shown = steps(counts, tables)
    fig = plt.figure(figsize=(style.FIGURE_WIDTH, 2.75))
    fig.text(0.0, 0.99, TITLE, ha="left", va="top", fontsize=12, fontweight="bold", color=style.TEXT)
    ax = fig.add_axes((0, 0.07, 1, 0.81))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    pitch = 1 / len(shown)  # each step's share of the width: its box, and its words under the box
    top, bottom = 0.98, 0.76
    for i, step in enumerate(shown):
        middle = (i + 0.5) * pitch
        x = middle - BOX_WIDTH / 2
        ax.add_patch(FancyBboxPatch((x, bottom), BOX_WIDTH, top - bottom, boxstyle="round,pad=0,rounding_size=0.02",
                                    facecolor="white", edgecolor=style.LEVEL, linewidth=1.0))  # fmt: skip
        ax.text(middle, (top + bottom) / 2, step.name, ha="center", va="center", fontsize=style.MIN_TEXT_PT + 1,
                fontweight="bold", color=style.TEXT)  # fmt: skip
        ax.text(middle, bottom - 0.07, "\n".join(step.count.rsplit(" ", 1)), ha="center", va="top",
                fontsize=style.MIN_TEXT_PT, fontweight="bold", color=style.TEXT, linespacing=1.1)  # fmt: skip
        words = textwrap.wrap(step.what, WRAP, break_long_words=False)
        ax.text(middle, bottom - 0.34, "\n".join(words), ha="center", va="top",
                fontsize=style.MIN_TEXT_PT, color=style.TEXT, linespacing=1.15)  # fmt: skip
        if i:
            level = (top + bottom) / 2
            ax.annotate("", xy=(x - 0.008, level), xytext=(x - pitch + BOX_WIDTH + 0.008, level),
                        arrowprops={"arrowstyle": "-|>", "color": style.TEXT, "linewidth": 1.0,
                                    "shrinkA": 0, "shrinkB": 0})  # fmt: skip
    fig.text(0.01, 0.0, "Source: the book's counts for this build, from Drammen kommune, Årsevaluering 2023.",
             ha="left", va="bottom",
             fontsize=style.SOURCE_PT, color=style.PALETTE["grey"])  # fmt: skip
    return fig


# The worked example of Data and methods: one check followed from the report's lines to its finding's verdict.
EXAMPLE_FINDING = "drift-loan-fund-interest-budget"
EXAMPLE_CHECK = "drift_loan_fund_accounts.inntekter.sum.revised_budget_2023"


def worked_example(assigned, register, thresholds: Mapping[str, float], check_id: str = EXAMPLE_CHECK) -> dict:
    """One check at each step of the pipeline, as the page prints it: ``assigned`` the checks with their
    findings (:func:`aarsevaluering.findings.assign`), ``register`` the findings
    (:func:`aarsevaluering.findings.table`), ``thresholds`` the materiality thresholds in NOK million. Money
    in NOK million (the check's unit is NOK); the band in the check's own unit."""
    check = assigned.set_index("check_id").loc[check_id]
    finding = register.set_index("finding_id").loc[check["finding_id"]]
    scale = {"NOK": 1e6, "NOK 1000": 1e3}[check["unit"]]
    lines = str(finding["source_lines"]).split("; ")[0]
    # The finding's other checks by class: a slip can leave an estimate (never graded) beside discrepancies.
    others = assigned[(assigned["finding_id"] == check["finding_id"]) & (assigned["check_id"] != check_id)]
    by_class = others["status"].value_counts()
    plural = {"discrepancy": "discrepancies"}
    named = [
        f"{fmt(int(n))} {status if n == 1 else plural.get(status, status + 's')}" for status, n in by_class.items()
    ]
    others_classes = " and ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)
    rows = summed_rows(check_id, check["what"], scale)
    wrong = next(r for r in rows if r[1] == str(finding["line"]))  # the cell the finding names, by its line
    return {
        "rows": rows,
        "blanks": fmt(sum(r[3] == "blank" for r in rows)),
        "wrong_label": wrong[0],
        "wrong_line": wrong[1],
        "wrong_printed": wrong[2],
        "wrong_original": cell_as_printed(check_id, wrong[1], "original_budget_2023"),
        "what": check["what"],
        "lines": lines,
        "printed": fmt(check["printed"] / scale, 1, "NOK million"),
        "recomputed": fmt(check["recomputed"] / scale, 1, "NOK million"),
        "gap": fmt(abs(check["difference"]) / scale, 1, "NOK million"),
        "band": fmt(check["tolerance"], 1),
        "terms": fmt(int(check["terms"])),
        "band_unit": "the krone" if check["unit"] == "NOK" else "the thousand kroner",
        "status": check["status"],
        "outside": abs(check["difference"]) > check["tolerance"],
        "others": fmt(int(finding["checks"]) - 1),
        "others_classes": others_classes,
        "others_estimates": fmt(int(by_class.get("estimate", 0))),
        "checks": fmt(int(finding["checks"])),
        "side": "above" if finding["size_nok_million"] >= thresholds["overall"] else "below",
        "title": finding["title"],
        "finding_id": check["finding_id"],
        "verdict": finding["verdict"],
        "size": finding["size_text"],
        "overall": fmt(thresholds["overall"], 1, "NOK million"),
        "by_size": finding["materiality_by_size"],
        "level": finding["materiality"],
        "factor": str(finding["qualitative"]).split(":")[0].strip(),
    }


def _printed(value) -> str:
    """A cell as the report prints it: whole kroner (or thousands) grouped, a blank cell as the report's "-"."""
    import pandas as pd

    return "-" if pd.isna(value) else fmt(value, 0)


def summed_rows(check_id: str, what: str, scale: float) -> list[tuple[str, str, str, str]]:
    """The rows a sum check adds, then its total, as (label, line, the cell as printed, in NOK million or
    "blank"): the item rows between the sum row the check names ("Sum inntekter = ...") and the sum row
    before it, in the column the check's id ends with. ``check_id`` is ``<table>.<block>.sum.<column>``."""
    import pandas as pd

    from .data import load

    table, *_, column = check_id.split(".")
    frame = load(table).reset_index(drop=True)
    total = what.split(" = ")[0]
    end = frame.index[frame["label"] == total][0]
    start = max([i for i in frame.index[:end] if frame.loc[i, "row_kind"] != "item"], default=-1) + 1
    rows = frame.loc[start:end]
    return [
        (
            r["label"],
            str(r["source_line"]),
            _printed(r[column]),
            "blank" if pd.isna(r[column]) else fmt(r[column] / scale, 1, "NOK million"),
        )
        for _, r in rows.iterrows()
    ]


def cell_as_printed(check_id: str, line: str, column: str) -> str:
    """One cell of the check's table as the report prints it: the row on ``line``, in ``column``."""
    from .data import load

    frame = load(check_id.split(".")[0])
    row = frame[frame["source_line"].astype(str) == str(line)].iloc[0]
    return _printed(row[column])
