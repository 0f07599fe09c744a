from django.db import connection
def test_a(live_server, request, page):
    from pytest_django.fixtures import _get_databases_for_setup
    print("SETUP", _get_databases_for_setup(request.session.items))
    print("MARK", request.node.get_closest_marker("django_db"))
    from django.db import connections; print("TESTCONN", id(connections["default"]), connections["default"].settings_dict["NAME"])
    print("SER", hasattr(connection, "_test_serialized_contents"), len(getattr(connection, "_test_serialized_contents", "")))
    from django.contrib.auth.models import Group
    print("GROUPS", list(Group.objects.values_list("name", flat=True)))
def test_b(live_server, page, request):
    print("MARKB", request.node.get_closest_marker("django_db"), request.node.name)
    from django.contrib.auth.models import Group
    print("GROUPS B", list(Group.objects.values_list("name", flat=True)))

import pytest
@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.db import connections
    c = connections["default"]
    print("AFTER SETUP", id(c), hasattr(c, "_test_serialized_contents"), c.settings_dict["NAME"])
    yield
