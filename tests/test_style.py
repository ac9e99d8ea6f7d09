"""The house style (Data and methods, "House style"), held on every page.

From the stored notebooks (``notebooks/*.ipynb``: the pages' outputs, figure captions and the prose with
its ``{eval}`` values as ``aarsevaluering.sync`` stores them) and the prose pages (``book/*.md``, their
code run as the build runs it):

- no chart text is smaller than ``MIN_TEXT_PX`` (11 px) as the SVG is shown in the text column
  (its font sizes × the scale at which the page shows the SVG);
- every chart with more than one colour (or a hatched estimate beside solid bars) has a key or direct
  labels;
- no internal table id (a resource's ``name`` in ``data/datapackage.json``) in the text a reader sees,
  outside the data page (code behind "Show code", outputs behind a toggle and ``<details>`` excepted);
- money in prose has one form, ``NOK 78.3 million``: never a number followed by "NOK", "kroner" or
  "NOK thousand"/"NOK million"/"NOK 1000", and NOK million with at most one decimal;
- one source line per figure: a caption does not repeat the source the figure prints.

From the built book (``tests/browser_support.built_book``: ``AARSEVALUERING_SITE`` or a fresh build):

- figures are numbered by chapter: every figure of the n-th chapter is "Fig. n.k";
- in Chromium at 1280 × 900, every table cell holding a number is right-aligned.

Each failure is one line per page and figure (or table) saying what is wrong, so a chapter engineer can
find it.
"""

from __future__ import annotations

import html
import io
import json
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import matplotlib
import nbformat
import pytest
import yaml
from browser_support import built_book, chapter_pages, parsed_page
from bs4 import BeautifulSoup
from conftest import REPO

from aarsevaluering import htmlfixes

matplotlib.use("Agg")

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
PROSE_PAGES = sorted(p for p in (REPO / "book").glob("*.md") if p.stem != "data")
COLUMN_PX = 672  # the width of a cell's output in the built book at 1280 px (aarsevaluering/style.py)
PX_PER_PT = 96 / 72
MIN_TEXT_PX = 11.0
SVG = "{http://www.w3.org/2000/svg}"


# --- reading the stored pages -------------------------------------------------------------------------


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _cells(path: Path):
    """(code cell number, cell) for every cell of a notebook; markdown cells get the number of the code
    cell before them."""
    notebook = nbformat.read(path, as_version=4)
    number = 0
    for cell in notebook.cells:
        if cell.cell_type == "code":
            number += 1
        yield number, cell


def _figure_name(cell) -> str:
    figure = cell.get("metadata", {}).get("mystnb", {}).get("figure", {})
    return figure.get("name") or "a figure without a name"


def stored_svgs(path: Path) -> list[tuple[str, str]]:
    """(where, svg) of every SVG output of a notebook; ``where`` names notebook, cell and figure."""
    out = []
    for number, cell in _cells(path):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            svg = output.get("data", {}).get("image/svg+xml")
            if svg:
                out.append((f"{path.name} code cell {number} ({_figure_name(cell)})", _text(svg)))
    return out


def _hidden(cell) -> bool:
    """An output a reader sees only after opening a toggle."""
    tags = set(cell.get("metadata", {}).get("tags", []))
    return bool(tags & {"hide-output", "hide-cell", "remove-output", "remove-cell"})


def _visible_html_text(markup: str, drop_tables: bool) -> str:
    soup = BeautifulSoup(markup, "html.parser")
    for element in soup.find_all(["details", "style", "script"] + (["table"] if drop_tables else [])):
        element.decompose()
    return soup.get_text(" ")


def _rendered_markdown(cell) -> str:
    """A Markdown cell's text with each ``{eval}`` expression replaced by its stored value."""
    values = {
        item.get("expression"): _text(item.get("result", {}).get("data", {}).get("text/plain", ""))
        for item in cell.get("metadata", {}).get("user_expressions", [])
    }
    return re.sub(r"\{eval\}`([^`]+)`", lambda m: values.get(m.group(1), ""), cell.source)


