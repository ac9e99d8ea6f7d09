"""What a student's change can break, and the one line that then says what and where (issue 22).

A renamed label, a deleted CSV, a script edited without re-running its notebook, a table edited while a
kernel runs, a discrepancy the findings do not cover: each is reproduced here as a student would cause
it, and each must end with a clear result, never a stale page or a placeholder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jupytext
import nbformat
import pandas as pd
import pytest
from conftest import REPO, TINY_CSV, TINY_DESCRIPTOR, run_build
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from aarsevaluering import checks, findings
from aarsevaluering.data import DataError, RowNotFound, load_current
from aarsevaluering.sync import ProseError, is_stale, sync

LOOKUP = (
    'from aarsevaluering import checks\nchecks.value(checks.from_disk("tiny_table"), "actual_2023", label="{label}")'
)


def run_notebook(source: str, folder: Path) -> nbformat.NotebookNode:
    notebook = jupytext.reads(source, fmt="py:percent")
    NotebookClient(notebook, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


# --- A renamed label -------------------------------------------------------------------------------


def test_a_lookup_that_matches_no_row_names_file_label_and_column(tiny_package):
    frame = checks.from_disk("tiny_table")
    with pytest.raises(RowNotFound) as caught:
        checks.value(frame, "actual_2023", label="Skat")
    message = str(caught.value)
    assert message.startswith(f"{tiny_package / 'tiny_table.csv'}: no row with label 'Skat'")
    assert "looking up column 'actual_2023'" in message and "\n" not in message


def test_in_a_notebook_a_renamed_label_is_one_line_not_a_traceback(tiny_package, tmp_path):
    """The kernel shows a data fault as its message alone: the line a student needs is the whole output."""
    source = "# %%\n" + LOOKUP.format(label="Skat")
    with pytest.raises(CellExecutionError) as caught:
        run_notebook(source, tmp_path)
    error = [o for o in caught.value.args[0].splitlines() if o.strip()][-1]
    assert error.startswith("RowNotFound: ") and "tiny_table.csv: no row with label 'Skat'" in error


def test_the_build_of_a_renamed_label_ends_with_its_one_line(tiny_package, tmp_path):
    book = mini_book(tmp_path, LOOKUP.format(label="Skat"))
    result = run_build(book, tmp_path / "out", env={**os.environ, "AARSEVALUERING_DATA": str(tiny_package)})
    assert result.returncode != 0
    last = (result.stdout + result.stderr).strip().splitlines()[-1]
    assert last.startswith("page.ipynb: RowNotFound: ") and "no row with label 'Skat'" in last, last
    assert "looking up column 'actual_2023'" in last


# --- Row numbers are the file's lines ------------------------------------------------------------


def test_messages_count_lines_as_an_editor_does(tiny_package):
    (tiny_package / "tiny_table.csv").write_text(TINY_CSV.replace("2,Sum,total,-1234", "2,Sum,total,"))
    with pytest.raises(DataError) as caught:
        load_current("tiny_table")
    # line 1 is the header; and English articles
    assert "line 3 (label 'Sum'), column 'actual_2023': empty, expected an integer" in str(caught.value)


# --- A table edited while the kernel runs ---------------------------------------------------------


def test_a_table_edited_on_disk_is_read_again_without_a_restart(tiny_package):
    assert checks.value(checks.from_disk("tiny_table"), "actual_2023", label="Skatt") == -1234
    time.sleep(0.01)  # a new modification time even on coarse clocks
    (tiny_package / "tiny_table.csv").write_text(TINY_CSV.replace("1,Skatt,item,-1234", "1,Skatt,item,-4321"))
    assert checks.value(checks.from_disk("tiny_table"), "actual_2023", label="Skatt") == -4321


# --- A deleted CSV ----------------------------------------------------------------------------------


def test_make_book_stops_on_a_table_the_data_package_lists_but_is_missing(tmp_path):
    """`make book` takes its inputs from the data package too, so a deleted CSV is not 'nothing to do'."""
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in ("Makefile", "requirements.txt", "pyproject.toml", "_config.yml", "_toc.yml", "CITATION.cff", "data"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, copy / name)
    for name in ("requirements.txt", "pyproject.toml"):  # older than the environment's stamp: no reinstall
        os.utime(copy / name, (0, 0))
    (copy / ".venv").symlink_to(REPO / ".venv")
    (copy / "data" / "bal_fund_reserves.csv").unlink()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    result = subprocess.run(["make", "book"], cwd=copy, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode != 0
    last = (result.stdout + result.stderr).strip().splitlines()[-1]
    assert "data/bal_fund_reserves.csv is listed in data/datapackage.json but missing" in last, last


# --- The .py is the source --------------------------------------------------------------------------


def pair(folder: Path, code: str) -> Path:
    """A script and its synced notebook in ``folder``."""
    script = folder / "chapter.py"
    script.write_text("# %%\n" + code + "\n\n# %% [markdown]\n# The answer is {eval}`txt.answer`.\n")
    sync(script)
    return script


PROSE = "from aarsevaluering.prose import Figures\ntxt = Figures()\nPERIOD = 7\ntxt.answer = f'{PERIOD} years'"


def test_sync_stores_the_prose_values_a_student_sees_before_running(tmp_path):
    script = pair(tmp_path, PROSE)
    cell = nbformat.read(script.with_suffix(".ipynb"), as_version=4).cells[1]
    (entry,) = cell.metadata["user_expressions"]
    assert entry["expression"] == "txt.answer" and entry["result"]["data"]["text/plain"] == "7 years"


def test_an_edited_script_makes_its_notebook_stale_until_synced(tmp_path):
    script = pair(tmp_path, PROSE)
    assert not is_stale(script)
    script.write_text(script.read_text().replace("PERIOD = 7", "PERIOD = 10"))
    assert is_stale(script)
    result = subprocess.run([sys.executable, "-m", "aarsevaluering.sync", "--stale", str(script)], cwd=tmp_path)
    assert result.returncode == 0 and not is_stale(script)
    cell = nbformat.read(script.with_suffix(".ipynb"), as_version=4).cells[1]
    assert cell.metadata["user_expressions"][0]["result"]["data"]["text/plain"] == "10 years"


def test_a_sentence_that_prints_a_figure_computed_only_later_fails_sync(tmp_path):
    script = tmp_path / "chapter.py"
    script.write_text(
        "# %%\nfrom aarsevaluering.prose import Figures\ntxt = Figures()\n\n"
        "# %% [markdown]\n# Too early: {eval}`txt.answer`.\n\n# %%\ntxt.answer = '42'\n"
    )
    with pytest.raises(ProseError) as caught:
        sync(script)
    assert "{eval}`txt.answer`" in str(caught.value) and "computed above this sentence" in str(caught.value)


def test_the_build_refuses_a_notebook_older_than_its_script(tmp_path):
    """A plain jupyter-book build (not make, which syncs first) stops and says what to run."""
    book = mini_book(tmp_path, "x = 1")
    notebooks = book / "notebooks"
    notebooks.mkdir()
    script = notebooks / "chapter.py"
    script.write_text("# %%\nx = 1\n")
    sync(script)
    script.write_text("# %%\nx = 2\n")
    result = run_build(book, tmp_path / "out", env=dict(os.environ))
    assert result.returncode != 0
    last = (result.stdout + result.stderr).strip().splitlines()[-1]
    assert "notebooks/chapter.ipynb older than notebooks/chapter.py" in last and "make sync" in last, last


# --- A discrepancy the findings do not cover -----------------------------------------------------


def test_a_discrepancy_without_a_finding_stops_with_one_line():
    all_checks = checks.run("pensjon")
    orphan = all_checks.iloc[[0]].assign(check_id="pensjon.student.made_up", status="discrepancy")
    with pytest.raises(findings.FindingsError) as caught:
        findings.require_consistent(pd.concat([all_checks, orphan], ignore_index=True), findings.load("pensjon"))
    message = str(caught.value)
    assert message.startswith("discrepancy without a finding: pensjon.student.made_up") and "\n" not in message
    assert "findings/<chapter>.yaml" in message


def test_a_finding_whose_checks_agree_again_stops_with_one_line():
    all_checks = checks.run("pensjon")
    chapter_findings = findings.load("pensjon")
    if not chapter_findings:
        pytest.fail("the pension chapter has no finding to make stale")
    members = findings.assign(all_checks, chapter_findings)
    healed = all_checks.copy()
    healed.loc[members["finding_id"] != "", "status"] = "exact"
    with pytest.raises(findings.FindingsError) as caught:
        findings.require_consistent(healed, chapter_findings)
    assert "finding " in str(caught.value) and "\n" not in str(caught.value)


# --- helpers --------------------------------------------------------------------------------------


def mini_book(tmp_path: Path, notebook_source: str) -> Path:
    """A one-notebook book with the real configuration and the tiny table, to break on purpose."""
    book = tmp_path / "mini"
    (book / "book").mkdir(parents=True)
    shutil.copy2(REPO / "_config.yml", book / "_config.yml")
    for folder in ("_static", "_templates"):
        shutil.copytree(REPO / folder, book / folder)
    shutil.copy2(REPO / "book" / "references.bib", book / "book" / "references.bib")
    for name in ("CITATION.cff",):  # what the configuration's extensions read
        if (REPO / name).exists():
            shutil.copy2(REPO / name, book / name)
    (book / "book" / "intro.md").write_text("# Mini\n", encoding="utf-8")
    (book / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nchapters:\n  - file: page\n", encoding="utf-8")
    notebook = jupytext.reads("# %% [markdown]\n# # Page\n\n# %%\n" + notebook_source + "\n", fmt="py:percent")
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    jupytext.write(notebook, book / "page.ipynb")
    data = book / "data"
    data.mkdir()
    (data / "datapackage.json").write_text(json.dumps(TINY_DESCRIPTOR), encoding="utf-8")
    (data / "tiny_table.csv").write_text(TINY_CSV, encoding="utf-8")
    return book
