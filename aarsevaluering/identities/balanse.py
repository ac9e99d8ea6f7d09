"""Identities of the balance chapter (*Balanse*): liquidity, the loan fund's debt by use, interest-rate
hedging and the fund reserves, each reconciled with what the other chapters print.

The checks here are the balance-specific ones and the cross-chapter reconciliations with tables B01
and B02. The operating chapter's own checks of D08 and D09 (their sums, the discretionary fund's
roll-forward) live in ``identities/driftsregnskap.py`` and are not repeated.

Small functions at the top gather the figures the chapter narrates (liquidity, debt by use with its
shares, the hedging margin, the fund flows); they compare nothing. Comparisons are only made in the
``@identity`` functions below them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import (
    DISCREPANCY,
    EXACT,
    RESTATEMENT,
    ROUNDING,
    SHARE,
    SUM,
    Check,
    Getter,
    claim,
    decimals_of,
    identity,
    lines_of,
    meta,
    rounded,
    row_checks,
    sum_checks,
    value,
)
from ..checks import check as make_check
from ..fmt import fmt_aligned, unit_name

CHAPTER = "balanse"

# Constants the report states.
INTEREST_RESERVE_PCT = 1.0  # «Rentesikringsfond» (1% av brutto lånegjeld), table D09, line 2704
GENERAL_RESERVE_PCT = 3.0  # Generell reserve (tilsv. 3% av brutto driftsinntekter), table D09, line 2702

PROSE = "bal_prose_figures"
DEBT = "bal_loan_debt_by_use"
FUNDS = "bal_fund_reserves"
D05 = "drift_financial_items"
D06 = "drift_loan_fund_accounts"
D08 = "drift_year_end_dispositions"
D09 = "drift_disposition_fund"
A2 = "inv_2a_financing"
DK = "inv_dk_blocks"

THOUSAND_PER_MILLION = 1000.0
KRONER_PER_MILLION = 1_000_000.0

# B02 row labels, as printed.
DISPOSITION_FUND = "Disposisjonsfond (ubundet drift)"
BOUND_OPERATING = "Bundne driftsfond"
UNBOUND_INVESTMENT = "Ubundne investeringsfond"
BOUND_INVESTMENT = "Bundne investeringsfond"
FUND_TOTAL = "Sum fondsavsetninger"
# The funds' English names, the same in the book's tables and charts.
FUND_ENGLISH = {DISPOSITION_FUND: "discretionary fund", BOUND_OPERATING: "restricted operating funds",
                UNBOUND_INVESTMENT: "unrestricted investment funds", BOUND_INVESTMENT: "restricted investment funds",
                FUND_TOTAL: "all fund reserves"}  # fmt: skip


def fund_name(label: str) -> str:
    """A B02 row as the book's own tables name it: the Norwegian name, its English beside it
    (``"Bundne driftsfond (restricted operating funds)"``; the discretionary fund's printed qualifier,
    «ubundet drift», gives way to the English)."""
    return f"{label.split(' (')[0]} ({FUND_ENGLISH[label]})"


# B01 rows that are the municipal treasury's own debt (water/sewage and the rest).
TREASURY_DEBT = ("Drammen kommunekasse Vann/avløp", "Drammen kommunekasse")

# The summary's discretionary-fund figures (lines 140–145), as ``foreword_<key>`` rows of the prose table.
FOREWORD_KEYS = ("fund_start", "budgeted_use", "use_reduction", "net_use", "fund_end", "pct_income", "margin")

DEBT_DATES = {"debt_2023_01_01": "1 January 2023", "debt_2023_12_31": "31 December 2023"}


# ---------------------------------------------------------------------------------------------
# Figures the chapter narrates (no comparisons here).


def prose(get: Getter) -> dict[str, float]:
    """The prose figures of the balance section by label."""
    frame = get(PROSE)
    return {str(label): float(v) for label, v in zip(frame["label"], frame["value"], strict=True)}


def prose_line(get: Getter, *labels: str) -> str:
    """Source line(s) of one or more prose figures, as text."""
    frame = get(PROSE)
    lines = sorted({int(line) for line in frame.loc[frame["label"].isin(labels), "source_line"]})
    return "; ".join(str(line) for line in lines)


def _line(frame: pd.DataFrame, **where) -> str:
    return str(int(value(frame, "source_line", **where)))


def _d09(get: Getter, contains: str) -> tuple[float, str]:
    """Value and line of the D09 row whose label contains ``contains``."""
    frame = get(D09)
    hit = frame[frame["label"].str.contains(contains, regex=False)]
    if len(hit) != 1:
        raise KeyError(f"{D09}: {len(hit)} rows contain {contains!r} (expected one)")
    return float(hit["value_2023"].iloc[0]), str(int(hit["source_line"].iloc[0]))


def liquidity(get: Getter) -> dict[str, float]:
    """Liquidity at the end of 2023 as the prose gives it, in NOK million (periods in days)."""
    p = prose(get)
    return {
        "group_account": p["group_account_balance_31_12_2023"],
        "deposit_account": p["deposit_account_balance_31_12_2023"],
        "total_printed": p["group_and_deposit_account_balance_31_12_2023"],
        "average_group_account": p["average_group_account_balance_2023"],
        "credit_line": p["credit_line_on_group_account"],
        "money_market_funds": p["money_market_funds_placement_2022_to_feb_2023"],
        "notice_days": p["deposit_account_withdrawal_notice"],
    }


def debt_by_use(get: Getter) -> pd.DataFrame:
    """Table B01 with a recomputed total row, each use's share of the total at both dates and the
    change in 2023 (NOK million and %)."""
    frame = get(DEBT)[["label", "row_kind", *DEBT_DATES]].copy()
    total = {"label": "Sum (recomputed)", "row_kind": "total"}
    total.update({col: float(frame[col].sum()) for col in DEBT_DATES})
    frame = pd.concat([frame, pd.DataFrame([total])], ignore_index=True)
    for col in DEBT_DATES:
        frame[f"share_{col[5:]}"] = 100.0 * frame[col] / total[col]
    frame["change"] = frame["debt_2023_12_31"] - frame["debt_2023_01_01"]
    frame["change_pct"] = 100.0 * frame["change"] / frame["debt_2023_01_01"]
    frame.attrs["table"] = DEBT
    return frame


def loan_fund_debt(get: Getter) -> dict[str, float]:
    """The loan fund's gross debt three ways (NOK million): as the prose states it, as implied by
    the interest-rate reserve of D09 (1 % of gross debt) and as the sum of B01's rows."""
    p = prose(get)
    reserve, _ = _d09(get, "Rentesikringsfond")
    b01 = debt_by_use(get).set_index("label")
    return {
        "prose_end": p["loan_fund_debt_end_2023"],
        "prose_change": p["loan_fund_debt_increase_2023"],
        "prose_start": p["loan_fund_debt_end_2023"] - p["loan_fund_debt_increase_2023"],
        "reserve_thousand": reserve,
        "implied_by_reserve": reserve / (INTEREST_RESERVE_PCT / 100.0) / THOUSAND_PER_MILLION,
        "b01_start": float(b01.loc["Sum (recomputed)", "debt_2023_01_01"]),
        "b01_end": float(b01.loc["Sum (recomputed)", "debt_2023_12_31"]),
        "b01_change": float(b01.loc["Sum (recomputed)", "change"]),
        "husbanken_onlending": p["husbanken_onlending_loans_end_2023"],
    }


def debt_flows(get: Getter) -> dict[str, float]:
    """Borrowing and instalments printed in other chapters, in NOK million: loans used (2A, and the
    treasury's own DK statement), the treasury's instalments to the loan fund (D05), the instalments
    the loan fund received and paid (D06, printed in kroner) and the extra instalments in 2A."""
    a2, dk, d05, d06 = get(A2), get(DK), get(D05), get(D06)
    return {
        "loans_used_2a": -value(a2, "actual_2023", label="Bruk av lån") / THOUSAND_PER_MILLION,
        "loans_used_treasury": -value(dk, "actual_2023", label="Bruk av lån") / THOUSAND_PER_MILLION,
        "extra_instalments_2a": value(a2, "actual_2023", label="Avdrag på lån") / THOUSAND_PER_MILLION,
        "treasury_instalments": value(d05, "actual_2023", label="Konserninterne avdrag") / THOUSAND_PER_MILLION,
        "loan_fund_instalments_received": -value(d06, "actual_2023", label="Lånefond avdragsinntekter")
        / KRONER_PER_MILLION,
        "loan_fund_instalments_paid": value(d06, "actual_2023", label="Lånefond avdragsutgifter") / KRONER_PER_MILLION,
    }


def hedging(get: Getter) -> dict[str, float]:
    """Floating and hedged shares of the loan portfolio against the rule (at least 1/3 hedged)."""
    p = prose(get)
    minimum = 100.0 * p["min_hedged_share_rule_numerator"] / p["min_hedged_share_rule_denominator"]
    hedged = p["loan_portfolio_hedged_share_end_2023"]
    return {
        "floating": p["loan_portfolio_floating_rate_share_end_2023"],
        "hedged": hedged,
        "minimum": minimum,
        "margin_pp": hedged - minimum,
        # The report does not print amounts; these apply the shares to the loan fund's debt.
        "hedged_amount": hedged / 100.0 * p["loan_fund_debt_end_2023"],
        "minimum_amount": minimum / 100.0 * p["loan_fund_debt_end_2023"],
    }


