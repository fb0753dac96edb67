import {
  deleteNotebook, exportNotebook, getProject, importNewNotebook, listNotebooks, renameNotebook, h,
  createNotebook, type NotebookInfo, type ProjectSummary, type Session
} from '@collab/ui'
import { formError, ipynbName } from './forms'
import { notebookHref } from './routes'
import { membersSection } from './members-view'
import { jupyterServerSection } from './jupyter-server-view'
import { roleName } from './role-names'

/**
 * One project: its notebooks (open, download; editors also create, upload, rename and delete) and
 * its members (owners change roles, add and remove people).
 */
export async function projectView (session: Session, projectId: string): Promise<HTMLElement> {
  const [project, notebooks] = await Promise.all([getProject(session, projectId), listNotebooks(session, projectId)])
  // Re-renders the current route (main.ts routes on hashchange).
  const reload = (): void => { window.dispatchEvent(new HashChangeEvent('hashchange')) }
  const canEdit = project.role !== 'viewer'
  const section = h('section', { class: 'listing', 'aria-labelledby': 'project-title' },
    h('p', {}, h('a', { href: '#/' }, '← All projects')),
    h('h1', { id: 'project-title' }, `${project.name} `, h('span', { class: 'role' }, roleName(project.role))),
    h('h2', {}, 'Notebooks'),
    notebooks.length === 0
      ? h('p', {}, 'No notebooks yet.')
      : h('ul', { class: 'rows', 'aria-label': 'Notebooks' }, ...notebooks.map(n => notebookRow(session, project, n, canEdit, reload))))
  if (canEdit) section.append(newNotebookForm(session, projectId), uploadForm(session, projectId))
  section.append(await membersSection(session, project, reload))
  const jupyter = await jupyterServerSection(session, project, reload)
  if (jupyter) section.append(jupyter)
  return section
}

function notebookRow (session: Session, project: ProjectSummary, notebook: NotebookInfo, canEdit: boolean, reload: () => void): HTMLElement {
  const error = formError()
  const row = h('li', { 'data-notebook': notebook.name },
    h('a', { href: notebookHref(project.id, notebook.name), class: 'grow' }, notebook.name))
  const button = (text: string, label: string, run: () => Promise<void>): HTMLButtonElement =>
    h('button', { type: 'button', 'aria-label': `${label} ${notebook.name}`, title: label, onclick: () => { void error.run(run) } }, text)
  row.append(button('Download', 'Download', () => download(session, project.id, notebook.name)))
  if (canEdit) {
    row.append(
      button('Rename', 'Rename', async () => { row.replaceWith(renameForm(session, project.id, notebook.name, row, reload)) }),
      button('Delete', 'Delete', async () => {
        if (!confirm(`Delete ${notebook.name} for everyone in ${project.name}? This cannot be undone.`)) return
        await deleteNotebook(session, project.id, notebook.name)
        reload()
      }))
  }
  row.append(error.element)
  return row
}

/** Rename in place: Enter (or Save) renames, Escape (or Cancel) puts the row back. */
function renameForm (session: Session, projectId: string, name: string, row: HTMLElement, reload: () => void): HTMLElement {
  const input = h('input', { value: name, required: true, 'aria-label': `New name for ${name}`, pattern: '[A-Za-z0-9_][A-Za-z0-9 _.\\-]*' })
  const error = formError()
  const cancel = (): void => item.replaceWith(row)
  const form = h('form', { class: 'rename-form', 'aria-label': `Rename ${name}` },
    input, h('button', { type: 'submit' }, 'Save'), h('button', { type: 'button', onclick: cancel }, 'Cancel'), error.element)
  input.addEventListener('keydown', event => { if (event.key === 'Escape') cancel() })
  form.addEventListener('submit', event => {
    event.preventDefault()
    const newName = ipynbName(input.value)
    if (newName === name) return cancel()
    void error.run(async () => {
      await renameNotebook(session, projectId, name, newName)
      reload()
    })
  })
  const item = h('li', { 'data-notebook': name }, form)
  queueMicrotask(() => { input.focus(); input.setSelectionRange(0, name.replace(/\.ipynb$/, '').length) })
  return item
}

async function download (session: Session, projectId: string, name: string): Promise<void> {
  const ipynb = await exportNotebook(session, projectId, name)
  const url = URL.createObjectURL(new Blob([JSON.stringify(ipynb, null, 1)], { type: 'application/x-ipynb+json' }))
  const link = h('a', { href: url, download: name, hidden: true })
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

function newNotebookForm (session: Session, projectId: string): HTMLElement {
  const input = h('input', { id: 'new-notebook', required: true, placeholder: 'analysis.ipynb', pattern: '[A-Za-z0-9_][A-Za-z0-9 _.\\-]*' })
  const error = formError()
  const form = h('form', { class: 'inline-form', 'aria-label': 'Create a notebook' },
    h('label', { for: 'new-notebook' }, 'New notebook'), input, h('button', { type: 'submit' }, 'Create'), error.element)
  form.addEventListener('submit', event => {
    event.preventDefault()
    void error.run(async () => {
      const name = ipynbName(input.value)
      await createNotebook(session, projectId, name)
      location.hash = notebookHref(projectId, name)
    })
  })
  return form
}

function uploadForm (session: Session, projectId: string): HTMLElement {
  const file = h('input', { id: 'upload-notebook', type: 'file', accept: '.ipynb,application/x-ipynb+json,application/json' })
  const error = formError()
  file.addEventListener('change', () => {
    const chosen = file.files?.[0]
    if (!chosen) return
    void error.run(async () => {
      let content: unknown
      try {
        content = JSON.parse(await chosen.text())
      } catch {
        throw new Error(`${chosen.name} is not a notebook (not JSON).`)
      }
      const name = ipynbName(chosen.name.replace(/[^A-Za-z0-9 _.-]/g, '_'))
      await importNewNotebook(session, projectId, name, content)
      location.hash = notebookHref(projectId, name)
    })
  })
  return h('div', { class: 'inline-form' }, h('label', { for: 'upload-notebook' }, 'Upload .ipynb'), file, error.element)
}
