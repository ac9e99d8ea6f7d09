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
# label must read as its translation; each short name above is a shortening of the same English.
FULL_NAMES = {
    "P01": "Schools",  # Skole
    "P02": "Kindergartens",  # Barnehage(r)
    "P03": "Prevention services",  # Forebyggende tjenester
    "P04": "Health",  # Helse
    "P05": "People with disabilities",  # Mennesker med nedsatt funksjonsevne
    "P06": "Home care and institutions",  # Hjemmetjenester og institusjon
    "P07": "Substance use and mental health",  # Rus og psykisk helse
    "P08": "Social services, settling and housing",  # Sosialtjeneste, etablering og bolig
    "P09": "Culture, sport and voluntary work",  # Kultur, idrett og frivillighet
    "P10": "Participation and local democracy",  # Medvirkning og lokaldemokrati
    "P11": "Development and transport",  # Utbygging og samferdsel
    "P12": "Water, sewage and waste collection",  # Vann, avløp og renovasjon
    "P13": "Land-use planning, climate and environment",  # Arealplan, klima og miljø
    "P14": "Leadership, governance and administration",  # Ledelse, styring og administrasjon
    "P15": "Public safety",  # Samfunnssikkerhet
    "P18": "Political governance",  # Politisk styring
    "P19": "Central items",  # Sentrale poster
}
