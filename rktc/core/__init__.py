"""The foundation every stage stands on: messages in two languages, diagnostics, errors, files.

Holds the message catalog and its renderer (`messages`, `catalog`), the `Diagnostic` a
finding is made of, `RktcError` for what stops rktc altogether, atomic file writing and
the packaged resources. Imports nothing else of rktc.
"""
