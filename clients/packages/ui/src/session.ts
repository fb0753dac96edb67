/** The signed-in user: the bearer token, the user id read from its `sub` claim, and the server. */
export interface Session {
  token: string
  user: string
  /** Base URL of the Collab server; empty when it is the page's own origin (the web client). */
  serverUrl: string
}

const storageKey = 'collab.token'

export function loadSession (): Session | null {
  const token = localStorage.getItem(storageKey)
  return token ? sessionFromToken(token, '') : null
}

export function saveSession (token: string): Session | null {
  const session = sessionFromToken(token.trim(), '')
  if (session) localStorage.setItem(storageKey, session.token)
  return session
}

export function clearSession (): void {
  localStorage.removeItem(storageKey)
}

/** Reads the claims without verifying them: the server checks the signature on every call. */
export function sessionFromToken (token: string, serverUrl: string): Session | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')))
    if (typeof claims.sub !== 'string') return null
    if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return null
    return { token, user: claims.sub, serverUrl: serverUrl.replace(/\/$/, '') }
  } catch {
    return null
  }
}
