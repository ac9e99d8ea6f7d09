"""Shared by the real-browser tests: find Chromium and Playwright, serve a built book, list its pages.

The book is built once per test run (:func:`built_book`) for every module that opens it.

Chromium is Debian's package (``/usr/bin/chromium``), driven by Playwright's Python package; Playwright's
own browser downloads are never used. Without either, the tests skip with a message saying how to get
them, except under CI (the ``CI`` environment variable is set), where they fail.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import shared_build

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOW_TO_INSTALL = (
    "install Debian's Chromium and the pinned Python packages: "
    "`apt-get install chromium` (as root; .ci/run does this) and `.venv/bin/pip install -r requirements.txt`"
)


def missing(what: str) -> None:
    """Skip the calling test (fail it under CI, where the browser must be there) for ``what`` is missing."""
    message = f"{what}; {HOW_TO_INSTALL}"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set, so the real-browser tests must run: {message}", pytrace=False)
    pytest.skip(message)


def chromium_path() -> str:
    """Debian's Chromium binary, or a skip (a failure under CI) saying how to install it."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    missing("no Chromium found (looked for /usr/bin/chromium and `chromium` on PATH)")
    raise AssertionError("unreachable")


def sync_playwright():
    """Playwright's sync entry point, or a skip (a failure under CI) saying how to install it."""
    try:
        from playwright.sync_api import sync_playwright as entry
    except ImportError as err:
        missing(f"the Python package playwright is not importable ({err})")
    return entry


@contextmanager
def launched_browser() -> Iterator:
    """Debian's Chromium, headless, through Playwright; closed on exit."""
    executable = chromium_path()
    with sync_playwright()() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


SITE_ENV = "AARSEVALUERING_SITE"


def built_book(tmp_path_factory) -> Path:
    """The book built from the checkout as ``make book`` builds it: its ``_build/html`` folder, built once
    per test run and shared by the build, real-browser and layout tests (:func:`conftest.shared_build`).
    With ``AARSEVALUERING_SITE`` set to an already built ``_build/html``, that folder is used instead
    (for a quick re-run while working)."""
    given = os.environ.get(SITE_ENV)
    if given:
        return Path(given).resolve()
    build = shared_build(tmp_path_factory)
    assert build.returncode == 0, build.log[-4000:]
    return build.site


@functools.cache
def parsed_page(site: Path, page: str) -> BeautifulSoup:
    """The built page ``page`` (a path without ``.html``) of ``site``, parsed once per test process: several
    tests read the same pages, and the audit page takes 3 s to parse. Read it; never change it."""
    return BeautifulSoup((site / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002  (the signature is the base class's)
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):  # the browser dropped a request it no longer needed
            return
        super().handle_error(request, client_address)


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve ``folder`` over HTTP on 127.0.0.1 on a free port in a thread; yields the base URL (ends in /)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def toc_pages(book: Path) -> list[str]:
    """Every page of ``_toc.yml`` (root first, then in reading order) as a path without suffix."""
    toc = yaml.safe_load((book / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                pages.append(entry["file"])
            walk(entry.get("parts"))
            walk(entry.get("chapters"))
            walk(entry.get("sections"))

    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    walk(toc.get("sections"))
    return [_page(file) for file in pages]


def _page(file: str) -> str:
    """A toc entry as the page it builds: ``notebooks/audit.ipynb`` and ``notebooks/audit`` are ``notebooks/audit``."""
    return file.removesuffix(".md").removesuffix(".ipynb")


def chapter_pages(book: Path, caption: str = "Chapters") -> list[str]:
    """The pages listed under the part of ``_toc.yml`` with this caption (the book's chapters)."""
    toc = yaml.safe_load((book / "_toc.yml").read_text(encoding="utf-8"))
    for part in toc.get("parts", []):
        if part.get("caption") == caption:
            return [_page(entry["file"]) for entry in part.get("chapters", [])]
    return []


# The number cells of the page's tables that are not right-aligned: [table's caption, text, alignment].
RIGHT_ALIGNED = """() => {
  const number = /^[\\u2212+-]?\\d{1,3}(?:[\\u00a0\\u202f ]\\d{3})*(?:\\.\\d+)?(?:[\\u00a0 ]?%)?$/;
  const out = [];
  for (const table of document.querySelectorAll("article table")) {
    const caption = table.querySelector("caption");
    const name = (caption ? caption.textContent : (table.id || "a table without caption")).trim().slice(0, 60);
    const headerRow = table.tHead ? table.tHead.rows[table.tHead.rows.length - 1] : null;
    for (const cell of table.querySelectorAll("td")) {
      const text = cell.textContent.trim();
      if (!number.test(text)) continue;
      // A column of the report's line numbers holds references, not quantities: it may stay left.
      const header = headerRow && headerRow.cells[cell.cellIndex] ? headerRow.cells[cell.cellIndex].textContent : "";
      if (/line/i.test(header)) continue;
      const align = getComputedStyle(cell).textAlign;
      if (align !== "right" && align !== "end") out.push([name, text, align]);
    }
  }
  return out;
}"""
