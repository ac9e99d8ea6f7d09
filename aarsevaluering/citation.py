"""A Sphinx extension that makes the book citable and its data downloadable in one piece.

- Every page's footer shows the book's version and release date and a "How to cite" block (a text
  citation and BibTeX, with the version; a DOI line once ``CITATION.cff`` has one), through the
  template ``_templates/extra-footer.html``. Version, date, title, authors, address and DOI come from
  ``CITATION.cff`` alone, read at every build, so the pages cannot drift from it.
- When the HTML is written, the data package becomes one zip, ``_downloads/aarsevaluering-2023-data.zip``
  in the output: every CSV beside ``datapackage.json`` (so its relative paths resolve), the index of the
  report's figures, the data's README and licence, and ``CITATION.cff``, in one folder. The data page
  (``aarsevaluering.catalogue``) links it.
"""

from __future__ import annotations

import datetime as dt
import json
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

    def context(self) -> dict:
        """The template's values, escaped for HTML."""
        return {
            "version": escape(self.version),
            "date": escape(self.date),
            "doi": escape(self.doi) if self.doi else "",
            "text": escape(self.text()),
            "bibtex": escape(self.bibtex()),
        }


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
    app.aarsevaluering_citation = (citation, path)
    config.version = config.release = citation.version
    # A config value of the HTML builder: a new version or date rewrites every page, not only changed ones.
    config.aarsevaluering_citation = citation.text() + "\n" + citation.bibtex()


def _page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    context["citation"] = app.aarsevaluering_citation[0].context()


def _bundle(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        citation, path = app.aarsevaluering_citation
        write_bundle(data_dir(), path, Path(app.outdir) / BUNDLE_PATH, citation.date)


def setup(app: Sphinx) -> dict:
    app.add_config_value("aarsevaluering_citation", "", "html", types=[str])
    app.connect("config-inited", _read)
    app.connect("html-page-context", _page)
    app.connect("build-finished", _bundle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
