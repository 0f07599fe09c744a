"""The security log (issue 11 item 7): append-only, every refused request, the real client address
behind a trusted proxy, readable (not changeable) by the beheerder."""

from django.test import RequestFactory, override_settings
from django.urls import reverse

import pytest

from inburgering.audit.models import AppendOnlyError, Beveiligingslog, Gebeurtenis
from inburgering.audit.services import beveiliging_vastleggen, client_ip

pytestmark = pytest.mark.django_db


def test_a_security_event_can_not_be_changed_or_deleted(werkcoach):
    regel = beveiliging_vastleggen(Gebeurtenis.INLOG_MISLUKT, gebruikersnaam="wc")
    regel.gebruikersnaam = "iemand anders"
    with pytest.raises(AppendOnlyError):
        regel.save()
    with pytest.raises(AppendOnlyError):
        regel.delete()
    with pytest.raises(AppendOnlyError):
        Beveiligingslog.objects.all().update(gebruikersnaam="x")
    with pytest.raises(AppendOnlyError):
        Beveiligingslog.objects.all().delete()


def test_a_refused_request_is_logged_with_its_path_but_not_its_query(client, manager, dossier):
    client.force_login(manager)
    response = client.get(reverse("cases:dossier_bewerken", args=[dossier.pk]) + "?zoek=999999990")
    assert response.status_code == 403
    regel = Beveiligingslog.objects.get(gebeurtenis=Gebeurtenis.GEWEIGERD)
    assert regel.gebruiker == manager
    assert regel.pad == reverse("cases:dossier_bewerken", args=[dossier.pk])
    assert "999999990" not in str(regel.details) + regel.pad


def test_an_allowed_request_logs_no_security_event(client, werkcoach, dossier):
    client.force_login(werkcoach)
    assert client.get(reverse("cases:dossier_detail", args=[dossier.pk])).status_code == 200
    assert not Beveiligingslog.objects.exists()


@pytest.mark.parametrize(("header", "proxies", "waarde", "verwacht"), [
    ("", 1, "203.0.113.9", "10.0.0.1"),  # no proxy configured: the connection's address
    ("HTTP_X_FORWARDED_FOR", 1, "203.0.113.9", "203.0.113.9"),
    ("HTTP_X_FORWARDED_FOR", 1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # a forged first entry is ignored
    ("HTTP_X_FORWARDED_FOR", 2, "203.0.113.9, 192.0.2.7", "203.0.113.9"),
    ("HTTP_X_FORWARDED_FOR", 2, "203.0.113.9", "10.0.0.1"),  # fewer entries than proxies: not trusted
])
def test_the_client_address_comes_from_the_trusted_proxy_header(header, proxies, waarde, verwacht):
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=waarde, REMOTE_ADDR="10.0.0.1")
    with override_settings(CLIENT_IP_HEADER=header, CLIENT_IP_PROXIES=proxies):
        assert client_ip(request) == verwacht


def test_the_beheerder_reads_and_filters_the_security_log_but_cannot_change_it(client, beheerder):
    beveiliging_vastleggen(Gebeurtenis.INLOG_MISLUKT, gebruikersnaam="onbekend")
    client.force_login(beheerder)
    lijst = reverse("admin:audit_beveiligingslog_changelist")
    response = client.get(lijst + "?gebeurtenis__exact=inlog_mislukt")
    assert response.status_code == 200
    assert "onbekend" in response.content.decode()
    regel = Beveiligingslog.objects.get(gebeurtenis=Gebeurtenis.INLOG_MISLUKT)
    assert client.post(reverse("admin:audit_beveiligingslog_delete", args=[regel.pk]), {"post": "yes"}).status_code == 403
    assert Beveiligingslog.objects.filter(pk=regel.pk).exists()
