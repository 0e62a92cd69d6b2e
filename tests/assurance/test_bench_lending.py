"""Aave v3 as `make bench` deploys it (fivefold/assurance/aave_v3.py): the reference of the lending rows
works as a lending market (supply, borrow, a liquidation after a price drop that pays the
liquidator), with the suite's parameters, and its artifacts are linked correctly; the bench's
starting state holds the positions the rows' conditions state, and each row's operation does what
its condition says.

Needs the bench's reference packages (bench/node_modules: `npm install --prefix bench`, which
`make bench` runs); the fixture names the fix when they are missing.
"""

from dataclasses import dataclass

import ape
import pytest

from fivefold import gas
from fivefold.assurance import aave_v3
from fivefold.lending import model as lending
from fivefold.units import WAD

USD = 10**6
SYMBOLS = ("CC", "CMDT", "USD6")
HOLDING = 10**9 * WAD  # each actor's CC and CMDT
CC_DROPPED = 18 * 10**7  # $1.80: CC down 10%


@dataclass(frozen=True)
class Actors:
    supplier: object  # supplies the USD6 liquidity
    borrower: object  # pledges CC and CMDT, borrows USD6
    liquidator: object  # repays the underwater borrower's debt for its collateral


@pytest.fixture(scope="module")
def benchaave_actors(beneficiary, holder, spender):
    """The shared accounts 4, 5, 6 in the lending roles (as tests/lending/conftest.py maps them)."""
    return Actors(supplier=beneficiary, borrower=holder, liquidator=spender)


@pytest.fixture(scope="module")
def benchaave_market(project, deployer, owner, benchaave_actors):
    """Aave v3 on the suite's CC, CMDT (CappedToken) and USD6 (MockStablecoin), `owner` its admin;
    every actor holds and has approved the Pool for all three, and the supplier has supplied
    1,000,000 USD6."""
    if not aave_v3.AAVE_PACKAGE.exists():
        pytest.fail(f"{aave_v3.AAVE_PACKAGE} is missing: run `npm install --prefix bench` (or `make bench`)")
    actors = [benchaave_actors.supplier, benchaave_actors.borrower, benchaave_actors.liquidator]
    tokens = {}
    for symbol in ("CC", "CMDT"):
        token = project.CappedToken.deploy(
            symbol, symbol, 10**12 * WAD, owner, symbol, "1", ape.chain.chain_id, sender=deployer
        )
        token.initialize_supply(actors, [HOLDING] * len(actors), sender=owner)
        tokens[symbol] = token
    tokens["USD6"] = project.MockStablecoin.deploy(sender=deployer)
    for actor in actors:
        tokens["USD6"].faucet(actor, 10**9 * USD, sender=deployer)
    aave = aave_v3.deploy_aave(deployer, owner, tokens)
    for actor in actors:
        for token in tokens.values():
            token.approve(aave.pool, 2**256 - 1, sender=actor)
    supplier = benchaave_actors.supplier
    aave.pool.supply(tokens["USD6"], 1_000_000 * USD, supplier, 0, sender=supplier)
    return aave


def _pledge_and_borrow(aave, borrower, amount):
    """1,000 CC ($2) and 1,000 CMDT ($1) supplied as collateral, then `amount` USD6 borrowed."""
    aave.pool.supply(aave.tokens["CC"], 1_000 * WAD, borrower, 0, sender=borrower)
    aave.pool.supply(aave.tokens["CMDT"], 1_000 * WAD, borrower, 0, sender=borrower)
    return aave.pool.borrow(aave.tokens["USD6"], amount, aave_v3.VARIABLE, 0, borrower, sender=borrower)


def _field(data: int, start: int, bits: int) -> int:
    """A field of Aave's packed ReserveConfigurationMap."""
    return (data >> start) & ((1 << bits) - 1)


