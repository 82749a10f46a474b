from . import test_tools
from . import test_gateway
from . import test_flow
from . import test_e2e_mail_path
from . import test_security_gateway
from . import test_security_rpc
from . import test_click_everywhere
from . import test_settings
