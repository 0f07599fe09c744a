"""The app's data in DUO's vocabulary (duo-m2m/*/openapi.yml): pure functions, facts in, message out.

The app already speaks DUO's words where it can (leerroute B/O/Z, niveau A2/B1, alfabetisering A/AA/NVT),
so most of the mapping is naming. What is a choice of ours is written down here:
- a PUT of MAP / PVT / Z-route replaces the whole resource at DUO: the body is the full current state;
- the hours are totals per DUO category (a PUT replaces them), whole hours rounded down (DUO: int32), from the
  app's ledger (leerroutes.Uren): "taalles en KNM tijdens de brede intake" = taal/KNM hours marked as during the
  intake; "participatieactiviteiten tijdens de brede intake" = participation hours during the intake;
  "participatie als taalles" = participation hours after the intake (the Z-route's participation that counts
  as language practice). MAP, PVT, maatschappelijke begeleiding and Participatiewet hours are not DUO's;
- `verwijtbaar` is never sent: the app does not record it, so a date past the end of the termijn is stopped by
  the pre-flight check (duo/controle.py) instead of being sent without it.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .models import Soort

# soort -> (HTTP method, path under DUO_URL, the path template as it stands in the contract, contract folder)
ROUTES: dict[str, tuple[str, str, str, str]] = {
    Soort.PIP: ("POST", "/personen/{bsn}/PIP", "/personen/{bsn}/PIP", "PIP"),
    Soort.MAP: ("PUT", "/personen/{bsn}/map", "/personen/{bsn}/map", "MAP-PVT-Zroute"),
    Soort.PVT: ("PUT", "/personen/{bsn}/pvt", "/personen/{bsn}/pvt", "MAP-PVT-Zroute"),
    Soort.ZROUTE: ("PUT", "/personen/{bsn}/zroute", "/personen/{bsn}/zroute", "MAP-PVT-Zroute"),
    Soort.UREN_TAALLES: ("PUT", "/personen/{bsn}/uren/participatietaalles",
                         "/personen/{bsn}/uren/participatietaalles", "GevolgdeUren"),
    Soort.UREN_ACTIVITEITEN: ("PUT", "/personen/{bsn}/uren/participatieactiviteiten",
                              "/personen/{bsn}/uren/participatieactiviteiten", "GevolgdeUren"),
    Soort.UREN_INTAKE: ("PUT", "/personen/{bsn}/uren/bredeintake/taallesknm",
                        "/personen/{bsn}/uren/bredeintake/taallesknm", "GevolgdeUren"),
    Soort.INBURGERINGSAANBOD: ("POST", "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}",
                               "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}", "Inburgeringsaanbod"),
    # The link of a person to the werkcoach's contactpersoon at DUO: {id} is DUO's id of the werkcoach, known
    # only once the werkcoach is registered there (POST /contactpersonen), so it is filled in at sending.
    Soort.CONTACTPERSOON: ("POST", "/contactpersonen/{id}/personen/{bsn}", "/contactpersonen/{id}/personen/{bsn}",
                           "Contactpersoon"),
}
CONTACTPERSOON_REGISTREREN = ("POST", "/contactpersonen", "/contactpersonen", "Contactpersoon")

# the app's uren categories -> DUO's (see the module docstring); (categorie, tijdens_intake)
UREN_SOORTEN: dict[str, tuple[str, bool]] = {
    Soort.UREN_INTAKE: ("taal_knm", True),
    Soort.UREN_ACTIVITEITEN: ("participatie", True),
    Soort.UREN_TAALLES: ("participatie", False),
}


def pad(soort: str, **delen: str) -> str:
    """The path of a message; `{id}` of the contactpersoon link stays a placeholder until sending."""
    sjabloon = ROUTES[soort][1]
    return sjabloon.format(**{"id": "{id}", **delen})


def methode(soort: str) -> str:
    return ROUTES[soort][0]


@dataclass(frozen=True)
class PipFeiten:
    dagtekening: date
    leerroute: str  # B / O / Z (pip_plans.rules.Leerroute)
    niveau: str = ""  # A2 / B1 / ""
    alfabetisering: str = "NVT"  # A / AA / NVT
    b1_intensiteit: int | None = None
    mag_opleiding_afmaken: bool = False


def pip_body(feiten: PipFeiten) -> dict:
    """DUO's `PIP`. Without a niveau DUO records B1 for the B- and O-route: an empty niveau is left out."""
    body: dict = {
        "dagtekeningPip": feiten.dagtekening.isoformat(),
        "leerroute": feiten.leerroute,
        "indicatorAlfabetiseringsonderwijs": feiten.alfabetisering or "NVT",
        "indicatorMagOpleidingAfmaken": bool(feiten.mag_opleiding_afmaken),
    }
    if feiten.niveau:
        body["niveau"] = feiten.niveau
    if feiten.b1_intensiteit:
        body["geschatteIntensiteitB1Route"] = int(feiten.b1_intensiteit)
    return body


def map_body(datum: date | None) -> dict:
    return {"datumEindgesprekMap": datum.isoformat()} if datum else {}


def pvt_body(datum: date | None) -> dict:
    return {"datumOndertekeningPvt": datum.isoformat()} if datum else {}


def zroute_body(datum: date | None) -> dict:
    return {"datumAfrondingZroute": datum.isoformat()} if datum else {}


def uren_body(totaal: Decimal | int) -> dict:
    """Whole hours (DUO: int32, 0–9999), rounded down: a half hour is not reported as an hour."""
    return {"uren": max(0, int(Decimal(totaal)))}


def aanbod_body(*, datum_aanbod: date, start: date | None, eind: date | None, alfabetisering: str) -> dict:
    """DUO's `Inburgeringsaanbod` from an enrolment at a keurmerk / taalschakeltraject institution."""
    body: dict = {"datumInburgeringsaanbod": datum_aanbod.isoformat(),
                  "indicatorAlfabetiseringsonderwijs": alfabetisering or "NVT"}
    if start:
        body["verwachteStartdatumOpleiding"] = start.isoformat()
    if eind:
        body["verwachteEinddatumOpleiding"] = eind.isoformat()
    return body


def contactpersoon_body(*, naam: str, email: str, telefoon: str) -> dict:
    """DUO's `Contactpersoongegevens` of a werkcoach (staff data: name, work e-mail, work phone)."""
    return {"naam": naam.strip()[:100], "email": email.strip(), "telefoonnummer": telefoon.strip()}
