import math

import pytest

from search.evaluation.metrics import Scores, mean_scores, ndcg, recall, reciprocal_rank


def test_reciprocal_rank_is_one_over_the_rank_of_the_first_relevant_id() -> None:
    assert reciprocal_rank(["a", "b", "c"], {"a"}) == 1.0
    assert reciprocal_rank(["a", "b", "c"], {"c", "b"}) == 0.5
    assert reciprocal_rank(["a", "b", "c"], {"z"}) == 0.0


def test_reciprocal_rank_ignores_hits_below_the_cutoff() -> None:
    ranking = [str(n) for n in range(12)]
    assert reciprocal_rank(ranking, {"9"}) == 0.1
    assert reciprocal_rank(ranking, {"10"}) == 0.0
    assert reciprocal_rank(ranking, {"2"}, k=2) == 0.0


def test_recall_is_the_share_of_relevant_ids_in_the_top_k() -> None:
    assert recall(["a", "b", "c"], {"a", "c"}) == 1.0
    assert recall(["a", "b", "c"], {"a", "z"}) == 0.5
    assert recall(["a", "b", "c"], {"c", "z"}, k=2) == 0.0
    assert recall(["a"], set()) == 0.0


def test_ndcg_discounts_by_log2_of_the_rank_over_the_ideal_ranking() -> None:
    assert ndcg(["a", "b"], {"a"}) == 1.0
    assert ndcg(["b", "a"], {"a"}) == pytest.approx(1 / math.log2(3))
    assert ndcg(["a", "x", "b"], {"a", "b"}) == pytest.approx((1 + 1 / 2) / (1 + 1 / math.log2(3)))
    assert ndcg(["x", "y"], {"a"}) == 0.0


def test_ndcg_ideal_counts_at_most_k_relevant_ids() -> None:
    relevant = {str(n) for n in range(15)}
    assert ndcg([str(n) for n in range(10)], relevant) == 1.0


def test_mean_scores_average_each_metric_over_queries() -> None:
    scores = mean_scores([(["a", "b"], {"a"}), (["x", "b"], {"b", "z"}), (["q"], {"a"})])
    assert scores.queries == 3
    assert scores.mrr == pytest.approx((1 + 0.5 + 0) / 3)
    assert scores.recall == pytest.approx((1 + 0.5 + 0) / 3)
    assert scores.ndcg == pytest.approx((1 + (1 / math.log2(3)) / (1 + 1 / math.log2(3)) + 0) / 3)


def test_mean_scores_of_no_queries_are_zero() -> None:
    assert mean_scores([]) == Scores(0.0, 0.0, 0.0, 0)
