import { YNotebook, type YCellType } from '@jupyter/ydoc'
import { SignalRProvider, type CollabConnection } from '@collab/signalr-provider'
import { CellView, type CellActions } from './cell-view'
import { h, type Session, userColour, userColourLight } from '@collab/ui'
import { presenceList, presentUsers } from './presence'

/**
 * A live notebook: the `@jupyter/ydoc` YNotebook (JupyterLab's shared model) joined to its room
 * through the SignalR provider, one CellView per cell, presence and the viewer's read-only mode.
 */
export class NotebookView {
  readonly element: HTMLElement
  readonly provider: SignalRProvider
  private readonly notebook = new YNotebook()
  private readonly cellList = h('div', { class: 'cells', role: 'list', 'aria-label': 'Cells' })
  private readonly banner = h('p', { class: 'banner', role: 'note', hidden: true })
  private readonly addBar: HTMLElement
  private readonly views = new Map<YCellType, CellView>()
  private readOnly = true

  constructor (session: Session, connection: CollabConnection, readonly projectId: string, readonly name: string) {
    this.provider = new SignalRProvider(this.notebook.ydoc, { connection, projectId, docName: name, awareness: this.notebook.awareness })
    this.notebook.awareness.setLocalStateField('user', {
      name: session.user, display_name: session.user, color: userColour(session.user), colorLight: userColourLight(session.user)
    })
    this.addBar = h('div', { class: 'add-bar', role: 'toolbar', 'aria-label': 'Notebook actions' },
      h('button', { type: 'button', onclick: () => this.insert(this.notebook.cells.length, 'code') }, '+ Code cell'),
      h('button', { type: 'button', onclick: () => this.insert(this.notebook.cells.length, 'markdown') }, '+ Markdown cell'))
    const status = h('span', { class: 'sync', 'data-testid': 'sync', 'aria-live': 'polite' }, 'Loading…')
    this.element = h('div', { class: 'notebook-layout' },
      h('div', { class: 'notebook' },
        h('div', { class: 'notebook-head' }, h('h2', {}, name), status),
        this.banner, this.cellList, this.addBar),
      h('aside', { class: 'people', 'aria-label': 'Presence' }, h('h3', {}, 'Here now'), presenceList(this.notebook.awareness, this.notebook.ydoc.clientID)))
    this.setReadOnly(true)
    this.provider.on('role', role => this.setReadOnly(role !== 'editor' && role !== 'owner'))
    this.provider.on('sync', synced => { status.textContent = synced ? 'All changes saved' : 'Syncing…' })
    this.provider.on('error', error => { status.textContent = `Server: ${error.message.replace(/^.*HubException: (\[[a-z_]+[^\]]*\] )?/, '')}` })
    this.notebook.changed.connect((_, change) => { if (change.cellsChange) this.renderCells() })
    this.notebook.awareness.on('change', () => this.renderPresence())
  }

  destroy (): void {
    for (const view of this.views.values()) view.destroy()
    this.provider.destroy()
    this.notebook.dispose()
  }

  private setReadOnly (readOnly: boolean): void {
    this.readOnly = readOnly
    this.banner.hidden = !readOnly || this.provider.role === null
    this.banner.textContent = 'Read-only: you are a viewer in this project, so your changes are not saved.'
    this.addBar.hidden = readOnly
    for (const view of this.views.values()) view.setReadOnly(readOnly)
  }

  private renderCells (): void {
    const cells = this.notebook.cells
    const alive = new Set(cells)
    for (const [model, view] of this.views) {
      if (!alive.has(model)) {
        view.destroy()
        this.views.delete(model)
      }
    }
    const elements = cells.map(model => {
      let view = this.views.get(model)
      if (!view) {
        view = new CellView(model, this.notebook.awareness, this.actions, this.readOnly)
        this.views.set(model, view)
      }
      return view.element
    })
    this.cellList.replaceChildren(...elements)
    this.renderPresence()
  }

  private renderPresence (): void {
    const others = presentUsers(this.notebook.awareness).filter(u => u.clientId !== this.notebook.ydoc.clientID)
    for (const view of this.views.values()) view.showPresence(others.filter(u => u.cell === view.id))
  }

  private insert (index: number, type: 'code' | 'markdown'): void {
    const cell = this.notebook.insertCell(index, { cell_type: type, source: '' }) as YCellType
    this.views.get(cell)?.focusEditor()
  }

  private indexOf (view: CellView): number {
    return this.notebook.cells.indexOf(view.model)
  }

  private readonly actions: CellActions = {
    move: (view, delta) => {
      const from = this.indexOf(view)
      const to = from + delta
      if (from < 0 || to < 0 || to >= this.notebook.cells.length) return
      this.notebook.moveCell(from, to)
      // Moving re-creates the cell's shared model; keep the focus on it.
      ;(this.views.get(this.notebook.cells[to])?.element)?.focus()
    },
    remove: view => {
      const index = this.indexOf(view)
      if (index < 0) return
      this.notebook.deleteCell(index)
      const next = this.notebook.cells[Math.min(index, this.notebook.cells.length - 1)]
      if (next) this.views.get(next)?.element.focus()
    },
    insertBelow: (view, type) => this.insert(this.indexOf(view) + 1, type),
    focusSibling: (view, delta) => this.views.get(this.notebook.cells[this.indexOf(view) + delta])?.element.focus(),
    selected: view => this.notebook.awareness.setLocalStateField('cell', view.id)
  }
}
