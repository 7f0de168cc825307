"""AuditRegel: append-only and hash-chained.

In Django, save() of an existing row, delete() and bulk update/delete refuse; in the database,
triggers refuse UPDATE, DELETE and TRUNCATE (maatwerk.apps.audit.triggers) and on PostgreSQL the
application role may only INSERT and SELECT. Each row carries an HMAC chained to its predecessor
(maatwerk.apps.audit.keten) made with the key its ``sleutel_id`` names (maatwerk.apps.audit.sleutels);
appending is serialised so the chain has no forks. An issued beschikking is sealed by a row whose
``zegel`` holds its content digest (maatwerk.apps.audit.zegel).
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import IntegrityError, OperationalError, connections, models, router, transaction
from django.utils import timezone

from . import keten, sleutels

# Key of the PostgreSQL advisory lock that serialises appending to the chain ("MWAUDIT").
KETENSLOT = 0x4D57_4155_4449_54
# SQLite: attempts to append when another process forked the chain or held the write lock.
POGINGEN = 8


class AuditOnveranderlijk(Exception):
    """Raised on any attempt to change or delete an audit entry."""

    def __init__(self) -> None:
        super().__init__("Een regel in het auditlog kan niet worden gewijzigd of verwijderd.")


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise AuditOnveranderlijk()

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditOnveranderlijk()

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> list[Any]:
        regels: list[Any] = list(objs)
        if any(not r.hash for r in regels):  # rows from outside the chain: chain them first
            self.model.aan_keten_toevoegen(regels)
            return regels
        return list(super().bulk_create(regels, *args, **kwargs))


class Actie(models.TextChoices):
    LEZEN = "lezen", "lezen"
    SCHRIJVEN = "schrijven", "schrijven"
    INLOGGEN = "inloggen", "inloggen"  # logins, failed logins and second-factor checks


class SleutelwisselGeweigerd(ValueError):
    """A key change the chain refuses (unknown key, or a key id used before)."""


def _zonder_login() -> str:
    """The name for a row without a logged-in user: the CLI operator, else "(anoniem)"."""
    from .bediener import bediener

    return bediener() or "(anoniem)"


class AuditRegel(models.Model):
    """Wie, wanneer, welke cliënt, lezen/schrijven, wat en waarom."""

    tijdstip = models.DateTimeField("tijdstip", default=timezone.now, editable=False, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name="gebruiker",
    )
    gebruikersnaam = models.CharField("gebruikersnaam", max_length=150)
    client = models.ForeignKey(
        "clients.Client",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="auditregels",
        verbose_name="cliënt",
    )
    clienten = models.TextField(
        "cliënten (lijstpagina)",
        blank=True,
        default="",
        editable=False,
        help_text="Bij een lijstpagina: de nummers van alle getoonde cliënten, als ',12,40,'.",
    )
    actie = models.CharField("actie", max_length=10, choices=Actie.choices)
    wat = models.CharField("wat", max_length=300)
    waarom = models.CharField("waarom", max_length=300)
    zegel = models.CharField(
        "zegel",
        max_length=200,
        blank=True,
        default="",
        editable=False,
        help_text="Bij een afgegeven beschikking: haar inhoudszegel in de auditketen.",
    )
    sleutel_id = models.CharField(
        "sleutel",
        max_length=20,
        blank=True,
        default="",
        editable=False,
        help_text="De sleutel waarmee de HMAC van deze regel gemaakt is (leeg: de eerste sleutel).",
    )
    volgnummer = models.PositiveBigIntegerField("volgnummer", unique=True, null=True, editable=False)
    vorige_hash = models.CharField("hash van de vorige regel", max_length=64, editable=False)
    hash = models.CharField("HMAC van deze regel", max_length=64, editable=False)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "auditlog"
        ordering = ["-tijdstip", "-pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruikersnaam} {self.actie} {self.wat}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding:
            raise AuditOnveranderlijk()
        if not self.hash:  # a new row always joins the chain
            AuditRegel.aan_keten_toevoegen([self])
            return
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AuditOnveranderlijk()

    @classmethod
    def schrijf(
        cls, user: Any, client: Any, actie: str, wat: str, waarom: str, gebruikersnaam: str = ""
    ) -> AuditRegel:
        """One row; ``gebruikersnaam`` names who acted when there is no logged-in ``user`` (a login)."""
        if actie not in Actie.values:
            raise ValueError(f"Onbekende actie {actie!r}; toegestaan: {', '.join(Actie.values)}")
        if not wat or not waarom:
            raise ValueError("Een auditregel noemt altijd wat en waarom.")
        ingelogd = user is not None and getattr(user, "is_authenticated", False)
        regel = cls(
            gebruiker=user if ingelogd else None,
            gebruikersnaam=user.get_username() if ingelogd else (gebruikersnaam[:150] or _zonder_login()),
            client=client,
            actie=actie,
            wat=wat[:300],
            waarom=waarom[:300],
        )
        cls.aan_keten_toevoegen([regel])
        return regel

    @classmethod
    def schrijf_lijst(cls, user: Any, clients: Any, wat: str, waarom: str) -> int:
        """One row for a list page, listing every distinct client id shown (issue 10.12).

        With exactly one client the row also names it in ``client``. Returns the number of clients.
        """
        return cls.schrijf_ids(user, (int(c.pk) for c in clients), wat, waarom)

    @classmethod
    def schrijf_ids(cls, user: Any, client_ids: Any, wat: str, waarom: str) -> int:
        """:meth:`schrijf_lijst` for client ids (a bulk read need not build a Client per id)."""
        if not wat or not waarom:
            raise ValueError("Een auditregel noemt altijd wat en waarom.")
        ids = sorted({int(i) for i in client_ids if i is not None})
        if not ids:
            return 0
        ingelogd = user is not None and getattr(user, "is_authenticated", False)
        regel = cls(
            gebruiker=user if ingelogd else None,
            gebruikersnaam=user.get_username() if ingelogd else _zonder_login(),
            client_id=ids[0] if len(ids) == 1 else None,
            clienten="," + ",".join(map(str, ids)) + ",",
            actie=Actie.LEZEN,
            wat=f"{wat} ({len(ids)} cliënt{'en' if len(ids) != 1 else ''})"[:300],
            waarom=waarom[:300],
        )
        cls.aan_keten_toevoegen([regel])
        return len(ids)

    @classmethod
    def verzegel(cls, beschikking: Any) -> AuditRegel:
        """Seal a just-issued beschikking: a row whose ``zegel`` is its content digest (zegel.py).

        The digest is computed from the row as stored (read back), in the caller's transaction.
        """
        from .zegel import ZEGELVELDEN, zegel

        model = type(beschikking)
        alias = beschikking._state.db or router.db_for_write(model)
        velden = model._base_manager.using(alias).filter(pk=beschikking.pk).values(*ZEGELVELDEN).get()
        door = getattr(beschikking, "afgegeven_door", None)
        regel = cls(
            gebruiker=door,
            gebruikersnaam=door.get_username() if door is not None else _zonder_login(),
            client_id=getattr(getattr(beschikking, "zaak", None), "client_id", None),
            actie=Actie.SCHRIJVEN,
            wat=f"beschikking {beschikking.kenmerk} versie {beschikking.versie} verzegeld in de auditketen"[
                :300
            ],
            waarom="onveranderlijkheid afgegeven beschikking",
            zegel=zegel(velden),
        )
        cls.aan_keten_toevoegen([regel], using=alias)
        return regel

    @property
    def client_ids(self) -> list[int]:
        """Every client this row is about: the list's ids, else the one client."""
        if self.clienten:
            return [int(i) for i in self.clienten.strip(",").split(",") if i]
        return [self.client_id] if self.client_id else []

    @property
    def gebruiker_naam(self) -> str:
        """The user's full name with the username, as the log shows it."""
        volledig = self.gebruiker.get_full_name() if self.gebruiker is not None else ""
        return f"{volledig} ({self.gebruikersnaam})" if volledig else self.gebruikersnaam

    @classmethod
    def aan_keten_toevoegen(
        cls, regels: Sequence[AuditRegel], nieuwe_sleutel: str | None = None, using: str | None = None
    ) -> None:
        """Number, time-stamp and hash new rows after the last one, and insert them.

        Runs in a transaction (or the caller's) holding a lock until commit, so concurrent writers
        append one after the other: a PostgreSQL advisory lock (the application role has no UPDATE
        right, so SELECT ... FOR UPDATE is not available to it); SQLite allows one writer at a time
        and the unique ``volgnummer`` refuses a fork. On SQLite a fork (IntegrityError on
        ``volgnummer``) is retried up to ``POGINGEN`` times, re-reading the end of the chain each
        time (inside a caller's transaction from a savepoint); a busy database ("database is
        locked") only outside a caller's transaction, since the caller may hold the lock the other
        writer waits for. After the last attempt the error goes to the caller, whose transaction is
        rolled back (nothing half-stored).

        The rows are signed with the key of the chain's last row; ``nieuwe_sleutel`` starts a new
        segment under that key id instead (the first row must be the key-change row).
        """
        if not regels:
            return
        alias = using or router.db_for_write(cls)
        verbinding = connections[alias]
        sqlite, buiten = verbinding.vendor == "sqlite", not verbinding.in_atomic_block
        for poging in range(1, POGINGEN + 1):
            try:
                cls._toevoegen(regels, alias, nieuwe_sleutel)
                return
            except (IntegrityError, OperationalError) as exc:
                herhaal = sqlite and _botsing(exc) and (buiten or isinstance(exc, IntegrityError))
                if not herhaal or poging == POGINGEN:
                    raise
                for regel in regels:  # back to unsaved: the next attempt numbers them again
                    regel.pk, regel.hash = None, ""
                    regel._state.adding = True
                time.sleep(random.uniform(0.005, 0.02) * 2**poging)

    @classmethod
    def _toevoegen(cls, regels: Sequence[AuditRegel], alias: str, nieuwe_sleutel: str | None) -> None:
        with transaction.atomic(using=alias):
            verbinding = connections[alias]
            if verbinding.vendor == "postgresql":
                with verbinding.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [KETENSLOT])
            laatste = (
                cls.objects.using(alias)
                .filter(volgnummer__isnull=False)
                .order_by("-volgnummer")
                .values_list("volgnummer", "hash", "sleutel_id")
                .first()
            )
            nummer, vorige, sleutel_id = laatste if laatste else (0, keten.BEGIN, keten.EERSTE_SLEUTEL)
            if nieuwe_sleutel is not None:
                cls._controleer_wissel(alias, nieuwe_sleutel, regels)
                sleutel_id = nieuwe_sleutel
            sleutel = sleutels.sleutel(sleutel_id)
            nu = timezone.now()
            for regel in regels:
                nummer += 1
                regel.volgnummer, regel.tijdstip, regel.vorige_hash = nummer, nu, vorige
                regel.sleutel_id = sleutel_id
                regel.hash = vorige = keten.bereken_hash(sleutel, regel.ketenvelden(), regel.vorige_hash)
            if len(regels) == 1:
                regels[0].save(using=alias)
            else:
                cls.objects.using(alias).bulk_create(regels, batch_size=500)

    @classmethod
    def _controleer_wissel(cls, alias: str, nieuwe_sleutel: str, regels: Sequence[AuditRegel]) -> None:
        if not regels[0].wat.startswith(keten.SLEUTELWISSEL):
            raise SleutelwisselGeweigerd(
                f"een nieuw segment begint met een regel '{keten.SLEUTELWISSEL} ...'"
            )
        if not sleutels.SLEUTEL_ID.fullmatch(nieuwe_sleutel):
            raise SleutelwisselGeweigerd(
                "een sleutel-id is 1 tot 20 letters, cijfers, '.', '_' of '-' (eerste: letter of cijfer)"
            )
        if nieuwe_sleutel not in sleutels.sleutelring():
            raise SleutelwisselGeweigerd(
                f"sleutel '{nieuwe_sleutel}' staat niet in MAATWERK_AUDIT_SLEUTELS: zet hem eerst in de "
                "omgeving van elk maatwerk-proces en start die opnieuw"
            )
        if cls.objects.using(alias).filter(sleutel_id=nieuwe_sleutel).exists():
            raise SleutelwisselGeweigerd(
                f"sleutel '{nieuwe_sleutel}' is al eerder gebruikt; kies een nieuw id en een nieuwe sleutel"
            )

    def ketenvelden(self) -> dict[str, Any]:
        """The fields the HMAC covers (keten.VELDEN and EXTRA_VELDEN), as stored."""
        return {naam: getattr(self, naam) for naam in (*keten.VELDEN, *keten.EXTRA_VELDEN)}


def _botsing(exc: Exception) -> bool:
    """True for the SQLite errors of a concurrent writer: a forked ``volgnummer`` or a busy database."""
    tekst = str(exc).lower()
    return "volgnummer" in tekst or "database is locked" in tekst or "database table is locked" in tekst
