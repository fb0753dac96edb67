// Builds the test JupyterLab application into build/: static/ (the bundle LabServerApp serves),
// schemas/ and themes/ (LabServerApp's schemas_dir and themes_dir). The bundle is a module
// federation host whose share scope offers the core packages as JupyterLab's does, so prebuilt
// (federated) extensions load into it exactly as into a pip-installed JupyterLab.
const path = require('path')
const fs = require('fs')
const webpack = require('webpack')
const { merge } = require('webpack-merge')
const { Build } = require('@jupyterlab/builder')
const baseConfig = require('@jupyterlab/builder/lib/webpack.config.base').default
  ?? require('@jupyterlab/builder/lib/webpack.config.base')

const pkg = require('./package.json')
// The core package description the extension is built against names the shared singletons.
const coreMeta = require('../../packages/jupyterlab-collab/core-meta/package.json')
const buildDir = path.join(__dirname, 'build')

const extensionNames = Object.keys(pkg.dependencies).filter(n => /^@jupyterlab\/.*-extension$/.test(n))
const themeConfigs = Build.ensureAssets({ packageNames: extensionNames, output: buildDir })

// Read from node_modules directly: packages with an `exports` map may not export package.json.
const packageJson = name => path.join(__dirname, 'node_modules', name, 'package.json')

const singletons = new Set(coreMeta.jupyterlab.singletonPackages)
const sharedNames = new Set([...Object.keys(coreMeta.dependencies), ...Object.keys(pkg.dependencies)])
const shared = {}
for (const name of sharedNames) {
  if (!fs.existsSync(packageJson(name))) continue
  const { version } = JSON.parse(fs.readFileSync(packageJson(name)))
  shared[name] = { singleton: singletons.has(name), requiredVersion: `^${version}`, version }
}

const app = merge(baseConfig, {
  mode: 'development',
  devtool: false,
  entry: { bootstrap: path.join(__dirname, 'bootstrap.js') },
  output: {
    path: path.join(buildDir, 'static'),
    filename: '[name].js',
    chunkFilename: '[name].[contenthash].js',
    publicPath: ''
  },
  plugins: [
    new webpack.container.ModuleFederationPlugin({
      library: { type: 'var', name: ['_JUPYTERLAB', 'CORE_LIBRARY_FEDERATION'] },
      name: 'CORE_FEDERATION',
      shared
    })
  ]
})

module.exports = [app, ...themeConfigs]
