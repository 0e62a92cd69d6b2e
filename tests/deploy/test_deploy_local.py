"""The deployment engine on ape's local chain (deploy/local.yaml: every token at home)."""

import shutil

import pytest
from eth_utils import keccak

from fivefold import config, create2, deployment, exercise, manifest
from fivefold.bridge import flow as bridge_flow
from fivefold.context import FRESH_SECONDS
from fivefold.sale import flow as sale_flow
from fivefold.units import to_wei
from fivefold.vesting import model as vesting
from tests.tests_support import deploy_suite

# Addresses of this module's own: a suite another module left on the worker's chain is never adopted
NAMESPACE = "fivefold/test-deploy-local"


@pytest.fixture(scope="module")
def deployed(project, chain, accounts, tmp_path_factory):
    """The whole suite, deployed once per module (ape's isolation reverts each test's changes)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(manifest.ENV_DIR, str(tmp_path_factory.mktemp("deployments")))
        yield deploy_suite(project, chain, accounts, salt_namespace=NAMESPACE)


def test_deploy__fresh_chain__addresses_are_create2_predictions(deployed):
    ctx, planned, m = deployed
    for item in planned:
        assert item.address == create2.predict(item.salt, item.init_code)
        assert m["contracts"][item.name]["address"] == item.address
        assert m["contracts"][item.name]["code_hash"] == deployment.code_hash(ctx.chain, item.address)


def test_deploy__fresh_chain__no_role_left_with_deployer(deployed):
    ctx, _, _ = deployed
    assert deployment.roles_held_by(ctx, ctx.deployer.address) == []
    assert deployment.open_roles(ctx, ctx.deployer.address) == []
    timelocks = {ctx.address("Timelock"), ctx.address("HPCTimelock"), ctx.address("CPCTimelock")}
    for name, contract in ctx.contracts.items():
        if not hasattr(contract, "owner"):
            continue
        if contract.contract_type.name == "LocalPriceFeed":  # a local double: the test account answers it
            assert contract.owner() == ctx.owner, name
        elif bridge_flow.fixed_owner(name):  # Hyperlane's fixed parts: nobody can act as their owner
            assert contract.owner() == bridge_flow.fixed_owner(name), name
        elif name in sale_flow.OWNED_BY_CONTRACT:  # the sale owns its vault (docs/sale.md)
            assert contract.owner() == ctx.address(sale_flow.OWNED_BY_CONTRACT[name]), name
        else:
            assert contract.owner() in timelocks, name
    assert deployment.owned_by_accounts(ctx) == []


def test_deploy__fresh_chain__timelocks_bootstrapped_and_governors_hold_their_roles(deployed):
    """Each timelock's roles belong to its Governor alone; the deployer kept none; the delay is final."""
    ctx, _, _ = deployed
    daos = (("Timelock", "Governor"), ("HPCTimelock", "HPCGovernor"), ("CPCTimelock", "CPCGovernor"))
    for timelock, governor in daos:
        for role in ("proposer", "executor", "canceller"):
            word = deployment.TIMELOCK_ROLES[role]
            assert ctx[timelock].hasRole(word, ctx[governor])
            assert not ctx[timelock].hasRole(word, ctx.deployer)
        assert ctx[timelock].get_minimum_delay() == 2 * 86_400


def test_deploy__fresh_chain__supplies_match_the_spec(deployed):
    ctx, _, _ = deployed
    assert ctx["CC"].totalSupply() == to_wei(10_000_000_000)
    assert ctx["CPC"].totalSupply() == to_wei(1_000_000_000)
    assert ctx["CC"].balanceOf(ctx["CCVesting"]) == sum(vesting.CC_ALLOCATIONS.values())
    assert ctx["CPC"].balanceOf(ctx["CPCVesting"]) == vesting.CPC_TEAM_ALLOCATION
    assert ctx["HPC"].is_minter(ctx["HPCEmitter"]) and ctx["CARTY"].is_minter(ctx["CARTYEmitter"])
    assert ctx["CCVesting"].unallocated() == 0


def test_deploy__rerun__sends_nothing(deployed, chain):
    ctx, _, m = deployed
    n_steps = len(ctx.steps)
    block = chain.blocks.head.number
    planned = deployment.plan(ctx)
    deployment.preflight(ctx, planned, m)
    assert all(p.deployed for p in planned)
    for item in planned:
        deployment.deploy_one(ctx, item, m)
    deployment.configure(ctx)
    deployment.handoff(ctx)
    assert len(ctx.steps) == n_steps
    assert chain.blocks.head.number == block


