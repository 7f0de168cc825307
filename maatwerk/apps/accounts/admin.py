"""Admin for the functioneel beheerder: users, their roles and their aanbieder (issue 10.13).

The admin admits active staff and every active functioneel beheerder (the role is the authorisation;
the group's permissions are exactly :data:`.beheer.BEHEERRECHTEN`). A beheerder who is not a superuser
cannot make anyone superuser or staff, hand out loose permissions, or change a superuser.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group, User
from django.http import HttpRequest

from .models import Profiel
from .rollen import Rol, heeft_rol


def _mag_beheren(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_active and (user.is_staff or heeft_rol(user, Rol.FUNCTIONEEL_BEHEERDER)))


admin.site.has_permission = _mag_beheren  # type: ignore[method-assign]
admin.site.site_header = "maatwerk — beheer"
admin.site.site_title = "maatwerk beheer"


@admin.register(Profiel)
class ProfielAdmin(admin.ModelAdmin):
    list_display = ("user", "aanbieder")
    list_select_related = ("user", "aanbieder")


class ProfielInline(admin.StackedInline):
    model = Profiel
    can_delete = False
    extra = 0
    max_num = 1
    verbose_name = "aanbieder (alleen voor de rol aanbieder)"


admin.site.unregister(User)


@admin.register(User)
class BeheerUserAdmin(UserAdmin):
    """Users with their roles; superuser-only fields are hidden from a functioneel beheerder."""

    inlines = (ProfielInline,)
    list_display = ("username", "first_name", "last_name", "email", "rollen", "is_active")
    list_filter = ("groups", "is_active")

    @admin.display(description="rollen")
    def rollen(self, obj: User) -> str:
        return ", ".join(sorted(Rol(g.name).label for g in obj.groups.all() if g.name in Rol.values))

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).prefetch_related("groups")

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        if obj is None:
            return ((None, {"fields": ("username", "usable_password", "password1", "password2")}),)
        return (
            (None, {"fields": ("username", "password")}),
            ("Persoonlijke gegevens", {"fields": ("first_name", "last_name", "email")}),
            ("Rollen", {"fields": ("is_active", "groups")}),
            ("Datums", {"fields": ("last_login", "date_joined")}),
        )

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return () if request.user.is_superuser else ("last_login", "date_joined")

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "groups":
            kwargs["queryset"] = Group.objects.filter(name__in=Rol.values).order_by("name")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)