def fund_flows(get: Getter) -> pd.DataFrame:
    """Provisions to and use of each fund in 2023 as the operating (D08) and investment statements
    print them (2A: treasury and Drammen Eiendom KF together; DK: the treasury alone), with the net
    flow (NOK thousand)."""
    d08, a2, dk = get(D08), get(A2), get(DK)
    rows = [
        (DISPOSITION_FUND, "D08", d08, "Avsetninger til disposisjonsfond", "Bruk av disposisjonsfond"),
        (BOUND_OPERATING, "D08", d08, "Avsetninger til bundne driftsfond", "Bruk av bundne driftsfond"),
        (UNBOUND_INVESTMENT, "2A", a2, "Avsetninger til ubundet investeringsfond", "Bruk av ubundet investeringsfond"),
        (UNBOUND_INVESTMENT, "DK", dk, "Avsetninger til ubundet investeringsfond", "Bruk av ubundet investeringsfond"),
        (BOUND_INVESTMENT, "2A", a2, "Avsetninger til bundne investeringsfond", "Bruk av bundne investeringsfond"),
        (BOUND_INVESTMENT, "DK", dk, "Avsetninger til bundne investeringsfond", "Bruk av bundne investeringsfond"),
    ]
    out = []
    for fund, statement, frame, provision, use in rows:
        added = value(frame, "actual_2023", label=provision)
        used = value(frame, "actual_2023", label=use)
        out.append(
            {
                "fund": fund,
                "statement": statement,
                "provisions": added,
                "use": used,
                "net": added + used,
            }
        )
    return pd.DataFrame(out)


def relending_surplus(get: Getter) -> float:
    """Repayments received on on-lent Husbanken loans less the treasury's own instalments on them
    (NOK thousand): what the regulations require be set aside to bound investment funds."""
    dk = get(DK)
    received = -value(dk, "actual_2023", label="Mottatte avdrag på videreutlån")
    paid = value(dk, "actual_2023", label="Avdrag på lån til videreutlån")
    return received - paid


def disposition_fund_ratio(get: Getter) -> dict[str, float]:
    """The discretionary fund against gross operating income (implied by D09's 3 % general reserve),
    and against the ASSS average the prose gives."""
    p = prose(get)
    b02 = get(FUNDS)
    reserve, _ = _d09(get, "Generell reserve")
    income = reserve / (GENERAL_RESERVE_PCT / 100.0)  # NOK thousand
    end = value(b02, "balance_2023", label=DISPOSITION_FUND)
    start = value(b02, "balance_2022", label=DISPOSITION_FUND)
    asss = p["asss_excl_oslo_avg_disposition_fund_pct_of_gross_operating_income_end_2023"]
    printed_from = p["disposition_fund_pct_of_gross_operating_income_from"]
    return {
        "gross_operating_income": income,
        "ratio_2023": 100.0 * end / income,
        "printed_to": p["disposition_fund_pct_of_gross_operating_income_to_2023"],
        "printed_from": printed_from,
        "opening_on_2023_income": 100.0 * start / income,
        "implied_income_2022": start / (printed_from / 100.0),
        "asss": asss,
        "gap_pp": asss - p["disposition_fund_pct_of_gross_operating_income_to_2023"],
        "fund_at_asss_level": asss / 100.0 * income,
        "shortfall_to_asss": asss / 100.0 * income - end,
    }


def foreword_fund_figures(get: Getter) -> dict[str, float]:
    """The discretionary-fund figures of the report's summary (lines 140–145), in NOK million."""
    p = prose(get)
    return {key: p[f"foreword_{key}"] for key in FOREWORD_KEYS}


def disposition_bridge(get: Getter) -> pd.DataFrame:
    """From the year's net operating result to the change in the discretionary fund (NOK thousand),
    with the dispositions of D08: what the result could not pay for came out of the fund."""
    d08 = get(D08)
    result = -value(d08, "actual_2023", label="Netto driftsresultat")  # D08 prints a surplus as negative
    transfer = value(d08, "actual_2023", label="Overføring til investering")
    bound = value(d08, "actual_2023", label="Avsetninger til bundne driftsfond") + value(
        d08, "actual_2023", label="Bruk av bundne driftsfond"
    )
    covered = value(d08, "actual_2023", label="Dekning av tidligere års merforbruk")
    rows = [
        ("Net operating result", "D08", result),
        ("Transfer to the investment account", "D08", -transfer),
        ("Net provisions to restricted operating funds", "D08", -bound),
        ("Cover of earlier deficits", "D08", -covered),
    ]
    frame = pd.DataFrame(rows, columns=["step", "source", "amount"])
    frame.loc[len(frame)] = ["Change in the discretionary fund", "recomputed", float(frame["amount"].sum())]
    return frame


def reserve_margin(get: Getter) -> dict[str, float]:
    """The discretionary fund against the council's reserve requirement (D09, NOK thousand), and how
    much of the fund reserves (B02) is restricted."""
    b02 = get(FUNDS)
    general, _ = _d09(get, "Generell reserve")
    interest, _ = _d09(get, "Rentesikringsfond")
    owner, _ = _d09(get, "Eier-risikofond")
    requirement, _ = _d09(get, "reservekrav")
    margin, _ = _d09(get, "Avvik fra handlingsreglenes krav")
    fund = value(b02, "balance_2023", label=DISPOSITION_FUND)
    total = value(b02, "balance_2023", label=FUND_TOTAL)
    restricted = value(b02, "balance_2023", label=BOUND_OPERATING) + value(b02, "balance_2023", label=BOUND_INVESTMENT)
    return {
        "general": general,
        "interest": interest,
        "owner": owner,
        "requirement": requirement,
        "margin": margin,
        "fund": fund,
        "margin_recomputed": fund - requirement,
        "total": total,
        "restricted": restricted,
        "restricted_pct": 100.0 * restricted / total,
        "unrestricted": total - restricted,
    }


def debt_burden(get: Getter) -> dict[str, float]:
    """The loan fund's debt against gross operating income (implied by D09's 3 % general reserve), the
    legal entity's long-term loan debt (the loan fund's and the Husbanken loans for on-lending) against the
    same income, and what one percentage point more interest on the floating share would cost a year (NOK million).
    Both rest on the book's reading of the report's figures, not on figures the report prints."""
    p = prose(get)
    income = disposition_fund_ratio(get)["gross_operating_income"] / THOUSAND_PER_MILLION
    debt = p["loan_fund_debt_end_2023"]
    floating = p["loan_portfolio_floating_rate_share_end_2023"]
    floating_debt = floating / 100.0 * debt
    # The Husbanken loans for on-lending sit in the treasury's own balance (lines 3538–3539), outside the
    # loan fund's debt but debts of the same legal entity: with them, its long-term loan debt.
    long_term = debt + p["husbanken_onlending_loans_end_2023"]
    return {
        "income": income,
        "debt": debt,
        "debt_pct_income": 100.0 * debt / income,
        "long_term_debt": long_term,
        "long_term_pct_income": 100.0 * long_term / income,
        "floating_pct": floating,
        "floating_debt": floating_debt,
        "one_point": floating_debt / 100.0,
        "one_point_pct_income": 100.0 * floating_debt / 100.0 / income,
    }


# ---------------------------------------------------------------------------------------------
# The analyses a specialist asks for (debt and interest; reserves and cash). Views on printed figures,
# several resting on the book's stated assumptions; they compare nothing and are never graded.

CENTRAL_EXPENSES = "drift_central_expenses"
DRIFT_PROSE = "drift_prose_figures"

# Who services each use of the loan fund's debt (B01), and what the report says about it.
DEBT_PAYERS = {
    "Drammen kommunekasse Vann/avløp": ("Water and sewage fees", "the report (section «Utviklingen i lånegjelden»)"),
    "Drammen kommunekasse": ("Treasury budget: its own debt", "the book's reading"),
    "Drammen Eiendom KF": ("Treasury budget, via rents (at most)",
                           "the report, “largely” (section «Utviklingen i lånegjelden»)"),
    "Drammensbadet KF": ("Drammensbadet KF", "not stated"),
}  # fmt: skip
ONLENDING_PAYER = ("Start-loan borrowers", "the book's reading (the text gives the amount, outside B01)")
TREASURY_BUDGET_ROWS = ("Drammen kommunekasse", "Drammen Eiendom KF")


def debt_by_payer(get: Getter) -> pd.DataFrame:
    """The debt at 31 December 2023 by who services it (NOK million): B01's uses, each with the payer the
    report names (or the book's reading), and the Husbanken loans for on-lending, which B01 leaves out."""
    b01 = get(DEBT).set_index("label")["debt_2023_12_31"]
    rows = [
        {"payer": payer, "use": label, "debt": float(b01[label]), "basis": basis}
        for label, (payer, basis) in DEBT_PAYERS.items()
    ]
    payer, basis = ONLENDING_PAYER
    rows.append({"payer": payer, "use": "Formidlingslån", "debt": prose(get)["husbanken_onlending_loans_end_2023"],
                 "basis": basis})  # fmt: skip
    frame = pd.DataFrame(rows)
    frame["share_of_b01"] = 100.0 * frame["debt"] / float(b01.sum())
    frame.loc[frame["use"] == "Formidlingslån", "share_of_b01"] = float("nan")
    return frame


def instalments_and_depreciation(get: Getter) -> dict[str, float]:
    """Instalments against depreciation (NOK million): the treasury's instalments to the loan fund (D05)
    against its depreciation (central expenses, D03), the rest of the loan fund's instalment income (the
    enterprises', by subtraction), and what the loan fund paid its lenders (D06). They compare, they do
    not test the minimum instalment: see ``treasury_minimum_condition``."""
    flows = debt_flows(get)
    depreciation = value(get(CENTRAL_EXPENSES), "actual_2023", label="Avskrivninger") / THOUSAND_PER_MILLION
    b01 = debt_by_use(get).set_index("label")
    treasury_start = float(b01.loc[list(TREASURY_DEBT), "debt_2023_01_01"].sum())
    paid = flows["treasury_instalments"]
    return {
        "treasury_instalments": paid,
        "depreciation": depreciation,
        "instalments_pct_depreciation": 100.0 * paid / depreciation,
        "treasury_debt_start": treasury_start,
        "instalments_pct_debt": 100.0 * paid / treasury_start,
        "enterprises_instalments": flows["loan_fund_instalments_received"] - paid,
        "loan_fund_received": flows["loan_fund_instalments_received"],
        "loan_fund_paid": flows["loan_fund_instalments_paid"],
    }


