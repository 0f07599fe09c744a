"""Functioneel beheer works in the admin through the beheerder role's permissions, not as superuser,
and sees configuration only — no case data (DESIGN.md "Access")."""

from django.contrib.admin.sites import site
from django.urls import reverse

import pytest

from cases.models import Dossier, Inburgeraar
from handhaving.models import Handhavingszaak
from inburgering.documenten.models import Document
from inburgering.instellingen.models import GemeenteInstellingen
from leerroutes.models import LeerroutesInstellingen, Uren
from pip_plans.instellingen import PipInstellingen


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


def test_the_one_beheer_screen_shows_the_apps_settings_as_inlines_the_beheerder_may_change(client, beheerder):
    client.force_login(beheerder)
    pagina = client.get(reverse("admin:instellingen_gemeenteinstellingen_change", args=[1]))

    inlines = pagina.context["inline_admin_formsets"]
    assert {inline.formset.model for inline in inlines} == {PipInstellingen, LeerroutesInstellingen}
    assert all(inline.has_change_permission and not inline.has_delete_permission for inline in inlines)


def _formulierdata(pagina) -> dict[str, str]:
    """The POST data of the admin change form as rendered (the current values)."""
    def waarden(form):
        for naam, veld in form.fields.items():
            waarde = form.initial.get(naam, veld.initial)
            if waarde is not None and waarde is not False:
                yield form.add_prefix(naam), "on" if waarde is True else str(waarde)

    data = dict(waarden(pagina.context["adminform"].form))
    for inline in pagina.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(waarden(formset.management_form))
        for form in formset.forms:
            data.update(waarden(form))
    return data


def test_a_beheerder_changes_pip_and_leerroutes_settings_on_the_gemeente_screen(client, beheerder):
    client.force_login(beheerder)
    url = reverse("admin:instellingen_gemeenteinstellingen_change", args=[1])
    data = _formulierdata(client.get(url))
    data.update({"naam": "Gemeente Proefdorp", "pip_plans_instellingen-0-voortgangsgesprek_weken": "24",
                 "leerroutes_instellingen-0-map_norm_uren": "32"})

    antwoord = client.post(url, data)

    assert antwoord.status_code == 302, antwoord.context and antwoord.context["errors"]
    assert GemeenteInstellingen.huidig().naam == "Gemeente Proefdorp"
    assert PipInstellingen.huidig().voortgangsgesprek_weken == 24
    assert LeerroutesInstellingen.huidig().map_norm_uren == 32
    assert PipInstellingen.history.filter(voortgangsgesprek_weken=24, history_user=beheerder).exists()


def test_the_beheer_screen_refuses_ontzorgen_longer_than_the_law_next_to_the_field(client, beheerder):
    client.force_login(beheerder)
    url = reverse("admin:instellingen_gemeenteinstellingen_change", args=[1])
    data = _formulierdata(client.get(url))
    data["pip_plans_instellingen-0-ontzorging_maanden"] = "9"

    antwoord = client.post(url, data)

    assert antwoord.status_code == 200
    assert "Participatiewet art. 56a" in antwoord.content.decode()
    assert PipInstellingen.huidig().ontzorging_maanden == 6


@pytest.mark.parametrize("model", [Dossier, Inburgeraar, Handhavingszaak, Document, Uren])
def test_case_data_is_not_in_the_admin(model):
    assert not site.is_registered(model)
