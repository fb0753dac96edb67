import type { CollabConnection, ConnectionStatus } from '@collab/signalr-provider'
import { h } from '@collab/ui'

const labels: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Online',
  reconnecting: 'Offline – reconnecting…',
  disconnected: 'Offline'
}

/** A status pill (role=status, so screen readers announce changes) that follows the connection. */
export function connectionIndicator (connection: CollabConnection): HTMLElement {
  const element = h('span', { class: 'connection', role: 'status', 'aria-live': 'polite', 'data-testid': 'connection' })
  const show = (status: ConnectionStatus): void => {
    element.textContent = labels[status]
    element.dataset.status = status === 'connected' ? 'online' : 'offline'
  }
  show(connection.status)
  connection.on('status', show)
  return element
}
