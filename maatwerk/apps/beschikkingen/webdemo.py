"""``maatwerk demo`` hook (web-core calls ``<app>.webdemo.laad_demo()``): see :mod:`.demo`."""

from maatwerk.apps.beschikkingen.demo import laad_demo, vul_demo

__all__ = ["laad_demo", "vul_demo"]
