"""The policy form: YAML in a textarea, or an uploaded YAML file (the upload wins)."""

from __future__ import annotations

from django import forms

MAX_BYTES = 100_000


class BeleidForm(forms.Form):
    tekst = forms.CharField(
        label="Beleid (YAML)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 22, "class": "utrecht-textarea mw-code", "spellcheck": "false"}),
        help_text="De beleidsfeiten in de woordenlijst van de beleidstoets (zie de voorbeelden).",
    )
    bestand = forms.FileField(
        label="Of upload een bestand",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml,text/yaml"}),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data.get("bestand")
        if bestand is None:
            return None
        if bestand.size > MAX_BYTES:
            raise forms.ValidationError(f"Het bestand is te groot (meer dan {MAX_BYTES // 1000} kB).")
        try:
            return bestand.name, bestand.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError("Het bestand is geen tekst in UTF-8.") from None

    def clean(self):
        data = super().clean()
        if not data.get("bestand") and not (data.get("tekst") or "").strip():
            raise forms.ValidationError("Vul het beleid in of upload een YAML-bestand.")
        if len((data.get("tekst") or "").encode("utf-8")) > MAX_BYTES:
            raise forms.ValidationError(f"Het beleid is te lang (meer dan {MAX_BYTES // 1000} kB).")
        return data

    def invoer(self) -> tuple[str, str]:
        """(name for error messages, YAML text) of the validated form."""
        bestand = self.cleaned_data.get("bestand")
        return bestand if bestand else ("beleid.yaml", self.cleaned_data["tekst"])