def test_deploy__suite_adopted_without_its_manifest__lending_feeds_dated_again(
    deployed, project, chain, accounts, tmp_path, monkeypatch
):
    """A fresh-clone CI run failed here: its deploy adopted a suite another module had left on the
    chain, from an empty manifest (as after a lost manifest directory). The lending feeds, plain
    creations the adapter names, stayed unknown to that run; `refresh_local_feeds` passed them over,
    and after the exercise's year of vesting the native coin's stale price left the borrower no
    borrowing power (`market: zero amount`). Adoption now knows them, and the refresh dates them."""
    ctx, _, _ = deployed
    monkeypatch.setenv(manifest.ENV_DIR, str(tmp_path / "deployments"))
    adopted, _, _ = deploy_suite(project, chain, accounts, salt_namespace=NAMESPACE)
    feeds = {n for n in ctx.contracts if n.startswith("LendingFeed")}
    assert len(feeds) == 7
    assert {n: adopted.address(n) for n in feeds} == {n: ctx.address(n) for n in feeds}
    adopted.advance(8 * 86_400)  # past the local heartbeat of 7 days
    adopted.refresh_local_feeds()
    now = chain.blocks.head.timestamp
    assert {n: now - adopted[n].updated_at() <= FRESH_SECONDS for n in feeds} == {n: True for n in feeds}


def test_deploy__tampered_manifest__stops_before_sending(deployed):
    ctx, planned, m = deployed
    m = {**m, "contracts": {**m["contracts"], "CC": {**m["contracts"]["CC"], "code_hash": "0x" + "00" * 32}}}
    with pytest.raises(deployment.DeploymentError, match="code hash"):
        deployment.preflight(ctx, deployment.plan(ctx), m)


def test_exercise__deployed_suite__every_flow_runs_and_leaves_every_local_feed_answering_now(deployed, chain):
    """Every domain's flow runs (one exercise for the whole module: it costs about 40 s). And the
    review's finding: after `exercise` moved local time (lending's five days came after the red
    packets' refresh), red packets failed with a stale price. The exercise ends by dating every local
    feed's answer now, so the chain is left ready for packets and markets."""
    ctx, _, _ = deployed
    n_steps = len(ctx.steps)
    exercise.run(ctx)  # what `ape run exercise` runs
    steps = ctx.steps[n_steps:]
    names = [s.name for s in steps if s.gas]
    assert [s.name for s in steps if s.note.startswith("skipped")] == []
    assert any(n.startswith("CCVesting.release") for n in names)
    # CPC's team lock releases nothing at TGE: the local chain moved to its first unlock
    assert "CPCVesting.release(cpc.team)" in names
    assert "HPCEmitter.mint" in names and "CARTYEmitter.mint" in names
    assert "lending: liquidate" in names and "CMDT.permit" in names
    assert "LendingMining.claim (suppliers)" in names and "LendingMining.claim (borrowers)" in names
    assert "EconomyPool.claim (settlement)" in names and "RNodePool.withdraw (after the term)" in names
    committee = {"Reputation.submit_report", "ProposerCommittee.elect", "ProposerCommittee.impeach (slot 0)"}
    assert committee <= set(names)
    assert "SlotRewards.claim (its seat's slots of the term)" in names and "Board.finalize_round" in names
    assert "CPC Governor.execute" in names
    assert "MerchantInvoices.refund (by the merchant)" in names
    assert "AnchorTips.claim (the viewer's CC reward)" in names
    assert "MerchantInvoices.pay_with_swap (25 USDT paid in native through the DEX)" in names
    resources = {
        "ResourceMarket.prove (served)",
        "ResourceMarket.claim (payment + reward)",
        "ResourceMarket.refund (unproven period)",
    }
    assert resources <= set(names)
    pdash = {"DataMarket.confirm (buyer 1)", "DataMarket.dispute (buyer 2: the key does not match)"}
    assert pdash <= set(names) and "DataMarket.finalise (buyer 3 silent, window over)" in names

    feeds = {
        n: c
        for n, c in ctx.contracts.items()
        if getattr(c, "contract_type", None) and c.contract_type.name == "LocalPriceFeed"
    }
    assert {"PriceFeed.native", "PriceFeed.USDT", "PriceFeed.CMDT"} <= set(feeds)
    now = chain.blocks.head.timestamp
    assert {n: now - f.updated_at() <= FRESH_SECONDS for n, f in feeds.items()} == {n: True for n in feeds}
    rp, creator, usdt = ctx["RedPacket"], ctx.users[5], ctx["MockUSDT"]
    usdt.faucet(creator, 10**8, sender=creator)
    usdt.approve(rp, 10**8, sender=creator)
    rp.create(usdt, 10**8, rp.quote_fee(usdt, 10**8), 1, False, 86_400, creator, 7, 0, sender=creator)


