"""NICE NG239 bands and B12 unit conversion, as tables."""

from decimal import Decimal

import pytest

from assessments import bands


@pytest.mark.parametrize(
    ("value", "unit", "to_unit", "expected_whole"),
    [
        ("180", "pg/mL", "pmol/L", 133),  # the brief: 180 pg/mL is about 133 pmol/L
        ("350", "pg/mL", "pmol/L", 258),  # and 350 is about 258
        ("250", "pg/mL", "pmol/L", 185),  # 250 x 0.738 = 184.5, halves round up
        ("250", "ng/L", "pmol/L", 185),
        ("133", "pmol/L", "pg/mL", 180),  # 133 x 1.355 = 180.2
        ("258", "pmol/L", "ng/L", 350),
        ("250", "ng/L", "pg/mL", 250),  # 1 ng/L = 1 pg/mL
        ("70", "pmol/L", "pmol/L", 70),
    ],
)
def test_unit_conversion_uses_the_briefs_factors(value, unit, to_unit, expected_whole):
    assert bands.to_whole(bands.convert(Decimal(value), unit, to_unit)) == expected_whole


def test_factors_come_from_the_b12_molar_mass_and_not_the_wrong_150():
    assert round(1000 / bands.MOLAR_MASS_G_PER_MOL, 3) == bands.PMOL_PER_PG
    assert round(bands.MOLAR_MASS_G_PER_MOL / 1000, 3) == bands.PG_PER_PMOL
    assert bands.to_whole(bands.convert(Decimal(180), "pg/mL", "pmol/L")) != 150


def test_convert_rejects_an_unknown_unit():
    with pytest.raises(ValueError):
        bands.convert(Decimal(1), "mg/dL", "pmol/L")


@pytest.mark.parametrize(
    ("test", "value", "unit", "band"),
    [
        # Total B12 in ng/L: 180 and 350 are in the middle band.
        ("total", "179", "ng/L", bands.LOW),
        ("total", "180", "ng/L", bands.MIDDLE),
        ("total", "350", "ng/L", bands.MIDDLE),
        ("total", "351", "ng/L", bands.HIGH),
        # The same in pg/mL.
        ("total", "179", "pg/mL", bands.LOW),
        ("total", "180", "pg/mL", bands.MIDDLE),
        ("total", "350", "pg/mL", bands.MIDDLE),
        ("total", "351", "pg/mL", bands.HIGH),
        # Decimals round to whole numbers first (halves up).
        ("total", "179.4", "ng/L", bands.LOW),
        ("total", "179.5", "ng/L", bands.MIDDLE),
        ("total", "350.4", "ng/L", bands.MIDDLE),
        ("total", "350.5", "ng/L", bands.HIGH),
        # Total B12 given in pmol/L is compared in ng/L.
        ("total", "132", "pmol/L", bands.LOW),  # about 179 ng/L
        ("total", "133", "pmol/L", bands.MIDDLE),  # about 180 ng/L
        ("total", "258", "pmol/L", bands.MIDDLE),  # about 350 ng/L
        ("total", "259", "pmol/L", bands.HIGH),  # about 351 ng/L
        # Active B12 in pmol/L: 25 and 70 are in the middle band.
        ("active", "24", "pmol/L", bands.LOW),
        ("active", "25", "pmol/L", bands.MIDDLE),
        ("active", "70", "pmol/L", bands.MIDDLE),
        ("active", "71", "pmol/L", bands.HIGH),
        # Active B12 given in pg/mL uses the same B12 factor.
        ("active", "33", "pg/mL", bands.LOW),  # about 24 pmol/L
        ("active", "34", "pg/mL", bands.MIDDLE),  # about 25 pmol/L
        ("active", "95", "ng/L", bands.MIDDLE),  # about 70 pmol/L
        ("active", "97", "ng/L", bands.HIGH),  # about 72 pmol/L
    ],
)
def test_band_boundaries(test, value, unit, band):
    assert bands.explain(test, Decimal(value), unit).band.code == band


@pytest.mark.parametrize(
    ("test", "value", "unit", "sentence"),
    [
        ("total", "250", "pg/mL", "250 pg/mL is the same as 250 ng/L, and about 185 pmol/L."),
        ("total", "133", "pmol/L", "133 pmol/L is about 180 pg/mL, which is the same as 180 ng/L."),
        ("active", "50", "pmol/L", "50 pmol/L is about 68 pg/mL, which is the same as 68 ng/L."),
        ("total", "250.50", "ng/L", "250.5 ng/L is the same as 250.5 pg/mL, and about 185 pmol/L."),
    ],
)
def test_explanation_gives_the_value_in_the_other_unit(test, value, unit, sentence):
    assert bands.explain(test, Decimal(value), unit).conversions == [sentence]


def test_bands_name_their_source_and_the_usual_next_step_for_the_middle_band():
    assert bands.SOURCE_KEY == "nice-ng239"
    assert "MMA" in bands.TOTAL_B12.bands[bands.MIDDLE].next_step
    assert "active B12" in bands.TOTAL_B12.bands[bands.MIDDLE].next_step
    assert "MMA" in bands.ACTIVE_B12.bands[bands.MIDDLE].next_step
