"""Shared fixtures: the repository, a tiny data package to break on purpose, the source text."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
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


def pytest_terminal_summary(terminalreporter):
    """Print the figures tests recorded as ``record_property("summary", text)`` (also from xdist workers)."""
    for report in terminalreporter.stats.get("passed", []):
        for name, text in getattr(report, "user_properties", []):
            if name == "summary":
                terminalreporter.write_sep("-", report.nodeid.split("::")[-1])
                terminalreporter.write_line(text)
