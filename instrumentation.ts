// Runs once when the server process starts: marks the database as in use, so `npm run
// db:restore` refuses to replace it under a running server.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ databaseFile }, { recordServerPid }] = await Promise.all([import('./server/config'), import('./server/server-pid')]);
  recordServerPid(databaseFile());
}
