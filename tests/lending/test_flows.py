"""The deploy/exercise hooks: configure twice (idempotent), then the exercise's user flows."""

import ape

from fivefold import deployment
from fivefold.context import Context
from fivefold.lending import flow
from fivefold.lending import model as lending
from fivefold.units import WAD


def _deploy(ctx, deployable):
    deployment.deploy_plain(ctx, deployable)


def test_flow__local_chain__deploys_configures_and_exercises(
    project, chain, deployer, governance, supplier, borrower, liquidator
):
    ctx = Context(
        project=project,
        chain=chain,
        deployer=deployer,
        config={"owner": governance.address, "treasury": governance.address, "local": True},
        users=[supplier, borrower, liquidator],
    )
    for symbol in flow.SUITE_TOKENS:
        ctx.contracts[symbol] = project.CappedToken.deploy(
            symbol, symbol, 10**9 * WAD, deployer, symbol, "1", ape.chain.chain_id, sender=deployer
        )
    # the treasury holds CC (the Ecosystem allocation): it funds the mining streams
    ctx["CC"].initialize_supply([governance], [10**6 * WAD], sender=deployer)
    for deployable in flow.CONTRACTS:
        if deployable.when(ctx):
            _deploy(ctx, deployable)
    flow.configure(ctx)
    configured = len(ctx.steps)
    assert "LendingController.create_market(USD6)" in [s.name for s in ctx.steps]  # setup is recorded too
    controller = ctx["LendingController"]
    assert controller.market_count() == 7
    assert {
        f"LendingMarket{label}" for label in ("CC", "CMDT", "HPC", "CPC", "CARTY", "USD6", "WNATIVE")
    } <= set(ctx.contracts)
    assert ctx["LendingMarketWNATIVE"].is_native()
    # idempotent: a second run changes nothing
    count = controller.market_count()
    flow.configure(ctx)
    assert controller.market_count() == count
    assert len(ctx.steps) == configured

    flow.exercise(ctx)
    names = [s.name for s in ctx.steps[configured:] if not s.name.startswith("local price feeds")]
    assert names[:2] == ["CC.approve (the suppliers' stream)", "LendingMining.fund (suppliers, Ecosystem CC)"]
    supply = names.index("lending: supply 100,000 stablecoin")
    claim = names.index("LendingMining.claim (suppliers)")
    assert supply < claim < names.index("LendingMining.claim (borrowers)") < len(names) - 1
    assert names[-1] == "lending: liquidate"
    assert ctx["LendingMarketUSD6"].mining() == ctx.address("LendingMiningUSD6Suppliers")
    assert [s.name for s in ctx.steps if s.gas == 0] == []

    rows = lending.market_rows(controller, project)
    by_symbol = {r.symbol: r for r in rows}
    usd = by_symbol["slipUSD6"]
    assert usd.borrows > 0 and 0 < usd.utilization < WAD
    assert usd.supply_apr < usd.borrow_apr
    assert lending.markets_table(rows).row_count == 7
