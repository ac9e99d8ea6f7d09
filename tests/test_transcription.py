"""Every number of every CSV row is printed, as one run and in that order, on its line of the report.

Everywhere against the committed index of the report's figures (``data/source_index.json``); with the
report's text (AARSEVALUERING_SOURCE set to its path, as ``.ci/run`` does) against the text too, and
the index is checked to be exactly what ``python -m aarsevaluering.source_index`` writes from it.
"""

from __future__ import annotations

import json
import random
import re
from decimal import Decimal

import pytest

from aarsevaluering import source_index
from aarsevaluering.data import DataError, package, read_descriptor, validate
from aarsevaluering.source_index import SEPARATOR, build, cited_lines, figures, load_index, render
from aarsevaluering.transcription import (
    check_resource,
    check_row,
    normalise,
    read_source,
    render_number,
    run_inside_line,
    run_stands_on_line,
)


@pytest.mark.parametrize("name", sorted(package()))
def test_rows_stand_in_the_source(name, source_lines):
    findings = check_resource(package()[name], source_lines)
    assert not findings, "\n".join(str(f) for f in findings)


@pytest.mark.parametrize("name", sorted(package()))
def test_rows_stand_in_the_index(name):
    """Without the text: every row's numbers on its line of the index of the text's figures."""
    findings = check_resource(package()[name], load_index())
    assert not findings, "\n".join(str(f) for f in findings)


def test_the_index_is_what_the_command_writes_from_the_text(source_lines):
    committed = source_index.index_path().read_text(encoding="utf-8")
    written = render(build(source_lines, cited_lines(package().values())))
    assert committed == written, "data/source_index.json is stale: run python -m aarsevaluering.source_index"


def test_the_index_holds_every_cited_line_and_figures_only():
    """Every line a table's range covers or a row cites, and not one letter of the report's words."""
    index = load_index()
    assert sorted(index.entries) == cited_lines(package().values()), (
        "data/source_index.json does not hold the lines the tables cite: run python -m aarsevaluering.source_index"
    )
    words = [(n, text) for n, (_, text) in index.entries.items() if re.search(r"[^\W\d_]", text)]
    assert not words, f"lines with words in the index: {words[:5]}"
    assert all(re.fullmatch(r"[0-9a-f]{16}", digest) for digest, _ in index.entries.values())
    # It does hold figures: the total of the first table, as printed.
    assert index.figures(2168) == f"{SEPARATOR} 5 762 434 6 175 655 6 156 479 19 177 0,3 %"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hovedutvalg for helse, sosial og omsorg 2\u00a0513 664 \u221214 362 -0,5 %",
            "… 2 513 664 \u221214 362 -0,5 %",
        ),
        ("Tilskudd  50  -    -   ", "… 50 - -"),
        ("DEKF P05 Korsveien 68 - botilbud (HDO) 5 000 2 139 Iht. plan 2 861", "…05 … 68 - …) 5 000 2 139 … 2 861"),
        ("En 1/3-del av beløpet.", "… 1/3-…."),
        ("Sum driftsinntekter 2) 8,1 *", "… 2) 8,1 *"),
        ("", ""),
        ("Bare ord, her og der", "…"),
    ],
)
def test_figure_text(text, expected):
    assert figures(text) == expected
    assert figures(expected) == expected  # applied twice, nothing changes


def test_render_number():
    assert render_number("-3797187") == "-3 797 187"
    assert render_number("0.0") == "0.0"
    assert render_number("1234.56") == "1 234.56"
    assert render_number("320100") == "320 100"


def test_normalise_source_line():
    line = "Hovedutvalg for helse 2\u00a0513 664 \u221214 362 -0,5 %"
    assert normalise(line) == "Hovedutvalg for helse 2 513 664 -14 362 -0.5"
    assert normalise("Tilskudd  50  -    -   ") == "Tilskudd 50"


@pytest.mark.parametrize(
    ("run", "line", "label", "found"),
    [
        ("1 320 100 5", "Sum 1 320 100 5", "Sum", True),
        ("320 100 5", "Sum 1 320 100 5", "Sum", False),  # a partial number is not a match
        ("15 473", "Korsveien 68 15 473", "Korsveien 68", True),  # label ending in digits
        ("8 15 473", "Korsveien 68 15 473", "Korsveien 68", False),
        ("1 226 0.0", "Oppvekst 2 415 518 1 226 0.0", "Oppvekst", False),  # not after the label
        ("8.1", "Totalsum 8.1 *", "Totalsum", True),  # footnote mark after the run
        ("26 475", "39 742 13 267 Ikke vurdert 26 475", "x", True),  # after a status word
    ],
)
def test_run_matching(run, line, label, found):
    assert run_stands_on_line(run, line, label) is found
    # The same on the index's figure text, the label and a status word read without their words.
    assert run_stands_on_line(figures(run), normalise(figures(line)), figures(label)) is found