def test_deploy_aave__suite_tokens__three_reserves_with_the_suite_parameters(benchaave_market):
    """Each reserve is active, borrowable, priced like the suite's feeds and carries the suite's
    collateral factor as LTV and threshold, bonus 8% and reserve factor 10%."""
    aave = benchaave_market
    assert list(aave.pool.getReservesList()) == [aave.tokens[s].address for s in SYMBOLS]
    for symbol in SYMBOLS:
        answer, factor = lending.LOCAL_ASSETS[symbol]
        data = aave.pool.getConfiguration(aave.tokens[symbol]).data
        assert _field(data, 0, 16) == factor * 10_000 // WAD  # LTV
        assert _field(data, 16, 16) == factor * 10_000 // WAD  # liquidation threshold
        assert _field(data, 32, 16) == aave_v3.LIQUIDATION_BONUS
        assert _field(data, 56, 1) == 1  # active
        assert _field(data, 58, 1) == 1  # borrowing enabled
        assert _field(data, 64, 16) == 1_000  # reserve factor, bps
        assert aave.oracle.getAssetPrice(aave.tokens[symbol]) == answer


def test_borrow__collateral_supplied__borrower_receives_usd6_and_owes_it(benchaave_market, benchaave_actors):
    """Supply then borrow: the borrower's CC and CMDT become aTokens enabled as collateral, the
    borrowed USD6 reaches it and its variable debt is the amount borrowed."""
    aave, borrower = benchaave_market, benchaave_actors.borrower
    usd6 = aave.tokens["USD6"]
    before = usd6.balanceOf(borrower)
    _pledge_and_borrow(aave, borrower, 500 * USD)
    assert usd6.balanceOf(borrower) - before == 500 * USD
    assert aave.debt_tokens["USD6"].balanceOf(borrower) == 500 * USD
    assert aave.a_tokens["CC"].balanceOf(borrower) == 1_000 * WAD
    account = aave.pool.getUserAccountData(borrower)
    assert account.totalCollateralBase == 3_000 * 10**8  # $2,000 + $1,000, 8 decimals
    assert account.totalDebtBase == 500 * 10**8


def test_borrow__beyond_loan_to_value__reverts(benchaave_market, benchaave_actors):
    """$2,101 against a $2,100 limit (75% of $2,000 + 60% of $1,000): Aave's error 36,
    COLLATERAL_CANNOT_COVER_NEW_BORROW."""
    aave, borrower = benchaave_market, benchaave_actors.borrower
    with ape.reverts("36"):
        _pledge_and_borrow(aave, borrower, 2_101 * USD)


def test_liquidation_call__price_dropped__pays_the_liquidator(benchaave_market, benchaave_actors):
    """$2,000 borrowed, CC falls 10% (health 0.975): the liquidator repays a third of the debt and
    receives CC worth it plus the 8% bonus, all of it (no protocol fee), as the bench measures."""
    aave, borrower, liquidator = benchaave_market, benchaave_actors.borrower, benchaave_actors.liquidator
    _pledge_and_borrow(aave, borrower, 2_000 * USD)
    assert aave.pool.getUserAccountData(borrower).healthFactor >= WAD
    aave.set_price("CC", CC_DROPPED, ape.accounts.test_accounts[0])
    # $1,800 x 75% + $1,000 x 60% = $1,950 against $2,000 and a few seconds' interest: about 0.975
    assert 974 * 10**15 < aave.pool.getUserAccountData(borrower).healthFactor < WAD
    debt = aave.debt_tokens["USD6"].balanceOf(borrower)
    repaid = debt // 3
    cc, usd6 = aave.tokens["CC"], aave.tokens["USD6"]
    cc_before, usd6_before = cc.balanceOf(liquidator), usd6.balanceOf(liquidator)
    aave.pool.liquidationCall(cc, usd6, borrower, repaid, False, sender=liquidator)
    # Aave's formula: repaid x $1 x 10**18 / ($1.80 x 10**6), down; then x 108% (percentMul: half up)
    base = 10**8 * repaid * WAD // (CC_DROPPED * USD)
    seized = (base * aave_v3.LIQUIDATION_BONUS + 5_000) // 10_000
    assert cc.balanceOf(liquidator) - cc_before == seized
    assert usd6_before - usd6.balanceOf(liquidator) == repaid
    # what is left: the debt read before, less the repaid part, plus the interest of the seconds
    # between that read and the liquidation's block (about 2 units of USD6 a second at this rate)
    assert 0 <= aave.debt_tokens["USD6"].balanceOf(borrower) - (debt - repaid) <= 100


