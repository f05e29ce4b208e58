// Keyset paging for the long lists (contacts, watchlist, audit): the first page when the query
// changes, then "load more" appends the page after next_cursor. Nothing ever loads a whole table.
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, buildQuery } from '../api/client'
import type { RequestOptions } from '../api/client'
import type { Page } from '../api/types'

export type KeysetPages<T, P extends Page<T>> = {
  items: T[]
  first: P | undefined
  error: unknown
  loading: boolean
  hasMore: boolean
  loadMore: () => void
  reload: () => void
}

export function useKeysetPages<T, P extends Page<T> = Page<T>>(
  path: string | null,
  query: RequestOptions['query'],
): KeysetPages<T, P> {
  const [items, setItems] = useState<T[]>([])
  const [first, setFirst] = useState<P>()
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(false)
  const [tick, setTick] = useState(0)
  const ctrlRef = useRef<AbortController | null>(null)
  const queryRef = useRef(query)
  queryRef.current = query
  const key = path === null ? null : path + buildQuery(query)

  const fetchPage = useCallback(
    (after: string | null) => {
      if (path === null) return
      ctrlRef.current?.abort()
      const ctrl = new AbortController()
      ctrlRef.current = ctrl
      setLoading(true)
      setError(undefined)
      api<P>(path, { query: { ...queryRef.current, cursor: after }, signal: ctrl.signal })
        .then((page) => {
          setItems((prev) => (after ? [...prev, ...page.items] : page.items))
          if (!after) setFirst(page)
          setCursor(page.next_cursor)
        })
        .catch((e: unknown) => {
          if (!ctrl.signal.aborted) setError(e)
        })
        .finally(() => {
          if (!ctrl.signal.aborted) setLoading(false)
        })
    },
    [path],
  )

  useEffect(() => {
    fetchPage(null)
    return () => ctrlRef.current?.abort()
  }, [key, tick, fetchPage])

  return {
    items,
    first,
    error,
    loading,
    hasMore: cursor !== null,
    loadMore: useCallback(() => cursor && fetchPage(cursor), [cursor, fetchPage]),
    reload: useCallback(() => setTick((n) => n + 1), []),
  }
}
