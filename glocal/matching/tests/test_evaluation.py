import json
from io import StringIO

import pytest
from django.core.management import call_command

from glocal.matching.evaluation import mrr_at, ndcg_at, recall_at
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
