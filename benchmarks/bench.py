"""Benchmark of the book's build and test costs against the cost of just running its code.

``make bench`` runs this. On a copy of the book's sources (so the checkout is never touched) it
measures, ``--runs`` times each:

floor
    every notebook's ``.py`` run as a plain Python script, one process each, one after another;
cold build
    ``make book`` with no ``_build`` folder (every notebook executed), and the same in one process
    (``AARSEVALUERING_JOBS=1``), as jupyter-book alone builds;
no-change rebuild
    ``make book`` again;
one-CSV rebuild
    after one value of one CSV changed (the pages that read it execute again);
nbval
    pytest with nbval on every notebook, two workers (``-n 2 --dist loadfile``), as ``make test`` runs it;

and the peak resident memory of any single process of each (every process the step starts, sampled
from ``/proc`` every 20 ms). It then profiles where the time goes and writes the
medians, the ratios to the floor and the targets to ``benchmarks/results.md``.

It also measures the loop a developer runs, in the checkout itself, ``--loop-runs`` times each:

make check
    the inner loop (lint, the tables against the data package, the data and identities tests, one
    notebook under nbval), at most 60 s;
make test
    lint and every test, at most 240 s on two cores;

with ``make -i``, so that a failing test (someone's work in progress) does not cut the run short; the
outcome of each run is reported beside its time, and the slowest tests of the last ``make test``.
``--steps build`` or ``--steps loop`` measures one part and keeps the other's last results.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SOURCES = ("_config.yml", "_toc.yml", "_static", "_templates", "book", "notebooks", "data", "aarsevaluering")
SOURCES += ("tests/nbval_sanitize.cfg", "Makefile", "requirements.txt", "pyproject.toml")
CHANGED_TABLE, OLD, NEW = "pers_average_pay_total.csv", ",567153,", ",567891,"
PACKAGES = ["jupyter-book", "sphinx", "myst-nb", "nbclient", "ipykernel", "pandas", "matplotlib", "nbval"]
PACKAGES += ["pytest-xdist"]
TARGETS = {  # step: (ratio to, at most)
    "cold build": ("floor", 1.5),
    "no-change rebuild": ("cold build", 0.1),
    "one-CSV rebuild": ("cold build", 0.5),
    "nbval": ("floor", 1.2),
}
MEMORY_LIMIT_MB = 500
LOOP_TARGETS = {"make check": 60.0, "make test": 240.0}  # seconds, at most, on two cores
SECTIONS = ("build", "loop")


# ---------------------------------------------------------------------------------------------
# Measuring one command: wall time and the largest resident set of any process it starts.


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


@dataclass
class Run:
    seconds: float
    peak_mb: float


def measure(command: list[str], cwd: Path, env: dict) -> Run:
    """Run ``command``; fail loudly if it fails. Wall time and peak RSS of its largest process."""
    peak = [0]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max([peak[0], *(_rss_kb(pid) for pid in _descendants(process.pid))])
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(command)}\n{output[-3000:]}")
    return Run(seconds, peak[0] / 1024)


@dataclass
class Step:
    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)


# ---------------------------------------------------------------------------------------------
# The steps.


def copy_sources(dest: Path) -> Path:
    book = dest / "book-copy"
    for name in SOURCES:
        src, target = REPO / name, book / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            ignore = shutil.ignore_patterns(".ipynb_checkpoints", "_generated", "__pycache__")
            shutil.copytree(src, target, ignore=ignore)
        else:
            shutil.copy2(src, target)
    return book


def floor(book: Path, env: dict) -> Run:
    total, peak = 0.0, 0.0
    for script in sorted((book / "notebooks").glob("*.py")):
        run = measure([sys.executable, script.name], book / "notebooks", {**env, "MPLBACKEND": "Agg"})
        total, peak = total + run.seconds, max(peak, run.peak_mb)
    return Run(total, peak)


def build(book: Path, env: dict) -> Run:
    """``make book`` in the copy, with this environment (its install stamp matches the copied files)."""
    return measure(["make", "--no-print-directory", "book", f"VENV={BIN.parent}"], book, env)


def sphinx_build(book: Path, env: dict) -> Run:
    """What ``make book`` runs once an input is newer than the last build."""
    return measure([sys.executable, "-m", "aarsevaluering.build", "build", ".", "-W", "-n", "--keep-going"], book, env)


def nbval(book: Path, env: dict) -> Run:
    """The notebook tests as ``make test`` runs them: nbval, two workers, a notebook per worker."""
    sanitize = ["--nbval-sanitize-with", "tests/nbval_sanitize.cfg"]
    workers = ["-n", "2", "--dist", "loadfile"]
    command = [sys.executable, "-m", "pytest", "notebooks", "--nbval", *sanitize, *workers]
    return measure([*command, "-p", "no:cacheprovider", "-o", "addopts=", "-q"], book, env)


def set_csv(book: Path, changed: bool) -> None:
    path = book / "data" / CHANGED_TABLE
    text = path.read_text(encoding="utf-8")
    old, new = (OLD, NEW) if changed else (NEW, OLD)
    if old not in text:
        raise SystemExit(f"{CHANGED_TABLE}: {old!r} not found; update benchmarks/bench.py")
    path.write_text(text.replace(old, new), encoding="utf-8")
    time.sleep(0.01)  # a newer modification time than the last read, on any file system


def executed_pages(book: Path) -> dict[str, list[float]]:
    """When each notebook last executed and how many seconds it took (myst-nb's record in the environment)."""
    probe = (
        "import pickle,sys,json;env=pickle.load(open(sys.argv[1],'rb'));"
        "print(json.dumps({d:[m['exec_data']['mtime'],m['exec_data']['runtime']] for d,m in env.nb_metadata.items() "
        "if m.get('exec_data') and m['exec_data'].get('runtime') is not None}))"
    )
    pickle_path = book / "_build" / ".doctrees" / "environment.pickle"
    out = subprocess.run([sys.executable, "-c", probe, str(pickle_path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# ---------------------------------------------------------------------------------------------
# Where the time goes.


def import_profile(env: dict) -> list[tuple[str, float]]:
    """Cumulative import time of the top-level packages a notebook imports (python -X importtime)."""
    code = "import aarsevaluering.checks, aarsevaluering.tables, aarsevaluering.style, matplotlib.pyplot, myst_nb"
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, env=env)
    totals: dict[str, float] = {}
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| *(\S+)", line)
        if match:  # a package's outermost import has its largest cumulative time
            package = match.group(2).split(".")[0]
            totals[package] = max(totals.get(package, 0.0), int(match.group(1)) / 1e6)
    return sorted(totals.items(), key=lambda item: -item[1])[:8]


def kernel_start(env: dict, runs: int) -> float:
    code = (
        "import time;from jupyter_client.manager import start_new_kernel;t=time.perf_counter();"
        "km,kc=start_new_kernel(kernel_name='python3');kc.execute_interactive('1',output_hook=lambda m:None);"
        "print('seconds',time.perf_counter()-t);kc.stop_channels();km.shutdown_kernel(now=True)"
    )
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
        times.append(float(re.search(r"seconds ([\d.]+)", out).group(1)))
    return statistics.median(times)


def script_profile(book: Path, env: dict) -> list[tuple[str, float]]:
    """Where a plain run of the largest chapter spends its time, by kind of work."""
    script = book / "notebooks" / "personnel.py"
    profile = book / "personnel.prof"
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(profile), script.name],
        cwd=script.parent,
        env={**env, "MPLBACKEND": "Agg"},
        check=True,
        capture_output=True,
    )
    stats = pstats.Stats(str(profile))
    kinds = {
        "imports": ("<frozen importlib._bootstrap>", "_find_and_load"),
        "identities and checks": ("aarsevaluering/checks.py", "run"),
        "tables (Styler)": ("pandas/io/formats/style.py", "_repr_html_"),
        "figures (matplotlib)": ("aarsevaluering/style.py", "finish"),
        "loading CSVs": ("aarsevaluering/data.py", "load"),
    }
    out = []
    for kind, (path, name) in kinds.items():
        seconds = max(
            (row[3] for func, row in stats.stats.items() if func[0].endswith(path) and func[2] == name), default=0.0
        )
        out.append((kind, seconds))
    out.append(("total", stats.total_tt))
    return out


# ---------------------------------------------------------------------------------------------
# The developer's loop: make check and make test in the checkout.


@dataclass
class LoopRun:
    seconds: float
    cpu_seconds: float  # processor time of every process the run started (user and system)
    outcome: str  # the pytest counts of the run, e.g. "830 passed, 2 failed, 3 skipped"
    output: str


_COUNT = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed|deselected)")


