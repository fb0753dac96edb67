// Stock y-websocket clients with JupyterLab's YNotebook keep adding cells while one of them asks
// the server to restore an earlier version (REST), for CollabServer's history tests.
//
//   node history-restore-clients.mjs '<json config>'
//   config: { http, ws, project, doc, versionId, restoreToken, tokens: { name: jwt }, timeoutMs }
//
// Each client adds code cells whose source is a unique marker, before, during and after the
// restore request. Once the restore has answered, every client adds a few more, marks itself done
// in the root map 'test-done', and the script waits until all clients hold the same notebook.
// Prints one line: RESULT <json> with the restore's answer, every marker and the final notebook.
import { WebsocketProvider } from 'y-websocket'
import { YNotebook } from '@jupyter/ydoc'
import WebSocket from 'ws'

const cfg = JSON.parse(process.argv[2])
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
const deadline = Date.now() + (cfg.timeoutMs ?? 60000)

function peer (name, token) {
  const nb = new YNotebook()
  const provider = new WebsocketProvider(`${cfg.ws}/yjs/${cfg.project}`, cfg.doc, nb.ydoc, {
    WebSocketPolyfill: WebSocket, params: { access_token: token }, disableBc: true
  })
  const synced = new Promise(resolve => provider.on('sync', isSynced => { if (isSynced) resolve() }))
  return { name, nb, provider, synced }
}

const peers = Object.entries(cfg.tokens).map(([name, token]) => peer(name, token))
await Promise.all(peers.map(p => p.synced))

const markers = []
let phase = 'before'
let answered = false
const edit = async p => {
  for (let i = 0; ; i++) {
    const source = `marker:${p.name}:${i}`
    p.nb.insertCell(p.nb.cells.length, { cell_type: 'code', source })
    markers.push({ source, phase })
    if (phase === 'after' && ++p.after >= 5) break
    await sleep(2 + Math.random() * 4)
  }
  p.nb.ydoc.getMap('test-done').set(p.name, true)
}

const editing = peers.map(p => { p.after = 0; return edit(p) })
await sleep(100)
phase = 'during'
const response = await fetch(`${cfg.http}/api/projects/${cfg.project}/notebooks/${cfg.doc}/versions/${cfg.versionId}/restore`, {
  method: 'POST', headers: { Authorization: `Bearer ${cfg.restoreToken}` }
})
const restore = { status: response.status, body: await response.json() }
answered = true
phase = 'after'
await Promise.all(editing)

const done = () => peers.every(p => peers.every(q => p.nb.ydoc.getMap('test-done').get(q.name) === true))
const same = () => new Set(peers.map(p => JSON.stringify(p.nb.toJSON()))).size === 1
while (!(done() && same())) {
  if (Date.now() > deadline) {
    console.log('RESULT ' + JSON.stringify({ converged: false, answered, restore, markers }))
    process.exit(1)
  }
  await sleep(50)
}
console.log('RESULT ' + JSON.stringify({ converged: true, restore, markers, notebook: peers[0].nb.toJSON() }))
for (const p of peers) p.provider.destroy()
process.exit(0)
