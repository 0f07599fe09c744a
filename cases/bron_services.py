"""Person data from the source of truth (issue 14): apply what the BRP says to a person, and act on it.

- the BRP's fields (`BRP_VELDEN`) are overwritten by the BRP's values; the change is kept in the person's
  history as "uit BRP" with the changed labels, under the BRP system user (or the user who pressed
  "Verversen"); nothing changes → no history row, only the fetch time;
- a move out of the gemeente (another gemeente of inschrijving) becomes a signal on every running dossier
  with the handover steps (Wet inburgering 2021 art. 35);
- a death ends every running dossier (reden overleden) and starts the retention of the privacy rules;
- the date of inschrijving in this gemeente feeds the PIP deadline (Besluit 5.3: `datum_brp_vestiging`).

`verversen` does this for many persons in batches of 20 (the API's maximum per call); it is idempotent:
applying the same answer twice changes nothing the second time.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering.accounts.models import User
from inburgering.accounts.systeem import Systeembron, systeemgebruiker
from inburgering.audit.models import Handeling
from inburgering.audit.verwerkingen import verwerking_vastleggen
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.schrijven import opslaan

from . import persoonsbron
from .models import ACTIEVE_FASEN, BRP_VELDEN, Bron, Dossier, EindReden, Inburgeraar, Signaal, SignaalSoort
from .persoonsbron import Persoonsgegevens
from .services import dossier_beeindigen_uit_bron
from .termijnen.services import termijnen_herberekenen

logger = logging.getLogger(__name__)

BATCH = 20  # RaadpleegMetBurgerservicenummer: at most 20 BSNs per call

VERHUISD = ("Verhuisd naar {gemeente} volgens de BRP (ingeschreven op {datum}). Overdracht (Wet inburgering 2021, "
            "art. 35): informeer de nieuwe gemeente (warme overdracht), beëindig het dossier met reden 'verhuisd' "
            "en sluit lopende zaken af.")


def _waarden(gegevens: Persoonsgegevens) -> dict:
    regels = [*gegevens.adresregels, "", "", ""][:3]
    return {
        "voornamen": gegevens.voornamen, "voorvoegsel": gegevens.voorvoegsel,
        "geslachtsnaam": gegevens.geslachtsnaam, "geboortedatum": gegevens.geboortedatum,
        "geslacht": gegevens.geslacht or "X", "nationaliteit": gegevens.nationaliteit[:100],
        "straat": gegevens.straat, "huisnummer": gegevens.huisnummer, "postcode": gegevens.postcode,
        "woonplaats": gegevens.woonplaats, "adresregel1": regels[0], "adresregel2": regels[1],
        "adresregel3": regels[2], "gemeente_code": gegevens.gemeente_code, "gemeente_naam": gegevens.gemeente_naam,
        "datum_inschrijving_gemeente": gegevens.datum_inschrijving_gemeente, "overleden_op": gegevens.overleden_op,
    }


def nieuwe_persoon(gegevens: Persoonsgegevens) -> dict:
    """The field values of a person registered from the BRP (for `Inburgeraar(**...)`)."""
    return {"bsn": gegevens.bsn, **_waarden(gegevens), "bron": Bron.BRP, "bron_opgehaald_op": timezone.now()}


@dataclass
class Uitkomst:
    gewijzigd: list[str] = field(default_factory=list)  # labels of the changed fields
    verhuisd: bool = False
    overleden: bool = False
    beeindigd: list[int] = field(default_factory=list)
    termijnen: list[int] = field(default_factory=list)


def _label(veld: str) -> str:
    return str(Inburgeraar._meta.get_field(veld).verbose_name)


@transaction.atomic
def bijwerken_uit_bron(*, inburgeraar_id: int, gegevens: Persoonsgegevens, door: User | None = None) -> Uitkomst:
    """Apply the source's answer for one person (locked), then act on a move, a death, a new date."""
    door = door or systeemgebruiker(Systeembron.BRP)
    persoon = Inburgeraar.objects.select_for_update().get(pk=inburgeraar_id)
    oud = {veld: getattr(persoon, veld) for veld in BRP_VELDEN}
    oude_bron = persoon.bron
    nieuw = _waarden(gegevens)
    if persoon.overleden_op and not nieuw["overleden_op"]:
        nieuw["overleden_op"] = persoon.overleden_op  # a death recorded by hand stays until the BRP has it
    uitkomst = Uitkomst(gewijzigd=[_label(v) for v in BRP_VELDEN if oud[v] != nieuw[v]])
    for veld, waarde in nieuw.items():
        setattr(persoon, veld, waarde)
    persoon.bron, persoon.bron_opgehaald_op = Bron.BRP, timezone.now()
    if uitkomst.gewijzigd or oude_bron != Bron.BRP:
        opslaan(persoon, reden=_("uit BRP: %(velden)s") % {"velden": ", ".join(uitkomst.gewijzigd) or _("bron")},
                door=door)
    else:
        Inburgeraar.objects.filter(pk=persoon.pk).update(bron=Bron.BRP, bron_opgehaald_op=persoon.bron_opgehaald_op)

    lopend = list(Dossier.objects.filter(inburgeraar=persoon, fase__in=ACTIEVE_FASEN).order_by("pk"))
    # Logboek Dataverwerkingen: data received from the BRP about the person of these dossiers.
    verwerking_vastleggen(Handeling.ONTVANGEN, activiteit="brp-bevraging",
                          dossier_ids=Dossier.objects.filter(inburgeraar=persoon).values_list("pk", flat=True))
    eigen = GemeenteInstellingen.huidig().gemeentecode
    if nieuw["gemeente_code"] and nieuw["gemeente_code"] != eigen and oud["gemeente_code"] != nieuw["gemeente_code"]:
        uitkomst.verhuisd = True
        datum = nieuw["datum_inschrijving_gemeente"]
        tekst = VERHUISD.format(gemeente=nieuw["gemeente_naam"] or nieuw["gemeente_code"],
                                datum=f"{datum:%d-%m-%Y}" if datum else _("onbekende datum"))
        for dossier in lopend:
            opslaan(Signaal(dossier=dossier, soort=SignaalSoort.BRP, omschrijving=tekst[:300], aangemaakt_door=door),
                    reden="Melding uit de BRP: verhuisd", door=door)
    if nieuw["overleden_op"] and (lopend or not oud["overleden_op"]):
        uitkomst.overleden = True
        for dossier in lopend:
            dossier_beeindigen_uit_bron(dossier_id=dossier.pk, reden=EindReden.OVERLEDEN, datum=nieuw["overleden_op"],
                                        toelichting=_("Overlijden volgens de BRP"), door=door)
            uitkomst.beeindigd.append(dossier.pk)
        lopend = []
    inschrijving = nieuw["datum_inschrijving_gemeente"]
    if inschrijving and nieuw["gemeente_code"] == eigen:
        for dossier in lopend:
            if dossier.datum_brp_vestiging != inschrijving and dossier.datum_vestiging_na_verhuizing is None:
                dossier.datum_brp_vestiging = inschrijving
                opslaan(dossier, reden="uit BRP: datum vestiging", door=door)
                termijnen_herberekenen(dossier_id=dossier.pk, by=door)
                uitkomst.termijnen.append(dossier.pk)
    return uitkomst


