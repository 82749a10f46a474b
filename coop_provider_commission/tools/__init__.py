from . import commission
from . import declaration_import
from . import params
from . import security
from . import satisfaction
