"""Compare printed figures with the same figures recomputed from other printed figures.

Each identity of the book is written once, here or in ``aarsevaluering.identities.<chapter>``, as a
function registered with :func:`identity`. A chapter runs its own identities and narrates them; the
audit page runs them all. An identity takes a *table getter* (``get("drift_central_income")`` returns
the typed DataFrame) so the same identities run on data from disk or on altered data in memory.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from fractions import Fraction
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from .data import REPO_ROOT, load_current, resource, row_not_found

Getter = Callable[[str], pd.DataFrame]

# The classes a check can end in. ``truncated`` and ``estimate`` are not rounding, but not the report's
# contradiction either: a truncated restatement is the report's way of restating, an estimate rests on a
# relation the report never states and is shown, never graded.
EXACT, ROUNDING, TRUNCATED, ESTIMATE, DISCREPANCY = "exact", "rounding", "truncated", "estimate", "discrepancy"
STATUSES = (EXACT, ROUNDING, TRUNCATED, ESTIMATE, DISCREPANCY)

# The kinds of relation a check tests; the kind, not the chapter, decides the tolerance (see classify).
SUM = "sum"  # a sum or difference of ``terms`` printed figures against a printed figure
RESTATEMENT = "restatement"  # the same quantity printed again (in the same or a coarser unit)
SHARE = "share"  # a ratio, share or % change of printed figures: the range the rounded inputs allow
CLAIM = "claim"  # a statement in words (printed 1 = the report says so; recomputed 1 if the figures bear it out)
ESTIMATE_KIND = "estimate"  # a relation the report never states (a weighting it does not claim, a model)
KINDS = (SUM, RESTATEMENT, SHARE, CLAIM, ESTIMATE_KIND)

# Slack for floating-point noise in the comparisons below, never a tolerance of its own: a billionth of
# the unit of the printed figure's last digit, plus 10⁻¹² of the figure's size. A sum of these figures in
# binary floating point is off by ~10⁻¹⁵ of its size, so this covers the noise and nothing else: on D06's
# sums of hundreds of millions of kroner it is under a thousandth of a krone (Data and methods states it).
UNIT_SLACK = 1e-9
SIZE_SLACK = 1e-12

# A gap that rounding allows but that the parts' independent rounding errors would reach less often than this is
# flagged as improbable (``Check.p_rounding``): still within the rule, but worth a look.
IMPROBABLE = 0.01


@dataclass(frozen=True)
class Check:
    """One comparison of a printed figure with its recomputation.

    ``difference`` is printed − recomputed; ``decimals`` is how many decimals the report prints the
    compared figure with, which sets the unit of its last digit. ``kind`` names the relation and with
    it the tolerance (:func:`classify`): for a ``sum``, ``terms`` printed figures were combined, each
    rounded to ``input_decimals`` (default: ``decimals``), given once for all parts or part by part as
    a tuple (in the compared figure's unit: a part printed in whole millions in a sum in NOK million
    has 0, a part in NOK thousand 3); for a ``share``, ``low`` and ``high`` bound what the recomputed
    figure could be, given that its printed inputs are rounded.
    """

    check_id: str
    chapter: str
    what: str
    printed: float
    recomputed: float
    unit: str
    decimals: int
    table: str
    source_lines: str
    section: str = ""
    kind: str = SUM
    terms: int = 2
    input_decimals: int | tuple[int, ...] | None = None
    low: float = float("nan")
    high: float = float("nan")

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"check {self.check_id}: kind {self.kind!r} is not one of {KINDS}")
        if self.kind == SHARE and (math.isnan(self.low) or math.isnan(self.high)):
            raise ValueError(f"check {self.check_id}: a share needs the range (low, high) its rounded inputs allow")
        if isinstance(self.input_decimals, tuple) and len(self.input_decimals) != self.terms:
            raise ValueError(
                f"check {self.check_id}: {len(self.input_decimals)} parts' decimals for {self.terms} terms"
            )

    @property
    def difference(self) -> float:
        return round(self.printed - self.recomputed, self.decimals + 6)

    @property
    def part_decimals(self) -> tuple[int, ...]:
        """The decimals of each part of a sum, in the compared figure's unit (one entry per term)."""
        parts = self.decimals if self.input_decimals is None else self.input_decimals
        return tuple(int(d) for d in parts) if isinstance(parts, tuple) else (int(parts),) * self.terms

    @property
    def tolerance(self) -> float:
        """The largest difference rounding can explain, in the printed figure's unit (NaN where the
        kind has no band: restatements, claims, estimates, and shares, which use their range): half the
        printed figure's unit plus half of each part's own unit."""
        if self.kind != SUM:
            return float("nan")
        return 0.5 * 10.0**-self.decimals + sum(0.5 * 10.0**-d for d in self.part_decimals)

    @property
    def p_rounding(self) -> float:
        """For a sum of several parts: how likely the parts' independent rounding errors are to leave a
        gap at least as large as this one when the total is rounded from the same amounts (NaN for other
        kinds; see :func:`rounding_probability`)."""
        if self.kind != SUM or self.terms < 2 or math.isnan(self.difference):
            return float("nan")
        return rounding_probability(self.printed, self.recomputed, self.decimals, self.part_decimals)

    @property
    def status(self) -> str:
        # A "sum" of one printed figure is that figure printed again: a restatement, with no band.
        kind = RESTATEMENT if self.kind == SUM and self.terms == 1 else self.kind
        # The restated figure's own decimals (a restatement's ``input_decimals``). A one-term sum is a
        # table's row and its Sum in one unit, both rounded from one amount: no cut, so no half unit.
        source = None if self.kind == SUM else self.input_decimals
        return classify(self.printed, self.recomputed, self.decimals, kind, self.tolerance, self.low, self.high,
                        source_decimals=source if isinstance(source, int) else None)  # fmt: skip

    def as_row(self) -> dict:
        row = asdict(self)
        row["difference"] = self.difference
        if self.kind == SUM:
            row["input_decimals"] = " ".join(str(d) for d in self.part_decimals)
        else:  # a restatement's source decimals, where given (the rule's half unit of the table's figure)
            row["input_decimals"] = "" if self.input_decimals is None else str(self.input_decimals)
        row["tolerance"] = self.tolerance
        row["p_rounding"] = self.p_rounding
        row["status"] = self.status
        return row


