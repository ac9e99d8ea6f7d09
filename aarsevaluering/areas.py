"""The programme areas' codes and one short English name each, for charts on every page (the tables keep
the report's Norwegian names, which a reader searches the report for). One name per area, book-wide: a
reader meets "P03 Prevention" in every chapter, not a different English name in each."""

from __future__ import annotations

SHORT_NAMES = {
    "P01": "Schools",
    "P02": "Kindergartens",
    "P03": "Prevention",
    "P04": "Health",
    "P05": "Disabilities",
    "P06": "Home care",
    "P07": "Mental health",
    "P08": "Social, housing",
    "P09": "Culture, sport",
    "P10": "Democracy",
    "P11": "Transport",
    "P12": "Water, sewage",
    "P13": "Land use",
    "P14": "Administration",
    "P15": "Public safety",
    "P18": "Politics",
    "P19": "Central items",
}


def label(code: str) -> str:
    """A chart's label for an area: its code and short name ("P03 Prevention"); an unknown code as it is."""
    name = SHORT_NAMES.get(code)
    return f"{code} {name}" if name else code


# The printed Norwegian names translated in full, for reproduced tables, where the English beside a printed
# label must read as a translation of that very label: keyed by area code, then by each name as the report
# prints it (tables name some areas differently: P09 is «Kultur, idrett og frivillighet» in some and
# «Kultur, fritid og idrett» in others). Each short name above shortens every English name of its area.
FULL_NAMES = {
    "P01": {"Skole": "Schools"},
    "P02": {"Barnehage": "Kindergartens", "Barnehager": "Kindergartens"},
    "P03": {
        "Forebyggende tjenester": "Prevention services",
        "Forebyggende tjenester (inkl. barnevern)": "Prevention services, incl. child welfare",
    },
    "P04": {"Helse": "Health"},
    "P05": {"Mennesker med nedsatt funksjonsevne": "People with disabilities"},
    "P06": {"Hjemmetjenester og institusjon": "Home care and institutions"},
    "P07": {"Rus og psykisk helse": "Substance use and mental health"},
    "P08": {"Sosialtjeneste, etablering og bolig": "Social services, getting established and housing"},
    "P09": {
        "Kultur, idrett og frivillighet": "Culture, sport and voluntary work",
        "Kultur, fritid og idrett": "Culture, leisure and sport",
    },
    "P10": {"Medvirkning og lokaldemokrati": "Participation and local democracy"},
    "P11": {"Utbygging og samferdsel": "Development and transport"},
    "P12": {"Vann, avløp og renovasjon": "Water, sewage and waste collection"},
    "P13": {"Arealplan, klima og miljø": "Land-use planning, climate and environment"},
    "P14": {"Ledelse, styring og administrasjon": "Leadership, governance and administration"},
    "P15": {"Samfunnssikkerhet": "Public safety"},
    "P18": {"Politisk styring": "Political governance"},
    "P19": {"Sentrale poster": "Central items"},
}


def full_name(code: str, printed: str) -> str | None:
    """The English of an area's name as printed ('P09', 'Kultur, fritid og idrett' -> 'Culture, leisure and
    sport'); None for a name the book has no translation of, so that no other name's English stands beside it."""
    return FULL_NAMES.get(code, {}).get(" ".join(str(printed).split()))
