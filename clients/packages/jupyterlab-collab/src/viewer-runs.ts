import { type Notebook, NotebookActions } from '@jupyterlab/notebook'

/** Notebooks whose user is a viewer in the Collab project. */
export const viewerNotebooks = new WeakSet<Notebook>()

const runActions = ['run', 'runCells', 'runAndAdvance', 'runAndInsert', 'runAll', 'runAllAbove', 'runAllBelow'] as const
let guarded = false

/** What a viewer's run does instead: asks the server anyway (its refusal is shown), set by the executor. */
export const viewerRuns = { refuse: (_notebook: Notebook): Promise<boolean> => Promise.resolve(false) }

/**
 * JupyterLab's run commands (menus, toolbar, palette, keys) all call these NotebookActions on the
 * shared @jupyterlab/notebook; JupyterLab has no per-notebook switch to refuse them. Wrapping them
 * once keeps a viewer's runs from writing anything (the run actions may insert cells, render
 * markdown); the run goes to the server instead, whose refusal the user sees.
 */
export function guardViewerRuns (): void {
  if (guarded) return
  guarded = true
  const actions = NotebookActions as unknown as Record<string, (notebook: Notebook, ...rest: unknown[]) => Promise<boolean>>
  for (const name of runActions) {
    const original = actions[name]
    actions[name] = (notebook, ...rest) => viewerNotebooks.has(notebook) ? viewerRuns.refuse(notebook) : original(notebook, ...rest)
  }
}
