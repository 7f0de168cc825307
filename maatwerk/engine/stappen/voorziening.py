"""Step 2: an algemene voorziening instead of the activity (Wmo 2015 art. 2.3.5 lid 3).

An activity with ``vervalt_bij_voorziening`` is replaced (0 minutes, the remaining steps skipped) only
when the client uses that voorziening *and* the consulent recorded that it is passend and financieel
toegankelijk for this client. The kader declares every such voorziening under
``algemene_voorzieningen``; one that is only the private market with a discount is refused on load (the
beleidstoets does not accept it as an algemene voorziening), so it can never zero an activity. The
decision, either way, is a trace step.
"""

from __future__ import annotations

from maatwerk.engine.stappen.toestand import Enkel, Kolommen

WET = (
    "Wmo 2015 art. 2.3.5 lid 3 (een algemene voorziening gaat alleen voor als die voor de cliënt "
    "passend en toegankelijk is)"
)


def _ja_nee(x: bool | None) -> str:
    return "ja" if x is True else "nee" if x is False else "niet vastgesteld"


def enkel(t: Enkel) -> None:
    if not t.van_toepassing:
        return
    for v in t.a.vervalt_bij:
        gebruik = t.s.voorziening(v.naam)
        if gebruik is None:
            continue
        feiten = {
            "algemene_voorziening": v.naam,
            "passend": gebruik.passend,
            "financieel_toegankelijk": gebruik.financieel_toegankelijk,
            "motivatie": gebruik.motivatie,
        }
        bron = f"{WET}; {v.bron}"
        if gebruik.vervangt_maatwerk:
            motivatie = f" ({gebruik.motivatie.rstrip('.')})" if gebruik.motivatie else ""
            t.stap(
                "voorziening",
                bron,
                feiten,
                0.0,
                f"Vervalt: de algemene voorziening {v.tekst} is voor u passend en financieel "
                f"toegankelijk{motivatie}.",
                v.voorbeeld,
            )
            t.aftrek_redenen.append(f"u de algemene voorziening {v.tekst} gebruikt")
            t.vervallen = True
            t.voorbeeld |= v.voorbeeld
            return
        t.stap(
            "voorziening",
            bron,
            feiten,
            0.0,
            f"Geen aftrek voor de algemene voorziening {v.tekst}: passend "
            f"{_ja_nee(gebruik.passend)}, financieel toegankelijk "
            f"{_ja_nee(gebruik.financieel_toegankelijk)}. "
            "Alleen een voorziening die voor u passend en toegankelijk is, gaat voor.",
        )


def kolom(k: Kolommen) -> None:
    for v in k.a.vervalt_bij:
        vervangt = k.inv.voorziening_vervangt.get(v.naam)
        if vervangt is not None:
            if v.voorbeeld:
                k.vervallen_vb |= k.reken & vervangt
            k.reken = k.reken & ~vervangt
