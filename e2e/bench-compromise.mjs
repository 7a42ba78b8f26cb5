// Peer comparison for `make bench`: compromise.js tagging people, places and organisations on
// the same 2,000-word text that `lexo bench` measured, in the same run.
import fs from 'node:fs';
import nlp from 'compromise';

const path = process.argv[2];
const text = fs.readFileSync(path, 'utf8');
const run = () => {
  const doc = nlp(text);
  return doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
};
for (let i = 0; i < 3; i++) run(); // warm up the JIT
const times = [];
const start = performance.now();
while (performance.now() - start < 2000 || times.length < 5) {
  const t = performance.now();
  run();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const ms = times[Math.floor(times.length / 2)];
console.log('BENCH ' + JSON.stringify({ key: 'tag.compromise-node.article', ms }));
console.log(`compromise.js ${JSON.parse(fs.readFileSync(new URL('./node_modules/compromise/package.json', import.meta.url))).version} (node ${process.version}): the same article in ${ms.toFixed(2)} ms = ${(text.length / ms / 1000).toFixed(2)} M chars/s`);
