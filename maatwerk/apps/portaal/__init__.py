"""Inwonerportaal: an inwoner logs in with OpenID Connect (DigiD broker) and follows their aanvragen.

Per voorziening the inwoner sees the status train in B1 words (which statuses, and their words, are
configuration: ``maatwerk/regels/portaal/<valid_from>.yaml``), the deadline the gemeente must meet, the
verslag of the onderzoek to react to, the beschikking to download and whom to call. A representative with
a recorded :class:`~maatwerk.apps.portaal.models.Machtiging` sees and acts for the client.

The inwoner's login is kept apart from the staff login: the portal session names an
:class:`~maatwerk.apps.portaal.models.Inwoner` and never logs a Django user in, so an inwoner never
reaches a staff page and a staff login never opens the portal. Every read is audited with the
inwoner's own user (``inwoner-…``). A status change e-mails the client
(:func:`.services.meld_statuswijziging`).
"""
