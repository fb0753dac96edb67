import {
  canSignInWithProvider, fetchAuthConfig, h, providerName, signInWithPopup, type AuthConfig
} from '@collab/ui'
import type { CollabSession } from './collab-session'

/**
 * The panel's sign-in: the server URL first (its `/api/auth/config` says how to sign in), then
 * "Sign in with <provider>" in a popup, so JupyterLab keeps its open documents and state, and/or
 * a pasted token where the server takes them (dev mode).
 */
export function signInForm (collab: CollabSession, notice: string | null, onSignedIn: () => void): HTMLElement {
  const url = h('input', { id: 'collab-url', type: 'text', value: collab.lastServerUrl ?? 'http://127.0.0.1:5080' })
  const error = h('p', { class: 'error', role: 'alert', hidden: !notice }, notice ?? '')
  const ways = h('div', { class: 'jp-CollabPanel-signin' })
  const fail = (message: string): void => {
    error.textContent = message
    error.hidden = false
  }
  const form = h('form', { class: 'collab-ui', 'aria-label': 'Connect to Collab' },
    h('label', { for: 'collab-url' }, 'Collab server URL'), url,
    h('button', { type: 'submit', class: 'jp-mod-styled' }, 'Continue'), error, ways)
  form.addEventListener('submit', event => {
    event.preventDefault()
    error.hidden = true
    fetchAuthConfig(url.value.trim())
      .then(config => ways.replaceChildren(...signInWays(collab, url.value.trim(), config, fail, onSignedIn)))
      .catch(e => fail(`${(e as Error).message}. Is the URL right, and does the server allow this page's origin (Cors:AllowedOrigins)?`))
  })
  return form
}

function signInWays (collab: CollabSession, serverUrl: string, config: AuthConfig, fail: (message: string) => void, onSignedIn: () => void): HTMLElement[] {
  const ways: HTMLElement[] = []
  if (canSignInWithProvider(config)) {
    ways.push(h('button', {
      type: 'button',
      class: 'jp-mod-styled jp-mod-accept',
      onclick: () => {
        signInWithPopup(config, serverUrl)
          .then(token => collab.signIn(serverUrl, token, config.userClaim) ? onSignedIn() : fail(`The provider's token names no user (claim '${config.userClaim}').`))
          .catch(e => fail(`Sign-in failed: ${(e as Error).message}`))
      }
    }, `Sign in with ${providerName(config)}`))
  }
  if (config.devTokens) {
    const token = h('textarea', { id: 'collab-token', rows: 4, 'aria-label': 'Access token' })
    ways.push(h('label', { for: 'collab-token' }, 'Access token'), token, h('button', {
      type: 'button',
      class: 'jp-mod-styled jp-mod-accept',
      onclick: () => collab.signIn(serverUrl, token.value, config.userClaim) ? onSignedIn() : fail('That is not a valid, unexpired token.')
    }, 'Connect with token'))
  }
  if (ways.length === 0) ways.push(h('p', {}, 'This server has no sign-in for browsers: its operator sets Auth:ClientId.'))
  return ways
}
