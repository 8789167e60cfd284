"""The demo's moderation workflow in German: Wagtail creates it as "Moderators approval"."""

from django.db import migrations

ENGLISH = "Moderators approval"
GERMAN = "Freigabe durch die Moderation"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_german(apps, schema_editor):
    rename(apps, ENGLISH, GERMAN)


def to_english(apps, schema_editor):
    rename(apps, GERMAN, ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_german, to_english)]
