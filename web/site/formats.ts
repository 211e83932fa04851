// The page's number and date formatters, made once per language and options. The first Intl
// formatter a page makes loads the language's data, which takes tens of milliseconds on a phone
// (more than drawing a table), so the first screen formats no number: the tables and charts
// that do are drawn when the reader comes near them.

const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** The number formatter of `language`. */
export function numberFormat(language: string): Intl.NumberFormat {
  const key = `number ${language}`;
  const known = made.get(key);
  if (known instanceof Intl.NumberFormat) return known;
  const format = new Intl.NumberFormat(language);
  made.set(key, format);
  return format;
}

/** A date formatter of `language` with `options`. */
export function dateFormat(
  language: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `date ${language} ${JSON.stringify(options)}`;
  const known = made.get(key);
  if (known instanceof Intl.DateTimeFormat) return known;
  const format = new Intl.DateTimeFormat(language, options);
  made.set(key, format);
  return format;
}
