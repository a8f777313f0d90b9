from django.urls import path

from assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.explorer, name="explorer"),
    path("appointment-sheet/", views.appointment_sheet, name="appointment_sheet"),
    path("results/", views.result_explainer, name="result_explainer"),
]
