"""From the BRP API Personen contract (a `Persoon` of RaadpleegMetBurgerservicenummer) to this
application's `cases.persoonsbron.Persoonsgegevens`. Pure functions; no I/O.

A value the contract leaves out becomes "" / None. A value of the wrong shape (a number where the contract
has a string, an unknown subtype) raises `OngeldigePersoon`: the source refuses the answer rather than
showing half of it.

Dates: the contract's `AbstractDatum` has four subtypes. Only `Datum` (a full date, `datum` "YYYY-MM-DD")
gives a `date`; `DatumOnbekend`, `JaarDatum` and `JaarMaandDatum` (partly or wholly unknown) give None,
because every date in `Persoonsgegevens` is a full date. (A newcomer's geboortedatum is often partly
unknown: the case then shows no date, and the person's data can be completed by hand.)
"""

from __future__ import annotations

from datetime import date

from cases.persoonsbron import Persoonsgegevens

GESLACHT = {"M": "M", "V": "V", "O": "X"}  # contract code -> cases.models.Geslacht
DATUM_TYPES = {"Datum", "DatumOnbekend", "JaarDatum", "JaarMaandDatum"}
NATIONALITEIT_TYPES = {
    "Nationaliteit", "Staatloos", "BehandeldAlsNederlander", "NationaliteitOnbekend", "VastgesteldNietNederlander",
}
VERBLIJFPLAATS_TYPES = {"Adres", "Locatie", "VerblijfplaatsBuitenland", "VerblijfplaatsOnbekend"}
STAATLOOS = "Staatloos"
# The other nationality subtypes carry no `nationaliteit`; their meaning in words.
NATIONALITEIT_OMSCHRIJVING = {
    "Staatloos": STAATLOOS,
    "BehandeldAlsNederlander": "Behandeld als Nederlander",
    "VastgesteldNietNederlander": "Vastgesteld niet-Nederlander",
    "NationaliteitOnbekend": "Onbekend",
}


class OngeldigePersoon(ValueError):
    """The person object does not have the contract's shape. The message names the field, never a value."""


def _object(waarde, veld: str) -> dict:
    if waarde is None:
        return {}
    if not isinstance(waarde, dict):
        raise OngeldigePersoon(f"{veld} is geen object")
    return waarde


def _tekst(waarde, veld: str) -> str:
    if waarde is None:
        return ""
    if not isinstance(waarde, str):
        raise OngeldigePersoon(f"{veld} is geen tekst")
    return waarde


def datum_van(waarde, veld: str = "datum") -> date | None:
    """A contract date object -> a date for `Datum`, None for the partly/wholly unknown subtypes or absence."""
    if waarde is None:
        return None
    waarde = _object(waarde, veld)
    soort = waarde.get("type")
    if soort not in DATUM_TYPES:
        raise OngeldigePersoon(f"{veld} heeft geen bekend datumtype")
    if soort != "Datum":
        return None
    try:
        return date.fromisoformat(_tekst(waarde.get("datum"), veld))
    except ValueError:
        raise OngeldigePersoon(f"{veld} is geen datum") from None


def geslacht_van(waarde) -> str:
    code = _tekst(_object(waarde, "geslacht").get("code"), "geslacht.code")
    if code and code not in GESLACHT:
        raise OngeldigePersoon("geslacht.code is onbekend")
    return GESLACHT.get(code, "")


def nationaliteit_van(waarde) -> str:
    """The descriptions, in the contract's order, joined with ", "; a stateless person: "Staatloos"."""
    if waarde is None:
        return ""
    if not isinstance(waarde, list):
        raise OngeldigePersoon("nationaliteiten is geen lijst")
    omschrijvingen = []
    for i, item in enumerate(waarde):
        item = _object(item, f"nationaliteiten[{i}]")
        soort = item.get("type")
        if soort not in NATIONALITEIT_TYPES:
            raise OngeldigePersoon(f"nationaliteiten[{i}] heeft geen bekend type")
        if soort == "Nationaliteit":
            tabel = _object(item.get("nationaliteit"), f"nationaliteiten[{i}].nationaliteit")
            tekst = _tekst(tabel.get("omschrijving"), f"nationaliteiten[{i}].nationaliteit.omschrijving")
        else:
            tekst = NATIONALITEIT_OMSCHRIJVING[soort]
        if tekst and tekst not in omschrijvingen:
            omschrijvingen.append(tekst)
    return ", ".join(omschrijvingen)


