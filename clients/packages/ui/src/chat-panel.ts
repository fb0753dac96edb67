import type { CollabConnection } from '@collab/signalr-provider'
import { ChatClient, isStreaming, type ChatMessage } from './chat-client'
import { h } from './dom'
import { renderMarkdown } from './markdown'
import type { Session } from './session'
import { userColour } from './user-colour'
import { toDate } from './wire-names'

/** The project chat: a live log and a composer (Enter sends, Shift+Enter starts a new line). */
export function chatPanel (session: Session, connection: CollabConnection, projectId: string): { element: HTMLElement, destroy: () => void } {
  const client = new ChatClient(session, connection, projectId)
  const log = h('ol', { class: 'chat-log', role: 'log', 'aria-label': 'Chat messages', 'aria-live': 'polite', 'data-testid': 'chat-log' })
  const input = h('textarea', { id: 'chat-input', rows: 2, placeholder: 'Message the project… (@copilot to ask the copilot)' })
  const error = h('p', { class: 'error', role: 'alert', hidden: true })
  const sendButton = h('button', { type: 'submit' }, 'Send')
  const form = h('form', { class: 'composer', 'aria-label': 'Send a chat message' },
    h('label', { for: 'chat-input', class: 'visually-hidden' }, 'Chat message'), input, sendButton)

  const send = async (): Promise<void> => {
    const body = input.value.trim()
    if (!body) return
    error.hidden = true
    sendButton.disabled = true
    try {
      await client.send(body)
      input.value = ''
    } catch (e) {
      error.textContent = `Not sent: ${(e as Error).message}`
      error.hidden = false
    } finally {
      sendButton.disabled = false
      input.focus()
    }
  }
  form.addEventListener('submit', e => { e.preventDefault(); void send() })
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void send() }
  })

  const render = (messages: ChatMessage[]): void => {
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40
    log.replaceChildren(...messages.map(renderMessage))
    if (atBottom) log.scrollTop = log.scrollHeight
  }
  client.on('messages', render)
  client.on('canPost', canPost => {
    input.disabled = !canPost
    sendButton.disabled = !canPost
    input.placeholder = canPost ? input.placeholder : 'You cannot post in this project\'s chat.'
  })
  render(client.messages)
  return { element: h('div', { class: 'chat collab-ui' }, log, error, form), destroy: () => client.destroy() }
}

function renderMessage (message: ChatMessage): HTMLElement {
  const when = toDate(message.createdAt)
  const deleted = Boolean(message.deletedAt)
  return h('li', { class: `message${isStreaming(message) ? ' streaming' : ''}`, 'data-message-id': message.id },
    h('div', { class: 'meta' },
      h('strong', { style: `color:${userColour(message.author)}` }, message.author),
      when ? h('time', { datetime: when.toISOString() }, when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })) : null,
      isStreaming(message) ? h('span', { class: 'muted' }, 'typing…') : null),
    deleted ? h('p', { class: 'muted' }, 'Message deleted') : renderMarkdown(message.body))
}
