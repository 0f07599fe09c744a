"""Intake services against the real database: phase moves, locking, health access, summons."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from cases.intake import rules, services
from cases.models import BredeIntake, Fase, IntakeGezondheid, Uitnodiging, WarmeOverdracht
from inburgering.audit.models import InzageLog
from tests import klok
from tests.factories import BredeIntakeFactory, DossierFactory, IntakeGezondheidFactory, WarmeOverdrachtFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG, OVERDRACHT, INTAKE
    VANDAAG = date.today()
    OVERDRACHT = {"datum": VANDAAG - timedelta(days=3), "plaats": "AZC Musselkanaal", "coa_contactpersoon": "P. Bakker",
                  "deelnemers": "inburgeraar, COA, werkcoach", "motivatie": "Wil snel aan het werk."}
    INTAKE = {"lbt_uitkomst": rules.LbtUitkomst.HAALBAAR, "lbt_score": 62, "lbt_vereiste_score": 50,
              "lbt_datum": VANDAAG - timedelta(days=1), "opleiding_niveau": "voortgezet", "kinderen_leeftijden": "3, 8",
              "nederlands_niveau": "A1", "arbeidsmogelijkheden": "Kapper, eigen zaak", "zelfredzaamheid": "hoog",
              "een_op_een_gewezen": True}


WERK = [{"beroep": "Kapper", "land": "Syrië", "jaren": 4, "omschrijving": ""}]


def test_recording_the_warme_overdracht_moves_the_dossier_to_overdracht(dossier, werkcoach):
    overdracht = services.overdracht_vastleggen(dossier_id=dossier.pk, gegevens=OVERDRACHT, versie=0, by=werkcoach)
    dossier.refresh_from_db()
    assert dossier.fase == Fase.OVERDRACHT
    assert overdracht.vastgelegd_door == werkcoach
    assert dossier.history.first().history_change_reason == "Warme overdracht vastgelegd"


def test_an_overdracht_dated_in_the_future_is_refused(dossier, werkcoach):
    with pytest.raises(ValidationError) as fout:
        services.overdracht_vastleggen(dossier_id=dossier.pk, gegevens={**OVERDRACHT, "datum": VANDAAG + timedelta(1)},
                                       versie=0, by=werkcoach)
    assert "datum" in fout.value.message_dict


def test_intake_straight_from_aangemeld_needs_a_reason(dossier, werkcoach):
    with pytest.raises(ValidationError) as fout:
        services.intake_opslaan(dossier_id=dossier.pk, gegevens=INTAKE, werkervaringen=[], versie=0, by=werkcoach)
    assert fout.value.message_dict == {"reden_zonder_overdracht": [str(services.REDEN_ZONDER_OVERDRACHT)]}
    assert not BredeIntake.objects.exists()

    services.intake_opslaan(dossier_id=dossier.pk, gegevens={**INTAKE, "reden_zonder_overdracht": "Gezinsmigrant"},
                            werkervaringen=WERK, versie=0, by=werkcoach)
    dossier.refresh_from_db()
    assert dossier.fase == Fase.INTAKE


def test_the_whole_intake_path_ends_in_pip_in_opstelling(dossier, werkcoach):
    services.overdracht_vastleggen(dossier_id=dossier.pk, gegevens=OVERDRACHT, versie=0, by=werkcoach)
    intake = services.intake_opslaan(dossier_id=dossier.pk, gegevens=INTAKE, werkervaringen=WERK, versie=0,
                                     by=werkcoach)
    services.gezondheid_opslaan(dossier_id=dossier.pk, gegevens={"fysiek": "Rugklachten"}, versie=0, by=werkcoach)
    services.intake_afronden(dossier_id=dossier.pk, zonder_persoon=False, by=werkcoach)

    dossier.refresh_from_db()
    intake.refresh_from_db()
    assert dossier.fase == Fase.PIP_IN_OPSTELLING
    assert intake.afgerond_op == VANDAAG
    assert intake.afgerond_door == werkcoach
    assert [w.beroep for w in intake.werkervaringen.all()] == ["Kapper"]


def test_completing_an_intake_without_health_lists_what_is_missing(werkcoach):
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.intake_afronden(dossier_id=intake.dossier_id, zonder_persoon=False, by=werkcoach)
    assert str(rules.ONTBREEKT_GEZONDHEID) in fout.value.messages
    intake.refresh_from_db()
    assert intake.afgerond_op is None


def test_a_stale_intake_versie_is_refused(werkcoach):
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach, versie=3)
    with pytest.raises(ValidationError) as fout:
        services.intake_opslaan(dossier_id=intake.dossier_id, gegevens=INTAKE, werkervaringen=[], versie=2,
                                by=werkcoach)
    assert fout.value.code == "versie"
    intake.refresh_from_db()
    assert intake.lbt_score == 60


def test_a_second_new_intake_form_cannot_silently_overwrite_the_first(werkcoach):
    """Two people opened the empty intake form (version 0); the second save must not win silently."""
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.intake_opslaan(dossier_id=intake.dossier_id, gegevens=INTAKE, werkervaringen=[], versie=0,
                                by=werkcoach)
    assert fout.value.code == "versie"


@pytest.mark.parametrize("versie", [None, 1])
def test_a_new_overdracht_needs_version_0(dossier, werkcoach, versie):
    """Nothing exists yet: the form shows version 0; a missing or made-up version is refused."""
    with pytest.raises(ValidationError) as fout:
        services.overdracht_vastleggen(dossier_id=dossier.pk, gegevens=OVERDRACHT, versie=versie, by=werkcoach)
    assert fout.value.code == "versie"
    assert not WarmeOverdracht.objects.exists()


@pytest.mark.parametrize("versie", [None, 1])
def test_a_new_intake_needs_version_0(werkcoach, versie):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.OVERDRACHT)
    with pytest.raises(ValidationError) as fout:
        services.intake_opslaan(dossier_id=dossier.pk, gegevens=INTAKE, werkervaringen=[], versie=versie,
                                by=werkcoach)
    assert fout.value.code == "versie"
    assert not BredeIntake.objects.exists()


@pytest.mark.parametrize("versie", [None, 1])
def test_new_health_answers_need_version_0(werkcoach, versie):
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.gezondheid_opslaan(dossier_id=intake.dossier_id, gegevens={"fysiek": "x"}, versie=versie,
                                    by=werkcoach)
    assert fout.value.code == "versie"
    assert not IntakeGezondheid.objects.exists()


def test_an_existing_overdracht_without_a_version_is_refused(werkcoach):
    overdracht = WarmeOverdrachtFactory(dossier__werkcoach=werkcoach)
    with pytest.raises(ValidationError) as fout:
        services.overdracht_vastleggen(dossier_id=overdracht.dossier_id, gegevens=OVERDRACHT, versie=None,
                                       by=werkcoach)
    assert fout.value.code == "versie"
    overdracht.refresh_from_db()
    assert overdracht.plaats == "AZC Delfzijl"


def test_saving_the_overdracht_again_raises_its_version(werkcoach):
    overdracht = WarmeOverdrachtFactory(dossier__werkcoach=werkcoach)
    services.overdracht_vastleggen(dossier_id=overdracht.dossier_id, gegevens=OVERDRACHT,
                                   versie=overdracht.versie, by=werkcoach)
    overdracht.refresh_from_db()
    assert (overdracht.versie, overdracht.plaats) == (2, OVERDRACHT["plaats"])


def test_a_completed_intake_cannot_be_changed(werkcoach):
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach, dossier__fase=Fase.INTAKE,
                                afgerond_op=VANDAAG)
    with pytest.raises(ValidationError, match="al afgerond"):
        services.intake_opslaan(dossier_id=intake.dossier_id, gegevens=INTAKE, werkervaringen=[],
                                versie=intake.versie, by=werkcoach)


@pytest.mark.parametrize("wie", ["collega", "manager", "werkcoach_ander_team"])
def test_only_the_assigned_werkcoach_and_consulenten_may_write_health_answers(request, wie, werkcoach):
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach)
    gebruiker = request.getfixturevalue(wie)
    with pytest.raises((PermissionDenied, intake.dossier.DoesNotExist)):
        services.gezondheid_opslaan(dossier_id=intake.dossier_id, gegevens={"fysiek": "x"}, versie=0, by=gebruiker)
    assert not IntakeGezondheid.objects.exists()


def test_a_consulent_may_write_health_answers(werkcoach, consulent):
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach)
    services.gezondheid_opslaan(dossier_id=intake.dossier_id, gegevens={"mentaal": "Slaapt slecht"}, versie=0,
                                by=consulent)
    assert IntakeGezondheid.objects.get().mentaal == "Slaapt slecht"


def test_a_stale_health_versie_is_refused(werkcoach):
    gezondheid = IntakeGezondheidFactory(intake__dossier__werkcoach=werkcoach, versie=2)
    with pytest.raises(ValidationError):
        services.gezondheid_opslaan(dossier_id=gezondheid.intake.dossier_id, gegevens={"fysiek": "nieuw"}, versie=1,
                                    by=werkcoach)
    gezondheid.refresh_from_db()
    assert gezondheid.fysiek == "Geen bijzonderheden."


def test_health_answers_of_an_ended_dossier_cannot_be_changed(werkcoach):
    intake = BredeIntakeFactory(dossier=DossierFactory(werkcoach=werkcoach, beeindigd=True))
    with pytest.raises(ValidationError):
        services.gezondheid_opslaan(dossier_id=intake.dossier_id, gegevens={"fysiek": "x"}, versie=0, by=werkcoach)
    assert not IntakeGezondheid.objects.exists()


@pytest.mark.parametrize("wie", ["collega", "manager"])
def test_the_health_page_is_forbidden_for_team_colleagues_and_managers(client, request, wie, werkcoach):
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach)
    IntakeGezondheidFactory(intake=intake, fysiek="Vertrouwelijke diagnose")
    client.force_login(request.getfixturevalue(wie))
    response = client.get(reverse("intake:gezondheid", args=[intake.dossier_id]))
    assert response.status_code == 403
    assert b"Vertrouwelijke diagnose" not in response.content


def test_every_read_of_the_health_page_is_logged(client, werkcoach):
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach)
    IntakeGezondheidFactory(intake=intake, fysiek="Vertrouwelijke diagnose")
    client.force_login(werkcoach)
    url = reverse("intake:gezondheid", args=[intake.dossier_id])
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "Vertrouwelijke diagnose" in response.content.decode()
    logs = InzageLog.objects.filter(pagina="gezondheid", dossier_id=intake.dossier_id, gebruiker=werkcoach)
    assert logs.count() == 2


def _oproep(dossier, by, dagen_geleden, **extra):
    return services.uitnodiging_vastleggen(
        dossier_id=dossier.pk, verzonden_op=VANDAAG - timedelta(days=dagen_geleden),
        gesprek_op=VANDAAG - timedelta(days=dagen_geleden - 7), reactie_uiterlijk=None, by=by,
        waarschuwing_op=extra.get("waarschuwing_op"),
    )


def test_three_no_shows_allow_completing_the_intake_without_the_person(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase=Fase.INTAKE)
    BredeIntake.objects.create(dossier=dossier)
    eerste = _oproep(dossier, werkcoach, 60)
    services.uitnodiging_uitkomst(dossier_id=dossier.pk, uitnodiging_id=eerste.pk, verschenen=False, by=werkcoach)
    with pytest.raises(ValidationError) as fout:
        _oproep(dossier, werkcoach, 40)
    assert "waarschuwing_op" in fout.value.message_dict
    tweede = _oproep(dossier, werkcoach, 40, waarschuwing_op=VANDAAG - timedelta(days=41))
    with pytest.raises(ValidationError, match="derde oproep"):
        services.intake_afronden(dossier_id=dossier.pk, zonder_persoon=True, by=werkcoach)
    services.uitnodiging_uitkomst(dossier_id=dossier.pk, uitnodiging_id=tweede.pk, verschenen=False, by=werkcoach)
    derde = _oproep(dossier, werkcoach, 20)
    services.uitnodiging_uitkomst(dossier_id=dossier.pk, uitnodiging_id=derde.pk, verschenen=False, by=werkcoach)
    with pytest.raises(ValidationError, match="derde oproep"):
        _oproep(dossier, werkcoach, 10)

    intake = services.intake_afronden(dossier_id=dossier.pk, zonder_persoon=True, by=werkcoach)

    assert intake.zonder_medewerking is True
    assert list(Uitnodiging.objects.filter(dossier=dossier).values_list("volgnummer", flat=True)) == [1, 2, 3]
    dossier.refresh_from_db()
    assert dossier.fase == Fase.PIP_IN_OPSTELLING


def test_an_outcome_cannot_be_recorded_before_the_talk(dossier, werkcoach):
    oproep = services.uitnodiging_vastleggen(dossier_id=dossier.pk, verzonden_op=VANDAAG,
                                             gesprek_op=VANDAAG + timedelta(days=7), reactie_uiterlijk=None,
                                             waarschuwing_op=None, by=werkcoach)
    with pytest.raises(ValidationError):
        services.uitnodiging_uitkomst(dossier_id=dossier.pk, uitnodiging_id=oproep.pk, verschenen=False, by=werkcoach)


def test_a_completed_intake_shows_every_section_on_the_intake_tab(client, werkcoach, consulent):
    antwoorden = {
        "inkomen": "Bijstand sinds maart", "schulden": "Zorgverzekering achterstand", "partner": "Getrouwd, partner in Syrië",
        "kinderen_leeftijden": "3, 9", "vve_opties": "Peuteropvang De Kikker", "huisvesting": "Huurwoning Delfzijl",
        "sociaal_netwerk": "Neef in Groningen", "arbeidsmogelijkheden": "Monteur, rijbewijs nodig",
        "participatie_wensen": "Werken in de techniek", "motivatie_ambities": "Eigen garage beginnen",
        "mb_toelichting": "Hulp bij post", "diplomas": "Diploma autotechniek", "tolk_taal": "Arabisch",
    }
    intake = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach, locatie="azc", tolk_gebruikt=True,
                                een_op_een_gewezen=True, **antwoorden)
    client.force_login(consulent)
    inhoud = client.get(reverse("intake:intake_tab", args=[intake.dossier_id])).content.decode()
    for antwoord in antwoorden.values():
        assert antwoord in inhoud
    assert "In het AZC" in inhoud


def test_the_whole_warme_overdracht_stays_readable_after_the_intake(client, werkcoach):
    antwoorden = {
        "taalles_toelichting": "Twee dagdelen per week", "houding": "Open en nieuwsgierig",
        "verwachtingen": "Snel aan het werk", "informatie_gegeven": "Uitleg over de brede intake",
    }
    intake = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach)
    WarmeOverdrachtFactory(dossier=intake.dossier, taalles=True, vastgelegd_door=werkcoach, **antwoorden)
    client.force_login(werkcoach)
    inhoud = client.get(reverse("intake:intake_tab", args=[intake.dossier_id])).content.decode()
    for antwoord in antwoorden.values():
        assert antwoord in inhoud


def test_completing_an_intake_without_the_besluit_5_2_items_lists_them(client, werkcoach):
    """Besluit 5.2: taalniveau, arbeidsparticipatie, zelfredzaamheid and (lid 2) the notice of the
    right to one-to-one talks are required to complete the intake; the intake tab lists them too."""
    intake = BredeIntakeFactory(dossier__werkcoach=werkcoach, nederlands_niveau="", arbeidsmogelijkheden="",
                                zelfredzaamheid="", een_op_een_gewezen=False)
    IntakeGezondheidFactory(intake=intake)
    with pytest.raises(ValidationError) as fout:
        services.intake_afronden(dossier_id=intake.dossier_id, zonder_persoon=False, by=werkcoach)
    nodig = [rules.ONTBREEKT_TAALNIVEAU, rules.ONTBREEKT_ARBEIDSPARTICIPATIE, rules.ONTBREEKT_ZELFREDZAAMHEID,
             rules.ONTBREEKT_EEN_OP_EEN]
    assert fout.value.messages[1:] == [str(m) for m in nodig]
    intake.refresh_from_db()
    assert intake.afgerond_op is None

    client.force_login(werkcoach)
    inhoud = client.get(reverse("intake:intake_tab", args=[intake.dossier_id])).content.decode()
    assert "Besluit inburgering 2021, art. 5.2 lid 2" in inhoud
