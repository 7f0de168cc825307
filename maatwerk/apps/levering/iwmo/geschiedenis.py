"""The database side of :class:`maatwerk.iwmo.geschiedenis.Berichtgeschiedenis` (iWmo level-3 rules).

Built over the ``Toewijzing`` model only: ToewijzingNummer is the toewijzing's primary key (as in the
WMO301 that :mod:`maatwerk.apps.levering.services` builds), the einddatum is the end of the right
when set. Earlier messages, prestaties and declaratienummers come from the message store
(``maatwerk.apps.berichten``): only received messages count (TR056 is about the sender's identificaties);
starts and stops (:class:`~maatwerk.iwmo.geschiedenis.Leveringsgeschiedenis`) from the Toewijzing;
verzoeken (:class:`~maatwerk.iwmo.geschiedenis.Verzoekgeschiedenis`) from ``berichten.Verzoek``.
"""

from __future__ import annotations

from collections.abc import Sequence

from maatwerk.apps.berichten.models import Bericht, Prestatie, Verzoek
from maatwerk.apps.levering.models import Toewijzing
from maatwerk.iwmo.geschiedenis import EerdereLevering, EerderePrestatie, ToegewezenProduct


def _product(t: Toewijzing) -> ToegewezenProduct:
    return ToegewezenProduct(
        toewijzingnummer=t.pk,
        bsn=t.zaak.client.bsn or "",
        agb=t.aanbieder.agb_code,
        categorie=t.productcategorie or None,
        code=t.productcode or None,
        ingangsdatum=t.ingangsdatum,
        einddatum=t.einde_recht or t.einddatum,
        volume=t.volume,
        eenheid=t.eenheid or None,
        frequentie=t.frequentie or None,
        reden_wijziging=t.reden_wijziging or None,
    )


