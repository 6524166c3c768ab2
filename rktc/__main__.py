from rktc.cli.app import run

run()
