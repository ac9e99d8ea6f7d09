"""Shared fixtures: the repository, a tiny data package to break on purpose, the source text, and the
book built once per test run for every test that reads it."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from aarsevaluering import data as data_module
from aarsevaluering.transcription import SOURCE_ENV, read_source, source_path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

TINY_DESCRIPTOR = {
    "name": "tiny",
    "resources": [
        {
            "name": "tiny_table",
            "path": "tiny_table.csv",
            "title": "Tiny",
            "chapter": "test",
            "source_lines": [1, 3],
            "unit": "NOK 1000",
            "schema": {
                "fields": [
                    {"name": "source_line", "type": "integer", "role": "meta", "constraints": {"required": True}},
                    {"name": "label", "type": "string", "role": "label", "constraints": {"required": True}},
                    {
                        "name": "row_kind",
                        "type": "string",
                        "role": "meta",
                        "constraints": {"required": True, "enum": ["item", "total"]},
                    },
                    {"name": "actual_2023", "type": "integer", "role": "value", "constraints": {"required": True}},
                    {"name": "deviation_pct", "type": "number", "role": "value", "decimals": 1},
                ],
                "primaryKey": ["label"],
            },
        }
    ],
}
TINY_CSV = "source_line,label,row_kind,actual_2023,deviation_pct\n1,Skatt,item,-1234,0.2\n2,Sum,total,-1234,0.2\n"
TINY_SOURCE = "Skatt -1 234 0,2 %\nSum -1 234 0,2 %\n\n"


@pytest.fixture
def tiny_package(tmp_path, monkeypatch):
    """A one-table data package in a temporary folder, used as the book's data folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "datapackage.json").write_text(json.dumps(TINY_DESCRIPTOR), encoding="utf-8")
    (folder / "tiny_table.csv").write_text(TINY_CSV, encoding="utf-8")
    monkeypatch.setenv("AARSEVALUERING_DATA", str(folder))
    data_module._package.cache_clear()
    yield folder
    data_module._package.cache_clear()


@pytest.fixture(scope="session")
def source_lines():
    """The report's text, from the path in the environment; skipped (with how to run) when unset."""
    path = source_path()
    if path is None:
        pytest.skip(
            f"set {SOURCE_ENV} to the report's text to run the transcription tests, e.g. "
            f"{SOURCE_ENV}=../shared/source/aarsevaluering-2023.txt make test (.ci/run does this)"
        )
    return read_source(path)  # a set but missing path raises: a failure, not a skip


def run_build(book: Path, out: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """``jupyter-book build`` of ``book`` into ``out`` as ``make book`` runs it (on every core, with
    warnings as errors), output captured."""
    return subprocess.run(
        [sys.executable, "-m", "aarsevaluering.build", "build", str(book), "--path-output", str(out)]
        + ["-W", "-n", "--keep-going"],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


BOOK_SOURCES = ("_config.yml", "_toc.yml", "_static", "_templates", "book", "notebooks", "data")


def copy_repo(tmp_path: Path, names=BOOK_SOURCES) -> Path:
    """A copy of the book's sources in ``tmp_path`` to build or break without touching the checkout."""
    dest = tmp_path / "book"
    dest.mkdir()
    for name in names:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "_parts"))
        else:
            shutil.copy2(src, dest / name)
    return dest


# The copies the book is built from in the tests, kept between runs of a checkout (ignored by git), so that
# each run's build is incremental: Sphinx runs again only the pages whose sources, tables or code changed
# (aarsevaluering/sphinxext.py), as ``make book`` does. A clean clone, as CI runs, has none and builds cold.
BUILD_CACHE = REPO / ".cache" / "test-books"
BUILD_FRESH_ENV = "AARSEVALUERING_TEST_BUILD_FRESH"  # "1": never reuse a kept copy
# Written by the build, not copied over it: the audit page's CSV files (a build from changed tables writes
# its own, and overwriting them would make the page look outdated on every run).
BUILD_OUTPUTS = ("notebooks/_generated/",)


