"""The AdCampaigns ABI a dApp reads: every argument named, multi-value outputs as named structs. (That
the contract equals its interface is checked for every contract in tests/test_interfaces.py.)"""


def test_abi__every_argument_named__no_arg0(project):
    """A dApp reads every argument by name: no `arg0` getters, and outputs of more than one value come
    as a named struct."""
    for entry in project.AdCampaigns.contract_type.abi:
        if entry.type != "function":
            continue
        assert all(i.name and not i.name.startswith("arg") for i in entry.inputs), entry.name
        if len(entry.outputs) == 1 and entry.outputs[0].type == "tuple":
            assert all(c.name for c in entry.outputs[0].components), entry.name
        assert len(entry.outputs) <= 1 or entry.name == "eip712Domain", entry.name
