"""``python -m aarsevaluering.ci_summary test-artifacts/pytest.xml``: what failed, for a reviewer.

Reads the JUnit report that ``make test`` writes and prints a Markdown summary of the run: the counts,
then each failure, grouped by notebook and by the ``.py`` cell it comes from, or by test file. In a
GitHub Actions job it appends the summary to ``$GITHUB_STEP_SUMMARY`` (the job's summary page) and
prints one ``::error`` annotation per failure, on the line a reviewer reads in the diff; elsewhere it
prints the summary.

Three things make nbval's failures hard to read, and are undone here:

- nbval names a cell "Cell N", counting code cells only from 0, which matches nothing in the ``.py``.
  Here N becomes the stable id the ``.ipynb`` stores (``cell-007``, see ``aarsevaluering.sync``) and
  the line of that cell's ``# %%`` header in ``notebooks/<chapter>.py``.
- nbval hands pytest ``reference_output == test_output``: pytest marks the stored output ``+`` and
  the new one ``-``, the reverse of what a reader expects of a diff. Here the diff reads ``-`` stored
  (the ``.ipynb``), ``+`` new (this run), under headers that say so.
- Colour codes (``\\x1b[91m``, which JUnit stores as ``#x1B[91m``) are stripped everywhere.

The annotations come from the JUnit file too, for every test, rather than from a pytest plugin such as
pytest-github-actions-annotate-failures: that plugin would place an nbval failure on line 1 of the
``.ipynb`` (nbval reports no line), beside the annotation on the ``.py`` cell given here.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

# An ANSI colour code as the terminal gets it, or as pytest's JUnit writer escapes the ESC byte.
_ANSI = re.compile(r"(?:\x1b|#x1B)\[[0-9;]*[A-Za-z]")
_LOCATION = re.compile(r"^(\S+?\.py):(\d+): ", re.MULTILINE)
_CELL_HEADER = re.compile(r"^# %%(?:\s|$)")
# Lines of one failure shown in the summary, and in an annotation.
MAX_LINES = 60
MAX_ANNOTATION_LINES = 20


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


@dataclass
class Case:
    """One test case of the JUnit report."""

    classname: str
    name: str
    outcome: str  # passed, failed, error or skipped
    message: str = ""
    text: str = ""
    time: float = 0.0

    @property
    def notebook(self) -> str | None:
        """``notebooks/x.ipynb`` for an nbval cell (its class name is ``notebooks.x.ipynb``)."""
        if self.classname.endswith(".ipynb") and self.name.startswith(("Cell ", "Prose ")):
            return self.classname.removesuffix(".ipynb").replace(".", "/") + ".ipynb"
        return None


def read_junit(path: Path) -> list[Case]:
    cases = []
    for element in ET.parse(path).getroot().iter("testcase"):
        case = Case(element.get("classname", ""), element.get("name", ""), "passed", time=float(element.get("time", 0)))
        for outcome in ("failure", "error", "skipped"):
            found = element.find(outcome)
            if found is not None:
                case.outcome = "failed" if outcome == "failure" else outcome
                case.message = strip_ansi(found.get("message", ""))
                case.text = strip_ansi(found.text or "")
                break
        cases.append(case)
    return cases


@dataclass
class Cell:
    """Where nbval's "Cell N" of a notebook stands: its stored id and its header line in the ``.py``."""

    notebook: str
    number: int
    cell_id: str | None = None
    script: str | None = None
    line: int | None = None

    @property
    def label(self) -> str:
        return self.cell_id or f"Cell {self.number}"


@functools.cache
def script_cells(script: Path) -> list[tuple[int, str]]:
    """Each cell of a jupytext percent script as (line of its ``# %%`` header, its source as jupytext
    reads it), or [] when the headers do not match jupytext's own reading of the cells."""
    text = script.read_text(encoding="utf-8")
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if _CELL_HEADER.match(line)]
    cells = jupytext.reads(text, fmt="py:percent").cells
    return list(zip(lines, [c.source for c in cells], strict=True)) if len(lines) == len(cells) else []


