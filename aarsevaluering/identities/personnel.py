"""Identities of the personnel chapter, and the measures it derives from the printed tables.

The checks compare what the report prints (staffing, full-time share, sick leave, turnover, hiring,
overtime, working-time breaches, gender and age, pay) with the same figures recomputed from other
printed figures, in the same table, in another table or in the running text. Claims the text makes
about trends ("rose", "the largest increase was in ...") are checks too: the claim is printed as 1
(the report says it holds) and recomputed as 1 or 0 from the tables.

The derived measures at the end (overtime per FTE, breaches per 100 FTEs, sick leave against target,
women's pay as a share of men's, the seasonal profile of hiring) are not checks: the report does not
print them, and the chapter labels them as derived.
"""

from __future__ import annotations

import re

import pandas as pd

from ..checks import CLAIM, SHARE, SUM, Check, Getter, identity, lines_of, pct, sum_checks
from ..checks import check as make_check
from ..checks import value as cell_value
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
CLAIM_UNIT = "claim (1 = holds)"
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

# English names for figures (the tables keep the printed Norwegian labels).
AREA_EN = {
    "P01": "Schools", "P02": "Kindergartens", "P03": "Preventive services, child welfare", "P04": "Health",
    "P05": "People with disabilities", "P06": "Home services and institutions",
    "P07": "Substance abuse and mental health", "P08": "Social services and housing",
    "P09": "Culture, sport and volunteering", "P10": "Participation and local democracy",
    "P11": "Development and transport", "P12": "Water, sewerage and waste",
    "P13": "Planning, climate and environment", "P14-P19": "Central units", "Totalsum": "All areas",
}  # fmt: skip
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
    "Leder kapittel 4": "Managers (chapter 4)",
    "Kommunedirektør og direktørgruppe": "Chief executive and directors",
    "Kommunalsjef/Stabsleder": "Heads of service areas and staff",
    "Virksomhetsleder": "Heads of units",
    "Avdelingsleder": "Heads of departments",
    "Høyere akademisk utdanning, kapittel 5": "Higher academic education (chapter 5)",
}  # fmt: skip


def area_name(label: str) -> str:
    """'P06 Hjemmetjenester og institusjon' -> 'P06 Home services and institutions' (for figures)."""
    code = area_code(label)
    name = AREA_EN.get(code, str(label))
    return name if code == "Totalsum" else f"{code} {name}"


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
        raise KeyError(f"{frame.attrs.get('table')}: {len(hits)} rows match {where} (expected one)")
    return hits.iloc[0]


def prose(get: Getter, label: str) -> tuple[float, int]:
    """A figure of the running text and the line it stands on."""
    row = row_of(get(PROSE), label=label)
    return float(row["value"]), int(row["source_line"])


def prose_value(get: Getter, label: str) -> float:
    return prose(get, label)[0]


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
    explanation: str = "",
    kind: str = SUM,
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
        explanation,
        kind=kind,
        bounds=bounds,
    )


def _claim(check_id: str, what: str, holds: bool, table: str, line: str, evidence: str) -> Check:
    """A claim of the running text: printed 1 (the report says so), recomputed 1 if the tables
    bear it out and 0 if they do not; ``evidence`` gives the figures either way."""
    return _check(check_id, what, 1, 1 if holds else 0, table, line, CLAIM_UNIT, 0, evidence, kind=CLAIM)


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
    """Totalsum of the staffing table against the sum of the programme areas."""
    frame = get(STAFF)
    total = row_of(frame, label=TOTAL)
    out = []
    for column in ("headcount_2022", "fte_2022", "headcount_2023", "fte_2023"):
        summed = items(frame)[column].sum()
        gap = int(summed - total[column])
        if column.startswith("fte") and gap:
            note = "The FTEs of the areas are rounded to whole FTEs before they are added; the total is not."
        elif column.startswith("headcount"):
            note = (
                f"The programme areas add up to {_f(summed, 0)} employees, {_f(gap, 0)} more than the printed "
                f"total of {_f(total[column], 0)}. Most likely some employees hold permanent positions in two "
                "programme areas and are counted in each, but only once in the total; the report does not say so. "
                f"The gap is {_f(pct(gap, total[column]), 1, '%')} of the total."
            )
        else:
            note = ""
        out += sum_checks(CHAPTER, get, STAFF, [column], {"label": TOTAL}, explanation=note)
    return out


