"""The BRP as `cases.persoonsbron.Persoonsbron`: the client (brp.client) built from the settings at call
time, its answer translated (brp.vertaling) into `Persoonsgegevens`."""

import logging
from collections.abc import Iterable

from cases.persoonsbron import Persoonsgegevens
from inburgering.audit.models import Handeling
from inburgering.audit.verwerkingen import verwerking_vastleggen

from .client import BrpClient, OngeldigAntwoord
from .vertaling import OngeldigePersoon, persoon_van

logger = logging.getLogger(__name__)

ACTIVITEIT = "brp-bevraging"  # the register code brp.apps registers for this app


class BrpBron:
    naam = "BRP"

    def opvragen(self, bsns: Iterable[str]) -> dict[str, Persoonsgegevens]:
        """The known persons among `bsns`, by BSN. Raises BronOnbereikbaar (BRP_URL empty: no BRP
        configured) or BrpFout. Every call that asks the BRP is reported to the Logboek
        Dataverwerkingen (handeling "ontvangen", activity brp-bevraging; the dossiers are not known here),
        also when it fails: the BSNs were sent."""
        client = BrpClient.from_settings()
        bsns = list(bsns)
        if not bsns:
            return {}
        try:
            personen = client.raadplegen(bsns)
            try:
                gegevens = [persoon_van(p) for p in personen]
            except OngeldigePersoon as fout:
                logger.error("BRP: antwoord geweigerd: %s", fout)
                raise OngeldigAntwoord(str(fout)) from None
        finally:
            verwerking_vastleggen(Handeling.ONTVANGEN, dossier_ids=[], activiteit=ACTIVITEIT)
        return {g.bsn: g for g in gegevens}
