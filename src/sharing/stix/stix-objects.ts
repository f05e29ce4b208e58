// The STIX 2.1 objects Grayline shares: its identity, the extension-definition declaring the token
// observable, token observables, indicators (tokens or forged-file sha256), sightings, groupings and
// notes — each with created_by_ref and a TLP 2.0 marking.
import type { IndicatorKind } from '../indicator-value.js'
import type { Tlp } from './tlp.js'
import { TLP_MARKING_IDS } from './tlp.js'
import { namedStixId, randomStixId } from './stix-id.js'

export type StixObject = { type: string; id: string; [k: string]: unknown }

/** The custom observable holding an OPRF token, declared by TOKEN_EXTENSION_ID. */
export const TOKEN_OBSERVABLE = 'grayline-token'
export const TOKEN_EXTENSION_ID = 'extension-definition--3f1e4c55-9a0b-4d6e-8f27-6c2b9d4a7e10'

export type Author = { identityId: string; name: string }

function common(type: string, id: string, author: Author, tlp: Tlp, at: string) {
  return {
    type,
    spec_version: '2.1',
    id,
    created: at,
    modified: at,
    created_by_ref: author.identityId,
    object_marking_refs: [TLP_MARKING_IDS[tlp]],
  }
}

export function identityObject(author: Author, at: string): StixObject {
  const o = common('identity', author.identityId, author, 'green', at)
  return {
    ...o,
    name: author.name,
    identity_class: 'organization',
    sectors: ['financial-services'],
  }
}

export function tokenExtensionDefinition(author: Author, at: string): StixObject {
  return {
    ...common('extension-definition', TOKEN_EXTENSION_ID, author, 'clear', at),
    name: 'Grayline indicator token',
    description:
      'An RFC 9497 POPRF (ristretto255-SHA512) token of an agency identifier: value, indicator type, consortium and epoch of the public input.',
    schema: 'https://grayline.dev/stix/grayline-token.schema.json',
    version: '1.0.0',
    extension_types: ['new-sco'],
  }
}

export type IndicatorInput = {
  kind: IndicatorKind
  /** `oprf-r255:<hex>` for tokens, the bare hex for sha256. */
  value: string
  epoch: string | null
  consortium: string
  collection: string
  tlp: Tlp
  validFrom: string
  validUntil: string
  at: string
  description: string
}

/** An indicator and, for tokens, the observable it points at. */
export function indicatorObjects(author: Author, i: IndicatorInput): StixObject[] {
  // The author is part of the name: two institutions publishing the same token are two sources.
  const id = namedStixId('indicator', `${author.identityId}|${i.collection}|${i.kind}|${i.value}`)
  const indicator = (pattern: string): StixObject => ({
    ...common('indicator', id, author, i.tlp, i.at),
    name: `agency ${i.kind}`,
    description: i.description,
    indicator_types: ['malicious-activity'],
    pattern,
    pattern_type: 'stix',
    valid_from: i.validFrom,
    valid_until: i.validUntil,
    labels: [`grayline:${i.kind}`],
  })
  if (i.kind === 'sha256') return [indicator(`[file:hashes.'SHA-256' = '${i.value}']`)]
  const token: StixObject = {
    type: TOKEN_OBSERVABLE,
    spec_version: '2.1',
    id: namedStixId(TOKEN_OBSERVABLE, i.value),
    value: i.value,
    indicator_type: i.kind,
    consortium: i.consortium,
    epoch: i.epoch,
    object_marking_refs: [TLP_MARKING_IDS[i.tlp]],
    extensions: { [TOKEN_EXTENSION_ID]: { extension_type: 'new-sco' } },
  }
  return [indicator(`[${TOKEN_OBSERVABLE}:value = '${i.value}']`), token]
}

export function sightingObject(
  author: Author,
  o: { indicatorId: string; count: number; at: string; tlp: Tlp; outcome: string },
): StixObject {
  return {
    ...common('sighting', randomStixId('sighting'), author, o.tlp, o.at),
    sighting_of_ref: o.indicatorId,
    count: o.count,
    first_seen: o.at,
    last_seen: o.at,
    description: o.outcome,
  }
}

export function groupingObject(
  author: Author,
  o: { name: string; refs: string[]; at: string; tlp: Tlp },
): StixObject {
  return {
    ...common('grouping', randomStixId('grouping'), author, o.tlp, o.at),
    name: o.name,
    context: 'suspicious-activity',
    object_refs: o.refs,
  }
}

export function noteObject(
  author: Author,
  o: { content: string; refs: string[]; at: string; tlp: Tlp },
): StixObject {
  return {
    ...common('note', randomStixId('note'), author, o.tlp, o.at),
    content: o.content,
    object_refs: o.refs,
  }
}

/** The value an indicator carries: the token, or `sha256:<hex>` for a file hash. */
export function indicatorValueOf(
  pattern: string,
): { kind: 'token' | 'sha256'; value: string } | null {
  const token = /^\[grayline-token:value = '(oprf-r255:[0-9a-f]+)'\]$/.exec(pattern)
  if (token?.[1]) return { kind: 'token', value: token[1] }
  const file = /^\[file:hashes\.'SHA-256' = '([0-9a-f]{64})'\]$/.exec(pattern)
  return file?.[1] ? { kind: 'sha256', value: `sha256:${file[1]}` } : null
}
