"""Findings: the checks the report's figures fail, grouped by the one slip behind them, with a verdict.

A *finding* is one underlying issue and every check it breaks (a mistyped cell breaks a column sum and
a deviation: one finding). Its words are content, not code: each chapter's findings are written in
``findings/<chapter>.yaml`` at the root of the repository, one entry per finding::

    - id: drift-loan-fund-interest-budget      # stable: cited from outside, never reused
      title: One line saying what is wrong
      verdict: error                            # error | inconsistency | scope | unstated
      checks:                                   # check ids, or fnmatch patterns of check ids
        - drift_loan_fund_accounts.inntekter.sum.revised_budget_2023
      size_check: <check id>                    # optional: whose difference is the finding's size
      wrong_figure: Which printed figure is most likely wrong, where the report's own figures tell.
      explanation: >
        The book's words. Figures are never typed: {printed:<check id>}, {recomputed:<check id>},
        {difference:<check id>} and {gap:<check id>} (its size, unsigned) paste a check's figures in
        its unit; {cell:<table>|<column>|<label>} pastes a printed cell. An optional last part
        (``{recomputed:<check id>|3}``) sets the decimals.

A pattern gathers the checks it matches that fall outside rounding (``discrepancy``, ``truncated``
or ``estimate``); a check id written out in full must be one of them, or the finding is stale.
Every discrepancy belongs to exactly one finding (``tests/test_findings.py``).
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

from .checks import CLAIM_UNIT, DISCREPANCY, ESTIMATE, EXACT, IN_NOK_THOUSAND, ROUNDING, TRUNCATED, from_disk, value
from .data import REPO_ROOT, DataError, _note_read, resource
from .fmt import fmt, fmt_difference

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
# Statuses a finding may gather; a discrepancy must be in one.
OUTSIDE_ROUNDING = (DISCREPANCY, TRUNCATED, ESTIMATE)
FIELDS = {"id", "title", "verdict", "checks", "explanation", "wrong_figure", "size_check"}
REQUIRED = {"id", "title", "verdict", "checks", "explanation"}
PLACEHOLDER = re.compile(r"\{(printed|recomputed|difference|gap|cell):([^{}]+)\}")

FINDING_COLUMNS = [
    "finding_id", "chapter", "title", "verdict", "checks", "size", "size_text", "relative_text",
    "unit", "source_lines", "wrong_figure", "explanation", "check_ids",
]  # fmt: skip


@dataclass(frozen=True)
class Finding:
    finding_id: str
    chapter: str
    title: str
    verdict: str
    checks: tuple[str, ...]
    explanation: str
    wrong_figure: str = ""
    size_check: str = ""

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
        if entry["verdict"] not in VERDICTS:
            raise DataError(f"{where}: verdict {entry['verdict']!r} is not one of {sorted(VERDICTS)}")
        checks = entry["checks"]
        if isinstance(checks, str) or not checks:
            raise DataError(f"{where}: 'checks' must be a non-empty list")
        out.append(
            Finding(
                finding_id=str(entry["id"]),
                chapter=chapter,
                title=" ".join(str(entry["title"]).split()),
                verdict=entry["verdict"],
                checks=tuple(str(c) for c in checks),
                explanation=" ".join(str(entry["explanation"]).split()),
                wrong_figure=" ".join(str(entry.get("wrong_figure", "")).split()),
                size_check=str(entry.get("size_check", "")),
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
        if finding.size_check and finding.size_check not in set(members["check_id"]):
            out.append(f"{where}: size_check {finding.size_check} is not one of its checks")
        try:
            for text in (finding.title, finding.explanation, finding.wrong_figure):
                render(text, checks)
        except (KeyError, ValueError, DataError) as exc:
            out.append(f"{where}: {exc}")
    return out


# ---------------------------------------------------------------------------------------------
# Words with glued figures.


def _check_row(checks: pd.DataFrame, check_id: str) -> pd.Series:
    rows = checks[checks["check_id"] == check_id]
    if len(rows) != 1:
        raise KeyError(f"placeholder names check {check_id!r}, which is not a check")
    return rows.iloc[0]


def _placeholder(kind: str, argument: str, checks: pd.DataFrame) -> str:
    parts = [p.strip() for p in argument.split("|")]
    if kind == "cell":
        if len(parts) not in (3, 4):
            raise ValueError(f"{{cell:{argument}}} needs table|column|label[|decimals]")
        table, column, label = parts[:3]
        field = resource(table).field(column)
        places = int(parts[3]) if len(parts) == 4 else int(field.get("decimals", 0))
        unit = field.get("unit", resource(table).spec.get("unit", ""))
        return fmt(value(from_disk(table), column, label=label), places, unit)
    row = _check_row(checks, parts[0])
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


def _relative(row: pd.Series) -> str:
    """The size relative to the figure it affects (not for percentages, claims or zero figures)."""
    if row["unit"] in ("percent", "%", CLAIM_UNIT) or not row["printed"]:
        return ""
    if math.isnan(row["difference"]):
        return ""
    share = 100.0 * abs(row["difference"]) / abs(row["printed"])
    return fmt(share, 2 if share < 0.1 else 1, "percent")


def _lines(members: pd.DataFrame) -> str:
    seen = []
    for text in members["source_lines"]:
        for part in re.split(r"[;,]\s*", str(text)):
            if part and part not in seen:
                seen.append(part)
    return "; ".join(seen)


def table(checks: pd.DataFrame, findings: list[Finding] | None = None) -> pd.DataFrame:
    """One row per finding: its verdict, how many checks it breaks, its size (the difference of its
    largest check, in that check's unit, and relative to the printed figure), its lines and its
    words with figures pasted in. Money findings come first, largest in NOK thousand; then the rest."""
    findings = load() if findings is None else findings
    assigned = assign(checks, findings)
    rows = []
    for finding in findings:
        members = assigned[assigned["finding_id"] == finding.finding_id]
        if members.empty:
            continue
        size = _size(members, finding)
        unit = str(size["unit"])
        is_pct = unit in ("percent", "%")
        size_unit = "percentage points" if is_pct else unit
        # No size for a claim, nor for a finding whose checks agree in figures (an unstated pairing).
        nil = unit == CLAIM_UNIT or abs(size["difference"]) < 0.5 * 10.0 ** -(int(size["decimals"]) + 1)
        size_text = "" if nil else fmt_difference(abs(size["difference"]), int(size["decimals"]), size_unit)
        size_text = size_text.lstrip("+")
        rows.append(
            {
                "finding_id": finding.finding_id,
                "chapter": finding.chapter,
                "title": render(finding.title, checks),
                "verdict": finding.verdict,
                "checks": len(members),
                "size": abs(size["difference"]),
                "size_text": size_text,
                "relative_text": "" if nil else _relative(size),
                "unit": unit,
                "source_lines": _lines(members),
                "wrong_figure": render(finding.wrong_figure, checks),
                "explanation": render(finding.explanation, checks),
                "check_ids": " ".join(members["check_id"]),
            }
        )
    frame = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    scale = frame["unit"].map(IN_NOK_THOUSAND)
    frame["_money"] = scale.notna()
    frame["_effect"] = frame["size"].fillna(0) * scale.fillna(1.0)
    frame = frame.sort_values(["_money", "_effect", "finding_id"], ascending=[False, False, True], kind="stable")
    return frame.drop(columns=["_money", "_effect"]).reset_index(drop=True)


def counts(checks: pd.DataFrame, findings: list[Finding] | None = None) -> dict[str, int]:
    """The book's headline counts: checks by status, findings by verdict, and how many findings are
    the report contradicting itself (error + inconsistency) against the rest."""
    frame = table(checks, findings)
    out = {"checks": len(checks)}
    out |= {status: int((checks["status"] == status).sum()) for status in (EXACT, ROUNDING, TRUNCATED, ESTIMATE)}
    out[DISCREPANCY] = int((checks["status"] == DISCREPANCY).sum())
    out["findings"] = len(frame)
    out |= {verdict: int((frame["verdict"] == verdict).sum()) for verdict in VERDICTS}
    out["contradicted"] = out["error"] + out["inconsistency"]
    out["not_contradicted"] = out["scope"] + out["unstated"]
    return out


# ---------------------------------------------------------------------------------------------
# Findings where they arise in a chapter.


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def summary_line(checks: pd.DataFrame, elsewhere: Mapping[str, str] | None = None) -> str:
    """One sentence counting a section's checks by class, for the chapter's reading flow. A finding in
    ``elsewhere`` (id -> where its box stands, e.g. "with Drammen Eiendom KF's part") is shown once, in
    another section: it is not counted as shown here, and the sentence says where it is."""
    elsewhere = elsewhere or {}
    n = {s: int((checks["status"] == s).sum()) for s in (EXACT, ROUNDING, TRUNCATED, ESTIMATE, DISCREPANCY)}
    parts = [f"{n[EXACT]} exact", f"{n[ROUNDING]} within rounding"]
    if n[TRUNCATED]:
        parts.append(f"{n[TRUNCATED]} truncated")
    if n[ESTIMATE]:
        parts.append(_plural(n[ESTIMATE], "estimate") + " (shown, not graded)")
    found = assign(checks)
    ids = set(found.loc[found["finding_id"] != "", "finding_id"])
    if n[DISCREPANCY]:
        parts.append(_plural(n[DISCREPANCY], "discrepancy", "discrepancies"))
    here = ids - set(elsewhere)
    tail = f"; {_plural(len(here), 'finding')} shown here" if here else ""
    tail += "".join(f"; finding {fid} is shown {where}" for fid, where in sorted(elsewhere.items()) if fid in ids)
    return f"{_plural(len(checks), 'check')}: " + ", ".join(parts) + tail + "."


def show(checks: pd.DataFrame, all_checks: pd.DataFrame | None = None, elsewhere: Mapping[str, str] | None = None):
    """The findings that the given checks (a section's) belong to, as boxes to read in the chapter:
    title, verdict, size, lines and explanation; not those in ``elsewhere`` (see :func:`summary_line`).
    Figures are pasted from ``all_checks`` (default: ``checks``). Returns an IPython HTML object
    (stable markup, so nbval can compare it)."""
    from IPython.display import HTML

    found = assign(checks)
    ids = set(found.loc[found["finding_id"] != "", "finding_id"]) - set(elsewhere or {})
    frame = table(checks if all_checks is None else all_checks)
    frame = frame[frame["finding_id"].isin(ids)]
    return HTML(boxes(frame))


def boxes(frame: pd.DataFrame) -> str:
    """HTML of findings (rows of :func:`table`), one box each; every text is escaped."""
    out = []
    for _, f in frame.iterrows():
        size = f["size_text"] + (f" ({f['relative_text']} of the printed figure)" if f["relative_text"] else "")
        facts = [f"<b>Verdict</b>: {html.escape(f['verdict'])}"]
        if size:
            facts.append(f"<b>Size</b>: {html.escape(size)}")
        facts.append(f"<b>Checks</b>: {f['checks']}")
        facts.append(f"<b>Report lines</b>: {html.escape(f['source_lines'])}")
        wrong = f"<p><b>Most likely wrong</b>: {html.escape(f['wrong_figure'])}</p>" if f["wrong_figure"] else ""
        out.append(
            f'<div class="finding finding-{html.escape(f["verdict"])}" id="finding-{html.escape(f["finding_id"])}">'
            f'<p class="finding-title"><b>{html.escape(f["title"])}</b> '
            f'<code class="finding-id">{html.escape(f["finding_id"])}</code></p>'
            f'<p class="finding-facts">{" · ".join(facts)}</p>'
            f"<p>{html.escape(f['explanation'])}</p>{wrong}</div>"
        )
    return "\n".join(out)
