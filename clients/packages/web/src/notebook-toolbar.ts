import type * as Y from 'yjs'
import { h } from '@collab/ui'
import type { KernelClient } from './kernel-client'
import type { CellKind } from './notebook-commands'

export interface ToolbarActions {
  runSelected: () => void
  runAll: () => void
  runBelow: () => void
  changeType: (type: CellKind) => void
}

const statusText: Record<string, string> = {
  none: 'No kernel', starting: 'Starting…', idle: 'Idle', busy: 'Busy', restarting: 'Restarting…',
  interrupting: 'Interrupting…', dead: 'Kernel dead', unavailable: 'Kernel unavailable'
}

/**
 * The notebook toolbar: run, run all, run below, interrupt, restart, the selected cell's type, the
 * kernel picker and the kernel's status from the document's `execution` map (the server writes it,
 * so everyone sees the same). Viewers see the status; the controls are disabled for them.
 */
export class NotebookToolbar {
  readonly element: HTMLElement
  /** Failures and the kernel's own message ("the Jupyter server is down") for people to read. */
  readonly messageArea = h('p', { class: 'kernel-message', role: 'alert', 'data-testid': 'kernel-message', hidden: true })
  private readonly controls: Array<HTMLButtonElement | HTMLSelectElement>
  private readonly typeSelect: HTMLSelectElement
  private readonly kernelSelect = h('select', { 'aria-label': 'Kernel', 'data-testid': 'kernel-picker' })
  private readonly status = h('span', { class: 'kernel-status', 'data-testid': 'kernel-status', 'aria-live': 'polite' })
  private localError: string | null = null
  /** Why the kernels could not be listed (no Jupyter server set up, or it is down); a note, not an alarm. */
  private unavailableNote: string | null = null
  private readOnly = true
  private readonly onExecution = (): void => this.renderStatus()

  constructor (private readonly execution: Y.Map<unknown>, private readonly kernel: KernelClient, actions: ToolbarActions) {
    this.typeSelect = h('select', { 'aria-label': 'Cell type', onchange: () => actions.changeType(this.typeSelect.value as CellKind) },
      h('option', { value: 'code' }, 'Code'), h('option', { value: 'markdown' }, 'Markdown'), h('option', { value: 'raw' }, 'Raw'))
    this.kernelSelect.addEventListener('change', () => this.attempt(() => this.kernel.change(this.kernelSelect.value)))
    const button = (text: string, label: string, run: () => void): HTMLButtonElement =>
      h('button', { type: 'button', 'aria-label': label, title: label, onclick: run }, text)
    const interrupt = button('■ Interrupt', 'Interrupt the kernel', () => this.attempt(() => this.kernel.interrupt()))
    const restart = button('↻ Restart', 'Restart the kernel', () => this.attempt(() => this.kernel.restart()))
    const shutdown = button('Shut down', 'Shut the kernel down (the next run starts a new one)', () => this.attempt(() => this.kernel.shutdown()))
    this.controls = [
      button('▶ Run', 'Run the selected cell and select the next (Shift+Enter)', actions.runSelected),
      button('Run all', 'Run all cells', actions.runAll),
      button('Run below', 'Run the selected cell and all below', actions.runBelow),
      interrupt, restart, shutdown, this.typeSelect, this.kernelSelect
    ]
    this.element = h('div', { class: 'notebook-toolbar', role: 'toolbar', 'aria-label': 'Notebook' },
      ...this.controls.slice(0, 6), h('span', { class: 'separator' }), this.typeSelect,
      h('span', { class: 'spacer' }), this.kernelSelect, this.status)
    execution.observe(this.onExecution)
    this.renderStatus()
  }

  setReadOnly (readOnly: boolean): void {
    this.readOnly = readOnly
    this.enableControls()
    this.renderStatus()
  }

  private enableControls (): void {
    for (const control of this.controls) control.disabled = this.readOnly
    this.kernelSelect.disabled = this.readOnly || this.kernelSelect.options.length < 2
  }

  /** The selected cell's type, shown in the type picker. */
  showCellType (type: string | null): void {
    this.typeSelect.value = type ?? 'code'
  }

  /** Loads the kernels the server offers (after each connect). */
  async loadKernels (): Promise<void> {
    try {
      const list = await this.kernel.list()
      this.renderKernels(list.kernels.map(k => [k.name, k.displayName]), list.default)
      this.unavailableNote = null
    } catch (e) {
      this.renderKernels([], '')
      this.unavailableNote = (e as Error).message
    }
    this.enableControls()
    this.renderStatus()
  }

  /** Runs a kernel request; a refusal or failure shows in the message area. */
  async attempt (request: () => Promise<unknown>): Promise<void> {
    if (this.readOnly) return
    try {
      await request()
      this.showError(null)
    } catch (e) {
      this.showError((e as Error).message)
    }
  }

  destroy (): void {
    this.execution.unobserve(this.onExecution)
  }

  private renderKernels (kernels: Array<[string, string]>, fallback: string): void {
    const current = String(this.execution.get('kernel_name') ?? '') || fallback
    if (current && !kernels.some(([name]) => name === current)) {
      kernels.push([current, String(this.execution.get('kernel_display_name') ?? current)])
    }
    this.kernelSelect.replaceChildren(...(kernels.length > 0
      ? kernels.map(([name, display]) => h('option', { value: name }, display))
      : [h('option', { value: '' }, 'No kernel')]))
    this.kernelSelect.value = current
  }

  private showError (message: string | null): void {
    this.localError = message
    this.renderStatus()
  }

  private renderStatus (): void {
    const status = String(this.execution.get('status') ?? 'none')
    const display = String(this.execution.get('kernel_display_name') ?? '')
    this.status.textContent = `${display ? `${display} · ` : ''}${statusText[status] ?? status}`
    this.status.dataset.status = status
    const name = this.execution.get('kernel_name')
    if (typeof name === 'string' && name && this.kernelSelect.value !== name &&
      [...this.kernelSelect.options].some(o => o.value === name)) this.kernelSelect.value = name
    const serverMessage = status === 'unavailable' || status === 'dead' ? String(this.execution.get('message') ?? '') || statusText[status] : ''
    const alarm = [serverMessage, this.localError].filter(Boolean).join(' ')
    // Why nothing runs matters to those who could run something, not to viewers.
    const text = alarm || (this.readOnly ? '' : this.unavailableNote) || ''
    this.messageArea.textContent = text
    this.messageArea.classList.toggle('note', !alarm)
    this.messageArea.setAttribute('role', alarm ? 'alert' : 'note')
    this.messageArea.hidden = !text
  }
}
