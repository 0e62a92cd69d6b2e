# pragma version ~=0.4.3
"""
@title Gas reference: snekmate's stock erc20, all of its interface exported
@custom:contract-name SnekmateERC20
@license GNU Affero General Public License v3.0 only
@notice Not deployed anywhere. `ape run gas` measures it beside
        `CappedToken` so token targets compare like with like.
"""

from snekmate.auth import ownable
from snekmate.tokens import erc20

initializes: ownable
initializes: erc20[ownable := ownable]

exports: erc20.__interface__


@deploy
def __init__(name_: String[25], symbol_: String[5], name_eip712_: String[50], version_eip712_: String[20]):
    ownable.__init__()
    erc20.__init__(name_, symbol_, 18, name_eip712_, version_eip712_)
