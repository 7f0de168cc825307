"""Beheer of machtigingen: recording and revoking go through :mod:`.services` (checked, audited)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from . import selectors, services
from .models import Machtiging


def _gegevens(data: dict[str, Any]) -> services.Machtiginggegevens:
    return services.Machtiginggegevens(
        data["gemachtigde_bsn"],
        data["gemachtigde_naam"],
        data["soort"],
        data["geldig_van"],
        data.get("geldig_tot"),
        data.get("toelichting", ""),
    )


class MachtigingForm(forms.ModelForm):
    class Meta:
        model = Machtiging
        fields = (
            "client",
            "gemachtigde_bsn",
            "gemachtigde_naam",
            "soort",
            "geldig_van",
            "geldig_tot",
            "toelichting",
        )

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        if not self.errors and data.get("client") is not None:
            for fout in services.machtiging_fouten(data["client"], _gegevens(data)):
                self.add_error(None, fout)
        return data


@admin.register(Machtiging)
class MachtigingAdmin(admin.ModelAdmin):
    form = MachtigingForm
    list_display = ("client", "gemachtigde_naam", "soort", "geldig_van", "geldig_tot", "ingetrokken_op")
    list_filter = ("soort",)
    raw_id_fields = ("client",)
    fields = (
        "client",
        "gemachtigde_bsn",
        "gemachtigde_naam",
        "soort",
        "geldig_van",
        "geldig_tot",
        "toelichting",
    )
    actions = ["intrekken"]
    list_select_related = ("client",)

    def changelist_view(self, request: Any, extra_context: Any = None) -> Any:
        response = super().changelist_view(request, extra_context)
        lijst = getattr(response, "context_data", {}).get("cl")
        if lijst is not None:  # every read of personal data is audited, also in beheer
            selectors.machtigingen_gelezen(
                request.user, list(lijst.result_list), "lijst machtigingen (beheer)"
            )
        return response

    def change_view(self, request: Any, object_id: str, form_url: str = "", extra_context: Any = None) -> Any:
        machtiging = Machtiging.objects.select_related("client").filter(pk=object_id).first()
        if machtiging is not None:
            selectors.machtigingen_gelezen(request.user, [machtiging], f"machtiging {machtiging.pk} (beheer)")
        return super().change_view(request, object_id, form_url, extra_context)

    def get_readonly_fields(self, request: Any, obj: Machtiging | None = None) -> tuple[str, ...]:
        # A recorded machtiging is not edited: revoke it and record a new one.
        return self.fields if obj is not None else ()  # type: ignore[return-value]

    def has_delete_permission(self, request: Any, obj: Machtiging | None = None) -> bool:
        return False

    def save_model(self, request: Any, obj: Machtiging, form: Any, change: bool) -> None:
        if change:
            return
        try:
            opgeslagen = services.leg_machtiging_vast(obj.client, _gegevens(form.cleaned_data), request.user)
        except services.Portaalfout as fout:
            raise ValidationError(str(fout)) from None
        obj.pk = opgeslagen.pk

    @admin.action(description="Geselecteerde machtigingen intrekken")
    def intrekken(self, request: Any, queryset: Any) -> None:
        for machtiging in queryset:
            try:
                services.trek_machtiging_in(machtiging, request.user)
            except services.Portaalfout as fout:
                self.message_user(request, f"{machtiging}: {fout}", messages.WARNING)