@pytest.mark.parametrize(
    ("run", "line", "found"),
    [
        ("38.2", "en mindreinntekt på cirka 38.2 millioner kroner", True),
        ("30", "med 130 dagers varsel", False),
        ("300", "lån på 1 300 millioner", False),
        ("1 300", "lån på 1 300 millioner", True),
        ("4", "vekst på 4.5 prosent", False),
        ("694", "snitt 694 millioner i 2023", True),
        ("9.5", "fondet i 2023 9.5 til 6.6 prosent", True),
        ("-5", "endring 2023 -5 prosent", True),
        ("6 268", "til sammen 6268 fast ansatte", True),
        ("11", "er i P07 og P11 Utbygging", False),
        ("19", "P14-P19 Sentrale enheter", False),
        ("1", "en 1/3-del av beløpet", True),
        ("3", "en 1/3-del av beløpet", True),
        ("38.2", "cirka 38.2mill kroner", False),
    ],
)
def test_prose_matching(run, line, found):
    assert run_inside_line(run, line) is found
    assert run_inside_line(run, normalise(figures(line))) is found


def tiny_index(folder, lines: list[str]):
    """The index of ``lines`` for the tiny package in ``folder``, written there and read back."""
    resources = read_descriptor(folder / "datapackage.json")
    (folder / source_index.INDEX_NAME).write_text(render(build(lines, cited_lines(resources))), encoding="utf-8")
    return load_index(folder / source_index.INDEX_NAME)


@pytest.mark.parametrize("form", ["text", "index"])
def test_checker_finds_a_changed_value(tiny_package, tmp_path, form):
    source = tmp_path / "source.txt"
    source.write_text("Skatt -1 234 0,2 %\nSum -1 234 0,3 %\n", encoding="utf-8")
    res = read_descriptor(tiny_package / "datapackage.json")[0]
    lines = read_source(source)
    findings = check_resource(res, lines if form == "text" else tiny_index(tiny_package, lines))
    assert [f.row_number for f in findings] == [2]
    assert "Sum" in str(findings[0]) and "line 2" in str(findings[0])


def test_a_line_the_index_does_not_hold_is_reported(tiny_package):
    index = tiny_index(tiny_package, ["Skatt -1 234 0,2 %", "Sum -1 234 0,2 %", "", ""])
    del index.entries[2]
    findings = check_resource(read_descriptor(tiny_package / "datapackage.json")[0], index)
    assert [str(f) for f in findings] == [
        "tiny_table.csv, line 3 (label 'Sum'), report line 2: line 2 is not in the source index source_index.json "
        "(python -m aarsevaluering.source_index)"
    ]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda text: text.replace('"separator": "…"', '"separator": "|"'), "separator '|'"),
        (lambda text: text.replace('", "…', '", "Skatt', 1), "holds a word, expected figures only"),
        (lambda text: text.replace("[1, ", "[2, ", 1), "entry 2:"),
        (lambda text: text[:-5], "source index unreadable"),
    ],
    ids=["separator", "a-word", "duplicate-line", "truncated"],
)
def test_a_damaged_index_is_an_error(tiny_package, edit, message):
    tiny_index(tiny_package, ["Skatt -1 234 0,2 %", "Sum -1 234 0,2 %", "", ""])
    path = tiny_package / source_index.INDEX_NAME
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(message)):
        load_index(path)
    with pytest.raises(DataError, match="source index not found"):
        load_index(tiny_package / "nowhere.json")


