"""The synthetic person store of the BRP stand-in.

A person is kept as a small *internal record* (plain values, codes, ISO dates); `als_persoon` turns it
into the contract's `Persoon` object (date objects, {code, omschrijving} values, adressering, leeftijd).

Where persons come from, in this order:
1. the data file (`personen.json`): hand-written persons for tests and demo scenarios;
2. any other BSN in the 9-range (9xxxxxxxx) that passes the elfproef: a person generated from the BSN
   (seeded random, fixed peildatum), so the same BSN always gives the same person;
3. anything else: no person (the API answers with an empty `personen` list).

Changes (beheer endpoints, scheduled events) are JSON merge patches (RFC 7396) on the internal record,
kept in memory and optionally persisted to a JSON file (`--opslag`).
"""

from __future__ import annotations

import copy
import json
import logging
import random
import threading
import time
from datetime import date, timedelta
from pathlib import Path

log = logging.getLogger("standins.brp")

GEMEENTE_EEMSDELTA = "1979"

# Generated persons are computed relative to this date, not to today: the same BSN gives the same
# person on every day (ages drift with the calendar, birth dates and addresses do not).
PEILDATUM_GENERATIE = date(2026, 1, 1)

# Gemeentecodes are the CBS/BRP codes. Land- and nationaliteitcodes other than 6030 Nederland and
# 0001 Nederlandse are stand-in codes in the shape of the Landelijke tabellen (4 digits), not copied
# from them: do not build logic on them.
GEMEENTEN = {
    "1979": "Eemsdelta",
    "0014": "Groningen",
    "1966": "Het Hogeland",
    "0037": "Stadskanaal",
    "0363": "Amsterdam",
    "0599": "Rotterdam",
    "0518": "'s-Gravenhage",
    "0344": "Utrecht",
    "1999": "Registratie Niet Ingezetenen (RNI)",
}
LANDEN = {
    "6030": "Nederland",
    "5016": "Syrië",
    "5017": "Eritrea",
    "5018": "Afghanistan",
    "5019": "Oekraïne",
    "5020": "Turkije",
    "5021": "Somalië",
    "5022": "Iran",
    "5023": "Marokko",
}
NATIONALITEITEN = {
    "0001": "Nederlandse",
    "0316": "Syrische",
    "0317": "Eritrese",
    "0318": "Afghaanse",
    "0319": "Oekraïense",
    "0320": "Turkse",
    "0321": "Somalische",
    "0322": "Iraanse",
    "0323": "Marokkaanse",
}
GESLACHTEN = {"M": "man", "V": "vrouw", "O": "onbekend"}
MAANDEN = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip

# (geboorteland, nationaliteit, geboorteplaats) for generated persons
HERKOMST = [
    ("5016", "0316", "Aleppo"),
    ("5016", "0316", "Damascus"),
    ("5017", "0317", "Asmara"),
    ("5018", "0318", "Kabul"),
    ("5019", "0319", "Charkiv"),
    ("5020", "0320", "Ankara"),
    ("5021", "0321", "Mogadishu"),
    ("5022", "0322", "Teheran"),
]
VOORNAMEN_V = [
    "Amina",
    "Fatima",
    "Sara",
    "Hiwet",
    "Rania",
    "Nour",
    "Layla",
    "Mariam",
    "Zainab",
    "Aster",
    "Olena",
    "Yasmin",
]
VOORNAMEN_M = [
    "Mohammed",
    "Ahmad",
    "Omar",
    "Yonas",
    "Tesfay",
    "Khaled",
    "Dawit",
    "Yusuf",
    "Hassan",
    "Samir",
    "Bilal",
    "Andrii",
]
GESLACHTSNAMEN = [
    "Haddad", "Al-Hassan", "Tesfaye", "Mahmoud", "Ghebremariam", "Yilmaz", "Rahimi", "Abdi",
    "Kebede", "Haidari", "Nasser", "Osman", "Karimi", "Habte", "Al-Khatib", "Mohammadi", "Shevchenko",
]  # fmt: skip
# (straat, woonplaats, postcode-cijfers) in the gemeente Eemsdelta
STRATEN_EEMSDELTA = [
    ("Oude Schans", "Delfzijl", "9934"),
    ("Waterstraat", "Delfzijl", "9934"),
    ("Zeebadweg", "Delfzijl", "9936"),
    ("Gerrit Bolkade", "Delfzijl", "9935"),
    ("Dijkstraat", "Appingedam", "9901"),
    ("Solwerderstraat", "Appingedam", "9902"),
    ("Wilhelminalaan", "Appingedam", "9903"),
    ("Stationsstraat", "Loppersum", "9919"),
    ("Badweg", "Loppersum", "9919"),
]