def outcome(output: str) -> str:
    """The pytest counts of every pytest run in ``output`` (lint's pairing test and the main run), added."""
    totals: dict[str, int] = {}
    for line in output.splitlines():
        if re.search(r" in [\d.]+s", line):  # a pytest summary line
            for number, what in _COUNT.findall(line):
                what = "errors" if what.startswith("error") else what
                totals[what] = totals.get(what, 0) + int(number)
    failed = re.findall(r"^(?:make: \[|Makefile:\d+: ).*(?:Error|error)", output, re.MULTILINE)
    text = ", ".join(f"{n} {what}" for what, n in totals.items()) or "no pytest summary"
    return text + (f"; {len(failed)} failed make step(s)" if failed else "")


def loop_step(command_line: str, env: dict) -> LoopRun:
    """``make -i <target>`` in the checkout (``-i``: on past a failing step); wall time and outcome."""
    command = ["make", "--no-print-directory", "-i", command_line.removeprefix("make "), "JUNIT="]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    output = done.stdout + done.stderr
    return LoopRun(seconds, cpu, outcome(output), output)


def slowest(output: str, count: int = 15) -> list[str]:
    """The slowest test phases the last pytest run listed (``--durations``), slowest first."""
    output = output.rsplit("slowest", 1)[-1]  # lint's own pytest run lists its durations first
    lines = re.findall(r"^\s*([\d.]+s (?:call|setup|teardown)\s+\S+)", output, re.MULTILINE)
    return lines[:count]


