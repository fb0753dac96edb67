"""The Collab JupyterLab extension: a prebuilt (federated) labextension, no server part."""

__version__ = "0.1.0"


def _jupyter_labextension_paths():
    # Where `jupyter labextension develop` links from; a wheel installs the same folder into
    # share/jupyter/labextensions/jupyterlab-collab (see pyproject.toml).
    return [{"src": "labextension", "dest": "jupyterlab-collab"}]
