"""``maatwerk demo`` hook (web-core calls ``<app>.webdemo.laad_demo()``): see :mod:`.demo`."""

from maatwerk.apps.besluiten.demo import laad_demo, vul_demo

__all__ = ["laad_demo", "vul_demo"]
