from . import coop_spreadsheet_import_mixin