def test_liquidation_call__healthy_position__reverts(benchaave_market, benchaave_actors):
    """Before the price drop the position is healthy: Aave's error 45, HEALTH_FACTOR_NOT_BELOW_THRESHOLD."""
    aave, borrower, liquidator = benchaave_market, benchaave_actors.borrower, benchaave_actors.liquidator
    _pledge_and_borrow(aave, borrower, 2_000 * USD)
    with ape.reverts("45"):
        aave.pool.liquidationCall(
            aave.tokens["CC"], aave.tokens["USD6"], borrower, 100 * USD, False, sender=liquidator
        )


# --- the bench's starting state and the rows' operations


@pytest.fixture(scope="module")
def benchaave_state(project, accounts, chain):
    """(bench, suite system, Aave) in the lending rows' starting state (`aave_v3.bench_state`)."""
    if not aave_v3.AAVE_PACKAGE.exists():
        pytest.fail(f"{aave_v3.AAVE_PACKAGE} is missing: run `npm install --prefix bench` (or `make bench`)")
    b = gas.Bench(project=project, accounts=accounts, chain=chain)
    system, aave = aave_v3.bench_state(b)
    return b, system, aave


def test_bench_state__positions__as_the_rows_state_them(benchaave_state):
    """Supplier: 1,000,000 USD6 supplied, no collateral, no debt; borrower: $3,000 of CC and CMDT as
    collateral and about 100 USD6 of debt; new user and liquidator: nothing on Aave."""
    b, _, aave = benchaave_state
    supplier, borrower = aave.pool.getUserAccountData(b.user(0)), aave.pool.getUserAccountData(b.user(3))
    assert aave.a_tokens["USD6"].balanceOf(b.user(0)) >= 1_000_000 * USD
    assert supplier.totalCollateralBase == 0 and supplier.totalDebtBase == 0
    assert borrower.totalCollateralBase == 3_000 * 10**8
    assert 100 * 10**8 <= borrower.totalDebtBase < 101 * 10**8
    for newcomer in (b.user(1), b.user(2)):
        account = aave.pool.getUserAccountData(newcomer)
        assert account.totalCollateralBase == 0 and account.totalDebtBase == 0


def test_supply_fresh__new_supplier__supplied_and_collateral_enabled(benchaave_state):
    """The first-time supplier gets its aTokens and, on Aave, its first supply enables the reserve as
    collateral (the condition says so)."""
    b, system, aave = benchaave_state
    receipt = aave_v3.supply_fresh(b, system, aave)
    assert aave.a_tokens["USD6"].balanceOf(b.user(1)) == 1_000 * USD
    enabled = receipt.events.filter(aave.pool.ReserveUsedAsCollateralEnabled)
    assert [(e.reserve, e.user) for e in enabled] == [(aave.tokens["USD6"].address, b.user(1).address)]


def test_supply_repeat__supplier__adds_without_enabling_collateral(benchaave_state):
    """The repeat supplier adds 1,000 USD6; its reserve stays out of its collateral."""
    b, system, aave = benchaave_state
    before = aave.a_tokens["USD6"].balanceOf(b.user(0))
    receipt = aave_v3.supply_repeat(b, system, aave)
    assert aave.a_tokens["USD6"].balanceOf(b.user(0)) >= before + 1_000 * USD
    assert not list(receipt.events.filter(aave.pool.ReserveUsedAsCollateralEnabled))
    assert aave.pool.getUserAccountData(b.user(0)).totalCollateralBase == 0


