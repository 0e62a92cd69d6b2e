"""EconomyPool's constructor and its pure season clock (phase, season, settled seasons)."""

import ape
import pytest

from fivefold.nodes import model_pools as model
from tests.nodes.pools.conftest import mine_at

ZERO = "0x0000000000000000000000000000000000000000"


def test_constructor__deployed__parameters(econ_pool, pools_cpc, econ_genesis, owner):
    """CPC, genesis, owner, the paper's reward and minimum, nothing funded, no deposit."""
    assert econ_pool.cpc() == pools_cpc
    assert econ_pool.genesis() == econ_genesis
    assert econ_pool.owner() == owner
    assert econ_pool.reward_per_season() == model.REWARD_PER_SEASON
    assert econ_pool.MIN_DEPOSIT() == model.ECONOMY_MIN_DEPOSIT
    assert (econ_pool.SEASON(), econ_pool.LOCK_START(), econ_pool.SETTLEMENT_START()) == (
        model.SEASON, model.LOCK_START, model.SETTLEMENT_START,
    )
    assert econ_pool.total_deposits() == econ_pool.funded() == econ_pool.surplus() == 0
    assert econ_pool.CLOCK_MODE() == "mode=timestamp"


@pytest.mark.parametrize("which", ["token", "genesis", "owner"])
def test_constructor__zero_argument__reverts(project, deployer, owner, pools_cpc, econ_genesis, which):
    """Each argument must be set."""
    args = {"token": (ZERO, econ_genesis, owner), "genesis": (pools_cpc, 0, owner),
            "owner": (pools_cpc, econ_genesis, ZERO)}[which]
    with ape.reverts(f"economy_pool: zero {which}"):
        project.EconomyPool.deploy(*args, sender=deployer)


@pytest.mark.parametrize(
    "season,offset",
    [(0, 0), (0, model.LOCK_START - 1), (0, model.LOCK_START), (0, model.SETTLEMENT_START - 1),
     (0, model.SETTLEMENT_START), (0, model.SEASON - 1), (1, 0), (5, model.SETTLEMENT_START + 7)],
)
def test_phase__across_boundaries__pure_function_of_time(econ_pool, econ_genesis, chain, season, offset):
    """phase, season and settled_seasons follow the timestamp alone, as the model computes them: no
    transaction starts or advances a season."""
    mine_at(chain, econ_genesis, season, offset)
    t = chain.blocks.head.timestamp
    assert econ_pool.phase() == model.phase(econ_genesis, t)
    assert econ_pool.season() == model.season(econ_genesis, t) == season
    assert econ_pool.settled_seasons() == model.settlements_begun(econ_genesis, t)


def test_phase__before_genesis__zero(econ_pool):
    """Before season 0: phase 0, season 0, nothing settled."""
    assert (econ_pool.phase(), econ_pool.season(), econ_pool.settled_seasons()) == (0, 0, 0)
