// Starts JupyterLab with the core plugins this test app bundles plus the federated extensions'
// plugins (PageConfig `federated_extensions`), the way JupyterLab's own application does.
import { PageConfig } from '@jupyterlab/coreutils'
import { IConnectionStatus, IServiceManager } from '@jupyterlab/services'
import { PluginRegistry } from '@lumino/coreutils'
import { JupyterLab } from '@jupyterlab/application'
import './build/style.js'

/** The core extensions, imported lazily so their modules resolve through the shared scope. */
const core = [
  () => import('@jupyterlab/application-extension'),
  () => import('@jupyterlab/apputils-extension'),
  () => import('@jupyterlab/codemirror-extension'),
  () => import('@jupyterlab/completer-extension'),
  () => import('@jupyterlab/docmanager-extension'),
  () => import('@jupyterlab/documentsearch-extension'),
  () => import('@jupyterlab/filebrowser-extension'),
  () => import('@jupyterlab/launcher-extension'),
  () => import('@jupyterlab/mainmenu-extension'),
  () => import('@jupyterlab/markedparser-extension'),
  () => import('@jupyterlab/notebook-extension'),
  () => import('@jupyterlab/rendermime-extension'),
  () => import('@jupyterlab/running-extension'),
  () => import('@jupyterlab/services-extension'),
  () => import('@jupyterlab/shortcuts-extension'),
  () => import('@jupyterlab/statusbar-extension'),
  () => import('@jupyterlab/theme-light-extension'),
  () => import('@jupyterlab/translation-extension'),
  () => import('@jupyterlab/ui-components-extension'),
  () => import('@jupyterlab/workspaces-extension')
]

function pluginsOf (module) {
  const exported = module.default ?? module
  return Array.isArray(exported) ? exported : [exported]
}

async function federatedModule (scope, name) {
  const factory = await window._JUPYTERLAB[scope].get(name)
  return factory()
}

export async function main () {
  const disabled = id => PageConfig.Extension.isDisabled(id)
  const plugins = []
  for (const load of core) plugins.push(...pluginsOf(await load()))

  const mimeExtensions = []
  for (const ext of JSON.parse(PageConfig.getOption('federated_extensions') || '[]')) {
    try {
      if (ext.extension) plugins.push(...pluginsOf(await federatedModule(ext.name, ext.extension)))
      if (ext.mimeExtension) mimeExtensions.push(...pluginsOf(await federatedModule(ext.name, ext.mimeExtension)))
      if (ext.style) await federatedModule(ext.name, ext.style)
    } catch (error) {
      console.error(`Could not load the extension ${ext.name}`, error)
    }
  }

  const pluginRegistry = new PluginRegistry()
  pluginRegistry.registerPlugins(plugins.filter(p => !disabled(p.id)))
  const lab = new JupyterLab({
    pluginRegistry,
    serviceManager: await pluginRegistry.resolveRequiredService(IServiceManager),
    connectionStatus: await pluginRegistry.resolveOptionalService(IConnectionStatus),
    mimeExtensions: mimeExtensions.filter(p => !disabled(p.id))
  })
  await lab.start({ bubblingKeydown: true })
  // The browser tests drive and inspect the app through this handle.
  window.jupyterapp = lab
}
