"""The drain of the DUO outbox (issue 16): per person in order, at least once, never twice what DUO accepted.

1. Claim: in a short transaction, lock the oldest due message whose person has no earlier open message
   (`select_for_update(skip_locked=True)`: a second worker takes another person), mark it `bezig` with a
   lease, count the attempt, and COMMIT — before the HTTP call, so no database lock is held while DUO thinks.
2. Send with the message's own berichtId (the same on every attempt: DUO deduplicates on it).
3. Record the answer in a second transaction, only if the lease is still ours (same attempt number).
A worker killed between 1 and 3 leaves a `bezig` message whose lease runs out; the next drain sends it again
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
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
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


def outbox_verzenden(*, max_berichten: int = 500, client: DuoClient | None = None) -> Uitkomst:
    """Send what is due, one message at a time, until nothing is due or `max_berichten` were tried."""
    client = client or DuoClient.from_settings()
    uitkomst = Uitkomst()
    for _i in range(max_berichten):
        bericht = claimen()
        if bericht is None:
            break
        bericht_verzenden(bericht, client=client, uitkomst=uitkomst)
    return uitkomst


def bericht_verzenden(bericht: DuoBericht, *, client: DuoClient, uitkomst: Uitkomst | None = None) -> str:
    """Send one claimed message and record the answer; returns the new status."""
    uitkomst = uitkomst if uitkomst is not None else Uitkomst()
    try:
        antwoord = _versturen(bericht, client)
    except DuoOnbereikbaar as fout:
        if fout.tls:  # retried like an outage, but a certificate problem needs a person: alert now
            koppeling_geweigerd(status=0)
        return _vastleggen(bericht, None, str(fout), uitkomst)
    return _vastleggen(bericht, antwoord, "", uitkomst)


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


def _vastleggen(bericht: DuoBericht, antwoord: Antwoord | None, fout: str, uitkomst: Uitkomst) -> str:
    nu = timezone.now()
    alarm = None
    with transaction.atomic():
        rij = DuoBericht.objects.select_for_update().select_related("dossier").get(pk=bericht.pk)
        if rij.status != Status.BEZIG or rij.pogingen != bericht.pogingen:
            return rij.status  # the lease ran out and another worker took it over: its answer counts
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
        if antwoord is not None:  # DUO received the data (whatever it answered): a verstrekking
            verwerking_vastleggen(Handeling.VERSTREKKEN, activiteit=ACTIVITEIT, dossier_ids=[rij.dossier_id])
    if alarm is not None:  # after the commit: the dead letter stands even if the alert fails
        koppeling_geweigerd(status=alarm)
    uitkomst.ids.append(rij.pk)
    return rij.status


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
