"""The gemeente as organisation: its contact details on letters and its iWmo product codes, dated versions
a functioneel beheerder records in the admin on top of the rules YAML (issue 10, point 13)."""
