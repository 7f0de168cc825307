"""URL configuration of the maatwerk web app."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from maatwerk.apps.api.api import api as api_v1
from maatwerk.apps.besluiten import urls as besluiten_urls
from maatwerk.apps.levering import urls as levering_urls

from . import views

#: besluiten and levering share the URL namespace and paths of the former app ``beschikkingen``.
beschikkingen_urls = (besluiten_urls.urlpatterns + levering_urls.urlpatterns, "beschikkingen")

urlpatterns = [
    path("", views.start, name="start"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("login/tweede-factor/", include("maatwerk.apps.accounts.urls")),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("zaken/", include("maatwerk.apps.cases.urls")),
    path("onderzoek/", include("maatwerk.apps.onderzoek.urls")),
    path("audit/", include("maatwerk.apps.audit.urls")),
    path("herindicatie/", include("maatwerk.apps.herindicatie.urls")),
    path("financien/", include("maatwerk.apps.finance.urls")),
    path("beleid/", include("maatwerk.apps.beleid.urls")),
    path("iwmo/", include("maatwerk.apps.berichten.urls")),
    path("beschikkingen/", include(beschikkingen_urls)),
    path("bemiddeling/", include("maatwerk.apps.bemiddeling.urls")),
    path("schouw/", include("maatwerk.apps.schouw.urls")),
    path("bezwaren/", include("maatwerk.apps.bezwaren.urls")),
    path("klachten/", include("maatwerk.apps.klachten.urls")),
    path("portaal/", include("maatwerk.apps.portaal.urls")),
    path("monitor/", include("maatwerk.apps.monitor.urls")),
    path("api/v1/", api_v1.urls),
    path("dossier/", include("maatwerk.apps.dossier.urls")),
]
