import { ILabShell, type JupyterFrontEnd, type JupyterFrontEndPlugin } from '@jupyterlab/application'
import { ICommandPalette, Notification } from '@jupyterlab/apputils'
import { IEditorExtensionRegistry } from '@jupyterlab/codemirror'
import { IDocumentManager } from '@jupyterlab/docmanager'
import { IFileBrowserFactory } from '@jupyterlab/filebrowser'
import { INotebookTracker, type NotebookPanel } from '@jupyterlab/notebook'
import { CollabDrive, driveName } from './collab-drive'
import { executorPlugin } from './collab-executor'
import { CollabPanel } from './collab-panel'
import { collabRooms } from './collab-rooms'
import { CollabSession } from './collab-session'
import { KernelStatus } from './kernel-status'
import { remoteCursorsExtension } from './remote-cursors'
import { followRole } from './viewer-mode'

/**
 * Registers the `Collab:` drive (notebooks opened from it are live Collab rooms), the Collab side
 * panel (projects, presence, chat, copilot) and the "Collab: Open notebook" command.
 */
const plugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-collab:plugin',
  description: 'Open Collab notebooks live in JupyterLab, with presence, project chat and the copilot.',
  autoStart: true,
  requires: [IDocumentManager, ILabShell],
  optional: [ICommandPalette, INotebookTracker, IEditorExtensionRegistry, IFileBrowserFactory],
  activate: (app: JupyterFrontEnd, docManager: IDocumentManager, shell: ILabShell, palette: ICommandPalette | null,
    notebooks: INotebookTracker | null, editorExtensions: IEditorExtensionRegistry | null, browsers: IFileBrowserFactory | null) => {
    const collab = new CollabSession()
    const drive = new CollabDrive(collab)
    app.serviceManager.contents.addDrive(drive)
    collabRooms.drive = drive
    collabRooms.session = collab
    // JupyterLab's URL router opens `/lab/tree/Collab:…` (a reload) through the file browser of the
    // path's drive; an idle one (no polling, nothing shown) lets it find ours.
    browsers?.createFileBrowser('jupyterlab-collab-browser', { driveName, auto: false, restore: false, state: null })
    const open = (path: string): void => { docManager.openOrReveal(`${driveName}:${path}`, 'Notebook') }
    const panel = new CollabPanel(collab, drive, open)
    shell.add(panel, 'right', { rank: 600 })

    app.commands.addCommand('collab:open-notebook', {
      label: 'Collab: Open notebook (project/notebook.ipynb)',
      execute: args => {
        const path = (args.path as string | undefined) ?? window.prompt('Collab notebook (project/notebook.ipynb)')
        if (path) open(path)
      }
    })
    palette?.addItem({ command: 'collab:open-notebook', category: 'Collab' })
    editorExtensions?.addExtension(remoteCursorsExtension(notebook => drive.isCollabNotebook(notebook)))

    // Interrupt (menu, toolbar, palette) of a Collab notebook reaches its shared kernel too.
    app.commands.commandExecuted.connect((_, { id }) => {
      const panel = notebooks?.currentWidget
      const room = panel?.model ? collabRooms.of(panel.model.sharedModel) : null
      if (room && interruptCommands.has(id)) room.kernel.interrupt().catch(reportKernelError)
    })

    // A Collab notebook follows the user's role in its project: read-only for viewers.
    notebooks?.widgetAdded.connect((_, panel) => {
      const prefix = `${driveName}:`
      if (!panel.context.path.startsWith(prefix)) return
      const provider = drive.providers.get(panel.context.path.slice(prefix.length))
      if (!provider) return
      followRole(panel, provider)
      followRestarts(panel)
      // The shared kernel's status, for everyone (a viewer has no toolbar).
      const status = new KernelStatus(provider.doc)
      panel.contentHeader.addWidget(status)
      panel.disposed.connect(() => status.dispose())
      // Every change is saved once the server acknowledges it (remote ones already are), so
      // JupyterLab's "unsaved" dot shows only while one of ours is in flight.
      const markSaved = (): void => { if (provider.synced && panel.context.model) panel.context.model.dirty = false }
      const onContent = (): void => queueMicrotask(markSaved)
      provider.on('sync', markSaved)
      void panel.context.ready.then(() => {
        panel.context.model.contentChanged.connect(onContent)
        markSaved()
      })
      panel.disposed.connect(() => provider.off('sync', markSaved))
    })
  }
}

const interruptCommands = new Set(['notebook:interrupt-kernel', 'kernelmenu:interrupt'])

const reportKernelError = (e: Error): void => { Notification.error(`Collab: ${e.message}`, { autoClose: 10_000 }) }

/**
 * A restart of the notebook's JupyterLab session (every restart command, once its dialog is
 * accepted) restarts Collab's shared kernel too. It follows the session's "restarting" status, not
 * the command's result: that resolves only once JupyterLab's own kernel is back, which may take long
 * or never happen, and the shared kernel must not wait for it.
 */
function followRestarts (panel: NotebookPanel): void {
  let last = ''
  const onStatus = (_: unknown, status: string): void => {
    const restarting = status === 'restarting' && last !== 'restarting'
    last = status
    const room = restarting && panel.model ? collabRooms.of(panel.model.sharedModel) : null
    room?.kernel.restart().catch(reportKernelError)
  }
  panel.sessionContext.statusChanged.connect(onStatus)
  panel.disposed.connect(() => panel.sessionContext.statusChanged.disconnect(onStatus))
}

export default [plugin, executorPlugin]
