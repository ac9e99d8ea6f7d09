"""The book's figure style: one look, colour-blind-safe colours, and byte-stable SVG output.

Figures are drawn at the width the book gives them, so nothing is shrunk: a cell's output in the
built book is 672 px wide at 1280 px, and an SVG is shown at 96 px per inch of its figure size
(matplotlib writes SVG sizes in points, 72 per inch, whatever the dpi), so ``FIGURE_WIDTH`` of 6.8 in
is 653 px, with room for the few pixels ``bbox_inches="tight"`` adds. A point is 4/3 px on the page, so
ten-point text comes out at 13.3 px; no chart text is smaller than ``MIN_TEXT_PT`` (10 pt), and the
source note (``SOURCE_PT``, 9 pt) comes out at 12 px, above the 11 px ``tests/test_style.py`` holds every
chart text to. ``tests/test_layout.py`` fails when a figure is shown at less than 95 % of its drawn width.

The house style, in one place (Data and methods, "House style", says it in words):

- colour by meaning: ``FAVOURABLE`` (blue) for what helps the municipality's finances, ``UNFAVOURABLE``
  (vermilion) for what hurts them, ``LEVEL`` (grey) for plain levels and ``EARLIER`` (light grey) for
  the earlier year or the budget beside them; the book's own estimates hatched and unfilled
  (``estimate_style``), never looking like printed figures;
- every chart with more than one colour has a key (``legend_above``) or, better, direct labels
  (``direct_labels`` for bars, ``label_line_ends`` for lines, ``waterfall`` labels its own steps);
- bridges are drawn by ``waterfall``, with connector lines;
- one source line per figure (``finish``), naming the report's tables, never the book's internal ids.

Figures are stored in the notebooks as SVG so nbval compares them; a fixed hash salt and no
creation date in the metadata make the same figure give the same bytes on every run.
"""

from __future__ import annotations

import re
import textwrap
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import matplotlib as mpl
import matplotlib.pyplot as plt
import matplotlib.ticker  # noqa: F401  (mpl.ticker: the tick formatters)

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
# The earlier of two levels side by side (2022 beside 2023, the budget beside the actual): a lighter grey,
# so the pair reads as one measure at two times, not as two unrelated series (two near-identical blues).
EARLIER = "#c4c4c4"
ESTIMATE_HATCH = "////"
MIN_TEXT_PT = 10  # the smallest chart text: 13.3 px on the page
SOURCE_PT = 9  # the source note: 12 px on the page (the tests' floor is 11 px, 8.25 pt)
TEXT = "#333333"  # labels written on the chart (value labels, direct labels)
LABEL_BOX = {"facecolor": "white", "edgecolor": "none", "pad": 0.6}
# A reference level (a target, a yardstick, a threshold): one dotted line on every chart, as the key on
# Data and methods draws it (designer s11r4: dashed on some charts, dotted on others). ``ax.axvline(x,
# **REFERENCE_LINE)``; name the level on the chart where it stands.
REFERENCE_LINE = {"color": TEXT, "linewidth": 1.2, "linestyle": (0, (1, 2)), "zorder": 0}


def estimate_style(colour: str = LEVEL) -> dict:
    """Keyword arguments for a bar (``ax.bar``/``ax.barh``) that shows the book's own estimate."""
    return {"facecolor": "white", "edgecolor": colour, "hatch": ESTIMATE_HATCH, "linewidth": 1.0}


SOURCE = "Source: Drammen kommune, Årsevaluering 2023"


