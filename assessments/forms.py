"""Read the explorer's and the result explainer's POSTed forms, tolerating any input."""

from urllib.parse import parse_qsl

from django import forms
from django.core.exceptions import TooManyFieldsSent
from django.http import QueryDict
from django.http.request import RawPostDataException

from assessments import bands
from assessments.overlap import Selection

SYMPTOM_PARAM = "symptom"
RED_FLAG_PARAM = "flag"
# The optional "I already have an MS diagnosis" box: it changes wording only, never stored.
HAS_MS_PARAM, HAS_MS_VALUE = "ms", "yes"

# A form with more fields than Django's limit is read only this far, never rejected.
MAX_FIELDS = 1000


def read_form(request) -> tuple[QueryDict, bool]:
    """The POSTed fields, and whether some were dropped because there were too many.

    Anything else reads as an empty form: parameters in the address are ignored, so an old
    shared link never shows anyone's answers.
    """
    if request.method != "POST":
        return QueryDict(), False
    try:
        return request.POST, False
    except TooManyFieldsSent:
        return _first_fields(request), True


def _first_fields(request) -> QueryDict:
    fields = QueryDict(mutable=True)
    try:
        body = request.body.decode("utf-8", errors="replace")
    except RawPostDataException:  # a multipart body is read as it is parsed: nothing is left
        return fields
    pairs = body.split("&", MAX_FIELDS)[:MAX_FIELDS]
    for key, value in parse_qsl("&".join(pairs), keep_blank_values=True):
        fields.appendlist(key, value)
    return fields


def parse_selection(query: QueryDict, catalogue, truncated: bool = False) -> Selection:
    """Keep the slugs we know, in catalogue order; count the others (never echo them)."""
    wanted_symptoms = set(query.getlist(SYMPTOM_PARAM))
    wanted_flags = set(query.getlist(RED_FLAG_PARAM))
    symptoms = [s for s in catalogue.symptoms if s.slug in wanted_symptoms]
    flags = [f for f in catalogue.red_flags if f.slug in wanted_flags]
    ignored = len(wanted_symptoms) - len(symptoms) + len(wanted_flags) - len(flags)
    return Selection(
        symptoms=symptoms, red_flags=flags, ignored=ignored, truncated=truncated,
        has_ms=HAS_MS_VALUE in query.getlist(HAS_MS_PARAM),
    )


TEST_CHOICES = [
    (bands.TOTAL_B12.slug, "Serum (total) B12"),
    (bands.ACTIVE_B12.slug, "Active B12 (holotranscobalamin)"),
]
UNIT_CHOICES = [(unit, unit) for unit in bands.UNITS]

MSG_TEST_REQUIRED = "Choose which test you had: total B12 or active B12."
MSG_TEST_UNKNOWN = "Choose one of the two tests in the list: total B12 or active B12."
MSG_VALUE_REQUIRED = "Enter your result as a number, for example 250."
MSG_VALUE_NOT_NUMBER = "Enter your result as a number, for example 250, 250.5 or <150."
MSG_VALUE_NOT_FINITE = "Enter a real number from your result, for example 250."
MSG_VALUE_NEGATIVE = "Your result cannot be below zero. Check the number and try again."
MSG_VALUE_ZERO = "Your result must be more than zero. Check the number and try again."
MSG_VALUE_TOO_BIG = "That number is too big for a B12 result. Check the number and try again."
MSG_VALUE_COMMA_UNCLEAR = (
    "We cannot tell if the comma is a decimal point. Type the number without it, like 1250, "
    "or with a dot for a decimal, like 1.25."
)
MSG_UNIT_REQUIRED = "Choose the unit shown next to your result: pg/mL, ng/L or pmol/L."
MSG_UNIT_UNKNOWN = "Choose one of the units in the list: pg/mL, ng/L or pmol/L."

VALUE_MESSAGES = {
    bands.REQUIRED: MSG_VALUE_REQUIRED,
    bands.NOT_NUMBER: MSG_VALUE_NOT_NUMBER,
    bands.NOT_FINITE: MSG_VALUE_NOT_FINITE,
    bands.NEGATIVE: MSG_VALUE_NEGATIVE,
    bands.ZERO: MSG_VALUE_ZERO,
    bands.TOO_BIG: MSG_VALUE_TOO_BIG,
    bands.COMMA_UNCLEAR: MSG_VALUE_COMMA_UNCLEAR,
}


class ResultExplainerForm(forms.Form):
    test = forms.ChoiceField(
        choices=TEST_CHOICES,
        error_messages={"required": MSG_TEST_REQUIRED, "invalid_choice": MSG_TEST_UNKNOWN},
    )
    value = forms.CharField(required=False, strip=True)
    unit = forms.ChoiceField(
        choices=UNIT_CHOICES,
        error_messages={"required": MSG_UNIT_REQUIRED, "invalid_choice": MSG_UNIT_UNKNOWN},
    )

    def clean_value(self) -> bands.Reading:
        try:
            return bands.parse_result(self.cleaned_data.get("value"))
        except bands.ResultNotRead as problem:
            raise forms.ValidationError(VALUE_MESSAGES[problem.code], code=problem.code) from None

    def explanation(self) -> bands.Explanation | None:
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return bands.explain(data["test"], data["value"], data["unit"])
