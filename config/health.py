"""/healthz: tells a load balancer whether this app server can reach its database."""

from django.db import DatabaseError, InterfaceError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from config.http import get_only
from pagecache.models import ContentVersion


@get_only
@never_cache
def healthz(request):
    # A real table, not SELECT 1: SQLite answers that from an empty file it has just created
    # in place of a removed database, and PostgreSQL from a database never migrated.
    try:
        ContentVersion.objects.filter(pk=1).exists()
    except (DatabaseError, InterfaceError):
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
