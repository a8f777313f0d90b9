"""Read a typed B12 result, catch likely typing mistakes, and place it in a NICE NG239 band.

Pure functions, no Django. A result is compared with the cut-offs exactly, never rounded first
(179.5 ng/L is below 180); only the numbers shown to the reader are rounded, and never across a
cut-off. A value equal to a cut-off is in the middle band (NICE: 180-350 ng/L, 25-70 pmol/L).
A "<150" or ">2000" result is placed only when every number below or above it is in one band.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

SOURCE_KEY = "nice-ng239"
UNITS_SOURCE_KEY = "nice-ng239"

# B12 (cobalamin) molar mass is 1355.37 g/mol, so 1 pmol/L = 1.355 pg/mL and
# 1 pg/mL = 0.738 pmol/L. These are the evidence brief's figures; 1 ng/L is 1 pg/mL.
MOLAR_MASS_G_PER_MOL = Decimal("1355.37")
PMOL_PER_PG = Decimal("0.738")
PG_PER_PMOL = Decimal("1.355")

PG_ML = "pg/mL"
NG_L = "ng/L"
PMOL_L = "pmol/L"
UNITS = (PG_ML, NG_L, PMOL_L)
MASS_UNITS = (PG_ML, NG_L)

# Anything above this is not a B12 result (typing slip); the form rejects it.
MAX_VALUE = Decimal(100000)
MAX_TEXT_LENGTH = 30

LOW = "low"
MIDDLE = "middle"
HIGH = "high"

BELOW = "<"
ABOVE = ">"
EXACT = ""


@dataclass(frozen=True)
class Band:
    code: str
    range_text: str
    nice_meaning: str
    next_step: str


@dataclass(frozen=True)
class Scale:
    slug: str
    name: str
    unit: str
    low_cutoff: int  # values below this are in the low band
    high_cutoff: int  # values above this are in the high band
    bands: dict

    def band_for(self, value: Decimal) -> Band:
        """The band of an exact value in this scale's unit: no rounding before comparing."""
        if value < self.low_cutoff:
            return self.bands[LOW]
        if value > self.high_cutoff:
            return self.bands[HIGH]
        return self.bands[MIDDLE]

    def bands_reached(self, qualifier: str, value: Decimal) -> tuple[Band, ...]:
        """Every band a result can be in: one for an exact value, maybe more for "<" or ">"."""
        if qualifier == BELOW:  # any number from just above zero up to, not including, value
            codes = [LOW]
            codes += [MIDDLE] if value > self.low_cutoff else []
            codes += [HIGH] if value > self.high_cutoff else []
        elif qualifier == ABOVE:  # any number above value
            codes = [LOW] if value < self.low_cutoff else []
            codes += [MIDDLE] if value < self.high_cutoff else []
            codes += [HIGH]
        else:
            return (self.band_for(value),)
        return tuple(self.bands[code] for code in codes)


TOTAL_B12 = Scale(
    slug="total",
    name="Serum (total) B12",
    unit=NG_L,
    low_cutoff=180,
    high_cutoff=350,
    bands={
        LOW: Band(
            LOW,
            "below 180 ng/L",
            "NICE says B12 deficiency is likely in this band.",
            "Talk with your GP about what it means. They will usually look for the cause and talk "
            "with you about treatment.",
        ),
        MIDDLE: Band(
            MIDDLE,
            "180 to 350 ng/L",
            "NICE calls this band indeterminate. That means the test alone cannot tell.",
            "Ask your GP whether you need a second test: an MMA test or an active B12 test.",
        ),
        HIGH: Band(
            HIGH,
            "above 350 ng/L",
            "NICE says B12 deficiency is unlikely in this band.",
            "If your symptoms go on, ask your GP or MS team what else could cause them.",
        ),
    },
)

ACTIVE_B12 = Scale(
    slug="active",
    name="Active B12 (holotranscobalamin)",
    unit=PMOL_L,
    low_cutoff=25,
    high_cutoff=70,
    bands={
        LOW: Band(
            LOW,
            "below 25 pmol/L",
            "NICE says B12 deficiency is likely in this band.",
            "Talk with your GP about what it means. They will usually look for the cause and talk "
            "with you about treatment.",
        ),
        MIDDLE: Band(
            MIDDLE,
            "25 to 70 pmol/L",
            "NICE calls this band indeterminate. That means the test alone cannot tell.",
            "Ask your GP whether you need an MMA test as well.",
        ),
        HIGH: Band(
            HIGH,
            "above 70 pmol/L",
            "NICE says B12 deficiency is unlikely in this band.",
            "If your symptoms go on, ask your GP or MS team what else could cause them.",
        ),
    },
)

