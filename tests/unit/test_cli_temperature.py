"""``--temperature T`` on summarize, translate and generate: passed to the job, refused outside 0..2."""

from __future__ import annotations

import argparse

import pytest

from desktop.cli import exitcodes
from desktop.cli import generate_cmd, summarize_cmd, translate_cmd
from desktop.cli.common import CliError, temperature_option


@pytest.mark.parametrize("module", [summarize_cmd, translate_cmd, generate_cmd])
def test_every_long_job_takes_temperature(module) -> None:
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    required = {summarize_cmd: ["doc.txt"], translate_cmd: ["doc.txt", "--to", "en"],
                generate_cmd: ["--prompt", "x"]}[module]
    assert parser.parse_args([*required, "--temperature", "0"]).temperature == 0.0
    assert parser.parse_args(required).temperature is None


def test_given_temperature_goes_into_the_options_and_none_leaves_the_jobs_default() -> None:
    options: dict = {}
    temperature_option(argparse.Namespace(temperature=None), options)
    assert options == {}
    temperature_option(argparse.Namespace(temperature=0.0), options)
    assert options == {"temperature": 0.0}


@pytest.mark.parametrize("value", [-0.1, 2.5])
def test_temperature_outside_0_to_2_is_a_usage_error(value: float) -> None:
    with pytest.raises(CliError) as caught:
        temperature_option(argparse.Namespace(temperature=value), {})
    assert caught.value.exit_code == exitcodes.USAGE
    assert "--temperature" in str(caught.value)
