export { romanizeHindi, type RomanizeOptions } from './romanize-hindi';
export { devanagariOf } from './devanagari-of';
