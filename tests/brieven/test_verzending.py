"""Verzending and bekendmaking (issue 15): a beschikking by post waits for the print batch; the postkamer
composes one PDF/A of every waiting letter with a verzendlijst, posts it and confirms the day — that day is
the bekendmaking, and the bezwaartermijn is computed from it. A letter is in one batch only; no letter by
post without an address. Service tests on the real database."""

import io
from datetime import date, timedelta
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError

import pytest
from pypdf import PdfReader

from cases.models import Inburgeraar
from inburgering.accounts.roles import Rol
from inburgering.audit.models import Beveiligingslog, Gebeurtenis
from inburgering.documenten import verzending
from inburgering.documenten.models import Document, VerzendStatus, VerzendWijze
from inburgering.kalender.selectors import bezwaar_einde
from pip_plans import services
from pip_plans.models import Pip
from pip_plans.rules import Leerroute, Niveau
from pip_plans.termijnen import PipTermijn
from tests import klok, versies
from tests.factories import BredeIntakeFactory, UserFactory

pytestmark = pytest.mark.django_db


@klok.per_test
def _datums() -> None:
    global VANDAAG
    VANDAAG = date.today()


@pytest.fixture
def postkamer(db):
    return UserFactory(username="post", team=None, rol=Rol.POSTKAMER)


def vastgesteld(werkcoach, consulent, *, naam="Haddad", adres=True, per_post=True):
    persoon = {"dossier__inburgeraar__geslachtsnaam": naam}
    if adres:
        persoon.update({"dossier__inburgeraar__adresregel1": "Oude Schans 12",
                        "dossier__inburgeraar__adresregel2": "9934 AB  DELFZIJL"})
    dossier = BredeIntakeFactory(afgerond=True, dossier__werkcoach=werkcoach, **persoon).dossier
    pip = services.pip_opstellen(dossier_id=dossier.pk, by=werkcoach, gegevens={
        "leerroute": Leerroute.B1, "niveau": Niveau.B1, "aanbieder": "Noorderpoort"})
    services.pip_indienen(pip_id=pip.pk, by=werkcoach)
    return services.pip_vaststellen(pip_id=pip.pk, dagtekening=VANDAAG - timedelta(days=3), per_post=per_post,
                                    bekendmaking=None if per_post else VANDAAG - timedelta(days=2),
                                    versie=versies.van(pip), by=consulent)


def tekst(document) -> str:
    with document.bestand.open("rb") as bestand:
        reader = PdfReader(io.BytesIO(bestand.read()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages), reader


def test_by_post_the_beschikking_waits_and_has_no_bezwaartermijn_yet(werkcoach, consulent):
    pip = vastgesteld(werkcoach, consulent)
    assert (pip.bekendmaking, pip.bezwaar_einde) == (None, None)
    wacht = pip.document.verzending
    assert (wacht.wijze, wacht.status, wacht.batch_id, wacht.kenmerk) == (
        VerzendWijze.POST, VerzendStatus.AANGEMAAKT, None, pip.kenmerk)
    assert not pip.dossier.termijnen.filter(soort=PipTermijn.BEZWAAR).exists()
    inhoud, _reader = tekst(pip.document)
    assert "dat is de dag waarop wij het naar u hebben verstuurd" in inhoud


def test_handed_over_the_bekendmaking_is_the_handover_date(werkcoach, consulent):
    pip = vastgesteld(werkcoach, consulent, per_post=False)
    assert pip.bekendmaking == VANDAAG - timedelta(days=2)
    assert pip.document.verzending.status == VerzendStatus.VERZONDEN
    assert not verzending.wachtend().exists()


def test_no_letter_by_post_without_an_address(werkcoach, consulent):
    with pytest.raises(ValidationError) as fout:
        vastgesteld(werkcoach, consulent, adres=False)
    assert "geen adres" in fout.value.message_dict["verzendwijze"][0]
    assert not Pip.objects.filter(status="vastgesteld").exists()  # nothing half-saved


def test_the_batch_holds_every_waiting_letter_once(werkcoach, consulent, postkamer):
    eerste = vastgesteld(werkcoach, consulent, naam="Haddad")
    tweede = vastgesteld(werkcoach, consulent, naam="Tesfay")

    batch = verzending.batch_samenstellen(door=postkamer)

    assert set(batch.verzendingen.values_list("document_id", flat=True)) == {eerste.document_id, tweede.document_id}
    inhoud, reader = tekst(batch.bundel)
    assert "Haddad" in inhoud and "Tesfay" in inhoud
    assert (reader.xmp_metadata.pdfaid_part, reader.xmp_metadata.pdfaid_conformance) == ("2", "A")
    lijst, _reader = tekst(batch.verzendlijst)
    assert eerste.kenmerk in lijst and tweede.kenmerk in lijst
    assert "Haddad" not in lijst  # kenmerken only
    with pytest.raises(ValidationError, match="geen brieven"):
        verzending.batch_samenstellen(door=postkamer)
    assert Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.EXPORT, details__soort="printbatch").exists()


