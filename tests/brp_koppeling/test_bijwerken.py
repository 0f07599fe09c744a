"""Applying the BRP's answer to a person (issue 14): the fields, the history "uit BRP", a move out of the
gemeente (a signal with the handover steps), a death (the dossier ends, retention starts), the date of
inschrijving (the PIP deadline). Idempotent. Service tests on the real database (run on PostgreSQL in CI)."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from cases import bron_services
from cases.models import Bron, EindReden, Fase, Signaal, SignaalSoort
from cases.persoonsbron import Persoonsgegevens
from tests import klok
from tests.factories import DossierFactory, InburgeraarFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global GISTEREN
    GISTEREN = date.today() - timedelta(days=1)


def brp(persoon, **kwargs) -> Persoonsgegevens:
    basis = Persoonsgegevens(
        bsn=persoon.bsn, voornamen="Amina", geslachtsnaam="Haddad", geboortedatum=date(1990, 5, 17), geslacht="V",
        nationaliteit="Syrische", straat="Zeestraat", huisnummer="12", postcode="9934AB", woonplaats="Delfzijl",
        adresregels=("Zeestraat 12", "9934 AB  DELFZIJL"), gemeente_code="1979", gemeente_naam="Eemsdelta",
        datum_inschrijving_gemeente=date(2025, 3, 1))
    return replace(basis, **kwargs)


@pytest.fixture
def lopend(werkcoach):
    persoon = InburgeraarFactory(voornamen="Amina", geslachtsnaam="Haddad", geboortedatum=date(1990, 5, 17))
    return DossierFactory(inburgeraar=persoon, werkcoach=werkcoach, fase=Fase.INTAKE)


def test_the_brp_fields_are_taken_over_with_history_uit_brp(lopend):
    uitkomst = bron_services.bijwerken_uit_bron(inburgeraar_id=lopend.inburgeraar_id, gegevens=brp(lopend.inburgeraar))

    persoon = type(lopend.inburgeraar).objects.get(pk=lopend.inburgeraar_id)
    assert (persoon.straat, persoon.adresregel2, persoon.bron) == ("Zeestraat", "9934 AB  DELFZIJL", Bron.BRP)
    assert persoon.bron_opgehaald_op is not None
    assert "straat" in ", ".join(uitkomst.gewijzigd)
    laatste = persoon.history.first()
    assert laatste.history_change_reason.startswith("uit BRP")
    assert laatste.history_user.username == "systeem-brp"


def test_the_same_answer_twice_changes_nothing_the_second_time(lopend):
    gegevens = brp(lopend.inburgeraar)
    bron_services.bijwerken_uit_bron(inburgeraar_id=lopend.inburgeraar_id, gegevens=gegevens)
    rijen = lopend.inburgeraar.history.count()

    uitkomst = bron_services.bijwerken_uit_bron(inburgeraar_id=lopend.inburgeraar_id, gegevens=gegevens)

    assert uitkomst.gewijzigd == [] and not uitkomst.verhuisd and not uitkomst.overleden
    assert lopend.inburgeraar.history.count() == rijen


def test_the_inschrijving_date_feeds_the_pip_deadline(lopend):
    uitkomst = bron_services.bijwerken_uit_bron(inburgeraar_id=lopend.inburgeraar_id, gegevens=brp(lopend.inburgeraar))
    lopend.refresh_from_db()
    assert lopend.datum_brp_vestiging == date(2025, 3, 1)
    assert uitkomst.termijnen == [lopend.pk]


def test_a_move_out_of_the_gemeente_is_one_signal_with_the_handover_steps(lopend):
    bron_services.bijwerken_uit_bron(inburgeraar_id=lopend.inburgeraar_id, gegevens=brp(lopend.inburgeraar))
    verhuisd = brp(lopend.inburgeraar, gemeente_code="0014", gemeente_naam="Groningen", woonplaats="Groningen",
                   datum_inschrijving_gemeente=GISTEREN)

    assert bron_services.bijwerken_uit_bron(inburgeraar_id=lopend.inburgeraar_id, gegevens=verhuisd).verhuisd
    assert not bron_services.bijwerken_uit_bron(inburgeraar_id=lopend.inburgeraar_id, gegevens=verhuisd).verhuisd

    signaal = Signaal.objects.get(dossier=lopend, soort=SignaalSoort.BRP)
    assert "Groningen" in signaal.omschrijving and "art. 35" in signaal.omschrijving
    lopend.refresh_from_db()
    assert lopend.datum_brp_vestiging == date(2025, 3, 1)  # another gemeente's date is not ours


def test_a_death_ends_the_running_dossier_and_starts_retention(lopend):
    uitkomst = bron_services.bijwerken_uit_bron(inburgeraar_id=lopend.inburgeraar_id,
                                                gegevens=brp(lopend.inburgeraar, overleden_op=GISTEREN))

    lopend.refresh_from_db()
    assert uitkomst.overleden and uitkomst.beeindigd == [lopend.pk]
    assert (lopend.fase, lopend.eind_reden, lopend.eind_datum) == (Fase.BEEINDIGD, EindReden.OVERLEDEN, GISTEREN)
    assert lopend.inburgeraar.overleden_op == GISTEREN or type(lopend.inburgeraar).objects.get(
        pk=lopend.inburgeraar_id).overleden_op == GISTEREN
    # Again: nothing more happens.
    assert bron_services.bijwerken_uit_bron(inburgeraar_id=lopend.inburgeraar_id,
                                            gegevens=brp(lopend.inburgeraar, overleden_op=GISTEREN)).beeindigd == []


def test_a_death_recorded_by_hand_is_kept_when_the_brp_does_not_have_it_yet(lopend):
    persoon = lopend.inburgeraar
    persoon.overleden_op = GISTEREN
    persoon.save()
    bron_services.bijwerken_uit_bron(inburgeraar_id=persoon.pk, gegevens=brp(persoon))
    persoon.refresh_from_db()
    assert persoon.overleden_op == GISTEREN
