"""MaintenanceRewards constructor and start: CPC in, chain-specific start and recipient set once."""

import ape

from fivefold.emission import model as emission

ZERO = "0x0000000000000000000000000000000000000000"


def test_constructor__cpc__token_owner_and_constants(maintenance, cpc, owner):
    assert maintenance.token() == cpc.address
    assert maintenance.owner() == owner
    assert maintenance.TOTAL_REWARDS() == emission.MAINTENANCE_TOTAL == 122_219_971_200_000_000_000_000_000
    assert maintenance.DURATION() == emission.MAINTENANCE_DURATION == 1_827 * 86_400
    assert maintenance.BLOCK_TIME() == emission.BLOCK_TIME
    assert maintenance.YEARS() == 5
    assert maintenance.MAX_START_DELAY() == emission.MAX_START_DELAY
    assert maintenance.start_time() == maintenance.end_time() == maintenance.released() == 0
    assert maintenance.recipient() == ZERO


def test_constructor__zero_token__reverts(project, deployer, owner):
    with ape.reverts("maintenance_rewards: zero token"):
        project.MaintenanceRewards.deploy(ZERO, owner, sender=deployer)


def test_constructor__zero_owner__reverts(project, cpc, deployer):
    with ape.reverts("maintenance_rewards: zero owner"):
        project.MaintenanceRewards.deploy(cpc, ZERO, sender=deployer)


def test_constructor__token_not_a_contract__reverts(project, deployer, owner, stranger):
    with ape.reverts("maintenance_rewards: token is not a contract"):
        project.MaintenanceRewards.deploy(stranger, owner, sender=deployer)


def test_start__owner_future_time__sets_start_and_recipient(maintenance, chain, owner, beneficiary):
    t0 = chain.pending_timestamp + 3_600
    receipt = maintenance.start(t0, beneficiary, sender=owner)
    assert maintenance.start_time() == maintenance.last_release_time() == t0
    assert maintenance.recipient() == beneficiary
    assert maintenance.end_time() == t0 + emission.MAINTENANCE_DURATION
    assert receipt.events == [maintenance.Started(start_time=t0, recipient=beneficiary)]


def test_start__unfunded__accepted(maintenance, chain, owner, beneficiary):
    """Funding may follow the start; only `release` needs it."""
    maintenance.start(chain.pending_timestamp + 100, beneficiary, sender=owner)
    assert maintenance.shortfall() == emission.MAINTENANCE_TOTAL


def test_start__non_owner__reverts(maintenance, chain, non_owner, beneficiary):
    with ape.reverts("ownable: caller is not the owner"):
        maintenance.start(chain.pending_timestamp + 100, beneficiary, sender=non_owner)


def test_start__twice__reverts(started_maintenance, chain, owner, beneficiary):
    contract, _ = started_maintenance
    with ape.reverts("schedule_clock: already started"):
        contract.start(chain.pending_timestamp + 100, beneficiary, sender=owner)


def test_start__zero_recipient__reverts(maintenance, chain, owner):
    with ape.reverts("schedule_clock: zero recipient"):
        maintenance.start(chain.pending_timestamp + 100, ZERO, sender=owner)


def test_start__past_time__reverts(maintenance, at, chain, owner, beneficiary):
    now = chain.pending_timestamp + 10
    at(now)
    with ape.reverts("schedule_clock: start in the past"):
        maintenance.start(now - 1, beneficiary, sender=owner)


def test_start__beyond_max_delay__reverts(maintenance, at, chain, owner, beneficiary):
    now = chain.pending_timestamp + 10
    at(now)
    with ape.reverts("schedule_clock: start too far"):
        maintenance.start(now + emission.MAX_START_DELAY + 1, beneficiary, sender=owner)