def notebook_texts(path: Path, drop_tables: bool) -> list[tuple[str, str]]:
    """(where, text) of what a reader of the page reads: prose (with its values), figure captions and
    alt texts, and the HTML and plain outputs shown without opening a toggle (tables dropped when
    ``drop_tables``: the prose test leaves reproduced ledgers to their captions)."""
    out = []
    for number, cell in _cells(path):
        where = f"{path.name} after code cell {number}" if cell.cell_type == "markdown" else None
        if cell.cell_type == "markdown":
            out.append((where, _rendered_markdown(cell)))
            continue
        if cell.cell_type != "code":
            continue
        where = f"{path.name} code cell {number}"
        mystnb = cell.get("metadata", {}).get("mystnb", {})
        for part in ("figure", "image"):
            for key in ("caption", "alt"):
                if mystnb.get(part, {}).get(key):
                    out.append((f"{where} ({_figure_name(cell)}, {key})", str(mystnb[part][key])))
        if _hidden(cell):
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                out.append((where, _visible_html_text(_text(data["text/html"]), drop_tables)))
            elif "text/markdown" in data:
                out.append((where, _text(data["text/markdown"])))
            elif "text/plain" in data and "image/svg+xml" not in data and "image/png" not in data:
                out.append((where, _text(data["text/plain"])))
            elif output.get("output_type") == "stream":
                out.append((where, _text(output.get("text", ""))))
    return out


@cache
def _executed_prose_page(path: Path) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A prose page's Markdown with its ``{eval}`` values, its code run in order as the build runs it,
    and the SVG of every figure its code draws."""
    import matplotlib.pyplot as plt

    source = path.read_text(encoding="utf-8")
    namespace: dict = {}
    svgs = []
    for block in re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", source, re.S):
        code = re.sub(r"\A---\n.*?\n---\n", "", block, flags=re.S)  # the cell's YAML options
        code = "\n".join(line for line in code.splitlines() if not line.startswith(":"))
        plt.close("all")
        exec(compile(code, str(path), "exec"), namespace)  # noqa: S102  (the page's own code, as the build runs it)
        for number in plt.get_fignums():
            buffer = io.StringIO()
            plt.figure(number).savefig(buffer, format="svg")
            svgs.append((f"{path.name} figure {len(svgs) + 1}", buffer.getvalue()))
        plt.close("all")
    prose = re.sub(r"```\{code-cell\}.*?```", "", source, flags=re.S)
    prose = re.sub(r"``.+?``", "", prose)  # code spans that show the syntax (`` {eval}`txt.surplus` ``)
    prose = re.sub(r"\{eval\}`([^`]+)`", lambda m: str(eval(m.group(1), namespace)), prose)  # noqa: S307
    return prose, tuple(svgs)


def prose_page_texts(path: Path) -> list[tuple[str, str]]:
    prose, _ = _executed_prose_page(path)
    return [(path.name, prose)]


# --- chart text ---------------------------------------------------------------------------------------


def _length(value: str) -> float:
    return float(re.match(r"[\d.]+", value).group(0))


def small_texts(svg: str) -> list[tuple[float, str]]:
    """(size in px on the page, text) of every text in an SVG smaller than ``MIN_TEXT_PX`` as the page
    shows it: at the SVG's own size (points: 4/3 px each), shrunk to the column if wider."""
    root = ET.fromstring(svg.encode("utf-8"))
    width_px = _length(root.get("width")) * (PX_PER_PT if root.get("width", "").endswith("pt") else 1.0)
    view_width = float(root.get("viewBox").split()[2]) if root.get("viewBox") else width_px
    scale = (width_px / view_width) * min(1.0, COLUMN_PX / width_px)
    out = []
    for text in root.iter(f"{SVG}text"):
        size = re.search(r"font-size:\s*([\d.]+)px", text.get("style", "")) or re.search(
            r"font:[^;]*?([\d.]+)px", text.get("style", "")
        )
        if size is None:
            continue
        shown = float(size.group(1)) * scale
        if shown < MIN_TEXT_PX - 0.05:
            out.append((shown, "".join(text.itertext()).strip()))
    return out


