"""Functioneel beheer works in the admin through the beheerder role's permissions, not as superuser,
and sees configuration only — no case data (DESIGN.md "Access")."""

from django.contrib.admin.sites import site
from django.urls import reverse

import pytest

from cases.models import Dossier, Inburgeraar
from handhaving.models import Handhavingszaak
from inburgering.documenten.models import Document
from leerroutes.models import Uren


@pytest.mark.parametrize("naam", [
    "admin:instellingen_gemeenteinstellingen_changelist",
    "admin:instellingen_aowleeftijd_changelist",
    "admin:kalender_gelijkgesteldedag_changelist",
    "admin:leerroutes_aanbieder_add",
    "admin:accounts_user_changelist",
    "admin:accounts_team_add",
    "admin:handhaving_handhavinginstellingen_changelist",
    "admin:audit_inzagelog_changelist",
])
def test_a_beheerder_who_is_not_superuser_can_configure_the_system(client, beheerder, naam):
    assert not beheerder.is_superuser
    client.force_login(beheerder)

    assert client.get(reverse(naam)).status_code == 200


def test_a_beheerder_can_change_the_beleidsinstellingen(client, beheerder):
    client.force_login(beheerder)
    pagina = client.get(reverse("admin:instellingen_gemeenteinstellingen_change", args=[1]))

    assert pagina.status_code == 200
    assert pagina.context["has_change_permission"]


@pytest.mark.parametrize("model", [Dossier, Inburgeraar, Handhavingszaak, Document, Uren])
def test_case_data_is_not_in_the_admin(model):
    assert not site.is_registered(model)
