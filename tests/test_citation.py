"""CITATION.cff is valid Citation File Format 1.2.0, checked with cffconvert.

cffconvert 2.0.0 (its latest release) requires jsonschema 3, which would downgrade the book's jsonschema 4
(nbformat and jupyter-book use it). So it gets a virtual environment of its own, made once per test run
in pytest's temporary folder: the book's environment stays as requirements.txt pins it, and a fresh clone
needs nothing beyond `make test` (pip reaches the package index, as it does for the book's own install).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# cffconvert and the versions that conflict with the book's, pinned; the rest resolves freely.
CFFCONVERT = ["cffconvert==2.0.0", "jsonschema==3.2.0", "pykwalify==1.8.0", "ruamel.yaml==0.19.1"]


@pytest.fixture(scope="module")
def cffconvert(tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("cffconvert") / "venv"
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    install = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", *CFFCONVERT],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    return venv / "bin" / "cffconvert"


def validate(cffconvert: Path, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(cffconvert), "--validate", "-i", str(path)], capture_output=True, text=True, timeout=60)


def test_citation_file_is_valid(cffconvert):
    result = validate(cffconvert, REPO / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid according to schema version 1.2.0" in result.stdout


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("cff-version: 1.2.0", "cff-version: 1.2"),  # not a schema version
        ("  - type: report", "  - type: annual-report"),  # not a reference type
        ("authors:\n  - name: The aarsevaluering-2023 book contributors\n", ""),  # authors are required
    ],
)
def test_an_invalid_citation_file_fails(cffconvert, tmp_path, old, new):
    text = (REPO / "CITATION.cff").read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "CITATION.cff"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = validate(cffconvert, broken)
    assert result.returncode != 0, result.stdout + result.stderr
