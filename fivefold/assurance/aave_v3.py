"""Aave v3 from its npm package, deployed on a local chain: what the lending rows of `make bench`
(fivefold/assurance/bench_lending.py) compare the suite's markets with.

The package is `@aave/core-v3` at `AAVE_VERSION` (bench/package.json pins it; `make bench` installs it
under bench/node_modules, git-ignored). Its Hardhat artifacts are deployed as shipped (solc 0.8.10,
optimizer 100,000 runs, EVM london), the bytes unchanged but for the library addresses linked in:

    PoolAddressesProvider        owned by `admin`, who is also ACL admin and pool admin
    ACLManager                   the provider's
    Pool (implementation)        linked to SupplyLogic, BorrowLogic, LiquidationLogic, EModeLogic,
                                 BridgeLogic, FlashLoanLogic (itself linked to BorrowLogic), PoolLogic;
                                 `setPoolImpl` puts it behind the provider's proxy and initializes it
    PoolConfigurator (impl.)     linked to ConfiguratorLogic, behind the provider's proxy
    AaveOracle                   one MockAggregator (Chainlink's `latestAnswer`, 8 decimals) per
                                 asset, USD as the base currency
    DefaultReserveInterestRateStrategy   one, shared by every reserve
    AToken, StableDebtToken, VariableDebtToken   implementations `initReserves` clones behind proxies

Reserves mirror the suite's local lending system (`fivefold.lending.model`: LOCAL_ASSETS, the linear
rate model, RESERVE_FACTOR):

    loan-to-value = liquidation threshold = the suite's collateral factor (Compound's single factor,
        as the suite's local system lists every market): CC 75%, CMDT 60%, USD6 80%
    liquidation bonus 8% (the suite's incentive 1.08); no liquidation protocol fee (the suite takes
        none); the close factor is Aave's own, 50% above health 0.95 (the suite's default is 50%)
    reserve factor 10%; variable rate 2.5% + U x 20% a year with the "optimal usage" at 100%, so
        slope 2 never applies (the suite's KinkRateModel with its kink at 100%)
    borrowing on for every reserve, stable-rate borrowing off, no caps, no e-mode, no isolation,
        no incentives controller (the suite's markets call no reward hook either)

The bench's starting state (`bench_state`) builds the suite's own bench system first
(`fivefold.lending.bench.prepare`), lists its CC, CMDT and USD6 on Aave (the same token code on both
sides, so every transfer costs the same) and opens the same positions there:

    supplier    user(0)  1,000,000 USD6 supplied, not used as collateral (the suite's supplier never
                         enters its market; Aave enables a first supply as collateral, so the bench
                         turns it off)
    borrower    user(3)  1,000 CC + 1,000 CMDT as collateral, 100 USD6 borrowed (variable rate)
    new user    user(1)  holds tokens, nothing supplied: the first-time user of supply, borrow,
                         and the borrower liquidated
    liquidator  user(2)  holds USD6, nothing supplied

The operations below (`supply_fresh` ... `liquidate`) each take that state and return the receipt of
the one transaction the bench measures (fivefold/assurance/bench_lending.py states their conditions).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fivefold.lending import bench as suite
from fivefold.lending import model as lending
from fivefold.units import DAY, WAD

ROOT = Path(__file__).resolve().parents[2]
AAVE_PACKAGE_NAME = "@aave/core-v3"
AAVE_VERSION = "1.19.3"  # the pin of bench/package.json (npm's latest @aave/core-v3; Pool revision 1)
AAVE_PACKAGE = ROOT / "bench" / "node_modules" / "@aave" / "core-v3"

RAY = 10**27
BPS = 10_000  # Aave's percentages are basis points
ZERO = "0x0000000000000000000000000000000000000000"
VARIABLE = 2  # Aave's interestRateMode for variable-rate debt
SYMBOLS = ("CC", "CMDT", "USD6")  # the reserves, in listing order
USD = 10**6  # USD6's unit
UNIT = WAD  # CC's and CMDT's unit (18 decimals)
USERS = 4  # user(0) .. user(3), as fivefold/lending/bench.py
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


@functools.cache
def _artifact(name: str) -> dict:
    return json.loads(artifact_path(name).read_text())


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

    data = _artifact(name)
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
        factor_bps = lending.LOCAL_ASSETS[symbol][1] * BPS // WAD
        configurator.configureReserveAsCollateral(
            token, factor_bps, factor_bps, LIQUIDATION_BONUS, sender=admin
        )
        configurator.setReserveBorrowing(token, True, sender=admin)
        configurator.setReserveFactor(token, lending.RESERVE_FACTOR * BPS // WAD, sender=admin)
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


# --- the bench's starting state and operations


def bench_state(b) -> tuple[lending.System, Aave]:
    """The suite's bench system (`fivefold.lending.bench.prepare`) and Aave v3 on its CC, CMDT and
    USD6 with the same positions open (module docstring). `b` is a `fivefold.gas.Bench`."""
    system = suite.prepare(b)
    aave = deploy_aave(b.deployer, b.owner, {s: system.tokens[s] for s in SYMBOLS})
    for i in range(USERS):
        for symbol in SYMBOLS:
            system.tokens[symbol].approve(aave.pool, 2**256 - 1, sender=b.user(i))
    usd6 = aave.tokens["USD6"]
    aave.pool.supply(usd6, 1_000_000 * USD, b.user(0), 0, sender=b.user(0))
    aave.pool.setUserUseReserveAsCollateral(usd6, False, sender=b.user(0))
    collateral(aave, b.user(3))
    aave.pool.borrow(usd6, 100 * USD, VARIABLE, 0, b.user(3), sender=b.user(3))
    return system, aave


def collateral(aave: Aave, user) -> None:
    """1,000 CC and 1,000 CMDT supplied; a first supply enables each as collateral, as the suite's
    `enter_markets` does for its two markets."""
    aave.pool.supply(aave.tokens["CC"], 1_000 * UNIT, user, 0, sender=user)
    aave.pool.supply(aave.tokens["CMDT"], 1_000 * UNIT, user, 0, sender=user)


def wait(b, system: lending.System) -> None:
    """A day passes; the suite's feeds are refreshed, as fivefold/lending/bench.py does before each
    of its operations (Aave's MockAggregators have no age to refresh)."""
    b.chain.mine(deltatime=DAY)
    for feed in system.feeds.values():
        lending.set_local_answer(feed, feed.answer(), b.deployer)


def supply_fresh(b, system: lending.System, aave: Aave):
    """The new user's first supply: 1,000 USD6."""
    wait(b, system)
    return aave.pool.supply(aave.tokens["USD6"], 1_000 * USD, b.user(1), 0, sender=b.user(1))


def supply_repeat(b, system: lending.System, aave: Aave):
    """The supplier adds 1,000 USD6 to its 1,000,000."""
    wait(b, system)
    return aave.pool.supply(aave.tokens["USD6"], 1_000 * USD, b.user(0), 0, sender=b.user(0))


def borrow(b, system: lending.System, aave: Aave):
    """The new user pledges CC and CMDT, then (a day later) borrows 500 USD6: its first borrow."""
    collateral(aave, b.user(1))
    wait(b, system)
    return aave.pool.borrow(aave.tokens["USD6"], 500 * USD, VARIABLE, 0, b.user(1), sender=b.user(1))


def borrow_repeat(b, system: lending.System, aave: Aave):
    """The borrower, owing 100 USD6, borrows 50 more."""
    wait(b, system)
    return aave.pool.borrow(aave.tokens["USD6"], 50 * USD, VARIABLE, 0, b.user(3), sender=b.user(3))


def repay(b, system: lending.System, aave: Aave):
    """The borrower repays 50 of its 100 USD6."""
    wait(b, system)
    return aave.pool.repay(aave.tokens["USD6"], 50 * USD, VARIABLE, b.user(3), sender=b.user(3))


def withdraw(b, system: lending.System, aave: Aave):
    """The supplier withdraws 1,000 of its 1,000,000 USD6."""
    wait(b, system)
    return aave.pool.withdraw(aave.tokens["USD6"], 1_000 * USD, b.user(0), sender=b.user(0))


def liquidate(b, system: lending.System, aave: Aave):
    """The new user borrows $2,000 against $1,500 + $600 of borrowing power; a day later CC falls
    10% (health 0.975) and the liquidator repays a third of the debt for aTokens of CC."""
    borrower, liquidator = b.user(1), b.user(2)
    collateral(aave, borrower)
    aave.pool.borrow(aave.tokens["USD6"], 2_000 * USD, VARIABLE, 0, borrower, sender=borrower)
    wait(b, system)
    aave.set_price("CC", 18 * 10**7, b.deployer)
    debt = aave.debt_tokens["USD6"].balanceOf(borrower)
    return aave.pool.liquidationCall(
        aave.tokens["CC"], aave.tokens["USD6"], borrower, debt // 3, True, sender=liquidator
    )


# --- the suite's side of the two rows gas-snapshot.json has no key for (from the same state)


def suite_supply_repeat(b):
    """The suite's supplier adds 1,000 USD6 to its 1,000,000 (fivefold/lending/bench.py's state)."""
    system = suite.prepare(b)
    wait(b, system)
    return system.markets["USD6"].deposit(1_000 * USD, b.user(0), sender=b.user(0))


def suite_borrow_repeat(b):
    """The suite's borrower, owing 100 USD6, borrows 50 more (fivefold/lending/bench.py's state)."""
    system = suite.prepare(b)
    wait(b, system)
    return system.markets["USD6"].borrow(50 * USD, b.user(3), sender=b.user(3))
