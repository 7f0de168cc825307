from django.urls import path

from . import views

app_name = "beschikkingen"
urlpatterns = [
    path("zaak/<int:pk>/", views.besluit, name="besluit"),
    path("zaak/<int:pk>/ondersteuningsplan/", views.ondersteuningsplan, name="ondersteuningsplan"),
    path("zaak/<int:pk>/afgeven/", views.afgeven, name="afgeven"),
    path("<int:pk>/", views.beschikking, name="beschikking"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("<int:pk>/corrigeren/", views.corrigeren, name="corrigeren"),
    path("brief.css", views.brief_stijl, name="brief_css"),
    path("zaak/<int:pk>/toewijzen/", views.toewijzen, name="toewijzen"),
    path("toewijzing/<int:pk>/einde-recht/", views.einde_recht, name="einde_recht"),
    path("toewijzing/<int:pk>/wmo301.xml", views.wmo301, name="wmo301"),
    path("aanbieder/", views.aanbieder_overzicht, name="aanbieder_overzicht"),
    path("aanbieder/zaak/<int:pk>/", views.aanbieder_zaak, name="aanbieder_zaak"),
    path("aanbieder/zaak/<int:pk>/zorgplan/nieuw/", views.zorgplan_opstellen, name="zorgplan_opstellen"),
    path("aanbieder/zaak/<int:pk>/zorgplan/", views.zorgplan_opslaan, name="zorgplan_opslaan"),
    path("aanbieder/zaak/<int:pk>/tekenen/", views.zorgplan_tekenen, name="zorgplan_tekenen"),
    path("aanbieder/toewijzing/<int:pk>/start/", views.levering_start, name="levering_start"),
    path("aanbieder/toewijzing/<int:pk>/stop/", views.levering_stop, name="levering_stop"),
]
