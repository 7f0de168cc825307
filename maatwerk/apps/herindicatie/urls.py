from django.urls import path

from . import views

app_name = "herindicatie"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("registreer/", views.registreer_view, name="registreer"),
    path("nulmeting.csv", views.nulmeting_csv, name="nulmeting_csv"),
    path("nulmeting.svg", views.nulmeting_svg, name="nulmeting_svg"),
]
