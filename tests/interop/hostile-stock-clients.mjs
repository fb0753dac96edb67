// Stock npm clients (@microsoft/signalr, yjs + y-websocket, ws) making the hostile-client attacks
// that any user could make. Config (JSON, argv[2]):
//   { httpUrl, wsUrl, project, doc, token, attack, ownerToken?, user?, change?, bytes?, count? }
// Attacks, each printing one line RESULT {...}:
//   "hub-revoke":   a SignalR client joins the room and edits; the owner then removes `user` (change
//                   "remove") or lowers them to viewer (change "viewer"). Reports the notices the client
//                   got (AccessChanged, RoomClosed), how long the first took, and the error of its next write.
//   "oversized":    a yjs editor inserts `bytes` characters in one transaction, over y-websocket and
//                   over the hub; reports the y-websocket close code/reason and the hub error.
//   "step1-flood":  a synced y-websocket client sends `count` sync step 1 messages (y-protocols) on its
//                   socket; reports the permission-denied reasons it got back.
//   "connections":  opens `count` y-websocket clients for one user, then one more (ws) and one hub
//                   connection; reports the refused upgrade's status and body and the hub's error.
//   "slow-reader":  a ws client opens the document and pauses its socket; an editor inserts up to
//                   `count` times `bytes` characters; once the server counts a dropped slow reader
//                   (/metrics) the client reads again and reports the close code and reason.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as signalR from '@microsoft/signalr'
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack'

const config = JSON.parse(process.argv[2])
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
const print = result => { console.log('RESULT ' + JSON.stringify(result)); process.exit(0) }

function provider (doc, token = config.token) {
  return new WebsocketProvider(`${config.wsUrl}/yjs/${config.project}`, config.doc, doc, {
    WebSocketPolyfill: WebSocket, params: { access_token: token }, disableBc: true, maxBackoffTime: 60000
  })
}

const synced = p => new Promise(resolve => { if (p.synced) resolve(); else p.on('sync', s => s && resolve()) })

