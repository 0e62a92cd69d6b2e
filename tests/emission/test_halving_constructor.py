"""HalvingEmitter constructor: the schedule is fixed at deployment, with every bad argument refused."""

import ape
import pytest

from fivefold.emission import model as emission

ZERO = "0x0000000000000000000000000000000000000000"


def test_constructor__hpc_arguments__schedule_and_owner_set(hpc, owner):
    token, emitter = hpc
    assert emitter.token() == token.address
    assert emitter.cap() == emission.HPC.cap
    assert emitter.era_length() == emission.HPC.era_length == 126_230_400
    assert emitter.n_eras() == emission.HPC.n_eras
    assert emitter.owner() == owner
    assert emitter.start_time() == 0
    assert emitter.recipient() == ZERO
    assert emitter.minted() == 0
    assert emitter.end_time() == 0


def test_constructor__bounds__equal_the_mirror(hpc):
    _, emitter = hpc
    assert emitter.MAX_ERAS() == emission.MAX_ERAS
    assert emitter.MAX_ERA_LENGTH() == emission.MAX_ERA_LENGTH
    assert emitter.MAX_CAP() == emission.MAX_CAP
    assert emitter.MAX_START_DELAY() == emission.MAX_START_DELAY


@pytest.mark.parametrize(
    "change, reason",
    [
        (dict(token=ZERO), "halving_emitter: zero token"),
        (dict(owner=ZERO), "halving_emitter: zero owner"),
        (dict(cap=0), "halving_emitter: zero cap"),
        (dict(era_length=0), "halving_emitter: zero era length"),
        (dict(era_length=emission.MAX_ERA_LENGTH + 1), "halving_emitter: era too long"),
        (dict(n_eras=0), "halving_emitter: zero eras"),
        (dict(n_eras=emission.MAX_ERAS + 1), "halving_emitter: too many eras"),
        (dict(cap=emission.HPC.cap + 1), "halving_emitter: cap above token cap"),
        (dict(token="eoa"), "halving_emitter: token is not a contract"),
    ],
)
def test_constructor__bad_argument__reverts(project, hpc, deployer, owner, stranger, change, reason):
    token, _ = hpc
    args = dict(
        token=token.address, cap=emission.HPC.cap, era_length=emission.HPC.era_length, n_eras=32, owner=owner
    )
    args.update(change)
    if args["token"] == "eoa":
        args["token"] = stranger.address
    with ape.reverts(reason):
        project.HalvingEmitter.deploy(*args.values(), sender=deployer)


# The largest cap a CappedToken takes (its supply and bridged_out share a word): below MAX_CAP.
TOKEN_MAX_CAP = 2**128 - 1


def test_constructor__cap_above_max__reverts(project, create_token, deployer, owner):
    token = create_token(cap=TOKEN_MAX_CAP)
    with ape.reverts("halving_emitter: cap too large"):
        project.HalvingEmitter.deploy(token, emission.MAX_CAP + 1, 100, 4, owner, sender=deployer)


def test_constructor__cap_exactly_max__passes_the_bound_then_refused_by_the_token_cap(
    project, create_token, deployer, owner
):
    """MAX_CAP (2**128) itself is within the emitter's bound; no token can have it (a token's cap is
    below 2**128), so the token-cap check is what refuses it (mutation testing: `<=` kept)."""
    token = create_token(cap=TOKEN_MAX_CAP)
    with ape.reverts("halving_emitter: cap above token cap"):
        project.HalvingEmitter.deploy(token, emission.MAX_CAP, 100, 4, owner, sender=deployer)


def test_constructor__max_bounds__accepted(project, create_token, deployer, owner):
    """The era bounds at their maximum, with the largest cap a token can have (MAX_CAP itself
    would need a token above 128 bits)."""
    token = create_token(cap=TOKEN_MAX_CAP)
    emitter = project.HalvingEmitter.deploy(
        token, TOKEN_MAX_CAP, emission.MAX_ERA_LENGTH, emission.MAX_ERAS, owner, sender=deployer
    )
    assert emitter.n_eras() == emission.MAX_ERAS


def test_constructor__cap_below_token_cap__accepted(project, create_token, deployer, owner):
    """An emitter may emit part of a token's cap (the rest minted otherwise)."""
    token = create_token(cap=1_000 * 10**18)
    emitter = project.HalvingEmitter.deploy(token, 600 * 10**18, 86_400, 3, owner, sender=deployer)
    assert emitter.cap() == 600 * 10**18
