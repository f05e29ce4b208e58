// Static migration registry: append-only, applied in key order on both stores.
import type { Migration } from 'kysely'
import * as m0001 from './0001-create-intake.js'
import * as m0002 from './0002-create-assessments.js'
import * as m0003 from './0003-create-access.js'
import * as m0004 from './0004-dashboard-indexes.js'
import * as m0005 from './0005-response.js'
import * as m0006 from './0006-cases.js'
import * as m0007 from './0007-sharing.js'
import * as m0008 from './0008-voice.js'
import * as m0009 from './0009-taxii.js'
import * as m0010 from './0010-gangs.js'
import * as m0011 from './0011-voice-thresholds.js'
import * as m0012 from './0012-bulk-load.js'
import * as m0013 from './0013-sharing-feedback.js'

export const migrations: Record<string, Migration> = {
  '0001-create-intake': m0001,
  '0002-create-assessments': m0002,
  '0003-create-access': m0003,
  '0004-dashboard-indexes': m0004,
  '0005-response': m0005,
  '0006-cases': m0006,
  '0007-sharing': m0007,
  '0008-voice': m0008,
  '0009-taxii': m0009,
  '0010-gangs': m0010,
  '0011-voice-thresholds': m0011,
  '0012-bulk-load': m0012,
  '0013-sharing-feedback': m0013,
}
