"""Example client of the maatwerk API (/api/v1): register a melding, follow its zaak, compute an indication.

    export MAATWERK_API_TOKEN=...   # maatwerk api-client aanmaken voorbeeld \
                                    #   --scopes meldingen:schrijven,zaken:lezen,indicaties:berekenen
    python examples/api/client.py --basis http://127.0.0.1:8000/api/v1

Uses only httpx. Errors of the API are problem+json: printed with their field errors, exit code 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys

import httpx

SITUATIE = {  # what a front office records; no name, no BSN
    "peildatum": dt.date.today().isoformat(),
    "gemeente": "Voorbeeldstad",
    "client": {"geboortedatum": "1941-05-12"},
    "woning": {"type": "appartement", "kamers_in_gebruik": 3},
    "beperkingen": {"licht_huishoudelijk_werk": "niet", "zwaar_huishoudelijk_werk": "niet"},
}


def melding(bsn: str) -> dict:
    """The fields of the intake form (an Open Formulieren registration can post exactly these)."""
    return {
        "soortMelding": "volledig",
        "melddatum": dt.date.today().isoformat(),
        "kanaal": "digitaal",
        "vraag": "Ik kan mijn huis niet meer schoonhouden sinds mijn heupoperatie.",
        "bsn": bsn,
        "voornamen": "Jan",
        "achternaam": "Voorbeeld",
        "geboortedatum": "1948-02-03",
        "straat": "Kerkstraat",
        "huisnummer": "1",
        "postcode": "1234 AB",
        "woonplaats": "Voorbeeldstad",
    }


def controleer(antwoord: httpx.Response) -> dict:
    """The JSON body, or stop with the problem the API answered."""
    if antwoord.is_success:
        return antwoord.json()
    probleem = antwoord.json() if "json" in antwoord.headers.get("content-type", "") else {}
    print(
        f"Fout {antwoord.status_code}: {probleem.get('title', '')}: {probleem.get('detail', antwoord.text)}"
    )
    for veld in probleem.get("invalidParams") or []:
        print(f"  - {veld['naam'] or '(melding)'}: {veld['reden']}")
    sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--basis", default="http://127.0.0.1:8000/api/v1", help="URL van de API")
    parser.add_argument("--token", default=os.environ.get("MAATWERK_API_TOKEN", ""), help="API-token")
    parser.add_argument("--bsn", default="999990019", help="BSN van de (test)cliënt (elfproef)")
    args = parser.parse_args()
    if not args.token:
        parser.error("geef --token of zet MAATWERK_API_TOKEN")
    with httpx.Client(
        base_url=args.basis, headers={"Authorization": f"Bearer {args.token}"}, timeout=30
    ) as api:
        antwoord = api.post("/meldingen", json=melding(args.bsn))
        zaak = controleer(antwoord)
        print(f"API-versie {antwoord.headers['API-Version']}; zaak: {antwoord.headers['Location']}")
        print(f"Melding geregistreerd: zaak {zaak['uuid']} ({zaak['statusOmschrijving']})")
        volg = controleer(api.get(zaak["url"].removeprefix("/api/v1")))
        print(f"Status: {volg['status']}: {volg['statusUitleg']}")
        for termijn in volg["termijnen"]:
            print(f"  termijn {termijn['naam']}: uiterlijk {termijn['laatsteDag']} ({termijn['stand']})")
        uitkomst = controleer(api.post("/indicaties/berekeningen", json=SITUATIE))
        kader = f"{uitkomst['kader']}@{uitkomst['kaderVersie']}"
        print(f"Indicatie: {uitkomst['urenPerWeek']} uur per week ({kader})")
        print(json.dumps({"zaak": zaak["uuid"], "urenPerWeek": uitkomst["urenPerWeek"]}))


if __name__ == "__main__":
    main()
