// Stock y-websocket + yjs clients for the hostile-client tests. Config (JSON, argv[2]):
//   { url, httpUrl, project, doc, token, attack: "deep" | "removed", depth?, user?, ownerToken? }
// "deep": an editor nests `depth` Y.Maps inside the first cell's metadata, as any yjs editor can;
//   prints the server's permission-denied reason.
// "removed": once synced, the owner removes `user` from the project over REST; prints the close
//   code and reason the server then closes this client's socket with.
// Prints one line: RESULT {...}
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'

const config = JSON.parse(process.argv[2])
const doc = new Y.Doc()
const provider = new WebsocketProvider(`${config.url}/yjs/${config.project}`, config.doc, doc, {
  WebSocketPolyfill: WebSocket, params: { access_token: config.token }, connect: true, maxBackoffTime: 60000
})
const result = {}
const done = (extra) => { console.log('RESULT ' + JSON.stringify({ ...result, ...extra })); provider.destroy(); process.exit(0) }

await new Promise(resolve => provider.on('sync', synced => synced && resolve()))
if (config.attack === 'deep') {
  // y-websocket logs the server's permission-denied reason through console.warn.
  const warn = console.warn
  console.warn = (...args) => {
    warn(...args)
    const text = String(args[0])
    if (text.startsWith('Permission denied')) done({ denied: text.split('\n').slice(1).join('\n') })
  }
  const cell = doc.getArray('cells').get(0)
  doc.transact(() => {
    let map = cell.get('metadata')
    for (let i = 0; i < config.depth; i++) { const child = new Y.Map(); map.set('n', child); map = child }
  })
  result.updateBytes = Y.encodeStateAsUpdate(doc).length
  setTimeout(() => done({ denied: null }), 10000)
} else {
  // The server closes the socket before it answers the removal: wait for both.
  const closed = new Promise(resolve => provider.ws.addEventListener('close', e => resolve({ code: e.code, reason: e.reason })))
  const removed = await fetch(`${config.httpUrl}/api/projects/${config.project}/members/${config.user}`,
    { method: 'DELETE', headers: { Authorization: `Bearer ${config.ownerToken}` } })
  result.removeStatus = removed.status
  setTimeout(() => done({ code: null }), 20000)
  done(await closed)
}
