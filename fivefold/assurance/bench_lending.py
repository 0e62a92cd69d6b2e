"""Lending rows of the side-by-side bench (issue 18): the suite's pledge markets against Aave v3's Pool.

Both sides run on one local chain in the same run, on the same token contracts (the suite's
`CappedToken` CC and CMDT, `MockStablecoin` USD6, from `fivefold.lending.model.deploy_local_system`),
with the same prices, factors and rate curve, and in the same starting state:

    supplier  user(0)  1,000,000 USD6 supplied, not used as collateral
    borrower  user(3)  1,000 CC + 1,000 CMDT as collateral, 100 USD6 borrowed
    new user  user(1)  nothing yet (the "first-time" user of supply, borrow, liquidate)
    liquidator user(2) holds USD6, nothing supplied

Aave v3 is `@aave/core-v3` at `AAVE_VERSION` (bench/package.json pins it; `make bench` installs it
under bench/node_modules), deployed from the package's own Hardhat artifacts, bytes unchanged but for
the library addresses linked in: PoolAddressesProvider, ACLManager, the Pool and PoolConfigurator
implementations behind the provider's proxies (the Pool linked to SupplyLogic, BorrowLogic,
LiquidationLogic, EModeLogic, BridgeLogic, FlashLoanLogic and PoolLogic; the configurator to
ConfiguratorLogic), AaveOracle reading one MockAggregator (Chainlink's `latestAnswer`) per asset, one
DefaultReserveInterestRateStrategy, and AToken / StableDebtToken / VariableDebtToken implementations
that `initReserves` clones behind proxies. Three reserves (the issue asks for at least two): the
suite's borrow and liquidate conditions name two collateral markets, and Aave's account loop costs
gas per collateral reserve, so both sides price the same two collaterals.

Parameters mirrored from `fivefold.lending.model` (LOCAL_ASSETS and the linear rate model):

    loan-to-value = liquidation threshold = collateral factor: CC 75%, CMDT 60%, USD6 80%
    liquidation bonus 8% (suite: incentive 1.08), close factor 50% (Aave's above HF 0.95)
    reserve factor 10%, no liquidation protocol fee (the suite takes none)
    variable rate 2.5% + U x 20% a year, no kink (Aave: optimal usage 100%, slope 2 unused)
    stable-rate borrowing off, no caps, no e-mode, no isolation, no incentives controller

`compare_lending(bench)` deploys both once, then measures each operation from that state in its own
chain snapshot and returns one row per operation (see `Row`). The suite's figures are measured by the
same functions `ape run gas` uses (fivefold/lending/bench.py), so they equal gas-snapshot.json's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from fivefold.lending import bench as suite
from fivefold.lending import model as lending
from fivefold.units import DAY

ROOT = Path(__file__).resolve().parents[2]
AAVE_PACKAGE_NAME = "@aave/core-v3"
AAVE_VERSION = "1.19.3"  # the pin of bench/package.json (Aave v3.0.2's core, solc 0.8.10, 100,000 runs)
AAVE_PACKAGE = ROOT / "bench" / "node_modules" / "@aave" / "core-v3"
REFERENCE = f"Aave v3 Pool ({AAVE_PACKAGE_NAME} {AAVE_VERSION})"

USD = 10**6  # USD6's unit
UNIT = 10**18  # CC's and CMDT's unit
RAY = 10**27
BPS = 10_000  # Aave's percentages are basis points
ZERO = "0x0000000000000000000000000000000000000000"
VARIABLE = 2  # Aave's interestRateMode for variable-rate debt
SYMBOLS = ("CC", "CMDT", "USD6")
LIQUIDATION_BONUS = 10_800  # bps, 108%: the suite's DEFAULT_LIQUIDATION_INCENTIVE
ORACLE_UNIT = 10**8  # AaveOracle's base currency unit: USD with the feeds' 8 decimals

# Contract name -> its source folder under artifacts/contracts/ (the artifact is <folder>/<Name>.json).
_SOURCES = {
    "PoolAddressesProvider": "protocol/configuration/PoolAddressesProvider.sol",
    "ACLManager": "protocol/configuration/ACLManager.sol",
    "Pool": "protocol/pool/Pool.sol",
    "PoolConfigurator": "protocol/pool/PoolConfigurator.sol",
    "DefaultReserveInterestRateStrategy": "protocol/pool/DefaultReserveInterestRateStrategy.sol",
    "AToken": "protocol/tokenization/AToken.sol",
    "StableDebtToken": "protocol/tokenization/StableDebtToken.sol",
    "VariableDebtToken": "protocol/tokenization/VariableDebtToken.sol",
    "AaveOracle": "misc/AaveOracle.sol",
    "MockAggregator": "mocks/oracle/CLAggregators/MockAggregator.sol",
}
# External libraries in deployment order: FlashLoanLogic links BorrowLogic, so BorrowLogic goes first.
LIBRARIES = (
    "BorrowLogic",
    "BridgeLogic",
    "EModeLogic",
    "FlashLoanLogic",
    "LiquidationLogic",
    "PoolLogic",
    "SupplyLogic",
    "ConfiguratorLogic",
)
for _name in LIBRARIES:
    _SOURCES[_name] = f"protocol/libraries/logic/{_name}.sol"


# --- artifacts


def artifact_path(name: str) -> Path:
    """The Hardhat artifact of `name` in the installed package; a missing package names the fix."""
    if not AAVE_PACKAGE.exists():
        raise FileNotFoundError(
            f"{AAVE_PACKAGE} is missing: run `npm install --prefix bench` (bench/package.json pins"
            f" {AAVE_PACKAGE_NAME}@{AAVE_VERSION}; `make bench` does it)"
        )
    return AAVE_PACKAGE / "artifacts" / "contracts" / _SOURCES[name] / f"{name}.json"


def link(bytecode: str, references: dict, libraries: dict[str, str]) -> str:
    """`bytecode` with every library placeholder replaced by the library's address.

    Hardhat's `linkReferences` give, per source and library, the byte offsets of 20-byte slots."""
    code = bytecode.removeprefix("0x")
    for names in references.values():
        for name, spots in names.items():
            if name not in libraries:
                raise KeyError(f"{name} must be deployed before what links it")
            address = str(libraries[name]).lower().removeprefix("0x")
            for spot in spots:
                start = 2 * spot["start"]
                code = code[:start] + address + code[start + 2 * spot["length"] :]
    if "__$" in code:
        raise ValueError("an unlinked library placeholder is left in the bytecode")
    return "0x" + code


