"""Every business change that DUO must hear of writes its outbox row in the same transaction (issue 16): the
row is there when the change commits and gone when it rolls back. Runs on SQLite and PostgreSQL."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

import pytest

from cases import services as cases_services
from cases.models import Signaal, SignaalSoort
from cases.rules import Doelgroep
from duo.models import DuoBericht, Soort, Status
from leerroutes import services
from leerroutes.models import Map, Pvt
from leerroutes.rules import UrenCategorie as C
from pip_plans import services as pip_services
from pip_plans.models import Pip
from tests import klok, versies
from tests.factories import AanbiederFactory, PipFactory, UrenFactory, WerkcoachFactory
from tests.versies import nu

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG, DAGTEKENING, TERMIJN_START
    VANDAAG = date.today()
    DAGTEKENING = VANDAAG - timedelta(days=200)
    TERMIJN_START = DAGTEKENING + timedelta(days=1)


KERN = ["vrijheid", "gelijkwaardigheid", "solidariteit", "participatie"]


def pip_voor(werkcoach, leerroute="B", niveau="B1", **dossier):
    return PipFactory(
        vastgesteld=True, leerroute=leerroute, niveau=niveau, dagtekening=DAGTEKENING, termijn_start=TERMIJN_START,
        dossier__werkcoach=werkcoach, **{f"dossier__{k}": v for k, v in dossier.items()},
    )


def ter_beoordeling(werkcoach, **kwargs) -> Pip:
    start = VANDAAG - timedelta(days=30)
    return PipFactory(ter_beoordeling=True, dossier__werkcoach=werkcoach,
                      dossier__datum_kennisgeving=start, **kwargs)


def berichten(dossier, soort=None):
    rijen = DuoBericht.objects.filter(dossier=dossier).order_by("id")
    return list(rijen.filter(soort=soort) if soort else rijen)


def test_vaststellen_writes_the_pip_message_in_the_same_transaction(werkcoach, consulent, django_capture_on_commit_callbacks):
    pip = ter_beoordeling(werkcoach, niveau="B1", alfabetisering="A")
    with django_capture_on_commit_callbacks() as callbacks:
        pip_services.pip_vaststellen(pip_id=pip.pk, dagtekening=VANDAAG, bekendmaking=VANDAAG,
                                     versie=versies.van(pip), by=consulent)
    [bericht] = berichten(pip.dossier, Soort.PIP)
    assert (bericht.status, bericht.methode) == (Status.WACHTEND, "POST")
    assert bericht.pad == f"/personen/{pip.dossier.inburgeraar.bsn}/PIP"
    assert bericht.body == {"dagtekeningPip": VANDAAG.isoformat(), "leerroute": "B", "niveau": "B1",
                            "indicatorAlfabetiseringsonderwijs": "A", "indicatorMagOpleidingAfmaken": False}
    assert bericht.persoon_id == pip.dossier.inburgeraar_id and bericht.aangemaakt_door == consulent
    assert callbacks  # the drain is asked for on commit (a no-op without DUO_URL)
    # the first PIP also names the contactpersoon; this werkcoach has no e-mail: stopped, without a signal
    [contact] = berichten(pip.dossier, Soort.CONTACTPERSOON)
    assert contact.status == Status.NIET_VERZONDEN and "e-mailadres" in contact.redenen[0]
    assert not Signaal.objects.filter(dossier=pip.dossier, soort=SignaalSoort.DUO).exists()


def test_a_rolled_back_vaststellen_writes_no_message(werkcoach, consulent):
    pip = ter_beoordeling(werkcoach)
    with pytest.raises(RuntimeError), transaction.atomic():
        pip_services.pip_vaststellen(pip_id=pip.pk, dagtekening=VANDAAG, bekendmaking=VANDAAG,
                                     versie=versies.van(pip), by=consulent)
        assert berichten(pip.dossier)
        raise RuntimeError("later in the same transaction")
    assert berichten(pip.dossier) == []


def test_a_message_duo_would_refuse_is_not_sent_but_is_a_signal_and_the_change_stands(werkcoach):
    # The termijn ended a year ago: DUO wants to know whether that is verwijtbaar, which the app does not record.
    oud = VANDAAG - timedelta(days=4 * 365)
    dossier = PipFactory(vastgesteld=True, dagtekening=oud, termijn_start=oud + timedelta(days=1),
                         dossier__werkcoach=werkcoach, dossier__datum_kennisgeving=oud - timedelta(days=30)).dossier
    from leerroutes import rules
    services.map_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, themas=[c for c, _l in rules.MAP_THEMAS],
                            versie=nu(Map, dossier_id=dossier.pk), by=werkcoach)
    UrenFactory(dossier=dossier, categorie=C.MAP_PRAKTIJK, aantal=40)
    map_ = services.map_eindgesprek_vastleggen(dossier_id=dossier.pk, datum=VANDAAG, uitkomst="voldoende",
                                               versie=nu(Map, dossier_id=dossier.pk), by=werkcoach)
    assert Map.objects.get(pk=map_.pk).eindgesprek_op == VANDAAG  # the change itself stands
    [bericht] = berichten(dossier, Soort.MAP)
    assert bericht.status == Status.NIET_VERZONDEN and bericht.volgende_poging_op is None
    assert "verwijtbaar" in bericht.redenen[0]
    signaal = Signaal.objects.get(dossier=dossier, soort=SignaalSoort.DUO)
    assert "verwijtbaar" in signaal.omschrijving and signaal.is_open


def test_a_werkcoach_with_email_is_announced_as_contactpersoon(consulent, team, werkcoach):
    pip = ter_beoordeling(werkcoach)
    werkcoach.email = "w.coach@eemsdelta.nl"
    werkcoach.save()
    pip_services.pip_vaststellen(pip_id=pip.pk, dagtekening=VANDAAG, bekendmaking=VANDAAG,
                                 versie=versies.van(pip), by=consulent)
    [contact] = berichten(pip.dossier, Soort.CONTACTPERSOON)
    assert contact.status == Status.WACHTEND and contact.contactpersoon == werkcoach
    assert contact.pad == f"/contactpersonen/{{id}}/personen/{pip.dossier.inburgeraar.bsn}"


def test_reassigning_a_dossier_with_a_pip_tells_duo_the_new_contactpersoon(werkcoach, consulent, team):
    pip = pip_voor(werkcoach)
    nieuw = WerkcoachFactory(team=team, email="nieuw@eemsdelta.nl")
    dossier = cases_services.dossier_toewijzen(dossier_id=pip.dossier_id, versie=versies.van(pip.dossier),
                                               werkcoach=nieuw, reden="verlof", by=consulent)
    [contact] = berichten(dossier, Soort.CONTACTPERSOON)
    assert contact.contactpersoon == nieuw and contact.status == Status.WACHTEND


def test_reassigning_before_the_pip_sends_nothing(dossier, consulent, team):
    nieuw = WerkcoachFactory(team=team, email="nieuw@eemsdelta.nl")
    cases_services.dossier_toewijzen(dossier_id=dossier.pk, versie=versies.van(dossier), werkcoach=nieuw,
                                     reden="verlof", by=consulent)
    assert berichten(dossier) == []


def test_map_eindgesprek_is_a_put_of_the_date(werkcoach):
    pip = pip_voor(werkcoach)
    dossier = pip.dossier
    from leerroutes import rules
    acht = [code for code, _l in rules.MAP_THEMAS]
    services.map_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, themas=acht,
                            versie=nu(Map, dossier_id=dossier.pk), by=werkcoach)
    UrenFactory(dossier=dossier, categorie=C.MAP_PRAKTIJK, aantal=40)
    services.map_eindgesprek_vastleggen(dossier_id=dossier.pk, datum=VANDAAG, uitkomst="voldoende",
                                        versie=nu(Map, dossier_id=dossier.pk), by=werkcoach)
    [bericht] = berichten(dossier, Soort.MAP)
    assert (bericht.methode, bericht.body, bericht.status) == ("PUT", {"datumEindgesprekMap": VANDAAG.isoformat()},
                                                               Status.WACHTEND)


def test_pvt_ondertekening_is_a_put_of_the_date(werkcoach):
    dossier = pip_voor(werkcoach).dossier
    services.pvt_vastleggen(dossier_id=dossier.pk, aanbieder_id=None, geplande_start=None, themas=KERN,
                            vroege_start_reden="test", versie=nu(Pvt, dossier_id=dossier.pk), by=werkcoach)
    services.pvt_sessie_vastleggen(dossier_id=dossier.pk, datum=VANDAAG - timedelta(days=5), uren=Decimal(12),
                                   onderwerp="Excursie", activiteit=True, by=werkcoach)
    services.pvt_ondertekening_vastleggen(dossier_id=dossier.pk, datum=VANDAAG,
                                          versie=nu(Pvt, dossier_id=dossier.pk), by=werkcoach)
    [bericht] = berichten(dossier, Soort.PVT)
    assert bericht.body == {"datumOndertekeningPvt": VANDAAG.isoformat()}
    assert berichten(dossier, Soort.UREN_TAALLES) == []  # PVT hours are not DUO's


def test_hours_send_the_new_total_of_their_duo_category_on_add_and_on_remove(werkcoach):
    dossier = pip_voor(werkcoach).dossier
    eerste = services.uren_vastleggen(dossier_id=dossier.pk, categorie=C.PARTICIPATIE, van=VANDAAG - timedelta(days=9),
                                      tot=VANDAAG - timedelta(days=2), aantal=Decimal("10.5"), by=werkcoach)
    services.uren_vastleggen(dossier_id=dossier.pk, categorie=C.PARTICIPATIE, van=VANDAAG - timedelta(days=9),
                             tot=VANDAAG - timedelta(days=2), aantal=Decimal(4), by=werkcoach)
    services.uren_verwijderen(uren_id=eerste.pk, reden="dubbel", by=werkcoach)
    assert [b.body for b in berichten(dossier, Soort.UREN_TAALLES)] == [{"uren": 10}, {"uren": 14}, {"uren": 4}]
    services.uren_vastleggen(dossier_id=dossier.pk, categorie=C.TAAL_KNM, van=VANDAAG - timedelta(days=9),
                             tot=VANDAAG - timedelta(days=2), aantal=Decimal(3), tijdens_intake=True, by=werkcoach)
    assert [b.body for b in berichten(dossier, Soort.UREN_INTAKE)] == [{"uren": 3}]


def test_an_enrolment_of_an_asielmigrant_is_an_inburgeringsaanbod(werkcoach):
    pip = pip_voor(werkcoach)
    aanbieder = AanbiederFactory(duo_instellingsnummer="0000012345")
    services.inschrijving_aanmaken(dossier_id=pip.dossier_id, aanbieder_id=aanbieder.pk,
                                   startdatum=DAGTEKENING + timedelta(days=10),
                                   geplande_einddatum=DAGTEKENING + timedelta(days=400), by=werkcoach)
    [bericht] = berichten(pip.dossier, Soort.INBURGERINGSAANBOD)
    assert bericht.status == Status.WACHTEND
    assert bericht.pad.endswith("/Inburgeringsaanbod/0000012345")
    assert bericht.body["verwachteStartdatumOpleiding"] == (DAGTEKENING + timedelta(days=10)).isoformat()


def test_an_aanbod_without_duos_institution_number_is_stopped(werkcoach):
    pip = pip_voor(werkcoach)
    services.inschrijving_aanmaken(dossier_id=pip.dossier_id, aanbieder_id=AanbiederFactory().pk,
                                   startdatum=DAGTEKENING + timedelta(days=10),
                                   geplande_einddatum=DAGTEKENING + timedelta(days=400), by=werkcoach)
    [bericht] = berichten(pip.dossier, Soort.INBURGERINGSAANBOD)
    assert bericht.status == Status.NIET_VERZONDEN and "instellingsnummer" in bericht.redenen[0]


def test_an_enrolment_of_a_gezinsmigrant_is_no_aanbod(werkcoach):
    pip = pip_voor(werkcoach, doelgroep=Doelgroep.GEZINSVORMER)
    services.inschrijving_aanmaken(dossier_id=pip.dossier_id, aanbieder_id=AanbiederFactory().pk,
                                   startdatum=DAGTEKENING + timedelta(days=10),
                                   geplande_einddatum=DAGTEKENING + timedelta(days=400), by=werkcoach)
    assert berichten(pip.dossier) == []


def test_rolled_back_hours_and_reassignment_write_no_message(werkcoach, consulent, team):
    pip = pip_voor(werkcoach)
    nieuw = WerkcoachFactory(team=team, email="nieuw@eemsdelta.nl")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.uren_vastleggen(dossier_id=pip.dossier_id, categorie=C.PARTICIPATIE, van=VANDAAG - timedelta(days=9),
                                 tot=VANDAAG - timedelta(days=2), aantal=Decimal(4), by=werkcoach)
        cases_services.dossier_toewijzen(dossier_id=pip.dossier_id, versie=versies.van(pip.dossier), werkcoach=nieuw,
                                         reden="verlof", by=consulent)
        assert len(berichten(pip.dossier)) == 2
        raise RuntimeError("later in the same transaction")
    assert berichten(pip.dossier) == []
