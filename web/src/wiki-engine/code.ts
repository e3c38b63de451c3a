import hljs from 'highlight.js/lib/common';
import { escapeText } from './html';

/** MIME types Trac users write as processor names, mapped to highlight.js languages. */
const MIME_LANGUAGES: Record<string, string> = {
  'text/x-python': 'python',
  'text/x-javascript': 'javascript',
  'application/javascript': 'javascript',
  'text/x-csrc': 'c',
  'text/x-c++src': 'cpp',
  'text/x-java': 'java',
  'text/x-sh': 'bash',
  'application/x-sh': 'bash',
  'text/x-sql': 'sql',
  'text/x-ruby': 'ruby',
  'text/x-perl': 'perl',
  'text/x-php': 'php',
  'text/html': 'xml',
  'text/xml': 'xml',
  'text/css': 'css',
  'text/x-diff': 'diff',
  'text/x-yaml': 'yaml',
  'application/json': 'json',
  'text/plain': 'plaintext',
  'text/x-go': 'go',
  'text/x-rust': 'rust',
};

function languageOf(name: string): string | null {
  const lang = MIME_LANGUAGES[name] ?? name;
  return hljs.getLanguage(lang) ? lang : null;
}

export function isCodeLanguage(name: string): boolean {
  return languageOf(name) !== null;
}

/** Highlights code; unknown languages come back escaped but otherwise untouched. */
export function highlightCode(name: string, text: string): string {
  const lang = languageOf(name);
  if (!lang || lang === 'plaintext') return escapeText(text);
  return hljs.highlight(text, { language: lang, ignoreIllegals: true }).value;
}
