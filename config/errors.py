"""The site's error pages: not found, and the last resort. A lost database gives a friendly
503 rather than a 500.

Django reconnects on the next request, so pages recover by themselves once the database is
back; nothing needs a restart.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import get_template


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    exception = sys.exc_info()[1]
    if isinstance(exception, OperationalError | InterfaceError):
        response = HttpResponse(get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
    else:
        response = HttpResponse(get_template("500.html").render(), status=500)
    response["Cache-Control"] = "no-store"
    return response
