"""The student's route, in a real browser: JupyterLab from the project's environment, a chapter opened,
every cell run, the prose read as a student sees it; then a table edited on disk and the cells run again.

What a student must see: every sentence with its numbers (the inline expressions rendered by
jupyterlab-myst, already when the notebook is opened, from the values ``make sync`` stored), no MyST
left unrendered (no ``{eval}``, ``{term}`` or directive fences), and after a CSV changes, the new
number on the next run, with no kernel restart.

JupyterLab serves a copy of the chapters and the data (``AARSEVALUERING_DATA`` points the kernels at
the copy's tables), so the test never edits the checkout. JupyterLab 4 renders only the cells near the
viewport; a settings folder turns that off so every cell can be read.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browser_support import CHROMIUM_ARGS, chromium_path, sync_playwright
from conftest import REPO

from aarsevaluering import checks
from aarsevaluering.fmt import fmt
from aarsevaluering.identities import pensjon as pj

CHAPTER = "pensjon"
PROSE_TABLE = "pension_prose_figures"
# What a student would see if MyST were not rendered: an inline role, a directive fence, a glue key.
UNRENDERED = re.compile(r"\{(eval|term|glue:text|doc|download)\}`|^```\{|^:::\{|\w+:s\b", re.MULTILINE)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1 serving a copy of the notebooks and data; yields (url, copy)."""
    chromium_path()  # skip (fail under CI) when there is no browser, before starting anything
    jupyter = Path(sys.executable).with_name("jupyter")
    if not jupyter.exists():
        pytest.fail(f"{jupyter} is missing: requirements.txt installs JupyterLab (`make book` sets it up)")
    copy = tmp_path_factory.mktemp("lab")
    for name in ("notebooks", "data"):
        shutil.copytree(REPO / name, copy / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "_generated"))
    # As `make lab` and Binder's postBuild do: notebooks signed as trusted show their stored outputs and
    # prose values on opening (JupyterLab renders neither from a notebook it does not trust).
    subprocess.run([str(jupyter), "trust", *map(str, sorted((copy / "notebooks").glob("*.ipynb")))], check=True)
    settings = copy / ".settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    port = _free_port()
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(copy / ".settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(copy / ".workspaces"),
        "AARSEVALUERING_DATA": str(copy / "data"),
    }
    server = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", "--allow-root", f"--port={port}", "--ServerApp.ip=127.0.0.1",
         "--ServerApp.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
         f"--ServerApp.root_dir={copy}", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/lab", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("jupyter lab did not start within a minute")
        yield url, copy
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


PANEL = ".jp-NotebookPanel:visible"


def _prose(page) -> str:
    return "\n".join(page.locator(f"{PANEL} .jp-MarkdownCell").all_inner_texts())


def _run_all(page) -> None:
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    time.sleep(1)
    deadline = time.time() + 240
    while time.time() < deadline:
        busy = page.locator(f"{PANEL} .jp-InputPrompt:has-text('[*]')").count()
        if not busy and not page.locator(".jp-Notebook-ExecutionIndicator[data-status='busy']").count():
            return
        time.sleep(1)
    pytest.fail("the chapter's cells did not finish within four minutes")


def _stated_cost() -> str:
    """The sentence's figure as the book formats it, from the same table the notebook reads."""
    return fmt(pj.prose(checks.from_disk, "actual_pension_cost"), 1, "NOK million")


def test_a_student_sees_the_chapter_whole_and_live(lab):
    url, copy = lab
    expected = _stated_cost()
    with sync_playwright()() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{url}/lab/tree/notebooks/{CHAPTER}.ipynb?reset", timeout=120_000)
            page.wait_for_selector(f"{PANEL} .jp-MarkdownCell", timeout=120_000)
            for label in ("Select", "Select Kernel"):  # a kernel dialog may ask which kernel
                button = page.locator(f".jp-Dialog button:has-text('{label}')")
                if button.count():
                    button.first.click()
            page.wait_for_function(
                f"document.querySelector('{PANEL.split(':')[0]}')?.innerText.includes({json.dumps(expected)})",
                timeout=60_000,
            )
            opened = _prose(page)
            assert expected in opened, "the stored values are not shown when the notebook is opened"

            _run_all(page)
            prose = _prose(page)
            assert len(prose) > 5_000, "the chapter's prose did not render"
            left = sorted(set(m.group(0) for m in UNRENDERED.finditer(prose)))
            assert not left, f"unrendered MyST a student would see: {left}"
            assert expected in prose, f"the stated pension cost {expected} is not in the rendered prose"
            assert "premium deviation" in prose  # a {term} role renders as its text

            # A student edits the table on disk; running the cells again shows the new figure.
            table = copy / "data" / f"{PROSE_TABLE}.csv"
            text = table.read_text(encoding="utf-8")
            new_text, count = re.subn(r"(,actual_pension_cost,prose,NOK million,)583\.2\n", r"\g<1>612.3\n", text)
            assert count == 1, "the pension cost row was not found in the copy's table"
            table.write_text(new_text, encoding="utf-8")
            _run_all(page)
            changed = fmt(612.3, 1, "NOK million")  # a figure found nowhere else in the chapter
            assert changed in _prose(page), "the edited table was not re-read on the next run"
        finally:
            browser.close()
