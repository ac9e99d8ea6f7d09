"""What Binder's builder (repo2docker) does, done here: the book works from its requirements alone.

Binder cannot be reached from here, so this test does its steps: a copy of the repository as a clone
has it, a fresh virtual environment from the same Python as runtime.txt names, ``pip install -r
requirements.txt`` from the repository root (its ``-e .`` installs the book's module from the copy),
and every notebook executed in a kernel of that environment with the notebook's own folder as working
directory, a fresh home folder (no user configuration leaks in), and no network: HTTP(S) goes to a
closed port, so a notebook that fetched anything would fail. pip needs the package index, as Binder's
build does; nothing is installed into the book's own .venv.

The environment is kept between runs of a checkout, in ``.cache/`` (ignored by git), under a key of
everything it is built from (requirements.txt, pyproject.toml, runtime.txt and the Python), and so is the
copy, at one path (``.cache/binder-repo``, brought up to date file by file): a warm run installs nothing,
since the packages would be the same and the module is installed editable from that path; a changed
requirement builds a new environment. A clean clone, as CI runs, has no ``.cache/`` and
builds it afresh. ``AARSEVALUERING_BINDER_FRESH=1`` never reuses one.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BASE_PYTHON = Path(getattr(sys, "_base_executable", sys.executable))
# Everything a notebook might use to reach the network is sent to a closed local port.
NO_NETWORK = {
    var: "http://127.0.0.1:9" for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy")
} | {"NO_PROXY": "localhost,127.0.0.1", "no_proxy": "localhost,127.0.0.1", "PIP_NO_INDEX": "1", "HF_HUB_OFFLINE": "1"}

# Run by the fresh environment's Python: execute each notebook as Binder's JupyterLab would.
DRIVER = r"""
import json, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient

repo, out = Path(sys.argv[1]), Path(sys.argv[2])
import aarsevaluering.data
report = {"module": aarsevaluering.data.__file__, "data": str(aarsevaluering.data.data_dir()), "notebooks": {}}
probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import os, sys; print(sys.prefix, os.getcwd())")])
probe.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
NotebookClient(probe, resources={"metadata": {"path": str(repo / "notebooks")}}).execute()
report["kernel"] = probe.cells[0].outputs[0]["text"].split()
for path in sorted((repo / "notebooks").glob("*.ipynb")):
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=600, resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(notebook, out / path.name)
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    report["notebooks"][path.name] = {"cells": len(notebook.cells), "errors": len(errors)}
print(json.dumps(report))
"""


def clone(dest: Path) -> Path:
    """The repository's files as a clone of it would have them (tracked, or new and not ignored), and
    nothing else: ``dest`` may hold an earlier run's copy, whose other files (the audit's CSV files a run
    wrote, a file since deleted) are removed."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout.split("\0")  # fmt: skip
    wanted = {name for name in listed if name and (REPO / name).is_file()}
    for name in sorted(wanted):
        target = dest / name
        if not target.is_file() or target.read_bytes() != (REPO / name).read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target)
    for path in sorted(dest.rglob("*"), reverse=True) if dest.is_dir() else []:
        relative = path.relative_to(dest).as_posix()
        if "__pycache__" in path.parts:  # Python's own cache, checked against each source's time
            continue
        if path.is_file() and relative not in wanted or path.is_symlink():
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return dest


def fresh_env(venv: Path, home: Path, **extra: str) -> dict[str, str]:
    """A minimal environment: the machine's locale, certificates and pip settings, nothing of the user's."""
    keep = {
        k: v
        for k, v in os.environ.items()
        if k in ("LANG", "LC_ALL", "TZ", "TMPDIR") or k.startswith("PIP_") or "CERT" in k or "CA_BUNDLE" in k
    }
    keep.pop("PIP_CACHE_DIR", None)
    return keep | {"HOME": str(home), "PATH": f"{venv / 'bin'}:/usr/local/bin:/usr/bin:/bin"} | extra


def pip_cache_dir() -> str:
    """The book's pip cache, so a warm cache speeds the fresh install (it changes nothing installed)."""
    found = subprocess.run([sys.executable, "-m", "pip", "cache", "dir"], capture_output=True, text=True)
    return found.stdout.strip() or str(Path.home() / ".cache" / "pip")


CACHE = REPO / ".cache"
FRESH_ENV = "AARSEVALUERING_BINDER_FRESH"


def environment_key() -> str:
    """What the environment is built from: a change to any of it builds a new one."""
    digest = hashlib.sha256(f"{BASE_PYTHON.resolve()} {sys.version}".encode())
    for name in ("requirements.txt", "pyproject.toml", "runtime.txt"):
        digest.update((REPO / name).read_bytes())
    return digest.hexdigest()[:16]


