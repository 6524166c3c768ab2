"""The starter plan written by `rktc init`."""

from rktc.resources import template_text


def starter_plan() -> str:
    return template_text("starter.yaml")
