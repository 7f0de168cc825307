"""The architecture's main lines, checked on the code itself.

1. The rules engines and pure logic modules never import Django.
2. Views, forms and CLI commands only parse input and present output: they never save, create, update or
   delete models and never write audit entries themselves; that is what each app's ``services.py`` (and,
   for audited reads, ``selectors.py``) is for.
3. The import contracts in pyproject.toml (run by ``lint-imports`` in bin/test) catch what they claim to.
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

WORTEL = Path(__file__).resolve().parents[1]

PUUR = [
    "maatwerk.engine",
    "maatwerk.engine.batch",
    "maatwerk.toets",
    "maatwerk.toets.bewaking",
    "maatwerk.regels.laden",
    "maatwerk.regeltaal",
    "maatwerk.opmaak",
    "maatwerk.apps.clients.bsn",
    "maatwerk.apps.herindicatie.overgang",
    "maatwerk.apps.herindicatie.nulmeting",
    "maatwerk.apps.herindicatie.planning",
    "maatwerk.apps.herindicatie.simulatie",
    "maatwerk.apps.finance.herstel",
    "maatwerk.apps.finance.inkomsten",
    "maatwerk.iwmo.valideer",
    "maatwerk.iwmo.retour",
    "maatwerk.iwmo.codes",
    "maatwerk.apps.onderzoek.kadervragen",
]


@pytest.mark.parametrize("module", PUUR)
def test_pure_module_does_not_import_django(module):
    if module == "maatwerk.regeltaal" and importlib.util.find_spec(module) is None:
        pytest.skip("maatwerk.regeltaal bestaat (nog) niet in deze tak")
    code = (
        f"import sys, {module}; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    resultaat = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert resultaat.returncode == 0, f"{module} importeert Django (of faalt): {resultaat.stderr[-500:]}"


# --- 2. views, forms and CLI only parse and present -------------------------------------------------

#: Model writes. ``update`` only counts with keyword arguments alone (QuerySet.update(**velden));
#: ``dict.update(mapping)`` in a view builds a template context and is fine.
SCHRIJVEN = {"save", "delete", "create", "bulk_create", "bulk_update", "get_or_create", "update_or_create"}
#: Functions that write an audit entry (maatwerk.apps.audit and the AuditRegel model).
AUDIT = {"log_persoonsgegevens", "log_clientlijst", "log_rapport", "schrijf_lijst"}

#: Where presentation code lives, for every app (also apps added later) and every CLI module.
PATRONEN = (
    "maatwerk/apps/*/views.py",
    "maatwerk/apps/*/views/*.py",
    "maatwerk/apps/*/forms.py",
    "maatwerk/cli/*.py",
    "maatwerk/web/views.py",
    # The API (/api/v1): its endpoints are maatwerk/apps/api/views/*.py (above); these parse and present too.
    "maatwerk/apps/api/api.py",
    "maatwerk/apps/api/auth.py",
    "maatwerk/apps/api/formulier.py",
    "maatwerk/apps/api/middleware.py",
    "maatwerk/apps/api/problemen.py",
    "maatwerk/apps/api/admin.py",
)

#: Explicit exceptions: (path, function) -> why. Keep this list short; every entry needs a reason.
#: An entry that no longer matches a violation fails test_allow_list_entries_still_exist: remove it then.
TOEGESTAAN: dict[tuple[str, str], str] = {}


def _overtredingen(bron: str) -> list[tuple[int, str, str]]:
    """(line, enclosing function, what) for every model write or audit write in ``bron``."""
    boom = ast.parse(bron)
    gevonden: list[tuple[int, str, str]] = []

    def bezoek(knoop: ast.AST, functie: str) -> None:
        for kind in ast.iter_child_nodes(knoop):
            naam = functie
            if isinstance(kind, ast.FunctionDef | ast.AsyncFunctionDef):
                naam = kind.name if functie == "<module>" else functie
            if isinstance(kind, ast.Call):
                wat = _oordeel(kind)
                if wat:
                    gevonden.append((kind.lineno, naam, wat))
            if isinstance(kind, ast.ImportFrom):
                for alias in kind.names:
                    if alias.name in AUDIT:
                        gevonden.append((kind.lineno, naam, f"importeert {alias.name}"))
            bezoek(kind, naam)

    bezoek(boom, "<module>")
    return gevonden


def _oordeel(aanroep: ast.Call) -> str | None:
    f = aanroep.func
    if isinstance(f, ast.Name) and f.id in AUDIT:
        return f"{f.id}()"
    if not isinstance(f, ast.Attribute):
        return None
    if f.attr in AUDIT or (
        f.attr == "schrijf" and isinstance(f.value, ast.Name) and f.value.id == "AuditRegel"
    ):
        return f".{f.attr}()"
    if f.attr in SCHRIJVEN:
        return f".{f.attr}()"
    if f.attr == "update" and aanroep.keywords and not aanroep.args:
        return ".update(**...)"
    return None


def _bestanden() -> list[Path]:
    return sorted({p for patroon in PATRONEN for p in WORTEL.glob(patroon)})


def test_the_check_finds_writes_and_audits():
    """The checker itself: it must flag each kind of write (else the next test proves nothing)."""
    bron = """
from maatwerk.apps.audit import log_persoonsgegevens
def view(request, zaak, form):
    context = {}
    context.update({"a": 1})
    zaak.save()
    Zaak.objects.filter(pk=1).update(status="x")
    Opschorting.objects.create(zaak=zaak)
    zaak.opschortingen.all().delete()
    Regel.objects.bulk_create([])
    log_persoonsgegevens(request.user, None, "lezen", "wat", "waarom")
    AuditRegel.schrijf(None, None, "lezen", "wat", "waarom")
