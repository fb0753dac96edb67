import { CollabConnection } from '@collab/signalr-provider'
import { chatPanel, copilotPanel, h, clearSession, whenExpired, type Session } from '@collab/ui'
import { connectionIndicator } from './connection-indicator'
import { historyPanel } from './history-panel'
import { NotebookView } from './notebook-view'
import { projectView } from './project-view'
import { projectsView } from './projects-view'
import { loadRoleNames } from './role-names'
import { signedInSession, signInAgain } from './sign-in-view'
import { tabs } from './side-panel'
import { projectHref } from './routes'
import 'katex/dist/katex.min.css'
import '@collab/ui/style.css'
import './styles.css'

const root = document.getElementById('app')!

/** What the current route mounted; torn down before the next one (providers, chat subscriptions). */
let unmount: () => void = () => {}

function start (session: Session): void {
  // Chat gets its own connection: the hub runs one call per connection at a time, so a slow
  // chat call must never hold back a notebook's updates.
  const connection = new CollabConnection({ serverUrl: location.origin, token: () => session.token })
  const chatConnection = new CollabConnection({ serverUrl: location.origin, token: () => session.token })
  void connection.start()
  void chatConnection.start()
  whenExpired(session, () => {
    clearSession()
    signInAgain('Your session expired: sign in again.')
  })
  const main = h('main', { id: 'main', tabindex: -1 })
  const signOut = h('button', {
    type: 'button',
    onclick: () => {
      unmount()
      void connection.stop()
      void chatConnection.stop()
      clearSession()
      location.hash = ''
      location.reload()
    }
  }, 'Sign out')
  root.replaceChildren(
    h('a', { href: '#main', class: 'skip-link' }, 'Skip to content'),
    h('header', { class: 'top' },
      h('a', { href: '#/', class: 'brand' }, 'Collab'),
      connectionIndicator(connection),
      h('span', { class: 'user', 'data-testid': 'user' }, session.user),
      signOut),
    main)
  const route = async (): Promise<void> => {
    unmount()
    unmount = () => {}
    const [, project, notebook] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent)
    try {
      if (project && notebook) unmount = mountNotebook(main, session, connection, chatConnection, project, notebook)
      else if (project) main.replaceChildren(await projectView(session, project))
      else main.replaceChildren(await projectsView(session))
    } catch (e) {
      main.replaceChildren(h('p', { class: 'error', role: 'alert' }, `Could not load: ${(e as Error).message}`))
    }
  }
  window.addEventListener('hashchange', () => { void route() })
  void loadRoleNames().then(route)
}

/** Routes look like `#/p/{project}/{notebook}`; the first segment is always `p`. */
function mountNotebook (main: HTMLElement, session: Session, connection: CollabConnection, chatConnection: CollabConnection,
  project: string, name: string): () => void {
  const view = new NotebookView(session, connection, project, name)
  const chat = chatPanel(session, chatConnection, project)
  const history = historyPanel(session, project, name)
  main.replaceChildren(h('div', { class: 'workspace' },
    h('div', { class: 'workspace-main' },
      h('p', { class: 'crumbs' }, h('a', { href: projectHref(project) }, `← ${project}`)),
      view.element),
    h('aside', { class: 'side', 'aria-label': 'Chat, copilot and history' },
      tabs('Project panels', [
        { id: 'chat', title: 'Chat', content: chat.element },
        { id: 'copilot', title: 'Copilot', content: copilotPanel(session, project, () => name) },
        { id: 'history', title: 'History', content: history.element, onShow: () => { void history.refresh() } }
      ]))))
  return () => {
    view.destroy()
    chat.destroy()
  }
}

signedInSession(root).then(start, (e: Error) => {
  root.replaceChildren(h('main', { id: 'main' }, h('p', { class: 'error', role: 'alert' }, `Could not start: ${e.message}`)))
})
