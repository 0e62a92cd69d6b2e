"""The registry's ABI as a dApp reads it: every argument named, `latest` as a named struct, `kind`
as the flag's uint256. (That the contract equals its interface: tests/test_interfaces.py.)"""


def test_abi__every_argument_named__latest_a_named_struct(project):
    """No `arg0`; multi-value outputs come as a named struct (`Snapshot`: hash, version, anchored_at)."""
    abi = {e.name: e for e in project.SnapshotRegistry.contract_type.abi if e.type == "function"}
    for entry in abi.values():
        assert all(i.name and not i.name.startswith("arg") for i in entry.inputs), entry.name
    [latest] = abi["latest"].outputs
    assert [c.name for c in latest.components] == ["hash", "version", "anchored_at"]
    assert [i.type for i in abi["anchor"].inputs] == ["uint256", "bytes32", "uint256"]
