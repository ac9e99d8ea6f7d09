"""Identities of the balance chapter (*Balanse*): liquidity, the loan fund's debt by use, interest-rate
hedging and the fund reserves, each reconciled with what the other chapters print.

The checks here are the balance-specific ones and the cross-chapter reconciliations with tables B01
and B02. The operating chapter's own checks of D08 and D09 (their sums, the disposition fund's
roll-forward) live in ``identities/driftsregnskap.py`` and are not repeated.

Small functions at the top gather the figures the chapter narrates (liquidity, debt by use with its
shares, the hedging margin, the fund flows); they compare nothing. Comparisons are only made in the
``@identity`` functions below them.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ..checks import EXACT, Check, Getter, decimals_of, identity, lines_of, meta, row_checks, sum_checks, value
from ..checks import check as make_check
from ..fmt import fmt

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

# B01 rows that are the municipal treasury's own debt (water/sewage and the rest).
TREASURY_DEBT = ("Drammen kommunekasse Vann/avløp", "Drammen kommunekasse")

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
    """The disposition fund against gross operating income (implied by D09's 3 % general reserve),
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


# ---------------------------------------------------------------------------------------------
# Checks.


def _check(check_id: str, what: str, printed: float, recomputed: float, unit: str, decimals: int, table: str,
           lines: str, section_of: str = PROSE, explanation: str = "") -> Check:  # fmt: skip
    section = meta(section_of)["section"]
    return make_check(CHAPTER, check_id, what, printed, recomputed, table, lines, decimals, unit, explanation, section)


def _million(x: float, decimals: int = 1) -> str:
    return fmt(x, decimals, "NOK million")


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
            explanation=(
                "Lines 3627–3635 repeat the opening of the liquidity section word for word, but say "
                "'hele 2022' where the original says 'hele 2023'. The figure is the same, so the repeat is "
                "most likely a leftover copy; the chapter uses the 2023 reading."
            ),
        ),
    ]


@identity(CHAPTER)
def loan_debt_totals(get: Getter) -> list[Check]:
    """The loan fund's debt and its change as the prose states them, against table B01 and against
    the interest-rate reserve of D09 (1 % of gross debt)."""
    debt = loan_fund_debt(get)
    reserve_line = _d09(get, "Rentesikringsfond")[1]
    debt_line = prose_line(get, "loan_fund_debt_end_2023")
    b01_lines = lines_of(DEBT)
    gap_end = debt["implied_by_reserve"] - debt["b01_end"]
    gap_start = debt["prose_start"] - debt["b01_start"]
    on_b01 = INTEREST_RESERVE_PCT / 100.0 * debt["b01_end"] * THOUSAND_PER_MILLION
    scope = (
        "Different quantities rather than a typo. The prose states the loan fund's own gross debt to its "
        "lenders, which the interest-rate reserve in table D09 confirms (1 % of gross debt = "
        f"{fmt(debt['reserve_thousand'], 0, 'NOK 1000')}, i.e. {_million(debt['implied_by_reserve'])}). "
        "Table B01, which prints no total, shows the debt by use: what the loan fund has lent on to the "
        "municipal treasury and the municipal enterprises; its change is reproduced exactly by the loans "
        "used and the instalments printed in statement 2A and the operating accounts. "
    )
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
            explanation=scope
            + f"At year end the loan fund owed its lenders {_million(gap_end)} more than its borrowers owed it "
            "(presumably money borrowed but not yet lent on; the report does not say).",
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
            explanation=scope
            + f"By the prose's own figures the external debt at 1 January was {_million(debt['prose_start'])}, "
            f"{_million(-gap_start)} below B01's {_million(debt['b01_start'])}; at 31 December it was "
            f"{_million(gap_end)} above. What the loan fund itself borrowed in 2023 is not printed, so the "
            "gap cannot be traced further.",
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
        ),
        _check(
            "bal.debt.interest_reserve_vs_b01",
            "Interest-rate reserve (D09) against 1 % of the B01 sum at 31.12.2023",
            debt["reserve_thousand"],
            on_b01,
            "NOK 1000",
            0,
            f"{D09}, {DEBT}",
            f"{reserve_line}; {b01_lines}",
            explanation=(
                "Not an error in D09: the reserve is 1 % of the loan fund's external gross debt (the prose's "
                f"{_million(debt['prose_end'], 0)}), not of the debt by use in B01. Measured on B01's total the "
                "reserve, and with it the reserve requirement, would be "
                f"{fmt(debt['reserve_thousand'] - on_b01, 0, 'NOK 1000')} lower."
            ),
        ),
    ]


