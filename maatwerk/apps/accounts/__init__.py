"""Roles (Django groups), the aanbieder link of a user, and role checks for views.

Public API (stable)::

    from maatwerk.apps.accounts.rollen import Rol, heeft_rol, rol_vereist, RolVereistMixin, aanbieder_van
    heeft_rol(user, Rol.CONSULENT, Rol.SENIOR_CONSULENT) -> bool
    @rol_vereist(Rol.AANBIEDER)            # function views; 403 for other roles, login for anonymous
    class V(RolVereistMixin, View): rollen = (Rol.CONSULENT,)
    aanbieder_van(user) -> Aanbieder | None  # the one Aanbieder an aanbieder-user works for
"""
