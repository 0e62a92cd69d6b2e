"""Token units and time constants shared by contracts' mirrors, scripts and tests."""

from decimal import Decimal

WAD = 10**18
DAY = 86_400
MONTH = 30 * DAY  # SPEC: "month" = 30 days
YEAR = 365 * DAY
BPS = 10_000


def to_wei(amount) -> int:
    """Whole tokens (int, str or Decimal, 18 decimals) to wei, exactly."""
    wei = Decimal(str(amount)) * WAD
    if wei != wei.to_integral_value():
        raise ValueError(f"{amount} has more than 18 decimals")
    return int(wei)


def from_wei(wei: int) -> Decimal:
    return Decimal(wei) / WAD


def fmt(wei: int, places: int = 2) -> str:
    """Human-readable token amount, e.g. 1,234.50."""
    return f"{from_wei(wei):,.{places}f}"