def loop_report(runs: dict[str, list[LoopRun]], env: dict) -> str:
    source = "set" if env.get("AARSEVALUERING_SOURCE") else "not set"
    mode = env.get("AARSEVALUERING_PERTURBATION", "sample")
    lines = [
        "## The loop: `make check` and `make test`",
        "",
        f"In the checkout, {len(runs['make test'])} runs of each, alternating; medians. `make -i`, so a "
        "failing test (work in progress) does not stop the run; each run's pytest counts are given. Measured "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, AARSEVALUERING_SOURCE {source}, perturbation "
        f"sweep: {mode}. The machine is shared: other work running at the same time makes any run slower, "
        "which is why the median is the figure; the processor time of all the run's processes, which others' "
        "work hardly changes, is given too (on two cores, a run cannot take less than half of it).",
        "",
        "| command | median (s) | runs (s) | target | met | processor time, median (s) | outcome of each run |",
        "| --- | ---: | --- | --- | :---: | ---: | --- |",
    ]
    for target, measured in runs.items():
        median = statistics.median(r.seconds for r in measured)
        limit = LOOP_TARGETS[target]
        met = "yes" if median <= limit else "**no**"
        lines.append(
            f"| `{target}` | {median:.0f} | {', '.join(f'{r.seconds:.0f}' for r in measured)} | ≤ {limit:.0f} s | "
            f"{met} | {statistics.median(r.cpu_seconds for r in measured):.0f} | "
            f"{'; '.join(r.outcome for r in measured)} |"
        )
    lines += ["", "Slowest test phases of the last `make test` (pytest `--durations`; two workers run side by side):"]
    lines += ["", "```", *slowest(runs["make test"][-1].output), "```"]
    return "\n".join(lines)


def measure_loop(runs: int, written: Callable[[str], None]) -> str:
    """``runs`` runs of each command; after each round, ``written`` gets the report so far (a long
    benchmark cut short keeps what it measured)."""
    env = {**os.environ, "PYTEST_ADDOPTS": f"{os.environ.get('PYTEST_ADDOPTS', '')} --durations=15".strip()}
    measured: dict[str, list[LoopRun]] = {target: [] for target in LOOP_TARGETS}
    for run in range(1, runs + 1):
        for target in LOOP_TARGETS:
            measured[target].append(loop_step(target, env))
            last = measured[target][-1]
            cpu = f"{last.cpu_seconds:.0f} s of processor time"
            print(f"loop run {run} of {runs}: {target}: {last.seconds:.0f} s, {cpu} ({last.outcome})", flush=True)
        written(loop_report(measured, env))
    return loop_report(measured, env)


