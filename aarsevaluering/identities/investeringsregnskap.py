"""Identities of the investment account (*investeringsregnskap*): statements 2A and 2B, the
kommunekasse's own 2A blocks, the programme areas' project tables and the net tables of P11 and P12.

Every comparison of a printed figure with its recomputation is written here once; the chapter
``notebooks/investeringsregnskap`` narrates them and the audit page lists them. The functions without
``@identity`` (``dekf_part``, ``project_matches``, ``financing_mix``, ``self_financing`` and the views at
the end) shape figures and tables for the chapter; they compare nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from ..checks import (
    CLAIM,
    CLAIM_UNIT,
    ESTIMATE_KIND,
    IN_NOK_THOUSAND,
    RESTATEMENT,
    SUM,
    Check,
    Getter,
    identity,
    lines_of,
    value,
)
from ..checks import check as make_check

CHAPTER = "investeringsregnskap"

T2A = "inv_2a_financing"
TDK = "inv_dk_blocks"
T1 = "inv_2b_fixed_assets"
T2 = "inv_2b_grants_to_others"
T3 = "inv_2b_shares_and_equity"
T4 = "inv_2b_own_lending"
TPROJ = "inv_programme_projects"
TNET = "inv_net_projects"
TPROSE = "inv_prose_figures"

COLUMNS_2A = ["actual_2022", "original_budget_2023", "revised_budget_2023", "actual_2023"]
COLUMNS_DK = ["actual_2023", "revised_budget_2023", "original_budget_2023"]
COLUMNS_PROJ = ["revised_budget_2023", "actual_2023"]
COLUMN_NAMES = {
    "actual_2022": "actual 2022",
    "original_budget_2023": "original budget 2023",
    "revised_budget_2023": "revised budget 2023",
    "actual_2023": "actual 2023",
    "deviation_nok": "deviation",
}

# 2A's four sections (their printed subtotal rows) and the DK block holding the same figures.
SECTIONS_2A = [
    "Sum investeringsutgifter",
    "Sum investeringsinntekter",
    "Netto utgifter videreutlån",
    "Sum overføring fra drift og netto avsetninger",
]
DK_BLOCK_OF_SECTION = {
    "Sum investeringsutgifter": "Sum investeringsutgifter",
    "Sum investeringsinntekter": "Sum investeringsinntekter",
    "Netto utgifter videreutlån": "Netto utgifter videreutlån",
    "Sum overføring fra drift og netto avsetninger": "Sum overføring fra drift og netto avsetninger",
}
# The 2B parts and the 2A rows that print the same totals.
PART_TOTALS = {
    T1: ("Investeringer i varige driftsmidler", "1. Investeringer i varige driftsmidler"),
    T2: ("Tilskudd til andres investeringer", "2. Tilskudd til andres investeringer"),
    T3: ("Investeringer i aksjer og andeler i selskaper", "3. Investeringer i aksjer og andeler i selskaper"),
    T4: ("Utlån av egne midler", "4. Utlån av egne midler"),
}
SUM_PARTS = "Sum del 1–4"
GENERAL_VAT_RATE = 0.25  # the general rate of VAT (merverdiavgiftsloven § 5-1), on the price before VAT
NO_PROJECT = "Prosjekt mangler"  # 2B part 1: spending on no project, 16 483 in 2023 (line 3124)
DEKF_GRANT_LINE = "Investering DEKF"  # 2B part 2: Drammen Eiendom KF's grant, 26 203 in 2023
# Grants to others' investments that the net tables of P11/P12 show as a component of a main
# project. The 2B part 2 lines print no project; they are paired here by amount (50, 12, 812 and
# 931 + 54 = 985 print in both tables) and by subject (flood protection, playgrounds, road
# agreements, water and sewage agreements).
GRANT_LINES_OF_PROJECT = {
    "KK P11 Flomsikring": ["Flomsikring NVE Wildenveys park og Vrangbekk"],
    "KK P11 Oppgradering lekeplasser": ["Etableringsskjøtsel lekeplasser og nærmiljøanlegg"],
    "KK P11 Samarbeid med andre utbyggere": ["Justeringsavtaler vei"],
    "KK P12 Vann/avløp": ["Justeringsavtaler VA", "Etterarbeid investeringsprosjekter"],
}
NET_COMPONENT_FIXED = "Investeringer i varige driftsmidler"
NET_COMPONENT_GRANTS_TO_OTHERS = "Tilskudd til andres investeringer"
OTHER_PROJECTS = "Sum øvrige prosjekter"

# ---------------------------------------------------------------------------------------------
# Figures the report gives only in sentences live in one place, the table ``inv_prose_figures``
# (source_line, label, row_kind, unit, decimals, value). The 45 million of line 2670 is in
# ``drift_prose_figures`` (transfer_to_investment_reduction).


def prose_table(get: Getter) -> pd.DataFrame:
    """The chapter's prose figures (the table ``inv_prose_figures``)."""
    return get(TPROSE)


def prose(get: Getter, label: str) -> float:
    return value(prose_table(get), "value", label=label)


def prose_million(get: Getter, label: str) -> float:
    """A prose figure in NOK million, whatever unit the sentence prints it in (kroner, say)."""
    row = prose_table(get).set_index("label").loc[label]
    return float(row["value"]) * IN_NOK_THOUSAND[str(row["unit"])] / 1000


def prose_line(get: Getter, label: str) -> str:
    return str(int(value(prose_table(get), "source_line", label=label)))


DRIFT_PROSE = "drift_prose_figures"
TRANSFER_REDUCTION = "transfer_to_investment_reduction"  # line 2670, '45 millioner kroner'


def drift_prose(get: Getter, label: str) -> float:
    """A figure of the operating chapter's prose table (for sentences both chapters read)."""
    return value(get(DRIFT_PROSE), "value", label=label)


# ---------------------------------------------------------------------------------------------
# Small helpers.


def slug(text: str) -> str:
    """A stable ascii-ish key for check ids: 'KK P11 Bybru' -> 'kk_p11_bybru'."""
    return re.sub(r"[^0-9a-zæøå]+", "_", str(text).casefold()).strip("_")


def label_key(text: str) -> str:
    """Labels compared across tables: case, dashes and the spaces around them do not count
    ('Krokstad sykehjem – infrastruktur' = 'Krokstad sykehjem - infrastruktur')."""
    return re.sub(r"[\s\-–]+", " ", str(text).casefold()).strip()


def _n(x) -> float:
    """A printed number, an empty cell (printed '-' or blank) counting as zero."""
    return 0.0 if pd.isna(x) else float(x)


def _check(check_id, what, printed, recomputed, table, lines, *, kind, decimals=0, unit="NOK 1000", **tolerance):
    """A check of this chapter. ``kind`` is required (the kind of relation decides the tolerance);
    ``tolerance`` takes ``terms``, ``input_decimals`` and ``bounds``. The words about a check that
    fails live in ``findings/investeringsregnskap.yaml``, not here."""
    section = "Investeringsregnskapet (prose)" if table == TPROSE else None
    return make_check(
        CHAPTER, check_id, what, printed, recomputed, table, lines, decimals, unit, section, kind=kind, **tolerance
    )


def _line(frame: pd.DataFrame, **where) -> str:
    return str(int(value(frame, "source_line", **where)))


def section_of_2a(frame: pd.DataFrame) -> pd.Series:
    """For each 2A row, the section (subtotal label) it belongs to; the bottom line is 'total'."""
    out, pending = [], []
    for _, row in frame.iterrows():
        if row["row_kind"] == "item":
            pending.append(row.name)
            out.append(None)
        elif row["row_kind"] == "subtotal":
            out.append(row["label"])
            for index in pending:
                out[frame.index.get_loc(index)] = row["label"]
            pending = []
        else:
            out.append("total")
    return pd.Series(out, index=frame.index)


def dk_value(dk: pd.DataFrame, label: str, column: str) -> float:
    """Kommunekassen's figure for a 2A line: the DK item of that name, zero where DK prints none
    ('Avdrag på lån' and 'Dekning av tidligere års udekket beløp' have no DK row)."""
    hits = dk[(dk["row_kind"] == "item") & (dk["label"] == label)]
    return float(hits[column].iloc[0]) if len(hits) == 1 else 0.0


def dk_section_value(dk: pd.DataFrame, section: str, column: str) -> float:
    block = DK_BLOCK_OF_SECTION[section]
    return value(dk, column, block=block, row_kind="subtotal")


def part1_area_rows(part1: pd.DataFrame) -> pd.DataFrame:
    return part1[part1["row_kind"] == "item"]


# ---------------------------------------------------------------------------------------------
# Statement 2A balances.


