// Replays one editing trace into a Y.Text with yjs (one transaction per patch), encodes the
// doc and loads the encoding into a fresh doc. Prints one JSON line of figures, the same
// fields Collab.Crdt.Bench measures, so the two can be compared.
//   node --expose-gc bench/crdt/yjs-trace.mjs <trace.json.gz>... [--warm N]
// Several traces are replayed one after the other into one document, each shifted past the
// text the earlier ones left (as EditingTrace.Concatenate in Collab.Crdt.Bench).
// Cold: the first replay, encode and load of a fresh process (encode and load: the median of
// 5). Warm (with --warm N): after that, the median of N more replays in the same process, each
// followed by an encode and a load (each the median of 5). traceHeapBytes and liveHeapBytes: the JS heap in use after loading
// the trace and after the cold replay, each after a full GC (needs --expose-gc).
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { createHash } from 'node:crypto'
import * as Y from '../../tests/interop/node_modules/yjs/dist/yjs.mjs'

const Runs = 5 // encode and load are short: report the median of several runs
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6
const cpuMs = (start) => { const u = process.cpuUsage(start); return (u.user + u.system) / 1e3 }

const args = process.argv.slice(2)
const warmAt = args.indexOf('--warm')
const warmRuns = warmAt >= 0 ? Number(args[warmAt + 1]) : 0
const paths = args.filter((a, i) => warmAt < 0 || (i !== warmAt && i !== warmAt + 1))

// { patches: [[pos, del, ins]], endContent }, the traces one after the other
const trace = { patches: [], endContent: '' }
for (const path of paths) {
  const t = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'))
  const offset = trace.endContent.length
  for (const txn of t.txns) {
    for (const [pos, del, ins] of txn.patches) trace.patches.push([pos + offset, del, ins])
  }
  trace.endContent += t.endContent
}
const heapNow = () => { if (!globalThis.gc) return 0; globalThis.gc(); return process.memoryUsage().heapUsed }
const traceHeapBytes = heapNow()

function apply () {
  const doc = new Y.Doc()
  doc.clientID = 1
  const text = doc.getText('text')
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  for (const [pos, del, ins] of trace.patches) {
    doc.transact(() => {
      if (del > 0) text.delete(pos, del)
      if (ins !== '') text.insert(pos, ins)
    })
  }
  const applyMs = ms(start)
  const applyCpuMs = cpuMs(cpu)
  if (text.toString() !== trace.endContent) throw new Error('replayed text differs from endContent')
  return { doc, applyMs, applyCpuMs }
}

function encode (doc, runs) {
  let encoded
  const times = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    encoded = Y.encodeStateAsUpdate(doc)
    times.push(ms(start))
  }
  return { encoded, encodeMs: median(times) }
}

function load (encoded, runs) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const fresh = new Y.Doc()
    const start = process.hrtime.bigint()
    Y.applyUpdate(fresh, encoded)
    times.push(ms(start))
    if (i === 0 && fresh.getText('text').toString() !== trace.endContent) throw new Error('loaded text differs from endContent')
  }
  return median(times)
}

const cold = apply()
const liveHeapBytes = heapNow()
const { encoded, encodeMs } = encode(cold.doc, Runs)
const loadMs = load(encoded, Runs)
const figures = {
  applyMs: cold.applyMs,
  applyCpuMs: cold.applyCpuMs,
  encodeMs,
  loadMs,
  size: encoded.length,
  sha256: createHash('sha256').update(encoded).digest('hex'),
  traceHeapBytes,
  liveHeapBytes
}
cold.doc = null

if (warmRuns > 0) {
  const applies = []; const applyCpus = []; const encodes = []; const loads = []
  for (let i = 0; i < warmRuns; i++) {
    const run = apply()
    applies.push(run.applyMs)
    applyCpus.push(run.applyCpuMs)
    encodes.push(encode(run.doc, Runs).encodeMs)
    loads.push(load(encoded, Runs))
  }
  Object.assign(figures, {
    warmApplyMs: median(applies),
    warmApplyCpuMs: median(applyCpus),
    warmEncodeMs: median(encodes),
    warmLoadMs: median(loads),
    warmApplyMinMs: Math.min(...applies),
    warmApplyMaxMs: Math.max(...applies)
  })
}
figures.peakRssBytes = process.resourceUsage().maxRSS * 1024
console.log(JSON.stringify(figures))
