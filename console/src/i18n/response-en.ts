// The response pages' strings in English; the same keys as response-zh-cn.ts.
import type { responseZhCN } from './response-zh-cn'

export const responseEn: Record<keyof typeof responseZhCN, string> = {
  'verifyNew.open': 'New verification task',
  'verifyNew.title': 'Ask the customer directly',
  'verifyNew.submit': 'Create task',
  'verifyNew.contact': 'Contact ID (optional)',
  'verifyNew.contactHint':
    'With a contact, the customer is asked about the number it came from; without, whether they authorised anyone',
  'verifyNew.message': 'What the customer will receive',
  'verifyNew.callbackHint':
    "A call-back goes to the queue: an agent calls the customer's registered phone.",
  'verifyNew.noPhone':
    'This customer has no registered mobile number for SMS: use an in-app message or a call-back.',
  'verifyNew.created': 'Verification task created',
  'verifyNew.existing': 'The same question is already waiting for an answer: no new task',
  'verifyNew.delivery': 'Delivery',

  'changes.title': 'Risk changes',
  'changes.none': 'The risk has not changed since the contact was assessed',
  'changes.verify': 'Ask the customer',
  'changes.score': ' (score {before} → {after})',
  'changes.added': 'Signals added: {signals}',
  'changes.removed': 'Signals removed: {signals}',
  'changeKind.call_answer': 'Call script answers',
  'changeKind.verification_outcome': 'Verification with the customer',
}
