"""How many wrong numbers would the book catch? Change every numeric cell and count.

Every non-empty numeric cell of every table in ``data/`` is changed in memory, one at a time, in two
ways: by one unit of its last printed digit (``1234`` → ``1235``, ``0.2`` → ``0.3``) and by a factor of
ten (a slipped digit group). Each changed table is then put through the data-level checks, without
executing any notebook:

schema
    the descriptor's schema (types, required cells, allowed values, unique row keys);
transcription
    the changed row against the report's text (needs the source text);
identities
    every registered identity that reads the table (sums, deviations, shares, the same figure in
    two places). A change is detected when any check's class (exact / rounding / discrepancy)
    differs from the published data's, or an identity can no longer be computed.

The share the identities detect on their own says how self-checking the printed tables are; with
the source text every change must be detected.

Re-running every identity for each of several thousand changes would take minutes, so the identities
are first narrowed down: an identity is re-run for a cell only if its checks move when the cell's
row (in a chunk of :data:`CHUNK_ROWS` rows) is shifted up or down by a large amount. ``exhaustive=True`` skips
the narrowing and re-runs every identity reading the table; the test compares both on small tables.

Run ``python -m aarsevaluering.perturbation [--exhaustive] [table ...]`` for the table of results.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from . import checks
from .data import DataError, Resource, package, read_rows, validate_rows
from .transcription import check_rows, read_source, source_path

KINDS = ("+1 unit", "×10")
CHUNK_ROWS = 4
# Added to every numeric cell of a chunk of rows to see which identities read those rows at all.
_TAINT = Decimal(10) ** 7


@dataclass(frozen=True)
class Perturbation:
    """One numeric cell of one table changed: ``row`` is 0-based (row 1 of the CSV is 0)."""

    table: str
    row: int
    column: str
    role: str
    kind: str
    printed: str
    changed: str


def changed_text(text: str, kind: str) -> str:
    """``text`` (a CSV number) changed by one unit of its last digit, or times ten, same decimals."""
    number = Decimal(text)
    unit = Decimal(1).scaleb(number.as_tuple().exponent)
    result = number + unit if kind == KINDS[0] else number * 10
    return str(result.quantize(unit))


def perturbations(res: Resource, rows: list[dict]) -> Iterator[Perturbation]:
    """Every change of every non-empty numeric cell of ``res`` (a ×10 that changes nothing, of a zero,
    is left out: it is no change)."""
    numeric = [f for f in res.fields if f["type"] in ("integer", "number")]
    for index, row in enumerate(rows):
        for f in numeric:
            text = row[f["name"]]
            if text == "":
                continue
            for kind in KINDS:
                changed = changed_text(text, kind)
                if Decimal(changed) != Decimal(text):
                    yield Perturbation(res.name, index, f["name"], f.get("role", ""), kind, text, changed)


# ---------------------------------------------------------------------------------------------
# The identities, re-run on tables changed in memory.

Identity = Callable[[checks.Getter], Iterable[checks.Check]]


def _outcome(func: Identity, get: checks.Getter) -> tuple:
    """What an identity says: each check's id, printed and recomputed figure and class, or the error."""
    try:
        return tuple((c.check_id, c.printed, c.recomputed, c.status) for c in func(get))
    except Exception as err:  # an identity that breaks on the change has noticed it
        return (("error", type(err).__name__),)


def _classes(outcome: tuple) -> tuple:
    return tuple((item[0], item[-1]) for item in outcome)


def _getter(table: str, cells: dict[tuple[int, str], str]) -> checks.Getter:
    """Tables from ``data/`` with the cells ``{(row, column): text}`` of ``table`` replaced."""

    def get(name: str) -> pd.DataFrame:
        frame = checks.from_disk(name)
        if name == table:
            for (row, column), text in cells.items():
                number = Decimal(text)
                frame.iat[row, frame.columns.get_loc(column)] = (
                    int(number) if str(frame[column].dtype) == "Int64" else float(number)
                )
        return frame

    return get


def readers() -> dict[str, list[Identity]]:
    """For each table, the identities that read it (found by running each once and recording)."""
    from . import identities  # noqa: F401  (registers the identities on import)

    by_table: dict[str, list[Identity]] = {}
    for chapter in sorted(checks.IDENTITIES):
        for func in checks.IDENTITIES[chapter]:
            seen: set[str] = set()

            def recording(name: str, seen=seen) -> pd.DataFrame:
                seen.add(name)
                return checks.from_disk(name)

            _outcome(func, recording)
            for name in seen:
                by_table.setdefault(name, []).append(func)
    return by_table


def _cells_read(func: Identity, res: Resource, rows: list[dict], baseline: tuple) -> set[tuple[int, str]]:
    """The numeric cells of ``res`` that ``func`` reads, narrowed in two steps: the columns whose
    cells, all shifted by a large amount, move one of its checks; then, in those columns, the chunks
    of :data:`CHUNK_ROWS` rows whose shift moves one."""

    def moves(indices: Iterable[int], columns: Iterable[str]) -> bool:
        # Shifted up, then down (which also turns round the order of the shifted cells, so a
        # comparison of two of them moves too).
        return any(
            _outcome(func, _getter(res.name, cells)) != baseline
            for sign in (1, -1)
            if (cells := shifted(indices, columns, sign))
        )

    def shifted(indices: Iterable[int], columns: Iterable[str], sign: int) -> dict:
        # Distinct shifts, so no difference or ratio of two shifted cells stays what it was: within
        # one column by row (1, 2, 3, ... times the shift); within a chunk, powers of two.
        indices, columns = list(indices), list(columns)
        cells = [(i, name) for i in indices for name in columns if rows[i][name] != ""]
        if len(columns) == 1:
            factors = [1 + i for i, _ in cells]
        else:
            factors = [2**k for k in range(len(cells))]
        return {
            (i, name): str(Decimal(rows[i][name]) + sign * _TAINT * factor)
            for (i, name), factor in zip(cells, factors, strict=True)
        }

    numeric = [f["name"] for f in res.fields if f["type"] in ("integer", "number")]
    columns = [name for name in numeric if moves(range(len(rows)), [name])]
    read: set[tuple[int, str]] = set()
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = range(start, min(start + CHUNK_ROWS, len(rows)))
        if columns and moves(chunk, columns):
            read.update((i, name) for i in chunk for name in columns)
    return read


