"""The werkvoorraad pages: who may open them, handling and snoozing with Dutch errors, aandachtspunten."""

from datetime import timedelta

from django.urls import reverse

import pytest

from cases.models import Signaal, SignaalSoort
from cases.termijnen.forms import DATUM_ONGELDIG, NOTITIE_VERPLICHT, OMSCHRIJVING_VERPLICHT
from cases.termijnen.rules import SNOOZE_VERLEDEN
from inburgering.audit.models import InzageLog
from tests.factories import DossierFactory, InburgeraarFactory

from .maak import aandachtspunt, vandaag, verlopen

pytestmark = pytest.mark.django_db

LOGIN = "login"
ACTOREN = ("eigen", "team", "ander", "consulent", "manager", "beheerder", "anoniem")
ACTOR_FIXTURES = {
    "eigen": "werkcoach", "team": "collega", "ander": "werkcoach_ander_team", "consulent": "consulent",
    "manager": "manager", "beheerder": "beheerder", "anoniem": None,
}
# (url name, method)           eigen team  ander consulent manager beheerder anoniem
MATRIX = {
    ("lijst", "get"):          (200,  200,  200,  200,      200,    403,      LOGIN),
    ("signaal", "get"):        (200,  200,  404,  200,      200,    404,      LOGIN),
    ("afhandelen", "post"):    (302,  302,  404,  302,      403,    404,      LOGIN),
    ("wegzetten", "post"):     (302,  302,  404,  302,      403,    404,      LOGIN),
    ("aandachtspunt", "get"):  (200,  200,  404,  200,      403,    404,      LOGIN),
    ("aandachtspunt", "post"): (302,  302,  404,  302,      403,    404,      LOGIN),
    ("samenvatting", "post"):  (302,  302,  302,  403,      403,    403,      LOGIN),
    ("export", "get"):         (200,  200,  200,  200,      200,    403,      LOGIN),  # issue 20: own reach
}  # fmt: skip
GELDIGE_POST = {
    "afhandelen": {"notitie": "Gebeld, PIP-gesprek gepland."},
    "wegzetten": {"tot": (vandaag() + timedelta(days=7)).isoformat()},
    "aandachtspunt": {"omschrijving": "Tolk regelen voor het gesprek"},
    "samenvatting": {"aan": "0"},
}


def test_the_matrix_covers_every_url_of_the_werkvoorraad():
    from cases.termijnen.urls import urlpatterns

    assert {p.name for p in urlpatterns} == {naam for naam, _m in MATRIX}


@pytest.mark.parametrize("naam,methode", list(MATRIX))
@pytest.mark.parametrize("actor", ACTOREN)
def test_access_matrix(request, client, naam, methode, actor, werkcoach, collega, werkcoach_ander_team, consulent,
                       manager, beheerder):
    dossier = DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(geslachtsnaam="Geheimnaam"))
    signaal = verlopen(dossier)
    if ACTOR_FIXTURES[actor]:
        client.force_login(request.getfixturevalue(ACTOR_FIXTURES[actor]))
    url = {
        "lijst": reverse("werkvoorraad:lijst"),
        "samenvatting": reverse("werkvoorraad:samenvatting"),
        "aandachtspunt": reverse("werkvoorraad:aandachtspunt", args=[dossier.pk]),
        "export": reverse("werkvoorraad:export", args=["csv"]),
    }.get(naam) or reverse(f"werkvoorraad:{naam}", args=[signaal.pk])
    if methode == "post":
        response = client.post(url, GELDIGE_POST[naam])
    else:
        response = client.get(url, {"bereik": "alle"} if naam == "lijst" else {})
    verwacht = MATRIX[(naam, methode)][ACTOREN.index(actor)]
    if verwacht == LOGIN:
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    else:
        assert response.status_code == verwacht
    if response.status_code in (403, 404) or verwacht == LOGIN:
        assert "Geheimnaam" not in response.content.decode()


def test_the_list_shows_person_kind_termijn_and_days_overdue(client, werkcoach):
    d = DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(voornamen="Amina", geslachtsnaam="Haddad"))
    verlopen(d, dagen=-12)
    client.force_login(werkcoach)

    html = client.get(reverse("werkvoorraad:lijst")).content.decode()

    assert "1 open signaal" in html
    assert "Amina Haddad" in html and reverse("cases:dossier_detail", args=[d.pk]) in html
    assert "Termijn verlopen" in html and "PIP vaststellen" in html
    assert "12 dagen over tijd" in html


def test_the_htmx_request_gets_only_the_results(client, werkcoach):
    aandachtspunt(DossierFactory(werkcoach=werkcoach))
    client.force_login(werkcoach)

    response = client.get(reverse("werkvoorraad:lijst"), {"soort": "aandachtspunt"},
                          headers={"HX-Request": "true", "HX-Target": "resultaten"})

    assert response.templates[0].name == "cases/werkvoorraad/_resultaten.html"
    assert "1 open signaal" in response.content.decode()


def test_the_signal_page_logs_the_read_of_the_dossier(client, werkcoach):
    signaal = verlopen(DossierFactory(werkcoach=werkcoach))
    client.force_login(werkcoach)

    client.get(reverse("werkvoorraad:signaal", args=[signaal.pk]))

    assert InzageLog.objects.filter(gebruiker=werkcoach, dossier_id=signaal.dossier_id, pagina="signaal").exists()


