import path from 'node:path'

interface AppConfig {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
}

/**
 * Every page of the app, read from src/app.config.ts itself (main package first), so a page added
 * there is walked by the tests that use this list without anyone remembering to add it.
 */
export function appRoutes(): string[] {
  const global = globalThis as { defineAppConfig?: (config: AppConfig) => AppConfig }
  // Taro provides this macro at build time; here it only hands the object back.
  global.defineAppConfig ??= (config) => config
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: config } = require(path.resolve(__dirname, '..', '..', 'src', 'app.config.ts')) as {
    default: AppConfig
  }
  return [
    ...config.pages,
    ...(config.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
  ]
}
