"""The werkvoorraad's rows built in Python (cases.templatetags.lijst_tags, issue 18) give exactly the HTML
of the template loop they replaced, _stand.html included (both kept here as the reference)."""

from datetime import UTC, datetime

from django.template import Context, Template
from django.template.loader import get_template
from django.urls import reverse

import pytest

from cases.models import Signaal, SignaalSoort, TermijnStatus
from cases.termijnen import selectors
from pip_plans.termijnen import PipTermijn
from tests.factories import DossierFactory, TeamFactory, WerkcoachFactory

from .maak import signaal, termijn, vandaag

STAND = """{% load i18n %}{% if regel.dagen is None %}—{% elif regel.dagen < 0 %}<strong>{% blocktranslate count d=regel.dagen_over_tijd %}{{ d }} dag over tijd{% plural %}{{ d }} dagen over tijd{% endblocktranslate %}</strong>{% elif regel.dagen == 0 %}<strong>{% translate "vandaag" %}</strong>{% else %}{% blocktranslate count d=regel.dagen %}nog {{ d }} dag{% plural %}nog {{ d }} dagen{% endblocktranslate %}{% endif %}{% if regel.signaal.termijn and regel.signaal.termijn.status != 'open' and regel.signaal.termijn.status != 'verlopen' %} ({{ regel.signaal.termijn.get_status_display|lower }}){% endif %}
"""

TEMPLATE_LUS = """{% load i18n %}  {% for regel in regels %}{% with s=regel.signaal %}
    <tr class="utrecht-table__row{% if s.soort == 'verlopen' %} rij--verlopen{% endif %}">
      <td class="utrecht-table__cell"><a class="utrecht-link" href="{% url 'cases:dossier_detail' s.dossier_id %}">{{ s.dossier.inburgeraar.volledige_naam }}</a></td>
      <td class="utrecht-table__cell">{% if s.soort == 'verlopen' %}<strong>{{ s.get_soort_display }}</strong>{% else %}{{ s.get_soort_display }}{% endif %}{% if s.omschrijving %}<br>{{ s.omschrijving|truncatechars:80 }}{% endif %}</td>
      <td class="utrecht-table__cell">{% if s.termijn %}{{ s.termijn.get_soort_display }}{% else %}—{% endif %}</td>
      <td class="utrecht-table__cell">{% if s.termijn %}{{ s.termijn.fatale_datum|date:"j-n-Y" }}{% else %}—{% endif %}</td>
      <td class="utrecht-table__cell">{% include stand %}</td>
      <td class="utrecht-table__cell">{{ s.aangemaakt_op|date:"j-n-Y" }}</td>
      <td class="utrecht-table__cell">{{ s.dossier.werkcoach }}</td>
      <td class="utrecht-table__cell"><a class="utrecht-link" href="{% url 'werkvoorraad:signaal' s.pk %}">{% translate "Behandelen" %}<span class="visueel-verborgen">: {{ s.get_soort_display }}, {{ s.dossier.inburgeraar.volledige_naam }}</span></a></td>
    </tr>
  {% endwith %}{% endfor %}"""
TAG = "{% load lijst_tags %}  {% werkvoorraad_rijen regels %}"


def _html(sjabloon: str, regels) -> str:
    return Template(sjabloon).render(Context({"regels": regels, "stand": Template(STAND)}))


