"""DUO's functional checks (contracten/duo-m2m/RULES.md) and the raadplegingen, on the stand-in's state.

Own code on purpose: the app has its own pre-flight checks; two implementations make a divergence visible.
Every handler gets the person (already in scope for the asking gemeente), the asking gemeente's code, the
path parameters and the body, and returns (status, body) or raises Weigering (403 with the Foutmelding
list) / NietGevonden (404 without body).
"""

from __future__ import annotations

from datetime import date, timedelta

ASIEL = "Asielstatushouder"

# DUO's list of institutions (GET /instellingen): Blik op Werk keurmerk (leerroute B/Z) or recognised
# taalschakeltraject institution (O). Synthetic numbers and addresses.
INSTELLINGEN = [
    {"instellingsnummer": "1000000001", "naam": "Taalhuis Delfzijl", "postcode": "9934AB", "huisnummer": 12,
     "plaatsnaam": "Delfzijl", "bow": "4711", "indicatieBowKeurmerk": True, "indicatieTstKeurmerk": False},
    {"instellingsnummer": "1000000002", "naam": "Noorderpoort Taalschakeltraject", "postcode": "9728AA",
     "huisnummer": 3, "huisnummertoevoeging": "A", "plaatsnaam": "Groningen", "brin": "25LX",
     "indicatieBowKeurmerk": False, "indicatieTstKeurmerk": True},
    {"instellingsnummer": "1000000003", "naam": "Inburgeringsschool Eemsdelta", "postcode": "9901CD",
     "huisnummer": 140, "plaatsnaam": "Appingedam", "bow": "4712", "indicatieBowKeurmerk": True,
     "indicatieTstKeurmerk": True},
]  # fmt: skip

VERLENGINGSGRONDEN = [
    {"code": "ZIEK", "omschrijving": "Ziekte of gebrek"},
    {"code": "ZWANG", "omschrijving": "Zwangerschap"},
    {"code": "OPL", "omschrijving": "Volgen van een opleiding"},
    {"code": "OVERIG", "omschrijving": "Overige omstandigheden buiten de schuld van de inburgeringsplichtige"},
]


class Weigering(Exception):
    def __init__(self, fouten: list[str]):
        super().__init__("; ".join(fouten))
        self.fouten = fouten


class NietGevonden(Exception):
    pass


def _d(waarde: str | None) -> date | None:
    return date.fromisoformat(waarde) if waarde else None


def _plus_maanden(d: date, maanden: int) -> date:
    jaar, maand = divmod(d.month - 1 + maanden, 12)
    dag = min(d.day, [31, 29 if (d.year + jaar) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][maand])
    return date(d.year + jaar, maand + 1, dag)


def huidige_pip(p: dict) -> dict | None:
    return p["pips"][-1] if p["pips"] else None


def in_scope(p: dict, gemeente: str, vandaag: date) -> bool:
    """RULES.md "Scope": under the Wi2021 and relevant to the asking gemeente."""
    if not p["inburgeringsplicht"].get("indicatorInburgeringsplicht") and not p["inburgeringsplichthistorie"]:
        return False
    if not p["coa"] and p["gemeentecode"] == gemeente:
        return True
    if p["coa"] and p["coa_gemeentecode"] == gemeente:
        return True
    huidig = huidige_pip(p)
    if huidig and huidig["gemeentecode"] == gemeente:
        return True
    if huidig and len(p["pips"]) > 1 and p["pips"][-2]["gemeentecode"] == gemeente:
        ontvangen = _d(huidig.get("ontvangen")) or _d(huidig["pip"]["dagtekeningPip"])
        return ontvangen + timedelta(days=31) > vandaag
    return False


# -- raadplegingen ------------------------------------------------------------------------------------


def _of_404(waarde):
    if waarde in (None, {}):
        raise NietGevonden
    return 200, waarde


