"""Every number of every CSV row is printed, as one run and in that order, on its line of the report.

Needs the report's text: set AARSEVALUERING_SOURCE to its path (``.ci/run`` does).
"""

from __future__ import annotations

import json

import pytest

from aarsevaluering.data import DataError, package, read_descriptor
from aarsevaluering.transcription import (
    check_resource,
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
    ],
)
def test_prose_matching(run, line, found):
    assert run_inside_line(run, line) is found


def test_checker_finds_a_changed_value(tiny_package, tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("Skatt -1 234 0,2 %\nSum -1 234 0,3 %\n", encoding="utf-8")
    res = read_descriptor(tiny_package / "datapackage.json")[0]
    findings = check_resource(res, read_source(source))
    assert [f.row_number for f in findings] == [2]
    assert "Sum" in str(findings[0]) and "line 2" in str(findings[0])


def test_row_outside_the_table_range_is_reported(tiny_package, tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("Skatt -1 234 0,2 %\nSum -1 234 0,2 %\nSum -1 234 0,2 %\nSum -1 234 0,2 %\n", encoding="utf-8")
    csv = tiny_package / "tiny_table.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("2,Sum", "4,Sum"), encoding="utf-8")
    res = read_descriptor(tiny_package / "datapackage.json")[0]
    findings = check_resource(res, read_source(source))
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
