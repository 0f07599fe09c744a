"""The providers against the database: what each kind finds, within the access rules, capped."""

import pytest

from inburgering import overal_zoeken
from tests.factories import (
    BeheerderFactory,
    DossierFactory,
    HandhavingszaakFactory,
    InburgeraarFactory,
    PipFactory,
    WerkcoachFactory,
)

from .maak import brief


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def groepen(user, term, **kwargs) -> dict[str, overal_zoeken.Groep]:
    return {g.sleutel: g for g in overal_zoeken.zoeken(user, term, token="tok", **kwargs)}


def ids(groep) -> list[int]:
    return [t.dossier_id for t in groep.treffers]


def test_a_werkcoach_finds_own_and_team_dossiers_by_name_not_another_teams(werkcoach, collega, werkcoach_ander_team):
    eigen = DossierFactory(werkcoach=werkcoach, inburgeraar__geslachtsnaam="Haddad")
    team = DossierFactory(werkcoach=collega, inburgeraar__geslachtsnaam="Haddadi")
    DossierFactory(werkcoach=werkcoach_ander_team, inburgeraar__geslachtsnaam="Haddad")

    gevonden = groepen(werkcoach, "hadd")["dossiers"]

    assert sorted(ids(gevonden)) == sorted([eigen.pk, team.pk])
    assert not gevonden.meer


def test_a_manager_finds_every_dossier_and_the_groups_come_in_order(manager, werkcoach, werkcoach_ander_team):
    a = DossierFactory(werkcoach=werkcoach, inburgeraar__geslachtsnaam="Haddad")
    b = DossierFactory(werkcoach=werkcoach_ander_team, inburgeraar__geslachtsnaam="Haddad")

    uitkomst = overal_zoeken.zoeken(manager, "Haddad")

    assert [g.sleutel for g in uitkomst] == ["dossiers", "pips", "handhaving", "brieven"]
    assert sorted(ids(uitkomst[0])) == sorted([a.pk, b.pk])


def test_a_bsn_matches_exactly_and_only_when_it_passes_the_elfproef(consulent, werkcoach):
    persoon = InburgeraarFactory(bsn="111222333")
    dossier = DossierFactory(werkcoach=werkcoach, inburgeraar=persoon)
    DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(bsn="999111333"))

    assert ids(groepen(consulent, "111 222 333")["dossiers"]) == [dossier.pk]
    assert ids(groepen(consulent, "222333")["dossiers"]) == []  # no partial BSN here
    persoon.bsn = "111222334"  # stored without the elfproef (test data): never found by a typed invalid BSN
    persoon.save()
    assert ids(groepen(consulent, "111222334")["dossiers"]) == []


def test_a_v_nummer_matches_exactly(consulent, werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, inburgeraar__v_nummer="1234567890")
    DossierFactory(werkcoach=werkcoach, inburgeraar__v_nummer="1234567891")

    assert ids(groepen(consulent, "1234567890")["dossiers"]) == [dossier.pk]
    assert ids(groepen(consulent, "123456789")["dossiers"]) == []


def test_each_group_is_capped_and_says_there_are_more_with_a_link_into_the_dossier_list(consulent, werkcoach):
    for _ in range(4):
        DossierFactory(werkcoach=werkcoach, inburgeraar__geslachtsnaam="Haddad")

    gevonden = groepen(consulent, "Haddad", limiet=3)["dossiers"]

    assert len(gevonden.treffers) == 3 and gevonden.meer
    assert gevonden.meer_url == "/dossiers/?zoekopdracht=tok&bereik=alle"
    assert not groepen(consulent, "Haddad", limiet=4)["dossiers"].meer


def test_a_hit_shows_the_masked_bsn_never_the_full_one(consulent, werkcoach):
    DossierFactory(werkcoach=werkcoach, inburgeraar=InburgeraarFactory(bsn="111222333", geslachtsnaam="Haddad"))

    treffer = groepen(consulent, "Haddad")["dossiers"].treffers[0]

    assert "111222333" not in treffer.titel + treffer.toelichting
    assert "2333" in treffer.toelichting


def test_a_pip_is_found_by_its_kenmerk_within_access(werkcoach, werkcoach_ander_team):
    eigen = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach)
    vreemd = PipFactory(vastgesteld=True, dossier__werkcoach=werkcoach_ander_team)

    gevonden = groepen(werkcoach, eigen.kenmerk.lower())["pips"]

    assert [t.titel for t in gevonden.treffers] == [eigen.kenmerk]
    assert gevonden.treffers[0].url == f"/pip/{eigen.pk}/"
    assert groepen(werkcoach, vreemd.kenmerk)["pips"].treffers == []
    assert groepen(werkcoach, f"PIP-{eigen.dossier_id}-9")["pips"].treffers == []


def test_a_handhavingszaak_is_found_by_its_kenmerk_also_as_on_a_letter(consulent, werkcoach, werkcoach_ander_team):
    zaak = HandhavingszaakFactory(dossier__werkcoach=werkcoach)
    vreemd = HandhavingszaakFactory(dossier__werkcoach=werkcoach_ander_team)

    assert [t.url for t in groepen(werkcoach, zaak.kenmerk)["handhaving"].treffers] == [f"/handhaving/{zaak.pk}/"]
    assert [t.titel for t in groepen(werkcoach, f"{zaak.kenmerk}-W")["handhaving"].treffers] == [zaak.kenmerk]
    assert groepen(werkcoach, vreemd.kenmerk)["handhaving"].treffers == []
    assert groepen(consulent, vreemd.kenmerk)["handhaving"].treffers[0].dossier_id == vreemd.dossier_id
    # the zaak's number under another dossier finds nothing
    assert groepen(consulent, f"HH-{zaak.dossier_id + 1000}-{zaak.pk}")["handhaving"].treffers == []


def test_letters_are_found_by_kenmerk_exact_or_all_of_a_zaak(werkcoach, werkcoach_ander_team):
    dossier = DossierFactory(werkcoach=werkcoach)
    w = brief(dossier, kenmerk="HH-5-7-W", titel="Waarschuwing")
    brief(dossier, kenmerk="HH-5-7-V", titel="Voornemen")
    brief(dossier, kenmerk="HH-5-77-W")  # another zaak
    brief(DossierFactory(werkcoach=werkcoach_ander_team), kenmerk="HH-5-7-B")  # not visible

    assert {t.titel for t in groepen(werkcoach, "hh-5-7")["brieven"].treffers} == {
        "HH-5-7-W: Waarschuwing", "HH-5-7-V: Voornemen"}
    assert [t.dossier_id for t in groepen(werkcoach, "HH-5-7-W")["brieven"].treffers] == [w.dossier_id]
    assert groepen(werkcoach, "Haddad")["brieven"].treffers == []  # a name is no kenmerk


def test_a_role_without_dossiers_has_no_provider(db):
    beheerder = BeheerderFactory()
    assert overal_zoeken.aanbieders_voor(beheerder) == []
    assert {a.sleutel for a in overal_zoeken.aanbieders_voor(WerkcoachFactory())} == {
        "dossiers", "pips", "handhaving", "brieven"}
