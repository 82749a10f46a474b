from . import report_wallet_statement
