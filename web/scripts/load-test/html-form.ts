// Reads a form out of a server-rendered page and submits it the way a browser without scripts
// does (React server actions accept such posts): every field the page gave it, some overridden.

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-zA-Z_:$][\w:.$-]*)(?:="([^"]*)")?/g)) {
    if (match[1]) found[match[1].toLowerCase()] = decodeEntities(match[2] ?? '');
  }
  return found;
}

export interface HtmlForm {
  fields: [string, string][];
}

/** The first form in `html` whose markup contains `marker` (a field name, an id...). */
export function findForm(html: string, marker: string): HtmlForm | null {
  for (const match of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)) {
    const markup = match[0];
    if (!markup.includes(marker)) continue;
    const fields: [string, string][] = [];
    for (const input of markup.matchAll(/<input\b[^>]*>/g)) {
      const a = attributes(input[0]);
      if (!a.name || a.type === 'submit' || a.type === 'file') continue;
      if ((a.type === 'checkbox' || a.type === 'radio') && !('checked' in a)) continue;
      fields.push([a.name, a.value ?? (a.type === 'checkbox' ? 'on' : '')]);
    }
    for (const area of markup.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const a = attributes(area[1] ?? '');
      if (a.name) fields.push([a.name, decodeEntities(area[2] ?? '')]);
    }
    for (const select of markup.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const a = attributes(select[1] ?? '');
      if (!a.name) continue;
      const options = [...(select[2] ?? '').matchAll(/<option\b[^>]*>/g)].map((o) =>
        attributes(o[0]),
      );
      const chosen = options.find((o) => 'selected' in o) ?? options[0];
      if (chosen) fields.push([a.name, chosen.value ?? '']);
    }
    return { fields };
  }
  return null;
}

/** The form's fields as a multipart body, with `values` replacing or adding fields. */
export function formBody(form: HtmlForm, values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of form.fields) {
    if (!(name in values)) data.append(name, value);
  }
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}