def kept_copy(name: str, rewrite=None) -> Path:
    """A copy of the book's sources in ``.cache/test-books/<name>/book``, the same path on every run, with
    its ``_build`` kept: brought up to date file by file (a changed file is written anew, so Sphinx sees it
    newer than its last build; a file gone from the checkout is removed), ``rewrite(relative path, text)``
    applied to each CSV first where given. A copy whose last build did not succeed, or any copy when
    ``AARSEVALUERING_TEST_BUILD_FRESH=1``, is thrown away and made afresh: an incremental build is only
    trusted from a clean one (a page whose warnings a failed build printed would not print them again).
    Record the build's outcome with :func:`record_build`."""
    root = BUILD_CACHE / name
    record = root / "last-build.json"
    fresh = os.environ.get(BUILD_FRESH_ENV) == "1"
    if fresh or not record.exists() or json.loads(record.read_text(encoding="utf-8")).get("returncode") != 0:
        shutil.rmtree(root, ignore_errors=True)
    book = root / "book"
    book.mkdir(parents=True, exist_ok=True)
    record_build(name, None)  # until this build succeeds, the copy is not to be trusted
    wanted = set()
    for top in BOOK_SOURCES:
        source = REPO / top
        files = [source] if source.is_file() else sorted(f for f in source.rglob("*") if f.is_file())
        for path in files:
            relative = path.relative_to(REPO).as_posix()
            if ".ipynb_checkpoints" in relative or "/_parts/" in relative or "__pycache__" in relative:
                continue
            wanted.add(relative)
            target = book / relative
            if relative.startswith(BUILD_OUTPUTS) and target.exists():
                continue
            content = path.read_bytes()
            if rewrite is not None and relative.endswith(".csv"):
                content = rewrite(relative, content.decode("utf-8")).encode("utf-8")
            if not target.exists() or target.read_bytes() != content:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
    for top in BOOK_SOURCES:
        folder = book / top
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            relative = path.relative_to(book).as_posix()
            if path.is_file() and relative not in wanted and not relative.startswith(BUILD_OUTPUTS):
                path.unlink()
    return book


def kept_build(name: str, rewrite=None) -> tuple[Path, subprocess.CompletedProcess]:
    """Bring the kept copy ``name`` up to date (:func:`kept_copy`) and build it in place, as ``make book``
    builds (``AARSEVALUERING_DATA`` pointing at the copy's tables), holding a lock on the copy so that two
    test runs of the checkout never build it at once; the outcome is recorded for the next run."""
    BUILD_CACHE.mkdir(parents=True, exist_ok=True)
    with open(BUILD_CACHE / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        book = kept_copy(name, rewrite)
        result = run_build(book, book, env={**os.environ, "AARSEVALUERING_DATA": str(book / "data")})
        record_build(name, result.returncode)
    return book, result


def record_build(name: str, returncode: int | None) -> None:
    """Note how the last build of the kept copy ``name`` ended (``None``: under way or never finished)."""
    record = BUILD_CACHE / name / "last-build.json"
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps({"returncode": returncode}), encoding="utf-8")


@dataclass(frozen=True)
class SharedBuild:
    """The book built once per test run from a copy of its sources (:func:`shared_build`)."""

    book: Path  # the kept copy (:func:`kept_copy`): its sources, data/ and _build/; only tests/test_build.py
    # changes it, after the build, to rebuild it (the next run's copy restores it)
    site: Path  # a copy of the build's _build/html as built, for the tests that only read pages
    returncode: int
    log: str  # the build's stdout and stderr


