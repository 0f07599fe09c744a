"""The manual's structure: one page per role, each a list of short sections (issue 20 item 5).

A section is a registry entry here plus one template, `templates/handleiding/<rol>/<anker>.html`; its
screenshots are made by `tests/e2e/test_handleiding_schermafbeeldingen.py`. A section names the pages it
explains by URL name ("namespace:naam"); those pages then show "Hulp bij deze pagina" in their header.
A URL name is a string, so the kernel imports no app; an app may also register a section in its own
`AppConfig.ready()` with `registreer_sectie`.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from inburgering.accounts.roles import Rol


@dataclass(frozen=True)
class Rolhandleiding:
    rol: Rol
    titel: str | Promise
    inleiding: str | Promise

    @property
    def slug(self) -> str:
        return self.rol.value


@dataclass(frozen=True)
class Sectie:
    rol: Rol
    anker: str
    titel: str | Promise
    paginas: tuple[str, ...] = ()  # URL names ("namespace:naam") this section explains
    volgorde: int = 100

    @property
    def sjabloon(self) -> str:
        return f"handleiding/{self.rol.value}/{self.anker}.html"


# The role pages in the order of the index. Every role with a start page in the app has one.
ROLHANDLEIDINGEN: tuple[Rolhandleiding, ...] = (
    Rolhandleiding(Rol.WERKCOACH, _("Werkcoach"),
                   _("U begeleidt inburgeraars van aanmelding tot afronding: intake, PIP, traject en gesprekken.")),
    Rolhandleiding(Rol.CONSULENT, _("Consulent inburgering"),
                   _("U beoordeelt en stelt PIP's vast (vier ogen) en behandelt handhaving.")),
    Rolhandleiding(Rol.MANAGER, _("Manager"),
                   _("U houdt zicht op caseload, termijnen en routes en verdeelt de dossiers.")),
    Rolhandleiding(Rol.BEHEERDER, _("Functioneel beheerder"),
                   _("U beheert gebruikers, rollen, teams en de instellingen van de gemeente. Dossiers ziet u niet.")),
    Rolhandleiding(Rol.PRIVACY, _("Privacy officer"),
                   _("U handelt inzageverzoeken af, bereidt vernietiging voor en controleert het Logboek.")),
    Rolhandleiding(Rol.KOPPELBEHEER, _("Koppelbeheerder DUO"),
                   _("U bewaakt de berichten aan DUO en de meldingen die DUO stuurt.")),
    Rolhandleiding(Rol.POSTKAMER, _("Postkamer"),
                   _("U verstuurt elke werkdag de brieven die per post gaan en bevestigt de verzenddatum.")),
)

STANDAARD: tuple[Sectie, ...] = (
    # werkcoach
    Sectie(Rol.WERKCOACH, "werkvoorraad", _("Startpagina en werkvoorraad"),
           ("home", "werkvoorraad:lijst", "werkvoorraad:signaal", "werkvoorraad:aandachtspunt"), 10),
    Sectie(Rol.WERKCOACH, "dossier-aanmaken", _("Een dossier aanmaken"),
           ("cases:dossier_lijst", "cases:dossier_nieuw", "cases:dossier_nieuw_brp",
            "cases:dossier_nieuw_handmatig"), 20),
    Sectie(Rol.WERKCOACH, "dossier", _("Het dossier"),
           ("cases:dossier_detail", "cases:dossier_bewerken", "cases:dossier_geschiedenis",
            "cases:termijn_opschorten", "cases:termijn_hervatten"), 30),
    Sectie(Rol.WERKCOACH, "brede-intake", _("Brede intake"),
           ("intake:intake_tab", "intake:intake_bewerken", "intake:overdracht_bewerken", "intake:uitnodiging_nieuw",
            "intake:gezondheid"), 40),
    Sectie(Rol.WERKCOACH, "pip", _("PIP opstellen en indienen"),
           ("pip_plans:pip_tab", "pip_plans:pip_nieuw", "pip_plans:pip_bewerken"), 50),
    Sectie(Rol.WERKCOACH, "brieven", _("Brieven en de printbatch"),
           ("cases:documenten", "cases:document_toevoegen"), 60),
    Sectie(Rol.WERKCOACH, "voortgangsgesprek", _("Contacten en voortgangsgesprekken"),
           ("contact:contacten", "contact:contact_nieuw", "contact:voortgangsgesprek_uitnodigen"), 70),
    Sectie(Rol.WERKCOACH, "route-wijzigen", _("De route wijzigen"), ("pip_plans:pip_wijzigen",), 80),
    # consulent
    Sectie(Rol.CONSULENT, "pip-beoordelen", _("PIP beoordelen en vaststellen"),
           ("pip_plans:te_beoordelen", "pip_plans:pip_detail"), 10),
    Sectie(Rol.CONSULENT, "handhaving", _("Handhaving"),
           ("handhaving:zaken", "handhaving:tab", "handhaving:zaak_detail"), 20),
    # manager
    Sectie(Rol.MANAGER, "dashboard", _("Het dashboard"), ("dashboards:dashboard",), 10),
    Sectie(Rol.MANAGER, "toewijzen", _("Dossiers toewijzen en herverdelen"),
           ("cases:dossiers_herverdelen", "cases:dossier_toewijzen"), 20),
    # functioneel beheerder
    Sectie(Rol.BEHEERDER, "gebruikers", _("Gebruikers en rollen"), (), 10),
    Sectie(Rol.BEHEERDER, "instellingen", _("Instellingen in Beheer"), (), 20),
    # privacy officer
    Sectie(Rol.PRIVACY, "inzageverzoek", _("Een inzageverzoek afhandelen"), ("inzage:start",), 10),
    Sectie(Rol.PRIVACY, "vernietiging", _("Vernietiging"), ("avg:start", "avg:lijst", "avg:uitgesloten"), 20),
    Sectie(Rol.PRIVACY, "logboek", _("Het Logboek Dataverwerkingen"),
           ("verwerkingen:logboek", "verwerkingen:register"), 30),
    # koppelbeheerder
    Sectie(Rol.KOPPELBEHEER, "duo-berichten", _("DUO-berichten (outbox)"), ("duo:outbox",), 10),
    Sectie(Rol.KOPPELBEHEER, "meldingen", _("Meldingen van DUO"), ("duo_koppeling:meldingen",), 20),
    # postkamer
    Sectie(Rol.POSTKAMER, "printbatch", _("De printbatch"), ("post:post", "post:batch"), 10),
)

_secties: list[Sectie] = []


def registreer_sectie(sectie: Sectie) -> None:
    """Add a section; a second section with the same role and anchor fails loudly at start-up."""
    if any(s.rol == sectie.rol and s.anker == sectie.anker for s in _secties):
        raise ValueError(f"Handleiding: sectie {sectie.rol.value}#{sectie.anker} is al geregistreerd.")
    if sectie.rol not in {r.rol for r in ROLHANDLEIDINGEN}:
        raise ValueError(f"Handleiding: geen handleiding voor de rol {sectie.rol.value}.")
    _secties.append(sectie)


def registreer_standaard() -> None:
    for sectie in STANDAARD:
        if sectie not in _secties:
            registreer_sectie(sectie)


def rolhandleiding(slug: str) -> Rolhandleiding | None:
    return next((r for r in ROLHANDLEIDINGEN if r.slug == slug), None)


def secties(rol: Rol) -> list[Sectie]:
    return sorted((s for s in _secties if s.rol == rol), key=lambda s: (s.volgorde, s.anker))


def hulp_bij(url_naam: str, rol: Rol | None) -> Sectie | None:
    """The section that explains the page `url_naam`: the one of the user's own role, else the first."""
    kandidaten = sorted((s for s in _secties if url_naam in s.paginas),
                        key=lambda s: ([r.rol for r in ROLHANDLEIDINGEN].index(s.rol), s.volgorde))
    return next((s for s in kandidaten if s.rol == rol), kandidaten[0] if kandidaten else None)
