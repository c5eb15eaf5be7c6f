// electron-builder's afterPack hook (electron-builder.yml): the better-sqlite3 inside each package
// must be built for that package's platform and arch ('universal': one file with x64 and arm64)
// under the packaged Electron's module ABI. Anything else stops the build here, before an
// installer is made. Checks come from scripts/nativeModule.ts, bundled to dist/tools/native.cjs.
'use strict'
const path = require('node:path')

/** Node's platform and arch names for electron-builder's pack context. */
function packTarget(context, Arch) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName
  return { platform, arch: Arch[context.arch] }
}

function checkPackage(context, tools, Arch, log = console.log) {
  const projectDir = context.packager.projectDir
  const target = packTarget(context, Arch)
  const abi = tools.electronModuleAbi(projectDir)
  const info = tools.verifyPackagedNative(context.packager.getResourcesDir(context.appOutDir), target, abi)
  log(`  • better-sqlite3 checked  platform=${target.platform} arch=${info.arches.join('+')} abi=${info.abi}`)
  return info
}

module.exports = async function afterPack(context) {
  const { Arch } = require('builder-util')
  const tools = require(path.join(__dirname, '..', 'dist', 'tools', 'native.cjs'))
  checkPackage(context, tools, Arch)
}
module.exports.checkPackage = checkPackage
