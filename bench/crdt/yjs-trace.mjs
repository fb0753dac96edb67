// Replays one editing trace into a Y.Text with yjs (one transaction per patch), encodes the
// doc and loads the encoding into a fresh doc. Prints one JSON line of figures, the same
// fields Collab.Crdt.Bench measures, so the two can be compared.
//   node bench/crdt/yjs-trace.mjs <trace.json.gz>
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { createHash } from 'node:crypto'
import * as Y from '../../tests/interop/node_modules/yjs/dist/yjs.mjs'

const Runs = 5 // encode and load are short: report the median of several runs
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6

const trace = JSON.parse(gunzipSync(readFileSync(process.argv[2])).toString('utf8'))

const doc = new Y.Doc()
doc.clientID = 1
const text = doc.getText('text')
let start = process.hrtime.bigint()
for (const txn of trace.txns) {
  for (const [pos, del, ins] of txn.patches) {
    doc.transact(() => {
      if (del > 0) text.delete(pos, del)
      if (ins !== '') text.insert(pos, ins)
    })
  }
}
const applyMs = ms(start)
if (text.toString() !== trace.endContent) throw new Error('replayed text differs from endContent')

let encoded
const encodeTimes = []
for (let i = 0; i < Runs; i++) {
  start = process.hrtime.bigint()
  encoded = Y.encodeStateAsUpdate(doc)
  encodeTimes.push(ms(start))
}

const loadTimes = []
for (let i = 0; i < Runs; i++) {
  const fresh = new Y.Doc()
  start = process.hrtime.bigint()
  Y.applyUpdate(fresh, encoded)
  loadTimes.push(ms(start))
  if (i === 0 && fresh.getText('text').toString() !== trace.endContent) throw new Error('loaded text differs from endContent')
}

console.log(JSON.stringify({
  applyMs,
  encodeMs: median(encodeTimes),
  loadMs: median(loadTimes),
  size: encoded.length,
  sha256: createHash('sha256').update(encoded).digest('hex'),
  peakRssBytes: process.resourceUsage().maxRSS * 1024
}))
