// Live-room cost on notebooks of 10 KB to 10 MB of Yjs state: Collab (1 node, SQLite, persistence
// on) and @y/websocket-server 0.1.1 (in memory) in the same run, driven by the stock y-websocket
// client. Per size: join time (connect -> synced with every cell), server RSS per live room, edit
// latency while the rooms are open (enough edits to cross a compaction); then RSS after several
// 10 MB syncs have finished. Prints one table. See README.md.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import { spawn } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { readFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join as joinPath } from 'node:path'
import { createServer } from 'node:net'

const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => a.startsWith('--') ? [a.slice(2), all[i + 1]] : null).filter(Boolean))
const KB = 1024, MB = 1024 * 1024
const sizes = (args.sizes ?? '10K,100K,1M,10M').split(',').map(s => Math.round(parseFloat(s) * (s.endsWith('M') ? MB : s.endsWith('K') ? KB : 1)))
// Rooms kept open per size: enough state that the RSS delta is well above the noise.
const roomsFor = size => Math.max(1, Math.round(parseFloat(args.scale ?? '1') * (size <= 10 * KB ? 100 : size <= 100 * KB ? 40 : size <= MB ? 16 : 4)))
const edits = parseInt(args.edits ?? '600') // Collab compacts every 500 log entries: 600 cross one
const editRate = parseFloat(args.rate ?? '40')
const bigSyncs = parseInt(args['big-syncs'] ?? '4')
const only = (args.only ?? 'collab,ywss').split(',')
const collabDll = args['collab-dll']
const signingKey = 'collab-rooms-bench-signing-key-0123456789'
// --gcdump DIR: Collab's managed heap by type (dotnet-gcdump) at start and once each size's rooms are
// open, to see where a room's bytes go. Each dump forces a full GC, so the figures after it move.
const gcdumpDir = args.gcdump
// --unload-during-edits 1: a row's rooms stay open until the next row's edits start, then close, so they
// unload (grace 1 s) while those edits are timed: what many rooms unloading at once cost other rooms'
// edits. --extra-log N: each seeded room also gets N one-key edits, one log entry each, so its log is
// long enough (Rooms:CompactAfterUpdates, 500) for an unload to fold it into a snapshot.
const unloadDuringEdits = args['unload-during-edits'] === '1'
const extraLog = parseInt(args['extra-log'] ?? '0')

process.setMaxListeners(0) // each y-websocket provider adds an exit listener
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))
const b64url = s => Buffer.from(s).toString('base64url')
const token = (() => {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const body = b64url(JSON.stringify({ iss: 'collab', aud: 'collab', sub: 'bench', exp: Math.floor(Date.now() / 1000) + 4 * 3600 }))
  return `${head}.${body}.${createHmac('sha256', signingKey).update(`${head}.${body}`).digest('base64url')}`
})()

const freePort = () => new Promise(resolve => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)) })
})

const rssOf = pid => parseInt(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * KB

/** RSS once it stopped moving (a GC may still be returning memory): the last of a few samples 1 s apart. */
async function settledRss (pid, samples = 4) {
  let rss = 0
  for (let i = 0; i < samples; i++) { await sleep(1000); rss = rssOf(pid) }
  return rss
}

/**
 * Starts a server and waits until it listens and, when `startedWhen` is given, until its standard
 * output matched it (Collab's start-up work: the baseline is read after it, not in the first row).
 */
async function start (name, file, argv, env, startedWhen = null) {
  const port = await freePort()
  const child = spawn(file, argv, { env: { ...process.env, ...env(port) }, stdio: ['ignore', startedWhen ? 'pipe' : 'ignore', 'pipe'] })
  child.stderr.on('data', d => { const line = String(d); if (/rror/.test(line)) process.stderr.write(`[${name}] ${line}`) })
  let started = !startedWhen
  child.stdout?.on('data', d => { if (startedWhen?.test(String(d))) started = true })
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`)
    if (i === 300) throw new Error(`${name} did not listen`)
    try { await fetch(`http://127.0.0.1:${port}/`); break } catch { await sleep(200) }
  }
  for (let i = 0; !started && i < 600; i++) await sleep(200)
  if (!started) process.stderr.write(`[${name}] start-up work not seen finished; measuring anyway\n`)
  await sleep(500)
  return { name, port, child }
}

