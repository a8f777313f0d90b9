"""NICE NG239 bands, B12 unit conversion, reading a typed result and catching typing mistakes."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments import bands


def explain(test: str, typed: str, unit: str) -> bands.Explanation:
    return bands.explain(test, bands.parse_result(typed), unit)


# --- Units -----------------------------------------------------------------------------------


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


# --- Bands, compared on the exact value ------------------------------------------------------


@pytest.mark.parametrize(
    ("test", "typed", "unit", "band"),
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
        # Decimals are compared as typed, never rounded first.
        ("total", "179.4", "ng/L", bands.LOW),
        ("total", "179.5", "ng/L", bands.LOW),
        ("total", "179.999", "ng/L", bands.LOW),
        ("total", "180.0", "ng/L", bands.MIDDLE),
        ("total", "350.4", "ng/L", bands.HIGH),
        ("total", "350.001", "ng/L", bands.HIGH),
        # Total B12 given in pmol/L is compared in ng/L, exactly.
        ("total", "132", "pmol/L", bands.LOW),  # 178.86 ng/L
        ("total", "132.8", "pmol/L", bands.LOW),  # 179.944 ng/L
        ("total", "133", "pmol/L", bands.MIDDLE),  # 180.215 ng/L
        ("total", "258", "pmol/L", bands.MIDDLE),  # 349.59 ng/L
        ("total", "259", "pmol/L", bands.HIGH),  # 350.945 ng/L
        # Active B12 in pmol/L: 25 and 70 are in the middle band.
        ("active", "24", "pmol/L", bands.LOW),
        ("active", "24.9", "pmol/L", bands.LOW),
        ("active", "25", "pmol/L", bands.MIDDLE),
        ("active", "70", "pmol/L", bands.MIDDLE),
        ("active", "70.1", "pmol/L", bands.HIGH),
        ("active", "71", "pmol/L", bands.HIGH),
    ],
)
def test_band_boundaries(test, typed, unit, band):
    explanation = explain(test, typed, unit)
    assert explanation.check is None
    assert explanation.band.code == band


def test_179_5_ng_l_is_in_the_deficiency_likely_band_not_rounded_into_180_to_350():
    explanation = explain("total", "179.5", "ng/L")
    assert explanation.band.range_text == "below 180 ng/L"
    assert "likely" in explanation.band.nice_meaning
    assert explanation.comparison == "Your result, 179.5 ng/L, is below 180 ng/L."


def test_a_converted_value_next_to_a_cut_off_is_never_shown_on_the_other_side_of_it():
    # 132.8 pmol/L is 179.944 ng/L: "about 180" would contradict "below 180".
    explanation = explain("total", "132.8", "pmol/L")
    assert explanation.conversions == (
        "132.8 pmol/L is about 179.9 pg/mL, which is the same as 179.9 ng/L.",
    )
    assert explanation.comparison == "Your result, about 179.9 ng/L, is below 180 ng/L."


@pytest.mark.parametrize(
    ("test", "typed", "unit", "sentence"),
    [
        ("total", "250", "pg/mL", "250 pg/mL is the same as 250 ng/L, and about 185 pmol/L."),
        ("total", "133", "pmol/L", "133 pmol/L is about 180 pg/mL, which is the same as 180 ng/L."),
        ("total", "250.50", "ng/L", "250.5 ng/L is the same as 250.5 pg/mL, and about 185 pmol/L."),
        ("total", "<150", "ng/L",
         "Below 150 ng/L is the same as below 150 pg/mL, and below about 111 pmol/L."),
        ("total", ">2000", "pg/mL",
         "Above 2000 pg/mL is the same as above 2000 ng/L, and above about 1476 pmol/L."),
    ],
)
def test_total_b12_is_given_in_the_other_units(test, typed, unit, sentence):
    assert explain(test, typed, unit).conversions == (sentence,)


@pytest.mark.parametrize("typed", ["24", "50", "61.5", "<25", ">70", "140"])
def test_active_b12_is_never_converted_into_ng_l_or_pg_ml(typed):
    explanation = explain("active", typed, "pmol/L")
    assert explanation.conversions == ()
    assert "ng/L" not in explanation.comparison and "pg/mL" not in explanation.comparison


def test_bands_name_their_source_and_the_usual_next_step_for_the_middle_band():
    assert bands.SOURCE_KEY == "nice-ng239"
    assert "MMA" in bands.TOTAL_B12.bands[bands.MIDDLE].next_step
    assert "active B12" in bands.TOTAL_B12.bands[bands.MIDDLE].next_step
    assert "MMA" in bands.ACTIVE_B12.bands[bands.MIDDLE].next_step


# --- "<" and ">" results ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("test", "typed", "unit", "reached"),
    [
        ("total", "<150", "ng/L", [bands.LOW]),  # every number below 150 is below 180
        ("total", "<180", "ng/L", [bands.LOW]),  # below 180, not 180 itself
        ("total", "<180.5", "ng/L", [bands.LOW, bands.MIDDLE]),
        ("total", "<200", "pg/mL", [bands.LOW, bands.MIDDLE]),
        ("total", "<400", "ng/L", [bands.LOW, bands.MIDDLE, bands.HIGH]),
        ("total", "<133", "pmol/L", [bands.LOW, bands.MIDDLE]),  # 180.2 ng/L
        ("total", "<132.8", "pmol/L", [bands.LOW]),  # 179.9 ng/L
        ("total", ">2000", "pg/mL", [bands.HIGH]),
        ("total", ">350", "ng/L", [bands.HIGH]),  # above 350, not 350 itself
        ("total", ">300", "ng/L", [bands.MIDDLE, bands.HIGH]),
        ("total", ">150", "ng/L", [bands.LOW, bands.MIDDLE, bands.HIGH]),
        ("active", "<25", "pmol/L", [bands.LOW]),
        ("active", "<30", "pmol/L", [bands.LOW, bands.MIDDLE]),
        ("active", ">70", "pmol/L", [bands.HIGH]),
        ("active", ">60", "pmol/L", [bands.MIDDLE, bands.HIGH]),
    ],
)
def test_a_sign_result_is_placed_only_when_the_whole_range_is_in_one_band(
    test, typed, unit, reached
):
    explanation = explain(test, typed, unit)
    assert [band.code for band in explanation.bands_reached] == reached
    if len(reached) == 1:
        assert explanation.placed and explanation.band.code == reached[0]
    else:
        assert not explanation.placed
        assert "cannot place your result in one band" in explanation.comparison
        assert "lab or your GP" in explanation.next_step


def test_below_150_says_every_number_below_it_is_below_180():
    assert explain("total", "<150", "ng/L").comparison == (
        "Your result is below 150 ng/L. Every number below 150 is below 180 ng/L."
    )


@pytest.mark.parametrize(
    ("test", "typed", "unit", "high_note"),
    [
        ("total", "2000", "pg/mL", True),
        ("total", ">2000", "pg/mL", True),
        ("total", "351", "ng/L", True),
        ("total", "350", "ng/L", False),
        ("total", ">300", "ng/L", False),  # might not be above 350
        ("active", ">70", "pmol/L", False),  # the brief's fact is about total B12
    ],
)
def test_a_high_total_result_gets_the_high_result_explanation(test, typed, unit, high_note):
    assert explain(test, typed, unit).high_total_result is high_note


# --- Reading what was typed ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value", "qualifier", "comma"),
    [
        ("250", "250", "", False),
        (" 250 ", "250", "", False),
        ("250.5", "250.5", "", False),
        ("250,5", "250.5", "", True),
        ("61,25", "61.25", "", True),
        ("0,250", "0.25", "", True),  # a leading 0 is never a thousands separator
        (",5", "0.5", "", True),
        ("<150", "150", "<", False),
        ("< 150", "150", "<", False),
        (">2000", "2000", ">", False),
        ("> 2 000", "2000", ">", False),
        ("<179,5", "179.5", "<", True),
    ],
)
def test_lab_formats_are_read(typed, value, qualifier, comma):
    reading = bands.parse_result(typed)
    assert reading.value == Decimal(value)
    assert reading.qualifier == qualifier
    assert reading.decimal_comma is comma


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", bands.REQUIRED),
        ("   ", bands.REQUIRED),
        (None, bands.REQUIRED),
        ("1,250", bands.COMMA_UNCLEAR),  # a thousand and more, or one and a quarter?
        ("12,500", bands.COMMA_UNCLEAR),
        ("1,250,000", bands.COMMA_UNCLEAR),
        ("1,250.5", bands.COMMA_UNCLEAR),
        ("250,", bands.COMMA_UNCLEAR),
        ("abc", bands.NOT_NUMBER),
        ("a,b", bands.NOT_NUMBER),
        ("<", bands.NOT_NUMBER),
        ("<<150", bands.NOT_NUMBER),
        ("<=150", bands.NOT_NUMBER),
        ("150<", bands.NOT_NUMBER),
        ("1e3", bands.NOT_NUMBER),
        ("1_000", bands.NOT_NUMBER),
        ("١٢٣", bands.NOT_NUMBER),
        ("1" * 31, bands.NOT_NUMBER),
        ("NaN", bands.NOT_FINITE),
        ("<inf", bands.NOT_FINITE),
        ("-5", bands.NEGATIVE),
        ("<-5", bands.NEGATIVE),
        ("0", bands.ZERO),
        ("<0", bands.ZERO),
        ("0,0", bands.ZERO),
        ("100001", bands.TOO_BIG),
        (">100001", bands.TOO_BIG),
    ],
)
def test_what_cannot_be_read_says_why(typed, code):
    with pytest.raises(bands.ResultNotRead) as problem:
        bands.parse_result(typed)
    assert problem.value.code == code


# --- Checks for typing mistakes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("test", "typed", "unit", "check"),
    [
        # Active B12 is in pmol/L: a pg/mL or ng/L value is checked, never converted or placed.
        ("active", "50", "pg/mL", bands.CHECK_ACTIVE_UNIT),
        ("active", "50", "ng/L", bands.CHECK_ACTIVE_UNIT),
        ("active", "<30", "pg/mL", bands.CHECK_ACTIVE_UNIT),
        ("active", "140", "pmol/L", None),
        ("active", "140.1", "pmol/L", bands.CHECK_ACTIVE_TOO_HIGH),
        ("active", "250", "pmol/L", bands.CHECK_ACTIVE_TOO_HIGH),
        ("active", "0.5", "pmol/L", None),  # very low active B12 can be real: placed, low band
        # Total B12 under 100 ng/L (about 74 pmol/L) looks like an active B12 result.
        ("total", "20", "pmol/L", bands.CHECK_TOTAL_TOO_LOW),
        ("total", "73.8", "pmol/L", bands.CHECK_TOTAL_TOO_LOW),  # 99.999 ng/L
        ("total", "74", "pmol/L", None),  # 100.27 ng/L
        ("total", "99.9", "ng/L", bands.CHECK_TOTAL_TOO_LOW),
        ("total", "100", "pg/mL", None),
        ("total", "<50", "ng/L", bands.CHECK_TOTAL_TOO_LOW),
        ("total", "<150", "ng/L", None),
        # Total B12 over 20000 ng/L: a lost decimal point.
        ("total", "20000", "ng/L", None),
        ("total", "25000", "ng/L", bands.CHECK_TOTAL_TOO_HIGH),
        ("total", ">2000", "pg/mL", None),
    ],
)
def test_likely_typing_mistakes_are_checked(test, typed, unit, check):
    explanation = explain(test, typed, unit)
    assert (explanation.check.code if explanation.check else None) == check
    if check:  # nothing is converted or placed until the reader has looked again
        assert explanation.band is None and explanation.bands_reached == ()
        assert explanation.conversions == () and explanation.comparison == ""


def test_50_pg_ml_as_active_b12_is_not_converted_to_37_pmol_l_and_called_indeterminate():
    explanation = explain("active", "50", "pg/mL")
    assert explanation.check.code == bands.CHECK_ACTIVE_UNIT
    assert "pmol/L" in explanation.check.sentences[0]
    assert explanation.band is None


def test_a_total_b12_of_20_pmol_l_raises_a_doubt_naming_the_active_b12_cut_offs():
    check = explain("total", "20", "pmol/L").check
    assert check.code == bands.CHECK_TOTAL_TOO_LOW
    assert "25 and 70 pmol/L" in " ".join(check.sentences)


def test_plausibility_limits_sit_far_outside_the_nice_cut_offs():
    """They catch typing mistakes; they are not clinical thresholds and never move a band."""
    assert bands.TOTAL_LOWEST_PLAUSIBLE_NG_L < 150 < bands.TOTAL_B12.low_cutoff
    assert bands.TOTAL_HIGHEST_PLAUSIBLE_NG_L >= 10 * 2000
    assert bands.ACTIVE_HIGHEST_PLAUSIBLE_PMOL_L >= 2 * bands.ACTIVE_B12.high_cutoff
    assert len(bands.CHECKS) == 4


# --- Properties ------------------------------------------------------------------------------

typed_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
lab_like = st.builds(
    lambda sign, number, comma: sign + (number.replace(".", ",") if comma else number),
    st.sampled_from(["", "<", ">", "< ", "> "]),
    st.decimals(min_value=Decimal("0.001"), max_value=bands.MAX_VALUE, places=3,
                allow_nan=False, allow_infinity=False).map(lambda d: f"{d.normalize():f}"),
    st.booleans(),
)
tests_ = st.sampled_from(list(bands.SCALES))
units = st.sampled_from(bands.UNITS)


@given(typed=typed_text | lab_like, test=tests_, unit=units)
def test_anything_typed_is_either_refused_with_a_reason_or_explained(typed, test, unit):
    try:
        reading = bands.parse_result(typed)
    except bands.ResultNotRead as problem:
        assert problem.code in {bands.REQUIRED, bands.NOT_NUMBER, bands.NOT_FINITE,
                                bands.NEGATIVE, bands.ZERO, bands.TOO_BIG, bands.COMMA_UNCLEAR}
        return
    explanation = bands.explain(test, reading, unit)
    if explanation.check is None:
        assert explanation.bands_reached
        assert explanation.placed == (len(explanation.bands_reached) == 1)
        assert explanation.comparison and explanation.next_step
    if test == "active":
        assert explanation.conversions == ()


exact_values = st.decimals(min_value=Decimal("0.0001"), max_value=bands.MAX_VALUE, places=4,
                           allow_nan=False, allow_infinity=False)


@given(value=exact_values, unit=units)
def test_total_b12_bands_compare_the_unrounded_value(value, unit):
    in_ng_l = value * (bands.PG_PER_PMOL if unit == "pmol/L" else 1)
    expected = bands.LOW if in_ng_l < 180 else bands.HIGH if in_ng_l > 350 else bands.MIDDLE
    reached = bands.TOTAL_B12.bands_reached("", bands.convert(value, unit, "ng/L"))
    assert [band.code for band in reached] == [expected]


@given(value=exact_values)
def test_active_b12_bands_compare_the_unrounded_value(value):
    expected = bands.LOW if value < 25 else bands.HIGH if value > 70 else bands.MIDDLE
    assert bands.ACTIVE_B12.band_for(value).code == expected


@given(value=exact_values, scale=st.sampled_from(list(bands.SCALES.values())),
       qualifier=st.sampled_from(["", "<", ">"]))
def test_a_shown_number_is_never_in_another_band_than_the_exact_one(value, scale, qualifier):
    shown = Decimal(bands.shown_in_scale(scale, value, qualifier))
    assert scale.bands_reached(qualifier, shown) == scale.bands_reached(qualifier, value)
    assert abs(shown - value) <= Decimal("0.5")


@given(value=exact_values, scale=st.sampled_from(list(bands.SCALES.values())),
       fraction=st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("0.9999"), places=4),
       extra=st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(10**6), places=4))
def test_a_placed_sign_result_holds_for_every_number_in_its_range(value, scale, fraction, extra):
    below = scale.bands_reached("<", value)
    if len(below) == 1:  # then any number below value is in that band
        assert scale.band_for(value * fraction) == below[0]
    above = scale.bands_reached(">", value)
    if len(above) == 1:
        assert scale.band_for(value + extra) == above[0]
    # And a range that reaches several bands really does: its ends are in different bands.
    if len(below) > 1:
        assert scale.band_for(Decimal("0.00001")) != scale.band_for(value - Decimal("0.00001"))


@given(value=exact_values)
def test_converting_there_and_back_keeps_the_value(value):
    there_and_back = bands.convert(bands.convert(value, "pg/mL", "pmol/L"), "pmol/L", "ng/L")
    assert abs(there_and_back - value) <= value * Decimal("0.0001")
