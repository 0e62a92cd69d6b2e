"""stake_nft / unstake_nft: vote weight per listed collection, recorded at staking time."""

import ape

from tests.governance.staking.conftest import NFT_WEIGHT


def test_stake_nft__unlisted_collection__reverts(staking, project, deployer, staker):
    """An NFT of a collection governance did not list carries no weight and is refused."""
    other = project.MockCollection.deploy(sender=deployer)
    other.mint(staker, 1, sender=deployer)
    with ape.reverts("staking: collection not listed"):
        staking.stake_nft(other, 1, sender=staker)


def test_stake_nft__listed__adds_weight_and_holds_the_nft(staking, collection, staker):
    """The NFT moves in; its weight is recorded and counts as votes, not as income shares."""
    tx = staking.stake_nft(collection, 1, sender=staker)
    assert collection.ownerOf(1) == staking.address
    assert staking.nft_stake(collection, 1) == (staker, NFT_WEIGHT)
    assert (staking.getVotes(staker), staking.staked(staker)) == (NFT_WEIGHT, 0)
    assert staking.total_extra_weight() == NFT_WEIGHT
    events = [(e.account, e.collection, e.token_id, e.weight) for e in tx.events.filter(staking.NftStaked)]
    assert events == [(staker, collection.address, 1, NFT_WEIGHT)]


def test_unstake_nft__not_the_staker__reverts(staking, collection, staker, second_staker):
    """Only the account that staked an NFT takes it back."""
    staking.stake_nft(collection, 1, sender=staker)
    with ape.reverts("staking: not the staker"):
        staking.unstake_nft(collection, 1, sender=second_staker)


def test_unstake_nft__staker__returns_nft_and_removes_weight(staking, collection, staker):
    """The NFT goes back and the votes fall by its weight."""
    staking.stake_nft(collection, 1, sender=staker)
    tx = staking.unstake_nft(collection, 1, sender=staker)
    assert collection.ownerOf(1) == staker.address
    assert staking.nft_stake(collection, 1)[0] == "0x0000000000000000000000000000000000000000"
    assert (staking.getVotes(staker), staking.total_extra_weight()) == (0, 0)
    assert len(list(tx.events.filter(staking.NftUnstaked))) == 1


def test_unstake_nft__weight_changed_since__removes_the_recorded_weight(staking, collection, staker, owner):
    """A weight change (even delisting) never breaks unstaking: the recorded weight comes off."""
    staking.stake_nft(collection, 1, sender=staker)
    staking.set_collection_weight(collection, 3 * NFT_WEIGHT, sender=owner)
    staking.stake_nft(collection, 2, sender=staker)
    staking.set_collection_weight(collection, 0, sender=owner)
    staking.unstake_nft(collection, 1, sender=staker)
    assert staking.getVotes(staker) == 3 * NFT_WEIGHT
    staking.unstake_nft(collection, 2, sender=staker)
    assert staking.getVotes(staker) == 0