def section(name: str, text: str) -> str:
    return f"<!-- {name} -->\n{text}\n<!-- /{name} -->"


def kept_section(path: Path, name: str) -> str:
    """The section ``name`` of the last results, to keep when this run does not measure it."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    found = re.search(rf"<!-- {name} -->\n.*?\n<!-- /{name} -->", old, re.DOTALL)
    if found:
        return found.group(0)
    before_sections = re.search(r"^- \d+ runs of each step.*", old, re.MULTILINE | re.DOTALL)
    if name == "build" and before_sections:  # results written before the loop was measured: all the build's
        return section(name, "## The build\n\n" + before_sections.group(0).strip())
    return section(name, f"(`{name}` not measured yet: `make bench`.)")


# ---------------------------------------------------------------------------------------------


def versions() -> str:
    found = []
    for name in PACKAGES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def report(steps: dict[str, Step], runs: int, profile: dict, seconds: float) -> str:
    floor_s = steps["floor"].median
    lines = [
        "## The build",
        "",
        f"- {runs} runs of each step on a copy of the sources; medians; the build steps took {seconds:.0f} s.",
        "",
        "| step | median (s) | runs (s) | × floor | target | met | peak memory of one process (MB) |",
        "| --- | ---: | --- | ---: | --- | :---: | ---: |",
    ]
    for name, step in steps.items():
        target = TARGETS.get(name)
        if target:
            base, limit = target
            ratio_to_base = step.median / steps[base].median
            target_text = f"≤ {limit} × {base} (is {ratio_to_base:.2f})"
            met = "yes" if ratio_to_base <= limit else "**no**"
        else:
            target_text, met = "", ""
        memory_ok = "" if step.peak_mb <= MEMORY_LIMIT_MB else " **over 500**"
        runs_text = ", ".join(f"{r.seconds:.1f}" for r in step.runs)
        lines.append(
            f"| {name} | {step.median:.1f} | {runs_text} | {step.median / floor_s:.2f} | {target_text} | {met} "
            f"| {step.peak_mb:.0f}{memory_ok} |"
        )
    lines += ["", "## Where the time goes", ""]
    lines += [f"- Kernel start (start, run one cell, median of {runs}): {profile['kernel']:.2f} s per notebook."]
    lines += [
        "- Notebook execution inside the cold build (myst-nb's record): "
        + ", ".join(f"{doc.split('/')[-1]} {t:.1f} s" for doc, (_, t) in sorted(profile["executed"].items()))
        + f"; together {sum(t for _, t in profile['executed'].values()):.1f} s, run two at a time in the "
        + f"{steps['cold build'].runs[-1].seconds:.1f} s build."
    ]
    lines += ["- Imports a notebook pays once (`python -X importtime`, cumulative):"]
    lines += [f"  - {package}: {t:.2f} s" for package, t in profile["imports"]]
    lines += ["- A plain run of the largest chapter (`personnel.py`) under cProfile (cumulative; kinds overlap):"]
    lines += [f"  - {kind}: {t:.2f} s" for kind, t in profile["script"]]
    lines += ["", "One-CSV rebuild: the changed table is `pers_average_pay_total`; the pages that read it are"]
    lines += [f"re-executed: {', '.join(profile['one_csv_pages'])}.", "", FINDINGS]
    return "\n".join(lines)


FINDINGS = """## What was ours to fix, and what is left

- **Parallel reading.** jupyter-book's command line cannot pass Sphinx a number of processes, and two of
  its extensions do not declare themselves parallel-safe, so the six notebooks ran one after another
  (the row *cold build, one process*). `python -m aarsevaluering.build` passes the CPU count;
  `aarsevaluering/sphinxext.py` declares the two extensions safe (they keep no per-page state), gives
  each page its own chunk (Sphinx put five notebooks in one) and reads even two changed pages in
  parallel.
