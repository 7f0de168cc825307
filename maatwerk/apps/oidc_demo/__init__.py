"""A real OpenID Connect provider for the demo and the tests (never for production).

In production the inwonerportaal (:mod:`maatwerk.apps.portaal`) logs in through the gemeente's DigiD
broker. For ``make run`` and the tests this package runs its own provider, ``django-oidc-provider``, as a
separate small Django project on loopback (own settings, own SQLite database, own users), so the whole
authorization-code flow (redirects, signed ID token, userinfo) is exercised and never bypassed::

    python -m maatwerk.apps.oidc_demo serve --poort 8001 --redirect-uri http://127.0.0.1:8000/portaal/oidc/callback/

Its demo inwoners (gebruikersnaam, wachtwoord, BSN) are in
:data:`maatwerk.apps.oidc_demo.inrichting.DEMO_INWONERS`.
This package is not in the maatwerk project's INSTALLED_APPS and imports no other maatwerk app.
"""
