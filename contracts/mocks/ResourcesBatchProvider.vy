# pragma version ~=0.4.3
"""
@title Test helper: many distinct resource providers in one transaction
@custom:contract-name ResourcesBatchProvider
@license GNU Affero General Public License v3.0 only
@notice Gas bench only (`resources.prove.1000providers`). Each provider is
        a real, distinct account: a minimal proxy of
        `ResourcesProviderAccount` that receives its HPC and registers
        through the ordinary `register`. The batch only saves
        transactions, not work.
"""


from ethereum.ercs import IERC20


interface IAccount:
    def register(
        token: address, market: address, kind: uint256, capacity: uint256, price: uint256, stake: uint256
    ): nonpayable


MAX_BATCH: constant(uint256) = 500

# @dev The account implementation proxies point at.
implementation: public(immutable(address))
# @dev Providers created so far.
created: public(uint256)


@deploy
def __init__(implementation_: address):
    """
    @dev Fixes the account implementation.
    @param implementation_ A deployed `ResourcesProviderAccount`.
    """
    implementation = implementation_


@external
def register_many(
    count: uint256, token: address, market: address, kind: uint256, capacity: uint256, price: uint256, stake: uint256
):
    """
    @dev Creates `count` providers, each registering the same offer; this
         contract must hold count x stake.
    @param count How many providers.
    @param token HPC.
    @param market The ResourceMarket.
    @param kind Each offer's kind.
    @param capacity Each offer's capacity.
    @param price Each offer's price.
    @param stake Each offer's stake.
    """
    for i: uint256 in range(count, bound=MAX_BATCH):
        account: address = create_minimal_proxy_to(implementation)
        extcall IERC20(token).transfer(account, stake)
        extcall IAccount(account).register(token, market, kind, capacity, price, stake)
    self.created += count