def classify(
    printed: float,
    recomputed: float,
    decimals: int = 0,
    kind: str = SUM,
    tolerance: float | None = None,
    low: float = float("nan"),
    high: float = float("nan"),
    source_decimals: int | None = None,
) -> str:
    """The book's one tolerance rule, by the kind of relation.

    Always ``exact`` when the recomputed figure rounds to the printed one (within half a unit of
    the printed figure's last digit). Otherwise:

    * ``sum`` of n printed figures: each is off its true value by up to half a unit, and so is the
      printed total, so rounding can explain up to (n + 1)/2 units (``tolerance``; the default
      ``None`` means n = 2, a difference of two figures): ``rounding``, beyond it ``discrepancy``.
      This is the worst case (the total rounded independently of its parts); a total rounded from the
      same amounts can be off by n/2 units at most, so for odd n the band is one unit generous, and
      ``Check.p_rounding`` says how likely the gap is under that tighter model;
    * ``restatement``: ``truncated`` when the printed figure is the restated quantity cut, not rounded,
      at the printed digit, otherwise ``discrepancy``: there is no band. The restated figure is itself
      rounded, to ``source_decimals`` (the table's figure's own decimals, in the printed figure's unit),
      so the quantity behind it lies within half its unit, and the cut figure may lie up to one printed
      unit plus that half unit below it in size (a table's 1 619 thousand, from 1 618 6xx kroner, cut to
      1.618 million in the text). Where the check does not give ``source_decimals`` the restated figure
      is taken as it stands (no half unit): the cut must then be under one printed unit;
    * ``share``: ``rounding`` when the printed figure's own rounding interval meets the range
      [``low``, ``high``] the rounded inputs allow, otherwise ``discrepancy``;
    * ``claim``: a claim in words either holds (``exact``) or is contradicted (``discrepancy``);
    * ``estimate``: never graded.

    A figure that cannot be recomputed (NaN) is a discrepancy, except in an estimate.
    """
    if kind == ESTIMATE_KIND:
        return ESTIMATE
    if printed is None or recomputed is None or math.isnan(printed) or math.isnan(recomputed):
        return DISCREPANCY
    unit = 10.0**-decimals
    noise = UNIT_SLACK * unit + SIZE_SLACK * max(abs(printed), abs(recomputed))
    gap = abs(printed - recomputed)
    if gap <= unit / 2 + noise:
        return EXACT
    if kind == SUM:
        band = 1.5 * unit if tolerance is None or math.isnan(tolerance) else tolerance
        return ROUNDING if gap <= band + noise else DISCREPANCY
    if kind == RESTATEMENT:
        same_sign = printed == 0 or recomputed == 0 or (printed > 0) == (recomputed > 0)
        cut = abs(recomputed) - abs(printed)
        source_half = 0.0 if source_decimals is None else 0.5 * 10.0**-source_decimals
        return TRUNCATED if same_sign and -noise <= cut < unit + source_half - noise else DISCREPANCY
    if kind == SHARE:
        meets = printed + unit / 2 >= low - noise and printed - unit / 2 <= high + noise
        return ROUNDING if meets else DISCREPANCY
    return DISCREPANCY  # a claim that does not hold


