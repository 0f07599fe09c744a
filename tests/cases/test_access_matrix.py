"""Who may open which page (DESIGN.md "Access"), as one table, plus the inzage log of every dossier read."""

import hashlib
from datetime import date

from django.db import transaction
from django.urls import reverse

import pytest

from cases.models import Termijn
from cases.tabs import tabs
from inburgering.audit.models import AppendOnlyError, InzageLog
from pip_plans.termijnen import PipTermijn

LOGIN = "login"  # 302 to the login page

# The dossier under test belongs to `werkcoach` (team Noord). The actors, left to right:
#   eigen      the dossier's own werkcoach
#   team       another werkcoach in the same team
#   ander      a werkcoach of another team
#   consulent, manager, beheerder (functioneel beheer), anoniem (not logged in)
ACTOREN = ("eigen", "team", "ander", "consulent", "manager", "beheerder", "anoniem")

MATRIX = {
    # url name                    eigen team  ander consulent manager beheerder anoniem
    "dossier_lijst":             (200,  200,  200,  200,      200,    403,      LOGIN),
    "dossier_nieuw":             (200,  200,  200,  200,      403,    403,      LOGIN),
    # issue 14: the BRP steps of a registration (404 for a token this session does not hold)
    "dossier_nieuw_brp":         (404,  404,  404,  404,      403,    403,      LOGIN),
    "dossier_nieuw_handmatig":   (404,  404,  404,  404,      403,    403,      LOGIN),
    "brp_verversen":             (405,  405,  405,  405,      405,    405,      LOGIN),  # POST only: below
    "dossiers_herverdelen":      (403,  403,  403,  403,      200,    403,      LOGIN),
    "dossier_detail":            (200,  200,  404,  200,      200,    404,      LOGIN),
    "dossier_geschiedenis":      (200,  200,  404,  200,      200,    404,      LOGIN),
    "dossier_bewerken":          (200,  200,  404,  200,      403,    404,      LOGIN),
    "dossier_toewijzen":         (403,  403,  403,  200,      200,    403,      LOGIN),
    "dossier_beeindigen":        (200,  200,  404,  200,      403,    404,      LOGIN),
    "tab:intake":        (200,  200,  404,  200,      200,    404,      LOGIN),
    "tab:pip":           (200,  200,  404,  200,      200,    404,      LOGIN),
    "tab:traject":       (200,  200,  404,  200,      200,    404,      LOGIN),
    "tab:handhaving":    (200,  200,  404,  200,      200,    404,      LOGIN),
    "tab:duo":           (200,  200,  404,  200,      200,    404,      LOGIN),  # issue 16: sent to DUO
    "tab:afspraken":     (200,  200,  404,  200,      200,    404,      LOGIN),  # issue 20: appointments
    "tab:duo_gegevens":  (200,  200,  404,  200,      200,    404,      LOGIN),  # issue 17: Gegevens van DUO
    # issue 15: the Documenten tab, the upload form, the downloads (a letter and an upload of the dossier)
    "documenten":                (200,  200,  404,  200,      200,    404,      LOGIN),
    "tab:documenten":    (200,  200,  404,  200,      200,    404,      LOGIN),
    "document_toevoegen":        (200,  200,  404,  200,      403,    404,      LOGIN),
    "brief_download":            (200,  200,  404,  200,      200,    404,      LOGIN),
    "bijlage_download":          (200,  200,  404,  200,      200,    404,      LOGIN),
    "termijn_opschorten":        (200,  200,  404,  200,      403,    404,      LOGIN),
    "termijn_hervatten":         (200,  200,  404,  200,      403,    404,      LOGIN),
    # issue 20: the list's download (each sees their own reach) and the print view of a dossier
    "dossier_export":            (200,  200,  200,  200,      200,    403,      LOGIN),
    "dossier_afdrukken":         (200,  200,  404,  200,      200,    404,      LOGIN),
}  # fmt: skip

ZONDER_DOSSIER = {"dossier_lijst", "dossier_nieuw", "dossiers_herverdelen", "dossier_nieuw_brp",
                  "dossier_nieuw_handmatig", "dossier_export"}

