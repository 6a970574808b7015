"""The window's model stays loaded during a comparison only when the RAM estimate says both fit."""

from __future__ import annotations

from desktop.compare.memory import both_fit

GIB = 1024**3
#: a 1.5B-shaped Q4_K_M model's facts, as the library reads them
SMALL = {"size_bytes": 1 * GIB, "n_layer": 28, "n_embd": 1536, "n_head": 12, "n_head_kv": 2,
         "context_length": 32768, "n_vocab": 151936}
#: an 8B-shaped one
LARGE = {"size_bytes": 5 * GIB, "n_layer": 32, "n_embd": 4096, "n_head": 32, "n_head_kv": 8,
         "context_length": 131072, "n_vocab": 128256}


def test_small_models_may_stay_beside_a_loaded_one_on_a_roomy_pc() -> None:
    assert both_fit(SMALL, [SMALL, SMALL], None, 12 * GIB)


def test_a_compared_model_that_would_not_fit_comfortably_beside_the_loaded_one_unloads_it() -> None:
    # 8 GB free: the 8B model alone fits, but not beside the loaded one's mapped weights
    assert not both_fit(LARGE, [SMALL, LARGE], None, 8 * GIB)


def test_the_loaded_models_mapped_weights_are_not_counted_as_free() -> None:
    # 7 GB "available" includes the loaded 5 GB file's pages: only 2 GB are really left
    assert not both_fit(LARGE, [SMALL], 4096, 7 * GIB)
    assert both_fit(SMALL, [SMALL], 4096, 7 * GIB)


def test_unknown_memory_or_an_unknown_model_never_counts_as_fitting() -> None:
    assert not both_fit(SMALL, [SMALL], None, None)
    assert not both_fit(SMALL, [SMALL, None], None, 64 * GIB)
