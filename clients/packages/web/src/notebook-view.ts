import { YNotebook, type YCellType } from '@jupyter/ydoc'
import { SignalRProvider, type CollabConnection } from '@collab/signalr-provider'
import { h, type Session, userColour, userColourLight } from '@collab/ui'
import { CellView, type CellActions, type RunThen } from './cell-view'
import { CommandKeys, type Command } from './command-keys'
import { KernelClient, hubErrorText, type RunMode } from './kernel-client'
import { NotebookCommands, type CellKind } from './notebook-commands'
import { NotebookToolbar } from './notebook-toolbar'
import { presenceList, presentUsers } from './presence'

/**
 * A live notebook: the `@jupyter/ydoc` YNotebook (JupyterLab's shared model) joined to its room
 * through the SignalR provider, one CellView per cell, JupyterLab's command and edit modes, the
 * toolbar that asks the server's shared kernel to run cells, presence and the viewer's read-only mode.
 */
export class NotebookView {
  readonly element: HTMLElement
  readonly provider: SignalRProvider
  private readonly notebook = new YNotebook()
  private readonly commands = new NotebookCommands(this.notebook)
  private readonly keys = new CommandKeys()
  private readonly kernel: KernelClient
  private readonly toolbar: NotebookToolbar
  private readonly cellList = h('div', { class: 'cells', role: 'list', 'aria-label': 'Cells' })
  private readonly banner = h('p', { class: 'banner', role: 'note', hidden: true })
  private readonly addBar: HTMLElement
  private readonly views = new Map<YCellType, CellView>()
  private selectedId: string | null = null
  private readOnly = true
  private readonly onConnected = (): void => { void this.toolbar.loadKernels() }

  constructor (session: Session, private readonly connection: CollabConnection, readonly projectId: string, readonly name: string) {
    this.provider = new SignalRProvider(this.notebook.ydoc, { connection, projectId, docName: name, awareness: this.notebook.awareness })
    this.kernel = new KernelClient(connection, projectId, name)
    this.notebook.awareness.setLocalStateField('user', {
      name: session.user, display_name: session.user, color: userColour(session.user), colorLight: userColourLight(session.user)
    })
    this.toolbar = new NotebookToolbar(this.notebook.ydoc.getMap('execution'), this.kernel, {
      runSelected: () => { const view = this.selectedView(); if (view) this.actions.run(view, 'next') },
      runAll: () => this.runOnKernel('all', []),
      runBelow: () => { const view = this.selectedView(); if (view) this.runOnKernel('below', [view.id]) },
      changeType: type => this.changeType(type)
    })
    this.addBar = h('div', { class: 'add-bar', role: 'toolbar', 'aria-label': 'Add cells' },
      h('button', { type: 'button', onclick: () => this.insertAndEdit(this.notebook.cells.length, 'code') }, '+ Code cell'),
      h('button', { type: 'button', onclick: () => this.insertAndEdit(this.notebook.cells.length, 'markdown') }, '+ Markdown cell'))
    const status = h('span', { class: 'sync', 'data-testid': 'sync', 'aria-live': 'polite' }, 'Loading…')
    this.cellList.addEventListener('keydown', event => this.onCommandKey(event))
    this.element = h('div', { class: 'notebook' },
      h('div', { class: 'notebook-sticky' },
        h('div', { class: 'notebook-head' }, h('h2', {}, name), status,
          h('div', { class: 'people', 'aria-label': 'Presence' }, presenceList(this.notebook.awareness, this.notebook.ydoc.clientID))),
        this.toolbar.element, this.toolbar.messageArea),
      this.banner, this.cellList, this.addBar)
    this.setReadOnly(true)
    this.provider.on('role', role => this.setReadOnly(role !== 'editor' && role !== 'owner'))
    this.provider.on('sync', synced => { status.textContent = synced ? 'All changes saved' : 'Syncing…' })
    this.provider.on('error', error => { status.textContent = `Server: ${hubErrorText(error)}` })
    this.notebook.changed.connect((_, change) => { if (change.cellsChange) this.renderCells() })
    this.notebook.awareness.on('change', () => this.renderPresence())
    connection.on('connected', this.onConnected)
    if (connection.isConnected) this.onConnected()
  }

  destroy (): void {
    this.connection.off('connected', this.onConnected)
    this.toolbar.destroy()
    for (const view of this.views.values()) view.destroy()
    this.provider.destroy()
    this.notebook.dispose()
  }

