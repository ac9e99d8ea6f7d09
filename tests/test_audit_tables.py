"""The audit page's tables whose rows open: every piece of an entry is kept (in its details rows), every
finding id is a visible permalink whose target exists once, and a long explanation is split, not cut."""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import REPO

from aarsevaluering import checks, findings, tables
from aarsevaluering.audit import (
    CHAPTERS,
    HALF_WAY,
    LEFT_OUT_GID,
    SHARE_GID,
    WHY_GAP,
    aggregation_html,
    audit_checks,
    check_unit,
    every_check_html,
    factor_table,
    factor_table_html,
    lines_text,
    page_places,
    shown_places,
    shown_precision,
)
from aarsevaluering.fmt import fmt


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
        for field in ("figure", "should_read", "section", "search", "owner", "response", "size_text"):
            assert " ".join(str(r[field]).split()) in text, (r["finding_id"], field)
        assert findings.shown_level(r["materiality"]) in text, r["finding_id"]
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
    facts = details[0].find("dl", class_="detail-facts")
    assert [t.get_text(strip=True) for t in facts.find_all("dt")] == ["Check", "Code"]
    assert [d.get_text(strip=True) for d in facts.find_all("dd")] == ["a.b", "x.py"]
    assert [c.name for c in facts.children] == ["dt", "dd", "dt", "dd"]  # pairs only, as a list must hold


def test_the_register_and_the_letter_fold_the_qualitative_factor_into_materiality(audit):
    """A level its size alone would not give explains itself: under the level, the factors that weigh the
    finding, named; a finding without one shows its level alone. The Materiality filter reads the level only
    (``data-filter``), and "not in NOK" is left to the Unit column (the register) or the row's words (the
    letter)."""
    register, letter, _ = audit
    for markup, frame in (
        (findings.register_html(register), register),
        (findings.letter_html(letter, register), letter),
    ):
        soup = BeautifulSoup(markup, "html.parser")
        headers = [th.get_text() for th in soup.thead.find_all("th")]
        column = headers.index("Materiality")
        assert "Qualitative factor" not in headers
        cells = [g.find("tr").find_all("td")[column] for g in soup.find_all("tbody", class_="row-group")]
        for (_, f), cell in zip(frame.iterrows(), cells, strict=True):
            level = findings.shown_level(f["materiality"])
            names = findings.factor_names(f["qualitative"])
            assert cell["data-filter"] == level and not level.startswith("not in NOK")
            note = cell.find(class_="factor-note")
            assert (note is not None) == bool(names), f["finding_id"]
            if names:  # which way the factors moved it, from the level its size alone gives
                by_size = register.set_index("finding_id").loc[f["finding_id"], "materiality_by_size"]
                order = findings.LETTER_LEVELS
                verb = ("raised" if order.index(f["materiality"]) < order.index(by_size) else "lowered"
                        ) if by_size != f["materiality"] else "weighed"  # fmt: skip
                shown = ", ".join(findings.factor_name(n) for n in names)  # by name, not slug
                assert note.get_text() == f"{findings.MOVES[verb]}\u00a0{shown}", f["finding_id"]
                assert "-" not in shown
                assert all(n["title"].startswith(f"{verb} by ") for n in note.find_all(class_="factor-name"))
        assert any(findings.factor_names(q) for q in frame["qualitative"])


