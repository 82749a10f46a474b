from . import test_wallet_rules
from . import test_wallet_ledger
from . import test_wallet_pos
from . import test_wallet_concurrency
from . import test_wallet_tour
from . import test_wallet_portal
from . import test_security_portal
from . import test_security_wizards
