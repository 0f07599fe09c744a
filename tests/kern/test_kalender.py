"""Table tests for the date conventions (DOMAIN.md §8). Every expected date below was worked out by
hand and checked against Python's `calendar` and dateutil's `easter`, not against `datums`; the
weekday column of the Atw table is asserted against `calendar` as well, to catch typos in the table."""

import calendar
from datetime import date, datetime, timedelta

from django.urls import reverse

import pytest

from inburgering.kalender import datums
from inburgering.kalender.models import GelijkgesteldeDag
from inburgering.kalender.selectors import bezwaar_einde, fatale_datum, gelijkgestelde_dagen

D = date.fromisoformat
WEEKDAGEN = ["ma", "di", "wo", "do", "vr", "za", "zo"]


def weekdag(d: date) -> str:
    return WEEKDAGEN[calendar.weekday(d.year, d.month, d.day)]


# --- weeks --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "n", "verwacht"),
    [
        pytest.param("2025-01-01", 10, "2025-03-12", id="10 weken PIP"),
        pytest.param("2025-12-01", 6, "2026-01-12", id="over jaargrens"),
        pytest.param("2025-12-20", 2, "2026-01-03", id="2 weken over jaargrens"),
        pytest.param("2024-02-15", 2, "2024-02-29", id="schrikkeldag"),
        pytest.param("2025-06-04", 0, "2025-06-04", id="0 weken"),
    ],
)
def test_weken_na(d, n, verwacht):
    assert datums.weken_na(D(d), n) == D(verwacht)


@pytest.mark.parametrize(
    ("bekendmaking", "verwacht"),
    [
        pytest.param("2026-01-28", "2026-03-11", id="42 dagen"),
        pytest.param("2025-11-20", "2026-01-01", id="over jaargrens, zonder Atw"),
        pytest.param("2025-09-06", "2025-10-18", id="zaterdag blijft zaterdag zonder Atw"),
    ],
)
def test_bezwaartermijn_einde_is_bekendmaking_plus_42_dagen(bekendmaking, verwacht):
    assert datums.bezwaartermijn_einde(D(bekendmaking)) == D(verwacht)
    assert (D(verwacht) - D(bekendmaking)).days == 42


def test_bezwaartermijn_einde_andere_lengte():
    assert datums.bezwaartermijn_einde(D("2026-01-28"), weken=2) == D("2026-02-11")


# --- months and years ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "n", "verwacht"),
    [
        pytest.param("2026-08-31", 6, "2027-02-28", id="31 aug + 6 -> 28 feb"),
        pytest.param("2027-08-31", 6, "2028-02-29", id="31 aug + 6 -> 29 feb schrikkeljaar"),
        pytest.param("2025-01-31", 1, "2025-02-28", id="31 jan + 1 -> 28 feb"),
        pytest.param("2024-01-31", 1, "2024-02-29", id="31 jan + 1 -> 29 feb schrikkeljaar"),
        pytest.param("2025-11-30", 3, "2026-02-28", id="30 nov + 3 -> 28 feb"),
        pytest.param("2027-11-30", 3, "2028-02-29", id="30 nov + 3 -> 29 feb schrikkeljaar"),
        pytest.param("2025-05-31", 1, "2025-06-30", id="31 mei + 1 -> 30 jun"),
        pytest.param("2025-03-15", 12, "2026-03-15", id="12 maanden"),
        pytest.param("2025-12-15", 18, "2027-06-15", id="18 maanden schakelvenster"),
        pytest.param("2025-07-10", 0, "2025-07-10", id="0 maanden"),
        pytest.param("2025-03-31", -1, "2025-02-28", id="negatief"),
        pytest.param("2026-01-15", -13, "2024-12-15", id="negatief over jaargrens"),
    ],
)
def test_plus_maanden(d, n, verwacht):
    assert datums.plus_maanden(D(d), n) == D(verwacht)


