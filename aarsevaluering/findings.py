"""Findings: the checks the report's figures fail, grouped by the one slip behind them, with a verdict.

A *finding* is one underlying issue and every check it breaks (a mistyped cell breaks a column sum and
a deviation: one finding). Its words are content, not code: each chapter's findings are written in
``findings/<chapter>.yaml`` at the root of the repository, one entry per finding::

    - id: drift-loan-fund-interest-budget      # stable: cited from outside, never reused
      label: Loan fund interest budget          # a few plain words (at most LABEL_CHARS): a chart's row name
      title: One line saying what is wrong
      verdict: error                            # error | inconsistency | scope | unstated | estimate
      nature: budget                            # statutory | budget | narrative | hr (see NATURES)
      checks:                                   # check ids, or fnmatch patterns of check ids
        - drift_loan_fund_accounts.inntekter.sum.revised_budget_2023
      size_check: <check id>                    # optional: whose difference is the finding's size
      wrong_figure: Which printed figure is most likely wrong, where the report's own figures tell.
      locator:                                  # optional for a finding on a table (the table's own
        section: Driftsregnskapet › Lånefondets regnskap    # locator in datapackage.json is used)
        caption: Lånefondets driftsregnskap for 2023        # the printed caption, if any
        search: Lånefond renteinntekter                     # printed words to search the PDF for
        line: 2509                                          # the book's internal reference
      should_read: What the corrected figure or words should be (the management letter's entry).
      figure: "{cell:drift_loan_fund_accounts|revised_budget_2023|Lånefond renteinntekter}"  # optional: the
                                                # printed figure the letter names (default: the size check's)
      explanation: >
        The book's words. Figures are never typed: {printed:<check id>}, {recomputed:<check id>},
        {difference:<check id>} and {gap:<check id>} (its size, unsigned) paste a check's figures in
        its unit; {cell:<table>|<column>|<label>} pastes a printed cell. An optional last part
        (``{recomputed:<check id>|3}``) sets the decimals; ``|million`` writes an amount in the house
        style (NOK million, one decimal) whatever its table's unit.
      qualitative: [fiscal-rule]                # optional: the qualitative factors that move its
                                                # materiality (see FACTORS)

A pattern gathers the checks it matches that fall outside rounding (``discrepancy``, ``truncated``
or ``estimate``); a check id written out in full must be one of them, or the finding is stale.
Every discrepancy belongs to exactly one finding (``tests/test_findings.py``).

The *register* holds only findings about what the report prints. An entry whose checks are all the
book's own estimates (a model, a base the report never prints) has the verdict ``estimate`` and a
``rests_on`` line instead of a nature: it is listed apart, as one of the book's estimates
(:func:`estimates`), and is never counted as a finding. Each register finding is placed against the
materiality thresholds (:func:`materiality`, ISA 320 practice) and, where ``should_read`` says what the
report should have printed, is a recommended correction in the management letter (:func:`letter`).
"""

from __future__ import annotations

import fnmatch
import html
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from .checks import (
    CLAIM_UNIT,
    DISCREPANCY,
    ESTIMATE,
    EXACT,
    IN_NOK_THOUSAND,
    ROUNDING,
    TRUNCATED,
    Getter,
    from_disk,
    identity_url,
    value,
)
from .checks import IMPROBABLE as IMPROBABLE_P
from .data import REPO_ROOT, DataError, _note_read, resource
from .fmt import fmt, fmt_difference, unit_name
from .tables import OpenRow, _unbreakable_numbers, expandable_table, row_toggle

FINDINGS_DIR = REPO_ROOT / "findings"

# The closed vocabulary of verdicts, with what each one means (shown on the audit page).
VERDICTS = {
    "error": "The report's figures contradict each other, and its own figures show which one is wrong.",
    "inconsistency": "The report's figures contradict each other, and nothing printed says which is right.",
    "scope": "The figures measure different things (the report says so, or the figures show it): "
    "not an error, only unstated.",
    "unstated": "The comparison rests on a relation the report never states; nothing printed speaks against it.",
}
CONTRADICTED = ("error", "inconsistency")
# The book's own estimates: entries whose checks are all estimates; listed apart, never in the register.
BOOK_ESTIMATE = "estimate"
# What part of the report a finding is about (an auditor weighs a slip in the statutory accounts
# differently from one in a staff statistic).
NATURES = {
    "statutory": "statutory accounts: the financial statements and the notes and tables the accounts require",
    "budget": "budget columns: adopted and revised budgets and the deviations from them",
    "tables": "the report's own tables: breakdowns printed beside its text (B01, B02, D03, D04), not the "
    "financial statements, which stand in the accounts' appendix (line 3504)",
    "narrative": "narrative text: figures and claims in the report's sentences",
    "hr": "HR statistics: staff, positions, sick leave, pay",
}
# Statuses a finding may gather; a discrepancy must be in one.
OUTSIDE_ROUNDING = (DISCREPANCY, TRUNCATED, ESTIMATE)
FIELDS = {"id", "label", "title", "verdict", "checks", "explanation", "wrong_figure", "size_check", "nature",
          "locator", "should_read", "rests_on", "figure", "qualitative"}  # fmt: skip
REQUIRED = {"id", "label", "title", "verdict", "checks", "explanation"}
# A finding's label names its row in a chart (the audit's materiality chart) in plain words: short enough
# that the row names leave the plot most of the figure's width (its id, a slug, took half of it).
LABEL_CHARS = 32
LOCATOR_FIELDS = {"section", "caption", "search", "line"}
PLACEHOLDER = re.compile(r"\{(printed|recomputed|difference|gap|cell):([^{}]+)\}")

# Materiality as an auditor sets it (ISA 320 practice): overall materiality a share of a benchmark that
# suits a municipality, gross operating income; performance materiality a part of it (the amount a group
# of misstatements may reach before together they risk being material); and a line below which a
# misstatement is clearly trivial, a small share of materiality.
MATERIALITY_PCT = 1.0
PERFORMANCE_PCT = 50.0  # a first engagement, no history of misstatements: the low end of 50–75 %
TRIVIAL_SHARE_PCT = 5.0
MATERIAL, BELOW_MATERIALITY, TRIVIAL = "material", "below materiality", "clearly trivial"
BY_NATURE_MATERIAL, BY_NATURE_NOT = "not in NOK: material by nature", "not in NOK: not material by nature"
NOT_WEIGHED = "not weighed (not a misstatement)"
LEVELS = (MATERIAL, BELOW_MATERIALITY, TRIVIAL, BY_NATURE_MATERIAL, BY_NATURE_NOT, NOT_WEIGHED)
# The counts' keys (``level_<key>``) of each level.
LEVEL_KEYS = dict(zip(LEVELS, ("material", "below_materiality", "clearly_trivial", "by_nature_material",
                               "by_nature_not_material", "not_weighed"), strict=True))  # fmt: skip
# The letter ranks by weight: what is material (by size or by nature) before what is not.
LETTER_LEVELS = (MATERIAL, BY_NATURE_MATERIAL, BELOW_MATERIALITY, TRIVIAL, BY_NATURE_NOT, NOT_WEIGHED)
QUALITATIVE = BY_NATURE_NOT  # kept for callers that ask whether a finding is weighed by size
# Qualitative factors (ISA 320 and 450: the nature and circumstances of a misstatement, not only its
# size), written on a finding as ``qualitative: [<factor>, ...]``. Each says how it moves the level.
FACTORS = {
    "fiscal-rule": "it misstates an indicator of the municipality's financial rules (lines 2046–2062: netto "
    "driftsresultat and its share of gross operating income, the discretionary fund, self-financing of "
    "investments): material whatever its size",
    "no-total": "a typing error in one cell whose printed total and deviation were computed from the right "
    "figure: only the cell is misstated, not what a reader adds up or compares: one level lower (a judgement: "
    "the aggregation below depends on it)",
    "label-only": "the amount is right and only its label is wrong: one level lower",
    "key-figure": "not in NOK, but a headline figure a reader quotes (a share or count stated in the text, or a "
    "table's total): material by nature",
}
# The factors as a reader meets them on the page: by name, never by the slug a finding file writes.
# "no-total" names its reason where the level stands (designer s12b: a NOK 300.0 million row "below materiality"
# under a NOK 91.2 million threshold read backwards with only "no total affected" beside it).
FACTOR_NAMES = {"fiscal-rule": "fiscal rule", "no-total": "one cell; no total affected", "label-only": "label only",
                "key-figure": "key figure"}  # fmt: skip


def factor_name(slug: str) -> str:
    """A qualitative factor's name on the page ("one cell; no total affected" for ``no-total``)."""
    return FACTOR_NAMES.get(slug, slug.replace("-", " "))


# The chapters in the book's order, each by one name everywhere on the audit page: the short form of its
# title (its number and the English part, "1 Operating account"); the sidebar's titles are the theme's.
CHAPTER_NAMES = {"driftsregnskap": "1 Operating account", "investeringsregnskap": "2 Investment account",
                 "balanse": "3 Debt and funds", "pensjon": "4 Pensions", "personnel": "5 Personnel"}  # fmt: skip


def chapter_name(chapter: str) -> str:
    """A chapter's one name on the audit page (``CHAPTER_NAMES``)."""
    return CHAPTER_NAMES.get(chapter, chapter)


FINDING_COLUMNS = [
    "finding_id", "chapter", "label", "title", "verdict", "nature", "checks", "size", "size_text", "size_figure",
    "size_unit_shown", "relative_text", "unit", "size_nok_million", "materiality", "materiality_by_size",
    "qualitative", "printed_nok_million",
    "source_lines", "section", "caption", "search", "line",
    "wrong_figure", "should_read", "explanation", "check_ids", "code_urls",
]  # fmt: skip


@dataclass(frozen=True)
class Finding:
    finding_id: str
    chapter: str
    title: str
    label: str
    verdict: str
    checks: tuple[str, ...]
    explanation: str
    wrong_figure: str = ""
    size_check: str = ""
    nature: str = ""
    locator: tuple[tuple[str, str], ...] = ()
    should_read: str = ""
    rests_on: str = ""
    figure: str = ""
    qualitative: tuple[str, ...] = ()

    @property
    def is_estimate(self) -> bool:
        """An entry of the book's estimates, not a finding of the register."""
        return self.verdict == BOOK_ESTIMATE

    def matches(self, check_id: str) -> bool:
        return any(check_id == p or fnmatch.fnmatchcase(check_id, p) for p in self.checks)


def _is_pattern(text: str) -> bool:
    return any(ch in text for ch in "*?[")


