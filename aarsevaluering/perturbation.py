"""How many wrong numbers would the book catch? Change every numeric cell and count.

Every non-empty numeric cell of every table in ``data/`` is changed in memory, one at a time, in two
ways: by one unit of its last printed digit (``1234`` → ``1235``, ``0.2`` → ``0.3``) and by a factor of
ten (a slipped digit group). Each changed table is then put through the data-level checks, without
executing any notebook:

schema
    the descriptor's schema (types, required cells, allowed values, unique row keys);
transcription
    the changed row against the report's text (needs the source text), and separately against the
    committed index of the text's figures (``data/source_index.json``, needed by nothing);
identities
    every registered identity that reads the table (sums, deviations, shares, the same figure in
    two places). A change is detected when any check's class (exact / rounding / discrepancy)
    differs from the published data's, or an identity can no longer be computed.

The share the identities detect on their own says how self-checking the printed tables are; with
the source text, and with the index of its figures without the text, every change must be detected.

Re-running every identity for each of several thousand changes one at a time would take minutes.
So first, for each identity and table, a few runs with large shifts (of a whole column, of a chunk
of :data:`CHUNK_ROWS` rows) tell which of its checks each cell can move at all: its *reach*. Changes
whose reaches do not overlap are then made together, in one run, and told apart by reach; a change
that breaks the identity is made again on its own. ``exhaustive=True`` makes every change alone in
every identity reading the table; the test compares both.

The identities are what costs (a run of one takes a tenth of a second); the schema and the
transcription test take milliseconds a change. So a run can make every change through the schema and
the transcription test, and only a *sample* through the identities (``sample_seed``): a seeded,
stratified sample with :data:`PER_STRATUM` changes of every table, every kind of change and every kind
of cell (value, source line, ...), and every change of the rows in ``rows_in_full``. A change left out
of the sample has ``identities=None``, and the identities' shares are then estimates from the sample.

Run ``python -m aarsevaluering.perturbation [--exhaustive] [--sample=SEED] [table ...]`` for the table
of results.
"""

from __future__ import annotations

import csv
import multiprocessing
import os
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from random import Random

import pandas as pd

from . import checks
from .data import REPO_ROOT, DataError, Resource, package, read_rows, validate_rows
from .source_index import SourceIndex, load_index
from .transcription import Source, check_rows, read_source, source_path

KINDS = ("+1 unit", "×10")
CHUNK_ROWS = 4
# The large shift of the runs that find which checks a cell can move (see _reach).
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
# Which changes go through the identities in a sampled run.

# Changes of each stratum (table, kind of change, kind of cell) that a sampled run puts through the
# identities: about 150 changes of the 7000, every table and every kind of change among them.
PER_STRATUM = 1


def cell_kind(p: Perturbation) -> str:
    """What kind of cell a change hits: ``source line`` or the field's role (``value``, ...)."""
    return "source line" if p.column.startswith("source_line") else p.role


def sample(changes: Iterable[Perturbation], seed: str, per_stratum: int = PER_STRATUM) -> set[Perturbation]:
    """``per_stratum`` changes, drawn with ``seed``, of every (table, kind of change, kind of cell). The
    same seed draws the same changes on any machine (a string seeds :class:`random.Random` through
    SHA-512, whatever ``PYTHONHASHSEED`` is)."""
    strata: dict[tuple, list[Perturbation]] = defaultdict(list)
    for p in changes:
        strata[(p.table, p.kind, cell_kind(p))].append(p)
    chosen: set[Perturbation] = set()
    for key, members in sorted(strata.items()):
        chosen.update(Random(f"{seed}/{'/'.join(key)}").sample(members, min(per_stratum, len(members))))
    return chosen