def rounding_probability(printed: float, recomputed: float, decimals: int, part_decimals: Iterable[int]) -> float:
    """Probability that rounding alone leaves a gap at least as large as ``printed`` − ``recomputed``
    between a printed total (``decimals``) and the sum of its printed parts (``recomputed``, each part
    printed with its entry of ``part_decimals``, all in the total's unit), when the total is rounded
    from the exact sum of the same amounts the parts are rounded from.

    Each part is then off its true amount by an independent error spread evenly over ± half its unit;
    the parts' sum is off the true total by the sum E of these n errors, and the printed total is the
    true total rounded. The gap is therefore fixed by E alone (the total's own rounding is not a further
    independent error): with the parts' sum on the total's grid, it is E rounded to the total's unit.
    E has the Irwin–Hall distribution (for mixed units, its generalisation); this computes it exactly,
    in fractions, grouping the parts by unit."""
    part_decimals = tuple(int(d) for d in part_decimals)
    finest = max(0, decimals, *part_decimals)

    def exact(x: float) -> Fraction:  # the printed figures are exact decimals at the finest unit
        return Fraction(round(x * 10**finest), 10**finest)

    unit = _unit(decimals)
    total, parts_sum = exact(printed), exact(recomputed)
    gap = abs(total - parts_sum)
    # The printed totals as far from the parts' sum as the printed one: the grid points at least ``gap``
    # above it and at least ``gap`` below it; E must carry the exact total into their rounding intervals.
    above = math.ceil((parts_sum + gap) / unit) * unit
    below = math.floor((parts_sum - gap) / unit) * unit
    widths = tuple(sorted(Counter(_unit(d) for d in part_decimals).items()))
    p = _tail(above - unit / 2 - parts_sum, widths) + _tail(parts_sum - below - unit / 2, widths)
    return float(min(1, max(0, p)))


def chance_of_a_flag(recomputed: float, decimals: int, part_decimals: Iterable[int]) -> float:
    """How likely rounding alone is to flag this sum as improbable (a gap whose probability is below
    ``IMPROBABLE``): the probability of the smallest such gap, under :func:`rounding_probability`."""
    part_decimals = tuple(part_decimals)
    unit = float(_unit(decimals))
    for steps in range(1, 2 + len(part_decimals) * 10 ** max(0, max(part_decimals) - decimals)):
        p = rounding_probability(recomputed + steps * unit, recomputed, decimals, part_decimals)
        if p < IMPROBABLE:
            return p
    return 0.0


def expected_flags(frame: pd.DataFrame) -> float:
    """The number of sums (of two or more parts) that rounding alone would flag as improbable, on
    average: among several hundred sums, a few flags below ``IMPROBABLE`` are expected by chance."""
    sums = frame[(frame["kind"] == SUM) & (frame["terms"] >= 2)]
    return sum(
        chance_of_a_flag(r, int(d), [int(x) for x in str(parts).split()])
        for r, d, parts in zip(sums["recomputed"], sums["decimals"], sums["input_decimals"], strict=True)
        if not math.isnan(r)
    )


def _unit(decimals: int) -> Fraction:
    return Fraction(1, 10**decimals) if decimals >= 0 else Fraction(10**-decimals)


