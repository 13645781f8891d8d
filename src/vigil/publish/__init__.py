"""Publication: the published part of the registry as a static website and open data.

    report = publish("vigil.db", Path("site"))   # site/index.html, site/data/...

Everything passes the privacy policy (`vigil.privacy`): people who may be alive appear in no
page, index, file or count. See `run.py` for the steps and `urls.py` for the site's layout.
"""

from vigil.publish.run import PublishError, Report, publish

__all__ = ["PublishError", "Report", "publish"]
