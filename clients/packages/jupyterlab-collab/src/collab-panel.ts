import { chatPanel, copilotPanel, h, listNotebooks, listProjects } from '@collab/ui'
import { Widget } from '@lumino/widgets'
import type { CollabDrive } from './collab-drive'
import type { CollabSession } from './collab-session'
import { signInForm } from './sign-in-form'

/**
 * The Collab side panel: sign in (server URL, then the platform's provider or a dev token), the projects and their notebooks (click to
 * open live), who is in the open notebooks, then the project's chat and the copilot.
 */
export class CollabPanel extends Widget {
  private unmount: () => void = () => {}

  constructor (private readonly collab: CollabSession, private readonly drive: CollabDrive, private readonly open: (path: string) => void) {
    super()
    this.id = 'jupyterlab-collab-panel'
    this.title.caption = 'Collab'
    this.title.label = 'Collab'
    this.addClass('jp-CollabPanel')
    drive.providersChanged.connect(() => this.renderPresence())
    collab.onExpired = () => this.render('Your session expired: sign in again.')
    this.render()
  }

  private presence = h('ul', { class: 'jp-CollabPanel-presence', 'aria-label': 'People in your open notebooks' })

  private render (notice: string | null = null): void {
    this.unmount()
    this.unmount = () => {}
    if (!this.collab.session) this.node.replaceChildren(signInForm(this.collab, notice, () => this.render()))
    else void this.renderProjects()
  }

  private async renderProjects (): Promise<void> {
    const session = this.collab.session!
    const list = h('ul', { class: 'jp-CollabPanel-projects', 'aria-label': 'Projects' })
    const side = h('div', { class: 'jp-CollabPanel-project' })
    this.node.replaceChildren(h('div', { class: 'collab-ui jp-CollabPanel-body' },
      h('p', {}, `Signed in to ${session.serverUrl} as ${session.user} `,
        h('button', { type: 'button', onclick: () => { this.collab.signOut(); this.render() } }, 'Sign out')),
      list, h('h3', {}, 'Here now'), this.presence, side))
    try {
      for (const project of await listProjects(session)) {
        const notebooks = await listNotebooks(session, project.id)
        list.append(h('li', {},
          h('button', { type: 'button', onclick: () => this.showProject(side, project.id) }, `${project.name} (${project.role})`),
          h('ul', {}, ...notebooks.map(n => h('li', {},
            h('button', { type: 'button', class: 'jp-CollabPanel-open', onclick: () => this.open(`${project.id}/${n.name}`) }, n.name))))))
      }
    } catch (e) {
      list.append(h('li', { class: 'error', role: 'alert' }, `Could not list projects: ${(e as Error).message}`))
    }
    this.renderPresence()
  }

  /** Chat and copilot of one project. */
  private showProject (side: HTMLElement, projectId: string): void {
    this.unmount()
    const chat = chatPanel(this.collab.session!, this.collab.chat!, projectId)
    side.replaceChildren(h('h3', {}, `Chat – ${projectId}`), chat.element, h('h3', {}, 'Copilot'),
      copilotPanel(this.collab.session!, projectId, () => undefined))
    this.unmount = () => chat.destroy()
  }

  private renderPresence (): void {
    const items: HTMLElement[] = []
    for (const [path, provider] of this.drive.providers) {
      provider.awareness.getStates().forEach(state => {
        if (state.user?.name) items.push(h('li', {}, h('span', { style: `color:${state.user.color}` }, '● '), `${state.user.name} – ${path}`))
      })
      provider.awareness.off('change', this.onAwareness)
      provider.awareness.on('change', this.onAwareness)
    }
    this.presence.replaceChildren(...items)
  }

  private readonly onAwareness = (): void => this.renderPresence()
}