VELDEN_RECORD = {
    "burgerservicenummer", "geslacht", "naam", "geboorte", "nationaliteiten", "verblijfplaats",
    "gemeenteVanInschrijving", "datumInschrijvingInGemeente", "overlijden", "immigratie", "toelichting",
}  # fmt: skip


def elfproef(bsn: str) -> bool:
    """The 11-test of a burgerservicenummer: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11."""
    if len(bsn) != 9 or not bsn.isdigit() or bsn == "000000000":
        return False
    cijfers = [int(c) for c in bsn]
    return (sum(c * (9 - i) for i, c in enumerate(cijfers[:8])) - cijfers[8]) % 11 == 0


def is_genereerbaar(bsn: str) -> bool:
    return bsn.startswith("9") and elfproef(bsn)


def _letters(rnd: random.Random, n: int) -> str:
    # postcode letters: no SA/SD/SS combinations (as PostNL), no diacritics
    while True:
        s = "".join(rnd.choice("ABCDEGHJKLMNPRTVWXZ") for _ in range(n))
        if s not in {"SA", "SD", "SS"}:
            return s


def genereer(bsn: str) -> dict:
    """The person for a 9-range BSN that is not in the data file: the same BSN, the same person."""
    rnd = random.Random(f"brp-standin:{bsn}")
    geslacht = rnd.choice("MV")
    voornamen = rnd.choice(VOORNAMEN_V if geslacht == "V" else VOORNAMEN_M)
    if rnd.random() < 0.4:  # a second given name now and then
        tweede = rnd.choice(VOORNAMEN_V if geslacht == "V" else VOORNAMEN_M)
        if tweede != voornamen:
            voornamen = f"{voornamen} {tweede}"
    geslachtsnaam = rnd.choice(GESLACHTSNAMEN)
    land, nationaliteit, plaats = rnd.choice(HERKOMST)
    leeftijd_dagen = rnd.randint(18 * 365 + 5, 60 * 365)
    geboortedatum = PEILDATUM_GENERATIE - timedelta(days=leeftijd_dagen)
    inschrijving = PEILDATUM_GENERATIE - timedelta(days=rnd.randint(0, 3 * 365))
    straat, woonplaats, pc = rnd.choice(STRATEN_EEMSDELTA)
    huisnummer = rnd.randint(1, 140)
    adres = {
        "straat": straat,
        "huisnummer": huisnummer,
        "postcode": f"{pc}{_letters(rnd, 2)}",
        "woonplaats": woonplaats,
        "datumVan": inschrijving.isoformat(),
    }
    if rnd.random() < 0.15:
        adres["huisletter"] = rnd.choice("ABC")
    return {
        "burgerservicenummer": bsn,
        "geslacht": geslacht,
        "naam": {"voornamen": voornamen, "geslachtsnaam": geslachtsnaam},
        "geboorte": {"datum": geboortedatum.isoformat(), "plaats": plaats, "land": land},
        "nationaliteiten": [{"nationaliteit": nationaliteit, "datumIngangGeldigheid": geboortedatum.isoformat()}],
        "verblijfplaats": adres,
        "gemeenteVanInschrijving": GEMEENTE_EEMSDELTA,
        "datumInschrijvingInGemeente": inschrijving.isoformat(),
        "immigratie": {"landVanwaarIngeschreven": land, "datumVestigingInNederland": inschrijving.isoformat()},
    }


