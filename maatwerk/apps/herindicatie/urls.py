from django.urls import path

from . import views

app_name = "herindicatie"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("registreer/", views.registreer_view, name="registreer"),
]
