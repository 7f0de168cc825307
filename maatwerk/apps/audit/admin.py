"""Read-only admin for the audit log."""

from django.contrib import admin

from .models import AuditRegel


@admin.register(AuditRegel)
class AuditRegelAdmin(admin.ModelAdmin):
    list_display = ("tijdstip", "gebruikersnaam", "client", "actie", "wat", "waarom")
    list_filter = ("actie",)
    search_fields = ("gebruikersnaam", "wat", "waarom")
    date_hierarchy = "tijdstip"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
