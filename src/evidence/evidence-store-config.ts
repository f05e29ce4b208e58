// Which evidence store an installation uses: local disk beside the store unless S3 is configured.
import { join } from 'node:path'
import type { EvidenceStore } from './evidence-store.js'
import { LocalEvidenceStore } from './evidence-store.js'
import { S3EvidenceStore } from './s3-evidence-store.js'

export function evidenceStoreFromEnv(env: NodeJS.ProcessEnv, dataDir: string): EvidenceStore {
  if (env.GRAYLINE_EVIDENCE_S3_BUCKET)
    return new S3EvidenceStore({
      endpoint: env.GRAYLINE_EVIDENCE_S3_ENDPOINT ?? 'https://s3.amazonaws.com',
      bucket: env.GRAYLINE_EVIDENCE_S3_BUCKET,
      prefix: env.GRAYLINE_EVIDENCE_S3_PREFIX ?? 'evidence/',
      region: env.GRAYLINE_EVIDENCE_S3_REGION ?? 'us-east-1',
      accessKeyId: env.GRAYLINE_EVIDENCE_S3_ACCESS_KEY ?? '',
      secretAccessKey: env.GRAYLINE_EVIDENCE_S3_SECRET_KEY ?? '',
    })
  return new LocalEvidenceStore(env.GRAYLINE_EVIDENCE_DIR ?? join(dataDir, 'evidence'))
}
