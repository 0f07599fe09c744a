"""The downloads of the lists (issue 20 item 1) against the real database: the list's own filter and
access, the cap, formula injection, the security log and the Logboek Dataverwerkingen."""

from datetime import date, timedelta

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from cases.models import Fase
from inburgering.audit.models import Beveiligingslog, Dataverwerking, DataverwerkingDossier, Gebeurtenis
from tests.factories import (
    DossierFactory,
    HandhavingszaakFactory,
    InburgeraarFactory,
    PipFactory,
    SignaalFactory,
    TeamFactory,
    TermijnFactory,
    WerkcoachFactory,
)


def csv_rijen(response) -> list[list[str]]:
    import csv
    import io

    inhoud = b"".join(response.streaming_content).decode("utf-8")
    assert inhoud.startswith("\ufeff")
    return list(csv.reader(io.StringIO(inhoud[1:]), delimiter=";"))


def export_logs():
    return list(Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.EXPORT).order_by("id"))


def test_the_dossier_list_download_holds_every_row_of_the_filter_and_only_the_own_caseload(client, werkcoach):
    intake = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE,
                            inburgeraar=InburgeraarFactory(geslachtsnaam="Intakes"))
    DossierFactory(werkcoach=werkcoach, fase=Fase.IN_UITVOERING, inburgeraar=InburgeraarFactory(geslachtsnaam="Loopt"))
    DossierFactory(fase=Fase.INTAKE, inburgeraar=InburgeraarFactory(geslachtsnaam="Vreemd"))  # another caseload
    client.force_login(werkcoach)

    response = client.get(reverse("cases:dossier_export", args=["csv"]), {"bereik": "mijn", "fase": Fase.INTAKE})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="dossiers-')
    rijen = csv_rijen(response)
    assert rijen[0] == ["Dossier", "Naam", "BSN", "Doelgroep", "Fase", "Kennisgeving", "Werkcoach", "Team"]
    assert len(rijen) == 2 and "Intakes" in rijen[1][1]
    # the BSN masked, as on the screen
    assert rijen[1][2] == intake.inburgeraar.bsn_gemaskeerd != intake.inburgeraar.bsn


def test_a_manager_downloads_all_dossiers_as_excel(client, manager):
    dossiers = DossierFactory.create_batch(3)
    client.force_login(manager)

    response = client.get(reverse("cases:dossier_export", args=["xlsx"]), {"bereik": "alle"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    import io

    blad = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert blad.max_row == 4
    assert sorted(blad.cell(row=r, column=1).value for r in range(2, 5)) == sorted(d.pk for d in dossiers)
    assert isinstance(blad.cell(row=2, column=6).value.date(), date)


def test_the_search_term_is_carried_by_its_session_token_not_the_url(client, werkcoach):
    DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(geslachtsnaam="Zoekbaar"))
    DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(geslachtsnaam="Anders"))
    client.force_login(werkcoach)
    zoek = client.post(reverse("cases:dossier_lijst"), {"zoek": "Zoekbaar", "bereik": "mijn"})
    assert zoek.status_code == 303 and "Zoekbaar" not in zoek["Location"]
    querystring = zoek["Location"].split("?", 1)[1]

    pagina = client.get(zoek["Location"])
    assert f"{reverse('cases:dossier_export', args=['csv'])}?{querystring}" in pagina.content.decode().replace("&amp;", "&")
    response = client.get(f"{reverse('cases:dossier_export', args=['csv'])}?{querystring}")

    rijen = csv_rijen(response)
    assert len(rijen) == 2 and "Zoekbaar" in rijen[1][1]
    # A term typed into the URL is never used: the download is then the whole caseload.
    assert len(csv_rijen(client.get(reverse("cases:dossier_export", args=["csv"]), {"zoek": "Zoekbaar"}))) == 3


def test_the_download_is_capped_and_says_so(client, werkcoach, settings):
    settings.EXPORT_MAX_RIJEN = 2
    DossierFactory.create_batch(3, werkcoach=werkcoach)
    client.force_login(werkcoach)

    response = client.get(reverse("cases:dossier_export", args=["csv"]))

    rijen = csv_rijen(response)
    assert len(rijen) == 1 + 2 + 1
    assert rijen[-1][0].startswith("Let op: deze lijst telt meer dan 2 rijen")
    assert response["X-Export-Rijen"] == "2"
    assert export_logs()[-1].details == {"soort": "lijst", "lijst": "dossiers", "formaat": "csv", "rijen": 2,
                                         "afgekapt": True}
    pagina = client.get(reverse("cases:dossier_lijst"))
    assert "ten hoogste 2 rijen" in pagina.content.decode()


def test_a_name_that_looks_like_a_formula_is_neutralised_in_both_formats(client, werkcoach):
    DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(
        voornamen='=HYPERLINK("http://aanval.example","klik")', geslachtsnaam="Test"))
    client.force_login(werkcoach)

    rijen = csv_rijen(client.get(reverse("cases:dossier_export", args=["csv"])))
    assert rijen[1][1].startswith("'=HYPERLINK(")

    import io

    response = client.get(reverse("cases:dossier_export", args=["xlsx"]))
    cel = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.cell(row=2, column=2)
    assert cel.data_type == "s" and cel.value.startswith("'=HYPERLINK(")


def test_each_download_is_in_the_security_log_and_the_processing_log_without_personal_data(client, werkcoach):
    dossiers = DossierFactory.create_batch(2, werkcoach=werkcoach, inburgeraar__geslachtsnaam="Geheim")
    client.force_login(werkcoach)

    b"".join(client.get(reverse("cases:dossier_export", args=["csv"])).streaming_content)

    [log] = export_logs()
    assert log.gebruiker == werkcoach
    assert log.details == {"soort": "lijst", "lijst": "dossiers", "formaat": "csv", "rijen": 2, "afgekapt": False}
    assert "Geheim" not in str(log.details) and "?" not in log.pad
    verwerking = Dataverwerking.objects.filter(handelingen__contains="exporteren").get()
    assert sorted(verwerking.dossier_ids) == sorted(d.pk for d in dossiers)
    assert DataverwerkingDossier.objects.filter(verwerking=verwerking).count() == 2


