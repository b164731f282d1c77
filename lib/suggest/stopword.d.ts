/** Types for stopword 3 (the package ships none): its lists of function words, by ISO 639-3 code. */
declare module 'stopword' {
  export const nld: readonly string[];
  export const pol: readonly string[];
  export const swe: readonly string[];
  export const dan: readonly string[];
  export const nob: readonly string[];
  export const fin: readonly string[];
  export const spa: readonly string[];
  export const ces: readonly string[];
  export const slk: readonly string[];
  export const hun: readonly string[];
  export const ron: readonly string[];
  export const tur: readonly string[];
  export const ind: readonly string[];
  export const hrv: readonly string[];
  export const slv: readonly string[];
  export const ell: readonly string[];
  export const rus: readonly string[];
  export const ukr: readonly string[];
  export const bul: readonly string[];
}
