// A stock y-websocket + yjs client watching a shared run. Config (JSON, argv[2]):
//   { url, httpUrl, project, doc, token, cellId, until }
// Once synced it asks the server (REST) to run `cellId`, then records every distinct text the
// cell's outputs show until one contains `until`. Prints one line:
//   RESULT { views: [text...], executionCount, status }
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'

const config = JSON.parse(process.argv[2])
const doc = new Y.Doc()
const provider = new WebsocketProvider(`${config.url}/yjs/${config.project}`, config.doc, doc, {
  WebSocketPolyfill: WebSocket, params: { access_token: config.token }
})
const views = []
const cellOf = () => doc.getArray('cells').toArray().find(c => c.get('id') === config.cellId)
const outputText = cell => (cell?.get('outputs')?.toArray() ?? [])
  .map(o => o.get('output_type') === 'stream' ? o.get('text').toString() : JSON.stringify(o.get('data') ?? o.get('evalue') ?? ''))
  .join('')

await new Promise(resolve => provider.on('sync', synced => synced && resolve()))
const finished = new Promise(resolve => {
  doc.on('update', () => {
    const cell = cellOf()
    const text = outputText(cell)
    if (text !== '' && text !== views[views.length - 1]) views.push(text)
    if (text.includes(config.until) && cell.get('execution_state') === 'idle') resolve(cell)
  })
})
const response = await fetch(`${config.httpUrl}/api/projects/${config.project}/notebooks/${config.doc}/run`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${config.token}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ mode: 'cells', cellIds: [config.cellId] })
})
if (!response.ok) {
  console.log('RESULT ' + JSON.stringify({ error: `${response.status} ${await response.text()}` }))
  process.exit(0)
}
const cell = await Promise.race([finished, new Promise(resolve => setTimeout(() => resolve(null), 60000))])
console.log('RESULT ' + JSON.stringify({
  views,
  executionCount: cell?.get('execution_count') ?? null,
  status: doc.getMap('execution').get('status') ?? null
}))
provider.destroy()
process.exit(0)