# The page name each dossier page writes in the inzage log.
PAGINANAMEN = {
    "dossier_detail": "overzicht",
    "dossier_geschiedenis": "geschiedenis",
    "dossier_bewerken": "bewerken",
    "dossier_toewijzen": "toewijzen",
    "dossier_beeindigen": "beeindigen",
    "tab:intake": "intake",
    "tab:pip": "pip",
    "tab:traject": "traject",
    "tab:handhaving": "handhaving",
    "tab:duo": "duo",
    "tab:afspraken": "afspraken",
    "tab:duo_gegevens": "duo_gegevens",
    "termijn_opschorten": "termijn",
    "termijn_hervatten": "termijn",
    "documenten": "documenten",
    "tab:documenten": "documenten",
    "document_toevoegen": "document_toevoegen",
    "brief_download": "document",
    "bijlage_download": "document",
    "dossier_afdrukken": "afdrukken",
}

ACTOR_FIXTURES = {
    "eigen": "werkcoach",
    "team": "collega",
    "ander": "werkcoach_ander_team",
    "consulent": "consulent",
    "manager": "manager",
    "beheerder": "beheerder",
    "anoniem": None,
}


def test_the_matrix_covers_every_url_of_the_cases_app():
    from cases.urls import urlpatterns

    namen = {p.name for p in urlpatterns}
    assert namen == {naam for naam in MATRIX if not naam.startswith("tab:")}
    # every registered dossier tab of the apps above cases has its row
    assert {naam.split(":")[1] for naam in MATRIX if naam.startswith("tab:")} == {
        tab.code for tab in tabs() if tab.code not in ("overzicht", "geschiedenis")
    }


def url_voor(naam: str, dossier) -> str:
    if naam in ("dossier_nieuw_brp", "dossier_nieuw_handmatig"):
        return reverse(f"cases:{naam}", kwargs={"token": "onbekend"})
    if naam == "dossier_export":
        return reverse("cases:dossier_export", args=["csv"])
    if naam in ZONDER_DOSSIER:
        return reverse(f"cases:{naam}")
    if naam.startswith("tab:"):
        tab = next(t for t in tabs() if t.code == naam.split(":")[1])
        return reverse(tab.url_naam, args=[dossier.pk])
    if naam.startswith("termijn_"):
        return reverse(f"cases:{naam}", args=[dossier.pk, termijn_van(dossier).pk])
    if naam == "brief_download":
        return reverse(f"cases:{naam}", args=[dossier.pk, brief_van(dossier).pk])
    if naam == "bijlage_download":
        return reverse(f"cases:{naam}", args=[dossier.pk, bijlage_van(dossier).pk])
    return reverse(f"cases:{naam}", args=[dossier.pk])


def termijn_van(dossier):
    vandaag = date.today()
    termijn, _nieuw = Termijn.objects.get_or_create(
        dossier=dossier, soort=PipTermijn.VOORTGANGSGESPREK, sleutel="",  # a kind that may be suspended
        defaults={"bron": "test", "basisdatum": vandaag, "streefdatum": vandaag, "berekende_fatale_datum": vandaag,
                  "fatale_datum": vandaag},
    )
    return termijn


PDF = b"%PDF-1.4 matrix"


def brief_van(dossier):
    """A letter of the dossier (issue 15), made once per test."""
    from django.core.files.base import ContentFile

    from inburgering.documenten.models import Document

    return Document.objects.filter(dossier_id=dossier.pk).first() or Document.objects.create(
        titel="Beschikking", soort="pip_beschikking", bestand=ContentFile(PDF, name="b.pdf"),
        sha256=hashlib.sha256(PDF).hexdigest(), html="", template_naam="t", template_versie="1", grootte=len(PDF),
        aangemaakt_door=dossier.werkcoach, dossier_id=dossier.pk)


def bijlage_van(dossier):
    from django.core.files.base import ContentFile

    from cases.models import DossierBijlage

    return DossierBijlage.objects.filter(dossier=dossier).first() or DossierBijlage.objects.create(
        dossier=dossier, categorie="overig", datum=date(2024, 1, 1), omschrijving="Stuk",
        bestand=ContentFile(PDF, name="0123abcd.pdf"), originele_naam="stuk.pdf", mime_type="application/pdf",
        grootte=len(PDF), sha256=hashlib.sha256(PDF).hexdigest(), toegevoegd_door=dossier.werkcoach)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def inloggen(client, request, actor: str):
    fixture = ACTOR_FIXTURES[actor]
    if fixture is None:
        return None
    user = request.getfixturevalue(fixture)
    client.force_login(user)
    return user


