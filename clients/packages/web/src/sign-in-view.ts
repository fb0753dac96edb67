import {
  canSignInWithProvider, fetchAuthConfig, finishRedirectSignIn, h, loadSession, providerName, saveSession, signInWithRedirect,
  type AuthConfig, type Session
} from '@collab/ui'

const noticeKey = 'collab.signInNotice'

/** Shows the sign-in view with `notice` after the next load (e.g. the token expired). */
export function signInAgain (notice: string): void {
  sessionStorage.setItem(noticeKey, notice)
  location.reload()
}

/**
 * Resolves with the signed-in session: the kept one, the one the provider's redirect just
 * brought back, or the one the user signs in to on the view this mounts into `root`.
 */
export async function signedInSession (root: HTMLElement): Promise<Session> {
  const kept = loadSession()
  if (kept) return kept
  let notice = sessionStorage.getItem(noticeKey)
  sessionStorage.removeItem(noticeKey)
  const config = await fetchAuthConfig('')
  try {
    const token = await finishRedirectSignIn(config)
    const session = token === null ? null : saveSession(token, config.userClaim)
    if (session) return session
    if (token !== null) notice = `The provider's token names no user (claim '${config.userClaim}').`
  } catch (e) {
    notice = `Sign-in failed: ${(e as Error).message}`
  }
  return await new Promise(resolve => root.replaceChildren(h('main', { id: 'main' }, signInView(config, notice, resolve))))
}

/** "Sign in with <provider>" where the server names one; a token box in dev mode (`devTokens`). */
function signInView (config: AuthConfig, notice: string | null, onSignedIn: (session: Session) => void): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert', hidden: !notice }, notice ?? '')
  const fail = (message: string): void => {
    error.textContent = message
    error.hidden = false
  }
  const view = h('div', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' }, h('h1', { id: 'sign-in-title' }, 'Sign in to Collab'), error)
  if (canSignInWithProvider(config)) {
    view.append(h('button', {
      type: 'button',
      class: 'sign-in-provider',
      onclick: () => { signInWithRedirect(config, new URL('./', location.href).href).catch(e => fail(`Sign-in failed: ${(e as Error).message}`)) }
    }, `Sign in with ${providerName(config)}`))
  }
  if (config.devTokens) view.append(tokenForm(config, onSignedIn, fail))
  if (!canSignInWithProvider(config) && !config.devTokens) {
    view.append(h('p', {}, 'This server has no sign-in for browsers: its operator sets Auth:ClientId for the identity provider.'))
  }
  return view
}

/** Dev mode: a pasted bearer token (the one the server's `token` command prints). */
function tokenForm (config: AuthConfig, onSignedIn: (session: Session) => void, fail: (message: string) => void): HTMLElement {
  const input = h('textarea', { id: 'token', rows: 4, required: true, spellcheck: 'false', autocomplete: 'off' })
  const form = h('form', {},
    h('label', { for: 'token' }, 'Access token'),
    input,
    h('p', { class: 'hint' }, 'On the embedded default, get a dev token with ',
      h('code', {}, 'dotnet run --project CollabServer -- token --user alice --project demo --role editor')),
    h('button', { type: 'submit' }, 'Sign in'))
  form.addEventListener('submit', event => {
    event.preventDefault()
    const session = saveSession(input.value, config.userClaim)
    if (session) onSignedIn(session)
    else fail('That is not a valid, unexpired token.')
  })
  return form
}
