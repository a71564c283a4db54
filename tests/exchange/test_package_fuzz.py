"""Property-based fuzzing of manifest.json and data.json: whatever JSON a package holds,
reading it ends in a package or in a documented rejection — never in another exception."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planmgr.exchange.package import FilingPackage, read_package, write_package
from planmgr.exchange.package_schema import REASONS, PackageRejected
from tests.exchange.test_package import DOC_SHA, DOCUMENT, sample_data
from tests.services.filing_builders import json_entry, rezip

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "1.0",
            "2025-03-03",
            "enterprise",
            "ent_comprehensive",
            "91440783MA4UHD0011",
            "2b1c6a52-0d7e-4e53-9a52-7f3f4c1e0a02",
            "\u0000",
            "../x",
        ]
    ),
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "good.planpkg"
    write_package(path, sample_data(), {DOC_SHA: DOCUMENT})
    return path.read_bytes()


def outcome(package: bytes) -> str:
    try:
        result = read_package(package)
    except PackageRejected as error:
        assert error.problems and all(p.reason in REASONS and p.message for p in error.problems)
        return error.reason
    assert isinstance(result, FilingPackage)
    return "accepted"


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document (keys of objects, indexes of lists)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(paths(child, (*prefix, index)))
    return found


def mutate(document: Any, data: st.DataObject) -> Any:
    """Replace or delete the value at one place in a copy of ``document``."""
    document = copy.deepcopy(document)
    where = data.draw(st.sampled_from(paths(document)))
    replacement = data.draw(json_values)
    if not where:
        return replacement
    parent = document
    for step in where[:-1]:
        parent = parent[step]
    if isinstance(parent, dict) and data.draw(st.booleans()):
        del parent[where[-1]]
    else:
        parent[where[-1]] = replacement
    return document


@FUZZ
@given(manifest=json_values)
def test_any_json_as_manifest(good: bytes, manifest: Any) -> None:
    package = rezip(good, replace={"manifest.json": json.dumps(manifest).encode()})
    assert outcome(package) != "accepted"


@FUZZ
@given(data=st.data())
def test_mutated_manifest(good: bytes, data: st.DataObject) -> None:
    manifest = mutate(json_entry(good, "manifest.json"), data)
    outcome(rezip(good, replace={"manifest.json": json.dumps(manifest).encode()}))


@FUZZ
@given(data=st.data())
def test_mutated_data_json(good: bytes, data: st.DataObject) -> None:
    document = mutate(json_entry(good, "data.json"), data)
    raw = json.dumps(document, ensure_ascii=data.draw(st.booleans())).encode("utf-8", "surrogatepass")
    outcome(rezip(good, replace={"data.json": raw}, fix_manifest=True))


@FUZZ
@given(raw=st.binary(max_size=200))
def test_arbitrary_bytes_as_data_json(good: bytes, raw: bytes) -> None:
    assert outcome(rezip(good, replace={"data.json": raw}, fix_manifest=True)) != "accepted"


def test_the_unmutated_package_is_accepted(good: bytes) -> None:
    assert outcome(good) == "accepted"
    # and recomputing the manifest alone does not break it (the mutations rely on that)
    assert outcome(rezip(good, fix_manifest=True)) == "accepted"
