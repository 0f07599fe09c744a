from tests.e2e.conftest import AXE_JS, WCAG_TAGS
from tests.factories import DossierFactory, ManagerFactory, TeamFactory, WerkcoachFactory


def scan(page, naam):
    page.add_script_tag(path=str(AXE_JS))
    r = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS + ["best-practice"])
    print("\n=====", naam, page.url)
    for v in r["violations"]:
        print(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:6])
        for n in v["nodes"][:3]:
            print("   ", n["failureSummary"].replace("\n"," | ")[:300])
    page.screenshot(path=f"/tmp/e2e_{naam}.png", full_page=True)

def test_verken(page, live_server, inloggen):
    team = TeamFactory(naam="Team Noord")
    wc = WerkcoachFactory(username="wc", team=team, first_name="Wendy", last_name="Coach")
    for i in range(4):
        DossierFactory(werkcoach=wc)
    page.goto(live_server.url + "/inloggen/")
    scan(page, "login")
    page.get_by_role("button", name="Inloggen").click()
    scan(page, "login_fout")
    inloggen(wc)
    scan(page, "lijst")
    page.goto(live_server.url + "/dossiers/nieuw/")
    scan(page, "nieuw")
    page.get_by_role("button", name="Dossier aanmaken").click()
    scan(page, "nieuw_fout")
    d = wc.dossiers.first() if hasattr(wc, "dossiers") else None
    from cases.models import Dossier
    d = Dossier.objects.first()
    page.goto(f"{live_server.url}/dossiers/{d.pk}/")
    scan(page, "detail")
    page.goto(f"{live_server.url}/dossiers/{d.pk}/geschiedenis/")
    scan(page, "geschiedenis")
    page.goto(f"{live_server.url}/dossiers/{d.pk}/intake/")
    scan(page, "tab")
    page.goto(f"{live_server.url}/dossiers/{d.pk}/bewerken/")
    scan(page, "bewerken")
    page.goto(f"{live_server.url}/dossiers/{d.pk}/beeindigen/")
    scan(page, "beeindigen")
    page.context.clear_cookies()
    m = ManagerFactory(username="man")
    inloggen(m)
    page.goto(live_server.url + "/dossiers/?bereik=alle")
    scan(page, "alle")
    page.goto(f"{live_server.url}/dossiers/herverdelen/?dossiers={d.pk}")
    scan(page, "herverdelen")
    page.goto(f"{live_server.url}/dossiers/{d.pk}/toewijzen/")
    scan(page, "toewijzen")
