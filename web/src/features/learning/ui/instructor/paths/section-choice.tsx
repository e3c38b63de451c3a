'use client';

import { sectionValue } from '../../../new-path-form';
import { Choice, FieldError } from '../action-form';

export interface SectionsOfDocument {
  documentId: string;
  title: string;
  sections: {
    headingPath: string[];
    pageStart: number | null;
    chunkIds: string[];
    excerpt: string;
  }[];
}

/** Every indexed document's sections as checkboxes, indented by depth, with where they start. */
export function SectionChoice(props: { documents: SectionsOfDocument[] }) {
  return (
    <div className="form-field">
      <fieldset className="section-choice">
        <legend className="visually-hidden">Sections to build from</legend>
        {props.documents.map((doc) => (
          <fieldset key={doc.documentId}>
            <legend>{doc.title}</legend>
            {doc.sections.map((section) => (
              <div
                key={section.chunkIds[0]}
                style={{ marginLeft: `${Math.max(section.headingPath.length - 1, 0) * 1.2}rem` }}
              >
                <Choice name="sections" value={sectionValue(section.chunkIds)}>
                  {section.headingPath.at(-1) ?? 'Untitled section'}
                  {section.pageStart !== null && (
                    <span className="muted"> (p. {section.pageStart})</span>
                  )}
                </Choice>
              </div>
            ))}
          </fieldset>
        ))}
      </fieldset>
      <FieldError name="sections" />
    </div>
  );
}
