"""Every deployable contract has interfaces/I<Name>.vyi whose ABI equals the contract's (no drift)."""

import pytest

from fivefold import abi

SOURCES = abi.deployable_sources()


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_interface__deployable_contract__has_matching_vyi(name):
    interface = abi.INTERFACES / f"I{name}.vyi"
    assert interface.exists(), f"{SOURCES[name]} has no {interface}"
    only_contract, only_interface = abi.drift(SOURCES[name], interface)
    assert not only_contract, f"in {name} but not in its interface: {sorted(only_contract)}"
    assert not only_interface, f"in I{name} but not in the contract: {sorted(only_interface)}"


def test_interfaces__no_orphans():
    orphans = [p.name for p in abi.INTERFACES.glob("I*.vyi") if p.stem[1:] not in SOURCES]
    assert not orphans, f"interfaces without a deployable contract: {orphans}"