@dataclass
class Verversing:
    gevraagd: int = 0
    bijgewerkt: int = 0
    onbekend: int = 0  # the BRP does not know the BSN (any more)
    verhuisd: int = 0
    overleden: int = 0


def te_verversen() -> Iterable[int]:
    """Everyone with a running dossier, and everyone whose data was typed by hand (to be confirmed)."""
    return (Inburgeraar.objects.filter(Q(dossiers__fase__in=ACTIEVE_FASEN) | Q(bron=Bron.HANDMATIG))
            .values_list("pk", flat=True).distinct().order_by("pk"))


def verversen(inburgeraar_ids: Iterable[int] | None = None, *, door: User | None = None) -> Verversing:
    """Refresh persons from the source in batches of 20; each person in its own transaction. Raises
    BronOnbereikbaar when the source cannot answer (the task retries later; what was done stays done)."""
    ids = list(te_verversen() if inburgeraar_ids is None else inburgeraar_ids)
    resultaat = Verversing()
    for start in range(0, len(ids), BATCH):
        stuk = dict(Inburgeraar.objects.filter(pk__in=ids[start:start + BATCH]).values_list("bsn", "pk"))
        antwoord = persoonsbron.opvragen(stuk)
        resultaat.gevraagd += len(stuk)
        for bsn, pk in stuk.items():
            gegevens = antwoord.get(bsn)
            if gegevens is None:
                resultaat.onbekend += 1
                continue
            uitkomst = bijwerken_uit_bron(inburgeraar_id=pk, gegevens=gegevens, door=door)
            resultaat.bijgewerkt += bool(uitkomst.gewijzigd)
            resultaat.verhuisd += uitkomst.verhuisd
            resultaat.overleden += uitkomst.overleden
    logger.info("BRP verversen: %s gevraagd, %s bijgewerkt, %s onbekend, %s verhuisd, %s overleden",
                resultaat.gevraagd, resultaat.bijgewerkt, resultaat.onbekend, resultaat.verhuisd, resultaat.overleden)
    return resultaat