def test_handling_without_a_note_answers_in_dutch_next_to_the_field(client, werkcoach):
    signaal = verlopen(DossierFactory(werkcoach=werkcoach))
    client.force_login(werkcoach)

    response = client.post(reverse("werkvoorraad:afhandelen", args=[signaal.pk]), {"notitie": "  "})

    assert response.status_code == 200
    assert response.context["afhandelen_form"].errors["notitie"] == [str(NOTITIE_VERPLICHT)]
    assert str(NOTITIE_VERPLICHT) in response.content.decode()
    assert response.content.decode().count('id="foutenoverzicht"') == 1
    signaal.refresh_from_db()
    assert signaal.is_open


def test_handling_with_a_note_closes_the_signal_and_it_leaves_the_list(client, werkcoach):
    signaal = verlopen(DossierFactory(werkcoach=werkcoach))
    client.force_login(werkcoach)

    response = client.post(reverse("werkvoorraad:afhandelen", args=[signaal.pk]), {"notitie": "PIP gepland"}, follow=True)

    signaal.refresh_from_db()
    assert (signaal.is_open, signaal.notitie, signaal.afgehandeld_door) == (False, "PIP gepland", werkcoach)
    assert "is afgehandeld" in response.content.decode()
    assert "0 open signalen" in response.content.decode()


def test_handling_twice_shows_the_services_message(client, werkcoach):
    signaal = verlopen(DossierFactory(werkcoach=werkcoach))
    client.force_login(werkcoach)
    client.post(reverse("werkvoorraad:afhandelen", args=[signaal.pk]), {"notitie": "een"})

    response = client.post(reverse("werkvoorraad:afhandelen", args=[signaal.pk]), {"notitie": "twee"})

    assert "Dit signaal is al afgehandeld." in response.content.decode()
    signaal.refresh_from_db()
    assert signaal.notitie == "een"


@pytest.mark.parametrize("tot,fout", [
    ("", "Vul de datum in waarop het signaal terug moet komen."),
    ("31-02-2025", str(DATUM_ONGELDIG)),
    ("vandaag", str(SNOOZE_VERLEDEN)),
])
def test_snoozing_with_a_bad_date_answers_in_dutch(client, werkcoach, tot, fout):
    signaal = verlopen(DossierFactory(werkcoach=werkcoach))
    client.force_login(werkcoach)
    if tot == "vandaag":
        tot = vandaag().isoformat()

    response = client.post(reverse("werkvoorraad:wegzetten", args=[signaal.pk]), {"tot": tot})

    assert response.context["wegzetten_form"].errors["tot"] == [fout]
    signaal.refresh_from_db()
    assert signaal.gesnoozed_tot is None


def test_snoozing_hides_the_signal_until_the_date(client, werkcoach):
    signaal = verlopen(DossierFactory(werkcoach=werkcoach))
    client.force_login(werkcoach)
    tot = vandaag() + timedelta(days=3)

    client.post(reverse("werkvoorraad:wegzetten", args=[signaal.pk]), {"tot": tot.isoformat()})

    signaal.refresh_from_db()
    assert signaal.gesnoozed_tot == tot
    assert client.get(reverse("werkvoorraad:lijst")).context["pagina"].paginator.count == 0


def test_a_manager_sees_the_signal_but_no_forms(client, manager, werkcoach):
    signaal = verlopen(DossierFactory(werkcoach=werkcoach))
    client.force_login(manager)

    html = client.get(reverse("werkvoorraad:signaal", args=[signaal.pk])).content.decode()

    assert "Signaal afhandelen" not in html and "niet afhandelen" in html


def test_an_aandachtspunt_from_the_dossier_page_lands_on_the_worklist(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach)
    client.force_login(werkcoach)
    detail = client.get(reverse("cases:dossier_detail", args=[dossier.pk])).content.decode()
    assert reverse("werkvoorraad:aandachtspunt", args=[dossier.pk]) in detail

    leeg = client.post(reverse("werkvoorraad:aandachtspunt", args=[dossier.pk]), {"omschrijving": ""})
    assert leeg.context["form"].errors["omschrijving"] == [str(OMSCHRIJVING_VERPLICHT)]

    response = client.post(reverse("werkvoorraad:aandachtspunt", args=[dossier.pk]),
                           {"omschrijving": "Tolk Tigrinya regelen"})
    assert response.status_code == 302 and response.url == reverse("cases:dossier_detail", args=[dossier.pk])
    signaal = Signaal.objects.get(dossier=dossier)
    assert (signaal.soort, signaal.omschrijving, signaal.aangemaakt_door) == (
        SignaalSoort.AANDACHTSPUNT, "Tolk Tigrinya regelen", werkcoach)
    assert "Tolk Tigrinya regelen" in client.get(reverse("werkvoorraad:lijst")).content.decode()


def test_no_aandachtspunt_on_a_closed_dossier(client, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, beeindigd=True)
    client.force_login(werkcoach)

    assert client.get(reverse("werkvoorraad:aandachtspunt", args=[dossier.pk])).status_code == 403


def test_a_werkcoach_opts_out_of_the_daily_digest_and_back_in(client, werkcoach):
    client.force_login(werkcoach)
    lijst = client.get(reverse("werkvoorraad:lijst")).content.decode()
    assert "Dagelijkse e-mail uitzetten" in lijst

    response = client.post(reverse("werkvoorraad:samenvatting"), {"aan": "0"}, follow=True)
    werkcoach.refresh_from_db()
    assert werkcoach.dagelijkse_samenvatting is False
    assert "geen dagelijkse samenvatting meer" in response.content.decode()
    assert "Dagelijkse e-mail aanzetten" in response.content.decode()

    client.post(reverse("werkvoorraad:samenvatting"), {"aan": "1"})
    werkcoach.refresh_from_db()
    assert werkcoach.dagelijkse_samenvatting is True
