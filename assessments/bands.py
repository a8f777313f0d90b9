"""NICE NG239 result bands for B12 tests, and unit conversion between pg/mL and pmol/L.

Boundaries, one rule for every test: the result is first put in the band's own unit and rounded
to a whole number (halves round up); a value equal to either cut-off is in the middle band.
So for total B12, 179 ng/L is below, 180 and 350 are in the middle band, and 351 is above.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

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

LOW = "low"
MIDDLE = "middle"
HIGH = "high"


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

    def band_for(self, whole_value: int) -> Band:
        if whole_value < self.low_cutoff:
            return self.bands[LOW]
        if whole_value > self.high_cutoff:
            return self.bands[HIGH]
        return self.bands[MIDDLE]


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


def to_whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """Convert a B12 value between pg/mL, ng/L (the same thing) and pmol/L."""
    if from_unit not in UNITS or to_unit not in UNITS:
        raise ValueError(f"unknown unit: {from_unit!r} or {to_unit!r}")
    from_mass, to_mass = from_unit in MASS_UNITS, to_unit in MASS_UNITS
    if from_mass == to_mass:
        return value
    return value * PMOL_PER_PG if from_mass else value * PG_PER_PMOL


def plain_number(value: Decimal) -> str:
    """250 -> '250', 250.50 -> '250.5', 1E+2 -> '100'."""
    text = f"{value.normalize():f}"
    return text


@dataclass(frozen=True)
class Explanation:
    scale: Scale
    value_text: str  # the number as the person gave it, tidied
    unit: str
    band_value: int  # whole number in the scale's unit, the one compared with the cut-offs
    band: Band
    conversions: list  # plain sentences, e.g. "250 pg/mL is about 185 pmol/L."


def explain(test: str, value: Decimal, unit: str) -> Explanation:
    scale = SCALES[test]
    value_text = plain_number(value)
    band_value = to_whole(convert(value, unit, scale.unit))
    conversions = []
    if unit in MASS_UNITS:
        other_mass = NG_L if unit == PG_ML else PG_ML
        pmol = to_whole(convert(value, unit, PMOL_L))
        conversions.append(
            f"{value_text} {unit} is the same as {value_text} {other_mass}, "
            f"and about {pmol} {PMOL_L}."
        )
    else:
        pg = to_whole(convert(value, unit, PG_ML))
        conversions.append(
            f"{value_text} {PMOL_L} is about {pg} {PG_ML}, which is the same as {pg} {NG_L}."
        )
    return Explanation(
        scale=scale,
        value_text=value_text,
        unit=unit,
        band_value=band_value,
        band=scale.band_for(band_value),
        conversions=conversions,
    )