@cache
def _load_file(path: Path) -> tuple[Finding, ...]:
    chapter = path.stem
    _note_read(path)  # the build re-executes a page when a findings file it read changes
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise DataError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(entries, list):
        raise DataError(f"{path.name}: expected a list of findings")
    out = []
    for number, entry in enumerate(entries, start=1):
        label = entry.get("id", "no id") if isinstance(entry, dict) else repr(entry)
        where = f"{path.name}, finding {number} ({label})"
        if not isinstance(entry, dict):
            raise DataError(f"{where}: expected a mapping")
        missing, unknown = REQUIRED - set(entry), set(entry) - FIELDS
        if missing or unknown:
            raise DataError(f"{where}: missing {sorted(missing)}, unknown {sorted(unknown)}")
        if entry["verdict"] not in (*VERDICTS, BOOK_ESTIMATE):
            raise DataError(f"{where}: verdict {entry['verdict']!r} is not one of {sorted([*VERDICTS, BOOK_ESTIMATE])}")
        checks = entry["checks"]
        if isinstance(checks, str) or not checks:
            raise DataError(f"{where}: 'checks' must be a non-empty list")
        if entry["verdict"] == BOOK_ESTIMATE:
            if not entry.get("rests_on") or entry.get("nature"):
                raise DataError(f"{where}: one of the book's estimates says what it rests_on and has no nature")
        elif entry.get("nature") not in NATURES:
            raise DataError(f"{where}: nature {entry.get('nature')!r} is not one of {sorted(NATURES)}")
        factors = entry.get("qualitative") or []
        if isinstance(factors, str) or set(factors) - set(FACTORS):
            raise DataError(f"{where}: qualitative must be a list of {sorted(FACTORS)}")
        short = " ".join(str(entry["label"] or "").split())
        if not short or len(short) > LABEL_CHARS:
            raise DataError(f"{where}: label {short!r} must be 1 to {LABEL_CHARS} characters, not {len(short)}")
        locator = entry.get("locator") or {}
        if not isinstance(locator, dict) or set(locator) - LOCATOR_FIELDS:
            raise DataError(f"{where}: locator must be a mapping of {sorted(LOCATOR_FIELDS)}")
        out.append(
            Finding(
                finding_id=str(entry["id"]),
                chapter=chapter,
                title=" ".join(str(entry["title"]).split()),
                label=short,
                verdict=entry["verdict"],
                checks=tuple(str(c) for c in checks),
                explanation=" ".join(str(entry["explanation"]).split()),
                wrong_figure=" ".join(str(entry.get("wrong_figure", "")).split()),
                size_check=str(entry.get("size_check", "")),
                nature=str(entry.get("nature", "")),
                locator=tuple((k, " ".join(str(v).split())) for k, v in locator.items()),
                should_read=" ".join(str(entry.get("should_read", "")).split()),
                rests_on=" ".join(str(entry.get("rests_on", "")).split()),
                figure=str(entry.get("figure", "")),
                qualitative=tuple(factors),
            )
        )
    return tuple(out)


def load(chapter: str | None = None) -> list[Finding]:
    """Every finding (of one chapter), in the order written; ids must be unique across the book."""
    paths = sorted(FINDINGS_DIR.glob("*.yaml")) if chapter is None else [FINDINGS_DIR / f"{chapter}.yaml"]
    found = [f for path in paths if path.exists() for f in _load_file(path)]
    ids = pd.Series([f.finding_id for f in found])
    if ids.duplicated().any():
        raise DataError(f"findings: ids used twice: {sorted(set(ids[ids.duplicated()]))}")
    labels = pd.Series([f.label.casefold() for f in found])
    if labels.duplicated().any():  # a chart's two rows of one name could not be told apart
        twice = [
            f"{f.finding_id} ({f.chapter}.yaml)"
            for f, dup in zip(found, labels.duplicated(keep=False), strict=True)
            if dup
        ]
        raise DataError(f"findings: one label for two findings: {', '.join(twice)}")
    return found


def assign(checks: pd.DataFrame, findings: list[Finding] | None = None) -> pd.DataFrame:
    """``checks`` with ``finding_id`` and ``verdict``: the finding a check belongs to and its verdict,
    or, outside any finding, an empty id and the check's status as its verdict."""
    findings = load() if findings is None else findings
    ids, verdicts = [], []
    by_id = {f.finding_id: f for f in findings}
    for check_id, status in zip(checks["check_id"], checks["status"], strict=True):
        hits = [f.finding_id for f in findings if status in OUTSIDE_ROUNDING and f.matches(check_id)]
        if len(hits) > 1:
            raise DataError(f"check {check_id} belongs to more than one finding: {hits}")
        ids.append(hits[0] if hits else "")
        verdicts.append(by_id[hits[0]].verdict if hits else status)
    return checks.assign(finding_id=ids, verdict=verdicts)


class FindingsError(DataError):
    """The findings no longer fit the checks: a discrepancy that belongs to no finding, or a finding whose
    checks no longer disagree (after a change to a table, a finding file or an identity)."""


def require_consistent(checks: pd.DataFrame, findings: list[Finding] | None = None) -> None:
    """Stop with one line when :func:`problems` finds anything, so that no page can state counts or
    sentences written for figures that are no longer the data's."""
    found = problems(checks, findings)
    if found:
        more = f" ({len(found) - 1} more problem(s) after it)" if len(found) > 1 else ""
        raise FindingsError(
            f"{found[0]}{more}. Every discrepancy needs one finding and every finding a discrepancy: "
            "edit findings/<chapter>.yaml, or check the table you changed (tests/test_findings.py lists them all)"
        )


def problems(checks: pd.DataFrame, findings: list[Finding] | None = None) -> list[str]:
    """What is wrong with the findings against today's checks (empty when all is well): a discrepancy
    in no finding, a finding with no check, a check named in full that is not outside rounding, an
    estimate or a truncation judged as the report's contradiction, a placeholder that does not resolve."""
    findings = load() if findings is None else findings
    assigned = assign(checks, findings)
    out = [
        f"discrepancy without a finding: {cid}"
        for cid in assigned.loc[(assigned["status"] == DISCREPANCY) & (assigned["finding_id"] == ""), "check_id"]
    ]
    status = dict(zip(checks["check_id"], checks["status"], strict=True))
    for finding in findings:
        members = assigned[assigned["finding_id"] == finding.finding_id]
        where = f"finding {finding.finding_id} ({finding.chapter}.yaml)"
        if members.empty:
            out.append(f"{where}: matches no check outside rounding")
        for name in finding.checks:
            if not _is_pattern(name) and status.get(name) not in OUTSIDE_ROUNDING:
                out.append(f"{where}: check {name} is {status.get(name, 'not a check')}")
        if finding.verdict in CONTRADICTED and not (members["status"] == DISCREPANCY).any():
            out.append(f"{where}: verdict {finding.verdict} but none of its checks is a discrepancy")
        only_estimates = not members.empty and (members["status"] == ESTIMATE).all()
        if only_estimates and not finding.is_estimate:
            out.append(f"{where}: holds only estimates, so it is one of the book's estimates, not a finding")
        if finding.is_estimate and not members.empty and not only_estimates:
            out.append(f"{where}: one of the book's estimates holds checks that are not estimates")
        if not finding.is_estimate:
            try:
                locate(finding, members)
            except (KeyError, DataError) as exc:
                out.append(f"{where}: {exc}")
        if finding.size_check and finding.size_check not in set(members["check_id"]):
            out.append(f"{where}: size_check {finding.size_check} is not one of its checks")
        try:
            for text in (finding.title, finding.explanation, finding.wrong_figure, finding.should_read,
                         finding.rests_on, finding.figure):  # fmt: skip
                render(text, checks)
        except (KeyError, ValueError, DataError) as exc:
            out.append(f"{where}: {exc}")
    return out


# ---------------------------------------------------------------------------------------------
# Words with glued figures.


# The positions of the checks' ids in the last frame looked up (the frame itself is kept, so an identical
# id can only mean the same frame): a chapter renders hundreds of placeholders against one frame of checks,
# and a boolean mask over all of them for each cost a second per notebook run.
_POSITIONS: list = [None, {}]


def _check_row(checks: pd.DataFrame, check_id: str) -> pd.Series:
    for fresh in (False, True):  # a row that no longer holds its id (the frame changed): look again
        if fresh or _POSITIONS[0] is not checks:
            positions: dict[str, int | None] = {}
            for position, name in enumerate(checks["check_id"].tolist()):
                positions[name] = None if name in positions else position  # None: not unique
            _POSITIONS[:] = [checks, positions]
        position = _POSITIONS[1].get(check_id)
        if position is not None and position < len(checks) and checks["check_id"].iat[position] == check_id:
            return checks.iloc[position]
    raise KeyError(f"placeholder names check {check_id!r}, which is not a check")


def _placeholder(kind: str, argument: str, checks: pd.DataFrame) -> str:
    parts = [p.strip() for p in argument.split("|")]
    if kind == "cell":
        if len(parts) not in (3, 4):
            raise ValueError(f"{{cell:{argument}}} needs table|column|label[|decimals]")
        table, column, label = parts[:3]
        field = resource(table).field(column)
        frame = from_disk(table)
        unit = field.get("unit", resource(table).spec.get("unit", ""))
        if "unit" in frame.columns:  # a table of prose figures: each row carries its own unit
            unit = str(frame.loc[frame["label"] == label, "unit"].iloc[0])
        scale = IN_NOK_THOUSAND.get(unit)
        if len(parts) == 4 and parts[3] == "million" and scale:  # the house style, whatever the table's unit
            return _prose_money(value(frame, column, label=label) * scale / 1000.0)
        places = int(parts[3]) if len(parts) == 4 else int(field.get("decimals", 0))
        return fmt(value(frame, column, label=label), places, unit)
    row = _check_row(checks, parts[0])
    scale = IN_NOK_THOUSAND.get(str(row["unit"]))
    if len(parts) > 1 and parts[1] == "million" and scale:  # an amount in the house style, whatever its table's unit
        number = {"printed": row["printed"], "recomputed": row["recomputed"]}.get(kind, abs(row["difference"]))
        return _prose_money(number * scale / 1000.0)
    places = int(parts[1]) if len(parts) > 1 else int(row["decimals"])
    number = {"printed": row["printed"], "recomputed": row["recomputed"], "difference": row["difference"]}.get(
        kind, abs(row["difference"])
    )
    return fmt(number, places, row["unit"], sign=kind == "difference")


def render(text: str, checks: pd.DataFrame) -> str:
    """``text`` with its placeholders replaced by the figures they name (see the module's docstring)."""
    return PLACEHOLDER.sub(lambda m: _placeholder(m.group(1), m.group(2), checks), text)


# ---------------------------------------------------------------------------------------------
# The findings as a table, largest first.


def _size(members: pd.DataFrame, finding: Finding) -> pd.Series:
    """The member check whose difference is the finding's size: the one named, or the largest."""
    if finding.size_check:
        return members[members["check_id"] == finding.size_check].iloc[0]
    scale = members["unit"].map(IN_NOK_THOUSAND).fillna(1.0)
    effect = (members["difference"].abs() * scale).fillna(0)
    return members.loc[effect.idxmax()]


