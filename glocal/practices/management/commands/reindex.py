"""Compute missing or outdated practice vectors and rebuild the search index."""

import json

from django.core.management.base import BaseCommand
from tqdm import tqdm

from glocal.lib.embeddings import encoder_status

from ...engine import embed_practices, engine
from ...models import Practice, PracticeVector


class Command(BaseCommand):
    help = "Embed every practice whose text changed, then rebuild this process's search index."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="recompute every vector")

    def handle(self, *args, all: bool, **options):
        if all:
            PracticeVector.objects.all().delete()
        status = encoder_status()
        if status["status"] != "ok":
            self.stderr.write(f"The embedding model is {status['status']}: lexical search only.")
        total = Practice.objects.count()
        with tqdm(total=total, desc="embedding", unit="practice", disable=None) as bar:
            computed = embed_practices(progress=bar.update)
            bar.update(total - bar.n)
        snapshot = engine.refresh()
        self.stdout.write(json.dumps({
            "practices": len(snapshot.ids),
            "embedded": computed,
            "vectors": len(snapshot.main.vectors) if snapshot.main.vectors is not None else 0,
            "mode": engine.status()["mode"],
            "index_s": round(snapshot.built_in, 3),
        }))  # fmt: skip
