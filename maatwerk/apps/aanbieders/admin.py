from django.contrib import admin

from .models import Aanbieder


@admin.register(Aanbieder)
class AanbiederAdmin(admin.ModelAdmin):
    """Aanbieders with AGB code (8 digits) and contact details; managed by the functioneel beheerder."""

    list_display = ("naam", "agb_code", "telefoon", "email", "actief")
    list_filter = ("actief",)
    search_fields = ("naam", "agb_code")
