# The petition fixtures, for the figures that read signatures.
from tests.petitions.conftest import amsterdam, module_petition, new_signature, petition  # noqa: F401
