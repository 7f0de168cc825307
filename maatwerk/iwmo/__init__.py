"""iWmo 3.2 for maatwerk, pure Python (no Django): read, validate in four levels, build retour messages.

- :mod:`maatwerk.iwmo.berichten`: message types (BerichtCode, namespace, XSD, berichtklassen);
- :mod:`maatwerk.iwmo.lezen`: streaming read + XSD (level 1); :class:`~maatwerk.iwmo.lezen.Onleesbaar`;
- :mod:`maatwerk.iwmo.valideer`: levels 2-4 (:mod:`maatwerk.iwmo.controles`), rules from
  :mod:`maatwerk.iwmo.catalogus` (``maatwerk/regels/iwmo/validatie``);
- :mod:`maatwerk.iwmo.geschiedenis`: the history protocol level 3 asks (the Django side implements it);
- :mod:`maatwerk.iwmo.retour`: WMO302/306/308/316/318/320 and WMO325;
- :mod:`maatwerk.iwmo.codes`: code lists and the gemeente's products;
- ``xsd/officieel`` (iWmo 3.2, unchanged) and ``xsd/afgeleid`` (retour XSDs derived from iJw 3.2).
"""
