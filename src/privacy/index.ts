// Masking of personal data for every response and log line that leaves the store.
export {
  maskAddress,
  maskBankCard,
  maskDevice,
  maskEmail,
  maskIdNumber,
  maskIp,
  maskMiddle,
  maskName,
  maskPhone,
  maskWechat,
} from './maskers.js'
export { maskIdentifier } from './mask-identifier.js'
export { maskPersonalNumbers, maskText } from './mask-text.js'
export { maskContactRecord, maskCustomerRecord, namesInContact } from './mask-records.js'
