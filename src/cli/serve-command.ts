import type { Command } from 'commander';
import { useAuditKey } from '../audit/key.ts';
import { publishContestFolder } from '../contest/service.ts';
import { prepareDemo } from '../demo/service.ts';
import { systemClock } from '../platform/clock.ts';
import { disableDemoAccounts } from '../platform/auth/service.ts';
import { loadConfig } from '../platform/config.ts';
import { migrateToLatest, openDatabase } from '../platform/database.ts';
import { packagePath } from '../platform/package-root.ts';
import { buildApp, worksStorage } from '../server.ts';
import { uploadLimitsOf } from '../submission/service.ts';

export const contestsFolder = packagePath('contests');

export const addServeCommand = (program: Command) =>
  program
    .command('serve')
    .description('serve the API and web app; loads the contests folder / 启动服务')
    .option('--demo', 'also make current editions of the seed contests, sample registrations and demo accounts')
    .option('--contests <folder>', 'contest definitions to publish on start', contestsFolder)
    .action(async (options: { demo?: boolean; contests: string }) => {
      // Demo accounts' password is public: they sign in only while the server runs with --demo.
      const config = { ...loadConfig(), demoAccounts: options.demo === true };
      useAuditKey(config);
      const database = await openDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize, dataDir: config.dataDir });
      await migrateToLatest(database.db);
      const published = await publishContestFolder(database.db, options.contests, 'system', systemClock);
      console.log(`contests: ${published.map((p) => `${p.id} (${p.outcome})`).join(', ')}`);
      if (options.demo) {
        const works = { storage: worksStorage(config), limits: uploadLimitsOf(config) };
        await prepareDemo(database.db, systemClock, (line) => console.log(line), works, `http://localhost:${config.port}`);
      } else {
        const demoAccounts = await disableDemoAccounts(database.db);
        if (demoAccounts > 0)
          console.log(`${demoAccounts} demo accounts here are disabled: they sign in only with --demo / 演示账号已停用，仅在 --demo 下可登录`);
      }
      const app = await buildApp(database.db, config, systemClock);
      const close = async () => {
        await app.close();
        await database.close();
        process.exit(0);
      };
      // Signal listeners cannot wait; a failure to close surfaces as an unhandled rejection, which ends the process anyway.
      process.once('SIGINT', () => void close());
      process.once('SIGTERM', () => void close());
      await app.listen({ port: config.port, host: '0.0.0.0' });
      console.log(
        `Leitai 擂台 is serving http://localhost:${config.port} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
      );
      // Requests are not logged by default, so the lines above stay on screen; say how to see them.
      if (config.logLevel === 'warn') console.log('LOG_LEVEL=info logs every request / 设置 LOG_LEVEL=info 可记录每个请求');
    });
