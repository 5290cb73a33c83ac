# SPDX-License-Identifier: GPL-3.0-or-later
"""What the corpus generators that drive LibreOffice through UNO share:
property values and the connection to a headless soffice that listens on
a named pipe (soffice --headless --accept="pipe,name=PIPE;urp;")."""
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe, prog):
    """The component context of the soffice on pipe; prog names the
    caller in the message when none listens within 30 s."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
    for _ in range(60):     # soffice takes a few seconds to listen
        try:
            return resolver.resolve(url)
        except Exception:
            time.sleep(0.5)
    sys.exit("%s: no LibreOffice listening on pipe %s" % (prog, pipe))
