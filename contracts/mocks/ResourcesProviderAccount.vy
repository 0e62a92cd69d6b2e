# pragma version ~=0.4.3
"""
@title Test helper: one resource provider behind a minimal proxy
@custom:contract-name ResourcesProviderAccount
@license GNU Affero General Public License v3.0 only
@notice Gas bench only; see ResourcesBatchProvider.
"""


from ethereum.ercs import IERC20
from interfaces import IResourceMarket


@external
def register(token: address, market: address, kind: uint256, capacity: uint256, price: uint256, stake: uint256):
    """
    @dev Registers an offer staked with `stake` of `token`, which this account already holds.
    @param token HPC.
    @param market The ResourceMarket.
    @param kind The offer's kind.
    @param capacity Its capacity.
    @param price Its price.
    @param stake Its stake.
    """
    extcall IERC20(token).approve(market, stake)
    extcall IResourceMarket(market).register(kind, capacity, price, stake)
