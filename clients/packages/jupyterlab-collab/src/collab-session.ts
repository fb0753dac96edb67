import { CollabConnection } from '@collab/signalr-provider'
import { sessionFromToken, whenExpired, type Session } from '@collab/ui'

const storageKey = 'jupyterlab-collab.server'

/** Where the extension connects: the Collab server URL and the user's token, kept in localStorage. */
export class CollabSession {
  session: Session | null = null
  /** Notebooks' connection; chat has its own so a slow chat call never delays document updates. */
  docs: CollabConnection | null = null
  chat: CollabConnection | null = null
  /** The server of the last sign-in, to fill the form with after sign-out or expiry. */
  lastServerUrl: string | null = null
  /** Called when the token expires (the session is signed out by then). */
  onExpired: () => void = () => {}
  private stopExpiry: () => void = () => {}

  constructor () {
    const saved = localStorage.getItem(storageKey)
    if (saved) {
      const { serverUrl, token, userClaim } = JSON.parse(saved)
      this.lastServerUrl = serverUrl
      this.signIn(serverUrl, token, userClaim)
    }
  }

  /** Connects to `serverUrl` as the token's user; returns false for an unreadable or expired token. */
  signIn (serverUrl: string, token: string, userClaim = 'sub'): boolean {
    const session = sessionFromToken(token.trim(), serverUrl.trim(), userClaim)
    if (!session) return false
    this.signOut()
    this.session = session
    this.lastServerUrl = session.serverUrl
    localStorage.setItem(storageKey, JSON.stringify({ serverUrl: session.serverUrl, token: session.token, userClaim }))
    this.docs = new CollabConnection({ serverUrl: session.serverUrl, token: () => session.token })
    this.chat = new CollabConnection({ serverUrl: session.serverUrl, token: () => session.token })
    void this.docs.start()
    void this.chat.start()
    this.stopExpiry = whenExpired(session, () => {
      this.signOut()
      this.onExpired()
    })
    return true
  }

  signOut (): void {
    this.stopExpiry()
    void this.docs?.stop()
    void this.chat?.stop()
    this.docs = this.chat = this.session = null
    localStorage.removeItem(storageKey)
  }
}
