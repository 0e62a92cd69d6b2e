"""AuthenticatorRegistry's join serials past bit 31: the vote word keeps `serial_at_open` in 32 bits
(constants.MASK_32), so a member who joined before the vote opened may vote, one who joined after
may not, at serials from 2**31 up (the survivor `MASK_32 = 2**31 - 1` of mutation testing). A serial
grows by one per member added, so the counter is written in storage: hours of transactions
otherwise."""

import ape

from tests.tests_support import set_storage_word, storage_word, write_slot_holding

SERIAL = 2**31  # the first serial with the field's top bit set


def test_vote__serials_from_bit_31__earlier_member_votes_later_one_refused(project, owner, accounts, chain):
    registry = project.AuthenticatorRegistry.deploy(owner, sender=owner)
    opener, early, target, late, *others = (accounts[i] for i in (3, 4, 5, 6, 7, 8))
    registry.add_member(opener, sender=owner)  # serial 0
    # member_count's slot, found through its view; `_serial_of` (a mapping) and `_next_serial` follow
    count_slot = write_slot_holding(chain, registry, registry.member_count, 7)
    set_storage_word(chain, registry, count_slot, 1)
    serial_slot = count_slot + 2
    assert storage_word(chain, registry, serial_slot) == 1
    set_storage_word(chain, registry, serial_slot, SERIAL)
    registry.add_member(early, sender=owner)  # serial 2**31
    registry.add_member(target, sender=owner)  # serial 2**31 + 1
    for other in others:  # five members at open: two yes (200 > 5 * 51 is false) leave it active
        registry.add_member(other, sender=owner)
    vote_id = registry.open_removal(target, sender=opener).return_value  # serial at open: 2**31 + 4
    registry.add_member(late, sender=owner)  # serial 2**31 + 4: joined after opening
    # the word written is the contract's own counter: five members added from it
    assert storage_word(chain, registry, serial_slot) == SERIAL + 5

    tx = registry.vote(vote_id, sender=early)
    assert [(e.voter, e.yes) for e in tx.events.filter(registry.RemovalVoted)] == [(early.address, 2)]
    assert registry.has_voted(vote_id, early)
    with ape.reverts("authenticator_registry: joined after opening"):
        registry.vote(vote_id, sender=late)
