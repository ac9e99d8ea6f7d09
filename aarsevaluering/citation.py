"""A Sphinx extension that makes the book citable and its data downloadable in one piece.

- Every page's footer shows the book's version, whether it is released (:func:`release_state`), and a
  "How to cite" block (a text citation and BibTeX, with the version; a DOI line once ``CITATION.cff`` has
  one), through the template ``_templates/extra-footer.html``. Version, date, title, authors, address and DOI come from
  ``CITATION.cff`` alone, read at every build, so the pages cannot drift from it.
- When the HTML is written, the data package becomes one zip, ``_downloads/aarsevaluering-2023-data.zip``
  in the output: every CSV beside ``datapackage.json`` (so its relative paths resolve), the index of the
  report's figures, the data's README and licence, and ``CITATION.cff``, in one folder. The data page
  (``aarsevaluering.catalogue``) links it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import zipfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .data import DESCRIPTOR_NAME, REPO_ROOT, data_dir

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CITATION_FILE = "CITATION.cff"
BUNDLE_NAME = "aarsevaluering-2023-data"
# Where the build writes the bundle, relative to the HTML output folder.
BUNDLE_PATH = f"_downloads/{BUNDLE_NAME}.zip"
# The data package's files other than its tables (relative to data/), and the citation (to the root).
BUNDLE_EXTRAS = ("README.md", "LICENSE.md", "source_index.json")
# What the build knows of the version it shows (RELEASING.md: a release tags its commit vX.Y.Z, then gets a DOI):
RELEASED, LATER, UNRELEASED, UNKNOWN = "released", "later", "unreleased", "unknown"
# `make release` builds the book before it tags the commit: it says so in this variable, set to the tag.
RELEASING_ENV = "AARSEVALUERING_RELEASING"


def citation_file(root: Path) -> Path:
    """``CITATION.cff`` of the book at ``root``, or the checkout's when the book was copied without it."""
    path = Path(root) / CITATION_FILE
    return path if path.is_file() else REPO_ROOT / CITATION_FILE


@dataclass(frozen=True)
class Citation:
    """What a reader needs to cite the book, as ``CITATION.cff`` states it."""

    title: str
    authors: str
    version: str
    date: str  # ISO, YYYY-MM-DD
    url: str
    doi: str | None = None

    @classmethod
    def read(cls, path: Path) -> Citation:
        cff = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        names = [a.get("name") or f"{a.get('given-names', '')} {a['family-names']}".strip() for a in cff["authors"]]
        return cls(
            title=cff["title"],
            authors=" and ".join(names),
            version=str(cff["version"]),
            date=str(cff["date-released"]),
            url=cff.get("url") or cff["repository-code"],
            doi=cff.get("doi"),
        )

    @property
    def year(self) -> str:
        return self.date[:4]

    def text(self) -> str:
        """A citation in words: authors (year). Title, version (date). Address [DOI]."""
        doi = f" https://doi.org/{self.doi}" if self.doi else ""
        return f"{self.authors} ({self.year}). {self.title}, version {self.version} ({self.date}). {self.url}{doi}"

    def bibtex(self) -> str:
        fields = [
            ("author", f"{{{self.authors}}}"),  # a group's name, kept whole
            ("title", self.title),
            ("year", self.year),
            ("date", self.date),
            ("version", self.version),
            ("note", f"Version {self.version}"),
            ("url", self.url),
        ]
        if self.doi:
            fields.append(("doi", self.doi))
        key = "aarsevaluering2023book-v" + self.version.replace(".", "-")
        body = ",\n".join(f"  {name:<7} = {{{value}}}" for name, value in fields)
        return f"@misc{{{key},\n{body}\n}}"

    def context(self, state: str = RELEASED) -> dict:
        """The template's values, escaped for HTML; ``state`` as :func:`release_state` gives it."""
        return {
            "state": escape(state_line(self, state)),
            "version": escape(self.version),
            "date": escape(self.date),
            "doi": escape(self.doi) if self.doi else "",
            "text": escape(self.text()),
            "bibtex": escape(self.bibtex()),
        }


