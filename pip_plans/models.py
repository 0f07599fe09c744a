"""The PIP (Plan Inburgering en Participatie) as a series of versions per dossier. A version is a
beschikking once vastgesteld: immutable, with its document; a change is a new version."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from cases.models import Dossier

from .rules import (  # PipStatus lives with the rules that decide on it; importable from here as before
    EXAMENONDERDELEN,
    OPEN_STATUSSEN,
    Alfabetisering,
    Leerroute,
    Niveau,
    PipStatus,
    SchakelUitzondering,
)


class WijzigingReden(models.TextChoices):
    EERSTE = "eerste", _("Eerste PIP")
    SCHAKELEN = "schakelen", _("Schakelen naar een andere leerroute")
    AFSCHALEN = "afschalen", _("Afschalen van B1 naar A2")
    VERHUIZING = "verhuizing", _("Verhuizing")
    OVERIG = "overig", _("Andere wijziging")


class PvtVorm(models.TextChoices):
    GROEP = "groep", _("Groepsbijeenkomsten")
    INDIVIDUEEL = "individueel", _("Individueel")
    GECOMBINEERD = "gecombineerd", _("Gecombineerd")


class MapVorm(models.TextChoices):
    GROEP = "groep", _("Groepsmodules")
    INDIVIDUEEL = "individueel", _("Individueel traject")
    WERKPLEK = "werkplek", _("Op de werkplek / stage")


VASTE_LASTEN = [
    ("huur", _("Huur")),
    ("gas", _("Gas")),
    ("water", _("Water")),
    ("stroom", _("Stroom")),
    ("zorgverzekering", _("Verplichte zorgverzekering")),
]


class Pip(FSMModelMixin, models.Model):  # mixin: refresh_from_db with the protected status
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="pips")
    versie = models.PositiveSmallIntegerField(_("versie"))
    vorige = models.OneToOneField(
        "self", verbose_name=_("vervangt versie"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="opvolger",
    )
    status = FSMField(_("status"), default=PipStatus.CONCEPT, choices=PipStatus.choices, protected=True)
    wijziging_reden = models.CharField(
        _("reden"), max_length=20, choices=WijzigingReden.choices, default=WijzigingReden.EERSTE
    )
    wijziging_toelichting = models.TextField(_("toelichting op de wijziging"), blank=True)

    # --- DUO's PIP message ---
    leerroute = models.CharField(_("leerroute"), max_length=1, choices=Leerroute.CHOICES)
    niveau = models.CharField(_("niveau"), max_length=2, choices=Niveau.CHOICES, blank=True)
    alfabetisering = models.CharField(
        _("alfabetisering"), max_length=3, choices=Alfabetisering.CHOICES, default=Alfabetisering.NVT
    )
    b1_intensiteit = models.PositiveIntegerField(
        _("geschatte intensiteit B1-route (uren)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(9999)],
        help_text=_("Alleen voor asielstatushouders op de B1-route: totaal uren taal en KNM."),
    )
    mag_opleiding_afmaken = models.BooleanField(
        _("mag huidige opleiding eerst afmaken"), default=False,
        help_text=_("De inburgeraar volgt al een niet-vrijstellende opleiding en mag die eerst afmaken."),
    )
    lbt_afwijking_motivering = models.TextField(_("motivering afwijking van de leerbaarheidstoets"), blank=True)

    # --- afspraken per onderdeel ---
    aanbieder = models.CharField(_("beoogde aanbieder leerroute"), max_length=200, blank=True)
    leerroute_afspraken = models.TextField(_("afspraken leerroute"), blank=True)
    periode_maanden = models.PositiveSmallIntegerField(
        _("periode om het doel te halen (maanden)"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    pvt_vorm = models.CharField(_("vorm PVT"), max_length=20, choices=PvtVorm.choices, blank=True)
    pvt_intensiteit = models.CharField(_("intensiteit PVT"), max_length=200, blank=True)
    pvt_geplande_start = models.DateField(_("geplande start PVT"), null=True, blank=True)
    map_vorm = models.CharField(_("vorm MAP"), max_length=20, choices=MapVorm.choices, blank=True)
    map_intensiteit = models.CharField(_("intensiteit MAP"), max_length=200, blank=True)
    knm_afspraken = models.TextField(_("afspraken KNM"), blank=True)
    ontzorgen = models.BooleanField(_("financieel ontzorgen"), default=False)
    ontzorgen_start = models.DateField(_("start ontzorgen (eerste dag bijstand)"), null=True, blank=True)
    ontzorgen_vaste_lasten = models.JSONField(_("vaste lasten die worden doorbetaald"), default=list, blank=True)
    maatschappelijke_begeleiding = models.TextField(_("maatschappelijke begeleiding"), blank=True)
    participatie = models.TextField(_("participatie en werk"), blank=True)
    participatiewet = models.TextField(_("rechten en plichten Participatiewet"), blank=True)
    kinderopvang = models.TextField(_("kinderopvang en andere voorwaarden"), blank=True)
    vve_afspraken = models.TextField(_("afspraken voor- en vroegschoolse educatie"), blank=True)
    aantal_voortgangsgesprekken = models.PositiveSmallIntegerField(
        _("aantal voortgangsgesprekken"), default=6, validators=[MinValueValidator(1), MaxValueValidator(40)],
        help_text=_("Besluit 5.3 lid 4: het aantal gesprekken over de voortgang, verdeeld over de termijn."),
    )

    # --- wijziging: schakelen / afschalen ---
    schakel_uitzondering = models.CharField(
        _("uitzondering schakeltermijn"), max_length=30, choices=SchakelUitzondering.CHOICES, blank=True
    )
    schakel_motivering = models.TextField(_("motivering uitzondering"), blank=True)
    afschalen_geheel = models.BooleanField(_("geheel afschalen"), default=False)
    afschalen_onderdelen = models.JSONField(_("af te schalen examenonderdelen"), default=list, blank=True)
    afschalen_nt2_uren = models.PositiveIntegerField(_("gevolgde NT2-uren"), null=True, blank=True)
    afschalen_inspanning = models.TextField(_("inspanning tijdens de lessen"), blank=True)
    afschalen_onhaalbaar_op = models.DateField(
        _("vastgesteld op dat B1 niet haalbaar is"), null=True, blank=True,
        help_text=_("Wet inburgering 2021, art. 17 lid 3: B1 is niet haalbaar binnen de (verlengde) inburgeringstermijn."),
    )
    afschalen_onhaalbaar_grond = models.TextField(_("waarom B1 niet haalbaar is binnen de termijn"), blank=True)

    # --- workflow ---
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opgesteld door"), on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    ingediend_op = models.DateTimeField(_("ter beoordeling aangeboden op"), null=True, blank=True)
    beoordeling_opmerkingen = models.TextField(_("opmerkingen bij de beoordeling"), blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgesteld door"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    dagtekening = models.DateField(_("dagtekening"), null=True, blank=True)
    bekendmaking = models.DateField(_("bekendmaking"), null=True, blank=True)
    bezwaar_einde = models.DateField(_("einde bezwaartermijn"), null=True, blank=True)
    termijn_start = models.DateField(_("start inburgeringstermijn"), null=True, blank=True)
    document = models.OneToOneField(
        "documenten.Document", verbose_name=_("beschikking"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    wijzigingsnummer = models.PositiveIntegerField(default=1)  # optimistic lock for concurrent edits
    VERSIEVELD = "wijzigingsnummer"  # `versie` is the PIP's version number (inburgering.schrijven)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("PIP")
        verbose_name_plural = _("PIP's")
        ordering = ["dossier", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "versie"], name="pip_versie_uniek"),
            models.UniqueConstraint(
                fields=["dossier"], condition=Q(status__in=OPEN_STATUSSEN), name="pip_een_open_versie",
                violation_error_message=_("Er is al een PIP in bewerking voor dit dossier."),
            ),
            models.UniqueConstraint(
                fields=["dossier"], condition=Q(status="vastgesteld"), name="pip_een_geldende_versie",
            ),
        ]
        # The review queue ("Te beoordelen"): submitted versions, oldest first.
        indexes = [models.Index(fields=["ingediend_op", "id"], condition=Q(status="ter_beoordeling"),
                                name="pip_te_beoordelen"),
                   # issue 20 item 7: the trends page reads the first PIPs vastgesteld per month
                   models.Index(fields=["dagtekening"], condition=Q(vorige__isnull=True, dagtekening__isnull=False),
                                name="pip_eerste_dagtekening")]

    @property
    def kenmerk(self) -> str:
        """Our reference on the beschikking (and on every letter about this version)."""
        return f"PIP-{self.dossier_id}-{self.versie}"

    def __str__(self) -> str:
        return f"PIP {self.dossier_id} v{self.versie}"

    @property
    def is_bewerkbaar(self) -> bool:
        return self.status == PipStatus.CONCEPT

    @property
    def ontzorgen_vaste_lasten_labels(self) -> list[str]:
        labels = dict(VASTE_LASTEN)
        return [str(labels[c]) for c in self.ontzorgen_vaste_lasten if c in labels]

    @property
    def afschalen_onderdelen_labels(self) -> list[str]:
        """The exam parts in words (Lezen, Schrijven…), not DUO's codes: the beschikking is read by people."""
        labels = dict(EXAMENONDERDELEN)
        return [str(labels[c]) for c in self.afschalen_onderdelen if c in labels]

    @property
    def niveau_of_standaard(self) -> str:
        """Without a niveau DUO records B1 for the B- and onderwijsroute."""
        if self.niveau:
            return self.niveau
        return Niveau.B1 if self.leerroute in (Leerroute.B1, Leerroute.ONDERWIJS) else ""

    # --- transitions; called only by services ---
    @transition(field=status, source=PipStatus.CONCEPT, target=PipStatus.TER_BEOORDELING)
    def indienen(self):
        pass

    @transition(field=status, source=PipStatus.TER_BEOORDELING, target=PipStatus.CONCEPT)
    def terugsturen(self):
        pass

    @transition(field=status, source=PipStatus.TER_BEOORDELING, target=PipStatus.VASTGESTELD)
    def vaststellen(self):
        pass

    @transition(field=status, source=PipStatus.VASTGESTELD, target=PipStatus.VERVANGEN)
    def vervangen(self):
        pass

    @transition(field=status, source=PipStatus.CONCEPT, target=PipStatus.INGETROKKEN)
    def intrekken(self):
        pass