RAADPLEGINGEN = {
    "/personen/{bsn}/inburgeringsplicht": lambda p, g: (200, p["inburgeringsplicht"]),
    "/personen/{bsn}/inburgeringsplicht/historie": lambda p, g: (200, p["inburgeringsplichthistorie"]),
    "/personen/{bsn}/doelgroep": lambda p, g: _of_404(p["doelgroep"]),
    "/personen/{bsn}/doelgroep/historie": lambda p, g: (200, p["doelgroephistorie"]),
    "/personen/{bsn}/inburgeringstermijn": lambda p, g: _of_404(p["inburgeringstermijn"]),
    "/personen/{bsn}/inburgeringstermijn/historie": lambda p, g: (200, p["inburgeringstermijnhistorie"]),
    "/personen/{bsn}/lbt/examennummer": lambda p, g: _of_404(
        p["lbt_examennummer"] and {"examennummer": p["lbt_examennummer"]}
    ),
    "/personen/{bsn}/lbt/resultaten": lambda p, g: (200, p["lbt_resultaten"]),
    "/personen/{bsn}/examens/resultaten": lambda p, g: (200, p["examenresultaten"]),
    "/personen/{bsn}/examens/gratispogingen": lambda p, g: (200, p["gratispogingen"]),
    "/personen/{bsn}/vrijstellingen": lambda p, g: (200, p["vrijstellingen"]),
    "/personen/{bsn}/ontheffingen": lambda p, g: (200, p["ontheffingen"]),
    "/personen/{bsn}/PIP": lambda p, g: _of_404(huidige_pip(p) and {k: huidige_pip(p)[k] for k in ("gemeentecode", "pip")}),
    "/personen/{bsn}/map": lambda p, g: _of_404(p["map"] and {"datumEindgesprekMap": p["map"]["datumEindgesprekMap"]}),
    "/personen/{bsn}/pvt": lambda p, g: _of_404(
        p["pvt"] and {"datumOndertekeningPvt": p["pvt"]["datumOndertekeningPvt"]}
    ),
    "/personen/{bsn}/uren": lambda p, g: (200, list(p["uren"].values())),
}


# -- PIP ------------------------------------------------------------------------------------------------


def pip_post(p: dict, gemeente: str, body: dict, vandaag: date) -> tuple[int, None]:
    fouten = []
    dagtekening = _d(body["dagtekeningPip"])
    route, niveau = body["leerroute"], body.get("niveau")
    plicht = p["inburgeringsplicht"]
    if not plicht.get("indicatorInburgeringsplicht"):
        fouten.append("De persoon is niet inburgeringsplichtig.")
    begin = _d(plicht.get("begindatum"))
    if begin and dagtekening < begin:
        fouten.append("De dagtekening van het PIP ligt voor de begindatum van de inburgeringsplicht.")
    vestiging = _d(p["vestigingsdatum"])
    if vestiging and dagtekening < vestiging:
        fouten.append("De dagtekening van het PIP ligt voor de datum van vestiging in de gemeente.")
    if p["pips"]:
        if dagtekening < _d(p["pips"][0]["pip"]["dagtekeningPip"]):
            fouten.append("De dagtekening van het PIP ligt voor de dagtekening van het eerste PIP.")
        if dagtekening < _d(p["pips"][-1]["pip"]["dagtekeningPip"]):
            fouten.append("De dagtekening van het PIP ligt voor de dagtekening van het huidige PIP.")
    if niveau == "A2" and route == "O":
        fouten.append("Niveau A2 is niet toegestaan bij de onderwijsroute.")
    if niveau == "B1" and route == "Z":
        fouten.append("Niveau B1 is niet toegestaan bij de zelfredzaamheidsroute.")
    if niveau == "A2" and route == "B" and not p["pips"]:
        fouten.append("Niveau A2 bij de B1-route is niet toegestaan in het eerste PIP.")
    if "geschatteIntensiteitB1Route" in body and not (p["doelgroep"].get("indeling") == ASIEL and route == "B"):
        fouten.append("De geschatte intensiteit B1-route mag alleen bij een asielstatushouder op de B1-route.")
    if fouten:
        raise Weigering(fouten)
    pip = dict(body)
    if niveau is None and route in ("B", "O"):
        pip["niveau"] = "B1"
    p["pips"].append({"gemeentecode": gemeente, "pip": pip, "ontvangen": vandaag.isoformat()})
    return 201, None


def pip_delete(p: dict, gemeente: str, vandaag: date) -> tuple[int, None]:
    huidig = huidige_pip(p)
    fouten = []
    if not huidig or huidig["gemeentecode"] != gemeente:
        fouten.append("Er is geen huidig PIP van deze gemeente.")
    if p["inburgeringstermijn"]:
        fouten.append("Het PIP kan niet worden verwijderd: de inburgeringstermijn is vastgesteld.")
    if any(any(v.get("uren", 0) > 0 for v in (g.get(c) or {} for c in _UREN_SOORTEN.values()) if isinstance(v, dict))
           for g in p["uren"].values()):  # fmt: skip
        fouten.append("Het PIP kan niet worden verwijderd: er zijn gevolgde uren geregistreerd.")
    if fouten:
        raise Weigering(fouten)
    p["pips"].pop()
    return 200, None


# -- MAP / PVT / Z-route ----------------------------------------------------------------------------------