class DatabaseGeschiedenis:
    """Read-only answers from the database; it never writes (``maatwerk iwmo valideer`` stores nothing).

    Make one per message: earlier prestaties are cached per aanbieder for the lifetime of the object.
    """

    def __init__(self) -> None:
        self._per_referentie: dict[str, dict[str, EerderePrestatie]] = {}
        self._toewijzing: dict[tuple[str, int], ToegewezenProduct | None] = {}
        self._prestaties: dict[tuple[str, int], list[EerderePrestatie]] = {}

    def _toewijzingen(self):  # type: ignore[no-untyped-def]
        return Toewijzing.objects.select_related("zaak__client", "aanbieder")

    def vooraf(self, agb: str, nummers: set[int]) -> None:
        """Load the toewijzingen and earlier prestaties of these ToewijzingNummers in a few queries.

        A large WMO323 refers to thousands of toewijzingen; asking them one by one costs a query each.
        """
        nieuw = sorted(n for n in nummers if (agb, n) not in self._toewijzing)
        for i in range(0, len(nieuw), 500):  # SQLite allows at most 999 parameters per query
            deel = nieuw[i : i + 500]
            gevonden = {t.pk: t for t in self._toewijzingen().filter(pk__in=deel, aanbieder__agb_code=agb)}
            prestaties: dict[int, list[EerderePrestatie]] = {n: [] for n in deel}
            for p in Prestatie.objects.filter(
                aanbieder__agb_code=agb, toewijzingnummer__in=deel
            ).select_related("aanbieder"):
                prestaties[p.toewijzingnummer].append(_prestatie(p))
            for n in deel:
                t = gevonden.get(n)
                self._toewijzing[(agb, n)] = None if t is None else _product(t)
                self._prestaties[(agb, n)] = prestaties[n]

    def toewijzing(self, agb: str, toewijzingnummer: int) -> ToegewezenProduct | None:
        sleutel = (agb, toewijzingnummer)
        if sleutel not in self._toewijzing:
            t = self._toewijzingen().filter(pk=toewijzingnummer, aanbieder__agb_code=agb).first()
            self._toewijzing[sleutel] = None if t is None else _product(t)
        return self._toewijzing[sleutel]

    def toewijzingen(self, agb: str, bsn: str) -> Sequence[ToegewezenProduct]:
        return [
            _product(t) for t in self._toewijzingen().filter(aanbieder__agb_code=agb, zaak__client__bsn=bsn)
        ]

    def identificatie_bekend(self, bericht: str, afzender: str, identificatie: str) -> bool:
        return Bericht.objects.filter(
            richting="in", berichttype=bericht, afzender=afzender, identificatie=identificatie
        ).exists()

    def prestaties(self, agb: str, toewijzingnummer: int) -> Sequence[EerderePrestatie]:
        sleutel = (agb, toewijzingnummer)
        if sleutel not in self._prestaties:
            self._prestaties[sleutel] = [
                _prestatie(p)
                for p in Prestatie.objects.filter(
                    aanbieder__agb_code=agb, toewijzingnummer=toewijzingnummer
                ).select_related("aanbieder")
            ]
        return self._prestaties[sleutel]

    def prestatie(self, agb: str, referentienummer: str) -> EerderePrestatie | None:
        """Looked up in one query per aanbieder per validation (a 323 asks this for every prestatie)."""
        if agb not in self._per_referentie:
            rijen = Prestatie.objects.filter(aanbieder__agb_code=agb).select_related("aanbieder")
            index: dict[str, EerderePrestatie] = {}
            for p in rijen.order_by("toegekend", "-pk"):  # the granted, oldest one wins
                index[p.referentienummer] = _prestatie(p)
            self._per_referentie[agb] = index
        return self._per_referentie[agb].get(referentienummer)

    def leveringen(self, agb: str, toewijzingnummer: int) -> Sequence[EerdereLevering]:
        """The current start and stop of the toewijzing, as the Toewijzing records them (one of each)."""
        t = self._toewijzingen().filter(pk=toewijzingnummer, aanbieder__agb_code=agb).first()
        if t is None or t.levering_gestart_op is None:
            return []
        sleutel = {
            "agb": agb,
            "bsn": t.zaak.client.bsn or "",
            "toewijzingnummer": t.pk,
            "begindatum": t.levering_gestart_op,
            "categorie": t.productcategorie or None,
            "code": t.productcode or None,
        }
        uit = [EerdereLevering("start", **sleutel)]
        if t.levering_gestopt_op is not None:
            uit.append(
                EerdereLevering(
                    "stop",
                    einddatum=t.levering_gestopt_op,
                    reden_beeindiging=t.reden_beeindiging or None,
                    **sleutel,
                )
            )
        return uit

    def referentie_aanbieder_bekend(self, agb: str, referentie: str) -> bool:
        """TR347: a ReferentieAanbieder of an earlier verzoek (315 or 317) from this aanbieder."""
        return Verzoek.objects.filter(aanbieder__agb_code=agb, referentie_aanbieder=referentie).exists()

    def verzoek_onderhanden(self, agb: str, bsn: str) -> bool:
        """TR374: a verzoek of this aanbieder for this client still open, in onderzoek, or granted
        without its WMO301 yet."""
        open_ = Verzoek.objects.filter(aanbieder__agb_code=agb, bsn=bsn)
        return (
            open_.filter(status__in=["open", "in_onderzoek"]).exists()
            or open_.filter(status="toegekend", antwoord__isnull=True).exists()
        )

    def declaratienummer_bekend(self, agb: str, declaratienummer: str) -> bool:
        return Bericht.objects.filter(
            richting="in", berichttype="WMO323", afzender=agb, kenmerk=declaratienummer
        ).exists()


def _prestatie(p: Prestatie) -> EerderePrestatie:
    return EerderePrestatie(
        referentienummer=p.referentienummer,
        agb=p.aanbieder.agb_code if hasattr(p, "aanbieder") else "",
        toewijzingnummer=p.toewijzingnummer,
        begindatum=p.begindatum,
        einddatum=p.einddatum,
        volume=p.volume,
        eenheid=p.eenheid,
        debet=p.debet,
        toegekend=p.toegekend,
        vorig_referentienummer=p.vorig_referentienummer or None,
    )