@pytest.mark.parametrize(
    ("start", "n", "verwacht"),
    [
        pytest.param("2025-01-01", 6, "2025-06-30", id="halfjaar vanaf 1 jan"),
        pytest.param("2025-07-01", 6, "2025-12-31", id="halfjaar vanaf 1 jul"),
        pytest.param("2025-03-15", 6, "2025-09-14", id="midden van de maand"),
        pytest.param("2025-03-01", 6, "2025-08-31", id="1 mrt + 6 -> 31 aug"),
        pytest.param("2026-08-31", 6, "2027-02-28", id="31 aug -> 28 feb (geklemd, geen dag eraf)"),
        pytest.param("2027-08-31", 6, "2028-02-29", id="31 aug -> 29 feb schrikkeljaar"),
        pytest.param("2026-08-30", 6, "2027-02-28", id="30 aug -> 28 feb"),
        pytest.param("2026-08-29", 6, "2027-02-28", id="29 aug -> 28 feb gewoon jaar"),
        pytest.param("2027-08-29", 6, "2028-02-28", id="29 aug -> 28 feb schrikkeljaar (29 feb bestaat)"),
        pytest.param("2026-08-28", 6, "2027-02-27", id="28 aug -> 27 feb"),
        pytest.param("2025-03-01", 12, "2026-02-28", id="jaar vanaf 1 maart"),
        pytest.param("2024-08-31", 18, "2026-02-28", id="schakelvenster 18 maanden vanaf 31 aug"),
        pytest.param("2025-01-31", 1, "2025-02-28", id="31 jan + 1 -> 28 feb"),
    ],
)
def test_periode_maanden_einde_hr_2017_2225(start, n, verwacht):
    """A period of N months ends the day before S's number N months later, or on the last day of that
    month where it has no such day (HR 1-9-2017, ECLI:NL:HR:2017:2225; DOMAIN §8)."""
    assert datums.periode_maanden_einde(D(start), n) == D(verwacht)


@pytest.mark.parametrize(
    ("d", "n", "verwacht"),
    [
        pytest.param("2025-02-28", 12, "2026-02-28", id="PVT 12 maanden na huisvesting"),
        pytest.param("2024-02-29", 12, "2025-02-28", id="vanaf schrikkeldag"),
        pytest.param("2025-10-31", 6, "2026-04-30", id="geklemd"),
    ],
)
def test_vroegste_start_na_maanden(d, n, verwacht):
    assert datums.vroegste_start_na_maanden(D(d), n) == D(verwacht)


@pytest.mark.parametrize(
    ("d", "n", "verwacht"),
    [
        pytest.param("2024-02-29", 1, "2025-02-28", id="29 feb + 1"),
        pytest.param("2024-02-29", 3, "2027-02-28", id="29 feb + 3"),
        pytest.param("2024-02-29", 4, "2028-02-29", id="29 feb + 4"),
        pytest.param("2023-03-01", 3, "2026-03-01", id="1 mrt + 3"),
        pytest.param("2025-12-31", 5, "2030-12-31", id="verjaring 5 jaar"),
    ],
)
def test_plus_jaren(d, n, verwacht):
    assert datums.plus_jaren(D(d), n) == D(verwacht)


# --- inburgeringstermijn ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "laatste_dag", "duo_einddatum"),
    [
        # Feb 2027 has no 29th: the last day of that month, no day taken off (HR 2017:2225).
        pytest.param("2024-02-29", "2027-02-28", "2027-03-01", id="start 29 feb"),
        # Dagtekening 28-02-2028 → start 29-02-2028 → last day 28-02-2031, DUO einddatum 01-03-2031.
        pytest.param("2028-02-29", "2031-02-28", "2031-03-01", id="dagtekening 28 feb 2028"),
        pytest.param("2023-03-01", "2026-02-28", "2026-03-01", id="start 1 mrt"),
        pytest.param("2025-03-01", "2028-02-29", "2028-03-01", id="eindigt op schrikkeldag"),
        pytest.param("2025-01-01", "2027-12-31", "2028-01-01", id="start 1 jan"),
        pytest.param("2022-06-15", "2025-06-14", "2025-06-15", id="gewone dag"),
    ],
)
def test_inburgeringstermijn_wet_11_hr_2017_2225(start, laatste_dag, duo_einddatum):
    """Wet 11: three years from the day after the dagtekening, ending as HR 2017:2225 says."""
    termijn = datums.inburgeringstermijn(D(start))
    assert termijn == (D(laatste_dag), D(duo_einddatum))
    assert termijn.laatste_dag == D(laatste_dag)
    assert termijn.duo_einddatum == D(duo_einddatum)


