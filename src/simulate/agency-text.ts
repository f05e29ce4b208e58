// Agency letter templates: a fixed choice of sentences per family, in a fixed order and
// house style, rendered per client with slots filled and (per the profile) paraphrased.
import * as P from './agency-phrases.js'
import type { Rng } from './random.js'
import { Rng as SeededRng } from './random.js'
import type { Slots } from './slots.js'
import { fill } from './slots.js'

type Numbering = 'zh' | 'arabic' | 'dot' | 'paren' | 'circled'
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩'
const ZH = '一二三四五六七八九十'

export type LetterTemplate = {
  header: number | null
  identity: number
  hardship: number
  accusations: (readonly [string, number])[]
  lawBasis: number | null
  demandIntro: number
  demandItems: number[]
  authorisation: number
  refusal: number
  threats: number[]
  closing: number
  fillers: number[]
  numbering: Numbering
  lineBreaks: boolean
  swaps: number[]
}

export function buildTemplate(rng: Rng): LetterTemplate {
  const accKeys = rng.sample(Object.keys(P.accusations), rng.int(2, 3))
  return {
    header: rng.chance(0.75) ? rng.int(0, P.headers.length - 1) : null,
    identity: rng.int(0, P.identities.length - 1),
    hardship: rng.int(0, P.hardships.length - 1),
    accusations: accKeys.map((k) => [k, rng.int(0, (P.accusations[k]?.length ?? 1) - 1)] as const),
    lawBasis: rng.chance(0.6) ? rng.int(0, P.lawBases.length - 1) : null,
    demandIntro: rng.int(0, P.demandIntros.length - 1),
    demandItems: rng.sample([...P.demandItems.keys()], rng.int(3, 6)),
    authorisation: rng.int(0, P.authorisations.length - 1),
    refusal: rng.int(0, P.refusals.length - 1),
    threats: rng.sample([...P.threats.keys()], rng.int(1, 2)),
    closing: rng.int(0, P.closings.length - 1),
    fillers: rng.sample([...P.fillers.keys()], rng.int(0, 2)),
    numbering: rng.pick(['zh', 'arabic', 'dot', 'paren', 'circled'] as const),
    lineBreaks: rng.chance(0.6),
    swaps: rng.sample([...P.synonyms.keys()], rng.int(0, 3)),
  }
}

/** A template that circulates on the internet: the same for every seed. */
export function publicTemplate(k: number): LetterTemplate {
  return buildTemplate(new SeededRng('grayline-public-template', k))
}

/** Another version of a letter: same bones, some sentences and the house style changed. */
export function deriveTemplate(rng: Rng, base: LetterTemplate): LetterTemplate {
  const own = buildTemplate(rng)
  const accusations = base.accusations.map((a, i) =>
    i === 0 && rng.chance(0.4) ? (own.accusations[0] ?? a) : a,
  )
  return {
    ...base,
    header: rng.chance(0.5) ? own.header : base.header,
    hardship: rng.chance(0.3) ? own.hardship : base.hardship,
    accusations,
    demandItems: rng.chance(0.4)
      ? [...new Set([...base.demandItems.slice(0, 3), ...own.demandItems.slice(0, 2)])]
      : base.demandItems,
    numbering: rng.chance(0.5) ? own.numbering : base.numbering,
    closing: own.closing,
    threats: rng.chance(0.5) ? own.threats : base.threats,
    swaps: rng.chance(0.5) ? own.swaps : base.swaps,
  }
}

export type RenderOptions = {
  paraphrase: number
  /** The letter names the representative (authorisation paragraph). */
  declared: boolean
  /** The customer refuses direct contact (forged-evidence letters). */
  refusal: boolean
  /** A shortened version for app feedback, social posts and forms with a length limit. */
  condensed: boolean
  /** Inside another frame (a lawyer's letter): no title of its own. */
  untitled?: boolean
}

export type RenderedLetter = { text: string; demands: string[] }

