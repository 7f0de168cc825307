"""Beheer of machtigingen: recording and revoking go through :mod:`.services` (checked, audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from . import services
from .models import Machtiging


@admin.register(Machtiging)
class MachtigingAdmin(admin.ModelAdmin):
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

    def get_readonly_fields(self, request: Any, obj: Machtiging | None = None) -> tuple[str, ...]:
        # A recorded machtiging is not edited: revoke it and record a new one.
        return self.fields if obj is not None else ()  # type: ignore[return-value]

    def has_delete_permission(self, request: Any, obj: Machtiging | None = None) -> bool:
        return False

    def save_model(self, request: Any, obj: Machtiging, form: Any, change: bool) -> None:
        if change:
            return
        try:
            opgeslagen = services.leg_machtiging_vast(
                obj.client,
                services.Machtiginggegevens(
                    obj.gemachtigde_bsn,
                    obj.gemachtigde_naam,
                    obj.soort,
                    obj.geldig_van,
                    obj.geldig_tot,
                    obj.toelichting,
                ),
                request.user,
            )
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
