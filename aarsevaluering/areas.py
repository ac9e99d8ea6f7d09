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
