"""The result cache (server/cache.py): bounded in bytes, least recently used out first, a huge answer never
cached, and emptied whole when the store changes."""

from server.cache import ResultCache
from server.results import Result


def _result(n: int) -> Result:
    """A result whose serialisation is n bytes."""
    return Result("bindings", ["x"], [], body=b"x" * n)


def test_a_stored_result_is_found_by_its_key():
    cache = ResultCache(100_000)
    answer = _result(10)
    cache.put(("SELECT 1", 7), answer)
    assert cache.get(("SELECT 1", 7)) is answer
    assert cache.get(("SELECT 1", 8)) is None  # another generation of the store: not the same answer
    assert (cache.hits, cache.misses) == (1, 1)


def test_the_least_recently_used_result_goes_first():
    cache = ResultCache(4_000)  # four results of about 950 bytes fit
    for key in "abcd":
        cache.put((key,), _result(700))
    assert cache.get(("a",)) is not None  # "a" is now the most recently used
    cache.put(("e",), _result(700))
    assert cache.get(("b",)) is None
    assert all(cache.get((key,)) is not None for key in "acde")


def test_a_huge_result_is_not_cached_and_evicts_nothing():
    cache = ResultCache(4_000)
    cache.put(("small",), _result(10))
    cache.put(("huge",), _result(3_000))  # more than a quarter of the cache
    assert cache.get(("huge",)) is None
    assert cache.get(("small",)) is not None


def test_rows_count_towards_the_size():
    """A result without a serialisation is sized by its rows: many rows are too big to cache."""
    cache = ResultCache(40_000)
    rows = [(("uri", f"http://e/{i}"),) for i in range(1_000)]
    cache.put(("many",), Result("bindings", ["x"], rows))
    assert cache.get(("many",)) is None


def test_a_second_put_under_the_same_key_keeps_the_first():
    cache = ResultCache(100_000)
    first, second = _result(1), _result(2)
    cache.put(("q",), first)
    cache.put(("q",), second)
    assert cache.get(("q",)) is first


def test_clear_empties_the_cache_and_frees_its_room():
    cache = ResultCache(4_000)
    for key in "abcd":
        cache.put((key,), _result(700))
    cache.clear()
    assert all(cache.get((key,)) is None for key in "abcd")
    for key in "wxyz":
        cache.put((key,), _result(700))
    assert all(cache.get((key,)) is not None for key in "wxyz")  # nothing of the old entries still counts