def locate(root: Path, notebook: str, number: int | str) -> Cell:
    """nbval's code cell ``number`` (from 0) of ``notebook``, or the Markdown cell whose prose values
    ``tests/nbval_prose.py`` checks (named by its id, ``cell-012``), found in the ``.ipynb`` and its ``.py``."""
    cell = Cell(notebook, number if isinstance(number, int) else -1)
    try:
        cells = nbformat.read(root / notebook, as_version=4).cells
    except (OSError, ValueError):
        return cell
    if isinstance(number, str):
        matches = [index for index, c in enumerate(cells) if c.get("id") == number]
        if not matches:
            cell.cell_id = number
            return cell
        index = matches[0]
    else:
        code = [index for index, c in enumerate(cells) if c.cell_type == "code"]
        if number >= len(code):
            return cell
        index = code[number]
    cell.cell_id = cells[index].get("id")
    script = Path(notebook).with_suffix(".py")
    if (root / script).is_file():
        cell.script = script.as_posix()
        in_script = script_cells(root / script)
        if len(in_script) == len(cells):
            cell.line = in_script[index][0]
        else:  # the .py was edited and not synced: the one cell with the same source, if there is one
            same = [line for line, source in in_script if source == cells[index].source]
            cell.line = same[0] if len(same) == 1 else None
    return cell


def _swap_signs(hint: str) -> str:
    return hint.translate(str.maketrans("+-", "-+"))


def relabel_diff(lines: list[str]) -> list[str]:
    """pytest's diff of ``stored == new`` (``-`` new, ``+`` stored) as a reader's diff: ``-`` stored, ``+`` new.

    Each changed line keeps its ``?`` hint lines; within a run of changes, the stored lines come first.
    """
    out: list[str] = []
    run: list[tuple[bool, list[str]]] = []  # (is new, [line, hints...])

    def flush() -> None:
        for _, group in sorted(run, key=lambda item: item[0]):
            out.extend(group)
        run.clear()

    for raw in lines:
        line = raw[2:] if raw.startswith("  ") else raw  # nbval indents the diff by two spaces
        if line.startswith(("- ", "+ ")):
            new = line.startswith("- ")
            run.append((new, [("+ " if new else "- ") + line[2:]]))
        elif line.startswith("? ") and run:
            run[-1][1].append(_swap_signs(line))
        else:
            flush()
            out.append(line)
    flush()
    return out


def _trim(lines: list[str]) -> list[str]:
    """``lines`` without blank lines at either end."""
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


_NBVAL_LABELS = [
    (re.compile(r"^\s*<{6,} Reference outputs? from ipynb file:"), "stored output (the .ipynb):"),
    (re.compile(r"^\s*={6,} disagrees with newly computed \(test\) output:"), "new output (this run):"),
    (re.compile(r"^\s*>{6,}\s*$"), ""),
]


def nbval_details(case: Case, cell: Cell) -> tuple[str, list[str], str]:
    """The reason nbval gives ("Cell outputs differ"), the lines to show, and the fence's language."""
    text = case.text or case.message
    reason = re.search(r"^Cell \d+: (.+)$", text, re.MULTILINE)
    body = text.split("\nTraceback:\n", 1)[-1] if "\nTraceback:\n" in text else text
    lines = body.strip("\n").splitlines()
    marker = next((i for i, line in enumerate(lines) if "assert reference_output == test_output" in line), None)
    if marker is None:  # an exception, or nbval's own labels: name the sides plainly
        for pattern, label in _NBVAL_LABELS:
            lines = [pattern.sub(label, line) for line in lines]
        return (reason.group(1) if reason else case.message.splitlines()[0]), lines, "text"
    where = f"{cell.notebook}, {cell.label}"
    head = [line.strip() for line in lines[:marker] if line.strip()]  # " mismatch 'stdout'"
    rest = _trim(lines[marker + 1 :])[1:]  # without pytest's one-line 'stored' == 'new'
    diff = relabel_diff(_trim(rest))
    shown = [f"# {h}" for h in head] + [f"--- stored output ({where})", "+++ new output (this run)"] + diff
    return (reason.group(1) if reason else "Cell outputs differ"), shown, "diff"


