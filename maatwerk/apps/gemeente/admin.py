"""Admin for the functioneel beheerder: the gemeente's contact details and product codes (issue 10.13).

A change is a new dated version (add); existing versions are read-only and never deleted, so every letter
keeps the details that applied on its date. Saving goes through :mod:`.services` (the YAML's validation,
an audit entry). The values from the rules YAML that apply before the first version are shown read-only.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html_join

from maatwerk.apps.besluiten.brief import afzender
from maatwerk.iwmo.codes import gemeente_iwmo
from maatwerk.regels.laden import Regelfout

from . import services
from .models import Contactgegevens, Productcode


def _gemeente() -> str:
    return str(getattr(settings, "MAATWERK_GEMEENTE", "Voorbeeldstad"))


class _Versieadmin(admin.ModelAdmin):
    readonly_fields = ("gemeente", "vastgelegd_door", "vastgelegd_op", "uit_de_regels")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a correction is a new version

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is not None:  # an existing version: everything read-only
            return [f.name for f in self.model._meta.fields if f.name != "id"]
        return ("uit_de_regels",)


class ContactgegevensForm(forms.ModelForm):
    class Meta:
        model = Contactgegevens
        fields = [
            "geldig_vanaf", "afdeling", "postadres", "bezwaaradres", "bezwaar_digitaal", "telefoon",
            "email", "website", "ondertekening", "reden",
        ]  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        try:
            services.valideer_contactgegevens(_gemeente(), data)
        except services.Geweigerd as fout:
            _fouten(self, fout)
        datum = data.get("geldig_vanaf")
        if datum and Contactgegevens.objects.filter(gemeente=_gemeente(), geldig_vanaf=datum).exists():
            self.add_error("geldig_vanaf", "Er is al een versie vanaf deze datum; kies een andere datum.")
        return data


def _fouten(form: forms.Form, fout: services.Geweigerd) -> None:
    for veld, tekst in fout.fouten.items():
        if veld in form.fields and veld not in form.errors:
            form.add_error(veld, tekst[0].upper() + tekst[1:] + ".")
        elif veld not in form.fields:
            form.add_error(None, tekst)


@admin.register(Contactgegevens)
class ContactgegevensAdmin(_Versieadmin):
    form = ContactgegevensForm
    list_display = ("gemeente", "geldig_vanaf", "telefoon", "email", "vastgelegd_door", "vastgelegd_op")

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is not None:
            return [f.name for f in self.model._meta.fields if f.name != "id"]
        return ["uit_de_regels", *ContactgegevensForm.Meta.fields]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        """Start from the details that apply today, so only what changes needs typing."""
        from .selectors import afzender_op

        a = afzender_op(_gemeente(), timezone.localdate())
        return {
            "geldig_vanaf": timezone.localdate(),
            "afdeling": a.afdeling,
            "postadres": "\n".join(a.postadres),
            "bezwaaradres": "\n".join(a.bezwaaradres),
            "bezwaar_digitaal": a.bezwaar_digitaal,
            "telefoon": a.telefoon,
            "email": a.email or "",
            "website": a.website,
            "ondertekening": a.ondertekening,
        }

    @admin.display(description="uit de regels (geldt vóór de eerste versie hier)")
    def uit_de_regels(self, obj: Any = None) -> str:
        try:
            a = afzender(_gemeente())
        except Regelfout as fout:
            return str(fout)
        regels = [
            ("Afdeling", a.afdeling),
            ("Postadres", ", ".join(a.postadres)),
            ("Bezwaaradres", ", ".join(a.bezwaaradres)),
            ("Bezwaar digitaal", a.bezwaar_digitaal),
            ("Telefoon", a.telefoon),
            ("E-mail", a.email or "—"),
            ("Website", a.website),
            ("Ondertekening", a.ondertekening),
        ]
        return format_html_join("", "<div><strong>{}</strong>: {}</div>", regels)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        d = form.cleaned_data
        nieuw = services.leg_contactgegevens_vast(request.user, _gemeente(), d["geldig_vanaf"], d, d["reden"])
        obj.pk = nieuw.pk


class ProductcodeForm(forms.ModelForm):
    product = forms.ChoiceField(label="product")

    class Meta:
        model = Productcode
        fields = ["product", "geldig_vanaf", "code", "reden"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            producten = gemeente_iwmo(_gemeente(), timezone.localdate()).producten
        except Regelfout:
            producten = []
        self.fields["product"].choices = [(p.id, f"{p.omschrijving} ({p.id})") for p in producten]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        product, datum, code = data.get("product"), data.get("geldig_vanaf"), data.get("code")
        if product and datum and code:
            try:
                services.valideer_productcode(_gemeente(), product, datum, code)
            except services.Geweigerd as fout:
                _fouten(self, fout)
            if Productcode.objects.filter(gemeente=_gemeente(), product=product, geldig_vanaf=datum).exists():
                self.add_error("geldig_vanaf", "Er is al een versie vanaf deze datum; kies een andere datum.")
        return data


@admin.register(Productcode)
class ProductcodeAdmin(_Versieadmin):
    form = ProductcodeForm
    list_display = ("gemeente", "product", "code", "geldig_vanaf", "vastgelegd_door", "vastgelegd_op")

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is not None:
            return [f.name for f in self.model._meta.fields if f.name != "id"]
        return ["uit_de_regels", *ProductcodeForm.Meta.fields]

    @admin.display(description="uit de regels (geldt vóór de eerste versie hier)")
    def uit_de_regels(self, obj: Any = None) -> str:
        try:
            producten = gemeente_iwmo(_gemeente(), timezone.localdate()).producten
        except Regelfout as fout:
            return str(fout)
        return format_html_join(
            "",
            "<div><strong>{}</strong>: {} ({})</div>",
            ((p.id, p.code or "—", p.omschrijving) for p in producten),
        )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        d = form.cleaned_data
        nieuw = services.leg_productcode_vast(
            request.user, _gemeente(), d["product"], d["geldig_vanaf"], d["code"], d["reden"]
        )
        obj.pk = nieuw.pk
