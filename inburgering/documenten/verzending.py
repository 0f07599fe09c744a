"""Verzending and bekendmaking of letters (issue 15).

A beschikking that is not sent is not bekendgemaakt (Awb 3:41), and the bezwaartermijn runs from the
bekendmaking (Awb 6:8). So a letter goes *aangemaakt → verzonden*:
- handed over in person: sent at once, on the handover date (`verzending_aanmaken(..., uitgereikt_op=)`);
- by post: it waits for the daily print batch; the postkamer composes the batch (one PDF/A with every
  waiting letter, plus a verzendlijst), posts it, and confirms the day it was posted — that day becomes the
  bekendmaking of every letter in the batch, and the app that owns each letter is told
  (`registreer_bij_verzending(soort, functie)`, filled from the apps' ready(): pip_plans moves the PIP's
  bezwaartermijn), in the same transaction.
A letter is in one batch only (the batch is set once, under a lock); composing twice finds nothing new.
No letter goes by post to a person without an address: the owning service refuses that choice.
"""

from collections.abc import Callable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.audit.models import Gebeurtenis, Handeling
from inburgering.audit.services import beveiliging_vastleggen
from inburgering.audit.verwerkingen import verwerking_vastleggen
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.kalender.selectors import vandaag
from inburgering.schrijven import opslaan, vergrendelen

from .models import Document, Verzendbatch, Verzending, VerzendStatus, VerzendWijze
from .pdf import render_pdf, render_pdf_bundel
from .services import pdf_opslaan

GEEN_ADRES = _("Van deze persoon is geen adres bekend (BRP): de brief kan niet per post. Reik hem persoonlijk "
               "uit, of vraag het adres na en ververs de gegevens uit de BRP.")
UITREIKING_INVULLEN = _("Vul de datum van uitreiking in.")
UITREIKING_TOEKOMST = _("De datum van uitreiking ligt in de toekomst.")
NIETS_TE_VERZENDEN = _("Er liggen geen brieven klaar voor de post.")
ALLEEN_POSTKAMER = _("Alleen de postkamer stelt printbatches samen en bevestigt de verzending.")
VERZENDLIJST_TEMPLATE = "documenten/verzendlijst.html"
TEMPLATE_VERSIE = "1"

BijVerzending = Callable[[Verzending, date, User], None]
_BIJ_VERZENDING: dict[str, BijVerzending] = {}


def registreer_bij_verzending(soort: str, functie: BijVerzending) -> None:
    """An app that makes letters of `soort` is told when one is sent (its bekendmaking)."""
    _BIJ_VERZENDING[soort] = functie


def verzendwijze_fouten(*, per_post: bool, uitgereikt_op: date | None, heeft_adres: bool,
                        vandaag: date) -> dict[str, str]:
    """The one rule of how a letter may go out (pure): by post needs an address; a handover needs its day,
    not in the future."""
    if per_post:
        return {} if heeft_adres else {"verzendwijze": str(GEEN_ADRES)}
    if uitgereikt_op is None:
        return {"uitgereikt_op": str(UITREIKING_INVULLEN)}
    if uitgereikt_op > vandaag:
        return {"uitgereikt_op": str(UITREIKING_TOEKOMST)}
    return {}


def verzendwijze_controleren(*, per_post: bool, uitgereikt_op: date | None, heeft_adres: bool) -> None:
    """`verzendwijze_fouten` for a service: call it before rendering the letter, so nothing is made in vain."""
    if fouten := verzendwijze_fouten(per_post=per_post, uitgereikt_op=uitgereikt_op, heeft_adres=heeft_adres,
                                     vandaag=vandaag()):
        raise ValidationError(fouten)


def verzending_aanmaken(*, document: Document, dossier_id: int, soort: str, kenmerk: str, per_post: bool,
                        uitgereikt_op: date | None = None, heeft_adres: bool = True) -> Verzending:
    """Record how a new letter goes out, in the caller's transaction. By post it waits for the batch;
    handed over, it is sent on that day (the caller uses that day as the bekendmaking)."""
    verzendwijze_controleren(per_post=per_post, uitgereikt_op=uitgereikt_op, heeft_adres=heeft_adres)
    if per_post:
        return Verzending.objects.create(document=document, dossier_id=dossier_id, soort=soort, kenmerk=kenmerk,
                                         wijze=VerzendWijze.POST)
    return Verzending.objects.create(document=document, dossier_id=dossier_id, soort=soort, kenmerk=kenmerk,
                                     wijze=VerzendWijze.UITREIKING, status=VerzendStatus.VERZONDEN,
                                     verzonden_op=uitgereikt_op)


def wachtend():
    """Letters waiting for the post (not yet in a batch)."""
    return Verzending.objects.filter(wijze=VerzendWijze.POST, status=VerzendStatus.AANGEMAAKT, batch__isnull=True)