def _small_text_lines(svgs) -> list[str]:
    lines = []
    for where, svg in svgs:
        small = small_texts(svg)
        if small:
            smallest = min(size for size, _ in small)
            examples = ", ".join(repr(t) for _, t in small[:3])
            lines.append(
                f"{where}: {len(small)} texts below {MIN_TEXT_PX:g} px (smallest {smallest:.1f} px): {examples}"
            )
    return lines


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_chart_text_is_at_least_11_px(path):
    lines = _small_text_lines(stored_svgs(path))
    assert not lines, "\n".join(lines)


@pytest.mark.parametrize("path", PROSE_PAGES, ids=[p.stem for p in PROSE_PAGES])
def test_prose_page_chart_text_is_at_least_11_px(path):
    _, svgs = _executed_prose_page(path)
    lines = _small_text_lines(svgs)
    assert not lines, "\n".join(lines)


def test_small_text_is_found():
    """The measure itself: 8 pt in a figure drawn at the column's width is 10.7 px, too small."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.8, 2))
    ax.text(0.5, 0.5, "tiny", fontsize=8)
    ax.set_title("fine", fontsize=10)
    buffer = io.StringIO()
    # Text kept as text, as the book's style writes it (not on a test run before this one: -k runs it alone)
    with plt.rc_context({"svg.fonttype": "none"}):
        fig.savefig(buffer, format="svg")
    plt.close(fig)
    found = small_texts(buffer.getvalue())
    assert [t for _, t in found] == ["tiny"] and found[0][0] == pytest.approx(8 * PX_PER_PT, abs=0.01)


# --- keys and direct labels ---------------------------------------------------------------------------


def _style(element, prop: str) -> str | None:
    match = re.search(rf"(?:^|;)\s*{prop}:\s*([^;]+)", element.get("style", ""))
    return match.group(1).strip().lower() if match else None


_PLAIN = {"none", "#ffffff", "#fff", "white"}


def _inside_axis(path_to_root) -> bool:
    return any(g.get("id", "").startswith(("matplotlib.axis", "legend")) for g in path_to_root)


def chart_colours_and_labels(svg: str) -> list[tuple[str, set[str], int, bool]]:
    """Per axes of an SVG: (axes id, the colours that carry data, the number of texts written on the
    plotting area that are not its title, has a legend). Data colours are the fills of the bars and
    areas (a hatch pattern counts as a colour of its own) and the strokes of lines through more than two
    points; the axes' background, white and the ticks and grid are not data."""
    root = ET.fromstring(svg.encode("utf-8"))
    parents = {child: parent for parent in root.iter() for child in parent}
    legend_in_figure = any(g.get("id", "").startswith("legend") for g in root.iter(f"{SVG}g"))
    out = []
    for axes in root.iter(f"{SVG}g"):
        if not axes.get("id", "").startswith("axes_"):
            continue
        colours, texts, legend = set(), 0, False
        patches = [g for g in axes.iter(f"{SVG}g") if g.get("id", "").startswith("patch_")]
        for group in patches[1:]:  # the first patch is the axes' background
            chain, node = [], group
            while node is not axes:
                node = parents[node]
                chain.append(node)
            if _inside_axis(chain):
                continue
            for path in group.iter(f"{SVG}path"):
                fill = _style(path, "fill")
                if fill and fill not in _PLAIN:
                    colours.add("hatch" if fill.startswith("url(") else fill)
        for group in axes.iter(f"{SVG}g"):
            gid = group.get("id", "")
            chain, node = [], group
            while node is not axes:
                node = parents[node]
                chain.append(node)
            if gid.startswith("legend"):
                legend = True
            if _inside_axis(chain) or gid.startswith(("matplotlib.axis", "legend")):
                continue
            if gid.startswith("line2d_"):
                for path in group.iter(f"{SVG}path"):
                    stroke = _style(path, "stroke")
                    if stroke and stroke not in _PLAIN and path.get("d", "").count("L") >= 2:
                        colours.add(stroke)
            if gid.startswith("text_"):
                for text in group.iter(f"{SVG}text"):
                    bold = (_style(text, "font-weight") or "") in {"bold", "700", "600"}
                    if not bold and "".join(text.itertext()).strip():
                        texts += 1
        out.append((axes.get("id"), colours, texts, legend or legend_in_figure))
    return out


