"""One short English name per programme area, book-wide (aarsevaluering.areas)."""

from aarsevaluering import areas
from aarsevaluering.data import load


def test_every_area_of_the_economy_table_has_one_short_name():
    economy = load("drift_programme_area_economy")
    codes = sorted(set(economy["programme_area"].dropna()) - {""})
    assert codes and all(code in areas.SHORT_NAMES for code in codes), codes
    assert len(set(areas.SHORT_NAMES.values())) == len(areas.SHORT_NAMES), "two areas share a name"
    assert areas.label("P03") == "P03 Prevention" and areas.label("P99") == "P99"