def pip_install(python: Path, repo: Path, env: dict, *args: str) -> None:
    # --no-compile: Python writes each module's bytecode when it first imports it; compiling all of
    # them at install time (pip's default) took a third of the install and changes nothing the test sees.
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-input", "--quiet", "--no-compile", *args],
        cwd=repo, env=env, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]


def installed_env(root: Path, repo: Path, home: Path) -> tuple[Path, bool]:
    """The environment, requirements installed and the copy's module installed from ``repo``: kept in
    ``.cache/`` when it was built before from the same files (then True), else built now. The module is
    installed editable from ``repo``: a kept environment whose module points at ``repo`` already (the copy
    is kept at one path, :func:`copy_path`) needs no install (pip's editable build fetched its build
    requirements from the index, about 14 s of every run)."""
    fresh = os.environ.get(FRESH_ENV) == "1"
    venv = root / "venv" if fresh else CACHE / f"binder-venv-{environment_key()}"
    env = fresh_env(venv, home, PIP_CACHE_DIR=pip_cache_dir(), PIP_DISABLE_PIP_VERSION_CHECK="1")
    done, module_from = venv / ".installed", venv / ".module-from"
    if not fresh and done.is_file():  # the packages are requirements.txt's; the module must be this copy's
        if not module_from.is_file() or module_from.read_text(encoding="utf-8") != str(repo):
            pip_install(venv / "bin" / "python", repo, env, "--no-deps", "-e", ".")
            module_from.write_text(str(repo), encoding="utf-8")
        return venv, True
    shutil.rmtree(venv, ignore_errors=True)  # a build that stopped half-way
    subprocess.run([str(BASE_PYTHON), "-m", "venv", str(venv)], check=True, timeout=300)
    pip_install(venv / "bin" / "python", repo, env, "-r", "requirements.txt")
    module_from.write_text(str(repo), encoding="utf-8")
    done.write_text("requirements installed\n", encoding="utf-8")
    return venv, False


def copy_path(root: Path) -> Path:
    """Where the copy of the repository goes: one path kept in ``.cache/`` (brought up to date file by file
    each run, :func:`clone`), so a kept environment's editable install of the module stays valid; in the
    run's own folder when the environment is made afresh."""
    return root / "repo" if os.environ.get(FRESH_ENV) == "1" else CACHE / "binder-repo"


@pytest.fixture(scope="module")
def binder(tmp_path_factory):
    root = tmp_path_factory.mktemp("binder")
    home, out = root / "home", root / "executed"
    for folder in (home, out):
        folder.mkdir()
    CACHE.mkdir(exist_ok=True)
    with open(CACHE / "binder.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one test run at a time uses the kept environment and copy
        repo = clone(copy_path(root))
        venv, reused = installed_env(root, repo, home)
        driver = root / "driver.py"
        driver.write_text(DRIVER, encoding="utf-8")
        run = subprocess.run(
            [str(venv / "bin" / "python"), str(driver), str(repo), str(out)],
            cwd=repo, env=fresh_env(venv, home, **NO_NETWORK), capture_output=True, text=True, timeout=1800,
        )  # fmt: skip
    yield {"repo": repo, "venv": venv, "home": home, "out": out, "run": run, "reused": reused}
    if not venv.is_relative_to(CACHE):
        # Half a gigabyte, removed in the background: on this machine's disk that can take a minute or
        # more. The copy, the home folder and the executed notebooks stay to look at after a failure.
        subprocess.run(f"rm -rf {shlex.quote(str(venv))} >/dev/null 2>&1 &", shell=True, check=False)


def report(binder) -> dict:
    run = binder["run"]
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-6000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_runtime_names_the_python_of_this_environment():
    assert (REPO / "runtime.txt").read_text(encoding="utf-8").strip() == "python-3.11"
    assert sys.version_info[:2] == (3, 11)


def test_every_notebook_runs_in_a_fresh_environment(binder):
    executed = report(binder)["notebooks"]
    expected = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
    assert sorted(executed) == expected
    assert all(v["errors"] == 0 for v in executed.values()), executed
    for name in expected:
        assert (binder["out"] / name).is_file()
    # Each ran in its own folder: the audit page writes its table next to itself.
    assert (binder["repo"] / "notebooks" / "_generated" / "audit_checks.csv").is_file()


def test_the_fresh_environment_is_the_one_used(binder):
    """The module and the data come from the copy, the kernel from the new environment, not the book's .venv."""
    found = report(binder)
    repo, venv = binder["repo"].resolve(), binder["venv"]
    assert Path(found["module"]).resolve().is_relative_to(repo), found["module"]
    assert Path(found["data"]).resolve() == repo / "data"
    prefix, cwd = found["kernel"]
    assert Path(prefix) == venv and Path(cwd).resolve() == repo / "notebooks"
    assert not (REPO / ".venv").resolve().is_relative_to(binder["venv"].parent)