def test_the_index_judges_every_row_as_the_text_does(source_lines):
    """The index is as strong as the text: each row moved to lines around its own and to lines drawn
    anywhere in its table's range, and each of its values changed by one unit and by ×10, is accepted
    or refused alike by both (about 85 000 comparisons)."""
    index, rnd, differences, compared = load_index(), random.Random(1), [], 0
    for res in package().values():
        first, last = res.spec["source_lines"]
        values = [f["name"] for f in res.fields if f["type"] in ("integer", "number") and f.get("role") == "value"]
        for number, row in enumerate(validate(res), start=1):
            line = int(row["source_line"])
            lines = set(range(max(first, line - 40), min(last, line + 40) + 1))
            lines |= set(rnd.sample(range(first, last + 1), min(60, last - first + 1)))
            variants = []
            for moved in sorted(lines):
                variant = {**row, "source_line": str(moved)}
                if row.get("source_line_last"):
                    variant["source_line_last"] = str(moved + int(row["source_line_last"]) - line)
                variants.append(variant)
            for c in (c for c in values if row[c]):
                unit = Decimal(1).scaleb(Decimal(row[c]).as_tuple().exponent)
                variants += [{**row, c: str(Decimal(row[c]) + unit)}, {**row, c: str(Decimal(row[c]) * 10)}]
            for variant in variants:
                compared += 1
                by_text = check_row(res, number, variant, source_lines)
                by_index = check_row(res, number, variant, index)
                if (by_text is None) != (by_index is None):
                    differences.append((res.name, number, variant["source_line"], by_text, by_index))
    assert compared > 50_000 and not differences, f"{len(differences)} of {compared} differ: {differences[:3]}"


@pytest.mark.parametrize("form", ["text", "index"])
def test_row_outside_the_table_range_is_reported(tiny_package, tmp_path, form):
    source = tmp_path / "source.txt"
    source.write_text("Skatt -1 234 0,2 %\nSum -1 234 0,2 %\nSum -1 234 0,2 %\nSum -1 234 0,2 %\n", encoding="utf-8")
    lines = read_source(source)
    index = tiny_index(tiny_package, lines)
    csv = tiny_package / "tiny_table.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("2,Sum", "4,Sum"), encoding="utf-8")
    res = read_descriptor(tiny_package / "datapackage.json")[0]
    findings = check_resource(res, lines if form == "text" else index)
    assert len(findings) == 1 and "outside the table's range 1–3" in findings[0].message


def test_missing_source_fails_loudly(tmp_path):
    with pytest.raises(DataError, match="source text not found"):
        read_source(tmp_path / "nowhere.txt")


def prose_resource(tmp_path, rows: str):
    """A one-table prose descriptor (figures quoted in sentences) with ``rows`` as its CSV body."""
    descriptor = {
        "resources": [
            {
                "name": "prose",
                "path": "prose.csv",
                "source_lines": [1, 4],
                "schema": {
                    "fields": [
                        {"name": "source_line", "type": "integer", "role": "meta"},
                        {"name": "label", "type": "string", "role": "label"},
                        {"name": "row_kind", "type": "string", "role": "meta"},
                        {"name": "decimals", "type": "integer", "role": "meta"},
                        {"name": "value", "type": "number", "role": "value"},
                    ]
                },
            }
        ]
    }
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    (tmp_path / "prose.csv").write_text("source_line,label,row_kind,decimals,value\n" + rows, encoding="utf-8")
    return read_descriptor(tmp_path / "datapackage.json")[0]


PROSE_SOURCE = ["Budsjettet var -0,2 millioner og det ble brukt -0,2 millioner.", "Det ga 12,4 prosent.", "", "Slutt"]


def test_one_printed_figure_backs_at_most_as_many_rows_as_it_is_printed(tmp_path):
    twice = "1,budget,prose,1,-0.2\n1,spent,prose,1,-0.2\n"
    assert check_resource(prose_resource(tmp_path, twice), PROSE_SOURCE) == []
    three = twice + "1,third,prose,1,-0.2\n"
    findings = check_resource(prose_resource(tmp_path, three), PROSE_SOURCE)
    assert [f.label for f in findings] == ["third"] and "printed 2 time(s)" in findings[0].message


def test_decimals_column_must_agree_with_the_value(tmp_path):
    findings = check_resource(prose_resource(tmp_path, "2,turnover,prose,2,12.4\n"), PROSE_SOURCE)
    assert len(findings) == 1 and "decimals 2 but value '12.4' has 1" in findings[0].message


def test_a_row_may_not_cite_a_blank_line(tmp_path):
    findings = check_resource(prose_resource(tmp_path, "3,nothing,prose,1,12.4\n"), PROSE_SOURCE)
    assert len(findings) == 1 and "line 3 is blank" in findings[0].message
