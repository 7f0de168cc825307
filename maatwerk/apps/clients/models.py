"""The Client model (contract for all web apps: see TEAM.md).

``Client`` holds a resident's personal data. BSN is optional (a vormvrije melding may not
have one yet) but unique when present and checked with the 11-proef. Reads and writes
of these fields must be logged with :func:`maatwerk.apps.audit.log_persoonsgegevens`.
"""

from __future__ import annotations

from django.db import models

from maatwerk.apps.cases.locking import OptimistischVergrendeld

from .bsn import is_geldig_bsn
from .validators import valideer_bsn, valideer_postcode

#: Dutch surname prefixes (voorvoegsels) that do not count when sorting: "van der Berg" sorts under B.
VOORVOEGSELS = frozenset(
    ("van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "aan", "bij", "uit", "voor")
    + ("d'", "l'", "la", "le", "du", "des", "del", "della", "di", "da", "dos", "von", "zu")
)


def sorteersleutel(achternaam: str, voornamen: str = "") -> tuple[str, str, str]:
    """Sort key of a Dutch name: the surname without leading voorvoegsels, case- and accent-insensitive."""
    import unicodedata

    def plat(tekst: str) -> str:
        return "".join(
            c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c)
        ).casefold()

    woorden = achternaam.split()
    while len(woorden) > 1 and woorden[0].casefold() in VOORVOEGSELS:
        woorden = woorden[1:]
    return plat(" ".join(woorden)), plat(voornamen), plat(achternaam)


class Client(OptimistischVergrendeld):
    """Een inwoner die ondersteuning vraagt (optimistisch vergrendeld: twee consulenten overschrijven
    elkaar niet)."""

    bsn = models.CharField("BSN", max_length=9, unique=True, null=True, blank=True, validators=[valideer_bsn])
    voornamen = models.CharField("voornamen", max_length=200, blank=True)
    tussenvoegsel = models.CharField("tussenvoegsel", max_length=20, blank=True)
    achternaam = models.CharField("achternaam", max_length=200)
    geboortedatum = models.DateField("geboortedatum", null=True, blank=True)
    straat = models.CharField("straat", max_length=200, blank=True)
    huisnummer = models.CharField("huisnummer", max_length=20, blank=True)
    postcode = models.CharField("postcode", max_length=7, blank=True, validators=[valideer_postcode])
    woonplaats = models.CharField("woonplaats", max_length=100, blank=True)
    telefoon = models.CharField("telefoon", max_length=30, blank=True)
    email = models.EmailField("e-mail", blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        verbose_name = "cliënt"
        verbose_name_plural = "cliënten"
        ordering = ["achternaam", "voornamen", "pk"]

    def __str__(self) -> str:
        return self.naam

    def save(self, *args, **kwargs) -> None:
        if self.bsn == "":
            self.bsn = None
        if self.postcode:
            p = self.postcode.replace(" ", "").upper()
            self.postcode = f"{p[:4]} {p[4:]}" if len(p) == 6 else self.postcode
        super().save(*args, **kwargs)

    @property
    def naam(self) -> str:
        """Full name as written in a letter: voornamen tussenvoegsel achternaam."""
        return " ".join(d for d in (self.voornamen, self.tussenvoegsel, self.achternaam) if d)

    @property
    def identiteit_ontbreekt(self) -> list[str]:
        """What is missing before a decision may be taken: a valid BSN (11-proef) and a birth date."""
        ontbreekt = []
        if not self.bsn:
            ontbreekt.append("BSN: nog niet bekend.")
        elif not is_geldig_bsn(self.bsn):
            ontbreekt.append("BSN: voldoet niet aan de elfproef.")
        if self.geboortedatum is None:
            ontbreekt.append("Geboortedatum: nog niet bekend.")
        return ontbreekt

    @property
    def adres(self) -> str:
        regel1 = " ".join(d for d in (self.straat, self.huisnummer) if d)
        regel2 = " ".join(d for d in (self.postcode, self.woonplaats) if d)
        return ", ".join(d for d in (regel1, regel2) if d)
