from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    """Top layer (DESIGN.md): reads every app, writes nothing. The werkcoach home and the manager
    dashboard; every number links to the filtered list behind it."""

    name = "dashboards"
    verbose_name = "Dashboards"
