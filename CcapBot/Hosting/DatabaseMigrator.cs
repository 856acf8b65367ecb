using CcapBot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CcapBot.Hosting;

/// <summary>
/// Brings the database to the current model before the app serves anything (embedded default), or,
/// where migrations are applied by the deployment, refuses to start while any are pending.
/// </summary>
internal sealed partial class DatabaseMigrator(IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        if (options.Value.ShouldMigrateOnStartup)
        {
            if (db.Database.GetDbConnection() is SqliteConnection sqlite && new SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource is { Length: > 0 } file
                && !file.Equals(":memory:", StringComparison.Ordinal) && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(log, options.Value.Provider);
            return;
        }

        // Several instances may start at once and the app's SQL login should not own the schema: the
        // deployment applies the idempotent script, and an instance that finds it missing stops here
        // rather than serving a model the tables don't have.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0) throw new InvalidOperationException(PendingMessage(options.Value, pending));
        LogMigrated(log, options.Value.Provider);
    }

    internal static string PendingMessage(DatabaseOptions options, List<string> pending)
    {
        var setting = options.MigrateOnStartup is null ? $"off by default with {options.Provider}" : "false";
        var remedy = options.Provider == DatabaseProvider.SqlServer
            ? "apply deployment/sql/ccapbot.sql to this database (deployment/README.md, \"Production database\") and start CcapBot again."
            : "set Database:MigrateOnStartup=true (SQLite is single-instance, so the app may migrate its own file) and start CcapBot again.";
        return $"The {options.Provider} database is missing {pending.Count} migration(s): {string.Join(", ", pending)}. " +
            $"Database:MigrateOnStartup is {setting}, so CcapBot does not change the schema itself: {remedy}";
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Database ({Provider}) is at the current migration")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);
}
