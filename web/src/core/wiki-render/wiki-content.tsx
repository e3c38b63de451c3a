import './wiki-content.css';

/** Rendered wiki HTML (already sanitised by the formatter), styled as Trac styles it. */
export function WikiContent({ html, className }: { html: string; className?: string }) {
  return (
    <div
      className={`wikipage searchable${className ? ` ${className}` : ''}`}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the formatter escapes text and sanitises HTML
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
