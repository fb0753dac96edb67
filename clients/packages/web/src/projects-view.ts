import { createProject, listProjects, h, type Session } from '@collab/ui'
import { roleName } from './role-names'
import { formError } from './forms'
import { projectHref } from './routes'

/** The caller's projects, and a form to create one (the creator becomes its owner). */
export async function projectsView (session: Session): Promise<HTMLElement> {
  const projects = await listProjects(session)
  return h('section', { class: 'listing', 'aria-labelledby': 'projects-title' },
    h('h1', { id: 'projects-title' }, 'Your projects'),
    projects.length === 0
      ? h('p', {}, 'You are not a member of any project yet. Create one below.')
      : h('ul', { class: 'rows' }, ...projects.map(p => h('li', {},
        h('a', { href: projectHref(p.id) }, p.name), h('span', { class: 'role' }, roleName(p.role))))),
    newProjectForm(session))
}

function newProjectForm (session: Session): HTMLElement {
  const id = h('input', { id: 'new-project-id', required: true, placeholder: 'ml-course', pattern: '[a-z0-9][a-z0-9\\-]*', title: 'Lower-case letters, digits and dashes' })
  const name = h('input', { id: 'new-project-name', placeholder: 'ML course (optional)' })
  const error = formError()
  const form = h('form', { class: 'inline-form', 'aria-label': 'Create a project' },
    h('label', { for: 'new-project-id' }, 'New project id'), id,
    h('label', { for: 'new-project-name' }, 'Name'), name,
    h('button', { type: 'submit' }, 'Create project'), error.element)
  form.addEventListener('submit', event => {
    event.preventDefault()
    void error.run(async () => {
      const created = await createProject(session, id.value.trim(), name.value.trim())
      location.hash = projectHref(created.id)
    })
  })
  return form
}
