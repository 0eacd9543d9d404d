"""The network's six working groups exist from the start; the secretariat opens more later."""

from django.db import migrations

GROUPS = [
    ("childrens-rights", "Children's Rights", ["children-youth"],
     "Towns that put children's safety and voice at the centre of local policy."),
    ("trauma-surviving", "Trauma Surviving", ["health"],
     "Psychosocial support that a small municipality can actually organise."),
    ("exploitation-and-human-trafficking", "Exploitation and Human Trafficking",
     ["migration-integration"], "Spotting exploitation early and knowing whom to call."),
    ("gender-equality", "Gender Equality", ["gender-equality"],
     "Women's participation in local life, jobs and decisions."),
    ("research-network-for-diversity", "Research Network for Diversity",
     ["social-cohesion", "participation"],
     "Universities and towns studying what makes diverse communities work."),
    ("education-and-social-cohesion", "Education and Social Cohesion",
     ["education", "social-cohesion"],
     "Schools, languages and summer camps that bring children together."),
]  # fmt: skip


def create_groups(apps, schema_editor):
    WorkingGroup = apps.get_model("network", "WorkingGroup")
    Theme = apps.get_model("reference", "Theme")
    for slug, name, themes, summary in GROUPS:
        if WorkingGroup.objects.filter(slug=slug).exists() or WorkingGroup.objects.filter(
            name__iexact=name
        ).exists():
            continue
        group = WorkingGroup.objects.create(slug=slug, name=name, summary=summary)
        group.themes.set(Theme.objects.filter(slug__in=themes))


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0001_groups_exchange_statements_updates"),
        ("reference", "0002_load_countries_sdgs_themes"),
    ]
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