@cache  # the same few (threshold, units) pairs recur across the book's sums
def _tail(y: Fraction, units: tuple[tuple[Fraction, int], ...]) -> Fraction:
    """P(E ≥ y) for E the sum of independent errors spread evenly over ± half of each unit (``units``:
    (unit, how many parts) pairs)."""
    n = sum(m for _, m in units)
    span = sum(u * m for u, m in units)
    # The errors shifted to [0, u] each sum to S on [0, span]; E ≥ y means S ≥ y + span/2.
    x = y + span / 2
    if x <= 0:
        return Fraction(1)
    if x >= span:
        return Fraction(0)
    widths, counts = zip(*units, strict=True)
    cdf = Fraction(0)
    for taken in np.ndindex(*(m + 1 for m in counts)):
        shift = x - sum(k * w for k, w in zip(taken, widths, strict=True))
        if shift > 0:
            weight = math.prod(math.comb(m, k) for m, k in zip(counts, taken, strict=True))
            cdf += (-1) ** sum(taken) * weight * shift**n
    cdf /= math.factorial(n) * math.prod(w**m for w, m in units)
    return 1 - cdf


def corner_range(func: Callable[..., float], *intervals: tuple[float, float]) -> tuple[float, float]:
    """Smallest and largest value of ``func`` over the corners of the box of ``intervals``: the range
    of a ratio, share or change of rounded figures (monotonic in each input where it is defined)."""
    values = []
    for corner in np.array(np.meshgrid(*intervals)).T.reshape(-1, len(intervals)):
        try:
            result = float(func(*corner))
        except ZeroDivisionError:
            continue
        if not math.isnan(result):
            values.append(result)
    return (min(values), max(values)) if values else (float("nan"), float("nan"))


def rounded(figure: float, decimals: int = 0) -> tuple[float, float]:
    """The interval a figure printed with ``decimals`` decimals stands for."""
    half = 0.5 * 10.0**-decimals
    return float(figure) - half, float(figure) + half


def share_range(part: float, whole: float, part_decimals: int = 0, whole_decimals: int = 0) -> tuple[float, float]:
    """Range of ``part`` / ``whole`` × 100 when both are printed rounded (an exact count has
    decimals that make its half unit negligible: pass a large number)."""
    return corner_range(lambda p, w: pct(p, w), rounded(part, part_decimals), rounded(whole, whole_decimals))


# ---------------------------------------------------------------------------------------------
# The registry of identities.

IDENTITIES: dict[str, list[Callable[[Getter], Iterable[Check]]]] = {}


def identity(chapter: str):
    """Register an identity (a function of a table getter yielding checks) for ``chapter``."""

    def register(func):
        IDENTITIES.setdefault(chapter, []).append(func)
        return func

    return register


def from_disk(name: str) -> pd.DataFrame:
    """Table getter reading ``data/``, again whenever a file changed since the last read (a student's
    edit shows on the next run of a cell, no restart needed); callers get a copy they may change."""
    return load_current(name).copy()


CHECK_COLUMNS = [
    "check_id", "chapter", "what", "printed", "recomputed", "difference", "unit", "decimals", "kind",
    "terms", "input_decimals", "tolerance", "p_rounding", "low", "high", "status", "table", "section",
    "source_lines",
]  # fmt: skip


def altered(table: str, column: str, new_value: float, add: bool = False, **where) -> Getter:
    """A table getter reading ``data/`` with one cell changed in memory: the row of ``table`` that
    ``where`` picks (e.g. ``label="Sum"``) gets ``new_value`` in ``column`` (added to it with ``add``).
    Tests and the chapters' *Try it* sections use it to see which checks react."""

    def get(name: str) -> pd.DataFrame:
        frame = from_disk(name)
        if name == table:
            mask = pd.Series(True, index=frame.index)
            for key, wanted in where.items():
                mask &= frame[key] == wanted
            if mask.sum() != 1:
                raise row_not_found(frame, where, int(mask.sum()), column)
            frame.loc[mask, column] = frame.loc[mask, column] + new_value if add else new_value
        return frame

    return get


def run(chapter: str | None = None, get: Getter = from_disk, only: Iterable[str] | None = None) -> pd.DataFrame:
    """Run the registered identities (of one chapter, or all) and return one row per check."""
    from . import identities  # noqa: F401  (registers the identities on import)

    chapters = [chapter] if chapter else sorted(IDENTITIES)
    wanted = set(only) if only is not None else None
    rows = []
    for ch in chapters:
        for func in IDENTITIES.get(ch, []):
            if wanted is not None and func.__name__ not in wanted:
                continue
            name = f"{func.__module__}.{func.__qualname__}"
            rows.extend(c.as_row() | {"identity": name} for c in func(get))
    frame = pd.DataFrame(rows, columns=[*CHECK_COLUMNS, "identity"])
    duplicated = frame["check_id"][frame["check_id"].duplicated()]
    if len(duplicated):
        raise ValueError(f"check ids are not unique: {sorted(set(duplicated))}")
    return frame


