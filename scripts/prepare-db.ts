// Runs before every `npm start` and `npm run dev`: migrations, then the question files synced.
import { prepareDatabase } from '@/server/startup';
import { runCli } from './run-cli';

runCli(async () => {
  const { content } = await prepareDatabase();
  const { items, sets } = content;
  console.log(
    `Content synced: ${sets.created + sets.updated + sets.unchanged} sets, ` +
      `${items.created} items added, ${items.updated} updated, ${items.retired} retired, ${items.unchanged} unchanged.`,
  );
});
