"""A Sphinx extension that keeps the book from going stale when a table changes, and builds it on
every core.

Sphinx rebuilds a page when its source changes, and myst-nb's notebook cache keys on the code cells
only, so a changed CSV would leave every page showing the old numbers. Here each notebook, while the
build executes it, lists the files it reads (``aarsevaluering.data`` appends them to the file named
by ``AARSEVALUERING_READ_LOG``); those files become the page's dependencies, so the next build
executes again exactly the pages that read a changed table. The book's own code (``aarsevaluering/``)
and finding files are dependencies of every page that ran code: a change there runs those pages again.
Pages that paste glued figures from another page (``{glue:text}`../notebooks/x.ipynb::key```) are
rebuilt along with that page.

With ``python -m aarsevaluering.build`` (which passes Sphinx the number of cores) the pages are read,
and their notebooks executed, in parallel, one page per process at a time.

A notebook whose cell raises fails every build, whatever the command: ``jupyter-book build .`` with
or without ``-W``, or ``make book``. myst-nb would only warn (``execute.raise_on_error`` raises, but
in a parallel reader Sphinx passes on only the first line of the error, losing the traceback). So the
warning is left to this extension: once every page is read, in the main process, each failed
execution becomes one error with the notebook's path and the cell's traceback, and the build stops
with a non-zero exit before any page is written.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import sphinx.builders
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.errors import SphinxError

from .build import failure_file
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
    read = sorted(set(filter(None, log.read_text(encoding="utf-8").splitlines())))
    for line in read:
        env.note_dependency(line)
    # The page ran the book's code, whether or not it read a table (Contributing draws the swatches from
    # style.py and reads none): a changed module or finding file runs it again.
    if read or _runs_code(env.doc2path(env.docname)):
        for path in _code_files():
            env.note_dependency(str(path))


def _runs_code(source: str | Path) -> bool:
    """Whether a page's source executes code: a notebook, or a MyST page with a code cell."""
    path = Path(source)
    return path.suffix == ".ipynb" or (path.suffix == ".md" and "{code-cell}" in path.read_text(encoding="utf-8"))


def _code_files() -> list[Path]:
    """The book's own code and finding files, which every executed page runs: a changed ``tables.py`` or
    ``findings/*.yaml`` changes what a page shows though no table and no notebook changed, and Sphinx,
    which knows only a page's source, would keep the page as it was."""
    from .findings import FINDINGS_DIR

    package = Path(__file__).resolve().parent
    return sorted(package.rglob("*.py")) + sorted(FINDINGS_DIR.glob("*.yaml"))


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


# Two of jupyter-book's extensions do not say whether pages may be read in parallel, so Sphinx would
# read them (and execute the notebooks) one by one. Both are safe: they keep no state per page in the
# environment.
PARALLEL_SAFE = {
    # replaces the section numbering, which runs in the main process after all pages are read
    "sphinx_multitoc_numbering",
    # adds per-page transforms that rearrange the doctree for LaTeX output only
    "sphinx_jupyterbook_latex",
}


def _declare_parallel_safe(app: Sphinx) -> None:
    """Once every extension is loaded (jupyter-book loads some after this one)."""
    for name in PARALLEL_SAFE:
        extension = app.extensions.get(name)
        if extension is not None and extension.parallel_read_safe is None:
            extension.parallel_read_safe = True


def _one_page_per_chunk(arguments: list, nproc: int, maxbatch: int = 10) -> list[list]:
    """Sphinx hands each reader process a chunk of pages (five of eleven here), so one process would
    execute five notebooks while the other idles: with a chunk per page, both stay busy."""
    return [[argument] for argument in arguments]


_read_serial = sphinx.builders.Builder._read_serial


def _read_in_parallel_when_possible(self, docnames: list[str]) -> None:
    """Sphinx reads six or more pages in parallel and fewer one by one; after one CSV changed,
    the two or three notebooks that read it are worth running side by side too."""
    parallel = sphinx.builders.parallel_available and self.app.parallel > 1 and len(docnames) > 1
    if parallel and self.app.is_parallel_allowed("read"):
        self._read_parallel(docnames, nproc=self.app.parallel)
    else:
        _read_serial(self, docnames)


