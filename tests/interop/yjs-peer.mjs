// A long-lived yjs peer for the .NET interop tests, driven over stdin/stdout with one JSON
// object per line. Bytes travel as base64; a byte argument starting with "@" names a stored
// result instead (so a batch can reuse updates it produced without a round trip).
//
// Request: {"c": command, ...args}. Reply: {"r": result} or {"e": message}.
// A "batch" request runs {"cmds": [...]} in order and replies with the list of results; it
// stops at the first failing command and replies {"e", "at", "r": results so far}.
import * as Y from 'yjs'
import { YNotebook } from '@jupyter/ydoc'
import readline from 'node:readline'

// yjs logs (e.g. "Changed the client-id") with console.log; stdout is the protocol channel.
console.log = console.error

const docs = new Map()
const stored = new Map()

const b64 = (bytes) => Buffer.from(bytes).toString('base64')
const bytesArg = (arg) => {
  if (typeof arg !== 'string') throw new Error('missing byte argument')
  if (arg.startsWith('@')) {
    const v = stored.get(arg.slice(1))
    if (v === undefined) throw new Error(`nothing stored as ${arg}`)
    return v
  }
  return new Uint8Array(Buffer.from(arg, 'base64'))
}
const docArg = (name) => {
  const doc = docs.get(name)
  if (doc === undefined) throw new Error(`no doc ${name}`)
  return doc
}
// Stores a byte result under `out` when asked, and returns it as base64.
const bytesResult = (cmd, bytes) => {
  if (cmd.out) stored.set(cmd.out, bytes)
  return b64(bytes)
}

// ---- values: JSON with {"$bin": base64} and {"$type": "map"|"array"|"text", "init": ...} ----
const toValue = (v) => {
  if (Array.isArray(v)) return v.map(toValue)
  if (v === null || typeof v !== 'object') return v
  if ('$bin' in v) return new Uint8Array(Buffer.from(v.$bin, 'base64'))
  if ('$type' in v) return newType(v.$type, v.init)
  const o = {}
  for (const k of Object.keys(v)) o[k] = toValue(v[k])
  return o
}
const newType = (kind, init) => {
  switch (kind) {
    case 'map': {
      // init is a list of [key, value] pairs: a JSON object would lose the order of keys like "10".
      const m = new Y.Map()
      for (const [k, v] of init ?? []) m.set(k, toValue(v))
      return m
    }
    case 'array': {
      const a = new Y.Array()
      if (init) a.push(init.map(toValue))
      return a
    }
    case 'text': return new Y.Text(init ?? '')
    default: throw new Error(`unknown type ${kind}`)
  }
}

// ---- edit ops: {"p": [root, key|index...], "o": kind, ...} ----
const rootOf = (doc, name) => {
  switch (name) {
    case 'text': return doc.getText('text')
    case 'array': return doc.getArray('array')
    case 'map': return doc.getMap('map')
    default: throw new Error(`unknown root ${name}`)
  }
}
const resolve = (doc, path) => {
  let t = rootOf(doc, path[0])
  for (const step of path.slice(1)) {
    t = t.get(step)
    if (!(t instanceof Y.AbstractType)) throw new Error(`path ${JSON.stringify(path)} does not lead to a type`)
  }
  return t
}
const attrs = (a) => (a == null ? undefined : toValue(a))
const runOp = (doc, op) => {
  const t = resolve(doc, op.p)
  switch (op.o) {
    case 'ti': t.insert(op.i, op.s, attrs(op.a)); break
    case 'te': t.insertEmbed(op.i, toValue(op.e), attrs(op.a)); break
    case 'td': t.delete(op.i, op.n); break
    case 'tf': t.format(op.i, op.n, toValue(op.a)); break
    case 'ai': t.insert(op.i, op.v.map(toValue)); break
    case 'ad': t.delete(op.i, op.n); break
    case 'ms': t.set(op.k, toValue(op.v)); break
    case 'md': t.delete(op.k); break
    default: throw new Error(`unknown op ${op.o}`)
  }
}

