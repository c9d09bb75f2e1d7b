"""Hypothesis settings for the whole suite.

By default the property tests are derandomized: every run (and CI) tries the
same random procedures, so a red build reproduces exactly.  To explore new
cases on a developer's machine::

    HYPOTHESIS_PROFILE=explore FLOWGEN_PROPERTY_SCALE=10 pytest -k random
"""

import os

from hypothesis import Phase, settings

settings.register_profile("default-derandomized", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.register_profile("noshrink", derandomize=True, database=None, phases=[Phase.explicit, Phase.generate])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default-derandomized"))
