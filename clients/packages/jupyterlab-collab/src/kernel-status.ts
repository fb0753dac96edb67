import { Widget } from '@lumino/widgets'
import type * as Y from 'yjs'

const statusText: Record<string, string> = {
  none: 'no kernel yet', starting: 'starting…', idle: 'idle', busy: 'busy', restarting: 'restarting…',
  interrupting: 'interrupting…', dead: 'dead', unavailable: 'unavailable'
}

/**
 * The notebook's shared kernel as the server describes it (root map `execution`): status, kernel,
 * queue length and, when something went wrong, the server's sentence. Shown in the notebook toolbar.
 */
export class KernelStatus extends Widget {
  private readonly execution: Y.Map<unknown>

  constructor (doc: Y.Doc) {
    super()
    this.addClass('jp-CollabKernelStatus')
    this.node.setAttribute('role', 'status')
    this.node.setAttribute('aria-label', 'Collab kernel')
    this.execution = doc.getMap('execution')
    this.execution.observeDeep(this.render)
    this.render()
  }

  override dispose (): void {
    this.execution.unobserveDeep(this.render)
    super.dispose()
  }

  private readonly render = (): void => {
    const status = String(this.execution.get('status') ?? 'none')
    const kernel = this.execution.get('kernel_display_name') ?? this.execution.get('kernel_name')
    const queued = this.execution.get('queued') as { length: number } | undefined
    const message = this.execution.get('message')
    const parts = [`Collab kernel${kernel ? ` (${String(kernel)})` : ''}: ${statusText[status] ?? status}`]
    if (queued && queued.length > 0) parts.push(`${queued.length} queued`)
    this.node.textContent = parts.join(' · ')
    this.node.title = message ? String(message) : 'Cells of this notebook run on its shared kernel on the Collab server.'
    this.node.dataset.status = status
  }
}
