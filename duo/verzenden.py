"""The drain of the DUO outbox (issue 16): per person in order, at least once, never twice what DUO accepted.

1. Claim: in a short transaction, lock a batch of due messages (`DUO_REEKS`), each the oldest open message of
   its person — so at most one per person (`select_for_update(skip_locked=True)`: a second worker takes other
   persons) — mark them `bezig` with a lease, count the attempt, and COMMIT — before the HTTP calls, so no
   database lock is held while DUO thinks.
2. Send each with its own berichtId (the same on every attempt: DUO deduplicates on it), up to
   `DUO_GELIJKTIJDIG` at once (different persons, so the order per person holds).
3. Record the answers in one transaction, each only if its lease is still ours (same attempt number).
A worker killed between 1 and 3 leaves `bezig` messages whose lease runs out; the next drain sends them again
with the same berichtId. Answers:
- 2xx: verzonden;
- 400, 404, or 403 with DUO's `Foutmelding` list: geweigerd, with DUO's texts, and a signal for the werkcoach;
- 401, or 403 without a body: DUO refuses the connection itself: dode_letter and an alert for the
  koppelbeheerder (beveiligingslog, the outbox screen, e-mail);
- 5xx, a timeout, no connection: try again later (exponential backoff), after DUO_MAX_POGINGEN: dode_letter;
- any other status: dode_letter (a fault of ours; a person has to look).
"""

import logging
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.audit.models import Gebeurtenis, Handeling
from inburgering.audit.services import beveiliging_vastleggen
from inburgering.audit.verwerkingen import verwerking_vastleggen
from inburgering.instellingen.models import GemeenteInstellingen
from inburgering.schrijven import vergrendelen

from . import berichten
from .client import Antwoord, DuoClient, DuoOnbereikbaar
from .models import BLOKKEREND, DuoBericht, DuoContactpersoon, KoppelingMelding, Soort, Status
from .services import signaal_geven, verzending_starten

logger = logging.getLogger(__name__)

ACTIVITEIT = "duo-melding"
GEWEIGERD_400 = "DUO kon het bericht niet verwerken (400): het voldoet niet aan het contract."
ONBEKEND_404 = "DUO kent deze persoon niet of de gemeente is niet bevoegd (404)."
KOPPELING_GEWEIGERD = "DUO weigert de koppeling (HTTP {status}): controleer het certificaat en het OIN."
OPNIEUW_PROBEREN = "DUO gaf na {n} pogingen geen antwoord; gebruik 'opnieuw proberen' als DUO weer bereikbaar is."
ONVERWACHT = "Onverwacht antwoord van DUO (HTTP {status})."
TLS_MISLUKT = "De beveiligde verbinding met DUO mislukt (TLS): controleer het certificaat, de sleutel en DUO_CA_BUNDLE."


@dataclass
class Uitkomst:
    verzonden: int = 0
    geweigerd: int = 0
    opnieuw: int = 0
    dode_letter: int = 0
    ids: list[int] = field(default_factory=list)


def _te_doen(nu):
    eerder_open = DuoBericht.objects.filter(persoon_id=OuterRef("persoon_id"), id__lt=OuterRef("id"),
                                            status__in=BLOKKEREND)
    return (DuoBericht.objects
            .filter(Q(status=Status.WACHTEND, volgende_poging_op__lte=nu) | Q(status=Status.BEZIG, bezig_tot__lte=nu))
            .exclude(Exists(eerder_open)))


VASTGELOPEN = "Elke poging werd afgebroken voordat DUO antwoordde ({n} keer); gebruik 'opnieuw proberen'."


def claimen(*, persoon_id: int | None = None) -> DuoBericht | None:
    """Claim one due message (optionally of one person) with a lease, committed on return. A message whose
    lease ran out DUO_MAX_POGINGEN times (every worker that took it died) becomes a dead letter instead of
    being taken again forever."""
    while True:
        nu = timezone.now()
        with transaction.atomic():
            rijen = _te_doen(nu)
            if persoon_id is not None:
                rijen = rijen.filter(persoon_id=persoon_id)
            bericht = rijen.select_for_update(skip_locked=True).order_by("id").first()
            if bericht is None:
                return None
            if bericht.status == Status.BEZIG and bericht.pogingen >= settings.DUO_MAX_POGINGEN:
                bericht.status, bericht.bezig_tot = Status.DODE_LETTER, None
                bericht.redenen = [VASTGELOPEN.format(n=bericht.pogingen)]
                bericht.save(update_fields=["status", "bezig_tot", "redenen"])
                continue
            return _lease(bericht, nu)


