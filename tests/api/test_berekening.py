"""POST /indicaties/berekeningen: the engine's explained indication; stores nothing; Dutch 400s."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maatwerk.apps.audit.models import AuditRegel
from maatwerk.apps.indicaties.models import Indicatie
from maatwerk.engine import indiceer, laad_situatie
from maatwerk.engine.serialisatie import indicatie_naar_json

from .conftest import SITUATIE, Api, is_probleem, maak_token

pytestmark = pytest.mark.django_db


def situatie(**anders) -> dict:
    with open(SITUATIE, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    data = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}
    data["client"] = {"geboortedatum": str(data["client"]["geboortedatum"])}
    return data | anders


def test_computes_the_engines_indication_and_stores_nothing(api) -> None:
    audit_voor = AuditRegel.objects.count()
    antwoord = api.post("/indicaties/berekeningen", situatie())
    assert antwoord.status_code == 200, antwoord.content
    inhoud = antwoord.json()
    verwacht = indiceer(laad_situatie(SITUATIE))
    assert inhoud["urenPerWeek"] == verwacht.uren_per_week
    assert inhoud["kader"] == verwacht.kader and inhoud["kaderVersie"] == verwacht.kader_versie
    assert inhoud["indicatie"] == yaml.safe_load(yaml.safe_dump(indicatie_naar_json(verwacht)))
    assert inhoud["peildatum"] == "2026-03-01"
    assert not Indicatie.objects.exists() and AuditRegel.objects.count() == audit_voor


@pytest.mark.parametrize(
    ("anders", "veld"),
    [
        ({"onbekend": 1}, "onbekend"),
        ({"peildatum": "morgen"}, "peildatum"),
        ({"client": {"geboortedatum": "2999-01-01"}}, "client.geboortedatum"),
        ({"beperkingen": {"licht_huishoudelijk_werk": "soms"}}, "beperkingen.licht_huishoudelijk_werk"),
    ],
)
def test_an_invalid_situation_is_a_dutch_400_naming_the_field(api, anders, veld) -> None:
    inhoud = is_probleem(api.post("/indicaties/berekeningen", situatie(**anders)), 400)
    assert veld in [v["naam"] for v in inhoud["invalidParams"]], inhoud
    assert not Indicatie.objects.exists()


def test_needs_its_scope(keten) -> None:
    lezer = Api(maak_token("lezer", ["zaken:lezen"]))
    is_probleem(lezer.post("/indicaties/berekeningen", situatie()), 403)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda kind: st.lists(kind, max_size=3) | st.dictionaries(st.text(max_size=5), kind, max_size=3),
    max_leaves=8,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sleutel=st.sampled_from(["peildatum", "gemeente", "client", "woning", "beperkingen", "netwerk"]),
    waarde=JSON,
)
def test_any_value_for_a_field_is_200_or_a_400_problem(api, sleutel, waarde) -> None:
    antwoord = api.post("/indicaties/berekeningen", situatie(**{sleutel: waarde}))
    if antwoord.status_code != 200:
        is_probleem(antwoord, 400)
