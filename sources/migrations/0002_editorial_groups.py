"""The two editorial roles.

Editors view, add, change and delete every table of the record (the admin keeps
anything ever published from being deleted). Reviewers may do the same and also
publish and withdraw: a ``publish_<model>`` permission per curated model.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATED_MODELS = {"events": ("actor", "event", "place"), "sources": ("claim", "source")}
RELATION_MODELS = {"events": ("actorrelation", "eventplace", "participation"), "sources": ("citation",)}
EDITING_ACTIONS = ("view", "add", "change", "delete")


def create_groups(apps, schema_editor):
    db = schema_editor.connection.alias
    # On a fresh database the models' permissions only appear after the last
    # migration (post_migrate), so create them now.
    for app_label in CURATED_MODELS:
        create_permissions(global_apps.get_app_config(app_label), apps=apps, using=db, verbosity=0)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    editing, publishing = [], []
    for app_label in CURATED_MODELS:
        for model in (*CURATED_MODELS[app_label], *RELATION_MODELS[app_label]):
            content_type = ContentType.objects.using(db).get(app_label=app_label, model=model)
            for action in EDITING_ACTIONS:
                editing.append(Permission.objects.using(db).get(content_type=content_type, codename=f"{action}_{model}"))
            if model in CURATED_MODELS[app_label]:
                permission, _ = Permission.objects.using(db).get_or_create(
                    content_type=content_type,
                    codename=f"publish_{model}",
                    defaults={"name": f"Can publish or withdraw {model}"},
                )
                publishing.append(permission)

    editors, _ = Group.objects.using(db).get_or_create(name="Editors")
    editors.permissions.add(*editing)
    reviewers, _ = Group.objects.using(db).get_or_create(name="Reviewers")
    reviewers.permissions.add(*editing, *publishing)


def remove_groups(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.using(db).filter(name__in=["Editors", "Reviewers"]).delete()
    for app_label, models in CURATED_MODELS.items():
        Permission.objects.using(db).filter(
            content_type__app_label=app_label, codename__in=[f"publish_{model}" for model in models]
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0001_initial"),
        ("sources", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
