"""What the functioneel beheerder may manage in the Django admin (issue 10, point 13), and nothing more.

Users and their roles (groups), the link of an aanbieder-user to its organisation (Profiel) and the
aanbieders with their AGB code. Superuser status, staff status and loose permissions stay with a
superuser. :func:`zet_beheerrechten` makes the group's permissions exactly :data:`BEHEERRECHTEN`; it runs
after every ``migrate`` (and after a test database is emptied), so the rights follow this file.
"""

from __future__ import annotations

from typing import Any

#: (app label, model) -> permitted actions of the functioneel_beheerder group.
BEHEERRECHTEN: dict[tuple[str, str], tuple[str, ...]] = {
    ("auth", "user"): ("add", "change", "view"),
    ("auth", "group"): ("view",),
    ("accounts", "profiel"): ("add", "change", "delete", "view"),
    ("aanbieders", "aanbieder"): ("add", "change", "view"),
    # Dated versions: a change is a new version (add); an old version is only viewed.
    ("gemeente", "contactgegevens"): ("add", "view"),
    ("gemeente", "productcode"): ("add", "view"),
}
GROEP = "functioneel_beheerder"


def zet_beheerrechten(**kwargs: Any) -> None:
    """post_migrate handler: give the functioneel_beheerder group exactly BEHEERRECHTEN."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    # Apps later in INSTALLED_APPS get their permissions after this handler ran: make them now.
    for label in {app for app, _ in BEHEERRECHTEN}:
        create_permissions(apps.get_app_config(label), verbosity=0, using=kwargs.get("using", "default"))
    groep, _ = Group.objects.get_or_create(name=GROEP)
    codenames = [
        (app, f"{actie}_{model}") for (app, model), acties in BEHEERRECHTEN.items() for actie in acties
    ]
    rechten = [
        p
        for p in Permission.objects.select_related("content_type").filter(
            codename__in=[c for _, c in codenames]
        )
        if (p.content_type.app_label, p.codename) in codenames
    ]
    groep.permissions.set(rechten)
