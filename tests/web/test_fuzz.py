"""No input takes a page down: hypothesis-generated values posted to every form and GET filter.

The test loads the demo municipality (16 clients and every app's demo hook), then crawls the site
as every role from the start page, following links, and collects every ``<form>`` it meets (with
its fields, options and hidden values). Each form is then submitted with generated values: text
with control characters, huge and negative numbers, odd dates, unicode digits, empty and very long
strings, mixed with the form's own valid values so that deeper checks are reached. It asserts:

- never a server error (the test client re-raises the exception with its traceback);
- after a rejected POST (any answer other than a redirect) no row was added, changed in count or
  removed in any table (the audit log and login bookkeeping excepted: reading is logged).

The fixture ``toestanden`` makes the states the demo lacks (a running opschorting, a spoed zaak, an
unsigned zorgplan, a toewijzing to start, a concept beschikking to issue or to have approved, an open
approval, a notification, a dossier document, an iWmo verzoek, an onderzoek draft), so every page's form
is reached. The inwoner portal is crawled and fuzzed the same way with a logged-in inwoner's session (and
a representative's). Every operation of the API (/api/v1) gets hostile query parameters, path UUIDs and
JSON bodies with a valid token: never a 500, every error problem+json, a refused POST stores nothing.

The number of examples per form is bounded (``VOORBEELDEN``, API: ``MAATWERK_FUZZ_API_VOORBEELDEN``) so
the test stays within minutes.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.urls import Resolver404, get_resolver, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

VOORBEELDEN = int(os.environ.get("MAATWERK_FUZZ_VOORBEELDEN", "5"))
PER_PATROON = 12  # pages visited per URL pattern and role while crawling
OVERSLAAN = ("/admin/", "/login/", "/logout/", "/static/")
NIET_GETELD = {
    "audit.auditregel",
    "sessions.session",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "otp_totp.totpdevice",
    "otp_static.staticdevice",
    "otp_static.statictoken",
}

# -- hostile values ------------------------------------------------------------------------------

VREEMDE_DATUMS = [
    "0001-01-01",
    "9999-12-31",
    "2014-12-31",
    "1900-01-01",
    "2024-02-30",
    "2024-13-01",
    "20240101",
    "01-01-2024",
    "2024-1-1",
    "-2024-01-01",
    "٢٠٢٤-٠١-٠١",
]
VREEMDE_GETALLEN = [
    "²",
    "³³",
    "١٢٣",
    "½",
    "9" * 40,
    "-1",
    "-9" * 20,
    "1e309",
    "nan",
    "inf",
    "0x10",
    "1_000",
    " 12 ",
    "+5",
    "0",
    "4294967296",
    "1.5",
    "1,5",
]
BESTURING = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u202e\ufeff"

vijandig = st.one_of(
    st.sampled_from(VREEMDE_DATUMS),
    st.sampled_from(VREEMDE_GETALLEN),
    st.text(alphabet=st.sampled_from(BESTURING + "aé€'\"<>&;%{}"), max_size=20),
    st.text(max_size=30),
    st.just(""),
    st.builds(lambda n, c: c * n, st.sampled_from([300, 5_000, 120_000]), st.sampled_from("x9=é")),
    st.sampled_from(
        [
            '=HYPERLINK("http://x")',
            "@SUM(1)",
            "+1",
            "-1+1",
            "\t1",
            "\r1",
            "null",
            "None",
            "[]",
            "{}",
            "a: &a [*a, *a]",
            "../../etc/passwd",
            "%00",
            "%s%n",
        ]
    ),
)


# -- crawling ------------------------------------------------------------------------------------


@dataclass
class Formulier:
    actie: str
    methode: str
    velden: dict[str, list[str]] = field(default_factory=dict)  # name -> candidate valid values
    vast: dict[str, str] = field(default_factory=dict)  # hidden fields and the CSRF token


class _Lezer(HTMLParser):
    def __init__(self, basis: str) -> None:
        super().__init__(convert_charrefs=True)
        self.basis = basis
        self.links: list[str] = []
        self.formulieren: list[Formulier] = []
        self._form: Formulier | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs_}
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.basis, a["href"]))
        elif tag == "form":
            self._form = Formulier(
                urljoin(self.basis, a.get("action") or self.basis), (a.get("method") or "get").lower()
            )
            self.formulieren.append(self._form)
            # data-...-url: a script posts this form's fields there (the onderzoek's draft and indication)
            for naam, waarde in a.items():
                if naam.startswith("data-") and naam.endswith("-url") and waarde:
                    extra = Formulier(urljoin(self.basis, waarde), "post", self._form.velden, self._form.vast)
                    self.formulieren.append(extra)
        elif self._form is None or not a.get("name"):
            if tag == "option" and self._form is not None and self._select:
                self._form.velden[self._select].append(a.get("value", ""))
            return
        elif tag == "input":
            soort = a.get("type", "text").lower()
            if soort in ("submit", "button", "image", "reset", "file"):
                return
            if soort == "hidden":
                self._form.vast[a["name"]] = a.get("value", "")
            elif soort in ("checkbox", "radio"):
                self._form.velden.setdefault(a["name"], []).append(a.get("value", "on"))
            else:
                self._form.velden.setdefault(a["name"], []).append(a.get("value", ""))
        elif tag == "select":
            self._select = a["name"]
            self._form.velden.setdefault(a["name"], [])
        elif tag == "textarea":
            self._textarea = a["name"]
            self._form.velden.setdefault(a["name"], [""])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea and self._form is not None and data.strip():
            self._form.velden[self._textarea].append(data)


def _patroon(pad: str) -> str | None:
    try:
        match = resolve(pad)
    except Resolver404:
        return None
    return match.route


def _zaadjes() -> list[str]:
    """Start pages besides "/": a few objects of each kind, so every detail page is reached."""
    from maatwerk.apps.besluiten.models import Beschikking
    from maatwerk.apps.bezwaren.models import Bezwaar
    from maatwerk.apps.cases.models import Opschorting, Zaak
    from maatwerk.apps.klachten.models import Klacht
    from maatwerk.apps.levering.models import Toewijzing
    from maatwerk.apps.schouw.models import Schouw

    urls = ["/"]
    for status in Zaak.objects.values_list("status", flat=True).distinct():
        for pk in Zaak.objects.filter(status=status).values_list("pk", flat=True)[:1]:
            urls += [
                f"/zaken/{pk}/",
                f"/onderzoek/{pk}/",
                f"/onderzoek/{pk}/indicatie/",
                f"/beschikkingen/zaak/{pk}/",
                f"/beschikkingen/aanbieder/zaak/{pk}/",
                f"/bemiddeling/zaak/{pk}/",
                f"/onderzoek/{pk}/tweede-mening/",
            ]
    for b in Beschikking.objects.values_list("pk", flat=True)[:2]:
        urls += [f"/beschikkingen/{b}/", f"/beschikkingen/{b}/corrigeren/"]
    for o in Opschorting.objects.filter(tot__isnull=True).values_list("zaak_id", "pk")[:1]:
        urls.append(f"/zaken/{o[0]}/")
    urls += [f"/bezwaren/{pk}/" for pk in Bezwaar.objects.values_list("pk", flat=True)[:3]]
    urls += [f"/klachten/{pk}/" for pk in Klacht.objects.values_list("pk", flat=True)[:3]]
    urls += [f"/schouw/{pk}/" for pk in Schouw.objects.values_list("pk", flat=True)[:2]]
    urls += [
        "/klachten/nieuw/",
        "/bezwaren/nieuw/",
        "/bezwaren/termijnen/",
        "/monitor/export.csv",
        "/financien/begroting.svg",
        "/herindicatie/nulmeting.svg",
        "/beschikkingen/brief.css",
    ]
    for t in Toewijzing.objects.values_list("pk", "zaak_id")[:3]:
        urls += [
            f"/beschikkingen/toewijzing/{t[0]}/wmo301.xml",
            f"/beschikkingen/aanbieder/zaak/{t[1]}/zorgplan/nieuw/",
        ]
    return urls


def _crawl(
    client: Client,
    fouten: dict,
    zaadjes: list[str],
    post_zaadjes: list[tuple[str, dict[str, str]]] = (),  # type: ignore[assignment]
    overslaan: tuple[str, ...] = OVERSLAAN,
) -> tuple[list[tuple[str, Formulier]], set[str]]:
    """Pages reachable from the seeds (at most PER_PATROON per URL pattern) and their forms.

    ``post_zaadjes`` are pages that only a POST shows (the concept beschikking, with the forms to issue it
    or to ask for approval): posted once with valid values, their links and forms count like a page's.
    """
    te_doen, gezien, per_patroon = list(zaadjes), set(), Counter()
    formulieren: list[tuple[str, Formulier]] = []
    bezocht: set[str] = set()
    for url, data in post_zaadjes:
        try:
            antwoord = client.post(url, data)
        except Exception as exc:  # noqa: BLE001 - reported with the fuzz failures
            fouten[("crawl", _patroon(url) or url)] = f"POST {url}: {type(exc).__name__}: {str(exc)[:300]}"
            continue
        if antwoord.status_code == 200:
            lezer = _Lezer(url)
            lezer.feed(antwoord.content.decode("utf-8", "replace"))
            te_doen.extend(lezer.links)
            formulieren += [
                (url, f) for f in lezer.formulieren if not urlsplit(f.actie).path.startswith(overslaan)
            ]
    while te_doen:
        url = te_doen.pop(0)
        delen = urlsplit(url)
        if delen.netloc not in ("", "testserver") or url in gezien:
            continue
        gezien.add(url)
        pad = delen.path
        route = _patroon(pad)
        if route is None or pad.startswith(overslaan) or per_patroon[route] >= PER_PATROON:
            continue
        per_patroon[route] += 1
        bezocht.add(route)
        try:
            antwoord = client.get(url)
        except Exception as exc:  # noqa: BLE001 - reported with the fuzz failures
            fouten[("crawl", route)] = f"{url}: {type(exc).__name__}: {str(exc)[:300]}"
            continue
        if antwoord.status_code == 302:
            te_doen.append(urljoin(url, antwoord.url))
            continue
        if "html" not in antwoord.get("Content-Type", ""):
            continue
        lezer = _Lezer(url)
        lezer.feed(antwoord.content.decode("utf-8", "replace"))
        te_doen.extend(lezer.links)
        for f in lezer.formulieren:
            if not urlsplit(f.actie).path.startswith(overslaan):
                formulieren.append((url, f))
    return formulieren, bezocht


# -- row counts ----------------------------------------------------------------------------------


def _tellingen() -> dict[str, int]:
    modellen = [
        m
        for m in apps.get_models()
        if m._meta.label_lower not in NIET_GETELD and not m._meta.proxy and m._meta.managed
    ]
    sql = " UNION ALL ".join(
        f"SELECT '{m._meta.label_lower}', COUNT(*) FROM {connection.ops.quote_name(m._meta.db_table)}"
        for m in modellen
    )
    with connection.cursor() as cur:
        cur.execute(sql)
        return dict(cur.fetchall())


# -- the test ------------------------------------------------------------------------------------


@pytest.fixture
def demo_gemeente(db, settings):
    import importlib

    from maatwerk.apps.accounts.rollen import Rol
    from maatwerk.apps.cases.demo import laad_demo

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for rol in Rol.values:
        Group.objects.get_or_create(name=rol)
    laad_demo(16)
    for config in apps.get_app_configs():
        if config.name.startswith("maatwerk.apps."):
            try:
                module = importlib.import_module(f"{config.name}.webdemo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.webdemo":
                    raise
                continue
            module.laad_demo()
    jurist, _ = User.objects.get_or_create(username="jurist")
    jurist.groups.add(Group.objects.get(name=Rol.JURIST))
    # a zaak assigned to nobody and one with the earliest allowed melddatum: pages must tolerate both
    from maatwerk.apps.cases.models import Zaak

    Zaak.objects.filter(pk=Zaak.objects.order_by("pk").values("pk")[:1]).update(consulent=None)
    return {u.username: u for u in User.objects.filter(groups__isnull=False).distinct()}


STRENG = """\
gemeente: Voorbeeldstad
versies:
  - geldig_vanaf: 2021-01-01
    bij_afwijking_normenkader: true
    boven_minuten_per_week: 60
    bron: {titel: fuzz-test}
