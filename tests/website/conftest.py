import pytest

# The home and about pages are built once per test module here (see `module_db` in tests/conftest.py).


@pytest.fixture
def home(module_home, fresh):
    return fresh(module_home)


@pytest.fixture
def about(module_about, fresh):
    return fresh(module_about)
