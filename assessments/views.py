"""Symptom-overlap explorer and test-result explainer (educational only).

Privacy: these views read the query string and render. They write nothing, touch no session
and set no cookie; responses that echo input are marked private and no-store.
"""

from urllib.parse import urlencode

from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from assessments import bands, selectors
from assessments.forms import (
    RED_FLAG_PARAM,
    SYMPTOM_PARAM,
    ResultExplainerForm,
    parse_selection,
    read_query,
)
from assessments.overlap import explorer_result

no_store = cache_control(private=True, no_store=True)


def _explorer_context(request) -> dict:
    query, truncated = read_query(request)
    catalogue = selectors.explorer_catalogue()
    selection = parse_selection(query, catalogue, truncated=truncated)
    # Only known slugs go back into links, so nothing unknown is ever echoed.
    selection_query = urlencode(
        [(SYMPTOM_PARAM, s.slug) for s in selection.symptoms]
        + [(RED_FLAG_PARAM, f.slug) for f in selection.red_flags]
    )
    return {
        "catalogue": catalogue,
        "symptom_groups": catalogue.symptom_groups(),
        "ticked_symptoms": {s.slug for s in selection.symptoms},
        "ticked_flags": {f.slug for f in selection.red_flags},
        "result": explorer_result(selection),
        "selection_query": selection_query,
    }


@require_GET
@no_store
@vary_on_headers("HX-Request")
def explorer(request):
    template = "assessments/explorer.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    return render(request, template, _explorer_context(request))


@require_GET
@no_store
def appointment_sheet(request):
    return render(request, "assessments/appointment_sheet.html", _explorer_context(request))


@require_GET
@no_store
def result_explainer(request):
    query, _ = read_query(request)
    submitted = any(name in query for name in ("test", "value", "unit"))
    form = ResultExplainerForm(query if submitted else None)
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
