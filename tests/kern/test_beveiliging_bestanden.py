"""Issue 12 item 5: uploads checked by content, limited in size, stored under random names and scanned by
clamd when configured (tested against a small fake clamd speaking the real INSTREAM protocol); generated
PDFs written via a temporary file, with the files of rolled-back transactions removed."""

import errno
import io
import os
import socket
import struct
import threading
import zipfile
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

import pytest

from inburgering.documenten import uploads
from inburgering.documenten.models import Document
from inburgering.documenten.services import document_opslaan, wezen_opruimen
from inburgering.documenten.uploads import clamd_scan, soort_van, upload_controleren
from inburgering.instellingen.models import GemeenteInstellingen

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 20
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def _zip(bestanden: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        for naam, inhoud in bestanden.items():
            archief.writestr(naam, inhoud)
    return buffer.getvalue()


DOCX_TYPEN = (b'<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
              b'officedocument.wordprocessingml.document.main+xml"/></Types>')
DOCX = _zip({"[Content_Types].xml": DOCX_TYPEN, "word/document.xml": b"<w:document/>"})
DOCM = _zip({"[Content_Types].xml": DOCX_TYPEN + b"<Default ContentType='vbaProject'/>",
             "word/document.xml": b"<w:document/>", "word/vbaProject.bin": b"\x00"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})
ODS = _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<office/>"})


@pytest.mark.parametrize(
    ("naam", "inhoud", "extensie"),
    [
        ("brief.pdf", b"%PDF-1.7\n...", "pdf"),
        ("foto.png", PNG, "png"),
        ("foto.jpeg", JPEG, "jpg"),
        ("zonder-extensie", PNG, "png"),  # the content decides, not the name
        ("verslag.docx", DOCX, "docx"),
        ("verslag.odt", ODT, "odt"),
        ("mail.eml", b"From: a@b.nl\r\nSubject: x\r\n\r\nTekst", "txt"),
        ("notitie.txt", "Één regel tekst".encode(), "txt"),
        ("virus.exe", b"MZ\x90\x00\x03", None),
        ("virus.pdf", b"MZ\x90\x00\x03", None),  # an .exe renamed to .pdf
        ("pagina.pdf", b"<html><script>alert(1)</script>", None),
        ("macro.docx", DOCM, None),
        ("rekenblad.odt", ODS, None),
        ("archief.zip", _zip({"a.txt": b"x"}), None),
        ("kapot.docx", b"PK\x03\x04kapot", None),
        ("binair.txt", b"tekst\x00met nul", None),
        ("leeg.txt", b"", None),
        ("mail.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", None),
    ],
)
def test_the_type_is_recognised_by_content(naam, inhoud, extensie):
    soort = soort_van(inhoud, naam)
    assert (soort.extensie if soort else None) == extensie


def test_an_allowed_upload_gets_a_random_name_and_keeps_nothing_of_the_users_name():
    bestand = SimpleUploadedFile("BSN 123456782 Jansen.pdf", b"%PDF-1.7 x")

    soort = upload_controleren(bestand, veld="bijlage")

    assert soort.mime_type == "application/pdf"
    assert bestand.name.endswith(".pdf")
    assert len(bestand.name) == 36
    assert "Jansen" not in bestand.name and "123456782" not in bestand.name


def test_a_file_over_the_limit_is_refused_with_a_dutch_message(settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024

    with pytest.raises(ValidationError) as fout:
        upload_controleren(SimpleUploadedFile("groot.pdf", b"%PDF-" + b"x" * 1024 * 1024), veld="bijlage")

    assert fout.value.message_dict == {"bijlage": ["Het bestand is groter dan 1,0\xa0MB."]}


def test_a_type_not_allowed_is_refused_next_to_the_field():
    with pytest.raises(ValidationError) as fout:
        upload_controleren(SimpleUploadedFile("virus.pdf", b"MZ\x90\x00"), veld="bijlage")

    assert "Dit soort bestand kan niet worden toegevoegd" in fout.value.message_dict["bijlage"][0]


# --- a fake clamd speaking INSTREAM -------------------------------------------------------------------


class NepClamd:
    """Accepts connections, reads `zINSTREAM\\0` and length-prefixed chunks up to a zero length, answers
    like clamd: `stream: OK\\0`, or `stream: Eicar-Test-Signature FOUND\\0` when the EICAR string is in it."""

    def __init__(self, antwoord: bytes | None = None):
        self.sok = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sok.bind(("127.0.0.1", 0))
        self.sok.listen(5)
        self.adres = f"tcp://127.0.0.1:{self.sok.getsockname()[1]}"
        self.ontvangen: list[bytes] = []
        self.antwoord = antwoord
        self.draad = threading.Thread(target=self._dienen, daemon=True)
        self.draad.start()

    def _lees_precies(self, verbinding, n: int) -> bytes:
        data = b""
        while len(data) < n:
            stuk = verbinding.recv(n - len(data))
            if not stuk:
                raise ConnectionError("verbinding gesloten")
            data += stuk
        return data

    def _dienen(self) -> None:
        while True:
            try:
                verbinding, _adres = self.sok.accept()
            except OSError:
                return
            with verbinding:
                assert self._lees_precies(verbinding, 10) == b"zINSTREAM\0"
                inhoud = b""
                while True:
                    (lengte,) = struct.unpack("!L", self._lees_precies(verbinding, 4))
                    if lengte == 0:
                        break
                    inhoud += self._lees_precies(verbinding, lengte)
                self.ontvangen.append(inhoud)
                if self.antwoord is not None:
                    verbinding.sendall(self.antwoord)
                elif EICAR in inhoud:
                    verbinding.sendall(b"stream: Eicar-Test-Signature FOUND\0")
                else:
                    verbinding.sendall(b"stream: OK\0")

    def sluiten(self) -> None:
        self.sok.close()


@pytest.fixture
def clamd(settings):
    server = NepClamd()
    settings.CLAMD_ADDRESS = server.adres
    yield server
    server.sluiten()


def test_the_instream_protocol_sends_the_whole_file_in_chunks(clamd):
    inhoud = os.urandom(10_000)

    assert clamd_scan(inhoud, clamd.adres, blok=1000) is None
    assert clamd.ontvangen == [inhoud]
    assert clamd_scan(b"x" + EICAR, clamd.adres) == "Eicar-Test-Signature"


def test_a_clean_upload_passes_the_scanner(clamd):
    upload_controleren(SimpleUploadedFile("brief.pdf", b"%PDF-1.7 schoon"), veld="bijlage")

    assert clamd.ontvangen == [b"%PDF-1.7 schoon"]


def test_an_infected_upload_is_refused(clamd):
    with pytest.raises(ValidationError) as fout:
        upload_controleren(SimpleUploadedFile("brief.pdf", b"%PDF-1.7 " + EICAR), veld="bijlage")

    assert fout.value.message_dict["bijlage"] == ["Het bestand is geweigerd: de virusscanner vond er een virus in."]


def test_an_unreachable_scanner_refuses_the_upload(settings):
    vrij = socket.socket()
    vrij.bind(("127.0.0.1", 0))
    poort = vrij.getsockname()[1]
    vrij.close()
    settings.CLAMD_ADDRESS = f"tcp://127.0.0.1:{poort}"

    with pytest.raises(ValidationError) as fout:
        upload_controleren(SimpleUploadedFile("brief.pdf", b"%PDF-1.7"), veld="bijlage")

    assert "kan nu niet op virussen worden gecontroleerd" in fout.value.message_dict["bijlage"][0]


def test_a_scanner_error_answer_refuses_the_upload(settings):
    server = NepClamd(antwoord=b"INSTREAM size limit exceeded. ERROR\0")
    settings.CLAMD_ADDRESS = server.adres
    try:
        with pytest.raises(ValidationError, match="kan nu niet op virussen"):
            upload_controleren(SimpleUploadedFile("brief.pdf", b"%PDF-1.7"), veld="bijlage")
    finally:
        server.sluiten()


def test_without_clamd_address_nothing_is_scanned(settings):
    settings.CLAMD_ADDRESS = ""
    assert upload_controleren(SimpleUploadedFile("b.pdf", b"%PDF-1.7 " + EICAR), veld="bijlage").extensie == "pdf"


# --- the notitie page: the error next to the field, the typed text kept --------------------------------


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_the_notitie_page_refuses_a_disguised_file_next_to_the_field_and_keeps_the_text(client, werkcoach, media):
    from tests.factories import DossierFactory
    from tests.handhaving.test_services import openen

    dossier = DossierFactory(werkcoach=werkcoach)
    zaak = openen(dossier, werkcoach)
    client.force_login(werkcoach)

    response = client.post(reverse("handhaving:notitie", args=[zaak.pk]), {
        "datum": "01-01-2026", "tekst": "Mijn lange notitie",
        "bijlage": SimpleUploadedFile("lijst.pdf", b"MZ\x90\x00"),
    })

    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit soort bestand kan niet worden toegevoegd" in html
    assert "Mijn lange notitie" in html
    assert zaak.notities.count() == 0


def test_a_too_large_upload_is_not_written_to_disk_and_refused_next_to_the_field(client, werkcoach, media,
                                                                                settings, monkeypatch):
    from handhaving import services
    from tests.factories import DossierFactory
    from tests.handhaving.test_services import openen

    settings.UPLOAD_MAX_BYTES = 1000
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 100  # through the temporary-file handler
    gezien = {}
    echte = services.upload_controleren

    def spion(bestand, *, veld):
        gezien["geschreven"] = len(Path(bestand.temporary_file_path()).read_bytes())
        gezien["grootte"] = bestand.size
        return echte(bestand, veld=veld)

    monkeypatch.setattr(services, "upload_controleren", spion)
    zaak = openen(DossierFactory(werkcoach=werkcoach), werkcoach)
    client.force_login(werkcoach)

    response = client.post(reverse("handhaving:notitie", args=[zaak.pk]), {
        "datum": "01-01-2026", "tekst": "Mijn getypte tekst",
        "bijlage": SimpleUploadedFile("groot.pdf", b"%PDF-" + b"x" * 50_000),
    })

    html = response.content.decode()
    assert "Het bestand is groter dan 1000\xa0bytes." in html
    assert "Mijn getypte tekst" in html
    assert gezien == {"geschreven": 1001, "grootte": 50_005}
    assert zaak.notities.count() == 0


def test_a_stored_attachment_has_a_random_name_and_downloads_under_the_users_name(client, werkcoach, media):
    from handhaving import services
    from inburgering.kalender.selectors import vandaag
    from tests.factories import DossierFactory
    from tests.handhaving.test_services import openen

    zaak = openen(DossierFactory(werkcoach=werkcoach), werkcoach)
    notitie = services.notitie_toevoegen(zaak_id=zaak.pk, datum=vandaag(), tekst="x", by=werkcoach,
                                         bijlage=SimpleUploadedFile("Jansen.png", PNG))

    assert "Jansen" not in notitie.bijlage.name
    assert notitie.bijlage.name.endswith(".png")
    assert notitie.bijlage_naam == "Jansen.png"
    client.force_login(werkcoach)
    response = client.get(reverse("handhaving:bijlage", args=[zaak.pk, notitie.pk]))
    assert response["Content-Type"] == "image/png"
    assert 'filename="Jansen.png"' in response["Content-Disposition"]


# --- generated PDFs -------------------------------------------------------------------------------------


@pytest.fixture
def opslaan(werkcoach, media):
    def _opslaan() -> Document:
        return document_opslaan(
            template_naam="documenten/test_voorbeeld.html", template_versie="1",
            context={"gemeente": GemeenteInstellingen.huidig(), "aanhef": "heer Jansen", "leerroute": "B1-route",
                     "kenmerk": "PIP-2026-0042"},
            titel="Beschikking", soort="pip_beschikking", by=werkcoach,
        )
    return _opslaan


def _bestanden(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def test_a_full_disk_leaves_no_partial_file(opslaan, media, monkeypatch):
    def vol(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", vol)

    with pytest.raises(OSError, match="No space"):
        opslaan()

    assert _bestanden(media) == []
    assert Document.objects.count() == 0


def test_the_file_of_a_rolled_back_transaction_is_removed(opslaan, media):
    with pytest.raises(RuntimeError), transaction.atomic():
        opslaan()
        raise RuntimeError("de rest van de use case faalt")

    assert Document.objects.count() == 0
    assert len(_bestanden(media)) == 1  # an orphan: no row points to it, so it is never served

    assert wezen_opruimen(ouder_dan=timedelta(0)) == 1
    assert _bestanden(media) == []


def test_cleaning_orphans_keeps_committed_documents_and_young_files(opslaan, media):
    bewaard = opslaan()
    with pytest.raises(RuntimeError), transaction.atomic():
        opslaan()
        raise RuntimeError

    assert wezen_opruimen() == 0  # the grace period: a running transaction's file is not touched
    assert wezen_opruimen(ouder_dan=timedelta(0)) == 1
    assert _bestanden(media) == [Path(bewaard.bestand.path)]


def test_two_documents_with_the_same_name_never_overwrite_each_other(opslaan, media):
    eerste, tweede = opslaan(), opslaan()

    assert eerste.bestand.name != tweede.bestand.name
    assert {p.name for p in _bestanden(media)} == {Path(eerste.bestand.name).name, Path(tweede.bestand.name).name}


def test_the_module_documents_its_allow_list():
    assert "clamd" in uploads.__doc__
    assert "CLAMD_ADDRESS" in Path(__file__).resolve().parents[2].joinpath("README.md").read_text()