def changed_rows(repo=REPO_ROOT) -> dict[str, set[int]]:
    """For each table, its rows (0-based) that the working tree or the last commit changed: rows not in
    the table as the last commit has it, or not in the table as the commit before had it. A sampled run
    makes every change of these rows through the identities too. Empty outside a git checkout; only the
    working tree's changes in a clone without history."""
    changed: dict[str, set[int]] = {}
    for name, res in package().items():
        _, body = read_rows(res)
        relative = res.path.resolve().relative_to(repo.resolve()).as_posix()
        for commit in ("HEAD", "HEAD~1"):
            shown = subprocess.run(["git", "show", f"{commit}:{relative}"], cwd=repo, capture_output=True, text=True)
            if shown.returncode != 0:
                # No such commit (a shallow clone) is no change; a table the commit lacks is new: all of it.
                known = subprocess.run(["git", "rev-parse", "-q", "--verify", commit], cwd=repo, capture_output=True)
                old = set() if known.returncode == 0 else {tuple(row) for row in body}
            else:
                old = {tuple(row) for row in csv.reader(shown.stdout.splitlines()[1:])}
            rows = {i for i, row in enumerate(body) if tuple(row) not in old}
            if rows:
                changed.setdefault(name, set()).update(rows)
    return changed


# ---------------------------------------------------------------------------------------------
# The identities, re-run on tables changed in memory.

Identity = Callable[[checks.Getter], Iterable[checks.Check]]


def _outcome(func: Identity, get: checks.Getter) -> tuple:
    """What an identity says: each check's id, what sets its class (printed and recomputed figure,
    decimals, tolerance) and its class; or the error."""
    try:
        return tuple(
            (c.check_id, c.printed, c.recomputed, c.decimals, c.kind, c.tolerance, c.low, c.high, c.status)
            for c in func(get)
        )
    except Exception as err:  # an identity that breaks on the change has noticed it
        return (("error", type(err).__name__),)


def _getter(table: str, cells: dict[tuple[int, str], str]) -> checks.Getter:
    """Tables from ``data/`` with the cells ``{(row, column): text}`` of ``table`` replaced. Each table
    is read once per getter (an identity may ask for one table hundreds of times)."""
    frames: dict[str, pd.DataFrame] = {}

    def get(name: str) -> pd.DataFrame:
        if name in frames:
            return frames[name]
        frame = checks.from_disk(name)
        if name == table:
            for (row, column), text in cells.items():
                number = Decimal(text)
                frame.iat[row, frame.columns.get_loc(column)] = (
                    int(number) if str(frame[column].dtype) == "Int64" else float(number)
                )
        frames[name] = frame
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


# Which checks of an identity a cell can move, over-estimated from a few runs with large shifts:
# a check that reads a cell moves when the cell's whole column is shifted, and when the cell's chunk
# of rows is. ``EVERY`` stands for all checks (the identity broke or changed shape under the shift).
EVERY = None


def _moved(func: Identity, get: checks.Getter, baseline: dict) -> frozenset | None:
    """The checks whose figures (printed, recomputed, decimals, tolerance) differ from ``baseline``
    ({id: (those figures..., class)}), or ``EVERY`` when the identity breaks or yields other checks."""
    outcome = _outcome(func, get)
    current = {item[0]: item[1:] for item in outcome}
    if current.keys() != baseline.keys():
        return EVERY
    return frozenset(cid for cid, figures in current.items() if figures[:-1] != baseline[cid][:-1])


def _both_ways(func: Identity, table: str, shifts: list[dict], baseline: dict) -> frozenset | None:
    found: set = set()
    for cells in shifts:
        moved = _moved(func, _getter(table, cells), baseline)
        if moved is EVERY:
            return EVERY
        found |= moved
    return frozenset(found)


