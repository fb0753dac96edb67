import * as signalR from '@microsoft/signalr'
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack'
import { ObservableV2 } from 'lib0/observable'
import { backoffDelay, type BackoffOptions } from './backoff.js'
import type { ConnectionStatus } from './connection-status.js'

export interface CollabConnectionOptions {
  /** Server base URL, e.g. `http://127.0.0.1:5080` (the hub is at `/hubs/collab`). */
  serverUrl: string
  /** The bearer token, or a function that returns a fresh one before each (re)connect. */
  token: string | (() => string | Promise<string>)
  backoff?: BackoffOptions
  logLevel?: signalR.LogLevel
}

export interface CollabConnectionEvents {
  /** The status changed. */
  status: (status: ConnectionStatus) => void
  /**
   * A new server-side connection exists (first start or after a drop): rooms and chats joined
   * before must be joined again, because the server forgot them with the old connection.
   */
  connected: () => void
}

/**
 * One SignalR connection to `/hubs/collab` (MessagePack, stateful reconnect) that never gives up:
 * automatic reconnect covers short outages and a backoff loop restarts it after long ones, until
 * {@link stop}. Providers and chat clients share it.
 */
export class CollabConnection extends ObservableV2<CollabConnectionEvents> {
  readonly hub: signalR.HubConnection
  private _status: ConnectionStatus = 'disconnected'
  private stopped = true
  private restartTimer: ReturnType<typeof setTimeout> | undefined
  private attempt = 0
  private readonly options: CollabConnectionOptions

  constructor (options: CollabConnectionOptions) {
    super()
    this.options = options
    const token = options.token
    this.hub = new signalR.HubConnectionBuilder()
      .withUrl(`${options.serverUrl.replace(/\/$/, '')}/hubs/collab`, {
        accessTokenFactory: typeof token === 'function' ? token : () => token,
        transport: signalR.HttpTransportType.WebSockets,
        skipNegotiation: true
      })
      .withHubProtocol(new MessagePackHubProtocol())
      .withStatefulReconnect()
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => backoffDelay(ctx.previousRetryCount, options.backoff) })
      .configureLogging(options.logLevel ?? signalR.LogLevel.None)
      .build()
    this.hub.onreconnecting(() => this.setStatus('reconnecting'))
    this.hub.onreconnected(() => this.opened())
    this.hub.onclose(() => {
      if (!this.stopped) this.scheduleRestart()
    })
  }

  get status (): ConnectionStatus {
    return this._status
  }

  get isConnected (): boolean {
    return this.hub.state === signalR.HubConnectionState.Connected
  }

  /** Starts connecting; resolves on the first successful connection (retrying until then). */
  start (): Promise<void> {
    if (!this.stopped) return this.isConnected ? Promise.resolve() : this.nextConnected()
    this.stopped = false
    this.setStatus('connecting')
    const connected = this.nextConnected()
    void this.tryStart()
    return connected
  }

  /** Stops for good: no reconnects; `status` becomes `disconnected`. */
  async stop (): Promise<void> {
    this.stopped = true
    clearTimeout(this.restartTimer)
    await this.hub.stop()
    this.setStatus('disconnected')
  }

  override destroy (): void {
    void this.stop()
    super.destroy()
  }

  private nextConnected (): Promise<void> {
    return new Promise(resolve => this.once('connected', () => resolve()))
  }

  private async tryStart (): Promise<void> {
    if (this.stopped || this.hub.state !== signalR.HubConnectionState.Disconnected) return
    try {
      await this.hub.start()
    } catch {
      this.scheduleRestart()
      return
    }
    // stop() may have run while start() was in flight.
    if (this.stopped) {
      await this.hub.stop()
      return
    }
    this.opened()
  }

  private scheduleRestart (): void {
    this.setStatus(this.attempt === 0 && this._status === 'connecting' ? 'connecting' : 'reconnecting')
    clearTimeout(this.restartTimer)
    this.restartTimer = setTimeout(() => { void this.tryStart() }, backoffDelay(this.attempt++, this.options.backoff))
  }

  private opened (): void {
    this.attempt = 0
    this.setStatus('connected')
    this.emit('connected', [])
  }

  private setStatus (status: ConnectionStatus): void {
    if (status === this._status) return
    this._status = status
    this.emit('status', [status])
  }
}
