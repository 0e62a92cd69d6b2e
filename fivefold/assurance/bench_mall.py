"""NFT mall row: the suite's NftMall buy (fivefold/nft/bench_mall.py's `mall.buy`) beside
OpenZeppelin's ERC-721 moving one token (bench/references/BenchERC721.sol), the part of a purchase
every marketplace pays: the ratio is what the mall's order check, fill record and payments add.

Both collections in the same state: the seller (user 0) holds tokens 1-3 and approved an operator
for all of them (the mall; on the reference side an account standing for a marketplace), the buyer
(user 1) already holds one token of the collection. The mall's buy also checks the seller's
EIP-712 order signature, marks it filled, moves the NFT with safeTransferFrom and pushes the 5%
ERC-2981 royalty and 95% to the seller in the native coin; the reference only moves the NFT.
"""

from fivefold.assurance import build_bench
from fivefold.assurance.bench import comparison
from fivefold.gas import Bench


@comparison(
    "mall.buy.openzeppelin_erc721",
    operation="NFT mall buy vs an ERC-721 transfer",
    condition="token 1 from a seller holding three to a buyer holding one, sent by the operator the "
    "seller approved for all; the mall's buy also checks the signed order and pays royalty and seller",
    suite="mall.buy",
    reference="OpenZeppelin ERC721 transferFrom",
)
def openzeppelin_erc721(b: Bench):
    nft = build_bench.compiled("BenchERC721").deploy(sender=b.deployer)
    for token_id in (1, 2, 3):
        nft.mint(b.user(0), token_id, sender=b.deployer)
    nft.mint(b.user(1), 4, sender=b.deployer)
    operator = b.user(4)
    nft.setApprovalForAll(operator, True, sender=b.user(0))
    return nft.transferFrom(b.user(0), b.user(1), 1, sender=operator)
