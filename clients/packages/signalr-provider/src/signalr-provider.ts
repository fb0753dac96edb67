import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { ObservableV2 } from 'lib0/observable'
import type { CollabConnection } from './collab-connection.js'
import type { ConnectionStatus } from './connection-status.js'
import { HubEvents, HubMethods } from './hub-names.js'

export interface SignalRProviderOptions {
  connection: CollabConnection
  projectId: string
  /** The notebook's name in the project, e.g. `analysis.ipynb`. */
  docName: string
  /** Shared presence; defaults to a new Awareness on the doc. */
  awareness?: awarenessProtocol.Awareness
}

export interface SignalRProviderEvents {
  status: (status: ConnectionStatus) => void
  /** True when joined and every local change is acknowledged (persisted) by the server. */
  sync: (synced: boolean) => void
  /** The caller's role in the project (`viewer`, `editor`, `owner`), known after joining; null once access is revoked. */
  role: (role: string | null) => void
  /** The server refused something (a join, an update); the provider resyncs where it can. */
  error: (error: Error) => void
}

interface JoinRoomResult {
  update: Uint8Array
  stateVector: Uint8Array
  awareness: Uint8Array | null
  role: string
}

/**
 * Connects a `Y.Doc` to one Collab room over the hub: y-protocols sync on join (state vector →
 * diff both ways), live updates, awareness. Whenever the connection comes back it joins again
 * with its state vector and sends the server what it lacks, so edits made offline (or refused by a
 * transient limit) are not lost. Viewers receive but never send document updates.
 */
export class SignalRProvider extends ObservableV2<SignalRProviderEvents> {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  readonly projectId: string
  readonly docName: string
  role: string | null = null
  private readonly connection: CollabConnection
  private joined = false
  private joinGeneration = 0
  private pending = 0
  private _synced = false
  private destroyed = false
  private revoked = false

  constructor (doc: Y.Doc, options: SignalRProviderOptions) {
    super()
    this.doc = doc
    this.connection = options.connection
    this.projectId = options.projectId
    this.docName = options.docName
    this.awareness = options.awareness ?? new awarenessProtocol.Awareness(doc)
    const hub = this.connection.hub
    hub.on(HubEvents.ReceiveUpdate, this.onReceiveUpdate)
    hub.on(HubEvents.ReceiveAwareness, this.onReceiveAwareness)
    hub.on(HubEvents.RoomClosed, this.onRoomClosed)
    hub.on(HubEvents.AccessChanged, this.onAccessChanged)
    this.connection.on('status', this.onStatus)
    this.connection.on('connected', this.onConnected)
    doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
    if (this.connection.isConnected) void this.join()
  }

  get status (): ConnectionStatus {
    return this.connection.status
  }

  get synced (): boolean {
    return this._synced
  }

  get canEdit (): boolean {
    return this.role !== null && this.role !== 'viewer'
  }

  /** Resolves once the provider is joined and holds no unacknowledged local change. */
  whenSynced (): Promise<void> {
    if (this._synced) return Promise.resolve()
    return new Promise(resolve => {
      const check = (synced: boolean): void => {
        if (!synced) return
        this.off('sync', check)
        resolve()
      }
      this.on('sync', check)
    })
  }

