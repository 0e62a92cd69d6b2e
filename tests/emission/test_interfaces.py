"""interfaces/I<Name>.vyi declare exactly each emission contract's external ABI (functions, getters,
argument names and types, returns, mutability, events), and the contracts `implements:` them."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _normalise(abi):
    """Functions and events, order-free; `anonymous: false` is the default either way."""
    entries = [{k: v for k, v in e.items() if k != "anonymous"} for e in abi if e["type"] in ("function", "event")]
    return sorted(json.dumps(e, sort_keys=True) for e in entries)


@pytest.mark.parametrize("name", ["HalvingEmitter", "MaintenanceRewards"])
def test_interface__abi__equals_the_contract_abi(project, name):
    vyper = Path(sys.executable).with_name("vyper")
    out = subprocess.run(
        [str(vyper), "-f", "abi", f"interfaces/I{name}.vyi"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    contract_type = getattr(project, name).contract_type
    contract_abi = [entry.model_dump(mode="json", by_alias=True, exclude_none=True) for entry in contract_type.abi]
    interface = _normalise(json.loads(out))
    assert len(interface) > 20
    assert interface == _normalise(contract_abi)


@pytest.mark.parametrize("name", ["HalvingEmitter", "MaintenanceRewards"])
def test_interface__contract_source__implements_it(name):
    source = (ROOT / "contracts" / "emission" / f"{name}.vy").read_text()
    assert f"from interfaces import I{name}" in source
    assert f"implements: I{name}" in source