@identity(CHAPTER)
def staff_changes(get: Getter) -> list[Check]:
    """The printed percent changes of headcount and FTEs against the change of the printed counts.

    Headcounts are whole persons, so the change is exact and the usual rounding rule applies. FTEs
    are printed rounded to whole FTEs, so a change computed from them can only be known within the
    range the rounding leaves open; the tolerance of those checks is that range (plus the rounding of
    the printed percentage), and the explanation gives it."""
    frame = get(STAFF)
    unit = "percent"
    out = []
    for _, row in frame.iterrows():
        code = area_code(row["label"])
        line = str(int(row["source_line"]))
        out.append(
            _check(
                f"{STAFF}.headcount_change_pct.{code}",
                f"Change in headcount, December 2022 to 2023: {row['label']}",
                row["headcount_change_pct"],
                pct_change(row["headcount_2022"], row["headcount_2023"]),
                STAFF,
                line,
                unit,
                1,
            )
        )
        old, new = float(row["fte_2022"]), float(row["fte_2023"])
        change = pct_change(old, new)
        low, high = pct_change_range(old, new)
        printed = float(row["fte_change_pct"])
        note = ""
        if round(change, 1) != printed:
            inside = low - 0.05 <= printed <= high + 0.05
            note = (
                f"The FTEs are printed rounded to whole FTEs ({_f(old, 0)} and {_f(new, 0)}): the true change "
                f"lies anywhere from {_f(low, 1, '%')} to {_f(high, 1, '%')}, and the printed "
                f"{_f(printed, 1, '%')} is {'inside' if inside else 'outside'} that range. "
                + ("It was probably computed from unrounded FTEs." if inside else "It cannot come from these FTEs.")
            )
        out.append(
            _check(
                f"{STAFF}.fte_change_pct.{code}",
                f"Change in FTEs, December 2022 to 2023: {row['label']}",
                printed,
                change,
                STAFF,
                line,
                unit,
                1,
                note,
                kind=SHARE,
                bounds=(low, high),
            )
        )
    return out


@identity(CHAPTER)
def staff_across_tables(get: Getter) -> list[Check]:
    """The same head counts in the staffing table, the gender/age tables, the job-group table and
    the running text."""
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
        ),
    ]
    gap = int(job_total["headcount_total"] - permanent["total_count"])
    job_note = (
        f"The job-group table counts {_f(job_total['headcount_total'], 0)} employees, {_f(gap, 0)} more than "
        f"the {_f(permanent['total_count'], 0)} permanent employees of the staffing and gender/age tables "
        f"({_f(pct(gap, permanent['total_count']), 1, '%')} more). The report does not say whom the job-group "
        "table counts (positions rather than persons, or some temporary staff, would explain a higher figure)."
    )
    for gender, column_jobs, column_ages in (
        ("women", "headcount_women", "women_count"),
        ("men", "headcount_men", "men_count"),
        ("all", "headcount_total", "total_count"),
    ):
        diff = int(job_total[column_jobs] - permanent[column_ages])
        note = (
            job_note
            if gender == "all"
            else (
                f"{_f(diff, 0)} more {gender} in the job-group table than among the permanent employees of the "
                "gender/age table: the same difference in population as for the total."
            )
        )
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
                note,
            )
        )
    # The running text restates the totals.
    for label, printed_frame_value, unit, what in (
        (
            "permanent_employees_end_2023",
            total["headcount_2023"],
            "persons",
            "Text: permanent employees at the end of 2023 = staffing table",
        ),
        (
            "permanent_fte_end_2023",
            total["fte_2023"],
            "FTE",
            "Text: permanent FTEs at the end of 2023 = staffing table",
        ),
        (
            "permanent_employees_dec_2023",
            permanent["total_count"],
            "persons",
            "Text: permanent employees, December 2023 = gender/age table",
        ),
        (
            "temporary_employees_dec_2023",
            temporary["total_count"],
            "persons",
            "Text: temporary employees, December 2023 = gender/age table",
        ),
        (
            "part_time_employees_dec_2023",
            part_time["total_count"],
            "persons",
            "Text: permanent part-time employees = part-time table",
        ),
    ):
        value, line = prose(get, label)
        out.append(_check(f"{PROSE}.{label}", what, value, printed_frame_value, PROSE, str(line), unit, 0))
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
        )
    )
    return out


