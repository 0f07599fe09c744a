"""Every letter to an inburgeraar carries the return address and the addressee block (the BRP's adressering,
or the address typed by hand), the gemeente's letterhead, the contact person and its own kenmerk (issue 15);
read back from the PDF text, and the PDF stays PDF/A-2a."""

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from handhaving import services as hh
from pip_plans import services as pip_services
from pip_plans.rules import Leerroute, Niveau
from tests import klok, versies
from tests.factories import BredeIntakeFactory, DossierFactory, InburgeraarFactory, UitnodigingFactory
from tests.handhaving.test_services import invoer, openen, tot_voornemen, versie

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


def tekst(document) -> str:
    with document.bestand.open("rb") as bestand:
        reader = PdfReader(io.BytesIO(bestand.read()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def pdf_a(document) -> bool:
    with document.bestand.open("rb") as bestand:
        xmp = PdfReader(io.BytesIO(bestand.read())).xmp_metadata
    return (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("2", "A")


def uit_brp(**kwargs):
    return InburgeraarFactory(voornamen="Amina", geslachtsnaam="Haddad", bron="brp", adresregel1="Oude Schans 12",
                              adresregel2="9934 AB  DELFZIJL", **kwargs)


def assert_kop(inhoud: str, *, kenmerk: str, werkcoach) -> None:
    assert "Retouradres: Postbus 0000, 9930 AA Delfzijl" in inhoud
    assert "Amina Haddad Oude Schans 12 9934 AB DELFZIJL" in inhoud  # the envelope window, in this order
    assert f"Ons kenmerk {kenmerk}" in inhoud
    # pypdf splits some kerned pairs ("T est"): compare this line without spaces
    assert f"Contactpersoon{werkcoach.get_full_name()},telefoon140596".replace(" ", "") in inhoud.replace(" ", "")
    assert "Gemeente Eemsdelta" in inhoud


def test_the_pip_beschikking(werkcoach, consulent):
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach,
                                 dossier__inburgeraar=uit_brp()).dossier
    pip = pip_services.pip_opstellen(dossier_id=dossier.pk, by=werkcoach, gegevens={
        "leerroute": Leerroute.ONDERWIJS, "niveau": Niveau.B1, "aanbieder": "Noorderpoort"})
    pip_services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    pip = pip_services.pip_vaststellen(pip_id=pip.pk, dagtekening=VANDAAG, bekendmaking=VANDAAG,
                                       versie=versies.van(pip), by=consulent)

    inhoud = tekst(pip.document)
    assert_kop(inhoud, kenmerk=f"PIP-{dossier.pk}-1", werkcoach=werkcoach)
    assert pdf_a(pip.document)


@pytest.fixture
def zaak(werkcoach):
    dossier = DossierFactory(werkcoach=werkcoach, fase="intake", doelgroep="Gezinsvormer", inburgeraar=uit_brp())
    UitnodigingFactory(dossier=dossier, volgnummer=1, verschenen=False)
    UitnodigingFactory(dossier=dossier, volgnummer=2, verschenen=False, waarschuwing_op=VANDAAG - timedelta(days=25),
                       verzonden_op=VANDAAG - timedelta(days=25), gesprek_op=VANDAAG - timedelta(days=20))
    return openen(dossier, werkcoach)


def test_the_handhaving_letters_each_have_their_own_kenmerk(zaak, werkcoach, consulent):
    from handhaving.models import Handhavingszaak

    zaak = tot_voornemen(zaak, werkcoach, consulent)
    Handhavingszaak.objects.filter(pk=zaak.pk).update(zienswijze_einde=VANDAAG - timedelta(days=1))
    zaak = hh.besluit_nemen(zaak_id=zaak.pk, versie=versie(zaak), invoer=invoer(), by=consulent)
    zaak.refresh_from_db()
    basis = f"HH-{zaak.dossier_id}-{zaak.pk}"
    for document, letter in ((zaak.waarschuwing_document, "W"), (zaak.voornemen_document, "V"),
                             (zaak.besluit_document, "B")):
        inhoud = tekst(document)
        assert_kop(inhoud, kenmerk=f"{basis}-{letter}", werkcoach=werkcoach)
        assert pdf_a(document)


def test_a_person_typed_by_hand_gets_the_typed_address(werkcoach):
    persoon = InburgeraarFactory(straat="Molenweg", huisnummer="3", postcode="9901AA", woonplaats="Appingedam")
    assert persoon.adresregels == ["Molenweg 3", "9901AA Appingedam"]
    assert InburgeraarFactory().adresregels == []
