// A chat panel's view of one project's chat over @microsoft/signalr (JSON protocol): JoinChat's
// answer plus the hub's events. Events that arrive while JoinChat is in flight are held and
// applied after it; repeats are merged by message id and chunk offset, as the hub documents.
import * as signalR from '@microsoft/signalr'

export async function connect (http, token) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${http}/hubs/collab`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.Warning)
    .build()
  const view = new ChatView(connection)
  await connection.start()
  return view
}

export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

export async function until (condition, what, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

export class ChatView {
  constructor (connection) {
    this.connection = connection
    this.messages = new Map()
    this.mentions = []
    this.typing = []
    this.chunks = 0
    this.gaps = 0
    this.closedWith = new Map() // id -> body the view had assembled when the close arrived
    this.held = null
    const on = (name, apply) => connection.on(name, arg => this.apply(() => apply(arg)))
    on('ChatMessage', m => { if (!this.messages.has(m.id)) this.messages.set(m.id, m) })
    on('ChatMessageEdited', m => this.replace(m))
    on('ChatMessageDeleted', m => this.replace(m))
    on('ChatMessageClosed', m => { this.closedWith.set(m.id, this.messages.get(m.id)?.body); this.replace(m) })
    on('ChatChunk', c => this.appendChunk(c))
    on('Mention', m => this.mentions.push(m))
    on('Typing', t => this.typing.push(t))
    on('ReadMarker', () => {})
  }

  async join (projectId) {
    this.held = []
    const joined = await this.connection.invoke('JoinChat', projectId)
    for (const m of joined.history.messages) this.messages.set(m.id, m)
    for (const apply of this.held) apply()
    this.held = null
    return joined
  }

  async allHistory (projectId, pageSize) {
    const all = []
    let before = null
    do {
      const page = await this.connection.invoke('GetChatHistory', projectId, before, pageSize)
      if (page.messages.length > pageSize) throw new Error('page larger than asked')
      all.unshift(...page.messages)
      before = page.before
    } while (before !== null && before !== undefined)
    return all
  }

  apply (fn) { if (this.held) this.held.push(fn); else fn() }

  replace (m) {
    const held = this.messages.get(m.id)
    if (!held || m.deletedAt || !held.deletedAt) this.messages.set(m.id, m)
  }

  appendChunk (c) {
    this.chunks++
    const m = this.messages.get(c.messageId)
    if (!m || m.state !== 'streaming') return
    const length = m.body.length
    if (c.offset > length) { this.gaps++; return }
    if (c.offset + c.text.length <= length) return
    this.messages.set(c.messageId, { ...m, body: m.body + c.text.slice(length - c.offset) })
  }

  stop () { return this.connection.stop() }
}
