import { h } from '@collab/ui'

/** An alert under a form that shows why an action failed (the server's problem detail). */
export function formError (): { element: HTMLElement, run: (action: () => Promise<void>) => Promise<void> } {
  const element = h('p', { class: 'error', role: 'alert', hidden: true })
  return {
    element,
    run: async action => {
      element.hidden = true
      try {
        await action()
      } catch (e) {
        element.textContent = (e as Error).message
        element.hidden = false
      }
    }
  }
}

/** Adds `.ipynb` when the name lacks it. */
export function ipynbName (name: string): string {
  const trimmed = name.trim()
  return trimmed.endsWith('.ipynb') ? trimmed : `${trimmed}.ipynb`
}
