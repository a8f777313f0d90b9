"""Public addresses of the claims app."""

from django.urls import path

from claims import views, views_check

app_name = "claims"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("check/", views_check.check_text, name="check_text"),
    path("about/evidence/", views.evidence_scale, name="evidence_scale"),
    path("about/editorial-policy/", views.editorial_policy, name="editorial_policy"),
    path("about/corrections/", views.corrections, name="corrections"),
    path("about/disclaimer/", views.disclaimer, name="disclaimer"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("claims/<slug:slug>/", views.claim_detail, name="claim"),
    path("origins/<slug:key>/", views.origin_detail, name="origin"),
    path("about/", views.about, name="about"),
    path("about/privacy/", views.privacy, name="privacy"),
]
