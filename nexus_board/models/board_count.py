"""How many contracts the public board shows in each status, kept with the data.

Counting them read every contract's index entry (1.2–1.8 ms at 10,000 on PostgreSQL, on every
uncached board and hub); one row per status is read instead. `board/kept_counts.py` recounts
them in every transaction that writes contracts, just before it commits.
"""

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .contract import ContractStatus
from .user import str_enum


class BoardCount(db.Model):
    __tablename__ = "board_counts"

    # Its own constraint name: the contracts' CHECK is already called contract_status.
    status: Mapped[ContractStatus] = mapped_column(
        str_enum(ContractStatus, "board_count_status"), primary_key=True
    )
    contracts: Mapped[int] = mapped_column(Integer, default=0)  # shown and published
