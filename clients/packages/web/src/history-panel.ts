import { api, getProject, h, type Session } from '@collab/ui'
import { formError } from './forms'

/** A kept version of the notebook, as `GET …/versions` lists it. */
interface Version {
  id: number
  createdAt: string
  kind: 'auto' | 'checkpoint' | 'before-restore' | 'before-import' | 'restore'
  name: string | null
  authors: string[]
}

interface CellDiff {
  cellId: string
  change: 'added' | 'removed' | 'changed' | 'moved'
  cellType: string
  moved: boolean
  sourceDiff: string | null
  outputsChanged: boolean
  metadataChanged: boolean
}

interface NotebookDiff { notebookMetadataChanged: boolean, cells: CellDiff[] }

const kindNames: Record<Version['kind'], string> = {
  auto: 'Saved automatically',
  checkpoint: 'Checkpoint',
  'before-restore': 'Before a restore',
  'before-import': 'Before an upload',
  restore: 'Restore'
}

// Read from the version's side: "removed" means the version has a cell that is gone now.
const changeNames: Record<CellDiff['change'], string> = {
  added: 'added since',
  removed: 'deleted since',
  changed: 'changed since',
  moved: 'moved since'
}

/**
 * The notebook's history: its versions newest first (time, kind or checkpoint name, authors), a
 * preview of one as a cell-level diff against the notebook now, and, for those allowed, buttons to
 * save a checkpoint, restore the whole version or one cell. Viewers only look.
 */
export function historyPanel (session: Session, projectId: string, name: string): { element: HTMLElement, refresh: () => Promise<void> } {
  const base = `/api/projects/${encodeURIComponent(projectId)}/notebooks/${encodeURIComponent(name)}/versions`
  const error = formError()
  const list = h('ol', { class: 'history-list', 'aria-label': 'Versions' })
  const preview = h('section', { class: 'history-preview', 'aria-label': 'Version preview', hidden: true })
  const checkpointName = h('input', { 'aria-label': 'Checkpoint name', placeholder: 'Checkpoint name', required: true, maxlength: 200 })
  const checkpoint = h('form', { class: 'history-checkpoint', 'aria-label': 'Save a checkpoint', hidden: true },
    checkpointName, h('button', { type: 'submit' }, 'Save checkpoint'))
  const reload = h('button', { type: 'button', class: 'history-refresh', onclick: () => { void error.run(() => refresh()) } }, 'Refresh')
  const element = h('div', { class: 'history-panel' },
    h('div', { class: 'history-bar' }, checkpoint, reload), error.element, list, preview)
  let canEdit = false
  let canRestore = false
  let selected: number | null = null

  checkpoint.addEventListener('submit', event => {
    event.preventDefault()
    void error.run(async () => {
      await api(session, 'POST', base, { name: checkpointName.value })
      checkpointName.value = ''
      await refresh()
    })
  })

  const restore = async (version: Version, cellId?: string): Promise<void> => {
    const what = cellId === undefined ? `the whole notebook to ${label(version)}` : `this cell to ${label(version)}`
    if (!confirm(`Restore ${what} for everyone? The notebook as it is now is kept as a version first.`)) return
    await api(session, 'POST', `${base}/${version.id}/restore`, cellId === undefined ? undefined : { cellId })
    await refresh()
    await show(version)
  }

  const show = async (version: Version): Promise<void> => {
    selected = version.id
    for (const item of list.querySelectorAll('li')) item.classList.toggle('selected', item.dataset.version === String(version.id))
    const diff = await api<NotebookDiff>(session, 'GET', `${base}/${version.id}/diff?against=now`)
    const heading = h('h3', {}, `${label(version)} → now`)
    const actions = h('div', { class: 'history-actions' })
    if (canRestore) {
      actions.append(h('button', { type: 'button', onclick: () => { void error.run(() => restore(version)) } }, 'Restore this version'))
    }
    const cells = diff.cells.length === 0
      ? [h('p', {}, diff.notebookMetadataChanged ? 'Only the notebook metadata changed since.' : 'No changes since this version.')]
      : diff.cells.map(cell => cellChange(cell, canRestore && cell.change !== 'added'
        ? () => { void error.run(() => restore(version, cell.cellId)) }
        : undefined))
    preview.replaceChildren(heading, actions, ...cells)
    preview.hidden = false
  }

  const refresh = async (): Promise<void> => {
    const versions = await api<Version[]>(session, 'GET', base)
    list.replaceChildren(...(versions.length === 0
      ? [h('li', { class: 'empty' }, 'No versions yet: they are kept after a quiet minute of edits, or saved as checkpoints.')]
      : versions.map(version => {
        const item = h('li', { 'data-version': String(version.id), class: version.id === selected ? 'selected' : undefined },
          h('button', { type: 'button', class: 'history-entry', onclick: () => { void error.run(() => show(version)) } },
            h('time', { datetime: version.createdAt }, new Date(version.createdAt).toLocaleString()),
            h('span', { class: `history-kind kind-${version.kind}` }, label(version)),
            h('span', { class: 'history-authors' }, version.authors.length > 0 ? version.authors.join(', ') : 'no edits by people')))
        return item
      })))
  }

  void error.run(async () => {
    const [project, settings] = await Promise.all([
      getProject(session, projectId),
      api<{ ownersOnlyRestore: boolean }>(session, 'GET', `/api/projects/${encodeURIComponent(projectId)}/history/settings`)
    ])
    canEdit = project.role === 'editor' || project.role === 'owner'
    canRestore = canEdit && (!settings.ownersOnlyRestore || project.role === 'owner')
    checkpoint.hidden = !canEdit
    await refresh()
  })
  return { element, refresh }
}

function label (version: Version): string {
  if (version.kind === 'checkpoint' && version.name) return `Checkpoint “${version.name}”`
  return version.kind === 'restore' && version.name ? version.name : kindNames[version.kind]
}

function cellChange (cell: CellDiff, restore?: () => void): HTMLElement {
  const notes = [
    cell.moved && cell.change !== 'moved' ? 'moved' : '',
    cell.outputsChanged ? 'outputs changed' : '',
    cell.metadataChanged ? 'metadata changed' : ''
  ].filter(Boolean).join(', ')
  const item = h('article', { class: `history-cell change-${cell.change}`, 'data-cell': cell.cellId },
    h('header', {},
      h('span', { class: 'history-change' }, `${cell.cellType} cell ${changeNames[cell.change]}`),
      notes ? h('span', { class: 'history-notes' }, ` (${notes})`) : null,
      restore ? h('button', { type: 'button', onclick: restore, 'aria-label': `Restore cell ${cell.cellId}` }, 'Restore cell') : null))
  if (cell.sourceDiff) item.append(diffBlock(cell.sourceDiff))
  return item
}

/** A unified diff with its added and removed lines marked (text only, never HTML). */
function diffBlock (diff: string): HTMLElement {
  const lines = diff.split('\n').filter((line, i) => line.length > 0 && !(i < 2 && /^(---|\+\+\+) /.test(line)))
  return h('pre', { class: 'history-diff' }, ...lines.map(line => h('span', {
    class: line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : line.startsWith('@@') ? 'hunk' : undefined
  }, line + '\n')))
}