"""


@dataclass
class Toestanden:
    """Seeds for the states the demo lacks: pages (GET) and pages only a POST shows."""

    zaadjes: list[str]
    post_zaadjes: list[tuple[str, dict[str, str]]]


@pytest.fixture
def toestanden(demo_gemeente, tmp_path, monkeypatch) -> Toestanden:
    """The states whose forms the demo data never shows, made through the services: a running
    opschorting, a spoed zaak, an unsigned zorgplan, a toewijzing not yet started, a concept beschikking
    that needs approval (Voorbeeldstad's rules with a low threshold) and one that may be issued, an open
    approval request, an unread notification, a dossier document, an iWmo verzoek and an onderzoek draft."""
    import datetime as dt

    from maatwerk.apps.aanbieders.models import Aanbieder
    from maatwerk.apps.berichten.models import Bericht, Verzoek, Verzoeksoort
    from maatwerk.apps.besluiten import services as besluiten
    from maatwerk.apps.cases import services as cases
    from maatwerk.apps.cases.models import Status, Zaak
    from maatwerk.apps.dossier import services as dossier
    from maatwerk.apps.levering import services as levering
    from maatwerk.apps.levering.models import Notificatie, Toewijzing
    from maatwerk.apps.onderzoek import services as onderzoek

    (tmp_path / "goedkeuring").mkdir()
    (tmp_path / "goedkeuring" / "voorbeeldstad.yaml").write_text(STRENG, encoding="utf-8")
    monkeypatch.setenv("MAATWERK_REGELS", str(tmp_path))
    zaadjes: list[str] = []
    open_ = list(Zaak.objects.filter(status=Status.ONTVANGEN, consulent__isnull=False).order_by("pk"))
    # a running opschorting, and a spoed zaak
    z = open_[0]
    cases.start_opschorting(z, z.melddatum, "wacht op medisch advies", z.consulent)
    Zaak.objects.filter(pk=open_[1].pk).update(spoed=True)
    zaadjes += [f"/zaken/{open_[0].pk}/", f"/zaken/{open_[1].pk}/"]
    # a document in a zaak's dossier
    doc = dossier.voeg_document_toe(
        open_[2], open_[2].consulent, "Brief huisarts", "brief.pdf", b"%PDF-1.4 x"
    )
    zaadjes += [f"/zaken/{open_[2].pk}/", f"/dossier/{open_[2].pk}/document/{doc.pk}/"]
    # an aanvraag with a plan and an unsigned zorgplan of its aanbieder (no beschikking yet)
    aanvraag = (
        Zaak.objects.filter(status=Status.AANVRAAG, aanbieder__isnull=False, onderzoek__isnull=False)
        .exclude(consulent=None)
        .order_by("pk")
        .first()
    )
    assert aanvraag is not None and aanvraag.onderzoek.indicatie is not None
    besluiten.stel_ondersteuningsplan_op(aanvraag, aanvraag.consulent, {})
    levering.zorgplan_voor(aanvraag, aanvraag.consulent)
    zaadjes += [
        f"/beschikkingen/zaak/{aanvraag.pk}/",
        f"/beschikkingen/aanbieder/zaak/{aanvraag.pk}/",
        f"/onderzoek/{aanvraag.pk}/",
    ]
    # the concept beschikking: toegekend needs approval (so: the form to ask it), afgewezen may be issued
    besluit = {
        "besluit": "toegekend",
        "gevraagd": "U vroeg om hulp bij het schoonhouden van uw huis.",
        "ingangsdatum": (dt.date.today() + dt.timedelta(days=7)).isoformat(),
        "einddatum": "",
        "leveringsvorm": "ZIN",
        "motivering": "",
        "reden_geen_zorgplan": "Spoed: het zorgplan volgt.",
    }
    afgewezen = {**besluit, "besluit": "afgewezen", "ingangsdatum": "", "leveringsvorm": "PGB",
                 "motivering": "Uw huisgenoot kan het huishouden overnemen."}  # fmt: skip
    concept_url = f"/beschikkingen/zaak/{aanvraag.pk}/concept/"
    gevraagd = besluiten.Besluitgegevens(
        besluit="toegekend", ingangsdatum=dt.date.today() + dt.timedelta(days=7), einddatum=None,
        leveringsvorm="ZIN", gevraagd=besluit["gevraagd"], motivering="Al gevraagd.",
        reden_geen_zorgplan=besluit["reden_geen_zorgplan"],
    )  # fmt: skip
    concept = besluiten.maak_concept(aanvraag, aanvraag.consulent, gevraagd)
    assert concept.redenen_goedkeuring, "de strenge regel vraagt goedkeuring"
    g = besluiten.vraag_goedkeuring(aanvraag, aanvraag.consulent, gevraagd, concept.concepthash)
    zaadjes.append(f"/beschikkingen/goedkeuring/{g.pk}/")
    # for aanbieders with a login: a toewijzing whose start is still to be reported (its start reported in
    # error) and one whose stop is (its stop reported in error)
    met_login = Toewijzing.objects.filter(aanbieder__medewerkers__isnull=False).order_by("pk")
    t = met_login.filter(levering_gestart_op__isnull=False, levering_gestopt_op__isnull=True).first()
    gestopt = met_login.filter(levering_gestopt_op__isnull=False).first()
    assert t is not None and gestopt is not None
    levering.herroep_start(t, t.zaak.consulent)
    levering.herroep_stop(gestopt, gestopt.zaak.consulent)
    zaadjes += [
        f"/beschikkingen/aanbieder/zaak/{t.zaak_id}/",
        f"/beschikkingen/aanbieder/zaak/{gestopt.zaak_id}/",
    ]
    # an unread notification on the consulent's werklijst
    Notificatie.objects.create(
        ontvanger=aanvraag.consulent, zaak=aanvraag, tekst=f"Zorgplan zaak {aanvraag.pk}"
    )
    # an iWmo verzoek om toewijzing (WMO315) to decide on
    v = Verzoek.objects.create(
        bericht=Bericht.objects.order_by("pk").first(), soort=Verzoeksoort.TOEWIJZING,
        aanbieder=Aanbieder.objects.order_by("pk").first(), zaak=aanvraag, bsn=aanvraag.client.bsn,
        referentie_aanbieder="REF-FUZZ-1", uiterlijk=dt.date.today() + dt.timedelta(days=14),
    )  # fmt: skip
    zaadjes += ["/iwmo/", f"/iwmo/verzoek/{v.pk}/"]
    # a consulent's draft of an onderzoek in progress
    bezig = Zaak.objects.filter(status=Status.IN_ONDERZOEK, onderzoek__isnull=False).exclude(consulent=None)
    bezig = bezig.order_by("pk").first()
    assert bezig is not None
    onderzoek.bewaar_concept(bezig, bezig.consulent, bezig.onderzoek.versie, {"verslag": ["half af"]})
    zaadjes.append(f"/onderzoek/{bezig.pk}/")
    return Toestanden(zaadjes, [(concept_url, besluit), (concept_url, afgewezen)])


def _waarden(f: Formulier, data: st.DataObject) -> dict[str, str]:
    uit = dict(f.vast)
    for naam, kandidaten in f.velden.items():
        geldig = [k for k in kandidaten if k] or [""]
        if naam in f.vast and data.draw(st.booleans(), label=f"{naam} vast"):
            continue
        uit[naam] = data.draw(st.one_of(st.sampled_from(geldig), vijandig), label=naam)
    # hidden fields are hostile too, sometimes (versie, tokens)
    for naam in f.vast:
        if naam != "csrfmiddlewaretoken" and data.draw(st.integers(0, 4), label=f"{naam}?") == 0:
            uit[naam] = data.draw(vijandig, label=naam)
    return uit


def _fuzz(client: Client, naam: str, f: Formulier, verzoeken: Counter, fouten: dict) -> None:
    """Submit ``f`` VOORBEELDEN times with generated values; record the first failure."""
    route = _patroon(urlsplit(f.actie).path) or f.actie

    @settings(
        max_examples=VOORBEELDEN,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def probeer(data: st.DataObject) -> None:
        waarden = _waarden(f, data)
        if (f.methode, route) in fouten:  # after drawing: hypothesis wants the same draws on a replay
            return
        try:
            if f.methode == "get":
                antwoord = client.get(urlsplit(f.actie).path, waarden)
                verzoeken[("portaal " if naam.startswith("inwoner") else "") + "get"] += 1
                assert antwoord.status_code < 500, antwoord.status_code
                return
            voor = _tellingen()
            antwoord = client.post(f.actie, waarden)
            verzoeken[("portaal " if naam.startswith("inwoner") else "") + "post"] += 1
            assert antwoord.status_code < 500, antwoord.status_code
            if antwoord.status_code not in (301, 302, 303):
                na = _tellingen()
                verschil = {k: (voor[k], na[k]) for k in voor if voor[k] != na[k]}
                assert not verschil, f"opgeslagen na weigering {antwoord.status_code}: {verschil}"
        except Exception as exc:  # noqa: BLE001 - collected and reported together below
            fouten[(f.methode, route)] = f"{naam}: {type(exc).__name__}: {str(exc)[:300]} <- {waarden!r:.400}"

    probeer()


# -- the API (/api/v1) -----------------------------------------------------------------------------

API = "/api/v1"
API_VOORBEELDEN = int(os.environ.get("MAATWERK_FUZZ_API_VOORBEELDEN", str(3 * VOORBEELDEN)))
vreemd_json = st.one_of(
    vijandig,
    st.sampled_from([None, True, -1, 0, 10**30, -(10**30), 1.5, 1e308, [], {}, ["x"], {"a": 1}]),
)


def _geldige_api_waarden() -> dict[str, list[str]]:
    """Valid values per parameter name, from the demo data (so filters and lookups find rows)."""
    from maatwerk.apps.aanbieders.models import Aanbieder
    from maatwerk.apps.besluiten.models import Beschikking
    from maatwerk.apps.cases.models import Status, Zaak
    from maatwerk.apps.levering.models import Toewijzing
    from maatwerk.apps.onderzoek.models import Onderzoek

    def uuids(model) -> list[str]:  # noqa: ANN001
        return [str(u) for u in model.objects.order_by("pk").values_list("uuid", flat=True)[:5]]

    datums = ["2026-01-01", "2025-06-30", "2030-12-31"]
    return {
        "zaken": uuids(Zaak),
        "onderzoeken": uuids(Onderzoek),
        "beschikkingen": uuids(Beschikking),
        "toewijzingen": uuids(Toewijzing),
        "zaak": uuids(Zaak),
        "status": list(Status.values),
        "aanbieder": list(Aanbieder.objects.values_list("agb_code", flat=True)[:3]),
        "pagina": ["1", "2"],
        "paginaGrootte": ["1", "100"],
        **{naam: datums for naam in ("Vanaf", "Tot")},
    }


def _api_lichaam(basis: object, data: st.DataObject, pad: str = "") -> object:
    """``basis`` (a valid body) with some values replaced, removed or added: hostile values and types."""
    if isinstance(basis, dict):
        uit = {}
        for k, v in basis.items():
            keuze = data.draw(st.integers(0, 9), label=f"{pad}{k}?")
            if keuze == 0:
                continue  # missing
            uit[k] = (
                data.draw(vreemd_json, label=f"{pad}{k}") if keuze == 1 else _api_lichaam(v, data, f"{k}.")
            )
        if data.draw(st.integers(0, 9), label=f"{pad}extra?") == 0:
            uit[data.draw(st.text(max_size=10), label="sleutel")] = data.draw(vreemd_json, label="extra")
        return uit
    if isinstance(basis, list):
        return [_api_lichaam(v, data, pad) for v in basis]
    return basis


def _api_bodies() -> dict[str, dict]:
    from tests.api.test_berekening import situatie
    from tests.api.test_meldingen import melding

    return {"/meldingen": melding(), "/indicaties/berekeningen": situatie()}


def _fuzz_api(verzoeken: Counter, fouten: dict) -> set[str]:
    """Every operation of /api/v1 with a valid token (all scopes): hostile query parameters, path UUIDs and
    JSON bodies mixed with valid values. Never a 500; an error is problem+json; a refused POST stores
    nothing. Returns the operations exercised ("GET /zaken", ...)."""
    from maatwerk.apps.api import services as api_services
    from tests.api.conftest import ALLE_SCOPES

    token = api_services.maak_client("fuzz", ALLE_SCOPES, door=None)[1]
    kop = {"Authorization": f"Bearer {token}"}
    browser = Client(raise_request_exception=True)
    schema = browser.get(f"{API}/openapi.json").json()
    geldig, bodies = _geldige_api_waarden(), _api_bodies()
    gedaan: set[str] = set()
    for pad, operaties in schema["paths"].items():
        for methode, operatie in operaties.items():
            _fuzz_operatie(
                browser, kop, API + pad, methode, operatie, geldig, bodies.get(pad, {}), verzoeken, fouten
            )
            gedaan.add(f"{methode.upper()} {pad}")
    return gedaan


def _fuzz_operatie(
    browser: Client, kop: dict, sjabloon: str, methode: str, operatie: dict, geldig: dict[str, list[str]],
    body: dict, verzoeken: Counter, fouten: dict,
) -> None:  # fmt: skip
    import json
    from urllib.parse import quote

    naam = f"{methode.upper()} {sjabloon.removeprefix(API)}"
    collectie = sjabloon.removeprefix(API).strip("/").split("/")[0]

    def kandidaten(p: dict) -> list[str]:
        if p["in"] == "path":
            return geldig.get(collectie) or ["x"]
        return geldig.get(p["name"]) or next((v for k, v in geldig.items() if p["name"].endswith(k)), ["x"])

    @settings(
        max_examples=API_VOORBEELDEN,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def probeer(data: st.DataObject) -> None:
        url, query, inhoud = sjabloon, {}, ""
        for p in operatie.get("parameters", []):
            vreemd = data.draw(st.integers(0, 3), label=f"{p['name']} vreemd?") == 0  # mostly valid: deeper
            waarde = data.draw(vijandig if vreemd else st.sampled_from(kandidaten(p)), label=p["name"])
            if p["in"] == "path":
                url = url.replace("{" + p["name"] + "}", quote(str(waarde)[:2000], safe="") or "x")
            elif data.draw(st.booleans(), label=f"{p['name']}?"):
                query[p["name"]] = waarde
        if methode != "get":
            if data.draw(st.integers(0, 9), label="ruw?") == 0:
                inhoud = data.draw(vijandig, label="ruw")
            else:
                inhoud = json.dumps(_api_lichaam(body, data), default=str)
        if ("api", naam) in fouten:  # after drawing: hypothesis wants the same draws on a replay
            return
        verzoek = f"{methode.upper()} {url} {query!r:.300} {inhoud!r:.400}"
        try:
            if methode == "get":
                antwoord = browser.get(url, query, headers=kop)
            else:
                voor = _tellingen()
                antwoord = browser.generic(
                    methode.upper(), url, inhoud.encode("utf-8", "surrogatepass"),
                    content_type="application/json", headers=kop,
                )  # fmt: skip
                if antwoord.status_code >= 400:
                    na = _tellingen()
                    verschil = {k: (voor[k], na[k]) for k in voor if voor[k] != na[k]}
                    assert not verschil, f"opgeslagen na weigering {antwoord.status_code}: {verschil}"
            verzoeken[f"api {antwoord.status_code // 100}xx"] += 1
            assert antwoord.status_code < 500, antwoord.status_code
            if antwoord.status_code >= 400:
                soort = antwoord["Content-Type"]
                assert soort == "application/problem+json", f"{antwoord.status_code} als {soort}"
                assert antwoord.json()["status"] == antwoord.status_code
        except Exception as exc:  # noqa: BLE001 - collected and reported together below
            fouten[("api", naam)] = f"{type(exc).__name__}: {str(exc)[:300]} <- {verzoek}"

    probeer()


# -- the inwoner portal (/portaal) --------------------------------------------------------------------

#: The portal's login (OpenID Connect) and logout: tested in tests/portaal; posting them would end the
#: session the crawl runs in.
PORTAAL_OVERSLAAN = ("/portaal/inloggen/", "/portaal/oidc/", "/portaal/uitloggen/")


def _inwoner_sessie(bsn: str) -> Client:
    """A test client with a logged-in inwoner's portal session (as after the DigiD login)."""
    from maatwerk.apps.portaal import services as portaal
    from maatwerk.apps.portaal import sessie

    inwoner = portaal.inwoner_voor_bsn(bsn)
    client = Client(raise_request_exception=True)
    s = client.session
    s[sessie.INWONER], s[sessie.ACTIEF] = inwoner.pk, time.time()
    s.save()
    return client


def _fuzz_formulieren(client: Client, naam: str, formulieren, verzoeken: Counter, fouten: dict) -> set[str]:  # noqa: ANN001
    gedekt: set[str] = set()
    uniek: dict[tuple[str, str, str], tuple[str, Formulier]] = {}
    for bron, f in formulieren:
        sleutel = (f.methode, _patroon(urlsplit(f.actie).path) or f.actie, ",".join(sorted(f.velden)))
        uniek.setdefault(sleutel, (bron, f))
    for _bron, f in uniek.values():
        gedekt.add(_patroon(urlsplit(f.actie).path) or "")
        _fuzz(client, naam, f, verzoeken, fouten)
    return gedekt


def test_geen_invoer_haalt_een_pagina_onderuit(demo_gemeente, toestanden):
    from maatwerk.apps.portaal.webdemo import INWONER_BSN, VERTEGENWOORDIGER_BSN

    start, verzoeken = time.monotonic(), Counter()
    alle_routes = {str(p.pattern) for p in _alle_patronen(get_resolver().url_patterns, "")}
    gedekt: set[str] = set()
    fouten: dict[tuple[str, str], str] = {}
    zaadjes = _zaadjes() + toestanden.zaadjes
    # First every role's crawl, then the fuzz: a fuzzed form may change state (a valid status change,
    # an issued beschikking) that another role's crawl needs to see a page's form.
    sessies: list[tuple[str, Client, list[tuple[str, Formulier]]]] = []
    for naam, gebruiker in sorted(demo_gemeente.items()):
        client = Client(raise_request_exception=True)
        client.force_login(gebruiker)
        formulieren, bezocht = _crawl(client, fouten, zaadjes, toestanden.post_zaadjes)
        gedekt |= bezocht
        verzoeken["crawl"] += len(bezocht)
        sessies.append((naam, client, formulieren))
    for bsn in (INWONER_BSN, VERTEGENWOORDIGER_BSN):
        client = _inwoner_sessie(bsn)
        formulieren, bezocht = _crawl(
            client, fouten, ["/portaal/", "/portaal/aanvragen/"], overslaan=OVERSLAAN + PORTAAL_OVERSLAAN
        )
        gedekt |= bezocht
        verzoeken["crawl"] += len(bezocht)
        sessies.append((f"inwoner {bsn}", client, formulieren))
    for naam, client, formulieren in sessies:
        gedekt |= _fuzz_formulieren(client, naam, formulieren, verzoeken, fouten)
    api_operaties = _fuzz_api(verzoeken, fouten)
    andere = ("admin", "login", "logout", "api/")  # the API's operations are checked from its OpenAPI
    ontbrekend = {r for r in alle_routes if not r.startswith(andere)} - gedekt
    duur = time.monotonic() - start
    print(
        f"FUZZ verzoeken={sum(verzoeken.values())} {dict(verzoeken)} in {duur:.0f} s; "
        f"API-operaties: {len(api_operaties)}; routes niet bereikt: {sorted(ontbrekend)}"
    )
    for k, v in fouten.items():
        print("FOUT", k, v)
    assert not fouten, f"{len(fouten)} fouten (zie FOUT-regels)"
    # every page of the app is reached by some role's crawl (so a new page is fuzzed automatically)
    assert ontbrekend <= NIET_BEREIKBAAR, "\n".join(sorted(ontbrekend - NIET_BEREIKBAAR))
    assert {"POST /meldingen", "GET /zaken", "POST /indicaties/berekeningen"} <= api_operaties


#: Routes the fuzz does not post to: the portal's OpenID Connect login and its logout (tests/portaal).
NIET_BEREIKBAAR: set[str] = {
    "portaal/inloggen/",
    "portaal/oidc/callback/",
    "portaal/uitloggen/",
    # A correction's approval request: its form shows only on a beschikking with a correction
    # concept under a second-approval rule (tests/besluiten/test_concept.py,
    # tests/e2e/test_werkdag_brieven.py).
    "beschikkingen/<int:pk>/correctie-goedkeuring-vragen/",
}


def _alle_patronen(patronen, voor: str):  # noqa: ANN001, ANN202
    for p in patronen:
        if hasattr(p, "url_patterns"):
            yield from _alle_patronen(p.url_patterns, voor + str(p.pattern))
        else:
            p_ = type("P", (), {"pattern": voor + str(p.pattern)})
            yield p_