async function startCollab () {
  const server = await start('collab', 'dotnet', [collabDll], port => ({
    ASPNETCORE_URLS: `http://127.0.0.1:${port}`, ASPNETCORE_ENVIRONMENT: 'Production',
    Storage__DataDirectory: mkdtempSync(joinPath(tmpdir(), 'collab-rooms-')),
    Auth__SigningKey: signingKey, Auth__Issuer: 'collab', Auth__Audience: 'collab',
    // The docs index's embedding model is loaded at start by default; the reference has no such thing.
    Indexer__Embeddings: args.embeddings ?? 'None',
    Logging__LogLevel__Default: 'Warning',
    // Every client here is one user from one address: the per-user and per-address caps (64, 512)
    // would refuse the 100 seeders and their joins, and y-websocket would retry forever.
    Limits__MaxConnectionsPerUser: '100000', Limits__MaxConnectionsPerAddress: '100000',
    // A row's rooms are closed before the next row; they unload (and flush their log into a snapshot)
    // soon after, and the next row waits for that, so one row's unloading never lands in the next
    // row's edit timings.
    Rooms__UnloadGraceSeconds: unloadDuringEdits ? '1' : '2',
    // --extra-log sends its edits at once: above the per-connection burst (400) they would be refused.
    ...(extraLog > 0 ? { Limits__UpdateBurst: String(extraLog + 400) } : {}),
    // Says when the docs index is left for the copilot's first search (as shipped) or, built at start
    // (Copilot__Docs__IndexOnStart=true in the environment), is ready; the start-up collection that
    // hands its garbage back follows at once. On a loaded machine that took longer than the wait for
    // the port, and the baseline then held ~20 MB that the first row's RSS difference lost again.
    // The JSON console writes the message's apostrophe as \u0027.
    'Logging__LogLevel__Collab.Server.Copilot.DocsIndexStartup': 'Information',
    'Logging__LogLevel__Collab.Server.Copilot.DocsIndexBuild': 'Information',
    // As the image and `dotnet run` start it (deploy/docker, CollabServer/Properties/launchSettings.json):
    // the runtime reads this only from the environment. --gen0size default runs without it.
    ...(args.gen0size === 'default' ? {} : { DOTNET_GCgen0size: args.gen0size ?? '0x200000' }),
  }), /Documentation index of .* is ready|No documentation folder|Indexing the documentation .* failed|index is built or updated on the copilot(?:'|\\u0027)s first docs search/)
  const api = (path, body) => fetch(`http://127.0.0.1:${server.port}${path}`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  }).then(r => { if (!r.ok) throw new Error(`${path}: ${r.status}`) })
  await api('/api/projects', { id: 'bench' })
  return {
    ...server,
    url: `ws://127.0.0.1:${server.port}/yjs/bench`,
    params: { access_token: token },
    createRoom: name => api('/api/projects/bench/notebooks', { name }),
  }
}

async function startYwss () {
  const server = await start('y-websocket-server', 'node', ['node_modules/@y/websocket-server/src/server.js'], port => ({ HOST: '127.0.0.1', PORT: String(port) }))
  return { ...server, url: `ws://127.0.0.1:${server.port}`, params: {}, createRoom: async () => {} }
}

/** A code cell as JupyterLab's shared model holds it: a Y.Map with a Y.Text source and outputs. */
function addCell (cells, i, bytes) {
  const cell = new Y.Map()
  const sourceBytes = Math.max(40, Math.round(bytes * 0.4))
  let source = ''
  while (source.length < sourceBytes) source += `x_${i}_${source.length} = compute(data[${source.length % 97}], scale=${i % 13})\n`
  const text = 'row\tvalue\n'.repeat(Math.max(1, Math.round(bytes * 0.6 / 10)))
  cell.set('id', `cell-${i}`)
  cell.set('cell_type', 'code')
  cell.set('source', new Y.Text(source))
  cell.set('metadata', new Y.Map())
  cell.set('execution_count', i)
  const outputs = new Y.Array()
  outputs.push([{ output_type: 'stream', name: 'stdout', text }])
  cell.set('outputs', outputs)
  cells.push([cell])
}

/**
 * Fills a connected doc with cells up to about `size` bytes of state, in transactions of at most
 * 512 KB each (Collab's Limits:MaxMessageBytes default is 4 MB; an import is stepped likewise).
 */
function fillNotebook (doc, size) {
  doc.getMap('meta').set('nbformat', 4)
  const cells = doc.getArray('cells')
  const cellBytes = Math.max(200, Math.min(16 * KB, Math.round(size / 40)))
  let i = 0
  for (let state = Y.encodeStateAsUpdate(doc).length; state < size; state = Y.encodeStateAsUpdate(doc).length) {
    // Half of what is missing at a time (a cell encodes larger than its text), so the size is not overshot by much.
    const step = Math.min(512 * KB, Math.max(cellBytes, (size - state) / 2))
    doc.transact(() => {
      for (let added = 0; added < step; added += cellBytes) addCell(cells, i++, cellBytes)
    })
  }
  return cells.length
}

function connect (server, room, doc = new Y.Doc()) {
  return new WebsocketProvider(server.url, room, doc, { WebSocketPolyfill: WebSocket, params: server.params, disableBc: true })
}

const synced = provider => new Promise(resolve => {
  if (provider.synced) resolve()
  else provider.once('sync', s => { if (s) resolve() })
})

/** Connect -> synced with all `cells` cells; ms. Retries while the server is still taking in the seed. */
async function join (server, room, cells, keep = false) {
  for (let attempt = 0; ; attempt++) {
    const t0 = performance.now()
    const provider = connect(server, room)
    await synced(provider)
    const ms = performance.now() - t0
    if (provider.doc.getArray('cells').length >= cells) {
      if (!keep) { provider.destroy(); provider.doc.destroy() }
      return { ms, provider }
    }
    provider.destroy()
    if (attempt > 100) throw new Error(`${server.name}: ${room} never showed ${cells} cells`)
    await sleep(200)
  }
}

/** A heap dump of the Collab server, for `dotnet-gcdump report`; the reference has none. */
async function gcdump (server, label) {
  if (!gcdumpDir || server.name !== 'collab') return
  const file = joinPath(gcdumpDir, `${label}.gcdump`)
  const dump = spawn(process.env.DOTNET_GCDUMP ?? 'dotnet-gcdump', ['collect', '-p', String(server.child.pid), '-o', file], { stdio: 'ignore' })
  const ok = await new Promise(resolve => { dump.on('exit', code => resolve(code === 0)); dump.on('error', () => resolve(false)) })
  process.stderr.write(ok ? `[collab] heap at ${label}: ${file}\n` : `[collab] no heap dump at ${label}: is dotnet-gcdump installed (or DOTNET_GCDUMP set)?\n`)
}

const percentile = (sorted, p) => sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))]

