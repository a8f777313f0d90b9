from django.urls import path

from opendata import views

app_name = "opendata"

urlpatterns = [
    path("api/claims.json", views.claims_feed, name="claims_feed"),
    path("sitemap.xml", views.sitemap_xml, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
