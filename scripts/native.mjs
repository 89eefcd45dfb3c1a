// The embedded store's SQLite binding (better-sqlite3) is compiled on this machine. The repository's
// .npmrc has ignore-scripts=true, so `npm install` leaves it unbuilt: npm start and npm test build it
// here, once, when it is missing (about a minute; needs python3, make and a C++ compiler).
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

function loads() {
  try {
    const Database = require('better-sqlite3')
    new Database(':memory:').close()
    return true
  } catch {
    return false
  }
}

export function ensureSqlite(root) {
  if (loads()) return
  console.log('正在编译 SQLite 绑定 better-sqlite3（仅首次，约 1 分钟）…')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const run = spawnSync(npm, ['rebuild', 'better-sqlite3', '--ignore-scripts=false'], { cwd: root, stdio: 'inherit' })
  if (run.status !== 0 || !loads()) {
    console.error(
      '✖ better-sqlite3 编译失败：需要 python3、make 和 C++ 编译器（Debian: apt-get install -y python3 make g++），然后重试。',
    )
    process.exit(1)
  }
}
