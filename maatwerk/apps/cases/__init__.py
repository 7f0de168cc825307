"""Zaken (cases): melding, status train with explicit status events, deadlines, opschorting.

Public API (stable; used by besluiten, levering, onderzoek and others)::

    from maatwerk.apps.cases.models import Zaak, StatusEvent, Opschorting, Status, Kanaal
    from maatwerk.apps.cases import services      # every state change, audited (see services.py)
    from maatwerk.apps.cases import selectors     # audited reads: zaak_inzien, werklijst, zakenlijst
    # inside another app's audited service:
    from maatwerk.apps.cases.services import zet_status, toegestane_overgangen, OngeldigeStatusovergang
    zet_status(zaak, Status.BESLUIT, door=user, toelichting="beschikking 2026-12 verzonden")
    from maatwerk.apps.cases.termijnen import termijnen_van, Termijn     # deadlines from YAML rules
    from maatwerk.apps.cases.zichtbaarheid import zichtbare_clients, zichtbare_zaken
    from maatwerk.apps.cases.locking import OptimistischVergrendeld, Versieconflict

``Zaak.aanbieder`` is the provider chosen for the case (set when the consulent chooses one,
before the zorgplan). An aanbieder-user sees a zaak and its client from the moment the gemeente
engaged it: a toewijzing, a zorgplan, or the request to draw one up (see ``zichtbaarheid``).
"""
