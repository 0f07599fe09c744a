"""The agenda's write use-cases: plan, cancel, the appointment behind an invitation letter, and the
renewal of a user's iCalendar address."""

import secrets
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases import access
from cases.models import Afspraak, AfspraakSoort, AgendaFeed, Dossier, Uitnodiging, UitnodigingVoortgangsgesprek
from inburgering.accounts.models import User
from inburgering.accounts.roles import Rol
from inburgering.schrijven import opslaan, vergrendelen

from . import rules, selectors

DOSSIER_AFGESLOTEN = gettext_lazy("Dit dossier is afgesloten; er kan geen afspraak meer worden gepland.")
AL_AFGEZEGD = gettext_lazy("Deze afspraak is al afgezegd.")


def moment(datum: date, tijd: time) -> datetime:
    """A date and a time on the wall clock of the gemeente (TIME_ZONE) as an aware datetime."""
    return timezone.make_aware(datetime.combine(datum, tijd))


def kiesbare_medewerkers(dossier: Dossier):
    """Who can be at an appointment of this dossier: the werkcoaches of its team and its own werkcoach, and
    the consulenten (e.g. a hoorzitting)."""
    filter_ = Q(groups__name=Rol.CONSULENT.value)
    if dossier.team_id:
        filter_ |= Q(groups__name=Rol.WERKCOACH.value, team_id=dossier.team_id)
    if dossier.werkcoach_id:
        filter_ |= Q(pk=dossier.werkcoach_id)
    return User.objects.filter(filter_, is_active=True).distinct().order_by("first_name", "last_name", "pk")


def _conflict_tekst(conflicten: list[Afspraak]) -> str:
    tijden = ", ".join(
        f"{a.get_soort_display()} {time_format(timezone.localtime(a.start), 'H:i')}–"
        f"{time_format(timezone.localtime(a.eind), 'H:i')}" for a in conflicten[:3])
    return _("Er is op dat moment al een afspraak (%(tijden)s). Vink \"Toch inplannen\" aan om de afspraak "
             "toch vast te leggen, of kies een ander tijdstip.") % {"tijden": tijden}


@transaction.atomic
def afspraak_plannen(
    *, dossier_id: int, soort: str, datum: date, begintijd: time, eindtijd: time, locatie: str,
    medewerker_ids: list[int], externe_deelnemers: str = "", toelichting: str = "", toch_inplannen: bool = False,
    by: User,
) -> Afspraak:
    """Plan an appointment on a dossier the user may change. Not in the past, the end after the start; when
    one of the medewerkers already has an appointment then, the user confirms (`toch_inplannen`)."""
    dossier = vergrendelen(access.zichtbare_dossiers(by), pk=dossier_id, mag=lambda d: access.mag_dossier_bewerken(by, d))
    if not dossier.is_actief:
        raise ValidationError(DOSSIER_AFGESLOTEN)
    start, eind = moment(datum, begintijd), moment(datum, eindtijd)
    toegestaan = set(kiesbare_medewerkers(dossier).filter(pk__in=medewerker_ids).values_list("pk", flat=True))
    fouten = rules.afspraak_fouten(
        soort=soort, start=start, eind=eind, locatie=locatie, aantal_medewerkers=len(toegestaan),
        externe_deelnemers=externe_deelnemers, nu=timezone.now(),
    )
    if set(medewerker_ids) - toegestaan:
        fouten.setdefault("medewerkers", _("Kies medewerkers uit de lijst."))
    overlap = [] if fouten or toch_inplannen else list(selectors.conflicten(sorted(toegestaan), start, eind)[:3])
    if overlap:
        fouten["toch_inplannen"] = _conflict_tekst(overlap)
    if fouten:
        raise ValidationError(fouten)
    afspraak = Afspraak(
        dossier=dossier, soort=soort, start=start, eind=eind, locatie=locatie.strip(),
        externe_deelnemers=(externe_deelnemers or "").strip(), toelichting=toelichting or "", vastgelegd_door=by,
    )
    opslaan(afspraak, reden=f"{afspraak.get_soort_display()} gepland", door=by)
    afspraak.medewerkers.set(sorted(toegestaan))
    return afspraak


