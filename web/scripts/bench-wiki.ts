/**
 * Renders a corpus of wiki text (the shared Trac case inputs plus sample pages, over 400 KB)
 * in the page flavour on one core, and times a single 50 KB page. Each figure is the median
 * of several timed runs after a warm-up, so one slow run (GC) does not skew it. Runs are timed
 * in CPU time, which other processes on a busy machine do not inflate; wall time is shown too.
 * Usage: bench-wiki [CASE_FILE]
 */
import { existsSync, readFileSync } from 'node:fs';
import { defaultCaseFile } from '../src/wiki-engine/conformance/default-case-file';
import { parseCases } from '../src/wiki-engine/conformance/parse-cases';
import {
  CONFORMANCE_CONTEXT,
  createConformanceEnvironment,
} from '../src/wiki-engine/conformance/test-environment';
import { renderWiki } from '../src/wiki-engine/index';

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

/** A page in another register: release notes with prose, tickets, e-mail, code and a table. */
const NOTES_PAGE = `== Release notes ==
This release fixes #101, #102 and ticket:103, and closes milestone:1.2 early. Thanks to
alice@example.com and bob.smith@example.org for the reports; the discussion is in
[http://lists.example.org/archive/2024/05 the list archive] and on TracDev/ApiChanges.
Most of the work went into the wiki renderer, which is now several times faster on long
pages, and into the query language, which gained ordering by custom fields. Upgrading
needs no manual step; the database migrates itself on the first start after the update.

=== Changed behaviour ===
 * Links like <http://example.org/path?query=1> keep their angle brackets.
 * A line ending in two backslashes breaks the line\\\\
   and the next line continues the same list item.
 * CamelCase names inside words such as xCamelCase or !NotALink stay plain text.

{{{#!python
def render(text):
    # Comments and <tags> are not wiki markup here.
    return formatter.format(text)
}}}

|| '''Area''' || '''Before''' || '''After''' ||
|| wiki pages  || slow || fast ||
|| tickets     || 12 ms || 12 ms ||
|-----------------------------------------------
|| notes       || see [report:1 the report] || {1} ||

Older entries live in [wiki:ReleaseNotes/Archive the archive]; ask on IRC or write to
release-team@example.net. Known issues: comment:3:ticket:45 and source:trunk/README@200.
`;

const env = createConformanceEnvironment();
const render = (text: string) => renderWiki({ text, env, context: CONFORMANCE_CONTEXT });
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
/** CPU and wall milliseconds of one run. */
const timeMs = (run: () => void) => {
  const cpu = process.cpuUsage();
  const wall = process.hrtime.bigint();
  run();
  const used = process.cpuUsage(cpu);
  return {
    cpu: (used.user + used.system) / 1000,
    wall: Number(process.hrtime.bigint() - wall) / 1e6,
  };
};

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
for (let i = 0; size < 420 * 1024; i++) {
  // Numbered titles, so no page is a byte-for-byte repeat of another.
  const page = (i % 2 ? NOTES_PAGE : SAMPLE_PAGE).replace(/^(=+ [^=\n]+)/, `$1 ${i}`);
  corpus.push(page);
  size += Buffer.byteLength(page);
}
const renderCorpus = () => {
  for (const text of corpus) render(text);
};

// Warm up the JIT and the compiled rules before measuring.
for (let k = 0; k < 3; k++) renderCorpus();
const corpusRuns = Array.from({ length: 9 }, () => timeMs(renderCorpus));
const corpusMs = median(corpusRuns.map((r) => r.cpu));
const mbPerSecond = size / (1024 * 1024) / (corpusMs / 1000);

// One long page has one outline macro, not one per section.
let big = SAMPLE_PAGE;
for (let i = 0; Buffer.byteLength(big) < 50 * 1024; i++)
  big += i % 2 ? NOTES_PAGE : SAMPLE_PAGE.replace('[[PageOutline(2-3)]]\n', '');
for (let k = 0; k < 5; k++) render(big);
const pageRuns = Array.from({ length: 31 }, () => timeMs(() => render(big)));

const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(
  `corpus: ${(size / 1024).toFixed(0)} KB in ${corpus.length} pages (${caseInputs.length} from the case file)`,
);
console.log(
  `throughput: ${mbPerSecond.toFixed(2)} MB/s (page flavour, one core; median CPU time of ${corpusRuns.length} runs ${ms(corpusMs)}, wall ${ms(median(corpusRuns.map((r) => r.wall)))})`,
);
console.log(
  `single ${(Buffer.byteLength(big) / 1024).toFixed(0)} KB page: median ${ms(median(pageRuns.map((r) => r.cpu)))} (CPU time of ${pageRuns.length} runs; best ${ms(Math.min(...pageRuns.map((r) => r.cpu)))}, wall median ${ms(median(pageRuns.map((r) => r.wall)))})`,
);
