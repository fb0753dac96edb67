import type { YCellType, YCodeCell, CellChange } from '@jupyter/ydoc'
import type { Awareness } from 'y-protocols/awareness'
import { CellEditor } from './cell-editor'
import { h, clear, renderMarkdown } from '@collab/ui'
import { renderOutputs } from './outputs'

/** After running: stay on the cell, select the next one, or insert one below. */
export type RunThen = 'stay' | 'next' | 'insert'

export interface CellActions {
  run: (cell: CellView, then: RunThen) => void
  move: (cell: CellView, delta: -1 | 1) => void
  remove: (cell: CellView) => void
  insertBelow: (cell: CellView, type: 'code' | 'markdown') => void
  /** The cell became the selected one (clicked, focused or edited). */
  selected: (cell: CellView) => void
  /** Escape: back to command mode on this cell. */
  commandMode: (cell: CellView) => void
}

/**
 * One notebook cell: a focusable container (command mode), its editor (edit mode), the rendered
 * Markdown of a markdown cell, a code cell's prompt (`[n]`, `[*]` while queued or running) and
 * outputs, per-cell actions and the presence of whoever selected it.
 */
export class CellView {
  readonly element: HTMLElement
  private readonly editor: CellEditor
  private readonly editorHost: HTMLElement
  private readonly preview: HTMLElement
  private readonly outputs = h('div', { class: 'output-area' })
  private readonly prompt = h('span', { class: 'prompt', 'data-testid': 'prompt' })
  private readonly presence = h('span', { class: 'cell-presence', 'aria-live': 'polite' })
  private readonly toolbar: HTMLElement
  private readonly runButton: HTMLButtonElement
  private editingMarkdown = false
  private redraw = 0
  private readonly onChanged = (_: unknown, change: CellChange): void => {
    if (change.outputsChange || change.streamOutputChange || change.executionCountChange || change.executionStateChange) this.scheduleOutputs()
  }

  private readonly onSource = (): void => { if (this.kind === 'markdown' && !this.editingMarkdown) this.renderPreview() }

  constructor (readonly model: YCellType, awareness: Awareness, actions: CellActions, private readOnly: boolean) {
    const kind = this.kind
    this.runButton = this.button('▶', 'Run cell', () => actions.run(this, 'stay'))
    this.toolbar = h('div', { class: 'cell-actions', role: 'toolbar', 'aria-label': 'Cell actions' },
      this.runButton,
      this.button('↑', 'Move cell up', () => actions.move(this, -1)),
      this.button('↓', 'Move cell down', () => actions.move(this, 1)),
      this.button('+ Code', 'Add code cell below', () => actions.insertBelow(this, 'code')),
      this.button('+ Text', 'Add markdown cell below', () => actions.insertBelow(this, 'markdown')),
      this.button('Delete', 'Delete cell', () => actions.remove(this)))
    this.editorHost = h('div', { class: 'editor' })
    this.preview = h('div', { class: 'markdown-preview', title: 'Double-click (or Enter) to edit', ondblclick: () => this.edit() })
    this.element = h('section', {
      class: `cell ${kind}`,
      tabindex: 0,
      'aria-label': `${kind} cell`,
      'data-cell-id': model.id,
      onfocusin: () => actions.selected(this),
      onmousedown: () => actions.selected(this)
    },
    h('div', { class: 'cell-head' }, h('span', { class: 'cell-kind' }, kind), this.prompt, this.presence, this.toolbar),
    this.editorHost, this.preview, this.outputs)
    this.editor = new CellEditor(this.editorHost, {
      ytext: model.ysource,
      awareness,
      language: kind === 'code' ? 'python' : kind === 'markdown' ? 'markdown' : 'raw',
      label: `${kind} cell source`,
      readOnly,
      onEscape: () => actions.commandMode(this),
      keys: {
        'Shift-Enter': () => actions.run(this, 'next'),
        'Mod-Enter': () => actions.run(this, 'stay'),
        'Alt-Enter': () => actions.run(this, 'insert')
      }
    })
    this.setReadOnly(readOnly)
    model.changed.connect(this.onChanged)
    model.ysource.observe(this.onSource)
    this.renderOutputs()
    this.showMarkdown(kind === 'markdown' && model.ysource.length > 0)
  }

  get id (): string {
    return this.model.id
  }

  get kind (): string {
    return this.model.cell_type as string
  }

  setReadOnly (readOnly: boolean): void {
    this.readOnly = readOnly
    this.editor.setReadOnly(readOnly)
    this.toolbar.hidden = readOnly
  }

  setSelected (selected: boolean): void {
    this.element.classList.toggle('selected', selected)
  }

  /** Shows who has this cell selected (from awareness). */
  showPresence (users: Array<{ name: string, color: string }>): void {
    clear(this.presence)
    for (const user of users) {
      this.presence.append(h('span', { class: 'badge', style: `background:${user.color}`, title: `${user.name} is here` }, user.name))
    }
    this.element.style.setProperty('--presence', users[0]?.color ?? 'transparent')
  }

  /** Edit mode: the editor gets the focus (a markdown cell shows its source again). */
  edit (): void {
    if (this.kind === 'markdown') this.showMarkdown(false)
    this.editor.focus()
  }

  /** A markdown cell's "run": show it rendered. */
  renderMarkdownCell (): void {
    if (this.kind === 'markdown') this.showMarkdown(true)
  }

  focusCell (): void {
    this.element.focus({ preventScroll: true })
    this.element.scrollIntoView({ block: 'nearest' })
  }

  destroy (): void {
    cancelAnimationFrame(this.redraw)
    this.model.changed.disconnect(this.onChanged)
    this.model.ysource.unobserve(this.onSource)
    this.editor.destroy()
    this.element.remove()
  }

  private showMarkdown (rendered: boolean): void {
    this.editingMarkdown = !rendered
    this.editorHost.hidden = rendered
    this.preview.hidden = !rendered
    if (rendered) this.renderPreview()
  }

  private renderPreview (): void {
    const source = this.model.ysource.toString()
    this.preview.replaceChildren(source.trim()
      ? renderMarkdown(source, { html: true })
      : h('p', { class: 'muted' }, this.readOnly ? 'Empty markdown cell' : 'Empty markdown cell: double-click to write'))
  }

  private button (text: string, label: string, run: () => void): HTMLButtonElement {
    return h('button', { type: 'button', 'aria-label': label, title: label, onclick: run }, text)
  }

  /** Streams can arrive many times a second: redraw at most once a frame. */
  private scheduleOutputs (): void {
    cancelAnimationFrame(this.redraw)
    this.redraw = requestAnimationFrame(() => this.renderOutputs())
  }

  private renderOutputs (): void {
    if (this.kind !== 'code') {
      this.prompt.hidden = true
      this.runButton.hidden = this.kind !== 'markdown'
      return
    }
    const code = this.model as YCodeCell
    const busy = code.executionState === 'running'
    this.prompt.textContent = busy ? '[*]' : `[${code.execution_count ?? ' '}]`
    this.element.classList.toggle('busy', busy)
    this.prompt.title = busy ? 'Queued or running' : ''
    const outputs = code.getOutputs()
    this.outputs.replaceChildren(outputs.length > 0 ? renderOutputs(outputs) : '')
  }
}
