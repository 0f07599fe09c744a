from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('documenten', '0002_verzending'),
    ]

    operations = [
        migrations.AddField(
            model_name='document',
            name='dossier_id',
            field=models.BigIntegerField(blank=True, db_index=True, null=True, verbose_name='dossier'),
        ),
    ]
