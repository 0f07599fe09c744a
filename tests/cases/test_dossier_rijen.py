"""The dossier list's rows built in Python (cases.templatetags.lijst_tags, issue 18) give exactly the HTML
of the template loop they replaced (kept here as the reference)."""

from django.template import Context, Template

import pytest

from cases.models import Dossier
from tests.factories import DossierFactory, TeamFactory, WerkcoachFactory

TEMPLATE_LUS = """{% load i18n %}  {% for dossier in pagina.object_list %}
    <tr class="utrecht-table__row">
      {% if mag_herverdelen %}<td class="utrecht-table__cell">{% if dossier.is_actief %}<input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" name="dossiers" value="{{ dossier.pk }}" id="kies-{{ dossier.pk }}" aria-label="{% blocktranslate with naam=dossier.inburgeraar %}Selecteer {{ naam }}{% endblocktranslate %}">{% endif %}</td>{% endif %}
      <td class="utrecht-table__cell"><a class="utrecht-link" href="{% url 'cases:dossier_detail' dossier.pk %}">{{ dossier.inburgeraar.geslachtsnaam }}{% if dossier.inburgeraar.voorvoegsel %}, {{ dossier.inburgeraar.voorvoegsel }}{% endif %}, {{ dossier.inburgeraar.voornamen }}</a></td>
      <td class="utrecht-table__cell">{{ dossier.inburgeraar.bsn_gemaskeerd }}</td>
      <td class="utrecht-table__cell">{{ dossier.get_doelgroep_kort_display }}</td>
      <td class="utrecht-table__cell">{{ dossier.get_fase_display }}</td>
      <td class="utrecht-table__cell">{{ dossier.datum_kennisgeving|date:"j-n-Y" }}</td>
      <td class="utrecht-table__cell">{{ dossier.werkcoach }}</td>
      <td class="utrecht-table__cell">{{ dossier.team }}</td>
    </tr>
  {% endfor %}"""
TAG = "{% load lijst_tags %}  {% dossier_rijen pagina.object_list mag_herverdelen %}"


def _rijen(sjabloon: str, dossiers, mag_herverdelen: bool) -> str:
    return Template(sjabloon).render(Context({"pagina": {"object_list": dossiers}, "mag_herverdelen": mag_herverdelen}))


@pytest.mark.parametrize("mag_herverdelen", [True, False])
def test_the_rows_are_the_html_of_the_template_loop(db, mag_herverdelen):
    team = TeamFactory(naam="Team <Oost> & \"Co\"")
    coach = WerkcoachFactory(first_name="Anne-Marie", last_name="d'Ancona <b>", team=team)
    DossierFactory(werkcoach=coach, team=team, inburgeraar__voorvoegsel="van der",
                   inburgeraar__geslachtsnaam="Berg & Zn <i>", inburgeraar__voornamen='Ali "Al"')
    DossierFactory(werkcoach=coach, team=team, inburgeraar__voorvoegsel="", fase="afgerond")
    dossiers = list(Dossier.objects.select_related("inburgeraar", "werkcoach", "team").order_by("pk"))

    verwacht = _rijen(TEMPLATE_LUS, dossiers, mag_herverdelen)

    assert _rijen(TAG, dossiers, mag_herverdelen) == verwacht
    assert "Berg &amp; Zn &lt;i&gt;" in verwacht and "d&#x27;Ancona" in verwacht
    assert ("kies-" in verwacht) is mag_herverdelen
