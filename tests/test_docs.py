"""The ``>>>`` examples in the package's docstrings run and hold (on the installed package)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import iscm_graph

MODULES = sorted(
    info.name
    for info in pkgutil.iter_modules(iscm_graph.__path__, "iscm_graph.")
    if info.name != "iscm_graph.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_public_helpers_have_examples() -> None:
    attempted = sum(
        doctest.testmod(importlib.import_module(name), report=False).attempted for name in MODULES
    )
    assert attempted >= 10