- **Nothing changed.** Sphinx itself needs the time in the row *Sphinx alone* to start, load its
  environment and find nothing to do (imports of Sphinx and jupyter-book, mostly); `make book` depends
  on every input file and skips it. The audit notebook used to rewrite its CSV on every run, which made
  every build execute the audit again; it now writes only a changed file.
- **One CSV changed.** Each page's notebook records the files it reads while it executes; those become
  the page's dependencies, so a changed CSV re-executes the pages that read it (every chapter's
  identities are also run by the audit page, so the audit always runs with its chapter).
- **Left as it is.** A kernel start per notebook (above); Sphinx's start and HTML writing; in the
  kernel, figures are rendered to SVG and tables to HTML, which a plain script run (the floor) does not
  do. Peak memory stays far below 500 MB: the largest process is a Sphinx reader with its kernel's
  results.
"""


def header() -> str:
    return "\n".join(
        [
            "# Benchmark results",
            "",
            "Written by `make bench` (`benchmarks/bench.py`); do not edit by hand.",
            "",
            f"- Machine: {os.cpu_count()} CPUs ({platform.machine()}), {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}",
            f"- Packages: {versions()}",
            "",
        ]
    )


def measure_build(runs: int) -> str:
    started = time.perf_counter()
    names = ("floor", "cold build", "cold build, one process", "no-change rebuild", "no-change rebuild, Sphinx alone")
    names += ("one-CSV rebuild", "nbval")
    steps = {name: Step(name) for name in names}
    with tempfile.TemporaryDirectory(prefix="aarsevaluering-bench-") as tmp:
        book = copy_sources(Path(tmp))
        env = {**os.environ, "AARSEVALUERING_DATA": str(book / "data"), "PYTHONHASHSEED": "0"}
        env.pop("AARSEVALUERING_READ_LOG", None)
        profile: dict = {}
        for run in range(1, runs + 1):
            print(f"run {run} of {runs}", flush=True)
            steps["floor"].runs.append(floor(book, env))
            shutil.rmtree(book / "_build", ignore_errors=True)
            steps["cold build, one process"].runs.append(build(book, {**env, "AARSEVALUERING_JOBS": "1"}))
            shutil.rmtree(book / "_build", ignore_errors=True)
            steps["cold build"].runs.append(build(book, env))
            profile["executed"] = executed_pages(book)
            steps["no-change rebuild"].runs.append(build(book, env))
            steps["no-change rebuild, Sphinx alone"].runs.append(sphinx_build(book, env))
            set_csv(book, changed=True)
            steps["one-CSV rebuild"].runs.append(build(book, env))
            cold = profile["executed"]
            after = executed_pages(book)
            profile["one_csv_pages"] = sorted(d.split("/")[-1] for d in after if after[d][0] != cold.get(d, [0])[0])
            set_csv(book, changed=False)
            steps["nbval"].runs.append(nbval(book, env))
            for step in steps.values():
                print(f"  {step.name}: {step.runs[-1].seconds:.1f} s, {step.runs[-1].peak_mb:.0f} MB", flush=True)
        profile["kernel"] = kernel_start(env, runs)
        profile["imports"] = import_profile(env)
        profile["script"] = script_profile(book, env)
    return report(steps, runs, profile, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each build step")
    parser.add_argument("--loop-runs", type=int, default=3, help="runs of make check and make test")
    parser.add_argument("--steps", default=",".join(SECTIONS), help="build, loop or both (the default)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results.md")
    args = parser.parse_args(argv)
    wanted = set(args.steps.split(","))
    if not wanted or wanted - set(SECTIONS):
        parser.error(f"--steps: expected some of {SECTIONS}, got {args.steps!r}")
    parts = {name: kept_section(args.out, name) for name in SECTIONS}

    def write(name: str, text: str) -> None:
        parts[name] = section(name, text)
        args.out.write_text(header() + "\n" + "\n\n".join(parts.values()) + "\n", encoding="utf-8")

    if "build" in wanted:
        write("build", measure_build(args.runs))
    if "loop" in wanted:
        write("loop", measure_loop(args.loop_runs, lambda text: write("loop", text)))
    print(args.out.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