def _lease(bericht: DuoBericht, nu) -> DuoBericht:
    """Mark the locked row bezig until the lease ends and count the attempt (inside the claim's transaction)."""
    bericht.status = Status.BEZIG
    bericht.bezig_tot = nu + timedelta(seconds=settings.DUO_LEASE_SECONDEN)
    bericht.pogingen += 1
    bericht.laatst_geprobeerd_op = nu
    bericht.save(update_fields=["status", "bezig_tot", "pogingen", "laatst_geprobeerd_op"])
    return bericht


def claimen_reeks(limiet: int) -> list[DuoBericht]:
    """Claim up to `limiet` due messages, at most one per person (each is its person's oldest open one), with a
    lease; committed on return."""
    while True:
        nu = timezone.now()
        tot = nu + timedelta(seconds=settings.DUO_LEASE_SECONDEN)
        with transaction.atomic():
            rijen = list(_te_doen(nu).select_for_update(skip_locked=True).order_by("id")[:limiet])
            vastgelopen = [r for r in rijen if r.status == Status.BEZIG and r.pogingen >= settings.DUO_MAX_POGINGEN]
            for rij in vastgelopen:  # as in `claimen`: every worker that took it died
                rij.status, rij.bezig_tot, rij.redenen = Status.DODE_LETTER, None, [VASTGELOPEN.format(n=rij.pogingen)]
                rij.save(update_fields=["status", "bezig_tot", "redenen"])
            rijen = [r for r in rijen if r not in vastgelopen]
            if rijen:
                DuoBericht.objects.filter(pk__in=[r.pk for r in rijen]).update(
                    status=Status.BEZIG, bezig_tot=tot, pogingen=F("pogingen") + 1, laatst_geprobeerd_op=nu)
        if rijen or not vastgelopen:
            break  # a batch that only held stuck messages: claim again (a later message of theirs may be due)
    for rij in rijen:
        rij.status, rij.bezig_tot, rij.pogingen, rij.laatst_geprobeerd_op = Status.BEZIG, tot, rij.pogingen + 1, nu
    return rijen


def outbox_verzenden(*, max_berichten: int = 500, client: DuoClient | None = None) -> Uitkomst:
    """Send what is due, batch by batch, until nothing is due or `max_berichten` were tried."""
    client = client or DuoClient.from_settings()
    uitkomst = Uitkomst()
    gedaan = 0
    with ThreadPoolExecutor(max_workers=settings.DUO_GELIJKTIJDIG, thread_name_prefix="duo") as pool:
        while gedaan < max_berichten:
            reeks = claimen_reeks(min(settings.DUO_REEKS, max_berichten - gedaan))
            if not reeks:
                break
            gedaan += len(reeks)
            # A contactpersoon message reads and writes the database (DUO's id of the werkcoach): on this thread.
            los = [b for b in reeks if b.soort != Soort.CONTACTPERSOON]
            pogingen = dict(zip([b.pk for b in los], pool.map(lambda b: _proberen(b, client), los), strict=True))
            for bericht in reeks:
                if bericht.pk not in pogingen:
                    pogingen[bericht.pk] = _proberen(bericht, client)
            _reeks_vastleggen([(b, pogingen[b.pk]) for b in reeks], uitkomst)
    return uitkomst


@dataclass(frozen=True)
class Poging:
    antwoord: Antwoord | None
    fout: str = ""
    tls: bool = False  # the TLS handshake failed: retried like an outage, but a person must look at the certificate


def _proberen(bericht: DuoBericht, client: DuoClient) -> Poging:
    try:
        return Poging(_versturen(bericht, client))
    except DuoOnbereikbaar as fout:
        return Poging(None, str(fout), tls=bool(fout.tls))


