"""Vernietiging (Besluit inburgering 2021 art. 9.9, issue 13): propose, prepare, approve (four eyes),
destroy, and leave a verklaring van vernietiging.

- `voorstellen` (the daily job): dossiers whose term has passed and that no exclusion keeps, and cores
  whose 50 years have passed, go on the open proposed list. Safe to run twice at once: it locks the
  gemeente settings row first, and a dossier can be on one open list only (a unique constraint).
- `regel_uitzonderen`, `ter_goedkeuring_aanbieden` (a privacy officer), `goedkeuren` / `afwijzen` (another
  privacy officer: not the one who prepared it).
- `uitvoeren`: destroys every approved line in one transaction holding the list's lock (a second run
  waits, then finds the list done), re-checking each dossier's exclusions first; files go after commit.
"""

import logging
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.bewaartermijn import Bewaartermijnen, kern_bewaren_tot, uiterste_einddatum, vernietigen_vanaf
from cases.models import Dossier, EindReden, Fase, Inburgeraar
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.accounts.systeem import Systeembron, systeemgebruiker
from inburgering.audit.models import Gebeurtenis, Handeling
from inburgering.audit.services import beveiliging_vastleggen
from inburgering.audit.verwerkingen import verwerking_vastleggen
from inburgering.documenten.services import document_opslaan
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import opslaan, vergrendelen
from leerroutes.models import Afsluiting

from . import persoonsgegevens
from .models import Kerngegevens, LijstStatus, Regel, RegelSoort, Vernietigingslijst
from .uitzonderingen import uitzonderingen

logger = logging.getLogger(__name__)

VERKLARING_TEMPLATE = "avg/verklaring.html"
VERKLARING_TEMPLATE_VERSIE = "1"
ZELFDE_PERSOON = _("U heeft deze lijst zelf voorbereid. Een andere privacy officer keurt hem goed (vier ogen).")
ALLEEN_PRIVACY = _("Alleen een privacy officer beoordeelt vernietigingslijsten.")


def _mag(user: User) -> bool:
    return user.heeft_rol(Rol.PRIVACY)


def _termijnen() -> Bewaartermijnen:
    return Bewaartermijnen.van_instellingen(GemeenteInstellingen.huidig())


@dataclass(frozen=True)
class Kandidaat:
    dossier_id: int
    eind_reden: str
    eind_datum: date
    vanaf: date


def _op_lijst_of_uitgesteld(soort: str, peildatum: date) -> Q:
    return Q(soort=soort) & (Q(actief=True) | Q(uitgezonderd=True, uitstel_tot__gte=peildatum))


def kandidaten(*, peildatum: date) -> list[Kandidaat]:
    """Closed dossiers past their destruction date, not on an open list and not postponed."""
    termijnen = _termijnen()
    gesloten = Dossier.objects.filter(fase__in=[Fase.AFGEROND, Fase.BEEINDIGD], eind_datum__isnull=False)
    verlopen = gesloten.filter(
        Q(eind_datum__lte=uiterste_einddatum(peildatum=peildatum, jaren=termijnen.jaren))
        | Q(eind_reden=EindReden.VERHUISD,
            eind_datum__lte=uiterste_einddatum(peildatum=peildatum, jaren=termijnen.verhuisd_jaren))
        | Q(eind_reden=EindReden.OVERLEDEN)
        | Q(inburgeraar__overleden_op__lte=peildatum)
    ).exclude(pk__in=Regel.objects.filter(_op_lijst_of_uitgesteld(RegelSoort.DOSSIER, peildatum))
              .values("dossier_nummer"))
    gevonden = []
    for dossier_id, reden, einde, overleden in verlopen.values_list(
            "pk", "eind_reden", "eind_datum", "inburgeraar__overleden_op").order_by("eind_datum", "pk"):
        vanaf = vernietigen_vanaf(eind_reden=reden, eind_datum=einde, overleden_op=overleden, termijnen=termijnen)
        if vanaf is not None and vanaf <= peildatum:
            gevonden.append(Kandidaat(dossier_id, reden, einde, vanaf))
    return gevonden


def kern_kandidaten(*, peildatum: date) -> list[Kerngegevens]:
    return list(Kerngegevens.objects.filter(bewaren_tot__lt=peildatum).exclude(
        dossier_nummer__in=Regel.objects.filter(_op_lijst_of_uitgesteld(RegelSoort.KERN, peildatum))
        .values("dossier_nummer")).order_by("bewaren_tot", "pk"))


