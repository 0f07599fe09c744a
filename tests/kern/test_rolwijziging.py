"""Issue 11 item 1: no self-escalation. Roles are assigned through one role field with a reason, never
as raw groups or permissions; nobody changes their own role; `is_superuser` and `is_staff` are editable
nowhere; a role that sees case data (or the beheerder role) needs a second beheerder's approval."""

from io import StringIO

from django.contrib.admin.sites import site
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

import pytest

from inburgering.accounts import rollen as services
from inburgering.accounts.models import Rolwijziging
from inburgering.accounts.roles import Rol
from inburgering.accounts.rules import goedkeuring_nodig
from inburgering.audit.models import Beveiligingslog, Gebeurtenis
from inburgering.instellingen.models import GemeenteInstellingen
from tests.factories import BeheerderFactory, UserFactory, WerkcoachFactory


def _wijzigformulier(client, user) -> dict[str, str]:
    pagina = client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    assert pagina.status_code == 200
    form = pagina.context["adminform"].form
    data = {}
    for naam, veld in form.fields.items():
        if veld.disabled:
            continue
        waarde = form.initial.get(naam, veld.initial)
        if waarde is None or waarde is False:
            continue
        if isinstance(waarde, list | tuple):
            continue
        data[naam] = "on" if waarde is True else str(getattr(waarde, "pk", waarde))
    return data


# --- through the admin form and forged POSTs --------------------------------------------------------

def test_the_user_form_shows_no_groups_permissions_superuser_or_staff(client, beheerder):
    client.force_login(beheerder)
    anderen = WerkcoachFactory()
    for user in (beheerder, anderen):
        form = client.get(reverse("admin:accounts_user_change", args=[user.pk])).context["adminform"].form
        assert not {"groups", "user_permissions", "is_superuser", "is_staff"} & set(form.fields)


def test_a_forged_post_on_his_own_account_gives_the_beheerder_nothing(client, beheerder):
    client.force_login(beheerder)
    consulent_groep = Group.objects.get(name=Rol.CONSULENT)
    data = _wijzigformulier(client, beheerder)
    data.update({
        "is_superuser": "on", "is_staff": "on", "groups": [str(consulent_groep.pk)],
        "user_permissions": [str(p.pk) for p in Permission.objects.all()[:20]],
    })

    client.post(reverse("admin:accounts_user_change", args=[beheerder.pk]), data)

    beheerder.refresh_from_db()
    assert not beheerder.is_superuser
    assert set(beheerder.groups.values_list("name", flat=True)) == {Rol.BEHEERDER}
    assert not beheerder.user_permissions.exists()


def test_a_forged_post_on_another_account_changes_no_role_either(client, beheerder):
    client.force_login(beheerder)
    ander = UserFactory(username="nieuw")
    data = _wijzigformulier(client, ander)
    data.update({"is_superuser": "on", "groups": [str(Group.objects.get(name=Rol.CONSULENT).pk)]})

    client.post(reverse("admin:accounts_user_change", args=[ander.pk]), data)

    ander.refresh_from_db()
    assert not ander.is_superuser and not ander.groups.exists()


def test_the_group_admin_is_gone(client, beheerder):
    client.force_login(beheerder)
    assert not site.is_registered(Group)
    assert not site.is_registered(Permission)
    assert client.get("/beheer/auth/group/").status_code == 404


def test_a_beheerder_cannot_request_a_role_for_himself(client, beheerder):
    client.force_login(beheerder)
    antwoord = client.post(reverse("admin:accounts_rolwijziging_add"), {
        "gebruiker": beheerder.pk, "nieuwe_rol": Rol.CONSULENT, "reden": "Ik wil dossiers zien",
    })

    assert antwoord.status_code == 200
    assert "gebruiker" in antwoord.context["adminform"].form.errors  # he is not even among the choices
    assert not beheerder.groups.filter(name=Rol.CONSULENT).exists()
    with pytest.raises(ValidationError):
        services.rol_wijzigen(gebruiker=beheerder, nieuwe_rol=Rol.CONSULENT, reden="x", door=beheerder)


def test_a_superuser_account_is_not_editable_by_a_beheerder(client, beheerder):
    baas = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(beheerder)
    assert client.get(reverse("admin:accounts_user_change", args=[baas.pk])).context["has_change_permission"] is False


# --- the rule ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("oud", "nieuw", "aan", "beheerders", "nodig"), [
    (None, Rol.WERKCOACH, True, 2, True),
    (None, Rol.CONSULENT, True, 2, True),
    (None, Rol.MANAGER, True, 3, True),
    (None, Rol.BEHEERDER, True, 2, True),   # a second beheerder could otherwise approve anything
    (None, Rol.PRIVACY, True, 2, True),     # the privacy officer exports everything about a BSN
    (None, Rol.POSTKAMER, True, 2, True),   # the postkamer prints letters with names and addresses
    (None, Rol.KOPPELBEHEER, True, 2, True),  # the DUO outbox holds BSNs and PIP data
    (Rol.BEHEERDER, None, True, 2, True),   # removing one would leave a sole beheerder
    (Rol.WERKCOACH, None, True, 2, False),  # taking a role away only reduces access
    (None, Rol.CONSULENT, True, 1, False),  # a sole beheerder: directly
    (None, Rol.CONSULENT, False, 2, False),  # setting off
])
def test_when_a_role_change_needs_a_second_beheerder(oud, nieuw, aan, beheerders, nodig):
    assert goedkeuring_nodig(oude_rol=oud, nieuwe_rol=nieuw, instelling_aan=aan,
                             actieve_beheerders=beheerders) is nodig