def _unkeyed(svgs) -> list[str]:
    lines = []
    for where, svg in svgs:
        for axes, colours, texts, legend in chart_colours_and_labels(svg):
            if len(colours) > 1 and not legend and texts < len(colours):
                lines.append(
                    f"{where} {axes}: {len(colours)} colours ({', '.join(sorted(colours))}) but no key "
                    f"and {texts} direct labels"
                )
    return lines


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_multicolour_chart_has_a_key_or_direct_labels(path):
    lines = _unkeyed(stored_svgs(path))
    assert not lines, "\n".join(lines)


@pytest.mark.parametrize("path", PROSE_PAGES, ids=[p.stem for p in PROSE_PAGES])
def test_prose_page_multicolour_charts_have_a_key_or_direct_labels(path):
    _, svgs = _executed_prose_page(path)
    lines = _unkeyed(svgs)
    assert not lines, "\n".join(lines)


def test_an_unkeyed_chart_is_found():
    """Four bars in four colours and nothing saying which is which: found; with direct labels: not."""
    import matplotlib.pyplot as plt

    from aarsevaluering import style

    def svg(labelled: bool) -> str:
        fig, ax = plt.subplots(figsize=(6.8, 2))
        bars = ax.bar(range(4), [1, 2, 3, 4], color=list(style.PALETTE.values())[:4])
        if labelled:
            style.direct_labels(ax, bars, labels=["a", "b", "c", "d"])
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg")
        plt.close(fig)
        return buffer.getvalue()

    assert _unkeyed([("plain", svg(False))]) and not _unkeyed([("labelled", svg(True))])


# --- internal ids and units in what a reader reads ----------------------------------------------------


@cache
def internal_ids() -> tuple[str, ...]:
    descriptor = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    return tuple(sorted((r["name"] for r in descriptor["resources"]), key=len, reverse=True))


def id_lines(texts: list[tuple[str, str]]) -> list[str]:
    # A check id (``pension_central_items.sum.actual_2023``) starts with its table's id but is an
    # identifier a researcher cites, as a finding id is: it is not the table's id standing as a name.
    pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, internal_ids())) + r")(?![\w]|\.\w)")
    lines = []
    for where, text in texts:
        found = sorted(set(pattern.findall(html.unescape(text))))
        if found:
            lines.append(f"{where}: internal table id {', '.join(found)} in the page's text")
    return lines


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_no_internal_table_id_in_page_text(path):
    lines = id_lines(
        notebook_texts(path, drop_tables=False) + [(f"{w} (figure text)", _svg_text(s)) for w, s in stored_svgs(path)]
    )
    assert not lines, "\n".join(lines)


@pytest.mark.parametrize("path", PROSE_PAGES, ids=[p.stem for p in PROSE_PAGES])
def test_no_internal_table_id_on_prose_pages(path):
    prose, svgs = _executed_prose_page(path)
    prose = re.sub(r"`[^`]*`", "", prose)  # code spans (a file name such as `bal_prose_figures.csv`) are code
    lines = id_lines([(path.name, prose)] + [(w, _svg_text(s)) for w, s in svgs])
    assert not lines, "\n".join(lines)


def _svg_text(svg: str) -> str:
    return " ".join("".join(t.itertext()) for t in ET.fromstring(svg.encode("utf-8")).iter(f"{SVG}text"))


NUMBER = r"\d[\d\u00a0\u202f ]*(?:\.\d+)?"
WRONG_UNIT_FORMS = [
    # A number, then the currency, with no number after it ("2030 NOK 1.2 million" is a year, then money).
    (
        re.compile(rf"{NUMBER}[\s\u00a0]*(?:NOK|kroner|kr\b)(?![\s\u00a0]*[\u2212+-]?\d)"),
        "a number before the currency (write NOK 78.3 million)",
    ),
    (re.compile(r"\bNOK[\s\u00a0]+1[\s\u00a0]?000\b(?![\s\u00a0]*\d)"), '"NOK 1000" as a unit (write NOK thousand)'),
    (re.compile(r"\bNOK[\s\u00a0]+\d[\d\u00a0]*\.\d{2,}[\s\u00a0]+million"), "NOK million with more than one decimal"),
]


