"""The book's method in one picture, for Data and methods: the report's text becomes CSV files, the files'
figures are checked, each check ends in a class, the discrepancies come down to findings and each finding
gets a verdict. Every count on the picture is this build's, from the data package and the checks."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import NamedTuple

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
        Step("Class", f"{fmt(counts['discrepancy'])} discrepancies",
             "the rest exact, rounding, cut off or estimates"),
        Step("Finding", f"{fmt(counts['findings'])} findings", "one slip, with every check it breaks"),
        Step("Verdict", f"{fmt(counts['contradicted'])} contradictions",
             "errors and inconsistencies; the rest scope or unstated"),
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
    fig.text(0.01, 0.0, style.SOURCE + "; the counts are this build's.", ha="left", va="bottom",
             fontsize=style.SOURCE_PT, color=style.PALETTE["grey"])  # fmt: skip
    return fig
