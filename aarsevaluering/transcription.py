"""Check that every CSV row stands in the report's text, as printed, on the line it names.

The check runs on the text itself when ``AARSEVALUERING_SOURCE`` names it, and everywhere else on the
committed index of the text's figures, ``data/source_index.json`` (:mod:`aarsevaluering.source_index`):
the same lines with their words taken out. The matching is the same on both; on the index, the row's
label is read with its words taken out too, so a run still has to start right after the label or a
word.

A printed line such as ``1 460 673 1 320 100 1 976 827`` cannot be split back into numbers (spaces
group thousands and separate columns alike), so the check goes the other way: it renders the row's
printed values as the report prints them (``-1 234``, ``0,2``) and looks for that run on the line.
The run must close the line (after optional footnote marks) and start right after the label or a
word, never in the middle of a number: ``320 100`` does not match inside ``1 320 100``.

Run ``python -m aarsevaluering.transcription [--index] [descriptor.json ...]`` to check a
descriptor's tables against the text (or, with ``--index`` or without the text, against the index).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .data import DataError, Resource, data_dir, read_descriptor, validate
from .source_index import INDEX_NAME, SEPARATOR, SourceIndex, figures, load_index

SOURCE_ENV = "AARSEVALUERING_SOURCE"

_MINUS = "\u2212\u2013\u2012"  # minus sign, en dash, figure dash used as minus in the PDF text
_SPACES = "\u00a0\u202f\u2009\t"


def source_path() -> Path | None:
    """The source text's path from the environment, or ``None`` when the variable is unset."""
    value = os.environ.get(SOURCE_ENV)
    return Path(value) if value else None


def read_source(path: Path) -> list[str]:
    """The source text's lines (index 0 is line 1); a clear error when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(f"{SOURCE_ENV}={path}: source text not found") from None
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(f"{SOURCE_ENV}={path}: source text unreadable ({err})") from None


def normalise(line: str) -> str:
    """A source line in the form rows are rendered in: one space, no %, '.' decimals, '-' minus."""
    for ch in _SPACES:
        line = line.replace(ch, " ")
    for ch in _MINUS:
        line = line.replace(ch, "-")
    line = line.replace("%", " ")
    line = re.sub(r"(?<=\d),(?=\d)", ".", line)  # decimal comma
    line = re.sub(r"(?:(?<=\s)|^)-(?=\s|$)", " ", line)  # a lone dash is an empty cell
    return " ".join(line.split())


def render_number(text: str) -> str:
    """A CSV number as the report prints it, decimal point kept: ``-3797187`` -> ``-3 797 187``."""
    sign = "-" if text.startswith("-") else ""
    digits = text.lstrip("-")
    whole, _, decimals = digits.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    rendered = sign + " ".join(groups)
    return f"{rendered}.{decimals}" if decimals else rendered


def render_row(res: Resource, row: dict) -> str:
    """The row's printed values (role ``value``) in order, rendered as printed; empty cells left out."""
    parts = []
    for f in res.fields_with_role("value"):
        value = row[f["name"]]
        if value == "":
            continue
        parts.append(render_number(value) if f["type"] in ("integer", "number") else value)
    return " ".join(parts)


_FOOTNOTE_TAIL = re.compile(r"(?:\s*(?:\*+|\d\)))*\s*$")


def run_stands_on_line(run: str, line: str, label: str) -> bool:
    """True when ``run`` closes the normalised ``line`` and starts cleanly after the label or a word."""
    tail = _FOOTNOTE_TAIL.search(line)
    body = line[: tail.start()] if tail and tail.start() < len(line) else line
    body = body.rstrip()
    if not run:
        return False
    candidates = [body]
    if body != line:
        candidates.append(line)
    for text in candidates:
        if not text.endswith(run):
            continue
        before = text[: len(text) - len(run)]
        if not before:
            return True
        if not before.endswith(" "):
            continue
        before = before.rstrip()
        # Right after the label (or the part of a wrapped label on this line) ...
        if normalise(label).endswith(before):
            return True
        # ... or after a word that is not a number, so the run cannot start mid-number.
        if not re.search(r"\d$", before):
            return True
    return False


