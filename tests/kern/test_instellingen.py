"""Policy settings: the GemeenteInstellingen singleton, the apps' settings beside it, and the AOW age per year."""

from django.core.exceptions import ValidationError

import pytest

from cases import services
from cases.rules import Leeftijd
from inburgering.instellingen.models import AowLeeftijd, GemeenteInstellingen, komma_lijst
from leerroutes.models import LeerroutesInstellingen
from pip_plans.instellingen import PipInstellingen


def test_the_data_migration_creates_the_one_settings_row_with_eemsdelta_defaults(db):
    instellingen = GemeenteInstellingen.objects.get()
    assert instellingen.pk == 1
    assert instellingen.naam == "Gemeente Eemsdelta"
    assert instellingen.minimum_leeftijd == 18


def test_saving_a_new_settings_object_overwrites_the_singleton_instead_of_adding_one(db):
    GemeenteInstellingen(naam="Gemeente Groningen").save()

    assert GemeenteInstellingen.objects.count() == 1
    assert GemeenteInstellingen.objects.get().pk == 1
    assert GemeenteInstellingen.huidig().naam == "Gemeente Groningen"


def test_the_current_settings_are_created_when_missing(db):
    GemeenteInstellingen.objects.all().delete()

    instellingen = GemeenteInstellingen.huidig()

    assert instellingen.pk == 1
    assert GemeenteInstellingen.objects.count() == 1


@pytest.mark.parametrize(("onderwijs", "b1", "z"), [(20, 60, 20), (25, 60, 15), (0, 100, 0)])
def test_a_route_split_adding_up_to_100_is_accepted(db, onderwijs, b1, z):
    instellingen = GemeenteInstellingen(
        verwachting_onderwijsroute=onderwijs, verwachting_b1_route=b1, verwachting_z_route=z
    )
    instellingen.clean()  # does not raise


@pytest.mark.parametrize(("onderwijs", "b1", "z", "totaal"), [(20, 60, 10, 90), (25, 60, 20, 105), (0, 0, 0, 0)])
def test_a_route_split_not_adding_up_to_100_is_refused(db, onderwijs, b1, z, totaal):
    instellingen = GemeenteInstellingen(
        verwachting_onderwijsroute=onderwijs, verwachting_b1_route=b1, verwachting_z_route=z
    )
    with pytest.raises(ValidationError) as excinfo:
        instellingen.clean()
    assert excinfo.value.message_dict["verwachting_z_route"] == [
        f"De verwachte routeverdeling moet samen 100% zijn (nu {totaal}%)."
    ]


def test_full_clean_refuses_a_percentage_above_100(db):
    instellingen = GemeenteInstellingen(verwachting_onderwijsroute=120, verwachting_b1_route=0, verwachting_z_route=0)
    with pytest.raises(ValidationError) as excinfo:
        instellingen.full_clean()
    assert "verwachting_onderwijsroute" in excinfo.value.message_dict


def test_the_aow_ages_2022_to_2030_are_seeded(db):
    rijen = dict(AowLeeftijd.objects.filter(jaar__range=(2022, 2030)).values_list("jaar", "jaren"))
    assert sorted(rijen) == list(range(2022, 2031))
    assert AowLeeftijd.objects.get(jaar=2022).maanden == 7
    assert (AowLeeftijd.objects.get(jaar=2024).jaren, AowLeeftijd.objects.get(jaar=2024).maanden) == (67, 0)
    assert (AowLeeftijd.objects.get(jaar=2028).jaren, AowLeeftijd.objects.get(jaar=2028).maanden) == (67, 3)


def test_the_aow_age_of_a_year_with_a_row_is_that_row(db):
    assert services.aow_leeftijd_in(2023) == Leeftijd(66, 10)
    assert services.aow_leeftijd_in(2030) == Leeftijd(67, 3)


def test_a_later_year_without_a_row_uses_the_latest_earlier_year(db):
    AowLeeftijd.objects.create(jaar=2033, jaren=67, maanden=6)

    assert services.aow_leeftijd_in(2031) == Leeftijd(67, 3)  # from 2030
    assert services.aow_leeftijd_in(2033) == Leeftijd(67, 6)
    assert services.aow_leeftijd_in(2040) == Leeftijd(67, 6)  # from 2033


