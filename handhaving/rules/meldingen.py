"""The Dutch messages of the handhaving rules (the tests reuse them)."""


from django.utils.translation import gettext_lazy as _

# --- messages (reused by tests) --------------------------------------------------------------------------
GESPREK_EERST = _("Voer eerst een gesprek met de inburgeraar of leg een mislukte poging vast (preventie eerst).")
WAARSCHUWING_EERST = _("De gemeente waarschuwt altijd eerst schriftelijk voordat een voornemen tot een boete wordt "
                       "verstuurd.")
INTAKE_GEEN_TWEEDE_OPROEP = _("Een boete voor de brede intake kan pas na een schriftelijke waarschuwing en een tweede "
                              "oproep (Wet inburgering 2021, art. 14 lid 1). Leg die eerst vast bij de intake.")
INTAKE_TWEEDE_OPROEP_VERSCHENEN = _("De inburgeraar is op de tweede oproep verschenen; kies 'niet meegewerkt' als de "
                                    "persoon niet heeft meegewerkt.")
INTAKE_TWEEDE_OPROEP_OPEN = _("Leg eerst bij de intake vast of de persoon op de tweede oproep is verschenen.")
INTAKE_NIEUWE_TERMIJN_LOOPT = _("De nieuwe termijn uit de eerste boete loopt nog tot en met %(datum)s; pas daarna is "
                                "een tweede boete mogelijk.")
INTAKE_AL_AFGEROND = _("De brede intake is afgerond binnen de nieuwe termijn; een tweede boete is niet mogelijk.")
INTAKE_MAXIMUM = _("Er zijn al twee boetes voor de brede intake opgelegd. Na de derde oproep rondt het college de intake "
                   "af zonder de persoon (art. 14 lid 2).")
DUBBELE_SANCTIE = _("De bijstand is al verlaagd voor dezelfde gedraging; een boete is dan niet toegestaan "
                    "(Wet inburgering 2021, art. 27).")
ASIEL_MOTIVERING = _("Motiveer waarom sprake is van aanhoudende onwil: een boete voor een asielstatushouder vraagt dat.")
VERWIJTBAARHEID_KIEZEN = _("Kies de mate van verwijtbaarheid.")
VERWIJTBAARHEID_REDEN = _("Motiveer de gekozen mate van verwijtbaarheid.")
MATIGING_REDEN = _("Geef de bijzondere omstandigheden aan die de verlaging rechtvaardigen (Awb 5:46).")
MATIGING_TE_HOOG = _("De verlaging kan niet hoger zijn dan de boete.")
MAXIMUM_BEREIKT = _("Het maximum aan boetes in deze termijn is bereikt: er kan geen boete meer worden opgelegd.")
ZIENSWIJZE_WEGEN = _("Er is een zienswijze ontvangen: beschrijf hoe die is meegewogen.")
ZIENSWIJZE_TERMIJN_LOOPT = _("De zienswijzetermijn loopt nog tot en met %(datum)s. Besluit daarna, of nadat de "
                             "zienswijze is ontvangen.")
MOTIVERING_VERPLICHT = _("Motiveer het besluit.")
NIEUWE_TERMIJN_VERPLICHT = _("Stel een nieuwe termijn voor de brede intake vast.")
NIEUWE_TERMIJN_TE_LANG = _("De nieuwe termijn is ten hoogste %(maanden)s maanden: uiterlijk %(datum)s.")
NIEUWE_TERMIJN_VOOR_BESLUIT = _("De nieuwe termijn eindigt na de dagtekening van het besluit.")
DATUM_TOEKOMST = _("Deze datum ligt in de toekomst.")
BEKENDMAKING_VOOR_DAGTEKENING = _("De bekendmaking kan niet vóór de dagtekening liggen.")
WAARSCHUWING_NIET_VERZONDEN = _("De waarschuwing wacht nog op de printbatch: een voornemen kan pas als de "
                                "waarschuwing is verzonden.")
VOORNEMEN_NIET_VERZONDEN = _("Het voornemen wacht nog op de printbatch: de zienswijzetermijn begint pas als het "
                             "is verzonden.")
TOELICHTING_OVERIG = _("Licht de reden van afsluiten toe.")
AFGEHANDELD_ALLEEN_NA_BESLUIT = _("'Besluit afgehandeld' kan alleen na een besluit.")
OVERTREDING_TOEKOMST = _("De overtreding kan niet in de toekomst liggen.")
GECONSTATEERD_ONBEKEND = _("Leg vast op welke dag de overtreding is geconstateerd (Besluit 7.1 lid 3).")
GECONSTATEERD_VOOR_OVERTREDING = _("De overtreding kan niet zijn geconstateerd vóór de datum van de overtreding.")
GEEN_VASTGESTELD_PIP = _("Voor een PIP-verplichting (art. 23) is een vastgesteld PIP nodig; dit dossier heeft er geen.")
GECONSTATEERD_NA_BOETE = _("De overtreding moet zijn geconstateerd vóór de boete werd opgelegd.")
ONHERROEPELIJK_VOOR_BOETE = _("Een boete kan niet onherroepelijk zijn vóór de datum waarop zij werd opgelegd.")
BRON_VERPLICHT = _("Noem de bron: van welke gemeente en uit welk stuk komt deze boete?")
RAPPORT_NIET_MOGELIJK = _("Een rapport kan na het gesprek en vóór het voornemen, één keer.")
RAPPORT_EERST = _("Een boete voor een PIP-verplichting vraagt eerst een rapport (Awb 5:48 en 5:53): maak het rapport "
                  "op voordat het voornemen wordt verstuurd.")
