"""Role changes (issue 11 item 1): the one way a role is assigned. A beheerder asks for a role for
*another* user with a reason; the change applies directly or, where the rule asks for it
(`rules.goedkeuring_nodig`), after a second beheerder approves. Every change is a `Rolwijziging` row
(with history), a security-log event, and — once applied — an e-mail to the user. Roles stay Django
groups underneath (`User.heeft_rol`); `is_staff` follows the beheerder role."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering.audit.models import Gebeurtenis
from inburgering.audit.services import beveiliging_vastleggen
from inburgering.instellingen.models import GemeenteInstellingen

from .models import Rolwijziging, User
from .roles import ROL_LABELS, Rol
from .rules import goedkeuring_nodig, mag_beoordelen


def actieve_beheerders() -> int:
    return User.objects.filter(is_active=True, groups__name=Rol.BEHEERDER.value).distinct().count()


def vier_ogen_actief() -> bool:
    """Whether a grant of a case role waits for a second beheerder now (the add page says so)."""
    return GemeenteInstellingen.huidig().rollen_tweede_beheerder and actieve_beheerders() >= 2


def _rol(waarde) -> Rol | None:
    return Rol(waarde) if waarde else None


def controleren(*, gebruiker: User, nieuwe_rol: Rol | None, reden: str, door: User) -> None:
    """The checks of a request, also used by the admin form so the errors sit next to the fields."""
    fouten: dict[str, str] = {}
    if not door.heeft_rol(Rol.BEHEERDER):
        raise ValidationError(_("Alleen een functioneel beheerder kent rollen toe."))
    if gebruiker.pk == door.pk:
        fouten["gebruiker"] = _("U kunt uw eigen rol niet wijzigen; vraag een andere beheerder.")
    elif gebruiker.is_superuser:
        fouten["gebruiker"] = _("De rol van een superuser wordt niet in de applicatie beheerd.")
    elif gebruiker.rol == nieuwe_rol:
        fouten["nieuwe_rol"] = _("Deze gebruiker heeft die rol al.")
    elif Rolwijziging.objects.filter(gebruiker=gebruiker, status=Rolwijziging.Status.AANGEVRAAGD).exists():
        fouten["gebruiker"] = _("Voor deze gebruiker wacht al een rolwijziging op goedkeuring.")
    if not (reden or "").strip():
        fouten["reden"] = _("Geef de reden van de wijziging.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def rol_wijzigen(*, gebruiker: User, nieuwe_rol: Rol | None, reden: str, door: User | None,
                 request: HttpRequest | None = None) -> Rolwijziging:
    """Ask for (or, where no approval is needed, apply) a new role for `gebruiker`. `door` is None only
    for the bootstrap command on the server (`manage.py beheerder_aanmaken`)."""
    gebruiker = User.objects.select_for_update().get(pk=gebruiker.pk)
    nieuwe_rol = _rol(nieuwe_rol)
    if door is not None:
        controleren(gebruiker=gebruiker, nieuwe_rol=nieuwe_rol, reden=reden, door=door)
    wijziging = Rolwijziging.objects.create(
        gebruiker=gebruiker, oude_rol=(gebruiker.rol or ""), nieuwe_rol=(nieuwe_rol or ""), reden=reden.strip(),
        aangevraagd_door=door,
    )
    nodig = door is not None and goedkeuring_nodig(
        oude_rol=gebruiker.rol, nieuwe_rol=nieuwe_rol, instelling_aan=GemeenteInstellingen.huidig().rollen_tweede_beheerder,
        actieve_beheerders=actieve_beheerders(),
    )
    if nodig:
        _vastleggen(wijziging, request)
        _beoordelaars_mailen(wijziging)
        return wijziging
    _toepassen(wijziging, request)
    return wijziging


def _beoordeling_controleren(wijziging: Rolwijziging, door: User) -> None:
    if not door.heeft_rol(Rol.BEHEERDER):
        raise ValidationError(_("Alleen een functioneel beheerder beoordeelt een rolwijziging."))
    if wijziging.status != Rolwijziging.Status.AANGEVRAAGD:
        raise ValidationError(_("Deze rolwijziging is al beoordeeld."))
    if not mag_beoordelen(beoordelaar_id=door.pk, aanvrager_id=wijziging.aangevraagd_door_id,
                          gebruiker_id=wijziging.gebruiker_id):
        raise ValidationError(_("Een andere beheerder dan de aanvrager en de betrokkene beoordeelt deze wijziging."))


@transaction.atomic
def goedkeuren(wijziging: Rolwijziging, *, door: User, toelichting: str = "",
               request: HttpRequest | None = None) -> Rolwijziging:
    wijziging = Rolwijziging.objects.select_for_update().get(pk=wijziging.pk)
    _beoordeling_controleren(wijziging, door)
    gebruiker = User.objects.select_for_update().get(pk=wijziging.gebruiker_id)
    if (gebruiker.rol or "") != wijziging.oude_rol:
        raise ValidationError(_("De rol van deze gebruiker is intussen gewijzigd; vraag de wijziging opnieuw aan."))
    wijziging.beoordeeld_door, wijziging.beoordeeld_op, wijziging.toelichting = door, timezone.now(), toelichting
    _toepassen(wijziging, request)
    return wijziging


@transaction.atomic
def afwijzen(wijziging: Rolwijziging, *, door: User, reden: str = "",
             request: HttpRequest | None = None) -> Rolwijziging:
    wijziging = Rolwijziging.objects.select_for_update().get(pk=wijziging.pk)
    _beoordeling_controleren(wijziging, door)
    wijziging.status = Rolwijziging.Status.AFGEWEZEN
    wijziging.beoordeeld_door, wijziging.beoordeeld_op, wijziging.toelichting = door, timezone.now(), reden
    wijziging._change_reason = reden or "Afgewezen"
    wijziging.save()
    _vastleggen(wijziging, request)
    return wijziging


def _toepassen(wijziging: Rolwijziging, request: HttpRequest | None) -> None:
    gebruiker = wijziging.gebruiker
    gebruiker.groups.remove(*Group.objects.filter(name__in=[r.value for r in Rol]))
    if wijziging.nieuwe_rol:
        gebruiker.groups.add(Group.objects.get(name=wijziging.nieuwe_rol))
    gebruiker.is_staff = wijziging.nieuwe_rol == Rol.BEHEERDER or gebruiker.is_superuser
    gebruiker._change_reason = wijziging.reden
    gebruiker.save(update_fields=["is_staff"])
    gebruiker.__dict__.pop("rollen", None)
    wijziging.status = Rolwijziging.Status.DOORGEVOERD
    wijziging._change_reason = wijziging.reden
    wijziging.save()
    _vastleggen(wijziging, request)
    if gebruiker.email:
        _mailen(wijziging)


def _vastleggen(wijziging: Rolwijziging, request: HttpRequest | None) -> None:
    beveiliging_vastleggen(
        Gebeurtenis.ROL_GEWIJZIGD, request=request,
        gebruiker=wijziging.beoordeeld_door or wijziging.aangevraagd_door, betreft=wijziging.gebruiker,
        details={"oud": wijziging.oude_rol, "nieuw": wijziging.nieuwe_rol, "status": wijziging.status,
                 "wijziging": wijziging.pk},
    )


def _mailen(wijziging: Rolwijziging) -> None:
    """Tell the user; a mail server that is down does not undo the change (the log has it)."""
    gebruiker = wijziging.gebruiker
    nieuw = ROL_LABELS[Rol(wijziging.nieuwe_rol)] if wijziging.nieuwe_rol else _("geen rol")
    send_mail(
        subject=_("Uw rol in Inburgering is gewijzigd"),
        message=_(
            "Beste {naam},\n\nUw rol in Inburgering is gewijzigd in: {rol}.\nReden: {reden}\n\n"
            "Herkent u deze wijziging niet? Neem dan direct contact op met functioneel beheer.\n\n{url}\n"
        ).format(naam=gebruiker.get_full_name() or gebruiker.username, rol=nieuw, reden=wijziging.reden,
                 url=settings.SITE_URL),
        from_email=None, recipient_list=[gebruiker.email], fail_silently=True,
    )


def _beoordelaars_mailen(wijziging: Rolwijziging) -> None:
    """The other active beheerders (not the requester, not the subject) learn that a change waits."""
    adressen = list(User.objects.filter(is_active=True, groups__name=Rol.BEHEERDER.value).exclude(
        pk__in=[wijziging.aangevraagd_door_id, wijziging.gebruiker_id]).exclude(email="").values_list(
        "email", flat=True).distinct())
    if not adressen:
        return
    send_mail(
        subject=_("Een rolwijziging wacht op uw goedkeuring"),
        message=_("{door} vraagt een rolwijziging aan voor {gebruiker}. Beoordeel die in het beheer onder "
                  "Rolwijzigingen: {url}/beheer/accounts/rolwijziging/?status__exact=aangevraagd\n").format(
            door=wijziging.aangevraagd_door, gebruiker=wijziging.gebruiker, url=settings.SITE_URL),
        from_email=None, recipient_list=adressen, fail_silently=True,
    )