def _run_folder(tmp_path_factory) -> Path:
    """A folder of this test run that every xdist worker sees (the workers' own temporary folders are
    made inside it); the run's own temporary folder without xdist."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def shared_build(tmp_path_factory) -> SharedBuild:
    """A copy of the book, built once per test run as ``make book`` builds it (``AARSEVALUERING_DATA``
    pointing at the copy's tables) and shared by every test process: the first to ask builds while
    the others wait on a file lock, then all read the same folder. The build tests assert on its log,
    the browser and layout tests open its pages; one build serves them all. The copy is kept between
    runs (:func:`kept_copy`), so a run builds only what changed since the last; CI's clean clone builds
    it whole."""
    folder = _run_folder(tmp_path_factory) / "shared-build"
    folder.mkdir(exist_ok=True)
    record = folder / "build.json"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if a worker dies
        if not record.exists():
            book, result = kept_build("shared")
            html = book / "_build" / "html"
            if html.is_dir():  # kept apart: tests/test_build.py rebuilds the copy after changing a table
                shutil.copytree(html, folder / "html")
            summary = {"returncode": result.returncode, "log": result.stdout + result.stderr}
            record.write_text(json.dumps(summary), encoding="utf-8")
    summary = json.loads(record.read_text(encoding="utf-8"))
    return SharedBuild(BUILD_CACHE / "shared" / "book", folder / "html", summary["returncode"], summary["log"])


@pytest.fixture(scope="session")
def served_book(tmp_path_factory):
    """The book built once per test run (:func:`browser_support.built_book`), served on 127.0.0.1 for the
    rest of the session: ``(its _build/html folder, the base URL)``."""
    from browser_support import built_book, chromium_path, served

    chromium_path()  # skip (fail under CI) before building the book when there is no browser
    site = built_book(tmp_path_factory)
    with served(site) as base:
        yield site, base


@pytest.fixture(scope="session")
def page_visits(served_book):
    """Every page of the book opened once in Chromium, and what it did (``tests/page_visits.py``): the
    real-browser and the layout tests read the same visit."""
    from browser_support import toc_pages
    from page_visits import visit_every_page

    return visit_every_page(served_book[1], toc_pages(REPO))


# Test files that share a session fixture too costly to compute twice run on the same xdist worker: the
# first file's scope stands for the others' (``--dist loadfile`` would otherwise send each file anywhere).
SAME_WORKER = {"tests/test_layout.py": "tests/test_browser.py"}


@pytest.hookimpl(optionalhook=True)  # the hook is xdist's: without xdist (-p no:xdist) it is never called
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadfile``, with the files in ``SAME_WORKER`` sent to the worker of the file they name."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class SharedVisitScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            scope = super()._split_scope(nodeid)
            return SAME_WORKER.get(scope, scope)

    return SharedVisitScheduling(config, log)


def pytest_terminal_summary(terminalreporter):
    """Print the figures tests recorded as ``record_property("summary", text)`` (also from xdist workers)."""
    for report in terminalreporter.stats.get("passed", []):
        for name, text in getattr(report, "user_properties", []):
            if name == "summary":
                terminalreporter.write_sep("-", report.nodeid.split("::")[-1])
                terminalreporter.write_line(text)


# The test files that take longest, longest first: with two workers taking whole files (--dist loadfile)
# in the order collected, a long file collected last would run alone at the end while the other worker
# idles. The files that build nothing come first, so the book's build (shared, on every core) starts
# while the other worker has work of its own.
LONGEST_FIRST = (
    "tests/test_binder.py",
    "tests/test_exercises.py",
    "tests/test_browser.py",
    "tests/test_layout.py",  # on test_browser.py's worker (SAME_WORKER), right after it
    "tests/test_escaping.py",
    "tests/test_build.py",
    "tests/test_perturbation.py",
    "tests/test_student_faults.py",
    "tests/test_jupyterlab.py",
    "tests/test_findings.py",
)


def pytest_collection_modifyitems(config, items):
    """Run the longest files first (``LONGEST_FIRST``); the others keep their order after them."""
    rank = {name: n for n, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))