  override destroy (): void {
    if (this.destroyed) return
    this.destroyed = true
    const hub = this.connection.hub
    if (this.joined && this.connection.isConnected) {
      // Tell the others we left before the server notices the room leave.
      awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'local')
      void hub.invoke(HubMethods.LeaveRoom, this.projectId, this.docName).catch(() => {})
    }
    this.joined = false
    hub.off(HubEvents.ReceiveUpdate, this.onReceiveUpdate)
    hub.off(HubEvents.ReceiveAwareness, this.onReceiveAwareness)
    hub.off(HubEvents.RoomClosed, this.onRoomClosed)
    hub.off(HubEvents.AccessChanged, this.onAccessChanged)
    this.connection.off('status', this.onStatus)
    this.connection.off('connected', this.onConnected)
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    super.destroy()
  }

  private isMine (projectId: string, docName: string): boolean {
    return projectId === this.projectId && docName === this.docName
  }

  private async join (): Promise<void> {
    const generation = ++this.joinGeneration
    this.joined = false
    this.setSynced(false)
    let result: JoinRoomResult
    try {
      result = normalizeJoin(await this.connection.hub.invoke<JoinRoomWire>(HubMethods.JoinRoom, this.projectId, this.docName, Y.encodeStateVector(this.doc)))
    } catch (error) {
      // A dropped connection rejoins on 'connected'; anything else is the server's refusal.
      if (this.connection.isConnected && !this.destroyed) this.emit('error', [asError(error)])
      return
    }
    if (generation !== this.joinGeneration || this.destroyed) return
    Y.applyUpdate(this.doc, result.update, this)
    if (this.role !== result.role) {
      this.role = result.role
      this.emit('role', [result.role])
    }
    if (result.awareness) awarenessProtocol.applyAwarenessUpdate(this.awareness, result.awareness, this)
    // Everything the server lacks, edits made offline included, goes in one update.
    const missing = Y.encodeStateAsUpdate(this.doc, result.stateVector)
    this.joined = true
    if (this.canEdit && !isEmptyUpdate(missing)) this.sendUpdate(missing)
    if (this.awareness.getLocalState() !== null) this.sendAwareness([this.doc.clientID])
    this.updateSynced()
  }

  private sendUpdate (update: Uint8Array): void {
    this.pending++
    this.setSynced(false)
    const generation = this.joinGeneration
    this.connection.hub.invoke(HubMethods.SendUpdate, this.projectId, this.docName, update).then(
      () => {
        this.pending--
        this.updateSynced()
      },
      error => {
        this.pending--
        if (this.destroyed || !this.connection.isConnected) return
        this.emit('error', [asError(error)])
        // The update was refused (rate limit, size): join again so the diff carries it later.
        if (generation === this.joinGeneration) setTimeout(() => { if (!this.destroyed) void this.join() }, 1000)
      })
  }

  private sendAwareness (clients: number[]): void {
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)
    this.connection.hub.invoke(HubMethods.SendAwareness, this.projectId, this.docName, update).catch(() => {})
  }

  private updateSynced (): void {
    this.setSynced(this.joined && this.pending === 0)
  }

  private setSynced (synced: boolean): void {
    if (synced === this._synced) return
    this._synced = synced
    this.emit('sync', [synced])
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || !this.joined || !this.canEdit) return
    this.sendUpdate(update)
  }

  private readonly onAwarenessUpdate = (change: { added: number[], updated: number[], removed: number[] }, origin: unknown): void => {
    if (origin === this || !this.joined) return
    const clients = change.added.concat(change.updated, change.removed).filter(id => id === this.doc.clientID)
    if (clients.length > 0) this.sendAwareness(clients)
  }

  private readonly onReceiveUpdate = (projectId: string, docName: string, update: Uint8Array): void => {
    // Applied even while a join is in flight: the server may relay before JoinRoom returns.
    if (this.isMine(projectId, docName)) Y.applyUpdate(this.doc, update, this)
  }

  private readonly onReceiveAwareness = (projectId: string, docName: string, update: Uint8Array): void => {
    if (this.isMine(projectId, docName)) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, this)
  }

  private readonly onRoomClosed = (projectId: string, docName: string): void => {
    if (this.isMine(projectId, docName) && this.connection.isConnected && !this.revoked) void this.join()
  }

  /** A new role applies at once (a viewer turns read-only); a revoked member stops rejoining and is told why. */
  private readonly onAccessChanged = (projectId: string, role: string | null, reason: string): void => {
    if (projectId !== this.projectId || this.destroyed) return
    if (role === null) {
      this.revoked = true
      this.joined = false
      this.setSynced(false)
      this.emit('error', [new Error(reason)])
    }
    if (this.role !== role) {
      this.role = role
      this.emit('role', [role])
    }
  }

  private readonly onConnected = (): void => {
    void this.join()
  }

  private readonly onStatus = (status: ConnectionStatus): void => {
    if (status !== 'connected') {
      this.joined = false
      this.joinGeneration++
      this.pending = 0
      this.setSynced(false)
      // Presence from before the drop is stale; the rejoin brings the current states.
      const others = [...this.awareness.getStates().keys()].filter(id => id !== this.doc.clientID)
      awarenessProtocol.removeAwarenessStates(this.awareness, others, this)
    }
    this.emit('status', [status])
  }
}

/** The join answer as it arrives: MessagePack keeps the server's PascalCase names; JSON camelCases them. */
interface JoinRoomWire {
  Update?: Uint8Array
  update?: Uint8Array
  StateVector?: Uint8Array
  stateVector?: Uint8Array
  Awareness?: Uint8Array | null
  awareness?: Uint8Array | null
  Role?: string
  role?: string
}

function normalizeJoin (raw: JoinRoomWire): JoinRoomResult {
  return {
    update: (raw.Update ?? raw.update) as Uint8Array,
    stateVector: (raw.StateVector ?? raw.stateVector) as Uint8Array,
    awareness: raw.Awareness ?? raw.awareness ?? null,
    role: (raw.Role ?? raw.role) as string
  }
}

/** An update with no structs and no deletions (what encodeStateAsUpdate gives when in sync). */
function isEmptyUpdate (update: Uint8Array): boolean {
  return update.length <= 2 && update.every(b => b === 0)
}

function asError (error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}
