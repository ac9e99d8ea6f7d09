"""The book's figure style: one look, colour-blind-safe colours, and byte-stable SVG output.

Figures are drawn at the width the book gives them, so nothing is shrunk: a cell's output in the
built book is 672 px wide at 1280 px, and an SVG is shown at 96 px per inch of its figure size
(matplotlib writes SVG sizes in points, 72 per inch, whatever the dpi), so ``FIGURE_WIDTH`` of 6.8 in
is 653 px, with room for the few pixels ``bbox_inches="tight"`` adds. Ten-point text comes out at
13 px on the page; the smallest text (source note, 8 pt) at 10.7 px. ``tests/test_layout.py`` fails
when a figure is shown at less than 95 % of its drawn width.

Figures are stored in the notebooks as SVG so nbval compares them; a fixed hash salt and no
creation date in the metadata make the same figure give the same bytes on every run.
"""

from __future__ import annotations

import textwrap
import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt

# Okabe & Ito's palette, readable with the common forms of colour blindness.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "grey": "#777777",
}
POSITIVE, NEGATIVE, NEUTRAL = PALETTE["blue"], PALETTE["vermillion"], PALETTE["grey"]
# Colour by meaning, the same on every page: what helps the municipality's finances (a surplus, an
# underspend, income above budget), what hurts them, and plain levels. The book's own estimates are
# drawn in the same colour with a hatch and no fill, so they never look like printed figures.
FAVOURABLE, UNFAVOURABLE, LEVEL = PALETTE["blue"], PALETTE["vermillion"], "#8c8c8c"
ESTIMATE_HATCH = "////"


def estimate_style(colour: str = LEVEL) -> dict:
    """Keyword arguments for a bar (``ax.bar``/``ax.barh``) that shows the book's own estimate."""
    return {"facecolor": "white", "edgecolor": colour, "hatch": ESTIMATE_HATCH, "linewidth": 1.0}
SOURCE = "Source: Drammen kommune, Årsevaluering 2023"
FIGURE_WIDTH = 6.8  # inches: 653 px in the book's 672 px output column (see above)
FIGURE_HEIGHT = 3.8


def use_book_style() -> None:
    """Set the figure style and, inside IPython, SVG output without a date stamp."""
    mpl.rcParams.update(
        {
            "figure.figsize": (FIGURE_WIDTH, FIGURE_HEIGHT),
            "figure.dpi": 100,
            "axes.prop_cycle": mpl.cycler(color=list(PALETTE.values())),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titleweight": "bold",
            "axes.titlesize": 12,
            "axes.titlelocation": "left",
            "axes.grid": True,
            "axes.axisbelow": True,  # grid lines behind bars and points, never across them
            "grid.color": "#dddddd",
            "grid.linewidth": 0.6,
            "font.size": 10,
            "legend.frameon": False,
            "savefig.bbox": "tight",
            "svg.hashsalt": "aarsevaluering-2023",
            "svg.fonttype": "none",
        }
    )
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: nothing to configure
        return
    shell = get_ipython()
    if shell is None:
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("svg", metadata={"Date": None})


def source_note(fig, table: str = "", note: str = "") -> None:
    """Write the source (and the table it comes from) under the figure."""
    text = SOURCE + (f", {table}" if table else "") + (f". {note}" if note else ".")
    fig.text(0.01, 0.0, text, ha="left", va="top", fontsize=8, color=PALETTE["grey"])


def figure(rows: int = 1, cols: int = 1, height: float = FIGURE_HEIGHT, **kwargs):
    """``plt.subplots`` at the column's width (``FIGURE_WIDTH``) and the given height in inches."""
    return plt.subplots(rows, cols, figsize=(FIGURE_WIDTH, height), **kwargs)


def legend_above(ax, ncol: int | None = None, **kwargs):
    """The legend in one row above the plotting area, left-aligned with the title, where it cannot be
    mistaken for data (inside the axes it can cover bars or read as a label of the nearest line)."""
    handles, labels = ax.get_legend_handles_labels()
    return ax.legend(
        handles,
        labels,
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncol=ncol or max(len(labels), 1),
        frameon=False,
        borderaxespad=0.2,
        handlelength=1.2,
        columnspacing=1.2,
        **kwargs,
    )


def _wrap_to_fit(text_artist, right_px: float, renderer) -> bool:
    """Wrap a title or note at word boundaries so that it ends before ``right_px`` (the figure's
    right edge, in display pixels); True when it changed."""
    text = text_artist.get_text()
    box = text_artist.get_window_extent(renderer)
    if not text.strip() or box.x1 <= right_px + 1 or box.width <= 0:
        return False
    room = max(right_px - box.x0, 0.3 * right_px)
    longest = max(len(line) for line in text.splitlines())
    per_line = max(12, min(longest - 1, int(longest * room / box.width)))
    wrapped = "\n".join(textwrap.wrap(" ".join(text.split()), per_line))
    text_artist.set_text(wrapped)
    return wrapped != text


def finish(fig, table: str = "", note: str = ""):
    """Lay out the figure, add its source note and return it, drawn at the column's width.

    The SVG is saved with a tight bounding box, so a title running past the figure's edge (a
    left-aligned title starts where the axes start, after long tick labels) or labels sticking out
    past it would make it wider than ``FIGURE_WIDTH``, and the page would shrink it, text and all.
    Here titles and notes are wrapped to end inside the figure, then the figure is narrowed by what
    still sticks out, and laid out again, until its tight box fits the column."""
    source_note(fig, table, note)
    renderer = fig.canvas.get_renderer()
    # The titles ax.set_title writes (left-aligned in the book's style) and the figure's own texts.
    texts = [t for ax in fig.axes for t in (ax.title, ax._left_title, ax._right_title)] + list(fig.texts)
    width, height = fig.get_size_inches()
    fig.set_size_inches(min(width, FIGURE_WIDTH), height)
    for _ in range(8):
        # While a title still runs past the edge, tight_layout warns that it cannot fit; the title is
        # wrapped next, so the warnings of these passes are not the figure's. The last layout may warn.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            fig.tight_layout()
        if any([_wrap_to_fit(t, fig.bbox.x1, renderer) for t in texts]):
            continue  # lay out again with the wrapped texts before measuring
        box = fig.get_tightbbox(renderer)  # inches, the figure spanning 0 to its width
        width = fig.get_size_inches()[0]
        overhang = max(0.0, -box.x0) + max(0.0, box.x1 - width)
        if overhang < 0.02 or width <= FIGURE_WIDTH / 2:
            break
        # What still sticks out is not text that wraps (tick labels, value labels): narrow the figure.
        fig.set_size_inches(max(width - overhang, FIGURE_WIDTH / 2), height)
    fig.tight_layout()
    return fig


def close_all() -> None:
    plt.close("all")
