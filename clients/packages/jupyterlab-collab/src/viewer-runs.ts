import { type Notebook, NotebookActions } from '@jupyterlab/notebook'

/** Notebooks whose user is a viewer in the Collab project. */
export const viewerNotebooks = new WeakSet<Notebook>()

const runActions = ['run', 'runCells', 'runAndAdvance', 'runAndInsert', 'runAll', 'runAllAbove', 'runAllBelow'] as const
let guarded = false

/**
 * JupyterLab's run commands (menus, toolbar, palette, keys) all call these NotebookActions on the
 * shared @jupyterlab/notebook; JupyterLab has no per-notebook switch to refuse them. Wrapping them
 * once keeps a viewer's runs from writing outputs the server would refuse anyway.
 */
export function guardViewerRuns (): void {
  if (guarded) return
  guarded = true
  const actions = NotebookActions as unknown as Record<string, (notebook: Notebook, ...rest: unknown[]) => Promise<boolean>>
  for (const name of runActions) {
    const original = actions[name]
    actions[name] = (notebook, ...rest) => viewerNotebooks.has(notebook) ? Promise.resolve(false) : original(notebook, ...rest)
  }
}
