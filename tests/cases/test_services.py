"""Write use-cases (cases/services.py) against the real database."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from cases import services
from cases.models import Dossier, EindReden, Fase, Huishouden, Inburgeraar
from cases.rules import Doelgroep
from inburgering.accounts.models import User
from tests import klok
from tests.factories import DossierFactory, InburgeraarFactory, WerkcoachFactory


@klok.per_test
def _datums() -> None:
    global GISTEREN
    GISTEREN = date.today() - timedelta(days=1)


def persoon(**extra) -> dict:
    return {
        "bsn": "999993653",
        "voornamen": "Yusuf",
        "geslachtsnaam": "Haddad",
        "geboortedatum": date(1990, 3, 4),
        **extra,
    }


def dossiergegevens(**extra) -> dict:
    return {
        "doelgroep": Doelgroep.ASIELSTATUSHOUDER,
        "datum_kennisgeving": date.today() - timedelta(days=20),
        "datum_koppeling": date.today() - timedelta(days=15),
        "datum_huisvesting": None,
        **extra,
    }


def tel_rijen() -> dict[str, int]:
    """Rows in every table a registration writes to, to prove nothing was half-saved."""
    return {
        "inburgeraars": Inburgeraar.objects.count(),
        "dossiers": Dossier.objects.count(),
        "huishoudens": Huishouden.objects.count(),
        "inburgeraar_historie": Inburgeraar.history.count(),
        "dossier_historie": Dossier.history.count(),
        "huishouden_historie": Huishouden.history.count(),
    }


def fout_velden(excinfo) -> set[str]:
    return set(excinfo.value.message_dict)


# ---------------------------------------------------------------------------------------------
# Registering
# ---------------------------------------------------------------------------------------------


def test_registering_creates_person_and_dossier_with_a_history_reason_each(werkcoach):
    dossier = services.inburgeraar_met_dossier_aanmaken(persoon=persoon(), dossier=dossiergegevens(), by=werkcoach)

    dossier.refresh_from_db()
    assert dossier.fase == Fase.AANGEMELD
    assert dossier.versie == 1
    assert dossier.inburgeraar.bsn == "999993653"
    assert [h.history_change_reason for h in dossier.history.all()] == ["Dossier aangemaakt"]
    assert [h.history_change_reason for h in dossier.inburgeraar.history.all()] == ["Inburgeraar geregistreerd"]


def test_a_werkcoach_registers_into_their_own_caseload_and_team(werkcoach, team):
    dossier = services.inburgeraar_met_dossier_aanmaken(persoon=persoon(), dossier=dossiergegevens(), by=werkcoach)

    assert dossier.werkcoach == werkcoach
    assert dossier.team == team


def test_the_team_of_a_new_dossier_follows_the_chosen_werkcoach(consulent, werkcoach_ander_team, ander_team):
    dossier = services.inburgeraar_met_dossier_aanmaken(
        persoon=persoon(), dossier=dossiergegevens(), werkcoach=werkcoach_ander_team, by=consulent
    )

    assert dossier.werkcoach == werkcoach_ander_team
    assert dossier.team == ander_team
    assert dossier.team != consulent.team


def test_a_consulent_must_choose_a_werkcoach(consulent):
    voor = tel_rijen()
    with pytest.raises(ValidationError) as excinfo:
        services.inburgeraar_met_dossier_aanmaken(persoon=persoon(), dossier=dossiergegevens(), by=consulent)

    assert fout_velden(excinfo) == {"werkcoach"}
    assert tel_rijen() == voor


def test_the_chosen_werkcoach_must_have_the_werkcoach_role(consulent, manager):
    with pytest.raises(ValidationError) as excinfo:
        services.inburgeraar_met_dossier_aanmaken(
            persoon=persoon(), dossier=dossiergegevens(), werkcoach=manager, by=consulent
        )
    assert fout_velden(excinfo) == {"werkcoach"}
    assert not Inburgeraar.objects.exists()


def test_a_werkcoach_without_a_team_cannot_receive_a_dossier_and_nothing_is_saved(db):
    zonder_team = WerkcoachFactory(team=None)
    voor = tel_rijen()

    with pytest.raises(ValidationError) as excinfo:
        services.inburgeraar_met_dossier_aanmaken(persoon=persoon(), dossier=dossiergegevens(), by=zonder_team)

    assert fout_velden(excinfo) == {"werkcoach"}
    assert tel_rijen() == voor


@pytest.mark.parametrize("rol", ["manager", "beheerder"])
def test_managers_and_beheerders_may_not_register_a_person(rol, request):
    with pytest.raises(PermissionDenied):
        services.inburgeraar_met_dossier_aanmaken(
            persoon=persoon(), dossier=dossiergegevens(), werkcoach=None, by=request.getfixturevalue(rol)
        )
    assert not Inburgeraar.objects.exists()


def test_a_bsn_typed_with_dots_is_stored_normalised(werkcoach):
    dossier = services.inburgeraar_met_dossier_aanmaken(
        persoon=persoon(bsn="9999.93.653"), dossier=dossiergegevens(), by=werkcoach
    )
    assert Inburgeraar.objects.get(pk=dossier.inburgeraar_id).bsn == "999993653"


# --- duplicate BSN ---


def test_registering_a_known_bsn_raises_with_the_existing_dossier_and_saves_nothing(werkcoach):
    bestaand = DossierFactory(werkcoach=werkcoach, inburgeraar__bsn="999993653")
    voor = tel_rijen()

    with pytest.raises(services.BsnBestaatAl) as excinfo:
        services.inburgeraar_met_dossier_aanmaken(
            persoon=persoon(bsn="9999 93 653", geslachtsnaam="Anders"), dossier=dossiergegevens(), by=werkcoach
        )

    assert excinfo.value.bestaand == bestaand
    assert excinfo.value.error_dict["bsn"][0].code == services.BSN_BESTAAT
    assert tel_rijen() == voor


def test_a_known_bsn_joining_a_huishouden_leaves_no_half_made_huishouden(werkcoach):
    lid = DossierFactory(werkcoach=werkcoach)
    DossierFactory(werkcoach=werkcoach, inburgeraar__bsn="999993653")
    voor = tel_rijen()

    with pytest.raises(services.BsnBestaatAl):
        services.inburgeraar_met_dossier_aanmaken(
            persoon=persoon(), dossier=dossiergegevens(), huishouden_bsn=lid.inburgeraar.bsn, by=werkcoach
        )

    assert tel_rijen() == voor
    lid.inburgeraar.refresh_from_db()
    assert lid.inburgeraar.huishouden is None


def test_a_known_bsn_outside_ones_reach_is_refused_without_revealing_the_dossier(werkcoach, werkcoach_ander_team):
    DossierFactory(werkcoach=werkcoach_ander_team, inburgeraar__bsn="999993653")

    with pytest.raises(services.BsnBestaatAl) as excinfo:
        services.inburgeraar_met_dossier_aanmaken(persoon=persoon(), dossier=dossiergegevens(), by=werkcoach)

    assert excinfo.value.bestaand is None
    assert Inburgeraar.objects.count() == 1


# --- field errors ---


@pytest.mark.parametrize(
    ("persoon_extra", "dossier_extra", "veld"),
    [
        ({"bsn": "999993654"}, {}, "bsn"),
        ({"bsn": "12345"}, {}, "bsn"),
        ({"geboortedatum": lambda: date.today() - timedelta(days=17 * 365)}, {}, "geboortedatum"),
        ({"geboortedatum": date(1940, 1, 1)}, {}, "geboortedatum"),  # past AOW age
        ({"geboortedatum": lambda: date.today() + timedelta(days=1)}, {}, "geboortedatum"),
        ({}, {"datum_kennisgeving": lambda: date.today() + timedelta(days=1)}, "datum_kennisgeving"),
        ({}, {"datum_koppeling": lambda: GISTEREN, "datum_huisvesting": lambda: GISTEREN - timedelta(days=1)},
         "datum_huisvesting"),
    ],
)
def test_invalid_input_is_refused_with_an_error_on_the_field_and_nothing_is_saved(
    werkcoach, persoon_extra, dossier_extra, veld
):
    voor = tel_rijen()
    with pytest.raises(ValidationError) as excinfo:
        services.inburgeraar_met_dossier_aanmaken(
            persoon=persoon(**klok.invullen(persoon_extra)), dossier=dossiergegevens(**klok.invullen(dossier_extra)),
            by=werkcoach,
        )
    assert fout_velden(excinfo) == {veld}
    assert tel_rijen() == voor


def test_all_field_errors_are_reported_at_once(werkcoach):
    with pytest.raises(ValidationError) as excinfo:
        services.inburgeraar_met_dossier_aanmaken(
            persoon=persoon(bsn="123"),
            dossier=dossiergegevens(datum_koppeling=GISTEREN, datum_huisvesting=GISTEREN - timedelta(days=3)),
            by=werkcoach,
        )
    assert fout_velden(excinfo) == {"bsn", "datum_huisvesting"}


def test_the_aow_age_of_the_kennisgeving_year_is_used(werkcoach):
    # 2023: AOW age 66 years and 10 months (seeded). Exactly that age on the kennisgeving date: refused.
    with pytest.raises(ValidationError) as excinfo:
        services.inburgeraar_met_dossier_aanmaken(
            persoon=persoon(geboortedatum=date(1956, 9, 10)),
            dossier=dossiergegevens(datum_kennisgeving=date(2023, 7, 10), datum_koppeling=None),
            by=werkcoach,
        )
    assert "AOW-leeftijd (66 jaar en 10 maanden)" in excinfo.value.message_dict["geboortedatum"][0]

    dossier = services.inburgeraar_met_dossier_aanmaken(
        persoon=persoon(geboortedatum=date(1956, 9, 10)),
        dossier=dossiergegevens(datum_kennisgeving=date(2023, 7, 9), datum_koppeling=None),
        by=werkcoach,
    )
    assert dossier.pk


# --- huishouden ---


def test_joining_a_huishouden_gives_the_household_werkcoach(werkcoach, collega):
    lid = DossierFactory(werkcoach=werkcoach)

    nieuw = services.inburgeraar_met_dossier_aanmaken(
        persoon=persoon(), dossier=dossiergegevens(), huishouden_bsn=lid.inburgeraar.bsn, by=collega
    )

    lid.inburgeraar.refresh_from_db()
    assert nieuw.werkcoach == werkcoach
    assert nieuw.inburgeraar.huishouden is not None
    assert nieuw.inburgeraar.huishouden == lid.inburgeraar.huishouden
    assert nieuw.inburgeraar.huishouden.werkcoach == werkcoach
    assert lid.inburgeraar.history.first().history_change_reason == "Aan huishouden gekoppeld"


def test_a_consulent_cannot_split_a_huishouden_over_two_werkcoaches(consulent, werkcoach, werkcoach_ander_team):
    lid = DossierFactory(werkcoach=werkcoach)
    voor = tel_rijen()

    with pytest.raises(ValidationError) as excinfo:
        services.inburgeraar_met_dossier_aanmaken(
            persoon=persoon(), dossier=dossiergegevens(), werkcoach=werkcoach_ander_team,
            huishouden_bsn=lid.inburgeraar.bsn, by=consulent,
        )

    assert fout_velden(excinfo) == {"werkcoach"}
    assert tel_rijen() == voor


def test_a_consulent_choosing_the_household_werkcoach_joins_the_huishouden(consulent, werkcoach):
    lid = DossierFactory(werkcoach=werkcoach)
    nieuw = services.inburgeraar_met_dossier_aanmaken(
        persoon=persoon(), dossier=dossiergegevens(), werkcoach=werkcoach,
        huishouden_bsn=lid.inburgeraar.bsn, by=consulent,
    )
    assert nieuw.werkcoach == werkcoach
    assert nieuw.inburgeraar.huishouden_id is not None


def test_a_huishouden_bsn_outside_ones_reach_is_an_error_on_that_field(werkcoach, werkcoach_ander_team):
    vreemd = DossierFactory(werkcoach=werkcoach_ander_team)
    voor = tel_rijen()

    with pytest.raises(ValidationError) as excinfo:
        services.inburgeraar_met_dossier_aanmaken(
            persoon=persoon(), dossier=dossiergegevens(), huishouden_bsn=vreemd.inburgeraar.bsn, by=werkcoach
        )

    assert fout_velden(excinfo) == {"huishouden_bsn"}
    assert tel_rijen() == voor


# ---------------------------------------------------------------------------------------------
# Editing with an optimistic lock
# ---------------------------------------------------------------------------------------------


def _bewerk(dossier: Dossier, *, versie: int, by: User, **persoon_extra) -> Dossier:
    p = dossier.inburgeraar
    return services.dossier_bijwerken(
        dossier_id=dossier.pk,
        versie=versie,
        persoon={"bsn": p.bsn, "voornamen": p.voornamen, "geslachtsnaam": p.geslachtsnaam,
                 "geboortedatum": p.geboortedatum, **persoon_extra},
        dossier={"doelgroep": dossier.doelgroep, "datum_kennisgeving": dossier.datum_kennisgeving},
        by=by,
    )


def test_editing_saves_the_change_bumps_the_version_and_records_the_reason(dossier, werkcoach):
    _bewerk(dossier, versie=1, by=werkcoach, voornamen="Mariam")

    dossier.refresh_from_db()
    assert dossier.inburgeraar.voornamen == "Mariam"
    assert dossier.versie == 2
    assert dossier.history.first().history_change_reason == "Gegevens gewijzigd"
    assert dossier.inburgeraar.history.first().history_change_reason == "Gegevens gewijzigd"


def test_editing_with_a_stale_version_is_refused_and_changes_nothing(dossier, werkcoach, collega):
    _bewerk(dossier, versie=1, by=collega, voornamen="Eerste")

    with pytest.raises(ValidationError) as excinfo:
        _bewerk(dossier, versie=1, by=werkcoach, voornamen="Tweede")

    assert excinfo.value.code == "versie"
    dossier.refresh_from_db()
    assert dossier.inburgeraar.voornamen == "Eerste"
    assert dossier.versie == 2
    assert dossier.history.count() == 2


def test_a_manager_may_read_but_not_edit_a_dossier(dossier, manager):
    with pytest.raises(PermissionDenied):
        _bewerk(dossier, versie=1, by=manager, voornamen="Manager")
    dossier.refresh_from_db()
    assert dossier.inburgeraar.voornamen == "Amina"


def test_a_werkcoach_of_another_team_cannot_edit_a_dossier(dossier, werkcoach_ander_team):
    with pytest.raises(Dossier.DoesNotExist):
        _bewerk(dossier, versie=1, by=werkcoach_ander_team, voornamen="Zuid")
    dossier.refresh_from_db()
    assert dossier.versie == 1


def test_an_ended_dossier_cannot_be_edited_through_the_service(werkcoach):
    beeindigd = DossierFactory(werkcoach=werkcoach, beeindigd=True)

    with pytest.raises(ValidationError, match="al afgesloten"):
        _bewerk(beeindigd, versie=1, by=werkcoach, voornamen="Later")

    beeindigd.refresh_from_db()
    assert beeindigd.inburgeraar.voornamen == "Amina"
    assert beeindigd.versie == 1


def test_changing_the_bsn_to_one_that_exists_is_refused(dossier, werkcoach):
    ander = DossierFactory(werkcoach=werkcoach)
    with pytest.raises(services.BsnBestaatAl):
        _bewerk(dossier, versie=1, by=werkcoach, bsn=ander.inburgeraar.bsn)
    dossier.refresh_from_db()
    assert dossier.inburgeraar.bsn != ander.inburgeraar.bsn


# ---------------------------------------------------------------------------------------------
# Assigning and bulk reassigning
# ---------------------------------------------------------------------------------------------


def test_assigning_moves_the_dossier_to_the_werkcoach_and_their_team(dossier, consulent, werkcoach_ander_team):
    services.dossier_toewijzen(
        dossier_id=dossier.pk, versie=dossier.versie, werkcoach=werkcoach_ander_team, reden="verhuizing", by=consulent
    )

    dossier.refresh_from_db()
    assert dossier.werkcoach == werkcoach_ander_team
    assert dossier.team == werkcoach_ander_team.team
    assert dossier.versie == 2
    assert dossier.history.first().history_change_reason == f"Toegewezen aan {werkcoach_ander_team}: verhuizing"


def test_a_werkcoach_may_not_assign_dossiers(dossier, werkcoach, collega):
    with pytest.raises(PermissionDenied):
        services.dossier_toewijzen(
            dossier_id=dossier.pk, versie=dossier.versie, werkcoach=collega, reden="", by=werkcoach
        )
    dossier.refresh_from_db()
    assert dossier.werkcoach == werkcoach


@pytest.mark.parametrize("versie", [None, 0, 2])
def test_assigning_with_a_stale_or_missing_version_is_refused(dossier, consulent, werkcoach, collega, versie):
    with pytest.raises(ValidationError) as fout:
        services.dossier_toewijzen(dossier_id=dossier.pk, versie=versie, werkcoach=collega, reden="", by=consulent)
    assert fout.value.code == "versie"
    dossier.refresh_from_db()
    assert (dossier.werkcoach, dossier.versie) == (werkcoach, 1)


def test_a_manager_bulk_reassigns_all_selected_dossiers_with_the_reason(manager, werkcoach, werkcoach_ander_team):
    gekozen = DossierFactory.create_batch(3, werkcoach=werkcoach)
    blijft = DossierFactory(werkcoach=werkcoach)

    aantal = services.dossiers_herverdelen(
        dossier_ids=[d.pk for d in gekozen], werkcoach=werkcoach_ander_team, reden="ziekte", by=manager
    )

    assert aantal == 3
    for d in gekozen:
        d.refresh_from_db()
        assert (d.werkcoach, d.team) == (werkcoach_ander_team, werkcoach_ander_team.team)
        assert d.history.first().history_change_reason == f"Herverdeeld naar {werkcoach_ander_team}: ziekte"
    blijft.refresh_from_db()
    assert blijft.werkcoach == werkcoach


def test_bulk_reassigning_with_a_nonexistent_id_moves_nothing(manager, werkcoach, werkcoach_ander_team):
    gekozen = DossierFactory.create_batch(3, werkcoach=werkcoach)
    weg_id = max(d.pk for d in gekozen) + 1000

    with pytest.raises(ValidationError) as excinfo:
        services.dossiers_herverdelen(
            dossier_ids=[*(d.pk for d in gekozen), weg_id], werkcoach=werkcoach_ander_team, reden="x", by=manager
        )

    assert fout_velden(excinfo) == {"dossiers"}
    assert Dossier.objects.filter(werkcoach=werkcoach).count() == 3
    assert all(d.versie == 1 for d in Dossier.objects.all())


def test_bulk_reassigning_with_a_closed_dossier_among_them_moves_nothing(manager, werkcoach, werkcoach_ander_team):
    lopend = DossierFactory.create_batch(2, werkcoach=werkcoach)
    afgesloten = DossierFactory(werkcoach=werkcoach, beeindigd=True)

    with pytest.raises(ValidationError) as excinfo:
        services.dossiers_herverdelen(
            dossier_ids=[*(d.pk for d in lopend), afgesloten.pk], werkcoach=werkcoach_ander_team, reden="x",
            by=manager,
        )

    assert fout_velden(excinfo) == {"dossiers"}
    assert "al afgesloten" in str(excinfo.value)
    assert Dossier.objects.filter(werkcoach=werkcoach).count() == 3


def test_bulk_reassigning_is_all_or_nothing_when_a_write_fails_halfway(
    manager, werkcoach, werkcoach_ander_team, monkeypatch
):
    gekozen = DossierFactory.create_batch(4, werkcoach=werkcoach)
    laatste = max(d.pk for d in gekozen)  # processed in pk order: the other three are written first
    historie_voor = Dossier.history.count()
    echte_wijs_toe = services._wijs_toe
    geschreven = []

    def faalt_bij_de_laatste(dossier, nieuwe_werkcoach, reden, *, by):
        if dossier.pk == laatste:
            raise RuntimeError("schijf vol")
        echte_wijs_toe(dossier, nieuwe_werkcoach, reden, by=by)  # a real write
        geschreven.append(dossier.pk)

    monkeypatch.setattr(services, "_wijs_toe", faalt_bij_de_laatste)

    with pytest.raises(RuntimeError):
        services.dossiers_herverdelen(
            dossier_ids=[d.pk for d in gekozen], werkcoach=werkcoach_ander_team, reden="x", by=manager
        )

    assert len(geschreven) == 3
    assert Dossier.objects.filter(werkcoach=werkcoach, versie=1).count() == 4
    assert Dossier.history.count() == historie_voor


def test_bulk_reassigning_a_dossier_outside_ones_reach_moves_nothing(
    manager, werkcoach, werkcoach_ander_team, monkeypatch
):
    """A manager sees every dossier today; should the rule narrow, the bulk move must still be all-or-nothing."""
    from cases import access

    zichtbaar = DossierFactory.create_batch(2, werkcoach=werkcoach)
    onzichtbaar = DossierFactory(werkcoach=werkcoach_ander_team)
    monkeypatch.setattr(
        access, "zichtbare_dossiers", lambda user: Dossier.objects.filter(pk__in=[d.pk for d in zichtbaar])
    )

    with pytest.raises(ValidationError):
        services.dossiers_herverdelen(
            dossier_ids=[*(d.pk for d in zichtbaar), onzichtbaar.pk], werkcoach=werkcoach_ander_team,
            reden="x", by=manager,
        )
    assert Dossier.objects.filter(werkcoach=werkcoach).count() == 2


@pytest.mark.parametrize("rol", ["werkcoach", "consulent", "beheerder"])
def test_only_managers_may_bulk_reassign(rol, request, dossier, werkcoach_ander_team):
    with pytest.raises(PermissionDenied):
        services.dossiers_herverdelen(
            dossier_ids=[dossier.pk], werkcoach=werkcoach_ander_team, reden="x", by=request.getfixturevalue(rol)
        )
    dossier.refresh_from_db()
    assert dossier.werkcoach != werkcoach_ander_team


def test_bulk_reassigning_requires_a_reason(manager, dossier, werkcoach_ander_team):
    with pytest.raises(ValidationError) as excinfo:
        services.dossiers_herverdelen(dossier_ids=[dossier.pk], werkcoach=werkcoach_ander_team, reden="  ", by=manager)
    assert fout_velden(excinfo) == {"reden"}


def test_a_long_reason_is_kept_whole_in_the_history(manager, dossier, werkcoach_ander_team):
    lang = "lang verhaal " * 38  # 494 characters: the form allows 500
    services.dossiers_herverdelen(dossier_ids=[dossier.pk], werkcoach=werkcoach_ander_team, reden=lang, by=manager)

    reden = dossier.history.first().history_change_reason
    assert reden == f"Herverdeeld naar {werkcoach_ander_team}: {lang}"


def test_bulk_reassigning_counts_a_dossier_selected_twice_once(manager, dossier, werkcoach_ander_team):
    aantal = services.dossiers_herverdelen(
        dossier_ids=[dossier.pk, dossier.pk], werkcoach=werkcoach_ander_team, reden="x", by=manager
    )
    assert aantal == 1
    dossier.refresh_from_db()
    assert dossier.versie == 2


# ---------------------------------------------------------------------------------------------
# Ending a dossier; the protected phase
# ---------------------------------------------------------------------------------------------


def _beeindig(dossier: Dossier, by: User, *, versie: int | None = None, datum: date | None = None) -> Dossier:
    return services.dossier_beeindigen(
        dossier_id=dossier.pk, versie=dossier.versie if versie is None else versie, reden=EindReden.VERHUISD,
        datum=GISTEREN if datum is None else datum, toelichting="naar Groningen", by=by,
    )


def test_ending_a_dossier_moves_it_to_beeindigd_with_reason_and_date(dossier, werkcoach):
    _beeindig(dossier, werkcoach)

    dossier.refresh_from_db()
    assert dossier.fase == Fase.BEEINDIGD
    assert dossier.eind_reden == EindReden.VERHUISD
    assert dossier.eind_datum == GISTEREN
    assert not dossier.is_actief
    assert dossier.history.first().history_change_reason == "Beëindigd (Verhuisd naar een andere gemeente): naar Groningen"


def test_ending_a_dossier_a_second_time_is_refused(dossier, werkcoach):
    _beeindig(dossier, werkcoach)
    dossier.refresh_from_db()

    with pytest.raises(ValidationError, match="al afgesloten"):
        _beeindig(dossier, werkcoach)
    dossier.refresh_from_db()
    assert dossier.versie == 2


def test_ending_a_dossier_with_a_future_date_is_refused(dossier, werkcoach):
    with pytest.raises(ValidationError) as excinfo:
        _beeindig(dossier, werkcoach, datum=date.today() + timedelta(days=2))
    assert fout_velden(excinfo) == {"datum"}
    dossier.refresh_from_db()
    assert dossier.fase == Fase.AANGEMELD


def test_ending_with_a_long_toelichting_keeps_it_whole_on_the_dossier(dossier, werkcoach):
    toelichting = "Verhuisd naar familie in Utrecht. " * 10
    services.dossier_beeindigen(
        dossier_id=dossier.pk, versie=1, reden=EindReden.VERHUISD, datum=GISTEREN, toelichting=toelichting,
        by=werkcoach,
    )

    dossier.refresh_from_db()
    assert dossier.eind_toelichting == toelichting
    assert dossier.history.first().history_change_reason.startswith("Beëindigd (Verhuisd naar een andere gemeente)")


def test_a_manager_may_not_end_a_dossier(dossier, manager):
    with pytest.raises(PermissionDenied):
        _beeindig(dossier, manager)
    dossier.refresh_from_db()
    assert dossier.fase == Fase.AANGEMELD


def test_an_ended_dossier_frees_the_person_for_a_new_active_dossier(werkcoach):
    oud = DossierFactory(werkcoach=werkcoach, beeindigd=True)
    nieuw = DossierFactory(werkcoach=werkcoach, inburgeraar=oud.inburgeraar)
    assert nieuw.is_actief


def test_the_phase_cannot_be_assigned_directly(dossier):
    geladen = Dossier.objects.get(pk=dossier.pk)
    with pytest.raises(AttributeError):
        geladen.fase = Fase.AFGEROND
    assert geladen.fase == Fase.AANGEMELD


def test_a_person_has_at_most_one_active_dossier(dossier):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        DossierFactory(inburgeraar=dossier.inburgeraar, werkcoach=dossier.werkcoach)


def test_factory_bsns_are_valid_and_distinct(db):
    from cases.rules import bsn_is_geldig

    bsns = [InburgeraarFactory().bsn for _ in range(5)]
    assert len(set(bsns)) == 5
    assert all(bsn_is_geldig(b) for b in bsns)


def test_history_records_the_acting_user_also_outside_a_web_request(manager, dossier, werkcoach_ander_team):
    services.dossier_toewijzen(
        dossier_id=dossier.pk, versie=dossier.versie, werkcoach=werkcoach_ander_team, reden="", by=manager
    )

    assert dossier.history.first().history_user == manager


def test_a_service_caller_without_an_interpreter_language_is_refused_like_the_form(werkcoach):
    with pytest.raises(ValidationError) as fout:
        services.inburgeraar_met_dossier_aanmaken(
            persoon={"bsn": "999993653", "voornamen": "Yusuf", "geslachtsnaam": "Haddad",
                     "geboortedatum": date(1990, 3, 4), "tolk_nodig": True, "tolk_taal": ""},
            dossier={"doelgroep": Doelgroep.ASIELSTATUSHOUDER, "datum_kennisgeving": date.today() - timedelta(days=5)},
            by=werkcoach,
        )
    assert "tolk_taal" in fout.value.message_dict
    assert not Inburgeraar.objects.exists()
