"""The book's figure style: one look, colour-blind-safe colours, and byte-stable SVG output.

Figures are stored in the notebooks as SVG so nbval compares them; a fixed hash salt and no
creation date in the metadata make the same figure give the same bytes on every run.
"""

from __future__ import annotations

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
SOURCE = "Source: Drammen kommune, Årsevaluering 2023"


def use_book_style() -> None:
    """Set the figure style and, inside IPython, SVG output without a date stamp."""
    mpl.rcParams.update(
        {
            "figure.figsize": (7.5, 4.2),
            "figure.dpi": 100,
            "axes.prop_cycle": mpl.cycler(color=list(PALETTE.values())),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titleweight": "bold",
            "axes.titlesize": 12,
            "axes.titlelocation": "left",
            "axes.grid": True,
            "grid.color": "#dddddd",
            "grid.linewidth": 0.6,
            "font.size": 10,
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


def finish(fig, table: str = "", note: str = ""):
    """Lay out the figure, add its source note and return it."""
    fig.tight_layout()
    source_note(fig, table, note)
    return fig


def close_all() -> None:
    plt.close("all")
