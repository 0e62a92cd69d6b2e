"""Assurance tooling (issue 18): reference benches, mutation testing, fuzzing and fault runs."""
