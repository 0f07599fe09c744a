"""One Dataverwerking per request (or task run) that processed personal data, on the real database."""

from io import StringIO

from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

import pytest

from cases.models import Dossier
from inburgering.audit.models import (
    DATA_SUBJECT_TYPE,
    Dataverwerking,
    DataverwerkingDossier,
    Handeling,
    InzageLog,
    Verwerkingsactiviteit,
    VerwerkingStatus,
)
from inburgering.audit.verwerkingen import (
    geregistreerde_activiteiten,
    registreer_verwerkingsactiviteit,
    verwerking,
    verwerking_vastleggen,
)
from tests.factories import DossierFactory

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
SPAN = "00f067aa0ba902b7"


def test_a_dossier_page_gives_one_read_of_that_dossier(client, werkcoach, dossier):
    client.force_login(werkcoach)

    response = client.get(reverse("cases:dossier_detail", args=[dossier.pk]), {"q": "zoekterm"})

    regel = Dataverwerking.objects.get()
    assert regel.handelingen_lijst == [Handeling.RAADPLEGEN]
    assert regel.dossier_ids == [dossier.pk]
    assert list(regel.dossiers.values_list("dossier_id", flat=True)) == [dossier.pk]
    assert (regel.gebruiker, regel.activiteit_id, regel.status) == (werkcoach, "dossierbeheer", VerwerkingStatus.OK)
    assert regel.naam == "cases:dossier_detail"
    assert regel.pad == f"/dossiers/{dossier.pk}/"  # never the query string
    assert regel.start <= regel.eind
    assert InzageLog.objects.get().dossier_id == dossier.pk  # the inzagelog stays as it was
    # W3C trace context: a new trace, and the response says which span this was.
    assert response["traceparent"] == f"00-{regel.trace_id}-{regel.span_id}-01"
    assert regel.parent_span_id == ""


def test_an_incoming_traceparent_continues_that_trace(client, werkcoach, dossier):
    client.force_login(werkcoach)

    client.get(reverse("cases:dossier_detail", args=[dossier.pk]), headers={"traceparent": f"00-{TRACE}-{SPAN}-01"})
    client.get(reverse("cases:dossier_detail", args=[dossier.pk]), headers={"traceparent": "00-kapot-01"})

    met, zonder = Dataverwerking.objects.order_by("id")
    assert (met.trace_id, met.parent_span_id) == (TRACE, SPAN)
    assert met.span_id != SPAN
    assert zonder.trace_id != TRACE and zonder.parent_span_id == ""


def test_the_activity_comes_from_the_url_namespace(client, werkcoach, dossier):
    client.force_login(werkcoach)

    client.get(reverse("intake:intake_tab", args=[dossier.pk]))

    assert Dataverwerking.objects.get().activiteit_id == "brede-intake"


def test_the_dossier_list_logs_exactly_the_ids_on_the_page(client, werkcoach):
    dossiers = DossierFactory.create_batch(30, werkcoach=werkcoach)
    client.force_login(werkcoach)

    response = client.get(reverse("cases:dossier_lijst"))
    tweede = client.get(reverse("cases:dossier_lijst"), {"pagina": 2})

    getoond = sorted(d.pk for d in response.context["pagina"].object_list)
    eerste_regel, tweede_regel = Dataverwerking.objects.order_by("id")
    assert len(getoond) == 25
    assert eerste_regel.dossier_ids == getoond
    assert eerste_regel.handelingen_lijst == [Handeling.RAADPLEGEN]
    assert sorted(tweede_regel.dossier_ids) == sorted({d.pk for d in dossiers} - set(getoond))
    assert tweede_regel.pad == "/dossiers/"
    assert tweede.status_code == 200


def test_the_worklist_logs_the_dossiers_of_its_signals(client, werkcoach, dossier):
    from tests.werkvoorraad.maak import verlopen

    verlopen(dossier)
    client.force_login(werkcoach)

    client.get(reverse("werkvoorraad:lijst"))

    regel = Dataverwerking.objects.get()
    assert (regel.dossier_ids, regel.activiteit_id) == ([dossier.pk], "termijnbewaking")


def test_an_edit_gives_wijzigen_of_that_dossier(client, consulent, dossier, werkcoach_ander_team):
    client.force_login(consulent)

    response = client.post(reverse("cases:dossier_toewijzen", args=[dossier.pk]),
                           {"versie": dossier.versie, "werkcoach": werkcoach_ander_team.pk, "reden": ""})

    assert response.status_code == 302
    regel = Dataverwerking.objects.get()
    assert Handeling.WIJZIGEN in regel.handelingen_lijst
    assert regel.dossier_ids == [dossier.pk]
    assert regel.gebruiker == consulent


def test_a_request_without_personal_data_logs_nothing(client, werkcoach, dossier):
    client.force_login(werkcoach)

    assert client.get(reverse("leerroutes:aanbieders")).status_code == 200
    assert client.get(reverse("accounts:wachtwoord_wijzigen")).status_code == 200
    assert client.get(reverse("login")).status_code in (200, 302)

    assert not Dataverwerking.objects.exists()


def test_a_refused_page_logs_nothing(client, werkcoach_ander_team, dossier):
    client.force_login(werkcoach_ander_team)

    assert client.get(reverse("cases:dossier_detail", args=[dossier.pk])).status_code == 404
    assert not Dataverwerking.objects.exists()


