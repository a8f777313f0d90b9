"""Symptom-overlap explorer, appointment sheet and test-result explainer (educational only).

Privacy: what a person ticks or types arrives in a POST body, never in the address, so it stays
out of browser history and server logs. A GET shows the empty page, whatever its parameters.
These views write nothing, touch no session and set no cookie; responses are private, no-store.
"""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.vary import vary_on_headers

from assessments import bands, selectors
from assessments.forms import ResultExplainerForm, parse_selection, read_form
from assessments.overlap import explorer_result, provenance
from config.http import get_or_post
from handouts.context import handout_context

no_store = cache_control(private=True, no_store=True)

SHEET_TITLE = "Take this to your appointment"


def _explorer_context(request) -> dict:
    data, truncated = read_form(request)
    catalogue = selectors.explorer_catalogue()
    result = explorer_result(parse_selection(data, catalogue, truncated=truncated), catalogue)
    return {
        "catalogue": catalogue,
        "flag_blocks": catalogue.flag_blocks(),
        "symptom_groups": catalogue.symptom_groups(),
        "ticked": {sign.input_id for sign in result.signs},
        "result": result,
    }


@get_or_post
# Exempt: pure computation (no session, no write), so forgery is harmless; a token sets a cookie.
@csrf_exempt
@no_store
@vary_on_headers("HX-Request")
def explorer(request):
    template = "assessments/explorer.html"
    context = _explorer_context(request)
    if request.htmx and not request.htmx.history_restore_request:
        # htmx swaps the results and, out of band, the card under each box that needs one.
        template += "#results"
        context["htmx_partial"] = True
    else:
        # Without JavaScript the submitted page leads with its care cards (#answer).
        context["answer_at_top"] = bool(context["result"].cards)
    return render(request, template, context)


@get_or_post
# Exempt: pure computation (no session, no write), so forgery is harmless; a token sets a cookie.
@csrf_exempt
@no_store
def appointment_sheet(request):
    context = _explorer_context(request)
    result, catalogue = context["result"], context["catalogue"]
    # The QR code and address lead to the empty explorer, never to anyone's answers.
    context.update(
        handout_context(page_url=reverse("assessments:explorer"), title=SHEET_TITLE, review=None),
        sources=provenance(
            [sign.row for sign in result.symptoms] + catalogue.lab_tests,
            also_named=[card.source_name for card in result.cards],
        ),
    )
    return render(request, "assessments/appointment_sheet.html", context)


@get_or_post
# Exempt: pure computation (no session, no write), so forgery is harmless; a token sets a cookie.
@csrf_exempt
@no_store
def result_explainer(request):
    data, _ = read_form(request)
    submitted = any(name in data for name in ("test", "value", "unit"))
    form = ResultExplainerForm(data if submitted else None)
    return render(
        request,
        "assessments/result_explainer.html",
        {
            "form": form,
            "explanation": form.explanation() if submitted else None,
            "scales": list(bands.SCALES.values()),
            "max_value": bands.MAX_VALUE,
        },
    )