def test_inburgeringstermijn_andere_duur():
    assert datums.inburgeringstermijn(D("2024-02-29"), jaren=4) == (D("2028-02-28"), D("2028-02-29"))


@pytest.mark.parametrize(
    ("duo_einddatum", "inclusief"),
    [
        pytest.param("2027-02-28", "2027-02-27", id="februari"),
        pytest.param("2028-03-01", "2028-02-29", id="over schrikkeldag"),
        pytest.param("2026-03-01", "2026-02-28", id="over 28 feb"),
        pytest.param("2028-01-01", "2027-12-31", id="over jaargrens"),
    ],
)
def test_duo_einddatum_conversie_heen_en_terug(duo_einddatum, inclusief):
    assert datums.duo_einddatum_naar_inclusief(D(duo_einddatum)) == D(inclusief)
    assert datums.inclusief_naar_duo_einddatum(D(inclusief)) == D(duo_einddatum)
    assert datums.inclusief_naar_duo_einddatum(datums.duo_einddatum_naar_inclusief(D(duo_einddatum))) == D(
        duo_einddatum
    )


# --- holidays -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jaar", "verwacht"),
    [
        pytest.param(2024, "2024-03-31", id="2024"),
        pytest.param(2025, "2025-04-20", id="2025"),
        pytest.param(2026, "2026-04-05", id="2026"),
        pytest.param(2027, "2027-03-28", id="2027"),
        pytest.param(2038, "2038-04-25", id="2038 laatst mogelijk"),
        pytest.param(2285, "2285-03-22", id="2285 vroegst mogelijk"),
    ],
)
def test_pasen(jaar, verwacht):
    assert datums.pasen(jaar) == D(verwacht)
    assert weekdag(D(verwacht)) == "zo"


@pytest.mark.parametrize(
    ("jaar", "verwacht", "dag"),
    [
        pytest.param(2025, "2025-04-26", "za", id="2025: 27 apr is zondag -> za 26 apr"),
        pytest.param(2026, "2026-04-27", "ma", id="2026: ma 27 apr"),
        pytest.param(2031, "2031-04-26", "za", id="2031: 27 apr is zondag"),
        pytest.param(2027, "2027-04-27", "di", id="2027: di 27 apr"),
    ],
)
def test_koningsdag(jaar, verwacht, dag):
    assert datums.koningsdag(jaar) == D(verwacht)
    assert weekdag(D(verwacht)) == dag


def test_feestdagen_2026():
    assert datums.feestdagen(2026) == {
        D("2026-01-01"): "Nieuwjaarsdag",
        D("2026-04-03"): "Goede Vrijdag",
        D("2026-04-06"): "tweede Paasdag",
        D("2026-04-27"): "Koningsdag",
        D("2026-05-05"): "5 mei",
        D("2026-05-14"): "Hemelvaartsdag",
        D("2026-05-25"): "tweede Pinksterdag",
        D("2026-12-25"): "eerste Kerstdag",
        D("2026-12-26"): "tweede Kerstdag",
    }


def test_feestdagen_samenvallend_worden_samengevoegd():
    # 2016: Easter 27 March, Hemelvaartsdag = 5 May.
    assert datums.feestdagen(2016)[D("2016-05-05")] == "5 mei en Hemelvaartsdag"
    assert len(datums.feestdagen(2016)) == 8


def test_feestdagen_geeft_een_kopie():
    datums.feestdagen(2026).clear()
    assert len(datums.feestdagen(2026)) == 9


