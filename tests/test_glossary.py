"""Every glossary term the book uses is defined, and every defined term is used."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# {term}`Premieavvik` or {term}`premium deviation <Premieavvik>`
TERM_ROLE = re.compile(r"\{term\}`(?:[^`<]*<)?([^`<>]+?)>?`")


def glossary_blocks() -> list[str]:
    """The glossary's ``{glossary}`` blocks, one under each letter's heading."""
    text = (REPO / "book" / "glossary.md").read_text(encoding="utf-8")
    return re.findall(r"^```\{glossary\}\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def defined_terms() -> set[str]:
    """Every term the glossary defines: the unindented lines of its blocks (two such lines in a row are two
    terms of one entry, as Sphinx reads them)."""
    lines = [line for block in glossary_blocks() for line in block.splitlines()]
    return {line.strip() for line in lines if line.strip() and not line.startswith((" ", "\t"))}


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


def test_each_letter_has_a_heading_over_its_terms():
    """The glossary is split by first letter, each letter a heading of the page (the page's contents list
    them, so a reader can jump from A to Å), no term defined twice."""
    text = (REPO / "book" / "glossary.md").read_text(encoding="utf-8")
    # The English index before the letters (designer s9: "provision" could not be looked up) holds links only;
    # the letters stand under a heading of their own (designer s11: a reader took "A" for the index's).
    index, terms_part = text.split("\n## Norwegian to English\n", 1)
    assert "\n## " not in terms_part, "every letter is a subsection of «Norwegian to English»"
    sections = re.split(r"^### ", terms_part, flags=re.MULTILINE)[1:]
    terms = []
    for section in sections:
        letter, body = section.split("\n", 1)
        (block,) = re.findall(r"^```\{glossary\}\n(.*?)^```$", body, flags=re.MULTILINE | re.DOTALL)
        names = [line.strip() for line in block.splitlines() if line.strip() and not line.startswith((" ", "\t"))]
        assert names and all(name[0].upper() == letter for name in names), letter
        terms += names
    assert len(sections) == len(glossary_blocks())
    assert "## English to Norwegian\n" in text
    assert len(terms) == len(set(terms)) == len(defined_terms())


def test_terms_stand_in_alphabetical_order_under_their_letter():
    """A reader scans a letter's terms in order (the designer's read found Anleggsbidrag before AML-brudd,
    KS before Konsernkonto): each block's entries sorted by their first term, case ignored, in the Norwegian
    alphabet, where æ, ø and å follow z in that order (designer s12b: Lånefond stood before Lønnsoppgjør)."""
    norwegian = str.maketrans({"æ": "z\u0001", "ø": "z\u0002", "å": "z\u0003"})
    for block in glossary_blocks():
        lines = block.splitlines()
        firsts = [
            line.strip()
            for n, line in enumerate(lines)
            if line.strip() and not line.startswith((" ", "\t")) and (n == 0 or not lines[n - 1].strip())
        ]
        assert firsts == sorted(firsts, key=lambda term: term.casefold().translate(norwegian)), (
            f"out of order: {firsts}"
        )
