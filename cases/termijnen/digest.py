"""The daily e-mail digest per werkcoach: new signals and overdue termijnen of their own caseload
(DESIGN.md "Termijnen and the worklist"). Opt-out per user (`User.dagelijkse_samenvatting`)."""

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from cases.models import Signaal, SignaalSoort
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol

logger = logging.getLogger(__name__)

TEMPLATE = "cases/email/digest.txt"
MAX_REGELS = 50  # per section; the rest is counted ("en nog 12")


@dataclass
class Samenvatting:
    werkcoach: User
    nieuw: list[Signaal] = field(default_factory=list)
    verlopen: list[Signaal] = field(default_factory=list)

    @property
    def leeg(self) -> bool:
        return not self.nieuw and not self.verlopen


def _begin_van(dag: date) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time.min))


def samenvattingen(*, peildatum: date, werkcoaches: list[User]) -> dict[int, Samenvatting]:
    """One query: open, not snoozed signals of the werkcoaches' own dossiers that are new (created
    since the start of the previous day) or overdue (verlopen, however old)."""
    sinds = _begin_van(peildatum - timedelta(days=1))
    uitkomst = {w.pk: Samenvatting(werkcoach=w) for w in werkcoaches}
    signalen = (
        Signaal.objects.filter(afgehandeld_op__isnull=True, dossier__werkcoach__in=list(uitkomst))
        .filter(Q(gesnoozed_tot__isnull=True) | Q(gesnoozed_tot__lte=peildatum))
        .filter(Q(aangemaakt_op__gte=sinds) | Q(soort=SignaalSoort.VERLOPEN))
        .select_related("dossier__inburgeraar", "termijn")
        .order_by("termijn__fatale_datum", "aangemaakt_op", "pk")
    )
    for signaal in signalen:
        signaal.is_nieuw = signaal.aangemaakt_op >= sinds
        s = uitkomst[signaal.dossier.werkcoach_id]
        (s.verlopen if signaal.soort == SignaalSoort.VERLOPEN else s.nieuw).append(signaal)
    return uitkomst


def _ontvangers(peildatum: date) -> list[User]:
    return list(
        User.objects.filter(is_active=True, groups__name=Rol.WERKCOACH.value, dagelijkse_samenvatting=True)
        .exclude(email="")
        .exclude(laatste_samenvatting=peildatum)
        .distinct()
        .order_by("pk")
    )


def digest_versturen(*, peildatum: date) -> int:
    """Send each werkcoach who wants it one e-mail about `peildatum`; nothing when there is nothing
    to report. Safe to run twice: a conditional UPDATE of `laatste_samenvatting` claims the day per
    user in the same transaction as the send, so a failed send is retried and a sent one never again.
    Returns the number of e-mails sent."""
    ontvangers = _ontvangers(peildatum)
    verstuurd = 0
    for samenvatting in samenvattingen(peildatum=peildatum, werkcoaches=ontvangers).values():
        if samenvatting.leeg:
            continue
        user = samenvatting.werkcoach
        with transaction.atomic():
            geclaimd = (
                User.objects.filter(pk=user.pk).exclude(laatste_samenvatting=peildatum)
                .update(laatste_samenvatting=peildatum)
            )
            if not geclaimd:  # another worker sent it already
                continue
            onderwerp, tekst = _bericht(samenvatting, peildatum)
            send_mail(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [user.email])
        verstuurd += 1
    logger.info("digest_versturen %s: %s e-mails", peildatum, verstuurd)
    return verstuurd


def _bericht(s: Samenvatting, peildatum: date) -> tuple[str, str]:
    onderwerp = f"Werkvoorraad {peildatum:%d-%m-%Y}: {len(s.nieuw)} nieuw, {len(s.verlopen)} verlopen"
    tekst = render_to_string(TEMPLATE, {
        "werkcoach": s.werkcoach, "peildatum": peildatum, "max": MAX_REGELS,
        "nieuw": s.nieuw[:MAX_REGELS], "nieuw_meer": max(0, len(s.nieuw) - MAX_REGELS),
        "verlopen": s.verlopen[:MAX_REGELS], "verlopen_meer": max(0, len(s.verlopen) - MAX_REGELS),
        "basis_url": settings.SITE_URL,
    })
    return onderwerp, tekst
