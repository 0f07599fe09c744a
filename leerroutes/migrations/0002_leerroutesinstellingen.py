"""LeerroutesInstellingen: leerroutes' policy settings leave the GemeenteInstellingen singleton for a row of their own
beside it (its primary key is the singleton's). The current values are copied before the kernel drops
its fields (run_before)."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from inburgering.instellingen.verplaatsen import velden_overnemen


VELDEN = ('pvt_start_maanden_na_huisvesting', 'map_norm_uren', 'pvt_extra_themas', 'z_route_telt_intake_uren', 'z_route_telt_participatiewet', 'z_route_telt_mb', 'ontzorging_vaste_lasten')


class Migration(migrations.Migration):

    dependencies = [
        ('instellingen', '0006_remove_gemeenteinstellingen_zienswijze_weken_and_more'),
        ('leerroutes', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    run_before = [('instellingen', '0007_velden_naar_apps')]

    operations = [
        migrations.CreateModel(
            name='LeerroutesInstellingen',
            fields=[
                ('gemeente', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='%(app_label)s_instellingen', serialize=False, to='instellingen.gemeenteinstellingen', verbose_name='gemeente-instellingen')),
                ('pvt_start_maanden_na_huisvesting', models.PositiveSmallIntegerField(default=12, verbose_name='PVT asiel niet eerder dan (maanden na huisvesting)')),
                ('map_norm_uren', models.PositiveSmallIntegerField(default=40, help_text='Uit de Regeling; nog te bevestigen [?].', verbose_name='MAP: norm praktijkuren')),
                ('pvt_extra_themas', models.TextField(blank=True, default='seksuele diversiteit, gezondheid, man/vrouw-relatie', help_text="Gescheiden door komma's; komen bij de vier kernwaarden op de PVT-checklist.", verbose_name="PVT: extra thema's van de gemeente")),
                ('z_route_telt_intake_uren', models.BooleanField(default=True, help_text='Besluit 3.14 lid 5–6.', verbose_name='Z-route: uren uit de brede intake tellen mee')),
                ('z_route_telt_participatiewet', models.BooleanField(default=True, verbose_name='Z-route: activiteiten Participatiewet tellen mee als activiteitsuren')),
                ('z_route_telt_mb', models.BooleanField(default=True, verbose_name='Z-route: maatschappelijke begeleiding telt mee als activiteitsuren')),
                ('ontzorging_vaste_lasten', models.TextField(default='huur, gas, water, stroom, verplichte zorgverzekering', help_text="Gescheiden door komma's. Wettelijke lijst van Participatiewet art. 56a.", verbose_name='financieel ontzorgen: vaste lasten')),
            ],
            options={
                'verbose_name': 'instellingen leerroutes en onderdelen',
                'verbose_name_plural': 'instellingen leerroutes en onderdelen',
            },
        ),
        migrations.CreateModel(
            name='HistoricalLeerroutesInstellingen',
            fields=[
                ('pvt_start_maanden_na_huisvesting', models.PositiveSmallIntegerField(default=12, verbose_name='PVT asiel niet eerder dan (maanden na huisvesting)')),
                ('map_norm_uren', models.PositiveSmallIntegerField(default=40, help_text='Uit de Regeling; nog te bevestigen [?].', verbose_name='MAP: norm praktijkuren')),
                ('pvt_extra_themas', models.TextField(blank=True, default='seksuele diversiteit, gezondheid, man/vrouw-relatie', help_text="Gescheiden door komma's; komen bij de vier kernwaarden op de PVT-checklist.", verbose_name="PVT: extra thema's van de gemeente")),
                ('z_route_telt_intake_uren', models.BooleanField(default=True, help_text='Besluit 3.14 lid 5–6.', verbose_name='Z-route: uren uit de brede intake tellen mee')),
                ('z_route_telt_participatiewet', models.BooleanField(default=True, verbose_name='Z-route: activiteiten Participatiewet tellen mee als activiteitsuren')),
                ('z_route_telt_mb', models.BooleanField(default=True, verbose_name='Z-route: maatschappelijke begeleiding telt mee als activiteitsuren')),
                ('ontzorging_vaste_lasten', models.TextField(default='huur, gas, water, stroom, verplichte zorgverzekering', help_text="Gescheiden door komma's. Wettelijke lijst van Participatiewet art. 56a.", verbose_name='financieel ontzorgen: vaste lasten')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.TextField(null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('gemeente', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='instellingen.gemeenteinstellingen', verbose_name='gemeente-instellingen')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical instellingen leerroutes en onderdelen',
                'verbose_name_plural': 'historical instellingen leerroutes en onderdelen',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        velden_overnemen('leerroutes', 'LeerroutesInstellingen', VELDEN),
    ]
