"""rktc: compile Indonesian annual performance plans (RKT) from checked YAML."""

__version__ = "0.1.0"