def test_a_finding_id_stays_on_one_line(audit):
    """The register's row is named by the finding's short name, as Fig. A.1 names it, with its id under it
    on one line, a link to the row, so a closed row can be cited (the designer's read, s9r3); the permalink is
    in the opened row too, unbroken (in a column of its own it broke over five lines). The letter names each
    correction's finding under its words by the same short name, a link to its register row (three names
    per finding showed, designer r4b)."""
    register, letter, _ = audit
    soup = BeautifulSoup(findings.register_html(register), "html.parser")
    closed = [a.get_text() for a in soup.select("td.row-summary a.finding-ref.finding-id")]
    assert closed == list(register["finding_id"])
    ids = [a.get_text() for a in soup.find_all("a", class_="finding-ref") if "finding-id" not in a["class"]]
    assert ids == [f"audit.html#finding-{i}" for i in register["finding_id"]]
    assert [s.get_text() for s in soup.select("td.row-summary summary")] == list(register["label"])
    labels = dict(zip(register["finding_id"], register["label"], strict=True))
    letter_soup = BeautifulSoup(findings.letter_html(letter, register), "html.parser")
    refs = [a for a in letter_soup.select("td.row-summary a.finding-ref")]
    assert [a["href"] for a in refs] == [f"#finding-{i}" for i in letter["finding_id"]]
    assert [a.get_text() for a in refs] == [labels[i] for i in letter["finding_id"]]
    assert not letter_soup.select("summary a")
    # A link inside a row's summary is a control inside a control (axe-core: nested-interactive).
    assert not soup.select("summary a"), "a finding's permalink sits inside its row's summary"
    css = (REPO / "_static" / "aarsevaluering.css").read_text(encoding="utf-8")
    rule = re.search(r"\.expandable-table \.finding-ref \{([^}]*)\}", css)
    assert rule and "white-space: nowrap" in rule.group(1)
    # In the chapters' finding boxes too (the designer's read: "pensjon-regulation-/premium-prose").
    boxes = (REPO / "_static" / "findings.css").read_text(encoding="utf-8")
    rule = re.search(r"\.finding \.finding-id \{([^}]*)\}", boxes)
    assert rule and "white-space: nowrap" in rule.group(1)


@pytest.fixture(scope="module")
def every_check():
    """The audit page's list of every check as the page shows it, parsed once for the tests that read it
    (3 s a parse), and the checks in its order: chapter by chapter in the book's order."""
    frame = audit_checks()
    soup = BeautifulSoup(every_check_html(frame), "html.parser")
    order = frame["chapter"].map(list(CHAPTERS).index)
    return frame.assign(_n=order).sort_values("_n", kind="stable"), soup


def test_every_check_shows_one_precision_per_unit(every_check):
    """The list of every check: each row's unit under its words (the designer's read: "+595" in NOK thousand
    and "+59.4" in NOK million shared a column unmarked; a unit column of its own left the words a fifth of
    the width), the recomputed figure and the difference at the unit's one precision (never "415.6462"
    beside "892.0") unless that would show a difference of exactly half a printed unit (then finer,
    :func:`shown_places`), the class under the difference, and no discrepancy reads as a zero difference."""
    # Chapter by chapter in the book's order (the designer's read: the page promised the chapters' order
    # and showed them alphabetically), each chapter's checks as it makes them.
    frame, soup = every_check
    assert [th.get_text() for th in soup.thead.find_all("th")] == [
        "Check (unit)", "As printed", "Recomputed", "Difference (class)"]  # fmt: skip
    groups = soup.find_all("tbody", class_="row-group")
    assert len(groups) == len(frame)
    for (_, r), group in zip(frame.iterrows(), groups, strict=True):
        cells = group.find("tr").find_all("td")
        facets = json.loads(group["data-facets"])
        assert cells[0].find(class_="check-note").get_text() == check_unit(r["unit"]) == facets["Unit"] != ""
        assert cells[3].find(class_="check-class").get_text() == r["status"] == facets["Class"]
        assert facets["Chapter"] == CHAPTERS[r["chapter"]]
        if r["unit"] == checks.CLAIM_UNIT:
            continue
        figures = [cells[2].get_text(), cells[3].contents[0]]
        places = shown_places(r)[0]
        unit_places = page_places(r["unit"], int(r["decimals"]))
        half = fmt(0.5 * 10.0 ** -int(r["decimals"]), unit_places)
        assert places == unit_places or fmt(abs(r["difference"]), unit_places) == half, r["check_id"]
        for text in figures:
            decimals = len(text.split(".")[1]) if "." in text else 0
            assert decimals == places, (r["check_id"], text)
        sort = cells[3]["data-sort"]  # the figure a sort reads; none where there is no difference
        assert float(sort) == pytest.approx(r["difference"], abs=1e-6) if sort else r["difference"] != r["difference"]
        if r["status"] == "discrepancy":
            assert figures[1].strip("+\u2212").strip("0.") != "", (r["check_id"], figures[1])


