import type { ISharedNotebook } from '@jupyter/ydoc'
import type { JupyterFrontEndPlugin } from '@jupyterlab/application'
import { Notification } from '@jupyterlab/apputils'
import { INotebookCellExecutor, type Notebook, runCell as runOnOwnKernel } from '@jupyterlab/notebook'
import type * as Y from 'yjs'
import { KernelRequestError } from './collab-kernel'
import { collabRooms, type CollabRoom } from './collab-rooms'
import { viewerRuns } from './viewer-runs'

/**
 * Replaces JupyterLab's cell executor: a code cell of a Collab notebook runs on the notebook's
 * shared kernel on the Collab server (hub `RunCells`), and the run ends when the server sets the
 * cell's `execution_state` back to idle; outputs and the count arrive through the shared document,
 * written by the server. Every other cell (markdown, raw, other notebooks) goes to JupyterLab's own
 * executor.
 */
export const executorPlugin: JupyterFrontEndPlugin<INotebookCellExecutor> = {
  id: 'jupyterlab-collab:cell-executor',
  description: 'Runs the cells of Collab notebooks on the notebook\'s shared kernel on the Collab server.',
  autoStart: true,
  provides: INotebookCellExecutor,
  activate: () => Object.freeze({ runCell })
}

async function runCell (options: INotebookCellExecutor.IRunCellOptions): Promise<boolean> {
  const { cell, notebook, onCellExecuted, onCellExecutionScheduled } = options
  const room = cell.model.type === 'code' ? collabRooms.of(notebook.sharedModel) : null
  if (!room) return runOnOwnKernel(options)
  onCellExecutionScheduled({ cell })
  const finished = whenRunEnds(notebook.sharedModel, cell.model.sharedModel as unknown as { ymodel: Y.Map<unknown> }, cell.model.id)
  if (!await askServer(room, cell.model.id)) {
    finished.cancel()
    onCellExecuted({ cell, success: false })
    return false
  }
  const success = await finished.promise
  onCellExecuted({ cell, success })
  return success
}

/** Queues the cell on the shared kernel; a refusal (`forbidden`, `unavailable`, …) is shown and gives false. */
async function askServer (room: CollabRoom, cellId: string): Promise<boolean> {
  try {
    await room.kernel.run([cellId])
    return true
  } catch (e) {
    const refusal = e instanceof KernelRequestError ? e : new KernelRequestError(String(e), null)
    Notification.error(`Collab did not run the cell: ${refusal.message}`, { autoClose: 10_000 })
    return false
  }
}

// A viewer's run never reaches the executor (viewer-runs.ts); the server still answers it, so the
// viewer learns why nothing happens.
viewerRuns.refuse = async (notebook: Notebook) => {
  const room = notebook.model ? collabRooms.of(notebook.model.sharedModel) : null
  const cell = notebook.activeCell
  if (!room || !cell || cell.model.type !== 'code') return false
  return await askServer(room, cell.model.id)
}

/**
 * Resolves once the server has taken the cell (running or queued, or a new count or outputs) and
 * then let it go (idle, off the queue): true unless it ended with an error output.
 */
function whenRunEnds (notebook: ISharedNotebook, cell: { ymodel: Y.Map<unknown> }, id: string): { promise: Promise<boolean>, cancel: () => void } {
  const doc = cell.ymodel.doc!
  const execution = doc.getMap<unknown>('execution')
  const before = { count: cell.ymodel.get('execution_count') }
  const outputsNow = (): unknown[] => json(cell.ymodel.get('outputs')) as unknown[] ?? []
  const beforeOutputs = JSON.stringify(outputsNow())
  let taken = false
  let settle: (ok: boolean) => void = () => {}
  const promise = new Promise<boolean>(resolve => { settle = resolve })
  const check = (): void => {
    const queued = (json(execution.get('queued')) as string[] | undefined) ?? []
    const pending = execution.get('running') === id || queued.includes(id)
    const running = cell.ymodel.get('execution_state') === 'running'
    taken ||= pending || running || cell.ymodel.get('execution_count') !== before.count || JSON.stringify(outputsNow()) !== beforeOutputs
    const gone = !cell.ymodel.parent // the cell was deleted
    if ((taken && !pending && !running) || gone) {
      stop()
      settle(!gone && !outputsNow().some(o => (o as { output_type?: string }).output_type === 'error'))
    }
  }
  const stop = (): void => {
    doc.off('afterTransaction', check)
    notebook.disposed.disconnect(onDisposed)
  }
  const onDisposed = (): void => { stop(); settle(false) }
  doc.on('afterTransaction', check)
  notebook.disposed.connect(onDisposed)
  return { promise, cancel: () => { stop(); settle(false) } }
}

function json (value: unknown): unknown {
  return value && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value
}