def unit_lines(texts: list[tuple[str, str]]) -> list[str]:
    lines = []
    for where, text in texts:
        text = html.unescape(text)
        for pattern, what in WRONG_UNIT_FORMS:
            found = sorted({" ".join(m.group(0).split()) for m in pattern.finditer(text)})
            if found:
                lines.append(f"{where}: {what}: {'; '.join(repr(f) for f in found[:4])}")
    return lines


def test_the_unit_forms_are_recognised():
    wrong = "75.7\u00a0NOK million, 15 NOK thousand, amounts in NOK 1000, NOK\u00a0113.261\u00a0million"
    right = "NOK\u00a075.7\u00a0million, NOK 15 thousand, \u2212NOK 3.2 million, 0.9 %, 1.2 percentage points"
    assert len(unit_lines([("wrong", wrong)])) == 3
    assert unit_lines([("right", right)]) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_one_unit_form_in_prose(path):
    lines = unit_lines(notebook_texts(path, drop_tables=True))
    assert not lines, "\n".join(lines)


@pytest.mark.parametrize("path", PROSE_PAGES, ids=[p.stem for p in PROSE_PAGES])
def test_one_unit_form_on_prose_pages(path):
    lines = unit_lines(prose_page_texts(path))
    assert not lines, "\n".join(lines)


# --- the built book: figure numbers, and numbers right-aligned in a real browser ----------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return built_book(tmp_path_factory)


def test_figures_are_numbered_by_chapter(site):
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    assert any(part.get("caption") == "Chapters" and part.get("numbered") for part in toc.get("parts", [])), (
        "_toc.yml: the Chapters part is not numbered, so figures are numbered through the book, not by chapter"
    )
    lines = []
    pages = [(str(n), page) for n, page in enumerate(chapter_pages(REPO), start=1)]
    pages += list(zip(htmlfixes.APPENDIX.values(), htmlfixes.APPENDIX.keys(), strict=True))  # the audit's "Fig. A.1"
    for number, page in pages:
        soup = parsed_page(site, page)
        for figure in soup.select("figure"):
            label = figure.select_one(".caption-number")
            text = " ".join(label.get_text(" ").split()) if label else "no number"
            if not re.fullmatch(rf"Fig\. {re.escape(number)}\.\d+", text):
                lines.append(f"{page}: figure {figure.get('id', '?')} is {text!r}, not 'Fig. {number}.k'")
    assert not lines, "\n".join(lines)


def test_tables_are_numbered_by_chapter(site):
    """Every captioned table of chapter N is "Table N.k", k = 1, 2, ... in the order the page shows them,
    and the audit page's "Table A.k" (``aarsevaluering.htmlfixes``), so a researcher can cite a table as a
    figure is cited; a toggle over a hidden table names it instead of "Show code cell output"."""
    pages = [(str(n), page) for n, page in enumerate(chapter_pages(REPO), start=1)]
    pages += list(zip(htmlfixes.APPENDIX.values(), htmlfixes.APPENDIX.keys(), strict=True))
    lines = []
    for number, page in pages:
        soup = parsed_page(site, page)
        shown = []
        for table in soup.select("article table"):
            if table.caption is None:
                continue
            label = table.caption.select_one(".caption-number")
            shown.append(" ".join(label.get_text(" ").split()) if label else f"no number ({table.get('id', '?')})")
        wanted = [f"Table {number}.{k}" for k in range(1, len(shown) + 1)]
        if not shown:
            lines.append(f"{page}: no captioned table")
        elif shown != wanted:
            first = next(i for i, (s, w) in enumerate(zip(shown, wanted, strict=True)) if s != w)
            lines.append(f"{page}: table {first + 1} is numbered {shown[first]!r}, not {wanted[first]!r}")
        for toggle in soup.select("details.hide"):
            label = toggle.select_one("summary .collapsed")
            if label and label.get_text(strip=True) == "Show code cell output" and toggle.select("table caption"):
                lines.append(f"{page}: the toggle over {toggle.select_one('table').get('id', '?')} does not name it")
    assert not lines, "\n".join(lines)


