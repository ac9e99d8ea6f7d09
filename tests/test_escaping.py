"""Row labels are data, not markup: a label holding ``<script>``, ``&`` or ``<b>`` is shown as text in
every table of the built book, and no such markup reaches a page live.

The book is built from a copy of ``data/`` in which one row label of each table below has a hostile
tail appended (``AARSEVALUERING_DATA`` points the build at the copy; the copy is kept between runs,
``conftest.kept_copy``, so a run builds only what changed). The label is appended to, not
replaced, because the identities and the notebooks look rows up by label: by equality, by prefix
(``str.startswith``), by substring, and across tables (the programme-area code, a project's name in
the project table and in statement 2B). The rows were chosen by trying each one: with its tail, every
check of ``aarsevaluering.checks.run()`` keeps its class and every notebook runs. Tables not here have
no such row (every label is a key that code looks up): D08's year-end dispositions; the prose figures
of driftsregnskap, pensjon and investeringsregnskap; B02 fund reserves; D04 pension items; 2A
financing; B01 debt by use; and the personnel tables of pay, gender by job group, gender and age (its
age groups join the permanent, temporary and part-time staff), the full-time share (the chapter
quotes its years), sick leave by quarter and hires by month.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from browser_support import launched_browser, served, toc_pages
from bs4 import BeautifulSoup
from conftest import REPO, kept_build

HOSTILE = " <script>alert(1)</script> & <b>bold</b>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"
LIVE = ("<script>alert(1)", "<b>bold</b>")

# table -> the label (of its first row with that label) that gets the hostile tail
ROWS = {
    "drift_overview_by_committee": "Totalsum",
    "drift_central_income": "Tilskudd lokalt næringsliv",
    "drift_central_expenses": "Ufordelt innsparingskrav",  # no code looks it up by label
    "drift_financial_items": "Renteutgifter, provisjoner og andre finansutgifter",
    # drift_loan_fund_accounts (D06): every row is looked up by its label, so none can carry the tail; its
    # labels go through the same styled table as D03's above.
    "drift_dividends": "Å Energi AS fra 2023",
    "drift_disposition_fund": "«Eier-risikofond»",
    "drift_programme_area_economy": "Sum",
    "inv_dk_blocks": "Mottatte avdrag på utlån av egne midler",
    "inv_2b_fixed_assets": "KK P15 Varslingssystem",
    "inv_2b_grants_to_others": "KK Inventar og utstyr P02 Barnehage",
    "inv_2b_shares_and_equity": "Aksjekapital i Å Energi AS",  # no code looks it up by label
    "inv_2b_own_lending": "KK P19 Utlån Fontenehuset",
    "inv_programme_projects": "Sum",
    "inv_net_projects": "Salg av varige driftsmidler",
    "bal_prose_figures": "deposit_account_binding_period",
    "pers_prose_figures": "digital_employment_contracts_processed",  # no code looks it up
    "pers_permanent_staff_by_area": "P01 Skole",
    "pers_sick_leave_by_area": "P01 Skole",
    "pers_turnover_by_area": "P01 Skole",
    "pers_overtime_by_area": "P01 Skole",
    "pers_aml_breaches_by_type": "AML timer per 4 uker",
    "pers_aml_breaches_by_area": "P01 Skole",
}
# Changed, but their labels are not printed in any table: the chapter shows D10–D25 by programme
# area (every label there is "Sum"), the balance and personnel prose figures are pasted into sentences,
# and turnover by area is drawn as a figure.
NOT_SHOWN = {"drift_programme_area_economy", "bal_prose_figures", "pers_prose_figures", "pers_turnover_by_area"}


def hostile(table: str, label: str) -> str:
    """The label with the hostile tail and the table's name (to tell the tables' rows apart)."""
    return f"{label}{HOSTILE} ({table})"


def _tables_by_path() -> dict[str, str]:
    """data/<file> -> its table name, for the tables of ``ROWS``."""
    resources = json.loads((REPO / "data" / "datapackage.json").read_text("utf-8"))["resources"]
    paths = {r["name"]: f"data/{r['path']}" for r in resources}
    missing = [t for t in ROWS if t not in paths]
    assert not missing, f"{missing}: not in data/datapackage.json; update ROWS in {__file__}"
    return {paths[t]: t for t in ROWS}


def make_hostile(relative: str, text: str) -> str:
    """A CSV of the book (``data/<file>``) as the hostile build reads it: for a table of ``ROWS``, its chosen
    row's label with the hostile tail; any other file unchanged."""
    table = _tables_by_path().get(relative)
    if table is None:
        return text
    label = ROWS[table]
    rows = list(csv.reader(text.splitlines()))
    column = rows[0].index("label")
    matches = [n for n, r in enumerate(rows[1:], start=1) if r[column] == label]
    assert matches, (
        f"{relative}: no row labelled {label!r}; the table changed, so pick a row again (see this "
        f"module's docstring) and update ROWS in {__file__}"
    )
    rows[matches[0]][column] = hostile(table, label)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The book built from data whose chosen labels carry the hostile tail: the ``_build/html`` folder."""
    book, result = kept_build("escaping", rewrite=make_hostile)  # kept between runs: built incrementally
    assert result.returncode == 0, (
        "the book does not build with hostile labels:\n" + (result.stdout + result.stderr)[-4000:]
    )
    return book / "_build" / "html"


@pytest.fixture(scope="module")
def table_texts(hostile_site) -> dict[str, list[tuple[str, str]]]:
    """Each built page's tables as (id, text with whitespace collapsed), parsed as a browser would."""
    texts = {}
    for path in sorted(hostile_site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        page = path.relative_to(hostile_site).as_posix()
        texts[page] = [(t.get("id", ""), " ".join(t.get_text(" ").split())) for t in soup.find_all("table")]
    return texts


def test_no_label_reaches_a_page_as_markup(hostile_site):
    live = []
    for path in sorted(hostile_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for needle in LIVE:
            at = text.lower().find(needle.lower())
            if at >= 0:
                context = text[max(0, at - 120) : at + 60].replace("\n", " ")
                live.append(f"{path.relative_to(hostile_site)}: {needle!r} unescaped in ...{context}...")
    assert not live, "row labels written into the HTML as markup:\n" + "\n".join(live)


@pytest.mark.parametrize("table", [t for t in ROWS if t not in NOT_SHOWN])
def test_label_is_shown_as_text(hostile_site, table_texts, table):
    label = ROWS[table]
    wanted = " ".join(hostile(table, label).split())
    shown = [f"{page}#{tid}" for page, tables in table_texts.items() for tid, text in tables if wanted in text]
    assert shown, f"{table}, row {label!r}: the label {wanted!r} is shown as text in no table of the book"
    for where in shown:
        page = where.split("#")[0]
        assert ESCAPED in (hostile_site / page).read_text(encoding="utf-8"), f"{where}: label not escaped as expected"


def test_labels_stay_text_in_the_browser(hostile_site):
    """Open in Chromium every page whose HTML holds the hostile text in any form (escaped, or in a script or
    attribute a page's JavaScript could read; a page without it cannot be harmed by a label): no dialog
    opens (a live ``<script>alert(1)`` would open one), no ``<b>bold</b>`` element exists, and the tables
    show the hostile text literally."""
    problems, shown = [], 0
    holding = [p for p in toc_pages(REPO) if "alert(1)" in (hostile_site / f"{p}.html").read_text(encoding="utf-8")]
    assert holding, "no page of the hostile build holds a hostile label"
    with served(hostile_site) as base, launched_browser() as browser:
        context = browser.new_context()
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
        page = context.new_page()  # one tab for every page: a new tab starts a renderer process
        opened = {"page": ""}

        def on_dialog(dialog):
            problems.append(f"{opened['page']}: a {dialog.type} opened: {dialog.message!r}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        for page_name in holding:
            opened["page"] = page_name
            page.goto(f"{base}{page_name}.html", wait_until="load")
            found = page.evaluate(
                """() => ({
                  bold: [...document.querySelectorAll("b")].filter((b) => b.textContent === "bold").length,
                  script: [...document.scripts].filter((s) => s.textContent.includes("alert(1)")).length,
                  text: [...document.querySelectorAll("table")].filter(
                    (t) => t.innerText.includes("<script>alert(1)</script> & <b>bold</b>")).length,
                })"""
            )
            if found["bold"] or found["script"]:
                problems.append(f"{page_name}: live elements from labels: {found}")
            shown += found["text"]
        context.close()
    assert not problems, "\n".join(problems)
    assert shown, "no table in the browser shows a hostile label as text"
