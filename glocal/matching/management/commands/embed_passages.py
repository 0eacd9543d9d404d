"""Compute the sentence vectors recommendations quote from, ahead of the first visit."""

import json
import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from glocal.practices.models import Practice

from ...models import SentenceVector
from ...passages import cache, cache_key, encoder, overview_text, practice_text, sentence_texts


class Command(BaseCommand):
    help = "Embed every sentence of the published practices for recommendations (multilingual)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=16, help="practices per batch")
        parser.add_argument("--prune", action="store_true", help="drop vectors no practice uses")

    def handle(self, *args, batch: int, prune: bool, **options):
        model = encoder()
        if model is None:
            self.stderr.write("The multilingual model is off or missing: nothing to embed.")
            return
        started, before = time.perf_counter(), SentenceVector.objects.count()
        practices = list(Practice.objects.published().order_by("pk"))
        used: set[str] = set()
        with tqdm(total=len(practices), desc="sentences", unit="practice", disable=None) as bar:
            for start in range(0, len(practices), batch):
                texts = [t for p in practices[start : start + batch]
                         for text in [practice_text(p)]
                         for t in [overview_text(text), *sentence_texts(text)]]  # fmt: skip
                cache.encode(model, texts)
                used.update(cache_key("passage: " + t) for t in texts)
                bar.update(len(practices[start : start + batch]))
        pruned = 0
        if prune:
            stale = SentenceVector.objects.exclude(key__in=used).values_list("key", flat=True)
            pruned, _ = SentenceVector.objects.filter(key__in=list(stale)).delete()
        self.stdout.write(json.dumps({
            "practices": len(practices), "texts": len(used),
            "computed": SentenceVector.objects.count() - before + pruned, "pruned": pruned,
            "seconds": round(time.perf_counter() - started, 2),
        }))  # fmt: skip