@pytest.mark.parametrize(
    ("d", "extra", "vrij"),
    [
        pytest.param("2026-03-11", [], False, id="woensdag"),
        pytest.param("2026-03-14", [], True, id="zaterdag"),
        pytest.param("2026-03-15", [], True, id="zondag"),
        pytest.param("2026-04-03", [], True, id="Goede Vrijdag"),
        pytest.param("2026-12-24", [], False, id="24 december"),
        pytest.param("2026-12-31", [], False, id="oudejaarsdag"),
        pytest.param("2026-05-15", [], False, id="vrijdag na Hemelvaart niet in tabel"),
        pytest.param("2026-05-15", ["2026-05-15"], True, id="vrijdag na Hemelvaart in tabel"),
    ],
)
def test_is_atw_dag_vrij(d, extra, vrij):
    assert datums.is_atw_dag_vrij(D(d), {D(x) for x in extra}) is vrij


# --- Algemene termijnenwet on the bezwaartermijn -------------------------------------------------

VRIJDAG_NA_HEMELVAART = {D("2026-05-15"), D("2027-05-07")}

ATW_TABEL = [
    # bekendmaking, 42nd day, its weekday, fatale datum, its weekday, extra days
    pytest.param("2026-01-28", "2026-03-11", "wo", "2026-03-11", "wo", set(), id="gewone woensdag blijft"),
    pytest.param("2025-09-06", "2025-10-18", "za", "2025-10-20", "ma", set(), id="zaterdag -> maandag"),
    pytest.param("2026-02-21", "2026-04-04", "za", "2026-04-07", "di", set(), id="zaterdag voor 2e Paasdag -> dinsdag"),
    pytest.param("2026-02-20", "2026-04-03", "vr", "2026-04-07", "di", set(), id="Goede Vrijdag -> dinsdag na Pasen"),
    pytest.param("2027-11-12", "2027-12-24", "vr", "2027-12-24", "vr", set(), id="24 dec op vrijdag blijft"),
    pytest.param("2027-11-13", "2027-12-25", "za", "2027-12-27", "ma", set(), id="1e Kerstdag op zaterdag -> maandag"),
    pytest.param("2026-11-13", "2026-12-25", "vr", "2026-12-28", "ma", set(), id="1e Kerstdag op vrijdag -> maandag"),
    pytest.param("2026-11-20", "2027-01-01", "vr", "2027-01-04", "ma", set(), id="Nieuwjaarsdag -> maandag"),
    pytest.param("2026-04-03", "2026-05-15", "vr", "2026-05-18", "ma", VRIJDAG_NA_HEMELVAART,
                 id="vrijdag na Hemelvaart gelijkgesteld -> maandag"),
    pytest.param("2026-04-03", "2026-05-15", "vr", "2026-05-15", "vr", set(),
                 id="vrijdag na Hemelvaart niet gelijkgesteld blijft"),
    pytest.param("2026-04-02", "2026-05-14", "do", "2026-05-18", "ma", VRIJDAG_NA_HEMELVAART,
                 id="Hemelvaartsdag met brugdag -> maandag"),
    pytest.param("2026-03-16", "2026-04-27", "ma", "2026-04-28", "di", set(), id="Koningsdag maandag -> dinsdag"),
    pytest.param("2025-03-15", "2025-04-26", "za", "2025-04-28", "ma", set(), id="Koningsdag 2025 zaterdag -> maandag"),
    pytest.param("2026-03-24", "2026-05-05", "di", "2026-05-06", "wo", set(), id="5 mei dinsdag -> woensdag"),
    pytest.param("2025-03-24", "2025-05-05", "ma", "2025-05-06", "di", set(), id="5 mei 2025 (geen lustrum) -> dinsdag"),
    pytest.param("2027-03-24", "2027-05-05", "wo", "2027-05-10", "ma", VRIJDAG_NA_HEMELVAART,
                 id="5 mei, Hemelvaart, brugdag, weekend -> maandag"),
    pytest.param("2026-04-13", "2026-05-25", "ma", "2026-05-26", "di", set(), id="2e Pinksterdag -> dinsdag"),
]


