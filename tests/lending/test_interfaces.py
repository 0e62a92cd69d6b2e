"""Each lending contract's external ABI equals its interfaces/I<Name>.vyi (functions and events)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["Market", "Controller", "PriceAdapter", "KinkRateModel"]


def _normalise(abi):
    # the `__default__` fallback cannot be declared in an interface file
    entries = [e for e in abi if e["type"] in ("function", "event")]
    return sorted(json.dumps(e, sort_keys=True) for e in entries)


@pytest.mark.parametrize("name", NAMES)
def test_interface__abi__equals_contract(project, name):
    vyper = Path(sys.executable).parent / "vyper"
    out = subprocess.run([str(vyper), "-f", "abi", str(ROOT / "interfaces" / f"I{name}.vyi")], capture_output=True, text=True, check=True)
    declared = json.loads(out.stdout)
    compiled = [e.model_dump(mode="json", by_alias=True, exclude_none=True) for e in getattr(project, name).contract_type.abi]
    for e in compiled:
        e.pop("internalType", None)
        for key in ("inputs", "outputs"):
            for arg in e.get(key, []):
                arg.pop("internalType", None)
                for comp in arg.get("components", []) or []:
                    comp.pop("internalType", None)
    for e in declared:
        for key in ("inputs", "outputs"):
            for arg in e.get(key, []):
                arg.pop("internalType", None)
                for comp in arg.get("components", []) or []:
                    comp.pop("internalType", None)
    assert len(_normalise(compiled)) >= 5
    assert _normalise(declared) == _normalise(compiled)
