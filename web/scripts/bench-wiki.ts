/**
 * Renders a corpus of wiki text (sample help pages plus the shared Trac case inputs) in the
 * page flavour on one core, and times a single 50 KB page.
 * Usage: bench-wiki [CASE_FILE]
 */
import { existsSync, readFileSync } from 'node:fs';
import { defaultCaseFile } from '../src/features/wiki/formatter/conformance/default-case-file.js';
import { parseCases } from '../src/features/wiki/formatter/conformance/parse-cases.js';
import {
  CONFORMANCE_CONTEXT,
  createConformanceEnvironment,
} from '../src/features/wiki/formatter/conformance/test-environment.js';
import { renderWiki } from '../src/features/wiki/formatter/index.js';

const SAMPLE_PAGE = `= Getting started with LearnTrac =
[[PageOutline(2-3)]]
LearnTrac keeps '''tickets''', ''wiki pages'' and __learning paths__ together.
See WikiFormatting, TracLinks and [wiki:LearningGuide the learning guide] for more,
or the upstream docs at https://trac.edgewall.org/wiki/TracGuide and [th:wiki:WikiStart Trac Hacks].

== Text styles ==
You can write **bold**, //italic//, \`monospace\`, {{{verbatim}}}, ~~strike~~,
^super^script and ,,sub,,script. Escape markup with !WikiPageName or !'''this'''.

== Lists ==
 * First item with a link:1 and link:"two words"
   * nested item with ''emphasis''
   * another nested item, mailing someone@example.org
 * Second item
 1. numbered
 1. numbered again
    a. letter
    a. letter again
       i. roman
 term:: its definition
 another term:: another definition
        continued on the next line

== Tables ==
||= Column =||= Value =||= Notes =||
|| alpha || 1 || first row, with a [http://example.org/ link] ||
|| beta  || 2 ||   centred   ||
|||| spanning two columns || last ||

== Blocks ==
{{{
Preformatted text keeps <angle> brackets & ampersands.
  Indentation stays.
}}}
{{{#!div class="important"
A div with '''formatted''' content and a nested list:
 - one
 - two
}}}
> A citation
>> nested citation
Back to normal text.[[BR]]With a line break.

  An indented paragraph becomes a quote,
  spanning lines.
----
=== Anchors and macros ===
Jump to [#Lists the lists] or [=#here an anchor]. [[HelloWorld(sample)]]
[[Image(diagram.png, 200px)]] and [[span(a span, class=note)]].
`;

const env = createConformanceEnvironment();
const render = (text: string) => renderWiki({ text, env, context: CONFORMANCE_CONTEXT });

const caseFile = process.argv[2] ?? defaultCaseFile();
const caseInputs = existsSync(caseFile)
  ? parseCases(readFileSync(caseFile, 'utf8'))
      .filter((c) => c.flavour === 'page')
      .map((c) => c.input)
  : [];
if (!caseInputs.length)
  console.warn(`No case inputs found at ${caseFile}; using sample pages only`);

const corpus: string[] = [...caseInputs];
let size = corpus.reduce((n, t) => n + Buffer.byteLength(t), 0);
let i = 0;
while (size < 420 * 1024) {
  const page = SAMPLE_PAGE.replace('Getting started', `Getting started ${i++}`);
  corpus.push(page);
  size += Buffer.byteLength(page);
}

// Warm up the JIT and the compiled rules before measuring.
for (let k = 0; k < 3; k++) for (const text of corpus) render(text);

const rounds = 5;
const t0 = process.hrtime.bigint();
for (let k = 0; k < rounds; k++) for (const text of corpus) render(text);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const mbPerSecond = (size * rounds) / (1024 * 1024) / seconds;

// One long page has one outline macro, not one per section.
let big = SAMPLE_PAGE;
while (Buffer.byteLength(big) < 50 * 1024) big += SAMPLE_PAGE.replace('[[PageOutline(2-3)]]\n', '');
for (let k = 0; k < 5; k++) render(big);
const samples: number[] = [];
for (let k = 0; k < 20; k++) {
  const s = process.hrtime.bigint();
  render(big);
  samples.push(Number(process.hrtime.bigint() - s) / 1e6);
}
samples.sort((a, b) => a - b);

console.log(
  `corpus: ${(size / 1024).toFixed(0)} KB in ${corpus.length} pages (${caseInputs.length} from the case file)`,
);
console.log(`throughput: ${mbPerSecond.toFixed(2)} MB/s (page flavour, one core)`);
console.log(
  `single ${(Buffer.byteLength(big) / 1024).toFixed(0)} KB page: median ${samples[10]!.toFixed(1)} ms, best ${samples[0]!.toFixed(1)} ms`,
);
