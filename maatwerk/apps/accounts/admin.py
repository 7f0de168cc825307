from django.contrib import admin

from .models import Profiel


@admin.register(Profiel)
class ProfielAdmin(admin.ModelAdmin):
    list_display = ("user", "aanbieder")
    list_select_related = ("user", "aanbieder")
