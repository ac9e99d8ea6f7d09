"""The audit page lists every check the module defines, no more and no fewer (findings: test_findings.py)."""

from __future__ import annotations

import json
import re

import pandas as pd
from conftest import REPO

from aarsevaluering import checks

CHAPTERS = ["balanse", "driftsregnskap", "investeringsregnskap", "pensjon", "personnel"]


def test_every_chapter_has_identities_and_each_yields_checks():
    all_checks = checks.run()
    assert sorted(checks.IDENTITIES) == CHAPTERS
    for chapter, functions in checks.IDENTITIES.items():
        for func in functions:
            assert len(checks.run(chapter, only=[func.__name__])), f"{chapter}.{func.__name__} yields no check"
    by_chapter = pd.concat([checks.run(ch) for ch in CHAPTERS], ignore_index=True)
    assert sorted(by_chapter["check_id"]) == sorted(all_checks["check_id"])


def test_stored_audit_page_lists_every_check():
    """The stored audit notebook reports the same number of checks the module defines today."""
    notebook = json.loads((REPO / "notebooks" / "audit.ipynb").read_text(encoding="utf-8"))
    text = "".join(
        "".join(output.get("text", ""))
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if output.get("name") == "stdout"
    )
    written = re.search(r"(\d+) checks in audit_checks.csv", text)
    assert written, "the audit page does not report how many checks audit_checks.csv holds"
    assert int(written.group(1)) == len(checks.run())
