from . import test_commission_rules
from . import test_declaration_import_rules
from . import test_network_client
from . import test_agreement
from . import test_declaration
from . import test_settlement
from . import test_portal
from . import test_multilevel
