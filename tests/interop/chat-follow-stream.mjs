// Joins a project's chat while a bot reply is streaming, says so by typing, and follows the
// reply to its end.
//   node chat-follow-stream.mjs '{"http":..., "project":..., "token":..., "messageId":n}'
// Prints RESULT {"joinedBody", "joinedState", "assembled", "closedBody", "state", "gaps", "chunks"}.
import { connect, until } from './chat-view.mjs'

const cfg = JSON.parse(process.argv[2])
const view = await connect(cfg.http, cfg.token)
await view.join(cfg.project)
const joined = view.messages.get(cfg.messageId)
await view.connection.invoke('SendTyping', cfg.project, true)
await until(() => view.closedWith.has(cfg.messageId), 'the reply to close')
const closed = view.messages.get(cfg.messageId)
await view.stop()
console.log('RESULT ' + JSON.stringify({
  joinedBody: joined?.body ?? null,
  joinedState: joined?.state ?? null,
  assembled: view.closedWith.get(cfg.messageId),
  closedBody: closed.body,
  state: closed.state,
  gaps: view.gaps,
  chunks: view.chunks
}))