CELL = re.compile(r"^\{cell:([^|{}]+)\|([^|{}]+)\|([^|{}]+)(?:\|\d+)?\}$")


def _named_figure(finding: Finding, row: pd.Series) -> tuple[float, str]:
    """The figure the finding names as wrong (its ``figure``, where that is one printed cell) or the size
    check's printed figure, with its unit."""
    cell = CELL.match(finding.figure.strip())
    if cell:
        table, column, label = (part.strip() for part in cell.groups())
        unit = resource(table).field(column).get("unit", resource(table).spec.get("unit", ""))
        return value(from_disk(table), column, label=label), unit
    return float(row["printed"]), str(row["unit"])


def _relative(row: pd.Series, finding: Finding) -> str:
    """The size relative to the figure named as wrong (not for percentages, claims or zero figures)."""
    if row["unit"] in ("percent", "%", CLAIM_UNIT) or math.isnan(row["difference"]):
        return ""
    figure, unit = _named_figure(finding, row)
    size_scale, figure_scale = IN_NOK_THOUSAND.get(str(row["unit"])), IN_NOK_THOUSAND.get(unit)
    if not figure:
        return ""
    if size_scale and figure_scale:
        share = 100.0 * abs(row["difference"]) * size_scale / (abs(figure) * figure_scale)
    else:
        share = 100.0 * abs(row["difference"]) / abs(figure)
    return fmt(share, 2 if share < 0.1 else 1, "percent")


def _amount(x: float, row: pd.Series) -> str:
    """A printed or recomputed amount of a check as the house style writes it: NOK million, at the
    printed figure's precision up to one decimal (9 564, not 9 564.0), one decimal more where the
    recomputed figure needs it; anything else in its own unit, as printed."""
    unit, decimals = str(row["unit"]), int(row["decimals"])
    scale = IN_NOK_THOUSAND.get(unit)
    if not scale or unit == CLAIM_UNIT:
        return fmt(x, decimals, unit)
    million = x * scale / 1000.0
    places = max(0, min(1, decimals + 3 - round(math.log10(scale))))
    if abs(million - round(million, places)) > 1e-9:
        places = min(1, places + 1)
    return fmt(million, places, "NOK million")


def _sides(row: pd.Series) -> str:
    """Both figures of an inconsistency or a scope finding, where neither is named wrong."""
    printed, recomputed = _amount(row["printed"], row), _amount(row["recomputed"], row)
    if printed == recomputed:  # too close for NOK million: as the table prints them
        unit, decimals = str(row["unit"]), int(row["decimals"])
        printed, recomputed = fmt(row["printed"], decimals, unit), fmt(row["recomputed"], decimals, unit)
    return f"{printed} against {recomputed}"


def _lines(members: pd.DataFrame) -> str:
    seen = []
    for text in members["source_lines"]:
        for part in re.split(r"[;,]\s*", str(text)):
            if part and part not in seen:
                seen.append(part)
    return "; ".join(seen)


# A line or a range of the report's lines in a list part ("2A 2801–2815"): the number at a word's edge,
# so a table's name ("2A", "P12") is not taken for a line.
_LINE_SPAN = re.compile(r"\b(\d+)(?:\s*[–-]\s*(\d+))?\b")


def merge_lines(text: str) -> str:
    """A list of the report's lines ("140–141; 2674–2675; 141; 2688") with each line given once: ranges
    sorted, overlapping or adjoining ones joined, a line inside a range dropped ("140–141; 2674–2675;
    2688"). A table's name or a word before a line ("2A 2809", "net P12 6526") is left out: the line
    alone finds the place in the report."""
    spans = []
    for part in str(text).split(";"):
        for low, high in _LINE_SPAN.findall(part):
            spans.append((int(low), int(high or low)))
    merged: list[list[int]] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return "; ".join(f"{a}–{b}" if b > a else str(a) for a, b in merged)


def materiality(get: Getter = from_disk) -> dict[str, float]:
    """The thresholds findings are weighed against, in NOK million: the benchmark (gross operating income,
    as D09's general reserve of 3 % of it implies; the report prints the reserve, not the income), overall
    materiality (``MATERIALITY_PCT`` of it) and the clearly-trivial line (``TRIVIAL_SHARE_PCT`` of that)."""
    from .identities.driftsregnskap import gross_operating_income

    base = gross_operating_income(get) / 1000.0
    overall = base * MATERIALITY_PCT / 100.0
    return {"base": base, "overall": overall, "performance": overall * PERFORMANCE_PCT / 100.0,
            "trivial": overall * TRIVIAL_SHARE_PCT / 100.0}  # fmt: skip


def level(size_nok_million: float, thresholds: Mapping[str, float]) -> str:
    """Where a size stands against the thresholds by size alone (``QUALITATIVE`` when it is not in NOK)."""
    if size_nok_million is None or math.isnan(size_nok_million):
        return QUALITATIVE
    if size_nok_million >= thresholds["overall"]:
        return MATERIAL
    return BELOW_MATERIALITY if size_nok_million > thresholds["trivial"] else TRIVIAL


def weigh(finding: Finding, size_nok_million: float, thresholds: Mapping[str, float]) -> str:
    """A finding's materiality, size and nature together (ISA 320/450): a finding that is not a
    misstatement (scope, unstated) is not weighed; a money finding is placed by its size, then moved
    by its qualitative factors (``FACTORS``: a fiscal-rule indicator is material whatever its size;
    a mistyped cell whose printed total was computed from the right figure, or a wrong label on a right
    amount, one level lower); a finding
    not in NOK is material by nature when it is a key figure, otherwise not."""
    if finding.verdict not in CONTRADICTED:
        return NOT_WEIGHED
    by_size = level(size_nok_million, thresholds)
    if by_size == QUALITATIVE:
        weighty = {"key-figure", "fiscal-rule"} & set(finding.qualitative)
        return BY_NATURE_MATERIAL if weighty else BY_NATURE_NOT
    if "fiscal-rule" in finding.qualitative:
        return MATERIAL
    lower = sum(f in finding.qualitative for f in ("no-total", "label-only"))
    order = [MATERIAL, BELOW_MATERIALITY, TRIVIAL]
    return order[min(order.index(by_size) + lower, len(order) - 1)]


def _first_line(lines: str) -> int | None:
    found = re.search(r"\d+", str(lines))
    return int(found.group()) if found else None


def _table_locator(table: str, line: int | None = None) -> dict[str, str]:
    """A printed table's locator from ``data/datapackage.json`` (empty for the tables of prose figures,
    whose figures stand in sentences all over the report). Where one data resource holds several
    printed tables (the permanent, temporary and part-time staff in one CSV), its locator's ``parts``
    give each printed table's lines, heading path, caption and search words: the part holding ``line``
    (the figure's line) is the one a reader must find, not the resource's first table."""
    name = re.split(r"[,;]\s*", str(table))[0].strip()
    spec = resource(name).spec.get("locator", {})
    for part in spec.get("parts", []):
        first, last = part["lines"]
        if line is not None and first <= line <= last:
            spec = part
            break
    if not spec.get("caption"):
        return {}
    return {"section": " › ".join(spec["heading_path"]), "caption": spec["caption"], "search": spec["search"]}


def locate(finding: Finding, members: pd.DataFrame) -> dict[str, str]:
    """Where a reader of the published report finds the finding: the section's heading path, the
    table's printed caption and printed words to search for; from the finding's ``locator`` or, for a
    finding on one printed table, that table's. The report's line stays as the book's own reference."""
    own = dict(finding.locator)
    size = _size(members, finding) if not members.empty else None
    derived = _table_locator(size["table"], _first_line(size["source_lines"])) if size is not None else {}
    if "section" in own:  # the finding's own place: a table's caption from elsewhere would mislead
        derived = {}
    out = {"section": "", "caption": "", "search": "", "line": ""} | derived | own
    if not out["line"] and size is not None:  # the figure's own line: one line, never a range
        out["line"] = str(_first_line(size["source_lines"]) or "")
    if not out["section"] or not out["search"]:
        raise KeyError("no locator: give one (section, search) or size it on a printed table")
    return out


def _size_in_million(row: pd.Series) -> float:
    scale = IN_NOK_THOUSAND.get(str(row["unit"]))
    return float("nan") if scale is None else abs(float(row["difference"])) * scale / 1000.0


# One precision per unit for a finding's size, book-wide (boxes, the letter, the register, every chapter's
# findings table): NOK million with one decimal, percentage points with two (the difference of two
# one-decimal shares is as exact at 1.00 as at 1.0, and 0.84 needs two), every other unit whole.
SIZE_PLACES = {"NOK million": 1, "percentage points": 2}
BELOW_TENTH = "< 0.1"  # an amount below NOK 0.05 million in a column of NOK million (its exact size in a note)


def money_text(million: float) -> str:
    """An amount in NOK million as the house style writes it in prose, boxes and summary tables: one
    decimal; below NOK 0.05 million (0.0 to one decimal) "< NOK 0.1 million", with its exact size in NOK
    thousand in brackets, the ledgers' last digit (one money unit for every size, s11)."""
    if abs(million) >= 0.05:
        return fmt(million, 1, "NOK million")
    return f"< NOK 0.1 million ({fmt(million * 1000, 0, 'NOK thousand')})"


def _prose_money(million: float) -> str:
    """An amount in a finding's sentences (``|million``): NOK million with one decimal; below NOK 0.05
    million, where the point is the ledgers' last digits, whole NOK thousand ("−NOK 11 thousand")."""
    return fmt(million, 1, "NOK million") if abs(million) >= 0.05 else fmt(million * 1000, 0, "NOK thousand")


THOUSAND_UNIT = "NOK thousand"  # the exact size of an amount below NOK 0.05 million, in its note


def money_parts(million: float) -> tuple[str, str]:
    """An amount as :func:`money_text` writes it, split into its figure and its unit for a table that gives
    the unit a column of its own: ("300.0", "NOK million"); below NOK 0.05 million ("< 0.1", "NOK
    million"), the column keeping one unit (:func:`size_note` gives the exact size)."""
    if abs(million) >= 0.05:
        return fmt(million, 1), MONEY_UNIT
    return BELOW_TENTH, MONEY_UNIT


def size_note(million: float) -> str:
    """The exact size of an amount a column shows as "< 0.1" (NOK million), in NOK thousand; else ""."""
    if million is None or math.isnan(million) or abs(million) >= 0.05:
        return ""
    return fmt(million * 1000, 0, "NOK thousand")


def _printed_million(finding: Finding, row: pd.Series) -> float:
    """The figure named as wrong in NOK million (NaN when it is not an amount)."""
    figure, unit = _named_figure(finding, row)
    scale = IN_NOK_THOUSAND.get(unit)
    return float("nan") if scale is None or str(row["unit"]) == CLAIM_UNIT else figure * scale / 1000.0


def _members(assigned: pd.DataFrame, finding: Finding) -> pd.DataFrame:
    return assigned[assigned["finding_id"] == finding.finding_id]


