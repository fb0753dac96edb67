// Real JavaScript peers for CollabServer's end-to-end tests: two stock y-websocket clients and
// one @microsoft/signalr client (MessagePack), each editing the same JupyterLab YNotebook
// (@jupyter/ydoc) concurrently with whoever else the test runs (the .NET SignalR client).
//
//   node collab-clients.mjs '<json config>'
//   config: { http, ws, project, doc, edits, participants: [names that will finish],
//             tokens: { "y-alice": jwt, "y-bob": jwt, "sr-carol": jwt }, lateToken: jwt }
//
// Every peer marks itself done in the root map 'test-done' after its edits. When every
// participant's mark is visible and all JS peers hold identical notebooks, a late y-websocket
// client joins and must see the same notebook. Prints one line: RESULT <json>.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { YNotebook } from '@jupyter/ydoc'
import WebSocket from 'ws'
import * as signalR from '@microsoft/signalr'
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack'

const cfg = JSON.parse(process.argv[2])
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
const deadline = Date.now() + (cfg.timeoutMs ?? 60000)

function yWebsocketPeer (name, token) {
  const nb = new YNotebook()
  const provider = new WebsocketProvider(`${cfg.ws}/yjs/${cfg.project}`, cfg.doc, nb.ydoc, {
    WebSocketPolyfill: WebSocket, params: { access_token: token }, disableBc: true
  })
  provider.awareness.setLocalStateField('user', { name, color: '#1f77b4' })
  const synced = new Promise(resolve => provider.on('sync', isSynced => { if (isSynced) resolve() }))
  return { name, nb, provider, synced, flush: async () => {}, close: () => provider.destroy() }
}

async function signalrPeer (name, token) {
  const nb = new YNotebook()
  const doc = nb.ydoc
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${cfg.http}/hubs/collab`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets })
    .withHubProtocol(new MessagePackHubProtocol())
    .withStatefulReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build()
  connection.on('ReceiveUpdate', (_p, _d, update) => Y.applyUpdate(doc, update, 'remote'))
  connection.on('ReceiveAwareness', () => {})
  connection.on('RoomClosed', () => {})
  await connection.start()
  const joined = await connection.invoke('JoinRoom', cfg.project, cfg.doc, Y.encodeStateVector(doc))
  Y.applyUpdate(doc, joined.Update ?? joined.update, 'remote')
  const pending = []
  doc.on('update', (update, origin) => {
    if (origin !== 'remote') pending.push(connection.invoke('SendUpdate', cfg.project, cfg.doc, update))
  })
  return { name, nb, synced: Promise.resolve(), flush: () => Promise.all(pending), close: () => connection.stop() }
}

function randomEdit (peer, i) {
  const { nb, name } = peer
  const n = nb.cells.length
  const pick = Math.random()
  if (n === 0 || pick < 0.3) {
    nb.insertCell(Math.floor(Math.random() * (n + 1)), {
      cell_type: i % 3 === 0 ? 'markdown' : 'code', source: `# ${name} cell ${i}\n`, metadata: { tags: [name] }
    })
  } else if (pick < 0.8) {
    const cell = nb.getCell(Math.floor(Math.random() * n))
    const at = Math.floor(Math.random() * (cell.ysource.length + 1))
    cell.updateSource(at, at, `[${name}:${i}]`)
  } else {
    const cell = nb.cells.find(c => c.cell_type === 'code')
    if (cell) cell.setOutputs([{ output_type: 'stream', name: 'stdout', text: `${name} output ${i}\n` }])
    else nb.setMetadata(`edited_by_${name}`, i)
  }
}

const same = peers => new Set(peers.map(p => JSON.stringify(p.nb.toJSON()))).size === 1
const allDone = peers => peers.every(p => cfg.participants.every(name => p.nb.ydoc.getMap('test-done').get(name) === true))

const peers = []
for (const [name, token] of Object.entries(cfg.tokens)) {
  peers.push(name.startsWith('sr-') ? await signalrPeer(name, token) : yWebsocketPeer(name, token))
}
await Promise.all(peers.map(p => p.synced))

await Promise.all(peers.map(async peer => {
  for (let i = 0; i < cfg.edits; i++) {
    randomEdit(peer, i)
    await sleep(5 + Math.random() * 20)
  }
  await peer.flush()
  peer.nb.ydoc.getMap('test-done').set(peer.name, true)
  await peer.flush()
}))

while (!(allDone(peers) && same(peers))) {
  if (Date.now() > deadline) {
    console.log('RESULT ' + JSON.stringify({ converged: false, notebooks: peers.map(p => p.nb.toJSON()) }))
    process.exit(1)
  }
  await sleep(50)
}

const late = yWebsocketPeer('y-late', cfg.lateToken)
await late.synced
const lateEqual = JSON.stringify(late.nb.toJSON()) === JSON.stringify(peers[0].nb.toJSON())
const awarenessSeen = peers.filter(p => p.provider).every(p => p.provider.awareness.getStates().size >= 2)
console.log('RESULT ' + JSON.stringify({
  converged: true, lateEqual, awarenessSeen, cells: peers[0].nb.cells.length, notebook: peers[0].nb.toJSON()
}))
for (const p of [...peers, late]) await p.close()
process.exit(0)
