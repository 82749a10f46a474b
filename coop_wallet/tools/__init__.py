from . import wallet_rules
