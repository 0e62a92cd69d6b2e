"""Timelock: the Governor is its only proposer, executor and canceller; the deploy's bootstrap
account accepts ownerships, sets the final delay and renounces, leaving no EOA with any role."""

import ape
import pytest
from eth_utils import keccak

from tests.governance.conftest import TIMELOCK_DELAY

ZERO = "0x0000000000000000000000000000000000000000"
ZERO32 = b"\x00" * 32
ROLES = [keccak(text=r) for r in ("PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE")]
ADMIN = ZERO32


def test_timelock__deployed__governor_holds_every_role_and_nobody_else(timelock, governor, accounts):
    """The Governor proposes, executes and cancels; the admin role is the timelock's own; no test
    account (the deployer included) holds anything."""
    for role in ROLES:
        assert timelock.hasRole(role, governor)
    assert timelock.hasRole(ADMIN, timelock) and not timelock.hasRole(ADMIN, governor)
    for account in accounts:
        assert not any(timelock.hasRole(role, account) for role in [*ROLES, ADMIN])
    assert timelock.get_minimum_delay() == TIMELOCK_DELAY


def test_timelock__bootstrap__accepts_ownership_then_renounces(
    deploy_dao, project, owner, bootstrap, accounts, chain
):
    """The deploy path: delay 0 and a bootstrap account; one batch accepts a two-step ownership
    and sets the final delay, runs at once, then the account renounces its three roles."""
    timelock, governor = deploy_dao(delay=0, bootstrap_account=bootstrap)
    vault = project.VestingVault.deploy(project.MockVotes.deploy(sender=owner), owner, sender=owner)
    vault.transfer_ownership(timelock, sender=owner)
    calls = [
        (vault.address, bytes(vault.accept_ownership.encode_input())),
        (timelock.address, bytes(timelock.update_delay.encode_input(TIMELOCK_DELAY))),
    ]
    targets, values, payloads = [c[0] for c in calls], [0, 0], [c[1] for c in calls]
    timelock.schedule_batch(targets, values, payloads, ZERO32, ZERO32, 0, sender=bootstrap)
    timelock.execute_batch(targets, values, payloads, ZERO32, ZERO32, sender=bootstrap)
    for role in ROLES:
        timelock.renounceRole(role, bootstrap, sender=bootstrap)
    assert vault.owner() == timelock.address
    assert timelock.get_minimum_delay() == TIMELOCK_DELAY
    for account in accounts:
        assert not any(timelock.hasRole(role, account) for role in [*ROLES, ADMIN])
    with ape.reverts("access_control: account is missing role"):
        timelock.schedule(vault, 0, b"", ZERO32, ZERO32, TIMELOCK_DELAY, sender=bootstrap)


def test_update_delay__out_of_bounds_via_bootstrap__reverts(deploy_dao, bootstrap):
    """Even the timelock itself cannot set a delay outside [MIN_DELAY, MAX_DELAY]."""
    timelock, _ = deploy_dao(delay=0, bootstrap_account=bootstrap)
    payload = bytes(timelock.update_delay.encode_input(60))
    timelock.schedule(timelock, 0, payload, ZERO32, ZERO32, 0, sender=bootstrap)
    with ape.reverts("timelock: delay out of bounds"):
        timelock.execute(timelock, 0, payload, ZERO32, ZERO32, sender=bootstrap)


@pytest.mark.parametrize("delay", [3_600, 30 * 86_400])
def test_timelock__delay_at_each_bound__accepted_at_deployment_and_by_update(
    project, deployer, governor, deploy_dao, bootstrap, delay
):
    """The bounds are inclusive: an hour and 30 days are accepted by the constructor and by
    `update_delay`, and the published bounds say so."""
    timelock = project.Timelock.deploy(delay, governor, ZERO, sender=deployer)
    assert timelock.get_minimum_delay() == delay
    assert (timelock.MIN_DELAY(), timelock.MAX_DELAY()) == (3_600, 30 * 86_400)
    timelock, _ = deploy_dao(delay=0, bootstrap_account=bootstrap)
    payload = bytes(timelock.update_delay.encode_input(delay))
    timelock.schedule(timelock, 0, payload, ZERO32, ZERO32, 0, sender=bootstrap)
    timelock.execute(timelock, 0, payload, ZERO32, ZERO32, sender=bootstrap)
    assert timelock.get_minimum_delay() == delay


def test_update_delay__eoa__reverts(timelock, stranger):
    with ape.reverts("timelock: caller is not the timelock"):
        timelock.update_delay(TIMELOCK_DELAY, sender=stranger)


@pytest.mark.parametrize("delay,bootstrap_account", [(60, None), (30 * 86_400 + 1, None), (0, None)])
def test_timelock__delay_out_of_bounds__reverts(project, deployer, governor, delay, bootstrap_account):
    """Within [1 hour, 30 days]; zero only with a bootstrap account."""
    with ape.reverts("timelock: delay out of bounds"):
        project.Timelock.deploy(delay, governor, bootstrap_account or ZERO, sender=deployer)


def test_timelock__zero_governor_and_no_bootstrap__reverts(project, deployer):
    with ape.reverts("timelock: zero governor"):
        project.Timelock.deploy(TIMELOCK_DELAY, ZERO, ZERO, sender=deployer)


def test_timelock__bootstrap_without_governor__batch_grants_the_governor(
    project, deployer, bootstrap, governor
):
    """The CREATE2 path: the Governor's address depends on the timelock's, so the timelock is built
    without it and the bootstrap batch grants it the three roles (the timelock is its own admin)."""
    timelock = project.Timelock.deploy(0, ZERO, bootstrap, sender=deployer)
    calls = [bytes(timelock.grantRole.encode_input(role, governor)) for role in ROLES]
    calls.append(bytes(timelock.update_delay.encode_input(TIMELOCK_DELAY)))
    targets, values = [timelock.address] * len(calls), [0] * len(calls)
    timelock.schedule_batch(targets, values, calls, ZERO32, ZERO32, 0, sender=bootstrap)
    timelock.execute_batch(targets, values, calls, ZERO32, ZERO32, sender=bootstrap)
    for role in ROLES:
        timelock.renounceRole(role, bootstrap, sender=bootstrap)
        assert timelock.hasRole(role, governor) and not timelock.hasRole(role, bootstrap)


def test_timelock__bootstrap_is_governor__reverts(project, deployer, governor):
    with ape.reverts("timelock: bootstrap is the governor"):
        project.Timelock.deploy(TIMELOCK_DELAY, governor, governor, sender=deployer)