def test_borrow__new_user__first_debt_of_500_usd6(benchaave_state):
    """The first borrow: two collateral reserves, then 500 USD6 of variable debt from zero."""
    b, system, aave = benchaave_state
    aave_v3.borrow(b, system, aave)
    assert aave.debt_tokens["USD6"].balanceOf(b.user(1)) == 500 * USD
    assert aave.pool.getUserAccountData(b.user(1)).totalCollateralBase == 3_000 * 10**8


def test_borrow_repeat__borrower__debt_grows_by_50(benchaave_state):
    """The repeat borrow adds 50 USD6 to a debt of about 100."""
    b, system, aave = benchaave_state
    aave_v3.borrow_repeat(b, system, aave)
    assert 150 * USD <= aave.debt_tokens["USD6"].balanceOf(b.user(3)) < 151 * USD


def test_repay__borrower__half_its_debt_repaid(benchaave_state):
    """The partial repay takes 50 USD6 off a debt of about 100 (a day of interest on it)."""
    b, system, aave = benchaave_state
    usd6 = aave.tokens["USD6"]
    before = usd6.balanceOf(b.user(3))
    aave_v3.repay(b, system, aave)
    assert before - usd6.balanceOf(b.user(3)) == 50 * USD
    assert 50 * USD <= aave.debt_tokens["USD6"].balanceOf(b.user(3)) < 51 * USD


def test_withdraw__supplier__paid_1000_usd6(benchaave_state):
    """The supplier's partial withdrawal pays it 1,000 USD6."""
    b, system, aave = benchaave_state
    usd6 = aave.tokens["USD6"]
    before = usd6.balanceOf(b.user(0))
    aave_v3.withdraw(b, system, aave)
    assert usd6.balanceOf(b.user(0)) - before == 1_000 * USD


def test_liquidate__underwater_borrower__liquidator_takes_atokens_of_cc(benchaave_state):
    """The liquidation row liquidates: a third of the debt repaid, CC taken as aTokens (receiveAToken
    true) by a liquidator that held none."""
    b, system, aave = benchaave_state
    liquidator = b.user(2)
    assert aave.a_tokens["CC"].balanceOf(liquidator) == 0
    receipt = aave_v3.liquidate(b, system, aave)
    [event] = receipt.events.filter(aave.pool.LiquidationCall)
    assert event.receiveAToken and event.liquidator == liquidator.address
    assert event.collateralAsset == aave.tokens["CC"].address
    assert aave.a_tokens["CC"].balanceOf(liquidator) == event.liquidatedCollateralAmount > 0


# --- artifacts


def test_link__placeholder__replaced_by_the_library_address():
    """Hardhat's 20-byte placeholder at the offset `linkReferences` gives becomes the address."""
    placeholder = "__$" + "ab" * 17 + "$__"
    code = "0x6000" + placeholder + "00"
    references = {"L.sol": {"L": [{"start": 2, "length": 20}]}}
    linked = aave_v3.link(code, references, {"L": "0x" + "11" * 20})
    assert linked == "0x6000" + "11" * 20 + "00"


def test_link__library_not_deployed__raises():
    """A library missing from the addresses given: the error names it."""
    references = {"L.sol": {"L": [{"start": 0, "length": 20}]}}
    with pytest.raises(KeyError, match="L must be deployed"):
        aave_v3.link("0x" + "00" * 20, references, {})


def test_link__placeholder_left__raises():
    """A placeholder `linkReferences` does not list: never deployed half-linked."""
    with pytest.raises(ValueError, match="unlinked library placeholder"):
        aave_v3.link("0x__$" + "ab" * 17 + "$__", {}, {})


def test_artifact_path__package_missing__names_the_fix(monkeypatch, tmp_path):
    """Without bench/node_modules the error says which command installs the package."""
    monkeypatch.setattr(aave_v3, "AAVE_PACKAGE", tmp_path / "missing")
    with pytest.raises(FileNotFoundError, match="npm install --prefix bench"):
        aave_v3.artifact_path("Pool")
