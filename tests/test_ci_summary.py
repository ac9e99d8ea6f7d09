"""The CI job summary a reviewer reads: rendered from a failing JUnit report, it says what failed and where.

The report below is what pytest 9 with nbval 0.11 wrote (``--color=yes --junitxml``) for a chapter whose
stored output says 583.1 where the re-run prints 583.2, a test whose assertion fails, and two passes;
only the notebook's name was changed. Its notebook pair is written in the test's folder.
"""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml

from aarsevaluering import ci_summary

REPO = Path(__file__).resolve().parent.parent

JUNIT = """<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" \
failures="2" skipped="0" tests="4" time="1.631" timestamp="2026-12-05T12:53:05.962325+00:00" hostname="vm">\
<testcase classname="notebooks.pensjon.ipynb" name="Cell 0" time="1.243" />\
<testcase classname="notebooks.pensjon.ipynb" name="Cell 1" time="0.135"><failure message="#x1B[91mNotebook cell \
execution failed#x1B[0m&#10;#x1B[94mCell 1: Cell outputs differ&#10;&#10;Input:&#10;#x1B[0mprint(&quot;583.2 NOK \
million\\nsame line&quot;)&#10;&#10;#x1B[94mTraceback:#x1B[0m&#10;#x1B[94m mismatch 'stdout'#x1B[91m&#10;&#10; \
assert reference_output == test_output failed:&#10;&#10;  '583.1 NOK mi...\\nsame line\\n' == '583.2 NOK mi...\\nsame \
line\\n'&#10;  &#10;  #x1B[0m#x1B[91m- 583.2 NOK million#x1B[39;49;00m#x1B[90m#x1B[39;49;00m&#10;  ?     \
^#x1B[90m#x1B[39;49;00m&#10;  #x1B[92m+ 583.1 NOK million#x1B[39;49;00m#x1B[90m#x1B[39;49;00m&#10;  ?     \
^#x1B[90m#x1B[39;49;00m&#10;[+2 more lines; full report in element text]">#x1B[91mNotebook cell execution \
failed#x1B[0m
#x1B[94mCell 1: Cell outputs differ

Input:
#x1B[0mprint("583.2 NOK million\\nsame line")

#x1B[94mTraceback:#x1B[0m
#x1B[94m mismatch 'stdout'#x1B[91m

 assert reference_output == test_output failed:

  '583.1 NOK mi...\\nsame line\\n' == '583.2 NOK mi...\\nsame line\\n'
  
  #x1B[0m#x1B[91m- 583.2 NOK million#x1B[39;49;00m#x1B[90m#x1B[39;49;00m
  ?     ^#x1B[90m#x1B[39;49;00m
  #x1B[92m+ 583.1 NOK million#x1B[39;49;00m#x1B[90m#x1B[39;49;00m
  ?     ^#x1B[90m#x1B[39;49;00m
  #x1B[90m #x1B[39;49;00m same line#x1B[90m#x1B[39;49;00m
#x1B[0m
</failure></testcase><testcase classname="tests.test_totals" name="test_total_adds_up" time="0.001"><failure \
message="assert 3 == 4&#10; +  where 3 = total([1, 2])">def test_total_adds_up():
&gt;       assert total([1, 2]) == 4
E       assert 3 == 4
E        +  where 3 = total([1, 2])

tests/test_totals.py:6: AssertionError</failure></testcase><testcase classname="tests.test_totals" \
name="test_passes" time="0.000" /></testsuite></testsuites>
"""  # noqa: W291, W293  (the report's own trailing spaces)

CHAPTER = """\
# %% [markdown]
# # Pensjon

# %%
x = 1

# %% [markdown]
# Text

# %%
print("583.2 NOK million\\nsame line")
"""

TESTS = """\
def total(xs):
    return sum(xs)


def test_total_adds_up():
    assert total([1, 2]) == 4
"""


