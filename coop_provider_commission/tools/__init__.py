from . import commission
from . import declaration_import
from . import security
from . import satisfaction
