import * as Y from 'yjs'
import { CollabConnection, SignalRProvider } from '../src/index.js'
// @ts-expect-error plain ESM helper shared with the web client's browser tests
import { CollabServer, tokenFor } from '../../../test-support/collab-server.mjs'

export { CollabServer, tokenFor }

export interface Peer {
  doc: Y.Doc
  connection: CollabConnection
  provider: SignalRProvider
  text: Y.Text
  close: () => Promise<void>
}

/** A user's doc joined to a room through its own connection. */
export async function joinPeer (server: { url: string }, user: string, projectId: string, docName: string): Promise<Peer> {
  const doc = new Y.Doc()
  const connection = new CollabConnection({ serverUrl: server.url, token: () => tokenFor(user), backoff: { initialMs: 100, maxMs: 1000 } })
  const provider = new SignalRProvider(doc, { connection, projectId, docName })
  await connection.start()
  await provider.whenSynced()
  return {
    doc,
    connection,
    provider,
    text: doc.getText('test'),
    close: async () => {
      provider.destroy()
      await connection.stop()
    }
  }
}

/** Polls until `condition` holds; fails with `what` after the timeout. */
export async function eventually (condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}
