"""The repository's own machinery agrees with itself: workflow, pre-commit, Makefile, Binder, licences."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
WORKFLOW = REPO / ".github" / "workflows" / "ci.yml"
REPOSITORY_URL = "https://github.com/aarsevaluering-2023/aarsevaluering-2023-book"


def pins() -> dict[str, str]:
    """``name==version`` lines of requirements.txt, by lower-case name."""
    found = {}
    for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line.strip())
        if match:
            found[match.group(1).lower()] = match.group(2)
    return found


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    # -shellcheck= : the result must not depend on whether shellcheck happens to be on this machine.
    return subprocess.run(
        [str(BIN / "actionlint"), "-no-color", "-shellcheck=", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def load_workflow(path: Path = WORKFLOW) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as True
    return workflow


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def uses(job: dict, action: str) -> list[dict]:
    return [s for s in steps(job) if s.get("uses", "").split("@")[0] == action]


def makefile_recipe(target: str) -> tuple[str, list[str]]:
    """The prerequisites and the recipe lines of a Makefile target."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{target}:(.*)\n((?:\t.*\n)+)", text, re.MULTILINE)
    assert match, f"no target {target!r} in the Makefile"
    return match.group(1).strip(), [line.strip() for line in match.group(2).splitlines()]


# --- GitHub Actions -------------------------------------------------------------------------------


def test_workflows_pass_actionlint():
    assert WORKFLOWS, "no workflow in .github/workflows"
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("runs-on: ubuntu-latest", "runs_on: ubuntu-latest", "runs_on"),
        ("cache-dependency-path:", "cache-dependencies-path:", "cache-dependencies-path"),
        ("needs: test", "needs: tests", "tests"),
    ],
)
def test_actionlint_rejects_a_broken_workflow(tmp_path, old, new, message):
    """The lint can fail: the same workflow with one wrong key or job name does not pass."""
    text = WORKFLOW.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "ci.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and message in result.stdout, result.stdout + result.stderr


