// The one data hook: GET a path when it or its query changes, with loading, error and reload.
// A newer request aborts the older one, so a fast filter change never shows stale rows.
import { useCallback, useEffect, useState } from 'react'
import { api, buildQuery } from '../api/client'
import type { RequestOptions } from '../api/client'

export type ApiState<T> = {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => void
}

export function useApi<T>(path: string | null, query?: RequestOptions['query']): ApiState<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(path !== null)
  const [tick, setTick] = useState(0)
  const key = path === null ? null : path + buildQuery(query)

  useEffect(() => {
    if (path === null) return
    const ctrl = new AbortController()
    setLoading(true)
    setError(undefined)
    api<T>(path, { query, signal: ctrl.signal })
      .then((d) => setData(d))
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setError(e)
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false)
      })
    return () => ctrl.abort()
    // The key stands for path and query: objects built in render would re-run it every time.
  }, [key, tick])

  const reload = useCallback(() => setTick((n) => n + 1), [])
  return { data, error, loading, reload }
}