def treasury_minimum_condition(get: Getter) -> dict[str, float]:
    """The treasury's own minimum instalment as a condition (NOK million). Kommuneloven § 14-18 (1) sets the
    minimum as the debt at the end of the last accounts times that year's depreciation over the book value
    of the depreciable assets. For 2023: the treasury's debt to the loan fund at 31.12.2022 (B01's two
    treasury rows at 1 January 2023), its 2022 depreciation (D03's «Avskrivninger», taken to be all of
    it) and its 2023 instalments (D05). The report prints no book value, so the result is the least
    book value at which the instalments meet the minimum, and the highest debt-to-book-value ratio."""
    inst = instalments_and_depreciation(get)
    depreciation = value(get(CENTRAL_EXPENSES), "actual_2022", label="Avskrivninger") / THOUSAND_PER_MILLION
    debt, paid = inst["treasury_debt_start"], inst["treasury_instalments"]
    # minimum = debt * depreciation / book value <= paid  <=>  book value >= debt * depreciation / paid
    return {"debt_end_2022": debt, "depreciation_2022": depreciation, "instalments_2023": paid,
            "book_value_at_least": debt * depreciation / paid,
            "debt_pct_book_value_at_most": 100.0 * paid / depreciation}  # fmt: skip


def rents_against_dekf_debt_service(get: Getter) -> dict[str, float]:
    """The treasury's central rent and cleaning line (D03 «Husleie og renhold», line 2311) against
    Drammen Eiendom KF's debt service in 2023 (NOK million): the enterprises' interest to the loan fund
    (D06's interest income less the treasury's intra-group interest, D05) plus their ordinary instalments
    (D06's instalment income less the treasury's, D05), both taken as the company's. The book's estimate:
    the line includes cleaning and any rent to other landlords, and the report prints the company's interest
    and instalments only by these differences, not its rents."""
    rent = value(get(CENTRAL_EXPENSES), "actual_2023", label="Husleie og renhold") / THOUSAND_PER_MILLION
    debt = float(debt_by_use(get).set_index("label").loc["Drammen Eiendom KF", "debt_2023_01_01"])
    loan_fund_interest = -value(get(D06), "actual_2023", label="Lånefond renteinntekter") / KRONER_PER_MILLION
    treasury_interest = value(get(D05), "actual_2023", label="Konserninterne renteutgifter") / THOUSAND_PER_MILLION
    interest = loan_fund_interest - treasury_interest
    instalments = instalments_and_depreciation(get)["enterprises_instalments"]
    service = interest + instalments
    return {"rent_line": rent, "dekf_debt_start": debt, "interest": interest, "instalments": instalments,
            "debt_service": service, "service_pct_rent": 100.0 * service / rent}  # fmt: skip


LOAN_FUND_CASH_RATE_PCT = 4.0  # the book's assumption: the loan fund's cash earned about the internal rate (line 2478)


def loan_fund_cash_estimate(get: Getter, rate_pct: float = LOAN_FUND_CASH_RATE_PCT) -> dict[str, float]:
    """The loan fund's average cash in 2023 implied by its other interest income (D06 «renteinntekter
    (øvrige)», NOK million) at an assumed deposit rate: an order of magnitude, the book's estimate. Beside
    it, what the loan fund had borrowed and not lent on at 1 January and 31 December on the book's reading
    of its two debt figures (the text's debt, line 3541, less B01's sum; negative when B01 is larger), and
    the year-end amount's share of the year-end bank deposits: an average cash that high can come from
    borrowing ahead of use during the year, but on that reading little of the year-end cash is such money."""
    income = -value(get(D06), "actual_2023", label="Lånefondets renteinntekter (øvrige)") / KRONER_PER_MILLION
    debt = loan_fund_debt(get)
    unlent_end = debt["prose_end"] - debt["b01_end"]
    cash = prose(get)["group_and_deposit_account_balance_31_12_2023"]
    return {"other_interest": income, "rate_pct": rate_pct, "average_cash": 100.0 * income / rate_pct,
            "unlent_start": debt["prose_start"] - debt["b01_start"], "unlent_end": unlent_end,
            "unlent_end_pct_cash": 100.0 * unlent_end / cash}  # fmt: skip


def floating_exposure(get: Getter) -> pd.DataFrame:
    """From the loan fund's floating-rate debt to the treasury's net floating exposure (NOK million), the
    book's estimate in three steps: the report's floating share of the loan fund's debt; less the same
    share of the water and sewage debt, whose interest the fees pass on; less the year-end bank
    deposits, which earn a floating rate. Each row says what it assumes; the last is the net."""
    p = prose(get)
    share = p["loan_portfolio_floating_rate_share_end_2023"] / 100.0
    debt = p["loan_fund_debt_end_2023"]
    water = float(get(DEBT).set_index("label").loc["Drammen kommunekasse Vann/avløp", "debt_2023_12_31"])
    cash = p["group_and_deposit_account_balance_31_12_2023"]
    rows = [
        ("Floating-rate debt of the loan fund", share * debt,
         "the report's floating share (line 3565) of the loan fund's debt (line 3541)"),
        ("less the water and sewage part, passed on in the fees", -share * water,
         "the same floating share of B01's water and sewage debt (fees, lines 3547–3548)"),
        ("less bank deposits at year end", -cash,
         "group and deposit accounts (line 3531), taken to earn a floating rate"),
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["step", "amount", "assumes"])
    frame["row_kind"] = "item"
    net = {"step": "Net floating exposure", "amount": float(frame["amount"].sum()), "assumes": "the sum",
           "row_kind": "total"}  # fmt: skip
    frame = pd.concat([frame, pd.DataFrame([net])], ignore_index=True)
    frame["one_point"] = frame["amount"] / 100.0  # a year's cost of one percentage point, NOK million
    return frame


def interest_compensation(get: Getter) -> dict[str, float]:
    """Husbanken's interest compensation grant (NOK million): it follows Husbanken's rate, so it offsets part
    of a rate rise; the report prints the grant and its rise, not the loans it is computed on."""
    frame = get(DRIFT_PROSE).set_index("label")["value"]
    return {"grant": float(frame["interest_compensation_2023"]),
            "rise": float(frame["interest_compensation_increase_from_2022"])}  # fmt: skip


def loan_fund_rates(get: Getter) -> pd.DataFrame:
    """Interest rates of 2023 in %: what the loan fund paid on its debt and charged its borrowers, and what
    the treasury paid it, each the year's interest over the debt at 1 January (``rate_pct``) and, beside
    it, over the average of the opening and closing debt (``rate_avg_pct``), against the internal rate
    the budget set and the 3-month NIBOR average the report gives. The opening debt is the better base:
    the treasury's intra-group interest is the internal rate on its opening debt to the unit, so interest
    is evidently charged on opening balances, and new loans drawn late in the year earn little in it; the
    average of the two balances then understates the rate (the book's reading; the report prints no
    average debt and no interest terms)."""
    p = prose(get)
    d05, d06 = get(D05), get(D06)
    debt = loan_fund_debt(get)
    b01 = debt_by_use(get).set_index("label")
    treasury = b01.loc[list(TREASURY_DEBT), list(DEBT_DATES)].sum()
    lent = b01.loc["Sum (recomputed)", list(DEBT_DATES)]
    opening, closing = list(DEBT_DATES)
    NAN = float("nan")
    rows = [
        ("The loan fund paid its lenders",
         value(d06, "actual_2023", label="Lånefond renteutgifter") / KRONER_PER_MILLION,
         debt["prose_start"], (debt["prose_start"] + debt["prose_end"]) / 2, "estimate",
         "D06 interest expenses; the text's debt"),
        ("The loan fund charged its borrowers",
         -value(d06, "actual_2023", label="Lånefond renteinntekter") / KRONER_PER_MILLION,
         float(lent[opening]), float(lent.mean()), "estimate", "D06 interest income; B01's debt"),
        ("The treasury paid the loan fund",
         value(d05, "actual_2023", label="Konserninterne renteutgifter") / THOUSAND_PER_MILLION,
         float(treasury[opening]), float(treasury.mean()), "estimate", "D05 intra-group interest; B01's treasury rows"),
        ("Internal rate set in the budget", NAN, NAN, NAN, "printed", "the text, «Renteutviklingen»"),
        ("3-month NIBOR, average of 2023", NAN, NAN, NAN, "printed", "the text, «Renteutviklingen»"),
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["rate", "interest", "opening_debt", "average_debt", "source", "from"])
    frame["rate_pct"] = 100.0 * frame["interest"] / frame["opening_debt"]
    frame["rate_avg_pct"] = 100.0 * frame["interest"] / frame["average_debt"]
    frame.loc[3, "rate_pct"] = p["loan_fund_internal_rate_budget_2023"]
    frame.loc[4, "rate_pct"] = p["nibor_3m_average_2023"]
    return frame


