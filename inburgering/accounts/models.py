from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from simple_history.models import HistoricalRecords

from .roles import ROL_LABELS, Rol


class TeamManager(models.Manager):
    def get_by_natural_key(self, naam: str) -> "Team":
        return self.get(naam=naam)


class Team(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    actief = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords()

    objects = TeamManager()

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    def natural_key(self) -> tuple[str]:
        """Fixtures name a team by its name (fixtures/demo_gebruikers.json)."""
        return (self.naam,)


class User(AbstractUser):
    team = models.ForeignKey(
        Team, verbose_name=_("team"), null=True, blank=True, on_delete=models.PROTECT, related_name="leden"
    )
    dagelijkse_samenvatting = models.BooleanField(
        _("dagelijkse samenvatting per e-mail"), default=True,
        help_text=_("Elke ochtend een e-mail met nieuwe signalen en verlopen termijnen van de eigen caseload."),
    )
    # The day the last digest went out: the task claims a day with a conditional UPDATE, so a retry
    # or a second worker never sends twice (STYLE habit 4).
    laatste_samenvatting = models.DateField(_("laatste samenvatting verstuurd op"), null=True, blank=True,
                                            editable=False)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["first_name", "last_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def rollen(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    @property
    def rol(self) -> Rol | None:
        """The one role of the user (a role group; assigned only through `accounts.rollen`)."""
        for rol in Rol:
            if rol.value in self.rollen:
                return rol
        return None

    def heeft_rol(self, *rollen: Rol) -> bool:
        return self.is_active and any(rol.value in self.rollen for rol in rollen)

    @property
    def is_werkcoach(self) -> bool:
        return self.heeft_rol(Rol.WERKCOACH)

    @property
    def is_consulent(self) -> bool:
        return self.heeft_rol(Rol.CONSULENT)

    @property
    def is_manager(self) -> bool:
        return self.heeft_rol(Rol.MANAGER)

    @property
    def is_privacy(self) -> bool:
        return self.heeft_rol(Rol.PRIVACY)

    @property
    def is_postkamer(self) -> bool:
        return self.heeft_rol(Rol.POSTKAMER)

    @property
    def is_koppelbeheer(self) -> bool:
        return self.heeft_rol(Rol.KOPPELBEHEER)


ROL_KEUZES = [(rol.value, label) for rol, label in ROL_LABELS.items()]


class Rolwijziging(models.Model):
    """One change of a user's role: asked by a beheerder with a reason, applied directly or after a
    second beheerder's approval (`accounts.rollen`). The rows are the history of every role change."""

    class Status(models.TextChoices):
        AANGEVRAAGD = "aangevraagd", _("wacht op goedkeuring")
        DOORGEVOERD = "doorgevoerd", _("doorgevoerd")
        AFGEWEZEN = "afgewezen", _("afgewezen")

    gebruiker = models.ForeignKey(User, verbose_name=_("gebruiker"), on_delete=models.PROTECT,
                                  related_name="rolwijzigingen")
    oude_rol = models.CharField(_("oude rol"), max_length=20, choices=ROL_KEUZES, blank=True)
    nieuwe_rol = models.CharField(_("nieuwe rol"), max_length=20, choices=ROL_KEUZES, blank=True,
                                  help_text=_("Leeg: geen rol (de gebruiker ziet dan niets)."))
    reden = models.TextField(_("reden"))
    aangevraagd_door = models.ForeignKey(
        User, verbose_name=_("aangevraagd door"), null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text=_("Leeg: aangemaakt met het beheercommando op de server."),
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AANGEVRAAGD)
    beoordeeld_door = models.ForeignKey(User, verbose_name=_("beoordeeld door"), null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+")
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting beoordeling"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rolwijziging")
        verbose_name_plural = _("rolwijzigingen")
        ordering = ["-aangevraagd_op", "-id"]

    def __str__(self) -> str:
        return f"{self.gebruiker}: {self.get_oude_rol_display() or '-'} → {self.get_nieuwe_rol_display() or '-'}"


class FormulierInzending(models.Model):
    """A form sent once (issue 12 item 9): the one-time token of a form page and where its success went.
    The token is unique, so a double click's second POST waits for the first and then only redirects
    (inburgering.formulierpagina). Technical, short-lived rows (pruned after a day); no history."""

    gebruiker = models.ForeignKey(User, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="+")
    token = models.CharField(_("formuliertoken"), max_length=64, unique=True)
    doel = models.CharField(_("doorverwezen naar"), max_length=500, blank=True)
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("formulierinzending")
        verbose_name_plural = _("formulierinzendingen")

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruiker_id}"