def test_location(root: Path, case: Case) -> tuple[str, int | None]:
    """The test file and the failing line in it, from the traceback the JUnit report keeps."""
    parts = case.classname.split(".")
    candidates = ["/".join(parts) + ".py", "/".join(parts[:-1]) + ".py"]  # a module, or a class in one
    file = next((p for p in candidates if (root / p).is_file()), candidates[0])
    found = _LOCATION.findall(case.text)
    in_file = [int(line) for path, line in found if Path(path).as_posix().endswith(file)]
    if in_file:
        return file, in_file[-1]
    return (found[-1][0], int(found[-1][1])) if found else (file, None)


def _fence(lines: list[str], language: str) -> list[str]:
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [f"… {len(lines) - MAX_LINES} more lines in the test report"]
    ticks = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", "\n".join(lines))), default=0))
    return [f"{ticks}{language}", *lines, ticks]


def _details(lines: list[str], language: str) -> list[str]:
    """``lines`` in a fenced block behind a closed toggle, then a blank line."""
    return ["", "<details><summary>Details</summary>", "", *_fence(lines, language), "", "</details>", ""]


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(file: str, line: int | None, title: str, lines: list[str]) -> str:
    """A GitHub Actions ``::error`` workflow command."""
    where = f"file={_escape_property(file)}" + (f",line={line}" if line else "")
    message = "\n".join(lines[:MAX_ANNOTATION_LINES]) or title
    return f"::error {where},title={_escape_property(title)}::{_escape_data(message)}"


def render(cases: list[Case], root: Path) -> tuple[str, list[str]]:
    """The Markdown summary of a run and its annotations."""
    count = {o: sum(c.outcome == o for c in cases) for o in ("failed", "error", "passed", "skipped")}
    bad = [c for c in cases if c.outcome in ("failed", "error")]
    seconds = sum(c.time for c in cases)
    verdict = "✅ all passed" if not bad else f"❌ {len(bad)} failing"
    md = [
        f"## Tests: {verdict}",
        "",
        f"{count['failed']} failed, {count['error']} errors, {count['passed']} passed, {count['skipped']} skipped "
        f"({len(cases)} in all, {seconds:.0f} s of test time).",
    ]
    notes: list[str] = []
    by_notebook: dict[str, list[tuple[Case, Cell]]] = {}
    others: dict[str, list[tuple[Case, int | None]]] = {}
    for case in bad:
        if case.notebook:
            kind, name = case.name.split(maxsplit=1)
            cell = locate(root, case.notebook, int(name) if kind == "Cell" else name)
            by_notebook.setdefault(case.notebook, []).append((case, cell))
        else:
            file, line = test_location(root, case)
            others.setdefault(file, []).append((case, line))
    if by_notebook:
        md += ["", "### Notebooks", "", "nbval ran each notebook again and compared every cell's output with the "
               "output stored in the `.ipynb`. In a diff, `-` is the stored output and `+` the new one."]  # fmt: skip
    for notebook, failures in sorted(by_notebook.items()):
        script = failures[0][1].script or notebook
        md += ["", f"#### `{script}`", ""]
        for case, cell in failures:
            reason, lines, language = nbval_details(case, cell)
            at = f"line {cell.line}" if cell.line else "line unknown"
            md += [f"**{cell.label}** (`{script}` {at}; nbval's “{case.name}”): {reason}", *_details(lines, language)]
            notes.append(annotation(script, cell.line, f"{cell.label} ({notebook}): {reason}", lines))
    if others:
        md += ["", "### Tests"]
    for file, failures in sorted(others.items()):
        md += ["", f"#### `{file}`", ""]
        for case, line in failures:
            first = (case.message.strip().splitlines() or [case.outcome])[0]
            test = case.name + (" (error)" if case.outcome == "error" else "")
            lines = (case.text or case.message).strip("\n").splitlines()
            md += [f"**{test}** (line {line or 'unknown'}): {first}", *_details(lines, "text")]
            notes.append(annotation(file, line, f"{test}: {first}", lines))
    return "\n".join(md).rstrip("\n") + "\n", notes


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__)
        return 2
    report = Path(args[0])
    if report.is_file():
        summary, notes = render(read_junit(report), Path.cwd())
    else:
        summary = f"## Tests: no report\n\n`{report}` was not written: the run stopped before the tests "
        summary += "(see the log of `make test`: the set-up, the lint or the data check).\n"
        notes = []
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(summary)
    else:
        print(summary)
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
