# pragma version ~=0.4.3
"""
@title Mock USDT: 6-decimal ERC-20 with an open mint, for local chains only
@custom:contract-name MockStablecoin
@license GNU Affero General Public License v3.0 only
@notice Stands in for USDT on local anvil chains (the demo and tests):
        snekmate's erc20 with 6 decimals, plus `faucet`, which lets
        anyone mint. Deploy configuration only deploys it where the
        chain config says `local: true`; on live chains the payouts
        use the chain's real USDT.
@custom:security Anyone can mint: never deploy on a live chain.
"""

from . import mock_erc20

initializes: mock_erc20

exports: mock_erc20.__interface__


@deploy
def __init__():
    """
    @dev A 6-decimal "Tether USD (mock)" with no supply.
    """
    mock_erc20.__init__("Tether USD (mock)", "USDT", 6)


@external
def faucet(to: address, amount: uint256):
    """
    @dev Mints `amount` to `to`; open to anyone (local chains only).
    @param to The recipient.
    @param amount The amount, in units of 10**-6.
    """
    mock_erc20.erc20._mint(to, amount)