@pytest.fixture
def run(tmp_path, monkeypatch):
    """A checkout with the chapter's pair (ids as ``make sync`` stores them), the test file, the report."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "notebooks" / "pensjon.py").write_text(CHAPTER, encoding="utf-8")
    notebook = jupytext.reads(CHAPTER, fmt="py:percent")
    for number, cell in enumerate(notebook.cells, start=1):
        cell["id"] = f"cell-{number:03d}"
    nbformat.write(notebook, tmp_path / "notebooks" / "pensjon.ipynb")
    (tmp_path / "tests" / "test_totals.py").write_text(TESTS, encoding="utf-8")
    report = tmp_path / "test-artifacts" / "pytest.xml"
    report.parent.mkdir()
    report.write_text(JUNIT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path, report


def rendered(root: Path, report: Path) -> tuple[str, list[str]]:
    return ci_summary.render(ci_summary.read_junit(report), root)


def test_the_summary_counts_and_names_every_failure(run):
    summary, notes = rendered(*run)
    assert "2 failed, 0 errors, 2 passed, 0 skipped (4 in all" in summary
    assert "#### `notebooks/pensjon.py`" in summary and "#### `tests/test_totals.py`" in summary
    assert "**test_total_adds_up** (line 6): assert 3 == 4" in summary
    assert len(notes) == 2


def test_an_nbval_cell_is_named_by_its_stored_id_and_its_line_in_the_py(run):
    root, report = run
    # Found here without nbval's counting: the cell that prints, its id in the .ipynb, its header in the .py.
    cells = nbformat.read(root / "notebooks" / "pensjon.ipynb", as_version=4).cells
    (cell_id,) = [c["id"] for c in cells if c.source.startswith("print(")]
    lines = CHAPTER.splitlines()
    line = lines.index('print("583.2 NOK million\\nsame line")')  # the header stands on the line before (1-based)
    assert lines[line - 1] == "# %%"
    summary, notes = rendered(root, report)
    assert f"**{cell_id}** (`notebooks/pensjon.py` line {line}; nbval's “Cell 1”): Cell outputs differ" in summary
    assert notes[0].startswith(f"::error file=notebooks/pensjon.py,line={line},title={cell_id} ")


def test_the_diff_says_which_output_is_stored_and_which_is_new(run):
    summary, _ = rendered(*run)
    diff = summary.split("```diff\n")[1].split("```")[0].splitlines()
    stored, new = diff.index("- 583.1 NOK million"), diff.index("+ 583.2 NOK million")  # 583.1 is in the .ipynb
    assert diff.index("--- stored output (notebooks/pensjon.ipynb, cell-004)") < stored < new
    assert diff.index("+++ new output (this run)") < stored
    assert "  same line" in diff and "reference_output == test_output" not in summary


def test_no_colour_code_is_left(run):
    summary, notes = rendered(*run)
    for text in (summary, *notes):
        assert not re.search(r"\x1b|#x1B|\[[0-9;]*m", text), text


def test_annotations_point_at_the_failing_lines(run):
    _, notes = rendered(*run)
    test_note = notes[1]
    assert test_note.startswith("::error file=tests/test_totals.py,line=6,title=test_total_adds_up%3A assert 3 == 4::")
    assert "\n" not in test_note and "%0AE       assert 3 == 4%0A" in test_note


def test_the_summary_goes_to_the_job_summary_and_the_annotations_to_the_log(run, monkeypatch, capsys):
    root, report = run
    target = root / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    assert ci_summary.main([str(report)]) == 0
    out = capsys.readouterr().out
    assert target.read_text(encoding="utf-8").startswith("## Tests: ❌ 2 failing")
    assert [line for line in out.splitlines() if line] == rendered(root, report)[1]


def test_a_missing_report_is_said_plainly(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert ci_summary.main([str(tmp_path / "pytest.xml")]) == 0
    assert "was not written: the run stopped before the tests" in capsys.readouterr().out


@pytest.mark.parametrize("chapter", sorted(p.stem for p in (REPO / "notebooks").glob("*.ipynb")))
def test_every_code_cell_of_the_book_maps_to_its_py_header(chapter):
    """On the book's own pairs, nbval's numbers reach the stored id and the ``# %%`` header of the same cell."""
    notebook = f"notebooks/{chapter}.ipynb"
    cells = [c for c in nbformat.read(REPO / notebook, as_version=4).cells if c.cell_type == "code"]
    script = (REPO / notebook).with_suffix(".py").read_text(encoding="utf-8").splitlines()
    for number in (0, len(cells) - 1):
        cell = ci_summary.locate(REPO, notebook, number)
        assert cell.cell_id == cells[number]["id"], (notebook, number)
        assert cell.line, f"{notebook}, code cell {number}: no line in the .py (is the pair in sync? make sync)"
        header, first_line = script[cell.line - 1], cells[number].source.splitlines()[0]
        assert header.startswith("# %%") and "[markdown]" not in header
        assert first_line in script[cell.line :], (notebook, number, first_line)


def test_a_prose_item_is_found_by_its_cell_id_on_its_markdown_header():
    """nbval_prose names a Markdown cell by its stored id: the summary finds its ``# %% [markdown]`` line."""
    notebook = "notebooks/pensjon.ipynb"
    cells = nbformat.read(REPO / notebook, as_version=4).cells
    prose = next(c for c in cells if c.cell_type == "markdown" and "{eval}" in c.source)
    cell = ci_summary.locate(REPO, notebook, prose["id"])
    script = (REPO / notebook).with_suffix(".py").read_text(encoding="utf-8").splitlines()
    assert cell.cell_id == prose["id"] and cell.line, cell
    assert script[cell.line - 1].startswith("# %% [markdown]")


def test_the_workflow_writes_the_summary_and_the_book_whatever_the_tests_did():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["test"]["steps"]
    runs = [s.get("run", "").strip() for s in steps]
    junit = re.search(r"^JUNIT \?= (\S+)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.MULTILINE).group(1)
    tests = steps[runs.index("make test")]
    summary = steps[runs.index(f".venv/bin/python -m aarsevaluering.ci_summary {junit}")]
    assert summary["if"] == "always()" and runs.index("make test") < steps.index(summary)
    assert "--color=no" in tests["env"]["PYTEST_ADDOPTS"].split()  # nbval's codes too, not only pytest's
    book = steps.index(steps[runs.index("make book")])
    (upload,) = [s for s in steps[book:] if s.get("with", {}).get("path") == "_build/html"]
    for step in (steps[book], upload):
        assert step["if"] == "${{ !cancelled() }}", step
