// npm start: build the H5 app, then serve it with the API and demo data on http://127.0.0.1:3000/.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureSqlite } from './native.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)

ensureSqlite(root)

if (process.env.SKIP_H5_BUILD !== '1') {
  console.log('正在构建 H5 页面（约 20 秒）…')
  const build = spawnSync(bin('taro'), ['build', '--type', 'h5'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) {
    console.error('H5 构建失败，请查看上面的错误信息。')
    process.exit(build.status ?? 1)
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'backend', 'local', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
