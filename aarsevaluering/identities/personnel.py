"""Identities of the personnel chapter, and the measures it derives from the printed tables.

The checks compare what the report prints (staffing, full-time share, sick leave, turnover, hiring,
overtime, working-time breaches, gender and age, pay) with the same figures recomputed from other
printed figures, in the same table, in another table or in the running text. Each check names the
kind of relation it tests (``sum``, ``restatement``, ``share``, ``claim``, ``estimate``), which sets
its tolerance. Claims of the text about trends ("rose", "the largest increase was in ...") are
checks of kind ``claim``: printed 1 (the report says so), recomputed 1 or 0 from the tables.
Relations the report never states (a rate weighted by FTEs, pay averages weighted by head counts,
the flow of staff implied by turnover) are ``estimate`` checks: shown, never graded.

The words about the checks that fail live in ``findings/personnel.yaml``. The derived measures at the
end (overtime per FTE, breaches per overtime hour, part-time rates, sick leave against its baseline,
the pay gap by job group) are not checks: the report does not print them.
"""

from __future__ import annotations

import re

import pandas as pd

from .. import areas
from ..checks import (
    CLAIM_UNIT,
    ESTIMATE_KIND,
    RESTATEMENT,
    SHARE,
    SUM,
    Check,
    Getter,
    claim,
    decimals_of,
    identity,
    lines_of,
    pct,
    share_range,
    sum_checks,
)
from ..checks import check as make_check
from ..data import row_not_found
from ..fmt import fmt

CHAPTER = "personnel"

STAFF = "pers_permanent_staff_by_area"
FULL_TIME = "pers_full_time_share"
SICK = "pers_sick_leave_by_area"
SICK_Q = "pers_sick_leave_by_quarter"
TURNOVER = "pers_turnover_by_area"
HIRES = "pers_new_permanent_hires_by_month"
OVERTIME = "pers_overtime_by_area"
BREACH_TYPE = "pers_aml_breaches_by_type"
BREACH_AREA = "pers_aml_breaches_by_area"
GENDER_AGE = "pers_gender_age_distribution"
PAY = "pers_average_pay_by_job_group"
PAY_TOTAL = "pers_average_pay_total"
JOB_GROUPS = "pers_gender_by_job_group"
PROSE = "pers_prose_figures"

TOTAL = "Totalsum"
STAFF_GROUPS = {
    "permanent": "permanent employees",
    "temporary": "temporary employees",
    "permanent_part_time": "permanent part-time employees",
}
GENDER_COLUMNS = {"women": "Women", "men": "Men", "total": "Total"}
# The two job groups the chapter reads as the top management (prose line 4466: "toppledelsen").
TOP_MANAGEMENT = ("Kommunedirektør og direktørgruppe", "Kommunalsjef/Stabsleder")
MONTHS_EN = {
    "januar": "January",
    "februar": "February",
    "mars": "March",
    "april": "April",
    "mai": "May",
    "juni": "June",
    "juli": "July",
    "august": "August",
    "september": "September",
    "oktober": "October",
    "november": "November",
    "desember": "December",
}

# The personnel tables' joint row and total row, which have no name in aarsevaluering.areas; every other
# area's English name is the book's one short name (areas.SHORT_NAMES) in charts and prose, and its full
# translation of the printed name (areas.FULL_NAMES) beside the printed label in reproduced tables.
AREA_EN = {"P14-P19": "Central units", "Totalsum": "All areas"}
AREA_PRINTED = {"P14-P19 Sentrale enheter", "Totalsum"}  # the labels AREA_EN translates, as printed
JOB_GROUP_EN = {
    "Stilling uten særskilt krav til utdanning": "No formal education required",
    "Fagarbeiderstilling/tilsvarende fagarbeiderstilling": "Skilled worker",
    "Stilling med krav om fagbrev og 1-årig fagskoleutdanning (min. 60 fagskolepoeng)":
        "Trade certificate + 1-year vocational college",
    "Stilling med krav om 3-årig U/H utdanning (min. 180 studiepoeng)": "3-year higher education",
    "Stilling med krav om 4-årig U/H utdanning (min. 240 studiepoeng)": "4-year higher education",
    "Stilling med krav om 5-årig U/H utdanning (min. 300 studiepoeng)": "5-year higher education",
    "Stilling med krav om mastergrad (min. 300 studiepoeng)": "Master's degree required",
    "Lektor med tilleggsutdanning": "Lektor with further education",
    "Leder kapittel 4": "Managers (chapter 4 of the pay agreement)",
    "Kommunedirektør og direktørgruppe": "Chief executive and directors",
    "Kommunalsjef/Stabsleder": "Heads of service areas and staff units",
    "Virksomhetsleder": "Heads of units",
    "Avdelingsleder": "Heads of departments",
    "Høyere akademisk utdanning, kapittel 5": "Higher academic education (chapter 5 of the pay agreement)",
}  # fmt: skip
# For the pay chart's two-line labels: a short English name, and a piece of the printed label that a reader
# can search the report for (it stands on one line of the report and in both job-group tables' spelling).
JOB_GROUP_CHART = {
    "Stilling uten særskilt krav til utdanning": ("No formal education", "uten særskilt krav"),
    "Fagarbeiderstilling/tilsvarende fagarbeiderstilling": ("Skilled worker", "Fagarbeiderstilling"),
    "Stilling med krav om fagbrev og 1-årig fagskoleutdanning (min. 60 fagskolepoeng)":
        ("Trade certificate + 1 year", "fagbrev og 1-årig"),
    "Stilling med krav om 3-årig U/H utdanning (min. 180 studiepoeng)":
        ("3-year higher education", "3-årig U/H utdanning"),
    "Stilling med krav om 4-årig U/H utdanning (min. 240 studiepoeng)":
        ("4-year higher education", "4-årig U/H utdanning"),
    "Stilling med krav om 5-årig U/H utdanning (min. 300 studiepoeng)":
        ("5-year higher education", "5-årig U/H utdanning"),
    "Stilling med krav om mastergrad (min. 300 studiepoeng)": ("Master's degree", "krav om mastergrad"),
    "Lektor med tilleggsutdanning": ("Lektor, further education", "Lektor med tilleggsutdanning"),
    "Leder kapittel 4": ("Managers, pay agreement ch. 4", "Leder kapittel 4"),
    "Kommunedirektør og direktørgruppe": ("Chief executive, directors", "direktørgruppe"),
    "Kommunalsjef/Stabsleder": ("Heads of areas and staff", "Kommunalsjef/Stabsleder"),
    "Virksomhetsleder": ("Heads of units", "Virksomhetsleder"),
    "Avdelingsleder": ("Heads of departments", "Avdelingsleder"),
    "Høyere akademisk utdanning, kapittel 5": ("Higher academic, pay agreement ch. 5", "Høyere akademisk utdanning"),
}  # fmt: skip


def job_group_chart_label(label: str, persons: float) -> str:
    """A job group's label for a chart: its short English name with the head count, and under it, in
    «», a piece of the printed Norwegian label to search the report for."""
    english, printed = JOB_GROUP_CHART[job_group_key(label)]
    return f"{english} ({fmt(persons)})\n«{printed}»"


def area_name(label: str) -> str:
    """'P06 Hjemmetjenester og institusjon' -> 'P06 Home care': the book's one short English name of an
    area (:func:`aarsevaluering.areas.label`), for charts and prose; the personnel tables' joint row
    'P14-P19' keeps its own name, and the total row reads 'All areas'."""
    code = area_code(label)
    if code in areas.SHORT_NAMES:
        return areas.label(code)
    name = AREA_EN.get(code, str(label))
    return name if code == "Totalsum" else en_dash(f"{code} {name}")


def area_chart_label(label: str) -> str:
    """'P06 Hjemmetjenester og institusjon' -> 'P06 Home care': a chart's label for an area, its code (which a
    reader can search the report for) and the book's one English name, never a piece cut from the printed
    name; the total row 'Totalsum (all areas)', as the tables gloss it. Other labels stay as they are."""
    code = area_code(label)
    if code == TOTAL:
        return area_gloss(TOTAL)
    if code in areas.SHORT_NAMES or code in AREA_EN:
        return area_name(label)
    return str(label)


AGE_EN = {"Under 20 år": "under 20", "Over 70 år": "over 70", "Totalt": "total"}


def area_gloss(label: str) -> str:
    """A printed area label with the English of that very label beside it (:func:`aarsevaluering.areas.full_name`,
    keyed by the printed name, since tables name some areas differently), for reproduced tables: 'P09 Kultur,
    fritid og idrett' -> 'P09 Kultur, fritid og idrett (Culture, leisure and sport)', 'Totalsum' -> 'Totalsum
    (all areas)'. A label the book has no translation of stays as printed."""
    code = area_code(label)
    english = areas.full_name(code, str(label)[len(code) :]) or AREA_EN.get(code)
    if english is None or (code in AREA_EN and str(label) not in AREA_PRINTED):
        return str(label)
    # The printed label as printed (a reader searches the report for it, hyphen and all); the book's English
    # beside it.
    return f"{label} ({english[0].lower() + english[1:] if code == TOTAL else english})"


def age_gloss(label: str) -> str:
    """A printed age-group label with English beside it where it has words ('Under 20 år (under 20)',
    'Totalt (total)'); a bare range ('20-29') stays as printed."""
    english = AGE_EN.get(str(label))
    return f"{label} ({english})" if english else str(label)


# ---------------------------------------------------------------------------------------------
# Small helpers.

_AREA = re.compile(r"^(P\d\d(?:-P\d\d)?)\b")


def area_code(label: str) -> str:
    """The programme-area code of a row label ('P06 Hjemmetjenester og institusjon' -> 'P06',
    'P14-P19 Sentrale enheter' -> 'P14-P19'); other labels come back unchanged.

    Tables name an area differently at times (P09 is 'Kultur, idrett og frivillighet' in some and
    'Kultur, fritid og idrett' in others), so tables are joined on the code, never on the label."""
    match = _AREA.match(str(label))
    return match.group(1) if match else str(label)


def word_list(words) -> str:
    """'a', 'a and b', 'a, b and c': words joined as a sentence lists them."""
    words = [str(w) for w in words]
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


def en_dash(label) -> str:
    """'P14-P19 Sentrale enheter' -> 'P14–P19 Sentrale enheter': the joint area's code with the en dash the
    book's text uses (the report's tables print a hyphen), for what the book shows; joins use :func:`area_code`."""
    return str(label).replace("P14-P19", "P14\u2013P19")


def job_group_key(label: str) -> str:
    """A job-group label in one spelling: the pay table prints '..., kapittel 5', the head-count
    table '..., kap 5'."""
    return re.sub(r"\bkap\b\.?", "kapittel", str(label))


def slug(label: str) -> str:
    """A label as a stable piece of a check id ('Under 20 år' -> 'under_20')."""
    text = str(label).lower().replace(" år", "").replace("å", "a").replace("ø", "o").replace("æ", "ae")
    return re.sub(r"[^a-z0-9-]+", "_", text).strip("_")


def items(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["row_kind"] == "item"]


def row_of(frame: pd.DataFrame, **where) -> pd.Series:
    """The one row matching ``where``."""
    mask = pd.Series(True, index=frame.index)
    for key, wanted in where.items():
        mask &= frame[key] == wanted
    hits = frame[mask]
    if len(hits) != 1:
        raise row_not_found(frame, where, len(hits))
    return hits.iloc[0]


def prose(get: Getter, label: str) -> tuple[float, int]:
    """A figure of the running text and the line it stands on."""
    row = row_of(get(PROSE), label=label)
    return float(row["value"]), int(row["source_line"])


def prose_value(get: Getter, label: str) -> float:
    return prose(get, label)[0]


# The text's figures that it states as approximate or as a bound, with the word it uses: the CSV holds the
# bare number, the prose-figure table shows the word with it.
PROSE_QUALIFIERS = {
    "hse_deviation_reports_increase_2023": "about",  # «cirka 38 prosent», line 3888
    "hiring_time_reduction_avg": "over",  # «over 50 prosent», line 3958
}
# Units the prose-figure table shows other than the CSV's: the text's «0,2 prosent» (line 3844) is the fall
# from 9.8 % to 9.6 %, in percentage points.
PROSE_UNITS = {"percent": "%"}
PROSE_UNIT_BY_FIGURE = {"sick_leave_decrease_from_2022": "% points"}


def _f(value, decimals: int = 1, unit: str = "") -> str:
    return fmt(value, decimals, unit)


def _check(
    check_id: str,
    what: str,
    printed: float,
    recomputed: float,
    table: str,
    source_lines: str,
    unit: str,
    decimals: int,
    kind: str = SUM,
    terms: int = 2,
    bounds: tuple[float, float] | None = None,
) -> Check:
    return make_check(
        CHAPTER,
        check_id,
        what,
        printed,
        recomputed,
        table,
        source_lines,
        decimals,
        unit,
        kind=kind,
        terms=terms,
        bounds=bounds,
    )


