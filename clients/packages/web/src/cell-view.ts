import type { YCellType, YCodeCell, CellChange } from '@jupyter/ydoc'
import type { Awareness } from 'y-protocols/awareness'
import { CellEditor } from './cell-editor'
import { h, clear } from '@collab/ui'
import { renderOutputs } from './outputs'

export interface CellActions {
  move: (cell: CellView, delta: -1 | 1) => void
  remove: (cell: CellView) => void
  insertBelow: (cell: CellView, type: 'code' | 'markdown') => void
  focusSibling: (cell: CellView, delta: -1 | 1) => void
  selected: (cell: CellView) => void
}

/**
 * One notebook cell: a focusable container (arrow keys move between cells, Enter edits),
 * its editor, its outputs, per-cell actions and the presence of whoever selected it.
 */
export class CellView {
  readonly element: HTMLElement
  private readonly editor: CellEditor
  private readonly outputs: HTMLElement
  private readonly prompt: HTMLElement
  private readonly presence: HTMLElement
  private readonly toolbar: HTMLElement
  private readonly onChanged = (_: unknown, change: CellChange): void => {
    if (change.outputsChange || change.executionCountChange) this.renderOutputs()
  }

  constructor (readonly model: YCellType, awareness: Awareness, private readonly actions: CellActions, readOnly: boolean) {
    const kind = model.cell_type as string
    this.prompt = h('span', { class: 'prompt', 'aria-hidden': 'true' })
    this.presence = h('span', { class: 'cell-presence', 'aria-live': 'polite' })
    this.toolbar = h('div', { class: 'cell-actions', role: 'toolbar', 'aria-label': 'Cell actions' },
      this.button('↑', 'Move cell up', () => actions.move(this, -1)),
      this.button('↓', 'Move cell down', () => actions.move(this, 1)),
      this.button('+ Code', 'Add code cell below', () => actions.insertBelow(this, 'code')),
      this.button('+ Text', 'Add markdown cell below', () => actions.insertBelow(this, 'markdown')),
      this.button('Delete', 'Delete cell', () => actions.remove(this)))
    const editorHost = h('div', { class: 'editor' })
    this.outputs = h('div')
    this.element = h('section', {
      class: `cell ${kind}`,
      tabindex: 0,
      'aria-label': `${kind} cell`,
      'data-cell-id': model.id,
      onkeydown: (e: Event) => this.onKey(e as KeyboardEvent),
      onfocusin: () => actions.selected(this)
    },
    h('div', { class: 'cell-head' }, h('span', { class: 'cell-kind' }, kind), this.prompt, this.presence, this.toolbar),
    editorHost, this.outputs)
    this.editor = new CellEditor(editorHost, {
      ytext: model.ysource,
      awareness,
      language: kind === 'code' ? 'python' : kind === 'markdown' ? 'markdown' : 'raw',
      label: `${kind} cell source`,
      readOnly,
      onEscape: () => this.element.focus()
    })
    this.setReadOnly(readOnly)
    model.changed.connect(this.onChanged)
    this.renderOutputs()
  }

  get id (): string {
    return this.model.id
  }

  setReadOnly (readOnly: boolean): void {
    this.editor.setReadOnly(readOnly)
    this.toolbar.hidden = readOnly
  }

  /** Shows who has this cell selected (from awareness). */
  showPresence (users: Array<{ name: string, color: string }>): void {
    clear(this.presence)
    for (const user of users) {
      this.presence.append(h('span', { class: 'badge', style: `background:${user.color}`, title: `${user.name} is here` }, user.name))
    }
    this.element.style.setProperty('--presence', users[0]?.color ?? 'transparent')
  }

  focusEditor (): void {
    this.editor.focus()
  }

  destroy (): void {
    this.model.changed.disconnect(this.onChanged)
    this.editor.destroy()
    this.element.remove()
  }

  private button (text: string, label: string, run: () => void): HTMLButtonElement {
    return h('button', { type: 'button', 'aria-label': label, title: label, onclick: run }, text)
  }

  private onKey (event: KeyboardEvent): void {
    if (event.target !== this.element) return
    if (event.key === 'Enter') this.focusEditor()
    else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') this.actions.focusSibling(this, event.key === 'ArrowUp' ? -1 : 1)
    else return
    event.preventDefault()
  }

  private renderOutputs (): void {
    if (this.model.cell_type !== 'code') return
    const code = this.model as YCodeCell
    this.prompt.textContent = `[${code.execution_count ?? ' '}]`
    const outputs = code.getOutputs()
    this.outputs.replaceChildren(outputs.length > 0 ? renderOutputs(outputs) : '')
  }
}
