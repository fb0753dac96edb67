// A member online in a project's chat: joins, posts, waits for an answer, reads up to it, leaves.
//   node chat-online.mjs '{"http":..., "project":..., "token":..., "send":"...", "waitFor":"..."}'
// Prints RESULT {"sentId", "seenId", "lastReadId"}.
import { connect, until } from './chat-view.mjs'

const cfg = JSON.parse(process.argv[2])
const view = await connect(cfg.http, cfg.token)
await view.join(cfg.project)
const sent = await view.connection.invoke('SendChatMessage', cfg.project, { body: cfg.send })
await until(() => [...view.messages.values()].some(m => m.body === cfg.waitFor), `"${cfg.waitFor}"`)
const seen = [...view.messages.values()].find(m => m.body === cfg.waitFor)
const unread = await view.connection.invoke('MarkChatRead', cfg.project, seen.id)
await view.stop()
console.log('RESULT ' + JSON.stringify({ sentId: sent.id, seenId: seen.id, lastReadId: unread.lastReadId }))
