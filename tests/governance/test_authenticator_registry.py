"""AuthenticatorRegistry: owner adds nodes; a member opens a removal; yes * 100 > members at
opening * 51 removes the target; phases from timestamps."""

import ape
import pytest

from fivefold.governance import model_dao

ACTIVE, PASSED, REJECTED, EXECUTED = range(4)
WINDOW = 7 * 86_400


@pytest.fixture(scope="module")
def nodes(accounts):
    """Four authenticator nodes, by seat."""
    return [accounts[i] for i in (3, 4, 5, 6)]


@pytest.fixture(scope="module")
def registry(project, owner, nodes):
    registry = project.AuthenticatorRegistry.deploy(owner, sender=owner)
    for node in nodes:
        registry.add_member(node, sender=owner)
    return registry


def test_add_member__owner__seated(registry, owner, stranger):
    tx = registry.add_member(stranger, sender=owner)
    assert registry.is_member(stranger) and registry.member_count() == 5
    assert registry.members()[-1] == stranger.address
    assert tx.decode_logs(registry.MemberAdded)[0].account == stranger.address


def test_add_member__not_owner__reverts(registry, nodes, stranger):
    with ape.reverts("ownable: caller is not the owner"):
        registry.add_member(stranger, sender=nodes[0])


def test_add_member__zero_or_twice__reverts(registry, owner, nodes):
    with ape.reverts("authenticator_registry: zero member"):
        registry.add_member("0x0000000000000000000000000000000000000000", sender=owner)
    with ape.reverts("authenticator_registry: already a member"):
        registry.add_member(nodes[0], sender=owner)


def test_add_member__beyond_max__reverts_and_a_full_registry_removes_at_52_yes(
    project, owner, accounts, chain
):
    """MAX_MEMBERS = 100: the 101st member is refused. With all 100 seated, a removal is at the
    rule's only exact boundary (51 yes: 5,100 > 5,100 is false): 51 yes leave it active, the 52nd
    passes it. The members are plain addresses voting as impersonated senders."""
    registry = project.AuthenticatorRegistry.deploy(owner, sender=owner)
    members = [f"0x{0x1000 + i:040x}" for i in range(100)]
    for address in members:
        registry.add_member(address, sender=owner)
    with ape.reverts("authenticator_registry: registry full"):
        registry.add_member(f"0x{0x1000 + 100:040x}", sender=owner)
    voters = []
    for address in members[:52]:
        chain.set_balance(address, 10**18)
        voters.append(accounts[address])
    vote_id = registry.open_removal(members[-1], sender=voters[0]).return_value
    for voter in voters[1:51]:
        registry.vote(vote_id, sender=voter)
    assert (registry.removal_vote(vote_id).members_at_open, registry.removal_vote(vote_id).yes) == (100, 51)
    assert registry.state(vote_id) == ACTIVE
    registry.vote(vote_id, sender=voters[51])
    assert registry.state(vote_id) == PASSED


def test_constructor__zero_owner__reverts(project, owner):
    with ape.reverts("authenticator_registry: zero owner"):
        project.AuthenticatorRegistry.deploy("0x0000000000000000000000000000000000000000", sender=owner)


def test_open_removal__member__opener_counts_yes(registry, nodes):
    receipt = registry.open_removal(nodes[3], sender=nodes[0])
    vote_id = receipt.return_value
    info = registry.removal_vote(vote_id)
    assert (info.target, info.members_at_open, info.yes, info.executed) == (nodes[3].address, 4, 1, False)
    assert info.deadline == info.opened_at + WINDOW == receipt.timestamp + WINDOW
    assert registry.has_voted(vote_id, nodes[0]) and registry.state(vote_id) == ACTIVE
    assert registry.latest_vote_of(nodes[3]) == vote_id


def test_open_removal__reverts(registry, nodes, stranger):
    """Only a member, only against another member, one live vote per target."""
    with ape.reverts("authenticator_registry: caller is not a member"):
        registry.open_removal(nodes[0], sender=stranger)
    with ape.reverts("authenticator_registry: target is not a member"):
        registry.open_removal(stranger, sender=nodes[0])
    with ape.reverts("authenticator_registry: cannot target self"):
        registry.open_removal(nodes[0], sender=nodes[0])
    registry.open_removal(nodes[3], sender=nodes[0])
    with ape.reverts("authenticator_registry: removal already open"):
        registry.open_removal(nodes[3], sender=nodes[1])


def test_vote__rule_with_four_members__three_yes_pass(registry, nodes, stranger):
    """4 members: 2 yes (200 > 204? no) is not enough, 3 (300 > 204) is; anyone executes."""
    vote_id = registry.open_removal(nodes[3], sender=nodes[0]).return_value
    registry.vote(vote_id, sender=nodes[1])
    assert registry.state(vote_id) == ACTIVE
    with ape.reverts("authenticator_registry: removal not passed"):
        registry.execute(vote_id, sender=stranger)
    registry.vote(vote_id, sender=nodes[2])
    assert registry.state(vote_id) == PASSED
    with ape.reverts("authenticator_registry: vote not active"):
        registry.vote(vote_id, sender=nodes[3])
    tx = registry.execute(vote_id, sender=stranger)
    assert registry.state(vote_id) == EXECUTED and not registry.is_member(nodes[3])
    assert registry.member_count() == 3
    log = tx.decode_logs(registry.MemberRemoved)[0]
    assert (log.account, log.vote_id) == (nodes[3].address, vote_id)
    with ape.reverts("authenticator_registry: removal not passed"):
        registry.execute(vote_id, sender=stranger)


