"""Serves the assembled JupyterLab app with jupyterlab_server's LabServerApp on jupyter_server.

Usage: serve.py PORT TOKEN ROOT_DIR LABEXTENSIONS_DIR...  (Debian's /usr/bin/python3)
Everything Jupyter writes (settings, workspaces, runtime files) goes under ROOT_DIR/.jupyter-home,
so a test run never reads or changes the user's Jupyter setup.
"""
import os
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
port, token, root, *labextensions = sys.argv[1:]
home = Path(root) / ".jupyter-home"
for name in ("config", "data", "runtime", "settings", "workspaces"):
    (home / name).mkdir(parents=True, exist_ok=True)
os.environ.update(
    JUPYTER_CONFIG_DIR=str(home / "config"),
    JUPYTER_DATA_DIR=str(home / "data"),
    JUPYTER_RUNTIME_DIR=str(home / "runtime"),
    JUPYTER_PLATFORM_DIRS="1",
)

# No "Jupyter news?" prompt over the notebook in the screenshots.
(home / "settings" / "page_config.json").write_text('{"disabledExtensions": ["@jupyterlab/apputils-extension:announcements"]}')

from jupyterlab_server import LabServerApp  # noqa: E402  (after the environment is set)

build = here / "build"
argv = [
    "--ServerApp.ip=127.0.0.1",
    f"--ServerApp.port={port}",
    "--ServerApp.port_retries=0",
    "--ServerApp.open_browser=False",
    "--ServerApp.allow_root=True",
    f"--ServerApp.token={token}",
    f"--ServerApp.root_dir={root}",
    f"--LabServerApp.static_dir={build / 'static'}",
    f"--LabServerApp.templates_dir={here / 'templates'}",
    f"--LabServerApp.schemas_dir={build / 'schemas'}",
    f"--LabServerApp.themes_dir={build / 'themes'}",
    f"--LabServerApp.app_settings_dir={home / 'settings'}",
    f"--LabServerApp.user_settings_dir={home / 'settings'}",
    f"--LabServerApp.workspaces_dir={home / 'workspaces'}",
] + [f"--LabServerApp.labextensions_path={p}" for p in labextensions]
LabServerApp.launch_instance(argv=argv)
