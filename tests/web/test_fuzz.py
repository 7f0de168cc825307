"""No input takes a page down: hypothesis-generated values posted to every form and GET filter.

The test loads the demo municipality (16 clients and every app's demo hook), then crawls the site
as every role from the start page, following links, and collects every ``<form>`` it meets (with
its fields, options and hidden values). Each form is then submitted with generated values: text
with control characters, huge and negative numbers, odd dates, unicode digits, empty and very long
strings, mixed with the form's own valid values so that deeper checks are reached. It asserts:

- never a server error (the test client re-raises the exception with its traceback);
- after a rejected POST (any answer other than a redirect) no row was added, changed in count or
  removed in any table (the audit log and login bookkeeping excepted: reading is logged).

The number of examples per form is bounded (``VOORBEELDEN``) so the test stays within minutes.
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


def _crawl(client: Client, fouten: dict) -> tuple[list[tuple[str, Formulier]], set[str]]:
    """Pages reachable from "/" and the seeds (at most PER_PATROON per URL pattern) and their forms."""
    te_doen, gezien, per_patroon = _zaadjes(), set(), Counter()
    formulieren: list[tuple[str, Formulier]] = []
    bezocht: set[str] = set()
    while te_doen:
        url = te_doen.pop(0)
        delen = urlsplit(url)
        if delen.netloc not in ("", "testserver") or url in gezien:
            continue
        gezien.add(url)
        pad = delen.path
        route = _patroon(pad)
        if route is None or pad.startswith(OVERSLAAN) or per_patroon[route] >= PER_PATROON:
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
            if not urlsplit(f.actie).path.startswith(OVERSLAAN):
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
        if (f.methode, route) in fouten:
            return
        waarden = _waarden(f, data)
        try:
            if f.methode == "get":
                antwoord = client.get(urlsplit(f.actie).path, waarden)
                verzoeken["get"] += 1
                assert antwoord.status_code < 500, antwoord.status_code
                return
            voor = _tellingen()
            antwoord = client.post(f.actie, waarden)
            verzoeken["post"] += 1
            assert antwoord.status_code < 500, antwoord.status_code
            if antwoord.status_code not in (301, 302, 303):
                na = _tellingen()
                verschil = {k: (voor[k], na[k]) for k in voor if voor[k] != na[k]}
                assert not verschil, f"opgeslagen na weigering {antwoord.status_code}: {verschil}"
        except Exception as exc:  # noqa: BLE001 - collected and reported together below
            fouten[(f.methode, route)] = f"{naam}: {type(exc).__name__}: {str(exc)[:300]} <- {waarden!r:.400}"

    probeer()


def test_geen_invoer_haalt_een_pagina_onderuit(demo_gemeente):
    start, verzoeken = time.monotonic(), Counter()
    alle_routes = {str(p.pattern) for p in _alle_patronen(get_resolver().url_patterns, "")}
    gedekt: set[str] = set()
    fouten: dict[tuple[str, str], str] = {}
    for naam, gebruiker in sorted(demo_gemeente.items()):
        client = Client(raise_request_exception=True)
        client.force_login(gebruiker)
        formulieren, bezocht = _crawl(client, fouten)
        gedekt |= bezocht
        verzoeken["crawl"] += len(bezocht)
        uniek: dict[tuple[str, str, str], tuple[str, Formulier]] = {}
        for bron, f in formulieren:
            sleutel = (f.methode, _patroon(urlsplit(f.actie).path) or f.actie, ",".join(sorted(f.velden)))
            uniek.setdefault(sleutel, (bron, f))
        for _bron, f in uniek.values():
            gedekt.add(_patroon(urlsplit(f.actie).path) or "")
            _fuzz(client, naam, f, verzoeken, fouten)
        client.logout()
    # the API (schemathesis, tests/api) and the inwoner portal (OIDC login, tests/portaal) are fuzzed there
    andere = ("admin", "login", "logout", "api/", "portaal")
    ontbrekend = {r for r in alle_routes if not r.startswith(andere)} - gedekt
    duur = time.monotonic() - start
    print(
        f"FUZZ verzoeken={sum(verzoeken.values())} {dict(verzoeken)} in {duur:.0f} s; "
        f"routes niet bereikt: {sorted(ontbrekend)}"
    )
    for sleutel in BEKEND_ELDERS:
        fouten.pop(sleutel, None)
    for k, v in fouten.items():
        print("FOUT", k, v)
    assert not fouten, f"{len(fouten)} fouten (zie FOUT-regels)"
    # every page of the app is reached by some role's crawl (so a new page is fuzzed automatically)
    assert ontbrekend <= NIET_BEREIKBAAR, "\n".join(sorted(ontbrekend - NIET_BEREIKBAAR))


#: Failures another branch fixes (remove when merged): the monitor's spend figure reads an old
#: indication format (tests/monitor fails on the same line).
BEKEND_ELDERS = {("crawl", "monitor/"), ("crawl", "monitor/export.<str:formaat>")}

#: Routes no crawl reaches by following links (not pages with a form or filter).
#: Routes whose form only shows in a state the demo data lacks (a running opschorting, an unsigned
#: zorgplan, a spoed-eligible zaak); their forms are tested in tests/web and tests/levering.
NIET_BEREIKBAAR: set[str] = {
    "beschikkingen/aanbieder/toewijzing/<int:pk>/stop/",
    "beschikkingen/aanbieder/zaak/<int:pk>/tekenen/",
    "beschikkingen/aanbieder/zaak/<int:pk>/zorgplan/",
    "zaken/<int:pk>/opschorting/<int:opschorting_pk>/beeindigen/",
    "zaken/<int:pk>/spoed/",
    # Added by the working-day work (issue 10); their forms appear only in states the demo lacks, or are
    # posted by script (the onderzoek draft); each has its own tests in tests/web and tests/besluiten.
    "beschikkingen/aanbieder/toewijzing/<int:pk>/start/",
    "beschikkingen/goedkeuring/<int:pk>/",
    "beschikkingen/notificatie/<int:pk>/gelezen/",
    "beschikkingen/zaak/<int:pk>/afgeven/",
    "beschikkingen/zaak/<int:pk>/goedkeuring-vragen/",
    "beschikkingen/<int:pk>/correctie-goedkeuring-vragen/",
    "dossier/<int:pk>/document/<int:document_pk>/",
    "iwmo/verzoek/<int:pk>/",
    "onderzoek/<int:zaak_pk>/concept/",
    "onderzoek/<int:zaak_pk>/concept/weggooien/",
}


def _alle_patronen(patronen, voor: str):  # noqa: ANN001, ANN202
    for p in patronen:
        if hasattr(p, "url_patterns"):
            yield from _alle_patronen(p.url_patterns, voor + str(p.pattern))
        else:
            p_ = type("P", (), {"pattern": voor + str(p.pattern)})
            yield p_