@identity(CHAPTER)
def loan_debt_flows(get: Getter) -> list[Check]:
    """B01's change in 2023 recomputed from the borrowing and instalments other chapters print."""
    flows = debt_flows(get)
    b01 = debt_by_use(get).set_index("label")
    treasury_change = float(b01.loc[list(TREASURY_DEBT), "change"].sum())
    frame = get(DEBT)
    treasury_lines = lines_of(DEBT, frame, frame["label"].isin(TREASURY_DEBT))
    a2, dk, d05, d06 = get(A2), get(DK), get(D05), get(D06)
    p = prose(get)
    return [
        _check(
            "bal.debt.change_2023.b01_vs_flows",
            "Change in debt by use (B01 sum) = loans used (2A) − instalments received by the loan fund (D06) "
            "− extra instalments (2A)",
            float(b01.loc["Sum (recomputed)", "change"]),
            flows["loans_used_2a"] - flows["loan_fund_instalments_received"] - flows["extra_instalments_2a"],
            "NOK million",
            decimals_of(DEBT, "debt_2023_12_31"),
            f"{DEBT}, {A2}, {D06}",
            f"{lines_of(DEBT)}; {_line(a2, label='Bruk av lån')}; {_line(a2, label='Avdrag på lån')}; "
            f"{_line(d06, label='Lånefond avdragsinntekter')}",
            section_of=DEBT,
        ),
        _check(
            "bal.debt.change_2023.treasury_vs_flows",
            "Change in the treasury's debt (B01, two rows) = loans used (DK) − intra-group instalments (D05)",
            treasury_change,
            flows["loans_used_treasury"] - flows["treasury_instalments"],
            "NOK million",
            decimals_of(DEBT, "debt_2023_12_31"),
            f"{DEBT}, {DK}, {D05}",
            f"{treasury_lines}; {_line(dk, label='Bruk av lån')}; {_line(d05, label='Konserninterne avdrag')}",
            section_of=DEBT,
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
        ),
    ]


@identity(CHAPTER)
def interest_rate_hedging(get: Getter) -> list[Check]:
    """The floating and hedged shares of the loan portfolio add up to 100 %."""
    h = hedging(get)
    return [
        _check(
            "bal.hedging.hedged_share",
            "Hedged share of the loan portfolio = 100 % − floating share",
            h["hedged"],
            100.0 - h["floating"],
            "percent",
            0,
            PROSE,
            prose_line(get, "loan_portfolio_floating_rate_share_end_2023", "loan_portfolio_hedged_share_end_2023"),
        )
    ]


ROUNDED_SEPARATELY = "Each figure is rounded to NOK thousand on its own, so a difference of one thousand is rounding."


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
    sums = [c if c.status == EXACT else replace(c, explanation=ROUNDED_SEPARATELY) for c in sums]
    changes = row_checks(
        CHAPTER,
        get,
        FUNDS,
        "change_2022_2023",
        lambda row: row["balance_2023"] - row["balance_2022"],
        what="Change 2022–2023 = 2023 − 2022",
        explanation=lambda row: (
            ROUNDED_SEPARATELY if row["change_2022_2023"] != row["balance_2023"] - row["balance_2022"] else ""
        ),
    )
    return sums + changes


@identity(CHAPTER)
def fund_reserves_prose(get: Getter) -> list[Check]:
    """The fund figures the prose states against table B02 (prose in NOK million, table in thousand)."""
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
        ("disposition_fund_decrease", "Decrease in the disposition fund in 2023", "disposition_fund_decrease_2023", 0,
         -b02_value("change_2022_2023", DISPOSITION_FUND)),
        ("bound_investment_increase", "Increase in bound investment funds in 2023 ('nesten 123')",
         "bound_investment_funds_increase_2023", 0, b02_value("change_2022_2023", BOUND_INVESTMENT)),
    ]  # fmt: skip
    return [
        _check(
            f"bal.fund_reserves.prose.{key}",
            f"{what}: prose against table B02",
            p[label],
            recomputed,
            "NOK million",
            decimals,
            f"{PROSE}, {FUNDS}",
            f"{prose_line(get, label)}; {lines}",
        )
        for key, what, label, decimals, recomputed in specs
    ]