def test_the_register_gives_every_size_in_its_unit_and_the_letter_its_owner(audit):
    """The register: a finding not in NOK shows its size in its own unit, not a dash, and sorts after the
    amounts; only a claim in words has none. Every row names its unit in words, "NOK million" too (a blank
    read as missing), and "percentage points", as the text says, not "pp" (designer r4b); each unit at one
    precision (:func:`findings.unit_places`); an amount below NOK 0.05 million "< 0.1" in NOK million, its exact
    size in NOK thousand in a note under its unit (one money unit per column, s11). The letter is a list to act
    on, ranked by level and size: what to correct, the owner (the section's authors) under it, the verdict's bar
    and the materiality level; its size only in the row's details and in the register (s11: the two tables read
    as near-duplicates; this replaces s9r3's size column, whose "then by size" the caption now sends to the
    register). Both at full height."""
    register, letter, _ = audit
    css = (REPO / "_static" / "aarsevaluering.css").read_text(encoding="utf-8")
    assert f".interactive-box:has(> table.{findings.FULL_HEIGHT})" in css
    soup = BeautifulSoup(findings.register_html(register), "html.parser")
    assert findings.FULL_HEIGHT in soup.table["class"]
    assert soup.caption.get_text().endswith(f"; {findings.FACTOR_NOTE}")
    headers = [th.get_text() for th in soup.thead.find_all("th")]
    assert headers[:2] == ["Finding", "Verdict"]
    # One size column, its unit in the header (s12), and that other units are marked (designer s12: pp and
    # persons under a bare "NOK million"); a size in another unit says it in its cell ("1.00 pp").
    column = headers.index(f"{findings.SIZE_HEADER} ({findings.MONEY_UNIT}, or as marked)")
    assert findings.UNIT_HEADER not in headers
    places = findings.unit_places(register)
    assert places[findings.MONEY_UNIT] == 1 and places["percentage points"] == 2 and places["persons"] == 0
    assert "pp: percentage points" in soup.caption.get_text()
    rows = [g.find("tr").find_all("td") for g in soup.find_all("tbody", class_="row-group")]
    for (_, f), cells in zip(register.iterrows(), rows, strict=True):
        cell = cells[column]
        note = cell.find(class_="size-note")
        note = note.extract().get_text() if note else ""
        suffix = cell.find(class_="size-unit")
        suffix = suffix.extract().get_text() if suffix else ""
        text = cell.get_text().replace("\u00a0", " ")
        if f["size_nok_million"] == f["size_nok_million"]:  # an amount, as its box gives it, sortable
            assert (text, findings.MONEY_UNIT) == findings.money_parts(f["size_nok_million"]) and cell[
                "data-sort"
            ] != ""
            assert suffix == ""
            assert f"{text} NOK million".replace("NOK ", "") in f["size_text"].replace("\u00a0", " ").replace(
                "NOK ", ""
            )
            small = f["size_nok_million"] < 0.05
            assert (text == findings.BELOW_TENTH) == small == bool(note), f["finding_id"]
            assert not note or note.replace("\u00a0", " ").strip("()") in f["size_text"].replace("\u00a0", " ")
        elif f["size_unit_shown"] == "percentage points":  # "pp" in its cell, two decimals
            assert suffix == "pp" and findings.decimals_of(text) == places["percentage points"]
            assert float(text) == pytest.approx(float(f["size_figure"]))
        elif f["size_text"]:  # another unit, written out in the unit's slot, its figure in line (designer s12b)
            assert (text, note, suffix) == (f["size_figure"], f["size_unit_shown"], "")
        else:  # no size: a dash (a claim in words) or "=" (the figures agree), keyed in the caption
            assert text in ("\u2013", "="), f["finding_id"]
    soup = BeautifulSoup(findings.letter_html(letter, register), "html.parser")
    assert findings.FULL_HEIGHT in soup.table["class"]
    headers = [th.get_text() for th in soup.thead.find_all("th")]
    # The size the rank goes by, as the register gives it (designer s12b: ranked by a size it did not show).
    assert headers == ["Rank", "What to correct · owner (section)", headers[2], "Materiality"]
    assert headers[2].startswith(findings.SIZE_HEADER)
    rows = [g.find("tr").find_all("td") for g in soup.find_all("tbody", class_="row-group")]
    owners = [cells[1].find(class_="owner-section").get_text() for cells in rows]
    assert owners == [f"\u00b7 {findings.owner_section(o)}" for o in letter["owner"]]
    by_id = register.set_index("finding_id")
    for (_, r), cells in zip(letter.iterrows(), rows, strict=True):  # the verdict's bar, as the register's row
        assert f"verdict-{by_id.loc[r['finding_id'], 'verdict']}" in cells[1]["class"]
    assert all(o.startswith("«") for o in map(findings.owner_section, letter["owner"]))


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