def _reach(func: Identity, res: Resource, rows: list[dict], baseline: dict) -> dict[tuple[int, str], frozenset | None]:
    """For each numeric cell, the checks of ``func`` it may move (an empty set: none)."""
    numeric = [f["name"] for f in res.fields if f["type"] in ("integer", "number")]
    filled = {(i, name) for i in range(len(rows)) for name in numeric if rows[i][name] != ""}
    random = Random(0)

    def shifts(cells: list[tuple[int, str]], scale: dict[str, Decimal]) -> list[dict]:
        # Each cell by its own multiple of the column's amount, up and then down, so that no sum,
        # difference, ratio or order of shifted cells stays what it was: random multiples of a large
        # amount, or 1, 2, 3, ... of a small one.
        factors = [random.randint(1, 10**5) if scale[name] > 1 else 1 + k for k, (_, name) in enumerate(cells)]
        return [
            {
                (i, name): str(Decimal(rows[i][name]) + sign * scale[name] * factor)
                for (i, name), factor in zip(cells, factors, strict=True)
            }
            for sign in (1, -1)
        ]

    def moved_by(cells: list[tuple[int, str]], scale: dict[str, Decimal]) -> frozenset | None:
        return _both_ways(func, res.name, shifts(cells, scale), baseline) if cells else frozenset()

    # Columns: shifted by a large amount, or, where that breaks the identity (a count of decimals,
    # say), by a small one.
    by_column, scale = {}, {}
    for name in numeric:
        cells = sorted(cell for cell in filled if cell[1] == name)
        for amount in (_TAINT, Decimal(1)):
            scale[name] = amount
            by_column[name] = moved_by(cells, scale)
            if by_column[name] is not EVERY:
                break
    reading = [name for name in numeric if by_column[name] is EVERY or by_column[name]]
    # Rows are shifted together in the columns a large amount suits, and column by column in the
    # others (a small shift of one is not to be drowned by a large one of another).
    groups = [[name for name in reading if scale[name] > 1]] + [[name] for name in reading if scale[name] == 1]

    reach: dict[tuple[int, str], frozenset | None] = {}
    # Rows in blocks, and the blocks that move a check in chunks: an identity that reads a few rows
    # of a long table costs a few runs.
    block = 4 * CHUNK_ROWS
    for columns in filter(None, groups):
        for start in range(0, len(rows), block):
            end = min(start + block, len(rows))
            if moved_by([(i, c) for i in range(start, end) for c in columns if (i, c) in filled], scale) == frozenset():
                continue
            for first in range(start, end, CHUNK_ROWS):
                cells = [
                    (i, c) for i in range(first, min(first + CHUNK_ROWS, end)) for c in columns if (i, c) in filled
                ]
                moved = moved_by(cells, scale)
                for cell in cells:
                    column = by_column[cell[1]]
                    if moved is EVERY:
                        reach[cell] = column
                    elif column is EVERY:
                        reach[cell] = moved
                    else:
                        reach[cell] = moved & column
    return reach


def _detected_by(func: Identity, table: str, changes: list[Perturbation], reach: dict, baseline: dict) -> set:
    """The changes (each alone) that change the class of one of ``func``'s checks. Changes whose
    reaches do not overlap are made together in one run of the identity and told apart by reach."""
    batches: list[tuple[list[Perturbation], set]] = []
    for p in changes:
        cell_reach = reach.get((p.row, p.column), frozenset())
        if cell_reach == frozenset():
            continue  # the identity does not read this cell
        for batch, covered in batches:
            if cell_reach is not EVERY and covered is not None and not covered & cell_reach:
                batch.append(p)
                covered |= cell_reach
                break
        else:
            batches.append(([p], None if cell_reach is EVERY else set(cell_reach)))
    detected = set()
    for batch, _ in batches:
        get = _getter(table, {(p.row, p.column): p.changed for p in batch})
        outcome = {item[0]: item[1:] for item in _outcome(func, get)}
        if outcome.keys() != baseline.keys():
            if len(batch) == 1:
                detected.add(batch[0])
                continue
            # The identity broke or changed shape: make the changes one at a time.
            for p in batch:
                detected |= _detected_by(func, table, [p], {(p.row, p.column): EVERY}, baseline)
            continue
        for p in batch:
            cell_reach = reach[(p.row, p.column)]
            ids = baseline.keys() if cell_reach is EVERY else cell_reach
            if any(outcome[cid][-1] != baseline[cid][-1] for cid in ids):
                detected.add(p)
    return detected


# ---------------------------------------------------------------------------------------------
# The experiment.


@dataclass(frozen=True)
class Result:
    perturbation: Perturbation
    schema: bool
    transcription: bool | None  # None without the source text
    identities: bool | None  # None when a sampled run left the change out of the identities' sample
    index: bool | None = None  # the transcription test on the index of the text's figures; None without it


