"""The functioneel beheerder makes and revokes API clients in the Django admin.

Making one shows the token once (a message on the next page); only its hash is stored. Both go through
:mod:`.services` (audited), never through the admin's own save.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest

from . import services
from .models import ApiClient
from .scopes import SCOPES


class ApiClientForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        choices=[(s, f"{s}: {u}") for s, u in SCOPES.items()], widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = ApiClient
        fields = ["naam", "omschrijving", "scopes", "aanbieder"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.instance.pk is None:
            for fout in services.client_fouten(
                data.get("naam", ""), data.get("scopes") or [], data.get("aanbieder")
            ):
                if "bestaat al" not in fout:  # the model form reports a duplicate name itself
                    self.add_error(None, fout)
        return data


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    form = ApiClientForm
    list_display = ("naam", "aanbieder", "scopes", "aangemaakt_op", "ingetrokken_op")
    readonly_fields = ("uuid", "token_begin", "aangemaakt_op", "ingetrokken_op")
    actions = ["intrekken"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is not None:  # a client's name, scopes and aanbieder are fixed: make a new one instead
            return (*self.readonly_fields, "naam", "scopes", "aanbieder")
        return self.readonly_fields

    def save_model(self, request: HttpRequest, obj: ApiClient, form: Any, change: bool) -> None:
        if change:
            services.wijzig_omschrijving(
                obj.naam, form.cleaned_data.get("omschrijving", ""), door=request.user
            )
            return
        client, token = services.maak_client(
            form.cleaned_data["naam"],
            form.cleaned_data["scopes"],
            door=request.user,
            aanbieder=form.cleaned_data.get("aanbieder"),
            omschrijving=form.cleaned_data.get("omschrijving", ""),
        )
        obj.pk, obj.uuid = client.pk, client.uuid
        messages.warning(request, f"Token van {client.naam} (alleen nu zichtbaar, bewaar het): {token}")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="Token intrekken")
    def intrekken(self, request: HttpRequest, queryset: Any) -> None:
        for client in queryset.filter(ingetrokken_op__isnull=True):
            services.trek_in(client.naam, door=request.user)
        messages.success(request, "De gekozen API-clients zijn ingetrokken.")
