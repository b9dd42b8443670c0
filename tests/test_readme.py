"""The README's two commands are the ones the project supports, and its answers are real."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from iscm_graph.cli import cli

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


def answered_examples() -> list[tuple[str, str]]:
    """Each one-line ``iscm-graph query`` example followed directly by the answer it shows."""
    example = r"```sh\n(iscm-graph query [^\n]*)\n```\n+```text\n(.*?)```"
    return re.findall(example, README, re.DOTALL)


def test_the_readme_shows_answers_to_named_queries() -> None:
    assert len(answered_examples()) >= 2


@pytest.mark.parametrize(("command", "shown"), answered_examples())
def test_each_answer_the_readme_shows_is_the_one_the_service_gives(
    command: str, shown: str, built_store: Path
) -> None:
    arguments = shlex.split(command)[1:]
    arguments = [str(PROJECT_ROOT / a) if a.startswith("queries/") else a for a in arguments]
    result = CliRunner().invoke(cli, [*arguments, "--store", str(built_store)])
    assert result.exit_code == 0, result.output
    assert result.stdout.replace("\r\n", "\n").strip() == shown.strip()