def swatches_html() -> str:
    """The book's colours and marks by meaning, as an HTML list of swatches (shown on Data and methods and
    Contributing; drawn from the constants above, so a page cannot drift from them). Every swatch is as wide
    as the others, so the meanings start in one column; a colour's hex code follows its meaning, in plain
    text (designer s11: the codes as code chips added a colour of their own, and ragged starts)."""
    chip = (
        '<span style="display:inline-block;width:2.2em;height:1.1em;vertical-align:middle;'
        'margin-right:0.6em;box-sizing:border-box;{}"></span>'
    )
    swatches = [
        (FAVOURABLE, "helps the finances: a surplus, an underspend"),
        (UNFAVOURABLE, "hurts them: a deficit, an overspend"),
        (LEVEL, "a plain level"),
        (EARLIER, "the earlier year or the budget beside it"),
    ]
    items = [f"<li>{chip.format(f'background:{c}')}{what} ({c.upper()})</li>" for c, what in swatches]
    hatch = f"background:repeating-linear-gradient(45deg,{LEVEL} 0 1px,#fff 1px 5px);border:1px solid {LEVEL}"
    items.append(f"<li>{chip.format(hatch)}hatched, unfilled: the book's own estimate</li>")
    dotted = f"height:0;border-top:2px dotted {TEXT};margin-bottom:0.25em"  # a reference line, as Fig. F.1's target
    items.append(f"<li>{chip.format(dotted)}a dotted line: a reference level, named on the chart where it stands</li>")
    verdicts = (  # as findings.css and the audit's register mark a finding's verdict, drawn wider to be told apart
        (
            f"border-left:6px solid {UNFAVOURABLE}",
            "a bar on a finding's left edge (box or register row): error, inconsistency",
        ),
        (f"border-left:6px solid {LEVEL}", "the same bar in grey: scope or unstated"),
        (  # dashes drawn as a gradient: a dashed border this short renders as a solid bar (designer s11r4)
            f"background:repeating-linear-gradient({LEVEL} 0 4px,transparent 4px 8px) left/6px 100% no-repeat;"
            "height:1.5em",
            "dashed grey: a box that holds one of the book's own estimates",
        ),
    )
    items += [f"<li>{chip.format(edge)}{what}</li>" for edge, what in verdicts]
    return f'<ul class="swatches" style="list-style:none;padding-left:0">{"".join(items)}</ul>'


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
            "font.size": MIN_TEXT_PT,
            "xtick.labelsize": MIN_TEXT_PT,
            "ytick.labelsize": MIN_TEXT_PT,
            "legend.fontsize": MIN_TEXT_PT,
            "axes.labelsize": MIN_TEXT_PT,
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


def _source_names() -> dict[str, str]:
    """Each table's internal id (its name in ``data/datapackage.json``) -> how the book names it to a
    reader: the report's statements 2A and 2B by name, a printed table by its code (``table D08``), the
    figures quoted in the report's text as such."""
    from .data import package  # here, not at the top: the style module is imported before any data

    names = {}
    for item in package().values():
        code = str(item.spec.get("source_table", ""))
        if item.name.startswith("inv_2a"):
            names[item.name] = "statement 2A"
        elif item.name.startswith("inv_2b"):
            part = re.match(r"(?:.*– )?(\d)\. ", str(item.spec.get("title", "")))
            names[item.name] = f"statement 2B (part {part.group(1)})" if part else "statement 2B"
        elif code == "prose":
            names[item.name] = "the report's text"
        else:
            names[item.name] = ("tables " if re.search(r"[–,-]", code) else "table ") + code
    return names


def public_source(table: str) -> str:
    """``table`` as a reader should see it in a source line: internal ids named as the report names the
    tables. ``"table D08 (drift_year_end_dispositions)"`` -> ``"table D08"``, ``"inv_dk_blocks"`` ->
    ``"tables I02a–I02d"``, ``"pension_prose_figures and pension_central_items"`` -> ``"the report's
    text and table D04"``."""
    names = _source_names()
    ids = sorted(names, key=len, reverse=True)
    pattern = "|".join(map(re.escape, ids))
    text = re.sub(rf"\s*\((?:{pattern})\)", "", table)  # an id in brackets only repeats a name given before it
    text = re.sub(rf"\b(?:{pattern})\b", lambda m: names[m.group(0)], text)
    parts = re.split(r"(,\s*|\s+and\s+)", text)  # drop a name given twice ("table D04 and table D04")
    seen, kept = set(), []
    for part in parts:
        if re.fullmatch(r",\s*|\s+and\s+", part) or part not in seen:
            kept.append(part)
            seen.add(part)
    return re.sub(r"(,\s*|\s+and\s+)+$", "", "".join(kept)).strip()