async function hub (token = config.token) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${config.httpUrl}/hubs/collab`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets })
    .withHubProtocol(new MessagePackHubProtocol())
    .configureLogging(signalR.LogLevel.None)
    .build()
  return connection
}

async function joinedHub (doc) {
  const connection = await hub()
  connection.on('ReceiveUpdate', (_p, _d, update) => Y.applyUpdate(doc, update, 'remote'))
  connection.on('ReceiveAwareness', () => {})
  await connection.start()
  const joined = await connection.invoke('JoinRoom', config.project, config.doc, Y.encodeStateVector(doc))
  Y.applyUpdate(doc, joined.Update ?? joined.update, 'remote')
  return connection
}

/** The update a local change makes, without sending it anywhere. */
function updateOf (doc, change) {
  let update = null
  const capture = u => { update = u }
  doc.on('update', capture)
  change()
  doc.off('update', capture)
  return update
}

async function until (condition, ms) {
  const deadline = Date.now() + ms
  while (!condition() && Date.now() < deadline) await sleep(20)
  return condition()
}

async function untilAsync (condition, ms) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await condition()) return true
    await sleep(100)
  }
  return condition()
}

async function hubRevoke () {
  const doc = new Y.Doc()
  const connection = await joinedHub(doc)
  const notices = []
  const started = { at: 0 }
  connection.on('AccessChanged', (project, role, reason) => notices.push({ event: 'AccessChanged', role, reason, ms: Date.now() - started.at }))
  connection.on('RoomClosed', (project, docName, reason) => notices.push({ event: 'RoomClosed', reason, ms: Date.now() - started.at }))
  await connection.invoke('SendUpdate', config.project, config.doc, updateOf(doc, () => doc.getMap('state').set('before', true)))

  started.at = Date.now()
  const url = `${config.httpUrl}/api/projects/${config.project}/members/${config.user}`
  const headers = { Authorization: `Bearer ${config.ownerToken}`, 'Content-Type': 'application/json' }
  const response = config.change === 'remove'
    ? await fetch(url, { method: 'DELETE', headers })
    : await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ role: 'viewer' }) })
  await until(() => notices.length > 0, 20000)
  let refused = null
  try {
    await connection.invoke('SendUpdate', config.project, config.doc, updateOf(doc, () => doc.getMap('state').set('after', true)))
  } catch (e) {
    refused = e.message
  }
  await connection.stop()
  print({ status: response.status, notices, refused })
}

async function oversized () {
  // y-websocket: the stock provider sends the update as soon as the transaction ends.
  const doc = new Y.Doc()
  const p = provider(doc)
  await synced(p)
  const closed = new Promise(resolve => p.ws.addEventListener('close', e => resolve({ code: e.code, reason: e.reason })))
  doc.getText('big').insert(0, 'x'.repeat(config.bytes))
  const ws = await Promise.race([closed, sleep(20000).then(() => null)])
  p.destroy()

  const hubDoc = new Y.Doc()
  const connection = await joinedHub(hubDoc)
  let hubError = null
  try {
    await connection.invoke('SendUpdate', config.project, config.doc, updateOf(hubDoc, () => hubDoc.getText('big').insert(0, 'y'.repeat(config.bytes))))
  } catch (e) {
    hubError = e.message
  }
  await connection.stop()
  print({ ws, hubError })
}

async function step1Flood () {
  const doc = new Y.Doc()
  const p = provider(doc)
  await synced(p)
  const denied = []
  const warn = console.warn
  console.warn = (...args) => {
    const text = String(args[0])
    if (text.startsWith('Permission denied')) denied.push(text.split('\n').slice(1).join('\n'))
    else warn(...args)
  }
  for (let i = 0; i < config.count; i++) {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0) // messageSync
    syncProtocol.writeSyncStep1(encoder, doc)
    p.ws.send(encoding.toUint8Array(encoder))
  }
  await until(() => denied.length > 0, 20000)
  await sleep(200) // more answers that were on their way
  const open = p.wsconnected
  p.destroy()
  print({ denied, open })
}

async function connections () {
  const providers = []
  for (let i = 0; i < config.count; i++) {
    const p = provider(new Y.Doc())
    providers.push(p)
    await synced(p)
  }
  const refusal = await new Promise(resolve => {
    const ws = new WebSocket(`${config.wsUrl}/yjs/${config.project}/${config.doc}?access_token=${config.token}`)
    ws.on('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', chunk => { body += chunk })
      res.on('end', () => resolve({ status: res.statusCode, body }))
    })
    ws.on('open', () => { ws.close(); resolve({ status: 101, body: '' }) })
    ws.on('error', () => {})
  })
  const connection = await hub()
  let hubError = null
  const closed = new Promise(resolve => connection.onclose(e => resolve(e?.message ?? 'closed')))
  try {
    await connection.start()
    hubError = await Promise.race([closed, sleep(10000).then(() => null)])
  } catch (e) {
    hubError = e.message
  }
  for (const p of providers) p.destroy()
  print({ refusal, hubError })
}

async function slowReaderMetric () {
  const metrics = await (await fetch(`${config.httpUrl}/metrics`)).text()
  return metrics.split('\n')
    .filter(line => line.startsWith('collab_connections_slow_readers') && line.includes('y-websocket'))
    .reduce((sum, line) => sum + Number(line.trim().split(' ').pop()), 0)
}

async function slowReader () {
  const before = await slowReaderMetric()
  const reader = new WebSocket(`${config.wsUrl}/yjs/${config.project}/${config.doc}?access_token=${config.token}`)
  await new Promise((resolve, reject) => { reader.on('open', resolve); reader.on('error', reject) })
  let received = 0
  reader.on('message', data => { received += data.length })
  const closed = new Promise(resolve => reader.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  reader.pause() // stops reading: the server's sends to it back up

  const doc = new Y.Doc()
  const editor = provider(doc, config.editorToken)
  await synced(editor)
  const text = doc.getText('flood')
  for (let i = 0; i < config.count; i++) {
    // Inserts that stay: a busy server merges a peer's queued updates, and an insert merged with
    // its own delete would shrink to nothing, so a reader's backlog would never grow.
    text.insert(0, String(i % 10).repeat(config.bytes))
    while (editor.ws.bufferedAmount > 0) await sleep(5)
    if (await slowReaderMetric() > before) break
  }
  const dropped = await untilAsync(async () => await slowReaderMetric() > before, 20000)
  reader.resume()
  const close = await Promise.race([closed, sleep(20000).then(() => null)])
  editor.destroy()
  print({ dropped, close, received })
}

const attacks = { 'hub-revoke': hubRevoke, oversized, 'step1-flood': step1Flood, connections, 'slow-reader': slowReader }
await attacks[config.attack]()
