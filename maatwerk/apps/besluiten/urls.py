"""URLs of besluiten, served under the ``beschikkingen:`` namespace (kept for bookmarks; see web/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("zaak/<int:pk>/", views.besluit, name="besluit"),
    path("zaak/<int:pk>/ondersteuningsplan/", views.ondersteuningsplan, name="ondersteuningsplan"),
    path("zaak/<int:pk>/concept/", views.concept, name="concept"),
    path("zaak/<int:pk>/afgeven/", views.afgeven, name="afgeven"),
    path("zaak/<int:pk>/goedkeuring-vragen/", views.goedkeuring_vragen, name="goedkeuring_vragen"),
    path("goedkeuring/<int:pk>/", views.goedkeuring, name="goedkeuring"),
    path("<int:pk>/", views.beschikking, name="beschikking"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("<int:pk>/correctie-concept/", views.correctie_concept, name="correctie_concept"),
    path("<int:pk>/corrigeren/", views.corrigeren, name="corrigeren"),
    path(
        "<int:pk>/correctie-goedkeuring-vragen/",
        views.correctie_goedkeuring_vragen,
        name="correctie_goedkeuring_vragen",
    ),
    path("brief.css", views.brief_stijl, name="brief_css"),
    path("zaak/<int:pk>/toewijzen/", views.toewijzen, name="toewijzen"),
    path("toewijzing/<int:pk>/einde-recht/", views.einde_recht, name="einde_recht"),
]
