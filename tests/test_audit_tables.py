"""The audit page's tables whose rows open: every piece of an entry is kept (in its details rows), every
finding id is a visible permalink whose target exists once, and a long explanation is split, not cut."""

from __future__ import annotations

import html
import re

import pytest
from bs4 import BeautifulSoup
from conftest import REPO

from aarsevaluering import checks, findings, tables
from aarsevaluering.audit import audit_checks, check_unit, every_check_html, factor_table, page_places


@pytest.fixture(scope="module")
def audit():
    all_checks = checks.run()
    return findings.table(all_checks), findings.letter(all_checks), findings.queries(all_checks)


def test_an_open_row_keeps_its_facts_in_its_own_group():
    rows = [tables.OpenRow([tables.row_toggle("a"), "<td>1</td>"], [("Term", "x &lt; y"), ("Empty", "")], {"K": "v"})]
    soup = BeautifulSoup(tables.expandable_table("t", "Caption <b>", ["What", "N"], rows, numeric=(1,)), "html.parser")
    group = soup.find("tbody", class_="row-group")
    assert len(group.find_all("details")) == 1 and soup.caption.get_text() == "Caption <b>"
    details = group.find_all("tr", class_="row-detail")
    assert len(details) == 1 and details[0].td["colspan"] == "2"  # the empty fact is left out
    assert details[0].get_text(" ", strip=True) == "Term x < y" and group["data-facets"] == '{"K": "v"}'


def test_the_letter_keeps_every_field_of_every_correction(audit):
    register, letter, _ = audit
    markup = findings.letter_html(letter, register)
    text = BeautifulSoup(markup, "html.parser").get_text(" ")
    text = " ".join(text.replace("\u00a0", " ").split())
    for _, r in letter.iterrows():
        assert f'href="#finding-{html.escape(r["finding_id"])}"' in markup
        for field in ("figure", "should_read", "section", "search", "owner", "response", "size_text", "materiality"):
            assert " ".join(str(r[field]).split()) in text, (r["finding_id"], field)
        assert f"line {r['line']}" in text


def test_each_register_finding_is_a_permalink_target_once(audit):
    register, _, _ = audit
    soup = BeautifulSoup(findings.register_html(register), "html.parser")
    for fid in register["finding_id"]:
        assert len(soup.find_all(id=f"finding-{fid}")) == 1
        assert soup.find("a", href=f"#finding-{fid}") is not None


def test_every_query_keeps_its_question(audit):
    _, _, queries = audit
    text = " ".join(BeautifulSoup(findings.queries_html(queries), "html.parser").get_text(" ").split())
    for question in queries["question"]:
        assert " ".join(question.replace("\u00a0", " ").split()) in text.replace("\u00a0", " ")


def test_a_long_explanation_is_split_between_sentences_not_cut(audit):
    register, _, _ = audit
    long = [e for e in register["explanation"] if len(e) > findings.PARAGRAPH_CHARS]
    assert long, "no explanation long enough to split"
    for text in long:
        parts = findings._paragraphs(text)
        assert len(parts) > 1 and " ".join(parts) == text
        assert all(part.rstrip().endswith((".", ";", ":", ")", "»")) for part in parts[:-1])


def test_a_compact_table_keeps_every_fact_in_one_details_row():
    """The list of every check is compact: a row's facts share one details row, none is lost."""
    facts = [("Check", "<code>a.b</code>"), ("Finding", ""), ("Code", '<a href="x">x.py</a>')]
    rows = [tables.OpenRow([tables.row_toggle("a"), "<td>1</td>"], facts)]
    soup = BeautifulSoup(tables.expandable_table("t", "C", ["What", "N"], rows, compact=True), "html.parser")
    details = soup.find_all("tr", class_="row-detail")
    assert len(details) == 1
    assert [d.get_text(" ", strip=True) for d in details[0].find_all("div", class_="detail-fact")] == [
        "Check a.b",
        "Code x.py",
    ]


def test_the_register_and_the_letter_name_the_qualitative_factor_of_each_finding(audit):
    """A size beside a level its size alone would not give explains itself: the factor's name, or "none"."""
    register, letter, _ = audit
    for markup, frame in (
        (findings.register_html(register), register),
        (findings.letter_html(letter, register), letter),
    ):
        soup = BeautifulSoup(markup, "html.parser")
        assert [th.get_text() for th in soup.thead.find_all("th")][-1] == "Qualitative factor"
        shown = [g.find("tr").find_all("td")[-1].get_text() for g in soup.find_all("tbody", class_="row-group")]
        wanted = [", ".join(n for n, t in findings.FACTORS.items() if t in q) or "none" for q in frame["qualitative"]]
        assert shown == wanted
        assert "none" in shown and len(set(shown)) > 2


