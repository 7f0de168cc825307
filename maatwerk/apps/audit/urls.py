from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("export.csv", views.export_csv, name="export"),
]
