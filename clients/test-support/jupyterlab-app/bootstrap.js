// Entry point. Federated extensions (the wheel's labextensions folder) are loaded and joined to the
// shared module scope before the application code runs, so every singleton has one instance.
import { getOption } from './page-config.js'

// eslint-disable-next-line no-undef
__webpack_public_path__ = getOption('fullStaticUrl') + '/'

function loadScript (url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.onerror = reject
    script.onload = resolve
    script.async = true
    script.src = url
    document.head.appendChild(script)
  })
}

async function loadRemote (url, scope) {
  await loadScript(url)
  /* eslint-disable no-undef */
  await __webpack_init_sharing__('default')
  await window._JUPYTERLAB[scope].init(__webpack_share_scopes__.default)
  /* eslint-enable no-undef */
}

void (async () => {
  const base = getOption('fullLabextensionsUrl')
  const results = await Promise.allSettled(
    (getOption('federated_extensions') || []).map(e => loadRemote(`${base}/${e.name}/${e.load}`, e.name)))
  for (const r of results) if (r.status === 'rejected') console.error(r.reason)
  const { main } = await import('./main.js')
  await main()
})()