# resource -> (date field, may have verwijtbaar)
RESULTATEN = {"map": ("datumEindgesprekMap", True), "pvt": ("datumOndertekeningPvt", True),
              "zroute": ("datumAfrondingZroute", False)}  # fmt: skip


def resultaat_put(p: dict, soort: str, gemeente: str, body: dict, vandaag: date) -> tuple[int, None]:
    veld, met_verwijtbaar = RESULTATEN[soort]
    fouten = []
    huidig = huidige_pip(p)
    if not huidig or huidig["gemeentecode"] != gemeente:
        fouten.append("De gemeente heeft geen huidig PIP voor deze persoon.")
    plicht = p["inburgeringsplicht"]
    if p["zroute"] and not plicht.get("indicatorInburgeringsplicht") \
            and plicht.get("redenGeenInburgeringsplicht") == "Inburgeringsplicht voldaan":  # fmt: skip
        fouten.append("De inburgeringsplicht is al voldaan via de zelfredzaamheidsroute.")
    bestaand = p[soort]
    datum = _d(body.get(veld))
    termijn = p["inburgeringstermijn"] or {}
    start, einde = _d(termijn.get("startdatum")), _d(termijn.get("einddatum"))
    zroute = _d((p["zroute"] or {}).get("datumAfrondingZroute")) if soort != "zroute" else None
    if datum:
        if start and datum < start:
            fouten.append("De datum ligt voor de startdatum van de inburgeringstermijn.")
        if zroute and datum > zroute:
            fouten.append("De datum ligt na de datum van afronding van de zelfredzaamheidsroute.")
        if datum > vandaag:
            fouten.append("De datum ligt in de toekomst.")
    if bestaand and bestaand.get("gemeentecode") != gemeente and bestaand.get(veld) != body.get(veld):
        fouten.append("De datum is niet eerder door deze gemeente aangeleverd en mag niet worden gewijzigd.")
    if bestaand and not datum and soort != "zroute" and p["zroute"]:
        fouten.append("De datum kan niet worden ingetrokken: er is een afronding van de zelfredzaamheidsroute.")
    if met_verwijtbaar and datum and einde:
        verwijtbaar = body.get("verwijtbaar")
        overschreden = vandaag > einde
        binnen_twee_maanden = einde <= _plus_maanden(vandaag, 2)
        if verwijtbaar is None and overschreden:
            fouten.append("Verwijtbaar ontbreekt terwijl de inburgeringstermijn is overschreden.")
        if verwijtbaar is not None and datum < einde and not (verwijtbaar == "Nee" and binnen_twee_maanden):
            fouten.append("Verwijtbaar mag niet worden gevuld als de datum voor het einde van de inburgeringstermijn ligt.")
        if verwijtbaar == "Nee" and not binnen_twee_maanden:
            fouten.append("Verwijtbaar Nee mag alleen als het einde van de inburgeringstermijn binnen twee maanden ligt.")
        if verwijtbaar == "Ja" and not overschreden:
            fouten.append("Verwijtbaar Ja mag alleen als de inburgeringstermijn is overschreden.")
    if fouten:
        raise Weigering(fouten)
    # the body replaces the whole resource; leaving the date out withdraws it
    p[soort] = {**body, "gemeentecode": gemeente} if datum else None
    return 200, None


# -- Inburgeringsaanbod ---------------------------------------------------------------------------------------


def aanbod_post(p: dict, gemeente: str, instellingsnummer: str, body: dict, vandaag: date) -> tuple[int, None]:
    fouten = []
    huidig = huidige_pip(p)
    if p["doelgroep"].get("indeling") != ASIEL:
        fouten.append("Een inburgeringsaanbod kan alleen voor een asielstatushouder worden gemeld.")
    if not huidig:
        fouten.append("Er is geen PIP voor deze persoon.")
    instelling = next((i for i in INSTELLINGEN if i["instellingsnummer"] == instellingsnummer), None)
    route = huidig["pip"]["leerroute"] if huidig else None
    if instelling is None:
        fouten.append("De instelling is niet bekend bij DUO.")
    elif route in ("B", "Z") and not instelling.get("indicatieBowKeurmerk"):
        fouten.append("De instelling heeft geen Blik op Werk keurmerk.")
    elif route == "O" and not instelling.get("indicatieTstKeurmerk"):
        fouten.append("De instelling is niet erkend voor het taalschakeltraject.")
    aanbod_datum = _d(body.get("datumInburgeringsaanbod"))
    start, eind = _d(body.get("verwachteStartdatumOpleiding")), _d(body.get("verwachteEinddatumOpleiding"))
    if huidig:
        dagtekening = _d(huidig["pip"]["dagtekeningPip"])
        if any(d and d < dagtekening for d in (aanbod_datum, start, eind)):
            fouten.append("Een datum van het inburgeringsaanbod ligt voor de dagtekening van het huidige PIP.")
    if start and eind and eind < start:
        fouten.append("De verwachte einddatum van de opleiding ligt voor de verwachte startdatum.")
    if start and aanbod_datum and start < aanbod_datum:
        fouten.append("De verwachte startdatum van de opleiding ligt voor de datum van het inburgeringsaanbod.")
    termijn = p["inburgeringstermijn"] or {}
    t_start, t_eind = _d(termijn.get("startdatum")), _d(termijn.get("einddatum"))
    if t_start and t_eind and any(d and not (t_start <= d <= t_eind) for d in (start, eind)):
        fouten.append("De verwachte start- of einddatum van de opleiding ligt buiten de inburgeringstermijn.")
    if fouten:
        raise Weigering(fouten)
    p["aanbod"][instellingsnummer] = {"gemeentecode": gemeente, "aanbod": dict(body)}
    return 201, None