def _row(finding: Finding, members: pd.DataFrame, checks: pd.DataFrame, thresholds: Mapping[str, float]) -> dict:
    size = _size(members, finding)
    unit = str(size["unit"])
    is_pct = unit in ("percent", "%")
    size_unit = "percentage points" if is_pct else unit
    # No size for a claim, nor for a finding whose checks agree in figures (an unstated pairing).
    nil = unit == CLAIM_UNIT or abs(size["difference"]) < 0.5 * 10.0 ** -(int(size["decimals"]) + 1)
    # At the unit's one precision (``SIZE_PLACES``), never coarser than the check's own.
    natural = decimals_of(fmt_difference(abs(size["difference"]), int(size["decimals"])))
    places = max(natural, SIZE_PLACES.get(size_unit, 0))
    size_text = "" if nil else fmt(abs(size["difference"]), places, size_unit)
    # The same size as a bare figure and its unit, for a table that gives the unit a column of its own.
    size_figure = "" if nil else fmt(abs(size["difference"]), places)
    size_unit_shown = "" if nil else unit_name(size_unit)
    million = float("nan") if nil else _size_in_million(size)
    if not math.isnan(million):  # money in the house style: NOK million with one decimal, below that thousands
        size_text = money_text(million)
        # The figure and unit a table shows are the box's, in one unit per column (s11): below NOK 0.05
        # million "< 0.1" NOK million, its exact size in NOK thousand in the unit cell's note (``size_note``).
        size_figure, size_unit_shown = money_parts(million)
    where = locate(finding, members) if not finding.is_estimate else {}
    named = finding.verdict == "error"  # only an error names which figure is wrong
    urls = dict.fromkeys(identity_url(name) for name in members.get("identity", pd.Series(dtype=str)) if name)
    return {
        "finding_id": finding.finding_id,
        "chapter": finding.chapter,
        "label": finding.label,
        "title": render(finding.title, checks),
        "verdict": finding.verdict,
        "nature": finding.nature,
        "checks": len(members),
        "size": abs(size["difference"]),
        "size_text": size_text.lstrip("+"),
        # Which check the size is, where the finding has more than one (a cell, not a headline figure).
        "size_what": "" if nil or len(members) < 2 else str(size["what"]),
        "size_figure": size_figure,
        "size_unit_shown": size_unit_shown,
        "printed_text": render(finding.figure, checks)
        if finding.figure
        else ("" if unit == CLAIM_UNIT else _amount(size["printed"], size) if named else _sides(size)),
        # Relative to the figure named wrong: only an error names one.
        "relative_text": "" if nil or not named else _relative(size, finding),
        "unit": unit,
        "size_nok_million": million,
        "printed_nok_million": _printed_million(finding, size) if named else float("nan"),
        "materiality": "" if finding.is_estimate else weigh(finding, million, thresholds),
        "materiality_by_size": "" if finding.is_estimate else level(million, thresholds),
        "qualitative": "; ".join(FACTORS[f] for f in finding.qualitative),
        "source_lines": _lines(members),
        "section": where.get("section", ""),
        "caption": where.get("caption", ""),
        "search": where.get("search", ""),
        "line": where.get("line", ""),
        "wrong_figure": render(finding.wrong_figure, checks),
        "should_read": render(finding.should_read, checks),
        "explanation": render(finding.explanation, checks),
        "check_ids": " ".join(members["check_id"]),
        "code_urls": " ".join(urls),
        "rests_on": render(finding.rests_on, checks),
    }


# The rows of every finding, kept for the last frame of checks (by identity, which the kept frame makes
# unambiguous) and the finding files as they stood (their modification times): the audit page asks for the
# register, the letter, the counts and the CSV of one frame, and each took a third of a second to work out.
_ROWS: dict[bool, tuple] = {}


def _finding_files_state() -> tuple:
    return tuple((path.name, path.stat().st_mtime_ns) for path in sorted(FINDINGS_DIR.glob("*.yaml")))


def _rows(checks: pd.DataFrame, findings: list[Finding] | None, estimates: bool) -> pd.DataFrame:
    if findings is None:
        state = _finding_files_state()
        kept = _ROWS.get(estimates)
        if kept is None or kept[0] is not checks or kept[1] != state or len(kept[0]) != len(checks):
            _ROWS[estimates] = (checks, state, _work_out_rows(checks, load(), estimates))
        return _ROWS[estimates][2].copy()
    return _work_out_rows(checks, findings, estimates)


def _work_out_rows(checks: pd.DataFrame, findings: list[Finding], estimates: bool) -> pd.DataFrame:
    assigned = assign(checks, findings)
    thresholds = materiality()
    rows = []
    for finding in findings:
        members = _members(assigned, finding)
        if members.empty or finding.is_estimate != estimates:
            continue
        rows.append(_row(finding, members, checks, thresholds))
    frame = pd.DataFrame(rows, columns=[*FINDING_COLUMNS, "printed_text", "rests_on", "size_what"])
    scale = frame["unit"].map(IN_NOK_THOUSAND)
    # Amounts in NOK first, largest first; then, as the letter orders them, percentage points, then counts,
    # then claims in words, each largest first (sizes in different units are never compared).
    other = frame["unit"].map(lambda u: 1 if u in ("percent", "%") else 3 if u == CLAIM_UNIT else 2)
    frame["_kind"] = other.where(scale.isna(), 0)
    frame["_effect"] = frame["size"].fillna(0) * scale.fillna(1.0)
    frame = frame.sort_values(["_kind", "_effect", "finding_id"], ascending=[True, False, True], kind="stable")
    return frame.drop(columns=["_kind", "_effect"]).reset_index(drop=True)


def table(checks: pd.DataFrame, findings: list[Finding] | None = None) -> pd.DataFrame:
    """The register: one row per finding about what the report prints (the book's estimates are
    apart, :func:`estimates`), with its verdict, nature, how many checks it breaks, its size (the
    difference of its largest check, in that check's unit, relative to the printed figure, and in NOK
    million for money), its materiality, its locator and lines and its words with figures pasted in.
    Money findings come first, largest first; then the rest."""
    return _rows(checks, findings, estimates=False)[FINDING_COLUMNS]


def estimates(checks: pd.DataFrame, findings: list[Finding] | None = None) -> pd.DataFrame:
    """The book's own estimates: entries whose checks rest on the book's model, not on anything the
    report prints; their size (how far the model is from the printed figure) and what they rest on."""
    frame = _rows(checks, findings, estimates=True)
    return frame[["finding_id", "chapter", "title", "checks", "size_text", "unit", "rests_on", "source_lines",
                  "explanation", "check_ids", "code_urls"]]  # fmt: skip


LETTER_COLUMNS = ["rank", "finding_id", "figure", "printed_nok_million", "printed_form", "should_read", "section",
                  "caption", "search", "line", "verdict", "nature", "size_nok_million", "size_text", "materiality",
                  "qualitative", "owner", "response", "size_what"]  # fmt: skip
# Nobody at the municipality has answered the book yet; the letter says so rather than leave a blank.
NO_RESPONSE = "not yet received"


def letter(checks: pd.DataFrame, findings: list[Finding] | None = None) -> pd.DataFrame:
    """The management letter: the corrections the book recommends, one per finding that says what the
    report should read (every error and inconsistency does: a test holds it), ranked as an auditor
    would: by materiality level first (``LETTER_LEVELS``: material, material by nature, below
    materiality, clearly trivial, not material by nature; size and qualitative factors, :func:`weigh`),
    within a level by size in NOK,
    and among findings not in NOK by their size in their own unit (percentage points before head
    counts before claims), errors before inconsistencies at equal weight. Money figures are given in
    NOK million; a figure that is not an amount in its printed form, in a column of its own."""
    frame = _rows(checks, findings, estimates=False)
    frame = frame[frame["should_read"] != ""].copy()
    frame["figure"] = frame["wrong_figure"].where(frame["wrong_figure"] != "", frame["title"])
    money = frame["printed_nok_million"].notna()
    frame["printed_form"] = frame["printed_text"].where(~money, "")
    frame["owner"] = [owner(s.split(" › ")[0]) for s in frame["section"]]
    frame["response"] = NO_RESPONSE
    frame["_level"] = frame["materiality"].map({lvl: i for i, lvl in enumerate(LETTER_LEVELS)})
    frame["_verdict"] = frame["verdict"].map({"error": 0, "inconsistency": 1}).fillna(2)
    frame["_size"] = -frame["size_nok_million"].fillna(0)
    # Not in NOK: percentage points first (largest first), then counts, then claims (no size).
    kind = frame["unit"].map(lambda u: 0 if u in ("percent", "%") else 2 if u == CLAIM_UNIT else 1)
    frame["_kind"] = kind.where(frame["size_nok_million"].isna(), 0)
    frame["_own"] = -frame["size"].where(frame["size_nok_million"].isna(), 0).fillna(0)
    keys = ["_level", "_size", "_kind", "_own", "_verdict", "finding_id"]
    frame = frame.sort_values(keys, kind="stable").reset_index(drop=True)
    frame["rank"] = range(1, len(frame) + 1)
    return frame[LETTER_COLUMNS]


AGGREGATION_COLUMNS = ["group", "findings", "total_nok_million", "against", "threshold_nok_million", "exceeds",
                       "finding_ids"]  # fmt: skip


def aggregation(register: pd.DataFrame, thresholds: Mapping[str, float]) -> pd.DataFrame:
    """The evaluation of uncorrected misstatements (ISA 450): the money findings the report contradicts
    itself in (errors and inconsistencies; scope and unstated are not misstatements) whose figure flows
    into the accounts or the report's tables, summed and weighed against overall materiality. Left out,
    and counted only: the narrative text, which is other information (ISA 720: a sentence is corrected,
    not added to the accounts' misstatements), and a mistyped cell whose total is right or a wrong label on a
    right amount (nothing a reader adds up is misstated); a narrative finding stays in the narrative group,
    and each group's name says what it holds. The size of an inconsistency is the gap between
    two printed figures: the misstatement if one of the two is right."""
    money = register[register["verdict"].isin(CONTRADICTED) & register["size_nok_million"].notna()]
    narrative = money["nature"] == "narrative"
    no_flow = money["qualitative"].map(lambda q: any(FACTORS[f] in str(q) for f in ("no-total", "label-only")))
    accounts = money[~narrative & ~no_flow]
    groups = {"accounts": accounts, "no_flow": money[~narrative & no_flow], "narrative": money[narrative]}
    ids = {name: " ".join(group["finding_id"]) for name, group in groups.items()}
    # Each group named by what it holds (the reader's read, s10: a wrong label stood in the narrative group
    # while the other group's name claimed it): a label-only finding is named where it is.
    label_only = {name: bool(g["qualitative"].map(lambda q: FACTORS["label-only"] in str(q)).any())
                  for name, g in groups.items()}  # fmt: skip
    cell = "a mistyped cell whose total is right" if len(groups["no_flow"]) > int(label_only["no_flow"]) else ""
    no_flow_name = " or ".join(filter(None, [cell, "a wrong label on a right amount" if label_only["no_flow"] else ""]))
    narrative_why = "other information, ISA 720" + ("; one of them a wrong label on a right amount"
                                                    if label_only["narrative"] else "")  # fmt: skip
    nan = float("nan")
    rows = [
        {"group": "misstatements in figures that flow into the accounts and tables", "findings": len(accounts),
         "total_nok_million": float(accounts["size_nok_million"].sum()), "against": "overall materiality",
         "threshold_nok_million": thresholds["overall"],
         "exceeds": bool(accounts["size_nok_million"].sum() >= thresholds["overall"]),
         "finding_ids": ids["accounts"]},
        {"group": f"left out: {no_flow_name or 'a mistyped cell whose total is right'}",
         "findings": int((~narrative & no_flow).sum()), "total_nok_million": nan,
         "against": "not summed (nothing a reader adds up is misstated)", "threshold_nok_million": nan,
         "exceeds": False, "finding_ids": ids["no_flow"]},
        {"group": "left out: the narrative text", "findings": int(narrative.sum()), "total_nok_million": nan,
         "against": f"not summed ({narrative_why})", "threshold_nok_million": nan, "exceeds": False,
         "finding_ids": ids["narrative"]},
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=AGGREGATION_COLUMNS)


