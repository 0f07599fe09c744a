"""PipInstellingen: pip_plans' policy settings leave the GemeenteInstellingen singleton for a row of their own
beside it (its primary key is the singleton's). The current values are copied before the kernel drops
its fields (run_before)."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from inburgering.instellingen.verplaatsen import velden_overnemen


VELDEN = ('pip_termijn_weken', 'pip_verlenging_weken', 'inburgeringstermijn_jaren', 'schakel_maanden', 'voortgangsgesprek_weken', 'ontzorging_maanden')


class Migration(migrations.Migration):

    dependencies = [
        ('instellingen', '0006_remove_gemeenteinstellingen_zienswijze_weken_and_more'),
        ('pip_plans', '0003_termijnverlenging'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    run_before = [('instellingen', '0007_velden_naar_apps')]

    operations = [
        migrations.CreateModel(
            name='PipInstellingen',
            fields=[
                ('gemeente', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='%(app_label)s_instellingen', serialize=False, to='instellingen.gemeenteinstellingen', verbose_name='gemeente-instellingen')),
                ('pip_termijn_weken', models.PositiveSmallIntegerField(default=10, verbose_name='termijn PIP vaststellen (weken)')),
                ('pip_verlenging_weken', models.PositiveSmallIntegerField(default=2, verbose_name='uiterste termijn na ontvangst informatie derde (weken)')),
                ('inburgeringstermijn_jaren', models.PositiveSmallIntegerField(default=3, verbose_name='inburgeringstermijn (jaren)')),
                ('schakel_maanden', models.PositiveSmallIntegerField(default=18, verbose_name='schakelen toegestaan tot (maanden)')),
                ('voortgangsgesprek_weken', models.PositiveSmallIntegerField(default=8, verbose_name='standaard interval voortgangsgesprek (weken)')),
                ('ontzorging_maanden', models.PositiveSmallIntegerField(default=6, verbose_name='duur financieel ontzorgen (maanden)')),
            ],
            options={
                'verbose_name': 'PIP-instellingen',
                'verbose_name_plural': 'PIP-instellingen',
            },
        ),
        migrations.CreateModel(
            name='HistoricalPipInstellingen',
            fields=[
                ('pip_termijn_weken', models.PositiveSmallIntegerField(default=10, verbose_name='termijn PIP vaststellen (weken)')),
                ('pip_verlenging_weken', models.PositiveSmallIntegerField(default=2, verbose_name='uiterste termijn na ontvangst informatie derde (weken)')),
                ('inburgeringstermijn_jaren', models.PositiveSmallIntegerField(default=3, verbose_name='inburgeringstermijn (jaren)')),
                ('schakel_maanden', models.PositiveSmallIntegerField(default=18, verbose_name='schakelen toegestaan tot (maanden)')),
                ('voortgangsgesprek_weken', models.PositiveSmallIntegerField(default=8, verbose_name='standaard interval voortgangsgesprek (weken)')),
                ('ontzorging_maanden', models.PositiveSmallIntegerField(default=6, verbose_name='duur financieel ontzorgen (maanden)')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.TextField(null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('gemeente', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='instellingen.gemeenteinstellingen', verbose_name='gemeente-instellingen')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical PIP-instellingen',
                'verbose_name_plural': 'historical PIP-instellingen',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        velden_overnemen('pip_plans', 'PipInstellingen', VELDEN),
    ]
