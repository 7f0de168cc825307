from django.contrib import admin

from .models import Aanbieder


@admin.register(Aanbieder)
class AanbiederAdmin(admin.ModelAdmin):
    list_display = ("naam", "agb_code", "actief")
    search_fields = ("naam", "agb_code")
