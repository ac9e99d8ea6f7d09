"""Every glossary term the book uses is defined, and every defined term is used."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# {term}`Premieavvik` or {term}`premium deviation <Premieavvik>`
TERM_ROLE = re.compile(r"\{term\}`(?:[^`<]*<)?([^`<>]+?)>?`")


def defined_terms() -> set[str]:
    text = (REPO / "book" / "glossary.md").read_text(encoding="utf-8")
    block = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    return {line.strip() for line in block.splitlines() if line.strip() and not line.startswith((" ", "\t"))}


def used_terms() -> set[str]:
    sources = list((REPO / "notebooks").glob("*.py")) + list((REPO / "book").glob("*.md"))
    return {m.group(1).strip() for path in sources for m in TERM_ROLE.finditer(path.read_text(encoding="utf-8"))}


def test_every_used_term_is_defined():
    assert not used_terms() - defined_terms(), f"undefined: {sorted(used_terms() - defined_terms())}"


def test_every_defined_term_is_used():
    assert not defined_terms() - used_terms(), f"unused: {sorted(defined_terms() - used_terms())}"


def test_term_role_pattern():
    found = TERM_ROLE.findall("a {term}`Premieavvik` and {term}`premium deviation <Premieavvik>` b")
    assert found == ["Premieavvik", "Premieavvik"]
