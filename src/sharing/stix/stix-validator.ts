// Validates STIX 2.1 objects against the OASIS JSON schemas shipped beside this file (draft
// 2020-12, with formats). Types without a schema of their own (the token observable) are checked
// against the common cyber-observable core.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { StixObject } from './stix-objects.js'

const SCHEMA_DIR = fileURLToPath(new URL('./schemas/', import.meta.url))
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/'
// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

const SCHEMA_OF: Record<string, string> = {
  identity: 'sdos/identity.json',
  indicator: 'sdos/indicator.json',
  grouping: 'sdos/grouping.json',
  note: 'sdos/note.json',
  sighting: 'sros/sighting.json',
  'marking-definition': 'common/marking-definition.json',
  'extension-definition': 'common/extension-definition.json',
  file: 'observables/file.json',
}
// The OASIS patterns use escapes (\-) that the u flag rejects, hence unicodeRegExp: false.
const OBSERVABLE_CORE = 'common/cyber-observable-core.json'

export type StixProblem = { id: string; errors: string[] }

export class StixValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false })
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor() {
    addFormats(this.ajv)
    for (const dir of ['common', 'sdos', 'sros', 'observables'])
      for (const f of readdirSync(join(SCHEMA_DIR, dir)))
        if (f.endsWith('.json') && f !== 'bundle.json')
          this.ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, dir, f), 'utf8')) as object)
  }

  /** Problems of each object that does not validate; empty when all do. */
  validate(objects: readonly StixObject[]): StixProblem[] {
    const problems: StixProblem[] = []
    for (const o of objects) {
      const { id } = o
      const check = this.schemaFor(o.type)
      if (!check(o))
        problems.push({
          id,
          errors: (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`),
        })
    }
    return problems
  }

  private schemaFor(type: string): ValidateFunction {
    const path = SCHEMA_OF[type] ?? OBSERVABLE_CORE
    let fn = this.compiled.get(path)
    if (!fn) {
      fn = this.ajv.getSchema(BASE + path)
      if (!fn) throw new Error(`no STIX schema ${path}`)
      this.compiled.set(path, fn)
    }
    return fn
  }
}
