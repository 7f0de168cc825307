"""Derive the iWmo 3.2 retour XSDs (302/306/308/316/318/320/325) from the iJw 3.2 retour XSDs.

The iWmo retour XSDs are not public in any reachable source (``shared/iwmo/SOURCE.md``). The iWmo and
iJw 3.2 heen-XSDs differ only in namespace/prefix, BerichtCode, documentation, version numbers and a few
iJw-only elements, so each iWmo retour XSD is the iJw one with exactly those differences applied:

1. prefix ``ijw`` -> ``iwmo``, ``jw3xx`` -> ``wmo3xx`` and the namespaces with them;
2. BerichtCode pattern -> the iWmo code (COD002: 415, 419, 421, 445, 481, 483, 485);
3. BerichtXsdVersie/BasisschemaXsdVersie 0.1.0 -> 1.0.0 (the iWmo basisschema version);
4. the iJw-only elements ``GezagsdragerBekend`` (JW315/316) and ``Woonplaatsbeginsel`` (JW319/320) removed;
5. ``schemaLocation`` -> ``../officieel/basisschema.xsd`` (the official iWmo basisschema);
6. a documentation line saying the file is derived, and from what.

Run ``python -m maatwerk.iwmo.xsd.afleiden /pad/naar/shared/iwmo/referentie/ijw-3.2/xsd`` to regenerate
``afgeleid/``; ``tests/iwmo/test_xsd_afgeleid.py`` checks that the files equal this output.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

AFGELEID = Path(__file__).resolve().parent / "afgeleid"
XS = "http://www.w3.org/2001/XMLSchema"

#: iWmo retour message -> (iJw source, iJw BerichtCode, iWmo BerichtCode) (COD002 Vektis).
RETOUREN: dict[str, tuple[str, str, str]] = {
    "WMO302": ("JW302", "437", "415"),
    "WMO306": ("JW306", "439", "419"),
    "WMO308": ("JW308", "441", "421"),
    "WMO316": ("JW316", "447", "445"),
    "WMO318": ("JW318", "487", "481"),
    "WMO320": ("JW320", "489", "483"),
    "WMO325": ("JW325", "491", "485"),
}
#: Elements (and complex types) that exist only in iJw 3.2.
ALLEEN_IJW = ("GezagsdragerBekend", "Woonplaatsbeginsel")


def afleiden(bron: bytes, ijw: str, wmo: str, code_ijw: str, code_wmo: str) -> bytes:
    """The iWmo retour XSD for ``wmo`` derived from the iJw XSD text ``bron``."""
    tekst = bron.decode("utf-8").replace("\r\n", "\n")
    klein_ijw, klein_wmo = ijw.lower(), wmo.lower()
    for oud, nieuw in (
        (
            f"http://www.istandaarden.nl/ijw/3_2/{klein_ijw}/schema",
            f"http://www.istandaarden.nl/iwmo/3_2/{klein_wmo}/schema",
        ),
        (
            "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
            "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema",
        ),
        (f"{klein_ijw}:", f"{klein_wmo}:"),
        (f"xmlns:{klein_ijw}=", f"xmlns:{klein_wmo}="),
        (f">{klein_ijw}<", f">{klein_wmo}<"),
        ("ijw:", "iwmo:"),
        ("xmlns:ijw=", "xmlns:iwmo="),
        (">ijw<", ">iwmo<"),
        (f'<xs:pattern value="{code_ijw}"/>', f'<xs:pattern value="{code_wmo}"/>'),
        (">0.1.0<", ">1.0.0<"),
        ('schemaLocation="basisschema.xsd"', 'schemaLocation="../officieel/basisschema.xsd"'),
        ("Jeugdhulp", "Wmo-ondersteuning"),
        ("jeugdhulp", "Wmo-ondersteuning"),
    ):
        tekst = tekst.replace(oud, nieuw)
    if "ijw" in tekst.lower().replace("ijw 3.2", ""):
        raise ValueError(f"{wmo}: na afleiden staat er nog 'ijw' in de tekst")
    root = etree.fromstring(tekst.encode("utf-8"))
    for naam in ALLEEN_IJW:
        for el in root.iter(f"{{{XS}}}element", f"{{{XS}}}complexType"):
            if el.get("name") == naam:
                el.getparent().remove(el)
    annotatie = root.find(f"{{{XS}}}annotation")
    assert annotatie is not None
    doc = etree.SubElement(annotatie, f"{{{XS}}}documentation")
    doc.text = (
        f"AFGELEID, NIET OFFICIEEL: {wmo} afgeleid door maatwerk uit het iJw 3.2 retour-XSD {ijw}.xsd "
        "(i-Sociaal-Lab/jaapjunior f24e7c56, packages/api/jw/bronnen/xsd/); "
        "zie maatwerk/iwmo/xsd/afgeleid/README.md."
    )
    uit: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return uit + b"\n"


def main(bronmap: Path) -> None:
    AFGELEID.mkdir(exist_ok=True)
    for wmo, (ijw, code_ijw, code_wmo) in RETOUREN.items():
        uit = afleiden((bronmap / f"{ijw}.xsd").read_bytes(), ijw, wmo, code_ijw, code_wmo)
        (AFGELEID / f"{wmo}.xsd").write_bytes(uit)
        print(f"{wmo}.xsd <- {ijw}.xsd")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
