"""Assurance tooling (issue 18): commands and plugins that show how well the suite is guarded."""