def test_the_factor_table_links_each_finding_it_moves(audit):
    """Table A.1 (the designer's read: id lists broke at hyphens and were no links; a cell ran to eight lines
    with the report's line numbers): each moved finding a link to its register row, one per line, and the
    factors' texts without line numbers (the register's rows keep them)."""
    register, _, _ = audit
    soup = BeautifulSoup(factor_table_html(register), "html.parser")
    table = factor_table(register)
    rows = soup.tbody.find_all("tr")
    assert [r.th.get_text() for r in rows] == [findings.factor_name(n) for n in findings.FACTORS]
    assert not any("-" in r.th.get_text() for r in rows)  # names, not the finding files' slugs
    labels = dict(zip(register["finding_id"], register["label"], strict=True))
    for a in soup.find_all("a", class_="finding-ref"):  # each finding by its short name, the id its target
        assert a.get_text() == labels[a["href"].removeprefix("#finding-")]
    for row, moves in zip(rows, table["moves"], strict=True):
        linked = [a["href"].removeprefix("#finding-") for a in row.find_all("a", class_="finding-ref")]
        named = [i for i in re.split(r"[,;]? |[()]", moves) if i in set(register["finding_id"])]
        assert sorted(linked) == sorted(named) and len(linked) == len(set(linked))
        assert not re.search(r"lines? \d", row.get_text())
    assert any(r.find("a") for r in rows)


def test_the_aggregation_names_the_findings_it_sums(audit):
    """Table A.3 names the findings behind each group, each a link to its register row, and the summed
    group's total is theirs. Each finding's size stands beside its name as its box writes it, and a group
    left out gives its amount too, marked "not summed" (the designer's read, s10r3: a dash hid the two
    amounts over materiality)."""
    register, _, _ = audit
    schedule = findings.aggregation(register, findings.materiality())
    sizes = register.set_index("finding_id")["size_nok_million"]
    soup = BeautifulSoup(aggregation_html(schedule, sizes=sizes.to_dict()), "html.parser")
    for n, ((_, group), row) in enumerate(zip(schedule.iterrows(), soup.tbody.find_all("tr"), strict=True)):
        ids = str(group["finding_ids"]).split()
        assert len(ids) == group["findings"]
        assert [a["href"] for a in row.th.find_all("a")] == [f"#finding-{i}" for i in ids]
        shown = [s.get_text() for s in row.th.find_all("span", class_="finding-size")]
        # A bare figure (the caption gives NOK million), the dot held to the name (s11: orphaned dots).
        assert shown == [f"\u00a0\u00b7 {findings.million_text(sizes[i])}" for i in ids]
        total = row.find_all("td")[-1]
        assert total.get_text().startswith(findings.million_text(sizes[ids].sum()))
        assert (total.find(class_="not-summed") is None) == (n == 0)
    summed = schedule.iloc[0]
    assert sizes[summed["finding_ids"].split()].sum() == pytest.approx(summed["total_nok_million"])


def test_the_sizes_line_up_at_the_decimal_point(audit):
    """Sizes at one precision per unit (1.00 beside 0.84 percentage points: the designer's read, s10r3, over
    the reader's s9 "1.0, not 1.00"; the difference of two one-decimal shares is exactly 1.00)
    line up at the point with the amounts: each size's point and decimals stand in a box as wide as the
    column's most decimals (``frac-<n>``, sized in _static/audit.css), so the whole parts end in one line."""
    register, _, _ = audit
    css = (REPO / "_static" / "audit.css").read_text(encoding="utf-8")
    soup = BeautifulSoup(findings.register_html(register), "html.parser")
    column = [th.get_text() for th in soup.thead.find_all("th")].index(findings.size_header(register))
    cells = [g.find("tr").find_all("td")[column] for g in soup.find_all("tbody", class_="row-group")]
    places = findings.unit_places(register)
    parts = [findings.size_parts(f)[:2] for _, f in register.iterrows()]
    figures = [findings.unit_figure(figure, places[unit]) for figure, unit in parts]
    most = max(places.values())
    assert most == 2 and "1.00" in figures and "0.84" in figures and "1.0" not in figures
    for cell, figure, (_, unit) in zip(cells, figures, parts, strict=True):
        if unit not in (findings.MONEY_UNIT, "percentage points", *findings.NO_SIZE_KEYS):
            continue  # a head count, whole, written out with its unit
        for extra in cell.find_all(class_=("size-unit", "size-note")):
            extra.extract()
        box = cell.find("span", class_="frac")
        assert box is not None and f"frac-{most}" in box["class"], figure
        assert box.get_text() == ("." + figure.partition(".")[2] if "." in figure else "")
        assert cell.get_text() == figure
    rule = re.search(rf"\.frac-{most} \{{([^}}]*)\}}", css)
    assert rule and re.search(rf"min-width: {most}\.\d+ch", rule.group(1))
    assert re.search(r"\.frac \{[^}]*display: inline-block", css)


