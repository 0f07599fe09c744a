"""Write use-cases for the uitvoering of the PIP. Each runs the kernel preamble (`inburgering.schrijven`):
lock the dossier and check permission (the werkcoach of the caseload or team, or a consulent; managers
read only) and, for a form that edits an existing or singleton object, its version (strict: a stale or
missing one is refused; a singleton not made yet is version 0); then validate with the pure rules,
transition, and save with a history reason.

pip_plans' vaststellen runs `inschrijving_bij_pip_vastgesteld` (registered as its hook in
LeerroutesConfig.ready()) inside vaststellen's transaction, so a route switch stops the old enrolment (its
hours stay) and a new one can start.

One module per concept; every public name stays importable from `leerroutes.services`.
"""

from ._basis import (  # noqa: F401
    AANBIEDER_ONBEKEND,
    AFROND_FASE,
    AL_ACTIEF,
    ALLEEN_CONSULENT,
    BESLUIT_DATUM_NODIG,
    DATUM_TOEKOMST,
    DOSSIER_AFGESLOTEN,
    EXAMEN_BESTAAT,
    GEEN_PIP,
    GROND_NODIG,
    KEUZE_ONGELDIG,
    NIET_VOLDAAN,
    NOG_NIET_GESTART,
    ONTZORGING_BEEINDIGD,
    PVT_AFGEROND,
    STATUS_ONJUIST,
    TOELICHTING_NODIG,
    UREN_GEKOPPELD,
    Z_UREN_NIET_KLAAR,
)
from .afronden import (  # noqa: F401
    dossier_afronden,
)
from .inschrijving import (  # noqa: F401
    inschrijving_aanmaken,
    inschrijving_aanmelden,
    inschrijving_afronden,
    inschrijving_na_pipwijziging,
    inschrijving_starten,
    inschrijving_stoppen,
)
from .onderdelen import (  # noqa: F401
    map_eindgesprek_vastleggen,
    map_vastleggen,
    pvt_ondertekening_vastleggen,
    pvt_sessie_vastleggen,
    pvt_vastleggen,
)
from .ontzorging import (  # noqa: F401
    begeleiding_starten,
    mb_activiteit_vastleggen,
    ontzorging_beeindigen,
    ontzorging_notitie_toevoegen,
    ontzorging_starten,
    ontzorging_verlengen,
    vaste_last_toevoegen,
)
from .uren_examens import (  # noqa: F401
    examen_vastleggen,
    uren_vastleggen,
    uren_verwijderen,
    z_route_norm_vastleggen,
)
