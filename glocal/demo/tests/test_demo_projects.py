"""The demo's prototype and projects: five towns at different stages, loaded only once."""

from io import StringIO

from django.core.management import call_command

from glocal.projects.models import (
    AdaptationChoice,
    Measurement,
    Project,
    ProjectStatus,
    Prototype,
    TransferOutcome,
)


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_has_the_activating_local_engagement_prototype_from_spilamberto(demo):
    assert "Prototypes: 1 (1 new); projects: 5 (5 new)" in demo
    prototype = Prototype.objects.get(slug="activating-local-engagement")
    assert prototype.is_published
    assert list(prototype.source_practices.values_list("source_id", flat=True)) == [
        "spilamberto-and-us"]  # fmt: skip
    assert prototype.variants.count() == 3


def test_demo_projects_run_in_the_lebanese_towns_and_spilamberto_at_different_stages(demo):
    adapted = Project.objects.filter(prototype__slug="activating-local-engagement")
    stages = dict(adapted.values_list("municipality__slug", "status"))
    assert stages == {
        "spilamberto": ProjectStatus.COMPLETED, "zahle": ProjectStatus.IMPLEMENTING,
        "baalbek": ProjectStatus.IMPLEMENTING, "jbeil": ProjectStatus.PLANNING,
        "batroun": ProjectStatus.IMPLEMENTING,
    }  # fmt: skip
    assert Measurement.objects.count() == 16
    assert TransferOutcome.objects.get().project.municipality.slug == "spilamberto"
    assert AdaptationChoice.objects.filter(decision="changed").count() == 5


def test_loading_the_demo_twice_creates_no_second_project(demo):
    second = load_demo()
    assert "Prototypes: 1 (0 new); projects: 5 (0 new)" in second
    adapted = Project.objects.filter(prototype__slug="activating-local-engagement")
    assert (adapted.count(), Measurement.objects.count()) == (5, 16)