def ci_run_command() -> str:
    lines = [line.strip() for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    commands = [line for line in lines if line and not line.startswith(("#", "set ", "cd ", "export "))]
    return commands[-1]


def test_workflow_runs_what_ci_run_runs_on_python_311():
    command = ci_run_command()
    assert command == "make test", command
    workflow = load_workflow()
    assert {"push", "pull_request"} <= set(workflow["on"])
    job = workflow["jobs"]["test"]
    assert job["runs-on"] == "ubuntu-latest"
    assert str(job["env"]["CI"]) == "true"  # as .ci/run sets it
    assert "AARSEVALUERING_SOURCE" not in WORKFLOW.read_text(encoding="utf-8").split("\njobs:")[1]
    (setup,) = uses(job, "actions/setup-python")
    assert setup["with"] == {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "requirements.txt"}
    runs = [s["run"].strip() for s in steps(job) if "run" in s]
    assert command in runs, runs
    assert runs.index(command) < runs.index("make book")
    assert (REPO / "runtime.txt").read_text(encoding="utf-8").strip() == "python-3.11"


def test_actions_are_pinned_to_major_versions():
    for path in WORKFLOWS:
        for job in load_workflow(path)["jobs"].values():
            for step in steps(job):
                if "uses" in step:
                    assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


def test_workflow_installs_chromium_for_the_browser_test():
    job = load_workflow()["jobs"]["test"]
    (step,) = [s for s in steps(job) if "chromium" in s.get("run", "")]
    assert "apt-get install" in step["run"] and "/usr/bin/chromium --version" in step["run"]
    runs = [s.get("run", "").strip() for s in steps(job)]
    assert runs.index(step["run"].strip()) < runs.index("make test")


def test_artefacts_are_the_files_the_build_writes():
    """The uploaded paths are where the Makefile puts the JUnit report and the audit page its CSV."""
    job = load_workflow()["jobs"]["test"]
    paths = "\n".join(s["with"]["path"] for s in uses(job, "actions/upload-artifact"))
    junit = re.search(r"^JUNIT \?= (\S+)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    # The JUnit report lies in test-artifacts/, with the browser test's screenshots and axe results.
    assert junit and junit.group(1).startswith("test-artifacts/") and "test-artifacts/" in paths.split()
    assert "--junitxml=$(JUNIT)" in " ".join(makefile_recipe("test")[1])
    audit = (REPO / "notebooks" / "audit.py").read_text(encoding="utf-8")
    # relative to notebooks/, where it runs; the file name is written from the export's name
    assert 'Path("_generated") / f"audit_{name}.csv"' in audit and "audit_checks.csv" in audit
    assert "notebooks/_generated/audit_checks.csv" in paths.split()
    assert "_build/html" in paths.split()
    for upload in uses(job, "actions/upload-artifact"):
        assert upload.get("if", "") in ("", "${{ !cancelled() }}")


def test_pages_are_deployed_from_main_only():
    jobs = load_workflow()["jobs"]
    build = jobs["pages-build"]
    assert "github.ref == 'refs/heads/main'" in build["if"] and "push" in build["if"]
    assert build["needs"] == "test"
    assert "make book" in [s.get("run", "").strip() for s in steps(build)]
    (upload,) = uses(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "_build/html"
    deploy = jobs["pages-deploy"]
    assert deploy["needs"] == "pages-build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(deploy, "actions/deploy-pages")
    assert load_workflow()["permissions"] == {"contents": "read"}


# --- pre-commit and make lint ------------------------------------------------------------------------


def precommit_hooks() -> dict[str, tuple[str, str, dict]]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: (repo["repo"], repo["rev"], hook) for repo in config["repos"] for hook in repo["hooks"]}


def test_precommit_hooks_use_the_pinned_versions():
    hooks, pinned = precommit_hooks(), pins()
    repo, rev, jupytext = hooks["jupytext"]
    assert repo == "https://github.com/mwouts/jupytext" and rev == f"v{pinned['jupytext']}"
    assert jupytext["args"] == ["--sync"]
    for hook in ("ruff-check", "ruff-format"):
        repo, rev, _ = hooks[hook]
        assert repo == "https://github.com/astral-sh/ruff-pre-commit" and rev == f"v{pinned['ruff']}"


def test_precommit_and_make_lint_cover_the_same_files():
    hooks = precommit_hooks()
    jupytext_files = re.compile(hooks["jupytext"][2]["files"])
    for path in ("notebooks/pensjon.py", "notebooks/pensjon.ipynb"):
        assert jupytext_files.search(path), path
    assert not jupytext_files.search("aarsevaluering/data.py")
    folders = ["aarsevaluering", "tests", "notebooks", "benchmarks"]
    for hook in ("ruff-check", "ruff-format"):
        pattern = re.compile(hooks[hook][2]["files"])
        assert all(pattern.search(f"{folder}/x.py") for folder in folders), hook
        assert not pattern.search("data/x.py"), hook
    prerequisites, recipe = makefile_recipe("lint")
    commands = [shlex.split(line.replace("$(BIN)/", "")) for line in recipe]
    assert ["ruff", "check", *folders] in commands
    assert ["ruff", "format", "--check", *folders] in commands
    assert any(c[:3] == ["python", "-m", "pytest"] and "tests/test_pairing.py" in c for c in commands)


def test_make_test_runs_lint_first():
    prerequisites, _ = makefile_recipe("test")
    assert "lint" in prerequisites.split()


# --- Binder ------------------------------------------------------------------------------------------


def test_binder_configuration():
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    assert config["repository"]["url"] == REPOSITORY_URL
    assert config["launch_buttons"] == {"notebook_interface": "jupyterlab", "binderhub_url": "https://mybinder.org"}
    assert (REPO / "runtime.txt").read_text(encoding="utf-8").strip() == "python-3.11"
    assert "-e ." in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
    owner_and_name = REPOSITORY_URL.removeprefix("https://github.com/")
    badge = (
        f"[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/{owner_and_name}/main"
        "?urlpath=lab/tree/notebooks)"
    )  # opens JupyterLab on the chapters
    assert (REPO / "postBuild").exists(), "Binder's postBuild signs the notebooks as trusted (README)"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert badge in readme.split("## ")[0], "the Binder badge belongs at the top of the README"


# --- Licences, changelog, citation -------------------------------------------------------------------

PAPERS = ["LICENSE", "data/LICENSE.md", "CHANGELOG.md", "CITATION.cff"]


@pytest.mark.parametrize("name", PAPERS)
def test_licence_changelog_and_citation_exist_and_the_readme_links_them(name):
    assert (REPO / name).is_file()
    assert f"]({name})" in (REPO / "README.md").read_text(encoding="utf-8"), f"README does not link {name}"


def test_licences_say_whose_figures_they_are():
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    data_licence = " ".join((REPO / "data" / "LICENSE.md").read_text(encoding="utf-8").split())
    assert "The figures in this folder are Drammen kommune's" in data_licence
    assert "NLOD 2.0" in data_licence and "Attribution:" in data_licence


def test_citation_agrees_with_the_project():
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    version = re.search(r'^version = "(.+)"$', (REPO / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)
    assert citation["version"] == version.group(1)
    assert citation["license"] == "MIT"
    assert citation["repository-code"] == REPOSITORY_URL
    assert citation["authors"] == [{"name": "The aarsevaluering-2023 book contributors"}]
    (report,) = citation["references"]
    assert (report["type"], report["title"], report["year"]) == ("report", "Årsevaluering 2023", 2024)
    assert report["authors"] == [{"name": "Drammen kommune"}]
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {version.group(1)}" in changelog