def _claim(check_id: str, what: str, holds: bool, table: str, line: str) -> Check:
    """A claim of the running text: printed 1 (the report says so), recomputed 1 if the tables
    bear it out and 0 if they do not."""
    return claim(CHAPTER, check_id, what, holds, table, line)


def _estimate(check_id: str, what: str, printed: float, recomputed: float, table: str, lines: str, unit: str,
              decimals: int) -> Check:  # fmt: skip
    """A comparison resting on a relation the report never states: shown, never graded."""
    return _check(check_id, what, printed, recomputed, table, lines, unit, decimals, kind=ESTIMATE_KIND)


EXACT_COUNT = 9  # decimals that make a count's rounding half-unit negligible (counts are exact)


def exact_share(part: float, whole: float) -> tuple[float, float]:
    """The range of part / whole × 100 when both are exact counts: a single point."""
    return share_range(part, whole, EXACT_COUNT, EXACT_COUNT)


def pct_change(old: float, new: float) -> float:
    return pct(new - old, old)


def pct_change_range(old: float, new: float, half_step: float = 0.5) -> tuple[float, float]:
    """Smallest and largest percent change that figures printed as ``old`` and ``new`` (each rounded
    to the nearest ``2 * half_step``) can hide."""
    low = pct_change(old + half_step, new - half_step)
    high = pct_change(old - half_step, new + half_step)
    return low, high


# ---------------------------------------------------------------------------------------------
# Staffing: permanent employees and FTEs by programme area, full-time share.


@identity(CHAPTER)
def staff_totals(get: Getter) -> list[Check]:
    """Totalsum of the staffing table against the sum of the programme areas (one term per area)."""
    columns = ["headcount_2022", "fte_2022", "headcount_2023", "fte_2023"]
    return sum_checks(CHAPTER, get, STAFF, columns, {"label": TOTAL})


@identity(CHAPTER)
def staff_changes(get: Getter) -> list[Check]:
    """The printed percent changes of headcount and FTEs against the change of the printed counts.

    Both are ``share`` checks. Headcounts are whole persons, so their change is known exactly (the
    range is a point). FTEs are printed rounded to whole FTEs, so the change they allow is a range
    (:func:`pct_change_range`)."""
    frame = get(STAFF)
    out = []
    for _, row in frame.iterrows():
        code = area_code(row["label"])
        line = str(int(row["source_line"]))
        old, new = float(row["headcount_2022"]), float(row["headcount_2023"])
        exact = pct_change(old, new)
        out.append(
            _check(
                f"{STAFF}.headcount_change_pct.{code}",
                f"Change in headcount, December 2022 to 2023: {row['label']}",
                row["headcount_change_pct"],
                exact,
                STAFF,
                line,
                "percent",
                1,
                kind=SHARE,
                bounds=(exact, exact),
            )
        )
        old, new = float(row["fte_2022"]), float(row["fte_2023"])
        out.append(
            _check(
                f"{STAFF}.fte_change_pct.{code}",
                f"Change in FTEs, December 2022 to 2023: {row['label']}",
                row["fte_change_pct"],
                pct_change(old, new),
                STAFF,
                line,
                "percent",
                1,
                kind=SHARE,
                bounds=pct_change_range(old, new),
            )
        )
    return out


@identity(CHAPTER)
def staff_across_tables(get: Getter) -> list[Check]:
    """The same head counts in the staffing table, the gender/age tables, the job-group table and
    the running text (restatements: the same quantity printed again)."""
    staff = get(STAFF)
    total = row_of(staff, label=TOTAL)
    ages = get(GENDER_AGE)
    jobs = get(JOB_GROUPS)
    permanent = row_of(ages, staff_group="permanent", label="Totalt")
    temporary = row_of(ages, staff_group="temporary", label="Totalt")
    part_time = row_of(ages, staff_group="permanent_part_time", label="Totalt")
    job_total = row_of(jobs, label=TOTAL)
    staff_line = str(int(total["source_line"]))
    out = [
        _check(
            f"{GENDER_AGE}.permanent.total_count.vs_staff_table",
            "Permanent employees, December 2023: gender/age table = staffing table",
            permanent["total_count"],
            total["headcount_2023"],
            GENDER_AGE,
            f"{int(permanent['source_line'])}, {staff_line}",
            "persons",
            0,
            kind=RESTATEMENT,
        ),
    ]
    for gender, column_jobs, column_ages in (
        ("women", "headcount_women", "women_count"),
        ("men", "headcount_men", "men_count"),
        ("all", "headcount_total", "total_count"),
    ):
        out.append(
            _check(
                f"{JOB_GROUPS}.{column_jobs}.vs_gender_age",
                f"Employees by job group ({gender}) = permanent employees in the gender/age table",
                job_total[column_jobs],
                permanent[column_ages],
                JOB_GROUPS,
                f"{int(job_total['source_line'])}, {int(permanent['source_line'])}",
                "persons",
                0,
                kind=RESTATEMENT,
            )
        )
    for label, printed_frame_value, unit, what in (
        ("permanent_employees_end_2023", total["headcount_2023"], "persons",
         "Text: permanent employees at the end of 2023 = staffing table"),
        ("permanent_fte_end_2023", total["fte_2023"], "FTE",
         "Text: permanent FTEs at the end of 2023 = staffing table"),
        ("permanent_employees_dec_2023", permanent["total_count"], "persons",
         "Text: permanent employees, December 2023 = gender/age table"),
        ("temporary_employees_dec_2023", temporary["total_count"], "persons",
         "Text: temporary employees, December 2023 = gender/age table"),
        ("part_time_employees_dec_2023", part_time["total_count"], "persons",
         "Text: employees working part time (the text says all, «ansatte») = part-time table (permanent only)"),
    ):  # fmt: skip
        value, line = prose(get, label)
        out.append(
            _check(f"{PROSE}.{label}", what, value, printed_frame_value, PROSE, str(line), unit, 0, kind=RESTATEMENT)
        )
    value, line = prose(get, "fte_increase_2023_vs_2022")
    out.append(
        _check(
            f"{PROSE}.fte_increase_2023_vs_2022",
            "Text: increase in FTEs 2022 to 2023 = change of the printed totals",
            value,
            pct_change(total["fte_2022"], total["fte_2023"]),
            PROSE,
            str(line),
            "percent",
            1,
            kind=SHARE,
            bounds=pct_change_range(total["fte_2022"], total["fte_2023"]),
        )
    )
    return out


@identity(CHAPTER)
def position_size(get: Getter) -> list[Check]:
    """Average position size against FTEs ÷ headcount, and the full-time share against the part-time
    count: both rest on definitions the report does not give (estimates)."""
    shares = get(FULL_TIME)
    staff = get(STAFF)
    total = row_of(staff, label=TOTAL)
    out = []
    for year in ("2022", "2023"):
        row = row_of(shares, label=year)
        out.append(
            _estimate(
                f"{FULL_TIME}.avg_position_size_pct.{year}.vs_fte_per_head",
                f"Average position size {year} ≈ FTEs ÷ headcount (staffing table)",
                row["avg_position_size_pct"],
                pct(total[f"fte_{year}"], total[f"headcount_{year}"]),
                FULL_TIME,
                f"{int(row['source_line'])}, {int(total['source_line'])}",
                "percent",
                2,
            )
        )
    part_time = row_of(get(GENDER_AGE), staff_group="permanent_part_time", label="Totalt")
    row = row_of(shares, label="2023")
    out.append(
        _estimate(
            f"{FULL_TIME}.full_time_share_pct.2023.vs_part_time_count",
            "Full-time share 2023 ≈ 1 − permanent part-time employees ÷ permanent employees",
            row["full_time_share_pct"],
            100 - pct(part_time["total_count"], total["headcount_2023"]),
            FULL_TIME,
            f"{int(row['source_line'])}, {int(part_time['source_line'])}",
            "percent",
            2,
        )
    )
    return out


# ---------------------------------------------------------------------------------------------
# Sick leave and turnover: the organisation-wide rates against the areas, and the text.


def _weighted(values: pd.Series, weights: pd.Series) -> float:
    return float((values * weights).sum() / weights.sum())


def _with_staff(get: Getter, table: str) -> pd.DataFrame:
    """The item rows of ``table`` joined with the staffing table on the programme-area code."""
    frame = items(get(table)).assign(code=lambda f: f["label"].map(area_code))
    staff = items(get(STAFF)).assign(code=lambda f: f["label"].map(area_code))
    columns = ["code", "headcount_2022", "fte_2022", "headcount_2023", "fte_2023"]
    return frame.merge(staff[columns], on="code", how="left", validate="one_to_one")


def women_share_all_staff(get: Getter) -> float:
    """Women as a percentage of permanent and temporary employees, December 2023 (gender/age tables)."""
    ages = get(GENDER_AGE)
    permanent = row_of(ages, staff_group="permanent", label="Totalt")
    temporary = row_of(ages, staff_group="temporary", label="Totalt")
    return pct(permanent["women_count"] + temporary["women_count"], permanent["total_count"] + temporary["total_count"])


@identity(CHAPTER)
def sick_leave(get: Getter) -> list[Check]:
    """Sick leave: the Totalsum row against the FTE-weighted average of the areas and the annual rate
    against the quarters (estimates: the report prints no weights), the quarterly totals against
    women's and men's rates weighted by the staff's gender shares (estimates), and the text."""
    frame = get(SICK)
    total = row_of(frame, label=TOTAL)
    joined = _with_staff(get, SICK)
    out = []
    for column, weight, what in (
        ("sick_leave_2022_pct", "fte_2022", "Sick leave 2022, all areas"),
        ("sick_leave_2023_pct", "fte_2023", "Sick leave 2023, all areas"),
        ("target_2023_pct", "fte_2023", "Target 2023, all areas"),
    ):
        out.append(
            _estimate(
                f"{SICK}.{column}.{TOTAL.lower()}.weighted",
                f"{what} ≈ average of the areas weighted by permanent FTEs",
                total[column],
                _weighted(joined[column], joined[weight]),
                SICK,
                lines_of(SICK),
                "percent",
                1,
            )
        )
    quarters = get(SICK_Q)
    qcols = ["q1_pct", "q2_pct", "q3_pct", "q4_pct"]
    drammen = row_of(quarters, population="drammen", label=TOTAL)
    out.append(
        _estimate(
            f"{SICK}.sick_leave_2023_pct.{TOTAL.lower()}.vs_quarters",
            "Sick leave 2023 ≈ mean of the four quarterly rates",
            total["sick_leave_2023_pct"],
            float(drammen[qcols].astype(float).mean()),
            SICK,
            f"{int(total['source_line'])}, {int(drammen['source_line'])}",
            "percent",
            1,
        )
    )
    women_share = women_share_all_staff(get) / 100
    women = row_of(quarters, population="drammen", label="Kvinne")
    men = row_of(quarters, population="drammen", label="Mann")
    for number, column in enumerate(qcols, start=1):
        out.append(
            _estimate(
                f"{SICK_Q}.drammen.{column}.vs_gender_weighted",
                f"Sick leave, quarter {number}, all ≈ women's and men's rates weighted by the staff's gender shares",
                drammen[column],
                women_share * women[column] + (1 - women_share) * men[column],
                SICK_Q,
                f"{int(women['source_line'])}–{int(drammen['source_line'])}",
                "percent",
                1,
            )
        )
    value, line = prose(get, "sick_leave_total_2023")
    out.append(
        _check(
            f"{PROSE}.sick_leave_total_2023",
            "Text: sick leave 2023 = table total",
            value,
            total["sick_leave_2023_pct"],
            PROSE,
            str(line),
            "percent",
            1,
            kind=RESTATEMENT,
        )
    )
    value, line = prose(get, "sick_leave_decrease_from_2022")
    out.append(
        _check(
            f"{PROSE}.sick_leave_decrease_from_2022",
            "Text: decrease in sick leave from 2022 = 2022 rate − 2023 rate (percentage points)",
            value,
            total["sick_leave_2022_pct"] - total["sick_leave_2023_pct"],
            PROSE,
            str(line),
            "percentage points",
            1,
        )
    )
    return out


@identity(CHAPTER)
def turnover(get: Getter) -> list[Check]:
    """Turnover: the Totalsum row against the headcount-weighted average of the areas (estimates),
    and the text's restatements."""
    frame = get(TURNOVER)
    total = row_of(frame, label=TOTAL)
    joined = _with_staff(get, TURNOVER)
    out = []
    for year in ("2022", "2023"):
        column = f"turnover_{year}_pct"
        out.append(
            _estimate(
                f"{TURNOVER}.{column}.{TOTAL.lower()}.weighted",
                f"Turnover {year}, all areas ≈ average of the areas weighted by permanent headcount",
                total[column],
                _weighted(joined[column], joined[f"headcount_{year}"]),
                TURNOVER,
                lines_of(TURNOVER),
                "percent",
                1,
            )
        )
    for year, label in (("2023", "turnover_2023"), ("2022", "turnover_2022")):
        value, line = prose(get, label)
        decimals = 0 if value == int(value) and year == "2022" else 1
        out.append(
            _check(
                f"{PROSE}.{label}",
                f"Text: turnover {year} = table total",
                value,
                total[f"turnover_{year}_pct"],
                PROSE,
                str(line),
                "percent",
                decimals,
                kind=RESTATEMENT,
            )
        )
    return out


