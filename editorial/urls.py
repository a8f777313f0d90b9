from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.views.generic import TemplateView

from editorial import views

# The one-time links of `manage.py reset_staff_password`: Django's own token checks, on pages
# that name no admin address.
set_password = auth_views.PasswordResetConfirmView.as_view(
    template_name="editorial/set_password.html",
    success_url=reverse_lazy("editorial:set_password_done"),
)
set_password_done = TemplateView.as_view(template_name="editorial/set_password_done.html")

app_name = "editorial"

urlpatterns = [
    path("editorial/", views.dashboard, name="dashboard"),
    path("editorial/preview/", views.markdown_preview, name="markdown_preview"),
    path("editorial/set-password/done/", set_password_done, name="set_password_done"),
    path("editorial/set-password/<uidb64>/<token>/", set_password, name="set_password"),
    path("suggest/", views.suggest, name="suggest"),
    path("suggest/thanks/", views.suggest_thanks, name="suggest_thanks"),
]
