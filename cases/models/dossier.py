from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from django_fsm import FSMField, FSMModelMixin, transition
from simple_history.models import HistoricalRecords

from cases import rules
from cases.rules import Doelgroep
from inburgering.accounts.models import Team
from inburgering.documenten.talen import ALLEEN_NEDERLANDS, correspondentietaal_keuzes


class Huishouden(models.Model):
    """Persons in one huishouden share a werkcoach: één gezin, één plan (DOMAIN §1)."""

    naam = models.CharField(_("naam"), max_length=200)
    werkcoach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("werkcoach"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="huishoudens",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")

    def __str__(self) -> str:
        return self.naam


class Geslacht(models.TextChoices):
    MAN = "M", _("Man")
    VROUW = "V", _("Vrouw")
    ANDERS = "X", _("Anders / onbekend")


class Bron(models.TextChoices):
    BRP = "brp", _("BRP")
    HANDMATIG = "handmatig", _("met de hand ingevoerd")


# The fields the BRP is the source of (issue 14): read-only in the UI for a person from the BRP.
BRP_VELDEN = (
    "voornamen", "voorvoegsel", "geslachtsnaam", "geboortedatum", "geslacht", "nationaliteit", "straat",
    "huisnummer", "postcode", "woonplaats", "adresregel1", "adresregel2", "adresregel3", "gemeente_code",
    "gemeente_naam", "datum_inschrijving_gemeente", "overleden_op",
)


class Inburgeraar(models.Model):
    bsn = models.CharField(_("BSN"), max_length=9, unique=True)
    v_nummer = models.CharField(_("V-nummer"), max_length=10, blank=True)
    voornamen = models.CharField(_("voornamen"), max_length=200)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=20, blank=True)
    geslachtsnaam = models.CharField(_("achternaam"), max_length=200)
    geboortedatum = models.DateField(_("geboortedatum"))
    geslacht = models.CharField(_("geslacht"), max_length=1, choices=Geslacht.choices, default=Geslacht.ANDERS)
    nationaliteit = models.CharField(_("nationaliteit"), max_length=100, blank=True)
    talen = models.CharField(_("talen"), max_length=200, blank=True, help_text=_("Gescheiden door komma's."))
    tolk_nodig = models.BooleanField(_("tolk nodig"), default=False)
    tolk_taal = models.CharField(_("taal van de tolk"), max_length=100, blank=True)
    # Issue 15: the beschikking's plain-language summary is also written in this language (only the
    # languages with a catalogue, settings.BRIEF_TALEN); "" = Dutch only. Not from the BRP.
    correspondentietaal = models.CharField(
        _("taal van de samenvatting"), max_length=10, blank=True, default=ALLEEN_NEDERLANDS,
        choices=correspondentietaal_keuzes,
        help_text=_("De beschikking is altijd in het Nederlands. De samenvatting in eenvoudige taal komt er ook "
                    "in deze taal bij."),
    )
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    straat = models.CharField(_("straat"), max_length=200, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    # From the BRP (issue 14): the address block for letters (`adressering`), the gemeente of
    # registration and since when, and where the data came from and when.
    adresregel1 = models.CharField(_("adresregel 1"), max_length=200, blank=True)
    adresregel2 = models.CharField(_("adresregel 2"), max_length=200, blank=True)
    adresregel3 = models.CharField(_("adresregel 3"), max_length=200, blank=True)
    gemeente_code = models.CharField(_("gemeente van inschrijving (code)"), max_length=4, blank=True)
    gemeente_naam = models.CharField(_("gemeente van inschrijving"), max_length=100, blank=True)
    datum_inschrijving_gemeente = models.DateField(_("ingeschreven in de gemeente op"), null=True, blank=True)
    bron = models.CharField(_("bron van de persoonsgegevens"), max_length=10, choices=Bron.choices,
                            default=Bron.HANDMATIG)
    bron_opgehaald_op = models.DateTimeField(_("laatst opgehaald uit de BRP"), null=True, blank=True)
    overleden_op = models.DateField(
        _("datum van overlijden"), null=True, blank=True,
        help_text=_("Uit de BRP of met de hand vastgelegd. Na overlijden worden de gegevens vernietigd, op de "
                    "kerngegevens na (Besluit inburgering 2021, art. 9.9)."),
    )
    huishouden = models.ForeignKey(
        Huishouden,
        verbose_name=_("huishouden"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leden",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inburgeraar")
        verbose_name_plural = _("inburgeraars")
        indexes = [
            models.Index(fields=["geslachtsnaam", "voornamen"]),
            # issue 20 item 3: the search everywhere finds a person by V-nummer (exact)
            models.Index(fields=["v_nummer"], name="inburgeraar_v_nummer"),
        ]

    def __str__(self) -> str:
        return self.volledige_naam

    @property
    def achternaam(self) -> str:
        return f"{self.voorvoegsel} {self.geslachtsnaam}".strip()

    @property
    def volledige_naam(self) -> str:
        return f"{self.voornamen} {self.achternaam}"

    @property
    def bsn_gemaskeerd(self) -> str:
        return rules.maskeer_bsn(self.bsn)

    @property
    def adresregels(self) -> list[str]:
        """The address lines of a letter (issue 15): the BRP's `adressering` when the person comes from the
        BRP, else the address typed by hand; empty when there is no address (no letter by post)."""
        regels = [r for r in (self.adresregel1, self.adresregel2, self.adresregel3) if r]
        if regels:
            return regels
        if self.straat and self.woonplaats:
            return [f"{self.straat} {self.huisnummer}".strip(), f"{self.postcode} {self.woonplaats}".strip()]
        return []


class Fase(models.TextChoices):
    AANGEMELD = "aangemeld", _("Aangemeld")
    OVERDRACHT = "overdracht", _("Warme overdracht")
    INTAKE = "intake", _("Brede intake")
    PIP_IN_OPSTELLING = "pip_in_opstelling", _("PIP in opstelling")
    IN_UITVOERING = "in_uitvoering", _("In uitvoering")
    AFGEROND = "afgerond", _("Afgerond")
    BEEINDIGD = "beeindigd", _("Beëindigd")


ACTIEVE_FASEN = [f for f in Fase.values if f not in (Fase.AFGEROND, Fase.BEEINDIGD)]


class Regime(models.TextChoices):
    WI2021 = "wi2021", _("Wet inburgering 2021")
    WI2013 = "wi2013", _("Wet inburgering 2013")


class EindReden(models.TextChoices):
    # afgerond
    VOLDAAN = "voldaan", _("Plicht voldaan")
    ONTHEFFING = "ontheffing", _("Ontheffing")
    VRIJSTELLING = "vrijstelling", _("Vrijstelling")
    # beeindigd
    VERHUISD = "verhuisd", _("Verhuisd naar een andere gemeente")
    GENATURALISEERD = "genaturaliseerd", _("Genaturaliseerd")
    AOW = "aow", _("AOW-leeftijd bereikt")
    OVERLEDEN = "overleden", _("Overleden")
    VERTROKKEN = "vertrokken", _("Vertrokken uit Nederland")
    PLICHT_VERVALLEN = "plicht_vervallen", _("Plicht vervallen")


BEEINDIG_REDENEN = [
    EindReden.VERHUISD, EindReden.GENATURALISEERD, EindReden.AOW,
    EindReden.OVERLEDEN, EindReden.VERTROKKEN, EindReden.PLICHT_VERVALLEN,
]
AFROND_REDENEN = [EindReden.VOLDAAN, EindReden.ONTHEFFING, EindReden.VRIJSTELLING]


class DossierQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(fase__in=ACTIEVE_FASEN)


class Dossier(FSMModelMixin, models.Model):  # mixin: refresh_from_db with the protected fase
    """One dossier per inburgeraar per plicht. `fase` moves only through services (protected FSM)."""

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.PROTECT, related_name="dossiers"
    )
    doelgroep = models.CharField(_("doelgroep"), max_length=50, choices=Doelgroep.CHOICES)
    regime = models.CharField(_("regime"), max_length=10, choices=Regime.choices, default=Regime.WI2021)
    datum_kennisgeving = models.DateField(_("datum kennisgeving DUO"))
    datum_koppeling = models.DateField(_("datum koppeling"), null=True, blank=True)
    datum_huisvesting = models.DateField(_("datum huisvesting"), null=True, blank=True)
    datum_brp_vestiging = models.DateField(_("datum vestiging (BRP)"), null=True, blank=True)
    datum_vestiging_na_verhuizing = models.DateField(
        _("datum vestiging na verhuizing"), null=True, blank=True,
        help_text=_("Alleen als de persoon met een plicht uit een andere gemeente is verhuisd: de PIP-termijn "
                    "loopt dan vanaf de inschrijving hier (Besluit 5.3 lid 3)."),
    )
    eerder_pip_elders = models.BooleanField(
        _("eerder PIP in een andere gemeente"), default=False,
        help_text=_("Heeft de persoon al een PIP gehad in een andere gemeente? DUO weigert niveau A2 op het "
                    "allereerste PIP van de persoon, in welke gemeente ook. Met de hand tot DUO dit doorgeeft."),
    )
    werkcoach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("werkcoach"),
        on_delete=models.PROTECT,
        related_name="caseload",
    )
    team = models.ForeignKey(Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="dossiers")
    fase = FSMField(_("fase"), default=Fase.AANGEMELD, choices=Fase.choices, protected=True, db_index=True)
    eind_reden = models.CharField(_("reden einde"), max_length=30, choices=EindReden.choices, blank=True)
    eind_toelichting = models.TextField(_("toelichting einde"), blank=True)
    eind_datum = models.DateField(_("datum einde"), null=True, blank=True)
    # Optimistic concurrency: every write bumps it; a form posted with an older value is refused.
    versie = models.PositiveIntegerField(default=1)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["gewijzigd_op"])
    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-aangemaakt_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["inburgeraar"],
                condition=Q(fase__in=ACTIEVE_FASEN),
                name="een_actief_dossier_per_inburgeraar",
                violation_error_message=_("Deze inburgeraar heeft al een lopend dossier."),
            ),
        ]
        indexes = [
            models.Index(fields=["werkcoach", "fase"]), models.Index(fields=["team", "fase"]),
            # The lists' default sort (kennisgeving, newest first): "Alle dossiers" reads its 25 rows from
            # the index instead of sorting every dossier; "Mijn" and "Team" the same within their key.
            models.Index(fields=["-datum_kennisgeving", "-id"], name="dossier_kennisgeving"),
            models.Index(fields=["werkcoach", "-datum_kennisgeving", "-id"], name="dossier_werkcoach_kennisgeving"),
            models.Index(fields=["team", "-datum_kennisgeving", "-id"], name="dossier_team_kennisgeving"),
            # the retention job (issue 13): closed dossiers by the day their clock started
            models.Index(fields=["eind_datum"], condition=Q(fase__in=[Fase.AFGEROND, Fase.BEEINDIGD]),
                         name="dossier_bewaartermijn"),
        ]

    def __str__(self) -> str:
        return f"Dossier {self.pk}"

    @property
    def doelgroep_kort(self) -> str:
        return rules.doelgroep_kort(self.doelgroep)

    @property
    def is_asiel(self) -> bool:
        return self.doelgroep_kort == rules.DoelgroepKort.ASIEL

    @property
    def is_actief(self) -> bool:
        return self.fase in ACTIEVE_FASEN

    def get_fase_display(self) -> str:
        # Django's own builds a hashable dict of every (lazy) choice on each call: a tenth of a list page's
        # rendering (issue 18). The same label.
        try:
            return str(Fase(self.fase).label)
        except ValueError:
            return self.fase

    def get_doelgroep_kort_display(self) -> str:
        return str(dict(rules.DoelgroepKort.CHOICES)[self.doelgroep_kort])

    # --- phase transitions (DESIGN.md). Called only by services. ---
    @transition(field=fase, source=Fase.AANGEMELD, target=Fase.OVERDRACHT)
    def start_overdracht(self):
        pass

    @transition(field=fase, source=[Fase.AANGEMELD, Fase.OVERDRACHT], target=Fase.INTAKE)
    def start_intake(self):
        pass

    @transition(field=fase, source=Fase.INTAKE, target=Fase.PIP_IN_OPSTELLING)
    def start_pip(self):
        pass

    @transition(field=fase, source=Fase.PIP_IN_OPSTELLING, target=Fase.IN_UITVOERING)
    def start_uitvoering(self):
        pass

    @transition(field=fase, source=Fase.IN_UITVOERING, target=Fase.AFGEROND)
    def afronden(self, *, reden: str):
        self.eind_reden = reden

    @transition(field=fase, source=ACTIEVE_FASEN, target=Fase.BEEINDIGD)
    def beeindigen(self, *, reden: str):
        self.eind_reden = reden
