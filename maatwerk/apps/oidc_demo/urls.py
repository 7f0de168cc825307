"""The demo provider: a login page and the OpenID Connect endpoints under ``/openid/``."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from .inrichting import DEMO_INWONERS, WACHTWOORD

urlpatterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            extra_context={"demo_inwoners": DEMO_INWONERS, "wachtwoord": WACHTWOORD},
            template_name="oidc_demo/inloggen.html",
            redirect_authenticated_user=False,
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(next_page="/inloggen/"), name="logout"),
    path("openid/", include("oidc_provider.urls", namespace="oidc_provider")),
]
