"""``python -m aarsevaluering.audit [--findings]``: every check of the book, or every finding, as CSV.

Without an option it writes one row per check (``AUDIT_COLUMNS``): what is compared, the printed and
the recomputed figure, their difference, the unit, the class, the finding the check belongs to and
its verdict (for a check outside any finding, the verdict is its class), and the report's lines.
With ``--findings`` it writes one row per finding, largest first. The audit page offers both files.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from . import checks, findings

AUDIT_COLUMNS = [
    "check_id", "chapter", "what", "printed", "recomputed", "difference", "unit", "status",
    "finding_id", "verdict", "source_lines", "kind", "decimals", "tolerance", "low", "high", "table", "section",
]  # fmt: skip
FINDINGS_EXPORT = [
    "finding_id", "chapter", "title", "verdict", "checks", "size", "unit", "size_text", "relative_text",
    "source_lines", "wrong_figure", "explanation", "check_ids",
]  # fmt: skip


def audit_checks(all_checks: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every check with its finding and verdict, in the chapters' order."""
    all_checks = checks.run() if all_checks is None else all_checks
    return findings.assign(all_checks)[AUDIT_COLUMNS]


def audit_findings(all_checks: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every finding, largest first."""
    all_checks = checks.run() if all_checks is None else all_checks
    return findings.table(all_checks)[FINDINGS_EXPORT]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aarsevaluering.audit", description=__doc__.splitlines()[0])
    parser.add_argument("--findings", action="store_true", help="one row per finding instead of per check")
    args = parser.parse_args(argv)
    frame = audit_findings() if args.findings else audit_checks()
    frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