def test_deploy__fresh_chain__payments_wired_and_governed(deployed):
    """Payments: the native coin, USDT and CC listed in both contracts, the local router named, the
    tips' platform shares and reward rate held by the parameter registry, both owned by the timelock."""
    ctx, _, _ = deployed
    invoices, tips = ctx["MerchantInvoices"], ctx["AnchorTips"]
    assert invoices.router() == ctx.address("UniswapV2Router02")
    for asset in ("0x" + "00" * 20, ctx.address("MockUSDT"), ctx.address("CC")):
        assert invoices.listed(asset) and tips.asset_config(asset).listed
        assert tips.asset_config(asset).platform_bps == 300
    assert tips.parameter_registry() == ctx.address("ParameterRegistry")
    assert tips.reward_rate() == 10**16
    assert invoices.owner() == tips.owner() == ctx.address("Timelock")


def test_deploy__fresh_chain__stablecoin_market_mined_by_two_governed_streams(deployed):
    """SPEC 4.4: the local default mines the stablecoin market; both streams are chained, named in
    the market, owned by the timelock and their rates held by the parameter registry."""
    ctx, _, _ = deployed
    market = ctx["LendingMarketUSD6"]
    suppliers, borrowers = ctx["LendingMiningUSD6Suppliers"], ctx["LendingMiningUSD6Borrowers"]
    assert market.mining() == suppliers.address and suppliers.borrow_stream() == borrowers.address
    assert (suppliers.market(), suppliers.reporter(), suppliers.borrowers()) == (market, market, False)
    assert (borrowers.market(), borrowers.reporter(), borrowers.borrowers()) == (market, suppliers, True)
    registry = ctx["ParameterRegistry"]
    for stream in (suppliers, borrowers):
        assert stream.owner() == ctx.address("Timelock")
        assert stream.reward_rate() == to_wei("0.01") and stream.reward_token() == ctx.address("CC")
        assert stream.parameter_registry() == registry.address
    held = {p.name for p in registry.parameters()}
    assert {"lending_mining.USD6.suppliers_rate", "lending_mining.USD6.borrowers_rate"} <= held


def test_config__wrong_chain_id__names_the_fix(tmp_path):
    with pytest.raises(config.ConfigError, match="chain id 999 has no deploy config"):
        config.load(999, "local")


def test_config__missing_owner__names_file_and_key():
    with pytest.raises(config.ConfigError, match=r"deploy/bsc.yaml: profiles.live.owner is not set"):
        config.load(56, "live")


def test_config__unknown_home_chain__names_the_fix(tmp_path):
    """A token's home is a constructor argument (its chain id): a misspelt chain name stops the load."""
    shutil.copytree("deploy", tmp_path / "deploy")
    suite = tmp_path / "deploy" / "suite.yaml"
    suite.write_text(suite.read_text().replace("home: oktc", "home: okc"))
    with pytest.raises(config.ConfigError, match=r"tokens.CARTY.home = 'okc' is not a chain of the suite"):
        config.load(56, "local", root=tmp_path)


def test_deploy__fresh_chain__committee_pauses_through_the_governor(deployed, accounts):
    """A Governor (its DAO's: HPC's and CPC's for their own) is the guardian of every contract that can
    be paused; a committee member
    (deploy/local.yaml: test account 9) stops new red packets and one lending market's deposits and
    borrows through it, and no account holds a guardian role."""
    ctx, _, _ = deployed
    governor, member, zero = ctx["Governor"], accounts[9], "0x" + "00" * 20
    assert governor.is_member(member)
    guarded = {n: c for n, c in ctx.contracts.items() if hasattr(c, "set_guardian")}
    governors = {governor.address, ctx.address("HPCGovernor"), ctx.address("CPCGovernor")}
    assert {c.guardian() for c in guarded.values()} <= governors
    assert {"RedPacket", "AirdropRounds", "CCStaking", "HPCStaking"} <= set(guarded)
    controller = ctx["LendingController"]
    assert controller.pause_guardian() == governor.address
    governor.emergency_pause(ctx["RedPacket"], zero, sender=member)
    assert ctx["RedPacket"].paused()
    market = controller.all_markets()[0]
    governor.emergency_pause(controller, market, sender=member)
    config = controller.market_config(market)
    assert config.deposit_paused and config.borrow_paused


