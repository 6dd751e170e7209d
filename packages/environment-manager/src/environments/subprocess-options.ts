/** The execa options every run of Python, pip and uv shares: exactly the given environment, no stdin. */
export function subprocessOptions(env: NodeJS.ProcessEnv) {
  return { env, extendEnv: false, stdin: 'ignore' } as const;
}
