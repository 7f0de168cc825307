"""The endpoints of ``/api/v1``: parse, call a service or an audited selector, present. Nothing else."""
