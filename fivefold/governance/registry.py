"""The parameter registry's entries as Python builds them (flow, bench and tests share this)."""

from __future__ import annotations

from fivefold.abi import selector

ZERO_WORD = b"\0" * 32


def word(address: str | None) -> bytes:
    """An address left-padded to a word: a keyed setter's first argument (zero: none)."""
    return bytes.fromhex((address or "0x")[2:].rjust(64, "0"))


def entry(
    name: str,
    target,
    setter: str,
    *,
    key: str | None = None,
    arity: int = 1,
    position: int = 0,
    is_address: bool = False,
    minimum: int = 0,
    maximum: int = 0,
    value: int = 0,
) -> dict:
    """`ParameterRegistry.register`'s argument: the parameter at `position` of `target.setter`'s
    `arity` values, keyed by `key` (an address) when the setter takes one first."""
    return {
        "name": name,
        "target": target.address,
        "selector": selector(target.contract_type, setter),
        "key": word(key),
        "keyed": key is not None,
        "arity": arity,
        "position": position,
        "is_address": is_address,
        "minimum": minimum,
        "maximum": maximum,
        "value": value,
    }
