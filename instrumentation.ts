// Runs once when the server process starts: refuses wrong settings (server/config.ts), marks the database as in use, so `npm run
// db:restore` refuses to replace it under a running server; stamps each request with its socket
// address (server/peer-address.ts); and purges anonymous learners left inactive (server/purge.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ checkSettings, databaseTarget }, { recordServerPid }, { installRequestGate }, { schedulePurges }] = await Promise.all([
    import('./server/config'),
    import('./server/server-pid'),
    import('./server/peer-address'),
    import('./server/purge'),
  ]);
  checkSettings();
  installRequestGate();
  const database = databaseTarget();
  if (database.provider === 'sqlite') recordServerPid(database.file);
  schedulePurges();
}
