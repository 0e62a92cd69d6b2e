"""The payouts ABIs a dApp reads: every argument named, multi-value outputs as named structs. (That
each contract equals its interface is checked for every contract in tests/test_interfaces.py.)"""

import pytest


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
    assert (config.token_decimals, config.feed_decimals, config.supported, config.heartbeat) == (
        6,
        8,
        True,
        7 * 86_400,
    )