// ---- state: toJSON of the roots, and a deep walk that also keeps text formatting ----
const jsonReplacer = (_k, v) => (v instanceof Uint8Array ? b64(v) : v)
const deep = (v) => {
  if (v instanceof Y.Text) {
    return { $text: v.toDelta().map((op) => (op.attributes ? { insert: deep(op.insert), attributes: deep(op.attributes) } : { insert: deep(op.insert) })) }
  }
  if (v instanceof Y.Map) {
    const o = {}
    for (const [k, x] of v.entries()) o[k] = deep(x)
    return { $map: o }
  }
  if (v instanceof Y.Array) return { $array: v.toArray().map(deep) }
  if (v instanceof Uint8Array) return { $bin: b64(v) }
  if (Array.isArray(v)) return v.map(deep)
  if (v !== null && typeof v === 'object') {
    const o = {}
    for (const k of Object.keys(v)) o[k] = deep(v[k])
    return o
  }
  return v
}
const state = (doc) => {
  const roots = ['text', 'array', 'map'].map((n) => rootOf(doc, n))
  return {
    json: JSON.stringify({ text: roots[0].toJSON(), array: roots[1].toJSON(), map: roots[2].toJSON() }, jsonReplacer),
    deep: JSON.stringify(roots.map(deep)),
  }
}

// ---- events: what deep observers of the roots see, one entry per observer call ----
const eventValue = (v) => {
  if (v instanceof Y.AbstractType) return { $type: v instanceof Y.Text ? 'text' : v instanceof Y.Array ? 'array' : 'map' }
  if (v instanceof Uint8Array) return { $bin: b64(v) }
  if (Array.isArray(v)) return v.map(eventValue)
  if (v !== null && typeof v === 'object') {
    const o = {}
    for (const k of Object.keys(v)) o[k] = eventValue(v[k])
    return o
  }
  return v === undefined ? null : v
}
const describeEvent = (e) => ({
  path: e.path,
  delta: e.delta.map((op) => {
    const o = {}
    if (op.insert !== undefined) o.insert = eventValue(op.insert)
    if (op.delete !== undefined) o.delete = op.delete
    if (op.retain !== undefined) o.retain = op.retain
    if (op.attributes) o.attributes = eventValue(op.attributes)
    return o
  }),
  keys: [...e.changes.keys.entries()].map(([k, c]) => [k, c.action, eventValue(c.oldValue)]),
})
const eventLogs = new Map()
const observe = (name, doc) => {
  const log = []
  eventLogs.set(name, log)
  for (const root of ['text', 'array', 'map']) {
    rootOf(doc, root).observeDeep((events) => log.push({ root, events: events.map(describeEvent) }))
  }
}

// ---- notebooks: a YNotebook over a doc, edited with the @jupyter/ydoc API ----
const notebooks = new Map()
const notebookArg = (name) => {
  const nb = notebooks.get(name)
  if (nb === undefined) throw new Error(`no notebook ${name}`)
  return nb
}
const notebookEdit = (nb, e) => {
  switch (e.o) {
    case 'addCell': nb.insertCell(e.i ?? nb.cells.length, e.cell); break
    case 'deleteCell': nb.deleteCell(e.i); break
    case 'moveCell': nb.moveCell(e.from, e.to); break
    case 'editSource': {
      const cell = nb.getCell(e.i)
      cell.updateSource(e.start, e.end, e.text)
      break
    }
    case 'setOutputs': nb.getCell(e.i).setOutputs(e.outputs); break
    case 'appendStream': nb.getCell(e.i).appendStreamOutput(e.index, e.text); break
    case 'setExecutionCount': nb.getCell(e.i).execution_count = e.n; break
    case 'setCellMetadata': nb.getCell(e.i).setMetadata(e.metadata); break
    case 'setNotebookMetadata': nb.setMetadata(e.metadata); break
    case 'updateNotebookMetadata': nb.updateMetadata(e.metadata); break
    default: throw new Error(`unknown notebook edit ${e.o}`)
  }
}

