import { chooseJupyterServer, getJupyterServer, h, type ProjectSummary, type Session } from '@collab/ui'
import { formError } from './forms'

/**
 * Which Jupyter Server the project's cells run on, shown only where the deployment offers more
 * than one; owners switch it (running kernels are shut down, so the page says so first).
 */
export async function jupyterServerSection (session: Session, project: ProjectSummary, reload: () => void): Promise<HTMLElement | null> {
  const choice = await getJupyterServer(session, project.id)
  const current = choice.server
  if (current === null || choice.servers.length < 2) return null
  const section = h('section', { class: 'jupyter-server', 'aria-labelledby': 'jupyter-server-title' },
    h('h2', { id: 'jupyter-server-title' }, 'Jupyter server'))
  if (project.role !== 'owner') {
    section.append(h('p', {}, 'Cells run on ', h('strong', {}, current), '.'))
    return section
  }
  const error = formError()
  const select = h('select', { 'aria-label': 'Jupyter server' }, ...choice.servers.map(s => h('option', { value: s }, s)))
  select.value = current
  select.addEventListener('change', () => {
    if (!confirm(`Run ${project.name}'s cells on ${select.value}? Running kernels stop and their variables are lost.`)) {
      select.value = current
      return
    }
    void error.run(async () => { await chooseJupyterServer(session, project.id, select.value); reload() })
  })
  section.append(h('p', { class: 'inline-form' }, h('span', {}, 'Cells run on'), select), error.element)
  return section
}