def _longest_first(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Start the notebooks that take longest first, so the two processes finish together and the quick
    Markdown pages fill the gaps at the end: by their last run's time, or before any run by the size
    of their code (the paired ``.py``)."""
    runs = getattr(env, "nb_metadata", {})

    def expected_seconds(docname: str) -> float:
        exec_data = runs.get(docname, {}).get("exec_data") or {}
        if exec_data.get("runtime"):
            return float(exec_data["runtime"])
        script = Path(env.srcdir) / f"{docname}.py"
        return script.stat().st_size / 10_000 if script.is_file() else 0.0

    docnames.sort(key=lambda name: (-expected_seconds(name), name))


class NotebookExecutionError(SphinxError):
    category = "Notebook execution failed"


# myst-nb's warning for a failed execution ("mystnb.exec"): under -W a reader process would raise it
# and the traceback would be lost; _fail_on_failed_notebooks reports the failure instead.
EXEC_WARNING = "mystnb.exec"


def _leave_execution_failures_to_us(app: Sphinx, config: Config) -> None:
    if EXEC_WARNING not in config.suppress_warnings:
        config.suppress_warnings = [*config.suppress_warnings, EXEC_WARNING]


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _last_line(traceback: str) -> str:
    """The line a reader needs from a cell's traceback: the exception and its message."""
    lines = [line.strip() for line in _ANSI.sub("", traceback).splitlines() if line.strip()]
    return lines[-1] if lines else "(no traceback)"


def _fail_on_failed_notebooks(app: Sphinx, env: BuildEnvironment) -> None:
    """After every page is read (and the readers' results merged): a notebook whose execution failed
    is an error, with its path and the traceback of the cell that raised, and one line per notebook
    (path, exception, message) written to :func:`failure_file` to close the build's output."""
    metadata = getattr(env, "nb_metadata", {})
    failed, summary = [], []
    for docname in sorted(env.found_docs):
        exec_data = metadata.get(docname, {}).get("exec_data") or {}
        if exec_data and not exec_data.get("succeeded", True):
            traceback = exec_data.get("traceback") or ""
            path = os.path.relpath(env.doc2path(docname), app.srcdir)
            failed.append(f"{path}: {exec_data.get('error')}\n{traceback}")
            summary.append(f"{path}: {_last_line(traceback)}")
    if failed:
        failure_file(app.outdir).write_text("; ".join(summary) + "\n", encoding="utf-8")
        raise NotebookExecutionError(f"{len(failed)} notebook(s) raised:\n\n" + "\n\n".join(failed))


def _refuse_stale_pairs(app: Sphinx) -> None:
    """The ``.py`` is the source: a paired ``.ipynb`` that does not hold its cells (the script was
    edited and not synced) would build the page from old code, so the build stops and says what to run."""
    from .sync import is_stale

    failure_file(app.outdir).unlink(missing_ok=True)
    stale = [
        script.relative_to(app.srcdir)
        for script in sorted(Path(app.srcdir, "notebooks").glob("*.py"))
        if script.with_suffix(".ipynb").exists() and is_stale(script)
    ]
    if stale:
        names = " ".join(str(s) for s in stale)
        message = (
            f"{', '.join(str(s.with_suffix('.ipynb')) for s in stale)} older than {names}: run "
            f"`make sync` (or `python -m aarsevaluering.sync --stale {names}`), or build with `make book`, which does"
        )
        failure_file(app.outdir).write_text(message + "\n", encoding="utf-8")
        raise NotebookExecutionError(message)


# The references page lists works by author and year, the way the text cites them
# ("Drammen kommune 2024"), in author order. pybtex's own sorting keys a corporate author written
# in braces ({Drammen kommune}) by its brace, after every personal name; here braces are ignored.
def _author_names(entry) -> list[str]:
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    return [" ".join(p.prelast_names + p.last_names).replace("{", "").replace("}", "") for p in persons]


def author_year_label(entry) -> str:
    """The label of one work as the text cites it: its authors, a comma, its year (n.d. if none)."""
    names = _author_names(entry)
    if len(names) > 2:
        who = f"{names[0]} et al."
    else:
        who = " and ".join(names) or entry.key
    return f"{who}, {entry.fields.get('year', 'n.d.')}"


def _register_author_year_style() -> None:
    from pybtex.plugin import register_plugin
    from pybtex.style.formatting.plain import Style as PlainStyle
    from pybtex.style.labels import BaseLabelStyle
    from pybtex.style.sorting import BaseSortingStyle

    class AuthorYearSorting(BaseSortingStyle):
        def sorting_key(self, entry):
            names = " ".join(_author_names(entry)).lower()
            return (names, entry.fields.get("year", ""), entry.fields.get("title", ""))

    class AuthorYearLabels(BaseLabelStyle):
        def format_labels(self, sorted_entries):
            labels = [author_year_label(entry) for entry in sorted_entries]
            for label, suffix in zip(labels, _suffixes(labels), strict=True):
                yield label + suffix

    class AuthorYearStyle(PlainStyle):
        default_sorting_style = AuthorYearSorting
        default_label_style = AuthorYearLabels

    register_plugin("pybtex.style.formatting", "authoryear", AuthorYearStyle, force=True)


def _suffixes(labels: list[str]) -> list[str]:
    """'a', 'b', ... after labels that occur more than once (IAASB 2009a, 2009b), else ''."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        if labels.count(label) > 1:
            out.append("abcdefghijklmnopqrstuvwxyz"[seen.get(label, 0)])
            seen[label] = seen.get(label, 0) + 1
        else:
            out.append("")
    return out


def setup(app: Sphinx) -> dict:
    _register_author_year_style()
    sphinx.builders.make_chunks = _one_page_per_chunk
    sphinx.builders.Builder._read_serial = _read_in_parallel_when_possible
    app.connect("builder-inited", _declare_parallel_safe)
    app.connect("builder-inited", _refuse_stale_pairs)
    app.connect("env-before-read-docs", _longest_first)
    app.connect("source-read", _start_log)
    app.connect("doctree-read", _note_dependencies)
    app.connect("env-get-outdated", _pasting_pages)
    app.connect("config-inited", _leave_execution_failures_to_us)
    app.connect("env-updated", _fail_on_failed_notebooks)
    # Each parallel reader is a process of its own, with its own environment variables.
    return {"parallel_read_safe": True, "parallel_write_safe": True}
