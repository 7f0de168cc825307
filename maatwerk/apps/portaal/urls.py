from django.urls import path

from . import oidc, views

app_name = "portaal"
urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen/", oidc.Inloggen.as_view(), name="inloggen"),
    path("oidc/callback/", oidc.Terugkeer.as_view(), name="oidc_callback"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
    path("aanvragen/", views.overzicht, name="overzicht"),
    # Public identifiers (UUIDs) in the URLs, never database ids.
    path("aanvragen/<uuid:zaak>/", views.zaak, name="zaak"),
    path("aanvragen/<uuid:zaak>/reactie/", views.reactie, name="reactie"),
    path(
        "aanvragen/<uuid:zaak>/beschikkingen/<uuid:beschikking>.pdf",
        views.beschikking_pdf,
        name="beschikking_pdf",
    ),
]
