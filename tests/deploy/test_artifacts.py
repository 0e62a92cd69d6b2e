"""npm build artifacts through the deployment engine: Uniswap v2's factory, WETH9 and router
(fivefold/nft/dex.py LOCAL_CONTRACTS) planned, deployed through CREATE2, recorded, attached again
from the manifest and exported, like the contracts the suite compiles."""

from types import SimpleNamespace

import pytest
from eth_utils import keccak

from fivefold import abi, create2, deployment, domains, manifest
from fivefold.nft import dex


@pytest.fixture(scope="module")
def deployed(project, chain, accounts, tmp_path_factory):
    """The local DEX alone, deployed by the engine (plan, pre-flight, deploy_one) once per module."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(manifest.ENV_DIR, str(tmp_path_factory.mktemp("deployments")))
        patch.setattr(domains, "flows", lambda: [SimpleNamespace(CONTRACTS=dex.LOCAL_CONTRACTS)])
        ctx = deployment.make_context(project, chain, accounts[0], "local")
        ctx.config["salt_namespace"] = "fivefold/test-artifacts"
        m = manifest.load(ctx.chain_id)
        planned = deployment.plan(ctx)
        deployment.preflight(ctx, planned, m)
        for item in planned:
            deployment.deploy_one(ctx, item, m)
        yield ctx, planned, m


def test_plan__npm_artifact__init_code_is_the_artifacts_bytecode_and_args(deployed):
    """The factory's init code is the package's creation code followed by its encoded argument."""
    ctx, planned, _ = deployed
    factory = next(p for p in planned if p.name == dex.FACTORY)
    creation = abi.artifact_type(dex.FACTORY_ARTIFACT).deployment_bytecode.bytecode
    owner = bytes.fromhex(ctx.owner[2:].lower())
    assert factory.init_code == bytes.fromhex(creation[2:]) + b"\0" * 12 + owner
    assert factory.artifact == dex.FACTORY_ARTIFACT


def test_deploy_one__npm_artifact__at_its_create2_address_with_the_packages_code(deployed):
    """Each lands at its CREATE2 prediction; the factory's code is the package's runtime code."""
    ctx, planned, m = deployed
    for item in planned:
        assert item.address == create2.predict(item.salt, item.init_code)
        assert m["contracts"][item.name]["artifact"] == item.artifact
    runtime = abi.artifact_type(dex.FACTORY_ARTIFACT).runtime_bytecode.bytecode
    assert deployment.code_hash(ctx.chain, ctx.address(dex.FACTORY)) == "0x" + keccak(hexstr=runtime).hex()
    assert ctx[dex.ROUTER].factory() == ctx.address(dex.FACTORY)
    assert ctx[dex.ROUTER].WETH() == ctx.address(dex.WETH)
    assert ctx[dex.FACTORY].feeToSetter() == ctx.owner


def test_attach__manifest_with_artifacts__instances_speak_the_artifacts_abi(deployed):
    """A later command (exercise) rebuilds the instances from the manifest alone."""
    ctx, _, m = deployed
    again = deployment.make_context(ctx.project, ctx.chain, ctx.deployer, "local")
    deployment.attach(again, m)
    assert again[dex.ROUTER].factory() == ctx.address(dex.FACTORY)
    assert again[dex.FACTORY].allPairsLength() == 0


def test_plan__rerun__artifacts_found_deployed(deployed):
    """A second plan finds every artifact deployed (an idempotent re-run sends nothing)."""
    ctx, _, _ = deployed
    assert all(p.deployed for p in deployment.plan(ctx))


def test_export__artifact_in_the_book__its_abi_and_a_natspec_naming_it(deployed, tmp_path):
    """`ape run export` writes the package's ABI for a contract deployed from an artifact."""
    ctx, _, m = deployed
    m = {**m, "chain_id": ctx.chain_id, "chain": "local"}
    written = abi.export(ctx.project, {ctx.chain_id: m}, tmp_path)
    router_abi = (tmp_path / "UniswapV2Router02.json").read_text()
    assert "swapExactTokensForTokens" in router_abi
    assert "npm build artifact @uniswap" in (tmp_path / "UniswapV2Router02.natspec.json").read_text()
    assert tmp_path / "WETH9.json" in written


def test_plan__router_hash_not_the_pairs__stops_before_sending(deployed, monkeypatch):
    """Pre-flight: a router whose embedded pair init-code hash differs from the pinned pair's code
    hash stops the plan (arguments are evaluated before anything is sent), naming both packages."""
    ctx, _, _ = deployed
    monkeypatch.setattr(dex, "router_init_code_hash", lambda: "0x" + "00" * 32)
    with pytest.raises(deployment.DeploymentError, match="do not belong together"):
        deployment.plan(ctx)
