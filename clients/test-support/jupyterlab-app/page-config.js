// Reads the page config LabServerApp writes into index.html, before @jupyterlab/coreutils loads.
let config = null
export function getOption (name) {
  if (config === null) {
    const el = document.getElementById('jupyter-config-data')
    config = el ? JSON.parse(el.textContent || '{}') : {}
  }
  return config[name]
}