GEVALLEN = [
    pytest.param(naam, actor, verwacht, id=f"{naam}-{actor}")
    for naam, rij in MATRIX.items()
    for actor, verwacht in zip(ACTOREN, rij, strict=True)
]


@pytest.mark.parametrize(("naam", "actor", "verwacht"), GEVALLEN)
def test_access_to_each_page_follows_the_matrix(client, request, dossier, naam, actor, verwacht):
    inloggen(client, request, actor)
    url = url_voor(naam, dossier)

    response = client.get(url)

    if verwacht == LOGIN:
        assert response.status_code == 302
        assert response.url == f"{reverse('login')}?next={url}"
    else:
        assert response.status_code == verwacht


DOSSIERPAGINAS = [naam for naam in MATRIX if naam not in ZONDER_DOSSIER and naam != "brp_verversen"]  # POST only
GESLAAGD = [
    pytest.param(naam, actor, id=f"{naam}-{actor}")
    for naam in DOSSIERPAGINAS
    for actor, verwacht in zip(ACTOREN, MATRIX[naam], strict=True)
    if verwacht == 200
]
GEWEIGERD = [
    pytest.param(naam, actor, id=f"{naam}-{actor}")
    for naam in DOSSIERPAGINAS
    for actor, verwacht in zip(ACTOREN, MATRIX[naam], strict=True)
    if verwacht != 200
]


@pytest.mark.parametrize(("naam", "actor"), GESLAAGD)
def test_every_dossier_page_view_writes_one_inzage_row_naming_the_page(client, request, dossier, naam, actor):
    user = inloggen(client, request, actor)
    url = url_voor(naam, dossier)

    response = client.get(url, REMOTE_ADDR="10.1.2.3")

    assert response.status_code == 200
    rij = InzageLog.objects.get()
    assert (rij.gebruiker, rij.dossier_id, rij.pagina, rij.pad, rij.ip_adres) == (
        user, dossier.pk, PAGINANAMEN[naam], url, "10.1.2.3"
    )


@pytest.mark.parametrize(("naam", "actor"), GEWEIGERD)
def test_a_refused_dossier_page_shows_and_logs_nothing(client, request, dossier, naam, actor):
    inloggen(client, request, actor)

    response = client.get(url_voor(naam, dossier))

    assert response.status_code in (302, 403, 404)
    assert dossier.inburgeraar.geslachtsnaam not in response.content.decode()
    assert not InzageLog.objects.exists()


def test_the_dossier_list_writes_no_inzage_rows(client, werkcoach, dossier):
    client.force_login(werkcoach)
    response = client.get(reverse("cases:dossier_lijst"))
    assert dossier.inburgeraar.geslachtsnaam in response.content.decode()
    assert not InzageLog.objects.exists()


def test_an_unknown_tab_is_not_found(client, werkcoach, dossier):
    client.force_login(werkcoach)
    assert client.get(f"/dossiers/{dossier.pk}/geheim/").status_code == 404
    assert not InzageLog.objects.exists()


def test_a_dossier_that_does_not_exist_is_not_found_for_a_consulent(client, consulent, dossier):
    client.force_login(consulent)
    assert client.get(reverse("cases:dossier_detail", args=[dossier.pk + 1000])).status_code == 404


@pytest.mark.parametrize("naam", ["dossier_bewerken", "dossier_beeindigen"])
def test_an_ended_dossier_can_no_longer_be_edited_or_ended(client, werkcoach, naam):
    from tests.factories import DossierFactory

    beeindigd = DossierFactory(werkcoach=werkcoach, beeindigd=True)
    client.force_login(werkcoach)

    assert client.get(url_voor(naam, beeindigd)).status_code == 403
    assert client.get(url_voor("dossier_detail", beeindigd)).status_code == 200