def bericht_verzenden(bericht: DuoBericht, *, client: DuoClient, uitkomst: Uitkomst | None = None) -> str:
    """Send one claimed message and record the answer; returns the new status."""
    uitkomst = uitkomst if uitkomst is not None else Uitkomst()
    _reeks_vastleggen([(bericht, _proberen(bericht, client))], uitkomst)
    return DuoBericht.objects.values_list("status", flat=True).get(pk=bericht.pk)


def _versturen(bericht: DuoBericht, client: DuoClient) -> Antwoord:
    if bericht.soort != Soort.CONTACTPERSOON:
        return client.versturen(methode=bericht.methode, pad=bericht.pad, body=bericht.body,
                                bericht_id=str(bericht.bericht_id))
    bekend = DuoContactpersoon.objects.filter(gebruiker_id=bericht.contactpersoon_id).first()
    if bekend is None:
        antwoord = _contactpersoon_registreren(bericht, client)
        if antwoord is not None:
            return antwoord  # the registration failed: its answer decides
        bekend = DuoContactpersoon.objects.get(gebruiker_id=bericht.contactpersoon_id)
    return client.versturen(methode=bericht.methode, pad=bericht.pad.replace("{id}", str(bekend.duo_id)), body=None,
                            bericht_id=str(bericht.bericht_id))


def _contactpersoon_registreren(bericht: DuoBericht, client: DuoClient) -> Antwoord | None:
    """POST /contactpersonen for the werkcoach, with a berichtId derived from the message's (the same on every
    attempt, so DUO registers them once). None when registered; else DUO's answer."""
    werkcoach = User.objects.get(pk=bericht.contactpersoon_id)
    body = berichten.contactpersoon_body(naam=werkcoach.get_full_name() or werkcoach.get_username(),
                                         email=werkcoach.email, telefoon=GemeenteInstellingen.huidig().telefoonnummer)
    methode, pad, _sjabloon, _map = berichten.CONTACTPERSOON_REGISTREREN
    antwoord = client.versturen(methode=methode, pad=pad, body=body,
                                bericht_id=str(uuid.uuid5(bericht.bericht_id, "contactpersoon-registreren")))
    if 200 <= antwoord.status < 300 and isinstance(antwoord.json, dict) and isinstance(antwoord.json.get("id"), int):
        DuoContactpersoon.objects.get_or_create(gebruiker=werkcoach, defaults={"duo_id": antwoord.json["id"]})
        return None
    if 200 <= antwoord.status < 300:
        return Antwoord(status=599, json=None)  # accepted without an id: not what the contract says
    return antwoord


def _foutmeldingen(antwoord: Antwoord) -> list[str]:
    if isinstance(antwoord.json, list):
        return [str(f.get("fouttekst", ""))[:200] for f in antwoord.json if isinstance(f, dict) and f.get("fouttekst")]
    return []


def _reeks_vastleggen(resultaten: list[tuple[DuoBericht, Poging]], uitkomst: Uitkomst) -> None:
    """Record the answers of a batch in one transaction (one processing-log entry for what DUO received); the
    koppelbeheerder's alerts after the commit, so a dead letter stands even if an alert fails."""
    alarmen: set[int] = set()
    ontvangen: list[int] = []
    with transaction.atomic():
        rijen = DuoBericht.objects.select_for_update().select_related("dossier").in_bulk(
            [b.pk for b, _p in resultaten])
        for bericht, poging in resultaten:
            if poging.tls:
                alarmen.add(0)
            rij = rijen[bericht.pk]
            if rij.status != Status.BEZIG or rij.pogingen != bericht.pogingen:
                continue  # the lease ran out and another worker took it over: its answer counts
            if (alarm := _vastleggen(rij, poging.antwoord, poging.fout, uitkomst)) is not None:
                alarmen.add(alarm)
            if poging.antwoord is not None:  # DUO received the data (whatever it answered): a verstrekking
                ontvangen.append(rij.dossier_id)
        if ontvangen:
            verwerking_vastleggen(Handeling.VERSTREKKEN, activiteit=ACTIVITEIT, dossier_ids=ontvangen)
    for alarm in sorted(alarmen):
        koppeling_geweigerd(status=alarm)