def container(name: str, libraries: dict[str, str] | None = None):
    """An ape ContractContainer for the package's artifact `name`, its libraries linked."""
    from ape.contracts import ContractContainer
    from ethpm_types import ContractType

    data = json.loads(artifact_path(name).read_text())
    libraries = libraries or {}
    return ContractContainer(
        ContractType(
            contractName=name,
            sourceId=f"{AAVE_PACKAGE_NAME}/{_SOURCES[name]}",
            abi=data["abi"],
            deploymentBytecode={"bytecode": link(data["bytecode"], data["linkReferences"], libraries)},
            runtimeBytecode={
                "bytecode": link(data["deployedBytecode"], data["deployedLinkReferences"], libraries)
            },
        )
    )


# --- deployment


@dataclass
class Aave:
    """A deployed Aave v3 market on the suite's tokens."""

    provider: Any
    acl: Any
    pool: Any  # the Pool proxy
    configurator: Any  # the PoolConfigurator proxy
    oracle: Any  # AaveOracle
    strategy: Any  # the one DefaultReserveInterestRateStrategy
    tokens: dict  # symbol -> the underlying (the suite's token)
    sources: dict  # symbol -> MockAggregator AaveOracle reads
    a_tokens: dict  # symbol -> AToken proxy
    debt_tokens: dict  # symbol -> VariableDebtToken proxy
    admin: Any  # provider owner, ACL admin and pool admin

    def set_price(self, symbol: str, answer: int, deployer) -> None:
        """A new price for `symbol`: a fresh MockAggregator (it has no setter) as AaveOracle's source."""
        source = container("MockAggregator").deploy(answer, sender=deployer)
        self.oracle.setAssetSources([self.tokens[symbol]], [source], sender=self.admin)
        self.sources[symbol] = source


