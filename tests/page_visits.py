"""Every page of the built book opened once in Debian's Chromium at 1280 × 900, and what it did recorded:
the real-browser tests (``tests/test_browser.py``) and the layout tests (``tests/test_layout.py``) assert
on the same visit, so each page is loaded, decoded and laid out once per test run (two visits of eleven
pages took 25 s of the run). The visit, in order:

1. load the page, decode its images, wait for its fonts; record failing requests, requests outside the
   site (refused), console and page errors, dialogs; describe its images, tables, links, ids and assets;
2. under CI (or ``AARSEVALUERING_SCREENSHOTS=1``), a full-page screenshot
   (``test-artifacts/screenshots/<page>.jpg``, uploaded with the test report for reviewers);
3. the layout with the toggles closed, as the page opens: its height, and its tables, cells and figures
   (``layout_measure.js``);
4. axe-core (every rule in the light colour mode, colour contrast again in the dark one; contrast on one
   element of each kind of text the run has not met on an earlier page; in the list of every check, on one
   row group of each structure);
5. the layout again with every toggle open, and the number cells' alignment.

The layout measurements also go to ``test-artifacts/layout/layout.json``. ``conftest.page_visits`` runs
it once per test run; ``conftest.pytest_xdist_make_scheduler`` keeps the two test files on one worker.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag

from browser_support import RIGHT_ALIGNED, launched_browser, missing, sync_playwright

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
VIEWPORT = {"width": 1280, "height": 900}
# Chromium renders a taller full-page capture blank past a point (the investment chapter, 105 000 px,
# came out white below the first screen), and the encoding time grows with the height: longer pages
# are captured down to this height only. The assertions cover the whole page.
SCREENSHOT_MAX_HEIGHT = 16_000
# The screenshots are for reviewers of a CI run, where they are uploaded with the test report; a local run
# takes them when asked: no test reads them. (They cost little processor time, about 1 s for thirteen pages
# measured alone; the 12 s an earlier note gave was a wall-clock reading on a busy machine.)
SCREENSHOTS = bool(os.environ.get("CI")) or os.environ.get("AARSEVALUERING_SCREENSHOTS") == "1"
# The layout measurement's thresholds (the layout tests' messages quote them).
MAX_CELL_HEIGHT = VIEWPORT["height"] // 2
MIN_SENTENCE_CHARS = 12  # a cell holding a sentence (40+ characters, 5+ words) is at least this many "0" wide
# Measures the article's tables, cells and figures in the page; returns plain data, the tests judge it.
MEASURE = (Path(__file__).parent / "layout_measure.js").read_text(encoding="utf-8")

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
    layout: dict = field(default_factory=dict)  # height, tables and figures closed and open (layout tests)
    recording: bool = True


def visit_every_page(base: str, pages: list[str]) -> dict[str, Visit]:
    """Open each of ``pages`` (paths without ``.html``) under ``base`` once and record what happened."""
    sync_playwright()
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError as err:
        missing(f"the Python package axe-playwright-python is not importable ({err})")
    axe = Axe()
    shots = ARTIFACTS / "screenshots"
    recorded: dict[str, Visit] = {}
    contrast_kinds: dict[str, set[str]] = {"light": set(), "dark": set()}  # met on the pages visited so far
    # One tab for every page, as a reader goes from page to page: a new tab starts a renderer process
    # (twelve of them cost 15 s of processor time of the 26 s the loads took). ``current`` says which
    # visit the tab's listeners record into; a page that fails leaves the tab to be replaced.
    current: dict[str, Visit] = {}
    with launched_browser() as browser:
        context = browser.new_context(viewport=VIEWPORT)
        page = None
        for name in pages:
            visit = current["visit"] = recorded[name] = Visit(name, f"{base}{name}.html")
            if page is None:
                page = context.new_page()
                _record(page, base, current)
            try:
                page.emulate_media(color_scheme="light")  # as a reader's system has it by default
                _visit(page, visit, base, axe, shots / f"{name}.jpg", contrast_kinds)
            except Exception as err:  # a page that cannot be inspected fails its tests, not the others
                visit.error = f"{type(err).__name__}: {err}"
                page.close()
                page = None
        context.close()
    layouts = {name: v.layout if not v.error else {"error": v.error} for name, v in recorded.items()}
    (ARTIFACTS / "layout").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "layout" / "layout.json").write_text(json.dumps(layouts, indent=1, ensure_ascii=False), "utf-8")
    return recorded


def _visit(page, visit: Visit, base: str, axe, shot: Path, contrast_kinds: dict[str, set[str]]) -> None:
    if page.goto(visit.url, wait_until="load") is None:
        visit.bad_responses.append(f"no response {visit.url}")
    visit.info = page.evaluate(INSPECT)  # images decoded and fonts loaded before anything is measured
    visit.info["unreachable_assets"] = _unreachable(visit.info["assets"], base)
    height = page.evaluate("document.documentElement.scrollHeight")
    if SCREENSHOTS:
        shot.parent.mkdir(parents=True, exist_ok=True)
        clip = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": min(height, SCREENSHOT_MAX_HEIGHT)}
        page.screenshot(path=str(shot), full_page=True, clip=clip, quality=80)  # JPEG: a PNG took twice as long
    visit.layout = {"height": height, "closed": page.evaluate(MEASURE, [MAX_CELL_HEIGHT, MIN_SENTENCE_CHARS])}
    visit.recording = False  # axe-core fetches style sheets itself (and resolves @import wrongly)
    visit.violations = run_axe(page, axe, contrast_kinds)
    visit.info["axe"] = page.evaluate("axe.version")
    page.evaluate(OPEN_TOGGLES)
    page.wait_for_timeout(50)
    visit.layout["open"] = page.evaluate(MEASURE, [MAX_CELL_HEIGHT, MIN_SENTENCE_CHARS])
    visit.layout["not_right_aligned"] = page.evaluate(RIGHT_ALIGNED)


def _record(page, base: str, current: dict[str, Visit]) -> None:
    """Listen to a page: failing responses, failed requests, console errors, page errors, dialogs, each
    recorded into ``current["visit"]``, the visit under way; requests to anywhere but the local server are
    refused and recorded (the book is self-contained)."""

    def route(r):
        if r.request.url.startswith(base) or r.request.url.startswith("data:"):
            r.continue_()
        else:
            current["visit"].outside_requests.append(r.request.url)
            r.abort()

    def on_response(response):
        if current["visit"].recording and response.status >= 400:
            current["visit"].bad_responses.append(f"{response.status} {response.url}")

    def on_failed(request):
        if current["visit"].recording:
            current["visit"].failed_requests.append(f"{request.url} ({request.failure})")

    def on_console(message):
        if current["visit"].recording and message.type == "error":
            current["visit"].console_errors.append(f"{message.text} at {message.location}")

    def on_dialog(dialog):
        current["visit"].dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.route("**/*", route)
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    page.on("console", on_console)
    page.on("pageerror", lambda err: current["visit"].page_errors.append(str(err)))
    page.on("dialog", on_dialog)


# axe-core's colour-contrast rule measures every text element (10-20 s on a chapter of 10 000
# elements). Elements with the same text colour, font size, weight, opacity, shadow and effective
# background have the same contrast, on any page of the book, so it runs on one element of each such kind
# not met before (its selector narrowed to the marked samples; the kinds met are passed in and the new
# ones returned); every other rule runs on the whole page.
MARK_CONTRAST_SAMPLES = """(met) => {
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
  const seen = new Set(met);
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    if (![...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) continue;
    const style = getComputedStyle(element);
    const kind = [style.color, style.fontSize, style.fontWeight, style.opacity, style.textShadow,
                  background(element)].join("|");
    if (seen.has(kind)) continue;
    seen.add(kind);
    found.push(kind);
    element.setAttribute("data-contrast-sample", "");
  }
  return found;
}"""
CONTRAST_ON_SAMPLES = """() => axe.configure({rules: [{id: "color-contrast", selector: "[data-contrast-sample]"}]})"""


# The audit page's list of every check holds 1 452 row groups (83 % of the page's elements) built by one
# function, in seven structures. axe-core's cost grows with the elements on the page, whatever it is
# told to include (20 s of processor time on that page), so during its passes the row groups of a
# structure met before in the same table are taken out of the page, and put back, in order, after: every
# structure is checked once (tag, classes, attributes and whether it holds text, of every element).
SAMPLED_TABLES = "table.checks-list"
SAMPLE_ROW_GROUPS = """(selector) => {
  const signature = (group) => [group, ...group.querySelectorAll("*")].map((e) =>
    e.tagName + "." + [...e.classList].sort().join(".") + "[" +
    [...e.attributes].map((a) => a.name).filter((n) => n !== "class").sort().join(",") + "]" +
    ([...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()) ? "t" : "")).join(" ");
  const tables = [...document.querySelectorAll(selector)];
  window.__rowGroups = tables.map((table) => [table, [...table.tBodies]]);
  let out = 0;
  for (const [table, groups] of window.__rowGroups) {
    const seen = new Set();
    for (const group of groups) {
      const kind = signature(group);
      if (seen.has(kind)) { group.remove(); out++; } else seen.add(kind);
    }
  }
  return out;
}"""
RESTORE_ROW_GROUPS = """() => {
  for (const [table, groups] of window.__rowGroups || []) groups.forEach((group) => table.appendChild(group));
  delete window.__rowGroups;
}"""


def run_axe(page, axe, contrast_kinds: dict[str, set[str]] | None = None) -> list[dict]:
    """axe-core's violations on the page in the light colour mode, colour contrast measured on one
    element of each kind (see ``MARK_CONTRAST_SAMPLES``), then colour contrast again in the dark mode
    (the theme follows the reader's system); dark-mode findings carry ``"mode": "dark"``. Every rule runs
    in one pass per mode: each pass walks the whole page first (4 s on the audit page), whatever it checks.
    ``contrast_kinds`` holds the kinds of text met on earlier pages, per mode (updated here): their contrast
    is known, so a mode with no new kind skips the contrast rule (the dark pass, then, altogether).
    Row groups of ``SAMPLED_TABLES`` whose structure was met before are out of the page meanwhile."""
    kinds = contrast_kinds if contrast_kinds is not None else {"light": set(), "dark": set()}
    page.evaluate(SAMPLE_ROW_GROUPS, SAMPLED_TABLES)
    try:
        return _axe_passes(page, axe, kinds)
    finally:
        page.evaluate(RESTORE_ROW_GROUPS)


def _axe_passes(page, axe, kinds: dict[str, set[str]]) -> list[dict]:
    page.evaluate(axe.axe_script)
    page.evaluate(CONTRAST_ON_SAMPLES)
    # Switching the colour mode animates colours: measure the end state, not a frame of the transition.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    violations = []
    for mode in ("light", "dark"):
        page.emulate_media(color_scheme=mode)
        page.wait_for_function("(mode) => document.documentElement.dataset.theme === mode", arg=mode, timeout=10_000)
        new_kinds = page.evaluate(MARK_CONTRAST_SAMPLES, sorted(kinds[mode]))
        kinds[mode].update(new_kinds)
        options: dict = {"resultTypes": ["violations"]}
        if mode == "dark":
            if not new_kinds:
                continue
            options["runOnly"] = {"type": "rule", "values": ["color-contrast"]}
        elif not new_kinds:
            options["rules"] = {"color-contrast": {"enabled": False}}
        found = page.evaluate("(options) => axe.run(document, options).then((r) => r.violations)", options)
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


OPEN_TOGGLES = """() => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  document.querySelectorAll(".toggle-hidden").forEach((e) => e.classList.remove("toggle-hidden"));
  document.querySelectorAll("button.toggle-button:not(.toggle-button-hidden)").forEach((b) => b.click());
}"""