def uitgesloten(*, peildatum: date | None = None) -> list[tuple[Kandidaat, list[str]]]:
    """Dossiers past their date that an exclusion keeps off the list, with the reasons (for the list page)."""
    peildatum = peildatum or vandaag()
    lijst = kandidaten(peildatum=peildatum)
    redenen = uitzonderingen([k.dossier_id for k in lijst], vandaag=peildatum)
    return [(k, redenen[k.dossier_id]) for k in lijst if k.dossier_id in redenen]


@dataclass(frozen=True)
class Voorstel:
    lijst: Vernietigingslijst | None
    toegevoegd: int
    uitgesloten: int


@transaction.atomic
def voorstellen(*, peildatum: date | None = None) -> Voorstel:
    """The daily job: add what is due to the open proposed list (made when needed)."""
    peildatum = peildatum or vandaag()
    # One proposer at a time: the settings row is the lock (the unique constraint is the safety net).
    GemeenteInstellingen.huidig()
    GemeenteInstellingen.objects.select_for_update().get(pk=GemeenteInstellingen.PK)
    dossiers = kandidaten(peildatum=peildatum)
    redenen = uitzonderingen([k.dossier_id for k in dossiers], vandaag=peildatum)
    dossiers = [k for k in dossiers if k.dossier_id not in redenen]
    kernen = kern_kandidaten(peildatum=peildatum)
    if not dossiers and not kernen:
        return Voorstel(None, 0, len(redenen))
    lijst = (Vernietigingslijst.objects.select_for_update().filter(status=LijstStatus.VOORGESTELD)
             .order_by("pk").first()) or Vernietigingslijst.objects.create()
    Regel.objects.bulk_create(
        [Regel(lijst=lijst, soort=RegelSoort.DOSSIER, dossier_nummer=k.dossier_id, eind_reden=k.eind_reden,
               eind_datum=k.eind_datum, vernietigen_vanaf=k.vanaf) for k in dossiers]
        + [Regel(lijst=lijst, soort=RegelSoort.KERN, dossier_nummer=k.dossier_nummer, eind_reden=k.eind_reden,
                 eind_datum=k.eind_datum, vernietigen_vanaf=k.bewaren_tot) for k in kernen])
    opslaan(lijst, reden=f"{len(dossiers) + len(kernen)} regels voorgesteld", door=systeemgebruiker(
        Systeembron.VERNIETIGING))
    return Voorstel(lijst, len(dossiers) + len(kernen), len(redenen))


def _lijst(lijst_id: int, *, versie: int | None, door: User) -> Vernietigingslijst:
    if not _mag(door):
        raise PermissionDenied(ALLEEN_PRIVACY)
    return vergrendelen(Vernietigingslijst.objects.all(), pk=lijst_id, versie=versie)


@transaction.atomic
def regel_uitzonderen(*, regel_id: int, versie: int | None, reden: str, uitstel_tot: date | None,
                      door: User) -> Regel:
    """Keep one dossier off this list, with a reason, and don't propose it again before `uitstel_tot`."""
    regel = Regel.objects.select_related("lijst").get(pk=regel_id)
    lijst = _lijst(regel.lijst_id, versie=versie, door=door)
    fouten = {}
    if lijst.status != LijstStatus.VOORGESTELD:
        raise ValidationError(_("Alleen op een voorgestelde lijst kan een regel worden uitgezonderd."))
    if not reden.strip():
        fouten["reden"] = _("Geef de reden waarom dit dossier niet wordt vernietigd.")
    if uitstel_tot is None:
        fouten["uitstel_tot"] = _("Geef aan tot wanneer het dossier niet opnieuw wordt voorgesteld.")
    elif uitstel_tot <= vandaag():
        fouten["uitstel_tot"] = _("Die datum ligt niet in de toekomst.")
    if fouten:
        raise ValidationError(fouten)
    Regel.objects.filter(pk=regel.pk).update(uitgezonderd=True, uitzondering_reden=reden.strip(),
                                             uitstel_tot=uitstel_tot)
    opslaan(lijst, reden=f"Dossier {regel.dossier_nummer} uitgezonderd: {reden.strip()}", door=door)
    regel.refresh_from_db()
    return regel


@transaction.atomic
def ter_goedkeuring_aanbieden(*, lijst_id: int, versie: int | None, door: User) -> Vernietigingslijst:
    lijst = _lijst(lijst_id, versie=versie, door=door)
    if lijst.status != LijstStatus.VOORGESTELD:
        raise ValidationError(_("Deze lijst is al ter goedkeuring aangeboden."))
    if not lijst.regels.filter(uitgezonderd=False).exists():
        raise ValidationError(_("Er staat geen dossier op deze lijst dat vernietigd wordt."))
    lijst.voorbereiden()
    lijst.voorbereid_door, lijst.voorbereid_op = door, timezone.now()
    opslaan(lijst, reden="Ter goedkeuring aangeboden", door=door)
    return lijst


