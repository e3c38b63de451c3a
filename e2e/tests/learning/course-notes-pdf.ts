import PDFDocument from 'pdfkit';

const SECTIONS = [
  {
    title: 'Functions',
    text: [
      'A function is a named piece of code that takes arguments and gives back a value.',
      'Calling a function runs its body with each argument bound to a parameter.',
      'A parameter is the name a function gives to the argument it receives.',
      'The return value is what the function gives back to its caller.',
      'A function without a return statement gives back nothing at all.',
    ],
  },
  {
    title: 'The call stack',
    text: [
      'Every function call gets a stack frame on the call stack, holding its parameters',
      'and local variables. When the function returns, its stack frame is popped and the',
      'caller carries on where it left off. The call stack grows with each nested call',
      'and shrinks as calls return. A debugger shows the call stack as a traceback.',
    ],
  },
  {
    title: 'Recursion',
    text: [
      'A recursive function is a function that calls itself. Recursion solves a problem',
      'by reducing it to smaller instances of the same problem, and every recursive call',
      'pushes one more stack frame on the call stack. The factorial of a number is the',
      'classic example: the factorial of n is n times the factorial of n minus one.',
    ],
  },
  {
    title: 'Base case',
    text: [
      'Every recursion needs a base case: an input small enough to answer directly,',
      'without calling again. A recursion without a base case fills the call stack until',
      'the program fails with a stack overflow. For the factorial, the base case is zero,',
      'whose factorial is one.',
    ],
  },
];

/**
 * A short course text as a real PDF: one section per page with its heading, and an outline
 * entry per section. `tag` makes the bytes unique, so each run uploads a document of its own.
 */
export function writeCourseNotesPdf(tag: string): Promise<Buffer> {
  const doc = new PDFDocument({ info: { Title: `Thinking recursively ${tag}` } });
  const parts: Buffer[] = [];
  doc.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
  });
  SECTIONS.forEach((section, index) => {
    if (index > 0) doc.addPage();
    doc.outline.addItem(section.title);
    doc.fontSize(18).text(section.title, 72, 90);
    doc.fontSize(11);
    section.text.forEach((line, row) => {
      doc.text(line, 72, 130 + row * 16, { lineBreak: false });
    });
  });
  doc.fontSize(8).text(`Edition ${tag}`, 72, 720, { lineBreak: false });
  doc.end();
  return ended;
}