SCALES = {TOTAL_B12.slug: TOTAL_B12, ACTIVE_B12.slug: ACTIVE_B12}

UNPLACED_NEXT_STEP = "Ask the lab or your GP what your result means."


# --- Units -----------------------------------------------------------------------------------


def to_whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """Convert a B12 value between pg/mL, ng/L (the same thing) and pmol/L, exactly."""
    if from_unit not in UNITS or to_unit not in UNITS:
        raise ValueError(f"unknown unit: {from_unit!r} or {to_unit!r}")
    from_mass, to_mass = from_unit in MASS_UNITS, to_unit in MASS_UNITS
    if from_mass == to_mass:
        return value
    # Enough digits that a 30-character number times a 4-digit factor is never rounded, so a
    # value next to a cut-off stays on its own side of it.
    with localcontext() as context:
        context.prec = 80
        return +(value * (PMOL_PER_PG if from_mass else PG_PER_PMOL))


def plain_number(value: Decimal) -> str:
    """250 -> '250', 250.50 -> '250.5', 1E+2 -> '100'."""
    return f"{value.normalize():f}"


def shown_in_scale(scale: Scale, value: Decimal, qualifier: str = EXACT) -> str:
    """A converted value rounded for reading, but never so far that it seems to be in a band
    it is not in: 179.96 ng/L shows as 179.96, not 180, and 180.2 behind "<" stays 180.2."""
    reached = scale.bands_reached(qualifier, value)
    for places in range(4):
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if rounded > 0 and scale.bands_reached(qualifier, rounded) == reached:
            return plain_number(rounded)
    return plain_number(value)


def _about(value: Decimal) -> str:
    """A conversion into a unit no band is compared in, to a whole number (halves up)."""
    whole = value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return plain_number(whole if whole > 0 else value.quantize(Decimal("0.01"), ROUND_HALF_UP))


# --- Reading what was typed ------------------------------------------------------------------

REQUIRED = "required"
NOT_NUMBER = "invalid"
NOT_FINITE = "not_finite"
NEGATIVE = "negative"
ZERO = "zero"
TOO_BIG = "too_big"
COMMA_UNCLEAR = "comma_unclear"

# Plain decimals only: no exponents ("1e999"), underscores or non-ASCII digits.
PLAIN_DECIMAL = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)")
DECIMAL_COMMA = re.compile(r"[+-]?[0-9]*,[0-9]+")
# "1,250" could be one thousand two hundred and fifty or one and a quarter: we never guess.
THOUSANDS_COMMA = re.compile(r"[+-]?[1-9][0-9]{0,2},[0-9]{3}")
DIGITS_AND_SEPARATORS = re.compile(r"[+-]?[0-9.,]+")


