"""Destruction after the bewaartermijn (Besluit 9.9) removes the person's DUO messages: they hold the BSN in
their path and PIP data in their body. The walk (avg.persoonsgegevens) finds them through their foreign key to
the dossier (PROTECT, so nothing deletes them by accident before)."""

from datetime import date

from django.db import transaction
from django.db.models import ProtectedError

import pytest

from avg import services as avg_services
from cases.models import EindReden, Fase
from duo import services
from duo.models import DuoBericht, Soort
from tests.factories import DossierFactory

pytestmark = pytest.mark.django_db


def test_destruction_removes_the_duo_messages_of_the_dossier(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.AFGEROND, eind_reden=EindReden.VOLDAAN,
                             eind_datum=date(2019, 3, 1))
    services.bericht_schrijven(dossier=dossier, soort=Soort.PIP, body={"dagtekeningPip": "2018-01-01",
                               "leerroute": "B"}, redenen=[], by=None)
    ander = services.bericht_schrijven(dossier=DossierFactory(werkcoach=werkcoach), soort=Soort.MAP, body={},
                                       redenen=[], by=None)
    with transaction.atomic():
        avg_services.dossier_vernietigen(dossier.pk, peildatum=date.today())
    assert list(DuoBericht.objects.all()) == [ander]


def test_a_dossier_with_duo_messages_is_not_deleted_by_accident(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach)
    services.bericht_schrijven(dossier=dossier, soort=Soort.MAP, body={}, redenen=[], by=None)
    with pytest.raises(ProtectedError) as fout, transaction.atomic():
        dossier.delete()
    assert {type(o) for o in fout.value.protected_objects} == {DuoBericht}