QUERY_COLUMNS = ["check_id", "what", "printed", "recomputed", "gap", "tolerance", "terms", "p_rounding", "unit",
                 "decimals", "source_lines", "question"]  # fmt: skip


# Job groups whose average pay of all the book queries: the average of all must lie between the women's
# and the men's, weighted by their head counts (the book's estimate: the report states no weighting);
# here the weight the printed average implies is far from the head counts' share.
PAY_QUERIES = ("Avdelingsleder",)


def _pay_query(checks: pd.DataFrame, group: str) -> dict:
    pay, heads = from_disk("pers_average_pay_by_job_group"), from_disk("pers_gender_by_job_group")
    women, men, both = (value(pay, c, label=group) for c in ("avg_pay_women", "avg_pay_men", "avg_pay_total"))
    head_women, head_men = (value(heads, c, label=group) for c in ("headcount_women", "headcount_men"))
    implied = (both - women) / (men - women)  # the men's weight the printed average of all implies
    slug = re.sub(r"\W+", "_", group.lower()).strip("_")
    row = _check_row(checks, f"pers_average_pay_by_job_group.avg_pay_total.{slug}.weighted")
    pay_lines = str(int(value(pay, "source_line", label=group)))
    head_lines = str(int(value(heads, "source_line", label=group)))
    return {
        "check_id": row["check_id"], "what": row["what"], "printed": row["printed"],
        "recomputed": round(float(row["recomputed"])), "gap": abs(round(float(row["difference"]))),
        "tolerance": float("nan"), "terms": 2, "p_rounding": float("nan"), "unit": row["unit"], "decimals": 0,
        "source_lines": f"{pay_lines}, {head_lines}",
        "question": f"Please confirm the average pay of {group} (lines {pay_lines} and {head_lines}): the "
        f"average of all, {fmt(both, 0, 'NOK')}, implies that men weigh {fmt(100 * implied, 0, '%')} in it, "
        f"but men are {fmt(100 * head_men / (head_women + head_men), 0, '%')} of the group by head count; "
        f"weighted by head count the average would be {fmt(round(float(row['recomputed'])), 0, 'NOK')}.",
    }  # fmt: skip


def queries(checks: pd.DataFrame) -> pd.DataFrame:
    """The sums within rounding whose gap rounding would seldom leave (``p_rounding`` below
    ``IMPROBABLE``), and the pay averages whose parts do not fit (``PAY_QUERIES``): not findings, but
    what an auditor would ask the municipality to confirm."""
    frame = checks[(checks["status"] == ROUNDING) & (checks["p_rounding"] < IMPROBABLE_P)].copy()
    frame["gap"] = frame["difference"].abs()
    frame["question"] = [
        f"Please confirm the total ({lines}): rounding its {terms} parts and the total from the same "
        f"amounts leaves a gap this large {fmt(100 * p, 2, 'percent')} of the time."
        for lines, terms, p in zip(frame["source_lines"], frame["terms"], frame["p_rounding"], strict=True)
    ]
    pay = pd.DataFrame([_pay_query(checks, group) for group in PAY_QUERIES], columns=QUERY_COLUMNS)
    return pd.concat([frame[QUERY_COLUMNS], pay], ignore_index=True)


def counts(checks: pd.DataFrame, findings: list[Finding] | None = None) -> dict[str, int]:
    """The book's headline counts: checks by status; the register's findings by verdict, by nature and
    by materiality; how many are the report contradicting itself (error + inconsistency) against the
    rest; and, apart, how many of the book's estimates there are (``book_estimates``)."""
    frame = table(checks, findings)
    out = {"checks": len(checks)}
    out |= {status: int((checks["status"] == status).sum()) for status in (EXACT, ROUNDING, TRUNCATED, ESTIMATE)}
    out[DISCREPANCY] = int((checks["status"] == DISCREPANCY).sum())
    out["findings"] = len(frame)
    out |= {verdict: int((frame["verdict"] == verdict).sum()) for verdict in VERDICTS}
    out["contradicted"] = out["error"] + out["inconsistency"]
    out["not_contradicted"] = out["scope"] + out["unstated"]
    out |= {f"nature_{nature}": int((frame["nature"] == nature).sum()) for nature in NATURES}
    out |= {f"level_{LEVEL_KEYS[lvl]}": int((frame["materiality"] == lvl).sum()) for lvl in LEVELS}
    out["moved_by_factors"] = int(
        (
            (frame["materiality"] != frame["materiality_by_size"])
            & frame["size_nok_million"].notna()
            & frame["verdict"].isin(CONTRADICTED)
        ).sum()
    )
    out["book_estimates"] = len(estimates(checks, findings))
    out["corrections"] = len(letter(checks, findings))
    out["improbable"] = int(((checks["status"] == ROUNDING) & (checks["p_rounding"] < IMPROBABLE_P)).sum())
    return out


# ---------------------------------------------------------------------------------------------
# Findings where they arise in a chapter.


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def summary_line(checks: pd.DataFrame, elsewhere: Mapping[str, str] | None = None) -> str:
    """One sentence counting a section's checks by class and saying what their discrepancies come down to,
    for the line the chapter sets right after the section's finding boxes ("3 discrepancies, which come
    down to 2 findings, shown above": readers asked where the other discrepancies went). A finding in
    ``elsewhere`` (id -> where its box stands, e.g. "with Drammen Eiendom KF's part") is shown once, in
    another section: the sentence counts it and says where it is."""
    elsewhere = elsewhere or {}
    n = {s: int((checks["status"] == s).sum()) for s in (EXACT, ROUNDING, TRUNCATED, ESTIMATE, DISCREPANCY)}
    parts = [f"{n[EXACT]} exact", f"{n[ROUNDING]} within rounding"]
    if n[TRUNCATED]:
        parts.append(f"{n[TRUNCATED]} truncated")
    if n[ESTIMATE]:
        parts.append(_plural(n[ESTIMATE], "estimate") + " (shown, not graded)")
    found = assign(checks)
    ids = set(found.loc[found["finding_id"] != "", "finding_id"])
    # The book's own estimates have entries (and boxes) too, but they are not findings: counted apart.
    verdicts = {f.finding_id: f.verdict for f in load()}
    own = {fid for fid in ids if verdicts.get(fid) == BOOK_ESTIMATE}
    found_ids = ids - own
    away = set(elsewhere)

    def where(group: set[str], kind: str) -> str:
        """Where a group's boxes stand: above (this section's), or the section ``elsewhere`` names."""
        here = len(group - away)
        there = "; ".join(f"{kind} {fid} is shown {elsewhere[fid]}" for fid in sorted(group & away))
        if not there:
            return ", shown above"
        return (f": {here} shown above; " if here else "; ") + there

    tail = ""
    if found_ids:
        k = _plural(len(found_ids), "finding")
        lead = (
            f", which {'comes' if n[DISCREPANCY] == 1 else 'come'} down to {k}"
            if n[DISCREPANCY]
            else f"; {k} on the figures outside rounding"
        )
        tail = lead + where(found_ids, "finding")
    if own:
        m = f"{len(own)} of the book's estimates" if len(own) > 1 else "1 of the book's estimates"
        tail += f"; {m}" + where(own, "the book's estimate")
    if len(checks) == 1:  # one check: what it is, not the full tally (the designer's read, s11r4)
        return _one_check_line(next(s for s, k in n.items() if k), found_ids, own, elsewhere)
    if n[DISCREPANCY]:
        parts.append(_plural(n[DISCREPANCY], "discrepancy", "discrepancies"))
    return f"{_plural(len(checks), 'check')}: " + ", ".join(parts) + tail + "."


# A single check's class as the short form of the count line says it ("1 check, a discrepancy").
ONE_CHECK = {EXACT: "exact", ROUNDING: "within rounding", TRUNCATED: "truncated",
             ESTIMATE: "an estimate (shown, not graded)", DISCREPANCY: "a discrepancy"}  # fmt: skip


def _one_check_line(status: str, found_ids: set[str], own: set[str], elsewhere: Mapping[str, str]) -> str:
    """The count line of a section with one check: "1 check, a discrepancy: the finding above." (the full
    tally, "0 exact, 0 within rounding, 1 discrepancy, which comes down to 1 finding", read as boilerplate)."""
    line = f"1 check, {ONE_CHECK[status]}"
    for group, kind in ((found_ids, "the finding"), (own, "the book's estimate")):
        for fid in sorted(group):
            line += f": {kind} {fid}, shown {elsewhere[fid]}" if fid in elsewhere else f": {kind} above"
    return line + "."


def show(checks: pd.DataFrame, all_checks: pd.DataFrame | None = None, elsewhere: Mapping[str, str] | None = None):
    """The findings that the given checks (a section's) belong to, as boxes to read in the chapter:
    title, verdict, size, locator, checks and explanation, and the book's estimates among them, marked
    as such; not those in ``elsewhere`` (see :func:`summary_line`). Figures are pasted from
    ``all_checks`` (default: ``checks``). Returns an IPython HTML object (stable markup, so nbval can
    compare it)."""
    from IPython.display import HTML

    every = load()
    found = assign(checks, every)
    ids = set(found.loc[found["finding_id"] != "", "finding_id"]) - set(elsewhere or {})
    source = checks if all_checks is None else all_checks
    shown = [f for f in every if f.finding_id in ids]  # only these are worked out (the order is by size)
    frame = pd.concat([_rows(source, shown, estimates=False), _rows(source, shown, estimates=True)], ignore_index=True)
    return HTML(boxes(frame))