const commands = {
  reset: () => {
    for (const doc of docs.values()) doc.destroy()
    for (const nb of notebooks.values()) nb.dispose()
    docs.clear()
    stored.clear()
    eventLogs.clear()
    notebooks.clear()
    return null
  },
  new: (c) => {
    docs.get(c.d)?.destroy()
    docs.set(c.d, new Y.Doc({ gc: c.gc ?? true }))
    docArg(c.d).clientID = c.id
    if (c.observe) observe(c.d, docArg(c.d))
    return null
  },
  // The events observed since the last call, as JSON.
  events: (c) => {
    const log = eventLogs.get(c.d) ?? []
    const json = JSON.stringify(log)
    log.length = 0
    return json
  },
  put: (c) => { stored.set(c.out, bytesArg(c.u)); return null },
  // Applies an update and returns the local updates it caused (yjs cleans up concurrent text
  // formatting in a transaction of its own), each stored as `${out}.${i}`.
  apply: (c) => {
    const doc = docArg(c.d)
    const local = []
    const onUpdate = (u, _origin, _doc, tr) => { if (tr.local) local.push(u) }
    doc.on('update', onUpdate)
    try {
      Y.applyUpdate(doc, bytesArg(c.u))
    } finally {
      doc.off('update', onUpdate)
    }
    return local.map((u, i) => bytesResult({ out: c.out && `${c.out}.${i}` }, u))
  },
  // Runs the ops in one transaction and returns its update, followed by those of transactions
  // that observers started (computing a YTextEvent's delta deletes redundant formats), each
  // stored as `${out}.${i}`.
  edit: (c) => {
    const doc = docArg(c.d)
    const updates = []
    const onUpdate = (u) => { updates.push(u) }
    doc.on('update', onUpdate)
    try {
      doc.transact(() => { for (const op of c.ops) runOp(doc, op) })
    } finally {
      doc.off('update', onUpdate)
    }
    return updates.map((u, i) => bytesResult({ out: c.out && `${c.out}.${i}` }, u))
  },
  encode: (c) => bytesResult(c, Y.encodeStateAsUpdate(docArg(c.d), c.sv ? bytesArg(c.sv) : undefined)),
  sv: (c) => bytesResult(c, Y.encodeStateVector(docArg(c.d))),
  state: (c) => state(docArg(c.d)),
  merge: (c) => bytesResult(c, Y.mergeUpdates(c.us.map(bytesArg))),
  diff: (c) => bytesResult(c, Y.diffUpdate(bytesArg(c.u), bytesArg(c.sv))),
  svFromUpdate: (c) => bytesResult(c, Y.encodeStateVectorFromUpdate(bytesArg(c.u))),
  // Notebooks: create (optionally from an update), edit, read back JSON and the doc's state.
  notebook: (c) => {
    notebooks.get(c.n)?.dispose()
    const nb = new YNotebook()
    nb.ydoc.clientID = c.id
    if (c.u) Y.applyUpdate(nb.ydoc, bytesArg(c.u))
    notebooks.set(c.n, nb)
    return null
  },
  notebookEdit: (c) => {
    const nb = notebookArg(c.n)
    let update = null
    const onUpdate = (u) => { update = u }
    nb.ydoc.on('update', onUpdate)
    try {
      nb.transact(() => { for (const e of c.edits) notebookEdit(nb, e) })
    } finally {
      nb.ydoc.off('update', onUpdate)
    }
    return update === null ? null : bytesResult(c, update)
  },
  notebookApply: (c) => { Y.applyUpdate(notebookArg(c.n).ydoc, bytesArg(c.u)); return null },
  notebookJson: (c) => notebookArg(c.n).toJSON(),
  notebookEncode: (c) => bytesResult(c, Y.encodeStateAsUpdate(notebookArg(c.n).ydoc)),
}

const run = (c) => {
  const f = commands[c.c]
  if (f === undefined) throw new Error(`unknown command ${c.c}`)
  return f(c)
}

const reply = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
lines.on('line', (line) => {
  if (line.trim() === '') return
  let req
  try {
    req = JSON.parse(line)
  } catch (e) {
    reply({ e: `bad request: ${e.message}` })
    return
  }
  if (req.c !== 'batch') {
    try { reply({ r: run(req) }) } catch (e) { reply({ e: e.stack ?? String(e) }) }
    return
  }
  const results = []
  for (let i = 0; i < req.cmds.length; i++) {
    try {
      results.push(run(req.cmds[i]))
    } catch (e) {
      reply({ e: e.stack ?? String(e), at: i, r: results })
      return
    }
  }
  reply({ r: results })
})
lines.on('close', () => process.exit(0))