function variant(rng: Rng, family: P.Family, index: number, paraphrase: number): string {
  if (rng.chance(paraphrase * 0.6)) return rng.pick(family)
  return family[index] ?? family[0] ?? ''
}

function numberLabel(style: Numbering, i: number): string {
  if (style === 'zh') return `${ZH.charAt(i)}、`
  if (style === 'arabic') return `${i + 1}、`
  if (style === 'dot') return `${i + 1}. `
  if (style === 'paren') return `（${i + 1}）`
  return CIRCLED.charAt(i)
}

function demandBlock(rng: Rng, t: LetterTemplate, o: RenderOptions, demands: Set<string>): string {
  let items = t.demandItems.filter(() => !rng.chance(o.paraphrase * 0.25))
  if (items.length === 0) items = t.demandItems.slice(0, 1)
  if (o.condensed) items = items.slice(0, 3)
  if (rng.chance(o.paraphrase * 0.5)) items = rng.shuffle([...items])
  const lines = items.map((k, i) => {
    const [sentence, keys] = P.demandItems[k] ?? ['', []]
    keys.forEach((d) => demands.add(d))
    return numberLabel(t.numbering, i) + sentence + (i === items.length - 1 ? '。' : '；')
  })
  const intro = variant(rng, P.demandIntros, t.demandIntro, o.paraphrase)
  return t.lineBreaks ? `${intro}\n${lines.join('\n')}` : intro + lines.join('')
}

/** The letter for one client: slots filled, house style kept, paraphrased as configured. */
export function renderLetter(
  rng: Rng,
  t: LetterTemplate,
  slots: Slots,
  o: RenderOptions,
): RenderedLetter {
  const demands = new Set<string>()
  const keep = (p: number) => !rng.chance(o.paraphrase * p)
  const parts: string[] = []
  if (t.header !== null && !o.condensed && !o.untitled && keep(0.4))
    parts.push(variant(rng, P.headers, t.header, o.paraphrase))
  parts.push(variant(rng, P.identities, t.identity, o.paraphrase))
  parts.push(variant(rng, P.hardships, t.hardship, o.paraphrase))
  let acc = o.condensed ? t.accusations.slice(0, 1) : t.accusations
  if (rng.chance(o.paraphrase)) acc = rng.shuffle([...acc])
  for (const [key, i] of acc)
    if (keep(0.3)) parts.push(variant(rng, P.accusations[key] ?? [], i, o.paraphrase))
  if (!o.condensed) for (const f of t.fillers) if (keep(0.5)) parts.push(P.fillers[f] ?? '')
  const law =
    t.lawBasis !== null && !o.condensed ? variant(rng, P.lawBases, t.lawBasis, o.paraphrase) : ''
  parts.push(law + demandBlock(rng, t, o, demands))
  if (o.declared) parts.push(variant(rng, P.authorisations, t.authorisation, o.paraphrase))
  if (o.refusal) parts.push(variant(rng, P.refusals, t.refusal, o.paraphrase))
  const threats = o.condensed ? t.threats.slice(0, 1) : t.threats
  for (const i of threats) if (keep(0.3)) parts.push(variant(rng, P.threats, i, o.paraphrase))
  if (!o.condensed) parts.push(variant(rng, P.closings, t.closing, o.paraphrase))
  const unique = [...new Set(parts.filter((x) => x !== ''))]
  const text = paraphraseWords(
    rng,
    fill(unique.join(t.lineBreaks ? '\n' : ''), slots),
    t,
    o.paraphrase,
  )
  return { text, demands: [...demands] }
}

/** House word choices always; a paraphrasing writer swaps more of them. */
function paraphraseWords(rng: Rng, text: string, t: LetterTemplate, paraphrase: number): string {
  let out = text
  P.synonyms.forEach(([a, b], i) => {
    if (t.swaps.includes(i) || rng.chance(paraphrase * 0.35)) out = out.replaceAll(a, b)
  })
  return out
}
