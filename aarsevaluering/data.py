"""Load the book's tables by name, typed and validated against the data-package descriptor.

Every table in ``data/`` is described once in ``data/datapackage.json`` (Frictionless Data Package).
:func:`load` reads a CSV as text, checks every cell against its field's schema and only then converts
it, so a bad value is reported with the file, the row, the column, the value and what was expected
instead of surfacing later as a wrong number.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parent.parent
DESCRIPTOR_NAME = "datapackage.json"

# A plain number as the CSVs store it: optional minus, digits, optional decimal point and digits.
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_INTEGER = re.compile(r"-?\d+")


class DataError(ValueError):
    """A table that does not match its descriptor; the message names file, line, column and value.

    Line numbers are the CSV file's own (the header is line 1), so an editor goes straight to the cell.
    """


class RowNotFound(DataError, KeyError):
    """A lookup of one row (by label, code, ...) that matches none or several: names the file, what was
    looked for, in which column, and which column was wanted. A ``KeyError`` too, for callers that
    expect one."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


def _article(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def row_not_found(frame: pd.DataFrame, where: dict, count: int, column: str | None = None) -> RowNotFound:
    """The error for a lookup in ``frame`` (a loaded table) that matched ``count`` rows instead of one."""
    name = frame.attrs.get("table", "?")
    try:
        path = resource(name).path
        place = f"{path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path}"
    except DataError:
        place = f"table {name}"
    looked = " and ".join(f"{key} {value!r}" for key, value in where.items())
    wanted = f" (looking up column {column!r})" if column else ""
    found = "no row with" if count == 0 else f"{count} rows with"
    return RowNotFound(f"{place}: {found} {looked}{wanted}; expected exactly one. Was a label renamed?")


def data_dir() -> Path:
    """The folder holding the CSVs and the descriptor (``AARSEVALUERING_DATA`` overrides it)."""
    return Path(os.environ.get("AARSEVALUERING_DATA", REPO_ROOT / "data"))


@dataclass(frozen=True)
class Resource:
    """One table of the data package: its descriptor entry and where its CSV lives."""

    spec: dict
    base: Path

    @property
    def name(self) -> str:
        return self.spec["name"]

    @property
    def path(self) -> Path:
        return self.base / self.spec["path"]

    @property
    def fields(self) -> list[dict]:
        return self.spec["schema"]["fields"]

    @property
    def primary_key(self) -> list[str]:
        return self.spec["schema"].get("primaryKey", [])

    def fields_with_role(self, role: str) -> list[dict]:
        return [f for f in self.fields if f.get("role") == role]

    def field(self, name: str) -> dict:
        for f in self.fields:
            if f["name"] == name:
                return f
        raise KeyError(f"{self.name}: no field {name!r}")


# The book's build sets this to a file per page; each table a notebook loads is listed there, so the
# page is built again when one of its tables changes (see ``aarsevaluering.sphinxext``).
READ_LOG_ENV = "AARSEVALUERING_READ_LOG"


def _note_read(path: Path) -> None:
    log = os.environ.get(READ_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{Path(path).resolve()}\n")


def read_descriptor(path: Path) -> list[Resource]:
    """The resources of a descriptor file (a data package, or a plain list of resources)."""
    _note_read(path)
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: descriptor not found") from None
    except json.JSONDecodeError as err:
        raise DataError(f"{path}: not valid JSON ({err})") from None
    resources = spec["resources"] if isinstance(spec, dict) else spec
    return [Resource(r, path.parent if path.parent.name != "_parts" else path.parent.parent) for r in resources]


def _stamp(path: Path) -> tuple[int, int] | None:
    """What tells a changed file from an unchanged one without reading it: its mtime and size."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size


@cache
def _package(folder: str, stamp: tuple | None) -> dict[str, Resource]:
    return {r.name: r for r in read_descriptor(Path(folder) / DESCRIPTOR_NAME)}


def package() -> dict[str, Resource]:
    """All resources of ``data/datapackage.json`` by name (read again when the file changes)."""
    folder = data_dir()
    return _package(str(folder), _stamp(folder / DESCRIPTOR_NAME))


def resource(name: str) -> Resource:
    resources = package()
    if name not in resources:
        raise DataError(f"no table {name!r} in {data_dir() / DESCRIPTOR_NAME}; known: {', '.join(sorted(resources))}")
    return resources[name]


def read_rows(res: Resource) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a resource's CSV as text, strictly: UTF-8 (a byte-order mark is tolerated)."""
    path = res.path
    _note_read(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError(f"{path}: file not found (table {res.name!r} in the descriptor)") from None
    except UnicodeDecodeError as err:
        raise DataError(f"{path}: not UTF-8 ({err})") from None
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        raise DataError(f"{path}: empty file, expected a header row")
    header, body = rows[0], rows[1:]
    # A trailing empty line is harmless; an empty line inside the table is not.
    while body and not any(cell.strip() for cell in body[-1]):
        body.pop()
    return header, body


def _where(res: Resource, row_number: int, row: dict, column: str) -> str:
    label = row.get("label")
    label_part = f" (label {label!r})" if label else ""
    return f"{res.path}, line {row_number + 1}{label_part}, column {column!r}"


def validate(res: Resource) -> list[dict]:
    """Check a resource's CSV against its schema; return its rows as dicts of text.

    Raises :class:`DataError` naming the file, the line (the header is line 1), the column, the
    value and what was expected.
    """
    header, body = read_rows(res)
    return validate_rows(res, header, body)


def validate_rows(res: Resource, header: list[str], body: list[list[str]]) -> list[dict]:
    """:func:`validate` on a header and rows already read (as text), e.g. rows changed in memory."""
    expected = [f["name"] for f in res.fields]
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        detail = []
        if missing:
            detail.append(f"missing {missing}")
        if extra:
            detail.append(f"unexpected {extra}")
        if not detail:
            detail.append(f"order {header}")
        raise DataError(f"{res.path}: columns do not match the descriptor ({'; '.join(detail)}); expected {expected}")
    rows = []
    seen: dict[tuple, int] = {}
    for number, cells in enumerate(body, start=1):
        if not any(cell.strip() for cell in cells):
            raise DataError(f"{res.path}, line {number + 1}: empty line inside the table, expected {len(header)} cells")
        if len(cells) != len(header):
            raise DataError(
                f"{res.path}, line {number + 1}: {len(cells)} cells, expected {len(header)} ({','.join(cells)!r}); "
                "is the file comma-separated?"
            )
        row = dict(zip(header, cells, strict=True))
        for f in res.fields:
            check_cell(res, number, row, f)
        key = tuple(row[k] for k in res.primary_key)
        if res.primary_key:
            if key in seen:
                raise DataError(
                    f"{res.path}, line {number + 1}, column {'/'.join(res.primary_key)}: duplicate row key {key!r} "
                    f"(first on line {seen[key] + 1}); expected each row to be unique"
                )
            seen[key] = number
        rows.append(row)
    return rows


def check_cell(res: Resource, number: int, row: dict, f: dict) -> None:
    value = row[f["name"]]
    constraints = f.get("constraints", {})
    where = _where(res, number, row, f["name"])
    if value == "":
        if constraints.get("required"):
            raise DataError(f"{where}: empty, expected {_article(f['type'])} (the column is required)")
        return
    if value != value.strip():
        raise DataError(f"{where}: {value!r} has surrounding spaces")
    if f["type"] == "integer" and not _INTEGER.fullmatch(value):
        raise DataError(f"{where}: {value!r} is not an integer (expected digits with an optional minus, no spaces)")
    if f["type"] == "number" and not _NUMBER.fullmatch(value):
        raise DataError(
            f"{where}: {value!r} is not a number (expected digits with a decimal point, no spaces or commas)"
        )
    if "enum" in constraints and value not in constraints["enum"]:
        raise DataError(f"{where}: {value!r} is not allowed, expected one of {constraints['enum']}")


_DTYPES = {"integer": "Int64", "number": "Float64", "string": "string"}


def to_frame(res: Resource, rows: list[dict]) -> pd.DataFrame:
    """Typed DataFrame of validated text rows (empty cells become ``<NA>``)."""
    frame = pd.DataFrame(rows, columns=[f["name"] for f in res.fields])
    for f in res.fields:
        col = frame[f["name"]].replace("", pd.NA)
        if f["type"] == "string":
            frame[f["name"]] = col.astype("string")
        else:
            frame[f["name"]] = pd.to_numeric(col).astype(_DTYPES[f["type"]])
    frame.attrs["table"] = res.name
    frame.attrs["title"] = res.spec.get("title", res.name)
    return frame


def load(name: str) -> pd.DataFrame:
    """The table ``name`` from ``data/``, validated against the descriptor and typed."""
    res = resource(name)
    return to_frame(res, validate(res))


_LOADED: dict[tuple, pd.DataFrame] = {}


def load_current(name: str) -> pd.DataFrame:
    """:func:`load`, read once and again whenever the CSV or the descriptor changes on disk (so a
    running kernel sees a student's edit on the next run of a cell, without a restart). The frame
    returned is shared: copy it before changing it."""
    res = resource(name)
    key = (name, str(res.path), _stamp(res.path), _stamp(data_dir() / DESCRIPTOR_NAME))
    if key not in _LOADED:
        for old in [k for k in _LOADED if k[0] == name]:
            del _LOADED[old]
        _LOADED[key] = load(name)
    else:
        _note_read(res.path)  # a page that reads a cached table still depends on its file
    return _LOADED[key]


def write_csv(frame: pd.DataFrame, path: Path) -> bool:
    """Write ``frame`` as CSV, but leave the file alone when its content is the same (a rewritten
    file would look changed and rebuild the pages that link it). True when written."""
    text = frame.to_csv(index=False, lineterminator="\n")
    path = Path(path)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def catalogue(chapter: str | None = None, names: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per table (of one chapter, of the ``names`` given, or all): name, printed title, unit, source
    lines, rows. Only those tables are read (a page that lists some tables depends on those alone)."""
    wanted = set(names) if names is not None else None
    rows = []
    for res in package().values():
        spec = res.spec
        if (chapter and spec.get("chapter") != chapter) or (wanted is not None and res.name not in wanted):
            continue
        first, last = spec["source_lines"]
        rows.append(
            {
                "table": res.name,
                "title": spec.get("title", ""),
                "chapter": spec.get("chapter", ""),
                "source_table": spec.get("source_table", ""),
                "unit": spec.get("unit", ""),
                "source_lines": f"{first}–{last}",
                "rows": len(validate(res)),
                "file": spec["path"],
            }
        )
    return pd.DataFrame(rows)