def test_the_materiality_cell_is_a_level_and_a_note_a_line_each():
    """The Materiality cell wrapped to three or four lines, so the letter's and the register's rows ran to
    four to six (the designer's read): the column is as wide as the longest level but one ("material by
    nature"), and the factor note under it is a mark and a name ("\u2193 no-total") on one line, the caption
    saying what the marks mean."""
    css = (REPO / "_static" / "audit.css").read_text(encoding="utf-8")
    rule = re.search(r"\.expandable-table td\.materiality-cell \{([^}]*)\}", css)
    width = re.search(r"width: ([\d.]+)em", rule.group(1)) if rule else None
    levels = sorted(len(findings.shown_level(level)) for level in findings.LEVELS)
    assert width and levels[-2] * 0.55 <= float(width.group(1)) < levels[-1] * 0.55  # about 0.5 em a letter
    rule = re.search(r"\.expandable-table td\.materiality-cell \.factor-note \{([^}]*)\}", css)
    assert rule and "white-space: nowrap" in rule.group(1)
    notes = [f"{mark}\u00a0{name}" for mark in findings.MOVES.values() for name in findings.FACTORS]
    assert max(len(note) for note in notes) <= levels[-2]
    assert findings.FACTOR_NOTE.startswith("\u2191 or \u2193: ")
    cell = BeautifulSoup(findings._materiality_cell(findings.BELOW_MATERIALITY, findings.FACTORS["no-total"],
                                                    findings.MATERIAL), "html.parser").td  # fmt: skip
    assert "materiality-cell" in cell["class"] and len(cell.find_all("br")) == 1


def _check(printed, recomputed, decimals=1, unit="percent", kind=checks.SHARE):
    difference = round(printed - recomputed, 4)
    return pd.Series({"unit": unit, "decimals": decimals, "input_decimals": "", "kind": kind,
                      "printed": printed, "recomputed": recomputed, "difference": difference})  # fmt: skip


@pytest.mark.parametrize(
    ("printed", "recomputed", "places", "half_way", "unit"),
    [
        (0.0, 0.0474, 3, False, "percent"),  # at two decimals "0.05": half-way to the eye; it rounds to 0.0
        (-2.1, -2.0503, 4, False, "percent"),  # "0.050" at three decimals still: a fourth settles it
        (15.0, 14.9491, 3, False, "percent"),  # "+0.05 rounding" read as if it broke the class the other way
        (6.3, 6.25, 2, True, "percent"),  # half-way indeed: it rounds to either
        (6.6, 6.65, 2, True, "NOK million"),  # at one decimal "6.7 | −0.1 exact": two write the half
        (7.9, 7.83, 2, False, "percent"),  # a difference of 0.07: nothing to settle
    ],
)
def test_a_difference_shown_as_half_a_unit_gets_the_digits_that_settle_its_side(printed, recomputed, places,
                                                                                half_way, unit):  # fmt: skip
    """A row read "0.0 | 0.05 | −0.05 exact" (the designer's read): the recomputed 0.047 at the page's two
    decimals looks half-way between two printed values, which the class seemed to break. The row gets the
    digits that show on which side of half a unit it lies, and one that is half-way says so."""
    kind = checks.SUM if unit == "NOK million" else checks.SHARE
    assert shown_places(_check(printed, recomputed, unit=unit, kind=kind)) == (places, half_way)


