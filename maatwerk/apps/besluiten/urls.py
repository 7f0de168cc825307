"""URLs of besluiten, served under the ``beschikkingen:`` namespace (kept for bookmarks; see web/urls.py)."""

from django.urls import path

from . import views

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
]
