from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.zaken, name="zaken"),
    path("werklijst/", views.werklijst, name="werklijst"),
    path("melding/", views.nieuwe_melding, name="nieuwe_melding"),
    path("rapportage/", views.rapportage, name="rapportage"),
    path("<int:pk>/", views.zaak_detail, name="zaak"),
    path("<int:pk>/status/", views.status_wijzigen, name="status"),
    path("<int:pk>/opschorten/", views.opschorten, name="opschorten"),
    path(
        "<int:pk>/opschorting/<int:opschorting_pk>/beeindigen/",
        views.opschorting_beeindigen,
        name="opschorting_beeindigen",
    ),
    path("<int:pk>/spoed/", views.spoed, name="spoed"),
    path("<int:pk>/client/", views.client_wijzigen, name="client"),
    path("<int:pk>/toewijzen/", views.toewijzen, name="toewijzen"),
]
