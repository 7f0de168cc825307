"""Project hygiene: publiccode.yml (standard 0.4), LICENSE (EUPL-1.2), CHANGELOG and CONTRIBUTING."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
VERPLICHT = {
    "publiccodeYmlVersion",
    "name",
    "url",
    "platforms",
    "categories",
    "developmentStatus",
    "softwareType",
    "description",
    "legal",
    "maintenance",
    "localisation",
}
STATUSSEN = {"concept", "development", "beta", "stable", "obsolete"}
ONDERHOUD = {"internal", "contract", "community", "none"}


def _publiccode() -> dict:
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def test_publiccode_heeft_de_verplichte_sleutels():
    pc = _publiccode()
    assert pc.keys() >= VERPLICHT, f"ontbreekt: {VERPLICHT - pc.keys()}"
    assert pc["publiccodeYmlVersion"] == "0.4"
    assert pc["developmentStatus"] in STATUSSEN
    assert pc["legal"]["license"] == "EUPL-1.2"
    assert pc["maintenance"]["type"] in ONDERHOUD and pc["maintenance"]["contacts"]
    assert pc["localisation"]["availableLanguages"]
    dt.date.fromisoformat(pc["releaseDate"])
    assert [d["name"] for d in pc["dependsOn"]["open"]][:2] == ["Python", "Django"]


def test_publiccode_beschrijving_in_nederlands_en_engels():
    beschrijving = _publiccode()["description"]
    assert {"nl", "en"} <= beschrijving.keys()
    for taal, tekst in beschrijving.items():
        assert len(tekst["shortDescription"]) <= 150, taal
        assert 150 <= len(tekst["longDescription"]) <= 10_000, taal
        assert tekst["features"], taal


def test_publiccode_versie_gelijk_aan_pakket():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert _publiccode()["softwareVersion"] == project["version"]


def test_licentie_is_de_volledige_eupl_tekst():
    tekst = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert tekst.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\nEUPL © the European Union 2007, 2016\n")
    for kop in ("1.Definitions", "5.Obligations of the Licensee", "15.Applicable Law", "Appendix"):
        assert kop in tekst
    assert tekst.rstrip().endswith(
        "All other changes or additions to this Appendix require the production of a new EUPL version."
    )


def test_changelog_en_contributing():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "keepachangelog.com" in changelog and "## [Unreleased]" in changelog
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for onderwerp in ("make run", "make test", "Regels zijn data", "services.py", "Commits"):
        assert onderwerp in contributing


def test_lockbestand_pint_elke_afhankelijkheid_met_hashes():
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    gepind = {
        m.group(1).lower().replace("_", "-"): m.group(2)
        for m in re.finditer(r"^([A-Za-z0-9._-]+)==(\S+) \\\n\s+--hash=sha256:[0-9a-f]{64}", lock, re.M)
    }
    vereist = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    for eis in vereist:
        naam = re.match(r"[A-Za-z0-9._-]+", eis).group(0).lower().replace("_", "-")
        assert naam in gepind, f"{naam} staat niet (met hash) in requirements.lock; draai 'make lock'"
    # Every pinned package carries a hash (pip install --require-hashes refuses otherwise).
    assert len(gepind) == len(re.findall(r"^[A-Za-z0-9._-]+==", lock, re.M))
    assert "make lock" in (ROOT / "Makefile").read_text(encoding="utf-8")