def aanbod_delete(p: dict, gemeente: str, instellingsnummer: str) -> tuple[int, None]:
    bestaand = p["aanbod"].get(instellingsnummer)
    if not bestaand or bestaand["gemeentecode"] != gemeente:
        raise Weigering(["Er is geen inburgeringsaanbod van deze gemeente bij deze instelling."])
    del p["aanbod"][instellingsnummer]
    return 204, None


# -- Gevolgde uren ----------------------------------------------------------------------------------------------

_UREN_SOORTEN = {
    "/personen/{bsn}/uren/bredeintake/taallesknm": "TaallesEnKnmBredeIntake",
    "/personen/{bsn}/uren/participatieactiviteiten": "ParticipatieactiviteitenBredeIntake",
    "/personen/{bsn}/uren/participatietaalles": "ParticipatieAlsTaalles",
}


def uren_put(p: dict, sjabloon: str, gemeente: str, body: dict, vandaag: date) -> tuple[int, None]:
    rij = p["uren"].setdefault(gemeente, {"gemeentecode": gemeente})
    rij[_UREN_SOORTEN[sjabloon]] = {"uren": body["uren"]}
    rij["bekendTot"] = vandaag.isoformat()
    return 200, None


# -- Contactpersoon ------------------------------------------------------------------------------------------------


def contactpersoon_post(data: dict, gemeente: str, body: dict) -> tuple[int, dict]:
    nummer = data["volgend_contactpersoon_id"]
    data["volgend_contactpersoon_id"] = nummer + 1
    data["contactpersonen"][str(nummer)] = {"id": nummer, "gegevens": dict(body), "gemeentecode": gemeente, "bsns": []}
    return 201, {"id": nummer, "contactpersoongegevens": dict(body)}


def _eigen_contactpersoon(data: dict, gemeente: str, nummer: str) -> dict:
    cp = data["contactpersonen"].get(str(int(nummer)))
    if not cp or cp["gemeentecode"] != gemeente:
        raise NietGevonden
    return cp


def contactpersoon_put(data: dict, gemeente: str, nummer: str, body: dict) -> tuple[int, None]:
    _eigen_contactpersoon(data, gemeente, nummer)["gegevens"] = dict(body)
    return 200, None


def contactpersoon_delete(data: dict, gemeente: str, nummer: str) -> tuple[int, None]:
    _eigen_contactpersoon(data, gemeente, nummer)
    del data["contactpersonen"][str(int(nummer))]  # its links go with it
    return 200, None


def contactpersoon_koppel(data: dict, gemeente: str, nummer: str, bsn: str) -> tuple[int, None]:
    cp = _eigen_contactpersoon(data, gemeente, nummer)
    for ander in data["contactpersonen"].values():  # linking one replaces the person's existing link
        if ander["gemeentecode"] == gemeente and bsn in ander["bsns"]:
            ander["bsns"].remove(bsn)
    cp["bsns"].append(bsn)
    return 201, None


def contactpersoon_ontkoppel(data: dict, gemeente: str, nummer: str, bsn: str) -> tuple[int, None]:
    cp = _eigen_contactpersoon(data, gemeente, nummer)
    if bsn not in cp["bsns"]:
        raise NietGevonden
    cp["bsns"].remove(bsn)
    return 200, None


def lbt_afmelden(p: dict) -> tuple[int, None]:
    if not p["lbt_examennummer"]:
        raise NietGevonden
    p["lbt_examennummer"] = None
    return 200, None
