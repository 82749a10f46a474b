from . import coop_wallet_wizard_mixin
from . import coop_wallet_manager_wizard_mixin
from . import coop_wallet_topup
from . import coop_wallet_transfer
from . import coop_wallet_invoice_payment
from . import coop_wallet_adjustment