def test_a_task_run_gives_one_row(werkcoach):
    with verwerking(activiteit="duo-gegevensuitwisseling", naam="duo.versturen") as run:
        eerste, tweede = DossierFactory(werkcoach=werkcoach), DossierFactory(werkcoach=werkcoach)
        verwerking_vastleggen(Handeling.VERSTREKKEN, dossier_ids=[tweede.pk, eerste.pk])

    regel = Dataverwerking.objects.get()
    assert regel.naam == "duo.versturen"
    assert regel.activiteit_id == "duo-gegevensuitwisseling"
    assert regel.handelingen_lijst == ["aanmaken", "verstrekken"]
    assert regel.dossier_ids == sorted([eerste.pk, tweede.pk])
    assert regel.gebruiker is None
    assert (regel.trace_id, regel.span_id) == (run.trace_id, run.span_id)


def test_a_failing_run_is_logged_as_fout_and_its_rolled_back_write_is_not(werkcoach, dossier):
    with pytest.raises(RuntimeError), verwerking(activiteit="brp-bevraging", naam="brp.bevragen"):
        verwerking_vastleggen(Handeling.ONTVANGEN, dossier_ids=[dossier.pk])
        with transaction.atomic():
            DossierFactory(werkcoach=werkcoach)
            raise RuntimeError("BRP antwoordt niet")

    regel = Dataverwerking.objects.get()
    assert regel.status == VerwerkingStatus.FOUT
    assert regel.handelingen_lijst == ["ontvangen"]  # the rolled-back aanmaken is not in the log
    assert regel.dossier_ids == [dossier.pk]
    assert regel.als_standaard()["status_code"] == 2


def test_an_export_inside_a_request_sets_the_activity(rf, werkcoach, dossier):
    from inburgering.audit.verwerkingen import DataverwerkingMiddleware

    def view(request):
        verwerking_vastleggen(Handeling.EXPORTEREN, dossier_ids=[dossier.pk], activiteit="inzageverzoek")
        from django.http import HttpResponse

        return HttpResponse("ok")

    request = rf.get("/privacy/export/")
    request.user = werkcoach
    DataverwerkingMiddleware(view)(request)

    regel = Dataverwerking.objects.get()
    assert (regel.activiteit_id, regel.handelingen_lijst) == ("inzageverzoek", ["exporteren"])


def test_a_4xx_after_processing_is_fout(rf, werkcoach, dossier):
    from django.http import HttpResponseBadRequest

    from inburgering.audit.verwerkingen import DataverwerkingMiddleware

    def view(request):
        verwerking_vastleggen(Handeling.RAADPLEGEN, dossier_ids=[dossier.pk])
        return HttpResponseBadRequest()

    request = rf.get("/x/")
    request.user = werkcoach
    DataverwerkingMiddleware(view)(request)

    assert Dataverwerking.objects.get().status == VerwerkingStatus.FOUT


def test_the_record_has_the_shape_of_the_standard(client, werkcoach, dossier):
    client.force_login(werkcoach)
    client.get(reverse("cases:dossier_detail", args=[dossier.pk]))

    record = Dataverwerking.objects.get().als_standaard()

    assert set(record) == {"trace_id", "span_id", "parent_span_id", "name", "status_code", "start_time", "end_time",
                           "resource", "attributes"}
    assert record["status_code"] == 1
    assert record["attributes"]["dpl.core.processing_activity_id"] == "urn:inburgering:verwerkingsactiviteit:dossierbeheer"
    assert record["attributes"]["dpl.core.data_subject_id"] == [str(dossier.pk)]
    assert record["attributes"]["dpl.core.data_subject_id_type"] == DATA_SUBJECT_TYPE
    assert dossier.inburgeraar.bsn not in str(record)


def test_every_registered_activity_is_in_the_register(db):
    codes = set(Verwerkingsactiviteit.objects.values_list("code", flat=True))
    geregistreerd = geregistreerde_activiteiten()

    assert {"cases", "intake", "contact", "werkvoorraad", "pip_plans", "leerroutes", "handhaving",
            "dashboards"} <= set(geregistreerd)
    assert set(geregistreerd.values()) <= codes
    assert {"dossierbeheer", "brede-intake", "pip", "handhaving", "vernietiging", "duo-gegevensuitwisseling",
            "brp-bevraging", "inzageverzoek", "sturing", "termijnbewaking", "leerroute-begeleiding"} <= codes


def test_a_conflicting_registration_fails_loudly():
    from django.core.exceptions import ImproperlyConfigured

    registreer_verwerkingsactiviteit("cases", "dossierbeheer")  # the same again: fine
    with pytest.raises(ImproperlyConfigured):
        registreer_verwerkingsactiviteit("cases", "pip")


def test_the_hash_chain_of_the_log_verifies(client, werkcoach, dossier):
    client.force_login(werkcoach)
    for _ in range(3):
        client.get(reverse("cases:dossier_detail", args=[dossier.pk]))
    uit = StringIO()

    call_command("logboek_controleren", stdout=uit)

    assert "dataverwerkingen: 3 regels, keten intact." in uit.getvalue()
    assert Dataverwerking.objects.order_by("id")[1].vorige_hash == Dataverwerking.objects.order_by("id")[0].hash


def test_the_log_is_append_only(client, werkcoach, dossier):
    from inburgering.audit.models import AppendOnlyError

    client.force_login(werkcoach)
    client.get(reverse("cases:dossier_detail", args=[dossier.pk]))
    regel = Dataverwerking.objects.get()

    with pytest.raises(AppendOnlyError):
        regel.save()
    with pytest.raises(AppendOnlyError):
        Dataverwerking.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        DataverwerkingDossier.objects.all().update(dossier_id=1)
    assert Dossier.objects.filter(pk=dossier.pk).exists()
