// Whether the user started node with a V8 flag themselves (on the command line or in
// NODE_OPTIONS): Grayline's own heap settings then step aside.
export function nodeFlagGiven(name: string): boolean {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]
  return given.some((a) => a.includes(name))
}
