export function WorkbenchPage() {
  return null
}
