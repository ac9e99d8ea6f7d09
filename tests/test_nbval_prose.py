"""The prose's stored values are compared like outputs (tests/nbval_prose.py): a stale one fails nbval."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO


def test_a_stale_prose_value_fails_nbval_with_both_values(tmp_path):
    notebook = json.loads((REPO / "notebooks" / "pensjon.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in notebook["cells"] if c["metadata"].get("user_expressions"))
    entry = cell["metadata"]["user_expressions"][0]
    fresh = entry["result"]["data"]["text/plain"]
    entry["result"]["data"]["text/plain"] = "NOK 0.0 million (stale)"
    stale = tmp_path / "pensjon.ipynb"
    stale.write_text(json.dumps(notebook), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(stale), "-p", "no:xdist", "-p", "no:cacheprovider", "-q", "-x",
         "-o", f"addopts=--nbval --nbval-sanitize-with {REPO / 'tests' / 'nbval_sanitize.cfg'} -p nbval_prose",
         "-o", f"pythonpath={REPO / 'tests'}", "--rootdir", str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    log = result.stdout + result.stderr
    assert result.returncode != 0, log[-2000:]
    assert f"Markdown cell {cell['id']}" in log and "run `make sync`" in log
    assert "stored output: NOK 0.0 million (stale)" in log and f"new output:    {fresh}" in log
