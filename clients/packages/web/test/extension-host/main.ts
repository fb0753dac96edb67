// Stands in for JupyterLab in oidc-popup.browser.test.mjs: the extension's own sign-in form and
// session (jupyterlab-collab/src), mounted bare on a page of another origin.
import { h, listProjects } from '@collab/ui'
import { CollabSession } from '../../../jupyterlab-collab/src/collab-session'
import { signInForm } from '../../../jupyterlab-collab/src/sign-in-form'

const collab = new CollabSession()
const panel = document.getElementById('panel')!

function render (notice: string | null = null): void {
  const session = collab.session
  if (!session) {
    panel.replaceChildren(signInForm(collab, notice, () => render()))
    return
  }
  listProjects(session).then(
    projects => panel.replaceChildren(h('p', { 'data-testid': 'signed-in' }, `${session.user}: ${projects.map(p => p.name).join(', ')}`)),
    (e: Error) => panel.replaceChildren(h('p', { role: 'alert' }, e.message)))
}
collab.onExpired = () => render('Your session expired: sign in again.')
render()