def merge_patch(doel, patch):
    """RFC 7396 JSON merge patch: objects merge, null removes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    resultaat = dict(doel) if isinstance(doel, dict) else {}
    for sleutel, waarde in patch.items():
        if waarde is None:
            resultaat.pop(sleutel, None)
        else:
            resultaat[sleutel] = merge_patch(resultaat.get(sleutel), waarde)
    return resultaat


def _vul_vandaag(waarde, vandaag: str):
    """In scheduled events, the string "vandaag" stands for the date on which the event is applied."""
    if waarde == "vandaag":
        return vandaag
    if isinstance(waarde, dict):
        return {k: _vul_vandaag(v, vandaag) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_vul_vandaag(v, vandaag) for v in waarde]
    return waarde


class Personen:
    """In-memory store: file persons, generated persons, and the changes made to either."""

    def __init__(self, data: dict, opslag: Path | None = None, klok=time.monotonic):
        self._basis = {p["burgerservicenummer"]: p for p in data.get("personen", [])}
        self._gebeurtenissen = list(data.get("gebeurtenissen", []))
        for g in self._gebeurtenissen:
            if not isinstance(g.get("na_seconden"), int | float) or not isinstance(g.get("wijziging"), dict):
                raise ValueError(f"gebeurtenis zonder na_seconden of wijziging: {g!r}")
        self._opslag = opslag
        self._klok = klok
        self._lock = threading.RLock()
        self._start = klok()
        self._wijzigingen: dict[str, list[dict]] = {}
        self._toegepast: set[int] = set()
        if opslag is not None and opslag.exists():
            bewaard = json.loads(opslag.read_text(encoding="utf-8"))
            self._wijzigingen = bewaard.get("wijzigingen", {})
            self._toegepast = set(bewaard.get("toegepaste_gebeurtenissen", []))

    @classmethod
    def uit_bestand(cls, pad: Path, opslag: Path | None = None) -> Personen:
        return cls(json.loads(Path(pad).read_text(encoding="utf-8")), opslag=opslag)

    # -- reading --------------------------------------------------------------------------------

    def record(self, bsn: str) -> dict | None:
        """The current internal record for a BSN, or None when the BRP does not know the BSN."""
        with self._lock:
            self._pas_gebeurtenissen_toe()
            return self._record(bsn)

    def alle(self) -> list[dict]:
        """Every searchable person: the file persons and generated persons that were changed."""
        with self._lock:
            self._pas_gebeurtenissen_toe()
            bsns = list(self._basis) + [b for b in self._wijzigingen if b not in self._basis]
            return [r for r in (self._record(b) for b in bsns) if r is not None]

    def _record(self, bsn: str) -> dict | None:
        if bsn in self._basis:
            record = copy.deepcopy(self._basis[bsn])
        elif is_genereerbaar(bsn):
            record = genereer(bsn)
        else:
            return None
        for patch in self._wijzigingen.get(bsn, []):
            record = merge_patch(record, patch)
        record["burgerservicenummer"] = bsn
        return record

    # -- changing -------------------------------------------------------------------------------

    def wijzig(self, bsn: str, patch: dict, controle=None) -> dict:
        """Apply a merge patch. `controle(record)` may reject the resulting record (raise ValueError)."""
        if not isinstance(patch, dict):
            raise ValueError("een wijziging is een JSON-object (merge patch)")
        onbekend = set(patch) - VELDEN_RECORD
        if onbekend:
            raise ValueError(f"onbekende velden in de wijziging: {', '.join(sorted(onbekend))}")
        with self._lock:
            self._pas_gebeurtenissen_toe()
            huidig = self._record(bsn)
            if huidig is None:
                raise KeyError(bsn)
            if controle is not None:
                controle(merge_patch(huidig, patch))
            self._wijzigingen.setdefault(bsn, []).append(patch)
            self._bewaar()
            return self._record(bsn)

    def herstel(self, bsn: str) -> None:
        """Back to the file/generated state of one person."""
        with self._lock:
            self._wijzigingen.pop(bsn, None)
            self._bewaar()

    def reset(self) -> None:
        """Back to the data file: all changes gone, scheduled events re-armed from now."""
        with self._lock:
            self._wijzigingen = {}
            self._toegepast = set()
            self._start = self._klok()
            self._bewaar()

    def pas_gebeurtenissen_toe(self) -> None:
        """Apply the scheduled events that are due (also done before every read)."""
        with self._lock:
            self._pas_gebeurtenissen_toe()

    def _pas_gebeurtenissen_toe(self) -> None:
        verstreken = self._klok() - self._start
        vandaag = date.today().isoformat()
        gewijzigd = False
        for i, g in enumerate(self._gebeurtenissen):
            if i in self._toegepast or verstreken < g["na_seconden"]:
                continue
            self._toegepast.add(i)
            bsn = str(g["bsn"])
            if self._record(bsn) is not None:
                self._wijzigingen.setdefault(bsn, []).append(_vul_vandaag(g["wijziging"], vandaag))
                gewijzigd = True
                log.info("gebeurtenis toegepast (na %ss): %s %s", g["na_seconden"], bsn, g.get("omschrijving", ""))
        if gewijzigd:
            self._bewaar()

    def _bewaar(self) -> None:
        if self._opslag is None:
            return
        tijdelijk = self._opslag.with_suffix(self._opslag.suffix + ".tmp")
        tijdelijk.write_text(
            json.dumps(
                {"wijzigingen": self._wijzigingen, "toegepaste_gebeurtenissen": sorted(self._toegepast)},
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
        tijdelijk.replace(self._opslag)


# -- the contract's Persoon from an internal record -----------------------------------------------


def datum(iso: str) -> dict:
    """A full date as the contract's VolledigeDatum."""
    d = date.fromisoformat(iso)
    return {"type": "Datum", "datum": d.isoformat(), "langFormaat": f"{d.day} {MAANDEN[d.month - 1]} {d.year}"}