def repeated_sources(path: Path) -> list[str]:
    """Figures whose caption repeats the source the figure already prints (``style.finish``)."""
    out = []
    for number, cell in _cells(path):
        if cell.cell_type != "code":
            continue
        caption = str(cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("caption", ""))
        drawn = any(
            "Source:" in _svg_text(_text(o.get("data", {}).get("image/svg+xml", "<svg/>")))
            for o in cell.get("outputs", [])
            if "image/svg+xml" in o.get("data", {})
        )
        if drawn and re.search(r"\bSources?:", caption):
            out.append(
                f"{path.name} code cell {number} ({_figure_name(cell)}): the caption repeats the figure's source line"
            )
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_one_source_line_per_figure(path):
    found = repeated_sources(path)
    assert not found, "\n".join(found)


def test_a_key_above_the_axes_never_covers_the_title():
    """``style.legend_above`` lifts the title by the key's own height, for a key of one row or several."""
    import matplotlib

    matplotlib.use("agg")
    from aarsevaluering import style

    style.use_book_style()
    for rows in (1, 3):
        fig, ax = style.figure()
        for i in range(2 * rows):
            ax.bar([i], [i + 1], label=f"A series with a long name, number {i}")
        ax.set_title("A title over a key of several rows, which must not be printed over")
        legend = style.legend_above(ax, ncol=2)
        style.finish(fig)
        renderer = fig.canvas.get_renderer()
        title, key = ax.title.get_window_extent(renderer), legend.get_window_extent(renderer)
        assert title.y0 >= key.y1, f"a key of {rows} row(s) reaches {key.y1 - title.y0:.1f} px into the title"
        style.close_all()


def test_a_key_names_bars_that_carry_no_label():
    """``style.key_above`` lists each (label, bar style) pair with its look, the hatching of an estimate
    included, though no bar on the chart has a label (a waterfall's steps), and adds nothing to the data."""
    import matplotlib

    matplotlib.use("agg")
    from aarsevaluering import style

    style.use_book_style()
    fig, ax = style.figure()
    ax.barh(["a", "b"], [3, -2], color=[style.FAVOURABLE, style.UNFAVOURABLE])
    bars = len(ax.patches)
    legend = style.key_above(
        ax, [("raises", {"color": style.FAVOURABLE}), ("estimate", style.estimate_style(style.LEVEL))]
    )
    assert [t.get_text() for t in legend.get_texts()] == ["raises", "estimate"]
    handles = legend.legend_handles
    assert matplotlib.colors.same_color(handles[0].get_facecolor(), style.FAVOURABLE)
    assert handles[1].get_hatch(), "the estimate's swatch lost its hatching"
    assert all(p.get_width() == 0 and p.get_height() == 0 for p in ax.patches[bars:]), "the key drew data"
    style.close_all()


