/** JupyterLab's command-mode commands this client offers. */
export type Command =
  | 'edit' | 'run-next' | 'run-stay' | 'run-insert' | 'select-up' | 'select-down'
  | 'insert-above' | 'insert-below' | 'delete' | 'undo-delete' | 'copy' | 'cut' | 'paste'
  | 'to-code' | 'to-markdown' | 'to-raw' | 'interrupt' | 'restart'

const plain: Record<string, Command> = {
  Enter: 'edit', ArrowUp: 'select-up', k: 'select-up', ArrowDown: 'select-down', j: 'select-down',
  a: 'insert-above', b: 'insert-below', z: 'undo-delete', c: 'copy', x: 'cut', v: 'paste',
  y: 'to-code', m: 'to-markdown', r: 'to-raw'
}

/** Keys that act only when pressed twice in a row, as in JupyterLab: a stray one does nothing. */
const twice: Record<string, Command> = { d: 'delete', i: 'interrupt', 0: 'restart' }

/** Reads command-mode keys (focus on a cell, not in its editor). */
export class CommandKeys {
  private last = { key: '', at: 0 }

  command (event: KeyboardEvent): Command | null {
    if (event.metaKey || (event.ctrlKey && event.key !== 'Enter')) return null
    if (event.key === 'Enter') {
      if (event.shiftKey) return 'run-next'
      if (event.ctrlKey) return 'run-stay'
      if (event.altKey) return 'run-insert'
    }
    if (event.altKey) return null
    if (event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) return null
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
    if (twice[key] && !event.shiftKey) {
      const now = Date.now()
      const repeated = this.last.key === key && now - this.last.at < 800
      this.last = repeated ? { key: '', at: 0 } : { key, at: now }
      return repeated ? twice[key] : null
    }
    this.last = { key: '', at: 0 }
    if (event.shiftKey && event.key.length === 1) return null
    return plain[key] ?? null
  }
}
