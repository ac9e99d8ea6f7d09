"""CITATION.cff is valid Citation File Format 1.2.0, checked with cffconvert.

cffconvert 2.0.0 (its latest release) requires jsonschema 3, which would downgrade the book's jsonschema 4
(nbformat and jupyter-book use it). So it gets a virtual environment of its own, kept in ``.cache/``: the
book's environment stays as requirements.txt pins it, and a fresh clone needs nothing beyond `make test`
(pip reaches the package index, as it does for the book's own install).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import run_build

from aarsevaluering import citation as citation_module
from aarsevaluering import data as loader
from aarsevaluering.citation import BUNDLE_NAME, BUNDLE_PATH, Citation, write_bundle

REPO = Path(__file__).resolve().parent.parent
BOOK_URL = "https://aarsevaluering-2023.github.io/aarsevaluering-2023-book/"
# cffconvert and the versions that conflict with the book's, pinned; the rest resolves freely.
CFFCONVERT = ["cffconvert==2.0.0", "jsonschema==3.2.0", "pykwalify==1.8.0", "ruamel.yaml==0.19.1"]


@pytest.fixture(scope="module")
def cffconvert() -> Path:
    """cffconvert in a virtual environment of its own, kept between runs of a checkout in ``.cache/`` (ignored
    by git) under a key of what it installs, as the Binder test keeps its environment: made once (5 s of
    every run before), and anew when ``CFFCONVERT`` or the Python changes. A clean clone, as CI runs, makes it."""
    key = hashlib.sha256(f"{sys.version} {CFFCONVERT}".encode()).hexdigest()[:12]
    venv = REPO / ".cache" / f"cffconvert-{key}"
    venv.parent.mkdir(exist_ok=True)
    with open(venv.parent / "cffconvert.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one test run at a time makes it
        if not (venv / ".installed").is_file():
            shutil.rmtree(venv, ignore_errors=True)  # one that stopped half-way
            env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
            install = subprocess.run(
                [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-compile", *CFFCONVERT],
                capture_output=True, text=True, env=env, timeout=600,
            )  # fmt: skip
            assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
            (venv / ".installed").write_text("installed\n", encoding="utf-8")
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


# --- One source for version and date; the pages and the data bundle --------------------------------------


def cff() -> dict:
    return yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_has_the_projects_version_and_a_release_date():
    pyproject = re.search(r'^version = "(.+)"$', (REPO / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)
    citation = cff()
    assert str(citation["version"]) == pyproject.group(1)
    released = dt.date.fromisoformat(str(citation["date-released"]))
    assert dt.date(2024, 1, 1) <= released <= dt.date.today()  # after the report; not in the future
    assert citation["url"] == BOOK_URL
    descriptor = json.loads((REPO / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == str(citation["version"])  # the data package is released with the book


def test_zenodo_metadata_agree_with_the_citation_file_and_carry_no_version():
    """Zenodo reads .zenodo.json when a release is archived; the version comes from the release's tag."""
    zenodo, citation = json.loads((REPO / ".zenodo.json").read_text(encoding="utf-8")), cff()
    assert zenodo["title"] == citation["title"]
    assert zenodo["creators"] == [{"name": a["name"]} for a in citation["authors"]]
    assert zenodo["license"].lower() == citation["license"].lower()
    assert zenodo["keywords"] == citation["keywords"]
    assert "version" not in zenodo and "publication_date" not in zenodo  # so they cannot drift from the tag
    assert {"identifier": BOOK_URL, "relation": "isDocumentedBy", "scheme": "url"} in zenodo["related_identifiers"]


def test_the_citation_in_words_and_in_bibtex():
    book = Citation.read(REPO / "CITATION.cff")
    assert book.text().startswith(f"The aarsevaluering-2023 book contributors ({book.date[:4]}). ")
    assert f"version {book.version} ({book.date})" in book.text() and BOOK_URL in book.text()
    assert "doi" not in book.bibtex() and "doi.org" not in book.text()  # none yet
    with_doi = dataclasses.replace(book, doi="10.5281/zenodo.1234567")
    assert with_doi.text().endswith(" https://doi.org/10.5281/zenodo.1234567")
    assert "  doi     = {10.5281/zenodo.1234567}" in with_doi.bibtex().splitlines()
    assert f"  version = {{{book.version}}}," in book.bibtex().splitlines()


# A release of the future, in the copy the mini book is built from: the pages must show it, not the checkout's.
RELEASE = {"version": "9.8.7", "date-released": "2031-02-03", "doi": "10.5281/zenodo.1234567"}


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory) -> Path:
    """A two-page book with the real configuration and templates, its CITATION.cff set to RELEASE: the intro
    and a data page holding the committed data page's link to the bundle. Built once (about 15 s)."""
    book = tmp_path_factory.mktemp("citation") / "book"
    (book / "book").mkdir(parents=True)
    for name in ("_config.yml", "book/references.bib"):
        shutil.copy2(REPO / name, book / name)
    for folder in ("_static", "_templates"):
        shutil.copytree(REPO / folder, book / folder)
    text = (REPO / "CITATION.cff").read_text(encoding="utf-8")
    text = re.sub(r"^version: .*$", f"version: {RELEASE['version']}", text, flags=re.MULTILINE)
    text = re.sub(r"^date-released: .*$", f'date-released: "{RELEASE["date-released"]}"', text, flags=re.MULTILINE)
    (book / "CITATION.cff").write_text(text + f'doi: "{RELEASE["doi"]}"\n', encoding="utf-8")
    data_page = (REPO / "book" / "data.md").read_text(encoding="utf-8")
    (link,) = [line for line in data_page.splitlines() if BUNDLE_PATH in line]
    (book / "book" / "intro.md").write_text("# Mini\n\nA page.\n", encoding="utf-8")
    (book / "book" / "data.md").write_text(f"# Data\n\n{link}\n", encoding="utf-8")
    toc = "format: jb-book\nroot: book/intro\nchapters:\n  - file: book/data\n"
    (book / "_toc.yml").write_text(toc, encoding="utf-8")
    result = run_build(book, book)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return book / "_build" / "html"


