"""interfaces/IVestingVault.vyi declares exactly VestingVault's external ABI."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _abi(path: str) -> list[dict]:
    out = subprocess.run(
        [sys.executable, "-m", "vyper", "-f", "abi", "--evm-version", "paris", str(ROOT / path)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    return sorted(json.loads(out), key=lambda item: json.dumps(item, sort_keys=True))


def test_interface__abi__equals_the_contract_abi():
    contract = _abi("contracts/vesting/VestingVault.vy")
    interface = [item for item in _abi("interfaces/IVestingVault.vyi") if item["type"] != "constructor"]
    contract = [item for item in contract if item["type"] != "constructor"]
    assert interface == contract