def huisnummer_van(adres: dict) -> str:
    """As written on a letter: 7 + A -> "7A"; 12 + toevoeging 2 -> "12-2"; 7 + A + 2 -> "7A-2"."""
    nummer = adres.get("huisnummer")
    if nummer is None:
        return ""
    if not isinstance(nummer, int) or isinstance(nummer, bool):
        raise OngeldigePersoon("verblijfadres.huisnummer is geen getal")
    tekst = f"{nummer}{_tekst(adres.get('huisletter'), 'verblijfadres.huisletter')}"
    toevoeging = _tekst(adres.get("huisnummertoevoeging"), "verblijfadres.huisnummertoevoeging")
    return f"{tekst}-{toevoeging}" if toevoeging else tekst


def adres_van(waarde) -> dict[str, str]:
    """straat, huisnummer, postcode, woonplaats of a verblijfplaats of type `Adres`; other types (abroad,
    a location description, unknown) and absence: all empty."""
    leeg = {"straat": "", "huisnummer": "", "postcode": "", "woonplaats": ""}
    verblijfplaats = _object(waarde, "verblijfplaats")
    if not verblijfplaats:
        return leeg
    soort = verblijfplaats.get("type")
    if soort not in VERBLIJFPLAATS_TYPES:
        raise OngeldigePersoon("verblijfplaats heeft geen bekend type")
    if soort != "Adres":
        return leeg
    adres = _object(verblijfplaats.get("verblijfadres"), "verblijfplaats.verblijfadres")
    straat = (_tekst(adres.get("officieleStraatnaam"), "verblijfadres.officieleStraatnaam")
              or _tekst(adres.get("korteStraatnaam"), "verblijfadres.korteStraatnaam"))
    return {
        "straat": straat,
        "huisnummer": huisnummer_van(adres),
        "postcode": _tekst(adres.get("postcode"), "verblijfadres.postcode"),
        "woonplaats": _tekst(adres.get("woonplaats"), "verblijfadres.woonplaats"),
    }


def persoon_van(contract_persoon: dict) -> Persoonsgegevens:
    """One `Persoon` of the contract as `Persoonsgegevens`. Raises OngeldigePersoon on a wrong shape."""
    p = _object(contract_persoon, "persoon")
    bsn = _tekst(p.get("burgerservicenummer"), "burgerservicenummer")
    if not (len(bsn) == 9 and bsn.isascii() and bsn.isdigit()):
        raise OngeldigePersoon("burgerservicenummer ontbreekt of is geen 9 cijfers")
    naam = _object(p.get("naam"), "naam")
    adressering = _object(p.get("adressering"), "adressering")
    adresregels = tuple(
        regel for regel in (_tekst(adressering.get(f"adresregel{i}"), f"adressering.adresregel{i}") for i in (1, 2, 3))
        if regel
    )
    gemeente = _object(p.get("gemeenteVanInschrijving"), "gemeenteVanInschrijving")
    return Persoonsgegevens(
        bsn=bsn,
        voornamen=_tekst(naam.get("voornamen"), "naam.voornamen"),
        voorvoegsel=_tekst(naam.get("voorvoegsel"), "naam.voorvoegsel"),
        geslachtsnaam=_tekst(naam.get("geslachtsnaam"), "naam.geslachtsnaam"),
        geboortedatum=datum_van(_object(p.get("geboorte"), "geboorte").get("datum"), "geboorte.datum"),
        geslacht=geslacht_van(p.get("geslacht")),
        nationaliteit=nationaliteit_van(p.get("nationaliteiten")),
        **adres_van(p.get("verblijfplaats")),
        adresregels=adresregels,
        aanhef=_tekst(adressering.get("aanhef"), "adressering.aanhef"),
        gemeente_code=_tekst(gemeente.get("code"), "gemeenteVanInschrijving.code"),
        gemeente_naam=_tekst(gemeente.get("omschrijving"), "gemeenteVanInschrijving.omschrijving"),
        datum_inschrijving_gemeente=datum_van(p.get("datumInschrijvingInGemeente"), "datumInschrijvingInGemeente"),
        overleden_op=datum_van(_object(p.get("overlijden"), "overlijden").get("datum"), "overlijden.datum"),
    )