@pytest.fixture
def signalen(db):
    """Every kind of row: each soort, with and without termijn and omschrijving, every stand."""
    team = TeamFactory(naam="Team <Oost>")
    coach = WerkcoachFactory(first_name="Anne-Marie", last_name="d'Ancona <b>", team=team)
    naam = DossierFactory(werkcoach=coach, inburgeraar__voorvoegsel="van der",
                          inburgeraar__geslachtsnaam="Berg & Zn <i>", inburgeraar__voornamen='Ali "Al"')
    gewoon = DossierFactory(werkcoach=coach, inburgeraar__voorvoegsel="")
    zonder_coach = DossierFactory(werkcoach=WerkcoachFactory(first_name="", last_name="", username="coach<7>"))
    lang = "Bellen <over> de tolk & \"kinderopvang\" " + "x" * 100
    t_verlopen = termijn(naam, dagen=-1200, status=TermijnStatus.VERLOPEN)  # 1 200 days: no thousands separator
    signaal(naam, soort=SignaalSoort.VERLOPEN, termijn=t_verlopen)
    signaal(naam, soort=SignaalSoort.VERLOPEN, termijn=termijn(naam, dagen=-1, status=TermijnStatus.VERLOPEN,
                                                                 sleutel="1"), omschrijving="Eén dag te laat")
    signaal(gewoon, soort=SignaalSoort.NADERT, termijn=termijn(gewoon, dagen=0, soort=PipTermijn.BEZWAAR))
    signaal(gewoon, soort=SignaalSoort.NADERT, termijn=termijn(gewoon, dagen=1, sleutel="2"))
    signaal(gewoon, soort=SignaalSoort.NADERT, termijn=termijn(gewoon, dagen=12, sleutel="3"), omschrijving=lang)
    for i, status in enumerate([TermijnStatus.OPGESCHORT, TermijnStatus.GEHAALD, TermijnStatus.VERVALLEN,
                                TermijnStatus.VERSTREKEN]):
        signaal(gewoon, soort=SignaalSoort.NADERT,
                termijn=termijn(gewoon, dagen=[3, -2, 0, 40][i], status=status, sleutel=f"s{i}"))
    signaal(zonder_coach, soort=SignaalSoort.AANDACHTSPUNT, omschrijving=lang[:80])
    signaal(zonder_coach, soort=SignaalSoort.AANDACHTSPUNT, omschrijving="x" * 81)
    signaal(zonder_coach, soort=SignaalSoort.BRP, omschrijving="")
    signaal(naam, soort=SignaalSoort.DUO, omschrijving="Afgewezen: <code> & 'quote'")
    # Made just before midnight UTC: the date shown is Amsterdam's next day, as the template's |date did.
    Signaal.objects.filter(soort=SignaalSoort.BRP).update(
        aangemaakt_op=datetime(2026, 3, 3, 23, 30, tzinfo=UTC))
    return selectors.regels(
        Signaal.objects.select_related("dossier__inburgeraar", "dossier__werkcoach", "termijn").order_by("pk"),
        peildatum=vandaag(),
    )


def test_the_rows_are_the_html_of_the_template_loop(signalen):
    verwacht = _html(TEMPLATE_LUS, signalen)

    assert _html(TAG, signalen) == verwacht
    # The reference covers what it should: escaping, truncation, every stand.
    for stuk in ["Berg &amp; Zn &lt;i&gt;", "d&#x27;Ancona &lt;b&gt;", "Ali &quot;Al&quot; van der", "coach&lt;7&gt;",
                 "rij--verlopen", "1200 dagen over tijd", "1 dag over tijd", "<strong>vandaag</strong>",
                 "nog 1 dag", "nog 12 dagen", "(opgeschort)", "(gehaald)", "(vervallen)",
                 "(verstreken (termijn van de burger))", "…", "&lt;code&gt; &amp; &#x27;quote&#x27;", "4-3-2026",
                 "Melding uit de BRP"]:
        assert stuk in verwacht, stuk
    assert verwacht.count("<tr ") == len(signalen)


def test_the_stand_template_gives_the_html_it_gave(signalen):
    """_stand.html (also on the signal's page) is now the tag: the same HTML as its old text."""
    stand = get_template("cases/werkvoorraad/_stand.html")
    for regel in signalen:
        assert stand.render({"regel": regel}) == Template(STAND).render(Context({"regel": regel}))


def test_the_links_follow_the_url_conf(signalen):
    """The links are reversed once with a placeholder; each row still points at its own dossier and signal."""
    html = _html(TAG, signalen)
    for regel in signalen:
        s = regel.signaal
        assert f'href="{reverse("cases:dossier_detail", args=[s.dossier_id])}"' in html
        assert f'href="{reverse("werkvoorraad:signaal", args=[s.pk])}"' in html


def test_an_empty_page_has_no_rows(db):
    assert _html(TAG, []) == _html(TEMPLATE_LUS, []) == "  "