def _beoordelen(lijst_id: int, *, versie: int | None, door: User) -> Vernietigingslijst:
    lijst = _lijst(lijst_id, versie=versie, door=door)
    if lijst.status != LijstStatus.TER_GOEDKEURING:
        raise ValidationError(_("Deze lijst wacht niet op goedkeuring."))
    if lijst.voorbereid_door_id == door.pk:
        raise ValidationError(ZELFDE_PERSOON)
    return lijst


@transaction.atomic
def goedkeuren(*, lijst_id: int, versie: int | None, toelichting: str, door: User) -> Vernietigingslijst:
    lijst = _beoordelen(lijst_id, versie=versie, door=door)
    lijst.goedkeuren()
    lijst.beoordeeld_door, lijst.beoordeeld_op, lijst.toelichting = door, timezone.now(), toelichting.strip()
    opslaan(lijst, reden="Goedgekeurd", door=door)
    return lijst


@transaction.atomic
def afwijzen(*, lijst_id: int, versie: int | None, toelichting: str, door: User) -> Vernietigingslijst:
    lijst = _beoordelen(lijst_id, versie=versie, door=door)
    if not toelichting.strip():
        raise ValidationError({"toelichting": _("Geef aan waarom u de lijst afwijst.")})
    lijst.afwijzen()
    lijst.beoordeeld_door, lijst.beoordeeld_op, lijst.toelichting = door, timezone.now(), toelichting.strip()
    opslaan(lijst, reden=f"Afgewezen: {toelichting.strip()}", door=door)
    lijst.regels.filter(uitgezonderd=False).update(actief=False)  # free for the next proposal
    return lijst


# --- destruction -----------------------------------------------------------------------------------

def dossier_vernietigen(dossier_id: int, *, peildatum: date) -> dict[str, int]:
    """Destroy everything of one dossier but the core (in the caller's transaction): the dossier, its
    intake, PIPs, traject, handhaving, letters and files, history rows; and — when it was the person's
    last dossier — the person-level data and the person's non-core fields. Returns the counts."""
    dossier = Dossier.objects.select_related("inburgeraar").get(pk=dossier_id)
    persoon = dossier.inburgeraar
    afsluiting = Afsluiting.objects.filter(dossier_id=dossier_id).first()
    Kerngegevens.objects.create(
        inburgeraar=persoon, dossier_nummer=dossier.pk, eind_reden=dossier.eind_reden,
        eind_datum=dossier.eind_datum or peildatum,
        afsluit_grond=(afsluiting.get_grond_display() if afsluiting and afsluiting.grond else ""),
        duo_besluit_datum=afsluiting.duo_besluit_datum if afsluiting else None,
        vernietigd_op=peildatum,
        bewaren_tot=kern_bewaren_tot(eind_datum=dossier.eind_datum or peildatum, termijnen=_termijnen()),
    )
    laatste = not Dossier.objects.filter(inburgeraar=persoon).exclude(pk=dossier_id).exists()
    verzameling = persoonsgegevens.verzamelen(dossier_ids=[dossier_id],
                                              inburgeraar_id=persoon.pk if laatste else None)
    _bestanden_na_commit(persoonsgegevens.bestanden(verzameling))
    aantallen = persoonsgegevens.wissen(verzameling)
    if laatste:
        persoonsgegevens.persoon_tot_kern(persoon.pk)
    return aantallen


def kern_vernietigen(dossier_nummer: int) -> None:
    """The core's term has passed: remove it; the person goes with their last core when no dossier
    refers to them any more."""
    kern = Kerngegevens.objects.filter(dossier_nummer=dossier_nummer).first()
    if kern is None:
        return
    persoon_id = kern.inburgeraar_id
    kern.delete()
    if not Kerngegevens.objects.filter(inburgeraar_id=persoon_id).exists() \
            and not Dossier.objects.filter(inburgeraar_id=persoon_id).exists():
        verzameling = persoonsgegevens.verzamelen(dossier_ids=[], inburgeraar_id=persoon_id)
        _bestanden_na_commit(persoonsgegevens.bestanden(verzameling))
        persoonsgegevens.wissen(verzameling)
        persoonsgegevens.persoon_wissen(persoon_id)


