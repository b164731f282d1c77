/** Types for stopword 3 (the package ships none): its lists of function words, by ISO 639-3 code. */
declare module 'stopword' {
  export const nld: readonly string[];
  export const pol: readonly string[];
  export const swe: readonly string[];
  export const dan: readonly string[];
  export const nob: readonly string[];
  export const fin: readonly string[];
  export const spa: readonly string[];
}