def test_deploy__fresh_chain__bridge_routers_where_predicted_and_limited(deployed):
    """Each token's router is where `router_on` computes it offline (how a chain enrolls its peers'
    routers without reading them), owned by the timelock, with the token's daily limits (1% of the
    cap each way) held by the registry; the Mailbox is initialized with the suite's ISM and hooks."""
    ctx, _, _ = deployed
    registry = ctx["ParameterRegistry"]
    held = {p.name for p in registry.parameters()}
    for symbol in config.TOKENS:
        hyp = ctx.address(f"Hyp{symbol}")
        assert bridge_flow.router_on(ctx, symbol, ctx.chain_id) == hyp
        assert bridge_flow.router(ctx, symbol).owner() == ctx.address("Timelock")
        token, limit = ctx[symbol], ctx[symbol].cap() // 100
        assert (token.mintingMaxLimitOf(hyp), token.burningMaxLimitOf(hyp)) == (limit, limit)
        assert {f"{symbol.lower()}.bridge_mint_limit", f"{symbol.lower()}.bridge_burn_limit"} <= held
    mailbox = ctx["HyperlaneMailbox"]
    assert mailbox.defaultIsm() == ctx.address("HyperlaneISM")
    assert mailbox.requiredHook() == ctx.address("HyperlaneMerkleTreeHook")
    assert mailbox.owner() == ctx.address("Timelock")


def test_deploy__fresh_chain__node_economy_created_wired_and_governed(deployed):
    """CPC's home chain gets the node economy and its DAO: created by configuration, wired (the
    committee in the RNode pool, the sources of reputation, the maintenance schedule paying
    SlotRewards, the configured validators and reporters), owned by the CPC DAO's timelock, whose
    Governor counts NodeVotes and holds its roles, and the node economy's numbers in its registry."""
    ctx, _, _ = deployed
    timelock = ctx.address("CPCTimelock")
    for name in ("EconomyPool", "RNodePool", "Reputation", "ProposerCommittee", "SlotRewards", "Board"):
        assert ctx[name].owner() == timelock, name
    assert ctx["CPCParameterRegistry"].owner() == timelock
    governor = ctx["CPCGovernor"]
    assert (governor.votes(), governor.timelock()) == (ctx.address("NodeVotes"), timelock)
    assert ctx["CPCTimelock"].hasRole(keccak(text="PROPOSER_ROLE"), governor)
    assert not ctx["CPCTimelock"].hasRole(keccak(text="PROPOSER_ROLE"), ctx.deployer)
    assert ctx["Board"].guardian() == governor.address
    assert ctx["RNodePool"].committee() == ctx.address("ProposerCommittee")
    assert ctx["Reputation"].economy_pool() == ctx.address("EconomyPool")
    assert ctx["CPCMaintenance"].recipient() == ctx.address("SlotRewards")
    assert ctx["NodeVotes"].economy_pool() == ctx.address("EconomyPool")
    nodes = ctx.config["nodes"]
    assert ctx["ProposerCommittee"].validator_count() == len(nodes["validators"])
    assert all(ctx["Reputation"].is_reporter(r) for r in nodes["reporters"])
    assert ctx["Reputation"].quorum() == nodes["report_quorum"]
    held = {p.name for p in ctx["CPCParameterRegistry"].parameters()}
    assert {
        "economy_pool.reward_per_season",
        "rnode_pool.lock_minutes",
        "reputation.ab_cap",
        "reputation.bm_block_cap",
        "reputation.quorum",
        "proposer_committee.size",
        "proposer_committee.term_length",
        "board.board_size",
        "board.yearly_income",
        "board.min_deposit",
        "cpc_governor.quorum_bps",
    } <= held
    assert not held & {p.name for p in ctx["ParameterRegistry"].parameters()}


def test_deploy__fresh_chain__resource_market_governed_by_the_hpc_dao(deployed):
    """The resource market (HPC at home) is owned by the CC Timelock, its numbers are written by the
    HPC DAO's registry (quorum 2 of the three configured authenticators, seated by the HPC bootstrap)."""
    ctx, _, _ = deployed
    market, registry = ctx["ResourceMarket"], ctx["HPCParameterRegistry"]
    assert market.owner() == ctx.address("Timelock")
    assert market.parameter_registry() == registry.address
    assert market.authenticators() == ctx.address("AuthenticatorRegistry")
    held = {p.name for p in registry.parameters()}
    assert {"resource_market.quorum", "resource_market.curve.low_rate", "resource_market.slash_bps"} <= held
    assert market.quorum() == 2 and ctx["AuthenticatorRegistry"].member_count() >= 3
