import { HubEvents, HubMethods, type CollabConnection } from '@collab/signalr-provider'
import { ObservableV2 } from 'lib0/observable'
import { api } from './api'
import type { Session } from './session'
import { camelize } from './wire-names'

export interface ChatMessage {
  id: number
  author: string
  body: string
  createdAt: unknown
  deletedAt: unknown
  /** `Streaming`/1, `Complete`/2 or `Failed`/3 (enum names over JSON, numbers over MessagePack). */
  state: string | number
}

interface ChatChunk { messageId: number, offset: number, text: string }
interface ChatJoinResult { canPost: boolean, role: string, history: { messages: ChatMessage[] } }

export interface ChatClientEvents {
  /** The visible messages changed (new, edited, streamed into, deleted, reloaded). */
  messages: (messages: ChatMessage[]) => void
  canPost: (canPost: boolean) => void
}

export function isStreaming (message: ChatMessage): boolean {
  return message.state === 'Streaming' || message.state === 1
}

/**
 * A project's chat: joined over the shared hub connection (and again after every reconnect, which
 * reloads the newest page), live events merged by message id, chunks of streaming replies
 * appended by offset. Messages are posted over REST, whose answer is the stored message.
 */
export class ChatClient extends ObservableV2<ChatClientEvents> {
  private readonly byId = new Map<number, ChatMessage>()
  private readonly handlers: Array<[string, (raw: unknown) => void]>

  constructor (private readonly session: Session, private readonly connection: CollabConnection, readonly projectId: string) {
    super()
    const upsert = (raw: unknown): void => this.upsert(camelize<ChatMessage & { projectId: string }>(raw))
    this.handlers = [
      [HubEvents.ChatMessage, upsert], [HubEvents.ChatMessageEdited, upsert], [HubEvents.ChatMessageDeleted, upsert], [HubEvents.ChatMessageClosed, upsert],
      [HubEvents.ChatChunk, raw => this.append(camelize<ChatChunk & { projectId: string }>(raw))]
    ]
    for (const [name, handler] of this.handlers) connection.hub.on(name, handler)
    connection.on('connected', this.join)
    if (connection.isConnected) void this.join()
  }

  get messages (): ChatMessage[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id)
  }

  async send (body: string): Promise<void> {
    const message = await api<unknown>(this.session, 'POST', `/api/projects/${encodeURIComponent(this.projectId)}/chat/messages`, { body })
    this.upsert({ ...camelize<ChatMessage>(message), projectId: this.projectId })
  }

  override destroy (): void {
    for (const [name, handler] of this.handlers) this.connection.hub.off(name, handler)
    this.connection.off('connected', this.join)
    if (this.connection.isConnected) void this.connection.hub.invoke(HubMethods.LeaveChat, this.projectId).catch(() => {})
    super.destroy()
  }

  private readonly join = async (): Promise<void> => {
    try {
      const joined = camelize<ChatJoinResult>(await this.connection.hub.invoke(HubMethods.JoinChat, this.projectId))
      for (const message of joined.history.messages) this.byId.set(message.id, message)
      this.emit('canPost', [joined.canPost])
      this.emit('messages', [this.messages])
    } catch {
      // Dropped mid-join: 'connected' fires again after the reconnect.
    }
  }

  private upsert (message: ChatMessage & { projectId?: string }): void {
    if (message.projectId !== undefined && message.projectId !== this.projectId) return
    this.byId.set(message.id, message)
    this.emit('messages', [this.messages])
  }

  private append (chunk: ChatChunk & { projectId: string }): void {
    const message = this.byId.get(chunk.messageId)
    if (chunk.projectId !== this.projectId || !message) return
    // Offsets say where the chunk goes: skip what we already have; a gap means we missed one.
    if (message.body.length > chunk.offset) message.body = message.body.slice(0, chunk.offset) + chunk.text
    else if (message.body.length === chunk.offset) message.body += chunk.text
    else void this.reload(chunk.messageId)
    this.emit('messages', [this.messages])
  }

  private async reload (id: number): Promise<void> {
    const message = await api<unknown>(this.session, 'GET', `/api/projects/${encodeURIComponent(this.projectId)}/chat/messages/${id}`)
    this.upsert(camelize<ChatMessage>(message))
  }
}
