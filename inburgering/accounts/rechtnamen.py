"""Dutch names for Django's default permissions (issue 19 item 3: the admin showed 'Can add historical
team'). Django names them in English at every migrate ('Can add %s'); this post_migrate receiver, run
after it, renames them: 'Mag team toevoegen', and for simple-history's historical models 'Mag
geschiedenis van team bekijken'. Idempotent: only names that still start with 'Can ' are touched."""

from django.db import DEFAULT_DB_ALIAS

ACTIES = {"add": "toevoegen", "change": "wijzigen", "delete": "verwijderen", "view": "bekijken"}


def modelnaam(model) -> str:
    tracked = getattr(model, "instance_type", None)  # simple-history's historical model: the tracked one
    if tracked is not None:
        return f"geschiedenis van {tracked._meta.verbose_name}"
    return str(model._meta.verbose_name)


def nederlandse_rechtnamen(*, using: str = DEFAULT_DB_ALIAS, **kwargs) -> int:
    """Rename every default permission still named in English; returns how many."""
    from django.contrib.auth.models import Permission

    gewijzigd = []
    for recht in Permission.objects.using(using).filter(name__startswith="Can ").select_related("content_type"):
        actie, _, _model = recht.codename.partition("_")
        model = recht.content_type.model_class()
        if actie not in ACTIES or model is None:
            continue
        recht.name = f"Mag {modelnaam(model)} {ACTIES[actie]}"[:255]
        gewijzigd.append(recht)
    Permission.objects.using(using).bulk_update(gewijzigd, ["name"], batch_size=500)
    return len(gewijzigd)


def registreren() -> None:
    # Not domain logic (the ban's reason): Django itself creates the permissions in post_migrate, and only a
    # receiver of the same signal can follow it.
    from django.db.models.signals import post_migrate  # noqa: TID251

    # After django.contrib.auth's create_permissions (connected in its own ready(), earlier in INSTALLED_APPS).
    post_migrate.connect(nederlandse_rechtnamen, dispatch_uid="inburgering.accounts.rechtnamen")