/** Snapshots Collab wrote so far (its /metrics counter), so a row says whether its edits crossed one; NaN for the reference. */
async function compactions (server) {
  if (server.name !== 'collab') return NaN
  const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text()
  return text.split('\n').filter(l => l.startsWith('collab_compactions_total{') && l.includes('outcome="ok"'))
    .reduce((sum, l) => sum + Number(l.trim().split(/\s+/)[1]), 0)
}

/** Appends (acknowledged edits, any room's) that waited for a snapshot step on SQLite's writer so far; NaN where not exposed. */
async function appendsBehindSnapshots (server) {
  if (server.name !== 'collab') return NaN
  const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text()
  const line = text.split('\n').find(l => l.startsWith('collab_store_appends_behind_snapshot_total'))
  return line ? Number(line.trim().split(/\s+/).at(-1)) : NaN
}

/** Waits until Collab holds no more than the `kept` rooms still open (its /metrics gauge); the reference keeps nothing to wait for. */
async function unloaded (server, kept, timeoutMs = 60_000) {
  if (server.name !== 'collab') return
  for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise(resolve => setTimeout(resolve, 500))) {
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text()
    const loaded = text.split('\n').find(l => l.startsWith('collab_rooms_loaded'))
    if (loaded && Number(loaded.trim().split(/\s+/).at(-1)) <= kept) return
  }
  process.stderr.write('[collab] rooms still loaded after the wait\n')
}

