"""URLs of the iWmo exchange (namespace ``berichten``), served under ``/iwmo/``."""

from django.urls import path

from . import views

app_name = "berichten"
urlpatterns = [
    path("", views.werklijst, name="werklijst"),
    path("zaak/<int:pk>/", views.zaak_berichten, name="zaak"),
    path("aanbieder/", views.aanbieder_berichten, name="aanbieder"),
    path("bericht/<int:pk>/", views.bericht, name="bericht"),
    path("bericht/<int:pk>/xml/", views.bericht_xml, name="bericht_xml"),
    path("verzoek/<int:pk>/", views.verzoek, name="verzoek"),
]
