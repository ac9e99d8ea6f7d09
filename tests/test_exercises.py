"""Every *Try it* exercise works as written (issue 22): the suggested change is applied to the cell the
text names, that cell and the ones after it are run again, and the outputs (and the prose values) the
text points to must show what the text says they show.

Each chapter's notebook runs once in a kernel (from its ``.py``, the source); then each exercise of the
chapter edits its cell, re-runs the cells from there to the one whose output the text describes,
collects what a student then sees (outputs as text, and the inline expressions of the Markdown cells in
between) and checks it; before the next exercise of the chapter, the cells it changed run again as
written, but those that exercise runs itself.

An entry per exercise, in ``EXERCISES``. A chapter's *Try it* section numbers its exercises (``1.``,
``2.``, ...; a section without numbers is one exercise); each needs an entry, so a new exercise without a
test fails here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import jupytext
import pytest
from conftest import REPO
from nbclient import NotebookClient

from aarsevaluering.sync import EVAL_ROLE


@dataclass(frozen=True)
class Exercise:
    chapter: str
    number: int  # its number in the chapter's Try it section
    cell: str  # a line of the code cell the exercise changes (unique in the notebook)
    old: str  # the text the exercise tells the student to replace in that cell ...
    new: str  # ... and what to put there
    shows: tuple[str, ...]  # what the text says the student then sees (each must appear)
    hides: tuple[str, ...] = ()  # what the text says is then gone (none may appear)
    until: str = ""  # a line of the last cell to run and read (default: the changed cell)


EXERCISES: list[Exercise] = [
    # Entries are added by each chapter's author; see the module docstring.
    # investeringsregnskap (Try it: one cell altered, the checks that move listed with class before → after)
    Exercise(
        "investeringsregnskap",
        1,
        "TABLE, LABEL, DELTA = inv.T1",
        "TABLE, LABEL, DELTA",
        "TABLE, LABEL, DELTA",
        shows=(
            "Kommunekassen's fixed assets = 2B part 1 lines of kommunekassen",
            "Sum P11 Utbygging og samferdsel = sum of its",
            "P11 KK P11 Bybru = 2B line",
            "Net table: KK P11 Bybru",
            "rounding → discrepancy",
            "exact → discrepancy",
        ),
        hides=("rounding → exact", "truncated"),
    ),
    Exercise(
        "investeringsregnskap",
        2,
        "TABLE, LABEL, DELTA = inv.T1",
        '"KK P11 Bybru", 1000',
        '"KK P11 Bybru", 1',
        shows=(
            "Kommunekassen's fixed assets = 2B part 1 lines of kommunekassen",
            "+1 rounding",
            "rounding → exact",
            "P11 KK P11 Bybru = 2B line",
            "Net table: KK P11 Bybru",
            "exact → discrepancy",
        ),
        hides=("rounding → discrepancy", "truncated"),
    ),
    Exercise(
        "investeringsregnskap",
        3,
        "TABLE, LABEL, DELTA = inv.T1",
        '"KK P11 Bybru", 1000',
        '"KK P11 Bybru", -1',
        shows=(
            "Kommunekassen's fixed assets = 2B part 1 lines of kommunekassen",
            "Sum P11 Utbygging og samferdsel = sum of its",
            "P11 KK P11 Bybru = 2B line",
            "Net table: KK P11 Bybru",
            "exact → discrepancy",
        ),
        hides=("truncated", "rounding → discrepancy", "rounding → exact"),
    ),
    Exercise(
        "investeringsregnskap",
        4,
        "TABLE, LABEL, DELTA = inv.T1",
        'inv.T1, "KK P11 Bybru", 1000',
        'inv.T2, "Investering DEKF", -26203',
        shows=(
            "2A grants to others = kommunekassen's + 2B line",
            "2B 2. Tilskudd til andres investeringer = sum of its lines",
            "exact → discrepancy",
            "self-financing of non-profitable investments",
            "DEKF's property sales counted as self-financing",
            "estimate",
        ),
        hides=("estimate →",),
    ),
    # balanse (Try it: B01's Drammen Eiendom KF row altered by the text's gaps)
    Exercise(
        "balanse",
        1,
        "END_GAP, START_GAP = ",
        "), 0.0",
        "), 0.0",
        shows=(
            "Debt at 31.12.2023: the text against B01",
            "discrepancy → exact",
            "discrepancy → rounding",
            "247.7 discrepancy (unchanged)",
            "B01 against the borrowers' flows",
            "exact → discrepancy",
            # the reserve's check as the debt it implies: one unit, NOK million
            "as 1 % of debt, against B01 9\xa0564.1",
        ),
        hides=("95.641", "95\xa0641", "Unit (NOK)"),  # never a three-decimal million, nor thousands among millions
    ),
    Exercise(
        "balanse",
        2,
        "END_GAP, START_GAP = ",
        "), 0.0",
        '), round(ldebt["prose_start"] - ldebt["b01_start"], 1)',
        shows=("Change in 2023: the text against B01", "266.7 discrepancy → exact", "exact → discrepancy"),
        hides=("247.7 discrepancy (unchanged)",),
    ),
    # personnel (Try it: one printed share of the gender and age tables set from its count)
    Exercise(
        "personnel",
        1,
        "GROUP, AGE, COLUMN = ",
        '"permanent_part_time", "60-69", "men_pct"',
        '"permanent_part_time", "60-69", "men_pct"',
        shows=(
            "Men share = count ÷ all permanent part-time employees (60-69)",
            "Women % + men % = total % (permanent part-time employees, 60-69)",
            "Totalt % = sum of the age groups (permanent part-time employees, men)",
            "discrepancy → exact",
            "discrepancy → rounding",
        ),
    ),
    Exercise(
        "personnel",
        2,
        "GROUP, AGE, COLUMN = ",
        '"permanent_part_time", "60-69", "men_pct"',
        '"permanent", "50-59", "women_pct"',
        shows=(
            "Women share = count ÷ all permanent employees (50-59)",
            "Women % + men % = total % (permanent employees, 50-59)",
            "discrepancy → exact",
            "exact → discrepancy",
        ),
        hides=("60-69",),
    ),
]


# driftsregnskap and pensjon: what the text says, computed from the report's figures as the text is.
def _drift_and_pension_exercises() -> list[Exercise]:
    from aarsevaluering.checks import from_disk, value
    from aarsevaluering.fmt import fmt, fmt_million
    from aarsevaluering.identities import driftsregnskap as dr
    from aarsevaluering.identities import pensjon as pj

    asss = value(from_disk(dr.PROSE), "value", label="asss_excl_oslo_resultatgrad_2023")
    at_asss = dr.result_vs_target(from_disk, target_pct=asss)
    deviation = -pj.central(from_disk, pj.DEVIATION)
    ten_years, next_year = pj.EARLIER_AMORTISATION_RULES[1][2], pj.CURRENT_RULE_PERIODS[0]
    ten = pj.amortisation_schedule(deviation, pj.REPORT_YEAR + 1, ten_years)
    seven = pj.amortisation_schedule(deviation, pj.REPORT_YEAR + 1, int(pj.prose(from_disk, "amortisation_period")))
    period_line = 'AMORTISATION_PERIOD = int(pj.prose(get, "amortisation_period"))'
    # The table of deviations amortised in 2023 follows the rules' periods, whatever period the exercise
    # sets for 2023's deviation: it must still show the report's period and the same ending years.
    history = pj.amortisation_origins(pj.REPORT_YEAR, int(pj.prose(from_disk, "amortisation_period")))
    current = history.loc[history["period"] == int(pj.prose(from_disk, "amortisation_period")), "origin_year"]
    unchanged = (f"1/{int(pj.prose(from_disk, 'amortisation_period'))} of each", f"{current.min()}–{current.max()}")
    # None of the 2023 figures moves with the period: the cost, the deviation and the net premium deviation.
    year_2023 = (
        fmt(pj.prose(from_disk, "actual_pension_cost"), 1, "NOK million"),
        fmt_million(deviation),
        fmt_million(pj.net_premium_deviation(from_disk)),
    )
    # The dashed line had the premium fund not been used moves with the period too.
    without = {
        p: fmt_million(pj.premium_fund_effect(from_disk, p)["instalment_without_fund"]) for p in (ten_years, next_year)
    }
    return [
        Exercise(
            "driftsregnskap", 1, "target = dr.TARGET_RESULTATGRAD_PCT", "dr.TARGET_RESULTATGRAD_PCT", fmt(asss, 1),
            shows=(fmt(asss, 2), fmt(at_asss["required_surplus"] / 1000, 1), fmt(at_asss["shortfall"] / 1000, 1)),
            hides=(fmt(dr.TARGET_RESULTATGRAD_PCT, 2),),
        ),
        Exercise(
            "pensjon", 1, period_line, 'int(pj.prose(get, "amortisation_period"))', str(ten_years),
            shows=(f"{fmt_million(ten['instalment'].iloc[0])} a year", str(ten["year"].iloc[-1]),
                   fmt(ten.set_index("year").loc[seven["year"].iloc[-1], "remaining"] / 1000, 1), *unchanged,
                   without[ten_years], *year_2023),
            hides=(fmt(seven["instalment"].iloc[0] / 1000, 1),),
            until="txt.chapter_summary = findings.summary_line",
        ),
        Exercise(
            "pensjon", 2, period_line, 'int(pj.prose(get, "amortisation_period"))', str(next_year),
            shows=(f"{fmt_million(deviation)} a year", str(pj.REPORT_YEAR + 1), *unchanged, without[next_year],
                   *year_2023),
            hides=(str(pj.REPORT_YEAR + 2), f"1/{next_year} of each"),
            until="txt.chapter_summary = findings.summary_line",
        ),
    ]  # fmt: skip


EXERCISES += _drift_and_pension_exercises()

TRY_IT = re.compile(r"^#+ Try it\b", re.MULTILINE)
NUMBERED = re.compile(r"^\s*(\d+)\.\s", re.MULTILINE)


def _notebook(chapter: str):
    return jupytext.read(REPO / "notebooks" / f"{chapter}.py")


def _numbers(chapter: str) -> set[int]:
    """The exercise numbers of a chapter's Try it section (Markdown after its heading)."""
    cells = _notebook(chapter).cells
    start = next((i for i, c in enumerate(cells) if c.cell_type == "markdown" and TRY_IT.search(c.source)), None)
    if start is None:
        return set()
    text = "\n".join(c.source for c in cells[start:] if c.cell_type == "markdown")
    return {int(n) for n in NUMBERED.findall(text.split("Try it", 1)[1])} or {1}  # one unnumbered exercise


