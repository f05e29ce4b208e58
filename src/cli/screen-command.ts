// `grayline screen --phone P [--customer ID]`: what a call agent would see as the call rings.
import type { Command } from 'commander'
import { Detector, loadIndex, loadRuleSet, screen } from '../detect/index.js'
import { withContext } from './open-context.js'

export function registerScreen(program: Command): void {
  program
    .command('screen')
    .description('screen an incoming call: risk, categories, reasons and the script to follow')
    .requiredOption('--phone <phone>', 'the calling number, in any written form')
    .option('--customer <id>', 'the customer the caller says they are, if the IVR knows')
    .option('--db <path>', 'SQLite file to use')
    .option('--rules <file>', 'rule set to use')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .option('--json', 'print the full result as JSON')
    .action(
      async (opts: {
        phone: string
        customer?: string
        db?: string
        rules?: string
        lang: string
        json?: boolean
      }) => {
        const detector = new Detector(loadRuleSet(opts.rules))
        await withContext(opts.db, (ctx) => loadIndex(ctx, detector.index))
        const r = screen(detector, { phone: opts.phone, customerId: opts.customer })
        if (opts.json) {
          console.log(JSON.stringify(r, null, 2))
          return
        }
        const en = opts.lang === 'en'
        console.log(
          `${en ? 'risk' : '风险'}: ${r.risk}${r.severity ? ` (${r.severity})` : ''}   ${en ? 'script' : '话术'}: ${r.recommended_script}`,
        )
        if (r.categories.length)
          console.log(`${en ? 'categories' : '类别'}: ${r.categories.join(', ')}`)
        for (const reason of r.reasons) console.log(`  - ${en ? reason.en : reason['zh-CN']}`)
        if (!r.reasons.length)
          console.log(
            en ? '  no warning signs: serve the caller as usual' : '  无预警信号：按正常流程服务',
          )
      },
    )
}