def footer(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    assert html.count('id="how-to-cite"') == 1, page
    return html.split('id="how-to-cite"')[1].split("</details>")[0]


def test_every_page_shows_version_date_and_how_to_cite(mini_site):
    pages = [p for p in sorted(mini_site.rglob("*.html")) if not p.relative_to(mini_site).parts[0].startswith("_")]
    pages = [p for p in pages if 'http-equiv="Refresh"' not in p.read_text(encoding="utf-8")]  # index.html redirects
    assert {"book/intro.html", "book/data.html", "search.html"} <= {p.relative_to(mini_site).as_posix() for p in pages}
    doi = RELEASE["doi"]
    for page in pages:
        block = footer(page)
        assert f"Version {RELEASE['version']}, released {RELEASE['date-released']}." in block, page
        assert f'DOI: <a href="https://doi.org/{doi}">{doi}</a>' in block, page
        assert "<summary>How to cite</summary>" in block
        assert f"version {RELEASE['version']} ({RELEASE['date-released']}). {BOOK_URL} https://doi.org/{doi}" in block
        assert f"  version = {{{RELEASE['version']}}}," in block and f"  doi     = {{{doi}}}" in block
        assert cff()["version"] != RELEASE["version"] and f"Version {cff()['version']}," not in block


def test_the_data_page_links_the_bundle_and_the_bundle_is_the_whole_package(mini_site, tmp_path):
    page = (mini_site / "book" / "data.html").read_text(encoding="utf-8")
    (href,) = re.findall(r'href="([^"]*\.zip)"', page)
    bundle = (mini_site / "book" / href).resolve()
    assert bundle == (mini_site / BUNDLE_PATH).resolve() and bundle.is_file()
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path)
    folder = tmp_path / BUNDLE_NAME
    assert all(name.startswith(f"{BUNDLE_NAME}/") for name in names)
    data = REPO / "data"
    expected = {p.name for p in data.glob("*.csv")} | {
        "datapackage.json",
        "README.md",
        "LICENSE.md",
        "source_index.json",
    }
    assert {Path(n).name for n in names} == expected | {"CITATION.cff"} and len(names) == len(set(names))
    for name in expected:
        assert (folder / name).read_bytes() == (data / name).read_bytes(), name
    assert f"version: {RELEASE['version']}" in (folder / "CITATION.cff").read_text(encoding="utf-8")  # the book's
    # The descriptor inside validates with the project's loader, every path resolving inside the folder.
    resources = loader.read_descriptor(folder / "datapackage.json")
    assert {r.path.resolve().parent for r in resources} == {folder.resolve()}
    rows = {r.name: len(loader.validate(r)) for r in resources}
    assert rows == {r.name: len(loader.validate(r)) for r in loader.read_descriptor(data / "datapackage.json")}


def test_the_bundle_is_the_same_bytes_for_the_same_files(tmp_path):
    """Written twice from the same files, the zip does not change (a release archive can be compared)."""
    first, second = tmp_path / "1.zip", tmp_path / "2.zip"
    for out in (first, second):
        write_bundle(REPO / "data", REPO / "CITATION.cff", out, "2031-02-03")
    assert first.read_bytes() == second.read_bytes()


def test_the_footer_says_whether_the_version_is_released(tmp_path, monkeypatch):
    """ "Released" only of a version a commit is tagged with (or that has a DOI): designer s12 read "released" in
    the footer of a version nothing had tagged."""
    monkeypatch.delenv(citation_module.RELEASING_ENV, raising=False)
    book = Citation.read(REPO / "CITATION.cff")
    book = dataclasses.replace(book, doi=None)
    state = citation_module.release_state
    assert state(tmp_path, book) == citation_module.UNKNOWN  # no repository: it cannot tell

    def git(*args):
        subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                       check=True, capture_output=True)  # fmt: skip

    git("init", "-q")
    (tmp_path / "a").write_text("a", encoding="utf-8")
    git("add", "a")
    git("commit", "-q", "-m", "a")
    assert state(tmp_path, book) == citation_module.UNRELEASED
    assert "a pre-release: no commit is tagged" in citation_module.state_line(book, citation_module.UNRELEASED)
    git("tag", "-a", f"v{book.version}", "-m", "release")
    assert state(tmp_path, book) == citation_module.RELEASED
    assert (
        citation_module.state_line(book, citation_module.RELEASED) == f"Version {book.version}, released {book.date}."
    )
    git("commit", "-q", "--allow-empty", "-m", "b")
    assert state(tmp_path, book) == citation_module.LATER
    monkeypatch.setenv(citation_module.RELEASING_ENV, f"v{book.version}")  # make release, before it tags
    assert state(tmp_path, dataclasses.replace(book, version="9.9.9")) == citation_module.UNRELEASED
    assert state(tmp_path, book) == citation_module.RELEASED
    assert state(tmp_path, dataclasses.replace(book, doi="10.5281/zenodo.1")) == citation_module.RELEASED
