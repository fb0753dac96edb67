import * as Y from 'yjs'
import fs from 'node:fs'
const lines = fs.readFileSync('/tmp/dump.txt', 'utf8').trim().split('\n').map(l => l.split(' '))
const upd = {}
for (const [p, name, st, u] of lines) upd[name] = u
const show = (name) => { const d = Y.decodeUpdate(Buffer.from(upd[name], 'hex')); console.log(name, JSON.stringify(d.structs.filter(s => s.id.client === 288236572).map(s => [s.id.clock, s.length, s.constructor.name])), JSON.stringify([...d.ds.clients].filter(([c]) => c === 288236572))) }
for (const n of ['u2', 'u43', 'u60', 'u67', 'm163']) if (upd[n]) show(n); else console.log('no', n)
const d = Y.decodeUpdate(Buffer.from(upd['u60'], 'hex')); console.log(JSON.stringify(d.structs.map(s => [s.id.client, s.id.clock, s.length, s.constructor.name])), upd['u60'])
