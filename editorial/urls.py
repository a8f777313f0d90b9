from django.urls import path

from editorial import views

app_name = "editorial"

urlpatterns = [
    path("editorial/", views.dashboard, name="dashboard"),
    path("editorial/preview/", views.markdown_preview, name="markdown_preview"),
    path("suggest/", views.suggest, name="suggest"),
    path("suggest/thanks/", views.suggest_thanks, name="suggest_thanks"),
]
