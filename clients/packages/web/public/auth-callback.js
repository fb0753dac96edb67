// Where the OpenID provider sends a sign-in popup back to (the JupyterLab extension's; see
// @collab/ui oidc-sign-in.ts). It hands the callback URL to the window that opened the popup,
// but only if that window's origin is this server's or one it allows (Cors:AllowedOrigins):
// that window holds the PKCE verifier, and any other opener could hold one of its own.
const status = document.getElementById('status')
const callback = location.href
history.replaceState(null, '', location.pathname)
if (!window.opener) {
  status.textContent = 'This page finishes a sign-in started from JupyterLab; open Collab there.'
} else {
  fetch('api/auth/config')
    .then(response => response.json())
    .then(config => {
      for (const origin of [location.origin, ...config.allowedOrigins]) {
        window.opener.postMessage({ type: 'collab-sign-in', url: callback }, origin)
      }
      status.textContent = 'You can close this window and go back to JupyterLab.'
    })
    .catch(error => { status.textContent = `Sign-in could not finish: ${error.message}` })
}
