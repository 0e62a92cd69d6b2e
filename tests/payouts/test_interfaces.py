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


@pytest.mark.parametrize("name", ["RedPacket", "AirdropRounds", "AirdropRound"])
def test_abi__every_argument_named__no_arg0(project, name):
    """A dApp reads every argument by name (issue 10's exports): no `arg0` getters, and outputs of
    more than one value come as a named struct."""
    for entry in project.get_contract(name).contract_type.abi:
        if entry.type != "function":
            continue
        assert all(i.name and not i.name.startswith("arg") for i in entry.inputs), (name, entry.name)
        if len(entry.outputs) == 1 and entry.outputs[0].type == "tuple":
            assert all(c.name for c in entry.outputs[0].components), (name, entry.name)
        assert len(entry.outputs) <= 1, (name, entry.name)


def test_fee_rates_and_asset_config__named_structs(redpacket, usdt):
    rates, config = redpacket.fee_rates(), redpacket.asset_config(usdt)
    assert (rates.low_bps, rates.mid_bps, rates.high_bps) == (200, 300, 300)
    assert (config.token_decimals, config.feed_decimals, config.supported, config.heartbeat) == (6, 8, True, 7 * 86_400)