def test_a_finding_id_stays_on_one_line(audit):
    """The id sits under the finding's words, unbroken (in a column of its own it broke over five lines)."""
    register, _, _ = audit
    soup = BeautifulSoup(findings.register_html(register), "html.parser")
    ids = [a.get_text() for a in soup.find_all("a", class_="finding-ref")]
    assert ids == list(register["finding_id"])
    # A link inside a row's summary is a control inside a control (axe-core: nested-interactive).
    assert not soup.select("summary a"), "a finding's permalink sits inside its row's summary"
    css = (REPO / "_static" / "aarsevaluering.css").read_text(encoding="utf-8")
    rule = re.search(r"\.expandable-table \.finding-ref \{([^}]*)\}", css)
    assert rule and "white-space: nowrap" in rule.group(1)


def test_every_check_shows_one_precision_per_unit():
    """The list of every check: each row's unit in a column of its own (the designer's read: "+595" in NOK
    thousand and "+59.4" in NOK million shared a column unmarked), the recomputed figure and the difference
    at the unit's one precision (never "415.6462" beside "892.0"), and no discrepancy reads as a zero
    difference."""
    frame = audit_checks()
    soup = BeautifulSoup(every_check_html(frame), "html.parser")
    assert [th.get_text() for th in soup.thead.find_all("th")][:3] == ["Check", "Unit", "As printed"]
    groups = soup.find_all("tbody", class_="row-group")
    assert len(groups) == len(frame)
    for (_, r), group in zip(frame.iterrows(), groups, strict=True):
        cells = [td.get_text() for td in group.find("tr").find_all("td")]
        assert cells[1] == check_unit(r["unit"]) != "", (r["check_id"], cells[1])
        if r["unit"] == checks.CLAIM_UNIT:
            continue
        places = page_places(r["unit"], int(r["decimals"]))
        for text in cells[3:5]:
            decimals = len(text.split(".")[1]) if "." in text else 0
            assert decimals == places, (r["check_id"], text)
        if r["status"] == "discrepancy":
            assert cells[4].strip("+\u2212").strip("0.") != "", (r["check_id"], cells[4])


def test_the_letter_and_the_register_give_every_size_and_hide_no_row(audit):
    """A finding not in NOK shows its size in its own unit, marked ("1.0 pp"), not a dash, and sorts after
    the amounts; only a claim in words has none. Both tables are shown at full height (no scroll box)."""
    register, letter, _ = audit
    for markup, frame in (
        (findings.register_html(register), register),
        (findings.letter_html(letter, register), letter),
    ):
        css = (REPO / "_static" / "aarsevaluering.css").read_text(encoding="utf-8")
        assert f".interactive-box:has(> table.{findings.FULL_HEIGHT})" in css
        soup = BeautifulSoup(markup, "html.parser")
        assert findings.FULL_HEIGHT in soup.table["class"]
        column = [th.get_text() for th in soup.thead.find_all("th")].index(findings.SIZE_HEADER)
        sizes = [g.find("tr").find_all("td")[column] for g in soup.find_all("tbody", class_="row-group")]
        for (_, f), cell in zip(frame.iterrows(), sizes, strict=True):
            text = cell.get_text().replace("\u00a0", " ")
            if f["size_nok_million"] == f["size_nok_million"]:  # an amount: NOK million, sortable
                assert text == findings.million_text(f["size_nok_million"]) and cell["data-sort"] != ""
            elif f["size_text"]:
                assert text == f["size_text"].replace("\u00a0", " ").replace("percentage points", "pp")
                assert cell["data-sort"] == "" and text.endswith((" pp", " persons")), text
            else:
                assert text == "\u2013"
        assert any(c.get_text().endswith("pp") for c in sizes)


def test_the_qualitative_factors_table_names_what_each_moves(audit):
    """One row per factor, its text split into when it applies and its effect, every word kept; the
    findings it moves are those whose level differs from the one their size alone gives."""
    register, _, _ = audit
    table = factor_table(register)
    assert list(table["factor"]) == list(findings.FACTORS)
    for (_, row), text in zip(table.iterrows(), findings.FACTORS.values(), strict=True):
        assert f"{row['applies'][0].lower()}{row['applies'][1:]}: {row['effect']}" == text
        assert row["effect"].startswith(("material", "one level lower"))
        moved = register[register["qualitative"].str.contains(text, regex=False)
                         & (register["materiality"] != register["materiality_by_size"])]  # fmt: skip
        assert all(fid in row["moves"] for fid in moved["finding_id"])
        assert (row["moves"] == "none") == moved.empty
