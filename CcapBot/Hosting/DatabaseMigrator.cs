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

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            throw new InvalidOperationException(
                $"The database has {pending.Count} pending migration(s): {string.Join(", ", pending)}. Apply deployment/sql/ccapbot.sql (README, \"Production database\") before starting CcapBot.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Database ({Provider}) is at the current migration")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);
}
