import json
from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command

from glocal.matching.evaluation import breakdown, mrr_at, ndcg_at, recall_at
from glocal.practices.models import Practice


def test_metrics_on_a_hand_computed_ranking():
    relevant = {"a": 1, "c": 1}
    ranked = ["b", "a", "c"]
    assert ndcg_at(ranked, relevant) == pytest.approx((1 / 1.585 + 1 / 2) / (1 + 1 / 1.585), 1e-3)
    assert recall_at(ranked, relevant) == 1.0
    assert mrr_at(ranked, relevant) == 0.5
    assert recall_at(["x"], relevant) == 0.0


@pytest.fixture
def beir(tmp_path):
    docs = [
        ("d1", "Participatory budgeting", "Residents decide how to spend part of the budget."),
        ("d2", "Citizens' assembly", "A random sample of residents deliberates for weeks."),
        ("d3", "Online survey", "The town asks many residents questions on the web."),
    ]
    (tmp_path / "corpus.jsonl").write_text(
        "\n".join(json.dumps({"_id": i, "title": t, "text": x}) for i, t, x in docs)
    )
    queries = [("q1", "the council let people vote on spending money"),
               ("q2", "randomly selected people met to deliberate")]  # fmt: skip
    (tmp_path / "queries.jsonl").write_text(
        "\n".join(json.dumps({"_id": i, "text": t}) for i, t in queries)
    )
    (tmp_path / "qrels").mkdir()
    (tmp_path / "qrels" / "dev.tsv").write_text(
        "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n"
    )
    return tmp_path


@pytest.mark.django_db
def test_evaluate_search_scores_the_production_engine_and_leaves_no_trace(beir):
    out = StringIO()
    call_command("evaluate_search", str(beir), "--split", "dev", "--in-place", stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert result["queries"] == 2
    assert result["ndcg@10"] == 1.0
    assert result["mode"] == "hybrid"
    assert set(result) >= {"recall@10", "mrr@10", "p50_ms", "p95_ms", "index_s"}
    assert not Practice.objects.exists()


def test_evaluate_search_refuses_a_folder_that_is_not_beir(tmp_path):
    with pytest.raises(Exception, match="not a BEIR folder"):
        call_command("evaluate_search", str(tmp_path))


def test_breakdown_by_query_language_and_same_or_cross_language():
    metadata = {
        "q1": {"language": "de", "document_language": "de"},
        "q2": {"language": "de", "document_language": "en"},
        "q3": {"language": "ar", "document_language": "en"},
    }
    result = breakdown({"q1": 1.0, "q2": 0.5, "q3": 0.0}, metadata)
    assert result == {
        "cross_language": {"queries": 2, "ndcg@10": 0.25},
        "same_language": {"queries": 1, "ndcg@10": 1.0},
        "by_language": {
            "ar": {"queries": 1, "ndcg@10": 0.0},
            "de": {"queries": 2, "ndcg@10": 0.75},
        },
    }
    assert breakdown({"q1": 1.0}, {}) == {}


@pytest.mark.django_db
def test_evaluate_search_prints_the_language_breakdown_and_fills_a_vector_cache(beir, tmp_path):
    queries = [("q1", "Einwohner entscheiden, wofür das Budget ausgegeben wird", "de"),
               ("q2", "randomly selected people met to deliberate", "en")]  # fmt: skip
    (beir / "queries.jsonl").write_text("\n".join(
        json.dumps({"_id": i, "text": t, "metadata": {"language": lang, "document_language": "en"}})
        for i, t, lang in queries
    ))  # fmt: skip
    cache = tmp_path / "vectors.npz"
    out = StringIO()
    arguments = ["--split", "dev", "--in-place", "--vector-cache", str(cache)]
    call_command("evaluate_search", str(beir), *arguments, stdout=out)
    result = json.loads(out.getvalue().strip().splitlines()[-1])
    assert result["ndcg@10"] == 1.0
    assert result["same_language"] == {"queries": 1, "ndcg@10": 1.0}
    assert result["cross_language"] == {"queries": 1, "ndcg@10": 1.0}
    assert set(result["by_language"]) == {"de", "en"}
    assert len(np.load(cache)["keys"]) == 6  # three titles and three titled bodies
