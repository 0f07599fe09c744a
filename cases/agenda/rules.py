"""The agenda's pure rules: what a valid appointment is, the summary the feed shows (initials and kenmerk
only), and the periods of the day and week view."""

from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _

from cases.models.afspraak import AfspraakSoort

DAG = "dag"
WEEK = "week"
WEERGAVEN = (DAG, WEEK)
STANDAARD_DUUR = timedelta(hours=1)  # an invitation letter names a start time only


def afspraak_fouten(
    *, soort: str, start: datetime | None, eind: datetime | None, locatie: str, aantal_medewerkers: int,
    externe_deelnemers: str, nu: datetime, nieuw: bool = True,
) -> dict[str, str]:
    """The Dutch error per field of an appointment, empty when it is valid."""
    fouten: dict[str, str] = {}
    if soort not in AfspraakSoort.values:
        fouten["soort"] = _("Kies de soort afspraak.")
    if start is not None and eind is not None and eind <= start:
        fouten["eindtijd"] = _("De eindtijd moet na de begintijd liggen.")
    if nieuw and start is not None and start < nu:
        fouten["begintijd"] = _("Een nieuwe afspraak kan niet in het verleden liggen. Kies een later tijdstip.")
    if not (locatie or "").strip():
        fouten["locatie"] = _("Vul de plaats van de afspraak in.")
    if aantal_medewerkers < 1:
        fouten["medewerkers"] = _("Kies ten minste één medewerker die bij de afspraak is.")
    if soort == AfspraakSoort.DRIEGESPREK and not (externe_deelnemers or "").strip():
        fouten["externe_deelnemers"] = _("Vul bij een driegesprek de derde partij in, bijvoorbeeld de "
                                         "taalaanbieder.")
    return fouten


def overlapt(start_a: datetime, eind_a: datetime, start_b: datetime, eind_b: datetime) -> bool:
    """Two appointments overlap when one starts before the other ends; back to back is no overlap."""
    return start_a < eind_b and start_b < eind_a


def initialen(voornamen: str, geslachtsnaam: str) -> str:
    """"A.B.": the first letter of the first given name and of the surname (not the voorvoegsel)."""
    letters = [deel[0].upper() for deel in ((voornamen or "").split()[:1] + (geslachtsnaam or "").split()[:1])]
    return "".join(f"{letter}." for letter in letters)


def samenvatting(soort_label: str, initialen_: str, kenmerk: str) -> str:
    """The feed's SUMMARY: "Voortgangsgesprek – A.B. – VG-123-4". No name, BSN or address."""
    return " – ".join(deel for deel in (str(soort_label), initialen_, kenmerk) if deel)


def periode(weergave: str, datum: date) -> tuple[date, date]:
    """The first day and the day after the last of the day or (Monday to Sunday) week around `datum`."""
    if weergave == WEEK:
        maandag = datum - timedelta(days=datum.weekday())
        return maandag, maandag + timedelta(days=7)
    return datum, datum + timedelta(days=1)


def buren(weergave: str, datum: date) -> tuple[date, date]:
    """The date of the previous and the next day or week."""
    stap = timedelta(days=7 if weergave == WEEK else 1)
    return datum - stap, datum + stap
