import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabConnection, SignalRProvider, type ConnectionStatus } from '../src/index.js'
import { CollabServer, eventually, joinPeer, tokenFor } from './helpers.js'

const project = 'provider-tests'
let server: CollabServer
let notebookCount = 0

/** A fresh room per test, so tests do not see each other's edits. */
async function newNotebook (): Promise<string> {
  const name = `nb-${++notebookCount}.ipynb`
  await server.api('alice', 'POST', `/api/projects/${project}/notebooks`, { name })
  return name
}

beforeAll(async () => {
  server = await CollabServer.start()
  await server.createProject(project, { alice: 'owner', bob: 'editor', carol: 'viewer' })
})

afterAll(async () => {
  await server?.dispose()
})

describe('SignalRProvider against a live CollabServer', () => {
  it('syncs existing content on join and live edits both ways', async () => {
    const room = await newNotebook()
    const alice = await joinPeer(server, 'alice', project, room)
    alice.text.insert(0, 'hello')
    await alice.provider.whenSynced()

    const bob = await joinPeer(server, 'bob', project, room)
    expect(bob.text.toString()).toBe('hello')
    bob.text.insert(5, ' world')
    await eventually(() => alice.text.toString() === 'hello world', 'alice to see bob')
    expect(bob.provider.role).toBe('editor')
    expect(alice.provider.role).toBe('owner')
    await Promise.all([alice.close(), bob.close()])
  })

  it('converges when both type at the same time', async () => {
    const room = await newNotebook()
    const [alice, bob] = await Promise.all([joinPeer(server, 'alice', project, room), joinPeer(server, 'bob', project, room)])
    for (let i = 0; i < 20; i++) {
      alice.text.insert(alice.text.length, 'a')
      bob.text.insert(0, 'b')
    }
    await eventually(() => alice.text.length === 40 && bob.text.length === 40, 'both to hold 40 characters')
    expect(alice.text.toString()).toBe(bob.text.toString())
    await Promise.all([alice.close(), bob.close()])
  })

  it('shares awareness and removes it when a peer leaves', async () => {
    const room = await newNotebook()
    const alice = await joinPeer(server, 'alice', project, room)
    const bob = await joinPeer(server, 'bob', project, room)
    alice.provider.awareness.setLocalStateField('user', { name: 'alice', color: '#e6194b' })
    const aliceId = alice.doc.clientID
    await eventually(() => bob.provider.awareness.getStates().get(aliceId)?.user?.name === 'alice', 'bob to see alice')
    await alice.close()
    await eventually(() => !bob.provider.awareness.getStates().has(aliceId), 'alice to disappear for bob')
    await bob.close()
  })

  it('turns read-only when lowered to viewer and stops, told why, when removed', async () => {
    const room = await newNotebook()
    await server.api('alice', 'PUT', `/api/projects/${project}/members/dora`, { role: 'editor' })
    const dora = await joinPeer(server, 'dora', project, room)
    const roles: Array<string | null> = []
    const errors: string[] = []
    dora.provider.on('role', role => roles.push(role))
    dora.provider.on('error', error => errors.push(error.message))

    await server.api('alice', 'PUT', `/api/projects/${project}/members/dora`, { role: 'viewer' })
    await eventually(() => dora.provider.role === 'viewer' && !dora.provider.canEdit, 'dora to become a viewer')
    await server.api('alice', 'DELETE', `/api/projects/${project}/members/dora`)
    await eventually(() => errors.some(e => e.includes('no longer a member')), 'dora to be told why')
    expect(roles).toEqual(['viewer', null])
    expect(dora.provider.synced).toBe(false)
    await dora.close()
  })

  it('lets a viewer read but never sends its edits', async () => {
    const room = await newNotebook()
    const alice = await joinPeer(server, 'alice', project, room)
    alice.text.insert(0, 'shared')
    const carol = await joinPeer(server, 'carol', project, room)
    expect(carol.provider.role).toBe('viewer')
    expect(carol.provider.canEdit).toBe(false)
    expect(carol.text.toString()).toBe('shared')
    carol.text.insert(0, 'viewer-edit ')
    alice.text.insert(alice.text.length, '!')
    await eventually(() => carol.text.toString() === 'viewer-edit shared!', 'carol to get alice\'s edit')
    expect(alice.text.toString()).toBe('shared!')
    await Promise.all([alice.close(), carol.close()])
  })

  it('is refused by the server when a viewer sends an update anyway', async () => {
    const room = await newNotebook()
    const carol = await joinPeer(server, 'carol', project, room)
    const sneaky = new Y.Doc()
    sneaky.getText('test').insert(0, 'forged')
    await expect(carol.connection.hub.invoke('SendUpdate', project, room, Y.encodeStateAsUpdate(sneaky)))
      .rejects.toThrow(/Forbidden/)
    await carol.close()
  })

  it('reports an unknown room as an error and never syncs', async () => {
    const doc = new Y.Doc()
    const connection = new CollabConnection({ serverUrl: server.url, token: tokenFor('alice') })
    const provider = new SignalRProvider(doc, { connection, projectId: project, docName: 'missing.ipynb' })
    const error = new Promise<Error>(resolve => provider.on('error', resolve))
    await connection.start()
    expect((await error).message).toContain('Room not found')
    expect(provider.synced).toBe(false)
    provider.destroy()
    await connection.stop()
  })

  it('stops sending and listening after destroy', async () => {
    const room = await newNotebook()
    const alice = await joinPeer(server, 'alice', project, room)
    const bob = await joinPeer(server, 'bob', project, room)
    bob.provider.destroy()
    alice.text.insert(0, 'after bob left')
    bob.text.insert(0, 'local only')
    await alice.provider.whenSynced()
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(bob.text.toString()).toBe('local only')
    expect(alice.text.toString()).toBe('after bob left')
    await bob.connection.stop()
    expect(bob.connection.status).toBe('disconnected')
    await alice.close()
  })

  it('reconnects after a server restart and delivers what was typed offline', async () => {
    const room = await newNotebook()
    const alice = await joinPeer(server, 'alice', project, room)
    const bob = await joinPeer(server, 'bob', project, room)
    alice.text.insert(0, 'before ')
    await eventually(() => bob.text.toString() === 'before ', 'bob to see the first edit')
    const statuses: ConnectionStatus[] = []
    alice.provider.on('status', status => statuses.push(status))

    await server.kill()
    await eventually(() => alice.provider.status === 'reconnecting', 'alice to notice the outage')
    alice.text.insert(alice.text.length, 'offline-alice ')
    bob.text.insert(bob.text.length, 'offline-bob')
    expect(alice.provider.synced).toBe(false)

    await server.resume()
    await eventually(() => alice.provider.synced && bob.provider.synced, 'both to resync', 40_000)
    await eventually(() => alice.text.toString() === bob.text.toString(), 'the two docs to converge')
    expect(alice.text.toString()).toContain('offline-alice')
    expect(alice.text.toString()).toContain('offline-bob')
    expect(statuses).toContain('connected')

    // A newcomer reads the merged text from the server: the offline edits were persisted.
    const carol = await joinPeer(server, 'carol', project, room)
    expect(carol.text.toString()).toBe(alice.text.toString())
    await Promise.all([alice.close(), bob.close(), carol.close()])
  })
})