CHAPTERS = sorted(p.stem for p in (REPO / "notebooks").glob("*.py") if _numbers(p.stem))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_exercise_has_a_test(chapter):
    tested = {e.number for e in EXERCISES if e.chapter == chapter}
    missing = sorted(_numbers(chapter) - tested)
    assert not missing, f"{chapter}: Try it exercise(s) {missing} have no entry in tests/test_exercises.py"


class Session:
    """A chapter's notebook executed once in a kernel, to try exercises on."""

    def __init__(self, chapter: str):
        self.notebook = _notebook(chapter)
        self.client = NotebookClient(
            self.notebook, timeout=600, kernel_name="python3",
            resources={"metadata": {"path": str(REPO / "notebooks")}},
        )  # fmt: skip
        self._kernel = self.client.setup_kernel()
        self._kernel.__enter__()
        for index, cell in enumerate(self.notebook.cells):
            if cell.cell_type == "code":
                self.client.execute_cell(cell, index)
        self.changed: set[int] = set()  # cells run with an exercise's change, not yet run again as written

    def restore(self, first: int, last: int) -> None:
        """Before an exercise that runs cells ``first`` to ``last``: run again, as written and in order, the
        cells an earlier exercise ran changed, but those the exercise runs itself (so the chapter is as the
        text has it when the exercise starts). Restoring waits until an exercise comes, so the last of a
        chapter costs no second run, and a chapter whose exercises change one cell never runs it twice (the
        investment chapter's four exercises re-ran its checks cell, 3 s, eight times)."""
        for index in sorted(self.changed - set(range(first, last + 1))):
            self.run(index, index)
        self.changed.clear()

    def close(self) -> None:
        self._kernel.__exit__(None, None, None)

    def index(self, line: str) -> int:
        hits = [i for i, c in enumerate(self.notebook.cells) if c.cell_type == "code" and line in c.source]
        assert len(hits) == 1, f"{len(hits)} code cells hold {line!r} (expected one)"
        return hits[0]

    def run(self, first: int, last: int) -> str:
        """Run cells ``first`` to ``last`` again and return what a student sees there, as text."""
        seen = []
        for index in range(first, last + 1):
            cell = self.notebook.cells[index]
            if cell.cell_type == "code":
                self.client.execute_cell(cell, index)
                seen += [_text(output) for output in cell.outputs]
            elif cell.cell_type == "markdown" and EVAL_ROLE.search(cell.source):
                expressions = EVAL_ROLE.findall(cell.source)
                named = {str(i): e for i, e in enumerate(expressions)}  # the protocol wants string keys
                msg = self.client.kc.execute("", silent=True, user_expressions=named)
                reply = self.client.wait_for_reply(msg)["content"].get("user_expressions", {})
                seen += [r.get("data", {}).get("text/plain", "") for r in reply.values()]
        return "\n".join(seen)


