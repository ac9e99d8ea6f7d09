"""The built book in a real browser: every page loads with its assets, runs without JavaScript errors,
shows its figures and tables, links only to places that exist, and passes axe-core without serious
or critical violations.

The book is built once per test run (the build the build and layout tests share), served on
127.0.0.1 and opened page by page in Debian's Chromium through Playwright. Each page is visited once
(``tests/page_visits.py``, the visit the layout tests read too); the tests below assert on what it
recorded. A full-page screenshot of each page goes to ``test-artifacts/screenshots/<page>.jpg`` and the
axe-core results to ``test-artifacts/axe.json`` (and the counts by page and impact to
``axe.summary.txt``, also printed at the end of the run), for CI to keep.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from browser_support import chapter_pages, launched_browser, parsed_page, sync_playwright, toc_pages
from bs4 import BeautifulSoup
from conftest import REPO
from page_visits import RESTORE_ROW_GROUPS, SAMPLE_ROW_GROUPS, SAMPLED_TABLES, VIEWPORT, Visit, _status, run_axe

from aarsevaluering import findings

ARTIFACTS = REPO / "test-artifacts"
PAGES = toc_pages(REPO)
CHAPTERS = chapter_pages(REPO)
IMPACTS = ("critical", "serious", "moderate", "minor")


@pytest.fixture(scope="module")
def site(served_book) -> Path:
    """The book built from the checkout (once per test run, shared): the ``_build/html`` folder."""
    return served_book[0]


@pytest.fixture(scope="module")
def base_url(served_book) -> str:
    """The built book served on 127.0.0.1 (the server the visits used)."""
    return served_book[1]


@pytest.fixture(scope="module")
def visits(page_visits) -> dict[str, Visit]:
    """Every page of the book opened once in Chromium (``tests/page_visits.py``, shared with the layout tests)."""
    return page_visits


def _visit(visits: dict[str, Visit], page: str) -> Visit:
    visit = visits[page]
    assert not visit.error, f"{page}: the page could not be inspected: {visit.error}"
    return visit


@pytest.mark.parametrize("page", PAGES)
def test_page_and_its_assets_load(visits, page):
    visit = _visit(visits, page)
    problems = list(dict.fromkeys(visit.bad_responses + visit.failed_requests + visit.info["unreachable_assets"]))
    assert not problems, f"{page}: requests that failed or answered >= 400:\n" + "\n".join(problems)
    assert not visit.outside_requests, f"{page}: requests outside the site (refused):\n" + "\n".join(
        visit.outside_requests
    )


@pytest.mark.parametrize("page", PAGES)
def test_no_javascript_errors(visits, page):
    visit = _visit(visits, page)
    errors = [f"console: {e}" for e in visit.console_errors] + [f"page error: {e}" for e in visit.page_errors]
    errors += [f"dialog: {d}" for d in visit.dialogs]
    assert not errors, f"{page}: JavaScript errors:\n" + "\n".join(errors)


@pytest.mark.parametrize("page", PAGES)
def test_images_are_decoded_and_shown(visits, page):
    visit = _visit(visits, page)
    broken = [i["src"] for i in visit.info["images"] if i["natural"] == 0]
    assert not broken, f"{page}: images that did not decode:\n" + "\n".join(broken)
    hidden = [
        f"{i['src']} ({i['width']}x{i['height']} px, figure {i['figure']!r})"
        for i in visit.info["images"]
        if i["content"] and not (i["width"] > 0 and i["height"] > 0)
    ]
    assert not hidden, f"{page}: figures with an empty box on the page:\n" + "\n".join(hidden)


@pytest.mark.parametrize("page", [p for p in PAGES if p.startswith("notebooks/")])
def test_chapter_shows_figures_and_tables(visits, page):
    visit = _visit(visits, page)
    assert visit.info["tables"] >= 1, f"{page}: no table on the page"
    if page in CHAPTERS:
        assert visit.info["figures"] >= 1, f"{page}: no figure on the page"


def test_every_internal_link_resolves(visits, site, base_url):
    """Every ``a[href]`` inside the site points to a page that loads and, with ``#id``, to an id on it."""
    base = base_url
    ids = {v.url: set(v.info.get("ids", [])) for v in visits.values()}
    broken = []
    for visit in visits.values():
        if visit.error:
            broken.append(f"{visit.page}: not inspected ({visit.error})")
            continue
        for href in sorted(set(visit.info["links"])):
            if not href.startswith(base):
                continue
            target, fragment = urldefrag(href)
            status = _status(target)
            if not isinstance(status, int) or status >= 400:
                broken.append(f"{visit.page}: {href} -> {status}")
                continue
            if fragment and urlsplit(target).path.endswith(".html"):
                if target not in ids:  # a page outside the toc (index, search): read its ids from the file
                    local = site / urlsplit(target).path.lstrip("/")
                    soup = BeautifulSoup(local.read_text(encoding="utf-8"), "html.parser")
                    ids[target] = {t["id"] for t in soup.find_all(id=True)} | {
                        t["name"] for t in soup.find_all("a", attrs={"name": True})
                    }
                if fragment not in ids[target]:
                    broken.append(f"{visit.page}: {href} -> no element with id {fragment!r} on that page")
    assert not broken, "internal links that do not resolve:\n" + "\n".join(broken)


