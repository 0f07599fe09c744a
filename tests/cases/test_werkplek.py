"""Issue 19: bulk reassign of all dossiers on a page or matching the filter (item 5), the dossier header and
no preselected geslacht (item 4)."""

from django.urls import reverse

import pytest

from cases import views
from cases.forms import GESLACHT_KIEZEN, InburgeraarForm
from cases.rules import Doelgroep
from inburgering import zoeken
from tests.factories import DossierFactory, InburgeraarFactory, TeamFactory, WerkcoachFactory

pytestmark = pytest.mark.django_db


def _herverdelen(client, **params):
    return client.get(reverse("cases:dossiers_herverdelen"), params)


def test_all_matching_the_filter_are_the_visible_active_ones_of_that_filter(client, manager):
    noord, zuid = TeamFactory(naam="Noord"), TeamFactory(naam="Zuid")
    coach = WerkcoachFactory(team=noord)
    gevonden = [DossierFactory(werkcoach=coach) for _ in range(2)]
    afgesloten = DossierFactory(werkcoach=coach, beeindigd=True)
    elders = DossierFactory(werkcoach=WerkcoachFactory(team=zuid))
    client.force_login(manager)

    response = _herverdelen(client, selectie="filter", terug=f"bereik=alle&team={noord.pk}")

    assert {d.pk for d in response.context["gekozen"]} == {d.pk for d in gevonden}
    html = response.content.decode()
    assert "Het filter geeft 2 lopende dossiers." in html
    for dossier in (afgesloten, elders):
        assert f'name="dossiers" value="{dossier.pk}"' not in html
    assert response.context["terug_url"] == f"{reverse('cases:dossier_lijst')}?bereik=alle&team={noord.pk}"


def test_the_filter_uses_the_search_term_from_the_session_token(client, manager):
    gezocht = DossierFactory(inburgeraar=InburgeraarFactory(geslachtsnaam="Zoekbaar"))
    DossierFactory()
    client.force_login(manager)
    lijst = client.post(reverse("cases:dossier_lijst"), {"bereik": "alle", "zoek": "Zoekbaar"})
    token = lijst["Location"].split(f"{zoeken.PARAMETER}=")[1].split("&")[0]

    response = _herverdelen(client, selectie="filter", terug=f"bereik=alle&{zoeken.PARAMETER}={token}")

    assert [d.pk for d in response.context["gekozen"]] == [gezocht.pk]
    assert "Zoekbaar" not in response.context["terug_url"]  # the term stays out of the URL


def test_more_than_the_maximum_is_refused_with_a_message(client, manager, monkeypatch):
    monkeypatch.setattr(views, "HERVERDELEN_MAXIMUM", 2)
    for _ in range(3):
        DossierFactory()
    client.force_login(manager)

    response = _herverdelen(client, selectie="filter", terug="bereik=alle")

    assert response.context["gekozen"] == []
    assert "Dit filter geeft meer dan 2 lopende dossiers." in response.content.decode()


def test_all_on_the_page_and_the_list_keeps_its_filter_after_the_action(client, manager):
    team = TeamFactory(naam="Noord")
    coach, nieuw = WerkcoachFactory(team=team), WerkcoachFactory(team=team)
    dossiers = [DossierFactory(werkcoach=coach) for _ in range(2)]
    client.force_login(manager)
    lijst = client.get(reverse("cases:dossier_lijst"), {"bereik": "alle", "team": team.pk}).content.decode()
    assert 'name="terug" value="bereik=alle&amp;team=' in lijst
    for dossier in dossiers:
        assert f'name="pagina_dossiers" value="{dossier.pk}"' in lijst

    terug = f"bereik=alle&team={team.pk}"
    pagina = _herverdelen(client, selectie="pagina", terug=terug, pagina_dossiers=[d.pk for d in dossiers])
    assert len(pagina.context["gekozen"]) == 2
    response = client.post(
        f"{reverse('cases:dossiers_herverdelen')}?selectie=pagina&terug=bereik%3Dalle%26team%3D{team.pk}",
        {"dossiers": [d.pk for d in dossiers], "werkcoach": nieuw.pk, "reden": "Verlof"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('cases:dossier_lijst')}?bereik=alle&team={team.pk}"
    for dossier in dossiers:
        dossier.refresh_from_db()
        assert dossier.werkcoach == nieuw


def test_the_way_back_is_only_a_query_string_of_the_list(client, manager):
    client.force_login(manager)
    response = _herverdelen(client, terug="https://elders.example/&bereik=alle&next=//elders.example&zoek=Jansen")
    assert response.context["terug_url"] == f"{reverse('cases:dossier_lijst')}?bereik=alle"


def test_the_header_names_the_doelgroep_once(client, werkcoach):
    asiel = DossierFactory(werkcoach=werkcoach, doelgroep=Doelgroep.ASIELSTATUSHOUDER)
    gezin = DossierFactory(werkcoach=werkcoach, doelgroep=Doelgroep.GEZINSVORMER_ASIEL)
    client.force_login(werkcoach)
    html = client.get(reverse("cases:dossier_detail", args=[asiel.pk])).content.decode()
    assert "<dd>Asielstatushouder</dd>" in html
    html = client.get(reverse("cases:dossier_detail", args=[gezin.pk])).content.decode()
    assert "<dd>Gezinsvormer met asielstatushouder (Asielstatushouder)</dd>" in html


def test_a_new_persons_geslacht_is_not_preselected_and_must_be_chosen():
    form = InburgeraarForm(prefix="persoon")
    assert form["geslacht"].value() in (None, "")
    assert form.fields["geslacht"].choices[0][0] == ""
    form = InburgeraarForm({"persoon-bsn": "999993653"}, prefix="persoon")
    assert not form.is_valid()
    assert form.errors["geslacht"] == [str(GESLACHT_KIEZEN)]
    bestaand = InburgeraarForm(instance=InburgeraarFactory(geslacht="M"), prefix="persoon")
    assert bestaand["geslacht"].value() == "M"
