from rktc.cli import run

run()
