import type { Awareness } from 'y-protocols/awareness'
import { h, clear } from '@collab/ui'

export interface PresenceUser { clientId: number, name: string, color: string, cell: string | null }

/** The users in a room, from awareness states (`user` as y-codemirror.next expects, `cell` = selected cell id). */
export function presentUsers (awareness: Awareness): PresenceUser[] {
  const users: PresenceUser[] = []
  awareness.getStates().forEach((state, clientId) => {
    if (!state.user?.name) return
    users.push({ clientId, name: state.user.name, color: state.user.color ?? '#555', cell: state.cell ?? null })
  })
  return users.sort((a, b) => a.name.localeCompare(b.name))
}

/** "Who is here": a row of names in the notebook's header, so it never sits over the cells. */
export function presenceList (awareness: Awareness, self: number): HTMLElement {
  const list = h('ul', { class: 'presence', 'aria-label': 'People in this notebook', 'data-testid': 'presence' })
  const render = (): void => {
    clear(list)
    for (const user of presentUsers(awareness)) {
      list.append(h('li', { 'data-user': user.name, title: user.clientId === self ? 'You' : `${user.name} is here` },
        h('span', { class: 'dot', style: `background:${user.color}`, 'aria-hidden': 'true' }),
        user.clientId === self ? `${user.name} (you)` : user.name))
    }
  }
  awareness.on('change', render)
  render()
  return list
}