@identity(CHAPTER)
def disposition_fund_reconciliation(get: Getter) -> list[Check]:
    """The disposition fund in B02 against the operating chapter: the balances of D09 and the
    provisions and use in D08 and D09."""
    b02 = get(FUNDS)
    d08, d09 = get(D08), get(D09)
    line = _line(b02, label=DISPOSITION_FUND)
    change = value(b02, "change_2022_2023", label=DISPOSITION_FUND)
    movements = d09[d09["row_kind"] == "movement"]
    balances = d09[d09["row_kind"] == "balance"].reset_index(drop=True)
    d08_rows = d08["label"].isin(["Avsetninger til disposisjonsfond", "Bruk av disposisjonsfond"])
    return [
        _check(
            "bal.disposition_fund.balance_2022_vs_d09",
            "Disposition fund at the end of 2022 (B02) against D09's balance at 1 January",
            value(b02, "balance_2022", label=DISPOSITION_FUND),
            float(balances["value_2023"].iloc[0]),
            "NOK 1000",
            0,
            f"{FUNDS}, {D09}",
            f"{line}; {int(balances['source_line'].iloc[0])}",
            section_of=FUNDS,
        ),
        _check(
            "bal.disposition_fund.balance_2023_vs_d09",
            "Disposition fund at the end of 2023 (B02) against D09's balance at 31 December",
            value(b02, "balance_2023", label=DISPOSITION_FUND),
            float(balances["value_2023"].iloc[-1]),
            "NOK 1000",
            0,
            f"{FUNDS}, {D09}",
            f"{line}; {int(balances['source_line'].iloc[-1])}",
            section_of=FUNDS,
        ),
        _check(
            "bal.disposition_fund.change_vs_d08",
            "Change in the disposition fund (B02) = provisions + use in the year-end dispositions (D08)",
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
            "Change in the disposition fund (B02) = the sum of D09's movements in 2023",
            change,
            float(movements["value_2023"].sum()),
            "NOK 1000",
            0,
            f"{FUNDS}, {D09}",
            f"{line}; {lines_of(D09, d09, d09['row_kind'] == 'movement')}",
            section_of=FUNDS,
        ),
    ]


@identity(CHAPTER)
def bound_operating_funds_reconciliation(get: Getter) -> list[Check]:
    """The change in bound operating funds (B02) against their provisions and use in D08, the only
    table that prints them."""
    flows = fund_flows(get).set_index(["fund", "statement"])
    b02, d08 = get(FUNDS), get(D08)
    row = flows.loc[(BOUND_OPERATING, "D08")].to_dict()
    row["b02_change"] = value(b02, "change_2022_2023", label=BOUND_OPERATING)
    row["gap"] = row["b02_change"] - row["net"]
    d08_rows = d08["label"].isin(["Avsetninger til bundne driftsfond", "Bruk av bundne driftsfond"])
    return [
        _check(
            "bal.bound_operating_funds.change_vs_d08",
            "Change in bound operating funds (B02) = provisions + use in the year-end dispositions (D08)",
            row["b02_change"],
            row["net"],
            "NOK 1000",
            0,
            f"{FUNDS}, {D08}",
            f"{_line(b02, label=BOUND_OPERATING)}; {lines_of(D08, d08, d08_rows)}",
            section_of=FUNDS,
            explanation=(
                f"The balance grew by {fmt(row['b02_change'], 0, 'NOK 1000')}, while D08 books provisions of "
                f"{fmt(row['provisions'], 0, 'NOK 1000')} and use of {fmt(-row['use'], 0, 'NOK 1000')}, a net "
                f"{fmt(row['net'], 0, 'NOK 1000')}. The two balances in B02 agree with the printed change, and "
                "D08 is the only table that prints flows of these funds, so the report does not show where the "
                f"other {fmt(-row['gap'], 0, 'NOK 1000')} went (for example a movement booked directly in the "
                f"balance sheet). The effect is small: {fmt(100 * abs(row['gap']) / abs(row['net']), 1, '%')} of the "
                "net change."
            ),
        )
    ]


