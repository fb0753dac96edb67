import { CollabConnection } from '@collab/signalr-provider'
import { sessionFromToken, type Session } from '@collab/ui'

const storageKey = 'jupyterlab-collab.server'

/** Where the extension connects: the Collab server URL and the user's token, kept in localStorage. */
export class CollabSession {
  session: Session | null = null
  /** Notebooks' connection; chat has its own so a slow chat call never delays document updates. */
  docs: CollabConnection | null = null
  chat: CollabConnection | null = null

  constructor () {
    const saved = localStorage.getItem(storageKey)
    if (saved) {
      const { serverUrl, token } = JSON.parse(saved)
      this.signIn(serverUrl, token)
    }
  }

  /** Connects to `serverUrl` as the token's user; returns false for an unreadable or expired token. */
  signIn (serverUrl: string, token: string): boolean {
    const session = sessionFromToken(token.trim(), serverUrl.trim())
    if (!session) return false
    this.signOut()
    this.session = session
    localStorage.setItem(storageKey, JSON.stringify({ serverUrl: session.serverUrl, token: session.token }))
    this.docs = new CollabConnection({ serverUrl: session.serverUrl, token: () => session.token })
    this.chat = new CollabConnection({ serverUrl: session.serverUrl, token: () => session.token })
    void this.docs.start()
    void this.chat.start()
    return true
  }

  signOut (): void {
    void this.docs?.stop()
    void this.chat?.stop()
    this.docs = this.chat = this.session = null
    localStorage.removeItem(storageKey)
  }
}