def test_vote__rule_with_three_members__two_yes_pass(registry, owner, nodes, stranger):
    """3 members: 2 yes (200 > 153) pass; and with 2 members both must say yes (200 > 102,
    100 is not)."""
    vote_id = registry.open_removal(nodes[3], sender=nodes[0]).return_value
    for voter in nodes[1:3]:
        registry.vote(vote_id, sender=voter)
    registry.execute(vote_id, sender=stranger)
    second = registry.open_removal(nodes[2], sender=nodes[0]).return_value
    registry.vote(second, sender=nodes[1])
    registry.execute(second, sender=stranger)
    assert registry.member_count() == 2
    third = registry.open_removal(nodes[1], sender=nodes[0]).return_value
    assert registry.state(third) == ACTIVE
    registry.vote(third, sender=nodes[1])
    assert registry.state(third) == PASSED
    assert [registry.PASS_NUMERATOR(), registry.PASS_DENOMINATOR()] == [51, 100]


def test_vote__twice__reverts(registry, nodes):
    """Attack: counting a ballot twice, the opener's or another member's."""
    vote_id = registry.open_removal(nodes[3], sender=nodes[0]).return_value
    with ape.reverts("authenticator_registry: already voted"):
        registry.vote(vote_id, sender=nodes[0])
    registry.vote(vote_id, sender=nodes[1])
    assert registry.has_voted(vote_id, nodes[1]) and registry.removal_vote(vote_id).yes == 2
    with ape.reverts("authenticator_registry: already voted"):
        registry.vote(vote_id, sender=nodes[1])


def test_execute__member_in_a_middle_seat__last_member_moves_into_it(registry, nodes, stranger):
    """Removing the second of four: the fourth takes its seat and stays a full member (it can open a
    removal), the seat list has no gap, and the removed node is out."""
    vote_id = registry.open_removal(nodes[1], sender=nodes[0]).return_value
    for voter in nodes[2:4]:
        registry.vote(vote_id, sender=voter)
    registry.execute(vote_id, sender=stranger)
    assert list(registry.members()) == [nodes[0].address, nodes[3].address, nodes[2].address]
    assert not registry.is_member(nodes[1]) and registry.is_member(nodes[3])
    # the moved member's seat is its new one: removing it in turn leaves the seats consistent
    second = registry.open_removal(nodes[3], sender=nodes[0]).return_value
    registry.vote(second, sender=nodes[2])
    registry.execute(second, sender=stranger)
    assert list(registry.members()) == [nodes[0].address, nodes[2].address]
    assert not registry.is_member(nodes[3]) and registry.is_member(nodes[2])


def test_vote__not_member_or_joined_later__reverts(registry, owner, nodes, stranger):
    """Only members counted at the opening vote."""
    vote_id = registry.open_removal(nodes[3], sender=nodes[0]).return_value
    with ape.reverts("authenticator_registry: caller is not a member"):
        registry.vote(vote_id, sender=stranger)
    registry.add_member(stranger, sender=owner)
    with ape.reverts("authenticator_registry: joined after opening"):
        registry.vote(vote_id, sender=stranger)


def test_vote__after_window__rejected(registry, nodes, chain):
    """The window's last second still counts; after it the vote is rejected and a new one may
    open."""
    receipt = registry.open_removal(nodes[3], sender=nodes[0])
    vote_id = receipt.return_value
    chain.pending_timestamp = receipt.timestamp + WINDOW
    registry.vote(vote_id, sender=nodes[1])
    chain.pending_timestamp = receipt.timestamp + WINDOW + 1
    with ape.reverts("authenticator_registry: vote not active"):
        registry.vote(vote_id, sender=nodes[2])
    assert registry.state(vote_id) == REJECTED
    assert registry.open_removal(nodes[3], sender=nodes[1]).return_value == vote_id + 1


def test_min_yes__model__matches_the_rule():
    """The documented counts: 2 members need 2 yes, 3 need 2, 4 need 3, 100 need 52."""
    assert [model_dao.min_yes(n) for n in (2, 3, 4, 100)] == [2, 2, 3, 52]
    for n in range(2, 101):
        assert model_dao.removal_passed(model_dao.min_yes(n), n)
        assert not model_dao.removal_passed(model_dao.min_yes(n) - 1, n)


def test_state__unknown__reverts(registry):
    with ape.reverts("authenticator_registry: unknown vote"):
        registry.state(7)
    with ape.reverts("authenticator_registry: unknown vote"):
        registry.removal_vote(7)


def test_removal_vote__odd_and_even_counts__every_packed_field_read_back(
    registry, owner, nodes, accounts, stranger
):
    """A vote's word packs its target, opening time, member count, yes count, executed flag and the
    opening serial: with five members and then with five again after one left (an odd and an even
    serial), each reads back as set, before and after execution; the event's deadline is the
    window's end."""
    for newcomer, target, voters in (
        (stranger, nodes[3], nodes[1:3]),
        (accounts[8], nodes[2], nodes[1:2] + [stranger]),
    ):
        registry.add_member(newcomer, sender=owner)
        receipt = registry.open_removal(target, sender=nodes[0])
        vote_id = receipt.return_value
        info = registry.removal_vote(vote_id)
        assert (info.target, info.opened_at, info.members_at_open, info.yes, info.executed) == (
            target.address,
            receipt.timestamp,
            5,
            1,
            False,
        )
        assert receipt.decode_logs(registry.RemovalOpened)[0].deadline == receipt.timestamp + WINDOW
        assert registry.state(vote_id) == ACTIVE
        for voter in voters:
            registry.vote(vote_id, sender=voter)
        registry.execute(vote_id, sender=stranger)
        info = registry.removal_vote(vote_id)
        assert (info.yes, info.executed, info.members_at_open) == (3, True, 5)
