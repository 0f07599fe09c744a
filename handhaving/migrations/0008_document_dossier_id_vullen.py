"""Fill `Document.dossier_id` for the letters made before it existed: the PIP beschikkingen (Pip.document)
and the four handhaving letters. Here because handhaving is the top app that knows both."""

from django.db import migrations

ZAAK_DOCUMENTEN = ("waarschuwing_document", "rapport_document", "voornemen_document", "besluit_document")


def vullen(apps, schema_editor):
    Document = apps.get_model("documenten", "Document")
    Pip = apps.get_model("pip_plans", "Pip")
    Handhavingszaak = apps.get_model("handhaving", "Handhavingszaak")
    paren = list(Pip.objects.exclude(document=None).values_list("document_id", "dossier_id"))
    for veld in ZAAK_DOCUMENTEN:
        paren += Handhavingszaak.objects.exclude(**{veld: None}).values_list(f"{veld}_id", "dossier_id")
    # The migration's manager is a plain one (the model's refusing queryset is not used here).
    for document_id, dossier_id in paren:
        Document.objects.filter(pk=document_id, dossier_id=None).update(dossier_id=dossier_id)


class Migration(migrations.Migration):

    dependencies = [
        ("handhaving", "0007_betaalstatus_verjaard"),
        ("documenten", "0003_document_dossier_id"),
        ("pip_plans", "0007_afschalen_onhaalbaar"),
    ]

    operations = [migrations.RunPython(vullen, migrations.RunPython.noop)]
