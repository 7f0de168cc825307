"""The REST API ``/api/v1`` after the Dutch API Design Rules (docs/api.md).

Connecting applications (:class:`~.models.ApiClient`) authenticate with a bearer token and have scopes.
The endpoints in :mod:`.views` only parse and present: every change goes through the apps' services and
every read of personal data through audited selectors, with the application's service account as the
actor, so the audit log names the application.
"""
