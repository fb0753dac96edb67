import type { YCodeCell, YMarkdownCell, YRawCell } from '@jupyter/ydoc'
import { EditorExtensionRegistry, type IEditorExtensionFactory } from '@jupyterlab/codemirror'
import { StateEffect } from '@codemirror/state'
import { Decoration, type DecorationSet, type EditorView, ViewPlugin, type ViewUpdate, WidgetType } from '@codemirror/view'
import * as Y from 'yjs'

type SharedCell = YCodeCell | YMarkdownCell | YRawCell

/** What a user publishes in awareness `cursor`: the cell and a position that survives concurrent edits. */
interface CursorState { cell: string, head: unknown }

const refresh = StateEffect.define<null>()

class Caret extends WidgetType {
  constructor (readonly name: string, readonly color: string) { super() }
  override eq (other: Caret): boolean { return other.name === this.name && other.color === this.color }
  toDOM (): HTMLElement {
    const caret = document.createElement('span')
    caret.className = 'jp-CollabCursor'
    caret.style.borderLeftColor = this.color
    const label = document.createElement('span')
    label.className = 'jp-CollabCursor-name'
    label.style.backgroundColor = this.color
    label.textContent = this.name
    caret.append(label)
    return caret
  }
}

/**
 * Remote cursors in a cell editor of a Collab notebook: publishes this user's caret in the
 * notebook's awareness and draws everyone else's, with their name. JupyterLab itself leaves this
 * to an extension (jupyter-collaboration does it for its own rooms).
 */
function remoteCursors (cell: SharedCell) {
  const awareness = cell.notebook!.awareness
  const text = cell.ysource
  return ViewPlugin.fromClass(class {
    decorations: DecorationSet = Decoration.none
    private readonly onChange = (): void => {
      // Redraw after the awareness update, outside any CodeMirror update in progress.
      queueMicrotask(() => this.view.dispatch({ effects: refresh.of(null) }))
    }

    constructor (readonly view: EditorView) {
      awareness.on('change', this.onChange)
      this.decorations = this.build()
    }

    update (update: ViewUpdate): void {
      if ((update.selectionSet || update.focusChanged) && update.view.hasFocus) {
        const head = Y.createRelativePositionFromTypeIndex(text, update.state.selection.main.head)
        awareness.setLocalStateField('cursor', { cell: cell.getId(), head: Y.relativePositionToJSON(head) } satisfies CursorState)
      }
      this.decorations = this.build()
    }

    destroy (): void { awareness.off('change', this.onChange) }

    private build (): DecorationSet {
      const carets = []
      for (const [clientId, state] of awareness.getStates()) {
        const cursor = state.cursor as CursorState | undefined
        if (clientId === awareness.clientID || !cursor || cursor.cell !== cell.getId() || !state.user) continue
        const at = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(cursor.head), text.doc!)
        if (!at || at.type !== text) continue
        const pos = Math.min(at.index, this.view.state.doc.length)
        carets.push(Decoration.widget({ widget: new Caret(state.user.name, state.user.color), side: 1 }).range(pos))
      }
      return Decoration.set(carets, true)
    }
  }, { decorations: plugin => plugin.decorations })
}

/** The editor extension: active only in cells of notebooks opened from the Collab drive. */
export function remoteCursorsExtension (isCollab: (notebook: object) => boolean): IEditorExtensionFactory {
  return {
    name: 'jupyterlab-collab:remote-cursors',
    factory: options => {
      const cell = options.model.sharedModel as Partial<SharedCell>
      if (!cell.notebook || !isCollab(cell.notebook) || !cell.ysource) return null
      return EditorExtensionRegistry.createImmutableExtension(remoteCursors(cell as SharedCell))
    }
  }
}
