import * as oauth from 'oauth4webapi'
import type { AuthConfig } from './auth-config'

/**
 * Sign-in at the platform's OpenID provider: authorization code flow with PKCE (S256), state
 * and nonce, for a public client (no secret). `oauth4webapi` does the protocol checks
 * (discovery issuer, state, error responses, the ID token's iss/aud/exp/nonce); this module
 * only carries the flow across a redirect or a popup.
 */

/** What must survive the trip to the provider: kept in memory (popup) or sessionStorage (redirect). */
export interface PendingSignIn {
  verifier: string
  state: string
  nonce: string
  redirectUri: string
}

/** The provider's name for a "Sign in with …" button: its host. */
export const providerName = (config: AuthConfig): string => new URL(config.authority!).host

// Plain http only to a provider on this machine (a developer's or a test's); anything else must be https.
const insecure = (authority: string): boolean => {
  const url = new URL(authority)
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
}
const options = (config: AuthConfig) => ({ [oauth.allowInsecureRequests]: insecure(config.authority!) })
const client = (config: AuthConfig): oauth.Client => ({ client_id: config.clientId! })

async function discover (config: AuthConfig): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(config.authority!)
  return await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...options(config) }))
}

/** The provider's authorization URL for a new sign-in, and what to keep until the code comes back. */
export async function beginSignIn (config: AuthConfig, redirectUri: string): Promise<{ url: URL, pending: PendingSignIn }> {
  const as = await discover(config)
  const pending = { verifier: oauth.generateRandomCodeVerifier(), state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce(), redirectUri }
  const url = new URL(as.authorization_endpoint!)
  url.search = new URLSearchParams({
    client_id: config.clientId!,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: config.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256'
  }).toString()
  return { url, pending }
}

/** Checks the callback (state, error) and trades its code for tokens; returns the access token. */
export async function completeSignIn (config: AuthConfig, pending: PendingSignIn, callbackUrl: URL): Promise<string> {
  const as = await discover(config)
  const params = oauth.validateAuthResponse(as, client(config), callbackUrl, pending.state)
  const response = await oauth.authorizationCodeGrantRequest(as, client(config), oauth.None(), params, pending.redirectUri, pending.verifier, options(config))
  const tokens = await oauth.processAuthorizationCodeResponse(as, client(config), response, { expectedNonce: pending.nonce, requireIdToken: true })
  return tokens.access_token
}

const pendingKey = 'collab.signIn'

/** The web client: leaves the page for the provider, which sends the user back to `redirectUri` with a code. */
export async function signInWithRedirect (config: AuthConfig, redirectUri: string): Promise<void> {
  const { url, pending } = await beginSignIn(config, redirectUri)
  sessionStorage.setItem(pendingKey, JSON.stringify(pending))
  location.assign(url)
}

/**
 * On the page the provider sent the user back to: null when this load is no callback of ours;
 * else the access token. The code and state are taken out of the address bar either way.
 */
export async function finishRedirectSignIn (config: AuthConfig): Promise<string | null> {
  const here = new URL(location.href)
  const saved = sessionStorage.getItem(pendingKey)
  if (!saved || !(here.searchParams.has('code') || here.searchParams.has('error'))) return null
  sessionStorage.removeItem(pendingKey)
  history.replaceState(null, '', here.pathname + here.hash)
  return await completeSignIn(config, JSON.parse(saved) as PendingSignIn, here)
}

/**
 * The JupyterLab extension: signs in in a popup, so JupyterLab keeps its state. The provider returns
 * to the Collab server's `/api/auth/callback`, one fixed redirect URI for every JupyterLab however
 * it is served, which posts the callback URL back here; the verifier never leaves this page.
 * Call from a click handler: the popup is opened at once, before any await, or browsers block it.
 */
export async function signInWithPopup (config: AuthConfig, serverUrl: string): Promise<string> {
  const popup = window.open('about:blank', 'collab-sign-in', 'popup,width=520,height=680')
  if (!popup) throw new Error('The sign-in window was blocked; allow popups for this page.')
  const callbackPage = new URL('api/auth/callback', new URL(serverUrl.replace(/\/?$/, '/'), location.href))
  const serverOrigin = callbackPage.origin
  try {
    const { url, pending } = await beginSignIn(config, callbackPage.href)
    popup.location.href = url.href
    const callback = await new Promise<URL>((resolve, reject) => {
      const closed = setInterval(() => { if (popup.closed) finish(new Error('The sign-in window was closed.')) }, 500)
      const onMessage = (event: MessageEvent): void => {
        if (event.source !== popup || event.origin !== serverOrigin || event.data?.type !== 'collab-sign-in') return
        finish(null, new URL(event.data.url))
      }
      function finish (error: Error | null, result?: URL): void {
        clearInterval(closed)
        window.removeEventListener('message', onMessage)
        if (error) reject(error)
        else resolve(result!)
      }
      window.addEventListener('message', onMessage)
    })
    return await completeSignIn(config, pending, callback)
  } finally {
    popup.close()
  }
}