def test_every_check_reads_true_against_its_class(every_check):
    """As shown, no row contradicts its class: an exact check's difference is at most half the printed
    figure's last unit, and exactly half only where marked half-way (it rounds to either printed value);
    a check in rounding, truncated or discrepancy is more than half a unit off. The page's text counts the
    rows shown finer and the half-way ones."""
    frame, soup = every_check
    precision = shown_precision(frame)
    assert precision["finer"].sum() > 0 and precision["half_way"].sum() > 0
    for (index, r), group in zip(frame.iterrows(), soup.find_all("tbody", class_="row-group"), strict=True):
        if r["unit"] == checks.CLAIM_UNIT or r["difference"] != r["difference"]:
            continue
        cell = group.find("tr").find_all("td")[3]
        shown = abs(float(cell.contents[0].replace("−", "-").replace(" ", "").replace(" ", "")))
        half = 0.5 * 10.0 ** -int(r["decimals"])
        note = cell.find(class_="half-way")
        assert (note is not None) == bool(precision.loc[index, "half_way"]), r["check_id"]
        if note is not None:
            assert note.get_text() == f"({HALF_WAY})" and r["status"] == checks.EXACT
        if r["status"] == checks.EXACT:
            assert shown < half - 1e-12 or (shown == pytest.approx(half) and note is not None), r["check_id"]
        elif r["status"] != checks.ESTIMATE:
            assert shown > half + 1e-12, (r["check_id"], shown)


