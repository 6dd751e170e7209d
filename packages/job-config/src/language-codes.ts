/**
 * Every ISO 639-1 code with its ISO 639-2/T code: the job config takes 639-1 ("hi"), container language
 * tags take 639-2 ("hin").
 */
const ISO_639_2 = {
  aa: 'aar', ab: 'abk', ae: 'ave', af: 'afr', ak: 'aka', am: 'amh', an: 'arg', ar: 'ara', as: 'asm', av: 'ava',
  ay: 'aym', az: 'aze', ba: 'bak', be: 'bel', bg: 'bul', bi: 'bis', bm: 'bam', bn: 'ben', bo: 'bod', br: 'bre',
  bs: 'bos', ca: 'cat', ce: 'che', ch: 'cha', co: 'cos', cr: 'cre', cs: 'ces', cu: 'chu', cv: 'chv', cy: 'cym',
  da: 'dan', de: 'deu', dv: 'div', dz: 'dzo', ee: 'ewe', el: 'ell', en: 'eng', eo: 'epo', es: 'spa', et: 'est',
  eu: 'eus', fa: 'fas', ff: 'ful', fi: 'fin', fj: 'fij', fo: 'fao', fr: 'fra', fy: 'fry', ga: 'gle', gd: 'gla',
  gl: 'glg', gn: 'grn', gu: 'guj', gv: 'glv', ha: 'hau', he: 'heb', hi: 'hin', ho: 'hmo', hr: 'hrv', ht: 'hat',
  hu: 'hun', hy: 'hye', hz: 'her', ia: 'ina', id: 'ind', ie: 'ile', ig: 'ibo', ii: 'iii', ik: 'ipk', io: 'ido',
  is: 'isl', it: 'ita', iu: 'iku', ja: 'jpn', jv: 'jav', ka: 'kat', kg: 'kon', ki: 'kik', kj: 'kua', kk: 'kaz',
  kl: 'kal', km: 'khm', kn: 'kan', ko: 'kor', kr: 'kau', ks: 'kas', ku: 'kur', kv: 'kom', kw: 'cor', ky: 'kir',
  la: 'lat', lb: 'ltz', lg: 'lug', li: 'lim', ln: 'lin', lo: 'lao', lt: 'lit', lu: 'lub', lv: 'lav', mg: 'mlg',
  mh: 'mah', mi: 'mri', mk: 'mkd', ml: 'mal', mn: 'mon', mr: 'mar', ms: 'msa', mt: 'mlt', my: 'mya', na: 'nau',
  nb: 'nob', nd: 'nde', ne: 'nep', ng: 'ndo', nl: 'nld', nn: 'nno', no: 'nor', nr: 'nbl', nv: 'nav', ny: 'nya',
  oc: 'oci', oj: 'oji', om: 'orm', or: 'ori', os: 'oss', pa: 'pan', pi: 'pli', pl: 'pol', ps: 'pus', pt: 'por',
  qu: 'que', rm: 'roh', rn: 'run', ro: 'ron', ru: 'rus', rw: 'kin', sa: 'san', sc: 'srd', sd: 'snd', se: 'sme',
  sg: 'sag', si: 'sin', sk: 'slk', sl: 'slv', sm: 'smo', sn: 'sna', so: 'som', sq: 'sqi', sr: 'srp', ss: 'ssw',
  st: 'sot', su: 'sun', sv: 'swe', sw: 'swa', ta: 'tam', te: 'tel', tg: 'tgk', th: 'tha', ti: 'tir', tk: 'tuk',
  tl: 'tgl', tn: 'tsn', to: 'ton', tr: 'tur', ts: 'tso', tt: 'tat', tw: 'twi', ty: 'tah', ug: 'uig', uk: 'ukr',
  ur: 'urd', uz: 'uzb', ve: 'ven', vi: 'vie', vo: 'vol', wa: 'wln', wo: 'wol', xh: 'xho', yi: 'yid', yo: 'yor',
  za: 'zha', zh: 'zho', zu: 'zul',
} as const;

/** The older bibliographic 639-2/B codes, where they differ: some files are still tagged with them. */
const ISO_639_2_B: Partial<Record<keyof typeof ISO_639_2, string>> = {
  bo: 'tib', cs: 'cze', cy: 'wel', de: 'ger', el: 'gre', eu: 'baq', fa: 'per', fr: 'fre', hy: 'arm', is: 'ice',
  ka: 'geo', mi: 'mao', mk: 'mac', ms: 'may', my: 'bur', nl: 'dut', ro: 'rum', sk: 'slo', sq: 'alb', zh: 'chi',
};

/** Every ISO 639-1 language code (two letters), as source and target languages are written. */
export const ISO_639_1_CODES = Object.keys(ISO_639_2) as [keyof typeof ISO_639_2, ...(keyof typeof ISO_639_2)[]];

type LanguageCode = (typeof ISO_639_1_CODES)[number];

/**
 * The ISO 639-2 code for a container's language tag: MP4 takes the terminology form ("deu"), Matroska
 * the bibliographic one ("ger"); the two differ for twenty languages, Hindi and English not among them.
 */
export function toIso6392(code: LanguageCode, form: 'terminology' | 'bibliographic' = 'terminology'): string {
  return (form === 'bibliographic' ? ISO_639_2_B[code] : undefined) ?? ISO_639_2[code];
}

/** True when a stream's language tag (639-1 or either 639-2 form, any case) names `code`. */
export function tagMatchesLanguage(tag: string | undefined, code: LanguageCode): boolean {
  if (tag === undefined) return false;
  const normalized = tag.trim().toLowerCase();
  return normalized === code || normalized === ISO_639_2[code] || normalized === ISO_639_2_B[code];
}
