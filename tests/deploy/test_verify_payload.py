"""The verification payload compiles, with the explorer's own inputs, to the code we deploy."""

import json
import subprocess
import sys
from pathlib import Path

import ape

from fivefold import verify


def test_payload__capped_token__compiles_to_deployed_bytecode(project, owner, networks):
    token = project.CappedToken.deploy(
        "CloudChat", "CC", 10**28, owner, "CloudChat", "1", ape.chain.chain_id, sender=owner
    )
    record = {
        "contract_type": "CappedToken",
        "address": token.address,
        "args": ["CloudChat", "CC", 10**28, owner.address, "CloudChat", "1", ape.chain.chain_id],
    }
    data = verify.payload(project, "CC", record, networks.provider.network.ecosystem)

    assert data["compilerversion"] == "vyper:0.4.3"
    assert data["codeformat"] == "vyper-json"
    assert data["contractname"] == "contracts/tokens/CappedToken.vy:CappedToken"
    assert all("site-packages" not in k for k in data["sourceCode"]["sources"])
    assert "snekmate/tokens/erc20.vy" in data["sourceCode"]["sources"]

    # Compile the standard JSON exactly as an explorer would, in an empty directory.
    vyper = Path(sys.executable).with_name("vyper")
    std = dict(data["sourceCode"])
    std["settings"] = {
        **std["settings"],
        "outputSelection": {"contracts/tokens/CappedToken.vy": ["evm.bytecode.object"]},
    }
    out = subprocess.run(
        [str(vyper), "--standard-json"], input=json.dumps(std), capture_output=True, text=True, cwd="/"
    )
    result = json.loads(out.stdout)
    assert not [e for e in result.get("errors", []) if e.get("severity") == "error"], result.get("errors")
    compiled = result["contracts"]["contracts/tokens/CappedToken.vy"]["CappedToken"]["evm"]["bytecode"][
        "object"
    ]
    expected = project.CappedToken.contract_type.deployment_bytecode.bytecode
    assert compiled.removeprefix("0x") == expected.removeprefix("0x")

    # Constructor arguments re-create the exact init code that was deployed.
    init_code = bytes.fromhex(expected.removeprefix("0x")) + bytes.fromhex(data["constructorArguements"])
    tx_input = bytes(networks.provider.web3.eth.get_transaction(token.txn_hash)["input"])
    assert init_code == tx_input