def enterprises_interest_timing(get: Getter) -> dict[str, float]:
    """What the enterprises paid the loan fund in interest (D06's interest income less the treasury's
    intra-group interest, D05) over their debt at 1 January (B01's Drammen Eiendom KF and Drammensbadet KF),
    against the internal rate (line 2478), NOK million and %. The treasury paid the internal rate on its
    opening debt; if interest instead runs on the balance outstanding, the enterprises' ordinary
    instalments and new loans move their interest too, so many timings fit the shortfall. One of them, put
    here on the extra repayment alone: the shortfall is what Drammen Eiendom KF's extra repayment (2A
    «Avdrag på lån», lines 3089–3093) would save at the internal rate over ``years_before_end``, the time
    before year end at which it would then have to count. The book's arithmetic; the report gives no
    interest terms."""
    b01 = debt_by_use(get).set_index("label")
    enterprises = [label for label in b01.index if label not in (*TREASURY_DEBT, "Sum (recomputed)")]
    debt = float(b01.loc[enterprises, "debt_2023_01_01"].sum())
    loan_fund_interest = -value(get(D06), "actual_2023", label="Lånefond renteinntekter") / KRONER_PER_MILLION
    treasury_interest = value(get(D05), "actual_2023", label="Konserninterne renteutgifter") / THOUSAND_PER_MILLION
    interest = loan_fund_interest - treasury_interest
    internal = prose(get)["loan_fund_internal_rate_budget_2023"]
    shortfall = internal / 100.0 * debt - interest
    extra = debt_flows(get)["extra_instalments_2a"]
    return {"debt_start": debt, "interest": interest, "rate_pct": 100.0 * interest / debt, "internal_pct": internal,
            "shortfall": shortfall, "extra_repayment": extra,
            "years_before_end": shortfall / (extra * internal / 100.0)}  # fmt: skip


def _dispositions(get: Getter, column: str) -> dict[str, float]:
    """One column of D08 (NOK thousand): the net operating result (a surplus positive), the transfer to
    the investment account, the net provisions to restricted operating funds (use negative) and the
    discretionary fund's net provisions (use negative)."""
    d08 = get(D08)
    return {
        "result": -value(d08, column, label="Netto driftsresultat"),  # D08 prints a surplus as negative
        "transfer": value(d08, column, label="Overføring til investering"),
        "bound_net": value(d08, column, label="Avsetninger til bundne driftsfond")
        + value(d08, column, label="Bruk av bundne driftsfond"),
        "fund_net": value(d08, column, label="Avsetninger til disposisjonsfond")
        + value(d08, column, label="Bruk av disposisjonsfond"),
    }


def fund_fall_against_rules(get: Getter) -> dict[str, float]:
    """Why the discretionary fund fell, in the report's own figures (NOK million and %): the net use the
    budget planned after the year's changes and how much the better result cut it (D09, as lines 2675 and
    2677 say); the transfer to investment the budgets planned (D08) against the amount the financial
    rules' minimum of self-financing asked for and the extraordinary dividends the adopted plan earmarked
    for self-financing on top (lines 2663–2667), budget against budget; and the self-financing share of
    the treasury and Drammen Eiendom KF together against that minimum, with the two one-off items the
    report gives for its height (lines 2059–2062)."""
    inv = get("inv_prose_figures").set_index("label")["value"]
    d08 = get(D08)
    transfer = value(d08, "actual_2023", label="Overføring til investering") / THOUSAND_PER_MILLION
    revised = _dispositions(get, "revised_budget_2023")
    original = value(d08, "original_budget_2023", label="Overføring til investering") / THOUSAND_PER_MILLION
    rule = float(inv["self_financing_budget_15pct_rule"])
    dividends = float(inv["extraordinary_dividends_budgeted_for_self_financing"])
    reduction, _ = _d09(get, "Saldering")
    return {"budgeted_use": adopted_budget_use(get)["revised"] / THOUSAND_PER_MILLION,
            "use_reduction": reduction / THOUSAND_PER_MILLION,
            "transfer": transfer, "rule_transfer": rule, "dividends_planned": dividends,
            "plan_transfer": rule + dividends, "transfer_original": original,
            "transfer_revised": revised["transfer"] / THOUSAND_PER_MILLION,
            "revised_deficit": -revised["result"] / THOUSAND_PER_MILLION,
            "revised_bound_use": -revised["bound_net"] / THOUSAND_PER_MILLION,
            "transfer_times_rule": revised["transfer"] / THOUSAND_PER_MILLION / rule,
            "self_financing": float(inv["self_financing_non_profitable_investments"]),
            "self_financing_pct": float(inv["self_financing_share"]),
            "min_self_financing_pct": float(inv["min_self_financing_share"]),
            "extra_dividend": float(inv["extra_dividend_booked"]),
            "dekf_property_sales": float(inv["dekf_property_sales_in_self_financing"])}  # fmt: skip


def fund_use_reduction_parts(get: Getter) -> dict[str, float]:
    """The cut in the discretionary fund's use against the revised budget (D09's year-end settlement,
    line 2698) broken down by D08's columns, accounts against revised budget (NOK million): the better
    net operating result, the lower transfer to investment, less the swing of the restricted operating
    funds from a budgeted net use to a net provision. The three add up to the change in the fund's own
    D08 rows, which is D09's settlement; D08's revised column is itself rounded, so the parts may miss
    it by a thousand."""
    revised, actual = _dispositions(get, "revised_budget_2023"), _dispositions(get, "actual_2023")
    parts = {
        "result_gain": (actual["result"] - revised["result"]) / THOUSAND_PER_MILLION,
        "transfer_cut": (revised["transfer"] - actual["transfer"]) / THOUSAND_PER_MILLION,
        "bound_swing": (actual["bound_net"] - revised["bound_net"]) / THOUSAND_PER_MILLION,
    }
    settlement, _ = _d09(get, "Saldering")
    return {
        **parts,
        "sum": parts["result_gain"] + parts["transfer_cut"] - parts["bound_swing"],
        "fund_rows": (actual["fund_net"] - revised["fund_net"]) / THOUSAND_PER_MILLION,
        "settlement": settlement / THOUSAND_PER_MILLION,
    }


def fund_draw_parts(get: Getter) -> pd.DataFrame:
    """The discretionary fund's net use in 2023 from the adopted budget to the accounts (NOK million, use
    positive), each step from its line: D09's adopted use; the changes during the year broken down by
    D08's columns, revised against original budget (a weaker result, a higher transfer to investment,
    less the restricted operating funds' budgeted net use); D09's use after those changes; the year-end
    settlement broken down the same way, accounts against revised budget (:func:`fund_use_reduction_parts`);
    and the accounts' net use (B02's fall). ``row_kind`` is ``level`` for the three uses and ``part`` for
    the steps between them; D08's revised column is rounded, so the parts may miss D09 by a thousand. The
    two result steps' sources name the later column less the earlier, the surplus positive: the fund's
    change, which is ``-amount``."""
    d08, d09 = get(D08), get(D09)
    original, revised = _dispositions(get, "original_budget_2023"), _dispositions(get, "revised_budget_2023")
    adopted = adopted_budget_use(get)
    settlement = fund_use_reduction_parts(get)
    draw = -float(get(FUNDS).set_index("label").loc[DISPOSITION_FUND, "change_2022_2023"])
    labels = {"result": "Netto driftsresultat", "transfer": "Overføring til investering",
              "bound_from": "Avsetninger til bundne driftsfond", "bound_to": "Bruk av bundne driftsfond"}  # fmt: skip
    line = {key: _line(d08, label=label) for key, label in labels.items()}
    bound_lines = f"{line['bound_from']}–{line['bound_to']}"
    movements = d09[d09["row_kind"] == "movement"]
    during = movements[~movements["label"].str.startswith("Saldering")]
    during_lines = f"{int(during['source_line'].min())}–{int(during['source_line'].max())}"
    adopted_line = int(movements.loc[movements["label"].str.startswith("Vedtatt"), "source_line"].iloc[0])
    rows = [
        ("Original budget: use", adopted["adopted"], "level", f"D09, line {adopted_line}"),
        ("a weaker budgeted result", original["result"] - revised["result"], "part",
         f"D08, line {line['result']}, revised less original budget"),
        ("a higher transfer to investment", revised["transfer"] - original["transfer"], "part",
         f"D08, line {line['transfer']}"),
        ("restricted operating funds used instead", revised["bound_net"] - original["bound_net"], "part",
         f"D08, lines {bound_lines}"),
        ("After the year's changes: use", adopted["revised"], "level", f"D09, lines {during_lines}"),
        ("a better result than budgeted", -settlement["result_gain"] * THOUSAND_PER_MILLION, "part",
         f"D08, line {line['result']}, accounts less revised budget"),
        ("a lower transfer to investment", -settlement["transfer_cut"] * THOUSAND_PER_MILLION, "part",
         f"D08, line {line['transfer']}"),
        ("restricted operating funds provided for instead", settlement["bound_swing"] * THOUSAND_PER_MILLION,
         "part", f"D08, lines {bound_lines}"),
        ("Accounts: net use", draw, "level", f"B02, line {_line(get(FUNDS), label=DISPOSITION_FUND)}"),
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["step", "amount", "row_kind", "source"])
    frame["amount"] = frame["amount"] / THOUSAND_PER_MILLION
    return frame


def programme_frames_raised(get: Getter) -> dict[str, float]:
    """The programme areas' frames raised at the two four-month reports, financed from the discretionary
    fund (lines 92–94; NOK million), against the fall in the budgeted net operating result (D08, original
    less revised budget) and the two reports' net draw on the fund as D09 prints it (lines 2690–2692; the
    first report's net use less the second's reduced use, use positive)."""
    said = get(DRIFT_PROSE).set_index("label")["value"]
    first = float(said["programme_frames_strengthened_first_tertial"])
    second = float(said["programme_frames_strengthened_second_tertial"])
    original, revised = _dispositions(get, "original_budget_2023"), _dispositions(get, "revised_budget_2023")
    fall = (original["result"] - revised["result"]) / THOUSAND_PER_MILLION
    net_draw = -(_d09(get, "1. tertial")[0] + _d09(get, "2. tertial")[0]) / THOUSAND_PER_MILLION
    return {"first": first, "second": second, "raised": first + second, "result_fall": fall,
            "raised_less_fall": first + second - fall, "fund_net_draw": net_draw}  # fmt: skip


