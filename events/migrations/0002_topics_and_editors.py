"""Seeds the Topic table from fixtures/topics.json and creates the "editors" group."""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

TOPICS = Path(__file__).resolve().parents[2] / "fixtures" / "topics.json"
EDITABLE = ["event", "person", "place", "topic", "document", "source", "country", "suppression"]


def load_topics(apps, schema_editor):
    Topic = apps.get_model("events", "Topic")
    for entry in json.loads(TOPICS.read_text(encoding="utf-8")):
        Topic.objects.update_or_create(
            slug=entry.get("slug") or slugify(entry["name"]),
            defaults={"name": entry["name"], "keywords": entry.get("keywords", [])},
        )


def create_editors(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="editors")
    editors.permissions.set(Permission.objects.filter(content_type__app_label="events", content_type__model__in=EDITABLE))


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length"), ("contenttypes", "0002_remove_content_type_name")]

    operations = [
        migrations.RunPython(load_topics, migrations.RunPython.noop),
        migrations.RunPython(create_editors, migrations.RunPython.noop),
    ]
