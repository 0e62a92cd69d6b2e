"""The deployment engine run with each chain's configuration (deploy/<chain>.yaml, `local` profile) on
ape's local chain: whatever tokens are at home there, deployment leaves no initial mint open."""

import pytest

from fivefold import config, deployment, domains, manifest
from fivefold.config import TOKENS
from fivefold.context import Context
from fivefold.session import exercise_users

CHAINS = ("ethereum", "bsc", "polygon", "oktc")


def _context(project, chain, deployer, name: str) -> Context:
    chain_id = next(i for i, n in config.CHAIN_FILES.items() if n == name)
    cfg = config.load(chain_id, "local")
    # A namespace of its own: another module on this worker may have left the suite deployed (and
    # configured) at the default addresses, which `_deploy` would adopt instead of creating.
    cfg["salt_namespace"] = "fivefold/test-deploy-every-chain"
    return Context(project=project, chain=chain, deployer=deployer, config=cfg)


def _deploy(ctx: Context) -> None:
    m = manifest.load(ctx.chain_id)
    for item in deployment.plan(ctx):
        deployment.deploy_one(ctx, item, m)


@pytest.fixture(scope="module")
def deployed_per_chain(project, chain, accounts, tmp_path_factory):
    """Before configuration: what check-roles reports; then chain name -> (home tokens, initial mint
    closed per token, tokens reported open) after a deployment with that chain's settings. The
    contracts' init code is the same on every chain (that is what gives them one address), so they
    are created once; each chain's configuration then runs in its own isolated snapshot on top (the
    ownership handoff, which touches no mint, is covered by test_deploy_local)."""
    results = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(manifest.ENV_DIR, str(tmp_path_factory.mktemp("deployments")))
        created = _context(project, chain, accounts[0], CHAINS[0])
        _deploy(created)
        results["created, not configured"] = deployment.open_roles(created, created.deployer.address)
        for name in CHAINS:
            # ape's chain.isolate() swallows an exception raised inside it: keep it, so the chain's
            # test fails with the error instead of a missing key
            with chain.isolate():
                try:
                    ctx = _context(project, chain, accounts[0], name)
                    _deploy(ctx)  # adopts what exists; creates only chain-specific local doubles, if any
                    deployment.configure(ctx)
                    closed = {s: ctx[s].initial_supply_closed() for s in TOKENS}
                    results[name] = (ctx.config["home"], closed, deployment.initial_mints_open(ctx))
                    if name == "polygon":  # home to HPC only, which exists once the emitter has minted
                        results["polygon exercise"] = _exercise_tokens(ctx)
                except Exception as exc:  # noqa: BLE001 - re-raised by the chain's test
                    results[name] = exc
    return results


def _result(results: dict, name: str):
    """The chain's result, or its deployment's error raised."""
    value = results[name]
    if isinstance(value, Exception):
        raise value
    return value


def _exercise_tokens(ctx: Context) -> list:
    """The emission and tokens flows, in the order `ape run exercise` runs them: the steps taken."""
    ctx.users = exercise_users("local", ctx.deployer)
    first = len(ctx.steps)
    for flow in domains.exercise_flows():
        if flow.__name__ in ("fivefold.emission.flow", "fivefold.tokens.flow"):
            flow.exercise(ctx)
    return ctx.steps[first:]


@pytest.mark.parametrize("name", CHAINS)
def test_deploy__every_chain__every_initial_mint_closed(deployed_per_chain, name):
    """On each chain every token's initial mint is closed by deployment: at home by the distribution,
    off home (and for the emitted HPC and CARTY everywhere) by `close_initial_supply`."""
    home, closed, reported_open = _result(deployed_per_chain, name)
    assert home, f"{name} is home to no token: the test would prove nothing about distributions"
    assert len(home) < len(TOKENS), f"{name} is home to every token: the test would prove nothing off home"
    assert closed == {s: True for s in TOKENS}
    assert reported_open == []  # what `ape run deploy check-roles` reports


def test_check_roles__created_not_configured__reports_every_open_initial_mint(deployed_per_chain):
    """Before configuration every token's initial mint is open, and check-roles names each one."""
    rows = {r.role: r.state for r in deployed_per_chain["created, not configured"]}
    for symbol in TOKENS:
        assert rows[f"{symbol}.initialize_supply"].startswith("initial mint open"), symbol


def test_exercise__chain_with_only_an_emitted_token__tokens_flow_runs(deployed_per_chain):
    """The review's finding: `make demo` skipped every token transfer on Polygon and OKT Chain, where
    no account holds a token at deployment. The exercise now runs the tokens' flow after emission
    has minted HPC to the treasury (an exercise account), so transfer and permit are exercised."""
    steps = deployed_per_chain["polygon exercise"]
    names = [s.name for s in steps]
    assert not [s.name for s in steps if s.note.startswith("skipped")]
    assert names.index("HPCEmitter.mint") < names.index("HPC.transfer (fresh)")
    assert {"HPC.permit", "HPC.transferFrom"} <= set(names)
