import type { SignalRProvider } from '@collab/signalr-provider'
import type { NotebookPanel } from '@jupyterlab/notebook'
import { guardViewerRuns, viewerNotebooks } from './viewer-runs'

/** Command-mode keys that only move around or copy; every other key could change the notebook. */
const readingKeys = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End', 'Escape', 'Tab', 'j', 'k', 'Shift', 'Control', 'Alt', 'Meta'])

/**
 * Makes a Collab notebook read-only in JupyterLab while the user's role is `viewer` (and editable
 * again if it is raised): cell editors read-only, toolbar hidden, and the keys, context menu and
 * drags that would add, move, delete, edit or run cells swallowed, run commands refused. The
 * server refuses a viewer's updates anyway (and the provider does not send them); this keeps the
 * UI honest.
 */
export function followRole (panel: NotebookPanel, provider: SignalRProvider): void {
  guardViewerRuns()
  let viewer = false
  const apply = (): void => {
    viewer = provider.role === 'viewer'
    if (viewer) viewerNotebooks.add(panel.content)
    else viewerNotebooks.delete(panel.content)
    panel.toggleClass('jp-mod-collabViewer', viewer)
    if (viewer) panel.toolbar.hide()
    else panel.toolbar.show()
    if (panel.content.model) panel.content.model.readOnly = viewer
    for (const cell of panel.content.widgets) {
      // Not into the cell's `editable` metadata: that would be a (refused) change to the shared notebook.
      cell.syncEditable = false
      cell.readOnly = viewer
    }
    if (viewer) panel.content.mode = 'command'
  }
  const swallow = (event: Event): void => {
    if (!viewer) return
    if (event instanceof KeyboardEvent && readingKeys.has(event.key) && !event.shiftKey) return
    if (event instanceof KeyboardEvent && (event.ctrlKey || event.metaKey) && event.key === 'c') return
    event.preventDefault()
    event.stopImmediatePropagation()
  }
  for (const type of ['keydown', 'contextmenu', 'dragstart', 'drop', 'paste', 'cut']) panel.node.addEventListener(type, swallow, true)
  // Cells that arrive from the room later get their widgets after the model changes.
  panel.content.model?.cells.changed.connect(() => requestAnimationFrame(apply))
  provider.on('role', apply)
  panel.disposed.connect(() => provider.off('role', apply))
  apply()
}
