"""Former app ``beschikkingen``, kept only for its migration history.

Its models moved (tables unchanged) to :mod:`maatwerk.apps.besluiten` (ondersteuningsplan, beschikking) and
:mod:`maatwerk.apps.levering` (zorgplan, toewijzing, iWmo). Migration ``0002`` hands them over; the app has
no models, views or URLs any more. Keep it in ``INSTALLED_APPS`` so existing databases migrate.
"""