class InformatieVerzoek(models.Model):
    """Third-party information awaited before the PIP can reasonably be set (Besluit 5.3 lid 2):
    the deadline becomes at the latest 2 weeks after receipt."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="pip_informatieverzoeken"
    )
    wat = models.CharField(_("welke informatie"), max_length=300)
    van_wie = models.CharField(_("van wie"), max_length=200)
    gevraagd_op = models.DateField(_("gevraagd op"))
    ontvangen_op = models.DateField(_("ontvangen op"), null=True, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    versie = models.PositiveIntegerField(default=1)  # optimistic lock: recording the receipt is a form edit
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("informatieverzoek aan derde")
        verbose_name_plural = _("informatieverzoeken aan derden")
        ordering = ["-gevraagd_op", "-id"]

    def __str__(self) -> str:
        return f"{self.wat} ({self.van_wie})"


class TermijnVerlengingDuo(models.Model):
    """DUO extends the inburgeringstermijn ex officio (SS103) or on request (SS104); its start never
    moves (Wet 11 lid 3). DUO's dates win over ours: the new end is stored as DUO sent it."""

    class Grond(models.TextChoices):
        AMBTSHALVE = "ambtshalve", _("Ambtshalve (SS103)")
        OP_AANVRAAG = "op_aanvraag", _("Op aanvraag (SS104)")

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="termijnverlengingen"
    )
    besluitdatum = models.DateField(_("datum besluit DUO"))
    grond = models.CharField(_("grond"), max_length=20, choices=Grond.choices)
    duo_einddatum = models.DateField(
        _("nieuwe einddatum volgens DUO"), help_text=_("Zoals DUO die doorgeeft: de dag ná de laatste dag.")
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verlenging inburgeringstermijn (DUO)")
        verbose_name_plural = _("verlengingen inburgeringstermijn (DUO)")
        ordering = ["-besluitdatum", "-id"]

    def __str__(self) -> str:
        return f"{self.get_grond_display()} tot {self.duo_einddatum}"


# Registered with the app: the policy settings model lives in its own module (pip_plans/instellingen.py).
from .instellingen import PipInstellingen  # noqa: E402, F401
