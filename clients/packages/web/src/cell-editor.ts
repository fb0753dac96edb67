import { EditorState, Compartment, Prec } from '@codemirror/state'
import { EditorView, keymap } from '@codemirror/view'
import { basicSetup } from 'codemirror'
import { python } from '@codemirror/lang-python'
import { markdown } from '@codemirror/lang-markdown'
import { yCollab } from 'y-codemirror.next'
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'

export interface CellEditorOptions {
  ytext: Y.Text
  awareness: Awareness
  language: 'python' | 'markdown' | 'raw'
  label: string
  readOnly: boolean
  /** Escape leaves the editor, back to the cell (command mode). */
  onEscape: () => void
  /** Notebook keys that win over CodeMirror's own (Shift-Enter, Mod-Enter, Alt-Enter). */
  keys: Record<string, () => void>
}

/** CodeMirror 6 bound to a cell's Y.Text through y-codemirror.next (text, remote cursors, undo). */
export class CellEditor {
  readonly view: EditorView
  private readonly editable = new Compartment()

  constructor (parent: HTMLElement, options: CellEditorOptions) {
    const language = options.language === 'python' ? [python()] : options.language === 'markdown' ? [markdown()] : []
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: options.ytext.toString(),
        extensions: [
          Prec.highest(keymap.of([
            { key: 'Escape', run: () => { options.onEscape(); return true } },
            ...Object.entries(options.keys).map(([key, run]) => ({ key, run: () => { run(); return true } }))
          ])),
          basicSetup,
          ...language,
          yCollab(options.ytext, options.awareness),
          this.editable.of(editability(options.readOnly)),
          EditorView.contentAttributes.of({ 'aria-label': options.label })
        ]
      })
    })
  }

  setReadOnly (readOnly: boolean): void {
    this.view.dispatch({ effects: this.editable.reconfigure(editability(readOnly)) })
  }

  focus (): void {
    this.view.focus()
  }

  destroy (): void {
    this.view.destroy()
  }
}

function editability (readOnly: boolean) {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]
}