# ---------------------------------------------------------------------------------------------
# The experiment.


@dataclass(frozen=True)
class Result:
    perturbation: Perturbation
    schema: bool
    transcription: bool | None  # None without the source text
    identities: bool


def run(
    tables: Iterable[str] | None = None,
    source: list[str] | None = None,
    exhaustive: bool = False,
    workers: int = 1,
) -> list[Result]:
    """Every perturbation of every numeric cell of ``tables`` (default: all) and what detects it,
    tables shared among ``workers`` processes."""
    names = list(tables) if tables is not None else list(package())
    by_table = readers()
    jobs = [(name, source, exhaustive, by_table.get(name, [])) for name in names]
    if workers <= 1:
        results = [_run_table(*job) for job in jobs]
    else:
        # Forked processes share the loaded data; map keeps the tables' order.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_run_table_job, jobs))
    return [r for table in results for r in table]


def _run_table_job(job: tuple) -> list[Result]:
    return _run_table(*job)


def _run_table(name: str, source: list[str] | None, exhaustive: bool, funcs: list[Identity]) -> list[Result]:
    res = package()[name]
    header, body = read_rows(res)
    rows = validate_rows(res, header, body)
    baselines, cost = {}, {}
    for func in funcs:
        timings = []
        for _ in range(3):  # the fastest of three: the first run also warms caches
            started = time.perf_counter()
            baselines[func] = _outcome(func, checks.from_disk)
            timings.append(time.perf_counter() - started)
        cost[func] = min(timings)
    # Cheapest identities first: the first one that notices a change settles it.
    funcs = sorted(funcs, key=cost.__getitem__)
    if exhaustive:
        numeric = [f["name"] for f in res.fields if f["type"] in ("integer", "number")]
        every = {(i, c) for i in range(len(rows)) for c in numeric}
        cells_read = {func: every for func in funcs}
    else:
        cells_read = {func: _cells_read(func, res, rows, baselines[func]) for func in funcs}
    position = {f["name"]: i for i, f in enumerate(res.fields)}
    results = []
    for p in perturbations(res, rows):
        cells = [list(row) for row in body]
        cells[p.row][position[p.column]] = p.changed
        try:
            changed_rows = validate_rows(res, header, cells)
            schema = False
        except DataError:
            changed_rows, schema = None, True
        transcription = None
        if source is not None:
            try:
                transcription = schema or bool(check_rows(res, changed_rows, source))
            except (ValueError, DataError):
                transcription = True
        get = _getter(name, {(p.row, p.column): p.changed})
        identities = any(
            _classes(_outcome(func, get)) != _classes(baselines[func])
            for func in funcs
            if (p.row, p.column) in cells_read[func]
        )
        results.append(Result(p, schema, transcription, identities))
    return results


def shares(results: list[Result]) -> pd.DataFrame:
    """Per table and overall: changes made, and the share detected by the identities alone, by
    schema and identities (no source text needed), and by all checks with the source text."""
    records = [
        {
            "table": r.perturbation.table,
            "cell": "source line" if r.perturbation.column.startswith("source_line") else r.perturbation.role,
            "changes": 1,
            "identities": r.identities,
            "without_source": r.identities or r.schema,
            "with_source": r.identities or r.schema or bool(r.transcription),
        }
        for r in results
    ]
    frame = pd.DataFrame(records)
    columns = ["identities", "without_source", "with_source"]
    per_table = frame.groupby("table", sort=False).agg(changes=("changes", "sum"), **{c: (c, "mean") for c in columns})
    overall = frame.agg({"changes": "sum", **{c: "mean" for c in columns}}).to_frame("all tables").T
    by_cell = frame.groupby("cell").agg(changes=("changes", "sum"), **{c: (c, "mean") for c in columns})
    by_cell.index = [f"all {kind} cells" for kind in by_cell.index]
    table = pd.concat([per_table, by_cell, overall])
    table[columns] = (100 * table[columns].astype(float)).round(1)
    table["changes"] = table["changes"].astype(int)
    return table


def main(argv: list[str]) -> int:
    exhaustive = "--exhaustive" in argv
    tables = [a for a in argv if not a.startswith("--")] or None
    path = source_path()
    source = read_source(path) if path else None
    started = time.perf_counter()
    results = run(tables, source, exhaustive=exhaustive, workers=os.cpu_count() or 1)
    with pd.option_context("display.max_rows", None, "display.width", 200):
        print(shares(results))
    mode = "exhaustive" if exhaustive else "narrowed"
    print(f"{len(results)} changes in {time.perf_counter() - started:.1f} s ({mode})")
    missed = [r.perturbation for r in results if source is not None and not (r.schema or r.transcription)]
    for p in missed[:20]:
        print(f"not detected by schema or transcription: {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