def _postkamer(door: User) -> None:
    if not door.heeft_rol(Rol.POSTKAMER):
        raise PermissionDenied(ALLEEN_POSTKAMER)


@transaction.atomic
def batch_samenstellen(*, door: User, request=None) -> Verzendbatch:
    """Every waiting letter into one new batch: one PDF/A of the letters and a verzendlijst (kenmerken, no
    names). The waiting letters are locked first, so two postkamer users composing at once split nothing."""
    _postkamer(door)
    verzendingen = list(wachtend().select_for_update(of=("self",)).select_related("document").order_by("pk"))
    if not verzendingen:
        raise ValidationError(NIETS_TE_VERZENDEN)
    datum = vandaag()
    gemeente = GemeenteInstellingen.huidig()
    bundel = pdf_opslaan(html="", pdf=render_pdf_bundel([v.document.html for v in verzendingen]),
                         template_naam="(bundel)", template_versie=TEMPLATE_VERSIE,
                         titel=f"Printbatch {datum:%d-%m-%Y}", soort="printbatch", by=door)
    titel = f"Verzendlijst {datum:%d-%m-%Y}"
    html, pdf = render_pdf(template_naam=VERZENDLIJST_TEMPLATE, titel=titel,
                           context={"gemeente": gemeente, "verzendingen": verzendingen, "datum": datum})
    lijst = pdf_opslaan(html=html, pdf=pdf, template_naam=VERZENDLIJST_TEMPLATE, template_versie=TEMPLATE_VERSIE,
                        titel=titel, soort="verzendlijst", by=door)
    batch = Verzendbatch.objects.create(datum=datum, aangemaakt_door=door, bundel=bundel, verzendlijst=lijst)
    Verzending.objects.filter(pk__in=[v.pk for v in verzendingen]).update(batch=batch)
    beveiliging_vastleggen(Gebeurtenis.EXPORT, request=request, gebruiker=door, details={
        "soort": "printbatch", "batch": batch.pk, "brieven": len(verzendingen)})
    verwerking_vastleggen(Handeling.RAADPLEGEN, activiteit="verzending",
                          dossier_ids=[v.dossier_id for v in verzendingen])
    return batch


@transaction.atomic
def batch_bevestigen(*, batch_id: int, gepost_op: date, versie: int | None, door: User, request=None) -> Verzendbatch:
    """The postkamer confirms the day the batch was posted: that day is the bekendmaking of each letter;
    each owning app is told. Once only (strict version, and a confirmed batch is refused)."""
    _postkamer(door)
    batch = vergrendelen(Verzendbatch.objects.all(), pk=batch_id, versie=versie)
    if batch.gepost_op is not None:
        raise ValidationError(_("Deze printbatch is al als gepost bevestigd."))
    if gepost_op > vandaag():
        raise ValidationError({"gepost_op": _("Die datum ligt in de toekomst.")})
    if gepost_op < batch.datum:
        raise ValidationError({"gepost_op": _("De batch is op %(datum)s samengesteld; hij kan niet eerder gepost "
                                              "zijn.") % {"datum": f"{batch.datum:%d-%m-%Y}"}})
    verzendingen = list(batch.verzendingen.select_for_update(of=("self",)).order_by("pk"))
    for verzending in verzendingen:
        verzending.status, verzending.verzonden_op = VerzendStatus.VERZONDEN, gepost_op
        verzending.save(update_fields=["status", "verzonden_op"])
        functie = _BIJ_VERZENDING.get(verzending.soort)
        if functie is not None:
            functie(verzending, gepost_op, door)
    batch.gepost_op, batch.bevestigd_door, batch.bevestigd_op = gepost_op, door, timezone.now()
    bundel, batch.bundel = batch.bundel, None
    opslaan(batch, reden=f"Gepost op {gepost_op:%d-%m-%Y}", door=door)
    if bundel is not None:
        _bundel_verwijderen(bundel)
    beveiliging_vastleggen(Gebeurtenis.VERZONDEN, request=request, gebruiker=door, details={
        "batch": batch.pk, "gepost_op": gepost_op.isoformat(), "kenmerken": [v.kenmerk for v in verzendingen]})
    verwerking_vastleggen(Handeling.VERSTREKKEN, activiteit="verzending",
                          dossier_ids=[v.dossier_id for v in verzendingen])
    return batch



def _bundel_verwijderen(bundel: Document) -> None:
    """Once posted, the bundle (letters of many persons in one file) is no longer needed: each letter stays
    with its own dossier, the verzendlijst (kenmerken only) stays as proof of posting. The one place that
    removes a document outside destruction: a raw delete (documents refuse `delete()`), the file after commit."""
    storage, naam = bundel.bestand.storage, bundel.bestand.name
    Document._base_manager.filter(pk=bundel.pk)._raw_delete(Document._base_manager.db)
    transaction.on_commit(lambda: storage.delete(naam))
