"""Small helpers shared by test modules (tests/ is on sys.path under pytest's rootdir conftest)."""

ZERO = "0x0000000000000000000000000000000000000000"
