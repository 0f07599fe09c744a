"""Issue 12 item 9: a create action is sent once. A second POST with the same one-time form token (a
double click, a reload) creates nothing more and goes where the first went (inburgering.formulierpagina)."""

import re

from django.urls import reverse

import pytest

from cases.models import Contactmoment, Fase, Signaal
from inburgering.accounts.models import FormulierInzending
from inburgering.formulierpagina import TOKEN_VELD
from tests.factories import DossierFactory
from tests.termijnen.test_contact import formulier as contact_formulier


def _token(html: str) -> str:
    return re.search(rf'name="{TOKEN_VELD}" value="([^"]+)"', html).group(1)


GEVALLEN = {
    "contactmoment": ("contact:contact_nieuw", contact_formulier, Contactmoment),
    "aandachtspunt": ("werkvoorraad:aandachtspunt", lambda: {"omschrijving": "Bellen over de kinderopvang"}, Signaal),
}


@pytest.mark.parametrize("geval", sorted(GEVALLEN))
def test_a_double_post_with_the_same_token_creates_one_row(client, werkcoach, geval):
    naam, data, model = GEVALLEN[geval]
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    client.force_login(werkcoach)
    url = reverse(naam, args=[dossier.pk])
    token = _token(client.get(url).content.decode())
    voor = model.objects.count()

    eerste = client.post(url, {**data(), TOKEN_VELD: token})
    tweede = client.post(url, {**data(), TOKEN_VELD: token})

    assert eerste.status_code == tweede.status_code == 302
    assert tweede["Location"] == eerste["Location"]  # the same result
    assert model.objects.count() == voor + 1
    assert "al verstuurd" in client.get(tweede["Location"]).content.decode()
    # A new page load gives a new token: a second, deliberate contact can be recorded.
    nieuw = _token(client.get(url).content.decode())
    assert nieuw != token
    client.post(url, {**data(), TOKEN_VELD: nieuw})
    assert model.objects.count() == voor + 2


def test_a_refused_post_leaves_the_token_free_for_the_corrected_form(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    client.force_login(werkcoach)
    url = reverse("werkvoorraad:aandachtspunt", args=[dossier.pk])
    token = _token(client.get(url).content.decode())

    fout = client.post(url, {"omschrijving": "", TOKEN_VELD: token})
    assert fout.status_code == 200 and _token(fout.content.decode()) == token  # the same token, kept in the form
    assert not FormulierInzending.objects.exists()
    goed = client.post(url, {"omschrijving": "Bellen", TOKEN_VELD: token})

    assert goed.status_code == 302
    assert Signaal.objects.filter(dossier=dossier, soort="aandachtspunt").count() == 1


def test_the_token_of_another_user_is_not_theirs_to_replay(client, werkcoach, collega):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    url = reverse("werkvoorraad:aandachtspunt", args=[dossier.pk])
    client.force_login(werkcoach)
    token = _token(client.get(url).content.decode())
    client.post(url, {"omschrijving": "Bellen", TOKEN_VELD: token})
    client.force_login(collega)

    antwoord = client.post(url, {"omschrijving": "Mailen", TOKEN_VELD: token})

    assert antwoord.status_code == 302  # nothing saved, no 500, and no look at where the other went
    assert Signaal.objects.filter(dossier=dossier, soort="aandachtspunt").count() == 1


@pytest.mark.parametrize("naam", [
    "contact:contact_nieuw", "werkvoorraad:aandachtspunt", "leerroutes:uren_nieuw", "leerroutes:examen_nieuw",
    "leerroutes:pvt_sessie", "pip_plans:informatieverzoek_nieuw", "handhaving:notitie", "intake:uitnodiging_nieuw",
    "contact:voortgangsgesprek_uitnodigen",
])
def test_every_create_page_carries_a_one_time_token(client, werkcoach, naam):
    from tests.factories import BredeIntakeFactory, HandhavingszaakFactory, PipFactory

    if naam.startswith("leerroutes"):
        dossier = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach).dossier
    elif naam.startswith("pip_plans"):
        dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach).dossier
    elif naam.startswith("intake"):
        dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE)
    else:
        dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING)
    args = [HandhavingszaakFactory(dossier=dossier).pk] if naam.startswith("handhaving") else [dossier.pk]
    client.force_login(werkcoach)

    antwoord = client.get(reverse(naam, args=args))

    assert antwoord.status_code == 200, antwoord.status_code
    assert _token(antwoord.content.decode())


def test_a_double_post_of_a_new_dossier_creates_one_and_opens_it(client, werkcoach):
    from cases.models import Dossier
    from tests.cases.test_views import nieuw_formulier

    client.force_login(werkcoach)
    token = _token(client.get(reverse("cases:dossier_nieuw")).content.decode())

    eerste = client.post(reverse("cases:dossier_nieuw"), {**nieuw_formulier(), TOKEN_VELD: token})
    tweede = client.post(reverse("cases:dossier_nieuw"), {**nieuw_formulier(), TOKEN_VELD: token})

    assert eerste.status_code == tweede.status_code == 302
    assert tweede["Location"] == eerste["Location"]  # the new dossier, not "this BSN already exists"
    assert Dossier.objects.count() == 1