def source_note(fig, table: str = "", note: str = "") -> None:
    """Write the one source line under the figure: the report and the tables (as ``public_source``
    names them), then ``note``. The caption does not repeat it."""
    table = public_source(table) if table else ""
    text = SOURCE + (f", {table}" if table else "") + (f". {note}" if note else ".")
    fig.text(0.01, 0.0, text, ha="left", va="top", fontsize=SOURCE_PT, color=PALETTE["grey"])


def figure(rows: int = 1, cols: int = 1, height: float = FIGURE_HEIGHT, **kwargs):
    """``plt.subplots`` at the column's width (``FIGURE_WIDTH``) and the given height in inches."""
    return plt.subplots(rows, cols, figsize=(FIGURE_WIDTH, height), **kwargs)


LEGEND_TITLE_GAP_PT = 6  # between the key above the axes and the title over it


def legend_above(ax, ncol: int | None = None, **kwargs):
    """The legend in one row above the plotting area, left-aligned with the title, where it cannot be
    mistaken for data (inside the axes it can cover bars or read as a label of the nearest line)."""
    handles, labels = ax.get_legend_handles_labels()
    legend = ax.legend(
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
    # The title goes above the key, by the key's own height: a fixed pad left two-line keys printed over
    # the title (designer's read). Matplotlib's title pad is the offset set_title(pad=) sets; calling
    # set_title again would reset the title's font, so the offset is set directly.
    legend._book_above = True  # moved with the title to the figure's edge (finish)
    height_pt = legend.get_window_extent(ax.figure.canvas.get_renderer()).height * 72 / ax.figure.dpi
    ax._set_title_offset_trans(height_pt + LEGEND_TITLE_GAP_PT)
    return legend


def key_above(ax, entries, hatched: str = "", **kwargs):
    """A key above the chart naming what its colours and hatching mean, where the bars themselves carry
    no label (a waterfall's steps), then :func:`legend_above` (``kwargs`` go to it).

    ``entries`` is either a list of ``(label, bar style)`` pairs, each drawn as a bar of no size at the
    origin so that the key lists it with its look, or a dict mapping a colour (``FAVOURABLE`` ...) to what
    it means: the first bar of each colour on the chart (its fill, or its outline when it is an unfilled
    estimate) carries the name, in the bars' order, and a colour no bar uses is left out. ``hatched``, when
    given, says what the hatching means, as the key's title, left-aligned over the first entry. In the list,
    a style given as ``"hatched"`` draws the swatch in the colour of the chart's first hatched bar, so a key's
    hatched swatch has the hatched bar's colour (designer s11r4: a black or grey swatch under a vermilion- or
    blue-hatched bar)."""
    from matplotlib.colors import to_hex
    from matplotlib.patches import Rectangle

    if isinstance(entries, dict):
        wanted = {to_hex(colour): name for colour, name in entries.items()}
        named = set()
        for patch in ax.patches:
            fill = to_hex(patch.get_facecolor())
            name = wanted.get(to_hex(patch.get_edgecolor()) if fill == "#ffffff" else fill)
            if name and name not in named:
                patch.set_label(name)
                named.add(name)
    else:
        for label, bar_style in entries:
            if bar_style == "hatched":
                bar = next((p for p in ax.patches if p.get_hatch()), None)
                bar_style = estimate_style(to_hex(bar.get_edgecolor()) if bar is not None else LEVEL)
            ax.add_patch(Rectangle((0, 0), 0, 0, label=label, **bar_style))
    if hatched:
        kwargs.setdefault("title", f"Hatched: {hatched}")
    legend = legend_above(ax, **kwargs)
    if hatched:
        legend._legend_box.align = "left"  # a title over the first entry, not centred
    return legend


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
    for ax in fig.axes:
        _group_thousands(ax)
    _typographic_apostrophes(fig)
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
        _title_at_figure_edge(fig, renderer)
        if any([_wrap_to_fit(t, fig.bbox.x1, renderer) for t in texts]):
            continue  # lay out again with the wrapped texts before measuring
        _refit_labels(fig)  # value labels back inside their plotting area after the layout moved it
        box = fig.get_tightbbox(renderer)  # inches, the figure spanning 0 to its width
        width = fig.get_size_inches()[0]
        overhang = max(0.0, -box.x0) + max(0.0, box.x1 - width)
        if overhang < 0.02 or width <= FIGURE_WIDTH / 2:
            break
        # What still sticks out is not text that wraps (tick labels, value labels): narrow the figure.
        fig.set_size_inches(max(width - overhang, FIGURE_WIDTH / 2), height)
    fig.tight_layout()
    _refit_labels(fig)
    _title_at_figure_edge(fig, renderer)
    return fig


# An apostrophe between letters (the book's label) or after a plural's s (areas'), as the prose sets it.
_APOSTROPHE = re.compile(
    r"(?<=[A-Za-z\u00c0-\u024f])'(?=[A-Za-z\u00c0-\u024f])|(?<=[0-9])'(?=s\b)|(?<=s)'(?=[\s,.;:)]|$)"
)


def _typographic_apostrophes(fig) -> None:
    """Every text of the figure (titles, labels, keys, notes, tick labels) with typographic apostrophes,
    as in the prose beside it (designer's read, s11: "report's" in a title read as another hand)."""
    from matplotlib.text import Text

    for ax in fig.axes:  # tick labels are drawn afresh from their formatter: named ones are set again
        for axis in (ax.xaxis, ax.yaxis):
            labels = [label.get_text() for label in axis.get_ticklabels()]
            if any("'" in label for label in labels):
                axis.set_ticks(axis.get_ticklocs(), labels=[_APOSTROPHE.sub("\u2019", label) for label in labels])
    for text in fig.findobj(Text):
        content = text.get_text()
        if "'" in content:
            text.set_text(_APOSTROPHE.sub("\u2019", content))


def _group_thousands(ax) -> None:
    """Tick labels of a value axis in the book's number form, thousands grouped ("1 000", not "1000"),
    as in the tables and the prose. Axes with their own formatter (categories, percentages) keep it."""
    for axis in (ax.xaxis, ax.yaxis):
        if type(axis.get_major_formatter()) is not mpl.ticker.ScalarFormatter or axis.get_scale() != "linear":
            continue
        ticks = [t for t in axis.get_majorticklocs() if t == t]
        if not ticks or max(abs(t) for t in ticks) < 1000:
            continue
        if all(1900 <= t <= 2100 for t in ticks):  # an axis of years: "2023", not "2 023"
            continue
        decimals = 0 if all(float(t).is_integer() for t in ticks) else 1
        axis.set_major_formatter(mpl.ticker.FuncFormatter(lambda value, _, d=decimals: _number_text(value, d)))


def _number_text(value: float, decimals: int) -> str:
    from .fmt import fmt

    return fmt(value, decimals)


def _title_at_figure_edge(fig, renderer) -> None:
    """A one-chart figure's title (and the key above its plot) starts at the figure's left edge, not the
    plot's: behind long row labels a title aligned to the plot was squeezed into the right half and
    wrapped (designer's read). Figures of several panels keep a title over each panel."""
    titled = [ax for ax in fig.axes if ax._left_title.get_text()]
    if len(titled) != 1 or len([ax for ax in fig.axes if ax.get_visible()]) != 1:
        return
    ax = titled[0]
    labels = ax.yaxis.get_tightbbox(renderer)
    edge = min(ax.bbox.x0, labels.x0) if labels is not None else ax.bbox.x0
    x = (edge - ax.bbox.x0) / ax.bbox.width
    ax._left_title.set_x(x)
    legend = ax.get_legend()
    if legend is not None and getattr(legend, "_book_above", False):
        legend.set_bbox_to_anchor((x, 1.0), transform=ax.transAxes)


def _number(value: float) -> str:
    from .fmt import fmt

    return fmt(value, 1)


def direct_labels(
    ax,
    bars,
    labels: Sequence[str] | None = None,
    formatter: Callable[[float], str] = _number,
    inside: bool = False,
    colour: str = TEXT,
    **kwargs,
):
    """Label each bar of ``bars`` (what ``ax.bar``/``ax.barh`` return) with its value, at the bar's end
    (or ``inside`` it, in white), so the reader needs neither gridlines nor a key to read it.
    ``labels`` overrides the texts; ``formatter`` turns a value into one (one decimal by default).
    Room is made at the ends of the value axis so no label runs off the chart."""
    if labels is None:
        labels = [formatter(patch.get_width() if _horizontal(bars) else patch.get_height()) for patch in bars]
    texts = ax.bar_label(
        bars,
        labels=list(labels),
        label_type="center" if inside else "edge",
        padding=0 if inside else 3,
        fontsize=MIN_TEXT_PT,
        # A label on a reference line (a target, a zero line) stays readable: the line stops at it.
        bbox=None if inside else LABEL_BOX,
        color="white" if inside else colour,
        **kwargs,
    )
    if not inside:
        keep_inside(ax, texts, horizontal=_horizontal(bars))
    return texts


def _horizontal(bars) -> bool:
    return getattr(bars, "orientation", "vertical") == "horizontal"


def keep_inside(ax, texts: Sequence, horizontal: bool) -> None:
    """Keep ``texts`` (labels at an offset from a point in data) inside the plotting area: make room for
    them now, and again in :func:`finish` once the figure's layout is final (a narrower plotting area
    moves text placed at an offset in points). Room is always made from the limits the axes had before
    the first labels, for all the axes' labels at once (widening one end moves the labels at the
    other), so laying out again never widens the axis more than the labels need."""
    if not hasattr(ax, "_book_labels"):
        ax._book_labels = {True: [], False: []}
        ax._book_limits = {True: ax.get_xlim(), False: ax.get_ylim()}
    ax._book_labels[horizontal].extend(texts)
    _make_room(ax, ax._book_labels[horizontal], horizontal)


def _refit_labels(fig) -> None:
    for ax in fig.axes:
        for horizontal, texts in getattr(ax, "_book_labels", {}).items():
            if texts:
                (ax.set_xlim if horizontal else ax.set_ylim)(*ax._book_limits[horizontal])
                _make_room(ax, texts, horizontal)


def _make_room(ax, texts: Sequence, horizontal: bool, pad_px: float = 4) -> None:
    """Widen the value axis until every text of ``texts`` (labels placed at bar ends) lies inside the
    plotting area, so none runs off the chart or into the tick labels. Text sits at a fixed offset in
    points from a point in data, so a change of limits moves it: measured and widened a few times."""
    renderer = ax.figure.canvas.get_renderer()
    for _ in range(6):
        box = ax.get_window_extent(renderer)
        lows, highs = [], []
        for text in texts:
            extent = text.get_window_extent(renderer)
            lows.append(extent.x0 if horizontal else extent.y0)
            highs.append(extent.x1 if horizontal else extent.y1)
        if not lows:
            return
        start, end = (box.x0, box.x1) if horizontal else (box.y0, box.y1)
        short_low, short_high = max(0.0, start + pad_px - min(lows)), max(0.0, max(highs) + pad_px - end)
        if short_low < 0.5 and short_high < 0.5:
            return
        low, high = ax.get_xlim() if horizontal else ax.get_ylim()
        per_px = (high - low) / (end - start)
        # Widening by the shortfall also shrinks every pixel's worth of data: add a little more than asked.
        new = (low - 1.2 * short_low * per_px, high + 1.2 * short_high * per_px)
        (ax.set_xlim if horizontal else ax.set_ylim)(*new)


def label_line_ends(ax, lines: Iterable | None = None, offset_pt: float = 4) -> list:
    """Write each line's label just right of its last point, in the line's colour: a key where the
    reader looks, instead of a legend to match colours against."""
    out = []
    for line in lines if lines is not None else ax.get_lines():
        label = line.get_label()
        if not label or label.startswith("_"):
            continue
        x, y = line.get_xdata()[-1], line.get_ydata()[-1]
        out.append(
            ax.annotate(
                label,
                (x, y),
                xytext=(offset_pt, 0),
                textcoords="offset points",
                va="center",
                ha="left",
                color=line.get_color(),
                fontsize=MIN_TEXT_PT,
                annotation_clip=False,
            )
        )
    return out


@dataclass(frozen=True)
class Step:
    """One bar of a bridge: a ``change`` from the running level, or a ``total`` (a level drawn from zero;
    its ``value`` may be ``None`` for the running level). ``estimate`` marks the book's own figure."""

    label: str
    value: float | None
    total: bool = False
    estimate: bool = False


def _as_step(step) -> Step:
    if isinstance(step, Step):
        return step
    label, value, *kind = step
    kinds = set(kind[0].split()) if kind and isinstance(kind[0], str) else set()
    return Step(label, value, total="total" in kinds, estimate="estimate" in kinds)


def waterfall(
    ax,
    steps: Iterable,
    *,
    up_is_favourable: bool = True,
    neutral: bool = False,
    orientation: str = "horizontal",
    formatter: Callable[[float], str] = _number,
    bar_size: float = 0.6,
):
    """A bridge from one level to another, drawn on ``ax``: each step a bar from the running level,
    coloured by meaning (``FAVOURABLE``/``UNFAVOURABLE``; ``up_is_favourable=False`` when an increase
    hurts, as a cost does), totals in ``LEVEL`` grey from zero, the book's estimates hatched; a thin
    connector line from the end of each bar to the start of the next, and each bar labelled with its
    value (a step signed, a total plain), so no key is needed. ``neutral=True`` draws every step in the
    level grey too, for a bridge that is neither good nor bad for the finances (staff flows, say).

    ``steps`` are :class:`Step` or tuples ``(label, value)`` for a change and ``(label, value, "total")``
    for a level (``value`` None: the running level); add ``"estimate"`` to the kind for the book's own
    figure (``"total estimate"``). Bars run top to bottom (``orientation="horizontal"``, room for long
    labels) or left to right (``"vertical"``). Returns the levels after each step."""
    steps = [_as_step(s) for s in steps]
    horizontal = orientation == "horizontal"
    level, levels, starts = 0.0, [], []
    for step in steps:
        if step.total:
            start, level = 0.0, level if step.value is None else float(step.value)
        else:
            start, level = level, level + float(step.value)
        starts.append(start)
        levels.append(level)
    positions, labels = list(range(len(steps))), []
    for pos, step, start, end in zip(positions, steps, starts, levels, strict=True):
        if step.total or neutral:
            colour = LEVEL
        else:
            colour = FAVOURABLE if (end >= start) == up_is_favourable else UNFAVOURABLE
        style = estimate_style(colour) if step.estimate else {"color": colour}
        low, size = min(start, end), abs(end - start)
        if horizontal:
            ax.barh(pos, size, left=low, height=bar_size, **style)
        else:
            ax.bar(pos, size, bottom=low, width=bar_size, **style)
        text = formatter(end) if step.total else _signed(formatter, end - start)
        # Every label just past the bar's far end (right, or above), whichever way the step goes: a
        # decrease's label on its left would run into the tick labels when the level is near zero.
        anchor = max(start, end, 0.0) if horizontal else max(start, end)
        if horizontal:
            labels.append(ax.annotate(text, (anchor, pos), xytext=(4, 0), textcoords="offset points",
                                      ha="left", va="center", fontsize=MIN_TEXT_PT, color=TEXT))  # fmt: skip
        else:
            labels.append(ax.annotate(text, (pos, anchor), xytext=(0, 3), textcoords="offset points",
                                      ha="center", va="bottom", fontsize=MIN_TEXT_PT, color=TEXT))  # fmt: skip
    half = bar_size / 2
    for pos, end in zip(positions[:-1], levels[:-1], strict=True):
        span = (pos + half, pos + 1 - half)
        if horizontal:
            ax.plot([end, end], span, color=LEVEL, linewidth=0.8, linestyle=(0, (2, 1.5)))
        else:
            ax.plot(span, [end, end], color=LEVEL, linewidth=0.8, linestyle=(0, (2, 1.5)))
    names = [s.label for s in steps]
    if horizontal:
        ax.set_yticks(positions, names)
        ax.set_ylim(len(steps) - 0.5, -0.5)  # first step at the top
        ax.axvline(0, color=TEXT, linewidth=0.8)
        ax.grid(axis="y", visible=False)
    else:
        ax.set_xticks(positions, names)
        ax.axhline(0, color=TEXT, linewidth=0.8)
        ax.grid(axis="x", visible=False)
    keep_inside(ax, labels, horizontal=horizontal)
    return levels


def _signed(formatter: Callable[[float], str], value: float) -> str:
    text = formatter(value)
    return text if text.startswith(("\u2212", "-", "+")) or value == 0 else "+" + text


def close_all() -> None:
    plt.close("all")
