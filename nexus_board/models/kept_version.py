"""Versions kept with the data: a number that moves with every commit that writes the tables
some value is computed from, so a process may keep the value under it and check it in SQL."""

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class KeptVersion(db.Model):
    __tablename__ = "kept_versions"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)  # what it versions
    version: Mapped[int] = mapped_column(Integer, default=0)