def run(
    tables: Iterable[str] | None = None,
    source: list[str] | None = None,
    exhaustive: bool = False,
    workers: int = 1,
    index: SourceIndex | None = None,
    sample_seed: str | None = None,
    rows_in_full: dict[str, set[int]] | None = None,
) -> list[Result]:
    """Every perturbation of every numeric cell of ``tables`` (default: all) and what detects it (the
    transcription test on the text ``source`` and on the ``index``, each when given), tables shared
    among ``workers`` processes. With ``sample_seed``, only a :func:`sample` of the changes goes through
    the identities, and every change of the rows ``rows_in_full`` ({table: rows}); every change goes
    through the rest."""
    names = list(tables) if tables is not None else list(package())
    by_table = readers()
    rows_in_full = rows_in_full or {}
    jobs = [
        (name, source, exhaustive, by_table.get(name, []), index, sample_seed, frozenset(rows_in_full.get(name, ())))
        for name in names
    ]
    if workers <= 1:
        results = [_run_table(*job) for job in jobs]
    else:
        # Forked processes share the loaded data. The largest jobs go first, so that the processes
        # finish together; the results come back in the tables' order.
        def size(job: tuple) -> int:
            rows = len(read_rows(package()[job[0]])[1]) if job[5] is None else 1 + len(job[6])
            return -rows * (1 + len(job[3]))

        order = sorted(range(len(jobs)), key=lambda i: size(jobs[i]))
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            done = dict(zip(order, pool.map(_run_table_job, [jobs[i] for i in order]), strict=True))
        results = [done[i] for i in range(len(jobs))]
    return [r for table in results for r in table]


def _run_table_job(job: tuple) -> list[Result]:
    return _run_table(*job)


def _transcription(res: Resource, rows: list[dict], changed_rows: list[dict] | None, p: Perturbation, source: Source):
    """Whether the transcription test on ``source`` (the text or the index) notices the change."""
    if changed_rows is None:
        return True  # the schema refused the table: the transcription test never sees it
    # The rows on the changed row's old and new line: each row's own check, and the rule that a
    # figure backs no more rows than it is printed times on its line.
    lines = {rows[p.row]["source_line"], changed_rows[p.row]["source_line"]}
    nearby = [row for row in changed_rows if row["source_line"] in lines]
    try:
        return bool(check_rows(res, nearby, source))
    except (ValueError, DataError):
        return True


def _changed_rows(res: Resource, header: list[str], body: list[list[str]], rows: list[dict], p: Perturbation):
    """The table's rows with the change made, or ``None`` when the schema refuses them. What
    :func:`validate_rows` of the whole changed table gives, in a fraction of its time: the rest of the
    table was valid as read, so only the changed row can break a cell's rule, and only its key can now
    repeat another row's."""
    cells = list(body[p.row])
    cells[header.index(p.column)] = p.changed
    try:
        (row,) = validate_rows(res, header, [cells])
    except DataError:
        return None
    key = [row[k] for k in res.primary_key]
    if res.primary_key and any(
        [other[k] for k in res.primary_key] == key for other in rows if other is not rows[p.row]
    ):
        return None
    return [row if i == p.row else other for i, other in enumerate(rows)]