/** A writer types timestamped markers into cell 0's source; an observer integrating every update times send -> seen. */
async function editLatency (writer, observer) {
  const sent = new Map()
  const seen = []
  const source = observer.doc.getArray('cells').get(0).get('source')
  source.observe(event => {
    const now = performance.now()
    for (const op of event.delta) {
      if (typeof op.insert !== 'string') continue
      for (const m of op.insert.matchAll(/<e(\d+)>/g)) {
        const t = sent.get(+m[1])
        if (t !== undefined) { seen.push(now - t); sent.delete(+m[1]) }
      }
    }
  })
  const text = writer.doc.getArray('cells').get(0).get('source')
  const interval = 1000 / editRate
  const t0 = performance.now()
  for (let i = 0; i < edits; i++) {
    const due = t0 + i * interval
    const wait = due - performance.now()
    if (wait > 0) await sleep(wait)
    sent.set(i, performance.now())
    text.insert(Math.floor(Math.random() * (text.length + 1)), `<e${i}>`)
  }
  for (let i = 0; i < 100 && sent.size > 0; i++) await sleep(100)
  seen.sort((a, b) => a - b)
  return { p50: percentile(seen, 50), p99: percentile(seen, 99), max: seen.at(-1), lost: sent.size }
}

async function gcTrace (server, label) {
  if (!args['gc-trace'] || server.name !== 'collab') return
  const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text()
  const lines = text.split('\n').filter(l => /^dotnet_gc_(last_collection|heap_total|collections)|^dotnet_process_memory|^dotnet_gc_pause|^dotnet_jit/.test(l))
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8')
  const kinds = ['RssAnon', 'RssFile', 'Threads'].map(k => status.match(new RegExp(`${k}:\\s+(\\d+)`))?.[0]).join(', ')
  process.stderr.write(`--- ${label} rss ${(rssOf(server.child.pid) / MB).toFixed(1)} MB (${kinds})\n${lines.join('\n')}\n`)
}

async function measure (server, sizes) {
  const rows = []
  const baseline = await settledRss(server.child.pid)
  await gcdump(server, 'baseline')
  let seq = 0
  const big = []
  let leaving = [] // with --unload-during-edits: the previous row's clients, closed once this row's edits start
  for (const [row, size] of sizes.entries()) {
    const n = roomsFor(size)
    const before = await settledRss(server.child.pid)
    await gcTrace(server, `before ${size}`)
    const seeders = []
    const joins = []
    let stateBytes = 0
    // RSS once the first half of the rooms is open too: the second half's cost per room leaves out
    // what the first rooms pay once for the whole process (code compiled on first use, the GC's
    // allocation budget growing back), which the reference pays much less of.
    const half = Math.floor(n / 2)
    let mid = NaN
    for (let r = 0; r < n; r++) {
      if (r === half && half > 0) mid = await settledRss(server.child.pid)
      const room = `nb-${size}-${seq++}`
      await server.createRoom(room)
      const seeder = connect(server, room)
      await synced(seeder)
      const cells = fillNotebook(seeder.doc, size)
      for (let e = 0; e < extraLog; e++) seeder.doc.getMap('meta').set('touched', e)
      stateBytes += Y.encodeStateAsUpdate(seeder.doc).length
      // The first join after seeding waits for the server to have everything; later ones time a warm room.
      await join(server, room, cells)
      joins.push((await join(server, room, cells)).ms)
      seeders.push({ seeder, room, cells })
    }
    const after = await settledRss(server.child.pid)
    await gcTrace(server, `after ${size}`)
    await gcdump(server, `rooms-${size / KB}K`)
    const first = seeders[0]
    const { provider: observer } = await join(server, first.room, first.cells, true)
    const compactedBefore = await compactions(server)
    const behindBefore = await appendsBehindSnapshots(server)
    const timing = editLatency(first.seeder, observer)
    for (const { seeder } of leaving) { seeder.destroy(); seeder.doc.destroy() }
    const unloading = leaving.length
    leaving = []
    const latency = await timing
    const compacted = (await compactions(server)) - compactedBefore
    const behind = (await appendsBehindSnapshots(server)) - behindBefore
    observer.destroy()
    joins.sort((a, b) => a - b)
    const perRoom = (after - before) / n
    rows.push({ size, rooms: n, state: stateBytes / n, joinMs: percentile(joins, 50), perRoomMB: perRoom / MB, perStateMB: perRoom / (stateBytes / n), secondHalfMB: (after - mid) / (n - half) / MB, ...latency, compacted, behind, unloading })
    if (size >= 10 * MB) big.push(...seeders)
    else if (unloadDuringEdits) leaving = seeders
    else {
      for (const { seeder } of seeders) { seeder.destroy(); seeder.doc.destroy() }
      if (row < sizes.length - 1) await unloaded(server, big.length)
    }
  }
  let held = null
  if (big.length > 0) {
    const before = await settledRss(server.child.pid)
    let peak = before
    for (let i = 0; i < bigSyncs; i++) {
      const { room, cells } = big[i % big.length]
      const syncs = await Promise.all([0, 1, 2].map(() => join(server, room, cells)))
      peak = Math.max(peak, rssOf(server.child.pid))
      void syncs
    }
    const after = await settledRss(server.child.pid, 10)
    held = { before, peak, after, syncs: bigSyncs * 3 }
  }
  for (const { seeder } of [...big, ...leaving]) { seeder.destroy(); seeder.doc.destroy() }
  return { name: server.name, baseline, rows, held }
}