def loan_fund_result_parts(get: Getter) -> dict[str, float]:
    """The loan fund's result before its year-end dispositions (D06, NOK million) split in two: interest
    (interest income, the other interest income among it, less interest expenses and fees) less the
    transfer to the treasury; and instalments received from its borrowers less instalments paid to its
    lenders. A deficit is negative here (D06 prints it positive); the two parts add up to it."""
    d06 = get(D06)

    def row(label: str) -> float:
        return value(d06, "actual_2023", label=label) / KRONER_PER_MILLION

    interest_income = -(row("Lånefond renteinntekter") + row("Lånefondets renteinntekter (øvrige)"))
    interest_costs = row("Lånefond renteutgifter") + row("Lånefond provisjoner og andre utgifter")
    transfer = row("Lånefond overføring til kommunekassa")
    received, paid = -row("Lånefond avdragsinntekter"), row("Lånefond avdragsutgifter")
    margin = interest_income - interest_costs
    return {
        "interest_income": interest_income,
        "interest_costs": interest_costs,
        "interest_margin": margin,
        "transfer": transfer,
        "interest_after_transfer": margin - transfer,
        "instalments_received": received,
        "instalments_paid": paid,
        "instalment_gap": received - paid,
        "result": margin - transfer + received - paid,
        "result_printed": -row(LOAN_FUND_RESULT.replace("etter", "før")),
    }


def margin_on_b01_debt(get: Getter) -> dict[str, float]:
    """How far the discretionary fund's margin above the council's reserve requirement (D09) would move
    if the interest-rate reserve (1 % of gross loan debt) were taken on B01's debt instead of the debt D09
    used (NOK thousand, and % of the margin)."""
    debt = loan_fund_debt(get)
    margin = reserve_margin(get)["margin"]
    shift = debt["reserve_thousand"] - INTEREST_RESERVE_PCT / 100.0 * debt["b01_end"] * THOUSAND_PER_MILLION
    return {"reserve_lower_by": shift, "margin": margin, "shift_pct_margin": 100.0 * shift / margin}


def reserves_and_cash(get: Getter) -> dict[str, float]:
    """The discretionary fund's margin above the council's reserve requirement against the year's net
    draw (how many years it lasts at 2023's pace, and at the revised budget's), and the fund reserves
    against the year-end bank deposits (NOK million)."""
    margin = reserve_margin(get)
    b02 = get(FUNDS).set_index("label")
    draw = -float(b02.loc[DISPOSITION_FUND, "change_2022_2023"]) / THOUSAND_PER_MILLION
    budgeted = prose(get)["foreword_budgeted_use"]
    cash = prose(get)["group_and_deposit_account_balance_31_12_2023"]
    reserves = margin["total"] / THOUSAND_PER_MILLION
    return {
        "margin": margin["margin"] / THOUSAND_PER_MILLION,
        "draw_2023": draw,
        "years_at_2023_pace": margin["margin"] / THOUSAND_PER_MILLION / draw,
        "budgeted_draw": budgeted,
        "years_at_budgeted_pace": margin["margin"] / THOUSAND_PER_MILLION / budgeted,
        "cash": cash,
        "reserves": reserves,
        "reserves_less_cash": reserves - cash,
        "cash_pct_reserves": 100.0 * cash / reserves,
        "restricted": margin["restricted"] / THOUSAND_PER_MILLION,
        "restricted_pct_cash": 100.0 * margin["restricted"] / THOUSAND_PER_MILLION / cash,
    }


UNCOVERED_INVESTMENT = ("inv_prose_figures", "kk_uncovered_carried_forward")  # line 3051, 75.6 million
LOAN_FUND_RESULT = "Resultat etter årsoppgjørsdisposisjoner (- er mindreforbruk/+ er merforbruk)"  # D06


def margin_after_deficits(get: Getter) -> dict[str, float]:
    """The discretionary fund's margin above the council's reserve requirement (NOK million) less the two
    deficits of 2023 still to be covered: the investment account's uncovered amount carried forward
    (line 3051) and the loan fund's deficit after dispositions (D06, to be covered in 2024, lines
    2486–2488). The book's arithmetic, as if both were covered from the fund; the report does not say
    how either will be covered."""
    margin = reserve_margin(get)["margin"] / THOUSAND_PER_MILLION
    table, label = UNCOVERED_INVESTMENT
    uncovered = float(get(table).set_index("label").loc[label, "value"])
    loan_fund = value(get(D06), "actual_2023", label=LOAN_FUND_RESULT) / KRONER_PER_MILLION
    return {"margin": margin, "uncovered_investment": uncovered, "loan_fund_deficit": loan_fund,
            "margin_after": margin - uncovered - loan_fund}  # fmt: skip


def free_for_any_use(get: Getter) -> dict[str, float]:
    """The unrestricted part of the fund reserves split by what it may pay for (NOK thousand): the
    discretionary fund (operations or investments) and the unrestricted investment funds (investments only)."""
    b02 = get(FUNDS).set_index("label")["balance_2023"]
    return {"any_use": float(b02[DISPOSITION_FUND]), "investment_only": float(b02[UNBOUND_INVESTMENT])}


def debt_added(label: str, end: float = 0.0, start: float = 0.0, get: Getter | None = None) -> Getter:
    """A table getter with ``end`` added to one B01 row's debt at 31 December and ``start`` to its debt at
    1 January (NOK million), every other table as ``get`` reads it: the balance chapter's *Try it*."""
    from ..checks import from_disk

    base = get or from_disk

    def altered(name: str) -> pd.DataFrame:
        frame = base(name)
        if name != DEBT:
            return frame
        frame = frame.copy()
        row = frame["label"] == label
        if row.sum() != 1:
            raise KeyError(f"{DEBT}: {int(row.sum())} rows labelled {label!r} (expected one)")
        frame.loc[row, "debt_2023_12_31"] += end
        frame.loc[row, "debt_2023_01_01"] += start
        return frame

    return altered


def adopted_budget_use(get: Getter) -> dict[str, float]:
    """The discretionary fund's budgeted net use (NOK thousand): the adopted budget's line of D09, and the
    use after the changes during the year (every D09 movement but the year-end settlement)."""
    d09 = get(D09)
    movements = d09[d09["row_kind"] == "movement"]
    adopted = movements[movements["label"].str.startswith("Vedtatt budsjett")]
    during_year = movements[~movements["label"].str.startswith("Saldering")]
    return {"adopted": -float(adopted["value_2023"].sum()), "revised": -float(during_year["value_2023"].sum())}


# ---------------------------------------------------------------------------------------------
# How the chapter shows its figures (no comparison): decimals that line up, the Try it table.