@pytest.mark.parametrize(("bekendmaking", "laatste", "laatste_dag", "fataal", "fatale_dag", "extra"), ATW_TABEL)
def test_bezwaartermijn_met_algemene_termijnenwet(bekendmaking, laatste, laatste_dag, fataal, fatale_dag, extra):
    # The table itself, checked against `calendar` rather than against `datums`.
    assert weekdag(D(laatste)) == laatste_dag
    assert weekdag(D(fataal)) == fatale_dag
    assert (D(laatste) - D(bekendmaking)).days == 42

    einde = datums.bezwaartermijn_einde(D(bekendmaking))
    assert einde == D(laatste)
    assert datums.fatale_datum(einde, atw=True, extra_dagen=extra) == D(fataal)
    assert datums.atw_verleng(einde, extra) == D(fataal)


@pytest.mark.parametrize(("bekendmaking", "laatste", "laatste_dag", "fataal", "fatale_dag", "extra"), ATW_TABEL)
def test_fatale_datum_zonder_atw_is_de_laatste_dag(bekendmaking, laatste, laatste_dag, fataal, fatale_dag, extra):
    assert datums.fatale_datum(D(laatste), atw=False, extra_dagen=extra) == D(laatste)


@pytest.mark.parametrize(
    "functie",
    [
        pytest.param(lambda d: datums.weken_na(d, 1), id="weken_na"),
        pytest.param(lambda d: datums.plus_maanden(d, 1), id="plus_maanden"),
        pytest.param(lambda d: datums.inburgeringstermijn(d), id="inburgeringstermijn"),
        pytest.param(lambda d: datums.fatale_datum(d, atw=False, extra_dagen=()), id="fatale_datum"),
        pytest.param(lambda d: datums.is_atw_dag_vrij(d, ()), id="is_atw_dag_vrij"),
    ],
)
def test_een_datetime_wordt_geweigerd(functie):
    with pytest.raises(TypeError):
        functie(datetime(2026, 3, 11, 23, 30))


# --- database: equated days and the Atw setting ---------------------------------------------------


KB_DAGEN = ["2023-04-28", "2023-05-19", "2024-05-10", "2024-12-27", "2025-05-30",
            "2026-01-02", "2026-05-15", "2027-05-07", "2028-04-28", "2028-05-26"]


@pytest.mark.django_db
def test_gelijkgestelde_dagen_zijn_precies_de_kb_lijsten_atw_art_3_lid_3():
    """Atw art. 3 lid 3: exactly the days the KBs in force equate (DOMAIN §8), none other; later years
    hold the expected Friday after Hemelvaartsdag, marked "verwacht, nog geen KB"."""
    kb = set(GelijkgesteldeDag.objects.filter(verwacht=False).values_list("datum", flat=True))
    assert kb == {D(d) for d in KB_DAGEN}
    verwacht = set(GelijkgesteldeDag.objects.filter(verwacht=True).values_list("datum", flat=True))
    # The migration's own Easter copy agrees with the module, and every expected day is a Friday.
    assert verwacht == {datums.hemelvaartsdag(jaar) + timedelta(days=1) for jaar in range(2029, 2036)}
    assert {weekdag(d) for d in kb | verwacht} == {"vr"}
    assert not GelijkgesteldeDag.objects.filter(datum__year__lt=2023).exists()


@pytest.mark.django_db
def test_bezwaar_na_bekendmaking_20_11_2025_eindigt_05_01_2026_awb_6_7_atw_art_3():
    """Awb 6:7/6:8: last day 01-01-2026 (Nieuwjaarsdag), 02-01-2026 equated by KB, then the weekend."""
    assert bezwaar_einde(D("2025-11-20")) == D("2026-01-05")


