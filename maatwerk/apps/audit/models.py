"""AuditRegel: append-only and hash-chained.

In Django, save() of an existing row, delete() and bulk update/delete refuse; in the database,
triggers refuse UPDATE, DELETE and TRUNCATE (maatwerk.apps.audit.triggers) and on PostgreSQL the
application role may only INSERT and SELECT. Each row carries an HMAC chained to its predecessor
(maatwerk.apps.audit.keten); appending is serialised so the chain has no forks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import connections, models, router, transaction
from django.utils import timezone

from . import keten

# Key of the PostgreSQL advisory lock that serialises appending to the chain ("MWAUDIT").
KETENSLOT = 0x4D57_4155_4449_54


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
    def schrijf(cls, user: Any, client: Any, actie: str, wat: str, waarom: str) -> AuditRegel:
        if actie not in Actie.values:
            raise ValueError(f"Onbekende actie {actie!r}; toegestaan: {', '.join(Actie.values)}")
        if not wat or not waarom:
            raise ValueError("Een auditregel noemt altijd wat en waarom.")
        ingelogd = user is not None and getattr(user, "is_authenticated", False)
        regel = cls(
            gebruiker=user if ingelogd else None,
            gebruikersnaam=user.get_username() if ingelogd else _zonder_login(),
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
        if not wat or not waarom:
            raise ValueError("Een auditregel noemt altijd wat en waarom.")
        ids = sorted({int(c.pk) for c in clients})
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
    def aan_keten_toevoegen(cls, regels: Sequence[AuditRegel]) -> None:
        """Number, time-stamp and hash new rows after the last one, and insert them.

        Runs in a transaction (or the caller's) holding a lock until commit, so concurrent writers
        append one after the other: a PostgreSQL advisory lock (the application role has no UPDATE
        right, so SELECT ... FOR UPDATE is not available to it); SQLite allows one writer at a time
        and the unique ``volgnummer`` refuses a fork.
        """
        if not regels:
            return
        alias = router.db_for_write(cls)
        sleutel = settings.MAATWERK_AUDIT_SLEUTEL
        with transaction.atomic(using=alias):
            verbinding = connections[alias]
            if verbinding.vendor == "postgresql":
                with verbinding.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [KETENSLOT])
            laatste = (
                cls.objects.using(alias)
                .filter(volgnummer__isnull=False)
                .order_by("-volgnummer")
                .values_list("volgnummer", "hash")
                .first()
            )
            nummer, vorige = laatste if laatste else (0, keten.BEGIN)
            nu = timezone.now()
            for regel in regels:
                nummer += 1
                regel.volgnummer, regel.tijdstip, regel.vorige_hash = nummer, nu, vorige
                regel.hash = vorige = keten.bereken_hash(sleutel, regel.ketenvelden(), regel.vorige_hash)
            if len(regels) == 1:
                regels[0].save(using=alias)
            else:
                cls.objects.using(alias).bulk_create(regels, batch_size=500)

    def ketenvelden(self) -> dict[str, Any]:
        """The fields the HMAC covers (keten.VELDEN and EXTRA_VELDEN), as stored."""
        return {naam: getattr(self, naam) for naam in (*keten.VELDEN, *keten.EXTRA_VELDEN)}
