// Uploaded files: a random sha256 for every new file, a 64-bit perceptual hash for images and
// scans, and the near-copies that appear when one document is re-saved, re-scanned or filled in.
import type { Attachment } from '../contract/index.js'
import { formatTime } from './clock.js'
import type { Rng } from './random.js'

export type AttachmentKind = Attachment['kind']

const NAMED: Record<AttachmentKind, readonly string[]> = {
  poa: ['授权委托书.pdf', '委托书.jpg', '授权书.pdf', '委托代理协议.pdf', '授权委托书.jpg'],
  id_copy: ['身份证.jpg', '身份证正反面.jpg', 'sfz.jpg', '身份证复印件.pdf'],
  medical: ['诊断证明.jpg', '病历.pdf', '住院证明.jpg', '出院小结.jpg', '诊断书.png'],
  unemployment: ['失业证明.jpg', '离职证明.jpg', '贫困证明.jpg', '收入证明.pdf', '低保证.jpg'],
  lawyer_letter: ['律师函.pdf', '律师函.docx', '法律意见函.pdf'],
  screenshot: ['截图.png', '扣款记录.png', '聊天记录.jpg', '短信截图.jpg'],
  other: ['催收录音.mp3', '录音.m4a', '还款记录.xlsx', '通话记录.jpg', '情况说明.docx'],
}

function stamp(atMs: number): { ymd: string; hms: string } {
  const t = formatTime(atMs)
  return { ymd: t.slice(0, 10).replaceAll('-', ''), hms: t.slice(11, 19).replaceAll(':', '') }
}

/** A filename as phones, WeChat and scanner apps write them, or a name a person typed. */
export function fileName(rng: Rng, kind: AttachmentKind, atMs: number): string {
  const { ymd, hms } = stamp(atMs - rng.int(0, 20) * 86_400_000)
  const u = rng.next()
  if (kind === 'other' || u < 0.3) return rng.pick(NAMED[kind])
  if (kind === 'screenshot') {
    if (u < 0.6) return `Screenshot_${ymd}-${hms}.png`
    if (u < 0.8)
      return `截屏${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)} ${hms.slice(0, 2)}.${hms.slice(2, 4)}.${hms.slice(4)}.png`
    return `mmexport${atMs - rng.int(0, 999_999)}.jpg`
  }
  if (u < 0.5) return `IMG_${ymd}_${hms}.jpg`
  if (u < 0.65) return `微信图片_${ymd}${hms}.jpg`
  if (u < 0.8) return `mmexport${atMs - rng.int(0, 9_999_999)}.jpg`
  return rng.chance(0.5) ? `CamScanner ${ymd}${hms.slice(0, 4)}.pdf` : `扫描全能王 ${ymd}.pdf`
}

function hasImage(kind: AttachmentKind, filename: string): boolean {
  return kind !== 'other' && !/\.(docx|xlsx|mp3|m4a)$/.test(filename)
}

/** A new file nobody else has: random content, its own hashes. */
export function freshFile(
  rng: Rng,
  kind: AttachmentKind,
  atMs: number,
  phash?: string,
): Attachment {
  const filename = fileName(rng, kind, atMs)
  const file: Attachment = { kind, sha256: rng.hex(64), filename }
  if (hasImage(kind, filename)) file.phash = phash ?? rng.hex(16)
  return file
}

/** Flips between `min` and `max` bits of a 64-bit hex hash. */
export function nearPhash(rng: Rng, phash: string, min: number, max: number): string {
  const bits = [...phash].map((c) => parseInt(c, 16).toString(2).padStart(4, '0')).join('')
  const arr = [...bits]
  const flips = rng.sample([...arr.keys()], rng.int(min, max))
  for (const i of flips) arr[i] = arr[i] === '1' ? '0' : '1'
  let out = ''
  for (let i = 0; i < arr.length; i += 4)
    out += parseInt(arr.slice(i, i + 4).join(''), 2).toString(16)
  return out
}

/** The same document saved again (screenshot of it, re-scan, filled-in copy): new bytes. */
export function resavedFile(rng: Rng, original: Attachment, atMs: number, maxBits = 6): Attachment {
  const filename = rng.chance(0.5)
    ? (original.filename ?? fileName(rng, original.kind, atMs))
    : fileName(rng, original.kind, atMs)
  const copy: Attachment = { kind: original.kind, sha256: rng.hex(64), filename }
  const base = original.phash ?? rng.hex(16)
  if (hasImage(original.kind, filename)) copy.phash = nearPhash(rng, base, 1, maxBits)
  return copy
}

/** The very same file sent again (byte-identical), perhaps under another name. */
export function reusedFile(rng: Rng, original: Attachment, atMs: number): Attachment {
  const copy: Attachment = { ...original }
  if (original.phash !== undefined && rng.chance(0.3)) {
    const name = fileName(rng, original.kind, atMs)
    if (hasImage(original.kind, name)) copy.filename = name
  }
  return copy
}
