"""The inzageverzoek service (AVG art. 15, issue 13) on the real database: complete (every model the walk
reaches shows up, from the model graph), internal notes withheld only by the setting, the core only after
destruction, the inzagelog, and the two exports (PDF text and JSON shape)."""

import io
import json
from datetime import date

from django.db import transaction

import pytest
from pypdf import PdfReader

from avg import inzage as inzage_service
from avg import persoonsgegevens, services
from cases.models import EindReden, Fase
from inburgering.audit.models import InzageLog
from inburgering.documenten.models import Document
from inburgering.instellingen.models import GemeenteInstellingen
from tests.avg.vullen import alles_vullen
from tests.factories import DossierFactory, InburgeraarFactory

pytestmark = pytest.mark.django_db

BSN = "999990019"
VOORNAAM = "Zwaantje"
ACHTERNAAM = "Inzagetest"


@pytest.fixture(autouse=True)
def eigen_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def persoon(db):
    return InburgeraarFactory(bsn=BSN, voornamen=VOORNAAM, geslachtsnaam=ACHTERNAAM, telefoon="0612398745",
                              straat="Kernstraat", huisnummer="1", postcode="9934AB", woonplaats="Delfzijl")


@pytest.fixture
def volledig(persoon, werkcoach):
    dossier = DossierFactory(inburgeraar=persoon, werkcoach=werkcoach, fase=Fase.AFGEROND,
                             eind_reden=EindReden.VOLDAAN, eind_datum=date(2019, 3, 1))
    gemaakt = alles_vullen(dossier, gebruiker=werkcoach)
    return dossier, gemaakt


def _notities_weglaten(aan: bool) -> None:
    instellingen = GemeenteInstellingen.huidig()
    instellingen.inzage_interne_notities_weglaten = aan
    instellingen.save()


def _pdf_tekst(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((pagina.extract_text() or "").split()) for pagina in reader.pages)


def test_an_unknown_bsn_gives_none(db):
    assert inzage_service.inzage_samenstellen("111222333") is None


def test_the_export_has_a_section_for_every_model_the_walk_reaches(volledig):
    dossier, _gemaakt = volledig
    verzameling = persoonsgegevens.verzamelen(dossier_ids=[dossier.pk], inburgeraar_id=dossier.inburgeraar_id)

    inzage = inzage_service.inzage_samenstellen(BSN)

    secties = {c.model for c in inzage.categorieen}
    bereikt = {m._meta.label for m in verzameling.modellen()} - {"documenten.Document"}
    assert bereikt <= secties  # a new model with a foreign key into a dossier shows up by itself
    assert len(secties) > 25
    assert inzage.categorieen[0].model == "cases.Dossier"
    assert inzage.dossier_ids == [dossier.pk]
    assert {d.id for d in inzage.documenten} == verzameling.rijen[Document]
    assert inzage.naam == f"{VOORNAAM} {ACHTERNAAM}"
    assert {v.naam: v.weergave for v in inzage.persoon.velden}["telefoon"] == "0612398745"
    # Every section names the model in Dutch and every field by its verbose_name.
    contact = next(c for c in inzage.categorieen if c.model == "cases.Contactmoment")
    assert contact.naam == "contactmomenten"
    assert "besproken onderwerpen" in {v.label for v in contact.rijen[0].velden}


def test_technical_fields_are_left_out(volledig):
    inzage = inzage_service.inzage_samenstellen(BSN)

    velden = {(c.model, v.naam) for c in inzage.categorieen for r in c.rijen for v in r.velden}
    assert ("pip_plans.Pip", "versie") in velden  # a PIP's version number is about the person
    for technisch in [("pip_plans.Pip", "wijzigingsnummer"), ("cases.Dossier", "versie"),
                      ("cases.BredeIntake", "versie"), ("handhaving.Notitie", "bijlage"), ("cases.Dossier", "id")]:
        assert technisch not in velden
    assert ("handhaving.Notitie", "bijlage_naam") in velden
    assert not any(c.model == "documenten.Document" for c in inzage.categorieen)


