// One colour per node and edge kind in the gang graph (legend, nodes and edges agree).
export const kindColour: Record<string, string> = {
  customer: '#1677ff',
  contact: '#69b1ff',
  phone: '#f5222d',
  wechat: '#52c41a',
  email: '#13c2c2',
  organization: '#722ed1',
  device: '#fa8c16',
  ip: '#d4b106',
  sha256: '#eb2f96',
  text_template: '#8c8c8c',
}

export const SELECTED_COLOUR = '#111111'