@identity(CHAPTER)
def two_a_balances(get: Getter) -> list[Check]:
    """Each 2A section subtotal = its lines; the amount carried forward = the four subtotals."""
    frame = get(T2A)
    sections = section_of_2a(frame)
    out = []
    for section in SECTIONS_2A:
        items = frame[(sections == section) & (frame["row_kind"] == "item")]
        for column in COLUMNS_2A:
            out.append(
                _check(
                    f"inv_2a.section.{slug(section)}.{column}",
                    f"2A: {section} = sum of its lines ({COLUMN_NAMES[column]})",
                    value(frame, column, label=section),
                    items[column].fillna(0).sum(),
                    T2A,
                    lines_of(T2A, frame, (sections == section)),
                    kind=SUM,
                    terms=len(items),
                )
            )
    total = frame[frame["row_kind"] == "total"].iloc[0]
    subtotals = frame[frame["row_kind"] == "subtotal"]
    for column in COLUMNS_2A:
        out.append(
            _check(
                f"inv_2a.balance.{column}",
                f"2A balances: carried forward as uncovered = sum of the four sections ({COLUMN_NAMES[column]})",
                total[column],
                subtotals[column].sum(),
                T2A,
                lines_of(T2A),
                kind=SUM,
                terms=len(subtotals),
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Kommunekassen alone (the DK blocks) against 2A.


@identity(CHAPTER)
def dk_blocks_add_up(get: Getter) -> list[Check]:
    """Each DK block: its 'Sum ...' row = its lines, and 'Totalsum' = the 'Sum ...' row."""
    dk = get(TDK)
    out = []
    for block in DK_BLOCK_OF_SECTION.values():
        rows = dk[dk["block"] == block]
        items = rows[rows["row_kind"] == "item"]
        sub = rows[rows["row_kind"] == "subtotal"].iloc[0]
        tot = rows[rows["row_kind"] == "total"].iloc[0]
        for column in COLUMNS_DK:
            out.append(
                _check(
                    f"inv_dk.{slug(block)}.sum.{column}",
                    f"DK: {sub['label']} = sum of its lines ({COLUMN_NAMES[column]})",
                    sub[column],
                    items[column].sum(),
                    TDK,
                    f"{int(items['source_line'].min())}–{int(sub['source_line'])}",
                    kind=SUM,
                    terms=len(items),
                )
            )
            out.append(
                _check(
                    f"inv_dk.{slug(block)}.totalsum.{column}",
                    f"DK: Totalsum = {sub['label']} ({COLUMN_NAMES[column]})",
                    tot[column],
                    sub[column],
                    TDK,
                    f"{int(sub['source_line'])}, {int(tot['source_line'])}",
                    kind=RESTATEMENT,
                )
            )
    return out


def _part1_by_executor(part1: pd.DataFrame, executors: set, column: str) -> float:
    items = part1_area_rows(part1)
    mask = items["executor"].fillna("").isin(executors)
    return float(items.loc[mask, column].sum())


def _part1_count(part1: pd.DataFrame, executors: set) -> int:
    """How many 2B part 1 project lines the executors have (the terms of a sum over them)."""
    items = part1_area_rows(part1)
    return int(items["executor"].fillna("").isin(executors).sum())


@identity(CHAPTER)
def kommunekassen_and_dekf(get: Getter) -> list[Check]:
    """2A (kommunekassen + Drammen Eiendom KF) = DK (kommunekassen) + what 2B shows DEKF doing;
    lines DEKF has no part in print the same in 2A and DK."""
    a, dk, part1, part2 = get(T2A), get(TDK), get(T1), get(T2)
    out = []
    label = "Investeringer i varige driftsmidler"
    for column in COLUMNS_DK:
        out.append(
            _check(
                f"inv_dk.kk_fixed_assets_vs_2b.{column}",
                f"DK fixed assets = 2B part 1 lines of kommunekassen (KK and no prefix) ({COLUMN_NAMES[column]})",
                dk_value(dk, label, column),
                _part1_by_executor(part1, {"KK", ""}, column),
                TDK,
                f"{_line(dk, label=label, block='Sum investeringsutgifter')}; 2B 3124–3387",
                kind=SUM,
                terms=_part1_count(part1, {"KK", ""}),
            )
        )
        out.append(
            _check(
                f"inv_2a.fixed_assets_vs_dk_plus_dekf.{column}",
                f"2A fixed assets = DK + 2B part 1 lines of DEKF and DBKF ({COLUMN_NAMES[column]})",
                value(a, column, label=label),
                dk_value(dk, label, column) + _part1_by_executor(part1, {"DEKF", "DBKF"}, column),
                T2A,
                f"{_line(a, label=label)}; DK {_line(dk, label=label, block='Sum investeringsutgifter')}; 2B",
                kind=SUM,
                terms=1 + _part1_count(part1, {"DEKF", "DBKF"}),
            )
        )
    label = "Tilskudd til andres investeringer"
    for column in COLUMNS_DK:
        out.append(
            _check(
                f"inv_2a.grants_to_others_vs_dk_plus_dekf.{column}",
                f"2A grants to others = DK + 2B line '{DEKF_GRANT_LINE}' ({COLUMN_NAMES[column]})",
                value(a, column, label=label),
                dk_value(dk, label, column) + value(part2, column, label=DEKF_GRANT_LINE),
                T2A,
                f"{_line(a, label=label)}; DK {_line(dk, label=label, block='Sum investeringsutgifter')}; "
                f"2B {_line(part2, label=DEKF_GRANT_LINE)}",
                kind=SUM,
                terms=2,
            )
        )
    # Lines that are kommunekassen's alone: shares, own lending, relending, the transfer from operations.
    same = [
        "Investeringer i aksjer og andeler i selskaper",
        "Utlån av egne midler",
        "Videreutlån",
        "Bruk av lån til videreutlån",
        "Avdrag på lån til videreutlån",
        "Mottatte avdrag på videreutlån",
        "Overføring fra drift",
        "Salg av finansielle anleggsmidler",
    ]
    for label in same:
        for column in COLUMNS_DK:
            out.append(
                _check(
                    f"inv_2a.same_in_dk.{slug(label)}.{column}",
                    f"2A = DK (kommunekassen's alone): {label} ({COLUMN_NAMES[column]})",
                    value(a, column, label=label),
                    dk_value(dk, label, column),
                    T2A,
                    f"{_line(a, label=label)}; DK {_line(dk[dk['row_kind'] == 'item'], label=label)}",
                    kind=RESTATEMENT,
                )
            )
    return out


@identity(CHAPTER)
def investment_and_other_chapters(get: Getter) -> list[Check]:
    """The transfer from operations as the operating statement prints it against kommunekassen's
    2A (DK) lines and against 2A."""
    a, dk = get(T2A), get(TDK)
    drift = get("drift_year_end_dispositions")
    out = []
    label = "Overføring til investering"
    for column in COLUMNS_DK:
        out.append(
            _check(
                f"inv_dk.transfer_vs_drift.{column}",
                f"Operating statement's transfer to investment = − DK 'Overføring fra drift' ({COLUMN_NAMES[column]})",
                value(drift, column, label=label),
                -dk_value(dk, "Overføring fra drift", column),
                TDK,
                f"{_line(drift, label=label)}; DK {_line(dk, label='Overføring fra drift')}",
                kind=RESTATEMENT,
            )
        )
    out.append(
        _check(
            "inv_2a.transfer_vs_drift.actual_2022",
            "Operating statement's transfer to investment = − 2A 'Overføring fra drift' (actual 2022)",
            value(drift, "actual_2022", label=label),
            -value(a, "actual_2022", label="Overføring fra drift"),
            T2A,
            f"{_line(drift, label=label)}; 2A {_line(a, label='Overføring fra drift')}",
            kind=RESTATEMENT,
        )
    )
    # The investment funds' changes against the balance sheet (B02) are the balance chapter's checks.
    return out


# ---------------------------------------------------------------------------------------------
# Statement 2B rolls up, and meets 2A.


@identity(CHAPTER)
def two_b_rolls_up(get: Getter) -> list[Check]:
    """2B part 1: each programme subtotal = its projects, the part total = the subtotals; parts 2–4
    add up; 'Sum del 1–4' = the four part totals; each part total = its 2A line; 2A's investment
    expenditure = 'Sum del 1–4' + 'Avdrag på lån'."""
    part1, a = get(T1), get(T2A)
    out = []
    area = part1["programme_area"].fillna("")
    for code in dict.fromkeys(area[part1["row_kind"] != "total"]):
        rows = part1[(area == code) & (part1["row_kind"] != "total")]
        items = rows[rows["row_kind"] == "item"]
        sub = rows[rows["row_kind"] == "subtotal"].iloc[0]
        for column in COLUMNS_2A:
            out.append(
                _check(
                    f"inv_2b_part1.{slug(code or 'no_project')}.sum.{column}",
                    f"2B part 1: {sub['label']} = sum of its projects ({COLUMN_NAMES[column]})",
                    sub[column],
                    items[column].sum(),
                    T1,
                    f"{int(items['source_line'].min())}–{int(sub['source_line'])}",
                    kind=SUM,
                    terms=len(items),
                )
            )
    total = part1[part1["row_kind"] == "total"].iloc[0]
    subtotals = part1[part1["row_kind"] == "subtotal"]
    for column in COLUMNS_2A:
        out.append(
            _check(
                f"inv_2b_part1.total.{column}",
                f"2B part 1: Investeringer i varige driftsmidler = sum of the {len(subtotals)} subtotals "
                f"({COLUMN_NAMES[column]})",
                total[column],
                subtotals[column].sum(),
                T1,
                lines_of(T1),
                kind=SUM,
                terms=len(subtotals),
            )
        )
    for table in (T2, T3):
        frame = get(table)
        items = frame[frame["row_kind"] == "item"]
        tot = frame[frame["row_kind"] == "total"].iloc[0]
        for column in COLUMNS_2A:
            out.append(
                _check(
                    f"{table}.sum.{column}",
                    f"2B {PART_TOTALS[table][1]} = sum of its lines ({COLUMN_NAMES[column]})",
                    tot[column],
                    items[column].sum(),
                    table,
                    lines_of(table),
                    kind=SUM,
                    terms=len(items),
                )
            )
    part4 = get(T4)
    items = part4[part4["row_kind"] == "item"]
    for column in COLUMNS_2A:
        out.append(
            _check(
                f"{T4}.sum.{column}",
                f"2B {PART_TOTALS[T4][1]} = sum of its lines ({COLUMN_NAMES[column]})",
                value(part4, column, label=PART_TOTALS[T4][0]),
                items[column].sum(),
                T4,
                lines_of(T4),
                kind=SUM,
                terms=len(items),
            )
        )
    for column in COLUMNS_2A:
        parts = [value(get(table), column, label=PART_TOTALS[table][0]) for table in PART_TOTALS]
        out.append(
            _check(
                f"inv_2b.sum_parts.{column}",
                f"2B: {SUM_PARTS} = the four part totals ({COLUMN_NAMES[column]})",
                value(part4, column, label=SUM_PARTS),
                sum(parts),
                T4,
                "3389, 3426, 3463, 3495, 3497",
                kind=SUM,
                terms=len(parts),
            )
        )
    for table, (label, name) in PART_TOTALS.items():
        frame = get(table)
        for column in COLUMNS_2A:
            out.append(
                _check(
                    f"inv_2b.vs_2a.{slug(label)}.{column}",
                    f"2B {name} = 2A '{label}' ({COLUMN_NAMES[column]})",
                    value(a, column, label=label),
                    value(frame, column, label=label),
                    T2A,
                    f"{_line(a, label=label)}; 2B {_line(frame, label=label)}",
                    kind=RESTATEMENT,
                )
            )
    for column in COLUMNS_2A:
        out.append(
            _check(
                f"inv_2a.expenditure_vs_2b.{column}",
                f"2A Sum investeringsutgifter = 2B {SUM_PARTS} + 2A 'Avdrag på lån' ({COLUMN_NAMES[column]})",
                value(a, column, label="Sum investeringsutgifter"),
                value(part4, column, label=SUM_PARTS) + value(a, column, label="Avdrag på lån"),
                T2A,
                f"{_line(a, label='Sum investeringsutgifter')}; 2B 3497; 2A {_line(a, label='Avdrag på lån')}",
                kind=SUM,
                terms=2,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# The programme areas' project tables.


def _with_row_key(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["row_key"] = [f"{slug(a)}.{slug(b)}" for a, b in zip(frame["programme_area"], frame["label"], strict=True)]
    return frame


@identity(CHAPTER)
def project_tables_add_up(get: Getter) -> list[Check]:
    """Each project's deviation = revised budget − actual; each block's 'Sum' = its projects +
    'Sum øvrige prosjekter'."""
    proj = _with_row_key(get(TPROJ))
    out = []
    for _, row in proj.iterrows():
        recomputed = row["revised_budget_2023"] - row["actual_2023"]
        out.append(
            _check(
                f"{TPROJ}.deviation.{row['row_key']}",
                f"{row['programme_area']} {row['label']}: deviation = revised budget − actual",
                row["deviation_nok"],
                recomputed,
                TPROJ,
                str(int(row["source_line_last"] if pd.notna(row["source_line_last"]) else row["source_line"])),
                kind=SUM,
                terms=2,
            )
        )
    for code, rows in proj.groupby("programme_area", sort=False):
        parts = rows[rows["row_kind"] != "total"]
        tot = rows[rows["row_kind"] == "total"].iloc[0]
        for column in COLUMNS_PROJ + ["deviation_nok"]:
            out.append(
                _check(
                    f"{TPROJ}.sum.{slug(code)}.{column}",
                    f"{code} project table: Sum = projects + '{OTHER_PROJECTS}' ({COLUMN_NAMES[column]})",
                    tot[column],
                    parts[column].sum(),
                    TPROJ,
                    f"{int(parts['source_line'].min())}–{int(tot['source_line'])}",
                    kind=SUM,
                    terms=len(parts),
                )
            )
    return out


def net_grants_to_others(net: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Per main project (by label key): the net table's 'Tilskudd til andres investeringer'
    component (revised budget, actual), zero where none is printed."""
    rows = net[(net["row_kind"] == "component") & (net["label"] == NET_COMPONENT_GRANTS_TO_OTHERS)]
    return {
        label_key(r["main_project"]): (_n(r["revised_budget_2023"]), _n(r["actual_2023"])) for _, r in rows.iterrows()
    }


def project_matches(get: Getter) -> pd.DataFrame:
    """Each project line of the programme tables with its 2B part 1 line and, where the P11/P12 net
    tables print one, the grants to others' investments the project table counts in as well.
    'Sum øvrige prosjekter' is matched with the 2B lines of its area the table does not list,
    plus the area's 2B part 2 lines."""
    proj, part1, part2, net = get(TPROJ), get(T1), get(T2), get(TNET)
    p1 = part1_area_rows(part1).copy()
    p1["key"] = p1["label"].map(label_key)
    grants = net_grants_to_others(net)
    rows = []
    for _, r in proj[proj["row_kind"] != "total"].iterrows():
        area = r["programme_area"]
        if r["row_kind"] == "item":
            hit = p1[(p1["programme_area"] == area) & (p1["key"] == label_key(r["label"]))]
            if len(hit) != 1:
                raise KeyError(f"{TPROJ}: no single 2B line for {area} {r['label']!r}")
            line = hit.iloc[0]
            b_rev, b_act = float(line["revised_budget_2023"]), float(line["actual_2023"])
            g_rev, g_act = grants.get(label_key(r["label"]), (0.0, 0.0))
            matched, lines = line["label"], str(int(line["source_line"]))
            terms = 1 + int(label_key(r["label"]) in grants)
        else:  # Sum øvrige prosjekter
            listed = set(
                proj.loc[(proj["programme_area"] == area) & (proj["row_kind"] == "item"), "label"].map(label_key)
            )
            rest = p1[(p1["programme_area"] == area) & ~p1["key"].isin(listed)]
            others = part2[part2["programme_area"].fillna("") == area]
            b_rev, b_act = float(rest["revised_budget_2023"].sum()), float(rest["actual_2023"].sum())
            g_rev, g_act = float(others["revised_budget_2023"].sum()), float(others["actual_2023"].sum())
            matched = "; ".join(list(rest["label"]) + [f"part 2: {x}" for x in others["label"]])
            lines = ", ".join(str(int(x)) for x in list(rest["source_line"]) + list(others["source_line"]))
            terms = len(rest) + len(others)
        rows.append(
            {
                "programme_area": area,
                "label": r["label"],
                "row_kind": r["row_kind"],
                "line": int(r["source_line"]),
                "matched_2b": matched,
                "lines_2b": lines,
                "revised_project": float(r["revised_budget_2023"]),
                "actual_project": float(r["actual_2023"]),
                "revised_2b": b_rev,
                "actual_2b": b_act,
                "revised_grants": g_rev,
                "actual_grants": g_act,
                "terms": max(terms, 1),
            }
        )
    out = pd.DataFrame(rows)
    out["difference_actual"] = out["actual_project"] - out["actual_2b"]
    out["difference_revised"] = out["revised_project"] - out["revised_2b"]
    return out


@identity(CHAPTER)
def projects_match_2b(get: Getter) -> list[Check]:
    """Each project of a programme table = its 2B part 1 line (+ the grants to others' investments
    the net table lists under it); each block's Sum = the 2B subtotal + the area's grants."""
    matches = project_matches(get)
    out = []
    for _, m in matches.iterrows():
        for column, short in (("revised_budget_2023", "revised"), ("actual_2023", "actual")):
            grants = m[f"{short}_grants"]
            extra = ""
            if m["row_kind"] == "item" and grants:
                extra = " + grants to others' investments in the net table"
            elif m["row_kind"] != "item":
                extra = " (2B lines not listed + the area's 2B part 2 lines)"
            out.append(
                _check(
                    f"{TPROJ}.vs_2b.{slug(m['programme_area'])}.{slug(m['label'])}.{column}",
                    f"{m['programme_area']} {m['label']} = 2B line{extra} ({COLUMN_NAMES[column]})",
                    m[f"{short}_project"],
                    m[f"{short}_2b"] + grants,
                    TPROJ,
                    f"{m['line']}; 2B {m['lines_2b']}",
                    kind=RESTATEMENT if m["terms"] == 1 else SUM,
                    terms=int(m["terms"]),
                )
            )
    proj, part1, part2, net = get(TPROJ), get(T1), get(T2), get(TNET)
    grants_by_project = net_grants_to_others(net)
    for code, rows in proj.groupby("programme_area", sort=False):
        tot = rows[rows["row_kind"] == "total"].iloc[0]
        sub = part1[(part1["programme_area"] == code) & (part1["row_kind"] == "subtotal")].iloc[0]
        others = part2[part2["programme_area"].fillna("") == code]
        area_projects = {label_key(x) for x in part1.loc[part1["programme_area"] == code, "label"]}
        for column, idx in (("revised_budget_2023", 0), ("actual_2023", 1)):
            from_net = sum(v[idx] for k, v in grants_by_project.items() if k in area_projects)
            n_net = sum(1 for k in grants_by_project if k in area_projects)
            out.append(
                _check(
                    f"{TPROJ}.sum_vs_2b.{slug(code)}.{column}",
                    f"{code} project table Sum = 2B '{sub['label']}' + the area's grants to others' investments "
                    f"({COLUMN_NAMES[column]})",
                    tot[column],
                    sub[column] + others[column].sum() + from_net,
                    TPROJ,
                    f"{int(tot['source_line'])}; 2B {int(sub['source_line'])}",
                    kind=RESTATEMENT if len(others) + n_net == 0 else SUM,
                    terms=1 + len(others) + n_net,
                )
            )
    return out


# ---------------------------------------------------------------------------------------------
# The net tables of P11 and P12.


@identity(CHAPTER)
def net_tables_add_up(get: Getter) -> list[Check]:
    """Each main project = the sum of its components; Sum = the main projects; the component
    'Investeringer i varige driftsmidler' = the project's 2B part 1 line; the component 'Tilskudd til
    andres investeringer' = the 2B part 2 lines paired with it."""
    net, part1, part2 = get(TNET), get(T1), get(T2)
    p1 = part1_area_rows(part1).copy()
    p1["key"] = p1["label"].map(label_key)
    out = []
    for _, main in net[net["row_kind"] == "main_project"].iterrows():
        comps = net[(net["row_kind"] == "component") & (net["main_project"] == main["label"])]
        for column in COLUMNS_DK:
            out.append(
                _check(
                    f"{TNET}.main.{slug(main['programme_area'])}.{slug(main['label'])}.{column}",
                    f"Net table: {main['label']} = sum of its components ({COLUMN_NAMES[column]})",
                    _n(main[column]),
                    comps[column].fillna(0).sum(),
                    TNET,
                    f"{int(main['source_line'])}–{int(comps['source_line'].max())}",
                    kind=RESTATEMENT if len(comps) == 1 else SUM,
                    terms=len(comps),
                )
            )
        fixed = comps[comps["label"] == NET_COMPONENT_FIXED]
        line = p1[(p1["programme_area"] == main["programme_area"]) & (p1["key"] == label_key(main["label"]))]
        if len(fixed) == 1 and len(line) == 1:
            for column in COLUMNS_DK:
                out.append(
                    _check(
                        f"{TNET}.fixed_vs_2b.{slug(main['label'])}.{column}",
                        f"Net table: {main['label']}, {NET_COMPONENT_FIXED} = its 2B line ({COLUMN_NAMES[column]})",
                        _n(fixed[column].iloc[0]),
                        float(line[column].iloc[0]),
                        TNET,
                        f"{int(fixed['source_line'].iloc[0])}; 2B {int(line['source_line'].iloc[0])}",
                        kind=RESTATEMENT,
                    )
                )
        granted = comps[comps["label"] == NET_COMPONENT_GRANTS_TO_OTHERS]
        if len(granted) == 1:
            names = GRANT_LINES_OF_PROJECT[main["label"]]
            lines2 = part2[part2["label"].isin(names)]
            out.append(
                _check(
                    f"{TNET}.grants_to_others_vs_2b.{slug(main['label'])}",
                    f"Net table: {main['label']}, grants to others' investments = 2B part 2 "
                    f"{' + '.join(repr(n) for n in names)} (actual 2023)",
                    _n(granted["actual_2023"].iloc[0]),
                    float(lines2["actual_2023"].sum()),
                    TNET,
                    f"{int(granted['source_line'].iloc[0])}; 2B "
                    + ", ".join(str(int(x)) for x in lines2["source_line"]),
                    kind=RESTATEMENT if len(lines2) == 1 else SUM,
                    terms=len(lines2),
                )
            )
    for code, rows in net.groupby("programme_area", sort=False):
        mains = rows[rows["row_kind"] == "main_project"]
        tot = rows[rows["row_kind"] == "total"].iloc[0]
        for column in COLUMNS_DK:
            out.append(
                _check(
                    f"{TNET}.sum.{slug(code)}.{column}",
                    f"Net table {code}: Sum = its main projects ({COLUMN_NAMES[column]})",
                    tot[column],
                    mains[column].fillna(0).sum(),
                    TNET,
                    f"{int(rows['source_line'].min())}–{int(tot['source_line'])}",
                    kind=SUM,
                    terms=len(mains),
                )
            )
    return out


# ---------------------------------------------------------------------------------------------
# Financing and the self-financing rule.

FINANCING_GROUPS = {
    "Loans": ["Bruk av lån"],
    "VAT compensation": ["Kompensasjon for merverdiavgift"],
    "Grants from others": ["Tilskudd fra andre"],
    "Sales of fixed assets": ["Salg av varige driftsmidler"],
    "Sales of shares and holdings": ["Salg av finansielle anleggsmidler"],
    "Transfer from operations": ["Overføring fra drift"],
    "Use of investment funds": ["Bruk av bundne investeringsfond", "Bruk av ubundet investeringsfond"],
    "Other (repayments, distributions)": ["Mottatte avdrag på utlån av egne midler", "Utdeling fra selskaper"],
}


def financing_mix(get: Getter, column: str = "actual_2023") -> pd.DataFrame:
    """The sources that financed 2A's investments (relending left out: it is financed by its own
    loans and repayments), as amounts in NOK thousand (positive) and shares of their total."""
    a = get(T2A)
    rows = []
    for group, labels in FINANCING_GROUPS.items():
        amount = -sum(value(a, column, label=label) for label in labels)
        rows.append({"source": group, "lines": "; ".join(labels), "amount": amount})
    frame = pd.DataFrame(rows)
    frame["share"] = 100 * frame["amount"] / frame["amount"].sum()
    return frame


def financing_bridge(get: Getter, column: str = "actual_2023") -> pd.DataFrame:
    """From the financing sources to 2A's investment expenditure: sources − provisions to funds
    + the relending surplus + the amount left uncovered."""
    a = get(T2A)
    sources = financing_mix(get, column)["amount"].sum()
    provisions = value(a, column, label="Avsetninger til bundne investeringsfond") + value(
        a, column, label="Avsetninger til ubundet investeringsfond"
    )
    relending = -value(a, column, label="Netto utgifter videreutlån")
    uncovered = value(a, column, label="Fremført til inndekning i senere år (udekket)")
    covering = value(a, column, label="Dekning av tidligere års udekket beløp")
    rows = [
        ("Financing sources", sources),
        ("− provisions to investment funds", -provisions),
        ("− covering earlier years' deficit", -covering),
        ("+ relending surplus (repayments received beyond repayments made)", relending),
        ("+ carried forward as uncovered (2A, kommunekassen and the enterprises)", uncovered),
        ("= investment expenditure (recomputed)", sources - provisions - covering + relending + uncovered),
        ("Sum investeringsutgifter as printed", value(a, column, label="Sum investeringsutgifter")),
    ]
    return pd.DataFrame(rows, columns=["step", "amount"])


def self_financing(get: Getter) -> dict[str, float]:
    """The self-financing of non-profitable investments as far as the printed figures allow.

    Numerator: the transfer from operations plus the part of Drammen Eiendom KF's property sale
    the report counts as self-financing (96.7 million = the grant 'Investering DEKF' + the
    extraordinary loan repayment 'Avdrag på lån').
    Base, one reading of 'non-profitable investments corrected for VAT compensation and grants':
    2A's fixed-asset investments and grants to others, less VAT compensation and grants from
    others, less P12 water, sewage and waste (fee-financed, the one profitable area the tables let
    one take out; its net table gives the net figure). All in NOK thousand.
    """
    a, part2, net = get(T2A), get(T2), get(TNET)
    col = "actual_2023"
    transfer = -value(a, col, label="Overføring fra drift")
    repayment = value(a, col, label="Avdrag på lån")
    dekf_grant = value(part2, col, label=DEKF_GRANT_LINE)
    numerator = transfer + repayment + dekf_grant
    fixed = value(a, col, label="Investeringer i varige driftsmidler")
    grants_to_others = value(a, col, label="Tilskudd til andres investeringer")
    vat = -value(a, col, label="Kompensasjon for merverdiavgift")
    grants = -value(a, col, label="Tilskudd fra andre")
    p12_net = value(net, col, label="Sum", programme_area="P12")
    base = fixed + grants_to_others - vat - grants - p12_net
    share = prose(get, "self_financing_share")
    # P12's spending includes VAT (2B is gross of VAT, line 2776) and its net table takes off only income
    # (line 6185). If P12's VAT was compensated, it is in 2A's VAT line too, and the base takes it off twice.
    # No line prints it; the most it can be is the VAT share of P12's whole spending at the general rate.
    p12_gross = value(get(T1), col, row_kind="subtotal", programme_area="P12")
    p12_vat_max = p12_gross * GENERAL_VAT_RATE / (1 + GENERAL_VAT_RATE)
    # The same definition on the original budget, beside the base the rule's budgeted minimum implies
    # (118.8 million at 15 %, lines 2663-2665): whether the book's definition follows the municipality's.
    orig = "original_budget_2023"
    base_original = (
        value(a, orig, label="Investeringer i varige driftsmidler")
        + value(a, orig, label="Tilskudd til andres investeringer")
        + value(a, orig, label="Kompensasjon for merverdiavgift")
        + value(a, orig, label="Tilskudd fra andre")
        - value(net, orig, label="Sum", programme_area="P12")
    )
    rule_base_original = (
        1000 * prose(get, "self_financing_budget_15pct_rule") / (prose(get, "min_self_financing_share_rule") / 100)
    )
    return {
        "transfer": transfer,
        "repayment": repayment,
        "dekf_grant": dekf_grant,
        "numerator": numerator,
        "fixed": fixed,
        "grants_to_others": grants_to_others,
        "vat": vat,
        "grants": grants,
        "p12_net": p12_net,
        "base": base,
        "share": 100 * numerator / base,
        # P12 kept in (a literal reading of the rule): a larger base, so the book's base is no upper bound.
        "base_with_p12": base + p12_net,
        "share_with_p12": 100 * numerator / (base + p12_net),
        "implied_base": numerator / (share / 100),
        "implied_base_low": numerator / ((share + 0.5) / 100),
        "implied_base_high": numerator / ((share - 0.5) / 100),
        # P12's VAT, if compensated, taken off twice: the base at most this much larger.
        "p12_gross": p12_gross,
        "p12_vat_max": p12_vat_max,
        "base_p12_vat": base + p12_vat_max,
        "share_p12_vat": 100 * numerator / (base + p12_vat_max),
        "base_original": base_original,
        "rule_base_original": rule_base_original,
    }


@identity(CHAPTER)
def self_financing_rule(get: Getter) -> list[Check]:
    """The report's self-financing figures: the budgeted transfer (the rule's amount + dividends), its
    reduction, the property sale counted as self-financing, the amount and the share."""
    a, drift_div = get(T2A), get("drift_dividends")
    sf = self_financing(get)
    out = []
    orig = value(a, "original_budget_2023", label="Overføring fra drift")
    out.append(
        _check(
            "inv_selffin.original_transfer",
            "2A original budget 'Overføring fra drift' = the rule's budgeted amount + the extraordinary dividends "
            "to be used for self-financing (prose)",
            -orig,
            1000
            * (
                prose(get, "self_financing_budget_15pct_rule")
                + prose(get, "extraordinary_dividends_budgeted_for_self_financing")
            ),
            T2A,
            f"{_line(a, label='Overføring fra drift')}; prose 2665–2666",
            kind=SUM,
            terms=2,
            input_decimals=(-2, -3),  # the rule's 118.8 in tenths of a million, the dividends in whole millions
        )
    )
    # The 45 million (line 2670) against 2A is the operating chapter's check (transfer_to_investment_reduction);
    # here it meets the dividend the report says it was.
    out.append(
        _check(
            "inv_selffin.transfer_reduction_vs_dividend",
            "Prose: the transfer's shortfall = the dividend from Nedre Eiker Eiendomsutvikling AS budgeted in "
            "operations",
            drift_prose(get, TRANSFER_REDUCTION),
            -value(drift_div, "revised_budget_2023", label="Nedre Eiker Eiendomsutvikling AS 2)") / 1000,
            DRIFT_PROSE,
            f"{int(value(get(DRIFT_PROSE), 'source_line', label=TRANSFER_REDUCTION))}; dividends 2616",
            unit="NOK million",
            kind=RESTATEMENT,
        )
    )
    out.append(
        _check(
            "inv_selffin.dekf_sales",
            "Prose: DEKF's property sales counted as self-financing = the parts booked under grants from others "
            "and under use of loans (prose, lines 3090–3091)",
            prose(get, "dekf_property_sales_in_self_financing"),
            prose(get, "dekf_property_sale_booked_as_grants") + prose(get, "dekf_property_sale_booked_as_loans"),
            TPROSE,
            f"{prose_line(get, 'dekf_property_sales_in_self_financing')}; prose 3090–3091",
            decimals=1,
            unit="NOK million",
            kind=SUM,
            terms=2,
        )
    )
    out.append(
        _check(
            "inv_selffin.dekf_sales_lines",
            "Prose: DEKF's property sales counted as self-financing, against the book's pairing with DEKF's "
            "lines 'Investering DEKF' (2B) + 'Avdrag på lån' (2A)",
            prose(get, "dekf_property_sales_in_self_financing"),
            (sf["dekf_grant"] + sf["repayment"]) / 1000,
            TPROSE,
            f"{prose_line(get, 'dekf_property_sales_in_self_financing')}; 2A 2809; 2B 3424",
            decimals=1,
            unit="NOK million",
            kind=ESTIMATE_KIND,
        )
    )
    out.append(
        _check(
            "inv_selffin.amount",
            "Prose: self-financing of non-profitable investments, against the book's reading: transfer from "
            "operations + DEKF's 'Investering DEKF' and 'Avdrag på lån'",
            prose(get, "self_financing_non_profitable_investments"),
            sf["numerator"] / 1000,
            TPROSE,
            f"{prose_line(get, 'self_financing_non_profitable_investments')}; 2A 2809, 2839; 2B 3424",
            decimals=1,
            unit="NOK million",
            kind=ESTIMATE_KIND,
        )
    )
    out.append(
        _check(
            "inv_selffin.share",
            "Prose: self-financing as a share of non-profitable investments, against the book's base (its own "
            "definition, neither an upper nor a lower bound; the report prints no base)",
            prose(get, "self_financing_share"),
            sf["share"],
            TPROSE,
            f"{prose_line(get, 'self_financing_share')}; 2A 2801–2815; net P12 6526",
            unit="percent",
            kind=ESTIMATE_KIND,
        )
    )
    out.append(
        _check(
            "inv_selffin.minimum_restated",
            "Prose: the rule's minimum share, in the summary (line 2060) and in the operating chapter (line 2663)",
            prose(get, "min_self_financing_share"),
            prose(get, "min_self_financing_share_rule"),
            TPROSE,
            f"{prose_line(get, 'min_self_financing_share')}; {prose_line(get, 'min_self_financing_share_rule')}",
            unit="percent",
            kind=RESTATEMENT,
        )
    )
    minimum = prose(get, "min_self_financing_share")
    out.append(
        _check(
            "inv_selffin.minimum_met",
            "Claim: self-financing is clearly above the rule's minimum (holds on the book's base too, and with "
            "P12 kept in it)",
            1,
            float(
                prose(get, "self_financing_share") > minimum
                and sf["share"] > minimum
                and sf["share_with_p12"] > minimum
            ),
            TPROSE,
            f"{prose_line(get, 'min_self_financing_share')}",
            unit=CLAIM_UNIT,
            kind=CLAIM,
        )
    )
    return out


@identity(CHAPTER)
def prose_relations(get: Getter) -> list[Check]:
    """Relations among the prose's own figures and with pairings the book makes: the property sale's
    part booked under use of loans against DEKF's loan repayment in 2A (a pairing the report implies but
    never states), the unbudgeted share sales from the three sales the report names, P03's frame from its
    parts, the cooperation projects' missing budget."""
    a = get(T2A)
    return [
        _check(
            "inv_prose.dekf_property_sale_booked_as_loans.dekf_repayment",
            "Prose: the sale's part booked under use of loans, against the book's pairing with DEKF's 'Avdrag på "
            "lån' in 2A (the repayment to the loan fund relent to kommunekassen)",
            prose(get, "dekf_property_sale_booked_as_loans"),
            value(a, "actual_2023", label="Avdrag på lån") / 1000,
            TPROSE,
            f"{prose_line(get, 'dekf_property_sale_booked_as_loans')}; 2A {_line(a, label='Avdrag på lån')}",
            decimals=1,
            unit="NOK million",
            kind=ESTIMATE_KIND,
        ),
        _check(
            "inv_prose.p03_budget.parts",
            "Prose: P03's frame for the year = its original budget (2B) + the reallocated unused 2022 funds + the "
            "transfer from operations (prose, line 5073)",
            prose(get, "p03_budget"),
            _b1_sum(get, "P03", ORIG) / 1000
            + prose(get, "p03_reallocated_from_2022")
            + prose(get, "p03_transfer_from_operations"),
            TPROSE,
            f"{prose_line(get, 'p03_budget')}; prose 5073; 2B 3155",
            decimals=3,
            unit="NOK million",
            kind=SUM,
            terms=3,
            # 2B's 1 000 thousand (3 decimals in NOK million), the prose's 0,45 and 0,166.
            input_decimals=(3, 2, 3),
        ),
        _check(
            "inv_prose.unbudgeted_share_sales.parts",
            "Prose: the unbudgeted share sales (line 3086) = the settlement of Nedre Eiker Eiendomsutvikling AS "
            "booked in the investment account (line 4474) + the shares sold in Norsk Rørsenter AS (line 4519) and "
            "Svelviksposten AS (line 4525), the three companies the sentence names",
            prose(get, "unbudgeted_share_sales"),
            prose(get, "nee_settlement_booked")
            + prose_million(get, "share_sale_norsk_rorsenter")
            + prose_million(get, "share_sale_svelviksposten"),
            TPROSE,
            f"{prose_line(get, 'unbudgeted_share_sales')}; prose {prose_line(get, 'nee_settlement_booked')}, "
            f"{prose_line(get, 'share_sale_norsk_rorsenter')}, {prose_line(get, 'share_sale_svelviksposten')}",
            decimals=1,
            unit="NOK million",
            kind=SUM,
            terms=3,
            input_decimals=(1, 6, 6),  # the settlement in tenths of a million, the two sales in kroner
        ),
        _check(
            "inv_prose.p11_cooperation_budget_missing",
            "Prose: the cooperation projects' missing budget = the intended budget − the budget entered by mistake",
            prose(get, "p11_cooperation_budget_missing"),
            prose(get, "p11_cooperation_budget_intended") - prose(get, "p11_cooperation_budget_entered_by_mistake"),
            TPROSE,
            f"{prose_line(get, 'p11_cooperation_budget_missing')}; prose 3064–3065",
            unit="NOK million",
            kind=SUM,
            terms=2,
        ),
    ]


# ---------------------------------------------------------------------------------------------
# Claims in words: a statement of the report (printed 1) against what its tables show (1 if it holds).


def _kk_area_deviation(get: Getter, code: str) -> float:
    """Kommunekassen's actual − revised budget in a programme area (2B part 1 lines of KK or no prefix)."""
    rows = _area_items(get(T1), code)
    rows = rows[rows["executor"].fillna("").isin(KK)]
    return float(rows[ACT].sum() - rows[REV].sum())


def _status(get: Getter, label: str) -> str:
    proj = get(TPROJ)
    return str(proj.loc[(proj["label"] == label) & (proj["row_kind"] == "item"), "status"].iloc[0])


# id -> (line(s), what the report says, test on the tables, tables read)
CLAIMS: dict[str, tuple[str, str, Callable[[Getter], bool], str]] = {
    "kk_overspend_p11": (
        "3054–3055",
        "Kommunekassen's overspend lies mainly in P11: its KK lines spent more than their revised budget (2B)",
        lambda g: _kk_area_deviation(g, "P11") > 0,
        T1,
    ),
    "kk_overspend_p12": (
        "3054–3055",
        "… and in P12: its KK lines spent more than their revised budget (2B)",
        lambda g: _kk_area_deviation(g, "P12") > 0,
        T1,
    ),
    "kk_underspend_p09": (
        "3055",
        "… offset by an underspend in P09: its KK lines spent less than their revised budget (2B)",
        lambda g: _kk_area_deviation(g, "P09") < 0,
        T1,
    ),
    "kk_underspend_p14": (
        "3055–3056",
        "… and in P14: its KK lines spent less than their revised budget (2B)",
        lambda g: _kk_area_deviation(g, "P14") < 0,
        T1,
    ),
    "p11_overspend_mainly_cooperation": (
        "3058–3059",
        "P11's overspend is mainly the cooperation projects: the largest overspend of P11's lines (2B)",
        lambda g: (
            _area_items(g(T1), "P11").assign(d=lambda f: f[ACT] - f[REV]).sort_values("d").iloc[-1]["label"]
            == "KK P11 Samarbeid med andre utbyggere"
        ),
        T1,
    ),
    "p09_vassenga_unused_whole": (
        "3076",
        "Vassenga: the whole budget is unused (actual 0 in the P09 project table)",
        lambda g: _v(g, TPROJ, ACT, label="KK P09 Kjøleannlegg Vassenga") == 0,
        TPROJ,
    ),
    "p09_vassenga_postponed": (
        "3075–3076",
        "Vassenga was postponed: status 'Forsinket' in the P09 project table",
        lambda g: _status(g, "KK P09 Kjøleannlegg Vassenga") == "Forsinket",
        TPROJ,
    ),
    "p14_digitalisation_delayed": (
        "3078–3080",
        "P14's Digitalisering and Omstilling IKT are delayed: status 'Forsinket' for both in the P14 project table",
        lambda g: (
            _status(g, "KK P14 Digitalisering") == "Forsinket"
            and _status(g, "KK P14 Prosjekt Omstilling IKT og digitaliseringsstrategi") == "Forsinket"
        ),
        TPROJ,
    ),
    "vat_below_budget": (
        "3100–3101",
        "VAT compensation came in below budget (DK actual against revised budget)",
        lambda g: (
            -_v(g, TDK, ACT, label="Kompensasjon for merverdiavgift")
            < -_v(g, TDK, REV, label="Kompensasjon for merverdiavgift")
        ),
        TDK,
    ),
    "bybru_on_schedule": (
        "190–191",
        "The large projects, the new city bridge among them, are on schedule: 'KK P11 Bybru' has status 'Iht. plan'",
        lambda g: _status(g, "KK P11 Bybru") == "Iht. plan",
        TPROJ,
    ),
    "p11_frame_dated_2022": (
        "6182; 6179",
        "P11's summary dates its gross frame of 716 million to 2022 (holds only if that figure is not the 2023 "
        "revised budget that the P11 project table above it prints in its Sum)",
        lambda g: round(_v(g, TPROJ, REV, programme_area="P11", label="Sum") / 1000) != prose(g, "p11_gross_budget"),
        TPROJ,
    ),
    "p11_projects_on_schedule": (
        "6183",
        "P11's summary: the projects follow the planned schedule (every P11 project 'Iht. plan' in its table)",
        lambda g: bool((_area_items(g(TPROJ), "P11")["status"] == "Iht. plan").all()),
        TPROJ,
    ),
}


@identity(CHAPTER)
def claims_in_words(get: Getter) -> list[Check]:
    """Statements of the report in words, each against the tables it speaks about."""
    return [
        _check(
            f"inv_claim.{key}",
            f"Claim: {what}",
            1,
            float(bool(holds(get))),
            table,
            lines,
            unit=CLAIM_UNIT,
            kind=CLAIM,
        )
        for key, (lines, what, holds, table) in CLAIMS.items()
    ]


# ---------------------------------------------------------------------------------------------
# The prose figures of the chapter and the programme areas' summaries.


def _area_items(frame: pd.DataFrame, code: str) -> pd.DataFrame:
    return frame[(frame["programme_area"] == code) & (frame["row_kind"] == "item")]


def _proj_sum(get, code, column, executors=None, labels=None):
    rows = _area_items(get(TPROJ), code)
    if executors is not None:
        rows = rows[rows["executor"].fillna("").isin(executors)]
    if labels is not None:
        rows = rows[rows["label"].isin(labels)]
    return float(rows[column].sum())


def _b1_sum(get, code, column, executors=None, labels=None):
    rows = _area_items(get(T1), code)
    if executors is not None:
        rows = rows[rows["executor"].fillna("").isin(executors)]
    if labels is not None:
        rows = rows[rows["label"].isin(labels)]
    return float(rows[column].sum())


def _v(get, table, column, **where):
    return value(get(table), column, **where)


KK, DEKF = {"KK", ""}, {"DEKF"}
REV, ACT, ORIG, DEV = "revised_budget_2023", "actual_2023", "original_budget_2023", "deviation_nok"
SUM_UT, SUM_INN = "Sum investeringsutgifter", "Sum investeringsinntekter"
FIXED_ASSETS = "Investeringer i varige driftsmidler"

# label -> (what, recomputation in NOK thousand, tables/lines note). A prose figure restates one
# printed quantity (kind restatement) unless PROSE_KINDS says otherwise.
ProseRecipe = tuple[str, Callable[[Getter], float], str]
PROSE_RECIPES: dict[str, ProseRecipe] = {
    "kk_investment_expenditure_actual": (
        "Kommunekassen's investment expenditure (DK Sum investeringsutgifter, actual)",
        lambda g: _v(g, TDK, ACT, label=SUM_UT, row_kind="subtotal"),
        "DK 2976",
    ),
    "kk_investment_expenditure_revised_budget": (
        "Kommunekassen's investment expenditure, revised budget (DK)",
        lambda g: _v(g, TDK, REV, label=SUM_UT, row_kind="subtotal"),
        "DK 2976",
    ),
    "kk_investment_expenditure_overspend": (
        "Kommunekassen's overspend on investment expenditure = DK actual − revised budget",
        lambda g: (
            _v(g, TDK, ACT, label=SUM_UT, row_kind="subtotal") - _v(g, TDK, REV, label=SUM_UT, row_kind="subtotal")
        ),
        "DK 2976",
    ),
    "kk_investment_expenditure_overspend_repeated": (
        "The same overspend, repeated (DK actual − revised budget)",
        lambda g: (
            _v(g, TDK, ACT, label=SUM_UT, row_kind="subtotal") - _v(g, TDK, REV, label=SUM_UT, row_kind="subtotal")
        ),
        "DK 2976",
    ),
    "kk_investment_income_actual": (
        "Kommunekassen's investment income (DK Sum investeringsinntekter, actual)",
        lambda g: -_v(g, TDK, ACT, label=SUM_INN, row_kind="subtotal"),
        "DK 2942",
    ),
    "kk_investment_income_revised_budget": (
        "Kommunekassen's investment income, revised budget (DK)",
        lambda g: -_v(g, TDK, REV, label=SUM_INN, row_kind="subtotal"),
        "DK 2942",
    ),
    "kk_investment_income_excess": (
        "Kommunekassen's extra investment income = DK actual − revised budget",
        lambda g: (
            _v(g, TDK, REV, label=SUM_INN, row_kind="subtotal") - _v(g, TDK, ACT, label=SUM_INN, row_kind="subtotal")
        ),
        "DK 2942",
    ),
    "kk_investment_income_excess_repeated": (
        "The same extra income, repeated",
        lambda g: (
            _v(g, TDK, REV, label=SUM_INN, row_kind="subtotal") - _v(g, TDK, ACT, label=SUM_INN, row_kind="subtotal")
        ),
        "DK 2942",
    ),
    "kk_uncovered_carried_forward": (
        "Kommunekassen's uncovered amount = sum of the four DK blocks (actual)",
        lambda g: float(g(TDK).query("row_kind == 'subtotal'")[ACT].sum()),
        "DK 2902–3039",
    ),
    "p11_cooperation_projects_overspend_gross": (
        "KK P11 Samarbeid med andre utbyggere: 2B actual − revised budget",
        lambda g: (
            _v(g, T1, ACT, label="KK P11 Samarbeid med andre utbyggere")
            - _v(g, T1, REV, label="KK P11 Samarbeid med andre utbyggere")
        ),
        "2B 3293",
    ),
    "p11_cooperation_projects_overspend_net": (
        "KK P11 Samarbeid med andre utbyggere, net table: actual − revised budget",
        lambda g: (
            _v(g, TNET, ACT, label="KK P11 Samarbeid med andre utbyggere", row_kind="main_project")
            - _v(g, TNET, REV, label="KK P11 Samarbeid med andre utbyggere", row_kind="main_project")
        ),
        "net 6268",
    ),
    "p11_cooperation_projects_underfinanced_net": (
        "The same net overspend, repeated as under-financing",
        lambda g: (
            _v(g, TNET, ACT, label="KK P11 Samarbeid med andre utbyggere", row_kind="main_project")
            - _v(g, TNET, REV, label="KK P11 Samarbeid med andre utbyggere", row_kind="main_project")
        ),
        "net 6268",
    ),
    "p09_vassenga_unused": (
        "KK P09 Kjøleannlegg Vassenga: revised budget − actual",
        lambda g: (
            _v(g, T1, REV, label="KK P09 Kjøleannlegg Vassenga") - _v(g, T1, ACT, label="KK P09 Kjøleannlegg Vassenga")
        ),
        "2B 3239",
    ),
    "p09_vassenga_unused_repeated": (
        "The same, in the P09 summary (project table deviation)",
        lambda g: _v(g, TPROJ, DEV, label="KK P09 Kjøleannlegg Vassenga"),
        "5917",
    ),
    "unbudgeted_share_sales": (
        "Sales of shares beyond budget = 2A 'Salg av finansielle anleggsmidler' actual − revised budget",
        lambda g: (
            _v(g, T2A, REV, label="Salg av finansielle anleggsmidler")
            - _v(g, T2A, ACT, label="Salg av finansielle anleggsmidler")
        ),
        "2A 2819",
    ),
    "nee_settlement_land_in_kind": (
        "The part of the Miletomta site received as land in the settlement of Nedre Eiker Eiendomsutvikling AS, "
        "against the book's pairing by amount with 2B's spending on no project, 'Prosjekt mangler' (the report "
        "does not tie the two)",
        lambda g: _v(g, T1, ACT, label=NO_PROJECT),
        "2B 3124",
    ),
    "dekf_property_sale_budgeted": (
        "The DEKF property sale budgeted under grants from others (the report's line, which prints no part "
        "for it); the book pairs it with the only such figure printed, the original budget's 'Utdeling fra "
        "selskaper' in 2A",
        lambda g: -_v(g, T2A, ORIG, label="Utdeling fra selskaper"),
        "2A 2821",
    ),
    "dekf_property_sale_booked_as_grants": (
        "Booked under kommunekassen's grants from others (the report's line, which prints no part for it); "
        "the book pairs it with DEKF's grant 'Investering DEKF' in 2B part 2 (= 2A − DK grants to others)",
        lambda g: _v(g, T2, ACT, label=DEKF_GRANT_LINE),
        "2B 3424",
    ),
    "dekf_property_sale_booked_as_loans": (
        "Booked under use of loans: kommunekassen's 'Bruk av lån', actual − revised budget (DK)",
        lambda g: _v(g, TDK, REV, label="Bruk av lån") - _v(g, TDK, ACT, label="Bruk av lån"),
        "DK 2916",
    ),
    "dekf_company_gross_investment": (
        "Drammen Eiendom KF's gross investment (the report's section on the company) = 2A's fixed assets − DK's, "
        "less the one DBKF line of 2B part 1 (Drammensbadet KF), which 2A also holds beyond kommunekassen",
        lambda g: (
            _v(g, T2A, ACT, label=FIXED_ASSETS) - _v(g, TDK, ACT, label=FIXED_ASSETS) - _v(g, T1, ACT, executor="DBKF")
        ),
        "2A 2801; DK 2966; 2B 3385",
    ),
    "dekf_company_underspend": (
        "Drammen Eiendom KF's underspend against the revised budget = (2A − DK − DBKF) revised budget − actual",
        lambda g: (
            (
                _v(g, T2A, REV, label=FIXED_ASSETS)
                - _v(g, TDK, REV, label=FIXED_ASSETS)
                - _v(g, T1, REV, executor="DBKF")
            )
            - (
                _v(g, T2A, ACT, label=FIXED_ASSETS)
                - _v(g, TDK, ACT, label=FIXED_ASSETS)
                - _v(g, T1, ACT, executor="DBKF")
            )
        ),
        "2A 2801; DK 2966; 2B 3385",
    ),
    "grants_from_others_excess_excl_dekf_sale": (
        "Extra grants from others without the DEKF sale = (DK actual − the prose's booked part) − "
        "(DK revised budget − the prose's budgeted sale)",
        lambda g: (
            (-_v(g, TDK, ACT, label="Tilskudd fra andre") - 1000 * prose(g, "dekf_property_sale_booked_as_grants"))
            - (-_v(g, TDK, REV, label="Tilskudd fra andre") - 1000 * prose(g, "dekf_property_sale_budgeted"))
        ),
        "DK 2938; prose 3089–3090",
    ),
    "vat_compensation_shortfall": (
        "VAT compensation below budget = DK revised budget − actual",
        lambda g: (
            _v(g, TDK, ACT, label="Kompensasjon for merverdiavgift")
            - _v(g, TDK, REV, label="Kompensasjon for merverdiavgift")
        ),
        "DK 2922",
    ),
    # Programme areas
    "p01_kk_budget_original": (
        "P01 kommunekassen: original budget (2B)",
        lambda g: _b1_sum(g, "P01", ORIG, KK),
        "2B 3130, 3134",
    ),
    "p01_kk_ict_underspend": (
        "KK P01 IKT Skole: deviation",
        lambda g: _v(g, TPROJ, DEV, label="KK P01 IKT Skole"),
        "4813",
    ),
    "p01_kk_equipment_overspend": (
        "KK P01 Inventar og utstyr Skole: overspend (− deviation)",
        lambda g: -_v(g, TPROJ, DEV, label="KK P01 Inventar og utstyr Skole"),
        "4818",
    ),
    "p01_dekf_budget_original": (
        "DEKF P01: original budget (2B)",
        lambda g: _b1_sum(g, "P01", ORIG, DEKF),
        "2B 3132",
    ),
    "p01_dekf_unused_from_2022": (
        "DEKF P01: revised − original budget (unused funds from 2022)",
        lambda g: _b1_sum(g, "P01", REV, DEKF) - _b1_sum(g, "P01", ORIG, DEKF),
        "2B 3132",
    ),
    "p01_dekf_spent": ("DEKF P01: actual", lambda g: _proj_sum(g, "P01", ACT, DEKF), "4811"),
    "p01_dekf_unused_end_2023": ("DEKF P01: deviation", lambda g: _proj_sum(g, "P01", DEV, DEKF), "4811"),
    "p02_kk_budget": ("P02 kommunekassen: revised budget", lambda g: _proj_sum(g, "P02", REV, KK), "4924"),
    "p02_kk_spent": ("P02 kommunekassen: actual", lambda g: _proj_sum(g, "P02", ACT, KK), "4924"),
    "p02_dekf_budget": ("P02 DEKF: revised budget", lambda g: _proj_sum(g, "P02", REV, DEKF), "4907–4922"),
    "p02_dekf_spent": ("P02 DEKF: actual", lambda g: _proj_sum(g, "P02", ACT, DEKF), "4907–4922"),
    "p03_budget": (
        "P03: revised budget",
        lambda g: _proj_sum(g, "P03", REV),
        "5067",
    ),
    "p03_frame_original": ("P03: original budget (2B)", lambda g: _b1_sum(g, "P03", ORIG), "2B 3155"),
    "p04_budget": ("P04: revised budget", lambda g: _proj_sum(g, "P04", REV), "5289"),
    "p04_spent": ("P04: actual", lambda g: _proj_sum(g, "P04", ACT), "5289"),
    "p05_budget": (
        "P05: revised budget (Sum)",
        lambda g: _v(g, TPROJ, REV, programme_area="P05", label="Sum"),
        "5437",
    ),
    "p05_kk_budget": ("P05 kommunekassen: revised budget", lambda g: _proj_sum(g, "P05", REV, KK), "5435"),
    "p05_kk_spent": ("P05 kommunekassen: actual", lambda g: _proj_sum(g, "P05", ACT, KK), "5435"),
    "p05_kk_overspend": (
        "P05 kommunekassen: overspend (− deviation)",
        lambda g: -_proj_sum(g, "P05", DEV, KK),
        "5435",
    ),
    "p05_dekf_spent": ("P05 DEKF: actual", lambda g: _proj_sum(g, "P05", ACT, DEKF), "5426–5430"),
    "p05_dekf_budget": ("P05 DEKF: revised budget", lambda g: _proj_sum(g, "P05", REV, DEKF), "5426–5430"),
    "p06_kk_budget": ("P06 kommunekassen: revised budget", lambda g: _proj_sum(g, "P06", REV, KK), "5571–5576"),
    "p06_kk_spent": ("P06 kommunekassen: actual", lambda g: _proj_sum(g, "P06", ACT, KK), "5571–5576"),
    "p06_dekf_budget": ("P06 DEKF: revised budget", lambda g: _proj_sum(g, "P06", REV, DEKF), "5529–5569"),
    "p06_dekf_spent": ("P06 DEKF: actual", lambda g: _proj_sum(g, "P06", ACT, DEKF), "5529–5569"),
    "p07_budget": (
        "P07: revised budget (Sum)",
        lambda g: _v(g, TPROJ, REV, programme_area="P07", label="Sum"),
        "5680",
    ),
    "p07_kk_budget": ("P07 kommunekassen: revised budget", lambda g: _proj_sum(g, "P07", REV, KK), "5678"),
    "p07_dekf_budget": ("P07 DEKF: revised budget", lambda g: _proj_sum(g, "P07", REV, DEKF), "5676"),
    "p07_kk_spent": ("P07 kommunekassen: actual", lambda g: _proj_sum(g, "P07", ACT, KK), "5678"),
    "p07_dekf_spent": ("P07 DEKF: actual", lambda g: _proj_sum(g, "P07", ACT, DEKF), "5676"),
    "p08_kk_budget": ("P08 kommunekassen: revised budget", lambda g: _proj_sum(g, "P08", REV, KK), "5786"),
    "p08_kk_spent": ("P08 kommunekassen: actual", lambda g: _proj_sum(g, "P08", ACT, KK), "5786"),
    "p08_kk_budget_original": (
        "P08 kommunekassen: original budget (2B)",
        lambda g: _b1_sum(g, "P08", ORIG, KK),
        "2B 3233",
    ),
    "p08_dekf_budget_original": (
        "P08 DEKF: original budget (2B)",
        lambda g: _b1_sum(g, "P08", ORIG, DEKF),
        "2B 3229–3231",
    ),
    "p08_dekf_bound_funds_added": (
        "P08 DEKF: revised − original budget, less the unused 2022 funds the prose gives (line 5800)",
        lambda g: (
            _b1_sum(g, "P08", REV, DEKF) - _b1_sum(g, "P08", ORIG, DEKF) - 1000 * prose(g, "p08_dekf_unused_from_2022")
        ),
        "2B 3229–3231; prose 5800",
    ),
    "p08_dekf_unused_end_2023": ("P08 DEKF: deviation", lambda g: _proj_sum(g, "P08", DEV, DEKF), "5774–5780"),
    "p09_budget_original": (
        "P09 kommunekassen: original budget, 2B part 1 + part 2 (church and burial grants)",
        lambda g: _b1_sum(g, "P09", ORIG, KK) + float(_area_items(g(T2), "P09")[ORIG].sum()),
        "2B 3239–3257, 3410–3412",
    ),
    "p09_spent_from_investment_budget": (
        "P09 kommunekassen: spent from the investment budget = its accounts in 2B part 1 + part 2, less the "
        "part financed from the operating budget (prose, line 5936)",
        lambda g: (
            _b1_sum(g, "P09", ACT, KK)
            + float(_area_items(g(T2), "P09")[ACT].sum())
            - 1000 * prose(g, "p09_financed_from_operations")
        ),
        "2B 3239–3257, 3410–3412; prose 5936",
    ),
    "p09_nature_management_unused": (
        "KK P09 «Rewilding»: deviation",
        lambda g: _v(g, TPROJ, DEV, label="KK P09 «Rewilding» - etablering av biotoper i skog mv"),
        "5915",
    ),
    "p09_arena_budget": (
        "KK P09 Oppgradering arena, anlegg og natur: revised budget",
        lambda g: _v(g, TPROJ, REV, label="KK P09 Oppgradering arena, anlegg og natur"),
        "5923",
    ),
    "p09_arena_unused": (
        "KK P09 Oppgradering arena, anlegg og natur: deviation (unused)",
        lambda g: _v(g, TPROJ, DEV, label="KK P09 Oppgradering arena, anlegg og natur"),
        "5923",
    ),
    "p09_machines_budget": (
        "KK P09 Maskiner, inventar og utstyr: original budget (2B)",
        lambda g: _v(g, T1, ORIG, label="KK P09 Maskiner, inventar og utstyr"),
        "2B 3245",
    ),
    "p09_machines_unused": (
        "KK P09 Maskiner, inventar og utstyr: deviation",
        lambda g: _v(g, TPROJ, DEV, label="KK P09 Maskiner, inventar og utstyr"),
        "5921",
    ),
    "p09_premises_unused": (
        "KK P09 Lokaler og arenaer til kultur og frivillighet: deviation",
        lambda g: _v(g, TPROJ, DEV, label="KK P09 Lokaler og arenaer til kultur og frivillighet"),
        "5919",
    ),
    "p09_ponds_budget": (
        "KK P09 Sikring friluftsdammer: revised budget",
        lambda g: _v(g, TPROJ, REV, label="KK P09 Sikring friluftsdammer"),
        "5925",
    ),
    "p09_ponds_unused": (
        "P09 pond safety, both lines ('KK P09 Sikring friluftsdammer' + 'Sikring av friluftsdammer'): deviation "
        "(an estimate: the sentence names the purpose, not a line, and the report never pairs the two lines; "
        "the KK line alone would not round to the printed figure)",
        lambda g: (
            _v(g, TPROJ, DEV, label="KK P09 Sikring friluftsdammer")
            + _v(g, TPROJ, DEV, label="Sikring av friluftsdammer")
        ),
        "5925–5927",
    ),
    "p09_dekf_budget": (
        "P09 DEKF: original budget (2B)",
        lambda g: _b1_sum(g, "P09", ORIG, DEKF),
        "2B 3249, 3253",
    ),
    "p09_dekf_carried_from_2022": (
        "P09 DEKF: revised − original budget (2B)",
        lambda g: _b1_sum(g, "P09", REV, DEKF) - _b1_sum(g, "P09", ORIG, DEKF),
        "2B 3249, 3253",
    ),
    "p09_dekf_unused_end_2023": ("P09 DEKF: deviation", lambda g: _proj_sum(g, "P09", DEV, DEKF), "5903–5909"),
    "p09_church_investment_grant": (
        "2B part 2 'KK P09 Kirken'",
        lambda g: _v(g, T2, ACT, label="KK P09 Kirken"),
        "2B 3412",
    ),
    "p09_burial_grant": (
        "2B part 2 'KK P09 Gravplasser'",
        lambda g: _v(g, T2, ACT, label="KK P09 Gravplasser"),
        "2B 3410",
    ),
    "hso_housing_frame_2023": (
        "2B: the original budget 2023 of 'DEKF Investeringer HSO i bolig, sykehjem og evnt. nytt helsehus.'",
        lambda g: _v(g, T1, ORIG, label="DEKF Investeringer HSO i bolig, sykehjem og evnt. nytt helsehus."),
        "2B 3215",
    ),
    "p11_gross_budget": (
        "P11: revised budget (Sum)",
        lambda g: _v(g, TPROJ, REV, programme_area="P11", label="Sum"),
        "6179",
    ),
    "p11_spent": ("P11: actual (Sum)", lambda g: _v(g, TPROJ, ACT, programme_area="P11", label="Sum"), "6179"),
    "p12_gross_budget": (
        "P12: revised budget (Sum)",
        lambda g: _v(g, TPROJ, REV, programme_area="P12", label="Sum"),
        "6444",
    ),
    "p12_spent": ("P12: actual (Sum)", lambda g: _v(g, TPROJ, ACT, programme_area="P12", label="Sum"), "6444"),
    "p13_budget": (
        "P13: revised budget (Sum)",
        lambda g: _v(g, TPROJ, REV, programme_area="P13", label="Sum"),
        "6619",
    ),
    "p13_spent": ("P13: actual (Sum)", lambda g: _v(g, TPROJ, ACT, programme_area="P13", label="Sum"), "6619"),
    "p14_budget": (
        "P14: revised budget (Sum)",
        lambda g: _v(g, TPROJ, REV, programme_area="P14", label="Sum"),
        "6859",
    ),
    "p14_spent": ("P14: actual (Sum)", lambda g: _v(g, TPROJ, ACT, programme_area="P14", label="Sum"), "6859"),
    "p14_dekf_spent": ("P14 DEKF: actual", lambda g: _proj_sum(g, "P14", ACT, DEKF), "6844"),
    "p15_budget": (
        "P15: revised budget 2023 (2B Sum P15)",
        lambda g: _v(g, T1, REV, label="Sum P15 Samfunnssikkerhet"),
        "2B 3356",
    ),
    "p15_spent": (
        "P15: actual 2023 (2B Sum P15)",
        lambda g: _v(g, T1, ACT, label="Sum P15 Samfunnssikkerhet"),
        "2B 3356",
    ),
    "p18_budget": (
        "P18: revised budget (Sum)",
        lambda g: _v(g, TPROJ, REV, programme_area="P18", label="Sum"),
        "7039",
    ),
    # Relending
    "startloan_lending_said": (
        "Start loans «formidlet» in 2023 (also line 531), against 2A's 'Videreutlån', actual (the book reads "
        "«formidlet», which the report does not define, as lent out in the year)",
        lambda g: _v(g, T2A, ACT, label="Videreutlån"),
        "531; 2A 2829",
    ),
}


# A prose figure restated from table figures in NOK thousand is one quantity restated in a coarser unit:
# the rounding of the thousands (a few half-thousands at most) is far below the prose's last digit, so
# the figure must round to the recomputation or be cut from it (kind restatement). Where a recipe
# combines figures that are themselves printed coarsely (prose figures), it is a sum of those terms;
# where it rests on a pairing the report never states, it is the book's estimate.
PROSE_KINDS: dict[str, dict] = {
    "dekf_property_sale_budgeted": {"kind": ESTIMATE_KIND},
    "dekf_property_sale_booked_as_grants": {"kind": ESTIMATE_KIND},
    # The land of the settlement (line 4533) against 2B's only line without a project: a pairing by amount.
    "nee_settlement_land_in_kind": {"kind": ESTIMATE_KIND},
    # The pond safety's unused sum pools two lines the report never pairs (5925, 5927): the book's reading.
    "p09_ponds_unused": {"kind": ESTIMATE_KIND},
    # «Formidlet» may mean granted rather than paid out (the report does not say): the book's reading.
    "startloan_lending_said": {"kind": ESTIMATE_KIND},
    # DK figures (NOK thousand) and two prose figures, the coarser printed in whole NOK million.
    "grants_from_others_excess_excl_dekf_sale": {"kind": SUM, "terms": 4, "input_decimals": 0},
    # 2B's accounts (thousand) less the prose's 1,3 million financed from operations.
    "p09_spent_from_investment_budget": {"kind": SUM, "terms": 2, "input_decimals": (3, 1)},
    # Two 2B figures (thousand) and the prose's 0.37 million.
    "p08_dekf_bound_funds_added": {"kind": SUM, "terms": 3, "input_decimals": 2},
}


@identity(CHAPTER)
def prose_figures(get: Getter) -> list[Check]:
    """Figures of the chapter's prose and of the programme areas' summaries against the tables."""
    out = []
    table = prose_table(get)
    for label, (what, recompute, where) in PROSE_RECIPES.items():
        row = table[table["label"] == label].iloc[0]
        unit, decimals = str(row["unit"]), int(row["decimals"])
        out.append(
            _check(
                f"inv_prose.{label}",
                f"Prose: {what}",
                prose(get, label),
                recompute(get) / 1000,
                TPROSE,
                f"{prose_line(get, label)}; {where}",
                decimals=decimals,
                unit=unit,
                # A restatement of table figures in NOK thousand: the table's half unit is 3 decimals.
                **PROSE_KINDS.get(label, {"kind": RESTATEMENT, "input_decimals": 3}),
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Views for the chapter (tables shaped for display; no comparisons).


def dekf_part(get: Getter) -> pd.DataFrame:
    """2A's rows with the combined figure, kommunekassen's (DK) and Drammen Eiendom KF's part
    (the difference), for the revised budget and the actual of 2023."""
    a, dk = get(T2A), get(TDK)
    rows = []
    for _, r in a.iterrows():
        row = {"label": r["label"], "row_kind": r["row_kind"]}
        for column in ("revised_budget_2023", "actual_2023"):
            if r["row_kind"] == "item":
                kk = dk_value(dk, r["label"], column)
            elif r["row_kind"] == "subtotal":
                kk = dk_section_value(dk, r["label"], column)
            else:
                kk = float(dk[dk["row_kind"] == "subtotal"][column].sum())
            row[f"{column}_all"] = float(r[column])
            row[f"{column}_kk"] = kk
            row[f"{column}_dekf"] = float(r[column]) - kk
        rows.append(row)
    return pd.DataFrame(rows)


def programme_budget_actual(get: Getter) -> pd.DataFrame:
    """2B part 1 by programme area: the printed subtotals (revised budget and actual 2023)."""
    part1 = get(T1)
    subs = part1[part1["row_kind"] == "subtotal"].copy()
    subs["area"] = [
        "No project (Prosjekt mangler)" if pd.isna(c) else f"{c} {n}"
        for c, n in zip(subs["programme_area"], subs["programme_area_name"], strict=True)
    ]
    subs["deviation"] = subs["revised_budget_2023"] - subs["actual_2023"]
    return subs[["area", "programme_area", "revised_budget_2023", "actual_2023", "deviation"]].reset_index(drop=True)


def status_counts(get: Getter) -> pd.DataFrame:
    """Number of projects by programme area and printed status."""
    proj = get(TPROJ)
    items = proj[proj["row_kind"] == "item"]
    counts = items.groupby(["programme_area", "status"]).size().unstack(fill_value=0)
    order = ["Iht. plan", "Forsinket", "Ikke vurdert"]
    counts = counts.reindex(columns=order, fill_value=0)
    counts.columns.name = None
    return counts.reset_index()


def largest_deviations(get: Getter, n: int = 10) -> pd.DataFrame:
    """The ``n`` project lines with the largest deviation (either sign) in the programme tables."""
    proj = get(TPROJ)
    items = proj[proj["row_kind"] == "item"].copy()
    items["size"] = items["deviation_nok"].abs()
    items = items.sort_values(["size", "programme_area", "label"], ascending=[False, True, True]).head(n)
    return items[
        ["programme_area", "label", "status", "revised_budget_2023", "actual_2023", "deviation_nok"]
    ].reset_index(drop=True)


def two_a_balance_view(get: Getter) -> pd.DataFrame:
    """2A's four section subtotals by column, their sum, and the amount carried forward as printed."""
    a = get(T2A)
    rows = a[a["row_kind"] == "subtotal"][["label", *COLUMNS_2A]].copy()
    rows["row_kind"] = "item"
    total = {"label": "Sum of the four sections", "row_kind": "subtotal"}
    total.update({c: float(rows[c].sum()) for c in COLUMNS_2A})
    printed = a[a["row_kind"] == "total"][["label", *COLUMNS_2A]].copy()
    printed["row_kind"] = "total"
    printed["label"] = printed["label"] + " (printed)"
    view = pd.concat([rows, pd.DataFrame([total]), printed], ignore_index=True)
    return view[["label", "row_kind", *COLUMNS_2A]]


# ---------------------------------------------------------------------------------------------
# The year's story: views computed from printed figures (no comparisons).

DK_BLOCK_NAMES = {
    "Sum investeringsutgifter": "Investment expenditure",
    "Sum investeringsinntekter": "Investment income",
    "Netto utgifter videreutlån": "Relending (net)",
    "Sum overføring fra drift og netto avsetninger": "Transfer from operations and funds (net)",
}


def uncovered_bridge(get: Getter) -> pd.DataFrame:
    """Kommunekassen's uncovered amount as the sum of its deviations from the revised budget: for each
    DK block and each of its lines, actual − revised budget (NOK thousand; positive = adds to the
    uncovered amount). Kommunekassen's revised budget balances (its four blocks add to zero), so the
    blocks' deviations add to the amount carried forward."""
    dk = get(TDK)
    rows = []
    for block, name in DK_BLOCK_NAMES.items():
        in_block = dk[dk["block"] == block]
        # The block's subtotal first, then its lines, each with its revised budget and accounts.
        kind = in_block["row_kind"]
        shown = pd.concat([in_block[kind == "subtotal"].iloc[:1], in_block[kind == "item"]])
        rows += [
            {"block": name, "label": r["label"], "row_kind": r["row_kind"], "revised_budget_2023": float(r[REV]),
             "actual_2023": float(r[ACT])}
            for _, r in shown.iterrows()
        ]  # fmt: skip
    frame = pd.DataFrame(rows)
    frame["effect"] = frame["actual_2023"] - frame["revised_budget_2023"]
    return frame


def body_deviations(get: Getter) -> pd.DataFrame:
    """2A's four sections and its bottom line: actual − revised budget for both bodies together (2A),
    for kommunekassen (DK) and for Drammen Eiendom KF (the difference), NOK thousand."""
    part = dekf_part(get)
    rows = part[part["row_kind"] != "item"].copy()
    out = pd.DataFrame(
        {
            "label": rows["label"],
            "row_kind": rows["row_kind"],
            "all": rows["actual_2023_all"] - rows["revised_budget_2023_all"],
            "kk": rows["actual_2023_kk"] - rows["revised_budget_2023_kk"],
            "dekf": rows["actual_2023_dekf"] - rows["revised_budget_2023_dekf"],
        }
    )
    return out.reset_index(drop=True)


def budget_growth(get: Getter) -> pd.DataFrame:
    """2A's expenditure lines and their sum: original budget, revised budget, the change between them
    and the actual (NOK thousand); and the same split into kommunekassen (DK) and DEKF for the sum."""
    a, dk = get(T2A), get(TDK)
    sections = section_of_2a(a)
    lines = a[(sections == SUM_UT) & (a["row_kind"] == "item")]
    rows = [
        {
            "label": r["label"],
            "row_kind": "item",
            "original_budget_2023": float(r[ORIG]),
            "revised_budget_2023": float(r[REV]),
            "actual_2023": float(r[ACT]),
        }
        for _, r in lines.iterrows()
    ]
    total = a[a["label"] == SUM_UT].iloc[0]
    rows.append(
        {
            "label": SUM_UT,
            "row_kind": "subtotal",
            "original_budget_2023": float(total[ORIG]),
            "revised_budget_2023": float(total[REV]),
            "actual_2023": float(total[ACT]),
        }
    )
    kk = dk[(dk["label"] == SUM_UT) & (dk["row_kind"] == "subtotal")].iloc[0]
    for label, figures in (
        ("of which kommunekassen (DK)", kk),
        ("of which the enterprises, DEKF and DBKF (2A − DK)", None),
    ):
        if figures is None:
            values = {c: rows[-2][c] - rows[-1][c] for c in (ORIG, REV, ACT)}
        else:
            values = {c: float(figures[c]) for c in (ORIG, REV, ACT)}
        rows.append({"label": label, "row_kind": "item", **{k: values[k] for k in (ORIG, REV, ACT)}})
    frame = pd.DataFrame(rows)
    frame["change"] = frame["revised_budget_2023"] - frame["original_budget_2023"]
    return frame


# The programme summaries' amounts for Drammen Eiendom KF's budget growth (prose, NOK million): unused 2022
# money granted again (P01 line 4838, P08 line 5800, P09 line 5958) and, in P08, restricted funds used
# to buy rental housing for rent-to-own (line 5801).
DEKF_FROM_2022 = ("p01_dekf_unused_from_2022", "p08_dekf_unused_from_2022", "p09_dekf_carried_from_2022")
DEKF_FROM_FUNDS = "p08_dekf_bound_funds_added"


def enterprise_growth_sources(get: Getter) -> dict[str, float]:
    """The enterprises' budget growth (2A − DK, original to revised investment expenditure) and the parts
    the programme summaries name for Drammen Eiendom KF: unused 2022 money granted again, and restricted
    funds used for rental housing; the rest they do not name. Beside them, the enterprises' use of
    restricted investment funds (2A − DK), revised budget and actual, which the P08 figure restates in
    the book's reading. NOK thousand."""
    growth = budget_growth(get).set_index("label").loc["of which the enterprises, DEKF and DBKF (2A − DK)", "change"]
    from_2022 = round(1000 * sum(prose(get, label) for label in DEKF_FROM_2022), 3)  # no float noise
    from_funds = round(1000 * prose(get, DEKF_FROM_FUNDS), 3)
    part = dekf_part(get).set_index("label")
    return {
        "growth": float(growth),
        "from_2022": from_2022,
        "from_funds": from_funds,
        "not_named": float(growth) - from_2022 - from_funds,
        "fund_use_revised": -float(part.loc["Bruk av bundne investeringsfond", "revised_budget_2023_dekf"]),
        "fund_use_actual": -float(part.loc["Bruk av bundne investeringsfond", "actual_2023_dekf"]),
    }


DRIFT_DISPOSITIONS = "drift_year_end_dispositions"


def transfer_sources(get: Getter) -> dict[str, float]:
    """Where the transfer from operations came from, as the operating account's year-end dispositions
    (lines 2635–2654) print it: the net operating result, the discretionary fund (use less provision)
    and the restricted operating funds (provision less use); the result plus the two funds' net is the
    transfer. NOK thousand, actual 2023."""
    d = get(DRIFT_DISPOSITIONS)

    def line(label):
        return value(d, ACT, label=label)

    result = -line("Netto driftsresultat")
    fund_used, fund_set_aside = -line("Bruk av disposisjonsfond"), line("Avsetninger til disposisjonsfond")
    bound_net = line("Avsetninger til bundne driftsfond") + line("Bruk av bundne driftsfond")
    return {
        "transfer": line("Overføring til investering"),
        "result": result,
        "fund_used": fund_used,
        "fund_set_aside": fund_set_aside,
        "fund_net": fund_used - fund_set_aside,
        "bound_net": bound_net,
        "rebuilt": result + fund_used - fund_set_aside - bound_net,
    }


def financing_parts(get: Getter, column: str = "actual_2023") -> pd.DataFrame:
    """The financing sources of :func:`financing_mix` with the parts the book infers are not new money:
    the share sales that match the share purchase of the same size in 2B part 3 (Drammen Havn AS,
    budgeted as a sale of the same amount) and the land received in kind in the settlement of Nedre Eiker
    Eiendomsutvikling AS (lines 4533–4535; income with no money in it, matched by spending of the same
    amount, as in :func:`uncovered_by_cause`), and the two lines of DEKF's property sale that go round
    inside the combined statement (its grant to kommunekassen, in grants from others; its loan
    repayment relent to kommunekassen, in loans). The pairings are the book's, not the report's. The land
    is the report's figure for the year's actual only (no budget holds it)."""
    mix = financing_mix(get, column)
    havn = value(get(T3), column, label="Aksjekapital Drammen Havn as")
    land = 1000 * prose(get, "nee_settlement_land_in_kind") if column == ACT else 0.0
    internal = {
        "Sales of shares and holdings": havn + land,
        "Grants from others": value(get(T2), column, label=DEKF_GRANT_LINE),
        "Loans": value(get(T2A), column, label="Avdrag på lån"),
    }
    mix["matched"] = [internal.get(source, 0.0) for source in mix["source"]]
    mix["other"] = mix["amount"] - mix["matched"]
    return mix


# ---------------------------------------------------------------------------------------------
# Why the year ended uncovered, by cause (the book's grouping of kommunekassen's deviations).

HSO_LINE = "DEKF Investeringer HSO i bolig, sykehjem og evnt. nytt helsehus."
BAL_PROSE = "bal_prose_figures"
STARTLOAN_TO_FUND = "startloan_extra_repayments_to_bound_investment_fund_2023"  # line 3620, 97.4 million
RELENDING_LINES = {  # the relending block of kommunekassen's statement (DK)
    "lent": "Videreutlån",
    "borrowed": "Bruk av lån til videreutlån",
    "received": "Mottatte avdrag på videreutlån",
    "instalments": "Avdrag på lån til videreutlån",
}


def _dk_effect(dk: pd.DataFrame, label: str) -> float:
    """Actual − revised budget of one DK line (NOK thousand; positive adds to the uncovered amount)."""
    return dk_value(dk, label, ACT) - dk_value(dk, label, REV)


def uncovered_by_cause(get: Getter) -> pd.DataFrame:
    """Kommunekassen's uncovered amount as the sum of its deviations from the revised budget, grouped by
    cause rather than by block (NOK thousand; positive adds to the uncovered amount). The groups follow
    the report's explanations (lines 3053–3105) where it gives them; the property sale's parts are read
    with the report's figures (lines 3089–3091) and the book's pairing of its grant (2B part 2,
    *Investering DEKF*) and loan part (the extra use of loans); the dividend moved from the operating
    account is the 45 million of line 2670. The share sales hold the settlement of Nedre Eiker
    Eiendomsutvikling AS (line 4474), of which 16.5 million was land received in kind (lines 4533–4535):
    income with no money in it, which paid for the same amount of spending (the book reads it as 2B's
    *Prosjekt mangler*), so it stands as a cause of its own beside the overspend, and the share sales'
    cause is what they brought in money. The last row holds the lines no cause names, with the
    printed subtotals' rounding, so the causes add to the amount carried forward exactly."""
    dk = get(TDK)

    def block(section):
        return dk_section_value(dk, section, ACT) - dk_section_value(dk, section, REV)

    total = sum(block(section) for section in DK_BLOCK_NAMES)
    sale_budget = 1000 * prose(get, "dekf_property_sale_budgeted")
    sale_grant = value(get(T2), ACT, label=DEKF_GRANT_LINE)
    sale_loans = -_dk_effect(dk, "Bruk av lån")  # the extra use of loans: the sale's loan part (line 3091)
    grants = _dk_effect(dk, "Tilskudd fra andre")
    # The provisions to restricted investment funds above budget hold two things (lines 3618–3625): the
    # start-loan repayments set aside for new lending (line 3620) and, the book's reading of "first and
    # foremost", the partners' contributions received but not yet used. The first belongs with relending;
    # the second is partners' money that did not pay for the year's spending. The start-loan part is the
    # relending block's own surplus (repayments received less instalments paid, lending and its borrowing
    # being equal), not the text's 97.4 million, which differs from it by 0.1 million (a balance finding).
    provisions = _dk_effect(dk, "Avsetninger til bundne investeringsfond")
    relending_lines = {k: -dk_value(dk, label, ACT) + dk_value(dk, label, REV) for k, label in RELENDING_LINES.items()}
    startloan = -sum(dk_value(dk, label, ACT) for label in RELENDING_LINES.values())  # 97.3 million in 2023
    unmade = relending_lines["lent"] + relending_lines["borrowed"]  # budgeted net lending not made (38.0)
    partners_set_aside = provisions - startloan
    partners = grants - (sale_budget - sale_grant) + partners_set_aside  # grants used, without the sale
    moved = 1000 * drift_prose(get, TRANSFER_REDUCTION)
    land = 1000 * prose(get, "nee_settlement_land_in_kind")  # the settlement's land, income in kind
    relending = -unmade  # the block's deviation less its surplus, set aside in the funds
    bound_use = _dk_effect(dk, "Bruk av bundne investeringsfond")
    rows = [
        ("overspend", "Investment expenditure above budget",
         block(SUM_UT), "lines 3045, 3054"),
        ("land", "Land received in kind in the settlement of Nedre Eiker Eiendomsutvikling AS, booked as a sale of "
         "shares (it paid for the same amount of spending)", -land, "lines 4533–4535"),
        ("partners", "Partners' grants above budget, less the contributions set aside (without the property sale)",
         partners, "lines 3096, 3623–3625; the book's split"),
        ("vat", "VAT compensation short of budget", _dk_effect(dk, "Kompensasjon for merverdiavgift"), "line 3101"),
        ("relending", "Relending and restricted funds: the relending block, the start-loan repayments set aside and "
         "less drawn from the funds", relending + bound_use, "DK's relending block; the book's grouping"),
        ("shares", "Share sales above budget, less the dividend moved there from operations and the land in kind",
         _dk_effect(dk, "Salg av finansielle anleggsmidler") + moved + land,
         "lines 2544–2549, 2667–2671, 3085–3086, 4533–4535"),
        ("sale", "Drammen Eiendom KF's property sale above its budget", sale_budget - sale_grant - sale_loans,
         "lines 3089–3091"),
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["key", "cause", "effect", "basis"])
    other = total - float(frame["effect"].sum())
    frame.loc[len(frame)] = ["other", "Other lines (and rounding of the printed subtotals)", other, "DK"]
    frame["row_kind"] = "item"
    frame.loc[len(frame)] = ["total", "Carried forward uncovered", total, "line 3051", "total"]
    frame.attrs["other_lines"] = {
        "unbound_provision": _dk_effect(dk, "Avsetninger til ubundet investeringsfond"),
        "fixed_asset_sales": _dk_effect(dk, "Salg av varige driftsmidler"),
        "own_lending_repayments": _dk_effect(dk, "Mottatte avdrag på utlån av egne midler"),
    }
    frame.attrs["parts"] = {
        "grants_above_budget": partners - partners_set_aside,
        "provisions_above_budget": provisions,
        "startloan_set_aside": startloan,
        "startloan_said": 1000 * float(get(BAL_PROSE).set_index("label").loc[STARTLOAN_TO_FUND, "value"]),
        # The block's deviation, line by line (NOK thousand, positive = better than budget): the budgeted net
        # lending not made, and the repayments received above budget and instalments paid below it.
        "unmade_net_lending": unmade,
        "lending_short": relending_lines["lent"],
        "lending_revised": dk_value(dk, RELENDING_LINES["lent"], REV),
        "repayments_above": relending_lines["received"],
        "instalments_below": relending_lines["instalments"],
        "partners_set_aside": partners_set_aside,
        "relending_block": block("Netto utgifter videreutlån"),
        "bound_use": bound_use,
        "bound_provisions": dk_value(dk, "Avsetninger til bundne investeringsfond", ACT),
        "bound_use_actual": -dk_value(dk, "Bruk av bundne investeringsfond", ACT),
    }
    return frame


def dekf_expenditure_parts(get: Getter) -> dict[str, float]:
    """Drammen Eiendom KF's investment expenditure against its revised budget (NOK thousand; 2A − DK): the
    fixed assets (mostly property), and the repayment and grant that had no budget, which together make its
    net deviation."""
    part = dekf_part(get).set_index("label")

    def dev(label):
        return float(part.loc[label, "actual_2023_dekf"] - part.loc[label, "revised_budget_2023_dekf"])

    return {
        "fixed": dev("Investeringer i varige driftsmidler"),
        "repayment": dev("Avdrag på lån"),
        "grant": dev("Tilskudd til andres investeringer"),
        "total": dev(SUM_UT),
        "fixed_revised": float(part.loc["Investeringer i varige driftsmidler", "revised_budget_2023_dekf"]),
    }


def hso_lines(get: Getter) -> pd.DataFrame:
    """The Drammen Eiendom KF lines for health, social affairs and care (the HDO projects and Krokstad
    nursing home) that had no original budget but a revised one, beside the frame line they came from."""
    part1 = get(T1)
    new = part1[(part1["row_kind"] == "item") & (part1["executor"] == "DEKF") & (part1[ORIG] == 0)
                & (part1[REV] > 0) & part1["label"].str.contains("HDO|Krokstad", regex=True)]  # fmt: skip
    return new[["label", "programme_area", ORIG, REV, ACT]].reset_index(drop=True)


def kk_area_overspend(get: Getter) -> pd.DataFrame:
    """Kommunekassen's (KK) lines of 2B part 1 by programme area: revised budget, actual and overspend
    (actual − revised, NOK thousand), largest overspend first."""
    part1 = get(T1)
    items = part1[(part1["row_kind"] == "item") & (part1["executor"] == "KK")]
    frame = items.groupby("programme_area")[[REV, ACT]].sum()
    frame["overspend"] = frame[ACT] - frame[REV]
    return frame.sort_values("overspend", ascending=False).reset_index()


def moved_checks(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The checks of ``after`` (a run on altered data) whose difference or class is not what ``before`` (the
    run on the printed data) gives, with the class written ``before → after`` (one word when it stayed)."""
    old = before.set_index("check_id")
    new = after.set_index("check_id")
    common = new.index.intersection(old.index)
    moved = (new.loc[common, "difference"] - old.loc[common, "difference"]).abs() > 1e-9
    moved |= new.loc[common, "status"] != old.loc[common, "status"]
    ids = common[moved.to_numpy()]
    frame = new.loc[ids].copy()
    frame["status"] = [
        b if b == a else f"{b} → {a}" for b, a in zip(old.loc[ids, "status"], new.loc[ids, "status"], strict=True)
    ]
    return frame.reset_index()


# ---------------------------------------------------------------------------------------------
# Small views for the chapter's opening and the self-financing rule (they compare nothing).

# The four sections of 2A, each with the sign that adds it to the amount carried forward in the label, and
# a few of their lines (·, parts of the section above them, not added again): the sections add to the total.
BRIEF_ROWS = (  # (row shown, 2A line, sign that makes the amount positive, row kind)
    ("Investment expenditure", SUM_UT, 1, "item"),
    ("· fixed assets", "Investeringer i varige driftsmidler", 1, "part"),
    ("· shares and holdings", "Investeringer i aksjer og andeler i selskaper", 1, "part"),
    ("· debt repaid", "Avdrag på lån", 1, "part"),
    ("− Investment income", SUM_INN, -1, "item"),
    ("· loan money used", "Bruk av lån", -1, "part"),
    ("− Relending surplus, net", "Netto utgifter videreutlån", -1, "item"),
    ("− Transfer from operations, net of funds", "Sum overføring fra drift og netto avsetninger", -1, "item"),
    ("= Carried forward uncovered", "Fremført til inndekning i senere år (udekket)", 1, "total"),
)  # fmt: skip


def year_in_brief(get: Getter) -> pd.DataFrame:
    """The year in the four sections of 2A and a few of their lines: both bodies' actual, and kommunekassen's
    revised budget, actual and its effect on the amount carried forward, NOK thousand. The amounts carry the
    sign their label gives them (income, the relending surplus and the net transfer are subtracted), so the
    sections add to the amount carried forward. The effect is actual − revised budget in the accounts' own
    signs (income negative), so + adds to the uncovered amount in every row and the sections' effects add
    to it with no sign turned. Kommunekassen's figures are its own blocks (DK; zero where DK prints no such
    line). Each row carries 2A's line as printed (``line``) beside its English name (``label``)."""
    part = dekf_part(get).set_index("label")
    rows = []
    for shown, label, sign, kind in BRIEF_ROWS:
        r = part.loc[label]
        rows.append(
            {
                "label": shown,
                "line": label,  # 2A's line as printed
                "row_kind": kind,
                "both": sign * r["actual_2023_all"],
                "both_printed": r["actual_2023_all"],  # as 2A prints it: income and financing negative
                "kk_revised": sign * r["revised_budget_2023_kk"],
                "kk_actual": sign * r["actual_2023_kk"],
                "kk_effect": r["actual_2023_kk"] - r["revised_budget_2023_kk"],  # accounts' signs: + adds
            }
        )
    return pd.DataFrame(rows)


def self_financing_readings(get: Getter) -> pd.DataFrame:
    """The self-financing share on each reading of its base (:func:`self_financing`): the rule's minimum,
    the report's share on the base it implies (a range: any share that rounds to the printed one), the
    book's base and its two variants, and, on the original budget, the base the rule's budgeted minimum
    implies beside the book's. Amounts in NOK thousand (NaN where a reading has none), shares in percent."""
    sf = self_financing(get)
    rule_share = prose(get, "min_self_financing_share_rule")
    nan = float("nan")
    rows = [
        ("rule", nan, nan, nan, nan, rule_share),
        ("report", 1000 * prose(get, "self_financing_non_profitable_investments"), sf["implied_base"],
         sf["implied_base_low"], sf["implied_base_high"], prose(get, "self_financing_share")),
        ("book", sf["numerator"], sf["base"], nan, nan, sf["share"]),
        ("p12_vat", sf["numerator"], sf["base_p12_vat"], nan, nan, sf["share_p12_vat"]),
        ("p12_in", sf["numerator"], sf["base_with_p12"], nan, nan, sf["share_with_p12"]),
        ("original_rule", 1000 * prose(get, "self_financing_budget_15pct_rule"), sf["rule_base_original"], nan, nan,
         rule_share),
        ("original_book", nan, sf["base_original"], nan, nan, nan),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["reading", "amount", "base", "base_low", "base_high", "share"])


# The checks' texts abbreviate kommunekassen's own statement (Status investering og finansiering, Drammen
# kommunekasse) as DK; a reader of the chapter's tables gets the name.
DK_SPELLED = ((re.compile(r"^DK: "), "Kommunekassen's statement: "),
              (re.compile(r"^DK fixed assets\b"), "Kommunekassen's fixed assets"),
              (re.compile(r"= DK \(kommunekassen's alone\)"),
               "= kommunekassen's statement (the line is kommunekassen's alone)"),
              (re.compile(r"\(DK\)"), "(kommunekassen's statement)"),
              (re.compile(r"the four DK blocks"), "kommunekassen's four blocks"),
              (re.compile(r"\bDK(?:'s)?\b"), "kommunekassen's"))  # fmt: skip


def spelled_out(what: str) -> str:
    """A check's text with DK (kommunekassen's statement) written out."""
    for pattern, name in DK_SPELLED:
        what = pattern.sub(name, what)
    return what