@transaction.atomic
def afspraak_afzeggen(*, dossier_id: int, afspraak_id: int, versie: int | None, by: User) -> Afspraak:
    """Cancel an appointment; it stays in the list and the feed tells calendars it is cancelled."""
    afspraak = vergrendelen(
        Afspraak.objects.select_related("dossier").filter(dossier__in=access.zichtbare_dossiers(by).values("pk")),
        pk=afspraak_id, dossier_id=dossier_id, versie=versie,
        mag=lambda a: access.mag_dossier_bewerken(by, a.dossier) and a.dossier.is_actief,
    )
    if afspraak.geannuleerd:
        raise ValidationError(AL_AFGEZEGD)
    afspraak.geannuleerd = True
    opslaan(afspraak, reden="Afgezegd", door=by)
    return afspraak


def afspraak_bij_brief(*, dossier: Dossier, soort: str, datum: date, tijd: time, plaats: str, document, kenmerk: str,
                      by: User, **uitnodiging) -> Afspraak:
    """The appointment of an invitation letter, inside the caller's transaction: for the dossier's
    werkcoach (or who sent it, when the dossier has none), an hour long. The invitation flows of cases call
    it; an app above cases (e.g. handhaving's letter for a hoorzitting, soort HOORZITTING) may call it
    too: the agenda then shows the appointment with its letter."""
    start = moment(datum, tijd)
    afspraak = Afspraak(
        dossier=dossier, soort=soort, start=start, eind=start + rules.STANDAARD_DUUR, locatie=plaats or "",
        document=document, kenmerk_brief=kenmerk, vastgelegd_door=by, **uitnodiging,
    )
    opslaan(afspraak, reden=f"{afspraak.get_soort_display()} gepland bij de uitnodiging {kenmerk}", door=by)
    afspraak.medewerkers.set([dossier.werkcoach_id or by.pk])
    return afspraak


def afspraak_bij_oproep(uitnodiging: Uitnodiging, by: User) -> Afspraak | None:
    """An oproep for the brede intake with a time becomes an intake appointment (no time: none)."""
    if uitnodiging.tijd is None:
        return None
    return afspraak_bij_brief(
        dossier=uitnodiging.dossier, soort=AfspraakSoort.INTAKE, datum=uitnodiging.gesprek_op, tijd=uitnodiging.tijd,
        plaats=uitnodiging.plaats, document=uitnodiging.document, kenmerk=uitnodiging.kenmerk, by=by,
        uitnodiging_intake=uitnodiging,
    )


def afspraak_bij_voortgangsuitnodiging(uitnodiging: UitnodigingVoortgangsgesprek, by: User) -> Afspraak:
    return afspraak_bij_brief(
        dossier=uitnodiging.dossier, soort=AfspraakSoort.VOORTGANGSGESPREK, datum=uitnodiging.datum,
        tijd=uitnodiging.tijd, plaats=uitnodiging.plaats, document=uitnodiging.document,
        kenmerk=uitnodiging.kenmerk, by=by, uitnodiging_voortgangsgesprek=uitnodiging,
    )


@transaction.atomic
def agendalink_vernieuwen(*, by: User) -> str:
    """A new secret token for the user's iCalendar address; only its hash is stored, so the previous
    address stops working at once. Returns the token (shown once)."""
    token = secrets.token_urlsafe(32)
    AgendaFeed.objects.update_or_create(
        gebruiker=by, defaults={"token_hash": selectors.token_hash(token), "aangemaakt_op": timezone.now(),
                                "laatst_opgehaald": None},
    )
    return token


def agendalink_intrekken(*, by: User) -> bool:
    """Remove the user's iCalendar address; True when there was one."""
    aantal, _detail = AgendaFeed.objects.filter(gebruiker=by).delete()
    return aantal > 0
