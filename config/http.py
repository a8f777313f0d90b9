"""Which HTTP methods a view answers, as HTTP requires: GET brings HEAD, OPTIONS lists them.

Django's require_GET refuses HEAD, so load balancers and uptime checks that send HEAD would
see a dead site. HEAD runs the GET view (the server sends its status and headers, never its
body: gunicorn, runserver and the test client all drop it), OPTIONS answers 200 with Allow,
and any other method 405 with Allow.
"""

from functools import wraps

from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils.log import log_response

ORDER = ("GET", "HEAD", "POST", "OPTIONS")


def allowed_methods(*methods: str) -> tuple[str, ...]:
    wanted = {*methods, "OPTIONS", *(("HEAD",) if "GET" in methods else ())}
    return tuple(method for method in ORDER if method in wanted)


def answer_other_method(request, allowed: tuple[str, ...]) -> HttpResponse:
    """The answer to a method the view does not run: OPTIONS, or a 405."""
    if request.method == "OPTIONS":
        response = HttpResponse()
        response["Allow"] = ", ".join(allowed)
        response["Content-Length"] = "0"
        return response
    response = HttpResponseNotAllowed(allowed)
    log_response("Method Not Allowed (%s): %s", request.method, request.path,
                 response=response, request=request)
    return response


def allow(*methods: str):
    """A view decorator: the view runs for methods (and HEAD with GET)."""
    allowed = allowed_methods(*methods)
    runs = frozenset(allowed) - {"OPTIONS"}

    def decorator(view):
        @wraps(view)
        def inner(request, *args, **kwargs):
            if request.method not in runs:
                return answer_other_method(request, allowed)
            return view(request, *args, **kwargs)

        return inner

    return decorator


get_only = allow("GET")
get_or_post = allow("GET", "POST")
post_only = allow("POST")
