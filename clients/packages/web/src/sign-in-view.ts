import { h, saveSession, type Session } from '@collab/ui'

/** Asks for a bearer token (a platform JWT, or the dev token the server's `token` command prints). */
export function signInView (onSignedIn: (session: Session) => void): HTMLElement {
  const input = h('textarea', { id: 'token', rows: 4, required: true, spellcheck: 'false', autocomplete: 'off' })
  const error = h('p', { class: 'error', role: 'alert', hidden: true })
  const form = h('form', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in to Collab'),
    h('label', { for: 'token' }, 'Access token'),
    input,
    h('p', { class: 'hint' }, 'On the embedded default, get a dev token with ',
      h('code', {}, 'dotnet run --project CollabServer -- token --user alice --project demo --role editor')),
    error,
    h('button', { type: 'submit' }, 'Sign in'))
  form.addEventListener('submit', event => {
    event.preventDefault()
    const session = saveSession(input.value)
    if (session) onSignedIn(session)
    else {
      error.textContent = 'That is not a valid, unexpired token.'
      error.hidden = false
    }
  })
  return form
}
