import type { YNotebook, YCellType } from '@jupyter/ydoc'
import type * as nbformat from '@jupyterlab/nbformat'

export type CellKind = 'code' | 'markdown' | 'raw'

/**
 * Cell edits on the shared notebook, as JupyterLab's command mode has them: insert, delete (with
 * an undo of deletes made here), copy, cut, paste, move and change type. Each is one Yjs
 * transaction, so others see it whole.
 */
export class NotebookCommands {
  private clipboard: nbformat.ICell[] = []
  private readonly deleted: Array<{ index: number, cell: nbformat.ICell }> = []

  constructor (private readonly notebook: YNotebook) {}

  insert (index: number, type: CellKind, source = ''): YCellType {
    return this.notebook.insertCell(index, { cell_type: type, source } as nbformat.ICell) as YCellType
  }

  remove (index: number): void {
    const cell = this.notebook.cells[index]
    if (!cell) return
    this.deleted.push({ index, cell: withoutId(cell.toJSON()) })
    this.notebook.deleteCell(index)
  }

  /** Brings back the last cell deleted here; returns it, or null when there is none. */
  undoDelete (): YCellType | null {
    const last = this.deleted.pop()
    if (!last) return null
    const index = Math.min(last.index, this.notebook.cells.length)
    this.notebook.insertCell(index, last.cell)
    return this.notebook.cells[index]
  }

  copy (index: number): void {
    const cell = this.notebook.cells[index]
    if (cell) this.clipboard = [withoutId(cell.toJSON())]
  }

  cut (index: number): void {
    this.copy(index)
    this.remove(index)
  }

  /** Pastes the copied cells below `index` (at the top when -1); returns the first pasted cell. */
  pasteBelow (index: number): YCellType | null {
    if (this.clipboard.length === 0) return null
    this.notebook.insertCells(index + 1, this.clipboard.map(c => structuredClone(c)))
    return this.notebook.cells[index + 1]
  }

  move (from: number, to: number): YCellType | null {
    if (from < 0 || to < 0 || to >= this.notebook.cells.length) return null
    this.notebook.moveCell(from, to)
    return this.notebook.cells[to]
  }

  /** A cell of another type with the same source and metadata, in its place. */
  changeType (index: number, type: CellKind): YCellType | null {
    const cell = this.notebook.cells[index]
    if (!cell || cell.cell_type === type) return cell ?? null
    const json = cell.toJSON()
    this.notebook.transact(() => {
      this.notebook.deleteCell(index)
      this.notebook.insertCell(index, { cell_type: type, source: json.source, metadata: json.metadata ?? {} } as nbformat.ICell)
    })
    return this.notebook.cells[index]
  }
}

/** A copy gets a fresh id when inserted (ids are unique within a notebook). */
function withoutId (cell: nbformat.ICell): nbformat.ICell {
  const { id: _, ...rest } = cell
  return rest as nbformat.ICell
}