@cache
def release_tag() -> str:
    """The release tag of this version of the book, ``v`` + CITATION.cff's version (the release step
    creates the tag)."""
    import yaml

    return "v" + str(yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))["version"])


@cache
def _repository_url() -> str:
    import yaml

    config = yaml.safe_load((REPO_ROOT / "_config.yml").read_text(encoding="utf-8"))
    repository = config.get("repository", {})
    # Pinned to the release the page belongs to (CITATION.cff's version, tagged v<version> by a release),
    # so a link keeps pointing at the code that made the check when the main branch moves on.
    return f"{repository['url'].rstrip('/')}/blob/{release_tag()}"


@cache
def identity_url(name: str) -> str:
    """Where the identity ``name`` (``module.function``, the ``identity`` column of :func:`run`) is
    written: its file and first line in the repository (``repository.url`` of ``_config.yml``), so a
    reader can follow a check from the page to its computation."""
    import importlib
    import inspect

    module_name, _, function = name.rpartition(".")
    func = getattr(importlib.import_module(module_name), function)
    path = Path(inspect.getsourcefile(func)).resolve().relative_to(REPO_ROOT)
    lines, first = inspect.getsourcelines(func)
    # The ``def`` line itself, below the ``@identity`` decorator.
    line = first + next(i for i, text in enumerate(lines) if text.lstrip().startswith("def "))
    return f"{_repository_url()}/{path.as_posix()}#L{line}"


def summary(checks: pd.DataFrame) -> pd.DataFrame:
    """Counts of checks by chapter and status, every status a column."""
    counts = checks.groupby(["chapter", "status"]).size().unstack(fill_value=0)
    return counts.reindex(columns=list(STATUSES), fill_value=0)


# ---------------------------------------------------------------------------------------------
# Building blocks the chapter identities are written with.


def check(
    chapter: str,
    check_id: str,
    what: str,
    printed: float,
    recomputed: float,
    table: str,
    source_lines,
    decimals: int = 0,
    unit: str | None = None,
    section: str | None = None,
    kind: str = SUM,
    terms: int = 2,
    input_decimals: int | tuple[int, ...] | None = None,
    bounds: tuple[float, float] | None = None,
) -> Check:
    """A :class:`Check` with the table's unit and report section filled in from the descriptor
    unless given; the one constructor the chapters' identities use. ``table`` may name several
    tables (``"a, b"``) when ``unit`` and ``section`` are given. ``kind``, ``terms``,
    ``input_decimals`` and ``bounds`` (a share's range) choose the tolerance: see :func:`classify`."""
    info = meta(table) if unit is None or section is None else {}
    low, high = bounds if bounds is not None else (float("nan"), float("nan"))
    return Check(
        check_id=check_id,
        chapter=chapter,
        what=what,
        printed=float(printed),
        recomputed=float(recomputed),
        unit=info["unit"] if unit is None else unit,
        decimals=int(decimals),
        table=table,
        source_lines=str(source_lines),
        section=info["section"] if section is None else section,
        kind=kind,
        terms=int(terms),
        input_decimals=tuple(input_decimals) if isinstance(input_decimals, list) else input_decimals,
        low=float(low),
        high=float(high),
    )


# The unit of a claim: printed 1 (the report says so), recomputed 1 if the figures bear it out, else 0.
CLAIM_UNIT = "claim (1 = holds)"


def claim(chapter: str, check_id: str, what: str, holds: bool, table: str, source_lines, section: str | None = None):
    """A statement of the report in words ("has increased", "higher than budgeted") against the
    printed figures it speaks about: the one constructor of the chapters' claims."""
    return check(chapter, check_id, what, 1.0, 1.0 if holds else 0.0, table, source_lines, 0, CLAIM_UNIT, section,
                 kind=CLAIM)  # fmt: skip


def lines_of(table: str, frame: pd.DataFrame | None = None, mask=None) -> str:
    """Source lines of a table (or of the rows ``mask`` selects) as 'first–last' text."""
    if frame is not None and mask is not None:
        rows = frame.loc[mask, "source_line"].dropna().astype(int)
        if len(rows):
            lo, hi = rows.min(), rows.max()
            return str(lo) if lo == hi else f"{lo}–{hi}"
    lo, hi = resource(table).spec["source_lines"]
    return f"{lo}–{hi}"


