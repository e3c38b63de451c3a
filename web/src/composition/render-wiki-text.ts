import {
  type RenderWikiTextOptions,
  type RenderWikiTextsOptions,
  renderWikiTexts as renderAllWithFeatures,
  renderWikiText as renderWithFeatures,
} from '@/core/wiki-render/render-wiki-text';
import { features } from './registry';

/** Renders wiki text with the links and macros of every feature of the app. */
export function renderWikiText(options: Omit<RenderWikiTextOptions, 'features'>): Promise<string> {
  return renderWithFeatures({ ...options, features });
}

/** Renders many texts with one prefetch per feature, with every feature of the app. */
export function renderWikiTexts(
  options: Omit<RenderWikiTextsOptions, 'features'>,
): Promise<string[]> {
  return renderAllWithFeatures({ ...options, features });
}
