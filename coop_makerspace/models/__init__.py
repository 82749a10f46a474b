from . import res_company_projects
from . import res_config_settings_projects
from . import coop_makerspace_licence
from . import project_project_labelled
from . import project_project_steps
from . import coop_makerspace_project_report
