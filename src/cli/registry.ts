// Commands of the later domains register here.
import type { Command } from 'commander'
import { registerAssess } from './assess-command.js'
import { registerBacktest } from './backtest-command.js'
import { registerDemo } from './demo-command.js'
import { registerEval } from './eval-command.js'
import { registerGangs } from './gangs-command.js'
import { registerDossier } from './dossier-command.js'
import { registerEvidence } from './evidence-command.js'
import { registerOperationsReport } from './operations-report-command.js'
import { registerSimulate } from './simulate-command.js'
import { registerScreen } from './screen-command.js'
import { registerServe } from './serve-command.js'
import { registerSharingCommands } from './sharing-command.js'
import { registerVoice } from './voice-command.js'

export function registerCommands(program: Command): void {
  registerAssess(program)
  registerScreen(program)
  registerBacktest(program)
  registerSimulate(program)
  registerDemo(program)
  registerEval(program)
  registerServe(program)
  registerEvidence(program)
  registerDossier(program)
  registerOperationsReport(program)
  registerVoice(program)
  registerSharingCommands(program)
  registerGangs(program)
}
