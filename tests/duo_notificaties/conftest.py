import json
import uuid
from datetime import date

import pytest

from cases import persoonsbron
from cases.persoonsbron import Persoonsgegevens
from tests.standins import DUO_OIN, DUO_OIN_GEMEENTE

TOKEN = "test-duo-notificatie"  # inburgering.settings.test
BSN_NIEUW = "999990093"  # Samir Osman: in the BRP and DUO stand-ins (demo_nieuw)
PAD = "/duo/notificaties"


def headers(bericht_id: str | None = None, *, bron: str = DUO_OIN, doel: str = DUO_OIN_GEMEENTE,
            token: str | None = TOKEN) -> dict:
    kop = {"bron": bron, "doel": doel, "berichtId": bericht_id or str(uuid.uuid4())}
    if token:
        kop["Authorization"] = f"Token {token}"
    return kop


def body(gebeurtenis: str = "SS139", bsn: str = BSN_NIEUW, tijd: str = "2026-11-30T10:15:00+01:00", **extra) -> dict:
    return {"registratieDatumTijd": tijd, "gebeurtenisId": gebeurtenis, "bsn": bsn, **extra}


def posten(client, inhoud, **kwargs):
    return client.post(PAD, data=json.dumps(inhoud) if not isinstance(inhoud, (str, bytes)) else inhoud,
                        content_type="application/json", headers=headers(**kwargs))


class StubBrp:
    """A person source for the service tests (the real BRP client is tested against its stand-in)."""

    naam = "BRP (stub)"

    def __init__(self, personen: dict[str, Persoonsgegevens]):
        self.personen = personen

    def opvragen(self, bsns):
        return {bsn: self.personen[bsn] for bsn in bsns if bsn in self.personen}


def samir(bsn: str = BSN_NIEUW) -> Persoonsgegevens:
    return Persoonsgegevens(bsn=bsn, voornamen="Samir", geslachtsnaam="Osman", geboortedatum=date(1995, 3, 2),
                            geslacht="M", nationaliteit="Syrische", straat="Kerkstraat", huisnummer="1",
                            postcode="9934AA", woonplaats="Delfzijl", adresregels=("Kerkstraat 1", "9934 AA Delfzijl"),
                            gemeente_code="1979", gemeente_naam="Eemsdelta",
                            datum_inschrijving_gemeente=date(2025, 1, 20))


@pytest.fixture
def stub_brp(monkeypatch):
    bron = StubBrp({BSN_NIEUW: samir()})
    monkeypatch.setattr(persoonsbron, "_BRON", [bron])
    return bron


@pytest.fixture
def koppelbeheerder(db):
    from inburgering.accounts.roles import Rol
    from tests.factories import UserFactory

    return UserFactory(username="koppelbeheer", team=None, rol=Rol.KOPPELBEHEER)