def _vastleggen(rij: DuoBericht, antwoord: Antwoord | None, fout: str, uitkomst: Uitkomst) -> int | None:
    """One locked message that is still ours: its new status from DUO's answer; the HTTP status to alert on."""
    nu = timezone.now()
    alarm = None
    rij.bezig_tot = None
    rij.laatste_http_status = antwoord.status if antwoord else None
    rij.laatste_fout = fout[:300]
    status = antwoord.status if antwoord else None
    meldingen = _foutmeldingen(antwoord) if antwoord else []
    if status is not None and 200 <= status < 300:
        rij.status, rij.verzonden_op, rij.redenen = Status.VERZONDEN, nu, []
        uitkomst.verzonden += 1
    elif status in (400, 404) or (status == 403 and meldingen):
        rij.status = Status.GEWEIGERD
        rij.redenen = meldingen or [GEWEIGERD_400 if status == 400 else ONBEKEND_404]
        uitkomst.geweigerd += 1
        signaal_geven(dossier=rij.dossier, soort_label=str(rij.get_soort_display()), reden=rij.redenen[0],
                      door=None)
    elif status in (401, 403):
        rij.status, rij.redenen = Status.DODE_LETTER, [KOPPELING_GEWEIGERD.format(status=status)]
        uitkomst.dode_letter += 1
        alarm = status
    elif status is None or status >= 500:
        if rij.pogingen >= settings.DUO_MAX_POGINGEN:
            rij.status, rij.redenen = Status.DODE_LETTER, [OPNIEUW_PROBEREN.format(n=rij.pogingen)]
            uitkomst.dode_letter += 1
        else:
            rij.status = Status.WACHTEND
            rij.volgende_poging_op = nu + wachttijd(rij.pogingen)
            uitkomst.opnieuw += 1
    else:
        rij.status, rij.redenen = Status.DODE_LETTER, [ONVERWACHT.format(status=status)]
        uitkomst.dode_letter += 1
    rij.save()
    uitkomst.ids.append(rij.pk)
    return alarm


def wachttijd(pogingen: int) -> timedelta:
    """Exponential backoff: DUO_BACKOFF_SECONDEN after the first failure, doubled each time, capped."""
    seconden = settings.DUO_BACKOFF_SECONDEN * (2 ** max(0, pogingen - 1))
    return timedelta(seconds=min(seconden, settings.DUO_BACKOFF_MAX_SECONDEN))


def koppeling_geweigerd(*, status: int) -> None:
    """DUO refuses the connection (certificate, OIN; `status` 0: the TLS handshake failed): one open alert at a
    time per status, in the beveiligingslog, on the outbox screen, and by e-mail to the koppelbeheerders. No
    personal data."""
    if KoppelingMelding.objects.filter(afgehandeld_op=None, http_status=status).exists():
        return
    tekst = KOPPELING_GEWEIGERD.format(status=status) if status else TLS_MISLUKT
    KoppelingMelding.objects.create(http_status=status, tekst=tekst)
    beveiliging_vastleggen(Gebeurtenis.DUO_KOPPELING, details={"http_status": status, "koppeling": "duo"})
    adressen = list(User.objects.filter(groups__name=Rol.KOPPELBEHEER.value, is_active=True)
                    .exclude(email="").values_list("email", flat=True))
    if adressen:
        send_mail(_("DUO weigert de koppeling"), tekst + "\n\n" + settings.SITE_URL + "/duo/",
                  settings.DEFAULT_FROM_EMAIL, adressen, fail_silently=True)
    logger.error("DUO: koppeling geweigerd met HTTP %s", status)


@transaction.atomic
def opnieuw_proberen(*, bericht_id: int, versie: int | None, by: User) -> DuoBericht:
    """The koppelbeheerder sends a dead letter again (same berichtId: DUO deduplicates). Strict version."""
    if not by.heeft_rol(Rol.KOPPELBEHEER):
        raise PermissionDenied
    bericht = vergrendelen(DuoBericht.objects.all(), pk=bericht_id, versie=versie)
    if bericht.status != Status.DODE_LETTER:
        raise ValidationError(_("Alleen een bericht dat niet af te leveren was, kan opnieuw worden verstuurd."))
    bericht.status = Status.WACHTEND
    bericht.pogingen = 0
    bericht.volgende_poging_op = timezone.now()
    bericht.redenen = []
    bericht.versie += 1
    bericht.save()
    transaction.on_commit(verzending_starten)
    return bericht
