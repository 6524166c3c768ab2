"""The `rktc` command: argument parsing (`app`) and what each command does (`commands`).

The only package that prints and chooses exit codes. `app` must stay light, because
`rktc --help` imports it: the stages are imported inside the commands. May import
everything.
"""