def flows(get: Getter) -> dict[str, float]:
    """The year's flows of permanent staff the printed figures imply (all derived): leavers if the
    2023 turnover rate applied to the average permanent headcount, the net change in permanent
    headcount, the permanent hires printed, and the leavers and rate that hires and net change imply."""
    staff = row_of(get(STAFF), label=TOTAL)
    rate = row_of(get(TURNOVER), label=TOTAL)["turnover_2023_pct"]
    hires = row_of(get(HIRES), label="Totalt")["hires_2023"]
    average = (staff["headcount_2022"] + staff["headcount_2023"]) / 2
    net = staff["headcount_2023"] - staff["headcount_2022"]
    implied_leavers = hires - net
    return {
        "rate": float(rate),
        "average_headcount": float(average),
        "leavers_at_rate": float(rate / 100 * average),
        "net_change": float(net),
        "hires": float(hires),
        "implied_leavers": float(implied_leavers),
        "implied_rate": pct(implied_leavers, average),
        "hires_needed": float(rate / 100 * average + net),
        "other_entries": float(rate / 100 * average + net - hires),
    }


@identity(CHAPTER)
def staff_flows(get: Getter) -> list[Check]:
    """The turnover rate against the leavers implied by permanent hires and the net change in
    permanent staff: a bridge the report never draws (estimate)."""
    flow = flows(get)
    staff = row_of(get(STAFF), label=TOTAL)
    turn = row_of(get(TURNOVER), label=TOTAL)
    hires = row_of(get(HIRES), label="Totalt")
    return [
        _estimate(
            f"{TURNOVER}.turnover_2023_pct.vs_hires_and_net_change",
            "Turnover 2023 ≈ (permanent hires − net change in permanent staff) ÷ average permanent staff",
            turn["turnover_2023_pct"],
            flow["implied_rate"],
            TURNOVER,
            f"{int(turn['source_line'])}, {int(staff['source_line'])}, {int(hires['source_line'])}",
            "percent",
            1,
        )
    ]


# ---------------------------------------------------------------------------------------------
# Hiring, overtime and breaches of the working-time rules.


@identity(CHAPTER)
def hires_totals(get: Getter) -> list[Check]:
    """New permanent hires: Totalt against the sum of the months, each year."""
    columns = ["hires_2020", "hires_2021", "hires_2022", "hires_2023"]
    return sum_checks(CHAPTER, get, HIRES, columns, {"label": "Totalt"})


@identity(CHAPTER)
def overtime(get: Getter) -> list[Check]:
    """Overtime hours: Totalsum against the areas; the text's total and its split by employment type."""
    out = sum_checks(CHAPTER, get, OVERTIME, ["overtime_hours_2022", "overtime_hours_2023"], {"label": TOTAL})
    total = row_of(get(OVERTIME), label=TOTAL)
    value, line = prose(get, "overtime_hours_total_2023")
    out.append(
        _check(
            f"{PROSE}.overtime_hours_total_2023",
            "Text: overtime hours 2023 = table total",
            value,
            total["overtime_hours_2023"],
            PROSE,
            str(line),
            "hours",
            0,
            kind=RESTATEMENT,
        )
    )
    parts = sum(prose_value(get, label) for label in OVERTIME_SPLIT)
    out.append(
        _check(
            f"{PROSE}.overtime_hours_total_2023.split",
            "Text: overtime hours 2023 = permanent + temporary + other employment types",
            value,
            parts,
            PROSE,
            f"{line}–{line + 1}",
            "hours",
            0,
            terms=len(OVERTIME_SPLIT),
        )
    )
    return out