@pytest.fixture
def drie_dossiers(werkcoach, collega, werkcoach_ander_team):
    from tests.factories import DossierFactory

    return {
        "eigen": DossierFactory(werkcoach=werkcoach),
        "team": DossierFactory(werkcoach=collega),
        "ander": DossierFactory(werkcoach=werkcoach_ander_team),
    }


def getoond(client, **params) -> set[str]:
    """The list as shown; a search term is posted (issue 12: never in a URL) and followed to its page."""
    if "zoek" in params:
        response = client.post(reverse("cases:dossier_lijst"), params, follow=True)
    else:
        response = client.get(reverse("cases:dossier_lijst"), params)
    assert response.status_code == 200
    return {d.inburgeraar.geslachtsnaam for d in response.context["pagina"].object_list}


def namen(dossiers, *welke) -> set[str]:
    return {dossiers[w].inburgeraar.geslachtsnaam for w in welke}


@pytest.mark.parametrize(
    ("actor", "bereik", "zichtbaar"),
    [
        ("eigen", None, ("eigen",)),  # default: Mijn dossiers
        ("eigen", "team", ("eigen", "team")),
        ("eigen", "alle", ("eigen",)),  # not offered to a werkcoach: falls back to Mijn dossiers
        ("consulent", None, ("eigen", "team", "ander")),
        ("manager", "alle", ("eigen", "team", "ander")),
    ],
)
def test_the_list_shows_only_the_dossiers_within_reach(client, request, drie_dossiers, actor, bereik, zichtbaar):
    inloggen(client, request, actor)
    params = {"bereik": bereik} if bereik else {}
    assert getoond(client, **params) == namen(drie_dossiers, *zichtbaar)


def test_a_werkcoach_cannot_find_another_teams_dossier_by_bsn(client, werkcoach, drie_dossiers):
    client.force_login(werkcoach)
    bsn = drie_dossiers["ander"].inburgeraar.bsn
    assert getoond(client, bereik="team", zoek=bsn) == set()
    assert getoond(client, bereik="alle", zoek=bsn) == set()


def test_an_inactive_werkcoach_sees_no_dossiers_even_in_code_paths_without_login(werkcoach, dossier):
    from cases import access

    assert list(access.zichtbare_dossiers(werkcoach)) == [dossier]
    werkcoach.is_active = False
    assert not access.zichtbare_dossiers(werkcoach).exists()


# ---------------------------------------------------------------------------------------------
# The inzage log is append-only
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def logrij(werkcoach, dossier):
    return InzageLog.objects.create(gebruiker=werkcoach, dossier_id=dossier.pk, pagina="overzicht", pad="/x/")


def test_an_inzage_row_cannot_be_changed(logrij):
    logrij.pagina = "iets anders"
    with pytest.raises(AppendOnlyError):
        logrij.save()
    assert InzageLog.objects.get(pk=logrij.pk).pagina == "overzicht"


def test_an_inzage_row_cannot_be_deleted(logrij):
    with pytest.raises(AppendOnlyError):
        logrij.delete()
    assert InzageLog.objects.filter(pk=logrij.pk).exists()


def test_inzage_rows_cannot_be_updated_in_bulk(logrij):
    with pytest.raises(AppendOnlyError):
        InzageLog.objects.filter(pk=logrij.pk).update(pagina="weg")
    with pytest.raises(AppendOnlyError):
        InzageLog.objects.update(pagina="weg")
    logrij.pagina = "weg"
    with pytest.raises(AppendOnlyError), transaction.atomic():
        InzageLog.objects.bulk_update([logrij], ["pagina"])
    assert InzageLog.objects.get(pk=logrij.pk).pagina == "overzicht"


def test_inzage_rows_cannot_be_deleted_in_bulk(logrij):
    with pytest.raises(AppendOnlyError):
        InzageLog.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        InzageLog.objects.filter(pk=logrij.pk).delete()
    assert InzageLog.objects.count() == 1


@pytest.mark.parametrize(("actor", "verwacht"), [("eigen", 302), ("team", 302), ("ander", 404), ("consulent", 302),
                                                 ("manager", 403), ("beheerder", 404)])
def test_the_brp_refresh_button_follows_the_edit_rule(client, request, dossier, actor, verwacht):
    inloggen(client, request, actor)
    assert client.post(reverse("cases:brp_verversen", args=[dossier.pk])).status_code == verwacht