def _prose_patterns(run: str) -> list[re.Pattern]:
    # A run opening with a three-digit group could be the tail of a grouped number ("1 300").
    opens_with_group = re.match(r"-?\d{3}(?![\d.])", run) is not None
    # Not glued to a word either: "11" is not in "P11" (nor in "…11", a word in the index's figure text).
    before = rf"(?<![\w.\-{SEPARATOR}])" + (r"(?<!\d )" if opens_with_group else "")
    after = rf"(?!\d|\.\d| \d{{3}}(?!\d))(?![^\W\d_]|{SEPARATOR})"
    # Prose sometimes prints a four-digit number without its thousands space ("6268").
    forms = {run, re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "", run)}
    return [re.compile(before + re.escape(form) + after) for form in sorted(forms)]


def occurrences(run: str, line: str) -> int:
    """How many times a figure quoted in prose stands on the line as a whole number."""
    return len({m.start() for pattern in _prose_patterns(run) for m in pattern.finditer(line)})


def run_inside_line(run: str, line: str, label: str = "") -> bool:
    """A figure quoted in prose: the run stands on the line as whole numbers, anywhere in it
    (``30`` is not found in ``130``, nor ``300`` in ``1 300``, nor ``4`` in ``4.5``, nor ``11`` in ``P11``)."""
    return occurrences(run, line) > 0


@dataclass(frozen=True)
class TextLines:
    """The report's text, line by line: rows are matched on the lines as printed."""

    lines: list[str]

    @property
    def count(self) -> int:
        return len(self.lines)

    def line(self, number: int) -> str | None:
        return self.lines[number - 1]

    def joined(self, first: int, last: int) -> str:
        return normalise(" ".join(self.lines[first - 1 : last]))

    def label(self, label: str) -> str:
        return label

    def run(self, run: str) -> str:
        return run


@dataclass(frozen=True)
class IndexLines:
    """The committed index of the text's figures: rows are matched on the lines' figure text, and a
    label is read with its words taken out in the same way."""

    index: SourceIndex

    @property
    def count(self) -> int:
        return self.index.line_count

    def line(self, number: int) -> str | None:
        return self.index.figures(number)

    def joined(self, first: int, last: int) -> str:
        return normalise(figures(" ".join(self.index.figures(n) or "" for n in range(first, last + 1))))

    def label(self, label: str) -> str:
        return figures(label)

    def run(self, run: str) -> str:
        """A row's rendered values with its words (a status such as ``Iht. plan``) taken out: on the
        index, only that a word stands there is checked."""
        return figures(run)


Source = list[str] | TextLines | IndexLines | SourceIndex


def as_lines(source: Source) -> TextLines | IndexLines:
    """The text's lines (a list of them) or the index, in the form :func:`check_row` reads."""
    if isinstance(source, SourceIndex):
        return IndexLines(source)
    if isinstance(source, list):
        return TextLines(source)
    return source


@dataclass(frozen=True)
class Finding:
    table: str
    row_number: int
    label: str
    source_line: int
    message: str

    def __str__(self) -> str:
        return (
            f"{self.table}.csv, line {self.row_number + 1} (label {self.label!r}), report line {self.source_line}: "
            f"{self.message}"
        )