def test_the_materiality_chart_names_its_rows_in_words_and_keeps_its_names_clear(audit):
    """Fig. A.1 (the designer's read: rows named by id slugs, the plot 40 % of the figure's width, the
    thresholds' names inside the bottom rows): each row is its finding's label, the plot takes well over
    half the figure's width, the sum's name stands above the top row and each threshold's name along its own
    line (s11r4), covering no dot, no row name and each other."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection, PathCollection

    from aarsevaluering import style
    from aarsevaluering.audit import materiality_chart

    style.use_book_style()
    register = audit[0]
    thresholds = findings.materiality()
    fig = materiality_chart(register, thresholds, findings.aggregation(register, thresholds))
    try:
        ax = fig.axes[0]
        renderer = fig.canvas.get_renderer()
        # Misstatements only (the designer's read, s9r3: a scope gap beside the line read as a near-material error).
        money = register[register["size_nok_million"].notna() & register["verdict"].isin(findings.CONTRADICTED)]
        money = money.sort_values("size_nok_million")
        # The chart sets apostrophes typographically (style.finish), as the prose has them.
        assert [t.get_text().replace("\u2019", "'") for t in ax.get_yticklabels()] == list(money["label"])
        share = ax.get_window_extent(renderer).width / fig.dpi / fig.get_tightbbox(renderer).width
        assert share > 0.6, f"the plot takes {share:.0%} of the figure's width"
        top_row = ax.transData.transform((1, max(ax.get_yticks())))[1]
        dots = [
            ax.transData.transform(xy)
            for c in ax.collections
            if isinstance(c, PathCollection)
            for xy in c.get_offsets()
        ]
        # The largest misstatement that counts says its share of the sum under its row's name (the logarithmic
        # axis hid that it is nearly all of it, designer r4b; beside its mark the dotted line ran through it,
        # s10r3); it covers no mark.
        share = next(t for t in ax.texts if t.get_gid() == SHARE_GID)
        summed = findings.aggregation(register, thresholds).iloc[0]
        largest = money[money["finding_id"].isin(str(summed["finding_ids"]).split())].iloc[-1]
        pct = fmt(100 * largest["size_nok_million"] / summed["total_nok_million"], 0, "%")
        row = list(money["finding_id"]).index(largest["finding_id"])
        assert share.get_text() == f"{pct} of the sum of the {summed['findings']}"
        assert share.xy[1] == pytest.approx(ax.get_yticks()[row] - WHY_GAP)
        share_box = share.get_window_extent(renderer)
        # A mark left out of the sum but beyond overall materiality says why under its row's name (the
        # designer's read, s10), covering no mark and no row name, and left of the plot, where no line runs
        # (s10r3: the threshold lines ran through it beside the mark).
        why = [t for t in ax.texts if t.get_gid() == LEFT_OUT_GID]
        in_sum = str(findings.aggregation(register, thresholds).iloc[0]["finding_ids"]).split()
        over = money[~money["finding_id"].isin(in_sum) & (money["size_nok_million"] >= thresholds["overall"])]
        assert len(why) == len(over) and all(t.get_text().startswith("below materiality: ") for t in why)
        row_boxes = [r.get_window_extent(renderer) for r in ax.get_yticklabels()]
        plot_left = ax.get_window_extent(renderer).x0
        for t in [*why, share]:
            box = t.get_window_extent(renderer)
            assert box.x1 <= plot_left, t.get_text()
            assert not any(box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1 for x, y in dots), t.get_text()
            assert not any(box.overlaps(r) for r in row_boxes), t.get_text()
        names = [t for t in ax.texts if t.get_text() and t is not share and t.get_gid() != LEFT_OUT_GID]
        assert {t.get_text().rsplit(" ", 1)[0] for t in names} >= {"clearly trivial", "overall materiality"}
        boxes = [t.get_window_extent(renderer) for t in names]
        row_names = [t.get_window_extent(renderer) for t in ax.get_yticklabels()]
        assert not any(share_box.x0 <= x <= share_box.x1 and share_box.y0 <= y <= share_box.y1 for x, y in dots)
        for box in boxes:
            assert not any(box.x0 - 4 <= x <= box.x1 + 4 and box.y0 - 4 <= y <= box.y1 + 4 for x, y in dots)
            assert not any(box.overlaps(other) for other in [*boxes, *row_names] if other is not box)
        # The sum's name above the top row; each threshold named along its own line, just right of it, from the
        # foot of the plot up (the designer's read, s11r4: names stacked above the rows did not say whose line).
        sums = [b for t, b in zip(names, boxes, strict=True) if t.get_text().startswith("sum of the")]
        assert len(sums) == 1 and sums[0].y0 > top_row + 4
        for value, name in ((thresholds["trivial"], "clearly trivial"), (thresholds["overall"], "overall materiality")):
            line = next(
                c for c in ax.collections if isinstance(c, LineCollection) and c.get_segments()[0][0][0] == value
            )
            label = next(b for t, b in zip(names, boxes, strict=True) if t.get_text().startswith(name))
            x = ax.transData.transform(line.get_segments()[0][0])[0]
            assert label.height > label.width and 0 <= label.x0 - x <= 8, name  # upright, beside its line
            assert label.y1 <= top_row + 4, name
    finally:
        plt.close(fig)


def test_the_letter_and_the_register_are_set_as_tables_not_prose():
    """Their rows are read one by one: a table's leading, not the prose's, and the finding's id under its
    words in a line of its own small size (rows of four to six lines, the designer's read)."""
    css = (REPO / "_static" / "audit.css").read_text(encoding="utf-8")
    for table in ("letter-table", "register-table"):
        cells = re.search(rf"\.bd-content table\.{table} td,?[^{{]*\{{([^}}]*)\}}", css)
        assert cells and re.search(r"line-height: 1\.[0-4]\b", cells.group(1)), table
        ref = re.search(rf"\.bd-content table\.{table} \.finding-ref,?[^{{]*\{{([^}}]*)\}}", css)
        assert ref and "display: block" in ref.group(1), table


def test_every_check_names_its_report_table_in_its_row():
    """Table A.9 (the designer's read, r4: rows read only "Totalsum = sum of its rows (Regnskap)"): each row
    names the report's table by the book's id, with the printed caption where it is short, and its open row
    the caption in full; figures in sentences are "the text"."""
    from aarsevaluering.audit import SHORT_CAPTION, report_table, report_tables

    assert report_table("drift_central_income") == "D02 «Sentrale inntekter»"
    assert report_table("drift_programme_area_economy") == "D10–D25 «Status økonomi»"
    assert report_table("drift_prose_figures") == "the text"
    long_title = report_tables()["bal_loan_debt_by_use"][1]
    assert len(long_title) > SHORT_CAPTION and report_table("bal_loan_debt_by_use") == "B01"
    assert report_table("bal_loan_debt_by_use", long=True) == f"B01 «{long_title}»"
    assert report_table("bal_prose_figures, bal_fund_reserves").startswith("the text; B02")


def test_every_check_row_gives_its_report_lines_without_opening(every_check):
    """Table A.9 (the designer's read, r4b: a reader had to open rows one by one to trace a figure): each
    row's note under the check's words ends with the report's lines, as in the chapters' check tables."""
    frame, soup = every_check
    groups = soup.find_all("tbody", class_="row-group")
    assert len(groups) == len(frame)
    for (_, r), group in zip(frame.iterrows(), groups, strict=True):
        lines = group.find("tr").find("td").find("span", class_="check-lines")
        assert lines is not None and lines.get_text() == f" · {lines_text(r['source_lines'])}", r["check_id"]
        assert lines.get_text().startswith(" · line " if str(r["source_lines"]).isdigit() else " · lines ")


def test_the_materiality_chart_title_is_true_for_every_dot():
    """Fig. A.1's title (the designer's read, r4: two hollow dots beyond the line under a title saying
    "below overall materiality"): the sum of those that count, and how many left out of it exceed the line."""
    from aarsevaluering.audit import materiality_title

    total = pd.Series({"findings": 4, "total_nok_million": 60.0, "exceeds": False})
    left_out = pd.DataFrame({"size_nok_million": [300.0, 98.1, 48.0]})
    title = materiality_title(total, left_out, 91.2)
    assert title.startswith("The 4 misstatements that count sum to NOK\u00a060.0\u00a0million, below overall")
    assert title.endswith("the two crosses beyond it are left out of the sum")
    assert "left out" not in materiality_title(total, left_out.iloc[2:], 91.2)


def test_a_chapters_findings_table_has_one_layout():
    """Every chapter's list of its findings (the designer's read, s9r3: ids split at hyphens, line ranges at
    their dash, the unit in every Size cell or in the finding's name, blank sizes): the name with its id
    under it on one line, the verdict, the size (points in line) in a column headed in NOK million (s12: the
    unit once; "pp" in the cell of a size in percentage points), and the report's lines, no range broken."""
    from aarsevaluering import checks

    all_checks = checks.run("investeringsregnskap")
    rows = findings.chapter_rows(all_checks, "investeringsregnskap", estimates=True)
    soup = BeautifulSoup(findings.chapter_table_html(rows, "inv-findings", "Caption"), "html.parser")
    headers = [findings.size_header(rows) if h == findings.SIZE_HEADER else h for h in findings.CHAPTER_TABLE_HEADERS]
    assert [th.get_text() for th in soup.thead.find_all("th")] == headers
    body = soup.tbody.find_all("tr")
    key = findings.size_key(rows)
    assert len(body) == len(rows) and soup.caption.get_text() == ("Caption; " + key if key else "Caption")
    for (_, f), tr in zip(rows.iterrows(), body, strict=True):
        name, verdict, size, lines = tr.find_all("td")
        assert name.find("a", class_="finding-id").get_text() == f["finding_id"]
        assert verdict.get_text() == ("estimate" if f["verdict"] == findings.BOOK_ESTIMATE else f["verdict"])
        figure, shown_unit, _ = findings.size_parts(f)
        # The verdict's bar on the row's left edge, as the register's rows carry it (s11).
        assert f"verdict-{f['verdict']}" in name["class"]
        # One money unit per column, in the header (s12): below NOK 0.05 million "< 0.1", its exact size in NOK
        # thousand in a note under it; "pp" in the cell of a size in percentage points; no size a dash.
        note = size.find(class_="size-note")
        note = note.extract().get_text() if note else ""
        suffix = size.find(class_="size-unit")
        suffix = suffix.extract().get_text() if suffix else ""
        assert bool(note) == (size.get_text().strip() == "< 0.1")
        assert not any(u in size.get_text() for u in ("NOK", "percentage", "million"))
        if f["size_text"]:
            assert suffix == findings.UNIT_SHORT.get(shown_unit, ""), f["finding_id"]
            shown = f"{size.get_text()} {shown_unit}".replace("\u00a0", " ").replace("NOK ", "")
            assert shown in f["size_text"].replace("\u00a0", " ").replace("NOK ", ""), f["finding_id"]
        else:
            # no size: a dash for a claim in words, "=" where the figures agree, each keyed apart (s12c)
            mark = {findings.NO_SIZE_CLAIM: "\u2013", findings.NO_SIZE_AGREE: "="}[shown_unit]
            assert size.get_text() == mark, f["finding_id"]
        assert [s.get_text() for s in lines.find_all("span", class_="line-range")] == [
            p.strip() for p in findings.merge_lines(f["source_lines"]).split(";") if p.strip()
        ]
    css = (REPO / "_static" / "findings.css").read_text(encoding="utf-8")
    for selector in (r"table\.chapter-findings \.finding-id", r"table\.chapter-findings \.line-range"):
        rule = re.search(selector + r"[^{]*\{([^}]*)\}", css)
        assert rule and "white-space: nowrap" in rule.group(1), selector
