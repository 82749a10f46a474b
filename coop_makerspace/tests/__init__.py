from . import test_click_everywhere
