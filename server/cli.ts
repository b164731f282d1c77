/**
 * `npm run server -- <command> [flags]`: the admin CLI (no command starts the server). Same database
 * env vars as the server. Each command is a thin call into server/admin.
 */
import { AdminError } from './admin/accounts';
import { runCommand, USAGE } from './admin/commands';
import { startServer } from './serve';

const [command, ...args] = process.argv.slice(2);

if (!command || command === 'serve') {
  startServer().catch(fail);
} else if (command === 'help' || command === '--help') {
  console.log(USAGE);
} else {
  runCommand(command, args).then((lines) => {
    for (const line of lines) console.log(line);
  }, fail);
}

function fail(error: unknown): never {
  if (error instanceof AdminError) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
