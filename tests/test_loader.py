"""The loader rejects bad input with an error that names file, row, column, value and expectation."""

from __future__ import annotations

import pytest

from aarsevaluering import DataError, load


def test_tiny_table_loads_typed(tiny_package):
    frame = load("tiny_table")
    assert list(frame["label"]) == ["Skatt", "Sum"]
    assert str(frame["actual_2023"].dtype) == "Int64"
    assert frame.loc[0, "deviation_pct"] == pytest.approx(0.2)


def break_csv(folder, old, new):
    path = folder / "tiny_table.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text, "the fault to inject must be in the file"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("actual_2023", "actual2023", ["tiny_table.csv", "missing ['actual_2023']", "unexpected ['actual2023']"]),
        (",deviation_pct\n", "\n", ["tiny_table.csv", "missing ['deviation_pct']"]),
        (
            "Skatt,item,-1234",
            'Skatt,item,"-1 234"',
            ["line 2", "'Skatt'", "'actual_2023'", "'-1 234'", "not an integer"],
        ),
        ("-1234,0.2\n2", '-1234,"0,2"\n2', ["line 2", "'deviation_pct'", "'0,2'", "not a number"]),
        ("1,Skatt,item", "1,,item", ["line 2", "'label'", "empty", "required"]),
        ("2,Sum,total", "2,Skatt,total", ["line 3", "duplicate row key ('Skatt',)", "first on line 2"]),
        ("1,Skatt,item", "1,Skatt,itme", ["line 2", "'row_kind'", "'itme'", "one of ['item', 'total']"]),
    ],
    ids=["renamed-column", "missing-column", "spaced-number", "decimal-comma", "empty-required", "duplicate", "kind"],
)
def test_bad_input_names_the_fault(tiny_package, old, new, expected):
    break_csv(tiny_package, old, new)
    with pytest.raises(DataError) as err:
        load("tiny_table")
    for part in expected:
        assert part in str(err.value)


def test_missing_file_is_named(tiny_package):
    (tiny_package / "tiny_table.csv").unlink()
    with pytest.raises(DataError, match=r"tiny_table\.csv: file not found"):
        load("tiny_table")


def test_unknown_table_lists_the_known_ones(tiny_package):
    with pytest.raises(DataError, match="no table 'tiny_tabel'.*known: tiny_table"):
        load("tiny_tabel")


def test_semicolon_file_is_rejected(tiny_package):
    path = tiny_package / "tiny_table.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    with pytest.raises(DataError, match="columns do not match"):
        load("tiny_table")


def test_byte_order_mark_and_trailing_blank_line_are_harmless(tiny_package):
    path = tiny_package / "tiny_table.csv"
    path.write_text("\ufeff" + path.read_text(encoding="utf-8").replace("\n", "\r\n") + "\r\n", encoding="utf-8")
    frame = load("tiny_table")
    assert list(frame["actual_2023"]) == [-1234, -1234]