def _code_links(urls: str) -> str:
    links = [
        f'<a href="{html.escape(url, quote=True)}">{html.escape(url.rsplit("/", 1)[-1])}</a>' for url in urls.split()
    ]
    return ", ".join(links)


def _locator_text(f: pd.Series) -> str:
    parts = [html.escape(f["section"])]
    if f["caption"]:
        parts.append(f"table «{html.escape(f['caption'])}»")
    parts.append(f"search for «{html.escape(f['search'])}»")
    # The search phrase leads to the figure (a heading, a caption, the sentence's opening words, or a
    # table's total row just under it); the line is the figure's own.
    # The citable pointer (section, caption, search words) leads; the line, of the plain-text extraction a
    # reader of the PDF does not hold, comes last (the designer's read, s11).
    return "; ".join(parts) + f" (the figure: line {html.escape(str(f['line']))} of the report's plain-text extraction)"


def boxes(frame: pd.DataFrame) -> str:
    """HTML of findings (rows of :func:`table` or :func:`estimates`), one box each, with a visible
    permalink; every text is escaped."""
    out = []
    for _, f in frame.iterrows():
        fid = html.escape(f["finding_id"])
        estimate = f["verdict"] == BOOK_ESTIMATE
        size = f["size_text"] + (f" ({f['relative_text']} of the figure named wrong)" if f.get("relative_text") else "")
        verdict = "the book's estimate, not a finding" if estimate else f["verdict"]
        facts = [f"<b>Verdict</b>: {html.escape(verdict)}"]
        if not estimate:
            facts.append(f"<b>Nature</b>: {html.escape(f['nature'])}")
        if size:
            # Only an error or an inconsistency misstates an amount: for the others the figure is a gap.
            label = (
                "Distance from the book's model"
                if estimate
                else "Size"
                if f["verdict"] in CONTRADICTED
                else "Gap (not a misstatement)"
            )
            facts.append(f"<b>{label}</b>: {html.escape(size)}")
        if not estimate:
            weighed = f["materiality"]
            if f.get("qualitative"):  # which qualitative factor moved it, and from where
                by_size = f.get("materiality_by_size", "")
                moved = f" (by size: {by_size})" if by_size and by_size != weighed else ""
                weighed += f"{moved}; {f['qualitative']}"
            facts.append(f"<b>Materiality</b>: {html.escape(weighed)}")
        facts.append(f"<b>Report lines</b>: {html.escape(f['source_lines'])}")
        where = "" if estimate else f'<p class="finding-locator"><b>Where</b>: {_locator_text(f)}</p>'
        rests = f"<p><b>Rests on</b>: {html.escape(f['rests_on'])}</p>" if estimate and f.get("rests_on") else ""
        wrong = f"<p><b>Most likely wrong</b>: {html.escape(f['wrong_figure'])}</p>" if f.get("wrong_figure") else ""
        fix = f"<p><b>Should read</b>: {html.escape(f['should_read'])}</p>" if f.get("should_read") else ""
        ids = " ".join(f"<code>{html.escape(c)}</code>" for c in str(f["check_ids"]).split())
        code = f" · code: {_code_links(f['code_urls'])}" if f.get("code_urls") else ""
        # Closed, a box is one line: its title, its verdict and size, its permalink; a reader opens the
        # ones they want (the story of the page comes first). A link to it opens it (_static/findings.js).
        badge = html.escape("; ".join(part for part in (verdict, f["size_text"]) if part))
        out.append(
            f'<details class="finding finding-{html.escape(f["verdict"])}" id="finding-{fid}">'
            f'<summary class="finding-title">{claim_html(f["title"])} '
            f'<span class="finding-badge">({badge})</span> <code class="finding-id">{fid}</code></summary>'
            # The permalink inside the box, not in its summary: a link inside the summary is a control
            # inside a control (axe-core, nested-interactive).
            f'<p class="finding-facts">{" · ".join(facts)} · <a class="finding-permalink" href="#finding-{fid}">'
            f"permalink ¶</a></p>{where}"
            f"<p>{html.escape(f['explanation'])}</p>{rests}{wrong}{fix}"
            f'<p class="finding-checks"><b>Checks</b> ({f["checks"]}): {ids}{code}</p></details>'
        )
    return "\n".join(out)


def claim_html(title: str) -> str:
    """A finding's title as its box's summary shows it: the claim (up to the first semicolon) in bold, the
    rest, which gives the figures behind it, regular (the designer's read, s11r4: bold runs of four to six
    lines were heavy). Escaped."""
    claim, sep, rest = title.partition("; ")
    if not sep:
        return f"<b>{html.escape(title)}</b>"
    return f'<b>{html.escape(claim)};</b> <span class="finding-rest">{html.escape(rest)}</span>'


def million_text(x: float) -> str:
    if x is None or math.isnan(x):
        return "\u2013"
    return "< 0.1" if 0 < abs(x) < 0.05 else fmt(x, 1)  # a size too small for a tenth, but not nothing


def size_parts(finding: Mapping) -> tuple[str, str, str]:
    """A finding's size (a row of the register) as the register shows it: the figure, its unit in a
    column of its own, and its sort key. An amount in NOK million with one decimal (:func:`million_text`),
    sorted by the exact figure so "< 0.1" sorts where it belongs; a size not in NOK in its own unit
    ("1.0", "percentage points"), sorted after the amounts; a claim in words, which has no size, an en
    dash, its unit cell saying in words why there is none (a bare "claim" or a blank read as missing, the
    designer's read, s10r3)."""
    x = finding["size_nok_million"]
    if finding["size_figure"]:
        sort = "" if x is None or math.isnan(x) else f"{x:.6f}"
        return finding["size_figure"], finding["size_unit_shown"], sort
    # Two marks for the two kinds of no size (designer s12c: one dash keyed twice in a caption).
    return ("\u2013", NO_SIZE_CLAIM, "") if finding["unit"] == CLAIM_UNIT else ("=", NO_SIZE_AGREE, "")


# The unit cell of a finding with no size: a claim in words, or figures that agree (an unstated pairing,
# an estimate whose figures match the lines it pairs them with).
NO_SIZE_CLAIM = "no size: a claim in words"
NO_SIZE_AGREE = "no size: the figures agree"


def unit_places(frame: pd.DataFrame) -> dict[str, int]:
    """The most decimals any size of each unit has in a column of sizes: each unit's one precision in that
    column (:func:`unit_figure`; the designer's read, s10r3: "1.0" beside "0.84" percentage points read as two
    precisions; 1.00 is as exact, the difference of two one-decimal shares) and the width of the box that
    lines the points up (:func:`aligned_figure`)."""
    places: dict[str, int] = {}
    for _, f in frame.iterrows():
        figure, unit, _ = size_parts(f)
        places[unit] = max(places.get(unit, 0), decimals_of(figure))
    return places


def unit_figure(figure: str, places: int) -> str:
    """A size (text) at its unit's precision (:func:`unit_places`): "1.0" at 2 places is "1.00"; a size
    that is no plain figure ("< 0.1", the dash) as it is."""
    try:
        value = float(figure.replace("\u00a0", "").replace("\u202f", "").replace(" ", ""))
    except ValueError:
        return figure
    return fmt(value, places)


# A size in another unit than the column's NOK million says its unit in its own cell, short where the house
# style has a short form (s12: "7.37 pp"; the caption's key spells it out).
UNIT_SHORT = {"percentage points": "pp"}
# The caption's key to a size column's dash (a claim in words has no size) and short units.
NO_SIZE_KEYS = {NO_SIZE_CLAIM: "\u2013: a claim in words, no size", NO_SIZE_AGREE: "=: the figures agree, no size"}


def size_header(frame: pd.DataFrame) -> str:
    """The header over a column of sizes: "Size (NOK million)" where any size is an amount (the unit once, in
    the header, s12), else "Size"."""
    units = {size_parts(f)[1] for _, f in frame.iterrows()}
    if MONEY_UNIT not in units:
        return SIZE_HEADER
    # Where other units share the column (pp, persons), the header says so: a figure copied from under it is
    # not taken for NOK million (designer s12).
    others = units - {MONEY_UNIT, *NO_SIZE_KEYS}
    return f"{SIZE_HEADER} ({MONEY_UNIT}{', or as marked' if others else ''})"


def size_key(frame: pd.DataFrame) -> str:
    """The key a caption gives to a column of sizes (:func:`size_cell`): the short units and dashes it holds,
    "pp: percentage points; –: a claim in words, no size"; "" where there are none."""
    units = list(dict.fromkeys(size_parts(f)[1] for _, f in frame.iterrows()))
    keys = [f"{UNIT_SHORT[u]}: {u}" for u in units if u in UNIT_SHORT]
    keys += [NO_SIZE_KEYS[u] for u in units if u in NO_SIZE_KEYS]
    return "; ".join(keys)


def size_cell(finding: Mapping, decimals: int, places: Mapping[str, int], slot: bool, sort: bool = False) -> str:
    """A finding's size in a column headed in NOK million (:func:`size_header`): an amount as a bare figure,
    its exact size in NOK thousand in a note under a "< 0.1"; a size in percentage points with "pp" after it,
    in a slot every row of the column keeps (``slot``), so the points stand in line (at the column's most
    ``decimals``, :func:`aligned_figure`); another unit (persons) written out; no size an en dash (the
    caption's key, :func:`size_key`). Its sort key in ``data-sort`` (``sort``)."""
    figure, unit, key = size_parts(finding)
    if unit in places:
        figure = unit_figure(figure, places[unit])
    # Every figure's digits end in one line (designer s12b: "87 persons" pushed its figure right of the NOK
    # figures): a short unit (pp) in the slot every row keeps, a longer one (persons) on its own line under the
    # figure, as a "< 0.1" has its NOK thousand.
    text = aligned_figure(figure, decimals)
    if unit in UNIT_SHORT:
        text += (
            f'<span class="size-unit">{html.escape(UNIT_SHORT[unit])}</span>' if slot else f"\u00a0{UNIT_SHORT[unit]}"
        )
    elif slot:
        text += '<span class="size-unit"></span>'
    under = (
        ""
        if unit in (MONEY_UNIT, *UNIT_SHORT, *NO_SIZE_KEYS)
        else f'<br><span class="size-note">{html.escape(unit)}</span>'
    )
    data = f' data-sort="{key}"' if sort else ""
    return f'<td class="number size-cell"{data}>{text}{under}{_note_text(finding)}</td>'


def size_slot(frame: pd.DataFrame) -> bool:
    """Whether a column of sizes keeps a slot for a short unit after each figure (where any size has one)."""
    return any(size_parts(f)[1] in UNIT_SHORT for _, f in frame.iterrows())