# --- the service -------------------------------------------------------------------------------------

def test_a_sole_beheerder_grants_directly_with_history_log_and_mail(beheerder, mailoutbox, rf):
    nieuw = UserFactory(username="nieuw", email="nieuw@example.org")

    wijziging = services.rol_wijzigen(gebruiker=nieuw, nieuwe_rol=Rol.WERKCOACH, reden="Nieuwe collega",
                                      door=beheerder, request=rf.get("/"))

    assert wijziging.status == Rolwijziging.Status.DOORGEVOERD
    assert set(nieuw.groups.values_list("name", flat=True)) == {Rol.WERKCOACH}
    assert not _is_staff(nieuw)
    log = Beveiligingslog.objects.get(gebeurtenis=Gebeurtenis.ROL_GEWIJZIGD, betreft=nieuw)
    assert log.gebruiker == beheerder
    assert log.details == {"oud": "", "nieuw": "werkcoach", "status": "doorgevoerd", "wijziging": wijziging.pk}
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["nieuw@example.org"]
    assert "Werkcoach" in mailoutbox[0].body


def _is_staff(user) -> bool:
    user.refresh_from_db()
    return user.is_staff


def test_with_two_beheerders_a_case_role_waits_for_the_other_one(beheerder, mailoutbox):
    tweede = BeheerderFactory(username="tweede", email="tweede@example.org")
    nieuw = UserFactory(username="nieuw", email="nieuw@example.org")

    wijziging = services.rol_wijzigen(gebruiker=nieuw, nieuwe_rol=Rol.CONSULENT, reden="Nieuwe consulent",
                                      door=beheerder)

    assert wijziging.status == Rolwijziging.Status.AANGEVRAAGD
    assert not nieuw.groups.exists()
    assert [m.to for m in mailoutbox] == [[tweede.email]]  # the other beheerder is asked; the user not yet
    assert "wacht op uw goedkeuring" in mailoutbox[0].subject
    mailoutbox.clear()
    with pytest.raises(ValidationError):
        services.goedkeuren(wijziging, door=beheerder)  # not the requester

    services.goedkeuren(wijziging, door=tweede)

    wijziging.refresh_from_db()
    assert wijziging.status == Rolwijziging.Status.DOORGEVOERD and wijziging.beoordeeld_door == tweede
    assert set(nieuw.groups.values_list("name", flat=True)) == {Rol.CONSULENT}
    assert [m.to for m in mailoutbox] == [["nieuw@example.org"]]
    assert Beveiligingslog.objects.filter(gebeurtenis=Gebeurtenis.ROL_GEWIJZIGD, betreft=nieuw).count() == 2


def test_the_subject_cannot_approve_his_own_grant(beheerder):
    tweede = BeheerderFactory(username="tweede")
    derde = BeheerderFactory(username="derde")
    wijziging = services.rol_wijzigen(gebruiker=tweede, nieuwe_rol=Rol.CONSULENT, reden="x", door=beheerder)
    with pytest.raises(ValidationError):
        services.goedkeuren(wijziging, door=tweede)
    services.afwijzen(wijziging, door=derde, reden="Niet nodig")
    wijziging.refresh_from_db()
    assert wijziging.status == Rolwijziging.Status.AFGEWEZEN
    assert not tweede.groups.filter(name=Rol.CONSULENT).exists()


def test_the_setting_off_applies_directly(beheerder):
    BeheerderFactory(username="tweede")
    instellingen = GemeenteInstellingen.huidig()
    instellingen.rollen_tweede_beheerder = False
    instellingen.save()
    nieuw = UserFactory(username="nieuw")

    wijziging = services.rol_wijzigen(gebruiker=nieuw, nieuwe_rol=Rol.MANAGER, reden="x", door=beheerder)

    assert wijziging.status == Rolwijziging.Status.DOORGEVOERD


def test_granting_beheerder_sets_staff_and_removing_it_clears_it(beheerder):
    nieuw = UserFactory(username="nieuw")
    services.rol_wijzigen(gebruiker=nieuw, nieuwe_rol=Rol.BEHEERDER, reden="Tweede beheerder", door=beheerder)
    assert _is_staff(nieuw)
    wijziging = services.rol_wijzigen(gebruiker=nieuw, nieuwe_rol=None, reden="Vertrokken", door=beheerder)
    assert wijziging.status == Rolwijziging.Status.AANGEVRAAGD  # two beheerders now
    services.goedkeuren(wijziging, door=_derde_beheerder())
    assert not _is_staff(nieuw)
    assert not nieuw.groups.exists()