"""
    wat = [w for _, _, w in _overtredingen(bron)]
    assert wat == [
        "importeert log_persoonsgegevens",
        ".save()",
        ".update(**...)",
        ".create()",
        ".delete()",
        ".bulk_create()",
        "log_persoonsgegevens()",
        ".schrijf()",
    ]


def test_views_forms_and_cli_only_parse_and_present():
    assert _bestanden(), "geen views/CLI gevonden: klopt WORTEL nog?"
    fouten = []
    for pad in _bestanden():
        relatief = pad.relative_to(WORTEL).as_posix()
        for regel, functie, wat in _overtredingen(pad.read_text(encoding="utf-8")):
            if (relatief, functie) not in TOEGESTAAN:
                fouten.append(f"{relatief}:{regel} in {functie}: {wat}")
    assert not fouten, (
        "Views, formulieren en CLI schrijven niet zelf: roep een functie in services.py (wijzigingen) of "
        "selectors.py (gelogde leesacties) aan.\n" + "\n".join(fouten)
    )


def test_allow_list_entries_still_exist():
    """An exception that no longer matches a violation is removed, so the list cannot rot."""
    gebruikt = {
        (pad.relative_to(WORTEL).as_posix(), functie)
        for pad in _bestanden()
        for _, functie, _ in _overtredingen(pad.read_text(encoding="utf-8"))
    }
    assert set(TOEGESTAAN) <= gebruikt, set(TOEGESTAAN) - gebruikt


# --- 3. the import contracts catch what they claim to ----------------------------------------------


def _contract(naam_begint: str) -> dict:
    instellingen = tomllib.loads((WORTEL / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "importlinter"
    ]
    return next(c for c in instellingen["contracts"] if c["name"].startswith(naam_begint))


def _controleer(contract: dict, modules: list[str], imports: list[tuple[str, str]]) -> bool:
    """Run one contract from pyproject.toml on a small made-up import graph; True = kept."""
    grimp = pytest.importorskip("grimp")
    from importlinter import configuration
    from importlinter.contracts.forbidden import ForbiddenContract
    from importlinter.contracts.independence import IndependenceContract

    configuration.configure()
    graaf = grimp.ImportGraph()
    genoemd = [*contract.get("source_modules", []), *contract.get("forbidden_modules", [])]
    for module in {*modules, *(m for m in genoemd if m.startswith("maatwerk") and "*" not in m)}:
        graaf.add_module(module)
    graaf.add_module("django", is_squashed=True)
    for van, naar in imports:
        graaf.add_import(importer=van, imported=naar, line_number=1, line_contents=f"import {naar}")
    soort = {"forbidden": ForbiddenContract, "independence": IndependenceContract}[contract["type"]]
    # import-linter reads its options as text, as from an INI file
    opties = {
        k: (str(v).lower() if isinstance(v, bool) else v)
        for k, v in contract.items()
        if k not in ("name", "type")
    }
    sessie = {"root_packages": ["maatwerk"], "include_external_packages": True}
    return bool(soort(contract["name"], sessie, opties).check(graaf, verbose=False).kept)


APPS = [
    "maatwerk",
    "maatwerk.apps",
    "maatwerk.apps.cases",
    "maatwerk.apps.cases.models",
    "maatwerk.apps.cases.services",
    "maatwerk.apps.cases.status",
    "maatwerk.apps.cases.views",
    "maatwerk.apps.finance",
    "maatwerk.apps.finance.bronnen",
    "maatwerk.apps.herindicatie",
    "maatwerk.apps.herindicatie.models",
    "maatwerk.apps.herindicatie.selectors",
    "maatwerk.apps.herindicatie.views",
    "maatwerk.apps.herindicatie.invoer",
    "maatwerk.apps.herindicatie.brieven",
    "maatwerk.cli",
    "maatwerk.web",
]


@pytest.mark.parametrize(
    ("imports", "gehouden"),
    [
        ([("maatwerk.apps.finance.bronnen", "maatwerk.apps.herindicatie.selectors")], True),
        ([("maatwerk.apps.finance.bronnen", "maatwerk.apps.cases.services")], True),
        ([("maatwerk.apps.finance.bronnen", "maatwerk.apps.cases.models")], True),
        ([("maatwerk.apps.finance.bronnen", "maatwerk.apps.cases.status")], False),
        ([("maatwerk.apps.finance.bronnen", "maatwerk.apps.cases.views")], False),
    ],
)
def test_apps_contract_allows_services_and_refuses_internals(imports, gehouden):
    assert _controleer(_contract("Apps use each other"), APPS, imports) is gehouden


def test_finance_contract_refuses_herindicatie_models():
    contract = _contract("Finance reads herindicatie")
    goed = [("maatwerk.apps.finance.bronnen", "maatwerk.apps.herindicatie.selectors")]
    fout = [("maatwerk.apps.finance.bronnen", "maatwerk.apps.herindicatie.models")]
    assert _controleer(contract, APPS, goed)
    assert not _controleer(contract, APPS, fout)


def test_pure_contract_refuses_django():
    contract = _contract("Pure rules packages")
    modules = [
        "maatwerk",
        "maatwerk.engine",
        "maatwerk.toets",
        "maatwerk.regels",
        "maatwerk.opmaak",
        "maatwerk.regeltaal",
        "maatwerk.termijnen",
        "maatwerk.iwmo",
        *APPS,
    ]
    assert _controleer(contract, modules, [("maatwerk.engine", "maatwerk.opmaak")])
    assert not _controleer(contract, modules, [("maatwerk.toets", "django")])
    assert not _controleer(contract, modules, [("maatwerk.regels", "maatwerk.apps.cases.models")])
