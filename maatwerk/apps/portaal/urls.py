from django.urls import path

from . import oidc, views

app_name = "portaal"
urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen/", oidc.Inloggen.as_view(), name="inloggen"),
    path("oidc/callback/", oidc.Terugkeer.as_view(), name="oidc_callback"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
    path("aanvragen/", views.overzicht, name="overzicht"),
    path("aanvragen/<int:pk>/", views.zaak, name="zaak"),
    path("aanvragen/<int:pk>/reactie/", views.reactie, name="reactie"),
    path(
        "aanvragen/<int:pk>/beschikkingen/<int:beschikking>.pdf",
        views.beschikking_pdf,
        name="beschikking_pdf",
    ),
]