def test_only_live_rows_are_listed_not_history(volledig):
    _dossier, gemaakt = volledig
    werkervaring = next(o for m, o in gemaakt.items() if m._meta.label == "cases.Werkervaring")
    verwijderd = type(werkervaring).objects.create(**{
        f.name: getattr(werkervaring, f.name) for f in type(werkervaring)._meta.concrete_fields if not f.primary_key})
    verwijderd_id = verwijderd.pk
    verwijderd.delete()  # its history rows stay (the walk still finds its id)

    inzage = inzage_service.inzage_samenstellen(BSN)

    rijen = next(c for c in inzage.categorieen if c.model == "cases.Werkervaring").rijen
    assert [r.id for r in rijen] == [werkervaring.pk]
    assert verwijderd_id not in [r.id for r in rijen]


def test_internal_notes_are_in_the_export_unless_the_setting_withholds_them(volledig):
    notities = {"handhaving.Notitie", "leerroutes.OntzorgingNotitie"}
    _notities_weglaten(False)
    inzage = inzage_service.inzage_samenstellen(BSN)
    assert notities <= {c.model for c in inzage.categorieen}
    assert inzage.weggelaten == [] and inzage.weglaatgrond == ""
    assert inzage_service.als_dict(inzage)["weggelaten"] is None

    _notities_weglaten(True)
    inzage = inzage_service.inzage_samenstellen(BSN)

    assert not notities & {c.model for c in inzage.categorieen}
    assert not any(c.model.endswith("Notitie") for c in inzage.categorieen)
    assert inzage.weggelaten == ["coachingsnotities", "notities (handhaving)"]
    assert "artikel 15 lid 4" in inzage.weglaatgrond and "artikel 41" in inzage.weglaatgrond
    tekst = _pdf_tekst(inzage_service.exporteer_pdf(inzage))
    assert "Niet opgenomen" in tekst and "artikel 41" in tekst and "coachingsnotities" in tekst
    weggelaten = json.loads(inzage_service.exporteer_json(inzage))["weggelaten"]
    assert weggelaten["categorieen"] == ["coachingsnotities", "notities (handhaving)"]
    assert "UAVG" in weggelaten["grond"]


def test_the_inzagelog_rows_of_the_persons_dossiers_are_listed(persoon, werkcoach, consulent):
    dossier = DossierFactory(inburgeraar=persoon, werkcoach=werkcoach)
    ander = DossierFactory(werkcoach=werkcoach)
    werkcoach.first_name, werkcoach.last_name = "Wendy", "de Coach"
    werkcoach.save()
    InzageLog.objects.create(gebruiker=werkcoach, dossier_id=dossier.pk, pagina="overzicht", pad="/x/")
    InzageLog.objects.create(gebruiker=consulent, dossier_id=dossier.pk, pagina="gezondheid", pad="/y/")
    InzageLog.objects.create(gebruiker=werkcoach, dossier_id=ander.pk, pagina="overzicht", pad="/z/")

    inzage = inzage_service.inzage_samenstellen(BSN)

    assert [(i.gebruiker, i.dossier, i.pagina) for i in inzage.inzagen] == [
        ("Wendy de Coach", dossier.pk, "overzicht"), (consulent.get_full_name(), dossier.pk, "gezondheid")]
    assert inzage.categorieen[0].rijen[0].id == dossier.pk
    tekst = _pdf_tekst(inzage_service.exporteer_pdf(inzage, kenmerk="Z-2026-17"))
    assert "Wie heeft het dossier ingezien" in tekst and "Wendy de Coach" in tekst and "gezondheid" in tekst