def test_only_the_postkamer_composes_and_confirms(werkcoach, consulent):
    vastgesteld(werkcoach, consulent)
    with pytest.raises(PermissionDenied):
        verzending.batch_samenstellen(door=consulent)


def test_confirming_the_posting_makes_that_day_the_bekendmaking(werkcoach, consulent, postkamer, settings, tmp_path,
                                                                django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    pip = vastgesteld(werkcoach, consulent)
    batch = verzending.batch_samenstellen(door=postkamer)
    bundel_pad = Path(batch.bundel.bestand.path)
    gepost = VANDAAG

    with pytest.raises(ValidationError) as fout:
        verzending.batch_bevestigen(batch_id=batch.pk, gepost_op=VANDAAG + timedelta(days=1),
                                    versie=versies.van(batch), door=postkamer)
    assert "toekomst" in fout.value.message_dict["gepost_op"][0]
    with django_capture_on_commit_callbacks(execute=True):
        verzending.batch_bevestigen(batch_id=batch.pk, gepost_op=gepost, versie=versies.van(batch), door=postkamer)

    pip.refresh_from_db()
    assert pip.bekendmaking == gepost
    assert pip.bezwaar_einde == bezwaar_einde(gepost)
    termijn = pip.dossier.termijnen.get(soort=PipTermijn.BEZWAAR)
    assert termijn.fatale_datum == pip.bezwaar_einde
    brief = pip.document.verzending
    brief.refresh_from_db()
    assert (brief.status, brief.verzonden_op) == (VerzendStatus.VERZONDEN, gepost)
    batch.refresh_from_db()
    assert batch.bundel_id is None and not bundel_pad.exists()  # the many-person bundle is gone
    assert Document.objects.filter(pk=batch.verzendlijst_id).exists()  # the proof of posting stays
    assert Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.VERZONDEN).count() == 1
    with pytest.raises(ValidationError):
        verzending.batch_bevestigen(batch_id=batch.pk, gepost_op=gepost, versie=versies.van(batch), door=postkamer)


def test_a_batch_cannot_be_posted_before_it_was_composed(werkcoach, consulent, postkamer):
    vastgesteld(werkcoach, consulent)
    batch = verzending.batch_samenstellen(door=postkamer)
    with pytest.raises(ValidationError) as fout:
        verzending.batch_bevestigen(batch_id=batch.pk, gepost_op=VANDAAG - timedelta(days=1),
                                    versie=versies.van(batch), door=postkamer)
    assert "samengesteld" in fout.value.message_dict["gepost_op"][0]


def test_a_person_without_address_is_refused_at_the_field(werkcoach, consulent):
    assert Inburgeraar(straat="", woonplaats="").adresregels == []