def _note_text(finding: Mapping) -> str:
    """Under a "< 0.1" in NOK million, its exact size in NOK thousand, small, in brackets (one unit per
    column: the note is not in the column's figures)."""
    note = size_note(finding.get("size_nok_million", float("nan")))
    return f'<br><span class="size-note">({html.escape(note)})</span>' if note else ""


# Most sizes are amounts, in NOK million with one decimal; the Unit column names every row's unit.
MONEY_UNIT = "NOK million"


def decimals_of(figure: str) -> int:
    """How many decimals a figure as written has ("0.84": 2, "14": 0, "–": 0)."""
    return len(figure.partition(".")[2])


def aligned_figure(figure: str, decimals: int) -> str:
    """A figure (text) whose decimal point lines up with the others of its column, set right: its whole
    part, then its point and decimals in a box as wide as a point and ``decimals`` digits (the column's
    most; ``frac-<decimals>``, _static/audit.css), so that 1.0 stands over 0.84 with the points in line and
    a whole number or a dash ends where the others' points are. The text reads as before ("0.84")."""
    whole, point, frac = figure.partition(".")
    return f'{html.escape(whole)}<span class="frac frac-{decimals}">{html.escape(point + frac)}</span>'


# The headers over a finding's size and its unit (:func:`size_parts`).
SIZE_HEADER, UNIT_HEADER = "Size", "Unit"
# A table a reader reads through, row by row (the letter, the register), is shown at its full height: the
# box the book's interactive tables sit in (_static/interactive-table.js) otherwise stops at 70 % of the
# window and scrolls, hiding most of the rows. The rule belongs in _static/aarsevaluering.css; it comes
# with the table until it is there.
FULL_HEIGHT = "full-height"  # a table the book's CSS shows whole, not in a scroll box (_static/aarsevaluering.css)


def _title_cell(title: str, finding_id: str, label: str, section: str = "", verdict: str = "") -> str:
    """The letter's cell that opens a row: what to correct, and under it the finding's short name (its row's
    name in the register and in Fig. A.1) on a line of its own, a link to its row in the register, and the
    report's section whose authors own the correction (``section``, «Heltid»); the id, a slug, is only the
    link's target (three names per finding showed, designer r4b)."""
    fid = html.escape(finding_id)
    owner = f' <span class="owner-section">\u00b7 {html.escape(section)}</span>' if section else ""
    # The verdict in words beside its bar, small, before the short name: the bar alone is one vermilion for an
    # error and an inconsistency alike (the designer's read, s11r3).
    said = f'<span class="letter-verdict">{html.escape(verdict)} \u00b7</span> ' if verdict else ""
    cell = row_toggle(
        _words(title), after=f'{said}<a class="finding-ref" href="#finding-{fid}">{html.escape(label)}</a>{owner}'
    )
    # The verdict's bar on the row's left edge, as the register marks the same finding (s11).
    mark = f'class="row-summary verdict-{html.escape(verdict)}"' if verdict else 'class="row-summary"'
    return cell.replace('class="row-summary"', mark, 1)


def _label_cell(label: str, verdict: str, finding_id: str = "") -> str:
    """The register's cell that opens a row: the finding's short name, as Fig. A.1 names its row, so a
    dot can be matched to a row by eye, and under it the finding's id on one line, a permalink to the row,
    so a closed row can be cited (the designer's read, s9r3); the row's left edge carries the verdict's
    colour, as the finding boxes do (``verdict-<verdict>``, _static/aarsevaluering.css)."""
    fid = html.escape(finding_id)
    permalink = f'<a class="finding-ref finding-id" href="#finding-{fid}">{fid}</a>' if finding_id else ""
    cell = row_toggle(_words(label), after=permalink)
    return cell.replace('class="row-summary"', f'class="row-summary verdict-{html.escape(verdict)}"', 1)


def factor_names(qualitative: str) -> list[str]:
    """The names of the qualitative factors (``FACTORS``) whose text a finding's ``qualitative`` holds."""
    return [name for name, text in FACTORS.items() if text in str(qualitative)]


def shown_level(level: str) -> str:
    """A materiality level as the letter and the register show it: "not in NOK" is said by the Unit column,
    and "not a misstatement" by the verdict."""
    return level.removeprefix("not in NOK: ").removesuffix(" (not a misstatement)")


# How a qualitative factor moved a finding from the level its size alone gives, as the Materiality cell marks
# it under the level (the word in its tooltip and in the table's caption, ``FACTOR_NOTE``): a short mark keeps
# the note on one line in a narrow column.
MOVES = {"raised": "\u2191", "lowered": "\u2193", "weighed": "\u00b7"}
FACTOR_NOTE = "\u2191 or \u2193: the qualitative factor that raised or lowered the level its size gives"


def _materiality_cell(level: str, qualitative: str, by_size: str = "") -> str:
    """The level, and under it the qualitative factors that weigh the finding, marked with the way they
    moved it from the level its size alone gives (``MOVES``: "\u2193 no-total" for lowered; the word, and each
    factor's text, in its tooltip; the caption says what the marks mean, ``FACTOR_NOTE``), so a level its
    size would not give explains itself beside the size; the level alone is what the Materiality filter
    reads (``data-filter``). The note is one line and the level at most two (_static/audit.css): a cell of
    three or four lines made the letter's rows taller than their words."""
    names = factor_names(qualitative)
    if by_size and by_size != level and by_size in LETTER_LEVELS and level in LETTER_LEVELS:
        verb = "raised" if LETTER_LEVELS.index(level) < LETTER_LEVELS.index(by_size) else "lowered"
    else:
        verb = "weighed"
    notes = ", ".join(
        f'<span class="factor-name" title="{html.escape(f"{verb} by {factor_name(n)}: {FACTORS[n]}", quote=True)}">'
        f"{html.escape(factor_name(n))}</span>"
        for n in names
    )
    note = f'<br><span class="factor-note">{MOVES[verb]}\u00a0{notes}</span>' if notes else ""
    shown = html.escape(shown_level(level))
    return f'<td class="materiality-cell" data-filter="{shown}">{shown}{note}</td>'


def _words(text: str) -> str:
    """Text as escaped HTML whose numbers never break over two lines."""
    return html.escape(_unbreakable_numbers(str(text)))


def _register_facts(f: pd.Series) -> list[tuple[str, str]]:
    """A finding's box (:func:`boxes`) as the facts of its row in the register, one short row each."""
    size = f["size_text"] + (f" ({f['relative_text']} of the figure named wrong)" if f["relative_text"] else "")
    weighed = f["materiality"]
    if f["qualitative"]:  # which qualitative factor moved it, and from where
        moved = f" (by size: {f['materiality_by_size']})" if f["materiality_by_size"] != weighed else ""
        weighed += f"{moved}; {f['qualitative']}"
    ids = [f"<code>{html.escape(c)}</code>" for c in str(f["check_ids"]).split()]
    # A long list of checks in rows of CHECKS_PER_ROW, so that no row of the table is taller than a screen.
    chunks = [" ".join(ids[i : i + CHECKS_PER_ROW]) for i in range(0, len(ids), CHECKS_PER_ROW)]
    checks = [(f"Checks ({f['checks']})" if i == 0 else "", chunk) for i, chunk in enumerate(chunks)]
    fid = html.escape(f["finding_id"])
    return [
        ("What is wrong", _words(f["title"])),
        ("Chapter", html.escape(chapter_name(f["chapter"]))),
        ("Verdict and nature", html.escape(f"{f['verdict']}; {f['nature']}")),
        ("Size", _words(size)),
        ("Materiality", html.escape(weighed)),
        *[
            ("What the book found" if i == 0 else "", _words(part))
            for i, part in enumerate(_paragraphs(f["explanation"]))
        ],
        ("Most likely wrong", _words(f["wrong_figure"])),
        ("Should read", _words(f["should_read"])),
        ("Where in the report", _locator_text(f)),
        ("Report lines", html.escape(f["source_lines"])),
        *checks,
        ("Code", _code_links(f["code_urls"]) if f["code_urls"] else ""),
        ("Permalink", f'<a class="finding-ref" href="#finding-{fid}">audit.html#finding-{fid}</a>'),
    ]


CHECKS_PER_ROW = 8
PARAGRAPH_CHARS = 550  # a longer explanation is shown in rows of about this length, split between sentences
_SENTENCE_END = re.compile(r"(?<=[.;:])\s+(?=[A-Z«(\u2212\d])")


def _paragraphs(text: str) -> list[str]:
    """``text`` in parts of about equal length, none much over ``PARAGRAPH_CHARS``, split between
    sentences: each part one row of the register, so no row is taller than half a screen."""
    parts = math.ceil(len(text) / PARAGRAPH_CHARS)
    if parts <= 1:
        return [text]
    target = len(text) / parts
    out, current = [], ""
    for sentence in _SENTENCE_END.split(text):
        full = len(current) + len(sentence) > target * 1.15 and len(current) >= target / 2
        if full and len(out) < parts - 1:
            out.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    return [*out, current]


REGISTER_CAPTION = "The register: every finding, amounts largest first, then sizes in other units, then claims in words"


def register_html(frame: pd.DataFrame, table_id: str = "audit-register", caption: str = REGISTER_CAPTION) -> str:
    """The register as a compact index a reader can sort, search and filter (the book's interactive tables)
    at its full height: each finding by its short name (as Fig. A.1 names its row; the row's id,
    ``finding-<id>``, is its permalink), its verdict, its size with its unit in a column of its own (at
    the precision printed, points lined up, :func:`unit_places`), its materiality and the qualitative
    factors that weigh it; the row opens on the rest of the finding's box (what is wrong, chapter, verdict,
    nature, explanation, locator, checks, code and permalink), a short row each, across the table's width.
    The chapter and nature stay filters. The caption ends with ``FACTOR_NOTE``. Every text is escaped."""
    rows = []
    places = unit_places(frame)
    decimals = max(places.values(), default=0)
    slot = size_slot(frame)
    for _, f in frame.iterrows():
        cells = [
            _label_cell(f["label"], f["verdict"], f["finding_id"]),
            f"<td>{html.escape(f['verdict'])}</td>",
            # One column in NOK million (the unit in the header, s12), one precision per unit, points in line.
            size_cell(f, decimals, places, slot, sort=True),
            _materiality_cell(f["materiality"], f["qualitative"], f["materiality_by_size"]),
        ]
        facets = {"Chapter": chapter_name(f["chapter"]), "Nature": f["nature"]}
        rows.append(OpenRow(cells, _register_facts(f), facets, row_id=f"finding-{f['finding_id']}"))
    headers = ["Finding", "Verdict", size_header(frame), "Materiality"]
    filters = ("Chapter", "Verdict", "Nature", "Materiality")
    key = size_key(frame)
    caption = f"{caption}; {key}" if key else caption
    table = expandable_table(table_id, f"{caption}; {FACTOR_NOTE}", headers, rows, numeric=(2,),
                             filters=filters, css_class=f"register-table {FULL_HEIGHT}")  # fmt: skip
    return table


