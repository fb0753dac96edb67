import { listMembers, removeMember, setMember, h, type ProjectSummary, type Session } from '@collab/ui'
import { formError } from './forms'
import { roleName, roles } from './role-names'

/** The project's members; owners change roles, add and remove people (the server keeps one owner at least). */
export async function membersSection (session: Session, project: ProjectSummary, reload: () => void): Promise<HTMLElement> {
  const members = await listMembers(session, project.id)
  const isOwner = project.role === 'owner'
  const error = formError()
  const roleSelect = (value: string, label: string, onChange?: (role: string) => void): HTMLSelectElement => {
    const select = h('select', { 'aria-label': label }, ...roles.map(r => h('option', { value: r }, roleName(r))))
    select.value = value
    if (onChange) select.addEventListener('change', () => onChange(select.value))
    return select
  }
  const rows = members.map(m => {
    const row = h('li', { 'data-member': m.userId }, h('span', { class: 'grow' }, m.userId, m.userId === session.user ? ' (you)' : ''))
    if (!isOwner) row.append(h('span', { class: 'role' }, roleName(m.role)))
    else {
      row.append(
        roleSelect(m.role, `Role of ${m.userId}`, role => { void error.run(async () => { await setMember(session, project.id, m.userId, role); reload() }) }),
        h('button', {
          type: 'button',
          'aria-label': `Remove ${m.userId}`,
          onclick: () => {
            if (!confirm(`Remove ${m.userId} from ${project.name}?`)) return
            void error.run(async () => { await removeMember(session, project.id, m.userId); reload() })
          }
        }, 'Remove'))
    }
    return row
  })
  const section = h('section', { class: 'members', 'aria-labelledby': 'members-title' },
    h('h2', { id: 'members-title' }, 'Members'),
    h('ul', { class: 'rows', 'aria-label': 'Members' }, ...rows), error.element)
  if (isOwner) section.append(addMemberForm(session, project.id, roleSelect, reload))
  return section
}

function addMemberForm (session: Session, projectId: string,
  roleSelect: (value: string, label: string) => HTMLSelectElement, reload: () => void): HTMLElement {
  const user = h('input', { id: 'add-member', required: true, placeholder: 'user id', maxlength: 256 })
  const role = roleSelect('editor', 'Role of the new member')
  const error = formError()
  const form = h('form', { class: 'inline-form', 'aria-label': 'Add a member' },
    h('label', { for: 'add-member' }, 'Add member'), user, role, h('button', { type: 'submit' }, 'Add'), error.element)
  form.addEventListener('submit', event => {
    event.preventDefault()
    void error.run(async () => { await setMember(session, projectId, user.value.trim(), role.value); reload() })
  })
  return form
}