@identity(CHAPTER)
def position_size(get: Getter) -> list[Check]:
    """Average position size against FTEs ÷ headcount; the full-time share against the part-time count."""
    shares = get(FULL_TIME)
    staff = get(STAFF)
    total = row_of(staff, label=TOTAL)
    out = []
    for year in ("2022", "2023"):
        row = row_of(shares, label=year)
        ratio = pct(total[f"fte_{year}"], total[f"headcount_{year}"])
        note = (
            f"FTEs ÷ headcount in the staffing table ({_f(total[f'fte_{year}'], 0)} ÷ "
            f"{_f(total[f'headcount_{year}'], 0)}) is {_f(ratio, 2, '%')}, "
            f"{_f(row['avg_position_size_pct'] - ratio, 2)} percentage points below the printed average position "
            "size. The rounding of the FTEs moves the ratio by less than 0.01 points, so the two measures rest on "
            "different definitions: the average position size is probably taken over positions (contracts) rather "
            "than persons, or over another population; the report does not define it."
        )
        out.append(
            _check(
                f"{FULL_TIME}.avg_position_size_pct.{year}.vs_fte_per_head",
                f"Average position size {year} = FTEs ÷ headcount (staffing table)",
                row["avg_position_size_pct"],
                ratio,
                FULL_TIME,
                f"{int(row['source_line'])}, {int(total['source_line'])}",
                "percent",
                2,
                note,
            )
        )
    part_time = row_of(get(GENDER_AGE), staff_group="permanent_part_time", label="Totalt")
    permanent = total["headcount_2023"]
    row = row_of(shares, label="2023")
    out.append(
        _check(
            f"{FULL_TIME}.full_time_share_pct.2023.vs_part_time_count",
            "Full-time share 2023 = 1 − permanent part-time employees ÷ permanent employees",
            row["full_time_share_pct"],
            100 - pct(part_time["total_count"], permanent),
            FULL_TIME,
            f"{int(row['source_line'])}, {int(part_time['source_line'])}",
            "percent",
            2,
            "The part-time table leaves out employees whose several positions add up to a full position, so "
            "its complement is the full-time share on the same footing.",
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


@identity(CHAPTER)
def sick_leave(get: Getter) -> list[Check]:
    """Sick leave: the Totalsum row against the FTE-weighted average of the areas, the annual rate
    against the quarters, and the figures of the text."""
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
            _check(
                f"{SICK}.{column}.{TOTAL.lower()}.weighted",
                f"{what} ≈ average of the areas weighted by permanent FTEs (approximate)",
                total[column],
                _weighted(joined[column], joined[weight]),
                SICK,
                lines_of(SICK),
                "percent",
                1,
                "Sick leave is lost working time as a share of contracted time, so the organisation's rate is "
                "the areas' rates weighted by their contracted time. The December FTEs of the staffing table "
                "(permanent staff only, P10 left out as in the table) stand in for it, so the check is "
                "approximate; it confirms that the total row is a weighted rate, not a sum.",
            )
        )
    quarters = row_of(get(SICK_Q), population="drammen", label=TOTAL)
    mean = float(quarters[["q1_pct", "q2_pct", "q3_pct", "q4_pct"]].mean())
    out.append(
        _check(
            f"{SICK}.sick_leave_2023_pct.{TOTAL.lower()}.vs_quarters",
            "Sick leave 2023 ≈ mean of the four quarterly rates (approximate)",
            total["sick_leave_2023_pct"],
            mean,
            SICK,
            f"{int(total['source_line'])}, {int(quarters['source_line'])}",
            "percent",
            1,
            "Quarters differ a little in contracted working days, so the mean of the quarters is close to, "
            "not exactly, the annual rate.",
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
        )
    )
    value, line = prose(get, "sick_leave_decrease_from_2022")
    out.append(
        _check(
            f"{PROSE}.sick_leave_decrease_from_2022",
            "Text: decrease in sick leave from 2022 = 2022 rate − 2023 rate",
            value,
            total["sick_leave_2022_pct"] - total["sick_leave_2023_pct"],
            PROSE,
            str(line),
            "percentage points",
            1,
            "The text says 'a decrease of 0.2 per cent'; it is a decrease of 0.2 percentage points (a fall of "
            f"{_f(-pct_change(total['sick_leave_2022_pct'], total['sick_leave_2023_pct']), 1, '%')} in the rate).",
        )
    )
    return out


@identity(CHAPTER)
def turnover(get: Getter) -> list[Check]:
    """Turnover: the Totalsum row against the headcount-weighted average of the areas, and the text."""
    frame = get(TURNOVER)
    total = row_of(frame, label=TOTAL)
    joined = _with_staff(get, TURNOVER)
    out = []
    for year in ("2022", "2023"):
        column = f"turnover_{year}_pct"
        out.append(
            _check(
                f"{TURNOVER}.{column}.{TOTAL.lower()}.weighted",
                f"Turnover {year}, all areas ≈ average of the areas weighted by permanent headcount (approximate)",
                total[column],
                _weighted(joined[column], joined[f"headcount_{year}"]),
                TURNOVER,
                lines_of(TURNOVER),
                "percent",
                1,
                "Turnover is leavers as a share of employees, so the organisation's rate is the areas' rates "
                "weighted by their employees. December headcounts of permanent staff stand in for the average "
                "number employed, so the check is approximate.",
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
            )
        )
    return out


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
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Gender and age.


def _group(frame: pd.DataFrame, staff_group: str) -> pd.DataFrame:
    return frame[frame["staff_group"] == staff_group]


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
                )
            )
        for _, row in rows.iterrows():
            if pd.isna(row["total_count"]) and pd.isna(row["women_count"]) and pd.isna(row["men_count"]):
                continue  # an empty row (printed '-' throughout): nothing to add up
            out.append(
                _check(
                    f"{GENDER_AGE}.{group}.women_plus_men.{slug(row['label'])}",
                    f"Women + men = total ({name}, {row['label']})",
                    0 if pd.isna(row["total_count"]) else row["total_count"],
                    sum(0 if pd.isna(row[c]) else row[c] for c in ("women_count", "men_count")),
                    GENDER_AGE,
                    str(int(row["source_line"])),
                    "persons",
                    0,
                )
            )
    return out