  private setReadOnly (readOnly: boolean): void {
    this.readOnly = readOnly
    this.banner.hidden = !readOnly || this.provider.role === null
    this.banner.textContent = 'Read-only: you are a viewer in this project, so you cannot edit or run cells.'
    this.addBar.hidden = readOnly
    this.toolbar.setReadOnly(readOnly)
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
      view.setSelected(model.id === this.selectedId)
      return view.element
    })
    // Move only what is out of place: re-attaching a cell would take the focus from someone typing in it.
    elements.forEach((element, index) => {
      const current = this.cellList.children[index]
      if (current !== element) this.cellList.insertBefore(element, current ?? null)
    })
    this.renderPresence()
  }

  private renderPresence (): void {
    const others = presentUsers(this.notebook.awareness).filter(u => u.clientId !== this.notebook.ydoc.clientID)
    for (const view of this.views.values()) view.showPresence(others.filter(u => u.cell === view.id))
  }

  private viewAt (index: number): CellView | undefined {
    const model = this.notebook.cells[index]
    return model ? this.views.get(model) : undefined
  }

  private selectedView (): CellView | undefined {
    return [...this.views.values()].find(v => v.id === this.selectedId) ?? this.viewAt(0)
  }

  private select (view: CellView | undefined, mode: 'command' | 'edit' = 'command'): void {
    if (!view) return
    if (mode === 'edit') view.edit()
    else view.focusCell()
  }

  private insertAndEdit (index: number, type: CellKind): void {
    this.select(this.views.get(this.commands.insert(index, type)), 'edit')
  }

  private changeType (type: CellKind): void {
    const view = this.selectedView()
    if (!view || this.readOnly) return
    const index = this.notebook.cells.indexOf(view.model)
    const cell = this.commands.changeType(index, type)
    if (cell) this.select(this.views.get(cell))
  }

  private runOnKernel (mode: RunMode, cellIds: string[]): void {
    void this.toolbar.attempt(() => this.kernel.run(mode, cellIds))
  }

  private readonly actions: CellActions = {
    run: (view, then: RunThen) => {
      if (this.readOnly) return
      if (view.kind === 'markdown') view.renderMarkdownCell()
      else if (view.kind === 'code') this.runOnKernel('cells', [view.id])
      const index = this.notebook.cells.indexOf(view.model)
      if (then === 'insert' || (then === 'next' && index === this.notebook.cells.length - 1)) this.insertAndEdit(index + 1, 'code')
      else if (then === 'next') this.select(this.viewAt(index + 1))
      else this.select(view)
    },
    move: (view, delta) => {
      const from = this.notebook.cells.indexOf(view.model)
      const moved = this.commands.move(from, from + delta)
      // Moving re-creates the cell's shared model; keep the focus on it.
      if (moved) this.select(this.views.get(moved))
    },
    remove: view => this.removeAt(this.notebook.cells.indexOf(view.model)),
    insertBelow: (view, type) => this.insertAndEdit(this.notebook.cells.indexOf(view.model) + 1, type),
    selected: view => {
      if (this.selectedId === view.id) return
      this.selectedId = view.id
      for (const v of this.views.values()) v.setSelected(v === view)
      this.toolbar.showCellType(view.kind)
      this.notebook.awareness.setLocalStateField('cell', view.id)
    },
    commandMode: view => this.select(view)
  }

  private removeAt (index: number): void {
    if (index < 0) return
    this.commands.remove(index)
    this.select(this.viewAt(Math.min(index, this.notebook.cells.length - 1)))
  }

  /** Command mode: keys pressed on a cell itself (not in its editor). */
  private onCommandKey (event: KeyboardEvent): void {
    const target = event.target as HTMLElement
    if (!target.classList.contains('cell')) return
    const view = [...this.views.values()].find(v => v.element === target)
    if (!view) return
    const command = this.keys.command(event)
    if (!command) return
    event.preventDefault()
    this.execute(command, view)
  }

  private execute (command: Command, view: CellView): void {
    const index = this.notebook.cells.indexOf(view.model)
    const select = (cell: YCellType | null | undefined): void => { if (cell) this.select(this.views.get(cell)) }
    switch (command) {
      case 'select-up': return this.select(this.viewAt(index - 1))
      case 'select-down': return this.select(this.viewAt(index + 1))
      case 'copy': return this.commands.copy(index)
      case 'run-next': return this.actions.run(view, 'next')
      case 'run-stay': return this.actions.run(view, 'stay')
      case 'run-insert': return this.actions.run(view, 'insert')
      case 'interrupt': return void this.toolbar.attempt(() => this.kernel.interrupt())
      case 'restart': return void this.toolbar.attempt(() => this.kernel.restart())
    }
    if (this.readOnly) return
    switch (command) {
      case 'edit': return view.edit()
      case 'insert-above': return select(this.commands.insert(index, 'code'))
      case 'insert-below': return select(this.commands.insert(index + 1, 'code'))
      case 'delete': return this.removeAt(index)
      case 'cut': this.commands.cut(index); return this.select(this.viewAt(Math.min(index, this.notebook.cells.length - 1)))
      case 'paste': return select(this.commands.pasteBelow(index))
      case 'undo-delete': return select(this.commands.undoDelete())
      case 'to-code': return this.changeType('code')
      case 'to-markdown': return this.changeType('markdown')
      case 'to-raw': return this.changeType('raw')
    }
  }
}
