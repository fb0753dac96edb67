// Writes Yjs updates that use the types Collab keeps but does not edit (XML types,
// sub-documents, legacy content), produced by the real yjs package. Run from the repo root:
//   node tests/Collab.Crdt.Tests/Fixtures/make-fixtures.mjs
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(join(process.cwd(), 'tests/interop/package.json'))
const Y = require('yjs')
const here = dirname(fileURLToPath(import.meta.url))

const doc = new Y.Doc()
doc.clientID = 7
const frag = doc.getXmlFragment('prosemirror')
const para = new Y.XmlElement('paragraph')
para.setAttribute('align', 'center')
const text = new Y.XmlText()
frag.insert(0, [para])
para.insert(0, [text])
text.insert(0, 'Hello ')
text.insert(6, 'world', { bold: true })
const hook = new Y.XmlHook('mention')
hook.set('user', 'alice')
frag.insert(1, [hook])
const sub = new Y.Doc({ guid: 'sub-notebook-1', meta: { kind: 'attachment' } })
doc.getMap('subdocs').set('attachment', sub)
doc.getArray('list').insert(0, [new Uint8Array([1, 2, 3]), { nested: [1, 'two', null, true] }])
frag.delete(1, 1)

const update = Y.encodeStateAsUpdate(doc)
writeFileSync(join(here, 'xml-and-subdoc.update.hex'), Buffer.from(update).toString('hex') + '\n')
writeFileSync(join(here, 'xml-and-subdoc.json'), JSON.stringify({
  prosemirror: frag.toString(),
  list: doc.getArray('list').toJSON().length,
  subdocGuid: doc.getMap('subdocs').get('attachment').guid
}) + '\n')