def waarde(code: str, tabel: dict[str, str]) -> dict:
    omschrijving = tabel.get(code)
    return {"code": code, "omschrijving": omschrijving} if omschrijving else {"code": code}


def voorletters(voornamen: str) -> str:
    return "".join(f"{n[0]}." for n in voornamen.split())


def _huisnummer_volledig(adres: dict) -> str:
    s = f"{adres['huisnummer']}{adres.get('huisletter', '')}"
    if adres.get("huisnummertoevoeging"):
        s += f"-{adres['huisnummertoevoeging']}"
    return s


def leeftijd(geboren: date, op: date) -> int:
    return op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))


def als_persoon(record: dict, vandaag: date | None = None) -> dict:
    """The full contract `Persoon` (before `fields` filtering) for an internal record."""
    vandaag = vandaag or date.today()
    p: dict = {"burgerservicenummer": record["burgerservicenummer"]}
    geslacht = record.get("geslacht")
    if geslacht:
        p["geslacht"] = waarde(geslacht, GESLACHTEN)

    naam = record.get("naam") or {}
    if naam:
        n: dict = {}
        if naam.get("voornamen"):
            n["voornamen"] = naam["voornamen"]
            n["voorletters"] = voorletters(naam["voornamen"])
        if naam.get("voorvoegsel"):
            n["voorvoegsel"] = naam["voorvoegsel"]
        if naam.get("geslachtsnaam"):
            n["geslachtsnaam"] = naam["geslachtsnaam"]
        volledig = " ".join(x for x in (naam.get("voornamen"), naam.get("voorvoegsel"), naam.get("geslachtsnaam")) if x)
        if volledig:
            n["volledigeNaam"] = volledig
        n["aanduidingNaamgebruik"] = {"code": "E", "omschrijving": "eigen geslachtsnaam"}
        p["naam"] = n

    geboorte = record.get("geboorte") or {}
    if geboorte:
        g: dict = {}
        if geboorte.get("datum"):
            g["datum"] = datum(geboorte["datum"])
        if geboorte.get("plaats"):
            g["plaats"] = {"omschrijving": geboorte["plaats"]}
        if geboorte.get("land"):
            g["land"] = waarde(geboorte["land"], LANDEN)
        p["geboorte"] = g

    overlijden = record.get("overlijden") or {}
    if geboorte.get("datum") and not overlijden:
        p["leeftijd"] = leeftijd(date.fromisoformat(geboorte["datum"]), vandaag)
    if overlijden:
        o: dict = {}
        if overlijden.get("datum"):
            o["datum"] = datum(overlijden["datum"])
        if overlijden.get("plaats"):
            o["plaats"] = waarde(overlijden["plaats"], GEMEENTEN)
        o["land"] = waarde(overlijden.get("land", "6030"), LANDEN)
        p["overlijden"] = o
        p["opschortingBijhouding"] = {"reden": {"code": "O", "omschrijving": "overlijden"}}
        if overlijden.get("datum"):
            p["opschortingBijhouding"]["datum"] = datum(overlijden["datum"])

    nationaliteiten = []
    for nat in record.get("nationaliteiten") or []:
        if nat.get("staatloos"):
            item: dict = {"type": "Staatloos"}
        else:
            item = {"type": "Nationaliteit", "nationaliteit": waarde(nat["nationaliteit"], NATIONALITEITEN)}
        if nat.get("datumIngangGeldigheid"):
            item["datumIngangGeldigheid"] = datum(nat["datumIngangGeldigheid"])
        nationaliteiten.append(item)
    if nationaliteiten:
        p["nationaliteiten"] = nationaliteiten

    gemeente = record.get("gemeenteVanInschrijving")
    if gemeente:
        p["gemeenteVanInschrijving"] = waarde(gemeente, GEMEENTEN)
    if record.get("datumInschrijvingInGemeente"):
        p["datumInschrijvingInGemeente"] = datum(record["datumInschrijvingInGemeente"])

    immigratie = record.get("immigratie") or {}
    if immigratie:
        im: dict = {}
        if immigratie.get("landVanwaarIngeschreven"):
            im["landVanwaarIngeschreven"] = waarde(immigratie["landVanwaarIngeschreven"], LANDEN)
        if immigratie.get("datumVestigingInNederland"):
            im["datumVestigingInNederland"] = datum(immigratie["datumVestigingInNederland"])
        p["immigratie"] = im

    adres = record.get("verblijfplaats") or {}
    adresregels: dict = {}
    if adres.get("land"):  # abroad
        vb: dict = {"type": "VerblijfplaatsBuitenland", "verblijfadres": {"land": waarde(adres["land"], LANDEN)}}
        for regel in ("regel1", "regel2", "regel3"):
            if adres.get(regel):
                vb["verblijfadres"][regel] = adres[regel]
                adresregels[f"adresregel{regel[-1]}"] = adres[regel]
        adresregels["land"] = waarde(adres["land"], LANDEN)
        if adres.get("datumVan"):
            vb["datumVan"] = datum(adres["datumVan"])
        p["verblijfplaats"] = vb
    elif adres:
        va = {
            "officieleStraatnaam": adres["straat"],
            "korteStraatnaam": adres.get("korteStraatnaam", adres["straat"][:24]),
            "huisnummer": adres["huisnummer"],
        }
        for sleutel in ("huisletter", "huisnummertoevoeging"):
            if adres.get(sleutel):
                va[sleutel] = adres[sleutel]
        va["postcode"] = adres["postcode"].replace(" ", "").upper()
        va["woonplaats"] = adres["woonplaats"]
        vp: dict = {"type": "Adres", "verblijfadres": va, "functieAdres": {"code": "W", "omschrijving": "woonadres"}}
        vp["adresseerbaarObjectIdentificatie"] = adres.get("adresseerbaarObjectIdentificatie") or _bag_id(
            "01", adres, gemeente
        )
        vp["nummeraanduidingIdentificatie"] = adres.get("nummeraanduidingIdentificatie") or _bag_id(
            "20", adres, gemeente
        )
        if adres.get("datumVan"):
            vp["datumVan"] = datum(adres["datumVan"])
        p["verblijfplaats"] = vp
        pc = va["postcode"]
        adresregels["adresregel1"] = f"{va['korteStraatnaam']} {_huisnummer_volledig(adres)}"
        adresregels["adresregel2"] = f"{pc[:4]} {pc[4:]}  {va['woonplaats'].upper()}"

    if naam.get("geslachtsnaam"):
        adressering = dict(adresregels)
        achternaam = " ".join(x for x in (naam.get("voorvoegsel"), naam["geslachtsnaam"]) if x)
        initialen = voorletters(naam["voornamen"]) if naam.get("voornamen") else ""
        adressering["aanschrijfwijze"] = {"naam": f"{initialen} {achternaam}".strip()}
        hoofdletter = achternaam[0].upper() + achternaam[1:]
        if geslacht == "V":
            adressering["aanhef"] = f"Geachte mevrouw {hoofdletter}"
            adressering["gebruikInLopendeTekst"] = f"mevrouw {hoofdletter}"
        elif geslacht == "M":
            adressering["aanhef"] = f"Geachte heer {hoofdletter}"
            adressering["gebruikInLopendeTekst"] = f"de heer {hoofdletter}"
        else:
            adressering["aanhef"] = f"Geachte {initialen} {hoofdletter}".replace("  ", " ")
            adressering["gebruikInLopendeTekst"] = f"{initialen} {hoofdletter}".strip()
        p["adressering"] = adressering
    elif adresregels:
        p["adressering"] = adresregels
    return p


def _bag_id(objecttype: str, adres: dict, gemeente: str | None) -> str:
    """A stable 16-digit BAG-style identification for an address (gemeentecode + type + number)."""
    rnd = random.Random(f"bag:{adres.get('postcode')}:{adres.get('huisnummer')}:{adres.get('huisletter', '')}")
    return f"{gemeente or GEMEENTE_EEMSDELTA}{objecttype}{rnd.randint(0, 10**10 - 1):010d}"