@pytest.mark.parametrize("name", sorted(p.stem for p in (REPO / "notebooks").glob("*.ipynb")))
def test_no_inline_value_carries_markdown(name):
    """An inline value ({eval}) is shown as text, not read as Markdown: asterisks or backticks in it
    would print as such (the designer's read found «*fiscal-rule*» on the audit page)."""
    notebook = json.loads((REPO / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
    marked = []
    for cell in notebook["cells"]:
        for entry in cell.get("metadata", {}).get("user_expressions", []) or []:
            text = entry.get("result", {}).get("data", {}).get("text/plain", "")
            if re.search(r"(^|[\s(])\*\S[^*]*\*($|[\s).,;:])|`", text):
                marked.append(f"{entry['expression']}: {text[:80]}")
    assert not marked, f"{name}: inline values with Markdown marks, printed literally: {marked}"


def test_a_one_chart_title_starts_at_the_figure_edge():
    """``style.finish`` moves a one-chart figure's title (and its key) to the figure's left edge, where the
    row labels start, so a title behind long labels is not squeezed into the right half and wrapped."""
    import matplotlib

    matplotlib.use("agg")
    from aarsevaluering import style

    style.use_book_style()
    fig, ax = style.figure()
    ax.barh(["A row label long enough to push the plot well to the right", "Short"], [3, 4], label="series")
    ax.set_title("A title that starts at the edge of the figure")  # wider than the plot
    legend = style.legend_above(ax)
    style.finish(fig)
    renderer = fig.canvas.get_renderer()
    edge = ax.yaxis.get_tightbbox(renderer).x0
    title, key = ax._left_title.get_window_extent(renderer), legend.get_window_extent(renderer)  # the book's titles
    assert abs(title.x0 - edge) < 2, f"the title starts {title.x0 - edge:.0f} px right of the figure's edge"
    assert "\n" not in ax.get_title(loc="left"), "the title wrapped"
    assert key.x0 < ax.bbox.x0, "the key stayed at the plot's edge, away from the title"
    style.close_all()


# A chart's tick label of five or more digits, or of four that is not a year, written without grouping.
UNGROUPED = re.compile(r"^[\u2212-]?(?:\d{5,}|(?!19\d\d$|20\d\d$)\d{4})(?:\.\d+)?$")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_chart_numbers_group_thousands(path):
    """Every number a chart prints groups its thousands as the tables and prose do ("1 000", not "1000")."""
    found = []
    for where, svg in stored_svgs(path):
        texts = ["".join(t.itertext()).strip() for t in ET.fromstring(svg.encode("utf-8")).iter(f"{SVG}text")]
        found += [f"{where}: {text!r}" for text in texts if UNGROUPED.match(text)]
    assert not found, f"{path.name}: chart numbers without grouped thousands:\n" + "\n".join(found)


def test_front_matter_is_numbered_by_page(site):
    """The introduction's, Data and methods' and the data page's tables and figures are numbered by page
    ("Table F.1", "Fig. F.1"), not through all the unnumbered pages ("Table 9" on the data page)."""
    lines = []
    for page, letter in htmlfixes.FRONT.items():
        soup = parsed_page(site, page)
        for kind in ("Table", "Fig."):
            shown = [" ".join(s.get_text(" ").split()) for s in soup.select("article .caption-number")]
            shown = [text for text in shown if text.startswith(kind + " ")]
            wanted = [f"{kind} {letter}.{k}" for k in range(1, len(shown) + 1)]
            if shown != wanted:
                lines.append(f"{page}: {kind} numbers {shown}, not {wanted}")
    assert not lines, "\n".join(lines)


def test_a_key_by_colour_names_each_colour_once_in_the_bars_order():
    """``style.key_above`` given a dict of colour → meaning names the first bar of each colour (an unfilled
    estimate by its outline), in the bars' order, and leaves out a colour no bar uses."""
    import matplotlib

    matplotlib.use("agg")
    from aarsevaluering import style

    style.use_book_style()
    fig, ax = style.figure(height=2.0)
    style.waterfall(ax, [("a", 3.0), ("b", -1.0, "estimate"), ("c", -1.0), ("sum", None, "total")])
    names = {style.FAVOURABLE: "adds", style.UNFAVOURABLE: "takes", style.LEVEL: "level", style.EARLIER: "unused"}
    legend = style.key_above(ax, names)
    assert [t.get_text() for t in legend.get_texts()] == ["adds", "takes", "level"]
    assert legend.get_title().get_text() == "", "a key with no hatching has no title"
    style.close_all()


def test_a_key_by_colour_says_what_the_hatching_means():
    import matplotlib

    matplotlib.use("agg")
    from aarsevaluering import style

    style.use_book_style()
    fig, ax = style.figure(height=2.0)
    style.waterfall(
        ax,
        [("a", 3.0, "total estimate"), ("b", -1.0, "estimate"), ("net", None, "total estimate")],
        up_is_favourable=False,
    )
    legend = style.key_above(ax, {style.FAVOURABLE: "lowers it", style.LEVEL: "level"}, hatched="the book's estimate")
    assert legend.get_title().get_text() == "Hatched: the book's estimate"
    assert [t.get_text() for t in legend.get_texts()] == ["level", "lowers it"]
    style.close_all()


def test_a_key_of_pairs_can_say_what_the_hatching_means_too():
    """The ``(label, bar style)`` form, as every chapter calls it, takes the same ``hatched`` title."""
    import matplotlib

    matplotlib.use("agg")
    from aarsevaluering import style

    style.use_book_style()
    fig, ax = style.figure(height=2.0)
    ax.barh(["a"], [3], color=style.LEVEL)
    legend = style.key_above(ax, [("level", {"color": style.LEVEL})], hatched="an estimate")
    assert legend.get_title().get_text() == "Hatched: an estimate"
    assert [t.get_text() for t in legend.get_texts()] == ["level"]
    style.close_all()


def test_a_toggle_over_several_tables_names_each():
    """A toggle over two tables names both, each title cut at a clause break to its share; one over a
    single table keeps its title whole; a title repeated is named once."""
    toggle = (
        '<p class="collapsed admonition-title">Show code cell output</p>'
        '<p class="expanded admonition-title">Hide code cell output</p>'
    )

    def caption(number: str, text: str) -> str:
        return f'<table><caption><span class="caption-number">Table {number} </span>{text}</caption></table>'

    two = (
        toggle
        + caption("1.16", "D07 Mottatt utbytte: dividends received (NOK thousand)")
        + caption("1.17", "D05 Sentrale inntekter: central income (NOK thousand)")
    )
    named = htmlfixes.name_table_toggles(two)
    assert "Show Tables 1.16\u20131.17: D07 Mottatt utbytte; D05 Sentrale inntekter" in named, named
    assert "Hide Tables 1.16\u20131.17" in named
    one = htmlfixes.name_table_toggles(toggle + caption("1.8", "Gross operating income (NOK thousand)"))
    assert "Show Table 1.8: Gross operating income (NOK thousand)" in one, one
    same = htmlfixes.name_table_toggles(toggle + caption("2.5", "2B, part 2") + caption("2.6", "2B, part 2"))
    assert "Show Tables 2.5\u20132.6: 2B, part 2<" in same, same
    # Two toggles whose titles would read alike (a long caption cut at its clause break): each runs on past
    # it, so the words that tell them apart show.
    status = "I01 Status investering og finansiering: statement 2A, both bodies, "
    pair = htmlfixes.name_table_toggles(
        toggle
        + caption("2.2", status + "2023 (NOK thousand)")
        + '<div class="cell ">'  # the next cell: the first toggle's output ends here
        + toggle
        + caption("2.3", status + "2022 (NOK thousand)")
    )
    labels = re.findall(r"Show Table 2\.[23]: ([^<]*)<", pair)
    assert len(labels) == 2 and labels[0] != labels[1], labels


def test_a_neutral_waterfall_draws_every_step_in_the_level_grey():
    """``neutral=True``: no step coloured favourable or unfavourable; estimates still hatched."""
    import matplotlib
    from matplotlib.colors import to_hex

    matplotlib.use("agg")
    from aarsevaluering import style

    style.use_book_style()
    fig, ax = style.figure(height=2.0)
    style.waterfall(
        ax, [("a", 3.0, "total"), ("b", -1.0), ("c", 2.0, "estimate"), ("sum", None, "total")], neutral=True
    )
    colours = {to_hex(bar.get_edgecolor() if bar.get_hatch() else bar.get_facecolor()) for bar in ax.patches}
    assert colours == {to_hex(style.LEVEL)}, colours
    assert sum(bool(bar.get_hatch()) for bar in ax.patches) == 1
    style.close_all()


def test_apostrophes_after_a_table_id_are_typographic_too():
    """Apostrophes after an id ending in a digit ("B01's", "P11's") read as the prose's "B01’s", in the
    page and in charts; code and quoted strings keep their straight quotes (designer s12: captions mixed
    the two)."""
    from aarsevaluering import htmlfixes, style

    page = htmlfixes.typographic_apostrophes("<p>B01's rows and P11&#x27;s, not '90s</p><code>B01's</code>")
    assert page == "<p>B01’s rows and P11’s, not '90s</p><code>B01's</code>"
    assert style._APOSTROPHE.sub("\u2019", "B01's debt, the areas' costs") == "B01’s debt, the areas’ costs"