LETTER_CAPTION = (
    "Management letter: what to correct and who owns it, ranked by materiality level, then by size within a "
    "level (open a row for the figure)"
)


# The one section of the report that names its author: the foreword, the chief municipal executive's (line 1).
FOREWORD = "Kommunedirektørens forord"


def owner(section: str) -> str:
    """Who owns a correction in ``section`` (its first part): the authors of the section, the book's
    assignment, as the report names no authors, except the foreword's, the chief municipal executive."""
    if section == FOREWORD:
        return f"the chief municipal executive («{section}»)"
    return f"the authors of «{section}»"


def owner_section(owner: str) -> str:
    """The section whose authors own a correction (``letter``'s owner, "the authors of «Heltid»"), as the
    letter's Owner column names it: «Heltid»."""
    return "«" + owner.partition("«")[2].partition("»")[0] + "»"


def _size_of(what: str, n: int) -> str:
    """Which of a finding's checks its size is, where it has more than one (the reader's read, s9r2: a
    gender share's size is one age group's, not the headline share's)."""
    return f", in one of its {n} checks: {what}" if what else ""


def letter_html(letter: pd.DataFrame, register: pd.DataFrame, table_id: str = "audit-letter",
                caption: str = LETTER_CAPTION) -> str:  # fmt: skip
    """The management letter as a list to act on, at its full height, unlike the register (an index by
    short name, verdict and size): rank, what to correct (the finding's title, from ``register``, its short
    name under it, a link to its row in the register; the verdict's bar on the row's left edge), its
    materiality and the qualitative factors that weigh it, and its owner (the authors of the report's
    section it stands in), and its size, the rank's second key, as the register gives it (designer s12b).
    Each row opens on the rest of the entry: which figure, the printed figure (in NOK million, or as printed
    where it is not an amount), where it stands in the published report, what it should read, its size,
    verdict and nature, the qualitative factors, the owner and management's response. The caption ends with
    ``FACTOR_NOTE``."""
    by_id = register.set_index("finding_id")
    # The size the rank goes by, in the register's form (designer s12b: a letter ranked by a size it did not
    # show left rank 4's NOK 300.0 million below ranks 1-3 in percentage points unexplained).
    sized = by_id.loc[list(letter["finding_id"])].reset_index()
    places = unit_places(sized)
    decimals = max(places.values(), default=0)
    slot = size_slot(sized)
    rows = []
    for _, r in letter.iterrows():
        money = not math.isnan(r["printed_nok_million"])
        printed = fmt(r["printed_nok_million"], 1, "NOK million") if money else r["printed_form"]
        facts = [
            ("Which figure", _words(r["figure"])),
            ("Printed", _words(printed) or "\u2013"),
            ("Where in the report", _locator_text(r)),
            ("Should read", _words(r["should_read"])),
            (
                "Size",
                _words(r["size_text"] + _size_of(r["size_what"], by_id.loc[r["finding_id"], "checks"]))
                or "none (a claim in words)",
            ),
            ("Verdict and nature", html.escape(f"{r['verdict']}; {r['nature']}")),
            ("Qualitative factors", html.escape(r["qualitative"])),
            ("Owner", html.escape(r["owner"])),
            ("Management's response", html.escape(r["response"])),
        ]
        f = by_id.loc[r["finding_id"]]
        # What to correct, its owner and its rank (the level it is ranked by); its size is in the row's details
        # and in the register, which indexes the findings by short name, verdict and size: the two tables no
        # longer repeat each other (the designer's read, s11).
        cells = [
            f'<td class="number">{r["rank"]}</td>',
            _title_cell(f["title"], r["finding_id"], f["label"], owner_section(r["owner"]), f["verdict"]),
            size_cell(f, decimals, places, slot),
            _materiality_cell(r["materiality"], r["qualitative"], f["materiality_by_size"]),
        ]
        rows.append(OpenRow(cells, facts))
    headers = ["Rank", "What to correct · owner (section)", size_header(sized), "Materiality"]
    key = size_key(sized)
    caption = f"{caption}; {key}" if key else caption
    table = expandable_table(table_id, f"{caption}; {FACTOR_NOTE}", headers, rows, numeric=(0, 2),
                             filters=("Materiality",), css_class=f"letter-table {FULL_HEIGHT}")  # fmt: skip
    return table


QUERIES_CAPTION = "Queries: totals within rounding whose gap rounding seldom leaves"
# A check's own words quote a printed label in straight quotes ('Sum øvrige prosjekter'); the book quotes
# the report's words in «», as everywhere else (the designer's read, s10). An apostrophe (men's) is kept.
_STRAIGHT_QUOTED = re.compile(r"(?<!\w)'([^']+)'(?!\w)")


def book_quotes(text: str) -> str:
    """``text`` with a label quoted in straight quotes ('Sum øvrige prosjekter') in the book's «»."""
    return _STRAIGHT_QUOTED.sub(r"«\1»", text)


def queries_html(frame: pd.DataFrame, table_id: str = "audit-queries", caption: str = QUERIES_CAPTION) -> str:
    """The improbable sums (:func:`queries`) as queries to the municipality, compact: the total, its
    unit (a column of its own, one per row: the totals' units differ), printed figure and gap (bare numbers in
    that unit) and how often rounding alone leaves such a gap; each row opens on the check's id, its
    number of parts, the rounding band, the report's lines and the question the book would ask."""
    pay = frame["check_id"].str.endswith(".weighted")  # the average pay queries (``PAY_QUERIES``)
    if caption == QUERIES_CAPTION and pay.any():  # the caption names every kind of row (the designer's read, s10)
        caption = f"{caption}, and {'an average pay' if pay.sum() == 1 else 'average pays'} the head counts do not give"
    rows = []
    for _, r in frame.iterrows():
        places = int(r["decimals"])
        tolerance_places = places if float(r["tolerance"] * 10**places).is_integer() else places + 1  # 2.5, 3
        cells = [
            row_toggle(_words(book_quotes(r["what"]))),
            f'<td class="unit-cell">{html.escape(unit_name(r["unit"]) or r["unit"])}</td>',
            f'<td class="number">{html.escape(fmt(r["printed"], places))}</td>',
            f'<td class="number">{html.escape(fmt(r["gap"], places))}</td>',
            f'<td class="number">{html.escape(fmt(100 * r["p_rounding"], 2))}</td>',
        ]
        facts = [
            ("Check", f"<code>{html.escape(r['check_id'])}</code>"),
            ("Parts", str(r["terms"])),
            ("Rounding allows a gap of up to", _words(fmt(r["tolerance"], tolerance_places, r["unit"]))),
            ("Report lines", html.escape(str(r["source_lines"]))),
            ("Query", _words(r["question"])),
        ]
        rows.append(OpenRow(cells, facts))
    headers = ["Total", "Unit", "Printed", "Gap", "Rounding leaves such a gap (%)"]
    return expandable_table(table_id, caption, headers, rows, numeric=(2, 3, 4), css_class="queries-table",
                            interactive=False)  # a few rows: no search box  # fmt: skip


# ---------------------------------------------------------------------------------------------
# A chapter's list of its findings ("All checks of the chapter"): one layout for every chapter.

CHAPTER_TABLE_HEADERS = ["Finding and id", "Verdict", SIZE_HEADER, "Report lines"]


def _lines_cell(lines: str) -> str:
    """The report's lines (:func:`merge_lines`), each line or range on one line ("2690–2692" never broken at
    its dash, the designer's read, s9r3), free to wrap between them."""
    parts = [p.strip() for p in merge_lines(lines).split(";") if p.strip()]
    return ", ".join(f'<span class="line-range">{html.escape(p)}</span>' for p in parts) or "\u2013"


def chapter_table_html(frame: pd.DataFrame, table_id: str, caption: str) -> str:
    """A chapter's findings (rows of :func:`table`, and of :func:`estimates` where the chapter lists its
    estimates too), largest first, in one layout for every chapter: the finding's short name (its title
    where it has none) with its id under it on one line (a link to its box), its verdict ("estimate" for
    the book's own), its size in one column headed in NOK million (:func:`size_cell`: one decimal, "< 0.1"
    with its size in NOK thousand under it; "pp" in the cell of a size in percentage points, two decimals;
    no size a dash, keyed in the caption, :func:`size_key`), the decimal points in line, and the report's
    lines, no range broken. Every text is escaped; ``tables.styled``'s look (report-table)."""
    places = unit_places(frame) if len(frame) else {}
    decimals = max(places.values(), default=0)
    slot = size_slot(frame) if len(frame) else False
    # The unit once, in the header (s12: "NOK million" in every row); the caption keys the short units and
    # the dash. Amounts come first, largest first, then the sizes in other units (``_work_out_rows``).
    key = size_key(frame) if len(frame) else ""
    caption = f"{caption}; {key}" if key else caption
    rows = []
    for _, f in frame.iterrows():
        fid = html.escape(f["finding_id"])
        name = _words(f.get("label") or f["title"])
        verdict = "estimate" if f["verdict"] == BOOK_ESTIMATE else f["verdict"]
        rows.append(
            # The row's left edge carries the verdict's bar, as the register's rows and the boxes do (s11).
            f'<tr><td class="finding-name verdict-{html.escape(f["verdict"])}">{name}<br>'
            f'<a class="finding-ref finding-id" href="#finding-{fid}">{fid}</a></td>'
            f"<td>{html.escape(verdict)}</td>"
            f"{size_cell(f, decimals, places, slot)}"
            f'<td class="lines-cell">{_lines_cell(f["source_lines"])}</td></tr>'
        )
    numeric = ' class="number-head"'
    headers = [size_header(frame) if h == SIZE_HEADER else h for h in CHAPTER_TABLE_HEADERS]
    head = "".join(
        f'<th scope="col"{numeric if h.startswith(SIZE_HEADER) else ""}>{html.escape(h)}</th>' for h in headers
    )
    return (
        f'<table id="{html.escape(table_id)}" class="report-table chapter-findings">'
        f"<caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def chapter_rows(checks: pd.DataFrame, chapter: str, estimates: bool = False) -> pd.DataFrame:
    """A chapter's findings as :func:`chapter_table_html` lists them: those of ``checks`` in ``chapter``'s
    finding file, largest first, then (``estimates``) the book's estimates, with every field of a row."""
    own = load(chapter)
    frames = [_rows(checks, own, estimates=False)] + ([_rows(checks, own, estimates=True)] if estimates else [])
    return pd.concat(frames, ignore_index=True)


def chapter_table(checks: pd.DataFrame, chapter: str, table_id: str, caption: str, estimates: bool = False):
    """A chapter's findings table (:func:`chapter_table_html` of :func:`chapter_rows`) as an IPython HTML
    object, to end a chapter's cell with: ``findings.chapter_table(quoted, CH, "drift-findings", "...")``."""
    from IPython.display import HTML

    return HTML(chapter_table_html(chapter_rows(checks, chapter, estimates), table_id, caption))
