"""PIP services against the real database: the whole path, four eyes, immutability, versions,
DUO rules at vaststellen, atomicity, optimistic locking and double clicks."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from cases.intake import services as intake_services
from cases.models import Fase
from inburgering.documenten.models import Document, DocumentOnveranderlijk
from inburgering.schrijven import VERSIE_VEROUDERD
from pip_plans import rules, services
from pip_plans.models import Pip, PipStatus, WijzigingReden
from pip_plans.rules import Leerroute, Niveau
from tests import klok, versies
from tests.factories import BredeIntakeFactory, ConsulentFactory, DossierFactory, PipFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global ONHAALBAAR, VANDAAG
    # Wet 17 lid 3: the recorded finding that B1 is not feasible within the (extended) termijn.
    ONHAALBAAR = {"afschalen_onhaalbaar_op": date.today(),
                  "afschalen_onhaalbaar_grond": "Volgens de aanbieder is B1 niet haalbaar voor het einde van de termijn."}
    VANDAAG = date.today()


PIP = {"leerroute": Leerroute.B1, "niveau": Niveau.B1, "aanbieder": "Taalschool Noord", "aantal_voortgangsgesprekken": 6}


@pytest.fixture
def tweede_consulent(team):
    return ConsulentFactory(username="consulent2", team=team)


@pytest.fixture
def klaar_voor_pip(werkcoach):
    """A dossier whose brede intake is afgerond (LBT: B1-route haalbaar)."""
    return BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach).dossier


def ingediend(dossier, by, **gegevens) -> Pip:
    pip = services.pip_opstellen(dossier_id=dossier.pk, gegevens={**PIP, **gegevens}, by=by)
    return services.pip_indienen(pip_id=pip.pk, by=by)


def vaststellen(pip, by, dagtekening=None, bekendmaking=None) -> Pip:
    return services.pip_vaststellen(pip_id=pip.pk, dagtekening=dagtekening or VANDAAG, bekendmaking=bekendmaking or VANDAAG,
                                    versie=versies.van(pip), by=by)


def test_the_whole_path_from_overdracht_to_a_vastgesteld_pip(werkcoach, consulent, tweede_consulent):
    dossier = DossierFactory(werkcoach=werkcoach, datum_brp_vestiging=VANDAAG - timedelta(days=30))
    intake_services.overdracht_vastleggen(
        dossier_id=dossier.pk, by=werkcoach, versie=0,
        gegevens={"datum": VANDAAG - timedelta(days=20), "plaats": "AZC Delfzijl", "coa_contactpersoon": "COA",
                  "deelnemers": "drie"},
    )
    intake_services.intake_opslaan(
        dossier_id=dossier.pk, versie=0, by=werkcoach, werkervaringen=[],
        gegevens={"lbt_uitkomst": "haalbaar", "opleiding_niveau": "hoger", "geen_werkervaring": True,
                  "nederlands_niveau": "A1", "arbeidsmogelijkheden": "Docent", "zelfredzaamheid": "hoog",
                  "een_op_een_gewezen": True},
    )
    intake_services.gezondheid_opslaan(dossier_id=dossier.pk, gegevens={"fysiek": "Goed"}, versie=0, by=werkcoach)
    intake_services.intake_afronden(dossier_id=dossier.pk, zonder_persoon=False, by=werkcoach)

    pip = ingediend(dossier, werkcoach)
    pip = services.pip_terugsturen(pip_id=pip.pk, opmerkingen="Vul de MAP-intensiteit in.", versie=versies.van(pip), by=consulent)
    assert pip.status == PipStatus.CONCEPT
    assert pip.beoordeling_opmerkingen == "Vul de MAP-intensiteit in."
    pip = services.pip_bijwerken(pip_id=pip.pk, wijzigingsnummer=pip.wijzigingsnummer,
                                 gegevens={"map_intensiteit": "4 uur per week"}, by=werkcoach)
    pip = services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    pip = vaststellen(pip, tweede_consulent, dagtekening=VANDAAG - timedelta(days=1))

    pip.refresh_from_db()
    dossier.refresh_from_db()
    assert pip.status == PipStatus.VASTGESTELD
    assert pip.vastgesteld_door == tweede_consulent
    assert pip.termijn_start == VANDAAG
    assert pip.bezwaar_einde >= VANDAAG + timedelta(weeks=6)
    assert pip.document.soort == "pip_beschikking"
    assert pip.document.dossier_id == dossier.pk  # the dossier's Documenten tab lists it (issue 15)
    assert dossier.fase == Fase.IN_UITVOERING
    assert [h.history_change_reason for h in pip.history.order_by("history_id")][-2:] == [
        "Ter beoordeling aangeboden", "Vastgesteld"]


def test_a_pip_cannot_be_vastgesteld_by_its_author(klaar_voor_pip, consulent):
    pip = ingediend(klaar_voor_pip, consulent)
    with pytest.raises(PermissionDenied, match="vier ogen"):
        vaststellen(pip, consulent)
    pip.refresh_from_db()
    assert pip.status == PipStatus.TER_BEOORDELING


def test_a_consulent_who_edited_the_returned_draft_cannot_vaststellen_it(
    klaar_voor_pip, werkcoach, consulent, tweede_consulent
):
    pip = ingediend(klaar_voor_pip, werkcoach)
    pip = services.pip_terugsturen(pip_id=pip.pk, opmerkingen="MAP ontbreekt", versie=versies.van(pip), by=consulent)
    pip = services.pip_bijwerken(pip_id=pip.pk, wijzigingsnummer=pip.wijzigingsnummer,
                                 gegevens={"map_intensiteit": "4 uur per week"}, by=consulent)
    pip = services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    with pytest.raises(PermissionDenied, match="meegeschreven"):
        vaststellen(pip, consulent)
    assert vaststellen(pip, tweede_consulent).status == PipStatus.VASTGESTELD


def test_a_werkcoach_cannot_vaststellen(klaar_voor_pip, werkcoach, collega):
    pip = ingediend(klaar_voor_pip, werkcoach)
    with pytest.raises(PermissionDenied):
        vaststellen(pip, collega)


def test_a_werkcoach_cannot_send_a_pip_back(klaar_voor_pip, werkcoach, collega):
    pip = ingediend(klaar_voor_pip, werkcoach)
    with pytest.raises(PermissionDenied):
        services.pip_terugsturen(pip_id=pip.pk, opmerkingen="nee", versie=versies.van(pip), by=collega)


def test_sending_back_needs_a_remark(klaar_voor_pip, werkcoach, consulent):
    pip = ingediend(klaar_voor_pip, werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pip_terugsturen(pip_id=pip.pk, opmerkingen="  ", versie=versies.van(pip), by=consulent)
    assert "opmerkingen" in fout.value.message_dict


def test_a_first_pip_needs_a_completed_intake(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE)
    with pytest.raises(ValidationError, match="brede intake"):
        services.pip_opstellen(dossier_id=dossier.pk, gegevens=PIP, by=werkcoach)


def test_a_vastgesteld_pip_cannot_be_bijgewerkt(klaar_voor_pip, werkcoach, consulent):
    pip = vaststellen(ingediend(klaar_voor_pip, werkcoach), consulent)
    with pytest.raises(ValidationError, match="niet meer worden gewijzigd"):
        services.pip_bijwerken(pip_id=pip.pk, wijzigingsnummer=pip.wijzigingsnummer,
                               gegevens={"aanbieder": "Andere school"}, by=werkcoach)
    pip.refresh_from_db()
    assert pip.aanbieder == "Taalschool Noord"


def test_the_beschikking_document_cannot_be_changed_or_deleted(klaar_voor_pip, werkcoach, consulent):
    pip = vaststellen(ingediend(klaar_voor_pip, werkcoach), consulent)
    document = Document.objects.get(pk=pip.document_id)
    document.titel = "Vervalst"
    with pytest.raises(DocumentOnveranderlijk):
        document.save()
    with pytest.raises(DocumentOnveranderlijk):
        Document.objects.filter(pk=document.pk).update(titel="Vervalst")
    with pytest.raises(DocumentOnveranderlijk):
        document.delete()
    assert Document.objects.get(pk=document.pk).titel.startswith("Beschikking PIP")


def test_a_wijziging_keeps_the_termijn_start_and_replaces_the_previous_version(werkcoach, consulent):
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    v2 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.OVERIG,
                                        toelichting="Andere aanbieder", by=werkcoach)
    v2 = services.pip_bijwerken(pip_id=v2.pk, wijzigingsnummer=v2.wijzigingsnummer,
                                gegevens={"aanbieder": "Taalhuis Appingedam"}, by=werkcoach)
    services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    v2 = vaststellen(v2, consulent)

    v1.refresh_from_db()
    assert (v2.versie, v2.status, v2.vorige_id) == (2, PipStatus.VASTGESTELD, v1.pk)
    assert v2.termijn_start == v1.termijn_start != services.rules.termijn_start_na_dagtekening(VANDAAG)
    assert v1.status == PipStatus.VERVANGEN
    assert v1.history.first().history_change_reason == "Vervangen door versie 2"


def test_a_wijziging_dated_before_the_current_pip_is_refused(werkcoach, consulent):
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    v2 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.OVERIG, toelichting="",
                                        by=werkcoach)
    services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        vaststellen(v2, consulent, dagtekening=v1.dagtekening - timedelta(days=1))
    assert "dagtekening" in fout.value.message_dict
    v1.refresh_from_db()
    assert v1.status == PipStatus.VASTGESTELD


def _schakel_concept(werkcoach, termijn_start: date) -> Pip:
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach,
                    dossier__datum_kennisgeving=termijn_start - timedelta(days=90),
                    dagtekening=termijn_start - timedelta(days=1), termijn_start=termijn_start)
    v2 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.SCHAKELEN,
                                        toelichting="B1 niet haalbaar", by=werkcoach)
    return services.pip_bijwerken(pip_id=v2.pk, wijzigingsnummer=v2.wijzigingsnummer,
                                  gegevens={"leerroute": Leerroute.Z, "niveau": ""}, by=werkcoach)


def test_schakelen_after_18_months_without_exception_is_refused_at_indienen(werkcoach):
    v2 = _schakel_concept(werkcoach, termijn_start=VANDAAG - timedelta(days=600))
    with pytest.raises(ValidationError) as fout:
        services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    assert "schakel_uitzondering" in fout.value.message_dict
    v2.refresh_from_db()
    assert v2.status == PipStatus.CONCEPT


def test_schakelen_inside_18_months_can_be_ingediend(werkcoach):
    v2 = _schakel_concept(werkcoach, termijn_start=VANDAAG - timedelta(days=300))
    assert services.pip_indienen(pip_id=v2.pk, by=werkcoach).status == PipStatus.TER_BEOORDELING


def test_a_route_change_under_another_reason_is_refused(werkcoach):
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    v2 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.OVERIG, toelichting="",
                                        by=werkcoach)
    services.pip_bijwerken(pip_id=v2.pk, wijzigingsnummer=v2.wijzigingsnummer,
                           gegevens={"leerroute": Leerroute.Z, "niveau": ""}, by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    assert "wijziging_reden" in fout.value.message_dict


def test_afschalen_to_a2_after_a_b_route_pip_is_allowed(werkcoach, consulent):
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    v2 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.AFSCHALEN, toelichting="",
                                        by=werkcoach)
    services.pip_bijwerken(pip_id=v2.pk, wijzigingsnummer=v2.wijzigingsnummer, by=werkcoach, gegevens={
        "niveau": Niveau.A2, "afschalen_geheel": True, "afschalen_nt2_uren": 600,
        "afschalen_inspanning": "Volgde alle lessen.", **ONHAALBAAR})
    services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    assert vaststellen(v2, consulent).niveau == Niveau.A2


def test_duo_rules_are_checked_again_at_vaststellen(werkcoach, consulent):
    pip = PipFactory(ter_beoordeling=True, dossier__werkcoach=werkcoach, leerroute=Leerroute.ONDERWIJS,
                     niveau=Niveau.A2)
    with pytest.raises(ValidationError) as fout:
        vaststellen(pip, consulent)
    assert "niveau" in fout.value.message_dict
    pip.refresh_from_db()
    assert pip.status == PipStatus.TER_BEOORDELING
    assert not Document.objects.exists()


def test_a_dagtekening_before_the_kennisgeving_is_refused(klaar_voor_pip, werkcoach, consulent):
    pip = ingediend(klaar_voor_pip, werkcoach)
    voor = klaar_voor_pip.datum_kennisgeving - timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        vaststellen(pip, consulent, dagtekening=voor, bekendmaking=voor)
    assert "dagtekening" in fout.value.message_dict


def test_a_dagtekening_before_the_registration_after_a_move_is_refused(werkcoach, consulent):
    dossier = BredeIntakeFactory(
        afgerond=True, dossier__werkcoach=werkcoach, dossier__datum_kennisgeving=VANDAAG - timedelta(days=200),
        dossier__datum_brp_vestiging=VANDAAG - timedelta(days=200),
        dossier__datum_vestiging_na_verhuizing=VANDAAG - timedelta(days=10),
    ).dossier
    pip = ingediend(dossier, werkcoach)
    with pytest.raises(ValidationError) as fout:
        vaststellen(pip, consulent, dagtekening=VANDAAG - timedelta(days=11))
    assert "dagtekening" in fout.value.message_dict


def test_nothing_is_half_saved_when_rendering_the_beschikking_fails(werkcoach, consulent, monkeypatch):
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    v2 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.OVERIG, toelichting="",
                                        by=werkcoach)
    services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    monkeypatch.setattr(services, "BESCHIKKING_TEMPLATE", "pip_plans/bestaat_niet.html")

    with pytest.raises(Exception, match="bestaat_niet"):
        vaststellen(v2, consulent)

    v1.refresh_from_db()
    v2.refresh_from_db()
    assert (v1.status, v2.status) == (PipStatus.VASTGESTELD, PipStatus.TER_BEOORDELING)
    assert v2.document_id is None and v2.dagtekening is None
    assert not Document.objects.exists()


def test_nothing_is_half_saved_when_a_first_pip_fails_to_render(klaar_voor_pip, werkcoach, consulent, monkeypatch):
    pip = ingediend(klaar_voor_pip, werkcoach)
    monkeypatch.setattr(services, "BESCHIKKING_TEMPLATE", "pip_plans/bestaat_niet.html")
    with pytest.raises(Exception, match="bestaat_niet"):
        vaststellen(pip, consulent)
    klaar_voor_pip.refresh_from_db()
    assert klaar_voor_pip.fase == Fase.PIP_IN_OPSTELLING
    assert not Document.objects.exists()


def test_a_stale_wijzigingsnummer_is_refused(klaar_voor_pip, werkcoach, collega):
    pip = services.pip_opstellen(dossier_id=klaar_voor_pip.pk, gegevens=PIP, by=werkcoach)
    services.pip_bijwerken(pip_id=pip.pk, wijzigingsnummer=pip.wijzigingsnummer, gegevens={"aanbieder": "A"},
                           by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pip_bijwerken(pip_id=pip.pk, wijzigingsnummer=pip.wijzigingsnummer, gegevens={"aanbieder": "B"},
                               by=collega)
    assert fout.value.code == "versie"
    pip.refresh_from_db()
    assert pip.aanbieder == "A"


@pytest.mark.parametrize("versie", [None, 0, 2], ids=["missing", "zero", "future"])
def test_editing_a_pip_without_its_current_wijzigingsnummer_is_refused(klaar_voor_pip, werkcoach, versie):
    pip = services.pip_opstellen(dossier_id=klaar_voor_pip.pk, gegevens=PIP, by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pip_bijwerken(pip_id=pip.pk, wijzigingsnummer=versie, gegevens={"aanbieder": "B"}, by=werkcoach)
    assert fout.value.messages == [str(VERSIE_VEROUDERD)]
    pip.refresh_from_db()
    assert pip.aanbieder == "Taalschool Noord"


def test_a_draft_changed_by_a_colleague_is_not_withdrawn_unseen(klaar_voor_pip, werkcoach, collega):
    pip = services.pip_opstellen(dossier_id=klaar_voor_pip.pk, gegevens=PIP, by=werkcoach)
    gezien = pip.wijzigingsnummer
    services.pip_bijwerken(pip_id=pip.pk, wijzigingsnummer=gezien, gegevens={"aanbieder": "A"}, by=collega)
    for versie in (gezien, None):
        with pytest.raises(ValidationError) as fout:
            services.pip_intrekken(pip_id=pip.pk, reden="Verkeerd begonnen", versie=versie, by=werkcoach)
        assert fout.value.code == "versie"
    pip.refresh_from_db()
    assert pip.status == PipStatus.CONCEPT


def test_a_receipt_recorded_by_a_colleague_is_not_overwritten_unseen(klaar_voor_pip, werkcoach, collega):
    verzoek = services.informatieverzoek_vastleggen(dossier_id=klaar_voor_pip.pk, wat="Advies", van_wie="GGD",
                                                    gevraagd_op=VANDAAG - timedelta(days=5), by=werkcoach)
    services.informatie_ontvangen(verzoek_id=verzoek.pk, ontvangen_op=VANDAAG - timedelta(days=1),
                                  versie=verzoek.versie, by=collega)
    for versie in (verzoek.versie, None):
        with pytest.raises(ValidationError) as fout:
            services.informatie_ontvangen(verzoek_id=verzoek.pk, ontvangen_op=VANDAAG, versie=versie, by=werkcoach)
        assert fout.value.code == "versie"
    verzoek.refresh_from_db()
    assert (verzoek.ontvangen_op, verzoek.versie) == (VANDAAG - timedelta(days=1), 2)


def test_ontzorgen_without_fixed_costs_is_refused_by_the_service_too(klaar_voor_pip, werkcoach):
    with pytest.raises(ValidationError) as fout:
        services.pip_opstellen(dossier_id=klaar_voor_pip.pk, gegevens={**PIP, "ontzorgen": True}, by=werkcoach)
    assert "ontzorgen_vaste_lasten" in fout.value.message_dict
    pip = services.pip_opstellen(dossier_id=klaar_voor_pip.pk, by=werkcoach, gegevens={
        **PIP, "ontzorgen": True, "ontzorgen_start": VANDAAG, "ontzorgen_vaste_lasten": ["huur"]})
    pip = services.pip_bijwerken(pip_id=pip.pk, wijzigingsnummer=pip.wijzigingsnummer, by=werkcoach,
                                 gegevens={"ontzorgen": False})
    assert (pip.ontzorgen_start, pip.ontzorgen_vaste_lasten) == (None, [])


def test_vaststellen_twice_gives_a_dutch_validation_error(klaar_voor_pip, werkcoach, consulent, tweede_consulent):
    pip = ingediend(klaar_voor_pip, werkcoach)
    vaststellen(pip, consulent)
    with pytest.raises(ValidationError) as fout:
        vaststellen(pip, tweede_consulent)
    assert fout.value.messages == [str(services.NIET_TER_BEOORDELING)]
    assert Document.objects.count() == 1


def test_indienen_twice_gives_a_dutch_validation_error(klaar_voor_pip, werkcoach):
    pip = ingediend(klaar_voor_pip, werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    assert fout.value.messages == [str(services.NIET_CONCEPT)]


def test_a_second_wijziging_while_one_is_open_is_refused(werkcoach):
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.OVERIG, toelichting="", by=werkcoach)
    with pytest.raises(ValidationError, match="al een PIP in bewerking"):
        services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.OVERIG, toelichting="",
                                       by=werkcoach)


def test_a_withdrawn_wijziging_can_be_started_again(werkcoach):
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    v2 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.SCHAKELEN, toelichting="",
                                        by=werkcoach)
    services.pip_intrekken(pip_id=v2.pk, reden="Verkeerde reden gekozen", versie=versies.van(v2), by=werkcoach)

    v3 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.OVERIG, toelichting="",
                                        by=werkcoach)

    assert v3.versie == 3
    assert v3.status == PipStatus.CONCEPT
    assert v3.termijn_start == v1.termijn_start


def test_a_withdrawn_first_draft_can_be_drafted_again(klaar_voor_pip, werkcoach):
    pip = services.pip_opstellen(dossier_id=klaar_voor_pip.pk, gegevens=PIP, by=werkcoach)
    services.pip_intrekken(pip_id=pip.pk, reden="Verkeerde route gestart", versie=versies.van(pip), by=werkcoach)

    opnieuw = services.pip_opstellen(dossier_id=klaar_voor_pip.pk, gegevens={**PIP, "leerroute": Leerroute.ONDERWIJS},
                                     by=werkcoach)

    assert opnieuw.status == PipStatus.CONCEPT
    assert opnieuw.vorige_id is None


def test_a_first_b_route_pip_of_a_person_may_not_be_a2(klaar_voor_pip, werkcoach):
    pip = services.pip_opstellen(dossier_id=klaar_voor_pip.pk, gegevens={**PIP, "niveau": Niveau.A2}, by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    assert "niveau" in fout.value.message_dict


def test_a_route_deviating_from_the_lbt_needs_a_motivation(klaar_voor_pip, werkcoach):
    pip = services.pip_opstellen(dossier_id=klaar_voor_pip.pk, gegevens={**PIP, "leerroute": Leerroute.Z, "niveau": ""},
                                 by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    assert "lbt_afwijking_motivering" in fout.value.message_dict
    services.pip_bijwerken(pip_id=pip.pk, wijzigingsnummer=pip.wijzigingsnummer, by=werkcoach,
                           gegevens={"lbt_afwijking_motivering": "B1 en onderwijsroute onderzocht; te zwaar."})
    assert services.pip_indienen(pip_id=pip.pk, by=werkcoach).status == PipStatus.TER_BEOORDELING


def test_information_requests_suspend_and_extend_the_deadline(klaar_voor_pip, werkcoach):
    from pip_plans import selectors

    klaar_voor_pip.datum_brp_vestiging = klaar_voor_pip.datum_kennisgeving
    klaar_voor_pip.save()
    verzoek = services.informatieverzoek_vastleggen(dossier_id=klaar_voor_pip.pk, wat="Medisch advies",
                                                    van_wie="GGD", gevraagd_op=VANDAAG - timedelta(days=5),
                                                    by=werkcoach)
    assert selectors.pip_deadline_voor(klaar_voor_pip).deadline.opgeschort is True
    services.informatie_ontvangen(verzoek_id=verzoek.pk, ontvangen_op=VANDAAG, versie=verzoek.versie, by=werkcoach)
    stand = selectors.pip_deadline_voor(klaar_voor_pip)
    assert stand.deadline.opgeschort is False
    assert stand.deadline.laatste_dag == max(klaar_voor_pip.datum_kennisgeving + timedelta(weeks=10),
                                             VANDAAG + timedelta(weeks=2))
    verzoek.refresh_from_db()
    with pytest.raises(ValidationError, match="vóór de aanvraag"):
        services.informatie_ontvangen(verzoek_id=verzoek.pk, ontvangen_op=VANDAAG - timedelta(days=6),
                                      versie=verzoek.versie, by=werkcoach)


# --- A2 on the first PIP (DUO) and the afschalen gate (Wet 15 lid 4, Wet 17 lid 3, Besluit 5.5) ---
def _a2_concept(dossier, werkcoach) -> Pip:
    return services.pip_opstellen(dossier_id=dossier.pk, gegevens={**PIP, "niveau": Niveau.A2}, by=werkcoach)


def test_a2_on_the_very_first_pip_of_the_person_is_refused_duo_rule(klaar_voor_pip, werkcoach):
    pip = _a2_concept(klaar_voor_pip, werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    assert fout.value.message_dict["niveau"] == [str(rules.DUO_A2_EERSTE_PIP)]


def test_a2_on_the_first_pip_here_after_a_move_is_allowed_wet_15_lid_4(klaar_voor_pip, werkcoach, consulent):
    """The person had a PIP in another gemeente (recorded on the dossier until DUO sends it)."""
    klaar_voor_pip.eerder_pip_elders = True
    klaar_voor_pip.save()
    pip = services.pip_indienen(pip_id=_a2_concept(klaar_voor_pip, werkcoach).pk, by=werkcoach)
    assert vaststellen(pip, consulent).niveau == Niveau.A2


def test_a2_after_a_b1_pip_of_an_earlier_dossier_here_needs_afschalen(werkcoach):
    eerder = PipFactory(vastgesteld=True, dossier__fase=Fase.BEEINDIGD)
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach,
                                 dossier__inburgeraar=eerder.dossier.inburgeraar).dossier
    pip = _a2_concept(dossier, werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    assert fout.value.message_dict["niveau"] == [str(rules.A2_EERST_B1)]


def test_a2_under_another_reason_after_a_b1_version_is_refused_afschalen_is_the_gate(werkcoach):
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    v2 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.OVERIG, toelichting="",
                                        by=werkcoach)
    services.pip_bijwerken(pip_id=v2.pk, wijzigingsnummer=v2.wijzigingsnummer, gegevens={"niveau": Niveau.A2},
                           by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    assert fout.value.message_dict["niveau"] == [str(rules.A2_ALLEEN_AFSCHALEN)]


def _schakel_o_naar_b_a2(werkcoach, **gegevens) -> Pip:
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach, leerroute=Leerroute.ONDERWIJS, niveau="")
    v2 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.SCHAKELEN, toelichting="",
                                        by=werkcoach)
    return services.pip_bijwerken(pip_id=v2.pk, wijzigingsnummer=v2.wijzigingsnummer, by=werkcoach, gegevens={
        "leerroute": Leerroute.B1, "niveau": Niveau.A2, **gegevens})


def test_onderwijsroute_to_b1_route_at_a2_needs_600_hours_besluit_5_5(werkcoach):
    v2 = _schakel_o_naar_b_a2(werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    assert {"afschalen_nt2_uren", "afschalen_inspanning", "afschalen_onhaalbaar_op"} <= set(fout.value.message_dict)
    assert "niveau" not in fout.value.message_dict


def test_onderwijsroute_to_b1_route_at_a2_with_600_hours_is_allowed_besluit_5_5(werkcoach, consulent):
    v2 = _schakel_o_naar_b_a2(werkcoach, afschalen_geheel=True, afschalen_nt2_uren=600,
                              afschalen_inspanning="Volgde het taalschakeltraject volledig.", **ONHAALBAAR)
    services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    assert vaststellen(v2, consulent).niveau == Niveau.A2


def test_afschalen_without_the_finding_that_b1_is_not_feasible_is_refused_wet_17_lid_3(werkcoach):
    v1 = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    v2 = services.pip_wijziging_starten(dossier_id=v1.dossier_id, reden=WijzigingReden.AFSCHALEN, toelichting="",
                                        by=werkcoach)
    services.pip_bijwerken(pip_id=v2.pk, wijzigingsnummer=v2.wijzigingsnummer, by=werkcoach, gegevens={
        "niveau": Niveau.A2, "afschalen_geheel": True, "afschalen_nt2_uren": 600,
        "afschalen_inspanning": "Volgde alle lessen."})
    with pytest.raises(ValidationError) as fout:
        services.pip_indienen(pip_id=v2.pk, by=werkcoach)
    assert set(fout.value.message_dict) == {"afschalen_onhaalbaar_op", "afschalen_onhaalbaar_grond"}
