"""The "Check a text" page: a pasted text, sentence by sentence, beside the claims we checked.

Privacy, as the symptom explorer: the text arrives in a POST body, never in the address, so it
stays out of browser history and server logs; it is not saved, cached or written to a log, and
error reports leave it out (sensitive_post_parameters). Responses are private and no-store.
"""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.vary import vary_on_headers

from claims.forms import CheckTextForm
from claims.text_check import MAX_SENTENCES, claims_in_text
from claims.views import wants_partial
from config.http import get_or_post

TEMPLATE = "claims/check.html"


@get_or_post
@sensitive_post_parameters("text")
@cache_control(private=True, no_store=True)
@vary_on_headers("HX-Request")
def check_text(request):
    form = CheckTextForm(request.POST if request.method == "POST" else None)
    result = claims_in_text(form.cleaned_data["text"]) if form.is_valid() else None
    partial = wants_partial(request)
    context = {
        "form": form,
        "result": result,
        "htmx_partial": partial,
        "max_sentences": MAX_SENTENCES,
        "retention_days": settings.SUGGESTION_RETENTION_DAYS,  # of an "Ask us to check this"
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, f"{TEMPLATE}#results" if partial else TEMPLATE, context, status=status)