def deploy_aave(deployer, admin, tokens: dict, answers: dict | None = None) -> Aave:
    """Aave v3 with one reserve per token of `tokens` (symbol -> token), priced `answers` (symbol ->
    8-decimal USD answer; default the suite's LOCAL_ASSETS) and configured as described above.

    `deployer` sends the deployments; `admin` owns the provider and holds ACL admin and pool admin."""
    answers = answers or {symbol: lending.LOCAL_ASSETS[symbol][0] for symbol in tokens}
    provider = container("PoolAddressesProvider").deploy("fivefold bench", admin, sender=deployer)
    provider.setACLAdmin(admin, sender=admin)
    acl = container("ACLManager").deploy(provider, sender=deployer)
    provider.setACLManager(acl, sender=admin)
    acl.addPoolAdmin(admin, sender=admin)

    libraries: dict[str, str] = {}
    for name in LIBRARIES:
        libraries[name] = container(name, libraries).deploy(sender=deployer).address
    pool_impl = container("Pool", libraries).deploy(provider, sender=deployer)
    provider.setPoolImpl(pool_impl, sender=admin)  # creates the proxy and initializes it
    pool = container("Pool", libraries).at(provider.getPool())
    configurator_impl = container("PoolConfigurator", libraries).deploy(sender=deployer)
    provider.setPoolConfiguratorImpl(configurator_impl, sender=admin)
    configurator = container("PoolConfigurator", libraries).at(provider.getPoolConfigurator())

    sources = {s: container("MockAggregator").deploy(answers[s], sender=deployer) for s in tokens}
    oracle = container("AaveOracle").deploy(
        provider, list(tokens.values()), list(sources.values()), ZERO, ZERO, ORACLE_UNIT, sender=deployer
    )
    provider.setPriceOracle(oracle, sender=admin)

    # the suite's linear model: 2.5% + U x 20% a year; kink ("optimal usage") at 100%, so slope 2
    # never applies; stable-rate parameters zero (stable borrowing stays off)
    strategy = container("DefaultReserveInterestRateStrategy").deploy(
        provider,
        RAY,  # optimalUsageRatio
        lending.DEFAULT_BASE_RATE * 10**9,  # baseVariableBorrowRate (WAD -> RAY)
        lending.DEFAULT_SLOPE * 10**9,  # variableRateSlope1
        0,  # variableRateSlope2
        0,  # stableRateSlope1
        0,  # stableRateSlope2
        0,  # baseStableRateOffset
        0,  # stableRateExcessOffset
        0,  # optimalStableToTotalDebtRatio
        sender=deployer,
    )
    a_impl = container("AToken").deploy(pool, sender=deployer)
    stable_impl = container("StableDebtToken").deploy(pool, sender=deployer)
    variable_impl = container("VariableDebtToken").deploy(pool, sender=deployer)
    inputs = [
        (
            a_impl,  # aTokenImpl
            stable_impl,  # stableDebtTokenImpl
            variable_impl,  # variableDebtTokenImpl
            token.decimals(),  # underlyingAssetDecimals
            strategy,  # interestRateStrategyAddress
            token,  # underlyingAsset
            admin,  # treasury: receives the reserve factor's aTokens
            ZERO,  # incentivesController: none (the suite's markets call no hook either)
            f"Aave bench {symbol}",
            f"a{symbol}",
            f"Aave bench variable debt {symbol}",
            f"variableDebt{symbol}",
            f"Aave bench stable debt {symbol}",
            f"stableDebt{symbol}",
            b"",  # params
        )
        for symbol, token in tokens.items()
    ]
    configurator.initReserves(inputs, sender=admin)
    a_tokens, debt_tokens = {}, {}
    for symbol, token in tokens.items():
        factor_bps = lending.LOCAL_ASSETS[symbol][1] * BPS // 10**18
        configurator.configureReserveAsCollateral(
            token, factor_bps, factor_bps, LIQUIDATION_BONUS, sender=admin
        )
        configurator.setReserveBorrowing(token, True, sender=admin)
        configurator.setReserveFactor(token, lending.RESERVE_FACTOR * BPS // 10**18, sender=admin)
        data = pool.getReserveData(token)
        a_tokens[symbol] = container("AToken").at(data.aTokenAddress)
        debt_tokens[symbol] = container("VariableDebtToken").at(data.variableDebtTokenAddress)
    return Aave(
        provider=provider,
        acl=acl,
        pool=pool,
        configurator=configurator,
        oracle=oracle,
        strategy=strategy,
        tokens=dict(tokens),
        sources=sources,
        a_tokens=a_tokens,
        debt_tokens=debt_tokens,
        admin=admin,
    )


def prepare_aave(b, system: lending.System) -> Aave:
    """Aave v3 on `system`'s CC, CMDT and USD6, in the suite bench's starting state (module docstring)."""
    aave = deploy_aave(b.deployer, b.owner, {s: system.tokens[s] for s in SYMBOLS})
    for i in range(4):
        for symbol in SYMBOLS:
            system.tokens[symbol].approve(aave.pool, 2**256 - 1, sender=b.user(i))
    usd6 = aave.tokens["USD6"]
    aave.pool.supply(usd6, 1_000_000 * USD, b.user(0), 0, sender=b.user(0))
    # the suite's supplier never entered its market: its first supply here enabled it as collateral
    aave.pool.setUserUseReserveAsCollateral(usd6, False, sender=b.user(0))
    _collateral(aave, b.user(3))
    aave.pool.borrow(usd6, 100 * USD, VARIABLE, 0, b.user(3), sender=b.user(3))
    return aave


def _collateral(aave: Aave, user) -> None:
    """1,000 CC and 1,000 CMDT supplied: a first supply enables each as collateral, as the suite's
    `enter_markets` does."""
    aave.pool.supply(aave.tokens["CC"], 1_000 * UNIT, user, 0, sender=user)
    aave.pool.supply(aave.tokens["CMDT"], 1_000 * UNIT, user, 0, sender=user)


# --- the operations on Aave's side (each returns the receipt of the measured transaction)


def _wait(b) -> None:
    """A day passes (AaveOracle reads `latestAnswer`, which has no age to refresh)."""
    b.chain.mine(deltatime=DAY)


def aave_supply_fresh(b, aave: Aave):
    _wait(b)
    return aave.pool.supply(aave.tokens["USD6"], 1_000 * USD, b.user(1), 0, sender=b.user(1))


def aave_supply_repeat(b, aave: Aave):
    _wait(b)
    return aave.pool.supply(aave.tokens["USD6"], 1_000 * USD, b.user(0), 0, sender=b.user(0))


def aave_borrow(b, aave: Aave):
    _collateral(aave, b.user(1))
    _wait(b)
    return aave.pool.borrow(aave.tokens["USD6"], 500 * USD, VARIABLE, 0, b.user(1), sender=b.user(1))


def aave_borrow_repeat(b, aave: Aave):
    _wait(b)
    return aave.pool.borrow(aave.tokens["USD6"], 50 * USD, VARIABLE, 0, b.user(3), sender=b.user(3))


def aave_repay(b, aave: Aave):
    _wait(b)
    return aave.pool.repay(aave.tokens["USD6"], 50 * USD, VARIABLE, b.user(3), sender=b.user(3))


def aave_withdraw(b, aave: Aave):
    _wait(b)
    return aave.pool.withdraw(aave.tokens["USD6"], 1_000 * USD, b.user(0), sender=b.user(0))


def aave_liquidate(b, aave: Aave):
    borrower, liquidator = b.user(1), b.user(2)
    _collateral(aave, borrower)
    # $1,500 + $600 of borrowing power; borrow $2,000, then CC falls 10% (health factor 0.975)
    aave.pool.borrow(aave.tokens["USD6"], 2_000 * USD, VARIABLE, 0, borrower, sender=borrower)
    _wait(b)
    aave.set_price("CC", 18 * 10**7, b.deployer)
    debt = aave.debt_tokens["USD6"].balanceOf(borrower)
    return aave.pool.liquidationCall(
        aave.tokens["CC"], aave.tokens["USD6"], borrower, debt // 3, True, sender=liquidator
    )


# --- the suite's side of the two rows gas-snapshot.json has no key for


def suite_supply_repeat(b):
    system = b.extra["lending"]
    suite._wait(b, system)
    return system.markets["USD6"].deposit(1_000 * USD, b.user(0), sender=b.user(0))


def suite_borrow_repeat(b):
    system = b.extra["lending"]
    suite._wait(b, system)
    return system.markets["USD6"].borrow(50 * USD, b.user(3), sender=b.user(3))


# --- the rows


@dataclass(frozen=True)
class Comparison:
    """One operation measured on both sides in one condition."""

    operation: str
    condition: str  # stated once, true of both sides
    suite_key: str  # the gas-snapshot.json key ("" where the snapshot has none)
    suite: Callable  # (bench) -> receipt, from the shared starting state
    aave: Callable  # (bench, aave) -> receipt, from the shared starting state


COMPARISONS = (
    Comparison(
        "supply",
        "first supply of a new supplier (1,000 USD6) into a market with loans outstanding, a day after"
        " the last accrual; Aave also enables the reserve as the user's collateral on a first supply",
        "lending.supply.fresh",
        suite.supply_fresh,
        aave_supply_fresh,
    ),
    Comparison(
        "supply (repeat)",
        "an existing supplier (collateral not enabled) adds 1,000 USD6, a day after the last accrual",
        "",
        suite_supply_repeat,
        aave_supply_repeat,
    ),
    Comparison(
        "borrow",
        "first borrow (500 USD6, variable rate on Aave) of an account with two collateral reserves"
        " (CC, CMDT) enabled, a day after the last accrual",
        "lending.borrow",
        suite.borrow,
        aave_borrow,
    ),
    Comparison(
        "borrow (repeat)",
        "a borrower already owing 100 USD6 against CC and CMDT borrows 50 more, a day after the last accrual",
        "",
        suite_borrow_repeat,
        aave_borrow_repeat,
    ),
    Comparison(
        "repay",
        "partial repay (50 of 100 USD6) of a borrower's own debt, a day after the last accrual",
        "lending.repay",
        suite.repay,
        aave_repay,
    ),
    Comparison(
        "withdraw",
        "a supplier (collateral not enabled, no debt) withdraws 1,000 of its 1,000,000 USD6, a day after"
        " the last accrual",
        "lending.withdraw",
        suite.withdraw,
        aave_withdraw,
    ),
    Comparison(
        "liquidate",
        "repay a third of an underwater USD6 debt ($2,000 against CC + CMDT, CC down 10%: health 0.975)"
        " and seize CC as the market's claim (suite vouchers, Aave aTokens: receiveAToken true); the"
        " liquidator held none before",
        "lending.liquidate",
        suite.liquidate,
        aave_liquidate,
    ),
)


@dataclass(frozen=True)
class Row:
    """What the bench table prints and bench/results.json keeps for one operation."""

    operation: str
    condition: str
    suite_key: str
    suite_gas: int
    reference: str
    reference_gas: int

    @property
    def ratio(self) -> float:
        """suite / reference: below 1 the suite is cheaper."""
        return self.suite_gas / self.reference_gas


def _measure(chain, transact: Callable[[], Any]) -> int:
    """Gas of the receipt `transact` returns, the chain put back as it was."""
    snapshot = chain.snapshot()
    try:
        return int(transact().gas_used)
    finally:
        chain.restore(snapshot)


def measure(b, comparisons=COMPARISONS) -> list[Row]:
    """Both systems deployed once in the suite bench's starting state, then every comparison measured
    on each side from that state; the chain is left as it was found."""
    outer = b.chain.snapshot()
    try:
        system = suite.prepare(b)
        b.extra["lending"] = system
        aave = prepare_aave(b, system)
        rows = []
        for c in comparisons:
            suite_gas = _measure(b.chain, lambda c=c: c.suite(b))
            aave_gas = _measure(b.chain, lambda c=c: c.aave(b, aave))
            rows.append(Row(c.operation, c.condition, c.suite_key, suite_gas, REFERENCE, aave_gas))
        return rows
    finally:
        b.extra.pop("lending", None)
        b.chain.restore(outer)


def compare_lending(bench_ctx) -> list[dict]:
    """The lending rows: {operation, condition, suite_key, suite_gas, reference, reference_gas}.

    `bench_ctx` is a `fivefold.gas.Bench` (project, accounts by role, chain)."""
    return [asdict(row) for row in measure(bench_ctx)]