def _git(root: Path, *args: str) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None


def release_state(root: Path, citation: Citation) -> str:
    """Whether the version ``CITATION.cff`` names is released, as far as this build can see (designer s12: the
    footer said "released" of a version nothing had tagged). ``released``: a DOI (added after a release is
    published), the tag ``vX.Y.Z`` on the commit built, or `make release` building it; ``later``: the tag is on an
    ancestor; ``unreleased``: a full clone without the tag; ``unknown``: no repository, or a shallow one (CI's
    checkout) without the tag, where its absence proves nothing."""
    tag = f"v{citation.version}"
    if citation.doi or os.environ.get(RELEASING_ENV) == tag:
        return RELEASED
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside is None or inside.returncode != 0 or inside.stdout.strip() != "true":
        return UNKNOWN
    tagged = _git(root, "rev-parse", "-q", "--verify", f"refs/tags/{tag}^{{commit}}")
    if tagged is not None and tagged.returncode == 0:
        head = _git(root, "rev-parse", "HEAD")
        return RELEASED if head is not None and head.stdout.strip() == tagged.stdout.strip() else LATER
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    return UNKNOWN if shallow is None or shallow.stdout.strip() != "false" else UNRELEASED


def state_line(citation: Citation, state: str) -> str:
    """The footer's first sentence: the version and what the build knows of its release."""
    v, date, tag = citation.version, citation.date, f"v{citation.version}"
    return {
        RELEASED: f"Version {v}, released {date}.",
        LATER: f"Version {v}, released {date}; this build is of a later commit, not the release itself.",
        UNRELEASED: f"Version {v}, a pre-release: no commit is tagged {tag} yet, so cite it with the date you read it.",
        UNKNOWN: f"Version {v} (CITATION.cff gives {date} as its release date); this build could not see "
        f"whether a commit is tagged {tag}, so it cannot say whether that version is released.",
    }[state]


def bundle_files(data: Path, citation: Path) -> list[tuple[Path, str]]:
    """Every file of the bundle and its name inside the zip's folder: the descriptor, each table it
    describes (at the path it gives), the package's other files, and the citation file."""
    descriptor = json.loads((data / DESCRIPTOR_NAME).read_text(encoding="utf-8"))
    names = [DESCRIPTOR_NAME, *(r["path"] for r in descriptor["resources"])]
    names += [name for name in BUNDLE_EXTRAS if (data / name).is_file()]
    return [(data / name, name) for name in names] + [(citation, CITATION_FILE)]


def write_bundle(data: Path, citation: Path, out: Path, released: str) -> Path:
    """The zip of the data package at ``out``, the same bytes for the same files (each dated ``released``)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    stamp = dt.date.fromisoformat(released).timetuple()[:6]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, name in bundle_files(data, citation):
            info = zipfile.ZipInfo(f"{BUNDLE_NAME}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return out


def _read(app: Sphinx, config) -> None:
    path = citation_file(Path(app.srcdir))
    citation = Citation.read(path)
    state = release_state(Path(app.srcdir), citation)
    app.aarsevaluering_citation = (citation, path, state)
    config.version = config.release = citation.version
    # A config value of the HTML builder: a new version, date or release state rewrites every page, not only
    # changed ones.
    config.aarsevaluering_citation = state_line(citation, state) + "\n" + citation.text() + "\n" + citation.bibtex()


def _page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    citation, _, state = app.aarsevaluering_citation
    context["citation"] = citation.context(state)


def _bundle(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        citation, path, _ = app.aarsevaluering_citation
        write_bundle(data_dir(), path, Path(app.outdir) / BUNDLE_PATH, citation.date)


def setup(app: Sphinx) -> dict:
    app.add_config_value("aarsevaluering_citation", "", "html", types=[str])
    app.connect("config-inited", _read)
    app.connect("html-page-context", _page)
    app.connect("build-finished", _bundle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