def test_a_year_before_every_row_has_no_aow_age(db):
    eerste = AowLeeftijd.objects.order_by("jaar").first().jaar
    assert services.aow_leeftijd_in(eerste - 1) is None
    assert services.aow_leeftijd_in(eerste) is not None


# --- the apps' own policy settings, one row each beside the singleton -------------------------------
APP_INSTELLINGEN = [PipInstellingen, LeerroutesInstellingen]


@pytest.mark.parametrize("model", APP_INSTELLINGEN)
def test_the_data_migration_gives_every_app_its_settings_row_beside_the_singleton(db, model):
    instellingen = model.objects.get()
    assert instellingen.gemeente_id == GemeenteInstellingen.PK
    assert instellingen == model.huidig()


@pytest.mark.parametrize("model", APP_INSTELLINGEN)
def test_an_apps_settings_are_created_with_their_defaults_when_missing(db, model):
    GemeenteInstellingen.objects.all().delete()  # cascades to the apps' rows

    instellingen = model.huidig()

    assert instellingen.gemeente_id == GemeenteInstellingen.PK
    assert model.objects.count() == GemeenteInstellingen.objects.count() == 1


def test_the_pip_settings_hold_the_eemsdelta_defaults(db):
    instellingen = PipInstellingen.huidig()
    assert (instellingen.voortgangsgesprek_weken, instellingen.ontzorging_maanden) == (8, 6)


@pytest.mark.parametrize(("model", "veld"), [
    pytest.param(GemeenteInstellingen, "bezwaar_weken", id="bezwaar-6-weken-awb-6-7"),
    pytest.param(PipInstellingen, "pip_termijn_weken", id="pip-10-weken-besluit-5-3-lid-1"),
    pytest.param(PipInstellingen, "pip_verlenging_weken", id="pip-verlenging-besluit-5-3-lid-2"),
    pytest.param(PipInstellingen, "inburgeringstermijn_jaren", id="inburgeringstermijn-wet-11"),
    pytest.param(PipInstellingen, "schakel_maanden", id="schakelen-besluit-5-4"),
])
def test_statutory_terms_are_not_settings(model, veld):
    """Values the law fixes live in the rules with their article, not as editable settings (issue 10 item 5)."""
    assert veld not in {f.name for f in model._meta.get_fields()}


def test_the_leerroutes_settings_hold_the_eemsdelta_defaults_and_split_their_lists(db):
    instellingen = LeerroutesInstellingen.huidig()
    assert (instellingen.pvt_start_maanden_na_huisvesting, instellingen.map_norm_uren) == (12, 40)
    assert instellingen.z_route_telt_intake_uren and instellingen.z_route_telt_participatiewet
    assert instellingen.z_route_telt_mb
    assert instellingen.pvt_extra_themas_lijst == ["seksuele diversiteit", "gezondheid", "man/vrouw-relatie"]
    assert instellingen.ontzorging_vaste_lasten_lijst == [
        "huur", "gas", "water", "stroom", "verplichte zorgverzekering"]


@pytest.mark.parametrize(("tekst", "lijst"), [
    ("a, b, c", ["a", "b", "c"]),
    (" a ,, b ,", ["a", "b"]),
    ("", []),
    (" , ", []),
])
def test_a_comma_separated_setting_is_split_into_its_non_empty_parts(tekst, lijst):
    assert komma_lijst(tekst) == lijst


def test_the_moved_fields_are_no_longer_on_the_singleton():
    velden = {veld.name for veld in GemeenteInstellingen._meta.get_fields()}
    verplaatst = {veld.name for model in APP_INSTELLINGEN for veld in model._meta.concrete_fields} - {"id", "gemeente"}
    assert velden & verplaatst == set()


@pytest.mark.parametrize(("maanden", "fout"), [
    pytest.param(6, False, id="zes-maanden-pw-56a"),
    pytest.param(7, True, id="langer-dan-de-wet"),
])
def test_ontzorging_setting_may_not_exceed_the_legal_six_months_participatiewet_56a(db, maanden, fout):
    instellingen = PipInstellingen.huidig()
    instellingen.ontzorging_maanden = maanden
    if fout:
        with pytest.raises(ValidationError) as e:
            instellingen.full_clean()
        assert "Participatiewet art. 56a" in str(e.value.message_dict["ontzorging_maanden"])
    else:
        instellingen.full_clean()