@pytest.mark.django_db
def test_een_verwachte_dag_telt_voor_de_burger_niet_voor_de_gemeente():
    """Chosen reading: an expected day (no KB yet) extends the citizen's terms, not the gemeente's."""
    vrijdag = datums.hemelvaartsdag(2030) + timedelta(days=1)
    assert GelijkgesteldeDag.objects.get(datum=vrijdag).verwacht
    donderdag = vrijdag - timedelta(days=1)
    assert gelijkgestelde_dagen(donderdag, vrijdag) == frozenset({vrijdag})
    assert gelijkgestelde_dagen(donderdag, vrijdag, verwacht=False) == frozenset()
    woensdag = donderdag - timedelta(days=1)
    assert fatale_datum(woensdag + timedelta(days=1), atw=True) == vrijdag + timedelta(days=3)
    assert fatale_datum(woensdag + timedelta(days=1), atw=True, verwacht=False) == vrijdag


@pytest.mark.django_db
def test_selector_geeft_dagen_binnen_grenzen_in_een_query(django_assert_num_queries):
    GelijkgesteldeDag.objects.create(datum=D("2026-12-24"), omschrijving="brugdag (test)")
    with django_assert_num_queries(1):
        dagen = gelijkgestelde_dagen(D("2026-05-15"), D("2026-12-24"))
    assert dagen == frozenset({D("2026-05-15"), D("2026-12-24")})  # both bounds inclusive
    assert gelijkgestelde_dagen(D("2026-05-16"), D("2026-12-23")) == frozenset()


@pytest.mark.django_db
def test_selector_en_fatale_datum_samen():
    laatste = datums.bezwaartermijn_einde(D("2026-04-03"))
    extra = gelijkgestelde_dagen(laatste, datums.weken_na(laatste, 2))
    assert datums.fatale_datum(laatste, atw=datums.ATW_BEZWAAR, extra_dagen=extra) == D("2026-05-18")


@pytest.mark.django_db
def test_gelijkgestelde_dag_houdt_historie_bij():
    dag = GelijkgesteldeDag.objects.create(datum=D("2036-05-02"), omschrijving="vrijdag na Hemelvaartsdag",
                                           verwacht=True)
    dag.omschrijving = "vrijdag na Hemelvaartsdag (KB 2036)"
    dag.verwacht = False
    dag.save()
    assert dag.history.count() == 2
    assert "verwacht" not in str(dag)


@pytest.mark.parametrize(
    ("soort", "atw"),
    [
        pytest.param(datums.ATW_BEZWAAR, True, id="bezwaar-atw-art-1-en-5"),
        pytest.param(datums.ATW_ZIENSWIJZE, True, id="zienswijze-atw-art-1-en-5"),
        pytest.param(datums.BEZWAAR_WEKEN, 6, id="bezwaar-6-weken-awb-6-7"),
    ],
)
def test_wettelijke_waarden_staan_in_de_regels_algemene_termijnenwet(soort, atw):
    """Where the Atw applies and how long bezwaar runs are law (Atw art. 1, 4, 5; Awb 6:7), not settings."""
    assert soort == atw


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("naam", "args"),
    [
        pytest.param("admin:kalender_gelijkgesteldedag_changelist", [], id="lijst gelijkgestelde dagen"),
        pytest.param("admin:kalender_gelijkgesteldedag_add", [], id="dag toevoegen"),
    ],
)
def test_beheer_kan_kalender_bewerken(admin_client, naam, args):
    assert admin_client.get(reverse(naam, args=args)).status_code == 200


@pytest.mark.django_db
def test_de_beheerder_houdt_rechten_op_gelijkgestelde_dagen_en_geen_op_de_vervallen_atw_instelling():
    """kalender 0006: where the Atw applies is law; the setting and its permissions are gone."""
    from django.contrib.auth.models import Group, Permission

    rechten = set(Group.objects.get(name="beheerder").permissions.filter(content_type__app_label="kalender")
                  .values_list("codename", flat=True))
    assert {"add_gelijkgesteldedag", "change_gelijkgesteldedag", "view_gelijkgesteldedag"} <= rechten
    assert not Permission.objects.filter(codename__contains="atwinstelling").exists()