def test_front_door_leads_to_the_first_page(site):
    """``index.html`` (where a reader lands) redirects to the book's root page."""
    text = (site / "index.html").read_text(encoding="utf-8")
    assert f"url={PAGES[0]}.html" in text, text[:500]


def _describe(violation: dict) -> str:
    node = violation["nodes"][0]
    mode = " (dark mode)" if violation.get("mode") == "dark" else ""
    return (
        f"{violation['impact']} {violation['id']}{mode}: {violation['help']} ({len(violation['nodes'])} elements, "
        f"e.g. {node['target']}: {node.get('failureSummary', '').strip()})"
    )


@pytest.mark.parametrize("page", PAGES)
def test_no_serious_or_critical_accessibility_violations(visits, page):
    visit = _visit(visits, page)
    grave = [v for v in visit.violations if v.get("impact") in ("serious", "critical")]
    assert not grave, f"{page}: axe-core violations:\n" + "\n".join(_describe(v) for v in grave)


def test_accessibility_report(visits, record_property):
    """Write ``test-artifacts/axe.json`` and the counts by page and impact (printed at the end of the run)."""
    ARTIFACTS.mkdir(exist_ok=True)
    report = {
        page: [
            {
                "id": v["id"],
                "impact": v.get("impact"),
                "mode": v.get("mode", "light"),
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]],
            }
            for v in visit.violations
        ]
        for page, visit in visits.items()
    }
    (ARTIFACTS / "axe.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    width = max(len(p) for p in visits)
    version = next((v.info["axe"] for v in visits.values() if "axe" in v.info), "?")
    lines = [
        f"axe-core {version} violations, rules (elements) by impact; serious and critical fail the test",
        f"{'page':<{width}}  " + "  ".join(f"{i:>9}" for i in IMPACTS),
    ]
    for page, visit in visits.items():
        cells = []
        for impact in IMPACTS:
            rules = [v for v in visit.violations if v.get("impact") == impact]
            cells.append(f"{len(rules)} ({sum(len(v['nodes']) for v in rules)})" if rules else "0")
        lines.append(f"{page:<{width}}  " + "  ".join(f"{c:>9}" for c in cells))
    rules = sorted({(v.get("impact"), v["id"], v.get("mode", "")) for vs in report.values() for v in vs})
    for impact, rule, mode in rules:
        pages = [page for page, vs in report.items() if any(v["id"] == rule and v["mode"] == mode for v in vs)]
        lines.append(f"  {impact} {rule}{' (dark mode)' if mode == 'dark' else ''}: {', '.join(pages)}")
    text = "\n".join(lines)
    (ARTIFACTS / "axe.summary.txt").write_text(text + "\n", encoding="utf-8")
    record_property("summary", text)  # printed at the end of the run (tests/conftest.py)


# ---------------------------------------------------------------------------------------------
# Static checks of the built HTML (no browser needed).


@pytest.mark.parametrize("page", PAGES)
def test_figures_have_alt_text_and_captions_and_tables_have_headers(site, page):
    soup = parsed_page(site, page)
    problems = []
    for img in soup.find_all("img"):
        if not (img.get("alt") or "").strip():
            problems.append(f"image without alt text: {img.get('src')}")
    article = soup.find("article") or soup
    for img in article.find_all("img"):
        figure = img.find_parent("figure")
        caption = figure.find("figcaption") if figure else None
        if caption is None or not caption.get_text(strip=True):
            problems.append(f"image not in a figure with a caption: {img.get('src')} (alt {img.get('alt')!r})")
    for number, table in enumerate(soup.find_all("table"), start=1):
        head = table.find("thead")
        first_row = table.find("tr")
        if not ((head and head.find("th")) or (first_row and first_row.find("th"))):
            name = table.get("id") or (table.caption.get_text(" ", strip=True) if table.caption else f"table {number}")
            problems.append(f"table without a header row: {name}")
    assert not problems, f"{page}:\n" + "\n".join(problems)


def test_the_audit_tables_filter_sort_and_count_in_the_browser(base_url):
    """The register's Materiality filter reads the level only (a factor noted under it, ``data-filter``,
    does not make a value of its own), its Size column sorts by the figure, and the every-check list counts
    its rows as the book writes numbers ("1 452 rows")."""
    with launched_browser() as browser:
        page = browser.new_context(viewport=VIEWPORT).new_page()
        page.goto(f"{base_url}notebooks/audit.html", wait_until="load")
        register = page.locator("#audit-register")
        # Columns found by their headers, so a column added or dropped (the Unit column, s12) fails here
        # only if Materiality or Size goes.
        column = (
            "(name) => [...document.querySelectorAll('#audit-register thead th')]"
            ".findIndex((th) => th.textContent.trim().startsWith(name))"
        )
        materiality, size = (page.evaluate(f"() => ({column})('{name}')") for name in ("Materiality", "Size"))
        assert materiality >= 0 and size >= 0, (materiality, size)
        materiality_filter = f"#audit-register-filter-{materiality}"  # a filter's id ends in its column's index
        levels = page.locator(f"{materiality_filter} option").all_text_contents()
        assert len(levels) > 1, levels  # not vacuous: an absent filter has no options
        assert set(levels) - {"All"} <= {findings.shown_level(level) for level in findings.LEVELS}, levels
        wanted = page.evaluate(
            "() => [...document.querySelectorAll('#audit-register tbody.row-group')]"
            f".filter((g) => g.rows[0].cells[{materiality}].dataset.filter === 'material by nature').length"
        )
        page.select_option(materiality_filter, "material by nature")
        shown = register.locator("tbody.row-group:visible").count()
        assert shown == wanted > 0
        status = page.evaluate(
            "() => document.querySelector('#audit-all').closest('.interactive-box').previousElementSibling.textContent"
        )
        assert status and re.fullmatch(r"\d{1,3}(\u00a0\d{3})* rows", status.strip()), status
        page.select_option(materiality_filter, "")
        register.locator("thead th").nth(size).locator("button").click()  # Size, ascending
        sizes = page.evaluate(
            "() => [...document.querySelectorAll('#audit-register tbody.row-group')]"
            f".map((g) => g.rows[0].cells[{size}].dataset.sort).filter((s) => s !== '').map(Number)"
        )
        assert sizes == sorted(sizes) and len(sizes) > 3


# A page made to fail: text too pale in the light mode, and other text too dark in the dark one; the
# theme follows the system's colour scheme as the book's does (``data-theme`` on ``<html>``).
LOW_CONTRAST_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Contrast</title>
<script>
  const scheme = matchMedia("(prefers-color-scheme: dark)");
  const follow = () => { document.documentElement.dataset.theme = scheme.matches ? "dark" : "light"; };
  follow(); scheme.addEventListener("change", follow);
</script>
<style>
  html[data-theme="light"] body { background: #fff; color: #111; }
  html[data-theme="dark"] body { background: #111; color: #eee; }
  .pale { color: #ccc; }
  html[data-theme="dark"] .pale { color: #eee; }
  html[data-theme="dark"] .dim { color: #333; }
</style></head>
<body><main><h1>Contrast</h1><p class="pale">Pale in the light mode</p><p class="dim">Dim in the dark mode</p>
<p>Readable in both</p><p>Readable too</p></main></body></html>"""


def test_the_accessibility_check_finds_low_contrast_in_either_colour_mode():
    """``run_axe`` can fail: its contrast check on one element of each kind, in both colour modes,
    finds the pale paragraph in the light mode and the dim one in the dark mode (and nothing else)."""
    sync_playwright()
    from axe_playwright_python.sync_playwright import Axe

    with launched_browser() as browser:
        page = browser.new_context(viewport=VIEWPORT).new_page()
        page.set_content(LOW_CONTRAST_PAGE)
        found = run_axe(page, Axe())
    contrast = {
        (v.get("mode", "light"), node["target"][0]) for v in found if v["id"] == "color-contrast" for node in v["nodes"]
    }
    assert contrast == {("light", ".pale"), ("dark", ".dim")}, found


def test_the_contrast_check_measures_each_kind_of_text_once_per_run():
    """Kinds of text met on an earlier page are not measured again (their contrast is known), but a new
    kind on a later page is: the visit of every page passes the kinds met so far to ``run_axe``."""
    sync_playwright()
    from axe_playwright_python.sync_playwright import Axe

    met: dict[str, set[str]] = {"light": set(), "dark": set()}
    with launched_browser() as browser:
        page = browser.new_context(viewport=VIEWPORT).new_page()
        page.set_content(LOW_CONTRAST_PAGE)
        first = run_axe(page, Axe(), met)
        page.set_content(LOW_CONTRAST_PAGE)
        again = run_axe(page, Axe(), met)
        page.set_content(
            LOW_CONTRAST_PAGE.replace("<p>Readable too</p>", '<p style="color: #999; background: #aaa">Paler</p>')
        )
        later = run_axe(page, Axe(), met)

    def contrast(found):
        return {(v.get("mode", "light"), n["html"]) for v in found if v["id"] == "color-contrast" for n in v["nodes"]}

    assert len(contrast(first)) == 2 and met["light"] and met["dark"], first
    assert contrast(again) == set(), again
    assert {mode for mode, html in contrast(later) if "Paler" in html} == {"light", "dark"}, later


CHECKS_LIST_PAGE = (
    LOW_CONTRAST_PAGE.split("<style>")[0]
    + """<style>
  html[data-theme="light"] body { background: #fff; color: #111; }
  html[data-theme="dark"] body { background: #111; color: #eee; }
  .pale { color: #ccc; background: #fff; }
</style></head><body><main><h1>Checks</h1><table class="checks-list"><caption>Every check</caption>
<thead><tr><th scope="col">Check</th><th scope="col">Figure</th></tr></thead>
"""
    + "".join(f'<tbody id="g{n}"><tr><td>Check {n}</td><td>{n}</td></tr></tbody>' for n in range(1, 6))
    + """
<tbody id="g6"><tr><td class="pale">A late kind of row</td><td>6</td></tr></tbody>
<tbody id="g7"><tr><td>Check 7</td><td>7</td></tr></tbody></table></main></body></html>"""
)


def test_axe_checks_every_structure_of_row_in_the_list_of_every_check():
    """During axe's passes the list of every check keeps one row group of each structure (the audit page's
    1 452 groups have seven): a late group of a structure of its own is still checked (its low contrast
    found), and afterwards every group is back, in order."""
    sync_playwright()
    from axe_playwright_python.sync_playwright import Axe

    with launched_browser() as browser:
        page = browser.new_context(viewport=VIEWPORT).new_page()
        page.set_content(CHECKS_LIST_PAGE)
        left_out = page.evaluate(SAMPLE_ROW_GROUPS, SAMPLED_TABLES)
        kept = page.evaluate("() => [...document.querySelector('table').tBodies].map((g) => g.id)")
        page.evaluate(RESTORE_ROW_GROUPS)
        found = run_axe(page, Axe())
        after = page.evaluate("() => [...document.querySelector('table').tBodies].map((g) => g.id)")
    assert (left_out, kept) == (5, ["g1", "g6"]), (left_out, kept)
    contrast = [n["html"] for v in found if v["id"] == "color-contrast" for n in v["nodes"]]
    assert any("A late kind of row" in html for html in contrast), found
    assert after == [f"g{n}" for n in range(1, 8)], after
