"""The privacy officer's pages: the Logboek Dataverwerkingen with its filters, and the register. Nobody
else sees them, not even the beheerder."""

from datetime import timedelta
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from inburgering.audit.models import Dataverwerking
from inburgering.audit.verwerkingen import verwerking, verwerking_vastleggen

LOGBOEK = reverse("verwerkingen:logboek")
REGISTER = reverse("verwerkingen:register")


def _regel(*dossier_ids, activiteit="dossierbeheer", handeling="raadplegen", gebruiker=None, op=None):
    with mock.patch("django.utils.timezone.now", return_value=op or timezone.now()), \
            verwerking(activiteit=activiteit, naam="test", gebruiker=gebruiker):
        verwerking_vastleggen(handeling, dossier_ids=dossier_ids)
    return Dataverwerking.objects.order_by("-id").first()


@pytest.mark.parametrize("url", [LOGBOEK, REGISTER])
@pytest.mark.parametrize("rol", ["werkcoach", "consulent", "manager", "beheerder"])
def test_only_the_privacy_officer_sees_the_pages(client, request, rol, url):
    client.force_login(request.getfixturevalue(rol))

    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", [LOGBOEK, REGISTER])
def test_an_anonymous_visitor_is_sent_to_the_login(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_log_shows_time_user_activity_handelingen_dossiers_and_trace(client, privacy, werkcoach):
    regel = _regel(12, 5, gebruiker=werkcoach, handeling="wijzigen")
    client.force_login(privacy)

    response = client.get(LOGBOEK)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Dossierbeheer en regie" in html
    assert "De regie voeren" in html  # the activity's purpose
    assert "wijzigen" in html
    assert "5, 12" in html
    assert regel.trace_id in html
    assert werkcoach.get_username() in html
    assert 'href="/privacy/verwerkingen/"' in html  # the nav item "Logboek"
    assert "Logboek" in html


def test_the_log_is_newest_first_25_per_page(client, privacy):
    regels = [_regel(i) for i in range(1, 31)]
    client.force_login(privacy)

    pagina = client.get(LOGBOEK).context["pagina"]

    assert pagina.paginator.count == 30
    assert [r.pk for r in pagina.object_list] == [r.pk for r in reversed(regels)][:25]


def test_the_filters(client, privacy, werkcoach, consulent):
    gisteren = timezone.now() - timedelta(days=3)
    a = _regel(1, 2, activiteit="pip", gebruiker=werkcoach, op=gisteren)
    b = _regel(2, activiteit="handhaving", handeling="wijzigen", gebruiker=consulent)
    c = _regel(3, handeling="exporteren")
    client.force_login(privacy)

    def ids(**filters):
        response = client.get(LOGBOEK, filters)
        assert response.status_code == 200
        return [r.pk for r in response.context["pagina"].object_list]

    assert ids() == [c.pk, b.pk, a.pk]
    assert ids(dossier=2) == [b.pk, a.pk]
    assert ids(activiteit="pip") == [a.pk]
    assert ids(handeling="wijzigen") == [b.pk]
    assert ids(gebruiker=consulent.pk) == [b.pk]
    assert ids(van=timezone.localdate().isoformat()) == [c.pk, b.pk]
    assert ids(tot=(timezone.localdate() - timedelta(days=1)).isoformat()) == [a.pk]
    assert ids(dossier="onzin", handeling="raadplegen") == [a.pk]  # an invalid value drops out


def test_the_log_list_costs_the_same_queries_for_3_and_60_rows(client, privacy, werkcoach, consulent):
    client.force_login(privacy)
    for i in range(3):
        _regel(i + 1, gebruiker=[werkcoach, consulent, None][i % 3])

    def queries(**params) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(LOGBOEK, params).status_code == 200
        return len(ctx.captured_queries)

    bij_3, bij_3_gefilterd = queries(), queries(dossier=1)
    for i in range(57):
        _regel(i + 1, 1000 + i, activiteit=["pip", "handhaving"][i % 2], gebruiker=[werkcoach, consulent, None][i % 3])
    assert queries() == bij_3
    assert queries(dossier=1) == bij_3_gefilterd
    # Reading the log is not itself a processing of a citizen's data: no row about the privacy officer.
    assert not Dataverwerking.objects.filter(gebruiker=privacy).exists()


def test_the_register_lists_the_activities_with_purpose_and_legal_ground(client, privacy):
    client.force_login(privacy)

    html = client.get(REGISTER).content.decode()

    assert "Brede intake (inclusief gezondheid)" in html
    assert "AVG art. 9 lid 2 sub g" in html
    assert "Awb titel 5.4" in html
    assert "Besluit inburgering 2021 art. 9.9" in html
    assert "urn:inburgering:verwerkingsactiviteit:handhaving" in html


def test_the_beheerder_reads_the_register_in_the_admin_but_cannot_change_it(client, beheerder):
    client.force_login(beheerder)

    assert client.get(reverse("admin:audit_verwerkingsactiviteit_changelist")).status_code == 200
    assert client.get(reverse("admin:audit_verwerkingsactiviteit_add")).status_code == 403
    assert beheerder.has_perm("audit.view_verwerkingsactiviteit")
    assert not beheerder.has_perm("audit.change_verwerkingsactiviteit")
