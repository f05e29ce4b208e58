// Making a case's dossier: the facts, the PDF, and (when asked) the evidence ZIP. Every file that
// leaves in a ZIP is on the chain of custody as exported, by whom and for which dossier.
import type { Context } from '../context.js'
import { CaseError } from '../cases/case-error.js'
import { maskIdentifier } from '../privacy/index.js'
import type { EvidenceStore } from '../evidence/index.js'
import { recordCustody, sha256Of } from '../evidence/index.js'
import type { DossierFacts } from './dossier-facts.js'
import { dossierFacts } from './dossier-facts.js'
import { dossierPdf } from './dossier-pdf.js'
import { evidenceZip } from './evidence-zip.js'
import { graphSvg } from './graph-svg.js'
import { layoutGraph } from './relationship-graph.js'

export type Dossier = { facts: DossierFacts; pdf: Buffer; zip?: Buffer }

export async function buildDossier(
  ctx: Context,
  files: EvidenceStore,
  caseId: string,
  o: { zip: boolean; actor: string },
): Promise<Dossier> {
  const facts = await dossierFacts(ctx, caseId)
  const pdf = await dossierPdf(facts)
  if (!o.zip) return { facts, pdf }
  const evidence = await Promise.all(
    facts.evidence.map(async (entry) => {
      const bytes = await files.get(entry.sha256)
      // A dossier never carries a file that is not what was added.
      if (!bytes || sha256Of(bytes) !== entry.sha256)
        throw new CaseError(
          'conflict',
          `the stored file of ${entry.evidence_id} is missing or changed; run grayline evidence verify`,
        )
      return { entry, bytes }
    }),
  )
  const zip = await evidenceZip({ caseId, asOf: new Date(facts.asOf), pdf, evidence })
  await recordCustody(ctx, facts.evidence, 'exported', o.actor, {
    dossier: caseId,
    zip_sha256: sha256Of(zip),
  })
  return { facts, pdf, zip }
}

/** The graph for the console: the agency's numbers masked there like every other phone. */
export async function caseGraphSvg(ctx: Context, caseId: string): Promise<string> {
  const { graph } = await dossierFacts(ctx, caseId)
  const agency = graph.agency.map((a) => ({
    ...a,
    label: maskIdentifier(a.id).slice(a.type.length + 1),
  }))
  return graphSvg(layoutGraph({ ...graph, agency }))
}
