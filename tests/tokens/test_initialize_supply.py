import ape

from fivefold import units
from fivefold.emission import model as emission
from tests.tests_support import ZERO


def test_initialize_supply__allocations__minted_and_closed(capped, owner, holder, treasury):
    """The initial distribution mints each allocation, up to the cap, and closes the initial mint."""
    capped.initialize_supply([holder, treasury], [units.to_wei(300), units.to_wei(700)], sender=owner)
    assert capped.balanceOf(holder) == units.to_wei(300)
    assert capped.balanceOf(treasury) == units.to_wei(700)
    assert capped.totalSupply() == capped.cap()
    assert capped.initial_supply_closed()


def test_initialize_supply__emits_total(capped, owner, holder):
    """`SupplyInitialized` carries the total the distribution minted."""
    tx = capped.initialize_supply([holder], [units.to_wei(5)], sender=owner)
    assert [e.total for e in tx.events.filter(capped.SupplyInitialized)] == [units.to_wei(5)]


def test_initialize_supply__second_call__reverts(capped, owner, holder):
    """The initializer runs once."""
    capped.initialize_supply([holder], [1], sender=owner)
    with ape.reverts("capped_token: initial supply closed"):
        capped.initialize_supply([holder], [1], sender=owner)


def test_initialize_supply__after_close__reverts(capped, owner, holder):
    """Once deployment closed the initial mint (no distribution on this chain), it stays closed."""
    capped.close_initial_supply(sender=owner)
    with ape.reverts("capped_token: initial supply closed"):
        capped.initialize_supply([holder], [1], sender=owner)


def test_initialize_supply__after_minter_granted__reverts(capped, owner, minter_contract, holder):
    """Granting a minter closes the initial mint, so the initializer can never follow another mint."""
    capped.set_minter(minter_contract, True, sender=owner)
    with ape.reverts("capped_token: initial supply closed"):
        capped.initialize_supply([holder], [1], sender=owner)


def test_initialize_supply__non_owner__reverts(capped, non_owner, holder):
    """Only the owner distributes the initial supply."""
    with ape.reverts("ownable: caller is not the owner"):
        capped.initialize_supply([holder], [1], sender=non_owner)


def test_initialize_supply__over_cap__reverts(capped, owner, holder, treasury):
    """The distribution cannot exceed the cap, by one wei."""
    with ape.reverts("capped_token: cap exceeded"):
        capped.initialize_supply([holder, treasury], [units.to_wei(500), units.to_wei(500) + 1], sender=owner)


def test_initialize_supply__length_mismatch__reverts(capped, owner, holder):
    """Recipients and amounts pair up one to one."""
    with ape.reverts("capped_token: length mismatch"):
        capped.initialize_supply([holder], [1, 2], sender=owner)


def test_initialize_supply__empty__reverts(capped, owner):
    """An empty distribution is refused: closing without minting is `close_initial_supply`."""
    with ape.reverts("capped_token: empty allocation"):
        capped.initialize_supply([], [], sender=owner)


def test_initialize_supply__zero_amount__reverts(capped, owner, holder):
    """Every allocation mints something."""
    with ape.reverts("capped_token: zero amount"):
        capped.initialize_supply([holder], [0], sender=owner)


def test_initialize_supply__zero_recipient__reverts(capped, owner):
    """The zero address is refused with the token's own reason."""
    with ape.reverts("capped_token: zero recipient"):
        capped.initialize_supply([ZERO], [1], sender=owner)


def test_close_initial_supply__open__closes_without_minting(capped, owner):
    """Closing mints nothing and logs a zero total."""
    tx = capped.close_initial_supply(sender=owner)
    assert capped.initial_supply_closed()
    assert capped.totalSupply() == 0
    assert [e.total for e in tx.events.filter(capped.SupplyInitialized)] == [0]


def test_close_initial_supply__already_closed__reverts(capped, owner, holder):
    """A closed initial mint cannot be closed again (the call would hide a wrong assumption)."""
    capped.initialize_supply([holder], [1], sender=owner)
    with ape.reverts("capped_token: initial supply closed"):
        capped.close_initial_supply(sender=owner)


def test_close_initial_supply__non_owner__reverts(capped, non_owner):
    """Only the owner closes the initial mint."""
    with ape.reverts("ownable: caller is not the owner"):
        capped.close_initial_supply(sender=non_owner)


def test_set_minter__initial_supply_open__closes_it(capped, owner, minter_contract):
    """The first minter grant closes the initial mint (and says so in the log)."""
    tx = capped.set_minter(minter_contract, True, sender=owner)
    assert capped.initial_supply_closed()
    assert [e.total for e in tx.events.filter(capped.SupplyInitialized)] == [0]
    tx = capped.set_minter(minter_contract, False, sender=owner)
    assert list(tx.events.filter(capped.SupplyInitialized)) == []


def test_attack__owner_mints_cap_after_emission_started__refused(
    project, create_token, owner, treasury, chain
):
    """Review finding (issue 9.1): on HPC, after emission started, the owner used to mint the rest of
    the cap to itself with `initialize_supply`, an EOA minting and the emitter bricked by "cap
    exceeded". The emitter's minter grant closed the initial mint, so the owner is refused."""
    hpc = emission.HPC
    token = create_token(name="Smart HPC", symbol="HPC", cap=hpc.cap)
    emitter = project.HalvingEmitter.deploy(*hpc.args(token, owner), sender=owner)
    token.set_minter(emitter, True, sender=owner)
    t0 = chain.pending_timestamp + 10
    emitter.start(t0, treasury, sender=owner)
    chain.pending_timestamp = t0 + 86_400
    emitter.mint(sender=treasury)
    with ape.reverts("capped_token: initial supply closed"):
        token.initialize_supply([owner], [token.cap() - token.totalSupply()], sender=owner)
    assert token.balanceOf(owner) == 0
    minted = emitter.minted()
    chain.pending_timestamp = t0 + 2 * 86_400
    emitter.mint(sender=treasury)
    assert emitter.minted() > minted
    assert token.totalSupply() == emitter.minted()


def test_attack__owner_mints_off_home_chain_after_deployment__refused(capped, owner):
    """Review finding (issue 9.1): off its home chain a token's initial mint stayed open, so the owner
    could create supply there outside the one-supply-across-chains rule. Deployment closes it with
    `close_initial_supply` and the owner is refused from then on."""
    capped.close_initial_supply(sender=owner)
    with ape.reverts("capped_token: initial supply closed"):
        capped.initialize_supply([owner], [capped.cap()], sender=owner)
    assert capped.totalSupply() == 0
