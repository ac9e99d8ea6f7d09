"""A Sphinx extension that keeps the book from going stale when a table changes.

Sphinx rebuilds a page when its source changes, and myst-nb's notebook cache keys on the code cells
only, so a changed CSV would leave every page showing the old numbers. Here each notebook, while the
build executes it, lists the files it reads (``aarsevaluering.data`` appends them to the file named
by ``AARSEVALUERING_READ_LOG``); those files become the page's dependencies, so the next build
executes again exactly the pages that read a changed table. Pages that paste glued figures from
another page (``{glue:text}`../notebooks/x.ipynb::key```) are rebuilt along with that page.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .data import READ_LOG_ENV

# A glue role pasting from another document: {glue:text}`../notebooks/balanse.ipynb::key:s`
_CROSS_GLUE = re.compile(r"\{glue(?::\w+)?\}`([^`:]+?\.(?:ipynb|md))::")


def _log_path(app: Sphinx, docname: str) -> Path:
    return Path(app.doctreedir) / "aarsevaluering-reads" / f"{docname.replace('/', '__')}.txt"


def _start_log(app: Sphinx, docname: str, source: list[str]) -> None:
    """Before a page is parsed (and its notebook executed): a fresh log of the files it reads."""
    log = _log_path(app, docname)
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("", encoding="utf-8")
    os.environ[READ_LOG_ENV] = str(log)


def _note_dependencies(app: Sphinx, doctree) -> None:
    """After a page is read: every file its notebook read becomes a dependency of the page."""
    os.environ.pop(READ_LOG_ENV, None)
    env = app.env
    log = _log_path(app, env.docname)
    if not log.exists():
        return
    for line in sorted(set(log.read_text(encoding="utf-8").splitlines())):
        if line:
            env.note_dependency(line)


def _pasting_pages(app: Sphinx, env: BuildEnvironment, added: set, changed: set, removed: set) -> list[str]:
    """Pages pasting glue from a page that is about to be rebuilt are rebuilt too."""
    rebuilt = set(added) | set(changed)
    if not rebuilt:
        return []
    extra = []
    for docname in sorted(env.found_docs - rebuilt):
        path = Path(env.doc2path(docname))
        if not path.is_file() or path.suffix != ".md":
            continue
        for target in _CROSS_GLUE.findall(path.read_text(encoding="utf-8")):
            source = os.path.normpath(os.path.join(os.path.dirname(docname), target))
            if os.path.splitext(source)[0] in rebuilt:
                extra.append(docname)
                break
    return extra


def setup(app: Sphinx) -> dict:
    app.connect("source-read", _start_log)
    app.connect("doctree-read", _note_dependencies)
    app.connect("env-get-outdated", _pasting_pages)
    return {"parallel_read_safe": False, "parallel_write_safe": True}
