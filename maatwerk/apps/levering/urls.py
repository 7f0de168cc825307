"""URLs of levering, served under the ``beschikkingen:`` namespace (kept for bookmarks; see web/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("toewijzing/<int:pk>/wmo301.xml", views.wmo301, name="wmo301"),
    path("aanbieder/", views.aanbieder_overzicht, name="aanbieder_overzicht"),
    path("aanbieder/zaak/<int:pk>/", views.aanbieder_zaak, name="aanbieder_zaak"),
    path("aanbieder/zaak/<int:pk>/zorgplan/nieuw/", views.zorgplan_opstellen, name="zorgplan_opstellen"),
    path("aanbieder/zaak/<int:pk>/zorgplan/", views.zorgplan_opslaan, name="zorgplan_opslaan"),
    path("aanbieder/zaak/<int:pk>/tekenen/", views.zorgplan_tekenen, name="zorgplan_tekenen"),
    path("aanbieder/toewijzing/<int:pk>/start/", views.levering_start, name="levering_start"),
    path("aanbieder/toewijzing/<int:pk>/stop/", views.levering_stop, name="levering_stop"),
    path("notificatie/<int:pk>/gelezen/", views.notificatie_gelezen, name="notificatie_gelezen"),
]
