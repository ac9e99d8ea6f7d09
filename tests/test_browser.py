"""The built book in a real browser: every page loads with its assets, runs without JavaScript errors,
shows its figures and tables, links only to places that exist, and passes axe-core without serious
or critical violations.

The book is built once per test run (the build the build and layout tests share), served on
127.0.0.1 and opened page by page in Debian's Chromium through Playwright. Each page is visited once;
the tests below assert on what the visit recorded. A full-page screenshot of each page goes to
``test-artifacts/screenshots/<page>.png`` and the axe-core results to ``test-artifacts/axe.json`` (and
the counts by page and impact to ``axe.summary.txt``, also printed at the end of the run), for CI to keep.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from browser_support import (
    built_book,
    chapter_pages,
    chromium_path,
    launched_browser,
    missing,
    served,
    sync_playwright,
    toc_pages,
)
from bs4 import BeautifulSoup
from conftest import REPO

from aarsevaluering import findings

ARTIFACTS = REPO / "test-artifacts"
PAGES = toc_pages(REPO)
CHAPTERS = chapter_pages(REPO)
IMPACTS = ("critical", "serious", "moderate", "minor")
VIEWPORT = {"width": 1280, "height": 900}
# Chromium renders a taller full-page capture blank past a point (the investment chapter, 105 000 px,
# came out white below the first screen), and the encoding time grows with the height: longer pages
# are captured down to this height only. The assertions cover the whole page.
SCREENSHOT_MAX_HEIGHT = 16_000

# Run in the page once it has loaded: decode every image, then describe images, tables, links, ids
# and the local assets the page references.
INSPECT = """async () => {
  const images = [...document.images];
  await Promise.all(images.map((img) => img.decode().catch(() => null)));
  await document.fonts.ready;
  const article = document.querySelector("article") || document.body;
  return {
    images: images.map((img) => {
      const box = img.getBoundingClientRect();
      return {src: img.currentSrc || img.src, natural: img.naturalWidth, width: box.width, height: box.height,
              content: article.contains(img), figure: img.closest("figure")?.id ?? null};
    }),
    figures: article.querySelectorAll("figure img").length,
    tables: article.querySelectorAll("table").length,
    links: [...document.querySelectorAll("a[href]")].map((a) => a.href),
    ids: [...document.querySelectorAll("[id]")].map((e) => e.id)
      .concat([...document.querySelectorAll("a[name]")].map((a) => a.name)),
    assets: [...document.querySelectorAll("link[href]")].map((e) => e.href)
      .concat([...document.querySelectorAll("script[src], img[src], source[src], iframe[src]")].map((e) => e.src)),
  };
}"""


@dataclass
class Visit:
    """What one page did in the browser."""

    page: str
    url: str
    bad_responses: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    error: str = ""
    info: dict = field(default_factory=dict)
    violations: list[dict] = field(default_factory=list)
    recording: bool = True


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The book built from the checkout (once per test run, shared): the ``_build/html`` folder."""
    return built_book(tmp_path_factory)


@pytest.fixture(scope="module")
def base_url(site):
    """The built book served on 127.0.0.1 for the rest of the module."""
    with served(site) as base:
        yield base


@pytest.fixture(scope="module")
def visits(request) -> dict[str, Visit]:
    """Open every page of the book once in Chromium and record what happened."""
    chromium_path()  # skip (fail under CI) before building the book when there is no browser
    sync_playwright()
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError as err:
        missing(f"the Python package axe-playwright-python is not importable ({err})")

    shots = ARTIFACTS / "screenshots"
    axe = Axe()
    base = request.getfixturevalue("base_url")
    with launched_browser() as browser:
        context = browser.new_context(viewport=VIEWPORT)
        recorded: dict[str, Visit] = {}
        for page_name in PAGES:
            visit = Visit(page_name, f"{base}{page_name}.html")
            recorded[page_name] = visit
            page = context.new_page()
            _record(page, base, visit)
            try:
                if page.goto(visit.url, wait_until="load") is None:
                    visit.bad_responses.append(f"no response {visit.url}")
                visit.info = page.evaluate(INSPECT)
                visit.info["unreachable_assets"] = _unreachable(visit.info["assets"], base)
                target = shots / f"{page_name}.png"
                target.parent.mkdir(parents=True, exist_ok=True)
                height = page.evaluate("document.documentElement.scrollHeight")
                clip = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": min(height, SCREENSHOT_MAX_HEIGHT)}
                page.screenshot(path=str(target), full_page=True, clip=clip)
                visit.recording = False  # axe-core fetches style sheets itself (and resolves @import wrongly)
                visit.violations = run_axe(page, axe)
                visit.info["axe"] = page.evaluate("axe.version")
            except Exception as err:  # a page that cannot be inspected fails its tests, not the others
                visit.error = f"{type(err).__name__}: {err}"
            finally:
                page.close()
        context.close()
    return recorded