def meta(table: str) -> dict:
    """The descriptor's facts a check needs: section and unit of a table."""
    spec = resource(table).spec
    return {"section": spec.get("report_section", ""), "unit": spec.get("unit", "")}


def decimals_of(table: str, column: str) -> int:
    return int(resource(table).field(column).get("decimals", 0))


def value(frame: pd.DataFrame, column: str, **where) -> float:
    """The one value of ``column`` in the row matching ``where`` (e.g. ``label="Sum"``)."""
    # Plain boolean arrays: this lookup runs thousands of times in the perturbation test.
    mask = np.ones(len(frame), dtype=bool)
    for key, wanted in where.items():
        mask &= (frame[key] == wanted).to_numpy(dtype=bool, na_value=False)
    hits = np.flatnonzero(mask)
    if len(hits) != 1:
        raise row_not_found(frame, where, len(hits), column)
    result = frame[column].iloc[hits[0]]
    return float("nan") if pd.isna(result) else float(result)


def sum_checks(
    chapter: str,
    get: Getter,
    table: str,
    columns: Iterable[str],
    total: dict,
    parts=None,
    what: str = "",
    check_id: str = "",
) -> list[Check]:
    """For each column, the row ``total`` (e.g. ``{"label": "Sum"}``) against the sum of ``parts``
    (a boolean mask function of the frame; default: all rows of kind ``item``)."""
    frame = get(table)
    mask = parts(frame) if parts is not None else frame["row_kind"] == "item"
    total_rows = frame
    for key, wanted in total.items():
        total_rows = total_rows[total_rows[key] == wanted]
    total_label = total_rows["label"].iloc[0] if len(total_rows) == 1 else str(total)
    info = meta(table)
    out = []
    for column in columns:
        field_unit = resource(table).field(column).get("unit", info["unit"])
        out.append(
            Check(
                check_id=f"{check_id or table}.sum.{column}",
                chapter=chapter,
                what=what or f"{total_label} = sum of its rows ({resource(table).field(column).get('title', column)})",
                printed=value(frame, column, **total),
                recomputed=float(frame.loc[mask, column].fillna(0).sum()),
                terms=int(frame.loc[mask, column].notna().sum()),
                unit=field_unit,
                decimals=decimals_of(table, column),
                table=table,
                source_lines=lines_of(table),
                section=info["section"],
            )
        )
    return out


def row_checks(
    chapter: str,
    get: Getter,
    table: str,
    column: str,
    formula: Callable[[pd.Series], float],
    what: str,
    rows=None,
    key: str = "label",
    kind: str = SUM,
    terms: int = 2,
    bounds: Callable[[pd.Series], tuple[float, float]] | None = None,
) -> list[Check]:
    """For every row (or those ``rows`` selects), the printed ``column`` against ``formula(row)``,
    e.g. a deviation recomputed from actual and budget (a ``sum`` of two ``terms``), or a deviation
    % (a ``share`` whose ``bounds(row)`` is the range the row's rounded figures allow)."""
    frame = get(table)
    if rows is not None:
        frame = frame[rows(frame)]
    info = meta(table)
    field = resource(table).field(column)
    out = []
    for _, row in frame.iterrows():
        if pd.isna(row[column]):
            continue
        out.append(
            Check(
                check_id=f"{table}.{column}.{row[key]}",
                chapter=chapter,
                what=f"{what}: {row[key]}",
                printed=float(row[column]),
                recomputed=float(formula(row)),
                unit=field.get("unit", info["unit"]),
                decimals=int(field.get("decimals", 0)),
                table=table,
                source_lines=str(int(row["source_line"])),
                section=info["section"],
                kind=kind,
                terms=terms,
                low=bounds(row)[0] if bounds else float("nan"),
                high=bounds(row)[1] if bounds else float("nan"),
            )
        )
    return out


def pct(part: float, whole: float) -> float:
    """``part`` as a percent of ``whole`` (NaN when the whole is zero)."""
    return float("nan") if whole == 0 else 100.0 * part / whole


# How many NOK thousand one unit of each money unit is, to rank findings by size across tables.
IN_NOK_THOUSAND = {"NOK 1000": 1.0, "NOK thousand": 1.0, "NOK": 0.001, "NOK million": 1000.0}
