// A member coming back to a project's chat: joins, reports unread state and stored mentions,
// pages the whole history backwards, marks everything read.
//   node chat-catch-up.mjs '{"http":..., "project":..., "token":..., "pageSize":2}'
// Prints RESULT {"unread", "mentions", "history", "unreadAfter"}.
import { connect } from './chat-view.mjs'

const cfg = JSON.parse(process.argv[2])
const view = await connect(cfg.http, cfg.token)
const joined = await view.join(cfg.project)
const history = await view.allHistory(cfg.project, cfg.pageSize)
const after = await view.connection.invoke('MarkChatRead', cfg.project, history[history.length - 1].id)
await view.stop()
console.log('RESULT ' + JSON.stringify({
  unread: joined.unread,
  mentions: joined.mentions.map(m => ({ id: m.id, body: m.body, author: m.author })),
  history: history.map(m => ({ id: m.id, body: m.body, deleted: m.deletedAt !== null, replyTo: m.replyTo })),
  unreadAfter: after
}))