const fmt = (v, d = 1) => Number.isFinite(v) ? v.toFixed(d) : '-'
// --fresh 1 (the default): each size on a fresh server process, for both servers alike, so no row
// reuses the heap an earlier row's unloaded rooms left behind (the 100 KB row after the 10 KB rooms
// read about zero) and every row carries the same one-time warm-up. --fresh 0 runs the rows in one
// process, in the order given: `--sizes 10K,10K --fresh 0` shows a row with and without the warm-up.
// --unload-during-edits needs the previous row's rooms in the same process: it implies --fresh 0.
const fresh = !unloadDuringEdits && (args.fresh ?? '1') !== '0'
const results = []
for (const which of only) {
  const runs = fresh ? sizes.map(size => [size]) : [sizes]
  const result = { name: null, baselines: [], rows: [], held: null }
  for (const runSizes of runs) {
    const server = which === 'collab' ? await startCollab() : await startYwss()
    try {
      const r = await measure(server, runSizes)
      result.name = r.name
      result.baselines.push(r.baseline)
      result.rows.push(...r.rows)
      result.held ??= r.held
    } finally { server.child.kill('SIGKILL') }
  }
  results.push(result)
}

console.log(`edits per size: ${edits} at ${editRate}/s into one cell; RSS settled (last of several 1 s samples)` +
  (unloadDuringEdits ? `; the previous row's rooms (${extraLog} extra log entries each) unload during each row's edits` : ''))
console.log('server              size     rooms  state KB  join ms  RSS/room MB  MB RSS/MB state  2nd half MB/room  edit p50  edit p99  edit max  lost  compactions  unloading  behind snap')
for (const r of results) {
  for (const row of r.rows) {
    const size = row.size >= MB ? `${row.size / MB}M` : `${row.size / KB}K`
    console.log(`${r.name.padEnd(19)} ${size.padEnd(8)} ${String(row.rooms).padStart(5)}  ${fmt(row.state / KB, 0).padStart(8)}  ${fmt(row.joinMs).padStart(7)}  ${fmt(row.perRoomMB, 2).padStart(11)}  ${fmt(row.perStateMB, 2).padStart(15)}  ${fmt(row.secondHalfMB, 2).padStart(16)}  ${fmt(row.p50).padStart(8)}  ${fmt(row.p99).padStart(8)}  ${fmt(row.max).padStart(8)}  ${String(row.lost).padStart(4)}  ${fmt(row.compacted, 0).padStart(11)}  ${String(row.unloading).padStart(9)}  ${fmt(row.behind, 0).padStart(11)}`)
  }
}
for (const r of results) {
  const held = r.held ? `  10 MB syncs: ${r.held.syncs} joins, RSS ${fmt(r.held.before / MB, 0)} -> peak ${fmt(r.held.peak / MB, 0)} -> ${fmt(r.held.after / MB, 0)} MB after (held ${fmt((r.held.after - r.held.before) / MB, 0)} MB)` : ''
  console.log(`${r.name}: baseline RSS ${r.baselines.map(b => fmt(b / MB, 0)).join(', ')} MB${fresh ? ' (a fresh process per size)' : ''}${held}`)
}
process.exit(0)
