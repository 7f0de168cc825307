from django.urls import path

from . import views

app_name = "monitor"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("export.<str:formaat>", views.export, name="export"),
]
