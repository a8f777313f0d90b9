"""Root URLs: public pages from each app, the admin, and the health check."""

from django.contrib import admin
from django.urls import include, path

from config.env import env_str
from config.health import healthz

# The admin lives under a configurable path, so it is not at the address every bot tries.
ADMIN_PATH = env_str("ADMIN_PATH", "admin").strip("/") + "/"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(ADMIN_PATH, admin.site.urls),
    path("explorer/", include("assessments.urls")),
    path("", include("opendata.urls")),
    path("", include("editorial.urls")),
    path("", include("handouts.urls")),
    path("", include("claims.urls")),
]

handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
