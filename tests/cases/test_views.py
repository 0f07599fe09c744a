"""POST flows through the Django test client: what the user sees, and what is (not) saved."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils.html import escape

import pytest

from cases import rules, services
from cases.models import Dossier, Fase, Inburgeraar
from cases.rules import Doelgroep
from inburgering.schrijven import VERSIE_VEROUDERD
from tests import klok
from tests.factories import DossierFactory


@klok.per_test
def _datums() -> None:
    global KENNISGEVING
    KENNISGEVING = date.today() - timedelta(days=20)


def nieuw_formulier(**wijzig) -> dict:
    data = {
        "persoon-bsn": "999993653",
        "persoon-voornamen": "Yusuf",
        "persoon-geslachtsnaam": "Haddad",
        "persoon-geboortedatum": "1990-03-04",
        "persoon-geslacht": "M",
        "dossier-doelgroep": Doelgroep.ASIELSTATUSHOUDER,
        "dossier-regime": "wi2021",
        "dossier-datum_kennisgeving": KENNISGEVING.isoformat(),
        "extra-werkcoach": "",
        "extra-huishouden_bsn": "",
    }
    data.update(wijzig)
    return data


def bewerk_formulier(dossier: Dossier, **wijzig) -> dict:
    p = dossier.inburgeraar
    data = {
        "versie": str(dossier.versie),
        "persoon-bsn": p.bsn,
        "persoon-voornamen": p.voornamen,
        "persoon-geslachtsnaam": p.geslachtsnaam,
        "persoon-geboortedatum": p.geboortedatum.isoformat(),
        "persoon-geslacht": p.geslacht,
        "dossier-doelgroep": dossier.doelgroep,
        "dossier-regime": dossier.regime,
        "dossier-datum_kennisgeving": dossier.datum_kennisgeving.isoformat(),
    }
    data.update(wijzig)
    return data


def veldfout(response, veld: str) -> str:
    """The error text rendered for one field (proves it is next to the field, not only at the top)."""
    for form in ("persoon_form", "dossier_form", "extra_form", "versie_form", "form"):
        f = response.context.get(form)
        if f is not None and veld in f.fields:
            return " ".join(f[veld].errors)
    raise AssertionError(f"no form with field {veld}")


# ---------------------------------------------------------------------------------------------
# Creating
# ---------------------------------------------------------------------------------------------


def test_creating_a_dossier_redirects_to_it_and_puts_it_in_my_caseload(client, werkcoach):
    client.force_login(werkcoach)

    response = client.post(reverse("cases:dossier_nieuw"), nieuw_formulier())

    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("cases:dossier_detail", args=[dossier.pk])
    assert dossier.werkcoach == werkcoach
    assert dossier.inburgeraar.volledige_naam == "Yusuf Haddad"


def test_a_bsn_typed_with_dots_and_spaces_is_accepted_by_the_form(client, werkcoach):
    client.force_login(werkcoach)

    response = client.post(reverse("cases:dossier_nieuw"), nieuw_formulier(**{"persoon-bsn": "9999.93 653"}))

    assert response.status_code == 302, response.context and veldfout(response, "bsn")
    assert Inburgeraar.objects.get().bsn == "999993653"


@pytest.mark.parametrize(
    ("wijzig", "veld", "fout"),
    [
        ({"persoon-bsn": "999993654"}, "bsn", rules.BSN_ONGELDIG),
        ({"persoon-geboortedatum": lambda: (KENNISGEVING - timedelta(days=365 * 17)).isoformat()}, "geboortedatum",
         "de inburgeringsplicht geldt vanaf 18 jaar"),
        ({"dossier-datum_kennisgeving": lambda: (date.today() + timedelta(days=3)).isoformat()}, "datum_kennisgeving",
         rules.DATUM_IN_TOEKOMST),
        ({"dossier-datum_koppeling": "2024-03-02", "dossier-datum_huisvesting": "2024-03-01"}, "datum_huisvesting",
         rules.HUISVESTING_VOOR_KOPPELING),
        ({"persoon-voornamen": ""}, "voornamen", "Dit veld is verplicht."),
    ],
)
def test_creating_with_bad_input_shows_the_dutch_error_next_to_the_field_and_saves_nothing(
    client, werkcoach, wijzig, veld, fout
):
    client.force_login(werkcoach)

    response = client.post(reverse("cases:dossier_nieuw"), nieuw_formulier(**klok.invullen(wijzig)))

    assert response.status_code == 200
    assert str(fout) in veldfout(response, veld)
    assert escape(str(fout)) in response.content.decode()
    assert not Inburgeraar.objects.exists()
    assert not Dossier.objects.exists()


def test_a_duplicate_bsn_shows_a_link_to_the_existing_dossier(client, werkcoach):
    bestaand = DossierFactory(werkcoach=werkcoach, inburgeraar__bsn="999993653")
    client.force_login(werkcoach)

    response = client.post(reverse("cases:dossier_nieuw"), nieuw_formulier(**{"persoon-bsn": "999 993 653"}))

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert f'href="{reverse("cases:dossier_detail", args=[bestaand.pk])}"' in inhoud
    assert bestaand.inburgeraar.volledige_naam in inhoud
    assert "Er bestaat al een inburgeraar met dit BSN." in veldfout(response, "bsn")
    assert Inburgeraar.objects.count() == 1


def test_a_duplicate_bsn_outside_my_reach_shows_no_link(client, werkcoach, werkcoach_ander_team):
    bestaand = DossierFactory(werkcoach=werkcoach_ander_team, inburgeraar__bsn="999993653")
    client.force_login(werkcoach)

    response = client.post(reverse("cases:dossier_nieuw"), nieuw_formulier())

    assert response.status_code == 200
    assert "Er bestaat al een inburgeraar met dit BSN." in veldfout(response, "bsn")
    assert reverse("cases:dossier_detail", args=[bestaand.pk]) not in response.content.decode()
    assert bestaand.inburgeraar.geslachtsnaam not in response.content.decode()


def test_a_consulent_must_pick_a_werkcoach_in_the_form(client, consulent, werkcoach):
    client.force_login(consulent)

    response = client.post(reverse("cases:dossier_nieuw"), nieuw_formulier())
    assert response.status_code == 200
    assert veldfout(response, "werkcoach")
    assert not Dossier.objects.exists()

    response = client.post(reverse("cases:dossier_nieuw"), nieuw_formulier(**{"extra-werkcoach": werkcoach.pk}))
    assert response.status_code == 302
    assert Dossier.objects.get().werkcoach == werkcoach


# ---------------------------------------------------------------------------------------------
# Editing
# ---------------------------------------------------------------------------------------------


def test_editing_saves_and_redirects_to_the_dossier(client, werkcoach, dossier):
    client.force_login(werkcoach)

    response = client.post(
        reverse("cases:dossier_bewerken", args=[dossier.pk]), bewerk_formulier(dossier, **{"persoon-voornamen": "Mariam"})
    )

    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.inburgeraar.voornamen == "Mariam"
    assert dossier.versie == 2


def test_editing_with_a_stale_version_shows_the_conflict_and_saves_nothing(client, werkcoach, collega, dossier):
    formulier_van_werkcoach = bewerk_formulier(dossier, **{"persoon-voornamen": "Tweede"})
    services.dossier_bijwerken(
        dossier_id=dossier.pk, versie=1, by=collega,
        persoon={"bsn": dossier.inburgeraar.bsn, "voornamen": "Eerste", "geslachtsnaam": "X",
                 "geboortedatum": dossier.inburgeraar.geboortedatum},
        dossier={"doelgroep": dossier.doelgroep, "datum_kennisgeving": dossier.datum_kennisgeving},
    )
    client.force_login(werkcoach)

    response = client.post(reverse("cases:dossier_bewerken", args=[dossier.pk]), formulier_van_werkcoach)

    assert response.status_code == 200
    assert escape(str(VERSIE_VEROUDERD)) in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.inburgeraar.voornamen == "Eerste"
    assert dossier.versie == 2


def test_editing_with_bad_input_shows_the_error_and_keeps_the_old_data(client, werkcoach, dossier):
    client.force_login(werkcoach)

    response = client.post(
        reverse("cases:dossier_bewerken", args=[dossier.pk]), bewerk_formulier(dossier, **{"persoon-bsn": "123"})
    )

    assert response.status_code == 200
    assert str(rules.BSN_ONGELDIG) in veldfout(response, "bsn")
    dossier.refresh_from_db()
    assert rules.bsn_is_geldig(dossier.inburgeraar.bsn)
    assert dossier.versie == 1


# ---------------------------------------------------------------------------------------------
# Assigning, bulk reassigning, ending
# ---------------------------------------------------------------------------------------------


def test_a_manager_bulk_reassigns_via_the_form_and_the_reason_is_in_the_history(
    client, manager, werkcoach, werkcoach_ander_team
):
    gekozen = DossierFactory.create_batch(3, werkcoach=werkcoach)
    blijft = DossierFactory(werkcoach=werkcoach)
    client.force_login(manager)

    response = client.post(
        reverse("cases:dossiers_herverdelen"),
        {"dossiers": [d.pk for d in gekozen], "werkcoach": werkcoach_ander_team.pk, "reden": "langdurig ziek"},
    )

    assert response.status_code == 302
    assert response.url == reverse("cases:dossier_lijst") + "?bereik=alle"
    for d in gekozen:
        d.refresh_from_db()
        assert d.werkcoach == werkcoach_ander_team
        assert d.team == werkcoach_ander_team.team
        assert d.history.first().history_change_reason == f"Herverdeeld naar {werkcoach_ander_team}: langdurig ziek"
        assert d.history.first().history_user == manager
    blijft.refresh_from_db()
    assert blijft.werkcoach == werkcoach


def test_bulk_reassigning_without_a_reason_shows_an_error_and_moves_nothing(
    client, manager, werkcoach, werkcoach_ander_team
):
    gekozen = DossierFactory.create_batch(2, werkcoach=werkcoach)
    client.force_login(manager)

    response = client.post(
        reverse("cases:dossiers_herverdelen"),
        {"dossiers": [d.pk for d in gekozen], "werkcoach": werkcoach_ander_team.pk, "reden": ""},
    )

    assert response.status_code == 200
    assert veldfout(response, "reden")
    assert Dossier.objects.filter(werkcoach=werkcoach).count() == 2


def test_bulk_reassigning_with_a_vanished_dossier_shows_an_error_and_moves_nothing(
    client, manager, werkcoach, werkcoach_ander_team
):
    gekozen = DossierFactory.create_batch(2, werkcoach=werkcoach)
    client.force_login(manager)

    response = client.post(
        reverse("cases:dossiers_herverdelen"),
        {"dossiers": [*(d.pk for d in gekozen), 999_999], "werkcoach": werkcoach_ander_team.pk, "reden": "x"},
    )

    assert response.status_code == 200
    assert "bestaan niet (meer)" in veldfout(response, "dossiers")
    assert Dossier.objects.filter(werkcoach=werkcoach).count() == 2


def test_a_consulent_assigns_one_dossier_via_the_form(client, consulent, dossier, werkcoach_ander_team):
    client.force_login(consulent)

    response = client.post(
        reverse("cases:dossier_toewijzen", args=[dossier.pk]),
        {"versie": dossier.versie, "werkcoach": werkcoach_ander_team.pk, "reden": ""},
    )

    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.werkcoach == werkcoach_ander_team


def test_ending_a_dossier_via_the_form_moves_it_to_beeindigd(client, werkcoach, dossier):
    client.force_login(werkcoach)

    response = client.post(
        reverse("cases:dossier_beeindigen", args=[dossier.pk]),
        {"versie": dossier.versie, "reden": "verhuisd", "datum": date.today().isoformat(), "toelichting": ""},
    )

    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.fase == Fase.BEEINDIGD
    assert client.get(reverse("cases:dossier_beeindigen", args=[dossier.pk])).status_code == 403


def test_the_history_page_shows_the_change_reasons(client, werkcoach, dossier):
    client.force_login(werkcoach)
    client.post(
        reverse("cases:dossier_bewerken", args=[dossier.pk]), bewerk_formulier(dossier, **{"persoon-voornamen": "Mariam"})
    )

    response = client.get(reverse("cases:dossier_geschiedenis", args=[dossier.pk]))

    inhoud = response.content.decode()
    assert "Gegevens gewijzigd" in inhoud
    assert "Mariam" in inhoud


def test_the_list_offers_only_active_dossiers_for_bulk_reassigning(client, manager, werkcoach):
    lopend = DossierFactory(werkcoach=werkcoach)
    afgesloten = DossierFactory(werkcoach=werkcoach, beeindigd=True)
    client.force_login(manager)

    html = client.get(reverse("cases:dossier_lijst"), {"bereik": "alle"}).content.decode()

    assert f'name="dossiers" value="{lopend.pk}"' in html
    assert f'name="dossiers" value="{afgesloten.pk}"' not in html
    assert afgesloten.inburgeraar.geslachtsnaam in html  # still listed, just not selectable


def test_live_search_gets_only_the_results_and_a_plain_search_gets_the_whole_page(client, werkcoach):
    gezocht = DossierFactory(werkcoach=werkcoach)
    ander = DossierFactory(werkcoach=werkcoach)
    client.force_login(werkcoach)
    url = reverse("cases:dossier_lijst")
    zoek = {"zoek": gezocht.inburgeraar.geslachtsnaam}

    htmx = client.post(url, zoek, headers={"HX-Request": "true", "HX-Target": "resultaten"}).content.decode()
    zonder_js = client.post(url, zoek, follow=True).content.decode()

    assert "<html" not in htmx and 'id="resultaten"' in htmx
    assert "<html" in zonder_js and '<form method="post"' in zonder_js  # the search form works without htmx
    for html in (htmx, zonder_js):
        assert gezocht.inburgeraar.geslachtsnaam in html
        assert ander.inburgeraar.geslachtsnaam not in html


def test_editing_records_an_earlier_pip_elsewhere_with_history_duo_a2_rule(client, werkcoach, dossier):
    """DUO refuses A2 only on the very first PIP of the person in any gemeente: whether one exists
    elsewhere is recorded on the dossier (by hand until DUO sends it), with its history."""
    client.force_login(werkcoach)
    response = client.get(reverse("cases:dossier_bewerken", args=[dossier.pk]))
    assert 'name="dossier-eerder_pip_elders"' in response.content.decode()

    response = client.post(
        reverse("cases:dossier_bewerken", args=[dossier.pk]), bewerk_formulier(dossier, **{"dossier-eerder_pip_elders": "on"})
    )

    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.eerder_pip_elders is True
    laatste = dossier.history.first()
    assert (laatste.eerder_pip_elders, laatste.history_user) == (True, werkcoach)
    overzicht = client.get(reverse("cases:dossier_detail", args=[dossier.pk])).content.decode()
    assert "Eerder PIP in een andere gemeente</dt><dd>ja</dd>" in overzicht
