from rktc.cli import main

main()