@identity(CHAPTER)
def investment_funds_reconciliation(get: Getter) -> list[Check]:
    """The change in the two investment funds (B02) against their provisions and use in statement 2A
    (treasury and Drammen Eiendom KF) and in the treasury's own DK statement; and the prose's amount set
    aside from start-loan repayments against the relending surplus."""
    flows = fund_flows(get).set_index(["fund", "statement"])
    b02, a2, dk = get(FUNDS), get(A2), get(DK)
    out = []
    for key, fund, name in [
        ("unbound_investment_funds", UNBOUND_INVESTMENT, "unbound investment funds"),
        ("bound_investment_funds", BOUND_INVESTMENT, "bound investment funds"),
    ]:
        in_2a, in_dk = flows.loc[(fund, "2A")].to_dict(), flows.loc[(fund, "DK")].to_dict()
        for flow in (in_2a, in_dk):
            flow["b02_change"] = value(b02, "change_2022_2023", label=fund)
            flow["gap"] = flow["b02_change"] - flow["net"]
        provision = "Avsetninger til " + ("ubundet" if fund == UNBOUND_INVESTMENT else "bundne") + " investeringsfond"
        use = "Bruk av " + ("ubundet" if fund == UNBOUND_INVESTMENT else "bundne") + " investeringsfond"
        rows_2a = a2["label"].isin([provision, use])
        rows_dk = dk["label"].isin([provision, use])
        dekf_provision = in_2a["provisions"] - in_dk["provisions"]
        dekf_use = in_2a["use"] - in_dk["use"]
        line = _line(b02, label=fund)
        out.append(
            _check(
                f"bal.{key}.change_vs_2a",
                f"Change in {name} (B02) = provisions + use in statement 2A",
                in_2a["b02_change"],
                in_2a["net"],
                "NOK 1000",
                0,
                f"{FUNDS}, {A2}",
                f"{line}; {lines_of(A2, a2, rows_2a)}",
                section_of=FUNDS,
                explanation=(
                    "Different scope. Statement 2A covers the municipal treasury and Drammen Eiendom KF together; "
                    "table B02 covers the treasury alone. The treasury's own statement (DK) closes the gap: read "
                    f"as 2A minus DK, Drammen Eiendom KF set aside {fmt(dekf_provision, 0, 'NOK 1000')} to its own "
                    f"{name} and used {fmt(-dekf_use, 0, 'NOK 1000')}, a net "
                    f"{fmt(dekf_provision + dekf_use, 0, 'NOK 1000')}"
                    + (
                        " (the use matches the bound funds that the P08 section, line 5801, says Drammen Eiendom "
                        "KF spent on rent-to-own purchases of rental homes)"
                        if fund == BOUND_INVESTMENT
                        else ""
                    )
                    + (
                        "."
                        if in_dk["gap"] == 0
                        else f", the rest of the gap being B02's rounding ({fmt(in_dk['gap'], 0, sign=True)})."
                    )
                ),
            )
        )
        out.append(
            _check(
                f"bal.{key}.change_vs_dk",
                f"Change in {name} (B02) = provisions + use in the treasury's DK statement",
                in_dk["b02_change"],
                in_dk["net"],
                "NOK 1000",
                0,
                f"{FUNDS}, {DK}",
                f"{line}; {lines_of(DK, dk, rows_dk)}",
                section_of=FUNDS,
                explanation=(
                    "B02's own balances give the same change as the DK flows; the printed change is one "
                    "thousand off, rounding in B02."
                    if in_dk["gap"] != 0
                    else ""
                ),
            )
        )
    surplus = relending_surplus(get)
    p = prose(get)
    label = "startloan_extra_repayments_to_bound_investment_fund_2023"
    out.append(
        _check(
            "bal.bound_investment_funds.relending_surplus_vs_prose",
            "Set aside from extra and redeemed start-loan repayments: prose against repayments received on "
            "relending − instalments on relending loans (DK)",
            p[label],
            surplus / THOUSAND_PER_MILLION,
            "NOK million",
            1,
            f"{PROSE}, {DK}",
            f"{prose_line(get, label)}; {_line(dk, label='Mottatte avdrag på videreutlån')}; "
            f"{_line(dk, label='Avdrag på lån til videreutlån')}",
            section_of=FUNDS,
            explanation=(
                f"The relending surplus, {_million(surplus / THOUSAND_PER_MILLION, 3)}, rounds to "
                f"{_million(surplus / THOUSAND_PER_MILLION)}, not to the printed {_million(p[label])}. The printed "
                f"figure is the same as the fall in total fund reserves stated earlier in the section (line "
                f"{prose_line(get, 'fund_reserves_decrease_2023')}), so it "
                "was most likely carried over from there; the effect is "
                f"{_million(p[label] - surplus / THOUSAND_PER_MILLION, 3)}."
            ),
        )
    )
    return out


@identity(CHAPTER)
def disposition_fund_share_of_income(get: Getter) -> list[Check]:
    """The disposition fund as a share of gross operating income: the prose against D09's ratio. (The
    operating chapter recomputes D09's ratio from the balance and the 3 % general reserve.)"""
    label = "disposition_fund_pct_of_gross_operating_income_to_2023"
    ratio, ratio_line = _d09(get, "i prosent av brutto driftsinntekter")
    line = prose_line(get, label)
    return [
        _check(
            "bal.disposition_fund.pct_income_vs_d09",
            "Disposition fund in % of gross operating income, end of 2023: prose against D09",
            prose(get)[label],
            ratio,
            "percent",
            1,
            f"{PROSE}, {D09}",
            f"{line}; {ratio_line}",
        ),
    ]
