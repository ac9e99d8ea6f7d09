"""Every table in data/ is described once and matches its description."""

from __future__ import annotations

import pytest

from aarsevaluering.data import data_dir, package, validate

RESOURCES = sorted(package())
REQUIRED_KEYS = ["name", "path", "title", "description", "chapter", "report_section", "source_table",
                 "source_lines", "unit", "sign_convention", "schema"]  # fmt: skip
CHAPTERS = {"driftsregnskap", "investeringsregnskap", "balanse", "pensjon", "personnel"}


def test_every_csv_is_described_and_every_resource_has_a_csv():
    described = {package()[name].spec["path"] for name in RESOURCES}
    on_disk = {p.name for p in data_dir().glob("*.csv")}
    assert described == on_disk


@pytest.mark.parametrize("name", RESOURCES)
def test_descriptor_entry_is_complete(name):
    spec = package()[name].spec
    missing = [k for k in REQUIRED_KEYS if not spec.get(k)]
    assert not missing, f"{name}: descriptor lacks {missing}"
    assert spec["chapter"] in CHAPTERS
    first, last = spec["source_lines"]
    assert 1 <= first <= last
    fields = spec["schema"]["fields"]
    assert [f["name"] for f in fields[:1]] == ["source_line"]
    for f in fields:
        assert f.get("role") in {"meta", "label", "value"}, f"{name}.{f['name']}: role"
        assert f["type"] in {"integer", "number", "string"}, f"{name}.{f['name']}: type"
        assert f.get("title"), f"{name}.{f['name']}: title"
    assert any(f["role"] == "value" for f in fields), f"{name}: no printed value column"


@pytest.mark.parametrize("name", RESOURCES)
def test_table_matches_its_schema(name):
    rows = validate(package()[name])
    assert rows, f"{name}: no rows"
