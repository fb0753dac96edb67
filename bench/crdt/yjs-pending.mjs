// yjs's side of `Collab.Crdt.Bench --pending`: µs per small update while <edits> chained 1 KB
// edits (their first withheld) and <ranges> deletions of unknown clocks wait. Prints one number.
import * as Y from '../../tests/interop/node_modules/yjs/dist/yjs.mjs'
import * as encoding from '../../tests/interop/node_modules/lib0/encoding.js'

const [edits, ranges, count] = process.argv.slice(2).map(Number)
const doc = new Y.Doc()
const author = new Y.Doc()
author.clientID = 42
const updates = []
author.on('update', u => updates.push(u))
const text = author.getText('t')
for (let i = 0; i <= edits; i++) text.insert(text.length, 'a'.repeat(1000))
if (updates.length > 1) Y.applyUpdate(doc, Y.mergeUpdates(updates.slice(1))) // one update whose first dependency is missing
for (let i = 0; i < ranges; i += 1000) {
  // An update with no structs, only deletions of clients nobody has sent (v1 delete set layout).
  const enc = encoding.createEncoder()
  const n = Math.min(ranges, i + 1000) - i
  encoding.writeVarUint(enc, 0)
  encoding.writeVarUint(enc, n)
  for (let k = i; k < i + n; k++) {
    encoding.writeVarUint(enc, 10000 + k)
    encoding.writeVarUint(enc, 1)
    encoding.writeVarUint(enc, 0)
    encoding.writeVarUint(enc, 1)
  }
  Y.applyUpdate(doc, encoding.toUint8Array(enc))
}
const other = new Y.Doc()
other.clientID = 7
const small = []
other.on('update', u => small.push(u))
for (let i = 0; i < count; i++) other.getMap('m').set('k', i)
const start = process.hrtime.bigint()
for (const u of small) Y.applyUpdate(doc, u)
const micros = Number(process.hrtime.bigint() - start) / 1000 / small.length
console.log(micros.toFixed(1))