def _text(output) -> str:
    """An output as the text it shows: stream text, plain text, HTML without its tags, SVG text."""
    if output.get("output_type") == "stream":
        return output.get("text", "")
    if output.get("output_type") == "error":
        return f"{output.get('ename')}: {output.get('evalue')}"
    data = output.get("data", {})
    parts = [data.get("text/plain", "")]
    for mime in ("text/html", "image/svg+xml"):
        if mime in data:
            parts.append(html.unescape(re.sub(r"<[^>]+>", " ", data[mime])))
    return " ".join(" ".join(parts).split())


@pytest.fixture(scope="module")
def sessions():
    opened: dict[str, Session] = {}
    yield lambda chapter: opened.setdefault(chapter, Session(chapter))
    for session in opened.values():
        session.close()


def check(session: Session, exercise: Exercise) -> None:
    """Apply the exercise, read what the student sees, restore the chapter; AssertionError when the text
    says something the outputs do not show."""
    first = session.index(exercise.cell)
    last = session.index(exercise.until) if exercise.until else first
    session.restore(first, last)  # the earlier exercises' changes undone first
    cell = session.notebook.cells[first]
    original = cell.source
    assert exercise.old in original, f"the exercise's text to replace, {exercise.old!r}, is not in the cell"
    cell.source = original.replace(exercise.old, exercise.new, 1)
    try:
        seen = session.run(first, last)
    finally:
        cell.source = original
        session.changed |= set(range(first, last + 1))  # run again as written when needed (Session.restore)
    flat = " ".join(seen.split())
    missing = [s for s in exercise.shows if " ".join(s.split()) not in flat]
    present = [s for s in exercise.hides if " ".join(s.split()) in flat]
    assert not missing, f"{exercise.chapter} exercise {exercise.number}: after the change, no {missing}"
    assert not present, f"{exercise.chapter} exercise {exercise.number}: after the change, still {present}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: f"{e.chapter}-{e.number}")
def test_the_exercise_shows_what_its_text_says(sessions, exercise):
    check(sessions(exercise.chapter), exercise)


def test_a_claim_the_outputs_do_not_bear_out_fails(sessions):
    """The runner can fail: an exercise whose text promised a figure the changed cell does not show."""
    false_claim = Exercise(
        "pensjon", 0, "AMORTISATION_PERIOD = ", "AMORTISATION_PERIOD = ", "AMORTISATION_PERIOD = ",
        shows=("a figure no chapter prints: 123 456 789",),
    )  # fmt: skip
    with pytest.raises(AssertionError, match="after the change, no"):
        check(sessions("pensjon"), false_claim)
