/** JupyterLab's command-mode commands this client offers. */
export type Command =
  | 'edit' | 'run-next' | 'run-stay' | 'run-insert' | 'select-up' | 'select-down'
  | 'insert-above' | 'insert-below' | 'delete' | 'undo-delete' | 'copy' | 'cut' | 'paste'
  | 'to-code' | 'to-markdown' | 'to-raw'

const plain: Record<string, Command> = {
  Enter: 'edit', ArrowUp: 'select-up', k: 'select-up', ArrowDown: 'select-down', j: 'select-down',
  a: 'insert-above', b: 'insert-below', z: 'undo-delete', c: 'copy', x: 'cut', v: 'paste',
  y: 'to-code', m: 'to-markdown', r: 'to-raw'
}

/**
 * Reads command-mode keys (focus on a cell, not in its editor). D must be pressed twice, as in
 * JupyterLab, so a stray D deletes nothing.
 */
export class CommandKeys {
  private lastD = 0

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
    if (key === 'd' && !event.shiftKey) {
      const now = Date.now()
      const twice = now - this.lastD < 800
      this.lastD = twice ? 0 : now
      return twice ? 'delete' : null
    }
    this.lastD = 0
    if (event.shiftKey && event.key.length === 1) return null
    return plain[key] ?? null
  }
}
