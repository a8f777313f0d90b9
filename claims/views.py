"""Public pages about claims: thin views over the selectors."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from claims import selectors


@require_GET
def home(request):
    return render(request, "claims/home.html", {"topics": selectors.topics_for_home()})


@require_GET
def search(request):
    return render(request, "claims/search.html", {"query": request.GET.get("q", "")[:200]})


@require_GET
def topic_detail(request, slug):
    from django.http import Http404

    raise Http404("No such topic")


@require_GET
def claim_detail(request, slug):
    from django.http import Http404

    raise Http404("No such claim")


@require_GET
def evidence_scale(request):
    return render(request, "claims/evidence_scale.html")


@require_GET
def editorial_policy(request):
    return render(request, "claims/editorial_policy.html")


@require_GET
def disclaimer(request):
    return render(request, "claims/disclaimer.html")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)
