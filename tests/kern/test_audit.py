"""The inzage log is visible to functioneel beheer in the admin, read-only, and to nobody else."""

from django.urls import reverse

import pytest

from inburgering.audit.models import InzageLog

LIJST = "admin:audit_inzagelog_changelist"


@pytest.fixture
def logrij(werkcoach, dossier):
    return InzageLog.objects.create(gebruiker=werkcoach, dossier_id=dossier.pk, pagina="overzicht", pad="/x/")


def test_a_beheerder_without_superuser_rights_sees_the_inzage_log(client, beheerder, logrij):
    assert not beheerder.is_superuser
    client.force_login(beheerder)

    lijst = client.get(reverse(LIJST))
    detail = client.get(reverse("admin:audit_inzagelog_change", args=[logrij.pk]))

    assert lijst.status_code == 200
    assert logrij.pad in lijst.content.decode()
    assert detail.status_code == 200
    assert "Inzagelogboek" in client.get(reverse("admin:index")).content.decode()


def test_the_inzage_log_offers_no_add_change_or_delete_to_a_beheerder(client, beheerder, logrij):
    client.force_login(beheerder)

    assert client.get(reverse("admin:audit_inzagelog_add")).status_code == 403
    assert client.get(reverse("admin:audit_inzagelog_delete", args=[logrij.pk])).status_code == 403
    antwoord = client.post(reverse("admin:audit_inzagelog_change", args=[logrij.pk]), {"pagina": "weg"})
    assert antwoord.status_code == 403
    assert InzageLog.objects.get().pagina == "overzicht"


def test_a_staff_user_without_the_beheerder_role_does_not_see_the_inzage_log(client, manager, logrij):
    manager.is_staff = True
    manager.save()
    client.force_login(manager)

    assert client.get(reverse(LIJST)).status_code == 403
