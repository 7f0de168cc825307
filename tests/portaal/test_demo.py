"""The portal's demo data and the demo provider's inwoners agree (BSN, user names, password)."""

from __future__ import annotations

from maatwerk.apps.cases.demo import BSN_BASIS
from maatwerk.apps.clients.bsn import maak_bsn
from maatwerk.apps.oidc_demo import inrichting
from maatwerk.apps.portaal import webdemo


def test_demo_inwoners_komen_overeen():
    provider = {i.gebruikersnaam: i.bsn for i in inrichting.DEMO_INWONERS}
    assert provider[webdemo.INWONER] == webdemo.INWONER_BSN
    assert provider[webdemo.VERTEGENWOORDIGER] == webdemo.VERTEGENWOORDIGER_BSN
    assert webdemo.WACHTWOORD == inrichting.WACHTWOORD


def test_demo_bsns_zijn_de_demoklanten():
    """600000060 is demo client 6 (levering gestart), 600000047 demo client 4 (besluit)."""
    bsns, n = [], BSN_BASIS
    for _ in range(6):
        bsns.append(maak_bsn(n))
        n = int(bsns[-1][:8]) + 1
    assert bsns[5] == webdemo.INWONER_BSN and bsns[3] == webdemo.VERTEGENWOORDIGD_BSN