def test_an_unknown_format_is_404_and_a_role_without_dossiers_is_refused(client, werkcoach, beheerder):
    client.force_login(werkcoach)
    assert client.get(reverse("cases:dossier_export", args=["pdf"])).status_code == 404
    client.force_login(beheerder)
    assert client.get(reverse("cases:dossier_export", args=["csv"])).status_code == 403
    assert client.get(reverse("werkvoorraad:export", args=["csv"])).status_code == 403
    assert not export_logs()


def test_the_werkvoorraad_download_follows_its_filter(client, werkcoach):
    verlopen = SignaalFactory(termijn__dossier__werkcoach=werkcoach)
    SignaalFactory(aandachtspunt=True, dossier__werkcoach=werkcoach)
    SignaalFactory()  # another werkcoach's dossier
    client.force_login(werkcoach)

    alle = csv_rijen(client.get(reverse("werkvoorraad:export", args=["csv"])))
    alleen_verlopen = csv_rijen(client.get(reverse("werkvoorraad:export", args=["csv"]), {"soort": "verlopen"}))

    assert len(alle) == 3
    assert len(alleen_verlopen) == 2
    assert alleen_verlopen[1][0] == str(verlopen.dossier_id)
    assert alleen_verlopen[1][5] == verlopen.termijn.fatale_datum.strftime("%d-%m-%Y")
    assert alleen_verlopen[1][6] == "-1"


def test_the_te_beoordelen_download_is_for_consulenten_with_the_team_filter(client, consulent, werkcoach, team):
    ander_team = TeamFactory(naam="Team Zuid")
    eigen = PipFactory(ter_beoordeling=True, dossier__werkcoach=werkcoach)
    PipFactory(ter_beoordeling=True, dossier__werkcoach=WerkcoachFactory(team=ander_team))
    client.force_login(consulent)

    rijen = csv_rijen(client.get(reverse("pip_plans:te_beoordelen_export", args=["csv"]), {"team": team.pk}))

    assert [r[0] for r in rijen[1:]] == [str(eigen.dossier_id)]
    assert rijen[0][-2] == "Fatale datum PIP-termijn"
    client.force_login(werkcoach)
    assert client.get(reverse("pip_plans:te_beoordelen_export", args=["csv"])).status_code == 403


def test_the_handhaving_download_follows_the_status_filter(client, consulent, werkcoach):
    open_zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach)
    HandhavingszaakFactory(dossier__werkcoach=werkcoach, voornemen=True)
    client.force_login(consulent)

    rijen = csv_rijen(client.get(reverse("handhaving:zaken_export", args=["csv"]), {"status": "signaal"}))

    assert [r[0] for r in rijen[1:]] == [str(open_zaak.pk)]
    assert export_logs()[-1].details["lijst"] == "handhavingszaken"


@pytest.mark.parametrize("tabel", ["caseload", "fasen", "routes", "termijnen", "handhaving"])
def test_every_dashboard_table_downloads_its_aggregate_rows(client, manager, werkcoach, tabel):
    DossierFactory.create_batch(2, werkcoach=werkcoach, fase=Fase.INTAKE)
    client.force_login(manager)

    response = client.get(reverse("dashboards:export", args=[tabel, "csv"]))

    assert response.status_code == 200
    rijen = csv_rijen(response)
    assert len(rijen) >= 2
    if tabel == "fasen":
        assert ["Brede intake", "2"] in rijen
    if tabel == "caseload":
        assert [werkcoach.get_full_name() or str(werkcoach), str(werkcoach.team), "2", "0", "0"] in rijen
    log = export_logs()[-1]
    assert log.details["lijst"] == f"dashboard-{tabel}"
    assert not Dataverwerking.objects.filter(handelingen__contains="exporteren").exists()  # aggregates only


def test_the_dashboard_downloads_are_for_the_dashboard_roles(client, werkcoach):
    client.force_login(werkcoach)
    assert client.get(reverse("dashboards:export", args=["fasen", "csv"])).status_code == 403
    assert client.get(reverse("dashboards:route_dossiers_export", args=["B", "csv"])).status_code == 403


def test_the_dossiers_behind_a_route_number_download(client, manager):
    pip = PipFactory(vastgesteld=True, leerroute="B")
    PipFactory(vastgesteld=True, leerroute="Z", niveau="")
    client.force_login(manager)

    pagina = client.get(reverse("dashboards:route_dossiers", args=["B"]))
    assert reverse("dashboards:route_dossiers_export", args=["B", "csv"]) in pagina.content.decode()
    rijen = csv_rijen(client.get(reverse("dashboards:route_dossiers_export", args=["B", "csv"])))

    assert [r[0] for r in rijen[1:]] == [str(pip.dossier_id)]


def test_a_termijn_date_in_the_werkvoorraad_is_a_date_cell_in_excel(client, werkcoach):
    import io

    signaal = SignaalFactory(termijn=TermijnFactory(dossier=DossierFactory(werkcoach=werkcoach), status="verlopen",
                                                    fatale_datum=date.today() - timedelta(days=3)))
    client.force_login(werkcoach)

    response = client.get(reverse("werkvoorraad:export", args=["xlsx"]))

    blad = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert blad.cell(row=2, column=6).value.date() == signaal.termijn.fatale_datum
    assert blad.cell(row=2, column=7).value == -3
