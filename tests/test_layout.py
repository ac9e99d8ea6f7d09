"""The built book laid out as a reader sees it: Chromium at 1280 × 900, toggles closed.

Every page of the table of contents is opened once in Debian's Chromium through Playwright, in the
visit ``tests/test_browser.py`` asserts on too (``tests/page_visits.py``, on the same build), and measured:

- the page is at most ``MAX_PAGE_HEIGHT`` (30 000) px tall with its toggles closed;
- no table is wider than the space it is given: neither the table nor its content is wider than the
  nearest box that would scroll or clip it (or the article), so no table needs horizontal scrolling;
  a table made wide on purpose (a full-width layout) has a wider box and passes;
- no table cell is squeezed: none is taller than half the screen (``MAX_CELL_HEIGHT``), none holding a
  sentence is narrower than ``MIN_SENTENCE_CHARS`` character widths, and no cell's content spills
  out of its box, and the texts of two neighbouring cells are at least half a character apart (bold
  totals running into each other, "1 124 1611 026 715");
- numbers never wrap: a cell whose text is a number has one line box, and no grouped number
  (``-1 234``, ``0.2 %``) is broken over two lines anywhere in a table;
- no figure is shown at less than ``MIN_FIGURE_SCALE`` (95 %) of its intrinsic width (drawn wider
  than the column, then shrunk: its tick labels come out smaller than they were set).

Tables, cells and figures are measured twice: with the toggles closed, as the page opens, and again
with every toggle open (a table behind "Show output" must fit too once a reader opens it). The
height is measured with the toggles closed only.

Every measurement goes to ``test-artifacts/layout/layout.json``; the screenshot of each page at the same
viewport is the real-browser test's (``test-artifacts/screenshots/<page>.jpg``). The open measurement comes
after axe-core's pass in the visit, in the dark colour mode: colours change, the layout does not.
Failure messages name the page, the table (its caption, else its first header, and its id) and the
measurement. Without Chromium or Playwright the tests skip; under ``CI`` they fail instead.
"""

from __future__ import annotations

import pytest
from browser_support import toc_pages
from conftest import REPO
from page_visits import MAX_CELL_HEIGHT, MIN_SENTENCE_CHARS

PAGES = toc_pages(REPO)
MAX_PAGE_HEIGHT = 30_000
MIN_FIGURE_SCALE = 0.95
SLACK = 1  # px of sub-pixel rounding allowed in every width comparison


@pytest.fixture(scope="module")
def layouts(page_visits) -> dict[str, dict]:
    """Every page measured once, in the visit the real-browser tests share (``tests/page_visits.py``):
    height with toggles closed, then tables and figures closed and open."""
    return {name: visit.layout if not visit.error else {"error": visit.error} for name, visit in page_visits.items()}


def _layout(layouts: dict[str, dict], page: str) -> dict:
    layout = layouts[page]
    assert "error" not in layout, f"{page}: the page could not be measured: {layout['error']}"
    return layout


def _tables(layout: dict) -> list[tuple[str, dict]]:
    """The page's tables as measured with toggles closed, then those only shown once toggles open."""
    closed = {(t["index"], t["id"]) for t in layout["closed"]["tables"]}
    out = [("", t) for t in layout["closed"]["tables"]]
    out += [(" (behind a toggle)", t) for t in layout["open"]["tables"] if (t["index"], t["id"]) not in closed]
    return out


def _table(table: dict, where: str) -> str:
    ident = f", id {table['id']}" if table["id"] else ""
    return f"table {table['index']} {table['name']!r}{ident}{where}"


@pytest.mark.parametrize("page", PAGES)
def test_page_is_at_most_30000_px_tall(layouts, page):
    height = _layout(layouts, page)["height"]
    assert height <= MAX_PAGE_HEIGHT, (
        f"{page}: {height:,} px tall at 1280 × 900 with toggles closed (at most {MAX_PAGE_HEIGHT:,} px)"
    )


@pytest.mark.parametrize("page", PAGES)
def test_no_table_needs_horizontal_scrolling(layouts, page):
    problems = []
    for where, table in _tables(_layout(layouts, page)):
        if table["width"] > table["space"] + SLACK:
            problems.append(f"{_table(table, where)}: {table['width']} px wide in {table['space']} px")
        elif table["right_of_viewport"] > SLACK:
            problems.append(f"{_table(table, where)}: ends {table['right_of_viewport']} px right of the window")
    assert not problems, f"{page}: tables wider than the space they are given:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", PAGES)
def test_no_table_cell_is_squeezed(layouts, page):
    problems = []
    for where, table in _tables(_layout(layouts, page)):
        name = _table(table, where)
        problems += [
            f"{name}: cell {c['cell']!r} is {c['height']} px tall (over {MAX_CELL_HEIGHT}) at {c['width']} px wide"
            for c in table["tall"]
        ]
        problems += [
            f"{name}: cell {c['cell']!r} holds a sentence in {c['width']} px ({c['chars']} characters; "
            f"at least {MIN_SENTENCE_CHARS})"
            for c in table["narrow"]
        ]
        problems += [
            f"{name}: cell {c['cell']!r} spills out of its box ({c['content']} px of content in {c['box']} px)"
            for c in table["spill"]
        ]
        problems += [
            f"{name}: cells {c['cell']!r} run into each other "
            f"({c['gap']} px between their texts; at least {c['least']})"
            for c in table["collide"]
        ]
    shown = problems[:40] + ([f"… and {len(problems) - 40} more"] if len(problems) > 40 else [])
    assert not problems, f"{page}: {len(problems)} squeezed table cells:\n" + "\n".join(shown)


@pytest.mark.parametrize("page", PAGES)
def test_numbers_never_wrap(layouts, page):
    problems = [
        f"{_table(table, where)}: {c['number']!r} in cell {c['cell']!r} takes {c['lines']} lines at {c['width']} px"
        for where, table in _tables(_layout(layouts, page))
        for c in table["wrapped"]
    ]
    shown = problems[:40] + ([f"… and {len(problems) - 40} more"] if len(problems) > 40 else [])
    assert not problems, f"{page}: {len(problems)} numbers wrap inside a table cell:\n" + "\n".join(shown)


@pytest.mark.parametrize("page", PAGES)
def test_figures_are_shown_at_their_size(layouts, page):
    layout = _layout(layouts, page)
    seen, problems = set(), []
    for figure in layout["closed"]["figures"] + layout["open"]["figures"]:
        if figure["src"] in seen or not figure["natural"]:
            continue
        seen.add(figure["src"])
        scale = figure["width"] / figure["natural"]
        if scale < MIN_FIGURE_SCALE:
            problems.append(
                f"{figure['src'].rsplit('/', 1)[-1]} ({figure['alt']!r}): {figure['natural']} px drawn, shown at "
                f"{figure['width']} px ({scale:.0%}; at least {MIN_FIGURE_SCALE:.0%})"
            )
    assert not problems, f"{page}: figures shrunk to fit:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", PAGES)
def test_number_cells_are_right_aligned(layouts, page):
    """Every number cell of every table is right-aligned, so digits line up (issue 27's house style)."""
    wrong = _layout(layouts, page)["not_right_aligned"]
    lines = []
    for table in sorted({table for table, _, _ in wrong}):
        cells = [f"{text!r} ({align})" for t, text, align in wrong if t == table]
        lines.append(f"{page}: table {table!r}: {len(cells)} number cells not right-aligned, e.g. {cells[0]}")
    assert not lines, "\n".join(lines)