def _derde_beheerder():
    return BeheerderFactory(username="derde")


def test_a_reason_is_required(beheerder):
    with pytest.raises(ValidationError) as fout:
        services.rol_wijzigen(gebruiker=UserFactory(), nieuwe_rol=Rol.WERKCOACH, reden="  ", door=beheerder)
    assert "reden" in fout.value.error_dict


def test_only_a_beheerder_changes_roles(werkcoach):
    with pytest.raises(ValidationError):
        services.rol_wijzigen(gebruiker=UserFactory(), nieuwe_rol=Rol.WERKCOACH, reden="x", door=werkcoach)


# --- the admin pages ---------------------------------------------------------------------------------

def test_the_beheerder_requests_and_another_approves_in_the_admin(client, beheerder, mailoutbox):
    tweede = BeheerderFactory(username="tweede")
    nieuw = UserFactory(username="nieuw", email="n@example.org")
    client.force_login(beheerder)
    pagina = client.get(reverse("admin:accounts_rolwijziging_add") + f"?gebruiker={nieuw.pk}")
    assert "tweede beheerder" in pagina.content.decode()

    antwoord = client.post(reverse("admin:accounts_rolwijziging_add"), {
        "gebruiker": nieuw.pk, "nieuwe_rol": Rol.CONSULENT, "reden": "Nieuwe consulent",
    })
    assert antwoord.status_code == 302
    wijziging = Rolwijziging.objects.get()
    assert wijziging.status == Rolwijziging.Status.AANGEVRAAGD
    # the requester cannot approve his own request, also not by a forged POST
    url = reverse("admin:accounts_rolwijziging_beoordelen", args=[wijziging.pk])
    client.post(url, {"besluit": "goedkeuren", "toelichting": ""})
    assert not nieuw.groups.exists()

    client.force_login(tweede)
    lijst = client.get(reverse("admin:accounts_rolwijziging_changelist"))
    assert "nieuw" in lijst.content.decode()
    assert client.get(url).status_code == 200
    client.post(url, {"besluit": "goedkeuren", "toelichting": "Akkoord"})

    assert set(nieuw.groups.values_list("name", flat=True)) == {Rol.CONSULENT}
    assert [m.to for m in mailoutbox] == [["n@example.org"]]


def test_a_sole_beheerder_is_told_the_grant_applies_directly(client, beheerder):
    client.force_login(beheerder)
    pagina = client.get(reverse("admin:accounts_rolwijziging_add"))
    assert "enige actieve beheerder" in pagina.content.decode()
    assert beheerder not in pagina.context["adminform"].form.fields["gebruiker"].queryset


def test_nobody_switches_himself_or_another_beheerder_off_in_the_form(client, beheerder):
    tweede = BeheerderFactory(username="tweede")
    werkcoach = WerkcoachFactory(username="wc2")
    client.force_login(beheerder)
    for user, uit in ((beheerder, True), (tweede, True), (werkcoach, False)):
        form = client.get(reverse("admin:accounts_user_change", args=[user.pk])).context["adminform"].form
        assert ("is_active" not in form.fields) is uit

    data = _wijzigformulier(client, tweede)
    data.pop("is_active", None)
    client.post(reverse("admin:accounts_user_change", args=[tweede.pk]), data)
    tweede.refresh_from_db()
    assert tweede.is_active


def test_a_password_set_by_the_beheerder_is_logged_and_mailed(client, beheerder, mailoutbox):
    ander = WerkcoachFactory(username="wc2", email="wc2@example.org")
    client.force_login(beheerder)
    nieuw = "Paard-Fiets-Boom-42"

    antwoord = client.post(reverse("admin:auth_user_password_change", args=[ander.pk]), {"password1": nieuw, "password2": nieuw, "usable_password": "true"})

    assert antwoord.status_code == 302
    log = Beveiligingslog.objects.get(gebeurtenis=Gebeurtenis.WACHTWOORD_GEWIJZIGD)
    assert log.betreft == ander and log.gebruiker == beheerder
    assert mailoutbox[0].to == ["wc2@example.org"]


def test_the_four_eyes_setting_is_on_by_default_and_read_only_for_the_beheerder(client, beheerder):
    client.force_login(beheerder)
    pagina = client.get(reverse("admin:instellingen_gemeenteinstellingen_change", args=[1]))
    assert "rollen_tweede_beheerder" not in pagina.context["adminform"].form.fields
    assert "tweede beheerder" in pagina.content.decode()
    assert GemeenteInstellingen.huidig().rollen_tweede_beheerder is True


def test_the_server_command_switches_the_four_eyes_setting(db):
    call_command("rollen_goedkeuring", "uit", stdout=StringIO())
    assert GemeenteInstellingen.huidig().rollen_tweede_beheerder is False
    call_command("rollen_goedkeuring", "aan", stdout=StringIO())
    assert GemeenteInstellingen.huidig().rollen_tweede_beheerder is True
