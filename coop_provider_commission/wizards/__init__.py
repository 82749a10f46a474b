from . import coop_network_departure_wizard
from . import coop_declaration_import_wizard
from . import coop_commission_settle_wizard