def _bestanden_na_commit(bestanden: list[tuple]) -> None:
    def weg():
        for storage, naam in bestanden:
            try:
                storage.delete(naam)
            except OSError:  # the daily orphan clean-up (documenten.wezen_opruimen) removes it later
                logger.warning("vernietiging: bestand %s kon niet worden verwijderd", naam)

    transaction.on_commit(weg)


@transaction.atomic
def uitvoeren(*, lijst_id: int, door: User | None = None) -> Vernietigingslijst:
    """Destroy the approved list (idempotent: a list that is not `goedgekeurd` is left as it is)."""
    lijst = Vernietigingslijst.objects.select_for_update().get(pk=lijst_id)
    if lijst.status != LijstStatus.GOEDGEKEURD:
        return lijst
    door = door or lijst.beoordeeld_door
    peildatum = vandaag()
    regels = list(lijst.regels.filter(uitgezonderd=False, vernietigd_op__isnull=True).order_by("pk"))
    dossier_regels = [r for r in regels if r.soort == RegelSoort.DOSSIER]
    nu_uitgezonderd = uitzonderingen([r.dossier_nummer for r in dossier_regels], vandaag=peildatum)
    bestaand = set(Dossier.objects.filter(pk__in=[r.dossier_nummer for r in dossier_regels])
                   .values_list("pk", flat=True))
    vernietigd = 0
    for regel in regels:
        if regel.soort == RegelSoort.DOSSIER and regel.dossier_nummer in nu_uitgezonderd:
            regel.overgeslagen_reden = " ".join(nu_uitgezonderd[regel.dossier_nummer])
        elif regel.soort == RegelSoort.DOSSIER and regel.dossier_nummer not in bestaand:
            regel.overgeslagen_reden = "Dit dossier bestaat niet meer."
        elif regel.soort == RegelSoort.DOSSIER:
            dossier_vernietigen(regel.dossier_nummer, peildatum=peildatum)
            regel.vernietigd_op = timezone.now()
            vernietigd += 1
        else:
            kern_vernietigen(regel.dossier_nummer)
            regel.vernietigd_op = timezone.now()
            vernietigd += 1
        regel.save(update_fields=["overgeslagen_reden", "vernietigd_op"])
    lijst.regels.update(actief=False)
    lijst.refresh_from_db()
    lijst.verklaring = _verklaring(lijst, door=door)
    lijst.uitgevoerd()
    lijst.uitgevoerd_op = timezone.now()
    opslaan(lijst, reden=f"Vernietigd: {vernietigd} regels", door=door)
    verwerking_vastleggen(Handeling.VERNIETIGEN, activiteit="vernietiging", dossier_ids=[
        r.dossier_nummer for r in regels if r.vernietigd_op])
    beveiliging_vastleggen(Gebeurtenis.VERNIETIGING, gebruiker=door, details={
        "lijst": lijst.pk, "nummer": lijst.nummer, "vernietigd": vernietigd,
        "dossiers": sorted(r.dossier_nummer for r in regels if r.vernietigd_op and r.soort == RegelSoort.DOSSIER),
        "kerngegevens": sorted(r.dossier_nummer for r in regels if r.vernietigd_op and r.soort == RegelSoort.KERN),
        "overgeslagen": sorted(r.dossier_nummer for r in regels if r.overgeslagen_reden),
    })
    return lijst


def _verklaring(lijst: Vernietigingslijst, *, door: User):
    """The verklaring van vernietiging: which dossiers (by number) were destroyed on which date, under
    which rule, approved by whom; never a name or a BSN."""
    regels = list(lijst.regels.order_by("soort", "dossier_nummer"))
    return document_opslaan(
        template_naam=VERKLARING_TEMPLATE, template_versie=VERKLARING_TEMPLATE_VERSIE,
        context={"lijst": lijst, "vernietigd": [r for r in regels if r.vernietigd_op],
                 "niet_vernietigd": [r for r in regels if not r.vernietigd_op],
                 "gemeente": GemeenteInstellingen.huidig(), "termijnen": _termijnen()},
        titel=f"Verklaring van vernietiging {lijst.nummer}", soort="verklaring_vernietiging", by=door,
    )


def personen_met_dossier(dossier_ids) -> dict[int, Inburgeraar]:
    """For the review page: the person of each dossier still on a list (names only for the privacy officer)."""
    return {d.pk: d.inburgeraar for d in Dossier.objects.filter(pk__in=list(dossier_ids)).select_related("inburgeraar")}