class ResultNotRead(ValueError):
    """What was typed is not a result we can read; code says why (the form words it)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Reading:
    value: Decimal  # the number typed, more than zero, never rounded
    qualifier: str = EXACT  # "<": below value; ">": above it (outside the lab's measuring range)
    decimal_comma: bool = False  # typed as "250,5"

    @property
    def number_text(self) -> str:
        return plain_number(self.value)

    @property
    def text(self) -> str:
        return f"{self.qualifier}{self.number_text}"


def parse_result(text: str | None) -> Reading:
    """'250', '250.5', '250,5', '<150', '> 2000' -> a Reading; anything else ResultNotRead."""
    text = re.sub(r"\s+", "", text or "")
    if not text:
        raise ResultNotRead(REQUIRED)
    if len(text) > MAX_TEXT_LENGTH:
        raise ResultNotRead(NOT_NUMBER)
    qualifier = EXACT
    if text[0] in (BELOW, ABOVE):
        qualifier, text = text[0], text[1:]
    decimal_comma = "," in text
    if decimal_comma:
        if DECIMAL_COMMA.fullmatch(text) and not THOUSANDS_COMMA.fullmatch(text):
            text = text.replace(",", ".")
        elif DIGITS_AND_SEPARATORS.fullmatch(text):
            raise ResultNotRead(COMMA_UNCLEAR)
        else:
            raise ResultNotRead(NOT_NUMBER)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ResultNotRead(NOT_NUMBER) from None
    if not number.is_finite():
        raise ResultNotRead(NOT_FINITE)
    if not PLAIN_DECIMAL.fullmatch(text):
        raise ResultNotRead(NOT_NUMBER)
    if number < 0:
        raise ResultNotRead(NEGATIVE)
    if number == 0:
        raise ResultNotRead(ZERO)
    if number > MAX_VALUE:
        raise ResultNotRead(TOO_BIG)
    return Reading(number, qualifier, decimal_comma)


# --- Checks for typing mistakes --------------------------------------------------------------

# Plausibility checks for typing mistakes (the wrong test, unit or decimal point), NOT clinical
# thresholds: a result outside them is not called abnormal, it is one we ask the reader to check
# against the report before we say what it means. Kept few, and drawn only from the brief's
# figures (the NICE cut-offs, the 0.738 / 1.355 factors, and "<150" / ">2000" as what labs print
# outside their measuring range). Wide on purpose: a real result should almost never trip them,
# and one that does still sends the reader to the GP.
# - Total B12 below 100 ng/L (about 74 pmol/L): two thirds of the "<150" lower measuring limit
#   and far below the 180 cut-off. "20 pmol/L" total (27 ng/L) is the size of an active B12
#   result (cut-offs 25 and 70 pmol/L), so the test was likely mixed up.
TOTAL_LOWEST_PLAUSIBLE_NG_L = Decimal(100)
# - Total B12 above 20000 ng/L: ten times the ">2000" upper measuring limit; a decimal point or
#   comma was likely lost ("250.00" typed as 25000).
TOTAL_HIGHEST_PLAUSIBLE_NG_L = Decimal(20000)
# - Active B12 above 140 pmol/L: twice the top cut-off (70). Total B12 in pmol/L has cut-offs of
#   about 133 and 258, so such a number is more likely a total B12 result.
ACTIVE_HIGHEST_PLAUSIBLE_PMOL_L = Decimal(140)
# - Active B12 in pg/mL or ng/L: its NICE bands are in pmol/L, the unit labs report it in, so
#   the unit (or the test) was likely mixed up; it is never converted.

CHECK_ACTIVE_UNIT = "active-unit"
CHECK_TOTAL_TOO_LOW = "total-too-low"
CHECK_TOTAL_TOO_HIGH = "total-too-high"
CHECK_ACTIVE_TOO_HIGH = "active-too-high"


@dataclass(frozen=True)
class Check:
    code: str
    title: str
    sentences: tuple[str, ...]


CHECKS = {
    CHECK_ACTIVE_UNIT: Check(
        CHECK_ACTIVE_UNIT,
        "Check the test and the unit",
        (
            "The NICE bands for active B12 are in pmol/L. We cannot place an active B12 result "
            "given in pg/mL or ng/L, and we do not change it into another unit.",
            "Look at your report again. If the unit there is pg/mL or ng/L, the test may be "
            "total B12. The NICE bands for total B12 are in ng/L, the same as pg/mL. If the unit "
            "is pmol/L, choose pmol/L.",
        ),
    ),
    CHECK_TOTAL_TOO_LOW: Check(
        CHECK_TOTAL_TOO_LOW,
        "Check the test and the unit",
        (
            "This number is very low for a total B12 test. It is far below 180 ng/L (about 133 "
            "pmol/L), the lowest NICE cut-off for total B12.",
            "It is closer to the NICE cut-offs for active B12, which are 25 and 70 pmol/L. Look "
            "at your report again. Was it an active B12 test? Which unit is shown?",
        ),
    ),
    CHECK_TOTAL_TOO_HIGH: Check(
        CHECK_TOTAL_TOO_HIGH,
        "Check the number",
        (
            "This number is very large for a total B12 result.",
            "Look at your report again. Is a dot or a comma missing? For example, 250.00 typed "
            "without the dot would be 25000.",
        ),
    ),
    CHECK_ACTIVE_TOO_HIGH: Check(
        CHECK_ACTIVE_TOO_HIGH,
        "Check the test",
        (
            "This number is very high for an active B12 test. The NICE cut-offs for active B12 "
            "are 25 and 70 pmol/L. For total B12 in pmol/L they are about 133 and 258.",
            "Look at your report again. Was it a total B12 test?",
        ),
    ),
}


def check_for_mistakes(scale: Scale, reading: Reading, unit: str) -> Check | None:
    """The check to show first when the result looks like a typing mistake, else None."""
    if scale is ACTIVE_B12:
        if unit in MASS_UNITS:
            return CHECKS[CHECK_ACTIVE_UNIT]
        if reading.value > ACTIVE_HIGHEST_PLAUSIBLE_PMOL_L:
            return CHECKS[CHECK_ACTIVE_TOO_HIGH]
        return None
    in_ng_l = convert(reading.value, unit, NG_L)
    if in_ng_l < TOTAL_LOWEST_PLAUSIBLE_NG_L:
        return CHECKS[CHECK_TOTAL_TOO_LOW]
    if in_ng_l > TOTAL_HIGHEST_PLAUSIBLE_NG_L:
        return CHECKS[CHECK_TOTAL_TOO_HIGH]
    return None


# --- The explanation -------------------------------------------------------------------------

SIGN_WORDS = {EXACT: "", BELOW: "below ", ABOVE: "above "}


@dataclass(frozen=True)
class Explanation:
    scale: Scale
    reading: Reading
    unit: str
    check: Check | None  # a likely typing mistake: then nothing is converted or placed
    band: Band | None  # None after a check, or when a "<" / ">" result reaches two bands
    bands_reached: tuple  # every band the result could be in
    conversions: tuple  # plain sentences, e.g. "250 pg/mL is ... about 185 pmol/L."
    comparison: str  # how the result was compared with the bands, in words

    @property
    def value_text(self) -> str:
        return self.reading.text

    @property
    def placed(self) -> bool:
        return self.band is not None

    @property
    def next_step(self) -> str:
        return self.band.next_step if self.band is not None else UNPLACED_NEXT_STEP

    @property
    def high_total_result(self) -> bool:
        """A total B12 result above the top cut-off: say what a high result usually means."""
        return self.scale is TOTAL_B12 and self.band is not None and self.band.code == HIGH


def _conversions(scale: Scale, reading: Reading, unit: str) -> tuple[str, ...]:
    if scale is ACTIVE_B12:
        return ()  # reported in pmol/L, the unit of its bands: no conversion means anything
    sign = SIGN_WORDS[reading.qualifier]
    number = reading.number_text
    if unit in MASS_UNITS:
        other = NG_L if unit == PG_ML else PG_ML
        pmol = _about(convert(reading.value, unit, PMOL_L))
        sentence = (f"{sign}{number} {unit} is the same as {sign}{number} {other}, "
                    f"and {sign}about {pmol} {PMOL_L}.")
    else:
        ng = shown_in_scale(scale, convert(reading.value, unit, NG_L), reading.qualifier)
        sentence = (f"{sign}{number} {PMOL_L} is {sign}about {ng} {PG_ML}, "
                    f"which is the same as {sign}{ng} {NG_L}.")
    return (sentence[0].upper() + sentence[1:],)


def _in_band(scale: Scale, band: Band) -> str:
    if band.code == MIDDLE:
        return f"in the band from {scale.low_cutoff} to {scale.high_cutoff} {scale.unit}"
    return band.range_text


def _comparison(scale: Scale, reading: Reading, unit: str, reached: tuple) -> str:
    converted = (unit in MASS_UNITS) != (scale.unit in MASS_UNITS)
    if converted:
        value = convert(reading.value, unit, scale.unit)
        shown = "about " + shown_in_scale(scale, value, reading.qualifier)
    else:
        shown = reading.number_text
    if reading.qualifier == EXACT:
        return f"Your result, {shown} {scale.unit}, is {_in_band(scale, reached[0])}."
    sign = SIGN_WORDS[reading.qualifier]
    start = f"Your result is {sign}{shown} {scale.unit}."
    bound = shown.removeprefix("about ")
    if len(reached) == 1:
        return f"{start} Every number {sign}{bound} is {_in_band(scale, reached[0])}."
    ranges = " or ".join(_in_band(scale, band) for band in reached)
    return (f"{start} A number {sign}{bound} could be {ranges}. These are different NICE bands, "
            f"so we cannot place your result in one band.")


def explain(test: str, reading: Reading, unit: str) -> Explanation:
    scale = SCALES[test]
    if unit not in UNITS:
        raise ValueError(f"unknown unit: {unit!r}")
    check = check_for_mistakes(scale, reading, unit)
    if check is not None:
        return Explanation(scale, reading, unit, check, None, (), (), "")
    reached = scale.bands_reached(reading.qualifier, convert(reading.value, unit, scale.unit))
    return Explanation(
        scale=scale,
        reading=reading,
        unit=unit,
        check=None,
        band=reached[0] if len(reached) == 1 else None,
        bands_reached=reached,
        conversions=_conversions(scale, reading, unit),
        comparison=_comparison(scale, reading, unit, reached),
    )