@identity(CHAPTER)
def breaches(get: Getter) -> list[Check]:
    """Breaches of the working-time rules: each table's Totalsum against its rows, and the two
    tables' totals against each other."""
    out = sum_checks(CHAPTER, get, BREACH_TYPE, ["breaches_2021", "breaches_2022", "breaches_2023"], {"label": TOTAL})
    out += sum_checks(CHAPTER, get, BREACH_AREA, ["breaches_2022", "breaches_2023"], {"label": TOTAL})
    by_type = row_of(get(BREACH_TYPE), label=TOTAL)
    by_area = row_of(get(BREACH_AREA), label=TOTAL)
    hours = row_of(get(OVERTIME), label=TOTAL)
    out.append(
        _estimate(
            f"{BREACH_AREA}.breaches_2023.at_overtime_growth",
            "Breaches 2023 ≈ breaches 2022 grown at the rate of overtime hours (the book's reading of 'in step')",
            by_area["breaches_2023"],
            by_area["breaches_2022"] * hours["overtime_hours_2023"] / hours["overtime_hours_2022"],
            BREACH_AREA,
            f"{int(by_area['source_line'])}, {int(hours['source_line'])}",
            "count",
            0,
        )
    )
    for year in ("2022", "2023"):
        column = f"breaches_{year}"
        out.append(
            _check(
                f"{BREACH_AREA}.{column}.vs_by_type",
                f"Breaches {year}: total by programme area = total by type of breach",
                by_area[column],
                by_type[column],
                BREACH_AREA,
                f"{int(by_area['source_line'])}, {int(by_type['source_line'])}",
                "count",
                0,
                kind=RESTATEMENT,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Gender and age.


def _group(frame: pd.DataFrame, staff_group: str) -> pd.DataFrame:
    return frame[frame["staff_group"] == staff_group]


def _count(row, column: str) -> float:
    return 0.0 if row is None or pd.isna(row[column]) else float(row[column])


@identity(CHAPTER)
def gender_age_counts(get: Getter) -> list[Check]:
    """The counts of the three gender/age tables: age groups add up to Totalt, women + men = total."""
    frame = get(GENDER_AGE)
    out = []
    for group, name in STAFF_GROUPS.items():
        rows = _group(frame, group)
        total = row_of(rows, label="Totalt")
        for gender in GENDER_COLUMNS:
            column = f"{gender}_count"
            out.append(
                _check(
                    f"{GENDER_AGE}.{group}.sum.{column}",
                    f"Totalt = sum of the age groups ({name}, {GENDER_COLUMNS[gender].lower()})",
                    total[column],
                    items(rows)[column].fillna(0).sum(),
                    GENDER_AGE,
                    lines_of(GENDER_AGE, frame, frame["staff_group"] == group),
                    "persons",
                    0,
                    terms=len(items(rows)),
                )
            )
        for _, row in rows.iterrows():
            if pd.isna(row["total_count"]) and pd.isna(row["women_count"]) and pd.isna(row["men_count"]):
                continue  # an empty row (printed '-' throughout): nothing to add up
            out.append(
                _check(
                    f"{GENDER_AGE}.{group}.women_plus_men.{slug(row['label'])}",
                    f"Women + men = total ({name}, {row['label']})",
                    _count(row, "total_count"),
                    _count(row, "women_count") + _count(row, "men_count"),
                    GENDER_AGE,
                    str(int(row["source_line"])),
                    "persons",
                    0,
                )
            )
    return out


@identity(CHAPTER)
def part_time_subset(get: Getter) -> list[Check]:
    """Permanent part-time employees are permanent employees (the part-time table's title says so):
    in every gender × age cell the part-time count cannot exceed the permanent count. An age group
    one table leaves out counts as none there."""
    frame = get(GENDER_AGE)
    permanent = items(_group(frame, "permanent")).set_index("label")
    part_time = items(_group(frame, "permanent_part_time")).set_index("label")
    labels = list(permanent.index) + [label for label in part_time.index if label not in permanent.index]
    out = []
    for label in labels:
        full = permanent.loc[label] if label in permanent.index else None
        part = part_time.loc[label] if label in part_time.index else None
        lines = ", ".join(str(int(r["source_line"])) for r in (part, full) if r is not None)
        for gender, header in GENDER_COLUMNS.items():
            column = f"{gender}_count"
            out.append(
                _claim(
                    f"{GENDER_AGE}.permanent_part_time.within_permanent.{gender}.{slug(label)}",
                    f"Table title: permanent part-time {header.lower()} ≤ permanent {header.lower()} ({label})",
                    _count(part, column) <= _count(full, column),
                    GENDER_AGE,
                    lines,
                )
            )
    return out


@identity(CHAPTER)
def gender_age_shares(get: Getter) -> list[Check]:
    """Every printed percentage of the gender/age tables against count ÷ the group's total (a share
    of exact counts), and the printed percentages against each other (women % + men % = total %,
    age groups add up to Totalt %: sums of printed shares)."""
    frame = get(GENDER_AGE)
    out = []
    for group, name in STAFF_GROUPS.items():
        rows = _group(frame, group)
        grand = float(row_of(rows, label="Totalt")["total_count"])
        for _, row in rows.iterrows():
            line = str(int(row["source_line"]))
            for gender, header in GENDER_COLUMNS.items():
                printed = row[f"{gender}_pct"]
                if pd.isna(printed):
                    continue  # printed '-'
                count = _count(row, f"{gender}_count")
                out.append(
                    _check(
                        f"{GENDER_AGE}.{group}.share.{gender}.{slug(row['label'])}",
                        f"{header} share = count ÷ all {name} ({row['label']})",
                        printed,
                        pct(count, grand),
                        GENDER_AGE,
                        line,
                        "percent",
                        1,
                        kind=SHARE,
                        bounds=exact_share(count, grand),
                    )
                )
            women, men, total = (row[f"{g}_pct"] for g in GENDER_COLUMNS)
            out.append(
                _check(
                    f"{GENDER_AGE}.{group}.pct_women_plus_men.{slug(row['label'])}",
                    f"Women % + men % = total % ({name}, {row['label']})",
                    total,
                    sum(0.0 if pd.isna(v) else float(v) for v in (women, men)),
                    GENDER_AGE,
                    line,
                    "percent",
                    1,
                )
            )
        total_row = row_of(rows, label="Totalt")
        for gender, header in GENDER_COLUMNS.items():
            column = f"{gender}_pct"
            parts = items(rows)[column]
            out.append(
                _check(
                    f"{GENDER_AGE}.{group}.sum.{column}",
                    f"Totalt % = sum of the age groups ({name}, {header.lower()})",
                    total_row[column],
                    float(parts.fillna(0).sum()),
                    GENDER_AGE,
                    str(int(total_row["source_line"])),
                    "percent",
                    1,
                    terms=int(parts.notna().sum()),
                )
            )
    return out


PROSE_SHARES = {
    "permanent_women_share_dec_2023": "women's share of permanent employees",
    "permanent_men_share_dec_2023": "men's share of permanent employees",
    "women_share_2023_permanent_and_temporary": "women's share of permanent and temporary employees",
    "men_share_2023_permanent_and_temporary": "men's share of permanent and temporary employees",
    "temporary_women_share_dec_2023": "women's share of temporary employees",
    "temporary_men_share_dec_2023": "men's share of temporary employees",
    "part_time_permanent_women_share": "women's share of permanent part-time employees",
    "part_time_permanent_men_share": "men's share of permanent part-time employees",
}


def implied_women_share(avg_women: float, avg_men: float, avg_all: float) -> float:
    """The women's share (in %) that makes ``avg_all`` the weighted mean of ``avg_women`` and ``avg_men``."""
    return 100.0 * (avg_men - avg_all) / (avg_men - avg_women)


# Plain words for the rate columns and populations a check's label names (no internal column names).
RATE_COLUMN_WORDS = {
    **{f"q{q}_pct": f"Sick leave, quarter {q}" for q in range(1, 5)},
    **{f"turnover_{year}_pct": f"Turnover {year}" for year in range(2020, 2024)},
}
POPULATION_WORDS = {"drammen": "Drammen", "municipal_sector": "municipal sector"}


@identity(CHAPTER)
def rate_totals_within_their_rows(get: Getter) -> list[Check]:
    """A rate's total row (sick leave by quarter, turnover by year) is a weighted average of its rows,
    so it lies between their smallest and largest rate, each rounded to half a unit either way. The
    weights are not printed for every column, so this is the check every printed total of these
    percentage columns can get; where head counts are printed, the weighted estimates go further."""
    out = []
    quarters = ("q1_pct", "q2_pct", "q3_pct", "q4_pct")
    groups = [(SICK_Q, population, quarters) for population in ("drammen", "municipal_sector")]
    groups.append((TURNOVER, None, tuple(f"turnover_{year}_pct" for year in range(2020, 2024))))
    for table, population, columns in groups:
        frame = get(table)
        if population is not None:
            frame = frame[frame["population"] == population]
        rows, total = frame[frame["row_kind"] == "item"], row_of(frame, label=TOTAL)
        for column in columns:
            half = 0.5 * 10.0 ** -decimals_of(table, column)
            low, high = float(rows[column].min()) - half, float(rows[column].max()) + half
            printed = float(total[column])
            out.append(
                _check(
                    f"{table}.{population + '.' if population else ''}{column}.total_within_rows",
                    f"{RATE_COLUMN_WORDS[column]}{', ' + POPULATION_WORDS[population] if population else ''}: "
                    "the total row's rate lies between its rows' rates (a weighted average of them)",
                    printed,
                    min(max(printed, low), high),
                    table,
                    f"{int(total['source_line'])}; {int(rows['source_line'].min())}–{int(rows['source_line'].max())}",
                    "percent",
                    decimals_of(table, column),
                    kind=SHARE,
                    bounds=(low, high),
                )
            )
    return out


@identity(CHAPTER)
def gender_shares_prose(get: Getter) -> list[Check]:
    """The women's and men's shares the text states: against the table's printed share where the text
    restates it at the same precision, against the counts where the text is finer or has no table."""
    ages = get(GENDER_AGE)
    permanent = row_of(ages, staff_group="permanent", label="Totalt")
    temporary = row_of(ages, staff_group="temporary", label="Totalt")
    part_time = row_of(ages, staff_group="permanent_part_time", label="Totalt")
    pay = row_of(get(PAY_TOTAL), label="Gjennomsnitt av Årslønn")
    both_women = permanent["women_count"] + temporary["women_count"]
    both = permanent["total_count"] + temporary["total_count"]
    out = []
    # (prose label, table row, column): the text restates the table's printed share
    for label, row, column in (
        ("permanent_women_share_dec_2023", permanent, "women_pct"),
        ("temporary_women_share_dec_2023", temporary, "women_pct"),
        ("part_time_permanent_women_share", part_time, "women_pct"),
        ("part_time_permanent_men_share", part_time, "men_pct"),
    ):
        value, line = prose(get, label)
        out.append(
            _check(
                f"{PROSE}.{label}",
                f"Text: {PROSE_SHARES[label]} = the table's printed share",
                value,
                row[column],
                PROSE,
                f"{line}, {int(row['source_line'])}",
                "percent",
                1,
                kind=RESTATEMENT,
            )
        )
    # (prose label, part, whole, decimals): the text's share against the counts
    for label, part, whole, decimals in (
        ("permanent_men_share_dec_2023", permanent["men_count"], permanent["total_count"], 2),
        ("temporary_men_share_dec_2023", temporary["men_count"], temporary["total_count"], 2),
        # The women's shares are graded as the men's are: against the counts, not only the table's %.
        ("permanent_women_share_dec_2023.vs_counts", permanent["women_count"], permanent["total_count"], 1),
        ("temporary_women_share_dec_2023.vs_counts", temporary["women_count"], temporary["total_count"], 1),
        ("women_share_2023_permanent_and_temporary", both_women, both, 1),
        ("men_share_2023_permanent_and_temporary", both - both_women, both, 1),
    ):
        value, line = prose(get, label.removesuffix(".vs_counts"))
        out.append(
            _check(
                f"{PROSE}.{label}",
                f"Text: {PROSE_SHARES[label.removesuffix('.vs_counts')]} = share from the counts",
                value,
                pct(part, whole),
                PROSE,
                str(line),
                "percent",
                decimals,
                kind=SHARE,
                bounds=exact_share(part, whole),
            )
        )
    value, line = prose(get, "permanent_men_share_dec_2023")
    out.append(
        _estimate(
            f"{PROSE}.permanent_men_share_dec_2023.vs_pay_average",
            "Text: men's share of permanent staff ≈ share implied by the average pay of women, men and all",
            value,
            100 - implied_women_share(pay["avg_pay_women"], pay["avg_pay_men"], pay["avg_pay_all"]),
            PROSE,
            f"{line}, {int(pay['source_line'])}",
            "percent",
            2,
        )
    )
    for kind, women_label, men_label in (
        ("2022", "women_share_2022", "men_share_2022"),
        ("2023_permanent_and_temporary", "women_share_2023_permanent_and_temporary",
         "men_share_2023_permanent_and_temporary"),
        ("permanent_dec_2023", "permanent_women_share_dec_2023", "permanent_men_share_dec_2023"),
        ("temporary_dec_2023", "temporary_women_share_dec_2023", "temporary_men_share_dec_2023"),
        ("part_time", "part_time_permanent_women_share", "part_time_permanent_men_share"),
    ):  # fmt: skip
        women, line = prose(get, women_label)
        men, men_line = prose(get, men_label)
        out.append(
            _check(
                f"{PROSE}.{women_label}.complement",
                f"Text: women's share = 100 % − men's share ({kind.replace('_', ' ')})",
                women,
                100 - men,
                PROSE,
                str(line) if line == men_line else f"{line}–{men_line}",
                "percent",
                1,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Job groups and pay.


@identity(CHAPTER)
def job_group_counts(get: Getter) -> list[Check]:
    """Employees by job group: Totalsum against the groups, and women + men = all in every row."""
    out = sum_checks(CHAPTER, get, JOB_GROUPS, ["headcount_women", "headcount_men", "headcount_total"],
                     {"label": TOTAL})  # fmt: skip
    for _, row in get(JOB_GROUPS).iterrows():
        out.append(
            _check(
                f"{JOB_GROUPS}.women_plus_men.{slug(job_group_key(row['label']))[:40]}",
                f"Women + men = all: {row['label']}",
                row["headcount_total"],
                row["headcount_women"] + row["headcount_men"],
                JOB_GROUPS,
                str(int(row["source_line"])),
                "persons",
                0,
            )
        )
    return out


def pay_with_counts(get: Getter) -> pd.DataFrame:
    """The pay table joined row by row with the head counts of the job-group table."""
    pay = get(PAY).assign(key=lambda f: f["label"].map(job_group_key))
    counts = items(get(JOB_GROUPS)).assign(key=lambda f: f["label"].map(job_group_key))
    columns = ["key", "headcount_women", "headcount_men", "headcount_total", "source_line"]
    joined = pay.merge(counts[columns], on="key", how="left", validate="one_to_one", suffixes=("", "_counts"))
    if joined["headcount_total"].isna().any():
        raise KeyError(f"job groups without head counts: {list(joined.loc[joined['headcount_total'].isna(), 'label'])}")
    return joined


@identity(CHAPTER)
def pay_weighted(get: Getter) -> list[Check]:
    """Average pay weighted by head counts: each job group's average for all against the women's and
    men's averages, the organisation-wide averages against the job groups and against each other.
    The report never says the pay averages and the head counts cover the same people or are weighted
    so: every one of these is an estimate."""
    joined = pay_with_counts(get)
    out = []
    for _, row in joined.iterrows():
        weighted = (row["avg_pay_women"] * row["headcount_women"] + row["avg_pay_men"] * row["headcount_men"]) / row[
            "headcount_total"
        ]
        out.append(
            _estimate(
                f"{PAY}.avg_pay_total.{slug(row['key'])[:40]}.weighted",
                f"Average pay, all ≈ women's and men's averages weighted by head count: {row['label']}",
                row["avg_pay_total"],
                weighted,
                PAY,
                f"{int(row['source_line'])}, {int(row['source_line_counts'])}",
                "NOK per year",
                0,
            )
        )
    total = row_of(get(PAY_TOTAL), label="Gjennomsnitt av Årslønn")
    count_total = row_of(get(JOB_GROUPS), label=TOTAL)
    lines = f"{lines_of(PAY)}, {int(total['source_line'])}"
    for column_total, column_pay, column_count, who in (
        ("avg_pay_women", "avg_pay_women", "headcount_women", "women"),
        ("avg_pay_men", "avg_pay_men", "headcount_men", "men"),
        ("avg_pay_all", "avg_pay_total", "headcount_total", "all employees"),
    ):
        out.append(
            _estimate(
                f"{PAY_TOTAL}.{column_total}.vs_job_groups",
                f"Organisation-wide average pay ({who}) ≈ job groups' averages weighted by head count",
                total[column_total],
                float((joined[column_pay] * joined[column_count]).sum() / joined[column_count].sum()),
                PAY_TOTAL,
                lines,
                "NOK per year",
                0,
            )
        )
    weighted = (
        total["avg_pay_women"] * count_total["headcount_women"] + total["avg_pay_men"] * count_total["headcount_men"]
    ) / count_total["headcount_total"]
    out.append(
        _estimate(
            f"{PAY_TOTAL}.avg_pay_all.weighted",
            "Organisation-wide average pay, all ≈ women's and men's averages weighted by head count",
            total["avg_pay_all"],
            weighted,
            PAY_TOTAL,
            f"{int(total['source_line'])}, {int(count_total['source_line'])}",
            "NOK per year",
            0,
        )
    )
    return out


# ---------------------------------------------------------------------------------------------
# What the text claims about trends and comparisons.


def top_codes(frame: pd.DataFrame, column: str, n: int) -> list[str]:
    """The area codes of the ``n`` largest values of ``column`` among the item rows."""
    ranked = items(frame).assign(code=lambda f: f["label"].map(area_code))
    ranked = ranked.sort_values([column, "code"], ascending=[False, True], kind="stable")
    return list(ranked["code"].head(n))


def temporary_share_by_age(get: Getter) -> pd.DataFrame:
    """Per age group, temporary employees as a share of permanent + temporary (derived)."""
    frame = get(GENDER_AGE)
    permanent = items(_group(frame, "permanent")).set_index("label")["total_count"].fillna(0)
    temporary = items(_group(frame, "temporary")).set_index("label")["total_count"].fillna(0)
    both = permanent + temporary
    out = pd.DataFrame({"permanent": permanent, "temporary": temporary, "both": both})
    out["temporary_share_pct"] = [pct(t, b) if b else float("nan") for t, b in zip(temporary, both, strict=True)]
    return out.reset_index()


def turnover_changes(get: Getter) -> pd.Series:
    """Change in turnover 2022 to 2023 by area code, in percentage points."""
    turn = items(get(TURNOVER)).assign(code=lambda f: f["label"].map(area_code))
    return (turn["turnover_2023_pct"] - turn["turnover_2022_pct"]).set_axis(turn["code"])


def sick_leave_rose(get: Getter) -> list[str]:
    """Codes of the areas whose sick leave rose from 2022 to 2023."""
    sick = items(get(SICK))
    return list(sick.loc[sick["sick_leave_2023_pct"] > sick["sick_leave_2022_pct"], "label"].map(area_code))


def breach_and_overtime_change(get: Getter) -> tuple[float, float]:
    """Percent change 2022 to 2023 of breaches and of overtime hours (totals)."""
    br = row_of(get(BREACH_AREA), label=TOTAL)
    ot = row_of(get(OVERTIME), label=TOTAL)
    return (
        pct_change(br["breaches_2022"], br["breaches_2023"]),
        pct_change(ot["overtime_hours_2022"], ot["overtime_hours_2023"]),
    )


@identity(CHAPTER)
def prose_claims(get: Getter) -> list[Check]:
    """The text's claims about trends and comparisons, held against the tables. One comparison the
    printed figures cannot settle (turnover against the sector: other years, other staff) is an
    estimate, not a claim the book grades."""
    out = []
    staff = get(STAFF)
    out.append(
        _claim(
            f"{STAFF}.claim.largest_increase",
            "Text: the largest increases in staffing were in P03, P05 and P12",
            set(top_codes(staff, "fte_change_pct", 3)) == {"P03", "P05", "P12"},
            STAFF,
            "3708–3710",
        )
    )
    shares = get(FULL_TIME)
    y22, y23 = row_of(shares, label="2022"), row_of(shares, label="2023")
    out.append(
        _claim(
            f"{FULL_TIME}.claim.full_time_share_rose",
            "Text: the full-time share rose in 2023",
            y23["full_time_share_pct"] > y22["full_time_share_pct"],
            FULL_TIME,
            "3720",
        )
    )
    out.append(
        _claim(
            f"{FULL_TIME}.claim.avg_position_size_rose",
            "Text: the average position size rose in 2023",
            # Only a higher printed 2023 figure bears out a rise. A tie fails the check, though a rise under
            # half the table's effective tenth would print as one: its finding (an inconsistency) says so.
            y23["avg_position_size_pct"] > y22["avg_position_size_pct"],
            FULL_TIME,
            "3720",
        )
    )
    total = row_of(get(SICK), label=TOTAL)
    out.append(
        _claim(
            f"{SICK}.claim.slight_fall_some_areas_up",
            "Text: total sick leave fell slightly in 2023 although some areas rose",
            total["sick_leave_2023_pct"] < total["sick_leave_2022_pct"] and len(sick_leave_rose(get)) > 0,
            SICK,
            "3767–3768",
        )
    )
    quarters = get(SICK_Q)
    qcols = ["q1_pct", "q2_pct", "q3_pct", "q4_pct"]
    drammen = row_of(quarters, population="drammen", label=TOTAL)[qcols].astype(float)
    sector = row_of(quarters, population="municipal_sector", label=TOTAL)[qcols].astype(float)
    out.append(
        _claim(
            f"{SICK_Q}.claim.above_sector",
            "Text: Drammen's sick leave is throughout somewhat above the municipal sector",
            bool((drammen - sector > 0).all()),
            SICK_Q,
            "3820–3821",
        )
    )
    change = turnover_changes(get).sort_values(ascending=False, kind="stable")
    out.append(
        _claim(
            f"{TURNOVER}.claim.largest_increase",
            "Text: turnover rose most in P07 and P11",
            set(change.index[:2]) == {"P07", "P11"},
            TURNOVER,
            "3892–3893",
        )
    )
    out.append(
        _claim(
            f"{TURNOVER}.claim.fell_p03_p14",
            "Text: turnover fell in P03 and P14–P19",
            bool(change["P03"] < 0 and change["P14-P19"] < 0),
            TURNOVER,
            "3893–3894",
        )
    )
    turn = row_of(get(TURNOVER), label=TOTAL)
    out.append(
        # The report states it outright (line 3899); the one year both are printed for is 2022 (the sector's
        # without hourly paid staff, line 3898, against Drammen's 2022 in the table), so it is graded there.
        _claim(
            f"{TURNOVER}.claim.above_sector",
            "Text: Drammen's turnover is higher than the municipal sector's (2022, the one year both are printed "
            "for: Drammen's table against the sector without hourly paid staff)",
            turn["turnover_2022_pct"] > prose_value(get, "municipal_sector_turnover_2022_excl_hourly_paid"),
            TURNOVER,
            "3899; 3898; 3937",
        )
    )
    ot = row_of(get(OVERTIME), label=TOTAL)
    out.append(
        _claim(
            f"{OVERTIME}.claim.rose",
            "Text: overtime rose in 2023",
            ot["overtime_hours_2023"] > ot["overtime_hours_2022"],
            OVERTIME,
            "4044",
        )
    )
    breach_change, overtime_change = breach_and_overtime_change(get)
    out.append(
        _claim(
            f"{BREACH_AREA}.claim.rose_with_overtime",
            "Text: breaches rose in step with overtime (read as: by the same percentage, to the whole per cent)",
            breach_change > 0 and overtime_change > 0 and round(breach_change) == round(overtime_change),
            BREACH_AREA,
            "4116",
        )
    )
    out.append(
        _claim(
            f"{BREACH_AREA}.claim.most_in_rota_services",
            "Text: most breaches are in the rota-based services",
            top_codes(get(BREACH_AREA), "breaches_2023", 1) == ["P06"],
            BREACH_AREA,
            "4121",
        )
    )
    young = temporary_share_by_age(get)
    young = young[young["both"] > 0]
    out.append(
        _claim(
            f"{GENDER_AGE}.claim.temporary_younger",
            "Text: counting temporary staff matters most in the younger age groups",
            bool(young["temporary_share_pct"].is_monotonic_decreasing),
            GENDER_AGE,
            "4225–4227",
        )
    )
    permanent = items(_group(get(GENDER_AGE), "permanent")).fillna({"women_count": 0, "men_count": 0})
    staffed = permanent[(permanent["women_count"] + permanent["men_count"]) > 0]
    out.append(
        _claim(
            f"{GENDER_AGE}.claim.more_women_every_age",
            "Text: more women than men are permanently employed in every age group",
            bool((staffed["women_count"] > staffed["men_count"]).all()),
            GENDER_AGE,
            "4236",
        )
    )
    jobs = get(JOB_GROUPS)
    top = jobs[jobs["label"].isin(TOP_MANAGEMENT)]
    out.append(
        # «Toppledelsen» is not defined in the report: the book's reading pools the two top job groups (the
        # first alone is not evenly split), so this is the book's estimate, shown and never graded.
        _estimate(
            f"{JOB_GROUPS}.claim.top_management_balanced",
            "Text: top management is evenly split between women and men (the book's reading: the two top job "
            "groups pooled; the report does not say which groups «toppledelsen» is)",
            1,
            1 if int(top["headcount_women"].sum()) == int(top["headcount_men"].sum()) else 0,
            JOB_GROUPS,
            "4466",
            CLAIM_UNIT,
            0,
        )
    )
    return out


def claim_basis(get: Getter) -> dict[str, str]:
    """For each claim, the printed figures it is judged on (figures only, formatted the book's way)."""
    staff = get(STAFF)
    shares = get(FULL_TIME)
    y22, y23 = row_of(shares, label="2022"), row_of(shares, label="2023")
    sick = row_of(get(SICK), label=TOTAL)
    quarters = get(SICK_Q)
    qcols = ["q1_pct", "q2_pct", "q3_pct", "q4_pct"]
    gaps = row_of(quarters, population="drammen", label=TOTAL)[qcols].astype(float) - row_of(
        quarters, population="municipal_sector", label=TOTAL
    )[qcols].astype(float)
    change = turnover_changes(get).sort_values(ascending=False, kind="stable")
    turn = row_of(get(TURNOVER), label=TOTAL)
    ot = row_of(get(OVERTIME), label=TOTAL)
    breach_change, overtime_change = breach_and_overtime_change(get)
    young = temporary_share_by_age(get)
    young = young[young["both"] > 0]
    jobs = get(JOB_GROUPS)
    top = jobs[jobs["label"].isin(TOP_MANAGEMENT)]
    pp = "percentage points"
    return {
        f"{STAFF}.claim.largest_increase": "Largest FTE changes: "
        + ", ".join(top_codes(staff, "fte_change_pct", 3))
        + "; largest headcount changes: "
        + ", ".join(top_codes(staff, "headcount_change_pct", 3)),
        f"{FULL_TIME}.claim.full_time_share_rose": f"{_f(y22['full_time_share_pct'], 2, '%')} → "
        f"{_f(y23['full_time_share_pct'], 2, '%')}",
        f"{FULL_TIME}.claim.avg_position_size_rose": f"{_f(y22['avg_position_size_pct'], 2, '%')} → "
        f"{_f(y23['avg_position_size_pct'], 2, '%')}",
        f"{SICK}.claim.slight_fall_some_areas_up": f"{_f(sick['sick_leave_2022_pct'], 1, '%')} → "
        f"{_f(sick['sick_leave_2023_pct'], 1, '%')}; rose in " + ", ".join(sick_leave_rose(get)),
        f"{SICK_Q}.claim.above_sector": "Drammen − sector, Q1–Q4: "
        + ", ".join(fmt(g, 1, sign=True) for g in gaps)
        + f" {pp}",
        f"{TURNOVER}.claim.largest_increase": "Largest rises: "
        + ", ".join(f"{c} {fmt(v, 1, sign=True)}" for c, v in change.head(3).items())
        + f" {pp}",
        f"{TURNOVER}.claim.fell_p03_p14": ", ".join(
            f"{c} {fmt(v, 1, sign=True)}" for c, v in change[change < 0].items()
        )
        + f" {pp}",
        f"{TURNOVER}.claim.above_sector": f"Drammen 2022 {_f(turn['turnover_2022_pct'], 1, '%')}, 2023 "
        f"{_f(turn['turnover_2023_pct'], 1, '%')}; sector 2022 "
        f"{_f(prose_value(get, 'municipal_sector_turnover_2022'), 1, '%')}"
        f", without hourly paid {_f(prose_value(get, 'municipal_sector_turnover_2022_excl_hourly_paid'), 0, '%')}",
        f"{OVERTIME}.claim.rose": f"{_f(ot['overtime_hours_2022'], 0)} → {_f(ot['overtime_hours_2023'], 0, 'hours')}",
        f"{BREACH_AREA}.claim.rose_with_overtime": f"Breaches {fmt(breach_change, 1, '%', sign=True)}, overtime hours "
        f"{fmt(overtime_change, 1, '%', sign=True)}",
        f"{BREACH_AREA}.claim.most_in_rota_services": "Most in 2023: "
        + ", ".join(top_codes(get(BREACH_AREA), "breaches_2023", 3)),
        f"{GENDER_AGE}.claim.temporary_younger": "Temporary share of the age group: "
        + ", ".join(f"{r.label} {_f(r.temporary_share_pct, 1, '%')}" for r in young.itertuples()),
        f"{GENDER_AGE}.claim.more_women_every_age": "Women > men in every age group with staff",
        f"{JOB_GROUPS}.claim.top_management_balanced": f"{int(top['headcount_women'].sum())} women, "
        f"{int(top['headcount_men'].sum())} men",
    }


# ---------------------------------------------------------------------------------------------
# Derived measures (not printed in the report; the chapter labels them as derived).

OVERTIME_SPLIT = {
    "overtime_hours_permanent_2023": "Permanent employees",
    "overtime_hours_temporary_2023": "Temporary employees",
    "overtime_hours_other_employment_types_2023": "Other (trainees, apprentices, contractors, on call)",
}


def overtime_split(get: Getter) -> pd.DataFrame:
    """Overtime hours 2023 by employment type (from the text) and their shares of the total."""
    rows = [{"employment_type": name, "hours": prose_value(get, label)} for label, name in OVERTIME_SPLIT.items()]
    frame = pd.DataFrame(rows)
    frame["share_pct"] = 100 * frame["hours"] / frame["hours"].sum()
    return frame


def sick_leave_gap(get: Getter) -> pd.DataFrame:
    """Sick leave 2022 and 2023 against the 2023 target, with the gap in percentage points
    (positive = above target), in the printed order."""
    frame = get(SICK).copy()
    frame["code"] = frame["label"].map(area_code)
    frame["gap_pp"] = frame["sick_leave_2023_pct"] - frame["target_2023_pct"]
    frame["change_pp"] = frame["sick_leave_2023_pct"] - frame["sick_leave_2022_pct"]
    return frame[
        [
            "code",
            "label",
            "row_kind",
            "sick_leave_2022_pct",
            "sick_leave_2023_pct",
            "target_2023_pct",
            "change_pp",
            "gap_pp",
        ]
    ]


def implied_2021_sick_leave(get: Getter) -> pd.DataFrame:
    """The 2021 sick leave each target implies, if the target is the 2021 result less the stated
    reduction (the text: 'Måltall er i henhold til IA-avtalen, 10 prosent nedgang fra resultatet i 2021')."""
    reduction = prose_value(get, "sick_leave_target_reduction_from_2021")
    frame = get(SICK)[["label", "row_kind", "target_2023_pct"]].copy()
    frame["implied_2021_pct"] = frame["target_2023_pct"] / (1 - reduction / 100)
    return frame


def per_fte(get: Getter) -> pd.DataFrame:
    """Overtime hours per permanent FTE and breaches per 100 permanent FTEs, by programme area and
    year. Areas without a printed breaches row (P02, P10) have no breach figure."""
    staff = get(STAFF).assign(code=lambda f: f["label"].map(area_code))
    over = get(OVERTIME).assign(code=lambda f: f["label"].map(area_code))
    breach = get(BREACH_AREA).assign(code=lambda f: f["label"].map(area_code))
    frame = staff[["code", "label", "row_kind", "fte_2022", "fte_2023"]]
    frame = frame.merge(over[["code", "overtime_hours_2022", "overtime_hours_2023"]], on="code", how="left")
    frame = frame.merge(breach[["code", "breaches_2022", "breaches_2023"]], on="code", how="left")
    for year in ("2022", "2023"):
        fte = frame[f"fte_{year}"].astype("Float64")
        frame[f"overtime_per_fte_{year}"] = frame[f"overtime_hours_{year}"].astype("Float64") / fte
        frame[f"breaches_per_100_fte_{year}"] = 100 * frame[f"breaches_{year}"].astype("Float64") / fte
    return frame


def pay_gap(get: Getter) -> pd.DataFrame:
    """Women's average pay as a percentage of men's, by job group, with the head counts."""
    frame = pay_with_counts(get)
    frame["women_pct_of_men"] = 100 * frame["avg_pay_women"] / frame["avg_pay_men"]
    frame["women_share_pct"] = 100 * frame["headcount_women"] / frame["headcount_total"]
    frame["group_en"] = frame["key"].map(JOB_GROUP_EN)
    return frame[
        [
            "group_en",
            "label",
            "headcount_women",
            "headcount_men",
            "women_share_pct",
            "avg_pay_women",
            "avg_pay_men",
            "women_pct_of_men",
        ]
    ]


def hires_profile(get: Getter) -> pd.DataFrame:
    """New permanent hires per month as a share of the year's hires, each year and on average."""
    frame = items(get(HIRES)).copy()
    years = ["2020", "2021", "2022", "2023"]
    for year in years:
        frame[f"share_{year}"] = 100 * frame[f"hires_{year}"] / frame[f"hires_{year}"].sum()
    frame["mean_share"] = frame[[f"share_{y}" for y in years]].mean(axis=1)
    frame["month"] = frame["label"].map(MONTHS_EN)
    return frame.reset_index(drop=True)


def age_pyramid(get: Getter, staff_group: str = "permanent") -> pd.DataFrame:
    """Women and men per age group (empty = none), youngest first, without the Totalt row."""
    frame = items(_group(get(GENDER_AGE), staff_group))
    return frame[["label", "women_count", "men_count", "total_count"]].fillna(0).reset_index(drop=True)


def share_matrix(checks: pd.DataFrame, staff_group: str) -> pd.DataFrame:
    """The printed shares of one gender/age table next to the shares from the counts, read from the
    results of :func:`gender_age_shares` (the comparison is made there, once)."""
    prefix = f"{GENDER_AGE}.{staff_group}.share."
    rows = checks[checks["check_id"].str.startswith(prefix)]
    frame = get_labels(rows)
    wide = frame.pivot_table(index=["line", "label"], columns="gender", values=["printed", "recomputed"], sort=False)
    out = pd.DataFrame(index=wide.index)
    for gender in GENDER_COLUMNS:
        if ("printed", gender) in wide:
            out[f"{gender}_printed"] = wide[("printed", gender)]
            out[f"{gender}_counts"] = wide[("recomputed", gender)]
    out = out.reset_index().sort_values("line", kind="stable").drop(columns="line").reset_index(drop=True)
    return out


def get_labels(rows: pd.DataFrame) -> pd.DataFrame:
    """Age-group label, gender and line of each share check (from its id and description)."""
    parts = rows["check_id"].str.split(".", expand=True)
    return pd.DataFrame(
        {
            "gender": parts[3].to_numpy(),
            "label": rows["what"].str.extract(r"\(([^()]*)\)$")[0].to_numpy(),
            "line": rows["source_lines"].astype(int).to_numpy(),
            "printed": rows["printed"].to_numpy(),
            "recomputed": rows["recomputed"].to_numpy(),
        }
    )


def by_table(checks: pd.DataFrame) -> pd.DataFrame:
    """Counts of checks by table and class, with a total per table, tables in the chapter's order."""
    counts = checks.groupby(["table", "status"], sort=False).size().unstack(fill_value=0)
    counts = counts.reindex(columns=["exact", "rounding", "truncated", "estimate", "discrepancy"], fill_value=0)
    counts["total"] = counts.sum(axis=1)
    return counts.reset_index()


def overtime_intensity(get: Getter) -> pd.DataFrame:
    """Overtime hours 2023 per FTE of permanent and of temporary employees (hours from the text's
    split, FTEs from the text and the staffing table)."""
    staff = row_of(get(STAFF), label=TOTAL)
    rows = [
        ("Permanent employees", prose_value(get, "overtime_hours_permanent_2023"), float(staff["fte_2023"])),
        ("Temporary employees", prose_value(get, "overtime_hours_temporary_2023"),
         prose_value(get, "temporary_fte_end_2023")),
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["employment_type", "hours", "fte"])
    frame["hours_per_fte"] = frame["hours"] / frame["fte"]
    return frame


def breach_intensity(get: Getter) -> pd.DataFrame:
    """Breaches per 1 000 overtime hours by programme area and year, in the overtime table's order.
    ``registered`` says why a rate is missing or not comparable: 'no row' (the breach table prints no
    row for the area) or 'estimated' (schools, which the text says cannot register working time).

    The total row is the like-for-like benchmark: the breaches of the areas that register them over those
    areas' overtime hours, not all breaches over all overtime (which counts the hours of areas that
    register no breaches)."""
    over = get(OVERTIME).assign(code=lambda f: f["label"].map(area_code))
    breach = get(BREACH_AREA).assign(code=lambda f: f["label"].map(area_code))
    frame = over[["code", "label", "row_kind", "overtime_hours_2022", "overtime_hours_2023"]].merge(
        breach[["code", "breaches_2022", "breaches_2023"]], on="code", how="left"
    )
    for year in ("2022", "2023"):
        frame[f"per_1000_hours_{year}"] = (
            1000 * frame[f"breaches_{year}"].astype("Float64") / frame[f"overtime_hours_{year}"].astype("Float64")
        )
    frame["registered"] = "yes"
    frame.loc[frame["breaches_2023"].isna(), "registered"] = "no row"
    frame.loc[frame["code"] == "P01", "registered"] = "estimated"
    counted = (frame["row_kind"] == "item") & (frame["registered"] == "yes")
    for year in ("2022", "2023"):
        hours = frame.loc[counted, f"overtime_hours_{year}"].astype(float).sum()
        frame.loc[frame["row_kind"] == "total", f"per_1000_hours_{year}"] = (
            1000 * frame.loc[counted, f"breaches_{year}"].astype(float).sum() / hours
        )
    return frame


def breach_rate_all_areas(get: Getter, year: str = "2023") -> float:
    """All printed breaches per 1 000 of all overtime hours, areas without breach registration included
    (the rate the totals give; lower than the like-for-like benchmark of :func:`breach_intensity`)."""
    breaches = float(row_of(get(BREACH_AREA), label=TOTAL)[f"breaches_{year}"])
    return 1000 * breaches / float(row_of(get(OVERTIME), label=TOTAL)[f"overtime_hours_{year}"])


def part_time_rates(get: Getter) -> pd.DataFrame:
    """Permanent part-time employees as a percentage of permanent employees in each age group, for
    women, men and all (derived). Age groups one table does not print count as none there; a rate
    with no permanent employees to divide by is missing."""
    frame = get(GENDER_AGE)
    permanent = _group(frame, "permanent").set_index("label")
    part = _group(frame, "permanent_part_time").set_index("label")
    labels = list(permanent.index) + [label for label in part.index if label not in permanent.index]
    rows = []
    for label in labels:
        row = {"label": label}
        for gender in GENDER_COLUMNS:
            column = f"{gender}_count"
            whole = _count(permanent.loc[label] if label in permanent.index else None, column)
            share = _count(part.loc[label] if label in part.index else None, column)
            row[f"{gender}_part_time"] = share
            row[f"{gender}_permanent"] = whole
            row[f"{gender}_rate_pct"] = pct(share, whole)
        rows.append(row)
    return pd.DataFrame(rows)


def sick_leave_baseline(get: Getter) -> pd.DataFrame:
    """Sick leave against the baseline its target refers to: the 2021 rate each target implies
    (target ÷ (1 − the stated reduction)), and the 2023 rate's change from it, in percentage points
    and as a percentage (negative = below the 2021 rate). The report prints no 2021 rate: derived."""
    reduction = prose_value(get, "sick_leave_target_reduction_from_2021")
    frame = sick_leave_gap(get)
    frame["baseline_2021_pct"] = frame["target_2023_pct"] / (1 - reduction / 100)
    frame["from_baseline_pp"] = frame["sick_leave_2023_pct"] - frame["baseline_2021_pct"]
    frame["from_baseline_pct"] = 100 * frame["from_baseline_pp"] / frame["baseline_2021_pct"]
    return frame


def pay_decomposition(get: Getter) -> dict[str, float]:
    """Women's pay as a percentage of men's, split on one population (the job-group tables' head counts).

    ``weighted_groups`` is the raw ratio on that population: women's average over men's, each the
    head-count-weighted mean of its groups' averages. ``women_at_men_pay`` is women's average were each
    woman paid men's average in her own group. The raw ratio is the product of two parts:
    ``within_groups`` = women's average ÷ ``women_at_men_pay`` (the gap within groups) and
    ``mix_groups`` = ``women_at_men_pay`` ÷ men's average (the gap from how women and men spread over the
    groups). The split depends on the reference pay (the index-number problem), so it is also given
    valued at women's group averages: ``men_at_women_pay`` is men's average were each man paid women's
    average in his group, ``within_groups_w`` = ``men_at_women_pay`` ÷ men's average and ``mix_groups_w``
    = women's average ÷ ``men_at_women_pay``; these too multiply to the raw ratio. ``headline`` is the
    organisation-wide table's ratio, a population the report does not say is the same. All derived."""
    total = row_of(get(PAY_TOTAL), label="Gjennomsnitt av Årslønn")
    joined = pay_with_counts(get)
    women = joined["headcount_women"].astype(float)
    men = joined["headcount_men"].astype(float)
    women_avg = float((joined["avg_pay_women"] * women).sum() / women.sum())
    men_avg = float((joined["avg_pay_men"] * men).sum() / men.sum())
    women_at_men_pay = float((joined["avg_pay_men"] * women).sum() / women.sum())
    men_at_women_pay = float((joined["avg_pay_women"] * men).sum() / men.sum())
    return {
        "headline": pct(total["avg_pay_women"], total["avg_pay_men"]),
        "weighted_groups": pct(women_avg, men_avg),
        "within_groups": pct(women_avg, women_at_men_pay),
        "mix_groups": pct(women_at_men_pay, men_avg),
        "women_avg_groups": women_avg,
        "men_avg_groups": men_avg,
        "women_at_men_pay": women_at_men_pay,
        "within_groups_w": pct(men_at_women_pay, men_avg),
        "mix_groups_w": pct(women_avg, men_at_women_pay),
        "men_at_women_pay": men_at_women_pay,
    }


def pay_shortfall(get: Getter) -> pd.DataFrame:
    """Each job group's gap counted for each woman in it: (men's average − women's average) × women, in
    NOK (positive where women earn less), largest first; derived from the job-group tables."""
    frame = pay_gap(get)
    frame = frame.assign(shortfall=(frame["avg_pay_men"] - frame["avg_pay_women"]) * frame["headcount_women"])
    return frame.sort_values("shortfall", ascending=False).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# The analyses an HR researcher expects (derived; the chapter labels every figure as the book's).

# The Working Environment Act's limits on overtime (§ 10-6 (4); with a written agreement with the
# employee representatives of a firm bound by a collective agreement, § 10-6 (5)). Law, not report figures.
OVERTIME_CAPS = {
    "week": {"hours": 10, "agreed": 20, "label": "seven days"},
    "four_weeks": {"hours": 25, "agreed": 50, "label": "four weeks"},
    "year": {"hours": 200, "agreed": 300, "label": "52 weeks"},
}
# The breach types the book reads as breaches of each overtime cap (its reading of the printed names).
OVERTIME_CAP_BREACH = {"week": "AML timer per uke", "four_weeks": "AML timer per 4 uker", "year": "AML timer per år"}

# Each printed breach type in one family (the book's reading of the names; the report defines none).
# Planned time a week is the rota's ordinary working time (§§ 10-4, 10-5), not overtime or total time.
BREACH_FAMILY = {
    "AML timer per 4 uker": "Overtime limits",
    "AML timer per uke": "Overtime limits",
    "AML timer per år": "Overtime limits",
    "Planlagt tid per uke": "Ordinary working time",
    "Samlet tid per dag": "Total working time",
    "Samlet tid per uke": "Total working time",
    "Arbeidsfri før vakt": "Rest",
    "Ukentlig arbeidsfri": "Rest",
    "Søndager på rad": "Sunday work",
    "Søndager på rad (snitt)": "Sunday work",
}
BREACH_FAMILIES = ["Ordinary working time", "Overtime limits", "Total working time", "Rest", "Sunday work"]


def breach_type_key(label: str) -> str:
    """The printed breach type a row label stands for: the longest name of :data:`BREACH_FAMILY` the label
    begins with, so a label with text appended still finds its type ('Søndager på rad (snitt)' is not
    'Søndager på rad'). Labels of no known type (the total) are returned as they are."""
    known = [name for name in BREACH_FAMILY if str(label).startswith(name)]
    return max(known, key=len) if known else str(label)


# The round-the-clock services the report calls turnustjenester (line 4001): the book's reading, since
# the report names no areas.
ROTA_AREAS = ("P04", "P05", "P06")

# The manager groups of the job-group table, top first.
MANAGER_GROUPS = (
    "Kommunedirektør og direktørgruppe",
    "Kommunalsjef/Stabsleder",
    "Virksomhetsleder",
    "Avdelingsleder",
    "Leder kapittel 4",
)

QUARTERS = ["q1_pct", "q2_pct", "q3_pct", "q4_pct"]
SICK_GENDER_EN = {"Kvinne": "Women", "Mann": "Men", TOTAL: "All"}


def sick_leave_vs_sector(get: Getter) -> pd.DataFrame:
    """Sick leave 2023 in Drammen and the municipal sector, by gender: each quarter and the mean of the
    four quarters (the report prints no annual rate for the sector), with Drammen's gap in percentage
    points. One row per gender, women, men, all."""
    frame = get(SICK_Q)
    rows = []
    for label, name in SICK_GENDER_EN.items():
        drammen = row_of(frame, population="drammen", label=label)
        sector = row_of(frame, population="municipal_sector", label=label)
        row = {"gender": name, "label": label}
        for q in QUARTERS:
            row[f"drammen_{q}"] = float(drammen[q])
            row[f"sector_{q}"] = float(sector[q])
            row[f"gap_{q}"] = float(drammen[q] - sector[q])
        row["drammen_mean_pct"] = float(drammen[QUARTERS].astype(float).mean())
        row["sector_mean_pct"] = float(sector[QUARTERS].astype(float).mean())
        row["gap_pp"] = row["drammen_mean_pct"] - row["sector_mean_pct"]
        rows.append(row)
    return pd.DataFrame(rows)


def women_weight(total: float, women: float, men: float) -> float:
    """The women's weight that makes ``total`` the weighted mean of ``women`` and ``men`` (0 to 1)."""
    return (total - men) / (women - men)


def women_weight_range(total: float, women: float, men: float, half_step: float = 0.05) -> tuple[float, float]:
    """The smallest and largest women's weight the three rates, each rounded to ``half_step`` × 2, allow.
    The weight rises with the total and falls with either gender's rate, so the corners are the bounds."""
    low = women_weight(total - half_step, women + half_step, men + half_step)
    high = women_weight(total + half_step, women - half_step, men - half_step)
    return low, high


def sick_gap_decomposition(get: Getter) -> pd.DataFrame:
    """Drammen's sick leave minus the sector's, per quarter and on average, split into the part the gender
    mix explains and the part the rates explain (a two-group decomposition on the sector's rates):

        gap = (w_D − w_S)(women_S − men_S)  +  w_D (women_D − women_S) + (1 − w_D)(men_D − men_S)

    ``w`` is the women's weight each population's printed total implies (:func:`women_weight`); the
    report prints no weights, so they are estimates, and ``mix_low``/``mix_high`` give the range the
    rounding of the printed rates leaves for the mix part."""
    frame = get(SICK_Q)
    rows = []
    for q in QUARTERS:
        d = {k: float(row_of(frame, population="drammen", label=k)[q]) for k in SICK_GENDER_EN}
        s = {k: float(row_of(frame, population="municipal_sector", label=k)[q]) for k in SICK_GENDER_EN}
        w_d = women_weight(d[TOTAL], d["Kvinne"], d["Mann"])
        w_s = women_weight(s[TOTAL], s["Kvinne"], s["Mann"])
        (d_lo, d_hi), (s_lo, s_hi) = (
            women_weight_range(d[TOTAL], d["Kvinne"], d["Mann"]),
            women_weight_range(s[TOTAL], s["Kvinne"], s["Mann"]),
        )
        spread = s["Kvinne"] - s["Mann"]
        corners = [(a - b) * c for a in (d_lo, d_hi) for b in (s_lo, s_hi) for c in (spread - 0.1, spread + 0.1)]
        rows.append(
            {
                "quarter": q[:2].upper(),
                "gap_pp": d[TOTAL] - s[TOTAL],
                "women_weight_drammen": w_d,
                "women_weight_sector": w_s,
                "mix_pp": (w_d - w_s) * spread,
                "rates_pp": w_d * (d["Kvinne"] - s["Kvinne"]) + (1 - w_d) * (d["Mann"] - s["Mann"]),
                "mix_low": min(corners),
                "mix_high": max(corners),
            }
        )
    out = pd.DataFrame(rows)
    mean = out.drop(columns="quarter").mean().to_dict()
    return pd.concat([out, pd.DataFrame([{"quarter": "Mean", **mean}])], ignore_index=True)


def overtime_against_caps(get: Getter) -> dict[str, float]:
    """Overtime hours 2023 per FTE against the Act's annual cap, and how concentrated the hours must be
    for the breaches of the overtime caps printed.

    ``per_fte`` divides all overtime hours (every employment type, line 4040) by the permanent and
    temporary FTEs at the end of the year (lines 3637–3638): a rough average, since the hours are the
    year's and the FTEs a count in December, and hourly paid staff work hours but hold no FTE.
    ``max_persons_over_cap`` is how many people at most could have passed the annual cap if all
    overtime were theirs: whole persons, each with more than the cap (rounded down; the hours for one
    more are short). For each cap, ``min_hours_<cap>`` is the overtime the printed breaches need at
    least if each breach is one person-period beyond the cap (the report does not say what one breach
    counts), and ``min_share_<cap>`` that as a percentage of all overtime hours."""
    total = float(row_of(get(OVERTIME), label=TOTAL)["overtime_hours_2023"])
    fte = float(row_of(get(STAFF), label=TOTAL)["fte_2023"]) + prose_value(get, "temporary_fte_end_2023")
    employees = float(row_of(get(STAFF), label=TOTAL)["headcount_2023"]) + prose_value(
        get, "temporary_employees_dec_2023"
    )
    types = get(BREACH_TYPE)
    types = types.set_index(types["label"].map(breach_type_key))
    out = {
        "hours": total,
        "fte": fte,
        "employees": employees,
        "per_fte": total / fte,
        "per_fte_week": total / fte / 52,
        "annual_cap": float(OVERTIME_CAPS["year"]["hours"]),
        "annual_cap_agreed": float(OVERTIME_CAPS["year"]["agreed"]),
        "cap_over_average": OVERTIME_CAPS["year"]["hours"] / (total / fte),
        "max_persons_over_cap": float(total // OVERTIME_CAPS["year"]["hours"]),
        "max_persons_over_cap_pct": pct(total // OVERTIME_CAPS["year"]["hours"], employees),
    }
    for cap, breach in OVERTIME_CAP_BREACH.items():
        count = float(types.loc[breach, "breaches_2023"])
        out[f"breaches_{cap}"] = count
        out[f"min_hours_{cap}"] = count * OVERTIME_CAPS[cap]["hours"]
        out[f"min_share_{cap}"] = pct(count * OVERTIME_CAPS[cap]["hours"], total)
    out["year_breaches_pct_of_employees"] = pct(out["breaches_year"], employees)
    return out


# The book's assumption for one FTE's hours in a year (not in the report): a 37.5-hour week for 52 weeks,
# holidays not taken out (fewer hours per FTE would turn the same hours into more FTEs).
HOURS_PER_FTE = 37.5 * 52


def fte_equivalents(get: Getter) -> dict[str, float]:
    """Sick leave and overtime in FTEs (estimates). The sick-leave rate and its distance to the target are
    applied to the permanent and temporary FTEs at year end (lines 3637–3638; the report does not say on
    which staff the rate is computed); the year's overtime hours are divided by :data:`HOURS_PER_FTE`."""
    sick = row_of(get(SICK), label=TOTAL)
    fte = float(row_of(get(STAFF), label=TOTAL)["fte_2023"]) + prose_value(get, "temporary_fte_end_2023")
    overtime = float(row_of(get(OVERTIME), label=TOTAL)["overtime_hours_2023"])
    rate, target = float(sick["sick_leave_2023_pct"]), float(sick["target_2023_pct"])
    return {
        "fte": fte,
        "sick_fte": rate / 100 * fte,
        "above_target_fte": (rate - target) / 100 * fte,
        "overtime_fte": overtime / HOURS_PER_FTE,
    }


def equality_indicators(get: Getter) -> pd.DataFrame:
    """The indicators the activity and reporting duty asks about, as far as the printed tables give them,
    for women and men, all in % and derived from printed counts: temporary employees as a share of
    permanent + temporary; permanent part-time employees as a share of permanent; the share of each
    gender among all staff of the job-group table and among its manager groups. (Parental leave, the
    text's persons and weeks, is read with :func:`prose_value`.) ``lines`` names the report's lines."""
    ages = get(GENDER_AGE)
    permanent = row_of(ages, staff_group="permanent", label="Totalt")
    temporary = row_of(ages, staff_group="temporary", label="Totalt")
    part = row_of(ages, staff_group="permanent_part_time", label="Totalt")
    groups = get(JOB_GROUPS)
    keys = groups["label"].map(job_group_key)
    managers = groups[keys.isin([job_group_key(g) for g in MANAGER_GROUPS])]
    staff = row_of(groups, label=TOTAL)
    rows = [
        ("Temporary, of permanent + temporary", "4215, 4262",
         pct(temporary["women_count"], permanent["women_count"] + temporary["women_count"]),
         pct(temporary["men_count"], permanent["men_count"] + temporary["men_count"])),
        ("Part time, of permanent", "4215, 4292",
         pct(part["women_count"], permanent["women_count"]), pct(part["men_count"], permanent["men_count"])),
        ("Share of all staff in the job-group table", "4463",
         pct(staff["headcount_women"], staff["headcount_total"]),
         pct(staff["headcount_men"], staff["headcount_total"])),
        ("Share of managers", f"{int(managers['source_line'].min())}–{int(managers['source_line'].max())}",
         pct(managers["headcount_women"].sum(), managers["headcount_total"].sum()),
         pct(managers["headcount_men"].sum(), managers["headcount_total"].sum())),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["indicator", "lines", "women", "men"])


def managers_by_level(get: Getter) -> pd.DataFrame:
    """Women and men in each manager group of the job-group table, top first, with the women's share."""
    groups = get(JOB_GROUPS).assign(key=lambda f: f["label"].map(job_group_key))
    order = [job_group_key(g) for g in MANAGER_GROUPS]
    frame = groups[groups["key"].isin(order)].set_index("key").loc[order].reset_index()
    frame["group_en"] = frame["key"].map(JOB_GROUP_EN)
    frame["women_share_pct"] = 100 * frame["headcount_women"] / frame["headcount_total"]
    return frame[["group_en", "label", "headcount_women", "headcount_men", "headcount_total", "women_share_pct"]]


def area_comparison(get: Getter) -> pd.DataFrame:
    """One row per programme area (P10 left out: 3 staff, and the report leaves it out of sick leave,
    line 3818): sick leave and turnover 2023 as printed, overtime hours per permanent FTE (all overtime
    hours of the area ÷ its permanent FTEs) and breaches per 1 000 overtime hours where the area
    registers breaches (missing for schools, whose breaches are estimated, and for areas without a row).
    The last row is the municipality as printed or computed the same way."""
    sick = get(SICK).assign(code=lambda f: f["label"].map(area_code))
    turn = get(TURNOVER).assign(code=lambda f: f["label"].map(area_code))
    rates = per_fte(get)
    bph = breach_intensity(get)
    frame = rates[["code", "label", "row_kind", "fte_2023", "overtime_per_fte_2023"]]
    frame = frame.merge(sick[["code", "sick_leave_2023_pct"]], on="code", how="left")
    frame = frame.merge(turn[["code", "turnover_2023_pct"]], on="code", how="left")
    frame = frame.merge(bph[["code", "per_1000_hours_2023", "registered"]], on="code", how="left")
    frame["breaches_per_1000_hours"] = frame["per_1000_hours_2023"].where(frame["registered"] == "yes")
    frame["rota"] = frame["code"].isin(ROTA_AREAS)
    frame = frame[frame["code"] != "P10"].drop(columns=["per_1000_hours_2023"])
    frame["name"] = frame["label"].map(area_name)
    columns = ["code", "name", "row_kind", "rota", "fte_2023", "sick_leave_2023_pct", "turnover_2023_pct",
               "overtime_per_fte_2023", "breaches_per_1000_hours", "registered"]  # fmt: skip
    return frame[columns].reset_index(drop=True)


AREA_MEASURES = {
    "sick_leave_2023_pct": "sick leave",
    "turnover_2023_pct": "turnover",
    "overtime_per_fte_2023": "overtime per permanent FTE",
    "breaches_per_1000_hours": "breaches per 1 000 overtime hours",
}


def area_patterns(table: pd.DataFrame) -> pd.DataFrame:
    """For each measure of :func:`area_comparison`: the municipality's value, the highest and the lowest
    area (ties broken by code), how many areas have a value, and how many of the rota services are
    above the municipality."""
    areas = table[table["row_kind"] == "item"]
    whole = table[table["row_kind"] == "total"].iloc[0]
    rows = []
    for column, name in AREA_MEASURES.items():
        valued = areas.dropna(subset=[column]).astype({column: float})
        ranked = valued.sort_values([column, "code"], ascending=[False, True])
        rota = valued[valued["rota"]]
        rows.append(
            {
                "measure": name,
                "column": column,
                "all": float(whole[column]),
                "highest": ranked.iloc[0]["code"],
                "highest_value": float(ranked.iloc[0][column]),
                "lowest": ranked.iloc[-1]["code"],
                "lowest_value": float(ranked.iloc[-1][column]),
                "areas": len(valued),
                "rota_with_value": len(rota),
                "rota_above": int((rota[column] > float(whole[column])).sum()),
            }
        )
    return pd.DataFrame(rows).set_index("column")


def part_time_average_position(get: Getter) -> float:
    """The part-timers' average position in percent, December 2023: the permanent FTEs less one FTE for
    each full-timer (permanent staff less the part-time table's count), over the part-timers. An estimate:
    it assumes every full-timer holds exactly one FTE and that both tables count the same people."""
    staff = row_of(get(STAFF), label=TOTAL)
    part_timers = float(row_of(get(GENDER_AGE), staff_group="permanent_part_time", label="Totalt")["total_count"])
    full_timers = float(staff["headcount_2023"]) - part_timers
    return pct(float(staff["fte_2023"]) - full_timers, part_timers)


def turnover_readings(get: Getter) -> pd.DataFrame:
    """What the printed 2023 turnover, 12.4 %, means for the flows of permanent staff on two readings.

    - *KS's form, of the staff at the start*: KS, the source the report names for the sector (line 3896),
      publishes turnover as the share of those employed in the municipal sector one year who hold no
      position in the sector the year after (KS's definition, not in the report). Applied to one
      municipality (the book's reading): those employed at the start who are not employed by Drammen a
      year later; the base is the permanent staff of December 2022, and a move between areas is no leaver.
    - *Average staff* (the reading of the chapter's first version): leavers as a share of the average of
      the December 2022 and 2023 permanent staff.

    For each: the leavers the rate implies, the entrants to permanent staff the net change then needs,
    the permanent hires printed, and the entrants the hires leave unaccounted for. A third row is what
    the hires allow: hires less the net change, as a rate of the start-of-year staff. All derived."""
    staff = row_of(get(STAFF), label=TOTAL)
    rate = float(row_of(get(TURNOVER), label=TOTAL)["turnover_2023_pct"])
    hires = float(row_of(get(HIRES), label="Totalt")["hires_2023"])
    start, end = float(staff["headcount_2022"]), float(staff["headcount_2023"])
    net = end - start
    rows = []
    readings = {"KS's form: of the staff at the start": start, "Of the average staff": (start + end) / 2}
    for reading, base in readings.items():
        leavers = rate / 100 * base
        rows.append({"reading": reading, "base": base, "rate_pct": rate, "leavers": leavers,
                     "entrants_needed": leavers + net, "hires": hires,
                     "unaccounted": leavers + net - hires})  # fmt: skip
    rows.append({"reading": "What the hires allow: hires − net change", "base": start,
                 "rate_pct": pct(hires - net, start), "leavers": hires - net, "entrants_needed": hires,
                 "hires": hires, "unaccounted": 0.0})  # fmt: skip
    return pd.DataFrame(rows)


def turnover_reading_range(get: Getter) -> dict[str, tuple[float, float]]:
    """The range KS's reading (:func:`turnover_readings`, first row) allows, the rate being printed to a
    tenth: the leavers, the entrants needed and the other entrants at the rate ± 0.05, as (low, high)."""
    staff = row_of(get(STAFF), label=TOTAL)
    rate = float(row_of(get(TURNOVER), label=TOTAL)["turnover_2023_pct"])
    hires = float(row_of(get(HIRES), label="Totalt")["hires_2023"])
    start, end = float(staff["headcount_2022"]), float(staff["headcount_2023"])
    leavers = tuple((rate + half) / 100 * start for half in (-0.05, 0.05))
    return {"leavers": leavers, "entrants_needed": tuple(v + end - start for v in leavers),
            "unaccounted": tuple(v + end - start - hires for v in leavers)}  # fmt: skip


def compare_word(value: float, other: float) -> str:
    """'above', 'below' or 'level with' ``other``, for a sentence that sets two printed figures side by side."""
    return "above" if value > other else "below" if value < other else "level with"


def every_or_count(hits: int, of: int, what: str) -> str:
    """'in every <what>' when all ``of`` qualify, else 'in <hits> of <of> <what>s'."""
    return f"in every {what}" if hits == of else f"in {hits} of {of} {what}s"


def breach_change_by_type(get: Getter) -> pd.DataFrame:
    """Breaches 2022 and 2023 by type, with each type's family (:data:`BREACH_FAMILY`), the change, the
    type's share of the 2023 level and its share of the change from 2022 (all derived)."""
    frame = items(get(BREACH_TYPE)).copy()
    total = row_of(get(BREACH_TYPE), label=TOTAL)
    rise = float(total["breaches_2023"] - total["breaches_2022"])
    frame["key"] = frame["label"].map(breach_type_key)
    frame["family"] = frame["key"].map(BREACH_FAMILY)
    frame["change"] = frame["breaches_2023"] - frame["breaches_2022"]
    frame["share_of_level_pct"] = 100 * frame["breaches_2023"] / float(total["breaches_2023"])
    frame["share_of_change_pct"] = 100 * frame["change"] / rise
    columns = ["family", "key", "label", "breaches_2021", "breaches_2022", "breaches_2023", "change",
               "share_of_level_pct", "share_of_change_pct"]  # fmt: skip
    return frame[columns].reset_index(drop=True)


def breach_change_by_family(get: Getter) -> pd.DataFrame:
    """:func:`breach_change_by_type` summed by family, in :data:`BREACH_FAMILIES` order."""
    by_type = breach_change_by_type(get)
    sums = by_type.groupby("family")[["breaches_2021", "breaches_2022", "breaches_2023", "change",
                                      "share_of_level_pct", "share_of_change_pct"]].sum()  # fmt: skip
    return sums.reindex(BREACH_FAMILIES).reset_index()


# The identities whose checks recompute a gender or age percentage (of the tables or of the text).
GENDER_AGE_SHARE_IDENTITIES = ("gender_age_shares", "gender_shares_prose")


def errors_on_gender_age_shares(all_checks: pd.DataFrame, chapter_findings) -> tuple[int, int]:
    """The chapter's findings graded *error*, and how many of them are gender and age percentages: a
    finding whose size check is a percentage recomputed by one of :data:`GENDER_AGE_SHARE_IDENTITIES`."""
    rows = all_checks.set_index("check_id")
    errors = [f for f in chapter_findings if f.verdict == "error"]
    shares = 0
    for finding in errors:
        if finding.size_check in rows.index:
            row = rows.loc[finding.size_check]
            name = str(row.get("identity", "")).rsplit(".", 1)[-1]
            shares += row["unit"] == "percent" and name in GENDER_AGE_SHARE_IDENTITIES
    return len(errors), shares


def gender_age_error_words(errors: int, shares: int) -> str:
    """How many of ``errors`` findings are gender and age percentages, as a clause that follows a comma
    (empty when none is): "all of them gender and age percentages that do not follow from their counts",
    "most of them …", "2 of them …"."""
    if shares == 0:
        return ""
    tail = "gender and age percentages that do not follow from their counts"
    if errors == 1:
        return ", a gender or age percentage that does not follow from its counts"
    if shares == errors:
        return f", all of them {tail}"
    return f", {'most' if shares > errors / 2 else fmt(shares)} of them {tail}"


# ---------------------------------------------------------------------------------------------
# The chapter's check tables.


# The gender-and-age file holds three printed tables; a check's group names its table.
GENDER_AGE_IDS = {"permanent": "H11", "temporary": "H12", "permanent_part_time": "H13"}


# The figures of the running text (pers_prose_figures) in plain English, for the table that lists them.
PROSE_FIGURE_EN = {
    "permanent_fte_end_2023": "Permanent FTEs, end of 2023",
    "permanent_employees_end_2023": "Permanent employees, end of 2023",
    "temporary_fte_end_2023": "Temporary FTEs, end of 2023",
    "fte_increase_2023_vs_2022": "Rise in FTEs, 2022 to 2023",
    "small_weekend_position_size_min": "Small weekend positions, smallest size",
    "small_weekend_position_size_max": "Small weekend positions, largest size",
    "resource_centre_substitutes_position_size": "Position size of most of the resource centre's substitutes",
    "apprentices_passed_trade_exam_2023": "Apprentices who passed the trade exam, 2023",
    "apprentices_passed_with_top_grade_share": "Apprentices passed with top grade, share",
    "sick_leave_total_2023": "Sick leave, all areas, 2023",
    "sick_leave_target_reduction_from_2021": "Sick-leave target: reduction from 2021",
    "sick_leave_decrease_from_2022": "Sick leave: fall from 2022",
    "hse_deviation_reports_increase_2023": "Rise in HSE deviation reports, 2023",
    "turnover_2023": "Turnover, 2023",
    "turnover_2022": "Turnover, 2022",
    "municipal_sector_turnover_2022": "Municipal sector's turnover, 2022",
    "municipal_sector_turnover_2022_excl_hourly_paid": "Municipal sector's turnover, 2022, without hourly paid",
    "digital_employment_contracts_processed": "Employment contracts handled digitally",
    "digital_intro_programmes_activated_sep_dec": "Digital introductions started, September–December",
    "digital_reference_check_candidates": "Candidates checked by digital references",
    "digital_references_contacted": "References contacted digitally",
    "hiring_time_reduction_avg": "Fall in average hiring time",
    "overtime_hours_total_2023": "Overtime hours, all, 2023",
    "overtime_hours_permanent_2023": "Overtime hours, permanent employees, 2023",
    "overtime_hours_temporary_2023": "Overtime hours, temporary employees, 2023",
    "overtime_hours_other_employment_types_2023": "Overtime hours, other kinds of employment, 2023",
    "max_ordinary_working_hours_per_24_hours": "Most ordinary working hours in 24 hours (the law)",
    "max_ordinary_working_hours_per_7_days": "Most ordinary working hours in 7 days (the law)",
    "violence_threat_course_participants": "Violence and threats course: participants",
    "violence_threat_course_programme_areas": "Violence and threats course: programme areas",
    "violence_threat_resource_persons": "Violence and threats: resource persons",
    "permanent_employees_dec_2023": "Permanent employees, December 2023",
    "permanent_women_share_dec_2023": "Women's share of permanent employees, December 2023",
    "permanent_men_share_dec_2023": "Men's share of permanent employees, December 2023",
    "employees_2022_permanent_and_temporary": "Employees, permanent and temporary, 2022",
    "women_share_2022": "Women's share, 2022",
    "men_share_2022": "Men's share, 2022",
    "women_share_2023_permanent_and_temporary": "Women's share, permanent and temporary, 2023",
    "men_share_2023_permanent_and_temporary": "Men's share, permanent and temporary, 2023",
    "health_recruits_per_year": "Health recruits taken in a year, trained as health workers",
    "temporary_employees_dec_2023": "Temporary employees, December 2023",
    "temporary_women_share_dec_2023": "Women's share of temporary employees, December 2023",
    "temporary_men_share_dec_2023": "Men's share of temporary employees, December 2023",
    "part_time_employees_dec_2023": "Part-time employees, December 2023",
    "part_time_permanent_women_share": "Women's share of permanent part-time staff",
    "part_time_permanent_men_share": "Men's share of permanent part-time staff",
    "parental_leave_women": "Women on parental leave",
    "parental_leave_men": "Men on parental leave",
    "parental_leave_avg_weeks_men": "Men's parental leave, average weeks",
    "parental_leave_avg_weeks_women": "Women's parental leave, average weeks",
}

# The tables the checks run on, by the book's ids (as the data page names them) and in plain English.
CHECK_TABLE_EN = {
    PROSE: "Running text",
    STAFF: "H01 Permanent staff by area",
    FULL_TIME: "H02 Full-time share",
    SICK: "H03 Sick leave by area",
    SICK_Q: "H04–H05 Sick leave by quarter",
    TURNOVER: "H06 Turnover by area",
    HIRES: "H07 Permanent hires by month",
    OVERTIME: "H08 Overtime by area",
    BREACH_TYPE: "H09 Breaches by type",
    BREACH_AREA: "H10 Breaches by area",
    GENDER_AGE: "H11–H13 Staff by gender and age",
    PAY: "H14 Average pay by job group",
    PAY_TOTAL: "H15 Average pay, whole organisation",
    JOB_GROUPS: "H16 Gender by job group",
}


def check_source_ids(checks: pd.DataFrame) -> list[str]:
    """Each check's report table by the book's id (H06; "H11, H13" for part-time staff held against the
    permanent staff), as the data page and the audit page name them; "" for a figure of the running text."""
    from ..audit import report_tables

    known = report_tables()
    out = []
    for check_id, table in zip(checks["check_id"], checks["table"], strict=True):
        field = known.get(table, ("", ""))[0]
        if field == "prose":
            field = ""
        if table == GENDER_AGE:
            parts = str(check_id).split(".")
            group = GENDER_AGE_IDS.get(parts[1])
            if group and parts[2] == "within_permanent":
                field = f"{GENDER_AGE_IDS['permanent']}, {group}"
            elif group:
                field = group
        out.append(field)
    return out


def check_table(checks: pd.DataFrame, table_id: str, caption: str = ""):
    """:func:`aarsevaluering.tables.checks_table` with each check's report table named by its id
    (:func:`check_source_ids`) before its unit and lines; a count of breaches says "breaches", never a bare
    number."""
    from ..tables import checks_table

    breaches = checks["table"].isin([BREACH_TYPE, BREACH_AREA]) & (checks["unit"] == "count")
    checks = checks.assign(unit=checks["unit"].mask(breaches, "breaches"))
    table = checks_table(checks, table_id=table_id, caption=caption)
    note = '<span class="check-note">'
    table.data["Check"] = [
        text if not ids else text.replace(note, f"{note}{ids} · ", 1) if note in text
        else f"{text}<br>{note}{ids}</span>"
        for text, ids in zip(table.data["Check"].map(en_dash), check_source_ids(checks), strict=True)
    ]  # fmt: skip
    return table