def _run_table(
    name: str,
    source: list[str] | None,
    exhaustive: bool,
    funcs: list[Identity],
    index: SourceIndex | None = None,
    sample_seed: str | None = None,
    rows_in_full: frozenset[int] = frozenset(),
) -> list[Result]:
    res = package()[name]
    header, body = read_rows(res)
    rows = validate_rows(res, header, body)
    changes = list(perturbations(res, rows))
    # A sample goes through the identities each change alone: fewer runs than finding every reach.
    chosen = sample(changes, sample_seed) if sample_seed is not None else None
    tried = changes if chosen is None else [p for p in changes if p in chosen or p.row in rows_in_full]
    exhaustive = exhaustive or sample_seed is not None
    baselines, cost = {}, {}
    for func in funcs:
        started = time.perf_counter()
        baselines[func] = {item[0]: item[1:] for item in _outcome(func, _getter("", {}))}
        cost[func] = time.perf_counter() - started
    detected_by_identities: set[Perturbation] = set()
    for func in sorted(funcs, key=cost.__getitem__):  # the cheap ones first: they leave less to do
        baseline = baselines[func]
        # Exhaustive: every cell may move every check, so each change is made alone.
        reach = {(p.row, p.column): EVERY for p in tried} if exhaustive else _reach(func, res, rows, baseline)
        # A change another identity caught needs no more runs.
        pending = [p for p in tried if p not in detected_by_identities]
        detected_by_identities |= _detected_by(func, name, pending, reach, baseline)
    in_sample = set(tried)
    results = []
    for p in changes:
        changed_rows = _changed_rows(res, header, body, rows, p)
        schema = changed_rows is None
        transcription = None if source is None else _transcription(res, rows, changed_rows, p, source)
        by_index = None if index is None else _transcription(res, rows, changed_rows, p, index)
        identities = (p in detected_by_identities) if p in in_sample else None
        results.append(Result(p, schema, transcription, identities, by_index))
    return results


def shares(results: list[Result]) -> pd.DataFrame:
    """Per table and overall: changes made, and the share detected by the identities alone, by
    schema and identities (no source text needed), by all checks with the index of the text's
    figures (``with_index``; no text needed either) and by all checks with the source text.

    ``identities`` counts the changes that went through the identities (all, unless the run sampled);
    a share that needs the identities' verdict is taken over those changes only, and one that the
    schema or the transcription test settles is taken over every change."""
    nan = float("nan")

    def share(caught_without_identities: bool, r: Result) -> float:
        return 1.0 if caught_without_identities else (nan if r.identities is None else float(r.identities))

    records = [
        {
            "table": r.perturbation.table,
            "cell": cell_kind(r.perturbation),
            "changes": 1,
            "through_identities": int(r.identities is not None),
            "identities": share(False, r),
            "without_source": share(r.schema, r),
            "with_index": share(r.schema or bool(r.index), r),
            "with_source": share(r.schema or bool(r.transcription), r),
        }
        for r in results
    ]
    frame = pd.DataFrame(records)
    columns = ["identities", "without_source", "with_index", "with_source"]
    counts = {"changes": ("changes", "sum"), "through_identities": ("through_identities", "sum")}
    means = {c: (c, "mean") for c in columns}
    per_table = frame.groupby("table", sort=False).agg(**counts, **means)
    overall = frame.agg({"changes": "sum", "through_identities": "sum", **{c: "mean" for c in columns}})
    overall = overall.to_frame("all tables").T
    by_cell = frame.groupby("cell").agg(**counts, **means)
    by_cell.index = [f"all {kind} cells" for kind in by_cell.index]
    table = pd.concat([per_table, by_cell, overall])
    table[columns] = (100 * table[columns].astype(float)).round(1)
    table[["changes", "through_identities"]] = table[["changes", "through_identities"]].astype(int)
    return table


def main(argv: list[str]) -> int:
    exhaustive = "--exhaustive" in argv
    seeds = [a.split("=", 1)[1] for a in argv if a.startswith("--sample=")]
    tables = [a for a in argv if not a.startswith("--")] or None
    path = source_path()
    source = read_source(path) if path else None
    started = time.perf_counter()
    workers = os.cpu_count() or 1
    results = run(tables, source, exhaustive, workers, load_index(), sample_seed=seeds[-1] if seeds else None)
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
        print(shares(results))
    mode = "exhaustive" if exhaustive else "narrowed"
    mode += f", identities on a sample drawn with seed {seeds[-1]!r}" if seeds else ""
    print(f"{len(results)} changes in {time.perf_counter() - started:.1f} s ({mode})")
    for what, missed in [
        ("the text", [r for r in results if source is not None and not (r.schema or r.transcription)]),
        ("the index", [r for r in results if not (r.schema or r.index)]),
    ]:
        for r in missed[:20]:
            print(f"not detected by schema or transcription on {what}: {r.perturbation}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
