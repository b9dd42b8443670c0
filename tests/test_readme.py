"""The README's two commands are the ones the project actually supports."""

from __future__ import annotations

import re

from .conftest import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text("utf-8")


def shell_blocks() -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL)]


def test_the_first_two_commands_install_and_serve_then_install_and_test() -> None:
    serve, test = shell_blocks()[:2]
    assert serve == "pip install . && iscm-graph serve"
    assert test == "pip install '.[test]' && pytest"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (PROJECT_ROOT / ".ci" / "run").read_text("utf-8")
    assert shell_blocks()[1] in ci.splitlines()
