"""A real table saved or edited the wrong way gives the same data or an error naming file, line and
column: never a silently wrong table. Likewise a missing or unreadable source text. A row moved to
another line, or a value changed, is reported against the index of the text's figures (everywhere)
and against the text (where it is at hand)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO

from aarsevaluering import DataError, load
from aarsevaluering import data as data_module
from aarsevaluering.source_index import load_index
from aarsevaluering.transcription import SOURCE_ENV, check_resource, read_source

TABLE = "drift_central_income"
FILE = f"{TABLE}.csv"


@pytest.fixture
def real_data(tmp_path, monkeypatch):
    """A copy of ``data/`` in a temporary folder, used as the book's data folder."""
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    monkeypatch.setenv("AARSEVALUERING_DATA", str(folder))
    data_module._package.cache_clear()
    yield folder
    data_module._package.cache_clear()


def rewrite(folder, transform) -> None:
    path = folder / FILE
    path.write_bytes(transform(path.read_bytes().decode("utf-8")).encode("utf-8"))


@pytest.mark.parametrize(
    "transform",
    [
        lambda text: "\ufeff" + text,
        lambda text: text.replace("\n", "\r\n"),
        lambda text: text + "\n",
        lambda text: text + ",,,,,,,\n",
    ],
    ids=["byte-order-mark", "windows-line-ends", "trailing-empty-line", "trailing-empty-row"],
)
def test_harmless_differences_give_the_same_table(real_data, transform):
    expected = load(TABLE)
    rewrite(real_data, transform)
    pd.testing.assert_frame_equal(load(TABLE), expected)


BAD_FILES = pytest.mark.parametrize(
    ("transform", "expected"),
    [
        (lambda text: text.replace(",", ";"), [FILE, "columns do not match", "expected ['source_line'"]),
        (
            lambda text: text.replace("-4816,-0.1", '-4816,"-0,1"'),
            [FILE, "line 2", "'Skatt på inntekt og formue'", "'deviation_pct'", "'-0,1'", "not a number"],
        ),
        (
            lambda text: text.replace("-3797187", '"-3 797 187"'),
            [FILE, "line 2", "'actual_2022'", "'-3 797 187'", "not an integer"],
        ),
        (
            lambda text: text.replace("\n2186,", "\n\n2186,"),
            [FILE, "line 3", "empty line inside the table"],
        ),
        (
            lambda text: text.replace("-3589700,", "-3589700;"),
            [FILE, "line 2", "7 cells, expected 8", "comma-separated"],
        ),
    ],
    ids=["semicolon-delimiter", "decimal-comma", "spaced-thousands", "empty-line-inside", "one-semicolon"],
)


@BAD_FILES
def test_bad_files_name_file_row_and_column(real_data, transform, expected):
    rewrite(real_data, transform)
    with pytest.raises(DataError) as err:
        load(TABLE)
    for part in expected:
        assert part in str(err.value)


@pytest.fixture(params=["index", "text"])
def source(request, real_data):
    """The copy's index of the text's figures, or the text itself (skipped when it is not at hand)."""
    return load_index() if request.param == "index" else request.getfixturevalue("source_lines")


def test_a_row_moved_out_of_the_tables_lines_is_reported(real_data, source):
    rewrite(real_data, lambda text: text.replace("\n2186,Rammetilskudd", "\n2201,Rammetilskudd"))
    findings = check_resource(data_module.resource(TABLE), source)
    assert [str(f) for f in findings] == [
        f"{TABLE}.csv, line 3 (label 'Rammetilskudd'), report line 2201: "
        "source_line outside the table's range 2169–2200"
    ]


def test_a_row_moved_to_another_line_of_the_table_is_reported(real_data, source):
    rewrite(real_data, lambda text: text.replace("\n2186,Rammetilskudd", "\n2188,Rammetilskudd"))
    findings = check_resource(data_module.resource(TABLE), source)
    assert len(findings) == 1 and "line 3 (label 'Rammetilskudd'), report line 2188: values" in str(findings[0])


def test_a_changed_value_is_reported(real_data, source):
    """Rammetilskudd's 2022 accounts one unit off: not as printed on its line."""
    rewrite(real_data, lambda text: text.replace(",item,-2876222,", ",item,-2876223,"))
    findings = check_resource(data_module.resource(TABLE), source)
    expected = "line 3 (label 'Rammetilskudd'), report line 2186: values '-2 876 223 "
    assert len(findings) == 1 and expected in str(findings[0])


@BAD_FILES
@pytest.mark.parametrize("target", ["book", "test"])
def test_make_stops_on_a_bad_file_with_its_message_last(real_data, tmp_path, transform, expected, target):
    """Before Sphinx starts (or the tests run), make validates every table: the loader's message, one
    line naming file, row, column, value and what was expected, is the last line of the output."""
    rewrite(real_data, transform)
    with pytest.raises(DataError) as err:
        load(TABLE)
    folder = tmp_path / "checkout"
    folder.mkdir()
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):  # the installed environment's stamp
        shutil.copy2(REPO / name, folder / name)
    # "-o lint": make test lints the checkout's code first, and this folder has none. The outer make's
    # variables are dropped (under `make test` a nested make would print "Entering directory").
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES")}
    result = subprocess.run(
        ["make", target, "-o", "lint", f"VENV={Path(sys.executable).parent.parent}", "BOOK_INPUTS="],
        cwd=folder, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert result.returncode != 0
    assert not result.stdout.strip(), "make ran a command before the data were checked"
    last = result.stderr.strip().splitlines()[-1]
    # make's own error line carries the message: "Makefile:<line>: *** <message>.  Stop."
    assert re.fullmatch(r"Makefile:\d+: \*\*\* (.*)\.  Stop\.", last), last
    assert last.split(": *** ", 1)[1][: -len(".  Stop.")] == " ".join(str(err.value).split())
    for part in expected:
        assert part in last


def test_an_unreadable_source_text_is_an_error(tmp_path):
    binary = tmp_path / "report.txt"
    binary.write_bytes(b"\xff\xfe\x00not text")
    with pytest.raises(DataError, match="source text unreadable"):
        read_source(binary)
    with pytest.raises(DataError, match="source text unreadable"):
        read_source(tmp_path)  # a folder, not a file


def test_the_transcription_command_fails_without_its_source(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "aarsevaluering.transcription"],
        capture_output=True,
        text=True,
        env={SOURCE_ENV: str(tmp_path / "missing.txt"), "PATH": ""},
        cwd=REPO,
    )
    assert result.returncode != 0
    assert "source text not found" in result.stderr