def checks_by_section(sections: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The chapter's checks counted by the section that shows them: one row a section (its checks by
    class, and the findings they belong to) and a total row. Each frame carries ``status`` and
    ``finding_id`` (``findings.assign``); a class other than exact, rounding and discrepancy is an error."""
    rows = []
    for section, frame in sections.items():
        counts = {kind: int((frame["status"] == kind).sum()) for kind in (EXACT, ROUNDING, DISCREPANCY)}
        if sum(counts.values()) != len(frame):
            raise ValueError(f"{section}: a check outside exact, rounding and discrepancy")
        found = frame.loc[frame["finding_id"] != "", "finding_id"]
        rows.append({"section": section, "checks": len(frame), **counts, "findings": found.nunique(),
                     "row_kind": "row"})  # fmt: skip
    table = pd.DataFrame(rows)
    every = pd.concat(list(sections.values()))
    total = {
        "section": "The chapter",
        "row_kind": "total",
        "findings": every.loc[every["finding_id"] != "", "finding_id"].nunique(),
    }
    total.update({column: int(table[column].sum()) for column in ("checks", EXACT, ROUNDING, DISCREPANCY)})
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True)


def aligned(cells: list[tuple[float, int]]) -> list[str]:
    """Each ``(value, decimals)`` with its own decimals, the digits of the column lined up (``fmt.fmt_aligned``)."""
    return fmt_aligned(cells)


# The steps the chapter rounds its estimates to, NOK million: the floating-rate exposure and its parts, and
# the loan fund's average cash (its text says the step, so the two cannot drift apart).
EXPOSURE_STEP = 10
CASH_STEP = 100


def round_estimate(value: float, step: float) -> float:
    """An estimate of the book's to the nearest ``step`` (NOK 10 or 100 million ...): no more digits than its
    assumptions can bear. Halves go away from zero, as the report rounds."""
    units = abs(value) / step
    return float(np.sign(value) * np.floor(units + 0.5) * step)


# The Try it table's short names for the checks it moves (the check tables keep the full wording).
TRY_IT_NAMES = {
    "bal.debt.end_2023.prose_vs_b01": "Debt at 31.12.2023: the text against B01",
    "bal.debt.change_2023.prose_vs_b01": "Change in 2023: the text against B01",
    "bal.debt.interest_reserve_vs_b01": (
        f"Interest-rate reserve (D09) as {INTEREST_RESERVE_PCT:g} % of debt, against B01"
    ),
    "bal.debt.change_2023.b01_vs_flows": "Change in 2023: B01 against the borrowers' flows",
}


# The Try it table shows the interest-rate reserve's check (D09, NOK thousand) as the debt each side implies
# (the reserve read as 1 % of it, in NOK million): both sides scaled alike, so its class stands, and every
# row of the table is in the one unit, NOK million, with the debt figures it sits beside.
TRY_IT_AS_DEBT = ("bal.debt.interest_reserve_vs_b01",)


def moved_view(moved: pd.DataFrame) -> tuple[pd.DataFrame, str | None]:
    """The checks a Try it alteration moves (``moved_checks``' frame) as the book's Try it tables show
    them: the check (its short name, ``TRY_IT_NAMES``), its two sides after the alteration at each check's
    decimals, aligned (no difference column: the table must fit the column with its classes unbroken),
    and the class ``before → after`` (a class that stayed says so: ``discrepancy (unchanged)``). The sides
    are not all printed figures (B01's are altered), so the columns are "Figure" and "Against".
    One unit per table: the interest-rate reserve's check (``TRY_IT_AS_DEBT``, printed in NOK thousand) is
    shown as the debt its two sides imply (the reserve read as 1 % of it, NOK million, one decimal more),
    so its 95 641 never stands in a column of millions; the unit is returned for the caption. Should checks
    of other units still mix, they get a column of their own, "Unit (NOK)", so no cell mixes a figure with its unit.
    A class is written with unbreakable spaces, so it never wraps."""
    moved = moved.copy()
    as_debt = moved["check_id"].isin(TRY_IT_AS_DEBT) & (moved["unit"] == "NOK 1000")
    scale = 1.0 / (INTEREST_RESERVE_PCT / 100.0) / THOUSAND_PER_MILLION  # thousand of reserve -> million of debt
    for column in ("printed", "recomputed", "difference"):
        moved.loc[as_debt, column] = moved.loc[as_debt, column].astype(float) * scale
    moved.loc[as_debt, "decimals"] = moved.loc[as_debt, "decimals"].astype(int) + round(-np.log10(scale))
    moved.loc[as_debt, "unit"] = "NOK million"
    units = [unit_name(u) if isinstance(u, str) else "" for u in moved["unit"]]
    values = moved[["printed", "recomputed", "difference"]].astype(float).copy()
    decimals = moved["decimals"].astype(int).tolist()
    one_unit = len(set(units)) <= 1
    columns = {"Check": [TRY_IT_NAMES.get(c, w) for c, w in zip(moved["check_id"], moved["what"], strict=True)]}
    if not one_unit:
        columns["Unit (NOK)"] = [u.removeprefix("NOK ") for u in units]
    view = pd.DataFrame(
        columns
        | {
            "Figure": aligned(list(zip(values["printed"], decimals, strict=True))),
            "Against": aligned(list(zip(values["recomputed"], decimals, strict=True))),
            # Unbreakable spaces: a class never breaks over two lines (the page's CSS lets text cells wrap).
            "Class": [(s if "→" in s else f"{s} (unchanged)").replace(" ", "\u00a0") for s in moved["status"]],
        }
    )
    return view, (units[0] or None) if one_unit and units else None


# ---------------------------------------------------------------------------------------------
# Checks.


def _check(check_id: str, what: str, printed: float, recomputed: float, unit: str, decimals: int, table: str,
           lines: str, section_of: str = PROSE, kind: str = SUM, terms: int = 2, input_decimals: int | None = None,
           bounds: tuple[float, float] | None = None) -> Check:  # fmt: skip
    section = meta(section_of)["section"]
    return make_check(
        CHAPTER, check_id, what, printed, recomputed, table, lines, decimals, unit, section=section, kind=kind,
        terms=terms, input_decimals=input_decimals, bounds=bounds,
    )  # fmt: skip


def _claim(check_id: str, what: str, holds: bool, table: str, lines: str, section_of: str = PROSE) -> Check:
    """A statement in words: printed 1 (the report says so), recomputed 1 if the figures bear it out."""
    return claim(CHAPTER, check_id, what, holds, table, lines, meta(section_of)["section"])


@identity(CHAPTER)
def liquidity_year_end(get: Getter) -> list[Check]:
    """Group account + deposit account = the total the prose gives; the repeated paragraph's average."""
    liq = liquidity(get)
    p = prose(get)
    return [
        _check(
            "bal.liquidity.total_31_12",
            "Liquidity 31.12: group account + deposit account = the stated total",
            liq["total_printed"],
            liq["group_account"] + liq["deposit_account"],
            "NOK million",
            0,
            PROSE,
            prose_line(get, "group_account_balance_31_12_2023", "group_and_deposit_account_balance_31_12_2023"),
        ),
        _check(
            "bal.liquidity.average_repeated_paragraph",
            "Average group-account balance: repeated paragraph (says 2022) against the original (2023)",
            p["average_group_account_balance_2022_repeated_paragraph"],
            liq["average_group_account"],
            "NOK million",
            0,
            PROSE,
            prose_line(
                get, "average_group_account_balance_2023", "average_group_account_balance_2022_repeated_paragraph"
            ),
            kind=RESTATEMENT,
        ),
        # The second paragraph repeats the first word for word with the year changed to 2022. Dated 2022,
        # it says it is about another year than the first; were it, its average would be that year's own
        # (the book's premise: the report prints no 2022 average and states no such relation). The same
        # figure under two years is, on that premise, the sign of a repeated paragraph; the book takes the
        # figure as 2023's, as the paragraph in its place (lines 3513–3514) gives it.
        _claim(
            "bal.liquidity.repeated_paragraph_is_2022",
            "The paragraph at lines 3627–3635 is about 2022, as its words say («i hele 2022»), not the 2023 "
            "paragraph repeated: were it 2022's own, its average would differ (the book's premise; the "
            "report prints no 2022 average)",
            p["average_group_account_balance_2022_repeated_paragraph"] != liq["average_group_account"],
            PROSE,
            prose_line(
                get, "average_group_account_balance_2023", "average_group_account_balance_2022_repeated_paragraph"
            ),
        ),
    ]


@identity(CHAPTER)
def loan_debt_totals(get: Getter) -> list[Check]:
    """The loan fund's debt and its change as the prose states them, against table B01 (which prints no
    total: its four rows are added here) and against the interest-rate reserve of D09 (1 % of gross debt)."""
    debt = loan_fund_debt(get)
    reserve_line = _d09(get, "Rentesikringsfond")[1]
    debt_line = prose_line(get, "loan_fund_debt_end_2023")
    b01_lines = lines_of(DEBT)
    rows = len(get(DEBT))
    pct = INTEREST_RESERVE_PCT / 100.0
    reserve = rounded(debt["reserve_thousand"], 0)
    b01_end = (debt["b01_end"] - rows * 0.05, debt["b01_end"] + rows * 0.05)
    return [
        _check(
            "bal.debt.end_2023.prose_vs_b01",
            "Loan fund debt 31.12.2023: prose against the sum of the B01 rows",
            debt["prose_end"],
            debt["b01_end"],
            "NOK million",
            0,
            f"{PROSE}, {DEBT}",
            f"{debt_line}; {b01_lines}",
            terms=rows,
            input_decimals=1,
        ),
        _check(
            "bal.debt.change_2023.prose_vs_b01",
            "Change in loan fund debt in 2023: prose against the change of the B01 sum",
            debt["prose_change"],
            debt["b01_change"],
            "NOK million",
            1,
            f"{PROSE}, {DEBT}",
            f"{debt_line}; {b01_lines}",
            terms=2 * rows,
            input_decimals=1,
        ),
        _check(
            "bal.debt.end_2023.prose_vs_interest_reserve",
            "Loan fund debt 31.12.2023: prose against the interest-rate reserve (D09) ÷ 1 %",
            debt["prose_end"],
            debt["implied_by_reserve"],
            "NOK million",
            0,
            f"{PROSE}, {D09}",
            f"{debt_line}; {reserve_line}",
            kind=SHARE,
            bounds=(reserve[0] / pct / THOUSAND_PER_MILLION, reserve[1] / pct / THOUSAND_PER_MILLION),
        ),
        _check(
            "bal.debt.interest_reserve_vs_b01",
            "Interest-rate reserve (D09) against 1 % of the B01 sum at 31.12.2023",
            debt["reserve_thousand"],
            pct * debt["b01_end"] * THOUSAND_PER_MILLION,
            "NOK 1000",
            0,
            f"{D09}, {DEBT}",
            f"{reserve_line}; {b01_lines}",
            section_of=D09,
            kind=SHARE,
            bounds=(pct * b01_end[0] * THOUSAND_PER_MILLION, pct * b01_end[1] * THOUSAND_PER_MILLION),
        ),
    ]


@identity(CHAPTER)
def loan_debt_flows(get: Getter) -> list[Check]:
    """B01's change in 2023 recomputed from the borrowing and instalments other chapters print, and the
    instalments the prose states against the loan fund's accounts (D06)."""
    flows = debt_flows(get)
    b01 = debt_by_use(get).set_index("label")
    treasury_change = float(b01.loc[list(TREASURY_DEBT), "change"].sum())
    frame = get(DEBT)
    treasury_lines = lines_of(DEBT, frame, frame["label"].isin(TREASURY_DEBT))
    a2, dk, d05, d06 = get(A2), get(DK), get(D05), get(D06)
    p = prose(get)
    decimals = decimals_of(DEBT, "debt_2023_12_31")
    return [
        # B01's change adds 2 × 4 figures in tenths of a million; the flows are printed in thousands
        # or kroner, finer by far: terms = the B01 figures beyond the first.
        _check(
            "bal.debt.change_2023.b01_vs_flows",
            "Change in debt by use (B01 sum) = loans used (2A) − instalments received by the loan fund (D06) "
            "− extra instalments (2A)",
            float(b01.loc["Sum (recomputed)", "change"]),
            flows["loans_used_2a"] - flows["loan_fund_instalments_received"] - flows["extra_instalments_2a"],
            "NOK million",
            decimals,
            f"{DEBT}, {A2}, {D06}",
            f"{lines_of(DEBT)}; {_line(a2, label='Bruk av lån')}; {_line(a2, label='Avdrag på lån')}; "
            f"{_line(d06, label='Lånefond avdragsinntekter')}",
            section_of=DEBT,
            terms=2 * len(frame) - 1,
        ),
        _check(
            "bal.debt.change_2023.treasury_vs_flows",
            "Change in the treasury's debt (B01, two rows) = loans used (DK) − intra-group instalments (D05)",
            treasury_change,
            flows["loans_used_treasury"] - flows["treasury_instalments"],
            "NOK million",
            decimals,
            f"{DEBT}, {DK}, {D05}",
            f"{treasury_lines}; {_line(dk, label='Bruk av lån')}; {_line(d05, label='Konserninterne avdrag')}",
            section_of=DEBT,
            terms=2 * len(TREASURY_DEBT) - 1,
        ),
        _check(
            "bal.debt.instalments_vs_d06",
            "Instalments in 2023: prose against the loan fund's instalment income (D06, kroner)",
            p["loan_fund_instalments_paid_2023"],
            flows["loan_fund_instalments_received"],
            "NOK million",
            1,
            f"{PROSE}, {D06}",
            f"{prose_line(get, 'loan_fund_instalments_paid_2023')}; {_line(d06, label='Lånefond avdragsinntekter')}",
            kind=RESTATEMENT,
        ),
        # The sentence follows the loan fund's own debt, so «paid» reads as the loan fund's instalments to
        # its lenders: D06's instalment expenses, not the instalment income from its borrowers above.
        _check(
            "bal.debt.instalments_paid_vs_d06_expenses",
            "Instalments paid in 2023 (prose, after the loan fund's debt) = the loan fund's instalment "
            "expenses (D06, kroner)",
            p["loan_fund_instalments_paid_2023"],
            flows["loan_fund_instalments_paid"],
            "NOK million",
            1,
            f"{PROSE}, {D06}",
            f"{prose_line(get, 'loan_fund_instalments_paid_2023')}; {_line(d06, label='Lånefond avdragsutgifter')}",
            kind=RESTATEMENT,
        ),
        _claim(
            "bal.debt.claim_increased",
            "The loan fund's debt 'increased' in 2023 (prose): the B01 sum grew too",
            p["loan_fund_debt_increase_2023"] > 0 and float(b01.loc["Sum (recomputed)", "change"]) > 0,
            f"{PROSE}, {DEBT}",
            f"{prose_line(get, 'loan_fund_debt_increase_2023')}; {lines_of(DEBT)}",
        ),
    ]


@identity(CHAPTER)
def interest_rate_hedging(get: Getter) -> list[Check]:
    """The floating and hedged shares of the loan portfolio add up to 100 %; the hedged share meets the
    rule of at least one third (a claim the prose makes)."""
    h = hedging(get)
    lines = prose_line(get, "loan_portfolio_floating_rate_share_end_2023", "loan_portfolio_hedged_share_end_2023")
    return [
        _check(
            "bal.hedging.hedged_share",
            "Hedged share of the loan portfolio = 100 % − floating share",
            h["hedged"],
            100.0 - h["floating"],
            "percent",
            0,
            PROSE,
            lines,
            terms=1,
        ),
        _claim(
            "bal.hedging.claim_within_rule",
            "The hedged share is 'within' the rule of at least 1/3 hedged (prose)",
            h["hedged"] >= h["minimum"],
            PROSE,
            prose_line(get, "loan_portfolio_hedged_share_end_2023", "min_hedged_share_rule_numerator"),
        ),
    ]


@identity(CHAPTER)
def fund_reserves_table(get: Getter) -> list[Check]:
    """Table B02: the total row of each column, and each change recomputed as 2023 − 2022."""
    sums = sum_checks(
        CHAPTER,
        get,
        FUNDS,
        ["balance_2022", "balance_2023", "change_2022_2023"],
        total={"label": FUND_TOTAL},
        check_id="bal.fund_reserves",
    )
    changes = row_checks(
        CHAPTER,
        get,
        FUNDS,
        "change_2022_2023",
        lambda row: row["balance_2023"] - row["balance_2022"],
        what="Change 2022–2023 = 2023 − 2022",
    )
    return sums + changes


@identity(CHAPTER)
def fund_reserves_prose(get: Getter) -> list[Check]:
    """The fund figures the prose states (NOK million) restating table B02 (NOK thousand), and its
    statements in words about them."""
    p = prose(get)
    b02 = get(FUNDS)
    lines = lines_of(FUNDS)

    def b02_value(column, label):
        return value(b02, column, label=label) / THOUSAND_PER_MILLION

    specs = [
        ("total_end_2023", "Fund reserves 31.12.2023", "fund_reserves_total_end_2023", 1,
         b02_value("balance_2023", FUND_TOTAL)),
        ("total_decrease", "Decrease in fund reserves in 2023", "fund_reserves_decrease_2023", 1,
         -b02_value("change_2022_2023", FUND_TOTAL)),
        ("disposition_fund_decrease", "Decrease in the discretionary fund in 2023", "disposition_fund_decrease_2023", 0,
         -b02_value("change_2022_2023", DISPOSITION_FUND)),
        ("bound_investment_increase", "Increase in bound investment funds in 2023 ('nesten 123')",
         "bound_investment_funds_increase_2023", 0, b02_value("change_2022_2023", BOUND_INVESTMENT)),
    ]  # fmt: skip
    out = [
        _check(
            f"bal.fund_reserves.prose.{key}",
            f"{what}: prose against table B02",
            p[label],
            recomputed,
            "NOK million",
            decimals,
            f"{PROSE}, {FUNDS}",
            f"{prose_line(get, label)}; {lines}",
            kind=RESTATEMENT,
        )
        for key, what, label, decimals, recomputed in specs
    ]
    change = {label: value(b02, "change_2022_2023", label=label) for label in b02["label"]}
    out += [
        _claim(
            "bal.fund_reserves.claim_almost_123",
            "The restricted investment funds grew by 'almost' (nesten) the stated figure: B02's change is below it",
            change[BOUND_INVESTMENT] / THOUSAND_PER_MILLION < p["bound_investment_funds_increase_2023"],
            f"{PROSE}, {FUNDS}",
            f"{prose_line(get, 'bound_investment_funds_increase_2023')}; {_line(b02, label=BOUND_INVESTMENT)}",
        ),
        _claim(
            "bal.fund_reserves.claim_mainly_disposition_fund",
            "The fall in fund reserves is 'mainly' the discretionary fund's: its fall exceeds the total's",
            -change[DISPOSITION_FUND] >= -change[FUND_TOTAL] > 0,
            f"{PROSE}, {FUNDS}",
            f"{prose_line(get, 'fund_reserves_decrease_2023')}; {lines}",
        ),
        _claim(
            "bal.fund_reserves.claim_both_bound_funds_grew",
            "'Both' restricted operating and restricted investment funds grew in 2023 (B02's changes > 0)",
            change[BOUND_OPERATING] > 0 and change[BOUND_INVESTMENT] > 0,
            f"{PROSE}, {FUNDS}",
            f"{prose_line(get, 'disposition_fund_decrease_2023')}; {lines}",
        ),
    ]
    return out


@identity(CHAPTER)
def foreword_disposition_fund(get: Getter) -> list[Check]:
    """The discretionary-fund figures of the report's summary (lines 140–145) against B02 and D09, and
    their own roll-forward (opening − budgeted use + the reduction of use = closing)."""
    f = foreword_fund_figures(get)
    b02, d09 = get(FUNDS), get(D09)
    line = {key: prose_line(get, f"foreword_{key}") for key in FOREWORD_KEYS}
    b02_line = _line(b02, label=DISPOSITION_FUND)
    movements = d09[d09["row_kind"] == "movement"]
    budgeted = movements[~movements["label"].str.startswith("Saldering")]
    settlement = movements[movements["label"].str.startswith("Saldering")]
    _, ratio_line = _d09(get, "i prosent av brutto driftsinntekter")
    ratio, _ = _d09(get, "i prosent av brutto driftsinntekter")
    margin, margin_line = _d09(get, "Avvik fra handlingsreglenes krav")
    thousand = THOUSAND_PER_MILLION
    return [
        _check("bal.foreword.fund_start", "Discretionary fund at the end of 2022 (summary) = B02 2022",
               f["fund_start"], value(b02, "balance_2022", label=DISPOSITION_FUND) / thousand, "NOK million", 1,
               f"{PROSE}, {FUNDS}", f"{line['fund_start']}; {b02_line}", kind=RESTATEMENT),
        _check("bal.foreword.budgeted_use", "Budgeted net use in 2023 (summary) = D09's budget movements",
               f["budgeted_use"], -float(budgeted["value_2023"].sum()) / thousand, "NOK million", 1,
               f"{PROSE}, {D09}", f"{line['budgeted_use']}; {lines_of(D09, d09, d09['label'].isin(budgeted['label']))}",
               terms=len(budgeted), input_decimals=3),
        _check("bal.foreword.use_reduction", "Use reduced at the year-end settlement (summary) = D09 'Saldering'",
               f["use_reduction"], float(settlement["value_2023"].sum()) / thousand, "NOK million", 1,
               f"{PROSE}, {D09}", f"{line['use_reduction']}; {int(settlement['source_line'].iloc[0])}",
               kind=RESTATEMENT),
        _check("bal.foreword.net_use", "Net use in 2023 (summary) = − B02's change",
               f["net_use"], -value(b02, "change_2022_2023", label=DISPOSITION_FUND) / thousand, "NOK million", 0,
               f"{PROSE}, {FUNDS}", f"{line['net_use']}; {b02_line}", kind=RESTATEMENT),
        _check("bal.foreword.net_use_roll", "Net use (summary) = budgeted use − reduction (summary)",
               f["net_use"], f["budgeted_use"] - f["use_reduction"], "NOK million", 0, PROSE,
               f"{line['budgeted_use']}–{line['net_use']}", input_decimals=1),
        _check("bal.foreword.fund_end", "Discretionary fund at the end of 2023 (summary) = B02 2023",
               f["fund_end"], value(b02, "balance_2023", label=DISPOSITION_FUND) / thousand, "NOK million", 1,
               f"{PROSE}, {FUNDS}", f"{line['fund_end']}; {b02_line}", kind=RESTATEMENT),
        _check("bal.foreword.fund_roll", "Fund at the end of 2023 = end of 2022 − budgeted use + reduction (summary)",
               f["fund_end"], f["fund_start"] - f["budgeted_use"] + f["use_reduction"], "NOK million", 1, PROSE,
               f"{line['fund_start']}–{line['fund_end']}", terms=3),
        _check("bal.foreword.pct_income", "Fund in % of gross operating income (summary) = D09",
               f["pct_income"], ratio, "percent", 1, f"{PROSE}, {D09}", f"{line['pct_income']}; {ratio_line}",
               kind=RESTATEMENT),
        _check("bal.foreword.margin", "Fund above the rules' reserve requirement (summary) = D09 'Avvik'",
               f["margin"], margin / thousand, "NOK million", 1, f"{PROSE}, {D09}",
               f"{line['margin']}; {margin_line}", kind=RESTATEMENT),
    ]  # fmt: skip


@identity(CHAPTER)
def disposition_fund_reconciliation(get: Getter) -> list[Check]:
    """The discretionary fund in B02 against the operating chapter: the balances of D09, the provisions
    and use in D08 and D09, and the bridge from the year's net operating result (D08)."""
    b02 = get(FUNDS)
    d08, d09 = get(D08), get(D09)
    line = _line(b02, label=DISPOSITION_FUND)
    change = value(b02, "change_2022_2023", label=DISPOSITION_FUND)
    movements = d09[d09["row_kind"] == "movement"]
    balances = d09[d09["row_kind"] == "balance"].reset_index(drop=True)
    d08_rows = d08["label"].isin(["Avsetninger til disposisjonsfond", "Bruk av disposisjonsfond"])
    bridge = disposition_bridge(get)
    bridge_rows = d08["row_kind"] == "result"
    bridge_rows |= d08["label"].isin(["Overføring til investering", "Avsetninger til bundne driftsfond",
                                      "Bruk av bundne driftsfond", "Dekning av tidligere års merforbruk"])  # fmt: skip
    return [
        _check(
            "bal.disposition_fund.balance_2022_vs_d09",
            "Discretionary fund at the end of 2022 (B02) against D09's balance at 1 January",
            value(b02, "balance_2022", label=DISPOSITION_FUND),
            float(balances["value_2023"].iloc[0]),
            "NOK 1000",
            0,
            f"{FUNDS}, {D09}",
            f"{line}; {int(balances['source_line'].iloc[0])}",
            section_of=FUNDS,
            kind=RESTATEMENT,
        ),
        _check(
            "bal.disposition_fund.balance_2023_vs_d09",
            "Discretionary fund at the end of 2023 (B02) against D09's balance at 31 December",
            value(b02, "balance_2023", label=DISPOSITION_FUND),
            float(balances["value_2023"].iloc[-1]),
            "NOK 1000",
            0,
            f"{FUNDS}, {D09}",
            f"{line}; {int(balances['source_line'].iloc[-1])}",
            section_of=FUNDS,
            kind=RESTATEMENT,
        ),
        _check(
            "bal.disposition_fund.change_vs_d08",
            "Change in the discretionary fund (B02) = provisions + use in the year-end dispositions (D08)",
            change,
            float(d08.loc[d08_rows, "actual_2023"].sum()),
            "NOK 1000",
            0,
            f"{FUNDS}, {D08}",
            f"{line}; {lines_of(D08, d08, d08_rows)}",
            section_of=FUNDS,
        ),
        _check(
            "bal.disposition_fund.change_vs_d09_movements",
            "Change in the discretionary fund (B02) = the sum of D09's movements in 2023",
            change,
            float(movements["value_2023"].sum()),
            "NOK 1000",
            0,
            f"{FUNDS}, {D09}",
            f"{line}; {lines_of(D09, d09, d09['row_kind'] == 'movement')}",
            section_of=FUNDS,
            terms=len(movements),
        ),
        _check(
            "bal.disposition_fund.change_vs_result_bridge",
            "Change in the discretionary fund (B02) = net operating result − transfer to investment − net "
            "provisions to restricted operating funds − cover of earlier deficits (D08)",
            change,
            float(bridge["amount"].iloc[-1]),
            "NOK 1000",
            0,
            f"{FUNDS}, {D08}",
            f"{line}; {lines_of(D08, d08, bridge_rows)}",
            section_of=FUNDS,
            terms=len(bridge) - 1,
        ),
    ]


@identity(CHAPTER)
def bound_operating_funds_reconciliation(get: Getter) -> list[Check]:
    """The change in bound operating funds (B02) against their provisions and use in D08, the only
    table that prints them."""
    flows = fund_flows(get).set_index(["fund", "statement"])
    b02, d08 = get(FUNDS), get(D08)
    row = flows.loc[(BOUND_OPERATING, "D08")].to_dict()
    d08_rows = d08["label"].isin(["Avsetninger til bundne driftsfond", "Bruk av bundne driftsfond"])
    return [
        _check(
            "bal.bound_operating_funds.change_vs_d08",
            "Change in bound operating funds (B02) = provisions + use in the year-end dispositions (D08)",
            value(b02, "change_2022_2023", label=BOUND_OPERATING),
            row["net"],
            "NOK 1000",
            0,
            f"{FUNDS}, {D08}",
            f"{_line(b02, label=BOUND_OPERATING)}; {lines_of(D08, d08, d08_rows)}",
            section_of=FUNDS,
        )
    ]


@identity(CHAPTER)
def investment_funds_reconciliation(get: Getter) -> list[Check]:
    """The change in the two investment funds (B02) against their provisions and use in the treasury's
    own DK statement (like for like) and in statement 2A (treasury and Drammen Eiendom KF together: a
    wider scope, kept to show Drammen Eiendom KF's part); and the prose's amount set aside from start-loan
    repayments against the book's model of it (repayments received less instalments paid, DK)."""
    flows = fund_flows(get).set_index(["fund", "statement"])
    b02, a2, dk = get(FUNDS), get(A2), get(DK)
    out = []
    for key, fund, name in [
        ("unbound_investment_funds", UNBOUND_INVESTMENT, "unbound investment funds"),
        ("bound_investment_funds", BOUND_INVESTMENT, "bound investment funds"),
    ]:
        b02_change = value(b02, "change_2022_2023", label=fund)
        word = "ubundet" if fund == UNBOUND_INVESTMENT else "bundne"
        labels = [f"Avsetninger til {word} investeringsfond", f"Bruk av {word} investeringsfond"]
        line = _line(b02, label=fund)
        for statement, frame, table in (("DK", dk, DK), ("2A", a2, A2)):
            out.append(
                _check(
                    f"bal.{key}.change_vs_{statement.lower()}",
                    f"Change in {name} (B02) = provisions + use in statement {statement}",
                    b02_change,
                    flows.loc[(fund, statement), "net"],
                    "NOK 1000",
                    0,
                    f"{FUNDS}, {table}",
                    f"{line}; {lines_of(table, frame, frame['label'].isin(labels))}",
                    section_of=FUNDS,
                )
            )
    p = prose(get)
    label = "startloan_extra_repayments_to_bound_investment_fund_2023"
    # The regulations set the relending surplus aside to bound investment funds; DK (and 2A) print it as
    # the net of the relending block, so the text's figure is a restatement of a printed figure.
    net_relending = -value(dk, "actual_2023", label="Sum netto utgifter videreutlån")
    out.append(
        _check(
            "bal.bound_investment_funds.relending_surplus_vs_prose",
            "Set aside from extra and redeemed start-loan repayments (prose) = the relending block's net "
            "surplus (DK «Sum netto utgifter videreutlån», the same in 2A)",
            p[label],
            net_relending / THOUSAND_PER_MILLION,
            "NOK million",
            1,
            f"{PROSE}, {DK}",
            f"{prose_line(get, label)}; {_line(dk, label='Sum netto utgifter videreutlån')}; "
            f"{_line(a2, label='Netto utgifter videreutlån')}",
            section_of=FUNDS,
            kind=RESTATEMENT,
            input_decimals=3,
        )
    )
    return out


@identity(CHAPTER)
def disposition_fund_share_of_income(get: Getter) -> list[Check]:
    """The discretionary fund as a share of gross operating income: the prose restating D09's ratio. (The
    operating chapter recomputes D09's ratio from the balance and the 3 % general reserve.)"""
    label = "disposition_fund_pct_of_gross_operating_income_to_2023"
    ratio, ratio_line = _d09(get, "i prosent av brutto driftsinntekter")
    return [
        _check(
            "bal.disposition_fund.pct_income_vs_d09",
            "Discretionary fund in % of gross operating income, end of 2023: prose against D09",
            prose(get)[label],
            ratio,
            "percent",
            1,
            f"{PROSE}, {D09}",
            f"{prose_line(get, label)}; {ratio_line}",
            kind=RESTATEMENT,
        ),
    ]