def _share_note(count: float, total: float, printed: float, recomputed: float, name: str) -> str:
    return (
        f"{_f(count, 0)} of the {_f(total, 0)} {name} is {_f(recomputed, 1, '%')}, not the printed "
        f"{_f(printed, 1, '%')}. The counts add up (age groups to Totalt, women + men to the row total), so the "
        "printed percentage does not come from these counts: a typo, or a share computed from another "
        "extraction of the personnel data. "
        f"Effect: {_f(printed - recomputed, 1)} percentage points."
    )


@identity(CHAPTER)
def gender_age_shares(get: Getter) -> list[Check]:
    """Every printed percentage of the gender/age tables against count ÷ the group's total, and the
    percentages against each other (women % + men % = total %, age groups add up to Totalt %)."""
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
                count = 0.0 if pd.isna(row[f"{gender}_count"]) else float(row[f"{gender}_count"])
                recomputed = pct(count, grand)
                note = ""
                if round(recomputed, 1) != float(printed):
                    note = _share_note(count, grand, float(printed), recomputed, name)
                out.append(
                    _check(
                        f"{GENDER_AGE}.{group}.share.{gender}.{slug(row['label'])}",
                        f"{header} share = count ÷ all {name} ({row['label']})",
                        printed,
                        recomputed,
                        GENDER_AGE,
                        line,
                        "percent",
                        1,
                        note,
                    )
                )
            women, men, total = (row[f"{g}_pct"] for g in GENDER_COLUMNS)
            parts = sum(0.0 if pd.isna(v) else float(v) for v in (women, men))
            note = ""
            if abs(float(total) - parts) >= 0.15:
                counted = pct(0 if pd.isna(row["total_count"]) else row["total_count"], grand)
                wrong = "the total" if abs(total - counted) > abs(parts - counted) else "the women's or men's share"
                note = (
                    f"The printed shares of women ({_f(women, 1, '%')}) and men ({_f(men, 1, '%')}) add up to "
                    f"{_f(parts, 1, '%')}, not the printed {_f(total, 1, '%')}. From the counts the row is "
                    f"{_f(counted, 1, '%')} of all {name}, so {wrong} is misprinted."
                )
            out.append(
                _check(
                    f"{GENDER_AGE}.{group}.pct_women_plus_men.{slug(row['label'])}",
                    f"Women % + men % = total % ({name}, {row['label']})",
                    total,
                    parts,
                    GENDER_AGE,
                    line,
                    "percent",
                    1,
                    note,
                )
            )
        total_row = row_of(rows, label="Totalt")
        for gender, header in GENDER_COLUMNS.items():
            column = f"{gender}_pct"
            summed = float(items(rows)[column].fillna(0).sum())
            note = ""
            if abs(float(total_row[column]) - summed) >= 0.15:
                note = (
                    f"The printed {header.lower()} shares of the age groups add up to {_f(summed, 1, '%')}, not the "
                    f"printed {_f(total_row[column], 1, '%')}; the shares computed from the counts add up, so the gap "
                    "comes from the misprinted age groups listed above."
                )
            out.append(
                _check(
                    f"{GENDER_AGE}.{group}.sum.{column}",
                    f"Totalt % = sum of the age groups ({name}, {header.lower()})",
                    total_row[column],
                    summed,
                    GENDER_AGE,
                    str(int(total_row["source_line"])),
                    "percent",
                    1,
                    note,
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


@identity(CHAPTER)
def gender_shares_prose(get: Getter) -> list[Check]:
    """The women's and men's shares the text states, against the counts of the tables."""
    ages = get(GENDER_AGE)
    permanent = row_of(ages, staff_group="permanent", label="Totalt")
    temporary = row_of(ages, staff_group="temporary", label="Totalt")
    part_time = row_of(ages, staff_group="permanent_part_time", label="Totalt")
    pay = row_of(get(PAY_TOTAL), label="Gjennomsnitt av Årslønn")
    pay_share_men = 100 - implied_women_share(pay["avg_pay_women"], pay["avg_pay_men"], pay["avg_pay_all"])
    both_women = permanent["women_count"] + temporary["women_count"]
    both = permanent["total_count"] + temporary["total_count"]
    temp_text_sum = prose_value(get, "temporary_women_share_dec_2023") + prose_value(
        get, "temporary_men_share_dec_2023"
    )
    part_text_sum = prose_value(get, "part_time_permanent_women_share") + prose_value(
        get, "part_time_permanent_men_share"
    )
    cases = [
        # (prose label, recomputed, decimals, explanation)
        ("permanent_women_share_dec_2023", pct(permanent["women_count"], permanent["total_count"]), 1, ""),
        (
            "permanent_men_share_dec_2023",
            pct(permanent["men_count"], permanent["total_count"]),
            2,
            f"{_f(permanent['men_count'], 0)} of {_f(permanent['total_count'], 0)} permanent employees are men, "
            f"{_f(pct(permanent['men_count'], permanent['total_count']), 2, '%')}; the table prints "
            f"{_f(permanent['men_pct'], 1, '%')}. The text's "
            f"{_f(prose_value(get, 'permanent_men_share_dec_2023'), 2, '%')} "
            "is the men's share implied by the organisation-wide average pay (see the next check), so the sentence "
            "seems to rest on the pay statistics' population, not on the gender/age table.",
        ),
        ("women_share_2023_permanent_and_temporary", pct(both_women, both), 1, ""),
        ("men_share_2023_permanent_and_temporary", pct(both - both_women, both), 1, ""),
        (
            "temporary_women_share_dec_2023",
            pct(temporary["women_count"], temporary["total_count"]),
            1,
            f"{_f(temporary['women_count'], 0)} of {_f(temporary['total_count'], 0)} temporary employees is "
            f"{_f(pct(temporary['women_count'], temporary['total_count']), 2, '%')}; the text repeats the table's "
            f"{_f(temporary['women_pct'], 1, '%')}, which is off by the same amount (see the gender/age checks).",
        ),
        (
            "temporary_men_share_dec_2023",
            pct(temporary["men_count"], temporary["total_count"]),
            2,
            f"{_f(temporary['men_count'], 0)} of {_f(temporary['total_count'], 0)} temporary employees is "
            f"{_f(pct(temporary['men_count'], temporary['total_count']), 2, '%')}; the table prints "
            f"{_f(temporary['men_pct'], 1, '%')} and the text "
            f"{_f(prose_value(get, 'temporary_men_share_dec_2023'), 2, '%')}. "
            "Neither matches the counts; with the text's women's share the two add up to "
            f"{_f(temp_text_sum, 2, '%')}, so the text's figures probably come from a slightly different count.",
        ),
        (
            "part_time_permanent_women_share",
            pct(part_time["women_count"], part_time["total_count"]),
            1,
            f"{_f(part_time['women_count'], 0)} of {_f(part_time['total_count'], 0)} permanent part-time employees is "
            f"{_f(pct(part_time['women_count'], part_time['total_count']), 1, '%')}, as the table prints "
            f"({_f(part_time['women_pct'], 1, '%')}). The text's "
            f"{_f(prose_value(get, 'part_time_permanent_women_share'), 1, '%')} "
            "is a typo (one digit off): with the text's men's share of "
            f"{_f(prose_value(get, 'part_time_permanent_men_share'), 1, '%')} it adds up to "
            f"{_f(part_text_sum, 1, '%')}.",
        ),
        ("part_time_permanent_men_share", pct(part_time["men_count"], part_time["total_count"]), 1, ""),
    ]
    out = []
    for label, recomputed, decimals, note in cases:
        value, line = prose(get, label)
        out.append(
            _check(
                f"{PROSE}.{label}",
                f"Text: {PROSE_SHARES[label]} = share from the counts",
                value,
                recomputed,
                PROSE,
                str(line),
                "percent",
                decimals,
                note,
            )
        )
    value, line = prose(get, "permanent_men_share_dec_2023")
    out.append(
        _check(
            f"{PROSE}.permanent_men_share_dec_2023.vs_pay_average",
            "Text: men's share of permanent staff = share implied by the average pay of women, men and all",
            value,
            pay_share_men,
            PROSE,
            f"{line}, {int(pay['source_line'])}",
            "percent",
            2,
            "The organisation-wide average pay is the mean of the women's and men's averages weighted by their "
            f"numbers; the printed averages imply men are {_f(pay_share_men, 2, '%')} of the pay population.",
        )
    )
    for kind, women_label, men_label in (
        ("2022", "women_share_2022", "men_share_2022"),
        (
            "2023_permanent_and_temporary",
            "women_share_2023_permanent_and_temporary",
            "men_share_2023_permanent_and_temporary",
        ),
        ("permanent_dec_2023", "permanent_women_share_dec_2023", "permanent_men_share_dec_2023"),
        ("temporary_dec_2023", "temporary_women_share_dec_2023", "temporary_men_share_dec_2023"),
        ("part_time", "part_time_permanent_women_share", "part_time_permanent_men_share"),
    ):
        women, line = prose(get, women_label)
        men, men_line = prose(get, men_label)
        note = ""
        if abs(women + men - 100) > 0.25:
            note = (
                f"The text's shares of women ({_f(women, 1, '%')}) and men ({_f(men, 1, '%')}) add up to "
                f"{_f(women + men, 1, '%')}; the women's share is the misprint (the table has "
                f"{_f(part_time['women_pct'], 1, '%')})."
            )
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
                note,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Pay.


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
    """Average pay: each job group's total average against the women's and men's averages weighted
    by the head counts; the organisation-wide averages against the job groups and against each other."""
    joined = pay_with_counts(get)
    out = []
    for _, row in joined.iterrows():
        weighted = (row["avg_pay_women"] * row["headcount_women"] + row["avg_pay_men"] * row["headcount_men"]) / row[
            "headcount_total"
        ]
        gap = row["avg_pay_total"] - weighted
        note = ""
        if abs(gap) > 2:
            implied = implied_women_share(row["avg_pay_women"], row["avg_pay_men"], row["avg_pay_total"])
            note = (
                f"Weighting the women's and men's averages by the {_f(row['headcount_women'], 0)} women and "
                f"{_f(row['headcount_men'], 0)} men of the job-group table gives NOK {_f(weighted, 0)}, "
                f"NOK {_f(gap, 0)} ({_f(pct(gap, weighted), 2, '%')}) from the printed average. The printed averages "
                f"imply a women's share of {_f(implied, 1, '%')}, against "
                f"{_f(pct(row['headcount_women'], row['headcount_total']), 1, '%')} "
                "in the job-group table: the pay averages rest on another population or weighting than the head "
                "counts (not stated in the report)."
            )
        out.append(
            _check(
                f"{PAY}.avg_pay_total.{slug(row['key'])[:40]}.weighted",
                f"Average pay, all = women's and men's averages weighted by head count: {row['label']}",
                row["avg_pay_total"],
                weighted,
                PAY,
                f"{int(row['source_line'])}, {int(row['source_line_counts'])}",
                "NOK per year",
                0,
                note,
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
        weighted = float((joined[column_pay] * joined[column_count]).sum() / joined[column_count].sum())
        gap = total[column_total] - weighted
        out.append(
            _check(
                f"{PAY_TOTAL}.{column_total}.vs_job_groups",
                f"Organisation-wide average pay ({who}) = job groups' averages weighted by head count",
                total[column_total],
                weighted,
                PAY_TOTAL,
                lines,
                "NOK per year",
                0,
                f"The job groups' averages, weighted by their head counts, give NOK {_f(weighted, 0)}, NOK "
                f"{_f(-gap, 0)} ({_f(pct(-gap, total[column_total]), 1, '%')}) above the printed organisation-wide "
                "average. If the job-group tables covered the same employees as the organisation-wide average the "
                "two would agree; they do not, so the tables rest on different populations or definitions, which "
                "the report does not state.",
            )
        )
    weighted = (
        total["avg_pay_women"] * count_total["headcount_women"] + total["avg_pay_men"] * count_total["headcount_men"]
    ) / count_total["headcount_total"]
    implied = implied_women_share(total["avg_pay_women"], total["avg_pay_men"], total["avg_pay_all"])
    out.append(
        _check(
            f"{PAY_TOTAL}.avg_pay_all.weighted",
            "Organisation-wide average pay, all = women's and men's averages weighted by head count",
            total["avg_pay_all"],
            weighted,
            PAY_TOTAL,
            f"{int(total['source_line'])}, {int(count_total['source_line'])}",
            "NOK per year",
            0,
            f"Weighted by the {_f(count_total['headcount_women'], 0)} women and {_f(count_total['headcount_men'], 0)} "
            f"men of the job-group table the average is NOK {_f(weighted, 0)}, NOK "
            f"{_f(total['avg_pay_all'] - weighted, 0)} below the printed figure. The printed averages imply a women's "
            f"share of {_f(implied, 2, '%')} (job-group table: "
            f"{_f(pct(count_total['headcount_women'], count_total['headcount_total']), 2, '%')}): "
            "a slightly different population, with a negligible effect.",
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


@identity(CHAPTER)
def prose_claims(get: Getter) -> list[Check]:
    """The text's claims about trends and comparisons, held against the tables."""
    out = []
    staff = get(STAFF)
    top_fte = top_codes(staff, "fte_change_pct", 3)
    top_head = top_codes(staff, "headcount_change_pct", 3)
    p09 = cell_value(staff.assign(code=staff["label"].map(area_code)), "headcount_change_pct", code="P09")
    out.append(
        _claim(
            f"{STAFF}.claim.largest_increase",
            "Text: the largest increases in staffing were in P03, P05 and P12",
            set(top_fte) == {"P03", "P05", "P12"},
            STAFF,
            "3708–3710",
            f"In FTEs the three largest increases are {', '.join(top_fte)}, as the text says. In headcount they are "
            f"{', '.join(top_head)}: P09 ({fmt(p09, 1, '%', sign=True)}) "
            "comes before P05.",
        )
    )
    shares = get(FULL_TIME)
    y22, y23 = row_of(shares, label="2022"), row_of(shares, label="2023")
    staff_total = row_of(staff, label=TOTAL)
    out.append(
        _claim(
            f"{FULL_TIME}.claim.full_time_share_rose",
            "Text: the full-time share rose in 2023",
            y23["full_time_share_pct"] > y22["full_time_share_pct"],
            FULL_TIME,
            "3720",
            f"{_f(y22['full_time_share_pct'], 2, '%')} in 2022, {_f(y23['full_time_share_pct'], 2, '%')} in 2023.",
        )
    )
    out.append(
        _claim(
            f"{FULL_TIME}.claim.avg_position_size_rose",
            "Text: the average position size rose in 2023",
            y23["avg_position_size_pct"] > y22["avg_position_size_pct"],
            FULL_TIME,
            "3720",
            f"The table prints {_f(y22['avg_position_size_pct'], 2, '%')} for 2022 and "
            f"{_f(y23['avg_position_size_pct'], 2, '%')} for 2023. FTEs per permanent employee in the staffing "
            "table rose slightly, from "
            f"{_f(pct(staff_total['fte_2022'], staff_total['headcount_2022']), 2, '%')} to "
            f"{_f(pct(staff_total['fte_2023'], staff_total['headcount_2023']), 2, '%')}, "
            "which may be what the text has in mind.",
        )
    )
    sick = get(SICK)
    total = row_of(sick, label=TOTAL)
    rose = items(sick)[items(sick)["sick_leave_2023_pct"] > items(sick)["sick_leave_2022_pct"]]
    out.append(
        _claim(
            f"{SICK}.claim.slight_fall_some_areas_up",
            "Text: total sick leave fell slightly in 2023 although some areas rose",
            total["sick_leave_2023_pct"] < total["sick_leave_2022_pct"] and len(rose) > 0,
            SICK,
            "3767–3768",
            f"{_f(total['sick_leave_2022_pct'], 1, '%')} to {_f(total['sick_leave_2023_pct'], 1, '%')}; "
            f"{len(rose)} areas rose ({', '.join(rose['label'].map(area_code))}).",
        )
    )
    quarters = get(SICK_Q)
    qcols = ["q1_pct", "q2_pct", "q3_pct", "q4_pct"]
    drammen = row_of(quarters, population="drammen", label=TOTAL)[qcols].astype(float)
    sector = row_of(quarters, population="municipal_sector", label=TOTAL)[qcols].astype(float)
    gaps = drammen - sector
    out.append(
        _claim(
            f"{SICK_Q}.claim.above_sector",
            "Text: Drammen's sick leave is throughout somewhat above the municipal sector",
            bool((gaps > 0).all()),
            SICK_Q,
            "3820–3821",
            "Drammen minus the sector, quarters 1–4: "
            + ", ".join(_f(g, 1) for g in gaps)
            + " percentage points (all genders together).",
        )
    )
    turn = get(TURNOVER)
    change = items(turn).assign(
        code=lambda f: f["label"].map(area_code), change=lambda f: f["turnover_2023_pct"] - f["turnover_2022_pct"]
    )
    ranked_change = change.sort_values(["change", "code"], ascending=[False, True], kind="stable")[["code", "change"]]
    top_change = list(ranked_change["code"].head(2))
    out.append(
        _claim(
            f"{TURNOVER}.claim.largest_increase",
            "Text: turnover rose most in P07 and P11",
            set(top_change) == {"P07", "P11"},
            TURNOVER,
            "3892–3893",
            "Largest increases 2022–2023: "
            + ", ".join(f"{c} {fmt(v, 1, sign=True)}" for c, v in ranked_change.head(3).itertuples(index=False))
            + " percentage points.",
        )
    )
    fell = change.set_index("code")["change"]
    out.append(
        _claim(
            f"{TURNOVER}.claim.fell_p03_p14",
            "Text: turnover fell in P03 and P14–P19",
            bool(fell["P03"] < 0 and fell["P14-P19"] < 0),
            TURNOVER,
            "3893–3894",
            f"P03 {fmt(fell['P03'], 1, sign=True)}, P14–P19 {fmt(fell['P14-P19'], 1, sign=True)} percentage points "
            f"(P12 fell too, {fmt(fell['P12'], 1, sign=True)}).",
        )
    )
    t22 = row_of(turn, label=TOTAL)["turnover_2022_pct"]
    sector_all = prose_value(get, "municipal_sector_turnover_2022")
    sector_excl = prose_value(get, "municipal_sector_turnover_2022_excl_hourly_paid")
    out.append(
        _claim(
            f"{TURNOVER}.claim.above_sector",
            "Text: Drammen's turnover is higher than the municipal sector's",
            bool(t22 > sector_excl),
            TURNOVER,
            "3896–3899",
            f"In 2022, the year the sector figures are for, Drammen's turnover was {_f(t22, 1, '%')}: the same as the "
            f"sector without hourly paid staff ({_f(sector_excl, 0, '%')}) and below the sector with them "
            f"({_f(sector_all, 1, '%')}). Only Drammen's 2023 rate "
            f"({_f(row_of(turn, label=TOTAL)['turnover_2023_pct'], 1, '%')}) "
            "is higher, and that compares different years.",
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
            f"{_f(ot['overtime_hours_2022'], 0)} to {_f(ot['overtime_hours_2023'], 0)} hours "
            f"({fmt(pct_change(ot['overtime_hours_2022'], ot['overtime_hours_2023']), 1, '%', sign=True)}).",
        )
    )
    br = row_of(get(BREACH_AREA), label=TOTAL)
    out.append(
        _claim(
            f"{BREACH_AREA}.claim.rose_with_overtime",
            "Text: breaches rose in step with overtime",
            br["breaches_2023"] > br["breaches_2022"] and ot["overtime_hours_2023"] > ot["overtime_hours_2022"],
            BREACH_AREA,
            "4116",
            f"Breaches {fmt(pct_change(br['breaches_2022'], br['breaches_2023']), 1, '%', sign=True)}, overtime hours "
            f"{fmt(pct_change(ot['overtime_hours_2022'], ot['overtime_hours_2023']), 1, '%', sign=True)}: both rose, "
            "breaches faster.",
        )
    )
    top_breach = top_codes(get(BREACH_AREA), "breaches_2023", 3)
    out.append(
        _claim(
            f"{BREACH_AREA}.claim.most_in_rota_services",
            "Text: most breaches are in the rota-based services",
            top_breach[0] == "P06",
            BREACH_AREA,
            "4121",
            "Most breaches in 2023: " + "; ".join(f"{code} {AREA_EN[code]}" for code in top_breach) + ".",
        )
    )
    young = temporary_share_by_age(get)
    young = young[young["both"] > 0]
    falling = bool(young["temporary_share_pct"].is_monotonic_decreasing)
    out.append(
        _claim(
            f"{GENDER_AGE}.claim.temporary_younger",
            "Text: counting temporary staff matters most in the younger age groups",
            falling,
            GENDER_AGE,
            "4225–4227",
            "Temporary employees as a share of all employees in the age group: "
            + ", ".join(f"{r.label} {_f(r.temporary_share_pct, 1, '%')}" for r in young.itertuples())
            + ".",
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
            "True for every age group that has employees (the table prints none over 70).",
        )
    )
    jobs = get(JOB_GROUPS)
    top = jobs[jobs["label"].isin(TOP_MANAGEMENT)]
    women, men = int(top["headcount_women"].sum()), int(top["headcount_men"].sum())
    out.append(
        _claim(
            f"{JOB_GROUPS}.claim.top_management_balanced",
            "Text: top management is evenly split between women and men",
            women == men,
            JOB_GROUPS,
            "4466",
            f"'{TOP_MANAGEMENT[0]}' and '{TOP_MANAGEMENT[1]}' together: {women} women, {men} men.",
        )
    )
    return out


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
    counts = counts.reindex(columns=["exact", "rounding", "discrepancy"], fill_value=0)
    counts["total"] = counts.sum(axis=1)
    return counts.reset_index()