RAPPORT_VOOR_CONSTATERING = _("Het rapport kan niet zijn opgemaakt vóór de dag waarop de overtreding is geconstateerd.")
RAPPORT_OVERTREDING = _("Beschrijf de overtreding (Awb 5:48).")
RAPPORT_VOORSCHRIFT = _("Noem het overtreden voorschrift (Awb 5:48).")
RAPPORT_PLAATS = _("Vermeld waar de overtreding is geconstateerd (Awb 5:48).")
RAPPORT_AUTEUR = _("U heeft het rapport opgemaakt. Een andere consulent moet besluiten (vier ogen, Awb 5:53).")
CAUTIE_VASTLEGGEN = _("Leg vast of de cautie is gegeven (Awb 5:10a), of dat het gesprek niet tot een boete kan leiden.")
VOLGORDE_DATUMS = _("Deze datum ligt vóór de vorige stap; controleer de volgorde.")
EERST_BESLISSING_OP_BEZWAAR = _("Leg eerst de beslissing op bezwaar vast.")
EERST_BEKENDMAKING_BOB = _("Vul eerst de bekendmaking van de beslissing op bezwaar in: daarna loopt de beroepstermijn.")
UITSPRAAK_ZONDER_DATUM = _("Vul de datum van de uitspraak in.")
DATUM_ZONDER_UITSPRAAK = _("Kies de uitkomst.")
EERST_BEROEP = _("Vul in wanneer het beroep is ingesteld.")
EERST_UITSPRAAK = _("Hoger beroep kan pas na de uitspraak van de rechtbank.")
GEEN_HOGER_BEROEP_NA_INTREKKEN = _("Het beroep is ingetrokken: er is geen uitspraak om hoger beroep tegen in te stellen.")
GEEN_BEROEP_MOGELIJK = _("Beroep hoort bij een boete waarop het bezwaar ongegrond of niet-ontvankelijk is verklaard.")
VERJAARD = _("De boetebevoegdheid is vervallen op %(datum)s (verjaring, Awb 5:45).")
DUO_START_VERPLICHT = _("Vul de startdatum van de nieuwe termijn van DUO in.")
ZAAK_AFGESLOTEN = _("Deze zaak is afgesloten.")
NIET_IN_SIGNAAL_OF_GESPREK = _("Een waarschuwing kan alleen na het gesprek en vóór een voornemen.")
NIET_VOOR_VOORNEMEN = _("Een voornemen kan alleen na het gesprek of de waarschuwing.")
GEEN_VOORNEMEN = _("Er staat geen voornemen open: een besluit kan nu niet.")
ZIENSWIJZE_ALLEEN_BIJ_VOORNEMEN = _("Een zienswijze hoort bij een voornemen dat nog openstaat.")
GEEN_BOETE_BESLUIT = _("Bezwaar en betaling horen bij een besluit tot een boete.")
ZIENSWIJZE_VOOR_VOORNEMEN = _("De zienswijze kan niet vóór het voornemen zijn ontvangen.")
ZIENSWIJZE_INHOUD = _("Beschrijf wat de inburgeraar naar voren heeft gebracht.")
BIJSTAND_TOELICHTING = _("Licht toe wanneer en hoe de bijstand is verlaagd.")
BEZWAAR_NA_BEKENDMAKING = _("Het bezwaar kan niet vóór de bekendmaking van het besluit zijn ontvangen.")
BESLIST_VOOR_ONTVANGST = _("De beslissing op bezwaar kan niet vóór de ontvangst liggen.")
UITKOMST_ZONDER_DATUM = _("Vul de datum van de beslissing op bezwaar in.")
DATUM_ZONDER_UITKOMST = _("Kies de uitkomst van het bezwaar.")
LEERROUTE_ALLEEN_ASIEL = _("Voor het niet volgen van de leerroute kan de gemeente alleen een asielstatushouder een boete "
                           "opleggen (Wet inburgering 2021, art. 23); voor anderen handhaaft DUO het resultaat.")
HOGER_DAN_VOORNEMEN = _("De boete (%(bedrag)s) is hoger dan het voorgenomen bedrag (%(voornemen)s). Daarover is de "
                        "inburgeraar niet gehoord: leg ten hoogste het voorgenomen bedrag op, of sluit deze zaak en "
                        "stuur een nieuw voornemen.")
