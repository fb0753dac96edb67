import { createNotebook, getProject, listNotebooks, listProjects, h, type Session } from '@collab/ui'

const notebookHref = (project: string, name: string) => `#/p/${encodeURIComponent(project)}/${encodeURIComponent(name)}`

/** The caller's projects. */
export async function projectsView (session: Session): Promise<HTMLElement> {
  const projects = await listProjects(session)
  return h('section', { class: 'listing', 'aria-labelledby': 'projects-title' },
    h('h1', { id: 'projects-title' }, 'Your projects'),
    projects.length === 0
      ? h('p', {}, 'You are not a member of any project yet.')
      : h('ul', {}, ...projects.map(p => h('li', {},
        h('a', { href: `#/p/${encodeURIComponent(p.id)}` }, p.name), h('span', { class: 'role' }, p.role)))))
}

/** One project's notebooks, with a form to create one (editors and owners). */
export async function notebooksView (session: Session, projectId: string): Promise<HTMLElement> {
  const [project, notebooks] = await Promise.all([getProject(session, projectId), listNotebooks(session, projectId)])
  const section = h('section', { class: 'listing', 'aria-labelledby': 'notebooks-title' },
    h('p', {}, h('a', { href: '#/' }, '← All projects')),
    h('h1', { id: 'notebooks-title' }, `${project.name} `, h('span', { class: 'role' }, project.role)),
    notebooks.length === 0
      ? h('p', {}, 'No notebooks yet.')
      : h('ul', {}, ...notebooks.map(n => h('li', {}, h('a', { href: notebookHref(projectId, n.name) }, n.name)))))
  if (project.role !== 'viewer') section.append(newNotebookForm(session, projectId))
  return section
}

function newNotebookForm (session: Session, projectId: string): HTMLElement {
  const input = h('input', { id: 'new-notebook', required: true, placeholder: 'analysis.ipynb', pattern: '[A-Za-z0-9_][A-Za-z0-9 _.\\-]*' })
  const error = h('p', { class: 'error', role: 'alert', hidden: true })
  const form = h('form', { class: 'inline-form', 'aria-label': 'New notebook' },
    h('label', { for: 'new-notebook' }, 'New notebook'), input, h('button', { type: 'submit' }, 'Create'), error)
  form.addEventListener('submit', async event => {
    event.preventDefault()
    const name = input.value.trim().endsWith('.ipynb') ? input.value.trim() : `${input.value.trim()}.ipynb`
    try {
      await createNotebook(session, projectId, name)
      location.hash = notebookHref(projectId, name)
    } catch (e) {
      error.textContent = (e as Error).message
      error.hidden = false
    }
  })
  return form
}
