/**
 * What co-editing keeps in a team document's Y.Doc besides Lexical's binding (XmlText "root",
 * where the figure table rides as the root's NodeState): the 落款, which the editor keeps outside
 * its state, in Y.Map "signature" under "value" (the model's Signature, or null).
 */
export const SIGNATURE_MAP = 'signature'
export const SIGNATURE_KEY = 'value'
