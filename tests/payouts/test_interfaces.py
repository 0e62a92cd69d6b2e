"""Each payouts interface in interfaces/ declares exactly its contract's external ABI."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTRACTS = ["RedPacket", "AirdropRounds", "AirdropRound", "LocalPriceFeed"]


def _abi_set(abi):
    return {json.dumps(e, sort_keys=True) for e in abi if e["type"] != "constructor"}


@pytest.mark.parametrize("name", CONTRACTS)
def test_interface__abi__equals_contract_abi(project, name):
    vyper = shutil.which("vyper")
    out = subprocess.run([vyper, "-f", "abi", str(ROOT / "interfaces" / f"I{name}.vyi")],
                         capture_output=True, text=True, check=True).stdout
    declared = _abi_set(json.loads(out))
    actual = _abi_set([e.model_dump(mode="json", by_alias=True, exclude_none=True) for e in project.get_contract(name).contract_type.abi])
    assert declared == actual
