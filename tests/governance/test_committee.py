"""Governor.add_member / remove_member: only the timelock, at most MAX_COMMITTEE seats, O(1)."""

import ape


def test_add_member__timelock__member(governor, as_timelock, stranger):
    tx = governor.add_member(stranger, sender=as_timelock)
    assert governor.is_member(stranger)
    assert governor.member_count() == 2
    assert tx.decode_logs(governor.MemberAdded)[0].account == stranger.address


def test_add_member__not_timelock__reverts(governor, member, stranger):
    """Members are added only by proposals; a member cannot co-opt another."""
    with ape.reverts("governor: caller is not the timelock"):
        governor.add_member(stranger, sender=member)


def test_add_member__zero__reverts(governor, as_timelock):
    with ape.reverts("governor: zero member"):
        governor.add_member("0x0000000000000000000000000000000000000000", sender=as_timelock)


def test_add_member__already__reverts(governor, as_timelock, member):
    with ape.reverts("governor: already a member"):
        governor.add_member(member, sender=as_timelock)


def test_add_member__twenty_one__reverts(governor, as_timelock):
    """MAX_COMMITTEE = 20 seats: the 21st member is refused."""
    assert governor.MAX_COMMITTEE() == 20
    for i in range(1, 20):
        governor.add_member(f"0x{i:040x}", sender=as_timelock)
    assert governor.member_count() == 20
    with ape.reverts("governor: committee full"):
        governor.add_member(f"0x{99:040x}", sender=as_timelock)


def test_remove_member__middle_seat__last_moves_in(governor, as_timelock, member):
    """Removal swaps the last member into the freed seat: O(1), the list stays dense."""
    first, last = f"0x{1:040x}", f"0x{2:040x}"
    governor.add_member(first, sender=as_timelock)
    governor.add_member(last, sender=as_timelock)
    tx = governor.remove_member(member, sender=as_timelock)
    assert [m.lower() for m in governor.members()] == [last, first]
    assert not governor.is_member(member) and governor.is_member(last)
    assert tx.decode_logs(governor.MemberRemoved)[0].account == member.address
    governor.remove_member(last, sender=as_timelock)
    assert [m.lower() for m in governor.members()] == [first]


def test_remove_member__not_member__reverts(governor, as_timelock, stranger):
    with ape.reverts("governor: not a member"):
        governor.remove_member(stranger, sender=as_timelock)


def test_remove_member__not_timelock__reverts(governor, member):
    with ape.reverts("governor: caller is not the timelock"):
        governor.remove_member(member, sender=member)
