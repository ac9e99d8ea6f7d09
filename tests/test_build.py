"""The build is a test: the book builds with zero warnings, and each kind of fault fails it loudly."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest
from conftest import (
    BIN,
    BOOK_SOURCES,
    REPO,
    TINY_CSV,
    TINY_DESCRIPTOR,
    copy_repo,
    record_build,
    run_build,
    shared_build,
)


@pytest.fixture(scope="module")
def built_copy(tmp_path_factory):
    """A copy of the book and its data, built once per test run (the build the browser and layout
    tests open, :func:`conftest.shared_build`); the copy's ``data/`` is the data read. Only this module
    changes the copy, and only after the build."""
    build = shared_build(tmp_path_factory)
    return build, {**os.environ, "AARSEVALUERING_DATA": str(build.book / "data")}


def test_book_builds_without_warnings(built_copy):
    build, _ = built_copy
    log = build.log
    assert build.returncode == 0, log[-4000:]
    assert "build succeeded" in log and "warning" not in log.split("build succeeded")[-1].split("\n")[0]
    html = build.site
    assert (html / "index.html").exists()
    for chapter in ("driftsregnskap", "investeringsregnskap", "balanse", "pensjon", "personnel", "audit"):
        assert (html / "notebooks" / f"{chapter}.html").exists(), chapter


def executed(log: str) -> list[str]:
    return sorted(re.findall(r"notebooks/(\w+)\.ipynb: (?:Executing notebook|Starting inline execution)", log))


def test_a_changed_csv_never_leaves_the_book_stale(built_copy, tmp_path):
    """Nothing changed: nothing runs. One CSV changed: the pages that read it run again, and show it.
    Afterwards the kept copy is put back as it was built (the table, and the build and the audit's CSV files
    it wrote, with their times), so the next run does not build those pages again for nothing."""
    build, env = built_copy
    book = build.book
    assert build.returncode == 0
    again = run_build(book, book, env=env)
    log = again.stdout + again.stderr
    assert again.returncode == 0, log[-3000:]
    assert "0 added, 0 changed, 0 removed" in log and executed(log) == []

    table = book / "data" / "pers_average_pay_total.csv"
    text = table.read_text(encoding="utf-8")
    assert ",567153," in text
    built = {name: tmp_path / name.replace("/", "_") for name in ("_build", "notebooks/_generated")}
    for name, kept in built.items():
        shutil.copytree(book / name, kept, symlinks=True)  # copy2: the times as built
    times = table.stat()
    record_build("shared", None)  # the kept copy is trusted again once it is as it was built
    try:
        table.write_text(text.replace(",567153,", ",567891,"), encoding="utf-8")
        after = run_build(book, book, env=env)
        log = after.stdout + after.stderr
        assert after.returncode == 0, log[-3000:]
        # The personnel chapter shows the table; the audit page runs every identity. No other page reads it.
        assert executed(log) == ["audit", "personnel"]
        page = (book / "_build" / "html" / "notebooks" / "personnel.html").read_text(encoding="utf-8")
        assert "567\N{NO-BREAK SPACE}891" in page and "567\N{NO-BREAK SPACE}153" not in page
    finally:
        table.write_text(text, encoding="utf-8")
        os.utime(table, ns=(times.st_atime_ns, times.st_mtime_ns))
        for name, kept in built.items():
            shutil.rmtree(book / name)
            shutil.copytree(kept, book / name, symlinks=True)
        record_build("shared", build.returncode)


def test_a_changed_module_or_finding_file_runs_the_pages_again(built_copy):
    """The book's own code and finding files are dependencies of every page that ran it: a change to
    ``tables.py`` or ``findings/*.yaml`` changes what a page shows though no table and no notebook changed
    (Sphinx alone would keep the page). Read from the build's environment, not by editing the checkout."""
    import pickle

    from aarsevaluering import findings, tables

    build, _ = built_copy
    environment = pickle.loads((build.book / "_build" / ".doctrees" / "environment.pickle").read_bytes())
    code = {str(Path(tables.__file__).resolve()), str(next(findings.FINDINGS_DIR.glob("*.yaml")).resolve())}
    # book/contributing runs code (the swatches from style.py) but reads no table: it depends on the code too.
    for page in ("notebooks/pensjon", "notebooks/audit", "book/intro", "book/contributing"):
        assert code <= {str(Path(d).resolve()) for d in environment.dependencies[page]}, page
    assert not environment.dependencies.get("book/glossary"), "a page that runs no code depends on none"


def mini_book(tmp_path: Path, notebook_source: str, markdown: str = "") -> Path:
    """A one-notebook book with the real configuration, to break on purpose."""
    book = tmp_path / "mini"
    (book / "book").mkdir(parents=True)
    shutil.copy2(REPO / "_config.yml", book / "_config.yml")
    for folder in ("_static", "_templates"):  # what the configuration refers to
        shutil.copytree(REPO / folder, book / folder)
    shutil.copy2(REPO / "book" / "references.bib", book / "book" / "references.bib")
    (book / "book" / "intro.md").write_text("# Mini\n", encoding="utf-8")
    (book / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nchapters:\n  - file: page\n", encoding="utf-8")
    text = "# %% [markdown]\n# # Page\n" + "".join(f"# {line}\n" for line in markdown.splitlines())
    text += "\n# %%\n" + notebook_source + "\n"
    notebook = jupytext.reads(text, fmt="py:percent")
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    jupytext.write(notebook, book / "page.ipynb")
    return book


def build_output(book: Path, tmp_path: Path, env_extra: dict | None = None) -> tuple[int, str]:
    import os

    env = {**os.environ, **(env_extra or {})}
    result = run_build(book, tmp_path / "out", env=env)
    return result.returncode, result.stdout + result.stderr


RAISING_CELL = (
    'def deliberately_failing():\n    raise RuntimeError("deliberate failure in a cell")\n\n\ndeliberately_failing()'
)

# The plain jupyter-book command, read one page at a time, with and without -W; ``make book``'s command
# (pages read in parallel, -W) is tested through make below.
BUILD_COMMANDS = {
    "jupyter-book": [str(BIN / "jupyter-book"), "build"],
    "jupyter-book-W": [str(BIN / "jupyter-book"), "build", "-W"],
}


@pytest.mark.parametrize("command", BUILD_COMMANDS)
def test_a_cell_that_raises_fails_the_build(tmp_path, command):
    """Whatever the command, a raising cell fails the build, and the output holds the cell's traceback:
    the notebook, the code of the cell and the frame that raised, and the error."""
    book = mini_book(tmp_path, RAISING_CELL)
    result = subprocess.run(
        [*BUILD_COMMANDS[command], str(book), "--path-output", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    log = strip_ansi(result.stdout + result.stderr)
    assert result.returncode != 0, log[-3000:]
    assert "Notebook execution failed" in log and "page.ipynb: CellExecutionError" in log  # relative to the book
    for part in (
        "----> 2     raise RuntimeError",
        "deliberately_failing()",
        "RuntimeError: deliberate failure in a cell",
    ):
        assert part in log, (part, log[-3000:])
    assert not (tmp_path / "out" / "_build" / "html" / "page.html").exists(), "a page with a traceback was written"


def strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def make_in(book: Path) -> None:
    """Give ``book`` the Makefile and what its set-up stamp is computed from (the installed environment's)."""
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(REPO / name, book / name)


def test_make_book_fails_on_a_cell_that_raises(tmp_path, tiny_package):
    book = mini_book(tmp_path, RAISING_CELL)
    make_in(book)
    # BOOK_INPUTS: the mini book has no notebooks/ or data/ folders for make to watch.
    result = subprocess.run(
        ["make", "book", f"VENV={BIN.parent}", "BOOK_INPUTS=_config.yml"],
        cwd=book, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    log = strip_ansi(result.stdout + result.stderr)
    assert result.returncode != 0, log[-3000:]
    assert "RuntimeError: deliberate failure in a cell" in log and "----> 2     raise RuntimeError" in log
    assert not (book / "_build" / ".book-built").exists()


def test_a_missing_glue_key_fails_the_build(tmp_path):
    source = 'from myst_nb import glue\nglue("present_key", "1", display=False)'
    book = mini_book(tmp_path, source, markdown="Value: {glue:text}`absent_key:s`")
    code, log = build_output(book, tmp_path)
    assert code != 0
    assert "absent_key" in log


def test_a_csv_that_fails_its_schema_fails_the_build(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "datapackage.json").write_text(json.dumps(TINY_DESCRIPTOR), encoding="utf-8")
    (data / "tiny_table.csv").write_text(TINY_CSV.replace("Skatt,item,-1234", 'Skatt,item,"-1 234"'), encoding="utf-8")
    book = mini_book(tmp_path, 'from aarsevaluering import load\nload("tiny_table")')
    code, log = build_output(book, tmp_path, {"AARSEVALUERING_DATA": str(data)})
    assert code != 0
    # Checked before Sphinx starts: the loader's message is the last line.
    last = log.strip().splitlines()[-1]
    assert last.startswith(f"{data / 'tiny_table.csv'}, line 2 (label 'Skatt'), column 'actual_2023': '-1 234' is not")
    assert "Running Sphinx" not in log


def test_nbval_catches_a_changed_stored_output(tmp_path):
    """Change one stored output of a real notebook: nbval must fail on it."""
    source = REPO / "notebooks" / "audit.ipynb"
    notebook = json.loads(source.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        outputs = [o for o in cell.get("outputs", []) if "data" in o and "text/plain" in o["data"]]
        if outputs:
            outputs[0]["data"]["text/plain"] = ["a value that the code does not produce"]
            break
    else:
        pytest.fail("audit.ipynb has no text/plain output to change")
    changed = tmp_path / "changed.ipynb"
    changed.write_text(json.dumps(notebook), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", str(changed), "-p", "no:xdist", "-p", "no:cacheprovider",
         "-o", "addopts=", "--rootdir", str(tmp_path), "-q"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode != 0, result.stdout[-2000:]
    assert "Cell outputs differ" in result.stdout and "mismatch 'text/plain'" in result.stdout


def test_make_book_does_nothing_until_an_input_changes(tmp_path):
    """``make book`` skips the build when no source, table or module file is newer than the last one."""
    names = (
        *BOOK_SOURCES,
        "aarsevaluering",
        "findings",
        "CITATION.cff",
        "Makefile",
        "requirements.txt",
        "pyproject.toml",
    )
    book = copy_repo(tmp_path, names=names)
    venv = f"VENV={BIN.parent}"  # the installed environment: its stamp matches the copied requirements
    built = book / "_build" / ".book-built"
    built.parent.mkdir()
    built.touch()
    later = built.stat().st_mtime + 60

    def up_to_date() -> bool:
        # the build's own target: `book` itself has a recipe (it reports a failed build's one line), so -q
        # would always call it out of date
        result = subprocess.run(["make", "-q", "_build/.book-built", venv], cwd=book, capture_output=True, text=True)
        assert result.returncode in (0, 1), result.stderr
        return result.returncode == 0

    os.utime(built, (later, later))
    assert up_to_date()
    for changed in ("data/pers_average_pay_total.csv", "notebooks/pensjon.ipynb", "aarsevaluering/fmt.py"):
        os.utime(built, (later, later))
        os.utime(book / changed, (later + 1, later + 1))
        assert not up_to_date(), changed


def test_the_benchmark_builds_from_the_same_sources_as_the_tests():
    """``make bench`` builds a copy of the book: it must copy everything the configuration refers to."""
    spec = importlib.util.spec_from_file_location("bench", REPO / "benchmarks" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = bench  # its dataclasses look their module up
    spec.loader.exec_module(bench)
    assert set(BOOK_SOURCES) <= set(bench.SOURCES), set(BOOK_SOURCES) - set(bench.SOURCES)
