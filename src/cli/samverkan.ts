/**
 * The entry point of `samverkan` and `npm start`: refuses an unsupported Node.js in Swedish before
 * anything loads (better-sqlite3's binary crashes an older Node instead of explaining), then runs the
 * command line.
 */
const REQUIRED_MAJOR = 24;
const major = Number(process.versions.node.split('.')[0]);

if (major < REQUIRED_MAJOR) {
  console.error(
    `samverkan kräver Node.js ${REQUIRED_MAJOR} eller senare; den här är ${process.version}. ` +
      'Installera Node.js 24 LTS, eller kör ". .ci/node24.sh" i en utcheckning (se README, "Det här behöver maskinen").',
  );
  process.exitCode = 1;
} else {
  await import('./main.js');
}