def check_row(res: Resource, number: int, row: dict, source: Source) -> Finding | None:
    """One validated row (``number`` 1 = first data row) against the source lines (the text or its
    index); ``None`` when its values stand on its line as printed."""
    source = as_lines(source)
    first, last = res.spec["source_lines"]
    line_no = int(row["source_line"])
    label = row.get("label", "")

    def finding(message: str) -> Finding:
        return Finding(res.name, number, label, line_no, message)

    if not first <= line_no <= last:
        return finding(f"source_line outside the table's range {first}–{last}")
    if line_no > source.count:
        return finding(f"the source has only {source.count} lines")
    # A row whose printed values run on over following lines (a status word broken over two
    # lines, say) names its last line in ``source_line_last``; those lines are read as one.
    last_no = int(row["source_line_last"]) if row.get("source_line_last") else line_no
    if not line_no <= last_no <= last:
        return finding(f"source_line_last {last_no} outside {line_no}–{last}")
    for n in range(line_no, last_no + 1):
        if source.line(n) is None:
            return finding(f"line {n} is not in the source index {INDEX_NAME} (python -m aarsevaluering.source_index)")
    if not source.line(line_no).strip() or not source.line(last_no).strip():
        return finding(f"line {line_no if not source.line(line_no).strip() else last_no} is blank")
    run = source.run(render_row(res, row))
    decimals = row.get("decimals", "")
    if decimals != "":
        # A prose table's ``decimals`` says how the figure is printed: its value must agree.
        for f in res.fields_with_role("value"):
            text = row[f["name"]]
            if f["type"] == "number" and text and len(text.partition(".")[2]) != int(decimals):
                return finding(f"decimals {decimals} but {f['name']} {text!r} has {len(text.partition('.')[2])}")
    line = source.joined(line_no, last_no)
    # A figure quoted in a sentence stands inside the line; a table row closes it.
    found = run_inside_line if row.get("row_kind") == "prose" else run_stands_on_line
    if not run:
        return finding("the row has no printed value to look for")
    if not found(run, line, source.label(label)):
        return finding(f"values {run!r} not printed as one run on the line {line!r}")
    return None


def check_rows(res: Resource, rows: list[dict], source: Source) -> list[Finding]:
    """Validated rows of ``res`` against the source lines (the text or its index): each row on its own,
    and no figure in a sentence backing more rows than it is printed times on that line."""
    source = as_lines(source)
    findings = [f for number, row in enumerate(rows, start=1) if (f := check_row(res, number, row, source))]
    claims: dict[tuple, list[tuple[int, dict]]] = {}
    for number, row in enumerate(rows, start=1):
        if row.get("row_kind") == "prose":
            last_no = int(row["source_line_last"]) if row.get("source_line_last") else int(row["source_line"])
            run = source.run(render_row(res, row))
            claims.setdefault((int(row["source_line"]), last_no, run), []).append((number, row))
    for (first, last_no, run), claimants in claims.items():
        if first > source.count or len(claimants) < 2:
            continue
        if any(source.line(n) is None for n in range(first, last_no + 1)):
            continue  # each claimant's own check has said the line is not in the index
        printed = occurrences(run, source.joined(first, last_no))
        for number, row in claimants[printed:]:
            findings.append(
                Finding(
                    res.name,
                    number,
                    row.get("label", ""),
                    first,
                    f"{run!r} is printed {printed} time(s) on the line but {len(claimants)} rows cite it there",
                )
            )
    return findings


def check_resource(res: Resource, source: Source) -> list[Finding]:
    """Every row of ``res`` against the source lines; an empty list when all stand as printed."""
    return check_rows(res, validate(res), source)


def main(argv: list[str]) -> int:
    use_index = "--index" in argv
    argv = [a for a in argv if a != "--index"]
    path = source_path()
    if use_index or path is None:
        source: Source = load_index()
        print(f"checking against the index {source.path} (figures only; labels are read without their words)")
    else:
        source = read_source(path)
    descriptors = [Path(a) for a in argv] or [data_dir() / "datapackage.json"]
    failures = 0
    for descriptor in descriptors:
        for res in read_descriptor(descriptor):
            try:
                findings = check_resource(res, source)
            except DataError as err:
                print(f"SCHEMA {err}")
                failures += 1
                continue
            rows = len(validate(res))
            status = "ok" if not findings else f"{len(findings)} of {rows} rows FAIL"
            print(f"{res.name}: {rows} rows, {status}")
            for f in findings:
                print(f"  {f}")
            failures += len(findings)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
