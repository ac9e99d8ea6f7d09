"""``python -m aarsevaluering.audit [--findings | --estimates | --letter]``: the audit as CSV.

Without an option it writes one row per check (``AUDIT_COLUMNS``): what is compared, the printed and
the recomputed figure, their difference, the unit, the class, the finding the check belongs to and
its verdict (for a check outside any finding, the verdict is its class), the report's lines, how likely
rounding alone is to leave such a gap (sums), and a link to the code of the check's identity. Figures
are written at the precision printed, not with the noise of binary floating point (``188.3``, never
``188.3000000000011``). ``--findings`` writes the register, one row per finding, largest first;
``--estimates`` the book's own estimates, kept apart from it; ``--letter`` the management letter, the
corrections the book recommends, ranked. The audit page offers every file.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import re
import sys
from functools import cache

import pandas as pd

from . import checks, findings, tables
from .data import REPO_ROOT
from .fmt import fmt, unit_name

AUDIT_COLUMNS = [
    "check_id", "chapter", "what", "printed", "recomputed", "difference", "unit", "difference_unit", "status",
    "finding_id", "verdict", "source_lines", "kind", "decimals", "input_decimals", "tolerance", "p_rounding",
    "low", "high", "table", "section", "code_url",
]  # fmt: skip
FINDINGS_EXPORT = [
    "finding_id", "chapter", "label", "title", "verdict", "nature", "checks", "size", "unit", "size_unit", "size_text",
    "relative_text",
    "size_nok_million", "materiality", "materiality_by_size", "qualitative", "section", "caption", "search", "line",
    "source_lines", "wrong_figure",
    "should_read", "explanation", "check_ids", "code_urls",
]  # fmt: skip
# Digits kept beyond the printed ones where a figure is computed rather than printed (a ratio, a model).
EXTRA_DIGITS = 3
ALL_CHECKS_CAPTION = "Every check of the book (difference: printed − recomputed, in the check's unit)"


def _places(row: pd.Series) -> int:
    """How many decimals a check's recomputed figure and difference are written with: the finest
    precision of the printed figures it combines (a sum's parts, a restated figure), or the printed
    figure's decimals plus ``EXTRA_DIGITS`` where it is a ratio or a model."""
    decimals = int(row["decimals"])
    parts = [int(d) for d in str(row["input_decimals"]).split()] if row["input_decimals"] else []
    if row["kind"] in (checks.SUM, checks.RESTATEMENT) and parts:
        return max(decimals, *parts)
    if row["kind"] in (checks.SUM, checks.CLAIM):
        return decimals
    if str(row["unit"]).startswith("NOK per"):  # pay and other amounts in kroner: to the krone, never øre
        return decimals
    return decimals + EXTRA_DIGITS


def _round(value: float, places: int) -> float:
    return value if value is None or math.isnan(value) else round(float(value), max(places, 0)) + 0.0


def at_printed_precision(frame: pd.DataFrame) -> pd.DataFrame:
    """The checks' figures rounded to what was printed (and, for computed figures, to what the inputs
    carry), so the CSV holds no floating-point noise."""
    out = frame.copy()
    places = out.apply(_places, axis=1)
    out["printed"] = [_round(v, int(d)) for v, d in zip(out["printed"], out["decimals"], strict=True)]
    for column in ("recomputed", "difference", "low", "high"):
        out[column] = [_round(v, p) for v, p in zip(out[column], places, strict=True)]
    out["tolerance"] = [_round(v, p + 1) for v, p in zip(out["tolerance"], places, strict=True)]
    out["p_rounding"] = [v if math.isnan(v) else float(f"{v:.3g}") for v in out["p_rounding"]]
    return out


def audit_checks(all_checks: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every check with its finding, verdict and the link to its identity's code, in the chapters'
    order, at the precision printed."""
    all_checks = checks.run() if all_checks is None else all_checks
    frame = findings.assign(all_checks)
    frame["code_url"] = [checks.identity_url(name) for name in frame["identity"]]
    frame["difference_unit"] = frame["unit"].map(_difference_unit)
    return at_printed_precision(frame)[AUDIT_COLUMNS]


def _difference_unit(unit: str) -> str:
    """A difference of two percentages is in percentage points, not percent."""
    return "percentage points" if unit in ("percent", "%") else unit


def audit_findings(all_checks: pd.DataFrame | None = None) -> pd.DataFrame:
    """The register, largest first (sizes at the printed precision of their checks)."""
    all_checks = checks.run() if all_checks is None else all_checks
    frame = findings.table(all_checks)
    frame["size_unit"] = frame["unit"].map(_difference_unit)
    frame = frame[FINDINGS_EXPORT].copy()
    frame["size"] = frame["size"].round(6)
    frame["size_nok_million"] = frame["size_nok_million"].round(6)
    return frame


def audit_estimates(all_checks: pd.DataFrame | None = None) -> pd.DataFrame:
    """The book's own estimates, apart from the register."""
    return findings.estimates(checks.run() if all_checks is None else all_checks)


def audit_letter(all_checks: pd.DataFrame | None = None) -> pd.DataFrame:
    """The management letter: the recommended corrections, ranked (sizes in NOK million, one decimal)."""
    frame = findings.letter(checks.run() if all_checks is None else all_checks).copy()
    frame["size_nok_million"] = frame["size_nok_million"].round(1)
    frame["printed_nok_million"] = frame["printed_nok_million"].round(1)
    return frame


def _condition_and_effect(text: str) -> tuple[str, str]:
    """A qualitative factor's text (``findings.FACTORS``) split at its last colon outside brackets: when it
    applies, and what it does to the level ("material by nature")."""
    depth, cut = 0, -1
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ":" and depth == 0 and text[i + 1 : i + 2] == " ":
            cut = i
    return (text[:cut], text[cut + 2 :]) if cut >= 0 else (text, "")


def _moves(register: pd.DataFrame, text: str) -> list[tuple[str, str, list[str]]]:
    """The findings a qualitative factor (its ``text``) moves, grouped by the move: (level by size alone,
    level given, ids)."""
    carrying = register[register["qualitative"].str.contains(text, regex=False)]
    moved = carrying[carrying["materiality"] != carrying["materiality_by_size"]]
    groups = moved.groupby(["materiality_by_size", "materiality"], sort=False)["finding_id"]
    return [(findings.shown_level(a), findings.shown_level(b), list(ids)) for (a, b), ids in groups]


def factor_table(register: pd.DataFrame) -> pd.DataFrame:
    """The qualitative factors (``findings.FACTORS``) one row each: ``factor`` (its name), ``applies`` (when),
    ``effect`` (what it does to a finding's level) and ``moves``: the register's findings it moves from the
    level their size, or their being not in NOK, alone would give (ids, grouped by the move), or "none"."""
    rows = []
    for name, text in findings.FACTORS.items():
        applies, effect = _condition_and_effect(text)
        moves = "; ".join(f"{', '.join(ids)} ({a} → {b})" for a, b, ids in _moves(register, text))
        rows.append({"factor": name, "applies": applies[:1].upper() + applies[1:], "effect": effect,
                     "moves": moves or "none"})  # fmt: skip
    return pd.DataFrame(rows, columns=["factor", "applies", "effect", "moves"])


# A factor's text cites the report's lines for the book's trace; the table a reader scans leaves them out
# (the register's rows keep the whole text).
_LINES_CITED = re.compile(r"lines \d+\u2013\d+: ")


def factor_table_html(register: pd.DataFrame) -> str:
    """The qualitative factors as a table: the name (in words, ``findings.factor_name``), when it applies and,
    under it, its effect on the level, and the findings it moves, under each move one per line, each its short
    name (``label``) as a link to its row in the register."""
    labels = finding_labels(register)
    rows = []
    for name, text in findings.FACTORS.items():
        applies, effect = _condition_and_effect(text)
        applies = _LINES_CITED.sub("", applies[:1].upper() + applies[1:])
        moves = "<br>".join(
            f"{html.escape(a)} → {html.escape(b)}:<br>{finding_links(' '.join(ids), labels)}"
            for a, b, ids in _moves(register, text)
        )
        rows.append(
            f'<tr><th scope="row" class="plain-row-head factor-name">{html.escape(findings.factor_name(name))}</th>'
            f'<td>{html.escape(applies)}<br><span class="check-note"><b>Effect:</b> {html.escape(effect)}</span></td>'
            f"<td>{moves or 'none'}</td></tr>"
        )
    headers = ["Factor", "Applies when, and its effect on the level", "Findings it moves"]
    caption = "The qualitative factors, and the findings they move"
    return _table("audit-factors", caption, headers, rows, interactive=False)


# The band above the findings' rows, from the bottom up: the clearly-trivial line's name, overall
# materiality's, and the sum of the misstatements that count (in rows of the chart's y axis).
SUM_ROW = 0.6  # the sum's mark, in the band above the top row (the thresholds are named along their lines)
# Why a mark is left out of the sum, by its group in ``findings.aggregation`` (rows 1 and 2), in a few words.
LEFT_OUT_WHY = {1: "its total is right", 2: "a sentence"}
# Why, in the legend (the designer's read, s11r3: the key said "left out" and not why).
LEFT_OUT_KEY = "a total that is right, or a sentence"
WHY_GAP = 0.75  # the room, in rows, for the line under a row's name that says why its mark is left out
LEFT_OUT_GID = "left-out-why"  # a mark beyond overall materiality that is not summed: why, beside it
SHARE_GID = "share-of-sum"  # the largest misstatement that counts, its share of the sum, beside its mark


def materiality_chart(register: pd.DataFrame, thresholds: dict, schedule: pd.DataFrame):
    """The misstatements in NOK (:func:`chart_rows`) against the materiality thresholds, one mark each on a
    logarithmic axis (their sizes run from a thousand kroner to hundreds of millions), each row named by its
    finding's ``label`` (the register names its row so): a filled disc for a misstatement that counts towards
    materiality (the ISA 450 sum, ``findings.aggregation``), a hollow disc for one the book leaves out of it
    (a mistyped cell whose total is right, a wrong label, a sentence of the text), the legend saying why; all
    in vermilion, the colour of an error's and an inconsistency's bar on the boxes, the letter and the
    register (s11r4); findings that are not misstatements (scope, unstated) are not weighed and not drawn.
    The two thresholds dotted (``style.REFERENCE_LINE``), each named along its own line, right of it, from the
    foot of the plot up. A mark beyond overall materiality that is left out of the sum says under its row's
    name the level its factor weighed it to ("below materiality: its total is right"), so chart and letter
    agree; the largest that counts says its share of the sum, which the logarithmic axis hides. Above the top
    row the sum of those that count is marked on the same axis, a thin solid line under it. The title states
    the sum against overall materiality."""
    import matplotlib.ticker

    from . import style

    money = chart_rows(register)
    summed = set(str(schedule.iloc[0]["finding_ids"]).split())
    counts = money["finding_id"].isin(summed)
    left_out = ~counts
    # Each mark left out of the sum but beyond overall materiality says why it is left out (the designer's
    # read, s10: "left out of the sum" alone sent the reader to Tables A.7 and A.9), on a line of its own
    # under its row's name, left of the plot, where no threshold line runs (s10r3: beside the mark the three
    # lines ran through it); its row stands that much further from the one below.
    # The largest that counts says its share of the sum (the logarithmic axis hides that it is nearly all of
    # it, designer r4b) the same way: beside its mark, the dotted line ran through it (s10r3).
    why_of = {i: LEFT_OUT_WHY[n] for n in (1, 2) for i in str(schedule.iloc[n]["finding_ids"]).split()}
    # The level its factor weighed it to, first: beyond the line of overall materiality, a mark the letter calls
    # "below materiality" says so beside it (the designer's read, s11r4: chart and letter seemed to disagree).
    level_of = dict(zip(money["finding_id"], money["materiality"], strict=True))
    notes = {f: (f"{findings.shown_level(level_of[f])}: {why_of[f]}", LEFT_OUT_GID)
             for f in money.loc[left_out & (money["size_nok_million"] >= thresholds["overall"]), "finding_id"]
             if f in why_of}  # fmt: skip
    total = schedule.iloc[0]
    if counts.any() and total["total_nok_million"] > 0:
        largest = money[counts].iloc[-1]
        share = fmt(100 * largest["size_nok_million"] / total["total_nok_million"], 0, "%")
        notes[largest["finding_id"]] = (f"{share} of the sum of the {total['findings']}", SHARE_GID)
    explained = money["finding_id"].isin(notes)
    positions, y = [], -1.0
    for has_why in explained:
        y += 1.0 + (WHY_GAP if has_why else 0.0)
        positions.append(y)
    rows = dict(zip(money["finding_id"], positions, strict=True))
    fig, ax = style.figure(height=2.2 + 0.24 * (len(money) + WHY_GAP * int(explained.sum())))
    # (key, mask, colour, edge, marker, size): those that count a large dark disc, those left out a cross
    # in the same colour (not grey, the verdict colour of scope and unstated, designer s11r3). Findings
    # that are not misstatements (scope, unstated) are not weighed and not drawn: beside the line a scope gap
    # read as a near-material error (the designer's read, s9r3); the register lists them.
    # Every mark is an error or an inconsistency: vermilion, the verdict bar's colour on the boxes, the letter and
    # the register (the designer's read, s11r4); scope and unstated (grey there) are not drawn.
    kinds = [
        ("counts towards materiality", counts, style.UNFAVOURABLE, style.UNFAVOURABLE, "o", 64),
        # a cross, not a hollow disc: unfilled is the book-wide mark of the book's own estimate (designer s12)
        (f"left out of the sum: {LEFT_OUT_KEY}", left_out, style.UNFAVOURABLE, None, "x", 56),
    ]
    top = (positions[-1] if positions else -1.0) + 0.5  # the top of the findings' rows; the band is above it
    for label, mask, colour, edge, marker, size in kinds:
        shown = money[mask]
        lines = {"edgecolors": edge} if edge else {}  # a cross has no edge apart from its lines (matplotlib)
        ax.scatter(shown["size_nok_million"], [rows[f] for f in shown["finding_id"]], s=size, label=label,
                   marker=marker, facecolors=colour, linewidths=1.3, zorder=3, **lines)  # fmt: skip
    text = {"fontsize": style.MIN_TEXT_PT, "color": style.TEXT, "va": "center", "ha": "right",
            "textcoords": "offset points", "xytext": (-5, 0)}  # fmt: skip
    # Each threshold named along its own line, from the foot of the plot up, right of it, where no mark stands
    # (the designer's read, s11r4: two names stacked in the band above did not say which line was whose).
    # Both thresholds in the book's one reference-line style (s12: no dashed reference lines), told apart by
    # their names.
    for value, name in ((thresholds["trivial"], "clearly trivial"), (thresholds["overall"], "overall materiality")):
        ax.vlines(value, -0.7, top, **style.REFERENCE_LINE)
        ax.annotate(f"{name} {findings.money_text(value)}", (value, -0.55), rotation=90, rotation_mode="anchor",
                    fontsize=style.MIN_TEXT_PT, color=style.TEXT, ha="left", va="top", textcoords="offset points",
                    xytext=(3, 0))  # fmt: skip
    ax.set_xscale("log")
    low = max(money["size_nok_million"].min() / 2, 1e-4)
    ax.set_xlim(low, max(money["size_nok_million"].max(), thresholds["overall"]) * 6)
    ax.xaxis.set_major_formatter(
        matplotlib.ticker.FuncFormatter(lambda v, _: fmt(v, max(0, -int(math.floor(math.log10(v))))))
    )
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.set_yticks(positions, money["label"])
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(-0.7, top + SUM_ROW + 0.6)
    # The sum the title states, marked on the same axis above the lines' names: where it stands against them.
    ax.plot([total["total_nok_million"]], [top + SUM_ROW], marker="v", markersize=9, linestyle="none",
            color=style.TEXT, zorder=3)  # fmt: skip
    # A thin solid line under the mark, so the sum reads against the dotted line of overall materiality; it
    # stops at the top row, so no threshold's name in the band above runs across it (designer s9r3).
    ax.vlines(total["total_nok_million"], -0.7, top, color=style.LEVEL, linewidth=0.8, zorder=1)
    # The notes, each under its row's name, in italics (not a row of its own).
    margin = ax.get_yaxis_transform()  # x in the axes' width, y in rows: the row names' column
    for fid, (note, gid) in notes.items():
        ax.annotate(
            note,
            (0, rows[fid] - WHY_GAP),
            xycoords=margin,
            **text | {"xytext": (-4, 0), "fontstyle": "italic", "gid": gid, "annotation_clip": False},
        )
    ax.annotate(f"sum of the {total['findings']} that count, {findings.money_text(total['total_nok_million'])}",
                (total["total_nok_million"], top + SUM_ROW), **text | {"xytext": (-8, 0)})  # fmt: skip
    ax.set_xlabel("Size, NOK million (logarithmic scale)")
    ax.grid(axis="x", which="major", alpha=0.3)
    ax.set_title(materiality_title(total, money[left_out], thresholds["overall"]), loc="left")
    style.legend_above(ax, ncol=1)
    # The findings material by nature, not drawn, are named in a sentence under the figure (``not_drawn_note``),
    # not in the source note's small type (the designer's read, s11r3: the page's headline result stood there).
    return style.finish(fig, note="Sizes and thresholds: the book's (Data and methods)")


def not_drawn_note(register: pd.DataFrame) -> str:
    """The figure's note names the findings material by nature, which are not in NOK and so not drawn, with
    their sizes (the designer's read, s11: a reader who took the chart for the audit's summary concluded that
    nothing was material)."""
    nature = register[register["materiality"] == findings.BY_NATURE_MATERIAL]
    if nature.empty:
        return ""
    units = set(nature["size_unit_shown"])
    unit = f", in {next(iter(units))}" if len(units) == 1 else ""
    named = "; ".join(
        f"{r['label']} ({r['size_figure']}{'' if unit else ' ' + r['size_unit_shown']})" for _, r in nature.iterrows()
    )
    n = len(nature)
    # All the misstatements not in NOK are left out, not only those material (reader s11r2: a list of three
    # after "Not drawn" read as the whole list).
    others = register["size_nok_million"].isna() & register["verdict"].isin(findings.CONTRADICTED)
    m = int(others.sum())
    return (f"Not drawn: the {NUMBER_WORDS.get(m, str(m))} misstatements not in NOK. "
            f"{NUMBER_WORDS.get(n, str(n)).capitalize()} of them {'is' if n == 1 else 'are'} material by nature"
            f"{unit}: {named}.")  # fmt: skip


def chart_rows(register: pd.DataFrame) -> pd.DataFrame:
    """The rows of Fig. A.1: the misstatements in NOK (errors and inconsistencies with a size in NOK),
    smallest first (drawn bottom up)."""
    money = register[register["size_nok_million"].notna() & register["verdict"].isin(findings.CONTRADICTED)]
    return money.sort_values("size_nok_million")


NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def materiality_title(total: pd.Series, left_out: pd.DataFrame, overall: float) -> str:
    """Fig. A.1's title, true for every dot: the sum of the misstatements that count against overall
    materiality, and, where any misstatement left out of the sum is at or above it alone, how many are (in
    two lines)."""
    where = "at or above" if total["exceeds"] else "below"
    title = (f"The {total['findings']} misstatements that count sum to "
             f"{findings.money_text(total['total_nok_million'])}, {where} overall materiality")  # fmt: skip
    beyond = left_out[left_out["size_nok_million"] >= overall]
    over = len(beyond)
    if over:
        # One point (designer s12b: "two left out each exceed it by size but weighed below it" was hard to
        # parse): the marks beyond the line are not in the sum; each one's label gives its level and reason.
        many = over > 1
        title += (f";\n{'the ' + NUMBER_WORDS.get(over, str(over)) + ' crosses' if many else 'the cross'} beyond it "
                  f"{'are' if many else 'is'} left out of the sum")  # fmt: skip
    return title


# ---------------------------------------------------------------------------------------------
# The audit page's tables (static, escaped HTML; ``_static/interactive-table.js`` makes them sortable).


def _table(table_id: str, caption: str, headers: list[str], rows: list[str], filters: str = "",
           interactive: bool = True) -> str:  # fmt: skip
    """A table of the audit page; ``interactive`` gives it the book's search box and sortable headers
    (not worth it for a table of three rows)."""
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    attrs = f' data-filter-columns="{html.escape(filters, quote=True)}"' if filters else ""
    kind = "report-table interactive-table" if interactive else "report-table"
    return (
        f'<table id="{html.escape(table_id)}" class="{kind}"{attrs}>'
        f"<caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _million_cell(x: float) -> str:
    return html.escape(findings.million_text(x))  # as the register writes it


def finding_labels(register: pd.DataFrame) -> dict[str, str]:
    """Each finding's short name (``label``, the name of its row in Fig. A.1), by its id."""
    return dict(zip(register["finding_id"], register["label"], strict=True))


def finding_links(ids: str, labels: dict[str, str] | None = None, sizes: dict[str, float] | None = None) -> str:
    """Findings as links to their rows in the register, one per line: each by its short name where
    ``labels`` gives it (the id, a slug, is only the link's target), else by its id, never broken at a
    hyphen; where ``sizes`` (NOK million, by id) gives its size, the size after it as its box writes it."""
    labels, sizes = labels or {}, sizes or {}

    def size(i: str) -> str:
        if i not in sizes or sizes[i] != sizes[i]:
            return ""
        # A bare figure, as the table's caption gives the unit (NOK million): one unit, "< 0.1" below a tenth;
        # the dot held to the name by a no-break space, so it never starts a line (the designer's read, s11).
        return f'<span class="finding-size">\u00a0\u00b7 {html.escape(findings.million_text(sizes[i]))}</span>'

    return "<br>".join(
        f'<a class="finding-ref{"" if i in labels else " finding-id"}" href="#finding-{html.escape(i)}">'
        f"{html.escape(labels.get(i, i))}</a>{size(i)}"
        for i in str(ids).split()
    )


def _group_total(ids: str, sizes: dict[str, float] | None) -> float:
    """The sum of a group's findings' sizes in NOK million (NaN where the sizes are not given)."""
    if not sizes:
        return float("nan")
    return float(sum(sizes[i] for i in str(ids).split()))


def aggregation_html(
    schedule: pd.DataFrame, labels: dict[str, str] | None = None, sizes: dict[str, float] | None = None
) -> str:
    """The ISA 450 schedule of uncorrected misstatements: each group, the findings in it (links to the
    register) with each one's size as its box writes it where ``sizes`` (NOK million, by id) are given,
    their count and total; a group left out says so, and why, in its name, its total (where ``sizes`` are
    given) marked "not summed" under it (a dash hid the amounts over materiality, the designer's read,
    s10r3); overall materiality in a row of
    its own under a rule, in words across the row (a figure in the Total column read as a sum). Headers one
    line each."""
    rows = []
    for _, r in schedule.iterrows():
        summed = r["threshold_nok_million"] == r["threshold_nok_million"]
        why = "" if summed else f" ({r['against'].removeprefix('not summed (').removesuffix(')')})"
        name = html.escape(r["group"][:1].upper() + r["group"][1:] + why)
        links = finding_links(r["finding_ids"], labels, sizes)
        # A group left out shows its amount too, marked, so the table weighs it as well (the designer's
        # read, s10r3: a dash hid the two amounts over materiality); each finding's size beside its name.
        total = _million_cell(r["total_nok_million"] if summed else _group_total(r["finding_ids"], sizes))
        # Several sizes: their total is of the unrounded sizes, which may differ in its last digit from the
        # sum of the sizes as listed (150.97 shown as 151.0 beside sizes listed to add to 151.1).
        several = r["findings"] > 1
        mark = (
            ""
            if summed
            else f'<br><span class="not-summed">not summed{"; of the unrounded sizes" if several else ""}</span>'
        )
        rows.append(
            f'<tr><th scope="row" class="plain-row-head">{name}'
            f"{f'<br>{links}' if links else ''}</th>"
            f'<td class="number">{r["findings"]}</td>'
            f'<td class="number">{total}{mark}</td></tr>'
        )
    first = schedule.iloc[0]
    where = "at or above" if first["exceeds"] else "below"
    # The threshold in words across the row, not in the Total column, where it read as the sum of the
    # groups (the designer's read, s10).
    foot = (
        f'<tfoot><tr class="total-row"><td colspan="3">The summed total, '
        f"{html.escape(findings.money_text(first['total_nok_million']))}, is {where} overall materiality, "
        f"{html.escape(findings.money_text(first['threshold_nok_million']))}</td></tr></tfoot>"
    )
    headers = ["Group, and its findings", "Findings", "Total"]
    caption = "Uncorrected misstatements in NOK, summed (ISA 450; NOK million)"
    return _table("audit-aggregation", caption, headers, rows, interactive=False).replace("</tbody>", f"</tbody>{foot}")


# The chapters in the book's order, by the one name the audit page gives each ("1 Operating account").
CHAPTERS = findings.CHAPTER_NAMES
# Tables A.2 and A.3 name each chapter by its title as the book gives it (the Norwegian part where it has
# one) over its English short name, on two lines (the designer's read, s10: "2 Investment account" took
# three lines, and the labels dropped the Norwegian titles); _static/audit.css keeps the line break.
CHAPTER_TITLES = {
    "driftsregnskap": "1 Driftsregnskapet\noperating account",
    "investeringsregnskap": "2 Investeringsregnskapet\ninvestment account",
    "balanse": "3 Balanse\ndebt and funds",
    "pensjon": "4 Pensjon\npensions",
    "personnel": "5 Personnel\nstaff, time and pay",
}
assert set(CHAPTER_TITLES) == set(CHAPTERS)

# A report table's printed caption is written beside its book id (D01) where it is at most this long.
SHORT_CAPTION = 40


@cache
def report_tables() -> dict[str, tuple[str, str]]:
    """Each data file's report table (``data/datapackage.json``): its book id or ids (D01, "D10–D25",
    "prose") and its printed caption, by the file's name."""
    spec = json.loads((REPO_ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: (r.get("source_table", ""), r.get("title", "")) for r in spec["resources"]}


# The report's tables a check's words name, beyond its data files (a text figure's check says which table its
# figure stands in: "(D09)", "its Status økonomi table", "2B part 2", "DK"), by the book's ids: the id as
# written where it is one (D23 of D10–D25), else the data file whose table the words name.
NAMED_TABLES = [
    (re.compile(r"\b([DIBH]\d{2}[a-d]?)\b"), None),
    (re.compile(r"Status økonomi"), "drift_programme_area_economy"),
    (re.compile(r"\b2A\b"), "inv_2a_financing"),
    (re.compile(r"\b2B part 1\b"), "inv_2b_fixed_assets"),
    (re.compile(r"\b2B part 2\b"), "inv_2b_grants_to_others"),
    (re.compile(r"\b2B\b(?! part [12])"), "2B"),
    (re.compile(r"\bDK\b"), "inv_dk_blocks"),
]
# Statement 2B is four of the book's tables (its four parts); where the words name no part, all four.
STATEMENT_2B = "I03–I06 «Status investeringer (2B)»"


def named_tables(what: str, long: bool = False) -> list[str]:
    """The report's tables a check's words name (``NAMED_TABLES``), in the order they first appear, each once
    (with the printed caption where it is short, or ``long``, as :func:`report_table`)."""
    known = report_tables()
    ids = {i.strip(): name for name, (field, _) in known.items() for i in re.split(r"[,/]", field) if i.strip()}
    found: list[tuple[int, str]] = []
    for pattern, name in NAMED_TABLES:
        for m in pattern.finditer(str(what)):
            if name is None:
                if m.group(1) not in ids and not _in_range(m.group(1), known):
                    continue
                text = m.group(1)
                if m.group(1) in ids:
                    field, title = known[ids[m.group(1)]]
                    text = f"{field} «{title}»" if long or len(title) <= SHORT_CAPTION else field
            elif name == "2B":
                text = STATEMENT_2B
            else:
                field, title = known[name]
                text = f"{field} «{title}»" if long or len(title) <= SHORT_CAPTION else field
            found.append((m.start(), text))
    out: list[str] = []
    for _, text in sorted(found):
        if text not in out:
            out.append(text)
    return out


def _in_range(table_id: str, known: dict[str, tuple[str, str]]) -> bool:
    """Whether a table id (D23) lies in a data file's range of ids ("D10–D25")."""
    for field, _ in known.values():
        m = re.fullmatch(r"([A-Z])(\d{2})–\1(\d{2})", field)
        t = re.fullmatch(r"([A-Z])(\d{2})", table_id)
        if m and t and m.group(1) == t.group(1) and int(m.group(2)) <= int(t.group(2)) <= int(m.group(3)):
            return True
    return False


def report_table(tables_field: str, long: bool = False, what: str = "") -> str:
    """Where a check's figures stand in the report, by the book's table ids: "D01 «Sentrale inntekter»"
    (the printed caption where it is short, ``SHORT_CAPTION``, or ``long``), "the text" for figures in
    sentences, followed by the tables the check's words ``what`` name for the figure it is checked against
    ("the text; D09", :func:`named_tables`); several tables joined by "; " (a check of one table's figure
    against another's)."""
    known = report_tables()
    out = []
    for name in (n.strip() for n in re.split(r"[,;]", str(tables_field)) if n.strip()):
        ids, title = known.get(name, (name, ""))
        if ids == "prose" or not ids:
            text = "the text"
        elif title and (long or len(title) <= SHORT_CAPTION):
            text = f"{ids} «{title}»"
        else:
            text = ids
        if text not in out:
            out.append(text)
    if "the text" in out:  # the table a text figure is checked against, where the words name it
        for text in named_tables(what, long):
            if not any(t == text or t.split(" «")[0] == text.split(" «")[0] for t in out):
                out.append(text)
    return "; ".join(out)


# The page's one precision per unit for a recomputed figure and a difference (the CSV keeps the checks' own):
# NOK million with one decimal, a percentage and a difference of percentages with two, everything else
# (thousands, kroner, persons, hours) whole; never coarser than the printed figure (P03's 1.618 million).
PAGE_PLACES = {"NOK million": 1, "percent": 2, "%": 2, "percentage points": 2}


def page_places(unit: str, printed_decimals: int) -> int:
    """How many decimals the list of every check shows a recomputed figure and a difference with."""
    return max(PAGE_PLACES.get(unit, 0), printed_decimals)


def shown_places(row: pd.Series) -> tuple[int, bool]:
    """How many decimals the list of every check shows a row's recomputed figure and difference with, and
    whether the recomputed figure lies half-way between two printed values. At the unit's one precision
    (:func:`page_places`) a difference near half the printed figure's last unit can show on the wrong side
    of it, or as exactly half: "0.0 | 0.05 | −0.05 exact" for a recomputed 0.047, or "6.6 | 6.7 |
    −0.1 exact" for a recomputed 6.65, which read as if they broke the class. There one digit more at a
    time, up to the digits the CSV keeps (:func:`_places`), shows on which side of half a unit it lies
    ("0.047 | −0.047"). A difference of exactly half a unit is half-way: the recomputed figure rounds to
    either printed value, and the tolerance rule counts it exact (``checks.classify``); it is shown at the
    first precision that writes the half ("6.65 | −0.05")."""
    places = page_places(row["unit"], int(row["decimals"]))
    difference = abs(float(row["difference"]))
    if row["unit"] == checks.CLAIM_UNIT or math.isnan(difference):
        return places, False
    half = 0.5 * 10.0 ** -int(row["decimals"])
    slack = 1e-9 * half  # floating-point noise only

    def side(x: float) -> int:  # below half a unit, half-way, above
        return 0 if abs(x - half) <= slack else (1 if x > half else -1)

    finest = max(_places(row), places, int(row["decimals"]) + 1)
    for more in range(places, finest + 1):
        if side(round(difference, more)) == side(difference):
            return more, side(difference) == 0
    return finest, side(difference) == 0


def shown_precision(frame: pd.DataFrame) -> pd.DataFrame:
    """Per check (rows of :func:`audit_checks`): ``places``, the decimals its recomputed figure and
    difference are shown with, ``finer``, whether that is finer than the unit's one precision, and
    ``half_way``, whether an exact check's recomputed figure lies half-way between two printed values
    (:func:`shown_places`)."""
    out = pd.DataFrame([shown_places(r) for _, r in frame.iterrows()], columns=["places", "half_way"],
                       index=frame.index)  # fmt: skip
    unit_places = [page_places(u, int(d)) for u, d in zip(frame["unit"], frame["decimals"], strict=True)]
    out["finer"] = out["places"] > unit_places
    out["half_way"] &= frame["status"] == checks.EXACT  # an estimate is not graded: nothing to explain
    return out[["places", "finer", "half_way"]]


# What the list of every check writes under the class of a recomputed figure half-way between two printed
# values (:func:`shown_places`), and, as its tooltip, why it is exact.
HALF_WAY = "half-way"
HALF_WAY_TITLE = "half-way between two printed values: it rounds to either, so the rule counts it exact"


def check_unit(unit: str) -> str:
    """The unit a check's figures are in, as the list of every check names it in its own column: the
    printed figure, the recomputed one and the difference share it, except that a difference of two
    percentages is in percentage points (pp); a claim in words has none."""
    if unit == checks.CLAIM_UNIT:
        return "claim"
    if unit in ("percent", "%"):
        return "%, diff. pp"
    return unit_name(unit) or unit


def _code_place(url: str) -> str:
    """Where a link to an identity's code points, as text: its file and line (``…/balanse.py, line 40``)."""
    path = url.split("/blob/", 1)[-1].split("/", 1)[-1]
    file, _, line = path.partition("#L")
    return f"{file}, line {line}" if line else file


def lines_text(lines: object) -> str:
    """The report's lines as a row names them: "line 2155" for one, "lines 2143–2168" for more, several
    spans in the report's order ("lines 3706, 4215", not "4215, 3706")."""
    parts = [p.strip() for p in str(lines).split(",")]
    if all(re.match(r"\d+", p) for p in parts):
        parts.sort(key=lambda p: int(re.match(r"\d+", p).group()))
    text = ", ".join(parts)
    return f"line {text}" if text.isdigit() else f"lines {text}"


def every_check_html(frame: pd.DataFrame) -> str:
    """Every check (rows of :func:`audit_checks`), chapter by chapter in the book's order (``CHAPTERS``,
    by their English names), as a table whose rows open. Four columns, so the check's
    words get half the width (with a unit and a class column of their own they got a fifth and ran to
    nine lines): what, with its unit on a line under the words (:func:`check_unit`; never thousands beside
    millions unmarked), the figure as printed, the recomputed one and the difference at one precision per
    unit (:func:`page_places`; finer where that would misplace the difference against half a printed unit,
    :func:`shown_places`), with the check's class under the difference it judges, and "(half-way)" beside
    an exact one whose recomputed figure rounds to either printed value. The row opens on
    its id, chapter, report table, verdict and finding and a link to the code of its identity,
    named by its file and line. Chapter, unit, class and verdict are filters (facets), the difference
    sorts by its figure (``data-sort``)."""
    rows = []
    order = frame["chapter"].map({name: n for n, name in enumerate(CHAPTERS)})
    for _, r in frame.assign(_order=order).sort_values("_order", kind="stable").iterrows():
        # The printed figure as printed; the recomputed one and the difference at the unit's one precision,
        # or a digit or more finer where that would show a difference at half a printed unit or on its wrong
        # side (:func:`shown_places`).
        places, half_way = shown_places(r)
        chapter = CHAPTERS.get(r["chapter"], r["chapter"])
        if r["unit"] == checks.CLAIM_UNIT:  # a claim in words: says so; holds or fails, no number
            figures = ["says so", "holds" if r["recomputed"] == 1 else "fails", "\u2013"]
            sort = ""
        else:  # bare numbers in the row's one unit
            figures = [
                fmt(r["printed"], int(r["decimals"])),
                fmt(r["recomputed"], places),
                fmt(r["difference"], places, sign=True),
            ]
            sort = "" if math.isnan(r["difference"]) else f"{r['difference']:.6f}"
        fid = html.escape(r["finding_id"] or "")
        # A check in no finding has no verdict: its details leave both out (the filter reads "—").
        finding = f'<a href="#finding-{fid}">{fid}</a>' if fid else ""
        verdict = r["verdict"] if fid else "\u2014"
        unit = check_unit(r["unit"])
        what = html.escape(tables._unbreakable_numbers(str(r["what"])))
        status = html.escape(r["status"])
        half = (
            f' <span class="check-note half-way" title="{html.escape(HALF_WAY_TITLE, quote=True)}">({HALF_WAY})</span>'
            if half_way and r["status"] == checks.EXACT  # an estimate is not graded: nothing to explain
            else ""
        )
        source = report_table(r["table"], what=r["what"])
        source = (
            f'<span class="check-source">{html.escape(tables._unbreakable_numbers(source))} · </span>' if source else ""
        )
        # The report's lines in the row itself, as the chapters' check tables give them, so a figure can be
        # traced without opening the row (a designer's read).
        lines = r["source_lines"]
        lines = f'<span class="check-note check-lines"> · {html.escape(lines_text(lines))}</span>' if lines else ""
        cells = [
            tables.row_toggle(f'{what}<br>{source}<span class="check-note">{html.escape(unit)}</span>{lines}'),
            *(f'<td class="number">{html.escape(text)}</td>' for text in figures[:2]),
            f'<td class="number" data-sort="{sort}">{html.escape(figures[2])}'
            f'<br><span class="check-note check-class class-{status}">{status}</span>{half}</td>',
        ]
        facts = [
            ("Check", f"<code>{html.escape(r['check_id'])}</code>"),
            ("Chapter", html.escape(chapter)),
            ("Report table", html.escape(report_table(r["table"], long=True, what=r["what"]))),
            ("Verdict", html.escape(verdict) if fid else ""),
            ("Finding", finding),  # the report's lines are in the row itself
            (
                "Code",
                f'<a href="{html.escape(r["code_url"], quote=True)}">{html.escape(_code_place(r["code_url"]))}</a>',
            ),
        ]
        facets = {"Chapter": chapter, "Unit": unit, "Class": r["status"], "Verdict": verdict}
        rows.append(tables.OpenRow(cells, facts, facets))
    headers = ["Check (unit)", "As printed", "Recomputed", "Difference (class)"]
    # The caption says the difference's sign (designer s12c: + means the printed figure is the larger).
    return tables.expandable_table(
        "audit-all", ALL_CHECKS_CAPTION, headers, rows, numeric=(1, 2, 3),
        filters=("Chapter", "Unit", "Class", "Verdict"), css_class="checks-list", compact=True,
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aarsevaluering.audit", description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--findings", action="store_true", help="the register: one row per finding")
    which.add_argument("--estimates", action="store_true", help="the book's own estimates, apart from the register")
    which.add_argument("--letter", action="store_true", help="the management letter: recommended corrections, ranked")
    args = parser.parse_args(argv)
    if args.findings:
        frame = audit_findings()
    elif args.estimates:
        frame = audit_estimates()
    elif args.letter:
        frame = audit_letter()
    else:
        frame = audit_checks()
    frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
