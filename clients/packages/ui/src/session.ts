/** The signed-in user: the bearer token, the user id read from its claims, and the server. */
export interface Session {
  token: string
  user: string
  /** Base URL of the Collab server; empty when it is the page's own origin (the web client). */
  serverUrl: string
  /** When the token expires (ms since the epoch); null when it does not say. */
  expiresAt: number | null
}

const storageKey = 'collab.token'
const userClaimKey = 'collab.userClaim'

export function loadSession (): Session | null {
  const token = localStorage.getItem(storageKey)
  return token ? sessionFromToken(token, '', localStorage.getItem(userClaimKey) ?? 'sub') : null
}

/** Keeps the token for the web client's next visit; `userClaim` is the server's `Auth:UserClaim`. */
export function saveSession (token: string, userClaim = 'sub'): Session | null {
  const session = sessionFromToken(token.trim(), '', userClaim)
  if (session) {
    localStorage.setItem(storageKey, session.token)
    localStorage.setItem(userClaimKey, userClaim)
  }
  return session
}

export function clearSession (): void {
  localStorage.removeItem(storageKey)
  localStorage.removeItem(userClaimKey)
}

/** Reads the claims without verifying them: the server checks the signature on every call. */
export function sessionFromToken (token: string, serverUrl: string, userClaim = 'sub'): Session | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')))
    const user = claims[userClaim]
    if (typeof user !== 'string') return null
    const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : null
    if (expiresAt !== null && expiresAt < Date.now()) return null
    return { token, user, serverUrl: serverUrl.replace(/\/$/, ''), expiresAt }
  } catch {
    return null
  }
}

/** Calls `onExpired` when the session's token runs out (the server then refuses it), so the user can sign in again. */
export function whenExpired (session: Session, onExpired: () => void): () => void {
  if (session.expiresAt === null) return () => {}
  // setTimeout's limit is about 24.8 days; a token living longer is checked again then.
  const wait = Math.min(session.expiresAt - Date.now(), 2 ** 31 - 1)
  const timer = setTimeout(() => session.expiresAt! <= Date.now() ? onExpired() : whenExpired(session, onExpired), Math.max(wait, 0))
  return () => clearTimeout(timer)
}
