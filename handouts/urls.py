from django.urls import path

from handouts import views

app_name = "handouts"

urlpatterns = [
    path("claims/<slug:slug>/handout/", views.claim_handout, name="claim"),
    path("topics/<slug:slug>/handout/", views.topic_handout, name="topic"),
    path("handouts/selected-claims/", views.claims_batch_handout, name="claims_batch"),
]
