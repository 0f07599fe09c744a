from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    """Top layer (DESIGN.md): reads every app, writes nothing. The werkcoach home and the manager
    dashboard; every number links to the filtered list behind it."""

    name = "dashboards"
    verbose_name = "Dashboards"

    def ready(self) -> None:
        # The demo steps of the apps below (cases.demo registry), registered from the top layer, which
        # may import them all, until each app's own ready() calls its registreer_demostappen().
        from cases import demo as cases_demo
        from inburgering.audit.verwerkingen import registreer_verwerkingsactiviteit
        from leerroutes import demo as leerroutes_demo
        from pip_plans import demo as pip_plans_demo

        for app_demo in (cases_demo, pip_plans_demo, leerroutes_demo):
            app_demo.registreer_demostappen()
        registreer_verwerkingsactiviteit("dashboards", "sturing")  # Logboek Dataverwerkingen