def _record(page, base: str, visit: Visit) -> None:
    """Listen to a page: failing responses, failed requests, console errors, page errors, dialogs;
    requests to anywhere but the local server are refused and recorded (the book is self-contained)."""

    def route(r):
        if r.request.url.startswith(base) or r.request.url.startswith("data:"):
            r.continue_()
        else:
            visit.outside_requests.append(r.request.url)
            r.abort()

    def on_response(response):
        if visit.recording and response.status >= 400:
            visit.bad_responses.append(f"{response.status} {response.url}")

    def on_failed(request):
        if visit.recording:
            visit.failed_requests.append(f"{request.url} ({request.failure})")

    def on_console(message):
        if visit.recording and message.type == "error":
            visit.console_errors.append(f"{message.text} at {message.location}")

    def on_dialog(dialog):
        visit.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.route("**/*", route)
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    page.on("console", on_console)
    page.on("pageerror", lambda err: visit.page_errors.append(str(err)))
    page.on("dialog", on_dialog)


# axe-core's colour-contrast rule measures every text element (10-20 s on a chapter of 10 000
# elements). Elements with the same text colour, font size, weight, opacity, shadow and effective
# background have the same contrast, so it runs on one element of each such kind; every other rule
# runs on the whole page.
MARK_CONTRAST_SAMPLES = """() => {
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.backgroundImage !== "none") return "image " + style.backgroundImage;
      if (style.backgroundColor !== "rgba(0, 0, 0, 0)" && style.backgroundColor !== "transparent") {
        return style.backgroundColor;
      }
    }
    return "none";
  };
  document.querySelectorAll("[data-contrast-sample]").forEach((e) => e.removeAttribute("data-contrast-sample"));
  const seen = new Set();
  for (const element of document.body.querySelectorAll("*")) {
    if (![...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) continue;
    const style = getComputedStyle(element);
    const kind = [style.color, style.fontSize, style.fontWeight, style.opacity, style.textShadow,
                  background(element)].join("|");
    if (seen.has(kind)) continue;
    seen.add(kind);
    element.setAttribute("data-contrast-sample", "");
  }
  return seen.size;
}"""
CONTRAST_CONTEXT = {
    "include": [["[data-contrast-sample]"]],
    "exclude": [["[data-contrast-sample] :not([data-contrast-sample])"]],
}


def run_axe(page, axe) -> list[dict]:
    """axe-core's violations on the page: every rule but colour contrast on the whole page, colour
    contrast on one element of each kind (see ``MARK_CONTRAST_SAMPLES``), in the light colour mode and
    again in the dark one (the theme follows the reader's system); dark-mode findings carry
    ``"mode": "dark"``."""
    page.evaluate(axe.axe_script)
    others = {"resultTypes": ["violations"], "rules": {"color-contrast": {"enabled": False}}}
    violations = page.evaluate("(options) => axe.run(document, options).then((r) => r.violations)", others)
    contrast = {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": ["color-contrast"]}}
    # Switching the colour mode animates colours: measure the end state, not a frame of the transition.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    for mode in ("light", "dark"):
        page.emulate_media(color_scheme=mode)
        page.wait_for_function("(mode) => document.documentElement.dataset.theme === mode", arg=mode, timeout=10_000)
        page.evaluate(MARK_CONTRAST_SAMPLES)
        found = page.evaluate(
            "([context, options]) => axe.run(context, options).then((r) => r.violations)", [CONTRAST_CONTEXT, contrast]
        )
        violations += [{**v, "mode": mode} for v in found] if mode == "dark" else found
    return violations


_STATUS: dict[str, int | str] = {}


def _status(url: str) -> int | str:
    """HTTP status of a local URL (fetched once per run)."""
    if url not in _STATUS:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                _STATUS[url] = response.status
        except urllib.error.HTTPError as err:
            _STATUS[url] = err.code
        except OSError as err:
            _STATUS[url] = f"unreachable ({err})"
    return _STATUS[url]


def _unreachable(urls: list[str], base: str) -> list[str]:
    """The local URLs among ``urls`` that do not answer below 400."""
    out = []
    for url in sorted({urldefrag(u).url for u in urls if u.startswith(base)}):
        status = _status(url)
        if not isinstance(status, int) or status >= 400:
            out.append(f"{status} {url}")
    return out


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
    soup = BeautifulSoup((site / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
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
        levels = page.locator("#audit-register-filter-4 option").all_text_contents()
        assert set(levels) - {"All"} <= {findings.shown_level(level) for level in findings.LEVELS}, levels
        wanted = page.evaluate(
            "() => [...document.querySelectorAll('#audit-register tbody.row-group')]"
            ".filter((g) => g.rows[0].cells[4].dataset.filter === 'material by nature').length"
        )
        page.select_option("#audit-register-filter-4", "material by nature")
        shown = register.locator("tbody.row-group:visible").count()
        assert shown == wanted > 0
        status = page.evaluate(
            "() => document.querySelector('#audit-all').closest('.interactive-box').previousElementSibling.textContent"
        )
        assert status and re.fullmatch(r"\d{1,3}(\u00a0\d{3})* rows", status.strip()), status
        page.select_option("#audit-register-filter-4", "")
        register.locator("thead th").nth(2).locator("button").click()  # Size, ascending
        sizes = page.evaluate(
            "() => [...document.querySelectorAll('#audit-register tbody.row-group')]"
            ".map((g) => g.rows[0].cells[2].dataset.sort).filter((s) => s !== '').map(Number)"
        )
        assert sizes == sorted(sizes) and len(sizes) > 3