@pytest.mark.django_db(transaction=True)
def test_after_destruction_the_export_holds_the_core_only(persoon, werkcoach):
    dossier = DossierFactory(inburgeraar=persoon, werkcoach=werkcoach, fase=Fase.AFGEROND,
                             eind_reden=EindReden.VOLDAAN, eind_datum=date(2019, 3, 1))
    alles_vullen(dossier, gebruiker=werkcoach)
    InzageLog.objects.create(gebruiker=werkcoach, dossier_id=dossier.pk, pagina="overzicht", pad="/x/")
    with transaction.atomic():
        services.dossier_vernietigen(dossier.pk, peildatum=date.today())

    inzage = inzage_service.inzage_samenstellen(BSN)

    assert inzage.alleen_kerngegevens
    assert inzage.dossier_ids == [] and inzage.categorieen == [] and inzage.documenten == []
    assert {v.naam for v in inzage.persoon.velden} == persoonsgegevens.KERNVELDEN - {"id"}
    assert len(inzage.kerngegevens) == 1
    kern = {v.naam: v.weergave for v in inzage.kerngegevens[0].velden}
    assert kern["dossier_nummer"] == str(dossier.pk) and kern["eind_datum"] == "01-03-2019"
    assert kern["eind_reden"] == EindReden.VOLDAAN.label
    assert [i.dossier for i in inzage.inzagen] == [dossier.pk]  # the log outlives the dossier
    data = json.loads(inzage_service.exporteer_json(inzage))
    assert data["persoon"]["alleen_kerngegevens"] is True and data["categorieen"] == []
    assert "Kerngegevens van vernietigde dossiers" in _pdf_tekst(inzage_service.exporteer_pdf(inzage))


def test_the_pdf_is_readable_dutch_with_the_headings_and_the_name(volledig):
    inzage = inzage_service.inzage_samenstellen(BSN)

    pdf = inzage_service.exporteer_pdf(inzage, kenmerk="Z-2026-17")

    assert pdf.startswith(b"%PDF")
    tekst = _pdf_tekst(pdf)
    for kop in ["Overzicht van uw persoonsgegevens", "Persoonsgegevens", "Contactmomenten", "Brede intakes",
                "Handhavingszaken", "Documenten", "Wie heeft het dossier ingezien", "Kenmerk van het verzoek",
                "Z-2026-17"]:
        assert kop in tekst, kop
    assert f"{VOORNAAM} {ACHTERNAAM}" in tekst
    assert not Document.objects.filter(soort__icontains="inzage").exists()  # streamed, not stored


def test_the_json_parses_and_has_the_documented_keys(volledig):
    dossier, _gemaakt = volledig
    inzage = inzage_service.inzage_samenstellen(BSN)

    data = json.loads(inzage_service.exporteer_json(inzage, kenmerk="Z-2026-17"))

    assert list(data) == ["schema", "samengesteld_op", "kenmerk", "gemeente", "persoon", "kerngegevens",
                          "dossiers", "categorieen", "documenten", "inzagen", "weggelaten"]
    assert data["schema"] == "inburgering.inzageverzoek/1" and data["kenmerk"] == "Z-2026-17"
    assert data["dossiers"] == [dossier.pk]
    persoon = {v["veld"]: v for v in data["persoon"]["velden"]}
    assert persoon["geboortedatum"]["waarde"] == "1990-05-17"  # ISO
    assert persoon["geboortedatum"]["weergave"] == "17-05-1990"
    assert persoon["geslachtsnaam"]["waarde"] == ACHTERNAAM
    assert set(data["categorieen"][0]) == {"model", "naam", "rijen"}
    assert set(data["categorieen"][0]["rijen"][0]) == {"id", "velden"}
    assert set(data["categorieen"][0]["rijen"][0]["velden"][0]) == {"veld", "label", "waarde", "weergave"}
    assert set(data["documenten"][0]) == {"id", "titel", "soort", "datum", "grootte"}
    assert BSN in json.dumps(data)  # the person's own data is in it, of course
